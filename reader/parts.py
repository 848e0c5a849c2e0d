"""Training items for each question of a multi-question message, as the assistant judges them: one at a time.

The assistant reads a one-question message whole, but rates each question of a longer message on its own, after
what the message told before it first asked (`read`, from assistant.assess). The eval
format gives a message's key facts, not which question each answers, so each fact goes to the question the
embedder finds closest to it, and only when that choice is clear; a fact it cannot place is taught neither way.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

# How much closer a fact must be to one question than to the next before it is taken as that question's answer.
MARGIN = 0.05

Questions = Callable[[str], list[str]]  # a message -> the questions the assistant judges (assistant.intake)
Embed = Callable[[Sequence[str]], np.ndarray]  # texts -> normalised vectors (vectorstore.embeddings)
Read = Callable[[str, str], str]  # (message, question) -> the text the assistant's reader reads for the question


@dataclass(frozen=True)
class PartItem:
    """One question of a multi-question message, in the shape reader.pairs reads an eval question."""

    id: str
    question: str
    key_facts: tuple[str, ...]
    expected_sources: tuple[str, ...]
    region: str
    other_facts: tuple[str, ...]  # the rest of the message's facts: a sentence near one is left out, not taught
    kind: str = "answerable"


def assign(facts: Sequence[str], parts: Sequence[str], embed: Embed, margin: float = MARGIN) -> list[int | None]:
    """For each fact, the index of the question it answers, or None when no question is clearly closest."""
    if not facts or len(parts) < 2:
        return [None] * len(facts)
    cosines = embed(list(facts)) @ embed(list(parts)).T
    out: list[int | None] = []
    for row in cosines:
        order = np.argsort(-row, kind="stable")
        out.append(int(order[0]) if row[order[0]] - row[order[1]] >= margin else None)
    return out


def part_items(items: Sequence[object], questions: Questions, embed: Embed, margin: float = MARGIN,
               read: Read = lambda message, question: question) -> list[PartItem]:
    """A training item for every question of an answerable multi-question message that a key fact clearly answers.
    Unanswerable messages give none: which of their questions goes unanswered is not recorded. Injections give
    none either: a question beside an attack is not a question asked alone. Facts are placed by the bare
    questions; each item holds its question as `read` gives it."""
    out: list[PartItem] = []
    for item in items:
        if getattr(item, "kind") in ("unanswerable", "injection"):
            continue
        parts = questions(getattr(item, "question"))
        facts = list(getattr(item, "key_facts"))
        owners = assign(facts, parts, embed, margin)
        for k, part in enumerate(parts):
            own = tuple(f for f, o in zip(facts, owners) if o == k)
            if own:
                out.append(PartItem(f"{getattr(item, 'id')}#{k}", read(getattr(item, "question"), part), own,
                                    tuple(getattr(item, "expected_sources")),
                                    getattr(item, "region", ""), tuple(f for f in facts if f not in own)))
    return out
