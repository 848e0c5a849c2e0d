"""python -m ingest [--source DIR] [--store DIR] [--json] [--dry-run] [--reset]

Ingest every supported file under the knowledge base into Chroma. Unchanged files are skipped,
changed files have their chunks replaced, deleted files are removed. Exit 0 when every file was
ingested, 1 when some file failed (its previous chunks stay), 2 on a setup error.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ingest.cli_view import ProgressView, print_summary
from ingest.documents import LoadError
from ingest.pipeline import run_ingest
from settings import SettingsError, load_settings
from vectorstore.errors import StoreError


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The documented command line."""
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__.split("\n\n")[1])
    parser.add_argument("--source", type=Path, help="folder to ingest (default: knowledge_base/)")
    parser.add_argument("--store", type=Path, help="embedded store folder (default: from settings)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    parser.add_argument("--reset", action="store_true", help="delete the index and rebuild everything")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run ingest and return the exit code."""
    args = parse_args(argv)
    try:
        settings = load_settings()
        overrides = {k: v for k, v in {"kb_dir": args.source, "store_dir": args.store}.items() if v}
        settings = settings.model_copy(update=overrides)
        with ProgressView(enabled=sys.stderr.isatty() or not args.json) as view:
            from vectorstore.embeddings import load_embedder
            from vectorstore.store import open_store

            embedder = load_embedder(settings.embedding_model, settings.embed_batch_size)
            if args.reset and args.dry_run:
                raise ValueError("--reset and --dry-run cannot be used together")
            store = open_store(settings, embedder, reset=args.reset)
            report = run_ingest(settings, store, embedder, dry_run=args.dry_run, progress=view.update)
    except (SettingsError, StoreError, LoadError, FileNotFoundError, ValueError, ImportError) as err:
        print(f"ingest: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(report.to_json())
    else:
        print_summary(report)
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
