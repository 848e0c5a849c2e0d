"""Activity page: logged drafts and replies with filters and CSV export, and content gaps by topic."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from assistant.activity import ActivityLog
from assistant.activity_report import HEAVY_EDIT, content_gaps, to_csv
from ui.common import safe_markdown

ANY = "all"
SHOWN = ["created_at", "rep", "creator_handle", "status", "topic", "team", "question", "final_text",
         "edit_ratio", "thumbs", "feedback_reason", "drafter"]


def date_range(value: object, default: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """The (since, until) pair from st.date_input, which gives one date while a range is half-picked."""
    if isinstance(value, (tuple, list)):
        if len(value) == 2:
            return value[0], value[1]
        if len(value) == 1:
            return value[0], value[0]
        return default
    return (value, value) if isinstance(value, dt.date) else default


def filters(log: ActivityLog) -> dict[str, Any]:
    """Date range, status, topic and rep menus; returns ActivityLog.query arguments."""
    today = dt.date.today()
    default = (today - dt.timedelta(days=30), today)
    cols = st.columns([2, 1, 1, 1])
    picked = cols[0].date_input("Dates", value=default, key="activity_dates")
    status = cols[1].selectbox("Status", [ANY, "answered", "escalate"], key="activity_status")
    topic = cols[2].selectbox("Topic", [ANY, *log.distinct("topic")], key="activity_topic")
    rep = cols[3].selectbox("Rep", [ANY, *log.distinct("rep")], key="activity_rep")
    since, until = date_range(picked, default)
    return {"since": since, "until": until, "status": "" if status == ANY else status,
            "topic": "" if topic == ANY else topic, "rep": "" if rep == ANY else rep}


def gap_reason(row: dict[str, Any]) -> str:
    """Why a row counts as a content gap, in a few words."""
    reasons = []
    if row.get("status") == "escalate":
        reasons.append("escalated")
    if row.get("thumbs") == 0:
        reasons.append("thumbs down")
    if (row.get("edit_ratio") or 0) > HEAVY_EDIT:
        reasons.append(f"edited {row['edit_ratio']:.0%}")
    return ", ".join(reasons)


def render_gaps(rows: list[dict[str, Any]]) -> None:
    """Escalations, thumbs-down and heavy edits per topic: a bar chart, then the questions behind each bar."""
    st.subheader("Content gaps")
    st.caption(f"Escalations, thumbs-down and replies that changed more than {HEAVY_EDIT:.0%} of the draft.")
    gaps = content_gaps(rows)
    if not gaps:
        st.caption("No gaps in this range.")
        return
    chart = pd.DataFrame({"topic": list(gaps), "drafts": [len(v) for v in gaps.values()]})
    st.bar_chart(chart, x="topic", y="drafts", x_label="Topic", y_label="Drafts", sort="-drafts")
    for topic, items in gaps.items():
        with st.expander(f"{safe_markdown(topic)} — {len(items)}"):
            for row in items:
                st.caption(f"{safe_markdown(row.get('created_at', ''))} · {safe_markdown(gap_reason(row))}")
                st.text(row.get("question", ""))


def render() -> None:
    """The Activity page."""
    from ui import get_activity_log

    log = get_activity_log()
    st.title("Activity")
    rows = log.query(**filters(log))
    st.caption(f"{len(rows)} draft{'s' if len(rows) != 1 else ''}. Personal data was redacted before it was saved.")
    if rows:
        labels = {c: c.replace("_", " ").capitalize() for c in SHOWN}
        labels["edit_ratio"] = st.column_config.NumberColumn("Edit ratio", format="%.2f")
        st.dataframe(pd.DataFrame(rows)[SHOWN], hide_index=True, column_config=labels)
    st.download_button("Download CSV", data=to_csv(rows), file_name="creator-desk-activity.csv",
                       mime="text/csv", on_click="ignore", icon=":material/download:", key="activity_csv")
    render_gaps(rows)


if __name__ == "__main__":  # st.navigation runs this file as the page script
    render()
