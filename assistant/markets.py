"""Which markets a policy sentence speaks of: a creator is not quoted another market's rule."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, AbstractSet

from assistant.types import Passage
from domain import get_domain

if TYPE_CHECKING:  # offline imports this module
    from assistant.offline import Candidate

# A canned reply's scope line ("**When to use:** US free samples, before the posting deadline.").
SCOPE_RE = re.compile(r"(?im)^\W*when to use\W*(.+)$")
ANY_MARKET = re.compile(r"(?i)\b(?:any|every|all) markets?\b")
BRACKETED_END = re.compile(r"\(([^()]{2,40})\)$")
LABEL_START = re.compile(r"^(?:\d+[.)]\s+)?([^:()]{2,40}):\s")  # "US: the Pilot Program", "5. Thailand: stricter rules"


def markets_named(sentence: str) -> set[str]:
    """Market and grouping codes a sentence names ("In Vietnam, …", "US: minimum followers 1,000", "(TH)",
    "in Southeast Asia"), as the domain file says documents write them."""
    return {code for code, pattern in get_domain().mentions.items() if pattern.search(sentence)}


def names_group_of(text: str, region: str) -> bool:
    """Whether the text states a rule for a grouping that holds the market ("Unoriginal content (SEA)")."""
    domain = get_domain()
    return any(domain.mentions[g].search(text) for g in domain.groups_of(region) if g in domain.mentions)


def heading_markets(names: list[str]) -> set[str]:
    """Markets that headings (a title, then section headings) end on in brackets, "Collections (US)", or open
    with as a label, "US: the Pilot Program". That is how a document marks a section holding one market's
    rules. The deepest such heading decides: "Vietnam (VN)" under a title ending "(TH, VN, MY, PH)" holds
    Vietnam's rules."""
    written = deepest_marker(names)
    return markets_named(f"({written})") if written else set()


def deepest_marker(names: list[str]) -> str:
    """How the deepest heading that marks markets writes them ("VN" of "Notes > Vietnam (VN)"), or ''."""
    return next((written for written in map(marker, reversed(names)) if written), "")


def marker(name: str) -> str:
    """How a heading marks its markets, as it writes them: "VN" of "Vietnam (VN)", "US" of "US: the Pilot Program"."""
    bracket = BRACKETED_END.search(name.strip().rstrip("*:. ")) or LABEL_START.match(name.strip())
    return bracket.group(1).strip() if bracket and markets_named(f"({bracket.group(1)})") else ""


def market_label(sections: list[str], sentence: str, region: str) -> str:
    """The markets a section heading confines a sentence naming none to ("VN" under "Vietnam (VN)"), for a
    reader who would otherwise take it as general: a colleague, a creator of unknown market, or one whose
    market the section does not hold. Empty when the sentence or the creator's market makes it plain."""
    written = "" if markets_named(sentence) else deepest_marker(sections)
    if not written or (region and markets_named(f"({written})") & ({region} | get_domain().groups_of(region))):
        return ""
    return written


def for_another_market(sentence: str, region: str, scope: AbstractSet[str] = frozenset()) -> bool:
    """A sentence that names only markets other than the creator's: "US: minimum followers 1,000" for a
    UK creator. A sentence naming no market takes its headings' `scope`, if any; naming none and under no
    scope, or naming the creator's own market (or all of SEA for a SEA market), it is kept. Headings that
    name a market some other way are not a scope: a section "US (older status set)" also holds rules for all."""
    named = markets_named(sentence) or scope
    if not region or not named:
        return False
    excluded = {code for code, pattern in get_domain().all_but.items() if pattern.search(sentence)}
    if excluded and region not in excluded:
        return False  # "US tax rules apply ... non-US persons use the W-8BEN" speaks to every other market
    return not named & ({region} | get_domain().groups_of(region))


def scoped_elsewhere(passage: str, region: str) -> bool:
    """A passage whose 'When to use' line names only other markets: a canned reply ("When to use: US free
    samples") is not sent to a Vietnamese creator, though its own sentences name no market."""
    scope = SCOPE_RE.search(passage)
    return bool(scope) and not ANY_MARKET.search(scope.group(1)) and for_another_market(scope.group(1), region)


def for_region_group(sentence: Candidate | None, passages: list[Passage], region: str) -> bool:
    """Whether an answering sentence speaks of the market itself ("We do not take creators in
    Indonesia") or states a rule for a grouping that holds it ("(SEA)", "in Southeast Asia"): either holds in
    a market the knowledge base has no rules of its own for. A document tagged SEA is not enough (the Vietnam
    and Indonesia sample rules are), nor is a SEA aside next to a Thai rule."""
    if sentence is None:
        return False
    text = f"{passages[sentence.passage].section} {sentence.text}"
    return region in markets_named(text) or names_group_of(text, region)
