"""Evidence import, round 6: how commands and their output are found in transcripts.

Shell prompts (macOS zsh, oh-my-zsh, starship, a virtualenv's, git's, PowerShell's, cmd's, busybox's)
and ``curl.exe``; commands split over lines; ``-w`` output glued to the next prompt or after a body
without a newline; a proxy set by environment variable; Grafana's ``"success": 0`` and JSON lines.
Each transcript is what the shell shows when curl 7.88 / busybox wget print as written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from occ_lib.evidence import read_evidence


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode())
    return p


def rows(tmp_path: Path, name: str, text: str, cols: tuple[str, ...]) -> list[tuple]:
    df, problems = read_evidence([write(tmp_path, name, text)])
    assert [str(e) for e in problems] == []
    got = df[list(cols)].astype(object)
    return [tuple(r) for r in got.where(got.notna(), None).values.tolist()]


BASIC = ("url", "method", "status", "outcome", "error")


# JSON: 1/0 flags and JSON lines ---------------------------------------------------------------------------
GRAFANA = {"data": [
    {"job": "api-health", "target": "https://api.example.com/health", "success": 1, "duration_seconds": 0.231,
     "http_status_code": 200, "timestamp": 1760113800},
    {"job": "api-health", "target": "https://api.example.com/health", "success": 0, "duration_seconds": 10.0,
     "http_status_code": 0, "timestamp": 1760113860},
]}
JSON_COLS = ("url", "status", "outcome", "error", "elapsed_ms", "started_at")


def test_a_one_or_zero_success_flag_of_a_check_with_a_url(tmp_path):
    assert rows(tmp_path, "sm.json", json.dumps(GRAFANA), JSON_COLS) == [
        ("https://api.example.com/health", 200, "up", None, 231.0, pd.Timestamp("2025-10-10T16:30:00Z")),
        ("https://api.example.com/health", None, "down", None, 10000.0, pd.Timestamp("2025-10-10T16:31:00Z")),
    ]


def test_a_flag_without_a_url_or_under_result_is_no_check(tmp_path):
    p = write(tmp_path, "c.json", json.dumps([{"total": 3, "success": 1, "failed": 2},
                                              {"url": "https://a.test/x", "result": 0}]))
    df, problems = read_evidence([p])
    assert len(df) == 0
    assert [str(e) for e in problems] == [f"{p}: item 0: no status or ok/success field",
                                          f"{p}: item 1: no status or ok/success field"]


LINES = (
    '{"url": "https://a.test/x", "status": 200, "checked_at": "2025-10-10T10:00:00Z", "latency_ms": 12}\n'
    "\n"
    '{"url": "https://a.test/x", "ok": false, "error": "connection refused", '
    '"checked_at": "2025-10-10T10:01:00Z"}\n'
)


@pytest.mark.parametrize("name", ["checks.json", "checks.jsonl", "checks.ndjson"])
def test_json_lines_are_one_item_each(tmp_path, name):
    assert rows(tmp_path, name, LINES, JSON_COLS) == [
        ("https://a.test/x", 200, "up", None, 12.0, pd.Timestamp("2025-10-10T10:00:00Z")),
        ("https://a.test/x", None, "down", "connect", None, pd.Timestamp("2025-10-10T10:01:00Z")),
    ]


def test_json_lines_in_another_file_or_with_a_line_not_an_object_are_not_read_so(tmp_path):
    log = write(tmp_path, "checks.log", LINES)
    bad = write(tmp_path, "bad.json", LINES + "[1, 2]\n")
    df, problems = read_evidence([log, bad])
    assert len(df) == 0
    assert [str(e) for e in problems] == [
        f"{log}: not a curl transcript: no HTTP status line (HTTP/1.0, 1.1, 2 or 3)",
        f"{bad}:3: invalid JSON: Extra data"]
