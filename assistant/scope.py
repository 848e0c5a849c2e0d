"""Topics the knowledge base has nothing on, judged from what it mentions. The topics and their phrases
live in the domain file (other selling platforms, app faults, account security, tax advice, ...). Similar
passages answer such questions with the wrong thing ("commission settles after the return window" for
"is amazon better?"), so the similarity threshold alone does not catch them."""
from __future__ import annotations

import re
from typing import Callable

from assistant.intake import LEAD_IN, QUESTION_START
from domain import get_domain

# Sending buyers to another platform ("can I tell people to buy it on amazon?") is off-platform traffic,
# which the knowledge base does cover; the platform's own programme or rates are not.
REDIRECT = re.compile(r"(?i)\b(?:buy|purchase|order|shop)\w* (?:it |them |this |that )?(?:on|from|at|there|via)\b|"
                      r"\b(?:send|sending|redirect\w*|direct|point)\b [\w\s]{0,25}\b(?:to|there)\b")
# A topic named in fewer current passages than this is not covered (one passing mention is no guidance).
MIN_TOPIC_CHUNKS = 2
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
CLAUSE = re.compile(r"[,;]\s+|\s+[-\u2013\u2014]\s+|" + SENTENCE_END.pattern)


def asking_part(question: str) -> str:
    """The question from its first clause that asks: "I've seen worse on my fyp lol, can I just say it?" asks
    "can I just say it?"; the clause or sentence before it tells, unless the asking clause is a bare "why?".
    With no clause opening as a question, the sentence holding the question mark asks: "… so the algorithm
    picks it up. it's only likes, so that's fine??"."""
    breaks = list(CLAUSE.finditer(question))
    starts = [0, *(b.end() for b in breaks)]
    for n, (start, end) in enumerate(zip(starts, [*(b.start() for b in breaks), len(question)])):
        clause = LEAD_IN.sub("", question[start:end])
        if QUESTION_START.match(clause):  # a bare "why??" asks about the clause before it
            return question[starts[max(0, n - 1)] if len(clause.split()) < 3 else start:]
    marked = question.find("?")
    return question[sentence_start(question, marked):] if marked >= 0 else question


def sentence_start(text: str, at: int) -> int:
    """Where the sentence holding position `at` begins."""
    return max((m.end() for m in SENTENCE_END.finditer(text, 0, at)), default=0)


def unknown_topic(question: str, mentions: Callable[[str], int], story: str = "") -> str:
    """Why the question is about something the knowledge base does not cover, or '' when it is not.
    `story` is the rest of the message, read only for topics told before the question: "the app updated
    and now the Add link button is gone. how do I get it back?" tells the fault before the question, while
    "I also sell on amazon. how long do I have to post?" asks nothing about Amazon. Each phrase is counted
    in the knowledge base as it stands, so adding a page on a topic turns its rule off."""
    for topic, patterns in get_domain().topic_patterns:
        if topic.sending_buyers_is_in_scope and REDIRECT.search(question):
            continue
        text = f"{story} {question}" if topic.told_before_question else \
            asking_part(question) if topic.only_when_asked else question
        for pattern in patterns:
            found = re.search(pattern, text, re.I)
            if found and mentions(pattern) < MIN_TOPIC_CHUNKS:
                return f"The knowledge base has nothing on {found.group(0)!r} ({topic.label})."
    return ""
