"""Which version of the rules a message asks about: today's, unless it asks how things were before, and then
only a version in effect at the time asked about answers it."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from assistant import quotes
from assistant.offline import Candidate
from assistant.types import Passage

# General English for a question about an earlier time: "back in summer 2024", "back in February", "at the time",
# "what were the rules", "the old limit", "before June 2024", "before the current matrix took effect". A year alone
# is not enough: "I joined in 2024, how do I withdraw?" asks about today's rules.
PAST = re.compile(
    r"(?i)\b(?:back then|back in (?:[\w-]+ ){0,2}(?:19|20)\d\d|back in (?:early |late )?(?:" + "|".join(
        calendar.month_name[1:]) + r")|at the time|used to be|"
    r"(?:old|older|previous|earlier|former) (?:rules?|polic(?:y|ies)|versions?|limits?|fees?|terms|requirements?)|"
    r"(?:was|were) (?:the|their|tiktok'?s) (?:\w+ ){0,3}(?:rules?|polic(?:y|ies)|limits?|minimums?|fees?|splits?|"
    r"requirements?)|before (?:the (?:change|update)|(?:\w+ )?(?:19|20)\d\d|the (?:current|new|latest) (?:[\w-]+ ){1,3}"
    r"(?:took effect|came in|started|applied)))\b")
# The question itself is in the past tense ("what was the fee", "how many followers did I need", "were the limits
# the same back then?"), so it asks for the old rule, not for today's rule with a story set in the past ("I left
# back in 2024; how long do you keep…", "I joined in 2024. Did you get my form?").
ASKS_WHAT_WAS = re.compile(r"(?i)\b(?:what|which|how)(?:\W+[\w'-]+){0,3}?\W+(?:was|were|did|used to)\b|"
                           r"(?:^|[.!?,]\s*|\bor\s+)(?:(?:was|were) (?:the|it|they|there|tiktok)|"
                           r"did (?:i|you|we|they|she|he|creators?) (?:need|have to|qualify))\b")
MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
WHEN = re.compile(r"(?i)\b(?P<before>before |until |prior to )?(?:(?P<part>" + "|".join(sorted(MONTHS, key=len, reverse=True))
                  + "|" + "|".join(SEASONS) + r")\.?,? (?:of )?)?(?P<year>(?:19|20)\d\d)\b")


@dataclass(frozen=True)
class Period:
    """The time a message asks about, as the first and last day it can mean."""

    start: date
    end: date
    text: str  # as the message wrote it: "summer 2024", "before June 2024"


def asks_about_the_past(text: str) -> bool:
    """Whether the message asks how the rules were at an earlier time, so older versions may answer it. Words it
    quotes (a caption, a script: 'look how I used to be') are not the writer's."""
    return bool(PAST.search(quotes.mask(text)[0]))


def asks_for_old_rules(question: str, message: str) -> bool:
    """Whether the question asks what a rule was, in a message about an earlier time: only a version in effect
    then answers it, whatever today's documents say."""
    return asks_about_the_past(message) and bool(ASKS_WHAT_WAS.search(quotes.mask(question)[0]))


def asked_period(message: str) -> Period | None:
    """The first month, season or year the message names, widened to the days it covers; "before June 2024"
    covers every day until then. None when it names no year ("back then", "the old rules")."""
    match = WHEN.search(message)
    if not match:
        return None
    year, part = int(match["year"]), (match["part"] or "").lower()
    first, last = (MONTHS[part], MONTHS[part]) if part in MONTHS else SEASONS.get(part, (1, 12))
    start, end = date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    if match["before"]:
        start, end = date.min, date.fromordinal(start.toordinal() - 1)
    return Period(start, end, match.group(0).strip())


def effective_day(passage: Passage) -> date | None:
    """The day a passage's version took effect, when its document says."""
    try:
        return date.fromisoformat(passage.effective[:10])
    except ValueError:
        return None


def in_effect(passage: Passage, period: Period | None) -> bool:
    """Whether the passage's version held at the time asked about: an older version that had taken effect by
    then (or says no date), or a current one that already held then. A current version with no date may be
    newer than the time asked about, so it does not count."""
    day = effective_day(passage)
    if not passage.current:
        return period is None or day is None or day <= period.end
    return period is not None and day is not None and day <= period.start


def then_first(picked: list[Candidate], passages: list[Passage], question: str, message: str) -> list[Candidate]:
    """A reply to what a rule was opens with the version in effect at the time asked about, today's after it:
    the reader rates both alike, and a creator settling last year's dispute reads the first sentence first."""
    if not asks_for_old_rules(question, message):
        return picked
    period = asked_period(message)
    return sorted(picked, key=lambda c: not in_effect(passages[c.passage], period))  # stable: each keeps its order
