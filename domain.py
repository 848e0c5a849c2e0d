"""The agency's domain knowledge, read from one validated YAML file (`domain.yaml` by default).

It sits beside settings.py rather than in assistant/ because vectorstore's region filters need the market
groupings too, and vectorstore must not import assistant."""
from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from settings import load_settings

# A phrase edge that is a letter or digit must be a word edge; other edges ("£", "(TH)") need nothing.
EDGE = r"(?:(?<!\w)|(?!\w))"


class DomainError(Exception):
    """The domain file is missing or invalid; the message names the file and the key."""


def phrase_regex(phrase: str) -> str:
    """A regular expression for a phrase in the file's notation: {a|b} alternatives, {a|} optional,
    an optional apostrophe, whole words at letter or digit edges."""
    parts: list[str | list[str]] = [p[1:-1].split("|") if p.startswith("{") else p
                                    for p in re.split(r"(\{[^{}]*\})", " ".join(phrase.split())) if p]
    for i, part in enumerate(parts):
        if isinstance(part, list) and "" in part:  # "{the|a|} tracking": the space goes with the words
            after, before = parts[i + 1] if i + 1 < len(parts) else "", parts[i - 1] if i else ""
            if isinstance(after, str) and after.startswith(" ") and isinstance(before, str) and before[-1:] in ("", " "):
                parts[i], parts[i + 1] = [a and a + " " for a in part], after[1:]
            elif not after and isinstance(before, str) and before.endswith(" "):
                parts[i], parts[i - 1] = [a and " " + a for a in part], before[:-1]

    def literal(text: str) -> str:
        return re.escape(text).replace("\\ ", " ").replace("'", "'?")

    body = "".join(literal(p) if isinstance(p, str) else "(?:" + "|".join(map(literal, p)) + ")" for p in parts)
    return EDGE + body + EDGE


def any_of(phrases: list[str]) -> str:
    """One pattern matching any of the phrases."""
    return "(?:" + "|".join(phrase_regex(p) for p in phrases) + ")"


# A demonym names the writer's market only next to the writer: "I'm French", "Thai creator here", "as a
# Malaysian seller". "Reply in French" and "Thai captions" name a language.
BEFORE_WRITER = (r"(?:(?<=\bi'm )|(?<=\bi\u2019m )|(?<=\bim )|(?<=\bi am )|(?<=\bwe're )|(?<=\bwe\u2019re )|"
                 r"(?<=\bwe are )|(?<=\bas a )|(?<=\bas an ))")
WRITER_NOUN = (r"(?=\s+(?:creators?|sellers?|influencers?|affiliates?|accounts?|shops?|stores?|business(?:es)?|"
               r"markets?|users?|streamers?|tiktokers?|citizens?|residents?|nationals?|here)\b)")


def as_writer(demonyms: list[str]) -> str:
    """A pattern for a demonym that describes the writer or their account."""
    return f"(?:{BEFORE_WRITER}{any_of(demonyms)}|{any_of(demonyms)}{WRITER_NOUN})"


def check_phrase(phrase: str) -> str:
    """Refuse unbalanced braces and phrases that make no pattern."""
    if set(re.sub(r"\{[^{}]*\}", "", phrase)) & {"{", "}"}:
        raise ValueError(f"unbalanced braces in {phrase!r}")
    re.compile(phrase_regex(phrase))
    return phrase


Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(check_phrase)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


class Strict(BaseModel):
    """A part of the file: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid")


class Agency(Strict):
    """Who the replies come from."""

    name: Text
    sign_off: Text = "Best,\nThe {agency} team"
    # the line before the sign-off of every answered reply: what the creator can do if the answer does not fit
    next_steps: Text = "Reply here if your account shows something different, and we'll look into it with you."


class Market(Strict):
    """A market: how creators name it (any case) and how documents write it (case as written)."""

    code: Code
    name: Text
    aliases: list[Phrase] = Field(min_length=1)
    demonyms: list[Phrase] = []  # "Thai", "French": a market only when they describe the writer, not a language
    document_forms: list[Phrase] = []
    flag: Code | None = None  # the flag emoji's ISO code where it differs from `code` (GB for UK)


class Grouping(Strict):
    """Markets that share rules, and the words that name them together."""

    code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,10}$")]
    name: Text
    markets: list[Code] = Field(min_length=1)
    names: list[Phrase] = []
    document_forms: list[Phrase] = []


class Topic(Strict):
    """A topic outside the knowledge base's remit, unless the knowledge base speaks of it."""

    label: Text
    phrases: list[Phrase] = Field(min_length=1)
    told_before_question: bool = False
    only_when_asked: bool = False  # a passing mention before the clause that asks is not the topic
    sending_buyers_is_in_scope: bool = False
    not_in: list[Phrase] = []


