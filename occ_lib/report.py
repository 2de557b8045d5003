"""Running the report notebooks with papermill: one notebook (:func:`run_notebook`), the weekly set
(:func:`weekly`), and regenerating the committed notebooks' outputs (:func:`refresh_notebooks`).

Execution only; HTML export and the index live in :mod:`occ_lib.export`. Notebooks run in the
``occ`` kernel of this very environment (:func:`resolve_kernel` checks, installs or refuses), with
the notebook's folder as working directory, parameters passed JSON-safe (dates as ISO strings). A
notebook that fails does not stop the others: its result carries the failing cell and the error, the
index shows it, and the CLI exits non-zero.

A run fills a hidden folder that takes the place of the period's (or notebook's) folder when it is
complete (:func:`_filled_in_place`), except when a notebook failed whose report in that folder had
succeeded: the previous report is then kept whole (``kept_previous``) and the run's folder dropped, so
a failing run never deletes a good report. Before anything runs, :func:`weekly` checks its config:
``report.notebooks`` naming no folder, a weekly notebook missing from it, or ``report.out`` naming a
file are :class:`~occ_lib.errors.ConfigError`s (``occ.yml: report.notebooks: folder not found``); it
also reads the workspace's logs, whose file problems (``WeeklyResult.logs``) the CLI prints as the
other commands do, and imports its evidence once, whose problems (``WeeklyResult.evidence_problems``)
the CLI prints as ``occ import`` does and the kernels get (:func:`ensure_store`) for the data quality
appendix (:func:`occ_lib.weekly.data_quality`); :func:`run_one` does the same for a notebook given a
workspace ``config``. A file given as a notebook that is not JSON fails as ``not a notebook (not
JSON)``, without echoing what it holds (it may be a token file given by mistake).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import export
from .config import StrictModel, validate_section
from .errors import ReportError
from .redact import redact_text

KERNEL = "occ"
WEEKLY_NOTEBOOKS: tuple[str, ...] = ("weekly_report", "sla_misses", "escalation_timeline", "latency")
PACKAGE_NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
_MAX_ERROR = 500


@dataclass
class RunResult:
    """What became of one notebook: where its outputs are, and the failing cell when it failed."""

    notebook: str
    ipynb_path: Path | None
    html_path: Path | None
    ok: bool
    error_cell: int | None = None
    error: str | None = None
    seconds: float = 0.0
    record: dict[str, Any] = field(default_factory=dict)
    kept_previous: bool = False  # (run_one: the run failed and the notebook's previous report stayed)
    logs: Any = None  # (run_one with a config: its logs' file problems, as WeeklyResult.logs)
    evidence_problems: list[Any] = field(default_factory=list)  # (and its import's, as WeeklyResult's)

    def moved_to(self, folder: Path) -> None:
        """Point the output paths into ``folder`` (where the run's folder was moved to)."""
        self.ipynb_path = folder / self.ipynb_path.name if self.ipynb_path else None
        self.html_path = folder / self.html_path.name if self.html_path else None

    def dropped(self) -> None:
        """No output paths: the run's folder was dropped (the previous report was kept)."""
        self.ipynb_path = self.html_path = None

    def as_dict(self) -> dict[str, Any]:
        size = self.html_path.stat().st_size if self.html_path and self.html_path.exists() else None
        return {
            "notebook": self.notebook,
            "ok": self.ok,
            "html": self.html_path.name if self.html_path else None,
            "ipynb": self.ipynb_path.name if self.ipynb_path else None,
            "html_bytes": size,
            "error_cell": self.error_cell,
            "error": self.error,
            "seconds": round(self.seconds, 2),
        }


@dataclass
class WeeklyResult:
    """One weekly run: its folder, period, each notebook's result and the index it updated."""

    folder: Path
    label: str
    start: pd.Timestamp
    end: pd.Timestamp
    as_of: pd.Timestamp
    tz: str
    results: list[RunResult]
    index_path: Path
    manifest_path: Path
    kept_previous: bool = False  # a notebook failed whose previous report succeeded: folder unchanged
    logs: Any = None  # the workspace's logs (``.problems``: the files that could not be read)
    # the evidence files (or items) the import could not read (``InputError``s, as ``occ import`` says)
    evidence_problems: list[Any] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)


# kernel --------------------------------------------------------------------------------------------


def _same_env(argv0: str) -> bool:
    """True when a kernelspec's python is this interpreter (same bin folder; symlinks not followed)."""
    if not argv0:
        return False
    a = Path(os.path.abspath(argv0))
    me = Path(os.path.abspath(sys.executable))
    return a == me or (a.parent == me.parent and a.name.startswith("python"))


