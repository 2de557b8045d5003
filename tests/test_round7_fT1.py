"""Round 7 (fT1), an item's kind and level through complicated escalation threads (td67 findings 1, 6, 7, 8,
10, 12): a reopening written in other words ('not actually resolved', "fix didn't hold", 'back to open',
'issue is back', 'happening again', 'resolution reverted') is a reopening, and 'marked resolved by mistake'
no resolution; a change of state is read in its direction (Jira's history row '| Reopened | Done |',
'changed from Reopened to Resolved', 'Reopened → In Progress → Closed'); a cancelled or withdrawn
escalation is none; an escalation closed out while the ticket goes on is no resolution; steps joined by
arrows are steps, as with commas; a 'follow-up ticket' or 'follow-up work' is no follow-up ping. Each
with the near misses that must not change."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from occ_lib import _extract as ex
from occ_lib.logs import parse_log, read_logs
from occ_lib.policy import Policy
from occ_lib.sla import misses
from occ_lib.timeline import summary

HEAD = "# Ops log (UTC)\n\n## 2025-10-22\n"


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _rows(items: str, head: str = HEAD) -> list[list]:
    ev = parse_log(head + items, "x.md").events
    return ev[["line", "at", "kind", "level", "tickets"]].values.tolist()


def _kind(item: str) -> list:
    """(kind, level) of a one-line item under a UTC day."""
    ev = parse_log(HEAD + item + "\n", "x.md").events
    return ev[["kind", "level"]].values.tolist()


def _summary(items: str, as_of: str, tickets: list[str], head: str = HEAD) -> list[list]:
    out = summary(parse_log(head + items, "x.md"), as_of=as_of).set_index("ticket")
    cols = ["status", "resolved_at", "time_to_resolve", "first_escalation", "max_level", "escalations",
            "first_follow_up", "follow_ups"]
    return out.loc[tickets, cols].values.tolist()


# --- finding 1: reopenings in other words ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- 08:40 OPS-201 not actually resolved: 502s back in eu-west", [["reopened", 0]]),
        ("- 08:41 OPS-202: fix didn't hold, errors are back", [["reopened", 0]]),
        ("- 08:42 OPS-203 was marked resolved by mistake, moving back to In Progress", [["reopened", 0]]),
        ("- 12:07 OPS-308 issue is back after the fix", [["reopened", 0]]),
        ("- 12:10 OPS-311 resolution reverted", [["reopened", 0]]),
        ("- 12:19 OPS-320 back to open: alerts firing again", [["reopened", 0]]),
        ("- 12:20 OPS-321 happening again in us-east", [["reopened", 0]]),
        ("- 12:21 OPS-322 wasn't really fixed, same timeouts", [["reopened", 0]]),
        ("- 12:22 OPS-323 the patch did not stick", [["reopened", 0]]),
        ("- 12:23 OPS-324 closed in error", [["reopened", 0]]),
        ("- 12:24 OPS-325 mistakenly closed by the bot", [["reopened", 0]]),
        ("- 12:25 OPS-326 errors are back in eu-west", [["reopened", 0]]),
        # near misses: a resolution said plainly, good news, a ping again, other 'back' and 'again'
        ("- 12:30 OPS-330 actually resolved now", [["resolved", 0]]),
        ("- 12:31 OPS-331 the fix held overnight, resolved", [["resolved", 0]]),
        ("- 12:32 OPS-332 rolled back the deploy, resolved", [["resolved", 0]]),
        ("- 12:33 OPS-333 errors are back to baseline", [["note", 0]]),
        ("- 12:34 OPS-334 errors back to baseline, resolved", [["resolved", 0]]),
        ("- 12:35 OPS-335 pinged the vendor again", [["follow_up", 1]]),
        ("- 12:36 OPS-336 resolved; error rate back down", [["resolved", 0]]),
        ("- 12:37 OPS-337 not actually a problem", [["note", 0]]),
        ("- 12:38 OPS-338 on hold until the vendor replies", [["blocked", 0]]),
        ("- 12:39 OPS-339 in error state, investigating", [["note", 0]]),
        ("- 12:40 OPS-340 resolved by mistake-proofing the config", [["resolved", 0]]),
        ("- 12:41 OPS-341 latency back to normal", [["note", 0]]),
        ("- 12:42 OPS-342 reverted the bad deploy, resolved", [["resolved", 0]]),
    ],
)
def test_a_reopening_in_other_words_is_a_reopening(item: str, expected: list) -> None:
    assert _kind(item) == expected


SF = """---
tz: America/Los_Angeles
---
# Payments on-call (Pacific)

