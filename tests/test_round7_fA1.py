"""Round 7, fixer fA1 (test-drive td64, findings 1, 2, 3, 8 and 11).

* 1: ``Authorization`` first in a dict or JSON text (Python's ``repr(headers)``, JSON-logged headers)
  no longer hands the next header's value over: ``redact_text`` (hence the store, ``occ export``, the
  status-log reader) and the evidence scrubber mask the credential after the scheme word and read the
  next field by its own name; ``Token token="..."`` is still masked whole.
* 2, 8: ``occ import`` problem lines name the file as the store does (``evidence.problem_line``): a
  credential known by its form or a ``name=value`` secret in the name masked, the stamp, extension and
  ``:line`` kept; a name without secrets as it is.
* 3: terminal recordings of curl (``script``): escape sequences (bold header names, bracketed paste)
  and ``CR CR LF`` line ends are read as absent, a row's identity still the file's text.
* 11: ``occ export --out -`` writes CSV to stdout.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from occ_lib.errors import InputError
from occ_lib.evidence import _scrub, problem_line, read_evidence
from occ_lib.logs import read_logs
from occ_lib.redact import redact_text
from occ_lib.store import load_probes

OCC = Path(sys.executable).with_name("occ")


def occ(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(OCC), *args], cwd=cwd, capture_output=True, text=True, env=dict(os.environ),
                          timeout=120)


# --- 1: Authorization first among other headers -----------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("request headers {'Authorization': 'Bearer abc.def', 'X-Api-Key': 'LEAKAPIKEY99'}",
         "request headers {'Authorization': 'Bearer ***', 'X-Api-Key': '***'}"),
        ('{"Authorization": "Bearer LEAK3", "X-Api-Key": "LEAK4"}',
         '{"Authorization": "Bearer ***", "X-Api-Key": "***"}'),
        ("{'Authorization': 'Token L3', 'Cookie': 'sid=LEAK5'}",
         "{'Authorization': 'Token ***', 'Cookie': '***'}"),
        ("{'Authorization': 'GenieKey 4f2a9c', 'X-Api-Key': 'LEAK6'}",
         "{'Authorization': 'GenieKey ***', 'X-Api-Key': '***'}"),
        ("{'Proxy-Authorization': 'Basic dXNlcjpwYXNz', 'X-Api-Key': 'LEAK7'}",
         "{'Proxy-Authorization': 'Basic ***', 'X-Api-Key': '***'}"),
        ("headers={'authorization': 'bearer eyJhbGciOi.x.y', 'accept': 'application/json'}",
         "headers={'authorization': 'bearer ***', 'accept': 'application/json'}"),
        # a field after it that is no secret stays as written
        ("{'Authorization': 'Bearer abc.def', 'User-Agent': 'curl/8.4.0'}",
         "{'Authorization': 'Bearer ***', 'User-Agent': 'curl/8.4.0'}"),
        ('{"Authorization": "Bearer LEAK8", "X-Request-Id": "req-7f3a9c21"}',
         '{"Authorization": "Bearer ***", "X-Request-Id": "req-7f3a9c21"}'),
        # a credential alone (no scheme word) goes whole
        ("{'Authorization': 'abc123def', 'User-Agent': 'curl/8'}",
         "{'Authorization': '***', 'User-Agent': 'curl/8'}"),
    ],
)
def test_authorization_then_another_header(text, expected):
    assert redact_text(text) == expected
    assert _scrub(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # (near misses: what the second word's quoted value was meant for, and what stayed before)
        ('Authorization: Token token="abc123def"', "Authorization: Token ***"),
        ('Authorization: Token token="abc123def", realm="ops"', 'Authorization: Token ***, realm="ops"'),
        ("{'Authorization': 'Token token=\"abc123\"', 'X-Api-Key': 'K9z'}",
         "{'Authorization': 'Token ***', 'X-Api-Key': '***'}"),
        ("Authorization: Bearer abcdef123456 was rejected", "Authorization: Bearer *** was rejected"),
        ("Authorization: pending from legal", "Authorization: pending from legal"),
        ('{"password": "hunter2 ***"}', '{"password": "***"}'),
        ('{"api_key": "Bearer abc123XYZ"}', '{"api_key": "***"}'),
    ],
)
def test_authorization_forms_that_stay(text, expected):
    assert redact_text(text) == expected


LOG_TEXT = ('09:10 ET DEPLOY-147 probe failed, request headers {"Authorization": "Bearer ***", '
            '"X-Api-Key": "***"}')


def test_status_log_with_headers_in_an_item(tmp_path):
    log = tmp_path / "log.md"
    log.write_text(
        "# Status 2025-10-14\n\n"
        '- 09:10 ET DEPLOY-147 probe failed, request headers {"Authorization": "Bearer LEAKBEARER", '
        '"X-Api-Key": "LEAKAPIKEY99"}\n'
    )
    logs = read_logs([str(log)])
    assert list(logs.events["text"]) == [LOG_TEXT]
    for table in (logs.events, logs.sections, logs.deadlines, logs.docs, logs.problems):
        assert "LEAK" not in table.astype("string").to_csv()


# --- 2, 8: problem lines name the file as the store does ----------------------------------------------
@pytest.mark.parametrize(
    "path, line, reason, expected",
    [
        ("artifacts/curl_sk_live_4eC39HqLyjWDarjtT1zdp7dc_2025-10-14T09-05-00Z.log", None,
         "not a curl transcript",
         "artifacts/curl_***_2025-10-14T09-05-00Z.log: not a curl transcript"),
        ("artifacts/curl_access_token=GARBAGETOKEN1_2025-10-14T09-00-00Z.log", None,
         "not a curl transcript",
         "artifacts/curl_access_token=***_2025-10-14T09-00-00Z.log: not a curl transcript"),
        ("artifacts/chk_password=PWSECRET4.json", 1, "invalid JSON: Expecting ',' delimiter",
         "artifacts/chk_password=***.json:1: invalid JSON: Expecting ',' delimiter"),
        # (a key's value may hold '/', as base64 does: masked through it with the file name, round 15 SEC2)
        ("ops/api_key=abc/x.log", None, "item 0: no status; token=abc123def",
         "ops/api_key=***.log: item 0: no status; token=***"),
        # (near misses: names without secrets stay whole)
        ("artifacts/curl_health_2025-10-14T09-10-00Z.log", 3, "not a curl transcript",
         "artifacts/curl_health_2025-10-14T09-10-00Z.log:3: not a curl transcript"),
        ("artifacts/key_rotation_notes.json", 2, "invalid JSON: Expecting value",
         "artifacts/key_rotation_notes.json:2: invalid JSON: Expecting value"),
    ],
)
def test_problem_line(path, line, reason, expected):
    assert problem_line(InputError(path, reason, line)) == expected


# --- 3: terminal recordings ------------------------------------------------------------------------------
TYPESCRIPT = (
    'Script started on 2025-10-14 10:15:00+00:00 [TERM="xterm-256color" TTY="/dev/pts/3" COLUMNS="200" '
    'LINES="50"]\n\x1b[?2004hops@box:~$ curl -sI http://127.0.0.1:43495/cookie\r\n\x1b[?2004l\r'
    "HTTP/1.1 200 OK\r\r\n\x1b[1mServer\x1b[0m: BaseHTTP/0.6 Python/3.11.7\r\r\n"
    "\x1b[1mDate\x1b[0m: Tue, 14 Oct 2025 10:15:01 GMT\r\r\n"
    "\x1b[1mSet-Cookie\x1b[0m: session=abc; HttpOnly; Path=/\r\r\n\x1b[1mX-Request-Id\x1b[0m: "
    "req-7f3a9c21\r\r\n\x1b[1mContent-Length\x1b[0m: 3\r\r\n\r\r\n\x1b[?2004hops@box:~$ exit\r\n"
)
FIELDS = ["status", "outcome", "url", "method", "h_date", "h_server", "h_request_id", "started_at",
          "time_source"]


def _rows(tmp_path: Path, name: str, text: str) -> tuple[list[list], list[str]]:
    f = tmp_path / name
    f.write_bytes(text.encode())
    os.utime(f, (1764547200, 1764547200))  # 2025-12-01T00:00:00Z, should the time fall to the mtime
    df, problems = read_evidence([f], root=tmp_path)
    got = [[None if pd.isna(v) else (v.isoformat() if hasattr(v, "isoformat") else v) for v in r]
           for r in df[FIELDS].astype(object).itertuples(index=False)]
    return got, [problem_line(p).removeprefix(str(tmp_path) + "/") for p in problems]


def test_script_recording_with_bold_header_names(tmp_path):
    got, problems = _rows(tmp_path, "typescript.log", TYPESCRIPT)
    assert problems == []
    assert got == [[200, "up", "http://127.0.0.1:43495/cookie", "HEAD", "Tue, 14 Oct 2025 10:15:01 GMT",
                    "BaseHTTP/0.6 Python/3.11.7", "req-7f3a9c21", "2025-10-14T10:15:01+00:00", "date_header"]]
    df, _ = read_evidence([tmp_path / "typescript.log"])
    # (the row's identity is the file's text as found, sequences and all)
    assert list(df["evidence_key"]) == [hashlib.sha256(TYPESCRIPT.encode()).hexdigest() + "#0"]


DATE = "Tue, 14 Oct 2025 10:15:01 GMT"


@pytest.mark.parametrize(
    "text",
    [
        # colour alone (CR LF line ends), CR CR LF alone, tput's 'ESC(B', a window title
        "HTTP/1.1 200 OK\r\n\x1b[1mServer\x1b[0m: a\r\n\x1b[1mDate\x1b[0m: " + DATE + "\r\n\r\n",
        "HTTP/1.1 200 OK\r\r\nServer: a\r\r\nDate: " + DATE + "\r\r\n\r\r\n",
        "\x1b]0;ops@box: ~\x07HTTP/1.1 200 OK\nServer: a\x1b(B\x1b[m\nDate: " + DATE + "\n\n",
    ],
)
def test_terminal_forms_of_one_head(tmp_path, text):
    got, problems = _rows(tmp_path, "head.log", text)
    assert (got, problems) == ([[200, "up", None, None, "Tue, 14 Oct 2025 10:15:01 GMT", "a", None,
                                 "2025-10-14T10:15:01+00:00", "date_header"]], [])


def test_a_blank_line_still_ends_the_head(tmp_path):
    # (near miss: CR LF CR LF is an empty line; what follows is body, not headers)
    got, _ = _rows(tmp_path, "body.log", "HTTP/1.1 200 OK\r\nServer: a\r\n\r\nDate: " + DATE + "\r\n")
    assert got == [[200, "up", None, None, None, "a", None, "2025-12-01T00:00:00+00:00", "mtime"]]


def test_recording_of_several_commands(tmp_path):
    text = (
        "Script started on 2025-10-14 10:15:00+00:00\n"
        "\x1b[?2004hops@box:~$ curl -sI http://127.0.0.1:43495/ok\r\n\x1b[?2004l\rHTTP/1.1 200 OK\r\r\n"
        "\x1b[1mDate\x1b[0m: Tue, 14 Oct 2025 10:15:01 GMT\r\r\n\x1b[1mX-Request-Id\x1b[0m: req-1\r\r\n\r\r\n"
        "\x1b[?2004hops@box:~$ curl -sI http://127.0.0.1:43495/503\r\n\x1b[?2004l\rjunk here\r\r\n"
        "\x1b[?2004hops@box:~$ curl -sI http://127.0.0.1:43495/503\r\n\x1b[?2004l\rHTTP/1.1 503 Service "
        "Unavailable\r\r\n\x1b[1mDate\x1b[0m: Tue, 14 Oct 2025 10:16:01 GMT\r\r\n\r\r\n"
        "\x1b[?2004hops@box:~$ exit\r\n"
    )
    got, problems = _rows(tmp_path, "multi.log", text)
    assert got == [
        [200, "up", "http://127.0.0.1:43495/ok", "HEAD", "Tue, 14 Oct 2025 10:15:01 GMT", None, "req-1",
         "2025-10-14T10:15:01+00:00", "date_header"],
        [503, "down", "http://127.0.0.1:43495/503", "HEAD", "Tue, 14 Oct 2025 10:16:01 GMT", None, None,
         "2025-10-14T10:16:01+00:00", "date_header"],
    ]
    # (the line as the file's lines count it, CR a line end as before)
    assert problems == ["multi.log:12: not a curl transcript: no HTTP status line (HTTP/1.0, 1.1, 2 or 3)"]


# --- the command line: import problems (2, 8), no leak (1), export to stdout (11) ------------------------
def test_import_and_export_as_a_user_runs_them(tmp_path):
    ws = tmp_path
    art = ws / "artifacts"
    art.mkdir()
    (ws / "occ.yml").write_text("evidence: [artifacts/*]\nstore: data/\n")
    (art / "checks-2025-10-14T09-00-00Z.json").write_text(json.dumps([{
        "url": "https://api.example.com/health", "ok": False, "checked_at": "2025-10-14T09:00:00Z",
        "error": "401 from upstream, request headers {'Authorization': 'Bearer abc.def', "
                 "'X-Api-Key': 'LEAKAPIKEY99'}"}]))
    cmd = "$ curl -sI https://api.example.com/health\n"  # (a transcript; a bare note is passed over)
    (art / "curl_sk_live_4eC39HqLyjWDarjtT1zdp7dc_2025-10-14T09-05-00Z.log").write_text(cmd + "junk\n")
    (art / "curl_access_token=GARBAGETOKEN1_2025-10-14T09-00-00Z.log").write_text(cmd + "garbage\n")
    (art / "chk_password=PWSECRET4.json").write_text('{"name":"x"')
    (art / "curl_health_2025-10-14T09-10-00Z.log").write_text(cmd + "nothing\n")

    r = occ("import", "--config", "occ.yml", cwd=ws)
    assert r.returncode == 1
    assert r.stdout == "imported 1 rows from 1 files; 0 already imported; 4 skipped\n"
    why = "not a curl transcript: no HTTP status line (HTTP/1.0, 1.1, 2 or 3)"
    assert sorted(r.stderr.splitlines()) == [
        "occ: artifacts/chk_password=***.json:1: invalid JSON: Expecting ',' delimiter",
        f"occ: artifacts/curl_***_2025-10-14T09-05-00Z.log: {why}",
        f"occ: artifacts/curl_access_token=***_2025-10-14T09-00-00Z.log: {why}",
        f"occ: artifacts/curl_health_2025-10-14T09-10-00Z.log: {why}",
    ]

    out = occ("export", "--config", "occ.yml", "--format", "csv", "--out", "-", cwd=ws)
    assert (out.returncode, out.stderr) == (0, "")
    assert not (ws / "-").exists()
    lines = out.stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith("run_id,source,")
    row = dict(zip(lines[0].split(","), next(csv.reader([lines[1]])), strict=True))
    assert row["error_message"] == (
        "401 from upstream, request headers {'Authorization': 'Bearer ***', 'X-Api-Key': '***'}")
    assert (row["started_at"], row["outcome"]) == ("2025-10-14T09:00:00Z", "down")

    # (near misses: a file still named by --out, Parquet still needs one)
    to_file = occ("export", "--config", "occ.yml", "--out", "rows.csv", cwd=ws)
    assert (to_file.returncode, to_file.stdout, to_file.stderr) == (0, "", "wrote 1 rows to rows.csv\n")
    assert (ws / "rows.csv").read_text() == out.stdout
    pq = occ("export", "--config", "occ.yml", "--format", "parquet", "--out", "-", cwd=ws)
    assert pq.returncode == 2 and "parquet needs --out FILE (not stdout)" in pq.stderr
    assert "Traceback" not in pq.stderr

    (ws / "log.md").write_text(
        "# Status 2025-10-14\n\n- 09:10 ET DEPLOY-147 probe failed, request headers "
        '{"Authorization": "Bearer LEAKBEARER", "X-Api-Key": "LEAKAPIKEY99"}\n')
    ev = occ("events", "log.md", "--format", "jsonl", cwd=ws)
    assert (ev.returncode, ev.stderr) == (0, "")
    assert [json.loads(x)["text"] for x in ev.stdout.splitlines()] == [LOG_TEXT]

    stored = b"".join(f.read_bytes() for f in sorted((ws / "data").rglob("*")) if f.is_file())
    assert b"LEAKAPIKEY99" not in stored and b"abc.def" not in stored
    assert "LEAK" not in load_probes(ws / "data").astype("string").to_csv()
    for text in (r.stdout, r.stderr, out.stdout, to_file.stderr, ev.stdout):
        for secret in ("LEAKAPIKEY99", "LEAKBEARER", "abc.def", "4eC39HqLyjWDarjtT1zdp7dc", "GARBAGETOKEN1",
                       "PWSECRET4"):
            assert secret not in text
