"""Twenty sessions draft at once on one shared assistant: no marker crosses sessions, logs or caches."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from assistant.activity import ActivityLog, DraftEntry, make_draft_key
from assistant.service import Assistant

NAMES = ["Avery", "Blake", "Casey", "Dakota", "Emery", "Finley", "Gray", "Harper", "Indigo", "Jordan",
         "Kendall", "Logan", "Morgan", "Noel", "Oakley", "Parker", "Quinn", "Riley", "Sawyer", "Tatum"]


def session(assistant: Assistant, log: ActivityLog, i: int) -> tuple[str, str, str]:
    """One rep session: draft, then log the reply with its marker."""
    marker = f"MRK{i:02d}X"
    message = f"Hi, I'm {NAMES[i]}. order {marker}: whats the paypal withdrawal fee in the US?"
    draft = assistant.ask(message, handle=f"@creator_{marker}")
    key = make_draft_key(f"conv-{marker}", draft.draft)
    log.log_draft(DraftEntry(draft_key=key, status=draft.status, question=message, draft_text=draft.draft,
                             creator_handle=f"@creator_{marker}", rep=f"rep-{marker}", final_text=draft.draft))
    return marker, draft.draft, key


def test_twenty_sessions_never_see_each_other(kb_assistant: Assistant, tmp_path: Path) -> None:
    log = ActivityLog(tmp_path / "activity.sqlite3")
    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(lambda i: session(kb_assistant, log, i), range(20)))
    markers = [m for m, _, _ in results]
    for i, (marker, text, _) in enumerate(results):
        assert text.startswith(f"Hi {NAMES[i]},"), text[:40]
        others = [n for n in NAMES if n != NAMES[i] and n in text] + [m for m in markers if m != marker and m in text]
        assert not others, (marker, others)
    rows = log.query()
    assert len(rows) == 20
    for row in rows:
        own = row["creator_handle"].removeprefix("@creator_").upper()  # handles are stored casefolded
        blob = " ".join(str(v) for v in row.values())
        assert [m for m in markers if m in blob] == [own], row
    state = repr(vars(kb_assistant)) + repr(vars(kb_assistant.searcher))
    assert not [m for m in markers if m in state], "per-user text must not stay in shared objects"
