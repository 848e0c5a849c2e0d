"""What the embedder's cosine in sentence selection costs `ask`, per message, in one run on this machine.

    python bench/similarity.py [--set FILE] [--limit N] [--json]

Asks every question twice, with the cosine (as shipped) and without it (every similarity 0), each arm going
first in turn. The embedder's cache and the reader's priors are emptied before every ask, so neither arm
finds the other's sentence embeddings: these are the costs of a message whose sentences the desk has not
seen before. Uses the eval store of the sample knowledge base; prints p50 and p95; never asserts on time.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

if __package__ in (None, ""):  # run as `python bench/similarity.py`: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ask import percentiles  # noqa: E402
from bench.harness import forget_cached_embeddings, forget_priors, question_cli  # noqa: E402
from eval.data import load_questions  # noqa: E402


def no_similarity(question: str, texts: list[str]) -> np.ndarray:
    """Selection without the cosine: the reader's ratings and search rank alone."""
    return np.zeros(len(texts), dtype=np.float32)


def run(set_path: Path, limit: int) -> dict:
    """Both arms over the same questions, caches emptied before each ask."""
    from assistant.service import build_assistant
    from settings import ROOT, load_settings

    assistant = build_assistant(load_settings().model_copy(update={"store_dir": ROOT / ".store" / "eval-chroma"}))
    embedder, shipped = assistant.embedder, assistant.embedder.similarities
    arms = {"with_similarity": shipped, "without_similarity": no_similarity}
    questions = load_questions(set_path)[:limit]
    assistant.ask(questions[0].question)  # load models and indexes before timing
    totals: dict[str, list[float]] = {name: [] for name in arms}
    names = list(arms)
    for turn, q in enumerate(questions):
        for name in names[turn % 2:] + names[:turn % 2]:
            embedder.similarities = arms[name]
            forget_cached_embeddings(embedder)
            forget_priors(assistant.reader)
            started = time.perf_counter()
            assistant.ask(q.question, region=q.region)
            totals[name].append(time.perf_counter() - started)
    embedder.similarities = shipped
    added = list(np.subtract(totals["with_similarity"], totals["without_similarity"]))
    return {"questions": len(questions), **{name: percentiles(v) for name, v in totals.items()},
            "added_per_message": percentiles(added),
            "ratio_p50": round(float(np.median(totals["with_similarity"]) / np.median(totals["without_similarity"])), 2)}


def main() -> int:
    """Run and print."""
    return question_cli(__doc__, run)


if __name__ == "__main__":
    sys.exit(main())
