"""Markdown to sections: markdown-it finds the headings, so fenced code never counts as one.

Many hand-written pages set their headings in bold instead ("**Collections (US)**", "**Q: Do I need a
Business account?**") or in capitals on a line of their own ("3. SCOPE"). A paragraph whose first line is
all bold is such a heading, one level below the last real heading; a bold label ending in ':' ("**Banned:**")
leads into what follows and stays text."""
from __future__ import annotations

import re

from markdown_it import MarkdownIt

from ingest.clean import squeeze
from ingest.documents import Section, capitals_heading, label_heading, push_heading

BOLD_LINE = re.compile(r"^\s{0,3}(\*\*|__)(?P<text>[^*_].*?)\1\s*$")
Span = tuple[int, int, int, str]  # (start line, end line, level, text)


def bold_heading(line: str) -> str:
    """The text of a line that is one bold run reading as a heading, else ''."""
    found = BOLD_LINE.match(line)
    text = found.group("text") if found else ""
    return "" if "**" in text or "__" in text else label_heading(text)


def heading_spans(body: str) -> list[Span]:
    """(start line, end line, level, text) for every heading in the body, bold-line headings included."""
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    lines = body.split("\n")
    spans: list[Span] = []
    depth = 1  # the level of the last real heading; a bold heading sits one below it
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.map:
            depth = int(tok.tag[1])
            spans.append((tok.map[0], tok.map[1], depth, tokens[i + 1].content.strip()))
        elif tok.type in ("paragraph_open", "ordered_list_open") and tok.map and tok.level == 0:
            text = bold_heading(lines[tok.map[0]]) if tok.type == "paragraph_open" else ""
            # a line in capitals on its own, numbered or not ("3. THE FOUR MOST COMMON VIOLATIONS"): a heading
            # in a page written without '#'; markdown-it reads a numbered one as a one-item list
            one_line = sum(1 for line in lines[tok.map[0]:tok.map[1]] if line.strip()) == 1
            text = text or (capitals_heading(lines[tok.map[0]]) if one_line else "")
            if text:
                spans.append((tok.map[0], tok.map[0] + 1, min(depth + 1, 6), text))
    return spans


def markdown_sections(body: str) -> tuple[list[Section], str]:
    """Split a Markdown body at headings; return sections and the title: the first H1, or a bold heading
    that opens a page with no H1."""
    lines = body.split("\n")
    spans = heading_spans(body)
    h1 = next((text for _, _, level, text in spans if level == 1), "")
    if not h1 and spans and spans[0][2] == 2 and not squeeze("\n".join(lines[:spans[0][0]])).strip() \
            and (bold_heading(lines[spans[0][0]]) or capitals_heading(lines[spans[0][0]])):
        start, end, _, h1 = spans[0]
        spans[0] = (start, end, 1, h1)
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    cursor = 0
    for start, end, level, text in spans:
        sections.append(Section(path_of(stack), squeeze("\n".join(lines[cursor:start]))))
        stack = push_heading(stack, level, text, keep_h1=True)
        cursor = end
    sections.append(Section(path_of(stack), squeeze("\n".join(lines[cursor:]))))
    return [s for s in sections if s.text], h1


def path_of(stack: list[tuple[int, str]]) -> list[str]:
    """Heading path below the document title (H1 is the title, not a section)."""
    return [text for level, text in stack if level > 1]
