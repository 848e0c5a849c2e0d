"""What the assistant returns: a draft with checked citations, notes for the rep, and a verdict."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["answered", "escalate"]


@dataclass
class Citation:
    """One numbered source in the creator-facing reply."""

    n: int
    source: str
    title: str
    section: str
    page: int | None
    score: float
    quote: str
    chunk_id: str = ""


@dataclass
class RepNote:
    """Guidance for the rep (an internal document, or a policy section written for reps), never quoted to the creator."""

    source: str
    title: str
    section: str
    quote: str


@dataclass
class RepWarning:
    """Something in the message the rep must not take at face value: an instruction or a claim, quoted."""

    kind: Literal["instruction", "claim"]
    quote: str
    message: str


@dataclass
class Draft:
    """The assistant's answer to one pasted message."""

    question: str
    status: Status
    draft: str
    citations: list[Citation]
    reason: str = ""
    team: str = ""
    drafter: str = "offline"
    questions: list[str] = field(default_factory=list)
    creator_name: str = ""
    region: str = ""
    rep_notes: list[RepNote] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # shown to the rep: truncation, redaction, errors
    topic: str = ""
    answerability: list[float] = field(default_factory=list)  # the reader's best rating per question
    language: str = ""  # ISO 639-1 code of the message (assistant/language.py)
    warnings: list[RepWarning] = field(default_factory=list)  # claims and instructions in the message
    market_unknown: bool = False  # the answer names markets and the creator's is not known

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape first, then the extras."""
        data = asdict(self)
        ordered = {k: data.pop(k) for k in ("question", "status", "draft", "citations", "reason")}
        ordered.update(data)
        return ordered


@dataclass
class Passage:
    """A retrieved chunk as the drafters see it."""

    chunk_id: str
    text: str
    meta: dict[str, Any]
    score: float
    similarity: float
