"""Incremental ingest against real Chroma with the real model."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.pipeline import run_ingest
from settings import Settings
from tests.conftest import ROOT
from tests.files import write_md, write_pdf
from vectorstore.embeddings import Embedder
from vectorstore.errors import EmbeddingMismatchError
from vectorstore.store import Store, open_store


class CountingEmbedder:
    """The real embedder, counting how many texts it embedded."""

    def __init__(self, inner: Embedder):
        self.inner, self.embedded = inner, 0

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def embed(self, texts):
        self.embedded += len(texts)
        return self.inner.embed(texts)


def long_body(topic: str, paragraphs: int) -> str:
    """A Markdown body with several sections about a topic."""
    parts = ["# " + topic.title()]
    for i in range(paragraphs):
        parts.append(f"## Part {i}\n\n" + f"Rule {i} about {topic}: creators must follow step {i}. " * 12)
    return "\n\n".join(parts)


@pytest.fixture
def kb(settings: Settings) -> Path:
    root = settings.kb_dir
    write_md(root / "policies" / "samples.md", long_body("free samples", 4), title="Free samples", region="US")
    write_md(root / "processes" / "crm.md", "# CRM\n\nLog every conversation with a topic tag.", title="CRM logging")
    write_pdf(root / "policies" / "payouts.pdf", ["Bank withdrawals take 3 to 5 business days.",
                                                  "PayPal withdrawals cost 0.9 percent."])
    return root


def test_second_run_embeds_nothing(settings: Settings, embedder: Embedder, kb: Path) -> None:
    counting = CountingEmbedder(embedder)
    store = open_store(settings, counting)
    first = run_ingest(settings, store, counting)
    assert sorted(first.added) == ["policies/payouts.pdf", "policies/samples.md", "processes/crm.md"]
    assert first.chunks == store.count() == counting.embedded > 3
    counting.embedded = 0
    second = run_ingest(settings, store, counting)
    assert counting.embedded == 0 and second.chunks == 0
    assert len(second.unchanged) == 3 and not second.added and not second.updated
    assert store.count() == first.chunks


def test_chunk_ids_are_deterministic_and_fit_the_window(settings: Settings, embedder: Embedder, kb: Path) -> None:
    store = open_store(settings, embedder)
    run_ingest(settings, store, embedder)
    chunks = list(store.iter_chunks(include=("documents", "metadatas")))
    for cid, text, meta in chunks:
        assert cid == f"{meta['source']}:{meta['version']}:{meta['chunk_index']}"
        prefix = " > ".join([meta["title"], *filter(None, [meta["section"]])])
        assert embedder.count_tokens(prefix + "\n" + text) + 2 <= embedder.max_tokens
    pdf = [m for _, _, m in chunks if m["source"] == "policies/payouts.pdf"]
    assert sorted(m["page"] for m in pdf) == [1, 2]
    md = [m for _, _, m in chunks if m["source"] == "policies/samples.md"]
    assert {m["region"] for m in md} == {"US"} and md[0]["doc_type"] == "policy"
    assert "Part 1" in {m["section"] for m in md}


def test_packed_paragraphs_keep_their_blank_lines_and_a_long_table_its_rows(embedder: Embedder) -> None:
    """A section over the chunk budget is split and packed again: its paragraphs stay apart (a Markdown table
    joined to the next line by a bare line break swallowed that paragraph as a row), and a table split by
    rows stays one table per chunk, row under row."""
    from ingest.chunking import chunk_document
    from ingest.documents import LoadedDoc, Section

    table = "| Monthly GMV | Requests |\n|---|---|\n" + "\n".join(f"| Tier {i} | Up to {i * 5} |" for i in range(40))
    text = "\n\n".join(["Request limits depend on GMV:", table, "The badge level also matters.",
                         "Sellers approve each request. " * 20])
    doc = LoadedDoc(source="policies/s.md", title="Samples", sections=[Section(["Limits"], text)], metadata={})
    chunks = chunk_document(doc, "f" * 64, embedder.max_tokens, 120, embedder.count_tokens)
    assert len(chunks) > 2
    joined = [c.text for c in chunks]
    assert any("| Tier 0 | Up to 0 |\n| Tier 1 | Up to 5 |" in t for t in joined), joined
    assert any("|\n\nThe badge level also matters." in t or t.startswith("The badge level") for t in joined), joined
    assert not any("|\nThe badge level" in t for t in joined)


def test_changed_file_replaces_its_chunks_without_orphans(settings: Settings, embedder: Embedder, kb: Path) -> None:
    store = open_store(settings, embedder)
    run_ingest(settings, store, embedder)
    before = store.ids_by_source()["policies/samples.md"]
    write_md(kb / "policies" / "samples.md", "# Free samples\n\nOnly one short rule now.", title="Free samples")
    report = run_ingest(settings, store, embedder)
    assert report.updated == ["policies/samples.md"]
    after = store.ids_by_source()["policies/samples.md"]
    assert len(after) == 1 and not (after & before)
    assert store.read_manifest()["policies/samples.md"]["chunk_ids"] == sorted(after)


def test_deleted_file_is_removed(settings: Settings, embedder: Embedder, kb: Path) -> None:
    store = open_store(settings, embedder)
    run_ingest(settings, store, embedder)
    (kb / "processes" / "crm.md").unlink()
    report = run_ingest(settings, store, embedder)
    assert report.removed == ["processes/crm.md"]
    assert "processes/crm.md" not in store.ids_by_source()
    assert "processes/crm.md" not in store.read_manifest()


def test_failing_file_keeps_old_chunks(settings: Settings, embedder: Embedder, kb: Path) -> None:
    store = open_store(settings, embedder)
    run_ingest(settings, store, embedder)
    old = store.ids_by_source()["policies/payouts.pdf"]
    (kb / "policies" / "payouts.pdf").write_bytes(b"%PDF-1.7\n garbage that is not a pdf")
    report = run_ingest(settings, store, embedder)
    assert [f["path"] for f in report.failed] == ["policies/payouts.pdf"]
    assert "payouts.pdf" in report.failed[0]["error"] and report.exit_code == 1
    assert store.ids_by_source()["policies/payouts.pdf"] == old
    assert "policies/payouts.pdf" not in report.updated


def test_dry_run_writes_nothing(settings: Settings, embedder: Embedder, kb: Path) -> None:
    store = open_store(settings, embedder)
    report = run_ingest(settings, store, embedder, dry_run=True)
    assert len(report.added) == 3 and store.count() == 0


def test_other_model_is_refused(settings: Settings, embedder: Embedder, kb: Path) -> None:
    store = open_store(settings, embedder)
    run_ingest(settings, store, embedder)

    class Other:
        name, dimension = "some-other-model", 768

    with pytest.raises(EmbeddingMismatchError, match="built with embedding model 'all-MiniLM-L6-v2'"):
        Store(settings, Other())


@pytest.mark.slow
def test_cli_json_contract_and_exit_codes(settings: Settings, kb: Path, tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "ingest", "--json", "--source", str(kb), "--store", str(tmp_path / "cli")]
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    for key in ("added", "updated", "removed", "unchanged", "failed", "chunks", "seconds"):
        assert key in report
    assert len(report["added"]) == 3 and report["failed"] == []
    (kb / "policies" / "broken.pdf").write_bytes(b"")
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["failed"] == [{"path": "policies/broken.pdf", "error": "policies/broken.pdf is empty (0 bytes)"}]
    assert len(report["unchanged"]) == 3
