"""Options and helpers shared by the CLI modules."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ..formats import FORMATS, render, render_records

if TYPE_CHECKING:  # pandas loads when a command needs it: `occ probe` starts probing first
    import pandas as pd

    from ..workspace import Workspace  # (pydantic and YAML load with the first workspace, not for --help)

FormatOpt = typer.Option(
    "table", "--format", "-f", metavar="FORMAT", help="table (for people), csv, json or jsonl."
)
ConfigOpt = typer.Option(None, "--config", "-c", metavar="PATH", help="workspace file (default ./occ.yml).")


#: True in the ``occ`` process itself (the console script, which ends with its command); False when
#: a test or a notebook calls :func:`occ_lib.cli.main` with arguments.
console_process = False


def freeze_loaded() -> None:
    """In the ``occ`` process only: leave everything loaded so far (typer, pydantic, httpx: modules,
    never garbage) out of the collector's passes. One full pass over them while 1000 probe targets
    validated cost ~25 ms of ``occ probe``'s start."""
    if console_process:
        gc.freeze()


def end_now(code: int) -> None:
    """In the ``occ`` process only: end it now with ``code``, its output flushed. ``occ probe`` calls
    it when all is written (the store's files fsynced, the summary printed): what would follow is
    the interpreter taking pyarrow, pydantic and httpx apart, ~15 ms of a run. Elsewhere, return."""
    if not console_process:
        return
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise typer.BadParameter(f"expected one of {', '.join(FORMATS)}", param_hint="--format")
    return fmt


def workspace(config: Path | None, paths: list[str] | None = None, takes_paths: bool = True) -> Workspace:
    """The workspace named by ``--config`` (or ./occ.yml when it exists); PATHs replace ``logs:``.
    Without either, a command that reads logs needs PATHs; one that takes none (``takes_paths``
    False: ``occ probe``) says to give ``--config``."""
    from ..workspace import DEFAULT_CONFIG, Workspace

    if config is not None:
        return Workspace.load(config, log_paths=paths)
    if Path(DEFAULT_CONFIG).exists():
        return Workspace.load(DEFAULT_CONFIG, log_paths=paths)
    if not takes_paths:
        raise typer.BadParameter("no ./occ.yml here; give --config", param_hint="--config")
    if not paths:
        raise typer.BadParameter("give PATHs or --config (no ./occ.yml here)")
    return Workspace.bare(paths)


def instant_option(value: str | None, tz: str, option: str, expected: str) -> pd.Timestamp | None:
    """``--start``/``--end``/``--as-of``: an instant, a naive one read in ``tz`` (``sla.tz``), within
    the years occ handles (:func:`occ_lib.periods.in_range`); else a usage error on ``option``
    saying ``expected`` (or that it is out of range), never a traceback."""
    from ..periods import OUT_OF_RANGE, in_range, to_utc

    if value is None:
        return None
    try:
        ts = to_utc(value, tz)
    except (ValueError, TypeError):
        raise typer.BadParameter(expected, param_hint=option) from None
    try:
        return in_range(ts)
    except ValueError:
        raise typer.BadParameter(OUT_OF_RANGE, param_hint=option) from None


def raw_probe_targets(ws: Workspace) -> Any:
    """occ.yml's ``probes.targets`` as written (None without one), not validated: ``occ sla`` and
    ``occ export`` must not fail on a ``probes:`` mistake (an unset ``${VAR}`` header) that only
    ``occ probe`` needs. The one reading of it for :func:`configured_targets` and ``occ sla``'s
    question whether probes are judged."""
    probes = ws.config.probes
    return probes.get("targets") if isinstance(probes, dict) else None


def configured_targets(ws: Workspace) -> list[str]:
    """The target names of occ.yml's ``probes.targets`` (:func:`raw_probe_targets`): those of its
    entries that name one."""
    targets = raw_probe_targets(ws)
    if not isinstance(targets, list):
        return []
    return [str(t["name"]) for t in targets if isinstance(t, dict) and isinstance(t.get("name"), str)]


def known_targets(ws: Workspace, store: Path | None, wanted: list[str]) -> list[str]:
    """The probe targets known to the workspace: those of ``probes.targets``, and, when one of
    ``wanted`` is not among them, those the store holds probes of (the store is read only then)."""
    from ..aggregate import target_names

    known = configured_targets(ws)
    if store is not None and any(w not in known for w in wanted):
        known += target_names(store)
    return sorted(set(known))


def emit(df: pd.DataFrame, fmt: str, title: str | None = None) -> None:
    render(df, check_format(fmt), sys.stdout, title=title)


def emit_records(columns: list[str], recs: list[dict], fmt: str, title: str | None = None) -> None:
    """:func:`emit` for plain rows (JSON-ready values), which needs no pandas."""
    render_records(columns, recs, check_format(fmt), sys.stdout, title=title)


def warn(message: str) -> None:
    """One line on stderr, prefixed like every occ diagnostic; written in one call, so that lines
    of processes sharing a terminal or log file never interleave mid-line (even unbuffered)."""
    sys.stderr.write(f"occ: {message}\n")
    sys.stderr.flush()


def warn_note(message: Any) -> None:
    """A note (a Python warning: ``StoreWarning``, ``EvidenceNote``) as one ``occ: warning:`` line,
    redacted, its first line only: the one form of every command, whether the command prints it
    (``occ import``) or Python's ``showwarning`` does (``occ report weekly``), so that a note never
    reads as a problem line (``occ: path:line: reason``, exit 1)."""
    from ..redact import redact_text

    first = (str(message).strip().splitlines() or [type(message).__name__])[0]
    warn(f"warning: {redact_text(first)}")


# Problems of these kinds mean a whole file (or its front matter) could not be read.
FILE_PROBLEMS = frozenset({"file", "encoding", "front_matter"})


def warn_file_problems(logs: Any) -> bool:
    """Print each log file that (or whose front matter) could not be read as one line with its
    ``source:line``; True when there was one (the command still reports the rest, then exits 1).
    Time tokens it could not read are ``occ events``' business, not every command's."""
    import pandas as pd

    problems = getattr(logs, "problems", None)
    if not isinstance(problems, pd.DataFrame) or problems.empty:
        return False
    failed = False
    for rec in problems[problems["what"].isin(FILE_PROBLEMS)].to_dict("records"):
        line = rec.get("line")
        where = rec["source"] if line is None or pd.isna(line) else f"{rec['source']}:{int(line)}"
        warn(f"{where}: {rec['reason']}")
        failed = True
    return failed


def as_lists(df: pd.DataFrame, *cols: str) -> pd.DataFrame:
    """``df`` with each of ``cols`` (a comma-joined string such as ``day_precision``) as a list, so
    JSON says ``["due_at", "resolved_at"]`` and ``[]``, CSV ``due_at;resolved_at``, as other list
    columns do."""
    present = [c for c in cols if c in df.columns]
    return df.assign(**{c: [_split(v) for v in df[c]] for c in present})


def _split(value: Any) -> list[str]:
    return [p for p in value.split(", ") if p] if isinstance(value, str) else []
