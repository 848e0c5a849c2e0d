"""Loading the shipped reader (bundled MiniLM plus the trained delta) and scoring question-sentence pairs."""
from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import Any, ContextManager, Literal, Sequence

import numpy as np

from reader.prior import Priors

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing downloads at run time
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # the classifier head is "missing" until the delta loads

WEIGHTS = Path(__file__).resolve().parent / "weights" / "reader.safetensors"
LAYERS = 6  # all-MiniLM-L6-v2
# Training changes only the top layers, the pooler and the head; everything below stays the bundled embedder's.
TRAINED_LAYERS = 2


def trained_prefixes(layers: int = TRAINED_LAYERS) -> tuple[str, ...]:
    """Names of the weights training changes when it trains the top `layers` transformer layers."""
    return tuple(f"bert.encoder.layer.{i}." for i in range(LAYERS - layers, LAYERS)) + ("bert.pooler.", "classifier.")


# Any delta may change at most these; a shipped delta says which it changed by the keys it holds.
TRAINED_PREFIXES = trained_prefixes(LAYERS)
MAX_LENGTH = 128  # word pieces for question and sentence together; longer sentences are cut at the end
# Pairs per forward pass. On two CPU cores batches of 8 ran the same calls in 0.63-0.82 of the time batches
# of 32 took (bench/reader_speed.py), with the same ratings: big batches pad more and spill the caches.
BATCH_SIZE = 8
Precision = Literal["auto", "float32", "bfloat16"]


class ReaderMissingError(RuntimeError):
    """The trained weights are not where they should be."""


def pair_text(sentence: str, heading: str = "") -> str:
    """What the reader reads for one sentence: its section heading, then the sentence."""
    heading = heading.strip()
    return f"{heading}: {sentence}" if heading else sentence


def base_model_path() -> str:
    """The bundled all-MiniLM-L6-v2 folder the reader starts from."""
    from vectorstore.embeddings import resolve_model_path

    return resolve_model_path("all-MiniLM-L6-v2")


def new_cross_encoder(device: str | None = None) -> Any:
    """A CrossEncoder with one output built on the bundled weights; its head is untrained."""
    from sentence_transformers import CrossEncoder

    return CrossEncoder(base_model_path(), num_labels=1, max_length=MAX_LENGTH, device=device)


def native_bfloat16() -> bool:
    """Whether this CPU multiplies bfloat16 in hardware (AVX512-BF16 or AMX); elsewhere it is slower than float32."""
    import torch

    try:  # torch.cpu's probes are private; if they move, float32 is the safe answer
        return bool(torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported())
    except (AttributeError, RuntimeError):
        return False


def resolve_precision(precision: Precision) -> str:
    """The precision the reader's matrix products run in: "auto" picks bfloat16 only where it is native."""
    if precision == "auto":
        return "bfloat16" if native_bfloat16() else "float32"
    return precision


class Reader:
    """Scores how well each sentence answers a question, as a probability; loads on first use."""

    def __init__(self, weights: Path = WEIGHTS, batch_size: int = BATCH_SIZE, precision: Precision = "auto"):
        self.weights, self.batch_size, self._precision = weights, batch_size, precision
        self._model: Any = None
        self._load_lock, self._run_lock = threading.Lock(), threading.Lock()
        self._priors = Priors(self.score)

    @property
    def precision(self) -> str:
        """The precision it runs in, resolved on first use so that constructing a reader imports no torch."""
        if self._precision == "auto":
            self._precision = resolve_precision("auto")
        return self._precision

    @property
    def model(self) -> Any:
        """The CrossEncoder with the trained delta applied, loaded once."""
        if self._model is None:
            with self._load_lock:
                if self._model is None:
                    self._model = load(self.weights)
        return self._model

    def score(self, question: str, texts: Sequence[str]) -> np.ndarray:
        """Probability that each text answers the question, in input order."""
        if not texts:
            return np.zeros(0, dtype=np.float32)
        pairs = [(question, t) for t in texts]
        model = self.model
        with self._run_lock, self._autocast():  # one batch at a time runs well on two cores; threads contend
            out = model.predict(pairs, batch_size=self.batch_size, show_progress_bar=False,
                                convert_to_numpy=True)
        return np.asarray(out, dtype=np.float32).reshape(-1)

    def _autocast(self) -> ContextManager[Any]:
        """Matrix products in bfloat16 when chosen; norms and softmax stay in float32 (torch's autocast lists)."""
        if self.precision != "bfloat16":
            return contextlib.nullcontext()
        import torch

        return torch.autocast("cpu", dtype=torch.bfloat16)

    def prior(self, texts: Sequence[str]) -> np.ndarray:
        """Each text's rating against a question that asks nothing (cached): what answerability discounts."""
        return self._priors(texts)


def load(weights: Path = WEIGHTS, device: str | None = None) -> Any:
    """The bundled MiniLM as a cross-encoder with the trained layers and head read from `weights`."""
    if not weights.is_file():
        raise ReaderMissingError(f"The reader's weights are missing ({weights}); run `make reader` to train them.")
    from safetensors.torch import load_file

    model = new_cross_encoder(device)
    delta = load_file(str(weights))
    inner = model.model
    state = inner.state_dict()
    unknown = [k for k in delta if k not in state]
    if unknown:
        raise ReaderMissingError(f"{weights} does not fit the bundled model (unknown weights: {unknown[:3]}).")
    inner.load_state_dict({k: v.to(state[k].dtype) for k, v in delta.items()}, strict=False)
    inner.eval()
    return model


def trained_state(model: Any, layers: int = TRAINED_LAYERS) -> dict[str, Any]:
    """The weights training changed, in half precision: what is committed."""
    return {k: v.detach().to("cpu").half().contiguous() for k, v in model.model.state_dict().items()
            if k.startswith(trained_prefixes(layers))}
