"""Hybrid search: dense (Chroma) and BM25 results fused by reciprocal rank, deduplicated and spread."""
from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, Literal

from vectorstore.filters import Filters
from vectorstore.keyword import KeywordIndex
from vectorstore.store import Hit, Store

if TYPE_CHECKING:  # the model loads lazily; typing must not import it
    from vectorstore.embeddings import Embedder

Mode = Literal["hybrid", "dense", "keyword"]
RRF_K = 60  # the constant from Cormack et al.; flattens the gap between neighbouring ranks
# Chroma's local `where` costs time per *matching* row (chroma-core/chroma#7092): ~0.5 s at 100k chunks for a
# filter most chunks pass (bench/search.py), while an unfiltered query for ids and distances only stays cheap
# even when wide (2,000 ids in ~20 ms at 20k chunks, against ~80 ms with documents). So a filter most
# chunks pass is applied in Python to an over-fetched unfiltered result, and only a selective filter
# (cheap for Chroma, and one that would starve the over-fetch) goes to Chroma.
POST_FILTER_MIN_SHARE = 0.25
MAX_FETCH = 2000  # the widest unfiltered retry before giving the filter to Chroma
WORD_RE = re.compile(r"\w+")


class HybridSearcher:
    """Searches one store; reloads its keyword index whenever a writer has changed the store."""

    def __init__(self, store: Store, embedder: Embedder, per_source: int = 2, candidates: int = 30):
        self.store, self.embedder = store, embedder
        self.per_source, self.candidates = per_source, candidates
        self._lock = threading.Lock()
        self._generation: str | None = None
        self._manifest: dict[str, dict] | None = None  # the manifest the keyword index was built from
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
                manifest = self.store.read_manifest()
                rows = None if force else self._changed_rows(manifest)
                if rows is None:
                    rows = list(self.store.iter_chunks(include=("documents", "metadatas")))
                # one order whichever way the rows came, so an incremental index ranks ties like a full one
                self.keyword = KeywordIndex(sorted(rows, key=lambda r: r[0]), None if force else self.keyword)
                self._generation, self._manifest = current, manifest
        return True

    def _changed_rows(self, manifest: dict[str, dict]) -> list[tuple[str, str, dict]] | None:
        """Rows for the new generation: kept ones from memory, changed sources re-read by chunk id.

        None (read everything) on the first load, or when the result does not add up to the store's
        count: a writer that bypassed the manifest, or one still running."""
        old, index = self._manifest, self.keyword
        if old is None:
            return None
        stale = {s for s in set(old) | set(manifest) if old.get(s) != manifest.get(s)}
        kept = [(i, t, m) for i, t, m in zip(index.ids, index.texts, index.metas) if m.get("source") not in stale]
        wanted = [cid for source in stale if source in manifest for cid in manifest[source].get("chunk_ids", [])]
        rows = kept + self.store.get_rows(wanted)
        return rows if len(rows) == self.store.count() else None

    @property
    def generation(self) -> str | None:
        """The store generation the keyword index was built from."""
        return self._generation

    def search(self, query: str, k: int = 5, filters: Filters = Filters(), mode: Mode = "hybrid",
               refresh: bool = True, per_source: int | None = None) -> list[Hit]:
        """The k best chunks for a query; refresh=False when the caller refreshed for a batch of searches
        (in server mode each check is an HTTP call); per_source overrides the chunks-per-document cap."""
        if refresh or self._generation is None:
            self.refresh()
        dense = self._dense(query, filters) if mode != "keyword" else []
        keyword = self.keyword.search(query, self.candidates, filters) if mode != "dense" else []
        if mode == "dense":
            fused = dense
        elif mode == "keyword":
            fused = keyword
        else:
            fused = fuse(dense, keyword)
        return spread(collapse(fused), k, per_source or self.per_source)

    def _dense(self, query: str, filters: Filters) -> list[Hit]:
        """Nearest chunks by embedding, with their cosine similarity kept."""
        hits = self._nearest(self.embedder.embed_query(query), filters)
        for rank, hit in enumerate(hits, start=1):
            hit.ranks["dense"] = rank
            hit.metadata = dict(hit.metadata, similarity=round(hit.score, 4))
        return hits

    def _nearest(self, vector: object, filters: Filters) -> list[Hit]:
        """The filtered nearest chunks. Chroma returns ids and distances only; text and metadata come
        from the in-memory index, and Chroma filters only when the filter is selective."""
        total = len(self.keyword)
        allowed = self.keyword.allowed(filters) if total else 0
        if total and allowed >= POST_FILTER_MIN_SHARE * total:
            want = min(self.candidates, allowed)
            # twice what the filter's share predicts; exactly what is asked when nothing is filtered out
            first = self.candidates if allowed == total else min(total, int(self.candidates * total / allowed * 2))
            for fetch in dict.fromkeys((first, max(first, min(total, MAX_FETCH)))):
                hits = self.keyword.hits(self.store.nearest_ids(vector, fetch), filters)
                if len(hits) >= want or fetch == total:
                    return hits[: self.candidates]
        return self.store.query(vector, self.candidates, filters.where())  # selective: Chroma filters first


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
        source = hit.metadata.get("source", "")
        if counts.get(source, 0) < per_source:
            chosen.append(hit)
            counts[source] = counts.get(source, 0) + 1
        else:
            overflow.append(hit)
        if len(chosen) == k:
            return chosen
    return chosen + overflow[: k - len(chosen)]
