"""Render a kb_sources document as a PDF (fpdf2) with bookmarks, a running header and fixed metadata."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.fonts import FontFace

from scripts.kb_source import Block, Source, fixed_timestamp

MIN_PDF_PAGES = 2

# Characters outside latin-1 that the PDF core fonts cannot draw.
LATIN1_REPLACEMENTS = {
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": " - ", "\u2026": "...", "\u2192": "->",
    "\u2190": "<-", "\u2264": "<=", "\u2265": ">=", "\u00a0": " ",
    "\u2022": "-", "\u2212": "-", "\u2713": "[x]", "\u26a0": "(!)",
}
PDF_MARKDOWN_MARKERS = ("__", "~~", "--")


def to_latin1(text: str) -> str:
    """Replace characters the PDF core fonts cannot encode."""
    for char, replacement in LATIN1_REPLACEMENTS.items():
        text = text.replace(char, replacement)
    text = re.sub(r"(?<=\S) {2,}(?=\S)", " ", text)
    return text.encode("latin-1", "replace").decode("latin-1")


def pdf_inline(text: str) -> str:
    """Prepare inline text for fpdf2 markdown: latin-1, only ** is markup."""
    text = to_latin1(text)
    for marker in PDF_MARKDOWN_MARKERS:
        text = text.replace(marker, "\\" + marker)
    return text


class PolicyPDF(FPDF):
    """FPDF with a running header and page-numbered footer."""

    def __init__(self, meta: dict[str, Any]) -> None:
        """Set up page format and remember the metadata for header/footer."""
        super().__init__(orientation="P", unit="mm", format="A4")
        self.meta = meta
        self.set_margins(20, 22, 20)
        self.set_auto_page_break(auto=True, margin=20)

    def header(self) -> None:
        """Draw the small grey running header."""
        self.set_font("Helvetica", "", 8)
        self.set_text_color(110, 110, 110)
        label = f"Spotlight Media - Creator Desk policy summary - {self.meta['doc_id']}"
        self.set_y(10)
        self.cell(0, 5, to_latin1(label), align="L")
        self.set_text_color(0, 0, 0)
        self.set_y(22)

    def footer(self) -> None:
        """Draw review date and page x of y."""
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(110, 110, 110)
        text = f"Reviewed {self.meta['reviewed']} - Effective {self.meta['effective']}"
        self.cell(0, 5, to_latin1(text), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


HEADING_SIZES = {1: 18, 2: 14, 3: 12}
TABLE_HEADING_STYLE = FontFace(emphasis="BOLD", fill_color=(232, 236, 241))


def pdf_heading(pdf: PolicyPDF, block: Block, force_breaks: bool) -> None:
    """Render a heading, starting a new page for ## sections when asked."""
    near_bottom = pdf.get_y() > pdf.h - 60
    if block.level == 2 and (force_breaks or near_bottom):
        pdf.add_page()
    pdf.ln(3 if block.level > 1 else 0)
    if block.level >= 2:  # bookmarks give ingest the section path of every page
        pdf.start_section(pdf_inline(block.text.replace("**", "")), level=block.level - 2)
    pdf.set_font("Helvetica", "B", HEADING_SIZES[block.level])
    pdf.multi_cell(0, HEADING_SIZES[block.level] * 0.5, pdf_inline(block.text.replace("**", "")))
    pdf.ln(1.5)


def pdf_paragraph(pdf: PolicyPDF, text: str, style: str = "") -> None:
    """Render a body paragraph with **bold** support."""
    pdf.set_font("Helvetica", style, 10.5)
    pdf.multi_cell(0, 5.2, pdf_inline(text), markdown=True)
    pdf.ln(2)


def pdf_list(pdf: PolicyPDF, block: Block) -> None:
    """Render a bulleted or numbered list with hanging indent."""
    pdf.set_font("Helvetica", "", 10.5)
    for number, item in enumerate(block.items or [], start=1):
        marker = "-" if block.kind == "bullets" else f"{number}."
        pdf.set_x(pdf.l_margin + 3)
        pdf.cell(6, 5.2, marker)
        pdf.multi_cell(0, 5.2, pdf_inline(item), markdown=True)
        pdf.ln(0.8)
    pdf.ln(1.5)


def pdf_table(pdf: PolicyPDF, block: Block) -> None:
    """Render a Markdown table with a bold, shaded header row."""
    pdf.set_font("Helvetica", "", 9.5)
    with pdf.table(line_height=5, markdown=True, first_row_as_headings=True,
                   headings_style=TABLE_HEADING_STYLE) as table:
        for index, cells in enumerate(block.rows or []):
            row = table.row()
            for cell in cells:
                row.cell(pdf_inline(cell.replace("**", "") if index == 0 else cell))
    pdf.ln(3)


def render_pdf_blocks(pdf: PolicyPDF, blocks: list[Block], force_breaks: bool) -> None:
    """Render all body blocks into the PDF."""
    for block in blocks:
        if block.kind == "heading":
            pdf_heading(pdf, block, force_breaks)
        elif block.kind in ("bullets", "numbers"):
            pdf_list(pdf, block)
        elif block.kind == "table":
            pdf_table(pdf, block)
        elif block.kind == "quote":
            pdf_paragraph(pdf, block.text, style="I")
        else:
            pdf_paragraph(pdf, block.text)


def render_pdf(source: Source, force_breaks: bool) -> PolicyPDF:
    """Lay out a whole PDF document with fixed metadata."""
    meta = source.meta
    pdf = PolicyPDF(meta)
    pdf.set_creation_date(fixed_timestamp(meta))
    pdf.set_title(to_latin1(str(meta["title"])))
    pdf.set_author(to_latin1(str(meta["owner"])))
    pdf.set_subject(to_latin1(f"{meta['doc_id']} ({meta['region']}, {meta['status']})"))
    pdf.set_creator("scripts/build_kb.py")
    pdf.set_lang("en")
    pdf.add_page()
    render_pdf_blocks(pdf, source.blocks, force_breaks)
    return pdf


def build_pdf(source: Source, output: Path) -> int:
    """Write the PDF, forcing section page breaks if it would be too short."""
    pdf = render_pdf(source, force_breaks=False)
    if pdf.page_no() < MIN_PDF_PAGES:
        pdf = render_pdf(source, force_breaks=True)
    output.write_bytes(bytes(pdf.output()))
    return pdf.page_no()
