"""The reader's judgement of one question: sentence choice, context, and the reason shown to the rep."""
from __future__ import annotations

import numpy as np
import pytest

from assistant.judge import MAX_SENTENCES, answerability, choose, judge
from assistant.reasons import unanswered
from assistant.offline import Candidate
from assistant.types import Passage
from tests.readers import Fixed


def passage(text: str, section: str = "Rules", source: str = "a.md") -> Passage:
    return Passage(f"{source}#{section}", text, 0.0, 0.0, source=source, title="Doc", section=section)


def test_answerability_is_the_best_rating_tempered_by_the_next() -> None:
    """Covered when the best two sentences together reach the threshold; one high rating alone counts for less
    than two; the closest sentence is kept for the reason."""
    passages = [passage("The minimum withdrawal is ten dollars for every creator. Payouts go to your bank account weekly.")]
    lone = judge("minimum?", passages, Fixed({"minimum": 0.9, "Payouts": 0.3}), 0.5, 1000)
    twice = judge("minimum?", passages, Fixed({"minimum": 0.9, "Payouts": 0.9}), 0.5, 1000)
    low = judge("minimum?", passages, Fixed({"minimum": 0.4, "Payouts": 0.4}), 0.5, 1000)
    assert 0.3 < lone.best < 0.9 and lone.best == pytest.approx(answerability(np.array([0.9, 0.3])))
    assert twice.best == pytest.approx(0.9, abs=1e-6) and twice.covered and lone.covered
    assert [c.text for c in lone.answering] == ["The minimum withdrawal is ten dollars for every creator."]
    assert len(twice.answering) == 2 and low.answering == []
    assert not low.covered and low.closest is not None
    reason = unanswered("what is the minimum?", low, passages, 0.5)
    assert "what is the minimum?" in reason and "0.40" in reason and "0.50" in reason


def test_the_reader_reads_a_sentence_as_the_document_writes_it() -> None:
    """A creator's reply says "you"; the reader, trained on the documents' sentences, still reads "the creator"."""
    class Recording(Fixed):
        def score(self, question: str, texts: list[str]) -> np.ndarray:
            self.read = list(texts)
            return super().score(question, texts)

    reader = Recording({"30 days": 0.9})
    verdict = judge("how long to post?", [passage("The creator has 30 days to post the video.")], reader, 0.5, 1000)
    assert verdict.picked[0].text.startswith("You have 30 days")
    assert any("The creator has 30 days" in text for text in reader.read) and not any("You have" in t for t in reader.read)


def test_answerability_of_few_sentences() -> None:
    """One rated sentence is its own answerability; none is 0; more weight on the second lowers it monotonically."""
    assert answerability(np.array([0.7])) == pytest.approx(0.7)
    assert answerability(np.array([])) == 0.0
    ratings = np.array([0.2, 0.95, 0.4])
    assert answerability(ratings, 0.0) == pytest.approx(0.95)
    assert answerability(ratings, 1.0) == pytest.approx(0.4)
    assert answerability(ratings, 0.0) > answerability(ratings, 0.5) > answerability(ratings, 1.0)


class Pulling(Fixed):
    """A stand-in reader for which one sentence draws ratings from any question (a high prior)."""

    def prior(self, texts: list[str]) -> np.ndarray:
        return np.array([0.95 if "collaboration" in t else 0.5 for t in texts], dtype=np.float32)


def test_answerability_discounts_a_sentence_that_pulls_every_question() -> None:
    """The pull lowers answerability and moves the closest sentence; choosing sentences keeps the plain rating."""
    passages = [passage("Targeted collaboration means the brand invites chosen creators directly. "
                        "Rate cuts reach creators already promoting after a 30-day lock.")]
    ratings = {"collaboration": 0.6, "Rate cuts": 0.35}
    plain = judge("is Bramblewick one of your brands?", passages, Fixed(ratings), 0.4, 1000)
    pulled = judge("is Bramblewick one of your brands?", passages, Pulling(ratings), 0.4, 1000)
    assert plain.covered and plain.best == pytest.approx(answerability(np.array([0.6, 0.35])))
    assert not pulled.covered and pulled.best < 0.4
    assert pulled.closest is not None and "Rate cuts" in pulled.closest.text
    assert [c.text for c in pulled.picked] == [c.text for c in plain.picked]


