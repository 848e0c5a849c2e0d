"""Library page (knowledge owners): the document table, uploads, retiring, and Refresh index."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict

import pandas as pd
import streamlit as st

from assistant.creator_market import MARKETS
from assistant.library_service import DocRow, LibraryError, LibraryService
from ui.common import safe_markdown
from ui.library_parts import ALL, owner_gate, render_report
from ui.resources import get_library, get_settings

REGIONS = ["global", "SEA", *MARKETS]  # what a document may be tagged with
ROW_PX = 35  # st.dataframe's row height: the table is as tall as its rows, so none hide behind a scrollbar
SHOWN = ["Title", "Version", "Effective", "Reviewed", "Stale", "Last ingest", "Flags"]  # fit without a sideways scroll
COLUMNS = {  # column -> (DocRow field, config); fewer, wider columns so nothing needs a sideways scroll
    "Title": ("title", st.column_config.TextColumn("Title", width="medium")),
    "Source": ("source", st.column_config.TextColumn("File", width="medium")),
    "Version": ("version", st.column_config.TextColumn("Version", width="small",
                                                       help="current, or superseded (search skips it)")),
    "Effective": ("effective", st.column_config.TextColumn("Effective", width="small")),
    "Reviewed": ("reviewed", st.column_config.TextColumn("Reviewed", width="small")),
    "Stale": ("stale", None),
    "Last ingest": ("last_ingest", st.column_config.TextColumn("Last ingest", width="small")),
    "Flags": ("flags", st.column_config.TextColumn("Flags", width="medium")),
    "Chunks": ("chunks", st.column_config.NumberColumn("Chunks", width="small")),
}


def filters(rows: list[DocRow]) -> list[DocRow]:
    """Search and filter menus above the table; returns the rows that match."""
    search, kind, version, attention = st.columns([3, 1, 1, 1], vertical_alignment="bottom")
    text = search.text_input("Search", key="library_search", placeholder="Title, file, topic or owner").lower()
    kind_pick = kind.selectbox("Type", [ALL, "policy", "process"], key="library_type")
    version_pick = version.selectbox("Version", [ALL, "current", "superseded"], key="library_version")
    only_attention = attention.toggle("Needs attention", key="library_attention",
                                      help="Stale, flagged, failed or not ingested yet")

    def keep(row: DocRow) -> bool:
        haystack = " ".join((row.title, row.source, row.topic, row.owner)).lower()
        needs = row.stale or bool(row.flags) or "fail" in row.last_ingest or not row.title
        return (text in haystack and kind_pick in (ALL, row.doc_type) and version_pick in (ALL, row.version)
                and (needs or not only_attention))
    return [r for r in rows if keep(r)]


def render_table(rows: list[DocRow], stale_days: int) -> None:
    """The document table, tall enough for every row."""
    shown = filters(rows)
    st.caption(f"{len(shown)} of {len(rows)} documents")
    data = pd.DataFrame([{name: asdict(r)[attr] for name, (attr, _) in COLUMNS.items()} for r in shown],
                        columns=list(COLUMNS))
    config = {name: cfg for name, (_, cfg) in COLUMNS.items() if cfg is not None}
    config["Stale"] = st.column_config.CheckboxColumn("Stale", help=f"Reviewed more than {stale_days} days ago",
                                                      width="small")
    st.dataframe(data, hide_index=True, column_config=config, width="stretch", column_order=SHOWN,
                 height=min(ROW_PX * (len(shown) + 1) + 3, 1400))


def flash(message: str) -> None:
    """Rerun so the table shows the change, carrying a success message across the rerun."""
    st.session_state["library_flash"] = message
    st.rerun()


def upload_form(library: LibraryService, locked: str) -> None:
    """Upload a new or replacement file; disabled with the reason when this session may not change the index."""
    folders = library.folders()
    with st.form("upload", clear_on_submit=True):
        st.markdown("**Upload a document**")
        doc_type = st.radio("Folder", list(folders), horizontal=True, format_func=lambda t: f"{folders[t]}/",
                            disabled=bool(locked))
        upload = st.file_uploader("File (a file with the same name is replaced)", type=library.upload_types(),
                                  disabled=bool(locked), help=locked or None)
        with st.expander("Metadata for PDF, DOCX, HTML and TXT (Markdown keeps it in front matter)"):
            meta = {"title": st.text_input("Title"), "owner": st.text_input("Owner"),
                    "topic": st.text_input("Topic (one word)"), "region": st.selectbox("Region", REGIONS),
                    "audience": st.selectbox("Audience", ["", "creator-safe", "internal"]),
                    "reviewed": st.date_input("Reviewed", value=dt.date.today())}
        submitted = st.form_submit_button("Save document", disabled=bool(locked), help=locked or None)
    if submitted and upload is not None and not locked:
        meta["reviewed"] = meta["reviewed"].isoformat() if meta["reviewed"] else ""
        try:
            path, replaced = library.upload(upload.name, upload.getvalue(), doc_type, meta)
        except LibraryError as err:
            st.error(str(err))
        else:
            flash(f"{'Replaced' if replaced else 'Saved'} {path.name}. Press Refresh index to ingest it.")


def retire_form(library: LibraryService, locked: str) -> None:
    """Delete a document and its sidecar from the knowledge-base folder."""
    st.markdown("**Retire a document**")
    source = st.selectbox("Document", library.files(), index=None, key="retire_source", placeholder="Choose a document",
                          disabled=bool(locked))
    sure = st.checkbox("Delete the file and its sidecar", key="retire_confirm", disabled=bool(locked))
    if st.button("Retire", key="retire", disabled=bool(locked) or not (source and sure), help=locked or None) \
            and source and not locked:
        try:
            library.retire(source)
        except LibraryError as err:
            st.error(str(err))
        else:
            flash(f"Retired {source}. Press Refresh index to remove its chunks.")


def refresh(library: LibraryService) -> None:
    """Run ingest with a progress bar; the index lock allows one writer at a time."""
    bar = st.progress(0.0, text="Checking what changed…")

    def progress(stage: str, done: int, total: int) -> None:
        """Move the bar: files parsed, then chunks written (their total is not known ahead)."""
        if stage == "files" and total:
            bar.progress(min(0.95, done / total * 0.95), text=f"Read {done} of {total} changed files")
        else:
            bar.progress(0.95, text=f"Embedded and wrote {done} chunks")

    try:
        report = library.reindex(progress)
    except LibraryError as err:
        bar.empty()
        st.error(str(err))
        return
    bar.progress(1.0, text="Done")
    st.session_state["library_refreshed"] = report.finished_at


def render() -> None:
    """The Library page."""
    settings, library = get_settings(), get_library()
    st.title("Library")
    if "library_flash" in st.session_state:
        st.success(safe_markdown(st.session_state.pop("library_flash")))
    locked = owner_gate(settings)
    if st.button("Refresh index", type="primary", key="refresh", icon=":material/sync:", disabled=bool(locked),
                 help=locked or "Ingest what changed in the knowledge-base folder") and not locked:
        refresh(library)
    render_table(library.rows(), settings.stale_after_days)
    report = library.last_report()
    if report is not None:
        with st.expander("Last ingest report", expanded=bool(st.session_state.get("library_refreshed"))):
            render_report(report)
    left, right = st.columns(2, gap="large")
    with left:
        upload_form(library, locked)
    with right:
        retire_form(library, locked)


if __name__ == "__main__":  # st.navigation runs this file as the page script
    render()
