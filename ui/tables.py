"""Table rows in a chunk's text ("A | B" lines from PDF, DOCX and HTML) turned into Markdown tables."""
from __future__ import annotations

import re

SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def cells(line: str) -> list[str]:
    """The cells of one ' | '-joined row, outer pipes dropped."""
    return [c.strip() for c in line.strip().strip("|").split("|")]


def is_row(line: str) -> bool:
    """A line with at least two cells."""
    return " | " in line or (line.strip().startswith("|") and line.strip().endswith("|") and line.count("|") >= 3)


def as_markdown(text: str) -> str:
    """The text with every run of two or more table rows written as a Markdown table (first row the header)."""
    lines, out, i = text.splitlines(), [], 0
    while i < len(lines):
        j = i
        while j < len(lines) and (is_row(lines[j]) or SEPARATOR_RE.match(lines[j]) and j > i):
            j += 1
        rows = [cells(line) for line in lines[i:j] if not SEPARATOR_RE.match(line)]
        if len(rows) >= 2:
            width = max(len(r) for r in rows)
            rows = [r + [""] * (width - len(r)) for r in rows]
            out += ["", _row(rows[0]), _row(["---"] * width), *(_row(r) for r in rows[1:]), ""]
            i = j
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out).strip("\n")


def _row(values: list[str]) -> str:
    """One Markdown table row."""
    return "| " + " | ".join(v.replace("|", "\\|") for v in values) + " |"
