"""Retrieval per question: creator-safe passages for the reply, internal ones as notes for the rep."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.intake import Intake
from assistant.passage_text import for_reps, last_heading
from assistant.types import Passage, RepNote, to_passage
from assistant.versions import asks_about_the_past
from vectorstore.filters import Filters
from vectorstore.search import RRF_K, HybridSearcher
from vectorstore.store import Hit

LINK_RE = re.compile(r"https?://\S+")

MAX_NOTES = 4
# A search list wants breadth (2 chunks per document); a reply wants depth in the document that answers,
# so no cap here: the fourth section of an FAQ often holds the fact the first three do not, and the reader,
# not a count per document, decides which passages are quoted.
# How much closer the best internal note must be than any creator-safe passage before a message in
# "auto" mode is read as a rep's question.
STAFF_MARGIN = 0.1
# Neighbouring chunks of the best hits join the passages: an answer often runs on into the next section.
NEIGHBOURS_OF = 2


@dataclass
class Retrieved:
    """Passages for a whole message, numbered once, with per-question coverage."""

    questions: list[str]
    passages: list[Passage] = field(default_factory=list)
    per_question: list[list[int]] = field(default_factory=list)
    covered: list[bool] = field(default_factory=list)
    coverage: list[float] = field(default_factory=list)
    notes: list[RepNote] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # why questions are not covered
    internal_best: float = 0.0  # best similarity among internal passages held back from the reply

    @property
    def missed(self) -> list[str]:
        """The questions the knowledge base does not cover."""
        return [q for q, ok in zip(self.questions, self.covered) if not ok]

    def reads_as_staff(self, threshold: float) -> bool:
        """Only internal notes answer it: a rep's process question the wording did not give away."""
        return self.internal_best >= threshold and self.internal_best - max(self.coverage, default=0.0) >= STAFF_MARGIN


def search_questions(searcher: HybridSearcher, intake: Intake, k: int, doc_type: str = "") -> list[list[Hit]]:
    """Hits per question, every audience, with the creator's region. The caller refreshes the searcher first."""
    # superseded versions answer only a message about an earlier time ("what were the rules back then?")
    filters = Filters(region=intake.region, doc_type=doc_type, current_only=not asks_about_the_past(intake.text))

    def search(text: str) -> list[Hit]:
        # a list of sources answers nothing, yet the words in its addresses match; it must not take a passage's place
        return without_links(searcher.search(text, 2 * k, filters, refresh=False, per_source=k), k)

    whole = search(intake.text) if len(intake.questions) > 1 or intake.text != intake.questions[0] else []
    out = []
    for question in intake.questions:
        # The whole message brings back context a split-off question lost ("saw a guide saying ...").
        hits = merge(search(question), whole, k + 2)
        out.append(with_neighbours(searcher, hits, filters))
    return out


def assemble(questions: list[str], found: list[list[Hit]], threshold: float, staff: bool = False) -> Retrieved:
    """Number the passages once for the whole message; internal ones become rep notes unless the
    reader is staff, who may be shown them."""
    got = Retrieved(questions=list(questions))
    index: dict[str, int] = {}
    for hits in found:
        passages = [to_passage(h) for h in hits]
        safe = passages if staff else [p for p in passages if not p.internal]
        if not staff:
            # "What reps should not say" in a creator-safe page is not quoted to the creator (offline.candidates)
            # but is exactly what the rep should read next to the draft
            add_notes(got, [p for p in passages if p.internal or for_reps(p.section)])
            got.internal_best = max([got.internal_best] + [p.similarity for p in passages if p.internal])
        numbers = []
        for passage in safe:
            if passage.chunk_id not in index:
                index[passage.chunk_id] = len(got.passages)
                got.passages.append(passage)
            numbers.append(index[passage.chunk_id])
        score = max((p.similarity for p in safe), default=0.0)
        got.per_question.append(numbers)
        got.coverage.append(score)
        got.covered.append(bool(numbers) and score >= threshold)
    return got


def with_neighbours(searcher: HybridSearcher, hits: list[Hit], filters: Filters) -> list[Hit]:
    """The best hits' neighbouring chunks too: an answer often runs on into the next section."""
    seen, out = {h.id for h in hits}, list(hits)
    for hit in hits[:NEIGHBOURS_OF]:
        for extra in searcher.keyword.neighbours(hit.id, filters):
            if extra.id not in seen:
                seen.add(extra.id)
                extra.similarity = 0.0  # not judged against the question
                out.append(extra)  # after the ranked hits: placed next to their hit, they crowd out better ones
    return out


def merge(first: list[Hit], second: list[Hit], limit: int) -> list[Hit]:
    """The question's hits and the whole message's, interleaved by reciprocal rank: a chunk both searches
    rank high comes first ("Indonesian creator here" finds the Indonesian LIVE rules the bare question
    missed). Hits keep their own search scores."""
    fused: dict[str, float] = {}
    hits: dict[str, Hit] = {}
    for ranked in (first, second):
        for rank, hit in enumerate(ranked, start=1):
            hits.setdefault(hit.id, hit)
            fused[hit.id] = fused.get(hit.id, 0.0) + 1.0 / (RRF_K + rank)
    return [hits[i] for i in sorted(fused, key=lambda i: -fused[i])][:limit]


def add_notes(got: Retrieved, passages: list[Passage]) -> None:
    """Keep up to MAX_NOTES distinct internal passages for the rep."""
    seen = {(n.source, n.quote) for n in got.notes}
    for passage in passages:
        note = RepNote(passage.source, passage.title, passage.section, passage.text[:600])
        if (note.source, note.quote) not in seen and len(got.notes) < MAX_NOTES:
            got.notes.append(note)
            seen.add((note.source, note.quote))


def rerank(got: Retrieved, ratings: dict[int, float]) -> None:
    """Order the passages by the reader's best rating of any of their sentences (unrated ones last, in search
    order), so an LLM reads the answering passages first and citations are numbered that way."""
    order = sorted(range(len(got.passages)), key=lambda i: (-ratings.get(i, -1.0), i))
    new_index = {old: new for new, old in enumerate(order)}
    got.passages = [got.passages[i] for i in order]
    got.per_question = [[new_index[i] for i in numbers] for numbers in got.per_question]


def word_matches(searcher: HybridSearcher, message: str, region: str, k: int = 3) -> list[str]:
    """Where the keyword index finds the words of a message no model here can read ("15%", "serum", a
    programme's name): "Title › Section" of its k best chunks, for a rep answering it by hand. A list of links
    is left out: the words in its addresses ("…/tiktok-shop-affiliate-commissions") match, its text says nothing."""
    hits = without_links(searcher.search(message, 3 * k, Filters(region=region), mode="keyword"), k)
    return [" › ".join(dict.fromkeys(part for part in (p.title, last_heading(p)) if part))
            for p in map(to_passage, hits)]


def without_links(hits: list[Hit], k: int) -> list[Hit]:
    """The first k hits that are not lists of links (searched for more than k, so that k remain)."""
    return [h for h in hits if not mostly_links(h.text)][:k]


def mostly_links(text: str) -> bool:
    """Whether web addresses make up half or more of a chunk's text, as in a list of sources."""
    return sum(len(url) for url in LINK_RE.findall(text)) * 2 >= len(text.strip() or "x")
