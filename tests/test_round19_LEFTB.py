"""Round 19 (LEFTB): kinds, steps and levels left by session 18, read as a reliability engineer reads an
evening NOC log: a verb with its object before a later time ('Colt repaired fibre at 22:05 CEST') and a
ticket closed at a time ('OPS-1 closed 21:20') are steps at that time, a window closing at one is not;
'escalation cancelled' after the clause that escalated calls that escalation off; a spaced '+' before a
clause is a step break ('deployed 14:00 + health check green 14:10'); a re-run under way is progress, no
resolution and no note; a ticket opened after another thing was done is not resolved by it; and 'shipped
late' is done (its deadline's miss is the SLA's to say), pinned as it reads."""

from __future__ import annotations

from pathlib import Path

import pytest

import occ_lib
from occ_lib._extract import classify, done_before_opened, keywords
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import W41_UTC, short_event_rows, sla_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round19" / "leftb_noc_evening.md"
DAY = "# Ops\n\n## 2025-10-08\n\n"


def _log() -> occ_lib.Logs:
    return occ_lib.read_logs(str(FIX))


def _kind(text: str) -> tuple[str, int]:
    return classify(text, keywords(text), False)


def _hhmm(at) -> str | None:
    """``at`` as 'MM-DD HH:MM', None when missing (NaT)."""
    return None if at is None or at != at else at.strftime("%m-%d %H:%M")


def test_the_noc_logs_events():
    ev = _log().events
    assert [[int(n), a.strftime("%m-%d %H:%M"), k, int(lv), list(t)] for n, a, k, lv, t in zip(
        ev["line"], ev["at"], ev["kind"], ev["level"], ev["tickets"], strict=True)] == [
        [7, "10-08 09:00", "escalation", 1, ["OPS-1"]],
        [8, "10-08 10:00", "note", 0, ["OPS-3"]],  # (3: before 'escalation' 3)
        [9, "10-08 11:15", "deadline", 0, ["CUT-17"]],
        [10, "10-08 13:50", "status", 0, ["CUT-17"]],  # (6: before 'note')
        # (4: before one 'resolved' at 14:00)
        [11, "10-08 14:00", "note", 0, ["CHG-1"]],
        [11, "10-08 14:10", "resolved", 0, ["CHG-1"]],
        [12, "10-08 16:50", "note", 0, []],  # (a window closed at 16:45: no step, as before)
        [13, "10-08 17:00", "status", 0, ["BCST-4412"]],  # (7: before 'resolved')
        [14, "10-08 18:00", "resolved", 0, []],  # (5: shipped, late: done, as before)
        [15, "10-08 19:30", "status", 0, ["BCST-4420", "BCST-4423"]],
        # (2: before one 'resolved' at 21:15)
        [16, "10-08 21:15", "note", 0, ["OPS-1"]],
        [16, "10-08 21:20", "resolved", 0, ["OPS-1"]],
        # (1: before one 'resolved' at 21:15 of both; the repair at 22:05 CEST is 20:05 UTC)
        [17, "10-08 21:15", "note", 0, ["BCST-4420", "BCST-4423"]],
        [17, "10-08 20:05", "resolved", 0, ["BCST-4420"]],
        [17, "10-08 21:20", "resolved", 0, ["BCST-4423"]],
    ]


def test_the_noc_logs_sla():
    lg = _log()
    # BCST-4412's review deadline is no longer 'met' by the pre-warm done before it was opened
    assert sla_deadline_rows(lg) == [
        [9, "CUT-17", "10-08 14:00", "missed"],
        [13, "BCST-4412", "10-11 00:00", "missed"],  # (before: 'met')
    ]
    policy = Policy(tickets={k: {"first_response": "15m", "resolution": "8h"}
                             for k in ("OPS", "BCST", "CHG", "CUT")})
    out = misses(lg, None, policy, **W41_UTC)
    out = out[out["kind"].eq("resolution")]
    assert [[int(n), s, _hhmm(r), st] for n, s, r, st in zip(
        out["line"], out["subject"], out["resolved_at"], out["status"], strict=True)] == [
        [7, "OPS-1", "10-08 21:20", "missed"],  # (before: 21:15)
        [8, "OPS-3", None, "missed"],
        [9, "CUT-17", None, "missed"],
        [11, "CHG-1", "10-08 14:10", "met"],  # (before: 14:00)
        [13, "BCST-4412", None, "missed"],  # (before: resolved 17:00, 'met')
        [15, "BCST-4420", "10-08 20:05", "met"],  # (before: 21:15)
        [15, "BCST-4423", "10-08 21:20", "met"],  # (before: 21:15)
    ]