def resolve_kernel(name: str = KERNEL) -> str:
    """The kernelspec to run notebooks with, guaranteed to be this environment's python.

    ``name`` when it exists and points here; else it is installed for ``sys.prefix`` (what the
    Makefile does); else ``python3`` when it points here; else :class:`ReportError`.
    """
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    def points_here(kname: str) -> bool:
        try:
            spec = KernelSpecManager().get_kernel_spec(kname)
        except NoSuchKernel:
            return False
        return bool(spec.argv) and _same_env(spec.argv[0])

    if points_here(name):
        return name
    if name == KERNEL:
        try:
            from ipykernel.kernelspec import install

            install(kernel_name=name, display_name="occ (.venv)", prefix=sys.prefix)
        except Exception:  # noqa: BLE001 - fall through to the other choices
            pass
        if points_here(name):
            return name
    if points_here("python3"):
        return "python3"
    raise ReportError(
        f"kernel {name!r} is missing or runs another python than {sys.executable}; "
        f"run: {sys.executable} -m ipykernel install --sys-prefix --name {KERNEL}"
    )


def _ipc_kernel_manager(folder: str) -> type:
    """A kernel manager that talks to its kernel over Unix sockets in a private temporary folder.

    TCP ports are picked by binding and releasing a free port, which races when several kernels
    start at once (ours in parallel, or anyone else's): the loser dies with "Address already in
    use" and the run waits a minute. IPC sockets in a fresh folder cannot collide.
    """
    from jupyter_client.manager import AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            if sys.platform != "win32":
                self.transport = "ipc"
                self.ip = os.path.join(folder, "kernel")

    return IPCKernelManager


class _KernelSession:
    """One kernel that runs several notebooks in turn, each from a clean namespace.

    Starting a kernel and importing pandas, plotly and occ_lib in it costs more than most notebooks'
    cells; a weekly run pays it once per worker instead of once per notebook. Between notebooks
    the kernel's namespace is reset (``InteractiveShell.reset``: variables gone, execution count
    back to 1, imported modules kept) and its working directory set to the next notebook's folder,
    so a notebook still sees nothing another one defined. A kernel that died is replaced.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._sockets = tempfile.TemporaryDirectory(prefix="occ-kernel-")
        self._starts = 0
        self.km: Any = None

    def ready(self, cwd: Path) -> Any:
        """The kernel manager, with a live kernel in ``cwd`` and an empty namespace."""
        from jupyter_core.utils import run_sync

        if self.km is not None and not run_sync(self.km.is_alive)():
            self._stop()  # it died with the previous notebook
        if self.km is not None:
            code = f"get_ipython().reset(new_session=True); __import__('os').chdir({str(cwd)!r})"
            try:
                run_sync(self._run_silently)(code)
                return self.km
            except Exception:  # noqa: BLE001 - a dead or wedged kernel is replaced by a fresh one
                self._stop()
        self._starts += 1
        folder = os.path.join(self._sockets.name, str(self._starts))  # fresh sockets per kernel
        os.mkdir(folder)
        km = _ipc_kernel_manager(folder)(kernel_name=self.name)
        run_sync(km.start_kernel)(cwd=str(cwd), extra_arguments=["--HistoryManager.hist_file=:memory:"])
        self.km = km
        return km

    async def _run_silently(self, code: str) -> None:
        kc = self.km.client()
        kc.start_channels()  # the kernel already answered (papermill waited): no wait_for_ready
        try:
            reply = await kc.execute_interactive(code, silent=True, store_history=False, timeout=60)
        finally:
            kc.stop_channels()
        if reply["content"].get("status") != "ok":
            raise RuntimeError(reply["content"].get("evalue", "reset failed"))

    def _stop(self) -> None:
        from jupyter_core.utils import run_sync

        km, self.km = self.km, None
        if km is None:
            return
        try:
            if run_sync(km.is_alive)():  # its notebooks are written: no graceful wait needed
                run_sync(km.shutdown_kernel)(now=True)
        finally:
            run_sync(km.cleanup_resources)()

    def close(self) -> None:
        """Shut the kernel down and remove its sockets."""
        try:
            self._stop()
        finally:
            self._sockets.cleanup()


# parameters ----------------------------------------------------------------------------------------


def json_safe(value: Any) -> Any:
    """Parameters as papermill stores them: dates and instants become ISO strings, paths strings."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.isoformat()
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, Sequence):
        return [json_safe(v) for v in value]
    raise ReportError(f"parameter value of type {type(value).__name__} cannot be passed to a notebook")


