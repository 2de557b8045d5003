"""Round 8 (fX), kinds, levels and tickets in terse on-call logs (td72 findings F2, F2b, F3, F4, F5, F12,
F13, F14, F15, F17, F18, F20, F21): an arrow after an action verb is "to"/"then", not a change of state
('escalated -> dir', 'escalated to mgr -> she ok'd failover', 'paged -> no answer'); 'esc'd', 'esc'ed',
'escd' and 'esc to <role>' escalate; 'dir', 'Dir Eng', 'eng dir', 'dir of eng' (as whom an item reaches)
are directors, 'teamlead' and 'TL' team leads; 'ops-885' is OPS-885 where the document writes OPS-885; a
negation in a clause before the resolution does not veto it; 'paged by alert' and 'got paged' are how an
incident starts; 'opened for follow ups' is no ping; 'PAY-891/892/893' lists three keys; a trailing ✅
on a ticket's line that says nothing else resolves it; 're-paged' is a follow-up; 'triage done' with a
deadline for the fix does not resolve. Each with the near misses that must not change."""

from __future__ import annotations

import pandas as pd
import pytest

from occ_lib import _extract as ex
from occ_lib.logs import parse_log
from occ_lib.timeline import summary

HEAD = "# Ops log (UTC)\n\n## 2025-10-08\n"


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _kind(item: str) -> list:
    """[[kind, level, tickets], ...] of a one-line item under a UTC day."""
    ev = parse_log(HEAD + "- " + item + "\n", "x.md").events
    return ev[["kind", "level", "tickets"]].values.tolist()


# --- F2 / F2b: an arrow after an action verb -----------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("03:20 escalated -> dir (marco) since its payouts", [["escalation", 3, []]]),
        ("03:20 OPS-1 escalated -> director", [["escalation", 3, ["OPS-1"]]]),
        ("03:20 OPS-1 escalated \u2192 VP eng", [["escalation", 3, ["OPS-1"]]]),
        ("03:10 escalated to mgr -> she ok'd failover", [["escalation", 2, []]]),
        ("03:10 OPS-1 paged -> no answer", [["follow_up", 1, ["OPS-1"]]]),
        ("pinged vendor -> no reply on OPS-2", [["follow_up", 1, ["OPS-2"]]]),
        # near misses: a change of state a tracker writes stays one
        ("09:00 Status: Reopened \u2192 Closed (OPS-602)", [["resolved", 0, ["OPS-602"]]]),
        ("09:03 OPS-605: Reopened -> In Progress", [["status", 0, ["OPS-605"]]]),
        ("09:04 OPS-607: resolved \u2192 reopened \u2192 in progress", [["status", 0, ["OPS-607"]]]),
        ("Status: Escalated \u2192 Closed (OPS-9)", [["resolved", 0, ["OPS-9"]]]),
        ("OPS-9 escalated -> resolved", [["resolved", 0, ["OPS-9"]]]),
        ("09:05 paged on-call -> no answer -> escalated OPS-608 to the manager",
         [["escalation", 2, ["OPS-608"]]]),
        ("no reply -> escalated to the director", [["escalation", 3, []]]),
    ],
)
def test_an_arrow_after_an_action_verb_is_to_or_then(item: str, expected: list) -> None:
    assert _kind(item) == expected


def test_kind_text_keeps_a_step_and_drops_a_state() -> None:
    assert ex.kind_text("escalated -> dir") == "escalated -> dir"
    assert ex.kind_text("Status: Escalated \u2192 Closed") == "Status:  Closed"
    assert ex.kind_text("OPS-305 \u2192 duplicate of OPS-1") == " OPS-305  duplicate of OPS-1"


# --- F3 / F21: esc'd, esc'ed, escd, esc to -------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("14:20 OPS-885 esc'd to mgr (priya) b/c merchant complaints", [["escalation", 2, ["OPS-885"]]]),
        ("22:00 esc'd to mgr, need db access", [["escalation", 2, []]]),
        ("esc\u2019d OPS-3 to the VP", [["escalation", 3, ["OPS-3"]]]),
        ("esc'ed to mgr", [["escalation", 2, []]]),
        ("escd to mgr", [["escalation", 2, []]]),
        ("esc to mgr", [["escalation", 2, []]]),
        ("esc -> VP eng for OPS-4", [["escalation", 3, ["OPS-4"]]]),
        ("OPS-5 esc'd", [["escalation", 1, ["OPS-5"]]]),
        # near misses: the key, and 'esc' before no role
        ("press esc to close the dialog", [["note", 0, []]]),
        ("hit esc to exit vim on OPS-6", [["note", 0, ["OPS-6"]]]),
        ("escape key broken", [["note", 0, []]]),
    ],
)
def test_esc_shorthands_escalate(item: str, expected: list) -> None:
    assert _kind(item) == expected


