"""Deadlines as operations teams write them: windows, ETAs across midnight, zoned columns, misses."""

from __future__ import annotations

import pandas as pd

from occ_lib.logs import parse_log


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _deadlines(text: str) -> list[list]:
    dl = parse_log(text, "x.md").deadlines
    return dl[["line", "due_at", "keyword", "stated_missed"]].values.tolist()


def test_a_window_written_as_a_range_is_due_at_its_end():
    # the change must be done inside the window: a completion at 03:12 ET met it
    text = (
        "---\ntz: America/New_York\n---\n## 2025-10-09 (Thu) CAB\n"
        "- CHG-1240 approved for maintenance window Sat 02:00-04:00 ET.\n"
        "- CHG-1241 deploy window 18:00 UTC\n"
    )
    assert _deadlines(text) == [
        [5, ts("2025-10-11 08:00"), "window", False],
        [6, ts("2025-10-09 18:00"), "window", False],
    ]


def test_an_impact_window_is_when_it_happened_not_a_deadline():
    text = (
        "## 2025-10-14\n- INC-5678 Impact window: 14:02\u201315:47 UTC\n"
        "- INC-5679 outage window 09:00-09:20 UTC, 10:00 UTC impact window\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.deadlines.empty
    ev = logs.events
    assert ev[["at", "end_at"]].values.tolist() == [
        [ts("2025-10-14 14:02"), ts("2025-10-14 15:47")],
        [ts("2025-10-14 09:00"), ts("2025-10-14 09:20")],
    ]


def test_an_eta_written_before_midnight_for_after_it_is_the_next_day():
    text = (
        "All times ET.\n## 2025-10-09 (Thu)\n"
        "- 23:40 ET REL-97 paged on-call, ETA for fix 00:30 ET\n"
        "- 23:50 ET REL-98 missed the 00:10 ET checkpoint\n"  # (a missed one is not moved)
        "- 10:00 ET REL-99 ETA 09:45 ET\n"  # (15 minutes before: as written)
    )
    assert _deadlines(text) == [
        [3, ts("2025-10-10 04:30"), "ETA", False],
        [4, ts("2025-10-09 04:10"), "checkpoint", True],
        [5, ts("2025-10-09 13:45"), "ETA", False],
    ]
