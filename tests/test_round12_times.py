"""Round 12 (session 13), times: a zone in brackets after an abbreviation, find_times through the
repeated hour, newest-first logs in the repeated hour, nested items' times."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from occ_lib import times
from occ_lib.logs import read_logs

OCT10 = dt.date(2025, 10, 10)
NOV2 = dt.date(2025, 11, 2)


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def utc(s: str) -> dt.datetime:
    return dt.datetime.fromisoformat(s).replace(tzinfo=dt.UTC)


def _read(text: str, day: dt.date = OCT10, tz: str | None = None) -> list[tuple]:
    found = times.find_times(text, day=day, tz=tz)
    return [(m.raw, m.at, m.zone, m.keyword, m.problem, m.zone_note) for m in found]


def _log(tmp_path: Path, body: str, name: str = "log.md") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


# ------------------------------------------------- 1: a zone in brackets after an abbreviation wins

@pytest.mark.parametrize(("text", "want"), [
    ("14:00 CST (China Standard Time) OPS-1", ("14:00 CST", utc("2025-10-10 06:00"), "Asia/Shanghai")),
    ("14:00 CST (UTC+8) OPS-2", ("14:00 CST", utc("2025-10-10 06:00"), "Asia/Shanghai")),
    ("14:00 CST (UTC + 8) OPS-2", ("14:00 CST", utc("2025-10-10 06:00"), "Asia/Shanghai")),
    ("14:00 IST (UTC+5:30) OPS-3", ("14:00 IST", utc("2025-10-10 08:30"), "Asia/Kolkata")),
    ("14:00 IST (UTC+1) OPS-3", ("14:00 IST", utc("2025-10-10 13:00"), "Europe/Dublin")),
    ("14:00 IST (UTC+3) OPS-3", ("14:00 IST", utc("2025-10-10 11:00"), "Asia/Jerusalem")),
    ("14:00 IST (Irish Standard Time) OPS-3", ("14:00 IST", utc("2025-10-10 13:00"), "Europe/Dublin")),
    ("14:00 BST (UTC+6) OPS-4", ("14:00 BST", utc("2025-10-10 08:00"), "Asia/Dhaka")),
    ("14:00 CET (GMT+2) OPS-5", ("14:00 CET", utc("2025-10-10 12:00"), "Europe/Paris")),
    ("14:00 ART (UTC-3) OPS-6", ("14:00 ART", utc("2025-10-10 17:00"), "America/Argentina/Buenos_Aires")),
    ("14:00 XDT (UTC-3) OPS-6", ("14:00 XDT", utc("2025-10-10 17:00"), "-03:00")),
    ("2025-10-10 14:00 IST (UTC+5:30)", ("2025-10-10 14:00 IST", utc("2025-10-10 08:30"), "Asia/Kolkata")),
    ("10/10 14:00 CST (UTC+8)", ("10/10 14:00 CST", utc("2025-10-10 06:00"), "Asia/Shanghai")),
])
def test_a_zone_in_brackets_says_which_abbreviation_is_meant(text, want):
    assert _read(text) == [(*want, None, None, None)]


def test_a_range_with_its_zone_explained_is_read_in_that_zone():
    [m] = times.find_times("09:00-10:00 CST (UTC+8)", day=OCT10)
    assert (m.raw, m.at, m.until, m.zone, m.zone_note) == (
        "09:00-10:00 CST", utc("2025-10-10 01:00"), utc("2025-10-10 02:00"), "Asia/Shanghai", None)


def test_a_contradicting_abbreviation_is_read_at_the_bracket_and_noted():
    assert _read("14:00 EST (UTC+8) OPS-7") == [(
        "14:00 EST", utc("2025-10-10 06:00"), "+08:00", None, None,
        "zone EST disagrees with the zone in brackets after it (+08:00): read as 14:00 +08:00")]
    assert _read("14:00 CST (Irish Standard Time)") == [(
        "14:00 CST", utc("2025-10-10 13:00"), "Europe/Dublin", None, None,
        "zone CST disagrees with the zone in brackets after it (Europe/Dublin): read as 14:00 Europe/Dublin")]


def test_a_keyword_after_the_bracket_is_the_times():
    assert _read("14:00 CST (UTC+8) ETA") == [
        ("14:00 CST", utc("2025-10-10 06:00"), "Asia/Shanghai", "ETA", None, None)]
    assert _read("ETA 14:00 CST (China Standard Time)") == [
        ("14:00 CST", utc("2025-10-10 06:00"), "Asia/Shanghai", "ETA", None, None)]


@pytest.mark.parametrize(("text", "want"), [
    # (a date in brackets is the time's date, as before; UTC needs no explaining)
    ("14:00 CST (Oct 11)",
     [("14:00 CST (Oct 11)", utc("2025-10-11 19:00"), "America/Chicago", None, None, None)]),
    ("14:00 UTC (GMT+1)", [("14:00 UTC", utc("2025-10-10 14:00"), "UTC", None, None, None)]),
    ("14:00 (UTC+8)", [("14:00 (UTC+8)", utc("2025-10-10 06:00"), "+08:00", None, None, None)]),
    ("14:00 CST (see OPS-1)", [("14:00 CST", utc("2025-10-10 19:00"), "America/Chicago", None, None, None)]),
])
def test_what_is_no_explanation_stays_as_it_was(text, want):
    assert _read(text) == want


def test_the_log_reader_reports_the_disagreement_naming_file_and_line(tmp_path):
    path = _log(tmp_path, "# Ops\n\n## 2025-10-10\n\n- 14:00 CST (UTC+8) OPS-2 deploy\n"
                          "- 14:00 EST (UTC+8) OPS-7 call\n")
    logs = read_logs([path])
    assert logs.events[["line", "at", "at_precision"]].to_dict("records") == [
        {"line": 5, "at": ts("2025-10-10 06:00"), "at_precision": "minute"},
        {"line": 6, "at": ts("2025-10-10 06:00"), "at_precision": "minute"},
    ]
    assert logs.problems.to_dict("records") == [{
        "source": str(path), "line": 6, "what": "time", "token": "14:00 EST",
        "reason": "zone EST disagrees with the zone in brackets after it (+08:00): read as 14:00 +08:00"}]


def test_the_cli_prints_the_explained_instant(tmp_path):
    path = _log(tmp_path, "# Ops\n\n## 2025-10-10\n\n- 14:00 CST (China Standard Time) OPS-1 deploy\n")
    out = subprocess.run([sys.executable, "-m", "occ_lib", "events", str(path), "--format", "jsonl"],
                         capture_output=True, text=True, check=True).stdout
    [row] = [json.loads(line) for line in out.splitlines()]
    assert (row["line"], row["at"], row["text"]) == (
        5, "2025-10-10T06:00:00Z", "14:00 CST (China Standard Time) OPS-1 deploy")


# ------------------------------------------------- 2: find_times reads the repeated hour in text order

@pytest.mark.parametrize(("text", "want"), [
    ("01:50 ET paged, 01:10 ET resolved", [utc("2025-11-02 05:50"), utc("2025-11-02 06:10")]),
    ("00:50 paged, 02:05 mitigated, 01:30 resolved",
     [utc("2025-11-02 04:50"), utc("2025-11-02 07:05"), utc("2025-11-02 06:30")]),
    # (the same wall time twice is one moment, as in the log reader; a written side keeps it)
    ("01:30 ET first, 01:30 ET again", [utc("2025-11-02 05:30"), utc("2025-11-02 05:30")]),
    ("01:50 paged, 01:10 EDT acked", [utc("2025-11-02 05:50"), utc("2025-11-02 05:10")]),
])
def test_find_times_reads_the_repeated_hour_in_text_order(text, want):
    assert [m.at for m in times.find_times(text, day=NOV2, tz="America/New_York")] == want


def test_find_times_agrees_with_the_log_reader_on_one_item(tmp_path):
    path = _log(tmp_path, "# Ops\nAll times in America/New_York.\n\n## 2025-11-02\n"
                          "- 01:50 OPS-1 paged, resolved 01:10\n")
    logs = read_logs([path])
    found = times.find_times("01:50 OPS-1 paged, resolved 01:10", day=NOV2, tz="America/New_York")
    # (one row per step, as the item tells two at their own times)
    assert logs.events["at"].tolist() == [m.at for m in found] == [
        ts("2025-11-02 05:50"), ts("2025-11-02 06:10")]


# ------------------------------------------------- 3: newest-first logs in the repeated hour

NEWEST_FIRST = """\
---
tz: America/New_York
---
# Incident log

