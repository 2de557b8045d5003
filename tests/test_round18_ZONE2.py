"""Round 18 (ZONE2): zones and times within one item, read as the on-call who wrote them meant them. A US
East payments on-call log (EST, PT and UTC stamps, vendor ETAs, SLA clocks) and a Berlin data-platform log
(CET/CEST declared, NYC colleagues writing ET) show them:

- an item's own stamp zone is the clock of its zone-less times (``09:00 EST: vendor says fix lands by 11am``
  is due 16:00Z, not 11:00Z the next day), an explicit zone on the later time still wins, and a document's
  declared zone still applies when the stamp names none;
- a time-less item's ``by 3pm`` is on its section's day, also after an item stamped on another clock;
- ``Next update tomorrow 10:00 CET`` is a promise of the next update (a day word between the promise and
  its time), and so is ``Customer update promised by 11am``;
- an SLA's clock told as running out (``SLA breach in 45m``, ``breaches SLA in 2h``, ``SLA expires in 45
  minutes``) is a deadline that long after the item's time; a count of breaches is none;
- neighbours: ``ETA 1h30m`` is ninety minutes, ``recovered within 10 min`` is how long it took (no promise),
  while ``must be resolved within 4h`` still is one.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib._extract import duration_deadline
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import deadline_rows, item, short_event_rows, text_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round18"


def _declared(zone: str, text: str, day: str) -> str:
    """A log of one item ``text`` under ``day``, its zone declared in the front matter."""
    return f"---\ntz: {zone}\n---\n# Log\n\n## {day}\n\n- {text}\n"


def _problems(text: str) -> list[list]:
    from occ_lib.logs import parse_log

    pr = parse_log(text, "x.md").problems
    return pr[["line", "what", "token", "reason"]].values.tolist()


# 1: an item's stamp zone is the clock of its zone-less times -------------------------------------------
@pytest.mark.parametrize(("text", "day", "expected"), [
    # (before: 11:00 UTC, rolled to the next day as a promise written after it)
    ("09:00 EST: PAY-1 vendor says fix lands by 11am", "2025-11-04",
     [[5, ["PAY-1"], "11-04 16:00", "by", False]]),
    # (before: 09:45 UTC, and stated missed: before the 14:30 UTC stamp)
    ("07:30 PT PAY-2 ETA 9:45", "2025-10-09", [[5, ["PAY-2"], "10-09 16:45", "ETA", False]]),
    ("07:30 PT PAY-2 ETA 9:45", "2025-11-04", [[5, ["PAY-2"], "11-04 17:45", "ETA", False]]),
    ("[07:30 PT] PAY-2 ETA 9:45", "2025-10-09", [[5, ["PAY-2"], "10-09 16:45", "ETA", False]]),
    ("08:15 ET: CHG-1 vendor maintenance window 10:00-11:00", "2025-11-04",
     [[5, ["CHG-1"], "11-04 16:00", "window", False]]),
    ("23:30 PT: PAY-5 vendor ETA 01:00", "2025-11-04", [[5, ["PAY-5"], "11-05 09:00", "ETA", False]]),
    # an explicit zone on the later time wins
    ("07:30 PT PAY-2 ETA 9:45 UTC", "2025-10-09", [[5, ["PAY-2"], "10-09 09:45", "ETA", False]]),
    ("10:15 EST: PAY-3 Visa ETA 16:30 UTC", "2025-11-04", [[5, ["PAY-3"], "11-04 16:30", "ETA", False]]),
    ("08:15 ET: CHG-2 window 14:00-16:00 UTC", "2025-11-04",
     [[5, ["CHG-2"], "11-04 16:00", "window", False]]),
    # a stamp in the log's own zone changes nothing
    ("09:00 UTC PAY-4 ETA 11:00", "2025-11-04", [[5, ["PAY-4"], "11-04 11:00", "ETA", False]]),
])
def test_an_items_stamp_zone_is_the_clock_of_its_zoneless_times(text, day, expected):
    assert text_deadline_rows(item(text, day)) == expected


def test_a_later_step_of_the_item_is_on_its_stamps_clock_too():
    # (before: acked at 07:50 UTC, before the page at 14:30 UTC)
    assert short_event_rows(item("[07:30 PT] PAY-3 paged; 07:50 acked", "2025-10-09")) == [
        [5, "10-09 14:30", "follow_up", 1, ["PAY-3"]],
        [5, "10-09 14:50", "acknowledged", 0, ["PAY-3"]],
    ]


@pytest.mark.parametrize(("text", "expected"), [
    # the declared zone, when the stamp names none
    ("07:30 PAY-2 ETA 9:45", [[8, ["PAY-2"], "10-09 13:45", "ETA", False]]),
    ("07:30 ET PAY-2 ETA 9:45", [[8, ["PAY-2"], "10-09 13:45", "ETA", False]]),
    # the stamp's own zone over the declared one (before: 13:45, New York's 09:45)
    ("07:30 PT PAY-2 ETA 9:45", [[8, ["PAY-2"], "10-09 16:45", "ETA", False]]),
    ("14:00 UTC: DATA-1 Snowflake support ETA 16:00", [[8, ["DATA-1"], "10-09 16:00", "ETA", False]]),
])
def test_a_declared_zone_yields_only_to_the_items_own_stamp(text, expected):
    assert text_deadline_rows(_declared("America/New_York", text, "2025-10-09")) == expected


# 2: a time-less item's 'by 3pm' is on its section's day ------------------------------------------------
@pytest.mark.parametrize(("zone", "expected"), [
    (None, "10-09 15:00"),
    ("Europe/Berlin", "10-09 13:00"),
    ("America/Los_Angeles", "10-09 22:00"),
    ("Asia/Tokyo", "10-09 06:00"),
])
@pytest.mark.parametrize("by", ["by 3pm", "by 15:00"])
def test_a_timeless_items_by_is_on_its_sections_day(zone, expected, by):
    text = item(f"PAY-3 fix {by}", "2025-10-09") if zone is None else _declared(
        zone, f"PAY-3 fix {by}", "2025-10-09")
    line = 5 if zone is None else 8
    assert text_deadline_rows(text) == [[line, ["PAY-3"], expected, "by", False]]


def test_a_timeless_item_after_an_item_on_another_clock_stays_on_its_day():
    text = ("# Log\n\n## 2025-11-04\n\n- 14:00 EST PAY-1 customer confirmed fix. Solved.\n"
            "- PAY-2 reconciliation report owed to finance by 4pm\n- 17:00 PAY-3 paged\n"
            "- vendor promised a fix by 09:00\n")
    # (before: PAY-2 the next day's 16:00, read after 19:00 UTC as a promise; the vendor's 09:00, read
    # after 17:00 on the log's own clock, is still the next morning's)
    assert text_deadline_rows(text) == [
        [6, ["PAY-2"], "11-04 16:00", "by", False],
        [8, [], "11-05 09:00", "by", False],
    ]


# 3: a next update promised on a named day --------------------------------------------------------------
@pytest.mark.parametrize(("text", "day", "expected"), [
    # (before: no deadline: 'tomorrow' between the promise and its time)
    ("09:00 CET DATA-1 Next update tomorrow 10:00 CET", "2025-11-04",
     [[5, ["DATA-1"], "11-05 09:00", "update", False]]),
    ("09:00 CEST DATA-1 Next update tomorrow 10:00 CET", "2025-10-09",
     [[5, ["DATA-1"], "10-10 08:00", "update", False]]),
    # (before: keyword 'by')
    ("09:00 UTC DATA-2 Next update tomorrow by 10:00 CET", "2025-11-04",
     [[5, ["DATA-2"], "11-05 09:00", "update", False]]),
    ("09:00 UTC DATA-3 next update Monday morning at 09:00 ET", "2025-11-04",
     [[5, ["DATA-3"], "11-10 14:00", "update", False]]),
    ("09:00 UTC DATA-4 Next update: tomorrow 10:00", "2025-11-04",
     [[5, ["DATA-4"], "11-05 10:00", "update", False]]),
    ("09:00 UTC DATA-5 next update in 30 min", "2025-11-04",
     [[5, ["DATA-5"], "11-04 09:30", "update", False]]),
    ("09:00 EST DATA-6 next update in 30 min", "2025-11-04",
     [[5, ["DATA-6"], "11-04 14:30", "update", False]]),
    # (before: keyword 'by', kept by the fix rather than by the update)
    ("09:00 EST: ZD-1 escalated to Tier 3. Customer update promised by 11am.", "2025-11-03",
     [[5, ["ZD-1"], "11-03 16:00", "update", False]]),
    # the fix's deadline on a day stays the fix's
    ("09:00 UTC DATA-7 fix ETA tomorrow 10:00", "2025-11-04", [[5, ["DATA-7"], "11-05 10:00", "ETA", False]]),
])
def test_a_next_update_on_a_named_day_is_an_update_promise(text, day, expected):
    assert text_deadline_rows(item(text, day)) == expected


# 4: an SLA's clock running out is a deadline -----------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("09:00 UTC OPS-1 SLA breach in 45m", [[5, ["OPS-1"], "11-04 09:45", "SLA", False]]),
    ("09:10 UTC OPS-2 breaches SLA in 2h", [[5, ["OPS-2"], "11-04 11:10", "SLA", False]]),
    ("09:20 UTC OPS-3 SLA expires in 45 minutes", [[5, ["OPS-3"], "11-04 10:05", "expires", False]]),
    ("09:45 EST OPS-4 export stuck. SLA breach in 45m.", [[5, ["OPS-4"], "11-04 15:30", "SLA", False]]),
    ("09:00 UTC OPS-5 P1 SLA will breach in 1h", [[5, ["OPS-5"], "11-04 10:00", "SLA", False]]),
    ("09:00 UTC OPS-6 will breach the response SLA in 20 min", [[5, ["OPS-6"], "11-04 09:20", "SLA", False]]),
    ("09:00 UTC OPS-7 SLA breach in 1h 30m", [[5, ["OPS-7"], "11-04 10:30", "SLA", False]]),
    # the clock of the next update: kept by that update
    ("08:20 EST ZD-2 first reply sent. SLA breach in 2h 13m for next update.",
     [[5, ["ZD-2"], "11-04 15:33", "update", False]]),
    # a count of breaches is no clock
    ("09:00 UTC OPS-8 no SLA breach in 30 days", []),
    ("09:00 UTC OPS-9 2 SLA breaches in 24h", []),
    ("09:00 UTC OPS-10 SLA breached 20 min ago", []),
])
def test_an_sla_clock_running_out_is_a_deadline(text, expected):
    assert text_deadline_rows(item(text, "2025-11-04")) == expected


def test_an_sla_clock_without_the_items_time_is_a_problem_not_a_guess():
    text = item("OPS-11 SLA breach in 45m", "2025-11-04")
    assert text_deadline_rows(text) == []
    assert _problems(text) == [[5, "time", "45m", "relative deadline without the item's time"]]


# 5: neighbours: hours and minutes, and a 'within' told as past -----------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("ETA 1h30m", (90.0, "ETA", 4, 9)),
    ("ETA 1 hr 30 min", (90.0, "ETA", 4, 15)),
    ("ETA ~2h", (120.0, "ETA", 5, 7)),
    ("fix within the hour", (60.0, "within", 11, 19)),
    ("must be resolved within 4h", (240.0, "within", 24, 26)),
    ("fix expected within the hour", (60.0, "within", 20, 28)),
    ("was resolved within the hour", None),
    ("recovered within 10 min", None),
    ("queue recovered within 10 min; ETA 2h for the backlog", (120.0, "ETA", 35, 37)),
    ("back in 20 min", None),  # (a person away: no promise of the ticket's)
])
def test_durations_with_minutes_and_past_withins(text, expected):
    assert duration_deadline(text) == expected


# the two logs ------------------------------------------------------------------------------------------
def test_the_payments_oncall_log_reads_each_item_on_its_own_clock():
    logs = occ_lib.read_logs(str(FIX / "zone2_a_payments_oncall.md"))
    assert deadline_rows(logs.deadlines) == [
        [8, ["PAY-4411"], "10-09 16:45", "ETA", False],  # (before: 09:45, stated missed)
        [14, ["PAY-4410"], "11-04 16:00", "by", False],  # (before: 11-05 11:00)
        [15, ["PAY-4410"], "11-04 14:50", "update", False],
        [16, ["PAY-4414"], "11-04 15:30", "SLA", False],  # (before: none)
        [17, ["PAY-4414"], "11-04 17:05", "SLA", False],  # (before: none)
        [18, ["PAY-4412"], "11-04 16:30", "ETA", False],
        # (before: 'recovered within 10 min' was a deadline of 16:00, and 'ETA 1h30m' none)
        [20, ["PAY-4412"], "11-04 17:30", "ETA", False],
        [21, ["PAY-4413"], "11-04 15:00", "by", False],
    ]
    assert logs.problems.empty


def test_the_payments_oncall_logs_promises_are_judged_on_their_clock():
    logs = occ_lib.read_logs(str(FIX / "zone2_a_payments_oncall.md"))
    out = misses(logs, None, Policy(), start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-11-10", tz="UTC"), as_of=pd.Timestamp("2025-11-10", tz="UTC"))
    out = out[out["kind"].eq("deadline") & out["line"].isin([8, 14, 16, 17])]
    rows = [[int(n), s, d.strftime("%m-%d %H:%M"), r.strftime("%m-%d %H:%M"), st]
            for n, s, d, r, st in zip(out["line"], out["subject"], out["due_at"], out["resolved_at"],
                                      out["status"], strict=True)]
    # Adyen's 9:45 PT, the file landed 12:50 ET: 5 minutes late (before: 09:45 UTC, hours before it was
    # promised); the chargeback queue's SLA at 10:30 EST, drained 10:50 EST: breached, its 2h clock met;
    # Stripe's 11am EST, fixed 11:05 EST: missed by 5 (before: due the next day, met)
    assert rows == [
        [8, "PAY-4411", "10-09 16:45", "10-09 16:50", "missed"],
        [16, "PAY-4414", "11-04 15:30", "11-04 15:50", "missed"],
        [14, "PAY-4410", "11-04 16:00", "11-04 16:05", "missed"],
        [17, "PAY-4414", "11-04 17:05", "11-04 15:50", "met"],
    ]


def test_the_data_platform_log_reads_its_declared_zone_and_the_nyc_stamps():
    logs = occ_lib.read_logs(str(FIX / "zone2_b_data_platform.md"))
    assert deadline_rows(logs.deadlines) == [
        [7, ["DATA-2231"], "10-09 08:15", "ETA", False],
        [8, ["DATA-2231"], "10-10 08:00", "update", False],  # (before: none)
        [9, ["DATA-2232"], "10-09 13:00", "by", False],
        [10, ["DATA-2234"], "10-09 10:15", "expires", False],  # (before: none)
        [11, ["DATA-2233"], "10-09 16:00", "ETA", False],  # (before: 14:00, Berlin's 16:00)
        [15, ["DATA-2243"], "11-04 16:00", "ETA", False],  # (before: 10:00, Berlin's 11:00)
        [16, ["DATA-2245"], "11-04 16:00", "window", False],  # (before: 10:00)
        [17, ["DATA-2240"], "11-04 08:35", "update", False],
        [18, ["DATA-2244"], "11-04 16:00", "window", False],
        # (before: 'lag cleared within 20 min of the consumer restart' a deadline of 09:20)
        [20, ["DATA-2242"], "11-04 10:40", "SLA", False],  # (before: none)
        [21, ["DATA-2241"], "11-04 14:00", "by", False],
        [22, ["DATA-2240"], "11-05 09:00", "update", False],  # (before: none)
    ]
    assert logs.problems.empty
