"""UTC instants, round 4: zones written per line or in headings, the night's rollover, dates next to
times (in brackets, in wiki links), double-hyphen ranges, and clock values that are durations."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from occ_lib.logs import _heading_zone, parse_log
from occ_lib.times import declared_zone, find_times, parse_heading

D = dt.date(2025, 10, 9)


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _ats(text: str) -> list[pd.Timestamp]:
    return parse_log(text, "x.md").events["at"].tolist()


def _deadlines(text: str) -> list[list]:
    dl = parse_log(text, "x.md").deadlines
    return dl[["line", "due_at", "due_precision", "keyword"]].values.tolist()


def _read(text: str, day: dt.date | None = D) -> list[tuple]:
    return [(m.raw, m.at, m.until, m.keyword) for m in find_times(text, day=day)]


def _utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


# --- td51 #1: the small hours are read on the clock their own zone is written on --------------------


def test_a_zone_written_on_each_line_still_rolls_the_small_hours_to_the_next_day():
    pt = (
        "# Incident INC-5\n## 2025-10-10 timeline\n- 11:40 PM PT PagerDuty triggered INC-5, paged on-call\n"
        "- 12:25 AM PT mitigated INC-5, ETA 08:00 for the fix\n"
    )
    assert _ats(pt) == [ts("2025-10-11 06:40"), ts("2025-10-11 07:25")]
    # (the ETA is 08:00 on the item's own PT clock, on the day the item was rolled to; round 18: before,
    # the UTC document's 08:00, though the writer stamped the item in PT)
    assert _deadlines(pt) == [[4, ts("2025-10-11 15:00"), "minute", "ETA"]]
    et = "## 2025-10-10\n- 23:40 EDT paged on-call\n- 00:25 EDT mitigated\n- 01:05 ET resolved\n"
    assert _ats(et) == [ts("2025-10-11 03:40"), ts("2025-10-11 04:25"), ts("2025-10-11 05:05")]


def test_a_utc_time_after_a_local_evening_item_is_past_midnight_on_its_own_clock():
    # 20:30 in New York is already 00:30 UTC the next day: '02:05 UTC' after it is that next day's
    text = (
        "---\ntz: America/New_York\n---\n## 2025-10-10\n- 20:30 PAY-1 deploy started\n"
        "- 02:05 UTC PAY-1 pod crashloop, paged the on-call manager\n- 22:40 PAY-1 resolved\n"
    )
    assert _ats(text) == [ts("2025-10-11 00:30"), ts("2025-10-11 02:05"), ts("2025-10-11 02:40")]


def test_morning_times_in_other_zones_are_not_small_hours_of_the_utc_clock():
    # 09:00 AWST is 01:00 UTC: read on its own clock it is a morning, not past the 22:30 UTC before it
    text = "## 2025-10-09\n- 09:00 NZDT Auckland engaged\n- 09:00 ACDT Adelaide check\n- 09:00 AWST Perth\n"
    assert _ats(text) == [ts("2025-10-08 20:00"), ts("2025-10-08 22:30"), ts("2025-10-09 01:00")]


# --- td51 #9: a run past midnight goes on into the next morning ------------------------------------


def test_a_next_morning_item_after_a_midnight_run_stays_on_the_next_day():
    text = (
        "---\ntz: America/New_York\n---\n# Incident INC-4835\n## 2025-10-10 timeline\n"
        "- 23:40 PagerDuty triggered INC-4835, paged on-call\n- 00:25 mitigated INC-4835\n"
        "  - 00:26 details: error rate back under 1%\n- 01:05 resolved INC-4835\n"
        "- 09:00 follow-up: customer support briefed on INC-4835\n- 11:00 postmortem drafted\n"
    )
    assert _ats(text) == [
        ts("2025-10-11 03:40"), ts("2025-10-11 04:25"), ts("2025-10-11 04:26"), ts("2025-10-11 05:05"),
        ts("2025-10-11 13:00"), ts("2025-10-11 15:00"),
    ]


def test_only_an_ordered_section_runs_on_and_only_within_twelve_hours():
    text = (
        "---\ntz: America/New_York\n---\n"
        "## 2025-10-12\n- 14:00 deploy\n- 09:00 canary (written out of order)\n- 23:40 page\n"
        "- 00:25 mitigated\n- 10:00 follow-up\n"
        "## 2025-10-13\n- 23:40 page\n- 00:25 mitigated\n- 23:50 later\n"
        "## 2025-10-14\n- 23:40 page\n- 01:30 resolved\n- 15:00 standup notes\n"
        "## 2025-10-15\n- 23:40 page\n- 01:30 resolved\n- 2025-10-16 09:00 review booked\n- 10:00 retro\n"
    )
    assert _ats(text) == [
        ts("2025-10-12 18:00"), ts("2025-10-12 13:00"), ts("2025-10-13 03:40"), ts("2025-10-13 04:25"),
        ts("2025-10-12 14:00"),  # (the section is out of order: its 10:00 is its own day's)
        ts("2025-10-14 03:40"), ts("2025-10-14 04:25"), ts("2025-10-14 03:50"),  # (not a day after)
        ts("2025-10-15 03:40"), ts("2025-10-15 05:30"), ts("2025-10-14 19:00"),  # (13 hours on: no)
        ts("2025-10-16 03:40"), ts("2025-10-16 05:30"), ts("2025-10-16 13:00"),
        ts("2025-10-15 14:00"),  # (a written date ends the run)
    ]


# --- td51 #4: a duration written as a field or a table cell --------------------------------------


def test_a_duration_field_or_cell_is_no_time_of_day():
    text = (
        "# Postmortem: INC-900 payments latency\n**Detected:** 2025-10-09 14:02 UTC\n**Duration:** 2:43\n\n"
        "| Metric | Value |\n| --- | --- |\n| MTTR | 1:08 |\n| Uptime restored | 14:20 |\n"
    )
    ev = parse_log(text, "x.md").events
    assert ev[["line", "at", "at_precision"]].values.tolist() == [
        [2, ts("2025-10-09 14:02"), "minute"], [3, ts("2025-10-09"), "day"], [7, ts("2025-10-09"), "day"],
        [8, ts("2025-10-09 14:20"), "minute"],
    ]
    assert _read("**MTTR**: 1:08") == [] and _read("__Time taken:__ 0:42") == []
    assert _read("**Outage duration:** 14:02\u201315:47 UTC") == [
        ("14:02\u201315:47 UTC", _utc(2025, 10, 9, 14, 2), _utc(2025, 10, 9, 15, 47), None)]


# --- td51 #5: a heading names its section's zone in brackets or after a dash --------------------


@pytest.mark.parametrize(
    ("heading", "zone"),
    [
        ("## Timeline (UTC)", "UTC"), ("## Timeline (PDT)", "America/Los_Angeles"),
        ("## Timeline - PDT", "America/Los_Angeles"), ("## Timeline (Pacific)", "America/Los_Angeles"),
        ("## Timeline (America/Los_Angeles)", "America/Los_Angeles"),
        ("## Timeline [PT]", "America/Los_Angeles"),
        ("## Timeline in Pacific Time (PT)", "America/Los_Angeles"),
        ("## Bangalore on-call (IST)", "Asia/Kolkata"),
        # look-alikes: no zone, a team, an abbreviation the words before spell, a time's own zone
        ("## Rollout (EU)", None), ("## Payments (ET team)", None), ("## Integrated System Test (IST)", None),
        ("## Unit tests (UT)", None), ("## Region split (WEST)", None), ("### 14:05 (UTC) paged", None),
        ("## Deploy 14:00 - PDT", None), ("## Sev (SEV-2)", None), ("## Plan (Z)", None),
    ],
)
def test_a_heading_names_a_zone_in_brackets_or_after_a_dash(heading: str, zone: str | None):
    tz = _heading_zone(heading.lstrip("# "))
    assert (None if tz is None else getattr(tz, "key", None) or str(tz)) == zone


def test_a_heading_zone_holds_for_its_section_and_not_after_it():
    text = (
        "---\ntz: America/Los_Angeles\ndate: 2025-10-09\n---\n# INC-5000 postmortem\n"
        "## Timeline (UTC)\n- 14:50 alert fired; paged on-call\n"
        "| Time | Event |\n| --- | --- |\n| 15:10 | mitigated |\n"
        "## Payments (ET team)\n- 14:50 payments paged\n"
        "## Timeline [ET]\n- 14:50 paged\n### 14:05 (UTC) follow-up\n- 14:55 noted\n"
    )
    # (the time heading's own zone is that time's: the item under it stays in its parent's ET)
    assert _ats(text) == [
        ts("2025-10-09 14:50"), ts("2025-10-09 15:10"), ts("2025-10-09 21:50"), ts("2025-10-09 18:50"),
        ts("2025-10-09 18:55"),
    ]


# --- td51 #6: a date in brackets right after a time ----------------------------------------------


def test_a_date_in_brackets_after_a_time_is_its_date():
    text = (
        "# Postmortem INC-3100\n## 2025-10-09\n- 14:02 UTC alert fired; paged on-call\n"
        "- 08:00 UTC (Oct 11) follow-up sent to customer\n- Resolved: 16:15 PDT (Oct 10)\n"
        "- 14:30 rollback (Oct 8 deploy) done\n- ETA 17:00 (2025-10-12) for the fix\n"
    )
    assert _ats(text) == [
        ts("2025-10-09 14:02"), ts("2025-10-11 08:00"), ts("2025-10-10 23:15"), ts("2025-10-09 14:30"),
        ts("2025-10-09"),
    ]
    assert _deadlines(text) == [[7, ts("2025-10-12 17:00"), "minute", "ETA"]]
    h = parse_heading("## Resolved 16:15 PDT (Oct 10)", year_near=D)
    assert (h.title, h.date, h.at) == ("Resolved", dt.date(2025, 10, 10), _utc(2025, 10, 10, 23, 15))
    assert parse_heading("## 14:00 UTC on Oct 11 follow-up", year_near=D).date == dt.date(2025, 10, 11)


# --- td52 #12: a document's zone named as a city's time ------------------------------------------


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("All times in London time (BST).", "Europe/London"),
        ("All times in New York time (ET)", "America/New_York"),
        ("All times in Berlin time (CEST).", "Europe/Berlin"),
        ("All times in Sydney time (AEDT)", "Australia/Sydney"),
        ("All times in Los Angeles time.", "America/Los_Angeles"),
        ("All times in India Standard Time (UTC+05:30).", "Asia/Kolkata"),  # (round 11: a spelled-out zone)
        ("All times in Pacific Time.", "America/Los_Angeles"),
        ("All times in Eastern Standard Time.", "America/New_York"),
        ("All times in Eastern Daylight Time (UTC-4)", "America/New_York"),
        ("Times in Grafana time", None),
        ("Response times in Production time improved", None),
        ("times in Jira time (XYZ)", None),
    ],
)
def test_a_zone_declared_as_a_city_time(text: str, zone: str | None):
    assert declared_zone(text) == zone


def test_a_document_in_london_time_reads_its_times_there():
    logs = parse_log("# Ops log\nAll times in London time (BST).\n\n## 2025-10-09\n\n- 15:04 PAY-1 paged\n")
    assert logs.docs["tz"].tolist() == ["Europe/London"]
    assert logs.events["at"].tolist() == [ts("2025-10-09 14:04")]


# --- td53 #7: a wiki link's date and the time after it -------------------------------------------


def test_a_wiki_link_date_and_the_time_after_it_are_one_deadline():
    text = (
        "---\ntz: America/New_York\n---\n# Ops\n## 2025-10-09\n- OPS-4 vendor ETA [[2025-10-10]] 17:00\n"
        "- OPS-5 due [[Oct 10th, 2025]] 5pm\n- OPS-6 see [[2025-10-08]] notes\n"
    )
    assert _deadlines(text) == [
        [6, ts("2025-10-10 21:00"), "minute", "ETA"], [7, ts("2025-10-10 21:00"), "minute", "due"]]
    assert _ats(text) == [ts("2025-10-09"), ts("2025-10-09"), ts("2025-10-08")]


# --- td53 #9: a range written with a double hyphen -----------------------------------------------


def test_a_double_hyphen_range_is_a_range():
    text = (
        "# Ops\n## 2025-10-09\n- OPS-1 resolved; outage 14:02--15:10 UTC\n"
        "- OPS-2 resolved; outage <2025-10-09 Thu 14:02>--<2025-10-09 Thu 15:10>\n"
        "- DONE OPS-3 fix consumer\n"
        "  CLOCK: [2025-10-09 Thu 14:02:11]--[2025-10-09 Thu 15:10:40] =>  01:08:29\n"
    )
    ev = parse_log(text, "x.md").events
    assert ev[["line", "at", "end_at", "kind", "times"]].values.tolist() == [
        [3, ts("2025-10-09 14:02"), ts("2025-10-09 15:10"), "note", [_utc(2025, 10, 9, 14, 2)]],
        [3, ts("2025-10-09 15:10"), pd.NaT, "resolved", [_utc(2025, 10, 9, 14, 2)]],
        [4, ts("2025-10-09 14:02"), ts("2025-10-09 15:10"), "note", [_utc(2025, 10, 9, 14, 2)]],
        [4, ts("2025-10-09 15:10"), pd.NaT, "resolved", [_utc(2025, 10, 9, 14, 2)]],
        # (the clock's total after '=>' is how long it ran, no time of day)
        [5, ts("2025-10-09 14:02:11"), ts("2025-10-09 15:10:40"), "note", [_utc(2025, 10, 9, 14, 2, 11)]],
        [5, ts("2025-10-09 15:10:40"), pd.NaT, "resolved", [_utc(2025, 10, 9, 14, 2, 11)]],
    ]
    assert _deadlines("## 2025-10-09\n- OPS-7 maintenance window 02:00--04:00 UTC\n") == [
        [2, ts("2025-10-09 04:00"), "minute", "window"]]


def test_double_hyphens_that_join_no_two_times_make_no_range():
    assert _read("error rate 09:00 --> 11:00 flat") == [
        ("09:00", _utc(2025, 10, 9, 9), None, None), ("11:00", _utc(2025, 10, 9, 11), None, None)]
    assert _read("ran at 14:02 --dry-run") == [("14:02", _utc(2025, 10, 9, 14, 2), None, None)]
    assert _read("step 14:02 -- paged on-call") == [("14:02", _utc(2025, 10, 9, 14, 2), None, None)]
    assert _read("x => 14:00") == [("14:00", _utc(2025, 10, 9, 14), None, None)]


def test_a_tz_line_declares_the_documents_zone_without_the_word_time():
    text = "# SRE Berlin\nTZ: Europe/Berlin\n\n## 2025-10-06\n[Mon 15:40] anna: ack PAY-101\n"
    logs = parse_log(text, "b.md")
    assert logs.events["at"].tolist() == [pd.Timestamp("2025-10-06 13:40", tz="UTC")]
