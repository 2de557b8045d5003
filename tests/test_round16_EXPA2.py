"""Round 16 (EXPA2), follow-up of EXPA's war room and PM prose logs: 'Working in London time (BST/GMT)'
declares Europe/London, a prose paragraph that opens with its date is written that day (its weekdays
read from it), a later day's time it mentions is a plan (a go/no-go a deadline), and a change
'rescheduled from X to Y' is written at its section's day with Y its new window."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from occ_lib.times import declared_zone
from tests.log_rows import deadline_rows, text_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round16"


def _events(text: str) -> list[list]:
    """``[line, ISO UTC minute, precision, kind, tickets]`` of each event of ``text``."""
    ev = parse_log(text, "x.md").events
    return [[int(n), a.strftime("%m-%dT%H:%M"), p, k, list(t)]
            for n, a, p, k, t in zip(ev["line"], ev["at"], ev["at_precision"], ev["kind"], ev["tickets"],
                                     strict=True)]


# 1: a city's time with its pair of abbreviations declares the document's zone --------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("Working in London time (BST/GMT).", "Europe/London"),
    ("Working in London time (BST/GMT); partner is in Amsterdam (CET).", "Europe/London"),
    ("We are on Berlin time (CET/CEST).", "Europe/Berlin"),
    ("Team works New York time (EST/EDT).", "America/New_York"),
    ("Times are London time.", "Europe/London"),  # (unchanged)
    ("Working in London time (BST).", None),  # (one abbreviation, no 'times': no declaration, as before)
    ("London time (BST/CET)", None),  # (CET is no London time)
    ("Call at 15:00 London time (BST/GMT).", None),  # (that time's zone only)
    ("Working in Amsterdam (CET).", None),
])
def test_a_citys_time_with_its_zone_pair_is_declared(text, expected):
    assert declared_zone(text) == expected


def test_the_pms_london_time_reads_its_escalation_in_bst():
    text = ("# PM\n\nWorking in London time (BST/GMT).\n\n## Week of 2025-10-06\n\n"
            "Friday 10 October. Escalated PAY-103 to the VP by email at 16:40.\n")
    # (before: 10-10T16:40, read as UTC)
    assert _events(text) == [[7, "10-10T15:40", "minute", "escalation", ["PAY-103"]]]
    assert parse_log(text, "x.md").docs["tz"].tolist() == ["Europe/London"]


# 2: a prose paragraph that opens with its date is written that day -----------------------------------------
def test_a_paragraph_that_opens_with_its_date_reads_its_weekdays_from_it():
    text = "## Week of 2025-10-13\n\nFriday 17 October. PAY-1 ETA Wednesday.\n"
    # (before: due 10-15, the Wednesday of the heading's week, before the text was written)
    assert text_deadline_rows(text) == [[3, ["PAY-1"], "10-22 00:00", "ETA", False]]
    assert _events(text) == [[3, "10-17T00:00", "day", "deadline", ["PAY-1"]]]


def test_a_list_item_under_a_week_heading_keeps_the_weeks_weekdays():
    text = "## Week of 2025-10-13\n\n- Fri 10/17 PAY-1 update\n- PAY-2 ETA Wednesday\n"
    # (only a paragraph re-reads its own weekdays; a list item's weekday stays the week's, as pinned)
    assert text_deadline_rows(text) == [[4, ["PAY-2"], "10-15 00:00", "ETA", False]]


# 3: a later day's time in a dated paragraph is a plan, not the paragraph's time -----------------------------
def test_a_go_no_go_on_a_later_day_is_a_deadline_not_the_paragraphs_time():
    text = ("Working in London time (BST/GMT).\n\n## Week of 2025-10-06\n\n"
            "Wednesday 8 October. PAYINT-103 is blocked until they publish. We also agreed a go/no-go for "
            "the pilot at 15:00 on Friday 24 October, London time.\n")
    # (before: the blocked event at 10-24T15:00)
    assert _events(text) == [[5, "10-08T00:00", "day", "blocked", ["PAYINT-103"]]]
    assert text_deadline_rows(text) == [[5, ["PAYINT-103"], "10-24 14:00", "go/no-go", False]]


def test_a_later_days_time_without_a_deadline_word_is_no_time_of_the_paragraph():
    text = ("## Week of 2025-10-06\n\nWednesday 8 October. OPS-1 blocked; the demo is at 15:00 on Friday "
            "24 October.\n")
    assert _events(text) == [[3, "10-08T00:00", "day", "blocked", ["OPS-1"]]]
    assert text_deadline_rows(text) == []


def test_a_paragraph_with_a_time_that_day_keeps_it():
    text = "## Week of 2025-10-13\n\nThursday 16 October. OPS-4 done yesterday at 17:45, all green.\n"
    assert _events(text) == [[3, "10-15T17:45", "minute", "resolved", ["OPS-4"]]]


# 4: a change rescheduled from one slot to another -----------------------------------------------------
def test_a_change_rescheduled_from_a_slot_to_another_is_planned_at_the_new_one():
    text = ("## Tue 2025-11-25\n- CHG0034571 (Redis failover drill) rescheduled from Wed 26 Nov 01:00 UTC+8 "
            "to Tue 2 Dec 01:00 UTC+8: freeze.\n")
    # (before: a note at 11-25T17:00, the old slot, and no deadline)
    assert _events(text) == [[2, "11-25T00:00", "day", "deadline", ["CHG0034571"]]]
    assert text_deadline_rows(text) == [[2, ["CHG0034571"], "12-01 17:00", "window", False]]


def test_a_move_from_to_of_no_ticket_gives_no_deadline_and_no_item_time():
    text = "## Tue 2025-11-25\n- Drill rescheduled from Wed 26 Nov 01:00 UTC+8 to Tue 2 Dec 01:00 UTC+8.\n"
    # (round 16 PLANS: a slot moved to a later day is a plan, as the code's comment said; still no item time)
    assert _events(text) == [[2, "11-25T00:00", "day", "plan", []]]
    assert text_deadline_rows(text) == []


def test_an_eta_moved_from_to_keeps_its_two_deadlines():
    text = "## 2025-10-07\n- 10:00 OPS-13 ETA slipped from 12:00 to 15:00\n"
    assert text_deadline_rows(text) == [[2, ["OPS-13"], "10-07 12:00", "ETA", True],
                                        [2, ["OPS-13"], "10-07 15:00", "ETA", False]]


# the fixtures, read whole ----------------------------------------------------------------------------------
def test_the_pm_fixture_reads_in_london_time_and_its_paragraph_days():
    logs = occ_lib.read_logs(str(FIX / "expa_b_partner_pm.md"))
    ev = logs.events
    got = [[int(n), a.strftime("%m-%dT%H:%M"), p, k]
           for n, a, p, k in zip(ev["line"], ev["at"], ev["at_precision"], ev["kind"], strict=True)]
    assert got == [
        [7, "10-06T00:00", "day", "plan"],
        [9, "10-08T00:00", "day", "blocked"],
        [11, "10-10T15:40", "minute", "escalation"],
        [11, "10-10T15:40", "minute", "status"],
        [15, "10-14T10:20", "minute", "deadline"],
        [17, "10-15T16:45", "minute", "resolved"],
        # (round 16 CLAUSE: 'PAYINT-102 moved to 31 October.' is its own sentence's note, not resolved)
        [17, "10-15T16:45", "minute", "note"],
        [19, "10-17T07:05", "minute", "resolved"],
        [19, "10-17T07:05", "minute", "note"],
    ]
    assert [r for r in deadline_rows(logs.deadlines) if r[1] == ["PAYINT-103"]] == [
        # (round 16 PROSED: Joost promised "in two weeks' time", written 10-08)
        [9, ["PAYINT-103"], "10-22 00:00", "promised", False],
        [9, ["PAYINT-103"], "10-24 14:00", "go/no-go", False]]


def test_the_war_rooms_rescheduled_drill_is_a_window_at_its_new_slot():
    logs = occ_lib.read_logs(str(FIX / "expa_a_peak_warroom.md"))
    assert [r for r in deadline_rows(logs.deadlines) if r[1] == ["CHG0034571"]] == [
        [32, ["CHG0034571"], "12-01 17:00", "window", False]]
    policy = Policy(tz="Asia/Singapore", tickets={"CHG": {"resolution": "7d"}})
    out = misses(logs, None, policy, start=pd.Timestamp("2025-11-23T16:00Z"),
                 end=pd.Timestamp("2025-11-30T16:00Z"), as_of=pd.Timestamp("2025-12-02T00:00Z"))
    res = out[out["kind"].eq("resolution") & out["subject"].eq("CHG0034571")]
    # (first mention the section's day, 11-25 (date only): due 7 days after that day's end in SGT)
    assert res["due_at"].dt.strftime("%m-%dT%H:%M").tolist() == ["12-02T16:00"]
    assert res["status"].tolist() == ["open"]
