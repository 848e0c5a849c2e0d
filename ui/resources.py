"""Process-wide resources shared by every session: settings, the assistant (warmed in the background), the log."""
from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass, field

import streamlit as st

from assistant.activity import ActivityLog
from assistant.library_service import SERVICE_ERRORS, LibraryService
from assistant.service import Assistant, build_assistant
from assistant.warmup import warm_up
from settings import ENV_PREFIX, Settings, SettingsError, load_settings
from ui.common import fail

WARMING = "Warming up: loading the embedding model and the index (once per server)…"


@dataclass
class Warmup:
    """The assistant being built on a background thread, so the first page appears before the model loads."""

    settings: Settings
    done: threading.Event = field(default_factory=threading.Event)
    assistant: Assistant | None = None
    error: Exception | None = None

    def start(self) -> "Warmup":
        """Build on a daemon thread; a server stopped mid-load does not wait for it."""
        threading.Thread(target=self._build, name="creator-desk-warmup", daemon=True).start()
        return self

    def _build(self) -> None:
        """Load the models, the keyword index and what a draft loads on first use now, not on the first Draft click."""
        try:
            assistant = build_assistant(self.settings)
            warm_up(assistant)
            self.assistant = assistant
        except Exception as err:  # kept and shown by the page that needs the assistant
            self.error = err
        finally:
            self.done.set()


# Warm-ups started with the server (ui/serve.py) before any page ran, by environment fingerprint.
_EARLY: dict[str, Warmup] = {}


def prewarm() -> None:
    """Start the warm-up as the server starts, before any browser connects; the first page adopts it."""
    try:
        settings = load_settings()
    except SettingsError:
        return  # the first page shows the error, naming the variable
    _EARLY[env_fingerprint()] = Warmup(settings).start()


def env_fingerprint() -> str:
    """A hash of the CREATOR_DESK_* environment, so changed settings get fresh resources."""
    items = sorted((k, v) for k, v in os.environ.items() if k.startswith(ENV_PREFIX))
    return hashlib.sha256(repr(items).encode("utf-8")).hexdigest()


@st.cache_resource(show_spinner=False, max_entries=4)
def _settings(fingerprint: str) -> Settings:
    """Settings, read once per server (per environment)."""
    return load_settings()


@st.cache_resource(show_spinner=False, max_entries=2)  # one model per configuration; tests switch configurations
def _warmup(fingerprint: str, _config: Settings) -> Warmup:
    """The one background build of the assistant per configuration: the server's own when it started one."""
    early = _EARLY.pop(fingerprint, None)
    return early if early is not None else Warmup(_config).start()


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


def start_warmup() -> bool:
    """Start loading the assistant if nothing has yet; True once it is ready."""
    return _warmup(env_fingerprint(), get_settings()).done.is_set()


def get_assistant() -> Assistant:
    """The shared assistant, waiting for the warm-up if needed; store or model problems stop the page."""
    warm = _warmup(env_fingerprint(), get_settings())
    if not warm.done.is_set():
        with st.spinner(WARMING):
            warm.done.wait()
    if warm.assistant is None:
        fail(f"The knowledge base could not be opened: {warm.error}")
    return warm.assistant


def get_library() -> LibraryService:
    """The knowledge-base service for the Library and Learn pages."""
    return LibraryService(get_settings(), get_assistant())


def get_activity_log() -> ActivityLog:
    """The shared activity log."""
    try:
        settings = get_settings()
        key = settings.activity_key.get_secret_value() if settings.activity_key else None
        return _activity_log(str(settings.activity_db), env_fingerprint(), key)
    except Exception as err:  # sqlite3.Error, OSError, RuntimeError: all mean "the log is unusable"
        fail(f"The activity log could not be opened: {err.__class__.__name__}: {err}")


__all__ = ["SERVICE_ERRORS", "WARMING", "get_activity_log", "get_assistant", "get_library", "get_settings",
           "prewarm", "start_warmup"]
