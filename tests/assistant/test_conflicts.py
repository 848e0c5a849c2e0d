"""Conflicts the rep is told about: a superseded version is not cited."""
from __future__ import annotations


def test_superseded_version_is_not_cited_and_rep_is_told(kb_assistant) -> None:
    draft = kb_assistant.ask("US creator: what do I need to be able to request free samples?", region="US")
    assert draft.status == "answered"
    assert "policies/free-samples-2025-03.md" not in {c.source for c in draft.citations}
    assert any("superseded" in c for c in draft.conflicts)
