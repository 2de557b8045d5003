"""Round 18 (ITIME): the item's own time, read from a database team's incident channel export (stamps in
UTC, DB and INC tickets). An item is at its own stamp (or its section's date); what else it writes is
what happened at other times, not when it was written:

- a restoration written after the stamp (``10:12Z DB failover started; restored 10:37``, also in an aside,
  ``(restored 10:37)``) is the resolution's time, a step of its own: no deadline, not the item's time, and
  the SLA and the timeline judge the ticket resolved at 10:37 (the aside was read as one resolved event at
  10:12, an ETA of 10:30 kept);
- a stamp written twice (``[10:12Z] 10:12Z failover started``) is one time;
- a past date after ``since`` or ``from`` (``open since 2025-10-01``, ``from Oct 3``) tells when a state
  began, not when the item was written (it was the event's time, a week before its section);
- a bracketed due date right after a ticket (``INC-101 (due 10/14), INC-102 (due Oct 16)``) is that
  ticket's alone (each was both tickets');
- a slot written as what it was and is now (``cutover was 09:40, now 10:15``) is a move: the old time is
  no time of the item's (it was its time), the new one a ``window`` that moves, as ``moved from 09:40 to
  10:15`` is; ``ETA was 09:40, now 10:15`` moves the ETA;
- and the neighbours that were already right are pinned: an escalation's own ``at 03:20``, a range
  ``between 02:00 and 02:30 UTC``, ``@ 14:05``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib import timeline
from occ_lib.logs import parse_log
from tests.log_rows import W41_UTC, item, sla_deadline_rows, text_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round18"
DBRE = FIX / "itime_a_dbre_incident.md"


def _rows(text: str) -> list[list]:
    """Each event of the one-item log ``text`` (on 2025-10-08) as ``[at 'MM-DD HH:MM', precision, end
    'HH:MM' or None, kind, level, tickets, times 'HH:MM' or 'MM-DD']``."""
    ev = parse_log(item(text, "2025-10-08"), "x.md").events
    return [[at.strftime("%m-%d %H:%M"), p, None if pd.isna(e) else e.strftime("%H:%M"), k, int(lv), list(t),
             [x.strftime("%H:%M") if (x.hour, x.minute) != (0, 0) else x.strftime("%m-%d") for x in ts]]
            for at, p, e, k, lv, t, ts in zip(ev["at"], ev["at_precision"], ev["end_at"], ev["kind"],
                                              ev["level"], ev["tickets"], ev["times"], strict=True)]


def _deadlines(text: str) -> list[list]:
    """``[tickets, 'MM-DD HH:MM' due, keyword, moves]`` of each deadline of the one-item log ``text``."""
    dl = parse_log(item(text, "2025-10-08"), "x.md").deadlines
    return [[list(t), d.strftime("%m-%d %H:%M"), kw, bool(mv)]
            for t, d, kw, mv in zip(dl["tickets"], dl["due_at"], dl["keyword"], dl["moves"], strict=True)]


# 1: a restoration after the stamp is the resolution's time, a step; no deadline, not the item's time -----
@pytest.mark.parametrize("text", [
    "10:12Z DB-42 failover started; restored 10:37",
    "10:12Z DB-42 failover started (restored 10:37)",  # (before: one event, resolved at 10:12)
    "[10:12Z] DB-42 failover started - restored 10:37Z",
])
def test_a_restoration_after_the_stamp_is_a_step_of_its_own(text):
    assert _rows(text) == [
        ["10-08 10:12", "minute", None, "note", 0, ["DB-42"], ["10:12", "10:37"]],
        ["10-08 10:37", "minute", None, "resolved", 0, ["DB-42"], ["10:12", "10:37"]],
    ]
    assert _deadlines(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # (an aside closed before the time is no break: the lead's name, then when he was reached)
    ("05:45 DATA-818 opened for late partitions; escalated to Data Eng lead (Ravi) at 06:15", [
        ["10-08 05:45", "minute", None, "note", 0, ["DATA-818"], ["05:45", "06:15"]],
        ["10-08 06:15", "minute", None, "escalation", 2, ["DATA-818"], ["05:45", "06:15"]]]),
    # (an aside that tells the step before it again is that step: one event)
    ("07:55 DATA-77 backfill done late (finished 2025-10-08 21:40 UTC)", [
        ["10-08 07:55", "minute", None, "resolved", 0, ["DATA-77"], ["07:55", "21:40"]]]),
    # (an aside that tells another step: the sign-off at 11:20, the ack at 11:25)
    ("11:20Z QA sign-off given for rc2 (Kofi acked 11:25Z)", [
        ["10-08 11:20", "minute", None, "note", 0, [], ["11:20", "11:25"]],
        ["10-08 11:25", "minute", None, "acknowledged", 0, [], ["11:20", "11:25"]]]),
])
def test_an_aside_is_a_step_only_when_it_holds_another_steps_time(text, expected):
    assert _rows(text) == expected


def test_the_restoration_is_when_the_sla_and_the_timeline_see_the_ticket_resolved():
    logs = occ_lib.read_logs(str(DBRE))
    # ETA 10:30 for the failover, restored 10:37: missed by seven minutes (the aside form was 'met',
    # resolved at the stamp)
    assert sla_deadline_rows(logs) == [
        [17, "INC-207", "10-08 10:30", "missed"],
        [26, "DB-4412", "10-09 10:15", "met"],
        [20, "INC-208", "10-15 00:00", "open"],
        [20, "INC-209", "10-17 00:00", "open"],
    ]
    s = timeline.summary(logs, as_of=W41_UTC["as_of"])
    s = s[s["ticket"].isin(["INC-207", "INC-210"])]
    assert [[t, f.strftime("%m-%d %H:%M"), r.strftime("%m-%d %H:%M"), st]
            for t, f, r, st in zip(s["ticket"], s["first_seen"], s["resolved_at"], s["status"], strict=True)
            ] == [["INC-207", "10-08 09:58", "10-08 10:37", "resolved"],
                  ["INC-210", "10-08 11:30", "10-08 13:05", "resolved"]]


# 2: a stamp written twice is one time ------------------------------------------------------------------
@pytest.mark.parametrize("text", ["[10:12Z] 10:12Z failover started", "[10:12Z] **10:12Z** failover started"])
def test_a_stamp_written_twice_is_one_time(text):
    assert _rows(text) == [["10-08 10:12", "minute", None, "note", 0, [], ["10:12"]]]


def test_the_same_time_written_later_in_the_item_is_still_written():
    # (not the stamp again: a time the item writes in its text, kept in its times)
    assert _rows("10:12Z DB-42 paged; acked by Marta, who saw the 10:12Z alert late") == [
        ["10-08 10:12", "minute", None, "acknowledged", 0, ["DB-42"], ["10:12", "10:12"]]]


# 3: a past date after 'since' or 'from' is when a state began, not the item's time --------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("DB-7 lag open since 2025-10-01", [["10-08 00:00", "day", None, "note", 0, ["DB-7"], ["10-01"]]]),
    ("DB-7 slow checkpoints from Oct 3", [["10-08 00:00", "day", None, "note", 0, ["DB-7"], ["10-03"]]]),
    ("DB-7 replica lag open since Monday", [["10-08 00:00", "day", None, "note", 0, ["DB-7"], []]]),
    ("DB-7 lag open since Oct 1 09:00", [["10-08 00:00", "day", None, "note", 0, ["DB-7"], ["09:00"]]]),
    # (its own stamp stays its time)
    ("09:00Z DB-7 replica lag open since 2025-10-01",
     [["10-08 09:00", "minute", None, "note", 0, ["DB-7"], ["09:00", "10-01"]]]),
    # (a time of the night before is when the outage began, as before; a later day is no past)
    ("DB-7 down since yesterday 23:50", [["10-07 23:50", "minute", None, "note", 0, ["DB-7"], ["23:50"]]]),
    ("DB-7 read-only from Oct 9", [["10-09 00:00", "day", None, "note", 0, ["DB-7"], ["10-09"]]]),
])
def test_a_past_date_after_since_or_from_is_not_the_items_time(text, expected):
    assert _rows(text) == expected


# 4: an escalation's own time, with no other stamp, is the item's --------------------------------------
def test_an_escalation_at_its_own_time_is_at_that_time():
    assert _rows("DB-4410 escalated to the DBA lead at 03:20") == [
        ["10-08 03:20", "minute", None, "escalation", 2, ["DB-4410"], ["03:20"]]]


# 5: a bracketed due date right after a ticket is that ticket's -----------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("INC-101 (due 10/14), INC-102 (due Oct 16)",
     [[["INC-101"], "10-14 00:00", "due", False], [["INC-102"], "10-16 00:00", "due", False]]),
    ("INC-101 (due 10/14) and INC-102 (due Oct 16)",
     [[["INC-101"], "10-14 00:00", "due", False], [["INC-102"], "10-16 00:00", "due", False]]),
    ("10:50Z INC-207 action items filed: INC-208 (due 10/14), INC-209 (due Oct 16)",
     [[["INC-208"], "10-14 00:00", "due", False], [["INC-209"], "10-16 00:00", "due", False]]),
    ("Open: **INC-101** (due 10/14), **INC-102** (due Oct 16), **INC-103** (ETA Fri)",
     [[["INC-101"], "10-14 00:00", "due", False], [["INC-102"], "10-16 00:00", "due", False],
      [["INC-103"], "10-10 00:00", "ETA", False]]),
    # (the last of a list: the list's)
    ("OPS-1, OPS-2 (ETA 18:00)", [[["OPS-1", "OPS-2"], "10-08 18:00", "ETA", False]]),
    ("OPS-1 and OPS-2 (ETA 18:00)", [[["OPS-1", "OPS-2"], "10-08 18:00", "ETA", False]]),
])
def test_a_bracketed_due_right_after_a_ticket_is_that_tickets(text, expected):
    assert _deadlines(text) == expected


# 6: neighbours: a move written as was/now, a range as the item's time, '@ 14:05' -------------------------
@pytest.mark.parametrize(("text", "events", "deadlines"), [
    ("DB-8 cutover was 09:40, now 10:15",
     [["10-08 00:00", "day", None, "deadline", 0, ["DB-8"], []]],
     [[["DB-8"], "10-08 10:15", "window", True]]),
    ("11:02Z DB-8 cutover was 09:40, now 10:15",
     [["10-08 11:02", "minute", None, "deadline", 0, ["DB-8"], ["11:02"]]],
     [[["DB-8"], "10-08 10:15", "window", True]]),
    ("cutover was 09:40, now 10:15", [["10-08 00:00", "day", None, "note", 0, [], []]], []),
    ("DB-8 ETA was 09:40, now 10:15",
     [["10-08 00:00", "day", None, "deadline", 0, ["DB-8"], []]], [[["DB-8"], "10-08 10:15", "ETA", True]]),
    ("DB-8 maintenance between 02:00 and 02:30 UTC",
     [["10-08 02:00", "minute", "02:30", "note", 0, ["DB-8"], ["02:00"]]], []),
    ("DB-8 vacuum @ 14:05", [["10-08 14:05", "minute", None, "note", 0, ["DB-8"], ["14:05"]]], []),
])
def test_a_move_written_as_was_and_now_and_the_times_beside_it(text, events, deadlines):
    assert (_rows(text), _deadlines(text)) == (events, deadlines)


def test_the_dbre_export_reads_each_item_at_its_own_time():
    ev = occ_lib.read_logs(str(DBRE)).events
    assert [[int(n), at.strftime("%m-%d %H:%M"), p, k, list(t), len(ts)]
            for n, at, p, k, t, ts in zip(ev["line"], ev["at"], ev["at_precision"], ev["kind"], ev["tickets"],
                                          ev["times"], strict=True)] == [
        [8, "10-07 02:05", "minute", "note", ["DB-4410"], 1],
        [9, "10-07 02:11", "minute", "acknowledged", ["DB-4410"], 1],  # (was 2 times)
        [10, "10-07 02:00", "minute", "note", ["DB-4410"], 1],
        [11, "10-07 03:20", "minute", "escalation", ["DB-4410"], 1],
        [12, "10-07 03:45", "minute", "note", ["DB-4410"], 2],
        [12, "10-07 03:52", "minute", "resolved", ["DB-4410"], 2],
        [13, "10-07 00:00", "day", "note", ["DB-4398"], 1],  # (was Oct 1)
        [17, "10-08 09:58", "minute", "deadline", ["INC-207"], 1],
        [18, "10-08 10:12", "minute", "note", ["INC-207"], 2],
        [18, "10-08 10:37", "minute", "resolved", ["INC-207"], 2],
        [19, "10-08 10:41", "minute", "status", ["INC-207"], 1],
        [20, "10-08 10:50", "minute", "deadline", ["INC-207", "INC-208", "INC-209"], 1],
        [21, "10-08 11:30", "minute", "note", ["INC-210"], 2],  # (was one event, resolved at 11:30)
        [21, "10-08 13:05", "minute", "resolved", ["INC-210"], 2],
        [22, "10-08 00:00", "day", "note", ["DB-4398"], 1],  # (was Oct 3)
        [26, "10-09 00:00", "day", "deadline", ["DB-4412"], 0],  # (was 09:40, a note)
        [27, "10-09 10:19", "minute", "resolved", ["DB-4412"], 1],
        [28, "10-09 14:05", "minute", "note", ["DB-4413"], 1],
    ]


def test_the_dbre_exports_deadlines_are_each_their_tickets():
    assert text_deadline_rows(DBRE.read_text(encoding="utf-8")) == [
        [17, ["INC-207"], "10-08 10:30", "ETA", False],
        [20, ["INC-208"], "10-14 00:00", "due", False],  # (was INC-207, INC-208 and INC-209's)
        [20, ["INC-209"], "10-16 00:00", "due", False],
        [26, ["DB-4412"], "10-09 10:15", "window", False],  # (was none)
    ]
