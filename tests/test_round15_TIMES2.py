"""Round 15 (TIMES2): a state's weekday in another clause does not date an ETA, a change window
rescheduled with a colon, relative ETAs as ops people write them (instant, day, or a problem)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.log_rows import deadline_rows, event_rows, sla_deadline_rows
from tests.log_rows import read_file as _logs
from tests.log_rows import utc_dt as _ts


def _mentions(text: str) -> list[list]:
    from occ_lib.times import find_times

    return [[m.raw, m.at, m.keyword, m.problem]
            for m in find_times(text, day=dt.date(2025, 10, 8), tz="UTC")]


def _read(item: str) -> tuple[list[list], list[list]]:
    """The deadline rows ``[line, tickets, 'MM-DD HH:MM', precision, keyword, missed]`` and the problem
    rows ``[line, token, reason]`` of ``item`` written under a Wednesday."""
    from occ_lib.logs import parse_log

    parsed = parse_log("# 2025-10-08 (Wed)\n\n- " + item + "\n", "x.md")
    dl = parsed.deadlines
    rows = [[*r[:3], p, *r[3:]] for r, p in zip(deadline_rows(dl), dl["due_precision"], strict=True)]
    pr = parsed.problems
    return rows, [[int(n), t, r] for n, t, r in zip(pr["line"], pr["token"], pr["reason"], strict=True)]


# --- 1: a state's weekday in another clause is no day of the ETA -------------------------------------


def test_a_state_reached_on_a_weekday_leaves_the_eta_on_its_day() -> None:
    assert _mentions("OPS-1 ETA 15:00 UTC, fixed on Monday") == [
        ["15:00 UTC", _ts("2025-10-08 15:00"), "ETA", None],
        ["Monday", _ts("2025-10-06 00:00"), None, None],
    ]
    today = [[3, ["OPS-1"], "10-08 15:00", "minute", "ETA", False]]
    assert _read("OPS-1 ETA 15:00 UTC, fixed on Monday") == (today, [])
    assert _read("OPS-1 ETA 15:00 UTC fixed Monday")[0] == today
    # (the fix is dated to that Monday, as 'OPS-12 resolved on Monday' is)
    text = "# 2025-10-08 (Wed)\n\n- OPS-1 ETA 15:00 UTC, fixed on Monday\n"
    assert event_rows(text) == [
        [3, "10-06 00:00", "resolved", 0, ["OPS-1"], "OPS-1 ETA 15:00 UTC, fixed on Monday"]]
    # unchanged: a weekday right after the ETA's time is its day; a state to come names no day of it
    assert _read("OPS-1 ETA 15:00 UTC Monday")[0] == [[3, ["OPS-1"], "10-13 15:00", "minute", "ETA", False]]
    assert _read("OPS-1 ETA 15:00 UTC, will be fixed on Monday")[0] == today


# --- 2: a change window rescheduled with a colon ---------------------------------------------------------


def test_change_rescheduled_with_a_colon_moves_its_window(tmp_path: Path) -> None:
    text = (
        "# 2025-10-08 (Wed)\n\n"
        "- 09:00 UTC CHG0012345 window Thu 22:00-23:00 UTC\n"
        "- 11:00 UTC CHG0012345 rescheduled: Oct 10 22:00\n"
    )
    logs = _logs(tmp_path, text)
    assert deadline_rows(logs.deadlines) == [
        [3, ["CHG0012345"], "10-09 23:00", "window", False],
        [4, ["CHG0012345"], "10-10 22:00", "window", False],
    ]
    assert logs.deadlines["moves"].tolist() == [False, True]
    assert sla_deadline_rows(logs) == [
        [3, "CHG0012345", "10-09 23:00", "superseded"],
        [4, "CHG0012345", "10-10 22:00", "missed"],
    ]
    # (the same as 'rescheduled to'; a meeting rescheduled moves no promise, nor a colon of no move)
    to = _logs(tmp_path, text.replace("rescheduled:", "rescheduled to"))
    assert deadline_rows(to.deadlines) == deadline_rows(logs.deadlines)
    other = _logs(tmp_path, "# 2025-10-08 (Wed)\n\n- OPS-5 ETA 17:00 UTC\n"
                  "- OPS-5 standup rescheduled: 10:00 UTC\n- OPS-6 status: moved: 12:00 UTC\n")
    assert deadline_rows(other.deadlines) == [[3, ["OPS-5"], "10-08 17:00", "ETA", False]]


# --- 3: relative ETAs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("eta", "rows", "problems"),
    [
        # an instant relative to the item's time (10:00 UTC)
        ("ETA ~2h", [[3, ["OPS-1"], "10-08 12:00", "minute", "ETA", False]], []),
        ("ETA 30 min", [[3, ["OPS-1"], "10-08 10:30", "minute", "ETA", False]], []),
        ("ETA in 2 hours", [[3, ["OPS-1"], "10-08 12:00", "minute", "ETA", False]], []),
        ("ETA +1d", [[3, ["OPS-1"], "10-09 10:00", "minute", "ETA", False]], []),
        ("ETA +2h", [[3, ["OPS-1"], "10-08 12:00", "minute", "ETA", False]], []),
        ("ETA within the hour", [[3, ["OPS-1"], "10-08 11:00", "minute", "ETA", False]], []),
        ("ETA within the next hour", [[3, ["OPS-1"], "10-08 11:00", "minute", "ETA", False]], []),
        ("ETA in an hour", [[3, ["OPS-1"], "10-08 11:00", "minute", "ETA", False]], []),
        ("ETA half an hour", [[3, ["OPS-1"], "10-08 10:30", "minute", "ETA", False]], []),
        ("fix within the hour", [[3, ["OPS-1"], "10-08 11:00", "minute", "within", False]], []),
        # a range: its longer end, the latest the promise allows
        ("ETA 1-2 days", [[3, ["OPS-1"], "10-10 10:00", "minute", "ETA", False]], []),
        ("ETA 2-3h", [[3, ["OPS-1"], "10-08 13:00", "minute", "ETA", False]], []),
        ("ETA 1 to 2 days", [[3, ["OPS-1"], "10-10 10:00", "minute", "ETA", False]], []),
        # a time of day that reads as one is no duration too ('17h' with a zone)
        ("ETA 17h UTC", [[3, ["OPS-1"], "10-08 17:00", "minute", "ETA", False]], []),
        # a clock word with a zone: that time, today (noon EDT is 16:00 UTC, midnight PDT ends the day)
        ("ETA noon ET", [[3, ["OPS-1"], "10-08 16:00", "minute", "ETA", False]], []),
        ("ETA by midnight PT", [[3, ["OPS-1"], "10-09 07:00", "minute", "by", False]], []),
        # day precision
        ("ETA next week", [[3, ["OPS-1"], "10-17 00:00", "day", "ETA", False]], []),
        ("ETA: EOD Friday", [[3, ["OPS-1"], "10-10 00:00", "day", "ETA", False]], []),
        ("ETA COB tomorrow", [[3, ["OPS-1"], "10-09 00:00", "day", "ETA", False]], []),
        # too vague: a problem, no row
        ("ETA TBD", [], [[3, "TBD", "unknown time TBD"]]),
        ("ETA end of sprint", [], [[3, "end of sprint", "vague deadline end of sprint"]]),
        ("ETA: end of the sprint", [], [[3, "end of the sprint", "vague deadline end of the sprint"]]),
        ("due next sprint", [], [[3, "next sprint", "vague deadline next sprint"]]),
        # (a sprint's end with its date is that date; a sprint named is no deadline)
        ("ETA end of sprint (Oct 24)", [[3, ["OPS-1"], "10-24 00:00", "day", "ETA", False]], []),
        ("sprint focus unchanged", [], []),
    ],
)
def test_relative_etas(eta: str, rows: list, problems: list) -> None:
    assert _read("10:00 UTC OPS-1 " + eta) == (rows, problems)


def test_relative_eta_after_a_time_that_is_not_the_items_stamp() -> None:
    # ('ETA +2h', 'ETA within the hour' are the keyword's own values: 14:00 is the item's time)
    assert _read("OPS-1 down since 14:00 UTC ETA within the hour")[0] == [
        [3, ["OPS-1"], "10-08 15:00", "minute", "ETA", False]]
    assert _read("OPS-1 down since 14:00 UTC ETA +2h")[0] == [
        [3, ["OPS-1"], "10-08 16:00", "minute", "ETA", False]]


def test_relative_eta_of_an_item_known_to_its_day() -> None:
    # (hours after an unknown time: no row, as before, and a problem, round 15 MOVES; whole days: to the day)
    assert _read("OPS-1 ETA within the hour") == (
        [], [[3, "the hour", "relative deadline without the item's time"]])
    assert _read("OPS-1 ETA 1-2 days") == ([[3, ["OPS-1"], "10-10 00:00", "day", "ETA", False]], [])
    assert _read("OPS-1 ETA +1d") == ([[3, ["OPS-1"], "10-09 00:00", "day", "ETA", False]], [])


def test_duration_deadline_reads_the_new_forms() -> None:
    from occ_lib._extract import duration_deadline

    assert duration_deadline("ETA +1d") == (1440.0, "ETA", 5, 7)
    assert duration_deadline("ETA 1-2 days") == (2880.0, "ETA", 4, 12)
    assert duration_deadline("ETA within the hour") == (60.0, "ETA", 11, 19)
    assert duration_deadline("next update in half an hour") == (30.0, "update", 15, 27)
    assert duration_deadline("ETA hour") is None
    assert duration_deadline("errors within the hourly window") is None
