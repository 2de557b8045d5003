"""Round 10 (dst): time resolution against the document's own zone and its clock changes.

F3 an abbreviation the declared zone itself uses is that zone's time ('14:00 CST' in a Shanghai log);
F1 the hour the clocks go back, read in file order; F2 a range that ends in the second such hour;
F5 a time the clocks skip is still read, with a problem row.
"""

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


def read(text: str, tz: str, day: dt.date) -> list[tuple]:
    """(raw, at, until, zone) of every mention, after checking find_times_many agrees."""
    found = times.find_times(text, day=day, tz=tz)
    assert times.find_times_many([text], [day], tz) == [found]
    return [(m.raw, m.at, m.until, m.zone) for m in found]


# ------------------------------------------------------------- F3: abbreviations of the declared zone

OCT10 = dt.date(2025, 10, 10)
OWN_ZONE_CASES = [
    ("Asia/Shanghai", "14:00 CST", "2025-10-10 06:00"),
    ("America/Phoenix", "14:00 MST", "2025-10-10 21:00"),
    ("America/Regina", "14:00 CST", "2025-10-10 20:00"),
    ("Europe/Dublin", "14:00 IST", "2025-10-10 13:00"),
    ("Australia/Brisbane", "07:30 AEST", "2025-10-09 21:30"),
]


@pytest.mark.parametrize(("zone", "written", "want"), OWN_ZONE_CASES)
def test_an_abbreviation_of_the_declared_zone_is_read_in_it(zone, written, want):
    assert read(written, zone, OCT10) == [(written, utc(want), None, zone)]


@pytest.mark.parametrize(("zone", "written", "want"), OWN_ZONE_CASES)
def test_the_log_reads_it_in_a_prose_declared_zone(zone, written, want):
    logs = parse_log(f"# Log\nAll times in {zone}.\n\n## 2025-10-10\n- {written} OPS-1 deployed\n", "x.md")
    assert logs.events["at"].tolist() == [ts(want)]


@pytest.mark.parametrize(("zone", "written", "want"), OWN_ZONE_CASES)
def test_the_log_reads_it_in_a_front_matter_zone(zone, written, want):
    logs = parse_log(f"---\ntz: {zone}\n---\n# Log\n\n## 2025-10-10\n- {written} OPS-1 deployed\n", "x.md")
    assert logs.events["at"].tolist() == [ts(want)]


@pytest.mark.parametrize(("written", "want"), [
    ("2025-10-10 14:00 CST", "2025-10-10 06:00"),
    ("Oct 10 14:00 CST", "2025-10-10 06:00"),
    ("1400 hrs CST", "2025-10-10 06:00"),
    ("noon CST", "2025-10-10 04:00"),
    ("14:00 (CST)", "2025-10-10 06:00"),
])
def test_every_way_of_writing_it_takes_the_declared_zone(written, want):
    assert [(m.at, m.zone) for m in times.find_times(written, day=OCT10, tz="Asia/Shanghai")] == [
        (utc(want), "Asia/Shanghai")]


def test_a_range_in_the_declared_zone_keeps_it_on_both_ends():
    assert read("14:00-15:00 CST", "Asia/Shanghai", OCT10) == [
        ("14:00-15:00 CST", utc("2025-10-10 06:00"), utc("2025-10-10 07:00"), "Asia/Shanghai")]


@pytest.mark.parametrize(("zone", "written", "day", "want", "label"), [
    # (an abbreviation the declared zone does not use keeps the table's zone)
    ("Asia/Shanghai", "14:00 EST", OCT10, "2025-10-10 18:00", "America/New_York"),
    ("UTC", "14:00 CST", OCT10, "2025-10-10 19:00", "America/Chicago"),
    ("Asia/Kolkata", "14:00 CST", OCT10, "2025-10-10 19:00", "America/Chicago"),
    # (GMT is UTC even where the zone names its winter so)
    ("Europe/London", "14:00 GMT", dt.date(2025, 7, 10), "2025-07-10 14:00", "UTC"),
    ("Europe/Dublin", "14:00 GMT", dt.date(2025, 7, 10), "2025-07-10 14:00", "UTC"),
    # (Israel Standard Time where the log is in Jerusalem; India's elsewhere)
    ("Asia/Jerusalem", "14:00 IST", dt.date(2025, 7, 10), "2025-07-10 11:00", "Asia/Jerusalem"),
    ("UTC", "14:00 IST", dt.date(2025, 7, 10), "2025-07-10 08:30", "Asia/Kolkata"),
])
def test_other_abbreviations_keep_their_mapping(zone, written, day, want, label):
    assert read(written, zone, day) == [(written, utc(want), None, label)]


