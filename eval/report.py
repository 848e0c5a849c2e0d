"""Human-readable evaluation report."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from eval.data import KINDS


def retrieval_table(result: dict[str, Any]) -> Table:
    """Modes by metric, overall and per kind."""
    table = Table(title=f"Retrieval: {result.get('knowledge_base', '')} ({result['questions']} questions, split: {result['split']})")
    table.add_column("mode")
    for name in ("recall@5", "mrr@10"):
        table.add_column(name, justify="right")
    kinds = [k for k in KINDS if k in result["retrieval"]["hybrid"]["by_kind"]]
    for kind in kinds:
        table.add_column(f"{kind} r@5", justify="right")
    for mode, m in result["retrieval"].items():
        table.add_row(mode, f"{m['recall@5']:.3f}", f"{m['mrr@10']:.3f}",
                      *[f"{m['by_kind'][k]['recall@5']:.3f}" for k in kinds])
    return table


def answers_table(result: dict[str, Any]) -> Table:
    """Answer metrics for all questions and per split."""
    reader = result.get("reader") or {}
    used = f"; reader in {reader['precision']}, threshold {reader['threshold']}" if reader else ""
    table = Table(title=f"Drafts ({result['drafter']} drafter{used})")
    table.add_column("metric")
    columns = {"all": result["answers"], **result["answers_by_split"]}
    for name in columns:
        table.add_column(name, justify="right")
    for key in result["answers"]:
        table.add_row(key, *[fmt(columns[c][key]) for c in columns])
    return table


def fmt(value: Any) -> str:
    """Numbers to three decimals, others as they are."""
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def print_report(result: dict[str, Any]) -> None:
    """Both tables."""
    console = Console()
    console.print(retrieval_table(result))
    if "answers" in result:
        console.print(answers_table(result))
