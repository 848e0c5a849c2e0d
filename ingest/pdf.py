"""PDF text through pypdf, page by page, skipping text a reader cannot see."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ingest.clean import clean_text, squeeze
from ingest.documents import LoadError, Section

MAX_PAGES = 2000
TINY_PT = 2.0  # text drawn smaller than this is unreadable in print and on screen


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
        raise LoadError(f"{source} could not be parsed as a PDF: {err}") from err


def outline_titles(reader: Any) -> dict[int, str]:
    """First-level outline entries by the page they start on."""
    titles: dict[int, str] = {}
    try:
        for item in reader.outline[:500]:
            if isinstance(item, list):
                continue
            titles.setdefault(reader.get_destination_page_number(item), str(item.title))
    except Exception:  # a broken outline costs us section names, never the text
        return {}
    return titles


class VisibleText:
    """pypdf visitors that keep visible text and collect text drawn invisible, white or tiny."""

    def __init__(self) -> None:
        self.mode, self.white, self.stack = 0, False, []
        self.shown: list[str] = []
        self.hidden: list[str] = []

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
        (self.hidden if invisible and text.strip() else self.shown).append(text)


def is_white(op: bytes, args: list) -> bool:
    """Whether a fill colour operator sets white (or near-white)."""
    try:
        values = [float(a) for a in args if not isinstance(a, str)]
    except (TypeError, ValueError):
        return False
    if op == b"k" and len(values) == 4:
        return all(v <= 0.05 for v in values)
    return bool(values) and all(v >= 0.95 for v in values)


def pdf_sections(path: Path, source: str, max_pages: int = MAX_PAGES) -> tuple[list[Section], str, list[str]]:
    """Sections (one per page), the document title, and flags."""
    reader = open_reader(path, source)
    if len(reader.pages) > max_pages:
        raise LoadError(f"{source} has {len(reader.pages)} pages; the limit is {max_pages}")
    titles, flags, sections, current = outline_titles(reader), [], [], []
    hidden_pages = []
    for number, page in enumerate(reader.pages, start=1):
        visitor = VisibleText()
        page.extract_text(visitor_operand_before=visitor.before, visitor_text=visitor.text)
        current = [titles[number - 1]] if number - 1 in titles else current
        text, more = clean_text("".join(visitor.shown))
        flags += more
        sections.append(Section(list(current), squeeze(text), page=number))
        if visitor.hidden:
            hidden_pages.append(number)
    if hidden_pages:
        flags.append(f"hidden text removed (pages {', '.join(map(str, hidden_pages))})")
    if not any(s.text for s in sections):
        raise LoadError(f"{source} has no extractable text (scanned or image-only pages need OCR)")
    meta_title = (reader.metadata or {}).get("/Title") if reader.metadata else None
    return sections, str(meta_title or ""), sorted(set(flags), key=flags.index)
