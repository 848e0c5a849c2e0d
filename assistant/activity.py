"""The activity log: drafts, replies sent, feedback and escalations in SQLite, personal data redacted."""
from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from assistant.handles import handle_id, load_key, same_creator
from assistant.pii import redact

SCHEMA_VERSION = 1
COLUMNS = ("id", "draft_key", "created_at", "rep", "creator_handle", "region", "topic", "status", "team",
           "reason", "drafter", "question", "draft_text", "final_text", "edit_ratio", "citations_json",
           "thumbs", "feedback_reason")
MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE IF NOT EXISTS drafts (
        id INTEGER PRIMARY KEY AUTOINCREMENT, draft_key TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL,
        rep TEXT NOT NULL DEFAULT '', creator_handle TEXT NOT NULL DEFAULT '', region TEXT NOT NULL DEFAULT '',
        topic TEXT NOT NULL DEFAULT '', status TEXT NOT NULL, team TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '', drafter TEXT NOT NULL DEFAULT '', question TEXT NOT NULL DEFAULT '',
        draft_text TEXT NOT NULL DEFAULT '', final_text TEXT, edit_ratio REAL,
        citations_json TEXT NOT NULL DEFAULT '[]', thumbs INTEGER CHECK (thumbs IN (0, 1)),
        feedback_reason TEXT NOT NULL DEFAULT '');
    CREATE INDEX IF NOT EXISTS drafts_created ON drafts(created_at);
    CREATE INDEX IF NOT EXISTS drafts_topic ON drafts(topic);
    """,
}
# On a repeat log, keep the first row's time and feedback; take the reply only when one is given.
UPSERT = f"""
INSERT INTO drafts ({", ".join(COLUMNS[1:])}) VALUES ({", ".join("?" * (len(COLUMNS) - 1))})
ON CONFLICT(draft_key) DO UPDATE SET
    rep = excluded.rep, creator_handle = excluded.creator_handle, region = excluded.region,
    final_text = COALESCE(excluded.final_text, drafts.final_text),
    edit_ratio = COALESCE(excluded.edit_ratio, drafts.edit_ratio),
    thumbs = COALESCE(excluded.thumbs, drafts.thumbs),
    feedback_reason = CASE WHEN excluded.thumbs IS NULL THEN drafts.feedback_reason ELSE excluded.feedback_reason END
