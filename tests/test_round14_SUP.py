"""Round 14 (SUP): a deadline moved by a later item of its ticket is superseded, not judged twice.

- A ticket's ETA/target/due promise is superseded by a later-written one of the same ticket and kind
  that says the promise moved ('ETA moved to', 'new ETA', 'ETA revised to', 'ETA now'...), in the time
  order the items were written, across sections and files. Moved by its due time: status
  ``superseded`` (no miss), its detail naming the item that moved it; moved after it: still missed, the
  overage up to the move.
- 'slipped - new ETA 17:00' with no earlier deadline of the ticket is an undated miss row.
- The deadlines table says which rows move a promise (``moves``, its last column).
"""

from __future__ import annotations

import pandas as pd

from occ_lib.logs import parse_log, parse_logs
from occ_lib.policy import Policy
from occ_lib.sla import misses
from occ_lib.weekly import misses_by_kind
from tests.log_rows import cli_rows

WEEK = {"start": "2025-10-06", "end": "2025-10-12"}
HEAD = "# Ops log\n\n## 2025-10-08\n\n"


def _rows(logs, as_of: str = "2025-10-12T00:00Z") -> list[list]:
    """The deadline rows of the SLA table, whole: subject, due, resolved, status, overage, line, detail,
    mentions."""
    out = misses(logs, None, Policy(), as_of=as_of, **WEEK)
    out = out[out["kind"].eq("deadline")]
    hm = "%m-%d %H:%M"
    return [
        [s, None if pd.isna(d) else d.strftime(hm), None if pd.isna(r) else r.strftime(hm), st,
         None if pd.isna(o) else o, line, detail, list(mn)]
        for s, d, r, st, o, line, detail, mn in zip(
            out["subject"], out["due_at"], out["resolved_at"], out["status"], out["overage_min"],
            out["line"], out["detail"], out["mentions"], strict=True,
        )
    ]


def _sla(body: str) -> list[list]:
    return _rows(parse_log(HEAD + body, "ops.md"))


def test_an_eta_moved_before_it_was_due_is_superseded_and_the_new_one_is_judged():
    got = _sla(
        "- 09:00 UTC OPS-12 vendor fix, ETA 14:00 UTC.\n"
        "- 13:10 UTC OPS-12 ETA moved to 18:00 UTC (vendor needs more time).\n"
        "- 17:30 UTC OPS-12 fixed and verified.\n"
        "- 11:00 UTC OPS-14 rollout, target 15:00 UTC.\n"
        "- 16:00 UTC OPS-14 rollout done.\n"
    )
    assert got == [
        ["OPS-12", "10-08 14:00", None, "superseded", None, 5,
         "due 2025-10-08 14:00 UTC; superseded by its ticket's later promise: moved by ops.md:6 at "
         "2025-10-08 13:10 UTC; 'ETA' in \"09:00 UTC OPS-12 vendor fix, ETA 14:00 UTC.\"", ["ops.md:5"]],
        ["OPS-14", "10-08 15:00", "10-08 16:00", "missed", 60.0, 8,
         "due 2025-10-08 15:00 UTC; resolved 2025-10-08 16:00 UTC, after the due time; 'target' in "
         "\"11:00 UTC OPS-14 rollout, target 15:00 UTC.\"", ["ops.md:8"]],
        ["OPS-12", "10-08 18:00", "10-08 17:30", "met", 0.0, 6,
         "due 2025-10-08 18:00 UTC; resolved 2025-10-08 17:30 UTC, by the due time; 'ETA' in \"13:10 UTC "
         "OPS-12 ETA moved to 18:00 UTC (vendor needs more time).\"", ["ops.md:6"]],
    ]


def test_a_superseded_deadline_is_no_miss_in_the_counts():
    logs = parse_log(
        HEAD + "- 09:00 UTC OPS-12 ETA 14:00 UTC\n- 13:10 UTC OPS-12 new ETA 18:00 UTC\n"
        "- 17:30 UTC OPS-12 resolved\n", "ops.md",
    )
    m = misses(logs, None, Policy(), as_of="2025-10-12T00:00Z", **WEEK)
    assert m["status"].tolist() == ["superseded", "met"]
    assert misses_by_kind(m).values.tolist() == [["deadline", 0, 0, 1, 1]]  # (missed, open, met, superseded)


