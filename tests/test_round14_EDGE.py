"""Round 14 (EDGE): the SLA edges the round's helpers left.

1. 'maintenance window until 06:00 UTC' of no ticket was a missed `(no ticket)` SLA row: its keyword was
   `until`, while a ticketless window ('Change window: Sat 02:00-04:00 UTC') is no promise
   (test_round14_KINDS). 'window until' is now the window's end, keyword `window`.
2. 'OPS-1 resolved; created OPS-2 for the root-cause fix. ETA 17:00' gave the ETA to both tickets; the
   resolved lead leaves it to the ticket the item opened.
3. 'Update on SUP-4410: incident INC-7301 opened. ETA ...', 'Re: OPS-1', 'OPS-1 - ...' and 'Incident
   INC-2 opened for OPS-1. ETA ...' name the lead ticket though the item does not open with it.
4. A date before the item's clock ('2025-10-10 04:41 UTC OPS-1 update: ...') hid its lead ticket.

The deadline cases use test_round14_SUBJ's rows: `occ deadlines` [line, tickets, due_at, keyword, refs]
and `occ sla` deadline rows [subject, due_at, resolved_at, status, overage_min], each ticket of the
item resolved at 17:30 UTC.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import deadline_rows, event_rows
from tests.test_round14_SUBJ import DONE, DUE, MISS, _rows

# --- 1: a window's end written with 'until' ------------------------------------------------------------


def test_a_window_until_a_time_is_the_windows_end_and_of_no_ticket_no_sla_promise() -> None:
    text = (
        "## 2025-10-08\n"
        "\n"
        "- maintenance window until 06:00 UTC\n"
        "- 09:00 UTC change window open until 11:00 UTC\n"
        "- 09:00 UTC we have until 12:00 UTC to ship the config fix\n"
        "- 09:00 UTC OPS-7 maintenance window until 13:00 UTC\n"
    )
    logs = parse_log(text, "x.md")
    assert deadline_rows(logs.deadlines) == [
        [3, [], "10-08 06:00", "window", False],
        [4, [], "10-08 11:00", "window", False],
        [5, [], "10-08 12:00", "until", False],  # (a promise: 'until' of no window)
        [6, ["OPS-7"], "10-08 13:00", "window", False],
    ]
    assert [r[:4] for r in event_rows(text)] == [
        [3, "10-08 00:00", "deadline", 0],
        [4, "10-08 09:00", "deadline", 0],
        [5, "10-08 09:00", "deadline", 0],
        [6, "10-08 09:00", "deadline", 0],
    ]
    out = misses(logs, None, Policy(), start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-10-13", tz="UTC"), as_of=pd.Timestamp("2025-10-13", tz="UTC"))
    assert out[["line", "subject", "due_at", "status"]].values.tolist() == [
        [5, "(no ticket)", pd.Timestamp("2025-10-08 12:00", tz="UTC"), "missed"],
        # (a ticket's window is its deadline)
        [6, "OPS-7", pd.Timestamp("2025-10-08 13:00", tz="UTC"), "missed"],
    ]


# --- 2-4: whose ETA is it? ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "item, tickets, due_tickets",
    [
        # 2: the lead resolved in its own clause: the ETA is the work left, the ticket(s) the item opened
        ("- 10:00 UTC OPS-1 resolved; created OPS-2 for the root-cause fix. ETA 17:00 UTC",
         ["OPS-2"], ["OPS-2"]),
        ("- 10:00 UTC OPS-1 resolved; created OPS-2 and OPS-3 for the follow-ups. ETA 17:00 UTC",
         ["OPS-2", "OPS-3"], ["OPS-2", "OPS-3"]),
        # (nothing opened, another ticket still told of: every ticket's, as before)
        ("- 10:00 UTC OPS-1 resolved; OPS-2 still slow. ETA 17:00 UTC", ["OPS-2"], ["OPS-1", "OPS-2"]),
        # 3: a subject form names the lead
        ("- 10:00 UTC Update on SUP-4410: incident INC-7301 opened. ETA 17:00 UTC",
         ["SUP-4410", "INC-7301"], ["SUP-4410"]),
        ("- 10:00 UTC OPS-1 - created INC-2 for the outage. ETA 17:00 UTC", ["OPS-1", "INC-2"], ["OPS-1"]),
        ("- 10:00 UTC Incident INC-2 opened for OPS-1. ETA 17:00 UTC", ["OPS-1", "INC-2"], ["OPS-1"]),
        # (the other ticket told of, a list as the subject, two opened, no 'for': every ticket's)
        ("- 10:00 UTC Update on SUP-4410: INC-7301 paging SRE. ETA 17:00 UTC",
         ["SUP-4410", "INC-7301"], ["SUP-4410", "INC-7301"]),
        ("- 10:00 UTC Update on OPS-1 and OPS-2: ETA 17:00 UTC", ["OPS-1", "OPS-2"], ["OPS-1", "OPS-2"]),
        ("- 10:00 UTC Incident INC-2 opened for OPS-1, INC-2 paging SRE. ETA 17:00 UTC",
         ["OPS-1", "INC-2"], ["INC-2", "OPS-1"]),
        ("- 10:00 UTC INC-2 and INC-3 opened for OPS-1. ETA 17:00 UTC",
         ["OPS-1", "INC-2", "INC-3"], ["INC-2", "INC-3", "OPS-1"]),
        # (round 15: the incident opened in a clause of its own, the next clause told of OPS-1: OPS-1's, as
        # 'Incident INC-2 opened for OPS-1' is; this used to be every ticket's)
        ("- 10:00 UTC Incident INC-2 opened, OPS-1 slow. ETA 17:00 UTC", ["OPS-1", "INC-2"], ["OPS-1"]),
        # 4: a date before the clock
        ("- 2025-10-07 10:00 UTC OPS-1 update: rollout paused, incident INC-2 opened. ETA 17:00 UTC",
         ["OPS-1", "INC-2"], ["OPS-1"]),
        ("- 2025-10-07T10:00Z OPS-1: opened INC-2 for the outage. ETA 17:00 UTC", ["OPS-1", "INC-2"],
         ["OPS-1"]),
    ],
)
def test_the_eta_goes_to_the_ticket_the_item_is_about(
    tmp_path: Path, item: str, tickets: list[str], due_tickets: list[str]
) -> None:
    dls, sla = _rows(tmp_path, item, tickets)
    assert dls == [[5, due_tickets, DUE, "ETA", []]]
    # (a ticket not resolved at 17:30 is the lead its item resolved at 10:00: met)
    expected = [
        [t, DUE, "2025-10-07T10:00:00Z", "met", 0.0] if t not in tickets else [t, DUE, DONE, "missed", MISS]
        for t in due_tickets
    ]
    assert sorted(sla) == sorted(expected)


def test_re_names_the_lead_on_its_own_line_and_not_before_a_list() -> None:
    from occ_lib._subjects import deadline_tickets

    text = "10:00 UTC Re: OPS-1\ncreated INC-2 for the outage. ETA 17:00 UTC"
    assert deadline_tickets(text, ["OPS-1", "INC-2"], [text.index("ETA")]) == [["OPS-1"]]
    text = "10:00 UTC Re: OPS-1 and OPS-2 opened, ETA 17:00 UTC"
    assert deadline_tickets(text, ["OPS-1", "OPS-2"], [text.index("ETA")]) == [None]  # (every ticket's)
