"""Draft page (reps): paste a creator's message, get a cited draft, edit it, log the reply, give feedback."""
from __future__ import annotations

import sqlite3
from dataclasses import asdict

import streamlit as st

from assistant.activity import DraftEntry, make_draft_key
from assistant.creator_market import MARKETS
from assistant.types import Draft
from ui.auth import rep_name
from ui.common import (render_checks, render_notes, render_sources, render_status, render_warnings, reply_height,
                       safe_markdown)
from ui.conversations import Conversation, active, bind, conversations, new_conversation, switch_to
from ui.resources import SERVICE_ERRORS, WARMING, get_activity_log, get_assistant, start_warmup

REGIONS = ["auto", *MARKETS]


def region_name(code: str) -> str:
    """'United States (US)'; 'auto' is the message's own market, if it names one."""
    return "Not given (from the message)" if code == "auto" else f"{MARKETS.get(code, code)} ({code})"


def sidebar(convs: dict[str, Conversation], shown: str) -> None:
    """The list of open conversations and the New conversation button."""
    with st.sidebar:
        st.markdown("**Conversations**")
        for conv in convs.values():
            st.button(safe_markdown(conv.label), key=f"open_{conv.id}", on_click=switch_to, args=(conv.id,),
                      type="primary" if conv.id == shown else "secondary", width="stretch")
        st.button("New conversation", icon=":material/add:", on_click=new_conversation, key="new_conversation")


def entry(conv: Conversation, final_text: str | None = None) -> DraftEntry:
    """The activity-log row for a conversation's current draft."""
    draft = conv.draft
    assert draft is not None
    cites = [{k: v for k, v in asdict(c).items() if k != "quote"} for c in draft.citations]
    return DraftEntry(draft_key=conv.draft_key, status=draft.status, question=draft.question, draft_text=draft.draft,
                      rep=rep_name(), creator_handle=conv.handle.strip(), region=draft.region, topic=draft.topic,
                      team=draft.team, reason=draft.reason, drafter=draft.drafter, final_text=final_text,
                      citations=cites, thumbs=conv.thumbs, feedback_reason=conv.feedback_reason)


def save(conv: Conversation, final_text: str | None = None) -> bool:
    """Write the draft's row; on a database failure warn and keep everything on screen."""
    try:
        get_activity_log().log_draft(entry(conv, final_text))
        return True
    except sqlite3.Error as err:
        st.warning(f"Could not write to the activity log ({err}). Your draft is still here; try again.")
        return False


def stream_draft(conv: Conversation) -> Draft | None:
    """Run the assistant, showing LLM text as plain text while it streams; None after an error."""
    assistant, box, shown, result = get_assistant(), st.empty(), "", None
    region = "" if conv.region == "auto" else conv.region
    try:
        with st.spinner("Drafting…"):
            for part in assistant.ask_stream(conv.message, region=region, handle=conv.handle.strip()):
                if isinstance(part, Draft):
                    result = part
                else:
                    shown += str(part)
                    box.text(shown)  # plain text: model output is never rendered as markdown while it streams
    except SERVICE_ERRORS as err:
        st.error(str(err))
        return None
    finally:
        box.empty()
    return result


def make_draft(conv: Conversation) -> None:
    """Draft button: validate, draft, and log the new draft (final text comes with Log reply)."""
    if not conv.message.strip():
        st.warning("Paste the creator's message first.")
        return
    draft = stream_draft(conv)
    if draft is None:
        return
    conv.draft, conv.draft_key, conv.edited = draft, make_draft_key(conv.id, draft.draft), draft.draft
    conv.logged, conv.thumbs, conv.feedback_reason = False, None, ""
    save(conv)