def test_choice_groups_by_passage_and_respects_budget() -> None:
    """Sentences come grouped by passage (best passage first), each fact once, within the budget."""
    cands = [Candidate("A fact about samples that is long enough.", 1, 0, 0.9, 0.9),
             Candidate("Returned orders reverse their commission entirely.", 0, 1, 0.6, 0.6),
             Candidate("A fact about samples that is long enough!", 1, 2, 0.85, 0.85),
             Candidate("A second sample fact sits in the same passage.", 1, 3, 0.7, 0.7)]
    chosen = choose(cands, budget=1000)
    assert [c.passage for c in chosen] == [1, 1, 0]
    assert len({c.text.rstrip("!.") for c in chosen}) == len(chosen)
    assert len(choose(cands, budget=50)) == 1
    assert len(choose(cands * 5, budget=10_000)) <= MAX_SENTENCES


def test_the_reply_leads_with_its_best_sentence() -> None:
    """The best sentence comes first, its passage's other sentences after it in reading order, then the
    next passage: a rep reads the answer before the context around it."""
    cands = [Candidate("Samples ship from the seller's own warehouse.", 0, 0, 0.3, 0.3),
             Candidate("You have 14 days after delivery to post the video.", 0, 1, 0.9, 0.9),
             Candidate("An extension of 7 days can be requested once.", 0, 2, 0.5, 0.5),
             Candidate("Returned orders reverse their commission entirely.", 1, 0, 0.6, 0.6)]
    chosen = choose(cands, budget=1000)
    assert [(c.passage, c.position) for c in chosen] == [(0, 1), (0, 0), (0, 2), (1, 0)]


def test_a_fact_an_earlier_question_quotes_leaves_its_share_to_the_next_best() -> None:
    """Two questions, one fact: the second question's share of the budget goes to what it has not said."""
    shared = "Samples must be posted within 30 days of delivery."
    cands = [Candidate(shared, 0, 0, 0.9, 0.9), Candidate("Ask for a 7-day extension on Manage Samples.", 0, 1, 0.6, 0.6)]
    alone = choose(cands, budget=60)
    after = choose(cands, budget=60, taken=[shared.replace("30", "thirty")])  # said once already, in other words
    assert [c.text for c in alone] == [shared]
    assert [c.text for c in after] == ["Ask for a 7-day extension on Manage Samples."]


def test_the_answering_sentences_do_not_depend_on_what_an_earlier_question_quoted() -> None:
    """The market rule reads every sentence the reader rates as an answer, even one the reply says once already."""
    passages = [passage("Samples must be posted within 30 days of delivery. Ask for a 7-day extension on Manage Samples.")]
    reader = Fixed({"30 days": 0.9, "extension": 0.6})
    alone = judge("when must I post?", passages, reader, 0.5, 1000)
    second = judge("when must I post?", passages, reader, 0.5, 1000, taken=[alone.picked[0].text])
    assert [c.text for c in second.answering] == [c.text for c in alone.answering] and len(alone.answering) == 2
    assert all("30 days" not in c.text for c in second.picked)


def test_worked_example_is_marked() -> None:
    """A sentence under an example heading is quoted as an example, not as a rule."""
    passages = [passage("At 140 points you are below the 150 milestone.", section="Worked example")]
    verdict = judge("how many points?", passages, Fixed({"points": 0.9}), 0.5, 1000)
    assert verdict.picked and verdict.picked[0].text.startswith("In the example")


def test_a_worked_example_is_said_once_and_its_creator_stays_third_person() -> None:
    """The example's creator is not the one reading: "At 140 the creator is below the milestone" put to "you"
    states the case as a fact about them. The framing is said once, before the first sentence of the example."""
    passages = [passage("At 140 the creator is below the 150 milestone. The creator has 30 days to appeal.",
                        section="Worked example")]
    verdict = judge("what happens at 140?", passages, Fixed({"140": 0.9, "appeal": 0.8}), 0.5, 1000)
    texts = [c.text for c in verdict.picked]
    assert len(texts) == 2 and texts[0].startswith("In the example") and "In the example" not in texts[1]
    assert all("the creator" in t.lower() and "you" not in t.lower().split() for t in texts)


