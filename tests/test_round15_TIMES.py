"""Round 15 (TIMES): ranges with a weekday end, restrictions, a state reached on a weekday, whose ETA,
moves known only to the day, a change window postponed ``until``, one list of move verbs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from tests.log_rows import deadline_rows, event_rows, sla_deadline_rows
from tests.log_rows import read_file as _logs
from tests.log_rows import utc_dt as _ts


def _mentions(text: str) -> list[list]:
    from occ_lib.times import find_times

    return [[m.raw, m.at, m.until, m.keyword]
            for m in find_times(text, day=dt.date(2025, 10, 8), tz="UTC")]


# --- 1: a range whose end is on a weekday written before it -------------------------------------------


def test_freeze_from_a_time_through_a_weekday_time_is_one_range() -> None:
    assert _mentions("08:30 UTC freeze from 09:00 through Friday 18:00 (DEPLOY-4)") == [
        ["08:30 UTC", _ts("2025-10-08 08:30"), None, None],
        ["09:00 through Friday 18:00", _ts("2025-10-08 09:00"), _ts("2025-10-10 18:00"), None],
    ]
    assert _mentions("freeze from 09:00 until Fri 18:00 UTC") == [
        ["09:00 until Fri 18:00 UTC", _ts("2025-10-08 09:00"), _ts("2025-10-10 18:00"), None],
    ]
    # (a weekday spelled out in full still joins: the join may now be 26 characters long)
    assert _mentions("freeze from 09:00 through Wednesday, 18:00 UTC") == [
        ["09:00 through Wednesday, 18:00 UTC", _ts("2025-10-08 09:00"), _ts("2025-10-08 18:00"), None],
    ]
    # (no 'from' before an 'until': still a promise, as before)
    assert _mentions("OPS-1 up 09:00 until Friday 18:00") == [
        ["09:00", _ts("2025-10-08 09:00"), None, None],
        ["18:00", _ts("2025-10-10 18:00"), None, "until"],
    ]


def test_freeze_range_item_is_one_note_at_its_stamp() -> None:
    text = "# 2025-10-08 (Wed)\n\n- 08:30 UTC freeze from 09:00 through Friday 18:00 (DEPLOY-4)\n"
    assert event_rows(text) == [[3, "10-08 08:30", "note", 0, ["DEPLOY-4"], text.split("- ")[1].strip()]]
    from occ_lib.logs import parse_log

    times = parse_log(text, "x.md").events["times"].tolist()
    assert times == [[_ts("2025-10-08 08:30"), _ts("2025-10-08 09:00")]]


# --- 2: a restriction is no promise --------------------------------------------------------------------


def test_no_deploys_until_is_a_restriction_window(tmp_path: Path) -> None:
    text = (
        "# 2025-10-08\n\n"
        "- no deploys until 14:00 UTC\n"
        "- do not merge to main until 12:00 UTC\n"
        "- hold off on releases until 18:00 UTC\n"
        "- no update until 14:00 UTC\n"
        "- we have until 12:00 UTC to ship\n"
    )
    logs = _logs(tmp_path, text)
    assert deadline_rows(logs.deadlines) == [
        [3, [], "10-08 14:00", "window", False],
        [4, [], "10-08 12:00", "window", False],
        [5, [], "10-08 18:00", "window", False],
        [6, [], "10-08 14:00", "until", False],
        [7, [], "10-08 12:00", "until", False],
    ]
    # (the restrictions are announced windows of no ticket: no SLA row; the promises are misses)
    assert sla_deadline_rows(logs) == [
        [7, "(no ticket)", "10-08 12:00", "missed"],
        [6, "(no ticket)", "10-08 14:00", "missed"],
    ]


# --- 3: a state reached on a weekday with no time --------------------------------------------------------


def test_resolved_on_monday_is_dated_to_that_monday() -> None:
    text = (
        "# Week 41\n\n## 2025-10-06 (Mon)\n\n- OPS-11 opened 09:00 UTC\n\n## 2025-10-08 (Wed)\n\n"
        "- OPS-12 resolved on Monday\n- OPS-13 fixed Wednesday\n- OPS-14 will be resolved on Monday\n"
        "- OPS-15 resolved on Friday's release\n"
    )
    assert event_rows(text) == [
        [5, "10-06 09:00", "note", 0, ["OPS-11"], "OPS-11 opened 09:00 UTC"],
        [9, "10-06 00:00", "resolved", 0, ["OPS-12"], "OPS-12 resolved on Monday"],
        [10, "10-08 00:00", "resolved", 0, ["OPS-13"], "OPS-13 fixed Wednesday"],
        [11, "10-08 00:00", "plan", 0, ["OPS-14"], "OPS-14 will be resolved on Monday"],
        [12, "10-08 00:00", "resolved", 0, ["OPS-15"], "OPS-15 resolved on Friday's release"],
    ]


# --- 4: whose ETA -----------------------------------------------------------------------------------------


def test_eta_after_an_opened_incident_is_the_told_tickets(tmp_path: Path) -> None:
    text = (
        "# 2025-10-08\n\n"
        "- Incident INC-2 opened, OPS-1 slow. ETA 15:00 UTC\n"
        "- INC-3 opened, OPS-4 resolved. ETA 15:00 UTC\n"
        "- Incident INC-5 opened, OPS-6 and OPS-7 slow. ETA 15:00 UTC\n"
        "- INC-8 linked, OPS-9 slow. ETA 15:00 UTC\n"
    )
    assert deadline_rows(_logs(tmp_path, text).deadlines) == [
        [3, ["OPS-1"], "10-08 15:00", "ETA", False],  # (as 'Incident INC-2 opened for OPS-1' is)
        [4, ["INC-3"], "10-08 15:00", "ETA", False],  # (the lead resolved: the work left, the opened one)
        [5, ["INC-5", "OPS-6", "OPS-7"], "10-08 15:00", "ETA", False],  # (a list told of: every ticket's)
        [6, ["INC-8", "OPS-9"], "10-08 15:00", "ETA", False],  # (only linked: not opened for it)
    ]


# --- 5: a move known only to its day ---------------------------------------------------------------------


def _sla(tmp_path: Path, text: str) -> list[list]:
    from occ_lib.policy import Policy
    from occ_lib.sla import misses

    out = misses(_logs(tmp_path, text), None, Policy(), start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-10-13", tz="UTC"), as_of=pd.Timestamp("2025-10-13", tz="UTC"))
    out = out[out["kind"].eq("deadline")]
    where = str(tmp_path) + "/"
    return [[int(n), s, d.strftime("%m-%d %H:%M"), st, None if pd.isna(o) else float(o),
             det.replace(where, "").split("; ")[1:-1]]
            for n, s, d, st, o, det in zip(out["line"], out["subject"], out["due_at"], out["status"],
                                           out["overage_min"], out["detail"], strict=True)]


def test_a_date_only_move_on_the_due_day_is_not_before_due(tmp_path: Path) -> None:
    same_day = "# 2025-10-08\n\n- OPS-1 ETA 15:00 UTC\n- OPS-1 ETA moved to Oct 9\n"
    assert _sla(tmp_path, same_day) == [
        [3, "OPS-1", "10-08 15:00", "missed", 540.0,
         ["not resolved at as_of 2025-10-13 00:00 UTC",
          "moved by ops.md:4 on 2025-10-08 (date only), after the due time: overage to then"]],
        [4, "OPS-1", "10-10 00:00", "missed", 4320.0, ["not resolved at as_of 2025-10-13 00:00 UTC"]],
    ]
    # (a later section of the same day: the move comes after the 09:00 item that gave the ETA)
    later_section = (
        "# 2025-10-08\n\n- 09:00 UTC OPS-1 ETA 15:00 UTC\n\n# 2025-10-08\n\n- OPS-1 ETA moved to Oct 9\n"
    )
    assert [r[:4] + [r[5][1:]] for r in _sla(tmp_path, later_section)][0] == [
        3, "OPS-1", "10-08 15:00", "missed",
        ["moved by ops.md:7 on 2025-10-08 (date only), after the due time: overage to then"]]


def test_a_date_only_move_on_an_earlier_day_supersedes(tmp_path: Path) -> None:
    text = "# 2025-10-07\n\n- OPS-1 ETA Oct 8 15:00 UTC\n\n# 2025-10-07\n\n- OPS-1 ETA moved to Oct 9\n"
    assert _sla(tmp_path, text)[0] == [
        3, "OPS-1", "10-08 15:00", "superseded", None,
        ["superseded by its ticket's later promise: moved by ops.md:7 on 2025-10-07 (date only)"]]
    # (a date-only move written before the timed promise of its day moves nothing)
    text = "# 2025-10-08\n\n- OPS-1 ETA moved to Oct 9\n- 09:00 UTC OPS-1 ETA 15:00 UTC\n"
    assert _sla(tmp_path, text)[0][:5] == [4, "OPS-1", "10-08 15:00", "missed", 6300.0]


# --- 6: a change window postponed -------------------------------------------------------------------------


def test_change_postponed_until_moves_its_window(tmp_path: Path) -> None:
    text = (
        "# 2025-10-08\n\n- CHG0012345 implementation window Oct 9 22:00 UTC\n\n"
        "# 2025-10-08\n\n- CHG0012345 postponed until Oct 10 22:00\n"
    )
    logs = _logs(tmp_path, text)
    assert deadline_rows(logs.deadlines) == [
        [3, ["CHG0012345"], "10-09 22:00", "window", False],
        [7, ["CHG0012345"], "10-10 22:00", "window", False],
    ]
    assert logs.deadlines["moves"].tolist() == [False, True]
    assert sla_deadline_rows(logs) == [
        [3, "CHG0012345", "10-09 22:00", "superseded"],
        [7, "CHG0012345", "10-10 22:00", "missed"],
    ]
    # (postponed on the window's own day, no time written: not before it was due, day precision)
    on_due_day = (
        "# 2025-10-08\n\n- CHG0012345 implementation window Oct 9 22:00 UTC\n\n"
        "# 2025-10-09\n\n- CHG0012345 postponed until Oct 10 22:00\n"
    )
    logs = _logs(tmp_path, on_due_day)
    assert sla_deadline_rows(logs) == [
        [3, "CHG0012345", "10-09 22:00", "missed"],
        [7, "CHG0012345", "10-10 22:00", "missed"],
    ]
    # (an ETA pushed 'until' keeps its keyword too)
    logs = _logs(tmp_path, "# 2025-10-08\n\n- OPS-1 ETA Oct 9 12:00 UTC\n- OPS-1 pushed until Oct 10 22:00\n")
    assert sla_deadline_rows(logs) == [
        [3, "OPS-1", "10-09 12:00", "superseded"],
        [4, "OPS-1", "10-10 22:00", "missed"],
    ]


# --- the move verbs: one list ------------------------------------------------------------------------------


def test_move_verbs_are_one_list() -> None:
    from occ_lib import times

    assert times._MOVE_VERBS == "slipped|moved|pushed|shifted|delayed|postponed|rescheduled|bumped"
    for pattern in (times._MOVED_FROM.pattern, times._WAS_GAP.pattern):
        assert times._MOVE_VERBS + "|changed" in pattern
    assert times._MOVE_VERBS + "|slips|deferred|extended" in times._MOVED_TO.pattern
    assert _mentions("ETA slipped from 10:00 to 13:00 UTC") == [
        ["10:00", _ts("2025-10-08 10:00"), None, "ETA"],
        ["13:00 UTC", _ts("2025-10-08 13:00"), None, "ETA"],
    ]
