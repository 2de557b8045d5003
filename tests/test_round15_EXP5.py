"""Round 15 (EXP5): three logs in voices not covered before (a Kubernetes platform log with kubectl output,
a DB migration runbook run live by two people with initials prefixes and a T-minus countdown, an incident
commander's Slack export), read as a reliability engineer reads them: a runbook's ``[AK 13:05]`` line is
an item of its own, ACME's ``DNS-01`` is no ticket, and a promise written after a ticket's first
resolution (a mitigation) is judged by the resolution after it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import occ_lib
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import event_rows as _event_rows
from tests.log_rows import short_event_rows as event_rows
from tests.log_rows import sla_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round15"


RUNBOOK = """# Runbook

## 2025-10-08 Wed

[AK 13:00] T-60. Replica caught up for DBM-310, replication lag 0.4 s.
[JR 13:05] T-55. Backups verified.
[AK 13:15] T-45. Batch team says it finishes by 13:25.
[13:20 JR] T-40. Lag 0.3 s.
[AK 15:10] Point of no return passed. DBM-310 done.
"""


# 1: a runbook's '[AK 13:05]' lines: one item each, at their time ---------------------------------------
def test_initials_prefixed_runbook_lines_are_items_of_their_own():
    assert event_rows(RUNBOOK) == [
        [5, "10-08 13:00", "note", 0, ["DBM-310"]],
        [6, "10-08 13:05", "status", 0, []],
        [7, "10-08 13:15", "deadline", 0, []],
        [8, "10-08 13:20", "note", 0, []],
        [9, "10-08 15:10", "resolved", 0, ["DBM-310"]],
    ]
    assert parse_log(RUNBOOK, "x.md").problems.empty


def test_a_bracketed_word_before_a_time_is_no_stamp():
    # (only 2-3 capitals, a space, a clock and the closing bracket: '[WIP 13:10 rollout' and '[ABCD 13:20]'
    # go on the paragraph before them)
    text = ("# Log\n\n## 2025-10-08 Wed\n\n13:00 OPS-1 started.\n[WIP 13:10 rollout\n[ABCD 13:20] lag 2 s.\n"
            "[AK 13:30] OPS-1 done.\n")
    assert _event_rows(text) == [
        [5, "10-08 13:00", "note", 0, ["OPS-1"],
         "13:00 OPS-1 started. [WIP 13:10 rollout [ABCD 13:20] lag 2 s."],
        [8, "10-08 13:30", "resolved", 0, ["OPS-1"], "[AK 13:30] OPS-1 done."],
    ]


def test_the_runbook_fixture_has_one_event_per_line_and_dbm_310_done_at_15_10():
    logs = occ_lib.read_logs(str(FIX / "exp5_b_db_migration.md"))
    ev = logs.events
    assert ev["line"].drop_duplicates().tolist() == [4, *range(8, 22), 25, 26, 27, 31]
    dl = logs.deadlines
    # (EXP5B: the plan's go/no-go and point of no return are checkpoints, line 4; 'standby until Fri',
    # line 20, is no promise; 'Decision on rollback by 15:10', line 19, shares the point of no return's row)
    assert dl["line"].tolist() == [4, 4, 10, 19, 25]
    rows = sla_deadline_rows(logs)
    assert [r for r in rows if r[1] == "DBM-310"] == [
        [10, "DBM-310", "10-08 13:25", "missed"], [4, "DBM-310", "10-08 13:30", "met"],
        [4, "DBM-310", "10-08 15:10", "met"],
    ]


# 2: ACME's DNS-01 is no ticket ----------------------------------------------------------------------------
def test_dns_01_is_no_ticket():
    text = ("# Log\n\n## 2025-10-09 Thu\n\n- 11:30 KUB-230 escalated to the security lead — we need the "
            "DNS-01 credentials.\n- 14:10 DNS-01 solver configured for KUB-230. Resolved.\n"
            "- 15:00 DNS-12 zone moved.\n")
    assert event_rows(text) == [
        [5, "10-09 11:30", "escalation", 2, ["KUB-230"]],
        [6, "10-09 14:10", "resolved", 0, ["KUB-230"]],
        [7, "10-09 15:00", "note", 0, ["DNS-12"]],
    ]


# 3: a promise written after the ticket's first resolution: judged by the resolution after it ------------
SLACK = """# INC-7781 live log

