"""Round 15 (EXP5B, follow-up of EXP5's findings): a state held until a time ('rollout paused until 16:00',
'standby until Fri', 'on hold until Monday') and a renewed certificate's new expiry are no promises; a
runbook's step done ('Batch done', '`pg_ctl promote` done 14:01') does not resolve the ticket it inherits
from its thread; a promise of an ETA ("we'd have an ETA for them by noon") is kept by the item giving the
ETA, a status page's 'next update in 30 minutes' by the status page's next post; a runbook plan's
'go/no-go at 13:30' and 'point of no return 15:10' are checkpoints kept by the items that name them again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

import occ_lib
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from occ_lib.threads import with_threads
from occ_lib.times import find_times

FIX = Path(__file__).parent / "fixtures" / "round15"
DAY = dt.date(2025, 10, 8)


def mentions(text: str) -> list[tuple[str, bool, str | None]]:
    """``(raw, is_deadline, keyword)`` of each time mention of ``text`` on 2025-10-08, UTC."""
    return [(m.raw, m.is_deadline, m.keyword) for m in find_times(text, day=DAY, tz="UTC")]


def threaded_rows(text: str) -> list[list]:
    """``[line, 'MM-DD HH:MM', kind, tickets, via]`` of each event of ``text``, threaded as the analysis
    reads them (:func:`occ_lib.threads.with_threads`)."""
    logs = parse_log(text, "x.md")
    ev = with_threads(logs.events, logs.deadlines)
    return [[int(n), a.strftime("%m-%d %H:%M"), k, list(t), v]
            for n, a, k, t, v in zip(ev["line"], ev["at"], ev["kind"], ev["tickets"], ev["via"], strict=True)]


def deadline_details(logs) -> list[list]:
    """``[subject, line, due, resolved, status]`` of each deadline SLA row of W41 judged at 10-13 00:00Z."""
    out = misses(logs, None, Policy(), start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-10-13", tz="UTC"), as_of=pd.Timestamp("2025-10-13", tz="UTC"))
    out = out[out["kind"].eq("deadline")]
    return [[s, int(n), d.strftime("%m-%d %H:%M"), r.strftime("%m-%d %H:%M") if not pd.isna(r) else None, st]
            for s, n, d, r, st in zip(out["subject"], out["line"], out["due_at"], out["resolved_at"],
                                      out["status"], strict=True)]


# 1: a state held until a time is no promise ---------------------------------------------------------------
def test_a_state_held_until_a_time_is_no_deadline():
    assert mentions("KUB-220 rolled back; rollout paused until 16:00 while we look at the diff.") == [
        ("16:00", False, None)]
    assert mentions("old primary kept as a read-only standby until Fri 12:00.") == [("12:00", False, None)]
    assert mentions("OPS-5 on hold until Mon 09:00.") == [("09:00", False, None)]
    assert mentions("deploys held until 14:00.") == [("14:00", False, None)]
    # (a promise stays one; the work a freeze stops stays a window's end)
    assert mentions("we have until 12:00 to ship.") == [("12:00", True, "until")]
    assert mentions("paused rollouts until 18:00.") == [("18:00", True, "window")]


def test_the_fixtures_held_states_give_no_deadline_rows():
    logs = occ_lib.read_logs(str(FIX / "exp5_[ab]_*.md"))
    dl = logs.deadlines
    assert [(Path(s).name, int(n), k)
            for s, n, k in zip(dl["source"], dl["line"], dl["keyword"], strict=True)] == [
        ("exp5_a_k8s.md", 25, "ETA"), ("exp5_a_k8s.md", 40, "due"), ("exp5_a_k8s.md", 45, "expires"),
        ("exp5_a_k8s.md", 45, "by"), ("exp5_a_k8s.md", 53, "window"),
        ("exp5_b_db_migration.md", 4, "go/no-go"), ("exp5_b_db_migration.md", 4, "point of no return"),
        ("exp5_b_db_migration.md", 10, "by"), ("exp5_b_db_migration.md", 19, "by"),
        ("exp5_b_db_migration.md", 25, "ETA"),
    ]
    ev = logs.events
    kinds = {(Path(s).name, int(n)): k for s, n, k in zip(ev["source"], ev["line"], ev["kind"], strict=True)}
    assert kinds[("exp5_a_k8s.md", 18)] == "note"
    assert kinds[("exp5_b_db_migration.md", 20)] == "note"


# 2: a renewed certificate's new expiry is no promise ------------------------------------------------------
def test_a_new_expiry_after_a_renewal_is_no_deadline():
    assert mentions("KUB-230 certificate Ready, new expiry 2026-01-07. Resolved.") == [
        ("2026-01-07", False, None)]
    assert mentions("cert renewed, expires 2026-01-07.") == [("2026-01-07", False, None)]
    # (an expiry to come is one, also next to a renewal still to do)
    assert mentions("cert expires 2026-01-07.") == [("2026-01-07", True, "expires")]
    assert mentions("cert to be renewed, expires 2026-01-07.") == [("2026-01-07", True, "expires")]
    assert mentions("must be renewed by Fri, cert expires 2026-01-07.") == [
        ("Fri", True, "by"), ("2026-01-07", True, "expires")]


# 3: a runbook's step done is no resolution of the ticket it inherits ----------------------------------------
RUNBOOK = """# Runbook

