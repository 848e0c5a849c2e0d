"""Print the settings table for README.md from settings.Settings (tests check README matches)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from settings import ENV_PREFIX, ROOT, Settings  # noqa: E402


def default_text(value: object) -> str:
    """A default as README shows it: paths relative to the repo, secrets as 'unset'."""
    if value is None:
        return "unset"
    if isinstance(value, Path):
        return str(value.relative_to(ROOT)) if value.is_relative_to(ROOT) else str(value)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def table() -> str:
    """The Markdown table: variable, default, description."""
    lines = ["| variable | default | what it does |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        lines.append(f"| `{ENV_PREFIX}{name.upper()}` | `{default_text(field.default)}` | {field.description} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
