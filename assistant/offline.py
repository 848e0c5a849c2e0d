"""The offline drafter: picks the sentences in the passages that answer each question. It is not an LLM."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.markets import for_another_market, scoped_elsewhere
from assistant.addressing import for_the_creator
from assistant.passage_text import MAX_CHARS, MIN_CHARS, for_reps, forbidding, norm, units
from assistant.text import content_words, overlap
from assistant.types import Passage

if TYPE_CHECKING:  # the model loads lazily; typing must not import it
    from vectorstore.embeddings import Embedder

INSTRUCTION_RE = re.compile(
    r"(?i)\b(ignore (all |any |your |previous |prior )*(rules|instructions)|system prompt|you are now|"
    r"as an ai|assistant must|disregard (the|your|all)|reveal (the|your) prompt)\b"
)
# Sentences that carry no answer: quoted creator questions, summaries of the page itself, template slots.
NOT_AN_ANSWER = re.compile(
    r"(?i)(\?\s*[\"'\u201d]?$|^[\"'\u201c>]|^this (is (the|a|our) (current )?)?(summary|document|page|note|policy|guide|article|section)\b|"
    r"\blast reviewed\b|\bowner:|\b(?:are|is) (?:covered )?in (?:a )?separate (?:documents?|polic(?:y|ies)|articles?|pages?)\b|\bsee (our|the) [\w\s,'-]{0,60}?(article|policy|page|guide|document|summary|section)\b|"
    r"\{[a-z_]+\}|https?://|^see the |^when to use\b|\b[\w-]+/[\w.-]+\.(md|pdf|html|docx|txt)\b)"
)
HEARSAY = re.compile(r"(?i)third-party|unofficial|reddit|blog|anecdot|unverified|some guides|a guide|zorilla|rumou?r")
MAX_PER_QUESTION = 10
# Score weights, tuned on the eval tuning split only. W_RANK rewards sentences from the passages search
# ranked first: hybrid search order was the strongest single signal (tuning key facts 0.61 -> 0.68 alone).
W_SIM, W_CTX, W_TERMS, W_RANK, W_NEAR, CUTOFF = 0.5, 0.15, 0.35, 0.35, 0.25, 0.3
# A sentence far less similar than the best one rode in on its passage's rank ("Open Creator Center ->
# Settings" in a reply about slideshows). Costs 0.002 tuning key facts; the reply reads as an answer.
MIN_SIM_SHARE = 0.2


@dataclass
class Candidate:
    """A sentence from a passage, scored against one question."""

    text: str
    passage: int  # index into the passage list
    position: int
    score: float = 0.0
    similarity: float = 0.0


def usable(sentence: str) -> bool:
    """Long enough to say something, short enough to quote, and an answer rather than a question."""
    return (MIN_CHARS <= len(sentence) <= MAX_CHARS and not INSTRUCTION_RE.search(sentence)
            and not NOT_AN_ANSWER.search(sentence.strip()) and not sentence.rstrip().endswith(":"))


def candidates(passages: list[Passage], staff: bool = False, region: str = "") -> list[Candidate]:
    """Every usable sentence of the passages, in reading order. A creator's reply skips sections written
    for reps ("What reps should not say") even in creator-safe documents: "Do not quote a clawback period"
    is guidance, not an answer; and rules for other markets ("US: minimum followers 1,000" to a UK creator,
    a canned reply 'When to use' for US creators to a Vietnamese one)."""
    out = []
    for index, passage in enumerate(passages):
        section = str(passage.meta.get("section", ""))
        names = [str(passage.meta.get("title", ""))] + section.split(" > ")
        if not staff and (for_reps(section) or scoped_elsewhere(passage.text, region)):
            continue
        forbids = forbidding(section)
        for sentence in units(passage.text, {norm(n) for n in names if n.strip()}, forbids):
            if not staff:
                sentence = for_the_creator(sentence)
            if sentence and usable(sentence) and (staff or not for_another_market(sentence, region)):
                out.append(Candidate(sentence, index, len(out)))
    return out


def score(cands: list[Candidate], question: str, embedder: Embedder, context: str = "") -> None:
    """Similarity to the question (and a little to the whole message) plus term overlap,
    then smoothed with neighbours: facts sit next to the sentence that matches best."""
    if not cands:
        return
    vectors = embedder.embed([question, context or question] + [c.text for c in cands])
    sims, sims_ctx = vectors[2:] @ vectors[0], vectors[2:] @ vectors[1]
    q_words = content_words(question)
    raw = []
    for cand, sim, sim_ctx in zip(cands, sims, sims_ctx):
        terms = len(content_words(cand.text) & q_words) / (len(q_words) or 1)
        cand.similarity = float(sim)
        hearsay = 0.3 if HEARSAY.search(cand.text) else 0.0  # creators should hear the official rule
        raw.append(W_SIM * float(sim) + W_CTX * float(sim_ctx) + W_TERMS * terms + W_RANK / (1 + cand.passage) - hearsay)
    for i, cand in enumerate(cands):
        near = [raw[j] for j in (i - 1, i + 1) if 0 <= j < len(cands) and cands[j].passage == cand.passage]
        cand.score = raw[i] + W_NEAR * max(near, default=0.0)


def choose(cands: list[Candidate], budget: int, floor: float) -> list[Candidate]:
    """Best sentences near the top score, skipping near-repeats, within a character budget."""
    chosen: list[Candidate] = []
    used = 0
    ranked = sorted(cands, key=lambda c: -c.score)
    cutoff = max(floor, CUTOFF * ranked[0].score) if ranked else floor
    relevant = MIN_SIM_SHARE * max((c.similarity for c in cands), default=0.0)
    for cand in ranked:
        if len(chosen) == MAX_PER_QUESTION or cand.score < cutoff:
            break
        if cand.similarity < relevant:  # lifted by its passage's rank alone: not about the question
            continue
        words = content_words(cand.text)
        if any(overlap(c.text, words) > 0.7 for c in chosen) or used + len(cand.text) > budget:
            continue
        chosen.append(cand)
        used += len(cand.text)
    return sorted(chosen, key=lambda c: c.position)


def best_sentences(question: str, passages: list[Passage], embedder: Embedder, budget: int, floor: float,
                   context: str = "", staff: bool = False, region: str = "") -> tuple[list[Candidate], float, list[Candidate]]:
    """The sentences that answer a question, the best similarity seen, and every scored candidate."""
    cands = candidates(passages, staff, region)
    score(cands, question, embedder, context)
    top = max((c.similarity for c in cands), default=0.0)
    picked = choose(cands, budget, floor)
    if not picked and cands:
        picked = [max(cands, key=lambda c: c.score)]
    return picked, top, cands
