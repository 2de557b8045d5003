"""Round 19 (LEFTA): deadline and time readings left by session 18, read as an on-call engineer reads a NOC
log: a crew's 'ETA on-site in 40 min' is a promise 40 minutes out; an SLA's breach at a time of day is
a warning while it is ahead of the item and a report of the miss once it is not; a service 'back in 20
min' is a restoration promised (a person back in 20 min is not); a bracketed ETA after the ticket a
clause waits on is that clause's ticket's, not the next clause's; one stamp written twice is one time, no
zero-length range; a miss stated in a clause of its own deadline is that one's, not the old ETA's its
neighbour replaced; and a duration told as the team's standing target is a policy, no deadline of the
item."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib._extract import duration_deadline
from occ_lib._subjects import deadline_tickets
from occ_lib.logs import parse_log
from occ_lib.times import sla_breach_at
from tests.log_rows import deadline_rows, item, mention_rows, sla_deadline_rows, text_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round19" / "lefta_noc_day.md"


def _log() -> occ_lib.Logs:
    return occ_lib.read_logs(str(FIX))


# the whole fixture -----------------------------------------------------------------------------------------
def test_the_noc_days_deadlines():
    assert deadline_rows(_log().deadlines) == [
        [7, ["NOC-7720"], "10-08 02:28", "ETA", False],  # (1: before, none)
        [9, ["PAY-31"], "10-08 09:45", "SLA", False],  # (2: a warning; before, none)
        [11, ["PAY-32"], "10-08 09:45", "missed", True],  # (2: a report of the miss; before, none)
        [12, ["PAY-33"], "10-08 10:25", "ETA", False],  # (3: before, none)
        [16, ["OPS-54"], "10-08 15:00", "ETA", False],  # (4: before, OPS-54 and OPS-55)
        # (6: before, 19:40 missed, 20:15 due and the cut-off not missed)
        [17, ["OPS-61"], "10-08 20:15", "ETA", False],
        [17, ["OPS-62"], "10-08 17:00", "cutoff", True],
        # (7: before, a 'within' deadline at 19:15)
    ]


def test_the_noc_days_sla_verdicts():
    assert sla_deadline_rows(_log()) == [
        [7, "NOC-7720", "10-08 02:28", "missed"],
        [9, "PAY-31", "10-08 09:45", "met"],
        [11, "PAY-32", "10-08 09:45", "missed"],
        [12, "PAY-33", "10-08 10:25", "met"],
        [16, "OPS-54", "10-08 15:00", "missed"],
        [17, "OPS-62", "10-08 17:00", "missed"],
        [17, "OPS-61", "10-08 20:15", "missed"],
    ]


def test_the_noc_days_repeated_stamp_is_one_time():
    ev = _log().events
    row = ev[ev["line"].eq(13)]
    # (5: before, end_at 10:12 too, a range of no length)
    assert [[str(a), str(e), k, list(t)] for a, e, k, t in zip(
        row["at"], row["end_at"], row["kind"], row["tickets"], strict=True)] == [
        ["2025-10-08 10:12:00+00:00", "NaT", "note", ["DB-42"]]]


# 1: where a crew is due may stand between ETA and its duration ---------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("01:48 NOC-7720 ETA on-site in 40 min", [[5, ["NOC-7720"], "10-07 02:28", "ETA", False]]),
    ("01:48 NOC-7720 ETA onsite in 40 min", [[5, ["NOC-7720"], "10-07 02:28", "ETA", False]]),
    ("01:48 NOC-7720 ETA onsite 40 min", [[5, ["NOC-7720"], "10-07 02:28", "ETA", False]]),
    ("01:48 NOC-7720 ETA on scene in 20 min", [[5, ["NOC-7720"], "10-07 02:08", "ETA", False]]),
    ("01:48 NOC-7720 ETA to site in 40 min", [[5, ["NOC-7720"], "10-07 02:28", "ETA", False]]),
    # (already read: a time of day after the place, and a one-word goal)
    ("01:48 NOC-7720 crew ETA on site 02:30", [[5, ["NOC-7720"], "10-07 02:30", "ETA", False]]),
    ("01:48 NOC-7720 ETA for fix 45 min", [[5, ["NOC-7720"], "10-07 02:33", "ETA", False]]),
])
def test_an_eta_on_site_in_minutes(text, expected):
    assert text_deadline_rows(item(text)) == expected


# 2: an SLA's breach at a time of day ---------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # (ahead of the item: a warning, the SLA's deadline)
    ("09:00 UTC OPS-1 SLA breach at 09:45", [[5, ["OPS-1"], "10-07 09:45", "SLA", False]]),
    ("09:00 UTC OPS-1 breaches SLA at 11:00", [[5, ["OPS-1"], "10-07 11:00", "SLA", False]]),
    ("09:00 UTC OPS-1 P1 SLA will breach at 09:45", [[5, ["OPS-1"], "10-07 09:45", "SLA", False]]),
    ("09:00 UTC OPS-1 will breach the response SLA at 09:45", [[5, ["OPS-1"], "10-07 09:45", "SLA", False]]),
    ("23:50 UTC OPS-1 SLA breach at 00:15", [[5, ["OPS-1"], "10-08 00:15", "SLA", False]]),
    # (at or before it: a report, the deadline missed then, as 'SLA miss at 09:45' is)
    ("10:00 UTC OPS-1 SLA breach at 09:45", [[5, ["OPS-1"], "10-07 09:45", "missed", True]]),
    ("09:45 UTC OPS-1 SLA breach at 09:45", [[5, ["OPS-1"], "10-07 09:45", "missed", True]]),
    ("10:00 UTC OPS-1 breaches SLA at 09:45", [[5, ["OPS-1"], "10-07 09:45", "missed", True]]),
    ("10:00 UTC OPS-1 SLA miss at 09:45", [[5, ["OPS-1"], "10-07 09:45", "missed", True]]),
    # (told as past: missed at that time; before, a miss of no time)
    ("10:00 UTC OPS-1 SLA breached at 09:45", [[5, ["OPS-1"], "10-07 09:45", "missed", True]]),
    ("10:00 UTC OPS-1 SLA was breached at 09:45", [[5, ["OPS-1"], "10-07 09:45", "missed", True]]),
    # (denied: none)
    ("10:00 UTC OPS-1 no SLA breach at 09:45", []),
    # (no time of the item: only one told as to come)
    ("OPS-1 SLA breach at 09:45", []),
    ("OPS-1 SLA will breach at 09:45", [[5, ["OPS-1"], "10-07 09:45", "SLA", False]]),
    ("OPS-1 SLA breach at 09:45; ETA 11:00", [[5, ["OPS-1"], "10-07 11:00", "ETA", False]]),
    # (a clock, as before)
    ("09:00 UTC OPS-1 SLA breach in 45m", [[5, ["OPS-1"], "10-07 09:45", "SLA", False]]),
])
def test_an_sla_breach_at_a_time(text, expected):
    assert text_deadline_rows(item(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("SLA breach at 09:45", "SLA"), ("breaches SLA at 11:00", "SLA"), ("SLA breach: 09:45", "SLA"),
    ("SLA breached at 09:45", "missed"), ("breached the SLA at 09:45", "missed"),
    ("no SLA breach at 09:45", None), ("avoided an SLA breach at 09:45", None), ("paged at 09:45", None),
])
def test_sla_breach_at(text, expected):
    assert sla_breach_at(text, text.index("09:45") if "09:45" in text else text.index("11:00")) == expected


# 3: a service back in minutes ----------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("10:05 PAY-33 service should be back in 20 min", [[5, ["PAY-33"], "10-07 10:25", "ETA", False]]),
    ("10:05 PAY-33 API back up in 1h", [[5, ["PAY-33"], "10-07 11:05", "ETA", False]]),
    ("10:05 PAY-33 site will be back online in 30 mins", [[5, ["PAY-33"], "10-07 10:35", "ETA", False]]),
    ("10:05 PAY-33 database expected to be back in 45 minutes",
     [[5, ["PAY-33"], "10-07 10:50", "ETA", False]]),
    # (a person away, a service told as back after a while, a subject not named: none)
    ("10:05 PAY-33 Marta back in 20 min", []),
    ("10:05 PAY-33 I'm back in 20", []),
    ("10:05 PAY-33 on-call back in 20 min", []),
    ("10:05 PAY-33 service was back in 20 min", []),
    ("10:05 PAY-33 back in 20 min", []),
    ("10:05 PAY-33 restarted the pods, service back in 5 min", []),
    ("10:05 PAY-33 restarted the pods, service should be back in 5 min",
     [[5, ["PAY-33"], "10-07 10:10", "ETA", False]]),
    ("10:05 PAY-33 payments API failing over, service back in 20 min",
     [[5, ["PAY-33"], "10-07 10:25", "ETA", False]]),
    # (an ETA of the item's comes first)
    ("10:05 PAY-33 ETA 30 min, service back in 20 min", [[5, ["PAY-33"], "10-07 10:35", "ETA", False]]),
])
def test_a_service_back_in_minutes(text, expected):
    assert text_deadline_rows(item(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("service should be back in 20 min", (20.0, "ETA", 26, 32)),
    ("back in 20 min", None),
    ("Marta back in 20 min", None),
])
def test_duration_deadline_of_a_service_back(text, expected):
    assert duration_deadline(text) == expected


# 4: a bracketed ETA after a blocker is its clause's ticket's ---------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("OPS-54 blocked on DEP-9 (ETA 15:00), OPS-55 done", [[5, ["OPS-54"], "10-07 15:00", "ETA", False]]),
    ("OPS-54 and OPS-56 blocked on DEP-9 (ETA 15:00), OPS-55 done",
     [[5, ["OPS-54", "OPS-56"], "10-07 15:00", "ETA", False]]),
    ("OPS-54 waiting on DEP-9 and DEP-10 (ETA 15:00), OPS-55 done",
     [[5, ["OPS-54"], "10-07 15:00", "ETA", False]]),
    # (unchanged: a ticket's own aside, a list's)
    ("INC-101 (due 10/14), INC-102 (due Oct 16)",
     [[5, ["INC-101"], "10-14 00:00", "due", False], [5, ["INC-102"], "10-16 00:00", "due", False]]),
    ("OPS-1, OPS-2 (ETA 18:00)", [[5, ["OPS-1", "OPS-2"], "10-07 18:00", "ETA", False]]),
])
def test_a_bracketed_eta_after_a_blocker(text, expected):
    assert text_deadline_rows(item(text)) == expected


def test_deadline_tickets_of_an_aside_after_a_blocker():
    text = "OPS-54 blocked on DEP-9 (ETA 15:00), OPS-55 done"
    # (the clause's tickets, its blocker with them: the caller drops the blocker, :func:`_subjects_of`)
    assert deadline_tickets(text, ["OPS-54", "DEP-9", "OPS-55"], [text.index("ETA")]) == [["OPS-54", "DEP-9"]]


# 5: one stamp written twice is one time -------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("10:12Z - 10:12Z failover started", [("10:12Z - 10:12Z", "10-08 10:12", None, "minute", None)]),
    ("10:12-10:12 failover", [("10:12-10:12", "10-08 10:12", None, "minute", None)]),
    ("Oct 10 09:00 - Oct 10 09:00 x", [("Oct 10 09:00 - Oct 10 09:00", "10-10 09:00", None, "minute", None)]),
    # (a range stays one)
    ("10:12Z - 10:40Z failover", [("10:12Z - 10:40Z", "10-08 10:12", "10-08 10:40", "minute", None)]),
    ("23:00 - 03:00 x", [("23:00 - 03:00", "10-08 23:00", "10-09 03:00", "minute", None)]),
])
def test_a_repeated_stamp_is_no_range(text, expected):
    assert mention_rows(text, dt.date(2025, 10, 8), "UTC") == expected


def test_a_repeated_stamp_item_has_no_end():
    ev = parse_log(item("10:12Z - 10:12Z failover started"), "x.md").events
    assert [[str(a), pd.isna(e)] for a, e in zip(ev["at"], ev["end_at"], strict=True)] == [
        ["2025-10-07 10:12:00+00:00", True]]


# 6: a miss stated in a clause of its own deadline ---------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("08:40 OPS-1 ETA was 09:40, now 10:15. OPS-2 missed the 17:00 cut-off",
     [[5, ["OPS-1"], "10-07 10:15", "ETA", False], [5, ["OPS-2"], "10-07 17:00", "cutoff", True]]),
    ("18:40 OPS-1 ETA was 19:40, now 20:15. OPS-2 missed the 17:00 cut-off",
     [[5, ["OPS-1"], "10-07 20:15", "ETA", False], [5, ["OPS-2"], "10-07 17:00", "cutoff", True]]),
    # (before, the first 09:40 missed and the second a row of its own too)
    ("10:00 OPS-1 ETA was 09:40, now 10:15; missed the 09:40 ETA",
     [[5, ["OPS-1"], "10-07 10:15", "ETA", False], [5, ["OPS-1"], "10-07 09:40", "ETA", True]]),
    # (the old one's clause states the miss: it keeps it, as before)
    ("10:00 OPS-1 ETA was 09:40, now 10:15 - missed",
     [[5, ["OPS-1"], "10-07 09:40", "ETA", True], [5, ["OPS-1"], "10-07 10:15", "ETA", False]]),
    ("10:00 OPS-1 ETA Oct 31 (was Oct 24, slipped)",
     [[5, ["OPS-1"], "10-31 00:00", "ETA", False], [5, ["OPS-1"], "10-24 00:00", "ETA", True]]),
    ("10:00 OPS-1 ETA 18:00 (slipped from 16:00)",
     [[5, ["OPS-1"], "10-07 18:00", "ETA", False], [5, ["OPS-1"], "10-07 16:00", "ETA", True]]),
])
def test_a_miss_in_its_own_clause(text, expected):
    assert text_deadline_rows(item(text)) == expected


# 7: a duration told as a policy ----------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("09:00 UTC OPS-2 response within 15 minutes of paging is our target", []),
    ("09:00 UTC OPS-2 our SLA is response within 15 minutes", []),
    ("09:00 UTC OPS-2 the target is ack within 15 min of the page", []),
    # (the item's own promise, in its own sentence, stays one)
    ("09:00 UTC OPS-2 fix expected within the hour", [[5, ["OPS-2"], "10-07 10:00", "within", False]]),
    ("09:00 UTC OPS-2 fix expected within the hour. Our target is 4h resolution.",
     [[5, ["OPS-2"], "10-07 10:00", "within", False]]),
    ("09:00 UTC OPS-2 ETA 30 min; response within 15 min is our target",
     [[5, ["OPS-2"], "10-07 09:30", "ETA", False]]),
    ("09:00 UTC OPS-2 must be resolved within 4h per SLA", [[5, ["OPS-2"], "10-07 13:00", "within", False]]),
])
def test_a_policy_is_no_deadline(text, expected):
    assert text_deadline_rows(item(text)) == expected
