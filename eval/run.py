"""Run the evaluation: retrieval in three modes, then drafts, against one store."""
from __future__ import annotations

from typing import Any

from assistant.intake import parse
from assistant.service import Assistant
from eval.data import KINDS, Question
from eval.metrics import (cited_text, citations_valid, fact_coverage, holds_a_fact, lead_sentence, mean, mrr_at,
                          obeyed_injection, recall_at, unread)
from vectorstore.filters import Filters
from vectorstore.search import HybridSearcher

MODES = ("dense", "keyword", "hybrid")


def retrieval_metrics(searcher: HybridSearcher, questions: list[Question]) -> dict[str, Any]:
    """recall@5 and MRR@10 per mode, overall and per kind, on questions that have sources."""
    scored = [q for q in questions if q.expected_sources]
    out: dict[str, Any] = {}
    for mode in MODES:
        rows = []
        for q in scored:
            hits = searcher.search(q.question, 10, Filters(region=q.region), mode=mode)
            sources = [h.source for h in hits]
            rows.append((q.kind, recall_at(sources, q.expected_sources, 5), mrr_at(sources, q.expected_sources, 10)))
        out[mode] = summarise(rows)
    return out


def summarise(rows: list[tuple[str, float, float]]) -> dict[str, Any]:
    """Overall and per-kind means of (kind, recall, mrr) rows."""
    result = {"n": len(rows), "recall@5": mean([r for _, r, _ in rows]), "mrr@10": mean([m for _, _, m in rows])}
    result["by_kind"] = {kind: {"n": len(sub), "recall@5": mean([r for _, r, _ in sub]), "mrr@10": mean([m for _, _, m in sub])}
                         for kind in KINDS if (sub := [row for row in rows if row[0] == kind])}
    return result


def answer_rows(assistant: Assistant, searcher: HybridSearcher, questions: list[Question]) -> list[dict[str, Any]]:
    """One row per question: the draft's measures and the top-3-chunks baseline."""
    rows = []
    internal = internal_chunk_ids(searcher)
    for q in questions:
        draft = assistant.ask(q.question, region=q.region).to_dict()
        baseline = "\n\n".join(h.text for h in searcher.search(q.question, 3, Filters(region=q.region)))
        seen = "\n\n".join(p.text for p in assistant.retrieve(parse(q.question, 6000, q.region))[0].passages)
        rows.append({
            "id": q.id, "kind": q.kind, "split": q.split, "status": draft["status"],
            "facts": fact_coverage(draft["draft"], q.key_facts) if q.key_facts else None,
            "cited_facts": fact_coverage(cited_text(draft["draft"]), q.key_facts) if q.key_facts else None,
            "lead_holds_fact": holds_a_fact(lead_sentence(draft["draft"]), q.key_facts)
            if q.key_facts and draft["status"] == "answered" else None,
            "baseline_facts": fact_coverage(baseline, q.key_facts) if q.key_facts else None,
            "passage_facts": fact_coverage(seen, q.key_facts) if q.key_facts else None,
            "chars": len(draft["draft"]), "baseline_chars": len(baseline),
            "citations_valid": citations_valid(draft),
            "obeyed": obeyed_injection(draft["draft"], q.must_not_contain) if q.kind == "injection" else None,
            "warned": any(w["kind"] == "instruction" for w in draft["warnings"]),
            "unsupported": len(draft["unsupported"]),
            "answerability": min(draft["answerability"], default=0.0), "reason": draft["reason"][:300],
            "creator_reply_cites_internal": cites_internal(internal, draft) if draft["audience"] == "creator" else None,
        })
    return rows


def internal_chunk_ids(searcher: HybridSearcher) -> set[str]:
    """The ids of every chunk whose document is internal, read once per run."""
    return {hit.id for hit in searcher.store.get_chunks({"audience": "internal"})}


def cites_internal(internal: set[str], draft: dict[str, Any]) -> bool:
    """Whether a draft cites a chunk whose document is internal: never right in a reply to a creator."""
    return any(c.get("chunk_id") in internal for c in draft["citations"])


def answer_metrics(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The answer targets of issue 5, computed from per-question rows."""
    answered_kinds = [r for r in rows if r["kind"] in ("answerable", "multi_doc")]
    with_facts = [r for r in rows if r["facts"] is not None and r["status"] == "answered"]
    all_facts = [r for r in rows if r["facts"] is not None]
    unanswerable = [r for r in rows if r["kind"] == "unanswerable"]
    injections = [r for r in rows if r["kind"] == "injection"]
    drafted = [r for r in rows if r["status"] == "answered"]
    return {
        "n": len(rows),
        "key_facts": mean([r["facts"] for r in all_facts]),
        # the same overlap counted only in cited sentences, so a holding line's words earn nothing
        "key_facts_cited": mean([r["cited_facts"] for r in all_facts if r.get("cited_facts") is not None]),
        "key_facts_when_answered": mean([r["facts"] for r in with_facts]),
        # "lead with the direct answer": the reply's first cited sentence holds half of a key fact's words
        "lead_holds_a_fact": mean([1.0 if r["lead_holds_fact"] else 0.0 for r in with_facts
                                   if r.get("lead_holds_fact") is not None]),
        "draft_chars_mean": mean([r["chars"] for r in drafted]),
        "draft_chars_max": max((r["chars"] for r in drafted), default=0),
        "baseline_key_facts": mean([r["baseline_facts"] for r in all_facts]),
        "baseline_chars_mean": mean([r["baseline_chars"] for r in all_facts]),
        "key_facts_in_passages": mean([r["passage_facts"] for r in all_facts]),
        "escalation_rate_unanswerable": mean([1.0 if r["status"] == "escalate" else 0.0 for r in unanswerable]),
        "false_escalation_rate": mean([1.0 if r["status"] == "escalate" else 0.0 for r in answered_kinds]),
        # the share the reader's threshold is held to (eval.calibrate): of the messages the reader read
        "false_escalation_rate_read": mean([1.0 if r["status"] == "escalate" else 0.0 for r in answered_kinds
                                            if not unread(r)]),
        "injections_resisted": mean([0.0 if r["obeyed"] else 1.0 for r in injections]),
        # the rep told of words aimed at the assistant: in injections (some only ask for staff material, with no
        # instruction to find), and wrongly in every other message
        "injections_warned": mean([1.0 if r.get("warned") else 0.0 for r in injections]),
        "others_warned": mean([1.0 if r.get("warned") else 0.0 for r in rows if r["kind"] != "injection"]),
        "citation_validity": mean([1.0 if r["citations_valid"] else 0.0 for r in rows]),
        "drafts_with_unsupported": mean([1.0 if r["unsupported"] else 0.0 for r in drafted]),
        "creator_replies_citing_internal": mean([1.0 if r["creator_reply_cites_internal"] else 0.0 for r in drafted
                                                 if r["creator_reply_cites_internal"] is not None]),
    }
