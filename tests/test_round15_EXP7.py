"""Round 15 (EXP7): the integrations team's log a week later (W42: Shopify app review, OAuth token
rotation, webhook retries, partner escalations) and a release manager's release train log, read as a
reliability engineer reads them: a date before ``between``/``from``/``around`` dates the time after it,
a submission's deadline is kept by the submission, an escalation still conditional (``will escalate to
... if``) is none, and ``blocked by nothing`` is no wait."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from occ_lib.logs import parse_log, read_logs
from occ_lib.policy import Policy
from occ_lib.sla import misses
from occ_lib.times import find_times
from tests.log_rows import event_rows, sla_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round15"


def _at(text: str) -> list[list]:
    """``[line, 'MM-DD HH:MM', kind, level]`` of each event of ``text``."""
    return [r[:4] for r in event_rows(text)]


# 1: a date, then 'between' / 'from' / 'around' and a time: that time is on that date ----------------
def test_a_range_after_a_date_and_between_is_on_that_date():
    text = ("# L\n\n## 2025-10-13 Week Kickoff (13:05 UTC)\n"
            "- INT-518 production token rotation scheduled for Wed 10/15 between 14:00 and 16:00 ET.\n"
            "- INT-519 rotation Oct 15 from 14:00 until 16:00 ET.\n"
            "- INT-520 rotation 2025-10-15 between 2pm and 4pm ET.\n"
            "- INT-521 rotation Oct 15 around 14:00 ET.\n"
            "- INT-522 rotation Oct 15 ~14:00 ET.\n")
    assert _at(text) == [
        [4, "10-15 18:00", "plan", 0], [5, "10-15 18:00", "note", 0], [6, "10-15 18:00", "note", 0],
        [7, "10-15 18:00", "note", 0], [8, "10-15 18:00", "note", 0],
    ]
    assert parse_log(text, "x.md").deadlines.empty  # ('from ... until' is a range: no deadline)


def test_the_range_after_a_date_keeps_its_end_and_zone():
    import datetime as dt

    got = [(m.raw, str(m.at), str(m.until)) for m in find_times(
        "rotation Wed 10/15 from 14:00 until 16:00 ET; then Oct 16 between 09:00 and 10:00 UTC.",
        day=dt.date(2025, 10, 13), tz="America/New_York")]
    assert got == [
        ("Wed 10/15 from 14:00 until 16:00 ET", "2025-10-15 18:00:00+00:00", "2025-10-15 20:00:00+00:00"),
        ("Oct 16 between 09:00 and 10:00 UTC", "2025-10-16 09:00:00+00:00", "2025-10-16 10:00:00+00:00"),
    ]


def test_a_range_with_no_date_before_it_stays_on_the_texts_day():
    text = ("# L\n\n## 2025-10-13\n- 09:00 INT-518 rotation between 14:00 and 16:00 ET.\n"
            "- INT-519 rotation from 14:00 until 16:00 ET (from Oct 15 on, daily).\n")
    assert _at(text) == [[4, "10-13 09:00", "note", 0], [5, "10-13 18:00", "note", 0]]


# 2: a deadline whose items name a submission is kept by the submission, not by the fix --------------
SUBMISSION = ("# Integrations\n\n## 2025-10-08 App Review (21:40 UTC)\n"
              "- Shopify app review feedback received for INT-512; resubmission due 2025-10-10 17:00 UTC.\n"
              "\n## 2025-10-10 Resubmission Day (18:20 UTC)\n"
              "- INT-512 resubmitted to Shopify app review at 16:48 UTC, ahead of the 17:00 UTC deadline.\n")


def test_a_resubmission_deadline_is_met_by_the_resubmission():
    assert sla_deadline_rows(parse_log(SUBMISSION, "x.md")) == [[4, "INT-512", "10-10 17:00", "met"]]


def test_a_resubmission_made_after_the_deadline_misses_it():
    late = SUBMISSION.replace("at 16:48 UTC, ahead of the 17:00 UTC deadline", "at 17:30 UTC")
    assert sla_deadline_rows(parse_log(late, "x.md")) == [[4, "INT-512", "10-10 17:00", "missed"]]


def test_a_submission_deadline_is_not_kept_by_a_plan_to_resubmit_nor_by_the_fix_alone():
    plan = SUBMISSION.replace(
        "INT-512 resubmitted to Shopify app review at 16:48 UTC, ahead of the 17:00 UTC deadline.",
        "16:40 UTC INT-512 will resubmit after the copy review.")
    assert sla_deadline_rows(parse_log(plan, "x.md")) == [[4, "INT-512", "10-10 17:00", "missed"]]
    fix = ("# L\n\n## 2025-10-08 (21:40 UTC)\n- OPS-1 fix due 2025-10-10 17:00 UTC.\n"
           "\n## 2025-10-10\n- 16:48 UTC OPS-1 resolved.\n")
    assert sla_deadline_rows(parse_log(fix, "x.md")) == [[4, "OPS-1", "10-10 17:00", "met"]]


def test_the_integrations_fixtures_resubmission_is_met_at_1648():
    logs = read_logs([str(FIX / "exp7_a_integrations_w42.md")])
    out = misses(logs, None, Policy(tz="America/New_York"), start=pd.Timestamp("2025-10-13", tz="UTC"),
                 end=pd.Timestamp("2025-10-20", tz="UTC"), as_of=pd.Timestamp("2025-10-20T04:00", tz="UTC"))
    row = out[(out["kind"] == "deadline") & (out["subject"] == "INT-512") & (out["line"] == 12)].iloc[0]
    assert (str(row["resolved_at"]), row["status"], row["overage_min"]) == (
        "2025-10-17 16:48:00+00:00", "met", 0.0)
    assert row["detail"].startswith(
        "due 2025-10-17 13:00 EDT; submitted 2025-10-17 12:48 EDT, by the due time;")


# 3: 'will escalate to <role> if ...' is no escalation yet --------------------------------------------
def test_a_conditional_escalation_to_a_director_is_no_escalation():
    text = ("# L\n\n## 2025-10-14\n"
            "- Followed up with partner manager at 16:05 ET; no reply yet - will escalate to the Director of "
            "Partnerships if no answer by Wed EOD.\n"
            "- 16:10 ET OPS-1 no reply; will escalate to the VP if silent.\n"
            "- 16:20 ET OPS-2 escalate to the VP if no answer by 18:00.\n"
            "- 16:30 ET OPS-3 escalated to the VP; will escalate to the CEO if no answer by 18:00.\n"
            "- 16:40 ET OPS-4 escalated to the VP since no answer.\n")
    assert _at(text) == [
        [4, "10-14 20:05", "follow_up", 1], [5, "10-14 20:10", "plan", 0], [6, "10-14 20:20", "plan", 0],
        [7, "10-14 20:30", "escalation", 3], [8, "10-14 20:40", "escalation", 3],
    ]


# 4: 'blocked by nothing' is no wait ------------------------------------------------------------------
def test_blocked_by_nothing_is_no_blocked_event():
    text = ("# L\n\n## Thu 2025-10-16\n"
            "- 16:00 go/no-go: GO (QA, SRE, Support present); release blocked by nothing.\n"
            "- 16:05 REL-1 in progress, blockers: none.\n- 16:10 REL-2 blocked on: none\n"
            "- 16:15 REL-3 blocked on REL-4; nothing else.\n- 16:20 release blocked by QA-1234 (P1).\n")
    assert _at(text) == [
        [4, "10-16 16:00", "note", 0], [5, "10-16 16:05", "status", 0], [6, "10-16 16:10", "note", 0],
        [7, "10-16 16:15", "blocked", 0], [8, "10-16 16:20", "blocked", 0],
    ]
