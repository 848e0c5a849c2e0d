"""Latency of `ask` per message over the eval questions, with the reader and with the embedder rating
sentences instead, in one run on this machine.

    python bench/ask.py [--set FILE] [--limit N] [--json]

Uses the eval store of the sample knowledge base (built by `python -m eval` or `python -m reader train`).
Prints p50 and p95 per message for both, the reader also at float32 when its configured precision is not
(`CREATOR_DESK_READER_PRECISION`), the reader's own share (and within it the priors' share: each
sentence's rating against the null question, computed once per sentence), and their ratios; never asserts on time.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

if __package__ in (None, ""):  # run as `python bench/ask.py`: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eval.data import load_questions  # noqa: E402


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
    """Ask every question once per rater, each going first in turn (the first pays for embedding the
    message), so all see the same machine load. The reader runs at the configured precision and, where
    that is not float32, at float32 too for comparison."""
    from assistant.service import build_assistant
    from reader.model import Reader, resolve_precision
    from settings import ROOT, load_settings

    settings = load_settings().model_copy(update={"store_dir": ROOT / ".store" / "eval-chroma"})
    assistant = build_assistant(settings)
    precision = resolve_precision(settings.reader_precision)
    raters = {"reader": Timed(Reader(precision=precision)), "embedder": Timed(EmbedderRater(assistant.embedder))}
    if precision != "float32":
        raters["reader_float32"] = Timed(Reader(precision="float32"))
    questions = load_questions(set_path)[:limit]
    for rater in raters.values():  # load models and indexes before timing
        assistant.reader = rater
        assistant.ask(questions[0].question)
    totals: dict[str, list[float]] = {name: [] for name in raters}
    own: dict[str, list[float]] = {name: [] for name in raters}
    priors: dict[str, list[float]] = {name: [] for name in raters}
    names = list(raters)
    for turn, q in enumerate(questions):
        for name in names[turn % len(names):] + names[:turn % len(names)]:  # nobody always goes first
            rater = raters[name]
            assistant.reader, before, before_prior = rater, rater.seconds, rater.prior_seconds
            started = time.perf_counter()
            assistant.ask(q.question, region=q.region)
            totals[name].append(time.perf_counter() - started)
            own[name].append(rater.seconds - before)
            priors[name].append(rater.prior_seconds - before_prior)
    out = {"questions": len(questions), "precision": precision, "with_reader": percentiles(totals["reader"]),
           "without_reader": percentiles(totals["embedder"]), "reader_only": percentiles(own["reader"]),
           "priors_only": percentiles(priors["reader"])}
    out["added_p95_ms"] = round(out["with_reader"]["p95_ms"] - out["without_reader"]["p95_ms"], 1)
    out["ratio_p50"] = round(out["with_reader"]["p50_ms"] / out["without_reader"]["p50_ms"], 2)
    if "reader_float32" in raters:
        fp32 = {"with_reader": percentiles(totals["reader_float32"]), "reader_only": percentiles(own["reader_float32"])}
        fp32["added_p95_ms"] = round(fp32["with_reader"]["p95_ms"] - out["without_reader"]["p95_ms"], 1)
        fp32["reader_time_ratio"] = round(sum(own["reader"]) / sum(own["reader_float32"]), 2)
        out["float32"] = fp32
    return out


def main() -> int:
    """Run and print."""
    from bench.harness import question_cli

    return question_cli(__doc__, run)


if __name__ == "__main__":
    sys.exit(main())
