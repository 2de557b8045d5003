"""Round 16 (EXPA): a retail peak-week war room run on ServiceNow (INC/CHG/PRB numbers, SGT, UTC+8,
AEDT and GMT handoffs, a code freeze, a CAB) and a payments-partner integration log a product manager
writes in prose paragraphs, read as a reliability engineer reads them: ``sla.tickets`` keyed ``INC``
judges the ServiceNow incidents, a CAB that met approved changes without closing them, 'about half
done' is progress, and 'new ETA Wednesday 22nd' is the 22nd."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib._extract import classify, keywords
from occ_lib.logs import parse_log
from occ_lib.policy import Policy, covers
from occ_lib.sla import misses, unmatched_keys
from occ_lib.times import find_times
from tests.log_rows import deadline_rows
from tests.log_rows import short_event_rows as event_rows

FIX = Path(__file__).parent / "fixtures" / "round16"
W48 = {"start": pd.Timestamp("2025-11-23T16:00Z"), "end": pd.Timestamp("2025-11-30T16:00Z"),
       "as_of": pd.Timestamp("2025-12-02T00:00Z")}


def _sla_rows(out: pd.DataFrame, kind: str) -> list[list]:
    out = out[out["kind"].eq(kind)]
    return [[s, None if pd.isna(r) else r.strftime("%m-%d %H:%M"), st]
            for s, r, st in zip(out["subject"], out["resolved_at"], out["status"], strict=True)]


# 1: sla.tickets keyed by a ServiceNow table's letters ------------------------------------------------
@pytest.mark.parametrize(("key", "ticket", "expected"), [
    ("INC", "INC0012345", True),
    ("CHG", "CHG0034567", True),
    ("PRB", "PRB0001234", True),
    ("SCTASK", "SCTASK0012345", True),
    ("INC0012345", "INC0012345", True),
    ("IN", "INC0012345", False),
    ("INC001", "INC0012345", False),
    ("SC", "SCTASK0012345", False),
    ("CHG", "INC0012345", False),
    ("PAY", "PAY-101", True),
    ("PAY", "PAYX1234567", False),
])
def test_a_servicenow_tables_letters_cover_its_numbers(key, ticket, expected):
    assert covers(key, ticket) is expected


def test_the_war_rooms_incidents_are_judged_by_the_inc_target():
    logs = occ_lib.read_logs(str(FIX / "expa_a_peak_warroom.md"))
    policy = Policy(tickets={"INC": {"first_response": "15m", "resolution": "4h"},
                             "PRB": {"resolution": "5d"}})
    out = misses(logs, None, policy, **W48)
    # (before: no response or resolution row at all, and 'sla.tickets.INC: matches no ticket')
    assert _sla_rows(out, "response") == [
        ["INC0012345", "11-24 02:42", "met"],
        ["INC0012350", "11-24 10:05", "missed"],
        ["INC0012360", "11-24 18:20", "met"],
        ["INC0012371", "11-26 10:30", "missed"],
        ["INC0012380", "11-27 15:58", "met"],
    ]
    assert _sla_rows(out, "resolution") == [
        ["INC0012345", "11-24 03:15", "met"],
        ["INC0012350", "11-24 12:15", "met"],
        ["INC0012360", "11-24 22:05", "met"],
        ["INC0012371", "11-26 10:30", "met"],
        ["INC0012380", "11-27 16:30", "met"],
        ["PRB0001234", "11-28 05:00", "met"],
    ]
    assert unmatched_keys(policy, logs, None) == []


def test_an_unmatched_key_lists_servicenow_tickets_by_their_table():
    logs = occ_lib.read_logs(str(FIX / "expa_a_peak_warroom.md"))
    warnings = unmatched_keys(Policy(tickets={"RITM": {"resolution": "1d"}}), logs, None)
    assert warnings == [("sla.tickets.RITM", "matches no ticket in the logs (seen: CHG, INC, PRB)")]


# 2: a CAB that met; a share done in words -------------------------------------------------------------
@pytest.mark.parametrize(("text", "kind"), [
    ("08:00 UTC+8 CAB met: 3 emergency changes approved (CHG0034580, CHG0034581), 1 rejected (CHG0034579).",
     "note"),
    ("ECAB met at 14:00, CHG0034590 approved", "note"),
    ("steering group met to discuss PAY-4", "note"),
    ("we met with the vendor, PAY-3 fixed", "resolved"),
    ("PAY-3 SLA met", "resolved"),
    ("the team met the deadline for PAY-3", "resolved"),
    ("PAYINT-101 is about half done; Raj thinks it will slip", "status"),
    ("OPS-1 mostly fixed", "status"),
    ("OPS-1 nearly complete", "status"),
    ("OPS-1 partially restored", "status"),
    ("OPS-1 almost done", "status"),
    ("OPS-1 done", "resolved"),
])
def test_a_board_that_met_and_a_share_done_in_words(text, kind):
    assert classify(text, keywords(text), False) == (kind, 0)


def test_the_cab_approval_closes_no_change():
    text = ("# War room\n\nAll times SGT.\n\n## Wed 2025-11-26\n\n"
            "- 08:00 UTC+8 CAB met: 2 emergency changes approved (CHG0034580, CHG0034581).\n"
            "- 14:00 UTC+8 CHG0034580 implemented, closed successful.\n")
    assert event_rows(text) == [
        [7, "11-26 00:00", "note", 0, ["CHG0034580", "CHG0034581"]],
        [8, "11-26 06:00", "resolved", 0, ["CHG0034580"]],
    ]
    out = misses(parse_log(text, "x.md"), None, Policy(tickets={"CHG": {"resolution": "7d"}}), **W48)
    # (before: both 'met, resolution at first mention' by the approval)
    assert _sla_rows(out, "resolution") == [["CHG0034580", "11-26 06:00", "met"],
                                            ["CHG0034581", None, "open"]]


# 3: a weekday with its ordinal, no 'the' ---------------------------------------------------------------
@pytest.mark.parametrize(("text", "raw", "at"), [
    ("new ETA Wednesday 22nd, end of day", "Wednesday 22nd", "2025-10-22 00:00"),
    ("it will slip to Tuesday 21st because of the refund mapping", "Tuesday 21st", "2025-10-21 00:00"),
    ("ETA Wed 22nd at 17:00 UTC", "Wed 22nd at 17:00 UTC", "2025-10-22 17:00"),
    ("due Mon 20th EOD", "Mon 20th", "2025-10-20 00:00"),
    ("ETA Friday the 24th", "Friday the 24th", "2025-10-24 00:00"),
])
def test_a_weekday_and_its_ordinal_are_that_date(text, raw, at):
    found = find_times(text, day=dt.date(2025, 10, 13), tz="UTC")
    got = [(m.raw, m.at.strftime("%Y-%m-%d %H:%M")) for m in found]
    assert got == [(raw, at)]


@pytest.mark.parametrize("text", ["Sat 2nd shift covered", "Tue 3rd attempt failed",
                                  "Wed 23rd is no Wednesday"])
def test_a_weekdays_ordinal_that_counts_a_noun_or_names_no_such_day_is_no_date(text):
    assert find_times(text, day=dt.date(2025, 10, 13), tz="UTC") == []


def test_the_pms_new_eta_wednesday_22nd_moves_the_end_of_next_week():
    logs = occ_lib.read_logs(str(FIX / "expa_b_partner_pm.md"))
    rows = [r for r in deadline_rows(logs.deadlines) if r[1] == ["PAYINT-101"]]
    # (before: 'Wednesday' alone, the 15th of the section's week, and 'met' by 'about half done')
    assert rows == [[7, ["PAYINT-101"], "10-17 00:00", "by", False],
                    [19, ["PAYINT-101"], "10-22 00:00", "ETA", False],
                    [19, ["PAYINT-101"], None, "missed", True]]
    out = misses(logs, None, Policy(tickets={"PAYINT": {"resolution": "10d"}}),
                 start=pd.Timestamp("2025-10-13", tz="UTC"), end=pd.Timestamp("2025-10-20", tz="UTC"),
                 as_of=pd.Timestamp("2025-10-20", tz="UTC"))
    out = out[out["subject"].eq("PAYINT-101")]
    assert out[["kind", "status"]].values.tolist() == [
        ["deadline", "superseded"], ["deadline", "open"], ["resolution", "missed"]]
