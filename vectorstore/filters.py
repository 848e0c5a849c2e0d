"""Metadata filters shared by dense and keyword search: type, audience, region, current version."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from domain import get_domain


def region_tags(value: Any) -> set[str]:
    """A chunk's market tags in upper case: front matter writes one ("US"), a list ("US, TH") or a YAML list."""
    items = value if isinstance(value, (list, tuple)) else str(value or "global").split(",")
    return {str(item).strip().upper() for item in items if str(item).strip()} or {"GLOBAL"}


def region_values(region: str) -> list[str]:
    """Regions whose documents apply to a creator in `region`: global ones always do, and so do those
    tagged with a grouping of the domain file that holds the market (SEA for Thailand)."""
    region = region.strip().upper()
    if not region or region == "GLOBAL":
        return []
    return [region, "global", *sorted(get_domain().groups_of(region))]


@dataclass(frozen=True)
class Filters:
    """What a search may return. Empty fields do not filter."""

    doc_type: str = ""
    audience: str = ""
    region: str = ""
    current_only: bool = True

    def clauses(self) -> list[dict[str, Any]]:
        """Chroma where-clauses, one per active filter."""
        out: list[dict[str, Any]] = []
        if self.doc_type:
            out.append({"doc_type": self.doc_type})
        if self.audience:
            out.append({"audience": self.audience})
        if region_values(self.region):
            out.append({"region": {"$in": region_values(self.region)}})
        if self.current_only:
            out.append({"current": True})
        return out

    def where(self) -> dict[str, Any] | None:
        """The filter as a Chroma `where` document (benchmarks only: it matches a region tag exactly, so a
        document tagged "US, TH" is missed; search itself filters with `matches`)."""
        clauses = self.clauses()
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def matches(self, meta: dict[str, Any], text: str = "") -> bool:
        """The same filter applied to one chunk's metadata (and text) in Python."""
        if self.doc_type and meta.get("doc_type") != self.doc_type:
            return False
        if self.audience and meta.get("audience") != self.audience:
            return False
        regions = region_values(self.region)
        if regions and not region_tags(meta.get("region")) & {r.upper() for r in regions} \
                and not names_market(text, self.region):
            return False
        return not (self.current_only and meta.get("current") is False)


def names_market(text: str, region: str) -> bool:
    """Whether a chunk's text names the market the way the domain file says documents do. A document tagged
    for other markets still speaks to this one there ("We do not onboard creators in Indonesia")."""
    pattern = get_domain().mentions.get(region.strip().upper()) if text else None
    return bool(pattern and pattern.search(text))
