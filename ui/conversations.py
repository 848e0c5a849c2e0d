"""Per-session conversation state for the Draft page: survives page switches and widget resets."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import streamlit as st

from assistant.types import Draft

FIELDS = {"message": "msg", "handle": "handle", "region": "region"}  # conversation field -> widget key prefix


@dataclass
class Conversation:
    """One creator conversation a rep has open: inputs, the draft, the edit and feedback."""

    id: str
    number: int
    message: str = ""
    handle: str = ""
    region: str = "auto"
    draft: Draft | None = None
    draft_key: str = ""
    edited: str = ""
    logged: bool = False
    thumbs: int | None = None
    feedback_reason: str = ""

    @property
    def label(self) -> str:
        """The sidebar name: the creator handle once typed."""
        return self.handle.strip() or f"New conversation {self.number}"

    def key(self, prefix: str) -> str:
        """A widget key unique to this conversation (and to its current draft)."""
        return f"{prefix}_{self.id}_{self.draft_key}" if prefix in ("edit", "thumbs", "fbreason") else f"{prefix}_{self.id}"


def conversations() -> dict[str, Conversation]:
    """This session's open conversations, creating the first one."""
    state = st.session_state
    if "conversations" not in state:
        state["conversations"], state["conversation_count"] = {}, 0
        new_conversation()
    return state["conversations"]


def new_conversation() -> None:
    """Open a fresh conversation and make it active."""
    st.session_state["conversation_count"] += 1
    conv = Conversation(id=uuid.uuid4().hex[:12], number=st.session_state["conversation_count"])
    st.session_state["conversations"][conv.id] = conv
    st.session_state["active_conversation"] = conv.id


def switch_to(conv_id: str) -> None:
    """Make another conversation active; app.py has already copied every conversation's widgets into it."""
    st.session_state["active_conversation"] = conv_id


def sync_from_widgets(conv: Conversation) -> None:
    """Copy the latest widget values into the conversation before Streamlit drops unrendered widgets."""
    state = st.session_state
    for field, prefix in FIELDS.items():
        if conv.key(prefix) in state:
            setattr(conv, field, state[conv.key(prefix)])
    if conv.draft is not None:
        conv.edited = state.get(conv.key("edit"), conv.edited)
        conv.thumbs = state.get(conv.key("thumbs"), conv.thumbs)
        conv.feedback_reason = state.get(conv.key("fbreason"), conv.feedback_reason)


def sync_all() -> None:
    """Called by app.py on every run, whatever the page, so work typed just before leaving is kept."""
    for conv in st.session_state.get("conversations", {}).values():
        sync_from_widgets(conv)


def bind(key: str, value: Any) -> str:
    """Seed a widget's state from the conversation when Streamlit has forgotten it; returns the key."""
    if key not in st.session_state:
        st.session_state[key] = value
    return key
