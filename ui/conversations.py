"""Per-session conversation state for the Draft page: every field in its own session-state key, so a rep's
text survives switching, New conversation, page changes and a rerun that lands mid-typing.

The message, handle and market boxes are one set of widgets shared by every conversation: a switch saves
them into the conversation left and refills them from the one opened. A box whose key changed on a switch
would be a new element in the browser, and whatever the rep typed into the old one before the new one was
drawn (a paste straight after New conversation) would vanish with it; a box that stays keeps the typing."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import streamlit as st

from assistant.types import Draft

FIELDS = {"message": "msg", "handle": "handle", "region": "region", "edited": "edit"}  # field -> widget prefix
SHARED = {"message": "msg_shown", "handle": "handle_shown", "region": "region_shown"}  # field -> the one widget
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
        """A widget key: the shared box for message, handle and market; else one unique to this
        conversation (and to its current draft)."""
        shared = {FIELDS[name]: widget for name, widget in SHARED.items()}
        if prefix in shared:
            return shared[prefix]
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
    state = st.session_state
    state["conversation_count"] += 1
    conv = Conversation(id=uuid.uuid4().hex[:12], number=state["conversation_count"])
    state["conversations"][conv.id] = conv
    show(conv)


def switch_to(conv_id: str) -> None:
    """Make another conversation active."""
    show(conversations()[conv_id])


def show(conv: Conversation) -> None:
    """Save the shared boxes into the active conversation, then fill them from `conv` and make it active.
    Called from callbacks and before the boxes are drawn, the only times their state may be set."""
    state = st.session_state
    left = state["conversations"].get(state.get("active_conversation", ""))
    for name, widget in SHARED.items():
        if left is not None and widget in state:
            left.set(name, state[widget])
        state[widget] = conv.get(name)
    state["active_conversation"] = conv.id


def store(conv_id: str, name: str, widget: str) -> None:
    """on_change: copy a widget's value into its conversation's key as soon as the browser sends it.

    A shared box always holds the active conversation's field, so what it sends is the active one's, even
    text typed into it before the browser had drawn the switch (it keeps typing across the refill)."""
    state = st.session_state
    conv = active() if widget in SHARED.values() else conversations().get(conv_id)
    if conv is None or widget not in state:
        return
    conv.set(name, state[widget])
    if widget in SHARED.values():
        # Sent back as the box's value: a refill still on its way to the browser (New conversation's empty
        # box, drawn after this text was sent) would otherwise blank the box while the text is kept here.
        state[widget] = state[widget]


def sync_all() -> None:
    """Called by app.py on every run, whatever the page: widget values still in state are copied to their
    conversation's keys (callbacks do this too; this also covers values set without a callback)."""
    state = st.session_state
    if state.get("conversations"):
        current = active()
        for name, widget in SHARED.items():
            if widget in state:
                current.set(name, state[widget])
    for conv in state.get("conversations", {}).values():
        if conv.draft is not None:
            if conv.key("edit") in state:
                conv.edited = state[conv.key("edit")]
            conv.thumbs = state.get(conv.key("thumbs"), conv.thumbs)
            conv.feedback_reason = state.get(conv.key("fbreason"), conv.feedback_reason)


def bind(conv: Conversation, name: str) -> dict[str, Any]:
    """Widget arguments for one field: its key, seeded from the conversation when Streamlit has forgotten
    it, and the callback that stores every change."""
    widget = conv.key(FIELDS[name])
    if widget not in st.session_state:
        st.session_state[widget] = conv.get(name)
    return {"key": widget, "on_change": store, "args": (conv.id, name, widget)}