@pytest.mark.parametrize("answer,framed", [
    ("At 140 the creator is below the 150 milestone. They can rebuild by passing policy quizzes.", True),
    ("You are below the 150 milestone now. You can rebuild by passing policy quizzes.", False),
])
def test_an_answer_to_a_quoted_creators_case_is_quoted_as_that_case(answer: str, framed: bool) -> None:
    """A page that quotes one creator's message and answers it about "the creator" describes that case: to
    another creator it is an example, not a fact about them. An answer written to "you", without the case's
    figures, is the page's advice."""
    text = f'### A typical question\n\n> "My health rating dropped to 140. What happens now?"\n\n{answer}'
    passages = [passage(text, section="A typical question")]
    verdict = judge("my rating is 140, what now?", passages, Fixed({"milestone": 0.9, "rebuild": 0.8}), 0.5, 1000)
    texts = [c.text for c in verdict.picked]
    assert len(texts) == 2 and texts[0].startswith("In the example") == framed
    assert ("you are below" in texts[0].lower()) != framed and not any("In the example" in t for t in texts[1:])


def test_a_glossary_entry_keeps_its_term() -> None:
    """'The commission is now withdrawable' alone tells a creator their money is ready; under the term SETTLED
    it says what a status means. An ordinary heading ('Rules') is not put before its sentences."""
    glossary = [passage("The order has cleared. The commission is now withdrawable.", section="Statuses > SETTLED")]
    verdict = judge("is my commission withdrawable?", glossary, Fixed({"withdrawable": 0.9}), 0.5, 1000)
    assert verdict.picked[0].text == "SETTLED: The commission is now withdrawable."
    plain = [passage("The order has cleared. The commission is now withdrawable.", section="Rules")]
    verdict = judge("is my commission withdrawable?", plain, Fixed({"withdrawable": 0.9}), 0.5, 1000)
    assert verdict.picked[0].text == "The commission is now withdrawable."


@pytest.mark.parametrize("staff, region, label", [
    (True, "MY", "VN: "),  # a colleague asking for a Malaysian creator
    (False, "", "VN: "),  # a creator whose market is not known
    (False, "VN", ""),  # a Vietnamese creator: the rule is theirs, and saying so costs characters
])
def test_a_rule_under_a_heading_for_other_markets_keeps_them(staff: bool, region: str, label: str) -> None:
    """'Frozen commission can be permanently deducted if not appealed within 30 days' under 'Vietnam (VN)' is
    Vietnam's rule; quoted bare, a colleague asking about Malaysia read it as the general one. The markets are
    said once per passage."""
    rules = [passage("Frozen commission can be permanently deducted if not appealed within 30 days. "
                     "Commission is paid only after the seller's order settles.", section="Notes > Vietnam (VN)")]
    verdict = judge("is frozen money taken if I don't appeal?", rules, Fixed({"Frozen": 0.9, "paid": 0.6}), 0.5,
                    1000, staff=staff, region=region)
    quoted = [c.text for c in verdict.picked]
    assert len(quoted) == 2 and quoted[0] == f"{label}Frozen commission can be permanently deducted if not appealed within 30 days."
    assert not quoted[1].startswith("VN")


@pytest.mark.parametrize("region, covered", [("MY", False), ("VN", True), ("", True)])
def test_a_colleague_asking_about_one_market_is_answered_only_by_its_rules(region: str, covered: bool) -> None:
    """A rep asking whether Vietnam's 30-day deduction holds for a Malaysian creator is shown the Vietnamese
    rule, marked, but it does not answer for Malaysia: the question is escalated, as the creator's own would be."""
    rules = [passage("Frozen commission can be permanently deducted if not appealed within 30 days.",
                     section="Notes > Vietnam (VN)")]
    verdict = judge("is frozen money taken after 30 days without an appeal?", rules, Fixed({"Frozen": 0.9}), 0.5,
                    1000, staff=True, region=region)
    assert verdict.covered is covered and verdict.picked
    assert verdict.picked[0].text.startswith("VN: ") is (region != "VN")
    # the rep is told the rule exists for Vietnam, and that nothing holds in Malaysia
    reason = unanswered("is frozen money taken after 30 days?", verdict, rules, 0.5)
    assert bool(reason) is not covered
    assert ('"VN: Frozen commission' in reason and "in this market" in reason) is not covered


