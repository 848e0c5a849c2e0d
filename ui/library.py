"""Library page (knowledge owners): the document table, uploads, retiring, and Refresh index."""
from __future__ import annotations

import datetime as dt
import hmac
import time
from typing import Any

import streamlit as st

from assistant.intake import MARKETS
from assistant.library import DocInfo, is_stale
from ingest.report import last_result, report_flags
from ingest.files import FOLDERS, UploadError, retire, save_upload
from ingest.manifest import scan
from ingest.pipeline import report_path, run_ingest
from ingest.report import Report, load_report
from settings import Settings
from ui.common import safe_markdown
from vectorstore.errors import StoreError, StoreLockedError

UPLOAD_TYPES = ["pdf", "md", "txt", "html", "docx"]
REGIONS = ["global", "SEA", *MARKETS]  # what a document may be tagged with


def is_owner(settings: Settings) -> bool:
    """Whether this session may change the index: OIDC sign-in if configured, else the passphrase."""
    from ui import auth_configured, logged_in

    if auth_configured():
        return logged_in()
    return settings.owner_passphrase is not None and bool(st.session_state.get("owner_unlocked"))


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


def owner_gate(settings: Settings) -> bool:
    """Explain who may change the index, offer sign-in or unlock, and say whether this session may."""
    from ui import auth_configured, logged_in

    if auth_configured():
        if logged_in():
            return True
        st.info("Reps can read this page. Knowledge owners sign in to upload, retire or refresh.")
        if st.button("Sign in", key="owner_login"):
            st.login()
        return False
    if settings.owner_passphrase is None:
        st.info("Changes are disabled: no knowledge-owner login is configured. An administrator can set "
                "CREATOR_DESK_OWNER_PASSPHRASE, or an [auth] section in .streamlit/secrets.toml for sign-in.")
        return False
    if is_owner(settings):
        if st.button("Lock owner actions", key="owner_lock"):
            st.session_state["owner_unlocked"] = False
            st.rerun()
        return True
    st.info("Reps can read this page. Knowledge owners unlock it to upload, retire or refresh.")
    passphrase_form(settings)
    return False


def table_rows(docs: list[DocInfo], pending: list[str], report: Report | None, settings: Settings) -> list[dict[str, Any]]:
    """One row per document, plus files on disk that are not in the index yet."""
    rows = [{"Title": d.title, "Type": d.doc_type, "Topic": d.topic, "Owner": d.meta.get("owner", ""),
             "Reviewed": d.meta.get("reviewed", ""), "Stale": is_stale(d.meta.get("reviewed"), settings.stale_after_days),
             "Chunks": d.chunks, "Last ingest": last_result(report, d.source),
             "Flags": d.flags or report_flags(report, d.source), "Status": d.meta.get("status", ""),
             "Source": d.source} for d in docs]
    rows += [{"Title": "", "Source": s, "Chunks": 0, "Last ingest": last_result(report, s) or "not ingested yet"}
             for s in pending]
    return rows


def render_table(docs: list[DocInfo], settings: Settings, report: Report | None) -> list[str]:
    """The document table; returns every source a knowledge owner could retire."""
    try:
        on_disk = sorted(scan(settings.kb_dir, settings.ignore_files)[0])
    except FileNotFoundError:
        on_disk = []
    pending = [s for s in on_disk if s not in {d.source for d in docs}]
    stale = st.column_config.CheckboxColumn("Stale", help=f"Reviewed more than {settings.stale_after_days} days ago")
    st.dataframe(table_rows(docs, pending, report, settings), hide_index=True, column_config={"Stale": stale})
    return on_disk


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


def flash(message: str) -> None:
    """Rerun so the table shows the change, carrying a success message across the rerun."""
    st.session_state["library_flash"] = message
    st.rerun()


