"""How a passage is cut into quotable sentences: table rows, list lead-ins, bold run-in labels, FAQ answers
joined to their questions, claims joined to their verdicts, and lines written for reps kept out of a creator's reply."""
from __future__ import annotations

import re

from assistant.addressing import flagged_hearsay, gives_verdict, reports_claim
from assistant.examples import worked_case
from assistant.faq import ORPHAN_ANSWER, quoted_question, unquoted, with_their_questions
from assistant.passage_lines import (FORBIDDING, MAX_LEAD, TABLE_SEP, bordered, closed, heading_like, norm, plain, run_in,
                                    table_units, without_kicker)
from assistant.text import reflow, sentences
from assistant.types import Passage

MIN_CHARS, MAX_CHARS = 25, 450  # a quotable sentence: long enough to say something, short enough to quote
# A longer one, up to half a quotable sentence, still leads its items in a reply, said once, or they start
# mid-sentence ("at most 3 shoppable LIVEs per week;") and lose who they apply to; the reader reads them alone
MAX_LEAD_IN = MAX_CHARS // 2
# Sections addressed to reps, by their heading: "Rep guidance", "What reps should tell creators".
REP_SECTION = re.compile(r"(?i)\breps?\b")
USE_WHEN = re.compile(r"(?i)^(when to use|use when|use this when|use it when)\b")
ANSWER_MARK = re.compile(r"^A:\s+")  # the 'A:' of an FAQ answer is layout, not part of what it says
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# A list item that names its subject in bold before a dash: "2. **Marketing creator** - linked to one seller. Can sell ..."
LABELLED = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\*\*([^*]{2,60}?)\*\*\s*[-\u2013\u2014:]\s+\S")
# A heading that is the first half of its list's sentence: "When no commission is paid" over "- The buyer cancels
# before receiving the order." An item quoted without it states the opposite of what the page says.
CONDITION = re.compile(r"(?i)^(?:when|if|unless|once|before|after)\b")
# A list item that opens with its own condition: "If the creator did break the rule: say what they have changed."
OPENING_CONDITION = re.compile(r"(?i)^((?:if|when|unless|once|before|after)\b[^:.;]{3,120}):\s+\S")
NEGATED = re.compile(r"(?i)^(?:never|not|no|do not|don't|avoid)\b")  # "Do not quote a clawback period" says it already


def condition(heading: str) -> bool:
    """Whether a heading is a condition its list completes ("When no commission is paid"), in one clause."""
    return bool(CONDITION.match(heading)) and not re.search(r"[.!?]", heading)


def for_reps(section: str) -> bool:
    """A section written for reps, by its last heading ("Rep checklist", "What reps should not say")."""
    return bool(REP_SECTION.search(section.split(" > ")[-1]))


def labelled(label: str, sentence: str) -> str:
    """The sentence after its label ("When no commission is paid: the buyer cancels …"), lower-cased unless its
    first word is an acronym or a name."""
    lower = sentence[1:2].islower() or sentence[:2] == "A "  # "A clear fix" is no acronym
    return f"{label}: {sentence[:1].lower() if lower else sentence[:1]}{sentence[1:]}"


def units(text: str, headings: set[str] = frozenset(), forbids: str = "", opens: str = "") -> list[str]:
    """Sentences of a passage, each list item under a condition heading led by it (see `led_units`)."""
    return [labelled(lead, sentence) if lead and not sentence.startswith(f"{lead}: ") else sentence
            for sentence, lead in led_units(text, headings, forbids, opens)]


