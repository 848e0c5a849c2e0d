"""What the citation check asks a source for: every sentence that states something, and nothing else."""
from __future__ import annotations

import pytest

from assistant.citecheck import says_nothing
from assistant.drafters import sign_off


@pytest.mark.parametrize("sentence", ["Hi there,", "Best,", "Can I get more time?", "  Why is my commission frozen? ",
                                      *sign_off().splitlines()])
def test_greetings_sign_offs_and_questions_need_no_source(sentence: str) -> None:
    assert says_nothing(sentence)


@pytest.mark.parametrize("sentence", ["You can ask for one 7-day extension.", "Payouts go out every Tuesday.",
                                      "Is it true? Yes, within 14 days."])
def test_a_sentence_that_states_something_needs_one(sentence: str) -> None:
    assert not says_nothing(sentence)
