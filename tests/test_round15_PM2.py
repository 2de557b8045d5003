"""Round 15 (PM2): a postmortem's incident date and what is written before its milestones' times
(follow-up of tests/test_round15_PM.py; fixture tests/fixtures/round15_pm2/e_rca.md).

- A date-only incident date (``**Incident date:** Oct 7, 2025``, ``Date of incident: 2025-10-07``) did not
  anchor the timeline under it: its clock times stayed on the day the postmortem was written (Oct 10).
  It now dates it on that day, past midnight on the next, as a timed milestone does; so are the
  milestones written without a date under it (``**Impact start:** 11:42 PM``).
- An untimed item of a timeline section before its first clock time (``- all times PT``) was on the
  writing day: it is on the incident's day now (day precision).
- A postmortem's prose or items before its milestones (``Summary: pool exhausted after the 23:30 config
  push.`` over ``Impact start: Oct 7, 11:42 PM PT``) were on the writing day: they are on the
  incident's day, only under a heading that says postmortem / incident review / RCA / retro, not under
  its action items, nor when they say ``today``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from occ_lib.logs import parse_log, read_logs
from tests.log_rows import deadline_rows, event_rows

FIXTURES = Path(__file__).parent / "fixtures" / "round15_pm2"
PT = "---\ntz: America/Los_Angeles\n---\n"


def _at(text: str) -> list[list]:
    """[line, 'MM-DD HH:MM' UTC, kind, at_precision] of each event of ``text``."""
    prec = parse_log(text, "x.md").events["at_precision"].tolist()
    return [r[:3] + [p] for r, p in zip(event_rows(text), prec, strict=True)]


@pytest.mark.parametrize(("field", "kind"), [
    ("**Incident date:** Oct 7, 2025", "note"),
    ("Date of incident: 2025-10-07", "note"),
    ("- Outage date: 2025-10-07", "status"),  # (an outage is a state: as before)
])
def test_a_date_only_incident_date_dates_the_timeline_on_that_day(field, kind):
    text = PT + (f"## 2025-10-10 Postmortem OPS-9\n\n{field}\n\n"
                 "### Timeline\n- 23:42 first 502s\n- 00:05 rollback\n")
    # (was 10-11 06:42 and 10-11 07:05: Oct 10 PT, the day the postmortem was written)
    assert _at(text) == [
        [6, "10-07 00:00", kind, "day"],
        [9, "10-08 06:42", "note", "minute"],
        [10, "10-08 07:05", "note", "minute"],  # (00:05 after 23:42: Oct 8)
    ]


def test_milestones_without_a_date_under_an_incident_date_are_on_its_night():
    text = PT + ("## 2025-10-10 Incident review OPS-9\n\n- Incident date: 2025-10-07\n"
                 "- Impact start: 11:42 PM\n- Resolved: 01:15 AM\n\n"
                 "### Timeline\n- 00:05 rollback\n- 00:40 mitigated\n")
    assert _at(text) == [
        [6, "10-07 00:00", "note", "day"],
        [7, "10-08 06:42", "note", "minute"],  # (was 10-11 06:42)
        [8, "10-08 08:15", "resolved", "minute"],  # (past midnight: Oct 8 01:15 PT; was 10-11 08:15)
        # the timeline's first time is read nearest the impact start (Oct 7 23:42), not on Oct 7
        [11, "10-08 07:05", "note", "minute"],
        [12, "10-08 07:40", "resolved", "minute"],
    ]
    # a timed milestone's own undated next one goes on past midnight too (was 10-10 08:15)
    timed = PT + "## 2025-10-10 Postmortem OPS-9\n\nImpact start: Oct 7, 11:42 PM PT\nResolved: 01:15 AM PT\n"
    assert _at(timed) == [[6, "10-08 06:42", "note", "minute"], [7, "10-08 08:15", "resolved", "minute"]]


def test_a_date_only_incident_date_far_from_the_section_or_without_a_timeline_changes_nothing():
    old = PT + ("## 2025-10-20 Postmortem OPS-9\n\nIncident date: Oct 7, 2025\n\n"
                "### Timeline\n- 23:42 first 502s\n")
    assert _at(old) == [[6, "10-07 00:00", "note", "day"], [9, "10-21 06:42", "note", "minute"]]
    standup = PT + "## 2025-10-10 Standup\n\nIncident date: Oct 7, 2025\n\n- 09:00 OPS-9 review\n"
    assert _at(standup) == [[6, "10-07 00:00", "note", "day"], [8, "10-10 16:00", "note", "minute"]]


def test_untimed_items_before_a_timelines_first_clock_time_are_on_the_incidents_day():
    text = PT + ("## 2025-10-10 Postmortem OPS-9\n\nImpact start: Oct 7, 11:42 PM PT\n\n### Timeline\n"
                 "- OPS-9 all times PT, from the pager log\n- 23:42 first 502s\n- 00:05 rollback\n")
    assert _at(text) == [
        [6, "10-08 06:42", "note", "minute"],
        [9, "10-07 00:00", "note", "day"],  # (was 10-10 00:00, the writing day)
        [10, "10-08 06:42", "note", "minute"],
        [11, "10-08 07:05", "note", "minute"],
    ]
    # a timeline that the milestones do not date (a week after them) keeps its untimed item too
    old = text.replace("2025-10-10 Postmortem", "2025-10-20 Postmortem")
    assert _at(old)[1:3] == [[9, "10-20 00:00", "note", "day"], [10, "10-21 06:42", "note", "minute"]]


def test_prose_before_the_milestones_is_on_the_incidents_day():
    text = PT + ("## 2025-10-10 Postmortem OPS-9\n\nSummary: pool exhausted after the 23:30 config push.\n\n"
                 "Impact start: Oct 7, 11:42 PM PT\n")
    # (was 10-11 06:30: Oct 10 23:30 PT)
    assert _at(text) == [[6, "10-08 06:30", "note", "minute"], [8, "10-08 06:42", "note", "minute"]]
    # so with a milestones table
    table = PT + ("## 2025-10-10 Postmortem OPS-9\n\nSummary: pool exhausted after the 23:30 config push.\n\n"
                  "| Milestone | Time |\n|---|---|\n| Impact start | Oct 7, 11:42 PM |\n")
    assert _at(table) == [[6, "10-08 06:30", "note", "minute"], [10, "10-08 06:42", "note", "minute"]]
    # a timeline written before the milestones: its first time nearest them, the next past midnight
    first = PT + ("## 2025-10-10 Postmortem OPS-9\n\n### Timeline\n- all times PT\n- 23:42 first 502s\n"
                  "- 00:05 rollback\n- 01:15 resolved\n\n### Impact\n- Impact start: Oct 7, 11:42 PM PT\n")
    assert _at(first) == [
        [7, "10-07 00:00", "note", "day"],
        [8, "10-08 06:42", "note", "minute"],
        [9, "10-08 07:05", "note", "minute"],
        [10, "10-08 08:15", "resolved", "minute"],
        [13, "10-08 06:42", "note", "minute"],
    ]


def test_prose_before_the_milestones_keeps_the_writing_day_outside_a_postmortem_or_its_incident():
    summary = "Summary: pool exhausted after the 23:30 config push.\n\nImpact start: Oct 7, 11:42 PM PT\n"
    # a heading that says no postmortem
    assert _at(PT + "## 2025-10-10 OPS-9 notes\n\n" + summary)[0] == [6, "10-11 06:30", "note", "minute"]
    # milestones over a week before the section
    assert _at(PT + "## 2025-10-20 Postmortem OPS-9\n\n" + summary)[0] == [6, "10-21 06:30", "note", "minute"]
    # a day word: the day it was written
    today = PT + ("## 2025-10-10 Postmortem OPS-9\n\nReview held today at 10:00.\n\n"
                  "Impact start: Oct 7, 11:42 PM PT\n")
    assert _at(today)[0] == [6, "10-10 17:00", "note", "minute"]
    # a plan counted from the writing day: its deadline is the writing week's Wednesday, not Oct 8
    eta = PT + ("## 2025-10-10 Postmortem OPS-9\n\n- OPS-9 fix ETA Wednesday\n\n"
                "Impact start: Oct 7, 11:42 PM PT\n")
    assert _at(eta)[0] == [6, "10-10 00:00", "deadline", "day"]
    assert deadline_rows(parse_log(eta, "x.md").deadlines) == [[6, ["OPS-9"], "10-15 00:00", "ETA", False]]
    # its action items
    actions = PT + ("## 2025-10-10 Postmortem OPS-9\n\n### Action items\n- 09:00 OPS-9 review booked\n\n"
                    "### Impact\nImpact start: Oct 7, 11:42 PM PT\n")
    assert _at(actions)[0] == [7, "10-10 16:00", "note", "minute"]
    # an earlier dated postmortem is its own day's
    earlier = PT + ("## 2025-10-09 Postmortem OPS-8\n\nSummary: the 23:30 push.\n\n"
                    "## 2025-10-10 Postmortem OPS-9\n\nImpact start: Oct 7, 11:42 PM PT\n")
    assert _at(earlier) == [[6, "10-10 06:30", "note", "minute"], [10, "10-08 06:42", "note", "minute"]]


def test_an_rca_dated_by_its_incident_date_and_front_matter():
    logs = read_logs([str(FIXTURES / "e_rca.md")])
    ev = logs.events
    got = [[ln, at.strftime("%m-%d %H:%M"), k, lv, list(t), p] for ln, at, k, lv, t, p in zip(
        ev["line"], ev["at"], ev["kind"], ev["level"], ev["tickets"], ev["at_precision"], strict=True)]
    assert got == [
        [7, "10-07 00:00", "note", 0, ["INC-6020"], "day"],  # **Incident date:** Oct 7, 2025
        [11, "10-08 06:30", "note", 0, ["INC-6020"], "minute"],  # (summary: was 10-11 06:30)
        [12, "10-07 00:00", "note", 0, ["INC-6020"], "day"],  # (was 10-10 00:00)
        [15, "10-08 06:42", "note", 0, ["INC-6020"], "minute"],  # Impact start: 11:42 PM (was 10-11)
        [16, "10-08 06:50", "note", 0, ["INC-6020"], "minute"],
        [17, "10-08 07:45", "resolved", 0, ["INC-6020"], "minute"],  # Resolved: 12:45 AM
        [21, "10-07 00:00", "note", 0, ["INC-6020"], "day"],  # (before the first clock time)
        [22, "10-08 06:42", "note", 0, ["INC-6020"], "minute"],
        [23, "10-08 06:50", "escalation", 1, ["INC-6020"], "minute"],
        [24, "10-08 07:10", "note", 0, ["INC-6020"], "minute"],
        [25, "10-08 07:45", "resolved", 0, ["INC-6020"], "minute"],
        [28, "10-10 00:00", "deadline", 0, ["INC-6021"], "day"],  # (action items: the writing day)
    ]
    assert deadline_rows(logs.deadlines) == [[28, ["INC-6021"], "10-17 00:00", "due", False]]
    assert logs.problems.empty
