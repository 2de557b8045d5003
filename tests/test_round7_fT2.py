"""Round 7, fixer fT2: which of an item's tickets its kind applies to (td67 findings 2, 3, 4, 5, 9, 11).

- a merge written verb first (``merged PAY-411 into PAY-410``) and ``tracked as`` name the surviving
  ticket, which is a ``note``, not resolved (2);
- the ticket a duplicate points at, or one ``closed in favour of``, never takes the item's kind, even
  when ``closed`` is a clause of its own (3);
- ``...; OPS-8 remains open`` (or ``, which remains open``) vetoes only its own ticket's resolution (4);
- a ticket marked a duplicate or superseded (``dup of``, ``marked as dup of``, ``Closing X as a
  duplicate of``, ``→ duplicate of``, ``superseded by Y; closing``) is closed: resolved (5);
- passing references (``context in``, ``Background:``, ``same root cause as``, ``previously seen in``,
  ``like``, ``the change from``, ``OPS-5 has the history``) are notes of level 0 (9);
- a ticket moved or renamed to another key (``moved X to Y``, ``renamed to``, ``is now``) ends there,
  resolved as moved, and the new key is a note that goes on (11);
and the near misses that must not change: guesses, plans and denials of a duplicate, elliptical
clauses, lists, a veto of the whole item.
"""

from __future__ import annotations

import pandas as pd
import pytest

from occ_lib import timeline
from occ_lib._extract import keywords
from occ_lib._subjects import may_split, ticket_groups
from occ_lib.config import validate_section
from occ_lib.logs import parse_log, parse_logs
from occ_lib.policy import Policy
from occ_lib.sla import misses

HEAD = "# Ops log (UTC)\n\n## 2025-10-22\n"


def rows(item: str) -> list[list]:
    """[kind, level, tickets] of each event of one item under a dated UTC section."""
    ev = parse_log(HEAD + item + "\n", "t.md").events
    return ev[["kind", "level", "tickets"]].values.tolist()


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


# --- finding 2: merges ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "item, expected",
    [
        ("- 10:30 merged PAY-411 into PAY-410", [["resolved", 0, ["PAY-411"]]]),
        ("- 09:03 OPS-225 and OPS-226 merged into one incident, tracked as OPS-225",
         [["resolved", 0, ["OPS-226"]], ["note", 0, ["OPS-225"]]]),
        ("- 09:04 folded OPS-227 and OPS-228 into OPS-229",
         [["resolved", 0, ["OPS-227", "OPS-228"]]]),
        # as before
        ("- 09:05 INC-7 merged into INC-6", [["resolved", 0, ["INC-7"]]]),
        # near miss: a merge still to come is no resolution of either ticket
        ("- 10:02 OPS-5 will be merged into OPS-6 tomorrow",
         [["plan", 0, ["OPS-5"]]]),
    ],
)
def test_a_merge_resolves_only_the_merged_ticket(item: str, expected: list) -> None:
    assert rows(item) == expected


def _payments() -> list[tuple[str, str]]:
    sf = (
        "---\ntz: America/Los_Angeles\n---\n# Payments on-call (Pacific)\n\n## Tue 2025-10-21\n"
        "- 06:50 PAY-410 opened: card auth timeouts in ap-south\n"
        "- 07:05 acked PAY-410\n"
        "- 09:00 PAY-410 escalated to eng manager\n"
        "- 13:00 PAY-410 resolved - retry budget raised\n\n"
        "## Wed 2025-10-22\n"
        "- 10:00 PAY-410 fixed for good: gateway pool resized, soak clean\n"
    )
    blr = (
        "# Payments Bangalore log\n\nAll times IST.\n\n## 2025-10-22\n"
        "- 09:15 PAY-410 reopened, timeouts back in ap-south\n"
        "- 10:00 escalated PAY-410 to VP Payments\n"
        "- 10:30 merged PAY-411 into PAY-410\n"
        "- 10:45 PAY-412 dup of PAY-410, closed\n"
    )
    return [("payments-sf.md", sf), ("payments-blr.md", blr)]


