"""Server mode: the same ingest and query against a real Chroma server on a loopback port."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from ingest.pipeline import run_ingest
from settings import Settings, load_settings
from tests.files import write_md, write_pdf
from vectorstore.embeddings import Embedder
from vectorstore.errors import StoreUnavailableError
from vectorstore.search import HybridSearcher
from vectorstore.store import Store, open_store

pytestmark = pytest.mark.server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A Chroma server from the chromadb package, on loopback, stopped afterwards."""
    exe = shutil.which("chroma", path=str(Path(sys.executable).parent))
    assert exe, "the chroma command ships with chromadb"
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen([exe, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("the Chroma server did not start")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture
def server_settings(settings: Settings, chroma_port: int, request: pytest.FixtureRequest) -> Settings:
    name = "t" + request.node.name.replace("_", "")[:40]
    return settings.model_copy(update={"chroma_mode": "server", "chroma_port": chroma_port, "collection": name})


def test_ingest_and_query_against_a_server(server_settings: Settings, embedder: Embedder) -> None:
    kb = server_settings.kb_dir
    write_md(kb / "policies" / "samples.md", "# Free samples\n\nCreators need sales in the last 120 days.", title="Free samples")
    write_pdf(kb / "policies" / "payouts.pdf", ["Bank withdrawals take 3 to 5 business days.", "PayPal costs 0.9 percent."])
    store = open_store(server_settings, embedder)
    first = run_ingest(server_settings, store, embedder)
    assert len(first.added) == 2 and store.count() == first.chunks
    again = run_ingest(server_settings, store, embedder)
    assert again.chunks == 0 and len(again.unchanged) == 2
    hits = HybridSearcher(store, embedder).search("how long does a bank withdrawal take", 3)
    assert hits[0].metadata["source"] == "policies/payouts.pdf" and hits[0].metadata["page"] == 1
    (kb / "policies" / "samples.md").unlink()
    assert run_ingest(server_settings, store, embedder).removed == ["policies/samples.md"]


def test_a_reader_sees_another_writers_refresh(server_settings: Settings, embedder: Embedder) -> None:
    kb = server_settings.kb_dir
    write_md(kb / "policies" / "a.md", "# Tax\n\nUS persons file Form W-9.", title="Tax")
    writer = open_store(server_settings, embedder)
    run_ingest(server_settings, writer, embedder)
    reader = HybridSearcher(Store(server_settings, embedder), embedder)
    assert reader.search("Form W-9", 3, mode="keyword")
    write_md(kb / "policies" / "b.md", "# Refundable samples\n\nThe refund clock pauses for 10 days.", title="Refundable")
    run_ingest(server_settings, writer, embedder)
    hits = reader.search("refund clock pauses", 3, mode="keyword")
    assert hits and hits[0].metadata["source"] == "policies/b.md"


def test_unreachable_server_is_a_clear_error(settings: Settings, embedder: Embedder) -> None:
    bad = settings.model_copy(update={"chroma_mode": "server", "chroma_port": free_port()})
    with pytest.raises(StoreUnavailableError, match="Knowledge base unavailable"):
        open_store(bad, embedder)
