"""Chunking that follows headings and paragraphs and never exceeds the embedder's window."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any, Callable

from ingest.documents import LoadedDoc, Section

SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[])")
TABLE_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?\|?$")  # "|---|:--:|"
TokenCounter = Callable[[str], int]
# Tokenising costs memory in proportion to the text, and ingest does it outside the parsing sandbox, so
# a text this many times longer than the budget is split before it is ever counted whole.
MAX_CHARS_PER_TOKEN = 40


@dataclass
class Chunk:
    """One piece of a document, ready to embed."""

    id: str
    text: str  # the passage as shown to people
    embed_text: str  # what the model embeds: title and section path, then the passage
    metadata: dict[str, Any]


def heading_line(title: str, path: list[str]) -> str:
    """'Title > Section > Subsection' prefix for the embedded text."""
    return " > ".join([title, *path])


# How a part is joined back to the one before it: paragraphs by a blank line, so a Markdown table or list
# does not swallow the paragraph after it; lines of one paragraph by a line break; sentences by a space.
SPLITTERS: tuple[tuple[str, Callable[[str], list[str]]], ...] = (
    ("\n\n", lambda t: t.split("\n\n")), ("\n", lambda t: t.split("\n")), (" ", SENTENCE_RE.split))


def pieces(text: str, budget: int, count: TokenCounter, joiner: str = "\n\n") -> list[tuple[str, str]]:
    """Split text into parts that each fit the budget: paragraphs, then lines, sentences, words. Each part
    comes with the separator that joins it to the part before it."""
    if len(text) <= budget * MAX_CHARS_PER_TOKEN and count(text) <= budget:
        return [(joiner, text)]
    if groups := table_parts(text, budget, count):
        return [(joiner if i == 0 else "\n\n", group) for i, group in enumerate(groups)]
    for inner, splitter in SPLITTERS:
        parts = [p for p in splitter(text) if p.strip()]
        if inner == "\n\n":
            parts = with_what_they_lead(parts, budget, count)
        if len(parts) > 1:
            return [q for i, p in enumerate(parts) for q in pieces(p, budget, count, joiner if i == 0 else inner)]
    return [(joiner if i == 0 else " ", words) for i, words in enumerate(split_words(text, budget, count))]


def table_parts(text: str, budget: int, count: TokenCounter) -> list[str]:
    """A table too long for one chunk, as tables of consecutive rows that each repeat its header (and a
    Markdown table's rule line): a row read without the header names no column, and its first row would be
    taken for the header. A DOCX or HTML table is rows of cells kept apart by ' | ', the first its header.
    Empty when the text is not such a table, or the header leaves no room for a row."""
    lines = text.split("\n")
    markdown = len(lines) >= 4 and all(ln.lstrip().startswith("|") for ln in lines) and TABLE_RULE.match(lines[1].strip())
    cells = {ln.count(" | ") for ln in lines}
    if not markdown and (len(lines) < 3 or len(cells) != 1 or 0 in cells or lines[0].lstrip().startswith("|")):
        return []
    head = 2 if markdown else 1
    header = "\n".join(lines[:head])
    if count(f"{header}\n{lines[head]}") > budget:
        return []
    groups: list[list[str]] = [[]]
    for row in lines[head:]:
        if groups[-1] and count("\n".join([header, *groups[-1], row])) > budget:
            groups.append([])
        groups[-1].append(row)
    return ["\n".join([header, *group]) for group in groups]


def with_what_they_lead(paragraphs: list[str], budget: int, count: TokenCounter) -> list[str]:
    """A paragraph ending in a lead-in ("Examples TikTok gives:") joined to the one it introduces when both
    fit the budget, so a chunk never ends on the lead-in and the next one never starts on its bare items."""
    out: list[str] = []
    for paragraph in paragraphs:
        joined = f"{out[-1]}\n\n{paragraph}" if out and out[-1].rstrip().endswith(":") else ""
        if joined and len(joined) <= budget * MAX_CHARS_PER_TOKEN and count(joined) <= budget:
            out[-1] = joined
        else:
            out.append(paragraph)
    return out


def split_words(text: str, budget: int, count: TokenCounter) -> list[str]:
    """Last resort for one enormous sentence: word windows that fit the budget."""
    words, out, current = text.split(), [], []
    for word in words:
        if current and count(" ".join(current + [word])) > budget:
            out.append(" ".join(current))
            current = []
        current.append(word[:200])  # a 'word' of thousands of characters is junk, not language
    if current:
        out.append(" ".join(current))
    return out


def pack(parts: list[tuple[str, str]], budget: int, count: TokenCounter) -> list[str]:
    """Greedily join consecutive parts while they fit the budget, each with its own separator."""
    out, current, used = [], "", 0
    for joiner, part in parts:
        size = count(part)
        if current and used + size > budget:
            out.append(current)
            current, used = "", 0
        current = f"{current}{joiner}{part}" if current else part
        used += size
    if current:
        out.append(current)
    return out


def chunk_document(doc: LoadedDoc, content_hash: str, window: int, target: int, count: TokenCounter) -> list[Chunk]:
    """Chunks of a document with deterministic ids (source, version, index).

    `count` gives word pieces without special tokens; `window` is the model's limit with them.
    """
    chunks: list[Chunk] = []
    doc = storable(doc)
    for section in doc.sections:
        # A heading path may take at most a third of the window, so the passage always has room.
        prefix = fit(heading_line(doc.title, section.path), window // 3, count)
        # 2 special tokens plus the prefix line must fit beside the passage in the window.
        room = window - count(prefix + "\n") - 2
        budget = max(16, min(target, room))
        for text in pack(pieces(section.text, budget, count), budget, count):
            embed_text = f"{prefix}\n{text}"
            # Tokenizer joins can add a piece or two. Each pass shortens the text, and an empty
            # passage fits beside the bounded prefix, so this ends.
            while text and count(embed_text) > window - 2:
                text = text[: min(len(text) - 1, int(len(text) * 0.9))]
                embed_text = f"{prefix}\n{text}"
            if text.strip():
                chunks.append(make_chunk(doc, section, text, embed_text, len(chunks), content_hash))
    return chunks


def fit(text: str, limit: int, count: TokenCounter) -> str:
    """The longest start of text within `limit` tokens, found by halving, so it costs log2(len) counts."""
    if count(text) <= limit:
        return text
    good, bad = 0, len(text)  # text[:good] fits, text[:bad] does not
    while bad - good > 1:
        middle = (good + bad) // 2
        if count(text[:middle]) <= limit:
            good = middle
        else:
            bad = middle
    return text[:good].rstrip()


def make_chunk(doc: LoadedDoc, section: Section, text: str, embed_text: str, index: int, content_hash: str) -> Chunk:
    """A Chunk with the metadata every chunk carries."""
    version = content_hash[:12]
    meta = dict(doc.metadata)
    meta.update(source=doc.source, title=doc.title, section=" > ".join(section.path),
                page=section.page or 0, chunk_index=index, content_hash=content_hash,
                version=version, text_hash=hashlib.sha1(text.encode()).hexdigest()[:12])
    return Chunk(id=f"{doc.source}:{version}:{index}", text=text, embed_text=embed_text, metadata=meta)


def storable(doc: LoadedDoc) -> LoadedDoc:
    """The document with every string valid UTF-8: a parser can hand back lone surrogates (a PDF's broken
    character map), which the tokenizer, Chroma and JSON refuse, so they become '?'."""
    meta = {k: utf8(v) if isinstance(v, str) else v for k, v in doc.metadata.items()}
    sections = [Section([utf8(p) for p in s.path], utf8(s.text), s.page) for s in doc.sections]
    return LoadedDoc(doc.source, utf8(doc.title), meta, sections, doc.flags)


def utf8(text: str) -> str:
    """Text with anything that cannot be UTF-8 encoded replaced by '?'."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text
