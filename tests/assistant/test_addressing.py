"""Sentences put to a creator: second person, no staff instructions, no flagged hearsay."""
from __future__ import annotations

import pytest

from assistant.addressing import agree, flagged_hearsay, for_staff_only, for_the_creator, second_person


@pytest.mark.parametrize("before,after", [
    ("The creator has 30 days to post.", "You have 30 days to post."),
    ("Commission reaches the creator's balance after settlement.", "Commission reaches your balance after settlement."),
    ("Once a creator's commission has settled, it can be withdrawn.", "Once your commission has settled, it can be withdrawn."),
    ("A creator's rating drops with each violation.", "Your rating drops with each violation."),
    ("Never mention another creator's earnings.", "Never mention another creator's earnings."),
    ("When the creator applies, the creator goes to the Affiliate Center.", "When you apply, you go to the Affiliate Center."),
    ("The creator must keep the video up.", "You must keep the video up."),
    ("Creators in the UK need 1,000 followers.", "Creators in the UK need 1,000 followers."),
    ("A creator can still request different items.", "You can still request different items."),
    ("A creator needs 1,000 followers.", "You need 1,000 followers."),
    ("A creator who withdraws a request can apply again.", "A creator who withdraws a request can apply again."),
    ("A creator account is free.", "A creator account is free."),
    ("After the flag the creator then has 24 hours to fix it.", "After the flag you then have 24 hours to fix it."),
    ("but the creator only ever gets one rate per product.", "but you only ever get one rate per product."),
    ("Our sources do not state the creator rate.", "Our sources do not state the creator rate."),  # a noun, not a verb
    ("Score 100% on the creator policy quizzes.", "Score 100% on the creator policy quizzes."),  # a name
    ("Check the creator health rating.", "Check the creator health rating."),
    ("The brand pays the creator directly.", "The brand pays you directly."),  # an object
    ("Brands send the creator a code.", "Brands send you a code."),
    ("Sellers can rate the creator once the content is posted.", "Sellers can rate you once the content is posted."),
    ("If the creator doesn't post, the creator lost the sample.", "If you don't post, you lost the sample."),
    ("When the creator posted it, the creator can't edit it.", "When you posted it, you can't edit it."),
])
def test_second_person(before: str, after: str) -> None:
    """'The creator' becomes 'you' with the verb agreeing; other sentences are untouched."""
    assert second_person(before) == after


def test_verb_agreement() -> None:
    """Irregular and regular verbs after 'you'."""
    assert [agree(v) for v in ("is", "has", "applies", "pushes", "needs", "must", "account")] == \
        ["are", "have", "apply", "push", "need", "must", "account"]


@pytest.mark.parametrize("sentence", [
    "If the creator sees a deduction, collect the order ID and escalate.",
    "Ask the creator for a screenshot of the order.",
    "Reps must not promise a date.",
    "Escalate to Payments when the creator's payout is frozen.",
    "Reps should check the live page before quoting any cap.",
    "Before quoting a cap, our agents need to check the live page.",
    "Do not tell creators the label hurts reach, and do not suggest leaving it off.",
    "Do not use the 48-point figure with creators any more.",
    "Do not promise a creator either outcome; the Finance Desk checks these case by case.",
    "Do not quote a window for organic content.",  # quoting a figure is what the one answering does
    "This context helps when a creator asks why a brand will not raise its rate.",  # for whoever is asked
])
def test_staff_instructions_stay_out(sentence: str) -> None:
    """Instructions to the rep never reach a creator's reply."""
    assert for_staff_only(sentence)
    assert for_the_creator(sentence) == ""


@pytest.mark.parametrize("sentence", [
    "Check your Affiliate Center for the settlement date.",
    "Collections can hold up to 30 products.",
    "If your sample arrives damaged, request a replacement in the app.",
    "Our reps cannot grant extensions either.",  # what staff can do, told to the creator
    "Quillbeam reps never ask for your password or login codes.",
    "Do not tell anyone your login code.",  # a prohibition for the creator
    "Do not quote competitor prices in your video.",
    "Contact the seller first; escalate to TikTok support if they do not reply.",
])
def test_advice_to_creators_stays_in(sentence: str) -> None:
    """Imperatives addressed to the creator are advice, not staff instructions."""
    assert not for_staff_only(sentence)
    assert for_the_creator(sentence)


