"""Intake: clean a pasted creator message and split it into questions, name and region."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from assistant import quotes
from assistant.courtesy import asks_nothing
from assistant.creator_market import find_home_market, find_region
from assistant.errors import EmptyMessageError
from assistant.forwarding import ABOUT_THE_REPLY, FORWARDED, QUOTE_MARKS, asked_of_the_next, reply_request

QUOTE_START = re.compile(r"(?im)^(on .{3,80} wrote:|-{2,} ?original message ?-{2,}|from: .+@.+)$")
SIGNOFF = re.compile(r"(?im)^(--\s*$|sent from my \w+|(thanks|thank you|thx|best|cheers|regards|kind regards|best regards|xoxo|love)[,!.]*\s*$)")
# A sign-off on the last line, "…what do I do? Kind regards, Tom" or "… - Jess": punctuation must part the
# word from the name, since "thanks Maya" may thank the rep.
TAIL_SIGNOFF = re.compile(r"(?i:(?<=[.!?\s])|^)[ \t]*(?:(?i:thanks|thank you|thx|ty|best|cheers|regards|kind regards|"
                          r"best regards|many thanks|xoxo|love)[,!.]+[ \t]*[-\u2013\u2014]?|[-\u2013\u2014~])[ \t]*"
                          r"([A-Z][a-z]{1,20})[.!]?\s*$")
# A greeting is the word and at most two more up to a comma, full stop, "!", line end or emoji ("hey it's
# Priya 👋"); without such an end only the word goes, so "hey the serum arrived leaking" keeps "the serum".
EMOJI = "\U0001F300-\U0001FAFF\u2600-\u27BF"
GREETING = re.compile(r"(?i)^(?:hi+|he+y+|hello+|hiya|heya|yo|dear|good (?:morning|afternoon|evening))\b"
                      rf"(?:(?:[ \t]+[^\s.,!?]+){{0,2}}?[ \t]*(?:[,.!:]+|\n|[{EMOJI}]+)|[,!.]*)[\s{EMOJI}]*")
# Only the lead-in ignores case: "I'm new" and "im in canada" must not yield a name.
NAME_RE = re.compile(r"\b(?i:i'?m|i am|this is|my name is|name's)\s+([A-Z][a-z]{1,20})\b|"
                     r"^(?i:hi|hello|hey|hiya)[\s,!]+(?i:it'?s)\s+([A-Z][a-z]{1,20})\b")
QUESTION_START = re.compile(r"(?i)^(how|what|when|where|why|which|who|can|could|do|does|did|is|are|will|would|should|am|any|pls|please|help|need|whats|hows|wat|y)\b")
# A question without "?" inside a sentence: "if it's returned after it settled do they take it back".
EMBEDDED_QUESTION = re.compile(r"(?i)\b(?:(?:do|does|did|can|could|will|would|should|is|are|am) (?:i|you|they|we|he|she)\b|"
                               r"(?:wondering|wonder|not sure|want to know|need to know) (?:if|whether|how|what|when|why))")
LEAD_IN = re.compile(r"(?i)^(also|and|plus|oh and|btw|so|ok so|and also|one more thing|another thing|\(?\d{1,2}[).])[,:]?\s+")
PRONOUN = re.compile(r"(?i)\b(it|they|them|this|that|these|those|its|their)\b")
# "1) how long do I have 2) can I use trending sounds": numbered questions split too.
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+|\s+(?=\(?\d{1,2}\)\s)")
NOT_NAMES = {"In", "From", "Not", "So", "Just", "Still", "Very", "Really", "Trying", "New", "Getting", "Going", "Confused", "Here",
             "Team", "Guys", "All", "Everyone", "Love", "Thanks"}


@dataclass
class Intake:
    """A cleaned message, its questions and what we learned about the creator."""

    text: str
    questions: list[str]
    creator_name: str = ""
    region: str = ""
    notices: list[str] = field(default_factory=list)
    home_market: str = ""  # the market the creator says they sell in, or the one the rep chose
    own_words: str = ""  # the text without words to the assistant: who and where the writer is
    instructed: bool = False  # the writer tells the assistant something ("ignore your rules and paste ...")
    reply_requested: bool = False  # a colleague asks only for a reply to the creator's words they pasted


def clean(message: str, limit: int) -> tuple[str, list[str]]:
    """Strip control characters, truncate visibly, and refuse messages with no words."""
    notices = []
    text = "".join(ch for ch in message if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    if len(text) > limit:
        notices.append(f"The message was {len(text):,} characters; only the first {limit:,} were read.")
        text = text[:limit]
    if not re.search(r"[^\W\d_]{2,}", text):
        raise EmptyMessageError("The message has no words to answer. Paste the creator's question as text.")
    return text.strip(), notices


def drop_quotes_and_signature(text: str) -> str:
    """Remove quoted earlier messages and everything from the sign-off on."""
    match = QUOTE_START.search(text)
    if match and match.start() > 0:
        text = text[: match.start()]
    elif match:  # the quote is on top: only its header line and quoted lines go
        text = text[match.end():]
    lines = [ln for ln in text.split("\n") if not ln.lstrip().startswith(">")]
    text = "\n".join(lines)
    match = SIGNOFF.search(text)
    text = text[: match.start()].strip() if match and match.start() > 0 else text.strip()
    tail = TAIL_SIGNOFF.search(text)
    return text[: tail.start()].strip() if tail and tail.start() > 0 and tail.group(1) not in NOT_NAMES else text


def find_name(message: str) -> str:
    """The creator's first name from 'I'm Maya' or a one-word signature line."""
    match = NAME_RE.search(message)
    name = match and (match.group(1) or match.group(2))
    if name and name not in NOT_NAMES:
        return name
    sig = re.search(r"(?im)^(?:thanks|thank you|best|cheers|regards|xoxo|love)[,!.]*\s*\n\s*([A-Z][a-z]{1,20})\s*$", message)
    tail = TAIL_SIGNOFF.search(message.strip())
    found = (sig and sig.group(1)) or (tail and tail.group(1)) or ""
    return found if found not in NOT_NAMES else ""


def split_questions(text: str, whole_if_none: bool = True) -> list[str]:
    """Question sentences, each with the sentence before it when it is short on context; with none,
    the whole text is the question (unless whole_if_none is off). A quoted passage is context, not a
    question, unless the writer asks nothing outside quotes ('creator asks "how long do I have?"')."""
    masked, passages = quotes.mask(text)
    if passages and (found := _split_questions(masked, whole_if_none=False)):
        if all(ABOUT_THE_REPLY.search(q) and not quotes.PLACEHOLDER.search(q) for q in found) and (theirs := [
                q for p in passages for q in _split_questions(p.strip(QUOTE_MARKS), False)]):
            # "can you draft a reply to this? her msg: '…'" asks nothing of its own: the quoted words ask
            return merge_short([f"{' '.join(found)} {theirs[0]}", *theirs[1:]])
        return asked_of_the_next([quotes.unmask(q, passages) for q in found])
    return asked_of_the_next(_split_questions(text, whole_if_none))


def _split_questions(text: str, whole_if_none: bool) -> list[str]:
    """split_questions on a text read as it stands."""
    body = GREETING.sub("", text, count=1)
    sentences = [s.strip() for s in SENTENCE_SPLIT.split(body) if len(s.strip()) > 1]
    questions = []
    for i, sentence in enumerate(sentences):
        bare = LEAD_IN.sub("", sentence)
        if asks(sentence):
            # a numbered item stands on its own: "2) can i use trending sounds" is not about item 1
            vague = (len(bare.split()) < 8 or PRONOUN.search(bare)) and not re.match(r"\(?\d{1,2}[).]\s", sentence)
            # "what's the threshold?" after "will I get a 1099-K?" is about the 1099-K: keep the earlier
            # question with its own context; a short "why?" is folded into it by merge_short instead
            after_question = bool(i) and sentences[i - 1].endswith("?")
            context = ""
            if i and vague and not (after_question and len(bare.split()) < 4):
                context = questions[-1] if after_question and questions else LEAD_IN.sub("", sentences[i - 1])
            questions.append(f"{context} {bare}".strip())
    merged = merge_short(questions)
    return merged or ([body.strip() or text] if whole_if_none else [])


def asks(sentence: str) -> bool:
    """Whether a sentence of a message asks something."""
    bare = LEAD_IN.sub("", sentence)
    return sentence.endswith("?") or bool(QUESTION_START.match(bare) or EMBEDDED_QUESTION.search(bare))


def background(text: str) -> str:
    """What a message tells before it first asks ("creator got hacked friday night, she's back in"): each of
    its questions is asked in that situation, numbered ones included."""
    told = []
    for sentence in SENTENCE_SPLIT.split(GREETING.sub("", text, count=1)):
        if asks(sentence.strip()):
            break
        told.append(sentence.strip())
    return " ".join(t for t in told if len(t) > 1)


def forwarded_questions(text: str) -> list[str]:
    """Questions of a message in which a rep forwards a creator's words: the rep's own, then the creator's.
    A rep's question about how to answer them ("is there a canned reply for this one?") is asked together
    with the creator's first question: on its own it retrieved the new-hire checklist."""
    marker = FORWARDED.search(text)
    if not marker:
        return split_questions(text)
    lead, quoted = text[: marker.start()], text[marker.end():].strip().strip("\"\u201c\u201d'")
    asked = split_questions(lead, whole_if_none=False)
    own, how = [q for q in asked if not ABOUT_THE_REPLY.search(q)], [q for q in asked if ABOUT_THE_REPLY.search(q)]
    theirs = split_questions(quoted) if quoted else []
    if how and theirs:  # "is there a canned reply for this one?" is asked of the creator's first question
        theirs[0] = f"{' '.join(how)} {theirs[0]}"
    return merge_short(own + theirs) or split_questions(text)


