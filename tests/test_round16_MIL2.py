"""Round 16 (MIL2): follow-up of EXPC/EXPC2 on 24-hour logs: a mid-item 'HHMM' opening a clause after a
comma or semicolon is a later step's time; a downtime's range is a window deadline; a spoken time keeps the
date written after it ('quarter to 5 Oct 10'); a spoken hour in a night-shift text is the small hours';
a freeze's start written 'from' reads as 'starts' does."""

from __future__ import annotations

import datetime as dt

import pytest

from occ_lib import times
from occ_lib.logs import read_logs
from tests.log_rows import deadline_rows, mention_rows

DAY = dt.date(2025, 10, 7)  # (a Tuesday)


def _read(text: str, tz: str = "America/Chicago", clock24: bool = True) -> list[tuple]:
    return mention_rows(text, DAY, tz, clock24)


# 1: a mid-item HHMM opening a clause ---------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("0351 CHG-880 application back up, 0415 all interfaces caught up, downtime ended.",
     [("0351", "10-07 08:51", None, "minute", None), ("0415", "10-07 09:15", None, "minute", None)]),
    ("0351 app up; 0415 all caught up",
     [("0351", "10-07 08:51", None, "minute", None), ("0415", "10-07 09:15", None, "minute", None)]),
    ("0712hrs CLIN-1 paged, 0730 vendor called back",
     [("0712hrs", "10-07 12:12", None, "minute", None), ("0730", "10-07 12:30", None, "minute", None)]),
])
def test_a_mid_item_hhmm_opening_a_clause_is_a_step_time(text, want):
    assert _read(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("0351 app up, 1200 users affected", [("0351", "10-07 08:51", None, "minute", None)]),  # a count
    ("0351 app up, 1800 x 2 nodes", [("0351", "10-07 08:51", None, "minute", None)]),
    ("CLIN-2 app up, 0415 all caught up", []),  # (the item opens with no military time)
])
def test_a_mid_item_hhmm_that_is_a_count_or_not_in_a_timed_item_stays_a_number(text, want):
    assert _read(text) == want


def test_a_mid_item_hhmm_outside_a_24_hour_log_is_a_number():
    assert _read("0351 app up, 0415 all caught up", clock24=False) == []


# 2: a downtime's range is a window -----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("Planned EHR downtime 0200-0400 tonight (CHG-880).",
     [("0200-0400", "10-08 07:00", "10-08 09:00", "minute", "window")]),
    ("downtime: 02:00-04:00", [("02:00-04:00", "10-07 07:00", "10-07 09:00", "minute", "window")]),
    ("downtime 02:10 started", [("02:10", "10-07 07:10", None, "minute", None)]),  # (a time alone: none)
])
def test_a_downtimes_range_is_a_window(text, want):
    assert _read(text) == want


# 3: spoken times -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("quarter to 5 Oct 10", [("quarter to 5 Oct 10", "10-10 21:45", None, "minute", None)]),
    ("noon Oct 9 and quarter to 5 Oct 10",
     [("noon Oct 9", "10-09 17:00", None, "minute", None),
      ("quarter to 5 Oct 10", "10-10 21:45", None, "minute", None)]),
    ("half past two", [("half past two", "10-07 19:30", None, "minute", None)]),  # (working hours)
    ("overnight: half past two db failover", [("half past two", "10-07 07:30", None, "minute", None)]),
    ("half past two tonight failover", [("half past two", "10-08 07:30", None, "minute", None)]),
    ("quarter past 3 nightly job", [("quarter past 3", "10-07 20:15", None, "minute", None)]),  # (no night)
])
def test_spoken_times_keep_their_date_and_a_nights_small_hours(text, want):
    assert _read(text, clock24=False) == want


# 4: a freeze's start written 'from' ----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("code freeze from Thu 12:00 CET, announced in #release",
     [("12:00 CET", "10-09 10:00", None, "minute", "window")]),
    ("code freeze starts Thu 12:00 CET, announced in #release",
     [("12:00 CET", "10-09 10:00", None, "minute", "window")]),
    ("code freeze from 12:00 CET", [("12:00 CET", "10-07 10:00", None, "minute", None)]),  # (a slot)
])
def test_a_freeze_from_a_time_is_its_start(text, want):
    assert _read(text, clock24=False) == want


# 3 (log reader): a night shift's context -----------------------------------------------------------------
_NIGHT_LOG = """# Night log
Times: America/New_York.

## Tue 2025-10-07
- 23:40 OPS-1 paged, disk full.
- half past two OPS-1 cleanup done.

## Wed 2025-10-08 overnight
- half past two OPS-2 restarted.

## Thu 2025-10-09
- 10:00 standup.
- half past two OPS-3 deploy.
- 01:10 OPS-4 paged.
"""


def test_a_spoken_hour_in_a_night_shifts_context_is_the_small_hours(tmp_path):
    path = tmp_path / "mil2_night.md"
    path.write_text(_NIGHT_LOG, encoding="utf-8")
    ev = read_logs([path]).events
    rows = [[int(n), at.strftime("%m-%d %H:%M")] for n, at in zip(ev["line"], ev["at"], strict=True)]
    assert rows == [
        [5, "10-08 03:40"],
        [6, "10-08 06:30"],   # (after 23:40: 02:30 of that night)
        [9, "10-08 06:30"],   # (an overnight section)
        [12, "10-09 14:00"],
        [13, "10-09 18:30"],  # (after 10:00, a day section: working hours, 14:30 EDT)
        [14, "10-09 05:10"],
    ]


_MIL_LOG = """# Clinical log
Times: America/Chicago. 24-hour clock.

## Tue 2025-10-07
- 0712hrs CLIN-1 opened.
- Planned EHR downtime 0200-0400 tonight (CHG-880).
- 0351 CHG-880 application back up, 0415 all interfaces caught up, downtime ended.
- 0500 CLIN-2 paged, 1200 users affected.
"""


def test_a_24_hour_logs_clause_step_and_downtime_window(tmp_path):
    path = tmp_path / "mil2_clinical.md"
    path.write_text(_MIL_LOG, encoding="utf-8")
    logs = read_logs([path])
    ev = logs.events
    rows = [[int(n), at.strftime("%m-%d %H:%M"), k]
            for n, at, k in zip(ev["line"], ev["at"], ev["kind"], strict=True)]
    # (the downtime ended at the clause's 0415, not the item's 0351; main read one step at 08:51)
    # (the plan's window is that night's 02:00-04:00 and the small-hours items after it are in it)
    assert rows == [[5, "10-07 12:12", "note"], [6, "10-08 07:00", "plan"], [7, "10-08 08:51", "note"],
                    [7, "10-08 09:15", "resolved"], [8, "10-08 10:00", "follow_up"]]
    assert deadline_rows(logs.deadlines) == [[6, ["CHG-880"], "10-08 09:00", "window", False]]


@pytest.mark.parametrize(("text", "expected"), [
    ("call at half past nine tonight", "10-10 21:30"),
    ("at half past seven this evening", "10-10 19:30"),
    ("half past nine", "10-10 09:30"),
    ("quarter past 3 tonight", "10-11 03:15"),  # (the small hours after tonight)
])
def test_an_evening_hour_said_tonight_is_the_evenings(text: str, expected: str):
    found = times.find_times(text, day=dt.date(2025, 10, 10))
    assert [m.at.strftime("%m-%d %H:%M") for m in found] == [expected]
