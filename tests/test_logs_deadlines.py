"""Deadlines as operations teams write them: windows, ETAs across midnight, zoned columns, misses."""

from __future__ import annotations

import pandas as pd

from occ_lib.logs import parse_log


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _deadlines(text: str) -> list[list]:
    dl = parse_log(text, "x.md").deadlines
    return dl[["line", "due_at", "keyword", "stated_missed"]].values.tolist()


def test_a_window_written_as_a_range_is_due_at_its_end():
    # the change must be done inside the window: a completion at 03:12 ET met it
    text = (
        "---\ntz: America/New_York\n---\n## 2025-10-09 (Thu) CAB\n"
        "- CHG-1240 approved for maintenance window Sat 02:00-04:00 ET.\n"
        "- CHG-1241 deploy window 18:00 UTC\n"
    )
    assert _deadlines(text) == [
        [5, ts("2025-10-11 08:00"), "window", False],
        [6, ts("2025-10-09 18:00"), "window", False],
    ]


def test_an_impact_window_is_when_it_happened_not_a_deadline():
    text = (
        "## 2025-10-14\n- INC-5678 Impact window: 14:02\u201315:47 UTC\n"
        "- INC-5679 outage window 09:00-09:20 UTC, 10:00 UTC impact window\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.deadlines.empty
    ev = logs.events
    # (round 16, EXPB2: the outage window that happened is over at its end, INC-5679 resolved at 09:20, as
    # 'resolved; outage 14:02-15:47' reads; the window's note keeps its span)
    assert ev[["at", "end_at", "kind"]].values.tolist() == [
        [ts("2025-10-14 14:02"), ts("2025-10-14 15:47"), "note"],
        [ts("2025-10-14 09:00"), ts("2025-10-14 09:20"), "note"],
        [ts("2025-10-14 09:20"), pd.NaT, "resolved"],
    ]


def test_an_eta_written_before_midnight_for_after_it_is_the_next_day():
    text = (
        "All times ET.\n## 2025-10-09 (Thu)\n"
        "- 23:40 ET REL-97 paged on-call, ETA for fix 00:30 ET\n"
        "- 23:50 ET REL-98 missed the 00:10 ET checkpoint\n"  # (a missed one is not moved)
        "- 10:00 ET REL-99 ETA 09:45 ET\n"  # (15 minutes before: as written)
    )
    assert _deadlines(text) == [
        [3, ts("2025-10-10 04:30"), "ETA", False],
        [4, ts("2025-10-09 04:10"), "checkpoint", True],
        [5, ts("2025-10-09 13:45"), "ETA", False],
    ]


def test_a_miss_is_what_the_item_says_of_a_deadline_not_of_a_metric_or_a_negation():
    text = (
        "All times ET.\n## 2025-10-07 (Tue)\n"
        "- 10:20 Datadog: p95 latency exceeded 800ms on staging (REL-91); ETA for fix 11:30\n"
        "- 10:21 error budget breached for checkout (REL-92), ETA for mitigation 12:00\n"
        "- REL-93 ETA 16:00, not missed - fix landed 15:50\n"
        "- REL-94 deadline 18:00 was never at risk; nothing slipped\n"
        "- REL-95 late night deploy, ETA 23:00\n"
        "- REL-96 ETA 14:00 missed, the SLA was breached\n"  # (a miss all the same)
        "- REL-97 not late, but the 15:00 ETA slipped\n"
    )
    assert [r[3] for r in _deadlines(text)] == [False, False, False, False, False, True, True]


def test_now_due_is_the_replacement_of_a_slipped_deadline():
    text = "---\ntz: America/Los_Angeles\n---\n## Fri 2025-10-10\n- WEB-306 slipped; now due Tues 10/14.\n"
    assert _deadlines(text) == [[5, ts("2025-10-14"), "due", False]]


def test_weekdays_of_deadlines_as_written_in_short_and_looking_back():
    # written on Thursday 2025-10-09 (Pacific)
    text = (
        "---\ntz: America/Los_Angeles\n---\n## Thu 2025-10-09\n"
        "- WEB-1 ETA Fri. 10:00\n"
        "- WEB-2 ETA Tues. 10am\n"
        "- WEB-3 due Fri, 10 Oct.\n"
        "- WEB-4 missed COB Wed.\n"
        "- WEB-5 overdue since last Friday\n"
        "- WEB-6 ETA Oct 10 by EOD.\n"
        "- WEB-7 due tomorrow by EOD.\n"
        "- WEB-8 Fri EOD 18:00\n"
        "- WEB-9 Fri EOD (18:00)\n"
    )
    assert _deadlines(text) == [
        [5, ts("2025-10-10 17:00"), "ETA", False],
        [6, ts("2025-10-14 17:00"), "ETA", False],
        [7, ts("2025-10-10"), "due", False],
        [8, ts("2025-10-08"), "missed", True],
        [9, ts("2025-10-03"), "overdue since", True],
        [10, ts("2025-10-10"), "ETA", False],
        [11, ts("2025-10-10"), "due", False],
        [12, ts("2025-10-11 01:00"), "EOD", False],
        [13, ts("2025-10-11 01:00"), "EOD", False],
    ]


def test_a_zone_note_is_no_item_even_with_a_date_in_it():
    text = (
        "# Change log \u2014 2025-10-21\n\nTimes in ET (UTC-4 until Nov 2, UTC-5 after).\n\n"
        "- 22:03 CHG-1300 deploy\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.deadlines.empty
    assert logs.events[["line", "at"]].values.tolist() == [[5, ts("2025-10-22 02:03")]]


def test_a_day_heading_under_a_week_title_reads_weekdays_from_its_day():
    # 'due Monday' written on Thursday is the Monday after, though the title names the week
    text = (
        "# Reliability daily log \u2014 W41\n## 2025-10-09\n- REL-93 postmortem due Monday\n"
        "## Week of Oct 6\n- REL-94 Thu 9:05 AM pinged infra\n"
    )
    logs = parse_log(text, "x.md")
    assert _deadlines(text) == [[3, ts("2025-10-13"), "postmortem", False]]
    assert logs.events["at"].tolist()[1] == ts("2025-10-09 09:05")


def test_the_new_deadline_rules_keep_their_look_alikes_apart():
    text = (
        "---\ntz: UTC\n---\n## Thu 2025-10-09\n"
        "- A-1 ETA 12:00, error rate elevated 09:00 -> 11:00\n"  # (no deadline moved to 11:00)
        "- A-2 ETA 17:00 missed, pushed to Fri 10:00\n"
        "- A-3 ETA last Friday of October\n"  # (no date rather than the Friday before)
        "- A-4 Planned outage window Sat 02:00-04:00\n"  # (a planned window is a deadline)
        "- A-5 Outage duration: 14:02\u201315:47 UTC\n"  # (a range is no duration)
        "- 20:45 A-6 vendor ETA 08:00 this morning came and went\n"  # (told as past: not tomorrow's)
        "- 18:30 A-7 EOD recap:\n  - 03:10 batch job failed\n"  # (nested under the evening: that day)
        "- 14:15 ETA slipped, now due 17:00\n"  # (the item's own time is no deadline)
        "- Vendor exceeded the 09:00 UTC deadline\n"  # (a miss, not a metric)
        "- no deadlines slipped; release due 2025-10-12\n"
        "- the 14:00 ETA wasn\u2019t missed\n"
        "- Deadline 09:00 blown. New ETA Fri. 10:00\n"
        "| Task | Due (IST) |\n|---|---|\n| A-9 | 1530 hrs |\n"
        "- Due date: 13/Oct/25\n"
    )
    assert _deadlines(text) == [
        [5, ts("2025-10-09 12:00"), "ETA", False],
        [6, ts("2025-10-09 17:00"), "ETA", True],
        [6, ts("2025-10-10 10:00"), "ETA", False],
        [8, ts("2025-10-11 04:00"), "window", False],
        [10, ts("2025-10-09 08:00"), "ETA", False],
        [13, ts("2025-10-09 17:00"), "due", False],
        [14, ts("2025-10-09 09:00"), "deadline", True],
        [15, ts("2025-10-12"), "due", False],
        [16, ts("2025-10-09 14:00"), "ETA", False],
        [17, ts("2025-10-09 09:00"), "deadline", True],
        [17, ts("2025-10-10 10:00"), "ETA", False],
        [20, ts("2025-10-09 10:00"), "due", False],
        [21, ts("2025-10-13"), "due", False],
    ]
    ev = parse_log(text, "x.md").events.set_index("line")
    assert (ev.loc[9, "at"], ev.loc[9, "end_at"]) == (ts("2025-10-09 14:02"), ts("2025-10-09 15:47"))
    assert ev.loc[12, "at"] == ts("2025-10-09 03:10")
    assert ev.loc[13, "at"] == ts("2025-10-09 14:15")


def test_an_opening_time_keeps_its_day_when_a_keyword_takes_the_day_after_it():
    text = (
        "## Thu 2025-10-09\n- 08:02 OPS-3 ETA tomorrow\n- 08:03 [OPS-4] deadline is Friday\n"
        "- 08:40 OPS-9 review by Friday\n- 08:25 yesterday's backup failed again\n"
        "- 08:35 VND-82 deadline for the security review is Oct 15\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.events["at"].tolist() == [
        ts("2025-10-09 08:02"), ts("2025-10-09 08:03"), ts("2025-10-09 08:40"), ts("2025-10-09 08:25"),
        ts("2025-10-09 08:35")]
    assert _deadlines(text) == [
        [2, ts("2025-10-10"), "ETA", False], [3, ts("2025-10-10"), "deadline", False],
        [4, ts("2025-10-10"), "by", False], [6, ts("2025-10-15"), "deadline", False],
    ]


def test_a_moved_deadline_gives_the_new_one_and_the_old_one_only_when_missed():
    """(round 10 F5: an old deadline the item moved is no promise now, unless it says it was missed)"""
    text = (
        "## 2025-10-09\n- 08:44 VND-82 ETA slipped from 10:00 to 13:00\n"
        "- 08:46 VND-83 ETA moved from 10:00 to 13:00\n- 08:48 VND-85 ETA was 10:00, now 13:00\n"
        "- PAY-308 ETA moved from Oct 8 to Oct 10, slipped again\n"
        "- MIG-301 ETA slipped to 10/14\n- MIG-302 ETA 10/10 slipped to 10/14\n"
        "- MIG-303 ETA ~10/14\n- MIG-304 cutoff 10/14\n- MIG-305 NLT 10/14\n- MIG-306 cert expires 10/14\n"
        "- 09:00 change window 10:00 to 11:00\n"
        "- 08:30 UTC: INFRA-1 ETA moved from 2025-10-15 17:00 UTC to 2025-10-17 17:00 UTC.\n"
    )
    assert _deadlines(text) == [
        [2, ts("2025-10-09 10:00"), "ETA", True], [2, ts("2025-10-09 13:00"), "ETA", False],
        [3, ts("2025-10-09 13:00"), "ETA", False], [4, ts("2025-10-09 13:00"), "ETA", False],
        [5, ts("2025-10-08"), "ETA", True], [5, ts("2025-10-10"), "ETA", False],
        [6, ts("2025-10-14"), "ETA", False],
        [7, ts("2025-10-10"), "ETA", True], [7, ts("2025-10-14"), "ETA", False],
        [8, ts("2025-10-14"), "ETA", False], [9, ts("2025-10-14"), "cutoff", False],
        [10, ts("2025-10-14"), "no later than", False], [11, ts("2025-10-14"), "expires", False],
        [12, ts("2025-10-09 11:00"), "window", False],
        [13, ts("2025-10-17 17:00"), "ETA", False],
    ]


def test_the_small_hours_after_midnight_are_read_on_the_next_day_across_a_clock_change():
    us = (
        "---\ntz: America/New_York\n---\n## 2025-11-01\n"
        "- 23:40 PAY-880 paged on-call, settlement lagging; ETA 03:30.\n- 03:10 PAY-880 resolved\n"
        "## Sat 2025-11-01 (later)\n- 11:50 PM DB-301 vacuum kicked off\n"
        "- 01:30 EST DB-301 still running, ETA 01:45 EST\n"
    )
    logs = parse_log(us, "us.md")
    assert logs.events["at"].tolist() == [
        ts("2025-11-02 03:40"), ts("2025-11-02 08:10"), ts("2025-11-02 03:50"), ts("2025-11-02 06:30")]
    assert _deadlines(us) == [
        [5, ts("2025-11-02 08:30"), "ETA", False], [9, ts("2025-11-02 06:45"), "ETA", False]]
    eu = (
        "---\ntz: Europe/Berlin\n---\n## Sat 2025-10-25\n- 23:50 CHK-410 export stalled, paged on-call.\n"
        "- 02:30 CEST CHK-410 escalated to manager\n- 02:30 CET CHK-410 resolved\n- 04:30 CHK-410 recap\n"
    )
    assert parse_log(eu, "eu.md").events["at"].tolist() == [
        ts("2025-10-25 21:50"), ts("2025-10-26 00:30"), ts("2025-10-26 01:30"), ts("2025-10-26 03:30")]
    au = "---\ntz: Australia/Sydney\n---\n## 2025-10-04\n- 23:10 SYD-7 paged; ETA 05:00.\n- 04:20 done\n"
    assert parse_log(au, "au.md").events["at"].tolist() == [ts("2025-10-04 13:10"), ts("2025-10-04 17:20")]
    assert _deadlines(au) == [[5, ts("2025-10-04 18:00"), "ETA", False]]


def test_a_range_ends_on_the_weekday_written_before_its_end():
    text = (
        "---\ntz: America/New_York\n---\n## Mon Dec 29, 2025\n"
        "- PLAT-30 maintenance window Wed 22:00 - Fri 06:00 ET.\n"
        "- PLAT-31 db migration window Sat 01:00 - Sun 03:00 ET.\n"
        "## Mon 2025-10-27\n- PAY-881 maintenance window Sat 23:00 - Sun 03:00 ET for the db patch.\n"
        "## Sat 2025-11-01\n- PAY-882 maintenance between 23:00 and 03:00\n"
    )
    assert _deadlines(text) == [
        [5, ts("2026-01-02 11:00"), "window", False], [6, ts("2026-01-04 08:00"), "window", False],
        [8, ts("2025-11-02 08:00"), "window", False],
    ]
    assert parse_log(text, "x.md").events[["at", "end_at"]].values.tolist()[-1] == [
        ts("2025-11-02 03:00"), ts("2025-11-02 08:00")]


def test_an_opening_time_before_a_window_with_its_own_time_is_the_items():
    text = (
        "## 2025-10-09\n- 09:00 window Sat 02:00-04:00\n- 08:45 window closes at 18:00 UTC\n"
        "- 09:10 window of impact 07:40-08:05\n- 3pm-5pm maintenance window for OPS-9\n"
        "- 18:00 maintenance window\n- Freeze window ends 18:00; nothing after that\n"
    )
    assert parse_log(text, "x.md").events["at"].tolist() == [
        ts("2025-10-09 09:00"), ts("2025-10-09 08:45"), ts("2025-10-09 09:10"), ts("2025-10-09"),
        ts("2025-10-09"), ts("2025-10-09")]
    assert _deadlines(text) == [
        [2, ts("2025-10-11 04:00"), "window", False], [3, ts("2025-10-09 18:00"), "window", False],
        [5, ts("2025-10-09 17:00"), "window", False], [6, ts("2025-10-09 18:00"), "window", False],
        [7, ts("2025-10-09 18:00"), "window", False],
    ]


def test_noon_or_midnight_written_before_a_date_is_on_that_date():
    text = (
        "---\ntz: America/New_York\n---\n## Tue Dec 30, 2025\n"
        "- 14:00 PLAT-20 vendor promised the fix by noon Jan 2.\n- 15:00 PLAT-21 vendor ETA midnight Jan 4.\n"
        "- 16:00 PLAT-22 review noon, Jan 5\n"
    )
    assert parse_log(text, "x.md").events["at"].tolist() == [
        ts("2025-12-30 19:00"), ts("2025-12-30 20:00"), ts("2025-12-30 21:00")]
    assert _deadlines(text) == [
        [5, ts("2026-01-02 17:00"), "by", False], [6, ts("2026-01-05 05:00"), "ETA", False]]


def test_round_two_ranges_moves_checkpoints_and_night_stamps():
    text = (
        "## Wed 2025-10-08\n[Wed 23:52] sam: OPS-1 paged on-call\n[Thu 00:05] kim: OPS-1 mitigated\n"
        "- 09:00 OPS-701 planned window 22:00 - 06:00 tomorrow\n"
        "- 09:01 OPS-901 ETA was 10/9, now 10/13\n- 09:03 OPS-903 pushed the ETA from 10:00 to 13:00\n"
        "- 09:07 OPS-907 ETA slipped from Thu 10:00 to Fri 13:00\n"
        "- 09:06 OPS-7 CAB cutoff 12:00, we missed nothing this week\n"
        "- 09:08 OPS-3 ETA 17:00; the PDU blew a fuse earlier, replaced\n"
        "- 23:50 OPS-810 batch started\n- 01:45 OPS-810 checkpoint passed\n"
        "## 2025-10-24\n- 09:00 OPS-720 maintenance window Sat 22:00 - Sun 02:30 CET\n"
        "- 09:01 OPS-721 maintenance window 22:00 - 02:30 CET tomorrow night\n"
    )
    logs = parse_log(text, "x.md")
    at = dict(zip(logs.events["line"], logs.events["at"], strict=False))
    assert (at[3], at[11]) == (ts("2025-10-09 00:05"), ts("2025-10-09 01:45"))
    assert _deadlines(text) == [
        [4, ts("2025-10-09 06:00"), "window", False],
        [5, ts("2025-10-13"), "ETA", False],  # (the old ones, not missed, are gone: round 10 F5)
        [6, ts("2025-10-08 13:00"), "ETA", False],
        [7, ts("2025-10-09 10:00"), "ETA", True], [7, ts("2025-10-10 13:00"), "ETA", False],
        [8, ts("2025-10-08 12:00"), "cutoff", False], [9, ts("2025-10-08 17:00"), "ETA", False],
        [13, ts("2025-10-26 01:30"), "window", False], [14, ts("2025-10-26 01:30"), "window", False],
    ]


def test_a_handover_eta_rolls_by_the_sections_time_or_a_plus_one_marker():
    text = (
        "## Handover EMEA to AMER - 2025-10-10 16:00 CEST\n| Ticket | Status | ETA |\n|---|---|---|\n"
        "| OPS-701 | fix deployed, verification by APAC | 02:00 |\n"
        "## Shift B 2025-10-10 (UTC)\n- 16:00 OPS-1 handed to APAC, fix ETA 05:00 (+1)\n"
        "- 16:05 OPS-2 handed to APAC, fix ETA 05:00 D+1\n- 16:10 OPS-3 check at 17:00\n"
    )
    assert _deadlines(text)[:3] == [
        [4, ts("2025-10-11 00:00"), "ETA", False], [6, ts("2025-10-11 05:00"), "ETA", False],
        [7, ts("2025-10-11 05:00"), "ETA", False],
    ]