def test_merge_and_duplicate_leave_the_surviving_ticket_open_until_its_own_fix() -> None:
    logs = parse_logs(_payments())
    s = timeline.summary(logs, as_of="2025-10-24T00:00Z").set_index("ticket")
    assert s.loc["PAY-410", "resolved_at"] == utc("2025-10-22 17:00")
    assert s.loc["PAY-410", "time_to_resolve"] == pd.Timedelta(seconds=97800)
    assert s.loc["PAY-410", "status"] == "resolved"
    assert s.loc["PAY-411", "resolved_at"] == utc("2025-10-22 05:00")
    assert s.loc["PAY-412", "resolved_at"] == utc("2025-10-22 05:15")
    pol = validate_section(
        Policy, {"tz": "America/New_York", "tickets": {"PAY": {"first_response": "30m", "resolution": "1d"}}},
        "occ.yml", "sla",
    )
    out = misses(logs, None, pol, start=utc("2025-10-20"), end=utc("2025-10-27"), as_of=utc("2025-10-24"))
    r = out[(out["kind"] == "resolution") & (out["subject"] == "PAY-410")].iloc[0]
    assert (r["due_at"], r["resolved_at"], r["status"], r["overage_min"]) == (
        utc("2025-10-22 13:50"), utc("2025-10-22 17:00"), "missed", 190.0,
    )


# --- finding 3: the ticket pointed at is a note ------------------------------------------------


@pytest.mark.parametrize(
    "item, expected",
    [
        ("- 10:45 PAY-412 dup of PAY-410, closed", [["resolved", 0, ["PAY-412"]]]),
        ("- 12:02 OPS-303 dup of OPS-1, closed", [["resolved", 0, ["OPS-303"]]]),
        ("- 12:15 OPS-314 closed in favour of OPS-315",
         [["resolved", 0, ["OPS-314"]]]),
        ("- 12:16 OPS-318 closed in favor of OPS-319",
         [["resolved", 0, ["OPS-318"]]]),
        # as before
        ("- 11:00 OPS-102 closed as duplicate of OPS-101",
         [["resolved", 0, ["OPS-102"]]]),
        ("- 09:28 DB-229 closed (dup of DB-228)", [["resolved", 0, ["DB-229"]]]),
    ],
)
def test_the_canonical_ticket_of_a_duplicate_is_not_closed(item: str, expected: list) -> None:
    assert rows(item) == expected


# --- finding 4: 'remains open' is its own ticket's ---------------------------------------------


@pytest.mark.parametrize(
    "item, expected",
    [
        ("- 10:00 OPS-901 resolved; OPS-902 remains open for the permanent fix",
         [["resolved", 0, ["OPS-901"]], ["note", 0, ["OPS-902"]]]),
        ("- 10:04 OPS-909 closed as duplicate of OPS-910, which remains open",
         [["resolved", 0, ["OPS-909"]], ["note", 0, ["OPS-910"]]]),
        ("- 12:06 OPS-506 resolved; OPS-8 remains open for the permanent fix",
         [["resolved", 0, ["OPS-506"]], ["note", 0, ["OPS-8"]]]),
        ("- 12:07 OPS-511 fixed; OPS-512 not affected",
         [["resolved", 0, ["OPS-511"]], ["note", 0, ["OPS-512"]]]),
        ("- 12:08 OPS-15 resolved; OPS-16 remains blocked on the vendor",
         [["blocked", 0, ["OPS-16"]], ["resolved", 0, ["OPS-15"]]]),
        # as before
        ("- 10:01 OPS-903 resolved, OPS-904 still open",
         [["resolved", 0, ["OPS-903"]], ["note", 0, ["OPS-904"]]]),
        # near misses: a veto of the whole item, or of the only ticket that tells, still holds
        ("- 10:04 OPS-9 and OPS-10 fixed; not deployed yet", [["note", 0, ["OPS-9", "OPS-10"]]]),
        ("- 10:15 OPS-29 not resolved; OPS-30 remains open", [["note", 0, ["OPS-29", "OPS-30"]]]),
        ("- 10:05 OPS-11 deploy notes; OPS-12 still fine", [["note", 0, ["OPS-11", "OPS-12"]]]),
        ("- 10:11 OPS-21 and OPS-22 discussed, still open", [["note", 0, ["OPS-21", "OPS-22"]]]),
    ],
)
def test_a_ticket_that_remains_open_does_not_veto_anothers_resolution(item: str, expected: list) -> None:
    assert rows(item) == expected


