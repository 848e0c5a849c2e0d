"""Hybrid search internals: filtered dense search takes the fast path without changing results, and
near-duplicate collapsing matches plain Jaccard."""
from __future__ import annotations

import random

import pytest

from settings import Settings
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


@pytest.mark.parametrize("filters, path", [
    (Filters(current_only=False), "none"),
    (Filters(), "post-filter"),  # 90% current: over-fetch and filter in Python
    (Filters(region="US"), "post-filter"),  # US + global: 63% of chunks
    (Filters(region="TH"), "chroma"),  # TH + global + SEA: 9% of chunks, Chroma filters first
])
def test_dense_filter_paths_return_what_chroma_where_returns(searcher: HybridSearcher, filters: Filters,
                                                             path: str) -> None:
    """Whichever path a filter takes, the ranked ids equal Chroma's own filtered query."""
    searcher.refresh()
    share = searcher.keyword.allowed(filters) / len(searcher.keyword)
    assert {"none": share == 1.0, "post-filter": 0.25 <= share < 1.0, "chroma": share < 0.25}[path]
    for query in ("when must I post after a free sample", "withdrawal minimum UK", "LIVE giveaway score"):
        vector = searcher.embedder.embed_query(query)
        got = searcher._nearest(vector, filters)
        expected = searcher.store.query(vector, searcher.candidates, filters.where())
        assert [h.id for h in got] == [h.id for h in expected]
        assert [(h.text, h.metadata, round(h.score, 5)) for h in got] == \
            [(h.text, h.metadata, round(h.score, 5)) for h in expected]
        assert all(filters.matches(h.metadata) for h in got)


def crowded_searcher(settings: Settings, embedder: Embedder) -> HybridSearcher:
    """200 chunks: the 100 UK ones all sit nearer a UK question than any US one."""
    store = open_store(settings, embedder)
    texts = [f"UK withdrawal minimum in pounds, note {i}" for i in range(100)]
    texts += [f"LIVE giveaway rules for US creators, note {i}" for i in range(100)]
    metas = [{"source": f"s{i % 9}.md", "region": "UK" if i < 100 else "US", "current": True} for i in range(200)]
    store.add_chunks([f"c{i}" for i in range(200)], texts, embedder.embed(texts), metas)
    store.bump_generation()
    searcher = HybridSearcher(store, embedder, candidates=30)
    searcher.refresh()
    return searcher


@pytest.mark.parametrize("max_fetch, expected_calls", [
    (2000, ["ids 120", "ids 200"]),  # a wider unfiltered fetch finds enough US chunks
    (120, ["ids 120", "where 30"]),  # no room to widen: Chroma filters
])
def test_post_filter_widens_then_falls_back_when_the_neighbourhood_is_another_markets(
        settings: Settings, embedder: Embedder, monkeypatch: pytest.MonkeyPatch, max_fetch: int,
        expected_calls: list[str]) -> None:
    """When the over-fetched neighbours are mostly filtered out, the list is still full and correct."""
    searcher = crowded_searcher(settings, embedder)
    monkeypatch.setattr("vectorstore.search.MAX_FETCH", max_fetch)
    calls: list[str] = []
    query, nearest_ids = searcher.store.query, searcher.store.nearest_ids

    def spy_query(vector: object, k: int, where: dict | None = None) -> list[Hit]:
        calls.append(f"{'where' if where else 'unfiltered'} {k}")
        return query(vector, k, where)

    def spy_ids(vector: object, k: int) -> list[tuple[str, float]]:
        calls.append(f"ids {k}")
        return nearest_ids(vector, k)

    monkeypatch.setattr(searcher.store, "query", spy_query)
    monkeypatch.setattr(searcher.store, "nearest_ids", spy_ids)
    filters = Filters(region="US")
    vector = searcher.embedder.embed_query("UK withdrawal minimum")
    got = searcher._nearest(vector, filters)
    assert calls == expected_calls
    expected = query(vector, 30, filters.where())
    assert [h.id for h in got] == [h.id for h in expected]
    assert [h.text for h in got] == [h.text for h in expected]
    assert [round(h.score, 5) for h in got] == [round(h.score, 5) for h in expected]
    assert all(h.metadata["region"] == "US" for h in got)


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
