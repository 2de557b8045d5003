"""Round four of the kind, level and ticket rules, second part: what test-drivers found read wrong
(td50, td55) and what the first part left (a ✅ that stamps a pass)."""

from __future__ import annotations

import pytest
from test_round4_kinds import kind_of, kinds, ts  # (the same helpers as the first part)

from occ_lib import _extract as ex
from occ_lib.logs import parse_log

# --- underscore emphasis around a ticket (td55 #9) -------------------------------------------

def test_a_ticket_in_underscore_emphasis_is_a_ticket():
    text = (
        "# Support\n## 2025-10-08\n"
        "- 10:14 UTC escalated _PAY-114_ to my manager\n"
        "- 10:15 UTC escalated *PAY-115* to my manager\n"
        "- 10:16 UTC escalated __PAY-116__ to my manager\n"
    )
    assert kinds(text) == [
        [3, "escalation", 2, ["PAY-114"]], [4, "escalation", 2, ["PAY-115"]],
        [5, "escalation", 2, ["PAY-116"]],
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("___PAY-1___ and _see OPS-2_.", ["PAY-1", "OPS-2"]),
        ("(_PAY-7_): done", ["PAY-7"]),
        ("_INC0012345_ closed", ["INC0012345"]),
        # underscores that glue a key to a word or a path are no emphasis
        ("env_PAY-114 and PAY-115_v2 and PAY-116__old", []),
        ("logs/_OPS-1_ and snake_case_OPS-3_b and _OPS-12_-x", []),
        ("x_INC0012345 and INC0012346_a", []),
        ("_CVE-2021-44228_ patched", []),
    ],
)
def test_underscore_look_alikes(text, expected):
    assert ex.tickets(text) == expected


# --- "Won't Fix" is a resolution (td55 #10) --------------------------------------------------

def test_a_ticket_closed_as_wont_fix_is_resolved():
    text = (
        "# Support\n## 2025-10-08\n"
        "- 09:13 UTC DB-214 closed as won't fix\n"
        "- 09:15 UTC DB-216 Jira resolution: Won't Fix, ticket closed\n"
        "- 09:16 UTC DB-217 Resolution: Won't Do\n"
        "- 09:18 UTC DB-219 closed, cannot reproduce\n"
    )
    assert kinds(text) == [
        [3, "resolved", 0, ["DB-214"]], [4, "resolved", 0, ["DB-216"]], [5, "resolved", 0, ["DB-217"]],
        [6, "resolved", 0, ["DB-219"]],
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("| OPS-9 | Won't fix | \u26aa |", ("resolved", 0)),
        ("Status: Open \u2192 Won't Fix", ("resolved", 0)),
        ("DB-1 marked won\u2019t fix (by design)", ("resolved", 0)),
        ("DB-3 labelled wontfix", ("resolved", 0)),
        ("vendor won't fix, so PAY-1 closed with a workaround", ("resolved", 0)),
        # what will not be done is no resolution: 'won't' with an object, or not written as a state
        ("we won't fix it before Friday", ("note", 0)),
        ("won't fix this until the vendor patches, ticket stays open", ("note", 0)),
        ("vendor says they won't fix.", ("note", 0)),
        ("DB-2 won't be closed today", ("note", 0)),
        ("closed? no, won't fix until Q4", ("note", 0)),
    ],
)
def test_wont_fix_look_alikes(text, expected):
    assert kind_of(text) == expected


# --- a follow-up still to do is a plan (td55 #11) --------------------------------------------

def test_an_open_task_to_follow_up_is_a_plan_and_answers_no_one():
    text = (
        "# Vendor management\n## 2025-10-09\n"
        "- [ ] 10:00 UTC follow up with Acme on INFRA-80\n"
        "- Action item: follow up with Acme on INFRA-81 (owner: arun)\n"
        "- TODO: chase vendor on INFRA-79\n"
        "- LATER follow up with Acme on INFRA-82\n"
        "- [-] ping Acme on INFRA-83\n"
        # done: a done verb, or no task
        "- [ ] 10:05 UTC pinged Acme on INFRA-84, no reply yet\n"
        "- 10:20 UTC follow up with Acme on INFRA-85\n"
        "- Action item: followed up with Acme on INFRA-86\n"
        # an open task read by the rules above the plan
        "- [ ] follow up with Acme on INFRA-87, blocked on legal\n"
    )
    assert kinds(text) == [
        [3, "plan", 0, ["INFRA-80"]], [4, "plan", 0, ["INFRA-81"]], [5, "plan", 0, ["INFRA-79"]],
        [6, "plan", 0, ["INFRA-82"]], [7, "plan", 0, ["INFRA-83"]], [8, "follow_up", 1, ["INFRA-84"]],
        [9, "follow_up", 1, ["INFRA-85"]], [10, "follow_up", 1, ["INFRA-86"]],
        [11, "blocked", 0, ["INFRA-87"]],
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Action item (arun): follow up with Acme", ("plan", 0)),
        ("Action Item #3 - follow up with Acme", ("plan", 0)),
        ("To-do: follow up with Acme", ("plan", 0)),
        # 'action items' that label nothing
        ("followed up on action items from the postmortem", ("follow_up", 1)),
        ("follow up on action items", ("follow_up", 1)),
        ("11:00 OPS-402 action items posted", ("note", 0)),
    ],
)
def test_action_item_look_alikes(text, expected):
    assert kind_of(text) == expected


