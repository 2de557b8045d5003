"""``occ report``: run the weekly report notebooks, or any one notebook, into offline HTML."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import ConfigOpt, warn

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
        None, "--week", help="ISO week such as 2025-W41 (default: last complete)."
    ),
    start: str | None = typer.Option(None, "--start", help="first local day (YYYY-MM-DD), with --end."),
    end: str | None = typer.Option(None, "--end", help="last local day (YYYY-MM-DD), inclusive."),
    as_of: str | None = typer.Option(None, "--as-of", help="judge deadlines as of this instant (ISO)."),
    config: Path | None = ConfigOpt,
    out: Path | None = typer.Option(
        None, "--out", "-o", help="reports folder (default: report.out in occ.yml, else reports/)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bars."),
) -> None:
    """Run the weekly notebooks for one week; print each HTML path; exit 1 if any notebook failed."""
    from ..report import weekly

    if week and (start or end):
        raise typer.BadParameter("give --week or --start/--end, not both", param_hint="--week")
    if bool(start) != bool(end):
        raise typer.BadParameter("give both --start and --end", param_hint="--start")
    try:
        res = weekly(
            _config(config), week=week, start=start, end=end, out=out, as_of=as_of, progress=not quiet
        )
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    except KeyboardInterrupt:
        warn("interrupted: no report written; the period's folder is as it was")
        raise typer.Exit(130) from None
    for r in res.results:
        if r.html_path:
            print(r.html_path)
        if not r.ok:
            cell = f" at cell {r.error_cell}" if r.error_cell is not None else ""
            warn(f"{r.notebook} failed{cell}: {r.error}")
    print(res.index_path)
    if not res.ok:
        raise typer.Exit(1)


@_app.command("run", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def run_cmd(
    ctx: typer.Context,
    notebook: Path = typer.Argument(..., help="the notebook to run."),
    out: Path = typer.Option(Path("reports"), "--out", "-o", help="reports folder."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar."),
) -> None:
    """Run any notebook the same way, with parameters as -p KEY VALUE (VALUE read as YAML, so 3,
    true or a list work; dates stay strings). Prints the HTML path; exit 1 if the notebook failed."""
    from ..report import run_one

    try:
        res = run_one(notebook, _params(list(ctx.args)), out=out, progress=not quiet)
    except KeyboardInterrupt:
        warn("interrupted: no report written; the notebook's folder is as it was")
        raise typer.Exit(130) from None
    if res.html_path:
        print(res.html_path)
    if not res.ok:
        cell = f" at cell {res.error_cell}" if res.error_cell is not None else ""
        warn(f"{res.notebook} failed{cell}: {res.error}")
        raise typer.Exit(1)


@_app.command("refresh-notebooks")
def refresh_cmd() -> None:
    """Re-execute the committed notebooks in place on the example workspace (what nbval checks)."""
    from ..report import refresh_notebooks

    for r in refresh_notebooks():
        print(r.ipynb_path)


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
