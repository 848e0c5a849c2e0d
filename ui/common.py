"""Safe rendering helpers shared by the pages: inert markdown, and the parts of a Draft."""
from __future__ import annotations

import re
from typing import NoReturn

import streamlit as st

from assistant.drafters import agency_name
from assistant.types import Citation, Draft, RepNote
from ui.nav import page

IMAGE_OPEN_RE = re.compile(r"!\[")
LINK_CLOSE_RE = re.compile(r"(\\*)\]\(\s*([^)\s]*)")
REF_DEF_RE = re.compile(r"(?m)^( {0,3})\[(?=[^\]\n]*\]:)")
DOLLAR_RE = re.compile(r"(\\*)\$")
SAFE_SCHEMES = ("http://", "https://")
OFFLINE_LABEL = "Offline drafter — built from retrieved passages, no LLM"


SCORE_RE = re.compile(r"\s*\((?:best|similarity|score)[^)]*\d\.\d+[^)]*\)")
PLAIN = {"No passage is close enough.": "Nothing in the knowledge base is close enough to this question to answer it."}
NOTE_CUT = 600  # assistant.retrieval quotes a note's first 600 characters


def plain_reason(reason: str) -> str:
    """An escalation reason without scores and thresholds ("best 0.29, threshold 0.30")."""
    text = SCORE_RE.sub("", reason)
    for engineer, plain in PLAIN.items():
        text = text.replace(engineer, plain)
    return text.strip()


def whole_words(text: str) -> str:
    """A quote that was cut at a fixed length, cut back to its last whole word instead."""
    if len(text) < NOTE_CUT or not text[-1:].isalnum():
        return text
    head = text.rsplit(None, 1)[0] if " " in text else text
    return head.rstrip(",;:") + " …"


def reply_height(text: str, width: int = 90) -> int:
    """Pixels for a reply box that shows the whole draft: its lines, long ones wrapped at about `width`."""
    lines = sum(max(1, -(-len(line) // width)) for line in text.splitlines() or [""])
    return max(120, min(900, 26 * lines + 40))


def render_warnings(draft: Draft) -> None:
    """Instructions and claims found in the message, quoted, above everything else: one box per kind of warning,
    so an attack written over several sentences reads as one alarm, not a wall of them."""
    groups: dict[tuple[str, str], list[str]] = {}
    for warning in draft.warnings:
        groups.setdefault((warning.kind, warning.message), []).append(warning.quote)
    for (kind, message), quotes in groups.items():
        title = "Instruction aimed at the assistant" if kind == "instruction" else "Unsupported claim"
        quoted = [f"“{safe_markdown(q)}”" for q in quotes]
        body = quoted[0] if len(quoted) == 1 else "\n" + "\n".join(f"- {q}" for q in quoted) + "\n\n"
        st.error(f"**{title}:** {body}  \n{safe_markdown(message)}", icon=":material/gpp_maybe:")


def safe_markdown(text: object) -> str:
    """Markdown that cannot render HTML, fetch images, or carry non-http(s) links; they show as inert text."""
    text = str(text).replace("<", "&lt;").replace(">", "&gt;")
    text = IMAGE_OPEN_RE.sub(r"!\\[", text)  # '!\[' never opens an image, so nothing is fetched
    text = LINK_CLOSE_RE.sub(_defuse_link, text)
    text = REF_DEF_RE.sub(r"\1\\[", text)  # reference definitions could point anywhere; show them as text
    return DOLLAR_RE.sub(_escape_dollar, text)  # "$5 ... $10" would otherwise render as LaTeX


def _escape_dollar(match: re.Match) -> str:
    """Escape a '$' unless an odd number of backslashes already does: in '\\\\$' the backslash is the one
    escaped, and the '$' would still open LaTeX."""
    slashes = match.group(1)
    return match.group(0) if len(slashes) % 2 == 1 else slashes + "\\$"


def _defuse_link(match: re.Match) -> str:
    """Escape the ']' of a link whose target is not http(s), unless that ']' is already escaped."""
    slashes, target = match.group(1), match.group(2)
    if target.lower().startswith(SAFE_SCHEMES) or len(slashes) % 2 == 1:
        return match.group(0)
    return match.group(0).replace("](", "\\](", 1)


def fail(message: str) -> NoReturn:
    """Show a plain error and stop this run."""
    st.error(message)
    st.stop()
    raise AssertionError("unreachable")  # st.stop() raises; this keeps type checkers honest


def drafter_label(drafter: str) -> str:
    """How the rep is told what wrote the draft."""
    if not drafter or drafter.startswith("offline"):
        return OFFLINE_LABEL
    return f"Drafted by {drafter.removeprefix('llm:')} — an AI draft; check it before sending"


def page_text(page: int | None) -> str:
    """', page 3' for PDFs, nothing otherwise."""
    return f", page {page}" if page else ""


def render_status(draft: Draft) -> None:
    """The answered/escalate badge, reason, owning team and drafter."""
    if draft.status == "answered":
        st.badge("Answered", icon=":material/check_circle:", color="green")
    else:
        st.badge("Escalate", icon=":material/priority_high:", color="orange")
        team = f" **Owning team:** {safe_markdown(draft.team)}" if draft.team else ""
        st.markdown(f"**Reason:** {safe_markdown(plain_reason(draft.reason))}{team}")
    st.caption(safe_markdown(drafter_label(draft.drafter)))


def render_checks(draft: Draft) -> None:
    """Unsupported sentences, conflicts between sources, and notices for the rep."""
    if draft.unsupported:
        lines = "\n".join(f"- ⚠️ {safe_markdown(' '.join(s.split()))}" for s in draft.unsupported)
        st.warning(f"**Not supported by the cited passage** — check or remove before sending:\n{lines}")
    for conflict in draft.conflicts:
        st.warning(safe_markdown(conflict), icon=":material/compare_arrows:")
    for notice in draft.notices:
        st.info(safe_markdown(notice))
    for flag in draft.flags:
        st.caption(f"⚑ {safe_markdown(flag)}")


def render_citation(citation: Citation) -> None:
    """One numbered source: title, section, page, the quoted passage as plain text, and a link to read it."""
    where = safe_markdown(citation.section or "Introduction") + page_text(citation.page)
    st.markdown(f"**[{citation.n}] {safe_markdown(citation.title)}**  \n{where} · {safe_markdown(citation.source)}")
    st.text(citation.quote)
    params = {"doc": citation.source, "chunk": citation.chunk_id} if citation.chunk_id else {"doc": citation.source}
    st.page_link(page("learn"), label="Open document", icon=":material/open_in_new:", query_params=params)


def render_sources(draft: Draft, key: str) -> None:
    """The Sources panel: every [n] in the draft with its passage."""
    with st.container(border=True, key=f"sources_{key}"):
        st.markdown("**Sources**")
        if not draft.citations:
            st.caption("No sources: this draft cites nothing.")
        for citation in draft.citations:
            render_citation(citation)


def render_notes(notes: list[RepNote], key: str, expanded: bool = False) -> None:
    """Internal passages for the rep, apart from the reply and clearly marked."""
    if not notes:
        return
    with st.expander(f"Notes for the rep ({len(notes)}) — internal, do not send", expanded=expanded,
                     icon=":material/lock:"):
        st.caption(f"Guidance for reps: {agency_name()} process notes and the rep sections of policy pages. "
                   "Never paste this to a creator.")
        for note in notes:
            st.markdown(f"**{safe_markdown(note.title)}** — {safe_markdown(note.section)}")
            st.markdown(safe_markdown(whole_words(note.quote)))
