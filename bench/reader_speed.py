"""Can the reader be made cheaper on a CPU? Times the shipped reader against torch's dynamic int8
quantisation of its linear layers on the calls `ask` really makes, and says how far the ratings move.

    python bench/reader_speed.py [--set FILE] [--limit N] [--json]

Uses the eval store of the sample knowledge base (built by `python -m eval`). Each recorded call is scored
by every variant in turn, so all see the same machine load; the figures to read are the ratios and the
agreement (same best sentence, same escalation verdict at the shipped threshold), never the absolute times.
onnxruntime (which chromadb installs) would need the model exported to ONNX first, and torch's exporter
needs the `onnx` package, which is not a dependency.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

if __package__ in (None, ""):  # run as `python bench/reader_speed.py`: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ask import percentiles  # noqa: E402
from eval.data import DEFAULT_SET, load_questions  # noqa: E402


class Recorder:
    """Wraps the reader and keeps every (question, texts) call `ask` makes."""

    def __init__(self, inner):
        self.inner, self.calls = inner, []

    def score(self, question: str, texts: list[str]) -> np.ndarray:
        """The inner reader's scores; the call is kept for replay."""
        self.calls.append((question, list(texts)))
        return self.inner.score(question, texts)


def quantised(per_channel: bool):
    """The shipped reader with its linear layers in dynamic int8."""
    import torch
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    from reader.model import Reader

    reader = Reader()
    spec = {torch.nn.Linear: per_channel_dynamic_qconfig} if per_channel else {torch.nn.Linear}
    quantize_dynamic(reader.model.model, spec, dtype=torch.qint8, inplace=True)
    return reader


def record(set_path: Path, limit: int) -> tuple[list[tuple[str, list[str]]], object]:
    """The reader calls `ask` makes over the first `limit` questions, and the shipped reader that made them."""
    from assistant.service import build_assistant
    from settings import ROOT, load_settings

    settings = load_settings().model_copy(update={"store_dir": ROOT / ".store" / "eval-chroma"})
    assistant = build_assistant(settings)
    recorder = assistant.reader = Recorder(assistant.reader)
    for q in load_questions(set_path)[:limit]:
        assistant.ask(q.question, region=q.region)
    return [c for c in recorder.calls if c[1]], recorder.inner


def run(set_path: Path, limit: int, threshold: float) -> dict:
    """Replay the recorded calls on each variant, interleaved, and compare with the shipped reader."""
    calls, shipped = record(set_path, limit)
    variants = {"shipped": shipped, "int8": quantised(False), "int8_per_channel": quantised(True)}
    for reader in variants.values():
        reader.score("warm up", ["the model loads here"])
    seconds = {name: [] for name in variants}
    ratings = {name: [] for name in variants}
    for question, texts in calls:
        for name, reader in variants.items():
            started = time.perf_counter()
            ratings[name].append(reader.score(question, texts))
            seconds[name].append(time.perf_counter() - started)
    out = {"calls": len(calls), "sentences": sum(len(t) for _, t in calls)}
    for name in variants:
        out[name] = percentiles(seconds[name])
        out[name]["ratio_to_shipped"] = round(sum(seconds[name]) / sum(seconds["shipped"]), 2)
        if name != "shipped":
            same_best = [int(np.argmax(a) == np.argmax(b)) for a, b in zip(ratings[name], ratings["shipped"])]
            same_verdict = [int((a.max() >= threshold) == (b.max() >= threshold))
                            for a, b in zip(ratings[name], ratings["shipped"])]
            out[name]["same_best_sentence"] = round(float(np.mean(same_best)), 3)
            out[name]["same_verdict"] = round(float(np.mean(same_verdict)), 3)
            out[name]["max_abs_diff"] = round(float(max(np.abs(a - b).max() for a, b in
                                                        zip(ratings[name], ratings["shipped"]))), 3)
    return out


def main() -> int:
    """Run and print."""
    from settings import load_settings

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.set, args.limit, load_settings().reader_threshold)
    print(json.dumps(result, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
