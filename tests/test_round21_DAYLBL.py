"""Round 21 (DAYLBL): items labelled with their weekday (``- Mon: ...``, ``- **Tue**: ...``, ``- Thursday -
...``), as logs that keep a week per section write them.

1. The label is the day of the item's times that carry no date, and, with no time, its date (precision
   ``day``): under a heading that is a span of days (``## Week 41 (2025-10-06 – 2025-10-12)``, ``##
   2025-10-13 to 2025-10-19``) or an ISO week (``## 2025-W43``), that weekday inside it; under one day,
   told as done the last such day on or before it, told as to come the next, with no tense the nearest
   (:func:`occ_lib.times.label_day`).
2. A deadline in a labelled item is due on the label's day unless it writes its own day; nested items
   are on their parent's label day.
3. No label: a weekday inside the text, ``sat``/``sun`` in lower case, a month (``Mar:``), a weekday
   before a time or a date (``Wed 10:00 UTC: standup``, ``Tue 10/14: ...``: read as before), a range of
   days (``Mon - Fri: on call``).
4. A span heading's title drops the dash or ``to`` between its days (``Week 41``; none for ``2025-10-13
   to 2025-10-19``, as for ``2025-10-13``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import occ_lib
from occ_lib.logs import parse_log
from occ_lib.times import label_day, parse_heading

FIX = Path(__file__).parent / "fixtures" / "round21"


def _events(logs: occ_lib.Logs) -> list[list]:
    """``[line, 'YYYY-MM-DD HH:MM', at_precision]`` of each event."""
    ev = logs.events
    return [[int(n), a.strftime("%Y-%m-%d %H:%M"), p]
            for n, a, p in zip(ev["line"], ev["at"], ev["at_precision"], strict=True)]


def _deadlines(logs: occ_lib.Logs) -> list[list]:
    """``[line, 'YYYY-MM-DD HH:MM' due, due_precision, keyword]`` of each deadline."""
    dl = logs.deadlines
    return [[int(n), d.strftime("%Y-%m-%d %H:%M"), p, k]
            for n, d, p, k in zip(dl["line"], dl["due_at"], dl["due_precision"], dl["keyword"], strict=True)]


def _read(text: str) -> occ_lib.Logs:
    return parse_log(text, "x.md")


# --- 1: the label's day -----------------------------------------------------------------------------------


def test_labels_under_spans_of_days_are_the_weekday_inside_the_span():
    logs = occ_lib.read_logs(str(FIX / "daylbl_week_spans.md"))
    assert _events(logs) == [
        [4, "2025-10-06 16:00", "minute"],  # (Mon 9am PT: as before)
        [5, "2025-10-08 00:00", "day"],  # (Wed, no time: its day; was the section's 10-06)
        [6, "2025-10-10 14:00", "minute"],  # (a weekday before a time: as before)
        [9, "2025-10-14 10:00", "minute"],  # ('**Tue**:': was 10-13)
        [10, "2025-10-16 16:00", "minute"],  # ('Thursday -': inside the span, was 10-09 before it)
        [11, "2025-10-17 00:00", "day"],  # ('*Fri*:' with only a deadline)
        [12, "2025-10-17 11:30", "minute"],  # (nested: its parent's label day)
        [15, "2025-10-22 09:00", "minute"],  # ('[Wed]' under the ISO week 2025-W43, Monday 10-20)
        [16, "2025-10-26 00:00", "day"],  # ('Sun —': the week's Sunday)
    ]
    assert _deadlines(logs) == [[11, "2025-10-17 17:00", "minute", "ETA"]]


def test_labels_under_one_day_are_read_by_their_tense():
    logs = occ_lib.read_logs(str(FIX / "daylbl_one_day.md"))
    assert _events(logs) == [
        [4, "2025-10-06 16:00", "minute"],  # (deployed, from Sun 10-12: the Monday before)
        [5, "2025-10-13 16:00", "minute"],  # (deploy, no tense: the nearest Monday, the next day)
        [6, "2025-10-14 10:00", "minute"],  # (a slot before its time, no label: as before)
        [7, "2025-10-11 14:00", "minute"],  # (rolled back: the Saturday before)
        [8, "2025-10-06 16:00", "minute"],  # (a weekday before its time, no label: as before)
        [11, "2025-10-06 16:00", "minute"],  # (shipped, from Wed 10-08: the Monday before)
        [12, "2025-10-10 16:00", "minute"],  # (ship, no tense: the nearest Friday, two days on)
    ]


@pytest.mark.parametrize(
    "text, day",
    [
        # told as done: on or before Wed 2025-10-08
        ("Fri: DEP-9 was rolled back", "2025-10-03"),
        ("Wed: deployed DEP-9", "2025-10-08"),
        ("Sat: went live at last", "2025-10-04"),
        # to come: on or after it ('will be done' is no done)
        ("Mon: will be done by noon", "2025-10-13"),
        ("Tue: DEP-9 rollout scheduled", "2025-10-14"),
        # a deadline, no tense word: ahead, as a deadline's weekday is
        ("Mon: DEP-9 ETA 17:00 UTC", "2025-10-13"),
        # no tense: the nearest (Sun is 3 days back, Sat 3 ahead)
        ("Sun: DEP-9 rollout", "2025-10-05"),
        ("Sat: DEP-9 rollout", "2025-10-11"),
        # the label's forms
        ("Monday: quiet", "2025-10-06"),
        ("**Tue:** quiet", "2025-10-07"),
        ("*Thu*: quiet", "2025-10-09"),
        ("[Thu] quiet", "2025-10-09"),
        ("[Thu]: quiet", "2025-10-09"),
        ("Thu \u2014 quiet", "2025-10-09"),
        ("Thu \u2013 quiet", "2025-10-09"),
        ("Thu - quiet", "2025-10-09"),
        ("THU: quiet", "2025-10-09"),
        ("Thurs: quiet", "2025-10-09"),
        ("sunday: quiet", "2025-10-05"),
    ],
)
def test_label_day_under_one_day(text, day):
    assert label_day(text, dt.date(2025, 10, 8)) == dt.date.fromisoformat(day)


def test_label_day_under_a_span_and_a_week():
    # a span that starts on a Wednesday: its Monday is the next one; a week's is that week's
    assert label_day("Mon: quiet", dt.date(2025, 10, 8), span=True) == dt.date(2025, 10, 13)
    assert label_day("Mon: quiet", dt.date(2025, 10, 8), week=True) == dt.date(2025, 10, 6)
    assert label_day("Wed: quiet", dt.date(2025, 10, 8), span=True) == dt.date(2025, 10, 8)
    assert label_day("Sun: quiet", dt.date(2025, 10, 6), week=True) == dt.date(2025, 10, 12)
    assert label_day("Mon: quiet", None) is None


@pytest.mark.parametrize(
    "text",
    [
        "Mon 9am PT: deploy DEP-3",  # (a weekday before a time)
        "Wed 10:00 UTC: standup",
        "Tue 10/14: DEP-12 blocked",  # (before a date)
        "Mon - Fri: on call Sam",  # (a range of days)
        "Mon\u2013Fri: on call Sam",
        "Mon-Fri: on call Sam",
        "deploy on Mon went fine",  # (inside the text)
        "sat: quiet",  # (words in lower case)
        "sun: quiet",
        "Mar: rollout",  # (a month)
        "Tue. rolled back",  # (only its dot)
        "Sun Life call: moved",  # (no label end right after it)
        "Monday deploy at 09:00",
        "Mon:deployed",  # (no space after the label)
    ],
)
def test_no_label(text):
    assert label_day(text, dt.date(2025, 10, 8)) is None


# --- 2: deadlines and nested items ------------------------------------------------------------------------


def test_a_labelled_deadline_is_due_on_the_label_day_unless_it_writes_its_own():
    logs = _read(
        "# Log\n\n## Mon 2025-10-06\n"
        "- Fri: ETA 17:00 UTC for DEP-7\n"
        "- Fri: DEP-8 fix ETA Mon 12:00 UTC\n"
        "- Thu: DEP-9 due 2025-10-15\n"
    )
    assert _events(logs) == [
        [4, "2025-10-10 00:00", "day"],
        [5, "2025-10-10 00:00", "day"],
        [6, "2025-10-09 00:00", "day"],
    ]
    assert _deadlines(logs) == [
        [4, "2025-10-10 17:00", "minute", "ETA"],  # (the label's Friday, not Monday 10-06)
        [5, "2025-10-13 12:00", "minute", "ETA"],  # (its own Monday, the next after the label's Friday)
        [6, "2025-10-15 00:00", "day", "due"],  # (its own date)
    ]


def test_nested_items_are_on_their_parents_label_day():
    logs = _read(
        "# Log\n\n## Sun 2025-10-12\n"
        "- Wed: deployed DEP-9\n"
        "  - smoke tests green 10:30 UTC\n"
        "  - rolled back DEP-9\n"
        "    - paged SRE at 11:00 UTC\n"
        "- DEP-10 opened 12:00 UTC\n"
    )
    assert _events(logs) == [
        [4, "2025-10-08 00:00", "day"],
        [5, "2025-10-08 10:30", "minute"],
        [6, "2025-10-08 00:00", "day"],
        [7, "2025-10-08 11:00", "minute"],
        [8, "2025-10-12 12:00", "minute"],  # (not nested: the section's day)
    ]


def test_a_nested_label_is_read_against_the_day_its_parents_was():
    logs = _read(
        "# Log\n\n## Sun 2025-10-12\n"
        "- Wed: deployed DEP-9\n"
        "  - Thu: rolled back DEP-9 at 09:00 UTC\n"
        "  - Mon: deploy DEP-10 again\n"
    )
    # (told on Sunday 10-12, as its parent: the Thursday before it, not the one before Wednesday 10-08;
    # no tense, the nearest Monday, 10-13)
    assert _events(logs) == [
        [4, "2025-10-08 00:00", "day"], [5, "2025-10-09 09:00", "minute"], [6, "2025-10-13 00:00", "day"]]


# --- 3: no label: read as before --------------------------------------------------------------------------


def test_items_with_no_label_keep_the_sections_day():
    logs = _read(
        "# Log\n\n## Wed 2025-10-08\n"
        "- deploy on Mon went fine\n"
        "- Mar: DEP-11 rollout\n"
        "- Wed 10:00 UTC: standup\n"
        "- Tue 10/14: DEP-12 blocked\n"
        "- Mon - Fri: on call Sam\n"
        "- sat: quiet 14:00 UTC\n"
        "- Tue. rolled back DEP-13\n"
    )
    assert _events(logs) == [
        [4, "2025-10-08 00:00", "day"],
        [5, "2025-10-08 00:00", "day"],
        [6, "2025-10-08 10:00", "minute"],
        [7, "2025-10-14 00:00", "day"],
        [8, "2025-10-08 00:00", "day"],
        [9, "2025-10-08 14:00", "minute"],
        [10, "2025-10-08 00:00", "day"],
    ]


# --- 4: span headings' titles -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading, title",
    [
        ("## Week 41 (2025-10-06 \u2013 2025-10-12)", "Week 41"),
        ("## 2025-10-13 to 2025-10-19", ""),
        ("## 2025-10-13", ""),
        ("## Deploys 2025-10-06 through 2025-10-12", "Deploys"),
        ("## 2025-10-06 - deploy week - 2025-10-12", "deploy week"),
        ("## Oct 9 14:00 - Oct 10 09:00 outage", "outage"),
    ],
)
def test_a_span_headings_title_drops_what_joins_its_days(heading, title):
    assert parse_heading(heading, year_near=dt.date(2025, 10, 1)).title == title


def test_the_sections_titles_of_the_span_fixture():
    logs = occ_lib.read_logs(str(FIX / "daylbl_week_spans.md"))
    assert logs.sections["title"].tolist() == ["Week 41", "", "2025-W43"]


# --- 5: a run of labelled items keeps its order ---------------------------------------------------------


def test_an_on_call_rota_written_on_a_wednesday_is_that_week():
    days = ["Mon: Alice", "Tue: Bob", "Wed: Carol", "Thu: Dan", "Fri: Eve", "Sat: Fay", "Sun: Gus"]
    logs = _read("# Ops\n\n## Wed 2025-10-08\n- On-call rota posted:\n" + "".join(f"- {d}\n" for d in days))
    assert _events(logs) == [[4, "2025-10-08 00:00", "day"]] + [
        [5 + k, f"2025-10-{6 + k:02d} 00:00", "day"] for k in range(7)  # (Sun: 10-12, not the 5th)
    ]


def test_a_run_newest_first_goes_back_and_a_gap_of_days_is_kept():
    logs = _read(
        "# Ops\n\n## Tue 2025-10-07\n- Tue: cutover\n- Mon: dry run\n- Sun: freeze\n- Sat: backup\n\n"
        "## Thu 2025-10-09\n- Thu: sync\n- Sat: drill\n- Mon: review\n"
    )
    assert _events(logs) == [
        [4, "2025-10-07 00:00", "day"], [5, "2025-10-06 00:00", "day"], [6, "2025-10-05 00:00", "day"],
        [7, "2025-10-04 00:00", "day"],  # (the nearest Saturday would be the 11th: the run goes back)
        [10, "2025-10-09 00:00", "day"], [11, "2025-10-11 00:00", "day"],
        [12, "2025-10-13 00:00", "day"],  # (two days after Saturday, not the 6th, the Monday nearest)
    ]


def test_a_run_ends_at_an_unlabelled_item_and_tense_still_decides():
    logs = _read(
        "# Ops\n\n## Wed 2025-10-08\n- Sat: Fay\n- handover notes\n- Sun: Gus\n\n"
        "## Wed 2025-10-15\n- Sat: drill prep\n- Sun: rolled back DEP-9\n- Mon: shipped DEP-4\n"
        "- Fri: ship DEP-5\n"
    )
    assert _events(logs) == [
        [4, "2025-10-11 00:00", "day"], [5, "2025-10-08 00:00", "day"],
        [6, "2025-10-05 00:00", "day"],  # (no run: the nearest Sunday)
        [9, "2025-10-18 00:00", "day"],
        [10, "2025-10-12 00:00", "day"],  # (told as done: the last Sunday, run or not)
        [11, "2025-10-13 00:00", "day"],  # (done: the last Monday)
        [12, "2025-10-17 00:00", "day"],  # (four days after Monday: left to the nearest Friday)
    ]


@pytest.mark.parametrize(
    ("text", "after", "day"),
    [
        ("Sun: Gus", dt.date(2025, 10, 11), dt.date(2025, 10, 12)),
        ("Sun: Gus", None, dt.date(2025, 10, 5)),
        ("Mon: review", dt.date(2025, 10, 11), dt.date(2025, 10, 13)),
        ("Fri: ship", dt.date(2025, 10, 6), dt.date(2025, 10, 10)),
        ("Fri: ship", dt.date(2025, 10, 13), dt.date(2025, 10, 10)),
        ("Sat: backup", dt.date(2025, 10, 5), dt.date(2025, 10, 4)),
        ("Sun: deployed", dt.date(2025, 10, 11), dt.date(2025, 10, 5)),
        ("Wed: sync", dt.date(2025, 10, 8), dt.date(2025, 10, 8)),
    ],
)
def test_label_day_after_the_run_before(text, after, day):
    assert label_day(text, dt.date(2025, 10, 8), after=after) == day