# one notebook -------------------------------------------------------------------------------------


def run_notebook(
    path: str | Path,
    params: Mapping[str, Any] | None = None,
    out_dir: str | Path = "reports",
    kernel: str = KERNEL,
    progress: bool = True,
    html: bool = True,
    output_path: str | Path | None = None,
) -> RunResult:
    """Execute ``path`` with papermill into ``out_dir/<name>.ipynb`` and export ``<name>.html``.

    Never raises for a failing notebook: the result says which cell failed and why (redacted). The
    notebook also gets a ``record`` parameter, a JSON path where it may write its key figures
    (:func:`occ_lib.weekly.record`); they come back in ``RunResult.record``.
    """
    session = _KernelSession(resolve_kernel(kernel))
    with _thread_errors_as_warnings():
        try:
            return _run_in(session, path, params, out_dir, progress, html, output_path)
        finally:
            session.close()


def _run_in(
    session: _KernelSession,
    path: str | Path,
    params: Mapping[str, Any] | None,
    out_dir: str | Path,
    progress: bool,
    html: bool = True,
    output_path: str | Path | None = None,
) -> RunResult:
    """:func:`run_notebook` in ``session``'s kernel (reset first, so it starts from nothing)."""
    return _finish(_execute(session, path, params, out_dir, progress, html, output_path), html)


def _record_path(out_dir: Path, name: str) -> Path:
    return out_dir / f"{name}.record.json"


def _execute(
    session: _KernelSession,
    path: str | Path,
    params: Mapping[str, Any] | None,
    out_dir: str | Path,
    progress: bool,
    html: bool = True,
    output_path: str | Path | None = None,
) -> RunResult:
    """Run the notebook with papermill; the result has no HTML or record yet (see :func:`_finish`)."""
    src = Path(path).resolve()
    name = src.stem
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    ipynb = Path(output_path).resolve() if output_path else out / f"{name}.ipynb"
    rec_path = _record_path(out, name)
    rec_path.unlink(missing_ok=True)
    parameters = {k: json_safe(v) for k, v in (params or {}).items()}
    if html:
        parameters.setdefault("record", str(rec_path))
    if ipynb != src:  # never export a previous run's output as this run's
        ipynb.unlink(missing_ok=True)
        ipynb.with_suffix(".html").unlink(missing_ok=True)
    if not src.exists():
        return RunResult(name, None, None, False, None, f"{src}: notebook not found")
    t0 = time.perf_counter()
    error_cell: int | None = None
    error: str | None = None
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    try:
        pm.execute_notebook(
            str(src),
            str(ipynb),
            parameters=parameters,
            kernel_name=session.name,
            progress_bar=progress,
            log_output=False,
            report_mode=False,
            # one write at the end (and on failure), not one per cell: each write re-validates the
            # whole notebook, which costs more than most cells
            request_save_on_cell_execute=False,
            # the session's kernel, reset and in the notebook's folder (so no cwd: papermill would
            # change this whole process's working directory)
            km=session.ready(src.parent),
        )
    except PapermillExecutionError as exc:
        error_cell = exc.exec_count if exc.exec_count is not None else exc.cell_index
        error = f"{exc.ename}: {exc.evalue}"
    except ReportError:
        raise
    except Exception as exc:  # noqa: BLE001 - a dead kernel or a bad notebook is this notebook's failure
        error = _not_a_notebook(src, exc) or f"{exc.__class__.__name__}: {exc}"
    seconds = time.perf_counter() - t0
    if error is not None:
        error = redact_text(error)[:_MAX_ERROR]
    return RunResult(name, ipynb if ipynb.exists() else None, None, error is None, error_cell, error, seconds)


def _not_a_notebook(src: Path, exc: Exception) -> str | None:
    """The error of a file that is no notebook, without its content: nbformat's own message quotes
    the file's start, which may be a token file given by mistake."""
    from nbformat.reader import NotJSONError

    if isinstance(exc, NotJSONError | UnicodeDecodeError):
        return f"{src}: not a notebook (not JSON)"
    return None


def _finish(res: RunResult, html: bool) -> RunResult:
    """Export ``res``'s notebook to HTML and read the key figures it recorded."""
    if res.ipynb_path is None:
        return res
    if html:
        try:
            res.html_path = export.to_html(res.ipynb_path, res.ipynb_path.with_suffix(".html"))
        except Exception as exc:  # noqa: BLE001 - reported like a failing cell
            if res.error is None:
                res.error = redact_text(f"HTML export: {exc.__class__.__name__}: {exc}")[:_MAX_ERROR]
                res.ok = False
    rec_path = _record_path(res.ipynb_path.parent, res.notebook)
    if rec_path.exists():
        try:
            res.record = json.loads(rec_path.read_text(encoding="utf-8"))
        except ValueError:
            res.record = {}
    return res


