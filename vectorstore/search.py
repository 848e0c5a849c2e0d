"""Hybrid search: dense (exact, in memory) and BM25 results fused by reciprocal rank, deduplicated and spread."""
from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, Literal

import numpy as np

from vectorstore.dense import DenseIndex, unit
from vectorstore.filters import Filters
from vectorstore.keyword import KeywordIndex
from vectorstore.store import Hit, Store, stack

if TYPE_CHECKING:  # the model loads lazily; typing must not import it
    from vectorstore.embeddings import Embedder

Mode = Literal["hybrid", "dense", "keyword"]
RRF_K = 60  # the constant from Cormack et al.; flattens the gap between neighbouring ranks
WORD_RE = re.compile(r"\w+")


class HybridSearcher:
    """Searches one store; reloads its indexes whenever a writer has changed the store."""

    def __init__(self, store: Store, embedder: Embedder, per_source: int = 2, candidates: int = 30):
        self.store, self.embedder = store, embedder
        self.per_source, self.candidates = per_source, candidates
        self._lock = threading.Lock()
        self._generation: str | None = None
        self._manifest: dict[str, dict] | None = None  # the manifest the indexes were built from
        # one tuple, swapped in one assignment: a search never pairs one generation's keyword index
        # with another's vectors
        self._indexes: tuple[KeywordIndex, DenseIndex] = (KeywordIndex([]), DenseIndex(np.zeros((0, 0))))

    @property
    def keyword(self) -> KeywordIndex:
        """The current keyword index: chunk texts, metadata, filter masks and BM25."""
        return self._indexes[0]

    @property
    def dense(self) -> DenseIndex:
        """The current embeddings, row for row with the keyword index."""
        return self._indexes[1]

    def refresh(self, force: bool = False) -> bool:
        """Rebuild the indexes (and reopen an embedded store) if the store changed."""
        current = self.store.generation()
        if not force and current == self._generation:
            return False
        with self._lock:
            if force or current != self._generation:
                if self._generation is not None:
                    self.store.reopen()  # another process wrote: drop Chroma's stale caches
                manifest = self.store.read_manifest()
                got = None if force else self._changed_rows(manifest)
                if got is None:
                    rows, raw = self.store.all_rows()
                    got = rows, unit(raw)
                rows, vectors = got
                # one order whichever way the rows came, so an incremental index ranks ties like a full one
                order = sorted(range(len(rows)), key=lambda i: rows[i][0])
                keyword = KeywordIndex([rows[i] for i in order], None if force else self.keyword)
                self._indexes = (keyword, DenseIndex(vectors[order] if order else vectors))
                self._generation, self._manifest = current, manifest
        return True

    def _changed_rows(self, manifest: dict[str, dict]) -> tuple[list, np.ndarray] | None:
        """Rows and vectors for the new generation: kept ones from memory, changed sources re-read by id.

        None (read everything) on the first load, or when the result does not add up to the store's
        count: a writer that bypassed the manifest, or one still running."""
        old, (index, dense) = self._manifest, self._indexes
        if old is None:
            return None
        stale = {s for s in set(old) | set(manifest) if old.get(s) != manifest.get(s)}
        keep = [i for i, meta in enumerate(index.metas) if meta.get("source") not in stale]
        wanted = [cid for source in stale if source in manifest for cid in manifest[source].get("chunk_ids", [])]
        fresh, vectors = self.store.get_rows(wanted)
        rows = [(index.ids[i], index.texts[i], index.metas[i]) for i in keep] + fresh
        if len(rows) != self.store.count():
            return None
        return rows, stack([dense.rows(keep), unit(vectors)])

    @property
    def generation(self) -> str | None:
        """The store generation the indexes were built from."""
        return self._generation

    def search(self, query: str, k: int = 5, filters: Filters = Filters(), mode: Mode = "hybrid",
               refresh: bool = True, per_source: int | None = None) -> list[Hit]:
        """The k best chunks for a query; refresh=False when the caller refreshed for a batch of searches
        (in server mode each check is an HTTP call); per_source overrides the chunks-per-document cap."""
        if refresh or self._generation is None:
            self.refresh()
        keyword, dense = self._indexes
        found_dense = self._dense(query, filters, keyword, dense) if mode != "keyword" else []
        found_keyword = keyword.search(query, self.candidates, filters) if mode != "dense" else []
        if mode == "dense":
            fused = found_dense
        elif mode == "keyword":
            fused = found_keyword
        else:
            fused = fuse(found_dense, found_keyword)
        return spread(collapse(fused), k, per_source or self.per_source)

    def _dense(self, query: str, filters: Filters, keyword: KeywordIndex, dense: DenseIndex) -> list[Hit]:
        """Nearest chunks by embedding, with their cosine similarity kept."""
        hits = self._nearest(self.embedder.embed_query(query), filters, keyword, dense)
        for rank, hit in enumerate(hits, start=1):
            hit.ranks["dense"] = rank
            hit.similarity = round(hit.score, 4)
        return hits

    def _nearest(self, vector: np.ndarray, filters: Filters, keyword: KeywordIndex | None = None,
                 dense: DenseIndex | None = None) -> list[Hit]:
        """The filtered nearest chunks, exactly (see vectorstore/dense.py for why not Chroma's HNSW)."""
        if keyword is None or dense is None:
            keyword, dense = self._indexes
        found = dense.nearest(np.asarray(vector), self.candidates, keyword.mask(filters))
        return [Hit(keyword.ids[i], keyword.texts[i], keyword.metas[i], score) for i, score in found]


def fuse(dense: list[Hit], keyword: list[Hit]) -> list[Hit]:
    """Reciprocal rank fusion of two ranked lists."""
    merged: dict[str, Hit] = {}
    for name, hits in (("dense", dense), ("keyword", keyword)):
        for rank, hit in enumerate(hits, start=1):
            kept = merged.setdefault(hit.id, Hit(hit.id, hit.text, hit.metadata, 0.0, dict(hit.ranks)))
            kept.ranks[name] = rank
            kept.score += 1.0 / (RRF_K + rank)
            if hit.similarity is not None:
                kept.similarity = hit.similarity
    return sorted(merged.values(), key=lambda h: -h.score)


def words(text: str) -> set[str]:
    """Lower-case word set, for near-duplicate checks."""
    return set(WORD_RE.findall(text.lower()))


def collapse(hits: list[Hit], threshold: float = 0.9) -> list[Hit]:
    """Drop hits whose text nearly repeats a better hit (Jaccard over words)."""
    kept: list[tuple[Hit, set[str]]] = []
    for hit in hits:
        bag = words(hit.text)
        if not any(near_duplicate(bag, other, threshold) for _, other in kept):
            kept.append((hit, bag))
    return [h for h, _ in kept]


def near_duplicate(a: set[str], b: set[str], threshold: float) -> bool:
    """Jaccard(a, b) >= threshold, skipping the set work when the sizes alone rule it out."""
    small, large = sorted((len(a), len(b)))
    if small < threshold * large:  # Jaccard <= small / large
        return False
    inter = len(a & b)
    return inter >= threshold * ((len(a) + len(b) - inter) or 1)


def spread(hits: list[Hit], k: int, per_source: int) -> list[Hit]:
    """Top k with at most `per_source` chunks from one document, topped up if too few remain."""
    chosen, counts, overflow = [], {}, []
    for hit in hits:
        source = hit.source
        if counts.get(source, 0) < per_source:
            chosen.append(hit)
            counts[source] = counts.get(source, 0) + 1
        else:
            overflow.append(hit)
        if len(chosen) == k:
            return chosen
    return chosen + overflow[: k - len(chosen)]
