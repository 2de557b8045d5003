"""Evidence import, round 6: how commands and their output are found in transcripts.

Shell prompts (macOS zsh, oh-my-zsh, starship, a virtualenv's, git's, PowerShell's, cmd's, busybox's)
and ``curl.exe``; commands split over lines; ``-w`` output glued to the next prompt or after a body
without a newline; a proxy set by environment variable; Grafana's ``"success": 0`` and JSON lines.
Each transcript is what the shell shows when curl 7.88 / busybox wget print as written.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

from occ_lib.evidence import _command, import_evidence, read_evidence


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


def key(text: str, stamp: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest() + "#0@" + stamp


# prompts ---------------------------------------------------------------------------------------------
PROMPTS = [
    "ops@MacBook-Pro ~ % curl",  # macOS zsh's default
    "$ curl.exe",  # Windows' own curl
    "➜  ~ curl",  # oh-my-zsh
    "➜  occ git:(main) ✗ curl",
    "❯ curl",  # starship, pure
    "(venv) $ curl",
    "(base) ops@box:~$ curl",  # conda
    "bash-5.1$ curl",
    "ops@box:~/w (main)$ curl",  # git's __git_ps1
    "PS C:\\Users\\ops> curl.exe",
    "PS /home/ops> curl",  # pwsh on Linux: curl is curl
    "C:\\Users\\ops>curl",  # cmd
    "/ # curl",  # busybox sh in a container (kubectl exec)
    "MacBook-Pro:~ ops$ curl",  # macOS bash's default
]


@pytest.mark.parametrize("prompt", PROMPTS)
def test_each_prompt_starts_a_command(tmp_path, prompt):
    text = (f"{prompt} -sI https://api.example.com/one\nHTTP/1.1 200 OK\nServer: x\n\n"
            f"{prompt} -sI https://api.example.com/two\nHTTP/1.1 503 Service Unavailable\nServer: x\n\n")
    assert rows(tmp_path, "prompt_2025-10-10T12-00-00Z.log", text, BASIC) == [
        ("https://api.example.com/one", "HEAD", 200, "up", None),
        ("https://api.example.com/two", "HEAD", 503, "down", "unexpected_status"),
    ]


def test_a_file_imported_before_keeps_its_row_and_adds_the_command_it_lacked(tmp_path):
    """Before, the zsh prompt was no prompt: the file was one row keyed by its whole text. That row's
    key stays the first command's, so importing the file again adds only the second command."""
    first = "ops@MacBook-Pro ~ % curl -sI https://api.example.com/one\nHTTP/1.1 200 OK\n\n"
    second = "ops@MacBook-Pro ~ % curl -sI https://api.example.com/two\nHTTP/1.1 503 Service Unavailable\n\n"
    p = write(tmp_path, "zsh_2025-10-10T12-00-00Z.log", first + second)
    df, _problems = read_evidence([p])
    assert df["evidence_key"].tolist() == [key(first + second, "2025-10-10T12:00:00Z"),
                                           key(second, "2025-10-10T12:00:00Z")]
    assert import_evidence(tmp_path / "store", [p]).imported_rows == 2
    assert import_evidence(tmp_path / "store", [p]).imported_rows == 0


PROSE = [
    "Then I ran curl -sI https://api.example.com/two and it answered 200.",
    "➜ we also tried curl by hand",
    "(optional) curl is needed for this",
    "PS: curl -sI https://api.example.com/two again later",
    "ops said: curl https://api.example.com/two works",
]


@pytest.mark.parametrize("prose", PROSE)
def test_prose_that_names_curl_is_no_command(tmp_path, prose):
    assert _command([prose]) is None
    text = f"ops@MacBook-Pro ~ % curl -sI https://api.example.com/one\nHTTP/1.1 200 OK\n\n{prose}\n"
    assert rows(tmp_path, "prose_2025-10-10T12-00-00Z.log", text, BASIC) == [
        ("https://api.example.com/one", "HEAD", 200, "up", None)]