## 2025-11-03
- 09:00 OPS-1 postmortem scheduled

## 2025-11-02
- 01:15 OPS-1 resolved
- 01:50 OPS-1 mitigated
- 01:20 OPS-1 paged

## 2025-11-01
- 10:00 OPS-0 deploy
"""


def test_a_newest_first_log_reads_a_section_all_in_the_repeated_hour_from_its_end(tmp_path):
    logs = read_logs([_log(tmp_path, NEWEST_FIRST)])
    assert logs.events[["line", "at"]].to_dict("records") == [
        {"line": 7, "at": ts("2025-11-03 14:00")},
        {"line": 10, "at": ts("2025-11-02 06:15")},  # (the second 01:15: after 01:50 EDT)
        {"line": 11, "at": ts("2025-11-02 05:50")},
        {"line": 12, "at": ts("2025-11-02 05:20")},
        {"line": 15, "at": ts("2025-11-01 14:00")},
    ]


def test_an_oldest_first_log_reads_such_a_section_in_file_order(tmp_path):
    body = ("---\ntz: America/New_York\n---\n# Incident log\n\n## 2025-11-01\n- 10:00 OPS-0 deploy\n\n"
            "## 2025-11-02\n- 01:20 OPS-1 paged\n- 01:50 OPS-1 mitigated\n- 01:15 OPS-1 resolved\n")
    logs = read_logs([_log(tmp_path, body)])
    assert logs.events["at"].tolist() == [
        ts("2025-11-01 14:00"), ts("2025-11-02 05:20"), ts("2025-11-02 05:50"), ts("2025-11-02 06:15")]


# ------------------------------------------------- 4: a nested item takes its parent's time

NESTED = """\
# Log

