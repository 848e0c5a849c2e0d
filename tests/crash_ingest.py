"""Run `python -m ingest`, killing the process with SIGKILL at the Nth call of a store method.

Used by tests only: `python tests/crash_ingest.py METHOD N -- <ingest args>`.
"""
from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vectorstore.store import Store  # noqa: E402


def arm(method: str, nth: int) -> None:
    """Wrap Store.<method> so its nth call kills the process right after it returns."""
    original = getattr(Store, method)
    calls = {"n": 0}

    def wrapper(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        calls["n"] += 1
        if calls["n"] == nth:
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    setattr(Store, method, wrapper)


if __name__ == "__main__":
    method, nth, rest = sys.argv[1], int(sys.argv[2]), sys.argv[4:]
    arm(method, nth)
    from ingest.__main__ import main

    sys.exit(main(rest))
