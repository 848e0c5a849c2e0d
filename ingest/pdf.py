"""PDF text through pypdf, page by page, skipping text a reader cannot see."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ingest.clean import clean_text, squeeze
from ingest.documents import LoadError, Section
from ingest.pdf_cells import CellTracker, with_cells
from ingest.pdf_headings import font_headings

MAX_PAGES = 2000
TINY_PT = 2.0
BULLET_RE = re.compile(r"^(?:[-*\u2022]|\d+[.)])\s")  # text drawn smaller than this is unreadable in print and on screen


def open_reader(path: Path, source: str) -> Any:
    """Open a PDF, decrypting files with an empty user password only."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    data = path.read_bytes()
    if not data:
        raise LoadError(f"{source} is empty (0 bytes)")
    if b"%PDF-" not in data[:1024]:
        raise LoadError(f"{source} is not a PDF (no %PDF header)")
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoadError(f"{source} is encrypted with a password; save an unprotected copy")
        return reader
    except PyPdfError as err:
        raise LoadError(f"{source} could not be parsed as a PDF ({err.__class__.__name__})") from err


def outline_entries(reader: Any) -> list[tuple[int, int, str]]:
    """(page index, level, title) for each bookmark, in document order."""
    entries: list[tuple[int, int, str]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if len(entries) >= 1000:  # a cyclic or absurd outline costs us section names, nothing more
                return
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append((reader.get_destination_page_number(item), level, str(item.title).strip()))

    try:
        walk(reader.outline, 0)
    except Exception:  # a broken outline never costs us the text
        return []
    return entries


def running_lines(pages: list[list[str]]) -> set[str]:
    """First and last lines that repeat on most pages (headers, footers), digits ignored."""
    if len(pages) < 2:
        return set()
    counts: dict[str, int] = {}
    for lines in pages:
        for line in {lines[0], lines[-1]} if len(lines) >= 3 else set():
            key = re.sub(r"\d+", "#", line)
            counts[key] = counts.get(key, 0) + 1
    return {key for key, n in counts.items() if n > len(pages) / 2}


def split_page(lines: list[str], number: int, heads: list[tuple[int, str]], path: list[tuple[int, str]]) -> tuple[list[Section], list[tuple[int, str]]]:
    """Sections of one page, starting a new one at each bookmarked heading line."""
    sections, buffer, pending = [], [], list(heads)
    for line in lines:
        if pending and line.strip() == pending[0][1]:
            sections.append(Section([t for _, t in path], squeeze(reflow("\n".join(buffer))), page=number))
            level, title = pending.pop(0)
            path, buffer = [(lv, t) for lv, t in path if lv < level] + [(level, title)], []
        else:
            buffer.append(line)
    sections.append(Section([t for _, t in path], squeeze(reflow("\n".join(buffer))), page=number))
    return [s for s in sections if s.text], path


class VisibleText:
    """pypdf visitors that keep visible text and collect text drawn invisible, white or tiny."""

    def __init__(self) -> None:
        self.mode, self.white, self.stack = 0, False, []
        self.shown: list[str] = []
        self.hidden: list[str] = []
        self.sized: list[tuple[float, str]] = []  # visible pieces with their size, for headings by type size
        self.cells = CellTracker()  # table cells get ' | ' between them, as DOCX and HTML rows do

    def before(self, op: bytes, args: list, cm: list, tm: list) -> None:
        """Track text render mode and fill colour through q/Q."""
        if op == b"q":
            self.stack.append((self.mode, self.white))
        elif op == b"Q" and self.stack:
            self.mode, self.white = self.stack.pop()
        elif op == b"Tr" and args:
            self.mode = int(args[0])
        elif op in (b"rg", b"g", b"k", b"sc", b"scn") and args:
            self.white = is_white(op, args)

    def text(self, text: str, cm: list, tm: list, font: Any, size: float) -> None:
        """Sort each piece of text into shown or hidden."""
        scale = abs(tm[3] * cm[3]) or 1.0
        invisible = self.mode in (3, 7) or self.white or 0 < size * scale < TINY_PT
        if invisible and text.strip():
            self.hidden.append(text)
            return
        if text.strip():
            self.sized.append((size * scale, text))
        if "\n" in text:
            self.cells.newline(len(self.shown))
        elif text.strip():
            self.cells.piece(tm[4] * cm[0] + cm[4], len(self.shown))
        self.shown.append(text)


def is_white(op: bytes, args: list) -> bool:
    """Whether a fill colour operator sets white (or near-white)."""
    try:
        values = [float(a) for a in args if not isinstance(a, str)]
    except (TypeError, ValueError):
        return False
    if op == b"k" and len(values) == 4:
        return all(v <= 0.05 for v in values)
    return bool(values) and all(v >= 0.95 for v in values)


def reflow(text: str) -> str:
    """Join visually wrapped lines: a line near the page's full width that ends mid-sentence continues
    (a table row never does: its cells were already joined with ' | ')."""
    lines = [ln.strip() for ln in text.split("\n")]
    prose = [len(ln) for ln in lines if " | " not in ln] or [0]  # rows of a table are not the page's width
    width = sorted(prose)[int(len(prose) * 0.9)]
    out: list[str] = []
    for line in lines:
        if out and line and out[-1] and out[-1][-1] not in ".:!?" and not BULLET_RE.match(line) \
                and len(out[-1]) >= 0.75 * width and " | " not in out[-1] and " | " not in line:  # table rows stay rows
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def pdf_sections(path: Path, source: str, max_pages: int = MAX_PAGES) -> tuple[list[Section], str, list[str]]:
    """Sections split at bookmarks (with page numbers), the document title, and flags."""
    reader = open_reader(path, source)
    if len(reader.pages) > max_pages:
        raise LoadError(f"{source} has {len(reader.pages)} pages; the limit is {max_pages}")
    pages, flags, hidden_pages, sized = [], [], [], []
    for number, page in enumerate(reader.pages, start=1):
        visitor = VisibleText()
        page.extract_text(visitor_operand_before=visitor.before, visitor_text=visitor.text)
        text, more = clean_text(with_cells(visitor.shown, *visitor.cells.layout()))
        flags += more
        pages.append([ln.strip() for ln in text.split("\n") if ln.strip()])
        sized.append(visitor.sized)
        if visitor.hidden:
            hidden_pages.append(number)
    if hidden_pages:
        flags.append(f"hidden text removed (pages {', '.join(map(str, hidden_pages))})")
    noise = running_lines(pages)
    pages = [[ln for ln in lines if re.sub(r"\d+", "#", ln) not in noise] if len(lines) >= 3 else lines
             for lines in pages]
    entries, sections, trail = outline_entries(reader), [], []
    by_size, size_title = font_headings(sized, pages) if not entries else ([[] for _ in pages], "")
    for number, lines in enumerate(pages, start=1):
        heads = [(level, title) for page, level, title in entries if page == number - 1] or by_size[number - 1]
        found, trail = split_page(lines, number, heads, trail)
        sections += found
    if not sections:
        raise LoadError(f"{source}: no extractable text, needs OCR (scanned or image-only pages)")
    meta_title = (reader.metadata or {}).get("/Title") if reader.metadata else None
    return sections, str(meta_title or size_title), sorted(set(flags), key=flags.index)
