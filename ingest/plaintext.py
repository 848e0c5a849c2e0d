"""Plain text files: front matter when a file has one, a title line, and no underline rows quoted as sentences.

Text files are written by hand much as Markdown is: a `---` metadata block on top ("audience: internal")
and titles underlined with a row of '=' or '-'. Without the first, an internal note's audience is lost
and it is quoted to creators; without the second, a reply quotes "Why it matters --------------"."""
from __future__ import annotations

import re
from typing import Any

from ingest.documents import LoadError
from ingest.meta import split_front_matter

RULE_LINE = re.compile(r"(?m)^[ \t]{0,3}(?:=+|-+)[ \t]*$")
MAX_TITLE_CHARS = 120


def text_front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    """Metadata from a leading `---` block that holds a YAML mapping; otherwise none and the whole text.
    A text file may open with a dashed rule, so a block that is not metadata is text, not an error."""
    try:
        return split_front_matter(text, source)
    except LoadError:
        return {}, text


def first_line_title(text: str) -> str:
    """The file's first line when it is set as a title: underlined, or a short line in capitals; else ''.
    Made the title, it is no longer quoted as a sentence of the first paragraph."""
    lines = text.strip("\n").split("\n")
    first = lines[0].strip()
    underlined = len(lines) > 1 and bool(RULE_LINE.fullmatch(lines[1])) and len(lines[1].strip()) >= 3
    capitals = sum(c.isalpha() for c in first) >= 3 and first == first.upper() and first[-1:] not in ".,;:!?"
    return first if first and len(first) <= MAX_TITLE_CHARS and (underlined or capitals) else ""


def without_rules(text: str) -> str:
    """The text with lines made only of '=' or '-' removed: underlines and separators carry no words."""
    return RULE_LINE.sub("", text)
