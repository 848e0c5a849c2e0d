"""The assistant end to end on the sample knowledge base: a cited, short, offline answer; one store check a message."""
from __future__ import annotations

import pytest

from assistant.text import MARKER_RE


def assert_citations_consistent(draft) -> None:
    used = {int(n) for n in MARKER_RE.findall(draft.draft)}
    assert used == {c.n for c in draft.citations}
    assert sorted(c.n for c in draft.citations) == list(range(1, len(draft.citations) + 1))


def test_answered_draft_is_cited_short_and_offline(kb_assistant) -> None:
    draft = kb_assistant.ask("hi im Jess, US creator. whats the minimum withdrawal and the paypal fee?")
    assert draft.status == "answered" and draft.drafter == "offline"
    assert draft.draft.startswith("Hi Jess,")
    assert "0.9%" in draft.draft and "US$2" in draft.draft
    assert len(draft.draft) <= 1300
    assert_citations_consistent(draft)
    assert all(c.quote and c.title for c in draft.citations)


def test_one_message_checks_the_store_generation_once(kb_assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    """Server mode pays an HTTP call per check, so a message with three questions checks once."""
    store = kb_assistant.searcher.store
    calls = []
    real = store.generation
    monkeypatch.setattr(store, "generation", lambda: calls.append(1) or real())
    draft = kb_assistant.ask("how long do i have to post a free sample? what is the paypal fee? can i do LIVE giveaways?")
    assert len(draft.questions) == 3
    assert len(calls) == 1
