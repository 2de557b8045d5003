"""Round 16 DEADL: a cut-off told as reached or passed is no deadline of the log reader either; every code of
a list of error codes is no ticket; a business-day ETA or due is read as 'target 2 working days' is."""

from __future__ import annotations

import pandas as pd
import pytest

from occ_lib import logs
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import short_event_rows, text_deadline_rows

_BANK = "# L\n\nAll times CET/CEST (Frankfurt) unless marked.\n\n## Wednesday 15 October 2025\n\n"
_F = False
W42 = {"start": pd.Timestamp("2025-10-12T23:00Z"), "end": pd.Timestamp("2025-10-19T23:00Z"),
       "as_of": pd.Timestamp("2025-10-20T00:00Z")}


@pytest.mark.parametrize("item", [
    # (before: a cutoff deadline at 15:30Z, the event kind 'deadline')
    "- 17:30 cut-off 17:30 CET reached; 4,812 payments in the run.",
    "- 17:31 Cut-off 17:30 was reached.",
    "- 17:30 cutoff passed at 17:30.",
    # (already none before: pinned)
    "- 17:30 cut-off passed at 17:30.",
])
def test_a_cut_off_told_as_reached_is_no_deadline(item):
    text = _BANK + item + "\n"
    assert text_deadline_rows(text) == []
    assert [r[2] for r in short_event_rows(text)] == ["note"]


@pytest.mark.parametrize(("item", "rows"), [
    # (a cutoff owed by a task stays, as does one still ahead)
    ("- 16:00 BOPS-130 resubmit before the 17:30 cutoff.", [[7, ["BOPS-130"], "10-15 15:30", "cutoff", _F]]),
    ("- 16:00 cut-off 17:30 CET; resubmit BOPS-130 before it.",
     [[7, ["BOPS-130"], "10-15 15:30", "cutoff", _F]]),
])
def test_a_cut_off_still_ahead_stays_a_deadline(item, rows):
    assert text_deadline_rows(_BANK + item + "\n") == rows


def test_the_sla_has_no_row_of_a_cut_off_reached():
    out = misses(logs.parse_log(_BANK + "- 17:30 cut-off 17:30 CET reached.\n"), None, Policy(), **W42)
    assert out[out["kind"].eq("deadline")].empty


@pytest.mark.parametrize(("item", "tickets"), [
    # (before: MM-505 was read as a ticket, only the first code was recognised)
    ("- 10:00 LIVE-312 errors: MM-504, MM-505", ["LIVE-312"]),
    ("- 10:00 LIVE-312 error codes MM-504 and MM-505", ["LIVE-312"]),
    ("- 10:00 LIVE-312 errors MM-504, MM-505 and MM-506; OPS-7 opened", ["LIVE-312", "OPS-7"]),
    ("- 10:00 codes MM-504/MM-505 seen", []),
    ("- 10:00 LIVE-312 errors MM-504, MM-505, or MM-506", ["LIVE-312"]),
    # (a key of another prefix after the code is a ticket; so is one not in the list)
    ("- 10:00 LIVE-312 errors MM-504, OPS-7 escalated", ["LIVE-312", "OPS-7"]),
    ("- 10:00 errors MM-504 seen by LIVE-312 and MM-505 on-call", ["LIVE-312", "MM-505"]),
    ("- 10:00 checkout error PAY-1234, PAY-1235 opened", ["PAY-1234", "PAY-1235"]),
])
def test_every_code_of_a_list_of_error_codes_is_no_ticket(item, tickets):
    assert [r[4] for r in short_event_rows(_BANK + item + "\n")] == [tickets]


@pytest.mark.parametrize(("item", "rows"), [
    # Wed 14:00 CEST + 3 weekdays: Mon 10-20 14:00 CEST (12:00Z); + 2: Fri 10-17
    ("- 14:00 HD-5521 ETA in 3 business days", [[7, ["HD-5521"], "10-20 12:00", "ETA", False]]),
    ("- 14:00 HD-5521 due within 2 working days", [[7, ["HD-5521"], "10-17 12:00", "due", False]]),
    ("- 14:00 HD-5521 target 2 working days", [[7, ["HD-5521"], "10-17 12:00", "target", False]]),
    # (a day-only item: that day's date)
    ("- HD-5521 ETA in 3 business days", [[7, ["HD-5521"], "10-20 00:00", "ETA", False]]),
])
def test_a_business_day_eta_or_due_is_read_as_a_target(item, rows):
    text = _BANK + item + "\n"
    assert text_deadline_rows(text) == rows
    assert [r[2] for r in short_event_rows(text)] == ["deadline"]
