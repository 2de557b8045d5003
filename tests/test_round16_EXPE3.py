"""Round 16 EXPE3: a cut-off told as reached or moved is the calendar's, no promise (no SLA row, never its
section's ticket's unless the item names it); an engineer dispatched is a ticket's first response."""

from __future__ import annotations

import pandas as pd
import pytest

from occ_lib import logs
from occ_lib.policy import Policy
from occ_lib.sla import misses

W42 = {"start": pd.Timestamp("2025-10-12T23:00Z"), "end": pd.Timestamp("2025-10-19T23:00Z"),
       "as_of": pd.Timestamp("2025-10-20T00:00Z")}
_BANK = "# L\n\nAll times CET/CEST (Frankfurt) unless marked.\n\n## Wednesday 15 October 2025\n\n"
_AIR = "# L\n\nTimes in Z (UTC).\n\n## Tue 2025-10-14\n\n"
_POLICY = Policy(tickets={"BOPS": {"first_response": "30m", "resolution": "8h"},
                          "AIR": {"first_response": "15m", "resolution": "4h"}})


def _rows(text: str, kind: str) -> list[list]:
    out = misses(logs.parse_log(text), None, _POLICY, **W42)
    out = out[out["kind"].eq(kind)]
    return [[s, d.strftime("%m-%d %H:%M"), None if pd.isna(r) else r.strftime("%m-%d %H:%M"), st]
            for s, d, r, st in zip(out["subject"], out["due_at"], out["resolved_at"], out["status"],
                                   strict=True)]


@pytest.mark.parametrize(("items", "expected"), [
    # (before: a no-ticket deadline at 15:30Z, 'missed' for a week)
    ("- 17:30 cut-off 17:30 CET reached; 4,812 payments in the run.\n", []),
    ("- 17:30 cut-off passed at 17:30.\n", []),
    ("- 17:31 Cut-off 17:30 was reached.\n", []),
    # (a cutoff owed by a task stays)
    ("- 16:00 BOPS-130 resubmit before the 17:30 cutoff.\n", [["BOPS-130", "10-15 15:30", None, "missed"]]),
])
def test_a_cut_off_told_as_reached_is_no_promise(items, expected):
    assert _rows(_BANK + items, "deadline") == expected


_B124 = "- 07:00 BOPS-124 opened: SOD-BATCH-02 failed.\n- 07:45 BOPS-124 rerun completed, closed.\n"


@pytest.mark.parametrize(("item", "expected"), [
    # (before: BOPS-124's, 'met' by its 07:45 close: 'the item names no ticket: BOPS-124 is its section's')
    ("- 17:45 Cut-off extended to 18:00 CET at Treasury request.\n", []),
    ("- 17:45 Cutoff moved to 18:00.\n", []),
    # (an item that names its ticket keeps it)
    ("- 17:45 BOPS-124 cut-off extended to 18:00.\n", [["BOPS-124", "10-15 16:00", "10-15 05:45", "met"]]),
])
def test_a_cut_offs_extension_is_no_tickets_promise_unless_the_item_names_it(item, expected):
    assert _rows(_BANK + _B124 + item, "deadline") == expected


@pytest.mark.parametrize(("item", "response"), [
    # (before: the response was the 06:50 fix, missed by 20)
    ("- 06:15Z AIR-2240: FIDS screens blank. Engineer dispatched, ETA 30 min.\n",
     ["AIR-2240", "10-14 06:30", "10-14 06:15", "met"]),
    ("- 06:15Z AIR-2240: FIDS screens blank. Dispatched a field engineer.\n",
     ["AIR-2240", "10-14 06:30", "10-14 06:15", "met"]),
    ("- 06:15Z AIR-2240: FIDS screens blank. Engineer not dispatched yet.\n",
     ["AIR-2240", "10-14 06:30", "10-14 06:50", "missed"]),
])
def test_an_engineer_dispatched_is_a_first_response(item, response):
    text = _AIR + item + "- 06:50Z AIR-2240 resolved, screens back.\n"
    assert _rows(text, "response") == [response]


def test_the_engineers_eta_stays_a_deadline():
    text = _AIR + "- 06:15Z AIR-2240: FIDS screens blank. Engineer dispatched, ETA 30 min.\n" \
        "- 06:50Z AIR-2240 resolved, screens back.\n"
    assert _rows(text, "deadline") == [["AIR-2240", "10-14 06:45", "10-14 06:50", "missed"]]
