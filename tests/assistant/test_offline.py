"""The offline drafter's candidates: page furniture and sections written for reps are never quoted to a creator."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("sentence, ok", [
    ("Policy summary · Last reviewed 2026-10-23 · Effective 2025-03-19 · Owner: Payouts Desk", False),
    ("This article covers the US withdrawal fees, minimums and timings.", False),
    ("Claim rules are in separate documents (health; beauty), as are LIVE rules.", False),
    ("For when commission settles, see our article on commission settlement and order statuses.", False),
    ("Once a creator's commission has settled, it can be withdrawn to a payout account.", True),
    ("Q: The sample arrived leaking. Do I still have to post?", False),  # an FAQ's question, not its answer
    ("Q: The sample arrived leaking.", False),
    ("Use your one appeal for a defective sample on the Manage Samples page, with photos.", True),
    ("6. PROHIBITED AND RESTRICTED PRODUCTS", False),  # a heading in capitals in a file without '#'
    ("IDENTITY CHECK FAILS WHEN WITHDRAWING (US)", False),
    ("THE FOUR MOST COMMON QUALITY VIOLATIONS (US, Sept 2025)", False),  # a month's name is no sentence
    ("PPS 4.0+: LIVE Giveaways and LIVE auctions.", True),  # capitals beside lower case: a sentence
    ("US: USD 10 minimum, PPS 4.0+ for LIVE, KYC in the app.", True),
    ("Reviewed 2026-01-15 by Brand Partnerships.", False),  # a review stamp states no rule
    ("Finance Desk, reviewed 2026-02-05.", False),
    ("Last updated 5 March 2026.", False),
    ("Your appeal is reviewed within 3 days.", True),
    ("For Quillbeam staff only.", False),  # who may read the page, not what it says
    ("Not for sharing with creators or brands.", False),
    ("For new creators only, the first withdrawal has no fee.", True),
    ("Not for sale: samples must not be resold.", True),
])
def test_page_furniture_is_never_quoted_as_an_answer(sentence: str, ok: bool) -> None:
    from assistant.offline import usable

    assert usable(sentence) is ok


def test_a_creator_reply_skips_sections_written_for_reps_but_a_colleague_gets_them() -> None:
    from assistant.offline import candidates
    from assistant.types import Passage

    guidance = Passage("a", "- Do not quote a clawback period; none is published on TikTok's creator pages.",
                       1.0, 0.5, title="Returns", section="What reps should not say")
    rule = Passage("b", "Once an order has settled, we treat the commission as final.",
                   0.9, 0.5, title="Returns", section="Refunds after commission has settled")
    assert [c.passage for c in candidates([guidance, rule])] == [1]
    assert [c.passage for c in candidates([guidance, rule], staff=True)] == [0, 1]


def test_a_sample_reply_about_tax_forms_quotes_no_rep_guidance(kb_assistant) -> None:
    draft = kb_assistant.ask("what happens if i just never fill in the tax info? i hate forms lol", audience="creator")
    assert draft.status == "answered", draft.reason
    assert not [c for c in draft.citations if "rep" in c.section.lower().split()
                or "reps" in c.section.lower().split()], [c.section for c in draft.citations]
    # ...but the rep reads it next to the draft, as they read internal notes
    assert any(n.source == "policies/tax-information.docx" and "reps" in n.section.lower() for n in draft.rep_notes)
