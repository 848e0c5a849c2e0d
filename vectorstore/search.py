"""Hybrid search: dense (Chroma) and BM25 results fused by reciprocal rank, deduplicated and spread."""
from __future__ import annotations

import re
import threading
from typing import Literal

from vectorstore.filters import Filters
from vectorstore.keyword import KeywordIndex
from vectorstore.store import Hit, Store

Mode = Literal["hybrid", "dense", "keyword"]
RRF_K = 60  # the constant from Cormack et al.; flattens the gap between neighbouring ranks
WORD_RE = re.compile(r"\w+")


class HybridSearcher:
    """Searches one store; reloads its keyword index whenever a writer has changed the store."""

    def __init__(self, store: Store, embedder: object, per_source: int = 2, candidates: int = 30):
        self.store, self.embedder = store, embedder
        self.per_source, self.candidates = per_source, candidates
        self._lock = threading.Lock()
        self._generation: str | None = None
        self.keyword = KeywordIndex([])

    def refresh(self, force: bool = False) -> bool:
        """Rebuild the keyword index (and reopen an embedded store) if the store changed."""
        current = self.store.generation()
        if not force and current == self._generation:
            return False
        with self._lock:
            if force or current != self._generation:
                if self._generation is not None:
                    self.store.reopen()  # another process wrote: drop Chroma's stale caches
                rows = list(self.store.iter_chunks(include=("documents", "metadatas")))
                self.keyword = KeywordIndex(rows)
                self._generation = current
        return True

    def search(self, query: str, k: int = 5, filters: Filters = Filters(), mode: Mode = "hybrid") -> list[Hit]:
        """The k best chunks for a query."""
        self.refresh()
        dense = self._dense(query, filters) if mode != "keyword" else []
        keyword = self.keyword.search(query, self.candidates, filters) if mode != "dense" else []
        if mode == "dense":
            fused = dense
        elif mode == "keyword":
            fused = keyword
        else:
            fused = fuse(dense, keyword)
        return spread(collapse(fused), k, self.per_source)

    def _dense(self, query: str, filters: Filters) -> list[Hit]:
        """Nearest chunks by embedding, with their cosine similarity kept."""
        hits = self.store.query(self.embedder.embed_query(query), self.candidates, filters.where())
        for rank, hit in enumerate(hits, start=1):
            hit.ranks["dense"] = rank
            hit.metadata = dict(hit.metadata, similarity=round(hit.score, 4))
        return hits


def fuse(dense: list[Hit], keyword: list[Hit]) -> list[Hit]:
    """Reciprocal rank fusion of two ranked lists."""
    merged: dict[str, Hit] = {}
    for name, hits in (("dense", dense), ("keyword", keyword)):
        for rank, hit in enumerate(hits, start=1):
            kept = merged.setdefault(hit.id, Hit(hit.id, hit.text, dict(hit.metadata), 0.0, dict(hit.ranks)))
            kept.ranks[name] = rank
            kept.score += 1.0 / (RRF_K + rank)
            if "similarity" in hit.metadata:
                kept.metadata["similarity"] = hit.metadata["similarity"]
    return sorted(merged.values(), key=lambda h: -h.score)


def words(text: str) -> set[str]:
    """Lower-case word set, for near-duplicate checks."""
    return set(WORD_RE.findall(text.lower()))


def collapse(hits: list[Hit], threshold: float = 0.9) -> list[Hit]:
    """Drop hits whose text nearly repeats a better hit (Jaccard over words)."""
    kept: list[tuple[Hit, set[str]]] = []
    for hit in hits:
        bag = words(hit.text)
        if all(len(bag & other) / (len(bag | other) or 1) < threshold for _, other in kept):
            kept.append((hit, bag))
    return [h for h, _ in kept]


def spread(hits: list[Hit], k: int, per_source: int) -> list[Hit]:
    """Top k with at most `per_source` chunks from one document, topped up if too few remain."""
    chosen, counts, overflow = [], {}, []
    for hit in hits:
        source = hit.metadata.get("source", "")
        if counts.get(source, 0) < per_source:
            chosen.append(hit)
            counts[source] = counts.get(source, 0) + 1
        else:
            overflow.append(hit)
        if len(chosen) == k:
            return chosen
    return chosen + overflow[: k - len(chosen)]
