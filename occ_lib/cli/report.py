"""``occ report``: run the weekly report notebooks, or any one notebook, into offline HTML.

``occ report weekly`` exits 2 for a usage or config error found before anything runs (a period out
of range, a ``report.notebooks`` folder or notebook missing, ``report.out`` or ``--out`` a file),
and 1 when a notebook failed, a log file could not be read (printed as the other commands print
it) or an evidence file (or item) could not be imported (printed as ``occ import`` prints it, and
listed in the weekly report's data quality appendix, ``what`` = ``evidence``), also when the store
cannot be written and the import is skipped (one ``occ: warning:`` line says so; the files it read
are still named); the report is still written from the other files. An import's notes are
``occ: warning:`` lines, as ``occ import`` prints them. A run where a notebook failed whose previous
report had succeeded keeps the previous report whole and says so.
"""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import ConfigOpt, warn, warn_file_problems

_app = typer.Typer(help="Weekly HTML reports from the notebooks in notebooks/.", no_args_is_help=True)


def _config(config: Path | None) -> Path:
    if config is not None:
        return config
    if Path("occ.yml").exists():
        return Path("occ.yml")
    raise typer.BadParameter("no ./occ.yml here; give --config", param_hint="--config")


@_app.command("weekly")
def weekly_cmd(
    week: str | None = typer.Option(
        None, "--week", metavar="YYYY-Www", help="ISO week such as 2025-W41 (default: last complete)."
    ),
    start: str | None = typer.Option(
        None, "--start", metavar="DATE", help="first local day (YYYY-MM-DD), with --end."
    ),
    end: str | None = typer.Option(
        None, "--end", metavar="DATE", help="last local day (YYYY-MM-DD), inclusive."
    ),
    as_of: str | None = typer.Option(
        None, "--as-of", metavar="INSTANT", help="judge deadlines as of this instant (ISO)."
    ),
    config: Path | None = ConfigOpt,
    out: Path | None = typer.Option(
        None, "--out", "-o", metavar="FOLDER",
        help="reports folder (default: report.out in occ.yml, else reports/)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bars."),
) -> None:
    """Run the weekly notebooks for one week; print each HTML path; exit 1 if any notebook failed."""
    from ..evidence import problem_line
    from ..report import weekly

    if week and (start or end):
        raise typer.BadParameter("give --week or --start/--end, not both", param_hint="--week")
    if bool(start) != bool(end):
        raise typer.BadParameter("give both --start and --end", param_hint="--start")
    if week:
        _a_week(week)
    for value, option in ((start, "--start"), (end, "--end"), (as_of, "--as-of")):
        _within_range(value, option)
    if out is not None and out.exists() and not out.is_dir():
        raise typer.BadParameter(f"{out} is a file, not a folder", param_hint="--out")
    try:
        res = weekly(
            _config(config), week=week, start=start, end=end, out=out, as_of=as_of, progress=not quiet
        )
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    except KeyboardInterrupt:
        warn("interrupted: no report written; the period's folder is as it was")
        raise typer.Exit(130) from None
    failed = warn_file_problems(res.logs)  # (as occ sla and the others do; the report still shows them)
    for problem in res.evidence_problems:  # (as occ import prints them; the data quality part lists them)
        warn(problem_line(problem))
        failed = True
    for r in res.results:
        if r.html_path:
            print(r.html_path)
        if not r.ok:
            cell = f" at cell {r.error_cell}" if r.error_cell is not None else ""
            warn(f"{r.notebook} failed{cell}: {r.error}")
    if res.kept_previous:
        warn(f"{res.label}: not replaced (a notebook failed whose previous report succeeded); "
             f"the previous report in {res.folder} is kept")
    print(res.index_path)
    if failed or not res.ok:
        raise typer.Exit(1)


def _a_week(week: str) -> None:
    """A usage error on ``--week`` when it is no ISO week, or one outside the years occ handles."""
    from ..periods import week_bounds

    try:
        week_bounds(week)  # (whether a week exists does not depend on the zone)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--week") from None


