"""Whether the knowledge base answers: names the creator goes by, and markets with only SEA-wide rules."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, names", [
    ("the W-9 asks for my legal name but i use my stage name 'Kiki Rae' for everything, can i put that?", []),
    ("my shop name is \"Tiny Treasures\", does Dyson sell on TikTok Shop?", ["Dyson"]),
    ("a brand called 'Glow Lab' sent me a sample, is Glow Lab legit?", ["Glow Lab"]),  # the question is about it
    ("from Penang 🇲🇾 i do fashion LIVEs, is that unoriginal now?", []),  # the greeting was cut: where they are
])
def test_the_creators_own_name_and_home_town_are_not_unknown_brands(question: str, names: list[str]) -> None:
    from assistant.coverage import unknown_names

    assert unknown_names(question, lambda word: False) == names


def test_a_rule_for_all_of_southeast_asia_answers_a_creator_in_a_market_without_rules(kb_assistant) -> None:
    """The sample KB has no Malaysian rules, but its unoriginal-content rule is stated for Southeast Asia."""
    draft = kb_assistant.ask("hi from Penang 🇲🇾 i do fashion LIVEs where i just change outfits. "
                             "a friend said that's now counted as unoriginal?? is that a real rule here")
    assert draft.status == "answered", draft.reason
    assert "Southeast Asia" in draft.draft or any("SEA" in c.section for c in draft.citations)


@pytest.mark.parametrize("message", [
    # the pause rule is tagged Thailand; a SEA aside in the same section does not make it Singapore's
    "Singapore creator here. how many times can I pause my LIVE before it auto-ends?",
    # the sample rules tagged SEA are Vietnam's and Indonesia's
    "hi from KL 🇲🇾 a seller sent me a free sample, how many days do i have to post?",
])
def test_another_markets_rule_does_not_answer_a_creator_in_a_market_without_rules(kb_assistant, message: str) -> None:
    draft = kb_assistant.ask(message)
    assert draft.status == "escalate" and "no rules for creators in" in draft.reason, draft.reason
