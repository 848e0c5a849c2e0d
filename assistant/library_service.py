"""What the Library and Learn pages may do with the knowledge base: list, read, upload, retire, reindex."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from assistant.errors import AssistantError
from assistant.library import DocInfo, Document, is_stale, read_document
from ingest.files import FOLDERS, UploadError, retire, save_upload
from ingest.loaders import LOADERS
from ingest.manifest import scan
from ingest.pipeline import report_path, run_ingest
from ingest.report import Report, last_result, load_report, report_flags
from settings import Settings
from vectorstore.errors import StoreError, StoreLockedError

if TYPE_CHECKING:
    from assistant.service import Assistant

Progress = Callable[[str, int, int], None]
# What the pages catch around a service call: each is a plain message for the user, never a crash.
SERVICE_ERRORS: tuple[type[Exception], ...] = (AssistantError, StoreError)


class LibraryError(Exception):
    """A library action was refused or failed; the message says why in plain words."""


@dataclass
class DocRow:
    """One line of the Library table: a document, or a file not ingested yet."""

    source: str
    title: str = ""
    doc_type: str = ""
    topic: str = ""
    region: str = ""
    owner: str = ""
    reviewed: str = ""
    effective: str = ""
    stale: bool = False
    chunks: int = 0
    version: str = "current"  # current or superseded
    last_ingest: str = ""
    flags: str = ""


class LibraryService:
    """The knowledge base seen from the pages; the only way they reach ingest and the store."""

    def __init__(self, settings: Settings, assistant: "Assistant"):
        self.settings, self.assistant = settings, assistant

    @staticmethod
    def upload_types() -> list[str]:
        """File suffixes a document may have, from the loader registry."""
        return sorted(suffix.lstrip(".") for suffix in LOADERS)

    @staticmethod
    def folders() -> dict[str, str]:
        """Document type -> knowledge-base folder ("policy" -> "policies")."""
        return dict(FOLDERS)

    def last_report(self) -> Report | None:
        """The report of the last ingest, if any."""
        return load_report(report_path(self.settings))

    def documents(self) -> list[DocInfo]:
        """Every indexed document."""
        return self.assistant.documents()

    def files(self) -> list[str]:
        """Every document file in the knowledge-base folder (what an owner may retire)."""
        try:
            return sorted(scan(self.settings.kb_dir, self.settings.ignore_files)[0])
        except FileNotFoundError:
            return []

    def rows(self) -> list[DocRow]:
        """The Library table: indexed documents, then files on disk not in the index yet."""
        report, docs = self.last_report(), self.documents()
        rows = [self._row(d, report) for d in docs]
        indexed = {d.source for d in docs}
        rows += [DocRow(source=s, version="", last_ingest=last_result(report, s) or "not ingested yet")
                 for s in self.files() if s not in indexed]
        return rows

    def _row(self, doc: DocInfo, report: Report | None) -> DocRow:
        """One indexed document as a table row."""
        return DocRow(source=doc.source, title=doc.title, doc_type=doc.doc_type, topic=doc.topic,
                      region=doc.region, owner=doc.owner, reviewed=doc.reviewed, effective=doc.effective,
                      stale=is_stale(doc.reviewed, self.settings.stale_after_days), chunks=doc.chunks,
                      version="superseded" if doc.status.lower() == "superseded" else "current",
                      last_ingest=last_result(report, doc.source), flags=doc.flags or report_flags(report, doc.source))

    def read_document(self, source: str) -> Document:
        """A document's front matter and its chunks in order."""
        return read_document(self.assistant.searcher.store, source)

    def upload(self, filename: str, data: bytes, doc_type: str, meta: dict[str, Any]) -> tuple[Path, bool]:
        """Validate and save a new or replacement file; returns its path and whether it replaced one."""
        try:
            return save_upload(self.settings, filename, data, doc_type, meta)
        except (UploadError, OSError) as err:
            raise LibraryError(str(err)) from err

    def retire(self, source: str) -> None:
        """Delete a document file and its sidecar (Refresh index then removes its chunks)."""
        try:
            retire(self.settings, source)
        except UploadError as err:
            raise LibraryError(str(err)) from err

    def reindex(self, progress: Progress | None = None) -> Report:
        """Bring the index in line with the folder, one writer at a time; the searcher sees it at once."""
        try:
            report = run_ingest(self.settings, self.assistant.searcher.store, self.assistant.embedder,
                                progress=progress)
        except StoreLockedError as err:
            raise LibraryError(str(err)) from err
        except (StoreError, FileNotFoundError) as err:
            raise LibraryError(f"Refresh failed: {err}") from err
        self.assistant.searcher.refresh(force=True)
        return report
