"""A creator is not quoted a rule the knowledge base states for another market; a rule stated for all of
Southeast Asia answers in a market with no rules of its own, and one for Thailand does not."""
from __future__ import annotations

import pytest

from assistant.markets import for_another_market, heading_markets
from assistant.offline import candidates
from assistant.types import Passage
from assistant.text import sentences, strip_markers
from tests.readers import Fixed


@pytest.mark.parametrize("sentence, region, other", [
    ("US: minimum followers 1,000 (as of 12/16/2025).", "UK", True),
    ("In Vietnam, commission is based on the price the buyer actually paid.", "ID", True),
    ("PayPal: US$2 minimum, 0.9% fee.", "UK", True),
    ("A non-US individual: form Form W-8BEN.", "UK", False),  # "non-US" is for everyone else
    ("US tax information is required where US rules apply, and non-US persons use the W-8BEN.", "UK", False),
    ("US tax information is required where US rules apply, and non-US persons use the W-8BEN.", "US", False),
    ("Send me the order ID and the video they bought from.", "VN", False),  # "order ID" is no market
    ("SEA hub: serves TH, VN, ID, MY, PH, SG creators.", "ID", False),
    ("Stricter enforcement began on 15 Sep 2025 in Southeast Asia.", "MY", False),
    ("In the US and the UK, the figures differ.", "UK", False),  # names the creator's own market too
    ("Content must go live within 14 days of receiving the free sample.", "UK", False),
    ("US: minimum followers 1,000 (as of 12/16/2025).", "", False),  # market unknown: nothing to judge by
    # codes in a running list: TH was read as no market, so a Thai creator lost the 15%
    ("Our share: 10% in the US, 12% in the UK and 15% in MY, PH, TH and VN.", "TH", False),
    ("Our share: 10% in the US, 12% in the UK and 15% in MY, PH, TH and VN.", "MY", False),
    ("MY, PH, TH, VN: 2,000 followers.", "TH", False),
    ("MY, PH, TH, VN: 2,000 followers.", "UK", True),
    ("In TH and VN the window is 7 days.", "US", True),
    ("Upload your photo ID, then check MY ACCOUNT for the result.", "US", False),  # no market named
])
def test_a_sentence_is_for_another_market_only_when_it_names_no_other(sentence: str, region: str, other: bool) -> None:
    assert for_another_market(sentence, region) is other


@pytest.mark.parametrize("names, scope", [
    (["Showcase guide", "Collections (US)"], {"US"}),
    (["Eligibility", "**4. Beauty and skincare (US)**"], {"US"}),
    (["Refundable Samples Guide (US)", "What a refundable sample is"], {"US"}),  # a title scopes the document
    (["Payouts", "Withdrawal fees (US, UK)"], {"US", "UK"}),
    (["Southeast Asia notes (TH, VN, MY, PH)", "Notes", "Vietnam (VN)"], {"VN"}),  # the deepest heading decides
    (["Southeast Asia notes (TH, VN, MY, PH)", "Currency and payouts"], {"TH", "VN", "MY", "PH"}),
    (["Order statuses", "US (older status set)"], set()),  # named for a market, not marked as only its rules
    (["Samples", "Fees (paid by the seller)"], set()),
    (["Samples", "Posting deadline"], set()),
    (["Who can sell", "US: the Pilot Program"], {"US"}),  # a heading labelled with its market
    (["Samples", "Step 1: request"], set()),
])
def test_a_heading_marking_one_market_scopes_its_section(names: list[str], scope: set[str]) -> None:
    assert heading_markets(names) == scope


def test_a_sentence_under_a_heading_for_one_market_reaches_only_that_market() -> None:
    """A sentence naming no market takes its heading's; one naming the creator's own market is kept; a
    colleague and a creator of unknown market see everything."""
    passage = Passage("a.md#rates", "A rate decrease reaches creators already promoting after a 30-day lock. "
                      "In the UK the new rate applies at once.", 0.0, 0.0, source="a.md", title="Commission",
                      section="Rate changes and the 30-day lock (US)")
    quoted = lambda **kw: [c.text for c in candidates([passage], **kw)]
    assert any("30-day lock" in t for t in quoted(region="US"))
    assert not any("30-day lock" in t for t in quoted(region="UK"))
    assert any("In the UK" in t for t in quoted(region="UK"))
    assert len(quoted(region="")) == len(quoted(region="TH", staff=True)) == 2
    assert for_another_market("A rate decrease waits 30 days.", "UK", {"US"})
    assert not for_another_market("A rate decrease waits 30 days.", "US", {"US"})


def test_a_uk_creator_is_not_quoted_the_us_or_thai_follower_minimum(kb_assistant) -> None:
    """The eligibility table has a row per market; a UK creator was sent the US and Thai rows."""
    draft = kb_assistant.ask("hiya, UK based, 19, about 760 followers on my baking acc. can i sign up for "
                             "tiktok shop affiliate yet or do i need 1k?", region="UK")
    quoted = [strip_markers(s) for s in sentences(draft.draft)]
    assert quoted and not [s for s in quoted if for_another_market(s, "UK")], quoted