def test_a_heading_time_takes_the_declared_zone():
    h = times.parse_heading("## 2025-10-10 14:00 CST deploy", tz="Asia/Shanghai")
    assert (h.at, h.zone) == (utc("2025-10-10 06:00"), "Asia/Shanghai")


# ------------------------------------------------------- F2: a range that ends in the repeated hour

NOV2 = dt.date(2025, 11, 2)
OCT26 = dt.date(2025, 10, 26)


@pytest.mark.parametrize("text", [
    "01:45\u201301:15 ET", "01:45\u201301:15", "01:45 - 01:15 ET", "01:45 ET - 01:15 ET",
    "01:45 to 01:15", "between 01:45 and 01:15 ET",
])
def test_a_range_back_into_the_repeated_hour_ends_the_same_night(text):
    assert [(m.at, m.until) for m in times.find_times(text, day=NOV2, tz="America/New_York")] == [
        (utc("2025-11-02 05:45"), utc("2025-11-02 06:15"))]
    assert times.find_times_many([text], [NOV2], "America/New_York") == [
        times.find_times(text, day=NOV2, tz="America/New_York")]


@pytest.mark.parametrize(("zone", "start", "end"), [
    ("Europe/London", "2025-10-26 00:45", "2025-10-26 01:15"),
    ("Europe/Berlin", "2025-10-26 00:45", "2025-10-26 01:15"),
])
def test_a_range_back_into_the_repeated_hour_in_europe(zone, start, end):
    text = "01:45\u201301:15" if zone == "Europe/London" else "02:45\u201302:15"
    assert [(m.at, m.until) for m in times.find_times(text, day=OCT26, tz=zone)] == [(utc(start), utc(end))]


@pytest.mark.parametrize(("text", "start", "end"), [
    # (an end before the repeated hour, or a start already in its second time, is the next day's)
    ("01:45\u201300:15 ET", "2025-11-02 05:45", "2025-11-03 05:15"),
    ("01:50-01:10 EST", "2025-11-02 06:50", "2025-11-03 06:10"),
    ("23:00-01:15", "2025-11-03 04:00", "2025-11-03 06:15"),
])
def test_other_ranges_past_the_start_still_end_the_next_day(text, start, end):
    assert [(m.at, m.until) for m in times.find_times(text, day=NOV2, tz="America/New_York")] == [
        (utc(start), utc(end))]


def test_the_log_ends_the_fall_back_range_the_same_night():
    logs = parse_log("# Log\nAll times in America/New_York.\n\n## 2025-11-02\n"
                     "- 01:45\u201301:15 ET OPS-1 outage\n", "x.md")
    assert (logs.events["at"].tolist(), logs.events["end_at"].tolist()) == (
        [ts("2025-11-02 05:45")], [ts("2025-11-02 06:15")])


# ---------------------------------------------------------- F1: the repeated hour, read in file order

def _section(zone: str, day: str, walls: list[str], suffix: str = "") -> str:
    lines = "".join(f"- {w}{suffix} OPS-{k} step {k}\n" for k, w in enumerate(walls, 1))
    return f"# Log\nAll times in {zone}.\n\n## {day}\n{lines}"