# --- F4 / F12 / F21: dir, teamlead, TL -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("escalated to dir", [["escalation", 3, []]]),
        ("looped in Dir Eng", [["escalation", 3, []]]),
        ("looped in eng dir", [["escalation", 3, []]]),
        ("mgr looped in dir of eng (sara)", [["escalation", 3, []]]),
        ("esc to dir", [["escalation", 3, []]]),
        ("escalated OPS-7 to dir of eng", [["escalation", 3, ["OPS-7"]]]),
        ("09:40 escalated DATA-304 to teamlead (Stefan) b/c orders are late",
         [["escalation", 2, ["DATA-304"]]]),
        ("escalated to TL", [["escalation", 2, []]]),
        ("looped in the TL on OPS-8", [["escalation", 2, ["OPS-8"]]]),
        # near misses: a folder, a 'dir' nobody reached, TL;DR, an escalation to no role
        ("mkdir dir", [["note", 0, []]]),
        ("the dir /var/log is full on OPS-9", [["note", 0, ["OPS-9"]]]),
        ("escalated OPS-10 to mgr, logs copied to dir /tmp/x", [["escalation", 2, ["OPS-10"]]]),
        ("pulled logs in dir /var/log", [["note", 0, []]]),
        ("TL;DR escalated OPS-11", [["escalation", 1, ["OPS-11"]]]),
        ("escalated to team lead", [["escalation", 2, []]]),
        ("escalated to director", [["escalation", 3, []]]),
    ],
)
def test_short_role_words_give_the_level(item: str, expected: list) -> None:
    assert _kind(item) == expected


# --- F5: a key in lower or mixed case the document writes in upper case --------------------------------

DOC = """---
tz: America/New_York
---
# Payments

## 2025-10-07
- ~14:00 ops-885 card tokenization latency p95 1.4s
- 14:20 Ops-885 esc'd to mgr (priya) b/c merchant complaints
- 14:30 OPS-885 investigating, see logs/ops-885.log
- 15:00 utf-8 issue, sha-256 mismatch, gpt-4 and x-86 on pay-1
- 18:45 ops-885 fixed, cache ttl bumped
"""


def test_a_lower_case_key_is_the_documents_key() -> None:
    ev = parse_log(DOC, "p.md").events
    assert ev[["line", "at", "kind", "level", "tickets", "artifacts"]].values.tolist() == [
        [7, ts("2025-10-07 18:00"), "note", 0, ["OPS-885"], []],
        [8, ts("2025-10-07 18:20"), "escalation", 2, ["OPS-885"], []],
        [9, ts("2025-10-07 18:30"), "note", 0, ["OPS-885"], ["logs/ops-885.log"]],
        [10, ts("2025-10-07 19:00"), "note", 0, [], []],
        [11, ts("2025-10-07 22:45"), "resolved", 0, ["OPS-885"], []],
    ]
    # (the text stays as written)
    assert ev["text"].tolist()[0] == "~14:00 ops-885 card tokenization latency p95 1.4s"
    row = summary(parse_log(DOC, "p.md"), as_of="2025-10-11T00:00Z").set_index("ticket").loc["OPS-885"]
    assert [row["first_seen"], row["max_level"], row["escalations"], row["resolved_at"], row["status"]] == [
        ts("2025-10-07 18:00"), 2, 1, ts("2025-10-07 22:45"), "resolved",
    ]


def test_a_lower_case_key_alone_is_no_key() -> None:
    doc = DOC.replace("- 14:30 OPS-885 investigating, see logs/ops-885.log\n", "")
    assert parse_log(doc, "p.md").events["tickets"].tolist() == [[], [], [], []]


def test_known_case_upper_cases_only_known_keys() -> None:
    texts = ["ops-885 and Ops-885, OPS-885", "utf-8 ops-8850 x/ops-885 pay-1"]
    assert ex.known_case(texts, {"OPS-885"}) == [
        "OPS-885 and OPS-885, OPS-885", "utf-8 ops-8850 x/ops-885 pay-1",
    ]
    assert ex.known_case(["OPS-885 only"], {"OPS-885"}) is None
    assert ex.known_case(["ops-885"], set()) is None


