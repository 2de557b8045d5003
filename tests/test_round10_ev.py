"""Round 10 (ev): which files evidence import reads, empty files, JSON time and latency units."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from occ_lib import evidence
from occ_lib.evidence import evidence_files, read_evidence, split_evidence
from occ_lib.workspace import Workspace
from tests.evidence_rows import occ_in as _occ
from tests.evidence_rows import workspace as _workspace

HEAD = "HTTP/1.1 200 OK\r\nDate: Fri, 10 Oct 2025 07:00:00 GMT\r\n\r\n"
CHECK = {"url": "https://a.example/health", "status": 200, "checked_at": "2025-10-10T07:00:00Z"}


def _mixed(art: Path) -> None:
    """A normal artifacts folder: evidence beside a README, a screenshot and notes."""
    (art / "README.md").write_text("# Artifacts\n\nCaptured by capture.py.\n")
    (art / "shot.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (art / "notes.txt").write_text("Called the vendor; they will look at it on Monday.\n")
    (art / "app.log").write_text("2025-10-10 07:00:00 INFO worker started\n")
    (art / "capture.py").write_text("print('hi')\n")
    (art / "curl_health_2025-10-10T07-00-00Z.log").write_text(HEAD)
    (art / "checks.jsonl").write_text(json.dumps(CHECK) + "\n" + json.dumps({**CHECK, "status": 503}) + "\n")
    (art / "more.ndjson").write_text(json.dumps({**CHECK, "checked_at": "2025-10-10T08:00:00Z"}) + "\n")


# F1 + F2: one filter for every caller ----------------------------------------------------------
def test_a_folder_gives_its_jsonl_and_ndjson_and_passes_over_notes(tmp_path):
    art = _workspace(tmp_path)
    _mixed(art)
    kept, passed = split_evidence(["artifacts"], tmp_path)
    assert [p.name for p in kept] == ["checks.jsonl", "curl_health_2025-10-10T07-00-00Z.log", "more.ndjson"]
    assert [p.name for p in passed] == ["README.md", "app.log", "capture.py", "notes.txt", "shot.png"]
    r = _occ(tmp_path, "import", "artifacts")
    assert (r.exit_code, r.stdout) == (0, "imported 4 rows from 3 files; 0 already imported; 0 skipped\n")


def test_the_default_evidence_glob_of_a_normal_workspace_imports_cleanly(tmp_path):
    art = _workspace(tmp_path)
    _mixed(art)
    r = _occ(tmp_path, "import")
    assert (r.exit_code, r.stdout) == (0, "imported 4 rows from 3 files; 0 already imported; 0 skipped\n")
    again = _occ(tmp_path, "import")
    assert again.exit_code == 0
    assert again.stdout == "imported 0 rows from 0 files; 3 already imported; 0 skipped\n"


def test_workspace_report_and_cli_share_the_filter(tmp_path):
    art = _workspace(tmp_path)
    _mixed(art)
    ws = Workspace.load(tmp_path / "occ.yml")
    want = [art / "checks.jsonl", art / "curl_health_2025-10-10T07-00-00Z.log", art / "more.ndjson"]
    assert ws.evidence_paths() == want
    assert evidence_files(["artifacts/**"], tmp_path) == want
    assert len(ws.evidence_paths(all_files=True)) == 8  # (the weekly audit still finds a cited screenshot)
    from occ_lib.report import ensure_store
    from occ_lib.store import load_probes

    ensure_store(ws)
    assert len(load_probes(ws.store)) == 4


def test_a_glob_on_the_command_line_is_filtered_too(tmp_path):
    art = _workspace(tmp_path)
    _mixed(art)
    assert [p.name for p in evidence_files([str(art / "*")])] == [
        "checks.jsonl", "curl_health_2025-10-10T07-00-00Z.log", "more.ndjson"]


@pytest.mark.parametrize("text", [
    "$ curl -sI https://a.example/health\n",  # (a command: its missing output is a problem)
    "ops@box:~$ curl -s -o /dev/null -w '%{http_code}' https://a.example/\n200",
    "curl: (6) Could not resolve host: a.example\n",
    "time_total: 0.308s\n",
    "< HTTP/2 503\n< date: Fri, 10 Oct 2025 07:00:00 GMT\n",
    "--2025-10-09 14:02:00--  https://a.example/\nResolving a.example... failed\n",
    "0000: HTTP/1.1 200 OK\n",
    "\x1b]0;ops@box: ~\x07ops@box:~$ curl -sI https://a.example/\r\n",
    'Script started on 2025-10-14 09:05:00+00:00 [COMMAND="curl -sI https://a.example/" TERM="xterm"]\n',
])
def test_transcript_shapes_are_kept(tmp_path, text):
    (tmp_path / "t.txt").write_text(text)
    assert evidence_files([str(tmp_path)]) == [tmp_path / "t.txt"]


def test_utf16_transcript_is_kept(tmp_path):
    (tmp_path / "ps.log").write_bytes(HEAD.encode("utf-16"))
    assert evidence_files([str(tmp_path)]) == [tmp_path / "ps.log"]


def test_an_evidence_suffix_that_cannot_be_read_stays_a_problem(tmp_path):
    art = _workspace(tmp_path)
    (art / "empty.log").write_bytes(b"")
    (art / "blank.json").write_text("\n  \n")
    (art / "bin.log").write_bytes(b"\x00\x01\x02garbage")
    (art / "gone.log").symlink_to(art / "missing.log")
    (art / "gone.png").symlink_to(art / "missing.png")  # (no evidence suffix: passed over)
    (art / "README.md").write_text("# hi\n")
    r = _occ(tmp_path, "import")
    assert r.exit_code == 1
    assert r.stdout == "imported 0 rows from 0 files; 0 already imported; 4 skipped\n"
    assert sorted(r.stderr.splitlines()) == [
        "occ: artifacts/bin.log: binary file, not a transcript or JSON",
        "occ: artifacts/blank.json: empty file (only blank lines)",
        "occ: artifacts/empty.log: empty file",
        "occ: artifacts/gone.log: broken symbolic link (its target does not exist)",
    ]


def test_a_file_named_explicitly_is_read_and_says_it_is_no_evidence(tmp_path):
    art = _workspace(tmp_path)
    (art / "README.md").write_text("# Artifacts\n")
    r = _occ(tmp_path, "import", "artifacts/README.md")
    assert r.exit_code == 1
    assert r.stderr == (
        "occ: artifacts/README.md: not evidence (a .md file, no curl or wget transcript nor check JSON): "
        "not a curl transcript: no HTTP status line (HTTP/1.0, 1.1, 2 or 3)\n")
    # a transcript kept under another name is still read when named
    (art / "capture.md").write_text(HEAD)
    ok = _occ(tmp_path, "import", "artifacts/capture.md")
    assert (ok.exit_code, ok.stdout) == (0, "imported 1 rows from 1 files; 0 already imported; 0 skipped\n")


def test_only_notes_names_what_was_passed_over(tmp_path):
    art = _workspace(tmp_path)
    (art / "README.md").write_text("# hi\n")
    (art / "shot.png").write_bytes(b"\x89PNG")
    r = _occ(tmp_path, "import")
    assert r.exit_code == 1
    assert r.stderr == (
        "occ: no evidence files found: evidence: artifacts/** of occ.yml matches 2 files, none a curl or "
        "wget transcript or check JSON (artifacts/README.md, artifacts/shot.png)\n")


# F8: an empty file says so --------------------------------------------------------------------
@pytest.mark.parametrize(("name", "data", "why"), [
    ("e.log", b"", "empty file"),
    ("e.json", b"", "empty file"),
    ("e.jsonl", b"\n\n", "empty file (only blank lines)"),
    ("e.txt", b"\xef\xbb\xbf", "empty file"),
])
def test_empty_file_is_named_empty(tmp_path, name, data, why):
    (tmp_path / name).write_bytes(data)
    df, problems = read_evidence([tmp_path / name])
    assert df.empty
    assert [str(p) for p in problems] == [f"{tmp_path / name}: {why}"]


def test_module_exports_the_filter():
    assert evidence.EVIDENCE_SUFFIXES == (".log", ".txt", ".out", ".json", ".jsonl", ".ndjson")
    assert pd.api.types.is_list_like(evidence.__all__) and "evidence_files" in evidence.__all__


# F6: an epoch as a string of digits -----------------------------------------------------------
def _one(tmp_path: Path, item: dict) -> pd.Series:
    p = tmp_path / "c.json"
    p.write_text(json.dumps(item))
    df, problems = read_evidence([p])
    assert problems == []
    return df.iloc[0]


@pytest.mark.parametrize(("value", "want"), [
    ("1760070048", "2025-10-10T04:20:48+00:00"),
    ("1760070048123", "2025-10-10T04:20:48.123000+00:00"),
    (" 1760070048 ", "2025-10-10T04:20:48+00:00"),
    ("1760070048.5", "2025-10-10T04:20:48.500000+00:00"),
    ("20251010", "2025-10-10T00:00:00+00:00"),  # (ISO 8601's basic date, not an epoch)
])
def test_epoch_digit_string_is_a_time(tmp_path, value, want):
    row = _one(tmp_path, {"url": "https://a.example/", "status": 200, "timestamp": value})
    assert (row["started_at"].isoformat(), row["time_source"]) == (want, "json")


@pytest.mark.parametrize("value", ["99999999999999999999", "999999999999999999999", "0000000000"])
def test_epoch_digit_string_that_fits_no_unit_is_no_time(tmp_path, value):
    p = tmp_path / "c.json"
    p.write_text(json.dumps({"url": "https://a.example/", "status": 200, "timestamp": value}))
    _df, problems = read_evidence([p])
    assert [p.reason for p in problems] == ["item 0: timestamp is not a date and time"]


# F7: a latency's unit stated in a key of its own ----------------------------------------------
@pytest.mark.parametrize(("extra", "want"), [
    ({"latency": 0.312, "latency_unit": "s"}, 312.0),
    ({"latency": 0.312, "unit": "s"}, 312.0),
    ({"latency": 0.312, "unit": "seconds"}, 312.0),
    ({"duration": 2, "durationUnit": "S"}, 2000.0),
    ({"latency": 312, "latency_unit": "ms"}, 312.0),
    ({"latency": 312000, "latency_unit": "us"}, 312.0),
    ({"latency": 312, "unit": "bytes"}, 312.0),  # (no time unit: ms, as before)
    ({"latency_ms": 312, "unit": "s"}, 312.0),  # (the key's own suffix wins)
    ({"latency": "0.5ms", "latency_unit": "s"}, 0.5),  # (the value's own unit wins)
    ({"response": {"latency": 0.25}, "unit": "s"}, 250.0),
])
def test_latency_unit_is_honoured(tmp_path, extra, want):
    row = _one(tmp_path, {"url": "https://a.example/", "status": 200,
                          "checked_at": "2025-10-10T07:00:00Z", **extra})
    assert row["elapsed_ms"] == want


# F3: several curl runs in one file, each after 'date -u' ---------------------------------------
RUNS = """\
ops@box:~$ date -u
Fri Oct 10 07:00:00 UTC 2025
ops@box:~$ curl -s -o /dev/null -w '%{http_code} %{time_total}\\n' https://a.example/health
200 0.312
ops@box:~$ date -u
Fri 10 Oct 2025 07:05:00 PM UTC
ops@box:~$ curl -s -o /dev/null -w '%{http_code} %{time_total}\\n' https://a.example/health
503 0.101
ops@box:~$ date -u -Iseconds
2025-10-10T20:00:00+00:00
ops@box:~$ curl -sI https://a.example/health
HTTP/1.1 200 OK
Date: Fri, 10 Oct 2025 20:00:02 GMT

