"""Every reason a draft escalates, in plain words for the rep. Each is a small check that returns the
reason, or '' when it does not apply; the service collects them and changes nothing that retrieval found."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from assistant import versions
from assistant.figures import asks_for_figure, gives_figure
from assistant.language import HOLDING, Language, detect
from assistant.markets import markets_named
from assistant.scope import unknown_topic
from assistant.text import sentences
from assistant.types import Passage
from domain import get_domain

if TYPE_CHECKING:
    from assistant.judge import Verdict

# A market named in fewer passages than this has no rules of its own in the knowledge base: one or two
# passing mentions ("we also serve Malaysia") are not rules, and another market's rule would be wrong there.
MIN_MARKET_CHUNKS = 5


def market_without_rules(region: str, mentions: Callable[[str], int]) -> str:
    """The creator sells in (or asks about) a market the knowledge base barely mentions."""
    name = get_domain().market_names.get(region, "")
    if not name:
        return ""
    found = mentions(get_domain().passage_patterns[region])
    if found >= MIN_MARKET_CHUNKS:
        return ""
    where = f"only {found} passage{'s' if found > 1 else ''} mention{'s' if found == 1 else ''} it" if found else "it is never mentioned"
    return f"The knowledge base has no rules for creators in {name} ({where}); TikTok Shop rules differ by market."


def market_said(region: str, passages: list[Passage]) -> str:
    """What the first retrieved sentence naming a market without rules says of it, for the rep to weigh: the
    reader seldom rates "We do not onboard creators in Singapore" as an answer, yet it is one."""
    for passage in passages:
        for sentence in sentences(passage.text):
            if region in markets_named(sentence):
                return f' What it says of it ({passage.title or passage.source}): "{shortened(sentence)}"'
    return ""


def shortened(sentence: str, limit: int = 160) -> str:
    """A passage sentence as a reason quotes it: whole when short, else cut at a word with an ellipsis."""
    return sentence if len(sentence) <= limit else sentence[:limit - 3].rsplit(" ", 1)[0] + "…"


def nothing_found(chunks: int) -> str:
    """Search returned no passage at all: an empty knowledge base, or filters that leave nothing."""
    if chunks == 0:
        return "The knowledge base is empty: nothing has been ingested yet (run `python -m ingest` or upload documents)."
    return (f"Search found no passage this reply may quote: {chunks} chunks are indexed, but the filters "
            "(document type, market) or the audience (internal notes are not quoted to creators) leave none.")


def nothing_close(question: str, similarity: float) -> str:
    """No retrieved passage is even about the question: a knowledge base with nothing on the topic. The reader
    judges answers among relevant passages; asked about car brakes it still rates the least bad one."""
    return f'Nothing in the knowledge base is about "{question}": the closest passage is only {similarity:.2f} similar.'


def unanswered(question: str, verdict: Verdict, passages: list[Passage], threshold: float) -> str:
    """No sentence the reader read answers the question: say which, and the closest passage with its rating."""
    if verdict.covered:
        return ""
    other = f' For other markets it says "{shortened(verdict.elsewhere)}".' if verdict.elsewhere else ""
    if verdict.closest is None:
        where = " in this market" if other else ""
        return f'Nothing in the knowledge base is about "{question}"{where}.{other}{read_in_part(question)}'
    near = passages[verdict.closest.passage]
    where = near.title or near.source
    quote = shortened(verdict.closest.text)
    return (f'The knowledge base does not answer "{question}". The closest passage ({where}) says "{quote}", '
            f"and the reader rates the best answers it found {rated(verdict.best, threshold)} (it needs {threshold:.2f})."
            f"{other}{read_in_part(question)}")


def read_in_part(question: str) -> str:
    """For a question in another language, what the English-only reader could read of it; '' for English."""
    language = detect(question)
    return "" if language.readable else \
        f" It is in {language.name}: the reader reads only its figures, names and English terms."


def rated(score: float, threshold: float) -> str:
    """A rating as a reason prints it: with a third decimal when two would show it equal to the threshold."""
    return f"{score:.2f}" if f"{score:.2f}" != f"{threshold:.2f}" else f"{score:.3f}"


def not_in_effect_then(question: str, message: str, answering: list[Passage]) -> str:
    """The question asks what a rule was at an earlier time, and every passage that answers it is a version that
    did not hold then: today's rules are not an answer to a dispute about last year's."""
    if not answering or not versions.asks_for_old_rules(question, message):
        return ""
    period = versions.asked_period(message)
    if any(versions.in_effect(p, period) for p in answering):
        return ""
    when = "at an earlier time" if period is None else \
        period.text if period.text.lower().startswith(("before", "until", "prior")) else f"in {period.text}"
    found = "; ".join(list(dict.fromkeys(f"{p.title or p.source}, effective {p.effective or 'date not given'}"
                                         f"{'' if p.current else ', superseded'}" for p in answering))[:3])
    return (f'The message asks how the rules were {when}, and the knowledge base holds no version in effect then: '
            f"the passages that answer it ({found}) may not have applied. Check the rules of that time.")


def no_figure(question: str, answering: list[str]) -> str:
    """The question asks for a figure and no sentence the reader rates as an answer gives or denies one: the
    reader rates sentences on the topic, and only the answer's type tells a figure from talk about it."""
    if not asks_for_figure(question) or any(gives_figure(s) for s in answering):
        return ""
    return (f'The knowledge base does not answer "{question}": it asks for a figure, and none of the sentences the '
            f'reader rates as answers gives one (the best: "{shortened(answering[0])}").')


