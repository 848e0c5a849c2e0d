"""Parse untrusted files in a child process with a wall-clock limit and a memory limit."""
from __future__ import annotations

import ctypes
import multiprocessing
import resource
import signal
import sys
import types
from contextlib import contextmanager
from typing import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from ingest.documents import LoadedDoc, LoadError
from ingest.loaders import load_file

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def limit_memory(megabytes: int) -> None:
    """Cap the child's address space so a decompression bomb fails instead of eating the machine,
    and have the kernel kill the child if ingest itself dies (no orphaned parsers after a crash)."""
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the pool still shuts down with a clean exit
        pass


def parse_in_child(path: Path, source: str, max_pages: int) -> LoadedDoc:
    """Child-side entry point: load one file, turning MemoryError into a plain LoadError."""
    try:
        return load_file(path, source, max_pages)
    except MemoryError as err:
        raise LoadError(f"{source} needed more memory than the parser may use") from err
    except LoadError:
        raise
    except Exception as err:  # any parser bug becomes a named failure, never a crashed run; the class
        # only, because parser messages can quote the file's bytes and reports are shown before unlock
        raise LoadError(f"{source} could not be parsed ({err.__class__.__name__})") from err


@contextmanager
def plain_main() -> Iterator[None]:
    """Hide the real __main__ while a worker is spawned: spawn re-runs the main script in the child,
    and under `streamlit run` or AppTest that script is the app."""
    real = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if real is not None:
            sys.modules["__main__"] = real


def warm_up() -> bool:
    """Import every parser in the child before the first file is timed."""
    import bs4  # noqa: F401
    import docx  # noqa: F401
    import pypdf  # noqa: F401

    return True


class Sandbox:
    """A one-worker process pool that is killed and replaced when a file misbehaves."""

    def __init__(self, timeout: float, memory_mb: int, max_file_mb: float, max_pages: int):
        self.timeout, self.memory_mb = timeout, memory_mb
        self.max_bytes, self.max_pages = int(max_file_mb * 1024 * 1024), max_pages
        self._pool: ProcessPoolExecutor | None = None

    def _ensure(self) -> ProcessPoolExecutor:
        """The worker pool, started and warmed up so a file's time limit covers parsing only."""
        if self._pool is None:
            ctx = multiprocessing.get_context("spawn")  # no torch or Chroma threads inherited
            self._pool = ProcessPoolExecutor(1, mp_context=ctx, initializer=limit_memory,
                                             initargs=(self.memory_mb,))
            with plain_main():  # the worker process starts on the first submit
                self._pool.submit(warm_up).result(timeout=120)
        return self._pool

    def _kill(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            for proc in list(getattr(pool, "_processes", {}).values()):
                proc.kill()
            pool.shutdown(wait=False, cancel_futures=True)

    def load(self, path: Path, source: str) -> LoadedDoc:
        """Load one file, or raise LoadError naming the file and the reason."""
        size = path.stat().st_size
        if size > self.max_bytes:
            raise LoadError(f"{source} is {size / 1_048_576:.1f} MiB; the limit is {self.max_bytes / 1_048_576:.0f} MiB")
        future = self._ensure().submit(parse_in_child, path, source, self.max_pages)
        try:
            return future.result(timeout=self.timeout)
        except FutureTimeout as err:
            self._kill()
            raise LoadError(f"{source} took longer than {self.timeout:g} s to parse; stopped") from err
        except BrokenProcessPool as err:
            self._kill()
            raise LoadError(f"{source} crashed the parser or passed its {self.memory_mb} MiB memory limit") from err

    def close(self) -> None:
        """Stop the worker."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
