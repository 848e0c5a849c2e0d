"""Reports over the activity log: CSV export and content gaps."""
from __future__ import annotations

import csv
import io
import re
from typing import Any

from assistant.activity import COLUMNS

HEAVY_EDIT = 0.5  # a reply that changed more than half of the draft counts as a content gap
# Spreadsheets skip leading blanks (any Unicode space, line breaks, the ideographic space, zero-width
# characters) and read full-width signs as formula signs, so those come before the sign too.
FORMULA_START = re.compile(r"^[\s\u200b-\u200f\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]")


def csv_cell(value: Any) -> Any:
    """Defuse spreadsheet formulas: a cell whose first visible sign is = + - @ would run when opened."""
    if isinstance(value, str) and (FORMULA_START.match(value) or value[:1] in ("\t", "\r")):
        return "'" + value
    return value


def to_csv(rows: list[dict[str, Any]]) -> str:
    """Rows as CSV text with a header line, in the table's column order; every cell is quoted, so a
    bare CR or LF inside a value can never end a row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), extrasaction="ignore", lineterminator="\r\n",
                            quoting=csv.QUOTE_ALL)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(row.get(k)) for k in COLUMNS})
    return out.getvalue()


def is_gap(row: dict[str, Any]) -> bool:
    """An escalation, a thumbs-down, or a reply that rewrote most of the draft."""
    ratio = row.get("edit_ratio")
    return row.get("status") == "escalate" or row.get("thumbs") == 0 or (ratio is not None and ratio > HEAVY_EDIT)


def content_gaps(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Gap rows grouped by topic, biggest group first."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if is_gap(row):
            groups.setdefault(row.get("topic") or "(no topic)", []).append(row)
    return dict(sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])))
