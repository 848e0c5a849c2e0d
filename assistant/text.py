"""Small text tools shared by the drafters and the citation check: sentences and content words."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MARKER_RE = re.compile(r"\[(\d{1,3})\]")
SENTENCE_RE = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9\"'(\[])")
WORD_RE = re.compile(r"[a-z0-9][a-z0-9$%.,'/-]*[a-z0-9%]|[a-z0-9]")
STOP = frozenset("""a an and are as at be been being but by can could did do does doing for from had has have
having he her hers him his how i if in into is it its just me my no nor not of on or our ours out over own same
she should so some such than that the their theirs them then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your yours also get got
im i'm dont don't cant can't pls please hi hello hey thanks thank any about""".split())


@lru_cache(maxsize=1)
def stemmer() -> object:
    """The Snowball English stemmer (also used by the keyword index)."""
    import Stemmer

    return Stemmer.Stemmer("english")


def content_words(text: str) -> set[str]:
    """Stemmed words that carry meaning: no stop words, no citation markers."""
    words = [w.strip(".,'") for w in WORD_RE.findall(MARKER_RE.sub(" ", text.lower()))]
    return set(stemmer().stemWords([w for w in words if w and w not in STOP]))


def overlap(needle: str, haystack_words: set[str]) -> float:
    """Share of the needle's content words that the haystack has."""
    words = content_words(needle)
    return len(words & haystack_words) / len(words) if words else 0.0


def sentences(text: str) -> list[str]:
    """Split prose into sentences, treating each line as a break too."""
    out = []
    for line in text.split("\n"):
        out += [s.strip() for s in SENTENCE_RE.split(line) if s.strip()]
    return out


def strip_markers(text: str) -> str:
    """A sentence without its [n] markers."""
    return re.sub(r"\s*\[\d{1,3}\]", "", text).strip()


TRAILING_MARKERS = re.compile(r"([.!?])((?:\s*\[\d{1,3}\])+)")
LIST_START = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")


def markers_inside(text: str) -> str:
    """'Fact. [1] Next' becomes 'Fact [1]. Next', so a marker stays with its sentence."""
    return TRAILING_MARKERS.sub(lambda m: m.group(2) + m.group(1), text)


def reflow(text: str) -> str:
    """Join hard-wrapped lines into paragraphs; list items and table rows stay separate lines."""
    out: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        joinable = (out and stripped and out[-1] and not LIST_START.match(line) and "|" not in stripped
                    and "|" not in out[-1] and out[-1][-1] not in ".:!?" and not stripped[0].isupper())
        if joinable:
            out[-1] = f"{out[-1]} {stripped}"
        else:
            out.append(stripped)
    return "\n".join(out)


# Letters of Cyrillic and Greek that look like Latin ones (Unicode TR39 confusables): "іgnore" with a Cyrillic і
# reads as "ignore" to a person and must to the checks, or an instruction slips past them.
CONFUSABLE = str.maketrans("аеорсухіјѕԁһӏԛԝАВЕКМНОРСТХІЈЅοινΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
                           "aeopcyxijsdhlqwABEKMHOPCTXIJSoivABEZHIKMNOPTYX")
LATIN = re.compile(r"[A-Za-z]")
# Fullwidth forms and mathematical letters ("ｉｇｎｏｒｅ", "𝐢𝐠𝐧𝐨𝐫𝐞"): NFKC reads them as plain ones. Only these, since NFKC
# on a whole message would also split Thai's SARA AM.
STYLED = re.compile("[\uff01-\uff5e\U0001d400-\U0001d7ff]")


def unconfused(text: str) -> str:
    """The message as a person reads it: fullwidth and styled letters as plain ones, and a word that mixes Latin
    letters with look-alikes from other scripts as the Latin word it imitates. Words wholly in another script are
    left as they are."""
    text = STYLED.sub(lambda char: unicodedata.normalize("NFKC", char.group(0)), text)
    return re.sub(r"\w+", lambda word: word.group(0).translate(CONFUSABLE) if LATIN.search(word.group(0))
                  else word.group(0), text)
