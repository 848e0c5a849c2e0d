"""Versions: today's questions are answered from current documents, questions about an earlier time may be
answered from superseded ones, and the rep is told when a draft quotes one."""
from __future__ import annotations

import pytest

from assistant.versions import asks_about_the_past


@pytest.mark.parametrize("message, past", [
    ("a brand rejected my sample back in summer 2024, what was the rule back then?", True),
    ("what were TikTok's sample rules before June 2024?", True),
    ("what were the rules at the time? she applied in March", True),
    ("what was the old limit on sample requests?", True),
    ("how many followers do I need for free samples?", False),
    ("I joined in 2024, how do I withdraw?", False),
    ("who pays me back when the seller refunds the order?", False),
    ("repeat it back in your reply so I know you got it", False),
    ("my video was removed, what was the problem?", False),
])
def test_a_question_about_an_earlier_time_is_told_from_one_about_today(message: str, past: bool) -> None:
    assert asks_about_the_past(message) is past


@pytest.fixture(scope="module")
def versions(embedder, reader, tmp_path_factory: pytest.TempPathFactory):
    """A knowledge base holding a current sample rule and the older page it replaced, which says so itself."""
    from assistant.service import build_assistant
    from ingest.pipeline import run_ingest
    from settings import load_settings
    from tests.files import write_md
    from vectorstore.store import open_store

    root = tmp_path_factory.mktemp("versions")
    write_md(root / "kb" / "samples-2024.md", "> This version was replaced by the 2025 page.\n\n# Who could request "
             "free samples\n\nUnder the 2024 rules you needed at least 5,000 followers to request free samples.",
             title="Sample eligibility (2024)", effective="2024-06-01")
    write_md(root / "kb" / "samples-2025.md", "# Who can request free samples\n\nYou need sales in the last 120 "
             "days to request free samples; there is no follower minimum.", title="Sample eligibility (2025)",
             effective="2025-11-19")
    settings = load_settings(store_dir=root / "store", kb_dir=root / "kb", activity_db=root / "a.db")
    assert not run_ingest(settings, open_store(settings, embedder), embedder).failed
    return build_assistant(settings, embedder=embedder, reader=reader)


def test_today_is_answered_from_the_current_version_only(versions) -> None:
    draft = versions.ask("how many followers do I need to request free samples?")
    assert draft.citations and all(c.source == "samples-2025.md" for c in draft.citations)
    assert "5,000" not in draft.draft


def test_an_earlier_time_may_be_answered_from_the_older_version_and_the_rep_is_told(versions) -> None:
    draft = versions.ask("back in 2024, how many followers did I need to request free samples?")
    older = [c for c in draft.citations if c.source == "samples-2024.md"]
    assert older and "5,000" in draft.draft
    assert any("superseded" in note and "samples-2024.md" in note for note in draft.conflicts), draft.conflicts
