"""A message in a language other than the English the embedder and the reader read.

With an LLM, the question is translated into English and retrieved, drafted and citation-checked like an
English one; the checked reply is then translated into the creator's language with exactly its citation markers.
The check runs on the English draft because it compares each sentence with its passage by shared words and by
the English embedder's similarity, and neither can judge a Vietnamese sentence against an English passage.
Without one, the message is read through its language's word glossary, and an answer is drafted in English
for the rep to translate.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import prompts
from assistant.drafters import Drafter, LLMDrafter, chunk_text, describe_failure, escape, neutralise
from assistant.errors import LLMError
from assistant.language import SURE, Language, detect, holding_reply
from assistant.pii import redact, restore
from assistant.rep_checks import Precheck, finish, language_escalation
from assistant.text import MARKER_RE
from assistant.types import Draft

UNESCAPE = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&amp;", "&"))  # escape()'s, undone in this order


@dataclass
class Translator:
    """Translates with the drafter's own chat model, hiding personal data from a hosted one."""

    model: Any
    redact_pii: bool

    @classmethod
    def of(cls, drafter: Drafter) -> Translator | None:
        """The translator of an LLM drafter; None for the offline drafter, which cannot translate."""
        return cls(drafter.model, drafter.redact_pii) if isinstance(drafter, LLMDrafter) else None

    def to_english(self, message: str, language: Language, region: str) -> str:
        """The creator's message in English, for retrieval and the drafter."""
        english = self._translate("translate_question", "message", message, language, region)
        if not detect(english).readable:
            raise LLMError(f"The LLM did not translate the message from {language.name} into English.")
        return english

    def to_language(self, reply: str, language: Language, region: str) -> str:
        """A checked English reply in the creator's language, with exactly the same citation markers."""
        text = self._translate("translate_reply", "reply", reply, language, region)
        if Counter(MARKER_RE.findall(text)) != Counter(MARKER_RE.findall(reply)):
            raise LLMError("The LLM's translation of the reply changed its citation markers.")
        found = detect(MARKER_RE.sub("", text))
        if found.code == "en" and found.confidence >= SURE:
            raise LLMError(f"The LLM did not translate the reply into {language.name}.")
        return text

    def _translate(self, template: str, field: str, text: str, language: Language, region: str) -> str:
        """One model call: the template with the text as delimited data; personal data restored after."""
        from langchain_core.messages import HumanMessage

        mapping: dict[str, str] = {}
        if self.redact_pii:
            red = redact(text, region or "US")
            text, mapping = red.text, red.mapping
        prompt = prompts.render(template, language=language.name, **{field: escape(text)})
        try:
            out = "".join(chunk_text(chunk) for chunk in self.model.stream([HumanMessage(prompt)])).strip()
        except Exception as err:  # provider SDKs raise many types; all become one safe message
            raise LLMError(describe_failure(err)) from None
        for escaped, plain in UNESCAPE:
            out = out.replace(escaped, plain)
        if not out:
            raise LLMError("The LLM returned an empty translation.")
        return restore(out, mapping)


def other_language(check: Precheck, message: str, drafter: Drafter, team: str,
                   draft_english: Callable[[str], Iterator[str | Draft]],
                   matched: Callable[[], list[str]] = list) -> Iterator[Draft]:
    """The finished Draft for a message in another language. An LLM translates it, and the answer drafted in
    English is translated back. Without one, the reader judges the message itself: the figures, names and
    English terms in it carry much of its meaning, and its language's glossary gives the English of the words
    creators use (assistant.gloss), so an answer it finds is drafted in English for the rep to translate. When
    nothing is answered (or the LLM fails) the creator gets a holding reply in their language;
    `matched` finds the sections sharing the message's words, for the rep, only then."""
    translator = Translator.of(drafter)
    if translator is None:
        read = check.read or message
        glossed = read if read != message else ""  # what the rep is shown the reader read, when it differs
        draft = next(part for part in draft_english(read) if isinstance(part, Draft))
        if draft.citations:
            draft.question = message
            if glossed:
                draft.notices.append(f"Read word by word through the {check.language.name} glossary as: “{glossed}”")
            yield finish(draft, check)
        else:
            yield language_escalation(check, message, draft.team or team, drafter.label, matched=matched(),
                                      found=draft.reason, read=glossed)
        return
    language, region = check.language, check.region
    try:
        english = translator.to_english(message, language, region)
        # English deltas are not streamed to the rep: the reply they get is the translation.
        draft = next(part for part in draft_english(english) if isinstance(part, Draft))
        checked, notices = draft.draft, [f"The LLM translated the message from {language.name}; it was searched "
                                         f"as: “{english}”"]
        if draft.status == "escalate" and not draft.citations and holding_reply(language, draft.team):
            draft.draft = holding_reply(language, draft.team)  # written with care, not machine-translated
        else:
            draft.draft, flags = neutralise(translator.to_language(checked, language, draft.region or region))
            draft.flags += flags
            notices.append(f"The reply was drafted and its citations checked in English, then translated: “{checked}”")
    except LLMError as err:
        yield language_escalation(check, message, team, drafter.label, str(err), matched())
        return
    draft.question, draft.notices = message, draft.notices + notices
    yield finish(draft, check)
