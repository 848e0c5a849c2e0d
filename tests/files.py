"""Small real documents written by the tests: PDF, DOCX, HTML and Markdown."""
from __future__ import annotations

from pathlib import Path
from typing import Any


def write_pdf(path: Path, pages: list[str], title: str = "Test PDF") -> Path:
    """A PDF with one page per string, with a real text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def write_docx(path: Path, title: str, sections: dict[str, str], hidden: str = "") -> Path:
    """A DOCX with a title, Heading 2 sections, and optionally a hidden run."""
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for heading, text in sections.items():
        document.add_heading(heading, level=2)
        paragraph = document.add_paragraph(text)
        if hidden:
            run = paragraph.add_run(" " + hidden)
            run.font.hidden = True
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def write_md(path: Path, body: str, **meta: str) -> Path:
    """A Markdown file with YAML front matter."""
    front = "".join(f"{k}: {v}\n" for k, v in meta.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return path


HELP_PAGE = """<!doctype html><html><head><title>Payout help</title>
<style>.x{color:red}</style><script>var tracker = "SECRET_SCRIPT_TEXT";</script></head>
<body><nav>Home | Help | NAV_TEXT</nav>
<article><h1>Withdrawing your earnings</h1>
<p>Bank withdrawals take 3 to 5 business days.</p>
<h2>Fees</h2><p>PayPal withdrawals cost 0.9% per transaction.</p>
<div style="display:none">HIDDEN_DRAFT_NOTE minimum is $10</div>
<p hidden>ALSO_HIDDEN</p>
<ul><li>Minimum withdrawal is US$2.</li></ul>
<table><tr><th>Method</th><th>Fee</th></tr><tr><td>Bank</td><td>US$0.05</td></tr></table>
</article><footer>FOOTER_TEXT</footer></body></html>"""


def assistant_over(root: Path, embedder: Any, reader: Any) -> Any:
    """An offline Assistant over the documents written under root/kb, ingested into root/store."""
    from assistant.service import build_assistant
    from ingest.pipeline import run_ingest
    from settings import load_settings
    from vectorstore.store import open_store

    settings = load_settings(store_dir=root / "store", kb_dir=root / "kb", activity_db=root / "a.db")
    assert not run_ingest(settings, open_store(settings, embedder), embedder).failed
    return build_assistant(settings, embedder=embedder, reader=reader)