@pytest.mark.parametrize("passage, region, elsewhere", [
    ("**When to use:** US free samples, before the posting deadline.\n\n**Reply:**\n> Hi, yes: one 7-day extension.", "VN", True),
    ("**When to use:** US free samples, before the posting deadline.\n\n**Reply:**\n> Hi, yes: one 7-day extension.", "US", False),
    ("**When to use:** US and Vietnam creators (30-day window).\n\n**Reply:**\n> You have 30 days.", "VN", False),
    ("**When to use:** any market; the Thailand line only for Thai creators.\n\n**Reply:**\n> Check the app.", "UK", False),
    ("**When to use:** US free samples.\n\n**Reply:**\n> Hi.", "", False),  # market unknown
    ("In the US, one 7-day extension is allowed.", "VN", False),  # no scope line: judged sentence by sentence
])
def test_a_canned_reply_scoped_to_other_markets_is_out_of_scope(passage: str, region: str, elsewhere: bool) -> None:
    from assistant.markets import scoped_elsewhere

    assert scoped_elsewhere(passage, region) is elsewhere


def test_a_vietnamese_creator_is_not_sent_the_us_extension_reply(kb_assistant) -> None:
    """Canned reply 9 is for US free samples; its sentences name no market ("it's one extension only")."""
    draft = kb_assistant.ask("hi, Vietnam creator here, I'm travelling next week. can I get more time to post "
                             "my free sample video?", region="VN")
    sections = [c.section for c in draft.citations]
    assert not [s for s in sections if "more time to post" in s], sections
    assert "one extension only" not in draft.draft


@pytest.mark.parametrize("message", [
    "I'm in Thailand, can I get free samples from TikTok Shop?",
    "the lipstick is made in Japan, can I say that in my video?",  # a product's origin is not the creator's market
])
def test_a_market_with_rules_or_a_product_origin_does_not_escalate(kb_assistant, message: str) -> None:
    draft = kb_assistant.ask(message)
    assert "market" not in draft.reason, draft.reason


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
    from tests.files import assistant_over, write_md

    root = tmp_path_factory.mktemp("japan-once")
    write_md(root / "kb" / "about.md", "# Where we work\n\nWe work with creators in the US and the UK. "
             "We do not onboard creators in Japan, because TikTok Shop's affiliate programme is not open there.\n\n"
             "# Free samples\n\nUS creators may request up to 5 free samples a month and must post within 30 days.",
             title="About the agency")
    return assistant_over(root, embedder, reader)


def test_what_the_knowledge_base_says_of_a_market_without_rules_answers_there(japan_once) -> None:
    """A market named once is still a market without rules, but a sentence about that market answers."""
    draft = japan_once.ask("do you work with creators in Japan? my cousin in Tokyo wants to join")
    assert draft.status == "answered", draft.reason
    assert "Japan" in draft.draft and draft.citations


@pytest.fixture(scope="module")
def joining(tmp_path_factory: pytest.TempPathFactory, embedder):
    """A knowledge base with one market-neutral rule and one sentence about Japan, a market without rules."""
    from ingest.pipeline import run_ingest
    from settings import load_settings
    from tests.files import write_md
    from vectorstore.search import HybridSearcher
    from vectorstore.store import open_store

    root = tmp_path_factory.mktemp("joining")
    write_md(root / "kb" / "join.md", "# Joining the agency\n\nCreators join by linking their TikTok Shop account "
             "to ours in the app. We do not onboard creators in Japan yet.", title="Joining")
    settings = load_settings(store_dir=root / "store", kb_dir=root / "kb", activity_db=root / "a.db")
    store = open_store(settings, embedder)
    assert not run_ingest(settings, store, embedder).failed
    return settings, HybridSearcher(store, embedder)


@pytest.mark.parametrize("japan,answered", [(0.6, True), (0.5, False)])
def test_a_market_without_rules_is_answered_by_any_answering_sentence_about_it(joining, japan: float,
                                                                               answered: bool) -> None:
    """The market rule asks whether a sentence the reader rates as an answer speaks of the market, not only
    whether the best-rated one does: a general joining rule rated above the Japan sentence does not hide it."""
    from assistant.service import Assistant

    if not answered:  # half the threshold, whatever it is calibrated to
        japan *= joining[0].reader_threshold
    rated = Assistant(*joining, reader=Fixed({"linking": 0.9, "Japan": japan}))
    draft = rated.ask("do you work with creators in Japan? my cousin in Tokyo wants to join")
    assert (draft.status == "answered") is answered, draft.reason
    if answered:
        assert "Japan" in draft.draft and draft.citations
    else:  # the rep still reads what the knowledge base says of Japan
        assert "Japan" in draft.reason and "do not onboard" in draft.reason and not draft.citations


def test_another_markets_rule_still_escalates_in_a_market_without_rules(japan_once) -> None:
    """The US sample rule is not Japan's: the reply escalates naming the market, and cites nothing."""
    draft = japan_once.ask("I'm in Tokyo. how many free samples can I request a month?")
    assert draft.status == "escalate" and "Japan" in draft.reason, draft.reason
    assert not draft.citations
