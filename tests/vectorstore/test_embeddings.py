"""The shipped embedder's cosine similarities, which help the drafter choose sentences."""
from __future__ import annotations

import numpy as np
import pytest


def test_similarities_are_cosines_that_rank_a_paraphrase_above_an_unrelated_sentence(embedder) -> None:
    question = "how long do I have to post after my free sample arrives?"
    texts = ["You must post a video within 14 days of receiving a free sample.",
             "Withdrawals to a bank account take three to five business days."]
    similar = embedder.similarities(question, texts)
    vectors = embedder.embed([question, *texts])
    assert similar.shape == (2,) and similar[0] > similar[1]
    assert similar == pytest.approx(vectors[1:] @ vectors[0], abs=1e-5)
    assert np.all(np.abs(similar) <= 1 + 1e-5)
    assert embedder.similarities(question, []).shape == (0,)
