"""``occ import``, ``occ store compact`` and ``occ export``: evidence in, raw probe rows out.

``occ import`` prints one line per problem, the file named as the store names it (secrets masked, its
stamp, extension and ``:line`` kept: :func:`occ_lib.evidence.problem_line`), exit 1; a store that
cannot be written is one error line after them. A note (what an import assumed, an
:class:`~occ_lib.evidence.EvidenceNote`; a store file skipped, a ``StoreWarning``) is an
``occ: warning:`` line as every command prints one (``occ report weekly`` too), exit 0.
``occ export`` writes CSV
to stdout when ``--out`` is absent or ``-``; Parquet needs a file.
Each uses the store of ``--config`` (or ./occ.yml); without either, ./data only when a store is there
already: otherwise a usage error (exit 2), and no folder is made.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import ConfigError, no_target_named
from ._common import ConfigOpt, known_targets, warn, warn_note, workspace

if TYPE_CHECKING:
    from ..workspace import Workspace  # (loaded by the command that reads one, not for --help)

store_app = typer.Typer(help="Maintain the probe store.", no_args_is_help=True)


def _load(config: Path | None) -> Workspace:
    """The workspace of ``--config`` or ./occ.yml; without either, the store ./data only when one is
    there already (``data/probes/``): a cron job run in the wrong folder gets a usage error (exit 2)
    rather than a new empty store and a success line."""
    from ..workspace import DEFAULT_CONFIG, Workspace

    if config is not None or Path(DEFAULT_CONFIG).exists():
        return workspace(config)
    from ..store import PROBES

    bare = Workspace.bare([])
    if (bare.store / PROBES).is_dir():
        return bare
    raise typer.BadParameter(
        f"no ./occ.yml here and no store in ./{bare.config.store.rstrip('/')}; give --config",
        param_hint="--config",
    )


def _when(value: str | None, option: str) -> str | None:
    from ..errors import ArgumentError
    from ..store import to_instant

    try:
        to_instant(value, option)
    except ArgumentError as exc:  # (typer names the option already)
        raise typer.BadParameter(str(exc).removeprefix(f"{option}: "), param_hint=option) from None
    return value


def _period(start: str | None, end: str | None) -> None:
    """``--start``/``--end`` checked like ``occ sla`` does: each a time, the end after the start."""
    from ..store import to_instant

    lo, hi = to_instant(_when(start, "--start")), to_instant(_when(end, "--end"))
    if lo is not None and hi is not None and hi <= lo:
        raise typer.BadParameter("--end must be after --start", param_hint="--end")


def _nothing_found(paths: list[str] | None, ws: Workspace, passed: list[Path]) -> str:
    """Why an import found no file, naming what was looked for (a typo in a glob shows) and what
    it passed over as no evidence (a README, screenshots)."""
    if paths:
        what = ", ".join(paths)
    else:
        where = ws.config_path if ws.config_path.exists() else "the default (no occ.yml here)"
        what = f"evidence: {', '.join(ws.config.evidence)} of {where}"
    if not passed:
        return f"no evidence files found: nothing matches {what}"
    shown = ", ".join(str(p) for p in passed[:3]) + (", ..." if len(passed) > 3 else "")
    return (f"no evidence files found: {what} matches {len(passed)} files, none a curl or wget "
            f"transcript or check JSON ({shown})")


def import_cmd(
    paths: list[str] = typer.Argument(None, metavar="PATH...", help="files, or folders and globs (their "
                                      "transcripts and check JSON; default: the workspace's evidence:)."),
    config: Path | None = ConfigOpt,
) -> None:
    """Import curl and wget transcripts and synthetic-check JSON into the store (idempotent)."""
    from ..errors import StoreNotWritable
    from ..evidence import EvidenceNote, import_workspace, problem_line, split_evidence
    from ..store import StoreWarning

    ws = _load(config)
    # (a file named is read as it is; a folder or glob gives its transcripts and check JSON only)
    files, passed = split_evidence(paths) if paths else split_evidence(ws.config.evidence, ws.root)
    if not files:
        warn(_nothing_found(paths, ws, passed))
        raise typer.Exit(1)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StoreWarning)
        warnings.simplefilter("always", EvidenceNote)
        try:
            result = import_workspace(ws, files)
        except StoreNotWritable as exc:  # (the files it read and could not use are still named)
            for p in exc.problems:
                warn(problem_line(p))
            raise
    for w in caught:
        warn_note(w.message)  # (as occ report weekly prints the same note)
    for p in result.problems:
        warn(problem_line(p))
    print(
        f"imported {result.imported_rows} rows from {len(result.imported_files)} files; "
        f"{len(result.duplicate_files)} already imported; {len(result.skipped_files)} skipped"
    )
    if result.problems:
        raise typer.Exit(1)


def compact_cmd(
    before: str | None = typer.Option(
        None, "--before", metavar="DATE", help="only days before DATE (YYYY-MM-DD)."
    ),
    config: Path | None = ConfigOpt,
) -> None:
    """Merge each day's small Parquet files into one (atomic; safe while probes run)."""
    from ..store import StoreWarning, compact

    ws = _load(config)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StoreWarning)
        done = compact(ws.store, before=_when(before, "--before"))
    for w in caught:
        warn(str(w.message))
    for day, n in done:
        print(f"{day.isoformat()}: merged {n} files")
    print(f"compacted {len(done)} days")
    if caught:
        raise typer.Exit(1)


def export_cmd(
    fmt: str = typer.Option("csv", "--format", "-f", metavar="FORMAT", help="csv or parquet."),
    target: list[str] = typer.Option(
        None, "--target", "-t", metavar="NAME", help="only this target (repeatable)."
    ),
    start: str | None = typer.Option(
        None, "--start", metavar="WHEN", help="from this UTC date/time (inclusive)."
    ),
    end: str | None = typer.Option(
        None, "--end", metavar="WHEN", help="until this UTC date/time (exclusive)."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", metavar="FILE",
                                    help="file to write (CSV: stdout when absent or -)."),
    config: Path | None = ConfigOpt,
) -> None:
    """Write raw probe rows for other tools (CSV or Parquet). A --target that names no known target
    (of occ.yml's probes.targets or the store's probes) is a usage error, as with occ probe."""
    from ..store import StoreWarning, export

    if fmt not in ("csv", "parquet"):
        raise typer.BadParameter("expected csv or parquet", param_hint="--format")
    if out is not None and str(out) == "-":  # (stdout's usual name; a file named '-': its full path)
        out = None
    if fmt == "parquet" and out is None:
        raise typer.BadParameter("parquet needs --out FILE (not stdout)", param_hint="--out")
    if out is not None and out.is_dir():
        raise ConfigError(out, "--out", "is a folder; give the file to write")
    _period(start, end)
    ws = _load(config)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StoreWarning)
        if target:  # (a typo would export only the header, as if the target had no probe)
            known = known_targets(ws, ws.store if ws.store.is_dir() else None, list(target))
            unknown = [t for t in dict.fromkeys(target) if t not in known]
            if unknown:
                from ..redact import redact_text

                raise typer.BadParameter(redact_text(no_target_named(unknown, known)), param_hint="--target")
        n = export(ws.store, sys.stdout if out is None else out, fmt, target or None, start, end)
    for w in caught:
        warn(str(w.message))
    if out is not None:
        print(f"wrote {n} rows to {out}", file=sys.stderr)
    if caught:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("import")(import_cmd)
    app.command("export")(export_cmd)
    store_app.command("compact")(compact_cmd)
    app.add_typer(store_app, name="store")
