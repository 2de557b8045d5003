"""Round 18 (UNTIL): past 'until' and date-range readings, as a reliability engineer reads them.

A military range right after a month-name date (``window Oct 11 0700-1100``) is that day's 07:00-11:00:
before, its start was taken for the date's year (the year 700) and the range was lost; a year after such a
date is now one of 1900-2099 and never the start of a range. A state told in the past up to a time
(``was down until Tue 14:00``) is when that state ended, no promise: no ``until`` deadline, and its weekday
is the one before the text's day. How long an alert is snoozed is no time of the item (pinned: already
so). ``SLA breach at 09:45`` and ``back in 20 min`` (ZONE2's notes) stay unread: each may equally report
what happened or a person away."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.log_rows import event_rows, item, mention_rows, text_deadline_rows

THU = dt.date(2025, 10, 9)
WED = dt.date(2025, 10, 8)


# 1: a military range after a month-name date is that day's range, no year -------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("window Oct 11 0700-1100", [("Oct 11 0700-1100", "10-11 07:00", "10-11 11:00", "minute", "window")]),
    ("CHG-9 window Oct 11 0700-1100",
     [("Oct 11 0700-1100", "10-11 07:00", "10-11 11:00", "minute", "window")]),
    ("11 Oct 0700-1100", [("11 Oct 0700-1100", "10-11 07:00", "10-11 11:00", "minute", None)]),
    ("Oct 11, 0700-1100", [("Oct 11, 0700-1100", "10-11 07:00", "10-11 11:00", "minute", None)]),
    ("Oct 11 2300-0100", [("Oct 11 2300-0100", "10-11 23:00", "10-12 01:00", "minute", None)]),
    ("Oct 11 2030-2200", [("Oct 11 2030-2200", "10-11 20:30", "10-11 22:00", "minute", None)]),
    ("Oct 11 0700Z", [("Oct 11 0700Z", "10-11 07:00", None, "minute", None)]),
    # (a four-digit number that is no year of 1900-2099 is none: before, 'Oct 11 0700' was 0700-10-11)
    ("window Oct 11 0700", [("Oct 11", "10-11 00:00", None, "day", "window")]),
    # (years stay years)
    ("Oct 11 2025 maintenance", [("Oct 11 2025", "10-11 00:00", None, "day", None)]),
    ("Oct 11, 2025 maintenance", [("Oct 11, 2025", "10-11 00:00", None, "day", None)]),
    ("window Oct 11 1999", [("Oct 11 1999", "10-11 00:00", None, "day", "window")]),
    ("11 Oct 2025 14:00", [("11 Oct 2025 14:00", "10-11 14:00", None, "minute", None)]),
    ("07-Oct-2025", [("07-Oct-2025", "10-07 00:00", None, "day", None)]),
    ("09/Oct/25 10:00", [("09/Oct/25 10:00", "10-09 10:00", None, "minute", None)]),
])
def test_a_military_range_after_a_month_name_date_is_that_days(text, expected):
    assert mention_rows(text, THU, "UTC") == expected


def test_a_military_range_after_a_month_name_date_has_its_year():
    from occ_lib import times

    (m,) = times.find_times("window Oct 11 0700-1100", day=THU, tz="UTC")
    assert (m.at.isoformat(), m.until.isoformat()) == (
        "2025-10-11T07:00:00+00:00", "2025-10-11T11:00:00+00:00")


# 2: a past state's 'until' is when it ended, no deadline ------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("was down until Tue 14:00", [("14:00", "10-07 14:00", None, "minute", None)]),
    ("the outage lasted until Tue 14:00", [("14:00", "10-07 14:00", None, "minute", None)]),
    # (a promise ahead stays one)
    ("we have until Tue 14:00", [("14:00", "10-14 14:00", None, "minute", "until")]),
])
def test_a_past_states_until_looks_back(text, expected):
    assert mention_rows(text, WED, "UTC") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("OPS-1 was down until Tue 14:00", []),  # (before: an 'until' deadline 10-14 14:00)
    ("OPS-1 DB remained degraded until 03:10", []),
    ("OPS-1 the outage lasted until Tue 14:00", []),
    ("OPS-1 was degraded until 14:00", []),
    # (not a state's end: still promises)
    ("OPS-1 was told we have until 12:00", [[5, ["OPS-1"], "10-08 12:00", "until", False]]),
    ("OPS-1 window was extended until 18:00", [[5, ["OPS-1"], "10-08 18:00", "until", False]]),
    ("OPS-1 will be down until Tue 14:00", [[5, ["OPS-1"], "10-14 14:00", "until", False]]),
    ("OPS-1 down until Tue 14:00", [[5, ["OPS-1"], "10-14 14:00", "until", False]]),
])
def test_a_past_states_until_is_no_deadline(text, expected):
    assert text_deadline_rows(item(text, "Wed 2025-10-08")) == expected


def test_a_past_states_item_stays_at_its_day():
    assert event_rows(item("OPS-1 was down until Tue 14:00", "Wed 2025-10-08")) == [
        [5, "10-08 00:00", "note", 0, ["OPS-1"], "OPS-1 was down until Tue 14:00"],
    ]


# 3: how long an alert is snoozed is no time of the item (pinned) --------------------------------------
def test_a_snoozed_alerts_end_is_no_items_time():
    text = ("# Log\n\n## 2025-10-08\n\n- 14:00 OPS-1 paged\n- 15:00 OPS-1 mitigated\n- snoozed until 03:00\n"
            "- OPS-2 alert snoozed until 03:00\n\nAlert snoozed until 03:00.\n")
    assert event_rows(text) == [
        [5, "10-08 14:00", "follow_up", 1, ["OPS-1"], "14:00 OPS-1 paged"],
        [6, "10-08 15:00", "resolved", 0, ["OPS-1"], "15:00 OPS-1 mitigated"],
        [7, "10-08 00:00", "note", 0, [], "snoozed until 03:00"],
        [8, "10-08 00:00", "note", 0, ["OPS-2"], "OPS-2 alert snoozed until 03:00"],
        [10, "10-08 00:00", "note", 0, [], "Alert snoozed until 03:00."],
    ]
    assert text_deadline_rows(text) == []


# 4: left unread, as ZONE2 decided (pinned); round 19 (LEFTA) reads a breach at a time still ahead of the
# item as the SLA's deadline (a warning), and keeps 'back in 20 min' with no service named unread
def test_a_breach_at_a_time_is_read_and_back_in_minutes_stays_unread():
    from occ_lib._extract import duration_deadline

    assert text_deadline_rows(item("09:00 UTC OPS-1 SLA breach at 09:45")) == [
        [5, ["OPS-1"], "10-07 09:45", "SLA", False]]
    assert duration_deadline("back in 20 min") is None
