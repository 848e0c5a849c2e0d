"""Retrieval: the whole message and each question vote together; a forwarded question leads the search."""
from __future__ import annotations


def test_a_rep_asking_for_the_canned_reply_to_a_forwarded_message_gets_it(kb_assistant) -> None:
    """The forwarded creator's question leads the search: on its own, "is there a canned reply for this one?"
    matches the new-hire checklist better than any canned reply."""
    draft = kb_assistant.ask('rep here, is there a canned reply for this one? creator wrote: "my commission has been '
                             'frozen for a week and i have zero violations, what do i do??"')
    assert draft.status == "answered" and draft.citations
    sources = [c.source for c in draft.citations]
    assert "processes/canned-replies.md" in sources, sources
    assert "processes/new-hire-onboarding-checklist.md" not in sources, sources


def test_hits_both_searches_rank_high_come_before_the_questions_weaker_hits() -> None:
    """The whole message ('Indonesian creator here') and the split-off question vote together."""
    from assistant.retrieval import merge
    from vectorstore.store import Hit

    question = [Hit(i, i, {}, 0.5) for i in ("q1", "q2", "q3", "both")]
    whole = [Hit(i, i, {}, 0.5) for i in ("both", "w2")]
    assert [h.id for h in merge(question, whole, 5)] == ["both", "q1", "q2", "w2", "q3"]
    assert [h.id for h in merge(question, [], 3)] == ["q1", "q2", "q3"]
