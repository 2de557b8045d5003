"""Round 12 (refs): tickets an item only refers to, and the kinds of the tickets it tells of.

'OPS-2 still ok, OPS-1 not related, closed' closes OPS-2 and points at OPS-1; a list after 'see' or
'blocked on' stops at a ticket a verb follows ('see OPS-40, OPS-41 resolved too'); 'OPS-1 fixed and 2
pending' tells of two tickets; a deadline row's refs are its own part's; a heading's or a mail
subject's references are not the tickets of the items under it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from occ_lib import _extract as ex
from occ_lib._subjects import blockers, deadline_refs, references
from occ_lib.logs import read_logs


def _read(tmp_path: Path, body: str):
    path = tmp_path / "ops.md"
    path.write_text(body, encoding="utf-8")
    return read_logs([path])


def rows(tmp_path: Path, items: str) -> list[list]:
    ev = _read(tmp_path, "## 2025-10-10\n" + items).events
    return [[int(ln), k, list(t), list(r)] for ln, k, t, r in zip(
        ev["line"], ev["kind"], ev["tickets"], ev["refs"], strict=True)]


def deadline_rows(tmp_path: Path, items: str) -> list[list]:
    dl = _read(tmp_path, "## 2025-10-10\n" + items).deadlines
    return [[int(ln), str(d), list(t), list(r)] for ln, d, t, r in zip(
        dl["line"], dl["due_at"], dl["tickets"], dl["refs"], strict=True)]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # 1. a ticket written before 'not related' is pointed at, and is not closed with the item
        ("- 09:00 OPS-2 still ok, OPS-1 not related, closed", [[2, "resolved", ["OPS-2"], ["OPS-1"]]]),
        ("- 09:00 OPS-2 closed; OPS-1 is unrelated", [[2, "resolved", ["OPS-2"], ["OPS-1"]]]),
        # ('unrelated to' still points at the ticket after it)
        ("- 09:30 OPS-9 unrelated to OPS-10", [[2, "note", ["OPS-9"], ["OPS-10"]]]),
        # 2. a denied wait does not veto the closing
        ("- 09:01 OPS-2 not blocked by OPS-1, closed", [[2, "resolved", ["OPS-2"], ["OPS-1"]]]),
        ("- 09:01 OPS-2 not blocked, closed", [[2, "resolved", ["OPS-2"], []]]),
        # 7. the item's one ticket of its own takes its kind, whatever clause says it
        ("- 09:06 OPS-2 is fine, see OPS-1, resolved", [[2, "resolved", ["OPS-2"], ["OPS-1"]]]),
        # (unless its clause holds it open: the resolution is not OPS-2's)
        ("- 09:07 OPS-2 still open, see OPS-1, resolved", [[2, "note", ["OPS-2"], ["OPS-1"]]]),
        ("- 09:08 OPS-2 escalated to the VP, cf. OPS-1", [[2, "escalation", ["OPS-2"], ["OPS-1"]]]),
    ],
)
def test_a_ticket_pointed_at_takes_no_kind_and_the_subject_does(tmp_path: Path, item: str, expected: list):
    assert rows(tmp_path, item + "\n") == expected


def test_a_denied_escalation_still_vetoes():
    text = "not escalated, self-healed"
    assert ex.classify(text, ex.keywords(text), False) == ("note", 0)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # 3. a sibling number after the key's own state, and a conjunction between two tickets' states
        # (the item's kind, read from all its words, comes first)
        ("- 09:02 OPS-1 fixed and 2 pending",
         [[2, "blocked", ["OPS-2"], []], [2, "resolved", ["OPS-1"], []]]),
        ("- 09:02 OPS-1 fixed and OPS-2 pending",
         [[2, "blocked", ["OPS-2"], []], [2, "resolved", ["OPS-1"], []]]),
        ("- 09:04 OPS-1 resolved but OPS-2 still open",
         [[2, "resolved", ["OPS-1"], []], [2, "note", ["OPS-2"], []]]),
        # (still one list: each is the state's)
        ("- 09:03 OPS-1 and 2 fixed", [[2, "resolved", ["OPS-1", "OPS-2"], []]]),
        ("- 09:03 OPS-1 and OPS-2 fixed", [[2, "resolved", ["OPS-1", "OPS-2"], []]]),
    ],
)
def test_each_ticket_takes_its_own_state(tmp_path: Path, item: str, expected: list):
    assert rows(tmp_path, item + "\n") == expected


def test_a_count_after_a_state_is_no_sibling():
    assert ex.ticket_spans("OPS-1 fixed and 2 pending") == [(0, "OPS-1"), (16, "OPS-2")]
    assert ex.ticket_spans("OPS-1 fixed and 2 more pending") == [(0, "OPS-1")]
    assert ex.ticket_spans("OPS-1 fixed and 2 hours later") == [(0, "OPS-1")]
    assert ex.ticket_spans("OPS-10 fixed and 2 pending") == [(0, "OPS-10")]


def test_a_list_after_a_reference_stops_at_a_clause_of_its_own(tmp_path: Path):
    # 4. 'resolved too' is OPS-41's; 'shipped' is DEPLOY-10's, no blocker
    assert rows(tmp_path, "- 09:04 see OPS-40, OPS-41 resolved too\n") == [
        [2, "resolved", ["OPS-41"], ["OPS-40"]]]
    assert rows(tmp_path, "- 09:05 OPS-5 blocked on DEPLOY-9, DEPLOY-10 shipped\n") == [
        [2, "resolved", ["DEPLOY-10"], ["DEPLOY-9"]], [2, "blocked", ["OPS-5"], ["DEPLOY-9"]]]
    owned = ["OPS-5", "DEPLOY-9", "DEPLOY-10"]
    assert blockers("OPS-5 blocked on DEPLOY-9, DEPLOY-10 shipped", owned) == {"DEPLOY-9"}
    # a list goes on through its separators
    assert blockers("OPS-5 blocked on DEPLOY-9, DEPLOY-10 and DEPLOY-11", [*owned, "DEPLOY-11"]) == {
        "DEPLOY-9", "DEPLOY-10", "DEPLOY-11"}
    assert references("OPS-5 fixed, see OPS-6/OPS-7 and OPS-8", ["OPS-5", "OPS-6", "OPS-7", "OPS-8"]) == [
        "OPS-6", "OPS-7", "OPS-8"]
    assert references("see OPS-40, OPS-41 is still open", ["OPS-40", "OPS-41"]) == ["OPS-40"]


def test_a_deadline_refers_to_what_its_part_refers_to(tmp_path: Path):
    # 5. OPS-77 is 18:00's reference, not 17:00's; 18:00 is OPS-6's
    assert deadline_rows(tmp_path, "- 09:07 OPS-5 ETA 17:00 UTC; OPS-6 see OPS-77, ETA 18:00 UTC\n") == [
        [2, "2025-10-10 17:00:00+00:00", ["OPS-5"], []],
        [2, "2025-10-10 18:00:00+00:00", ["OPS-6"], ["OPS-77"]]]
    assert deadline_rows(tmp_path, "- 09:10 OPS-5 ETA 17:00 UTC, see OPS-77; OPS-6 ETA 18:00 UTC\n") == [
        [2, "2025-10-10 17:00:00+00:00", ["OPS-5"], ["OPS-77"]],
        [2, "2025-10-10 18:00:00+00:00", ["OPS-6"], []]]
    # a part that names nothing else is the whole item's
    assert deadline_rows(tmp_path, "- 09:09 OPS-5 ETA 17:00 UTC. See OPS-77 for context.\n") == [
        [2, "2025-10-10 17:00:00+00:00", ["OPS-5"], ["OPS-77"]]]
    # the one deadline of an item whose reference is another ticket's part's
    assert deadline_rows(tmp_path, "- 09:11 OPS-5 fixed, see OPS-77; OPS-6 blocked, ETA 18:00 UTC\n") == [
        [2, "2025-10-10 18:00:00+00:00", ["OPS-6"], []]]
    text = "OPS-5 ETA 17:00; OPS-6 ETA 18:00, see OPS-77"
    assert deadline_refs(text, ["OPS-5", "OPS-6", "OPS-77"], ["OPS-77"], [6, 23]) == [[], ["OPS-77"]]


def test_a_heading_or_subject_reference_is_not_the_items_ticket(tmp_path: Path):
    # 6. the tickets a heading or a mail's subject only points at are not those of the items under it
    body = (
        "## 2025-10-10\n### OPS-9 rollback (cf. OPS-4)\n- 10:00 rolled back\n- 10:05 see OPS-12 too\n\n"
        "## 2025-10-11\nFrom: Sam Lee <sam@example.com>\nSent: Saturday, October 11, 2025 9:00 AM\n"
        "Subject: RE: OPS-20 resolved, see OPS-21\n\n- 09:30 verified fixed\n"
    )
    ev = _read(tmp_path, body).events
    assert [[int(ln), k, list(t), list(r)] for ln, k, t, r in zip(
        ev["line"], ev["kind"], ev["tickets"], ev["refs"], strict=True)] == [
        [3, "note", ["OPS-9"], []], [4, "note", ["OPS-9"], ["OPS-12"]],
        [8, "note", [], []], [11, "resolved", ["OPS-20"], []]]
    title = ("Subject: OPS-5 resolved, see OPS-77\nFrom: ops@example.com\n"
             "Date: Fri, 10 Oct 2025 09:00:00 +0000\n\nOPS-6 fixed at 09:00 UTC.\n- 09:10 verified\n")
    ev = _read(tmp_path, title).events
    got = [[int(ln), k, list(t)] for ln, k, t in zip(ev["line"], ev["kind"], ev["tickets"], strict=True)]
    assert got == [
        [3, "note", ["OPS-5"]], [5, "resolved", ["OPS-6"]], [6, "status", ["OPS-5"]]]
    # a heading that names only the ticket it points at is still about it
    assert rows(tmp_path, "### see OPS-3\n- 10:00 restarted\n") == [[3, "note", ["OPS-3"], []]]
