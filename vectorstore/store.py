"""The Chroma collection of chunks; its manifest and generation marker are in vectorstore/manifest.py."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

import numpy as np

from settings import Settings
from vectorstore.client import forget_cached_clients, make_client
from vectorstore.errors import EmbeddingMismatchError, StoreUnavailableError
from vectorstore.manifest import ManifestMixin, clean_meta

if TYPE_CHECKING:  # the model loads lazily; typing must not import it
    from vectorstore.embeddings import Embedder

PAGE = 500  # rows per get() call, well below Chroma's max batch


@dataclass
class Hit:
    """One retrieved chunk with its score and metadata."""

    id: str
    text: str
    metadata: dict[str, Any]  # as stored; nothing computed at search time is written into it
    score: float
    ranks: dict[str, int] = field(default_factory=dict)
    # Cosine similarity to the query, rounded; None when the query was never compared with this chunk's
    # embedding (a keyword-only hit, a neighbouring chunk, a metadata lookup).
    similarity: float | None = None

    @property
    def source(self) -> str:
        """The document the chunk came from, its path inside the knowledge base."""
        return str(self.metadata.get("source", ""))


class Store(ManifestMixin):
    """Chunks and manifest in Chroma, always written with our own embeddings."""

    def __init__(self, settings: Settings, embedder: Embedder, store_dir: Path | None = None):
        self.settings = settings
        self.embedder = embedder  # needs .name; .dimension only when the collection is created
        self.store_dir = Path(store_dir or settings.store_dir)
        self.embedded = settings.chroma_mode == "embedded"
        self._open()

    def _open(self) -> None:
        """Open the client and both collections, checking the embedding model."""
        self.client = make_client(self.settings, self.store_dir)
        try:
            self.chunks = self._chunk_collection()
            self.manifest = self.client.get_or_create_collection(
                self.settings.collection + "__manifest", embedding_function=None,
                configuration={"hnsw": {"space": "cosine"}},
            )
        except Exception as err:
            raise StoreUnavailableError(f"Knowledge base unavailable: {err}") from err
        self._check_model(self.chunks.metadata or {})

    def _chunk_collection(self) -> Any:
        """The chunk collection; created with the model's name and dimension when new."""
        name = self.settings.collection
        if name in {c if isinstance(c, str) else c.name for c in self.client.list_collections()}:
            return self.client.get_collection(name, embedding_function=None)
        return self.client.create_collection(
            name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}},
            metadata={"embedding_model": self.embedder.name, "dimension": self.embedder.dimension},
        )

    def _check_model(self, meta: dict[str, Any]) -> None:
        """Refuse to mix embedding models in one collection."""
        built_with, dim = meta.get("embedding_model"), meta.get("dimension")
        if built_with != self.embedder.name:
            raise EmbeddingMismatchError(
                f"Collection '{self.settings.collection}' was built with embedding model "
                f"'{built_with}' ({dim} dimensions), but '{self.embedder.name}' is configured. "
                "Set CREATOR_DESK_EMBEDDING_MODEL back, or rebuild with `python -m ingest --reset`."
            )
        self.dimension = int(dim or 0)

    def reopen(self) -> None:
        """Reopen after another process changed the store, dropping Chroma's stale caches."""
        if self.embedded:
            forget_cached_clients()
        self._open()

    # chunks ---------------------------------------------------------------
    def add_chunks(self, ids: Sequence[str], texts: Sequence[str], vectors: np.ndarray, metas: Sequence[dict]) -> None:
        """Upsert chunks in batches Chroma accepts."""
        if len(ids) and vectors.shape[1] != self.dimension:
            raise EmbeddingMismatchError(
                f"Vectors have {vectors.shape[1]} dimensions; the collection holds {self.dimension}."
            )
        step = max(1, min(4000, self.client.get_max_batch_size()))
        for start in range(0, len(ids), step):
            end = start + step
            self.chunks.upsert(
                ids=list(ids[start:end]), documents=list(texts[start:end]),
                embeddings=vectors[start:end], metadatas=[clean_meta(m) for m in metas[start:end]],
            )

    def delete_source(self, source: str) -> None:
        """Remove every chunk of one source file."""
        self.delete_sources([source])

    def delete_sources(self, sources: list[str]) -> None:
        """Remove every chunk of several source files in one call."""
        for start in range(0, len(sources), PAGE):
            part = sources[start:start + PAGE]
            self.chunks.delete(where={"source": part[0]} if len(part) == 1 else {"source": {"$in": part}})

    def count(self) -> int:
        """Number of chunks in the collection."""
        return self.chunks.count()

    def _pages(self, include: Sequence[str], ids: Sequence[str] | None = None) -> Iterable[dict[str, Any]]:
        """Chroma get() results PAGE rows at a time: the whole collection, or the given ids."""
        if ids is not None:
            for start in range(0, len(ids), PAGE):
                yield self.chunks.get(ids=list(ids[start:start + PAGE]), include=list(include))
            return
        offset = 0
        while True:
            got = self.chunks.get(include=list(include), limit=PAGE, offset=offset)
            if not got["ids"]:
                return
            yield got
            offset += len(got["ids"])

    def iter_chunks(self, include: Sequence[str] = ("metadatas",)) -> Iterable[tuple[str, str | None, dict]]:
        """Every chunk as (id, text, metadata), paged."""
        for got in self._pages(include):
            yield from zip(got["ids"], got.get("documents") or [None] * len(got["ids"]), got["metadatas"])

    def all_rows(self) -> tuple[list[tuple[str, str | None, dict]], np.ndarray]:
        """Every chunk as (id, text, metadata), paged, with its embedding row for row."""
        return self._rows_with_vectors(None)

    def get_rows(self, ids: Sequence[str]) -> tuple[list[tuple[str, str | None, dict]], np.ndarray]:
        """(id, text, metadata) of the given chunks that exist, paged, with their embeddings."""
        return self._rows_with_vectors(ids)

    def _rows_with_vectors(self, ids: Sequence[str] | None) -> tuple[list[tuple[str, str | None, dict]], np.ndarray]:
        """Rows and their embeddings, as a reader's in-memory indexes take them."""
        rows: list[tuple[str, str | None, dict]] = []
        vectors: list[np.ndarray] = []
        for got in self._pages(("documents", "metadatas", "embeddings"), ids):
            rows += zip(got["ids"], got["documents"], got["metadatas"])
            vectors.append(np.asarray(got["embeddings"], dtype=np.float32))
        return rows, stack(vectors)

    def ids_by_source(self) -> dict[str, set[str]]:
        """Chunk ids grouped by source path."""
        out: dict[str, set[str]] = {}
        for cid, _, meta in self.iter_chunks():
            out.setdefault(str(meta.get("source")), set()).add(cid)
        return out

    def query(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[Hit]:
        """Nearest chunks by cosine similarity."""
        got = self.chunks.query(query_embeddings=[vector], n_results=k, where=where or None,
                                include=["documents", "metadatas", "distances"])
        return [Hit(i, d, m, 1.0 - float(dist)) for i, d, m, dist in
                zip(got["ids"][0], got["documents"][0], got["metadatas"][0], got["distances"][0])]

    def get_chunks(self, where: dict) -> list[Hit]:
        """Chunks matching a metadata filter, in chunk order."""
        got = self.chunks.get(where=where, include=["documents", "metadatas"])
        hits = [Hit(i, d, m, 0.0) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"])]
        return sorted(hits, key=lambda h: (h.source, h.metadata.get("chunk_index", 0)))


def stack(parts: list[np.ndarray]) -> np.ndarray:
    """Pages of embeddings as one float32 matrix (0 x 0 when there are none)."""
    parts = [p.reshape(len(p), -1) for p in parts if len(p)]
    return np.concatenate(parts) if parts else np.zeros((0, 0), dtype=np.float32)


def wipe(settings: Settings, store_dir: Path | None = None) -> None:
    """Delete the chunk and manifest collections, whatever model built them."""
    client = make_client(settings, store_dir)
    for name in (settings.collection, settings.collection + "__manifest"):
        try:
            client.delete_collection(name)
        except Exception:  # absent already: nothing to wipe
            pass


def open_store(settings: Settings, embedder: Embedder, store_dir: Path | None = None, reset: bool = False) -> Store:
    """Open the store, after wiping it when asked."""
    if reset:
        wipe(settings, store_dir)
    return Store(settings, embedder, store_dir)
