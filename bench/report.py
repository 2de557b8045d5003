"""Benchmark of ``occ report weekly``: the example workspace, and the same week with 1 million probe rows.

In one run it measures, for each workspace:
- the wall time of ``occ report weekly --week 2025-W41`` (a subprocess: papermill, four kernels,
  nbconvert export, index);
- the wall time of the same occ_lib calls as a plain Python script (a subprocess too, so imports count
  the same): for each notebook, ``weekly.collect`` (and the previous week for the headline), the
  figures and tables it shows; the ratio of the two is the notebook overhead;
- the size of each HTML file.
Goals: at most 30 s end to end on 2 cores for the 1M-row week, overhead at most 2x.

Usage: ``python bench/report.py [--rows 1000000] [--keep DIR]``. The 1M rows are deterministic
(numpy seed 41) and written into a temporary copy of the example workspace's store.
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OCC = str(Path(sys.executable).parent / "occ")
WEEK = "2025-W41"

PLAIN = r"""
import sys, time
t0 = time.perf_counter()
from occ_lib import charts, weekly
from occ_lib.workspace import Workspace
ws = Workspace.load(sys.argv[1])
per = weekly.period(ws, week=sys.argv[2])
ALL = ("weekly_report", "sla_misses", "escalation_timeline", "latency")
names = sys.argv[3].split(",") if len(sys.argv) > 3 else ALL
for name in names:
    d = weekly.collect(ws, per)
    figs = []
    if name == "weekly_report":
        prev = weekly.collect(ws, per.previous())
        weekly.headline(d.figures, prev.figures)
        weekly.data_quality(d.logs, ws.root)
        weekly.table_changes(next(iter(d.tables.values()))) if d.tables else None
    if name in ("weekly_report", "sla_misses"):
        weekly.misses_table(d.misses, all_rows=True)
        figs.append(charts.misses_chart(d.misses, by="kind"))
    if name in ("weekly_report", "escalation_timeline"):
        weekly.summary_table(d.summary); weekly.timeline_table(d.timeline)
        figs.append(weekly.escalation_figure(d, per))
    if name in ("weekly_report", "latency"):
        weekly.objectives_table(d); weekly.latency_table(d.objective_windows)
        figs.extend(weekly.probe_figures(d, per))
    for f in figs:
        f.to_json()
