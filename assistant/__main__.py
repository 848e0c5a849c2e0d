"""python -m assistant ask [--store DIR] [--json] [--k N] [--region R] QUESTION
python -m assistant ask [--store DIR] --json --from FILE
python -m assistant forget HANDLE

Draft a cited reply to a creator's message, or escalate when the knowledge base does not cover it.
--from reads JSON lines with a `question` field (other fields pass through) and prints one JSON line each.
`forget` deletes every activity-log row about one creator handle (a data-deletion request), whatever its
case or leading '@', and says how many rows went.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from settings import SettingsError, load_settings
from vectorstore.errors import StoreError


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The documented command line."""
    parser = argparse.ArgumentParser(prog="python -m assistant", description=__doc__.split("\n\n")[1])
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="draft a reply to one message, or to each line of --from")
    ask.add_argument("question", nargs="?", help="the creator's message")
    ask.add_argument("--from", dest="from_file", type=Path, help="JSON lines, each with a 'question' field")
    ask.add_argument("--store", type=Path, help="embedded store folder (default: from settings)")
    ask.add_argument("--json", action="store_true", help="print JSON")
    ask.add_argument("--k", type=int, help="passages retrieved per question")
    ask.add_argument("--region", default="", help="the creator's market, e.g. US, UK, TH")
    ask.add_argument("--audience", choices=["auto", "creator", "staff"], default="auto",
                     help="creator: a reply to send; staff: a colleague's how-to question")
    forget = sub.add_parser("forget", help="delete every activity-log row about one creator handle")
    forget.add_argument("handle", help="the creator's handle, e.g. @glowwithmaya")
    args = parser.parse_args(argv)
    if args.command == "forget":
        return args
    if bool(args.question) == bool(args.from_file):
        parser.error("give either a QUESTION or --from FILE")
    if args.from_file and not args.json:
        parser.error("--from needs --json")
    return args


def answer(assistant: Any, record: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    """One JSON answer, with the input's other fields passed through."""
    try:
        draft = assistant.ask(str(record["question"]), region=record.get("region") or args.region,
                              k=args.k, audience=args.audience).to_dict()
    except AssistantError as err:
        draft = {"question": record["question"], "status": "error", "draft": "", "citations": [], "reason": str(err)}
    return {**{k: v for k, v in record.items() if k not in draft}, **draft}


def read_records(path: Path) -> list[dict[str, Any]]:
    """JSON lines from --from, each needing a 'question'."""
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            record = json.loads(line)
            if "question" not in record:
                raise ValueError(f"{path}:{number} has no 'question' field")
            records.append(record)
    return records


def print_text(draft: dict[str, Any]) -> None:
    """A readable draft for the terminal."""
    print(f"[{draft['status']}] drafted by: {draft.get('drafter', '')}" + (f" | team: {draft['team']}" if draft.get("team") else ""))
    if draft["reason"]:
        print(f"reason: {draft['reason']}")
    print("\n" + draft["draft"] + "\n")
    for c in draft["citations"]:
        page = f", page {c['page']}" if c["page"] else ""
        print(f"[{c['n']}] {c['title']} - {c['section'] or 'top'} ({c['source']}{page})")
    for line in draft.get("unsupported", []):
        print(f"check: not supported by its citation: {line}")
    for note in draft.get("conflicts", []) + draft.get("notices", []):
        print(f"note: {note}")


def forget(handle: str) -> int:
    """Delete a creator's rows from the activity log and say how many went."""
    from assistant.activity import ActivityLog

    try:
        settings = load_settings()
        key = settings.activity_key.get_secret_value() if settings.activity_key else None
        removed = ActivityLog(settings.activity_db, key).forget_creator(handle)
    except (SettingsError, OSError, sqlite3.Error, ValueError) as err:
        print(f"assistant: {err}", file=sys.stderr)
        return 2
    print(f"Removed {removed} activity-log row(s) about {handle.strip()}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run `ask` and return the exit code."""
    args = parse_args(argv)
    if args.command == "forget":
        return forget(args.handle)
    try:
        from assistant.service import build_assistant

        settings = load_settings()
        assistant = build_assistant(settings, store_dir=args.store)
        if args.from_file:
            for record in read_records(args.from_file):
                print(json.dumps(answer(assistant, record, args), ensure_ascii=False), flush=True)
            return 0
        result = answer(assistant, {"question": args.question}, args)
    except (SettingsError, StoreError, AssistantError, ValueError, FileNotFoundError, json.JSONDecodeError) as err:
        print(f"assistant: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    elif result["status"] == "error":
        print(f"assistant: {result['reason']}", file=sys.stderr)  # a message with nothing to answer is not a draft
    else:
        print_text(result)
    return 0 if result["status"] != "error" else 2


if __name__ == "__main__":
    sys.exit(main())
