"""What the citation check asks a source for: every sentence that states something, and nothing else."""
from __future__ import annotations

import pytest

from assistant.citecheck import says_nothing
from assistant.drafters import next_steps, sign_off


@pytest.mark.parametrize("sentence", ["Hi there,", "Best,", "Can I get more time?", "  Why is my commission frozen? ",
                                      *sign_off().splitlines(), next_steps()])
def test_greetings_sign_offs_and_questions_need_no_source(sentence: str) -> None:
    assert says_nothing(sentence)


@pytest.mark.parametrize("sentence", ["You can ask for one 7-day extension.", "Payouts go out every Tuesday.",
                                      "Is it true? Yes, within 14 days."])
def test_a_sentence_that_states_something_needs_one(sentence: str) -> None:
    assert not says_nothing(sentence)


def test_a_holding_line_about_the_rest_needs_no_source() -> None:
    """The reply's own line naming who answers the rest of the message cites nothing, for a creator or a rep."""
    import prompts

    assert says_nothing(prompts.render("holding_rest", team="Payments"))
    assert says_nothing(prompts.render("staff_holding_rest", team="Payments", first_response="1 business day"))


def test_a_marker_covers_each_sentence_of_the_quote_it_ends(embedder) -> None:
    """'Yes. You can ask again [1].' is one quote: 'Yes.' is checked against [1], and so is an abbreviation's
    tail. An uncited claim before a cited sentence is still flagged when the passage does not back it."""
    from assistant.citecheck import check
    from assistant.types import Passage

    passage = Passage("a.md#x", "Can I ask again? Yes. You can ask again after 30 days, e.g. for a new product.",
                      0.9, 0.9, source="a.md", title="Samples")
    fine = check("Yes. You can ask again after 30 days, e.g. for a new product [1].", [passage], embedder, 0.5)
    assert fine.unsupported == [] and [c.n for c in fine.citations] == [1]
    invented = check("You will be paid double for every reel. You can ask again after 30 days [1].", [passage],
                     embedder, 0.5)
    assert invented.unsupported == ["You will be paid double for every reel."]
