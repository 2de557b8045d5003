"""Round 16 (EXPC): two logs in voices not covered before, a hospital clinical-systems on-call log in
military time (America/Chicago, '1430hrs', '0800h', 'callback by 1600', 'ETA by 1700 local Wednesday',
'1615 no callback yet; escalated to the CMIO') and an ops lead's casual 12-hour log in ET ('10a standup',
'by 5p', 'noon PT', 'EOD Friday PT'), read as a reliability engineer reads them: a 24-hour log's times
written without a colon or 'hrs' are times, where they cannot be a number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from occ_lib import times
from occ_lib.logs import read_logs
from tests.log_rows import deadline_rows, sla_deadline_rows, text_deadline_rows
from tests.log_rows import short_event_rows as event_rows

FIX = Path(__file__).parent / "fixtures" / "round16"
DAY = dt.date(2025, 10, 7)


def _read(text: str) -> list[tuple[str, str]]:
    return [(m.at.strftime("%m-%d %H:%M"), m.precision) for m in times.find_times(text, day=DAY, tz="UTC")]


# 1: '0800h' and a bare 'HHMM' after by/at/before/until/ETA ---------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("0800h CLIN-5131 opened", [("10-07 08:00", "minute")]),
    ("0740h workaround in place", [("10-07 07:40", "minute")]),
    ("ETA 1800h", [("10-07 18:00", "minute")]),
    ("vendor committed to a callback by 1600.", [("10-07 16:00", "minute")]),
    ("patch applied at 1400, all displays refreshing", [("10-07 14:00", "minute")]),
    ("acked by on-call at 0725.", [("10-07 07:25", "minute")]),
    ("fix ETA by 1700 local Wednesday.", [("10-08 17:00", "minute")]),
    ("new ETA Thu at 1400.", [("10-09 14:00", "minute")]),
    ("report due by 2359", [("10-07 23:59", "minute")]),
    ("handoff at 1930", [("10-07 19:30", "minute")]),
    ("cutover at 2045.", [("10-07 20:45", "minute")]),
    ("cutover by 2030 UTC", [("10-07 20:30", "minute")]),
])
def test_a_military_time_after_a_time_keyword_or_with_h_is_a_time(text, want):
    assert _read(text) == want


@pytest.mark.parametrize("text", [
    "budget approved by 2025",      # a year
    "decommission by 2030",          # a year (20:30 only with a zone)
    "cutover at 2015;",              # a year too
    "throttled by 1200 users",       # a count
    "queue depth 1800 msgs",         # no keyword before it
    "1615 no callback yet",          # opens the item, but no 24-hour log around it
    "0800hz oscillator",             # no 'h' alone
    "at 2400",                       # no such time
])
def test_a_four_digit_number_that_is_no_time_stays_a_number(text):
    assert _read(text) == []


# 2: an item's opening 'HHMM' in a 24-hour log --------------------------------------------------------------
MIL_LOG = """# Clinical on-call

## Mon 2025-10-06

