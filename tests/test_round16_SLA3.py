"""Round 16 (SLA3): a reply that states an ETA gives the fix's ETA ('customer reply: fix ETA 14:00');
runbook steps of irregular verbs ('run the backfill by 02:00' kept by 'backfill ran 01:50'), of timed
items, and done in the item of their deadline ('drain node-3 by 01:45 \u2014 drained 01:40'); a ticket's
resolution row says it judges the resolution when a deadline of the ticket was met by what it owed
('CERT-41 submitted to Sony')."""

from __future__ import annotations

from pathlib import Path

import pytest

from occ_lib.sla import _owes_response, _step_done, misses
from occ_lib.weekly import workspace
from tests.log_rows import sla_verdict_rows

FIX16 = Path(__file__).parent / "fixtures" / "round16"


_rows = sla_verdict_rows


HEAD = "# Ops log\n\nAll times UTC.\n\n## 2025-10-08 (Wed)\n\n"


# 1: a reply that states an ETA gives the fix's ETA --------------------------------------------------------
def test_a_reply_stating_an_eta_is_the_fix_eta(tmp_path: Path):
    doc = HEAD + ("- 09:00 OPS-9 customer reply: fix ETA 14:00\n- 10:00 OPS-9 reply sent.\n"
                  "- 15:00 OPS-9 resolved.\n"
                  "- 09:05 OPS-10 vendor response ETA 12:00\n- 11:30 OPS-10 vendor response received, "
                  "answered.\n- 16:00 OPS-10 resolved.\n")
    assert _rows(doc, tmp_path) == [
        # (before: met by 'reply sent' 10:00)
        [10, "OPS-10", "10-08 12:00", "met", "10-08 11:30", "replied"],
        [7, "OPS-9", "10-08 14:00", "missed", "10-08 15:00", "resolved"],
    ]


@pytest.mark.parametrize(
    ("keyword", "text", "owes"),
    [("ETA", "OPS-9 customer reply: fix ETA 14:00", False), ("ETA", "vendor response ETA Thu", True),
     ("ETA", "ETA for the vendor reply 14:00", True), ("ETA", "OPS-9 acknowledged, ETA 14:00", False),
     ("by", "VEN-44 reply due by Thu noon", True), ("due", "ack due 10:00", True),
     ("ETA", "fix ETA 14:00", False)],
)
def test_owes_response(keyword: str, text: str, owes: bool):
    assert _owes_response({"keyword": keyword, "text": text}) is owes


# 2: irregular verbs; timed items -------------------------------------------------------------------------
STEPS = HEAD + """- 00:10 CHG-1 run the backfill by 02:00.
- 01:50 CHG-1 backfill ran.
- 00:20 CHG-2 fail over to us-east by 03:00.
- 02:40 CHG-2 failed over to us-east.
- 00:30 CHG-3 rebuild index by 03:00.
- 03:20 CHG-3 index rebuilt.
- 00:40 CHG-4 write manifest by 03:00.
- 02:35 CHG-4 manifest wrote.
- 00:50 CHG-5 set maintenance flag by 03:00.
- 02:20 CHG-5 maintenance flag set.
- 06:00 CHG-1 CHG-2 CHG-3 CHG-4 CHG-5 closed.
"""


def test_irregular_steps_of_timed_items_are_kept_by_the_step_done(tmp_path: Path):
    # (before: all five judged by the 06:00 close, missed; the minutes of the stamp were a step word)
    assert _rows(STEPS, tmp_path) == [
        [7, "CHG-1", "10-08 02:00", "met", "10-08 01:50", "done"],
        [9, "CHG-2", "10-08 03:00", "met", "10-08 02:40", "done"],
        [11, "CHG-3", "10-08 03:00", "missed", "10-08 03:20", "done"],
        [13, "CHG-4", "10-08 03:00", "met", "10-08 02:35", "done"],
        [15, "CHG-5", "10-08 03:00", "met", "10-08 02:20", "done"],
    ]


def test_a_failed_fail_over_is_no_step_done(tmp_path: Path):
    doc = STEPS.replace("02:40 CHG-2 failed over to us-east.", "02:40 CHG-2 fail over to us-east failed.")
    assert _rows(doc, tmp_path)[1] == [9, "CHG-2", "10-08 03:00", "missed", "10-08 06:00", "resolved"]


@pytest.mark.parametrize(
    ("step", "text", "done"),
    [(("run", "backfill"), "backfill ran 01:50", True), (("run", "backfill"), "backfill run started", False),
     (("fail", "over", "us-east"), "failed over to us-east", True),
     (("fail", "over", "us-east"), "fail over to us-east failed", False),
     (("rebuild", "index"), "index rebuilt", True), (("write", "manifest"), "manifest written", True),
     (("set", "maintenance", "flag"), "maintenance flag set", True),
     (("drain", "node-3"), "node-3 drain failed", False)],
)
def test_step_done_irregular(step: tuple[str, ...], text: str, done: bool):
    assert _step_done(step, "note", text) is done


# 3: a step done in its deadline's own item ---------------------------------------------------------------
def test_a_step_done_in_its_own_item(tmp_path: Path):
    doc = HEAD + ("- 00:55 CHG-6 drain node-3 by 01:45 \u2014 drained 01:40\n"
                  "- 02:15 CHG-7 drain node-4 by 01:45 \u2014 drained 02:10\n"
                  "- 01:30 CHG-8 drain node-5 by 01:45 (done)\n"
                  "- 00:40 CHG-9 drain node-6 by 01:45, restart api by 02:00\n"
                  "- 00:45 CHG-10 drain node-7 by 01:45 \u2014 drain failed 01:40\n"
                  "- 06:00 CHG-6 CHG-7 CHG-8 CHG-9 CHG-10 closed.\n")
    assert _rows(doc, tmp_path) == [
        # (a step failed in its own item: the resolution)
        [11, "CHG-10", "10-08 01:45", "missed", "10-08 06:00", "resolved"],
        [7, "CHG-6", "10-08 01:45", "met", "10-08 01:40", "done"],
        [8, "CHG-7", "10-08 01:45", "missed", "10-08 02:10", "done"],
        [9, "CHG-8", "10-08 01:45", "met", "10-08 01:30", "done"],
        # (the next clause is another step owed: nothing done)
        [10, "CHG-9", "10-08 01:45", "missed", "10-08 06:00", "resolved"],
        [10, "CHG-9", "10-08 02:00", "missed", "10-08 06:00", "resolved"],
    ]


# 4: the resolution row says it judges the resolution -------------------------------------------------------
def test_a_submitted_cert_ticket_resolution_row_says_what_it_judges():
    ws = workspace(FIX16 / "occ_expd.yml")
    out = misses(ws.logs, None, ws.policy, start="2025-10-13", end="2025-10-20", as_of="2025-10-20")
    cert = out[out["subject"].eq("CERT-41")]
    assert [[k, st, d] for k, st, d in zip(cert["kind"], cert["status"], cert["detail"], strict=True)] == [
        ["deadline", "met", "due 2025-10-16 16:00 BST; submitted 2025-10-16 15:50 BST, by the due time; "
         "'cutoff' in \"07:50 CERT-41 submitted to Sony (10 min before the 15:00 UTC cutoff). Result "
         "expected within 5 business days.\""],
        ["resolution", "missed", "not resolved at as_of 2025-10-20 00:00 BST; first mention 2025-10-13 22:30 "
         "BST, no resolution yet (target 5d); judges the ticket's resolution: what kept its deadline "
         "(submitted) resolves no ticket"],
    ]
