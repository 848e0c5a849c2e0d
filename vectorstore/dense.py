"""Exact dense search: every chunk's embedding in memory, scored by one matrix product.

Chroma's local HNSW index is approximate and, worse for us, not repeatable: the part of the graph
not yet persisted is rebuilt from the write log at each load, in an order that changes between
processes. On the sample knowledge base (458 chunks) the same query vector got 5 different top-30
lists in 6 processes (recall 0.93 against exact search in the worst), so one creator message could
draft differently after a restart; at 100k generated chunks HNSW found 0.70 of the exact top 30.
An exact scan on one BLAS thread costs 0.2 ms at 1k chunks, 1 ms at 10k and 14 ms at 100k
(146 MiB of float32), and a filter is a mask, not a `where`. Chroma stays the store of record
(embedded or server); this is its reader's copy.
"""
from __future__ import annotations

import numpy as np


def unit(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 (float32), so a dot product is the cosine; done once, as rows are read."""
    matrix = np.asarray(vectors, dtype=np.float32)
    if matrix.size == 0:
        return np.zeros((0, 0), dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


class DenseIndex:
    """Unit-length embeddings (see unit()), row for row with the keyword index's chunks."""

    def __init__(self, matrix: np.ndarray):
        self.matrix = np.asarray(matrix, dtype=np.float32) if np.size(matrix) else np.zeros((0, 0), dtype=np.float32)

    def __len__(self) -> int:
        return len(self.matrix)

    def rows(self, positions: list[int]) -> np.ndarray:
        """The stored vectors at these positions (a refresh keeps unchanged chunks' vectors)."""
        return self.matrix[positions] if positions else np.zeros((0, self.matrix.shape[1] if len(self) else 0), np.float32)

    def nearest(self, query: np.ndarray, k: int, allowed: np.ndarray) -> list[tuple[int, float]]:
        """(position, cosine similarity) of the k most similar chunks the mask allows, best first;
        equal scores in position order, so the same query always gives the same list."""
        if not len(self) or k <= 0:
            return []
        vector = np.asarray(query, dtype=np.float32).ravel()
        sims = np.where(allowed > 0, self.matrix @ (vector / (np.linalg.norm(vector) or 1.0)), -np.inf)
        k = min(k, int(np.count_nonzero(allowed > 0)))
        if k == 0:
            return []
        cut = sims[np.argpartition(-sims, k - 1)[:k]].min()
        # the partition's cut can fall inside a run of equal scores: take the whole run, then sort
        top = np.flatnonzero(sims >= cut)
        order = np.lexsort((top, -sims[top]))[:k]
        return [(int(top[i]), float(sims[top[i]])) for i in order]
