"""Knowledge-base files from the Library page: validate and save uploads, retire documents."""
from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import yaml

from ingest.loaders import LOADERS
from ingest.meta import FOLDER_TYPES, SIDECAR_SUFFIX, sidecar_path
from settings import Settings

FOLDERS = {doc_type: folder for folder, doc_type in FOLDER_TYPES.items()}  # "policy" -> "policies"
TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm"}
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,150}$")
# Binary formats someone might rename to .md or .txt; text files must not start like these.
BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x7fELF", b"MZ", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\xd0\xcf\x11\xe0")


class UploadError(Exception):
    """An upload or retire request was refused; the message says why in plain words."""


def check_name(filename: str, settings: Settings) -> str:
    """The bare file name, or UploadError if it names a folder, a hidden file or an unsupported type."""
    if not filename or "/" in filename or "\\" in filename or ".." in filename or "\x00" in filename:
        raise UploadError(f"'{filename}' is not a plain file name; folders and '..' are not allowed.")
    if not NAME_RE.match(filename):
        raise UploadError(f"'{filename}' has characters we do not accept; use letters, digits, '-', '_' and '.'.")
    suffix = Path(filename).suffix.lower()
    if filename.lower().endswith(SIDECAR_SUFFIX) or suffix not in LOADERS:
        allowed = ", ".join(sorted(LOADERS))
        raise UploadError(f"'{filename}' is not a supported document type ({allowed}).")
    if filename in settings.ignore_files:
        raise UploadError(f"'{filename}' is a name ingest ignores; rename the file.")
    return filename


def check_size(filename: str, size: int, settings: Settings) -> None:
    """Refuse empty files and files over settings.max_file_mb."""
    limit = int(settings.max_file_mb * 1024 * 1024)
    if size == 0:
        raise UploadError(f"'{filename}' is empty.")
    if size > limit:
        raise UploadError(f"'{filename}' is {size / 1_048_576:.1f} MiB; the limit is {settings.max_file_mb:g} MiB.")


def check_content(filename: str, data: bytes) -> None:
    """The bytes must be what the suffix claims: PDF header, a Word zip, or text."""
    suffix = Path(filename).suffix.lower()
    if suffix == ".pdf" and b"%PDF-" not in data[:1024]:  # the spec allows junk before the header
        raise UploadError(f"'{filename}' is not a PDF (no %PDF- header).")
    if suffix == ".docx":
        check_docx(filename, data)
    if suffix in TEXT_SUFFIXES:
        if data.startswith(BINARY_MAGIC) or b"\x00" in data[:8192]:
            raise UploadError(f"'{filename}' looks like a binary file, not {suffix} text.")


def check_docx(filename: str, data: bytes) -> None:
    """A DOCX is a zip holding word/document.xml; reading the directory does not inflate anything."""
    if not data.startswith(b"PK\x03\x04"):
        raise UploadError(f"'{filename}' is not a Word document (not a zip file).")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as err:
        raise UploadError(f"'{filename}' is a damaged zip file.") from err
    if "word/document.xml" not in names:
        raise UploadError(f"'{filename}' is a zip file but not a Word document.")


def target_path(settings: Settings, doc_type: str, filename: str) -> Path:
    """Where an upload goes: kb_dir/policies/ or kb_dir/processes/."""
    if doc_type not in FOLDERS:
        raise UploadError(f"Unknown document type '{doc_type}'; use one of {sorted(FOLDERS)}.")
    return Path(settings.kb_dir) / FOLDERS[doc_type] / filename


def atomic_write(path: Path, data: bytes) -> None:
    """Write beside the target and rename, so ingest never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".upload-", suffix=".part")  # '.'-prefixed: scan skips it
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_upload(settings: Settings, filename: str, data: bytes, doc_type: str,
                meta: dict[str, Any] | None = None) -> tuple[Path, bool]:
    """Validate and save one uploaded file (and a sidecar for non-Markdown files); returns (path, replaced)."""
    name = check_name(filename, settings)
    check_size(name, len(data), settings)
    check_content(name, data)
    path = target_path(settings, doc_type, name)
    replaced = path.exists()
    atomic_write(path, data)
    fields = {k: v for k, v in (meta or {}).items() if v not in (None, "")}
    if fields and path.suffix.lower() not in {".md", ".markdown"}:  # Markdown keeps metadata in front matter
        atomic_write(sidecar_path(path), yaml.safe_dump(fields, sort_keys=False, allow_unicode=True).encode())
    return path, replaced


def resolve_source(settings: Settings, source: str) -> Path:
    """The file for a knowledge-base source path, refusing anything outside kb_dir."""
    root = Path(settings.kb_dir).resolve()
    path = (root / source).resolve()
    if root not in path.parents or source.endswith(SIDECAR_SUFFIX):
        raise UploadError(f"'{source}' is not a document in the knowledge base.")
    return path


def retire(settings: Settings, source: str) -> list[Path]:
    """Delete a document and its sidecar; ingest removes its chunks on the next refresh."""
    path = resolve_source(settings, source)
    if not path.is_file():
        raise UploadError(f"'{source}' is not in the knowledge base (already retired?).")
    removed = []
    for target in (path, sidecar_path(path)):
        if target.exists():
            target.unlink()
            removed.append(target)
    return removed
