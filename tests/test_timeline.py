"""occ_lib.timeline on constructed events tables (the columns of docs/architecture.md), exact values."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from occ_lib import timeline

EVENT_COLUMNS = [
    "source", "line", "section", "section_line", "at", "at_precision", "end_at", "kind", "level", "tickets",
    "artifacts", "channels", "urls", "http_status", "times", "item", "depth", "text",
]


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def events(*rows: tuple) -> pd.DataFrame:
    """Rows of ``(source, line, at, precision, kind, level, tickets, text)`` as a full events table."""
    recs = []
    for source, line, at, precision, kind, level, tickets, text in rows:
        recs.append(
            {
                "source": source, "line": line, "section": f"section of {line}", "section_line": 1,
                "at": ts(at) if at else pd.NaT, "at_precision": precision, "end_at": pd.NaT, "kind": kind,
                "level": level, "tickets": list(tickets), "artifacts": [], "channels": [], "urls": [],
                "http_status": pd.NA, "times": [], "item": "list", "depth": 0, "text": text,
            }
        )
    df = pd.DataFrame(recs, columns=EVENT_COLUMNS)
    df["at"] = pd.to_datetime(df["at"], utc=True).astype("datetime64[us, UTC]")
    df["end_at"] = pd.to_datetime(df["end_at"], utc=True).astype("datetime64[us, UTC]")
    df["http_status"] = df["http_status"].astype("Int64")
    return df


EV = events(
    ("b.md", 12, "2025-10-10 09:00", "minute", "escalation", 2, ["A-1"], "escalated A-1 to the manager"),
    ("a.md", 4, "2025-10-09 14:00", "minute", "note", 0, ["A-1"], "A-1 opened"),
    ("b.md", 3, None, None, "escalation", 3, ["B-2"], "CIO escalation for B-2 (undated section)"),
    ("a.md", 9, "2025-10-09 18:00", "minute", "follow_up", 1, ["A-1"], "pinged infra on A-1"),
    ("c.md", 2, "2025-10-10 06:00", "minute", "follow_up", 1, ["B-2", "A-1"], "B-2 and A-1 nudged"),
    ("a.md", 20, "2025-10-10 12:00", "minute", "follow_up", 1, ["A-1"], "second ping on A-1"),
    ("c.md", 7, "2025-10-11 08:00", "minute", "resolved", 0, ["A-1"], "A-1 closed"),
    ("b.md", 30, "2025-10-12 10:00", "minute", "escalation", 3, ["A-1"], "A-1 to the CTO"),
    ("a.md", 1, "2025-10-08", "day", "note", 0, ["C-3"], "C-3 mentioned"),
    ("a.md", 2, "2025-10-09 14:00", "minute", "note", 0, [], "no ticket here"),
)


def test_escalations_order_columns_and_values():
    tl = timeline.escalations(EV)
    assert list(tl.columns) == [
        "ticket", "at", "at_precision", "kind", "level", "source", "line", "section", "text", "via",
    ]
    assert set(tl["via"]) == {"text"}  # (a hand-made table has no sections, hence no threads)
    got = [(r.ticket, r.at, r.source, r.line, r.kind, r.level) for r in tl.itertuples()]
    nat = pd.NaT
    assert got[:-1] == [
        ("C-3", ts("2025-10-08 00:00"), "a.md", 1, "note", 0),
        ("A-1", ts("2025-10-09 14:00"), "a.md", 4, "note", 0),
        ("A-1", ts("2025-10-09 18:00"), "a.md", 9, "follow_up", 1),
        # one event, two tickets: in the order the event mentions them
        ("B-2", ts("2025-10-10 06:00"), "c.md", 2, "follow_up", 1),
        ("A-1", ts("2025-10-10 06:00"), "c.md", 2, "follow_up", 1),
        ("A-1", ts("2025-10-10 09:00"), "b.md", 12, "escalation", 2),
        ("A-1", ts("2025-10-10 12:00"), "a.md", 20, "follow_up", 1),
        ("A-1", ts("2025-10-11 08:00"), "c.md", 7, "resolved", 0),
        ("A-1", ts("2025-10-12 10:00"), "b.md", 30, "escalation", 3),
    ]
    last = tl.iloc[-1]
    assert (last["ticket"], last["source"], last["line"], last["level"]) == ("B-2", "b.md", 3, 3)
    assert last["at"] is nat or pd.isna(last["at"])
    assert str(tl["at"].dtype) == "datetime64[us, UTC]"
    assert tl["line"].dtype == "int64" and tl["level"].dtype == "int64"
    assert tl.loc[0, "section"] == "section of 1" and tl.loc[0, "text"] == "C-3 mentioned"
    assert tl.loc[0, "at_precision"] == "day"


def test_escalations_ties_break_on_source_then_line():
    ev = events(
        ("z.md", 1, "2025-10-10 17:20", "minute", "note", 0, ["X-1"], "z"),
        ("a.md", 9, "2025-10-10 17:20", "minute", "note", 0, ["X-1"], "a9"),
        ("a.md", 3, "2025-10-10 17:20", "minute", "note", 0, ["X-1"], "a3"),
    )
    assert timeline.escalations(ev)["text"].tolist() == ["a3", "a9", "z"]


def test_escalations_accepts_logs_object_and_filters_tickets_case_insensitively():
    logs = SimpleNamespace(events=EV, deadlines=pd.DataFrame())
    tl = timeline.escalations(logs, ["b-2"])
    assert tl["ticket"].tolist() == ["B-2", "B-2"]
    assert tl["line"].tolist() == [2, 3]


def test_escalations_empty_and_ticketless_inputs():
    for ev in (EV.iloc[0:0], EV[EV["tickets"].map(len) == 0]):
        tl = timeline.escalations(ev)
        assert tl.empty
        assert list(tl.columns) == list(timeline.TIMELINE_COLUMNS)
        assert str(tl["at"].dtype) == "datetime64[us, UTC]"


def test_escalations_rejects_other_input():
    with pytest.raises(TypeError, match="Logs or an events DataFrame"):
        timeline.escalations(["not", "a", "table"])


H = pd.Timedelta(hours=1)


def test_summary_exact_as_of_sunday_midnight():
    s = timeline.summary(EV, "2025-10-12T00:00:00Z")
    assert list(s.columns) == list(timeline.SUMMARY_COLUMNS)
    assert s["ticket"].tolist() == ["C-3", "A-1", "B-2"]
    rows = {r["ticket"]: r for r in s.to_dict("records")}
    a = rows["A-1"]
    assert a["first_seen"] == ts("2025-10-09 14:00")
    assert a["first_follow_up"] == ts("2025-10-09 18:00")
    assert a["first_escalation"] == ts("2025-10-10 09:00")
    assert a["max_level"] == 2  # the level-3 escalation came after as_of
    assert (a["follow_ups"], a["escalations"]) == (3, 1)
    assert a["resolved_at"] == ts("2025-10-11 08:00")
    assert a["time_to_escalate"] == 19 * H
    assert a["time_to_resolve"] == 42 * H
    assert pd.isna(a["open_age"])
    assert a["status"] == "resolved"
    b = rows["B-2"]
    assert (b["first_seen"], b["first_follow_up"]) == (ts("2025-10-10 06:00"), ts("2025-10-10 06:00"))
    assert pd.isna(b["first_escalation"]) and pd.isna(b["resolved_at"])  # the undated CIO escalation
    assert (b["max_level"], b["follow_ups"], b["escalations"]) == (1, 1, 0)
    assert pd.isna(b["time_to_escalate"]) and pd.isna(b["time_to_resolve"])
    assert b["open_age"] == 42 * H and b["status"] == "open"
    c = rows["C-3"]
    assert c["first_seen"] == ts("2025-10-08 00:00")
    assert (c["max_level"], c["follow_ups"], c["escalations"], c["status"]) == (0, 0, 0, "open")
    assert c["open_age"] == pd.Timedelta(days=4)
    assert (a["day_precision"], b["day_precision"], c["day_precision"]) == ("", "", "first_seen")
    assert str(s["time_to_escalate"].dtype) == "timedelta64[us]"
    assert str(s["resolved_at"].dtype) == "datetime64[us, UTC]"


def test_summary_names_the_instants_known_only_to_the_day():
    """A day-precision event sits at its date's UTC midnight but could be any time that day: a
    timed event of the same day comes first; the summary says which instants are dates, not times."""
    ev = events(
        ("d.md", 5, "2025-10-10 07:00", "minute", "note", 0, ["D-4"], "D-4 timed"),
        ("d.md", 2, "2025-10-10", "day", "follow_up", 1, ["D-4"], "followed up on D-4 that day"),
        ("d.md", 9, "2025-10-11 09:30", "minute", "escalation", 2, ["D-4"], "D-4 to the manager"),
        ("d.md", 11, "2025-10-12", "day", "resolved", 0, ["D-4"], "D-4 closed that day"),
        ("e.md", 1, "2025-10-10", "day", "note", 0, ["E-5"], "E-5 dated only"),
        ("e.md", 3, "2025-10-10 00:00", "minute", "follow_up", 1, ["E-5"], "E-5 at midnight exactly"),
    )
    s = timeline.summary(ev, "2025-10-13T00:00:00Z").set_index("ticket")
    d = s.loc["D-4"]
    # (the follow-up known only to its day came that day, after the timed first sighting: not before it)
    assert (d["first_seen"], d["first_follow_up"]) == (ts("2025-10-10 07:00"), ts("2025-10-10 07:00"))
    assert (d["first_escalation"], d["resolved_at"]) == (ts("2025-10-11 09:30"), ts("2025-10-12 00:00"))
    assert d["day_precision"] == "first_follow_up, resolved_at"
    assert d["time_to_escalate"] == pd.Timedelta(hours=26, minutes=30)
    e = s.loc["E-5"]
    assert (e["first_seen"], e["first_follow_up"]) == (ts("2025-10-10 00:00"), ts("2025-10-10 00:00"))
    assert e["day_precision"] == ""  # the timed event at 00:00 wins the tie
    # a date-only event stays first when the first timed one is on a later day
    f = timeline.summary(events(
        ("f.md", 1, "2025-10-09", "day", "note", 0, ["F-6"], "F-6 dated only"),
        ("f.md", 2, "2025-10-10 00:00", "minute", "escalation", 2, ["F-6"], "F-6 to the manager"),
    ), "2025-10-13T00:00:00Z").set_index("ticket").loc["F-6"]
    assert (f["first_seen"], f["day_precision"]) == (ts("2025-10-09 00:00"), "first_seen")


def test_summary_before_the_resolution_is_open():
    s = timeline.summary(EV, pd.Timestamp("2025-10-11 00:00"))  # naive: read as UTC
    a = s.set_index("ticket").loc["A-1"]
    assert a["status"] == "open"
    assert pd.isna(a["resolved_at"]) and pd.isna(a["time_to_resolve"])
    assert a["open_age"] == 34 * H
    assert (a["follow_ups"], a["escalations"], a["max_level"]) == (3, 1, 2)


def test_summary_as_of_is_inclusive_and_later_events_count_after_it():
    s = timeline.summary(EV, "2025-10-11T08:00:00+00:00").set_index("ticket")
    assert s.loc["A-1", "status"] == "resolved"
    s = timeline.summary(EV, "2025-10-13T00:00:00Z").set_index("ticket")
    assert (s.loc["A-1", "max_level"], s.loc["A-1", "escalations"]) == (3, 2)
    assert s.loc["A-1", "resolved_at"] == ts("2025-10-11 08:00")


def test_summary_before_anything_and_with_ticket_filter():
    s = timeline.summary(EV, "2025-10-01T00:00:00Z")
    assert s.empty and list(s.columns) == list(timeline.SUMMARY_COLUMNS)
    s = timeline.summary(EV, "2025-10-12T00:00:00Z", ["c-3"])
    assert s["ticket"].tolist() == ["C-3"]


def test_one_ticket_given_as_a_str_is_that_ticket_and_bad_as_of_names_the_parameter():
    from occ_lib.errors import ArgumentError, OccError

    logs = _logs_for_str_test()
    as_list = timeline.summary(logs, as_of="2025-10-13", tickets=["pay-1"])
    as_str = timeline.summary(logs, as_of="2025-10-13", tickets="pay-1")
    assert as_str["ticket"].tolist() == as_list["ticket"].tolist() == ["PAY-1"]
    assert timeline.escalations(logs, tickets="PAY-1")[["ticket", "kind"]].to_dict("records") == [
        {"ticket": "PAY-1", "kind": "note"}, {"ticket": "PAY-1", "kind": "resolved"},
    ]
    with pytest.raises(ArgumentError) as err:
        timeline.summary(logs, as_of="last monday")
    assert isinstance(err.value, OccError) and isinstance(err.value, ValueError)
    assert str(err.value) == "as_of: not a date or time: 'last monday' (expected YYYY-MM-DD or ISO 8601)"


def _logs_for_str_test():
    from occ_lib.logs import parse_log

    return parse_log(
        "## 2025-10-07\n- 09:00 UTC PAY-1 payments slow\n- 10:00 UTC PAY-1 fixed and closed\n"
        "- 11:00 UTC PAY-22 card errors\n",
        "x.md",
    )


def test_as_utc_reads_offsets_and_rejects_garbage():
    assert timeline.as_utc("2025-10-09T19:20:00-04:00") == ts("2025-10-09 23:20")
    with pytest.raises(ValueError):
        timeline.as_utc("not a time")


def test_escalations_of_a_minimal_hand_made_table():
    ev = pd.DataFrame(
        {
            "source": ["x.md", "x.md"],
            "line": [2, 1],
            "at": [ts("2025-10-10 10:00"), ts("2025-10-10 09:00")],
            "kind": ["resolved", "escalation"],
            "tickets": [["Q-1"], ["Q-1"]],
        }
    )
    tl = timeline.escalations(ev)
    assert tl[["line", "kind", "level"]].values.tolist() == [[1, "escalation", 0], [2, "resolved", 0]]
    assert tl["text"].isna().all() and tl["section"].isna().all()
    s = timeline.summary(ev, "2025-10-10T12:00:00Z").iloc[0]
    assert (s["time_to_escalate"], s["time_to_resolve"]) == (pd.Timedelta(0), pd.Timedelta(hours=1))
    with pytest.raises(ValueError, match="lacks column"):
        timeline.escalations(ev.drop(columns="kind"))


def test_first_events_let_a_date_yield_to_a_time_of_its_day():
    f = pd.DataFrame({
        "ticket": ["A", "A", "B", "B", "C", "C", "D"],
        "at": pd.to_datetime([
            "2025-10-10 00:00", "2025-10-10 23:59",  # A: a time that day comes first
            "2025-10-10 00:00", "2025-10-11 00:00",  # B: the next day's midnight does not
            "2025-10-10 05:00", "2025-10-09 00:00",  # C: a date the day before is first
            "2025-10-10 00:00",
        ], utc=True),
        "at_precision": ["day", "minute", "day", "minute", "minute", "day", "day"],
    }, index=[10, 11, 20, 21, 30, 31, 40])
    assert timeline.first_events(f).to_dict() == {"A": 11, "B": 20, "C": 31, "D": 40}