## Tue 2025-10-21
- 06:50 PAY-410 opened: card auth timeouts in ap-south
- 07:05 acked PAY-410
- 09:00 PAY-410 escalated to eng manager
- 13:00 PAY-410 resolved - retry budget raised

## Wed 2025-10-22
- 10:00 PAY-410 fixed for good: gateway pool resized, soak clean
"""
BLR = """# Payments Bangalore log

All times IST.

## 2025-10-22
- 09:15 PAY-410 not actually resolved, timeouts back in ap-south
- 10:00 escalated PAY-410 to VP Payments
"""


def test_not_actually_resolved_reopens_the_ticket_across_teams(tmp_path: Path) -> None:
    (tmp_path / "payments-sf.md").write_text(SF, encoding="utf-8")
    (tmp_path / "payments-blr.md").write_text(BLR, encoding="utf-8")
    logs = read_logs([str(tmp_path / "payments-sf.md"), str(tmp_path / "payments-blr.md")])
    ev = logs.events.sort_values("at")
    assert ev[["at", "kind", "level"]].values.tolist() == [
        [ts("2025-10-21 13:50"), "note", 0],
        [ts("2025-10-21 14:05"), "acknowledged", 0],
        [ts("2025-10-21 16:00"), "escalation", 2],
        [ts("2025-10-21 20:00"), "resolved", 0],
        [ts("2025-10-22 03:45"), "reopened", 0],
        [ts("2025-10-22 04:30"), "escalation", 3],
        [ts("2025-10-22 17:00"), "resolved", 0],
    ]
    row = summary(logs, as_of="2025-10-24T00:00Z").set_index("ticket").loc["PAY-410"]
    assert [row["status"], row["resolved_at"], row["time_to_resolve"].total_seconds()] == [
        "resolved", ts("2025-10-22 17:00"), 97800.0,
    ]
    policy = Policy.model_validate(
        {"tz": "America/New_York", "tickets": {"PAY": {"first_response": "30m", "resolution": "1d"}}}
    )
    sla = misses(logs, None, policy, start=ts("2025-10-20"), end=ts("2025-10-27"), as_of=ts("2025-10-24"))
    res = sla[sla["kind"].eq("resolution")]
    assert res[["subject", "due_at", "resolved_at", "status", "overage_min"]].values.tolist() == [
        ["PAY-410", ts("2025-10-22 13:50"), ts("2025-10-22 17:00"), "missed", 190.0],
    ]


def test_marked_resolved_by_mistake_is_no_resolution() -> None:
    items = (
        "- 08:00 OPS-203 resolved\n"
        "- 08:42 OPS-203 was marked resolved by mistake, moving back to In Progress\n"
    )
    assert _summary(items, "2025-10-23T00:00Z", ["OPS-203"])[0][:3] == ["open", pd.NaT, pd.NaT]


# --- finding 6: a change of state read in its direction ----------------------------------------------------

JIRA = """# OPS-601 Jira history (times UTC)

| When | Issue | Field | From | To |
| --- | --- | --- | --- | --- |
| 2025-10-21 19:00 | OPS-601 | Status | In Progress | Resolved |
| 2025-10-22 12:40 | OPS-601 | Status | Resolved | Reopened |
| 2025-10-22 13:10 | OPS-601 | Priority | P2 | P1 |
| 2025-10-23 08:05 | OPS-601 | Status | Reopened | Done |

