"""``occ sla``: deadlines, ticket targets, probe objectives and stale documents in one table.

Naive ``--start``/``--end``/``--as-of`` are in sla.tz; a week or instant outside the years occ
handles is a usage error. A ``store:`` that does not exist or is not a folder, when occ.yml asks for
probe objectives (it names its store, or configures probe or SLA targets), is a warning that latency
and availability were not judged, and exit 1. ``sla.targets`` keys naming no probe target (of
``probes.targets`` or the store) and ``sla.tickets`` keys covering no ticket in the logs are one
warning line each (exit unchanged: the figures are right, the key judged nothing).
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..redact import redact_text
from ._common import (
    ConfigOpt,
    FormatOpt,
    as_lists,
    check_format,
    emit,
    instant_option,
    known_targets,
    raw_probe_targets,
    warn,
    warn_file_problems,
    workspace,
)

if TYPE_CHECKING:
    import pandas as pd


def _instant(value: str | None, tz: str, option: str) -> pd.Timestamp | None:
    expected = "expected an ISO date or date-time such as 2025-10-13 or 2025-10-13T00:00Z"
    return instant_option(value, tz, option, expected)


def _judges_probes(ws) -> bool:
    """Whether occ.yml asks for probe objectives to be judged: it names its ``store:``, configures
    ``probes.targets`` or sets ``sla.targets`` (a workspace of logs alone may have no store)."""
    cfg = ws.config
    sla = cfg.sla if isinstance(cfg.sla, dict) else {}
    return "store" in cfg.model_fields_set or bool(raw_probe_targets(ws)) or bool(sla.get("targets"))


def _unmatched(ws, policy, logs, store: Path | None) -> list[tuple[str, str]]:
    """``sla.targets`` and ``sla.tickets`` keys that name nothing (:func:`occ_lib.sla.unmatched_keys`)."""
    from ..sla import unmatched_keys

    if not ws.config_path.is_file():
        return []
    named = [t for t in policy.targets if t != "*"]
    targets = known_targets(ws, store, named) if named else None
    return unmatched_keys(policy, logs, targets)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""

    @app.command("sla")
    def sla(
        paths: list[str] = typer.Argument(
            None, metavar="PATH...",
            help="status logs (files, folders, globs); default: the workspace's logs."
        ),
        config: Path | None = ConfigOpt,
        as_of: str | None = typer.Option(
            None, "--as-of", metavar="INSTANT",
            help="judge with what was known then (default: --end). Naive times: sla.tz."
        ),
        start: str | None = typer.Option(
            None, "--start", metavar="WHEN", help="window start (ISO; naive in sla.tz)."
        ),
        end: str | None = typer.Option(
            None, "--end", metavar="WHEN", help="window end, exclusive (ISO; naive in sla.tz)."
        ),
        week: str | None = typer.Option(
            None, "--week", metavar="YYYY-Www", help="ISO week such as 2025-W41 (in sla.tz)."
        ),
        fmt: str = FormatOpt,
    ) -> None:
        """SLA misses: deadlines and ETAs from the logs, ticket targets, latency and availability
        objectives of the probe store, and stale documents, with the rules they were counted by."""

        from ..periods import week_bounds
        from ..sla import misses
        from ..store import StoreWarning

        check_format(fmt)
        ws = workspace(config, paths or None)
        policy = ws.policy
        s = _instant(start, policy.tz, "--start")
        e = _instant(end, policy.tz, "--end")
        if week is not None:
            if s is not None or e is not None:
                raise typer.BadParameter("give --week or --start/--end, not both", param_hint="--week")
            try:
                s, e = week_bounds(week, policy.tz)
            except ValueError as exc:
                raise typer.BadParameter(str(exc), param_hint="--week") from None
        if s is not None and e is not None and e <= s:
            raise typer.BadParameter("--end must be after --start", param_hint="--end")
        a = _instant(as_of, policy.tz, "--as-of")
        logs = ws.logs
        failed = warn_file_problems(logs)  # (as occ events and occ timeline do: front matter included)
        probes = None
        # an unreadable store file is skipped with a warning (the store's rule): the rest is reported
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", StoreWarning)
            if ws.config_path.is_file():
                if ws.store.is_dir():
                    probes = ws.store
                elif _judges_probes(ws):  # (a typo in store: must not pass for 'nothing missed')
                    what = "is not a folder" if ws.store.exists() else "does not exist"
                    warn(f"warning: store {ws.config.store} ({ws.config_path}: store) {what}: "
                         "latency and availability not judged")
                    failed = True
            df = misses(logs, probes, policy, s, e, a)
            for key, reason in _unmatched(ws, policy, logs, probes):
                warn(redact_text(f"warning: {ws.config_path}: {key}: {reason}"))
        for message in dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, StoreWarning)):
            warn(f"warning: {message}")
            failed = True
        emit(as_lists(df, "day_precision"), fmt, title="SLA misses")
        if fmt == "table":
            for rule in df.attrs.get("rules", []):
                print(f"- {rule}")
        raise typer.Exit(1 if failed else 0)
