"""Round 15 (EXP3): three logs in voices not covered before (a data-platform team's pipeline log with a
pasted Jira export, a support desk's escalation log in CET, a security incident-response log), read as
a reliability engineer reads them: a tracker export's row was opened at its Created time and resolved
at its Resolved time, an audit 'complete' followed by a 'no ...' finding and 'Resolved.' is resolved, a
count of tickets resolved ('2 resolved') resolves no ticket, and bringing in legal is an escalation."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import item
from tests.log_rows import short_event_rows as event_rows

FIX = Path(__file__).parent / "fixtures" / "round15"


def _sla(name: str, kind: str) -> list[list]:
    """``[subject, resolved_at 'MM-DD HH:MM' or None, status]`` of the ``kind`` rows of ``occ sla`` over
    the fixture ``name`` (2025-W41, as of 2025-10-13)."""
    logs = occ_lib.read_logs(str(FIX / name))
    out = misses(logs, None, Policy(tickets={"DATA": {"resolution": "1d"}, "SEC": {"resolution": "5d"},
                                             "SUP": {"resolution": "3d"}}),
                 start=pd.Timestamp("2025-10-06", tz="UTC"), end=pd.Timestamp("2025-10-13", tz="UTC"),
                 as_of=pd.Timestamp("2025-10-13", tz="UTC"))
    out = out[out["kind"].eq(kind)]
    return [[s, None if pd.isna(r) else r.strftime("%m-%d %H:%M"), st]
            for s, r, st in zip(out["subject"], out["resolved_at"], out["status"], strict=True)]


# 1: a tracker export's Created and Resolved columns -------------------------------------------------
JIRA = """# Log

## Jira export (pasted Fri)

