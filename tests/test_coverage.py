"""Markets with only SEA-wide rules: a rule for the whole region answers there, a Thai one does not."""
from __future__ import annotations

import pytest


def test_a_rule_for_all_of_southeast_asia_answers_a_creator_in_a_market_without_rules(kb_assistant) -> None:
    """The sample KB has no Malaysian rules, but its unoriginal-content rule is stated for Southeast Asia."""
    draft = kb_assistant.ask("hi from Penang 🇲🇾 i do fashion LIVEs where i just change outfits. "
                             "a friend said that's now counted as unoriginal?? is that a real rule here")
    assert draft.status == "answered", draft.reason
    assert "Southeast Asia" in draft.draft or any("SEA" in c.section for c in draft.citations)


@pytest.mark.parametrize("message", [
    # the pause rule is tagged Thailand; a SEA aside in the same section does not make it Singapore's
    "Singapore creator here. how many times can I pause my LIVE before it auto-ends?",
    # the sample rules tagged SEA are Vietnam's and Indonesia's
    "hi from KL 🇲🇾 a seller sent me a free sample, how many days do i have to post?",
])
def test_another_markets_rule_does_not_answer_a_creator_in_a_market_without_rules(kb_assistant, message: str) -> None:
    draft = kb_assistant.ask(message)
    assert draft.status == "escalate" and "no rules for creators in" in draft.reason, draft.reason


@pytest.fixture(scope="module")
def japan_once(embedder, reader, tmp_path_factory: pytest.TempPathFactory):
    """A knowledge base that names Japan only to say the agency does not work there."""
    from assistant.service import build_assistant
    from ingest.pipeline import run_ingest
    from settings import load_settings
    from tests.files import write_md
    from vectorstore.store import open_store

    root = tmp_path_factory.mktemp("japan-once")
    write_md(root / "kb" / "about.md", "# Where we work\n\nWe work with creators in the US and the UK. "
             "We do not onboard creators in Japan, because TikTok Shop's affiliate programme is not open there.\n\n"
             "# Free samples\n\nUS creators may request up to 5 free samples a month and must post within 30 days.",
             title="About the agency")
    settings = load_settings(store_dir=root / "store", kb_dir=root / "kb", activity_db=root / "a.db")
    assert not run_ingest(settings, open_store(settings, embedder), embedder).failed
    return build_assistant(settings, embedder=embedder, reader=reader)


@pytest.mark.xfail(strict=True, reason="the reader rates 'We do not onboard creators in Japan' 0.01 as an answer to "
                   "'do you work with creators in Japan?': negative answers are rare in its training pairs")
def test_what_the_knowledge_base_says_of_a_market_without_rules_answers_there(japan_once) -> None:
    """A market named once is still a market without rules, but a sentence about that market answers."""
    draft = japan_once.ask("do you work with creators in Japan? my cousin in Tokyo wants to join")
    assert draft.status == "answered", draft.reason
    assert "Japan" in draft.draft and draft.citations


def test_another_markets_rule_still_escalates_in_a_market_without_rules(japan_once) -> None:
    """The US sample rule is not Japan's: the reply escalates naming the market, and cites nothing."""
    draft = japan_once.ask("I'm in Tokyo. how many free samples can I request a month?")
    assert draft.status == "escalate" and "Japan" in draft.reason, draft.reason
    assert not draft.citations
