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


def test_a_question_asking_for_a_figure_is_not_answered_by_sentences_that_give_none(kb_assistant, embedder) -> None:
    """The reader rates sentences on the topic; a "how long" question is answered only by one that gives (or
    denies) a figure. The same sentences answer a question that asks for none, and with the figures rated too
    the "how long" question is answered."""
    from assistant.service import build_assistant
    from tests.readers import Figureless, Fixed

    figureless = build_assistant(kb_assistant.settings, embedder=embedder, reader=Figureless())
    asked = figureless.ask("how long do I have to appeal a violation?")
    assert asked.status == "escalate" and not asked.citations and "figure" in asked.reason
    assert figureless.ask("can I appeal a violation, and who reviews it?").status == "answered"
    rated_all = build_assistant(kb_assistant.settings, embedder=embedder, reader=Fixed({"": 0.99}))
    assert rated_all.ask("how long do I have to appeal a violation?").status == "answered"
