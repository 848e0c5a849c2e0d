"""Document metadata: YAML front matter, sidecar files, and the fields every chunk carries."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from ingest.documents import LoadError, shorten

SIDECAR_SUFFIX = ".meta.yaml"
FOLDER_TYPES = {"policies": "policy", "processes": "process"}
KEPT_FIELDS = ("title", "doc_id", "doc_type", "owner", "reviewed", "effective", "audience",
               "region", "status", "topic", "superseded_by", "source_urls")
# Metadata is a short flat mapping (the largest in the sample knowledge base is under 2 KiB). These
# bounds hold before any value reaches the parent process, the tokenizer or Chroma.
MAX_META_BYTES = 16 * 1024
MAX_META_DEPTH = 4  # mapping > list > value, with one level to spare
MAX_VALUE_CHARS = 500
MAX_LIST_ITEMS = 50
# A document with no audience in its metadata is for staff when a folder on its path says so (another
# agency's layout: "internal/escalation-matrix.md") or when it says so itself, in its title or opening.
INTERNAL_FOLDERS = {"internal", "staff", "reps", "sop", "sops", "ops"}
INTERNAL_TITLE = re.compile(r"\b(?:INTERNAL|CONFIDENTIAL|STAFF ONLY)\b|(?i:^\W*(?:internal|confidential|staff only)\s*[-:|\u2013\u2014\])])")
INTERNAL_MARK = re.compile(
    r"(?i)\b(?:for internal use|internal use only|for (?:[\w-]+ ){0,2}staff only|"
    r"not (?:to be shared|for sharing) with creators|do not (?:share|forward) (?:this )?(?:with|to) creators)\b")

# An older version that says so itself ("Sample eligibility (2024) - SUPERSEDED", "This version was replaced
# by ...") is superseded, as if its front matter said `status: superseded`; a current page that mentions an
# older one ("this replaces the 2024 version") is not.
SUPERSEDED_TITLE = re.compile(r"(?i)\b(?:superseded|obsolete|archived|no longer in effect)\b")
SUPERSEDED_MARK = re.compile(r"(?i)\b(?:this|the present) (?:version|page|document|policy|guide) "
                             r"(?:was|has been|is|is now) (?:replaced|superseded|withdrawn|retired)\b")


class MetadataRefused(yaml.YAMLError):
    """YAML that parses but is not plain metadata: aliases, or nesting past MAX_META_DEPTH."""


class MetadataLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases (an alias bomb expands to gigabytes once its values are read as
    text) and deep nesting; anchors alone are harmless."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Compose one node, refusing an alias or a node nested too deeply."""
        if self.check_event(yaml.AliasEvent):
            raise MetadataRefused(f"uses a YAML alias (line {self.peek_event().start_mark.line + 1}); "
                                  "aliases are not allowed in metadata")
        self.depth += 1
        try:
            if self.depth > MAX_META_DEPTH:
                raise MetadataRefused(f"is nested more than {MAX_META_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def split_front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    """Split `---` YAML front matter from a Markdown body."""
    if not text.startswith("---"):
        return {}, text
    end = text.find("\n---", 3)
    if end == -1:
        raise LoadError(f"front matter in {source} has no closing '---' line")
    meta = parse_yaml(text[3:end], source)
    body_start = text.find("\n", end + 4)
    return meta, text[body_start + 1:] if body_start != -1 else ""


def parse_yaml(text: str, source: str) -> dict[str, Any]:
    """Parse a YAML mapping, with an error that names the file and the line but never quotes the text."""
    size = len(text.encode("utf-8", "replace"))
    if size > MAX_META_BYTES:
        raise LoadError(f"metadata in {source} is {size // 1024} KiB; the limit is {MAX_META_BYTES // 1024} KiB")
    try:
        data = yaml.load(text, Loader=MetadataLoader) or {}  # noqa: S506 (a SafeLoader subclass)
    except MetadataRefused as err:
        raise LoadError(f"metadata in {source} {err}") from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        raise LoadError(f"invalid YAML metadata in {source}{where}") from err
    except RecursionError as err:
        raise LoadError(f"metadata in {source} is nested too deeply") from err
    if not isinstance(data, dict):
        raise LoadError(f"metadata in {source} is not a mapping of field: value")
    return data


def sidecar_path(path: Path) -> Path:
    """Where a PDF, DOCX, HTML or text file keeps its metadata."""
    return path.with_name(path.name + SIDECAR_SUFFIX)


def read_sidecar(path: Path, source: str) -> dict[str, Any]:
    """Metadata from the sidecar file, or an empty mapping when there is none."""
    side = sidecar_path(path)
    if not side.exists():
        return {}
    with open(side, "rb") as handle:  # read one byte past the limit, never a whole huge file
        data = handle.read(MAX_META_BYTES + 1)
    return parse_yaml(data.decode("utf-8", "replace"), source + SIDECAR_SUFFIX)


def normalise(meta: dict[str, Any], source: str, title: str = "", opening: str = "") -> dict[str, Any]:
    """Keep the known fields, fill doc_type from the folder, the audience from the folder or what the
    document says of itself (its `title` and `opening`), and derive `current`."""
    out = {k: bounded(meta[k]) for k in KEPT_FIELDS if meta.get(k) not in (None, "")}
    top = Path(source).parts[0] if Path(source).parts else ""
    out.setdefault("doc_type", FOLDER_TYPES.get(top, "policy"))
    if "audience" not in out:
        internal = (out["doc_type"] == "process" or any(p.lower() in INTERNAL_FOLDERS for p in Path(source).parts[:-1])
                    or declares_internal(title, opening))
        out["audience"] = "internal" if internal else "creator-safe"
    out.setdefault("region", "global")
    out.setdefault("status", "superseded" if declares_superseded(title, opening) else "current")
    out.setdefault("doc_id", Path(source).with_suffix("").as_posix())
    out["current"] = str(out["status"]).lower() != "superseded"
    return out


def declares_internal(title: str, opening: str) -> bool:
    """The document says it is for staff: "INTERNAL - ..." as its title, "For staff only." as it opens."""
    return bool(INTERNAL_TITLE.search(title) or INTERNAL_MARK.search(title) or INTERNAL_MARK.search(opening[:400]))


def declares_superseded(title: str, opening: str) -> bool:
    """The document says it is an older version: in its title, or as it opens."""
    return bool(SUPERSEDED_TITLE.search(title) or SUPERSEDED_MARK.search(opening[:400]))


def bounded(value: Any) -> Any:
    """A metadata value Chroma can store, capped: dates as ISO days, lists of short strings, short text."""
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, (list, tuple)):
        return [shorten(str(v), MAX_VALUE_CHARS) for v in value[:MAX_LIST_ITEMS] if not isinstance(v, (dict, list))]
    return shorten(str(value), MAX_VALUE_CHARS)