| Key | Summary | Status | Created | Updated | Resolved | Due |
|---|---|---|---|---|---|---|
| DATA-812 | orders_daily | Done | 06/Oct/25 6:05 AM | 07/Oct/25 9:00 AM | 06/Oct/25 7:58 AM | 06/Oct/25 |
| DATA-824 | retire legacy DAG | To Do | 09/Oct/25 10:00 AM | | | 31/Oct/25 |
| DATA-830 | vendor export | Done | 09/Oct/25 10:00 AM | | 10/Oct/25 | |
"""


def test_a_tracker_rows_created_and_resolved_times_are_its_opening_and_its_resolution():
    assert event_rows(JIRA) == [
        [7, "10-06 06:05", "note", 0, ["DATA-812"]],
        [7, "10-06 07:58", "resolved", 0, ["DATA-812"]],
        [8, "10-09 10:00", "plan", 0, ["DATA-824"]],  # (not resolved: as before)
        [9, "10-09 10:00", "note", 0, ["DATA-830"]],  # (a Resolved date without a time: that day, EXP3B)
        [9, "10-10 00:00", "resolved", 0, ["DATA-830"]],
    ]


def test_a_table_with_no_created_column_or_a_resolved_column_first_is_read_as_before():
    text = ("# Log\n\n## 2025-10-07\n\n| Key | Status | Resolved | Created |\n|---|---|---|---|\n"
            "| OPS-1 | Done | 2025-10-08 11:00 UTC | 2025-10-06 09:00 UTC |\n")
    assert event_rows(text) == [[7, "10-08 11:00", "resolved", 0, ["OPS-1"]]]
    text = ("# Log\n\n## 2025-10-07\n\n| Key | Status | Start | Resolved |\n|---|---|---|---|\n"
            "| OPS-1 | Done | 2025-10-06 09:00 UTC | 2025-10-08 11:00 UTC |\n")
    assert event_rows(text) == [[7, "10-06 09:00", "resolved", 0, ["OPS-1"]]]


def test_the_pipeline_fixtures_resolutions_are_the_resolved_times():
    assert _sla("exp3_a_data_platform.md", "resolution") == [
        ["DATA-812", "10-06 07:55", "met"],
        ["DATA-815", "10-09 16:45", "missed"],  # (was 'met' at its Created time, 10-06 14:08)
        ["DATA-818", "10-07 11:20", "met"],
        ["DATA-821", "10-08 09:30", "met"],  # ('09:30 DATA-821 mitigated': a mitigation resolves, as before)
        ["DATA-824", None, "missed"],
    ]


# 2: 'audit complete: no use of X found. Resolved.' --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [("17:20 SEC-302 audit complete: no use from the indicator IPs besides the clone. Resolved.", "resolved"),
     ("SEC-302 audit complete, no use found; resolved.", "resolved"),
     ("SEC-302 migration complete: no errors. Closed.", "resolved"),
     ("SEC-302 rollout complete: no fix yet for the cache, not resolved.", "note"),
     ("SEC-302 no audit complete yet, resolved tag removed", "note")],
)
def test_a_no_after_a_complete_state_denies_something_else(text: str, kind: str) -> None:
    assert event_rows(item(text))[0][2] == kind


def test_the_ir_fixtures_audit_deadline_is_met():
    assert _sla("exp3_c_security_ir.md", "deadline") == [
        ["SEC-302", "10-09 17:20", "met"],  # (was missed by 4680 min: 'Resolved.' unread)
        ["SEC-301", "10-10 06:30", "met"],  # (the notification deadline, read since EXP3B)
        ["SEC-301", None, "open"],
        ["SEC-305", None, "open"],
    ]


# 3: a count of tickets resolved is no resolution ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [("16:00 weekly: 4 escalations, 2 resolved, CSAT avg 3.5.", "note"),
     ("SUP-48270 subtasks: 2 done, 1 open", "note"),
     ("10:00: 3 tickets closed", "note"),
     ("10:00 triage: 2 were resolved, 1 reopened", "reopened"),
     ("09:30 resolved SUP-4", "resolved"),
     ("SUP-4: build 1234 succeeded, resolved", "resolved"),
     ("Oct 9, 2025 closed SUP-9", "resolved"),
     ("SUP-6 resolved; 2 resolved duplicates too", "resolved"),
     ("SUP-2 fixed, 3 resolved tickets linked", "resolved"),
     ("09:03 SUP-1 and 2 fixed", "resolved"),  # (siblings: SUP-1 and SUP-2)
     ("SUP-1, 2, 3 fixed", "resolved")],
)
def test_a_tally_of_resolved_tickets_resolves_nothing(text: str, kind: str) -> None:
    assert event_rows(item(text))[0][2] == kind


def test_the_support_fixtures_pending_ticket_is_not_resolved_by_the_weekly_tally():
    assert _sla("exp3_b_support_escalations.md", "resolution") == [
        ["SUP-48211", None, "missed"],
        ["SUP-48230", "10-07 12:20", "met"],
        ["SUP-48255", "10-08 11:30", "met"],
        ["SUP-48270", None, "missed"],  # (was 'met' by '16:00 weekly: ... 2 resolved', via its thread)
    ]


# 4: legal looped in ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind", "level"),
    [("09:30 legal looped in (Tomasz) re: GDPR Art. 33 assessment.", "escalation", 2),
     ("09:30 looped in legal (Tomasz).", "escalation", 2),
     ("notified legal about SEC-1", "escalation", 2),
     ("Legal counsel was briefed on SEC-1", "escalation", 2),
     ("SEC-1 escalated to legal", "escalation", 2),
     ("SEC-1 escalated to legal and the CISO", "escalation", 3),
     ("SEC-1 blocked on legal", "blocked", 0),
     ("legal hold placed on SEC-1 mailbox", "note", 0),
     ("notified legal entities of SEC-1 change", "note", 0),
     ("illegal header from SEC-1 host", "note", 0)],
)
def test_bringing_in_legal_is_an_escalation(text: str, kind: str, level: int) -> None:
    assert event_rows(item(text))[0][2:4] == [kind, level]


def test_the_ir_fixtures_timeline_has_legal_as_an_escalation_of_the_incident():
    logs = occ_lib.read_logs(str(FIX / "exp3_c_security_ir.md"))
    from occ_lib import timeline

    tl = timeline.escalations(logs)
    rows = tl[tl["ticket"].eq("SEC-301") & tl["kind"].eq("escalation")]
    assert [[r.at.strftime("%m-%d %H:%M"), int(r.level), int(r.line), r.via] for r in rows.itertuples()] == [
        ["10-07 08:50", 3, 13, "thread"],
        ["10-07 09:30", 2, 14, "thread"],
        ["10-08 16:00", 3, 23, "thread"],  # (the incident's, not SEC-302's: EXP3B)
    ]


def test_the_ir_fixtures_secrets_are_masked_and_its_indicators_kept():
    logs = occ_lib.read_logs(str(FIX / "exp3_c_security_ir.md"))
    text = "\n".join(logs.events["text"])
    for secret in ("ghp_R2d8Qx7LmV4nZp0TbW1sYk9cHj3uAe6fGo5i", "AKIAIOSFODNN7EXAMPLE",
                   "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aZ3kR9mQ2xW7pL0vN4sT8uYb", "Tr0ub4dor&3xY"):
        assert secret not in text
    for kept in ("203.0.113[.]45", "198.51.100[.]7",
                 "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "CVE-2025-29927"):
        assert kept in text
    assert "CVE-2025" not in {t for ts in logs.events["tickets"] for t in ts}
