"""Round 15 (EXP2), follow-up of EXP's findings: a time that an item moves something TO is never the
item's own time; a ticketless move of the same subject as an earlier deadline of no ticket moves it; a
change moved after its planned window is a moved window, and its resolution is not due before it; a
step's bare time after a time written with an earlier weekday is on that weekday; a date-only move in
a log that declares its zone is written by the end of its day there."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib.logs import parse_log, same_subject
from occ_lib.policy import Policy, TicketTarget
from occ_lib.sla import misses
from tests.log_rows import deadline_rows, event_rows

FIX = Path(__file__).parent / "fixtures" / "round15"
W41 = {"start": pd.Timestamp("2025-10-06T04:00Z"), "end": pd.Timestamp("2025-10-13T04:00Z"),
       "as_of": pd.Timestamp("2025-10-13T04:00Z")}


def _events(text: str) -> list[list]:
    """``[line, 'MM-DD HH:MM', kind, tickets]`` of each event of ``text``."""
    return [[r[0], r[1], r[2], r[4]] for r in event_rows(text)]


def _sla(logs, policy: Policy | None = None, kind: str = "deadline") -> list[list]:
    """``[line, subject, 'MM-DD HH:MM' due, status, overage]`` of the SLA rows of ``kind`` in W41."""
    out = misses(logs, None, policy or Policy(tz="America/New_York"), **W41)
    out = out[out["kind"].eq(kind)]
    return [[int(n), s, d.strftime("%m-%d %H:%M"), st, None if pd.isna(o) else float(o)]
            for n, s, d, st, o in zip(out["line"], out["subject"], out["due_at"], out["status"],
                                      out["overage_min"], strict=True)]


# 1: a ticketless moved deadline ----------------------------------------------------------------------
SIGN_OFF = """# QA log

All times ET unless noted.

## Mon 2025-10-06

- Sign-off deadline for RC1: Thu 10/09 6:00 p.m. ET (release manager Kofi).

## Thu 2025-10-09

- {stamp}Sign-off slipped: RC2 sign-off moved to Fri 10/10 noon ET (waiting on final perf rerun).
- 4:30 p.m. ET perf rerun green.
"""


def test_a_ticketless_move_of_the_same_subject_is_a_moved_deadline_written_on_its_sections_day():
    text = SIGN_OFF.format(stamp="")
    logs = parse_log(text, "x.md")
    assert deadline_rows(logs.deadlines) == [[7, [], "10-09 22:00", "deadline", False],
                                             [11, [], "10-10 16:00", "deadline", False]]
    assert logs.deadlines["moves"].tolist() == [False, True]
    # (the item is written on Thursday, not at Friday noon, the time the sign-off moved to)
    assert _events(text) == [[7, "10-06 00:00", "deadline", []], [11, "10-09 00:00", "blocked", []],
                             [12, "10-09 20:30", "status", []]]
    # (a move known only to the day the old one fell due: not known to be before it, overage cut at it)
    assert _sla(logs) == [[7, "(no ticket)", "10-09 22:00", "missed", 360.0],
                          [11, "(no ticket)", "10-10 16:00", "missed", 3600.0]]


def test_a_timed_ticketless_move_of_the_same_subject_supersedes_the_old_deadline():
    logs = parse_log(SIGN_OFF.format(stamp="10:15 a.m. ET "), "x.md")
    assert _sla(logs) == [[7, "(no ticket)", "10-09 22:00", "superseded", None],
                          [11, "(no ticket)", "10-10 16:00", "missed", 3600.0]]
    out = misses(logs, None, Policy(tz="America/New_York"), **W41)
    assert out["detail"].iloc[0].startswith(
        "due 2025-10-09 18:00 EDT; superseded by its subject's later promise: moved by x.md:11 at "
        "2025-10-09 10:15 EDT")


def test_a_ticketless_move_of_another_subject_is_no_deadline_and_not_the_items_time():
    text = SIGN_OFF.format(stamp="").replace("RC2 sign-off moved", "Standup moved")
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [[7, [], "10-09 22:00", "deadline", False]]
    assert _events(text)[1] == [11, "10-09 00:00", "blocked", []]


@pytest.mark.parametrize(
    ("old", "mover", "expected"),
    [("Sign-off deadline for RC1: Thu 10/09 6:00 p.m. ET", "Sign-off slipped: RC2 sign-off moved to ", True),
     ("Sign-off deadline for RC1: Thu 10/09 6:00 p.m. ET", "RC2 sign-off pushed to ", True),
     ("Sign-off deadline for RC1: Thu 10/09 6:00 p.m. ET", "Standup moved to ", False),
     ("Cutover deadline Fri 17:00", "Deadline moved to ", False),  # (a deadline word is no subject)
     ("Cutover deadline Fri 17:00", "the cutover slipped to ", True)],
)
def test_same_subject(old: str, mover: str, expected: bool) -> None:
    assert same_subject(old, mover) is expected


# 2: a change moved after its planned window ----------------------------------------------------------
CHANGE = """# Change calendar