Times in ET.

## Thu Oct 9, 2025

- 10:42 AM INC-7781 declared SEV2, checkout 5xx.
- 11:34 AM INC-7781 rollback done, error rate falling.
- 12:25 PM INC-7781 sent Acme the ETA for the full fix: 3 PM ET today.
- 2:50 PM INC-7781 resolved.
"""


def _deadline_details(text: str) -> list[list]:
    logs = parse_log(text, "x.md")
    out = misses(logs, None, Policy(), start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-10-13", tz="UTC"), as_of=pd.Timestamp("2025-10-13", tz="UTC"))
    out = out[out["kind"].eq("deadline")]
    return [[int(n), d.strftime("%m-%d %H:%M"), r.strftime("%m-%d %H:%M") if not pd.isna(r) else None, st]
            for n, d, r, st in zip(out["line"], out["due_at"], out["resolved_at"], out["status"],
                                   strict=True)]


def test_an_eta_written_after_a_mitigation_is_judged_by_the_later_resolution():
    assert _deadline_details(SLACK) == [[9, "10-09 19:00", "10-09 18:50", "met"]]
    late = SLACK.replace("- 2:50 PM INC-7781 resolved.", "- 3:20 PM INC-7781 resolved.")
    assert _deadline_details(late) == [[9, "10-09 19:00", "10-09 19:20", "missed"]]


def test_an_eta_written_after_the_resolution_with_no_later_one_keeps_the_first():
    text = SLACK.replace("- 2:50 PM INC-7781 resolved.\n", "")
    assert _deadline_details(text) == [[9, "10-09 19:00", "10-09 15:34", "met"]]


def test_an_eta_written_before_the_resolution_is_unchanged():
    text = ("# Log\n\n## 2025-10-09 Thu\n\n- 10:00 OPS-1 ETA 12:00.\n- 11:00 OPS-1 resolved.\n"
            "- 13:00 OPS-1 resolved again after a flap.\n")
    assert _deadline_details(text) == [[5, "10-09 12:00", "10-09 11:00", "met"]]


def test_the_fixtures_later_promises_are_judged_by_the_fix():
    logs = occ_lib.read_logs(str(FIX / "exp5_*.md"))
    out = misses(logs, None, Policy(), start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-10-13", tz="UTC"), as_of=pd.Timestamp("2025-10-13", tz="UTC"))
    out = out[out["kind"].eq("deadline") & out["subject"].isin(["INC-7781", "DBM-312"])]
    assert [[s, d.strftime("%m-%d %H:%M"), r.strftime("%m-%d %H:%M") if not pd.isna(r) else None, st]
            for s, d, r, st in zip(out["subject"], out["due_at"], out["resolved_at"], out["status"],
                                   strict=True)] == [
        # (EXP5B: the status page's promises are kept by its next post, the ETA promised by noon by the
        # item giving it, 12:25 PM)
        ["INC-7781", "10-09 15:18", "10-09 15:18", "met"],
        ["INC-7781", "10-09 15:48", "10-09 16:25", "missed"],
        ["INC-7781", "10-09 16:00", "10-09 16:25", "missed"],
        ["INC-7781", "10-09 17:30", "10-09 18:58", "missed"],
        ["INC-7781", "10-09 19:00", "10-09 18:50", "met"],
        ["DBM-312", "10-10 12:00", "10-10 11:55", "met"],
        ["INC-7781", "10-15 04:00", None, "open"],
    ]