class Domain(Strict):
    """The whole file."""

    agency: Agency
    all_but_prefix: str = ""
    markets: list[Market] = Field(min_length=1)
    groupings: list[Grouping] = []
    other_markets: list[Market] = []
    out_of_scope: list[Topic] = []

    @model_validator(mode="after")
    def _consistent(self) -> Domain:
        seen: set[str] = set()
        for key, items in (("markets", self.markets), ("other_markets", self.other_markets), ("groupings", self.groupings)):
            for i, item in enumerate(items):
                if item.code in seen:
                    raise ValueError(f"{key}[{i}].code: {item.code!r} is defined twice")
                seen.add(item.code)
        served = {m.code for m in self.markets}
        for i, group in enumerate(self.groupings):
            unknown = [code for code in group.markets if code not in served]
            if unknown:
                raise ValueError(f"groupings[{i}].markets: {', '.join(unknown)} is not a served market")
        try:
            self.agency.sign_off.format(agency=self.agency.name)
        except (KeyError, IndexError, ValueError) as err:
            raise ValueError(f"agency.sign_off: only {{agency}} may be filled in ({err})") from err
        return self

    @property
    def sign_off(self) -> str:
        """The reply's last lines, with the agency's name."""
        return self.agency.sign_off.format(agency=self.agency.name)

    @cached_property
    def served(self) -> dict[str, str]:
        """Served market codes and their display names, in file order."""
        return {m.code: m.name for m in self.markets}

    @cached_property
    def market_names(self) -> dict[str, str]:
        """Every market a creator may name, served or not: code -> display name."""
        return {m.code: m.name for m in self.markets + self.other_markets}

    @cached_property
    def alias_patterns(self) -> dict[str, str]:
        """Code -> pattern of the names a creator uses for the market; match it ignoring case."""
        return {m.code: f"(?:{any_of(m.aliases)}|{as_writer(m.demonyms)})" if m.demonyms else any_of(m.aliases)
                for m in self.markets + self.other_markets}

    @cached_property
    def passage_patterns(self) -> dict[str, str]:
        """Code -> pattern of how a passage names the market, matched ignoring case: a creator's word for it
        ("Manila") in any case, but a code ("US", "PH:", "MY, PH, TH and VN") only as written, since "contact
        us" is not the United States."""
        out = {}
        for m in self.markets + self.other_markets:
            words = [a for a in m.aliases + m.demonyms if a != a.upper()]
            codes = [a for a in m.aliases if a == a.upper()]
            written = ([any_of(codes)] if codes else []) + ([self.mentions[m.code].pattern] if m.code in self.mentions else [])
            out[m.code] = "|".join(([any_of(words)] if words else []) + [f"(?-i:{w})" for w in written])
        return out

    @cached_property
    def flag_codes(self) -> dict[str, str]:
        """A flag emoji's ISO code -> the market code the agency uses."""
        codes = {m.code: m.code for m in self.markets + self.other_markets}
        return codes | {m.flag: m.code for m in self.markets + self.other_markets if m.flag}

    def groups_of(self, code: str) -> set[str]:
        """Codes of the groupings a market belongs to."""
        return {g.code for g in self.groupings if code in g.markets}

    @cached_property
    def mentions(self) -> dict[str, re.Pattern[str]]:
        """Code -> how documents name a market or a grouping inside a sentence."""
        not_after = f"(?<!{re.escape(self.all_but_prefix)})" if self.all_but_prefix else ""
        out = {m.code: re.compile(not_after + any_of(m.document_forms)) for m in self.markets if m.document_forms}
        # a market the agency does not serve is named by its name ("We do not onboard creators in Japan")
        out |= {m.code: re.compile(any_of(m.document_forms or [m.name])) for m in self.other_markets}
        for g in self.groupings:
            forms = [any_of(g.document_forms)] if g.document_forms else []
            forms += [f"(?i:{any_of(g.names)})"] if g.names else []
            if forms:
                out[g.code] = re.compile("|".join(forms))
        return out

    @cached_property
    def all_but(self) -> dict[str, re.Pattern[str]]:
        """Code -> "non-US": a phrase for every market but this one."""
        return {m.code: re.compile(phrase_regex(self.all_but_prefix) + any_of(m.document_forms))
                for m in self.markets if m.document_forms and self.all_but_prefix}

    @cached_property
    def topic_patterns(self) -> list[tuple[Topic, list[str]]]:
        """Each out-of-scope topic with one pattern per phrase (match ignoring case)."""
        out = []
        for topic in self.out_of_scope:
            unless = f"(?!{any_of(topic.not_in)})" if topic.not_in else ""
            out.append((topic, [unless + phrase_regex(p) for p in topic.phrases]))
        return out


@lru_cache(maxsize=8)
def load(path: Path) -> Domain:
    """Read and validate a domain file; raise DomainError naming the file and the key."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise DomainError(f"{path}: cannot read the domain file ({err.strerror or err})") from err
    except yaml.YAMLError as err:
        raise DomainError(f"{path}: not valid YAML: {err}") from err
    if not isinstance(data, dict):
        raise DomainError(f"{path}: expected a mapping of keys (agency, markets, ...) at the top")
    try:
        return Domain.model_validate(data)
    except ValidationError as err:  # one line per problem, each naming the file and the key
        keys = [(".".join(map(str, e["loc"])), e["msg"].removeprefix("Value error, ")) for e in err.errors()]
        raise DomainError("\n".join(f"{path}: {key + ': ' if key else ''}{msg}" for key, msg in keys)) from err


@lru_cache(maxsize=1)
def get_domain() -> Domain:
    """The domain named by CREATOR_DESK_DOMAIN_FILE, loaded once (clear this cache to re-read it)."""
    return load(Path(load_settings().domain_file))