## 2025-10-24
- 09:00 Status: Reopened → Closed (OPS-602)
- 09:01 OPS-603 status changed from Reopened to Resolved
- 09:02 OPS-604 moved from Reopened to Done
- 09:03 OPS-605: Reopened -> In Progress
- 09:04 OPS-606 status changed from Resolved to Reopened
- 09:05 OPS-607 Status: Reopened → In Progress → Closed
- 09:06 OPS-608 moved from Done back to In Progress
- 09:07 OPS-609 restored from backup to the primary
"""


def test_a_change_history_is_read_in_its_direction() -> None:
    logs = parse_log(JIRA, "jira.md")
    assert logs.events[["line", "at", "kind", "tickets"]].values.tolist() == [
        [5, ts("2025-10-21 19:00"), "resolved", ["OPS-601"]],
        [6, ts("2025-10-22 12:40"), "reopened", ["OPS-601"]],
        [7, ts("2025-10-22 13:10"), "note", ["OPS-601"]],
        [8, ts("2025-10-23 08:05"), "resolved", ["OPS-601"]],
        [11, ts("2025-10-24 09:00"), "resolved", ["OPS-602"]],
        [12, ts("2025-10-24 09:01"), "resolved", ["OPS-603"]],
        [13, ts("2025-10-24 09:02"), "resolved", ["OPS-604"]],
        [14, ts("2025-10-24 09:03"), "status", ["OPS-605"]],
        [15, ts("2025-10-24 09:04"), "reopened", ["OPS-606"]],
        [16, ts("2025-10-24 09:05"), "resolved", ["OPS-607"]],
        [17, ts("2025-10-24 09:06"), "reopened", ["OPS-608"]],
        [18, ts("2025-10-24 09:07"), "resolved", ["OPS-609"]],
    ]
    row = summary(logs, as_of="2025-10-25T00:00Z").set_index("ticket").loc["OPS-601"]
    assert [row["status"], row["resolved_at"], row["time_to_resolve"].total_seconds()] == [
        "resolved", ts("2025-10-23 08:05"), 133500.0,
    ]


def test_only_a_from_and_to_pair_of_columns_is_a_change_history() -> None:
    # (no 'To' column: the row's words as written; 'From'/'To' of people: the sender is no state)
    tables = (
        "| When | Issue | From | Note |\n| --- | --- | --- | --- |\n"
        "| 2025-10-22 09:00 | OPS-610 | Reopened | Done |\n\n"
        "| When | From | To | Message |\n| --- | --- | --- | --- |\n"
        "| 2025-10-22 09:10 | VP Eng | on-call | OPS-611 escalated to the VP |\n"
    )
    assert _rows(tables, "# Chat\n\n") == [
        [5, ts("2025-10-22 09:00"), "reopened", 0, ["OPS-610"]],
        [9, ts("2025-10-22 09:10"), "escalation", 3, ["OPS-611"]],
    ]


# --- finding 7: a cancelled or withdrawn escalation is none ------------------------------------------------

@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- 12:05 OPS-306 escalation to the VP cancelled", [["note", 0]]),
        ("- 12:06 called off the CTO escalation for OPS-307", [["note", 0]]),
        ("- 09:00 OPS-221 escalation to the VP withdrawn", [["note", 0]]),
        ("- 11:00 PAY-410 escalation to the CTO cancelled, VP has it", [["note", 0]]),
        ("- 11:01 OPS-222 the director escalation was rescinded", [["note", 0]]),
        ("- 11:02 OPS-223 escalation to the director withdrawn after the fix; resolved", [["resolved", 0]]),
        # near misses: something else cancelled, or another escalation made
        ("- 11:10 escalated OPS-230 to VP because the vendor cancelled the maintenance", [["escalation", 3]]),
        ("- 11:11 OPS-231 escalation to the VP; maintenance cancelled", [["escalation", 3]]),
        ("- 11:12 cancelled the maintenance, escalated OPS-232 to the VP", [["escalation", 3]]),
        ("- 11:13 called off the CTO escalation for OPS-233, escalated to the VP", [["escalation", 3]]),
        ("- 11:14 OPS-234 escalation to the manager stands; director escalation dropped",
         [["escalation", 2]]),
        ("- 11:15 let's hold off on escalating OPS-235 to the VP", [["note", 0]]),
    ],
)
def test_a_called_off_escalation_is_none(item: str, expected: list) -> None:
    assert _kind(item) == expected


def test_a_withdrawn_escalation_leaves_no_first_escalation() -> None:
    items = (
        "- 08:00 OPS-221 opened\n"
        "- 09:00 OPS-221 escalation to the VP withdrawn\n"
        "- 09:30 OPS-221 escalated to the manager\n"
        "- 10:00 OPS-221 escalation to the CTO cancelled, VP has it\n"
    )
    assert _summary(items, "2025-10-23T00:00Z", ["OPS-221"]) == [
        ["open", pd.NaT, pd.NaT, ts("2025-10-22 09:30"), 2, 1, pd.NaT, 0],
    ]


# --- finding 8: a de-escalation is no resolution -----------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- 10:01 VP escalation closed out for OPS-804; manager keeps it", [["note", 0]]),
        ("- 10:02 closed out the VP escalation on OPS-805, back with the team", [["note", 0]]),
        ("- 10:03 OPS-806 exec escalation ended, team owns it", [["note", 0]]),
        # near misses: the ticket's own resolution, an escalation ticket, 'escalation resolved'
        ("- 10:10 OPS-810 escalation closed: ticket resolved", [["resolved", 0]]),
        ("- 10:11 closed the escalation ticket OPS-811", [["resolved", 0]]),
        ("- 10:12 OPS-812 escalation resolved: the VP signed off on the rollback", [["resolved", 0]]),
        ("- 10:13 OPS-813 de-escalated from VP to manager", [["note", 0]]),
    ],
)
def test_a_de_escalation_is_no_resolution(item: str, expected: list) -> None:
    assert _kind(item) == expected


def test_a_closed_out_escalation_leaves_the_ticket_open() -> None:
    items = (
        "- 08:00 OPS-804 escalated to the VP\n"
        "- 10:01 VP escalation closed out for OPS-804; manager keeps it\n"
    )
    assert _summary(items, "2025-10-23T00:00Z", ["OPS-804"]) == [
        ["open", pd.NaT, pd.NaT, ts("2025-10-22 08:00"), 3, 1, pd.NaT, 0],
    ]


# --- finding 10: steps joined by arrows ---------------------------------------------------------------------

def test_steps_joined_by_arrows_are_steps() -> None:
    items = (
        "- OPS-704: resolved 08:51 → reopened 09:30 → resolved 11:10\n"
        "- OPS-706: triaged 08:00 -> fixed 08:40 -> reopened 09:00\n"
        "- 08:51 OPS-705 resolved 08:51, reopened 09:30, resolved again 11:10\n"
    )
    assert _rows(items) == [
        [4, ts("2025-10-22 08:51"), "resolved", 0, ["OPS-704"]],
        [4, ts("2025-10-22 09:30"), "reopened", 0, ["OPS-704"]],
        [4, ts("2025-10-22 11:10"), "resolved", 0, ["OPS-704"]],
        [5, ts("2025-10-22 08:00"), "note", 0, ["OPS-706"]],
        [5, ts("2025-10-22 08:40"), "resolved", 0, ["OPS-706"]],
        [5, ts("2025-10-22 09:00"), "reopened", 0, ["OPS-706"]],
        [6, ts("2025-10-22 08:51"), "resolved", 0, ["OPS-705"]],
        [6, ts("2025-10-22 09:30"), "reopened", 0, ["OPS-705"]],
        [6, ts("2025-10-22 11:10"), "resolved", 0, ["OPS-705"]],
    ]
    got = _summary(items, "2025-10-23T00:00Z", ["OPS-704", "OPS-706"])
    assert [r[:3] for r in got] == [
        ["resolved", ts("2025-10-22 11:10"), pd.Timedelta(seconds=8340)],
        ["open", pd.NaT, pd.NaT],
    ]


def test_an_arrow_without_steps_is_still_one_transition() -> None:
    items = (
        "- 09:00 Status: Reopened → Closed (OPS-602)\n"
        "- 09:03 OPS-605: Reopened -> In Progress\n"
        "- 09:04 OPS-607: resolved → reopened → in progress\n"
        "- 09:05 paged on-call -> no answer -> escalated OPS-608 to the manager\n"
        "- ETA 10/8 → 10/10 for OPS-609\n"
    )
    assert _rows(items) == [
        [4, ts("2025-10-22 09:00"), "resolved", 0, ["OPS-602"]],
        [5, ts("2025-10-22 09:03"), "status", 0, ["OPS-605"]],
        [6, ts("2025-10-22 09:04"), "status", 0, ["OPS-607"]],
        [7, ts("2025-10-22 09:05"), "escalation", 2, ["OPS-608"]],
        [8, ts("2025-10-22"), "deadline", 0, ["OPS-609"]],
    ]


# --- finding 12: a follow-up ticket is no follow-up ping --------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12:11 follow-up ticket OPS-312 filed for the postmortem actions", ("note", 0)),
        ("12:12 postmortem follow-ups tracked in OPS-313", ("note", 0)),
        ("follow-up OPS-906 remains open", ("note", 0)),
        ("Follow-up work in OPS-230", ("plan", 0)),
        ("follow-up tasks logged in OPS-231", ("plan", 0)),
        # near misses: a ping made, with or without a ticket
        ("follow-up ping to the vendor about OPS-1", ("follow_up", 1)),
        ("followed up with the vendor on OPS-1", ("follow_up", 1)),
        ("follow-up OPS-5 with the vendor, no reply", ("follow_up", 1)),
        ("follow-up sent for OPS-5", ("follow_up", 1)),
        ("follow-up on OPS-5 sent to the vendor", ("follow_up", 1)),
        ("follow-up ticket OPS-312 filed; pinged the vendor", ("follow_up", 1)),
        ("raised a follow-up with support", ("follow_up", 1)),
    ],
)
def test_a_follow_up_ticket_is_no_ping(text: str, expected: tuple) -> None:
    assert ex.classify(text, ex.keywords(text), False) == expected


def test_a_follow_up_ticket_gives_no_response_nor_level() -> None:
    items = (
        "- 12:11 follow-up ticket OPS-312 filed for the postmortem actions\n"
        "- 12:12 postmortem follow-ups tracked in OPS-313\n"
        "- 09:06 OPS-229 closed; fix verified. Follow-up work in OPS-230\n"
    )
    assert _rows(items) == [
        [4, ts("2025-10-22 12:11"), "note", 0, ["OPS-312"]],
        [5, ts("2025-10-22 12:12"), "note", 0, ["OPS-313"]],
        [6, ts("2025-10-22 09:06"), "resolved", 0, ["OPS-229"]],
        [6, ts("2025-10-22 09:06"), "plan", 0, ["OPS-230"]],
    ]
    got = _summary(items, "2025-10-23T00:00Z", ["OPS-230", "OPS-312", "OPS-313"])
    assert [[r[0], r[4], r[6], r[7]] for r in got] == [
        ["open", 0, pd.NaT, 0], ["open", 0, pd.NaT, 0], ["open", 0, pd.NaT, 0],
    ]
