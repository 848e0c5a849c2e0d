"""Terminal progress bars and the summary table for `python -m ingest`, drawn with rich."""
from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ingest.report import Report


class ProgressView:
    """Two bars, files and chunks, on stderr so --json output stays clean."""

    def __init__(self, enabled: bool = True):
        self.console = Console(stderr=True)
        self.progress = Progress(TextColumn("{task.description:<8}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=self.console, disable=not enabled)
        self.tasks: dict[str, int] = {}

    def __enter__(self) -> "ProgressView":
        self.progress.start()
        return self

    def __exit__(self, kind: type | None, err: BaseException | None, tb: TracebackType | None) -> None:
        self.progress.stop()

    def update(self, stage: str, done: int, total: int) -> None:
        """Advance the bar for 'files' or 'chunks' (total 0 means not known yet)."""
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=total or None)
        self.progress.update(self.tasks[stage], completed=done, total=total or None)


def print_summary(report: Report) -> None:
    """A table of what happened, then each failure with its reason."""
    console = Console()
    table = Table(title="Dry run: nothing written" if report.dry_run else "Ingest summary")
    table.add_column("result")
    table.add_column("files", justify="right")
    for name in ("added", "updated", "removed", "unchanged"):
        table.add_row(name, str(len(getattr(report, name))))
    table.add_row("failed", str(len(report.failed)), style="red" if report.failed else None)
    table.add_row("chunks written", str(report.chunks))
    table.add_row("chunks in index", str(report.total_chunks))
    table.add_row("seconds", f"{report.seconds:.1f}")
    console.print(table)
    for item in report.failed:  # names and reasons are escaped: '[/x]' in a file name is not markup
        console.print(f"[red]failed[/red] {escape(item['path'])}: {escape(item['error'])}", highlight=False)
    for item in report.flagged:
        console.print(f"[yellow]flagged[/yellow] {escape(item['path'])}: {escape('; '.join(item['flags']))}",
                      highlight=False)
    for item in report.skipped:
        console.print(f"skipped {escape(item['path'])}: {escape(item['reason'])}", highlight=False)
