"""Metadata from front matter and sidecars: aliases refused, size and depth capped, values bounded,
and errors that name the file without quoting it."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest import meta
from ingest.documents import LoadError
from ingest.loaders import load_file
from tests.hostile import alias_bomb


def test_an_alias_bomb_in_front_matter_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.md"
    path.write_text(f"---\ntitle: Bomb\n{alias_bomb()}---\n# Bomb\n\nText.\n", encoding="utf-8")
    with pytest.raises(LoadError, match="alias") as err:
        load_file(path, "policies/bomb.md")
    assert "policies/bomb.md" in str(err.value)


def test_an_alias_bomb_in_a_sidecar_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Payouts are weekly.", encoding="utf-8")
    (tmp_path / "notes.txt.meta.yaml").write_text(alias_bomb(7), encoding="utf-8")
    with pytest.raises(LoadError, match="alias"):
        load_file(path, "policies/notes.txt")


@pytest.mark.parametrize("text, words", [
    ("title: x\n" + "owner: " + "y" * 17 * 1024 + "\n", "the limit is 16 KiB"),
    ("title: x\nowner: " + "[" * 50 + "]" * 50 + "\n", "nested"),
])
def test_front_matter_is_capped_in_size_and_depth(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "big.md"
    path.write_text(f"---\n{text}---\n# Big\n\nText.\n", encoding="utf-8")
    with pytest.raises(LoadError, match=words):
        load_file(path, "policies/big.md")


def test_metadata_values_are_capped(tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    urls = "\n".join(f"  - https://example.com/{i}" for i in range(200))
    path.write_text(f"---\ntitle: Long\nowner: {'Payouts ' * 300}\nsource_urls:\n{urls}\n---\n# Long\n\nText.\n",
                    encoding="utf-8")
    doc = load_file(path, "policies/long.md")
    assert len(doc.metadata["owner"]) <= 500  # a name or team, not a document
    assert len(doc.metadata["source_urls"]) <= 50


def test_a_yaml_error_names_the_file_and_line_without_quoting_it(tmp_path: Path) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(b"%PDF-1.4")
    (tmp_path / "bad.pdf.meta.yaml").write_text("title: ok\nOWNER_PASSPHRASE=hunter2: [unclosed\n", encoding="utf-8")
    with pytest.raises(LoadError) as err:
        meta.read_sidecar(path, "policies/bad.pdf")
    message = str(err.value)
    assert "policies/bad.pdf.meta.yaml" in message and "line" in message
    assert "hunter2" not in message and "OWNER_PASSPHRASE" not in message and "unclosed" not in message


@pytest.mark.parametrize("source, title, opening, audience", [
    ("internal/escalation.md", "Escalation", "Who owns a case.", "internal"),
    ("team/Staff/escalation.md", "Escalation", "Who owns a case.", "internal"),
    ("guides/never-list.md", "INTERNAL - Things reps must never do", "Breaking these is a disciplinary matter.", "internal"),
    ("guides/never-list.md", "Rep rules", "For Acme staff only. Not for sharing with creators.", "internal"),
    ("guides/samples.md", "Free samples", "Internal links in the app take you to Manage Samples.", "creator-safe"),
    ("internal.md", "Working with our internal team", "How creators reach us.", "creator-safe"),
    ("guides/links.md", "Internal links in the app", "Where each link goes.", "creator-safe"),
    ("guides/sop.md", "Internal: case logging", "Every case gets an id.", "internal"),
])
def test_a_document_without_an_audience_is_internal_when_its_folder_or_itself_says_so(
        tmp_path: Path, source: str, title: str, opening: str, audience: str) -> None:
    from ingest.loaders import build_doc
    from ingest.documents import Section

    doc = build_doc(source, {"title": title}, [Section([], opening)], [], "")
    assert doc.metadata["audience"] == audience
    declared = build_doc(source, {"title": title, "audience": "creator-safe"}, [Section([], opening)], [], "")
    assert declared.metadata["audience"] == "creator-safe"  # what the metadata says wins


@pytest.mark.parametrize("title, opening, status", [
    ("Sample eligibility (2024) - SUPERSEDED", "Who could request free samples.", "superseded"),
    ("Sample eligibility (2024)", "SUPERSEDED. This version was replaced by the 2025 page.", "superseded"),
    ("Payout rules", "This page has been withdrawn; see the new guide.", "superseded"),
    ("Withdrawals", "The amount you have withdrawn appears in your bank within 3 days.", "current"),
    ("Payout rules", "This policy has been replaced by the 2026 payout policy.", "superseded"),
    ("Sample eligibility (2025)", "This replaces the June 2024 version, which is superseded.", "current"),
    ("Free samples", "Older guides quote 5,000 followers; that rule was replaced in 2025.", "current"),
])
def test_a_document_that_calls_itself_superseded_is_an_older_version(title: str, opening: str, status: str) -> None:
    """Its title or opening says it was replaced: search leaves it out of today's answers, as with `status`."""
    from ingest.loaders import build_doc
    from ingest.documents import Section

    doc = build_doc("samples/rules.md", {"title": title}, [Section([], opening)], [], "")
    assert doc.metadata["status"] == status and doc.metadata["current"] is (status == "current")
    declared = build_doc("samples/rules.md", {"title": title, "status": "current"}, [Section([], opening)], [], "")
    assert declared.metadata["current"] is True  # what the metadata says wins
