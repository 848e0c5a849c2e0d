"""Prompt templates as files with named {placeholders}, rendered only with exactly those names."""
from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

PROMPT_DIR = Path(__file__).resolve().parent
# The LLM answers exactly this when the passages do not answer the question; code and tests detect it.
NO_ANSWER = "CANNOT_ANSWER"


class PromptError(Exception):
    """A template and the values passed to it disagree."""


@lru_cache(maxsize=None)
def load(name: str) -> str:
    """The raw text of prompts/<name>.md."""
    path = PROMPT_DIR / f"{name}.md"
    if not path.exists():
        raise PromptError(f"No prompt template named '{name}' ({path})")
    return path.read_text(encoding="utf-8")


def placeholders(template: str) -> set[str]:
    """Names used as {placeholders} in a template."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def render(name: str, **values: object) -> str:
    """Fill a template; a missing or unexpected placeholder is an error naming it."""
    template = load(name)
    wanted = placeholders(template)
    missing, extra = wanted - values.keys(), values.keys() - wanted
    if missing:
        raise PromptError(f"Template '{name}' needs {sorted(missing)}, which were not given")
    if extra:
        raise PromptError(f"Template '{name}' has no placeholder for {sorted(extra)}")
    return template.format(**values)


def templates() -> list[str]:
    """Names of every template file."""
    return sorted(p.stem for p in PROMPT_DIR.glob("*.md"))
