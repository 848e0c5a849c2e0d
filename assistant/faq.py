"""FAQ answers that mean nothing without their question ("Yes, once: ...", "No."): each is quoted with the
question the page quotes above it."""
from __future__ import annotations

import re

ORPHAN_ANSWER = re.compile(r"(?i)^(?:if )?(yes|no)\b[,.:;!]?")  # "If yes, the lock is gone" answers the question before it
BARE_ANSWER = re.compile(r"(?i)^(yes|no)[,.:;!]?$")
# A question on its own line (blockquote markers already gone), answered in the next paragraph:
# '> "Can I say these helped my bloating?"'.
QUOTED_QUESTION = re.compile(r"^[\"\u201c]?(.+\?)[\"\u201d]?$")
FAQ_Q = re.compile(r"^Q\s*[:.)-]\s*")  # an FAQ's question marker
BLOCKQUOTE = re.compile(r"^\s*>[>\s]*")
# A label that presents the quotation under it as what not to write: "Bad:", "Don't say:", "Wrong:".
BAD_LABEL = re.compile(r"(?i)^\W*(?:bad|wrong|incorrect|avoid|don'?t|do not|never|not this)\b[^.!?]{0,40}:\W*$")
# A label that presents the quotation under it as a model to copy in a style guide: "Good:", "Better:". Its
# sentences are a sample reply in someone's voice ("I've asked our payouts team to check"), not facts.
GOOD_LABEL = re.compile(r"(?i)^\W*(?:good|better|best|right|correct)\W*:\W*$")


def unquoted(text: str) -> str:
    """The text without blockquote markers, so a quoted canned reply or note reads as prose ("> Hi," would
    otherwise hide its first sentence); a quotation under a label that calls it bad ("Bad:") is dropped, and so is a
    style guide's model under "Good:" beside it."""
    out, label, dropping = [], "", False
    for line in text.split("\n"):
        marker = BLOCKQUOTE.match(line)
        if not marker:
            dropping = dropping and not line.strip()
            label = line.strip() or label
            out.append(line)
            continue
        dropping = dropping or bool(BAD_LABEL.match(label) or GOOD_LABEL.match(label))
        label = ""
        out.append("" if dropping else line[marker.end():])
    return "\n".join(out)


def quoted_question(line: str) -> str:
    """The question on a line of its own ('"Can I ...?"', '**Q: Can I ...?**'), without the quote marks, bold or
    'Q:', or ''."""
    found = QUOTED_QUESTION.match(FAQ_Q.sub("", re.sub(r"\*\*|__", "", line).strip()))
    return found.group(1) if found else ""


def with_their_questions(parts: list[str]) -> list[str]:
    """'Yes, once: ...' after a quoted FAQ question means nothing alone: it is quoted with its question."""
    out: list[str] = []
    glue = False
    for part in parts:
        if out and ORPHAN_ANSWER.match(part) and re.search(r"\?[\"'\u201d]?$", out[-1]):
            out[-1] = f"{out[-1]} {part}"
            glue = bool(BARE_ANSWER.match(part))  # a bare "No." needs the sentence that explains it
        elif glue:
            out[-1], glue = f"{out[-1]} {part}", False
        else:
            out.append(part)
    return out
