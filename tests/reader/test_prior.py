"""Answerability net of a sentence's pull on any question: the discount and the cache of priors."""
from __future__ import annotations

import numpy as np
import pytest

from reader.prior import NULL_QUESTION, WEIGHT, Priors, discount


def test_discount_keeps_the_rating_at_even_odds_and_lowers_it_as_the_prior_grows() -> None:
    """A prior of one half takes nothing off; a higher prior takes more, and the result stays in 0-1."""
    ratings = np.array([0.2, 0.6, 0.9, 0.0, 1.0], dtype=np.float32)
    assert discount(ratings, np.full(5, 0.5)) == pytest.approx(ratings, abs=1e-5)
    low, high = discount(ratings, np.full(5, 0.1)), discount(ratings, np.full(5, 0.9))
    assert (high[:3] < ratings[:3]).all() and (low[:3] > ratings[:3]).all()
    assert ((low >= 0) & (low <= 1) & (high >= 0) & (high <= 1)).all()
    # the order of two ratings with the same prior never changes
    assert np.argsort(discount(ratings, np.full(5, 0.3))).tolist() == np.argsort(ratings).tolist()
    assert discount(np.zeros(0), np.zeros(0)).shape == (0,)
    assert 0 < WEIGHT < 1


class Counting:
    """A stand-in scorer that records what it was asked to rate."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[str]]] = []

    def __call__(self, question: str, texts: list[str]) -> np.ndarray:
        self.calls.append((question, list(texts)))
        return np.array([len(t) / 100 for t in texts], dtype=np.float32)


def test_priors_rate_each_text_once_against_the_null_question() -> None:
    """Repeated and already-seen texts are not rated again; the answer keeps the input order."""
    score = Counting()
    priors = Priors(score)
    assert priors(["aa", "b", "aa"]) == pytest.approx([0.02, 0.01, 0.02])
    assert priors(["b", "cccc"]) == pytest.approx([0.01, 0.04])
    assert score.calls == [(NULL_QUESTION, ["aa", "b"]), (NULL_QUESTION, ["cccc"])]


def test_priors_forget_the_least_recently_used_beyond_their_size() -> None:
    """A bounded cache: the oldest unused text is rated again, a recently used one is not."""
    score = Counting()
    priors = Priors(score, size=2)
    priors(["a", "b"])
    priors(["a"])  # "a" is now more recent than "b"
    priors(["c"])  # evicts "b"
    priors(["a", "b"])
    assert score.calls[-1] == (NULL_QUESTION, ["b"])
