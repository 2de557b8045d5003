"""Round 14 (EXPA2): what the first log hunt left. A night heading written as a range of days (``## Oct
9–10, 2025 night shift``); a year-less slash date that opens an item; a window's day of no ticket (no
promise); a pasted mail's ``Sent:`` time without zone (a problem); then a Slack channel export, whose
deadlines are written on a 12-hour clock without AM/PM (``fix by 3:00`` at 11:20 AM is 3 PM)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import deadline_rows, event_rows

# --- 1: a heading's range of days that is one night --------------------------------------------------


def test_a_night_heading_of_a_range_of_days_puts_its_morning_on_the_second():
    text = (
        "## Oct 9\u201310, 2025 night shift\n"
        "\n"
        "- PAY-1 paged at 02:10\n"
        "- 23:55 PAY-2 paged\n"
        "\n"
        "## Oct 10-11 night shift\n"
        "\n"
        "- 01:30 PAY-3 paged\n"
        "\n"
        "## 11\u201312 Oct 2025 night\n"
        "\n"
        "- 03:00 PAY-4 paged\n"
        "\n"
        "## Oct 12\u201313, 2025 release\n"
        "\n"
        "- 03:00 PAY-5 paged\n"
    )
    assert [r[:5] for r in event_rows(text)] == [
        [3, "10-10 02:10", "follow_up", 1, ["PAY-1"]],
        [4, "10-09 23:55", "follow_up", 1, ["PAY-2"]],
        [8, "10-11 01:30", "follow_up", 1, ["PAY-3"]],
        [12, "10-12 03:00", "follow_up", 1, ["PAY-4"]],
        # (no night: a span of days is dated by its first)
        [16, "10-12 03:00", "follow_up", 1, ["PAY-5"]],
    ]


# --- 2: a year-less slash date that opens an item --------------------------------------------------------


def test_a_slash_date_that_opens_an_item_is_its_day_in_the_documents_order():
    text = (
        "## 2025-10-08\n"
        "\n"
        "- 10/7 QA-1201 resolved\n"
        "- 10/6: OPS-3 hotfix deployed\n"
        "- 3/4 nodes restarted OPS-4\n"
        "- 10/12 hosts patched OPS-6\n"
    )
    assert event_rows(text) == [
        [3, "10-07 00:00", "resolved", 0, ["QA-1201"], "10/7 QA-1201 resolved"],
        [4, "10-06 00:00", "note", 0, ["OPS-3"], "10/6: OPS-3 hotfix deployed"],
        # (a count, and a date that no capital word nor separator follows: the section's day)
        [5, "10-08 00:00", "status", 0, ["OPS-4"], "3/4 nodes restarted OPS-4"],  # (KIND2: 3 of 4, progress)
        [6, "10-08 00:00", "status", 0, ["OPS-6"], "10/12 hosts patched OPS-6"],  # (KIND2: 10 of 12)
    ]
    day_first = "---\ndate_order: dmy\n---\n## 2025-10-08\n\n- 7/10 QA-1201 resolved\n"
    assert event_rows(day_first) == [[6, "10-07 00:00", "resolved", 0, ["QA-1201"], "7/10 QA-1201 resolved"]]


# --- 3: a window's day of no ticket is no promise -------------------------------------------------------


def test_a_windows_day_of_no_ticket_is_no_deadline_and_a_timed_or_ticketed_window_still_is():
    text = (
        "## 2025-10-08\n"
        "\n"
        "Window: Thursday Oct 9, 2025.\n"
        "\n"
        "- maintenance window until 06:00 UTC\n"
        "- OPS-7 maintenance window Oct 10\n"
        "- Change window: Sat 02:00-04:00 UTC\n"
    )
    logs = parse_log(text, "x.md")
    assert deadline_rows(logs.deadlines) == [
        [5, [], "10-08 06:00", "window", False],  # (the window's end: test_round14_EDGE)
        [6, ["OPS-7"], "10-10 00:00", "window", False],
        [7, [], "10-11 04:00", "window", False],
    ]
    assert [r[:4] for r in event_rows(text)] == [
        [3, "10-09 00:00", "note", 0],  # (the day the item tells of)
        [5, "10-08 00:00", "deadline", 0],
        [6, "10-08 00:00", "deadline", 0],
        [7, "10-08 00:00", "deadline", 0],
    ]
    out = misses(logs, None, Policy(), start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-10-13", tz="UTC"), as_of=pd.Timestamp("2025-10-13", tz="UTC"))
    assert out[["line", "subject", "status"]].values.tolist() == [
        [6, "OPS-7", "missed"],
        # (lines 5 and 7, timed windows of no ticket, announce them: no SLA row, test_round14_KINDS and
        # test_round14_EDGE)
    ]


# --- 4: a pasted mail's time without zone, in a log that declares none ----------------------------------

MAIL = (
    "# Fwd: VND-4412 status\n"
    "\n"
    "From: Jane Roe <jane@vendor.com>\n"
    "Sent: Thursday, October 9, 2025 4:12 PM\n"
    "Subject: RE: VND-4412 outage\n"
    "\n"
    "We have escalated VND-4412 to engineering.\n"
    "\n"
    "From: Sam <sam@vendor.com>\n"
    "Sent: Friday, October 10, 2025 09:00 PDT\n"
    "Subject: RE: VND-4412\n"
)


def test_a_mail_headers_time_without_zone_is_a_problem_unless_the_log_declares_a_zone():
    problems = parse_log(MAIL, "x.md").problems
    assert problems[["line", "what", "token", "reason"]].values.tolist() == [
        [4, "time", "Sent: Thursday, October 9, 2025 4:12 PM",
         "time without zone in a pasted email header, read as UTC"],
    ]
    assert parse_log("All times ET.\n\n" + MAIL, "x.md").problems.empty


# --- 6: a Slack channel export (12-hour local clock declared once, reactions, threads, edits) ------------


def test_a_bare_clock_deadline_on_a_12_hour_clock_is_the_one_to_come():
    text = (
        "## 2025-10-09\n"
        "\n"
        "[10:55 AM] Sam Lee\n"
        "PAY-1 escalated to vendor, fix ETA 4:30\n"
        "\n"
        "[11:50 PM] Sam Lee\n"
        "PAY-2 vendor ETA 9:30\n"
        "\n"
        "- 10:55 UTC PAY-3 vendor ETA 4:30\n"
    )
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [
        [3, ["PAY-1"], "10-09 16:30", "ETA", False],
        [7, ["PAY-2"], "10-10 09:30", "ETA", False],  # (over 12 hours before: the next morning's, as before)
        [9, ["PAY-3"], "10-09 04:30", "ETA", False],  # (a 24-hour clock: as written)
    ]


def test_a_slack_channel_export_reads_its_messages_and_promises():
    text = (Path(__file__).parent / "fixtures" / "round14" / "e_slack_channel.md").read_text(encoding="utf-8")
    logs = parse_log(text, "x.md")
    assert [r[:5] for r in event_rows(text)] == [
        [7, "10-09 17:42", "escalation", 1, ["PAY-8120"]],
        [11, "10-09 17:44", "acknowledged", 0, ["PAY-8120"]],
        [15, "10-09 17:58", "note", 0, ["PAY-8120"]],
        [18, "10-09 18:15", "resolved", 0, ["PAY-8120"]],
        [22, "10-09 18:20", "escalation", 2, ["PAY-8121"]],
        [26, "10-09 23:05", "deadline", 0, ["PAY-8121"]],  # ('new ETA tomorrow 10 AM': test_round14_KINDS)
        [31, "10-10 16:50", "resolved", 0, ["PAY-8121"]],
    ]
    # ('vendor says fix by 3:00' written at 11:20 AM PDT: 3:00 PM, 22:00 UTC, the 3pm missed at 4:05 PM)
    assert deadline_rows(logs.deadlines) == [
        [18, ["PAY-8120"], "10-13 00:00", "postmortem", False],
        [22, ["PAY-8121"], "10-09 22:00", "by", False],
        [26, ["PAY-8121"], "10-09 22:00", "missed", True],
        [26, ["PAY-8121"], "10-10 17:00", "ETA", False],
    ]
    assert logs.problems.empty
