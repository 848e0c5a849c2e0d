"""Does the knowledge base answer a question? Similarity, 'we don't know' passages, and unknown names."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from assistant.markets import names_group_of
from assistant.offline import MAX_PER_QUESTION, Candidate, best_sentences
from assistant.scope import unknown_topic
from assistant.text import STOP, content_words
from assistant.types import Passage
from domain import get_domain

if TYPE_CHECKING:  # the model loads lazily; typing must not import it
    from vectorstore.embeddings import Embedder

UNKNOWN_RE = re.compile(
    r"(?i)\b(not published|(?:does|do|did)(?: not|n't) publish|illustrative only|to be confirmed|not (yet )?confirmed|no official [\w\s-]{0,40}(page|figure|source|"
    r"definition|rate|rule)s?|does not (say|state|describe)|"
    r"do not (say|state|describe)|no published|our sources do not|is not in (our|the) sources|not documented|"
    r"has no official|(?:are|is) unknown|none (?:is|are|was|were) published|(?:is|are)(?: not|n't) published|(?:have|has) not (?:yet )?seen|sources (?:disagree|differ))\b"
)
# Questions that want a number, a date or an exact rule: "not published" means we cannot answer them.
FIGURE_RE = re.compile(
    r"(?i)\b(how (much|many|long|soon|often|high|low)|exact(ly)?|precise(ly)?|"
    r"what(?:'?s| is| are) the [\w\s-]{0,30}?(rate|fees?|minimum|min|maximum|max|limit|cap|threshold|percent(age)?|"
    r"cut-?off|amount|number|deadline|date|figure)s?|which (date|day|level|tier|rate|window)s?|"
    r"what (percent(age)?|rate|date)|what \w+ do (i|you|we) need)\b"
)
# A market named in fewer passages than this has no rules of its own in the knowledge base (the sample KB:
# markets with rules appear in 27+ passages; Malaysia, the Philippines and Singapore in 1-2, Japan in none).
MIN_MARKET_CHUNKS = 5
# Brand-like names: CamelCase or ALL CAPS anywhere, Capitalised words when not starting a sentence.
STRONG_RE = re.compile(r"\b([A-Z][a-z]+[A-Z]\w*|[A-Z]{3,}\d*)\b")
PROPER_RE = re.compile(r"(?<![.!?]\s)(?<!^)(?<!\n)\b([A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})*)\b")
PLACE_RE = re.compile(r"(?:(?i:\b(?:live|living|lives|based|located|i'?m|i am|here|staying|moved|hi|hello|hey|greetings))\s+"
                      r"(?i:in|at|near|to|from)?|^(?i:from|in))\s*"
                      r"(?:the\s+)?((?:[A-Z][a-z]+\s?)+)")
# A name the creator goes by, quoted: "my stage name 'Kiki Rae'" is who they are, not a brand ("a brand called 'X'" is).
OWN_NAME_RE = re.compile(r"(?i)\b(?:(?:my|our)\s+(?:[\w-]+\s+)?(?:name|handle|username)|i go by)\b"
                         r"[^.?!'\"\u2018\u201c]{0,25}['\"\u2018\u201c]([^'\"\u2019\u201d]{2,40})['\"\u2019\u201d]")
COMMON_CAPS = {"tiktok", "shop", "live", "us", "usa", "uk", "ok", "okay", "omg", "lol", "pls", "asap", "fyi",
               "dm", "id", "hi", "hey", "hello", "thanks",
               # what a creator sends or is sent, not who: "a PDF contract", "a screenshot as a PNG"
               "pdf", "png", "jpg", "jpeg", "gif", "csv", "mp4", "url", "faq",
               # social apps where creators share links: the knowledge base speaks of "other social networks"
               "facebook", "line", "whatsapp", "telegram", "snapchat", "pinterest", "twitter", "threads", "messenger",
               "discord", "lemon8", "linktree", "monday", "tuesday", "wednesday", "thursday", "friday",
               "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december", "english", "google", "instagram", "youtube",
               # countries are markets, judged by the region filter, not brands
               "japan", "china", "korea", "brazil", "mexico", "canada", "australia", "germany", "france", "italy",
               "spain", "ireland", "india", "thailand", "vietnam", "indonesia", "malaysia", "philippines", "singapore",
               # so are nationalities: "I'm not American" says where the creator is, not what they ask about
               "american", "british", "english", "scottish", "welsh", "irish", "canadian", "australian", "japanese",
               "chinese", "korean", "brazilian", "mexican", "german", "french", "italian", "spanish", "indian", "thai",
               "vietnamese", "indonesian", "malaysian", "filipino", "filipina", "singaporean", "european", "asian"}


@dataclass
class Assessment:
    """What the knowledge base offers for one question."""

    picked: list[Candidate] = field(default_factory=list)
    similarity: float = 0.0
    covered: bool = False
    reason: str = ""


def unknown_names(question: str, knows: Callable[[str], bool]) -> list[str]:
    """Capitalised names in the question that appear nowhere in the knowledge base (brands, apps, agencies)."""
    names = []
    found = [m.group(1) for m in STRONG_RE.finditer(question)] + [m.group(1) for m in PROPER_RE.finditer(question)]
    places = {m.group(1) for m in PLACE_RE.finditer(question)} | {m.group(1) for m in OWN_NAME_RE.finditer(question)}
    for name in dict.fromkeys(found):
        if any(name in place for place in places):  # "I live in Ho Chi Minh City", "my stage name 'Kiki Rae'"
            continue
        words = name.split()
        # a stop word in capitals is emphasis: "frozen AND a violation"
        if all(w.lower() in COMMON_CAPS or w.lower() in STOP or knows(w) for w in words):
            continue
        names.append(name)
    return names


def asks_for_figure(question: str) -> bool:
    """Whether the question wants a number, a date or an exact cut-off rather than how or whether."""
    return bool(FIGURE_RE.search(question))


def unknown_market(region: str, mentions: Callable[[str], int]) -> str:
    """A reason to escalate when the creator sells in (or asks about) a market the knowledge base
    barely mentions: rules differ by market, and another market's rule would be a wrong answer."""
    name = get_domain().market_names.get(region, "")
    if not name:
        return ""
    found = mentions(get_domain().alias_patterns[region])
    if found >= MIN_MARKET_CHUNKS:
        return ""
    where = f"only {found} passage{'s' if found > 1 else ''} mention{'s' if found == 1 else ''} it" if found else "it is never mentioned"
    return f"The knowledge base has no rules for creators in {name} ({where}); TikTok Shop rules differ by market."


