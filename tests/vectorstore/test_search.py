"""Hybrid search internals: dense search is exact and repeatable under every filter, and
near-duplicate collapsing matches plain Jaccard."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from settings import Settings, load_settings
from tests.conftest import ROOT
from vectorstore.dense import DenseIndex, unit
from vectorstore.embeddings import Embedder
from vectorstore.filters import Filters
from vectorstore.search import HybridSearcher, collapse, near_duplicate
from vectorstore.store import Hit, open_store

TOPICS = ["free samples and posting deadlines", "commission settlement after returns", "withdrawal minimums",
          "health rating and violations", "LIVE giveaways and scores", "showcase collections and links"]


def make_chunks(n: int) -> tuple[list[str], list[str], list[dict]]:
    """n chunks spread over topics and regions: 70% US, 20% UK, 10% TH; every tenth superseded."""
    ids, texts, metas = [], [], []
    for i in range(n):
        region = "US" if i % 10 < 7 else ("UK" if i % 10 < 9 else "TH")
        ids.append(f"doc{i % 17}.md:v1:{i}")
        texts.append(f"Note {i} on {TOPICS[i % len(TOPICS)]} for {region} creators, variant {i * 7 % 13}.")
        metas.append({"source": f"doc{i % 17}.md", "region": region, "doc_type": "policy",
                      "audience": "creator", "current": i % 10 != 3})
    return ids, texts, metas


@pytest.fixture
def searcher(settings: Settings, embedder: Embedder) -> HybridSearcher:
    """A searcher over 200 generated chunks."""
    store = open_store(settings, embedder)
    ids, texts, metas = make_chunks(200)
    store.add_chunks(ids, texts, embedder.embed(texts), metas)
    store.bump_generation()
    return HybridSearcher(store, embedder, candidates=30)


def exact(store, vector: np.ndarray, filters: Filters, k: int) -> list[tuple[str, float]]:
    """The reference: every stored embedding read back from Chroma, scored by cosine, filtered, sorted."""
    got = store.chunks.get(include=["embeddings", "metadatas"])
    matrix = np.asarray(got["embeddings"], dtype=np.float64)
    sims = matrix @ vector / (np.linalg.norm(matrix, axis=1) * np.linalg.norm(vector))
    scored = [(cid, float(s)) for cid, s, meta in zip(got["ids"], sims, got["metadatas"]) if filters.matches(meta)]
    return sorted(scored, key=lambda pair: (-pair[1], pair[0]))[:k]


@pytest.mark.parametrize("filters", [
    Filters(current_only=False),  # nothing filtered out
    Filters(),  # 90% current
    Filters(region="US"),  # US + global: 63% of chunks
    Filters(region="TH"),  # TH + global + SEA: 9% of chunks
])
def test_dense_search_is_exact_under_every_filter(searcher: HybridSearcher, filters: Filters) -> None:
    """The ranked ids and scores are exactly a brute-force cosine over what Chroma stores, filter applied."""
    searcher.refresh()
    for query in ("when must I post after a free sample", "withdrawal minimum UK", "LIVE giveaway score"):
        vector = searcher.embedder.embed_query(query)
        got = searcher._nearest(vector, filters)
        expected = exact(searcher.store, vector, filters, searcher.candidates)
        assert [h.id for h in got] == [cid for cid, _ in expected]
        # A tolerance, not rounding: two equal floats can round to different fifth decimals.
        assert [h.score for h in got] == pytest.approx([s for _, s in expected], abs=1e-6)
        assert all(filters.matches(h.metadata) for h in got)
        assert all(h.text == searcher.store.get_rows([h.id])[0][0][1] for h in got[:3])


def test_a_search_score_lives_on_the_hit_never_in_its_stored_metadata(searcher: HybridSearcher) -> None:
    """Dense hits carry their cosine similarity, keyword-only hits none; every hit's metadata is as stored."""
    stored = {cid: meta for cid, _, meta in searcher.store.iter_chunks()}
    for mode in ("dense", "keyword", "hybrid"):
        hits = searcher.search("withdrawal minimum UK", 10, Filters(current_only=False), mode=mode)
        assert hits
        for hit in hits:
            assert hit.metadata == stored[hit.id] and "similarity" not in hit.metadata
            assert (hit.similarity is None) == ("dense" not in hit.ranks), (mode, hit.id)
        if mode == "dense":
            assert [h.similarity for h in hits] == [round(h.score, 4) for h in hits]


