"""Text hygiene for untrusted files: decoding, control characters, whitespace."""
from __future__ import annotations

import re
import unicodedata

from ingest.documents import LoadError

# Bidi overrides and isolates can reorder what a reader sees versus what the model reads.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"))
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode UTF-8 (with or without BOM); fall back to a detected encoding, and say so."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise LoadError(f"{source} is not text in any encoding we can recognise")
    # Short texts are ambiguous between code pages; Windows-1252 is what Western editors save.
    if any("cp1252" in m.could_be_from_charset for m in matches):
        return data.decode("cp1252", errors="replace"), ["not UTF-8; decoded as cp1252"]
    return str(matches[0]), [f"not UTF-8; decoded as {matches[0].encoding}"]


def clean_text(text: str) -> tuple[str, list[str]]:
    """Drop NULs, control and bidi characters; normalise to NFC. Returns text and flags."""
    flags = []
    if "\x00" in text or CONTROL_RE.search(text):
        flags.append("control characters removed")
        text = CONTROL_RE.sub("", text)
    stripped = text.translate(BIDI_CONTROLS)
    if stripped != text:
        flags.append("bidi control characters removed")
    text = stripped.translate(ZERO_WIDTH)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text, flags


def squeeze(text: str) -> str:
    """Collapse runs of spaces and blank lines."""
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