- 1430hrs CLIN-5124 opened: lab interface backing up, queue depth 1,800 msgs.
- 1615 no callback yet; escalated to the CMIO. CLIN-5124 still degraded.
- 1650 vendor engaged, interface engine restarted.
- 1812 CLIN-5124 resolved, queue at 0.
- 2025 budget line for interface monitoring approved.
- 1800 x 2 messages replayed.
"""


def test_an_items_opening_hhmm_in_a_24_hour_log_is_its_time():
    assert event_rows(MIL_LOG) == [
        [5, "10-06 14:30", "note", 0, ["CLIN-5124"]],
        [6, "10-06 16:15", "escalation", 3, ["CLIN-5124"]],  # (the CMIO: EXPC2)
        [7, "10-06 16:50", "note", 0, []],
        [8, "10-06 18:12", "resolved", 0, ["CLIN-5124"]],
        [9, "10-06 00:00", "status", 0, []],  # (a year, no 20:25)
        [10, "10-06 00:00", "note", 0, []],
    ]


def test_an_items_opening_hhmm_without_a_24_hour_log_is_a_number():
    text = MIL_LOG.replace("1430hrs", "14:30")
    assert [r[:2] for r in event_rows(text)] == [
        [5, "10-06 14:30"], [6, "10-06 00:00"], [7, "10-06 00:00"], [8, "10-06 00:00"], [9, "10-06 00:00"],
        [10, "10-06 00:00"],
    ]


@pytest.mark.parametrize(("text", "want"), [
    ("All times local, 24-hour clock.", True),
    ("We log in military time.", True),
    ("- 0930 hrs paged", True),
    ("- 0800h opened", True),
    ("- 14:30 opened; 2025 plan", False),
    ("- 24h soak test, 1800 msgs", False),
])
def test_what_makes_a_24_hour_log(text, want):
    assert times.is_clock24(text) is want


# 3: the clinical fixture, end to end ---------------------------------------------------------------------
def _fixture():
    return read_logs([str(FIX / "expc_a_clinical_oncall.md")])


def test_the_clinical_logs_deadlines():
    assert deadline_rows(_fixture().deadlines) == [
        [11, ["CLIN-5124"], "10-06 21:00", "by", False],
        [18, ["CHG-880"], "10-08 09:00", "window", False],  # ('downtime 0200-0400 tonight': MIL2)
        [21, ["CLIN-5120"], "10-08 22:00", "by", False],
        [22, [], "10-07 00:00", "by", False],
        [28, ["CLIN-5131"], "10-08 17:00", "ETA", False],
        [29, ["CLIN-5131"], "10-08 22:00", "by", False],  # (the new ETA right after CLIN-5131's: EXPC2)
        [31, ["CLIN-5120"], "10-09 19:00", "ETA", False],
        [36, ["CLIN-5140"], "10-10 05:00", "by", False],
    ]


def test_the_clinical_logs_escalation_and_resolution_times():
    ev = _fixture().events
    rows = [[int(n), at.strftime("%m-%d %H:%M"), k]
            for n, at, k in zip(ev["line"], ev["at"], ev["kind"], strict=True)
            if k in ("escalation", "resolved", "acknowledged")]
    assert rows == [
        [9, "10-06 12:25", "acknowledged"],
        [12, "10-06 21:15", "escalation"],
        [14, "10-06 23:12", "resolved"],
        [20, "10-08 09:15", "resolved"],  # ('CHG-880 ... downtime ended': EXPC2; in the 0415 clause: MIL2)
        [26, "10-08 13:00", "escalation"],
        [27, "10-08 13:30", "escalation"],
        [30, "10-08 21:55", "resolved"],
        [35, "10-09 19:20", "resolved"],
        [37, "10-10 04:50", "resolved"],
        [42, "10-11 04:45", "resolved"],
    ]


def test_the_clinical_logs_sla_deadlines():
    assert sla_deadline_rows(_fixture()) == [
        [11, "CLIN-5124", "10-06 21:00", "missed"],
        [22, "(no ticket)", "10-08 05:00", "missed"],
        [18, "CHG-880", "10-08 09:00", "missed"],  # (the downtime's window, ended 0415: 15 min over; MIL2)
        [28, "CLIN-5131", "10-08 17:00", "missed"],
        [21, "CLIN-5120", "10-08 22:00", "missed"],
        [29, "CLIN-5131", "10-08 22:00", "met"],  # (CLIN-5131's new ETA, resolved 21:55: EXPC2)
        [31, "CLIN-5120", "10-09 19:00", "missed"],
        [36, "CLIN-5140", "10-10 05:00", "met"],
    ]


def test_a_new_eta_written_in_military_time_moves_the_earlier_one():
    text = """# On-call

## Tue 2025-10-07

- 0900hrs CLIN-7 opened. Vendor fix ETA by 1700 local Wednesday.

## Wed 2025-10-08

- CLIN-7 still open; vendor missed 1700 ETA, new ETA Thu at 1400.
- 1420 CLIN-7 resolved.
"""
    assert text_deadline_rows(text) == [
        [5, ["CLIN-7"], "10-08 17:00", "by", False],
        [9, ["CLIN-7"], "10-09 14:00", "ETA", False],
    ]
    assert [r[:2] for r in event_rows(text)][-1] == [10, "10-08 14:20"]


# 4: a ticket target from a date-only first mention ends that day in the log's declared zone ------------
CHI_LOG = """# Clinical on-call

All times are local (Central, America/Chicago), 24-hour clock.

## Thu 2025-10-09

- Scanner firmware (CLIN-5140) due by midnight.
- 2350 CLIN-5140 firmware pushed; resolved.
"""


def _target_rows(tmp_path: Path, text: str) -> list[list]:
    from occ_lib.policy import Policy, TicketTarget
    from occ_lib.sla import ticket_target_misses

    path = tmp_path / "chi.md"
    path.write_text(text, encoding="utf-8")
    target = TicketTarget(first_response="15m", resolution="1d")
    policy = Policy(tz="America/New_York", tickets={"CLIN": target})
    out = ticket_target_misses(read_logs([str(path)]), policy, start="2025-10-06", as_of="2025-10-13")
    cols = zip(out["kind"], out["due_at"], out["resolved_at"], out["status"], strict=True)
    return [[k, d.strftime("%m-%d %H:%M"), r.strftime("%m-%d %H:%M"), st] for k, d, r, st in cols]


def test_a_date_only_first_mention_counts_from_the_end_of_its_day_in_the_logs_zone(tmp_path):
    # (Thu ends at 05:00 UTC in Chicago: the response at 23:50 local Thu is within the target, not
    # 35 min late against New York's midnight)
    assert _target_rows(tmp_path, CHI_LOG) == [
        ["response", "10-10 05:15", "10-10 04:50", "met"],
        ["resolution", "10-11 05:00", "10-10 04:50", "met"],
    ]


def test_a_date_only_first_mention_of_a_log_without_a_declared_zone_ends_in_the_policys(tmp_path):
    # (read in UTC, its Thursday ends where the policy's does: 04:00 UTC, New York's midnight)
    text = """# On-call, 24-hour clock

## Thu 2025-10-09

- Scanner firmware (CLIN-5140) due by midnight.

## Fri 2025-10-10

- 0410hrs CLIN-5140 firmware pushed; resolved.
"""
    assert _target_rows(tmp_path, text) == [
        ["response", "10-10 04:15", "10-10 04:10", "met"],
        ["resolution", "10-11 04:00", "10-10 04:10", "met"],
    ]
