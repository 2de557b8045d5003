"""Round 11 (refs): tickets an item only refers to are no tickets of its own.

'OPS-5 fixed (see also OPS-77)' resolves OPS-5 and says nothing of OPS-77: OPS-77 goes to the new
``refs`` column of events (and deadlines), gets no row, no timeline and none of the item's kind; unless
the item has no other ticket (then it is about it).
"""

from __future__ import annotations

import pandas as pd
import pytest

from occ_lib import timeline
from occ_lib._subjects import references
from occ_lib.cli.logs import summary_table
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import unmatched_keys


def rows(text: str) -> list[list]:
    ev = parse_log("## 2025-10-10\n" + text, "ops.md").events
    return [[k, list(t), list(r)] for k, t, r in zip(ev["kind"], ev["tickets"], ev["refs"], strict=True)]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- 09:00 OPS-5 fixed (see also OPS-77)", [["resolved", ["OPS-5"], ["OPS-77"]]]),
        ("- 09:10 OPS-6 dup of OPS-2, closed", [["resolved", ["OPS-6"], ["OPS-2"]]]),
        ("- 09:20 OPS-8 restarted, cf. INFRA-12", [["note", ["OPS-8"], ["INFRA-12"]]]),
        ("- 09:30 OPS-9 not related to OPS-10", [["note", ["OPS-9"], ["OPS-10"]]]),
        ("- 09:30 OPS-9 unrelated to OPS-10", [["note", ["OPS-9"], ["OPS-10"]]]),
        ("- 09:50 OPS-13 resolved, related: OPS-14", [["resolved", ["OPS-13"], ["OPS-14"]]]),
        ("- OPS-20 resolved; see OPS-21 and OPS-22", [["resolved", ["OPS-20"], ["OPS-21", "OPS-22"]]]),
        ("- OPS-7 closed as duplicate of OPS-1", [["resolved", ["OPS-7"], ["OPS-1"]]]),
        ("- OPS-301 dup of OPS-1", [["resolved", ["OPS-301"], ["OPS-1"]]]),
        ("- WEB-315 blocked on SEC-88", [["blocked", ["WEB-315"], ["SEC-88"]]]),
    ],
)
def test_a_ticket_only_referred_to_is_in_refs_not_tickets(item: str, expected: list):
    assert rows(item + "\n") == expected


def test_a_nested_related_label_is_its_parents_item():
    text = "- 09:40 OPS-11 escalated to the manager\n  - related: OPS-12\n"
    assert rows(text) == [["escalation", ["OPS-11"], []], ["note", ["OPS-11"], ["OPS-12"]]]


def test_children_do_not_inherit_a_reference():
    text = "- 09:00 OPS-5 fixed (see also OPS-77)\n  - 09:05 verified in prod\n"
    assert rows(text) == [["resolved", ["OPS-5"], ["OPS-77"]], ["status", ["OPS-5"], []]]


def test_a_heading_ticket_beats_a_reference():
    text = "### PAY-412 rollback\n- 10:00 rolled back, see PAY-400\n"
    ev = parse_log("## 2025-10-10\n" + text, "ops.md").events
    assert [list(ev["tickets"][0]), list(ev["refs"][0])] == [["PAY-412"], ["PAY-400"]]


def test_near_misses_keep_their_tickets():
    # the only ticket of the item: it is about it
    assert rows("- see OPS-77\n") == [["note", ["OPS-77"], []]]
    assert rows("- blocked on DEPLOY-9\n") == [["blocked", ["DEPLOY-9"], []]]
    # written as a subject elsewhere in the item: a ticket of its own
    assert rows("- OPS-6 dup of OPS-2; OPS-2 stays open\n") == [["resolved", ["OPS-6"], []],
                                                              ["note", ["OPS-2"], []]]
    # no reference word: both the item's
    assert rows("- OPS-30 and OPS-31 resolved\n") == [["resolved", ["OPS-30", "OPS-31"], []]]
    # 'looks like' is a guess, not a pointer
    assert references("OPS-1 looks like OPS-2", ["OPS-1", "OPS-2"]) == []


