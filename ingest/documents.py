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
