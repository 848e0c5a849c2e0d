"""Headings of a PDF without bookmarks, from type size: a short line set larger than the body text.

Exported PDFs often carry no outline, and without headings every section is one run of text: the
reader never sees that "Key numbers" heads a table, and a reply quotes "What a refundable sample is" as a
fact. Type size is what a person reads headings by; bold alone is not used, since table headers are bold."""
from __future__ import annotations

from collections import Counter

SCALE = 1.15  # at least this many times the body's size: 11.5 pt over 10 pt, not 10.5 over 10
MAX_CHARS = 120  # a longer line is a paragraph set large, not a heading
Sized = list[tuple[float, str]]  # (size in points, text) for each visible piece of a page, in order


def body_size(pages: list[Sized]) -> float:
    """The type size that carries the most characters."""
    weight: Counter[float] = Counter()
    for page in pages:
        for size, text in page:
            weight[round(size, 1)] += len(text)
    return weight.most_common(1)[0][0] if weight else 0.0


def font_headings(pages: list[Sized], lines: list[list[str]]) -> tuple[list[list[tuple[int, str]]], str]:
    """(level, text) headings for each page, in reading order, and the title: the largest lines that open
    the first page. Levels follow size, largest first; only whole lines count."""
    body = body_size(pages)
    big = sorted({round(s, 1) for page in pages for s, t in page if body and s >= body * SCALE}, reverse=True)
    out: list[list[tuple[int, str]]] = []
    for page, page_lines in zip(pages, lines):
        heads = [(1 + big.index(round(size, 1)), text.strip()) for size, text in page
                 if round(size, 1) in big and len(text.strip()) <= MAX_CHARS]
        out.append(in_order(heads, page_lines))  # keeps only pieces that are whole lines
    title_parts: list[str] = []
    while out and out[0] and out[0][0][0] == 1:  # a title may wrap onto a second line
        title_parts.append(out[0].pop(0)[1])
    return out, " ".join(title_parts)


def in_order(heads: list[tuple[int, str]], lines: list[str]) -> list[tuple[int, str]]:
    """The headings that appear as lines in the same order, each once: the page splits at them in turn."""
    kept, at = [], 0
    for level, text in heads:
        try:
            at = lines.index(text, at) + 1
        except ValueError:
            continue
        kept.append((level, text))
    return kept
