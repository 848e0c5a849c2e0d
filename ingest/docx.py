"""DOCX to sections through python-docx; heading styles give the path, hidden runs are dropped."""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ingest.clean import clean_text, squeeze
from ingest.documents import LoadError, Section, label_heading, push_heading

MAX_ENTRIES = 2000
MAX_EXPANDED = 200 * 1024 * 1024  # bytes once unzipped
MAX_RATIO = 200  # compression ratio above this is a zip bomb, not a document


def check_archive(path: Path, source: str) -> None:
    """Refuse zip bombs and DTDs before any XML parser sees the file."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise LoadError(f"{source} has {len(infos)} parts inside; a document has far fewer")
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > MAX_EXPANDED or total / packed > MAX_RATIO:
                raise LoadError(f"{source} expands to {total // 1_048_576} MiB; refused as a zip bomb")
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    head = archive.open(info).read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise LoadError(f"{source} contains an XML DTD ({info.filename}); refused")
    except zipfile.BadZipFile as err:
        raise LoadError(f"{source} is not a valid DOCX (not a zip archive)") from err


def visible_text(paragraph: Any) -> tuple[str, bool]:
    """Paragraph text without hidden (vanish) runs, and whether any run was hidden. The library's own
    paragraph text when nothing is hidden: it keeps hyperlinks, which `paragraph.runs` skips."""
    from docx.text.hyperlink import Hyperlink

    runs = [r for item in paragraph.iter_inner_content()
            for r in (item.runs if isinstance(item, Hyperlink) else [item])]
    if not any(run.font.hidden for run in runs):
        return paragraph.text, False
    parts, hidden = [], False
    for run in runs:
        if run.font.hidden:
            hidden = hidden or bool(run.text.strip())
            continue
        parts.append(run.text)
    return "".join(parts), hidden


def style_name(paragraph: Any) -> str:
    """The paragraph's style name, or '' when it has none."""
    return (paragraph.style.name if paragraph.style is not None else "") or ""


def heading_level(paragraph: Any, titled: bool = False) -> int:
    """1 for Title, else the Heading style's level; in a `titled` document (one with a Title paragraph)
    Heading 1 opens a section below the title, as Word lays pages out, so Heading n sits at level n + 1."""
    name = style_name(paragraph)
    if name == "Title":
        return 1
    if name.startswith("Heading "):
        tail = name.split(" ", 1)[1]
        return min(int(tail) + titled, 9) if tail.isdigit() else 0
    return 0


def bold_heading(paragraph: Any, text: str) -> str:
    """The text of a plain paragraph whose every run is set bold, when it reads as a heading."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    name = style_name(paragraph)
    if not runs or "List" in name or not all(r.bold for r in runs):
        return ""
    return label_heading(text)


def docx_sections(path: Path, source: str) -> tuple[list[Section], str, list[str]]:
    """Sections, the title, and flags from a DOCX file."""
    import docx

    check_archive(path, source)
    try:
        document = docx.Document(str(path))
    except Exception as err:  # python-docx raises many types on a broken package
        raise LoadError(f"{source} could not be opened as DOCX ({err.__class__.__name__})") from err
    sections, stack, buffer, title, hidden, depth = [], [], [], "", False, 1
    titled = any(style_name(p) == "Title" for p in document.paragraphs)
    for block in iter_blocks(document):
        if isinstance(block, str):
            buffer.append(block)
            continue
        text, was_hidden = visible_text(block)
        hidden = hidden or was_hidden
        level = heading_level(block, titled) if text.strip() else 0
        if level:
            depth = level
        elif bold := bold_heading(block, text):
            level, text = min(depth + 1, 9), bold  # a bold paragraph heads what follows, one below the last heading style
        if level:
            sections.append(Section([t for _, t in stack], squeeze("\n".join(buffer))))
            buffer, title = [], title or (text if level == 1 else "")
            stack = push_heading(stack, level, text)
        elif text.strip():
            bullet = "- " if "List" in (block.style.name or "") else ""
            buffer.append(bullet + text)
    sections.append(Section([t for _, t in stack], squeeze("\n".join(buffer))))
    flags = ["hidden text removed (hidden runs)"] if hidden else []
    cleaned = []
    for s in sections:
        s.text, more = clean_text(s.text)
        flags += more
        cleaned.append(s)
    title = title or str(document.core_properties.title or "")
    return [s for s in cleaned if s.text], title, sorted(set(flags), key=flags.index)


def iter_blocks(document: Any) -> Any:
    """Paragraphs in order, with each table flattened to one text block of rows."""
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            rows = [" | ".join(c.text.strip() for c in row.cells) for row in block.rows]
            yield "\n".join(rows)
        else:
            yield block
