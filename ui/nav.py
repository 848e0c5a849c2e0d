"""The app's pages and the navigation between them."""
from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

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
