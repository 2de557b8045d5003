"""Round 18 (TAGS): words that look like tickets or like ETAs and were read wrongly.

A server's or a piece of equipment's name shaped like a key (``PLY-FRA-2`` a playout server, ``TS-88`` a
tie switch) was a ticket, and so was a sales order (``SO-4412``); an ETA written as a sentence's first word
(``Eta for fix 45 min``) or for a crew's arrival (``crew ETA on site 02:30``) was no deadline; ``ETA 10:15
(was 09:40)`` was not read as a moved ETA (``ETA was 09:40, now 10:15`` was); and ``missed the 17:00
cut-off by 5 minutes`` took the keyword ``missed`` (the '5 minutes' read as the cut-off's own value)."""

from __future__ import annotations

from pathlib import Path

import pytest

import occ_lib
from occ_lib._extract import equipment_keys, tickets
from occ_lib.logs import parse_log
from tests.log_rows import deadline_rows, item, text_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round18"
GRID = FIX / "tags_a_substation_night.md"


def _moves(text: str) -> list[list]:
    dl = parse_log(item(text), "x.md").deadlines
    return [[d.strftime("%m-%d %H:%M"), kw, bool(m), bool(mv)]
            for d, kw, m, mv in zip(
                dl["due_at"], dl["keyword"], dl["stated_missed"], dl["moves"], strict=True)]


# 1: a machine's name is no ticket; a sales order's number neither -------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("playout server PLY-FRA-2 confirms", []),
    ("node PLY-FRA-2 down, OPS-2 opened", ["OPS-2"]),
    ("07:40 OUT-4411 load switched through tie switch TS-88", ["OUT-4411"]),
    ("transformer TS-88 hot", []),
    ("SO-4412 picked", []),
    ("SO-4412 shipped, INC-12 open", ["INC-12"]),
    # (real keys stay: no equipment noun before them)
    ("OPS-2 fixed", ["OPS-2"]),
    ("working on OPS-2", ["OPS-2"]),
    ("failover on PLY-FRA-2", ["PLY-FRA-2"]),  # (alone, no sign it is a machine)
    ("ticket INC-12 for server crash", ["INC-12"]),
])
def test_a_machines_name_is_no_ticket(text, expected):
    assert tickets(text) == expected


def test_the_documents_machines_are_named_once():
    assert equipment_keys([
        "15:05 playout server PLY-FRA-2 confirms", "PLY-FRA-2 backup PLY-FRA-3 warmed", "OPS-2 fixed",
    ]) == {"PLY-FRA-2", "PLY-FRA-3"}
    assert equipment_keys(["host OPS-2 rebooted", "OPS-3 fixed"]) == {"OPS-2"}  # (one segment: no siblings)
    assert equipment_keys(["OPS-2 fixed on the server"]) == set()


def test_the_broadcast_logs_playout_servers_are_no_tickets():
    # (before: line 44 [PLY-FRA-2, PLY-FRA-3], 51 [PLY-FRA-2, BCST-4423, PLY-FRA-3], 55 [BCST-4423,
    # PLY-FRA-3], and line 34 referred to PLY-FRA-2)
    ev = occ_lib.read_logs(str(FIX / "expk_a_broadcast_weekend.md")).events
    ev = ev[ev["line"].isin([12, 34, 44, 51, 55])]
    rows = [[int(n), list(t), list(r)] for n, t, r in zip(ev["line"], ev["tickets"], ev["refs"], strict=True)]
    assert rows == [
        [12, [], []], [34, ["BCST-4417"], []], [44, [], []], [51, ["BCST-4423"], []], [55, ["BCST-4423"], []],
    ]


def test_the_grid_logs_tie_switch_is_no_ticket():
    ev = occ_lib.read_logs(str(GRID)).events
    assert [[int(n), list(t)] for n, t in zip(ev["line"], ev["tickets"], strict=True)] == [
        [7, ["OUT-4411"]], [8, ["OUT-4411"]], [9, ["OUT-4411"]], [10, ["OUT-4411"]], [11, []],
        [12, ["OUT-4411"]], [13, ["OUT-4412"]],
    ]