# the weekly set -----------------------------------------------------------------------------------


class ReportConfig(StrictModel):
    """The ``report:`` section of occ.yml; paths are relative to the file."""

    notebooks: str | None = None  # the weekly notebooks' folder (default: occ's notebooks/)
    out: str | None = None  # where reports go (default: reports/ under the current folder)


def report_config(ws: Any) -> ReportConfig:
    """The workspace's validated ``report:`` section (an unknown key is a ConfigError naming it)."""
    section = getattr(getattr(ws, "config", None), "report", None)
    return validate_section(ReportConfig, section, ws.config_path, "report")


def notebooks_dir(ws: Any = None) -> Path:
    """Where the report notebooks are: ``report: {notebooks: DIR}`` in occ.yml, else ``notebooks/``."""
    if ws is not None and (folder := report_config(ws).notebooks):
        return (ws.root / folder).resolve()
    return PACKAGE_NOTEBOOKS


def reports_dir(ws: Any, out: str | Path | None = None) -> Path:
    """Where reports go: ``out`` when given, else ``report: {out: DIR}`` in occ.yml, else ``reports/``.

    A folder that is a file, or lies under one, is an error before anything runs: ``out`` an
    :class:`~occ_lib.errors.ArgumentError`, ``report.out`` a :class:`~occ_lib.errors.ConfigError`.
    """
    from .errors import ArgumentError, ConfigError

    if out is not None:
        path = Path(out).resolve()
        if (blocker := _file_in_the_way(path)) is not None:
            raise ArgumentError(f"out: {blocker} is a file, not a folder")
        return path
    folder = report_config(ws).out
    if not folder:
        return Path("reports").resolve()
    path = (ws.root / folder).resolve()
    if (blocker := _file_in_the_way(path)) is not None:
        raise ConfigError(ws.config_path, "report.out", f"{blocker} is a file, not a folder")
    return path


def _file_in_the_way(folder: Path) -> Path | None:
    """``folder`` or the nearest of its parents that exists, when that is not a folder."""
    for p in (folder, *folder.parents):
        if p.exists():
            return None if p.is_dir() else p
    return None


def _notebook_paths(ws: Any, notebooks: Sequence[str] | None) -> list[Path]:
    """The notebooks a weekly run executes, checked before anything runs: a ``report.notebooks``
    folder that does not exist, or lacks one of the weekly notebooks, is a ConfigError naming the
    key; a notebook given by path that does not exist an ArgumentError."""
    from .errors import ArgumentError, ConfigError

    nb_dir = notebooks_dir(ws)
    configured = nb_dir != PACKAGE_NOTEBOOKS
    names = list(notebooks or WEEKLY_NOTEBOOKS)
    if any(Path(n).suffix != ".ipynb" for n in names) and not nb_dir.is_dir():
        if configured:
            what = "is not a folder" if nb_dir.exists() else "folder not found"
            raise ConfigError(ws.config_path, "report.notebooks", f"{what}: {nb_dir}")
        raise ReportError(f"{nb_dir}: occ's notebooks folder not found")
    paths = [Path(n) if Path(n).suffix == ".ipynb" else nb_dir / f"{n}.ipynb" for n in names]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        listed = ", ".join(p.name if p.parent == nb_dir else str(p) for p in missing)
        if configured and all(p.parent == nb_dir for p in missing):
            raise ConfigError(ws.config_path, "report.notebooks", f"{listed} not found in {nb_dir}")
        if all(p.parent == nb_dir for p in missing):
            raise ReportError(f"{nb_dir}: {listed} not found")
        raise ArgumentError(f"notebooks: not found: {listed}")
    return paths


_IMPORTED_ENV = "OCC_STORE_IMPORTED"
_PROBLEMS_ENV = "OCC_IMPORT_PROBLEMS"  # a JSON file of the runner's import problems, for its kernels


def ensure_store(ws: Any) -> list[Any]:
    """Import the workspace's evidence into its store (idempotent), so a fresh clone has probes;
    return the evidence files (or items) that could not be read, as ``InputError``s: what ``occ
    import`` prints (:func:`occ_lib.evidence.problem_line`).

    The runner imports once and tells the kernels it starts (environment ``OCC_STORE_IMPORTED``
    naming the store, ``OCC_IMPORT_PROBLEMS`` a file of its problems, redacted), so each notebook
    does not re-read every evidence file and still shows what the import skipped. A store that
    cannot be written (a read-only mount) is read as it is, with a ``StoreWarning`` saying the
    import was skipped; the files that import read and could not use are still returned.
    """
    if os.environ.get(_IMPORTED_ENV) == str(Path(ws.store).resolve()):
        return _runner_problems()
    return _import_evidence(ws)