ops@box:~$ curl -s -o /dev/null -w '%{http_code} %{time_total}\\n' https://a.example/health
200 0.2
"""


def test_each_run_takes_the_date_line_before_it(tmp_path):
    p = tmp_path / "runs.log"
    p.write_text(RUNS)
    os.utime(p, (1760100000, 1760100000))
    df, problems = read_evidence([p])
    assert problems == []
    got = [(t.isoformat(), s, src) for t, s, src in df[["started_at", "status", "time_source"]].itertuples(
        index=False)]
    assert got == [
        ("2025-10-10T07:00:00+00:00", 200, "date_line"),
        ("2025-10-10T19:05:00+00:00", 503, "date_line"),
        ("2025-10-10T20:00:02+00:00", 200, "date_header"),  # (the response's own Date wins)
        ("2025-10-10T12:40:00+00:00", 200, "mtime"),  # (no date line since the command before)
    ]
    assert df["evidence_key"].str.endswith("@2025-10-10T07:00:00Z").tolist()[:2] == [True, False]


def test_date_lines_of_several_runs_win_over_a_filename_stamp(tmp_path):
    # (round 11 changed this: the file name's stamp gave all four runs 00:00; a run without a date
    # line still takes it)
    p = tmp_path / "runs_2025-10-09T00-00-00Z.log"
    p.write_text(RUNS)
    df, _ = read_evidence([p])
    assert df["time_source"].tolist() == ["date_line", "date_line", "date_header", "filename"]
    assert [t.isoformat() for t in df["started_at"]] == [
        "2025-10-10T07:00:00+00:00", "2025-10-10T19:05:00+00:00", "2025-10-10T20:00:02+00:00",
        "2025-10-09T00:00:00+00:00"]


@pytest.mark.parametrize("line", ["Fri Oct 10 13:00:00 PM UTC 2025", "Fri Oct 10 07:00:00 XYZT 2025",
                                  "Fri Oct 10 07:00:00 IST 2025"])
def test_a_date_line_of_no_known_zone_is_no_time(tmp_path, line):
    # (round 11: CEST and +02:00 lines are read now, tests/test_round11_ev2.py)
    p = tmp_path / "one.log"
    p.write_text(f"$ date\n{line}\n$ curl -s -o /dev/null -w '%{{http_code}}\\n' https://a.example/\n200\n")
    df, _ = read_evidence([p])
    assert df["time_source"].tolist() == ["mtime"]


def test_rows_imported_before_date_lines_were_read_are_not_imported_again(tmp_path, monkeypatch):
    art = _workspace(tmp_path)
    p = art / "runs.log"
    p.write_text(RUNS)
    os.utime(p, (1760100000, 1760100000))
    monkeypatch.setattr(evidence, "_date_line", lambda text: None)  # (what versions before read)
    first = _occ(tmp_path, "import")
    assert first.stdout == "imported 4 rows from 1 files; 0 already imported; 0 skipped\n"
    monkeypatch.undo()
    again = _occ(tmp_path, "import")
    assert again.stdout == "imported 0 rows from 0 files; 1 already imported; 0 skipped\n"
    # a fresh store takes the date lines' times, and keeps them on the next import
    (tmp_path / "data").rename(tmp_path / "old-data")
    fresh = _occ(tmp_path, "import")
    assert fresh.stdout == "imported 4 rows from 1 files; 0 already imported; 0 skipped\n"
    assert _occ(tmp_path, "import").stdout == "imported 0 rows from 0 files; 1 already imported; 0 skipped\n"


def test_check_json_in_a_log_file_is_kept_json_lines_app_log_is_not(tmp_path):
    (tmp_path / "check.log").write_text(json.dumps([CHECK]))
    (tmp_path / "app.log").write_text('{"level": "info", "msg": "started"}\n{"level": "info", "msg": "ok"}\n')
    assert evidence_files([str(tmp_path)]) == [tmp_path / "check.log"]


def test_a_transcript_without_an_evidence_suffix_is_kept_by_its_content(tmp_path):
    (tmp_path / "curl-output").write_text(HEAD)
    (tmp_path / "probe.headers").write_text("$ curl -sI https://a.example/\n" + HEAD)
    (tmp_path / "failed.curl").write_text("curl: (7) Failed to connect to a.example port 443\n")
    (tmp_path / "notes").write_text("remember to run curl -sI https://a.example/ tomorrow\n")
    (tmp_path / "run.sh").write_text("curl -sI https://a.example/\n" + HEAD)  # (a script: unopened)
    (tmp_path / "blob").write_bytes(b"\x00\x01\x02")
    (tmp_path / "data").write_text(json.dumps(CHECK))
    (tmp_path / "empty").write_bytes(b"")
    kept, passed = split_evidence([str(tmp_path)])
    assert sorted(p.name for p in kept) == ["curl-output", "failed.curl", "probe.headers"]
    assert sorted(p.name for p in passed) == ["blob", "data", "empty", "notes", "run.sh"]


def test_a_transcript_without_a_suffix_is_imported_from_the_default_glob(tmp_path):
    art = _workspace(tmp_path)
    (art / "curl-output").write_text(HEAD)
    (art / "screenshot.png").write_bytes(b"\x89PNG\r\n\x1a\nHTTP/1.1 200 OK\r\n")
    r = _occ(tmp_path, "import")
    assert (r.exit_code, r.stderr) == (0, "")
    assert r.stdout == "imported 1 rows from 1 files; 0 already imported; 0 skipped\n"
