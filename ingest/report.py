"""The ingest report: what one run did, as the JSON contract and as a table."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Report:
    """Result of one ingest run; the first seven keys are the documented --json contract."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)
    chunks: int = 0  # chunks embedded and written in this run
    seconds: float = 0.0
    total_chunks: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)
    flagged: list[dict[str, Any]] = field(default_factory=list)
    dry_run: bool = False
    finished_at: str = ""

    @property
    def exit_code(self) -> int:
        """0 when every file was ingested, 1 when some file failed."""
        return 1 if self.failed else 0

    def to_json(self) -> str:
        """The report as one JSON object."""
        return json.dumps(asdict(self), ensure_ascii=False)

    def save(self, path: Path) -> None:
        """Keep the last report beside the store for the Library page."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(self.to_json(), encoding="utf-8")
        tmp.replace(path)


def load_report(path: Path) -> Report | None:
    """The last saved report, or None."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Report(**{k: v for k, v in data.items() if k in Report.__dataclass_fields__})


def last_result(report: Report | None, source: str) -> str:
    """What the last ingest run did with one source, in a word or a short reason."""
    if report is None:
        return ""
    for item in report.failed:
        if item.get("path") == source:
            return f"failed: {item.get('error', '')}"
    for name in ("added", "updated", "unchanged"):
        if source in getattr(report, name):
            return name
    return ""


def report_flags(report: Report | None, source: str) -> str:
    """Flags (hidden text removed, encoding fallbacks) the last run raised for one source."""
    if report is None:
        return ""
    return "; ".join(f for item in report.flagged if item.get("path") == source for f in item.get("flags", []))
