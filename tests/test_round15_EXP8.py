"""Round 15 (EXP8): a managed-service provider's log for a client and a data-center remote-hands log
in JST, read as a reliability engineer reads them: a time followed by its weekday and slash date
('escalated at 11:00 ET Mon 10/20') is on that date, not the section's, and 'Times are US Eastern
(ET) unless noted' declares the log's zone for its zone-less times."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib.policy import Policy
from occ_lib.sla import misses
from occ_lib.times import declared_zone
from tests.log_rows import short_event_rows as event_rows

FIX = Path(__file__).parent / "fixtures" / "round15"


# 1: a time, then a weekday and its date ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- OPS-1 escalated to the manager at 11:00 ET Mon 10/20 (x).",
         [[2, "10-20 15:00", "escalation", 2, ["OPS-1"]]]),
        ("- OPS-1 escalated at 11:00 Mon 10/20.", [[2, "10-20 11:00", "escalation", 1, ["OPS-1"]]]),
        ("- OPS-1 escalated at 11:00 ET on Mon 10/20.", [[2, "10-20 15:00", "escalation", 1, ["OPS-1"]]]),
        ("- OPS-1 escalated at 11:00 ET Mon Oct 20.", [[2, "10-20 15:00", "escalation", 1, ["OPS-1"]]]),
        ("- OPS-1 escalated at 11:00 ET Monday, October 20.",
         [[2, "10-20 15:00", "escalation", 1, ["OPS-1"]]]),
        # (a weekday alone is the section's week's day; a bare slash pair after a time is no date)
        ("- OPS-1 escalated at 11:00 ET Mon.", [[2, "10-13 15:00", "escalation", 1, ["OPS-1"]]]),
        ("- OPS-1 escalated at 11:00 10/20.", [[2, "10-13 11:00", "escalation", 1, ["OPS-1"]]]),
    ],
)
def test_a_time_then_a_weekday_and_its_date_is_on_that_date(item, expected):
    assert event_rows("## 2025-10-13\n" + item) == expected


def test_the_msp_logs_escalation_is_on_the_day_it_names():
    rows = [r for r in event_rows((FIX / "exp8_a_msp_acme.md").read_text()) if r[0] == 29]
    assert rows == [[29, "10-20 15:00", "escalation", 2, ["ACME-1251"]]]


# 2: 'Times are US Eastern (ET) unless noted' -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Times are US Eastern (ET) unless noted.", "America/New_York"),
        ("Times are US Pacific.", "America/Los_Angeles"),
        ("All times US/Eastern", "US/Eastern"),
        ("times are US based", None),
    ],
)
def test_us_before_a_declared_zone_word(text, zone):
    assert declared_zone(text) == zone


def test_the_msp_logs_zone_less_times_are_eastern():
    rows = [r for r in event_rows((FIX / "exp8_a_msp_acme.md").read_text()) if r[0] in (11, 18)]
    assert rows == [
        [11, "10-06 13:12", "note", 0, []],
        [18, "10-10 20:45", "deadline", 0, ["MSP-77"]],
    ]


# 3: an MSP's responder taken up the ticket: on the bridge, picked up by the service desk ---------------
@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- 08:47 ET: ACME-1234 opened by client (P1). Engineer on the bridge 08:58 ET, response within SLA.",
         [[2, "10-06 12:47", "note", 0, ["ACME-1234"]],
          [2, "10-06 12:58", "acknowledged", 0, ["ACME-1234"]]]),
        ("- 08:47 ET: ACME-1234 opened by client (P1). Picked up by the service desk 08:58 ET.",
         [[2, "10-06 12:47", "note", 0, ["ACME-1234"]],
          [2, "10-06 12:58", "acknowledged", 0, ["ACME-1234"]]]),
        ("- 08:58 ET engineer joined the bridge for ACME-1234.",
         [[2, "10-06 12:58", "acknowledged", 0, ["ACME-1234"]]]),
        # (someone else on the bridge is no response of ours)
        ("- 08:47 ET: ACME-1234 opened. Vendor on the bridge 08:58 ET.",
         [[2, "10-06 12:47", "note", 0, ["ACME-1234"]]]),
    ],
)
def test_an_engineer_on_the_bridge_is_a_first_response(item, expected):
    assert event_rows("## 2025-10-06\n" + item) == expected


def test_the_msp_logs_p1_response_is_met_by_the_engineer_on_the_bridge():
    logs = occ_lib.read_logs(str(FIX / "exp8_a_msp_acme.md"))
    policy = Policy(tz="America/New_York", tickets={"ACME": {"first_response": "15m", "resolution": "1d"}})
    out = misses(logs, None, policy, start=pd.Timestamp("2025-10-06T04:00Z"),
                 end=pd.Timestamp("2025-10-13T04:00Z"), as_of=pd.Timestamp("2025-10-27T04:00Z"))
    row = out[out["kind"].eq("response") & out["subject"].eq("ACME-1234")].iloc[0]
    assert (row["resolved_at"].strftime("%m-%d %H:%M"), row["status"], row["overage_min"]) == (
        "10-06 12:58", "met", 0.0)  # (was 10:05 ET, the failover, missed by 63 minutes)
