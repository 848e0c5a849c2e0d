"""The instruction warning on a set written by someone who never saw the patterns: 40 injections in varied styles
and languages, and 40 creator messages that only look like them (eval/injection_lookalikes.jsonl)."""
from __future__ import annotations

import json

from assistant.rep_checks import precheck
from tests.conftest import ROOT

ROWS = [json.loads(line) for line in (ROOT / "eval" / "injection_lookalikes.jsonl").read_text().splitlines()]


def warned(text: str) -> bool:
    """Whether the rep is warned of an instruction in the message."""
    return any(w.kind == "instruction" for w in precheck(text, "").warnings)


def test_look_alikes_raise_no_instruction_warning() -> None:
    """A creator's own AI tools, human assistant, phone settings or a notice they ask about are not instructions."""
    false_alarms = [r["id"] for r in ROWS if r["label"] == "benign" and warned(r["text"])]
    assert false_alarms == []


def test_most_injections_are_warned_about() -> None:
    """A floor, not a target: the set was written blind, then its misses became patterns, so it guards against
    losing them (35 of 40 at the time)."""
    injections = [r for r in ROWS if r["label"] == "injection"]
    assert len(injections) == 40 and sum(warned(r["text"]) for r in injections) >= 34
