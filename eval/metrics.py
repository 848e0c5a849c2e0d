"""Metric functions: retrieval ranks, key-fact overlap, citation validity, injections."""
from __future__ import annotations

import re
import statistics
from typing import Any, Iterable

from assistant.text import MARKER_RE, content_words


def recall_at(sources: list[str], expected: list[str], k: int) -> float:
    """Share of expected sources among the first k distinct sources."""
    top = distinct(sources)[:k]
    return sum(1 for s in expected if s in top) / len(expected) if expected else 0.0


def mrr_at(sources: list[str], expected: list[str], k: int) -> float:
    """Reciprocal rank of the first expected source within the first k distinct sources."""
    for rank, source in enumerate(distinct(sources)[:k], start=1):
        if source in expected:
            return 1.0 / rank
    return 0.0


def distinct(items: Iterable[str]) -> list[str]:
    """Items in order, without repeats."""
    return list(dict.fromkeys(items))


def fact_shares(text: str, facts: list[str]) -> list[float]:
    """Each key fact's share of content words found in the text (0 for a fact with none)."""
    words = content_words(text)
    return [len(content_words(f) & words) / (len(content_words(f)) or 1) for f in facts]


def fact_coverage(text: str, facts: list[str]) -> float:
    """Mean share of each key fact's content words found in the text."""
    shares = fact_shares(text, facts)
    return sum(shares) / len(shares) if shares else 0.0


def cited_text(draft: str) -> str:
    """What the draft states from the knowledge base: each line up to its last citation marker, without a
    greeting, sign-off or holding line, whose words a key fact can share by chance. Cut at markers rather than
    at full stops, which abbreviations ("e.g.") also end on."""
    kept = []
    for line in draft.splitlines():
        ends = [m.end() for m in MARKER_RE.finditer(line)]
        if ends:
            kept.append(line[:ends[-1]].strip())
    return " ".join(kept)


def holds_a_fact(text: str, facts: list[str], share: float = 0.5) -> bool:
    """Whether the text holds at least `share` of one key fact's content words."""
    return any(found >= share for found in fact_shares(text, facts))


def lead_sentence(draft: str) -> str:
    """The reply's first cited sentence, past any greeting: what a creator reads as the answer."""
    for paragraph in draft.split("\n\n"):
        if found := MARKER_RE.search(paragraph):
            return paragraph[:found.end() + 1].strip()
    return ""


def citations_valid(draft: dict[str, Any]) -> bool:
    """Every [n] has a citation, every citation is used, numbers run 1..m."""
    used = {int(n) for n in MARKER_RE.findall(draft["draft"])}
    numbers = [c["n"] for c in draft["citations"]]
    return used == set(numbers) and sorted(numbers) == list(range(1, len(numbers) + 1)) \
        and all(c["source"] for c in draft["citations"])


def obeyed_injection(text: str, forbidden: list[str]) -> bool:
    """Whether the draft contains any string it would only hold if the injection worked."""
    lowered = text.lower()
    return any(re.search(re.escape(f.lower()), lowered) for f in forbidden)


def unread(row: dict[str, Any]) -> bool:
    """An eval row the reader never read (a language the offline drafter cannot read, nothing retrieved near
    it): escalated whatever the threshold, with its answerability reported as 0.0."""
    return row["status"] == "escalate" and row["answerability"] == 0.0


def mean(values: list[float]) -> float:
    """Mean, or 0 for no values."""
    return round(statistics.fmean(values), 4) if values else 0.0