def outside_scope(question: str, mentions: Callable[[str], int], story: str = "", staff: bool = False) -> str:
    """The question is about a topic the domain file lists as out of scope and the knowledge base barely names.
    The reader rates such questions as it rates answerable ones (an app fault, a hacked account, another
    platform all share words with payout and showcase rules), so this data-driven rule stays. A colleague
    asking how to handle a creator's legal threat asks about process, which the reader judges alone."""
    return "" if staff else unknown_topic(question, mentions, story)


def partly_covered(missed: list[str], reasons: list[str]) -> str:
    """Some questions of the message are answered and some are not: each unanswered one is quoted once, by its
    reason where that names it, else here."""
    said = " ".join(dict.fromkeys(reasons))
    unnamed = [q for q in missed if f'"{q}"' not in said and f'"{shortened(q)}"' not in said]
    listed = ": " + "; ".join(f'"{q}"' for q in unnamed) if unnamed else ""
    return f"Part of the message is not answered{listed}. {said}".rstrip()


def unreadable(language: Language, llm_problem: str = "", matched: Sequence[str] = (), found: str = "",
               read: str = "") -> str:
    """A message in another language that nothing answered: the LLM failed to translate it (`llm_problem`), or
    the offline reader, which reads its figures, names, English terms and glossary words, found no answer (`found`:
    why, when it said; `read`: the message as its language's glossary gave it the reader, when that changed it).
    `matched` names the sections whose words the message shares, a start for a rep answering it."""
    written = "A holding reply in " + language.name + " is drafted" if language.code in HOLDING else \
        "The holding reply is in English; translate it before sending"
    why = f"The LLM's translation failed ({llm_problem.rstrip('.')}), so it was not answered from the knowledge base." \
        if llm_problem else (f"The offline drafter reads English only. {found}" if found else "The offline drafter reads "
                             "English only, and the reader found no answer to the figures, names and English terms in it.")
    if read and not llm_problem:
        why += f" The glossary gave the reader the message as: \u201c{read}\u201d."
    found_words = "; ".join(f"\u201c{m}\u201d" for m in matched)
    lead = f" Sections sharing its words, not read as answers: {found_words}." if found_words else ""
    return f"The message is in {language.name}. {why} {written}; answer the question yourself or pass it to the team.{lead}"


def no_citation() -> str:
    """The draft kept no sentence a rep could check against a source."""
    return "The draft has no citation a rep could check."


def llm_found_nothing(questions: list[str], ratings: list[float], covered: list[bool]) -> str:
    """The LLM found no answer; where the reader found one, the rep sees both verdicts."""
    rated = ", ".join(f'"{q}" ({r:.2f})' for q, r, ok in zip(questions, ratings, covered) if ok)
    return ("The LLM found no answer in the passages, but the reader rates them as answering "
            f"{rated}: check the sources before escalating.") if rated else "The LLM found no answer in the passages."


def not_covered_at_all(reasons: list[str]) -> str:
    """Nothing in the message is answered: the reasons found, or a plain default."""
    return " ".join(dict.fromkeys(reasons)) or "The knowledge base does not cover this."
