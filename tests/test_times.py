"""Exact-value tests for occ_lib.times: every written form the status logs use, and the traps."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from occ_lib.logs import parse_log
from occ_lib.times import (
    Heading,
    TimeMention,
    declared_zone,
    find_times,
    find_times_many,
    outline_date,
    parse_heading,
    parse_stamp,
    slash_order,
    slash_order_of,
    zone_named,
)

UTC = dt.UTC
D = dt.date(2025, 10, 10)
SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "feedback" / "integrations.md"


def u(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def one(text: str, day: dt.date | None = D, **kw: object) -> TimeMention:
    found = find_times(text, day=day, **kw)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


Described = list[tuple[str, dt.datetime | None, str, str | None]]


def described(text: str, day: dt.date | None = D, **kw: object) -> Described:
    """Each mention as (raw, at, precision, keyword)."""
    return [(m.raw, m.at, m.precision, m.keyword) for m in find_times(text, day=day, **kw)]  # type: ignore[arg-type]


def ats(text: str, day: dt.date | None = D, **kw: object) -> list[dt.datetime | None]:
    return [m.at for m in find_times(text, day=day, **kw)]  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------ forms


@pytest.mark.parametrize(
    ("text", "raw", "at", "zone"),
    [
        ("captured at 07:18 UTC and stored", "07:18 UTC", u(2025, 10, 10, 7, 18), "UTC"),
        ("captured 07:18Z.", "07:18Z", u(2025, 10, 10, 7, 18), "UTC"),
        ("[07:18Z] pinged", "07:18Z", u(2025, 10, 10, 7, 18), "UTC"),
        ("at **21:45 UTC** we", "21:45 UTC", u(2025, 10, 10, 21, 45), "UTC"),
        ("sync 17:00 GMT", "17:00 GMT", u(2025, 10, 10, 17, 0), "UTC"),
        ("call at 7:09 AM Eastern today-ish", "7:09 AM Eastern", u(2025, 10, 10, 11, 9), "America/New_York"),
        ("standup 8:15 AM PT", "8:15 AM PT", u(2025, 10, 10, 15, 15), "America/Los_Angeles"),
        ("meet 03:30PM UTC", "03:30PM UTC", u(2025, 10, 10, 15, 30), "UTC"),
        ("rdv 21h30 UTC", "21h30 UTC", u(2025, 10, 10, 21, 30), "UTC"),
        ("lunch 12:00 noon", "12:00 noon", u(2025, 10, 10, 12, 0), None),
        ("done 7 AM ET", "7 AM ET", u(2025, 10, 10, 11, 0), "America/New_York"),
        ("done 9am", "9am", u(2025, 10, 10, 9, 0), None),
        ("done 9 p.m. UTC", "9 p.m. UTC", u(2025, 10, 10, 21, 0), "UTC"),
        ("done 12:15 AM UTC", "12:15 AM UTC", u(2025, 10, 10, 0, 15), "UTC"),
        ("at 09:00 (UTC)", "09:00 (UTC)", u(2025, 10, 10, 9, 0), "UTC"),
        ("at 09:00 UTC+2", "09:00 UTC+2", u(2025, 10, 10, 7, 0), "+02:00"),
        ("at 09:00 Europe/Berlin", "09:00 Europe/Berlin", u(2025, 10, 10, 7, 0), "Europe/Berlin"),
        ("at 09:00+05:30", "09:00+05:30", u(2025, 10, 10, 3, 30), "+05:30"),
        ("at 10:00 IST", "10:00 IST", u(2025, 10, 10, 4, 30), "Asia/Kolkata"),
        ("at 10:00 JST", "10:00 JST", u(2025, 10, 10, 1, 0), "Asia/Tokyo"),
        ("at 10:00 AEST", "10:00 AEST", u(2025, 10, 9, 23, 0), "Australia/Sydney"),  # AEDT, UTC+11
        ("at 10:00 CEST", "10:00 CEST", u(2025, 10, 10, 8, 0), "Europe/Paris"),
        ("at 10:00 BST", "10:00 BST", u(2025, 10, 10, 9, 0), "Europe/London"),
        ("at 10:00 CT", "10:00 CT", u(2025, 10, 10, 15, 0), "America/Chicago"),
        ("at 10:00 MT", "10:00 MT", u(2025, 10, 10, 16, 0), "America/Denver"),
    ],
)
def test_time_forms(text: str, raw: str, at: dt.datetime, zone: str | None) -> None:
    m = one(text)
    assert (m.raw, m.at, m.zone, m.precision, m.has_date, m.until, m.problem) == (
        raw,
        at,
        zone,
        "minute",
        False,
        None,
        None,
    )
    assert text[m.start : m.end] == raw
    assert m.at is not None and m.at.tzinfo is UTC


def test_seconds_precision() -> None:
    m = one("hash captured 07:18:58 UTC")
    assert (m.raw, m.at, m.precision) == ("07:18:58 UTC", u(2025, 10, 10, 7, 18, 58), "second")


def test_dst_by_date() -> None:
    assert one("19:20 ET: scheduled", day=dt.date(2025, 10, 9)).at == u(2025, 10, 9, 23, 20)
    # the UTC date moves
    assert one("sent 20:07 EDT", day=dt.date(2025, 7, 26)).at == u(2025, 7, 27, 0, 7)
    # PST in January is UTC-8, PT in July UTC-7; EST written in July still follows New York's DST
    assert one("at 10:00 PST", day=dt.date(2025, 1, 15)).at == u(2025, 1, 15, 18, 0)
    assert one("at 10:00 PT", day=dt.date(2025, 7, 15)).at == u(2025, 7, 15, 17, 0)
    assert one("at 10:00 EST", day=dt.date(2025, 7, 15)).at == u(2025, 7, 15, 14, 0)
    assert one("at 10:00 CET", day=dt.date(2025, 1, 15)).at == u(2025, 1, 15, 9, 0)


def test_a_seasonal_abbreviation_says_which_of_a_repeated_or_skipped_wall_time() -> None:
    back, ahead = dt.date(2025, 11, 2), dt.date(2025, 3, 9)  # New York's clocks go back, then ahead
    assert one("paged 01:30 EDT", day=back).at == u(2025, 11, 2, 5, 30)  # the first 01:30
    assert one("paged 01:30 EST", day=back).at == u(2025, 11, 2, 6, 30)  # the second, an hour later
    assert one("paged 01:30 ET", day=back).at == u(2025, 11, 2, 5, 30)  # the zone alone: the first
    assert one("2025-11-02T01:30 EST").at == u(2025, 11, 2, 6, 30)
    assert one("tomorrow 01:30 EST", day=dt.date(2025, 11, 1)).at == u(2025, 11, 2, 6, 30)
    assert one("ran 02:30 EDT", day=ahead).at == u(2025, 3, 9, 6, 30)  # skipped: the offset written
    assert one("ran 02:30 EST", day=ahead).at == u(2025, 3, 9, 7, 30)
    paris = dt.date(2025, 10, 26)
    assert one("at 02:30 CEST", day=paris).at == u(2025, 10, 26, 0, 30)
    assert one("at 02:30 CET", day=paris).at == u(2025, 10, 26, 1, 30)
    assert one("at 01:30 BST", day=paris).at == u(2025, 10, 26, 0, 30)
    assert one("at 01:30 GMT", day=paris).at == u(2025, 10, 26, 1, 30)
    # away from a change the abbreviation still means its zone, as before
    assert one("at 10:00 EST", day=dt.date(2025, 7, 15)).at == u(2025, 7, 15, 14, 0)


def test_dates_with_times() -> None:
    m = one("2025-10-10 04:41 UTC — forwarded")
    assert (m.raw, m.at, m.has_date, m.precision) == (
        "2025-10-10 04:41 UTC",
        u(2025, 10, 10, 4, 41),
        True,
        "minute",
    )
    m = one("stamp 2025-10-10T04:40:48.296Z here", day=None)
    assert (m.raw, m.at, m.precision, m.zone) == (
        "2025-10-10T04:40:48.296Z",
        u(2025, 10, 10, 4, 40, 48, 296000),
        "second",
        "UTC",
    )
    m = one("start 2025-10-10T09:00+02:00", day=None)
    assert (m.at, m.zone) == (u(2025, 10, 10, 7, 0), "+02:00")
    m = one("start 2025-10-10T09:00-05:00", day=None)
    assert (m.at, m.zone) == (u(2025, 10, 10, 14, 0), "-05:00")
    m = one("sync Oct 11, 2025 at 14:00 UTC", day=None)
    assert (m.raw, m.at) == ("Oct 11, 2025 at 14:00 UTC", u(2025, 10, 11, 14, 0))
    m = one("sync 09:00 UTC on 2025-10-11")
    assert (m.raw, m.at, m.has_date) == ("09:00 UTC on 2025-10-11", u(2025, 10, 11, 9, 0), True)
    m = one("2025-07-26 20:07 EDT wrap", day=None)
    assert m.at == u(2025, 7, 27, 0, 7)


def test_date_only_mentions() -> None:
    cases = {
        "review 2025-10-11 done": ("2025-10-11", dt.date(2025, 10, 11)),
        "review Oct 11 done": ("Oct 11", dt.date(2025, 10, 11)),
        "review October 11, 2025 done": ("October 11, 2025", dt.date(2025, 10, 11)),
        "review 11 Oct 2025 done": ("11 Oct 2025", dt.date(2025, 10, 11)),
        "review Sept 3rd": ("Sept 3rd", dt.date(2025, 9, 3)),
        "review on Oct 9. Then": ("Oct 9", dt.date(2025, 10, 9)),
        "on Oct 9, 2025: done": ("Oct 9, 2025", dt.date(2025, 10, 9)),
        "_2025-10-11_ done": ("2025-10-11", dt.date(2025, 10, 11)),
    }
    for text, (raw, date) in cases.items():
        m = one(text)
        assert (m.raw, m.at, m.precision, m.has_date, m.zone) == (
            raw,
            dt.datetime(date.year, date.month, date.day, tzinfo=UTC),
            "day",
            True,
            None,
        )
    # the year nearest to the day: a January log mentioning Dec 30 means the previous year
    assert one("since Dec 30", day=dt.date(2026, 1, 2)).at == u(2025, 12, 30)
    # a date-only mention is UTC midnight even when the document zone is not UTC
    assert one("review 2025-10-11", tz="America/New_York").at == u(2025, 10, 11)


@pytest.mark.parametrize(
    "text",
    [
        "bumped to v2.10.1",
        "see docs/directions/integrations.md:24-27",
        "All times in PDT (UTC-7)",
        "close DEPLOY-147 and OCC-INF-221",
        "returns HTTP 200",
        "lines 25-27 and 2025",
        "piece T04-40 cut",
        "CVE-2021-44228 and PYSEC-2025-12",
        "3 teams, 12 items, 1.5 h",
        "may 5 people",
        "ratio 16:9 and 3:4",
    ],
)
def test_not_times(text: str) -> None:
    assert find_times(text, day=D) == []


def test_backticks_urls_and_file_stamps_are_skipped() -> None:
    text = (
        "evidence (`artifacts/x/curl_2025-10-10T02-50-44Z.log`) and "
        "https://hotdash.fly.dev/2025-10-10/12:00?at=09:00 plus curl_2025-10-10T06-34-12Z_mock0.log "
        "and cli-secret-20251010T071858Z.log at 07:18 UTC"
    )
    found = find_times(text, day=D)
    assert [(m.raw, m.at) for m in found] == [("07:18 UTC", u(2025, 10, 10, 7, 18))]
    with_stamps = find_times(text, day=D, stamps=True)
    assert [(m.raw, m.at, m.is_stamp) for m in with_stamps] == [
        ("2025-10-10T02-50-44Z", u(2025, 10, 10, 2, 50, 44), True),
        ("2025-10-10T06-34-12Z", u(2025, 10, 10, 6, 34, 12), True),
        ("20251010T071858Z", u(2025, 10, 10, 7, 18, 58), True),
        ("07:18 UTC", u(2025, 10, 10, 7, 18), False),
    ]


def test_markdown_emphasis_and_glued_tokens() -> None:
    found = find_times("__09:00 UTC__ and _2025-10-11_ and *Oct 12* but curl_2025-10-10 and x_09:30", day=D)
    assert [(m.raw, m.at) for m in found] == [
        ("09:00 UTC", u(2025, 10, 10, 9)),
        ("2025-10-11", u(2025, 10, 11)),
        ("Oct 12", u(2025, 10, 12)),
    ]


def test_ranges() -> None:
    m = one("window 09:00–09:30 UTC")
    assert (m.raw, m.at, m.until, m.zone) == (
        "09:00–09:30 UTC",
        u(2025, 10, 10, 9),
        u(2025, 10, 10, 9, 30),
        "UTC",
    )
    m = one("maintenance 21:45 to 23:28 UTC")
    assert (m.at, m.until) == (u(2025, 10, 10, 21, 45), u(2025, 10, 10, 23, 28))
    m = one("maintenance 09:00-09:30")
    assert (m.at, m.until) == (u(2025, 10, 10, 9), u(2025, 10, 10, 9, 30))
    m = one("maintenance 09:00 - 09:30 ET")
    assert (m.at, m.until) == (u(2025, 10, 10, 13), u(2025, 10, 10, 13, 30))
    m = one("overnight 23:30–01:15 UTC")
    assert (m.at, m.until) == (u(2025, 10, 10, 23, 30), u(2025, 10, 11, 1, 15))
    m = one("cutover 2025-10-11 09:00–09:30 UTC", day=None)
    assert (m.at, m.until, m.has_date) == (u(2025, 10, 11, 9), u(2025, 10, 11, 9, 30), True)


def test_relative_days() -> None:
    assert [(m.raw, m.at, m.precision) for m in find_times("sync tomorrow at 09:00 UTC", day=D)] == [
        ("09:00 UTC", u(2025, 10, 11, 9), "minute"),
    ]
    m = one("ping infra tomorrow morning at 09:00 ET")
    assert (m.raw, m.at, m.has_date) == ("09:00 ET", u(2025, 10, 11, 13), True)
    m = one("pinged at 17:00 UTC yesterday")
    assert (m.at, m.has_date) == (u(2025, 10, 9, 17), True)
    assert one("deploy tonight at 22:00 UTC").at == u(2025, 10, 10, 22)
    assert one("today 08:00 UTC").at == u(2025, 10, 10, 8)
    # a relative word far from the time does not move it, and becomes a date-only mention
    found = find_times(
        "19:20 ET: scheduled a fresh OCC-INF-221 follow-up for tomorrow morning; infra next",
        day=dt.date(2025, 10, 9),
    )
    assert [(m.raw, m.at, m.precision) for m in found] == [
        ("19:20 ET", u(2025, 10, 9, 23, 20), "minute"),
        ("tomorrow", u(2025, 10, 10), "day"),
    ]
    # a clause break stops it
    assert ats("done at 09:00 UTC; tomorrow we rest") == [u(2025, 10, 10, 9), u(2025, 10, 11)]
    m = one("ping tomorrow", day=None)
    assert (m.at, m.problem) == (None, "relative day without a date")


def test_which_date_a_time_takes() -> None:
    # the caller's day
    assert one("at 09:00 UTC", day=dt.date(2025, 10, 8)).at == u(2025, 10, 8, 9)
    # the item's own opening date wins over the section's
    assert ats("2025-10-11: pinged at 09:00 UTC", day=D) == [u(2025, 10, 11), u(2025, 10, 11, 9)]
    assert ats("**Mon, 2025-10-06** — sync at 09:00", day=D) == [u(2025, 10, 6), u(2025, 10, 6, 9)]
    assert ats("- [x] 2025-10-07 closed at 09:00", day=D) == [u(2025, 10, 7), u(2025, 10, 7, 9)]
    assert ats("Oct 9: pinged at 14:00 ET", day=D) == [u(2025, 10, 9), u(2025, 10, 9, 18)]
    # (a table's Date and Time cells are one mention)
    assert ats("2025-10-09 | 14:00 UTC | ping", day=D) == [u(2025, 10, 9, 14)]
    # a date later in the text or a deadline date does not
    assert ats("pinged at 09:00 UTC about the 2025-10-01 report", day=D) == [
        u(2025, 10, 10, 9),
        u(2025, 10, 1),
    ]
    assert ats("due 2025-10-12; pinged at 09:00 UTC", day=D) == [u(2025, 10, 12), u(2025, 10, 10, 9)]
    # no date at all
    m = one("at 09:00 UTC", day=None)
    assert (m.at, m.problem, m.has_date) == (None, "time without a date", False)
    # the document zone applies to zone-less times only
    assert ats("at 09:00, then at 09:00 UTC", tz="America/Los_Angeles") == [
        u(2025, 10, 10, 16),
        u(2025, 10, 10, 9),
    ]
    assert ats("at 09:00", tz=ZoneInfo("Europe/Berlin")) == [u(2025, 10, 10, 7)]
    assert one("at 09:00", tz="PDT").zone is None
    with pytest.raises(ValueError, match="unknown time zone 'Mars/Base'"):
        find_times("at 09:00", day=D, tz="Mars/Base")


# ------------------------------------------------------------------------------------------ deadlines


def kws(text: str, day: dt.date | None = D) -> list[tuple[str, bool, str | None]]:
    return [(m.raw, m.is_deadline, m.keyword) for m in find_times(text, day=day)]


def test_deadlines_from_the_sample() -> None:
    assert kws(
        "Infra missed the 17:00 UTC ETA for OCC-INF-221 credential delivery; "
        "manager re-escalated at 17:20 UTC requesting immediate status or fallback."
    ) == [("17:00 UTC", True, "ETA"), ("17:20 UTC", False, None)]
    assert kws("Drafted OCC-INF-221 escalation ping for the 2025-10-11 09:00 UTC window (`a/b.md`)") == [
        ("2025-10-11 09:00 UTC", True, "window"),
    ]
    assert kws("requesting Shopify staging bundle delivery or ETA before 09:00 UTC to keep readiness") == [
        ("09:00 UTC", True, "before"),
    ]
    assert kws("publish rotation cadence (due 2025-10-10); no immediate blockers") == [
        ("2025-10-10", True, "due")
    ]
    assert kws("Scheduled compliance DPIA review (2025-10-09 16:00 UTC) and sync (2025-10-09 17:00 UTC)") == [
        ("2025-10-09 16:00 UTC", False, None),
        ("2025-10-09 17:00 UTC", False, None),
    ]
    assert kws("Manager coordinating with infrastructure at 18:30 UTC to unblock") == [
        ("18:30 UTC", False, None)
    ]
    assert kws("will escalate to manager if no response before 09:00 UTC checkpoint.") == [
        ("09:00 UTC", True, "checkpoint"),
    ]
    assert kws("prep CIO escalation note if no ETA arrives by 2025-10-11 09:00 UTC.") == [
        ("2025-10-11 09:00 UTC", True, "by"),
    ]
    assert kws("ping infra in #infra-requests at 18:05 UTC if ticket remains silent") == [
        ("18:05 UTC", False, None)
    ]


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("ETA 17:00 UTC", "ETA"),
        ("ETA: 17:00 UTC", "ETA"),
        ("deliver by 2025-10-11 09:00 UTC", "by"),
        ("before 09:00 UTC", "before"),
        ("Due 2025-10-10", "due"),
        ("deadline: 18:00", "deadline"),
        ("target 12:00 UTC", "target"),
        ("targeting 12:00 UTC", "target"),
        ("no later than 09:00 UTC", "no later than"),
        ("NLT 09:00 UTC", "no later than"),
        ("blocked until 19:15 UTC", "until"),
        ("checkpoint at 09:00", "checkpoint"),
        ("window 09:00–09:30", "window"),
        ("cut-off 18:00 UTC", "cutoff"),
        ("the 09:00 UTC deadline", "deadline"),
        ("the 09:00 UTC review window", "window"),
        ("ETA is 17:00 UTC", "ETA"),
        ("due tomorrow", "due"),
        # a relative day (or EOD) between the keyword and its time
        ("ETA tomorrow 09:00 UTC", "ETA"),
        ("ETA: tomorrow, 09:00 UTC", "ETA"),
        ("deliver by tomorrow at 10:00 UTC", "by"),
        ("deadline is tomorrow 5pm", "deadline"),
        ("due by EOD today 18:00 UTC", "by"),
        ("ETA ~17:00 UTC", "ETA"),
        ("ETA around 17:00 UTC", "ETA"),
    ],
)
def test_deadline_keywords(text: str, keyword: str) -> None:
    m = one(text)
    assert (m.is_deadline, m.keyword) == (True, keyword)


@pytest.mark.parametrize(
    "text",
    [
        "at 18:30 UTC",
        "re-escalated at 17:20 UTC",
        "ping at 18:05 UTC for GA MCP ETA",
        "Baby 09:00",
        "the pending 09:00 UTC escalation message",
        "after 19:15 UTC",
        "Closed today 10:00 UTC",
        "sent before, 09:00 UTC was fine",  # a comma only follows a relative day
        "about 17:00 UTC we paged infra",
    ],
)
def test_not_deadlines(text: str) -> None:
    m = one(text)
    assert (m.is_deadline, m.keyword) == (False, None)


# ------------------------------------------------------------------------------------------ problems


def test_unresolvable_tokens() -> None:
    found = find_times(
        "- [???] pinged infra; call (Time TBC); ETA TBD; at 25:61; on 2025-13-40; "
        "at 24:30 UTC; Feb 30; 13:00 PM",
        day=D,
    )
    assert [(m.raw, m.at, m.problem) for m in found] == [
        ("[???]", None, "unknown time [???]"),
        ("(Time TBC)", None, "unknown time (Time TBC)"),
        ("TBD", None, "unknown time TBD"),
        ("25:61", None, "impossible time 25:61"),
        ("2025-13-40", None, "impossible date 2025-13-40"),
        ("24:30 UTC", None, "impossible time 24:30"),
        ("Feb 30", None, "impossible date Feb 30"),
        ("13:00 PM", None, "impossible time 13:00 PM"),
    ]
    assert found[2].keyword == "ETA"
    # a zone that is written but unknown is not guessed
    assert [(m.raw, m.at, m.problem) for m in find_times("at 09:00 Europe/Berln; 10:00 UTC+25", day=D)] == [
        ("09:00 Europe/Berln", None, "unknown time zone Europe/Berln"),
        ("10:00 UTC+25", None, "unknown time zone UTC+25"),
    ]
    # 'TBD' alone is not a time; 24:00 is the end of the day
    assert find_times("doc_hash: TBD, owner TBD", day=D) == []
    assert one("until 24:00 UTC").at == u(2025, 10, 11, 0, 0)
    m = one("Oct 11 review", day=None)
    assert (m.at, m.problem) == (None, "date without a year Oct 11")


# ------------------------------------------------------------------------------------------ the sample


def test_sample_lines() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    lines = text.splitlines()
    line = next(x for x in lines if x.startswith("- 19:20 ET"))
    assert [(m.raw, m.at) for m in find_times(line, day=dt.date(2025, 10, 9))] == [
        ("19:20 ET", u(2025, 10, 9, 23, 20)),
        ("tomorrow", u(2025, 10, 10)),
    ]
    line = next(x for x in lines if x.startswith("- 2025-10-10 04:41 UTC"))
    assert [(m.raw, m.at, m.keyword) for m in find_times(line, day=D)] == [
        ("2025-10-10 04:41 UTC", u(2025, 10, 10, 4, 41), None),
        ("09:00 UTC", u(2025, 10, 10, 9), "checkpoint"),
    ]
    # the whole sample reads without a single problem, and never yields a time from a path or ticket
    every = [(n, m) for n, x in enumerate(lines, 1) for m in find_times(x, day=D)]
    assert [m for _, m in every if m.problem] == []
    assert len(every) == 67
    assert sum(m.precision == "day" for _, m in every) == 26
    assert [(n, m.raw, m.keyword) for n, m in every if m.is_deadline] == [
        (7, "2025-10-10", "expires"),  # (the front matter's 'expires: 2025-10-10', read here as a line)
        (13, "2025-10-11 09:00 UTC", "window"),
        (32, "09:00 UTC", "before"),
        (47, "2025-10-11 09:00 UTC", "by"),
        (56, "17:00 UTC", "ETA"),
        (64, "09:00 UTC", "checkpoint"),
        (66, "2025-10-10", "checkpoint"),  # the heading '2025-10-10 Evening Checkpoint (22:30 UTC)'
        (66, "22:30 UTC", "checkpoint"),
        (82, "2025-10-10", "due"),
    ]


# ------------------------------------------------------------------------------------------ headings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2025-10-10 Readiness Refresh (22:55 UTC)",
            Heading(
                "Readiness Refresh", dt.date(2025, 10, 10), u(2025, 10, 10, 22, 55), None, "minute", "UTC"
            ),
        ),
        (
            "Shopify Install Push — 2025-10-10 10:16 UTC",
            Heading(
                "Shopify Install Push", dt.date(2025, 10, 10), u(2025, 10, 10, 10, 16), None, "minute", "UTC"
            ),
        ),
        (
            "Direction Refresh Acknowledgment — 2025-10-08",
            Heading("Direction Refresh Acknowledgment", dt.date(2025, 10, 8), None, None, "day", None),
        ),
        (
            "Direction Refresh Acknowledgment â€” 2025-10-08",
            Heading("Direction Refresh Acknowledgment", dt.date(2025, 10, 8), None, None, "day", None),
        ),
        (
            "## 2025-10-08 — Sprint Focus Activation",
            Heading("Sprint Focus Activation", dt.date(2025, 10, 8), None, None, "day", None),
        ),
        ("Key Updates", Heading("Key Updates", None, None, None, None, None)),
        ("Oct 10, 2025", Heading("", dt.date(2025, 10, 10), None, None, "day", None)),
        ("Fri 10 Oct 2025", Heading("", dt.date(2025, 10, 10), None, None, "day", None)),
        ("2025-07-26 Saturday", Heading("", dt.date(2025, 7, 26), None, None, "day", None)),
        ("October 10 2025", Heading("", dt.date(2025, 10, 10), None, None, "day", None)),
        ("Mon, 2025-10-06", Heading("", dt.date(2025, 10, 6), None, None, "day", None)),
        ("Standup — Mon, 2025-10-06", Heading("Standup", dt.date(2025, 10, 6), None, None, "day", None)),
        ("10/10/2025 Sync", Heading("Sync", dt.date(2025, 10, 10), None, None, "day", None)),
        ("25/10/2025 Sync", Heading("Sync", dt.date(2025, 10, 25), None, None, "day", None)),
        ("03/04/2025 Sync", Heading("Sync", None, None, "ambiguous date 03/04/2025", None, None)),
        ("2025-13-40 Broken", Heading("Broken", None, None, "impossible date 2025-13-40", None, None)),
        (
            "2025-10-10 Night (25:61 UTC)",
            Heading("Night", dt.date(2025, 10, 10), None, "impossible time 25:61", "day", None),
        ),
        ("Evening Checkpoint (22:30 UTC)", Heading("Evening Checkpoint", None, None, None, None, None)),
        ("2025-10-09 Today plan", Heading("Today plan", dt.date(2025, 10, 9), None, None, "day", None)),
        (
            "2025-07-26 Late push (20:07 EDT)",
            Heading(
                "Late push", dt.date(2025, 7, 26), u(2025, 7, 27, 0, 7), None, "minute", "America/New_York"
            ),
        ),
        ("Week of Oct 6 – Oct 12, 2025", Heading("Week of", dt.date(2025, 10, 12), None, None, "day", None)),
    ],
)
def test_parse_heading(text: str, expected: Heading) -> None:
    assert parse_heading(text) == expected


def test_parse_heading_time_apart_from_date() -> None:
    h = parse_heading("Readiness (22:55 UTC) — 2025-10-10")
    assert h == Heading("Readiness", dt.date(2025, 10, 10), u(2025, 10, 10, 22, 55), None, "minute", "UTC")
    h = parse_heading("2025-10-10 Standup — tomorrow 09:00 UTC")
    assert (h.title, h.date, h.at) == ("Standup — tomorrow", dt.date(2025, 10, 10), u(2025, 10, 11, 9))


def test_parse_heading_year_near() -> None:
    assert parse_heading("Oct 10 — Standup") == Heading(
        "Standup", None, None, "date without a year Oct 10", None, None
    )
    h = parse_heading("Oct 10 — Standup (09:30 ET)", year_near=dt.date(2025, 10, 1))
    assert h == Heading(
        "Standup", dt.date(2025, 10, 10), u(2025, 10, 10, 13, 30), None, "minute", "America/New_York"
    )
    assert parse_heading("Dec 30 Wrap", year_near=dt.date(2026, 1, 3)).date == dt.date(2025, 12, 30)
    # year_near never dates a heading that has no date
    assert parse_heading("Direction Check (08:00 UTC)", year_near=dt.date(2025, 10, 1)).at is None


def test_parse_heading_zone() -> None:
    h = parse_heading("2025-10-10 Sync (09:00)", tz="Europe/Berlin")
    assert (h.title, h.at, h.zone) == ("Sync", u(2025, 10, 10, 7), None)


def test_sample_headings() -> None:
    heads = [
        x.lstrip("#").strip() for x in SAMPLE.read_text(encoding="utf-8").splitlines() if x.startswith("## ")
    ]
    parsed = [parse_heading(h) for h in heads]
    assert len(parsed) == 24
    assert [p.problem for p in parsed if p.problem] == []
    assert sum(p.date is not None for p in parsed) == 22
    assert [p.at for p in parsed if p.at] == [
        u(2025, 10, 10, 22, 55),
        u(2025, 10, 10, 7, 23),
        u(2025, 10, 10, 7, 35),
        u(2025, 10, 10, 4, 19),
        u(2025, 10, 10, 4, 22),
        u(2025, 10, 10, 6, 26),
        u(2025, 10, 10, 8, 0),
        u(2025, 10, 10, 7, 30),
        u(2025, 10, 10, 22, 30),
        u(2025, 10, 10, 10, 16),
    ]


# ------------------------------------------------------------------------------------------ stamps


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("curl_hotdash-staging_2025-10-10T02-50-44Z.log", u(2025, 10, 10, 2, 50, 44)),
        ("cli-secret-20251010T071858Z.log", u(2025, 10, 10, 7, 18, 58)),
        ("install_broadcast_2025-10-10T073500Z.md", u(2025, 10, 10, 7, 35)),
        ("synthetic-check-2025-10-10T04-40-48.296Z.json", u(2025, 10, 10, 4, 40, 48, 296000)),
        ("store-invite-audit-20251010T0730Z.md", u(2025, 10, 10, 7, 30)),
        ("2025-10-10T04:40:48.296Z", u(2025, 10, 10, 4, 40, 48, 296000)),
        ("2025-10-10T04:40:48.123456789Z", u(2025, 10, 10, 4, 40, 48, 123456)),
        ("2025-10-10T09:00:00+02:00", u(2025, 10, 10, 7, 0)),
        ("2025-10-10T09:00:00-0500", u(2025, 10, 10, 14, 0)),
        ("2025-10-10 04:40:48", u(2025, 10, 10, 4, 40, 48)),
        ("curl_2025-10-10T06-34-12Z_mock0.log", u(2025, 10, 10, 6, 34, 12)),
        ("bad 2025-13-10T00:00Z then 2025-10-10T01:02Z", u(2025, 10, 10, 1, 2)),
        # a zone abbreviation as `date +%Z` prints it, glued on or after a space
        ("curl_api_2025-10-10T07-18-58EDT.log", u(2025, 10, 10, 11, 18, 58)),
        ("curl_api_2025-10-10T07-18-58EST.log", u(2025, 10, 10, 11, 18, 58)),  # (New York's zone)
        ("probe_2025-11-02T01-30-00EST.log", u(2025, 11, 2, 6, 30)),  # the second 01:30 that night
        ("probe_2025-11-02T01-30-00EDT.log", u(2025, 11, 2, 5, 30)),
        ("check_20251010T091858CEST.json", u(2025, 10, 10, 7, 18, 58)),
        ("2025-10-10 07:18:58 PDT", u(2025, 10, 10, 14, 18, 58)),
        ("2025-10-10T07-18-58UTC.log", u(2025, 10, 10, 7, 18, 58)),
        ("2025-10-10 07:18:58 GET /ok", u(2025, 10, 10, 7, 18, 58)),  # (a word after a space: no zone)
        ("curl_2025-10-10T07-18-58_EDT.log", u(2025, 10, 10, 7, 18, 58)),  # (not the stamp's: '_')
        ("2025-10-10T07-18-58XYZT then 2025-10-11T01-00-00Z", u(2025, 10, 11, 1)),
    ],
)
def test_parse_stamp(text: str, at: dt.datetime) -> None:
    got = parse_stamp(text)
    assert got == at
    assert got is not None and got.tzinfo is UTC


@pytest.mark.parametrize(
    "text", ["", "no stamp", "2025-10-10", "report_2025-10-10.md", "DEPLOY-147", "20251010",
             "curl_2025-10-10T07-18-58XYZT.log"]  # (a zone it does not know: no time rather than a wrong one)
)
def test_parse_stamp_none(text: str) -> None:
    assert parse_stamp(text) is None


# ------------------------------------------------------------------------------------------ zones


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("UTC", "UTC"),
        ("Z", "UTC"),
        ("GMT", "UTC"),
        ("utc", "UTC"),
        ("ET", "America/New_York"),
        ("EST", "America/New_York"),
        ("EDT", "America/New_York"),
        ("Eastern", "America/New_York"),
        ("PT", "America/Los_Angeles"),
        ("PST", "America/Los_Angeles"),
        ("PDT", "America/Los_Angeles"),
        ("Pacific", "America/Los_Angeles"),
        ("CT", "America/Chicago"),
        ("CST", "America/Chicago"),
        ("CDT", "America/Chicago"),
        ("Central", "America/Chicago"),
        ("MT", "America/Denver"),
        ("MST", "America/Denver"),
        ("MDT", "America/Denver"),
        ("Mountain", "America/Denver"),
        ("CET", "Europe/Paris"),
        ("CEST", "Europe/Paris"),
        ("BST", "Europe/London"),
        ("IST", "Asia/Kolkata"),
        ("JST", "Asia/Tokyo"),
        ("AEST", "Australia/Sydney"),
        ("AEDT", "Australia/Sydney"),
        ("ACDT", "Australia/Adelaide"),
        ("AWST", "Australia/Perth"),
        ("NZDT", "Pacific/Auckland"),
        ("NZST", "Pacific/Auckland"),
        ("HKT", "Asia/Hong_Kong"),
        ("ICT", "Asia/Bangkok"),
        ("WIB", "Asia/Jakarta"),
        ("PHT", "Asia/Manila"),
        ("PKT", "Asia/Karachi"),
        ("MSK", "Europe/Moscow"),
        ("SAST", "Africa/Johannesburg"),
        ("BRT", "America/Sao_Paulo"),
        ("Europe/Berlin", "Europe/Berlin"),
    ],
)
def test_zone_named(name: str, label: str) -> None:
    tz = zone_named(name)
    assert tz is not None
    assert (tz is UTC) if label == "UTC" else (isinstance(tz, ZoneInfo) and tz.key == label)


def test_zone_named_offsets_and_unknown() -> None:
    assert zone_named("UTC+2") == dt.timezone(dt.timedelta(hours=2))
    assert zone_named("UTC-7") == dt.timezone(dt.timedelta(hours=-7))
    assert zone_named("+02:00") == dt.timezone(dt.timedelta(hours=2))
    assert zone_named("GMT+5:30") == dt.timezone(dt.timedelta(hours=5, minutes=30))
    assert zone_named("UTC+0") is UTC
    for bad in ("", "Mars/Base", "XYZ", "UTC+25", "../etc/passwd", "Europe/", "x" * 200):
        assert zone_named(bad) is None


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("All times in PDT (UTC-7).", "America/Los_Angeles"),
        ("Note: times in BST unless noted", "Europe/London"),
        ("Timezone: Europe/Berlin", "Europe/Berlin"),
        ("Time zone: ET", "America/New_York"),
        ("All times are UTC+2.", "+02:00"),
        ("All times UTC.", "UTC"),
        ("tz: America/Chicago", "America/Chicago"),
        ("  TZ = UTC+2", "+02:00"),
        ("The tz America/Chicago is odd", None),
        ("Sometimes in PT, overtime in ET", None),
        ("It is time in the project to ship", None),
        ("times in pt are odd", None),
        ("Times: UTC", "UTC"),
        ("All timestamps in UTC", "UTC"),
        ("Times below are Eastern", "America/New_York"),
        ("All times CET/CEST.", "Europe/Paris"),
        ("Times below are local (Pacific).", "America/Los_Angeles"),
        ("All times in NZDT.", "Pacific/Auckland"),
        ("Times are local: ET", "America/New_York"),
        ("times in local time", None),
        ("Time: 09:00", None),
        ("Times: see below", None),
        ("Time to fix: 2h", None),
        ("", None),
    ],
)
def test_declared_zone(text: str, zone: str | None) -> None:
    assert declared_zone(text) == zone
    if zone is not None:
        assert zone_named(zone) is not None


# ------------------------------------------------------------------------------------------ properties


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200), st.sampled_from([None, D]))
def test_never_raises_on_arbitrary_text(text: str, day: dt.date | None) -> None:
    for m in find_times(text, day=day):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.raw
        assert (m.at is None) == (m.problem is not None)
        assert m.at is None or m.at.tzinfo is UTC
    for m in find_times(text, day=day, tz="America/New_York", stamps=True):
        assert m.at is None or m.at.tzinfo is UTC
    h = parse_heading(text)
    assert isinstance(h.title, str)
    parse_stamp(text)
    declared_zone(text)


_TOKENS = st.sampled_from(
    [
        "09:00",
        "UTC",
        "ET",
        " ",
        "-",
        "–",
        "to",
        "2025-10-10",
        "T",
        "Z",
        "Oct",
        "11",
        ",",
        "2025",
        "AM",
        "pm",
        "tomorrow",
        "ETA",
        "by",
        "`",
        "https://",
        "/",
        ":",
        "?",
        "[",
        "]",
        "(",
        ")",
        "TBD",
        "24:00",
        "99",
        "+02:00",
        "h30",
        "noon",
        "window",
        "Europe/Berlin",
        ".",
        "0",
        "Fri",
        "0930",
        "Friday",
        "monday",
        "today",
        "12",
        " between ",
        " and ",
        " from ",
        " until ",
        " through ",
        ", ",
        " or ",
        "midnight",
        "/",
        "10/13",
        "13/10/2025",
        " ET",
        "UTC+2",
        "EOD",
        " COB",
        " scheduled ",
        " slipped to ",
        # the forms of 2026-11-30: angle brackets, arrows, short meridiems, labels, weeks, expiries
        "<",
        ">",
        " → ",
        " -> ",
        "Yesterday: ",
        "5p",
        "11a",
        "4:15p",
        " next week",
        " this week",
        "expires ",
        " moved from ",
        " | ",
        "(Wed)",
        "10/09/2025",
        " at ",
        # and of the evening: seasonal zones, missed and now, a status page's stamp
        " EST",
        " EDT",
        " CEST",
        "missed ",
        " now ",
        " - ",
        "Posted Oct 09, 2025 - 14:51 EDT",
        "3/11/2025",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TOKENS, max_size=25), st.sampled_from([None, D, dt.date(2025, 3, 9)]))
def test_never_raises_on_time_like_soup(tokens: list[str], day: dt.date | None) -> None:
    text = "".join(tokens)
    found = find_times(text, day=day, tz="PT")
    starts = [m.start for m in found]
    assert starts == sorted(starts)
    for m in found:
        assert text[m.start : m.end] == m.raw
        assert (m.at is None) == (m.problem is not None)
        assert m.until is None or m.at is None or m.until >= m.at
    parse_heading(text, tz="PT")
    parse_stamp(text)


@pytest.mark.parametrize(
    ("text", "at", "keyword"),
    [
        # base date Friday 2025-10-10: a deadline looks forward, anything else back
        ("ETA Monday 09:00 UTC", u(2025, 10, 13, 9, 0), "ETA"),
        ("due by Monday, 17:00 UTC", u(2025, 10, 13, 17, 0), "by"),
        ("Monday 09:00 UTC deploy went fine", u(2025, 10, 6, 9, 0), None),
        ("Wednesday at 14:00 UTC we paged infra", u(2025, 10, 8, 14, 0), None),
        ("ETA Friday 18:00 UTC", u(2025, 10, 10, 18, 0), "ETA"),  # the same day, either way
        ("Friday 08:00 UTC standup", u(2025, 10, 10, 8, 0), None),
        ("ETA tomorrow 09:00 UTC", u(2025, 10, 11, 9, 0), "ETA"),
    ],
)
def test_a_weekday_next_to_a_time_moves_it(text: str, at: dt.datetime, keyword: str | None) -> None:
    m = one(text)
    assert (m.at, m.keyword) == (at, keyword)
    assert find_times_many([text], [D])[0] == [m]


@pytest.mark.parametrize(
    ("text", "at", "keyword"),
    [
        ("0900Z standup", u(2025, 10, 10, 9, 0), None),
        ("ETA 1730 UTC", u(2025, 10, 10, 17, 30), "ETA"),
        ("paged at 2359 GMT", u(2025, 10, 10, 23, 59), None),
        ("ETA tomorrow 0900Z", u(2025, 10, 11, 9, 0), "ETA"),
    ],
)
def test_military_times_with_their_zone(text: str, at: dt.datetime, keyword: str | None) -> None:
    m = one(text)
    assert (m.at, m.keyword, m.zone, m.precision) == (at, keyword, "UTC", "minute")
    assert find_times_many([text], [D], "PT")[0] == find_times(text, day=D, tz="PT")


def test_military_times_with_an_offset() -> None:
    assert spans("cutover 0900 UTC+2") == [("0900 UTC+2", u(2025, 10, 10, 7), None, "+02:00", None)]
    assert spans("ETA 0900 GMT+5:30") == [("0900 GMT+5:30", u(2025, 10, 10, 3, 30), None, "+05:30", "ETA")]
    m = one("0900 UTC+25")
    assert (m.at, m.problem) == (None, "unknown time zone UTC+25")


@pytest.mark.parametrize("text", ["0900 sharp", "2400Z", "build 1234Zeta", "curl_0900Z.log", "0960Z"])
def test_four_digits_without_a_zone_or_out_of_range_are_no_time(text: str) -> None:
    assert find_times(text, day=D) == []


def test_a_weekday_without_a_time_is_no_mention() -> None:
    assert find_times("Friday's deploy went fine; no news since monday", day=D) == []


# ------------------------------------------------------------------------------- many texts at once


def test_find_times_many_reads_each_text_on_its_own() -> None:
    texts = [
        "07:18 UTC: captured",  # a time at the very start of a text
        "ETA 17:00 ET",  # a deadline; the text before it must not leak in
        "due",  # a keyword that ends a text: the next text's time is not its deadline
        "09:00 UTC sync",
        "2025-10-11:",  # the item's own date, at the end of the text
        "10:00 UTC",
        "see https://h/x?t=08:00 at 11:30Z",  # a URL
        "today at 12:00 UTC",  # a relative day (the general path)
        "",
    ]
    got = find_times_many(texts, [D] * len(texts))
    assert [[(m.raw, m.at, m.keyword, m.start) for m in ms] for ms in got] == [
        [("07:18 UTC", u(2025, 10, 10, 7, 18), None, 0)],
        [("17:00 ET", u(2025, 10, 10, 21, 0), "ETA", 4)],
        [],
        [("09:00 UTC", u(2025, 10, 10, 9, 0), None, 0)],
        [("2025-10-11", u(2025, 10, 11), None, 0)],
        [("10:00 UTC", u(2025, 10, 10, 10, 0), None, 0)],
        [("11:30Z", u(2025, 10, 10, 11, 30), None, 27)],
        [("12:00 UTC", u(2025, 10, 10, 12, 0), None, 9)],
        [],
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(_TOKENS, max_size=12).map("".join), max_size=8),
    st.sampled_from([None, D, dt.date(2025, 3, 9)]),
)
@example(["", "10/13 COBPosted Oct 09, 2025 - 14:51 EDT"], None)  # (its own full date gives 10/13 its year)
def test_find_times_many_equals_find_times_on_each(texts: list[str], day: dt.date | None) -> None:
    texts = [t.replace("\n", " ") for t in texts]
    days = [day if k % 2 else D for k in range(len(texts))]
    # (a text with no day reads a date that needs a year, or reads both ways, against the full date it
    # writes itself, else the last date an earlier text wrote, as find_times_many documents; the
    # tokens' full dates are all in October 2025, so which of its own is nearest does not matter)
    expected, seen = [], None
    for t, d in zip(texts, days, strict=True):
        own = None if d is not None else next(
            (m.at.date() for m in find_times(t, day=None, tz="PT") if m.has_date and m.at is not None), None)
        expected.append(find_times(t, day=d, tz="PT", year_near=d or own or seen))
        seen = next((m.at.date() for m in reversed(expected[-1])
                     if m.has_date and m.at is not None and not m.is_deadline), seen)
    assert find_times_many(texts, days, "PT") == expected


# --------------------------------------------------------------------------- lists, 'between', noon


Span = tuple[str, dt.datetime | None, dt.datetime | None, str | None, str | None]


def spans(text: str, **kw) -> list[Span]:
    kw.setdefault("day", D)
    return [(m.raw, m.at, m.until, m.zone, m.keyword) for m in find_times(text, **kw)]


def test_times_of_one_list_share_the_zone_written_last() -> None:
    ny = "America/New_York"
    assert spans("checks at 09:00, 12:00 and 15:00 ET") == [
        ("09:00", u(2025, 10, 10, 13), None, ny, None),
        ("12:00", u(2025, 10, 10, 16), None, ny, None),
        ("15:00 ET", u(2025, 10, 10, 19), None, ny, None),
    ]
    # the written zone wins over the document's; fixed offsets and '/' lists too
    assert spans("at 09:00 or 10:00 UTC+2", tz="America/Los_Angeles") == [
        ("09:00", u(2025, 10, 10, 7), None, "+02:00", None),
        ("10:00 UTC+2", u(2025, 10, 10, 8), None, "+02:00", None),
    ]
    assert [m[1] for m in spans("retries 9am / 1pm PT")] == [u(2025, 10, 10, 16), u(2025, 10, 10, 20)]
    # a zone on the first time stays its own; anything but a list separator breaks the list
    assert [m[1] for m in spans("09:00 ET and 10:00 UTC")] == [u(2025, 10, 10, 13), u(2025, 10, 10, 10)]
    assert [m[1] for m in spans("at 09:00, then at 10:00 ET")] == [u(2025, 10, 10, 9), u(2025, 10, 10, 14)]
    assert [m[1] for m in spans("at 09:00; 10:00 ET")] == [u(2025, 10, 10, 9), u(2025, 10, 10, 14)]
    # the same in a whole log (find_times_many's fast path)
    logs = parse_log("## 2025-10-09\n- probes at 08:00 and 20:00 CET on DEPLOY-147\n", "l.md")
    assert list(logs.events["times"].iloc[0]) == [u(2025, 10, 9, 6), u(2025, 10, 9, 18)]


def test_between_two_times_is_a_range() -> None:
    ny = "America/New_York"
    assert spans("maintenance between 09:00 and 10:00 ET") == [
        ("09:00 and 10:00 ET", u(2025, 10, 10, 13), u(2025, 10, 10, 14), ny, None),
    ]
    # the end on the next day when it is earlier; no zone written: the document's
    assert spans("Between 23:00 and 01:00", tz="UTC") == [
        ("23:00 and 01:00", u(2025, 10, 10, 23), u(2025, 10, 11, 1), None, None),
    ]
    assert spans("between 9am and 11am PT") == [
        ("9am and 11am PT", u(2025, 10, 10, 16), u(2025, 10, 10, 18), "America/Los_Angeles", None),
    ]
    # without 'between', two times joined by 'and' stay two mentions
    assert len(spans("pinged at 09:00 and 10:00 UTC")) == 2


def test_from_until_and_through_are_ranges() -> None:
    ny, la = "America/New_York", "America/Los_Angeles"
    # 'until' after 'from' ends a range: no deadline
    assert spans("maintenance from 09:00 until 10:00 ET") == [
        ("09:00 until 10:00 ET", u(2025, 10, 10, 13), u(2025, 10, 10, 14), ny, None),
    ]
    assert spans("down from 9am till 11am PT") == [
        ("9am till 11am PT", u(2025, 10, 10, 16), u(2025, 10, 10, 18), la, None),
    ]
    assert spans("outage 09:00 through 10:30 ET") == [
        ("09:00 through 10:30 ET", u(2025, 10, 10, 13), u(2025, 10, 10, 14, 30), ny, None),
    ]
    # a zone on the first end applies to the second, which may fall on the next day
    assert spans("from 22:00 ET until 01:00") == [
        ("22:00 ET until 01:00", u(2025, 10, 11, 2), u(2025, 10, 11, 5), ny, None),
    ]
    # without 'from', 'until' is a deadline keyword as before
    assert spans("at 09:00 until 10:00 ET") == [
        ("09:00", u(2025, 10, 10, 9), None, None, None),
        ("10:00 ET", u(2025, 10, 10, 14), None, ny, "until"),
    ]
    assert spans("rollout blocked until 17:00 ET") == [("17:00 ET", u(2025, 10, 10, 21), None, ny, "until")]
    # (a freeze's end is a window's, round 14 EDGE2)
    assert spans("freeze until 17:00 ET") == [("17:00 ET", u(2025, 10, 10, 21), None, ny, "window")]


def test_noon_and_midnight_are_times() -> None:
    la = "America/Los_Angeles"
    assert spans("deploy at noon ET") == [("noon ET", u(2025, 10, 10, 16), None, "America/New_York", None)]
    assert spans("ETA tomorrow at noon PT") == [("noon PT", u(2025, 10, 11, 19), None, la, "ETA")]
    assert spans("sync at midday") == [("midday", u(2025, 10, 10, 12), None, None, None)]
    # midnight ends the day it is written on
    assert spans("rollback by midnight UTC") == [("midnight UTC", u(2025, 10, 11), None, "UTC", "by")]
    assert spans("deadline Friday midnight", day=dt.date(2025, 10, 8)) == [
        ("midnight", u(2025, 10, 11), None, None, "deadline"),
    ]
    # '12 noon' is one time; words that hold 'noon' and code spans are not times
    assert spans("12 noon standup") == [("12 noon", u(2025, 10, 10, 12), None, None, None)]
    assert spans("afternoon check-in, see `noon.sh`, high-noon") == []
    # a deadline in a whole log
    logs = parse_log("## 2025-10-09\n- OCC-INF-221 ETA noon ET, missed\n", "l.md")
    assert logs.deadlines[["due_at", "stated_missed"]].values.tolist() == [[u(2025, 10, 9, 16), True]]


def test_slash_dates_joined_to_a_time() -> None:
    ny = "America/New_York"
    day = dt.date(2025, 10, 9)
    assert spans("call scheduled 10/10 09:00 UTC", day=day) == [
        ("10/10 09:00 UTC", u(2025, 10, 10, 9), None, "UTC", None),
    ]
    assert spans("ETA 10/13 5pm ET", day=day) == [("10/13 5pm ET", u(2025, 10, 13, 21), None, ny, "ETA")]
    # day first when month first is no date; the nearest reading when both are
    assert [m[1] for m in spans("13/10/2025 at 09:00", day=day)] == [u(2025, 10, 13, 9)]
    assert [m[1] for m in spans("12/10 09:00", day=day)] == [u(2025, 10, 12, 9)]
    assert [m[1] for m in spans("10/11 09:00", day=day)] == [u(2025, 10, 11, 9)]
    assert [m[1] for m in spans("10/09/25 14:00 UTC", day=day)] == [u(2025, 10, 9, 14)]
    # far from the section date, or without a time, a fraction is no date
    assert [(m.at, m.has_date) for m in find_times("1/2 09:00 UTC", day=day)] == [(u(2025, 10, 9, 9), False)]
    assert spans("24/7 support, 3/4 done", day=day) == []
    # without a date to compare with, an ambiguous one is a problem, unless a 12-hour clock or a US
    # zone says it is written month first (PagerDuty's '10/09/2025 02:14:07 AM')
    m = find_times("10/11/2025 09:00 CET", day=None)[0]
    assert (m.at, m.problem) == (None, "ambiguous date 10/11/2025")
    assert ats("10/11/2025 09:00", day=None) == [None]
    assert ats("10/09/2025 02:14:07 AM", day=None) == [u(2025, 10, 9, 2, 14, 7)]
    assert ats("10/11/2025 09:00 ET", day=None) == [u(2025, 10, 11, 13)]
    assert ats("10/11/2025 9pm CET", day=None) == [u(2025, 10, 11, 19)]
    m = find_times("30/02/2025 09:00", day=day)[0]
    assert (m.at, m.problem) == (None, "impossible date 30/02/2025")


def test_heading_with_a_year_less_date_and_time() -> None:
    near = dt.date(2025, 10, 10)
    assert parse_heading("## 10/10 09:00 UTC sync", year_near=near) == Heading(
        "sync", dt.date(2025, 10, 10), u(2025, 10, 10, 9), None, "minute", "UTC"
    )
    assert parse_heading("## Oct 11 09:00 ET sync", year_near=near) == Heading(
        "sync", dt.date(2025, 10, 11), u(2025, 10, 11, 13), None, "minute", "America/New_York"
    )
    assert parse_heading("## 10/11/2025 09:00 CEST sync") == Heading(
        "sync", None, None, "ambiguous date 10/11/2025", None, None
    )


def test_a_weekday_looks_ahead_when_the_text_speaks_of_the_future() -> None:
    wed = dt.date(2025, 10, 8)
    assert [m[1] for m in spans("rollback drill scheduled Friday 2pm", day=wed)] == [u(2025, 10, 10, 14)]
    assert [m[1] for m in spans("will retry Monday 09:00", day=wed)] == [u(2025, 10, 13, 9)]
    assert [m[1] for m in spans("next sync Tuesday at noon", day=wed)] == [u(2025, 10, 14, 12)]
    # otherwise the last one, as before
    assert [m[1] for m in spans("Friday 2pm drill went fine", day=wed)] == [u(2025, 10, 3, 14)]


def test_a_moved_deadline_keeps_its_keyword() -> None:
    assert spans("ETA slipped to 19:00 UTC") == [("19:00 UTC", u(2025, 10, 10, 19), None, "UTC", "ETA")]
    assert spans("deadline pushed out to Monday 17:00 UTC") == [
        ("17:00 UTC", u(2025, 10, 13, 17), None, "UTC", "deadline"),
    ]
    # a move without a deadline word is no deadline
    assert spans("deploy moved to 19:00 UTC") == [("19:00 UTC", u(2025, 10, 10, 19), None, "UTC", None)]


def test_end_of_day_is_a_date_only_deadline() -> None:
    wed = dt.date(2025, 10, 8)

    def eod(text: str) -> list[tuple[str, dt.datetime | None, str, str | None]]:
        return [(m.raw, m.at, m.precision, m.keyword) for m in find_times(text, day=wed)]

    assert eod("ETA for full rollout: EOD Friday") == [("EOD Friday", u(2025, 10, 10), "day", "ETA")]
    assert eod("by EOD") == [("EOD", u(2025, 10, 8), "day", "by")]
    assert eod("ETA eod friday") == [("eod friday", u(2025, 10, 10), "day", "ETA")]
    assert eod("due tomorrow COB") == [("tomorrow COB", u(2025, 10, 9), "day", "due")]
    assert eod("ETA end of business today") == [("end of business today", u(2025, 10, 8), "day", "ETA")]
    # a time next to it is the deadline; alone, or as a name, it promises nothing
    assert eod("ETA EOD 17:00 UTC") == [("17:00 UTC", u(2025, 10, 8, 17), "minute", "ETA")]
    assert eod("posted the EOD summary; EOD") == []
    assert eod("see `EOD Friday` flag") == []
    # the same in a whole log, through find_times_many
    logs = parse_log("## 2025-10-08\n- DEPLOY-147 full rollout: EOD Friday\n- EODreport done\n", "l.md")
    assert logs.deadlines[["due_at", "due_precision", "keyword"]].values.tolist() == [
        [u(2025, 10, 10), "day", "EOD"],
    ]


def test_find_times_many_takes_a_zone_per_text() -> None:
    texts = ["at 09:00", "at 09:00", "at 09:00 ET", "tomorrow at 09:00"]
    got = find_times_many(texts, [D] * 4, "UTC", [None, ZoneInfo("Europe/Berlin"), UTC, UTC])
    assert [[m.at for m in ms] for ms in got] == [
        [u(2025, 10, 10, 9)], [u(2025, 10, 10, 7)], [u(2025, 10, 10, 13)], [u(2025, 10, 11, 9)],
    ]
    with pytest.raises(ValueError, match="2 texts but 1 zones"):
        find_times_many(["a", "b"], [D, D], None, [None])


def test_heading_year_less_slash_date_needs_a_date_to_read_it_against() -> None:
    near = dt.date(2025, 10, 6)
    tue = Heading("", dt.date(2025, 10, 7), None, None, "day")
    assert parse_heading("## Tue 10/7", year_near=near) == tue
    assert parse_heading("## 10/7 sync", year_near=near).date == dt.date(2025, 10, 7)
    # far from it, or with nothing to read it against, a slash pair is no date
    sprint = Heading("Sprint 3/4 review", None, None, None)
    assert parse_heading("## Sprint 3/4 review", year_near=near) == sprint
    assert parse_heading("## 10/7 sync") == Heading("10/7 sync", None, None, None)
    # a weekday makes it a date written without its year, in the year nearest today in which it is that
    # weekday, as '## Tue Oct 7' is (round 8, F22); with a weekday no year has on it, the heading's problem
    assert parse_heading("## Tue 10/7") == parse_heading("## Tue Oct 7")
    assert parse_heading("## Tue 10/7").date.weekday() == 1
    assert parse_heading("## Tue 2/30") == Heading("", None, None, "date without a year 2/30")


def test_dotted_dates_are_day_first_and_dotted_times_need_am_pm() -> None:
    tue = dt.date(2025, 10, 7)

    def got(text: str) -> list[tuple[str, dt.datetime | None, str]]:
        return [(m.raw, m.at, m.precision) for m in find_times(text, day=tue)]

    assert got("fix by 09.10.2025 18:00 UTC") == [("09.10.2025 18:00 UTC", u(2025, 10, 9, 18), "minute")]
    assert got("shift of 07.10.2025") == [("07.10.2025", u(2025, 10, 7), "day")]
    assert got("9.30am handoff, 2.15 PM call") == [
        ("9.30am", u(2025, 10, 7, 9, 30), "minute"), ("2.15 PM", u(2025, 10, 7, 14, 15), "minute")
    ]
    # version numbers and plain decimals are no dates or times
    assert got("release 2025.10.08-2, v1.2.3, 9.30 ms, 31.12.20255, 1.13.2025") == []
    h = parse_heading("## 07.10.2025 night shift")
    assert (h.title, h.date) == ("night shift", dt.date(2025, 10, 7))


def test_a_deadline_keyword_may_name_what_it_is_for() -> None:
    wed = dt.date(2025, 10, 8)

    def kw(text: str) -> list[tuple[str, str | None]]:
        return [(m.raw, m.keyword) for m in find_times(text, day=wed)]

    assert kw("ETA for fix Oct. 9") == [("Oct. 9", "ETA")]
    assert kw("ETA for the PAY-409 fix: 17:00 UTC") == [("17:00 UTC", "ETA")]
    assert kw("due for review 17:00") == [("17:00", "due")]
    # more than three words, or a word that is not 'for', breaks the link
    assert kw("ETA for the whole new checkout fix 17:00") == [("17:00", None)]
    assert kw("ordered by priority for team two at 17:00") == [("17:00", None)]


def test_a_weekday_makes_a_bare_slash_date_a_date() -> None:
    wed = dt.date(2025, 10, 8)

    def got(text: str) -> list[tuple[str, dt.datetime | None, str, str | None]]:
        return [(m.raw, m.at, m.precision, m.keyword) for m in find_times(text, day=wed, tz="UTC")]

    assert got("Wed 10/08 — canary held, ETA Thu 10/09 noon ET") == [
        ("Wed 10/08", u(2025, 10, 8), "day", None), ("Thu 10/09 noon ET", u(2025, 10, 9, 16), "minute", "ETA")
    ]
    assert got("ETA Thu, 10/09 at midnight") == [("Thu, 10/09 at midnight", u(2025, 10, 10), "minute", "ETA")]
    # one deadline: the date written next to EOD is it, and the weekday is part of that date
    assert got("must land by Tuesday 10/14 EOD") == [("Tuesday 10/14", u(2025, 10, 14), "day", "by")]
    assert got("review Oct 14 EOD") == [("Oct 14", u(2025, 10, 14), "day", "EOD")]
    # without a weekday a slash pair is no date; far from the day it is none either
    assert got("see 10/08, 24/7 support, Mon 3/4") == []


def test_a_bare_hour_opening_a_range_takes_the_meridiem_of_its_end() -> None:
    tue = dt.date(2025, 10, 7)

    def got(text: str) -> list[tuple[str, dt.datetime | None, dt.datetime | None]]:
        return [(m.raw, m.at, m.until) for m in find_times(text, day=tue, tz="UTC")]

    assert got("maintenance 2-4pm ET") == [("2-4pm ET", u(2025, 10, 7, 18), u(2025, 10, 7, 20))]
    assert got("11-1pm sync, 10-11am standup, 12-2pm lunch") == [
        ("11-1pm", u(2025, 10, 7, 11), u(2025, 10, 7, 13)),
        ("10-11am", u(2025, 10, 7, 10), u(2025, 10, 7, 11)),
        ("12-2pm", u(2025, 10, 7, 12), u(2025, 10, 7, 14)),
    ]
    assert got("11 to 1am PT cutover") == [("11 to 1am PT", u(2025, 10, 8, 6), u(2025, 10, 8, 8))]
    # without AM/PM on the end, a pair of numbers is no time
    assert got("pages 2-4, v2-4pm, steps 3 to 5") == []


def test_enterprise_date_forms_and_hrs() -> None:
    thu = dt.date(2025, 10, 9)

    def got(text: str) -> list[tuple[str, dt.datetime | None, str]]:
        return [(m.raw, m.at, m.precision) for m in find_times(text, day=thu, tz="America/New_York")]

    assert got("07-Oct-2025 09:30 UTC") == [("07-Oct-2025 09:30 UTC", u(2025, 10, 7, 9, 30), "minute")]
    assert got("2025/10/07 09:30Z, then 2025/10/08") == [
        ("2025/10/07 09:30Z", u(2025, 10, 7, 9, 30), "minute"), ("2025/10/08", u(2025, 10, 8), "day")
    ]
    assert got("09:30 hrs IST") == [("09:30 hrs IST", u(2025, 10, 9, 4), "minute")]
    assert got("cutover 1730 hrs") == [("1730 hrs", u(2025, 10, 9, 21, 30), "minute")]
    # mixed separators are no date; 'hrs of' is a duration
    assert got("2025-10/07, 2025 hrs of work, 0930 hrsx") == []


def test_end_of_week_and_this_or_next_weekday() -> None:
    tue, sat = dt.date(2025, 10, 7), dt.date(2025, 10, 11)

    def got(text: str, day: dt.date = tue) -> list[tuple[str, dt.datetime | None, str, str | None]]:
        return [(m.raw, m.at, m.precision, m.keyword) for m in find_times(text, day=day)]

    assert got("ETA EOW") == [("EOW", u(2025, 10, 10), "day", "ETA")]
    assert got("by end of week") == [("end of week", u(2025, 10, 10), "day", "by")]
    assert got("due end of next week") == [("end of next week", u(2025, 10, 17), "day", "due")]
    assert got("EOW") == [("EOW", u(2025, 10, 10), "day", "EOW")]
    assert got("EOW", sat) == [("EOW", u(2025, 10, 11), "day", "EOW")]  # the weekend is its own end
    assert got("at the end of the week we shipped") == []
    assert got("ETA next Friday, due this Friday") == [
        ("next Friday", u(2025, 10, 17), "day", "ETA"), ("this Friday", u(2025, 10, 10), "day", "due")
    ]
    # with a time: that day of this or the next week, whatever the tense
    assert [(m.raw, m.at) for m in find_times("this Monday 09:00 we shipped; next Monday 10:00 sync",
                                               day=tue)] == [
        ("09:00", u(2025, 10, 6, 9)), ("10:00", u(2025, 10, 13, 10))
    ]


def test_a_weekday_written_before_a_date_is_that_dates() -> None:
    got = functools.partial(described, day=dt.date(2025, 10, 9))

    # one deadline each, not the weekday's plus the date's
    assert got("ETA Friday, Oct 10") == [("Oct 10", u(2025, 10, 10), "day", "ETA")]
    assert got("due Friday 10 Oct 2025") == [("10 Oct 2025", u(2025, 10, 10), "day", "due")]
    assert got("ETA Friday Oct 10 17:00 UTC") == [("Oct 10 17:00 UTC", u(2025, 10, 10, 17), "minute", "ETA")]
    assert got("ETA Fri 10 Oct 2025") == [("10 Oct 2025", u(2025, 10, 10), "day", "ETA")]


def test_short_weekdays_name_a_day_only_next_to_a_time_or_a_keyword() -> None:
    got = functools.partial(described, day=dt.date(2025, 10, 9))

    # a deadline looks ahead to the next such day, as with 'Friday'
    assert got("ETA Fri 3pm ET") == [("3pm ET", u(2025, 10, 10, 19), "minute", "ETA")]
    assert got("ETA Fri by 3pm ET") == [("3pm ET", u(2025, 10, 10, 19), "minute", "by")]
    assert got("ETA Fri.") == [("Fri.", u(2025, 10, 10), "day", "ETA")]
    assert got("due next FRI") == [("next FRI", u(2025, 10, 17), "day", "due")]
    # otherwise the last one, as 'Tuesday 09:00 standup' is
    assert got("Tues 09:00 standup") == [("09:00", u(2025, 10, 7, 9), "minute", None)]
    # capitalized or upper case only, and right next to the time: 'sat' and 'Sat with' are words
    assert got("sat 14:00 with the vendor") == [("14:00", u(2025, 10, 9, 14), "minute", None)]
    assert got("Sat with the vendor at 14:00") == [("14:00", u(2025, 10, 9, 14), "minute", None)]


def test_a_time_written_after_a_date_is_on_that_date() -> None:
    got = functools.partial(described, day=dt.date(2025, 10, 9))

    # a keyword, 'at' or a comma between: one mention, that time on that date (not the text's day)
    assert got("target: Oct 10 by noon", tz="America/Chicago") == [
        ("Oct 10 by noon", u(2025, 10, 10, 17), "minute", "target")
    ]
    assert got("rollout Oct 10 before 17:00 ET") == [
        ("Oct 10 before 17:00 ET", u(2025, 10, 10, 21), "minute", "before")
    ]
    assert got("due 2025-10-10 by 09:00 UTC") == [
        ("2025-10-10 by 09:00 UTC", u(2025, 10, 10, 9), "minute", "due")
    ]
    assert got("due Oct 10, noon") == [("Oct 10, noon", u(2025, 10, 10, 12), "minute", "due")]
    assert got("ETA Oct 10 noon ET") == [("Oct 10 noon ET", u(2025, 10, 10, 16), "minute", "ETA")]
    assert got("due Oct 10 at midnight") == [("Oct 10 at midnight", u(2025, 10, 11), "minute", "due")]
    # anything else between: two mentions ('Oct 10' is the item's own date there)
    assert got("Oct 10: deployed at 17:00") == [
        ("Oct 10", u(2025, 10, 10), "day", None), ("17:00", u(2025, 10, 10, 17), "minute", None)
    ]
    # 'noon' is a meridiem only after 12: in '10 noon' the 10 is no hour
    assert got("lunch 12 noon") == [("12 noon", u(2025, 10, 9, 12), "minute", None)]


def test_a_minus_after_a_minute_is_a_range_unless_an_offset_is_plain() -> None:
    thu = dt.date(2025, 10, 9)

    def got(text: str) -> list[tuple[str, dt.datetime | None, dt.datetime | None]]:
        return [(m.raw, m.at, m.until) for m in find_times(text, day=thu)]

    # after a date, '09:00-10:00' is the range it is everywhere else (it read as offset -10:00)
    assert got("Oct 10 09:00-10:00 ET window") == [
        ("Oct 10 09:00-10:00 ET", u(2025, 10, 10, 13), u(2025, 10, 10, 14))
    ]
    assert got("10/10 09:00-10:00 UTC") == [
        ("10/10 09:00-10:00 UTC", u(2025, 10, 10, 9), u(2025, 10, 10, 10))
    ]
    # an offset after seconds, after a 'T' time or after a space
    assert got("2025-10-10T09:00-04:00") == [("2025-10-10T09:00-04:00", u(2025, 10, 10, 13), None)]
    assert got("2025-10-10 17:45:00-05:00") == [("2025-10-10 17:45:00-05:00", u(2025, 10, 10, 22, 45), None)]
    assert got("2025-10-10T04:40:48.296-04:00") == [
        ("2025-10-10T04:40:48.296-04:00", dt.datetime(2025, 10, 10, 8, 40, 48, 296000, tzinfo=UTC), None)
    ]
    assert got("2025-10-09 17:45:00 -0500") == [("2025-10-09 17:45:00 -0500", u(2025, 10, 9, 22, 45), None)]


def test_a_deadline_word_makes_a_bare_slash_date_a_date() -> None:
    got = functools.partial(described, day=dt.date(2025, 10, 9))
    assert got("QA-77 due 10/14") == [("10/14", u(2025, 10, 14), "day", "due")]
    assert got("ETA: 10/14/2025") == [("10/14/2025", u(2025, 10, 14), "day", "ETA")]
    assert got("due on 14/10/25 noon") == [("14/10/25 noon", u(2025, 10, 14, 12), "minute", "due")]
    assert got("Wed 10/15/2025 deploy") == [("Wed 10/15/2025", u(2025, 10, 15), "day", None)]
    # without one it stays no date: a ratio, an uptime, a year-less pair far from the day
    assert got("3/4 nodes up, 24/7 support, due 1/2") == []


def test_end_of_month_is_a_date_only_deadline_on_its_last_day() -> None:
    got = functools.partial(described, day=dt.date(2025, 12, 9))
    assert got("ETA end of month") == [("end of month", u(2025, 12, 31), "day", "ETA")]
    assert got("EOM") == [("EOM", u(2025, 12, 31), "day", "EOM")]
    assert got("by end of next month") == [("end of next month", u(2026, 1, 31), "day", "by")]
    assert got("at the end of the month we shipped") == []


def test_an_eta_written_after_a_time_with_its_own_value_is_not_that_times() -> None:
    # '17:00 UTC ETA' calls 17:00 the ETA; in '14:00 UTC ETA in ~2h' the ETA is what follows it
    logs = parse_log("## 2025-10-09\n- 14:00 UTC PAY-1 ETA in ~2h\n- the 17:00 UTC ETA slipped\n", "e.md")
    assert [t.to_pydatetime() for t in logs.events["at"]] == [u(2025, 10, 9, 14), u(2025, 10, 9)]
    assert [t.to_pydatetime() for t in logs.deadlines["due_at"]] == [u(2025, 10, 9, 16), u(2025, 10, 9, 17)]


def test_jira_dates_with_slashes_and_two_digit_years() -> None:
    got = functools.partial(described, day=dt.date(2025, 10, 1))
    assert got("Created: 09/Oct/25 2:15 PM") == [
        ("09/Oct/25 2:15 PM", u(2025, 10, 9, 14, 15), "minute", None)
    ]
    assert got("Updated: 10/Oct/2025 09:00") == [("10/Oct/2025 09:00", u(2025, 10, 10, 9), "minute", None)]
    assert got("Resolved 09-Oct-25 17:00") == [("09-Oct-25 17:00", u(2025, 10, 9, 17), "minute", None)]
    # after a space a two-digit number is no year
    assert got("9 Oct 25 nodes") == [("9 Oct", u(2025, 10, 9), "day", None)]


def test_obsidian_task_dates() -> None:
    # '📅' is a task's due date; the done date ('✅ 2025-10-10') is then the item's own time
    logs = parse_log("## 2025-10-09\n- [x] OPS-33 rotate keys 📅 2025-10-16 ✅ 2025-10-10\n", "o.md")
    assert [t.to_pydatetime() for t in logs.events["at"]] == [u(2025, 10, 10)]
    assert logs.deadlines[["keyword", "stated_missed"]].values.tolist() == [["due", False]]
    assert [t.to_pydatetime() for t in logs.deadlines["due_at"]] == [u(2025, 10, 16)]


def test_a_heading_keeps_a_short_weekday_as_it_keeps_a_long_one() -> None:
    # a relative weekday in a heading names no section date and is no problem, written out or short
    near = dt.date(2025, 10, 9)
    for heading in ("Release due Friday", "Release due Fri"):
        assert parse_heading(heading, year_near=near) == Heading(heading, None, None, None)


def test_org_and_logseq_timestamps_in_angle_brackets() -> None:
    # Logseq and org-mode write 'DEADLINE: <2025-10-08 Wed 14:00>': the keyword reaches through the
    # bracket, and the weekday between the date and the time keeps them one mention
    got = functools.partial(described, day=dt.date(2025, 10, 9))
    assert got("DEADLINE: <2025-10-07 Tue 12:00>") == [
        ("2025-10-07 Tue 12:00", u(2025, 10, 7, 12), "minute", "deadline")
    ]
    assert got("due <2025-10-14>") == [("2025-10-14", u(2025, 10, 14), "day", "due")]
    assert got("<2025-10-14> deadline") == [("2025-10-14", u(2025, 10, 14), "day", "deadline")]
    assert got("shipped 2025-10-01 (Wed) 14:00") == [
        ("2025-10-01 (Wed) 14:00", u(2025, 10, 1, 14), "minute", None)
    ]


def test_a_time_right_after_a_date_needs_no_date_around_it() -> None:
    # with no section date, the time is still read on the date written right before it; a time
    # apart from the date is still one without a date
    got = functools.partial(described, day=None)
    assert got("OPS-1 DEADLINE: <2025-10-08 Wed 14:00>") == [
        ("2025-10-08 Wed 14:00", u(2025, 10, 8, 14), "minute", "deadline")
    ]
    assert got("OPS-1 shipped 2025-10-08 at 09:30 UTC") == [
        ("2025-10-08 at 09:30 UTC", u(2025, 10, 8, 9, 30), "minute", None)
    ]
    mentions = find_times("ETA 2025-10-10, call at 14:00", day=None)
    assert [(m.raw, m.at, m.problem) for m in mentions] == [
        ("2025-10-10", u(2025, 10, 10), None), ("14:00", None, "time without a date")
    ]
    many = find_times_many(["OPS-1 DEADLINE: <2025-10-08 Wed 14:00>"], [None])
    assert [(m.raw, m.at, m.keyword) for m in many[0]] == [
        ("2025-10-08 Wed 14:00", u(2025, 10, 8, 14), "deadline")
    ]


def test_outline_date_is_a_short_item_that_opens_with_its_day() -> None:
    near = dt.date(2025, 10, 1)
    got = functools.partial(outline_date, year_near=near, day=dt.date(2025, 10, 6))
    assert got("[[2025-10-08]]") == dt.date(2025, 10, 8)
    assert got("**Oct 8** (Wed)") == dt.date(2025, 10, 8)
    assert got("2025-10-08 — deploy day") == dt.date(2025, 10, 8)
    assert got("Tue") == dt.date(2025, 10, 7)
    assert got("ETA 2025-10-10 for the fix") is None
    assert got("DATA-77 fixed on 2025-10-08") is None
    assert got("14:00 call with the vendor") is None
    assert got("5/7 pods healthy") is None
    assert got("2025-10-08 " + "x" * 60) is None  # too long for a day's label


def test_us_shorthand_meridiem_after_the_minutes() -> None:
    got = functools.partial(ats, day=dt.date(2025, 10, 8))
    assert got("escalated on 10/8 at 4:15p") == [u(2025, 10, 8, 16, 15)]
    assert got("check-in 9:30a PT") == [u(2025, 10, 8, 16, 30)]
    assert got("12:00a") == [u(2025, 10, 8, 0)]
    # with a space it is the article, not a meridiem; after the hour alone it is no time
    assert got("at 9:30 a meeting") == [u(2025, 10, 8, 9, 30)]
    assert got("step 1a done") == []


def test_a_deadline_moved_from_one_date_to_another_gives_the_new_one_and_the_old_one_if_missed() -> None:
    # the first is the deadline that moved: no promise now (round 10 F5) unless the item says it was
    # missed; the second its replacement
    logs = parse_log(
        "## 2025-10-07\n- WEB-318 ETA moved from 10/8 → 10/10\n- WEB-1 deadline slipped from 10/8 to 10/10\n"
        "- WEB-2 ETA moved from Oct 8 to Oct 10\n- WEB-3 missed ETA 14:00 -> 16:00\n"
        "- WEB-4 window Oct 8 to Oct 10\n- p95 1.4s → 1.2s, 3/4 → 4/4 nodes\n",
        "m.md",
    )
    rows = logs.deadlines[["line", "due_at", "stated_missed"]].values
    assert [[k, t.strftime("%m-%d %H:%M"), m] for k, t, m in rows] == [
        [2, "10-10 00:00", False],
        [3, "10-08 00:00", True], [3, "10-10 00:00", False],
        [4, "10-10 00:00", False],
        [5, "10-07 14:00", True], [5, "10-07 16:00", False],
        [6, "10-08 00:00", False],  # (a window's 'to' is its end, no second deadline)
    ]
    assert [t.to_pydatetime() for t in logs.events["at"]][4:] == [u(2025, 10, 10), u(2025, 10, 7)]


def test_a_time_written_as_missed_is_the_missed_deadline_and_its_replacement_is_not() -> None:
    logs = parse_log(
        "## 2025-10-09\n"
        "- [10:45 AM] REL-91 missed the 10:30 update — fix ETA now 11:15\n"
        "- REL-92 ETA 11:15 (missed the 10:30 update)\n"
        "- REL-93 blew the 17:00 deadline, ETA now 19:00\n"
        "- REL-94 missed ETA 14:00 -> 16:00\n"
        "- REL-95 deadline is now Friday; we missed Tue\n"
        "- REL-96 missed call at 14:02\n",
        "m.md",
    )
    rows = logs.deadlines[["line", "due_at", "keyword", "stated_missed"]].values
    assert [[k, t.strftime("%m-%d %H:%M"), kw, m] for k, t, kw, m in rows] == [
        [2, "10-09 10:30", "missed", True], [2, "10-09 11:15", "ETA", False],
        [3, "10-09 11:15", "ETA", False], [3, "10-09 10:30", "missed", True],
        [4, "10-09 17:00", "deadline", True], [4, "10-09 19:00", "ETA", False],
        [5, "10-09 14:00", "ETA", True], [5, "10-09 16:00", "ETA", False],
        [6, "10-10 00:00", "deadline", False], [6, "10-07 00:00", "missed", True],  # (a missed day is past)
    ]
    assert logs.events["at"].iloc[-1].to_pydatetime() == u(2025, 10, 9, 14, 2)  # a call, not a deadline


def test_an_expiry_is_a_deadline() -> None:
    got = functools.partial(described, day=dt.date(2025, 10, 8))
    assert got("INC-307 cert expires 2025-10-12") == [("2025-10-12", u(2025, 10, 12), "day", "expires")]
    assert got("token expiry: Oct 12 09:00 UTC") == [
        ("Oct 12 09:00 UTC", u(2025, 10, 12, 9), "minute", "expires")
    ]
    assert got("expiring Friday") == [("Friday", u(2025, 10, 10), "day", "expires")]
    # what already expired is a date, not a deadline
    assert got("cert expired on 2025-10-05") == [("2025-10-05", u(2025, 10, 5), "day", None)]


def test_an_item_may_open_with_a_bare_hour_and_a_one_letter_meridiem() -> None:
    # '5p WEB-318 still slow', '**9a** standup': where the item opens with it, or after 'at' or 'by'
    logs = parse_log(
        "## 2025-10-09\n- 5p WEB-318 still 1.3s\n- **9a** standup\n- 11a PT vendor sync\n"
        "- option 1a done\n- 13p is no hour\n- call at 5p\n- @li to review by 11a tomorrow\n",
        "s.md",
    )
    assert [t.to_pydatetime() for t in logs.events["at"]] == [
        u(2025, 10, 9, 17), u(2025, 10, 9, 9), u(2025, 10, 9, 18), u(2025, 10, 9), u(2025, 10, 9),
        u(2025, 10, 9, 17), u(2025, 10, 9),
    ]
    # (after 'by', 'at', 'before', 'until' or '@' too)
    assert [t.to_pydatetime() for t in logs.deadlines["due_at"]] == [u(2025, 10, 10, 11)]


def test_a_standup_label_dates_its_item() -> None:
    # 'Yesterday: ... merged at 4:45 PM' happened the day before the standup, however far the time
    # is from the label (a relative day elsewhere names only a time near it)
    got = functools.partial(described, day=dt.date(2025, 10, 9))
    assert got("Yesterday: finished PLAT-88 log shipping, merged at 4:45 PM") == [
        ("Yesterday", u(2025, 10, 8), "day", None), ("4:45 PM", u(2025, 10, 8, 16, 45), "minute", None)
    ]
    assert got("**Tomorrow** - deploy the canary to all regions at 10:00") == [
        ("Tomorrow", u(2025, 10, 10), "day", None), ("10:00", u(2025, 10, 10, 10), "minute", None)
    ]
    assert got("Yesterday: chased PLAT-77") == [("Yesterday", u(2025, 10, 8), "day", None)]
    assert got("Today: review at 11:00") == [("11:00", u(2025, 10, 9, 11), "minute", None)]


def test_one_word_may_say_what_a_goal_keyword_is_for() -> None:
    got = functools.partial(described, day=dt.date(2025, 10, 9))
    assert got("target go-live 2 PM") == [("2 PM", u(2025, 10, 9, 14), "minute", "target")]
    assert got("ETA fix 17:00") == [("17:00", u(2025, 10, 9, 17), "minute", "ETA")]
    # not after 'by' ('reviewed by Alice 17:00'), and one word only
    assert got("reviewed by Alice 17:00") == [("17:00", u(2025, 10, 9, 17), "minute", None)]
    assert got("ETA the fix 17:00") == [("17:00", u(2025, 10, 9, 17), "minute", None)]


def test_this_week_and_next_week_after_a_deadline_word_are_their_ends() -> None:
    got = functools.partial(described, day=dt.date(2025, 10, 8))
    assert got("ETA next week") == [("next week", u(2025, 10, 17), "day", "ETA")]
    assert got("due this week") == [("this week", u(2025, 10, 10), "day", "due")]
    # without one they promise nothing
    assert got("next week we plan the cutover") == []
    assert got("shipped this week") == []


def test_a_keyword_at_the_end_of_a_text_does_not_look_into_the_next() -> None:
    # (found by hypothesis: find_times_many joins the texts; '09:00ETA' then '09:00' read the second
    # text as the ETA's own value, and the first lost its deadline)
    texts = ["09:00ETA", "09:00"]
    many = find_times_many(texts, [None, None], tz="America/Los_Angeles")
    assert many == [find_times(t, day=None, tz="America/Los_Angeles") for t in texts]
    assert [m.keyword for m in many[0]] == ["ETA"]


def test_overdue_since_names_the_missed_deadline_behind_the_text() -> None:
    # 'overdue since Tuesday' is a deadline that passed: its weekday looks back, unlike an ETA's
    got = functools.partial(described, day=dt.date(2025, 10, 9))
    assert got("PLAT-77 overdue since Tuesday") == [("Tuesday", u(2025, 10, 7), "day", "overdue since")]
    assert got("late since Oct 7") == [("Oct 7", u(2025, 10, 7), "day", "overdue since")]
    assert got("past due since Tue 17:00") == [("17:00", u(2025, 10, 7, 17), "minute", "overdue since")]
    assert got("ETA Tuesday") == [("Tuesday", u(2025, 10, 14), "day", "ETA")]
    assert got("waiting since Tuesday") == []  # (a weekday alone names a day only under a keyword)
    logs = parse_log("## 2025-10-09\n- PLAT-77 waiting on security review — overdue since Tuesday\n", "o.md")
    rows = logs.deadlines[["due_at", "keyword", "stated_missed"]].values
    assert [(t.to_pydatetime(), k, m) for t, k, m in rows] == [(u(2025, 10, 7), "overdue since", True)]


def test_a_documents_slash_order_reads_dates_that_read_both_ways() -> None:
    # its full dates that read one way only say it; else its zone's custom; else nothing
    assert slash_order_of("## 13/10/2025\n- due 3/11/2025") == "dmy"
    assert slash_order_of("- shipped 10/13/2025, next 11/3/2025") == "mdy"
    assert slash_order_of("13/10/2025 and 10/13/2025") is None  # (both written: each says for itself)
    assert slash_order_of("- 24/7 support, 3/4 nodes up") is None  # (no year: no evidence)
    assert slash_order_of("2025/10/13, docs/13/10/25, v1.13/10/2025, 113/10/2025") is None
    assert slash_order_of("3/11/2025", "Australia/Sydney") == "dmy"
    assert slash_order_of("3/11/2025", "Europe/Berlin") == "dmy"
    assert slash_order_of("3/11/2025", "America/Chicago") == "mdy"
    assert slash_order_of("3/11/2025", "America/Indiana/Indianapolis") == "mdy"
    assert slash_order_of("3/11/2025", "Asia/Tokyo") is None
    assert slash_order_of("10/13/2025", "Europe/Berlin") == "mdy"  # (what is written wins)
    # within slash_order, a date that reads both ways takes it, before nearness to the day
    near = dt.date(2025, 12, 5)
    assert one("ETA 12/11 17:00 UTC", day=near).at == u(2025, 12, 11, 17)  # (nearest: Dec 11)
    with slash_order("dmy"):
        assert one("ETA 12/11 17:00 UTC", day=near).at == u(2025, 11, 12, 17)
        assert parse_heading("## 3/11/2025").date == dt.date(2025, 11, 3)
        assert one("13/10/2025 09:00 UTC", day=None).at == u(2025, 10, 13, 9)  # (one reading only)
    with slash_order("mdy"):
        assert parse_heading("## 3/11/2025").date == dt.date(2025, 3, 11)
    assert parse_heading("## 3/11/2025").problem == "ambiguous date 3/11/2025"
    with pytest.raises(ValueError, match="slash date order"), slash_order("ymd"):
        pass


def test_a_spaced_dash_joins_a_date_and_its_time_and_a_full_stamp_dates_the_other_times() -> None:
    m = one("Posted Oct 09, 2025 - 14:51 EDT", day=None)
    assert (m.raw, m.at, m.has_date) == ("Oct 09, 2025 - 14:51 EDT", u(2025, 10, 9, 18, 51), True)
    assert one("2025-10-09 \u2013 14:51 UTC", day=None).at == u(2025, 10, 9, 14, 51)
    got = find_times("Next update by 14:45 EDT. Posted Oct 09, 2025 - 14:12 EDT", day=None)
    assert [(x.at, x.is_deadline, x.problem) for x in got] == [
        (u(2025, 10, 9, 18, 45), True, None), (u(2025, 10, 9, 18, 12), False, None)]
    assert find_times_many(["Next update by 14:45 EDT. Posted Oct 09, 2025 - 14:12 EDT"], [None]) == [got]
    # with a day to read on, that day stays the day of times without one
    assert find_times("by 14:45 UTC; posted Oct 09, 2025 - 14:12 UTC", day=D)[0].at == u(2025, 10, 10, 14, 45)
    # a hyphen without spaces is no glue: '2025-10-09-14:00' is no date and time
    assert [x.raw for x in find_times("at 09:00 see 2025-10-09 -14:51", day=D)][0] == "09:00"


def test_a_relative_day_right_before_a_time_is_that_times_alone() -> None:
    day = dt.date(2025, 10, 9)  # a Thursday
    got = find_times("14:59:12 <maria> ETA for RCA: tomorrow 17:00", day=day)
    assert [(m.raw, m.at) for m in got] == [
        ("14:59:12", u(2025, 10, 9, 14, 59, 12)), ("17:00", u(2025, 10, 10, 17, 0))]
    got = find_times("call at 10:00 tomorrow at 9am too", day=day)
    assert [m.at for m in got] == [u(2025, 10, 9, 10, 0), u(2025, 10, 10, 9, 0)]
    assert one("deployed 09:00 tomorrow", day=day).at == u(2025, 10, 10, 9, 0)  # (none after it)
    # a weekday something was moved to is ahead, like a scheduled one
    got = find_times("09:00 standup moved to Friday 10am", day=day)
    assert [m.at for m in got] == [u(2025, 10, 9, 9, 0), u(2025, 10, 10, 10, 0)]
    assert one("sync rescheduled for Mon 14:00", day=day).at == u(2025, 10, 13, 14, 0)
    assert one("Monday 09:00 deploy went fine", day=day).at == u(2025, 10, 6, 9, 0)


def test_the_cheap_deadline_gates_let_every_deadline_keyword_through() -> None:
    # _DL_HINT_BEFORE/_AFTER are written by hand beside the keyword lists they stand in front of:
    # a keyword added to a list and not to its gate would never be read
    from occ_lib import times

    before = [w for w in times._DL_BEFORE_WORDS.split("|") if w]
    assert "missed" in before and "overdue since" in before
    assert [w for w in before if times._DL_HINT_BEFORE.search(w.lower()) is None] == []
    after = ("eta", "deadline", "window", "checkpoint", "cutoff", "cut-off", "target")
    assert [w for w in after if times._DL_HINT_AFTER.search(w) is None] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a zone after 'hrs' is the time's: India is UTC+5:30
        ("1530 hrs IST hotfix deployed", "2025-10-09T10:00:00+00:00"),
        ("1530hrs IST", "2025-10-09T10:00:00+00:00"),
        ("0930 hrs JST", "2025-10-09T00:30:00+00:00"),
        ("0930 hrs", "2025-10-09T09:30:00+00:00"),  # (the default zone, UTC here)
        # zones of the Pacific and Asia: Auckland and Adelaide on summer time from late September/October
        ("10:00 NZDT pinged Auckland", "2025-10-08T21:00:00+00:00"),
        ("09:00 ACDT check", "2025-10-08T22:30:00+00:00"),
        ("09:00 AWST", "2025-10-09T01:00:00+00:00"),
        ("09:00 HKT", "2025-10-09T01:00:00+00:00"),
    ],
)
def test_more_zones_after_times(text: str, expected: str) -> None:
    (m,) = [m for m in find_times(text, day=dt.date(2025, 10, 9)) if not m.is_deadline]
    assert m.at is not None and m.at.isoformat() == expected


def _read(text: str, day: dt.date = dt.date(2025, 10, 25)) -> list[tuple]:
    return [
        (m.raw, m.at.isoformat() if m.at else None, m.until.isoformat() if m.until else None, m.keyword)
        for m in find_times(text, day=day)
    ]


def test_a_deadline_moved_to_another_time_is_a_deadline_too() -> None:
    assert _read("ETA 17:00 UTC \u2192 19:00 UTC") == [
        ("17:00 UTC", "2025-10-25T17:00:00+00:00", None, "ETA"),
        ("19:00 UTC", "2025-10-25T19:00:00+00:00", None, "ETA"),
    ]
    assert _read("ETA 17:00 UTC missed, pushed to 19:00 UTC")[1][3] == "ETA"
    assert _read("ETA Oct 22 17:00 UTC -> Oct 23 09:00 UTC")[1] == (
        "Oct 23 09:00 UTC", "2025-10-23T09:00:00+00:00", None, "ETA")
    # a new sentence is something else: a deploy moved is no deadline
    assert _read("ETA 17:00. Deploy moved to 19:00")[1][3] is None


def test_a_zone_before_a_slash_is_the_times() -> None:
    # the same moment written in two zones: the first is read in its own zone
    assert _read("bridge call 10:00 CEST/09:00 BST", dt.date(2025, 10, 9)) == [
        ("10:00 CEST", "2025-10-09T08:00:00+00:00", None, None)]
    assert _read("14:00 SGT/17:00 AEDT", dt.date(2025, 10, 9))[0][1] == "2025-10-09T06:00:00+00:00"


def test_a_seasonal_abbreviation_after_a_joined_date_still_picks_its_side_of_the_night() -> None:
    # 01:30 happens twice on 2025-11-02 in New York: EST is the second (06:30 UTC), EDT the first
    assert _read("due Nov 2 by 01:30 EST")[0][1] == "2025-11-02T06:30:00+00:00"
    assert _read("2025-11-02 | 01:30 EST")[0][1] == "2025-11-02T06:30:00+00:00"
    assert _read("2025-11-02 | 01:30 EDT")[0][1] == "2025-11-02T05:30:00+00:00"
    assert _read("Nov 2 by 01:30 PST")[0][1] == "2025-11-02T09:30:00+00:00"


def test_a_range_of_dated_times_shares_its_zone() -> None:
    assert _read("Code freeze Oct 30 18:00 \u2013 Nov 3 09:00 ET") == [
        ("Oct 30 18:00 \u2013 Nov 3 09:00 ET", "2025-10-30T22:00:00+00:00", "2025-11-03T14:00:00+00:00",
         None)]
    # (Saturday 2025-10-25: the window runs into Sunday)
    assert _read("maintenance window Sat 23:00 - Sun 03:00 ET") == [
        ("23:00 - Sun 03:00 ET", "2025-10-26T03:00:00+00:00", "2025-10-26T07:00:00+00:00", "window")]


def test_how_long_something_took_is_no_time_of_day() -> None:
    for text in ("(duration 00:03:12)", "elapsed 0:04:07", "took 3:12", "MTTR: 1:05"):
        assert _read(text) == [], text
    assert _read("runtime: 1:02:03, done at 14:00 UTC") == [
        ("14:00 UTC", "2025-10-25T14:00:00+00:00", None, None)]


def test_a_dashed_day_first_date_and_a_one_letter_meridiem_after_a_date() -> None:
    assert _read("ETA 13-10-2025 11:00 IST", dt.date(2025, 10, 9)) == [
        ("13-10-2025 11:00 IST", "2025-10-13T05:30:00+00:00", None, "ETA")]
    assert _read("release 1-2-2025-rc and build 2025-10-09") == [
        ("2025-10-09", "2025-10-09T00:00:00+00:00", None, None)]
    with slash_order("mdy"):
        assert _read("10-09-2025 cutover")[0][1] == "2025-10-09T00:00:00+00:00"
    assert _read("10-09-2025 cutover")[0][1] == "2025-09-10T00:00:00+00:00"
    # '8a' right after a date is that date's time, as at the start of an item
    assert _read("Mon 11/3 8a PT WEB-401 done.", dt.date(2025, 10, 30)) == [
        ("Mon 11/3 8a PT", "2025-11-03T16:00:00+00:00", None, None)]
    assert _read("until Mon 11/3 9a PT", dt.date(2025, 10, 30))[0][1:] == (
        "2025-11-03T17:00:00+00:00", None, "until")


def test_a_weekday_and_an_ordinal_day_is_the_nearest_such_date() -> None:
    assert _read("ETA Friday the 10th, 5 PM PT", dt.date(2025, 10, 9)) == [
        ("Friday the 10th, 5 PM PT", "2025-10-11T00:00:00+00:00", None, "ETA")]
    assert _read("Mon the 3rd standup", dt.date(2025, 10, 9))[0][1] == "2025-11-03T00:00:00+00:00"
    assert _read("the 10th floor", dt.date(2025, 10, 9)) == []


def test_european_zone_names_are_not_the_us_ones() -> None:
    assert _read("Oct 9, 2025 at 3:00 PM Central European Summer Time")[0][1] == "2025-10-09T13:00:00+00:00"
    assert _read("4:00 PM Eastern European Summer Time", dt.date(2025, 10, 9))[0][1] == (
        "2025-10-09T13:00:00+00:00")
    assert _read("3:00 PM Central Time", dt.date(2025, 10, 9))[0][1] == "2025-10-09T20:00:00+00:00"
    assert declared_zone("All times in Central European Time.") == "Europe/Paris"
    assert declared_zone("All times in Central Time.") == "America/Chicago"


def test_a_range_start_without_its_meridiem_takes_the_ends() -> None:
    day = dt.date(2025, 10, 9)
    assert _read("checkout outage 2:00 \u2013 3:30 PM ET", day)[0][1:3] == (
        "2025-10-09T18:00:00+00:00", "2025-10-09T19:30:00+00:00")
    assert _read("09:00 - 3:30 PM", day)[0][1] == "2025-10-09T09:00:00+00:00"
    assert _read("14:00 - 3:30 PM", day)[0][1] == "2025-10-09T14:00:00+00:00"
    # no 13th near Oct 9 is a Friday: no date rather than one on the wrong weekday
    assert _read("Friday the 13th", day) == []


def test_a_time_written_before_its_date_is_on_that_date() -> None:
    # a comment stamp: '10:12 AM Oct 10'
    assert _read("10:12 AM Oct 10 comment by Ana", dt.date(2025, 10, 9)) == [
        ("10:12 AM Oct 10", "2025-10-10T10:12:00+00:00", None, None)]
