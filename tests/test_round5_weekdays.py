"""Which time a weekday or relative day written after several times belongs to."""

from __future__ import annotations

import pandas as pd
import pytest

from occ_lib.logs import parse_log

HEAD = "# Ops\n## 2025-10-09 (Thu)\n"


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def read(item: str) -> tuple[list, list]:
    """(the event times, [due_at, stated_missed] of each deadline) of one item."""
    logs = parse_log(HEAD + item + "\n", "x.md")
    return logs.events["times"].iloc[0], logs.deadlines[["due_at", "stated_missed"]].values.tolist()


@pytest.mark.parametrize(
    "item, times, deadlines",
    [
        # the day a deadline moved to is not the day of the time it moved from (and is a deadline of its
        # own, day-only, as 'pushed to tomorrow' is: round 6)
        ("- 16:00 UTC OPS-1 vendor ETA 17:00 UTC missed, pushed to Friday",
         [ts("2025-10-09 16:00")], [[ts("2025-10-09 17:00"), True], [ts("2025-10-10"), False]]),
        ("- 16:00 UTC OPS-1 ETA 17:00 UTC missed, pushed to tomorrow",
         [ts("2025-10-09 16:00")], [[ts("2025-10-09 17:00"), True], [ts("2025-10-10"), False]]),
        # a weekday after a later time is that time's, not the item's own time's
        ("- 16:00 UTC OPS-1 ETA 17:00 UTC Friday",
         [ts("2025-10-09 16:00")], [[ts("2025-10-10 17:00"), False]]),
        ("- 23:58 UTC paged, ETA 00:30 UTC tomorrow",
         [ts("2025-10-09 23:58")], [[ts("2025-10-10 00:30"), False]]),
        # a list of times shares the day written after it
        ("- OPS-2 deploys at 09:00 and 17:00 UTC Friday",
         [ts("2025-10-03 09:00"), ts("2025-10-03 17:00")], []),
        ("- OPS-3 windows at 09:00, 12:00 and 15:00 UTC on Friday",
         [ts("2025-10-03 09:00"), ts("2025-10-03 12:00"), ts("2025-10-03 15:00")], []),
        # a move that carries its own time is read as before
        ("- 16:00 UTC OPS-1 vendor ETA 17:00 UTC missed, pushed to Friday 12:00 UTC",
         [ts("2025-10-09 16:00")], [[ts("2025-10-09 17:00"), True], [ts("2025-10-10 12:00"), False]]),
    ],
)
def test_a_weekday_after_several_times_is_the_nearest_ones(item: str, times: list, deadlines: list) -> None:
    assert read(item) == (times, deadlines)