@pytest.mark.parametrize(("zone", "day", "walls", "want"), [
    ("America/New_York", "2025-11-02", ["00:50", "01:20", "01:55", "01:10", "01:40", "02:05"],
     ["04:50", "05:20", "05:55", "06:10", "06:40", "07:05"]),
    ("Europe/London", "2025-10-26", ["00:50", "01:20", "01:55", "01:10", "01:40", "02:05"],
     ["2025-10-25 23:50", "00:20", "00:55", "01:10", "01:40", "02:05"]),
    ("Europe/Berlin", "2025-10-26", ["01:50", "02:20", "02:55", "02:10", "02:40", "03:05"],
     ["2025-10-25 23:50", "00:20", "00:55", "01:10", "01:40", "02:05"]),
])
@pytest.mark.parametrize("suffix", ["", " ET"])
def test_an_earlier_wall_time_after_the_repeated_hour_is_its_second_time(zone, day, walls, want, suffix):
    if suffix and zone != "America/New_York":
        suffix = ""
    logs = parse_log(_section(zone, day, walls, suffix), "x.md")
    assert logs.events["at"].tolist() == [ts(w if " " in w else f"{day} {w}") for w in want]


def test_a_section_written_newest_first_is_read_from_its_end():
    walls = ["02:05", "01:40", "01:10", "01:55", "01:20", "00:50"]
    logs = parse_log(_section("America/New_York", "2025-11-02", walls), "x.md")
    assert logs.events["at"].tolist() == [ts(f"2025-11-02 {w}") for w in
                                          ["07:05", "06:40", "06:10", "05:55", "05:20", "04:50"]]


def test_a_written_side_of_the_hour_is_kept_and_sets_the_order():
    walls = ["01:20 EDT", "01:10 EST", "01:30 ET", "01:50 EDT"]
    logs = parse_log(_section("America/New_York", "2025-11-02", walls), "x.md")
    assert logs.events["at"].tolist() == [ts(f"2025-11-02 {w}") for w in ["05:20", "06:10", "06:30", "05:50"]]


def test_a_deadline_in_the_hour_does_not_move_the_times_after_it():
    logs = parse_log("# Log\nAll times in America/New_York.\n\n## 2025-11-02\n"
                     "- 01:10 OPS-1 paged, ETA 01:50\n- 01:20 OPS-1 rollback started\n", "x.md")
    assert logs.events["at"].tolist() == [ts("2025-11-02 05:10"), ts("2025-11-02 05:20")]
    assert logs.deadlines["due_at"].tolist() == [ts("2025-11-02 05:50")]


def test_an_eta_earlier_than_the_time_before_it_is_in_the_second_hour():
    logs = parse_log("# Log\nAll times in America/New_York.\n\n## 2025-11-02\n"
                     "- 01:55 OPS-1 paged, ETA 01:30\n", "x.md")
    assert logs.events["at"].tolist() == [ts("2025-11-02 05:55")]
    assert logs.deadlines["due_at"].tolist() == [ts("2025-11-02 06:30")]


def test_each_section_reads_its_own_order():
    logs = parse_log("# Log\nAll times in America/New_York.\n\n## 2025-11-02\n- 01:55 OPS-1 a\n"
                     "## 2025-11-02 later\n- 01:10 OPS-1 b\n", "x.md")
    assert logs.events["at"].tolist() == [ts("2025-11-02 05:55"), ts("2025-11-02 05:10")]


def test_a_range_moved_to_the_second_hour_keeps_its_end_after_it():
    logs = parse_log("# Log\nAll times in America/New_York.\n\n## 2025-11-02\n- 01:55 OPS-1 a\n"
                     "- 01:20\u201301:50 OPS-1 b\n", "x.md")
    assert logs.events["at"].tolist() == [ts("2025-11-02 05:55"), ts("2025-11-02 06:20")]
    assert logs.events["end_at"].tolist()[1] == ts("2025-11-02 06:50")


# ------------------------------------------------------------------ F5: a time the clocks skip

MAR9 = dt.date(2025, 3, 9)


