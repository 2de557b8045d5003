"""Round 15 (EXP6): three logs in voices not covered before (a standup kept only as tables, an Obsidian
daily-notes vault export, a payments operations log), read as a reliability engineer reads them: a
standup cell's ``(waiting SEC-4)`` only points at SEC-4, a table row's ETA cell is the row's key
ticket's, a later standup table's other ETA for a ticket moves the earlier one, and a settlement
cutoff is kept by the submission made before it, not by the ticket's fix."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from occ_lib._extract import submitted, submitted_before
from occ_lib.logs import parse_log, read_logs
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import deadline_rows, sla_deadline_rows
from tests.log_rows import event_rows as _event_rows

FIX = Path(__file__).parent / "fixtures" / "round15"


def event_rows(text: str) -> list[list]:
    """``[line, 'MM-DD HH:MM', kind, tickets, refs]`` of each event of ``text``."""
    ev = parse_log(text, "x.md").events
    return [[r[0], r[1], r[2], r[4]] + [list(f)] for r, f in zip(_event_rows(text), ev["refs"], strict=True)]


HEAD = "| Date | Owner | Ticket | Status | ETA | Notes |\n|---|---|---|---|---|---|\n"


# 1: 'waiting SEC-4' (no preposition, a standup cell's shorthand) only points at SEC-4 ---------------
def test_waiting_before_a_key_makes_it_a_reference():
    text = ("# Standup\n\nTimes ET.\n\n## Standup 2025-10-10\n\n" + HEAD
            + "| 10/10 | Kim | STD-105 | Blocked (waiting STD-102) | Mon | Needs the rule |\n"
            + "| 10/10 | Raj | STD-106 | Blocked | - | waiting CAB approval |\n")
    assert event_rows(text) == [
        [9, "10-10 00:00", "blocked", ["STD-105"], ["STD-102"]],
        [10, "10-10 00:00", "blocked", ["STD-106"], []],
    ]
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [[9, ["STD-105"], "10-13 00:00", "ETA", False]]


def test_waiting_in_prose_before_a_key_and_before_other_words():
    text = ("# L\n\n## 2025-10-08\n\n- 10:00 OPS-1 still waiting OPS-2; ETA 17:00 UTC\n"
            "- 11:00 OPS-3 waiting ops-4 fixed\n")
    assert event_rows(text) == [
        [5, "10-08 10:00", "blocked", ["OPS-1"], ["OPS-2"]],
        [6, "10-08 11:00", "blocked", ["OPS-3"], []],
    ]
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [[5, ["OPS-1"], "10-08 17:00", "ETA", False]]


# 2: a table row's ETA cell is the row's key ticket's, not another ticket named in a later cell -------
def test_a_deadline_cell_is_the_row_keys_not_a_ticket_of_the_notes_cell():
    text = ("# Standup\n\nTimes ET.\n\n## Standup 2025-10-09\n\n" + HEAD
            + "| 10/09 | Raj | STD-102 | In progress | 10/10 EOD | SEC-4 approved 15:10, rule pending |\n")
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [[9, ["STD-102"], "10-10 00:00", "ETA", False]]


def test_a_deadline_in_a_cell_that_names_its_own_ticket_stays_that_tickets():
    text = ("# T\n\nTimes ET.\n\n## 2025-10-09\n\n" + HEAD
            + "| 10/09 | Raj | STD-102 | Blocked | - | STD-9 ETA 10/10 EOD |\n")
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [[9, ["STD-9"], "10-10 00:00", "ETA", False]]


# 3: a later standup table's other ETA for the ticket moves the earlier one ---------------------------
STANDUPS = ("# Standup\n\nTimes ET.\n\n## Standup 2025-10-08\n\n" + HEAD
            + "| 10/08 | Kim | STD-105 | New | 10/10 EOD | Page storm |\n"
            + "| 10/08 | Ana | STD-101 | In progress | Fri | On track |\n"
            + "\n## Standup 2025-10-10\n\n" + HEAD
            + "| 10/10 | Kim | STD-105 | Blocked | Mon | Needs the rule |\n"
            + "| 10/10 | Ana | STD-101 | In progress | Fri | Still on track |\n")


def test_a_later_standup_tables_other_eta_moves_the_tickets_deadline():
    dl = parse_log(STANDUPS, "x.md").deadlines
    assert deadline_rows(dl) == [
        [9, ["STD-105"], "10-10 00:00", "ETA", False], [10, ["STD-101"], "10-10 00:00", "ETA", False],
        [16, ["STD-105"], "10-13 00:00", "ETA", False], [17, ["STD-101"], "10-10 00:00", "ETA", False],
    ]
    assert dl["moves"].tolist() == [False, False, True, False]
    assert sla_deadline_rows(parse_log(STANDUPS, "x.md")) == [
        [10, "STD-101", "10-11 04:00", "missed"],
        [9, "STD-105", "10-11 04:00", "superseded"],
        [16, "STD-105", "10-14 04:00", "open"],
    ]


def test_rows_of_one_table_do_not_move_each_other():
    text = ("# Plan\n\n## 2025-10-08\n\n| Ticket | Step | Due |\n|---|---|---|\n"
            "| OPS-1 | deploy | 2025-10-10 |\n| OPS-1 | verify | 2025-10-11 |\n")
    dl = parse_log(text, "x.md").deadlines
    assert deadline_rows(dl) == [[7, ["OPS-1"], "10-10 00:00", "due", False],
                                 [8, ["OPS-1"], "10-11 00:00", "due", False]]
    assert dl["moves"].tolist() == [False, False]


# 4: a cutoff is kept by the submission made before it --------------------------------------------------
CUTOFF = ("# Payments\n\nTimes ET.\n\n## Tue 2025-10-07\n\n"
          "- 14:10 PAY-301 JPM replied on case 2510-77812: resubmit by 16:45 ET cutoff.\n"
          "- 16:30 PAY-301 resubmitted 14 items ($3,200.00) before the ACH cutoff.\n"
          "- 17:55 PAY-306 Fedwire payment $1,200,000.00 submitted 5 minutes before the 18:00 ET close.\n"
          "- 09:00 PAY-307 file must be sent before the 16:45 ET cutoff.\n"
          "- 17:10 PAY-307 file sent, after the cutoff.\n"
          "- 10:00 PAY-308 resubmit by 11:00 ET cutoff.\n- 12:00 PAY-308 resolved.\n")


def _sla(text: str) -> list[list]:
    out = misses(parse_log(text, "x.md"), None, Policy(), start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-10-13", tz="UTC"), as_of=pd.Timestamp("2025-10-13", tz="UTC"))
    out = out[out["kind"].eq("deadline")]
    return [[int(n), s, st, None if pd.isna(r) else r.strftime("%m-%d %H:%M"), o]
            for n, s, st, r, o in zip(out["line"], out["subject"], out["status"], out["resolved_at"],
                                      out["overage_min"], strict=True)]


def test_a_cutoff_is_kept_by_the_submission_before_it():
    rows = _sla(CUTOFF)
    assert [r[:4] for r in rows] == [
        [12, "PAY-308", "missed", "10-07 16:00"],  # (no submission: kept by the fix, as any deadline)
        [7, "PAY-301", "met", "10-07 20:30"],
        [10, "PAY-307", "missed", "10-07 21:10"],  # (sent, after the cutoff)
        [9, "PAY-306", "met", "10-07 21:55"],  # (its own item: submitted before the close)
    ]
    assert [r[4] for r in rows] == [60.0, 0.0, 25.0, 0.0]


def test_submitted_words():
    assert [submitted(t) for t in (
        "resubmitted 14 items", "file B sent 14:30", "not submitted yet", "will be sent at 16:00",
        "failed to submit", "payment released", "resubmit by 16:45",
    )] == [True, True, False, False, False, True, False]
    assert [submitted_before(t) for t in (
        "payment submitted 5 minutes before the 18:00 ET close", "sent ahead of the cutoff",
        "must be sent before the 16:45 ET cutoff", "submitted; cutoff is 18:00",
    )] == [True, True, False, False]


# the fixtures ---------------------------------------------------------------------------------------
def _fixture_sla(name: str) -> list[list]:
    logs = read_logs([str(FIX / name)])
    out = misses(logs, None, Policy(), start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-10-13", tz="UTC"), as_of=pd.Timestamp("2025-10-13T04:00", tz="UTC"))
    out = out[out["kind"].eq("deadline")]
    return [[int(n), s, st] for n, s, st in zip(out["line"], out["subject"], out["status"], strict=True)]


def test_the_standup_fixture_sla_deadlines():
    assert _fixture_sla("exp6_a_standup_tables.md") == [
        [11, "STD-103", "superseded"],
        [20, "STD-103", "met"],
        [19, "STD-102", "missed"],
        [9, "STD-101", "met"],
        [21, "STD-105", "superseded"],
        [38, "STD-105", "open"],
    ]


def test_the_payments_fixture_sla_deadlines():
    assert _fixture_sla("exp6_c_payments.md") == [
        # (line 12 'ACH cutoff 16:45 ET; Fedwire closes 18:00 ET.': a fact of the calendar, no promise:
        # no row since round 15 EXP6B)
        [15, "PAY-301", "met"],
        [21, "PAY-303", "missed"],
        [23, "PAY-302", "missed"],
        [34, "PAY-306", "met"],
        [33, "PAY-305", "open"],
    ]