print(f"{time.perf_counter() - t0:.3f}")
"""


def make_rows(n: int, start: pd.Timestamp, end: pd.Timestamp, seed: int = 41) -> pd.DataFrame:
    """``n`` probe rows over ``[start, end)`` for 4 targets: lognormal latencies, ~0.3% down."""
    from occ_lib.schema import PROBE_COLUMNS, conform

    rng = np.random.default_rng(seed)
    targets = np.array(["bench-api", "bench-app", "bench-cdn", "bench-auth"])
    span_us = int((end - start) / pd.Timedelta(microseconds=1))
    offs = np.sort(rng.integers(0, span_us, n))
    started = start + pd.to_timedelta(offs, unit="us")
    tgt = targets[rng.integers(0, len(targets), n)]
    elapsed = rng.lognormal(mean=np.log(180), sigma=0.6, size=n)
    down = rng.random(n) < 0.003
    outcome = np.where(down, "down", np.where(elapsed > 800, "degraded", "up"))
    df = pd.DataFrame(
        {
            "run_id": "bench-" + pd.Series(started).dt.strftime("%Y%m%d").to_numpy(),
            "source": "probe",
            "probe_host": "bench",
            "target": tgt,
            "url": "https://" + tgt + ".invalid/",
            "method": "HEAD",
            "started_at": started,
            "status": np.where(down, pd.NA, 200),
            "outcome": outcome,
            "error": np.where(down, "timeout", None),
            "error_message": None,
            "elapsed_ms": np.where(down, 10000.0, elapsed.round(3)),
            "dns_ms": None,
            "connect_ms": None,
            "tls_ms": None,
            "ttfb_ms": None,
            "http_version": "HTTP/1.1",
            "bytes": 0,
            "h_date": None,
            "h_server": None,
            "h_via": None,
            "h_request_id": None,
            "tags": '{"env":"bench"}',
            "evidence_path": None,
            "time_source": "clock",
            "evidence_key": None,
        }
    )
    return conform(df[list(PROBE_COLUMNS)])


def run_weekly(cfg: Path, out: Path) -> tuple[float, int]:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [OCC, "report", "weekly", "--config", str(cfg), "--week", WEEK, "--out", str(out), "--quiet"],
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - t0, proc.returncode


def run_plain_per_notebook(cfg: Path, jobs: int = 2) -> float:
    """The same calls as one Python process per notebook, ``jobs`` at a time (as the report runs them)."""
    from concurrent.futures import ThreadPoolExecutor

    names = ("weekly_report", "sla_misses", "escalation_timeline", "latency")

    def one(name: str) -> None:
        subprocess.run([sys.executable, "-c", PLAIN, str(cfg), WEEK, name], check=True, capture_output=True)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, names))
    return time.perf_counter() - t0


def run_plain(cfg: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", PLAIN, str(cfg), WEEK], check=True, capture_output=True, text=True)
    return time.perf_counter() - t0


def bench(label: str, ws: Path) -> dict[str, float]:
    cfg = ws / "occ.yml"
    from occ_lib.report import ensure_store
    from occ_lib.workspace import Workspace

    ensure_store(Workspace.load(cfg))  # the import is the same for both; time the report itself
    out = ws.parent / f"reports-{label}"
    t_nb, rc = run_weekly(cfg, out)
    t_plain = run_plain(cfg)
    t_each = run_plain_per_notebook(cfg)
    print(
        f"\n[{label}] occ report weekly: {t_nb:.1f} s (exit {rc}); the same occ_lib calls as one script: "
        f"{t_plain:.1f} s (overhead {t_nb / t_plain:.2f}x); as one script per notebook, 2 at a time: "
        f"{t_each:.1f} s (overhead {t_nb / t_each:.2f}x)"
    )
    for html in sorted((out / WEEK).glob("*.html")):
        print(f"  {html.name:28s} {html.stat().st_size / 1e6:6.2f} MB")
    return {"notebooks_s": t_nb, "plain_s": t_plain, "each_s": t_each, "rc": rc}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--keep", type=Path, default=None, help="keep the workspaces in this folder")
    args = ap.parse_args()
    # occ_lib's bytecode, as `make bench` writes it (Makefile `pyc`): the processes timed here must
    # not spend their start-up compiling the package when PYTHONDONTWRITEBYTECODE is set
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "occ_lib"), quiet=1)
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="occ-bench-report-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        small = tmp / "example"
        shutil.rmtree(small, ignore_errors=True)
        shutil.copytree(EXAMPLES, small, ignore=shutil.ignore_patterns("data"))
        res_small = bench("example", small)

        big = tmp / "million"
        shutil.rmtree(big, ignore_errors=True)
        shutil.copytree(small, big, ignore=shutil.ignore_patterns("reports-*"))
        from occ_lib.periods import week_bounds
        from occ_lib.store import write_probes
        from occ_lib.workspace import Workspace

        ws = Workspace.load(big / "occ.yml")
        start, end = week_bounds(WEEK, ws.policy.tz)
        t0 = time.perf_counter()
        rows = make_rows(args.rows, start, end)
        write_probes(ws.store, rows)
        print(f"\ngenerated and stored {len(rows):,} probe rows in {time.perf_counter() - t0:.1f} s")
        res_big = bench(f"{args.rows // 1000}k-rows", big)
        ok_time = res_big["notebooks_s"] <= 30
        ok_ratio = res_big["notebooks_s"] / res_big["plain_s"] <= 2
        each = res_big["notebooks_s"] / res_big["each_s"]
        print(
            f"\ngoal <= 30 s for {args.rows:,} rows: {'met' if ok_time else 'NOT met'} "
            f"({res_big['notebooks_s']:.1f} s); goal overhead <= 2x: {'met' if ok_ratio else 'NOT met'} "
            f"({res_big['notebooks_s'] / res_big['plain_s']:.2f}x against one script, {each:.2f}x against "
            f"one script per notebook; example workspace "
            f"{res_small['notebooks_s'] / res_small['plain_s']:.2f}x)"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
