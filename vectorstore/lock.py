"""One writer at a time on an embedded store, enforced with an OS file lock."""
from __future__ import annotations

import fcntl
import os
import socket
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from vectorstore.errors import StoreLockedError

LOCK_NAME = ".writer.lock"


def read_holder(path: Path) -> str:
    """Who wrote the lock file last, as 'pid N on host (what)'."""
    try:
        return path.read_text(encoding="utf-8").strip() or "an unknown process"
    except OSError:
        return "an unknown process"


@contextmanager
def writer_lock(store_dir: Path, what: str = "ingest") -> Iterator[None]:
    """Hold the store's writer lock, or fail at once naming the holder."""
    store_dir.mkdir(parents=True, exist_ok=True)
    path = store_dir / LOCK_NAME
    handle = open(path, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise StoreLockedError(
                f"The index at {store_dir} is locked by {read_holder(path)}. "
                "Wait for it to finish, or run a Chroma server for several writers."
            ) from err
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} on {socket.gethostname()} ({what})\n")
        handle.flush()
        yield
    finally:
        handle.close()  # closing releases the flock, even after a crash
