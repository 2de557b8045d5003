"""Round 20 (LEFTD): four readings left by session 19, of times, ETAs and an escalation, read as a support
desk reads its handover: a reminder, callback or risk named by its weekday on a Sunday is the coming day,
not the one six days back (a step told done stays the day before); an ETA written as a comma's clause right
after a ticket's blocker is that ticket's, as the bracketed one is, not the next clause's; a weekend's plan
in a Friday handover (a maintenance window, then a run that may miss its freshness on Sunday) is at the
Friday's date, due at the window's end, its Sunday time no time of Friday's; and an 'escalated' typed with
two letters swapped before whom it reaches is still an escalation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from tests.log_rows import (
    deadline_rows,
    item,
    mention_rows,
    short_event_rows,
    sla_deadline_rows,
    text_deadline_rows,
)

FIX = Path(__file__).parent / "fixtures" / "round20" / "leftd_weekend_desk.md"
SUN = "Sun 12 Oct 2025"
FRI = "Handover — Fri 10 Oct 2025"


def _log() -> occ_lib.Logs:
    return occ_lib.read_logs(str(FIX))


def _event_cells(ev: pd.DataFrame) -> list[list]:
    """``[line, ISO at, kind, level, tickets]`` of each event."""
    return [[int(n), str(a), k, int(lv), list(t)] for n, a, k, lv, t in zip(
        ev["line"], ev["at"], ev["kind"], ev["level"], ev["tickets"], strict=True)]


# the whole fixture -----------------------------------------------------------------------------------------
def test_the_weekend_desks_events():
    assert _event_cells(_log().events) == [
        [5, "2025-10-10 00:00:00+00:00", "deadline", 0, []],  # (3: before, 2025-10-10 01:30)
        [6, "2025-10-10 00:00:00+00:00", "resolved", 0, ["OPS-55"]],
        [6, "2025-10-10 00:00:00+00:00", "blocked", 0, ["OPS-54"]],
        [7, "2025-10-10 00:00:00+00:00", "escalation", 3, ["ZD-48185"]],  # (4: before, a note of level 0)
        [11, "2025-10-13 16:00:00+00:00", "follow_up", 1, []],  # (1: before, 2025-10-06 16:00)
        [12, "2025-10-06 16:00:00+00:00", "note", 0, []],  # (a step told done: the Monday before, as before)
    ]


def test_the_weekend_desks_deadlines():
    assert deadline_rows(_log().deadlines) == [
        [5, [], "10-11 04:00", "window", False],
        [6, ["OPS-54"], "10-10 15:00", "ETA", False],  # (2: before, OPS-54 and OPS-55)
    ]


def test_the_weekend_desks_sla_verdicts():
    assert sla_deadline_rows(_log()) == [[6, "OPS-54", "10-10 15:00", "missed"]]


# 1: a weekday of what is to come, on a Sunday ---------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("Reminder: Contoso callback Mon 9am PT.", [[5, "10-13 16:00", "follow_up", 1, []]]),
    ("Reminder to call Contoso Thu 10:00", [[5, "10-16 10:00", "follow_up", 1, []]]),
    ("Contoso callback Mon 9am PT.", [[5, "10-13 16:00", "note", 0, []]]),
    ("Contoso call back Tue 10:00 UTC", [[5, "10-14 10:00", "note", 0, []]]),
    # (told as past: the day before, as before)
    ("Contoso callback was Mon 9am PT.", [[5, "10-06 16:00", "note", 0, []]]),
    ("reminder sent Mon 9am", [[5, "10-06 09:00", "follow_up", 1, []]]),
    ("deployed the hotfix Mon 9am PT", [[5, "10-06 16:00", "note", 0, []]]),
    ("Mon 9am PT rolled back the config", [[5, "10-06 16:00", "note", 0, []]]),
    # (a meeting's slot, no tense: the nearest such day, as before)
    ("Mon 9am PT standup notes", [[5, "10-13 16:00", "note", 0, []]]),
])
def test_a_weekday_to_come_on_a_sunday(text, expected):
    assert short_event_rows(item(text, SUN)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # (a callback with no tense is the nearest such day: on a Wednesday, Monday is two days back)
    ("Contoso callback Mon 9am PT.", [[5, "10-06 16:00", "note", 0, []]]),
    ("Contoso callback Fri 9am PT.", [[5, "10-10 16:00", "note", 0, []]]),
    # (a reminder is of what is to come)
    ("Reminder: Contoso callback Mon 9am PT.", [[5, "10-13 16:00", "follow_up", 1, []]]),
])
def test_a_callback_on_a_wednesday(text, expected):
    assert short_event_rows(item(text, "Wed 08 Oct 2025")) == expected


# 2: a comma's ETA after a blocker ------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("OPS-54 blocked on DEP-9, ETA 15:00, OPS-55 done", [[5, ["OPS-54"], "10-07 15:00", "ETA", False]]),
    ("OPS-54 waiting on DEP-9, ETA 15:00, OPS-55 done", [[5, ["OPS-54"], "10-07 15:00", "ETA", False]]),
    ("OPS-54 and OPS-56 blocked on DEP-9, ETA 15:00, OPS-55 done",
     [[5, ["OPS-54", "OPS-56"], "10-07 15:00", "ETA", False]]),
    # (unchanged: the bracketed form, a list's ETA, each its own aside, a blocker alone)
    ("OPS-54 blocked on DEP-9 (ETA 15:00), OPS-55 done", [[5, ["OPS-54"], "10-07 15:00", "ETA", False]]),
    ("OPS-1, OPS-2 ETA 18:00", [[5, ["OPS-1", "OPS-2"], "10-07 18:00", "ETA", False]]),
    ("INC-101 (due 10/14), INC-102 (due Oct 16)",
     [[5, ["INC-101"], "10-14 00:00", "due", False], [5, ["INC-102"], "10-16 00:00", "due", False]]),
    ("OPS-54 blocked on DEP-9, ETA 15:00", [[5, ["OPS-54"], "10-07 15:00", "ETA", False]]),
    ("OPS-54 waiting on DEP-9, ETA 15:00; OPS-55 ETA 17:00",
     [[5, ["OPS-54"], "10-07 15:00", "ETA", False], [5, ["OPS-55"], "10-07 17:00", "ETA", False]]),
])
def test_a_commas_eta_after_a_blocker(text, expected):
    assert text_deadline_rows(item(text)) == expected


# 3: a weekend's plan in a Friday handover -------------------------------------------------------------------
WEEKEND = "Weekend: maintenance window Sat 11 Oct 02:00–04:00 UTC; Sun run may miss 07:00 IST freshness."


def test_a_weekend_plan_is_at_its_sections_date():
    assert short_event_rows(item(WEEKEND, FRI)) == [[5, "10-10 00:00", "deadline", 0, []]]
    assert text_deadline_rows(item(WEEKEND, FRI)) == [[5, [], "10-11 04:00", "window", False]]


def test_a_weekend_plans_times():
    assert mention_rows(WEEKEND, dt.date(2025, 10, 10), "UTC") == [
        ("11 Oct 02:00–04:00 UTC", "10-11 02:00", "10-11 04:00", "minute", "window"),
        ("07:00 IST", "10-12 01:30", None, "minute", None),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    # (a short weekday opening its clause before a thing run that day, a few words from the time)
    ("Sun run may miss 07:00 IST freshness.", [("07:00 IST", "10-12 01:30", None, "minute", None)]),
    ("Sunday run may miss 07:00 IST freshness.", [("07:00 IST", "10-12 01:30", None, "minute", None)]),
    ("Sun run at 07:00 IST", [("07:00 IST", "10-05 01:30", None, "minute", None)]),
    ("fixed. Sun run failed at 07:00 IST", [("07:00 IST", "10-05 01:30", None, "minute", None)]),
    # (no such noun, or lower case: no weekday, as before)
    ("Sat with the DB team at 14:00", [("14:00", "10-10 14:00", None, "minute", None)]),
    ("Sun Life call at 14:00", [("14:00", "10-10 14:00", None, "minute", None)]),
    ("sun run may miss 07:00 IST", [("07:00 IST", "10-10 01:30", None, "minute", None)]),
])
def test_a_short_weekday_of_a_run(text, expected):
    assert mention_rows(text, dt.date(2025, 10, 10), "UTC") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # (a window alone; an item's own stamp: the item's times as before)
    ("maintenance window Sat 02:00–04:00 UTC", [[5, "10-10 00:00", "deadline", 0, []]]),
    ("09:00 UTC maintenance window Sat 02:00–04:00 UTC; Sun run may miss 07:00 IST",
     [[5, "10-10 09:00", "deadline", 0, []]]),
])
def test_a_windows_plan_and_the_items_time(text, expected):
    assert short_event_rows(item(text, FRI)) == expected


# 4: a typo'd escalation ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("Escaltaed ZD-48185 to Tier 3 + VP of Support", [[5, "10-07 00:00", "escalation", 3, ["ZD-48185"]]]),
    ("esclated OPS-1 to the VP Eng", [[5, "10-07 00:00", "escalation", 3, ["OPS-1"]]]),
    ("Escalted to my manager", [[5, "10-07 00:00", "escalation", 2, []]]),
    ("Escaltaed ZD-48185 to Tier 2", [[5, "10-07 00:00", "escalation", 1, ["ZD-48185"]]]),
    # (the same as the word written right)
    ("Escalated ZD-48185 to Tier 3 + VP of Support", [[5, "10-07 00:00", "escalation", 3, ["ZD-48185"]]]),
    # (a bracket between, as the word written right reads it: the support desk's line 52 of round 19)
    ("Escaltaed #48185 (Stark Industries, VIP) straight to Tier 3 + Linda per VIP runbook, no first reply yet"
     " — FRT breached by 20 min.", [[5, "10-07 00:00", "escalation", 1, []]]),
    # (not before 'to' and whom in its clause: as written)
    ("escalted the bug", [[5, "10-07 00:00", "note", 0, []]]),
    ("escalted the bug, moved to backlog", [[5, "10-07 00:00", "note", 0, []]]),
    ("Escaltaed ZD-48185", [[5, "10-07 00:00", "note", 0, ["ZD-48185"]]]),
    # (a plan stays one)
    ("Will esclate to CTO if not mitigated by 15:30", [[5, "10-07 00:00", "plan", 0, []]]),
])
def test_a_typod_escalation(text, expected):
    assert short_event_rows(item(text)) == expected
