"""Plain text files: front matter when a file has one, headings, and no underline rows quoted as sentences.

Text files are written by hand much as Markdown is: a `---` metadata block on top ("audience: internal"),
headings underlined with a row of '=' or '-' or set in capitals on a line of their own. Without the
first, an internal note's audience is lost and it is quoted to creators; without the others, a reply
quotes "How TikTok spots commercial posts" as a fact and the reader never sees which section a
sentence belongs to."""
from __future__ import annotations

import re
from typing import Any

from ingest.clean import squeeze
from ingest.documents import LoadError, Section, capitals_heading, push_heading
from ingest.meta import split_front_matter

RULE_LINE = re.compile(r"(?m)^[ \t]{0,3}(?:=+|-+)[ \t]*$")
BULLET = re.compile(r"^\s*[-*+•]\s+\S")
MAX_TITLE_CHARS = 120


def text_front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    """Metadata from a leading `---` block that holds a YAML mapping; otherwise none and the whole text.
    A text file may open with a dashed rule, so a block that is not metadata is text, not an error."""
    try:
        return split_front_matter(text, source)
    except LoadError:
        return {}, text


def heading_style(lines: list[str], i: int) -> str:
    """How line i is set as a heading: '=' or '-' (underlined), 'caps' (capitals on a line of its own
    after a blank line), or '' when it is text."""
    line = lines[i].strip()
    if not line or len(line) > MAX_TITLE_CHARS or RULE_LINE.fullmatch(lines[i]) or "|" in line:
        return ""
    below = lines[i + 1] if i + 1 < len(lines) else ""
    if RULE_LINE.fullmatch(below) and len(below.strip()) >= 3:
        return below.strip()[0]
    alone = i == 0 or not lines[i - 1].strip()
    # "1. SCOPE" is a numbered heading; "- KEEP THIS" is still a list item
    return "caps" if alone and capitals_heading(line) and not BULLET.match(line) else ""


def text_sections(body: str) -> tuple[list[Section], str]:
    """Sections split at headings, and the title: the first line when it is set as a heading. Heading
    levels follow the order in which each style first appears, as reStructuredText assigns them."""
    lines = body.strip("\n").split("\n")
    styles: list[str] = []
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    title, buffer = "", []
    for i, line in enumerate(lines):
        style = heading_style(lines, i)
        if not style:
            buffer.append(line)
            continue
        if i == 0:
            title = line.strip()
            continue
        sections.append(Section([t for _, t in stack], squeeze(without_rules("\n".join(buffer)))))
        styles += [] if style in styles else [style]
        stack, buffer = push_heading(stack, 2 + min(styles.index(style), 4), line.strip()), []
    sections.append(Section([t for _, t in stack], squeeze(without_rules("\n".join(buffer)))))
    return [s for s in sections if s.text.strip()], title


def without_rules(text: str) -> str:
    """The text with lines made only of '=' or '-' removed: underlines and separators carry no words."""
    return RULE_LINE.sub("", text)
