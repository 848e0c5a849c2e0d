"""Whole ingest runs over messy knowledge bases: one bad document never stops the run or holds the lock."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingest.pipeline import report_path, run_ingest
from ingest.report import load_report
from settings import Settings
from tests.files import write_md
from tests.hostile import alias_bomb
from vectorstore.embeddings import Embedder
from vectorstore.lock import writer_lock
from vectorstore.store import open_store

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]  # a hang fails here instead of stalling the suite

LONG_HEADING = " ".join(f"requirement{i} for creators in every market" for i in range(30))


def test_a_heading_over_the_window_is_truncated_flagged_and_the_lock_released(settings: Settings,
                                                                               embedder: Embedder) -> None:
    pol = settings.kb_dir / "policies"
    write_md(pol / "good.md", "# Payouts\n\nPayPal withdrawals cost 0.9 percent.", title="Payouts")
    write_md(pol / "long-heading.md", f"# Samples\n\n## {LONG_HEADING}\n\nSamples ship in 5 days.", title="Samples")
    (pol / "long-heading.html").write_text(
        f"<html><body><h1>Live</h1><h2>{LONG_HEADING} {LONG_HEADING}</h2><p>Go live weekly.</p></body></html>")
    store = open_store(settings, embedder)
    report = run_ingest(settings, store, embedder)
    assert not report.failed
    assert set(store.ids_by_source()) == {"policies/good.md", "policies/long-heading.md", "policies/long-heading.html"}
    flagged = {f["path"]: " ".join(f["flags"]) for f in report.flagged}
    assert "truncated" in flagged["policies/long-heading.md"] and "truncated" in flagged["policies/long-heading.html"]
    with writer_lock(store.store_dir):  # released: a second writer gets it at once
        pass


def test_an_alias_bomb_fails_alone_and_no_value_grows(settings: Settings, embedder: Embedder) -> None:
    pol = settings.kb_dir / "policies"
    write_md(pol / "good.md", "# Payouts\n\nPayPal withdrawals cost 0.9 percent.", title="Payouts")
    (pol / "bomb.md").write_text(f"---\ntitle: Bomb\n{alias_bomb()}---\n# Bomb\n\nText.\n", encoding="utf-8")
    (pol / "notes.txt").write_text("Samples ship in 5 days.", encoding="utf-8")
    (pol / "notes.txt.meta.yaml").write_text(alias_bomb(7), encoding="utf-8")
    store = open_store(settings, embedder)
    report = run_ingest(settings, store, embedder)
    failed = {f["path"]: f["error"] for f in report.failed}
    assert set(failed) == {"policies/bomb.md", "policies/notes.txt"} and all("alias" in e for e in failed.values())
    assert set(store.ids_by_source()) == {"policies/good.md"}
    assert all(len(str(v)) < 1000 for _, _, m in store.iter_chunks() for v in m.values())


def test_nothing_outside_the_knowledge_base_is_indexed_or_quoted(settings: Settings, embedder: Embedder,
                                                                 tmp_path: Path) -> None:
    secret = tmp_path / "secret.env"
    secret.write_text("OWNER_PASSPHRASE: hunter2-SECRET\nLLM_API_KEY=sk-live-SECRET [\n", encoding="utf-8")
    pol = settings.kb_dir / "policies"
    write_md(pol / "good.md", "# Payouts\n\nPayPal withdrawals cost 0.9 percent.", title="Payouts")
    (pol / "environ.txt").symlink_to(secret)
    (pol / "passwd.md").symlink_to("/etc/passwd")
    (pol / "rules.txt").write_text("Samples ship in 5 days.", encoding="utf-8")
    (pol / "rules.txt.meta.yaml").symlink_to(secret)
    store = open_store(settings, embedder)
    report = run_ingest(settings, store, embedder)
    assert set(store.ids_by_source()) == {"policies/good.md"}
    assert {s["path"] for s in report.skipped} == {"policies/environ.txt", "policies/passwd.md", "policies/rules.txt"}
    texts = " ".join(str(t) for _, t, _ in store.iter_chunks(include=("documents", "metadatas")))
    saved = report_path(settings).read_text(encoding="utf-8")
    for leak in ("SECRET", "root:"):
        assert leak not in texts and leak not in report.to_json() and leak not in saved


def test_a_file_name_that_is_not_utf8_fails_alone(settings: Settings, embedder: Embedder) -> None:
    pol = settings.kb_dir / "policies"
    write_md(pol / "good.md", "# Payouts\n\nPayPal withdrawals cost 0.9 percent.", title="Payouts")
    with open(os.fsencode(pol) + b"/caf\xe9.md", "wb") as handle:
        handle.write(b"# Cafe\n\nCoffee creators post daily.")
    store = open_store(settings, embedder)
    report = run_ingest(settings, store, embedder)
    assert [f["path"] for f in report.failed] == ["policies/caf\\xe9.md"] and report.exit_code == 1
    assert report.added == ["policies/good.md"] and set(store.ids_by_source()) == {"policies/good.md"}
    assert load_report(report_path(settings)).failed == report.failed  # the saved report is plain text
    again = run_ingest(settings, store, embedder)  # and the next run neither crashes nor removes anything
    assert again.unchanged == ["policies/good.md"] and not again.removed


def test_a_chunking_fault_fails_one_document_only(settings: Settings, embedder: Embedder,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.pipeline as pipeline

    real = pipeline.chunk_document

    def faulty(doc, *args, **kwargs):  # fault injection: the chunker breaks on one document
        if doc.source == "policies/bad.md":
            raise RecursionError("injected")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(pipeline, "chunk_document", faulty)
    pol = settings.kb_dir / "policies"
    write_md(pol / "good.md", "# Payouts\n\nPayPal withdrawals cost 0.9 percent.", title="Payouts")
    write_md(pol / "bad.md", "# Samples\n\nSamples ship in 5 days.", title="Samples")
    store = open_store(settings, embedder)
    report = run_ingest(settings, store, embedder)
    assert report.failed == [{"path": "policies/bad.md", "error": "policies/bad.md could not be chunked (RecursionError)"}]
    assert set(store.ids_by_source()) == {"policies/good.md"}
