"""Helpers of the log tests: a table of the log reader, or what a command prints, as rows to compare whole."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

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


# 2025-W41 in UTC, as of its end: ``misses(..., **W41_UTC)``
W41_UTC = {"start": pd.Timestamp("2025-10-06", tz="UTC"), "end": pd.Timestamp("2025-10-13", tz="UTC"),
           "as_of": pd.Timestamp("2025-10-13", tz="UTC")}


def sla_deadline_rows(logs) -> list[list]:
    """The SLA deadline rows ``[line, subject, 'MM-DD HH:MM' due, status]`` of ``logs`` (a ``Logs``) for
    2025-W41, as of 2025-10-13: what ``occ sla`` prints for them."""
    from occ_lib.policy import Policy
    from occ_lib.sla import misses

    out = misses(logs, None, Policy(), **W41_UTC)
    out = out[out["kind"].eq("deadline")]
    return [[int(n), s, d.strftime("%m-%d %H:%M"), st]
            for n, s, d, st in zip(out["line"], out["subject"], out["due_at"], out["status"], strict=True)]


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

    return _event_cells(parse_log(text, "x.md").events)


def short_event_rows(text: str) -> list[list]:
    """``[line, 'MM-DD HH:MM', kind, level, tickets]`` of each event of ``text``: ``event_rows`` with the
    text left off."""
    return [r[:5] for r in event_rows(text)]


def text_deadline_rows(text: str) -> list[list]:
    """Each deadline of ``text`` (read as ``x.md``), as ``deadline_rows`` gives them."""
    from occ_lib.logs import parse_log

    return deadline_rows(parse_log(text, "x.md").deadlines)


def item(text: str, day: str = "2025-10-07") -> str:
    """A log of one item ``text`` under the day heading ``day``."""
    return f"# Log\n\n## {day}\n\n- {text}\n"


def utc_dt(s: str) -> dt.datetime:
    """The ISO ``s`` (no offset) as a UTC datetime."""
    return dt.datetime.fromisoformat(s).replace(tzinfo=dt.UTC)


def read_file(tmp_path: Path, text: str):
    """``text`` written as ``ops.md`` and read by ``read_logs``, the way a workspace reads its logs."""
    from occ_lib.logs import read_logs

    path = tmp_path / "ops.md"
    path.write_text(text, encoding="utf-8")
    return read_logs([str(path)])


def file_event_rows(tmp_path: Path, text: str) -> list[list]:
    """Each event of ``text`` read from a file (see ``read_file``), as ``event_rows`` gives them."""
    return _event_cells(read_file(tmp_path, text).events)


def file_deadline_rows(tmp_path: Path, text: str) -> list[list]:
    """Each deadline of ``text`` read from a file (see ``read_file``), as ``deadline_rows`` gives them."""
    return deadline_rows(read_file(tmp_path, text).deadlines)


def _event_cells(ev: pd.DataFrame) -> list[list]:
    """The rows of ``event_rows``, from an events table."""
    return [
        [line, None if pd.isna(at) else at.strftime("%m-%d %H:%M"), kind, level, list(t), txt]
        for line, at, kind, level, t, txt in zip(
            ev["line"], ev["at"], ev["kind"], ev["level"], ev["tickets"], ev["text"], strict=True
        )
    ]


def mention_rows(text: str, day: dt.date, tz: str, clock24: bool = False) -> list[tuple]:
    """Each time mention ``find_times`` reads in ``text`` on ``day`` (in a 24-hour log when ``clock24``), as
    ``(raw, 'MM-DD HH:MM' at, 'MM-DD HH:MM' until or None, precision, keyword)``."""
    from occ_lib import times

    with times.clock24(clock24):
        found = times.find_times(text, day=day, tz=tz)
    return [(m.raw, m.at.strftime("%m-%d %H:%M"), m.until and m.until.strftime("%m-%d %H:%M"), m.precision,
             m.keyword) for m in found]


def sla_verdict_rows(
    text: str, tmp_path: Path, start: str = "2025-10-06", end: str = "2025-10-13"
) -> list[list]:
    """The SLA deadline rows of ``text`` (written as ``x.md``, judged with the default policy from ``start``
    to ``end``, as of ``end``): ``[line, subject, 'MM-DD HH:MM' due, status, 'MM-DD HH:MM' kept at or '',
    the detail's verb]``."""
    from occ_lib.logs import read_logs
    from occ_lib.policy import Policy
    from occ_lib.sla import misses

    p = tmp_path / "x.md"
    p.write_text(text, encoding="utf-8")
    out = misses(read_logs(str(p)), None, Policy(), start=start, end=end, as_of=end)
    out = out[out["kind"].eq("deadline")]
    return [[int(n), s, d.strftime("%m-%d %H:%M"), st, "" if pd.isna(r) else r.strftime("%m-%d %H:%M"),
             det.split("; ")[1].split(" ")[0]]
            for n, s, d, st, r, det in zip(out["line"], out["subject"], out["due_at"], out["status"],
                                           out["resolved_at"], out["detail"], strict=True)]
