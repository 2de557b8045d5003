"""Round 7 (fK), what an item's words say and when 'by' is due: "no longer blocked; resolved" is a resolution;
the noun "escalation to the manager / the director / team lead" is an escalation with its role's level; a
ticked "- [x] pinged ..." is a follow-up, not a resolution, and a follow-up's plan words in another clause
do not make it a plan; a past-tense "by HH:MM" ('queue drained by 10:20', 'errors were gone by 11:07', 'p99
back under 900ms by 00:31') is no deadline (and no SLA miss), while 'will be drained by 10:20', 'drain by
10:20' and 'needs to be back by 00:31' stay deadlines; a vendor's 'Case #0412-88231' is no chat channel."""

from __future__ import annotations

import pandas as pd
import pytest

from occ_lib import _extract as ex
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from occ_lib.timeline import summary


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _kinds(items: str, head: str = "# Ops\n## 2025-10-28\n") -> list[list]:
    ev = parse_log(head + items, "x.md").events
    return ev[["line", "at", "kind", "level", "tickets"]].values.tolist()


def _classify(text: str) -> tuple[str, int]:
    return ex.classify(text, ex.keywords(text), False)


# --- td63 finding 1: "no longer X; resolved" ---------------------------------------------------------------

def test_no_longer_blocked_then_resolved_is_a_resolution():
    items = (
        "- 09:15 OPS-304 no longer blocked; resolved.\n"
        "- 09:20 OPS-305 unblocked and resolved.\n"
        "- 09:25 OPS-306 no longer blocked.\n"
        "- 09:30 OPS-307 was blocked on DNS; now resolved.\n"
        "- 09:45 OPS-310 no longer failing; resolved.\n"
    )
    assert _kinds(items) == [
        [3, ts("2025-10-28 09:15"), "resolved", 0, ["OPS-304"]],
        [4, ts("2025-10-28 09:20"), "resolved", 0, ["OPS-305"]],
        [5, ts("2025-10-28 09:25"), "note", 0, ["OPS-306"]],
        [6, ts("2025-10-28 09:30"), "resolved", 0, ["OPS-307"]],
        [7, ts("2025-10-28 09:45"), "resolved", 0, ["OPS-310"]],
    ]
    logs = parse_log("# Ops\n## 2025-10-28\n" + items, "x.md")
    out = summary(logs, as_of="2025-10-29T00:00Z")
    rows = out.set_index("ticket").loc[["OPS-304", "OPS-310"], ["status", "resolved_at", "time_to_resolve"]]
    assert rows.values.tolist() == [
        ["resolved", ts("2025-10-28 09:15"), pd.Timedelta(0)],
        ["resolved", ts("2025-10-28 09:45"), pd.Timedelta(0)],
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OPS-1 no longer failing; resolved", ("resolved", 0)),
        ("OPS-1 no longer paging; acked", ("acknowledged", 0)),
        # near misses: a 'no' that is no 'no longer' still says nothing was resolved
        ("OPS-1 no longer blocked; no fix yet, resolved workaround only", ("note", 0)),
        ("OPS-1 no resolution; resolved tag removed", ("note", 0)),
        ("OPS-1 no longer resolved", ("note", 0)),
        ("OPS-1 no longer blocked, not resolved", ("note", 0)),
        ("no longer blocked on the vendor", ("note", 0)),
    ],
)
def test_no_longer_is_no_negation_of_a_resolution(text, expected):
    assert _classify(text) == expected


# --- td63 finding 2: the noun "escalation to <role>" -------------------------------------------------------

def test_escalation_to_a_role_without_a_verb_is_an_escalation_at_the_role_level():
    items = (
        "- 09:00 OPS-301 escalation to the manager.\n"
        "- 09:05 OPS-302: escalation sent to team lead (Sam).\n"
        "- 09:10 Escalation to the director for OPS-303.\n"
        "- 09:35 OPS-208 escalation to team lead.\n"
    )
    assert _kinds(items) == [
        [3, ts("2025-10-28 09:00"), "escalation", 2, ["OPS-301"]],
        [4, ts("2025-10-28 09:05"), "escalation", 2, ["OPS-302"]],
        [5, ts("2025-10-28 09:10"), "escalation", 3, ["OPS-303"]],
        [6, ts("2025-10-28 09:35"), "escalation", 2, ["OPS-208"]],
    ]
    logs = parse_log("# Ops\n## 2025-10-28\n" + items, "x.md")
    out = summary(logs, as_of="2025-10-29T00:00Z").set_index("ticket")
    cols = ["first_escalation", "max_level", "escalations"]
    assert out.loc[["OPS-301", "OPS-303"], cols].values.tolist() == [
        [ts("2025-10-28 09:00"), 2, 1], [ts("2025-10-28 09:10"), 3, 1],
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OPS-1 escalation to the VP of Eng", ("escalation", 3)),
        ("OPS-1 re-escalation to the manager", ("escalation", 2)),
        ("OPS-1 escalation to @eng-director", ("escalation", 3)),
        ("OPS-1 escalation to senior management", ("escalation", 2)),
        # near misses: no role, a plan, a condition, a negation, the verb's imperative
        ("OPS-1 escalation to the vendor", ("note", 0)),
        ("OPS-1 escalation to tier 2 pending", ("blocked", 0)),
        ("next step: escalation to the director", ("plan", 0)),
        ("OPS-1 escalation to the CTO if not mitigated by 15:30", ("plan", 0)),
        ("OPS-1 escalation to the manager unless fixed", ("note", 0)),
        ("OPS-1 no escalation to the manager", ("note", 0)),
        ("runbook: escalate to the manager after 30 min", ("note", 0)),
        ("OPS-1 escalation path documented", ("note", 0)),
    ],
)
def test_escalation_noun_rule_reaches_only_a_role(text, expected):
    assert _classify(text) == expected


