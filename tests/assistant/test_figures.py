"""assistant/figures.py: which questions ask for a figure, and which sentences give (or deny) one."""
from __future__ import annotations

import pytest

from assistant.figures import asks_for_figure, gives_figure


@pytest.mark.parametrize("question, asks", [
    ("how long do I have to post after my sample arrives?", True),
    ("How many free samples can I request a month?", True),
    ("what's the minimum I can withdraw?", True),
    ("what is the commission rate for beauty?", True),
    ("how much does TikTok take from sellers?", True),
    ("can I appeal a violation?", False),
    ("who do I contact about a frozen order?", False),
    ("it's the canned reply with the appeal deadline in it, can I send it?", False),  # a deadline named, not asked
])
def test_a_figure_is_asked_for_by_how_many_much_long_or_a_limit(question: str, asks: bool) -> None:
    assert asks_for_figure(question) is asks


@pytest.mark.parametrize("sentence, gives", [
    ("You must post within 14 days of delivery.", True),
    ("Up to thirty samples a month.", True),
    ("New orders normally appear within minutes.", True),
    ("Payouts are made weekly.", True),
    ("TikTok does not publish an attribution window.", True),  # a figure denied answers "how long"
    ("There's no cap on samples.", True),
    ("Roster creators can book a moderator for a LIVE.", False),
    ("It becomes withdrawable when the order settles.", False),
])
def test_a_figure_is_given_in_digits_words_or_denied(sentence: str, gives: bool) -> None:
    assert gives_figure(sentence) is gives
