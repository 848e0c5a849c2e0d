"""What changed since the last ingest: files on disk against the committed manifest and the store."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.loaders import LOADERS
from ingest.meta import SIDECAR_SUFFIX, sidecar_path
from ingest.paths import inside, is_utf8, printable

OUTSIDE = "links outside the knowledge base; not read"
Listing = list[dict[str, str]]


@dataclass
class Plan:
    """Sources sorted into what ingest must do with them."""

    files: dict[str, Path]
    hashes: dict[str, str]
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: Listing = field(default_factory=list)  # {"path", "reason"}: passed over on purpose
    failed: Listing = field(default_factory=list)  # {"path", "error"}: could not be read at all

    @property
    def to_load(self) -> list[str]:
        """Sources whose chunks must be (re)built."""
        return self.added + self.updated


def scan(root: Path, ignore: list[str]) -> tuple[dict[str, Path], Listing, Listing]:
    """Supported files under root by source path, the files passed over with why, and the files that
    fail before any parsing: names that are not UTF-8. Anything whose path or sidecar resolves outside
    root is passed over unread."""
    if not root.is_dir():
        raise FileNotFoundError(f"Knowledge-base folder not found: {root}")
    real_root = root.resolve()
    files, skipped, failed = {}, [], []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        name = rel.as_posix()
        if not path.is_file() or any(p.startswith((".", "_")) for p in rel.parts):
            continue
        if path.name in ignore or path.name.endswith(SIDECAR_SUFFIX):
            continue
        if not is_utf8(name):  # Chroma, JSON and the pages need text; such a name fails alone
            failed.append({"path": printable(name), "error": f"{printable(name)}: the file name is not valid "
                                                              "UTF-8; rename the file"})
        elif path.suffix.lower() not in LOADERS:
            skipped.append({"path": name, "reason": f"unsupported file type '{path.suffix}'"})
        elif not inside(path, real_root):
            skipped.append({"path": name, "reason": OUTSIDE})
        elif not inside(sidecar_path(path), real_root):
            skipped.append({"path": name, "reason": f"its sidecar {path.name + SIDECAR_SUFFIX} {OUTSIDE}"})
        else:
            files[name] = path
    return files, skipped, failed


def file_hash(path: Path) -> str:
    """sha256 of the file and its sidecar, so a metadata edit counts as a change."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    side = sidecar_path(path)
    if side.exists():
        digest.update(b"\0sidecar\0")
        with open(side, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def make_plan(root: Path, ignore: list[str], manifest: dict[str, dict[str, Any]],
              stored: dict[str, set[str]], config_key: str) -> Plan:
    """Compare disk, manifest and store. A source whose stored ids differ from its manifest is redone."""
    files, skipped, failed = scan(root, ignore)
    plan = Plan(files={}, hashes={}, skipped=skipped, failed=failed)
    for source, path in files.items():
        try:
            plan.hashes[source] = file_hash(path)
        except OSError as err:  # unreadable: reported, and its old chunks stay
            plan.failed.append({"path": source, "error": f"{source} could not be read ({err.__class__.__name__})"})
            continue
        plan.files[source] = path
    for source in plan.files:
        entry = manifest.get(source)
        if entry is None:
            plan.added.append(source)
        elif (entry.get("content_hash") != plan.hashes[source] or entry.get("config") != config_key
              or set(entry.get("chunk_ids", [])) != stored.get(source, set())):
            plan.updated.append(source)
        else:
            plan.unchanged.append(source)
    plan.removed = sorted((set(manifest) | set(stored)) - set(files))  # an unreadable file keeps its chunks
    return plan