# 1 and 2: a verb with its object before a later time, a ticket closed at a time ---------------------------
@pytest.mark.parametrize(("item", "expected"), [
    ("- 21:15 Colt repaired fibre at 22:05 CEST.", [
        [5, "10-08 21:15", "note", 0, []], [5, "10-08 20:05", "resolved", 0, []]]),
    ("- 21:15 fixed the cron at 21:40", [
        [5, "10-08 21:15", "note", 0, []], [5, "10-08 21:40", "resolved", 0, []]]),
    ("- 15:00 OPS-1 restored service at 15:20", [
        [5, "10-08 15:00", "note", 0, ["OPS-1"]], [5, "10-08 15:20", "resolved", 0, ["OPS-1"]]]),
    ("- 15:00 restored from backup at 14:40", [
        [5, "10-08 15:00", "note", 0, []], [5, "10-08 14:40", "resolved", 0, []]]),
    ("- 21:15 OPS-1 closed 21:20", [
        [5, "10-08 21:15", "note", 0, ["OPS-1"]], [5, "10-08 21:20", "resolved", 0, ["OPS-1"]]]),
    ("- 21:15 OPS-1 was closed at 21:20", [
        [5, "10-08 21:15", "note", 0, ["OPS-1"]], [5, "10-08 21:20", "resolved", 0, ["OPS-1"]]]),
    ("- 21:15 closed OPS-1 at 21:20", [
        [5, "10-08 21:15", "note", 0, ["OPS-1"]], [5, "10-08 21:20", "resolved", 0, ["OPS-1"]]]),
    # (the stamp's digits are no count of tickets fixed, '15 fixed'; an alert 'fired and auto-resolved 01:22')
    ("- 21:15 resolved 21:20", [[5, "10-08 21:15", "note", 0, []], [5, "10-08 21:20", "resolved", 0, []]]),
    ("- 01:15 alert fired and auto-resolved 01:22, no action", [
        [5, "10-08 01:15", "note", 0, []], [5, "10-08 01:22", "resolved", 0, []]]),
    # (no step: the time is another thing's, a day word's, one to come, or what closed is no ticket)
    ("- 21:15 fixed the job scheduled at 22:05", [[5, "10-08 21:15", "resolved", 0, []]]),
    ("- 15:00 repaired the link for the 16:00 run", [[5, "10-08 15:00", "resolved", 0, []]]),
    ("- 09:50 OPS-320 resolved at 17:30 yesterday", [[5, "10-07 17:30", "resolved", 0, ["OPS-320"]]]),
    ("- 09:40 OPS-309 resolved yesterday at 17:30.", [[5, "10-07 17:30", "resolved", 0, ["OPS-309"]]]),
    ("- 21:15 OPS-1 will be fixed at 22:05", [[5, "10-08 21:15", "plan", 0, ["OPS-1"]]]),
    ("- 15:00 window closed at 16:45", [[5, "10-08 15:00", "note", 0, []]]),
    ("- 15:00 market closed 16:00", [[5, "10-08 15:00", "note", 0, []]]),
    ("- 21:15 closed the window at 21:20", [[5, "10-08 21:15", "resolved", 0, []]]),
    ("- 15:00 OPS-1 closed 15:00", [[5, "10-08 15:00", "resolved", 0, ["OPS-1"]]]),
])
def test_a_thing_done_at_a_later_time_is_a_step_at_it(item, expected):
    assert short_event_rows(DAY + item + "\n") == expected


def test_a_repair_step_is_the_ticket_its_later_sentence_closes():
    # (its own sentence names none, nor does anything before it: the ticket closed right after is its)
    assert short_event_rows(DAY + "- 21:15 Colt repaired fibre at 22:05 CEST. BCST-4420 closed. "
                                  "BCST-4423 resolved 21:20.\n") == [
        [5, "10-08 21:15", "note", 0, ["BCST-4420", "BCST-4423"]],
        [5, "10-08 20:05", "resolved", 0, ["BCST-4420"]],
        [5, "10-08 21:20", "resolved", 0, ["BCST-4423"]],
    ]


# 3: an escalation called off in the clause after it ------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("escalated OPS-3 to VP Eng, escalation cancelled", ("note", 0)),  # (before: escalation 3)
    ("escalated to VP Eng, then the escalation was withdrawn", ("note", 0)),
    ("escalated to Dir. Eng, escalation cancelled", ("note", 0)),
    ("escalated to the director. Escalation withdrawn.", ("note", 0)),
    ("OPS-3 escalation to VP Eng cancelled", ("note", 0)),  # (in one clause, as before)
    # (what else the item tells stays)
    ("escalated to the CTO, OPS-1 resolved, escalation cancelled", ("resolved", 0)),
    ("escalated to the CTO, acked by Wei, escalation cancelled", ("acknowledged", 0)),
    # (a page stands: the policy's escalation stopped; one to another role is only that one's)
    ("paged on-call, escalation cancelled", ("escalation", 1)),
    ("paged on-call, escalation to VP cancelled", ("escalation", 1)),
    ("escalated to the director, escalation to the CTO cancelled", ("escalation", 3)),
    ("escalated to the CTO, escalation cancelled; escalated to the VP", ("escalation", 3)),
])
def test_an_escalation_called_off_after_it_is_no_escalation(text, expected):
    assert _kind(text) == expected


