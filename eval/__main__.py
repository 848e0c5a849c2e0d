"""python -m eval [--set FILE] [--store DIR] [--json] [--split all|tune|heldout|dev] [--retrieval-only]

Ingest the sample knowledge base (or use --store), run the question set, and print retrieval metrics
for dense, keyword and hybrid search plus answer metrics for the drafts.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eval.data import DEFAULT_SET, load_questions
from eval.report import print_report
from settings import ROOT, SettingsError, load_settings
from vectorstore.errors import StoreError

EVAL_STORE = ROOT / ".store" / "eval-chroma"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The documented command line."""
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__.split("\n\n")[1])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="question file (JSON lines)")
    parser.add_argument("--store", type=Path, help="use this store instead of ingesting the sample knowledge base")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--split", choices=["all", "tune", "heldout", "dev"], default="all", help="which questions to run")
    parser.add_argument("--retrieval-only", action="store_true", help="skip drafting")
    return parser.parse_args(argv)


def evaluate(args: argparse.Namespace) -> dict:
    """Build the store if needed, then compute every metric."""
    from assistant.service import build_assistant
    from eval.run import answer_metrics, answer_rows, retrieval_metrics
    from ingest.pipeline import run_ingest

    settings = load_settings()
    questions = load_questions(args.set, args.split)
    store_dir = args.store or EVAL_STORE
    assistant = build_assistant(settings.model_copy(update={"store_dir": store_dir}))
    if args.store is None:  # incremental: a second eval run re-embeds nothing
        run_ingest(assistant.settings, assistant.searcher.store, assistant.embedder, settings.kb_dir)
    searcher = assistant.searcher
    result = {"questions": len(questions), "split": args.split, "store": str(store_dir),
              "drafter": assistant.drafter.label, "retrieval": retrieval_metrics(searcher, questions)}
    if not args.retrieval_only:
        rows = answer_rows(assistant, searcher, questions)
        result["answers"] = answer_metrics(rows)
        splits = dict.fromkeys(r["split"] for r in rows)  # tune and heldout; dev in eval/dev_questions.jsonl
        result["answers_by_split"] = {s: answer_metrics([r for r in rows if r["split"] == s]) for s in splits}
        result["rows"] = rows
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print it."""
    args = parse_args(argv)
    try:
        result = evaluate(args)
    except (SettingsError, StoreError, ValueError, FileNotFoundError) as err:
        print(f"eval: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result))
    else:
        print_report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
