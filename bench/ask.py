"""Latency of `ask` per message over the eval questions, with the reader and with the embedder rating
sentences instead, in one run on this machine.

    python bench/ask.py [--set FILE] [--limit N] [--json]

Uses the eval store of the sample knowledge base (built by `python -m eval` or `python -m reader train`).
Prints p50 and p95 per message for both, the reader's own share (and within it the priors' share: each
sentence's rating against the null question, computed once per sentence), and their ratios; never asserts on time.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

if __package__ in (None, ""):  # run as `python bench/ask.py`: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eval.data import DEFAULT_SET, load_questions  # noqa: E402


class EmbedderRater:
    """Rates sentences by cosine similarity to the question: the same pipeline without the reader."""

    def __init__(self, embedder):
        self.embedder = embedder

    def score(self, question: str, texts: list[str]) -> np.ndarray:
        """Cosine of each text to the question, clipped to 0..1."""
        if not texts:
            return np.zeros(0, dtype=np.float32)
        vectors = self.embedder.embed([question, *texts])
        return np.clip(vectors[1:] @ vectors[0], 0.0, 1.0)

    def prior(self, texts: list[str]) -> np.ndarray:
        """Even odds: cosine has no pull to discount."""
        return np.full(len(texts), 0.5, dtype=np.float32)


class Timed:
    """Wraps a rater and adds up the seconds spent in it."""

    def __init__(self, inner):
        self.inner, self.seconds, self.prior_seconds = inner, 0.0, 0.0

    def score(self, question: str, texts: list[str]) -> np.ndarray:
        """The inner rater's scores, timed."""
        started = time.perf_counter()
        try:
            return self.inner.score(question, texts)
        finally:
            self.seconds += time.perf_counter() - started

    def prior(self, texts: list[str]) -> np.ndarray:
        """The inner rater's priors (rated once per sentence, then cached), timed."""
        started = time.perf_counter()
        try:
            return self.inner.prior(texts)
        finally:
            spent = time.perf_counter() - started
            self.seconds += spent
            self.prior_seconds += spent


def percentiles(values: list[float]) -> dict[str, float]:
    """p50 and p95 in milliseconds."""
    ordered = sorted(values)
    return {"p50_ms": round(1000 * statistics.median(ordered), 1),
            "p95_ms": round(1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1)}


def run(set_path: Path, limit: int) -> dict:
    """Ask every question once per rater, interleaved so both see the same machine load."""
    from assistant.service import build_assistant
    from reader.model import Reader
    from settings import ROOT, load_settings

    settings = load_settings().model_copy(update={"store_dir": ROOT / ".store" / "eval-chroma"})
    assistant = build_assistant(settings)
    reader, plain = Timed(Reader()), Timed(EmbedderRater(assistant.embedder))
    questions = load_questions(set_path)[:limit]
    assistant.reader = reader
    assistant.ask(questions[0].question)  # load models and indexes before timing
    totals: dict[str, list[float]] = {"reader": [], "embedder": []}
    reader_share: list[float] = []
    prior_share: list[float] = []
    for q in questions:
        for name, rater in (("reader", reader), ("embedder", plain)):
            assistant.reader, before, before_prior = rater, rater.seconds, rater.prior_seconds
            started = time.perf_counter()
            assistant.ask(q.question, region=q.region)
            totals[name].append(time.perf_counter() - started)
            if name == "reader":
                reader_share.append(rater.seconds - before)
                prior_share.append(rater.prior_seconds - before_prior)
    out = {"questions": len(questions), "with_reader": percentiles(totals["reader"]),
           "without_reader": percentiles(totals["embedder"]), "reader_only": percentiles(reader_share),
           "priors_only": percentiles(prior_share)}
    out["added_p95_ms"] = round(out["with_reader"]["p95_ms"] - out["without_reader"]["p95_ms"], 1)
    out["ratio_p50"] = round(out["with_reader"]["p50_ms"] / out["without_reader"]["p50_ms"], 2)
    return out


def main() -> int:
    """Run and print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.set, args.limit)
    print(json.dumps(result, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
