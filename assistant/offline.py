"""The sentences an offline draft may quote: every usable sentence of the passages, for one audience and market."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.markets import for_another_market, heading_markets, scoped_elsewhere
from assistant.addressing import for_the_creator
from assistant.examples import an_example, example_lead
from assistant.passage_text import MAX_CHARS, MIN_CHARS, for_reps, forbidding, led_units, norm
from assistant.types import Passage

INSTRUCTION_RE = re.compile(
    r"(?i)\b(ignore (all |any |your |previous |prior )*(rules|instructions)|system prompt|you are now|"
    r"as an ai|assistant must|disregard (the|your|all)|reveal (the|your) prompt)\b"
)
# Sentences that carry no answer: quoted creator questions, summaries of the page itself, template slots.
NOT_AN_ANSWER = re.compile(
    r"(?i)(\?\s*[\"'\u201d]?$|^[\"'\u201c>]|^this (is (the|a|our) (current )?)?(summary|document|page|note|policy|guide|article|section)\b|"
    r"\blast reviewed\b|\bowner:|\b(?:are|is) (?:covered )?in (?:a )?separate (?:documents?|polic(?:y|ies)|articles?|pages?)\b|\bsee (our|the) [\w\s,'-]{0,60}?(article|policy|page|guide|document|summary|section)\b|"
    r"\{[a-z_]+\}|https?://|^see the |^when to use\b|\b[\w-]+/[\w.-]+\.(md|pdf|html|docx|txt)\b|"
    r"^(?:hi|hello|hey|dear)\b[^.!?]{0,40}[,!]|"  # a quoted reply's greeting: "Hi Maya, thanks for checking!"
    r"^Q\s*[:.)-]\s|"  # an FAQ's question, even when its first sentence is a statement ("Q: It arrived leaking.")
    # who may read the page ("For Quillbeam staff only.", "Not for sharing with creators or brands."): a banner
    r"^for [\w' -]{1,40} (?:staff|reps|employees|use) only\b|^not for (?:sharing|distribution|circulation)\b|^internal use only\b)"
)
# A document's review stamp on its own: "Reviewed 2026-01-15 by Brand Partnerships.", "Finance Desk, reviewed 2026-02-05."
STAMP = re.compile(r"(?i)^(?:[\w &/-]{1,40},\s*)?(?:last )?(?:reviewed|updated|revised|checked)(?: on)?:? "
                   r"(?:\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2} \w+ \d{4}|\w+ \d{1,2},? \d{4})(?: by [\w &/-]{1,40})?\.?$")


@dataclass
class Candidate:
    """A sentence from a passage, rated against one question by the reader."""

    text: str
    passage: int  # index into the passage list
    position: int
    score: float = 0.0  # what selection ranks by: rating, similarity and the passage's search rank (assistant.judge)
    rating: float = 0.0  # the reader's probability that the sentence answers the question
    similarity: float = 0.0  # the embedder's cosine to the question
    answer: float = 0.0  # the rating net of the sentence's prior (reader.prior); set for the best-rated few
    elsewhere: bool = False  # a rule for other markets than the one asked about: shown to a colleague, never an answer
    # said before it in a reply: the heading a list item completes ("When no commission is paid"), or the worked
    # example it belongs to (assistant.examples)
    lead: str = ""
    read: str = ""  # the sentence as the document writes it, which the reader was trained on; '' when it is `text`


def usable(sentence: str) -> bool:
    """Long enough to say something, short enough to quote, and an answer rather than a question or a
    heading written in capitals ("6. PROHIBITED AND RESTRICTED PRODUCTS" in a file without Markdown headings)."""
    return (MIN_CHARS <= len(sentence) <= MAX_CHARS and not INSTRUCTION_RE.search(sentence)
            and not NOT_AN_ANSWER.search(sentence.strip()) and not STAMP.search(sentence.strip())
            and not sentence.rstrip().endswith(":")
            and not shouted(sentence))


def shouted(sentence: str) -> bool:
    """Written in capitals, as headings are ("THE FOUR MOST COMMON VIOLATIONS (US, Sept 2025)"): a fifth or
    fewer of its letters are lower case."""
    letters = [c for c in sentence if c.isalpha()]
    return not letters or sum(c.islower() for c in letters) <= len(letters) / 5


def candidates(passages: list[Passage], staff: bool = False, region: str = "") -> list[Candidate]:
    """Every usable sentence of the passages, in reading order. A creator's reply skips sections written
    for reps ("What reps should not say") even in creator-safe documents: "Do not quote a clawback period"
    is guidance, not an answer; and rules for other markets ("US: minimum followers 1,000" to a UK creator,
    a canned reply 'When to use' for US creators to a Vietnamese one, a sentence under "Collections (US)").
    A colleague is shown those, marked as for elsewhere. A sentence of a worked example is led by it."""
    out = []
    for index, passage in enumerate(passages):
        section = passage.section
        names = [passage.title] + section.split(" > ")
        if not staff and (for_reps(section) or scoped_elsewhere(passage.text, region)):
            continue
        forbids = forbidding(section)
        scope = heading_markets(names) if region else frozenset()
        headings = {norm(n) for n in names if n.strip()}
        example = example_lead(names[-1].strip() or passage.title)
        for sentence, lead in led_units(passage.text, headings, forbids, names[-1].strip()):
            in_it = bool(lead) and sentence.startswith(f"{lead}: ")  # a list's lead-in, which the item repeats
            if example and (not lead or in_it) and not sentence.lower().startswith(("example", "for example")):
                lead, in_it = example, False
            written = sentence
            if not staff:  # a worked example's creator is not the one reading: "the creator" stays
                sentence = for_the_creator(sentence, address=not an_example(lead))
                if in_it and not sentence.startswith(f"{lead}: "):  # the lead-in as the reply words it, if it can tell
                    lead = said if sentence.startswith(f"{(said := for_the_creator(lead))}: ") else ""
            elsewhere = bool(sentence) and for_another_market(sentence, region, scope)
            if sentence and usable(sentence) and (staff or not elsewhere):  # a colleague sees it, labelled
                out.append(Candidate(sentence, index, len(out), elsewhere=elsewhere, lead=lead,
                                     read=written if written != sentence else ""))
    return out
