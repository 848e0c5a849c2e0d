"""Report printing for the benchmarks: rich tables and JSON on stdout."""
from __future__ import annotations

import json
import os
from typing import Any, Sequence


def ratio(num: float, den: float) -> float:
    """num / den rounded for printing; 0 when den is 0."""
    return round(num / den, 3) if den else 0.0


def print_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], caption: str = "") -> None:
    """A rich table on stdout."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, caption=caption or None, caption_justify="left")
    for i, name in enumerate(columns):
        table.add_column(name, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*[str(c) for c in row])
    Console(width=max(100, int(os.environ.get("COLUMNS", "0") or 0))).print(table)


def print_json(data: dict[str, Any]) -> None:
    """One JSON object on stdout."""
    print(json.dumps(data, indent=2, default=str, ensure_ascii=False))
