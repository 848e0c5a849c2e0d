"""The reader's pass in assistant/assess.py: a colleague's answer gets the room a greeting and sign-off would take,
and the reader reads only the best-ranked passages."""
from __future__ import annotations

import pytest


def test_a_colleague_gets_the_room_a_greeting_and_sign_off_would_take(kb_assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rep's answer has no greeting, next steps or sign-off, so it may quote that much more."""
    import assistant.assess as assess
    from assistant.drafters import ANSWER_BUDGET, STAFF_BUDGET

    budgets: list[int] = []
    real = assess.judge
    monkeypatch.setattr(assess, "judge", lambda *a, **kw: budgets.append(a[4]) or real(*a, **kw))
    message = "how long do I have to appeal a violation?"
    creator, staff = (kb_assistant.ask(message, audience=who) for who in ("creator", "staff"))
    assert budgets == [ANSWER_BUDGET, STAFF_BUDGET] and STAFF_BUDGET > ANSWER_BUDGET
    assert creator.draft.startswith("Hi there,") and not staff.draft.startswith("Hi")


def test_the_reader_reads_only_the_best_ranked_passages_of_each_question(kb_assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    """`reader_passages` bounds the reader's time: it reads that many passages per question, in search order."""
    import assistant.assess as assess

    read: list[list[str]] = []
    real = assess.judge
    monkeypatch.setattr(assess, "judge", lambda *a, **kw: read.append([p.chunk_id for p in a[1]]) or real(*a, **kw))
    message = "how long do I have to appeal a violation?"
    kb_assistant.ask(message)
    everything = read.pop()
    assert len(everything) > 2
    monkeypatch.setattr(kb_assistant, "settings", kb_assistant.settings.model_copy(update={"reader_passages": 2}))
    kb_assistant.ask(message)
    assert read.pop() == everything[:2]
