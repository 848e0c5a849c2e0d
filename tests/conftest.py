"""Shared fixtures: the real embedding model once per session, settings in a temporary folder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

# Tests never read the developer's .env and never reach the network.
os.environ["HF_HUB_OFFLINE"] = "1"

from settings import NON_SETTING_VARIABLES, Settings, load_settings  # noqa: E402  (reads no variable on import)

# Tool switches such as CREATOR_DESK_SCREENSHOTS (make screenshots) are not settings: they stay.
for key in [k for k in os.environ if k.startswith("CREATOR_DESK_") and k not in NON_SETTING_VARIABLES]:
    del os.environ[key]

from vectorstore.embeddings import Embedder, load_embedder  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real all-MiniLM-L6-v2, loaded once for the whole session."""
    model = load_embedder("all-MiniLM-L6-v2")
    assert model.dimension == 384
    return model


@pytest.fixture(scope="session")
def reader():
    """The shipped reader, loaded once for the whole session."""
    from reader.model import Reader

    model = Reader()
    model.score("warm up", ["the model loads here"])
    return model


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings whose store, knowledge base and activity log live in tmp_path."""
    monkeypatch.chdir(tmp_path)  # so no stray .env is read
    values = {"store_dir": tmp_path / "store", "kb_dir": tmp_path / "kb", "activity_db": tmp_path / "activity.sqlite3"}
    for key, value in values.items():
        monkeypatch.setenv("CREATOR_DESK_" + key.upper(), str(value))
    (tmp_path / "kb").mkdir()
    return load_settings()


@pytest.fixture(scope="session")
def kb_store(embedder: Embedder, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample knowledge base ingested once per session into a temporary store."""
    from ingest.pipeline import run_ingest
    from vectorstore.store import open_store

    store_dir = tmp_path_factory.mktemp("kb-store")
    settings = load_settings(store_dir=store_dir, kb_dir=ROOT / "knowledge_base")
    report = run_ingest(settings, open_store(settings, embedder), embedder)
    assert not report.failed, report.failed
    return store_dir


@pytest.fixture
def kb_assistant(kb_store: Path, embedder: Embedder, reader, tmp_path: Path):
    """An offline Assistant over the sample knowledge base."""
    from assistant.service import build_assistant

    settings = load_settings(store_dir=kb_store, kb_dir=ROOT / "knowledge_base", activity_db=tmp_path / "a.db")
    return build_assistant(settings, embedder=embedder, reader=reader)


# Fixtures that load the model or the reader, or ingest with them: any test using one of them, directly or
# through another fixture (item.fixturenames is the whole closure), is slow. Tests that start subprocesses
# carry an explicit @pytest.mark.slow instead.
SLOW_FIXTURES = frozenset({"embedder", "reader", "kb_store", "kb_assistant"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that needs the model, the reader or an ingested store as slow (`make test-fast` skips them)."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