# --- F13: a negation in an earlier clause --------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("15:30 DATA-310 not a real problem, budget was wrong, closed", [["resolved", 0, ["DATA-310"]]]),
        ("DATA-311 wasn't a real issue - closed", [["resolved", 0, ["DATA-311"]]]),
        ("no customer impact, OPS-1 resolved", [["resolved", 0, ["OPS-1"]]]),
        # near misses: the negation in the resolution's clause or after it, or another veto
        ("DATA-310 not closed", [["note", 0, ["DATA-310"]]]),
        ("DATA-310 not fully closed", [["note", 0, ["DATA-310"]]]),
        ("DATA-310 closed? not yet", [["note", 0, ["DATA-310"]]]),
        ("DATA-310 fixed, not deployed", [["note", 0, ["DATA-310"]]]),
        ("not sure why; OPS-1 closed once vendor replied", [["plan", 0, ["OPS-1"]]]),
        ("not a real problem, closed until the vendor confirms", [["note", 0, []]]),
        ("OPS-1 no longer blocked; no fix yet, resolved workaround only", [["note", 0, ["OPS-1"]]]),
        ("OPS-1 no resolution; resolved tag removed", [["note", 0, ["OPS-1"]]]),
        ("REL-90 not escalated, self-healed after HPA scale-out", [["note", 0, ["REL-90"]]]),
        ("OPS-2 false alarm, not related to OPS-1, closed",
         [["resolved", 0, ["OPS-2"]]]),
    ],
)
def test_a_negation_in_an_earlier_clause_does_not_veto(item: str, expected: list) -> None:
    assert _kind(item) == expected


# --- F14: paged by an alert, opened for follow-ups -----------------------------------------------------

@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("02:55 paged by alert DATA-306 warehouse down!!", [["note", 0, ["DATA-306"]]]),
        ("02:55 OPS-3 paged by PagerDuty, looking", [["note", 0, ["OPS-3"]]]),
        ("02:10 got paged for OPS-4, api 5xx", [["note", 0, ["OPS-4"]]]),
        ("02:10 got paged for OPS-4, monitoring", [["status", 0, ["OPS-4"]]]),
        ("PAY-891 opened for follow ups (alerting, runbook, cred rotation)", [["note", 0, ["PAY-891"]]]),
        ("follow-up tickets opened: PAY-1, PAY-2", [["note", 0, ["PAY-1", "PAY-2"]]]),
        # near misses: a page made, a role paged, a follow-up made
        ("02:10 paged by alert OPS-5, escalated to mgr", [["escalation", 2, ["OPS-5"]]]),
        ("02:10 mgr got paged for OPS-4", [["escalation", 2, ["OPS-4"]]]),
        ("02:10 paged oncall for OPS-6", [["escalation", 1, ["OPS-6"]]]),
        ("02:10 paged the DBA for OPS-6", [["follow_up", 1, ["OPS-6"]]]),
        ("follow up with vendor on OPS-1", [["follow_up", 1, ["OPS-1"]]]),
        ("follow ups sent to vendor for OPS-1", [["follow_up", 1, ["OPS-1"]]]),
    ],
)
def test_a_page_received_is_no_follow_up(item: str, expected: list) -> None:
    assert _kind(item) == expected


# --- F15: sibling keys ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PAY-891/892/893 opened", ["PAY-891", "PAY-892", "PAY-893"]),
        ("DATA-307/308 created", ["DATA-307", "DATA-308"]),
        ("OPS-1,2,3 blocked on vendor", ["OPS-1", "OPS-2", "OPS-3"]),
        ("OPS-1/2 done", ["OPS-1", "OPS-2"]),
        ("PAY-891/2/3 filed", ["PAY-891", "PAY-892", "PAY-893"]),
        ("PAY-891, 892, 893 filed", ["PAY-891", "PAY-892", "PAY-893"]),
        ("INC-1/3 done", ["INC-1", "INC-3"]),  # (glued to a key, a slash lists: no fraction)
        # near misses: a year, a count, a fraction written apart, a path, a list that does not count up
        ("OPS-12/2025 report", ["OPS-12"]),
        ("OPS-1,000 rows migrated", ["OPS-1"]),
        ("OPS-4, 5 customers affected", ["OPS-4"]),
        ("INC-1: 1/3 done", ["INC-1"]),
        ("see docs/INC-1/2.md", []),
        ("OPS-7/8/x path", ["OPS-7"]),
        ("OPS-5/2 weird", ["OPS-5"]),
        ("OPS-10/9", ["OPS-10"]),
        ("OPS-1,2:30 hm", ["OPS-1"]),
        ("INC-5678/INC-5679 merged", ["INC-5678", "INC-5679"]),
    ],
)
def test_sibling_keys_are_listed(text: str, expected: list) -> None:
    assert ex.tickets(text) == expected


def test_sibling_keys_are_where_they_are_written() -> None:
    assert ex.ticket_spans("x PAY-891/892, OPS-1") == [(2, "PAY-891"), (10, "PAY-892"), (15, "OPS-1")]


