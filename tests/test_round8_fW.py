"""Round 8 (fW): two reading faults of the td70 test-drive.

F1: a weekday used as an adjective ('Monday payout batch', 'the Tuesday report') moved the item's own
leading stamp to that weekday; a weekday dates a time only when attached to it.
F2: 'late' that tells of the work ('nightly export running late; ETA 20:00') stated a miss of a deadline
still ahead at the item's time; it does so only once the deadline is past or when written on it.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from occ_lib.logs import parse_log
from occ_lib.times import find_times

CHI = "---\ntz: America/Chicago\n---\n# Payments\n"
WED = dt.date(2026, 11, 18)  # a Wednesday
SUN = dt.date(2026, 11, 22)  # a Sunday


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def at_of(heading: str, item: str) -> pd.Timestamp:
    """The event time of the one item under ``## heading`` of a Chicago log."""
    ev = parse_log(f"{CHI}\n## {heading}\n- {item}\n", "p.md").events
    assert len(ev) == 1
    return ev["at"].iloc[0]


def times_of(text: str, day: dt.date) -> list[tuple[str, str]]:
    return [(m.raw, m.at.isoformat()) for m in find_times(text, day=day, tz="America/Chicago")]


# --- F1: the weekday that qualifies a noun does not move the item's own stamp -----------------------


@pytest.mark.parametrize(
    "heading, item, at",
    [
        # the td70 lines: the stamp stays on its section's date (Sun 22:00 CST is Mon 04:00Z)
        ("2026-11-22 Sunday", "22:00: PAY-107 opened: Monday payout batch at risk; ETA 2026-11-23 10:00.",
         "2026-11-23 04:00"),
        ("2026-11-22 Sunday", "22:00: PAY-109 opened: the Monday payout batch is at risk.",
         "2026-11-23 04:00"),
        ("2026-11-18 Wednesday", "22:00: PAY-201 opened: Monday payout batch at risk.", "2026-11-19 04:00"),
        ("2026-11-18 Wednesday", "22:00: PAY-202 opened: Friday payout batch at risk.", "2026-11-19 04:00"),
        ("2026-11-18 Wednesday", "22:00: PAY-203 checked the Tuesday report.", "2026-11-19 04:00"),
        ("2026-11-22 Sunday", "22:00: PAY-204 opened: Friday payout batch at risk.", "2026-11-23 04:00"),
        ("2026-11-22 Sunday", "22:00: PAY-205 opened: Saturday payout batch at risk.", "2026-11-23 04:00"),
        ("2026-11-18 Wednesday", "10:00 PAY-206 drafted the Friday release notes", "2026-11-18 16:00"),
        # the stamp opens the text: a weekday a few words on is not its day either
        ("2026-11-18 Wednesday", "10:00 OPS-1 deploy Friday", "2026-11-18 16:00"),
        # (a possessive was no day of the stamp before either)
        ("2026-11-22 Sunday", "22:00: PAY-110 opened: Friday's invoices were not exported.",
         "2026-11-23 04:00"),
    ],
)
def test_a_weekday_later_in_the_text_leaves_the_stamp_on_its_day(heading: str, item: str, at: str) -> None:
    assert at_of(heading, item) == ts(at)


@pytest.mark.parametrize(
    "heading, item, at",
    [
        # near misses: a weekday attached to the time still dates it (the last one on or before the
        # section's day, the next one for a deadline), the stamp's included
        ("2026-11-18 Wednesday", "22:00 Mon: payout batch released", "2026-11-17 04:00"),
        ("2026-11-18 Wednesday", "17:00 on Friday: payout batch released", "2026-11-13 23:00"),
        ("2026-11-18 Wednesday", "Monday 09:00 deploy went fine", "2026-11-16 15:00"),
        ("2026-11-18 Wednesday", "Monday: 09:00 standup", "2026-11-16 15:00"),
        ("2026-11-18 Wednesday", "deploy Monday at 09:00 went fine", "2026-11-16 15:00"),
        ("2026-11-18 Wednesday", "Sam back Monday 09:00", "2026-11-16 15:00"),
        ("2026-11-18 Wednesday", "paged on Friday at 17:00", "2026-11-13 23:00"),
        ("2026-11-18 Wednesday", "Fri 10:00 OPS-1 deployed", "2026-11-13 16:00"),
        # a weekday before the time, its noun between, dates it as before: the deploy is Monday's
        ("2026-11-18 Wednesday", "Monday deploy at 09:00 went fine", "2026-11-16 15:00"),
    ],
)
def test_a_weekday_attached_to_the_time_still_dates_it(heading: str, item: str, at: str) -> None:
    assert at_of(heading, item) == ts(at)


