"""Helpers of the evidence tests: one file written and read, its rows as plain dicts."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import nbformat
import pandas as pd
from typer.testing import CliRunner

from occ_lib.evidence import EvidenceNote, read_evidence

_runner = CliRunner()

# a cron job's appended `date; curl -sI` runs, each after its date line; and a later run of redirects
CRON = (
    "Fri Oct 10 07:00:00 UTC 2025\n"
    "HTTP/1.1 200 OK\n"
    "Content-Type: text/html\n"
    "\n"
    "Fri Oct 10 07:05:00 UTC 2025\n"
    "HTTP/1.1 503 Service Unavailable\n"
    "Retry-After: 30\n"
    "\n"
)
MORE = (
    "Fri Oct 10 07:10:00 UTC 2025\n"
    "HTTP/1.1 301 Moved Permanently\n"
    "Location: https://a.example/health/\n"
    "\n"
    "HTTP/1.1 204 No Content\n"
    "\n"
)


# the columns of a row that the fixture tests compare whole
FIELDS = ("target", "url", "method", "started_at", "time_source", "status", "outcome", "error",
          "error_message", "elapsed_ms", "http_version", "bytes")


def plain(v):
    """A cell as a plain value: None for a missing one, ISO text for a time, so rows compare as tuples."""
    if v is pd.NA or v is pd.NaT or (isinstance(v, float) and pd.isna(v)):
        return None
    return v.isoformat() if isinstance(v, pd.Timestamp) else v


def field_rows(df: pd.DataFrame) -> list[tuple]:
    """The FIELDS of each row of ``df``, as plain values."""
    return [tuple(plain(r[k]) for k in FIELDS) for r in df.to_dict("records")]


def noted(paths: list[Path], **kw) -> tuple[list[tuple], list[str], list[str]]:
    """The rows (FIELDS), problems and EvidenceNote messages of reading ``paths`` (``kw`` to
    ``read_evidence``)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df, problems = read_evidence(paths, **kw)
    notes = [str(w.message) for w in caught if issubclass(w.category, EvidenceNote)]
    return field_rows(df), [str(p) for p in problems], notes


def fixture_rows(path: Path) -> list[tuple]:
    """The FIELDS of each row read from the evidence file ``path``, which must read without problems."""
    df, problems = read_evidence([path])
    assert [str(p) for p in problems] == []
    return field_rows(df)


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode())
    return p


def rows(tmp_path: Path, name: str, text: str) -> tuple[list[dict], list[str]]:
    """The rows read from one file (NA as None) and its problems as text."""
    df, problems = read_evidence([write(tmp_path, name, text)], root=tmp_path)
    out = [{k: (None if v is pd.NA or v is pd.NaT or (isinstance(v, float) and pd.isna(v)) else v)
            for k, v in r.items()} for r in df.to_dict("records")]
    return out, [str(p) for p in problems]


def one(tmp_path: Path, name: str, text: str) -> dict:
    found, problems = rows(tmp_path, name, text)
    assert problems == []
    assert len(found) == 1
    return found[0]


def occ_in(cwd: Path, *args: str):
    """``occ ARGS`` run in ``cwd`` (the CLI reads ``./occ.yml``), its typer result."""
    from occ_lib.cli import app

    old = Path.cwd()
    os.chdir(cwd)
    try:
        return _runner.invoke(app, list(args))
    finally:
        os.chdir(old)


def workspace(tmp_path: Path, config: str = "logs: []\n") -> Path:
    """A workspace in ``tmp_path`` with ``config`` as its occ.yml; its new ``artifacts/`` folder."""
    (tmp_path / "occ.yml").write_text(config)
    art = tmp_path / "artifacts"
    art.mkdir()
    return art


def timed_rows(path: Path) -> list[tuple[str, int | None, str, str]]:
    """``(started_at, status, outcome, time_source)`` of each row read from ``path``, which must read
    without problems."""
    df, problems = read_evidence([path])
    assert problems == []
    cols = df[["started_at", "status", "outcome", "time_source"]]
    return [(t.isoformat(), None if s is None or s != s else int(s), o, src)
            for t, s, o, src in cols.itertuples(index=False)]


def checks_workspace(tmp_path: Path, policy: dict, checks: list[tuple[str, str, int, float]]):
    """A workspace whose evidence is one JSON file of (target, UTC time, HTTP status, ms) checks,
    imported into its store, judged by the ``sla:`` section ``policy``."""
    import json

    from occ_lib import weekly

    (tmp_path / "ev").mkdir()
    results = [
        {"check": t, "url": f"http://127.0.0.1:9/{t}", "statusCode": code, "latencyMs": ms, "checkedAt": at}
        for t, at, code, ms in checks
    ]
    (tmp_path / "ev" / "checks.json").write_text(json.dumps({"results": results}))
    config = {"logs": [], "evidence": ["ev/*.json"], "store": "data/", "sla": policy}
    (tmp_path / "occ.yml").write_text(json.dumps(config))  # (JSON is YAML)
    return weekly.workspace(tmp_path / "occ.yml")