def test_remains_open_in_the_timeline() -> None:
    logs = parse_log(HEAD + "- 09:00 OPS-901 paged on-call\n"
                     "- 10:00 OPS-901 resolved; OPS-902 remains open for the permanent fix\n", "t.md")
    s = timeline.summary(logs, as_of="2025-10-23T00:00Z").set_index("ticket")
    assert s.loc["OPS-901", ["status", "resolved_at"]].tolist() == ["resolved", utc("2025-10-22 10:00")]
    assert s.loc["OPS-902", ["status", "open_age"]].tolist() == ["open", pd.Timedelta(hours=14)]


# --- finding 5: a duplicate is closed ----------------------------------------------------------


@pytest.mark.parametrize(
    "item, expected",
    [
        ("- 12:00 OPS-301 dup of OPS-1", [["resolved", 0, ["OPS-301"]]]),
        ("- 12:01 OPS-302 marked as dup of OPS-1", [["resolved", 0, ["OPS-302"]]]),
        ("- 12:03 Closing OPS-304 as a duplicate of OPS-1",
         [["resolved", 0, ["OPS-304"]]]),
        ("- 12:04 OPS-305 \u2192 duplicate of OPS-1", [["resolved", 0, ["OPS-305"]]]),
        ("- 12:16 OPS-316 superseded by OPS-317; closing",
         [["resolved", 0, ["OPS-316"]]]),
        ("- 12:17 OPS-320 and OPS-321 are dups of OPS-1",
         [["resolved", 0, ["OPS-320", "OPS-321"]]]),
        ("- 12:18 OPS-322 replaced by OPS-323", [["resolved", 0, ["OPS-322"]]]),
        # near misses: a guess, a question, a denial or a plan closes nothing
        ("- 10:00 OPS-1 may be a dup of OPS-2", [["note", 0, ["OPS-1"]]]),
        ("- 10:01 OPS-3 is not a dup of OPS-4", [["note", 0, ["OPS-3"]]]),
        ("- 10:03 OPS-7 possible duplicate of OPS-8?", [["note", 0, ["OPS-7"]]]),
        ("- 10:06 OPS-13 looks like a dup of OPS-14", [["note", 0, ["OPS-13"]]]),
        ("- 10:07 OPS-15 isn't a duplicate of OPS-16", [["note", 0, ["OPS-15"]]]),
        # the duplicate's words are in an aside of another ticket: that one says its own
        ("- 10:08 OPS-17 escalated to the VP (dup of OPS-18)",
         [["escalation", 3, ["OPS-17"]]]),
    ],
)
def test_a_ticket_marked_duplicate_is_closed(item: str, expected: list) -> None:
    assert rows(item) == expected


def test_a_duplicate_is_resolved_in_the_summary() -> None:
    logs = parse_log(HEAD + "- 09:00 OPS-302 opened\n- 12:01 OPS-302 marked as dup of OPS-1\n", "t.md")
    s = timeline.summary(logs, as_of="2025-10-23T00:00Z").set_index("ticket")
    assert s.loc["OPS-302", ["status", "resolved_at"]].tolist() == ["resolved", utc("2025-10-22 12:01")]
    assert "OPS-1" not in s.index  # (only referred to: no row of its own, round 11)


# --- finding 9: passing references -------------------------------------------------------------


