"""``occ events``, ``occ deadlines`` and ``occ summary``: exact output rows and exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from occ_lib.cli import app

runner = CliRunner()

LOG = """\
---
owner: ops
---
# Ops log

All times in PDT (UTC-7).

## 2025-10-10 Friday
- 09:10: escalated DEPLOY-147 to the CIO after the ETA 2025-10-10 08:00 UTC slipped;
  see https://h.dev/x?token=abc123secret returns HTTP 503
  - 09:30: follow-up posted in #deploy-ops, evidence `artifacts/ops/curl_2025-10-10T16-30-00Z.log:3`
"""


@pytest.fixture()
def log(tmp_path: Path) -> Path:
    p = tmp_path / "ops.md"
    p.write_text(LOG, encoding="utf-8")
    return p


def run(*args: str):
    return runner.invoke(app, list(args))


def test_events_json_rows_exactly(log):
    r = run("events", str(log), "--format", "json")
    assert r.exit_code == 0, r.output
    assert r.stderr == ""
    rows = json.loads(r.stdout)
    assert rows == [
        {
            "source": str(log), "line": 9, "section": "2025-10-10 Friday", "at": "2025-10-10T16:10:00Z",
            "at_precision": "minute", "kind": "escalation", "level": 3, "tickets": ["DEPLOY-147"],
            "artifacts": [], "channels": [], "urls": ["https://h.dev/x?token=***"], "http_status": 503,
            "text": "09:10: escalated DEPLOY-147 to the CIO after the ETA 2025-10-10 08:00 UTC slipped; "
                    "see https://h.dev/x?token=*** returns HTTP 503", "refs": [],
        },
        {
            "source": str(log), "line": 11, "section": "2025-10-10 Friday", "at": "2025-10-10T16:30:00Z",
            "at_precision": "minute", "kind": "follow_up", "level": 1, "tickets": ["DEPLOY-147"],
            "artifacts": ["artifacts/ops/curl_2025-10-10T16-30-00Z.log"], "channels": ["#deploy-ops"],
            "urls": [], "http_status": None,
            "text": "09:30: follow-up posted in #deploy-ops, evidence "
                    "`artifacts/ops/curl_2025-10-10T16-30-00Z.log:3`", "refs": [],
        },
    ]
    assert "abc123secret" not in r.output


def test_events_jsonl_and_csv(log):
    r = run("events", str(log), "-f", "jsonl")
    lines = r.stdout.splitlines()
    assert len(lines) == 2 and json.loads(lines[1])["line"] == 11
    r = run("events", str(log), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == [
        "source", "line", "section", "at", "at_precision", "kind", "level", "tickets", "artifacts",
        "channels", "urls", "http_status", "text", "refs",
    ]
    assert (rows[1]["tickets"], rows[1]["channels"], rows[1]["http_status"]) == (
        "DEPLOY-147", "#deploy-ops", "")


def test_deadlines_json_rows_exactly(log):
    r = run("deadlines", str(log), "-f", "json")
    assert r.exit_code == 0
    assert json.loads(r.stdout) == [
        {
            "source": str(log), "line": 9, "tickets": ["DEPLOY-147"], "due_at": "2025-10-10T08:00:00Z",
            "text": "09:10: escalated DEPLOY-147 to the CIO after the ETA 2025-10-10 08:00 UTC slipped; "
                    "see https://h.dev/x?token=*** returns HTTP 503",
            "stated_missed": True,
            "due_precision": "minute", "keyword": "ETA", "section": "2025-10-10 Friday", "refs": [],
            "moves": False,
        }
    ]


def test_deadline_columns_keep_their_order_and_tell_a_date_from_midnight(tmp_path):
    # the first six columns stay first and in this order (other tools read them); the date-only
    # deadline and the one at 00:00 UTC have the same due_at, only due_precision tells them apart
    p = tmp_path / "dl.md"
    p.write_text("## 2025-10-10 Friday\n- ETA 2025-10-12 for OPS-1\n- OPS-2 due 2025-10-12 00:00 UTC\n")
    r = run("deadlines", str(p), "-f", "csv")
    assert (r.exit_code, r.stderr) == (0, "")
    got = list(csv.reader(io.StringIO(r.stdout)))
    assert got == [
        ["source", "line", "tickets", "due_at", "text", "stated_missed",
         "due_precision", "keyword", "section", "refs", "moves"],
        [str(p), "2", "OPS-1", "2025-10-12T00:00:00Z", "ETA 2025-10-12 for OPS-1", "False", "day", "ETA",
         "2025-10-10 Friday", "", "False"],
        [str(p), "3", "OPS-2", "2025-10-12T00:00:00Z", "OPS-2 due 2025-10-12 00:00 UTC", "False", "minute",
         "due", "2025-10-10 Friday", "", "False"],
    ]
    table = run("deadlines", str(p))
    header = next(line for line in table.stdout.splitlines() if "source" in line)
    assert [c.strip() for c in header.strip("┃ ").split("┃")] == [
        "source", "line", "tickets", "due_at", "text", "stated_missed"]


def test_table_format_is_the_default(log):
    r = run("events", str(log))
    assert r.exit_code == 0
    header = next(line for line in r.stdout.splitlines() if "source" in line)
    assert [c.strip() for c in header.strip("┃ ").split("┃")] == [
        "source", "line", "at", "kind", "level", "tickets", "text"]
    assert "escalation" in r.stdout and "follow_up" in r.stdout and "DEPLOY-147" in r.stdout


def test_problems_go_to_stderr_and_failed_files_exit_1(log, tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    tbc = tmp_path / "tbc.md"
    tbc.write_text("## 2025-10-10\n- call at [???]\n", encoding="utf-8")
    empty, gone = str(tmp_path / "empty.md"), str(tmp_path / "gone.md")
    r = run("events", str(log), str(tbc), empty, gone, "-f", "jsonl")
    assert r.exit_code == 1
    assert [json.loads(x)["source"] for x in r.stdout.splitlines()] == [str(log), str(log), str(tbc)]
    assert r.stderr.splitlines() == [
        f"occ: {tmp_path}/gone.md: no such file or folder",
        f"occ: {tmp_path}/tbc.md:2: unknown time [???]",
        f"occ: {tmp_path}/empty.md: empty file",
    ]


def test_unresolved_times_alone_do_not_fail(tmp_path):
    tbc = tmp_path / "tbc.md"
    tbc.write_text("## 2025-10-10\n- call at (Time TBC)\n", encoding="utf-8")
    r = run("deadlines", str(tbc), "-f", "json")
    assert (r.exit_code, json.loads(r.stdout)) == (0, [])
    assert r.stderr == f"occ: {tbc}:2: unknown time (Time TBC)\n"
    tbc.write_text("## Undated\n- call at 18:30 UTC\n", encoding="utf-8")
    r = run("deadlines", str(tbc), "-f", "json")
    assert r.stderr == f"occ: {tbc}:2: time without a date (18:30 UTC)\n"


def test_usage_errors_exit_2(log):
    assert run("events", str(log), "--format", "xml").exit_code == 2
    assert run("events", "--nope").exit_code == 2


def test_config_and_folder(examples, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no ./occ.yml here
    r = run("summary", "--config", str(examples / "occ.yml"), "-f", "json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert [(Path(x["source"]).name, x["sections"], x["events"], x["tickets"], x["deadlines"], x["problems"])
            for x in rows] == [
        ("deployment.md", 8, 17, 2, 4, 0),
        ("integrations.md", 24, 84, 3, 6, 1),
        ("qa.md", 4, 16, 2, 2, 2),
        ("reliability.md", 5, 19, 3, 3, 0),
        ("total (4 files)", 41, 136, 4, 15, 3),
    ]
    r = run("events", str(examples / "feedback"), "-f", "jsonl")
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 136
    assert run("events").exit_code == 2  # no PATH and no ./occ.yml


def test_a_logs_pattern_of_the_config_that_matches_nothing_is_named(tmp_path):
    (tmp_path / "feedback").mkdir()
    (tmp_path / "feedback" / "ops.md").write_text("## 2025-10-10\n- OPS-1 paged at 09:00 UTC\n")
    (tmp_path / "feedback" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    cfg = tmp_path / "occ.yml"
    cfg.write_text("logs: [notes/*.md, feedback/]\n")  # a typo'd folder, and a folder with a picture
    r = run("events", "--config", str(cfg), "-f", "jsonl")
    assert r.exit_code == 1
    assert [(json.loads(x)["source"], json.loads(x)["at"]) for x in r.stdout.splitlines()] == [
        (str(tmp_path / "feedback" / "ops.md"), "2025-10-10T09:00:00Z")
    ]
    assert r.stderr == f"occ: {tmp_path}/notes/*.md: no files match this pattern\n"
    # the default feedback/*.md of a config without logs: may match nothing (a probes-only workspace)
    cfg.write_text("store: data/\n")
    (tmp_path / "feedback" / "ops.md").unlink()
    r = run("events", "--config", str(cfg), "-f", "jsonl")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "")


def test_console_script_exit_codes(log, tmp_path):
    occ = Path(sys.executable).with_name("occ")
    ok = subprocess.run([str(occ), "deadlines", str(log), "-f", "jsonl"], capture_output=True, text=True,
                        timeout=120)
    assert ok.returncode == 0 and json.loads(ok.stdout)["due_at"] == "2025-10-10T08:00:00Z"
    bad = subprocess.run([str(occ), "events", str(tmp_path / "missing.md")], capture_output=True, text=True,
                         timeout=120)
    assert bad.returncode == 1
    assert bad.stderr == f"occ: {tmp_path}/missing.md: no such file or folder\n"
    assert "Traceback" not in bad.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_a_reader_that_stops_early_changes_nothing(tmp_path, fmt):
    # 'occ events -f jsonl | head -1': the rest is dropped quietly; problems and exit code are the run's
    lines = ["# Ops log", "", "## 2025-10-10 Friday"]
    lines += [f"- 09:{i % 60:02d} UTC: escalated DEPLOY-{i} after HTTP 503" for i in range(3000)]
    (tmp_path / "big.md").write_text("\n".join(lines) + "\n")
    occ = Path(sys.executable).with_name("occ")
    missing = "occ: nope.md: no such file or folder\n"
    for paths, code, err in ((["big.md"], 0, ""), (["big.md", "nope.md"], 1, missing)):
        p = subprocess.Popen([str(occ), "events", *paths, "-f", fmt], cwd=tmp_path, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        first = p.stdout.readline()
        p.stdout.close()
        assert (bool(first), p.wait(timeout=120), p.stderr.read()) == (True, code, err)


@pytest.mark.parametrize("module", ["occ_lib", "occ_lib.cli"])
def test_the_command_runs_as_a_module(examples, module):
    # `python -m occ_lib` is the `occ` command where the console script is not on PATH
    out = subprocess.run([sys.executable, "-m", module, "events", str(examples / "feedback"), "-f", "csv"],
                         capture_output=True, text=True)
    # (exit 0; the example logs' time problems on stderr, as `occ events` prints them)
    assert out.returncode == 0 and "qa.md:22: unknown time [???]" in out.stderr
    assert out.stdout.splitlines()[0] == (
        "source,line,section,at,at_precision,kind,level,tickets,artifacts,channels,urls,http_status,text,refs"
    )
