"""Round 8 (fT): times and dates in terse, typo-laden on-call logs (test drive td72): 'tmrw'/'yday', 'Utc' and
UCT, 'Oct10', '17h' and 'ETA 5P', unreadable '17;00', 'ETA17:00'/'by5pm', German 'Fr 10.10.', year-less dotted
deadlines in a day-first log, '(was Oct 17)' and 'next wk', '## 10/6 Mon' headings, 'not done by EOD' and
'target date 10/10'. Each with the near misses that must stay as they were."""

from __future__ import annotations

import datetime as dt

import pytest

from occ_lib.logs import parse_log
from occ_lib.times import find_times, parse_heading, zone_named

NY = "America/New_York"


def _read(items: list[str], tz: str = NY, day: str = "2025-10-08") -> list[tuple]:
    """(at, kind of precision, [(due, precision, keyword, stated_missed)], [problem]) per item."""
    body = f"---\ntz: {tz}\n---\n# t\n\n## {day}\n" + "".join(f"- {i}\n" for i in items)
    logs = parse_log(body, source="x.md")
    out = []
    for _, ev in logs.events.iterrows():
        dls = logs.deadlines[logs.deadlines.line == ev.line]
        probs = logs.problems[logs.problems.line == ev.line]
        out.append((
            f"{ev['at']:%m-%d %H:%M}", ev.at_precision,
            [(f"{d.due_at:%m-%d %H:%M}", d.due_precision, d.keyword, bool(d.stated_missed))
             for d in dls.itertuples()],
            [p.reason for p in probs.itertuples()],
        ))
    return out


def _one(item: str, tz: str = NY, day: str = "2025-10-08") -> tuple:
    (got,) = _read([item], tz, day)
    return got


# --- F1: tmrw, tmr, 2moro are tomorrow; ystd, yday, yest yesterday ----------------------------------------

@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # (under Wed 2025-10-08, New York: 10am is 14:00 UTC)
        ("new ETA tmrw 10am", ("10-08 00:00", "day", [("10-09 14:00", "minute", "ETA", False)], [])),
        ("new ETA tmr 10am", ("10-08 00:00", "day", [("10-09 14:00", "minute", "ETA", False)], [])),
        ("new ETA 2moro 10am", ("10-08 00:00", "day", [("10-09 14:00", "minute", "ETA", False)], [])),
        ("new ETA Tmrw 10am", ("10-08 00:00", "day", [("10-09 14:00", "minute", "ETA", False)], [])),
        ("opened PAY-882 for RCA, ETA EOD tmrw",
         ("10-08 00:00", "day", [("10-09 00:00", "day", "postmortem", False)], [])),
        ("ETA tmrw AM for new creds", ("10-08 00:00", "day", [("10-09 00:00", "day", "ETA", False)], [])),
        ("ETA 2moro AM for new creds", ("10-08 00:00", "day", [("10-09 00:00", "day", "ETA", False)], [])),
        ("EOD tmrw", ("10-08 00:00", "day", [("10-09 00:00", "day", "EOD", False)], [])),
        ("17:10 bank missed the 5 PM, new ETA tmrw 10am", (
            "10-08 21:10", "minute",
            [("10-08 21:00", "minute", "missed", True), ("10-09 14:00", "minute", "ETA", False)], [])),
        ("deployed ystd 10am", ("10-07 14:00", "minute", [], [])),
        ("deployed yday 10am", ("10-07 14:00", "minute", [], [])),
        ("deployed yest 10am", ("10-07 14:00", "minute", [], [])),
        ("deployed yesterday 10am", ("10-07 14:00", "minute", [], [])),
        ("tmrw 09:00 deploy", ("10-09 13:00", "minute", [], [])),
        # near misses: no word of its own ('TMR' is an acronym, 'tmrw-app' a name, 'tmrwx' no word)
        ("the tmrw-app 10am", ("10-08 14:00", "minute", [], [])),
        ("ETA tmrwx 10am", ("10-08 00:00", "day", [("10-08 14:00", "minute", "ETA", False)], [])),
        ("TMR 10am sync", ("10-08 14:00", "minute", [], [])),
        ("TMR-4 10am sync", ("10-08 14:00", "minute", [], [])),
    ],
)
def test_terse_relative_days(item: str, expected: tuple) -> None:
    assert _one(item) == expected


