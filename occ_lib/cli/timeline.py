"""``occ timeline``: each ticket's events in UTC order across files, or a per-ticket summary."""

from __future__ import annotations

from pathlib import Path

import typer

from ..formats import human_duration
from ._common import (
    ConfigOpt,
    FormatOpt,
    as_lists,
    check_format,
    emit,
    instant_option,
    warn_file_problems,
    workspace,
)


def _parse_as_of(value: str | None, tz: str):
    """``--as-of`` as a UTC instant; a naive one is read in ``tz`` (the workspace's sla.tz), so that
    it is the instant ``occ sla`` and ``occ report`` take it for."""
    return instant_option(value, tz, "--as-of", f"not an ISO 8601 instant: {value!r}")


def timeline(
    paths: list[str] = typer.Argument(
        None, metavar="PATH...", help="log files, folders or globs (default: the workspace's logs)."
    ),
    config: Path | None = ConfigOpt,
    ticket: list[str] = typer.Option(
        None, "--ticket", "-t", metavar="TICKET", help="only this ticket (repeatable)."
    ),
    summary: bool = typer.Option(False, "--summary", "-s", help="one row per ticket instead of per event."),
    as_of: str | None = typer.Option(
        None, "--as-of", metavar="INSTANT",
        help="ISO instant (naive: in sla.tz, as occ sla reads it; UTC without one); events after it do "
        "not count. Default: now.",
    ),
    fmt: str = FormatOpt,
) -> None:
    """Escalation timelines: every ticket event in UTC order, or per-ticket figures with --summary.
    A date-only event sits at the start of its date in the workspace's sla.tz (UTC without one)."""

    from .. import timeline as tl
    from ..logs import read_logs

    check_format(fmt)
    ws = workspace(config, paths or None)
    # a naive --as-of is in sla.tz, as `occ sla` and `occ report` read it
    cutoff = _parse_as_of(as_of, ws.policy.tz)
    # PATHs are read directly so that a glob matching nothing is reported by name.
    logs = read_logs(paths) if paths else ws.logs
    # a date-only event is on its date in sla.tz, as `occ sla` and the report count it
    tz = ws.policy.tz
    if summary:
        # (without --as-of the summary judges now, to the whole second: open_age has no microseconds)
        df = tl.summary(logs, cutoff, ticket or None, tz)
        title = "Tickets"
    else:
        df = tl.escalations(logs, ticket or None, tz)
        if cutoff is not None:
            df = df[df["at"].isna() | tl.known_at(df, cutoff)].reset_index(drop=True)
        title = "Escalation timeline"
    if fmt == "table":
        spans = [c for c in df.columns if str(df[c].dtype).startswith("timedelta")]
        df = df.assign(**{c: df[c].map(human_duration) for c in spans})
    emit(as_lists(df, "day_precision"), fmt, title=title)
    if warn_file_problems(logs):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("timeline")(timeline)
