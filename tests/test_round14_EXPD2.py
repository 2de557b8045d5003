"""Round 14 (EXPD2): a postmortem pasted under a later heading, and a ticket's due date that slipped
(tests/fixtures/round14_d, the reliability team's weekly log).

- A postmortem's timeline table of clock times only (``| 11:42 PM | First 502s |``) under the paste's
  heading (``## Postmortem ... (pasted ..., Oct 8)``) was dated by that heading: every row a day late,
  and INC-7712's response read missed by 78 minutes instead of 8. The milestones table above it
  (``| Impact start | Oct 7, 11:42 PM |``) says which day the timeline starts on.
- ``REL-901 ... slipped to Oct 22`` (no ETA nor due word) was neither a deadline nor a move: REL-901's
  ``10/17`` due was never superseded, and the item's time was Oct 22, the new due date.
"""

from __future__ import annotations

from pathlib import Path

from occ_lib.logs import parse_log
from occ_lib.sla import misses
from occ_lib.workspace import Workspace
from tests.log_rows import deadline_rows, event_rows

FIXTURES = Path(__file__).parent / "fixtures" / "round14_d"
PT = "---\ntz: America/Los_Angeles\n---\n"
POSTMORTEM = (
    "## Postmortem: INC-7712 (pasted from the PM doc, Oct 8, 2025)\n"  # line 4
    "\n"
    "| Milestone | Time (PT) |\n"
    "|---|---|\n"
    "| Impact start | Oct 7, 11:42 PM |\n"  # line 8
    "\n"
    "### Timeline\n"
    "\n"
    "| Time (PT) | Event | Who |\n"
    "|---|---|---|\n"
)


def _at(text: str) -> list[list]:
    """[line, 'MM-DD HH:MM' UTC, kind] of each event of ``text``."""
    return [r[:3] for r in event_rows(text)]


def test_a_timeline_of_clock_times_is_on_the_day_of_the_milestones_above_it():
    text = PT + POSTMORTEM + (
        "| 11:42 PM | First 502s | x |\n"
        "| 12:05 AM | PagerDuty page for INC-7712, acked by Alex | Alex |\n"
        "| 1:15 AM | mitigated | Alex |\n"
        "\n"
        "### Follow-up\n"
        "\n"
        "| Time (PT) | Event |\n"
        "|---|---|\n"
        "| 9:00 AM | INC-7712 review booked |\n"
        "\n"
        "## Thu Oct 9, 2025\n"
        "\n"
        "| Time (PT) | Event |\n"
        "|---|---|\n"
        "| 9:00 AM | INC-7712 review held |\n"
    )
    assert _at(text) == [
        [8, "10-08 06:42", "note"],  # (Oct 7, 11:42 PM PDT)
        [14, "10-08 06:42", "note"],  # (was 10-09 06:42: the heading's Oct 8)
        [15, "10-08 07:05", "acknowledged"],  # (past midnight: Oct 8, 12:05 AM)
        [16, "10-08 08:15", "resolved"],
        # (a later table of the postmortem starts nearest the milestone too: Oct 8, 9:00 AM)
        [22, "10-08 16:00", "note"],
        # (a dated section of its own is its own day)
        [28, "10-09 16:00", "note"],
    ]


def test_a_timeline_starting_after_midnight_is_on_the_day_after_the_evening_milestone():
    text = PT + POSTMORTEM + (
        "| 12:05 AM | PagerDuty page for INC-7712, acked | Alex |\n"
        "| 12:20 AM | Escalated to payments manager | Alex |\n"
    )
    assert _at(text) == [
        [8, "10-08 06:42", "note"],
        [14, "10-08 07:05", "acknowledged"],  # (Oct 8, 12:05 AM PDT: 23 minutes after 11:42 PM)
        [15, "10-08 07:20", "escalation"],
    ]


def test_a_timeline_keeps_its_heading_date_without_milestones_or_a_week_after_them():
    # no dated milestones above: the heading's day (as before)
    plain = PT + (
        "## Postmortem: INC-7712 (Oct 8, 2025)\n\n### Timeline\n\n| Time (PT) | Event |\n|---|---|\n"
        "| 11:42 PM | First 502s for INC-7712 |\n"
    )
    assert _at(plain) == [[10, "10-09 06:42", "note"]]
    # milestones over a week before the section's day say nothing of its timeline
    old = PT + (
        "## Status (Oct 20, 2025)\n\n| Milestone | Time (PT) |\n|---|---|\n"
        "| Last incident | Oct 7, 11:42 PM |\n\n| Time (PT) | Event |\n|---|---|\n"
        "| 9:00 AM | OPS-1 standup |\n"
    )
    assert _at(old) == [[8, "10-08 06:42", "note"], [12, "10-20 16:00", "note"]]


