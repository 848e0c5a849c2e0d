"""The ingest summary prints any file name and reason as text, whatever brackets they hold."""
from __future__ import annotations

import pytest

from ingest.cli_view import print_summary
from ingest.report import Report


def test_brackets_in_names_and_reasons_are_not_markup(capsys: pytest.CaptureFixture[str]) -> None:
    report = Report(failed=[{"path": "policies/bad[/x].pdf", "error": "policies/bad[/x].pdf is empty (0 bytes)"}],
                    flagged=[{"path": "policies/[bold]a.md", "flags": ["[/] removed"]}],
                    skipped=[{"path": "policies/[red]b.md", "reason": "links outside the knowledge base; not read"}])
    print_summary(report)
    out = capsys.readouterr().out
    for text in ("policies/bad[/x].pdf", "policies/[bold]a.md", "[/] removed", "policies/[red]b.md"):
        assert text in out
