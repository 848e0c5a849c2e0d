"""Does the knowledge base answer a question? Similarity, 'we don't know' passages, and unknown names."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.offline import Candidate, best_sentences
from assistant.text import content_words
from assistant.types import Passage

UNKNOWN_RE = re.compile(
    r"(?i)\b(not published|(?:does|do|did)(?: not|n't) publish|illustrative only|to be confirmed|not (yet )?confirmed|no official [\w\s-]{0,40}(page|figure|source|"
    r"definition|rate|rule)s?|does not (say|state|describe)|"
    r"do not (say|state|describe)|no published|our sources do not|is not in (our|the) sources|not documented|"
    r"has no official|(?:are|is) unknown)\b"
)
# Brand-like names: CamelCase or ALL CAPS anywhere, Capitalised words when not starting a sentence.
STRONG_RE = re.compile(r"\b([A-Z][a-z]+[A-Z]\w*|[A-Z]{3,}\d*)\b")
PROPER_RE = re.compile(r"(?<![.!?]\s)(?<!^)(?<!\n)\b([A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})*)\b")
COMMON_CAPS = {"tiktok", "shop", "live", "us", "usa", "uk", "ok", "okay", "omg", "lol", "pls", "asap", "fyi",
               "dm", "id", "hi", "hey", "hello", "thanks", "monday", "tuesday", "wednesday", "thursday", "friday",
               "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december", "english", "google", "instagram", "youtube",
               # countries are markets, judged by the region filter, not brands
               "japan", "china", "korea", "brazil", "mexico", "canada", "australia", "germany", "france", "italy",
               "spain", "ireland", "india", "thailand", "vietnam", "indonesia", "malaysia", "philippines", "singapore"}


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
    found = [m.group(1) for m in STRONG_RE.finditer(question)] + [m.group(1) for m in PROPER_RE.finditer(question)]
    for name in dict.fromkeys(found):
        words = name.split()
        if all(w.lower() in COMMON_CAPS or knows(w) for w in words):
            continue
        names.append(name)
    return names


def unknown_statement(cands: list[Candidate], question: str) -> str:
    """A 'not published' sentence about the question, among the best three matches or next to one."""
    top = sorted(cands, key=lambda c: -c.score)[:3]
    near = [c for c in cands for t in top if c.passage == t.passage and abs(c.position - t.position) == 1]
    asked = content_words(question)
    for cand in top + near:
        if UNKNOWN_RE.search(cand.text) and content_words(cand.text) & asked:
            return cand.text
    return ""


def assess(question: str, passages: list[Passage], embedder: object, knows: object,
           threshold: float, budget: int, context: str = "") -> Assessment:
    """Pick the answering sentences and judge whether they really answer."""
    picked, similarity, cands = best_sentences(question, passages, embedder, budget, 0.3, context)
    result = Assessment(picked, similarity)
    if not passages or similarity < threshold:
        result.reason = f"No passage is close enough (best {similarity:.2f}, threshold {threshold:.2f})."
        return result
    said = unknown_statement(cands, question)
    if said:
        result.reason = f"The knowledge base says this is not known: \"{said[:200]}\""
        return result
    names = unknown_names(question, knows)
    if names:
        result.reason = f"The knowledge base has nothing on {', '.join(repr(n) for n in names)}."
        return result
    result.covered = True
    return result
