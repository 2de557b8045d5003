"""Running the report notebooks with papermill: one notebook (:func:`run_notebook`), the weekly set
(:func:`weekly`), and regenerating the committed notebooks' outputs (:func:`refresh_notebooks`).

Execution only; HTML export and the index live in :mod:`occ_lib.export`. Notebooks run in the
``occ`` kernel of this very environment (:func:`resolve_kernel` checks, installs or refuses), with
the notebook's folder as working directory, parameters passed JSON-safe (dates as ISO strings). A
notebook that fails does not stop the others: its result carries the failing cell and the error, the
index shows it, and the CLI exits non-zero.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import export
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
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    src = Path(path).resolve()
    name = src.stem
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    ipynb = Path(output_path).resolve() if output_path else out / f"{name}.ipynb"
    rec_path = out / f"{name}.record.json"
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
    sockets = tempfile.TemporaryDirectory(prefix="occ-kernel-")
    try:
        pm.execute_notebook(
            str(src),
            str(ipynb),
            parameters=parameters,
            kernel_name=resolve_kernel(kernel),
            progress_bar=progress,
            cwd=str(src.parent),
            log_output=False,
            report_mode=False,
            # one write at the end (and on failure), not one per cell: each write re-validates the
            # whole notebook, which costs more than most cells
            request_save_on_cell_execute=False,
            kernel_manager_class=_ipc_kernel_manager(sockets.name),
        )
    except PapermillExecutionError as exc:
        error_cell = exc.exec_count if exc.exec_count is not None else exc.cell_index
        error = f"{exc.ename}: {exc.evalue}"
    except ReportError:
        raise
    except Exception as exc:  # noqa: BLE001 - a dead kernel or a bad notebook is this notebook's failure
        error = f"{exc.__class__.__name__}: {exc}"
    sockets.cleanup()
    seconds = time.perf_counter() - t0
    if error is not None:
        error = redact_text(error)[:_MAX_ERROR]
    html_path: Path | None = None
    if html and ipynb.exists():
        try:
            html_path = export.to_html(ipynb, ipynb.with_suffix(".html"))
        except Exception as exc:  # noqa: BLE001 - reported like a failing cell
            error = error or redact_text(f"HTML export: {exc.__class__.__name__}: {exc}")[:_MAX_ERROR]
    record: dict[str, Any] = {}
    if rec_path.exists():
        try:
            record = json.loads(rec_path.read_text(encoding="utf-8"))
        except ValueError:
            record = {}
    ok = error is None
    return RunResult(
        name, ipynb if ipynb.exists() else None, html_path, ok, error_cell, error, seconds, record
    )


# the weekly set -----------------------------------------------------------------------------------


def notebooks_dir(ws: Any = None) -> Path:
    """Where the report notebooks are: ``report: {notebooks: DIR}`` in occ.yml, else ``notebooks/``."""
    section = getattr(getattr(ws, "config", None), "report", None) or {}
    if isinstance(section, dict) and section.get("notebooks"):
        return (ws.root / section["notebooks"]).resolve()
    return PACKAGE_NOTEBOOKS


_IMPORTED_ENV = "OCC_STORE_IMPORTED"


def ensure_store(ws: Any) -> None:
    """Import the workspace's evidence into its store (idempotent), so a fresh clone has probes.

    The runner imports once and tells the kernels it starts (environment ``OCC_STORE_IMPORTED``
    naming the store), so each notebook does not re-read every evidence file.
    """
    if os.environ.get(_IMPORTED_ENV) == str(Path(ws.store).resolve()):
        return
    paths = ws.evidence_paths()
    if not paths:
        return
    from .evidence import import_workspace

    import_workspace(ws, paths)  # same target names and evidence paths as `occ import`


def weekly(
    config: str | Path,
    week: str | None = None,
    start: str | None = None,
    end: str | None = None,
    out: str | Path = "reports",
    as_of: str | None = None,
    notebooks: Sequence[str] | None = None,
    progress: bool = True,
    jobs: int | None = None,
) -> WeeklyResult:
    """Run the weekly notebooks for one period into ``out/<label>/`` and update ``out/index.html``.

    Notebooks run ``jobs`` at a time (default: 2, or 1 on a single core), each in its own kernel.
    The period is ``week`` (ISO week such as ``2025-W41``), or ``start``..``end`` (dates, ``end``
    inclusive), or by default the last complete week in the policy's time zone.
    """
    from .weekly import period
    from .workspace import Workspace

    cfg = Path(config).resolve()
    out = Path(out).resolve()
    ws = Workspace.load(cfg)
    per = period(ws, week=week, start=start, end=end, as_of=as_of)
    resolve_kernel()  # once, before any worker starts (it may install the kernelspec)
    ensure_store(ws)
    os.environ[_IMPORTED_ENV] = str(Path(ws.store).resolve())  # inherited by the kernels
    folder = Path(out).resolve() / per.label
    folder.mkdir(parents=True, exist_ok=True)
    params = {
        "config": str(cfg),
        "week": per.week,
        "start": None if per.week else per.start,
        "end": None if per.week else per.end,
        "as_of": per.as_of,
        "tz": per.tz,
        "title": None,
    }
    nb_dir = notebooks_dir(ws)
    paths = [
        Path(n) if Path(n).suffix == ".ipynb" else nb_dir / f"{n}.ipynb"
        for n in notebooks or WEEKLY_NOTEBOOKS
    ]
    results = _run_all(paths, params, folder, progress, jobs or min(2, os.cpu_count() or 1), per.label)
    headline = next((r.record.get("headline") for r in results if r.record.get("headline")), {})
    manifest = {
        "label": per.label,
        "week": per.week,
        "start": per.start.isoformat(),
        "end": per.end.isoformat(),
        "start_local": per.start_local,
        "end_local": per.end_local,
        "tz": per.tz,
        "as_of": per.as_of.isoformat(),
        "config": str(cfg),
        "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "headline": headline,
        "notebooks": [r.as_dict() for r in results],
    }
    manifest_path = export.write_manifest(folder, manifest)
    index = export.write_index(Path(out).resolve())
    return WeeklyResult(
        folder, per.label, per.start, per.end, per.as_of, per.tz, results, index, manifest_path
    )


def _run_all(
    paths: list[Path], params: Mapping[str, Any], folder: Path, progress: bool, jobs: int, label: str
) -> list[RunResult]:
    """Run ``paths`` ``jobs`` at a time, results in the order given.

    Parallel runs use worker processes, not threads: papermill changes the working directory of the
    process it runs in, which threads would share. With one job papermill's cell progress bar shows;
    with more, a rich bar counts notebooks.
    """
    if jobs <= 1 or len(paths) <= 1:
        out = []
        for path in paths:
            if progress:
                print(f"occ: running {path.name} for {label}", file=sys.stderr)
            out.append(run_notebook(path, params, folder, progress=progress))
        return out
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from rich.progress import Progress

    results: dict[int, RunResult] = {}
    ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    with (
        Progress(disable=not progress, transient=False) as bar,
        ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool,
    ):
        task = bar.add_task(f"notebooks for {label}", total=len(paths))
        futures = {
            pool.submit(run_notebook, path, dict(params), folder, KERNEL, False): i
            for i, path in enumerate(paths)
        }
        for fut in as_completed(futures):
            i = futures[fut]
            try:
                results[i] = fut.result()
            except Exception as exc:  # noqa: BLE001 - a crashed worker is that notebook's failure
                err = redact_text(f"{exc.__class__.__name__}: {exc}")[:_MAX_ERROR]
                results[i] = RunResult(paths[i].stem, None, None, False, None, err)
            bar.advance(task)
    return [results[i] for i in range(len(paths))]


def run_one(
    path: str | Path,
    params: Mapping[str, Any] | None = None,
    out: str | Path = "reports",
    progress: bool = True,
) -> RunResult:
    """``occ report run``: one notebook into ``out/<name>/``, with a manifest and the index updated."""
    src = Path(path)
    folder = Path(out).resolve() / src.stem
    res = run_notebook(src, params, folder, progress=progress)
    manifest = {
        "label": src.stem,
        "start": "",
        "end": "",
        "params": json_safe(dict(params or {})),
        "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "headline": res.record.get("headline") or {},
        "notebooks": [res.as_dict()],
    }
    export.write_manifest(folder, manifest)
    export.write_index(Path(out).resolve())
    return res


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
