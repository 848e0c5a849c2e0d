"""The offline drafter: picks the sentences in the passages that answer each question. It is not an LLM."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant.text import content_words, overlap, reflow, sentences
from assistant.types import Passage

INSTRUCTION_RE = re.compile(
    r"(?i)\b(ignore (all |any |your |previous |prior )*(rules|instructions)|system prompt|you are now|"
    r"as an ai|assistant must|disregard (the|your|all)|reveal (the|your) prompt)\b"
)
TABLE_SEP = re.compile(r"^\|?[\s:|-]+\|?$")
MAX_PER_QUESTION = 3
MIN_CHARS, MAX_CHARS = 25, 400


@dataclass
class Candidate:
    """A sentence from a passage, scored against one question."""

    text: str
    passage: int  # index into the passage list
    position: int
    score: float = 0.0
    similarity: float = 0.0


def plain(line: str) -> str:
    """A passage line as a sentence: no list markers, emphasis or table pipes."""
    line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)
    line = re.sub(r"(\*\*|__|`)", "", line)
    if line.count("|") >= 2:
        cells = [c.strip() for c in line.strip().strip("|").split("|") if c.strip()]
        line = cells[0] + ": " + "; ".join(cells[1:]) + "." if len(cells) > 1 else ""
    return line.strip()


def candidates(passages: list[Passage]) -> list[Candidate]:
    """Every usable sentence of the passages, in reading order."""
    out = []
    for index, passage in enumerate(passages):
        for line in reflow(passage.text).split("\n"):
            if TABLE_SEP.match(line.strip()) or line.lstrip().startswith("#"):
                continue
            for sentence in sentences(plain(line)):
                if MIN_CHARS <= len(sentence) <= MAX_CHARS and not INSTRUCTION_RE.search(sentence):
                    out.append(Candidate(sentence, index, len(out)))
    return out


def score(cands: list[Candidate], question: str, embedder: object, passages: list[Passage]) -> None:
    """Blend of embedding similarity and term overlap with the question, nudged by passage rank."""
    if not cands:
        return
    vectors = embedder.embed([question] + [c.text for c in cands])
    sims = vectors[1:] @ vectors[0]
    q_words = content_words(question)
    for cand, sim in zip(cands, sims):
        terms = len(content_words(cand.text) & q_words) / (len(q_words) or 1)
        cand.similarity = float(sim)
        cand.score = 0.65 * float(sim) + 0.35 * terms + 0.02 / (1 + cand.passage)


def choose(cands: list[Candidate], budget: int, floor: float) -> list[Candidate]:
    """Best sentences above the floor, skipping near-repeats, within a character budget."""
    chosen: list[Candidate] = []
    used = 0
    for cand in sorted(cands, key=lambda c: -c.score):
        if len(chosen) == MAX_PER_QUESTION or cand.score < floor:
            break
        words = content_words(cand.text)
        if any(overlap(c.text, words) > 0.7 for c in chosen) or used + len(cand.text) > budget:
            continue
        chosen.append(cand)
        used += len(cand.text)
    return sorted(chosen, key=lambda c: c.position)


def best_sentences(question: str, passages: list[Passage], embedder: object, budget: int, floor: float) -> tuple[list[Candidate], float]:
    """The sentences that answer a question, and the best similarity seen (for escalation)."""
    cands = candidates(passages)
    score(cands, question, embedder, passages)
    top = max((c.similarity for c in cands), default=0.0)
    picked = choose(cands, budget, floor)
    if not picked and cands:
        picked = [max(cands, key=lambda c: c.score)]
    return picked, top
