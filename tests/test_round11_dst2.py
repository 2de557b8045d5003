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


# --------------------------------------------- F1: a time after the repeated hour, then one in it

def _section(zone: str, day: str, walls: list[str]) -> str:
    lines = "".join(f"- {w} OPS-{k} step {k}\n" for k, w in enumerate(walls, 1))
    return f"# Log\nAll times in {zone}.\n\n## {day}\n{lines}"


@pytest.mark.parametrize(("zone", "day", "walls", "want"), [
    ("America/New_York", "2025-11-02", ["00:50", "01:20", "02:05", "01:30"],
     ["2025-11-02 04:50", "2025-11-02 05:20", "2025-11-02 07:05", "2025-11-02 06:30"]),
    ("America/New_York", "2025-11-02", ["00:50", "01:20", "02:05", "01:30", "01:40"],
     ["2025-11-02 04:50", "2025-11-02 05:20", "2025-11-02 07:05", "2025-11-02 06:30", "2025-11-02 06:40"]),
    ("America/New_York", "2025-11-02", ["00:50", "09:00", "01:30"],
     ["2025-11-02 04:50", "2025-11-02 14:00", "2025-11-02 06:30"]),
    ("Europe/London", "2025-10-26", ["00:50", "02:05", "01:30"],
     ["2025-10-25 23:50", "2025-10-26 02:05", "2025-10-26 01:30"]),
    ("Europe/Berlin", "2025-10-26", ["01:50", "03:05", "02:30"],
     ["2025-10-25 23:50", "2025-10-26 02:05", "2025-10-26 01:30"]),
    ("Australia/Sydney", "2025-04-06", ["01:50", "03:05", "02:30"],
     ["2025-04-05 14:50", "2025-04-05 17:05", "2025-04-05 16:30"]),
    # (the day after, 01:30 happens once: nothing to move)
    ("America/New_York", "2025-11-03", ["00:50", "02:05", "01:30"],
     ["2025-11-03 05:50", "2025-11-03 07:05", "2025-11-03 06:30"]),
])
def test_a_repeated_hour_time_after_one_past_it_is_its_second_time(zone, day, walls, want):
    logs = parse_log(_section(zone, day, walls), "x.md")
    assert logs.events["at"].tolist() == [ts(w) for w in want]


def test_a_written_side_still_wins_after_the_hour():
    logs = parse_log(_section("America/New_York", "2025-11-02", ["00:50", "02:05", "01:30 EDT"]), "x.md")
    assert logs.events["at"].tolist() == [
        ts("2025-11-02 04:50"), ts("2025-11-02 07:05"), ts("2025-11-02 05:30")]


def test_a_newest_first_section_keeps_its_reading():
    logs = parse_log(_section("America/New_York", "2025-11-02", ["02:05", "01:30", "00:50"]), "x.md")
    assert logs.events["at"].tolist() == [
        ts("2025-11-02 07:05"), ts("2025-11-02 05:30"), ts("2025-11-02 04:50")]
    logs = parse_log(_section("America/New_York", "2025-11-02", ["03:00", "01:30", "02:10", "00:40"]), "x.md")
    assert logs.events["at"].tolist() == [
        ts("2025-11-02 08:00"), ts("2025-11-02 05:30"), ts("2025-11-02 07:10"), ts("2025-11-02 04:40")]


def test_a_deadline_past_the_hour_does_not_move_the_times_after_it():
    logs = parse_log("# Log\nAll times in America/New_York.\n\n## 2025-11-02\n"
                     "- 01:10 OPS-1 paged, ETA 02:30\n- 01:30 OPS-1 rollback started\n", "x.md")
    assert logs.events["at"].tolist() == [ts("2025-11-02 05:10"), ts("2025-11-02 05:30")]
    assert logs.deadlines["due_at"].tolist() == [ts("2025-11-02 07:30")]


def test_second_in_order_read_backwards_does_not_count_a_time_past_the_hour():
    tz = times.zone_named("America/New_York")
    after, inside = (times.find_times(t, day=NOV2, tz="America/New_York")[0] for t in ("02:05", "01:30"))
    seen: dict = {}
    times.second_in_order(after, tz, seen, forward=False)
    assert times.second_in_order(inside, tz, seen, forward=False).at == utc("2025-11-02 05:30")
    seen = {}
    times.second_in_order(after, tz, seen)
    assert times.second_in_order(inside, tz, seen).at == utc("2025-11-02 06:30")


@pytest.mark.parametrize(("text", "zone"), [
    ("All times in CST (China Standard Time).", "Asia/Shanghai"),
    ("All times in IST (Irish Standard Time).", "Europe/Dublin"),
    ("Times: CST (China Standard Time)", "Asia/Shanghai"),
    ("All times in China Standard Time (CST).", "Asia/Shanghai"),
    ("Time zone: China Standard Time (UTC+8)", "Asia/Shanghai"),
    ("All times in ET (Some Other Time)", "America/New_York"),
])
def test_a_spelled_out_zone_in_brackets_says_which_abbreviation_is_meant(text, zone):
    assert times.declared_zone(text) == zone


def test_the_log_reads_cst_in_a_bracketed_chinese_declaration():
    logs = parse_log("# Log\nAll times in CST (China Standard Time).\n\n## 2025-10-10\n- 14:00 OPS-1 a\n"
                     "- 15:00 CST OPS-1 b\n", "x.md")
    assert logs.events["at"].tolist() == [ts("2025-10-10 06:00"), ts("2025-10-10 07:00")]