def test_powershells_curl_alias_listing_is_read_as_its_response(tmp_path):
    """Windows PowerShell 5's 'curl' is Invoke-WebRequest: its listing's StatusCode and RawContent's
    status line are the response (round 14, EXPB2: it was a problem, the evidence lost)."""
    text = ("PS C:\\Users\\ops> curl https://api.example.com/health\n\n"
            "StatusCode        : 200\nStatusDescription : OK\nRawContent        : HTTP/1.1 200 OK\n")
    p = write(tmp_path, "iwr_2025-10-10T12-00-00Z.log", text)
    df, problems = read_evidence([p])
    assert problems == []
    cols = df[["url", "method", "status", "outcome", "http_version"]]
    assert [tuple(r) for r in cols.itertuples(index=False)] == [
        ("https://api.example.com/health", "GET", 200, "up", "HTTP/1.1")]


def test_busybox_wget_after_a_container_prompt(tmp_path):
    text = ("/ # wget -S -O- http://api.internal:8080/health\n"
            "Connecting to api.internal:8080 (10.1.2.3:8080)\n"
            "  HTTP/1.1 503 Service Unavailable\n"
            "  Content-Type: text/plain\n"
            "\n"
            "wget: server returned error: HTTP/1.1 503 Service Unavailable\n")
    assert rows(tmp_path, "busybox_2025-10-10T20-12-00Z.log", text,
                (*BASIC, "http_version", "error_message", "started_at")) == [
        ("http://api.internal:8080/health", "GET", 503, "down", "unexpected_status", "HTTP/1.1", "HTTP 503",
         pd.Timestamp("2025-10-10T20:12:00Z"))]


# commands over several lines --------------------------------------------------------------------------
W_CONTINUED = (
    "$ curl -sS -o /dev/null \\\n"
    "    -w '%{http_code} %{time_total}\\n' \\\n"
    "    https://api.example.com/health\n"
    "503 0.045\n"
)
URL_CONTINUED = (
    "$ curl -sS \\\n"
    "    https://api.example.com/admin\n"
    "curl: (7) Failed to connect to api.example.com port 443 after 5 ms: Couldn't connect to server\n"
)
PS2 = (  # bash shows its '> ' prompt on the lines a command goes on to
    "ops@box:~$ curl -s -o /dev/null \\\n"
    "> -w '%{http_code} %{time_total}\\n' \\\n"
    "> https://api.example.com/health\n"
    "200 0.120\n"
)
POWERSHELL = (
    "PS C:\\Users\\ops> curl.exe -s -o NUL `\n"
    ">>   -w \"%{http_code} %{time_total}\\n\" `\n"
    ">>   https://api.example.com/health\n"
    "502 1.5\n"
)
CMD = (
    "C:\\Users\\ops>curl -s -o NUL ^\n"
    "More?   -w \"%{http_code} %{time_total}\\n\" ^\n"
    "More?   https://api.example.com/health\n"
    "200 0.25\n"
)
NO_PROMPT = "curl \\\n  -sI \\\n  https://api.example.com/health\nHTTP/2 204\n\n"


@pytest.mark.parametrize(
    "text, expected",
    [
        (W_CONTINUED, ("https://api.example.com/health", "GET", 503, "down", "unexpected_status", 45.0)),
        (URL_CONTINUED, ("https://api.example.com/admin", "GET", None, "down", "connect", None)),
        (PS2, ("https://api.example.com/health", "GET", 200, "up", None, 120.0)),
        (POWERSHELL, ("https://api.example.com/health", "GET", 502, "down", "unexpected_status", 1500.0)),
        (CMD, ("https://api.example.com/health", "GET", 200, "up", None, 250.0)),
        (NO_PROMPT, ("https://api.example.com/health", "HEAD", 204, "up", None, None)),
    ],
)
def test_a_command_over_several_lines_is_read_whole(tmp_path, text, expected):
    assert rows(tmp_path, "cont_2025-10-10T22-00-00Z.log", text, (*BASIC, "elapsed_ms")) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        (POWERSHELL, ("https://api.example.com/health", "GET", 502, "down", "unexpected_status", 1500.0)),
        ("$ curl -s -o NUL -w '%{http_code} %{time_total}\\n' https://api.example.com/health\n200 0.25\n",
         ("https://api.example.com/health", "GET", 200, "up", None, 250.0)),
    ],
)
def test_w_output_in_a_windows_transcript_ending_lines_in_cr_lf(tmp_path, text, expected):
    crlf = text.replace("\n", "\r\n")
    assert rows(tmp_path, "crlf_2025-10-10T22-00-00Z.log", crlf, (*BASIC, "elapsed_ms")) == [expected]


