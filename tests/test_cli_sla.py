"""``occ sla``: formats, the workspace store, exit codes and clear errors."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from occ_lib.cli import main

OPS = """# Ops log
## 2025-10-10 Deploy (09:00 UTC)
- Infra gave an ETA of 17:00 UTC for OPS-12 credential delivery.
- OPS-13 key rotation due 2025-10-14 09:00 UTC.
"""
INFRA = """# Infra log
## 2025-10-10
- 16:40 UTC: OPS-12 credentials delivered to ops; ticket closed.
"""


def run(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out, err = capsys.readouterr()
    return exc.value.code, out, err


@pytest.fixture
def logs_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ops.md").write_text(OPS, encoding="utf-8")
    (tmp_path / "infra.md").write_text(INFRA, encoding="utf-8")
    return tmp_path


def test_json_rows_for_logs_given_as_paths(logs_dir, capsys):
    code, out, err = run(
        ["sla", "ops.md", "infra.md", "--as-of", "2025-10-13T00:00Z", "--format", "json"], capsys
    )
    assert code == 0, err
    rows = json.loads(out)
    assert [(r["kind"], r["subject"], r["status"], r["due_at"], r["resolved_at"]) for r in rows] == [
        ("deadline", "OPS-12", "met", "2025-10-10T17:00:00Z", "2025-10-10T16:40:00Z"),
        ("deadline", "OPS-13", "open", "2025-10-14T09:00:00Z", None),
    ]
    assert rows[0]["mentions"] == ["ops.md:3"]
    assert list(rows[0]) == [
        "kind",
        "subject",
        "due_at",
        "resolved_at",
        "status",
        "overage_min",
        "source",
        "line",
        "detail",
        "mentions",
        "day_precision",
    ]


def test_csv_and_table_formats(logs_dir, capsys):
    code, out, _ = run(["sla", "ops.md", "infra.md", "--as-of", "2025-10-15T00:00Z", "-f", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["subject"], r["status"], r["overage_min"]) for r in rows] == [
        ("OPS-12", "met", "0.0"),
        ("OPS-13", "missed", "900.0"),
    ]
    code, out, _ = run(["sla", "ops.md", "infra.md", "--as-of", "2025-10-15T00:00Z"], capsys)
    assert code == 0
    assert "SLA misses" in out and "OPS-13" in out
    assert "- Deadline: missed when the text says it was missed" in out


def test_the_table_rounds_floats_for_people_and_csv_keeps_them():
    from occ_lib.formats import to_string

    df = pd.DataFrame({"subject": ["OPS-1"], "overage_min": [604074.5798929667]})
    table = to_string(df, "table")
    assert "604074.58" in table and "604074.5798929667" not in table
    assert to_string(df, "csv").splitlines()[1] == "OPS-1,604074.5798929667"


def _week_store(tmp_path):
    """A workspace (logs, policy) whose store holds a week of 5-minute probes of target api."""
    (tmp_path / "feedback").mkdir()
    (tmp_path / "feedback" / "ops.md").write_text(OPS, encoding="utf-8")
    (tmp_path / "occ.yml").write_text(
        "logs: feedback/*.md\nstore: data/\nsla:\n  tz: America/New_York\n  targets:\n    '*':\n"
        "      availability: 99.0\n      latency: [{percentile: p95, threshold_ms: 800, window: 1h}]\n",
        encoding="utf-8",
    )
    start = pd.Timestamp("2025-10-06 04:00", tz="UTC")  # Monday 00:00 in New York
    n = 7 * 24 * 12  # every 5 minutes for the week
    at = pd.date_range(start, periods=n, freq="5min").astype("datetime64[us, UTC]")
    outcome = ["down" if 100 <= i < 130 else "up" for i in range(n)]  # 30 bad of 2016
    elapsed = [2000.0 if 300 <= i < 312 else 100.0 for i in range(n)]  # one slow hour
    df = pd.DataFrame(
        {
            "target": "api",
            "started_at": at,
            "outcome": outcome,
            "error": [None if o == "up" else "timeout" for o in outcome],
            "elapsed_ms": elapsed,
        }
    )
    for day, part in df.groupby(df["started_at"].dt.strftime("%Y-%m-%d")):
        folder = tmp_path / "data" / "probes" / f"date={day}"
        folder.mkdir(parents=True)
        pq.write_table(pa.Table.from_pandas(part, preserve_index=False), folder / "run-1.parquet")


def test_workspace_store_gives_availability_and_latency_rows(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    _week_store(tmp_path)
    code, out, err = run(["sla", "--config", "occ.yml", "--week", "2025-W41", "-f", "jsonl"], capsys)
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    lat = [r for r in rows if r["kind"] == "latency"]
    assert [(r["subject"], r["due_at"]) for r in lat] == [("api", "2025-10-07T05:00:00Z")]
    avail = [r for r in rows if r["kind"] == "availability" and r["due_at"] == "2025-10-13T04:00:00Z"]
    assert len(avail) == 1 and avail[0]["status"] == "missed"
    assert avail[0]["detail"].startswith("98.512% vs objective 99%: 30 bad of 2016 probes")


def test_a_damaged_store_file_is_skipped_with_one_warning_line_and_the_rest_is_reported(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    _week_store(tmp_path)
    args = ["sla", "--config", "occ.yml", "--week", "2025-W41", "-f", "jsonl"]
    clean = run(args, capsys)
    (tmp_path / "data" / "probes" / "date=2025-10-08" / "damaged.parquet").write_bytes(b"PAR1 cut short")
    code, out, err = run(args, capsys)
    assert code == 1
    assert out == clean[1]  # every row, the store's included, as without the damaged file
    rows = [json.loads(line) for line in out.splitlines()]
    # (round 15 LOOK3: sla.KINDS' order, the probes' availability before their latency)
    assert [r["kind"] for r in rows][:3] == ["deadline", "deadline", "availability"]
    assert [r["detail"][:47] for r in rows if r["due_at"] == "2025-10-13T04:00:00Z"] == [
        "98.512% vs objective 99%: 30 bad of 2016 probes"
    ]
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        "occ: warning: data/probes/date=2025-10-08/damaged.parquet: skipped unreadable Parquet file ("
    )


def test_python_warnings_print_as_one_clean_occ_line(capsys):
    import warnings

    from occ_lib.cli import _show_warning
    from occ_lib.store import StoreWarning

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = _show_warning
        warnings.warn("data/x.parquet: skipped unreadable Parquet file (ArrowInvalid: bad)\nmore",
                      StoreWarning, stacklevel=1)
    assert capsys.readouterr().err == (
        "occ: warning: data/x.parquet: skipped unreadable Parquet file (ArrowInvalid: bad)\n"
    )


def test_missing_log_file_reports_the_rest_and_exits_1(logs_dir, capsys):
    code, out, err = run(
        ["sla", "ops.md", "nowhere.md", "--as-of", "2025-10-13T00:00Z", "-f", "json"], capsys
    )
    assert code == 1
    assert "nowhere.md" in err
    assert [r["subject"] for r in json.loads(out)] == ["OPS-12", "OPS-13"]


def test_bad_policy_is_a_config_error_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "occ.yml").write_text(
        "sla:\n  targets:\n    api: {latency: [{percentile: p75, threshold_ms: 5}]}\n"
    )
    code, out, err = run(["sla", "--config", "occ.yml"], capsys)
    assert code == 2
    assert out == ""
    line = err.strip()
    assert line.startswith("occ: error: occ.yml: sla.targets.api.latency[0].percentile: ")
    assert line.endswith("percentile must be one of p50, p90, p95, p99")
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "yesterday-ish"], "--as-of"),
        (["--week", "2025-W99"], "--week"),
        (["--start", "2025-10-13", "--end", "2025-10-06"], "--end must be after --start"),
        (["--format", "xml"], "--format"),
    ],
)
def test_bad_options_exit_2(logs_dir, capsys, args, message):
    code, _out, err = run(["sla", "ops.md", *args], capsys)
    assert code == 2
    assert message in err


def test_broken_front_matter_is_reported_as_other_commands_do_and_exits_1(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ops.md").write_text(
        "---\nowner: ops\nreviewers: [kim, lee\n---\n# Ops\n## 2025-10-09\n"
        "- 10:00 UTC OPS-1 fix ETA 12:00 UTC\n",
        encoding="utf-8",
    )
    code, out, err = run(["sla", "ops.md", "--as-of", "2025-10-10T00:00Z", "-f", "jsonl"], capsys)
    assert code == 1
    assert [(r["subject"], r["status"], r["day_precision"]) for r in map(json.loads, out.splitlines())] == [
        ("OPS-1", "missed", [])  # (a list: empty when every instant is timed)
    ]
    assert err == "occ: ops.md:3: invalid YAML front matter: expected ',' or ']', but got '<stream end>'\n"
