"""What every benchmark shares besides corpus, monitors and reports: the warmed model and per-stage timers."""
from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from bench.corpus import generate_doc
from bench.queries import ALL_QUERIES

if TYPE_CHECKING:
    from vectorstore.embeddings import Embedder

ROOT = Path(__file__).resolve().parent.parent
MODEL_NAME = "all-MiniLM-L6-v2"


def load_warm_embedder(batch_size: int | None = None) -> Embedder:
    """The bundled model, loaded and warmed up so timings exclude first-call costs."""
    from vectorstore.embeddings import BATCH_SIZE, load_embedder

    batch_size = batch_size or BATCH_SIZE
    embedder = load_embedder(MODEL_NAME, batch_size)
    warm = [generate_doc(0, i).intro for i in range(batch_size)]
    embedder.embed(warm)  # loads weights; first batches allocate buffers and start the thread pool
    embedder.embed(warm)
    for query in ALL_QUERIES[:10]:
        embedder.embed_query(query)
    return embedder


def forget_cached_embeddings(embedder: Any) -> None:
    """Empty the Embedder's text cache, so a timed query pays for its embedding like a new question does."""
    cache = getattr(embedder, "_cache", None)
    if cache is not None:
        with embedder._lock:
            cache.clear()


def question_cli(doc: str, run: Callable[[Path, int], dict], limit: int = 1000) -> int:
    """The command line of the benchmarks that replay eval questions: --set, --limit and --json; prints run's result."""
    import argparse
    import json

    from eval.data import DEFAULT_SET

    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    parser.add_argument("--limit", type=int, default=limit)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    print(json.dumps(run(args.set, args.limit), indent=None if args.json else 2))
    return 0


def forget_priors(reader: Any) -> None:
    """Empty the reader's remembered priors, so a timed ask rates its sentences' priors like a new message does."""
    seen = getattr(getattr(reader, "_priors", None), "_seen", None)
    if seen is not None:
        seen.clear()


def wrap_stages(stages: list[tuple[str, str, str]], totals: dict[str, list[float]]) -> Callable[[], None]:
    """Put a wall-clock timer around each (label, module, attribute) stage; returns the undo."""
    import importlib

    undo = []
    for label, module_name, attr in stages:
        owner: Any = importlib.import_module(module_name)
        *parents, name = attr.split(".")
        for part in parents:
            owner = getattr(owner, part)
        original = getattr(owner, name)

        def wrapper(*args: Any, _f: Callable = original, _label: str = label, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return _f(*args, **kwargs)
            finally:
                totals[_label].append(time.perf_counter() - start)

        setattr(owner, name, wrapper)
        undo.append((owner, name, original))
    return lambda: [setattr(o, n, f) for o, n, f in reversed(undo)]
