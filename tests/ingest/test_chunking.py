"""Chunking: every chunk fits the model window and every loop over text ends, whatever the headings are."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.chunking import chunk_document
from ingest.documents import LoadedDoc, Section
from ingest import loaders
from vectorstore.embeddings import Embedder

LONG_HEADING = " ".join(f"requirement{i} for creators in every market" for i in range(30))  # ~150 words


class CountBudget:
    """The real token counter, failing once the chunker has asked it more than `limit` times: a bound
    on the work done, so a loop that never ends fails the test instead of hanging it."""

    def __init__(self, embedder: Embedder, limit: int):
        self.embedder, self.limit, self.calls = embedder, limit, 0

    def __call__(self, text: str) -> int:
        self.calls += 1
        if self.calls > self.limit:
            raise AssertionError(f"chunking made more than {self.limit} token counts")
        return self.embedder.count_tokens(text)


@pytest.mark.slow
@pytest.mark.parametrize("heading", [LONG_HEADING, "x1 " * 900, "按" * 900])
def test_a_heading_longer_than_the_window_still_gives_fitting_chunks(embedder: Embedder, heading: str) -> None:
    body = "Samples ship in 5 days. " * 60
    doc = LoadedDoc(source="policies/h.md", title="Samples", metadata={},
                    sections=[Section([heading, heading], body), Section([heading], "Short one.")])
    count = CountBudget(embedder, 2000)
    chunks = chunk_document(doc, "a" * 64, embedder.max_tokens, 160, count)
    assert chunks and all(c.text.strip() for c in chunks)
    assert all(embedder.count_tokens(c.embed_text) <= embedder.max_tokens - 2 for c in chunks)
    assert "Short one." in " ".join(c.text for c in chunks)


@pytest.mark.parametrize("name, text", [
    ("long.md", f"---\ntitle: Long heading\n---\n# Long heading\n\n## {LONG_HEADING}\n\nSamples ship in 5 days.\n"),
    ("long.html", f"<html><body><h1>Payouts</h1><h2>{LONG_HEADING} {LONG_HEADING}</h2><p>Paid weekly.</p></body></html>"),
])
def test_loaders_truncate_over_long_headings_and_flag_the_document(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    doc = loaders.load_file(tmp_path / name, f"policies/{name}")
    assert all(len(part) <= loaders.MAX_HEADING_CHARS for s in doc.sections for part in s.path)
    assert len(doc.title) <= loaders.MAX_HEADING_CHARS
    assert any("heading" in f and "truncated" in f for f in doc.flags), doc.flags


class LengthBound:
    """The real token counter, failing when asked to count a text far longer than any chunk."""

    def __init__(self, embedder: Embedder, limit: int):
        self.embedder, self.limit = embedder, limit

    def __call__(self, text: str) -> int:
        assert len(text) <= self.limit, f"counted {len(text)} characters at once"
        return self.embedder.count_tokens(text)


@pytest.mark.slow
def test_a_huge_table_is_split_before_it_is_tokenised_whole(embedder: Embedder) -> None:
    rows = "\n".join(f"| SKU-{i:06d} | Glow serum | {i % 90}.50 | MY |" for i in range(4000))
    doc = LoadedDoc(source="policies/t.md", title="Catalogue", metadata={}, sections=[Section(["Prices"], rows)])
    chunks = chunk_document(doc, "b" * 64, embedder.max_tokens, 160, LengthBound(embedder, 160 * 40))
    assert "| SKU-003999 |" in chunks[-1].text and all(c.text.count("\n| SKU") < 40 for c in chunks)


@pytest.mark.slow
def test_lone_surrogates_from_a_parser_become_storable_text(embedder: Embedder) -> None:
    doc = LoadedDoc(source="policies/s.pdf", title="Pay\ud800outs", metadata={"owner": "Desk\udce9"},
                    sections=[Section(["Fees\udfff"], "PayPal fees are 0.9\ud83d percent.")])
    chunks = chunk_document(doc, "c" * 64, embedder.max_tokens, 160, embedder.count_tokens)
    for chunk in chunks:
        for value in (chunk.text, chunk.embed_text, *map(str, chunk.metadata.values())):
            value.encode("utf-8")
    assert "PayPal fees are 0.9" in chunks[0].text


def test_a_lead_in_is_chunked_with_the_list_it_introduces(embedder: Embedder) -> None:
    """'Examples TikTok gives:' never ends a chunk, so the next chunk never starts on bare items
    ('screen-recorded TV or film;') that a reply would quote as if they were sentences."""
    items = "\n".join(f"- item number {i} that the rule lists;" for i in range(6))
    text = "\n\n".join(["Penalties include rating deductions and frozen commission. " * 9, "Examples TikTok gives:",
                        items, "Appeals take 30 days."])
    doc = LoadedDoc(source="policies/q.md", title="Quality", metadata={}, sections=[Section(["Unoriginal"], text)])
    chunks = chunk_document(doc, "d" * 64, embedder.max_tokens, 120, embedder.count_tokens)
    assert len(chunks) > 1
    assert not any(c.text.rstrip().endswith(":") for c in chunks)
    assert any("Examples TikTok gives:\n\n- item number 0" in c.text for c in chunks)


def test_a_table_split_across_chunks_repeats_its_header_in_each(embedder: Embedder) -> None:
    """A row read in a later chunk without the header names no column, and its first row would be taken for
    the header; each chunk's part of the table starts with the header and rule line, and no row is lost."""
    header = "| Topic | Escalate to | First response |\n|---|---|---|"
    rows = [f"| Topic number {i} about payouts and samples | Team {i} desk | {i} business hours |" for i in range(40)]
    doc = LoadedDoc(source="processes/matrix.md", title="Matrix", metadata={},
                    sections=[Section(["Owners"], "Who owns what.\n\n" + "\n".join([header, *rows]))])
    chunks = chunk_document(doc, "a" * 64, embedder.max_tokens, 160, embedder.count_tokens)
    tabled = [c.text for c in chunks if "| Topic number" in c.text]
    assert len(tabled) > 1
    assert all(text[text.index("| Topic |"):].startswith(header) for text in tabled)
    assert [r for text in tabled for r in text.split("\n") if r.startswith("| Topic number")] == rows


def test_a_docx_or_html_table_split_across_chunks_repeats_its_first_row(embedder: Embedder) -> None:
    """DOCX and HTML tables arrive as rows of cells kept apart by ' | ', the first row naming the columns."""
    header = "Topic | Escalate to | First response"
    rows = [f"Topic number {i} about payouts and samples | Team {i} desk | {i} business hours" for i in range(40)]
    doc = LoadedDoc(source="processes/matrix.docx", title="Matrix", metadata={},
                    sections=[Section(["Owners"], "\n".join([header, *rows]))])
    chunks = chunk_document(doc, "a" * 64, embedder.max_tokens, 160, embedder.count_tokens)
    assert len(chunks) > 1 and all(c.text.startswith(header + "\n") for c in chunks)
    assert [r for c in chunks for r in c.text.split("\n") if r.startswith("Topic number")] == rows
