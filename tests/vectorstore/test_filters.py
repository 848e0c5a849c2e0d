"""Region filters: a document tagged with several markets is found by a creator in any of them."""
from __future__ import annotations

from pathlib import Path

import pytest

from vectorstore.filters import Filters, region_tags


@pytest.mark.parametrize("tag", ["US, TH", "us,th", ["US", "TH"], "TH"])
def test_a_chunk_tagged_with_several_markets_matches_each(tag) -> None:
    meta = {"region": tag, "current": True}
    assert Filters(region="TH").matches(meta)
    assert not Filters(region="UK").matches(meta)
    assert Filters().matches(meta)


def test_untagged_and_global_chunks_match_every_market() -> None:
    assert region_tags(None) == region_tags("") == region_tags("global") == {"GLOBAL"}
    assert Filters(region="VN").matches({"region": "global"}) and Filters(region="VN").matches({})


def test_a_grouping_tag_matches_its_markets_only() -> None:
    assert Filters(region="TH").matches({"region": "SEA"}) and not Filters(region="US").matches({"region": "SEA"})


def test_a_chunk_that_names_the_market_speaks_to_it_whatever_its_tags() -> None:
    """A page tagged for the markets an agency serves still answers a creator from one it names: "We do not
    onboard creators in Indonesia" is found for an Indonesian creator; a page that names no such market is not."""
    meta = {"region": "US, UK, MY", "current": True}
    named = "We do not currently onboard creators in Indonesia or Singapore."
    assert Filters(region="ID").matches(meta, named) and Filters(region="SG").matches(meta, named)
    assert not Filters(region="ID").matches(meta, "We work with creators in three markets.")
    assert not Filters(region="ID").matches(meta)
    assert not Filters(region="ID").matches({**meta, "current": False}, named)  # a superseded page stays out


def test_ingested_documents_with_market_lists_are_searchable_by_each_market(settings, embedder) -> None:
    """Front matter written as "US, TH" or as a YAML list: search with either market finds the document."""
    from ingest.pipeline import run_ingest
    from vectorstore.search import HybridSearcher
    from vectorstore.store import open_store

    kb = Path(settings.kb_dir)
    (kb / "live.md").write_text("---\ntitle: LIVE rules\nregion: US, TH\n---\n\n# Pausing\n\nIn Thailand you can pause "
                                "a LIVE up to 3 times per stream.\n", encoding="utf-8")
    (kb / "tax.md").write_text("---\ntitle: Tax codes\nregion: [UK, VN]\n---\n\n# Tax code\n\nVietnamese creators "
                               "must submit a tax code before payouts.\n", encoding="utf-8")
    (kb / "about.md").write_text("---\ntitle: About us\nregion: US\n---\n\n# Markets\n\nWe do not onboard creators "
                                 "in Indonesia yet.\n", encoding="utf-8")
    store = open_store(settings, embedder)
    assert not run_ingest(settings, store, embedder, kb).failed
    searcher = HybridSearcher(store, embedder)
    for region, source in (("TH", "live.md"), ("US", "live.md"), ("VN", "tax.md"), ("UK", "tax.md")):
        assert source in [h.source for h in searcher.search("pause LIVE tax code", 5, Filters(region=region))]
    assert "tax.md" not in [h.source for h in searcher.search("pause LIVE tax code", 5, Filters(region="TH"))]
    assert "about.md" in [h.source for h in searcher.search("do you take creators?", 5, Filters(region="ID"))]
    assert "about.md" not in [h.source for h in searcher.search("do you take creators?", 5, Filters(region="TH"))]
    from assistant.types import to_passage

    regions = {h.source: to_passage(h).region for h in searcher.search("pause LIVE tax code", 5, Filters())}
    assert regions == {"live.md": "US, TH", "tax.md": "UK, VN", "about.md": "US"}  # as a rep reads them, whichever way written
