"""The activity log: WAL, idempotent schema and rows, no raw personal data on disk, CSV and gaps."""
from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
import threading
from pathlib import Path

import pytest

from assistant.activity import ActivityLog, DraftEntry, edit_ratio, make_draft_key
from assistant.activity_report import content_gaps, to_csv

EMAIL, PHONE, CARD, ORDER = "jess.doe@example.com", "+1 415 555 0134", "4111 1111 1111 1111", "576461163230694612"
PII_MESSAGE = f"Hi, I'm Jess ({EMAIL}, {PHONE}). Card {CARD} was charged for order {ORDER}. Where is my sample?"


def entry(key: str = "k1", **changes: object) -> DraftEntry:
    """A logged draft with sensible defaults."""
    values: dict = {"draft_key": key, "status": "answered", "question": "How many samples can I request?",
                    "draft_text": "Up to 5 a month [1].", "rep": "Ana", "topic": "samples", "region": "US"}
    values.update(changes)
    return DraftEntry(**values)


@pytest.fixture
def log(tmp_path: Path) -> ActivityLog:
    return ActivityLog(tmp_path / "activity.sqlite3")


def test_wal_busy_timeout_and_schema_version(log: ActivityLog) -> None:
    with sqlite3.connect(log.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    with log._connect() as conn:
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_opening_twice_keeps_schema_and_rows(log: ActivityLog) -> None:
    log.log_draft(entry())
    again = ActivityLog(log.path)
    assert again.schema_version() == 1 and len(again.query()) == 1


def test_newer_schema_is_refused(log: ActivityLog) -> None:
    with sqlite3.connect(log.path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(RuntimeError, match="newer"):
        ActivityLog(log.path)


def test_logging_the_same_draft_twice_keeps_one_row(log: ActivityLog) -> None:
    first = log.log_draft(entry())
    second = log.log_draft(entry(final_text="Up to 5 a month [1]. Thanks!"))
    third = log.log_draft(entry(final_text="Up to 5 a month [1]. Thanks!"))
    rows = log.query()
    assert first == second == third and len(rows) == 1
    assert rows[0]["final_text"] == "Up to 5 a month [1]. Thanks!" and 0 < rows[0]["edit_ratio"] < 0.5


def test_draft_key_depends_on_conversation_and_text() -> None:
    assert make_draft_key("c1", "text") == make_draft_key("c1", "text")
    assert len({make_draft_key("c1", "text"), make_draft_key("c2", "text"), make_draft_key("c1", "other")}) == 3


def test_relogging_without_a_reply_keeps_the_reply_and_feedback(log: ActivityLog) -> None:
    log.log_draft(entry(final_text="Sent text", thumbs=1, feedback_reason="good"))
    log.log_draft(entry())
    row = log.query()[0]
    assert (row["final_text"], row["thumbs"], row["feedback_reason"]) == ("Sent text", 1, "good")


def test_set_feedback(log: ActivityLog) -> None:
    log.log_draft(entry())
    assert log.set_feedback("k1", 0, f"wrong; creator is {EMAIL}")
    assert not log.set_feedback("missing", 1, "")
    row = log.query()[0]
    assert row["thumbs"] == 0 and EMAIL not in row["feedback_reason"] and "[EMAIL_1]" in row["feedback_reason"]


def test_personal_data_never_reaches_the_file(log: ActivityLog) -> None:
    log.log_draft(entry(question=PII_MESSAGE, draft_text=f"Hi Jess, we emailed {EMAIL} [1].", reason=f"call {PHONE}",
                        final_text=f"Hi Jess, card {CARD}, order {ORDER} [1].", creator_handle=EMAIL))
    log.set_feedback("k1", 0, f"Creator phone {PHONE}, card {CARD}")
    raw = b"".join(p.read_bytes() for p in log.path.parent.glob("activity.sqlite3*"))  # main file, -wal and -shm
    for secret in (EMAIL, PHONE, "555 0134", CARD, CARD.replace(" ", ""), ORDER):
        assert secret.encode() not in raw, secret
    assert "[EMAIL_1]" in log.query()[0]["question"]


def test_local_phones_cards_and_addresses_never_reach_the_file(log: ActivityLog) -> None:
    secrets = ["07911 123456", "012-345 6789", "9123 4567", "0917 123 4567", "0812-3456-7890", "081-234-5678",
               "4111.1111.1111.1111", "4111  1111  1111  1111", "221 baker street", "Jl. Sudirman No. 5", "SW1A 1AA"]
    message = "Reach me: " + "; ".join(secrets) + ". Where is my sample?"
    log.log_draft(entry(question=message, final_text=message, region="MY"))
    log.set_feedback("k1", 0, message)
    raw = b"".join(p.read_bytes() for p in log.path.parent.glob("activity.sqlite3*"))
    for secret in secrets:
        assert secret.encode() not in raw, secret


def test_query_filters(log: ActivityLog) -> None:
    log.log_draft(entry("a"))
    log.log_draft(entry("b", status="escalate", topic="payouts", rep="Bo"))
    today = dt.date.today()
    assert len(log.query(since=today, until=today)) == 2
    assert log.query(until=today - dt.timedelta(days=1)) == []
    assert [r["draft_key"] for r in log.query(status="escalate")] == ["b"]
    assert [r["draft_key"] for r in log.query(topic="samples", rep="Ana")] == ["a"]
    assert log.distinct("rep") == ["Ana", "Bo"]
    with pytest.raises(ValueError):
        log.distinct("question; DROP TABLE drafts")


def test_csv_export_holds_the_rows_and_defuses_formulas(log: ActivityLog) -> None:
    log.log_draft(entry("a", question="=HYPERLINK(\"https://evil.example\")"))
    log.log_draft(entry("b"))
    rows = list(csv.DictReader(io.StringIO(to_csv(log.query()))))
    assert {r["draft_key"] for r in rows} == {"a", "b"}
    assert next(r for r in rows if r["draft_key"] == "a")["question"].startswith("'=")
    assert to_csv([]).startswith('"id","draft_key","created_at"')  # every cell quoted, the header too


def test_content_gaps_group_escalations_thumbs_down_and_heavy_edits(log: ActivityLog) -> None:
    log.log_draft(entry("ok"))
    log.log_draft(entry("esc", status="escalate", topic="payouts"))
    log.log_draft(entry("down", thumbs=0, topic="payouts"))
    log.log_draft(entry("edited", final_text="Completely different words here, nothing alike.", topic="samples"))
    log.log_draft(entry("light", final_text="Up to 5 a month [1]!", topic="samples"))
    gaps = content_gaps(log.query())
    assert list(gaps) == ["payouts", "samples"]
    assert {r["draft_key"] for r in gaps["payouts"]} == {"esc", "down"}
    assert [r["draft_key"] for r in gaps["samples"]] == ["edited"]


def test_edit_ratio_bounds() -> None:
    assert edit_ratio("same", "same") == 0.0
    assert edit_ratio("abc", "xyz") == 1.0


def test_concurrent_writers_do_not_lose_or_duplicate_rows(log: ActivityLog) -> None:
    def work(n: int) -> None:
        for i in range(10):
            log.log_draft(entry(f"{n}-{i % 5}"))  # each key twice

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(log.query()) == 20


def test_forget_creator_deletes_their_rows(log: ActivityLog) -> None:
    log.log_draft(entry("a", creator_handle="@jess"))
    log.log_draft(entry("b", creator_handle="@bo"))
    assert log.forget_creator("@jess") == 1
    assert [r["creator_handle"] for r in log.query()] == ["@bo"]


def test_forget_command_reaches_the_configured_log(settings, capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m assistant forget @handle` is how a data-deletion request is carried out."""
    from assistant.__main__ import main

    log = ActivityLog(settings.activity_db)
    log.log_draft(entry("a", creator_handle="@jess"))
    log.log_draft(entry("b", creator_handle="@bo"))
    assert main(["forget", "@jess"]) == 0
    assert "Removed 1 activity-log row(s) about @jess." in capsys.readouterr().out
    assert [r["creator_handle"] for r in log.query()] == ["@bo"]


def test_forget_removes_exactly_one_creator_among_email_handles(log: ActivityLog) -> None:
    log.log_draft(entry("a", creator_handle="jess.doe@example.com"))
    log.log_draft(entry("b", creator_handle="Jess.Doe@Example.com"))
    log.log_draft(entry("c", creator_handle="bo.lee@example.com"))
    stored = {r["draft_key"]: r["creator_handle"] for r in log.query()}
    assert stored["a"] == stored["b"] != stored["c"]
    assert not any("@example.com" in h or h.startswith("[") for h in stored.values())
    assert log.forget_creator("jess.doe@example.com") == 2
    assert [r["draft_key"] for r in log.query()] == ["c"]


def test_forget_matches_every_spelling_of_a_handle_and_no_other(log: ActivityLog) -> None:
    for key, handle in {"a": "@GlowWithMaya", "b": "glowwithmaya", "c": " @glowwithmaya ", "d": "@glowwithmaya2",
                        "e": ""}.items():
        log.log_draft(entry(key, creator_handle=handle))
    assert log.forget_creator("@GLOWWITHMAYA") == 3
    assert sorted(r["draft_key"] for r in log.query()) == ["d", "e"]


def test_forget_finds_rows_logged_before_handles_were_normalised(log: ActivityLog) -> None:
    log.log_draft(entry("a", creator_handle="@maya"))
    with sqlite3.connect(log.path) as conn:  # the shapes earlier versions stored
        conn.execute("INSERT INTO drafts (draft_key, created_at, creator_handle, status) VALUES "
                     "('old1', '2026-01-01', '@Maya', 'answered'), ('old2', '2026-01-01', '[EMAIL_1]', 'answered')")
    assert log.forget_creator("maya") == 2
    assert log.forget_creator("someone@example.com") == 0  # a shared placeholder names no one
    assert [r["draft_key"] for r in log.query()] == ["old2"]


@pytest.mark.parametrize("handle", ["", "   ", "@"])
def test_forget_without_a_handle_removes_nothing(log: ActivityLog, handle: str) -> None:
    log.log_draft(entry("a"))
    with pytest.raises(ValueError):
        log.forget_creator(handle)
    assert len(log.query()) == 1


def test_the_hash_key_is_generated_once_private_and_out_of_git(tmp_path: Path) -> None:
    from settings import ROOT, Settings

    first = ActivityLog(tmp_path / "a.sqlite3")
    key_file = tmp_path / "a.sqlite3.key"
    assert key_file.stat().st_mode & 0o077 == 0 and len(key_file.read_text()) == 64
    assert ActivityLog(tmp_path / "a.sqlite3").key == first.key
    assert ActivityLog(tmp_path / "b.sqlite3", "configured key").key == b"configured key"
    default = Settings.model_fields["activity_db"].default
    assert default.parent == ROOT / ".store" and ".store/" in (ROOT / ".gitignore").read_text().splitlines()


def test_forget_command_reports_the_count_and_refuses_an_empty_handle(settings, capsys) -> None:
    from assistant.__main__ import main

    log = ActivityLog(settings.activity_db)
    log.log_draft(entry("a", creator_handle="maya@example.com"))
    log.log_draft(entry("b", creator_handle="bo@example.com"))
    assert main(["forget", "MAYA@example.com"]) == 0
    assert "Removed 1 activity-log row(s)" in capsys.readouterr().out
    assert main(["forget", "@"]) == 2 and "handle" in capsys.readouterr().err
    assert len(log.query()) == 1
