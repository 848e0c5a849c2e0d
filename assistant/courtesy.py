"""A message that asks nothing: a greeting, thanks or an acknowledgement ("thanks!! all sorted now 🥰").

Search always finds a closest passage, and the reader rates the least bad sentence of it, so without this check a
"thank you" was answered with whatever the knowledge base said first. English only: a courtesy in another language
goes to the language check, which drafts no answer either.
"""
from __future__ import annotations

import re

# Words a courtesy is made of. A word outside this list ("not", "still", "but", a topic) means the message says
# something that may need an answer, so it is read as usual.
COURTESY = frozenset("""hi hey hello hiya heya yo gm morning afternoon evening good thanks thank thankyou thx ty tysm
tyvm cheers appreciate appreciated ok okay okie k kk got it noted understood alright sure great perfect cool awesome
amazing brilliant lovely nice wonderful fantastic legend sorted solved fixed resolved works worked working all now
again so much very really a lot lots bye see ya later have day weekend you u guys team everyone love xoxo x xx yay
yes yep yeah haha lol omg wow kind helpful that this the for your it's its is was oh ah and too there yesterday today
earlier""".split())
# Words that make it a courtesy rather than a fragment: thanks, a greeting, a goodbye or an acknowledgement.
MARKERS = frozenset("""hi hey hello hiya heya yo gm thanks thank thankyou thx ty tysm tyvm cheers appreciate
appreciated ok okay okie noted understood bye sorted solved""".split())
THE_HELP = re.compile(r"(?i)\b(?:the|your|all (?:the|your)|for) help\b")  # "thanks for the help", not "help!!"
MAX_WORDS = 25


def asks_nothing(text: str) -> bool:
    """Whether the message is only a greeting, thanks or acknowledgement, with no question or request in it."""
    if "?" in text:
        return False
    words = re.findall(r"[a-z']+", THE_HELP.sub(" ", text.lower()).replace("\u2019", "'"))
    if not words or len(words) > MAX_WORDS:
        return False
    return all(w in COURTESY for w in words) and any(w in MARKERS for w in words)
