"""Markdown to sections: markdown-it finds the headings, so fenced code never counts as one."""
from __future__ import annotations

from markdown_it import MarkdownIt

from ingest.clean import squeeze
from ingest.documents import Section, push_heading


def heading_spans(body: str) -> list[tuple[int, int, int, str]]:
    """(start line, end line, level, text) for every heading in the body."""
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    spans = []
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.map:
            level = int(tok.tag[1])
            spans.append((tok.map[0], tok.map[1], level, tokens[i + 1].content.strip()))
    return spans


def markdown_sections(body: str) -> tuple[list[Section], str]:
    """Split a Markdown body at headings; return sections and the first H1 (the title)."""
    lines = body.split("\n")
    spans = heading_spans(body)
    h1 = next((text for _, _, level, text in spans if level == 1), "")
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
