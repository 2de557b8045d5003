"""Round 16 (SLA2): a deadline whose text says what is due is judged by that thing, not by the ticket's
resolution. A response or acknowledgement owed ('response due next business day by 12:55 ET', 'ack due
by 10:00') is kept by the ticket's acknowledgement (one rule with the reply owed: 'reply due by Thu
noon'); a step of a runbook owed by a time ('drain node-3 by 01:45', 'DNS cut over by 02:30') is kept by
the ticket's event that says that step was done ('node-3 drained 01:40')."""

from __future__ import annotations

from pathlib import Path

import pytest

import occ_lib
from occ_lib._extract import response_promise
from occ_lib.policy import Policy
from occ_lib.sla import _step_done, misses
from tests.log_rows import sla_verdict_rows

FIX15 = Path(__file__).parent / "fixtures" / "round15"


_rows = sla_verdict_rows


# 1: a response or acknowledgement owed is kept by the acknowledgement -------------------------------------
DESK = """# Desk log

All times UTC.

## 2025-10-08 (Wed)

- 08:30 OPS-71 opened, printer down. Ack due by 10:00.
- 09:40 OPS-71 acked by Lee.
- 08:35 OPS-72 opened. Response due by 10:00.
- 09:50 OPS-72 escalated to network team.
- 11:00 OPS-72 acknowledged.
- 08:40 OPS-73 opened. Response due by 10:00.
- 09:30 OPS-73 waiting on customer for screenshots.
- 08:45 OPS-74 opened, ETA 10:00.
- 09:00 OPS-74 acknowledged.
- 10:30 OPS-74 resolved.
- 08:50 OPS-75 opened. Ack due by 10:00.
- 10:20 OPS-75 resolved.
"""


def test_a_response_or_ack_owed_is_kept_by_the_acknowledgement(tmp_path: Path):
    assert _rows(DESK, tmp_path) == [
        [7, "OPS-71", "10-08 10:00", "met", "10-08 09:40", "acknowledged"],
        # (an escalation passes the ticket on: no answer to the requester)
        [9, "OPS-72", "10-08 10:00", "missed", "10-08 11:00", "acknowledged"],
        # (waiting on the customer: answered and asked something)
        [12, "OPS-73", "10-08 10:00", "met", "10-08 09:30", "answered"],
        # (an ETA of the fix is not kept by an acknowledgement)
        [14, "OPS-74", "10-08 10:00", "missed", "10-08 10:30", "resolved"],
        # (no acknowledgement: the resolution, as any deadline)
        [17, "OPS-75", "10-08 10:00", "missed", "10-08 10:20", "resolved"],
    ]


def test_the_msp_response_due_next_business_day_is_met_by_the_acknowledgement():
    logs = occ_lib.read_logs(str(FIX15 / "exp8_a_msp_acme.md"))
    out = misses(logs, None, Policy(tz="America/New_York"), start="2025-10-20", end="2025-10-27",
                 as_of="2025-10-27")
    row = out[out["kind"].eq("deadline") & out["subject"].eq("ACME-1251")].iloc[0]
    assert (str(row["due_at"]), str(row["resolved_at"]), row["status"], row["overage_min"]) == (
        "2025-10-20 16:55:00+00:00", "2025-10-20 12:20:00+00:00", "met", 0.0)
    assert row["detail"].startswith(
        "due 2025-10-20 12:55 EDT; acknowledged 2025-10-20 08:20 EDT, by the due time;")


@pytest.mark.parametrize(
    ("text", "promise"),
    [("ack due by 10:00", True), ("Acknowledgement due Mon 09:00", True), ("acknowledge by 10:00", True),
     ("OPS-9 acknowledged, ETA 14:00", False), ("OPS-9 acked; fix ETA 14:00", False),
     ("response due next business day by 12:55 ET", True), ("reply due by Thu noon", True),
     ("rollback by 14:00", False), ("ETA Fri EOD", False)],
)
def test_response_promise(text: str, promise: bool):
    assert response_promise(text) is promise


