"""Round 14 (SUBJ): whose deadline is it? A ticketless sentence's ETA in an item that names two tickets.

'SUP-4410 update: customer confirmed the workaround, incident INC-7301 opened. ETA 15:00 BST.' gave
15:00 to both tickets (the ETA's sentence names none, so it took all the item's). An incident manager
reads it as the item's subject's: SUP-4410, the ticket the item opens with, while INC-7301 is only
mentioned as opened. The rule: such a deadline goes to the item's lead ticket (the one it opens with,
after its time stamp and decoration, 'KEY update:', 'KEY:') when every other ticket of the item is
only mentioned in a clause that opens or links it (created, opened, filed, linked, spun) or refers to
it (see, cf., related to, blocked on...); it is still every ticket's when the item lists them as one
subject ('OPS-1, OPS-2: ETA 17:00', 'OPS-1 and OPS-2 blocked, ETA 17:00'), tells more of the other
ticket, or opens with no ticket nor names one as its subject. (A lead its clause resolves leaves the
ETA to the ticket the item opened, and 'Update on KEY:', 'opened for KEY' name a lead: test_round14_EDGE.)

Each case: `occ deadlines` rows, then the `occ sla` rows they lead to, each ticket resolved at 17:30 UTC
(a deadline of 17:00 UTC missed by 30 minutes, so a wrong ticket shows up as a false miss).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.log_rows import cli_rows

HEAD = "# Ops log\n\n## 2025-10-07\n\n"


def _rows(tmp_path: Path, item: str, tickets: list[str]) -> tuple[list[list], list[list]]:
    """``occ deadlines`` rows [line, tickets, due_at, keyword, refs] of ``item`` (line 5) and the
    ``occ sla`` deadline rows [subject, due_at, resolved_at, status, overage_min], each of ``tickets``
    resolved at 17:30 UTC."""
    log = tmp_path / "ops.md"
    log.write_text(HEAD + item + "\n" + "".join(f"- 17:30 UTC {t} resolved.\n" for t in tickets))
    dls = [
        [r["line"], r["tickets"], r["due_at"], r["keyword"], r["refs"]]
        for r in cli_rows("deadlines", str(log), "--format", "jsonl")
    ]
    sla = [
        [r["subject"], r["due_at"], r["resolved_at"], r["status"], r["overage_min"]]
        for r in cli_rows("sla", str(log), "--week", "2025-W41", "--as-of", "2025-10-13T00:00Z",
                          "--format", "jsonl")
        if r["kind"] == "deadline"
    ]
    return dls, sla


DUE = "2025-10-07T17:00:00Z"
DONE = "2025-10-07T17:30:00Z"
MISS = 30.0


@pytest.mark.parametrize(
    "item, tickets, due_tickets, refs",
    [
        # the item's lead ticket alone: the other is only opened, created, filed or linked
        ("- 09:40 UTC SUP-4410 update: customer confirmed the workaround, incident INC-7301 opened. "
         "ETA 17:00 UTC.", ["SUP-4410", "INC-7301"], ["SUP-4410"], []),
        ("- 10:00 UTC OPS-1: rollout paused, created OPS-2 for the config fix. ETA 17:00 UTC.",
         ["OPS-1", "OPS-2"], ["OPS-1"], []),
        ("- 10:00 UTC OPS-1 update: filed VND-9 with the vendor; ETA 17:00 UTC",
         ["OPS-1", "VND-9"], ["OPS-1"], []),
        # (in the lead's own clause, after its 'KEY:' subject)
        ("- 10:00 UTC OPS-1: opened INC-2 for the outage. ETA 17:00 UTC", ["OPS-1", "INC-2"], ["OPS-1"], []),
        ("- [10:00Z] **OPS-1** update: rollout paused, linked INC-2. ETA 17:00 UTC",
         ["OPS-1", "INC-2"], ["OPS-1"], []),
        # (opened, and one only referred to: the references' rule, as before)
        ("- 10:00 UTC OPS-1 update: incident INC-2 opened, see OPS-3. ETA 17:00 UTC",
         ["OPS-1", "INC-2", "OPS-3"], ["OPS-1"], []),  # (17:00's part names no reference)
        # every ticket of the item: a list as one subject
        ("- 10:00 UTC OPS-1, OPS-2: ETA 17:00 UTC", ["OPS-1", "OPS-2"], ["OPS-1", "OPS-2"], []),
        ("- 10:00 UTC OPS-1 and OPS-2 blocked, ETA 17:00 UTC", ["OPS-1", "OPS-2"], ["OPS-1", "OPS-2"], []),
        ("- 10:00 UTC OPS-1 and OPS-2 opened, ETA 17:00 UTC", ["OPS-1", "OPS-2"], ["OPS-1", "OPS-2"], []),
        ("- 10:00 UTC OPS-1 and OPS-2 both slow; fix ETA 17:00 UTC", ["OPS-1", "OPS-2"],
         ["OPS-1", "OPS-2"], []),
        # the other ticket is told of too, not only opened
        ("- 10:00 UTC OPS-1 update: incident INC-2 opened, INC-2 paging SRE. ETA 17:00 UTC",
         ["OPS-1", "INC-2"], ["OPS-1", "INC-2"], []),
        # the lead named as what the other was opened for (test_round14_EDGE)
        ("- 10:00 UTC Incident INC-2 opened for OPS-1. ETA 17:00 UTC", ["OPS-1", "INC-2"],
         ["OPS-1"], []),
        # the lead is resolved: the ETA is the work left, the new ticket's (test_round14_EDGE)
        ("- 10:00 UTC OPS-1 resolved; created OPS-2 for the root-cause fix. ETA 17:00 UTC",
         ["OPS-2"], ["OPS-2"], []),
    ],
)
def test_a_ticketless_sentences_eta_is_the_lead_tickets_when_the_others_are_only_opened(
    tmp_path: Path, item: str, tickets: list[str], due_tickets: list[str], refs: list[str]
) -> None:
    dls, sla = _rows(tmp_path, item, tickets)
    assert dls == [[5, due_tickets, DUE, "ETA", refs]]
    # (OPS-1 resolved at 10:00 in the last case: met; every other ticket resolved at 17:30)
    expected = [
        [t, DUE, "2025-10-07T10:00:00Z", "met", 0.0] if t not in tickets else [t, DUE, DONE, "missed", MISS]
        for t in due_tickets
    ]
    assert sorted(sla) == sorted(expected)


def test_the_clause_naming_its_ticket_still_decides_before_the_lead(tmp_path: Path) -> None:
    # ('OPS-1 update: INC-2 opened, INC-2 ETA 17:00': the ETA's clause names INC-2, the rule of clauses)
    dls, sla = _rows(tmp_path, "- 10:00 UTC OPS-1 update: incident INC-2 opened, INC-2 ETA 17:00 UTC",
                     ["OPS-1", "INC-2"])
    assert dls == [[5, ["INC-2"], DUE, "ETA", []]]
    assert sla == [["INC-2", DUE, DONE, "missed", MISS]]


def test_the_support_items_eta_in_bst_is_its_subjects_and_no_false_incident_miss(tmp_path: Path) -> None:
    # (the item of the brief as written: a London log, 'BST' after the stamp; INC-7301 resolved 17:30 UTC
    # had a false 210-minute miss of SUP-4410's ETA)
    dls, sla = _rows(tmp_path, "- 09:40 BST SUP-4410 update: customer confirmed the workaround, incident "
                     "INC-7301 opened. ETA 15:00 BST.", ["SUP-4410", "INC-7301"])
    assert dls == [[5, ["SUP-4410"], "2025-10-07T14:00:00Z", "ETA", []]]
    assert sla == [["SUP-4410", "2025-10-07T14:00:00Z", DONE, "missed", 210.0]]


def test_a_lead_key_ending_in_t_is_no_zone_after_the_stamp() -> None:
    from occ_lib._subjects import deadline_tickets

    text = "10:00 INT-3 update: created OPS-2 for the fix. ETA 17:00 UTC"
    assert deadline_tickets(text, ["INT-3", "OPS-2"], [text.index("ETA")]) == [["INT-3"]]
    text = "10:00 CEST OPS-1: opened INC-2 for the outage. ETA 17:00 UTC"
    assert deadline_tickets(text, ["OPS-1", "INC-2"], [text.index("ETA")]) == [["OPS-1"]]