def test_a_rating_just_under_the_threshold_is_not_printed_equal_to_it() -> None:
    from assistant.reasons import rated

    assert rated(0.1183, 0.12) == "0.118" and rated(0.1052, 0.12) == "0.11" and rated(0.7, 0.12) == "0.70"


@pytest.mark.parametrize("sections, sentence, region, label", [
    (["Payouts", "Withdrawal fees (US, UK)"], "PayPal charges 0.9%.", "", "US, UK"),
    (["Payouts", "Withdrawal fees (US, UK)"], "PayPal charges 0.9%.", "UK", ""),
    (["Who can sell", "US: the Pilot Program"], "New creators get 3 LIVEs.", "TH", "US"),
    (["Southeast Asia notes", "Vietnam (VN)"], "In Vietnam the window is 14 days.", "", ""),  # the sentence says so
    (["Samples", "Posting deadline"], "Post within 30 days.", "", ""),
    (["Claims", "5. Thailand: stricter rules"], "Makeup with a temporary effect is fine.", "", "Thailand"),  # not "5. Thailand"
])
def test_market_label(sections: list[str], sentence: str, region: str, label: str) -> None:
    from assistant.markets import market_label

    assert market_label(sections, sentence, region) == label


def test_the_context_a_sentence_is_quoted_with_counts_against_the_budget() -> None:
    """A term or an example heading put before a sentence is part of what the reply quotes, so it fits the
    budget too: the reply stays about 1,200 characters."""
    glossary = [passage("The order has cleared its after-sales window. The commission is now withdrawable in full.",
                        section="SETTLED")]
    budget = 95  # both bare sentences fit (88 characters); with their term they do not (106)
    verdict = judge("is my money ready?", glossary, Fixed({"withdrawable": 0.9, "cleared": 0.5}), 0.5, budget)
    assert verdict.picked and sum(len(c.text) for c in verdict.picked) <= budget


def test_nothing_to_read_escalates() -> None:
    """No passages: not covered, with a reason that names the question."""
    verdict = judge("anything?", [], Fixed({}), 0.5, 1000)
    assert not verdict.covered and verdict.best == 0.0
    assert '"anything?"' in unanswered("anything?", verdict, [], 0.5)


def test_similarity_helps_choose_sentences_and_leaves_answerability_to_the_reader() -> None:
    """Two sentences the reader rates alike: within a one-sentence budget the one the embedder finds closer to
    the question is quoted; whether the question is answered is the reader's rating alone."""
    passages = [passage("Payouts are sent every Tuesday to your bank account. Samples must be posted within 14 days.")]
    reader = Fixed({"Payouts": 0.6, "Samples": 0.6})
    closer = lambda question, texts: np.array([0.9 if "Samples" in t else 0.1 for t in texts])  # noqa: E731
    farther = lambda question, texts: np.array([0.1 if "Samples" in t else 0.9 for t in texts])  # noqa: E731
    one = len("Payouts are sent every Tuesday to your bank account.")
    near = judge("when must I post my sample?", passages, reader, 0.5, one, similarity=closer)
    far = judge("when must I post my sample?", passages, reader, 0.5, one, similarity=farther)
    assert [c.text for c in near.picked] == ["Samples must be posted within 14 days."]
    assert [c.text for c in far.picked] == ["Payouts are sent every Tuesday to your bank account."]
    assert near.best == pytest.approx(far.best) and near.covered == far.covered
    assert near.picked[0].similarity == pytest.approx(0.9)


class Seen(Fixed):
    """A stand-in reader that remembers every text it was asked to rate."""

    def __init__(self, ratings: dict[str, float]):
        super().__init__(ratings)
        self.seen: list[str] = []

    def score(self, question: str, texts: list[str]) -> np.ndarray:
        self.seen += texts
        return super().score(question, texts)


