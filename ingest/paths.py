"""Knowledge-base paths: whether a file stays inside the folder, and names that can be stored and shown."""
from __future__ import annotations

from pathlib import Path


def inside(path: Path, root: Path) -> bool:
    """Whether path, with every link followed, lies within root (already resolved)."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # RuntimeError: a link loop
        return False


def is_utf8(name: str) -> bool:
    """Whether a name read from disk is valid UTF-8 (undecodable bytes arrive as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable(name: str) -> str:
    """A name from disk as valid text: undecodable bytes written as \\xNN, so the bytes can be recovered."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