# 4: a spaced plus before a clause is a step break ---------------------------------------------------------
@pytest.mark.parametrize(("item", "expected"), [
    ("- 14:00 CHG-1 hotfix deployed 14:00 + health check green 14:10", [
        [5, "10-08 14:00", "note", 0, ["CHG-1"]], [5, "10-08 14:10", "resolved", 0, ["CHG-1"]]]),
    ("- 14:00 deployed 14:00 + smoke green 14:10", [
        [5, "10-08 14:00", "note", 0, []], [5, "10-08 14:10", "resolved", 0, []]]),
    # (a plus between two tickets or two times joins them)
    ("- 14:00 OPS-1 + OPS-2 paged 14:05", [[5, "10-08 14:00", "follow_up", 1, ["OPS-1", "OPS-2"]]]),
    ("- 09:00 standups 09:00 + 17:00", [[5, "10-08 09:00", "note", 0, []]]),
])
def test_a_spaced_plus_before_a_clause_breaks_steps(item, expected):
    assert short_event_rows(DAY + item + "\n") == expected


# 5: shipped late is done; the deadline's miss is the SLA's -----------------------------------------------
def test_shipped_late_is_done_and_its_deadline_missed():
    text = DAY + "- 09:00 WMS-4 order to ship by 14:00\n- 15:10 WMS-4 shipped late, PO-2025-0098 on hold\n"
    assert short_event_rows(text) == [
        [5, "10-08 09:00", "deadline", 0, ["WMS-4"]],
        [6, "10-08 15:10", "resolved", 0, ["WMS-4"]],
    ]
    assert sla_deadline_rows(parse_log(text, "x.md")) == [[5, "WMS-4", "10-08 14:00", "missed"]]


# 6: a re-run under way is progress --------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("CUT-17 fix loaded, re-run of failed POs from 14:10", ("status", 0)),  # (before: note)
    ("re-run started", ("status", 0)),
    ("re-run now running on the DE stores", ("status", 0)),
    ("re-run needs lock_timeout set", ("note", 0)),  # (one still needed)
    ("re-run tomorrow", ("plan", 0)),
    ("re-run of the batch completed 14:40", ("resolved", 0)),
    ("CUT-17 fix loaded", ("note", 0)),
])
def test_a_re_run_under_way_is_progress(text, expected):
    assert _kind(text) == expected


# 7: a ticket opened after something else was done is not resolved by it ------------------------------------
@pytest.mark.parametrize(("text", "own", "expected"), [
    ("17:00 T-30: CDN pre-warm done on Akamai. BCST-4412 opened for the Fastly shortfall.", ["BCST-4412"],
     True),
    ("fixed the cron; opened OPS-9 for the RCA", ["OPS-9"], True),
    ("Resolved by restart, OPS-9 filed for RCA", ["OPS-9"], True),
    ("INC-7 opened and resolved", ["INC-7"], False),
    ("opened OPS-2, fixed 10:40", ["OPS-2"], False),
    ("restored service. INC-8 raised and closed", ["INC-8"], False),
    ("pre-warm done. OPS-1 and OPS-2 opened", ["OPS-1", "OPS-2"], False),
])
def test_done_before_opened(text, own, expected):
    assert done_before_opened(text, own) is expected


@pytest.mark.parametrize(("text", "expected"), [
    (DAY + "- 17:00 CDN pre-warm done on Akamai. BCST-4412 opened for the Fastly shortfall.\n",
     [[5, "10-08 17:00", "status", 0, ["BCST-4412"]]]),
    ("# Ops\n\n## 2025-10-08 OPS-5\n\n- 10:00 Resolved by restart, OPS-9 filed for RCA\n",
     [[5, "10-08 10:00", "status", 0, ["OPS-9"]]]),  # (before: OPS-9 resolved)
    # (an inherited ticket's resolution stays: the restart resolved OPS-5, OPS-9 is its RCA)
    ("# Ops\n\n## 2025-10-08\n\n- 09:00 OPS-5 db down\n  - 10:00 Resolved by restart, OPS-9 filed for RCA\n",
     [[5, "10-08 09:00", "note", 0, ["OPS-5"]], [6, "10-08 10:00", "resolved", 0, ["OPS-9", "OPS-5"]]]),
])
def test_an_item_that_opens_its_ticket_after_a_thing_done(text, expected):
    assert short_event_rows(text) == expected