def for_region_group(picked: list[Candidate], passages: list[Passage], region: str) -> bool:
    """Whether the best answering sentence states a rule for a grouping that holds the market ("(SEA)", "in
    Southeast Asia"), which holds in a market the knowledge base has no rules of its own for. A document
    tagged SEA is not enough (the Vietnam and Indonesia sample rules are), nor is a SEA aside next to a Thai rule."""
    best = max(picked, key=lambda c: c.score, default=None)
    return bool(best and names_group_of(f"{passages[best.passage].meta.get('section', '')} {best.text}", region))


def unknown_statement(cands: list[Candidate], question: str, also: list[Candidate]) -> Candidate | None:
    """A 'not published' sentence about the question: among the three closest matches, their
    neighbours, or the sentences the draft would quote (`also`)."""
    top = sorted(cands, key=lambda c: -c.similarity)[:3]
    near = [c for c in cands for t in top if c.passage == t.passage and abs(c.position - t.position) == 1]
    asked = content_words(question)
    for cand in top + near:
        if UNKNOWN_RE.search(cand.text) and content_words(cand.text) & asked:
            return cand
    # The draft's own sentences were chosen for this question already: a doubt among them counts when it
    # is about something the question names ("Sources disagree on how to buy" says nothing on a size limit).
    return next((cand for cand in also if UNKNOWN_RE.search(cand.text) and content_words(cand.text) & asked), None)


def assess(question: str, passages: list[Passage], embedder: Embedder, knows: Callable[[str], bool],
           threshold: float, budget: int, context: str = "", staff: bool = False,
           mentions: Callable[[str], int] | None = None, story: str = "", region: str = "") -> Assessment:
    """Pick the answering sentences and judge whether they really answer.

    A passage saying a figure is not published answers "can they take it back?" (no rule says so),
    but not "how many days exactly?": only a creator's request for a figure escalates. Staff get the
    'not published' sentence as their answer. `story` is the text around the question that the topic
    check reads for faults (a one-question message: "since the last app update ... how do I get it back?").
    """
    picked, similarity, cands = best_sentences(question, passages, embedder, budget, 0.3, context, staff, region)
    result = Assessment(picked, similarity)
    if not passages or similarity < threshold:
        result.reason = f"No passage is close enough (best {similarity:.2f}, threshold {threshold:.2f})."
        return result
    figure = asks_for_figure(question) and not staff
    said = unknown_statement(cands, question, picked if figure else [])
    if said and figure:
        result.reason = f"The knowledge base says this is not known: \"{said.text[:200]}\""
        return result
    if said and said not in picked:  # the reply must say what is not known
        result.picked = sorted([said, *picked[: MAX_PER_QUESTION - 1]], key=lambda c: c.position)
    names = unknown_names(question, knows)
    if names:
        result.reason = f"The knowledge base has nothing on {', '.join(repr(n) for n in names)}."
        return result
    result.reason = unknown_topic(question, mentions, story) if mentions else ""
    if result.reason:
        return result
    result.covered = True
    return result
