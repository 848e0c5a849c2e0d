"""Whether a question asks for a figure, and whether a sentence gives one: the answer's type must match.

"How long does my sample video need to stay up?" is answered by "at least 3 days" or by "TikTok does not publish
a window", not by a sentence about samples that names no duration, however well the reader rates it."""
from __future__ import annotations

import re

# An interrogative that asks for a quantity, a duration, a rate or a limit (English: the reader's language)
ASKS = re.compile(r"\bhow (?:many|much|long|soon|often|old)\b"
                  r"|\bwhat(?:'s| is| are)? (?:the |my |your |a )?(?:[\w-]+ ){0,2}(?:minimum|maximum|min|max|limit|cap"
                  r"|deadline|percentage|percent"
                  r"|rate|age|fee)s?\b", re.I)
# A figure given in digits or words, a duration in words ("within minutes"), or one denied ("there is no cap", "not published")
GIVES = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
                   r"|forty|fifty|hundred|thousand|million|once|twice|half|several|unlimited|immediately|instantly"
                   r"|daily|weekly|monthly|yearly|annually|a (?:few|couple|day|week|month|year)"
                   r"|seconds|minutes|hours|days|weeks|months|years"
                   r"|no|not|never|none|cannot)\b|n't\b", re.I)


def asks_for_figure(question: str) -> bool:
    """Whether the question asks how many, how much, how long, or what a limit or rate is."""
    return bool(ASKS.search(question))


def gives_figure(sentence: str) -> bool:
    """Whether the sentence states a quantity, a duration or a rate, or says there is none."""
    return bool(GIVES.search(sentence))