def test_the_same_query_finds_the_same_chunks_in_every_process(kb_store: Path, embedder: Embedder,
                                                               tmp_path: Path) -> None:
    """A creator's message must not draft differently after a restart. Chroma's local HNSW graph is
    rebuilt from its log in an order that varies by process: over the sample knowledge base the same
    vector got 5 different top-30 lists in 6 processes."""
    queries = ["what's the process on our side, can we say no?", "creator wants to unlink from the agency",
               "how long until commission settles after a return", "my sample never arrived what now"]
    np.save(tmp_path / "q.npy", np.stack([embedder.embed_query(q) for q in queries]))
    script = (
        "import sys, json, numpy as np, types\n"
        "from settings import load_settings\nfrom vectorstore.store import open_store\n"
        "from vectorstore.search import HybridSearcher\nfrom vectorstore.filters import Filters\n"
        f"model = types.SimpleNamespace(name={embedder.name!r}, dimension={embedder.dimension})\n"
        "store = open_store(load_settings(store_dir=sys.argv[2]), model)\n"
        "searcher = HybridSearcher(store, model)\n"
        "searcher.refresh()\n"
        "print(json.dumps([[h.id for h in searcher._nearest(v, Filters())] for v in np.load(sys.argv[1])]))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    runs = []
    for _ in range(4):
        done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "q.npy"), str(kb_store)], cwd=tmp_path,
                              capture_output=True, text=True, timeout=120, env=env)
        assert done.returncode == 0, done.stderr[-2000:]
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    store = open_store(load_settings(store_dir=kb_store), embedder)
    expected = [[cid for cid, _ in exact(store, v, Filters(), 30)] for v in np.load(tmp_path / "q.npy")]
    assert all(run == expected for run in runs), [[len(set(a) & set(b)) for a, b in zip(run, expected)] for run in runs]


def test_equal_scores_rank_by_position_and_the_mask_excludes() -> None:
    """Ties are broken the same way every time, including at the cut; masked rows never appear."""
    dense = DenseIndex(unit(np.array([[1, 0], [2, 0], [0, 1], [1, 0], [3, 0], [1, 1]], dtype=np.float32)))
    allowed = np.array([1, 1, 1, 0, 1, 1], dtype=np.float32)
    assert [i for i, _ in dense.nearest(np.array([1.0, 0.0]), 2, allowed)] == [0, 1]
    assert [i for i, _ in dense.nearest(np.array([1.0, 0.0]), 3, allowed)] == [0, 1, 4]
    assert [i for i, _ in dense.nearest(np.array([1.0, 0.0]), 9, allowed)] == [0, 1, 4, 5, 2]
    assert dense.nearest(np.array([1.0, 0.0]), 3, np.zeros(6, dtype=np.float32)) == []
    assert DenseIndex(np.zeros((0, 0))).nearest(np.array([1.0, 0.0]), 3, np.zeros(0)) == []


def test_near_duplicate_agrees_with_jaccard() -> None:
    """The size shortcut never changes the answer."""
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(40)]
    for _ in range(3000):
        a = set(rng.sample(vocab, rng.randint(0, 30)))
        b = set(rng.sample(vocab, rng.randint(0, 30))) if rng.random() < 0.5 else set(list(a)[: rng.randint(0, len(a))])
        for threshold in (0.5, 0.9):
            jaccard = len(a & b) / (len(a | b) or 1)
            assert near_duplicate(a, b, threshold) == (jaccard >= threshold) or (not a and not b)


def test_collapse_keeps_the_better_of_two_near_copies() -> None:
    """A chunk repeated with one word changed is dropped; a different one stays."""
    base = "Creators must post within 14 days of receiving a free sample and may ask for one extension"
    hits = [Hit("a", base, {}, 0.9), Hit("b", base + " today", {}, 0.8), Hit("c", "Withdrawals need a verified ID", {}, 0.7)]
    assert [h.id for h in collapse(hits)] == ["a", "c"]


def test_neighbours_are_the_chunks_either_side_in_the_same_document(kb_assistant) -> None:
    """The drafter reads on into the next section; a neighbour never comes from another document or an
    internal note the filter excludes."""
    searcher = kb_assistant.searcher
    searcher.refresh()
    index = searcher.keyword
    middle = next(i for i, m in enumerate(index.metas) if m["chunk_index"] == 1 and m.get("current", True))
    got = index.neighbours(index.ids[middle], Filters())
    doc = index.metas[middle]["doc_id"]
    assert sorted(h.metadata["chunk_index"] for h in got) == [0, 2] or [h.metadata["chunk_index"] for h in got] == [0]
    assert all(h.metadata["doc_id"] == doc for h in got)
    internal = next(i for i, m in enumerate(index.metas) if m["chunk_index"] == 1 and m.get("audience") == "internal")
    assert index.neighbours(index.ids[internal], Filters(audience="creator-safe")) == []
    assert index.neighbours("no-such-chunk", Filters()) == []


def test_an_index_keeps_answering_while_its_successor_learns_new_words() -> None:
    """A refresh builds the next index beside the one serving searches; the shared tokenizer's new
    words must not leak into the old index's vocabulary (bm25s raises on token ids past its matrix)."""
    from vectorstore.keyword import KeywordIndex

    meta = {"source": "a.md", "current": True}
    old = KeywordIndex([("a:1:0", "free samples need sales in the last 120 days", meta)])
    new = KeywordIndex([("a:1:0", "free samples need sales in the last 120 days", meta),
                        ("b:1:0", "zebra passport rules", dict(meta, source="b.md"))], previous=old)
    assert old.search("zebra passport", 5, Filters()) == []
    assert not old.knows("zebra") and new.knows("zebra")
    assert [h.id for h in new.search("zebra passport", 5, Filters())] == ["b:1:0"]


def test_numpy_blas_leaves_the_cores_to_the_embedding_model(embedder: Embedder) -> None:
    """OpenBLAS workers spin after each product and slowed the next query embedding 3x (bench/RESULTS.md):
    once the model is loaded, NumPy's BLAS runs on one thread (torch's OpenMP pool is another library)."""
    from threadpoolctl import threadpool_info

    embedder.embed_query("warm the model")
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)
