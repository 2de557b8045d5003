"""Round 15 (EXP6B): follow-up of EXP6's payments, Obsidian and standup logs: a market or bank closed is
no ticket closed, a ticket in brackets after 'blocked on vendor' is what the item waits on, a first
mention known only to its day starts a ticket target's clock at the day's end, and a ticketless cutoff
told as a fact of the calendar is no promise."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from occ_lib.logs import parse_log, read_logs
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import event_rows, sla_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round15"


def _refs(text: str) -> list[list]:
    ev = parse_log(text, "x.md").events
    return [[r[0], r[2], r[4], list(f)] for r, f in zip(event_rows(text), ev["refs"], strict=True)]


# 1: 'ACH and Fedwire closed' is a closure of the calendar, no ticket's resolution ---------------------
def test_a_market_or_bank_closed_is_no_resolution():
    text = ("# P\n\nTimes ET.\n\n## Mon 2025-10-13\n\n"
            "- Columbus Day: no settlement Mon; ACH and Fedwire closed, files queue for Tue.\n"
            "- Columbus Day: ACH and Fedwire closed\n- US markets closed for the holiday\n"
            "- banks are closed Monday\n- 10:00 OPS-1 closed\n- 10:00 OPS-2 closed, market closed too\n")
    assert [[r[0], r[2], r[4]] for r in event_rows(text)] == [
        [7, "note", []], [8, "note", []], [9, "note", []], [10, "note", []],
        [11, "resolved", ["OPS-1"]], [12, "resolved", ["OPS-2"]],
    ]


# 2: 'blocked on vendor (OPS-9 ...)': OPS-9 is what OPS-13 waits on, a reference ----------------------
def test_a_key_in_brackets_after_blocked_on_a_party_is_a_reference():
    text = ("# P\n\n## 2025-10-08\n\n"
            "- 14:00 OPS-13 blocked on vendor (OPS-9 open with them since 2025-10-06).\n"
            "- 14:10 OPS-14 waiting on AWS support (CASE-12)\n"
            "- 14:20 OPS-15 blocked on OPS-9 (vendor side)\n")
    assert _refs(text) == [
        [5, "blocked", ["OPS-13"], ["OPS-9"]],
        [6, "blocked", ["OPS-14"], ["CASE-12"]],
        [7, "blocked", ["OPS-15"], ["OPS-9"]],
    ]


# 3: a first mention known only to its day: the target counts from the day's end ---------------------
def _targets(text: str) -> list[list]:
    pol = Policy.model_validate({"tz": "America/New_York",
                                 "tickets": {"STD": {"first_response": "4h", "resolution": "3d"}}})
    out = misses(parse_log(text, "x.md"), None, pol, start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-10-13", tz="UTC"), as_of=pd.Timestamp("2025-10-13T04:00Z"))
    out = out[out["kind"].isin(["response", "resolution"])]
    return [[k, s, d.strftime("%m-%d %H:%M"), st, o, p] for k, s, d, st, o, p in zip(
        out["kind"], out["subject"], out["due_at"], out["status"], out["overage_min"], out["day_precision"],
        strict=True)]


def test_a_day_precision_first_mention_starts_the_clock_at_the_days_end():
    text = ("---\ntz: America/New_York\n---\n# Standup\n\n## Standup 2025-10-07\n\n"
            "| Date | Owner | Ticket | Status | ETA | Notes |\n|---|---|---|---|---|---|\n"
            "| 10/07 | Ana | STD-101 | In progress | Fri | - |\n\n"
            "## 2025-10-10\n\n- 14:30 STD-101 resolved\n")
    assert _targets(text) == [
        # (nothing answered it before the fix on the 10th: missed, from 10-08 00:00 EDT + 4h)
        ["response", "STD-101", "10-08 08:00", "missed", 3510.0, "due_at"],
        # (from 10-08 00:00 EDT + 3d, not 10-07 00:00: met by 10-10 14:30 EDT, was "missed 870 min")
        ["resolution", "STD-101", "10-11 04:00", "met", 0.0, "due_at"],
    ]


# 5: a ticketless cutoff told as a fact is no promise; one with a task is ----------------------------
def test_a_cutoff_stated_as_a_fact_is_no_promise():
    text = ("# P\n\nTimes ET.\n\n## Tue 2025-10-07\n\n- ACH cutoff 16:45 ET; Fedwire closes 18:00 ET.\n"
            "- Fedwire cutoff is 18:00 ET\n- resubmit before the 16:45 cutoff\n"
            "- 10:00 PAY-1 resubmit before the 16:45 cutoff\n")
    assert sla_deadline_rows(parse_log(text, "x.md")) == [
        [9, "(no ticket)", "10-07 20:45", "missed"], [10, "PAY-1", "10-07 20:45", "missed"],
    ]


# 4: a window known only by its start is met by the work in it, not judged by the fix's time ----------
def test_a_window_known_only_by_its_start_is_met_by_the_work_in_it():
    def rows(item: str) -> list[list]:
        return sla_deadline_rows(parse_log("# L\n\n## 2025-10-08\n\n" + item, "x.md"))

    # (the work ran in the slot, 21:00-23:10: was "missed 130 min")
    assert rows("- 10:00 CHG-1 window moved to 21:00 UTC\n- 23:10 CHG-1 done\n") == [
        [5, "CHG-1", "10-08 21:00", "met"]]
    assert rows("- 10:00 CHG-1 window Sat 02:00 UTC\n\n## 2025-10-11\n\n- 03:10 CHG-1 done\n") == [
        [5, "CHG-1", "10-11 02:00", "met"]]
    # (a range's end, and an 'until', are ends: judged by the fix as before)
    assert rows("- 10:00 CHG-1 window 21:00 to 22:00 UTC\n- 23:10 CHG-1 done\n") == [
        [5, "CHG-1", "10-08 22:00", "missed"]]
    assert rows("- 10:00 CHG-1 maintenance window until 21:00 UTC\n- 23:10 CHG-1 done\n") == [
        [5, "CHG-1", "10-08 21:00", "missed"]]
    # (no work of the ticket within 12 hours of the start: judged by its resolution, two days later)
    assert rows("- 10:00 CHG-1 window moved to 21:00 UTC\n\n## 2025-10-10\n\n- 23:10 CHG-1 done\n") == [
        [5, "CHG-1", "10-08 21:00", "missed"]]


def test_the_weeklys_third_shard_is_met_by_its_run_in_the_moved_slot():
    logs = read_logs([str(FIX / "exp4_c_weekly.md")])
    out = misses(logs, None, Policy.model_validate({"tz": "America/New_York"}),
                 start=pd.Timestamp("2025-10-06T04:00Z"), end=pd.Timestamp("2025-10-13T04:00Z"),
                 as_of=pd.Timestamp("2025-10-13T04:00Z"))
    r = out[out["kind"].eq("deadline") & out["subject"].eq("PLAT-905")].iloc[0]
    assert (r["due_at"], r["resolved_at"], r["status"], r["overage_min"]) == (
        pd.Timestamp("2025-10-10T01:00Z"), pd.Timestamp("2025-10-10T03:45Z"), "met", 0.0)
    assert r["detail"].startswith(
        "due 2025-10-09 21:00 EDT; a window known only by its start: worked in it, 2025-10-09 23:45 EDT "
        "(within 12h of its start); 'window' in ")