"""


@dataclass
class DraftEntry:
    """One draft as the UI hands it to the log; free text is redacted on the way in."""

    draft_key: str
    status: str
    question: str
    draft_text: str
    rep: str = ""
    creator_handle: str = ""
    region: str = ""
    topic: str = ""
    team: str = ""
    reason: str = ""
    drafter: str = ""
    final_text: str | None = None  # None until the rep logs the reply they sent
    citations: list[dict[str, Any]] = field(default_factory=list)
    thumbs: int | None = None
    feedback_reason: str = ""


def make_draft_key(conversation_id: str, draft_text: str) -> str:
    """Idempotency key: the same draft in the same conversation always maps to one row."""
    return hashlib.sha256(f"{conversation_id}\n{draft_text}".encode("utf-8")).hexdigest()[:32]


def edit_ratio(draft_text: str, final_text: str) -> float:
    """How much of the draft the rep changed: 0 = sent as drafted, 1 = rewritten."""
    return round(1.0 - difflib.SequenceMatcher(None, draft_text, final_text, autojunk=False).ratio(), 4)


def scrub(text: str | None, region: str = "") -> str | None:
    """Personal data swapped for tokens before anything reaches the disk (phones read by the creator's
    market and every market we serve)."""
    return None if text is None else redact(text, region).text


def now_iso() -> str:
    """UTC time as sortable ISO text."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def day_start(day: dt.date) -> str:
    """Midnight UTC of a date, in the same ISO form as created_at."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).isoformat(timespec="seconds")


class ActivityLog:
    """SQLite activity log. Thread-safe: each call opens its own short-lived connection."""

    def __init__(self, path: Path | str, key: str | None = None):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.key = load_key(self.path, key)  # for the keyed hash of e-mail and phone handles
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")  # readers never block the writer; persists in the file
        self._migrate()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A connection with the pragmas every connection needs; closed on exit."""
        conn = sqlite3.connect(self.path, timeout=5.0, isolation_level=None)
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("PRAGMA foreign_keys = ON")
            yield conn
        finally:
            conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error, so no row is ever half-written."""
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _migrate(self) -> None:
        """Apply each migration above the file's user_version, once, in one transaction."""
        with self._transaction() as conn:  # executescript() would commit midway, so statements run singly
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            if current > SCHEMA_VERSION:
                raise RuntimeError(f"{self.path} was written by a newer Creator Desk (schema {current}).")
            for version in sorted(v for v in MIGRATIONS if v > current):
                for statement in filter(str.strip, MIGRATIONS[version].split(";")):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {int(version)}")

    def schema_version(self) -> int:
        """The applied schema version (PRAGMA user_version)."""
        with self._connect() as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    def log_draft(self, entry: DraftEntry) -> int:
        """Insert or update the row for entry.draft_key; returns its id."""
        ratio = None if entry.final_text is None else edit_ratio(entry.draft_text, entry.final_text)
        region = entry.region
        values = (entry.draft_key, now_iso(), scrub(entry.rep), handle_id(entry.creator_handle, self.key), entry.region,
                  entry.topic, entry.status, entry.team, scrub(entry.reason, region), entry.drafter,
                  scrub(entry.question, region), scrub(entry.draft_text, region), scrub(entry.final_text, region),
                  ratio, json.dumps(entry.citations, ensure_ascii=False), entry.thumbs,
                  scrub(entry.feedback_reason, region))
        with self._transaction() as conn:
            conn.execute(UPSERT, values)
            return int(conn.execute("SELECT id FROM drafts WHERE draft_key = ?", (entry.draft_key,)).fetchone()[0])

    def set_feedback(self, draft_key: str, thumbs: int, reason: str) -> bool:
        """Record thumbs (1 up, 0 down) and a reason on a logged draft; False if no such draft."""
        with self._transaction() as conn:
            cur = conn.execute("UPDATE drafts SET thumbs = ?, feedback_reason = ? WHERE draft_key = ?",
                               (int(bool(thumbs)), scrub(reason), draft_key))
            return cur.rowcount == 1

    def forget_creator(self, handle: str) -> int:
        """Delete every row about one creator, and no one else (a data-deletion request); returns rows removed."""
        target = handle_id(handle, self.key)
        if not target:
            raise ValueError("Give the creator's handle, e.g. @glowwithmaya.")
        with self._transaction() as conn:
            stored = [r[0] for r in conn.execute("SELECT DISTINCT creator_handle FROM drafts WHERE creator_handle != ''")]
            return sum(conn.execute("DELETE FROM drafts WHERE creator_handle = ?", (s,)).rowcount
                       for s in stored if same_creator(s, target, self.key))

    def query(self, since: dt.date | None = None, until: dt.date | None = None, status: str = "",
              topic: str = "", rep: str = "") -> list[dict[str, Any]]:
        """Rows matching the filters, newest first; empty filters match everything."""
        clauses, params = [], []
        if since:
            clauses.append("created_at >= ?")
            params.append(day_start(since))
        if until:
            clauses.append("created_at < ?")
            params.append(day_start(until + dt.timedelta(days=1)))
        for column, value in (("status", status), ("topic", topic), ("rep", rep)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._connect() as conn:
            rows = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM drafts {where} ORDER BY created_at DESC, id DESC",
                                params).fetchall()
        return [dict(row) for row in rows]

    def distinct(self, column: str) -> list[str]:
        """Distinct non-empty values of topic, rep or status, for filter menus."""
        if column not in {"topic", "rep", "status"}:
            raise ValueError(f"no filter on column {column!r}")
        with self._connect() as conn:
            rows = conn.execute(f"SELECT DISTINCT {column} FROM drafts WHERE {column} != '' ORDER BY 1").fetchall()
        return [row[0] for row in rows]