# 2, 3: 'Eta' as a sentence's first word; an ETA for a crew on site -----------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("08:40 Eta for fix 45 min", [[5, [], "10-07 09:25", "ETA", False]]),
    ("08:40 Eta 14:30", [[5, [], "10-07 14:30", "ETA", False]]),  # (as before)
    ("01:48 NOC-7720 tech en route, crew ETA on site 02:30.",
     [[5, ["NOC-7720"], "10-07 02:30", "ETA", False]]),
    ("01:48 NOC-7720 tech en route, ETA on site 02:30.", [[5, ["NOC-7720"], "10-07 02:30", "ETA", False]]),
    ("01:48 NOC-7720 tech ETA onsite 14:00", [[5, ["NOC-7720"], "10-07 14:00", "ETA", False]]),
    ("01:48 NOC-7720 crew on site 02:30", []),  # (no ETA: when they arrived)
])
def test_an_eta_capitalised_or_for_a_crew_on_site_is_a_deadline(text, expected):
    assert text_deadline_rows(item(text)) == expected


# 4: 'ETA 10:15 (was 09:40)' is a moved ETA ----------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("08:40 OPS-1 ETA 10:15 (was 09:40)", [["10-07 10:15", "ETA", False, True]]),
    ("08:40 OPS-1 ETA 10:15 UTC (was 09:40 UTC)", [["10-07 10:15", "ETA", False, True]]),
    ("08:40 OPS-1 due Oct 31 (was Oct 24)", [["10-31 00:00", "due", False, True]]),
    ("08:40 OPS-1 ETA 13:00, previously 11:00", [["10-07 13:00", "ETA", False, True]]),
    ("08:40 OPS-1 ETA was 09:40, now 10:15", [["10-07 10:15", "ETA", False, True]]),  # (before too)
    ("08:40 OPS-1 ETA 10:15, was told by vendor", [["10-07 10:15", "ETA", False, False]]),
    ("08:40 OPS-1 ETA 10:15 (vendor)", [["10-07 10:15", "ETA", False, False]]),
])
def test_an_eta_followed_by_the_one_it_replaced_moves(text, expected):
    assert _moves(text) == expected


# 5: a cut-off missed by an amount keeps its keyword ---------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("17:06 missed the 17:00 cut-off by 5 minutes", [["10-07 17:00", "cutoff", True, False]]),
    ("17:06 missed the 17:00 cutoff by 5 min", [["10-07 17:00", "cutoff", True, False]]),
    ("17:06 blew the 17:00 deadline by 2h", [["10-07 17:00", "deadline", True, False]]),
    ("17:06 missed the 17:00 cut-off", [["10-07 17:00", "cutoff", True, False]]),  # (as before)
    ("17:06 missed 17:00 by 5 minutes", [["10-07 17:00", "missed", True, False]]),  # (no keyword after)
    ("10:00 OPS-1 ETA in 2h", [["10-07 12:00", "ETA", False, False]]),  # (its own value, as before)
    ("10:00 OPS-1 deadline by 5 pm", [["10-07 17:00", "by", False, False]]),  # (as before)
])
def test_a_cutoff_missed_by_minutes_is_a_missed_cutoff(text, expected):
    assert _moves(text) == expected


def test_the_grid_logs_deadlines():
    dl = occ_lib.read_logs(str(GRID)).deadlines
    assert deadline_rows(dl) == [
        [8, ["OUT-4411"], "10-07 02:30", "ETA", False],
        [9, ["OUT-4411"], "10-07 03:20", "ETA", False],
        [10, ["OUT-4411"], "10-07 04:15", "ETA", False],
        [13, ["OUT-4412"], "10-07 17:00", "cutoff", True],
    ]
    assert dl["moves"].tolist() == [False, False, True, False]
