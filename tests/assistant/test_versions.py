"""Versions: today's questions are answered from current documents, questions about an earlier time may be
answered from superseded ones, and the rep is told when a draft quotes one."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from assistant.types import Passage
from assistant.versions import asked_period, asks_about_the_past, asks_for_old_rules, in_effect


@pytest.mark.parametrize("message, past", [
    ("a brand rejected my sample back in summer 2024, what was the rule back then?", True),
    ("what were TikTok's sample rules before June 2024?", True),
    ("what were the rules at the time? she applied in March", True),
    ("what was the old limit on sample requests?", True),
    ("how many followers do I need for free samples?", False),
    ("I joined in 2024, how do I withdraw?", False),
    ("who pays me back when the seller refunds the order?", False),
    ("repeat it back in your reply so I know you got it", False),
    ("my video was removed, what was the problem?", False),
])
def test_a_question_about_an_earlier_time_is_told_from_one_about_today(message: str, past: bool) -> None:
    assert asks_about_the_past(message) is past


@pytest.mark.parametrize("message, old", [
    ("back in summer 2024 I withdrew a lot. what was the PayPal fee back then?", True),
    ("what were the rules at the time? I applied back in August 2024", True),
    ("back in 2024, how many followers did I need to request free samples?", True),
    ("I started in March 2025. were the limits the same back then, or was it different?", True),
    ("was the Trust & Policy reply time the same back in February, before the current matrix took effect?", True),
    ("were the payout rules the same back in March?", True),
    # a story set in the past with a question about today
    ("she stopped working with us back in 2024. how long do you keep chat records?", False),
    ("I joined back in 2023. Did you get my tax form?", False),
    ("what was the problem with my video? it was removed today", False),
    ("I moved back in March. how do I change my payout address?", False),
    # the past is in a caption the writer quotes, not in what they ask
    ("can I caption my before photo 'look how tired I used to be'? is that ok in the US?", False),
    ("my script says \u201cwhat was the old price? now it's $20\u201d, is that allowed?", False),
])
def test_a_question_for_an_old_rule_is_told_from_a_story_set_in_the_past(message: str, old: bool) -> None:
    assert asks_for_old_rules(message, message) is old


@pytest.mark.parametrize("message, start, end", [
    ("back in summer 2024, what was the fee?", date(2024, 6, 1), date(2024, 8, 31)),
    ("what were the rules back in March 2024?", date(2024, 3, 1), date(2024, 3, 31)),
    ("what was the split in Sept. 2023?", date(2023, 9, 1), date(2023, 9, 30)),
    ("what were the rules before June 2024?", date.min, date(2024, 5, 31)),
    ("I joined back in 2023, what was my split back then?", date(2023, 1, 1), date(2023, 12, 31)),
])
def test_the_time_asked_about_covers_every_day_the_message_can_mean(message: str, start: date, end: date) -> None:
    period = asked_period(message)
    assert period is not None and (period.start, period.end) == (start, end)
    assert asked_period("what were the old rules?") is None


def version(current: bool, effective: str) -> Passage:
    """A passage of a document version, effective on that day ("" when the document does not say)."""
    return Passage(chunk_id="x", text="Rule.", current=current, effective=effective)


def test_only_a_version_that_held_at_the_time_answers_for_it() -> None:
    summer = asked_period("back in summer 2024")
    assert in_effect(version(False, "2024-06-01"), summer)  # the older version had taken effect
    assert not in_effect(version(False, "2024-09-01"), summer)  # it came after the time asked about
    assert in_effect(version(False, ""), summer) and in_effect(version(False, "2024-09-01"), None)
    assert in_effect(version(True, "2023-01-01"), summer)  # today's rules already held then
    assert not in_effect(version(True, "2025-11-19"), summer) and not in_effect(version(True, ""), summer)
    assert not in_effect(version(True, "2023-01-01"), None)  # "the old rules", undated: not today's


@pytest.fixture(scope="module")
def versions(embedder, reader, tmp_path_factory: pytest.TempPathFactory):
    """A knowledge base holding a current sample rule and the older page it replaced, which says so itself."""
    from tests.files import assistant_over, write_md

    root = tmp_path_factory.mktemp("versions")
    write_md(root / "kb" / "samples-2024.md", "> This version was replaced by the 2025 page.\n\n# Who could request "
             "free samples\n\nUnder the 2024 rules you needed at least 5,000 followers to request free samples.",
             title="Sample eligibility (2024)", effective="2024-06-01")
    write_md(root / "kb" / "samples-2025.md", "# Who can request free samples\n\nYou need sales in the last 120 "
             "days to request free samples; there is no follower minimum.", title="Sample eligibility (2025)",
             effective="2025-11-19")
    return assistant_over(root, embedder, reader)


def test_today_is_answered_from_the_current_version_only(versions) -> None:
    draft = versions.ask("how many followers do I need to request free samples?")
    assert draft.citations and all(c.source == "samples-2025.md" for c in draft.citations)
    assert "5,000" not in draft.draft


def test_an_earlier_time_may_be_answered_from_the_older_version_and_the_rep_is_told(versions) -> None:
    draft = versions.ask("back in 2024, how many followers did I need to request free samples?")
    older = [c for c in draft.citations if c.source == "samples-2024.md"]
    assert older and "5,000" in draft.draft
    assert any("superseded" in note and "samples-2024.md" in note for note in draft.conflicts), draft.conflicts


def test_a_time_before_every_version_on_file_escalates_with_the_time_named(versions) -> None:
    """Neither page held in 2023: the older one took effect in June 2024. Quoting either to settle a 2023
    dispute would state rules that did not apply, so the rep gets the question with the reason."""
    draft = versions.ask("back in 2023, how many followers did I need to request free samples?")
    assert draft.status == "escalate" and not draft.citations
    assert "2023" in draft.reason and "in effect" in draft.reason


def test_only_a_sentence_that_answers_about_as_well_as_the_best_can_make_its_version_an_answer(
        embedder, tmp_path: Path) -> None:
    """The current matrix answers best but took effect after the time asked about. An older page on another topic
    clears the threshold just barely: it held then, but it does not answer, so the message escalates."""
    from tests.files import assistant_over, write_md
    from tests.readers import Fixed

    write_md(tmp_path / "kb" / "matrix.md", "# Reply times\n\nTrust & Policy replies to appeal cases within 4 "
             "business hours.", title="Escalation matrix", effective="2026-03-01")
    write_md(tmp_path / "kb" / "samples-2024.md", "> This version was replaced by the 2025 page.\n\n# Who could "
             "request free samples\n\nUnder the 2024 rules you needed at least 5,000 followers to request free "
             "samples.", title="Sample eligibility (2024)", effective="2024-06-01")
    ratings = {"4 business hours": 0.9}
    desk = assistant_over(tmp_path, embedder, Fixed(ratings))
    ratings["5,000 followers"] = desk.settings.reader_threshold + 0.02  # an answer on its own, just barely
    past = "was the Trust & Policy reply time the same back in February 2026, before the current matrix took effect?"
    draft = desk.ask(past)
    assert draft.status == "escalate" and not draft.citations
    assert "February 2026" in draft.reason and "Escalation matrix" in draft.reason, draft.reason
    today = desk.ask("how fast does Trust & Policy reply to appeal cases?")
    assert today.status == "answered" and "4 business hours" in today.draft


def test_an_older_version_rated_just_below_many_sentences_of_todays_page_still_answers_for_its_time(
        embedder, tmp_path: Path) -> None:
    """Only the best-rated few sentences are weighed as answers, and the reader does not read dates: today's page
    can fill them all while the older version, the one in effect at the time asked about, rates just below. It is
    rated about as well as the best, so it answers for its time and the message is not escalated."""
    from tests.files import assistant_over, write_md
    from tests.readers import Fixed

    rules = " ".join(f"Sample rule {n}: sellers approve requests in order {n}." for n in range(1, 11))
    write_md(tmp_path / "kb" / "samples-2025.md", f"# Who can request free samples\n\n{rules}",
             title="Sample eligibility (2025)", effective="2025-11-19")
    write_md(tmp_path / "kb" / "samples-2024.md", "> This version was replaced by the 2025 page.\n\n# Who could "
             "request free samples\n\nUnder the 2024 rules you needed at least 5,000 followers to request free "
             "samples.", title="Sample eligibility (2024)", effective="2024-06-01")
    desk = assistant_over(tmp_path, embedder, Fixed({"Sample rule": 0.8, "5,000 followers": 0.5}))
    draft = desk.ask("back in 2024, how many followers did I need to request free samples?")
    assert draft.status == "answered", draft.reason
    assert any(c.source == "samples-2024.md" for c in draft.citations) and "5,000" in draft.draft


def test_a_reply_about_an_earlier_time_opens_with_the_version_in_effect_then(kb_assistant) -> None:
    """The reader rates today's sample rule above the March 2025 page (it does not read dates), yet a creator
    settling an August 2025 dispute is first told the rule of that time, and today's comes after it."""
    draft = kb_assistant.ask("back in August 2025 i requested a free sample (US) with ~3k followers and some sales, "
                             "and the seller rejected me saying 'tiktok requires 5,000 followers for free samples'. "
                             "was that actually the rule at that time or were they making it up?", region="US")
    assert draft.status == "answered", draft.reason
    first = int(re.search(r"\[(\d+)\]", draft.draft).group(1))
    assert next(c.source for c in draft.citations if c.n == first) == "policies/free-samples-2025-03.md", draft.draft
    assert any(c.source == "policies/free-samples.md" for c in draft.citations)  # today's rule is still told
