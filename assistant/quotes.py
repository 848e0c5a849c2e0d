"""Words a message quotes from someone else ('hi it's Jess, can you confirm your email?'), masked while its
sentences are split and its questions found: a question the writer quotes is not one they ask."""
from __future__ import annotations

import re

PAIRS = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019"}
MAX_QUOTE = 300
# A quote opens after a space, a line start or an opening bracket or colon, and closes before a space, line end
# or punctuation, so the apostrophes of "it's" and "creators' samples" neither open nor close one.
OPENS = re.compile(r"(?:^|(?<=[\s(\[:]))([\"'\u201c\u2018])(?=\S)")
CLOSE_AFTER = re.compile(r"(?=$|[\s.,!?;:)\]])")
MARK = "\uE000{}\uE001"
PLACEHOLDER = re.compile("\uE000(\\d+)\uE001")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage on one line, quote marks included."""
    spans, pos = [], 0
    while match := OPENS.search(text, pos):
        start, closer = match.start(1), PAIRS[match.group(1)]
        end = _closing(text, match.end(1), closer)
        if end is None:
            pos = match.end(1)
            continue
        spans.append((start, end))
        pos = end
    return spans


def _closing(text: str, begin: int, closer: str) -> int | None:
    """The index just past the quote mark that closes a passage opened at `begin`, if one does on its line."""
    limit = min(len(text), begin + MAX_QUOTE)
    for i in range(begin + 1, limit):
        if text[i] == "\n":
            return None
        if text[i] == closer and not text[i - 1].isspace() and CLOSE_AFTER.match(text, i + 1):
            return i + 1
    return None


def mask(text: str) -> tuple[str, list[str]]:
    """The text with each quoted passage replaced by a placeholder, and the passages in order."""
    passages, out, pos = [], [], 0
    for start, end in quoted_spans(text):
        out.append(text[pos:start] + MARK.format(len(passages)))
        passages.append(text[start:end])
        pos = end
    return "".join(out) + text[pos:], passages


def unmask(text: str, passages: list[str]) -> str:
    """Put the quoted passages back in place of their placeholders (intake's cleaning strips the private-use
    characters they are made of, so a pasted look-alike is left as it is)."""
    return PLACEHOLDER.sub(lambda m: passages[int(m.group(1))] if int(m.group(1)) < len(passages) else m.group(0), text)
