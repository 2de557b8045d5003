"""Ticket groups: an item's kind is about the tickets its clauses say it of, not every ticket it names."""

from __future__ import annotations

import pandas as pd
import pytest

from occ_lib import timeline
from occ_lib._subjects import ticket_groups
from occ_lib.logs import parse_log

HEAD = "# Ops\n## 2025-10-09\n"


def rows(item: str) -> list[list]:
    """[kind, level, tickets] of each event of one item under a dated section."""
    ev = parse_log(HEAD + item + "\n", "x.md").events
    return ev[["kind", "level", "tickets"]].values.tolist()


@pytest.mark.parametrize(
    "item, expected",
    [
        # the ticket an item opens is not resolved with the one it closes
        ("- 10:00 UTC INC-4830 resolved; created OPS-333 for the follow-up cleanup",
         [["resolved", 0, ["INC-4830"]], ["note", 0, ["OPS-333"]]]),
        ("- 00:20 CHG-1300 rollback complete, marked failed; INC-5741 opened.",
         [["resolved", 0, ["CHG-1300"]], ["note", 0, ["INC-5741"]]]),
        # a duplicate's original, a blocker, what a ticket waits on: references, not the subject
        ("- 11:00 OPS-7 closed as duplicate of OPS-1", [["resolved", 0, ["OPS-7"]]]),
        ("- 09:28 DB-229 closed (dup of DB-228)", [["resolved", 0, ["DB-229"]]]),
        ("- WEB-315 auth migration: blocked on SEC-88 (vendor)",
         [["blocked", 0, ["WEB-315"]]]),
        ("- [OPS-1](https://jira.example.com/browse/OPS-1) resolved; see [OPS-2](https://jira.example.com/x)",
         [["resolved", 0, ["OPS-1"]]]),
        ("- 10:00 OPS-9 waiting on ticket #OPS-8 from the vendor",
         [["blocked", 0, ["OPS-9"]]]),
        # each clause says its own
        ("- 10:10 UTC Escalated INC-4831 to manager; INC-4832 still fine",
         [["escalation", 2, ["INC-4831"]], ["note", 0, ["INC-4832"]]]),
        ("- 10:15 UTC INC-4840 fixed, INC-4841 still blocked on vendor",
         [["resolved", 0, ["INC-4840"]], ["blocked", 0, ["INC-4841"]]]),
        ("- 10:20 UTC raised OPS-5 with the VP; OPS-6 resolved meanwhile",
         [["escalation", 3, ["OPS-5"]], ["resolved", 0, ["OPS-6"]]]),
        # an aside that names more than a ticket says nothing of the resolution
        ("- INC-5521 is resolved (rolled back CHG-880 at 3:30 AM). Need a new date for CHG-880.",
         [["resolved", 0, ["INC-5521"]], ["note", 0, ["CHG-880"]]]),
        # lists, elliptical clauses and an item whose kind no clause with a ticket gives: no split
        ("- 10:50 ET REL-91 and REL-92 resolved, rollback done", [["resolved", 0, ["REL-91", "REL-92"]]]),
        ("- INC-1, INC-2 and INC-3 resolved", [["resolved", 0, ["INC-1", "INC-2", "INC-3"]]]),
        ("- Fixed INC-1, INC-2", [["resolved", 0, ["INC-1", "INC-2"]]]),
        ("- Resolved INC-1 (and INC-2)", [["resolved", 0, ["INC-1", "INC-2"]]]),
        ("- 10:05 UTC acked PAY-105, PAY-106 and NET-5",
         [["acknowledged", 0, ["PAY-105", "PAY-106", "NET-5"]]]),
        ("- Escalated INC-1 to the VP, INC-2 to the manager", [["escalation", 3, ["INC-1", "INC-2"]]]),
        ("- INC-1 and INC-2: root cause found; both resolved", [["resolved", 0, ["INC-1", "INC-2"]]]),
        ("- | Q | OPS-17, OPS-18 | Done |", [["resolved", 0, ["OPS-17", "OPS-18"]]]),
        # one ticket, or kinds that tell nothing: as before
        ("- INC-9 resolved; created a follow-up task", [["resolved", 0, ["INC-9"]]]),
        ("- OPS-1 deploy notes; OPS-2 still fine", [["note", 0, ["OPS-1", "OPS-2"]]]),
    ],
)
def test_ticket_groups_split_an_item_by_what_each_clause_says(item: str, expected: list) -> None:
    assert rows(item) == expected