def test_terse_relative_days_in_ist_make_a_met_eta() -> None:
    # td72 support.md: 'ETA tmr 11 AM' written at 21:00 IST on the 6th is 11:00 IST on the 7th
    item = "21:00 SUP-441 invoices pdf blank for few customers, ETA tmr 11 AM"
    got = _one(item, "Asia/Kolkata", "2025-10-06")
    assert got == ("10-06 15:30", "minute", [("10-07 05:30", "minute", "ETA", False)], [])


def test_yest_is_no_part_of_yesterday_and_find_times_agrees() -> None:
    day = dt.date(2025, 10, 8)
    got = [(m.raw, m.at) for m in find_times("deployed yest 10am, ETA tmrw 17:00", day=day, tz="UTC")]
    assert got == [("10am", dt.datetime(2025, 10, 7, 10, 0, tzinfo=dt.UTC)),
                   ("17:00", dt.datetime(2025, 10, 9, 17, 0, tzinfo=dt.UTC))]
    assert [m.raw for m in find_times("yesterday's yesterdays", day=day)] == ["yesterday"]


# --- F6: Utc, Gmt, gmt, UCT, ZULU after a time --------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "at"),
    [
        ("14:00 Utc deploy started", "10-08 14:00"),
        ("14:00 Gmt deploy started", "10-08 14:00"),
        ("14:00 gmt deploy started", "10-08 14:00"),
        ("14:00 UCT deploy started", "10-08 14:00"),
        ("14:00 ZULU deploy started", "10-08 14:00"),
        ("14:00 Zulu deploy started", "10-08 14:00"),
        ("14:00 UTC deploy started", "10-08 14:00"),
        # near misses: in the document's zone (New York, UTC-4)
        ("14:00 Uct deploy started", "10-08 18:00"),
        ("14:00 UCTX deploy", "10-08 18:00"),
        ("14:00 zulu deploy started", "10-08 18:00"),
        ("14:00 deploy started, gmt offset checked", "10-08 18:00"),
    ],
)
def test_utc_spellings_after_a_time(item: str, at: str) -> None:
    assert _one(item)[0] == at


def test_utc_spelling_on_a_deadline_and_as_a_zone_name() -> None:
    assert _one("ETA 17:00 Utc for OPS-9")[2] == [("10-08 17:00", "minute", "ETA", False)]
    assert zone_named("UCT") is dt.UTC
    assert zone_named("Utc") is dt.UTC


# --- F7: a day glued to its month ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("ETA Oct10 17:00", ("10-08 00:00", "day", [("10-10 21:00", "minute", "ETA", False)], [])),
        ("ETA Oct10", ("10-08 00:00", "day", [("10-10 00:00", "day", "ETA", False)], [])),
        ("ETA OCT10 17:00", ("10-08 00:00", "day", [("10-10 21:00", "minute", "ETA", False)], [])),
        ("review ETA Oct9 noon", ("10-08 00:00", "day", [("10-09 16:00", "minute", "ETA", False)], [])),
        ("ETA 10-Oct 17:00", ("10-08 00:00", "day", [("10-10 21:00", "minute", "ETA", False)], [])),
        # near misses: no month before the digits, or no day after the month
        ("Doc10 17:00 reviewed", ("10-08 21:00", "minute", [], [])),
        ("ETA Jan2025", ("10-08 00:00", "day", [], [])),
        ("See Nov10a 10:00", ("10-08 14:00", "minute", [], [])),
        ("DEPLOY-147 at 10:00", ("10-08 14:00", "minute", [], [])),
    ],
)
def test_month_glued_to_its_day(item: str, expected: tuple) -> None:
    assert _one(item) == expected