def test_references_in_order_of_mention():
    assert references("OPS-5 fixed (see also OPS-78, OPS-77)", ["OPS-5", "OPS-77", "OPS-78"]) == [
        "OPS-78", "OPS-77"]
    assert references("OPS-5 has the history; OPS-6 resolved", ["OPS-5", "OPS-6"]) == ["OPS-5"]
    assert references("[OPS-2](https://x/OPS-2) related to OPS-3", ["OPS-2", "OPS-3"]) == ["OPS-3"]


LOG = """## 2025-10-10
- 09:00 OPS-5 fixed (see also OPS-77)
- 09:10 OPS-6 dup of OPS-2, closed
- 09:20 OPS-8 restarted, cf. INFRA-12
- 09:30 OPS-9 not related to OPS-10
- 09:40 OPS-11 escalated to the manager
  - related: OPS-12
"""


def test_the_summary_has_no_row_for_a_reference():
    out = timeline.summary(parse_log(LOG, "ops.md"), as_of="2025-10-11 00:00")
    assert out[["ticket", "status"]].values.tolist() == [
        ["OPS-5", "resolved"], ["OPS-6", "resolved"], ["OPS-8", "open"], ["OPS-9", "open"],
        ["OPS-11", "open"]]


def test_a_deadline_is_not_its_references():
    dl = parse_log("## 2025-10-10\n- 09:00 OPS-5 ETA 17:00 UTC, see OPS-77\n", "ops.md").deadlines
    assert [list(dl["tickets"][0]), list(dl["refs"][0])] == [["OPS-5"], ["OPS-77"]]
    dl = parse_log("## 2025-10-10\n- OPS-9 missed the deadline, cf. OPS-4\n", "ops.md").deadlines
    assert dl[["keyword", "stated_missed"]].values.tolist() == [["missed", True]]
    assert [list(dl["tickets"][0]), list(dl["refs"][0])] == [["OPS-9"], ["OPS-4"]]


def test_references_count_as_seen():
    logs = parse_log(LOG, "ops.md")
    assert unmatched_keys(Policy(tickets={"INFRA": {"resolution": "4h"}}), logs) == []
    assert summary_table(logs)["tickets"].tolist() == [10, 10]


def test_refs_column_is_a_list_everywhere():
    ev = parse_log(LOG, "ops.md").events
    assert all(isinstance(v, list) for v in ev["refs"])
    assert pd.Series([len(v) for v in ev["refs"]]).tolist() == [1, 1, 1, 1, 0, 1]


def test_near_misses_of_related_move_and_relative_clause():
    # 'related' names a reference as a label only
    assert rows("- Related OPS-5 and OPS-6 both resolved\n") == [["resolved", ["OPS-5", "OPS-6"], []]]
    assert rows("- OPS-15 resolved. Related tickets: OPS-16, OPS-17\n") == [
        ["resolved", ["OPS-15"], ["OPS-16", "OPS-17"]]]
    # a move's new key is the ticket itself, going on
    assert rows("- 11:30 moved OPS-103 to INFRA-9\n") == [
        ["resolved", ["OPS-103"], []], ["note", ["INFRA-9"], []]]
    # a relative clause tells of the ticket pointed at
    assert rows("- OPS-909 closed as duplicate of OPS-910, which remains open\n") == [
        ["resolved", ["OPS-909"], []], ["note", ["OPS-910"], []]]


def test_a_reference_gets_no_escalation_or_resolution_in_the_summary():
    logs = parse_log("## 2025-10-10\n- 08:00 OPS-77 opened\n- 09:00 OPS-5 fixed (see also OPS-77)\n"
                     "- 10:00 OPS-6 escalated to the VP, cf. OPS-77\n", "ops.md")
    s = timeline.summary(logs, as_of="2025-10-11 00:00").set_index("ticket")
    assert s.loc["OPS-77", ["first_seen", "status", "max_level", "escalations"]].tolist() == [
        pd.Timestamp("2025-10-10 08:00", tz="UTC"), "open", 0, 0]
