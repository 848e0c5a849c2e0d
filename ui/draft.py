"""Draft page (reps): paste a creator's message, get a cited draft, edit it, log the reply, give feedback."""
from __future__ import annotations

import sqlite3
from dataclasses import asdict

import streamlit as st

from assistant.activity import DraftEntry, make_draft_key
from assistant.errors import AssistantError
from assistant.intake import MARKETS
from assistant.types import Draft
from ui.common import render_checks, render_notes, render_sources, render_status, safe_markdown
from ui.conversations import Conversation, bind, conversations, new_conversation, switch_to
from vectorstore.errors import StoreError

REGIONS = ["auto", *MARKETS]


def sidebar(convs: dict[str, Conversation], active: str) -> None:
    """The list of open conversations and the New conversation button."""
    with st.sidebar:
        st.markdown("**Conversations**")
        for conv in convs.values():
            st.button(safe_markdown(conv.label), key=f"open_{conv.id}", on_click=switch_to, args=(conv.id,),
                      type="primary" if conv.id == active else "secondary", width="stretch")
        st.button("New conversation", icon=":material/add:", on_click=new_conversation, key="new_conversation")


def entry(conv: Conversation, final_text: str | None = None) -> DraftEntry:
    """The activity-log row for a conversation's current draft."""
    from ui import rep_name

    draft = conv.draft
    assert draft is not None
    cites = [{k: v for k, v in asdict(c).items() if k != "quote"} for c in draft.citations]
    return DraftEntry(draft_key=conv.draft_key, status=draft.status, question=draft.question, draft_text=draft.draft,
                      rep=rep_name(), creator_handle=conv.handle.strip(), region=draft.region, topic=draft.topic,
                      team=draft.team, reason=draft.reason, drafter=draft.drafter, final_text=final_text,
                      citations=cites, thumbs=conv.thumbs, feedback_reason=conv.feedback_reason)


def save(conv: Conversation, final_text: str | None = None) -> bool:
    """Write the draft's row; on a database failure warn and keep everything on screen."""
    from ui import get_activity_log

    try:
        get_activity_log().log_draft(entry(conv, final_text))
        return True
    except sqlite3.Error as err:
        st.warning(f"Could not write to the activity log ({err}). Your draft is still here; try again.")
        return False


def stream_draft(conv: Conversation) -> Draft | None:
    """Run the assistant, showing LLM text as plain text while it streams; None after an error."""
    from ui import get_assistant

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
    except (AssistantError, StoreError) as err:
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
    """Message, handle and region, each keyed to the conversation."""
    conv.message = st.text_area("Creator message", key=bind(conv.key("msg"), conv.message), height=180,
                                placeholder="Paste the creator's message here")
    left, right = st.columns([2, 1])
    conv.handle = left.text_input("Creator handle (optional)", key=bind(conv.key("handle"), conv.handle))
    conv.region = right.selectbox("Region", REGIONS, key=bind(conv.key("region"), conv.region),
                                  help="auto: taken from the message, else all regions")


def actions(conv: Conversation) -> None:
    """Copy, Log reply, and thumbs with a reason."""
    with st.expander("Copy the final text", icon=":material/content_copy:"):
        st.code(conv.edited, language=None, wrap_lines=True)  # st.code has a copy-to-clipboard button
    if st.button("Log reply", key=f"log_{conv.id}_{conv.draft_key}", icon=":material/save:"):
        conv.logged = save(conv, final_text=conv.edited) or conv.logged
    if conv.logged:
        st.success("Reply logged.")
    conv.thumbs = st.feedback("thumbs", key=bind(conv.key("thumbs"), conv.thumbs))
    conv.feedback_reason = st.text_input("Why? (optional)", key=bind(conv.key("fbreason"), conv.feedback_reason))
    if st.button("Send feedback", key=f"fb_{conv.id}_{conv.draft_key}", disabled=conv.thumbs is None):
        if save(conv):
            st.toast("Thanks — feedback saved.")


def result(conv: Conversation) -> None:
    """The draft: status, checks, editable reply, actions, sources and internal notes."""
    draft = conv.draft
    assert draft is not None
    left, right = st.columns([3, 2], gap="large")
    with left:
        render_status(draft)
        render_checks(draft)
        conv.edited = st.text_area("Reply to the creator (edit before sending)",
                                   key=bind(conv.key("edit"), conv.edited), height=280)
        actions(conv)
    with right:
        render_sources(draft, conv.id)
        render_notes(draft.rep_notes, conv.id)


def render() -> None:
    """The Draft page."""
    convs = conversations()
    active = st.session_state.get("active_conversation") or next(iter(convs))
    conv = convs[active]
    sidebar(convs, active)
    st.title("Draft a reply")
    inputs(conv)
    if st.button("Draft", type="primary", key=f"draft_{conv.id}", icon=":material/auto_awesome:"):
        make_draft(conv)
    if conv.draft is not None:
        result(conv)


if __name__ == "__main__":  # st.navigation runs this file as the page script
    render()
