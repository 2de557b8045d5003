"""Round four of the kind, level and ticket rules: what test-drivers found read wrong (td51-td53)."""

from __future__ import annotations

import pandas as pd
import pytest

from occ_lib import _extract as ex
from occ_lib.logs import parse_log


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def kinds(text: str) -> list[list]:
    """[line, kind, level, tickets] of each event of ``text``."""
    ev = parse_log(text, "x.md").events
    return ev[["line", "kind", "level", "tickets"]].values.tolist()


def kind_of(text: str) -> tuple[str, int]:
    k = ex.kind_text(text)
    got = ex.classify(k, ex.keywords(k), False)
    assert ex.classify(k, ex.words(k), False) == got  # (the vocabulary holds every word asked about)
    return got


# --- tickets (td51 #10) ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        # a postmortem's action items are numbered anew in each: AI-1 is no project's ticket
        ("AI-1 | add alert | @sam | 2025-10-17 | Open", []),
        ("AI-4 add canary for OPS-701", ["OPS-701"]),
        # an e-mail address's local part is no ticket
        ("mail from NOC-24@vendor.com about the outage", []),
        ("reply to <OPS-TEAM-7@example.com>, mailto:PAY-412@tickets.example.com", []),
        ("sent to ops-oncall+OPS-12@example.com", []),
        # ... but a key written before an address, or an '@' handle after a space, still is one
        ("OPS-12 @sam please look; PAY-7: mail sam@example.com", ["OPS-12", "PAY-7"]),
    ],
)
def test_action_item_ids_and_mail_addresses_are_no_tickets(text, expected):
    assert ex.tickets(text) == expected


def test_action_items_of_two_postmortems_are_not_one_ticket():
    head = "| ID | Action | Owner | Due | Status |\n| --- | --- | --- | --- | --- |\n"
    a = parse_log("# Postmortem INC-1 (2025-10-08)\n" + head
                  + "| AI-1 | add alert | @sam | 2025-10-17 | Open |\n", "pm-a.md")
    b = parse_log("# Postmortem INC-2 (2025-10-09)\n" + head
                  + "| AI-1 | write runbook | @kofi | 2025-10-13 | Done |\n", "pm-b.md")
    # (a row naming no ticket takes its document's, as any action item written without an id does)
    assert a.events[["kind", "tickets"]].values.tolist() == [["deadline", ["INC-1"]]]
    assert a.deadlines[["due_at", "tickets"]].values.tolist() == [[ts("2025-10-17"), ["INC-1"]]]
    assert b.events[["kind", "tickets"]].values.tolist() == [["resolved", ["INC-2"]]]


# --- resolutions the words deny (td51 #11, td52 #9) ------------------------------------------

def test_resolution_words_that_say_the_problem_goes_on_are_no_resolution():
    text = (
        "# INC-9 postmortem\n## 2025-10-10\n"
        "- 14:02 UTC alert fired, paged on-call\n"
        "- 14:22 UTC restart fixed nothing, errors continue\n"
        "- 14:25 UTC thought it was fixed, but errors returned\n"
        "- 15:00 UTC DNS resolved to the old IP, still failing\n"
        "- 15:15 UTC alert auto-resolved but issue persists\n"
        "- 15:20 UTC health check passed; INC-9 mitigated\n"
    )
    assert kinds(text) == [
        [3, "escalation", 1, ["INC-9"]], [4, "note", 0, ["INC-9"]], [5, "note", 0, ["INC-9"]],
        [6, "note", 0, ["INC-9"]], [7, "note", 0, ["INC-9"]], [8, "resolved", 0, ["INC-9"]],
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("pool is a fixed 20 connections", ("note", 0)),
        ("restart fixed nothing, will page the DBA next", ("plan", 0)),
        # look-alikes that still resolve
        ("INC-9 resolved; errors returned to baseline", ("resolved", 0)),
        ("INC-9 resolved, errors continue to drop", ("resolved", 0)),
        ("DNS resolved to the new IP; INC-3 resolved", ("resolved", 0)),
        ("thought it was the cache; fixed by purging it", ("resolved", 0)),
        ("deployed a fixed build; INC-5 closed", ("resolved", 0)),
        ("fixed 3 bugs in the retry path", ("resolved", 0)),
    ],
)
def test_words_that_are_no_resolution(text, expected):
    assert kind_of(text) == expected


