"""``occ import``, ``occ store compact`` and ``occ export`` as a user runs them (real subprocesses)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from occ_lib.store import load_probes

ROOT = Path(__file__).resolve().parents[1]
ART = ROOT / "examples" / "artifacts"
OCC = Path(sys.executable).with_name("occ")

CONFIG = """\
evidence:
  - artifacts/**/*.log
  - artifacts/**/*.json
store: data/
probes:
  targets:
    - name: staging-app-mock
      url: https://hotdash-staging.fly.dev/app?mock=1
      tags: {team: integrations}
    - name: staging-app-live
      url: https://hotdash-staging.fly.dev/app?mock=0
      expect: [200]
      headers: {Authorization: "Bearer ${OCC_TEST_TOKEN_NOT_SET}"}
"""


def occ(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "OCC_TEST_TOKEN_NOT_SET"}
    return subprocess.run([str(OCC), *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def ws(tmp_path) -> Path:
    shutil.copytree(ART, tmp_path / "artifacts", ignore=shutil.ignore_patterns("*.py", "*.md"))
    (tmp_path / "occ.yml").write_text(CONFIG)
    return tmp_path


def test_import_workspace_evidence_twice(ws):
    first = occ("import", "--config", "occ.yml", cwd=ws)
    assert (first.returncode, first.stderr) == (0, "")
    assert first.stdout == "imported 680 rows from 15 files; 0 already imported; 0 skipped\n"
    df = load_probes(ws / "data")
    assert len(df) == 680
    curl = df[df["evidence_path"].str.endswith(".log")]
    assert list(curl["target"]) == [
        "staging-app-mock", "staging-app-mock", "staging-app-mock", "staging-app-live", "staging-app-mock",
        "hotdash-staging.fly.dev/app?mock=1", "staging-app-live"]
    assert list(curl["tags"])[:3] == ['{"team":"integrations"}'] * 3
    second = occ("import", "-c", "occ.yml", cwd=ws)
    assert (second.returncode, second.stderr) == (0, "")
    assert second.stdout == "imported 0 rows from 0 files; 15 already imported; 0 skipped\n"
    assert len(load_probes(ws / "data")) == 680


def test_import_reports_bad_files_and_exits_1(ws):
    (ws / "bad.json").write_text('{"status": 200,\n "url": }')
    (ws / "notes.log").write_text("nothing to see\n")
    r = occ("import", "-c", "occ.yml", "bad.json", "notes.log",
            "artifacts/integrations/shopify/2025-10-10/*.log", cwd=ws)
    assert r.returncode == 1
    assert r.stdout == "imported 3 rows from 3 files; 0 already imported; 2 skipped\n"
    assert r.stderr == (
        "occ: bad.json:2: invalid JSON: Expecting value\n"
        "occ: notes.log: not a curl transcript: no HTTP status line (HTTP/1.0, 1.1, 2 or 3)\n"
    )


def test_import_folder_takes_evidence_suffixes_only(ws):
    (ws / "artifacts" / "README.md").write_text("# notes\n")
    r = occ("import", "artifacts/reliability", cwd=ws)  # no --config: ./occ.yml is used
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout == "imported 2 rows from 2 files; 0 already imported; 0 skipped\n"


def test_broken_symlinks_are_named_as_skipped(ws):
    shop = ws / "artifacts" / "integrations" / "shopify" / "2025-10-10"
    (shop / "curl_gone_2025-10-10T07-00-00Z.log").symlink_to(ws / "nowhere.log")
    (ws / "artifacts" / "reliability" / "gone.json").symlink_to("missing.json")
    r = occ("import", "-c", "occ.yml", cwd=ws)  # evidence: globs
    assert r.returncode == 1
    assert r.stdout == "imported 680 rows from 15 files; 0 already imported; 2 skipped\n"
    assert r.stderr == (
        "occ: artifacts/integrations/shopify/2025-10-10/curl_gone_2025-10-10T07-00-00Z.log: "
        "broken symbolic link (its target does not exist)\n"
        "occ: artifacts/reliability/gone.json: broken symbolic link (its target does not exist)\n")
    r = occ("import", "artifacts/reliability", cwd=ws)  # a folder given
    assert r.returncode == 1
    assert r.stdout == "imported 0 rows from 0 files; 2 already imported; 1 skipped\n"
    assert r.stderr == ("occ: artifacts/reliability/gone.json: "
                        "broken symbolic link (its target does not exist)\n")


def test_compact_and_export(ws):
    assert occ("import", "-c", "occ.yml", cwd=ws).returncode == 0
    # a second import run on 2025-10-10 adds a second file to that day
    extra = "$ curl -I https://x.test/\nHTTP/1.1 204 No Content\n\n"
    (ws / "extra_2025-10-10T12-00-00Z.log").write_text(extra)
    assert occ("import", "-c", "occ.yml", "extra_2025-10-10T12-00-00Z.log", cwd=ws).returncode == 0
    r = occ("store", "compact", "--before", "2025-10-11", "-c", "occ.yml", cwd=ws)
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout == "2025-10-10: merged 2 files\ncompacted 1 days\n"
    days = sorted(p.name for p in (ws / "data" / "probes").iterdir() if p.is_dir())
    assert days == [f"date=2025-10-{d:02d}" for d in range(6, 13)]
    assert len(list((ws / "data/probes/date=2025-10-10").glob("*.parquet"))) == 1

    r = occ("export", "--format", "csv", "--target", "staging-app-live", "--start", "2025-10-11T14:00:00Z",
            "--end", "2025-10-11T16:00", "-c", "occ.yml", cwd=ws)
    assert (r.returncode, r.stderr) == (0, "")
    got = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(g["started_at"], g["status"], g["outcome"], g["error"], g["elapsed_ms"]) for g in got] == [
        ("2025-10-11T14:00:07.813000Z", "410", "down", "unexpected_status", "101.5"),
        ("2025-10-11T14:30:07.473000Z", "410", "down", "unexpected_status", "165.2"),
        ("2025-10-11T15:00:07.214000Z", "200", "up", "", "207.8"),
        ("2025-10-11T15:30:07.151000Z", "200", "up", "", "121.4"),
    ]
    assert {g["evidence_path"] for g in got} == {
        "artifacts/monitoring/synthetic-check-2025-10-11T23-59-00Z.json"}

    r = occ("export", "-f", "parquet", "-t", "staging-app-mock", "-t", "staging-app-live",
            "--out", "x.parquet", "-c", "occ.yml", cwd=ws)
    assert (r.returncode, r.stderr) == (0, "wrote 679 rows to x.parquet\n")
    assert pq.read_table(ws / "x.parquet").num_rows == 679


@pytest.mark.parametrize(
    "args, message",
    [
        (["export", "--format", "parquet"], "parquet needs --out FILE"),
        (["export", "--format", "xml"], "expected csv or parquet"),
        (["export", "--start", "yesterday-ish"], "not a date or time"),
        (["store", "compact", "--before", "soon"], "not a date or time"),
    ],
)
def test_usage_errors_exit_2(ws, args, message):
    r = occ(*args, "-c", "occ.yml", cwd=ws)
    assert r.returncode == 2
    assert message in r.stderr
    assert "Traceback" not in r.stderr


def test_secrets_never_reach_the_terminal_or_the_store(ws):
    secret_log = ws / "api_2025-10-10T02-50-44Z.log"
    secret_log.write_text(
        "$ curl -sv -H 'Authorization: Bearer tok_SUPERSECRET_1' "
        "'https://u:pw_SUPERSECRET_2@api.example.test/v1?api_key=SUPERSECRET_3' 2>&1\n"
        "> GET /v1?api_key=SUPERSECRET_3 HTTP/1.1\n> Host: api.example.test\n"
        "> Authorization: Bearer tok_SUPERSECRET_1\n>\n< HTTP/1.1 503 Service Unavailable\n<\n"
        "curl: (22) The requested URL returned error: 503 for https://u:pw_SUPERSECRET_2@api.example.test/\n")
    bad = ws / "bad.json"
    bad.write_text('{"url": "https://x.test/?token=SUPERSECRET_4", "status": "Bearer SUPERSECRET_5"}')
    r1 = occ("import", secret_log.name, bad.name, cwd=ws)
    r2 = occ("export", cwd=ws)
    assert r1.returncode == 1
    assert r1.stdout == "imported 1 rows from 1 files; 0 already imported; 1 skipped\n"
    assert "https://api.example.test/v1?api_key=***" in r2.stdout
    assert r1.stderr == f"occ: {bad.name}: item 0: no status or ok/success field\n"
    stored = load_probes(ws / "data").astype("string").to_csv()  # every column of every row
    assert "api.example.test/v1?api_key=***" in stored
    for text in (r1.stdout, r1.stderr, r2.stdout, r2.stderr, stored):
        assert "SUPERSECRET" not in text


def test_damaged_store_file_is_named_and_the_rest_still_exported(ws):
    assert occ("import", "-c", "occ.yml", "artifacts/reliability", cwd=ws).returncode == 0
    bad = ws / "data" / "probes" / "date=2025-10-12" / "damaged.parquet"
    bad.write_bytes(b"PAR1\x00\x01 not really")
    r = occ("export", "-c", "occ.yml", cwd=ws)
    assert r.returncode == 1
    assert r.stderr.startswith(
        "occ: data/probes/date=2025-10-12/damaged.parquet: skipped unreadable Parquet file (")
    assert len(r.stdout.splitlines()) == 1 + 2
    r = occ("import", "-c", "occ.yml", "artifacts/reliability", cwd=ws)  # duplicates check still works
    assert r.returncode == 0
    assert r.stdout == "imported 0 rows from 0 files; 2 already imported; 0 skipped\n"
    assert "damaged.parquet: skipped unreadable Parquet file" in r.stderr


def test_two_imports_at_once_store_each_file_once(ws):
    env = {k: v for k, v in os.environ.items() if k != "OCC_TEST_TOKEN_NOT_SET"}
    procs = [subprocess.Popen([str(OCC), "import", "-c", "occ.yml"], cwd=ws, env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outs = sorted(p.communicate(timeout=120)[0] for p in procs)
    assert [p.returncode for p in procs] == [0, 0]
    assert outs == ["imported 0 rows from 0 files; 15 already imported; 0 skipped\n",
                    "imported 680 rows from 15 files; 0 already imported; 0 skipped\n"]
    df = load_probes(ws / "data")
    assert len(df) == 680 and df["evidence_key"].is_unique


def test_export_times_have_one_form_per_column(ws):
    # curl transcripts are stamped to the second, synthetic checks to the millisecond
    assert occ("import", "-c", "occ.yml", cwd=ws).returncode == 0
    r = occ("export", "-c", "occ.yml", "--start", "2025-10-10T02:50Z", "--end", "2025-10-10T03:00:05Z",
            cwd=ws)
    assert (r.returncode, r.stderr) == (0, "")
    got = [(g["started_at"], g["evidence_path"].rsplit("/", 1)[-1])
           for g in csv.DictReader(io.StringIO(r.stdout))]
    assert got == [
        ("2025-10-10T02:50:44.000000Z", "curl_hotdash-staging_2025-10-10T02-50-44Z.log"),
        ("2025-10-10T03:00:02.160000Z", "synthetic-check-2025-10-10T23-59-00Z.json"),
    ]
    import pandas as pd

    assert list(pd.to_datetime(pd.read_csv(io.StringIO(r.stdout))["started_at"])) == [
        pd.Timestamp("2025-10-10T02:50:44Z"), pd.Timestamp("2025-10-10T03:00:02.160Z")]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_to_a_folder_is_a_usage_error(ws, fmt):
    (ws / "outdir").mkdir()
    r = occ("export", "-c", "occ.yml", "-f", fmt, "--out", "outdir", cwd=ws)
    assert (r.returncode, r.stdout, r.stderr) == (
        2, "", "occ: error: outdir: --out: is a folder; give the file to write\n")
    assert list((ws / "outdir").iterdir()) == []


def test_export_to_an_unwritable_place_is_one_error(ws):
    (ws / "afile").write_text("x")
    r = occ("export", "-c", "occ.yml", "--out", "afile/x.csv", cwd=ws)
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr == "occ: error: afile/x.csv: cannot write: File exists\n"


def test_export_through_a_symlink_writes_the_file_it_points_at(ws):
    assert occ("import", "-c", "occ.yml", "artifacts/reliability", cwd=ws).returncode == 0
    (ws / "real.csv").write_text("old\n")
    (ws / "link.csv").symlink_to("real.csv")
    r = occ("export", "-c", "occ.yml", "--out", "link.csv", cwd=ws)
    assert (r.returncode, r.stderr) == (0, "wrote 2 rows to link.csv\n")
    assert (ws / "link.csv").is_symlink() and os.readlink(ws / "link.csv") == "real.csv"
    assert len((ws / "real.csv").read_text().splitlines()) == 1 + 2


@pytest.mark.parametrize("args", [["import", "artifacts/reliability"], ["store", "compact"], ["export"]])
def test_a_store_that_is_a_file_is_one_error(ws, args):
    (ws / "occ.yml").write_text(CONFIG.replace("store: data/", "store: data"))
    (ws / "data").write_text("not a store\n")
    r = occ(*args, "-c", "occ.yml", cwd=ws)
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr == "occ: error: data: the store must be a folder, this is a file\n"
    assert (ws / "data").read_text() == "not a store\n"


def test_export_end_before_start_exits_2(ws):
    r = occ("export", "-c", "occ.yml", "--start", "2025-10-12", "--end", "2025-10-06", cwd=ws)
    assert (r.returncode, r.stdout) == (2, "")
    assert "--end must be after --start" in r.stderr


def _first_line_then_close(*args: str, cwd: Path) -> tuple[str, int, str]:
    """Run occ like ``occ ... | head -1``: read one line, close the pipe, let occ finish."""
    env = {k: v for k, v in os.environ.items() if k != "OCC_TEST_TOKEN_NOT_SET"}
    p = subprocess.Popen([str(OCC), *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=env)
    first = p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read()
    return first, p.wait(timeout=120), err


def test_a_reader_that_stops_early_changes_nothing(ws):
    assert occ("import", "-c", "occ.yml", cwd=ws).returncode == 0
    first, rc, err = _first_line_then_close("export", "-c", "occ.yml", cwd=ws)
    assert (first.split(",")[:2], rc, err) == (["run_id", "source"], 0, "")
    # the problem lines still reach stderr, and the exit code is the run's
    (ws / "data" / "probes" / "date=2025-10-12" / "damaged.parquet").write_bytes(b"PAR1\x00 not really")
    first, rc, err = _first_line_then_close("export", "-c", "occ.yml", cwd=ws)
    assert (first.split(",")[:2], rc) == (["run_id", "source"], 1)
    assert err.startswith(
        "occ: data/probes/date=2025-10-12/damaged.parquet: skipped unreadable Parquet file (")
    assert len(err.splitlines()) == 1


def test_import_finding_nothing_names_what_it_looked_for(ws):
    r = occ("import", "nope/*.log", "nada/**/*.json", "-c", "occ.yml", cwd=ws)
    assert (r.returncode, r.stdout, r.stderr) == (
        1, "", "occ: no evidence files found: nothing matches nope/*.log, nada/**/*.json\n")
    (ws / "occ.yml").write_text(CONFIG.replace("  - artifacts/**/*.log\n  - artifacts/**/*.json\n",
                                               "  - artefacts/*.log\n"))
    r = occ("import", "-c", "occ.yml", cwd=ws)
    assert (r.returncode, r.stdout, r.stderr) == (
        1, "", "occ: no evidence files found: nothing matches evidence: artefacts/*.log of occ.yml\n")
