"""``occ timeline``: events per ticket in UTC order across zones, per-ticket summaries, formats, errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from occ_lib.cli import app

ET_LOG = """## 2025-10-09 Infra chase
- 19:20 ET: followed up on OCC-INF-221 with infra in #infra-requests.
- 21:05 ET: escalated OCC-INF-221 to the infra manager.
"""
PT_LOG = """## 2025-10-09 Platform notes
- 16:30 PT: pinged infra about OCC-INF-221.
- 17:45 PT: OCC-INF-221 credentials delivered and verified.
"""
UTC_LOG = """## 2025-10-09 Deploy desk
- 23:25 UTC: DEPLOY-147 follow-up in #deploy-ops, copying OCC-INF-221.

## 2025-10-10 Deploy desk
- 00:50 UTC: OCC-INF-221 confirmed closed on our side.
"""

runner = CliRunner()


def logs(tmp_path: Path) -> list[str]:
    out = []
    for name, text in (("et.md", ET_LOG), ("pt.md", PT_LOG), ("utc.md", UTC_LOG)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        out.append(str(tmp_path / name))
    return out


def run(args: list[str], cwd: Path):
    import os

    old = os.getcwd()
    os.chdir(cwd)  # no ./occ.yml there: PATHs make a bare workspace
    try:
        return runner.invoke(app, args)
    finally:
        os.chdir(old)


def test_jsonl_rows_in_utc_order(tmp_path):
    res = run(["timeline", *logs(tmp_path), "--ticket", "OCC-INF-221", "--format", "jsonl"], tmp_path)
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(r["at"], Path(r["source"]).name, r["line"]) for r in rows] == [
        ("2025-10-09T23:20:00Z", "et.md", 2),
        ("2025-10-09T23:25:00Z", "utc.md", 2),
        ("2025-10-09T23:30:00Z", "pt.md", 2),
        ("2025-10-10T00:45:00Z", "pt.md", 3),
        ("2025-10-10T00:50:00Z", "utc.md", 5),
        ("2025-10-10T01:05:00Z", "et.md", 3),
    ]
    assert list(rows[0]) == [
        "ticket",
        "at",
        "at_precision",
        "kind",
        "level",
        "source",
        "line",
        "section",
        "text",
        "via",
    ]
    assert {r["ticket"] for r in rows} == {"OCC-INF-221"}
    assert rows[0]["text"].startswith("19:20 ET: followed up on OCC-INF-221")


def test_as_of_cuts_the_timeline(tmp_path):
    res = run(["timeline", *logs(tmp_path), "--as-of", "2025-10-10T00:00:00Z", "-f", "json"], tmp_path)
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [(r["ticket"], r["at"]) for r in rows] == [
        ("OCC-INF-221", "2025-10-09T23:20:00Z"),
        ("DEPLOY-147", "2025-10-09T23:25:00Z"),
        ("OCC-INF-221", "2025-10-09T23:25:00Z"),
        ("OCC-INF-221", "2025-10-09T23:30:00Z"),
    ]


def test_summary_json(tmp_path):
    res = run(
        ["timeline", *logs(tmp_path), "--summary", "--as-of", "2025-10-10T00:00:00Z", "-f", "json"], tmp_path
    )
    assert res.exit_code == 0, res.output
    rows = {r["ticket"]: r for r in json.loads(res.stdout)}
    assert list(rows) == ["OCC-INF-221", "DEPLOY-147"]
    occ = rows["OCC-INF-221"]
    assert occ["first_seen"] == "2025-10-09T23:20:00Z"
    assert occ["open_age"] == 2400.0  # seconds: 40 minutes
    assert occ["status"] == "open"
    assert occ["resolved_at"] is None and occ["time_to_resolve"] is None
    assert rows["DEPLOY-147"]["first_seen"] == "2025-10-09T23:25:00Z"
    assert rows["DEPLOY-147"]["open_age"] == 2100.0


def test_csv_header(tmp_path):
    res = run(["timeline", *logs(tmp_path), "--summary", "--as-of", "2025-10-10", "-f", "csv"], tmp_path)
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[0] == (
        "ticket,first_seen,first_follow_up,first_escalation,max_level,follow_ups,escalations,resolved_at,"
        "time_to_escalate,time_to_resolve,open_age,status,day_precision"
    )
    assert len(res.stdout.splitlines()) == 3


def test_bad_as_of_is_a_usage_error(tmp_path):
    res = run(["timeline", *logs(tmp_path), "--as-of", "next tuesday"], tmp_path)
    assert res.exit_code == 2
    assert "--as-of" in res.output and "next tuesday" in res.output


def test_bad_format_is_a_usage_error(tmp_path):
    res = run(["timeline", *logs(tmp_path), "--format", "xml"], tmp_path)
    assert res.exit_code == 2
    assert "--format" in res.output


def test_missing_file_is_reported_and_the_rest_still_printed(tmp_path):
    paths = logs(tmp_path)
    missing = str(tmp_path / "nope.md")
    res = run(["timeline", paths[0], missing, "-f", "jsonl"], tmp_path)
    assert res.exit_code == 1
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["at"] for r in rows] == ["2025-10-09T23:20:00Z", "2025-10-10T01:05:00Z"]
    assert "nope.md" in res.stderr


def test_table_shows_durations_for_people(tmp_path):
    res = run(["timeline", *logs(tmp_path), "--summary", "--as-of", "2025-10-11T01:00:00Z"], tmp_path)
    assert res.exit_code == 0, res.output
    assert "Tickets" in res.stdout
    # OCC-INF-221: first seen 23:20 UTC (ET file), resolved 00:45 UTC (PT file), escalated 01:05 UTC (ET)
    assert "1h 25min" in res.stdout and "1h 45min" in res.stdout
    # DEPLOY-147: first seen 23:25 UTC and still open at as_of
    assert "1d 2h" in res.stdout and "1d 1h 35m" not in res.stdout
    csv = run(
        ["timeline", *logs(tmp_path), "--summary", "--as-of", "2025-10-11T01:00:00Z", "-f", "csv"], tmp_path
    )
    assert csv.stdout.splitlines()[1:] == [
        "OCC-INF-221,2025-10-09T23:20:00Z,2025-10-09T23:20:00Z,2025-10-10T01:05:00Z,2,3,1,2025-10-10T00:45:00Z,"
        "6300.0,5100.0,,resolved,",
        "DEPLOY-147,2025-10-09T23:25:00Z,2025-10-09T23:25:00Z,,1,1,0,,,,92100.0,open,",
    ]


def test_date_only_events_are_on_their_date_in_the_workspaces_sla_zone(tmp_path):
    # New York's Monday Oct 6 begins at 04:00 UTC; before then the ticket was not seen yet
    (tmp_path / "ny.md").write_text(
        "# NY desk\n## 2025-10-06 Monday\n- PAY-7 vendor outage reported by support\n"
        "- PAY-7 escalated to the payments manager\n",
        encoding="utf-8",
    )
    (tmp_path / "occ.yml").write_text("logs: [ny.md]\nstore: data/\nsla: {tz: America/New_York}\n")
    before = run(["timeline", "--summary", "--as-of", "2025-10-06T03:00Z", "-f", "jsonl"], tmp_path)
    assert (before.exit_code, before.stdout) == (0, "")
    after = run(["timeline", "--summary", "--as-of", "2025-10-06T05:00Z", "-f", "jsonl"], tmp_path)
    row = json.loads(after.stdout)
    assert (row["first_seen"], row["first_escalation"], row["open_age"]) == (
        "2025-10-06T04:00:00Z", "2025-10-06T04:00:00Z", 3600.0
    )
    assert row["day_precision"] == ["first_seen", "first_escalation"]  # a list, as mentions are
    csv_out = run(["timeline", "--summary", "--as-of", "2025-10-06T05:00Z", "-f", "csv"], tmp_path).stdout
    assert csv_out.splitlines()[1].endswith(",open,first_seen;first_escalation")
    events = run(["timeline", "--as-of", "2025-10-06T04:00Z", "-f", "jsonl"], tmp_path)
    assert events.stdout == ""  # (a date that begins at as_of is after it)
    events = run(["timeline", "-f", "jsonl"], tmp_path)
    assert [(r["at"], r["kind"]) for r in map(json.loads, events.stdout.splitlines())] == [
        ("2025-10-06T04:00:00Z", "status"), ("2025-10-06T04:00:00Z", "escalation"),
    ]
