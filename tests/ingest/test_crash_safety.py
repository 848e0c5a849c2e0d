"""SIGKILL during ingest, then re-run: store matches manifest, no duplicates, never two versions."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from settings import Settings, load_settings
from tests.conftest import ROOT
from tests.files import write_md
from vectorstore.embeddings import Embedder
from vectorstore.store import open_store


def run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)


def check_consistent(settings: Settings, embedder: Embedder, versions_only: bool = False) -> None:
    """Each source has chunks of one version only, and (after a clean run) exactly its manifest's chunks."""
    store = open_store(settings, embedder)
    manifest, stored = store.read_manifest(), store.ids_by_source()
    for source, ids in stored.items():
        versions = {i.split(":")[-2] for i in ids}
        assert len(versions) == 1, f"{source} has chunks of two versions: {versions}"
    if versions_only:
        return
    for source, entry in manifest.items():
        assert set(entry["chunk_ids"]) == stored.get(source, set()), source


def write_version(kb: Path, version: int) -> None:
    for name in ("a", "b", "c"):
        paras = "\n\n".join(f"## Part {i}\n\nVersion {version} rule {i} for {name}: " + "text " * 60 for i in range(2 + version))
        write_md(kb / "policies" / f"{name}.md", f"# Doc {name}\n\n{paras}", title=f"Doc {name}")


@pytest.mark.parametrize("method,nth", [("delete_sources", 1), ("add_chunks", 1), ("commit_manifests", 1)])
def test_kill_during_update_then_rerun(settings: Settings, embedder: Embedder, tmp_path: Path, method: str, nth: int) -> None:
    kb, store_dir = settings.kb_dir, settings.store_dir
    args = ["-m", "ingest", "--json", "--source", str(kb), "--store", str(store_dir)]
    write_version(kb, 1)
    assert run(args, tmp_path).returncode == 0
    write_version(kb, 2)
    killed = run(["tests/crash_ingest.py", method, str(nth), "--", *args[2:]], tmp_path)
    assert killed.returncode == -9, killed.stderr
    check_consistent(settings, embedder, versions_only=True)  # a query between crash and re-run
    again = run(args, tmp_path)
    assert again.returncode == 0, again.stderr
    report = json.loads(again.stdout)
    assert not report["failed"] and len(report["updated"]) + len(report["unchanged"]) == 3
    check_consistent(settings, embedder)
    store = open_store(settings, embedder)
    assert all("Version 2" in t for _, t, _ in store.iter_chunks(include=("documents", "metadatas")))
    assert store.count() == sum(len(e["chunk_ids"]) for e in store.read_manifest().values())


@pytest.mark.slow
def test_second_writer_fails_fast_naming_the_holder(settings: Settings, tmp_path: Path) -> None:
    write_md(settings.kb_dir / "policies" / "a.md", "# A\n\nText.", title="A")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys,time; from pathlib import Path; from vectorstore.lock import writer_lock\n"
         "with writer_lock(Path(sys.argv[1]), 'library page'):\n    print('held', flush=True); time.sleep(60)",
         str(settings.store_dir)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        done = run(["-m", "ingest", "--source", str(settings.kb_dir), "--store", str(settings.store_dir)], tmp_path)
        assert done.returncode == 2
        assert f"locked by pid {holder.pid}" in done.stderr and "library page" in done.stderr
        assert "Chroma server" in done.stderr
    finally:
        holder.kill()
        holder.wait()
    assert run(["-m", "ingest", "--source", str(settings.kb_dir), "--store", str(settings.store_dir)], tmp_path).returncode == 0
