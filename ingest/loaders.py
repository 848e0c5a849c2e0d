"""Loaders by file suffix: Markdown, text, PDF, HTML and DOCX, each to a LoadedDoc."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ingest.clean import clean_text, decode_bytes
from ingest.documents import LoadedDoc, LoadError, Section, shorten
from ingest.meta import normalise, read_sidecar, split_front_matter

Loader = Callable[[Path, str], LoadedDoc]
MAX_PAGES = 2000
# Headings go into every chunk's embedded text, so a paragraph set as a heading would crowd out the
# passage; the longest real heading in the sample knowledge base has 110 characters.
MAX_HEADING_CHARS = 160
MAX_HEADING_DEPTH = 6


def read_text_file(path: Path, source: str) -> tuple[str, list[str]]:
    """Read, decode and clean a text file."""
    text, flags = decode_bytes(path.read_bytes(), source)
    text, more = clean_text(text)
    return text, flags + more


def build_doc(source: str, meta: dict, sections: list[Section], flags: list[str], fallback_title: str) -> LoadedDoc:
    """Assemble a LoadedDoc, refusing documents with no text at all."""
    sections = [s for s in sections if s.text.strip()]
    if not sections:
        raise LoadError(f"{source} has no extractable text")
    title = str(meta.get("title") or fallback_title or Path(source).stem.replace("-", " ").capitalize())
    meta = normalise(meta, source, title, sections[0].text)
    cut = bound_headings(sections) | ({title} if len(title) > MAX_HEADING_CHARS else set())
    if cut:
        flags = [*flags, f"{len(cut)} over-long heading(s) truncated to {MAX_HEADING_CHARS} characters"]
    meta["title"] = title = shorten(title, MAX_HEADING_CHARS)
    return LoadedDoc(source=source, title=title, metadata=meta, sections=sections, flags=flags)


def bound_headings(sections: list[Section]) -> set[str]:
    """Shorten over-long headings and drop levels past MAX_HEADING_DEPTH, in place; returns the headings cut."""
    cut: set[str] = set()
    for section in sections:
        cut.update(section.path[MAX_HEADING_DEPTH:])
        cut.update(part for part in section.path[:MAX_HEADING_DEPTH] if len(part) > MAX_HEADING_CHARS)
        section.path = [shorten(part, MAX_HEADING_CHARS) for part in section.path[:MAX_HEADING_DEPTH]]
    return cut


def load_markdown(path: Path, source: str) -> LoadedDoc:
    """Markdown with YAML front matter; headings give the section path; raw HTML keeps only its visible text."""
    from ingest.markdown import markdown_sections
    from ingest.raw_html import without_raw_html

    text, flags = read_text_file(path, source)
    meta, body = split_front_matter(text, source)
    body, hidden = without_raw_html(body)
    flags = flags + ([f"hidden text removed ({hidden} HTML comments, scripts or hidden elements)"] if hidden else [])
    sections, h1 = markdown_sections(body)
    return build_doc(source, meta, sections, flags, h1)


def load_text(path: Path, source: str) -> LoadedDoc:
    """Plain text: sections at underlined or capitals headings, paragraphs kept; a sidecar's fields win
    over front matter."""
    from ingest.plaintext import text_front_matter, text_sections

    text, flags = read_text_file(path, source)
    front, body = text_front_matter(text, source)
    sections, title = text_sections(body)
    return build_doc(source, {**front, **read_sidecar(path, source)}, sections, flags, title)


def load_pdf(path: Path, source: str, max_pages: int = MAX_PAGES) -> LoadedDoc:
    """PDF through pypdf, split at its bookmarks, with page numbers kept."""
    from ingest.pdf import pdf_sections

    sections, title, flags = pdf_sections(path, source, max_pages)
    return build_doc(source, read_sidecar(path, source), sections, flags, title)


def load_html(path: Path, source: str) -> LoadedDoc:
    """HTML: visible article text only; scripts, styles and hidden elements dropped."""
    from ingest.html import html_sections

    text, flags = read_text_file(path, source)
    sections, title, more = html_sections(text)
    return build_doc(source, read_sidecar(path, source), sections, flags + more, title)


def load_docx(path: Path, source: str) -> LoadedDoc:
    """DOCX through python-docx, with heading styles as the section path."""
    from ingest.docx import docx_sections

    sections, title, flags = docx_sections(path, source)
    return build_doc(source, read_sidecar(path, source), sections, flags, title)


LOADERS: dict[str, Loader] = {
    ".md": load_markdown, ".markdown": load_markdown, ".txt": load_text,
    ".pdf": load_pdf, ".html": load_html, ".htm": load_html, ".docx": load_docx,
}


def load_file(path: Path, source: str, max_pages: int = MAX_PAGES) -> LoadedDoc:
    """Load one file with the loader for its suffix."""
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise LoadError(f"{source}: unsupported file type '{path.suffix}'")
    return load_pdf(path, source, max_pages) if loader is load_pdf else loader(path, source)
