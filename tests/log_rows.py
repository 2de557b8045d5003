"""Helpers of the log tests: a table of the log reader, or what a command prints, as rows to compare whole."""

from __future__ import annotations

import json

import pandas as pd
from typer.testing import CliRunner


def deadline_rows(dl: pd.DataFrame) -> list[list]:
    """Each deadline as ``[line, tickets, 'MM-DD HH:MM' (None without a due time), keyword, missed]``."""
    return [
        [line, list(t), None if pd.isna(d) else d.strftime("%m-%d %H:%M"), kw, bool(m)]
        for line, t, d, kw, m in zip(
            dl["line"], dl["tickets"], dl["due_at"], dl["keyword"], dl["stated_missed"], strict=True
        )
    ]


def deadline_cells(text: str) -> list[list]:
    """Each deadline of ``text`` (read as ``x.md``) as ``[line, due_at, due_precision ('' without a
    due time), keyword, stated_missed]``."""
    from occ_lib.logs import parse_log

    dl = parse_log(text, "x.md").deadlines
    dl = dl.assign(due_precision=dl["due_precision"].fillna(""))
    return dl[["line", "due_at", "due_precision", "keyword", "stated_missed"]].values.tolist()


def cli_rows(*args: str) -> list[dict]:
    """The JSON rows an ``occ`` command prints (it must exit 0)."""
    from occ_lib.cli import app

    res = CliRunner().invoke(app, list(args))
    assert res.exit_code == 0, res.output
    return [json.loads(x) for x in res.output.splitlines() if x.strip()]


def event_rows(text: str) -> list[list]:
    """Each event of ``text`` (read as ``x.md``) as ``[line, 'MM-DD HH:MM' (None undated), kind, level,
    tickets, text]``."""
    from occ_lib.logs import parse_log

    ev = parse_log(text, "x.md").events
    return [
        [line, None if pd.isna(at) else at.strftime("%m-%d %H:%M"), kind, level, list(t), txt]
        for line, at, kind, level, t, txt in zip(
            ev["line"], ev["at"], ev["kind"], ev["level"], ev["tickets"], ev["text"], strict=True
        )
    ]
