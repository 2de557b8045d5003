"""Round 16 (EXPC2): what EXPC found and did not fix in its two logs: times said in words ('half past
nine ET', 'quarter past 3', 'quarter to 5 PT', 'around 4ish'), hour ranges ('9-11p tonight', a 24-hour
log's 'downtime 0200-0400 tonight'), a change's 'downtime ended', a ticketless new ETA right after a
ticket's ETA, a hospital's CMIO (and the other chiefs) as an executive, 'first thing Monday' and 'EOD
Friday PT'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from occ_lib.logs import read_logs
from tests.log_rows import item, mention_rows, sla_deadline_rows, text_deadline_rows
from tests.log_rows import short_event_rows as event_rows

FIX = Path(__file__).parent / "fixtures" / "round16"
DAY = dt.date(2025, 10, 7)  # (a Tuesday)


def _read(text: str, tz: str = "America/New_York", clock24: bool = False) -> list[tuple]:
    return mention_rows(text, DAY, tz, clock24)


# 1: times said in words ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("OPS-310 index shipped half past nine ET. Resolved.",
     [("half past nine ET", "10-07 13:30", None, "minute", None)]),
    ("quarter past 3 Raj says", [("quarter past 3", "10-07 19:15", None, "minute", None)]),  # (working hours)
    ("fix due quarter to 5 PT", [("quarter to 5 PT", "10-07 23:45", None, "minute", "due")]),
    ("a quarter past eleven standup", [("a quarter past eleven", "10-07 15:15", None, "minute", None)]),
    ("ETA half past 10pm", [("half past 10pm", "10-08 02:30", None, "minute", "ETA")]),
    ("quarter after 3 p.m. PT sync", [("quarter after 3 p.m. PT", "10-07 22:15", None, "minute", None)]),
    ("quarter to 1", [("quarter to 1", "10-07 16:45", None, "minute", None)]),
    ("by quarter past 8 on Oct 9", [("quarter past 8 on Oct 9", "10-09 12:15", None, "minute", "by")]),
    ("around 4ish paged Priya about OPS-312", [("4ish", "10-07 20:00", None, "minute", None)]),
    ("back at 3ish tomorrow", [("3ish", "10-08 19:00", None, "minute", None)]),
])
def test_a_time_said_in_words_is_read(text, want):
    assert _read(text) == want


@pytest.mark.parametrize("text", [
    "half past the hour",     # no hour
    "half to 5",              # no such time
    "queue 4ish items",       # a rough count, no time word before it
    "polish 5ish",
    "after 5 minutes",
])
def test_words_that_are_no_time_stay_none(text):
    assert _read(text) == []


# 1: hour ranges --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("OPS-322 DNS migration window 9-11p tonight.",
     [("9-11p", "10-08 01:00", "10-08 03:00", "minute", "window")]),
    ("9-11p ET", [("9-11p ET", "10-08 01:00", "10-08 03:00", "minute", None)]),
    ("window 11-1p", [("11-1p", "10-07 15:00", "10-07 17:00", "minute", "window")]),
])
def test_an_hour_range_with_one_meridiem_letter(text, want):
    assert _read(text) == want


def test_a_one_letter_range_that_is_a_label_is_none():
    assert _read("see option 1-2a of the runbook") == []


@pytest.mark.parametrize(("text", "want"), [
    # (a range in the small hours said 'tonight' is the next morning's)
    ("Planned EHR downtime 0200-0400 tonight (CHG-880).",
     [("0200-0400", "10-08 07:00", "10-08 09:00", "minute", "window")]),  # (a downtime's window: MIL2)
    ("window 0200-0400", [("0200-0400", "10-07 07:00", "10-07 09:00", "minute", "window")]),
    ("2300-0100 CDT cutover", [("2300-0100 CDT", "10-08 04:00", "10-08 06:00", "minute", None)]),
])
def test_a_military_range_in_a_24_hour_log(text, want):
    assert _read(text, "America/Chicago", clock24=True) == want


@pytest.mark.parametrize("text", ["throttled 1000-1200 users", "budget 2020-2024", "ticket 12-3456 opened"])
def test_a_military_like_range_that_is_no_time(text):
    assert _read(text, "America/Chicago", clock24=True) == []


def test_a_military_range_outside_a_24_hour_log_is_none():
    assert _read("downtime 0200-0400 tonight", "America/Chicago") == [
        ("tonight", "10-07 00:00", None, "day", None)]


# 2: a change's downtime said over resolves it --------------------------------------------------------------
CHG_LOG = """# Log
tz: America/Chicago

## Tue 2025-10-07

