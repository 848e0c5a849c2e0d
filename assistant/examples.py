"""Worked examples: a sentence from one case is quoted as that case, never as a rule or a fact about the reader.
"At 140 the creator is below the 150 milestone", put to another creator as "you", states their rating."""
from __future__ import annotations

import re

from assistant.faq import ORPHAN_ANSWER

# A heading over a worked example: what follows is one case, not a rule.
EXAMPLE_HEADING = re.compile(r"(?i)\b(examples?|worked|illustrat\w*|scenarios?|sample calculation)\b")
EXAMPLE_LEAD = "In the example \u201c{}\u201d"
# A message quoted in the first person ('"My health rating dropped to 140. What happens now?"'), and an answer that
# speaks of its writer as "the creator" or repeats the case's figures: the answer describes that one case.
FIRST_PERSON = re.compile(r"(?i)\b(?:i|i'm|i've|my|me)\b")
THIRD_PERSON = re.compile(r"(?i)\bthe creator\b")
FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def example_lead(heading: str) -> str:
    """The lead every sentence under an example heading is quoted with ('In the example "Worked example"'), or ''."""
    return EXAMPLE_LEAD.format(heading) if heading and EXAMPLE_HEADING.search(heading) else ""


def an_example(lead: str) -> bool:
    """Whether a lead frames its sentence as a worked example: one case, told in the third person."""
    return lead.startswith(EXAMPLE_LEAD.split("{")[0])


def worked_case(asked: str, parts: list[str]) -> str:
    """The example lead for a paragraph answering a quoted first-person message ('"My rating dropped to 140. What
    now?"') about its writer in the third person ("At 140 the creator is below the milestone") or with the case's
    own figures ("140 is below the 150 milestone, so you are unhealthy"), else ''. Stated to another creator without
    it, the case reads as a fact about them. An answer that opens "Yes" or "No" is quoted with its question already."""
    if not asked or not parts or ORPHAN_ANSWER.match(parts[0]) or not FIRST_PERSON.search(asked):
        return ""
    figures = set(FIGURE.findall(asked))
    about = any(THIRD_PERSON.search(p) or figures & set(FIGURE.findall(p)) for p in parts)
    return EXAMPLE_LEAD.format(asked) if about else ""
