"""python -m reader train [--epochs N] [--seed N] [--out FILE]

Train the reader on the sample knowledge base's tune and dev questions (never a held-out split, never kb2)
and write the weights training changed to reader/weights/reader.safetensors.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from reader.model import TRAINED_LAYERS, WEIGHTS

QUESTION_SETS = (("questions.jsonl", "tune"), ("dev_questions.jsonl", "dev"))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The documented command line."""
    parser = argparse.ArgumentParser(prog="python -m reader", description=__doc__.split("\n\n")[1])
    sub = parser.add_subparsers(dest="command", required=True)
    cmd = sub.add_parser("train", help="train the reader and write its weights")
    cmd.add_argument("--epochs", type=int, default=4)
    cmd.add_argument("--seed", type=int, default=13)
    cmd.add_argument("--negatives", type=int, default=24, help="negative sentences sampled per question")
    cmd.add_argument("--unanswerable-negatives", type=int, default=0,
                     help="negative sentences per unanswerable question (default: as --negatives)")
    cmd.add_argument("--foreign-negatives", type=int, default=0,
                     help="other questions' answering sentences added as negatives per question")
    cmd.add_argument("--part-negatives", type=int, default=0,
                     help="also train each question of a multi-question message alone, with this many negatives")
    cmd.add_argument("--lr", type=float, default=8e-5, help="learning rate of the trained layers (the head gets 10x)")
    cmd.add_argument("--layers", type=int, default=TRAINED_LAYERS, help="top transformer layers to train (each adds ~3.5 MB)")
    cmd.add_argument("--out", type=Path, default=WEIGHTS)
    return parser.parse_args(argv)


def training_pairs(negatives: int, seed: int, unanswerable: int = 0, foreign: int = 0, part_negatives: int = 0) -> list:
    """Pairs from the tune and dev questions over the sample knowledge base, ingested into the eval store."""
    from assistant.assess import in_situation
    from assistant.intake import background, parse
    from assistant.passage_text import reading_units
    from assistant.types import to_passage
    from assistant.text import content_words
    from eval.data import load_questions
    from ingest.pipeline import run_ingest
    from reader.pairs import build_pairs
    from reader.parts import part_items
    from settings import ROOT, load_settings
    from vectorstore.embeddings import load_embedder
    from vectorstore.search import HybridSearcher
    from vectorstore.store import open_store

    # the eval store, not the app's: its ingest report (last_ingest.json) must describe the store it ingested
    settings = load_settings().model_copy(update={"store_dir": ROOT / ".store" / "eval-chroma"})
    embedder = load_embedder(settings.embedding_model, settings.embed_batch_size)
    store = open_store(settings, embedder)
    run_ingest(settings, store, embedder, ROOT / "knowledge_base")
    searcher = HybridSearcher(store, embedder)
    items = [q for name, split in QUESTION_SETS for q in load_questions(ROOT / "eval" / name, split)]

    def overlap(fact: str, sentence: str) -> float:
        words = content_words(fact)
        return len(words & content_words(sentence)) / len(words) if words else 0.0

    parts = part_items(items, lambda message: parse(message).questions, embedder.embed,
                       read=lambda message, question: in_situation(background(parse(message).text), question)) \
        if part_negatives else []
    return build_pairs(items, lambda q, k, f, mode: searcher.search(q, k, f, mode=mode, per_source=4),
                       lambda hit: reading_units(to_passage(hit)), overlap, negatives, seed, unanswerable, foreign,
                       parts, part_negatives)


def main(argv: list[str] | None = None) -> int:
    """Build the pairs, train, and say where the weights went."""
    from reader.train import train

    args = parse_args(argv)
    started = time.perf_counter()
    pairs = training_pairs(args.negatives, args.seed, args.unanswerable_negatives, args.foreign_negatives,
                           args.part_negatives)
    positives = int(sum(p.label for p in pairs))
    print(f"{len(pairs)} pairs ({positives} positive) in {time.perf_counter() - started:.0f} s", flush=True)
    out = train(pairs, epochs=args.epochs, lr=args.lr, seed=args.seed, out=args.out,
                log=lambda s: print(s, flush=True), layers=args.layers)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
