"""A reading process sees an ingest done by another process, without a restart (embedded mode)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
