"""Round 12 (miss): a miss admitted next to a new ETA that is still ahead at the item's time.

- E1: '10:00 UTC OPS-1 missed again — ETA 17:00 UTC' admits an earlier promise's miss: 17:00 is not
  missed (judged when due), and the admission is a deadline row with no due time, stated missed, which
  sla gives to OPS-1's latest deadline due by 10:00 ('ETA 09:00 UTC' written before), else a row of its own.
- E2: a deadline past at the item's time keeps the miss alone ('10:00 ETA 09:30; missed; ETA 17:00').
- E3: unchanged: a deadline before the item's time ('17:30 UTC DEP-12 missed 17:00'), one named as
  missed ('missed the 10:30 update') or as the old one ('was Oct 24, slipped'), a miss written on the
  deadline, after it or right before it ('ETA 17:00 slipped', 'ETA 17:00 is late', 'ETA 19:00; missed',
  'blew the 17:00 ETA'), a date-only deadline on the item's day ('ETA today'), and an item known only
  to its day.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from occ_lib.cli import app
from occ_lib.logs import read_logs
from tests.log_rows import deadline_rows

LOG = (
    "# Ops log\n\n## 2025-10-09\n\n"
    "- 08:00 UTC OPS-1 deploy started, ETA 09:00 UTC\n"
    "- 10:00 UTC OPS-1 missed again \u2014 ETA 17:00 UTC\n"
    "- 10:05 UTC OPS-2 missed again \u2014 ETA 17:00 UTC\n"
    "- 17:30 UTC DEP-12 missed 17:00\n"
)
TEXT6 = "10:00 UTC OPS-1 missed again \u2014 ETA 17:00 UTC"
TEXT7 = "10:05 UTC OPS-2 missed again \u2014 ETA 17:00 UTC"


def _rows(path) -> list[list]:
    return deadline_rows(read_logs(str(path)).deadlines)


def _one(tmp_path, body: str) -> list[list]:
    log = tmp_path / "ops.md"
    log.write_text(body, encoding="utf-8")
    return _rows(log)


# --- E1 ----------------------------------------------------------------------------------------------


def test_the_new_eta_is_not_missed_and_the_admission_has_no_due_time(tmp_path):
    log = tmp_path / "ops.md"
    log.write_text(LOG, encoding="utf-8")
    result = CliRunner().invoke(app, ["deadlines", str(log), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    keys = ("line", "tickets", "due_at", "due_precision", "keyword", "stated_missed", "text")
    assert [{k: json.loads(x)[k] for k in keys} for x in result.output.splitlines()] == [
        {"line": 5, "tickets": ["OPS-1"], "due_at": "2025-10-09T09:00:00Z", "due_precision": "minute",
         "keyword": "ETA", "stated_missed": False, "text": "08:00 UTC OPS-1 deploy started, ETA 09:00 UTC"},
        {"line": 6, "tickets": ["OPS-1"], "due_at": "2025-10-09T17:00:00Z", "due_precision": "minute",
         "keyword": "ETA", "stated_missed": False, "text": TEXT6},
        {"line": 6, "tickets": ["OPS-1"], "due_at": None, "due_precision": None,
         "keyword": "missed", "stated_missed": True, "text": TEXT6},
        {"line": 7, "tickets": ["OPS-2"], "due_at": "2025-10-09T17:00:00Z", "due_precision": "minute",
         "keyword": "ETA", "stated_missed": False, "text": TEXT7},
        {"line": 7, "tickets": ["OPS-2"], "due_at": None, "due_precision": None,
         "keyword": "missed", "stated_missed": True, "text": TEXT7},
        {"line": 8, "tickets": ["DEP-12"], "due_at": "2025-10-09T17:00:00Z", "due_precision": "minute",
         "keyword": "missed", "stated_missed": True, "text": "17:30 UTC DEP-12 missed 17:00"},
    ]


def test_sla_gives_the_admission_to_the_eta_due_by_then_or_a_row_of_its_own(tmp_path, monkeypatch):
    (tmp_path / "ops.md").write_text(LOG + "- 16:00 UTC OPS-1 resolved\n", encoding="utf-8")
    (tmp_path / "occ.yml").write_text("logs: [ops.md]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [
        "sla", "--config", "occ.yml", "--week", "2025-W41", "--as-of", "2025-10-13T00:00Z",
        "--format", "jsonl",
    ])
    assert result.exit_code == 0, result.output
    keys = ("subject", "due_at", "resolved_at", "status", "overage_min", "line", "mentions")
    rows = [json.loads(x) for x in result.output.splitlines()]
    assert [{k: r[k] for k in keys} for r in rows if r["kind"] == "deadline"] == [
        # 09:00 missed, as OPS-1's line 6 says; 17:00 met by the 16:00 resolution
        {"subject": "OPS-1", "due_at": "2025-10-09T09:00:00Z", "resolved_at": "2025-10-09T16:00:00Z",
         "status": "missed", "overage_min": 420.0, "line": 6, "mentions": ["ops.md:5", "ops.md:6"]},
        {"subject": "DEP-12", "due_at": "2025-10-09T17:00:00Z", "resolved_at": None,
         "status": "missed", "overage_min": 4740.0, "line": 8, "mentions": ["ops.md:8"]},
        {"subject": "OPS-1", "due_at": "2025-10-09T17:00:00Z", "resolved_at": "2025-10-09T16:00:00Z",
         "status": "met", "overage_min": 0.0, "line": 6, "mentions": ["ops.md:6"]},
        # OPS-2: no deadline due by 10:05, so the admission is a row of its own; 17:00 judged when due
        {"subject": "OPS-2", "due_at": "2025-10-09T17:00:00Z", "resolved_at": None,
         "status": "missed", "overage_min": 4740.0, "line": 7, "mentions": ["ops.md:7"]},
        {"subject": "OPS-2", "due_at": None, "resolved_at": None,
         "status": "missed", "overage_min": None, "line": 7, "mentions": ["ops.md:7"]},
    ]
    assert [r["detail"] for r in rows if r["subject"] == "OPS-2" and r["due_at"] is None] == [
        "due time not written; stated missed in the text (no overage); 'missed' in \"" + TEXT7 + '"'
    ]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- 10:00 UTC OPS-1 deadline missed; ETA Oct 10",  # (a date after the item's day)
         [[3, ["OPS-1"], "10-10 00:00", "ETA", False], [3, ["OPS-1"], None, "missed", True]]),
        ("- 10:00 UTC OPS-1 missed again. ETA 17:00 UTC",
         [[3, ["OPS-1"], "10-09 17:00", "ETA", False], [3, ["OPS-1"], None, "missed", True]]),
        ("- 10:00 UTC OPS-1 Missed: ETA 17:00",
         [[3, ["OPS-1"], "10-09 17:00", "ETA", False], [3, ["OPS-1"], None, "missed", True]]),
        # (a renewal in the item: the superseded 17:00, not missed now, is dropped as any such)
        ("- 10:00 UTC OPS-1 missed; ETA 17:00; new ETA 19:00",
         [[3, ["OPS-1"], "10-09 19:00", "ETA", False], [3, ["OPS-1"], None, "missed", True]]),
        # (a time read as a promise's: the next 00:30, still ahead)
        ("- 23:50 UTC OPS-1 missed again \u2014 ETA 00:30 UTC",
         [[3, ["OPS-1"], "10-10 00:30", "ETA", False], [3, ["OPS-1"], None, "missed", True]]),
        ("- 10:00 UTC OPS-1 missed again \u2014 ETA 17:00 UTC, see OPS-77",
         [[3, ["OPS-1"], "10-09 17:00", "ETA", False], [3, ["OPS-1"], None, "missed", True]]),
    ],
)
def test_a_miss_admitted_before_a_deadline_still_ahead_is_an_earlier_promises(tmp_path, item, expected):
    assert _one(tmp_path, "# Ops\n## 2025-10-09\n" + item + "\n") == expected


def test_a_heading_time_or_the_documents_zone_tells_ahead(tmp_path):
    heading = "# Ops\n## 2025-10-09\n### 10:00 UTC\n- OPS-1 missed again \u2014 ETA 17:00 UTC\n"
    assert _one(tmp_path, heading) == [
        [4, ["OPS-1"], "10-09 17:00", "ETA", False], [4, ["OPS-1"], None, "missed", True]
    ]
    zoned = "---\ntz: America/New_York\n---\n# Ops\n## 2025-10-09\n- {} OPS-1 missed again \u2014 ETA 17:00\n"
    assert _one(tmp_path, zoned.format("10:00")) == [
        [6, ["OPS-1"], "10-09 21:00", "ETA", False], [6, ["OPS-1"], None, "missed", True]
    ]
    assert _one(tmp_path, zoned.format("18:00")) == [[6, ["OPS-1"], "10-09 21:00", "ETA", True]]


def test_the_undated_row_keeps_the_refs_out(tmp_path):
    log = tmp_path / "ops.md"
    log.write_text("# Ops\n## 2025-10-09\n- 10:00 UTC OPS-1 missed again \u2014 ETA 17:00 UTC, see OPS-77\n")
    d = read_logs(str(log)).deadlines
    assert [[list(t), list(r)] for t, r in zip(d["tickets"], d["refs"], strict=True)] == [
        [["OPS-1"], ["OPS-77"]], [["OPS-1"], ["OPS-77"]]
    ]


# --- E2 ----------------------------------------------------------------------------------------------


def test_a_deadline_past_at_the_items_time_keeps_the_miss_alone(tmp_path):
    assert _one(tmp_path, "# Ops\n## 2025-10-09\n- 10:00 UTC OPS-8 ETA 09:30; missed; ETA 17:00\n") == [
        [3, ["OPS-8"], "10-09 09:30", "ETA", True], [3, ["OPS-8"], "10-09 17:00", "ETA", False]
    ]


# --- E3: near misses, as before ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- 17:30 UTC DEP-12 missed 17:00", [[3, ["DEP-12"], "10-09 17:00", "missed", True]]),
        ("- 18:00 UTC OPS-6 missed again \u2014 ETA 17:00 UTC", [[3, ["OPS-6"], "10-09 17:00", "ETA", True]]),
        ("- 10:00 UTC OPS-6 ETA 11:15 (missed the 10:30 update)",
         [[3, ["OPS-6"], "10-09 11:15", "ETA", False], [3, ["OPS-6"], "10-09 10:30", "missed", True]]),
        ("- 10:00 UTC OPS-7 ETA Oct 31 (was Oct 24, slipped)",
         [[3, ["OPS-7"], "10-31 00:00", "ETA", False], [3, ["OPS-7"], "10-24 00:00", "ETA", True]]),
        ("- 10:00 UTC OPS-3 ETA 17:00 slipped", [[3, ["OPS-3"], "10-09 17:00", "ETA", True]]),
        ("- 10:00 UTC OPS-3 ETA 17:00 is late", [[3, ["OPS-3"], "10-09 17:00", "ETA", True]]),
        ("- 10:00 UTC OPS-3 ETA 19:00; missed", [[3, ["OPS-3"], "10-09 19:00", "ETA", True]]),
        ("- 10:00 UTC OPS-3 blew the 17:00 ETA", [[3, ["OPS-3"], "10-09 17:00", "ETA", True]]),
        ("- 10:00 UTC OPS-4 slipped, ETA today", [[3, ["OPS-4"], "10-09 00:00", "ETA", True]]),
        ("- OPS-5 missed again \u2014 ETA 17:00 UTC", [[3, ["OPS-5"], "10-09 17:00", "ETA", True]]),
        # (the work behind, not a promise missed: no admission, as before)
        ("- 10:00 UTC OPS-9 export overdue, ETA 17:00", [[3, ["OPS-9"], "10-09 17:00", "ETA", False]]),
    ],
)
def test_misses_written_on_the_deadline_or_before_the_items_time_stay(tmp_path, item, expected):
    assert _one(tmp_path, "# Ops\n## 2025-10-09\n" + item + "\n") == expected