@pytest.mark.parametrize("sentence", [
    "Some creators say payouts are monthly.",
    "A third-party blog claims the label cuts views by half.",
    "Rumours of a $10 minimum circulate; do not repeat them.",
    "A third-party website says the minimum withdrawal is $10 in the US.",
    "One site quotes category averages of about 16.4% for health.",
    "One seller-side guide says commission is clawed back if the order is refunded later.",
])
def test_a_claim_without_its_verdict_is_not_stated(sentence: str) -> None:
    """A claim reported from elsewhere never reaches a creator on its own, as if it were fact."""
    assert flagged_hearsay(sentence)
    assert for_the_creator(sentence) == ""


@pytest.mark.parametrize("sentence", [
    "Some creators say payouts are monthly; this is not confirmed.",
    "A third-party blog claims the label cuts views, which is unverified.",
    "UK: minimum followers 1,000, source Third-party guides only; no official UK page found.",
    "A third-party website says the minimum is $10. This contradicts TikTok's US page ($2 minimum).",
    "A third-party comparison adds that Business accounts cannot receive LIVE gifts (unofficial).",
    "One site quotes averages of about 16.4% for health. None of these are TikTok figures.",
    "A third-party blog says the bar is 2.5 stars. These are not official TikTok figures.",
])
def test_a_claim_with_its_verdict_is_quoted_whole(sentence: str) -> None:
    """The document's verdict travels with the claim, so the creator reads that it is unconfirmed."""
    assert not flagged_hearsay(sentence)
    assert for_the_creator(sentence) == sentence


@pytest.mark.parametrize("sentence", [
    "The US seller guide says sellers should review requests within 7 days.",
    "TikTok's guide says an unlink request is approved automatically after 7 days.",
])
def test_a_named_source_is_not_hearsay(sentence: str) -> None:
    """A document citing its own source by name states a fact; only an unnamed one is a claim to weigh."""
    assert not flagged_hearsay(sentence)
    assert for_the_creator(sentence) == sentence


@pytest.mark.parametrize("sentence, for_creator", [
    ("Explain that commission settles once the refund window has closed.", "Commission settles once the refund window has closed."),
    ("Reps must not promise this: ask for the order ID and escalate.", ""),
    ("We have not seen the official text, so reps should check the live page.",
     "We have not seen the official text."),  # what is not known reaches the creator, the rep's duty does not
    ("Until one is confirmed, UK figures are 'to be confirmed' and reps must not quote a number.",
     "Until one is confirmed, UK figures are 'to be confirmed'."),
    ("If in doubt, reps must escalate.", ""),  # nothing left for the creator
    ("TikTok does not publish a points table, so do not quote a number.", "TikTok does not publish a points table."),
    ("This is not confirmed on TikTok's pages; use it only to explain what a creator may have seen.",
     "This is not confirmed on TikTok's pages."),
    ("Our sources do not state the rate TikTok applies, so do not quote 24% to a creator as their rate.",
     "Our sources do not state the rate TikTok applies."),
    ("This is unverified; do not quote these timings as TikTok policy.",
     "This is unverified; do not quote these timings as TikTok policy."),  # may be advice to the creator
    ("The guide is unclear about what happens when the agency declines; escalate those cases.",
     "The guide is unclear about what happens when the agency declines."),
    ("Our copy of the page is cut short, so if a creator disputes the rate, confirm on the live page first.",
     "Our copy of the page is cut short."),
    ("Results vary, so do not promise weight loss in your video.",
     "Results vary, so do not promise weight loss in your video."),  # a content rule for the creator
])
def test_a_line_for_the_rep_is_reworded_or_left_out_of_a_creator_reply(sentence: str, for_creator: str) -> None:
    from assistant.addressing import for_the_creator

    assert for_the_creator(sentence) == for_creator
