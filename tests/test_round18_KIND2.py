"""Round 18 (KIND2): the kinds and levels a reliability engineer would give a field operation's log, a
utility's outage desk in a storm and a telecom NOC's fiber cut with its field crews and support tiers.

A crew or a technician sent to the fault ('line crew 3 dispatched to site', 'truck rolled', 'tech en
route', 'crew 3 on site') and a ticket taken in chat's own words ('picked up here', 'taking this', "I've
got it") are the ticket's first response, ``acknowledged`` (they were notes, so the SLA's first response
waited for a later step); a deploy seen to work ('deployed to prod, smoke check OK', 'hotfix deployed +
health check green') resolves, short of production it does not; a count of the parts done short of all
of them ('3 of 5 regions restored', '4/7 partitions replayed') is progress, a ``status``; what ran on
schedule or is queued now, and 'once' as a count ('recloser cycled once and held'), plans nothing; a
support tier ('escalated to Tier 3') is a line of specialists, level 1, not an executive (the head of a
department is, 3); a denied outage ('not an outage; closed') vetoes no resolution, and 'no customer
impact' after a response vetoes no response."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib._extract import classify, keywords
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import event_rows, item

FIX = Path(__file__).parent / "fixtures" / "round18"
# 2025-W41 in Chicago, as of the Monday after it
W41_CT = {"start": pd.Timestamp("2025-10-06T05:00Z"), "end": pd.Timestamp("2025-10-13T05:00Z"),
          "as_of": pd.Timestamp("2025-10-13T05:00Z")}


def _classify(text: str) -> tuple[str, int]:
    return classify(text, keywords(text), False)


def _rows(path: Path) -> list[list]:
    ev = occ_lib.read_logs(str(path)).events
    return [[int(n), a.strftime("%m-%d %H:%M"), k, int(lv), list(t)]
            for n, a, k, lv, t in zip(ev["line"], ev["at"], ev["kind"], ev["level"], ev["tickets"],
                                      strict=True)]


def _sla(path: Path, policy: Policy, kind: str) -> list[list]:
    out = misses(occ_lib.read_logs(str(path)), None, policy, **W41_CT)
    out = out[out["kind"].eq(kind)]
    return [[s, d.strftime("%m-%d %H:%M"), None if pd.isna(r) else r.strftime("%m-%d %H:%M"), st]
            for s, d, r, st in zip(out["subject"], out["due_at"], out["resolved_at"], out["status"],
                                   strict=True)]


# 1: a crew or a technician sent to the fault is a response ---------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # (before: all 'note', or 'deadline' with their ETA)
    ("crew dispatched to site", ("acknowledged", 0)),
    ("OUT-4411 line crew 3 dispatched to site (Hwy 9 & Oak), ETA 40 min.", ("acknowledged", 0)),
    ("dispatched a crew to feeder 12", ("acknowledged", 0)),
    ("sent a crew to feeder 12", ("acknowledged", 0)),
    ("sent a tech out", ("acknowledged", 0)),
    ("truck rolled", ("acknowledged", 0)),
    ("rolled a truck to the substation", ("acknowledged", 0)),
    ("tech en route", ("acknowledged", 0)),
    ("splicer on the way", ("acknowledged", 0)),
    ("crew 3 on site, patrolling from R-117", ("acknowledged", 0)),
    ("tech arrived 09:10", ("acknowledged", 0)),
    ("vegetation crew dispatched to Feeder 22, no customer impact.", ("acknowledged", 0)),
    # near misses: denied, to come, no crew, the tech as the agent of a fix
    ("no truck rolled yet", ("note", 0)),
    ("Engineer not dispatched yet", ("note", 0)),
    ("crew to be dispatched after the storm", ("note", 0)),
    ("truck roll scheduled for Thu", ("plan", 0)),
    ("crew dispatched, no ETA yet", ("note", 0)),
    ("alert dispatched to Slack", ("note", 0)),
    ("sent the engineer the logs", ("note", 0)),
    ("engineer rolled back the deploy", ("note", 0)),
    ("AV engineer on site Wednesday morning.", ("note", 0)),
    ("tech on site at 09:00", ("note", 0)),
    ("line card reseated by the tech on site, ports green.", ("status", 0)),
    ("engineers arrived at a decision", ("note", 0)),
])
def test_a_crew_sent_to_the_fault_is_a_response(text, expected):
    assert _classify(text) == expected


# 2: a ticket taken in chat's own words is acknowledged ---------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # (before: all 'note')
    ("picked up here", ("acknowledged", 0)),
    ("OPS-7 picked up here", ("acknowledged", 0)),
    ("picking this up", ("acknowledged", 0)),
    ("taking this", ("acknowledged", 0)),
    ("NOC-7720 taking this. (Dana, Tier 1)", ("acknowledged", 0)),
    ("I'm taking OPS-7", ("acknowledged", 0)),
    ("I've got it", ("acknowledged", 0)),
    ("we got this one", ("acknowledged", 0)),
    ("OPS-1 acked, no customer impact", ("acknowledged", 0)),  # (before: 'note')
    # near misses
    ("taking this offline", ("note", 0)),
    ("taking it to the CAB", ("note", 0)),
    ("taking OPS-7 to the CAB", ("note", 0)),
    ("taking snapshot-1 now", ("note", 0)),
    ("the cluster is taking it.", ("note", 0)),
    ("got it working", ("note", 0)),
    ("got it, thanks", ("note", 0)),
    ("config picked up by the pods", ("note", 0)),
    ("traffic picked up", ("note", 0)),
    ("acked, no ETA yet", ("note", 0)),
    ("acked, no fix", ("note", 0)),
])
def test_a_ticket_taken_in_chats_words_is_acknowledged(text, expected):
    assert _classify(text) == expected


# 3: a deploy seen to work resolves ------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("deployed to prod, smoke check OK", ("resolved", 0)),  # (before: 'note')
    ("hotfix deployed + health check green", ("resolved", 0)),  # (before: 'status')
    ("CHG-5121 hotfix deployed + healthcheck green", ("resolved", 0)),  # (before: 'status')
    ("OPS-7 fix deployed, verified", ("resolved", 0)),  # (before: 'status')
    ("rolled out; synthetics passing", ("resolved", 0)),  # (before: 'note')
    # a deploy alone, short of production, failed, vetoed or the problem going on: as before
    ("PAY-8130 fix deployed", ("note", 0)),
    ("deployed to staging, smoke OK", ("note", 0)),
    ("deployed to QA, smoke OK", ("note", 0)),
    ("OPS-3 fix deployed to prod after QA sign-off, smoke OK", ("resolved", 0)),  # (before: 'note')
    ("canary deployed, health checks green", ("status", 0)),
    ("deployed to 10%, smoke passed", ("note", 0)),
    ("deployed, smoke check failed", ("note", 0)),
    ("deployed, smoke pending", ("blocked", 0)),
    ("deployed to prod, smoke OK but errors persist", ("note", 0)),
])
def test_a_deploy_seen_to_work_resolves(text, expected):
    assert _classify(text) == expected


def test_a_deploys_check_told_as_a_later_step_resolves_at_its_time():
    # (before: one 'status' event at 14:00)
    assert [r[:5] for r in event_rows(item("14:00 CHG-2103 auth 5.1 deployed, smoke green 14:20."))] == [
        [5, "10-07 14:00", "note", 0, ["CHG-2103"]],
        [5, "10-07 14:20", "resolved", 0, ["CHG-2103"]],
    ]
    # (not short of production, nor with the problem going on)
    assert [r[:5] for r in event_rows(item("14:00 CHG-2103 deployed to staging, smoke green 14:20."))] == [
        [5, "10-07 14:00", "status", 0, ["CHG-2103"]]]
    persist = item("14:00 CHG-2103 deployed, smoke green 14:20, errors persist")
    assert [r[:5] for r in event_rows(persist)] == [[5, "10-07 14:00", "status", 0, ["CHG-2103"]]]


# 4: what ran on schedule or is queued now plans nothing --------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("went out on schedule", ("note", 0)),  # (before: 'plan')
    ("nightly export went out on schedule", ("note", 0)),  # (before: 'plan')
    ("ran as scheduled", ("note", 0)),  # (before: 'plan')
    ("runs queued", ("note", 0)),  # (before: 'plan')
    ("PAY-2 still queued", ("note", 0)),  # (before: 'plan')
    ("batch ran on time", ("note", 0)),
    ("recloser cycled once and held", ("note", 0)),  # (before: 'plan')
    # still plans
    ("deploy queued for 14:00", ("plan", 0)),
    ("queued the rollback for tonight", ("plan", 0)),
    ("12 builds queued until the runner is back", ("plan", 0)),
    ("scheduled for Friday, runs on schedule", ("plan", 0)),
    ("tried once more.", ("note", 0)),
    ("deploy once QA signs off", ("plan", 0)),
    ("rerun once more data arrives", ("plan", 0)),
    ("tripped once; reset once the crew is back", ("plan", 0)),
])
def test_what_ran_on_schedule_or_is_queued_plans_nothing(text, expected):
    assert _classify(text) == expected


# 5: a count of the parts done short of all of them is progress -------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("4/7 partitions replayed", ("status", 0)),  # (before: 'note')
    ("3 of 5 regions restored", ("status", 0)),  # (before: 'resolved')
    ("OUT-1 restored 12 of 40 feeders", ("status", 0)),  # (before: 'resolved')
    ("9 out of 12 sites back online", ("status", 0)),  # (before: 'note')
    ("48 of 96 fibers spliced; PON 1-7 back.", ("status", 0)),  # (before: 'note')
    ("5/5 regions restored", ("resolved", 0)),
    ("all 96 fibers spliced, alarms cleared. Resolved.", ("resolved", 0)),
    ("7/10 QA-1201 resolved", ("resolved", 0)),  # (a date, a ticket after it: no count)
    ("10/7 deploy failed", ("note", 0)),
])
def test_a_count_of_parts_done_short_of_all_is_progress(text, expected):
    assert _classify(text) == expected


# 6: levels: a support tier is no executive; a head of a department is ------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("escalated to Tier 3", ("escalation", 1)),  # (before: 3)
    ("NOC-7720 escalated to Tier 3 (transport engineering)", ("escalation", 1)),  # (before: 3)
    ("escalated to tier 2 support", ("escalation", 1)),  # (before: 2)
    ("escalated to Tier-2", ("escalation", 1)),
    ("escalated to Tier 2 manager", ("escalation", 2)),  # (a manager named)
    ("Escalated to level 2", ("escalation", 2)),  # (an escalation policy's level: as before)
    ("paged the duty manager", ("escalation", 2)),
    ("escalated to Head of Network Ops", ("escalation", 3)),
    ("escalated to Head of Engineering", ("escalation", 3)),
    ("looped in Head of Network Ops", ("escalation", 3)),
    ("paged the on-call lead", ("escalation", 2)),  # (a lead, rule 1's manager level)
    ("paged the on-call", ("escalation", 1)),
])
def test_levels_of_support_tiers_managers_and_heads(text, expected):
    assert _classify(text) == expected


# 7: a denied outage is no incident and vetoes no resolution ----------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("not an outage", ("note", 0)),
    ("no customer impact", ("note", 0)),
    ("OUT-4412 lights flickered, recloser cycled once and held. Not an outage, no customer impact.",
     ("note", 0)),  # (before: 'plan', for 'once')
    ("OUT-4412 not an outage; closed.", ("resolved", 0)),  # (before: 'note')
    ("not a real outage, closed", ("resolved", 0)),  # (before: 'status')
    ("no outage, closed", ("resolved", 0)),  # (before: 'note')
    ("not an incident, closed", ("resolved", 0)),
    ("not escalated, self-healed", ("note", 0)),  # (as before)
])
def test_a_denied_outage_is_no_incident(text, expected):
    assert _classify(text) == expected


# the outage desk's storm log ------------------------------------------------------------------------------
def test_the_outage_desks_rows():
    assert _rows(FIX / "kind2_a_outage_desk.md") == [
        [8, "10-07 11:02", "note", 0, ["OUT-4411"]],
        [9, "10-07 11:05", "acknowledged", 0, ["OUT-4411"]],  # (before: 'note')
        [10, "10-07 11:07", "escalation", 2, ["OUT-4411"]],
        [11, "10-07 11:09", "acknowledged", 0, ["OUT-4411"]],  # (before: 'deadline')
        [12, "10-07 11:20", "note", 0, ["OUT-4412"]],  # (before: 'plan')
        [13, "10-07 11:31", "acknowledged", 0, ["OUT-4413"]],  # (before: 'note')
        [14, "10-07 11:44", "acknowledged", 0, ["OUT-4413"]],  # (before: 'deadline')
        [15, "10-07 12:02", "acknowledged", 0, ["OUT-4411"]],  # (before: 'note')
        [16, "10-07 12:40", "status", 0, ["OUT-4411"]],
        [17, "10-07 13:15", "escalation", 3, ["OUT-4411"]],
        [18, "10-07 13:30", "acknowledged", 0, ["OUT-4414"]],  # (before: 'note')
        [19, "10-07 14:10", "resolved", 0, ["OUT-4413"]],
        # (round 19 LEFTB: 'resolved', before 'note': 'span 41 repaired, all sections re-energized' tells the
        # repair done; the first resolution, which the SLA counts, is still R-117's at 14:52)
        [20, "10-07 14:55", "resolved", 0, ["OUT-4411"]],
        [20, "10-07 14:52", "resolved", 0, ["OUT-4411"]],  # (R-117 closed 09:52 CT)
        [21, "10-07 15:05", "resolved", 0, ["OUT-4412"]],  # (before: 'note')
        [25, "10-07 15:30", "resolved", 0, ["CHG-5120"]],  # (before: 'note')
        [26, "10-07 16:00", "note", 0, []],  # (before: 'plan')
        [27, "10-07 16:05", "note", 0, []],  # (before: 'plan')
        [28, "10-07 16:30", "note", 0, []],
        [29, "10-07 18:20", "resolved", 0, ["CHG-5121"]],  # (before: 'status')
        [30, "10-07 19:00", "status", 0, ["CHG-5122"]],  # (staging: no resolution)
    ]


def test_the_outage_desks_first_responses_are_its_dispatches():
    policy = Policy(tz="America/Chicago", tickets={"OUT": {"first_response": "10m", "resolution": "3h"},
                                                   "CHG": {"resolution": "1d"}})
    path = FIX / "kind2_a_outage_desk.md"
    assert _sla(path, policy, "response") == [
        ["OUT-4411", "10-07 11:12", "10-07 11:05", "met"],  # (before: the page at 11:07)
        # (round 19 MEET: its first item is the triage, 'Not an outage, no customer impact'; before: the
        # closing at 10:05 CT, and never before round 18)
        ["OUT-4412", "10-07 11:30", "10-07 11:20", "met"],
        ["OUT-4413", "10-07 11:41", "10-07 11:31", "met"],  # (before: missed, its fix at 14:10)
        ["OUT-4414", "10-07 13:40", "10-07 13:30", "met"],  # (before: missed, never)
    ]
    assert _sla(path, policy, "resolution") == [
        ["OUT-4411", "10-07 14:02", "10-07 14:52", "missed"],
        # (round 19 MEET: resolved as no incident by the triage at 06:20 CT; before: the closing at 10:05)
        ["OUT-4412", "10-07 14:20", "10-07 11:20", "met"],
        ["OUT-4413", "10-07 14:31", "10-07 14:10", "met"],
        ["OUT-4414", "10-07 16:30", None, "missed"],
        ["CHG-5120", "10-08 15:30", "10-07 15:30", "met"],  # (before: missed, never)
        ["CHG-5121", "10-08 18:20", "10-07 18:20", "met"],  # (before: missed, never)
        ["CHG-5122", "10-08 19:00", None, "missed"],
    ]


# the NOC's fiber cut --------------------------------------------------------------------------------------
def test_the_fiber_cuts_rows():
    assert _rows(FIX / "kind2_b_fiber_cut.md") == [
        [7, "10-08 01:12", "note", 0, ["NOC-7720"]],
        [8, "10-08 01:15", "acknowledged", 0, ["NOC-7720"]],  # (before: 'note')
        [9, "10-08 01:22", "escalation", 1, ["NOC-7720"]],  # (before: level 3)
        [10, "10-08 01:30", "acknowledged", 0, ["NOC-7720"]],  # (before: 'note')
        [11, "10-08 01:48", "acknowledged", 0, ["NOC-7720"]],  # (before: 'deadline')
        [12, "10-08 02:05", "escalation", 2, ["NOC-7720"]],
        [13, "10-08 02:40", "acknowledged", 0, ["NOC-7721"]],  # (before: 'note')
        [14, "10-08 02:55", "escalation", 1, ["NOC-7720"]],  # (before: level 2)
        [15, "10-08 03:10", "status", 0, ["NOC-7720"]],  # (before: 'note')
        [16, "10-08 03:40", "status", 0, ["NOC-7720"]],  # (before: 'note')
        [17, "10-08 04:20", "resolved", 0, ["NOC-7720"]],
        [18, "10-08 04:35", "escalation", 3, ["NOC-7720"]],
        [19, "10-08 05:00", "note", 0, ["NOC-7722"]],
        [20, "10-08 05:30", "acknowledged", 0, ["NOC-7723"]],
        [21, "10-08 06:10", "status", 0, ["NOC-7723"]],
    ]
    dl = occ_lib.read_logs(str(FIX / "kind2_b_fiber_cut.md")).deadlines
    assert [[int(n), list(t), d.strftime("%m-%d %H:%M"), kw] for n, t, d, kw in zip(
        dl["line"], dl["tickets"], dl["due_at"], dl["keyword"], strict=True)] == [
        [11, ["NOC-7720"], "10-08 02:30", "ETA"]]  # (the tech's ETA stays a deadline)


def test_the_fiber_cuts_first_responses():
    policy = Policy(tz="UTC", tickets={"NOC": {"first_response": "5m", "resolution": "4h"}})
    assert _sla(FIX / "kind2_b_fiber_cut.md", policy, "response") == [
        ["NOC-7720", "10-08 01:17", "10-08 01:15", "met"],  # (before: missed, the escalation at 01:22)
        ["NOC-7721", "10-08 02:45", "10-08 02:40", "met"],  # (before: missed, never)
        ["NOC-7722", "10-08 05:05", "10-08 05:00", "met"],  # (round 19 MEET: 'Not an outage': triaged)
        ["NOC-7723", "10-08 05:35", "10-08 05:30", "met"],
    ]
