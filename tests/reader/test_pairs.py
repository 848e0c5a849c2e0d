"""Training pairs: labels from key facts, a fixed sample per seed, and more negatives for unanswerable questions."""
from __future__ import annotations

from dataclasses import dataclass, field

from reader.pairs import build_pairs
from reader.parts import PartItem
from vectorstore.store import Hit


@dataclass
class Item:
    id: str
    question: str
    kind: str
    key_facts: list[str] = field(default_factory=list)
    expected_sources: list[str] = field(default_factory=list)
    region: str = ""


def hit(n: int, source: str) -> Hit:
    return Hit(id=f"{source}-{n}", text="", metadata={"source": source}, score=0.5)


HITS = [hit(n, "samples.md" if n < 2 else f"other{n}.md") for n in range(6)]
FACT = "Post the sample video within 30 days of delivery"


def split(h: Hit) -> list[tuple[str, str]]:
    """Ten sentences a chunk; the first chunk of samples.md states the fact."""
    first = [("Samples", FACT + ".")] if h.id == "samples.md-0" else []
    return first + [("Other", f"Unrelated rule {i} about {h.id} shipping labels.") for i in range(10)]


def overlap(fact: str, sentence: str) -> float:
    words = set(fact.lower().split())
    return len(words & set(sentence.lower().rstrip(".").split())) / len(words)


def search(query: str, k: int, filters, mode: str) -> list[Hit]:
    return HITS[:k]


ITEMS = [Item("a1", "how long do I have to post?", "answerable", [FACT], ["samples.md"]),
         Item("u1", "can I be paid in bitcoin?", "unanswerable")]


def test_positive_only_where_the_fact_is_stated_in_an_expected_source() -> None:
    pairs = build_pairs(ITEMS, search, split, overlap, negatives=8)
    positives = [p for p in pairs if p.label == 1.0]
    assert [p.qid for p in positives] == ["a1"] and FACT in positives[0].text
    assert all(p.label == 0.0 for p in pairs if p.qid == "u1")


def test_unanswerable_questions_can_give_more_negatives_and_answerable_ones_keep_theirs() -> None:
    plain = build_pairs(ITEMS, search, split, overlap, negatives=8)
    more = build_pairs(ITEMS, search, split, overlap, negatives=8, unanswerable=20)
    count = lambda pairs, qid: sum(1 for p in pairs if p.qid == qid)  # noqa: E731
    assert count(plain, "u1") == 8 and count(more, "u1") == 20
    assert count(plain, "a1") == count(more, "a1") == 9  # one positive and eight negatives either way


def test_the_same_seed_gives_the_same_pairs() -> None:
    assert build_pairs(ITEMS, search, split, overlap, 8, seed=3) == build_pairs(ITEMS, search, split, overlap, 8, seed=3)
    assert build_pairs(ITEMS, search, split, overlap, 8, seed=3) != build_pairs(ITEMS, search, split, overlap, 8, seed=4)


def test_other_questions_answers_become_negatives_but_never_near_a_key_fact_or_from_an_expected_source() -> None:
    """An answer to one question is a negative for another, unless it may answer that one too."""
    items = [*ITEMS, Item("a2", "when must I post my sample video?", "answerable", [FACT], ["samples.md"])]
    plain = build_pairs(items, search, split, overlap, negatives=8)
    more = build_pairs(items, search, split, overlap, negatives=8, foreign=3)
    assert more[:len(plain)] == plain  # the option adds pairs and changes none
    added = more[len(plain):]
    assert added and all(p.label == 0.0 for p in added)
    assert {p.qid for p in added} == {"u1"}  # the only answer is samples.md's, expected by a1 and a2
    assert all(FACT in p.text and p.question == ITEMS[1].question for p in added)


def test_one_question_of_a_message_is_taught_its_own_answer_and_never_the_others() -> None:
    """A part item: the sentence answering the message's other question is left out, not taught as a negative."""
    other = "Unrelated rule 3 about other2.md-2 shipping labels"
    part = PartItem("a1#0", "how long do I have to post?", (FACT,), ("samples.md",), "", (other,))
    plain = build_pairs(ITEMS[:1], search, split, overlap, negatives=8)
    both = build_pairs(ITEMS[:1], search, split, overlap, negatives=8, parts=[part], part_negatives=100)
    assert both[:len(plain)] == plain  # the option adds pairs and changes none
    added = both[len(plain):]
    assert {p.qid for p in added} == {"a1#0"} and [p.label for p in added].count(1.0) == 1
    assert not any(other in p.text for p in added)
    assert any(other in p.text for p in build_pairs([Item("a1#0", part.question, "answerable", [FACT], ["samples.md"])],
                                                    search, split, overlap, negatives=100))