## 2025-10-10 08:00

- 09:05 OPS-1 paged
  - vendor looped in
    - still waiting
  - 09:30 vendor replied
    - ack from vendor
- OPS-2 no time
  - child of an item without a time
- 2025-10-09 OPS-3 dated only
  - child of a dated item

## 2025-10-11

- OPS-4 no time
"""


def test_a_nested_item_without_a_time_takes_its_parents(tmp_path):
    logs = read_logs([_log(tmp_path, NESTED)])
    assert logs.events[["line", "at", "at_precision"]].to_dict("records") == [
        {"line": 5, "at": ts("2025-10-10 09:05"), "at_precision": "minute"},
        {"line": 6, "at": ts("2025-10-10 09:05"), "at_precision": "minute"},
        {"line": 7, "at": ts("2025-10-10 09:05"), "at_precision": "minute"},
        {"line": 8, "at": ts("2025-10-10 09:30"), "at_precision": "minute"},
        {"line": 9, "at": ts("2025-10-10 09:30"), "at_precision": "minute"},
        {"line": 10, "at": ts("2025-10-10 08:00"), "at_precision": "minute"},  # (the section's time)
        {"line": 11, "at": ts("2025-10-10 08:00"), "at_precision": "minute"},
        {"line": 12, "at": ts("2025-10-09"), "at_precision": "day"},
        {"line": 13, "at": ts("2025-10-09"), "at_precision": "day"},
        {"line": 17, "at": ts("2025-10-11"), "at_precision": "day"},
    ]


def test_an_empty_bullet_ends_what_its_children_inherit_time_and_tickets_alike(tmp_path):
    body = "# Log\n\n## 2025-10-10\n\n- 09:05 OPS-1 paged\n  -\n    - vendor looped in\n  - vendor acked\n"
    logs = read_logs([_log(tmp_path, body)])
    assert logs.events[["line", "at", "at_precision", "tickets"]].to_dict("records") == [
        {"line": 5, "at": ts("2025-10-10 09:05"), "at_precision": "minute", "tickets": ["OPS-1"]},
        {"line": 7, "at": ts("2025-10-10"), "at_precision": "day", "tickets": []},  # (past the empty bullet)
        {"line": 8, "at": ts("2025-10-10 09:05"), "at_precision": "minute", "tickets": ["OPS-1"]},
    ]


def test_a_nested_items_relative_deadline_counts_from_its_parents_time(tmp_path):
    body = "# Log\n\n## 2025-10-10\n\n- 09:05 OPS-1 paged\n  - vendor says ETA 30 min\n"
    logs = read_logs([_log(tmp_path, body)])
    assert logs.deadlines[["line", "due_at", "due_precision"]].to_dict("records") == [
        {"line": 6, "due_at": ts("2025-10-10 09:35"), "due_precision": "minute"}]


@pytest.mark.parametrize(("text", "zone"), [
    ("All times in CST (UTC+8).", "Asia/Shanghai"),
    ("All times in IST (UTC+1).", "Europe/Dublin"),
    ("All times in BST (UTC+6)", "Asia/Dhaka"),
    ("All times in EST (UTC+8).", "+08:00"),
    # (an offset the zone has in some season leaves the named zone, whose daylight saving follows the date)
    ("All times in PDT (UTC-7).", "America/Los_Angeles"),
    ("All times in CET (UTC+2).", "Europe/Paris"),
    ("All times in IST (UTC+5:30).", "Asia/Kolkata"),
])
def test_a_declared_abbreviation_with_an_offset_it_never_has_takes_the_offsets_zone(text, zone):
    assert times.declared_zone(text) == zone


def test_a_log_declared_in_cst_utc8_reads_its_times_in_china(tmp_path):
    path = _log(tmp_path, "# Ops\nAll times in CST (UTC+8).\n\n## 2025-10-10\n- 14:00 OPS-1 deploy\n")
    logs = read_logs([path])
    assert (logs.docs["tz"].tolist(), logs.events["at"].tolist()) == (
        ["Asia/Shanghai"], [ts("2025-10-10 06:00")])