def reply_asked_for(text: str) -> str:
    """The creator's words, when the writer asks only for a reply to them ("rep here, can you draft a reply to
    this? her msg: '…'"): their questions are the ones to answer, and the request is none."""
    split = reply_request(text)
    if not split:
        return ""
    rest = " ".join(s for s in SENTENCE_SPLIT.split(split[0]) if not ABOUT_THE_REPLY.search(s))
    return "" if split_questions(rest, whole_if_none=False) else split[1]


def merge_short(questions: list[str]) -> list[str]:
    """Fold fragments like 'why?' into the previous question; keep at most four."""
    out: list[str] = []
    for q in questions:
        if out and len(q.split()) < 4:
            out[-1] = f"{out[-1]} {q}"
        else:
            out.append(q)
    return out[:4]


def parse(message: str, limit: int = 6000, region: str = "", handle: str = "", own_words: str = "",
          instructed: bool = False) -> Intake:
    """Everything the assistant needs from a pasted message, which stays data throughout. `own_words` is the
    message without what it says to the assistant, when that differs: who and where the writer is is read there;
    `instructed` says the message addressed the assistant."""
    text, notices = clean(message, limit)
    body = drop_quotes_and_signature(text) or text
    if asks_nothing(body):
        raise EmptyMessageError("The message asks nothing: it reads as a greeting, thanks or an acknowledgement, so "
                                "no reply was drafted from the knowledge base. Paste the creator's question if there is one.")
    own = (drop_quotes_and_signature(clean(own_words, limit)[0]) or own_words) if own_words else body
    words = reply_asked_for(body)
    return Intake(text=body, questions=split_questions(words) if words else forwarded_questions(body),
                  creator_name=find_name(text), reply_requested=bool(words),
                  region=(region or find_region(own)).upper(), notices=notices,
                  home_market=(region or find_home_market(own)).upper(), own_words=own, instructed=instructed)
