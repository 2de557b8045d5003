"""Round 16 (EXPD2): the follow-up of EXPD's live-ops and exam-week logs. An announced maintenance's bare
weekday is the next one, an error code after 'errors' is no ticket, 'target 2 working days' is a deadline in
business days, a granted extension and a count 'started by 09:05' are no ops deadlines, and an exam window
named in an incident's item is not the incident's deadline."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from occ_lib._extract import add_business_days, bday_deadline, tickets
from occ_lib.logs import read_logs
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import short_event_rows, text_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round16"
W42 = {"start": pd.Timestamp("2025-10-12T23:00Z"), "end": pd.Timestamp("2025-10-19T23:00Z"),
       "as_of": pd.Timestamp("2025-10-20T00:00Z")}
BST = "# Desk\n\nAll times UK time (BST) unless stated.\n\n"


# 1: an announced maintenance's bare weekday is the next one ------------------------------------------------
def test_an_announced_maintenance_is_on_the_next_tuesday():
    text = ("# Live ops\n\n## Mon 2025-10-13\n\n"
            "- Maintenance announced: servers down Tue 06:00 PDT, up at 09:00 PDT / 16:00 UTC / 18:00 CEST.\n"
            "- Maintenance Tue 06:00.\n"
            "- Downtime announced on Fri 06:00 on the status page.\n"
            "- Maintenance Tue 06:00 done.\n")
    # (before: the first two on 10-07, the Tuesday a week before the heading)
    assert short_event_rows(text) == [
        [5, "10-14 13:00", "note", 0, []],
        [6, "10-14 06:00", "note", 0, []],
        [7, "10-10 06:00", "status", 0, []],  # (when it was announced: the Friday before)
        [8, "10-07 06:00", "resolved", 0, []],  # (told done: the Tuesday before)
    ]


def test_the_patch_log_announcement_is_the_day_after_its_heading():
    logs = read_logs([str(FIX / "expd_a_liveops_patch.md")])
    ev = logs.events
    row = ev[ev["text"].str.startswith("Maintenance announced")]
    assert [(int(n), t.strftime("%Y-%m-%d %H:%M")) for n, t in zip(row["line"], row["at"], strict=True)] == [
        (10, "2025-10-14 13:00")]


# 2: an error code is no ticket --------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("13:15 LIVE-312: ~3k CCU drop on NA-2 after matchmaking errors MM-504.", ["LIVE-312"]),
    ("error code AUTH-401 on login (OPS-12)", ["OPS-12"]),
    ("exit code: SYS-12 from the job", []),
    ("gateway error GW-503 for OPS-7", ["OPS-7"]),
    ("checkout error PAY-1234 opened", ["PAY-1234"]),
    ("barcode OPS-12 scanned", ["OPS-12"]),
    ("INC-5 error rate up", ["INC-5"]),
])
def test_an_error_code_is_no_ticket(text, expected):
    assert tickets(text) == expected


# 3: a target in business days ----------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("assigned to AV team, target 2 working days.", (2, "target", 28, 42)),
    ("fix within 3 business days", (3, "within", 11, 26)),
    ("due in 1 working day", (1, "due", 7, 20)),
    ("ETA 2-3 business days", (3, "ETA", 4, 21)),
    ("2 working days lost to the outage", None),
    ("target 2 days", None),
])
def test_a_business_day_deadline_is_read(text, expected):
    assert bday_deadline(text) == expected


@pytest.mark.parametrize(("day", "n", "expected"), [
    ("2025-10-13", 2, "2025-10-15"),  # (Mon + 2: Wed)
    ("2025-10-17", 1, "2025-10-20"),  # (Fri + 1: Mon)
    ("2025-10-16", 3, "2025-10-21"),  # (Thu + 3: Tue)
    ("2025-10-18", 1, "2025-10-20"),  # (Sat + 1: Mon)
])
def test_business_days_skip_the_weekend(day, n, expected):
    assert str(add_business_days(pd.Timestamp(day).date(), n)) == expected


def test_target_working_days_is_a_deadline_that_many_weekdays_later():
    text = (BST + "## Monday 13 October 2025\n\n"
            "- 14:00 HD-5521 (lecture capture room 2.14 no audio) assigned to AV team, "
            "target 2 working days.\n"
            "- 14:20 OPS-10 fix within 3 business days.\n"
            "- OPS-12 assigned, target 1 business day.\n\n"
            "## Fri 2025-10-17\n\n"
            "- 16:00 OPS-13 assigned, due in 1 working day.\n"
            "- 16:10 OPS-14 fix ETA 2h.\n")
    # (before: no deadline for any but OPS-14)
    assert text_deadline_rows(text) == [
        [7, ["HD-5521"], "10-15 13:00", "target", False],  # (Wed 14:00 BST)
        [8, ["OPS-10"], "10-16 13:20", "within", False],
        [9, ["OPS-12"], "10-14 00:00", "target", False],  # (date-only: Tuesday)
        [13, ["OPS-13"], "10-20 15:00", "due", False],  # (Friday + 1: Monday 16:00 BST)
        [14, ["OPS-14"], "10-17 17:10", "ETA", False],
    ]


# 4: a grant and a count are no ops deadlines ---------------------------------------------------------------
def test_a_granted_extension_and_a_count_started_by_are_no_deadlines():
    text = (BST + "## Wed 15 October 2025\n\n"
            "- 08:00 PSYC105 rescheduled exam: all green, 476 of 480 started by 09:05.\n"
            "- 10:00 Extension granted until 23:59 for all HIST110 essay submissions.\n"
            "- 11:00 2 late starts given extension granted until 12:45.\n"
            "- 11:05 migration must be started by 12:00.\n"
            "- 11:10 deadline extended until 17:00.\n")
    # (before: three no-ticket deadlines 09:05, 23:59 and 12:45 BST, 'missed' days later)
    assert text_deadline_rows(text) == [
        [10, [], "10-15 11:00", "by", False],
        [11, [], "10-15 16:00", "until", False],
    ]
    assert [r[2] for r in short_event_rows(text)] == ["status", "note", "note", "deadline", "deadline"]


# 5: an exam window is not the incident's deadline ---------------------------------------------------------
def test_an_exam_window_in_an_incidents_item_is_no_target_of_it():
    text = (BST + "## Wed 15 October 2025\n\n"
            "- 07:55 Moodle quiz engine slow. INC0045150 opened, P1; exam window 09:00-12:00 BST for PSYC105 "
            "(480 students).\n"
            "- 08:00 INC0045151 opened; maintenance window 22:00-23:00 for the DB.\n"
            "- 08:00 CHG-1 approved; maintenance window 22:00-23:00.\n"
            "- 08:00 INC0045152 maintenance window 22:00-23:00 to apply the fix.\n")
    # (before: the first two were INC0045150's and INC0045151's deadlines)
    assert text_deadline_rows(text) == [
        [7, [], "10-15 11:00", "window", False],
        [8, [], "10-15 22:00", "window", False],
        [9, ["CHG-1"], "10-15 22:00", "window", False],
        [10, ["INC0045152"], "10-15 22:00", "window", False],
    ]


def test_the_exam_week_sla_has_no_exam_window_of_the_incident_and_no_granted_extension():
    logs = read_logs([str(FIX / "expd_b_uni_exam_week.md")])
    out = misses(logs, None, Policy(), **W42)
    dl = out[out["kind"].eq("deadline")]
    rows = [[s, d.strftime("%m-%d %H:%M"), st] for s, d, st in zip(dl["subject"], dl["due_at"], dl["status"],
                                                                   strict=True)]
    # (before: INC0045150 '10-15 11:00 met' by the exam window, no-ticket rows 10-14 22:59 (the extension),
    # 10-17 08:05 ('476 of 480 started by 09:05') and 10-17 11:45 (an extension) all 'missed', no HD-5521)
    assert rows == [
        ["INC0045133", "10-14 15:00", "missed"],
        ["HD-5521", "10-15 13:00", "met"],  # (Mon 14:00 + 2 working days; fixed Wed 12:30 BST)
        ["RITM0012377", "10-16 11:00", "met"],
        ["PRB0002210", "10-24 23:00", "open"],
    ]
