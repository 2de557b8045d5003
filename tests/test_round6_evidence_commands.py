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


# a proxy set by environment variable ------------------------------------------------------------------
PROXY_FAILED = ("curl: (7) Failed to connect to proxy.corp.internal port 3128 after 1002 ms: "
                "Couldn't connect to server")
ENV_PROXY_V = (
    "[ops@bastion ~]$ curl -v -I https://api.example.com/health\n"
    "* Uses proxy env variable https_proxy == 'http://proxy.corp.internal:3128'\n"
    "*   Trying 10.20.0.5:3128...\n"
    "* connect to 10.20.0.5 port 3128 failed: Connection refused\n"
    "* Failed to connect to proxy.corp.internal port 3128 after 1002 ms: Couldn't connect to server\n"
    "* Closing connection 0\n"
    f"{PROXY_FAILED}\n"
)
# another word on the line (an unquoted header's) that curl tries as a URL: only -v's note says proxy
ENV_PROXY_V_STRAY = ENV_PROXY_V.replace("-v -I https://api.example.com/health",
                                        "-v -I https://api.example.com/health -H Accept: json")
ENV_PROXY_QUIET = f"$ curl -sSI https://api.example.com/health\n{PROXY_FAILED}\n"


@pytest.mark.parametrize("text", [ENV_PROXY_V, ENV_PROXY_V_STRAY, ENV_PROXY_QUIET])
def test_a_failure_to_reach_the_environments_proxy_is_the_rows(tmp_path, text):
    assert rows(tmp_path, "px_2025-10-10T19-01-00Z.log", text, (*BASIC, "error_message")) == [
        ("https://api.example.com/health", "HEAD", None, "down", "connect", PROXY_FAILED)]


def test_another_word_curl_tried_is_still_not_the_rows(tmp_path):
    text = ("$ curl -sS https://a.test/ -H Accept: json\n"
            "curl: (7) Failed to connect to json port 80 after 1 ms: Couldn't connect to server\n")
    p = write(tmp_path, "px_2025-10-10T19-01-00Z.log", text)
    df, problems = read_evidence([p])
    assert len(df) == 0
    assert [str(e) for e in problems] == [f"{p}: no response and no curl error about the command's URL"]


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