# --- management is a manager (td55 #12) ------------------------------------------------------

def test_an_escalation_to_management_is_level_two():
    text = (
        "# Support\n## 2025-10-07\n"
        "- 09:09 UTC escalated PAY-110 to management\n"
        "- 09:15 UTC PAY-116 escalation sent to mgmt\n"
        "- 09:16 UTC escalated PAY-117 to senior management\n"
        "- 09:18 UTC PAY-119 notified upper management\n"
    )
    assert kinds(text) == [
        [3, "escalation", 2, ["PAY-110"]], [4, "escalation", 2, ["PAY-116"]],
        [5, "escalation", 2, ["PAY-117"]], [6, "escalation", 2, ["PAY-119"]],
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("raised with management", ("escalation", 2)),
        ("looped in mgmt", ("escalation", 2)),
        ("escalated to VP and senior management", ("escalation", 3)),
        # a thing named for managing is nobody
        ("escalated to the incident management team", ("escalation", 1)),
        ("escalated via change management", ("escalation", 1)),
        ("escalated to management network team", ("escalation", 1)),
        ("paged via the management console", ("follow_up", 1)),
        ("pinged vendor; moved to management network", ("follow_up", 1)),
        ("management approved the rollback", ("note", 0)),
    ],
)
def test_management_look_alikes(text, expected):
    assert kind_of(text) == expected


# --- spellings (td50 #14, td55) --------------------------------------------------------------

def test_other_spellings_of_acked_and_reoccurred():
    text = (
        "# Support Bangalore\n\n## 2025-10-09\n"
        "- 09:35 PAY-30 ack'ed by vendor NOC\n"
        "- 11:00 PAY-30 resolved after config rollback\n"
        "- 13:20 PAY-30 issue re-occurred, same 502s\n"
        "- 13:40 PAY-31 outage, informed the COO\n"
        "- 14:00 PAY-32 not ack\u2019ed yet\n"
        "- 14:05 PAY-33 has not re-occurred since the fix\n"
    )
    assert kinds(text) == [
        [4, "acknowledged", 0, ["PAY-30"]], [5, "resolved", 0, ["PAY-30"]], [6, "reopened", 0, ["PAY-30"]],
        [7, "escalation", 3, ["PAY-31"]], [8, "note", 0, ["PAY-32"]], [9, "note", 0, ["PAY-33"]],
    ]


# --- a ✅ that stamps a pass (left by round four's first part) -------------------------------

def test_a_check_mark_that_stamps_a_pass_is_read_by_its_words():
    text = (
        "# Deploy log\n## 2025-10-09\n"
        "- \u2705 2025-10-09 14:30 OPS-13 smoke tests passed; full rollout ETA 18:00\n"
        "- **\u2705 2025-10-09T14:35Z** OPS-14 smoke tests passed\n"
        "- \u2705 2025-10-09 14:40 OPS-15 rollout completed\n"
        # Obsidian's done mark: after the task, in a task box, or without a time (a done list)
        "- OPS-16 smoke tests \u2705 2025-10-09\n"
        "- [ ] \u2705 2025-10-09 14:45 OPS-17 smoke tests passed\n"
        "- \u2705 2025-10-20 INC-8 cleanup\n"
        "- \u2705 2025-10-09 14:50 OPS-18 smoke tests passed \u2705 2025-10-09\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.events[["line", "at", "kind", "tickets"]].values.tolist() == [
        [3, ts("2025-10-09 14:30"), "deadline", ["OPS-13"]], [4, ts("2025-10-09 14:35"), "note", ["OPS-14"]],
        [5, ts("2025-10-09 14:40"), "resolved", ["OPS-15"]], [6, ts("2025-10-09"), "resolved", ["OPS-16"]],
        [7, ts("2025-10-09 14:45"), "resolved", ["OPS-17"]], [8, ts("2025-10-20"), "resolved", ["INC-8"]],
        [9, ts("2025-10-09 14:50"), "resolved", ["OPS-18"]],
    ]
    assert logs.deadlines[["line", "due_at", "stated_missed"]].values.tolist() == [
        [3, ts("2025-10-09 18:00"), False]]
