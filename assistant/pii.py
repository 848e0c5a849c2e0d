"""Personal data in pasted messages: find it, swap it for tokens, and put it back for the rep only."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import phonenumbers

from domain import get_domain

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Digits in any grouping: spaces (doubled too), dots, slashes, hyphens or underscores; Luhn decides.
CARD_RE = re.compile(r"\b(?:\d[ \t./_-]{0,2}){12,18}\d\b")
ORDER_RE = re.compile(r"(?i)(?:order(?:\s*(?:id|no\.?|number|#))?\s*[:#]?\s*)(\d{8,20})|\b(\d{15,20})\b")
# Words that start an ordinary phrase rather than a street name ("3 videos on the road").
NOT_A_NAME = r"(?!(?i:the|a|an|on|in|at|to|of|for|my|your|our|per|and|or|by|with|from|this|that|each|every)\b)"
# Street types that are also everyday words count only when capitalised ("Baker Close", not "close to").
STREET_TYPES = (r"(?:(?i:street|avenue|ave|road|rd|lane|boulevard|blvd|crescent|highway|hwy|parkway|jalan|soi)"
                r"|St|Ave|Ln|Dr|Drive|Way|Court|Ct|Place|Pl|Close|Terrace|Square|Sq)")
ADDRESS_RE = re.compile(
    r"\b\d{1,5}[A-Za-z]?,?\s+(?:" + NOT_A_NAME + r"[A-Za-z][\w'’.-]*\s+){1,4}" + STREET_TYPES + r"\b\.?"
    r"(?:,?\s*(?:Apt|Unit|Suite|Flat|#)\.?\s*\w+)?(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?(?:,?\s*[A-Z]{2}\s*\d{5})?"
    # Indonesia and Malaysia: "Jl. Sudirman No. 5", "Jalan Ampang"; Vietnam "đường Lê Lợi"; Thailand ถนน/ซอย.
    r"|\b(?i:jl|jln|jalan|đường|duong|phố)\.?\s+(?:[A-ZĐ][\w'’.-]*\s*){1,4}(?:,?\s*(?i:no)\.?\s*\d+[A-Za-z]?)?"
    r"|(?:ถนน|ซอย)\s*\S+"
)
UK_POSTCODE_RE = re.compile(r"\b(?i:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b")
PHONE_REGIONS = {"UK": "GB"}  # our market codes that differ from the phonenumbers (ISO 3166) ones


def phone_regions(region: str) -> list[str]:
    """The creator's market first, then every market we serve, as phonenumbers region codes: a local
    number such as 07911 123456 is only a phone number to the rules of its own country."""
    out: list[str] = []
    for code in [region.strip().upper(), *get_domain().served]:
        code = PHONE_REGIONS.get(code, code)
        if code in phonenumbers.SUPPORTED_REGIONS and code not in out:
            out.append(code)
    return out


@dataclass
class Redaction:
    """Redacted text and the token -> original mapping needed to restore it."""

    text: str
    mapping: dict[str, str] = field(default_factory=dict)


def luhn_ok(digits: str) -> bool:
    """Card-number checksum, so ordinary long numbers are not taken for cards."""
    total, parity = 0, len(digits) % 2
    for i, ch in enumerate(digits):
        d = int(ch)
        if i % 2 == parity:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


class Redactor:
    """Replaces each personal value with a numbered token like [EMAIL_1]."""

    def __init__(self) -> None:
        self.mapping: dict[str, str] = {}
        self.counts: dict[str, int] = {}

    def token(self, kind: str, value: str) -> str:
        """The token for a value, reusing it when the value repeats."""
        for tok, original in self.mapping.items():
            if original == value and tok.startswith(f"[{kind}_"):
                return tok
        self.counts[kind] = self.counts.get(kind, 0) + 1
        tok = f"[{kind}_{self.counts[kind]}]"
        self.mapping[tok] = value
        return tok

    def cards(self, text: str) -> str:
        def swap(m: re.Match) -> str:
            digits = re.sub(r"\D", "", m.group(0))
            return self.token("CARD", m.group(0)) if 13 <= len(digits) <= 19 and luhn_ok(digits) else m.group(0)
        return CARD_RE.sub(swap, text)

    def orders(self, text: str) -> str:
        def swap(m: re.Match) -> str:
            number = m.group(1) or m.group(2)
            return m.group(0).replace(number, self.token("ORDER", number))
        return ORDER_RE.sub(swap, text)

    def phones(self, text: str, region: str) -> str:
        spans: list[tuple[int, int]] = []
        for code in phone_regions(region):
            spans += [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(text, code)]
        chosen: list[tuple[int, int]] = []
        for start, end in sorted(spans, key=lambda s: (s[0], s[0] - s[1])):  # longest first at each start
            if not chosen or start >= chosen[-1][1]:
                chosen.append((start, end))
        tokens = [self.token("PHONE", text[start:end]) for start, end in chosen]  # numbered in reading order
        for (start, end), tok in reversed(list(zip(chosen, tokens))):
            text = text[:start] + tok + text[end:]
        return text

    def run(self, text: str, region: str = "US") -> Redaction:
        """Redact emails, cards, order ids, addresses, UK postcodes and phone numbers, in that order."""
        text = EMAIL_RE.sub(lambda m: self.token("EMAIL", m.group(0)), text)
        text = self.cards(text)
        text = self.orders(text)
        text = ADDRESS_RE.sub(lambda m: self.token("ADDRESS", m.group(0)), text)
        text = UK_POSTCODE_RE.sub(lambda m: self.token("POSTCODE", m.group(0)), text)
        text = self.phones(text, region)
        return Redaction(text, dict(self.mapping))


def redact(text: str, region: str = "US") -> Redaction:
    """Redact personal data from text, reading phone numbers by the creator's market and every market
    we serve; the mapping restores it."""
    return Redactor().run(text, region)


def restore(text: str, mapping: dict[str, str]) -> str:
    """Put the original values back (for the rep's view only)."""
    for token, value in mapping.items():
        text = text.replace(token, value)
    return text
