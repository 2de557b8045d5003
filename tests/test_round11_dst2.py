"""Round 11 (dst2): zones spelled out in prose, headings and after a time ('All times in China Standard
Time.'), and the hour the clocks go back once the section has read past it."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from occ_lib import times
from occ_lib.logs import parse_log


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def utc(s: str) -> dt.datetime:
    return dt.datetime.fromisoformat(s).replace(tzinfo=dt.UTC)


OCT10 = dt.date(2025, 10, 10)
NOV2 = dt.date(2025, 11, 2)

# (name, zone declared_zone gives, 14:00 that name on 2025-10-10 in UTC)
SPELLED = [
    ("China Standard Time", "Asia/Shanghai", "2025-10-10 06:00"),
    ("India Standard Time", "Asia/Kolkata", "2025-10-10 08:30"),
    ("Japan Standard Time", "Asia/Tokyo", "2025-10-10 05:00"),
    ("Korea Standard Time", "Asia/Seoul", "2025-10-10 05:00"),
    ("Singapore Time", "Asia/Singapore", "2025-10-10 06:00"),
    ("Singapore Standard Time", "Asia/Singapore", "2025-10-10 06:00"),
    ("Hong Kong Time", "Asia/Hong_Kong", "2025-10-10 06:00"),
    ("Australian Eastern Standard Time", "Australia/Sydney", "2025-10-10 03:00"),
    ("Australian Eastern Daylight Time", "Australia/Sydney", "2025-10-10 03:00"),
    ("Central European Summer Time", "Europe/Paris", "2025-10-10 12:00"),
    ("British Summer Time", "Europe/London", "2025-10-10 13:00"),
    ("Irish Standard Time", "Europe/Dublin", "2025-10-10 13:00"),
    ("Eastern Standard Time", "America/New_York", "2025-10-10 18:00"),
    ("Eastern Daylight Time", "America/New_York", "2025-10-10 18:00"),
    ("Central Daylight Time", "America/Chicago", "2025-10-10 19:00"),
    ("Mountain Standard Time", "America/Denver", "2025-10-10 20:00"),
    ("Pacific Daylight Time", "America/Los_Angeles", "2025-10-10 21:00"),
    ("Brasilia Time", "America/Sao_Paulo", "2025-10-10 17:00"),
    ("Bras\u00edlia Time", "America/Sao_Paulo", "2025-10-10 17:00"),
    ("New Zealand Daylight Time", "Pacific/Auckland", "2025-10-10 01:00"),
    ("Greenwich Mean Time", "UTC", "2025-10-10 14:00"),
]


@pytest.mark.parametrize(("name", "zone", "want"), SPELLED)
def test_a_spelled_out_zone_is_declared(name, zone, want):
    assert times.declared_zone(f"All times in {name}.") == zone
    assert times.declared_zone(f"Times: {name}") == zone


@pytest.mark.parametrize(("name", "zone", "want"), SPELLED)
def test_a_time_followed_by_a_spelled_out_zone_is_read_in_it(name, zone, want):
    found = times.find_times(f"deployed 14:00 {name}, ok", day=OCT10, tz="UTC")
    assert [(m.raw, m.at, m.zone) for m in found] == [(f"14:00 {name}", utc(want), zone)]
    assert times.find_times_many([f"deployed 14:00 {name}, ok"], [OCT10], "UTC") == [found]


def test_the_declared_chinese_zone_reads_cst_as_chinas():
    logs = parse_log("# Log\nAll times in China Standard Time.\n\n## 2025-10-10\n- 14:00 CST OPS-1 deployed\n"
                     "- 15:00 OPS-1 checked\n", "x.md")
    assert logs.events["at"].tolist() == [ts("2025-10-10 06:00"), ts("2025-10-10 07:00")]


def test_the_declared_irish_zone_reads_ist_as_dublins():
    logs = parse_log("# Log\nTimes: Irish Standard Time\n\n## 2025-10-10\n- 14:00 IST OPS-1 deployed\n",
                     "x.md")
    assert logs.events["at"].tolist() == [ts("2025-10-10 13:00")]


@pytest.mark.parametrize("doc", [
    "# Log (China Standard Time)\n\n## 2025-10-10\n- 14:00 CST OPS-1 deployed\n",
    "# Log\n\n## 2025-10-10 handoff (China Standard Time)\n- 14:00 OPS-1 deployed\n",
    "# Log\n\n## 2025-10-10 handoff - China Standard Time\n- 14:00 OPS-1 deployed\n",
    "# Log\n\n## 2025-10-10 (all times China Standard Time)\n- 14:00 OPS-1 deployed\n",
    "# Log\n\n## 2025-10-10\n| Time (China Standard Time) | Event |\n|---|---|\n| 14:00 | OPS-1 deployed |\n",
])
def test_a_heading_or_header_spelling_out_a_zone_gives_its_section_that_zone(doc):
    assert parse_log(doc, "x.md").events["at"].tolist() == [ts("2025-10-10 06:00")]


def test_a_heading_dash_with_a_spelled_out_us_zone():
    logs = parse_log("# Log\n\n## 2025-10-10 handoff - Pacific Standard Time\n- 14:00 OPS-1 deployed\n",
                     "x.md")
    assert logs.events["at"].tolist() == [ts("2025-10-10 21:00")]


@pytest.mark.parametrize(("text", "want"), [
    ("01:30 Eastern Standard Time", "2025-11-02 06:30"),
    ("01:30 Eastern Daylight Time", "2025-11-02 05:30"),
    ("01:30 (Eastern Standard Time)", "2025-11-02 06:30"),
    ("01:30 Eastern Time", "2025-11-02 05:30"),
])
def test_a_spelled_out_season_picks_its_side_of_the_repeated_hour(text, want):
    assert [m.at for m in times.find_times(text, day=NOV2, tz="UTC")] == [utc(want)]


def test_a_spelled_out_season_keeps_its_side_in_the_log_order():
    logs = parse_log("# Log\nAll times in Eastern Time.\n\n## 2025-11-02\n"
                     "- 01:30 Eastern Standard Time OPS-1 a\n- 01:30 Eastern Daylight Time OPS-1 b\n", "x.md")
    assert logs.events["at"].tolist() == [ts("2025-11-02 06:30"), ts("2025-11-02 05:30")]


def test_british_summer_time_is_the_first_of_londons_repeated_hour():
    assert [m.at for m in times.find_times("01:30 British Summer Time", day=dt.date(2025, 10, 26),
                                           tz="UTC")] == [utc("2025-10-26 00:30")]
