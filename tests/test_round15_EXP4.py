"""Round 15 (EXP4): three logs in voices not covered before (a NOC shift log with carrier tickets and
maintenance notices, a mobile release log in PT and IST, a team lead's weekly in long paragraphs), read
as a reliability engineer reads them: a maintenance window that closed closes no ticket, a promise made
'for' a time is a deadline, 'and by 3:10pm the team reported' tells when something happened, and a
deadline the text says was missed is judged by the resolution after it, not by an earlier mitigation."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import occ_lib
from occ_lib.sla import misses
from occ_lib.workspace import Workspace
from tests.log_rows import deadline_rows, sla_deadline_rows
from tests.log_rows import short_event_rows as event_rows
from tests.log_rows import text_deadline_rows as dl_rows

FIX = Path(__file__).parent / "fixtures" / "round15"


# 1: a maintenance window (or a freeze) that closed is no resolution of the item's ticket -------------
WINDOW = """## 2025-10-09 Thu

- 07:10 NOC-310 loss still 3% after the window closed; Lumen dispatched a tech, ETA 4h.
- 07:15 NOC-320 change freeze has been closed, deploys resume.
- 07:20 NOC-9 maintenance window closed, all green, resolved.
- 07:30 NOC-8 closed after the window.
"""


def test_a_window_that_closed_closes_no_ticket():
    assert event_rows(WINDOW) == [
        [3, "10-09 07:10", "acknowledged", 0, ["NOC-310"]],  # (KIND2: a tech dispatched, a response)
        [4, "10-09 07:15", "note", 0, ["NOC-320"]],
        [5, "10-09 07:20", "resolved", 0, ["NOC-9"]],
        [6, "10-09 07:30", "resolved", 0, ["NOC-8"]],
    ]


def test_the_noc_logs_eta_is_met_by_the_tech_on_site_not_by_the_window_closing():
    logs = occ_lib.read_logs([str(FIX / "exp4_a_noc.md")])
    out = misses(logs, None, occ_lib.policy.Policy(), start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-10-13", tz="UTC"), as_of=pd.Timestamp("2025-10-13", tz="UTC"))
    row = out[out["kind"].eq("deadline") & out["subject"].eq("NOC-310")].iloc[0]
    assert [row["due_at"].isoformat(), row["resolved_at"].isoformat(), row["status"]] == [
        "2025-10-09T11:10:00+00:00", "2025-10-09T11:05:00+00:00", "met"]


# 2: a promise made for a time ('promised by Ops for Thursday noon') is a deadline -----------------
PROMISES = """## 2025-10-06 Mon

- 10:00 OPS-1 the fix was promised by Ops for Thursday noon.
- 10:00 OPS-2 fix promised for Thursday noon.
- 10:00 OPS-4 Ops promised the fix for Thursday noon.
- 10:00 OPS-6 vendor committed to a patch for Oct 14.
- 10:00 OPS-5 vendor said for the deploy at 09:00 all was fine.
- 10:00 OPS-7 promised a fix for the customers of the Thursday noon batch.
"""


def test_a_promise_for_a_time_is_a_deadline():
    assert dl_rows(PROMISES) == [
        [3, ["OPS-1"], "10-09 12:00", "promised", False],
        [4, ["OPS-2"], "10-09 12:00", "promised", False],
        [5, ["OPS-4"], "10-09 12:00", "promised", False],
        [6, ["OPS-6"], "10-14 00:00", "promised", False],
    ]


# 3: 'and by 3:10pm the payments team reported...': when it happened, not a deadline -----------------
NARRATIVE = """## 2025-10-06 Mon

- 10:00 OPS-3 switched resolvers at 2:30pm, and by 3:10pm the payments team reported errors.
- 10:00 OPS-9 errors climbed; by 11:30 we had paged the vendor.
- 10:00 OPS-7 by 17:00 we will have it fixed.
- 10:00 OPS-8 fix by 17:00, the team said.
- OPS-10 and by 17:00 we need the patch.
- OPS-11 patch due by 17:00 the vendor confirmed.
"""


def test_a_by_that_opens_a_clause_told_as_past_is_no_deadline():
    assert dl_rows(NARRATIVE) == [
        [5, ["OPS-7"], "10-06 17:00", "by", False],
        [6, ["OPS-8"], "10-06 17:00", "by", False],
        [7, ["OPS-10"], "10-06 17:00", "by", False],
        [8, ["OPS-11"], "10-06 17:00", "by", False],
    ]


# 4: a deadline stated missed, resolved by its due time (a mitigation) and again after it --------------
STATED = """## 2025-10-06 Mon

- 16:05 OPS-1 mitigated by pinning the old resolver.
- 16:10 OPS-1 the proper fix was promised for Thursday noon.

## 2025-10-10 Fri

- 10:40 OPS-1 fix landed, resolved; we missed the Thursday noon promise by almost a day.
"""


def test_a_deadline_stated_missed_is_judged_by_the_resolution_after_it():
    logs = occ_lib.logs.parse_log(STATED, "x.md")
    assert [r[:4] for r in deadline_rows(logs.deadlines)] == [
        [4, ["OPS-1"], "10-09 12:00", "promised"],
        [8, ["OPS-1"], "10-09 12:00", "missed"],
    ]
    assert sla_deadline_rows(logs) == [[8, "OPS-1", "10-09 12:00", "missed"]]
    out = misses(logs, None, occ_lib.policy.Policy(), start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-10-13", tz="UTC"), as_of=pd.Timestamp("2025-10-13", tz="UTC"))
    row = out[out["kind"].eq("deadline")].iloc[0]
    assert [row["resolved_at"].isoformat(), row["overage_min"]] == ["2025-10-10T10:40:00+00:00", 1360.0]


def test_a_deadline_stated_missed_with_no_later_resolution_keeps_its_no_overage_reading():
    text = STATED.replace("fix landed, resolved;", "still failing;")
    logs = occ_lib.logs.parse_log(text, "x.md")
    out = misses(logs, None, occ_lib.policy.Policy(), start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-10-13", tz="UTC"), as_of=pd.Timestamp("2025-10-13", tz="UTC"))
    row = out[out["kind"].eq("deadline")].iloc[0]
    assert [row["resolved_at"].isoformat(), row["status"], pd.isna(row["overage_min"])] == [
        "2025-10-06T16:05:00+00:00", "missed", True]


def test_the_weekly_in_prose_misses_the_thursday_noon_promise_by_22h40():
    ws = Workspace.load(FIX / "occ_exp4.yml")
    out = misses(ws.logs, None, ws.policy, start="2025-10-06", end="2025-10-13", as_of="2025-10-13")
    d = out[out["kind"].eq("deadline") & out["subject"].eq("PLAT-901")]
    assert [[r.due_at.isoformat(), r.resolved_at.isoformat(), r.status, r.overage_min]
            for r in d.itertuples()] == [
        ["2025-10-09T16:00:00+00:00", "2025-10-10T14:40:00+00:00", "missed", 1360.0]]
