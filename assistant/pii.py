"""Personal data in pasted messages: find it, swap it for tokens, and put it back for the rep only."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import phonenumbers

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
CARD_RE = re.compile(r"\b(?:\d[ -]?){12,18}\d\b")
ORDER_RE = re.compile(r"(?i)(?:order(?:\s*(?:id|no\.?|number|#))?\s*[:#]?\s*)(\d{8,20})|\b(\d{15,20})\b")
ADDRESS_RE = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl)\b\.?"
    r"(?:,?\s*(?:Apt|Unit|Suite)\.?\s*\w+)?(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?(?:,?\s*[A-Z]{2}\s*\d{5})?"
)


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
        matches = list(phonenumbers.PhoneNumberMatcher(text, region or "US"))
        tokens = [self.token("PHONE", m.raw_string) for m in matches]  # numbered in reading order
        for match, tok in reversed(list(zip(matches, tokens))):
            text = text[: match.start] + tok + text[match.end:]
        return text

    def run(self, text: str, region: str = "US") -> Redaction:
        """Redact emails, cards, order ids, addresses and phone numbers, in that order."""
        text = EMAIL_RE.sub(lambda m: self.token("EMAIL", m.group(0)), text)
        text = self.cards(text)
        text = self.orders(text)
        text = ADDRESS_RE.sub(lambda m: self.token("ADDRESS", m.group(0)), text)
        text = self.phones(text, region if len(region) == 2 else "US")
        return Redaction(text, dict(self.mapping))


def redact(text: str, region: str = "US") -> Redaction:
    """Redact personal data from text; the mapping restores it."""
    return Redactor().run(text, region)


def restore(text: str, mapping: dict[str, str]) -> str:
    """Put the original values back (for the rep's view only)."""
    for token, value in mapping.items():
        text = text.replace(token, value)
    return text