def led_units(text: str, headings: set[str] = frozenset(), forbids: str = "",
              opens: str = "") -> list[tuple[str, str]]:
    """Sentences of a passage; a Markdown table row is one sentence; lines repeating a heading are dropped.
    `forbids` is a heading such as "What reps must never do": its items keep it, since "Ask for the
    creator's password" alone reads as advice to do it. `opens` is the section's heading when it is a condition
    ("When no commission is paid"): each item of the list that opens the passage comes with it as its lead, which
    the reader does not read (the heading is beside the sentence already) and a reply says before it. A list under
    such a heading inside the passage keeps its heading in the sentence. An answer to one creator's case quoted
    in the passage is led by the case (`worked_case`)."""
    out: list[tuple[str, str]] = []
    table, lead, asked, items, banned = [], "", "", [], ""
    cond, opened = (opens, True) if condition(opens) else ("", False)
    for line in without_kicker(reflow(bordered(unquoted(text))).split("\n"), headings) + [""]:
        # "if they: are not high-risk" reads as a sentence; "are not high-risk" does not
        under_lead = bool(lead and LIST_ITEM.match(line) and plain(line)[:1].islower())
        if items and not under_lead:
            out += listed(lead, items)
            items = []
        if line.count("|") >= 2:
            if not TABLE_SEP.match(line.strip()):
                table.append([re.sub(r"(\*\*|__|`)", "", c).strip() for c in line.strip().strip("|").split("|")])
            continue
        if table:
            out += [(u, "") for u in table_units(table)]
            table = []
        if line.lstrip().startswith("#") or heading_like(line, headings):
            named = plain(line.strip().lstrip("#").strip()).rstrip(":")
            # a lead-in does not reach past a heading
            cond, opened, lead = (named if condition(named) else ""), False, ""
            continue
        if not line.strip():
            continue
        item = run_in(line, ANSWER_MARK.sub("", plain(line)))
        if USE_WHEN.match(item):  # "When to use: US creators. For the UK give no timing." is all for the rep
            continue
        if under_lead:
            items.append(item)
            continue
        led = ""
        if not LIST_ITEM.match(line):
            cond = ""  # prose between the heading and a list: the list's lead-in is its own
            last = (sentences(item) or [""])[-1]  # "… every market. Our roster has a higher bar:" leads in too
            lead = last if last.endswith(":") and len(last) <= MAX_LEAD_IN else ""
            # a bold "Don't" line over a list forbids its items as a "Don't" heading would
            banned = item if FORBIDDING.search(item) and len(item) <= MAX_LEAD and item[-1:] not in ".!?" else ""
        elif (forbids or banned) and not lead and not NEGATED.match(item):
            item = f"{forbids or banned}: {item[:1].lower()}{item[1:]}"
        elif cond and not lead:
            item, led = (item, cond) if opened else (labelled(cond, item), "")
        parts = [closed(p) for p in sentences(item)]
        if (label := LABELLED.match(line)) and len(parts) > 1:  # "Can sell that shop's products" says whose
            parts = parts[:1] + [labelled(label.group(1), p) for p in parts[1:]]
        elif LIST_ITEM.match(line) and len(parts) > 1 and (opening := OPENING_CONDITION.match(parts[0])):
            # "- If the order is their own purchase: … Explain gently and do not escalate.": only then, not always
            parts = parts[:1] + [labelled(opening.group(1), p) for p in parts[1:]]
        case = "" if led or LIST_ITEM.match(line) else worked_case(asked, parts)
        if asked and parts and not led and ORPHAN_ANSWER.match(parts[0]):
            parts = [asked, *parts]  # '> "Can I say I lost 5 lbs?"' then 'No. ...' on the next line
        asked = quoted_question(line)
        out += [(u, case or (led if n == 0 else ""))
                for n, u in enumerate(with_their_verdicts(with_their_questions(parts)))]
    return out


def listed(lead: str, items: list[str]) -> list[tuple[str, str]]:
    """Items under a lead-in: one sentence when short ("must: be 18 or older; have 1,000 followers"),
    else each with the lead-in, since "are not high-risk" alone reads as nothing. The lead-in is also each
    item's lead, so that a reply quoting three items says it once (assistant.judge.label_once). Under a lead-in
    too long to repeat (over MAX_LEAD), each item is read alone and the lead-in is only its lead."""
    if len(lead) > MAX_LEAD:  # read alone, as items under a condition heading are; a reply says it once
        return [(item, lead[:-1].rstrip()) for item in items]
    joined = f"{lead} {'; '.join(i.rstrip(';.') for i in items)}."
    if len(joined) <= MAX_CHARS:
        return [(joined, "")]
    said = lead[:-1] if lead.endswith(":") and not lead[-2:-1].isspace() else ""
    return [(f"{lead} {item}", said) for item in items]


def with_their_verdicts(parts: list[str]) -> list[str]:
    """A claim reported from elsewhere ('Some creators say the label halves views.') is one unit with the verdict
    beside it ('This is not confirmed.'), whichever comes first; the verdict alone means little."""
    out: list[str] = []
    joined = False  # a verdict already joined to one claim is not joined to the next
    for part in parts:
        last = out[-1] if out and not joined else ""
        if (flagged_hearsay(last) and gives_verdict(part)) or (
                gives_verdict(last) and not reports_claim(last) and flagged_hearsay(part)):
            out[-1], joined = f"{last} {part}", True
        else:
            out.append(part)
            joined = False
    return out


def forbidding(section: str) -> str:
    """The last heading when it forbids what its items say ("What reps must never do"), else ''."""
    heading = section.split(" > ")[-1].strip()
    return heading if FORBIDDING.search(heading) else ""


def last_heading(passage: Passage) -> str:
    """The heading the reader sees beside a chunk's sentences: its last section heading, else its title.
    Training pairs and the drafter both take it from here, so the reader is run on what it was trained on."""
    return passage.section.split(" > ")[-1].strip() or passage.title


def reading_units(passage: Passage) -> list[tuple[str, str]]:
    """(heading, sentence) for every quotable sentence of a chunk: what the reader reads and the drafter quotes.
    The reader reads a sentence without its lead, as it does when drafting."""
    section, heading = passage.section, last_heading(passage)
    names = {norm(n) for n in [passage.title] + section.split(" > ") if n.strip()}
    return [(heading, s) for s, _ in led_units(passage.text, names, forbidding(section)) if MIN_CHARS <= len(s) <= MAX_CHARS]
