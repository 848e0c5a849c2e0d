"""What the rep is told about a message beside the draft: its language, its market, and claims in it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from assistant.gloss import gloss
from assistant.language import Language, detect, holding_reply
from assistant.reasons import unreadable
from assistant.markets import markets_named
from assistant.types import Draft, RepWarning
from assistant.warnings import find_warnings, glossed_instructions, scrub

SCRUBBED = "A sentence repeating a claim from the message was removed from the draft."


@dataclass
class Precheck:
    """Read from the message before drafting: language, the market to use, and warnings."""

    language: Language
    region: str
    warnings: list[RepWarning] = field(default_factory=list)
    read: str = ""  # the message through its language's glossary, as the offline reader reads it ('' for English)


def precheck(message: str, region: str) -> Precheck:
    """Detect the language, infer the market from it where safe, and find claims and instructions, in a message
    in another language also through its glossary."""
    language = detect(message)
    found = find_warnings(message)
    read = gloss(message, language.code) if language.code != "en" else ""
    if read and not any(w.kind == "instruction" for w in found):
        found += glossed_instructions(message, read)
    return Precheck(language, region or language.market, found, read)


def language_escalation(check: Precheck, message: str, team: str, drafter: str, llm_problem: str = "",
                        matched: Sequence[str] = (), found: str = "", read: str = "") -> Draft:
    """A holding reply in the creator's language for a message in another language that nothing answered:
    `llm_problem` says why the LLM could not translate it, `found` why the offline reader found no answer (and
    `read` what it read); `matched` are the sections sharing its words."""
    from assistant.drafters import greeting, sign_off

    text = holding_reply(check.language, team) or (
        f"{greeting('')}\n\nThanks for reaching out. I've passed your question to our {team} team, who will "
        f"get back to you soon.\n\n{sign_off()}")
    draft = Draft(question=message, status="escalate", draft=text, citations=[], team=team, drafter=drafter,
                  reason=unreadable(check.language, llm_problem, matched, found, read), region=check.region)
    return finish(draft, check)


def guessed(draft: Draft, language: Language) -> bool:
    """An offline draft quoting English passages to a message in another language, found from what the English
    models could read of it: its figures, names and English terms, and its glossary's words."""
    return bool(draft.citations) and draft.drafter == "offline" and language.code != "en" and not language.english_part


def weakly_answered(questions: list[str], answerability: list[float], threshold: float, check_below: float,
                    staff: bool = False) -> str:
    """A notice for a draft the reader only just found answered, naming its weakest question; '' otherwise. A
    colleague's answer is not sent, so it is checked before it is relied on."""
    weakest = min(range(len(answerability)), key=answerability.__getitem__, default=None)
    if weakest is None or not threshold <= answerability[weakest] < check_below:
        return ""
    asked = f' for "{questions[weakest]}"' if len(questions) > 1 else ""
    return (f"The reader rated this answer weakly{asked} (answerability {answerability[weakest]:.2f}; drafts "
            f"escalate below {threshold:.2f}). Many drafts rated this low answer a question the knowledge base does "
            f"not: check each sentence against its source before {'relying on it' if staff else 'sending'}.")


def finish(draft: Draft, check: Precheck) -> Draft:
    """Attach the language and warnings, keep claims out of the draft, and flag an unknown market in a reply."""
    draft.language, draft.warnings = check.language.code, check.warnings
    if not draft.region and check.region:
        draft.region = check.region
    if check.warnings:
        draft.draft, removed = scrub(draft.draft, check.warnings)
        if removed:  # a removed sentence may have carried the only [n] of a citation
            draft.citations = [c for c in draft.citations if f"[{c.n}]" in draft.draft]
            draft.notices.append(SCRUBBED)
    if guessed(draft, check.language):
        draft.notices.append(f"The message looks {check.language.name}, and the offline drafter reads and writes "
                             "English only: it answered from what it could read of the message (its figures, names "
                             "and English terms, and the words its language's glossary knows). Check that the draft "
                             "answers what the creator asked, and translate it before sending.")
    named = set().union(*(markets_named(c.quote) for c in draft.citations), markets_named(draft.draft)) - {"SEA"}
    # a colleague's answer labels each market's rule in the text (assistant.judge.with_markets) and is not sent
    if not draft.region and named and draft.audience == "creator":
        draft.market_unknown = True
        draft.notices.append("The creator's market is unknown, and this answer depends on it (it names "
                             f"{', '.join(sorted(named))}). Pick the market and draft again before sending.")
    return draft
