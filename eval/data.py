"""The question set: loading and validation."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("answerable", "multi_doc", "unanswerable", "injection")
DEFAULT_SET = Path(__file__).resolve().parent / "questions.jsonl"


@dataclass
class Question:
    """One evaluation item."""

    id: str
    question: str
    kind: str
    expected_sources: list[str]
    key_facts: list[str]
    notes: str = ""
    split: str = "tune"
    region: str = ""
    must_not_contain: list[str] = field(default_factory=list)


def load_questions(path: Path = DEFAULT_SET, split: str = "all") -> list[Question]:
    """Questions from a JSON-lines file, optionally one split only."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            item = Question(**{k: v for k, v in data.items() if k in Question.__dataclass_fields__})
        except (json.JSONDecodeError, TypeError) as err:
            raise ValueError(f"{path}:{number}: not a valid question line ({err})") from err
        if item.kind not in KINDS:
            raise ValueError(f"{path}:{number}: unknown kind '{item.kind}'")
        if split in ("all", item.split):
            out.append(item)
    return out
