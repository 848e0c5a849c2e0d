"""A colleague forwarding a creator's words: how their own request about the reply is told from the creator's
questions."""
from __future__ import annotations

import re

# A rep forwarding a creator's words: "is there a canned reply for this one? creator wrote: \"…\"".
FORWARDED = re.compile(r"(?i)\b(?:the |my |a |this )?creator (?:wrote|said|says|asked|asks|sent|messaged|dm'?d)(?: (?:us|me|this))?\s*:\s*")
# A rep's question about how to answer the forwarded words, which says nothing until it is read with them.
ABOUT_THE_REPLY = re.compile(r"(?i)\b(canned (?:reply|replies|response)|macro|template|for this(?: one)?|to this|"
                             r"(?:draft|write)(?: me| up)? (?:a |the |my |our )?(?:quick |short )?(?:reply|response|answer)|"
                             r"what (?:do|should|can) i (?:say|tell|send|reply|answer)|how (?:do|should) i (?:reply|respond|answer))\b")
# A colleague asking for words to send: "can you draft a reply to this?", "write her a quick answer".
DRAFT_REQUEST = re.compile(r"(?i)\b(?:draft|write)(?: (?:me|her|him|them|up))? (?:a |the |my |our )?(?:quick |short )?"
                           r"(?:reply|response|answer)\b")
# Where the creator's words begin after such a request: an opening quote mark, or the colon after a label ("her msg: ").
WORDS_BEGIN = re.compile(r"[\"\u201c\u2018\u00ab]|(?:^|(?<=\s))'(?=\S)|:\s")
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def asked_of_the_next(questions: list[str]) -> list[str]:
    """A leading request about the reply ("can you draft a reply?") asked with the question after it, which it
    is about: on its own it finds pages about writing replies."""
    if len(questions) > 1 and ABOUT_THE_REPLY.search(questions[0]) and not ABOUT_THE_REPLY.search(questions[1]):
        return [f"{questions[0]} {questions[1]}", *questions[2:]]
    return questions


def reply_request(text: str) -> tuple[str, str] | None:
    """(the writer's lead, the words after it) when a request for a reply is followed by someone's words to reply
    to: "rep here, can you draft a reply to this? her msg: '…'"."""
    request = DRAFT_REQUEST.search(text)
    begins = request and WORDS_BEGIN.search(text, request.end())
    if not begins or len(re.findall(r"[^\W\d_]{2,}", text[begins.end():])) < 3:
        return None
    return text[:begins.start()], text[begins.end():].strip().strip(QUOTE_MARKS).strip()
