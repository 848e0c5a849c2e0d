"""The manifest of committed sources and the generation marker readers watch, kept beside the chunks."""
from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

GENERATION_ID = "__generation__"
GENERATION_FILE = "generation.txt"


class ManifestMixin:
    """Manifest and generation methods of the store; `Store` opens the collection and sets the fields."""

    manifest: Any
    embedded: bool
    store_dir: Path

    # manifest -------------------------------------------------------------
    def read_manifest(self) -> dict[str, dict[str, Any]]:
        """The committed manifest: source path -> entry."""
        got = self.manifest.get(include=["metadatas"])
        out = {}
        for mid, meta in zip(got["ids"], got["metadatas"]):
            if mid != GENERATION_ID:
                entry = dict(meta)
                entry["chunk_ids"] = json.loads(entry.get("chunk_ids", "[]"))
                out[mid] = entry
        return out

    def commit_manifest(self, source: str, entry: dict[str, Any]) -> None:
        """Record a source as fully written; called only after its chunks are stored."""
        self.commit_manifests({source: entry})

    def commit_manifests(self, entries: dict[str, dict[str, Any]]) -> None:
        """Record several sources as fully written, in one call, after their chunks are stored."""
        metas = []
        for entry in entries.values():
            meta = dict(entry)
            meta["chunk_ids"] = json.dumps(list(entry.get("chunk_ids", [])))
            metas.append(clean_meta(meta))
        self.manifest.upsert(ids=list(entries), embeddings=[[1.0]] * len(entries), metadatas=metas)

    def drop_manifest(self, source: str) -> None:
        """Forget a source."""
        self.manifest.delete(ids=[source])

    # generation -----------------------------------------------------------
    def generation(self) -> str:
        """A token that changes whenever a writer finishes; readers reload when it does."""
        if self.embedded:
            path = self.store_dir / GENERATION_FILE
            return path.read_text(encoding="utf-8").strip() if path.exists() else ""
        got = self.manifest.get(ids=[GENERATION_ID], include=["metadatas"])
        return str(got["metadatas"][0].get("generation", "")) if got["ids"] else ""

    def bump_generation(self) -> str:
        """Announce that the store changed."""
        token = uuid.uuid4().hex
        if self.embedded:
            tmp = self.store_dir / (GENERATION_FILE + ".tmp")
            tmp.write_text(token, encoding="utf-8")
            tmp.replace(self.store_dir / GENERATION_FILE)
        else:
            self.manifest.upsert(ids=[GENERATION_ID], embeddings=[[1.0]], metadatas=[{"generation": token}])
        return token


def clean_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Keep only values Chroma can store; drop None, turn dates and lists into strings."""
    out: dict[str, Any] = {}
    for key, value in meta.items():
        if value is None:
            continue
        if isinstance(value, (bool, int, float, str)):
            out[key] = value
        elif isinstance(value, (list, tuple)):
            out[key] = ", ".join(str(v) for v in value)
        else:
            out[key] = str(value)
    return out