def _import_evidence(ws: Any) -> list[Any]:
    paths = ws.evidence_paths()
    if not paths:
        return []
    from .errors import StoreNotWritable
    from .evidence import import_workspace

    try:
        # same target names and evidence paths as `occ import`
        return list(import_workspace(ws, paths).problems)
    except StoreNotWritable as exc:  # (a read-only store: the report shows what it already holds)
        import warnings

        from .store import StoreWarning

        warnings.warn(f"{exc}; evidence not imported, the report uses what the store holds",
                      StoreWarning, stacklevel=3)
        return list(exc.problems)  # (read before the store refused: still named, exit 1)


def _problems_file(problems: Sequence[Any], root: Path) -> Path:
    """A temporary file of ``problems`` for the kernels (which run in another folder): their path
    relative to the workspace folder ``root``, path and reason already redacted."""
    from .evidence import _display
    from .redact import redact_path

    fd, name = tempfile.mkstemp(prefix="occ-import-", suffix=".json")
    rows = [{"path": redact_path(_display(Path(p.path), root)), "line": p.line,
             "reason": redact_text(p.reason)} for p in problems]
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(rows, fh)
    return Path(name)


def _runner_problems() -> list[Any]:
    """The problems of the runner's import (:func:`_problems_file`), none when it wrote none."""
    from .errors import InputError

    name = os.environ.get(_PROBLEMS_ENV)
    if not name:
        return []
    try:
        rows = json.loads(Path(name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [InputError(r["path"], r["reason"], r["line"]) for r in rows]


def weekly(
    config: str | Path,
    week: str | None = None,
    start: str | None = None,
    end: str | None = None,
    out: str | Path | None = None,
    as_of: str | None = None,
    notebooks: Sequence[str] | None = None,
    progress: bool = True,
    jobs: int | None = None,
) -> WeeklyResult:
    """Run the weekly notebooks for one period into ``out/<label>/`` and update ``out/index.html``
    (``out`` by default: :func:`reports_dir`).

    Notebooks run ``jobs`` at a time (default: 2, or 1 on a single core), each in its own kernel.
    The period is ``week`` (ISO week such as ``2025-W41``), or ``start``..``end`` (dates, ``end``
    inclusive), or by default the last complete week in the policy's time zone.
    """
    from .weekly import period
    from .workspace import Workspace

    cfg = Path(config).resolve()
    ws = Workspace.load(cfg)
    out = reports_dir(ws, out)
    paths = _notebook_paths(ws, notebooks)  # (config mistakes first: nothing has run yet)
    per = period(ws, week=week, start=start, end=end, as_of=as_of)
    resolve_kernel()  # once, before any worker starts (it may install the kernelspec)
    # their file problems reach the command's stderr, named as the other commands name them (by the
    # config's path as given, not resolved); the bodies are the notebooks' to parse, not parsed twice
    with _workspace_read(config, ws) as (logs, evidence):
        return _weekly_run(ws, cfg, out, paths, per, progress, jobs, logs, evidence)


@contextlib.contextmanager
def _workspace_read(config: str | Path, ws: Any) -> Iterator[tuple[Any, list[Any]]]:
    """The workspace's log file problems (bodies unparsed: the notebooks' to parse) and its evidence
    imported, the files it could not read, both named as the other commands name them (by the
    config's path as given); the kernels started inside are told (:func:`ensure_store`)."""
    from .workspace import Workspace

    given = Workspace(Path(config), ws.config)
    logs = given.log_problems()
    # (imported here, whatever an earlier run in this process did: its problems are this run's)
    evidence = _import_evidence(given)
    os.environ[_IMPORTED_ENV] = str(Path(ws.store).resolve())  # inherited by the kernels
    problems_file = _problems_file(evidence, ws.root)
    os.environ[_PROBLEMS_ENV] = str(problems_file)
    try:
        yield logs, evidence
    finally:
        os.environ.pop(_PROBLEMS_ENV, None)
        problems_file.unlink(missing_ok=True)


def _weekly_run(
    ws: Any, cfg: Path, out: Path, paths: list[Path], per: Any, progress: bool, jobs: int | None,
    logs: Any, evidence: list[Any],
) -> WeeklyResult:
    folder = out / per.label
    params = {
        "config": str(cfg),
        "week": per.week,
        "start": None if per.week else per.start,
        "end": None if per.week else per.end,
        "as_of": per.as_of,
        "tz": per.tz,
        "title": None,
    }
    # (an interrupted or crashed run leaves the previous report as it was, never a mix of this
    # run's notebooks and the last one's; so does a run that failed where the previous one did not)
    with _filled_in_place(folder) as staging:
        results = _run_all(
            paths, params, staging.path, progress, jobs or min(2, os.cpu_count() or 1), per.label
        )
        manifest_path = _write_weekly_manifest(staging.path, per, cfg, results)
        staging.keep_previous = _loses_a_report(folder, results)
    for r in results:
        if staging.keep_previous:
            r.dropped()
        else:
            r.moved_to(folder)
    index = export.write_index(out)
    return WeeklyResult(
        folder, per.label, per.start, per.end, per.as_of, per.tz, results, index,
        folder / manifest_path.name, staging.keep_previous, logs, evidence,
    )


def _write_weekly_manifest(folder: Path, per: Any, cfg: Path, results: list[RunResult]) -> Path:
    headline = next((r.record.get("headline") for r in results if r.record.get("headline")), {})
    manifest = {
        **per.fields(),
        "config": str(cfg),
        "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "headline": headline,
        "notebooks": [r.as_dict() for r in results],
    }
    return export.write_manifest(folder, manifest)


@dataclass
class _Staging:
    """The hidden folder a run fills (``path``); ``keep_previous`` set by the run drops it instead."""

    path: Path
    keep_previous: bool = False


@contextlib.contextmanager
def _filled_in_place(folder: Path) -> Iterator[_Staging]:
    """A hidden folder beside ``folder`` for a run to fill, which takes ``folder``'s place when the
    block ends normally (:func:`_replace_folder`) and is removed when it does not, or when the
    block set ``keep_previous`` (see :func:`_loses_a_report`)."""
    staging = _Staging(_staging_folder(folder))
    try:
        yield staging
        if staging.keep_previous:
            shutil.rmtree(staging.path, ignore_errors=True)
        else:
            _replace_folder(staging.path, folder)
    except BaseException:
        shutil.rmtree(staging.path, ignore_errors=True)
        raise


def _loses_a_report(folder: Path, results: Sequence[RunResult]) -> bool:
    """Whether putting this run in ``folder``'s place would delete a good report: one of its
    notebooks failed whose report in ``folder`` succeeded (by its manifest; by its HTML file when
    the manifest cannot be read)."""
    failed = {r.notebook for r in results if not r.ok}
    if not failed or not folder.is_dir():
        return False
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        good = {n["notebook"] for n in manifest["notebooks"] if n.get("ok")}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        good = {p.stem for p in folder.glob("*.html")}
    return bool(failed & good)


def _staging_folder(folder: Path) -> Path:
    """A new hidden folder beside ``folder`` to fill first (see :func:`_replace_folder`), with the
    permissions a folder made there would have (mkdtemp's is private)."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".partial", dir=folder.parent))
    except OSError as exc:
        raise ReportError(f"{folder.parent}: cannot write reports there ({exc.strerror or exc})") from None
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    return staging


def _replace_folder(new: Path, folder: Path) -> None:
    """Put ``new`` in ``folder``'s place; the previous ``folder`` goes only once ``new`` is there.

    Two runs of one period finishing at once: the last to swap wins, whole (a folder that another
    run put back between the two renames is moved away again)."""
    olds: list[Path] = []
    try:
        for attempt in range(5):
            if folder.exists():
                olds.append(folder.with_name(f".{folder.name}.{os.getpid()}.{attempt}.old"))
                os.replace(folder, olds[-1])
            try:
                os.replace(new, folder)
                break
            except OSError:
                if attempt == 4 or not folder.exists():
                    raise
    except OSError as exc:
        if olds and not folder.exists():  # (the previous report goes back where it was)
            with contextlib.suppress(OSError):
                os.replace(olds[-1], folder)
        reason = exc.strerror or str(exc)
        raise ReportError(f"{folder}: the finished report could not take its place ({reason})") from None
    for old in olds:
        shutil.rmtree(old, ignore_errors=True)


def _run_all(
    paths: list[Path], params: Mapping[str, Any], folder: Path, progress: bool, jobs: int, label: str
) -> list[RunResult]:
    """Run ``paths`` in ``jobs`` worker processes, each with one kernel; results in the order given.

    Notebook ``i`` goes to worker ``i % jobs``, which runs its share in turn in one kernel (see
    :class:`_KernelSession`). Workers are processes, not threads: HTML export is CPU work that
    threads would serialize. With one job papermill's cell progress bar shows; with more, a rich
    bar counts notebooks.
    """
    jobs = max(1, min(jobs, len(paths)))
    import papermill  # noqa: F401 - once here, not in each forked worker

    if jobs == 1:
        return _run_group(paths, params, folder, label if progress else "")
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    from rich.console import Console
    from rich.progress import Progress

    ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    done = ctx.SimpleQueue()
    results: dict[int, RunResult] = {}
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=ctx, initializer=_set_done_queue, initargs=(done,)
    ) as pool:
        # the first submit forks every worker; the bar's refresh thread starts after (a thread alive
        # at a fork can leave the child a lock, stderr's or the console's, held for ever)
        futures = {
            pool.submit(_run_group, [paths[i] for i in group], dict(params), folder): group
            for group in (list(range(w, len(paths), jobs)) for w in range(jobs))
        }
        console = Console(stderr=True)  # (stdout is the report's paths, one per line, for scripts)
        draw = progress and console.is_terminal
        with Progress(console=console, disable=not draw, transient=False) as bar:
            task = bar.add_task(f"notebooks for {label}", total=len(paths))
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                while not done.empty():
                    done.get()
                    bar.advance(task)
                for fut in finished:
                    group = futures[fut]
                    try:
                        results.update(zip(group, fut.result(), strict=True))
                    except Exception as exc:  # noqa: BLE001 - a crashed worker fails its notebooks
                        err = redact_text(f"{exc.__class__.__name__}: {exc}")[:_MAX_ERROR]
                        for i in group:
                            results[i] = RunResult(paths[i].stem, None, None, False, None, err)
    return [results[i] for i in range(len(paths))]


_DONE: Any = None  # in a worker: the queue where it announces each finished notebook


def _set_done_queue(queue: Any) -> None:
    global _DONE
    _DONE = queue


def _run_group(
    paths: Sequence[Path], params: Mapping[str, Any], folder: Path, announce: str = ""
) -> list[RunResult]:
    """``paths`` one after another in one kernel, each failure its own (a worker's share).

    ``announce``: the period label, to print each notebook's name and papermill's progress bar.
    """
    from concurrent.futures import ThreadPoolExecutor

    def finish(res: RunResult) -> RunResult:
        res = _finish(res, html=True)
        if _DONE is not None:
            _DONE.put(res.notebook)
        return res

    session = _KernelSession(resolve_kernel())
    # each notebook's HTML export runs while the kernel executes the next one
    with _thread_errors_as_warnings(), ThreadPoolExecutor(1) as exporter:
        try:
            futures = []
            for path in paths:
                if announce:
                    print(f"occ: running {path.name} for {announce}", file=sys.stderr)
                res = _execute(session, path, params, folder, progress=bool(announce))
                futures.append(exporter.submit(finish, res))
        finally:
            session.close()
        return [f.result() for f in futures]


@contextlib.contextmanager
def _thread_errors_as_warnings() -> Iterator[None]:
    """While kernels run here, an exception that ends a thread is one redacted ``occ: warning:`` line,
    never a traceback on the command's stderr; and none at all for jupyter_client's heartbeat
    channel, whose thread can fail while its client's channels are stopped (the kernel is being shut
    down: nothing is lost)."""
    previous = threading.excepthook

    def hook(args: threading.ExceptHookArgs) -> None:
        if type(args.thread).__name__ == "HBChannel":
            return
        name = getattr(args.thread, "name", "?")
        what = redact_text(f"{args.exc_type.__name__}: {args.exc_value}")[:_MAX_ERROR]
        print(f"occ: warning: thread {name} failed: {what}", file=sys.stderr)

    threading.excepthook = hook
    try:
        yield
    finally:
        threading.excepthook = previous


def run_one(
    path: str | Path,
    params: Mapping[str, Any] | None = None,
    out: str | Path = "reports",
    progress: bool = True,
    config: str | Path | None = None,
) -> RunResult:
    """``occ report run``: one notebook into ``out/<name>/``, with a manifest and the index updated.

    Parameters that choose another period (``week``, ``start`` or ``end``) without an ``as_of``
    reset the notebook's own ``as_of`` to None (:func:`_period_as_of`). With a ``config`` parameter
    the workspace is read as :func:`weekly` reads it (its log file problems and its evidence's import
    problems in the result, named by ``config``: that path as given, default the parameter); a
    config that does not load is left to the notebook, which fails on it as it did.
    """
    src = Path(path)
    params = _period_as_of(src, params)
    named = config if config is not None else (params or {}).get("config")
    ws = _loaded(named)
    if ws is None:
        return _run_one(src, params, out, progress)
    with _workspace_read(named, ws) as (logs, evidence):
        res = _run_one(src, params, out, progress)
    res.logs, res.evidence_problems = logs, evidence
    return res


def _loaded(config: Any) -> Any:
    """The workspace of ``config`` (a path), None when there is none or it does not load."""
    from .errors import OccError
    from .workspace import Workspace

    if not isinstance(config, str | Path) or not Path(config).is_file():
        return None
    try:
        return Workspace.load(Path(config).resolve())
    except (OccError, ValueError, OSError):
        return None


def _run_one(src: Path, params: Mapping[str, Any] | None, out: str | Path, progress: bool) -> RunResult:
    folder = Path(out).resolve() / src.stem
    with _filled_in_place(folder) as staging:
        res = run_notebook(src, params, staging.path, progress=progress)
        manifest = {
            "label": src.stem,
            "start": "",
            "end": "",
            **_recorded_period(res.record),
            "params": json_safe(dict(params or {})),
            "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "headline": res.record.get("headline") or {},
            "notebooks": [res.as_dict()],
        }
        export.write_manifest(staging.path, manifest)
        staging.keep_previous = res.kept_previous = _loses_a_report(folder, [res])
    if res.kept_previous:
        res.dropped()
    else:
        res.moved_to(folder)
    export.write_index(Path(out).resolve())
    return res


_PERIOD_FIELDS = ("week", "start", "end", "start_local", "end_local", "tz", "as_of")


def _recorded_period(record: Mapping[str, Any]) -> dict[str, Any]:
    """The period a notebook computed and recorded (``weekly.record(record, period=per)``), as the
    manifest's fields: the index then lists the run with its period and as_of, not as ``to ,``.
    A notebook that records none leaves them empty."""
    per = record.get("period")
    if not isinstance(per, Mapping):
        return {}
    return {k: per[k] for k in _PERIOD_FIELDS if k in per}


_PERIOD_KEYS = ("week", "start", "end")
_AS_OF_PARAM = re.compile(r"^as_of\s*(:[^=]*)?=", re.M)


def _period_as_of(src: Path, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """``params`` plus ``as_of: None`` when they choose the period but not ``as_of`` and the
    notebook has an ``as_of`` parameter.

    A committed notebook fixes ``as_of`` to the end of its example week, for stable outputs; run
    for another week it would judge everything as of a time before that week began and show an
    empty report. None makes :func:`occ_lib.weekly.period` take the period's end (or now).
    """
    out = dict(params or {})
    if "as_of" in out or not any(k in out for k in _PERIOD_KEYS):
        return out
    try:
        import nbformat

        nb = nbformat.read(str(src), as_version=4)
    except Exception:  # noqa: BLE001 (an unreadable notebook is reported by the run itself)
        return out
    tagged = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if any(_AS_OF_PARAM.search(c.get("source", "")) for c in tagged):
        out["as_of"] = None
    return out


# committed outputs -------------------------------------------------------------------------------


def _strip_volatile(path: Path) -> None:
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    nbformat.write(nb, str(path))


def refresh_notebooks(
    names: Sequence[str] | None = None, folder: str | Path | None = None, rebuild_store: bool = True
) -> list[RunResult]:
    """Re-execute the committed notebooks in place with their default parameters (what nbval checks).

    The example workspace's store is rebuilt from its evidence first (``rebuild_store``). Outputs
    stay small: figures are plotly JSON (no plotly.js), papermill's timing metadata is dropped.
    Raises :class:`ReportError` naming the notebooks that failed.
    """
    nb_dir = Path(folder) if folder else PACKAGE_NOTEBOOKS
    example = nb_dir.parent / "examples" / "occ.yml"
    if rebuild_store and example.exists():
        # the example store is derived data (gitignored): rebuild it from the evidence alone, so the
        # committed outputs are what a fresh clone computes
        import shutil

        from .workspace import Workspace

        ws = Workspace.load(example)
        shutil.rmtree(ws.store / "probes", ignore_errors=True)
        ensure_store(ws)
    results = []
    for name in names or WEEKLY_NOTEBOOKS:
        path = nb_dir / f"{name}.ipynb"
        res = run_notebook(path, {}, nb_dir, progress=False, html=False, output_path=path)
        if res.ok:
            _strip_volatile(path)
        results.append(res)
    failed = [f"{r.notebook} (cell {r.error_cell}: {r.error})" for r in results if not r.ok]
    if failed:
        raise ReportError("notebooks failed: " + "; ".join(failed))
    return results
