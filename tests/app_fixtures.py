"""Fixtures for the app tests: a small real knowledge base in a temp folder, ingested with the real model."""
from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from ingest.pipeline import run_ingest
from settings import Settings, load_settings
from tests.conftest import ROOT
from vectorstore.embeddings import Embedder
from vectorstore.store import open_store

APP = ROOT / "app.py"
PASSPHRASE = "correct horse battery staple"
KB_FILES = (
    "policies/free-samples.md",
    "policies/refundable-samples.pdf", "policies/refundable-samples.pdf.meta.yaml",
    "policies/withdrawals-and-payouts.html", "policies/withdrawals-and-payouts.html.meta.yaml",
    "processes/escalation-matrix.md",
    "processes/sample-request-triage.md",
)


@dataclass
class AppEnv:
    """Where the app under test keeps its files, and the environment that points it there."""

    root: Path
    settings: Settings
    env: dict[str, str]


def copy_kb(target: Path) -> None:
    """A few real documents of each format from the sample knowledge base."""
    for rel in KB_FILES:
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "knowledge_base" / rel, target / rel)


def app_environment(root: Path, passphrase: str | None = PASSPHRASE) -> dict[str, str]:
    """CREATOR_DESK_* variables for an app whose data lives under root."""
    env = {"CREATOR_DESK_KB_DIR": str(root / "kb"), "CREATOR_DESK_STORE_DIR": str(root / "store"),
           "CREATOR_DESK_ACTIVITY_DB": str(root / "activity.sqlite3"), "CREATOR_DESK_LLM_PROVIDER": "none"}
    if passphrase is not None:
        env["CREATOR_DESK_OWNER_PASSPHRASE"] = passphrase
    return env


def build_env(root: Path, embedder: Embedder, passphrase: str | None = PASSPHRASE) -> AppEnv:
    """Copy and ingest the small knowledge base; returns settings without touching os.environ."""
    copy_kb(root / "kb")
    env = app_environment(root, passphrase)
    settings = load_settings(kb_dir=Path(env["CREATOR_DESK_KB_DIR"]), store_dir=Path(env["CREATOR_DESK_STORE_DIR"]),
                             activity_db=Path(env["CREATOR_DESK_ACTIVITY_DB"]))
    report = run_ingest(settings, open_store(settings, embedder), embedder)
    assert not report.failed, report.failed
    return AppEnv(root, settings, env)


@pytest.fixture(autouse=True)
def keep_main_module() -> Iterator[None]:
    """Put back sys.modules["__main__"] after each test: AppTest leaves the app script there, and
    multiprocessing's spawn (the ingest sandbox) would re-run that script in every child it starts."""
    main = sys.modules["__main__"]
    try:
        yield
    finally:
        sys.modules["__main__"] = main


@pytest.fixture(scope="module")
def app_env(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[AppEnv]:
    """An ingested knowledge base, with the process environment pointing the app at it for this module."""
    import streamlit as st

    built = build_env(tmp_path_factory.mktemp("app"), embedder)
    saved = {k: os.environ.get(k) for k in built.env}
    cwd = Path.cwd()
    os.environ.update(built.env)
    os.chdir(built.root)  # settings read `.env` from the working directory; there is none here
    st.cache_resource.clear()
    try:
        yield built
    finally:
        os.chdir(cwd)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        st.cache_resource.clear()
