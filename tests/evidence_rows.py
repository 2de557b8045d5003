"""Helpers of the evidence tests: one file written and read, its rows as plain dicts."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from occ_lib.evidence import read_evidence

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
