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
    return ex.classify(ex.kind_text(text), ex.keywords(ex.kind_text(text)), False)


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
