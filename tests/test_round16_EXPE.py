"""Round 16 (EXPE): an airport IT ops shift log (flights BA 117, LH400, UA-901, gate B22, times in Z and LT,
SITA as the DCS vendor, AIR- tickets) and a bank's batch operations log (EOD-BATCH-07 jobs, cut-off 17:30 CET,
SWIFT window, T+1 settlement, BOPS- incidents, the COO), read as a reliability engineer reads them: a flight
'UA-901' in an item about flights is no ticket, and a 'problem review due 23 Oct' is a deliverable, not
kept by the incident's earlier fix."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib._extract import tickets
from occ_lib.policy import Policy
from occ_lib.sla import misses

FIX = Path(__file__).parent / "fixtures" / "round16"
W42 = {"start": pd.Timestamp("2025-10-12T23:00Z"), "end": pd.Timestamp("2025-10-19T23:00Z"),
       "as_of": pd.Timestamp("2025-10-20T00:00Z")}


# 1: a flight number is no ticket ------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("05:45Z BA 117 to JFK boarding from gate B22 delayed 25 min. LH400 and UA-901 unaffected.", []),
    ("Planned change CHG-7781: DCS upgrade Wed 01:00-03:00 LT. UA-901 and LH400 stations briefed.",
     ["CHG-7781"]),
    ("AIR-2260: flight UA-1234 crew app down.", ["AIR-2260"]),
    ("Gate change for BA-12 pushed to FIDS.", []),
    # (no word of flights: a tracker named UA, LH or BA stays one)
    ("UA-901 opened, login broken.", ["UA-901"]),
    ("BA-4411 resolved after deploy.", ["BA-4411"]),
    # (five digits is no flight; a head no airline's is a key)
    ("flight UA-90123 data in the report", ["UA-90123"]),
    ("OPS-901 gate agent tablets offline", ["OPS-901"]),
])
def test_a_flight_is_no_ticket(text, expected):
    assert tickets(text) == expected


def test_the_airport_log_names_no_flight_as_a_ticket():
    logs = occ_lib.read_logs(str(FIX / "expe_a_airport_it.md"))
    ev = logs.events
    got = {int(ln): list(t) for ln, t in zip(ev["line"], ev["tickets"], strict=True) if ln in (10, 20, 21)}
    # (before: line 10 [UA-901], line 20 [CHG-7781, UA-901])
    assert got == {10: [], 20: ["CHG-7781"], 21: []}
    assert "UA-901" not in set(ev["tickets"].explode().dropna())


# 2: a problem review is a deliverable ------------------------------------------------------------------
def test_a_problem_review_due_is_a_deliverable_not_met_by_the_earlier_fix():
    logs = occ_lib.read_logs(str(FIX / "expe_b_bank_batch.md"))
    dl = logs.deadlines
    row = dl[dl["line"].eq(31)]
    assert [list(row["tickets"].iloc[0]), row["keyword"].iloc[0]] == [["BOPS-118"], "postmortem"]
    out = misses(logs, None, Policy(tickets={"BOPS": {"first_response": "30m", "resolution": "8h"}}), **W42)
    d = out[out["kind"].eq("deadline") & out["subject"].eq("BOPS-118")]
    # (before: 'met', by BOPS-118's resolution of 10-13 22:20Z, three days before the review was set)
    assert [[x.strftime("%m-%d %H:%M"), None if pd.isna(r) else r, st]
            for x, r, st in zip(d["due_at"], d["resolved_at"], d["status"], strict=True)] == [
        ["10-23 22:00", None, "open"]]


@pytest.mark.parametrize(("item", "keyword"), [
    ("15:00 BOPS-118 problem review due 23 Oct.", "postmortem"),
    ("15:00 BOPS-118 Problem Review by Fri 12:00.", "postmortem"),
    ("15:00 BOPS-118 fix due 23 Oct.", "due"),
    ("15:00 BOPS-118 problem persists, ETA 18:00.", "ETA"),
])
def test_a_problem_review_has_the_deliverables_keyword(item, keyword):
    text = f"# Log\n\n## Thursday 16 October 2025\n\n- {item}\n"
    dl = occ_lib.logs.parse_log(text, "x.md").deadlines
    assert list(dl["keyword"]) == [keyword]
