"""Documents as the Learn and Library pages see them: listed from the store, read back chunk by chunk."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable

from assistant.types import Passage, to_passage
from vectorstore.store import Hit, Store

META_FIELDS = ("owner", "reviewed", "effective", "audience", "region", "status", "topic", "doc_type", "doc_id")


@dataclass
class DocInfo:
    """One ingested document: its front matter, chunk count and health."""

    source: str
    title: str
    chunks: int
    doc_type: str = ""  # policy or process
    topic: str = ""  # one word, for the Learn page's filter
    region: str = ""
    owner: str = ""
    reviewed: str = ""  # ISO day of the last review, as the document gives it
    effective: str = ""
    status: str = ""  # "superseded" for an older version
    flags: str = ""
    ingested_at: str = ""
    version: str = ""


@dataclass
class Block:
    """A run of a document under one heading and page, made of consecutive chunks."""

    section: str
    page: int
    chunks: list[Passage] = field(default_factory=list)


@dataclass
class Document:
    """One document read back: the front matter shown above it, then its chunks in order."""

    meta: dict[str, Any]  # shown field by field under its own name (doc_meta), so kept as the store has it
    chunks: list[Passage]


def list_documents(store: Store, metas: Iterable[dict[str, Any]] | None = None) -> list[DocInfo]:
    """Every document in the manifest, with metadata taken from its first chunk. `metas` (every
    chunk's metadata, e.g. from the search index already in memory) saves re-reading the collection."""
    manifest = store.read_manifest()
    first: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {}
    for meta in metas if metas is not None else (m for _, _, m in store.iter_chunks()):
        source = str(meta.get("source", ""))
        counts[source] = counts.get(source, 0) + 1
        if source not in first or meta.get("chunk_index", 0) < first[source].get("chunk_index", 0):
            first[source] = meta
    docs = []
    for source in sorted(set(manifest) | set(first)):
        entry, meta = manifest.get(source, {}), first.get(source, {})
        fields = {k: str(meta.get(k, "")) for k in ("doc_type", "topic", "region", "owner", "reviewed", "effective", "status")}
        docs.append(DocInfo(source=source, title=str(meta.get("title") or entry.get("title") or source),
                            chunks=counts.get(source, 0), flags=str(entry.get("flags", "")),
                            ingested_at=str(entry.get("ingested_at", "")), version=str(entry.get("version", "")), **fields))
    return docs


def is_stale(reviewed: object, stale_after_days: int, today: dt.date | None = None) -> bool:
    """True when the review date is missing, unreadable or older than the limit."""
    try:
        day = dt.date.fromisoformat(str(reviewed)[:10])
    except ValueError:
        return True
    return ((today or dt.date.today()) - day).days > stale_after_days


def read_document(store: Store, source: str) -> Document:
    """A document's front matter and its chunks in order."""
    hits = store.get_chunks({"source": source})
    return Document(doc_meta(hits), [to_passage(h) for h in hits])


def blocks(chunks: list[Passage]) -> list[Block]:
    """Consecutive chunks grouped by (section, page), so headings and page numbers show once."""
    out: list[Block] = []
    for chunk in chunks:
        if not out or (out[-1].section, out[-1].page) != (chunk.section, chunk.page):
            out.append(Block(chunk.section, chunk.page))
        out[-1].chunks.append(chunk)
    return out


def heading_level(section: str) -> int:
    """Markdown heading depth for a section path 'A > B': 3 for top level, 4 below."""
    return 3 if section.count(" > ") == 0 else 4


def doc_meta(chunks: list[Hit]) -> dict[str, Any]:
    """The document-level metadata shown above its text."""
    if not chunks:
        return {}
    meta = chunks[0].metadata
    return {k: meta.get(k, "") for k in ("title", *META_FIELDS, "version")}
