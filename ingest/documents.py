"""What loaders produce: a document's metadata and its text, section by section."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class LoadError(Exception):
    """A file could not be turned into text; the message says why in plain words."""


@dataclass
class Section:
    """A run of text under one heading path, on one page for PDFs."""

    path: list[str]
    text: str
    page: int | None = None


@dataclass
class LoadedDoc:
    """A parsed document: metadata from front matter or sidecar, and its sections."""

    source: str
    title: str
    metadata: dict[str, Any]
    sections: list[Section]
    flags: list[str] = field(default_factory=list)  # e.g. "hidden text removed"


Heading = tuple[int, str]  # (level, text)
MAX_LABEL_CHARS = 160  # longer bold text is an emphasised paragraph, not a heading


def label_heading(text: str) -> str:
    """The text of a line set apart in bold when it reads as a heading ("Collections (US)", "Q: Do I need
    a Business account?"), else '': one ending in '.' or '!' is an emphasised sentence, one ending in
    ':' leads into what follows ("Banned:")."""
    text = " ".join(text.split())
    return text if text and len(text) <= MAX_LABEL_CHARS and text[-1] not in ".!:" else ""


def capitals_heading(line: str) -> str:
    """The text of a line set in capitals as a heading ("3. THE FOUR MOST COMMON VIOLATIONS (US, Sept 2025)",
    "FAKE MESSAGES"), else '': at least three letters, a fifth or fewer in lower case, no closing punctuation."""
    text = " ".join(line.split())
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3 or sum(c.islower() for c in letters) > len(letters) / 5 or "|" in text:
        return ""
    return text if len(text) <= MAX_LABEL_CHARS and text[-1] not in ".,;:!?" else ""


def shorten(text: str, limit: int) -> str:
    """Text cut to at most `limit` characters, at a space when one is near the end, marked with '…'."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


def push_heading(stack: list[Heading], level: int, text: str, keep_h1: bool = False) -> list[Heading]:
    """The heading path after a heading: deeper or equal levels are closed. An H1 is the document
    title, not a section, unless keep_h1 is set."""
    opened = [(level, text)] if level > 1 or keep_h1 else []
    return [(lv, t) for lv, t in stack if lv < level] + opened
