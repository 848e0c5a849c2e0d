"""Uploads and retiring of knowledge-base files: validated server-side, never outside the folder."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ingest.files import UploadError, resolve_source, retire, save_upload
from settings import Settings
from tests.files import write_docx, write_pdf

MD = b"---\ntitle: Live FAQ\n---\n# Live FAQ\n\nGo live for at least 30 minutes.\n"


def test_markdown_is_saved_in_its_folder(settings: Settings) -> None:
    path, replaced = save_upload(settings, "live-faq.md", MD, "policy")
    assert path == settings.kb_dir / "policies" / "live-faq.md" and path.read_bytes() == MD and not replaced
    path, replaced = save_upload(settings, "live-faq.md", MD + b"More.\n", "policy")
    assert replaced and path.read_bytes().endswith(b"More.\n")
    assert [p.name for p in path.parent.iterdir()] == ["live-faq.md"], "no temp files are left behind"


def test_real_pdf_and_docx_are_accepted_with_a_sidecar(settings: Settings, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "src" / "payouts.pdf", ["Bank withdrawals take 3 to 5 business days."])
    path, _ = save_upload(settings, "payouts.pdf", pdf.read_bytes(), "policy", {"title": "Payouts", "owner": ""})
    sidecar = path.with_name("payouts.pdf.meta.yaml")
    assert yaml.safe_load(sidecar.read_text()) == {"title": "Payouts"}
    docx = write_docx(tmp_path / "src" / "tax.docx", "Tax", {"Forms": "Submit a W-9."})
    path, _ = save_upload(settings, "tax.docx", docx.read_bytes(), "process")
    assert path == settings.kb_dir / "processes" / "tax.docx"


def test_markdown_upload_never_gets_a_sidecar(settings: Settings) -> None:
    path, _ = save_upload(settings, "live-faq.md", MD, "policy", {"title": "Ignored"})
    assert not path.with_name("live-faq.md.meta.yaml").exists()


@pytest.mark.parametrize("name, data, message", [
    ("fake.pdf", b"PK\x03\x04 this is a zip", "not a PDF"),
    ("fake.pdf", b"", "empty"),
    ("fake.docx", b"%PDF-1.7 a pdf in disguise", "not a Word document"),
    ("fake.docx", b"PK\x03\x04garbage", "damaged zip"),
    ("notes.md", b"%PDF-1.4\n binary", "binary"),
    ("notes.txt", b"text\x00with NUL", "binary"),
    ("virus.exe", b"MZ\x90\x00", "not a supported document type"),
    ("notes.md.meta.yaml", b"title: x", "not a supported document type"),
    ("README.md", MD, "ingest ignores"),
    ("../../x.md", MD, "not a plain file name"),
    ("..\\x.md", MD, "not a plain file name"),
    ("/etc/x.md", MD, "not a plain file name"),
    (".hidden.md", MD, "characters we do not accept"),
])
def test_bad_uploads_are_refused(settings: Settings, name: str, data: bytes, message: str) -> None:
    with pytest.raises(UploadError, match=message):
        save_upload(settings, name, data, "policy")
    assert not any(settings.kb_dir.rglob("*")), "nothing was written"
    assert not (settings.kb_dir.parent / "x.md").exists()


def test_docx_zip_without_word_document_is_refused(settings: Settings, tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "x.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(UploadError, match="not a Word document"):
        save_upload(settings, "x.docx", archive.read_bytes(), "policy")


def test_oversize_upload_is_refused(settings: Settings) -> None:
    small = settings.model_copy(update={"max_file_mb": 0.001})  # about 1 KiB
    with pytest.raises(UploadError, match="the limit is"):
        save_upload(small, "big.md", MD + b"x" * 4096, "policy")


def test_unknown_folder_is_refused(settings: Settings) -> None:
    with pytest.raises(UploadError, match="Unknown document type"):
        save_upload(settings, "a.md", MD, "secrets")


def test_retire_removes_the_file_and_its_sidecar(settings: Settings, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "src" / "payouts.pdf", ["Bank withdrawals take 3 to 5 business days."])
    path, _ = save_upload(settings, "payouts.pdf", pdf.read_bytes(), "policy", {"title": "Payouts"})
    removed = retire(settings, "policies/payouts.pdf")
    assert sorted(p.name for p in removed) == ["payouts.pdf", "payouts.pdf.meta.yaml"]
    assert not any((settings.kb_dir / "policies").iterdir())
    with pytest.raises(UploadError, match="already retired"):
        retire(settings, "policies/payouts.pdf")


@pytest.mark.parametrize("source", ["../activity.sqlite3", "/etc/passwd", "policies/../../x", "policies/a.pdf.meta.yaml"])
def test_retire_refuses_paths_outside_the_knowledge_base(settings: Settings, source: str) -> None:
    outside = settings.kb_dir.parent / "x"
    outside.write_text("keep me")
    with pytest.raises(UploadError):
        resolve_source(settings, source)
    with pytest.raises(UploadError):
        retire(settings, source)
    assert outside.exists()
