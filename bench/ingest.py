"""Ingest benchmark: the real pipeline against the raw model ceiling and a naive LangChain pipeline.

    python bench/ingest.py [--docs 300] [--seed 7] [--skip-naive] [--json] [--profile]

Generates a policy-like Markdown corpus in a temporary folder, then measures in one run: the
pipeline's chunks/s into a fresh embedded store, the model alone on the same chunk texts (the
ceiling), a no-change re-run, peak RSS, and the same figures for RecursiveCharacterTextSplitter +
HuggingFaceEmbeddings + Chroma.from_documents (run in a child process so its memory is its own).
Prints figures and ratios; never asserts on time.
"""
from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
import json
import pstats
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

if __package__ in (None, ""):  # run as `python bench/ingest.py`: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import write_corpus
from bench.harness import MODEL_NAME, ROOT, load_warm_embedder, wrap_stages
from bench.monitors import (ChildPeakSampler, CpuMonitor, hwm_mb, machine_info, peak_rss_mb, rss_mb, timed,
                            wait_for_quiet)
from bench.report import print_json, print_table, ratio

TARGET_CEILING_RATIO = 0.85  # pipeline chunks/s over the model's chunks/s on the same texts
TARGET_RERUN_SHARE = 0.03  # a no-change run as a share of the full run
NOISY_SHARE = 0.15  # others' CPU share above which a timed phase measured the neighbour too
NAIVE_PACKAGES = ("langchain_text_splitters", "langchain_huggingface", "langchain_chroma")
NAIVE_INSTALL = "pip install langchain-huggingface==1.2.3 langchain-chroma==1.1.0"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The benchmark's command line."""
    parser = argparse.ArgumentParser(prog="bench/ingest.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300, help="generated Markdown documents (default 300, ~1,500 chunks)")
    parser.add_argument("--seed", type=int, default=7, help="corpus generator seed")
    parser.add_argument("--skip-naive", action="store_true", help="skip the LangChain comparison")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument("--profile", action="store_true",
                        help="experiment: one more pipeline run with stage timers and cProfile (not part of the figures)")
    parser.add_argument("--profile-out", type=Path, default=Path(tempfile.gettempdir()) / "bench_ingest_profile.txt",
                        help="where --profile writes the cProfile listing")
    parser.add_argument("--max-wait", type=float, default=120.0,
                        help="seconds to wait for other processes to quieten before each timed phase")
    parser.add_argument("--retries", type=int, default=2,
                        help="measure ceiling and pipeline again (fresh store) when other processes used the CPU")
    parser.add_argument("--naive-worker", type=Path, help=argparse.SUPPRESS)  # internal: corpus folder
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def log(message: str) -> None:
    """Progress on stderr, so --json output stays one object."""
    print(f"[bench.ingest] {message}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------ our pipeline
def pipeline_chunks(settings: Any, embedder: Any) -> list[Any]:
    """The chunks run_ingest would make: same file scan, loader, content hash and chunk sizes."""
    from ingest.chunking import chunk_document
    from ingest.loaders import load_file
    from ingest.manifest import file_hash, scan

    files = scan(Path(settings.kb_dir), settings.ignore_files)[0]
    window, target = embedder.max_tokens, min(settings.chunk_tokens, embedder.max_tokens)
    chunks = []
    for source, path in files.items():
        doc = load_file(path, source)
        chunks.extend(chunk_document(doc, file_hash(path), window, target, embedder.count_tokens))
    return chunks


def token_stats(texts: list[str], count: Callable[[str], int], window: int) -> dict[str, Any]:
    """Mean tokens per text (special tokens included) and the share longer than the model window."""
    sizes = [count(t) + 2 for t in texts]  # +2: [CLS] and [SEP]
    over = sum(1 for s in sizes if s > window)
    return {"mean_tokens": round(sum(sizes) / max(len(sizes), 1), 1), "max_tokens": max(sizes, default=0),
            "over_window": over, "over_window_share": ratio(over, len(sizes)),
            "embedded_tokens": sum(min(s, window) for s in sizes)}


def timed_attempt(settings: Any, embedder: Any, texts: list[str], attempt: int, max_wait: float) -> dict[str, Any]:
    """The model alone on the chunk texts, then the pipeline into a fresh store, each after a quiet wait."""
    from ingest.pipeline import run_ingest
    from vectorstore.store import open_store

    wait_for_quiet(max_wait, log=log)
    log(f"ceiling: the model alone on {len(texts)} chunk texts, batch size {embedder.batch_size}")
    monitor = CpuMonitor()
    _, ceiling_s = timed(embedder.embed, texts)
    ceiling_load = monitor.others_share()

    wait_for_quiet(max_wait, log=log)
    log("pipeline: run_ingest into a fresh store")
    fresh = settings.model_copy(update={"store_dir": Path(settings.store_dir).with_name(f"store-{attempt}")})
    store = open_store(fresh, embedder)
    monitor, sandbox = CpuMonitor(), ChildPeakSampler()
    report, full_s = timed(run_ingest, fresh, store, embedder)
    full_load, sandbox_peak = monitor.others_share(), sandbox.stop()
    peak_after_run = peak_rss_mb()  # model + ceiling + one pipeline run; later attempts keep stores open
    if report.failed:
        raise RuntimeError(f"ingest failed on generated files: {report.failed[:3]}")
    return {"ceiling_s": ceiling_s, "full_s": full_s, "loads": {"ceiling": ceiling_load, "pipeline": full_load},
            "noise": max(ceiling_load, full_load), "sandbox_peak": sandbox_peak, "report": report,
            "peak_after_run": peak_after_run,
            "settings": fresh, "store": store}


def measure_ours(settings: Any, embedder: Any, docs: int, max_wait: float, retries: int) -> dict[str, Any]:
    """Ceiling, full pipeline run and no-change re-run, in this process."""
    from ingest.pipeline import run_ingest

    chunks, chunk_s = timed(pipeline_chunks, settings, embedder)
    texts = [c.embed_text for c in chunks]
    tokens = token_stats(texts, embedder.count_tokens, embedder.max_tokens)
    attempts = []
    for attempt in range(1, retries + 2):
        attempts.append(timed_attempt(settings, embedder, texts, attempt, max_wait))
        if attempts[-1]["noise"] < NOISY_SHARE:
            break
        log(f"other processes used {attempts[-1]['noise']:.0%} of the CPU during attempt {attempt}; measuring again")
    best = min(attempts, key=lambda a: a["noise"])  # the quietest attempt measured us, not the neighbour
    ceiling_s, full_s, report, store = best["ceiling_s"], best["full_s"], best["report"], best["store"]

    log("re-run: run_ingest again, nothing changed")
    wait_for_quiet(max_wait, log=log)
    rerun, rerun_s = timed(run_ingest, best["settings"], store, embedder)
    return {
        "docs": docs, "chunks": report.chunks, "chunks_match_ceiling_texts": report.chunks == len(texts),
        "batch_size": embedder.batch_size, "tokens": tokens,
        "load_and_chunk_in_process_s": round(chunk_s, 2),
        "ceiling_s": round(ceiling_s, 2), "ceiling_chunks_per_s": round(len(texts) / ceiling_s, 1),
        "ceiling_tokens_per_s": round(tokens["embedded_tokens"] / ceiling_s),
        "full_s": round(full_s, 2), "chunks_per_s": round(report.chunks / full_s, 1),
        "docs_per_s": round(docs / full_s, 2), "tokens_per_s": round(tokens["embedded_tokens"] / full_s),
        "ratio_to_ceiling": ratio(ceiling_s, full_s), "target_ratio": TARGET_CEILING_RATIO,
        "rerun_s": round(rerun_s, 3), "rerun_chunks": rerun.chunks, "rerun_unchanged": len(rerun.unchanged),
        "rerun_share": ratio(rerun_s, full_s), "target_rerun_share": TARGET_RERUN_SHARE,
        "total_chunks_after_rerun": rerun.total_chunks, "sandbox_peak_rss_mb": best["sandbox_peak"],
        "peak_rss_after_first_run_mb": attempts[0]["peak_after_run"],
        "others_cpu_share": best["loads"], "attempts": len(attempts),
    }


# ------------------------------------------------------------------ profile experiment
STAGES = [  # (label, module path, attribute path) of what run_ingest spends time in
    ("plan (scan, hash, read manifest + store ids)", "ingest.pipeline", "make_plan"),
    ("read manifest", "vectorstore.store", "Store.read_manifest"),
    ("list stored ids", "vectorstore.store", "Store.ids_by_source"),
    ("parse in sandbox (IPC incl.)", "ingest.sandbox", "Sandbox.load"),
    ("chunking (incl. token counts)", "ingest.pipeline", "chunk_document"),
    ("token counting", "vectorstore.embeddings", "Embedder.count_tokens"),
    ("embedding", "vectorstore.embeddings", "Embedder.embed"),
    ("chroma: delete_source", "vectorstore.store", "Store.delete_source"),
    ("chroma: add_chunks (upsert)", "vectorstore.store", "Store.add_chunks"),
    ("chroma: commit_manifest", "vectorstore.store", "Store.commit_manifest"),
    ("sandbox close", "ingest.sandbox", "Sandbox.close"),
]


def profile_pipeline(settings: Any, embedder: Any, out: Path) -> dict[str, Any]:
    """Experiment: a pipeline run into a fresh store with stage timers, then under cProfile."""
    from ingest.pipeline import run_ingest
    from vectorstore.store import open_store

    totals: dict[str, list[float]] = defaultdict(list)
    restore = wrap_stages(STAGES, totals)
    try:
        fresh = settings.model_copy(update={"store_dir": Path(settings.store_dir).parent / "store-profile"})
        _, wall = timed(run_ingest, fresh, open_store(fresh, embedder), embedder)
    finally:
        restore()
    stages = {label: {"s": round(sum(v), 2), "calls": len(v), "share": ratio(sum(v), wall)}
              for label, v in totals.items()}

    profiled = settings.model_copy(update={"store_dir": Path(settings.store_dir).parent / "store-cprofile"})
    profiler = cProfile.Profile()
    profiler.enable()
    run_ingest(profiled, open_store(profiled, embedder), embedder)
    profiler.disable()
    listing = io.StringIO()
    pstats.Stats(profiler, stream=listing).sort_stats("cumulative").print_stats(45)
    out.write_text(listing.getvalue(), encoding="utf-8")
    return {"wall_s": round(wall, 2), "stages": stages, "cprofile_listing": str(out)}


# ------------------------------------------------------------------ naive LangChain pipeline
def naive_available() -> list[str]:
    """The LangChain packages the naive pipeline needs that are not installed."""
    return [name for name in NAIVE_PACKAGES if importlib.util.find_spec(name) is None]


def naive_worker(corpus: Path, workdir: Path, max_wait: float) -> dict[str, Any]:
    """Child process: TextLoader-style read + RecursiveCharacterTextSplitter + HuggingFaceEmbeddings + Chroma."""
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_huggingface import HuggingFaceEmbeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from vectorstore.embeddings import resolve_model_path

    embeddings = HuggingFaceEmbeddings(model_name=resolve_model_path(MODEL_NAME), model_kwargs={"device": "cpu"})
    model = embeddings._client  # the SentenceTransformer inside, for the ceiling and token counts
    embeddings.embed_documents(["warm-up text about TikTok Shop samples"] * 64)
    rss_after_model = rss_mb()
    paths = sorted(p for p in corpus.rglob("*.md") if p.name != "README.md")

    def load_split() -> list[Any]:
        # What a naive TextLoader does: the raw file, front matter and all, one Document per file.
        docs = [Document(page_content=p.read_text(encoding="utf-8"),
                         metadata={"source": p.relative_to(corpus).as_posix()}) for p in paths]
        return RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(docs)

    settings = ChromaSettings(anonymized_telemetry=False)
    persist = str(workdir / "naive-chroma")

    def full_run() -> Any:
        return Chroma.from_documents(load_split(), embeddings, persist_directory=persist, client_settings=settings)

    wait_for_quiet(max_wait, log=log)
    monitor = CpuMonitor()
    store, full_s = timed(full_run)
    full_load, peak_after_run = monitor.others_share(), hwm_mb()
    count = store._collection.count()
    chunks = load_split()
    texts = [c.page_content.replace("\n", " ") for c in chunks]  # as HuggingFaceEmbeddings sends them
    window = int(model.max_seq_length)
    tokens = token_stats(texts, lambda t: len(model.tokenizer(t, add_special_tokens=False)["input_ids"]), window)

    # The same splitter over the bundled knowledge base's Markdown: real policies are denser in tokens.
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    kb_files = [p for p in sorted((ROOT / "knowledge_base").rglob("*.md")) if p.name != "README.md"]
    real = [c.page_content.replace("\n", " ") for p in kb_files for c in splitter.create_documents([p.read_text("utf-8")])]
    real_tokens = token_stats(real, lambda t: len(model.tokenizer(t, add_special_tokens=False)["input_ids"]), window)

    wait_for_quiet(max_wait, log=log)
    monitor = CpuMonitor()
    _, ceiling_s = timed(model.encode, texts, batch_size=32, show_progress_bar=False)  # its default batch
    ceiling_load = monitor.others_share()
    rerun, rerun_s = timed(full_run)  # from_documents again: new uuids, so every chunk is added twice
    return {
        "docs": len(paths), "chunks": count, "batch_size": 32, "tokens": tokens,
        "full_s": round(full_s, 2), "chunks_per_s": round(count / full_s, 1), "docs_per_s": round(len(paths) / full_s, 2),
        "tokens_per_s": round(tokens["embedded_tokens"] / full_s),
        "ceiling_s": round(ceiling_s, 2), "ceiling_chunks_per_s": round(len(texts) / ceiling_s, 1),
        "ratio_to_ceiling": ratio(ceiling_s, full_s),
        "rerun_s": round(rerun_s, 2), "rerun_share": ratio(rerun_s, full_s),
        "count_after_rerun": rerun._collection.count(),
        "rss_after_model_mb": rss_after_model, "peak_rss_after_first_run_mb": peak_after_run,
        "peak_rss_mb": hwm_mb(),  # VmHWM: ru_maxrss is inherited over fork
        "others_cpu_share": {"ceiling": ceiling_load, "pipeline": full_load}, "distance": "l2 (Chroma default)",
        "bundled_kb_markdown": {"chunks": len(real), **real_tokens},
    }


def run_naive(corpus: Path, workdir: Path, max_wait: float) -> dict[str, Any]:
    """Run the naive pipeline in a child process and read back its figures."""
    missing = naive_available()
    if missing:
        return {"skipped": f"LangChain packages missing ({', '.join(missing)}): `.venv/bin/{NAIVE_INSTALL}`"}
    log("naive: LangChain pipeline in a child process")
    cmd = [sys.executable, "-m", "bench.ingest", "--naive-worker", str(corpus), "--workdir", str(workdir),
           "--max-wait", str(max_wait)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        return {"skipped": f"naive pipeline failed: {done.stderr.strip().splitlines()[-1:]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ output
def mark(met: bool) -> str:
    """Target verdict for the tables."""
    return "met" if met else "MISSED"


def print_report(result: dict[str, Any]) -> None:
    """The figures as tables."""
    ours, naive, info = result["ours"], result.get("naive", {}), result["machine"]
    tok = ours["tokens"]
    rows = [
        ["documents / chunks", f"{ours['docs']} / {ours['chunks']}"],
        ["tokens per chunk (mean / max, window 256)", f"{tok['mean_tokens']} / {tok['max_tokens']}"],
        ["chunks over the 256-token window", f"{tok['over_window']} ({tok['over_window_share']:.1%})"],
        ["full pipeline", f"{ours['full_s']} s = {ours['chunks_per_s']} chunks/s, {ours['tokens_per_s']} tok/s"],
        ["model alone, same texts, batch " + str(ours["batch_size"]),
         f"{ours['ceiling_s']} s = {ours['ceiling_chunks_per_s']} chunks/s, {ours['ceiling_tokens_per_s']} tok/s"],
        ["pipeline / ceiling (target >= 0.85)",
         f"{ours['ratio_to_ceiling']:.3f} {mark(ours['ratio_to_ceiling'] >= TARGET_CEILING_RATIO)}"],
        ["no-change re-run (target <= 3 %)",
         f"{ours['rerun_s']} s = {ours['rerun_share']:.2%} {mark(ours['rerun_share'] <= TARGET_RERUN_SHARE)}"],
        ["load + chunk alone, in process", f"{ours['load_and_chunk_in_process_s']} s"],
        ["RSS after model load / peak after the first full run / peak of the whole benchmark (ru_maxrss)",
         f"{result['rss_after_model_mb']} / {ours['peak_rss_after_first_run_mb']} / {result['peak_rss_mb']} MiB"],
        ["peak RSS of the parse sandbox child", f"{ours['sandbox_peak_rss_mb']} MiB"],
        ["other processes' CPU share (ceiling / pipeline)",
         f"{ours['others_cpu_share']['ceiling']:.0%} / {ours['others_cpu_share']['pipeline']:.0%}"],
    ]
    print_table("Creator Desk ingest", ["figure", "value"], rows,
                caption=f"{info['date']} · {info['cpus']} cores ({info['cpu_model']}) · torch {info['torch']} "
                        f"({info['torch_threads']} threads) · chromadb {info['chromadb']}")
    if "skipped" in naive:
        print(f"Naive LangChain pipeline skipped: {naive['skipped']}")
    elif naive:
        ntok = naive["tokens"]
        print_table("Naive LangChain pipeline (same corpus, child process)", ["figure", "naive", "ours", "naive / ours"], [
            ["chunks", naive["chunks"], ours["chunks"], ratio(naive["chunks"], ours["chunks"])],
            ["mean tokens per chunk", ntok["mean_tokens"], tok["mean_tokens"], ratio(ntok["mean_tokens"], tok["mean_tokens"])],
            ["chunks over 256 tokens (truncated)", f"{ntok['over_window']} ({ntok['over_window_share']:.1%})",
             f"{tok['over_window']} ({tok['over_window_share']:.1%})", ""],
            ["full run, s", naive["full_s"], ours["full_s"], ratio(naive["full_s"], ours["full_s"])],
            ["chunks/s", naive["chunks_per_s"], ours["chunks_per_s"], ratio(naive["chunks_per_s"], ours["chunks_per_s"])],
            ["documents/s", naive["docs_per_s"], ours["docs_per_s"], ratio(naive["docs_per_s"], ours["docs_per_s"])],
            ["embedded tokens/s", naive["tokens_per_s"], ours["tokens_per_s"],
             ratio(naive["tokens_per_s"], ours["tokens_per_s"])],
            ["pipeline / own model ceiling", naive["ratio_to_ceiling"], ours["ratio_to_ceiling"], ""],
            ["batch size", naive["batch_size"], ours["batch_size"], ""],
            ["re-run, s (share of full run)", f"{naive['rerun_s']} ({naive['rerun_share']:.0%})",
             f"{ours['rerun_s']} ({ours['rerun_share']:.1%})", ""],
            ["chunks after re-run", naive["count_after_rerun"], ours["total_chunks_after_rerun"], ""],
            ["same splitter on knowledge_base/*.md: over 256",
             f"{naive['bundled_kb_markdown']['over_window']} of {naive['bundled_kb_markdown']['chunks']} "
             f"({naive['bundled_kb_markdown']['over_window_share']:.1%})", "", ""],
            ["RSS after model load, MiB", naive["rss_after_model_mb"], result["rss_after_model_mb"], ""],
            ["peak RSS after the full run, MiB (includes the model)", naive["peak_rss_after_first_run_mb"],
             ours["peak_rss_after_first_run_mb"],
             ratio(naive["peak_rss_after_first_run_mb"], ours["peak_rss_after_first_run_mb"])],
        ])
    if "profile" in result:
        prof = result["profile"]
        rows = [[label, v["s"], v["calls"], f"{v['share']:.1%}"] for label, v in prof["stages"].items()]
        print_table(f"Experiment --profile: where a {prof['wall_s']} s pipeline run goes (stages nest)",
                    ["stage", "s", "calls", "share of run"], rows, caption=f"cProfile listing: {prof['cprofile_listing']}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    args = parse_args(argv)
    if args.naive_worker:
        print(json.dumps(naive_worker(args.naive_worker, args.workdir, args.max_wait)))
        return 0
    from settings import load_settings

    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        kb = Path(tmp) / "kb"
        write_corpus(kb, args.docs, args.seed)
        settings = load_settings(store_dir=Path(tmp) / "store", kb_dir=kb, chroma_mode="embedded")
        log(f"corpus: {args.docs} documents in {kb}; loading and warming up the model")
        embedder = load_warm_embedder(settings.embed_batch_size)
        result: dict[str, Any] = {"machine": machine_info(), "rss_after_model_mb": rss_mb()}
        result["ours"] = measure_ours(settings, embedder, args.docs, args.max_wait, args.retries)
        result["peak_rss_mb"] = peak_rss_mb()
        if not args.skip_naive:
            result["naive"] = run_naive(kb, Path(tmp), args.max_wait)
        if args.profile:
            result["profile"] = profile_pipeline(settings, embedder, args.profile_out)
    if args.json:
        print_json(result)
    else:
        print_report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
