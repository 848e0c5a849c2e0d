"""Build the PDF and DOCX policy documents of the sample knowledge base.

Every Markdown file in ``kb_sources/`` carries the usual knowledge-base front
matter plus one extra field, ``format: pdf`` or ``format: docx``. This script
renders each source to ``knowledge_base/policies/<name>.pdf`` (fpdf2) or
``.docx`` (python-docx) and writes the metadata sidecar
``<name>.<ext>.meta.yaml`` next to it, with ``format`` removed.

Output is deterministic: timestamps inside the files are derived from the
``reviewed`` date, so re-running the script gives byte-identical files.

Run from the repository root:

    python scripts/build_kb.py
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import yaml
from docx import Document
from docx.shared import Pt
from fpdf import FPDF
from fpdf.fonts import FontFace

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = REPO_ROOT / "kb_sources"
OUTPUT_DIR = REPO_ROOT / "knowledge_base" / "policies"

REQUIRED_FIELDS = (
    "title", "doc_id", "doc_type", "owner", "reviewed", "effective",
    "audience", "region", "status", "topic",
)
FORMATS = ("pdf", "docx")
MIN_PDF_PAGES = 2

# Characters outside latin-1 that the PDF core fonts cannot draw.
LATIN1_REPLACEMENTS = {
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": " - ", "\u2026": "...", "\u2192": "->",
    "\u2190": "<-", "\u2264": "<=", "\u2265": ">=", "\u00a0": " ",
    "\u2022": "-", "\u2212": "-", "\u2713": "[x]", "\u26a0": "(!)",
}
PDF_MARKDOWN_MARKERS = ("__", "~~", "--")


@dataclass
class Block:
    """One rendered unit of the document body."""

    kind: str  # heading | para | bullets | numbers | table | quote
    text: str = ""
    level: int = 0
    items: list[str] | None = None
    rows: list[list[str]] | None = None


@dataclass
class Source:
    """A parsed kb_sources file: metadata, output format and body blocks."""

    path: Path
    meta: dict[str, Any]
    fmt: str
    blocks: list[Block]


# ---------------------------------------------------------------- parsing


def split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    """Return the YAML front matter and the Markdown body of a source."""
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.DOTALL)
    if not match:
        raise ValueError(f"{path}: missing front matter")
    meta = yaml.safe_load(match.group(1))
    if not isinstance(meta, dict):
        raise ValueError(f"{path}: front matter is not a mapping")
    return meta, match.group(2)


def validate_meta(meta: dict[str, Any], path: Path) -> str:
    """Check required fields and return the requested output format."""
    missing = [field for field in REQUIRED_FIELDS if field not in meta]
    if missing:
        raise ValueError(f"{path}: missing front-matter fields {missing}")
    fmt = str(meta.get("format", "")).lower()
    if fmt not in FORMATS:
        raise ValueError(f"{path}: format must be one of {FORMATS}, got {fmt!r}")
    return fmt


def table_cells(line: str) -> list[str]:
    """Split one Markdown table row into stripped cell texts."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def is_table_rule(line: str) -> bool:
    """Return True for the |---|---| separator row of a Markdown table."""
    return bool(re.match(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", line))


def line_kind(line: str) -> str:
    """Classify a Markdown line by the block it belongs to."""
    if not line.strip():
        return "blank"
    if re.match(r"^#{1,3} ", line):
        return "heading"
    if re.match(r"^\s*[-*] ", line):
        return "bullets"
    if re.match(r"^\s*\d+\. ", line):
        return "numbers"
    if line.lstrip().startswith("|"):
        return "table"
    if line.startswith(">"):
        return "quote"
    return "para"


def make_block(kind: str, lines: list[str]) -> Block:
    """Turn a run of same-kind lines into a Block."""
    if kind == "heading":
        hashes, _, text = lines[0].partition(" ")
        return Block("heading", text=text.strip(), level=len(hashes))
    if kind in ("bullets", "numbers"):
        items = [re.sub(r"^\s*(?:[-*]|\d+\.) ", "", line).strip() for line in lines]
        return Block(kind, items=items)
    if kind == "table":
        rows = [table_cells(line) for line in lines if not is_table_rule(line)]
        return Block("table", rows=rows)
    if kind == "quote":
        return Block("quote", text=" ".join(line.lstrip("> ").strip() for line in lines))
    return Block("para", text=" ".join(line.strip() for line in lines))


def parse_body(body: str) -> list[Block]:
    """Parse the Markdown subset used in kb_sources into blocks."""
    blocks: list[Block] = []
    run: list[str] = []
    run_kind = "blank"
    for line in body.splitlines():
        kind = line_kind(line)
        if run and (kind != run_kind or kind == "heading"):
            blocks.append(make_block(run_kind, run))
            run = []
        if kind != "blank":
            run.append(line)
        run_kind = kind
    if run:
        blocks.append(make_block(run_kind, run))
    return blocks


def load_source(path: Path) -> Source:
    """Read, validate and parse one kb_sources Markdown file."""
    meta, body = split_front_matter(path.read_text(encoding="utf-8"), path)
    fmt = validate_meta(meta, path)
    return Source(path=path, meta=meta, fmt=fmt, blocks=parse_body(body))


# ---------------------------------------------------------------- metadata


class IndentedDumper(yaml.SafeDumper):
    """YAML dumper that indents list items under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Never emit indentless sequences."""
        return super().increase_indent(flow, False)


def sidecar_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Return the metadata to publish: everything except ``format``."""
    return {key: value for key, value in meta.items() if key != "format"}


def write_sidecar(output: Path, meta: dict[str, Any]) -> Path:
    """Write ``<output>.meta.yaml`` and return its path."""
    sidecar = output.with_name(output.name + ".meta.yaml")
    text = yaml.dump(sidecar_meta(meta), Dumper=IndentedDumper, sort_keys=False,
                     allow_unicode=True, default_flow_style=False, width=1000)
    sidecar.write_text(text, encoding="utf-8")
    return sidecar


def fixed_timestamp(meta: dict[str, Any]) -> datetime:
    """Return the deterministic document timestamp (the reviewed date, noon UTC)."""
    reviewed = meta["reviewed"]
    if not isinstance(reviewed, date):
        reviewed = date.fromisoformat(str(reviewed))
    return datetime(reviewed.year, reviewed.month, reviewed.day, 12, 0, tzinfo=timezone.utc)


# ---------------------------------------------------------------- PDF


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


# ---------------------------------------------------------------- DOCX


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


# ---------------------------------------------------------------- main


def build_one(path: Path) -> str:
    """Build one source and return a one-line report."""
    source = load_source(path)
    output = OUTPUT_DIR / f"{path.stem}.{source.fmt}"
    if source.fmt == "pdf":
        detail = f"{build_pdf(source, output)} pages"
    else:
        detail = f"{build_docx(source, output)} paragraphs"
    sidecar = write_sidecar(output, source.meta)
    rel = output.relative_to(REPO_ROOT)
    return f"wrote {rel} ({detail}) + {sidecar.name}"


def main() -> int:
    """Build every source in kb_sources/ and print what was written."""
    sources = sorted(SOURCE_DIR.glob("*.md"))
    if not sources:
        print(f"no sources found in {SOURCE_DIR}", file=sys.stderr)
        return 1
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    for path in sources:
        print(build_one(path))
    print(f"built {len(sources)} document(s) from {SOURCE_DIR.relative_to(REPO_ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
