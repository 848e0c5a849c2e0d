"""How one line of a passage reads as a sentence: list markers, emphasis and pipes gone, a bold run-in label
joined to its sentence, a table row as 'Row: header value', and page furniture that repeats a heading left out."""
from __future__ import annotations

import re

TABLE_SEP = re.compile(r"^\|?[\s:|-]+\|?$")
MAX_LEAD = 120  # a longer lead-in would crowd out the item it introduces
RUN_IN = re.compile(r"^\s*(?:(?:[-*+]|\d+[.)])\s+)?\*\*([^*]{2,80}?)\.\*\*\s+\S")
# A heading that forbids what its items say: "What reps must never do", "Never paste into the CRM".
FORBIDDING = re.compile(r"(?i)^(?!.*\band\b)(?:(?:never|do not|don't|avoid)\b|what\b[\w\s]{0,20}\b(?:must|should|may) (?:never|not)\b)")
SEE_ALSO = re.compile(r"(?i)\s*\((?:see|cf\.?)\s[^()]*\)")
EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])|(?<![\w_])_(?!\s)([^_]+?)(?<!\s)_(?![\w_])")


def plain(line: str) -> str:
    """A passage line as a sentence: no list markers, emphasis or table pipes."""
    line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?", "", line)  # "- [ ] Publish the macros": a checklist item
    line = re.sub(r"(\*\*|__|`)", "", line)
    line = EMPHASIS.sub(lambda found: found.group(1) or found.group(2), line)  # "*Applies to all.*": italics
    line = SEE_ALSO.sub("", line)  # "(see question 10)" points into a page the creator does not have
    if line.count("|") >= 2:
        cells = [c.strip() for c in line.strip().strip("|").split("|") if c.strip()]
        line = cells[0] + ": " + "; ".join(cells[1:]) + "." if len(cells) > 1 else ""
    return line.strip()


def run_in(line: str, item: str) -> str:
    """'**Category requirements (US).** For selected categories ...' puts a bold label before its sentence: the
    label is joined to it ('Category requirements (US): For ...'), not quoted as a sentence of its own."""
    label = RUN_IN.match(line)
    if not label or not item.startswith(label.group(1)):
        return item
    return f"{label.group(1)}: {item[len(label.group(1)):].lstrip('.: ')}"


def table_units(rows: list[list[str]]) -> list[str]:
    """A table as one sentence per row, 'Row: header value, header value.', so a reply can quote the row
    that answers without the rest of the table."""
    header, body = (rows[0], rows[1:]) if len(rows) > 1 else ([], rows)
    out = []
    for row in body:
        # an empty cell, or one holding only a dash, says nothing: "p2 first response ," is left out, not quoted
        pairs = [f"{h.lower()} {v}" if h else v for h, v in zip(header[1:] or [""] * len(row), row[1:])
                 if v.strip(" -\u2013\u2014")]
        # a first column headed "Avoid" or "Don't" lists what is forbidden: the row says so
        label = f"{header[0]} {row[0]}" if header and FORBIDDING.search(header[0]) else row[0]
        out.append((f"{label}: {', '.join(pairs)}" if pairs else label).rstrip(".") + ".")
    return out


def heading_like(line: str, headings: set[str]) -> bool:
    """A title or section line from a PDF or DOCX (no '#'): it repeats the document or section name."""
    return norm(line) in headings


def norm(text: str) -> str:
    """Lower case, letters and digits only: how a heading is compared with a line."""
    return " ".join(re.findall(r"[a-z0-9]+", plain(text).lower()))


def without_kicker(lines: list[str], headings: set[str]) -> list[str]:
    """The lines from the title on, when a short unpunctuated line stands above it ("Acme Partners - creator
    guide" over "Settlement and Withdrawals" at the top of a PDF): page furniture, not something to quote."""
    filled = [i for i, line in enumerate(lines) if line.strip()][:2]
    if len(filled) < 2 or not heading_like(lines[filled[1]], headings):
        return lines
    first = lines[filled[0]].strip()
    return lines[filled[1]:] if len(first) <= MAX_LEAD and "|" not in first and first[-1] not in ".!?:" else lines


def bordered(text: str) -> str:
    """Table rows from DOCX and HTML ('A US person | Form W-9') given Markdown's outer pipes, so a
    two-column table is read as one too: a run of two or more lines with the same number of cells."""
    lines = text.split("\n")
    cells = [ln.count(" | ") if " | " in ln and not ln.lstrip().startswith("|") else 0 for ln in lines]
    for i, n in enumerate(cells):
        if n and n in (cells[i - 1] if i else 0, cells[i + 1] if i + 1 < len(cells) else 0):
            lines[i] = f"| {lines[i].strip()} |"
    return "\n".join(lines)


def closed(sentence: str) -> str:
    """A sentence cut from a quotation with its quote marks paired: 'come back to you."' loses the mark
    it has nothing to close, 'Pending: "Commission settles.' gains the one the next sentence had."""
    if not sentence.count('"') % 2:
        return sentence
    return sentence[:-1].rstrip() if sentence.endswith('"') else f'{sentence}"'
