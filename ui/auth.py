"""Who is working: OIDC sign-in when configured, else a name the rep types (kept in the URL across reloads)."""
from __future__ import annotations

import streamlit as st

from ui.common import safe_markdown

NAME_PARAM = "rep"  # ?rep=… keeps the typed name across a reload when st.login is not configured


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
    """The sidebar identity box, drawn on every page so the typed name survives page switches and reloads."""
    with st.sidebar:
        if logged_in():
            st.caption(f"Signed in as {safe_markdown(rep_name())}")
            if st.button("Log out", key="logout"):
                st.logout()
            return
        if "rep_name" not in st.session_state:  # a new session (a reload): take the name from the URL
            st.session_state["rep_name"] = st.query_params.get(NAME_PARAM, "")
        st.text_input("Your name", key="rep_name", help="Saved with the drafts you log, and kept in this page's "
                      "address so a reload remembers it.")
    name = rep_name()
    if st.query_params.get(NAME_PARAM, "") != name:  # every page, since switching pages clears the address
        if name:
            st.query_params[NAME_PARAM] = name
        else:
            del st.query_params[NAME_PARAM]