def test_a_weekday_that_qualifies_a_noun_dates_no_time_after_which_it_is_written() -> None:
    # not the stamp: the weekday qualifies a noun, so 22:00 and 17:00 stay on the text's day
    assert times_of("PAY-201 opened at 22:00: Monday payout batch at risk.", WED) == [
        ("22:00", "2026-11-19T04:00:00+00:00")]
    assert times_of("ETA 17:00 for the Friday release", WED) == [("17:00", "2026-11-18T23:00:00+00:00")]


def test_a_weekday_after_on_a_comma_or_a_list_still_dates_the_time_before_it() -> None:
    # near misses: after 'on' or a comma the weekday is attached; a weekday followed by no noun dates
    # the time a few words before it; a list of times shares the day written after it
    assert times_of("sync at 10:00 with infra on Friday", WED) == [("10:00", "2026-11-20T16:00:00+00:00")]
    assert times_of("22:00 UTC, Fri", WED) == [("22:00 UTC", "2026-11-13T22:00:00+00:00")]
    assert times_of("OPS-2 deploys at 09:00 and 17:00 UTC Friday", WED) == [
        ("09:00", "2026-11-13T09:00:00+00:00"), ("17:00 UTC", "2026-11-13T17:00:00+00:00")]
    assert times_of("Friday morning at 09:00 we paged infra", WED) == [("09:00", "2026-11-13T15:00:00+00:00")]


def test_deadlines_with_an_attached_weekday_are_unchanged() -> None:
    def dl(item: str) -> list:
        d = parse_log(f"{CHI}\n## 2026-11-18 Wednesday\n- {item}\n", "p.md").deadlines
        return d[["due_at", "due_precision", "keyword", "stated_missed"]].values.tolist()

    assert dl("ETA Monday 10:00") == [[ts("2026-11-23 16:00"), "minute", "ETA", False]]
    assert dl("ETA Friday 17:00") == [[ts("2026-11-20 23:00"), "minute", "ETA", False]]
    assert dl("by Friday EOD") == [[ts("2026-11-20"), "day", "by", False]]
    # the stamp's weekday-adjective no longer moves the stamp, and the deadline keeps its own date
    assert dl("22:00: PAY-107 opened: Monday payout batch at risk; ETA 2026-11-23 10:00.") == [
        [ts("2026-11-23 16:00"), "minute", "ETA", False]]


# --- F2: 'late' of the work is no miss of a deadline still ahead ------------------------------------


def deadlines(day: str, *items: str) -> list[list]:
    text = f"{CHI}\n## {day}\n" + "".join(f"- {i}\n" for i in items)
    d = parse_log(text, "p.md").deadlines
    return d[["line", "due_at", "keyword", "stated_missed"]].values.tolist()


