"""Planning an ingest: the knowledge base is a boundary, and any file name works or fails alone."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingest.manifest import make_plan, scan


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    (root / "policies").mkdir(parents=True)
    (root / "policies" / "good.md").write_text("# Good\n\nPayouts are weekly.", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("CREATOR_DESK_LLM_API_KEY=sk-live-123", encoding="utf-8")
    return root


def test_file_links_that_leave_the_knowledge_base_are_skipped_and_reported(kb: Path) -> None:
    pol = kb / "policies"
    (pol / "environ.txt").symlink_to(kb.parent / "secret.txt")
    (pol / "passwd.txt").symlink_to("/etc/passwd")
    (pol / "loop.md").symlink_to(pol / "loop.md")
    (pol / "alias.md").symlink_to(pol / "good.md")  # a link that stays inside is an ordinary document
    files, skipped, failed = scan(kb, [])
    assert set(files) == {"policies/good.md", "policies/alias.md"} and not failed
    reasons = {s["path"]: s["reason"] for s in skipped}
    assert "outside the knowledge base" in reasons["policies/environ.txt"]
    assert "outside the knowledge base" in reasons["policies/passwd.txt"]


def test_a_sidecar_linked_outside_skips_its_document_without_reading_it(kb: Path) -> None:
    pol = kb / "policies"
    (pol / "rules.txt").write_text("Samples ship in 5 days.", encoding="utf-8")
    (pol / "rules.txt.meta.yaml").symlink_to(kb.parent / "secret.txt")
    files, skipped, _ = scan(kb, [])
    assert "policies/rules.txt" not in files
    assert skipped == [{"path": "policies/rules.txt",
                        "reason": "its sidecar rules.txt.meta.yaml links outside the knowledge base; not read"}]
    assert "sk-live" not in repr(skipped)


def test_a_name_that_is_not_utf8_fails_alone(kb: Path) -> None:
    os.mkdir(os.fsencode(kb / "policies") + b"/caf\xe9 dir")
    for raw in (b"caf\xe9.md", b"caf\xe9 dir/menu.md", b"caf\xe9.exe"):
        with open(os.fsencode(kb / "policies") + b"/" + raw, "wb") as handle:
            handle.write(b"# Menu\n\nCoffee.")
    files, skipped, failed = scan(kb, [])
    assert set(files) == {"policies/good.md"} and not skipped
    assert {f["path"] for f in failed} == {"policies/caf\\xe9.md", "policies/caf\\xe9 dir/menu.md",
                                           "policies/caf\\xe9.exe"}
    for item in failed:
        item["path"].encode("utf-8")  # storable and showable as text
        assert "not valid UTF-8" in item["error"]
    raw_names = {f["path"].encode().decode("unicode_escape").encode("latin-1") for f in failed}
    assert b"policies/caf\xe9.md" in raw_names  # the \xNN form gives the bytes back


def test_a_link_indexed_before_this_check_is_removed(kb: Path) -> None:
    (kb / "policies" / "environ.txt").symlink_to(kb.parent / "secret.txt")
    manifest = {"policies/environ.txt": {"content_hash": "x", "chunk_ids": ["policies/environ.txt:x:0"]}}
    plan = make_plan(kb, [], manifest, {"policies/environ.txt": {"policies/environ.txt:x:0"}}, "cfg")
    assert plan.removed == ["policies/environ.txt"] and plan.added == ["policies/good.md"]