# --- td62 finding 1: a ticked ping is a follow-up ----------------------------------------------------------

def test_a_ticked_ping_is_a_follow_up_not_a_resolution():
    items = (
        "- 08:31 pinged the vendor again.\n"
        "- [x] 08:32 pinged the vendor again.\n"
        "- [x] Pinged payments team lead in #mobile-payments at 16:20 about MOB-3127.\n"
        "- [x] 09:10 paged secondary on-call.\n"
        "- 08:30 follow-up ping to the vendor; next update due 10:00.\n"
    )
    head = "# P\n## 2025-10-08\n"
    assert _kinds(items, head) == [
        [3, ts("2025-10-08 08:31"), "follow_up", 1, []],
        [4, ts("2025-10-08 08:32"), "follow_up", 1, []],
        [5, ts("2025-10-08 16:20"), "follow_up", 1, ["MOB-3127"]],
        [6, ts("2025-10-08 09:10"), "escalation", 1, []],
        [7, ts("2025-10-08 08:30"), "follow_up", 1, []],
    ]
    dl = parse_log(head + items, "p.md").deadlines
    assert dl[["line", "due_at", "keyword"]].values.tolist() == [[7, ts("2025-10-08 10:00"), "update"]]


def test_a_ticked_ping_leaves_the_ticket_open_until_its_retest_passes():
    text = (
        "# QA\nAll times IST.\n## 2025-10-09\n"
        "- 10:30 filed MOB-3127, checkout fails\n"
        "- [x] Pinged payments team lead in #mobile-payments at 16:20 about MOB-3127.\n"
        "## 2025-10-10\n"
        "- [x] MOB-3127 retest passed at 13:10 after fix in build rc3.\n"
    )
    logs = parse_log(text, "qa.md")
    row = summary(logs, as_of="2025-10-13T00:00Z").set_index("ticket").loc["MOB-3127"]
    assert [row["first_follow_up"], row["follow_ups"], row["resolved_at"], row["time_to_resolve"]] == [
        ts("2025-10-09 10:50"), 1, ts("2025-10-10 07:40"), pd.Timedelta(hours=26, minutes=40),
    ]


@pytest.mark.parametrize(
    ("text", "ticked", "expected"),
    [
        ("Ping vendor about the ETA for OPS-3", True, ("follow_up", 1)),
        ("chased the vendor for OPS-3", True, ("follow_up", 1)),
        ("followed up with Acme on OPS-3", True, ("follow_up", 1)),
        # near misses: a ticked box that says a resolution, or no follow-up, is resolved
        ("OPS-3 resolved, pinged the vendor", True, ("resolved", 0)),
        ("Update status page for OPS-4", True, ("resolved", 0)),
        ("OPS-3 retest passed", True, ("resolved", 0)),
        ("paged secondary on-call", True, ("escalation", 1)),
        ("Escalate OPS-1 to VP Eng", True, ("escalation", 3)),
    ],
)
def test_ticked_tasks(text, ticked, expected):
    assert ex.classify(text, ex.keywords(text), False, ticked, ticked) == expected


@pytest.mark.parametrize(
    ("text", "task", "expected"),
    [
        ("follow-up ping to the vendor; next update due 10:00.", False, ("follow_up", 1)),
        ("Follow-up sent. Next update at 12:00", False, ("follow_up", 1)),
        # near misses: the plan word in the follow-up's own clause, or an open task, is a plan
        ("next follow-up at 10:00", False, ("plan", 0)),
        ("vendor silent; will ping again at 10:00", False, ("plan", 0)),
        ("ping the vendor tomorrow; next update due 10:00", False, ("plan", 0)),
        ("follow up with Acme; next update due 10:00", True, ("plan", 0)),
        ("Action item: follow up with Acme; next update due 10:00", False, ("plan", 0)),
    ],
)
def test_a_follow_ups_plan_words_in_another_clause(text, task, expected):
    assert ex.classify(text, ex.keywords(text), False, False, task) == expected


