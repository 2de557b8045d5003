"""Round 16 (EXPD): a game studio's live-ops log around a patch launch (region shards EU-1, NA-2, SEA-3,
build numbers, PDT/UTC/CEST triples, Sony certification) and a university IT service desk's exam-week
log (BST, ServiceNow RITM requests, HD- tickets, the Registrar), read as a reliability engineer reads
them: 'All times UK time (BST)' is Europe/London, a request item 'fulfilled' is resolved, and a region
shard 'SEA-3' is no ticket."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib._extract import tickets
from occ_lib.policy import Policy
from occ_lib.sla import misses
from occ_lib.times import declared_zone
from tests.log_rows import short_event_rows as event_rows

FIX = Path(__file__).parent / "fixtures" / "round16"
W42 = {"start": pd.Timestamp("2025-10-12T23:00Z"), "end": pd.Timestamp("2025-10-19T23:00Z"),
       "as_of": pd.Timestamp("2025-10-20T00:00Z")}


def _sla_rows(out: pd.DataFrame, kind: str) -> list[list]:
    out = out[out["kind"].eq(kind)]
    return [[s, None if pd.isna(r) else r.strftime("%m-%d %H:%M"), st]
            for s, r, st in zip(out["subject"], out["resolved_at"], out["status"], strict=True)]


# 1: a country's time declared for the document --------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("All times UK time (BST) unless stated.", "Europe/London"),
    ("All times in UK time.", "Europe/London"),
    ("Times are U.K. time (BST/GMT).", "Europe/London"),
    ("Times are British time.", "Europe/London"),
    ("All times Irish time.", "Europe/Dublin"),
    ("All times in British Summer Time.", "Europe/London"),
    ("All times London time (BST).", "Europe/London"),
    ("Times in UKtime.", None),
    ("UK time is busy this week.", None),
])
def test_a_countrys_time_is_its_zone(text, expected):
    assert declared_zone(text) == expected


def test_uk_time_bst_puts_the_desks_times_in_london():
    text = ("# Desk\n\nAll times UK time (BST) unless stated.\n\n## Monday 13 October 2025\n\n"
            "- 08:10 INC0045120 opened, P1.\n- 09:05 INC0045120 resolved.\n")
    # (before: 08:10Z and 09:05Z, UTC)
    assert event_rows(text) == [[7, "10-13 07:10", "note", 0, ["INC0045120"]],
                                [8, "10-13 08:05", "resolved", 0, ["INC0045120"]]]


# 2: a ServiceNow request item ends fulfilled ------------------------------------------------------------
@pytest.mark.parametrize(("item", "kind"), [
    ("11:30 RITM0012345 (extra time accounts for 14 students) fulfilled.", "resolved"),
    ("11:40 RITM0012377 fulfilled (20 min before deadline).", "resolved"),
    ("11:40 RITM0012377 not yet fulfilled.", "note"),
    ("11:40 RITM0012377 to be fulfilled by Thu 12:00.", "deadline"),
])
def test_a_request_item_fulfilled_is_resolved(item, kind):
    rows = event_rows(f"# Desk\n\n## 2025-10-15\n\n- {item}\n")
    assert [r[2] for r in rows] == [kind]


# 3: a region shard is no ticket ---------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("09:34 EU-1 and NA-2 up, login queue 12k. SEA-3 still down (LIVE-311).", ["LIVE-311"]),
    ("Weekend cover: Priya (EU-1/NA-2), Kenji (SEA-3).", []),
    ("APAC-12 and EMEA-3 drained; AMER-1 and LATAM-2 next.", []),
    ("EU-1234 opened for the GDPR export.", ["EU-1234"]),
    ("SEAL-3 approved", ["SEAL-3"]),
])
def test_a_region_shard_is_no_ticket(text, expected):
    assert tickets(text) == expected


def test_the_live_ops_cert_due_date_is_no_shards_and_sea3_is_not_met_by_live311():
    logs = occ_lib.read_logs(str(FIX / "expd_a_liveops_patch.md"))
    out = misses(logs, None, Policy(tickets={"LIVE": {"resolution": "1d"}}), **W42)
    dl = out[out["kind"].eq("deadline")]
    # (before: the 'cert due Oct 30' row was EU-1, NA-2 and SEA-3's, SEA-3 'met' by LIVE-311's fix)
    assert [[s, d.strftime("%m-%d %H:%M"), st] for s, d, st in zip(dl["subject"], dl["due_at"], dl["status"],
                                                                   strict=True)] == [
        ["LIVE-311", "10-14 19:05", "met"],
        ["LIVE-315", "10-16 04:30", "missed"],
        ["CERT-41", "10-16 15:00", "met"],
        ["LIVE-312", "10-16 17:00", "missed"],
        # (round 16 CLAUSE: 'Xbox cert submitted 13:10, result ETA Fri' is the Xbox cert's, no ticket's; it
        # was 'met' by CERT-41's Sony submission, and the log never tells the Xbox result)
        ["(no ticket)", "10-18 07:00", "missed"],
        ["(no ticket)", "10-31 07:00", "open"],
    ]


def test_the_exam_week_desk_is_judged_in_london_time_and_its_requests_close():
    logs = occ_lib.read_logs(str(FIX / "expd_b_uni_exam_week.md"))
    policy = Policy(tickets={"INC": {"first_response": "15m", "resolution": "8h"},
                             "RITM": {"resolution": "2d"}})
    out = misses(logs, None, policy, **W42)
    assert _sla_rows(out, "response") == [
        ["INC0045120", "10-13 07:25", "met"],
        ["INC0045133", "10-14 08:20", "met"],
        ["INC0045150", "10-15 07:30", "missed"],
    ]
    # (before: RITM0012345 and RITM0012377 'missed, no resolution yet')
    assert _sla_rows(out, "resolution") == [
        ["INC0045120", "10-13 08:05", "met"],
        ["INC0045133", "10-14 15:40", "met"],
        ["RITM0012345", "10-13 10:30", "met"],
        ["INC0045150", "10-15 10:20", "met"],
        ["RITM0012377", "10-16 10:40", "met"],
    ]
    dl = out[out["kind"].eq("deadline") & out["subject"].isin(["INC0045133", "RITM0012377"])]
    # ('vendor says fix by 16:00 BST', resolved 16:40 BST: missed by 40 min, not 100 as read in UTC)
    assert [[s, st, o] for s, st, o in zip(dl["subject"], dl["status"], dl["overage_min"], strict=True)] == [
        ["INC0045133", "missed", 40.0], ["RITM0012377", "met", 0.0]]
