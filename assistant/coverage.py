"""Does the knowledge base answer a question? Similarity, 'we don't know' passages, and unknown names."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.offline import Candidate, best_sentences
from assistant.types import Passage

UNKNOWN_RE = re.compile(
    r"(?i)\b(not published|to be confirmed|not (yet )?confirmed|no official [\w\s-]{0,40}(page|figure|source|"
    r"definition|rate|rule)s?|do not quote|don't quote|never quote|not stated|does not (say|state|give|describe)|"
    r"do not (say|state|give|describe)|no published|our sources do not|is not in (our|the) sources|not documented|"
    r"has no official|(?:are|is) unknown)\b"
)
PROPER_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+[A-Z]\w*|[A-Z]{3,}|[A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})*)\b")
COMMON_CAPS = {"tiktok", "shop", "live", "us", "usa", "uk", "ok", "okay", "omg", "lol", "pls", "asap", "fyi",
               "dm", "id", "hi", "hey", "hello", "thanks", "monday", "tuesday", "wednesday", "thursday", "friday",
               "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december", "english", "google", "instagram", "youtube"}


@dataclass
class Assessment:
    """What the knowledge base offers for one question."""

    picked: list[Candidate] = field(default_factory=list)
    similarity: float = 0.0
    covered: bool = False
    reason: str = ""


def unknown_names(question: str, knows: object) -> list[str]:
    """Capitalised names in the question that appear nowhere in the knowledge base (brands, apps, agencies)."""
    names = []
    for match in PROPER_RE.finditer(question):
        words = match.group(1).split()
        if all(w.lower() in COMMON_CAPS or knows(w) for w in words):
            continue
        names.append(match.group(1))
    return names


def assess(question: str, passages: list[Passage], embedder: object, knows: object,
           threshold: float, budget: int, context: str = "") -> Assessment:
    """Pick the answering sentences and judge whether they really answer."""
    picked, similarity = best_sentences(question, passages, embedder, budget, 0.3, context)
    result = Assessment(picked, similarity)
    if not passages or similarity < threshold:
        result.reason = f"No passage is close enough (best {similarity:.2f}, threshold {threshold:.2f})."
        return result
    lead = " ".join(c.text for c in sorted(picked, key=lambda c: -c.score)[:2])
    if UNKNOWN_RE.search(lead):
        result.reason = f"The knowledge base says this is not known: \"{lead[:200]}\""
        return result
    names = unknown_names(question, knows)
    if names:
        result.reason = f"The knowledge base has nothing on {', '.join(repr(n) for n in names)}."
        return result
    result.covered = True
    return result
