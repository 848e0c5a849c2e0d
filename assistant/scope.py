"""Topics the knowledge base has nothing on, judged from what it mentions: other selling platforms and
app faults. Similar passages answer such questions with the wrong thing ("commission settles after the
return window" for "is amazon better?"), so the similarity threshold alone does not catch them."""
from __future__ import annotations

import re
from typing import Callable

# Each pattern is counted in the knowledge base as it stands: a knowledge owner who adds a page on app
# faults or on Amazon turns that rule off, with no code change.
OUTSIDE: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Lower-case brand names slip past the capitalised-name check; these are the ones creators compare with.
    ("another selling platform", (r"amazon", r"shopee", r"lazada", r"etsy", r"ebay", r"shopify", r"temu", r"shein",
                                  r"walmart", r"aliexpress", r"poshmark", r"depop", r"mercado ?libre", r"flipkart",
                                  r"meesho", r"rakuten", r"whatnot")),
    # Device and app failures: "the showcase is a white screen" needs TikTok's support, not a policy.
    ("an app or device fault", (r"crash(?:es|ed|ing)?(?! course)", r"(?:white|blank|black) screen", r"reinstall(?:ed|ing)?",
                                r"(?:won'?t|doesn'?t|does not|will not|isn'?t|is not|not) (?:load|loading)",
                                r"error code")),
)
# A topic named in fewer current passages than this is not covered (one passing mention is no guidance).
MIN_TOPIC_CHUNKS = 2


def unknown_topic(question: str, mentions: Callable[[str], int]) -> str:
    """Why the question is about something the knowledge base does not cover, or '' when it is not."""
    for label, patterns in OUTSIDE:
        for pattern in patterns:
            found = re.search(rf"(?i)\b{pattern}\b", question)
            if found and mentions(rf"\b{pattern}\b") < MIN_TOPIC_CHUNKS:
                return f"The knowledge base has nothing on {found.group(0)!r} ({label})."
    return ""