def test_a_question_is_no_resolution_nor_acknowledgement():
    text = (
        "# Ops log\n\n## 2025-10-09\n\n"
        "Priya Raman  3:06 PM\nis PAY-412 fixed? still seeing 500s\n"
        "Sam Lee  3:08 PM\nhas PAY-413 been acked?\n"
    )
    logs = parse_log(text, "chat.md")
    assert logs.events[["line", "at", "kind", "tickets"]].values.tolist() == [
        [5, ts("2025-10-09 15:06"), "note", ["PAY-412"]], [7, ts("2025-10-09 15:08"), "note", ["PAY-413"]]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("14:05 is INC-9 fixed?", ("note", 0)),
        ("has anyone acked INC-5?", ("note", 0)),
        # answered, or a question beside the resolution
        ("Is it fixed? Yes, at 14:05", ("resolved", 0)),
        ("Is it fixed? | yes", ("resolved", 0)),
        ("is PAY-412 fixed? yes, resolved at 14:05", ("resolved", 0)),
        ("INC-9 was resolved at 14:02 — can you confirm?", ("resolved", 0)),
        ("fixed the bug, is the dashboard updated?", ("resolved", 0)),
        ("INC-5 acked? yes", ("acknowledged", 0)),
        ("Status: resolved (root cause?)", ("resolved", 0)),
    ],
)
def test_questions_and_their_look_alikes(text, expected):
    assert kind_of(text) == expected


# --- reaching a manager or an executive (td51 #12, td52 #10) ---------------------------------

def test_reaching_a_manager_or_an_executive_is_an_escalation():
    text = (
        "# x\n## 2025-10-08\n"
        "- 14:30 UTC looped in @eng-director (INC-1)\n"
        "- 14:31 UTC paged @mgr-oncall (INC-1)\n"
        "- 14:32 UTC pinged @head-of-infra (INC-1)\n"
        "- 14:33 UTC IC engaged VP Eng (@lars) on INC-1\n"
        "- 14:34 UTC informed the CEO (INC-1)\n"
        "- 14:35 UTC escalated to @eng-director (INC-1)\n"
        "- 15:05 PAY-412 cc'ing our VP on the thread\n"
        "- 15:06 PAY-412 cc'ed my manager\n"
        "- 15:07 PAY-412 looping in @eng-director\n"
        "- 15:08 PAY-412 let's hold off on escalating to the VP for now\n"
    )
    assert [k[1:3] for k in kinds(text)] == [
        ["escalation", 3], ["escalation", 2], ["escalation", 3], ["escalation", 3], ["escalation", 3],
        ["escalation", 3], ["escalation", 3], ["escalation", 2], ["escalation", 3], ["note", 0],
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # informed/engaged say who only when the role comes after them
        ("Manager informed us the ETA is Friday", ("note", 0)),
        ("we were informed by the VP that the ETA is Friday", ("note", 0)),
        ("IC engaged", ("note", 0)),
        ("vendor engaged, working on it", ("note", 0)),
        ("informed the team lead", ("note", 0)),
        # an on-call's handle is a page; 'ahead of' and 'head-of-line' name nobody
        ("@oncall-secondary paged", ("follow_up", 1)),
        ("escalated ahead of the deadline", ("escalation", 1)),
        ("pinged infra about head-of-line blocking", ("follow_up", 1)),
        ("Pinged #deploy-ops about the bundle", ("follow_up", 1)),
        ("paged @db-lead", ("escalation", 2)),
        ("hold off on escalating; paged the director anyway", ("escalation", 3)),
    ],
)
def test_reaching_a_role_look_alikes(text, expected):
    assert kind_of(text) == expected


# --- a conditional escalation (td51 #13) -----------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("14:44 UTC escalating to CTO if not mitigated by 15:30 UTC (INC-1)", ("plan", 0)),
        ("14:44 UTC will escalate to CTO if not mitigated by 15:30 UTC (INC-1)", ("plan", 0)),
        ("escalating to CTO unless mitigated by 15:30", ("plan", 0)),
        ("auto-escalates to L2 if not acked in 15m", ("plan", 0)),
        # another step of the item is an escalation done
        ("paged the VP; escalating to CTO if not mitigated", ("escalation", 3)),
        ("escalating to CTO now; will update the channel when we know more", ("escalation", 3)),
    ],
)
def test_an_escalation_made_only_if_something_happens_is_a_plan(text, expected):
    assert kind_of(text) == expected


# --- task boxes and marks (td53 #10, #12, #13, #14) ------------------------------------------

