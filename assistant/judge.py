"""Judging one question with the reader: which sentences answer it, and whether any does."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from assistant.markets import deepest_marker, market_label
from assistant.offline import Candidate, candidates
from assistant.examples import an_example
from assistant.passage_text import labelled, last_heading
from assistant.text import content_words, overlap, sentences
from assistant.types import Passage
from reader.model import pair_text
from reader.prior import discount, logit

if TYPE_CHECKING:  # the model loads lazily; typing must not import it
    from reader.model import Reader

# The best-rated sentences fill the budget, each lifted by its passage's search rank: facts sit in the
# passages search ranks first, and the reader reads one sentence at a time without them.
MAX_SENTENCES = 16
DISCOUNTED = 8  # one batch of the reader
# Answerability leans this far from the best sentence toward the second best, in log-odds: a lone high rating
# is often a sentence on the question's topic that does not answer it. Chosen on knowledge_base dev and kb2 dev
# together, where it escalated more unanswerable questions at the same share of wrong escalations.
SECOND_WEIGHT = 0.5
RANK_PRIOR = 0.8
# Selection also weighs the embedder's cosine between the message and the sentence, at the rating's own weight.
# The reader learned from one knowledge base's questions; the embedder is the general model it was trained from.
# On kb2 dev, which the reader never saw, the pair kept more key facts than the rating alone; on knowledge_base
# dev, its training questions, the two did equally well (eval/RESULTS.md). Answerability stays the reader's.
SIMILARITY_WEIGHT = 1.0
# Sentences whose odds of answering are within this factor of the best one's answer about as well as it. Two
# versions of one rule say nearly the same and rate alike; a sentence on another topic that just clears the
# threshold does not answer the question, so it cannot make an answer of its version.
LEADING_ODDS = 10.0
Similarity = Callable[[str, Sequence[str]], np.ndarray]  # question, texts -> cosine per text
# A plain-text glossary's term: a heading of up to three words in capitals over a definition of a sentence or two.
# Alone, "The commission is now withdrawable" tells a creator their money is ready; under SETTLED it says what a
# status means.
GLOSSARY_TERM = re.compile(r"^[A-Z][A-Z'&/-]+(?: [A-Z][A-Z'&/-]+){0,2}$")


@dataclass
class Verdict:
    """What the reader made of one question against its passages."""

    picked: list[Candidate] = field(default_factory=list)
    best: float = 0.0  # answerability: the best two ratings, net of their priors (reader.prior), combined
    closest: Candidate | None = None
    # sentences whose own answerability reaches the threshold, whatever an earlier question quoted (the market rule)
    answering: list[Candidate] = field(default_factory=list)
    covered: bool = False
    ratings: dict[int, float] = field(default_factory=dict)  # passage index -> best sentence rating
    # a rule for other markets that the reader rates as an answer, with its markets: the rep is told it exists
    elsewhere: str = ""

    def leading(self) -> list[Candidate]:
        """The answering sentences that answer about as well as the best one."""
        odds = logit(np.array([c.answer for c in self.answering]))
        return [c for c, own in zip(self.answering, odds) if odds.max() - own <= np.log(LEADING_ODDS)]


def heading(passage: Passage) -> str:
    """The last heading above a passage, else its document title."""
    return last_heading(passage)


def in_context(cand: Candidate, passage: Passage, region: str = "") -> Candidate:
    """A list item keeps the condition heading it completes, and a sentence of a worked example says so (its
    lead, from assistant.offline): a worked example is not a rule. A sentence of a glossary entry keeps its term
    ("SETTLED: The commission is now withdrawable."), and one under a heading for other markets keeps its markets
    ("VN: Frozen commission can be permanently deducted…")."""
    name = heading(passage)
    if cand.lead and not cand.text.startswith(f"{cand.lead}: "):  # alone, the item states the opposite
        cand.text = labelled(cand.lead, cand.text)
    if an_example(cand.lead):
        return cand  # one case, said as one: no market or term of its own
    if GLOSSARY_TERM.match(name) and len(sentences(passage.text)) <= 2 and name.lower() not in cand.text.lower():
        cand.text = f"{name}: {cand.text}"
    else:
        cand.text = with_markets(cand.text, passage, region)
    return cand


def with_markets(text: str, passage: Passage, region: str) -> str:
    """The sentence led by the markets its section heading confines it to, when a reader needs telling."""
    label = market_label(passage.section.split(" > "), text, region)
    return f"{label}: {text}" if label else text


def label_once(picked: list[Candidate], passages: list[Passage]) -> list[Candidate]:
    """A market heading, or a lead (a condition a list completes, a worked example), is said once per passage,
    before the first sentence quoted from it."""
    said: set[int] = set()
    led: set[tuple[int, str]] = set()
    for cand in picked:
        label = f"{deepest_marker(passages[cand.passage].section.split(' > '))}: "
        if cand.passage in said and label != ": " and cand.text.startswith(label):
            cand.text = cand.text[len(label):]
        said.add(cand.passage)
        if cand.lead and (cand.passage, cand.lead) in led and (rest := own_words(cand)) != cand.text:
            cand.text = rest[:1].upper() + rest[1:]
        led.add((cand.passage, cand.lead))
    return picked


def judge(question: str, passages: list[Passage], reader: Reader, threshold: float, budget: int,
          staff: bool = False, region: str = "", taken: Sequence[str] = (),
          similarity: Similarity | None = None) -> Verdict:
    """Rate every quotable sentence of the passages against the question and pick the answer; without
    `similarity` (the embedder's cosines) selection goes by the reader's ratings and search rank alone."""
    cands = candidates(passages, staff, region)
    if not cands:
        return Verdict()
    texts = [pair_text(c.read or c.text, heading(passages[c.passage])) for c in cands]
    ratings = reader.score(question, texts)
    similar = similarity(question, [c.text for c in cands]) if similarity else np.zeros(len(cands))
    for cand, rating, cosine in zip(cands, ratings, similar):
        cand.rating, cand.similarity = float(rating), float(cosine)
        cand.score = cand.rating + SIMILARITY_WEIGHT * cand.similarity + RANK_PRIOR / (1 + cand.passage)
    # Answerability discounts each sentence's pull on any question; choosing sentences keeps the plain
    # rating, which kept more key facts on both dev sets. Only the best-rated few are discounted: the
    # discount moves a rating far less than the gap to the rest, and each prior costs a pass of the model.
    # a colleague asking about a creator's market is shown other markets' rules, but only what holds in that
    # market answers, as it does for the creator
    ranked = [i for i in np.argsort(-ratings, kind="stable") if not cands[i].elsewhere]
    other = other_markets_rule(cands, passages, region, threshold)
    if not ranked:
        return Verdict(picked=pick(cands, passages, region, budget, taken), elsewhere=other)
    few = np.array(ranked[:DISCOUNTED] + older_versions(ranked[DISCOUNTED:], cands, passages))
    answers = discount(ratings[few], reader.prior([texts[i] for i in few]))
    for i, answer in zip(few, answers):
        cands[i].answer = float(answer)
    top = int(few[int(np.argmax(answers))])
    best = answerability(answers)
    verdict = Verdict(best=best, closest=cands[top], covered=best >= threshold,
                      answering=[cands[i] for i, a in zip(few, answers) if a >= threshold], elsewhere=other)
    for cand in cands:
        verdict.ratings[cand.passage] = max(verdict.ratings.get(cand.passage, 0.0), cand.rating)
    verdict.picked = pick(cands, passages, region, budget, taken)
    return verdict


def older_versions(rest: list[int], cands: list[Candidate], passages: list[Passage]) -> list[int]:
    """The best-rated sentence of each superseded passage below the best-rated few. They are retrieved only for a
    message about an earlier time, which only a version in effect then answers; the reader does not read dates, so
    today's page can fill the few while the older version, rated just below, goes unweighed."""
    best: dict[int, int] = {}
    for i in rest:  # in falling order of rating
        if not passages[cands[i].passage].current:
            best.setdefault(cands[i].passage, i)
    return list(best.values())


def other_markets_rule(cands: list[Candidate], passages: list[Passage], region: str, threshold: float) -> str:
    """The best-rated sentence that holds only in other markets, with its markets, if it rates as an answer
    and above every sentence that holds in the market asked about."""
    best = max((c for c in cands if c.elsewhere), key=lambda c: c.rating, default=None)
    here = max((c.rating for c in cands if not c.elsewhere), default=0.0)
    if best is None or best.rating < max(threshold, here):
        return ""
    return with_markets(best.text, passages[best.passage], region)


def pick(cands: list[Candidate], passages: list[Passage], region: str, budget: int,
         taken: Sequence[str]) -> list[Candidate]:
    """The sentences a reply quotes, each with the context it needs; that context counts against the budget
    like the sentence itself."""
    return label_once(choose([in_context(c, passages[c.passage], region) for c in cands], budget, taken), passages)


def answerability(answers: np.ndarray, second_weight: float = SECOND_WEIGHT) -> float:
    """How well the question is answered: the best two discounted ratings, averaged in log-odds."""
    ranked = np.sort(np.asarray(answers, dtype=np.float64))[::-1]
    if len(ranked) < 2:
        return float(ranked[0]) if len(ranked) else 0.0
    odds = (1 - second_weight) * logit(ranked[:1]) + second_weight * logit(ranked[1:2])
    return float(1 / (1 + np.exp(-odds[0])))


def own_words(cand: Candidate) -> str:
    """The sentence without the condition it shares with its list: two items of one list are not one fact."""
    lead = f"{cand.lead}: "
    return cand.text[len(lead):] if cand.lead and cand.text.startswith(lead) else cand.text


def choose(cands: list[Candidate], budget: int, taken: Sequence[str] = ()) -> list[Candidate]:
    """The best-rated sentences within the budget, each fact once, grouped by passage in reading order with
    the best one first; `taken` are sentences an earlier question of the message already quotes."""
    ranked = sorted(cands, key=lambda c: -c.score)
    chosen: list[Candidate] = []
    used = 0
    led: set[tuple[int, str]] = set()  # a list's condition is said once per passage (label_once), so paid once
    for cand in ranked:
        if len(chosen) == MAX_SENTENCES:
            break
        own = own_words(cand)
        words = content_words(own)
        cost = len(own) if (cand.passage, cand.lead) in led else len(cand.text)
        if any(overlap(t, words) > 0.7 for t in [*taken, *(own_words(c) for c in chosen)]) or used + cost > budget:
            continue
        chosen.append(cand)
        used += cost
        led.add((cand.passage, cand.lead))
    if not chosen:
        chosen = ranked[:1]
    first: dict[int, int] = {}
    for cand in chosen:  # a passage's place is that of its best sentence
        first.setdefault(cand.passage, len(first))
    # a rep reads the answer first, then the context around it: the best sentence leads, and the rest of its
    # passage follows in reading order
    return chosen[:1] + sorted(chosen[1:], key=lambda c: (first[c.passage], c.position))