def test_split_events_keep_the_items_time_line_and_text() -> None:
    ev = parse_log(HEAD + "- 10:00 UTC INC-4830 resolved; created OPS-333\n", "x.md").events
    assert ev["line"].tolist() == [3, 3]
    assert ev["at"].tolist() == [pd.Timestamp("2025-10-09 10:00", tz="UTC")] * 2
    assert ev["text"].tolist() == ["10:00 UTC INC-4830 resolved; created OPS-333"] * 2


def test_a_nested_items_inherited_tickets_go_with_its_own_kind() -> None:
    text = HEAD + "- OPS-1 rollout\n  - fixed INC-2; INC-3 still open\n"
    ev = parse_log(text, "x.md").events
    assert ev[["line", "kind", "tickets"]].values.tolist() == [
        [3, "note", ["OPS-1"]], [4, "resolved", ["INC-2", "OPS-1"]], [4, "note", ["INC-3"]],
    ]


def test_a_nested_item_that_opens_with_its_own_ticket_leaves_its_parents_a_note() -> None:
    # (round 12: 'INC-2 fixed' under 'OPS-1 rollout' does not finish the rollout, and a sub-ticket's
    # duplicate or escalation is not its parent's)
    text = HEAD + (
        "- OPS-1 rollout\n  - INC-2 fixed; INC-3 still open\n"
        "- 10:10 REL-42: 3 failures, filed QA-315, QA-316\n"
        "  - QA-315 is a dup of QA-290\n"
        "  - 11:00 UTC **QA-316** escalated to my manager\n"
    )
    ev = parse_log(text, "x.md").events
    assert ev[["line", "kind", "level", "tickets", "refs"]].values.tolist() == [
        [3, "note", 0, ["OPS-1"], []], [4, "resolved", 0, ["INC-2"], []], [4, "note", 0, ["INC-3"], []],
        [4, "note", 0, ["OPS-1"], []],
        [5, "note", 0, ["REL-42", "QA-315", "QA-316"], []],
        [6, "resolved", 0, ["QA-315"], ["QA-290"]], [6, "note", 0, ["REL-42", "QA-316"], ["QA-290"]],
        [7, "escalation", 2, ["QA-316"], []], [7, "note", 0, ["REL-42", "QA-315"], []],
    ]


def test_ticket_groups_function_returns_none_when_nothing_differs() -> None:
    assert ticket_groups("INC-1 resolved", ["INC-1"], "resolved", 0) is None
    assert ticket_groups("INC-1 and INC-2 resolved", ["INC-1", "INC-2"], "resolved", 0) is None
    assert ticket_groups("OPS-7 closed as duplicate of OPS-1", ["OPS-7", "OPS-1"], "resolved", 0) == [
        (["OPS-7"], "resolved", 0), (["OPS-1"], "note", 0),
    ]


def test_the_timeline_leaves_the_opened_ticket_open() -> None:
    logs = parse_log(HEAD + "- 08:00 UTC INC-4830 paged on-call\n"
                     "- 10:00 UTC INC-4830 resolved; created OPS-333 to track the root-cause fix\n", "x.md")
    s = timeline.summary(logs, as_of="2025-10-10T00:00:00Z").set_index("ticket")
    assert s.loc["INC-4830", "status"] == "resolved"
    assert s.loc["OPS-333", "status"] == "open"
    assert s.loc["OPS-333", "open_age"] == pd.Timedelta(hours=14)


def deadline_rows(item: str) -> list[list]:
    """[tickets, due time HH:MM] of each deadline of one item under a dated section."""
    dl = parse_log(HEAD + item + "\n", "x.md").deadlines
    return [[t, d.strftime("%H:%M")] for t, d in zip(dl["tickets"], dl["due_at"], strict=True)]