def test_sibling_keys_take_the_items_kind_and_deadline() -> None:
    logs = parse_log(HEAD + "- 11:00 DATA-307/308 blocked on vendor, ETA 2025-10-10\n", "x.md")
    assert logs.events[["kind", "tickets"]].values.tolist() == [["blocked", ["DATA-307", "DATA-308"]]]
    assert logs.deadlines[["tickets", "due_at"]].values.tolist() == [
        [["DATA-307", "DATA-308"], ts("2025-10-10")],
    ]


# --- F17: a trailing check mark ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("00:45 INFRA-706 flaps stopped, closing \u2705", [["resolved", 0, ["INFRA-706"]]]),
        ("00:45 INFRA-706 \u2705", [["resolved", 0, ["INFRA-706"]]]),
        ("INFRA-706 flaps stopped \u2714\ufe0f", [["resolved", 0, ["INFRA-706"]]]),
        ("INFRA-706 flaps stopped \u2611\ufe0f.", [["resolved", 0, ["INFRA-706"]]]),
        # near misses: another state wins, no ticket, not trailing, a failure beside it
        ("\u2705 tests pass, deploy blocked on OPS-4", [["blocked", 0, ["OPS-4"]]]),
        ("OPS-1 \u274c OPS-2 \u2705", [["note", 0, ["OPS-1", "OPS-2"]]]),
        ("flaps stopped, closing \u2705", [["note", 0, []]]),
        ("00:45 \u2705 INFRA-706", [["note", 0, ["INFRA-706"]]]),
        ("INFRA-706 monitoring \u2705", [["status", 0, ["INFRA-706"]]]),
        ("OPS-5 ETA 2025-10-10 \u2705", [["deadline", 0, ["OPS-5"]]]),
        ("OPS-5 \u2705 tests pass, rollout tomorrow", [["plan", 0, ["OPS-5"]]]),
    ],
)
def test_a_trailing_check_mark_resolves(item: str, expected: list) -> None:
    assert _kind(item) == expected


# --- F18: re-paged -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("02:09 \u23f0 no ack, re-paged", [["follow_up", 1, []]]),
        ("02:09 re-paged oncall", [["follow_up", 1, []]]),
        ("02:09 repaged secondary for OPS-7", [["follow_up", 1, ["OPS-7"]]]),
        ("03:15 no ack after 3 mins, paged again", [["follow_up", 1, []]]),
        # near misses: a manager re-paged is reached; a page not made
        ("02:09 re-paged the mgr for OPS-7", [["escalation", 2, ["OPS-7"]]]),
        ("02:09 not re-paged yet", [["note", 0, []]]),
    ],
)
def test_a_repeated_page_is_a_follow_up(item: str, expected: list) -> None:
    assert _kind(item) == expected


# --- F20: a step done with a deadline for the fix ------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("16:30 MOB-221 triage done, its the image cache, fix ETA 2025-10-09", [["status", 0, ["MOB-221"]]]),
        ("MOB-221 investigation done, fix ETA Fri", [["status", 0, ["MOB-221"]]]),
        ("MOB-221 build done, deploy by 17:00", [["status", 0, ["MOB-221"]]]),
        ("MOB-221 rollback done, blocked on vendor, fix ETA Fri", [["blocked", 0, ["MOB-221"]]]),
        # near misses: a fix done, a bare done, a step done without a deadline, a resolution beside it
        ("MOB-221 fix done, ETA for rollout Fri", [["resolved", 0, ["MOB-221"]]]),
        ("MOB-223 done", [["resolved", 0, ["MOB-223"]]]),
        ("MOB-223 done \u2705", [["resolved", 0, ["MOB-223"]]]),
        ("MOB-221 triage done", [["resolved", 0, ["MOB-221"]]]),
        ("MOB-221 hotfix build done, deploying", [["resolved", 0, ["MOB-221"]]]),
        ("MOB-221 triage done, fix merged, docs ETA Fri", [["resolved", 0, ["MOB-221"]]]),
    ],
)
def test_a_step_done_with_a_fix_still_due_does_not_resolve(item: str, expected: list) -> None:
    assert _kind(item) == expected


def test_triage_done_leaves_the_ticket_open_until_the_fix() -> None:
    items = (
        "- 16:30 MOB-221 triage done, its the image cache, fix ETA 2025-10-09\n"
        "- 19:15 MOB-221 merged\n"
    )
    row = summary(parse_log(HEAD + items, "x.md"), as_of="2025-10-11T00:00Z").set_index("ticket")
    assert row.loc["MOB-221", ["status", "resolved_at"]].tolist() == ["resolved", ts("2025-10-08 19:15")]