def test_a_cross_mark_that_stamps_a_failure_keeps_the_deadlines():
    text = (
        "# Deploy log\n## 2025-10-09\n"
        "- \u274c 2025-10-09 14:05 OPS-10 smoke tests failed on canary; fix ETA 2025-10-09 18:00\n"
        "- OPS-12 canary \u274c 2025-10-09 \u2014 retry due 2025-10-10\n"
        # Obsidian Tasks' cancelled date: in a task box, or ending the item
        "- [ ] OPS-14 retry \u274c 2025-10-09 due 2025-10-11\n"
        "- OPS-15 drop it \U0001f4c5 2025-10-11 \u274c 2025-10-09\n"
    )
    logs = parse_log(text, "x.md")
    assert [k[:2] for k in logs.events[["kind", "tickets"]].values.tolist()] == [
        ["deadline", ["OPS-10"]], ["deadline", ["OPS-12"]], ["note", ["OPS-14"]], ["note", ["OPS-15"]]]
    assert logs.deadlines[["line", "due_at", "keyword", "tickets"]].values.tolist() == [
        [3, ts("2025-10-09 18:00"), "ETA", ["OPS-10"]], [4, ts("2025-10-10"), "due", ["OPS-12"]]]


def test_a_ticked_escalation_task_is_an_escalation_that_leaves_the_ticket_open():
    text = (
        "# Ops\n## 2025-10-09\n"
        "- 09:00 OPS-1 SSO down for EU tenants, vendor ETA 2025-10-09 12:00\n"
        "- [x] Escalate OPS-1 to VP Eng \u2705 2025-10-09\n"
        "- [x] Page the on-call DBA for OPS-2\n"
        "- [x] Ping vendor about the ETA for OPS-3\n"  # (no escalation: a follow-up made, round 7)
        "- [x] Update status page for OPS-4\n"
    )
    assert kinds(text) == [
        [3, "deadline", 0, ["OPS-1"]], [4, "escalation", 3, ["OPS-1"]], [5, "escalation", 1, ["OPS-2"]],
        [6, "follow_up", 1, ["OPS-3"]], [7, "resolved", 0, ["OPS-4"]],
    ]


def test_a_done_step_of_an_open_task_does_not_resolve_its_ticket():
    text = (
        "# Ops\n## 2025-10-09\n"
        "- [ ] OPS-1500 migrate payments DB to PG16 \U0001f4c5 2025-10-10\n"
        "  - [x] snapshot taken \u2705 2025-10-09\n"
        "  - [ ] cutover\n"
        "  - [x] OPS-1501 replica rebuilt\n"  # (its own ticket: resolved; its parent's goes on)
        "- [x] OPS-1600 rotate certs\n"
        "  - [x] staging done\n"  # (its task is done too)
    )
    assert kinds(text) == [
        [3, "deadline", 0, ["OPS-1500"]], [4, "status", 0, ["OPS-1500"]], [5, "note", 0, ["OPS-1500"]],
        [6, "resolved", 0, ["OPS-1501"]], [6, "note", 0, ["OPS-1500"]], [7, "resolved", 0, ["OPS-1600"]],
        [8, "resolved", 0, ["OPS-1600"]],
    ]


def test_logseq_task_markers_are_task_boxes():
    text = (
        "- [[Oct 9th, 2025]]\n"
        "\t- CANCELED Decommission old LB OPS-205\n"
        "\t  DEADLINE: <2025-10-09 Thu>\n"
        "\t- DONE OPS-206 confirm nothing is still pending on the vendor side\n"
        "\t- TODO OPS-207 migrate the queue\n"
        "\t\t- DONE drain consumers\n"
    )
    logs = parse_log(text, "journal.md")
    assert logs.events[["line", "at", "kind", "tickets"]].values.tolist() == [
        [1, ts("2025-10-09"), "note", []], [2, ts("2025-10-09"), "note", ["OPS-205"]],
        [4, ts("2025-10-09"), "resolved", ["OPS-206"]], [5, ts("2025-10-09"), "plan", ["OPS-207"]],
        [6, ts("2025-10-09"), "status", ["OPS-207"]],
    ]
    assert logs.events["text"].tolist()[1:3] == [  # (the marker is kept: a reader sees it)
        "CANCELED Decommission old LB OPS-205 DEADLINE: <2025-10-09 Thu>",
        "DONE OPS-206 confirm nothing is still pending on the vendor side",
    ]
    assert logs.deadlines.empty  # (a cancelled task promises nothing)
