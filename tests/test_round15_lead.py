"""Round 15 (lead's fixes while merging): a range's end never before its start.

- R1: the hypothesis soup of tests/test_times.py found 'noon through 09:00, Fri' under a Wednesday (and on
  the Sunday clocks go forward) ended before it started: the end's weekday after it, read back to the
  Friday before, gave an end days before the start. Now the next 09:00 after the start.
"""

from __future__ import annotations

import datetime as dt

import pytest

from occ_lib.times import find_times


@pytest.mark.parametrize(
    ("day", "text", "at", "until"),
    [
        (dt.date(2025, 10, 8), "noon through 09:00, Fri", "2025-10-08 19:00", "2025-10-09 16:00"),
        (dt.date(2025, 3, 9), "noon through 09:00, Fri", "2025-03-09 19:00", "2025-03-10 16:00"),
        (dt.date(2025, 11, 2), "noon through 09:00, Fri", "2025-11-02 20:00", "2025-11-03 17:00"),
        # (unchanged: a plain overnight range, and an end on its own weekday)
        (dt.date(2025, 10, 8), "23:00 - 03:00", "2025-10-09 06:00", "2025-10-09 10:00"),
        (dt.date(2025, 10, 8), "12:00 through Fri 09:00", "2025-10-08 19:00", "2025-10-10 16:00"),
    ],
)
def test_a_range_never_ends_before_it_starts(day: dt.date, text: str, at: str, until: str) -> None:
    (m,) = find_times(text, day=day, tz="PT")
    assert (m.at.strftime("%Y-%m-%d %H:%M"), m.until.strftime("%Y-%m-%d %H:%M")) == (at, until)
