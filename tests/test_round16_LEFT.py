"""Round 16 (LEFT): readings left from earlier rounds. Device and host names with a zero-padded number
('PRN-03', 'SW-01') are no tickets; a change calendar row approved for 'Thu 14:00' under a Wednesday's
section is that week's Thursday; 'next business day' is the next weekday (Fri -> Mon); an undated item
under a week heading is on the day of the last dated item before it; what 'closes' at a time is a
deadline only when someone commits to act before it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from occ_lib import times
from occ_lib._extract import tickets
from occ_lib.logs import parse_log, read_logs
from tests.log_rows import deadline_rows, short_event_rows, text_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round16"


# 1: device and host names ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("printer queue on PRN-03 stuck", []),
        ("switch SW-01 rebooted, AP-07 down", []),
        ("the DNS-01 solver failed", []),
        ("FS-01 and DB-012 failed over, OPS-9 opened", ["OPS-9"]),
        ("HS-44721 linked to OPS-9 and OCC-INF-221", ["HS-44721", "OPS-9", "OCC-INF-221"]),
        ("OPS-10 and OPS-100 and OPS-1001", ["OPS-10", "OPS-100", "OPS-1001"]),
        ("OPS-0, OPS-00 are names", []),
    ],
)
def test_a_zero_padded_number_is_a_device_not_a_ticket(text, expected):
    assert tickets(text) == expected


def test_the_printer_names_no_ticket_in_the_msp_item():
    text = (
        "# Log\nAll times UTC.\n\n## 2025-10-17\n\n"
        "- 16:55 ACME-1251 opened (P2, printer queue on PRN-03 stuck).\n"
    )
    # (a note: the opened ticket's symptom in brackets is no blocker, round 16 LEFT2)
    assert short_event_rows(text) == [[6, "10-17 16:55", "note", 0, ["ACME-1251"]]]


# 2: a change calendar row's weekday under a dated section ------------------------------------------------
_CAL = (
    "# CAB\nAll times UTC.\n\n## {day}\n\n| Change | Window | Owner | Status |\n|---|---|---|---|\n"
    "| CHG-1 db upgrade | Thu 14:00 | Lee | Planned |\n"
    "| CHG-2 cdn | Thu 14:00-15:00 | Lee | Approved |\n"
    "| CHG-3 dns | Thu 14:00 | Lee | Pending |\n"
    "| CHG-4 kafka | Thu 14:00 | Lee | Done |\n"
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # (a Wednesday: the Thursday after; a done row's Thursday is the one before)
        ("2025-10-08", ["10-09 14:00", "10-09 14:00", "10-09 14:00", "10-02 14:00"]),
        # (a Thursday: that day)
        ("2025-10-09", ["10-09 14:00", "10-09 14:00", "10-09 14:00", "10-09 14:00"]),
        ("Thu 2025-10-09", ["10-09 14:00", "10-09 14:00", "10-09 14:00", "10-09 14:00"]),
    ],
)
def test_a_promised_calendar_rows_weekday_is_on_or_after_its_sections_day(day, expected):
    ev = parse_log(_CAL.format(day=day), "x.md").events
    firsts = ev.drop_duplicates("line")
    assert firsts["line"].tolist() == [8, 9, 10, 11]
    assert [a.strftime("%m-%d %H:%M") for a in firsts["at"]] == expected


# 3 and 4: next business day; an undated item under a week heading ---------------------------------------
@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2025, 10, 13), "2025-10-14T14:00:00+00:00"),  # Mon -> Tue
        (dt.date(2025, 10, 16), "2025-10-17T14:00:00+00:00"),  # Thu -> Fri
        (dt.date(2025, 10, 17), "2025-10-20T14:00:00+00:00"),  # Fri -> Mon
        (dt.date(2025, 10, 18), "2025-10-20T14:00:00+00:00"),  # Sat -> Mon
        (dt.date(2025, 10, 19), "2025-10-20T14:00:00+00:00"),  # Sun -> Mon
    ],
)
def test_next_business_day_is_the_next_weekday(day, expected):
    ms = times.find_times("ETA next business day 10:00", day=day, tz="America/New_York")
    assert [(m.at.isoformat(), m.keyword, m.precision) for m in ms] == [(expected, "ETA", "minute")]


def test_next_business_day_deadlines():
    text = (
        "# Log\nAll times ET.\n\n## 2025-10-17\n\n"
        "- 16:55 ACME-1251 opened (P2). Per contract, response due next business day by 12:55 ET.\n"
        "- 17:10 OPS-4 due next working day\n"
        "- 17:15 OPS-5 due tomorrow by 12:55\n"
        "- 17:20 OPS-6 ETA next business day after the firmware window.\n"
    )
    assert text_deadline_rows(text) == [
        [6, ["ACME-1251"], "10-20 16:55", "by", False],
        [7, ["OPS-4"], "10-20 00:00", "due", False],
        [8, ["OPS-5"], "10-18 16:55", "by", False],
    ]
    dl = parse_log(text, "x.md").deadlines
    assert dl["due_precision"].tolist() == ["minute", "day", "minute"]


def test_an_undated_item_under_a_week_heading_is_on_the_last_dated_items_day():
    logs = read_logs([str(FIX / "left_week_msp.md")])
    ev = logs.events
    assert [[n, a.strftime("%m-%d %H:%M"), p] for n, a, p in zip(
        ev["line"], ev["at"], ev["at_precision"], strict=True)] == [
        [6, "10-06 00:00", "day"],  # (nothing dated before it: the week's Monday)
        [7, "10-07 18:30", "minute"],
        [8, "10-07 00:00", "day"],  # (after Tuesday's item: Tuesday)
        [9, "10-07 13:40", "minute"],  # (its bare time on Tuesday too)
        [13, "10-17 20:55", "minute"],
    ]
    assert deadline_rows(logs.deadlines) == [
        [8, ["ACME-1240"], "10-08 00:00", "ETA", False],  # (the business day after Tuesday)
        [13, ["ACME-1251"], "10-20 16:55", "by", False],  # (Friday -> Monday)
    ]


# 5: what closes at a time ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (a schedule: no promise)
        ("14:10 OPS-11 submission closes at 16:00 ET", [("2025-10-09T18:10:00+00:00", None),
                                                       ("2025-10-09T20:00:00+00:00", None)]),
        ("Fedwire closes 18:00 ET", [("2025-10-09T22:00:00+00:00", None)]),
        # (someone commits to act before it)
        ("OPS-11 we will file before submission closes at 16:00 ET",
         [("2025-10-09T20:00:00+00:00", "before")]),
        ("OPS-11 must be sent before the ACH portal closes 16:00 ET",
         [("2025-10-09T20:00:00+00:00", "before")]),
        # (a window's own end)
        ("OPS-10 the window closes 14:45", [("2025-10-09T18:45:00+00:00", "window")]),
    ],
)
def test_what_closes_at_a_time_is_a_deadline_only_when_someone_commits(text, expected):
    ms = times.find_times(text, day=dt.date(2025, 10, 9), tz="America/New_York")
    assert [(m.at.isoformat(), m.keyword) for m in ms] == expected
