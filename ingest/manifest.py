"""What changed since the last ingest: files on disk against the committed manifest and the store."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.loaders import LOADERS
from ingest.meta import SIDECAR_SUFFIX, sidecar_path


@dataclass
class Plan:
    """Sources sorted into what ingest must do with them."""

    files: dict[str, Path]
    hashes: dict[str, str]
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)

    @property
    def to_load(self) -> list[str]:
        """Sources whose chunks must be (re)built."""
        return self.added + self.updated


def scan(root: Path, ignore: list[str]) -> tuple[dict[str, Path], list[dict[str, str]]]:
    """Supported files under root by source path, and the files passed over with why."""
    if not root.is_dir():
        raise FileNotFoundError(f"Knowledge-base folder not found: {root}")
    files, skipped = {}, []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or any(p.startswith((".", "_")) for p in rel.parts):
            continue
        if path.name in ignore or path.name.endswith(SIDECAR_SUFFIX):
            continue
        if path.suffix.lower() not in LOADERS:
            skipped.append({"path": rel.as_posix(), "reason": f"unsupported file type '{path.suffix}'"})
            continue
        files[rel.as_posix()] = path
    return files, skipped


def file_hash(path: Path) -> str:
    """sha256 of the file and its sidecar, so a metadata edit counts as a change."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    side = sidecar_path(path)
    if side.exists():
        digest.update(b"\0sidecar\0" + side.read_bytes())
    return digest.hexdigest()


def make_plan(root: Path, ignore: list[str], manifest: dict[str, dict[str, Any]],
              stored: dict[str, set[str]], config_key: str) -> Plan:
    """Compare disk, manifest and store. A source whose stored ids differ from its manifest is redone."""
    files, skipped = scan(root, ignore)
    plan = Plan(files=files, hashes={s: file_hash(p) for s, p in files.items()}, skipped=skipped)
    for source in files:
        entry = manifest.get(source)
        if entry is None:
            plan.added.append(source)
        elif (entry.get("content_hash") != plan.hashes[source] or entry.get("config") != config_key
              or set(entry.get("chunk_ids", [])) != stored.get(source, set())):
            plan.updated.append(source)
        else:
            plan.unchanged.append(source)
    plan.removed = sorted((set(manifest) | set(stored)) - set(files))
    return plan
