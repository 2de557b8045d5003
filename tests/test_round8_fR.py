"""Round 8 (fR): reading times in status logs (occ_lib/times.py, occ_lib/logs.py).

- Problem 1: a past-tense 'by HH:MM' reads its clause from a comma, an opening bracket or a spaced dash
  too: 'will retry later, queue drained by 10:20' tells when the queue drained (no deadline), while a
  promise in the same clause keeps it ('queue will be drained by 10:20'; 'we will, once approved, have it
  drained by 10:20': a causative 'have', as 'get' is; 'OPS-3 fixed by 17:30').
- Problem 2: 'prev night' is the day before, as 'prev. night' is, through find_times and
  find_times_many alike (one tuple of gate strings, times._DAY_BEFORE_HINTS).
- Problem 3: logs._night_shift and logs._past_midnight roll an item's times with one helper; same output.
- Problem 4: a deadline that takes the date of a dated time earlier in its sentence takes the zone
  written on that time too ('... 09:00-11:00 CEST, no later than 11:00' is 11:00 CEST); not a zone
  written elsewhere, not across a sentence break, not over its own zone or its list's.
- Problem 5: German '14 Uhr' (an hour, then 'Uhr') is 14:00; '14 Uhren', 'Uhrzeit', '30 Uhr' are not.
- Problem 6: a time after a dated time takes the fast path unless it is a deadline; same mentions.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from occ_lib import times
from occ_lib.logs import parse_log

DAY = dt.date(2025, 10, 13)


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def utc(s: str) -> dt.datetime:
    return dt.datetime.fromisoformat(s).replace(tzinfo=dt.UTC)


def read(text: str, tz: str = "UTC", day: dt.date = DAY) -> list[tuple]:
    """(raw, at, until, zone, keyword) of every mention, after checking find_times_many agrees."""
    found = times.find_times(text, day=day, tz=tz)
    assert times.find_times_many([text], [day], tz) == [found]
    return [(m.raw, m.at, m.until, m.zone, m.keyword if m.is_deadline else None) for m in found]


# --------------------------------------------------- problem 1: a past 'by' after a comma, bracket, dash


@pytest.mark.parametrize("text", [
    "will retry later, queue drained by 10:20",
    "will retry (queue drained by 10:20)",
    "will retry - queue drained by 10:20",
    "will retry \u2014 queue drained by 10:20",
    "will retry \u2013 queue drained by 10:20",
    "will retry -- queue drained by 10:20",
])
def test_a_will_in_an_earlier_clause_does_not_make_a_past_by_due(text):
    assert read(text) == [("10:20", utc("2025-10-13 10:20"), None, None, None)]


@pytest.mark.parametrize("text", [
    "queue will be drained by 10:20",
    "we will, once approved, have it drained by 10:20",  # (the clause after the commas is the promise)
    "we have the queue drained by 10:20",
    "will have 1,000 msgs drained by 10:20",  # (a comma inside a number ends no clause)
    "will retry later,queue drained by 10:20",  # (no space after the comma: no clause end)
])
def test_a_promise_in_the_clause_of_by_keeps_its_deadline(text):
    assert read(text) == [("10:20", utc("2025-10-13 10:20"), None, None, "by")]


def test_a_resolution_word_before_by_stays_due():
    assert read("OPS-3 fixed by 17:30") == [("17:30", utc("2025-10-13 17:30"), None, None, "by")]
    assert read("will retry later, OPS-3 fixed by 17:30") == [
        ("17:30", utc("2025-10-13 17:30"), None, None, "by")]


@pytest.mark.parametrize("text", [
    "queues have been drained by 10:20",  # (a perfect, no causative 'have')
    "we had it drained by 10:20",
    "will retry later; queue drained by 10:20",
])
def test_a_past_by_stays_past(text):
    assert read(text) == [("10:20", utc("2025-10-13 10:20"), None, None, None)]


def test_the_log_lists_no_deadline_for_a_state_reached_after_a_comma():
    logs = parse_log(
        "## 2025-10-13\n- 10:25 OPS-4 will retry later, queue drained by 10:20\n"
        "- 10:30 OPS-5 queue will be drained by 11:00\n", "x.md")
    assert logs.events["times"].tolist() == [
        [ts("2025-10-13 10:25"), ts("2025-10-13 10:20")], [ts("2025-10-13 10:30")]]
    assert logs.deadlines[["line", "due_at", "keyword", "tickets"]].values.tolist() == [
        [3, ts("2025-10-13 11:00"), "by", ["OPS-5"]]]


# ------------------------------------------------------------------ problem 2: 'prev night'


@pytest.mark.parametrize("text", [
    "23:10 (prev night)", "23:10 (prev. night)", "23:10 (Prev Night)", "23:10 (previous night)",
    "23:10 (prev evening)", "23:10 (the night before)",
])
def test_prev_night_is_the_day_before(text):
    assert read(text) == [("23:10", utc("2025-10-12 23:10"), None, None, None)]


def test_prev_night_reads_as_prev_dot_night_away_from_a_time():
    assert read("23:10 paged, per the prev night runbook") == [
        ("23:10", utc("2025-10-13 23:10"), None, None, None),
        ("prev night", utc("2025-10-12 00:00"), None, None, None),
    ]
    assert read("23:10 paged, per the prev. night runbook")[1] == (
        "prev. night", utc("2025-10-12 00:00"), None, None, None)


@pytest.mark.parametrize("text", ["23:10 prevnight", "23:10 prev nightly job", "23:10 (night)"])
def test_near_misses_of_prev_night_stay_on_the_day(text):
    assert read(text) == [("23:10", utc("2025-10-13 23:10"), None, None, None)]


def test_one_tuple_gates_both_readers():
    assert "prev night" in times._DAY_BEFORE_HINTS
    assert set(times._DAY_BEFORE_HINTS) <= set(times._SLOW_LOW)


def test_a_log_item_of_the_prev_night_is_the_day_before():
    logs = parse_log(
        "## 2025-10-13\n- 23:10 (prev night) OPS-7 paged\n- 23:10 (prev. night) OPS-8 paged\n"
        "- 08:00 OPS-9 standup\n", "x.md")
    assert logs.events["at"].tolist() == [
        ts("2025-10-12 23:10"), ts("2025-10-12 23:10"), ts("2025-10-13 08:00")]


# ----------------------------------------------- problem 3: one roll to the next day (unchanged output)


def test_a_night_shift_rolls_its_small_hours_and_their_deadline():
    logs = parse_log(
        "## 2025-10-07 night shift (22:00\u201306:00)\n- 22:30 shift started\n"
        "- 02:10 OPS-1 paged, ETA 03:00\n- 2025-10-07 23:00 OPS-2 noted\n", "x.md")
    assert logs.events["at"].tolist() == [
        ts("2025-10-07 22:30"), ts("2025-10-08 02:10"), ts("2025-10-07 23:00")]
    assert logs.deadlines["due_at"].tolist() == [ts("2025-10-08 03:00")]


def test_items_past_midnight_roll_as_before():
    logs = parse_log(
        "## 2025-10-24\n- 23:52 ramp paused\n- 00:20 rollback complete\n- 01:05 OPS-3 resolved\n"
        "- 09:00 follow-up\n", "x.md")
    assert logs.events["at"].tolist() == [
        ts("2025-10-24 23:52"), ts("2025-10-25 00:20"), ts("2025-10-25 01:05"), ts("2025-10-25 09:00")]


def test_an_evening_item_in_its_own_zone_is_not_rolled():
    logs = parse_log("## 2025-10-24\n- 23:52 ramp paused\n- 09:00 OPS-3 checked\n", "x.md")
    assert logs.events["at"].tolist() == [ts("2025-10-24 23:52"), ts("2025-10-24 09:00")]


# ----------------------------------------- problem 4: a sentence's date carries its zone to a deadline

WINDOW = "deploy window Mon 13 Oct 2025 09:00-11:00 CEST"


@pytest.mark.parametrize("tz", ["UTC", "America/New_York"])
@pytest.mark.parametrize(("gap", "kw"), [
    (", no later than 11:00", "no later than"), (", done by 11:00", "by"), (", before 11:00", "before"),
    (", NLT 11:00", "no later than"),
])
def test_a_deadline_takes_the_zone_of_the_dated_time_before_it(tz, gap, kw):
    assert read(WINDOW + gap, tz) == [
        ("13 Oct 2025 09:00-11:00 CEST", utc("2025-10-13 07:00"), utc("2025-10-13 09:00"), "Europe/Paris",
         "window"),
        ("11:00", utc("2025-10-13 09:00"), None, "Europe/Paris", kw),
    ]


def test_the_next_day_is_counted_in_that_zone():
    # (01:00 PT after 23:50 PT on Oct 8: 01:00 PT on Oct 9, 08:00 UTC, after the incident)
    assert read("incident Oct 8 23:50 PT, fix ETA 01:00", day=dt.date(2025, 10, 9)) == [
        ("Oct 8 23:50 PT", utc("2025-10-09 06:50"), None, "America/Los_Angeles", None),
        ("01:00", utc("2025-10-09 08:00"), None, "America/Los_Angeles", "ETA"),
    ]


def test_a_deadline_with_its_own_zone_keeps_it():
    assert read(WINDOW + ", no later than 11:00 UTC")[1] == (
        "11:00 UTC", utc("2025-10-13 11:00"), None, "UTC", "no later than")


@pytest.mark.parametrize("text", [
    WINDOW + ". no later than 11:00",  # (another sentence: neither date nor zone)
    "OPS-1 12:00 CEST; window Mon 13 Oct 2025 09:00-11:00, no later than 11:00",  # (zone elsewhere)
])
def test_no_zone_carries_from_outside_the_sentence_or_its_dated_time(text):
    assert read(text)[-1] == ("11:00", utc("2025-10-13 11:00"), None, None, "no later than")


def test_a_deadline_that_opens_a_list_takes_the_lists_zone_not_the_carried_one():
    # (the zone written on a list's last time is the list's: _share_zones; with none, as before)
    assert read("window Mon 13 Oct 2025 09:00 CEST, ETA 11:00 and 12:00 UTC")[1:] == [
        ("11:00", utc("2025-10-13 11:00"), None, "UTC", "ETA"),
        ("12:00 UTC", utc("2025-10-13 12:00"), None, "UTC", None),
    ]
    assert read("window Mon 13 Oct 2025 09:00 CEST, ETA 11:00 and 12:00")[1:] == [
        ("11:00", utc("2025-10-13 11:00"), None, None, "ETA"),
        ("12:00", utc("2025-10-13 12:00"), None, None, None),
    ]


def test_the_items_own_date_carries_no_zone():
    # (a date and time that open the text are the item's own: its date is the base date, no carry)
    assert read("Mon 13 Oct 2025 09:00 UTC change, no later than 11:00", "America/New_York") == [
        ("13 Oct 2025 09:00 UTC", utc("2025-10-13 09:00"), None, "UTC", None),
        ("11:00", utc("2025-10-13 15:00"), None, None, "no later than"),
    ]


def test_the_log_deadline_is_due_in_the_zone_of_its_window():
    logs = parse_log("## 2025-10-10\n- OPS-6 " + WINDOW + ", no later than 11:00\n", "x.md")
    # (a window is due at its end: 11:00 CEST, as the 'no later than' now is)
    assert logs.deadlines[["keyword", "due_at"]].values.tolist() == [
        ["window", ts("2025-10-13 09:00")], ["no later than", ts("2025-10-13 09:00")]]


# ------------------------------------------------------------------------ problem 5: '14 Uhr'


@pytest.mark.parametrize(("text", "raw", "at", "zone"), [
    ("Deploy um 14 Uhr", "14 Uhr", "2025-10-13 12:00", None),
    ("gegen 9 Uhr Rollback", "9 Uhr", "2025-10-13 07:00", None),
    ("bis 17 Uhr MESZ", "17 Uhr MESZ", "2025-10-13 15:00", "Europe/Berlin"),
    ("um 14 Uhr UTC", "14 Uhr UTC", "2025-10-13 14:00", "UTC"),
    ("09 Uhr", "09 Uhr", "2025-10-13 07:00", None),
    ("14Uhr", "14Uhr", "2025-10-13 12:00", None),
    ("14.10. 14 Uhr", "14.10. 14 Uhr", "2025-10-14 12:00", None),
    ("Termin 2025-10-14 14 Uhr", "2025-10-14 14 Uhr", "2025-10-14 12:00", None),
    ("9.30 Uhr", "9.30 Uhr", "2025-10-13 07:30", None),  # (as before)
    ("3 Uhr-Termin", "3 Uhr", "2025-10-13 01:00", None),  # (the 03:00 slot, as '14.30 Uhr-Termin' is)
    ("24 Uhr", "24 Uhr", "2025-10-13 22:00", None),  # (midnight that ends the day, as 24:00)
])
def test_an_hour_then_uhr_is_a_time(text, raw, at, zone):
    assert read(text, "Europe/Berlin") == [(raw, utc(at), None, zone, None)]


def test_an_hour_range_then_uhr_is_a_range():
    assert read("Wartung 14-16 Uhr", "Europe/Berlin") == [
        ("14-16 Uhr", utc("2025-10-13 12:00"), utc("2025-10-13 14:00"), None, None)]
    assert read("ab 22 - 6 Uhr", "Europe/Berlin") == [
        ("22 - 6 Uhr", utc("2025-10-13 20:00"), utc("2025-10-14 04:00"), None, None)]


def test_an_hour_with_uhr_takes_a_deadline_keyword():
    assert read("ETA 16 Uhr", "Europe/Berlin") == [("16 Uhr", utc("2025-10-13 14:00"), None, None, "ETA")]


@pytest.mark.parametrize("text", [
    "14 Uhren getauscht", "Uhrzeit 14", "3 Uhren und 14 Uhrwerke", "30 Uhr", "25 Uhr", "123 Uhr",
    "1.5 Uhr", "14 Uhrzeiten",
])
def test_uhr_near_misses_are_no_times(text):
    assert read(text, "Europe/Berlin") == []


def test_a_log_reads_german_hours():
    logs = parse_log(
        "---\ntz: Europe/Berlin\n---\n## 2025-10-13\n- 14 Uhr OPS-1 Deploy gestartet\n"
        "- gegen 9 Uhr OPS-2 Rollback, bis 17 Uhr MESZ fertig\n- 14 Uhren OPS-3 getauscht\n", "x.md")
    assert logs.events["times"].tolist() == [
        [ts("2025-10-13 12:00")], [ts("2025-10-13 07:00"), ts("2025-10-13 15:00")], []]


# ------------------------------------------------- problem 6: the fast path after a dated time


def test_times_after_a_dated_time_read_the_same():
    text = "deploy Oct 14 09:00 CEST, 10:15 smoke ok, 10:40 UTC canary, ETA 11:00"
    assert read(text) == [
        ("Oct 14 09:00 CEST", utc("2025-10-14 07:00"), None, "Europe/Paris", None),
        # (round 14, EXPD: the item's first time is dated after the section's day, so its later
        # times without a date are on that day, times._lead_date; before, the section's day)
        ("10:15", utc("2025-10-14 10:15"), None, None, None),
        ("10:40 UTC", utc("2025-10-14 10:40"), None, "UTC", None),
        ("11:00", utc("2025-10-14 11:00"), None, None, "ETA"),
    ]
    assert read("deploy Oct 14 09:00 CEST, ETA 11:00")[1] == (
        "11:00", utc("2025-10-14 09:00"), None, "Europe/Paris", "ETA")