# --- F8: 17h, ETA 5P; unreadable 17;00 and 17:OO ------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("ETA 17h", ("10-08 00:00", "day", [("10-08 21:00", "minute", "ETA", False)], [])),
        ("ETA 17h UTC", ("10-08 00:00", "day", [("10-08 17:00", "minute", "ETA", False)], [])),
        ("ETA 09h", ("10-08 00:00", "day", [("10-08 13:00", "minute", "ETA", False)], [])),
        ("17h deploy started", ("10-08 21:00", "minute", [], [])),
        ("ETA 5P", ("10-08 00:00", "day", [("10-08 21:00", "minute", "ETA", False)], [])),
        ("ETA 5p ET", ("10-08 00:00", "day", [("10-08 21:00", "minute", "ETA", False)], [])),
        ("campaign at 5P", ("10-08 21:00", "minute", [], [])),
        # near misses: hours long, not a time of day (round 15 MOVES: hours after a time the item does not
        # write, a problem, no guess; it was silently nothing)
        ("ETA 12h", ("10-08 00:00", "day", [], ["relative deadline without the item's time"])),
        ("ETA 2h", ("10-08 00:00", "day", [], ["relative deadline without the item's time"])),
        ("took 17h", ("10-08 00:00", "day", [], [])),
        ("outage lasted 18h overall", ("10-08 00:00", "day", [], [])),
        ("uptime 12h UTC", ("10-08 00:00", "day", [], [])),
        ("option 1a", ("10-08 00:00", "day", [], [])),
        # a mistyped clock: no guess, a problem naming the line
        ("17;00 handoff to jose, nothing open except PAY-882",
         ("10-08 00:00", "day", [], ["unreadable time 17;00"])),
        ("17:OO hotfix build done, deploying", ("10-08 00:00", "day", [], ["unreadable time 17:OO"])),
        ("ETA 17;00", ("10-08 00:00", "day", [], ["unreadable time 17;00"])),
        # near misses: numbers elsewhere in an item are no clock
        ("values 10;20;30 seen", ("10-08 00:00", "day", [], [])),
        ("ratio 17;00 ok", ("10-08 00:00", "day", [], [])),
        ("10:00 build 17;00 tests", ("10-08 14:00", "minute", [], [])),
    ],
)
def test_whole_hours_short_meridiems_and_typos(item: str, expected: tuple) -> None:
    assert _one(item) == expected


# --- F9: a keyword glued to its time ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("ETA17:00 for hotfix build", ("10-08 00:00", "day", [("10-08 21:00", "minute", "ETA", False)], [])),
        ("10:30 PAY-891 alerting PR up, ETA by5pm",
         ("10-08 14:30", "minute", [("10-08 21:00", "minute", "by", False)], [])),
        ("ETA2025-10-10", ("10-08 00:00", "day", [("10-10 00:00", "day", "ETA", False)], [])),
        ("ETA:17:00 for hotfix build", ("10-08 00:00", "day", [("10-08 21:00", "minute", "ETA", False)], [])),
        # near misses: ETA and by inside words, and glued numbers that are no time
        ("BETA17:00 build", ("10-08 00:00", "day", [], [])),
        ("standby5pm", ("10-08 00:00", "day", [], [])),
        ("ETA5 nodes", ("10-08 00:00", "day", [], [])),
        ("by5 nodes", ("10-08 00:00", "day", [], [])),
        ("ETA17", ("10-08 00:00", "day", [], [])),
    ],
)
def test_keyword_glued_to_its_value(item: str, expected: tuple) -> None:
    assert _one(item) == expected


# --- F10, F11: German short weekdays, year-less dotted deadlines in a day-first log -------------------------