# -w output without a newline, glued to the next prompt -----------------------------------------------
GLUED = (
    "ops@box:~$ curl -s -o /dev/null -w '%{http_code}' https://api.example.com/a\n"
    "200ops@box:~$ curl -s -o /dev/null -w '%{http_code}' https://api.example.com/b\n"
    "503ops@box:~$ \n"
)
# after a plain '$ ' (no command matched on the glued lines before) and a failure
GLUED_PLAIN = (
    "$ curl -sS -o /dev/null -w '%{http_code}' https://a.test/a\n"
    "curl: (7) Failed to connect to a.test port 443 after 1 ms: Couldn't connect to server\n"
    "000$ curl -s -o /dev/null -w '%{http_code} %{time_total}' https://a.test/b\n"
    "503 0.120$ \n"
)


def test_output_glued_to_the_next_prompt_is_the_command_befores(tmp_path):
    assert rows(tmp_path, "w_2025-10-10T18-00-00Z.log", GLUED, BASIC) == [
        ("https://api.example.com/a", "GET", 200, "up", None),
        ("https://api.example.com/b", "GET", 503, "down", "unexpected_status"),
    ]


def test_glued_to_a_plain_prompt_and_the_first_rows_key_as_before(tmp_path):
    """The first command's row (before: the file's only row, keyed by its whole text) keeps its key."""
    cols = (*BASIC, "elapsed_ms", "evidence_key")
    assert rows(tmp_path, "w_2025-10-10T18-00-00Z.log", GLUED_PLAIN, cols) == [
        ("https://a.test/a", "GET", None, "down", "connect", None, key(GLUED_PLAIN, "2025-10-10T18:00:00Z")),
        ("https://a.test/b", "GET", 503, "down", "unexpected_status", 120.0,
         key(GLUED_PLAIN.split("\n", 2)[2], "2025-10-10T18:00:00Z")),  # (its lines as in the file)
    ]


def test_a_body_line_holding_a_prompt_and_curl_is_no_command(tmp_path):
    """Only a line that starts with what the -w format prints goes on with a prompt."""
    text = ("$ curl -s -w '%{http_code}' https://a.test/page\n"
            "<pre>$ curl -sI https://x.test/</pre>\n"
            "<p>done</p>\n"
            "200$ \n")
    assert rows(tmp_path, "w_2025-10-10T18-00-00Z.log", text, BASIC) == [
        ("https://a.test/page", "GET", 200, "up", None)]


# -w format that starts with a newline -------------------------------------------------------------------
def test_a_leading_newline_after_a_body_without_one(tmp_path):
    text = ("$ curl -s -w '\\n%{http_code} %{time_total}\\n' https://api.example.com/health\n"
            '{"status":"ok","db":"up"}\n'
            "503 0.233\n")
    assert rows(tmp_path, "w_2025-10-10T21-02-00Z.log", text, (*BASIC, "elapsed_ms")) == [
        ("https://api.example.com/health", "GET", 503, "down", "unexpected_status", 233.0)]


def test_a_leading_newline_after_a_body_with_one_still_reads_after_the_empty_line(tmp_path):
    text = "$ curl -s -w '\\n%{http_code}\\n' https://api.example.com/codes\n404\n\n503\n"
    assert rows(tmp_path, "w_2025-10-10T21-02-00Z.log", text, BASIC) == [
        ("https://api.example.com/codes", "GET", 503, "down", "unexpected_status")]


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
