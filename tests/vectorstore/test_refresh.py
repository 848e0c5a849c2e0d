"""A reading process sees an ingest done by another process, without a restart (embedded mode)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

from ingest.pipeline import run_ingest
from settings import Settings
from tests.conftest import ROOT
from tests.files import write_md
from vectorstore.embeddings import Embedder
from vectorstore.search import HybridSearcher
from vectorstore.store import open_store


def ingest_in_other_process(settings: Settings, tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "ingest", "--json", "--source", str(settings.kb_dir), "--store", str(settings.store_dir)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr


def test_reader_sees_other_process_refresh(settings: Settings, embedder: Embedder, tmp_path: Path) -> None:
    kb = settings.kb_dir
    write_md(kb / "policies" / "tax.md", "# Tax\n\nUS persons file Form W-9 under Tax information.", title="Tax")
    run_ingest(settings, open_store(settings, embedder), embedder)
    reader = HybridSearcher(open_store(settings, embedder), embedder)
    assert reader.search("Form W-9", 3)[0].metadata["source"] == "policies/tax.md"

    write_md(kb / "policies" / "refund.md", "# Refundable samples\n\nThe refund clock pauses for 10 days when stock runs out.",
             title="Refundable samples")
    (kb / "policies" / "tax.md").unlink()
    ingest_in_other_process(settings, tmp_path)

    for mode in ("dense", "keyword", "hybrid"):
        sources = {h.metadata["source"] for h in reader.search("refund clock pauses stock", 3, mode=mode)}
        assert sources == {"policies/refund.md"}, (mode, sources)


def test_refresh_rereads_only_changed_sources_and_matches_a_full_rebuild(settings: Settings, embedder: Embedder,
                                                                         monkeypatch) -> None:
    """After another writer's ingest, a reader re-reads the chunks of changed sources only (48 s at 100k
    chunks when it re-read every row), and ends up with exactly the index a full rebuild gives."""
    kb = settings.kb_dir
    for name in ("tax", "samples", "live"):
        write_md(kb / "policies" / f"{name}.md", f"# {name}\n\nThe {name} rule says creators must check {name}.", title=name)
    run_ingest(settings, open_store(settings, embedder), embedder)
    reader = HybridSearcher(open_store(settings, embedder), embedder)
    reader.refresh()

    write_md(kb / "policies" / "tax.md", "# tax\n\nUS persons file Form W-9 under Tax information.", title="tax")
    write_md(kb / "policies" / "refund.md", "# refund\n\nThe refund clock pauses for 10 days.", title="refund")
    (kb / "policies" / "live.md").unlink()
    run_ingest(settings, open_store(settings, embedder), embedder)

    read_all, tokenised = [], []
    monkeypatch.setattr(reader.store, "all_rows", lambda *a, **k: read_all.append(1) or ([], np.zeros((0, 0))))
    tokenize = reader.keyword._tokenizer.tokenize
    monkeypatch.setattr(reader.keyword._tokenizer, "tokenize", lambda texts, **k: tokenised.extend(texts) or tokenize(texts, **k))
    assert reader.refresh()
    assert not read_all, "an incremental refresh must not read every row"
    assert tokenised and all("W-9" in t or "refund" in t for t in tokenised), "only the changed documents are tokenised"
    monkeypatch.undo()
    full = HybridSearcher(open_store(settings, embedder), embedder)
    full.refresh()
    assert (reader.keyword.ids, reader.keyword.texts, reader.keyword.metas) == (full.keyword.ids, full.keyword.texts, full.keyword.metas)
    assert np.array_equal(reader.dense.matrix, full.dense.matrix)  # kept vectors stay row for row with their chunks
    assert reader.search("refund clock pauses", 1, mode="keyword")[0].metadata["source"] == "policies/refund.md"
    assert not any("live" in s for s in {m["source"] for m in reader.keyword.metas})
    assert not reader.keyword.knows("live") and full.keyword.knows("refund")  # removed words are forgotten
    for query in ("Form W-9 tax", "refund clock", "samples rule"):
        for mode in ("keyword", "dense"):
            assert [(h.id, h.score) for h in reader.search(query, 5, mode=mode)] == \
                   [(h.id, h.score) for h in full.search(query, 5, mode=mode)]


def test_refresh_reads_everything_when_a_writer_bypassed_the_manifest(settings: Settings, embedder: Embedder) -> None:
    write_md(settings.kb_dir / "policies" / "tax.md", "# Tax\n\nUS persons file Form W-9.", title="Tax")
    run_ingest(settings, open_store(settings, embedder), embedder)
    reader = HybridSearcher(open_store(settings, embedder), embedder)
    reader.refresh()
    writer = open_store(settings, embedder)
    vector = embedder.embed(["a stray chunk about payouts"])[0]
    writer.chunks.add(ids=["stray"], documents=["a stray chunk about payouts"], embeddings=[vector],
                      metadatas=[{"source": "elsewhere.md", "current": True, "chunk_index": 0}])
    writer.bump_generation()
    assert reader.refresh()
    assert "stray" in reader.keyword.ids
