"""CSV export of the activity log: one row per draft whatever the line breaks, and no formula can run."""
from __future__ import annotations

import csv
import io

import pytest

from assistant.activity import COLUMNS
from assistant.activity_report import to_csv


def rows_with(question: str) -> list[dict]:
    return [{**dict.fromkeys(COLUMNS, ""), "id": 1, "draft_key": "a", "question": question, "final_text": "ok"},
            {**dict.fromkeys(COLUMNS, ""), "id": 2, "draft_key": "b", "question": "plain", "final_text": "ok"}]


@pytest.mark.parametrize("question", ["before\rafter", "before\r\nafter", "before\nafter", "a,b\"c\"\rd", "\r=1+1"])
def test_line_breaks_inside_a_value_keep_the_row_whole(question: str) -> None:
    text = to_csv(rows_with(question))
    parsed = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["draft_key"] for r in parsed] == ["a", "b"]
    assert parsed[0]["question"].lstrip("'") == question and parsed[0]["final_text"] == "ok"
    assert next(csv.reader(io.StringIO(text.splitlines()[-1]))) and text.splitlines()[-1].startswith('"2","b"')


@pytest.mark.parametrize("formula", [
    "=HYPERLINK(\"https://evil.example\")", "+1+1", "-2+3", "@SUM(A1)", " =1+1", "\n=1+1", "\r\n@SUM(A1)",
    "\u3000=1+1", "\uff1d1+1", "\u200b=1+1", "\ufeff+1", "\t=1", " \u200d\u3000-1",
])
def test_formula_prefixes_are_neutralised_after_any_blank(formula: str) -> None:
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows_with(formula)), newline="")))
    assert parsed[0]["question"] == "'" + formula


@pytest.mark.parametrize("ordinary", ["How long do withdrawals take?", "5 samples", "a-b", "Email me @ noon"])
def test_ordinary_text_is_left_as_it_is(ordinary: str) -> None:
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows_with(ordinary)), newline="")))
    assert parsed[0]["question"] == ordinary