@pytest.mark.parametrize(
    "item, expected",
    [
        ("- 12:01 OPS-501 escalated to the CTO, context in OPS-3",
         [["escalation", 3, ["OPS-501"]]]),
        ("- 12:02 OPS-502 resolved, same root cause as OPS-4",
         [["resolved", 0, ["OPS-502"]]]),
        ("- 12:03 paged the DBA manager about OPS-503 - OPS-5 has the history",
         [["escalation", 2, ["OPS-503"]]]),
        ("- 12:04 OPS-504 escalated to director; previously seen in OPS-6",
         [["escalation", 3, ["OPS-504"]]]),
        ("- 12:07 Escalated OPS-507 to the VP. Background: OPS-9.",
         [["escalation", 3, ["OPS-507"]]]),
        ("- 12:08 OPS-508 escalated to manager, like OPS-10 last week",
         [["escalation", 2, ["OPS-508"]]]),
        ("- 12:09 OPS-509 fixed by reverting the change from OPS-11",
         [["resolved", 0, ["OPS-509"]]]),
        ("- 12:10 OPS-510 resolved; details are in OPS-12",
         [["resolved", 0, ["OPS-510"]]]),
        # as before
        ("- 12:11 OPS-37 resolved; see OPS-38", [["resolved", 0, ["OPS-37"]]]),
        # near misses: an elliptical clause, a list, 'as well as', a 'seeing' that is no 'see'
        ("- 10:06 Escalated INC-1 to the VP, INC-2 to the manager", [["escalation", 3, ["INC-1", "INC-2"]]]),
        ("- 10:07 paged the manager about OPS-13 and OPS-14", [["escalation", 2, ["OPS-13", "OPS-14"]]]),
        ("- 10:12 OPS-23 resolved, OPS-24 too", [["resolved", 0, ["OPS-23", "OPS-24"]]]),
        ("- 10:13 OPS-25 escalated to VP as well as OPS-26", [["escalation", 3, ["OPS-25", "OPS-26"]]]),
        ("- 10:14 OPS-39 resolved, looks like OPS-40 too", [["resolved", 0, ["OPS-39", "OPS-40"]]]),
        ("- 10:15 OPS-41 and OPS-42 have the same root cause; both resolved",
         [["resolved", 0, ["OPS-41", "OPS-42"]]]),
    ],
)
def test_a_passing_reference_is_a_note(item: str, expected: list) -> None:
    assert rows(item) == expected


def test_a_passing_reference_gets_no_escalation_in_the_summary() -> None:
    logs = parse_log(HEAD + "- 08:00 OPS-3 opened\n"
                     "- 12:01 OPS-501 escalated to the CTO, context in OPS-3\n", "t.md")
    s = timeline.summary(logs, as_of="2025-10-23T00:00Z").set_index("ticket")
    assert s.loc["OPS-3", ["first_escalation", "max_level", "escalations"]].tolist() == [pd.NaT, 0, 0]
    assert s.loc["OPS-501", ["first_escalation", "max_level", "escalations"]].tolist() == [
        utc("2025-10-22 12:01"), 3, 1,
    ]


# --- finding 11: a moved or renamed ticket ends at the move -------------------------------------


@pytest.mark.parametrize(
    "item, expected",
    [
        ("- 11:30 moved OPS-103 to INFRA-9 (infra owns the resolvers)",
         [["resolved", 0, ["OPS-103"]], ["note", 0, ["INFRA-9"]]]),
        ("- 08:55 OPS-216 renamed to NET-44", [["resolved", 0, ["OPS-216"]], ["note", 0, ["NET-44"]]]),
        ("- 12:18 OPS-319 is now INFRA-13", [["resolved", 0, ["OPS-319"]], ["note", 0, ["INFRA-13"]]]),
        ("- 12:19 OPS-330 migrated to NET-45", [["resolved", 0, ["OPS-330"]], ["note", 0, ["NET-45"]]]),
        # near misses: a move to a state or a queue, 'is now' before no key, a move being planned
        ("- 10:10 OPS-19 moved to In Progress, OPS-20 acked",
         [["acknowledged", 0, ["OPS-20"]], ["status", 0, ["OPS-19"]]]),
        ("- 10:16 moved OPS-31 to the VP queue, OPS-32 pending", [["blocked", 0, ["OPS-31", "OPS-32"]]]),
        ("- 10:21 OPS-41 is now resolved, OPS-42 unaffected",
         [["resolved", 0, ["OPS-41"]], ["note", 0, ["OPS-42"]]]),
        ("- 10:22 OPS-43 may be moved to INFRA-14", [["note", 0, ["OPS-43", "INFRA-14"]]]),
    ],
)
def test_a_moved_ticket_ends_at_the_move(item: str, expected: list) -> None:
    assert rows(item) == expected


