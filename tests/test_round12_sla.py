"""Round 12 (sla): moved and renewed ETAs, misses admitted before the ETA they name.

- M1: 'ETA 17:00, missed; moved from 17:00 to 19:00': 17:00 stated missed, and 19:00 (where it moved,
  after a clause break: the repeated old time says which deadline moved) a deadline, not missed.
- M2: 'ETA 17:00; next ETA 19:00' (new, revised, updated ETA; 'ETA now'; 'by EOD, moved to tomorrow EOD')
  promises 19:00 alone, as a moved ETA does; the old one stays when it was missed, is another kind
  of promise, or another ticket's.
- M3: a miss admitted before the ETA it names ('missed again — ETA 17:00 UTC', 'Missed: ETA 17:00') is
  that ETA's miss: one row, no row of its own; a miss admitted in a later section with no due time is
  the stated miss of the ticket's deadline due by then.
- T1: an item that opens with its time and a list of tickets ('10:00 OPS-1, OPS-2 ETA 17:00') gives the
  deadline to every ticket of the list, as 'OPS-1, OPS-2 ETA 17:00' does (was: the last one only).
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from occ_lib.cli import app
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from occ_lib.times import find_times
from tests.log_rows import deadline_rows

WEEK = {"start": "2025-10-06", "end": "2025-10-13"}


def deadlines(text: str) -> list[list]:
    return deadline_rows(parse_log(text, "ops.md").deadlines)


def sla_rows(text: str, as_of: str = "2025-10-13T00:00Z") -> list[list]:
    out = misses(parse_log(text, "ops.md"), None, Policy(), as_of=as_of, **WEEK)
    out = out[out["kind"].eq("deadline")]
    return [
        [s, None if pd.isna(d) else d.strftime("%m-%d %H:%M"), st, line, list(mn)]
        for s, d, st, line, mn in zip(
            out["subject"], out["due_at"], out["status"], out["line"], out["mentions"], strict=True
        )
    ]


# --- M1: the old time written again where a move starts ------------------------------------------


def test_a_missed_eta_moved_from_its_time_written_again_promises_the_new_time(tmp_path):
    log = tmp_path / "ops.md"
    log.write_text(
        "# Ops\n\n## 2025-10-09\n\n- 18:00 UTC OPS-1 ETA 17:00, missed; moved from 17:00 to 19:00\n"
    )
    result = CliRunner().invoke(app, ["deadlines", str(log), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.output.splitlines()]
    text = "18:00 UTC OPS-1 ETA 17:00, missed; moved from 17:00 to 19:00"
    keys = ("line", "tickets", "due_at", "text", "stated_missed", "keyword")
    assert [{k: r[k] for k in keys} for r in rows] == [
        {"line": 5, "tickets": ["OPS-1"], "due_at": "2025-10-09T17:00:00Z", "text": text,
         "stated_missed": True, "keyword": "ETA"},
        {"line": 5, "tickets": ["OPS-1"], "due_at": "2025-10-09T19:00:00Z", "text": text,
         "stated_missed": False, "keyword": "ETA"},
    ]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- 18:00 OPS-1 ETA 17:00 missed; pushed from 17:00 -> 19:00 UTC",
         [[2, ["OPS-1"], "10-09 17:00", "ETA", True], [2, ["OPS-1"], "10-09 19:00", "ETA", False]]),
        ("- 10:00 OPS-1 ETA Fri 17:00; moved from Fri 17:00 to Mon 10:00",
         [[2, ["OPS-1"], "10-13 10:00", "ETA", False]]),
        ("- 10:00 OPS-1 due Oct 10; moved from Oct 10 to Oct 14",
         [[2, ["OPS-1"], "10-14 00:00", "due", False]]),
        # (the moved time is no earlier deadline's: another thing's move, no deadline)
        ("- 10:00 OPS-1 ETA 17:00; standup moved from 09:00 to 10:00",
         [[2, ["OPS-1"], "10-09 17:00", "ETA", False]]),
    ],
)
def test_a_deadline_moved_from_its_repeated_time(item: str, expected: list):
    assert deadlines("## 2025-10-09\n" + item + "\n") == expected


def test_a_move_between_two_other_times_stays_two_times():
    found = find_times("ETA 17:00; go/no-go moved from Tue 16:00 to Wed 10:00.", day=dt.date(2025, 10, 13))
    assert [(m.at, m.is_deadline, m.keyword) for m in found] == [
        (dt.datetime(2025, 10, 13, 17, 0, tzinfo=dt.UTC), True, "ETA"),
        (dt.datetime(2025, 10, 14, 16, 0, tzinfo=dt.UTC), False, None),
        (dt.datetime(2025, 10, 15, 10, 0, tzinfo=dt.UTC), False, None),
    ]


def test_the_sla_table_judges_the_missed_eta_and_the_one_it_moved_to():
    text = (
        "## 2025-10-09\n- 18:00 UTC OPS-1 ETA 17:00, missed; moved from 17:00 to 19:00\n"
        "- 18:30 OPS-1 resolved\n"
    )
    assert sla_rows(text) == [
        ["OPS-1", "10-09 17:00", "missed", 2, ["ops.md:2"]],
        ["OPS-1", "10-09 19:00", "met", 2, ["ops.md:2"]],
    ]


# --- M2: a renewed promise supersedes the one written before it ----------------------------------


@pytest.mark.parametrize("word", ["next ETA", "new ETA", "revised ETA", "updated ETA", "ETA now"])
def test_a_renewed_eta_supersedes_the_one_before_it(word: str):
    assert deadlines(f"## 2025-10-09\n- 10:00 OPS-2 ETA 17:00; {word} 19:00\n") == [
        [2, ["OPS-2"], "10-09 19:00", "ETA", False]
    ]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- 10:00 OPS-1 by EOD, moved to tomorrow EOD", [[2, ["OPS-1"], "10-10 00:00", "EOD", False]]),
        ("- 10:00 OPS-1 ETA 17:00; new ETA 19:00; next ETA 21:00",
         [[2, ["OPS-1"], "10-09 21:00", "ETA", False]]),
        # (missed: still a promise broken, and the new one is due)
        ("- 10:00 OPS-1 ETA 17:00 missed; next ETA 19:00",
         [[2, ["OPS-1"], "10-09 17:00", "ETA", True], [2, ["OPS-1"], "10-09 19:00", "ETA", False]]),
        # (another kind of promise: a checkpoint is not the ETA)
        ("- 10:00 OPS-1 checkpoint 10:00; new ETA 19:00",
         [[2, ["OPS-1"], "10-09 10:00", "checkpoint", False], [2, ["OPS-1"], "10-09 19:00", "ETA", False]]),
        # (another ticket's)
        ("- 10:00 OPS-1 ETA 17:00; OPS-2 new ETA 19:00",
         [[2, ["OPS-1"], "10-09 17:00", "ETA", False], [2, ["OPS-2"], "10-09 19:00", "ETA", False]]),
        # (no renewal: the next update is a promise of its own)
        ("- 10:00 OPS-1 ETA 17:00; next update by 19:00",
         [[2, ["OPS-1"], "10-09 17:00", "ETA", False], [2, ["OPS-1"], "10-09 19:00", "update", False]]),
    ],
)
def test_renewals_and_their_near_misses(item: str, expected: list):
    assert deadlines("## 2025-10-09\n" + item + "\n") == expected


def test_the_sla_table_judges_the_renewed_eta_alone():
    text = "## 2025-10-09\n- 10:00 OPS-2 ETA 17:00; next ETA 19:00\n- 18:30 OPS-2 resolved\n"
    assert sla_rows(text) == [["OPS-2", "10-09 19:00", "met", 2, ["ops.md:2"]]]


# --- M3: a miss admitted before the ETA it names ---------------------------------------------------


@pytest.mark.parametrize(
    "item",
    ["- 18:00 OPS-6 missed again \u2014 ETA 17:00 UTC", "- 18:00 OPS-6 Missed: ETA 17:00",
     "- 18:00 **Missed:** OPS-6 ETA 17:00", "- 18:00 OPS-6 missed again. ETA 17:00 UTC"],
)
def test_a_miss_admitted_before_the_eta_it_names_is_that_etas(item: str):
    text = "## 2025-10-09\n- 10:00 OPS-6 ETA 17:00\n" + item + "\n"
    assert deadlines(text) == [
        [2, ["OPS-6"], "10-09 17:00", "ETA", False], [3, ["OPS-6"], "10-09 17:00", "ETA", True]
    ]
    assert sla_rows(text) == [["OPS-6", "10-09 17:00", "missed", 3, ["ops.md:2", "ops.md:3"]]]


def test_a_miss_admitted_in_a_later_section_is_the_earlier_etas():
    text = "## 2025-10-09\n- 10:00 OPS-9 ETA 17:00\n## 2025-10-10\n- 09:00 OPS-9 missed the deadline\n"
    assert deadlines(text) == [
        [2, ["OPS-9"], "10-09 17:00", "ETA", False], [4, ["OPS-9"], None, "missed", True]
    ]
    assert sla_rows(text) == [["OPS-9", "10-09 17:00", "missed", 4, ["ops.md:2", "ops.md:4"]]]


# --- T1: a ticket list after the item's time -------------------------------------------------------


@pytest.mark.parametrize(
    "item",
    ["- 10:00 OPS-1, OPS-2 ETA 17:00", "- 10:00 UTC OPS-1, OPS-2: ETA 17:00",
     "- 9:05 AM OPS-1 and OPS-2 ETA 17:00", "- 2025-10-09 10:00 OPS-1, OPS-2 ETA 17:00",
     "- OPS-1, OPS-2 ETA 17:00"],
)
def test_a_list_of_tickets_after_the_items_time_shares_its_deadline(item: str):
    assert deadlines("## 2025-10-09\n" + item + "\n") == [
        [2, ["OPS-1", "OPS-2"], "10-09 17:00", "ETA", False]
    ]


def test_a_list_after_the_items_time_renews_one_promise_and_clauses_keep_their_own():
    assert deadlines("## 2025-10-09\n- 10:00 OPS-1, OPS-2 ETA 17:00; new ETA 19:00\n") == [
        [2, ["OPS-1", "OPS-2"], "10-09 19:00", "ETA", False]
    ]
    assert deadlines("## 2025-10-09\n- 10:00 OPS-1 ETA 17:00; OPS-2 ETA 18:00\n") == [
        [2, ["OPS-1"], "10-09 17:00", "ETA", False], [2, ["OPS-2"], "10-09 18:00", "ETA", False]
    ]
