"""Round 16 (PROSED): dates a product manager writes in prose, read as deadlines relative to the item's
day: British 'Thursday week' and 'Monday fortnight', 'in two weeks' time' after a promise, 'by the 3rd'
(a day of the month), and 'mid-October' / 'late Q4' (a vague deadline, a problem row, never a guess)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import occ_lib
from occ_lib.logs import parse_log
from occ_lib.times import find_times, find_times_many
from tests.log_rows import deadline_rows, text_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round16"
MON = dt.date(2025, 10, 6)  # a Monday


def _read(text: str, day: dt.date = MON) -> list[list]:
    return [[m.raw, None if m.at is None else m.at.strftime("%Y-%m-%d %H:%M"), m.keyword, m.problem]
            for m in find_times(text, day=day, tz="UTC")]


# 1: a weekday a week or a fortnight on ---------------------------------------------------------------
@pytest.mark.parametrize(("text", "day", "expected"), [
    ("ETA Thursday week", MON, [["Thursday week", "2025-10-16 00:00", "ETA", None]]),
    ("due a week on Friday", MON, [["a week on Friday", "2025-10-17 00:00", "due", None]]),
    ("due a week from Friday", MON, [["a week from Friday", "2025-10-17 00:00", "due", None]]),
    ("ETA Monday fortnight", MON, [["Monday fortnight", "2025-10-20 00:00", "ETA", None]]),
    # (said on a Thursday: a week today; said on the Friday after: the next Thursday's week)
    ("ETA Thursday week", dt.date(2025, 10, 9), [["Thursday week", "2025-10-16 00:00", "ETA", None]]),
    ("ETA Thursday week", dt.date(2025, 10, 10), [["Thursday week", "2025-10-23 00:00", "ETA", None]]),
    ("ETA Thursday week 10:00 UTC", MON, [["10:00 UTC", "2025-10-16 10:00", "ETA", None]]),
    ("due a week on Friday at 17:00 UTC", MON, [["17:00 UTC", "2025-10-17 17:00", "due", None]]),
])
def test_a_weekday_a_week_or_a_fortnight_on(text, day, expected):
    assert _read(text, day) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ETA Thursday", [["Thursday", "2025-10-09 00:00", "ETA", None]]),  # (unchanged)
    ("standup Thursday weekly", []),
    # (a week from a day said earlier: which day is not known, so no deadline)
    ("it was due Thursday week, so we are early", []),
    ("Joost is out Thursday week", []),  # (no deadline word: no mention, as 'out Thursday' is none)
])
def test_a_weekday_week_that_is_no_later_day(text, expected):
    assert _read(text) == expected


def test_a_weeks_number_after_a_weekday_is_no_week_on():
    # ('Monday week 42': a week's number, never 'Monday week' a week on; 'Monday' alone is pre-existing)
    assert [r[0] for r in _read("ETA Monday week 42")] == ["Monday"]


# 2: a span from the item's day after a promise -------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("Joost promised \"in two weeks' time\"", [["in two weeks' time", "2025-10-20 00:00", "promised", None]]),
    ("vendor promised the fix in 2 weeks", [["in 2 weeks", "2025-10-20 00:00", "promised", None]]),
    ("ETA in 3 days", [["in 3 days", "2025-10-09 00:00", "ETA", None]]),
    ("ETA in three days", [["in three days", "2025-10-09 00:00", "ETA", None]]),
    ("due a fortnight from now", [["a fortnight from now", "2025-10-20 00:00", "due", None]]),
    ("they expect it within a week", [["within a week", "2025-10-13 00:00", "expects", None]]),
])
def test_a_span_after_a_promise_is_a_deadline_from_the_items_day(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text", [
    "rollout in 2 weeks",  # (no promise nor deadline word: what is planned, not promised)
    "we waited in three days of silence",
    "it would have been done in 3 days",  # (a past conditional)
    "p99 over 2 days was fine",
])
def test_a_span_without_a_promise_is_no_mention(text):
    assert _read(text) == []


# 3: a day of the month -------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "day", "expected"), [
    ("due on the 14th", MON, [["on the 14th", "2025-10-14 00:00", "due", None]]),
    ("ETA by the 3rd", MON, [["the 3rd", "2025-11-03 00:00", "by", None]]),  # (past: next month's)
    ("ETA the 6th", MON, [["the 6th", "2025-10-06 00:00", "ETA", None]]),  # (today is not past)
    ("they promised it on the 14th", MON, [["on the 14th", "2025-10-14 00:00", "promised", None]]),
    ("ETA by the 5th", dt.date(2025, 12, 20), [["the 5th", "2026-01-05 00:00", "by", None]]),
    # (no 31st in November: a problem, no guess)
    ("ETA by the 31st", dt.date(2025, 10, 31), [["the 31st", "2025-10-31 00:00", "by", None]]),
    ("due the 31st", dt.date(2025, 11, 5), [["the 31st", None, "due", "no such date the 31st"]]),
])
def test_a_day_of_the_month_is_the_next_such_day(text, day, expected):
    assert _read(text, day) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # (before: 17:00 and 10:00 on the text's day, no deadline)
    ("ETA the 14th at 17:00 UTC", [["the 14th at 17:00 UTC", "2025-10-14 17:00", "ETA", None]]),
    ("ETA in 3 days at 10:00", [["in 3 days at 10:00", "2025-10-09 10:00", "ETA", None]]),
])
def test_a_prose_day_joined_to_a_time_dates_it(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text", [
    "arrived at 09:00 on the 14th as promised",  # (a past day, no deadline word: only the time)
    "credentials would be issued on the 14th and",  # (a plan told: see findings)
    "due on the 14th floor",
    "the 3rd attempt failed",
    "ETA the 3rd attempt",
    "OPS-1 was fixed by the 3rd",  # (a state reached: when it was, no promise)
    "Arun is on leave until the 20th",  # (an absence's end)
])
def test_an_ordinal_that_is_no_deadline_day(text):
    assert [r for r in _read(text) if "the" in r[0]] == []


# 4: part of a month or a quarter: a vague deadline --------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("ETA mid-October", [["mid-October", None, "ETA", "vague deadline mid-October"]]),
    ("due early November", [["early November", None, "due", "vague deadline early November"]]),
    ("target late Q4", [["late Q4", None, "target", "vague deadline late Q4"]]),
    ("legal expects the redline mid-October",
     [["mid-October", None, "expects", "vague deadline mid-October"]]),
    # (a plan told, no promise word: no mention, see findings)
    ("the redline would come back mid-October, they said", []),
    ("deployed in late October", []),  # (no deadline word: a past period)
    ("the redline didn't come mid-month after all", []),
])
def test_part_of_a_month_is_a_vague_deadline(text, expected):
    assert _read(text) == expected


def test_find_times_many_reads_prose_dates_as_find_times_does():
    texts = ["ETA in 3 days", "due early November", "ETA Thursday week", "plain text 12", "by the 3rd"]
    days = [MON] * len(texts)
    many = find_times_many(texts, days, tz="UTC")
    assert many == [find_times(t, day=d, tz="UTC") for t, d in zip(texts, days, strict=True)]
    assert [len(m) for m in many] == [1, 1, 1, 0, 1]


# the log reader and the PM fixture ------------------------------------------------------------------
def test_the_log_reader_makes_prose_deadlines_and_a_vague_problem():
    text = ("## 2025-10-08\n\n- PAY-1 vendor promised the fix in two weeks' time\n- PAY-2 ETA by the 3rd\n"
            "- PAY-3 ETA mid-October\n")
    assert text_deadline_rows(text) == [[3, ["PAY-1"], "10-22 00:00", "promised", False],
                                        [4, ["PAY-2"], "11-03 00:00", "by", False]]
    logs = parse_log(text, "x.md")
    assert logs.problems["reason"].tolist() == ["vague deadline mid-October"]


def test_the_pm_fixture_reads_its_prose_dates():
    logs = occ_lib.read_logs(str(FIX / "expa_b_partner_pm.md"))
    assert deadline_rows(logs.deadlines) == [
        [7, ["PAYINT-101"], "10-17 00:00", "by", False],
        [9, ["PAYINT-103"], "10-22 00:00", "promised", False],  # ('in two weeks' time' from 10-08)
        [9, ["PAYINT-103"], "10-24 14:00", "go/no-go", False],
        [15, ["PAYINT-104"], "10-15 00:00", "by", False],
        [17, ["PAYINT-102"], "10-31 00:00", "by", False],
        [19, ["PAYINT-101"], "10-22 00:00", "ETA", False],
        [19, ["PAYINT-101"], None, "missed", True],
    ]
    # ('would come back mid-October' and 'would be issued on the 14th' are plans told: no mention)
    assert logs.problems.empty