@pytest.mark.parametrize(
    "item, expected",
    [
        # each deadline is the tickets of its own clause
        ("- 10:00 UTC OPS-1 ETA 17:00 UTC; OPS-2 ETA 18:00 UTC",
         [[["OPS-1"], "17:00"], [["OPS-2"], "18:00"]]),
        ("- 10:05 UTC OPS-3 fix by 15:00 UTC, OPS-4 by 16:00 UTC",
         [[["OPS-3"], "15:00"], [["OPS-4"], "16:00"]]),
        ("- 10:06 UTC OPS-1 resolved; OPS-2 ETA 18:00 UTC", [[["OPS-2"], "18:00"]]),
        ("- [OPS-1](https://j.example/OPS-1) ETA 17:00 UTC; [OPS-2](https://j.example/2) ETA 18:00 UTC",
         [[["OPS-1"], "17:00"], [["OPS-2"], "18:00"]]),
        ("- OPS-9 ETA 17:00 UTC (blocked on OPS-10)", [[["OPS-9"], "17:00"]]),
        # a list of tickets shares its clause's deadline, before or after it
        ("- OPS-1, OPS-2: ETA 18:00 UTC", [[["OPS-1", "OPS-2"], "18:00"]]),
        ("- Vendor ETA 17:00 UTC for OPS-1, OPS-2 and OPS-3", [[["OPS-1", "OPS-2", "OPS-3"], "17:00"]]),
        ("- 10:15 UTC OPS-7 and OPS-8 ETA 20:00 UTC", [[["OPS-7", "OPS-8"], "20:00"]]),
        # a deadline whose clause names no ticket is every ticket's, as before
        # (but not the ticket named only as a blocker: the ETA is its subject's, round 10 F1)
        ("- 10:10 UTC OPS-5 blocked on OPS-6, ETA 19:00 UTC", [[["OPS-5"], "19:00"]]),
        ("- OPS-1 and OPS-2 both slow; fix ETA 18:00 UTC", [[["OPS-1", "OPS-2"], "18:00"]]),
    ],
)
def test_each_deadline_takes_the_tickets_of_its_clause(item: str, expected: list) -> None:
    assert deadline_rows(item) == expected


def test_a_deadline_keeps_the_tickets_an_item_inherits() -> None:
    text = HEAD + "- OPS-100 rollout\n  - parts: OPS-1 ETA 17:00 UTC; OPS-2 ETA 18:00 UTC\n"
    dl = parse_log(text, "x.md").deadlines
    assert dl["tickets"].tolist() == [["OPS-1", "OPS-100"], ["OPS-2", "OPS-100"]]


def test_a_nested_items_own_tickets_deadline_is_not_its_parents() -> None:
    # (round 12: 'QA-316 needs design input; due Thu EOD' under 'REL-42: filed QA-315, QA-316')
    text = HEAD + (
        "- OPS-100 rollout\n  - OPS-1 ETA 17:00 UTC; OPS-2 ETA 18:00 UTC\n"
        "- REL-42: 3 failures, filed QA-315, QA-316\n"
        "  - QA-316 needs design input; due 2025-10-10 12:00 UTC\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.deadlines[["line", "tickets", "due_at"]].values.tolist() == [
        [4, ["OPS-1"], pd.Timestamp("2025-10-09 17:00", tz="UTC")],
        [4, ["OPS-2"], pd.Timestamp("2025-10-09 18:00", tz="UTC")],
        [6, ["QA-316"], pd.Timestamp("2025-10-10 12:00", tz="UTC")],
    ]
    assert logs.events[["line", "kind", "tickets"]].values.tolist() == [
        [3, "note", ["OPS-100"]], [4, "deadline", ["OPS-1", "OPS-2"]], [4, "note", ["OPS-100"]],
        [5, "note", ["REL-42", "QA-315", "QA-316"]], [6, "deadline", ["QA-316"]],
        [6, "note", ["REL-42", "QA-315"]],
    ]


def test_the_sla_table_judges_each_ticket_by_its_own_eta() -> None:
    from occ_lib.policy import Policy
    from occ_lib.sla import misses

    text = HEAD + (
        "- 10:00 UTC OPS-1 ETA 17:00 UTC; OPS-2 ETA 18:00 UTC\n- 17:30 UTC OPS-1 and OPS-2 resolved\n"
    )
    out = misses(parse_log(text, "x.md"), None, Policy(), start="2025-10-06", end="2025-10-13")
    assert out[["subject", "due_at", "status", "overage_min"]].values.tolist() == [
        ["OPS-1", pd.Timestamp("2025-10-09 17:00", tz="UTC"), "missed", 30.0],
        ["OPS-2", pd.Timestamp("2025-10-09 18:00", tz="UTC"), "met", 0.0],
    ]
