"""Choose the reader's answerability threshold from eval rows: the most unanswerable questions escalated
while answerable ones are wrongly escalated at most `max_false` of the time, on every set together."""
from __future__ import annotations

from typing import Any

ANSWERABLE = ("answerable", "multi_doc")


def escalates(row: dict[str, Any], threshold: float, used: float) -> bool:
    """Whether the row would escalate at `threshold`, given it ran at `used`: an escalation that did not
    come from the reader (a market with no rules, no checkable citation) stays one."""
    forced = row["status"] == "escalate" and row["answerability"] >= used
    return forced or row["answerability"] < threshold


def sweep(rows: list[dict[str, Any]], used: float, steps: int = 100) -> list[dict[str, float]]:
    """False-escalation and unanswerable-escalated rates at each threshold from 0 to 1."""
    answerable = [r for r in rows if r["kind"] in ANSWERABLE]
    unanswerable = [r for r in rows if r["kind"] == "unanswerable"]
    out = []
    for step in range(steps + 1):
        t = step / steps
        out.append({"threshold": t,
                    "false_escalations": sum(escalates(r, t, used) for r in answerable) / max(1, len(answerable)),
                    "unanswerable_escalated": sum(escalates(r, t, used) for r in unanswerable) / max(1, len(unanswerable))})
    return out


def choose(rows: list[dict[str, Any]], used: float, max_false: float = 0.05) -> dict[str, float]:
    """The highest threshold that keeps false escalations at or below max_false."""
    ok = [p for p in sweep(rows, used) if p["false_escalations"] <= max_false]
    return max(ok, key=lambda p: p["threshold"]) if ok else {"threshold": 0.0}


def main(argv: list[str] | None = None) -> int:
    """python -m eval.calibrate RESULT.json [...] --used T: the threshold for the rows of `python -m eval --json` runs."""
    import argparse
    import json
    from pathlib import Path

    parser = argparse.ArgumentParser(prog="python -m eval.calibrate", description=main.__doc__)
    parser.add_argument("results", nargs="+", type=Path, help="outputs of python -m eval --json")
    parser.add_argument("--used", type=float, required=True, help="the reader threshold those runs used")
    parser.add_argument("--max-false", type=float, default=0.05)
    args = parser.parse_args(argv)
    rows = [row for path in args.results for row in json.loads(path.read_text())["rows"]]
    for point in sweep(rows, args.used, 20):
        print(f"{point['threshold']:.2f}  false escalations {point['false_escalations']:.3f}  "
              f"unanswerable escalated {point['unanswerable_escalated']:.3f}")
    print("chosen:", choose(rows, args.used, args.max_false))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
