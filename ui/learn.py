"""Learn page (new hires): browse and read the knowledge base, and ask how-to questions."""
from __future__ import annotations

import streamlit as st

from assistant.library import DocInfo, Document, blocks, heading_level
from assistant.library_service import LibraryService
from assistant.types import Passage
from ui.common import (page_text, render_checks, render_notes, render_sources, render_status, render_warnings,
                       safe_markdown)
from ui.resources import SERVICE_ERRORS, get_assistant, get_library
from ui.tables import as_markdown

ALL = "All"
SHOWN_META = ("owner", "reviewed", "effective", "audience", "region", "status", "topic", "doc_type", "version")


def follow_link(docs: list[DocInfo]) -> str:
    """When the URL names a document (from an Open document link), select it once; returns the chunk id."""
    doc, chunk = st.query_params.get("doc", ""), st.query_params.get("chunk", "")
    if not doc:
        return ""
    if doc not in {d.source for d in docs}:
        # The URL is anyone's to craft: its text is shown as plain text, never as markdown in our own box.
        st.warning("The linked document is not in the index (retired or not ingested).")
        st.text(f"Linked document: {doc[:300]}")
        return ""
    if st.session_state.get("learn_followed") != (doc, chunk) or "learn_doc" not in st.session_state:
        st.session_state["learn_followed"] = (doc, chunk)  # later picks in the menus win over the link
        st.session_state.update(learn_type=ALL, learn_topic=ALL, learn_doc=doc)
    return chunk if st.session_state.get("learn_doc") == doc else ""


def pick_document(docs: list[DocInfo]) -> DocInfo | None:
    """Type and topic filters, then the document menu."""
    left, mid, right = st.columns([1, 1, 3])
    kind = left.selectbox("Type", [ALL, "policy", "process"], key="learn_type")
    topics = sorted({d.topic for d in docs if d.topic and kind in (ALL, d.doc_type)})
    topic = mid.selectbox("Topic", [ALL, *topics], key="learn_topic")
    shown = [d for d in docs if kind in (ALL, d.doc_type) and topic in (ALL, d.topic)]
    by_source = {d.source: d for d in shown}
    if st.session_state.get("learn_doc") not in by_source:
        st.session_state.pop("learn_doc", None)  # a filter hid the chosen document
    source = right.selectbox(f"Document ({len(shown)})", list(by_source), key="learn_doc",
                             format_func=lambda s: f"{by_source[s].title} — {s}")
    return by_source.get(source) if source else None


def render_meta(document: Document) -> None:
    """The document's metadata line."""
    meta = document.meta
    st.header(safe_markdown(meta.get("title", "")), anchor=False)
    parts = [f"**{k.replace('_', ' ').capitalize()}:** {safe_markdown(meta.get(k) or '—')}" for k in SHOWN_META]
    st.markdown(" · ".join(parts))
    if str(meta.get("status", "")).lower() == "superseded":
        st.warning("This version is superseded: search does not use it. Read the current version instead.")


def render_text(chunks: list[Passage], highlight: str) -> None:
    """The document rebuilt from its chunks: section headings, page numbers, the cited chunk highlighted."""
    cited = next((c for c in chunks if c.chunk_id == highlight), None)
    if cited is not None:
        with st.container(border=True, key="learn-cited-top"):
            where = safe_markdown(cited.section or "Introduction") + page_text(cited.page)
            st.markdown(f":orange-badge[Cited passage] {where}")
            st.markdown(body(cited.text))
    page, section = 0, ""
    for block in blocks(chunks):
        if block.section and block.section != section:
            st.markdown("#" * heading_level(block.section) + " " + safe_markdown(block.section.split(" > ")[-1]))
        if block.page and block.page != page:  # only where the page changes, not under every heading
            st.caption(f"Page {block.page}")
        page, section = block.page or page, block.section
        for chunk in block.chunks:
            if chunk.chunk_id == highlight:
                with st.container(border=True, key="learn-cited"):
                    st.markdown(":orange-badge[Cited passage]")
                    st.markdown(body(chunk.text))
            else:
                st.markdown(body(chunk.text))


def body(text: str) -> str:
    """A chunk as inert Markdown, its table rows as a table."""
    return safe_markdown(as_markdown(text))


def read_tab(library: LibraryService, docs: list[DocInfo]) -> None:
    """Browse and read one document."""
    if not docs:
        st.info("The knowledge base is empty. A knowledge owner can add documents on the Library page.")
        return
    highlight = follow_link(docs)
    doc = pick_document(docs)
    if doc is None:
        st.caption("No document matches these filters.")
        return
    document = library.read_document(doc.source)
    render_meta(document)
    render_text(document.chunks, highlight)


def ask_tab() -> None:
    """A how-to question answered from the knowledge base, internal notes included (the reader is staff)."""
    question = st.text_input("How do I…", key="learn_question", placeholder="How do I escalate a missing commission?")
    if st.button("Ask", key="learn_ask", type="primary") and question.strip():
        try:
            st.session_state["learn_answer"] = get_assistant().ask(question, audience="staff", doc_type="process")
        except SERVICE_ERRORS as err:
            st.error(str(err))
    answer = st.session_state.get("learn_answer")
    if answer is None:
        return
    render_warnings(answer)
    render_status(answer)
    render_checks(answer)
    st.markdown(safe_markdown(answer.draft))
    render_notes(answer.rep_notes, "learn", expanded=True)
    render_sources(answer, "learn")


def render() -> None:
    """The Learn page."""
    library = get_library()
    st.title("Learn")
    read, ask = st.tabs(["Read the documents", "Ask a how-to question"])
    with read:
        read_tab(library, library.documents())
    with ask:
        ask_tab()


if __name__ == "__main__":  # st.navigation runs this file as the page script
    render()
