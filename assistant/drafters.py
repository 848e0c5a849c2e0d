"""Two drafters behind one interface: the offline sentence picker and an LLM through LangChain."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Protocol

import prompts
from assistant.errors import LLMError
from assistant.intake import Intake
from assistant.offline import Candidate
from assistant.pii import redact, restore
from assistant.types import Passage
from domain import get_domain

ANSWER_BUDGET = 1000  # characters of quoted policy across all questions; keeps drafts near 1,200
# A colleague's answer has no greeting, next-steps line or sign-off, so the room they take holds more answer:
# about 1,200 characters in all. Fixed, so that an agency's shorter closing lines do not shorten it.
STAFF_BUDGET = 1160


def sign_off() -> str:
    """The reply's closing lines, with the agency's name from the domain file."""
    return get_domain().sign_off


def next_steps() -> str:
    """The line before the sign-off of an answered reply, from the domain file."""
    return get_domain().agency.next_steps


def agency_name() -> str:
    """The agency's name, from the domain file."""
    return get_domain().agency.name


@dataclass
class DraftRequest:
    """What a drafter gets: the parsed message and, per question, its numbered passages."""

    intake: Intake
    passages: list[Passage]  # creator-safe only, numbered 1..n in this order
    per_question: list[list[int]]  # passage indexes per question
    covered: list[bool]
    picked: list[list[Candidate]] = field(default_factory=list)  # answering sentences per question
    holding: str = ""  # sentence for questions the knowledge base does not cover
    staff: bool = False  # the reader is a colleague: no greeting or sign-off
    notices: list[str] = field(default_factory=list)


class Drafter(Protocol):
    """Yields text deltas; the joined text is the draft with [n] markers."""

    label: str

    def draft(self, request: DraftRequest) -> Iterator[str]: ...


def greeting(name: str) -> str:
    """'Hi Maya,' or 'Hi there,'."""
    return f"Hi {name}," if name else "Hi there,"


class OfflineDrafter:
    """Builds the reply from retrieved sentences, each cited; it never invents text."""

    label = "offline"

    def draft(self, request: DraftRequest) -> Iterator[str]:
        """One paragraph per covered question, then the template's next steps and sign-off."""
        paragraphs, used = [], set()
        for q, ok in enumerate(request.covered):
            if ok:
                numbers = request.per_question[q]
                fresh = [c for c in request.picked[q] if c.text not in used]  # two questions, one fact: say it once
                used.update(c.text for c in fresh)
                paragraphs.append(" ".join(cite(c.text, numbers[c.passage] + 1) for c in fresh))
        answer = "\n\n".join(p for p in paragraphs if p)
        if request.staff:
            yield prompts.render("staff_answer", answer=answer, next_steps=request.holding)
            return
        yield prompts.render("offline_reply", greeting=greeting(request.intake.creator_name), answer=answer,
                             next_steps=request.holding or next_steps(), sign_off=sign_off())


def cite(sentence: str, n: int) -> str:
    """'Fact [n].': the marker inside the sentence's full stop."""
    body = sentence.rstrip()
    first = body.split(maxsplit=1)[0]
    if first[:1].islower() and first[1:] == first[1:].lower():  # a list item quoted alone; "iPhone" stays
        body = body[:1].upper() + body[1:]
    end = body[-1] if body[-1] in ".!?" else "."
    return f"{body.rstrip('.!?:;')} [{n}]{end}"


def format_passages(passages: list[Passage]) -> str:
    """Passages as delimited data; angle brackets escaped so no text can close the tags."""
    out = []
    for n, p in enumerate(passages, start=1):
        title, section = escape(p.title), escape(p.section)
        out.append(f'<passage n="{n}" title="{title}" section="{section}">\n{escape(p.text)}\n</passage>')
    return "\n".join(out)


def escape(text: str) -> str:
    """Escape what could close or forge a tag or an attribute."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def chunk_text(chunk: Any) -> str:
    """The text of one streamed chunk, whether the provider sends a string or a list of parts."""
    if isinstance(chunk.content, str):
        return chunk.content
    return "".join(part.get("text", "") for part in chunk.content if isinstance(part, dict))


class LLMDrafter:
    """Streams a reply from a LangChain chat model; the rules live in prompts/."""

    def __init__(self, model: Any, label: str, redact_pii: bool):
        self.model, self.label, self.redact_pii = model, label, redact_pii

    def messages(self, request: DraftRequest) -> tuple[list[Any], dict[str, str]]:
        """System and user messages, with personal data swapped for tokens when asked."""
        from langchain_core.messages import HumanMessage, SystemMessage

        message, mapping = request.intake.text, {}
        if self.redact_pii:
            red = redact(message, request.intake.region or "US")
            message, mapping = red.text, red.mapping
        message = escape(message)
        user = prompts.render("llm_user", passages=format_passages(request.passages), message=message,
                              creator_name=request.intake.creator_name or "unknown",
                              region=request.intake.region or "unknown")
        system = prompts.render("llm_system", no_answer=prompts.NO_ANSWER, agency=get_domain().agency.name)
        return [SystemMessage(system), HumanMessage(user)], mapping

    def draft(self, request: DraftRequest) -> Iterator[str]:
        """Token deltas from the model, with redacted values restored for the rep."""
        messages, mapping = self.messages(request)
        held = ""  # text after an unclosed "[": a token like [EMAIL_1] may arrive in pieces
        try:
            for chunk in self.model.stream(messages):
                ready, held = split_open_token(held + chunk_text(chunk))
                if ready:
                    yield restore(ready, mapping)
        except Exception as err:  # provider SDKs raise many types; all become one safe message
            raise LLMError(describe_failure(err)) from None
        if held:
            yield restore(held, mapping)


def split_open_token(text: str) -> tuple[str, str]:
    """Text safe to show now, and the tail from a still-open '[' (at most 24 characters) to hold back."""
    start = text.rfind("[")
    if start == -1 or "]" in text[start:] or len(text) - start > 24:
        return text, ""
    return text[:start], text[start:]


def describe_failure(err: Exception) -> str:
    """A rep-readable reason for an LLM failure that never includes keys, headers or the prompt."""
    status = getattr(err, "status_code", None) or getattr(getattr(err, "response", None), "status_code", None)
    name = err.__class__.__name__
    if status == 429 or "RateLimit" in name:
        return "The LLM provider is rate-limiting requests (429). Try again in a minute."
    if "Timeout" in name:
        return "The LLM provider did not answer in time."
    if status and int(status) >= 500:
        return f"The LLM provider had a server error ({status})."
    if status in (401, 403) or "Authentication" in name:
        return "The LLM provider refused the API key (check CREATOR_DESK_LLM_API_KEY)."
    if "Connection" in name:
        return "The LLM provider could not be reached."
    return f"The LLM call failed ({name})."


IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
HTML_RE = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
BAD_LINK_RE = re.compile(r"\[([^\]]*)\]\(\s*(?:javascript|data|vbscript|file):[^)]*\)", re.I)


def neutralise(text: str) -> tuple[str, list[str]]:
    """Strip images, raw HTML and script links from model output, saying what was removed."""
    flags = []
    for pattern, label, repl in ((IMAGE_RE, "image", ""), (BAD_LINK_RE, "script link", r"\1"), (HTML_RE, "HTML tag", "")):
        text, n = pattern.subn(repl, text)
        if n:
            flags.append(f"Removed {n} {label}(s) from the model's output.")
    return text, flags
