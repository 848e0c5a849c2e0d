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
    ("US tax information is required where US rules apply, and non-US persons use the W-8BEN.", "UK", False),
    ("US tax information is required where US rules apply, and non-US persons use the W-8BEN.", "US", False),
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


@pytest.mark.parametrize("passage, region, elsewhere", [
    ("**When to use:** US free samples, before the posting deadline.\n\n**Reply:**\n> Hi, yes: one 7-day extension.", "VN", True),
    ("**When to use:** US free samples, before the posting deadline.\n\n**Reply:**\n> Hi, yes: one 7-day extension.", "US", False),
    ("**When to use:** US and Vietnam creators (30-day window).\n\n**Reply:**\n> You have 30 days.", "VN", False),
    ("**When to use:** any market; the Thailand line only for Thai creators.\n\n**Reply:**\n> Check the app.", "UK", False),
    ("**When to use:** US free samples.\n\n**Reply:**\n> Hi.", "", False),  # market unknown
    ("In the US, one 7-day extension is allowed.", "VN", False),  # no scope line: judged sentence by sentence
])
def test_a_canned_reply_scoped_to_other_markets_is_out_of_scope(passage: str, region: str, elsewhere: bool) -> None:
    from assistant.markets import scoped_elsewhere

    assert scoped_elsewhere(passage, region) is elsewhere


def test_a_vietnamese_creator_is_not_sent_the_us_extension_reply(kb_assistant) -> None:
    """Canned reply 9 is for US free samples; its sentences name no market ("it's one extension only")."""
    draft = kb_assistant.ask("hi, Vietnam creator here, I'm travelling next week. can I get more time to post "
                             "my free sample video?", region="VN")
    sections = [c.section for c in draft.citations]
    assert not [s for s in sections if "more time to post" in s], sections
    assert "one extension only" not in draft.draft