# the example workspace's week 2025-W41 in New York, and its Sunday patching (Sun 02:00-04:00 EDT)
W41 = pd.Timestamp("2025-10-06 04:00Z"), pd.Timestamp("2025-10-13 04:00Z")
PATCHING = pd.Timestamp("2025-10-12 06:00Z"), pd.Timestamp("2025-10-12 08:00Z")

# (target, window start UTC, p95 ms, probes) of every 4h window of W41 over 800 ms with 5+ probes
W41_LATENCY_OVER = [
    ("staging-app-live", "2025-10-11 20:00", 1305.9, 8),
    ("staging-app-live", "2025-10-12 12:00", 811.6, 8),
    ("staging-app-live", "2025-10-12 16:00", 1186.6, 8),
    ("staging-app-mock", "2025-10-06 12:00", 1303.7, 8),
    ("staging-app-mock", "2025-10-06 20:00", 832.4, 8),
    ("staging-app-mock", "2025-10-07 08:00", 2261.9, 8),
    ("staging-app-mock", "2025-10-07 12:00", 972.7, 8),
    ("staging-app-mock", "2025-10-08 20:00", 1409.7, 8),
    ("staging-app-mock", "2025-10-09 08:00", 2116.8, 8),
    ("staging-app-mock", "2025-10-09 16:00", 1171.6, 8),
    ("staging-app-mock", "2025-10-10 04:00", 1160.5, 9),
    ("staging-app-mock", "2025-10-11 12:00", 1162.0, 7),
    ("staging-app-mock", "2025-10-11 16:00", 947.2, 8),
    ("staging-app-mock", "2025-10-12 16:00", 1502.0, 8),
    ("staging-app-mock", "2025-10-12 20:00", 1172.8, 8),
]


def example_week(root: Path):
    """W41 of a copy of the example workspace at ``root``, its evidence imported (``WeekData``)."""
    import shutil

    from occ_lib import weekly

    examples = Path(__file__).resolve().parents[1] / "examples"
    shutil.copytree(examples, root, ignore=shutil.ignore_patterns("data", "reports"))
    ws = weekly.workspace(root / "occ.yml")
    return weekly.collect(ws, weekly.period(ws, week="2025-W41"))


def example_windows(store, freq: str) -> pd.DataFrame:
    """Answered probes (up or degraded, timed) of the example's W41 outside the patching window, per
    target and UTC-aligned window, in plain pandas (not occ's aggregate): ``target, w, n, p95``
    (numpy's linear p95)."""
    import numpy as np

    from occ_lib.store import load_probes

    p = load_probes(store)
    at = pd.to_datetime(p["started_at"], utc=True)
    keep = (
        (at >= W41[0]) & (at < W41[1]) & ~((at >= PATCHING[0]) & (at < PATCHING[1]))
        & p["outcome"].isin(["up", "degraded"]) & p["elapsed_ms"].notna()
    )
    d = p[keep].assign(target=p["target"].astype(str), w=at[keep].dt.floor(freq))
    g = d.groupby(["target", "w"])["elapsed_ms"].agg(n="size", p95=lambda x: np.percentile(x, 95))
    return g.reset_index()


# an hourly p95 objective of the default 5 probes, and 4 slow probes from 10:00 on 2025-10-07 and 5 from
# 10:00 on 2025-10-08 (every 10 minutes) for checks_workspace: the first hour too few to be judged
HOURLY_P95 = {"tz": "UTC", "targets": {"*": {"latency": [{"percentile": "p95", "threshold_ms": 800}]}}}
SLOW_CHECKS = [("api", f"2025-10-07T10:{m}0:00Z", 200, 2000.0) for m in range(4)] + [
    ("api", f"2025-10-08T10:{m}0:00Z", 200, 2000.0) for m in range(5)
]


def code_notebook(path: Path, params: str, *cells: str) -> Path:
    """A notebook at ``path`` on the ``occ`` kernel: a ``parameters`` cell of ``params``, then a code cell
    each of ``cells``."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "occ", "display_name": "occ (.venv)", "language": "python"}
    p = nbformat.v4.new_code_cell(params)
    p.metadata["tags"] = ["parameters"]
    nb.cells = [p, *(nbformat.v4.new_code_cell(c) for c in cells)]
    nbformat.write(nb, path)
    return path
