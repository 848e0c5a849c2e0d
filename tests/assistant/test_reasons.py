"""Escalation reasons: each is a small check owned by assistant/reasons.py."""
from __future__ import annotations

from assistant import reasons


def test_an_out_of_scope_topic_escalates_a_creator_not_a_colleague_asking_about_process() -> None:
    """A creator asking whether they can sue gets a holding reply; a rep asking how to handle a creator's
    legal threat is asking about process, which the reader judges on its own."""
    never = lambda pattern: 0  # noqa: E731 - the knowledge base names no such topic
    question = "a creator is threatening to sue us over a late sample, what do I do?"
    assert "sue" in reasons.outside_scope(question, never)
    assert reasons.outside_scope(question, never, staff=True) == ""


def test_a_rep_asking_how_to_handle_a_legal_threat_is_answered_from_the_process_notes(kb_assistant) -> None:
    draft = kb_assistant.ask("rep question: a creator is threatening to sue us over a late sample. what do I do?")
    assert draft.status == "answered", draft.reason
    assert any(c.source.startswith("processes/") for c in draft.citations)
