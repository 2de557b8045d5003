"""Round 15 (MOVES), follow-up of EXP2's and TIMES2's findings: a change calendar row whose status keeps
its window a promise is moved by a later move of its change; an untimed move written between timed
items of its day is bounded by the first timed one after it; a meeting moved 'until' a time is no
deadline; a sprint's end with its date after a comma is that date; hours after an item known only to
its day are a problem, not silence."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from occ_lib.logs import parse_log
from occ_lib.policy import Policy, TicketTarget
from occ_lib.sla import misses
from occ_lib.workspace import Workspace
from tests.log_rows import deadline_rows, event_rows

W41 = {"start": pd.Timestamp("2025-10-06T04:00Z"), "end": pd.Timestamp("2025-10-13T04:00Z"),
       "as_of": pd.Timestamp("2025-10-13T04:00Z")}
CHG = Policy(tz="America/New_York", tickets={"CHG": TicketTarget(resolution="2d")})


def _sla(logs, policy: Policy, kind: str, window: dict | None = None) -> list[list]:
    """``[line, subject, 'MM-DD HH:MM' due, status, overage]`` of the SLA rows of ``kind``."""
    out = misses(logs, None, policy, **(window or W41))
    out = out[out["kind"].eq(kind)]
    return [[int(n), s, d.strftime("%m-%d %H:%M"), st, None if pd.isna(o) else float(o)]
            for n, s, d, st, o in zip(out["line"], out["subject"], out["due_at"], out["status"],
                                      out["overage_min"], strict=True)]


def _problems(logs) -> list[list]:
    pr = logs.problems
    return [[int(n), t, r] for n, t, r in zip(pr["line"], pr["token"], pr["reason"], strict=True)]


# 1: a calendar row whose status keeps its window a promise --------------------------------------------
CAB = """# Change Advisory Board — calendar, week 2025-W41

CAB chair: Sam. Windows are UTC. Approved at the CAB on Mon Oct 6, 2025, 15:00 UTC.

## Scheduled changes

| Change | Window (UTC) | Owner | Status |
|---|---|---|---|
| CHG-4423 CDN config rollout | Thu 14:00-15:00 | Lee | {status} |

## Notes per change

- CHG-4423 postponed to Thu 10/16 14:00 — CDN vendor freeze.
"""


@pytest.mark.parametrize("status", ["Postponed to Thu", "Approved", "Pending", "Confirmed", "Scheduled",
                                    "Authorized", "On hold", "planned"])
def test_a_calendar_row_whose_status_keeps_its_window_a_promise_is_moved_by_a_later_move(status: str):
    logs = parse_log(CAB.format(status=status), "x.md")
    assert deadline_rows(logs.deadlines) == [[13, ["CHG-4423"], "10-16 14:00", "window", False]]
    assert logs.deadlines["moves"].tolist() == [True]


@pytest.mark.parametrize("status", ["Done", "Completed", "Rolled back", "Cancelled", "Rejected", "Failed",
                                    "Withdrawn", "Lee again"])
def test_a_calendar_row_of_a_change_that_ran_or_is_off_promises_no_window_to_move(status: str):
    text = CAB.format(status=status)
    assert deadline_rows(parse_log(text, "x.md").deadlines) == []
    assert event_rows(text)[-1][:3] == [13, "10-06 00:00", "note"]


def test_a_postponed_changes_resolution_is_due_at_its_new_window():
    logs = parse_log(CAB.format(status="Postponed to Thu"), "x.md")
    # (was: missed 6780 min, due two days after the note's day, round 14 EXPD's CHG-4423)
    assert _sla(logs, CHG, "resolution") == [[13, "CHG-4423", "10-16 14:00", "open", None]]
    out = misses(logs, None, CHG, **W41)
    assert out[out["kind"].eq("resolution")]["detail"].iloc[0] == (
        "not yet due; first mention 2025-10-06 (date only), no resolution yet (target 2d); rescheduled by "
        "x.md:13 to its window 2025-10-16 10:00 EDT")
    # (completed in its new window, moved with its end written: met, due at the window's end)
    done = parse_log(CAB.format(status="Postponed to Thu").replace("14:00 —", "14:00-15:00 —")
                     + "\n## Thu 2025-10-16\n\n- CHG-4423 completed 14:40 UTC.\n", "x.md")
    w42 = {"start": pd.Timestamp("2025-10-06T04:00Z"), "end": pd.Timestamp("2025-10-20T04:00Z"),
           "as_of": pd.Timestamp("2025-10-20T04:00Z")}
    assert _sla(done, CHG, "resolution", w42) == [[13, "CHG-4423", "10-16 15:00", "met", 0.0]]
    assert _sla(done, CHG, "deadline", w42) == [[13, "CHG-4423", "10-16 15:00", "met", 0.0]]
    # (a cancelled one: no window moved, due two days after its first mention, known only to Monday:
    # from Monday's end, round 15 EXP6B; was 10-08 04:00, missed 7200)
    off = parse_log(CAB.format(status="Cancelled"), "x.md")
    assert _sla(off, CHG, "resolution") == [[13, "CHG-4423", "10-09 04:00", "missed", 5760.0]]


def test_the_cab_calendar_fixtures_postponed_change():
    ws = Workspace.load(Path(__file__).parent / "fixtures" / "round14_d" / "occ.yml")
    out = misses(ws.logs, None, ws.policy, start=pd.Timestamp("2025-10-06T07:00Z"),
                 end=pd.Timestamp("2025-10-13T07:00Z"), as_of=pd.Timestamp("2025-10-13T00:00Z"))
    rows = out[out["subject"].eq("CHG-4423")]
    assert [[k, d.strftime("%m-%d %H:%M"), st] for k, d, st in zip(
        rows["kind"], rows["due_at"], rows["status"], strict=True)] == [
        ["deadline", "10-16 14:00", "open"], ["resolution", "10-16 14:00", "open"]]


# 2: an untimed move between timed items of its day ---------------------------------------------------
SIGN_OFF = """# QA log

