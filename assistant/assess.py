"""The reader's pass over what retrieval found: per question, the sentences that answer it, or why none does."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from assistant import reasons, versions
from assistant.drafters import ANSWER_BUDGET, STAFF_BUDGET
from assistant.intake import Intake, background
from assistant.judge import Similarity, Verdict, judge
from assistant.markets import for_region_group
from assistant.retrieval import Retrieved, rerank
from settings import Settings

if TYPE_CHECKING:  # the model loads lazily; typing must not import it
    from reader.model import Reader


def assess(got: Retrieved, intake: Intake, staff: bool, reader: Reader, settings: Settings,
           mentions: Callable[[str], int], similarity: Similarity | None = None) -> list[Verdict]:
    """One verdict per question; what is not answered is marked in `got` with its reason, and the
    passages are re-ranked by the reader's ratings. `mentions` counts chunks matching a pattern;
    `similarity` is the embedder's cosine, which helps choose the sentences quoted."""
    budget = (STAFF_BUDGET if staff else ANSWER_BUDGET) // max(1, len(got.questions))
    market = reasons.market_without_rules(intake.home_market, mentions)
    if market:
        market += reasons.market_said(intake.home_market, got.passages)
    verdicts: list[Verdict] = []
    ratings: dict[int, float] = {}
    taken: list[str] = []  # quoted for an earlier question: a later one spends its share on something new
    if not got.passages:  # nothing to read: say why once, not "0.00 similar" per question
        got.reasons.append(reasons.nothing_found(mentions(r"\S")))
    for q, question in enumerate(got.questions):
        passages = [got.passages[i] for i in got.per_question[q][:settings.reader_passages]]  # bounds the reader's time
        if got.coverage[q] < settings.escalate_below:  # nothing retrieved is even about it
            got.covered[q] = False
            if got.passages:
                got.reasons.append(reasons.nothing_close(question, got.coverage[q]))
            got.coverage[q] = 0.0  # the reader did not read it
            verdicts.append(Verdict())
            continue
        # one question is read as the whole message, its context included ("a shop sent me a hair mask"); one
        # of several, with what the message tells before it first asks
        asked = intake.text if len(got.questions) == 1 else in_situation(background(intake.text), question)
        verdict = judge(asked, passages, reader, settings.reader_threshold, budget, staff, intake.region, taken,
                        similarity)
        taken += [c.text for c in verdict.picked]
        for local, rating in verdict.ratings.items():
            index = got.per_question[q][local]
            ratings[index] = max(ratings.get(index, 0.0), rating)
        said_there = any(for_region_group(c, passages, intake.home_market) for c in verdict.answering)
        if market and not (verdict.covered and said_there):
            verdict.covered = False  # only what is said of the market itself, or of a grouping holding it, holds there
            got.reasons.append(market)  # the reason a rep needs first, whatever the reader made of the passages
        elif verdict.covered and (then := reasons.not_in_effect_then(
                asked, intake.text, [passages[c.passage] for c in verdict.leading()])):
            verdict.covered = False  # what a rule was: only a version in effect then answers it
            got.reasons.append(then)
        elif verdict.covered and (figure := reasons.no_figure(
                question, [c.text for c in sorted(verdict.answering, key=lambda c: -c.answer)])):
            verdict.covered = False  # the answer's type does not match the question's
            got.reasons.append(figure)
        elif outside := reasons.outside_scope(question, mentions, intake.text if len(got.questions) == 1 else "", staff):
            verdict.covered = False  # named before the reader's verdict: the topic says more than a rating
            got.reasons.append(outside)
        elif not verdict.covered:
            got.reasons.append(reasons.unanswered(question, verdict, passages, settings.reader_threshold))
        if verdict.covered:
            verdict.picked = versions.then_first(verdict.picked, passages, asked, intake.text)
        got.covered[q], got.coverage[q] = verdict.covered, verdict.best
        verdicts.append(verdict)
    rerank(got, ratings)
    return verdicts


def in_situation(told: str, question: str) -> str:
    """The question as the reader reads it: after what the message told first, unless it already carries it."""
    return question if not told or told in question else f"{told} {question}"
