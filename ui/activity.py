"""Activity page: logged drafts in local time with filters and CSV export, and content gaps by week and topic."""
from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd
import streamlit as st

from assistant.activity import ActivityLog
from assistant.activity_report import HEAVY_EDIT, content_gaps, to_csv
from ui.resources import get_activity_log

ANY = "all"
SHOWN = ["created_at", "rep", "creator_handle", "status", "topic", "team", "question", "final_text",
         "edit_ratio", "thumbs", "feedback_reason", "drafter"]
BAR_PX = 34  # height per bar: a chart of three topics is short, one of thirty is tall


def local_zone() -> dt.tzinfo:
    """The browser's time zone (st.context), else the server's."""
    try:
        return ZoneInfo(st.context.timezone) if st.context.timezone else dt.datetime.now().astimezone().tzinfo
    except (ZoneInfoNotFoundError, ValueError):
        return dt.datetime.now().astimezone().tzinfo or dt.timezone.utc


def local_time(iso: object, zone: dt.tzinfo) -> dt.datetime | None:
    """A stored UTC ISO timestamp in the rep's zone, without the zone suffix (the caption names it)."""
    try:
        stamp = dt.datetime.fromisoformat(str(iso))
    except ValueError:
        return None
    stamp = stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)
    return stamp.astimezone(zone).replace(tzinfo=None)


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


def gap_frame(rows: list[dict[str, Any]], zone: dt.tzinfo) -> pd.DataFrame:
    """One line per gap draft: local time, the week it falls in, topic, reason and question."""
    gaps = [(topic, row) for topic, items in content_gaps(rows).items() for row in items]
    times = [local_time(row.get("created_at"), zone) for _, row in gaps]
    return pd.DataFrame({
        "time": times, "week": [(t - dt.timedelta(days=t.weekday())).date() if t else None for t in times],
        "topic": [topic for topic, _ in gaps], "why": [gap_reason(row) for _, row in gaps],
        "status": [row.get("status", "") for _, row in gaps], "question": [row.get("question", "") for _, row in gaps],
    })


def render_gaps(rows: list[dict[str, Any]], zone: dt.tzinfo) -> None:
    """Gaps week by week and by topic, each chart sized to its bars, then the drafts behind a chosen gap."""
    st.subheader("Content gaps")
    st.caption(f"Escalations, thumbs-down and replies that changed more than {HEAVY_EDIT:.0%} of the draft.")
    gaps = gap_frame(rows, zone)
    if gaps.empty:
        st.caption("No gaps in this range.")
        return
    by_week = gaps.groupby("week").size().rename("gaps").reset_index()
    by_week["week"] = by_week["week"].astype(str)
    by_topic = gaps.groupby("topic").size().rename("gaps").reset_index().sort_values("gaps", ascending=False)
    left, right = st.columns(2, gap="large")
    with left:
        st.markdown("**By week** (weeks start on Monday)")
        st.bar_chart(by_week, x="week", y="gaps", x_label="Week", y_label="Gaps", height=260)
    with right:
        st.markdown("**By topic**")
        st.bar_chart(by_topic, x="topic", y="gaps", x_label="Gaps", y_label="Topic", horizontal=True,
                     sort="-gaps", height=BAR_PX * len(by_topic) + 80)
    topics = by_topic["topic"].tolist()
    picked = st.selectbox("Drafts behind a gap", topics, key="activity_gap_topic",
                          format_func=lambda t: f"{t} — {int(by_topic.set_index('topic').loc[t, 'gaps'])}")
    shown = gaps[gaps["topic"] == picked].drop(columns=["week", "topic"]).sort_values("time", ascending=False)
    st.dataframe(shown, hide_index=True, width="stretch", key="activity_gap_rows", column_config={
        "time": st.column_config.DatetimeColumn("When", format="D MMM YYYY, HH:mm"),
        "question": st.column_config.TextColumn("Question", width="large")})


def render() -> None:
    """The Activity page."""
    log, zone = get_activity_log(), local_zone()
    st.title("Activity")
    rows = log.query(**filters(log))
    st.caption(f"{len(rows)} draft{'s' if len(rows) != 1 else ''}, times in {zone}. "
               "Personal data was redacted before it was saved.")
    if rows:
        table = pd.DataFrame(rows)[SHOWN]
        table["created_at"] = [local_time(v, zone) for v in table["created_at"]]
        labels: dict[str, Any] = {c: c.replace("_", " ").capitalize() for c in SHOWN}
        labels["created_at"] = st.column_config.DatetimeColumn("When", format="D MMM YYYY, HH:mm")
        labels["edit_ratio"] = st.column_config.NumberColumn("Edit ratio", format="%.2f")
        st.dataframe(table, hide_index=True, column_config=labels)
    st.download_button("Download CSV", data=to_csv(rows), file_name="creator-desk-activity.csv",
                       mime="text/csv", on_click="ignore", icon=":material/download:", key="activity_csv")
    render_gaps(rows, zone)


if __name__ == "__main__":  # st.navigation runs this file as the page script
    render()
