"""Deadline wording as test-drivers wrote it (rounds td50, td55): a weekday written as missed looks back, the
ETA after a missed one ('next ETA') and the one it slipped from, and deadlines not met."""

from __future__ import annotations

import pandas as pd

from occ_lib import _extract as ex
from occ_lib.logs import parse_log


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _deadlines(text: str) -> list[list]:
    dl = parse_log(text, "x.md").deadlines
    return dl[["line", "due_at", "due_precision", "keyword", "stated_missed"]].values.tolist()


def _event_at(text: str) -> list[list]:
    ev = parse_log(text, "x.md").events
    return ev[["line", "at", "kind"]].values.tolist()


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
