"""A stand-in reader for tests of the logic around the model: ratings by the words a sentence holds."""
from __future__ import annotations

import numpy as np


class Fixed:
    """Rates each text by the highest rating of the words it contains, whatever the question."""

    def __init__(self, ratings: dict[str, float]):
        self.ratings = ratings

    def score(self, question: str, texts: list[str]) -> np.ndarray:
        """The rating of each text's best-rated word, 0 when it holds none."""
        return np.array([max([v for k, v in self.ratings.items() if k in t] or [0.0]) for t in texts], dtype=np.float32)

    def prior(self, texts: list[str]) -> np.ndarray:
        """Even odds for every text: answerability is the rating itself."""
        return np.full(len(texts), 0.5, dtype=np.float32)


class Figureless(Fixed):
    """Rates as answers exactly the sentences that state no figure (assistant.figures), whatever the question."""

    def __init__(self) -> None:
        super().__init__({})

    def score(self, question: str, texts: list[str]) -> np.ndarray:
        """0.99 for a sentence without a figure, 0 for one with."""
        from assistant.figures import gives_figure

        return np.array([0.0 if gives_figure(t) else 0.99 for t in texts], dtype=np.float32)
