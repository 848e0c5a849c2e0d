"""Which version of the rules a message asks about: today's, unless it asks how things were before."""
from __future__ import annotations

import re

# General English for a question about an earlier time: "back in summer 2024", "at the time", "what were the rules",
# "the old limit", "before June 2024". A year alone is not enough: "I joined in 2024, how do I withdraw?"
# asks about today's rules.
PAST = re.compile(
    r"(?i)\b(?:back then|back in (?:[\w-]+ ){0,2}(?:19|20)\d\d|at the time|used to be|"
    r"(?:old|older|previous|earlier|former) (?:rules?|polic(?:y|ies)|versions?|limits?|fees?|terms|requirements?)|"
    r"(?:was|were) (?:the|their|tiktok'?s) (?:\w+ ){0,3}(?:rules?|polic(?:y|ies)|limits?|minimums?|fees?|splits?|"
    r"requirements?)|before (?:the (?:change|update)|(?:\w+ )?(?:19|20)\d\d))\b")


def asks_about_the_past(text: str) -> bool:
    """Whether the message asks how the rules were at an earlier time, so older versions may answer it."""
    return bool(PAST.search(text))
