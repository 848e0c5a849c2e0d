"""Which market a message's writer sells in or asks about, read from the message: names, demonyms and flags."""
from __future__ import annotations

import re

from domain import get_domain

# "how long do I have in Malaysia?", "rules for the UK": the market asked about, not "made in Japan".
ASKED_IN = r"(?<!made )(?<!manufactured )(?<!produced )\b(?:in|for)\s+(?:the\s+)?{place}"
# "I'm in Japan", "based in Brazil", "Mexican creator": where the creator sells, not "imported from Japan".
LOCATED = (r"\b(?:i'?m|i am|we'?re|we are|based|living|live|located|here|sell(?:ing)?|creators?|account|shop)\b"
           r"[^.?!\n]{{0,20}}?\b(?:in|from)\s+(?:the\s+)?{place}|{place}\s+(?:creators?|account|seller|shop|market)\b")


def __getattr__(name: str) -> dict[str, str]:
    """`MARKETS`, the served markets (code -> name) the UI lists, read from the domain file when asked for."""
    if name == "MARKETS":
        return get_domain().served
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def find_region(message: str) -> str:
    """A market named in the message, when exactly one is."""
    found = [code for code, pattern in get_domain().alias_patterns.items() if re.search(pattern, message, re.I)]
    return found[0] if len(found) == 1 else ""


def find_home_market(message: str) -> str:
    """The market a creator says they are in, sell from or ask about ("in Malaysia", 🇲🇾), when exactly one is."""
    domain = get_domain()
    found = {code for code, pattern in domain.alias_patterns.items()
             if re.search(LOCATED.format(place=pattern), message, re.I) or re.search(ASKED_IN.format(place=pattern), message, re.I)}
    found |= {domain.flag_codes[code] for code in flags(message) if code in domain.flag_codes}
    return found.pop() if len(found) == 1 else ""


def flags(message: str) -> list[str]:
    """Country codes of flag emoji: two regional-indicator letters each."""
    base = ord("\U0001F1E6")
    letters = "".join(chr(ord("A") + ord(ch) - base) if base <= ord(ch) <= base + 25 else " " for ch in message)
    return re.findall(r"[A-Z]{2}", letters)