def _within_range(value: str | None, option: str) -> None:
    """A usage error when ``value`` is a date or instant outside the years occ handles; one that is
    no date at all is left to the period's own check (which names what it expects)."""
    from ..periods import OUT_OF_RANGE, in_range, to_utc

    if value is None:
        return
    try:
        ts = to_utc(value, "UTC")  # (UTC: the years' margins dwarf any zone's offset)
    except (ValueError, TypeError):
        return
    try:
        in_range(ts)
    except ValueError:
        raise typer.BadParameter(OUT_OF_RANGE, param_hint=option) from None


@_app.command("run", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def run_cmd(
    ctx: typer.Context,
    notebook: Path = typer.Argument(..., metavar="NOTEBOOK", help="the notebook to run."),
    config: Path | None = typer.Option(
        None, "--config", "-c", metavar="PATH",
        help="workspace file, passed as the notebook's `config` parameter (default ./occ.yml when "
        "it exists, else the notebook's own).",
    ),
    out: Path = typer.Option(Path("reports"), "--out", "-o", metavar="FOLDER", help="reports folder."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar."),
) -> None:
    """Run any notebook the same way, with parameters as -p KEY VALUE (VALUE read as YAML, so 3,
    true or a list work; dates stay strings). Prints the HTML path; exit 1 if the notebook failed
    or a file of the workspace could not be read (printed as occ report weekly prints it)."""
    from ..evidence import problem_line
    from ..report import run_one

    if out.exists() and not out.is_dir():
        raise typer.BadParameter(f"{out} is a file, not a folder", param_hint="--out")
    asked = _params(list(ctx.args))
    params = _with_config(asked, config)
    # (the workspace's files are named by its config as given, as the other commands name them)
    given = config or (Path("occ.yml") if "config" not in asked and "config" in params else None)
    try:
        res = run_one(notebook, params, out=out, progress=not quiet, config=given)
    except KeyboardInterrupt:
        warn("interrupted: no report written; the notebook's folder is as it was")
        raise typer.Exit(130) from None
    failed = warn_file_problems(res.logs)  # (the workspace read as occ report weekly reads it)
    for problem in res.evidence_problems:
        warn(problem_line(problem))
        failed = True
    if res.html_path:
        print(res.html_path)
    if not res.ok:
        cell = f" at cell {res.error_cell}" if res.error_cell is not None else ""
        warn(f"{res.notebook} failed{cell}: {res.error}")
        if res.kept_previous:
            kept = out.resolve() / res.notebook
            warn(f"{res.notebook}: not replaced; the previous report in {kept} is kept")
    if failed or not res.ok:
        raise typer.Exit(1)


@_app.command("refresh-notebooks")
def refresh_cmd() -> None:
    """Re-execute the committed notebooks in place on the example workspace (what nbval checks)."""
    from ..report import refresh_notebooks

    for r in refresh_notebooks():
        print(r.ipynb_path)


def _with_config(params: dict[str, object], config: Path | None) -> dict[str, object]:
    """``params`` with ``config`` set to ``--config`` (or ./occ.yml when it exists and no ``-p
    config`` is given) as an absolute path: the notebook runs in its own folder, where a relative
    path would name another file. ``--config`` and ``-p config`` together are a usage error."""
    if config is not None and "config" in params:
        raise typer.BadParameter("give --config or -p config, not both", param_hint="--config")
    if config is None:
        if "config" in params or not Path("occ.yml").is_file():
            return params
        config = Path("occ.yml")
    if not config.is_file():
        raise typer.BadParameter(f"{config}: file not found", param_hint="--config")
    return {**params, "config": str(config.resolve())}


def _params(args: list[str]) -> dict[str, object]:
    """``-p KEY VALUE`` (or ``--param``) triples from the extra arguments."""
    import yaml

    pairs: list[tuple[str, str]] = []
    i = 0
    while i < len(args):
        if args[i] not in ("-p", "--param") or i + 2 >= len(args):
            raise typer.BadParameter(f"unexpected argument {args[i]!r}; parameters are -p KEY VALUE")
        pairs.append((args[i + 1], args[i + 2]))
        i += 3
    out: dict[str, object] = {}
    for key, raw in pairs:
        try:
            val = yaml.safe_load(raw)
        except yaml.YAMLError:
            val = raw
        # dates stay ISO strings (papermill stores JSON)
        out[key] = raw if not isinstance(val, str | int | float | bool | list | dict | type(None)) else val
    return out


def register(app: typer.Typer) -> None:
    """Add ``occ report`` to ``app``."""
    app.add_typer(_app, name="report")