BERLIN = "Europe/Berlin"  # (a day-first zone: its documents read slash and dotted dates day first)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("DATA-305 decision needed NLT Fr 10.10. 12:00 because of legal",
         ("10-07 00:00", "day", [("10-10 10:00", "minute", "no later than", False)], [])),
        ("DATA-305 decision needed by Fr 10.10. 12:00",
         ("10-07 00:00", "day", [("10-10 10:00", "minute", "by", False)], [])),
        ("new deadline Mo 13.10. 12:00",
         ("10-07 00:00", "day", [("10-13 10:00", "minute", "deadline", False)], [])),
        ("DATA-305 decision needed NLT 10.10. 12:00",
         ("10-07 00:00", "day", [("10-10 10:00", "minute", "no later than", False)], [])),
        # near miss: no keyword, the item's own time
        ("Fr 10.10. 12:00 call", ("10-10 10:00", "minute", [], [])),
        ("DATA-307 ETA 17.10., DATA-308 ETA 24.10.", (
            "10-07 00:00", "day",
            [("10-17 00:00", "day", "ETA", False), ("10-24 00:00", "day", "ETA", False)], [])),
        ("09:00 DATA-302 post mortem draft 50 %, deadline is 10.10. EOD",
         ("10-07 07:00", "minute", [("10-10 00:00", "day", "postmortem", False)], [])),
        ("Jürgen ask for post mortem until 10.10. – DATA-302 created for it",
         ("10-07 00:00", "day", [("10-10 00:00", "day", "postmortem", False)], [])),
        ("DATA-307 ETA 17.10.2025", ("10-07 00:00", "day", [("10-17 00:00", "day", "ETA", False)], [])),
        ("ETA 31.02.", ("10-07 00:00", "day", [], ["impossible date 31.02."])),
        # near misses: no keyword, a version, a two-digit year without a time
        ("upgraded to 1.10. today", ("10-07 00:00", "day", [], [])),
        ("see section 3.12. below", ("10-07 00:00", "day", [], [])),
        ("fixed by 1.2.3 release", ("10-07 00:00", "day", [], [])),
        ("due 1.10.25", ("10-07 00:00", "day", [], [])),
    ],
)
def test_german_weekdays_and_dotted_deadlines(item: str, expected: tuple) -> None:
    assert _one(item, BERLIN, "2025-10-07") == expected


def test_year_less_dotted_deadline_only_in_a_day_first_document() -> None:
    # in New York (month first by custom) '17.10.' after ETA stays no date, as before
    assert _one("DATA-307 ETA 17.10.", NY, "2025-10-07") == ("10-07 00:00", "day", [], [])


# --- F16: '(was Oct 17)' is no item time; 'next wk' --------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("PAY-893 cred rotation pushed to next wk (was Oct 17), ETA Oct 21",
         ("10-10 00:00", "day", [("10-21 00:00", "day", "ETA", False)], [])),
        ("PAY-893 cred rotation pushed to next week (was Oct 17)", ("10-10 00:00", "day", [], [])),
        # (a time something moves to is no item time: round 15 EXP2)
        ("deploy moved to 15:00 (was 14:00)", ("10-10 00:00", "day", [], [])),
        ("ETA next wk", ("10-10 00:00", "day", [("10-17 00:00", "day", "ETA", False)], [])),
        ("ETA this wk", ("10-10 00:00", "day", [("10-10 00:00", "day", "ETA", False)], [])),
        ("due end of next wk", ("10-10 00:00", "day", [("10-17 00:00", "day", "due", False)], [])),
        # the old one of a deadline, not missed, is no promise now (round 10 F5)
        ("due 2025-10-31 (was 2025-10-24)", (
            "10-10 00:00", "day", [("10-31 00:00", "day", "due", False)], [])),
        # near misses: words in brackets, a week with no deadline word
        ("incident Oct 7 (was paged twice)", ("10-07 00:00", "day", [], [])),
        ("retro Oct 9 (was fun)", ("10-09 00:00", "day", [], [])),
        ("next wk we plan a retro", ("10-10 00:00", "day", [], [])),
    ],
)
def test_old_values_and_next_wk(item: str, expected: tuple) -> None:
    assert _one(item, NY, "2025-10-10") == expected


