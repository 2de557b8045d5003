"""Report periods in a zone: ISO weeks, local days, durations, across daylight-saving changes."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from occ_lib.periods import (
    day_buckets,
    last_complete_week,
    parse_duration,
    to_utc,
    week_bounds,
    week_label,
)

NY = "America/New_York"


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def test_week_45_in_new_york_starts_monday_midnight_est():
    start, end = week_bounds("2025-W45", NY)
    assert start == utc("2025-11-03 05:00")
    assert end == utc("2025-11-10 05:00")
    assert end - start == pd.Timedelta(hours=168)


def test_week_holding_the_november_change_lasts_169_hours():
    start, end = week_bounds(dt.date(2025, 11, 2), NY)
    assert start == utc("2025-10-27 04:00")
    assert end == utc("2025-11-03 05:00")
    assert end - start == pd.Timedelta(hours=169)
    assert week_label(dt.date(2025, 11, 2), NY) == "2025-W44"
    assert week_bounds("2025-W44", NY) == (start, end)


def test_week_holding_the_march_change_lasts_167_hours():
    start, end = week_bounds("2026-W10", NY)  # 2026-03-02 .. 2026-03-09, change on Sunday 03-08
    assert start == utc("2026-03-02 05:00")
    assert end == utc("2026-03-09 04:00")
    assert end - start == pd.Timedelta(hours=167)


def test_week_bounds_in_utc_and_from_an_instant():
    assert week_bounds("2025-W41") == (utc("2025-10-06"), utc("2025-10-13"))
    # Monday 2025-10-13 02:00 UTC is still Sunday evening in New York: week 41 there.
    assert week_bounds(utc("2025-10-13 02:00"), NY) == (utc("2025-10-06 04:00"), utc("2025-10-13 04:00"))
    assert week_label(utc("2025-10-13 02:00"), NY) == "2025-W41"
    assert week_label(utc("2025-10-13 02:00"), "UTC") == "2025-W42"


def test_iso_week_one_can_start_in_the_previous_year():
    assert week_bounds("2026-W01") == (utc("2025-12-29"), utc("2026-01-05"))


@pytest.mark.parametrize("bad", ["2025-41", "W41", "2025-W54", "last week"])
def test_bad_week_names_are_clear_errors(bad):
    with pytest.raises(ValueError, match="week"):
        week_bounds(bad, NY)


def test_day_buckets_are_local_days_of_23_24_25_hours():
    days = day_buckets(utc("2025-11-01 04:00"), utc("2025-11-04 05:00"), NY)
    assert [d.isoformat() for d in days["day"]] == ["2025-11-01", "2025-11-02", "2025-11-03"]
    assert list(days["start"]) == [utc("2025-11-01 04:00"), utc("2025-11-02 04:00"), utc("2025-11-03 05:00")]
    assert list(days["end"] - days["start"]) == [pd.Timedelta(hours=h) for h in (24, 25, 24)]
    assert str(days["start"].dtype) == "datetime64[us, UTC]"
    spring = day_buckets("2026-03-08", "2026-03-09", NY)  # naive bounds are local
    assert list(spring["end"] - spring["start"]) == [pd.Timedelta(hours=23)]


def test_day_buckets_cover_partial_days_whole_and_empty_ranges():
    days = day_buckets(utc("2025-10-06 12:00"), utc("2025-10-07 00:30"), "UTC")
    assert [d.isoformat() for d in days["day"]] == ["2025-10-06", "2025-10-07"]
    assert day_buckets(utc("2025-10-06"), utc("2025-10-06"), "UTC").empty


def test_last_complete_week_is_judged_in_the_zone():
    # 03:00 UTC Monday is 23:00 Sunday in New York: week 41 has not ended there yet.
    assert last_complete_week(utc("2025-10-13 03:00"), NY) == "2025-W40"
    assert last_complete_week(utc("2025-10-13 04:00"), NY) == "2025-W41"
    assert last_complete_week(utc("2025-10-13 00:00"), "UTC") == "2025-W41"


def test_to_utc_reads_naive_times_in_the_zone_and_handles_dst_edges():
    assert to_utc("2025-10-10 13:00", NY) == utc("2025-10-10 17:00")
    assert to_utc("2025-10-10T17:00:00Z", NY) == utc("2025-10-10 17:00")
    assert to_utc(dt.date(2025, 10, 10), NY) == utc("2025-10-10 04:00")
    assert to_utc("2025-11-02 01:30", NY) == utc("2025-11-02 05:30")  # repeated hour: first
    assert to_utc("2026-03-08 02:30", NY) == utc("2026-03-08 07:30")  # skipped hour: forward
    with pytest.raises(ValueError, match="Mars/Olympus"):
        to_utc("2025-10-10", "Mars/Olympus")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30s", 30), ("5m", 300), ("1h", 3600), ("2d", 172800), ("1w", 604800), ("1.5h", 5400), (90, 90)],
)
def test_parse_duration(text, seconds):
    assert parse_duration(text) == dt.timedelta(seconds=seconds)


@pytest.mark.parametrize("bad", ["", "5 minutes", "h", "-1h", "0s", True, None])
def test_parse_duration_rejects_bad_values(bad):
    with pytest.raises(ValueError, match="duration"):
        parse_duration(bad)


def test_an_instant_given_as_text_must_be_iso_8601_never_read_month_first():
    from occ_lib.errors import ArgumentError
    from occ_lib.periods import instant

    assert instant("2025-10-09T18:00", "as_of", "Asia/Kolkata") == pd.Timestamp("2025-10-09 12:30", tz="UTC")
    assert instant(" 2025-10-09 ", "start", "UTC") == pd.Timestamp("2025-10-09", tz="UTC")
    assert instant("2025-10-09T18:00+05:30", "as_of") == pd.Timestamp("2025-10-09 12:30", tz="UTC")
    for bad in ("09/10/2025 18:00", "09.10.2025", "Oct 9 2025"):
        with pytest.raises(ArgumentError) as err:
            instant(bad, "as_of", "Asia/Kolkata")
        assert str(err.value) == f"as_of: not a date or time: {bad!r} (expected YYYY-MM-DD or ISO 8601)"
