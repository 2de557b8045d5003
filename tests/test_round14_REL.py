"""Round 14 (REL): a relative day word dates the time written next to it, not the stamp that opens the
item when it comes later, after other words ('16:05 UTC OPS-5 will deploy tomorrow': 16:05 is when the
item was written, on its section's day); one attached to the stamp ('16:20 UTC tomorrow', '16:25 UTC,
tomorrow:'), written before it ('Tomorrow 09:00 UTC') or next to a keyword's own time ('ETA tomorrow
10:00') still dates it; the midnight rules of a non-UTC log still hold."""

from __future__ import annotations

import pandas as pd

from tests.log_rows import deadline_cells, event_rows

OPS = "# Ops\n\n## 2025-10-08\n\n"


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def test_a_day_word_after_other_words_does_not_move_the_stamp_that_opens_the_item():
    text = OPS + (
        "- 16:05 UTC OPS-5 will deploy tomorrow.\n"
        "- 16:10 UTC OPS-6 deploying tomorrow at 10:00 UTC.\n"
        "- Tomorrow 09:00 UTC OPS-8 kickoff\n"
        "- 16:05 UTC OPS-5 rolled back the deploy from yesterday\n"
        "- 09:40 OPS-309 resolved yesterday.\n"
        "- 09:40 OPS-309 blocked yesterday, yesterday evening resolved.\n"
    )
    assert event_rows(text) == [
        [5, "10-08 16:05", "plan", 0, ["OPS-5"], "16:05 UTC OPS-5 will deploy tomorrow."],
        [6, "10-08 16:10", "plan", 0, ["OPS-6"], "16:10 UTC OPS-6 deploying tomorrow at 10:00 UTC."],
        [7, "10-09 09:00", "plan", 0, ["OPS-8"], "Tomorrow 09:00 UTC OPS-8 kickoff"],
        [8, "10-08 16:05", "note", 0, ["OPS-5"], "16:05 UTC OPS-5 rolled back the deploy from yesterday"],
        # (the day word on the step verb dates the step, to its day: round 14 REL2)
        [9, "10-07 00:00", "resolved", 0, ["OPS-309"], "09:40 OPS-309 resolved yesterday."],
        [10, "10-07 00:00", "resolved", 0, ["OPS-309"],
         "09:40 OPS-309 blocked yesterday, yesterday evening resolved."],
    ]
    assert deadline_cells(text) == []


def test_a_deadlines_time_keeps_its_day_word_and_the_stamp_keeps_its_day():
    text = OPS + "- [07:18Z] OPS-9 ETA tomorrow 10:00 UTC\n"
    assert event_rows(text) == [
        [5, "10-08 07:18", "deadline", 0, ["OPS-9"], "[07:18Z] OPS-9 ETA tomorrow 10:00 UTC"],
    ]
    assert deadline_cells(text) == [[5, ts("2025-10-09 10:00"), "minute", "ETA", False]]


def test_a_day_word_attached_to_the_stamp_still_dates_it():
    text = OPS + (
        "- 16:20 UTC tomorrow OPS-10 drill\n"
        "- 16:25 UTC, tomorrow: OPS-11 drill\n"
        "- 09:00 and 17:00 UTC tomorrow OPS-12 checks\n"
        "- 09:00 UTC tomorrow's change freeze\n"
        "- OPS-13 pinged at 17:00 yesterday, resolved today.\n"
    )
    assert event_rows(text) == [
        [5, "10-09 16:20", "plan", 0, ["OPS-10"], "16:20 UTC tomorrow OPS-10 drill"],
        [6, "10-09 16:25", "plan", 0, ["OPS-11"], "16:25 UTC, tomorrow: OPS-11 drill"],
        # (a list of times before the day word shares it)
        [7, "10-09 09:00", "plan", 0, ["OPS-12"], "09:00 and 17:00 UTC tomorrow OPS-12 checks"],
        # (a possessive day word is a thing of that day, not the stamp's day)
        [8, "10-08 09:00", "plan", 0, [], "09:00 UTC tomorrow's change freeze"],
        # (a time that does not open the item keeps the day word next to it)
        [9, "10-07 17:00", "resolved", 0, ["OPS-13"], "OPS-13 pinged at 17:00 yesterday, resolved today."],
    ]


def test_a_new_york_night_keeps_its_midnight_rules():
    text = "---\ntz: America/New_York\n---\n## 2025-10-08\n" + (
        "- 00:20 OPS-7 retry tomorrow\n"  # the section's small hours, no evening before it
        "- 23:30 OPS-7 will deploy tomorrow\n"  # 23:30 EDT of the 8th: 03:30 UTC on the 9th
        "- 00:20 OPS-7 rollback done, retry tomorrow\n"  # past midnight after 23:30: the 9th
        "- 00:45 tomorrow OPS-7 retro\n"  # its own day word: the 9th, not rolled again
    )
    assert event_rows(text) == [
        [5, "10-08 04:20", "plan", 0, ["OPS-7"], "00:20 OPS-7 retry tomorrow"],
        [6, "10-09 03:30", "plan", 0, ["OPS-7"], "23:30 OPS-7 will deploy tomorrow"],
        [7, "10-09 04:20", "resolved", 0, ["OPS-7"], "00:20 OPS-7 rollback done, retry tomorrow"],
        [8, "10-09 04:45", "plan", 0, ["OPS-7"], "00:45 tomorrow OPS-7 retro"],
    ]


def test_a_bracket_attaches_a_day_word_to_the_stamp_and_a_short_form_after_words_does_not():
    text = OPS + (
        "- [16:05] tomorrow: OPS-14 drill\n"
        "- 16:05 (tomorrow) OPS-15 drill\n"
        "- 22:00 (Fri) OPS-16 drill\n"  # (as '22:00 Fri' is: the Friday before the Wednesday)
        "- 16:05 UTC OPS-17 deploy tmrw\n"
    )
    assert event_rows(text) == [
        [5, "10-09 16:05", "plan", 0, ["OPS-14"], "[16:05] tomorrow: OPS-14 drill"],
        [6, "10-09 16:05", "plan", 0, ["OPS-15"], "16:05 (tomorrow) OPS-15 drill"],
        [7, "10-03 22:00", "note", 0, ["OPS-16"], "22:00 (Fri) OPS-16 drill"],
        [8, "10-08 16:05", "note", 0, ["OPS-17"], "16:05 UTC OPS-17 deploy tmrw"],
    ]
