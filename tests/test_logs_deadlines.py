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


def test_a_miss_is_what_the_item_says_of_a_deadline_not_of_a_metric_or_a_negation():
    text = (
        "All times ET.\n## 2025-10-07 (Tue)\n"
        "- 10:20 Datadog: p95 latency exceeded 800ms on staging (REL-91); ETA for fix 11:30\n"
        "- 10:21 error budget breached for checkout (REL-92), ETA for mitigation 12:00\n"
        "- REL-93 ETA 16:00, not missed - fix landed 15:50\n"
        "- REL-94 deadline 18:00 was never at risk; nothing slipped\n"
        "- REL-95 late night deploy, ETA 23:00\n"
        "- REL-96 ETA 14:00 missed, the SLA was breached\n"  # (a miss all the same)
        "- REL-97 not late, but the 15:00 ETA slipped\n"
    )
    assert [r[3] for r in _deadlines(text)] == [False, False, False, False, False, True, True]


def test_now_due_is_the_replacement_of_a_slipped_deadline():
    text = "---\ntz: America/Los_Angeles\n---\n## Fri 2025-10-10\n- WEB-306 slipped; now due Tues 10/14.\n"
    assert _deadlines(text) == [[5, ts("2025-10-14"), "due", False]]


def test_weekdays_of_deadlines_as_written_in_short_and_looking_back():
    # written on Thursday 2025-10-09 (Pacific)
    text = (
        "---\ntz: America/Los_Angeles\n---\n## Thu 2025-10-09\n"
        "- WEB-1 ETA Fri. 10:00\n"
        "- WEB-2 ETA Tues. 10am\n"
        "- WEB-3 due Fri, 10 Oct.\n"
        "- WEB-4 missed COB Wed.\n"
        "- WEB-5 overdue since last Friday\n"
        "- WEB-6 ETA Oct 10 by EOD.\n"
        "- WEB-7 due tomorrow by EOD.\n"
        "- WEB-8 Fri EOD 18:00\n"
        "- WEB-9 Fri EOD (18:00)\n"
    )
    assert _deadlines(text) == [
        [5, ts("2025-10-10 17:00"), "ETA", False],
        [6, ts("2025-10-14 17:00"), "ETA", False],
        [7, ts("2025-10-10"), "due", False],
        [8, ts("2025-10-08"), "missed", True],
        [9, ts("2025-10-03"), "overdue since", True],
        [10, ts("2025-10-10"), "ETA", False],
        [11, ts("2025-10-10"), "due", False],
        [12, ts("2025-10-11 01:00"), "EOD", False],
        [13, ts("2025-10-11 01:00"), "EOD", False],
    ]


def test_a_zone_note_is_no_item_even_with_a_date_in_it():
    text = (
        "# Change log \u2014 2025-10-21\n\nTimes in ET (UTC-4 until Nov 2, UTC-5 after).\n\n"
        "- 22:03 CHG-1300 deploy\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.deadlines.empty
    assert logs.events[["line", "at"]].values.tolist() == [[5, ts("2025-10-22 02:03")]]


def test_a_day_heading_under_a_week_title_reads_weekdays_from_its_day():
    # 'due Monday' written on Thursday is the Monday after, though the title names the week
    text = (
        "# Reliability daily log \u2014 W41\n## 2025-10-09\n- REL-93 postmortem due Monday\n"
        "## Week of Oct 6\n- REL-94 Thu 9:05 AM pinged infra\n"
    )
    logs = parse_log(text, "x.md")
    assert _deadlines(text) == [[3, ts("2025-10-13"), "due", False]]
    assert logs.events["at"].tolist()[1] == ts("2025-10-09 09:05")


def test_the_new_deadline_rules_keep_their_look_alikes_apart():
    text = (
        "---\ntz: UTC\n---\n## Thu 2025-10-09\n"
        "- A-1 ETA 12:00, error rate elevated 09:00 -> 11:00\n"  # (no deadline moved to 11:00)
        "- A-2 ETA 17:00 missed, pushed to Fri 10:00\n"
        "- A-3 ETA last Friday of October\n"  # (no date rather than the Friday before)
        "- A-4 Planned outage window Sat 02:00-04:00\n"  # (a planned window is a deadline)
        "- A-5 Outage duration: 14:02\u201315:47 UTC\n"  # (a range is no duration)
        "- 20:45 A-6 vendor ETA 08:00 this morning came and went\n"  # (told as past: not tomorrow's)
        "- 18:30 A-7 EOD recap:\n  - 03:10 batch job failed\n"  # (nested under the evening: that day)
        "- 14:15 ETA slipped, now due 17:00\n"  # (the item's own time is no deadline)
        "- Vendor exceeded the 09:00 UTC deadline\n"  # (a miss, not a metric)
        "- no deadlines slipped; release due 2025-10-12\n"
        "- the 14:00 ETA wasn\u2019t missed\n"
        "- Deadline 09:00 blown. New ETA Fri. 10:00\n"
        "| Task | Due (IST) |\n|---|---|\n| A-9 | 1530 hrs |\n"
        "- Due date: 13/Oct/25\n"
    )
    assert _deadlines(text) == [
        [5, ts("2025-10-09 12:00"), "ETA", False],
        [6, ts("2025-10-09 17:00"), "ETA", True],
        [6, ts("2025-10-10 10:00"), "ETA", False],
        [8, ts("2025-10-11 04:00"), "window", False],
        [10, ts("2025-10-09 08:00"), "ETA", False],
        [13, ts("2025-10-09 17:00"), "due", False],
        [14, ts("2025-10-09 09:00"), "deadline", True],
        [15, ts("2025-10-12"), "due", False],
        [16, ts("2025-10-09 14:00"), "ETA", False],
        [17, ts("2025-10-09 09:00"), "deadline", True],
        [17, ts("2025-10-10 10:00"), "ETA", False],
        [20, ts("2025-10-09 10:00"), "due", False],
        [21, ts("2025-10-13"), "due", False],
    ]
    ev = parse_log(text, "x.md").events.set_index("line")
    assert (ev.loc[9, "at"], ev.loc[9, "end_at"]) == (ts("2025-10-09 14:02"), ts("2025-10-09 15:47"))
    assert ev.loc[12, "at"] == ts("2025-10-09 03:10")
    assert ev.loc[13, "at"] == ts("2025-10-09 14:15")
