"""Refresh benchmark: how long a reader takes to see another writer's ingest that changed one document.

    python bench/refresh.py [--sizes 1000,10000,100000] [--per-doc 20] [--json]

Builds one embedded store per size from generated policy text, with a manifest entry per document
as ingest writes it. Vectors are seeded random unit vectors: a refresh never embeds, so the model
only opens the store. Then, `--repeat` times, a second Store object (the other writer) replaces one
document's chunks, commits its manifest and bumps the generation, and the reader's refresh() is
timed: it re-reads only the changed document. A forced full reload (every row re-read, as every
refresh did before) is timed beside it. Prints figures and ratios; never asserts on time.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if __package__ in (None, ""):  # run as `python bench/refresh.py`: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import generate_doc
from bench.harness import load_warm_embedder
from bench.monitors import machine_info, rss_mb, timed
from bench.report import print_json, print_table

if TYPE_CHECKING:  # the benchmark imports these late, after the model is loaded
    from vectorstore.embeddings import Embedder
    from vectorstore.store import Store


CHUNK_WORDS = 150


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The benchmark's command line."""
    parser = argparse.ArgumentParser(prog="bench/refresh.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="store sizes in chunks, comma-separated")
    parser.add_argument("--per-doc", type=int, default=20, help="chunks per generated document")
    parser.add_argument("--repeat", type=int, default=3, help="changed documents timed per size")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    return parser.parse_args(argv)


def doc_chunks(seed: int, index: int, per_doc: int, version: str) -> tuple[list[str], list[str], list[dict]]:
    """ids, texts and metadata of one generated document cut into `per_doc` chunks."""
    doc = generate_doc(seed, index)
    words = " ".join([doc.intro] + [block for section in doc.sections for block in section.blocks]).split()
    # ~150 words a chunk, as the chunker cuts real policy text; a short document is read round again
    texts = [" ".join(words[(i * CHUNK_WORDS + j) % len(words)] for j in range(CHUNK_WORDS)) for i in range(per_doc)]
    ids = [f"{doc.source}::{version}::{i}" for i in range(per_doc)]
    metas = [{"source": doc.source, "doc_id": doc.source, "version": version, "chunk_index": i, "current": True,
              "audience": "creator-safe", "region": "global", "title": str(doc.meta.get("title", ""))}
             for i in range(per_doc)]
    return ids, texts, metas


def write_doc(store: Store, rng: np.random.Generator, seed: int, index: int, per_doc: int, version: str) -> None:
    """Write one document's chunks and its manifest entry, as ingest does for a changed file."""
    ids, texts, metas = doc_chunks(seed, index, per_doc, version)
    vectors = rng.normal(size=(len(ids), store.dimension)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    store.add_chunks(ids, texts, vectors, metas)
    store.commit_manifest(metas[0]["source"], {"content_hash": version, "version": version, "chunk_ids": ids})


def measure(size: int, args: argparse.Namespace, embedder: Embedder) -> dict[str, Any]:
    """Build a store of `size` chunks, then time incremental and full refreshes after one-document changes."""
    from settings import load_settings
    from vectorstore.search import HybridSearcher
    from vectorstore.store import open_store

    store_dir = Path(tempfile.mkdtemp(prefix=f"bench-refresh-{size}-"))
    settings = load_settings(store_dir=store_dir)
    writer, rng = open_store(settings, embedder), np.random.default_rng(args.seed)
    docs = max(1, size // args.per_doc)
    _, write_s = timed(lambda: [write_doc(writer, rng, args.seed, i, args.per_doc, "v1") for i in range(docs)])
    writer.bump_generation()
    reader = HybridSearcher(open_store(settings, embedder), embedder)
    reader.refresh()
    incremental, full = [], []
    for n in range(args.repeat):
        other = open_store(settings, embedder)  # the other process: its own Store object
        writer_index = (n * 7919) % docs
        other.delete_source(generate_doc(args.seed, writer_index).source)
        write_doc(other, rng, args.seed, writer_index, args.per_doc, f"v{n + 2}")
        other.bump_generation()
        _, seconds = timed(reader.refresh)
        incremental.append(seconds)
        assert len(reader.keyword) == reader.store.count()  # a benchmark of a wrong index is no benchmark
        _, seconds = timed(reader.refresh, True)
        full.append(seconds)
    inc, whole = statistics.median(incremental), statistics.median(full)
    return {"size": reader.store.count(), "docs": docs, "write_s": round(write_s, 1), "rss_mb": rss_mb(),
            "incremental_s": round(inc, 3), "full_s": round(whole, 3), "full_over_incremental": round(whole / inc, 1)}


def main(argv: list[str] | None = None) -> None:
    """Run every size and print the figures."""
    args = parse_args(argv)
    embedder = load_warm_embedder()
    results = [measure(int(s), args, embedder) for s in args.sizes.split(",") if s.strip()]
    if args.json:
        print_json({"machine": machine_info(), "results": results})
        return
    rows = [[f"{r['size']:,}", r["docs"], r["incremental_s"], r["full_s"], f"{r['full_over_incremental']}x", r["write_s"], r["rss_mb"]]
            for r in results]
    print_table("Reader refresh after another writer changed one document (medians)",
                ["chunks", "documents", "incremental s", "full reload s", "full / incremental", "build s", "RSS MiB"], rows,
                caption=f"{args.per_doc} chunks per document, {args.repeat} changes per size")


if __name__ == "__main__":
    main()