def test_late_of_the_work_before_the_deadline_states_no_miss() -> None:
    assert deadlines(
        "2026-11-18 Wednesday",
        "17:00: PAY-112 opened: nightly export running late; ETA 20:00.",
        "16:00: PAY-104 opened: settlement report late; the bank's ETA is 2026-11-19 09:00 ET.",
        "16:00: PAY-111 opened: settlement report delayed; the bank's ETA is 2026-11-19 09:00 ET.",
        "10:00 OPS-1 report overdue; ETA 20:00",
        "10:00 OPS-2 rollout slipping; ETA 20:00",
        "10:00 OPS-3 ETA 20:00, running late",
        "10:00 OPS-4 export late; due tomorrow",
    ) == [
        [7, ts("2026-11-19 02:00"), "ETA", False],
        [8, ts("2026-11-19 14:00"), "ETA", False],
        [9, ts("2026-11-19 14:00"), "ETA", False],
        [10, ts("2026-11-19 02:00"), "ETA", False],
        [11, ts("2026-11-19 02:00"), "ETA", False],
        [12, ts("2026-11-19 02:00"), "ETA", False],
        [13, ts("2026-11-19"), "due", False],
    ]


def test_late_past_the_deadline_or_written_on_it_is_still_a_miss() -> None:
    assert deadlines(
        "2026-11-18 Wednesday",
        "18:00 OPS-1 nightly export running late; ETA 17:00",  # (past at the item's time)
        "17:00 OPS-2 nightly export running late; ETA 17:00",  # (due at the item's time)
        "10:00 OPS-3 ETA 17:00 is late",  # (the word is on the deadline)
        "10:00 OPS-4 the 17:00 ETA is running late",
        "10:00 OPS-5 ETA 17:00 (late)",
        "10:00 OPS-6 ETA 17:00 slipped",  # (no 'late' word: as before)
        "11:00 OPS-7 missed the 12:00 ETA",
        "10:00 OPS-8 export late, missed the 09:00 cutoff; ETA 20:00",
        "10:00 OPS-9 export late; due 2026-11-17",
        "10:00 OPS-10 vendor promised a patch by 06:00, running late",
    ) == [
        [7, ts("2026-11-18 23:00"), "ETA", True],
        [8, ts("2026-11-18 23:00"), "ETA", True],
        [9, ts("2026-11-18 23:00"), "ETA", True],
        [10, ts("2026-11-18 23:00"), "ETA", True],
        [11, ts("2026-11-18 23:00"), "ETA", True],
        [12, ts("2026-11-18 23:00"), "ETA", True],
        [13, ts("2026-11-18 18:00"), "ETA", True],
        [14, ts("2026-11-18 15:00"), "cutoff", True],
        [14, ts("2026-11-19 02:00"), "ETA", False],
        [15, ts("2026-11-17"), "due", True],
        [16, ts("2026-11-18 12:00"), "by", True],
    ]


def test_a_late_forecast_is_no_miss_and_an_untimed_item_is_read_as_before() -> None:
    # 'will be late' is a forecast, as 'is going to be missed' and 'is gonna be missed' are: no miss
    # (the deadline is still ahead: a miss is told once it is past)
    assert deadlines(
        "2026-11-18 Wednesday",
        "10:00 OPS-1 ETA 20:00 will be late",
        "10:00 OPS-2 export will be late; ETA 20:00",
        "10:00 OPS-3 the 20:00 ETA is gonna be missed",
        "10:00 OPS-4 the 20:00 ETA is going to be missed",
        "10:00 OPS-5 ETA 20:00 is gonna be late",
        # an item with no time of its own: 'late' is a miss as before (no time to tell 'ahead' by)
        "OPS-6 export late; ETA 17:00",
    ) == [
        [7, ts("2026-11-19 02:00"), "ETA", False],
        [8, ts("2026-11-19 02:00"), "ETA", False],
        [9, ts("2026-11-19 02:00"), "ETA", False],
        [10, ts("2026-11-19 02:00"), "ETA", False],
        [11, ts("2026-11-19 02:00"), "ETA", False],
        [12, ts("2026-11-18 23:00"), "ETA", True],
    ]


def test_late_before_midnight_rolls_the_small_hours_eta_to_the_next_day() -> None:
    # written at 23:40, 'ETA 00:30' is the next 00:30: ahead, so 'running late' misses nothing
    assert deadlines("2026-11-18 Wednesday", "23:40 OPS-1 export running late; ETA 00:30") == [
        [7, ts("2026-11-19 06:30"), "ETA", False]]