def test_a_reply_still_kept_by_the_reply_not_by_the_ack(tmp_path: Path):
    doc = ("# Vendor log\n\nAll times UTC.\n\n## 2025-10-08 (Wed)\n\n"
           "- 08:00 VEN-44 reply due by 12:00.\n- 12:30 VEN-44 reply sent.\n- 13:00 VEN-44 resolved.\n")
    assert _rows(doc, tmp_path) == [[7, "VEN-44", "10-08 12:00", "missed", "10-08 12:30", "replied"]]


# 2: a runbook step owed by a time is kept by the step done --------------------------------------------------
RUNBOOK = """# Ops log

All times UTC.

## 2025-10-11 (Sat)

- CHG-310 runbook: drain node-3 by 01:45, DNS cut over by 02:30, close by 04:00.
- 01:40 CHG-310 node-3 drained.
- 02:50 CHG-310 DNS cut over to the new LB.
- 03:10 CHG-310 done, resolved.
"""


def test_a_runbook_step_is_kept_by_the_step_done(tmp_path: Path):
    assert _rows(RUNBOOK, tmp_path) == [
        [7, "CHG-310", "10-11 01:45", "met", "10-11 01:40", "done"],
        [7, "CHG-310", "10-11 02:30", "missed", "10-11 02:50", "done"],
        # (the work's end: no step, the resolution as now)
        [7, "CHG-310", "10-11 04:00", "met", "10-11 03:10", "resolved"],
    ]


def test_a_step_not_done_falls_back_to_the_resolution(tmp_path: Path):
    doc = RUNBOOK.replace("01:40 CHG-310 node-3 drained.",
                          "01:40 CHG-310 node-3 not drained yet, pods stuck.")
    doc = doc.replace("02:50 CHG-310 DNS cut over to the new LB.", "02:50 CHG-310 LB config pushed.")
    assert _rows(doc, tmp_path) == [
        [7, "CHG-310", "10-11 01:45", "missed", "10-11 03:10", "resolved"],
        [7, "CHG-310", "10-11 02:30", "missed", "10-11 03:10", "resolved"],
        [7, "CHG-310", "10-11 04:00", "met", "10-11 03:10", "resolved"],
    ]


def test_a_one_word_or_promise_clause_is_no_step(tmp_path: Path):
    doc = ("# Ops log\n\nAll times UTC.\n\n## 2025-10-11 (Sat)\n\n"
           "- 00:10 OPS-5 deploy fix by 01:00; restart by 02:00.\n- 00:50 OPS-5 fix deployed.\n"
           "- 01:30 OPS-5 restarted.\n- 03:00 OPS-5 resolved.\n")
    assert _rows(doc, tmp_path) == [
        [7, "OPS-5", "10-11 01:00", "missed", "10-11 03:00", "resolved"],
        [7, "OPS-5", "10-11 02:00", "missed", "10-11 03:00", "resolved"],
    ]


@pytest.mark.parametrize(
    ("step", "kind", "text", "done"),
    [(("drain", "node-3"), "note", "01:40 CHG-310 node-3 drained.", True),
     (("drain", "node-3"), "note", "node-3 draining", False),
     (("drain", "node-3"), "note", "node-3 drain failed", False),
     (("drain", "node-3"), "note", "will drain node-3 next", False),
     (("drain", "node-3"), "plan", "drained node-3 planned", False),
     (("drain", "node-3"), "note", "node-4 drained", False),
     (("dns", "cut", "over"), "note", "DNS cut over to the new LB", True),
     (("dns", "cut", "over"), "note", "DNS over capacity", False),
     (("copy", "backups"), "follow_up", "backups copied", True)],
)
def test_step_done(step: tuple[str, ...], kind: str, text: str, done: bool):
    assert _step_done(step, kind, text) is done