def test_a_list_item_is_quoted_with_the_condition_it_completes() -> None:
    """The condition is said once per passage and counts against the budget; the reader rates the item as it was
    trained, with the heading beside it rather than inside the sentence."""
    passages = [passage("- The buyer cancels before receiving the order.\n- The order is judged fraudulent.",
                        section="Commission > When no commission is paid")]
    reader = Seen({"cancels": 0.9, "fraudulent": 0.8})
    verdict = judge("do I get commission if the buyer cancels?", passages, reader, 0.5, 1000)
    assert [c.text for c in verdict.picked] == ["When no commission is paid: the buyer cancels before receiving the order.",
                                                "The order is judged fraudulent."]
    from reader.model import pair_text

    assert reader.seen == [pair_text(s, "When no commission is paid") for s in
                           ("The buyer cancels before receiving the order.", "The order is judged fraudulent.")]


LONG_LIST = ("Indonesia's Creator Terms list these prohibited practices:\n"
             "- fake orders placed by the creator, or by people connected to them, through their own showcase, videos or "
             "LIVEs to inflate sales, farm subsidies or win campaign rewards;\n"
             "- traffic manipulation: bots or paid services that inflate likes, followers or shares on any video, LIVE "
             "or showcase, whoever runs them and however they are paid for;\n"
             "- fraudulent accounts, including bots, abnormal logins and ties to accounts that were banned before, "
             "whether or not the creator still uses them.")


def test_a_long_lists_lead_in_is_said_once() -> None:
    """Items too long to join are each read with their lead-in, as the reader was trained, but a reply quoting
    three of them says the lead-in once: repeated, it reads as three rules and spends the budget three times."""
    reader = Seen({"fake orders": 0.9, "traffic": 0.8, "fraudulent": 0.7})
    verdict = judge("what counts as fraud?", [passage(LONG_LIST)], reader, 0.5, 1000)
    texts = [c.text for c in verdict.picked]
    lead_in = "Indonesia's Creator Terms list these prohibited practices"
    assert len(texts) == 3 and texts[0].startswith(lead_in) and sum(lead_in in t for t in texts) == 1
    assert len(reader.seen) == 3 and all(lead_in in s for s in reader.seen)
    assert sum(len(t) for t in texts) < len(LONG_LIST)  # the lead-in is paid for once


def test_a_long_list_in_a_worked_example_stays_an_example() -> None:
    """A list's lead-in does not take the place of the example's framing."""
    verdict = judge("what counts as fraud?", [passage(LONG_LIST, section="Worked example")],
                    Fixed({"fake orders": 0.9}), 0.5, 1000)
    assert verdict.picked and all(c.text.startswith("In the example") for c in verdict.picked[:1])


def test_items_under_a_long_lead_in_are_quoted_with_it_once() -> None:
    """A lead-in too long to repeat in every item still leads the first one quoted: alone, "at most 3 shoppable
    LIVEs per week;" starts mid-sentence and says nothing of whom it limits. The reader reads the items alone."""
    lead_in = ("New US Affiliate and Marketing creators with 1,000 to 4,999 followers start in a 30-day "
               "Pilot Program with limited features:")
    text = f"{lead_in}\n\n- at most 3 shoppable LIVEs per week;\n- at most 5 shoppable videos per week."
    reader = Seen({"LIVEs": 0.9, "videos": 0.8})
    verdict = judge("how many shop lives can I do?", [passage(text)], reader, 0.5, 1000)
    texts = [c.text for c in verdict.picked]
    assert len(texts) == 2 and texts[0].startswith(lead_in[:-1]) and lead_in[:40] not in texts[1]
    assert all(t[:1].isupper() for t in texts) and not any(lead_in[:40] in s for s in reader.seen)


@pytest.mark.parametrize("sentence,cited", [
    ("at most 5 shoppable videos per week;", "At most 5 shoppable videos per week [1]."),
    ("iPhone users update the app first.", "iPhone users update the app first [1]."),
    ("eBay listings do not count", "eBay listings do not count [1]."),
])
def test_a_quoted_sentence_starts_with_a_capital(sentence: str, cited: str) -> None:
    """A list item quoted on its own is a sentence of the reply; a name written with a small first letter stays."""
    from assistant.drafters import cite

    assert cite(sentence, 1) == cited
