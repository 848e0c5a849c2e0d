"""Headings written without Markdown's '#': bold lines, underlined or capitals lines in text files, and
larger type in PDFs without bookmarks. Each starts a section, so it is context for what follows rather
than a sentence of it."""
from __future__ import annotations

from pathlib import Path

from ingest.loaders import load_file
from ingest.markdown import markdown_sections
from ingest.plaintext import text_sections


def paths(sections) -> list[list[str]]:
    return [s.path for s in sections]


def test_a_bold_line_opening_a_paragraph_is_a_heading_one_below_the_last_real_one() -> None:
    body = ("# Guide\n\nIntro text.\n\n## Payouts\n\nPaid after settlement.\n\n**Fees**\n\nBank costs $0.05.\n\n"
            "**Q: Do I need a Business account?**\nA: No. A personal account works.\n\n## Samples\n\nUp to 5 a month.\n")
    sections, title = markdown_sections(body)
    assert title == "Guide"
    assert paths(sections) == [[], ["Payouts"], ["Payouts", "Fees"], ["Payouts", "Q: Do I need a Business account?"],
                               ["Samples"]]
    assert sections[3].text == "A: No. A personal account works."  # the answer keeps its paragraph, not the question


def test_bold_text_that_reads_as_a_sentence_or_a_lead_in_stays_text() -> None:
    body = ("# Guide\n\n**Never share your code.**\n\n**Banned:**\n- cure claims\n\n"
            "A paragraph with **some bold** inside.\n\n- **Bold item**\n\n```\n**not a heading**\n```\n")
    sections, _ = markdown_sections(body)
    assert paths(sections) == [[]]
    for kept in ("Never share your code.", "Banned:", "some bold", "Bold item", "not a heading"):
        assert kept in sections[0].text


def test_a_page_that_opens_with_a_bold_line_and_no_h1_takes_it_as_its_title() -> None:
    sections, title = markdown_sections("**Showcase and links**\n\n*Applies to all markets.*\n\n**Collections (US)**\n\nUp to 100 products.\n")
    assert title == "Showcase and links"
    assert paths(sections) == [[], ["Collections (US)"]]


def test_a_markdown_page_without_hashes_takes_its_capitals_lines_as_headings() -> None:
    """Numbered ("3. SCOPE", which markdown-it reads as a list) or not; a numbered sentence stays a list item."""
    body = ("CONTENT RULES FOR POSTS\n\n1. SCOPE\n\nIt covers videos.\n\n3. THE FOUR COMMON VIOLATIONS (US, Sept 2025)\n\n"
            "3.1 Still-frame content: static images.\n\n1. Post within 14 days.\n2. Keep it up.\n")
    sections, title = markdown_sections(body)
    assert title == "CONTENT RULES FOR POSTS"
    assert paths(sections) == [["1. SCOPE"], ["3. THE FOUR COMMON VIOLATIONS (US, Sept 2025)"]]
    assert "Still-frame" in sections[1].text and "Post within 14 days" in sections[1].text


def test_underlined_and_capitals_headings_anywhere_in_a_text_file_start_sections() -> None:
    body = ("ORDER GLOSSARY\nWhat the statuses mean\n\nPENDING\nThe buyer has paid.\n\nWhy it matters\n--------------\n"
            "Settled orders can be withdrawn.\n\n- KEEP THIS LIST ITEM\nAND THIS LINE AFTER A LINE\n\n2. FROZEN\nHeld.\n")
    sections, title = text_sections(body)
    assert title == "ORDER GLOSSARY"
    # capitals came first, so they head; the underlined style sits one level below them
    assert paths(sections) == [[], ["PENDING"], ["PENDING", "Why it matters"], ["2. FROZEN"]]
    assert sections[0].text == "What the statuses mean"
    assert "---" not in sections[2].text and "KEEP THIS LIST ITEM" in sections[2].text
    assert "AND THIS LINE AFTER A LINE" in sections[2].text  # capitals inside a paragraph are not a heading


def test_a_text_file_without_headings_is_one_section() -> None:
    sections, title = text_sections("Samples ship within 3 days.\nAsk the brand first.\n")
    assert title == "" and paths(sections) == [[]]


def write_sized_pdf(path: Path, outline: bool = False) -> Path:
    """A PDF set as exported reports are: a 16 pt title, 13 pt headings, 10 pt body, maybe no bookmarks."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    for size, text in [(16, "Refundable Samples Guide"), (10, "Applies to US creators only."),
                       (13, "What a refundable sample is"), (10, "You buy the product yourself and are refunded later."),
                       (13, "Key numbers"), (10, "The deadline to hit the sales goal is 90 days.")]:
        pdf.set_font("Helvetica", size=size)
        if outline and size == 13:
            pdf.start_section(text)
        pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_a_pdf_without_bookmarks_is_split_at_lines_set_larger_than_its_body(tmp_path: Path) -> None:
    doc = load_file(write_sized_pdf(tmp_path / "guide.pdf"), "guide.pdf")
    assert doc.title == "Refundable Samples Guide"
    assert paths(doc.sections) == [[], ["What a refundable sample is"], ["Key numbers"]]
    assert doc.sections[2].text == "The deadline to hit the sales goal is 90 days."


def test_a_pdfs_bookmarks_win_over_type_size(tmp_path: Path) -> None:
    doc = load_file(write_sized_pdf(tmp_path / "guide.pdf", outline=True), "guide.pdf")
    assert [p[-1] for p in paths(doc.sections) if p] == ["What a refundable sample is", "Key numbers"]


def test_a_bold_html_paragraph_is_a_heading_one_below_the_last_real_one(tmp_path: Path) -> None:
    path = tmp_path / "payouts.html"
    path.write_text("<html><body><article><h1>Payouts</h1><h2>Withdrawing</h2><p>Paid after settlement.</p>"
                    "<p><strong>Fees</strong></p><p>Bank costs $0.05.</p><p><strong>Note:</strong> fees may change.</p>"
                    "<p><b>Never share your code.</b></p><h2>Tax</h2><p>Send a W-9.</p></article></body></html>")
    doc = load_file(path, "payouts.html")
    assert paths(doc.sections) == [["Withdrawing"], ["Withdrawing", "Fees"], ["Tax"]]
    assert "Note: fees may change." in doc.sections[1].text and "Never share your code." in doc.sections[1].text


def test_a_bold_docx_paragraph_is_a_heading_one_below_the_last_heading_style(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Tax guide", level=1)
    document.add_heading("Forms", level=2)
    document.add_paragraph("Which form you send depends on who you are.")
    document.add_paragraph().add_run("W-9 (US persons)").bold = True
    document.add_paragraph("US citizens and residents send a W-9.")
    emphasised = document.add_paragraph()
    emphasised.add_run("Send it before your first payout.").bold = True
    mixed = document.add_paragraph()
    mixed.add_run("Deadline").bold = True
    mixed.add_run(" is 30 days.")
    document.save(str(tmp_path / "tax.docx"))
    doc = load_file(tmp_path / "tax.docx", "tax.docx")
    assert doc.title == "Tax guide"
    assert paths(doc.sections) == [["Forms"], ["Forms", "W-9 (US persons)"]]
    assert "Send it before your first payout." in doc.sections[1].text and "Deadline is 30 days." in doc.sections[1].text