@pytest.mark.parametrize(("text", "want"), [
    ("02:30 ET", [("02:30 ET", "2025-03-09 07:30", True)]),
    ("2:30 AM", [("2:30 AM", "2025-03-09 07:30", True)]),
    ("Mar 9 02:30 ET", [("Mar 9 02:30 ET", "2025-03-09 07:30", True)]),
    ("0230 hrs ET", [("0230 hrs ET", "2025-03-09 07:30", True)]),
    ("01:30, 02:30 ET", [("01:30", "2025-03-09 06:30", False), ("02:30 ET", "2025-03-09 07:30", True)]),
    ("01:30 ET", [("01:30 ET", "2025-03-09 06:30", False)]),
    ("03:30 ET", [("03:30 ET", "2025-03-09 07:30", False)]),
    ("02:30 UTC", [("02:30 UTC", "2025-03-09 02:30", False)]),
])
def test_a_skipped_wall_time_is_read_and_flagged(text, want):
    found = times.find_times(text, day=MAR9, tz="America/New_York")
    assert times.find_times_many([text], [MAR9], "America/New_York") == [found]
    assert [(m.raw, m.at, m.skipped) for m in found] == [(r, utc(a), s) for r, a, s in want]


def test_the_log_keeps_the_skipped_time_and_names_its_line():
    logs = parse_log("# Log\nAll times in America/New_York.\n\n## 2025-03-09\n- 01:50 OPS-1 paged\n"
                     "- 02:30 ET OPS-1 outage\n", "ops.md")
    assert logs.events["at"].tolist() == [ts("2025-03-09 06:50"), ts("2025-03-09 07:30")]
    assert logs.problems[["source", "line", "what", "token", "reason"]].values.tolist() == [[
        "ops.md", 6, "time", "02:30 ET",
        "time does not exist on 2025-03-09 in America/New_York (the clocks go ahead): read as 03:30 EDT",
    ]]


def test_a_skipped_time_in_europe_is_named_too():
    logs = parse_log("---\ntz: Europe/Berlin\n---\n## 2025-03-30\n- 02:30 OPS-1 outage\n", "ops.md")
    assert logs.events["at"].tolist() == [ts("2025-03-30 01:30")]
    assert logs.problems["reason"].tolist() == [
        "time does not exist on 2025-03-30 in Europe/Berlin (the clocks go ahead): read as 03:30 CEST"]


@pytest.mark.parametrize("text", [
    "---\ntz: Asia/Shanghai\n---\n## 2025-10-10 handoff (CST)\n- 14:00 OPS-1 deployed\n",
    "---\ntz: Asia/Shanghai\n---\n## 2025-10-10\n| Time (CST) | Event |\n|---|---|\n"
    "| 14:00 | OPS-1 deployed |\n",
])
def test_a_heading_or_table_zone_of_the_declared_zone_is_read_in_it(text):
    assert parse_log(text, "x.md").events["at"].tolist() == [ts("2025-10-10 06:00")]


def test_a_heading_zone_the_document_zone_does_not_use_keeps_its_mapping():
    logs = parse_log(
        "---\ntz: Asia/Shanghai\n---\n## 2025-10-10 handoff (EST)\n- 14:00 OPS-1 deployed\n", "x.md")
    assert logs.events["at"].tolist() == [ts("2025-10-10 18:00")]


@pytest.mark.parametrize("heading", ["## 2025-11-01 night shift (22:00\u201306:00)", "## 2025-11-01"])
def test_small_hours_rolled_to_the_fall_back_day_are_read_in_order(heading):
    logs = parse_log(f"# Log\nAll times in America/New_York.\n\n{heading}\n- 23:50 OPS-1 a\n- 01:20 OPS-1 b\n"
                     "- 01:55 OPS-1 c\n- 01:10 OPS-1 d\n", "x.md")
    assert logs.events["at"].tolist() == [
        ts("2025-11-02 03:50"), ts("2025-11-02 05:20"), ts("2025-11-02 05:55"), ts("2025-11-02 06:10")]


def test_two_times_of_one_item_are_read_in_order():
    logs = parse_log("# Log\nAll times in America/New_York.\n\n## 2025-11-02\n"
                     "- 01:55 OPS-1 paged; 01:10 rollback done\n", "x.md")
    assert logs.events["at"].tolist() == [ts("2025-11-02 05:55"), ts("2025-11-02 06:10")]
    assert logs.events["times"].tolist()[0] == [utc("2025-11-02 05:55"), utc("2025-11-02 06:10")]
