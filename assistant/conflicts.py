"""Conflicts the rep should know about: superseded versions, other regions, sources that disagree."""
from __future__ import annotations

import re

from assistant.retrieval import Retrieved
from assistant.types import Citation, to_passage
from vectorstore.filters import Filters
from vectorstore.search import HybridSearcher

DISAGREE_RE = re.compile(r"(?i)[^.\n]*\b(sources? disagree|disagree|conflict(?:s|ing)?)\b[^.\n]*[.]?")


def find_conflicts(searcher: HybridSearcher, got: Retrieved, citations: list[Citation], region: str) -> list[str]:
    """Plain-language notes for the rep about versions, regions and disagreeing sources."""
    notes = superseded_notes(searcher, got, citations)
    notes += region_notes(got, citations, region)
    notes += disagreement_notes(got, citations)
    return list(dict.fromkeys(notes))


def superseded_notes(searcher: HybridSearcher, got: Retrieved, citations: list[Citation]) -> list[str]:
    """Superseded versions the draft quotes, and older versions of a cited document that also match the question."""
    quoted = [p for p in got.passages if p.chunk_id in {c.chunk_id for c in citations}]
    cited = {p.doc_id: p for p in quoted if p.current}
    notes = [f"The draft quotes a superseded version, '{p.title}' ({p.source}, effective {p.effective or '?'}), "
             "because the message asks how things were before; today's rules may differ."
             for p in {p.source: p for p in quoted if not p.current}.values()]
    for question in got.questions:
        for hit in searcher.search(question, 5, Filters(current_only=False), refresh=False):
            older = to_passage(hit)
            current = cited.get(older.doc_id)
            if current and not older.current:
                notes.append(f"An older version of '{older.title}' ({older.source}, effective "
                             f"{older.effective or '?'}) is superseded; the draft uses the current one "
                             f"({current.source}, effective {current.effective or '?'}).")
    return notes


def region_notes(got: Retrieved, citations: list[Citation], region: str) -> list[str]:
    """Cited passages from several markets when the creator's market is unknown."""
    if region:
        return []
    cited_ids = {c.chunk_id for c in citations}
    regions = sorted({p.region for p in got.passages if p.chunk_id in cited_ids and p.region not in ("", "global")})
    if len(regions) > 1:
        return [f"The cited rules differ by market ({', '.join(regions)}) and the creator's region is unknown: confirm it."]
    return []


def disagreement_notes(got: Retrieved, citations: list[Citation]) -> list[str]:
    """Sentences in cited passages where the document itself says sources disagree."""
    cited_ids = {c.chunk_id for c in citations}
    notes = []
    for passage in got.passages:
        if passage.chunk_id in cited_ids:
            match = DISAGREE_RE.search(passage.text)
            if match:
                notes.append(f"{passage.title}: {match.group(0).replace('**', '').strip()}")
    return notes
