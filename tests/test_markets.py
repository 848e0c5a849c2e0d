"""A creator is not quoted a rule the knowledge base states for another market."""
from __future__ import annotations

import pytest

from assistant.markets import for_another_market
from assistant.text import sentences, strip_markers


@pytest.mark.parametrize("sentence, region, other", [
    ("US: minimum followers 1,000 (as of 12/16/2025).", "UK", True),
    ("In Vietnam, commission is based on the price the buyer actually paid.", "ID", True),
    ("PayPal: US$2 minimum, 0.9% fee.", "UK", True),
    ("A non-US individual: form Form W-8BEN.", "UK", False),  # "non-US" is for everyone else
    ("Send me the order ID and the video they bought from.", "VN", False),  # "order ID" is no market
    ("SEA hub: serves TH, VN, ID, MY, PH, SG creators.", "ID", False),
    ("Stricter enforcement began on 15 Sep 2025 in Southeast Asia.", "MY", False),
    ("In the US and the UK, the figures differ.", "UK", False),  # names the creator's own market too
    ("Content must go live within 14 days of receiving the free sample.", "UK", False),
    ("US: minimum followers 1,000 (as of 12/16/2025).", "", False),  # market unknown: nothing to judge by
])
def test_a_sentence_is_for_another_market_only_when_it_names_no_other(sentence: str, region: str, other: bool) -> None:
    assert for_another_market(sentence, region) is other


def test_a_uk_creator_is_not_quoted_the_us_or_thai_follower_minimum(kb_assistant) -> None:
    """The eligibility table has a row per market; a UK creator was sent the US and Thai rows."""
    draft = kb_assistant.ask("hiya, UK based, 19, about 760 followers on my baking acc. can i sign up for "
                             "tiktok shop affiliate yet or do i need 1k?", region="UK")
    quoted = [strip_markers(s) for s in sentences(draft.draft)]
    assert quoted and not [s for s in quoted if for_another_market(s, "UK")], quoted