All times ET unless noted.

## Mon 2025-10-06

- Sign-off deadline for RC1: Thu 10/09 {due} ET (release manager Kofi).

## Thu 2025-10-09

{items}
"""
BEFORE, MOVE = "- 9:00 a.m. ET QA-801 resolved.", "- RC2 sign-off moved to Fri 10/10 noon ET."


def _bounded(due: str, *items: str) -> list:
    logs = parse_log(SIGN_OFF.format(due=due, items="\n".join(items)), "x.md")
    out = misses(logs, None, Policy(tz="America/New_York"), **W41)
    row = out[out["kind"].eq("deadline") & out["line"].eq(7)]
    return [row["status"].iloc[0], None if pd.isna(o := row["overage_min"].iloc[0]) else float(o),
            row["detail"].iloc[0].split("; ")[1]]


def test_an_untimed_move_written_before_a_timed_item_of_its_day_is_bounded_by_it():
    # (09:00, the move, 14:00; due 15:00: the move was written by 14:00, before the due time)
    assert _bounded("3:00 p.m.", BEFORE, MOVE, "- 2:00 p.m. ET perf rerun green.") == [
        "superseded", None, "superseded by its subject's later promise: moved by x.md:12 on 2025-10-09 "
        "(date only) (before x.md:13 at 2025-10-09 14:00 EDT)"]
    # (09:00, the move, 16:00; due 15:00: not known before the due time; missed, its overage up to 16:00)
    assert _bounded("3:00 p.m.", BEFORE, MOVE, "- 4:00 p.m. ET perf rerun green.") == [
        "missed", 60.0, "not resolved at as_of 2025-10-13 00:00 EDT"]
    # (a later untimed item between: the first timed one after bounds it)
    assert _bounded("6:00 p.m.", BEFORE, MOVE, "- perf rerun queued.", "- 4:30 p.m. ET perf rerun green.")[
        0] == "superseded"


def test_an_untimed_move_the_lines_do_not_bound_is_written_by_its_days_end():
    # (no timed item before it: its day's end, round 15 EXP2; overage up to then)
    assert _bounded("3:00 p.m.", MOVE, "- 2:00 p.m. ET perf rerun green.")[:2] == ["missed", 540.0]
    # (newest first: the lines say nothing of its time)
    assert _bounded("3:00 p.m.", "- 2:00 p.m. ET perf rerun green.", MOVE, BEFORE)[:2] == ["missed", 540.0]
    # (no timed item after it)
    assert _bounded("3:00 p.m.", BEFORE, MOVE)[:2] == ["missed", 540.0]


def test_the_rc_sign_off_fixtures_move_is_before_the_sign_off_deadline():
    from occ_lib import read_logs

    logs = read_logs(str(Path(__file__).parent / "fixtures" / "round15" / "exp_a_qa_rc.md"))
    out = misses(logs, None, Policy(tz="America/New_York"), **W41)
    row = out[out["kind"].eq("deadline") & out["line"].eq(11)]
    # (was missed, its overage cut at the day's end, 360 min: written before the 4:30 p.m. item)
    assert [row["status"].iloc[0], row["due_at"].iloc[0].strftime("%m-%d %H:%M")] == [
        "superseded", "10-09 22:00"]


# 3: a meeting moved until a time ----------------------------------------------------------------------
DAY = "# Log\n\nAll times UTC.\n\n## Wed 2025-10-08\n\n{}\n"


@pytest.mark.parametrize(("item", "rows"), [
    ("- Vendor call postponed until Fri 10/10 15:00 UTC.", []),
    ("- Vendor call postponed until Fri 15:00", []),
    ("- OPS-5 vendor sync pushed back till 15:00", []),
    # (not a meeting: a promise, as before)
    ("- OPS-5 fix postponed until 15:00", [[7, ["OPS-5"], "10-08 15:00", "until", False]]),
    ("- we have until 15:00", [[7, [], "10-08 15:00", "until", False]]),
])
def test_a_meeting_moved_until_a_time_is_no_deadline(item: str, rows: list) -> None:
    assert deadline_rows(parse_log(DAY.format(item), "x.md").deadlines) == rows


def test_a_meeting_moved_until_a_time_is_no_time_of_the_item():
    # (round 16 PLANS: a slot of no ticket moved to a later day is a plan; still not the item's time)
    assert event_rows(DAY.format("- Vendor call postponed until Fri 10/10 15:00 UTC."))[0][:3] == [
        7, "10-08 00:00", "plan"]


# 4: a sprint's end with its date after it -------------------------------------------------------------
@pytest.mark.parametrize(("item", "rows"), [
    ("- OPS-1 ETA end of sprint, Oct 24", [[7, ["OPS-1"], "10-24 00:00", "ETA", False]]),
    ("- OPS-1 ETA end of sprint Oct 24", [[7, ["OPS-1"], "10-24 00:00", "ETA", False]]),
    ("- OPS-1 ETA end of the sprint, Fri Oct 24", [[7, ["OPS-1"], "10-24 00:00", "ETA", False]]),
    ("- OPS-1 target: this sprint, Friday 10/24", [[7, ["OPS-1"], "10-24 00:00", "target", False]]),
    ("- OPS-1 ETA end of sprint (Oct 24)", [[7, ["OPS-1"], "10-24 00:00", "ETA", False]]),
    ("- sprint review Oct 24", []),
])
def test_a_sprints_end_with_its_date_written_after_it_is_that_date(item: str, rows: list) -> None:
    logs = parse_log(DAY.format(item), "x.md")
    assert deadline_rows(logs.deadlines) == rows
    assert logs.deadlines["due_precision"].tolist() == ["day"] * len(rows)
    assert _problems(logs) == []


def test_a_sprints_end_with_no_date_is_still_a_vague_deadline():
    logs = parse_log(DAY.format("- OPS-1 ETA end of sprint"), "x.md")
    assert deadline_rows(logs.deadlines) == []
    assert _problems(logs) == [[7, "end of sprint", "vague deadline end of sprint"]]


# 5: hours after an item known only to its day ---------------------------------------------------------
@pytest.mark.parametrize(("item", "token"), [
    ("- OPS-1 ETA ~2h", "2h"), ("- OPS-1 ETA 12h", "12h"), ("- OPS-1 ETA 36h", "36h"),
    ("- OPS-1 ETA within the hour", "the hour"),
])
def test_hours_after_an_item_known_only_to_its_day_are_a_problem(item: str, token: str) -> None:
    logs = parse_log(DAY.format(item), "x.md")
    assert deadline_rows(logs.deadlines) == []
    assert _problems(logs) == [[7, token, "relative deadline without the item's time"]]


@pytest.mark.parametrize(("item", "rows"), [
    ("- 10:00 OPS-1 ETA ~2h", [[7, ["OPS-1"], "10-08 12:00", "ETA", False]]),
    ("- OPS-1 ETA 2 days", [[7, ["OPS-1"], "10-10 00:00", "ETA", False]]),
    ("- OPS-1 ETA 17h UTC", [[7, ["OPS-1"], "10-08 17:00", "ETA", False]]),
    ("- took 17h", []),
])
def test_durations_an_item_can_date_or_that_are_no_promise_give_no_problem(item: str, rows: list) -> None:
    logs = parse_log(DAY.format(item), "x.md")
    assert deadline_rows(logs.deadlines) == rows
    assert _problems(logs) == []
