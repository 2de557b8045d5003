"""``occ events``, ``occ deadlines`` and ``occ summary``: status logs as rows, for people and tools.

The JSON columns are a stable interface (docs/architecture.md): new ones are added after the existing
ones, never between them (deadlines: ``due_precision`` -- ``day`` for a date-only deadline, at UTC
midnight, ``minute`` otherwise -- ``keyword`` and ``section`` follow the first six; events and deadlines
end with ``refs``, the tickets an item only refers to, ``see also OPS-77``, which ``tickets`` leaves
out); the table
format shows the columns that fit a terminal. Problems go to stderr as one line
each, ``occ: FILE:LINE: reason``. Exit 0 when every file was read, 1 when some could not be (the
rest is still printed), 2 on usage errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ._common import ConfigOpt, FormatOpt, check_format, emit, warn, workspace

EVENT_FIELDS: tuple[str, ...] = (
    "source", "line", "section", "at", "at_precision", "kind", "level", "tickets", "artifacts",
    "channels", "urls", "http_status", "text", "refs",
)
# The table format is for people: the columns that fit a terminal (JSON/CSV carry them all).
TABLE_EVENT_FIELDS: tuple[str, ...] = ("source", "line", "at", "kind", "level", "tickets", "text")
# (new columns go after these six, whose order other tools rely on)
DEADLINE_FIELDS: tuple[str, ...] = (
    "source", "line", "tickets", "due_at", "text", "stated_missed", "due_precision", "keyword", "section",
    "refs", "moves",
)
TABLE_DEADLINE_FIELDS: tuple[str, ...] = DEADLINE_FIELDS[:6]
SUMMARY_FIELDS: tuple[str, ...] = (
    "source", "title", "sections", "events", "tickets", "deadlines", "problems",
)

# Problems of these kinds mean a whole file (or its front matter) could not be read: exit 1.
_FAILED = frozenset({"file", "encoding", "front_matter"})

if TYPE_CHECKING:
    import pandas as pd

    from ..logs import Logs

PathsArg = typer.Argument(
    None, metavar="PATH...", help="log files, folders or globs (default: the workspace's logs)."
)


def _load(paths: list[str] | None, config: Path | None) -> Logs:
    from ..logs import read_logs

    ws = workspace(config, paths or None)
    # PATHs are read directly so that a glob matching nothing is reported by name.
    return read_logs(paths) if paths else ws.logs


def _report_problems(logs: Logs) -> int:
    """Print every problem on stderr; return 1 when a file (or its front matter) failed."""
    import pandas as pd

    failed = 0
    for rec in logs.problems.itertuples(index=False):
        where = rec.source if pd.isna(rec.line) else f"{rec.source}:{int(rec.line)}"
        named = isinstance(rec.token, str) and rec.token and rec.token not in rec.reason
        token = f" ({rec.token})" if named else ""
        warn(f"{where}: {rec.reason}{token}")
        if rec.what in _FAILED:
            failed = 1
    return failed


def events(
    paths: list[str] = PathsArg,
    config: Path | None = ConfigOpt,
    fmt: str = FormatOpt,
) -> None:
    """Every list item, table row and time-stamped line of the logs: UTC time, kind, level, tickets."""
    check_format(fmt)
    logs = _load(paths, config)
    cols = TABLE_EVENT_FIELDS if fmt == "table" else EVENT_FIELDS
    emit(logs.events.loc[:, list(cols)], fmt, title="Events")
    if _report_problems(logs):
        raise typer.Exit(1)


def deadlines(
    paths: list[str] = PathsArg,
    config: Path | None = ConfigOpt,
    fmt: str = FormatOpt,
) -> None:
    """Every deadline the logs state (ETA, by, due, window...), and whether the text says it was missed."""
    check_format(fmt)
    logs = _load(paths, config)
    cols = TABLE_DEADLINE_FIELDS if fmt == "table" else DEADLINE_FIELDS
    emit(logs.deadlines.loc[:, list(cols)], fmt, title="Deadlines")
    if _report_problems(logs):
        raise typer.Exit(1)


def summary_table(logs: Logs) -> pd.DataFrame:
    """One row per file (sections, events, distinct tickets, deadlines, problems) and a total row."""
    import pandas as pd

    rows = []
    ev, dl, pr = logs.events, logs.deadlines, logs.problems
    all_tickets: set[str] = set()
    for doc in logs.docs.itertuples(index=False):
        # (a ticket an item only refers to, 'see also OPS-77', is seen too)
        cols = ["tickets", "refs"] if "refs" in ev.columns else ["tickets"]
        mine = ev.loc[ev["source"] == doc.source, cols]
        tks = {t for col in mine.columns for lst in mine[col] for t in lst}
        all_tickets |= tks
        rows.append(
            {
                "source": doc.source,
                "title": doc.title if isinstance(doc.title, str) else "",
                "sections": int(doc.sections),
                "events": int(doc.events),
                "tickets": len(tks),
                "deadlines": int((dl["source"] == doc.source).sum()),
                "problems": int((pr["source"] == doc.source).sum()),
            }
        )
    rows.append(
        {
            "source": f"total ({len(logs.docs)} files)",
            "title": "",
            "sections": len(logs.sections),
            "events": len(ev),
            "tickets": len(all_tickets),
            "deadlines": len(dl),
            "problems": len(pr),
        }
    )
    return pd.DataFrame(rows, columns=list(SUMMARY_FIELDS))


def summary(
    paths: list[str] = PathsArg,
    config: Path | None = ConfigOpt,
    fmt: str = FormatOpt,
) -> None:
    """Counts per log file: sections, events, tickets, deadlines and problems, with a total row."""
    check_format(fmt)
    logs = _load(paths, config)
    emit(summary_table(logs), fmt, title="Status logs")
    if _report_problems(logs):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("events")(events)
    app.command("deadlines")(deadlines)
    app.command("summary")(summary)
