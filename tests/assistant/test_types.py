"""A Passage types a stored chunk's metadata once: what ingest wrote comes back as fields, and the
question's scores ride on the hit and the passage, never in the stored metadata."""
from __future__ import annotations

from pathlib import Path

from assistant.intake import parse
from assistant.retrieval import assemble, search_questions
from assistant.types import Passage, to_passage
from settings import load_settings
from tests.conftest import ROOT
from vectorstore.embeddings import Embedder
from vectorstore.store import open_store


def chunks(kb_store: Path, embedder: Embedder, source: str) -> list[Passage]:
    """Every chunk of one ingested document, as passages."""
    store = open_store(load_settings(store_dir=kb_store, kb_dir=ROOT / "knowledge_base"), embedder)
    hits = store.get_chunks({"source": source})
    assert hits, source
    passages = [to_passage(h) for h in hits]
    assert [(p.chunk_id, p.text) for p in passages] == [(h.id, h.text) for h in hits]
    return passages


def test_passage_fields_come_from_the_ingested_chunk(kb_store: Path, embedder: Embedder) -> None:
    """A PDF with a sidecar, a superseded Markdown page and an internal process page, field by field."""
    pdf = chunks(kb_store, embedder, "policies/commission-settlement.pdf")
    assert {(p.source, p.title, p.audience, p.region, p.doc_id, p.current, p.effective) for p in pdf} == {
        ("policies/commission-settlement.pdf", "Commission calculation, settlement and order statuses",
         "creator-safe", "global", "commission-settlement", True, "2025-09-26")}
    assert all(p.page >= 1 for p in pdf) and max(p.page for p in pdf) > 1
    assert any(p.section for p in pdf) and not any(p.internal for p in pdf)
    assert all(p.score == 0.0 and p.similarity == 0.0 for p in pdf)  # read back, not searched

    old = chunks(kb_store, embedder, "policies/free-samples-2025-03.md")
    assert {(p.region, p.doc_id, p.current, p.effective, p.page) for p in old} == {("US", "free-samples-us", False, "2025-03-01", 0)}

    crm = chunks(kb_store, embedder, "processes/crm-logging.md")
    assert all(p.internal and p.audience == "internal" and p.title == "CRM logging" for p in crm)


def test_no_hit_carries_a_score_in_its_metadata(kb_assistant) -> None:
    """Retrieval for a real message, neighbours included: scores are fields, the metadata is as stored."""
    searcher = kb_assistant.searcher
    searcher.refresh()
    intake = parse("When does my commission settle, and how do I log a missing one in the CRM?", 6000, "US", "")
    found = search_questions(searcher, intake, 5)
    hits = [h for per_question in found for h in per_question]
    assert hits and all("similarity" not in h.metadata for h in hits)
    assert any(h.similarity for h in hits)
    got = assemble(intake.questions, found, 0.3, staff=True)
    first: dict[str, float] = {}
    for hit in hits:  # a chunk found for two questions is numbered once, with its first score
        first.setdefault(hit.id, hit.similarity or 0.0)
    assert got.passages and all(p.similarity == first[p.chunk_id] for p in got.passages)
    assert got.coverage == [max((h.similarity or 0.0 for h in per_question), default=0.0) for per_question in found]
