"""Round 14 (EXPD): a postmortem pasted into a reliability team's weekly log (PT, AM/PM) and a
change-advisory calendar (UTC), read row by row as the team's lead would (tests/fixtures/round14_d).

- A date written right after the ticket key that opens an item, bracketed or before a colon
  ('ECAB-77 (Tue Oct 7): approved at 08:10'), is the item's own date: its times were on the
  calendar's Monday (the week's base date), a day to five days early.
- 'approved 16:05, done by 16:30' tells when the change was done: it was a 'by' deadline of the
  item's two tickets, both missed (false misses of 8,070 minutes), and the ticket never resolved.
- A step after an item's first time written with its own date later than the section's ('rolled
  back at 00:40 on Oct 10 ..., resolved 01:05') is on that date: it was on the calendar's Monday, a
  resolution four days before the incident opened.
"""

from __future__ import annotations

from pathlib import Path

from occ_lib.logs import parse_log
from occ_lib.workspace import Workspace
from tests.log_rows import deadline_rows, event_rows

FIXTURES = Path(__file__).parent / "fixtures" / "round14_d"
CAB_HEAD = (
    "# Change Advisory Board \u2014 calendar, week 2025-W41\n"
    "\n"
    "CAB chair: Sam. Windows are UTC. Approved at the CAB on Mon Oct 6, 2025, 15:00 UTC.\n"
    "\n"
    "## Emergency changes\n"
    "\n"
)


def _rows(body: str) -> list[list]:
    """[line, 'MM-DD HH:MM', kind, tickets] of each event of ``body`` under the calendar's head."""
    return [r[:3] + [r[4]] for r in event_rows(CAB_HEAD + body)]


def test_a_date_after_the_ticket_key_that_opens_an_item_dates_its_times():
    assert _rows(
        "- ECAB-77 (Tue Oct 7): hotfix for checkout keepalive, approved by Sam at 08:10.\n"
        "- ECAB-79 Sat Oct 11: disk full on log-shipper-3, resized at 09:10 UTC.\n"
        "- ECAB-80: hotfix for Oct 7 approved at 08:10.\n"
    ) == [
        [3, "10-06 15:00", "note", []],
        [7, "10-07 08:10", "note", ["ECAB-77"]],
        [8, "10-11 09:10", "note", ["ECAB-79"]],
        # (a date later in the text is about something else: the calendar's day)
        [9, "10-06 08:10", "note", ["ECAB-80"]],
    ]


def test_done_by_a_time_after_a_stamped_step_is_when_it_was_done():
    text = CAB_HEAD + (
        "- ECAB-78 (Thu Oct 9): revoke leaked deploy key; approved 16:05, done by 16:30. Follow-up\n"
        "  SEC-301 to rotate remaining keys, due Oct 13.\n"
        "- ECAB-81 (Thu Oct 9): fix done by 16:30.\n"
        "- ECAB-82 (Thu Oct 9): approved 16:05, done by Friday.\n"
    )
    assert [r[:3] + [r[4]] for r in event_rows(text)] == [
        [3, "10-06 15:00", "note", []],
        [7, "10-09 16:05", "note", ["ECAB-78"]],
        [7, "10-09 16:30", "resolved", ["ECAB-78"]],
        [9, "10-09 00:00", "deadline", ["ECAB-81"]],
        [10, "10-09 16:05", "deadline", ["ECAB-82"]],
    ]
    # (a promise without a step before it, or of a day, is still one)
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [
        [7, ["SEC-301"], "10-13 00:00", "due", False],
        [9, ["ECAB-81"], "10-09 16:30", "by", False],
        [10, ["ECAB-82"], "10-10 00:00", "by", False],
    ]


def test_a_step_after_a_first_time_dated_later_than_the_section_is_on_that_date():
    assert _rows(
        "- CHG-4422 rolled back at 00:40 on Oct 10: migration lock blocked writes\n"
        "  (INC-7730 opened, resolved 01:05).\n"
        "- CHG-4426 deploy started at 23:50 on Oct 9, done 00:20.\n"
        "- CHG-4427 errors since Oct 3 14:00, fixed 09:00.\n"
    ) == [
        [3, "10-06 15:00", "note", []],
        [7, "10-10 00:40", "blocked", ["CHG-4422", "INC-7730"]],
        [7, "10-10 01:05", "resolved", ["CHG-4422", "INC-7730"]],
        [9, "10-09 23:50", "note", ["CHG-4426"]],
        [9, "10-10 00:20", "resolved", ["CHG-4426"]],  # (the next day: earlier than 23:50)
        # (a date before the calendar's day is a reference: 09:00 stays on its day)
        [10, "10-03 14:00", "note", ["CHG-4427"]],
        [10, "10-06 09:00", "resolved", ["CHG-4427"]],
    ]


def test_the_cab_calendar_emergency_changes_are_on_their_days_and_promise_nothing_false():
    logs = Workspace.load(FIXTURES / "occ.yml").logs
    ev = logs.events[logs.events["source"].str.endswith("b_cab_calendar.md")]
    ev = ev[ev["line"].between(20, 35)]
    assert [
        [ln, at.strftime("%m-%d %H:%M"), k, list(t)]
        for ln, at, k, t in zip(ev["line"], ev["at"], ev["kind"], ev["tickets"], strict=True)
    ] == [
        [20, "10-10 00:40", "blocked", ["CHG-4422", "INC-7730"]],
        [20, "10-10 01:05", "resolved", ["CHG-4422", "INC-7730"]],
        # (where it was postponed to is not when the note was written, round 15 EXP2: its section's day;
        # it moves the window the table gave, 'Postponed to Thu', round 15 MOVES: a deadline)
        [22, "10-06 00:00", "deadline", ["CHG-4423"]],
        [23, "10-10 02:45", "resolved", ["CHG-4424"]],
        [27, "10-07 08:10", "note", ["ECAB-77"]],
        [29, "10-09 16:05", "note", ["ECAB-78"]],
        [29, "10-09 16:30", "resolved", ["ECAB-78"]],
        [31, "10-11 09:00", "note", ["ECAB-79"]],
        # (round 16 EXPB2: a milestone on a later day with no verb, the freeze to come, is a plan)
        [35, "10-13 00:00", "plan", []],
    ]
    dl = logs.deadlines[logs.deadlines["source"].str.endswith("b_cab_calendar.md")]
    # (line 41: the post-implementation review's 'PIR due' column is a deliverable's deadline)
    assert deadline_rows(dl[dl["line"] <= 41]) == [
        [22, ["CHG-4423"], "10-16 14:00", "window", False],  # (the window moved, round 15 MOVES)
        [29, ["SEC-301"], "10-13 00:00", "due", False],
        [41, ["CHG-4422"], "10-14 00:00", "postmortem", False],
    ]


def test_a_deliverables_due_column_is_its_deadline():
    text = (
        "## Post-implementation reviews (Oct 10, 2025)\n"
        "\n"
        "| Change | PIR owner | PIR due | Outcome |\n"
        "|---|---|---|---|\n"
        "| CHG-4422 | Dana | Oct 14 | pending |\n"
        "| CHG-4421 | Omar | n/a | no PIR needed |\n"
        "\n"
        "| Incident | RCA due date |\n"
        "|---|---|\n"
        "| INC-1 | 2025-10-15 |\n"
    )
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [
        [5, ["CHG-4422"], "10-14 00:00", "postmortem", False],
        [10, ["INC-1"], "10-15 00:00", "postmortem", False],
    ]