def test_an_eta_moved_after_it_was_due_stays_missed_with_its_overage_up_to_the_move():
    got = _sla(
        "- 09:00 UTC OPS-12 ETA 12:00 UTC\n"
        "- 13:00 UTC OPS-12 ETA pushed to 18:00 UTC\n"
        "- 17:30 UTC OPS-12 resolved\n"
    )
    assert got == [
        ["OPS-12", "10-08 12:00", "10-08 17:30", "missed", 60.0, 5,
         "due 2025-10-08 12:00 UTC; resolved 2025-10-08 17:30 UTC, after the due time; moved by ops.md:6 at "
         "2025-10-08 13:00 UTC, after the due time: overage to then; 'ETA' in \"09:00 UTC OPS-12 ETA 12:00 "
         "UTC\"", ["ops.md:5"]],
        ["OPS-12", "10-08 18:00", "10-08 17:30", "met", 0.0, 6,
         "due 2025-10-08 18:00 UTC; resolved 2025-10-08 17:30 UTC, by the due time; 'ETA' in \"13:00 UTC "
         "OPS-12 ETA pushed to 18:00 UTC\"", ["ops.md:6"]],
    ]


def test_an_eta_moved_twice_is_judged_at_its_last_time_only():
    got = _sla(
        "- 09:00 UTC OPS-12 ETA 14:00 UTC\n"
        "- 12:00 UTC OPS-12 ETA revised to 16:00 UTC\n"
        "- 15:00 UTC OPS-12 next ETA 18:00 UTC\n"
        "- 19:00 UTC OPS-12 resolved\n"
    )
    assert [r[:6] for r in got] == [
        ["OPS-12", "10-08 14:00", None, "superseded", None, 5],
        ["OPS-12", "10-08 16:00", None, "superseded", None, 6],
        ["OPS-12", "10-08 18:00", "10-08 19:00", "missed", 60.0, 7],
    ]
    assert [r[6].split("; ")[1] for r in got[:2]] == [
        "superseded by its ticket's later promise: moved by ops.md:6 at 2025-10-08 12:00 UTC",
        "superseded by its ticket's later promise: moved by ops.md:7 at 2025-10-08 15:00 UTC",
    ]


def test_an_eta_moved_in_another_file_is_superseded_in_time_order():
    logs = parse_logs([
        ("b.md", HEAD + "- 13:10 UTC OPS-12 ETA now 18:00 UTC\n- 17:30 UTC OPS-12 resolved\n"),
        ("a.md", HEAD + "- 09:00 UTC OPS-12 vendor fix, ETA 14:00 UTC\n"),
    ])
    assert [r[:6] + [r[7]] for r in _rows(logs)] == [
        ["OPS-12", "10-08 14:00", None, "superseded", None, 5, ["a.md:5"]],
        ["OPS-12", "10-08 18:00", "10-08 17:30", "met", 0.0, 5, ["b.md:5"]],
    ]
    assert "moved by b.md:5 at 2025-10-08 13:10 UTC" in _rows(logs)[0][6]


def test_another_tickets_new_eta_and_a_next_update_move_nothing():
    got = _sla(
        "- 09:00 UTC OPS-20 ETA 14:00 UTC\n"
        "- 10:00 UTC OPS-21 new ETA 18:00 UTC\n"
        "- 10:30 UTC OPS-20 next update by 11:00 UTC\n"
        "- 10:45 UTC OPS-20 new ETA 19:00 UTC\n"
    )
    assert [r[:6] for r in got] == [
        ["OPS-20", "10-08 11:00", "10-08 10:45", "met", 0.0, 7],  # (kept by the 10:45 update)
        ["OPS-20", "10-08 14:00", None, "superseded", None, 5],
        ["OPS-21", "10-08 18:00", None, "missed", 4680.0, 6],
        ["OPS-20", "10-08 19:00", None, "missed", 4620.0, 8],
    ]
    # (OPS-21's new ETA left OPS-20's 14:00 alone: its own ticket's 10:45 move superseded it)
    assert "moved by ops.md:8 at 2025-10-08 10:45 UTC" in got[1][6]


