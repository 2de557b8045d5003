"""Deadline wording as test-drivers wrote it (rounds td50, td55): a weekday written as missed looks back, the
ETA after a missed one ('next ETA') and the one it slipped from, and deadlines not met."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from occ_lib import _extract as ex
from occ_lib.logs import parse_log
from occ_lib.times import find_times
from tests.log_rows import deadline_cells


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _deadlines(text: str) -> list[list]:
    return deadline_cells(text)


def _event_at(text: str) -> list[list]:
    ev = parse_log(text, "x.md").events
    return ev[["line", "at", "kind"]].values.tolist()


FRIDAY = "# x\n## 2025-10-10 (Fri)\n"


# --- 1. a weekday written as missed looks back ---------------------------------------------------------


def test_a_weekday_deadline_written_as_missed_is_the_last_such_day():
    text = FRIDAY + (
        "- 16:40 UTC NET-5: Tue 12:00 UTC ETA missed, Wed 12:00 UTC ETA missed too; new ETA Mon 10:00 UTC\n"
        "- 16:41 UTC NET-6 Tue 12:00 UTC ETA was missed\n"
        "- 16:42 UTC NET-7 missed the Tue 12:00 UTC ETA\n"
        "- 16:43 UTC NET-8 the ETA of Tue 12:00 UTC slipped\n"
        "- 16:44 UTC NET-9 Tue ETA missed\n"
        "- 16:45 UTC NET-10 Fri 12:00 UTC ETA missed\n"  # (the writing day itself)
        "- 16:46 UTC NET-11 vendor failed to meet the Thu 17:00 UTC ETA\n"
    )
    assert _deadlines(text) == [
        [3, ts("2025-10-07 12:00"), "minute", "ETA", True],
        [3, ts("2025-10-08 12:00"), "minute", "ETA", True],
        [3, ts("2025-10-13 10:00"), "minute", "ETA", False],  # (the new ETA still looks ahead)
        [4, ts("2025-10-07 12:00"), "minute", "ETA", True],
        [5, ts("2025-10-07 12:00"), "minute", "ETA", True],
        [6, ts("2025-10-07 12:00"), "minute", "ETA", True],
        [7, ts("2025-10-07"), "day", "ETA", True],
        [8, ts("2025-10-10 12:00"), "minute", "ETA", True],
        [9, ts("2025-10-09 17:00"), "minute", "ETA", True],
    ]


def test_a_weekday_before_a_deadline_keyword_is_not_the_items_time():
    # 'Tue' is the ETA's day: the item was written at 16:44 on its section's Friday, not on Tuesday
    text = FRIDAY + "- 16:44 UTC NET-9 Tue ETA missed\n- 16:45 UTC NET-9 Tue ETA 18:00 UTC\n"
    assert _event_at(text) == [
        [3, ts("2025-10-10 16:44"), "deadline"], [4, ts("2025-10-10 16:45"), "deadline"],
    ]
    assert _deadlines(text) == [
        [3, ts("2025-10-07"), "day", "ETA", True],
        [4, ts("2025-10-14 18:00"), "minute", "ETA", False],
    ]


def test_a_weekday_not_written_as_missed_still_looks_ahead():
    text = FRIDAY + (
        "- 16:40 UTC NET-20 Tue ETA slipped to Thu\n"  # (a move: Tuesday may be ahead still)
        "- 16:41 UTC NET-21 Tue ETA at risk of being missed\n"
        "- 16:42 UTC NET-22 Tue ETA not missed\n"
        "- 16:43 UTC NET-23 if the Tue ETA is missed we escalate\n"
        "- 16:44 UTC NET-24 ETA 15:00 UTC missed; new ETA Tue 12:00 UTC\n"  # (the miss is 15:00's)
        "- 16:45 UTC NET-25 fix slips to Monday — missed Thursday target\n"  # (a slip still to come)
    )
    assert _deadlines(text) == [
        [3, ts("2025-10-14"), "day", "ETA", True],
        [3, ts("2025-10-16"), "day", "ETA", False],
        [4, ts("2025-10-14"), "day", "ETA", False],
        [5, ts("2025-10-14"), "day", "ETA", False],
        [6, ts("2025-10-14"), "day", "ETA", False],
        [7, ts("2025-10-10 15:00"), "minute", "ETA", True],
        [7, ts("2025-10-14 12:00"), "minute", "ETA", False],
        [8, ts("2025-10-16"), "day", "target", True],
    ]


def test_find_times_reads_a_missed_weekday_backwards_in_every_form():
    day = dt.date(2025, 10, 10)  # a Friday

    def at(text: str) -> list[tuple[str | None, dt.datetime | None]]:
        return [(m.keyword, m.at) for m in find_times(text, day=day) if m.is_deadline]

    tue = dt.datetime(2025, 10, 7, tzinfo=dt.UTC)
    assert at("NET-9: ETA Tue missed") == [("ETA", tue)]
    assert at("NET-9: ETA Tue not met") == [("ETA", tue)]
    assert at("NET-9: Tue deadline was missed") == [("deadline", tue)]
    assert at("NET-9: ETA 12:00 Tue missed") == [("ETA", tue.replace(hour=12))]
    assert at("NET-9: missed ETA Tue at 12:00") == [("ETA", tue.replace(hour=12))]
    assert at("NET-9: missed Tuesday's 12:00 ETA") == [("ETA", tue.replace(hour=12))]
    assert at("NET-9: Thu EOD missed") == [("EOD", dt.datetime(2025, 10, 9, tzinfo=dt.UTC))]
    tue_ahead = [("ETA", dt.datetime(2025, 10, 14, tzinfo=dt.UTC))]
    assert at("NET-9: Tue ETA not met yet") == tue_ahead
    assert at("NET-9: Tue ETA will be missed") == tue_ahead  # (a forecast)
    assert at("NET-9: Tue ETA is missed?") == tue_ahead


# --- 2. the ETA after a missed one, and the one an ETA slipped from ------------------------------------


def test_the_next_eta_after_a_missed_one_is_not_missed():
    text = "# x\n## 2025-10-10\n" + (
        "- 16:43 UTC NET-8 missed ETA 15:00 UTC; next ETA 19:00 UTC\n"
        "- 16:44 UTC NET-9 missed the 15:00 UTC ETA, next ETA 19:00 UTC\n"
        "- 16:45 UTC NET-10 ETA 18:00 UTC (slipped from 16:00 UTC)\n"
        "- 16:46 UTC NET-11 missed the 15:00 UTC ETA, new ETA 19:00 UTC\n"
        "- 16:47 UTC NET-12 Missed the 09:00 cutoff; next cutoff 13:00\n"
    )
    assert _deadlines(text) == [
        [3, ts("2025-10-10 15:00"), "minute", "ETA", True],
        [3, ts("2025-10-10 19:00"), "minute", "ETA", False],
        [4, ts("2025-10-10 15:00"), "minute", "ETA", True],
        [4, ts("2025-10-10 19:00"), "minute", "ETA", False],
        [5, ts("2025-10-10 18:00"), "minute", "ETA", False],  # (the new ETA)
        [5, ts("2025-10-10 16:00"), "minute", "ETA", True],  # (the one that slipped)
        [6, ts("2025-10-10 15:00"), "minute", "ETA", True],
        [6, ts("2025-10-10 19:00"), "minute", "ETA", False],
        [7, ts("2025-10-10 09:00"), "minute", "cutoff", True],
        [7, ts("2025-10-10 13:00"), "minute", "cutoff", False],
    ]


def test_a_next_or_new_eta_missed_in_its_own_words_is_missed():
    text = "# x\n## 2025-10-10\n" + (
        "- 16:43 UTC NET-8 missed ETA 15:00 UTC; next ETA 19:00 UTC missed too\n"
        "- 16:44 UTC NET-9 missed ETA 15:00 UTC; new ETA 19:00 UTC was missed as well\n"
        # (19:00 is where it was pushed; the ETA missed, an earlier one, has no time written)
        "- 16:45 UTC NET-10 next ETA missed, pushed to 19:00 UTC\n"
        "- 16:46 UTC NET-11 ETA 18:00 UTC (moved from 16:00 UTC)\n"  # (no miss: the new ETA alone, F5)
    )
    assert _deadlines(text) == [
        [3, ts("2025-10-10 15:00"), "minute", "ETA", True],
        [3, ts("2025-10-10 19:00"), "minute", "ETA", True],
        [4, ts("2025-10-10 15:00"), "minute", "ETA", True],
        [4, ts("2025-10-10 19:00"), "minute", "ETA", True],
        [5, ts("2025-10-10 19:00"), "minute", "ETA", False],
        [5, pd.NaT, "", "missed", True],
        [6, ts("2025-10-10 18:00"), "minute", "ETA", False],
    ]


# --- 3. deadlines not met ------------------------------------------------------------------------------

KOLKATA = "---\ntz: Asia/Kolkata\n---\n# Payments SRE Bangalore\n\n## 2025-10-09\n"


def test_a_deadline_not_met_is_stated_missed():
    text = KOLKATA + (
        "- 18:05 PAY-20 vendor's 17:00 deadline not met, chasing\n"
        "- 18:10 PAY-21 vendor failed to meet the 17:00 ETA\n"
        "- 18:11 PAY-22 vendor did not meet the 17:00 ETA\n"
        "- 18:12 PAY-23 vendor didn’t meet the deadline (17:00)\n"
        "- 18:13 PAY-24 17:00 ETA wasn't met\n"
        "- 18:14 PAY-25 the ETA of 17:00 was not met\n"
        "- 18:15 PAY-26 unmet 17:00 deadline\n"
        "- 18:16 PAY-27 17:00 deadline has not been met\n"
        "- 18:17 PAY-28 ETA 17:00 not met, new ETA 20:00\n"
    )
    due, new = ts("2025-10-09 11:30"), ts("2025-10-09 14:30")
    rows = [[line, due, "minute", kw, True] for line, kw in (
        (7, "deadline"), (8, "ETA"), (9, "ETA"), (10, "deadline"), (11, "ETA"), (12, "ETA"), (13, "deadline"),
        (14, "deadline"), (15, "ETA"),
    )]
    assert _deadlines(text) == [*rows, [15, new, "minute", "ETA", False]]


def test_what_is_met_forecast_or_not_a_deadline_is_no_miss():
    text = KOLKATA + (
        "- 18:10 PAY-30 ETA 17:00 met\n"
        "- 18:11 PAY-31 met the 17:00 deadline\n"
        "- 18:12 PAY-32 vendor will not meet the 19:00 ETA\n"
        "- 18:13 PAY-33 vendor won't meet the 19:00 ETA\n"
        "- 18:14 PAY-34 if the 19:00 deadline is not met, escalate\n"
        "- 18:15 PAY-35 prerequisites not met; ETA 19:00\n"
        "- 18:16 PAY-36 latency target not met; ETA 19:00\n"
        "- 18:17 PAY-37 unmet dependencies, ETA 19:00\n"
        "- 18:18 PAY-38 did not meet with the vendor; ETA 19:00\n"
    )
    past, ahead = ts("2025-10-09 11:30"), ts("2025-10-09 13:30")
    assert _deadlines(text) == [
        [7, past, "minute", "ETA", False], [8, past, "minute", "deadline", False],
        *[[line, ahead, "minute", kw, False] for line, kw in (
            (9, "ETA"), (10, "ETA"), (11, "deadline"), (12, "ETA"), (13, "ETA"), (14, "ETA"), (15, "ETA"),
        )],
    ]


def test_not_met_yet_is_a_miss_only_once_the_deadline_is_past():
    text = KOLKATA + (
        "- 18:10 PAY-40 19:00 deadline not met yet\n"  # (still ahead: open)
        "- 18:11 PAY-41 17:00 deadline not met yet\n"  # (past: missed)
        "- 18:12 PAY-42 ETA 2025-10-08 not yet met\n"  # (a date-only deadline, the day before: missed)
        "- 18:13 PAY-43 ETA 2025-10-09 not yet met\n"  # (today's, whose day is not over: open)
    )
    assert _deadlines(text) == [
        [7, ts("2025-10-09 13:30"), "minute", "deadline", False],
        [8, ts("2025-10-09 11:30"), "minute", "deadline", True],
        [9, ts("2025-10-08"), "day", "ETA", True],
        [10, ts("2025-10-09"), "day", "ETA", False],
    ]


def test_unmet_reads_a_deadline_not_met_and_only_that():
    def read(text: str) -> tuple[bool, int]:
        w = ex.keywords(text)
        return ex.stated_missed(text, w), ex.unmet(text, w)

    assert read("vendor's 17:00 deadline not met") == (True, 1)
    assert read("the vendor didn't meet the 09:00 ETA") == (True, 1)
    assert read("ETA 17:00 not met yet") == (False, 2)
    assert read("ETA 17:00 met") == (False, 0)
    assert read("vendor will not meet the 17:00 ETA") == (False, 0)
    assert read("SLA not met; ETA 17:00") == (False, 0)
