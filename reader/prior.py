"""Answerability net of what the reader rates highly whatever the question.

Some sentences ("Targeted collaboration: the brand invites chosen creators directly") draw high ratings from
questions they do not answer. A sentence's rating against a question that asks nothing measures that pull, and
answerability subtracts part of it in log-odds, as pointwise mutual information subtracts a prior.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Sequence

import numpy as np

NULL_QUESTION = "?"
# The share of the prior's log-odds taken off. Chosen on answerability AUC over knowledge_base dev and kb2 dev
# together (both agree from 0.25 to 0.5); the full prior (1.0) over-corrects sentences that are simply clear.
WEIGHT = 0.4
CACHE_SIZE = 50_000  # sentences; a prior depends on the text alone, so a warm desk rarely computes one


def logit(p: np.ndarray) -> np.ndarray:
    """Log-odds of probabilities, kept finite at 0 and 1."""
    p = np.clip(np.asarray(p, dtype=np.float64), 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def discount(ratings: np.ndarray, priors: np.ndarray, weight: float = WEIGHT) -> np.ndarray:
    """Ratings with `weight` of each text's prior log-odds removed, back on a 0-1 scale."""
    if len(ratings) == 0:
        return np.zeros(0, dtype=np.float32)
    return (1 / (1 + np.exp(-(logit(ratings) - weight * logit(priors))))).astype(np.float32)


class Priors:
    """Each text's rating against the null question, remembered across calls (least recently used dropped)."""

    def __init__(self, score: Callable[[str, Sequence[str]], np.ndarray], size: int = CACHE_SIZE):
        self._score, self._size = score, size
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        """The prior of each text, in input order; only texts not seen before are rated."""
        with self._lock:
            for text in texts:  # touched first, so that rating the missing ones cannot evict them
                if text in self._seen:
                    self._seen.move_to_end(text)
            missing = list(dict.fromkeys(t for t in texts if t not in self._seen))
        if missing:
            rated = self._score(NULL_QUESTION, missing)
            with self._lock:
                for text, value in zip(missing, rated):
                    self._seen[text] = float(value)
                while len(self._seen) > self._size:
                    self._seen.popitem(last=False)
        with self._lock:
            out = []
            for text in texts:
                value = self._seen.get(text)
                if value is None:  # evicted by a concurrent call, or a call larger than the cache
                    value = float(self._score(NULL_QUESTION, [text])[0])
                out.append(value)
        return np.asarray(out, dtype=np.float32)