def test_a_slip_to_a_new_eta_with_no_earlier_one_is_an_undated_miss():
    got = _sla("- 10:00 UTC OPS-13 migration slipped - new ETA 17:00 UTC.\n- 16:00 UTC OPS-13 done\n")
    assert got == [
        ["OPS-13", "10-08 17:00", "10-08 16:00", "met", 0.0, 5,
         "due 2025-10-08 17:00 UTC; resolved 2025-10-08 16:00 UTC, by the due time; 'ETA' in \"10:00 UTC "
         "OPS-13 migration slipped - new ETA 17:00 UTC.\"", ["ops.md:5"]],
        ["OPS-13", None, None, "missed", None, 5,
         "due time not written; stated missed in the text (no overage); 'missed' in \"10:00 UTC OPS-13 "
         "migration slipped - new ETA 17:00 UTC.\"", ["ops.md:5"]],
    ]


def test_a_slip_that_moves_an_earlier_eta_is_that_move_not_a_miss_of_its_own():
    got = _sla(
        "- 09:00 UTC OPS-12 ETA 14:00 UTC\n"
        "- 13:10 UTC OPS-12 slipped - new ETA 18:00 UTC\n"
        "- 17:30 UTC OPS-12 resolved\n"
    )
    assert [r[:6] for r in got] == [
        ["OPS-12", "10-08 14:00", None, "superseded", None, 5],
        ["OPS-12", "10-08 18:00", "10-08 17:30", "met", 0.0, 6],
    ]


def test_an_eta_restated_unchanged_is_no_move():
    got = _sla(
        "- 09:00 UTC OPS-12 ETA 18:00 UTC\n"
        "- 13:10 UTC OPS-12 ETA still 18:00 UTC\n"
        "- 17:30 UTC OPS-12 resolved\n"
    )
    assert got == [
        ["OPS-12", "10-08 18:00", "10-08 17:30", "met", 0.0, 5,
         "due 2025-10-08 18:00 UTC; resolved 2025-10-08 17:30 UTC, by the due time; 'ETA' in \"09:00 UTC "
         "OPS-12 ETA 18:00 UTC\"", ["ops.md:5", "ops.md:6"]],
    ]


def test_an_eta_promised_again_after_a_move_is_a_promise_again():
    got = _sla(
        "- 09:00 UTC OPS-12 ETA 14:00 UTC\n"
        "- 10:00 UTC OPS-12 new ETA 16:00 UTC\n"
        "- 11:00 UTC OPS-12 new ETA 14:00 UTC\n"
        "- 13:30 UTC OPS-12 resolved\n"
    )
    assert [r[:6] for r in got] == [
        ["OPS-12", "10-08 14:00", "10-08 13:30", "met", 0.0, 5],
        ["OPS-12", "10-08 16:00", None, "superseded", None, 6],
    ]


def test_the_deadlines_table_says_which_rows_move_a_promise(tmp_path):
    log = tmp_path / "sup.md"
    log.write_text(
        HEAD + "- 09:00 UTC OPS-12 ETA 14:00 UTC\n- 13:10 UTC OPS-12 ETA revised to 18:00 UTC\n"
        "- 13:20 UTC OPS-15 status updated to P1, ETA 17:00 UTC\n"
    )
    rows = cli_rows("deadlines", str(log), "--format", "jsonl")
    assert [[r["line"], r["due_at"], r["keyword"], r["stated_missed"], r["moves"]] for r in rows] == [
        [5, "2025-10-08T14:00:00Z", "ETA", False, False],
        [6, "2025-10-08T18:00:00Z", "ETA", False, True],
        [7, "2025-10-08T17:00:00Z", "ETA", False, False],
    ]
    assert list(rows[0])[-1] == "moves"
