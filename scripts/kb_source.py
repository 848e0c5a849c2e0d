"""Read a kb_sources Markdown file: front matter (through ingest's reader) and the body's Markdown subset."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from ingest.meta import split_front_matter

REQUIRED_FIELDS = (
    "title", "doc_id", "doc_type", "owner", "reviewed", "effective",
    "audience", "region", "status", "topic",
)
FORMATS = ("pdf", "docx")


@dataclass
class Block:
    """One rendered unit of the document body."""

    kind: str  # heading | para | bullets | numbers | table | quote
    text: str = ""
    level: int = 0
    items: list[str] | None = None
    rows: list[list[str]] | None = None


@dataclass
class Source:
    """A parsed kb_sources file: metadata, output format and body blocks."""

    path: Path
    meta: dict[str, Any]
    fmt: str
    blocks: list[Block]


def validate_meta(meta: dict[str, Any], path: Path) -> str:
    """Check required fields and return the requested output format."""
    missing = [field for field in REQUIRED_FIELDS if field not in meta]
    if missing:
        raise ValueError(f"{path}: missing front-matter fields {missing}")
    fmt = str(meta.get("format", "")).lower()
    if fmt not in FORMATS:
        raise ValueError(f"{path}: format must be one of {FORMATS}, got {fmt!r}")
    return fmt


def table_cells(line: str) -> list[str]:
    """Split one Markdown table row into stripped cell texts."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def is_table_rule(line: str) -> bool:
    """Return True for the |---|---| separator row of a Markdown table."""
    return bool(re.match(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", line))


def line_kind(line: str) -> str:
    """Classify a Markdown line by the block it belongs to."""
    if not line.strip():
        return "blank"
    if re.match(r"^#{1,3} ", line):
        return "heading"
    if re.match(r"^\s*[-*] ", line):
        return "bullets"
    if re.match(r"^\s*\d+\. ", line):
        return "numbers"
    if line.lstrip().startswith("|"):
        return "table"
    if line.startswith(">"):
        return "quote"
    return "para"


def make_block(kind: str, lines: list[str]) -> Block:
    """Turn a run of same-kind lines into a Block."""
    if kind == "heading":
        hashes, _, text = lines[0].partition(" ")
        return Block("heading", text=text.strip(), level=len(hashes))
    if kind in ("bullets", "numbers"):
        items = [re.sub(r"^\s*(?:[-*]|\d+\.) ", "", line).strip() for line in lines]
        return Block(kind, items=items)
    if kind == "table":
        rows = [table_cells(line) for line in lines if not is_table_rule(line)]
        return Block("table", rows=rows)
    if kind == "quote":
        return Block("quote", text=" ".join(line.lstrip("> ").strip() for line in lines))
    return Block("para", text=" ".join(line.strip() for line in lines))


def parse_body(body: str) -> list[Block]:
    """Parse the Markdown subset used in kb_sources into blocks."""
    blocks: list[Block] = []
    run: list[str] = []
    run_kind = "blank"
    for line in body.splitlines():
        kind = line_kind(line)
        if run and (kind != run_kind or kind == "heading"):
            blocks.append(make_block(run_kind, run))
            run = []
        if kind != "blank":
            run.append(line)
        run_kind = kind
    if run:
        blocks.append(make_block(run_kind, run))
    return blocks


def load_source(path: Path) -> Source:
    """Read, validate and parse one kb_sources Markdown file."""
    meta, body = split_front_matter(path.read_text(encoding="utf-8"), str(path))
    fmt = validate_meta(meta, path)
    return Source(path=path, meta=meta, fmt=fmt, blocks=parse_body(body))


def fixed_timestamp(meta: dict[str, Any]) -> datetime:
    """Return the deterministic document timestamp (the reviewed date, noon UTC)."""
    reviewed = meta["reviewed"]
    if not isinstance(reviewed, date):
        reviewed = date.fromisoformat(str(reviewed))
    return datetime(reviewed.year, reviewed.month, reviewed.day, 12, 0, tzinfo=timezone.utc)
