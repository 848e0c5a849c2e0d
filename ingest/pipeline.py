"""The ingest run: plan, load in a sandbox, chunk, embed in large batches, write file by file."""
from __future__ import annotations

import datetime as dt
import time
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ingest.chunking import Chunk, chunk_document
from ingest.documents import LoadError
from ingest.manifest import Plan, make_plan
from ingest.report import Report
from ingest.sandbox import Sandbox
from settings import Settings
from vectorstore.embeddings import Embedder
from vectorstore.lock import writer_lock
from vectorstore.store import Store

Progress = Callable[[str, int, int], None]  # (stage, done, total); stages: "files", "chunks"
BATCH_CHUNKS = 512  # chunks per embed call and per write; large batches let the model sort by length


@dataclass
class Pending:
    """A loaded file waiting for its chunks to be embedded and written."""

    source: str
    chunks: list[Chunk]
    entry: dict


def report_path(settings: Settings) -> Path:
    """Where the last ingest report is kept."""
    return Path(settings.store_dir) / "last_ingest.json"


def config_key(settings: Settings, embedder: Embedder) -> str:
    """Chunking settings that, when changed, make every file be rebuilt. The last part is the loaders'
    version: a change to what a loader or the chunker extracts (v2: PDF table cells joined with ' | ',
    paragraphs packed into one chunk kept apart by a blank line; v3: DOCX hyperlink text kept, headings and
    metadata values capped; v4: text files' front matter read and underline rows dropped, documents in internal
    folders or calling themselves internal kept from creators; v5: a text file's underlined or capitalised
    first line is its title; v7: headings set in bold in Markdown, and underlined or in capitals anywhere in
    a text file, start sections, as do lines set larger in a PDF without bookmarks; v8: and bold paragraphs
    in HTML and DOCX; v9: a paragraph ending in a lead-in is chunked with the one it introduces; v10: a
    document that calls itself superseded is one; v11: a line in capitals on its own, numbered or not, is a
    heading in Markdown and text files; v12: a DOCX with a Title paragraph keeps its Heading 1 sections; v13:
    raw HTML in Markdown reduced to its visible text; v14: a PDF table cell wrapped onto lines of its own joined
    to its row; v15: a Markdown table split across chunks repeats its header in each) rebuilds stores whose files
    did not change."""
    return f"{embedder.name}|{settings.chunk_tokens}|v15"


def run_ingest(settings: Settings, store: Store, embedder: Embedder, source_dir: Path | None = None,
               dry_run: bool = False, progress: Progress | None = None) -> Report:
    """Bring the store in line with the folder; never lose a failing file's old chunks."""
    started = time.perf_counter()
    root = Path(source_dir or settings.kb_dir)
    lock = nullcontext() if dry_run or not store.embedded else writer_lock(store.store_dir)
    with lock:
        plan = make_plan(root, settings.ignore_files, store.read_manifest(), store.ids_by_source(),
                         config_key(settings, embedder))
        report = Report(added=list(plan.added), updated=list(plan.updated), removed=plan.removed,
                        unchanged=plan.unchanged, skipped=plan.skipped, failed=list(plan.failed),
                        dry_run=dry_run)
        if not dry_run:
            apply_plan(settings, store, embedder, plan, report, progress or (lambda *_: None))
    report.total_chunks = store.count()
    report.seconds = round(time.perf_counter() - started, 3)
    report.finished_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    if not dry_run:
        report.save(report_path(settings))
    return report


def apply_plan(settings: Settings, store: Store, embedder: Embedder, plan: Plan, report: Report, progress: Progress) -> None:
    """Remove deleted sources, then load, embed and write changed ones."""
    for source in plan.removed:
        store.delete_source(source)
        store.drop_manifest(source)
    sandbox = Sandbox(settings.parse_timeout, settings.parse_memory_mb, settings.max_file_mb, settings.max_pages)
    key, batch, done = config_key(settings, embedder), [], 0
    try:
        for i, source in enumerate(plan.to_load, start=1):
            pending = load_one(settings, sandbox, embedder, plan, source, key, report)
            if pending is not None:
                batch.append(pending)
            progress("files", i, len(plan.to_load))
            if sum(len(p.chunks) for p in batch) >= BATCH_CHUNKS or i == len(plan.to_load):
                done = write_batch(store, embedder, batch, report, progress, done)
                batch = []
    finally:
        sandbox.close()
    if plan.removed or report.chunks or plan.to_load:
        store.bump_generation()


def load_one(settings: Settings, sandbox: Sandbox, embedder: Embedder, plan: Plan, source: str,
             key: str, report: Report) -> Pending | None:
    """Load and chunk one file; a failure is recorded and the file's old chunks stay."""
    try:
        doc = sandbox.load(plan.files[source], source)
    except LoadError as err:
        record_failure(report, source, str(err))
        return None
    window, target = embedder.max_tokens, min(settings.chunk_tokens, embedder.max_tokens)
    try:
        chunks = chunk_document(doc, plan.hashes[source], window, target, embedder.count_tokens)
    except Exception as err:  # a bug meeting one document's text fails that document, never the run
        record_failure(report, source, f"{source} could not be chunked ({err.__class__.__name__})")
        return None
    if doc.flags:
        report.flagged.append({"path": source, "flags": doc.flags})
    entry = {"content_hash": plan.hashes[source], "version": plan.hashes[source][:12], "title": doc.title,
             "chunk_ids": [c.id for c in chunks], "config": key, "flags": "; ".join(doc.flags),
             "ingested_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    return Pending(source, chunks, entry)


def record_failure(report: Report, source: str, error: str) -> None:
    """Move a source from added/updated to failed."""
    for bucket in (report.added, report.updated):
        if source in bucket:
            bucket.remove(source)
    report.failed.append({"path": source, "error": error})


def write_batch(store: Store, embedder: Embedder, batch: list[Pending], report: Report,
                progress: Progress, done: int) -> int:
    """Embed a batch of files' chunks in one call, then replace those files' chunks together.

    Order matters for crashes: old chunks go first, new chunks next, the manifest last. A crash
    leaves a file missing or half-written (redone next run), never with two versions.
    """
    if not batch:
        return done
    chunks = [c for p in batch for c in p.chunks]
    vectors = embedder.embed([c.embed_text for c in chunks])
    store.delete_sources([p.source for p in batch])
    # One upsert per batch, not per file: Chroma's fixed cost per call was 18 % of ingest time.
    store.add_chunks([c.id for c in chunks], [c.text for c in chunks], vectors, [c.metadata for c in chunks])
    store.commit_manifests({p.source: p.entry for p in batch})
    report.chunks += len(chunks)
    progress("chunks", done + len(chunks), 0)  # 0: total not known until every file is loaded
    return done + len(chunks)
