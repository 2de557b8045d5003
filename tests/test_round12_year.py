"""Round 12 (year): year-less dates in items with no day, and reported promises.

- Y1: items above a log's first dated heading (a tracker table at the top) have no day: a year-less
  date there ('10/7 16:00 UTC', 'Oct 10') takes the year nearest the full date the item writes itself
  (its Due cell's '2025-10-07'), else the last date an earlier item wrote, else the date of the
  document's first dated section. The year only: 'new ETA Fri' there stays a problem.
  Was: 'date without a year' problems, rows with no time, DEP-11's deadline 'not resolved'.
- P1: a time right after says/said/expects/promised/committed to is a reported promise, a deadline
  (keyword 'says'...): '@ben says Fri noon' written on Thursday 2025-10-09 is due Friday 10-10 12:00,
  not a follow-up step on the Friday before; one due before the item's time is the next day's.
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from occ_lib.cli import app
from occ_lib.logs import parse_log
from occ_lib.times import find_times_many

DEP = (
    "# Deployment status \u2014 W41\n"
    "\n"
    "| Ticket | Owner | Status | Due | Notes |\n"
    "|---|---|---|---|---|\n"
    "| DEP-11 | ana | Done | 2025-10-07 | shipped 10/7 16:00 UTC |\n"
    "| DEP-12 | ben | In progress | 2025-10-09 17:00 UTC | slipped, new ETA Fri |\n"
    "| DEP-13 | cy | Blocked | Oct 10 | waiting on SEC-4 |\n"
    "\n"
    "## 2025-10-09\n"
    "- 17:30 UTC DEP-12 missed 17:00; @ben says Fri noon. Pinged his lead.\n"
)
ROW11 = "DEP-11 | ana | Done | 2025-10-07 | shipped 10/7 16:00 UTC"
ROW12 = "DEP-12 | ben | In progress | 2025-10-09 17:00 UTC | slipped, new ETA Fri"
ROW13 = "DEP-13 | cy | Blocked | Oct 10 | waiting on SEC-4"
ITEM = "17:30 UTC DEP-12 missed 17:00; @ben says Fri noon. Pinged his lead."


def _ts(value) -> str | None:
    return None if pd.isna(value) else value.strftime("%Y-%m-%d %H:%M")


def events(text: str) -> list[list]:
    ev = parse_log(text, "x.md").events
    return [[line, _ts(at), kind, list(t)]
            for line, at, kind, t in zip(ev["line"], ev["at"], ev["kind"], ev["tickets"], strict=True)]


def deadlines(text: str) -> list[list]:
    dl = parse_log(text, "x.md").deadlines
    return [
        [line, list(t), _ts(d), p, kw, bool(m)]
        for line, t, d, p, kw, m in zip(dl["line"], dl["tickets"], dl["due_at"], dl["due_precision"],
                                        dl["keyword"], dl["stated_missed"], strict=True)
    ]


def problems(text: str) -> list[list]:
    pr = parse_log(text, "x.md").problems
    return [[int(line), what, token, reason]
            for line, what, token, reason in zip(pr["line"], pr["what"], pr["token"], pr["reason"],
                                                 strict=True)]


def cli(args: list[str]):
    result = CliRunner().invoke(app, args)
    return result.exit_code, result.stdout, result.stderr


# --- Y1 + P1: the brief's file through the CLI ----------------------------------------------------


def test_the_tracker_table_rows_take_their_year_and_the_promise_is_a_deadline(tmp_path):
    log = tmp_path / "dep.md"
    log.write_text(DEP, encoding="utf-8")
    code, out, err = cli(["events", str(log), "--format", "jsonl"])
    assert code == 0, err
    rows = [json.loads(x) for x in out.splitlines()]
    keys = ("line", "section", "at", "at_precision", "kind", "level", "tickets", "refs", "text")
    assert [{k: r[k] for k in keys} for r in rows] == [
        {"line": 5, "section": None, "at": "2025-10-07T16:00:00Z", "at_precision": "minute",
         "kind": "resolved", "level": 0, "tickets": ["DEP-11"], "refs": [], "text": ROW11},
        {"line": 6, "section": None, "at": None, "at_precision": None,
         "kind": "deadline", "level": 0, "tickets": ["DEP-12"], "refs": [], "text": ROW12},
        {"line": 7, "section": None, "at": None, "at_precision": None,
         "kind": "blocked", "level": 0, "tickets": ["DEP-13"], "refs": ["SEC-4"], "text": ROW13},
        {"line": 10, "section": "2025-10-09", "at": "2025-10-09T17:30:00Z", "at_precision": "minute",
         "kind": "escalation", "level": 2, "tickets": ["DEP-12"], "refs": [], "text": ITEM},
    ]
    # the relative weekday of a row with no day stays a problem (the year only is borrowed)
    assert err.splitlines() == [f"occ: {log}:6: relative day without a date (Fri)"]


def test_the_tracker_table_deadlines(tmp_path):
    log = tmp_path / "dep.md"
    log.write_text(DEP, encoding="utf-8")
    code, out, err = cli(["deadlines", str(log), "--format", "jsonl"])
    assert code == 0, err
    rows = [json.loads(x) for x in out.splitlines()]
    keys = ("line", "tickets", "due_at", "due_precision", "keyword", "stated_missed", "text")
    assert [{k: r[k] for k in keys} for r in rows] == [
        {"line": 5, "tickets": ["DEP-11"], "due_at": "2025-10-07T00:00:00Z", "due_precision": "day",
         "keyword": "due", "stated_missed": False, "text": ROW11},
        {"line": 6, "tickets": ["DEP-12"], "due_at": "2025-10-09T17:00:00Z", "due_precision": "minute",
         "keyword": "due", "stated_missed": True, "text": ROW12},
        {"line": 7, "tickets": ["DEP-13"], "due_at": "2025-10-10T00:00:00Z", "due_precision": "day",
         "keyword": "due", "stated_missed": False, "text": ROW13},
        {"line": 10, "tickets": ["DEP-12"], "due_at": "2025-10-09T17:00:00Z", "due_precision": "minute",
         "keyword": "missed", "stated_missed": True, "text": ITEM},
        {"line": 10, "tickets": ["DEP-12"], "due_at": "2025-10-10T12:00:00Z", "due_precision": "minute",
         "keyword": "says", "stated_missed": False, "text": ITEM},
    ]


def test_the_sla_table_finds_dep_11_met(tmp_path):
    (tmp_path / "dep.md").write_text(DEP, encoding="utf-8")
    (tmp_path / "occ.yml").write_text("logs: [dep.md]\n", encoding="utf-8")
    code, out, err = cli(["sla", "--config", str(tmp_path / "occ.yml"), "--week", "2025-W41",
                          "--as-of", "2025-10-13T00:00Z", "--format", "jsonl"])
    assert code == 0, err
    rows = [json.loads(x) for x in out.splitlines()]
    for r in rows:
        r["mentions"] = [m.rsplit("/", 1)[-1] for m in r["mentions"]]
    keys = ("subject", "due_at", "resolved_at", "status", "overage_min", "line", "mentions")
    assert [{k: r[k] for k in keys} for r in rows if r["kind"] == "deadline"] == [
        {"subject": "DEP-11", "due_at": "2025-10-08T00:00:00Z", "resolved_at": "2025-10-07T16:00:00Z",
         "status": "met", "overage_min": 0.0, "line": 5, "mentions": ["dep.md:5"]},
        {"subject": "DEP-12", "due_at": "2025-10-09T17:00:00Z", "resolved_at": None,
         "status": "missed", "overage_min": 4740.0, "line": 6, "mentions": ["dep.md:6", "dep.md:10"]},
        {"subject": "DEP-12", "due_at": "2025-10-10T12:00:00Z", "resolved_at": None,
         "status": "missed", "overage_min": 3600.0, "line": 10, "mentions": ["dep.md:10"]},
        {"subject": "DEP-13", "due_at": "2025-10-11T00:00:00Z", "resolved_at": None,
         "status": "missed", "overage_min": 2880.0, "line": 7, "mentions": ["dep.md:7"]},
    ]


# --- Y1: which date a day-less item's year comes from ---------------------------------------------


def test_the_items_own_full_date_comes_before_the_documents():
    # (read against the first section, 2025-03-01, '6/2 10:00' would be no date: over two months away)
    text = (
        "# Tracker\n\n| Ticket | Due | Notes |\n|---|---|---|\n"
        "| OPS-1 | 2024-06-01 | shipped 6/2 10:00 UTC |\n"
        "\n## 2025-03-01\n- 09:00 OPS-2 note\n"
    )
    assert events(text) == [
        [5, "2024-06-02 10:00", "resolved", ["OPS-1"]], [8, "2025-03-01 09:00", "note", ["OPS-2"]],
    ]
    assert deadlines(text) == [[5, ["OPS-1"], "2024-06-01 00:00", "day", "due", False]]
    assert problems(text) == []


def test_the_first_dated_section_gives_the_year_across_new_year():
    text = (
        "# T\n\n- OPS-1 due Dec 30\n- OPS-3 ETA Fri\n- OPS-4 deployed Dec 29 14:00 UTC\n"
        "\n## 2026-01-02\n- 09:00 OPS-2 note\n"
    )
    assert events(text) == [
        [3, None, "deadline", ["OPS-1"]], [4, None, "note", ["OPS-3"]],
        [5, "2025-12-29 14:00", "note", ["OPS-4"]], [8, "2026-01-02 09:00", "note", ["OPS-2"]],
    ]
    assert deadlines(text) == [[3, ["OPS-1"], "2025-12-30 00:00", "day", "due", False]]
    assert problems(text) == [[4, "time", "Fri", "relative day without a date"]]


def test_an_earlier_items_date_comes_before_the_first_dated_section():
    text = (
        "# T\n\n- OPS-1 shipped 2025-10-07 09:00 UTC\n- OPS-2 due Oct 10\n"
        "\n## 2026-05-01\n- 09:00 OPS-2 note\n"
    )
    assert deadlines(text) == [[4, ["OPS-2"], "2025-10-10 00:00", "day", "due", False]]
    assert problems(text) == []


def test_a_document_that_writes_no_year_still_says_so():
    text = "# T\n\n- OPS-1 due Oct 10\n- OPS-2 shipped Oct 9 14:00 UTC\n"
    assert events(text) == [[3, None, "note", ["OPS-1"]], [4, None, "resolved", ["OPS-2"]]]
    assert deadlines(text) == []
    assert problems(text) == [
        [3, "time", "Oct 10", "date without a year Oct 10"],
        [4, "time", "Oct 9 14:00 UTC", "date without a year Oct 9"],
    ]


def test_find_times_many_takes_the_documents_year_for_texts_with_no_day():
    texts = ["OPS-1 due Oct 10", "OPS-2 | 2024-06-01 | shipped 6/2 10:00 UTC", "OPS-3 ETA Fri"]
    found = find_times_many(texts, [None, None, None], year=dt.date(2025, 10, 9))
    assert [[(m.raw, m.at, m.is_deadline, m.problem) for m in f] for f in found] == [
        [("Oct 10", dt.datetime(2025, 10, 10, tzinfo=dt.UTC), True, None)],
        [("2024-06-01", dt.datetime(2024, 6, 1, tzinfo=dt.UTC), False, None),
         ("6/2 10:00 UTC", dt.datetime(2024, 6, 2, 10, tzinfo=dt.UTC), False, None)],
        [("Fri", None, True, "relative day without a date")],
    ]


# --- P1: reported promises -------------------------------------------------------------------------


@pytest.mark.parametrize(("item", "expected"), [
    ("10:00 OPS-1 vendor says Thursday", [[2, ["OPS-1"], "2025-10-09 00:00", "day", "says", False]]),
    ("10:00 OPS-1 infra said EOD", [[2, ["OPS-1"], "2025-10-09 00:00", "day", "said", False]]),
    ("10:00 OPS-1 vendor expects Fri 09:00 UTC",
     [[2, ["OPS-1"], "2025-10-10 09:00", "minute", "expects", False]]),
    ("10:00 OPS-1 vendor committed to Oct 14",
     [[2, ["OPS-1"], "2025-10-14 00:00", "day", "committed to", False]]),
    ("10:00 OPS-1 vendor promised 18:00", [[2, ["OPS-1"], "2025-10-09 18:00", "minute", "promised", False]]),
    # due before the item's time: the next one
    ("17:30 OPS-1 @ben says 09:00", [[2, ["OPS-1"], "2025-10-10 09:00", "minute", "says", False]]),
    # not a promise: no time right after the word
    ("10:00 OPS-1 customer says 503 since 09:00", []),
    ("10:00 OPS-1 Sam said the deploy at 09:00 went fine", []),
    ("10:00 OPS-1 vendor committed to the 09:00 change", []),
    ("10:00 OPS-1 host clock says: Fri Oct 10 10:00:00 UTC 2025", []),
])
def test_a_reported_promise_is_a_deadline(item: str, expected: list):
    text = f"## 2025-10-09 (Thu)\n- {item}\n"
    assert deadlines(text) == expected


def test_a_reported_weekday_promise_is_no_step_of_the_item():
    text = "## 2025-10-09\n- 17:30 UTC DEP-12 missed 17:00; @ben says Fri noon. Pinged his lead.\n"
    assert events(text) == [[2, "2025-10-09 17:30", "escalation", ["DEP-12"]]]  # (his lead: a manager)
    assert deadlines(text) == [
        [2, ["DEP-12"], "2025-10-09 17:00", "minute", "missed", True],
        [2, ["DEP-12"], "2025-10-10 12:00", "minute", "says", False],
    ]


def test_the_items_own_full_date_comes_before_an_earlier_items():
    text = (
        "# T\n\n- OPS-1 shipped 2026-05-01 09:00 UTC\n- OPS-2 due 2025-10-07, shipped 10/8 16:00 UTC\n"
        "- OPS-3 due Oct 10\n"
    )
    assert events(text) == [
        [3, "2026-05-01 09:00", "resolved", ["OPS-1"]], [4, "2025-10-08 16:00", "resolved", ["OPS-2"]],
        [5, None, "deadline", ["OPS-3"]],
    ]
    assert deadlines(text) == [
        [4, ["OPS-2"], "2025-10-07 00:00", "day", "due", False],
        [5, ["OPS-3"], "2025-10-10 00:00", "day", "due", False],  # (the last date written: OPS-2's 10/8)
    ]
    assert problems(text) == []