- 01:00 CHG-880 downtime started.
- 03:51 CHG-880 application back up, all interfaces caught up, downtime ended.
- 04:00 CHG-881 maintenance window over
- 04:20 downtime has ended for CHG-883
- 04:30 CHG-884 is the downtime over?
- 04:50 CHG-886 until downtime ends, hold
- 05:00 CHG-887 maintenance complete.
"""


def test_downtime_ended_resolves_a_change():
    assert event_rows(CHG_LOG) == [
        [6, "10-07 06:00", "note", 0, ["CHG-880"]],
        [7, "10-07 08:51", "resolved", 0, ["CHG-880"]],
        [8, "10-07 09:00", "resolved", 0, ["CHG-881"]],
        [9, "10-07 09:20", "resolved", 0, ["CHG-883"]],
        [10, "10-07 09:30", "note", 0, ["CHG-884"]],
        [11, "10-07 09:50", "note", 0, ["CHG-886"]],
        [12, "10-07 10:00", "resolved", 0, ["CHG-887"]],
    ]


# 3: a ticketless new ETA right after a ticket's ETA ---------------------------------------------------------
ETA_LOG = """# Log
tz: America/Chicago

## Wed 2025-10-08

- 07:12 CLIN-5120 opened.
- 08:00 CLIN-5131 opened.
- CLIN-5131 vendor ETA noon.
- 12:15 PACS vendor says fix needs a maintenance window; new ETA by 17:00 local.
- 13:00 vendor call; ETA by 18:00 local.
- 14:00 CLIN-5120 vendor ETA 19:00.
- 14:05 Lee on site.
- 14:10 new ETA 20:00.
"""


def test_a_ticketless_new_eta_right_after_a_tickets_eta_is_that_tickets():
    assert text_deadline_rows(ETA_LOG) == [
        [8, ["CLIN-5131"], "10-08 17:00", "ETA", False],
        [9, ["CLIN-5131"], "10-08 22:00", "by", False],
        [10, [], "10-08 23:00", "by", False],         # (no move: another promise, no ticket)
        [11, ["CLIN-5120"], "10-09 00:00", "ETA", False],
        [13, [], "10-09 01:00", "ETA", False],        # (an item between: not the item right before)
    ]


# 4: the chiefs are executives -------------------------------------------------------------------------------
@pytest.mark.parametrize("who", ["the CMIO", "the CNO", "CMO", "the CFO", "COO", "the CISO", "the CIO",
                                 "CNIO"])
def test_a_chief_is_an_executive_escalation(who):
    assert event_rows(item(f"16:15 CLIN-5124 escalated to {who}."))[0][2:4] == ["escalation", 3]


# 5: 'first thing Monday' and 'EOD Friday PT' ---------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("first thing Monday: OPS-320 quarterly access review due",
     [("first thing Monday", "10-13 13:00", None, "minute", "due")]),
    ("due first thing Monday", [("first thing Monday", "10-13 13:00", None, "minute", "due")]),
    ("first thing tomorrow review due", [("first thing tomorrow", "10-08 13:00", None, "minute", "due")]),
    ("patch due first thing Monday morning PT",
     [("first thing Monday morning PT", "10-13 16:00", None, "minute", "due")]),
    ("fix by EOD Friday PT", [("EOD Friday PT", "10-11 07:00", None, "minute", "by")]),
    ("fix by EOD PT", [("EOD PT", "10-08 07:00", None, "minute", "by")]),
    ("fix by EOD Friday", [("EOD Friday", "10-10 00:00", None, "day", "by")]),  # (date only)
])
def test_first_thing_and_an_end_of_day_with_its_zone(text, want):
    assert _read(text) == want


# the two logs of EXPC, read whole --------------------------------------------------------------------------
def test_the_ops_leads_deadlines():
    logs = read_logs([FIX / "expc_b_ops_lead.md"])
    assert sla_deadline_rows(logs) == [
        [10, "OPS-312", "10-06 21:00", "met"],
        [8, "OPS-310", "10-07 04:00", "missed"],   # (resolved 'half past nine ET' Tue: 13:30Z, 570 min late)
        [25, "OPS-322", "10-09 03:00", "met"],     # ('window 9-11p tonight', done 10:40pm)
        [19, "OPS-318", "10-11 07:00", "met"],     # (EOD Friday PT)
        [23, "OPS-320", "10-13 13:00", "open"],    # (first thing Monday, 09:00 ET)
    ]


def test_the_ops_leads_spoken_times():
    ev = read_logs([FIX / "expc_b_ops_lead.md"]).events
    rows = [[int(n), at.strftime("%m-%d %H:%M"), p, k] for n, at, p, k in zip(
        ev["line"], ev["at"], ev["at_precision"], ev["kind"], strict=True) if n in (8, 9, 15)]
    assert rows == [[8, "10-06 19:15", "minute", "deadline"], [9, "10-06 20:00", "minute", "follow_up"],
                    [15, "10-07 13:30", "minute", "resolved"]]


def test_the_clinical_logs_change_window_and_its_end():
    logs = read_logs([FIX / "expc_a_clinical_oncall.md"])
    ev = logs.events
    rows = [[int(n), at.strftime("%m-%d %H:%M"), None if e != e else e.strftime("%m-%d %H:%M"), k]
            for n, at, e, k in zip(ev["line"], ev["at"], ev["end_at"], ev["kind"], strict=True)
            if 18 <= n <= 20]
    # (MIL2: the downtime's range is also a window deadline; the downtime ended at the 0415 clause)
    assert rows == [[18, "10-08 07:00", "10-08 09:00", "plan"], [19, "10-08 07:05", None, "note"],
                    [20, "10-08 08:51", None, "note"], [20, "10-08 09:15", None, "resolved"]]