def test_a_moved_ticket_misses_no_target_after_the_move() -> None:
    text = (
        "---\ntz: America/New_York\n---\n# SRE NYC\n\n## 2025-10-22\n"
        "- 09:00 OPS-103 DNS resolvers flapping\n"
        "- 09:20 acked OPS-103\n"
        "- 11:30 moved OPS-103 to INFRA-9 (infra owns the resolvers)\n"
    )
    logs = parse_log(text, "sre-nyc.md")
    s = timeline.summary(logs, as_of="2025-10-24T00:00Z").set_index("ticket")
    assert s.loc["OPS-103", ["status", "resolved_at", "time_to_resolve"]].tolist() == [
        "resolved", utc("2025-10-22 15:30"), pd.Timedelta(hours=2, minutes=30),
    ]
    assert s.loc["INFRA-9", ["first_seen", "status"]].tolist() == [utc("2025-10-22 15:30"), "open"]
    pol = validate_section(
        Policy, {"tz": "America/New_York", "tickets": {"OPS": {"first_response": "1h", "resolution": "2d"}}},
        "occ.yml", "sla",
    )
    out = misses(logs, None, pol, start=utc("2025-10-20"), end=utc("2025-10-27"), as_of=utc("2025-10-24"))
    got = out[out["subject"] == "OPS-103"][["kind", "status", "resolved_at"]].values.tolist()
    assert got == [
        ["response", "met", utc("2025-10-22 13:20")], ["resolution", "met", utc("2025-10-22 15:30")],
    ]


# --- the function itself -------------------------------------------------------------------------


def test_ticket_groups_reads_an_item_whose_kind_does_not_tell() -> None:
    assert ticket_groups("OPS-301 dup of OPS-1", ["OPS-301", "OPS-1"], "note", 0) == [
        (["OPS-301"], "resolved", 0), (["OPS-1"], "note", 0),
    ]
    assert ticket_groups("OPS-901 resolved; OPS-902 remains open", ["OPS-901", "OPS-902"], "note", 0) == [
        (["OPS-901"], "resolved", 0), (["OPS-902"], "note", 0),
    ]
    assert ticket_groups("OPS-1 deploy notes; OPS-2 discussed", ["OPS-1", "OPS-2"], "note", 0) is None
    for text, expected in [
        ("OPS-1 dup of OPS-2", True), ("moved OPS-1 to INFRA-2", True),
        ("OPS-1 fixed; OPS-2 remains open", True),
        ("OPS-1 and OPS-2 discussed at the review", False), ("OPS-1 deploy notes for OPS-2, not yet", False),
    ]:
        assert may_split(text, keywords(text)) is expected, text


@pytest.mark.parametrize(("item", "expected"), [
    # 'remain' vetoes a resolution as 'remains' does: the fix is not these tickets'
    ("- 10:00 fixed; OPS-17 and OPS-18 remain open", [["note", ["OPS-17", "OPS-18"]]]),
    ("- 10:00 fixed; OPS-20 remains open", [["note", ["OPS-20"]]]),
    # near miss: the ticket of the resolving clause is still resolved
    ("- 10:05 OPS-19 fixed; OPS-17 and OPS-18 remain open",
     [["resolved", ["OPS-19"]], ["note", ["OPS-17", "OPS-18"]]]),
])
def test_remain_in_the_plural_vetoes_as_remains_does(item: str, expected: list) -> None:
    ev = parse_log("# x\n## 2025-10-09\n" + item + "\n", "x.md").events
    assert ev[["kind", "tickets"]].values.tolist() == expected
