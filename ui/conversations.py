"""Per-session conversation state for the Draft page: every field in its own session-state key, so a rep's
text survives switching, New conversation, page changes and a rerun that lands mid-typing."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import streamlit as st

from assistant.types import Draft

FIELDS = {"message": "msg", "handle": "handle", "region": "region", "edited": "edit"}  # field -> widget prefix
DEFAULTS: dict[str, Any] = {"message": "", "handle": "", "region": "auto", "edited": ""}
LABEL_WORDS = 6


def data_key(conv_id: str, name: str) -> str:
    """The session-state key that holds one field of one conversation (never a widget key: Streamlit
    drops a widget's state when a run does not draw it, and keeps these)."""
    return f"conv_{name}_{conv_id}"


@dataclass
class Conversation:
    """One creator conversation a rep has open: its draft and feedback; inputs live in session state."""

    id: str
    number: int
    draft: Draft | None = None
    draft_key: str = ""
    logged: bool = False
    thumbs: int | None = None
    feedback_reason: str = ""

    def get(self, name: str) -> Any:
        """A field from its own session-state key."""
        return st.session_state.get(data_key(self.id, name), DEFAULTS[name])

    def set(self, name: str, value: Any) -> None:
        """Store a field in its own session-state key."""
        st.session_state[data_key(self.id, name)] = value

    message = property(lambda self: self.get("message"), lambda self, v: self.set("message", v))
    handle = property(lambda self: self.get("handle"), lambda self, v: self.set("handle", v))
    region = property(lambda self: self.get("region"), lambda self, v: self.set("region", v))
    edited = property(lambda self: self.get("edited"), lambda self, v: self.set("edited", v))

    @property
    def label(self) -> str:
        """The sidebar name: the creator handle, else the message's first words."""
        if self.handle.strip():
            return self.handle.strip()
        words = self.message.split()
        if words:
            return " ".join(words[:LABEL_WORDS]) + (" …" if len(words) > LABEL_WORDS else "")
        return f"New conversation {self.number}"

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


def active() -> Conversation:
    """The conversation on screen."""
    convs = conversations()
    return convs.get(st.session_state.get("active_conversation", ""), next(iter(convs.values())))


def new_conversation() -> None:
    """Open a fresh conversation and make it active."""
    st.session_state["conversation_count"] += 1
    conv = Conversation(id=uuid.uuid4().hex[:12], number=st.session_state["conversation_count"])
    st.session_state["conversations"][conv.id] = conv
    st.session_state["active_conversation"] = conv.id


def switch_to(conv_id: str) -> None:
    """Make another conversation active; its fields are already in their own keys."""
    st.session_state["active_conversation"] = conv_id


def store(conv_id: str, name: str, widget: str) -> None:
    """on_change: copy a widget's value into its conversation's key as soon as the browser sends it.

    A message that arrives for a conversation the page no longer shows was typed into a box already on
    its way out (a paste straight after New conversation): it belongs to the conversation now shown."""
    state, conv = st.session_state, conversations().get(conv_id)
    if conv is None or widget not in state:
        return
    shown = state.get("shown_conversation", conv_id)
    if name == "message" and shown != conv_id and shown in conversations():
        target = conversations()[shown]
        if not target.message.strip():
            target.message = state[widget]
            state.pop(target.key("msg"), None)  # the new box is seeded from the moved text
        state[widget] = conv.message  # the old conversation keeps what it had
        return
    conv.set(name, state[widget])


def sync_all() -> None:
    """Called by app.py on every run, whatever the page: widget values still in state are copied to their
    conversation's keys (callbacks do this too; this also covers values set without a callback)."""
    for conv in st.session_state.get("conversations", {}).values():
        for name, prefix in FIELDS.items():
            widget = conv.key(prefix)
            if widget in st.session_state and (name != "edited" or conv.draft is not None):
                conv.set(name, st.session_state[widget])
        if conv.draft is not None:
            conv.thumbs = st.session_state.get(conv.key("thumbs"), conv.thumbs)
            conv.feedback_reason = st.session_state.get(conv.key("fbreason"), conv.feedback_reason)


def bind(conv: Conversation, name: str) -> dict[str, Any]:
    """Widget arguments for one field: its key, seeded from the conversation when Streamlit has forgotten
    it, and the callback that stores every change."""
    widget = conv.key(FIELDS[name])
    if widget not in st.session_state:
        st.session_state[widget] = conv.get(name)
    return {"key": widget, "on_change": store, "args": (conv.id, name, widget)}
