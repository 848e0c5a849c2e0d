"""Training pairs for the reader: (message, sentence) from what retrieval returns, labelled by key facts."""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from vectorstore.filters import Filters
from vectorstore.store import Hit

# A sentence holding at least this share of a key fact's content words answers; between the two
# thresholds it is ambiguous and left out rather than taught either way.
POSITIVE, AMBIGUOUS = 0.5, 0.34
HITS_PER_MODE = 8  # hybrid and dense top 8 each: what the drafter reads, and near misses beside it


@dataclass(frozen=True)
class Pair:
    """One training example."""

    question: str
    text: str  # reader.model.pair_text(sentence, heading)
    label: float
    qid: str
    source: str = ""  # the document the sentence came from


Splitter = Callable[[Hit], list[tuple[str, str]]]  # a chunk -> (heading, sentence) units
Search = Callable[[str, int, Filters, str], list[Hit]]  # query, k, filters, mode -> hits


def label(sentence: str, facts: list[str], from_expected: bool, overlap: Callable[[str, str], float],
          others: Sequence[str] = ()) -> float | None:
    """1 when the sentence states a key fact and comes from an expected source, 0 when it states none of these
    facts nor any of `others` (facts it is not taught either way), else None."""
    best = max((overlap(fact, sentence) for fact in facts), default=0.0)
    if best >= POSITIVE and from_expected:
        return 1.0
    near = max((overlap(fact, sentence) for fact in others), default=0.0)
    return 0.0 if max(best, near) < AMBIGUOUS else None


def candidates(search: Search, message: str, region: str) -> list[Hit]:
    """Hybrid and dense top hits for the message, each chunk once."""
    seen: dict[str, Hit] = {}
    for mode in ("hybrid", "dense"):
        for hit in search(message, HITS_PER_MODE, Filters(region=region), mode):
            seen.setdefault(hit.id, hit)
    return list(seen.values())


def question_pairs(item: object, search: Search, split: Splitter, overlap: Callable[[str, str], float],
                   negatives: int, rng: random.Random, unanswerable: int = 0) -> list[Pair]:
    """Every positive for one eval question, and a sample of its negatives (hard ones from expected sources first).
    An unanswerable question gives `unanswerable` negatives when set: none of its sentences answers, so
    they carry no label noise, and they are the near misses escalation must learn to tell apart."""
    from reader.model import pair_text

    answerable = getattr(item, "kind") != "unanswerable"
    facts = list(getattr(item, "key_facts")) if answerable else []
    if not answerable and unanswerable:
        negatives = unanswerable
    others = list(getattr(item, "other_facts", ()))  # one question of a message: the others' answers are left out
    expected = set(getattr(item, "expected_sources"))
    message, qid = getattr(item, "question"), getattr(item, "id")
    pos, hard, easy, seen = [], [], [], set()
    for hit in candidates(search, message, getattr(item, "region", "")):
        from_expected = hit.source in expected
        for heading, sentence in split(hit):
            text = pair_text(sentence, heading)
            if text in seen:
                continue
            seen.add(text)
            got = label(sentence, facts, from_expected, overlap, others)
            if got == 1.0:
                pos.append(Pair(message, text, 1.0, qid, hit.source))
            elif got == 0.0:
                (hard if from_expected else easy).append(Pair(message, text, 0.0, qid, hit.source))
    rng.shuffle(hard)
    rng.shuffle(easy)
    take = hard[: negatives // 2]
    return pos + take + easy[: negatives - len(take)]


def foreign_negatives(items: list[object], pairs: list[Pair], overlap: Callable[[str, str], float],
                      per_question: int, rng: random.Random) -> list[Pair]:
    """Other questions' answers as negatives: a sentence that answers the right kind of question ("wait
    30 days") about another topic must not answer this one ("how long is my tax form valid"). Sentences
    from this question's own expected documents, or near one of its key facts, are never taken."""
    answers = [p for p in pairs if p.label == 1.0]
    out: list[Pair] = []
    for item in items:
        qid, expected = getattr(item, "id"), set(getattr(item, "expected_sources"))
        facts = list(getattr(item, "key_facts")) if getattr(item, "kind") != "unanswerable" else []
        pool = [p for p in answers if p.qid != qid and p.source not in expected]
        rng.shuffle(pool)
        taken: set[str] = set()
        for other in pool:
            if len(taken) == per_question:
                break
            if other.text in taken or max((overlap(f, other.text) for f in facts), default=0.0) >= AMBIGUOUS:
                continue
            taken.add(other.text)
            out.append(Pair(getattr(item, "question"), other.text, 0.0, qid, other.source))
    return out


def build_pairs(items: Iterable[object], search: Search, split: Splitter, overlap: Callable[[str, str], float],
                negatives: int = 14, seed: int = 13, unanswerable: int = 0, foreign: int = 0,
                parts: Sequence[object] = (), part_negatives: int = 0) -> list[Pair]:
    """Pairs for every question, then for each of `parts` (reader.parts: the questions of multi-question
    messages, judged alone), in a fixed order for a given seed."""
    items = list(items)
    rng = random.Random(seed)
    out: list[Pair] = []
    for item in items:
        out += question_pairs(item, search, split, overlap, negatives, rng, unanswerable)
    if foreign:  # a second generator, so the pairs above do not change with this option
        out += foreign_negatives(items, out, overlap, foreign, random.Random(seed + 1))
    if parts and part_negatives:  # a generator of their own, for the same reason
        part_rng = random.Random(seed + 2)
        for part in parts:
            out += question_pairs(part, search, split, overlap, part_negatives, part_rng)
    return out
