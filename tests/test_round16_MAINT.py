"""Round 16 (MAINT): small readings left by MIL2, EXPD2 and PROSED: a colon range in the small hours said
'tonight' is the next morning's; 'Downtime announced Tue 06:00' is a notice of the coming Tuesday; a prose
day of the month with a clock time right after it ('ETA the 14th 17:00 UTC') is that day's time."""

from __future__ import annotations

import datetime as dt

import pytest

from occ_lib import times
from tests.log_rows import short_event_rows, text_deadline_rows


def _read(text: str, day: dt.date, tz: str, clock24: bool = False) -> list[tuple]:
    with times.clock24(clock24):
        found = times.find_times(text, day=day, tz=tz)
    return [(m.raw, m.at.strftime("%m-%d %H:%M"), m.until and m.until.strftime("%m-%d %H:%M"), m.precision,
             m.keyword) for m in found]


TUE = dt.date(2025, 10, 7)


# 1: a colon range said tonight ---------------------------------------------------------------------------
@pytest.mark.parametrize("clock24", [False, True])
@pytest.mark.parametrize(("text", "want"), [
    ("maintenance window 02:00-04:00 tonight",
     [("02:00-04:00", "10-08 07:00", "10-08 09:00", "minute", "window")]),
    ("downtime 02:00-04:00 tonight", [("02:00-04:00", "10-08 07:00", "10-08 09:00", "minute", "window")]),
    # (no tonight: the day's; an evening range tonight: the day's)
    ("maintenance window 02:00-04:00", [("02:00-04:00", "10-07 07:00", "10-07 09:00", "minute", "window")]),
    ("maintenance window 22:00-23:00 tonight",
     [("22:00-23:00", "10-08 03:00", "10-08 04:00", "minute", "window")]),
    # (a single time said tonight is not moved: decided narrowly)
    ("deploy at 02:00 tonight", [("02:00", "10-07 07:00", None, "minute", None)]),
])
def test_a_colon_range_in_the_small_hours_said_tonight_is_the_next_mornings(text, want, clock24):
    assert _read(text, TUE, "America/Chicago", clock24) == want


def test_the_log_reader_rolls_a_colon_window_said_tonight():
    log = ("# Ops\n\ntz: America/Chicago\n\n## Tue 2025-10-07\n\n"
           "- 16:00 CHG-880 maintenance window 02:00-04:00 tonight\n")
    assert text_deadline_rows(log) == [[7, ["CHG-880"], "10-08 09:00", "window", False]]
    assert short_event_rows(log) == [[7, "10-07 21:00", "deadline", 0, ["CHG-880"]]]


# 2: 'Downtime announced Tue 06:00' -----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "day", "want"), [
    ("Downtime announced Tue 06:00 PDT", "2025-10-13", "10-14 13:00"),  # (a Monday: the coming Tuesday)
    ("Downtime announced Tue 06:00 PDT", "2025-10-08", "10-14 13:00"),  # (a Wednesday: was 10-07)
    ("Downtime announced Tue 06:00", "2025-10-10", "10-14 13:00"),
    ("Outage announced Tue 06:00", "2025-10-10", "10-14 13:00"),
    ("Maintenance announced: servers down Tue 06:00 PDT", "2025-10-08", "10-14 13:00"),  # (as this)
    # (when it was announced: the Tuesday just gone)
    ("Downtime announced on Tue 06:00", "2025-10-08", "10-07 13:00"),
    ("Fix announced Tue 06:00", "2025-10-08", "10-07 13:00"),
])
def test_a_downtime_announced_is_a_notice_of_the_coming_day(text, day, want):
    got = _read(text, dt.date.fromisoformat(day), "America/Los_Angeles")
    assert [g[1] for g in got] == [want]


def test_the_log_reader_reads_a_downtime_announced_under_a_wednesday_ahead():
    log = "# Ops\n\ntz: America/Los_Angeles\n\n## Wed 2025-10-08\n\n- Downtime announced Tue 06:00 PDT\n"
    assert short_event_rows(log) == [[7, "10-14 13:00", "note", 0, []]]


# 3: 'ETA the 14th 17:00 UTC' -----------------------------------------------------------------------------
MON = dt.date(2025, 10, 6)


@pytest.mark.parametrize(("text", "want"), [
    ("ETA the 14th 17:00 UTC", [("the 14th 17:00 UTC", "10-14 17:00", None, "minute", "ETA")]),
    ("ETA the 14th at 17:00 UTC", [("the 14th at 17:00 UTC", "10-14 17:00", None, "minute", "ETA")]),
    ("ETA the 14th 5pm", [("the 14th 5pm", "10-14 17:00", None, "minute", "ETA")]),
    ("due on the 3rd 09:30", [("on the 3rd 09:30", "11-03 09:30", None, "minute", "due")]),
    # (no deadline word: no prose day; a word between: not joined)
    ("fixed the 14th 17:00 UTC", [("17:00 UTC", "10-06 17:00", None, "minute", None)]),
    ("ETA the 14th floor 17:00", [("17:00", "10-06 17:00", None, "minute", None)]),
    ("ETA the 14th 17 units", []),
])
def test_a_prose_day_with_a_clock_time_right_after_it_is_that_days(text, want):
    assert _read(text, MON, "UTC") == want


def test_the_log_reader_makes_the_prose_day_and_time_an_eta():
    log = "# Ops\n\n## Mon 2025-10-06\n\n- 09:00 UTC VEND-7 ETA the 14th 17:00 UTC\n"
    assert text_deadline_rows(log) == [[5, ["VEND-7"], "10-14 17:00", "ETA", False]]


def test_many_prose_days_with_times_stay_linear():
    import time

    def cost(n: int) -> float:
        text = "ETA the 14th 17:00 UTC, downtime 02:00-04:00 tonight; " * n
        t0 = time.perf_counter()
        found = times.find_times(text, day=MON, tz="UTC")
        assert len(found) == 2 * n
        return time.perf_counter() - t0

    small, big = cost(250), cost(1000)
    assert big < 12 * small + 0.5  # (4x the text: about 4x the time, never 16x)