def upload_form(settings: Settings) -> None:
    """Upload a new or replacement file, validated server-side, with optional sidecar metadata."""
    with st.form("upload", clear_on_submit=True):
        st.markdown("**Upload a document**")
        doc_type = st.radio("Folder", list(FOLDERS), horizontal=True, format_func=lambda t: f"{FOLDERS[t]}/")
        upload = st.file_uploader("File (a file with the same name is replaced)", type=UPLOAD_TYPES)
        with st.expander("Metadata for PDF, DOCX, HTML and TXT (Markdown keeps it in front matter)"):
            meta = {"title": st.text_input("Title"), "owner": st.text_input("Owner"),
                    "topic": st.text_input("Topic (one word)"), "region": st.selectbox("Region", REGIONS),
                    "audience": st.selectbox("Audience", ["", "creator-safe", "internal"]),
                    "reviewed": st.date_input("Reviewed", value=dt.date.today())}
        submitted = st.form_submit_button("Save document")
    if submitted and upload is not None and is_owner(settings):
        meta["reviewed"] = meta["reviewed"].isoformat() if meta["reviewed"] else ""
        try:
            path, replaced = save_upload(settings, upload.name, upload.getvalue(), doc_type, meta)
        except (UploadError, OSError) as err:
            st.error(str(err))
        else:
            flash(f"{'Replaced' if replaced else 'Saved'} {path.name}. Press Refresh index to ingest it.")


def retire_form(settings: Settings, sources: list[str]) -> None:
    """Delete a document and its sidecar from the knowledge-base folder."""
    st.markdown("**Retire a document**")
    source = st.selectbox("Document", sources, index=None, key="retire_source", placeholder="Choose a document")
    sure = st.checkbox("Delete the file and its sidecar", key="retire_confirm")
    if st.button("Retire", key="retire", disabled=not (source and sure)) and source and is_owner(settings):
        try:
            retire(settings, source)
        except UploadError as err:
            st.error(str(err))
        else:
            flash(f"Retired {source}. Press Refresh index to remove its chunks.")


def refresh(settings: Settings) -> None:
    """Run ingest with a progress bar; the index lock allows one writer at a time."""
    from ui import get_assistant

    assistant = get_assistant()
    bar = st.progress(0.0, text="Checking what changed…")

    def progress(stage: str, done: int, total: int) -> None:
        """Move the bar: files parsed, then chunks written (their total is not known ahead)."""
        if stage == "files" and total:
            bar.progress(min(0.95, done / total * 0.95), text=f"Read {done} of {total} changed files")
        else:
            bar.progress(0.95, text=f"Embedded and wrote {done} chunks")

    try:
        report = run_ingest(settings, assistant.searcher.store, assistant.embedder, progress=progress)
    except StoreLockedError as err:
        bar.empty()
        st.error(str(err))
        return
    except (StoreError, FileNotFoundError) as err:
        bar.empty()
        st.error(f"Refresh failed: {err}")
        return
    assistant.searcher.refresh(force=True)
    bar.progress(1.0, text="Done")
    st.session_state["library_refreshed"] = report.finished_at


def render() -> None:
    """The Library page."""
    from ui import get_assistant, get_settings

    settings, assistant = get_settings(), get_assistant()
    st.title("Library")
    if "library_flash" in st.session_state:
        st.success(safe_markdown(st.session_state.pop("library_flash")))
    owner = owner_gate(settings)
    if owner and st.button("Refresh index", type="primary", key="refresh", icon=":material/sync:"):
        refresh(settings)
    report = load_report(report_path(settings))
    sources = render_table(assistant.documents(), settings, report)
    if report is not None:
        with st.expander("Last ingest report", expanded=bool(st.session_state.get("library_refreshed"))):
            render_report(report)
    if owner:
        left, right = st.columns(2, gap="large")
        with left:
            upload_form(settings)
        with right:
            retire_form(settings, sources)


if __name__ == "__main__":  # st.navigation runs this file as the page script
    render()
