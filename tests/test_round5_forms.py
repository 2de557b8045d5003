"""Round 5, date and time forms and zones: European short dates, ordinal dates, slash dates joined to
their times, capitalised 'Hrs', units that open ticket keys, weeks written as 'w/c', zone
abbreviations (known and unknown), dotted offsets and fullwidth digits."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from occ_lib.logs import parse_log
from occ_lib.times import find_times, zone_named

D = dt.date(2025, 10, 9)


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _events(text: str) -> list[list]:
    ev = parse_log(text, "x.md").events
    return ev[["line", "at", "at_precision", "kind"]].values.tolist()


def _deadlines(text: str) -> list[list]:
    dl = parse_log(text, "x.md").deadlines
    return dl[["line", "due_at", "due_precision", "keyword"]].values.tolist()


def _read(text: str, tz: str | None = None, day: dt.date | None = D) -> list[tuple]:
    return [(m.raw, m.at, m.keyword, m.problem) for m in find_times(text, day=day, tz=tz)]


def _utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


# --- td50 sec_ticket_after_time: a unit's letters opening a ticket key are no unit -------------------


def test_a_ticket_key_after_a_time_is_not_a_duration_unit():
    text = (
        "# Security team log\nAll times in SGT.\n\n## Thu 9 Oct 2025\n"
        "- 14:30 SEC-88 phishing report escalated to CISO\n"
        "- SEC-89 vendor patch ETA 17:00 SEC-90 blocked on it\n"
        "- 14:30 OPS-88 phishing report escalated to CISO\n"
    )
    assert _events(text) == [
        [5, ts("2025-10-09 06:30"), "minute", "escalation"],
        [6, ts("2025-10-09 00:00"), "day", "blocked"],
        [7, ts("2025-10-09 06:30"), "minute", "escalation"],
    ]
    assert _deadlines(text) == [[6, ts("2025-10-09 09:00"), "minute", "ETA"]]
    assert _read("14:30 MIN-4 paged") == [("14:30", _utc(2025, 10, 9, 14, 30), None, None)]
    # (a unit is still one: how long, no time of day)
    assert _read("Total time: 01:02 min") == []
    assert _read("took 00:14 mins, sec.") == []
    assert _read("lap 00:14 SEC") == []


# --- td50 hrs_capitalised: 'Hrs' and 'HRS' are 'hrs' -----------------------------------------------


def test_hrs_written_capitalised_or_in_capitals_is_a_time():
    text = (
        "---\ntz: Asia/Kolkata\n---\n# NOC Bangalore\n\n## 09-Oct-2025\n"
        "- 09:30 HRS NET-4 link down, paged on-call\n- NET-1 carrier ETA 1700 Hrs\n"
    )
    assert _events(text) == [
        [7, ts("2025-10-09 04:00"), "minute", "escalation"],
        [8, ts("2025-10-09 00:00"), "day", "deadline"],
    ]
    assert _deadlines(text) == [[8, ts("2025-10-09 11:30"), "minute", "ETA"]]
    assert _read("cutover 1730 HRS IST") == [("1730 HRS IST", _utc(2025, 10, 9, 12), None, None)]
    # ('Hrs of' is a duration as 'hrs of' is; so is a clock in hours after a duration word)
    assert _read("2025 Hrs of work, 0930 HRSx") == []
    assert _read("took 2:30 HRS, outage lasted 1:15 hrs") == []


# --- td50 week_commencing: 'w/c' and 'Week commencing' headings name a week --------------------------


def test_weekdays_under_a_week_commencing_heading_are_in_that_week():
    def days(heading: str, front: str = "") -> list[str]:
        text = (
            f"---\ntz: Europe/London\n{front}---\n# Platform London — weekly status\n\n## {heading}\n"
            "- Thu 14:00 OPS-51 escalated to Eng Mgr\n- Sun 10:00 OPS-52 resolved\n- Mon 09:00 OPS-53 acked\n"
        )
        return parse_log(text, "x.md").events["at"].dt.strftime("%a %Y-%m-%d %H:%M").tolist()

    week = ["Thu 2025-10-09 13:00", "Sun 2025-10-12 09:00", "Mon 2025-10-06 08:00"]
    assert days("w/c 6 October 2025") == week
    assert days("W/C 6 Oct 2025") == week
    assert days("Week commencing 6 Oct 2025") == week
    assert days("Week beginning 6 October 2025") == week
    assert days("w/c 6 October", "date: 2025-10-01\n") == week  # (the year of the section before)
    assert days("Week of 2025-10-06") == week
    # (a 'w/' that is no week: the weekdays are the last ones on or before the section's day)
    assert days("Rollout w/config 2025-10-06") == [
        "Thu 2025-10-02 13:00", "Sun 2025-10-05 09:00", "Mon 2025-10-06 08:00"]


# --- td50 offset_dot_minutes(_decl): 'UTC+5.30' is +05:30 --------------------------------------------


def test_an_offset_with_its_minutes_after_a_dot_is_read_whole():
    item = "# Payments SRE\n\n## 2025-10-09\n- 10:40 UTC+5.30 PAY-410 escalated to Rahul (Eng Mgr)\n"
    assert _events(item) == [[4, ts("2025-10-09 05:10"), "minute", "escalation"]]
    declared = "# Payments SRE\nAll times in UTC+5.30.\n\n## 2025-10-09\n- 10:40 PAY-410 escalated\n"
    log = parse_log(declared, "x.md")
    assert log.docs["tz"].tolist() == ["+05:30"]
    assert log.events["at"].tolist() == [ts("2025-10-09 05:10")]
    assert _read("ETA 17:00 GMT+5.30, 0900 UTC+5.30 paged, 09:00 IST (UTC+5.30) acked") == [
        ("17:00 GMT+5.30", _utc(2025, 10, 9, 11, 30), "ETA", None),
        ("0900 UTC+5.30", _utc(2025, 10, 9, 3, 30), None, None),
        ("09:00 IST", _utc(2025, 10, 9, 3, 30), None, None),
    ]
    # a section's zone and a table column's, written so
    text = (
        "## 2025-10-09 Bangalore (UTC+5.30)\n- 10:40 PAY-1 paged\n\n## 2025-10-09 desk\n"
        "| Time (UTC+5.30) | What |\n|---|---|\n| 10:40 | PAY-2 paged |\n"
    )
    assert parse_log(text, "x.md").events["at"].tolist() == [ts("2025-10-09 05:10")] * 2
    # (a dot without UTC or GMT before it is no offset's, and a version after one is no minutes)
    assert zone_named("+5.30") is None
    assert _read("10:40 UTC+2.10.1 rollout") == [("10:40 UTC+2", _utc(2025, 10, 9, 8, 40), None, None)]


# --- td50 unknown_zone_abbrev: common zone abbreviations, and an unknown one is a problem -------------


def test_common_zone_abbreviations_map_to_their_zones():
    text = (
        "---\ntz: Europe/London\n---\n# APAC handover\n\n## 2025-10-09\n"
        "- 09:00 MYT KL-5 checkout errors, paged on-call\n- 09:00 AET SYD-5 acked by Sydney on-call\n"
        "- 09:00 NZT AKL-5 escalated to Head of Infra\n"
    )
    assert _events(text) == [
        [7, ts("2025-10-09 01:00"), "minute", "escalation"],
        [8, ts("2025-10-08 22:00"), "minute", "acknowledged"],
        [9, ts("2025-10-08 20:00"), "minute", "escalation"],
    ]
    zones = {
        "MYT": "Asia/Kuala_Lumpur", "AET": "Australia/Sydney", "AEDT": "Australia/Sydney",
        "NZT": "Pacific/Auckland", "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland",
        "SGT": "Asia/Singapore", "HKT": "Asia/Hong_Kong", "KST": "Asia/Seoul", "ICT": "Asia/Bangkok",
        "WIB": "Asia/Jakarta", "PKT": "Asia/Karachi", "GST": "Asia/Dubai", "SAST": "Africa/Johannesburg",
        "EAT": "Africa/Nairobi", "WAT": "Africa/Lagos", "BRT": "America/Sao_Paulo",
        "ART": "America/Argentina/Buenos_Aires",
    }
    # (a key after the zone, as above: 'ART' before a plain word is SAFe's release train, round 6)
    assert {z: find_times(f"09:00 {z} KL-5 x", day=D)[0].zone for z in zones} == zones
    # (the ones that are words too only in capitals)
    assert zone_named("art") is None and zone_named("Eat") is None
    assert _read("09:00 art review") == [("09:00", _utc(2025, 10, 9, 9), None, None)]


def test_an_unknown_zone_abbreviation_after_a_time_is_a_problem_not_the_documents_zone():
    text = (
        "---\ntz: Europe/London\n---\n# APAC handover\n\n## 2025-10-09\n"
        "- 09:00 XDT KL-5 checkout errors, paged on-call\n- ETA 17:00 ABST KL-6 fix\n"
        "- 17:00 API errors KL-7\n- 17:00 CAB approved CHG-1\n- 17:00 UAT sign-off KL-8\n"
        "- 17:00 POST /orders 500s KL-9\n- 17:00 SIT-4 smoke tests\n- KL-10 deployed at noon XDT\n"
    )
    log = parse_log(text, "x.md")
    assert log.problems[["line", "what", "token", "reason"]].values.tolist() == [
        [7, "time", "09:00 XDT", "unknown time zone XDT"],
        [8, "time", "17:00 ABST", "unknown time zone ABST"],
        [14, "time", "noon XDT", "unknown time zone XDT"],
    ]
    assert log.events[["line", "at", "at_precision"]].values.tolist() == [
        [7, ts("2025-10-09 00:00"), "day"],
        [8, ts("2025-10-09 00:00"), "day"],
        [9, ts("2025-10-09 16:00"), "minute"],
        [10, ts("2025-10-09 16:00"), "minute"],
        [11, ts("2025-10-09 16:00"), "minute"],
        [12, ts("2025-10-09 16:00"), "minute"],
        [13, ts("2025-10-09 16:00"), "minute"],
        [14, ts("2025-10-09 00:00"), "day"],
    ]
    assert log.deadlines.empty  # (no deadline at a guessed instant)
    assert _read("09:00-10:00 XYST window") == [
        ("09:00-10:00 XYST", None, "window", "unknown time zone XYST")]
    # (a word or a team's acronym is no zone, however the time is written)
    words = "09:00-10:00 UAT, 2025-10-10 17:00 TEST run, standup at 5p START, noon UAT, 14:02 CRIT disk"
    assert [m[:2] for m in _read(words)] == [
        ("09:00-10:00", _utc(2025, 10, 9, 9)), ("2025-10-10 17:00", _utc(2025, 10, 10, 17)),
        ("5p", _utc(2025, 10, 9, 17)), ("noon", _utc(2025, 10, 9, 12)), ("14:02", _utc(2025, 10, 9, 14, 2)),
    ]


# --- td50 nth_of_month: '14th of October' is a date ------------------------------------------------


def test_an_ordinal_day_of_a_month_is_a_date():
    text = (
        "---\ntz: Europe/London\n---\n# London ops\n\n## Thursday, 9 October 2025\n"
        "- OPS-1 vendor ETA 14th of October 2025 17:00\n- OPS-2 fix due by the 15th of October\n"
    )
    assert _deadlines(text) == [
        [7, ts("2025-10-14 16:00"), "minute", "ETA"],
        [8, ts("2025-10-15 00:00"), "day", "by"],
    ]
    assert _read("cutover on the 3rd of Nov at 10:00, the 14th of October 2025 and 14th October") == [
        ("3rd of Nov at 10:00", _utc(2025, 11, 3, 10), None, None),
        ("14th of October 2025", _utc(2025, 10, 14), None, None),
        ("14th October", _utc(2025, 10, 14), None, None),
    ]
    # ('of' only after an ordinal, and a month is written with its capital)
    assert _read("4 of October nodes, the 5th of may, the 3rd of the month") == []


# --- td50 dotted_short_date: '14.10.25 17:00' and '14.10. 17:00' ----------------------------------


def test_a_short_dotted_date_joined_to_its_time_is_a_date():
    text = (
        "---\ntz: Europe/Berlin\n---\n# Plattform Berlin\n\n## 09.10.2025\n"
        "- PLAT-312 vendor ETA 14.10.25 17:00\n- PLAT-313 due 14.10. 17:00\n"
        "- 15.10. 09:30 PLAT-314 resolved\n"
    )
    assert _deadlines(text) == [
        [7, ts("2025-10-14 15:00"), "minute", "ETA"],
        [8, ts("2025-10-14 15:00"), "minute", "due"],
    ]
    assert _events(text)[2] == [9, ts("2025-10-15 07:30"), "minute", "resolved"]
    assert _read("ETA 14.10., 5pm", tz="Europe/Berlin") == [
        ("14.10., 5pm", _utc(2025, 10, 14, 15), "ETA", None)]
    # versions, addresses, decimals and a short date with no time are not dates: the time is read alone
    at_17 = ("17:00", _utc(2025, 10, 9, 17), None, None)
    for text in ("v14.10.25 17:00", "version 1.10.25 17:00", "release 1.10.25 at 17:00",
                 "10.1.10.25 17:00", "1.10.25-rc1 17:00", "load 3.14 17:00", "1.2.3 17:00"):
        assert _read(text) == [at_17], text
    assert _read("deployed 14.10.25 and 14.10.") == []


# --- td50 slash_date_not_joined: a slash date and '1430 hrs', a time 'on' a slash date ------------------


def test_a_slash_date_is_joined_to_a_time_in_hours_and_to_a_time_written_on_it():
    text = (
        "---\ntz: Asia/Kolkata\n---\n# Payments SRE Bangalore\n\n## Thursday, 9 October 2025\n"
        "- 10/10/2025 1430 hrs PAY-2 resolved\n- PAY-3 vendor ETA 17:00 on 14/10/2025\n"
        "- PAY-4 ETA 17:00 on 10/11/2025\n- 11/10/2025, 0930 HRS PAY-5 acked\n"
    )
    assert _events(text) == [
        [7, ts("2025-10-10 09:00"), "minute", "resolved"],
        [8, ts("2025-10-09 00:00"), "day", "deadline"],
        [9, ts("2025-10-09 00:00"), "day", "deadline"],
        [10, ts("2025-10-11 04:00"), "minute", "acknowledged"],
    ]
    # (both ways a date: the document's order, day first in India, as for any slash date)
    assert _deadlines(text) == [
        [8, ts("2025-10-14 11:30"), "minute", "ETA"],
        [9, ts("2025-11-10 11:30"), "minute", "ETA"],
    ]
    # a US document, and a 12-hour clock with no order known: month first
    us = "---\ntz: America/New_York\n---\n## 2025-10-09\n- PAY-6 ETA 5pm on 10/11/2025\n"
    assert _deadlines(us) == [[5, ts("2025-10-11 21:00"), "minute", "ETA"]]
    assert _read("ETA 5pm ET on 10/11/2025", day=None) == [
        ("5pm ET on 10/11/2025", _utc(2025, 10, 11, 21), "ETA", None)]
    # (a slash written after 'on' that is no near date, and slashes with no time, are not dates)
    assert _read("17:00 on 1/2 of the nodes, 3/4 2025 hrs of work") == [
        ("17:00 on 1/2", _utc(2025, 10, 9, 17), None, None)]
    assert _read("1/2 1430 hrs") == [("1430 hrs", _utc(2025, 10, 9, 14, 30), None, None)]


# --- td54 07-fullwidth-time: fullwidth digits and colons, Unicode hyphens in ISO dates -----------------


def test_fullwidth_times_and_unicode_hyphens_in_iso_dates_are_read():
    text = (
        "# \u6771\u4eac\u30aa\u30da\u30ec\u30fc\u30b7\u30e7\u30f3\n## 2025-10-09\n"
        "- \uff11\uff14\uff1a\uff10\uff10 UTC escalated to manager OPS-1\n- 14\uff1a30 UTC resolved OPS-1\n"
        "- ETA 16\uff1a00 UTC OPS-2\n- ETA 2025\u201110\u201112 OPS-3\n"
        "- ETA 2025\u201010\u201213 OPS-4\n- ETA 2025\u201310-14 OPS-5\n"
        "- 2024\u20132025 budget, 09:00\u201310:00 UTC window OPS-6\n"
    )
    log = parse_log(text, "x.md")
    assert log.events[["line", "at", "at_precision", "kind"]].values.tolist()[:2] == [
        [3, ts("2025-10-09 14:00"), "minute", "escalation"],
        [4, ts("2025-10-09 14:30"), "minute", "resolved"],
    ]
    assert _deadlines(text) == [
        [5, ts("2025-10-09 16:00"), "minute", "ETA"],
        [6, ts("2025-10-12 00:00"), "day", "ETA"],
        [7, ts("2025-10-13 00:00"), "day", "ETA"],
        [8, ts("2025-10-14 00:00"), "day", "ETA"],
        [9, ts("2025-10-09 10:00"), "minute", "window"],
    ]
    # the text is the one read (as for '&nbsp;'); an en dash that joins no date's parts stays
    assert log.events["text"].tolist()[0] == "14:00 UTC escalated to manager OPS-1"
    assert log.events["text"].tolist()[-1] == "2024\u20132025 budget, 09:00\u201310:00 UTC window OPS-6"
    assert log.docs["title"].tolist() == ["\u6771\u4eac\u30aa\u30da\u30ec\u30fc\u30b7\u30e7\u30f3"]
