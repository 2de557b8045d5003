"""Rows of parsed logs as short lists, for round 22's tests of the log reader (SHAPES, LEFT): exact
expected values that fit on a line each."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import occ_lib
from occ_lib.logs import parse_log, read_logs

FIX = Path(__file__).parent / "fixtures" / "round22"

UTC_LOG = "# Log\n\nAll times UTC.\n\n## Wed 15/10/25\n\n"
PERTH = "# CAD log\n\nAll times are Perth time (AWST, UTC+8). 24-hour clock.\n\n## Wed 15/10/25\n\n"


def read_items(head: str, *items: str) -> occ_lib.Logs:
    """A log of ``head`` and one list item per text."""
    return parse_log(head + "".join(f"- {t}\n" for t in items), "x.md")


def event_rows(logs: occ_lib.Logs) -> list[list]:
    """``[line, 'MM-DD HH:MM:SS' at, at_precision, kind, level, tickets]`` of each event."""
    ev = logs.events
    return [[int(n), a.strftime("%m-%d %H:%M:%S"), p, k, int(lv), list(t)]
            for n, a, p, k, lv, t in zip(ev["line"], ev["at"], ev["at_precision"], ev["kind"], ev["level"],
                                         ev["tickets"], strict=True)]


def deadline_rows(logs: occ_lib.Logs) -> list[list]:
    """``[line, tickets, 'MM-DD HH:MM' due, precision, keyword, missed, moves]`` of each deadline (None
    for a due time or precision not written)."""
    dl = logs.deadlines
    return [[int(n), list(t), None if pd.isna(d) else d.strftime("%m-%d %H:%M"), None if pd.isna(p) else p, k,
             bool(m), bool(mv)]
            for n, t, d, p, k, m, mv in zip(dl["line"], dl["tickets"], dl["due_at"], dl["due_precision"],
                                            dl["keyword"], dl["stated_missed"], dl["moves"], strict=True)]


def fixture(name: str) -> occ_lib.Logs:
    """A round-22 fixture log, read as ``occ`` reads files."""
    return read_logs([str(FIX / name)])


def rows_of(rows: list[list], lines: set[int]) -> list[list]:
    """The rows of those source lines."""
    return [r for r in rows if r[0] in lines]