Alle Uhrzeiten sind in MEZ (Europe/Berlin), sonst angegeben.

## Change-Kalender

| Change | Dienst | Fenster | Owner | Status |
|---|---|---|---|---|
| CHG-2104 | edge config | Fr 10.10. 10:00–11:00 | Mara | planned |

## Fr 10.10.2025

- CHG-2104 moved to Mo 13.10. 10:00 (change freeze exception denied).
"""


def test_a_change_moved_after_its_planned_window_is_a_moved_window_written_on_its_sections_day():
    logs = parse_log(CHANGE, "x.md")
    assert deadline_rows(logs.deadlines) == [[13, ["CHG-2104"], "10-13 08:00", "window", False]]
    assert logs.deadlines["moves"].tolist() == [True]
    assert _events(CHANGE) == [[9, "10-10 08:00", "plan", ["CHG-2104"]],
                               [13, "10-10 00:00", "deadline", ["CHG-2104"]]]


def test_a_change_rescheduled_past_its_resolution_target_is_not_resolved_late_before_its_new_window():
    logs = parse_log(CHANGE, "x.md")
    policy = Policy(tz="America/New_York", tickets={"CHG": TicketTarget(resolution="2d")})
    assert _sla(logs, policy, "resolution") == [[9, "CHG-2104", "10-13 08:00", "open", None]]
    out = misses(logs, None, policy, **W41)
    assert out[out["kind"].eq("resolution")]["detail"].iloc[0] == (
        "not yet due; first mention 2025-10-10 04:00 EDT, no resolution yet (target 2d); rescheduled by "
        "x.md:13 to its window 2025-10-13 04:00 EDT")
    # (without the move: due two days after its first mention, missed at as_of)
    unmoved = parse_log(CHANGE.replace("moved to Mo 13.10. 10:00", "on hold"), "x.md")
    assert _sla(unmoved, policy, "resolution") == [[9, "CHG-2104", "10-12 08:00", "missed", 1200.0]]


def test_a_ticket_moved_with_no_plan_nor_deadline_before_is_no_deadline_and_not_the_items_time():
    text = CHANGE.replace("| CHG-2104 | edge config | Fr 10.10. 10:00–11:00 | Mara | planned |",
                          "| CHG-2105 | edge config | Fr 10.10. 10:00–11:00 | Mara | planned |")
    assert deadline_rows(parse_log(text, "x.md").deadlines) == []
    assert _events(text)[1] == [13, "10-10 00:00", "note", ["CHG-2104"]]


def test_the_change_calendar_fixture():
    logs = occ_lib.read_logs(str(FIX / "exp_c_deploy_de.md"))
    ev = logs.events[logs.events["line"].eq(34)]
    assert [str(ev["at"].iloc[0]), ev["at_precision"].iloc[0], ev["kind"].iloc[0]] == [
        "2025-10-10 00:00:00+00:00", "day", "deadline"]
    policy = Policy(tz="America/New_York", tickets={"CHG": TicketTarget(resolution="2d")})
    assert [r for r in _sla(logs, policy, "resolution") if r[1] == "CHG-2104"] == [
        [12, "CHG-2104", "10-13 08:00", "open", None]]


# 3: a bare time after a time written with an earlier weekday -----------------------------------------
@pytest.mark.parametrize(
    ("item", "expected"),
    [("SRE-433 fully drained 08:40 UTC Tue, resolved 08:45 UTC.", ["10-07 08:40", "10-07 08:45"]),
     ("SRE-433 drained Tue 08:40 UTC, resolved 08:45 UTC.", ["10-07 08:40", "10-07 08:45"]),
     # (a reference: 'since' a time on an earlier day, the step is the section's)
     ("SRE-433 errors since Tue 08:40 UTC, fixed 09:00 UTC.", ["10-07 08:40", "10-08 09:00"]),
     ("SRE-433 errors since 08:40 UTC Tue, fixed 09:00 UTC.", ["10-07 08:40", "10-08 09:00"])],
)
def test_a_bare_time_after_a_time_of_an_earlier_weekday_is_on_that_weekday(item: str, expected: list) -> None:
    text = f"# SRE\n\n## Wed 2025-10-08\n\n- {item}\n"
    assert [r[1] for r in event_rows(text)] == expected


def test_the_handoff_fixtures_drained_step_is_on_tuesday():
    logs = occ_lib.read_logs(str(FIX / "exp_b_sre_handoff.md"))
    ev = logs.events[logs.events["line"].eq(21)]
    assert [[str(a), k] for a, k in zip(ev["at"], ev["kind"], strict=True)] == [
        ["2025-10-07 08:40:00+00:00", "note"], ["2025-10-07 08:45:00+00:00", "resolved"]]
    assert logs.problems.empty


def test_a_bare_time_before_the_first_dated_item_of_an_undated_section_stays_a_problem_without_a_weekday():
    text = ("# Log\n\n### Handoff Wed → Thu\n\n- SRE-433 fully drained 08:40 UTC, resolved 08:45 UTC.\n"
            "- 2025-10-08 14:05 UTC page for SRE-441.\n")
    assert parse_log(text, "x.md").problems["reason"].tolist() == ["time without a date"] * 2


# the general rule: a time something moves to is never the item's own time, for every move verb -------
@pytest.mark.parametrize(
    "verb", ["slipped", "moved", "pushed", "shifted", "delayed", "postponed", "rescheduled", "bumped",
             "slips", "deferred", "extended"]
)
@pytest.mark.parametrize("prep", ["to", "for", "back to", "out to"])
def test_a_time_something_moves_to_is_not_the_items_time(verb: str, prep: str) -> None:
    text = f"# Log\n\n## Wed 2025-10-08\n\n- Vendor call {verb} {prep} Fri 10/10 15:00 UTC.\n"
    # (round 16 PLANS: a slot of no ticket moved to a later day is a plan; still not the item's time)
    assert _events(text) == [[5, "10-08 00:00", "plan", []]]


@pytest.mark.parametrize(
    ("item", "expected"),
    [("10:00 UTC standup moved to 11:00 UTC.", "10-08 10:00"),  # (the stamp is the item's time)
     ("error rate 09:00 -> 11:00 UTC.", "10-08 09:00"),  # (an arrow is no move)
     ("OPS-1 moved to #ops at 10:00 UTC.", "10-08 10:00"),  # (moved to a channel, at 10:00)
     ("OPS-1 standup moved to 10:00 UTC.", "10-08 00:00")],
)
def test_what_a_move_leaves_the_items_time(item: str, expected: str) -> None:
    assert event_rows(f"# Log\n\n## Wed 2025-10-08\n\n- {item}\n")[0][1] == expected


# a date-only move in a log that declares its zone ----------------------------------------------------
def test_a_date_only_move_on_the_due_day_of_a_date_only_deadline_supersedes_it_in_the_logs_zone():
    text = ("# Deploy\n\nAlle Uhrzeiten sind in MEZ (Europe/Berlin).\n\n## Do 09.10.2025\n\n"
            "- DEP-77 action items due EOD Fri.\n\n## Fr 10.10.2025\n\n- DEP-77 slipped to Mon COB.\n")
    assert _sla(parse_log(text, "x.md")) == [[7, "DEP-77", "10-10 22:00", "superseded", None],
                                            [11, "DEP-77", "10-13 22:00", "open", None]]
