"""Can the reader be made cheaper on a CPU? Times the shipped reader in float32 against other batch sizes,
bfloat16, torch's dynamic int8 quantisation of its linear layers and onnxruntime, on the calls `ask` really
makes, and says how far the ratings move.

    python bench/reader_speed.py [--set FILE] [--limit N] [--json]

Uses the eval store of the sample knowledge base (built by `python -m eval`). Each recorded call is scored
by every variant in turn, so all see the same machine load; the figures to read are the ratios and the
agreement (same best sentence, same escalation verdict at the shipped threshold), never the absolute times.
onnxruntime (which chromadb installs) runs only when the `onnx` package is importable, because torch's
exporter needs it and it is not a dependency (`pip install onnx` to include it).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np

if __package__ in (None, ""):  # run as `python bench/reader_speed.py`: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ask import percentiles  # noqa: E402
from eval.data import load_questions  # noqa: E402


class Recorder:
    """Wraps the reader and keeps every (question, texts) call `ask` makes."""

    def __init__(self, inner):
        self.inner, self.calls = inner, []

    def score(self, question: str, texts: list[str]) -> np.ndarray:
        """The inner reader's scores; the call is kept for replay."""
        self.calls.append((question, list(texts)))
        return self.inner.score(question, texts)

    def prior(self, texts: list[str]) -> np.ndarray:
        """The inner reader's cached priors, not kept: each sentence is rated once per desk, not per call."""
        return self.inner.prior(texts)


def quantised(per_channel: bool):
    """The shipped reader with its linear layers in dynamic int8."""
    import torch
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    from reader.model import Reader

    reader = Reader(precision="float32")
    spec = {torch.nn.Linear: per_channel_dynamic_qconfig} if per_channel else {torch.nn.Linear}
    quantize_dynamic(reader.model.model, spec, dtype=torch.qint8, inplace=True)
    return reader


def bfloat16(shipped, whole_model: bool):
    """The shipped reader under bfloat16 autocast (as shipped where native), or with every weight cast."""
    import torch

    from reader.model import Reader

    if not whole_model:
        reader = Reader(shipped.weights, shipped.batch_size, precision="bfloat16")
        reader._model = shipped.model  # the same weights: only the arithmetic differs
        return reader
    reader = Reader(shipped.weights, shipped.batch_size, precision="float32")
    reader.model.model.to(torch.bfloat16)
    return reader


def rebatched(shipped, batch_size: int):
    """The shipped reader's model, run with another number of pairs per forward pass."""
    from reader.model import Reader

    reader = Reader(shipped.weights, batch_size, precision=shipped.precision)
    reader._model = shipped.model  # the same weights: only the batching differs
    return reader


class OnnxReader:
    """The shipped reader exported to ONNX and run by onnxruntime, in the shipped reader's batches."""

    def __init__(self, shipped, path: Path):
        import onnxruntime as ort
        import torch

        model, self.tokenizer = shipped.model, shipped.model.tokenizer
        self.batch_size = shipped.batch_size
        sample = self.encode("a question", ["a sentence"], "pt")
        names = ["input_ids", "attention_mask", "token_type_ids"]
        torch.onnx.export(model.model, tuple(sample[n] for n in names), str(path), input_names=names,
                          output_names=["logits"], opset_version=17, dynamo=False,
                          dynamic_axes={n: {0: "batch", 1: "length"} for n in names} | {"logits": {0: "batch"}})
        options = ort.SessionOptions()
        options.intra_op_num_threads, options.inter_op_num_threads = torch.get_num_threads(), 1
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def encode(self, question: str, texts: list[str], tensors: str):
        """Token ids for the pairs, cut as the reader cuts them."""
        from reader.model import MAX_LENGTH

        return self.tokenizer([question] * len(texts), texts, padding=True, truncation=True,
                              max_length=MAX_LENGTH, return_tensors=tensors)

    def score(self, question: str, texts: list[str]) -> np.ndarray:
        """Probabilities, longest pairs batched together as the CrossEncoder does."""
        order = np.argsort([-len(t) for t in texts])
        out = np.zeros(len(texts), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            idx = order[start:start + self.batch_size]
            enc = self.encode(question, [texts[i] for i in idx], "np")
            feed = {k: enc[k].astype(np.int64) for k in ("input_ids", "attention_mask", "token_type_ids")}
            out[idx] = 1 / (1 + np.exp(-self.session.run(None, feed)[0].reshape(-1)))
        return out


def onnx_variant(shipped, folder: Path) -> dict:
    """onnxruntime, when the `onnx` package is there for the export."""
    import importlib.util

    if importlib.util.find_spec("onnx") is None:
        return {}
    return {"onnxruntime": OnnxReader(shipped, folder / "reader.onnx")}


def record(set_path: Path, limit: int) -> tuple[list[tuple[str, list[str]]], object]:
    """The reader calls `ask` makes over the first `limit` questions, and the float32 reader that made them."""
    from assistant.service import build_assistant
    from settings import ROOT, load_settings

    settings = load_settings().model_copy(update={"store_dir": ROOT / ".store" / "eval-chroma",
                                                   "reader_precision": "float32"})
    assistant = build_assistant(settings)
    recorder = assistant.reader = Recorder(assistant.reader)
    for q in load_questions(set_path)[:limit]:
        assistant.ask(q.question, region=q.region)
    return [c for c in recorder.calls if c[1]], recorder.inner


def run(set_path: Path, limit: int, threshold: float) -> dict:
    """Replay the recorded calls on each variant, interleaved, and compare with the shipped reader."""
    calls, shipped = record(set_path, limit)
    with tempfile.TemporaryDirectory(prefix="reader-onnx-") as folder:  # the export is 91 MB
        variants = {"shipped": shipped, "batch_32": rebatched(shipped, 32), "batch_16": rebatched(shipped, 16),
                    "bfloat16_autocast": bfloat16(shipped, False), "bfloat16_cast": bfloat16(shipped, True),
                    "int8": quantised(False), "int8_per_channel": quantised(True),
                    **onnx_variant(shipped, Path(folder))}
        return replay(calls, variants, threshold)


def replay(calls: list[tuple[str, list[str]]], variants: dict, threshold: float) -> dict:
    """Each call on each variant in turn; times, and agreement with the shipped reader."""
    for reader in variants.values():
        reader.score("warm up", ["the model loads here"])
    seconds = {name: [] for name in variants}
    ratings = {name: [] for name in variants}
    names = list(variants)
    for turn, (question, texts) in enumerate(calls):
        for name in names[turn % len(names):] + names[:turn % len(names)]:  # nobody always goes first
            reader = variants[name]
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
    from bench.harness import question_cli
    from settings import load_settings

    return question_cli(__doc__, lambda questions, limit: run(questions, limit, load_settings().reader_threshold), limit=40)


if __name__ == "__main__":
    sys.exit(main())
