"""Broken and hostile files: each fails with a clear reason or is cleaned, and good files still index."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import run_ingest
from settings import Settings
from tests import hostile
from tests.files import write_md, write_pdf
from vectorstore.embeddings import Embedder
from vectorstore.store import open_store


@pytest.fixture
def hostile_kb(settings: Settings, tmp_path: Path) -> Path:
    pol = settings.kb_dir / "policies"
    pol.mkdir(parents=True)
    write_md(pol / "good.md", "# Payouts\n\nPayPal withdrawals cost 0.9 percent.", title="Payouts")
    write_pdf(pol / "good.pdf", ["Bank withdrawals take 3 to 5 business days.", "Second page of rules."])
    hostile.circular_xref_pdf(pol / "circular-xref.pdf")
    hostile.cyclic_outline_pdf(pol / "cyclic-outline.pdf")
    hostile.bomb_pdf(pol / "bomb.pdf")
    hostile.encrypted_pdf(pol / "encrypted.pdf", tmp_path)
    (pol / "empty.pdf").write_bytes(b"")
    hostile.random_bytes(pol / "noise.pdf")
    good = (pol / "good.pdf").read_bytes()
    (pol / "truncated.pdf").write_bytes(good[: len(good) // 3])
    hostile.image_only_pdf(pol / "scan.pdf")
    hostile.hidden_text_pdf(pol / "hidden.pdf")
    hostile.xxe_docx(pol / "xxe.docx")
    hostile.zip_bomb_docx(pol / "bomb.docx")
    (pol / "hostile.html").write_text(hostile.HOSTILE_HTML, encoding="utf-8")
    hostile.text_files(pol)
    (pol / "huge.txt").write_bytes(b"a" * (3 * 1024 * 1024))
    return settings.kb_dir


def test_hostile_files_fail_clearly_and_good_files_index(settings: Settings, embedder: Embedder, hostile_kb: Path) -> None:
    settings = settings.model_copy(update={"max_file_mb": 2.0, "parse_memory_mb": 700, "parse_timeout": 60})
    store = open_store(settings, embedder)
    report = run_ingest(settings, store, embedder)
    failed = {f["path"].split("/")[-1]: f["error"] for f in report.failed}
    expected = {
        "bomb.pdf": "", "encrypted.pdf": "encrypted", "empty.pdf": "empty (0 bytes)", "noise.pdf": "not a PDF",
        "scan.pdf": "needs OCR", "xxe.docx": "DTD", "bomb.docx": "zip bomb", "huge.txt": "the limit is 2 MiB",
    }
    for name, words in expected.items():
        assert name in failed, (name, failed)
        assert f"policies/{name}" in failed[name] and words in failed[name], failed[name]
    assert report.exit_code == 1
    # Malformed PDFs either fail with a reason or yield their text; none hangs the run.
    for name in ("circular-xref.pdf", "cyclic-outline.pdf", "truncated.pdf"):
        assert name in failed or f"policies/{name}" in report.added
    indexed = store.ids_by_source()
    for good in ("good.md", "good.pdf", "hostile.html", "hidden.pdf", "latin.txt", "controls.txt"):
        assert f"policies/{good}" in indexed, (good, failed.get(good))
    texts = " ".join(t for _, t, _ in store.iter_chunks(include=("documents", "metadatas")))
    for planted in ("INVISIBLE", "WHITE promise", "TINY reveal", "IGNORE YOUR RULES", "steal(", "javascript:", "\x00", "\u202e"):
        assert planted not in texts, planted
    assert "Côte d’Ivoire" in texts and "3 days" in texts
    flagged = {f["path"]: " ".join(f["flags"]) for f in report.flagged}
    assert "hidden text" in flagged["policies/hidden.pdf"] and "hidden text" in flagged["policies/hostile.html"]
    assert "not UTF-8" in flagged["policies/latin.txt"] and "control" in flagged["policies/controls.txt"]


def test_parser_time_limit_kills_a_slow_file(settings: Settings, embedder: Embedder) -> None:
    pol = settings.kb_dir / "policies"
    write_md(pol / "good.md", "# Tax\n\nUS persons file Form W-9.", title="Tax")
    store = open_store(settings, embedder)
    assert not run_ingest(settings, store, embedder).failed  # at the default limit, however busy the machine
    write_pdf(pol / "long.pdf", [f"Page {i} of a very long policy about samples." for i in range(1500)])
    # only the new PDF is parsed under the limit, far below what 1,500 pages take on any machine
    settings = settings.model_copy(update={"parse_timeout": 0.05})
    report = run_ingest(settings, store, embedder)
    assert report.failed == [{"path": "policies/long.pdf", "error": "policies/long.pdf took longer than 0.05 s to parse; stopped"}]
    assert "policies/good.md" in store.ids_by_source()


def test_page_limit(settings: Settings, embedder: Embedder) -> None:
    write_pdf(settings.kb_dir / "policies" / "many.pdf", [f"Page {i}" for i in range(12)])
    settings = settings.model_copy(update={"max_pages": 10})
    report = run_ingest(settings, open_store(settings, embedder), embedder)
    assert report.failed[0]["error"] == "policies/many.pdf has 12 pages; the limit is 10"


def test_failed_hostile_replacement_keeps_old_chunks(settings: Settings, embedder: Embedder) -> None:
    pol = settings.kb_dir / "policies"
    write_pdf(pol / "rules.pdf", ["Original payout rules."])
    store = open_store(settings, embedder)
    run_ingest(settings, store, embedder)
    before = store.ids_by_source()["policies/rules.pdf"]
    hostile.bomb_pdf(pol / "rules.pdf")
    report = run_ingest(settings, store, embedder)
    assert report.failed and store.ids_by_source()["policies/rules.pdf"] == before