def test_the_pasted_postmortem_response_is_missed_by_8_minutes_not_78():
    ws = Workspace.load(FIXTURES / "occ.yml")
    logs = ws.logs
    ev = logs.events[logs.events["source"].str.endswith("a_reliability_weekly.md")]
    ev = ev[ev["line"].between(25, 30)]
    assert [
        [ln, at.strftime("%m-%d %H:%M"), k, lv] for ln, at, k, lv in zip(
            ev["line"], ev["at"], ev["kind"], ev["level"], strict=True)
    ] == [
        [25, "10-08 06:42", "note", 0],
        [26, "10-08 07:05", "acknowledged", 0],
        [27, "10-08 07:20", "escalation", 2],
        [28, "10-08 07:48", "note", 0],
        [29, "10-08 08:15", "resolved", 0],
        [30, "10-08 16:30", "resolved", 0],
    ]
    out = misses(logs, None, ws.policy, start="2025-10-06", end="2025-10-13", as_of="2025-10-13T00:00Z")
    out = out[out["subject"].eq("INC-7712")]
    assert [
        [k, d.strftime("%m-%d %H:%M"), r.strftime("%m-%d %H:%M"), st, o]
        for k, d, r, st, o in zip(
            out["kind"], out["due_at"], out["resolved_at"], out["status"], out["overage_min"], strict=True)
    ] == [
        ["response", "10-08 06:57", "10-08 07:05", "missed", 8.0],
        ["resolution", "10-09 06:42", "10-08 08:15", "met", 0.0],
    ]


def _deadlines(body: str) -> list[list]:
    return deadline_rows(parse_log(PT + body, "x.md").deadlines)


DUE = "## Wed Oct 8, 2025\n\n- REL-901 keepalive lint, due 10/17.\n\n## Fri Oct 17, 2025\n\n"


def test_a_tickets_due_date_slipped_to_a_new_one_is_moved():
    body = DUE + (
        "- REL-901 keepalive lint not done, slipped to Oct 22 (Mei out sick).\n"
        "- REL-901 pushed out to Fri 10/24 16:00.\n"
        "- REL-901 rescheduled for Mon 10/20.\n"
    )
    assert _deadlines(body) == [
        [6, ["REL-901"], "10-17 00:00", "due", False],
        [10, ["REL-901"], "10-22 00:00", "due", False],
        [11, ["REL-901"], "10-24 23:00", "due", False],
        [12, ["REL-901"], "10-20 00:00", "due", False],
    ]
    dl = parse_log(PT + body, "x.md").deadlines
    assert dl["moves"].tolist() == [False, True, True, True]
    # the item is written on its section's day, not on the day it moved to
    assert _at(PT + body)[1] == [10, "10-17 00:00", "deadline"]
    out = misses(parse_log(PT + body, "x.md"), None, None, start="2025-10-13", end="2025-10-20",
                 as_of="2025-10-20T00:00Z")
    out = out[out["kind"].eq("deadline")]
    assert [[s, d.strftime("%m-%d %H:%M"), st, ln] for s, d, st, ln in zip(
        out["subject"], out["due_at"], out["status"], out["line"], strict=True)] == [
        ["REL-901", "10-18 07:00", "superseded", 6],
        ["REL-901", "10-21 07:00", "open", 12],  # (each move supersedes the one before, in line order)
        ["REL-901", "10-23 07:00", "superseded", 10],
        ["REL-901", "10-24 23:00", "superseded", 11],
    ]


def test_a_move_to_no_date_or_of_a_ticket_with_no_deadline_before_is_none():
    body = DUE + (
        "- REL-901 moved to #reliability-alerts at 10:00.\n"
        "- REL-901 fix pushed to main at 11:30.\n"
        "- REL-901 moved to Done on Oct 17.\n"
        "- REL-950 slipped to Oct 22.\n"  # (no deadline of its own before)
        "- REL-901 error rate 09:00 -> 11:00.\n"  # (an arrow is no move of a ticket's due)
        "- REL-901 standup moved to 10:00.\n"  # (a meeting moved, not the ticket's promise)
        "- REL-901 review got pushed to Oct 20.\n"
    )
    assert _deadlines(body) == [[6, ["REL-901"], "10-17 00:00", "due", False]]
    assert _at(PT + body)[1:] == [
        [10, "10-17 17:00", "note"],
        [11, "10-17 18:30", "note"],
        [12, "10-17 00:00", "resolved"],
        # (no promise of REL-950's to move; where a thing moved to is never the item's own time, round 15
        # EXP2: these three are written on their section's day)
        [13, "10-17 00:00", "note"],
        [14, "10-17 16:00", "note"],
        [15, "10-17 00:00", "note"],  # (the standup's new time; no deadline)
        [16, "10-17 00:00", "note"],
    ]
