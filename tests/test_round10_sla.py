"""Round 10 (sla): SLA misses from deadlines.

- F6: a deadline row's detail opens with its due time ('due 2025-10-10 17:00 UTC; ...').
- F1: 'OPS-54 blocked on DEPLOY-9, ETA 15:00' is OPS-54's deadline, not DEPLOY-9's too.
- F4: 'ETA Friday', then 'ETA Fri 17:00 UTC' for the same ticket, is one promise (the timed one).
- F5: 'ETA moved from 17:00 to 19:00' promises 19:00 only (the old time is superseded).
- F7: 'OPS-9 missed the deadline' (no due time) is a row with no due_at, stated missed.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from occ_lib import charts, weekly
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import accounting_rules, misses
from tests.log_rows import deadline_rows

WEEK = {"start": "2025-10-06", "end": "2025-10-13"}


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def sla(text: str, policy: Policy | None = None, **window) -> pd.DataFrame:
    out = misses(parse_log(text, "ops.md"), None, policy or Policy(), **(window or WEEK))
    return out[out["kind"].eq("deadline")].reset_index(drop=True)


def deadlines(text: str) -> list[list]:
    return deadline_rows(parse_log(text, "ops.md").deadlines)


# --- F6: the detail opens with the due time ------------------------------------------------------


def test_the_detail_opens_with_the_due_time_in_the_policy_zone():
    out = sla("## 2025-10-10\n- 09:00 OPS-1 ETA 17:00 UTC\n- 18:00 OPS-1 resolved\n")
    assert out["detail"].tolist() == [
        "due 2025-10-10 17:00 UTC; resolved 2025-10-10 18:00 UTC, after the due time; 'ETA' in "
        "\"09:00 OPS-1 ETA 17:00 UTC\""
    ]
    chicago = Policy(tz="America/Chicago")
    out = sla("## 2025-10-10\n- 09:00 OPS-1 ETA 17:00 UTC\n", chicago)
    assert out["detail"].str.split("; ").str[0].tolist() == ["due 2025-10-10 12:00 CDT"]


def test_a_date_only_due_time_is_its_date_with_the_logs_zone_when_that_is_not_the_policys():
    out = sla("## 2025-10-08\n- OPS-2 due 2025-10-10\n")
    assert out["detail"].str.split("; ").str[0].tolist() == ["due 2025-10-10 (date only)"]
    # (a log that declares its zone ends the date there: said once, at the front)
    out = sla("---\ntz: America/New_York\n---\n## 2025-10-08\n- OPS-2 due 2025-10-10\n")
    assert out["due_at"].tolist() == [utc("2025-10-11 04:00")]
    assert out["detail"].tolist() == [
        "due 2025-10-10 (date only, the end of the day in America/New_York: the log's zone); not resolved "
        "at as_of 2025-10-13 00:00 UTC; 'due' in \"OPS-2 due 2025-10-10\""
    ]


# --- F1: a blocker's ticket does not take the subject's deadline -----------------------------------


@pytest.mark.parametrize(
    "item",
    [
        "- 09:00 OPS-54 blocked on DEPLOY-9, ETA 15:00",
        "- 09:00 OPS-54 blocked by DEPLOY-9. ETA 15:00",
        "- 09:00 OPS-54 waiting on DEPLOY-9, ETA 15:00",
        "- 09:00 OPS-54 depends on DEPLOY-9; ETA 15:00",
        "- 09:00 OPS-54 waiting on [DEPLOY-9](https://jira.example/browse/DEPLOY-9), ETA 15:00",
        "- 09:00 OPS-54 blocked on DEPLOY-9 and DEPLOY-10, ETA 15:00",
        "- 09:00 OPS-54 blocked; waiting on DEPLOY-9 ETA 15:00",  # (the clause names the blocker only)
    ],
)
def test_the_eta_of_a_blocked_ticket_is_the_subjects_alone(item: str):
    assert [r[1:3] for r in deadlines("## 2025-10-10\n" + item + "\n")] == [[["OPS-54"], "10-10 15:00"]]
    out = sla("## 2025-10-10\n" + item + "\n")
    assert out[["subject", "due_at", "status"]].values.tolist() == [
        ["OPS-54", utc("2025-10-10 15:00"), "missed"]]


def test_a_blocker_nested_under_its_subject_leaves_the_eta_to_the_subject():
    text = "## 2025-10-10\n- 09:00 OPS-54 deploy of the billing fix\n  - blocked on DEPLOY-9, ETA 15:00\n"
    assert [r[1] for r in deadlines(text)] == [["OPS-54"]]


def test_near_misses_of_a_blocker_keep_every_ticket():
    # a ticket also written as a subject of its own keeps its deadline
    assert [r[1] for r in deadlines("## 2025-10-10\n- OPS-54 blocked on DEPLOY-9; DEPLOY-9 ETA 15:00\n")] == [
        ["DEPLOY-9"]]
    # a pointer that is no blocker ('caused by', 'related to') is a reference (round 11): not the deadline's
    assert [r[1] for r in deadlines("## 2025-10-10\n- OPS-54 caused by CHG-9, ETA 15:00\n")] == [["OPS-54"]]
    assert parse_log("## 2025-10-10\n- OPS-54 caused by CHG-9, ETA 15:00\n").deadlines["refs"].tolist() == [
        ["CHG-9"]]
    # no subject but the blocker: the deadline keeps it (rather than no ticket at all)
    assert [r[1] for r in deadlines("## 2025-10-10\n- blocked on DEPLOY-9, ETA 15:00\n")] == [["DEPLOY-9"]]


# --- F4: a date-only ETA made precise by a timed one of that date is one promise ------------------

REFINED = "## 2025-10-08\n- OPS-3 ETA Friday\n\n## 2025-10-09\n- 10:00 OPS-3 ETA Fri 17:00 UTC\n"


def test_a_day_eta_refined_to_a_time_that_day_is_one_promise_due_at_the_time():
    out = sla(REFINED)
    cols = ["subject", "due_at", "status", "source", "line", "mentions", "day_precision"]
    assert out[cols].values.tolist() == [
        ["OPS-3", utc("2025-10-10 17:00"), "missed", "ops.md", 5, ["ops.md:2", "ops.md:5"], ""]
    ]
    assert out["detail"].iloc[0] == (
        "due 2025-10-10 17:00 UTC; not resolved at as_of 2025-10-13 00:00 UTC; 'ETA' in "
        "\"10:00 OPS-3 ETA Fri 17:00 UTC\""
    )
    # resolved at 18:00 Friday: late for the time given, though within the day first promised
    out = sla(REFINED + "\n## 2025-10-10\n- 18:00 OPS-3 resolved\n")
    assert out[["due_at", "status", "overage_min"]].values.tolist() == [
        [utc("2025-10-10 17:00"), "missed", 60.0]]
    assert any("'ETA Friday', then 'ETA Fri 17:00'" in r for r in accounting_rules())


def test_near_misses_of_a_refined_eta_stay_two_promises():
    # another date: two promises
    out = sla("## 2025-10-08\n- OPS-3 ETA Thursday\n\n## 2025-10-09\n- 10:00 OPS-3 ETA Fri 17:00 UTC\n")
    assert out["due_at"].tolist() == [utc("2025-10-10 00:00"), utc("2025-10-10 17:00")]
    # another ticket: two promises
    out = sla("## 2025-10-08\n- OPS-4 ETA Friday\n\n## 2025-10-09\n- 10:00 OPS-3 ETA Fri 17:00 UTC\n")
    assert out[["subject", "due_at"]].values.tolist() == [
        ["OPS-3", utc("2025-10-10 17:00")], ["OPS-4", utc("2025-10-11 00:00")]]


def test_a_day_eta_stated_missed_keeps_its_statement_in_the_refined_promise():
    out = sla(REFINED + "\n## 2025-10-11\n- OPS-3 ETA Friday missed\n")
    assert out[["due_at", "status", "line", "mentions"]].values.tolist() == [
        [utc("2025-10-10 17:00"), "missed", 8, ["ops.md:2", "ops.md:5", "ops.md:8"]]]
    assert out["detail"].iloc[0].startswith("due 2025-10-10 17:00 UTC; stated missed in the text; ")


# --- F5: the old time of a moved ETA is superseded ---------------------------------------------------


@pytest.mark.parametrize(
    "item, due, keyword",
    [
        ("- 09:00 OPS-7 ETA moved from 17:00 to 19:00", "10-10 19:00", "ETA"),
        ("- 09:00 OPS-7 moved the ETA from 17:00 to 19:00", "10-10 19:00", "ETA"),
        ("- 09:00 OPS-7 ETA changed 17:00 -> 19:00", "10-10 19:00", "ETA"),
        ("- 09:00 OPS-7 ETA was 17:00, now 19:00", "10-10 19:00", "ETA"),
        ("- 09:00 OPS-7 ETA 19:00 (previously 17:00)", "10-10 19:00", "ETA"),
        ("- 09:00 OPS-7 due 2025-10-31 (was 2025-10-24)", "10-31 00:00", "due"),
        ("- 09:00 OPS-7 ETA 10/14 \u2192 10/17", "10-17 00:00", "ETA"),
    ],
)
def test_a_moved_eta_promises_the_new_time_only(item: str, due: str, keyword: str):
    assert deadlines("## 2025-10-10\n" + item + "\n") == [[2, ["OPS-7"], due, keyword, False]]


def test_a_moved_eta_is_judged_by_the_new_time():
    out = sla("## 2025-10-10\n- 09:00 OPS-7 ETA moved from 17:00 to 19:00\n- 18:30 OPS-7 resolved\n")
    assert out[["due_at", "status", "overage_min"]].values.tolist() == [[utc("2025-10-10 19:00"), "met", 0.0]]


def test_an_old_time_stated_missed_stays_a_miss():
    # ('slipped' says the old one was missed: the writer admits it, and the new one is due too)
    assert deadlines("## 2025-10-10\n- 09:00 OPS-7 slipped: ETA moved from 17:00 to 19:00\n") == [
        [2, ["OPS-7"], "10-10 17:00", "ETA", True], [2, ["OPS-7"], "10-10 19:00", "ETA", False]]
    assert deadlines("## 2025-10-10\n- 09:00 OPS-7 ETA 18:00 (slipped from 16:00)\n") == [
        [2, ["OPS-7"], "10-10 18:00", "ETA", False], [2, ["OPS-7"], "10-10 16:00", "ETA", True]]
    # near miss: two deadlines of two clauses, neither moved, are both promises
    assert [r[2] for r in deadlines("## 2025-10-10\n- 09:00 OPS-7 checkpoint 15:00; ETA 19:00\n")] == [
        "10-10 15:00", "10-10 19:00"]


# --- F7: a miss admitted with no due time -------------------------------------------------------------


def test_a_miss_admitted_without_a_due_time_is_a_row_with_no_due_at():
    text = "## 2025-10-10\n- 09:00 OPS-9 missed the deadline\n"
    assert deadlines(text) == [[2, ["OPS-9"], None, "missed", True]]
    out = sla(text)
    r = out.iloc[0]
    assert len(out) == 1
    assert (r["subject"], r["due_at"] is pd.NaT, r["resolved_at"] is pd.NaT, r["status"]) == (
        "OPS-9", True, True, "missed")
    assert math.isnan(r["overage_min"])
    assert (r["source"], r["line"], r["mentions"], r["day_precision"]) == ("ops.md", 2, ["ops.md:2"], "")
    assert r["detail"] == (
        "due time not written; stated missed in the text (no overage); 'missed' in "
        "\"09:00 OPS-9 missed the deadline\""
    )
    # listed in the window it was written in only
    assert sla(text, start="2025-10-13", end="2025-10-20").empty
    # it counts among the week's missed deadlines, and the escalation chart leaves it out (no time)
    m = misses(parse_log(text, "ops.md"), None, Policy(), **WEEK)
    assert weekly.for_display(weekly.misses_table(m), "UTC")["due"].tolist() == [""]
    assert charts._deadline_rows(m, pd.DataFrame(columns=["ticket", "at"]), utc("2025-10-13")).empty


def test_a_miss_admitted_after_a_deadline_is_that_deadlines_statement():
    text = (
        "## 2025-10-10\n- 09:00 OPS-9 ETA 12:00\n- 13:00 OPS-9 missed the deadline\n"
        "- 14:00 OPS-9 resolved\n"
    )
    out = sla(text)
    assert out[["due_at", "status", "overage_min", "line", "mentions"]].values.tolist() == [
        [utc("2025-10-10 12:00"), "missed", 120.0, 3, ["ops.md:2", "ops.md:3"]]]
    assert out["detail"].iloc[0].startswith(
        "due 2025-10-10 12:00 UTC; stated missed in the text; resolved 2025-10-10 14:00 UTC; 'missed' in")


@pytest.mark.parametrize(
    "item",
    [
        "- 09:00 OPS-9 deploy slipped",  # (the work, no promise named)
        "- 09:00 OPS-9 running late",
        "- 09:00 OPS-9 no risk of missing the deadline",
        "- 09:00 OPS-9 will miss the deadline",  # (a forecast)
        "- 09:00 Updated the tracker with the missed deadline",  # (no ticket)
        "- 09:00 OPS-9 rpc error: context deadline exceeded",  # (an error message)
    ],
)
def test_near_misses_of_an_admitted_miss_are_no_rows(item: str):
    assert deadlines("## 2025-10-10\n" + item + "\n") == []
