"""Escalation reasons: each is a small check owned by assistant/reasons.py."""
from __future__ import annotations

import pytest

from assistant import reasons


def test_an_out_of_scope_topic_escalates_a_creator_not_a_colleague_asking_about_process() -> None:
    """A creator asking whether they can sue gets a holding reply; a rep asking how to handle a creator's
    legal threat is asking about process, which the reader judges on its own."""
    never = lambda pattern: 0  # noqa: E731 - the knowledge base names no such topic
    question = "a creator is threatening to sue us over a late sample, what do I do?"
    assert "sue" in reasons.outside_scope(question, never)
    assert reasons.outside_scope(question, never, staff=True) == ""


def counter(texts: list[str]):
    """How the keyword index counts passages matching a pattern (any case), over these texts."""
    import re

    return lambda pattern: sum(1 for t in texts if re.search(pattern, t, re.I))


def test_a_market_written_as_a_code_in_the_documents_has_rules() -> None:
    """Documents write "MY, PH, TH and VN: 15%"; creators write "Manila". Counting only creators' names
    escalated every Filipino creator of a knowledge base that writes codes."""
    coded = counter(["Our share is 15% in MY, PH, TH and VN.", "PH: withdraw from 100 PHP.",
                     "Settlement takes 7 days in TH and PH.", "PH, VN: LIVE needs 1,000 followers.",
                     "Samples in PH ship within 5 days."])
    assert reasons.market_without_rules("PH", coded) == ""
    assert "Philippines" in reasons.market_without_rules("PH", counter(["Samples ship within 5 days."] * 5))
    ids = counter(["Send the order ID.", "Keep your photo ID ready.", "Your ID: the seller's order ID.",
                   "Quote the order ID to support.", "An ID check takes a day."])
    assert "Indonesia" in reasons.market_without_rules("ID", ids)  # "order ID" names no market
    us = counter(["Contact us in the app.", "Tell us your order.", "Send us the link.", "Ask us anything.",
                  "Let us check it."])
    assert "United States" in reasons.market_without_rules("US", us)  # "us" is not the United States


def test_a_rep_asking_how_to_handle_a_legal_threat_is_answered_from_the_process_notes(kb_assistant) -> None:
    draft = kb_assistant.ask("rep question: a creator is threatening to sue us over a late sample. what do I do?")
    assert draft.status == "answered", draft.reason
    assert any(c.source.startswith("processes/") for c in draft.citations)


@pytest.mark.parametrize("message, named", [
    ("I'm in Japan, can I get free samples from TikTok Shop?", "Japan"),
    # the sample KB names Malaysia once, in a blog's follower figures: that is no set of rules
    ("hi from KL 🇲🇾 a seller sent me a free sample, how many days do i have to post?", "Malaysia"),
    ("how many days do i have to post a free sample video in Malaysia?", "Malaysia"),
    ("I'm in Madrid, TikTok Shop just opened here. how many days do I have to post my free sample?", "Spain"),
    ("im based in Dubai, can i get free samples?", "United Arab Emirates"),
    # passages about commission or the showcase are similar enough to be quoted, and answer nothing
    ("is the amazon influencer program better than tiktok shop? what % does amazon pay per sale", "'amazon'"),
    ("since the last update my showcase is just a white screen, already reinstalled. how do i fix it?", "'white screen'"),
    ("my affiliate orders page won't load on my phone, what do i do?", "\"won't load\""),
    # the fault is told in a sentence that is not the question: a one-question message is read whole
    ("the Add link button is gone from my post screen since the last app update. how do i get it back?",
     "'since the last app update'"),
    ("someone hacked my account and switched my payout to their PayPal, how do i stop them withdrawing?", "'hacked'"),
    ("if a buyer gets a rash from the serum i promoted, can they sue me?", "'sue'"),
    ("do i put my tiktok commission on my tax return as self-employment income? can i claim write-offs?", "'tax return'"),
    ("what time of day should i post my shop videos for the most views?", "'time of day'"),
    ("how much does the creator rewards program pay per 1,000 views?", "'creator rewards'"),
    ("my follower's order still says awaiting shipment, can i get her the tracking number?", "\"follower's order still\""),
    ("i make earrings, how do i register as a seller on tiktok shop?", "'register as a seller'"),
    ("a follower bought the air fryer from my link, she asked me how she starts the return", "'how she starts the return'"),
])
def test_a_market_platform_or_app_fault_the_knowledge_base_has_no_rules_for_escalates(
        kb_assistant, message: str, named: str) -> None:
    draft = kb_assistant.ask(message)
    assert draft.status == "escalate" and not draft.citations
    assert named in draft.reason, draft.reason


def test_a_partly_answered_message_quotes_each_unanswered_question_once() -> None:
    """The reason for a question already quotes it; a reason that does not (a market) leaves it to be named."""
    asked, other = "can I be paid in bitcoin?", "can I sell in Brazil?"
    named = f'The knowledge base does not answer "{asked}". The closest passage (Payouts) says "x".'
    market = "The knowledge base has no rules for creators in Brazil (it is never mentioned)."
    got = reasons.partly_covered([asked, other], [named, market])
    assert got.count(f'"{asked}"') == 1 and got.count(f'"{other}"') == 1
    assert named in got and market in got
    long = "how do I " + "really " * 40 + "get paid?"  # a reason quotes a long question shortened
    cut = f'The knowledge base does not answer "{reasons.shortened(long)}".'
    got = reasons.partly_covered([long], [cut])
    assert f'"{long}"' not in got and got.count(f'"{reasons.shortened(long)}"') == 1
    assert reasons.partly_covered([asked], []).count(f'"{asked}"') == 1
