"""python -m eval [--kb DIR] [--set FILE] [--store DIR] [--json] [--split all|tune|heldout|dev] [--retrieval-only]

Ingest a knowledge base (by default the sample one and then eval/kb2, or --kb DIR), run its question set, and
print retrieval metrics for dense, keyword and hybrid search plus answer metrics for the drafts, each knowledge
base on its own.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from eval.data import DEFAULT_SET, load_questions
from eval.report import print_report
from settings import ROOT, SettingsError, load_settings
from vectorstore.errors import StoreError

EVAL_STORE = ROOT / ".store" / "eval-chroma"
KB2 = ROOT / "eval" / "kb2"  # the second knowledge base, which nothing is tuned on


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The documented command line."""
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__.split("\n\n")[1])
    parser.add_argument("--kb", type=Path, help="knowledge base to ingest: a folder of documents, or one holding docs/ "
                        "and questions.jsonl (eval/kb2); default: the sample knowledge base")
    parser.add_argument("--set", type=Path, help="question file (JSON lines); default: the knowledge base's own")
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
    kb_dir, question_set = knowledge_base(args.kb, args.set, settings.kb_dir)
    questions = load_questions(question_set, args.split)
    store_dir = args.store or (EVAL_STORE if args.kb is None else ROOT / ".store" / f"eval-{kb_dir.parent.name if kb_dir.name == 'docs' else kb_dir.name}")
    assistant = build_assistant(settings.model_copy(update={"store_dir": store_dir}))
    if args.store is None:  # incremental: a second eval run re-embeds nothing
        run_ingest(assistant.settings, assistant.searcher.store, assistant.embedder, kb_dir)
    searcher = assistant.searcher
    result = {"knowledge_base": str(kb_dir), "questions": len(questions), "split": args.split, "store": str(store_dir),
              "drafter": assistant.drafter.label, "reader": reader_used(assistant),
              "retrieval": retrieval_metrics(searcher, questions)}
    if not args.retrieval_only:
        rows = answer_rows(assistant, searcher, questions)
        result["answers"] = answer_metrics(rows)
        splits = dict.fromkeys(r["split"] for r in rows)  # tune and heldout; dev in eval/dev_questions.jsonl
        result["answers_by_split"] = {s: answer_metrics([r for r in rows if r["split"] == s]) for s in splits}
        result["rows"] = rows
    return result


def knowledge_base(kb: Path | None, question_set: Path | None, default_kb: Path) -> tuple[Path, Path]:
    """The documents folder and the question file for --kb and --set."""
    if kb is None:
        return default_kb, question_set or DEFAULT_SET
    if (kb / "docs").is_dir():
        return kb / "docs", question_set or kb / "questions.jsonl"
    if question_set is None:
        raise ValueError(f"--kb {kb} has no docs/ folder with a questions.jsonl beside it: name the questions with --set")
    return kb, question_set


def reader_used(assistant: Any) -> dict[str, Any]:
    """Which reader weights, precision and threshold made the figures: a CPU without bfloat16 runs float32."""
    reader = assistant.reader
    return {"weights": str(reader.weights), "precision": reader.precision,
            "threshold": assistant.settings.reader_threshold}


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print it: each knowledge base on its own (JSON: one object a line)."""
    args = parse_args(argv)
    both = args.kb is None and args.store is None and args.set is None
    for kb in ([None, KB2] if both else [args.kb]):
        try:
            result = evaluate(argparse.Namespace(**{**vars(args), "kb": kb}))
        except (SettingsError, StoreError, ValueError, FileNotFoundError) as err:
            print(f"eval: {err}", file=sys.stderr)
            return 2
        if args.json:
            print(json.dumps(result), flush=True)
        else:
            print_report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
