"""Citation check for both drafters: no invented markers, every cited sentence supported, numbers contiguous."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import prompts
from assistant.text import MARKER_RE, content_words, markers_inside, overlap, sentences, strip_markers
from assistant.types import Citation, Passage
from domain import get_domain

if TYPE_CHECKING:  # the model loads lazily; typing must not import it
    from vectorstore.embeddings import Embedder

# Courtesy lines that need no source; every other sentence must carry a citation or is flagged.
BOILERPLATE = re.compile(
    r"(?i)^(hi|hello|hey|dear|thanks|thank you|best|cheers|kind regards|regards|"
    r"for the rest of your question|hope this helps|let me know|feel free|"
    r"i want to make sure|they'll get back to you|happy to help)\b|^[^a-z]*$|^\w+,$"
)


@dataclass
class Checked:
    """A draft after the check, with its citations and what the rep must look at."""

    text: str
    citations: list[Citation]
    unsupported: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


def drop_invented(text: str, count: int) -> tuple[str, list[str]]:
    """Remove markers that point to no passage."""
    flags = []

    def keep(m: re.Match) -> str:
        n = int(m.group(1))
        if 1 <= n <= count:
            return m.group(0)
        flags.append(f"Invented citation [{n}] removed: only {count} passages were retrieved.")
        return ""

    return MARKER_RE.sub(keep, text), flags


@lru_cache(maxsize=1)
def holding_openings() -> tuple[str, ...]:
    """How the reply's own lines about the rest of a message open (up to their first placeholder): they say
    who answers it and cite nothing."""
    return tuple(prompts.load(name).split("{")[0].strip().lower() for name in ("holding_rest", "staff_holding_rest"))


def says_nothing(sentence: str) -> bool:
    """Greetings, the agency's sign-off and next-steps line (from the domain file), the reply's holding lines
    and questions state no fact to cite."""
    line, domain = sentence.strip(), get_domain()
    return (bool(BOILERPLATE.search(line)) or line.endswith("?") or line in domain.sign_off.splitlines()
            or line in sentences(domain.agency.next_steps) or line.lower().startswith(holding_openings()))


def support(sentence: str, passage: Passage, embedder: Embedder) -> float:
    """How well a passage backs a sentence: term overlap or embedding similarity, whichever is higher."""
    lexical = overlap(sentence, content_words(passage.text))
    vectors = embedder.embed([strip_markers(sentence), passage.text])
    return max(lexical, float(vectors[0] @ vectors[1]))


def best_quote(sentence_list: list[str], passage: Passage) -> str:
    """The passage sentence closest to what the draft cited, as the quote shown to the rep."""
    pool = sentences(passage.text) or [passage.text]
    words = set().union(*(content_words(s) for s in sentence_list)) if sentence_list else set()
    best = max(pool, key=lambda s: len(content_words(s) & words))
    return re.sub(r"(\*\*|__|`)", "", best).lstrip("-*> ").strip()[:400]


def claims(text: str) -> list[tuple[str, list[int], bool]]:
    """Each sentence with the citations it is checked against, and whether they are its own. An uncited
    sentence is checked against the next citation on its line: a marker ends a quote, and a quote may hold
    several sentences ("Yes. You can ask again [1].", "… the Shop Ads rate, e.g. 5% [2]."). Each sentence must
    still be backed by that passage on its own."""
    out: list[tuple[str, list[int], bool]] = []
    for line in text.split("\n"):
        run: list[str] = []
        for sentence in sentences(line):
            numbers = [int(n) for n in MARKER_RE.findall(sentence)]
            if not numbers:
                run.append(sentence)
                continue
            out += [(s, [] if says_nothing(s) else numbers, False) for s in run]
            out.append((sentence, numbers, True))
            run = []
        out += [(s, [], False) for s in run]  # nothing after them cites them
    return out


def renumber(text: str) -> tuple[str, dict[int, int]]:
    """Number citations 1..m in order of first use."""
    order: dict[int, int] = {}
    for m in MARKER_RE.finditer(text):
        order.setdefault(int(m.group(1)), len(order) + 1)
    return MARKER_RE.sub(lambda m: f"[{order[int(m.group(1))]}]", text), order


def check(text: str, passages: list[Passage], embedder: Embedder, min_support: float) -> Checked:
    """Check and renumber a draft's citations against the passages it was given."""
    text, flags = drop_invented(markers_inside(text), len(passages))
    text = re.sub(r"(\[\d+\])(\s*\1)+", r"\1", text)  # [1][1] -> [1]
    unsupported, cited_by = [], {}
    for sentence, numbers, own in claims(text):
        if not numbers:
            if not says_nothing(sentence):
                unsupported.append(sentence)
            continue
        if not content_words(strip_markers(sentence)):
            pass  # "No." before its cited reason, or a marker the splitter left alone: nothing to check
        elif max(support(sentence, passages[n - 1], embedder) for n in numbers) < min_support:
            unsupported.append(sentence)
        for n in numbers if own else []:
            cited_by.setdefault(n, []).append(strip_markers(sentence))
    text, order = renumber(text)
    citations = [make_citation(new, passages[old - 1], cited_by.get(old, [])) for old, new in order.items()]
    if unsupported:
        flags.append(f"{len(unsupported)} sentence(s) not supported by a cited passage: check before sending.")
    return Checked(text, sorted(citations, key=lambda c: c.n), unsupported, flags)


def make_citation(n: int, passage: Passage, cited: list[str]) -> Citation:
    """A Citation for the creator-facing reply."""
    return Citation(n=n, source=passage.source, title=passage.title, section=passage.section,
                    page=passage.page or None, score=round(passage.score, 4),
                    quote=best_quote(cited, passage), chunk_id=passage.chunk_id)
