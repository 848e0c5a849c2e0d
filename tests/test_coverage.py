"""Markets with only SEA-wide rules: a rule for the whole region answers there, a Thai one does not."""
from __future__ import annotations

import pytest


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