# --- td62 finding 2: a past-tense "by HH:MM" ----------------------------------------------------------

B_HEAD = "# B\nAll times UTC.\n## 2025-10-08\n"
PAST = (
    "- 00:15 rolled back payments-api (PAY-2291); p99 back under 900ms by 00:31.\n"
    "- 10:00 OPS-12 queue drained by 10:20, all green.\n"
    "- 11:00 OPS-16 errors were gone by 11:07.\n"
    "- [x] OPS-17 8 failures triaged by 18:45\n"
    "- 09:00 OPS-18 was fixed by 10:00.\n"
    "- 09:00 OPS-19 errors were gone by Friday.\n"
    "- 09:00 OPS-20 latency back to normal by 10:05.\n"
)


def test_a_past_tense_by_is_no_deadline_and_no_sla_miss():
    logs = parse_log(B_HEAD + PAST, "b.md")
    assert logs.deadlines.empty
    assert _kinds(PAST, B_HEAD) == [
        [4, ts("2025-10-08 00:15"), "note", 0, ["PAY-2291"]],
        [5, ts("2025-10-08 10:00"), "status", 0, ["OPS-12"]],
        [6, ts("2025-10-08 11:00"), "note", 0, ["OPS-16"]],
        [7, ts("2025-10-08 18:45"), "resolved", 0, ["OPS-17"]],  # (the time it was done)
        [8, ts("2025-10-08 09:00"), "resolved", 0, ["OPS-18"]],
        [9, ts("2025-10-08 09:00"), "note", 0, ["OPS-19"]],
        [10, ts("2025-10-08 09:00"), "note", 0, ["OPS-20"]],
    ]
    out = misses(logs, None, Policy(), start=ts("2025-10-06"), end=ts("2025-10-13"), as_of=ts("2025-10-13"))
    assert out[out["kind"] == "deadline"].empty


def test_a_by_still_to_come_stays_a_deadline():
    items = (
        "- 10:00 OPS-13 queue will be drained by 10:20.\n"
        "- 10:00 OPS-14 drain by 10:20.\n"
        "- 10:00 OPS-15 p99 needs to be back by 00:31.\n"
        "- 09:00 OPS-21 fixed by 17:30.\n"
        "- 09:00 OPS-22 deployed by 17:00.\n"
        "- 09:00 OPS-23 patch was promised by 10:00.\n"
        "- 09:00 OPS-24 queue drained by Friday.\n"
        "- 09:00 OPS-25 Sam back by 14:00.\n"
        "- 09:00 OPS-26 queue should be drained by 10:20.\n"
        "- 09:00 OPS-27 expect queue drained by 10:20.\n"
        "- 09:00 OPS-28 send updated numbers by 17:00.\n"
        "- 09:00 OPS-29 ETA: queue drained by 10:20.\n"
        "- 09:00 OPS-30 errors gone; new build by 13:00.\n"
    )
    dl = parse_log(B_HEAD + items, "b.md").deadlines
    assert dl[["line", "tickets", "due_at", "keyword"]].values.tolist() == [
        [4, ["OPS-13"], ts("2025-10-08 10:20"), "by"],
        [5, ["OPS-14"], ts("2025-10-08 10:20"), "by"],
        [6, ["OPS-15"], ts("2025-10-08 00:31"), "by"],
        [7, ["OPS-21"], ts("2025-10-08 17:30"), "by"],
        [8, ["OPS-22"], ts("2025-10-08 17:00"), "by"],
        [9, ["OPS-23"], ts("2025-10-08 10:00"), "by"],
        [10, ["OPS-24"], ts("2025-10-10"), "by"],
        [11, ["OPS-25"], ts("2025-10-08 14:00"), "by"],
        [12, ["OPS-26"], ts("2025-10-08 10:20"), "by"],
        [13, ["OPS-27"], ts("2025-10-08 10:20"), "by"],
        [14, ["OPS-28"], ts("2025-10-08 17:00"), "by"],
        [15, ["OPS-29"], ts("2025-10-08 10:20"), "by"],
        [16, ["OPS-30"], ts("2025-10-08 13:00"), "by"],
    ]


# --- td62 finding 7: a vendor's case number is no channel --------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:00 NetApp Case #0412-88231 opened.", []),
        ("09:05 Zendesk ticket #48812 updated.", []),
        ("ref #12.3 and #1_2", []),
        # near misses: a name with a letter is a channel
        ("posted in #0412-ops", ["#0412-ops"]),
        ("see #2025-incident-payments", ["#2025-incident-payments"]),
        ("moved to #mobile-payments", ["#mobile-payments"]),
    ],
)
def test_a_number_after_a_hash_is_no_channel(text, expected):
    assert ex.channels(text) == expected
