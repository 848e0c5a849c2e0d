"""Whole ingest runs over messy knowledge bases: one bad document never stops the run or holds the lock."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import run_ingest
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