## 2025-10-08 Wed

[AK 13:00] T-60. Replica caught up for DBM-310.
[JR 13:26] T-34. Batch done, lag back to 0.3 s.
[AK 13:40] step 3 done.
[AK 14:00] T-0. Promote `orders-pg16` — `pg_ctl promote` done 14:01.
[AK 14:10] backfill chunk 4 complete.
[AK 14:20] batch done 14:12, resolved 14:19.
[AK 15:10] DBM-310 done.
"""


def test_a_step_done_in_a_thread_is_progress_not_the_resolution():
    assert threaded_rows(RUNBOOK) == [
        [5, "10-08 13:00", "note", ["DBM-310"], "text"],
        [6, "10-08 13:26", "status", ["DBM-310"], "thread"],
        [7, "10-08 13:40", "status", ["DBM-310"], "thread"],
        [8, "10-08 14:00", "note", [], "text"],
        [8, "10-08 14:01", "status", ["DBM-310"], "thread"],
        [9, "10-08 14:10", "status", ["DBM-310"], "thread"],
        # (a resolution word of its own resolves; so does the ticket named)
        [10, "10-08 14:20", "resolved", ["DBM-310"], "thread"],
        [11, "10-08 15:10", "resolved", ["DBM-310"], "text"],
    ]
    # (the same steps under a title naming the ticket: inherited, status too)
    titled = threaded_rows(RUNBOOK.replace("# Runbook", "# Runbook (DBM-310)"))
    assert [r[2] for r in titled] == ["note", "status", "status", "note", "status", "status", "resolved",
                                      "resolved"]


def test_a_step_done_that_names_its_ticket_and_no_deadline_still_resolves():
    text = "# Log\n\n## 2025-10-08 Wed\n\n- 13:00 OPS-1 backfill started.\n- 14:00 OPS-1 batch done.\n"
    assert threaded_rows(text) == [
        [5, "10-08 13:00", "note", ["OPS-1"], "text"],
        [6, "10-08 14:00", "resolved", ["OPS-1"], "text"],
    ]


def test_the_runbook_fixture_resolves_dbm_310_at_15_10_only():
    logs = occ_lib.read_logs(str(FIX / "exp5_b_db_migration.md"))
    ev = logs.events
    res = ev[ev["kind"].eq("resolved") & ev["tickets"].map(lambda t: "DBM-310" in list(t))]
    assert [(int(n), a.strftime("%H:%M")) for n, a in zip(res["line"], res["at"], strict=True)] == [
        (21, "15:10")]


# 4, 5: a promise of an ETA; a status page's promise of the next update ------------------------------------
SLACK = """# INC-1 live log

Times in UTC.

## 2025-10-09 Thu

