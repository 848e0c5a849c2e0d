"""Search benchmark: dense, keyword and hybrid latency at 1k, 10k and 100k chunks.

    python bench/search.py [--sizes 1000,10000,100000] [--skip-largest] [--pool 4000] [--json] [--profile]

Builds one embedded store and grows it through the sizes. Chunks are generated policy text cut by
the real chunker with real metadata; the first --pool chunks are embedded with the real model and
every later chunk gets a perturbed copy (seeded noise, re-normalised) of a pool vector from the
same topic and section, so 100k chunks do not take an hour to embed. Latencies are end to end
through HybridSearcher.search (query embedding included) over ~100 creator queries, interleaved
across modes, and every figure is also given as a multiple of one query embedding's p50.
Prints figures and ratios; never asserts on time.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import io
import pstats
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import numpy as np

if __package__ in (None, ""):  # run as `python bench/search.py`: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import generate_doc, loaded_doc
from bench.harness import forget_cached_embeddings, load_warm_embedder, wrap_stages
from bench.monitors import CpuMonitor, QuietGate, machine_info, rss_mb, summarize_ms, timed, wait_for_quiet
from bench.queries import ALL_QUERIES
from bench.report import print_json, print_table, ratio

if TYPE_CHECKING:  # the benchmark imports these late, after the model and its timers are set up
    from vectorstore.embeddings import Embedder
    from vectorstore.search import HybridSearcher
    from vectorstore.store import Store

DEFAULT_SIZES = (1_000, 10_000, 100_000)
TARGETS = {10_000: 3.0, 100_000: 10.0}  # hybrid p95 as a multiple of one query embedding's p50
WRITE_SLICE = 5_000  # chunks generated and written at a time, so the generator never holds 100k


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The benchmark's command line."""
    parser = argparse.ArgumentParser(prog="bench/search.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="store sizes in chunks, comma-separated")
    parser.add_argument("--skip-largest", action="store_true", help="leave out the largest size (100k by default)")
    parser.add_argument("--pool", type=int, default=4_000, help="distinct chunks embedded with the real model")
    parser.add_argument("--noise", type=float, default=0.02, help="std-dev per dimension of the noise on reused vectors")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the query set per size")
    parser.add_argument("--k", type=int, default=5, help="results per search (the assistant asks for 5-6)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument("--max-wait", type=float, default=120.0,
                        help="seconds to wait for other processes to quieten before each size's timings")
    parser.add_argument("--profile", action="store_true",
                        help="experiment: stage timers and cProfile of hybrid search at the largest size")
    parser.add_argument("--profile-out", type=Path, default=Path(tempfile.gettempdir()) / "bench_search_profile.txt")
    parser.add_argument("--experiment", action="append", default=[], choices=sorted(EXPERIMENTS) + ["all"],
                        help="experiment: time an alternative (a candidate fix, or the code before a fix; monkeypatched) at the largest size")
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    args.sizes = sizes[:-1] if args.skip_largest and len(sizes) > 1 else sizes
    return args


def log(message: str) -> None:
    """Progress on stderr, so --json output stays one object."""
    print(f"[bench.search] {message}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------ corpus with pooled vectors
class ChunkSource:
    """Generated chunks in document order, with real vectors for the pool and perturbed copies after it."""

    def __init__(self, embedder: Embedder, seed: int, pool: int, noise: float):
        self.embedder, self.seed, self.noise = embedder, seed, noise
        self.doc_index, self.emitted = 0, 0
        self.buffer: list[Any] = []
        self.rng = np.random.default_rng(seed)
        self.pick = random.Random(seed)
        self.generate_s = 0.0
        self._fill(pool)
        pool_chunks = self.buffer[:pool]
        self.pool_vectors, self.embed_s = timed(embedder.embed, [c.embed_text for c in pool_chunks])
        self.by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.by_topic: dict[str, list[int]] = defaultdict(list)
        for i, chunk in enumerate(pool_chunks):
            self.by_key[self.key(chunk)].append(i)
            self.by_topic[chunk.metadata["topic"]].append(i)

    @staticmethod
    def key(chunk: Any) -> tuple[str, str]:
        """Topic and top-level section: what makes two generated chunks talk about the same thing."""
        return chunk.metadata["topic"], chunk.metadata["section"].split(" > ")[0]

    def _fill(self, n: int) -> None:
        """Generate documents until the buffer holds n chunks, cut by the real chunker."""
        from ingest.chunking import chunk_document

        start = time.perf_counter()
        window = self.embedder.max_tokens
        while len(self.buffer) < n:
            doc = loaded_doc(generate_doc(self.seed, self.doc_index))
            digest = hashlib.sha256(f"{self.seed}:{self.doc_index}".encode()).hexdigest()
            self.buffer.extend(chunk_document(doc, digest, window, min(160, window), self.embedder.count_tokens))
            self.doc_index += 1
        self.generate_s += time.perf_counter() - start

    def vector(self, index: int, chunk: Any) -> np.ndarray:
        """The pool's real vector, or a noisy copy of a pool vector on the same topic and section."""
        if index < len(self.pool_vectors):
            return self.pool_vectors[index]
        twins = self.by_key.get(self.key(chunk)) or self.by_topic[chunk.metadata["topic"]]
        base = self.pool_vectors[self.pick.choice(twins)]
        noisy = base + self.rng.normal(0.0, self.noise, base.shape).astype(np.float32)
        return noisy / np.linalg.norm(noisy)

    def take(self, n: int) -> tuple[list[str], list[str], np.ndarray, list[dict]]:
        """The next n chunks as (ids, texts, vectors, metadata) for Store.add_chunks."""
        self._fill(n)
        chunks, self.buffer = self.buffer[:n], self.buffer[n:]
        vectors = np.stack([self.vector(self.emitted + i, c) for i, c in enumerate(chunks)])
        self.emitted += n
        return [c.id for c in chunks], [c.text for c in chunks], vectors, [c.metadata for c in chunks]


def grow(store: Store, source: ChunkSource, target: int) -> float:
    """Write chunks until the store holds `target`; returns the seconds spent in Store.add_chunks."""
    spent = 0.0
    while source.emitted < target:
        ids, texts, vectors, metas = source.take(min(WRITE_SLICE, target - source.emitted))
        _, seconds = timed(store.add_chunks, ids, texts, vectors, metas)
        spent += seconds
    store.bump_generation()  # as ingest does: readers see a new generation and reload
    return spent


# ------------------------------------------------------------------ latency
def operations(searcher: HybridSearcher, embedder: Embedder, store: Store, k: int,
               vectors: dict[str, np.ndarray]) -> dict[str, Callable[[str], Any]]:
    """Every timed operation, by the name printed in the table."""
    from vectorstore.filters import Filters

    where = Filters().where()
    return {
        "query embedding alone": embedder.embed_query,
        "dense": lambda q: searcher.search(q, k, mode="dense"),
        "keyword": lambda q: searcher.search(q, k, mode="keyword"),
        "hybrid": lambda q: searcher.search(q, k, mode="hybrid"),
        "hybrid, region=US filter": lambda q: searcher.search(q, k, Filters(region="US"), mode="hybrid"),
        "chroma query only (vector given)": lambda q: store.query(vectors[q], searcher.candidates, where),
        "chroma query only, no where": lambda q: store.query(vectors[q], searcher.candidates, None),
    }


def time_one_query(ops: dict[str, Callable[[str], Any]], query: str, shift: int,
                   reset: Callable[[], None]) -> dict[str, float]:
    """Seconds each operation takes on one query, starting the rotation at `shift`; reset() runs untimed before each."""
    order = list(ops)
    out = {}
    for name in order[shift % len(order):] + order[: shift % len(order)]:  # rotate who goes first
        reset()
        start = time.perf_counter()
        ops[name](query)
        out[name] = time.perf_counter() - start
    return out


def measure_latency(ops: dict[str, Callable[[str], Any]], queries: list[str], repeat: int, seed: int,
                    gate: QuietGate, reset: Callable[[], None]) -> dict[str, Any]:
    """Warm up, then time each operation on every query, interleaved so load spikes hit all alike."""
    for fn in ops.values():
        for query in queries[:10]:
            reset()
            fn(query)
    samples: dict[str, list[float]] = defaultdict(list)
    rng = random.Random(seed)
    for _ in range(repeat):
        shuffled = queries[:]
        rng.shuffle(shuffled)
        for i, query in enumerate(shuffled):
            for name, seconds in gate.run(lambda q=query, shift=i: time_one_query(ops, q, shift, reset)).items():
                samples[name].append(seconds)
    return {name: summarize_ms(values) for name, values in samples.items()}


def with_ratios(latency: dict[str, dict]) -> dict[str, dict]:
    """Add each figure as a multiple of the query embedding's p50."""
    unit = latency["query embedding alone"]["p50_ms"]
    for stats in latency.values():
        stats["p50_x_embed"] = ratio(stats["p50_ms"], unit)
        stats["p95_x_embed"] = ratio(stats["p95_ms"], unit)
    return latency


# ------------------------------------------------------------------ one size
def measure_size(size: int, store: Store, searcher: HybridSearcher, embedder: Embedder, source: ChunkSource, args: argparse.Namespace,
                 vectors: dict[str, np.ndarray]) -> dict[str, Any]:
    """Grow the store to `size`, then time index builds, refresh and searches."""
    from vectorstore.dense import DenseIndex, unit
    from vectorstore.keyword import KeywordIndex

    log(f"{size:,} chunks: generating and writing")
    generated_before, written_before = source.generate_s, source.emitted
    write_s = grow(store, source, size)
    generate_s = source.generate_s - generated_before
    searcher.refresh(force=True)  # not timed: a first load; the timed one below is a reload
    wait_for_quiet(args.max_wait, log=log)
    (rows, raw), fetch_s = timed(store.all_rows)
    _, build_s = timed(KeywordIndex, rows)
    dense, dense_build_s = timed(lambda: DenseIndex(unit(raw)))
    dense_mb = round(dense.matrix.nbytes / 2**20, 1)
    del rows, raw, dense
    _, refresh_s = timed(searcher.refresh, True)
    gc.collect()
    rss = rss_mb()
    log(f"{size:,} chunks: timing {len(ALL_QUERIES)} queries x {args.repeat} passes")
    monitor, gate = CpuMonitor(), QuietGate(max_wait=args.max_wait)
    ops = operations(searcher, embedder, store, args.k, vectors)
    latency = with_ratios(measure_latency(ops, ALL_QUERIES, args.repeat, args.seed, gate,
                                          lambda: forget_cached_embeddings(embedder)))
    hybrid_p95_x = latency["hybrid"]["p95_x_embed"]
    recall = hnsw_recall(searcher, store, vectors)
    return {"size": size, "count": store.count(), "generate_s": round(generate_s, 1),
            "write_s": round(write_s, 1), "write_chunks_per_s": round((size - written_before) / max(write_s, 1e-9)),
            "fetch_all_rows_s": round(fetch_s, 2), "keyword_build_s": round(build_s, 2),
            "dense_build_s": round(dense_build_s, 2), "dense_matrix_mb": dense_mb,
            "refresh_force_s": round(refresh_s, 2), "rss_mb": rss, "latency": latency,
            "chroma_hnsw_recall_at_30": recall, "target_hybrid_p95_x_embed": TARGETS.get(size), "hybrid_p95_x_embed": hybrid_p95_x,
            "target_met": None if size not in TARGETS else hybrid_p95_x <= TARGETS[size],
            "others_cpu_share": monitor.others_share(), "samples_redone_for_noise": gate.discarded,
            "samples_kept_noisy": gate.kept_noisy}


def hnsw_recall(searcher: HybridSearcher, store: Store, vectors: dict[str, np.ndarray]) -> float:
    """How much of the exact top 30 Chroma's HNSW returns, unfiltered, over the query set: what the
    exact scan buys besides repeatability."""
    from vectorstore.filters import Filters

    every = Filters(current_only=False)
    found = []
    for vector in vectors.values():
        exact = {h.id for h in searcher._nearest(vector, every)}
        approx = {h.id for h in store.query(vector, len(exact), None)} if exact else set()
        found.append(len(exact & approx) / (len(exact) or 1))
    return round(float(np.mean(found)), 4)


# ------------------------------------------------------------------ profile experiment
def search_stages() -> list[tuple[str, str, str]]:
    """(label, module, attribute) of the functions one hybrid search passes through."""
    return [
        ("search total", "vectorstore.search", "HybridSearcher.search"),
        ("refresh check (generation file)", "vectorstore.search", "HybridSearcher.refresh"),
        ("query embedding", "vectorstore.embeddings", "Embedder.embed_query"),
        ("DenseIndex.nearest (exact scan)", "vectorstore.dense", "DenseIndex.nearest"),
        ("KeywordIndex.search", "vectorstore.keyword", "KeywordIndex.search"),
        ("KeywordIndex.mask", "vectorstore.keyword", "KeywordIndex.mask"),
        ("fuse", "vectorstore.search", "fuse"),
        ("collapse", "vectorstore.search", "collapse"),
        ("spread", "vectorstore.search", "spread"),
    ]


def profile_hybrid(searcher: HybridSearcher, k: int, out: Path) -> dict[str, Any]:
    """Experiment: mean time per hybrid search in each stage, then a cProfile listing."""
    totals: dict[str, list[float]] = defaultdict(list)
    restore = wrap_stages(search_stages(), totals)
    try:
        for query in ALL_QUERIES:
            forget_cached_embeddings(searcher.embedder)
            searcher.search(query, k, mode="hybrid")
    finally:
        restore()
    n = len(ALL_QUERIES)
    stages = {label: {"ms_per_search": round(sum(v) * 1000 / n, 2), "calls": len(v)} for label, v in totals.items()}
    profiler = cProfile.Profile()
    for query in ALL_QUERIES:
        forget_cached_embeddings(searcher.embedder)
        profiler.enable()
        searcher.search(query, k, mode="hybrid")
        profiler.disable()
    listing = io.StringIO()
    pstats.Stats(profiler, stream=listing).sort_stats("tottime").print_stats(40)
    out.write_text(listing.getvalue(), encoding="utf-8")
    return {"stages": stages, "cprofile_listing": str(out), "searches": n}


# ------------------------------------------------------------------ fix experiments
# Each experiment monkeypatches one alternative (a candidate fix, or the code as it was before a fix)
# into the running process (no file is edited)
# and returns a function that undoes it. They are measured only under --experiment.

def patch(owner: Any, name: str, new: Any) -> Callable[[], None]:
    """Replace owner.name with new; returns the undo."""
    old = getattr(owner, name)
    setattr(owner, name, new)
    return lambda: setattr(owner, name, old)


def exp_where_always() -> Callable[[], None]:
    """The behaviour before the first fix: every filtered dense search goes through Chroma's `where`."""
    from vectorstore.search import HybridSearcher

    def nearest(self: Any, vector: Any, filters: Any, *_: Any) -> list[Any]:
        return self.store.query(vector, self.candidates, filters.where())

    return patch(HybridSearcher, "_nearest", nearest)


def exp_hnsw() -> Callable[[], None]:
    """The behaviour before exact search: Chroma's HNSW, ids and distances only, filtered in Python
    (widened once to 2,000) unless the filter is selective, when Chroma's `where` takes it."""
    from vectorstore.search import HybridSearcher
    from vectorstore.store import Hit

    def nearest(self: Any, vector: Any, filters: Any, *_: Any) -> list[Any]:
        keyword = self.keyword
        total, allowed = len(keyword), int(keyword.mask(filters).sum())
        if total and allowed >= 0.25 * total:
            want = min(self.candidates, allowed)
            first = self.candidates if allowed == total else min(total, int(self.candidates * total / allowed * 2))
            for fetch in dict.fromkeys((first, max(first, min(total, 2000)))):
                got = self.store.chunks.query(query_embeddings=[vector], n_results=fetch, include=["distances"])
                mask, hits = keyword.mask(filters), []
                for cid, dist in zip(got["ids"][0], got["distances"][0]):
                    i = keyword.position.get(cid)
                    if i is not None and mask[i]:
                        hits.append(Hit(cid, keyword.texts[i], keyword.metas[i], 1.0 - float(dist)))
                if len(hits) >= want or fetch == total:
                    return hits[: self.candidates]
        return self.store.query(vector, self.candidates, filters.where())

    return patch(HybridSearcher, "_nearest", nearest)


def exp_plain_collapse() -> Callable[[], None]:
    """The behaviour before the fix: collapse() builds every pair's intersection and union."""
    import vectorstore.search as search_module

    def collapse(hits: list[Any], threshold: float = 0.9) -> list[Any]:
        kept: list[tuple[Any, set[str]]] = []
        for hit in hits:
            bag = search_module.words(hit.text)
            if all(len(bag & other) / (len(bag | other) or 1) < threshold for _, other in kept):
                kept.append((hit, bag))
        return [h for h, _ in kept]

    return patch(search_module, "collapse", collapse)


def exp_query_one_thread() -> Callable[[], None]:
    """Embed queries with one torch thread: a single short query gains little from two."""
    import torch

    from vectorstore.embeddings import Embedder

    def embed_query(self: Any, text: str) -> np.ndarray:
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            return self.embed([text])[0]
        finally:
            torch.set_num_threads(threads)

    return patch(Embedder, "embed_query", embed_query)


EXPERIMENT_OPS = ("query embedding alone", "dense", "keyword", "hybrid", "hybrid, region=US filter")
EXPERIMENTS: dict[str, Callable[[], Callable[[], None]]] = {
    "before-where-always": exp_where_always, "before-plain-collapse": exp_plain_collapse, "before-hnsw": exp_hnsw,
    "query-one-thread": exp_query_one_thread,
}


def run_experiments(names: list[str], searcher: HybridSearcher, embedder: Embedder, store: Store, args: argparse.Namespace,
                    vectors: dict[str, np.ndarray]) -> dict[str, Any]:
    """Baseline, then each named alternative (and the 'before-*' ones together), timed the same way."""
    before = [n for n in names if n.startswith("before-")]
    plans = [("baseline", [])] + [(n, [n]) for n in names] + ([("before-all", before)] if len(before) > 1 else [])
    out = {}
    for label, fixes in plans:
        undo = [EXPERIMENTS[name]() for name in fixes]
        try:
            wait_for_quiet(args.max_wait, log=log)
            log(f"experiment {label}")
            gate = QuietGate(max_wait=args.max_wait)
            ops = operations(searcher, embedder, store, args.k, vectors)
            ops = {name: ops[name] for name in EXPERIMENT_OPS}
            out[label] = measure_latency(ops, ALL_QUERIES, args.repeat, args.seed, gate,
                                         lambda: forget_cached_embeddings(embedder))
        finally:
            for fn in reversed(undo):
                fn()
    return out


# ------------------------------------------------------------------ output
def print_report(result: dict[str, Any]) -> None:
    """The figures as tables."""
    info = result["machine"]
    caption = (f"{info['date']} · {info['cpus']} cores ({info['cpu_model']}) · torch {info['torch']} "
               f"({info['torch_threads']} threads) · chromadb {info['chromadb']} · k={result['k']}, "
               f"{result['queries']} queries x {result['repeat']} passes")
    for entry in result["sizes"]:
        rows = [[name, s["p50_ms"], s["p95_ms"], s["p50_x_embed"], s["p95_x_embed"]] for name, s in entry["latency"].items()]
        target = entry["target_hybrid_p95_x_embed"]
        verdict = f" · Chroma HNSW recall@30 vs exact {entry['chroma_hnsw_recall_at_30']}"
        verdict += "" if target is None else (f" · target hybrid p95 <= {target:g}x embed: "
                                             f"{'met' if entry['target_met'] else 'MISSED'} ({entry['hybrid_p95_x_embed']}x)")
        print_table(f"{entry['size']:,} chunks{verdict}", ["operation", "p50 ms", "p95 ms", "p50 / embed p50", "p95 / embed p50"],
                    rows, caption=f"other processes' CPU share over the whole timing: {entry['others_cpu_share']:.0%}; "
                                 f"query rounds redone because others used the CPU: {entry['samples_redone_for_noise']}, "
                                 f"kept although noisy: {entry['samples_kept_noisy']}")
    rows = [[f"{e['size']:,}", e["rss_mb"], e["keyword_build_s"], e["dense_build_s"], e["dense_matrix_mb"],
             e["fetch_all_rows_s"], e["refresh_force_s"],
             e["write_s"], e["generate_s"]] for e in result["sizes"]]
    print_table("Build, refresh and memory", ["chunks", "RSS MiB", "BM25 build s", "vectors build s", "vectors MiB", "fetch all rows s",
                                               "refresh(force) s", "write s", "generate s"], rows, caption=caption)
    print(f"Vectors: the first {result['pool']:,} chunks are embedded with the real model ({result['pool_embed_s']} s); "
          f"every later chunk is a perturbed copy (noise std {result['noise']}, re-normalised) of a pool vector on the "
          f"same topic and section. RSS includes the model (~{result['rss_after_model_mb']} MiB after loading it).")
    if "profile" in result:
        prof = result["profile"]
        rows = [[label, v["ms_per_search"], v["calls"]] for label, v in prof["stages"].items()]
        print_table(f"Experiment --profile: hybrid search at {prof['size']:,} chunks (stages nest)",
                    ["stage", "ms per search", "calls"], rows, caption=f"cProfile listing: {prof['cprofile_listing']}")
    if "experiments" in result:
        runs = result["experiments"]["runs"]
        base = runs["baseline"]
        rows = []
        for label, latency in runs.items():
            unit = latency["query embedding alone"]["p50_ms"]
            cells = [f"{latency[op]['p50_ms']} / {latency[op]['p95_ms']}" for op in EXPERIMENT_OPS]
            rows.append([label, *cells, ratio(latency["hybrid"]["p95_ms"], unit),
                         ratio(latency["hybrid"]["p95_ms"], base["hybrid"]["p95_ms"])])
        print_table(f"Experiments at {result['experiments']['size']:,} chunks (p50 / p95 ms; alternatives monkeypatched, no file edited)",
                    ["variant", "embed", "dense", "keyword", "hybrid", "hybrid region=US", "hybrid p95 / embed p50",
                     "hybrid p95 vs baseline"], rows)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    args = parse_args(argv)
    from settings import load_settings
    from vectorstore.search import HybridSearcher
    from vectorstore.store import open_store

    log("loading and warming up the model")
    embedder = load_warm_embedder()
    result: dict[str, Any] = {"machine": machine_info(), "rss_after_model_mb": rss_mb(), "pool": args.pool,
                              "noise": args.noise, "k": args.k, "repeat": args.repeat, "queries": len(ALL_QUERIES)}
    query_vectors = dict(zip(ALL_QUERIES, embedder.embed(ALL_QUERIES)))
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        settings = load_settings(store_dir=Path(tmp) / "store", kb_dir=Path(tmp), chroma_mode="embedded")
        store = open_store(settings, embedder)
        searcher = HybridSearcher(store, embedder)
        log(f"embedding a pool of {args.pool:,} generated chunks")
        source = ChunkSource(embedder, args.seed, args.pool, args.noise)
        result["pool_embed_s"] = round(source.embed_s, 1)
        result["sizes"] = [measure_size(size, store, searcher, embedder, source, args, query_vectors) for size in args.sizes]
        if args.profile:
            wait_for_quiet(args.max_wait, log=log)
            result["profile"] = dict(profile_hybrid(searcher, args.k, args.profile_out), size=args.sizes[-1])
        if args.experiment:
            names = sorted(EXPERIMENTS) if "all" in args.experiment else args.experiment
            result["experiments"] = {"size": args.sizes[-1], "runs": run_experiments(names, searcher, embedder, store,
                                                                                     args, query_vectors)}
    if args.json:
        print_json(result)
    else:
        print_report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