def inputs(conv: Conversation) -> None:
    """Message, handle and market, each stored in the conversation's own keys as it changes."""
    # The value each widget returns in this run is what the browser shows for this conversation: stored too.
    conv.message = st.text_area("Creator message", height=180, placeholder="Paste the creator's message here",
                                **bind(conv, "message"))
    left, right = st.columns([2, 1])
    conv.handle = left.text_input("Creator handle (optional)", **bind(conv, "handle"))
    conv.region = right.selectbox("Market", REGIONS, format_func=region_name, help="Not given: taken from the "
                                  "message if it names one, else the draft says which markets its answer covers",
                                  **bind(conv, "region"))


def pick_market(conv_id: str, widget: str) -> None:
    """on_change of the market prompt beside the badge: the conversation's market menu follows it."""
    conv = conversations()[conv_id]
    conv.region = st.session_state[widget]
    if conv.id == active().id:  # the market menu is shared by every conversation and shows the active one's
        st.session_state[conv.key("region")] = conv.region


def market_prompt(conv: Conversation) -> None:
    """Beside the badge when the answer depends on a market the message does not give."""
    widget = f"pickmarket_{conv.id}_{conv.draft_key}"
    st.selectbox("Which market is the creator in?", list(MARKETS), index=None, key=widget, format_func=region_name,
                 placeholder="Pick the market, then Draft again", on_change=pick_market, args=(conv.id, widget))


def actions(conv: Conversation) -> None:
    """Copy, Log reply, and thumbs with a reason."""
    with st.expander("Copy the final text", icon=":material/content_copy:"):
        st.code(conv.edited, language=None, wrap_lines=True)  # st.code has a copy-to-clipboard button
    if st.button("Log reply", key=f"log_{conv.id}_{conv.draft_key}", icon=":material/save:"):
        conv.logged = save(conv, final_text=conv.edited) or conv.logged
    if conv.logged:
        st.success("Reply logged.")
    conv.thumbs = st.feedback("thumbs", key=thumbs_key(conv))
    conv.feedback_reason = st.text_input("Why? (optional)", key=reason_key(conv))
    if st.button("Send feedback", key=f"fb_{conv.id}_{conv.draft_key}", disabled=conv.thumbs is None):
        if save(conv):
            st.toast("Thanks — feedback saved.")


def thumbs_key(conv: Conversation) -> str:
    """The thumbs widget, seeded from the conversation when Streamlit has forgotten it."""
    return seeded(conv.key("thumbs"), conv.thumbs)


def reason_key(conv: Conversation) -> str:
    """The feedback-reason widget, seeded likewise."""
    return seeded(conv.key("fbreason"), conv.feedback_reason)


def seeded(key: str, value: object) -> str:
    """A widget key whose state is set from `value` when missing."""
    if key not in st.session_state:
        st.session_state[key] = value
    return key


def result(conv: Conversation) -> None:
    """The draft: warnings, status, checks, editable reply, actions, sources and internal notes."""
    draft = conv.draft
    assert draft is not None
    left, right = st.columns([3, 2], gap="large")
    with left:
        render_warnings(draft)
        badge, market = st.columns([1, 1]) if draft.market_unknown else (st.container(), None)
        with badge:
            render_status(draft)
        if market is not None:
            with market:
                market_prompt(conv)
        render_checks(draft)
        conv.edited = st.text_area("Reply to the creator (edit before sending)", height=reply_height(conv.edited),
                                   **bind(conv, "edited"))
        actions(conv)
    with right:
        render_sources(draft, conv.id)
        render_notes(draft.rep_notes, conv.id)


def render() -> None:
    """The Draft page."""
    convs, conv = conversations(), active()
    sidebar(convs, conv.id)
    st.title("Draft a reply")
    if not start_warmup():
        st.caption(f":material/hourglass_top: {WARMING} You can paste a message meanwhile.")
    inputs(conv)
    if st.button("Draft", type="primary", key=f"draft_{conv.id}", icon=":material/auto_awesome:"):
        make_draft(conv)
    if conv.draft is not None:
        result(conv)


if __name__ == "__main__":  # st.navigation runs this file as the page script
    render()
