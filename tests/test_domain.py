"""The domain file: the shipped one validates, a broken one names the file and key, another agency's works."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
import yaml

import domain
from domain import DomainError, get_domain, load, phrase_regex

SHIPPED = Path(domain.__file__).resolve().parent / "domain.yaml"


@pytest.fixture(autouse=True)
def fresh_domain() -> Iterator[None]:
    """Each test reads the domain file named by the environment, and leaves no other file cached."""
    get_domain.cache_clear()
    yield
    get_domain.cache_clear()


def shipped_data() -> dict:
    return yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict | str) -> Path:
    path = tmp_path / "domain.yaml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_shipped_file_validates_and_is_the_default() -> None:
    shipped = load(SHIPPED)
    assert get_domain() is shipped
    assert shipped.sign_off == "Best,\nThe Spotlight Media creator team"
    assert list(shipped.served) == ["US", "UK", "TH", "VN", "ID", "MY", "PH", "SG"]
    assert shipped.groups_of("MY") == {"SEA"} and not shipped.groups_of("US")


@pytest.mark.parametrize("change, key", [
    (lambda d: d["groupings"][0]["markets"].append("JP"), "groupings[0].markets: JP is not a served market"),
    (lambda d: d["markets"][1].update(currency="GBP"), "markets.1.currency"),
    (lambda d: d["markets"][2]["aliases"].append("  "), "markets.2.aliases.3"),
    (lambda d: d["other_markets"].append({"code": "US", "name": "USA again", "aliases": ["USA"]}),
     "other_markets[15].code: 'US' is defined twice"),
    (lambda d: d["out_of_scope"][0]["phrases"].append("{amazon|ebay"), "out_of_scope.0.phrases.22"),
    (lambda d: d["agency"].update(sign_off="Best,\n{team}"), "agency.sign_off"),
])
def test_a_broken_file_names_the_file_and_the_key(tmp_path: Path, change, key: str) -> None:
    data = shipped_data()
    change(data)
    path = write(tmp_path, data)
    with pytest.raises(DomainError) as err:
        load(path)
    assert str(path) in str(err.value) and key in str(err.value), str(err.value)


def test_a_yaml_error_or_a_missing_file_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "agency:\n  name: [unclosed\n")
    with pytest.raises(DomainError, match=f"{path}: not valid YAML"):
        load(path)
    with pytest.raises(DomainError, match="cannot read"):
        load(tmp_path / "nowhere.yaml")


@pytest.mark.parametrize("phrase, matches, misses", [
    ("tax return{|s}", ["my tax returns", "a TAX RETURN"], ["tax returned"]),
    ("won't load", ["it wont load", "it won't load"], ["won't loader"]),
    ("{get|give} {the buyer|her} {the|a|} tracking", ["give her tracking", "get the buyer a tracking no."], ["give hertracking"]),
    ("£", ["£5 fee"], []),
    ("{( |, }ID{,|:|)}", ["(TH, ID, VN)"], ["send the order ID, please"]),
])
def test_phrases_are_words_not_regexes(phrase: str, matches: list[str], misses: list[str]) -> None:
    import re

    flags = 0 if "ID" in phrase else re.I
    assert all(re.search(phrase_regex(phrase), text, flags) for text in matches)
    assert not any(re.search(phrase_regex(phrase), text, flags) for text in misses)


def test_a_second_agency_changes_sign_off_markets_and_topics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another agency serves Japan and does not cover NFTs: only the data file changes."""
    from assistant.citecheck import says_nothing
    from assistant.drafters import agency_name, next_steps, sign_off
    from assistant.creator_market import find_home_market, find_region
    from assistant.markets import for_another_market
    from assistant.scope import unknown_topic
    from vectorstore.filters import region_values

    question = "can I sell NFTs of my videos through my showcase?"
    never = lambda pattern: 0  # noqa: E731 - a knowledge base that mentions nothing
    assert unknown_topic(question, never) == "" and find_region("hi! creator from Osaka here") != "JP"
    # a market the agency does not serve is still named by its name: its rule is not a US creator's
    assert for_another_market("In Japan, samples ship free.", "US")

    data = shipped_data()
    data["agency"] = {"name": "Northwind Talent", "sign_off": "Cheers,\n{agency}",
                      "next_steps": "Write back if your dashboard differs from this."}
    data["other_markets"] = [m for m in data["other_markets"] if m["code"] != "JP"]
    data["markets"].append({"code": "JP", "name": "Japan", "aliases": ["Japan", "Japanese", "Tokyo", "Osaka"],
                            "document_forms": ["Japan", "Japanese", "(JP)"]})
    data["groupings"].append({"code": "APAC", "name": "Asia-Pacific", "markets": ["JP", "TH"], "names": ["Asia-Pacific"]})
    data["out_of_scope"].append({"label": "NFTs", "phrases": ["nft{|s}"]})
    monkeypatch.setenv("CREATOR_DESK_DOMAIN_FILE", str(write(tmp_path, data)))
    get_domain.cache_clear()

    assert sign_off() == "Cheers,\nNorthwind Talent" and agency_name() == "Northwind Talent"
    assert says_nothing("Northwind Talent") and not says_nothing("Northwind Talent pays on the 5th.")
    assert next_steps() == "Write back if your dashboard differs from this." and says_nothing(next_steps())
    assert find_region("hi! creator from Osaka here") == "JP" and find_home_market("I'm based in Osaka") == "JP"
    assert for_another_market("In Japan, samples ship free.", "US")
    assert not for_another_market("Across Asia-Pacific, samples ship free.", "JP")
    assert region_values("JP") == ["JP", "global", "APAC"]
    assert unknown_topic(question, never) == "The knowledge base has nothing on 'NFTs' (NFTs)."
    assert unknown_topic(question, lambda pattern: 3) == ""  # a knowledge base with a page on it answers
