"""The sample knowledge base: every document loads with the required front matter."""
from __future__ import annotations

import datetime as dt

import pytest

from ingest.loaders import load_file
from ingest.manifest import scan
from tests.conftest import ROOT

KB = ROOT / "knowledge_base"
REQUIRED = ("title", "doc_type", "owner", "reviewed", "effective", "audience", "region")
FILES = scan(KB, ["README.md"])[0]


def test_the_sample_knowledge_base_is_big_enough() -> None:
    kinds = {"pdf": 0, "html": 0, "docx": 0}
    for source in FILES:
        kinds[source.rsplit(".", 1)[-1]] = kinds.get(source.rsplit(".", 1)[-1], 0) + 1
    assert sum(s.startswith("policies/") for s in FILES) >= 12
    assert sum(s.startswith("processes/") for s in FILES) >= 10
    assert kinds["pdf"] >= 3 and kinds["html"] >= 1 and kinds["docx"] >= 1


@pytest.mark.parametrize("source", sorted(FILES))
def test_document_has_required_front_matter(source: str) -> None:
    doc = load_file(FILES[source], source)
    meta = doc.metadata
    for field in REQUIRED:
        assert meta.get(field), f"{source} lacks {field}"
    assert meta["doc_type"] == ("policy" if source.startswith("policies/") else "process")
    assert meta["audience"] in ("creator-safe", "internal")
    for field in ("reviewed", "effective"):
        dt.date.fromisoformat(meta[field])
    if meta["doc_type"] == "policy":
        assert meta.get("source_urls"), f"{source} lacks source_urls"
    if source.endswith(".pdf"):
        assert len({s.page for s in doc.sections}) >= 2, f"{source} should have several pages"


def test_one_policy_has_two_versions() -> None:
    versions: dict[str, list[dict]] = {}
    for source, path in FILES.items():
        meta = load_file(path, source).metadata
        versions.setdefault(meta["doc_id"], []).append(meta)
    twins = [v for v in versions.values() if len(v) == 2]
    assert twins, "one policy must exist in two versions"
    old, new = sorted(twins[0], key=lambda m: m["effective"])
    assert old["status"] == "superseded" and new["status"] == "current" and old["current"] is False
