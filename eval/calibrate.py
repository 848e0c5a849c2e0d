"""Choose the reader's answerability threshold from eval rows: the most unanswerable questions escalated
while answerable ones are wrongly escalated at most `max_false` of the time on each set. Each set on its own,
so that the larger one (knowledge_base dev, which the reader trained on) cannot buy a higher threshold with
false escalations on the knowledge base it never saw. The cap is on what the reader reads: a message it never
read (a language the offline drafter cannot read, nothing retrieved near it) escalates at every threshold and
leaves both counts; the eval reports it in its wrong-escalation rate all the same. A set whose escalations from
rules applied after reading (a market with no rules, a part left unanswered) already pass the cap cannot be held
to it by any threshold: it is left out of the choice and named, instead of driving the threshold to zero."""
from __future__ import annotations

from typing import Any

from eval.metrics import unread

ANSWERABLE = ("answerable", "multi_doc")


def escalates(row: dict[str, Any], threshold: float, used: float) -> bool:
    """Whether the row would escalate at `threshold`, given it ran at `used`: an escalation that did not
    come from the reader (a market with no rules, no checkable citation, or a message the reader never read,
    whose answerability is reported as 0.0) stays one."""
    forced = row["status"] == "escalate" and (row["answerability"] >= used or unread(row))
    return forced or row["answerability"] < threshold


def sweep(rows: list[dict[str, Any]], used: float, steps: int = 100) -> list[dict[str, float]]:
    """False-escalation and unanswerable-escalated rates at each threshold from 0 to 1, over the messages read."""
    answerable = [r for r in rows if r["kind"] in ANSWERABLE and not unread(r)]
    unanswerable = [r for r in rows if r["kind"] == "unanswerable" and not unread(r)]
    out = []
    for step in range(steps + 1):
        t = step / steps
        out.append({"threshold": t,
                    "false_escalations": sum(escalates(r, t, used) for r in answerable) / max(1, len(answerable)),
                    "unanswerable_escalated": sum(escalates(r, t, used) for r in unanswerable) / max(1, len(unanswerable))})
    return out


def choose(sets: list[list[dict[str, Any]]], used: float, max_false: float = 0.05) -> dict[str, Any]:
    """The highest threshold that keeps false escalations of the messages read at or below max_false on every set
    that can be held to it; `left_out` lists (by position) the sets whose escalations from other rules alone pass
    the cap."""
    sweeps = [sweep(rows, used) for rows in sets]
    left_out = [n for n, points in enumerate(sweeps) if points[0]["false_escalations"] > max_false]
    held = [points for n, points in enumerate(sweeps) if n not in left_out] or sweeps
    ok = [points for points in zip(*held) if all(p["false_escalations"] <= max_false for p in points)]
    if not ok:
        return {"threshold": 0.0, "left_out": left_out}
    points = max(ok, key=lambda ps: ps[0]["threshold"])
    return {"threshold": points[0]["threshold"],
            "false_escalations": max(p["false_escalations"] for p in points),
            "unanswerable_escalated": min(p["unanswerable_escalated"] for p in points), "left_out": left_out}


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
    sets = [json.loads(path.read_text())["rows"] for path in args.results]
    for points in zip(*(sweep(rows, args.used, 20) for rows in sets)):
        print(f"{points[0]['threshold']:.2f}  " + "  |  ".join(
            f"{path.name}: false escalations {p['false_escalations']:.3f}, unanswerable escalated "
            f"{p['unanswerable_escalated']:.3f}" for path, p in zip(args.results, points)))
    chosen = choose(sets, args.used, args.max_false)
    for n in chosen["left_out"]:
        print(f"left out: {args.results[n].name} escalates more than {args.max_false:.0%} of its answerable questions "
              "of those read at any threshold (other rules' escalations)")
    print("chosen (the worst held set's rates, over the messages the reader read):",
          {k: v for k, v in chosen.items() if k != "left_out"})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