# --- F22: year-less slash headings with their weekday -------------------------------------------------------

def test_slash_heading_with_weekday_takes_the_weekdays_year() -> None:
    mon = parse_heading("## Mon Oct 6")
    assert mon.date == dt.date(2025, 10, 6)
    assert parse_heading("## 10/6 Mon") == mon
    assert parse_heading("## Mon 10/6") == mon
    assert parse_heading("## 10/6 Mon 9am", tz="America/Los_Angeles").at == dt.datetime(
        2025, 10, 6, 16, 0, tzinfo=dt.UTC)
    # near misses: no weekday, no month first reading, a weekday no year has on that date
    assert parse_heading("## 10/6").date is None
    assert parse_heading("## Mon 24/7 support").date is None
    assert parse_heading("## Tue 2/30").date is None


def test_year_less_slash_log_is_dated() -> None:
    text = (
        "---\ntz: America/Los_Angeles\n---\n# t\n\n"
        "## 10/6 Mon\n- 7:45am MOB-1 crash\n\n## Tue 10/7\n- 9a MOB-1 fixed\n"
    )
    logs = parse_log(text, source="h.md")
    assert [f"{t:%Y-%m-%d %H:%M}" for t in logs.events["at"]] == ["2025-10-06 14:45", "2025-10-07 16:00"]
    assert logs.problems.empty


# --- F24: not done by EOD, written after the fact -----------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "deadlines"),
    [
        ("18:30 SUP-445 not done by EOD, pushed to tmrw 12:00",
         [("10-08 00:00", "day", "by", True), ("10-09 06:30", "minute", "by", False)]),
        ("18:30 SUP-445 not done by EOD", [("10-08 00:00", "day", "by", True)]),
        ("18:30 SUP-445 didn't make it by EOD", [("10-08 00:00", "day", "by", True)]),
        ("18:30 SUP-445 not fixed by 17:00, new ETA tmrw 10:00",
         [("10-08 11:30", "minute", "by", True), ("10-09 04:30", "minute", "ETA", False)]),
        ("18:30 SUP-445 missed EOD, pushed to tomorrow 12:00",
         [("10-08 00:00", "day", "missed", True), ("10-09 06:30", "minute", "due", False)]),
        # near misses: a forecast, a condition, a promise
        ("10:00 SUP-445 will not be done by EOD", [("10-08 00:00", "day", "by", False)]),
        ("10:00 SUP-445 won't be fixed by 17:00", [("10-08 11:30", "minute", "by", False)]),
        ("10:00 SUP-445 may not be done by EOD", [("10-08 00:00", "day", "by", False)]),
        ("10:00 if SUP-445 not done by EOD, page mgr", [("10-08 00:00", "day", "by", False)]),
        ("10:00 SUP-445 done by EOD", [("10-08 00:00", "day", "by", False)]),
    ],
)
def test_not_done_by_is_a_stated_miss(item: str, deadlines: list) -> None:
    assert _one(item, "Asia/Kolkata", "2025-10-08")[2] == deadlines


# --- F25: target date, due date -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "deadlines"),
    [
        ("SUP-442 target date 10/10 as per customer", [("10-10 00:00", "day", "target", False)]),
        ("SUP-442 target date: 10/10", [("10-10 00:00", "day", "target", False)]),
        ("SUP-442 due date: 10/10", [("10-10 00:00", "day", "due", False)]),
        ("SUP-442 due date 10/14", [("10-14 00:00", "day", "due", False)]),
        ("SUP-442 target 10/10", [("10-10 00:00", "day", "target", False)]),
        # near misses: 'date' alone is no deadline word
        ("SUP-442 date 10/10 as per customer", []),
        ("SUP-442 update date 10/10", []),
    ],
)
def test_target_date_and_due_date(item: str, deadlines: list) -> None:
    assert _one(item, NY, "2025-10-07")[2] == deadlines
