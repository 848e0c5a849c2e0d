"""What the assistant returns (a draft with checked citations, notes for the rep, a verdict) and the passages it reads."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from vectorstore.store import Hit

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
    answerability: list[float] = field(default_factory=list)  # per question: assistant.judge.answerability
    language: str = ""  # ISO 639-1 code of the message (assistant/language.py)
    warnings: list[RepWarning] = field(default_factory=list)  # claims and instructions in the message
    market_unknown: bool = False  # the answer names markets and the creator's is not known
    audience: str = "creator"  # who the draft is for: "creator" (a reply to send) or "staff" (may quote internal notes)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape first, then the extras."""
        data = asdict(self)
        ordered = {k: data.pop(k) for k in ("question", "status", "draft", "citations", "reason")}
        ordered.update(data)
        return ordered


@dataclass
class Passage:
    """A stored chunk as the assistant reads it: its text, its scores against a question, and the metadata
    fields drafting, citing and the Learn page use, typed once by `to_passage`."""

    chunk_id: str
    text: str
    score: float = 0.0  # the search's fused rank score; 0.0 when read back without a search
    similarity: float = 0.0  # cosine similarity to the question; 0.0 when never compared (keyword-only, neighbour)
    source: str = ""  # path inside the knowledge base
    title: str = ""
    section: str = ""  # heading path, "Payouts > Minimums"
    page: int = 0  # 0 for a document without pages
    audience: str = ""  # "creator-safe" or "internal"
    region: str = ""  # a market code, a grouping such as SEA, or "global"
    doc_id: str = ""  # one document across its versions
    current: bool = True  # False for a superseded version
    effective: str = ""  # ISO day the rules take effect, when the document says

    @property
    def internal(self) -> bool:
        """Written for reps only: shown to the rep as a note, never quoted to a creator."""
        return self.audience == "internal"


def to_passage(hit: Hit) -> Passage:
    """The one place a chunk's stored metadata becomes typed fields (ingest/chunking.make_chunk writes them)."""
    meta = hit.metadata
    return Passage(
        chunk_id=hit.id, text=hit.text, score=hit.score,
        similarity=hit.similarity if hit.similarity is not None else 0.0,
        source=str(meta.get("source", "")), title=str(meta.get("title", "")), section=str(meta.get("section", "")),
        page=int(meta.get("page") or 0), audience=str(meta.get("audience", "")), region=joined(meta.get("region", "")),
        doc_id=str(meta.get("doc_id", "")), current=meta.get("current") is not False,
        effective=str(meta.get("effective", "")),
    )


def joined(value: object) -> str:
    """A stored value as text: a YAML list of markets ("[UK, VN]") reads "UK, VN", as front matter writes it."""
    return ", ".join(str(v) for v in value) if isinstance(value, (list, tuple)) else str(value)
