"""The Library page's owner gate and ingest report, apart so the page module stays short."""
from __future__ import annotations

import hmac
import time

import streamlit as st

from assistant.library_service import Report
from settings import Settings
from ui.auth import auth_configured, logged_in
from ui.common import safe_markdown

ALL = "All"
NO_LOGIN = ("Changes are disabled: no knowledge-owner login is configured. An administrator can set "
            "CREATOR_DESK_OWNER_PASSPHRASE, or an [auth] section in .streamlit/secrets.toml for sign-in.")


def passphrase_form(settings: Settings) -> None:
    """Unlock owner actions for this session with the configured passphrase."""
    assert settings.owner_passphrase is not None
    with st.form("unlock", clear_on_submit=True):
        typed = st.text_input("Knowledge-owner passphrase", type="password")
        submitted = st.form_submit_button("Unlock")
    if submitted:
        expected = settings.owner_passphrase.get_secret_value().encode("utf-8")
        if hmac.compare_digest(typed.encode("utf-8"), expected):
            st.session_state["owner_unlocked"] = True
            st.rerun()
        time.sleep(1)  # slows guessing; compare_digest already keeps timing flat
        st.error("That passphrase is not right.")


def owner_gate(settings: Settings) -> str:
    """Offer sign-in or unlock; returns why this session may not change the index, or "" when it may."""
    if auth_configured():
        if logged_in():
            return ""
        st.info("Reps can read this page. Knowledge owners sign in to upload, retire or refresh.")
        if st.button("Sign in", key="owner_login"):
            st.login()
        return "Sign in as a knowledge owner to change the index."
    if settings.owner_passphrase is None:
        st.info(NO_LOGIN)
        return "Disabled: no knowledge-owner login is configured."
    if st.session_state.get("owner_unlocked"):
        if st.button("Lock owner actions", key="owner_lock"):
            st.session_state["owner_unlocked"] = False
            st.rerun()
        return ""
    st.info("Reps can read this page. Knowledge owners unlock it to upload, retire or refresh.")
    passphrase_form(settings)
    return "Locked: unlock with the knowledge-owner passphrase above."


def render_report(report: Report) -> None:
    """An ingest report: counts, then failed, flagged and skipped files with reasons."""
    st.markdown(f"**Ingest of {safe_markdown(report.finished_at or 'unknown time')}** — "
                f"added {len(report.added)}, updated {len(report.updated)}, removed {len(report.removed)}, "
                f"unchanged {len(report.unchanged)}, failed {len(report.failed)}; {report.chunks} chunks written, "
                f"{report.total_chunks} in the index, {report.seconds:.1f} s.")
    for item in report.failed:
        st.error(f"Failed: {safe_markdown(item.get('path', ''))} — {safe_markdown(item.get('error', ''))}")
    for item in report.flagged:
        st.warning(f"Flagged for review: {safe_markdown(item.get('path', ''))} — "
                   f"{safe_markdown('; '.join(item.get('flags', [])))}")
    for item in report.skipped:
        st.caption(f"Skipped {safe_markdown(item.get('path', ''))}: {safe_markdown(item.get('reason', ''))}")
