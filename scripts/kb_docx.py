"""Render a kb_sources document as a DOCX (python-docx) whose zip package is byte-identical run to run."""
from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Pt

from scripts.kb_source import Block, Source, fixed_timestamp


def docx_runs(paragraph: Any, text: str) -> None:
    """Add text to a Word paragraph, turning **x** into bold runs."""
    for index, part in enumerate(re.split(r"\*\*", text)):
        if part:
            paragraph.add_run(part).bold = index % 2 == 1


def docx_table(document: Any, block: Block) -> None:
    """Add a Word table with a bold header row."""
    rows = block.rows or []
    width = max(len(row) for row in rows)
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    for index, cells in enumerate(rows):
        row_cells = table.add_row().cells
        for column, text in enumerate(cells):
            paragraph = row_cells[column].paragraphs[0]
            docx_runs(paragraph, f"**{text.replace('**', '')}**" if index == 0 else text)
    document.add_paragraph()


def docx_block(document: Any, block: Block) -> None:
    """Add one block to the Word document using built-in styles."""
    if block.kind == "heading":
        heading = document.add_heading(level=block.level)
        docx_runs(heading, block.text.replace("**", ""))
    elif block.kind in ("bullets", "numbers"):
        style = "List Bullet" if block.kind == "bullets" else "List Number"
        for item in block.items or []:
            docx_runs(document.add_paragraph(style=style), item)
    elif block.kind == "table":
        docx_table(document, block)
    elif block.kind == "quote":
        docx_runs(document.add_paragraph(style="Quote"), block.text)
    else:
        docx_runs(document.add_paragraph(), block.text)


def set_docx_properties(document: Any, meta: dict[str, Any]) -> None:
    """Fill core properties with fixed, metadata-derived values."""
    props = document.core_properties
    stamp = fixed_timestamp(meta).replace(tzinfo=None)
    props.title = str(meta["title"])
    props.author = str(meta["owner"])
    props.last_modified_by = str(meta["owner"])
    props.subject = f"{meta['doc_id']} ({meta['region']}, {meta['status']})"
    props.keywords = str(meta["topic"])
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.revision = 1


def normalise_zip(data: bytes, stamp: datetime) -> bytes:
    """Rewrite a zip package with fixed entry timestamps and order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    date_time = (stamp.year, stamp.month, stamp.day, 12, 0, 0)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return buffer.getvalue()


def build_docx(source: Source, output: Path) -> int:
    """Write the DOCX and return its paragraph count."""
    document = Document()
    document.styles["Normal"].font.size = Pt(10.5)
    set_docx_properties(document, source.meta)
    for block in source.blocks:
        docx_block(document, block)
    raw = io.BytesIO()
    document.save(raw)
    output.write_bytes(normalise_zip(raw.getvalue(), fixed_timestamp(source.meta)))
    return len(document.paragraphs)