- 10:48 INC-1 Status page posted (Investigating). Next update in 30 minutes.
- 10:55 INC-1 payments-gw pods restarting.
- 11:18 INC-1 Status page updated (Identified). Told Acme we'd have an ETA for them by 12:00.
- 11:34 INC-1 rollback done, error rate falling.
- 12:25 INC-1 Sent Acme the ETA for the full fix: 15:00.
- 14:50 INC-1 resolved.
"""


def test_a_promise_of_an_eta_is_kept_by_the_eta_given():
    logs = parse_log(SLACK, "x.md")
    assert logs.deadlines["keyword"].tolist() == ["update", "ETA update", "ETA"]
    assert deadline_details(logs) == [
        ["INC-1", 7, "10-09 11:18", "10-09 11:18", "met"],
        ["INC-1", 9, "10-09 12:00", "10-09 12:25", "missed"],
        ["INC-1", 11, "10-09 15:00", "10-09 14:50", "met"],
    ]


def test_a_status_page_promise_is_kept_by_the_next_status_page_post_only():
    late = SLACK.replace("- 11:18 INC-1 Status page updated", "- 11:25 INC-1 Status page updated")
    assert deadline_details(parse_log(late, "x.md"))[0] == [
        "INC-1", 7, "10-09 11:18", "10-09 11:25", "missed"]
    # (a promise of no status page is kept by any next item, the chat note at 10:55)
    chat = SLACK.replace("Status page posted (Investigating). ", "")
    assert deadline_details(parse_log(chat, "x.md"))[0] == ["INC-1", 7, "10-09 11:18", "10-09 10:55", "met"]


def test_the_slack_fixtures_promises():
    logs = occ_lib.read_logs(str(FIX / "exp5_c_ic_slack.md"))
    assert deadline_details(logs) == [
        ["INC-7781", 11, "10-09 15:18", "10-09 15:18", "met"],
        ["INC-7781", 22, "10-09 15:48", "10-09 16:25", "missed"],
        ["INC-7781", 22, "10-09 16:00", "10-09 16:25", "missed"],
        ["INC-7781", 35, "10-09 17:30", "10-09 18:58", "missed"],
        ["INC-7781", 35, "10-09 19:00", "10-09 18:50", "met"],
        ["INC-7781", 38, "10-15 04:00", None, "open"],
    ]


# 6: a runbook's checkpoints -------------------------------------------------------------------------------
def test_go_no_go_and_point_of_no_return_are_checkpoints():
    assert mentions("Plan: cutover 14:00 UTC; go/no-go at 13:30; point of no return 15:10.") == [
        ("14:00 UTC", False, None), ("13:30", True, "go/no-go"), ("15:10", True, "point of no return")]
    assert mentions("GO/NO-GO 13:30 UTC") == [("13:30 UTC", True, "go/no-go")]
    # (told as reached: when it was; a go/no-go moved is a meeting's move)
    assert mentions("we passed the point of no return at 15:10") == [("15:10", False, None)]
    assert mentions("go/no-go moved from Tue 16:00 to Wed 10:00.") == [
        ("16:00", False, None), ("10:00", False, None)]
    # (before what it gates, on its day: not the next day's noon)
    found = find_times("Release: **Thu Oct 9, 2025 at 14:00 PT** (go/no-go at 12:00 PT).", day=DAY, tz="UTC")
    assert [(m.at.isoformat(), m.keyword) for m in found] == [
        ("2025-10-09T21:00:00+00:00", None), ("2025-10-09T19:00:00+00:00", "go/no-go")]


def test_a_checkpoint_is_kept_by_the_item_that_names_it_again():
    text = ("# Change (DBM-9)\n\n## 2025-10-08 Wed\n\n"
            "- 12:00 DBM-9 plan: cutover 14:00; go/no-go at 13:30; point of no return 15:10.\n"
            "- 13:40 DBM-9 Go/no-go: GO.\n- 15:05 DBM-9 point of no return passed.\n- 16:00 DBM-9 done.\n")
    assert deadline_details(parse_log(text, "x.md")) == [
        ["DBM-9", 5, "10-08 13:30", "10-08 13:40", "missed"],
        ["DBM-9", 5, "10-08 15:10", "10-08 15:05", "met"],
    ]


def test_the_runbook_fixtures_checkpoints():
    logs = occ_lib.read_logs(str(FIX / "exp5_b_db_migration.md"))
    assert deadline_details(logs) == [
        ["DBM-310", 10, "10-08 13:25", "10-08 15:10", "missed"],
        ["DBM-310", 4, "10-08 13:30", "10-08 13:30", "met"],
        ["DBM-310", 4, "10-08 15:10", "10-08 15:10", "met"],
        ["DBM-312", 25, "10-10 12:00", "10-10 11:55", "met"],
    ]
