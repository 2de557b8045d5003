"""Round 16 (CLAUSE): a ticket of one clause or sentence took another clause's kind or deadline.

'INC0045150 resolved ...; PRB0002210 RCA due 24 Oct.' resolved both (SLA: PRB0002210 'met'); 'PAYINT-102 moved
to 31 October. PAYINT-104 done yesterday at 17:45.' resolved both; 'Sony cert submission due Oct 16 (CERT-41);
Xbox cert submitted 13:10, result ETA Fri.' gave CERT-41 the Xbox cert's ETA. A clause that gives its tickets
a deadline or a new date of their own leans on no neighbour, and a part that opens with another subject of the
same noun keeps its deadline from the item's tickets."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib._subjects import other_subjects
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import deadline_rows, item, short_event_rows, text_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round16"
W42 = {"start": pd.Timestamp("2025-10-12T23:00Z"), "end": pd.Timestamp("2025-10-19T23:00Z"),
       "as_of": pd.Timestamp("2025-10-20T00:00Z")}


def _rows(out: pd.DataFrame, kind: str, subject: str) -> list[list]:
    out = out[out["kind"].eq(kind) & out["subject"].eq(subject)]
    return [[d.strftime("%m-%d %H:%M"), None if pd.isna(r) else r.strftime("%m-%d %H:%M"), st]
            for d, r, st in zip(out["due_at"], out["resolved_at"], out["status"], strict=True)]


# 1: a clause with a deadline or a new date of its own is its tickets' ------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("14:00 INC0045150 resolved after index rebuild overnight; PRB0002210 RCA due 24 Oct.",
     [[5, "10-07 14:00", "resolved", 0, ["INC0045150"]], [5, "10-07 14:00", "note", 0, ["PRB0002210"]]]),
    ("14:00 OPS-1 resolved; OPS-2 ETA Friday.",
     [[5, "10-07 14:00", "resolved", 0, ["OPS-1"]], [5, "10-07 14:00", "note", 0, ["OPS-2"]]]),
    ("14:00 OPS-1 fixed, OPS-2 postponed to Monday.",
     [[5, "10-07 14:00", "resolved", 0, ["OPS-1"]], [5, "10-07 14:00", "note", 0, ["OPS-2"]]]),
    ("14:00 OPS-2 pushed back to Thursday; OPS-1 closed.",
     [[5, "10-07 14:00", "resolved", 0, ["OPS-1"]], [5, "10-07 14:00", "note", 0, ["OPS-2"]]]),
    # (a clause that says nothing of its own still leans on its neighbour; 'due to' is a cause, no deadline)
    ("14:00 INC-1 resolved; INC-2 due to the same root cause.",
     [[5, "10-07 14:00", "resolved", 0, ["INC-1", "INC-2"]]]),
    ("14:00 INC-1, INC-2 resolved; RCA due Friday.",
     [[5, "10-07 14:00", "resolved", 0, ["INC-1", "INC-2"]]]),
    ("14:00 INC-1 resolved; INC-2 too.",
     [[5, "10-07 14:00", "resolved", 0, ["INC-1", "INC-2"]]]),
])
def test_a_clause_with_its_own_date_is_not_resolved_by_its_neighbour(text, expected):
    assert short_event_rows(item(text)) == expected


def test_a_paragraphs_sentence_that_moves_its_ticket_is_not_resolved_by_the_next():
    text = ("# PM notes\n\n## Week of 2025-10-13\n\n"
            "Thursday 16 October. PAYINT-102 moved to 31 October. PAYINT-104 done yesterday at 17:45.\n")
    # (before: one resolved event for [PAYINT-102, PAYINT-104])
    assert short_event_rows(text) == [[5, "10-15 17:45", "resolved", 0, ["PAYINT-104"]],
                                      [5, "10-15 17:45", "note", 0, ["PAYINT-102"]]]


def test_the_problem_record_keeps_its_rca_deadline_open():
    text = ("# Desk\n\n## Wed 2025-10-15\n\n- 11:20 INC0045150 mitigated; root cause DB lock contention, "
            "PRB0002210 raised.\n\n## Thu 2025-10-16\n\n"
            "- 14:00 INC0045150 resolved after index rebuild overnight; PRB0002210 RCA due 24 Oct.\n")
    logs = parse_log(text, "x.md")
    out = misses(logs, None, Policy(tickets={"PRB": {"resolution": "10d"}}), **W42)
    # (before: resolution 'met' at 10-16 14:00 and the RCA deadline 'met' by INC0045150's resolution)
    assert _rows(out, "resolution", "PRB0002210") == [["10-25 11:20", None, "open"]]
    assert _rows(out, "deadline", "PRB0002210") == [["10-25 00:00", None, "open"]]


# 2: a part that opens with another subject keeps its deadline from the item's ticket ---------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("14:30 Sony cert submission due Oct 16 (CERT-41); Xbox cert submitted 13:10, result ETA Fri.",
     [[5, ["CERT-41"], "10-16 00:00", "due", False], [5, [], "10-10 00:00", "ETA", False]]),
    ("14:30 Sony cert submission due Oct 16 (CERT-41). Xbox cert result ETA Fri.",
     [[5, ["CERT-41"], "10-16 00:00", "due", False], [5, [], "10-10 00:00", "ETA", False]]),
    # (the same subject, a part that opens with the ticket or with no name: the ticket's)
    ("14:30 Sony cert submission due Oct 16 (CERT-41); Sony cert result ETA Fri.",
     [[5, ["CERT-41"], "10-16 00:00", "due", False], [5, ["CERT-41"], "10-10 00:00", "ETA", False]]),
    ("14:30 CERT-41 submitted to Sony; Xbox cert result ETA Fri.",
     [[5, ["CERT-41"], "10-10 00:00", "ETA", False]]),
    ("14:30 Sony cert due Oct 16 (CERT-41); The cert result ETA Fri.",
     [[5, ["CERT-41"], "10-16 00:00", "due", False], [5, ["CERT-41"], "10-10 00:00", "ETA", False]]),
    ("14:30 Sony cert due Oct 16 (CERT-41); vendor fix ETA Fri.",
     [[5, ["CERT-41"], "10-16 00:00", "due", False], [5, ["CERT-41"], "10-10 00:00", "ETA", False]]),
])
def test_a_part_of_another_subject_keeps_its_deadline_from_the_ticket(text, expected):
    assert text_deadline_rows(item(text)) == expected


def test_other_subjects_reads_each_deadline_by_its_part():
    text = "Sony cert due Oct 16 (CERT-41); Xbox cert submitted 13:10, result ETA Fri."
    assert other_subjects(text, ["CERT-41"], [text.find("Oct 16"), text.find("ETA")]) == [False, True]
    assert other_subjects("CERT-41 due Oct 16", ["CERT-41"], [12]) is None


# the fixtures, read whole -----------------------------------------------------------------------------
def test_the_exam_weeks_problem_record_stays_open():
    logs = occ_lib.read_logs(str(FIX / "expd_b_uni_exam_week.md"))
    ev = logs.events[logs.events["line"].eq(34)]
    assert [[k, list(t)] for k, t in zip(ev["kind"], ev["tickets"], strict=True)] == [
        ["resolved", ["INC0045150"]], ["note", ["PRB0002210"]]]
    out = misses(logs, None, Policy(tz="Europe/London", tickets={"PRB": {"resolution": "10d"}}), **W42)
    # (before: 'met, resolved 10-16 13:00' by INC0045150's resolution)
    assert _rows(out, "resolution", "PRB0002210") == [["10-25 10:20", None, "open"]]


def test_the_live_ops_cert_gets_its_own_due_date_alone():
    logs = occ_lib.read_logs(str(FIX / "expd_a_liveops_patch.md"))
    assert [r for r in deadline_rows(logs.deadlines) if r[0] == 9] == [
        [9, ["CERT-41"], "10-16 00:00", "due", False], [9, [], "10-17 00:00", "ETA", False]]


def test_the_pms_payint_102_stays_open_to_its_new_date():
    logs = occ_lib.read_logs(str(FIX / "expa_b_partner_pm.md"))
    out = misses(logs, None, Policy(tz="Europe/London", tickets={"PAYINT": {"resolution": "10d"}}), **W42)
    # (before: both rows 'met, resolved 10-15 16:45' by PAYINT-104's 'done yesterday')
    assert _rows(out, "deadline", "PAYINT-102")[-1] == ["11-01 00:00", None, "open"]
    assert _rows(out, "resolution", "PAYINT-102") == [["10-16 23:00", None, "missed"]]


@pytest.mark.parametrize(("text", "expected"), [
    # (a move's new place is no date: the clause still leans on its neighbour, as before)
    ("10:16 moved OPS-31 to the VP queue, OPS-32 pending",
     [[5, "10-07 10:16", "blocked", 0, ["OPS-31", "OPS-32"]]]),
    ("10:16 OPS-1 resolved; OPS-2 moved to the backlog too.",
     [[5, "10-07 10:16", "resolved", 0, ["OPS-1", "OPS-2"]]]),
    ("10:16 OPS-1 resolved; OPS-2 slipped to next week.",
     [[5, "10-07 10:16", "resolved", 0, ["OPS-1"]], [5, "10-07 10:16", "plan", 0, ["OPS-2"]]]),
])
def test_a_move_to_a_place_is_no_date_of_its_own(text, expected):
    assert short_event_rows(item(text)) == expected
