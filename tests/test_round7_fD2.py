"""Round 7 (fD2), which day a time is on: the item's own time against a day word that dates only an
earlier state ('09:40 OPS-309 blocked yesterday, resolved today'), a heading's time range that runs past
midnight ('## 2025-10-07 night shift (22:00–06:00)'), a weekday subheading for the night before its
dated parent ('### Mon night' under '## 2025-10-07 (Tue)', '(prev. evening)'), a weekday in a schedule
('Code freeze starts Tue 12:00', 'Go/no-go meeting Wed 16:00', 'moved from Tue 16:00 to Wed 10:00'), and a
promise or a handoff's note due earlier in the day than it is written (the next such time); each with the
near misses that must keep their old reading."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from occ_lib.logs import parse_log
from occ_lib.times import Heading, find_times, parse_heading

MT = "---\ntz: America/Denver\n---\n"


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _at(text: str) -> list[list]:
    e = parse_log(text, "x.md").events
    return e[["line", "at", "kind"]].values.tolist()


def _due(text: str) -> list[list]:
    dl = parse_log(text, "x.md").deadlines
    return dl[["line", "due_at", "stated_missed"]].values.tolist()


# --- 1. the item's own time against a day word of an earlier state -------------------------------------

def test_a_day_word_of_an_earlier_state_does_not_move_the_items_own_time():
    text = (
        "# Esc log\n## 2025-10-28 (tz: UTC)\n"
        "- 09:40 OPS-309 blocked yesterday, resolved today.\n"
        "- 09:45 OPS-310 failed yesterday; fixed today.\n"
    )
    assert _at(text) == [[3, ts("2025-10-28 09:40"), "resolved"], [4, ts("2025-10-28 09:45"), "resolved"]]


@pytest.mark.parametrize(
    ("item", "at"),
    [
        # the day written right after the time is the time's own
        ("- 09:40 yesterday OPS-309 blocked, today resolved.", ts("2025-10-27 09:40")),
        # a time that does not open the item keeps the day word next to it
        ("- OPS-309 pinged at 17:00 yesterday, resolved today.", ts("2025-10-27 17:00")),
    ],
)
def test_a_day_word_still_dates_the_time_without_a_contrast(item, at):
    assert parse_log("## 2025-10-28\n" + item + "\n", "x.md").events["at"].tolist() == [at]


# --- 2. a heading's time range past midnight -------------------------------------------------------------

def test_a_night_shift_headings_range_puts_its_small_hours_on_the_next_day():
    text = (
        "# Night shift\nAll times Mountain Time.\n\n## 2025-10-07 night shift (22:00–06:00)\n"
        "- paged secondary at 02:10 for the settlement batch.\n- 03:00 batch resumed.\n"
        "- handed to EU shift at 05:55.\n"
    )
    assert _at(text) == [
        [5, ts("2025-10-08 08:10"), "follow_up"], [6, ts("2025-10-08 09:00"), "note"],
        [7, ts("2025-10-08 11:55"), "note"],
    ]


def test_a_night_range_keeps_the_evening_and_the_afternoon_and_rolls_once():
    text = MT + (
        "## 2025-10-07 night shift (22:00–06:00)\n- 22:30 shift started\n- 13:30 checked dashboards\n"
        "- 11:00 handover call\n- 02:10 OPS-1 paged; ETA 04:00\n- 2025-10-07 03:00 dated: its own\n"
        "### Incidents\n- 03:00 OPS-2 batch resumed\n"
    )
    assert _at(text) == [
        [5, ts("2025-10-08 04:30"), "note"],  # 22:30 on the 7th: the shift's start
        [6, ts("2025-10-07 19:30"), "note"],  # after 12:00 (halfway from 06:00 to 22:00): that day
        [7, ts("2025-10-08 17:00"), "note"],  # before it: the morning after the shift
        [8, ts("2025-10-08 08:10"), "follow_up"],
        [9, ts("2025-10-07 09:00"), "note"],  # a date written in the item keeps its own
        [11, ts("2025-10-08 09:00"), "note"],  # a subsection without a date of its own is the shift's
    ]
    assert _due(text) == [[8, ts("2025-10-08 10:00"), False]]  # the ETA rolls with its item


@pytest.mark.parametrize(
    ("heading", "items", "expected"),
    [
        # 6pm – 6am: the evening item stays, the small hours are the next day's, once (not twice)
        ("## Shift: Wed Oct 8, 2025 (6pm – 6am PT)", "- 6:05pm paged\n- 1:30am acked\n",
         [ts("2025-10-09 01:05"), ts("2025-10-09 08:30")]),
        # a short window: the morning's announcement (after 02:00 + 6 h) stays on the day
        ("## 2025-10-11 maintenance (23:00–02:00 PT)", "- 09:00 announced\n- 00:30 started\n",
         [ts("2025-10-11 16:00"), ts("2025-10-12 07:30")]),
        # a range that does not run past midnight moves nothing
        ("## 2025-10-07 day shift (08:00–16:00 PT)", "- 02:10 paged\n", [ts("2025-10-07 09:10")]),
    ],
)
def test_a_heading_range_rolls_only_what_it_reaches(heading, items, expected):
    text = "---\ntz: America/Los_Angeles\n---\n" + heading + "\n" + items
    assert parse_log(text, "x.md").events["at"].tolist() == expected


def test_a_heading_keeps_its_ranges_end_out_of_equality():
    h = parse_heading("## 2025-10-07 night shift (22:00–06:00)", tz="America/Denver")
    assert (h.at, h.until) == (dt.datetime(2025, 10, 8, 4, 0, tzinfo=dt.UTC),
                               dt.datetime(2025, 10, 8, 12, 0, tzinfo=dt.UTC))
    assert h == Heading("night shift", dt.date(2025, 10, 7), h.at, None, "minute", None)


# --- 3. a weekday subheading for the night before its dated parent ----------------------------------------

def test_a_weekday_subheading_of_the_day_before_is_that_day():
    text = (
        "# Handoff\nAll times Mountain Time.\n\n## 2025-10-07 (Tue)\n### Mon night\n"
        "- 23:40 PAGE-7731 fired.\n- 00:15 rolled back.\n"
    )
    assert _at(text) == [[6, ts("2025-10-07 05:40"), "note"], [7, ts("2025-10-07 06:15"), "note"]]


def test_an_overnight_subheading_naming_the_night_before_is_that_night():
    text = MT + (
        "# Payments On-Call Handoff\n\n## Handoff Tue 2025-10-07 → EU shift\n\n"
        "### Overnight (Mon night into Tue)\n"
        "- 23:40 PAGE-7731 fired: card-auth p99 > 2s; acked at 23:42.\n"
        "- 00:15 rolled back payments-api (PAY-2291).\n"
        "- paged secondary (@lee) at 02:10 when the settlement batch stalled again.\n"
        "- 02:55 settlement batch resumed, tracked in PAY-2294.\n"
        "- Escalated to the payments engineering manager at 03:20 since the batch must finish before 06:00.\n"
        "- 04:05 batch finished. Resolved.\n\n### Handed to EU shift at 07:00 (15:00 CEST)\n- OPS-1 open.\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.events["at"].tolist() == [
        ts("2025-10-07 05:40"), ts("2025-10-07 05:42"), ts("2025-10-07 06:15"), ts("2025-10-07 08:10"),
        ts("2025-10-07 08:55"), ts("2025-10-07 09:20"), ts("2025-10-07 10:05"), ts("2025-10-07 13:00"),
    ]
    assert logs.deadlines["due_at"].tolist() == [ts("2025-10-07 12:00")]
    assert logs.sections["title"].tolist()[:2] == ["Handoff Tue → EU shift", "Overnight (Mon night into Tue)"]


def test_the_previous_evening_written_next_to_a_time_is_the_day_before():
    text = MT + "## Handoff 2025-10-08 06:00\n- 23:10 (prev. evening) first alert on `ledger`.\n" \
                "- 23:15 (previous evening) second alert\n- 23:20 paged per the previous evening runbook\n"
    assert parse_log(text, "x.md").events["at"].tolist() == [
        ts("2025-10-08 05:10"), ts("2025-10-08 05:15"),
        ts("2025-10-09 05:20"),  # (a word between: the runbook's evening, not the time's)
    ]


@pytest.mark.parametrize(
    ("parent", "sub", "day"),
    [
        ("## 2025-10-07 (Tue)", "### Wed", dt.date(2025, 10, 8)),  # a later weekday: on or after, as before
        ("## 2025-10-07 (Tue)", "### Sun", dt.date(2025, 10, 12)),  # only the day before looks back
        ("## Week of Oct 6, 2025", "### Sun", dt.date(2025, 10, 12)),  # a week's days run forward
        ("## Week of Oct 6, 2025", "### Sun night", dt.date(2025, 10, 12)),
        ("## 2025-10-06 – 2025-10-12", "### Sun", dt.date(2025, 10, 12)),  # a span of days too
        ("## 2025-10-07 (Tue)", "### Overnight (Tue night into Wed)", dt.date(2025, 10, 7)),
        ("## 2025-10-07 (Tue)", "### Mon", dt.date(2025, 10, 6)),
    ],
)
def test_which_weekday_a_subheading_names(parent, sub, day):
    text = "# Log\n\n" + parent + "\n" + sub + "\n- 10:00 x\n"
    assert parse_log(text, "x.md").events["at"].tolist() == [ts(f"{day} 10:00")]


def test_parse_heading_reads_the_day_before_only_under_one_date():
    tue = dt.date(2025, 10, 7)
    assert parse_heading("### Mon night", day=tue).date == dt.date(2025, 10, 13)  # (a week's, by default)
    assert parse_heading("### Mon night", day=tue, one_day=True).date == dt.date(2025, 10, 6)
    assert parse_heading("### Overnight (Mon night into Tue)", day=tue).date is None
    assert parse_heading("### Overnight (Mon night into Tue)", day=tue, one_day=True) == Heading(
        "Overnight (Mon night into Tue)", dt.date(2025, 10, 6), None, None, "day", None)


# --- 4. a weekday in a schedule ----------------------------------------------------------------------------

def test_a_weekday_in_a_schedule_is_the_coming_one():
    text = "---\ntz: Europe/Paris\n---\n# R\n\n## Mon 6 Oct 2025\n" + (
        "- Code freeze starts Tue 12:00 CEST; only cherry-picks after that.\n- Freeze begins Tuesday 12:00.\n"
        "- Go/no-go meeting Wed 16:00.\n- Deploy Tuesday 12:00 went fine.\n- Branch cut happened Fri 17:00.\n"
        "- Code freeze started Tue 12:00.\n"
    )
    assert parse_log(text, "x.md").events["at"].tolist() == [
        ts("2025-10-07 10:00"), ts("2025-10-07 10:00"), ts("2025-10-08 14:00"),
        ts("2025-09-30 10:00"), ts("2025-10-03 15:00"), ts("2025-09-30 10:00"),  # (told as done: behind)
    ]


def test_a_meeting_moved_from_one_weekday_to_another_is_ahead():
    found = find_times("Go/no-go moved from Tue 16:00 to Wed 10:00.", day=dt.date(2025, 10, 13))
    assert [m.at for m in found] == [dt.datetime(2025, 10, 14, 16, 0, tzinfo=dt.UTC),
                                     dt.datetime(2025, 10, 15, 10, 0, tzinfo=dt.UTC)]


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        # a meeting's slot is the nearest such day: behind when written later in the week
        ("retro Wed 16:00", dt.date(2025, 10, 10), dt.datetime(2025, 10, 8, 16, 0, tzinfo=dt.UTC)),
        ("retro Mon 10:00", dt.date(2025, 10, 10), dt.datetime(2025, 10, 13, 10, 0, tzinfo=dt.UTC)),
        ("Go/no-go meeting Wed 16:00", dt.date(2025, 10, 6), dt.datetime(2025, 10, 8, 16, 0, tzinfo=dt.UTC)),
        # no schedule word: the last such day, as before
        ("deploy Wed 16:00", dt.date(2025, 10, 6), dt.datetime(2025, 10, 1, 16, 0, tzinfo=dt.UTC)),
    ],
)
def test_a_meetings_weekday_is_the_nearest(text, day, at):
    assert [m.at for m in find_times(text, day=day)] == [at]


# --- 5. a promise or a handoff's note due earlier in the day than it is written --------------------------

def test_a_handoffs_note_and_a_promise_are_due_at_the_next_such_time():
    text = MT + "# Handoff\n\n## 2025-10-07 (Tue)\n### Handed to EU shift at 07:00\n" + (
        "- PAY-2294 needs a heap dump; EU shift to grab it before 10:00 CEST.\n"
        "- 07:10 vendor promised a patch by 06:00 MT.\n"
        "- 07:05 asked EU shift to restart the worker before 09:00.\n"  # after the item: as it is
        "- 07:10 vendor patch ETA 06:00.\n"  # no promise: the 06:00 just gone, as before
        "- 07:15 vendor promised a patch by 06:00, missed.\n"  # a stated miss looks back
        "- ETA was 06:00 for the rollback.\n"  # told as past
    )
    assert _due(text) == [
        [8, ts("2025-10-08 08:00"), False], [9, ts("2025-10-08 12:00"), False],
        [10, ts("2025-10-07 15:00"), False], [11, ts("2025-10-07 12:00"), False],
        [12, ts("2025-10-07 12:00"), True], [13, ts("2025-10-07 12:00"), False],
    ]


def test_a_note_under_a_timed_heading_that_is_no_handoff_keeps_the_days_deadline():
    # (a comment's stamp: what it says of 18:00 is that day's, as before)
    text = "All times UTC.\n\n## Oct 8, 2025, 4:01 PM PDT\n- DEPLOY-1 ETA 18:00\n"
    assert _due(text) == [[4, ts("2025-10-08 18:00"), False]]
