"""The Streamlit pages, their navigation, and the process-wide resources they share."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from assistant.activity import ActivityLog
from assistant.errors import AssistantError
from settings import ENV_PREFIX, Settings, SettingsError, load_settings
from ui.common import fail, safe_markdown
from vectorstore.errors import StoreError

if TYPE_CHECKING:
    from assistant.service import Assistant

LOADING = "Loading the embedding model (once per server)…"
UI_DIR = Path(__file__).resolve().parent
PAGES = {  # short name -> (menu title, icon); each page is the file ui/<name>.py
    "draft": ("Draft", ":material/edit_note:"),
    "learn": ("Learn", ":material/school:"),
    "library": ("Library", ":material/library_books:"),
    "activity": ("Activity", ":material/insights:"),
}


def page(name: str) -> StreamlitPage:
    """One page of the app by short name (draft, learn, library, activity), e.g. for st.page_link."""
    title, icon = PAGES[name]
    # url_path fixes the page's identity, so a Page built here matches the one in st.navigation.
    return st.Page(UI_DIR / f"{name}.py", title=title, icon=icon, url_path=name, default=name == "draft")


def all_pages() -> list[StreamlitPage]:
    """The four pages in menu order."""
    return [page(name) for name in PAGES]


def env_fingerprint() -> str:
    """A hash of the CREATOR_DESK_* environment, so changed settings get fresh resources."""
    items = sorted((k, v) for k, v in os.environ.items() if k.startswith(ENV_PREFIX))
    return hashlib.sha256(repr(items).encode("utf-8")).hexdigest()


@st.cache_resource(show_spinner=False, max_entries=4)
def _settings(fingerprint: str) -> Settings:
    """Settings, read once per server (per environment)."""
    return load_settings()


@st.cache_resource(show_spinner=False, max_entries=2)  # one model per configuration; tests switch configurations
def _assistant(fingerprint: str, _config: Settings) -> "Assistant":
    """The assistant (embedder, store, searcher, drafter), built and warmed once per server."""
    from assistant.service import build_assistant

    assistant = build_assistant(_config)
    assistant.embedder.embed_query("warm up")  # load the weights now, not on the first Draft click
    assistant.searcher.refresh()
    return assistant


@st.cache_resource(show_spinner=False)
def _activity_log(path: str, fingerprint: str, _key: str | None) -> ActivityLog:
    """The activity log; connections are opened per call, so sharing it is thread-safe."""
    return ActivityLog(path, _key)


def get_settings() -> Settings:
    """The settings, or a plain error naming the bad variable."""
    try:
        return _settings(env_fingerprint())
    except SettingsError as err:
        fail(str(err))


def get_assistant() -> "Assistant":
    """The shared assistant, loaded under a spinner; store or model problems stop the page."""
    settings = get_settings()
    with st.spinner(LOADING):
        try:
            return _assistant(env_fingerprint(), settings)
        except (StoreError, AssistantError, ValueError, ImportError) as err:
            fail(f"The knowledge base could not be opened: {err}")


def get_activity_log() -> ActivityLog:
    """The shared activity log."""
    try:
        settings = get_settings()
        key = settings.activity_key.get_secret_value() if settings.activity_key else None
        return _activity_log(str(settings.activity_db), env_fingerprint(), key)
    except Exception as err:  # sqlite3.Error, OSError, RuntimeError: all mean "the log is unusable"
        fail(f"The activity log could not be opened: {err.__class__.__name__}: {err}")


def auth_configured() -> bool:
    """Whether OIDC login is set up ([auth] in secrets.toml)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no or unreadable secrets file: login is simply not configured
        return False


def logged_in() -> bool:
    """Whether an OIDC user is signed in; never true unless login is configured."""
    return auth_configured() and bool(st.user.get("is_logged_in", False))


def rep_name() -> str:
    """Who is working: the signed-in email, else the name typed in the sidebar."""
    if logged_in():
        return str(st.user.get("email") or st.user.get("name") or "")
    return str(st.session_state.get("rep_name", "")).strip()


def identity_sidebar() -> None:
    """The sidebar identity box, drawn on every page so the typed name survives page switches."""
    with st.sidebar:
        if logged_in():
            st.caption(f"Signed in as {safe_markdown(rep_name())}")
            if st.button("Log out", key="logout"):
                st.logout()
        else:
            st.text_input("Your name", key="rep_name", help="Saved with the drafts you log.")
