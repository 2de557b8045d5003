"""Round 12 (session 13), deployment and release logs' look-alikes: a duration in clock form is no time
(a stopwatch's fraction, 'ran for', 'lag', a list of durations), cluster objects are no tickets ('HPA-2'),
and watching or muting 'until' a time is no deadline."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from occ_lib import times
from occ_lib._extract import classify, keywords, tickets
from occ_lib.logs import read_logs

OCT9 = dt.date(2025, 10, 9)


def utc(s: str) -> dt.datetime:
    return dt.datetime.fromisoformat(s).replace(tzinfo=dt.UTC)


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _read(text: str) -> list[tuple]:
    return [(m.raw, m.at, m.keyword) for m in times.find_times(text, day=OCT9)]


def _log(tmp_path: Path, body: str, name: str = "log.md") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


# ------------------------------------------------------------ 1: durations in clock form are no times

@pytest.mark.parametrize(("text", "want"), [
    # a stopwatch's fraction after minutes and seconds, no hour: how long
    ("14:35: rolled back REL-88; p99 0:00.412 after rollback", [("14:35", utc("2025-10-09 14:35"), None)]),
    ("median startup 0:01.8, crash-free 99.2%", []),
    ("Grafana shows p99 at 0:00.250", []),
    # a clock's own fraction comes after its seconds: still a time
    ("error at 14:02:11.123 on web-1", [("14:02:11.123", utc("2025-10-09 14:02:11.123"), None)]),
    # how long something ran, lagged, or its latency
    ("PLAT-301 ingress migration ran for 1:05h, 3/4 pods ready", []),
    ("DB-210 done, ran for 1:30:12 total", []),
    ("replication lag 0:00:32 on replica-2", []),
    ("p99 latency 0:01 at 14:00", [("14:00", utc("2025-10-09 14:00"), None)]),
    ("the job has been up for 3:12:45", []),
    ("HPA cooldown 5:00, probe timeout 0:30, TTL 1:00:00, backoff 0:05 on api", []),
    ("REL-94 queued behind REL-93, position 3/7, est. wait 1:20", []),
    ("retry interval 0:15; delay 2:00 between batches", []),
    ("await 14:00 sign-off", [("14:00", utc("2025-10-09 14:00"), None)]),
    # 'flag' ends with 'lag': a time all the same
    ("flag 10:00 rollout", [("10:00", utc("2025-10-09 10:00"), None)]),
    # a list of durations after one
    ("Build times: took 8:45 for iOS, 11:02 for Android.", []),
    ("took 3:12 / 4:05 on the two runs", []),
    ("took 3:12 and 4:05", []),
    # a clause of its own after a duration holds a time
    ("took 3:12, resolved 14:05", [("14:05", utc("2025-10-09 14:05"), None)]),
    ("took 0:07:30; next attempt 9:00", [("9:00", utc("2025-10-09 09:00"), None)]),
    # a progress bar's countdown after ETA, and what is left: no deadline
    ("reindex 45% done, ETA 0:12:30", []),
    ("rsync 1.2GB 35% 10.5MB/s ETA 0:03:21", []),
    ("backfill ETA 2:15:00 remaining", []),
    ("0:42 left on the job", []),
    ("1:10 to go.", []),
    ("ETA 00:12:30", [("00:12:30", utc("2025-10-09 00:12:30"), "ETA")]),
    ("ETA 17:00", [("17:00", utc("2025-10-09 17:00"), "ETA")]),
    ("14:00 to go live", [("14:00", utc("2025-10-09 14:00"), None)]),
    ("Sam 14:00 left the call", [("14:00", utc("2025-10-09 14:00"), None)]),
    # 'for' alone makes no duration
    ("scheduled for 14:00", [("14:00", utc("2025-10-09 14:00"), None)]),
    ("deploy at 9:05h", [("9:05", utc("2025-10-09 09:05"), None)]),
])
def test_a_duration_in_clock_form_is_no_time(text, want):
    assert _read(text) == want


def test_a_status_line_of_build_times_keeps_its_section_day(tmp_path):
    path = _log(tmp_path, (
        "# Mobile Release\n\nAll times in CET (UTC+1).\n\n## 2025-10-10 Friday\n"
        "- 12:45: staged rollout to 5%; crash-free 99.2%, median startup 0:01.8.\n"
        "- Build times: took 8:45 for iOS, 11:02 for Android.\n"
    ))
    ev = read_logs([path]).events
    rows = [(r.line, r.at, r.at_precision, r.times) for r in ev.itertuples()]
    assert rows == [
        (6, ts("2025-10-10 10:45"), "minute", [ts("2025-10-10 10:45")]),
        (7, ts("2025-10-10"), "day", []),
    ]


# --------------------------------------------------------- 2: cluster objects and labels: no tickets

@pytest.mark.parametrize(("text", "want"), [
    ("03:40 SEV-2 on checkout (INC-4100); HPA-2 scaled web to 12 replicas", ["INC-4100"]),
    ("NODE-12 cordoned, POD-3 evicted, PVC-7 resized, PDB-1 blocks the drain", []),
    ("SHARD-3 lagging behind REPLICA-2; VPA-1 recommends 2Gi", []),
    ("RC-2 promoted to v1.12.30 for REL-88", ["REL-88"]),
    # a project whose key ends so is a ticket all the same
    ("OCC-HPA-2 and K8S-15 track it", ["OCC-HPA-2", "K8S-15"]),
])
def test_cluster_objects_are_no_tickets(text, want):
    assert tickets(text) == want


def test_an_hpa_is_no_ticket_of_the_timeline(tmp_path):
    path = _log(tmp_path, (
        "# Cluster Ops\n\nAll times UTC.\n\n## 2025-10-10\n"
        "- 09:15 escalated K8S-15 to platform lead: HPA-2 flapping between 3 and 9 replicas.\n"
    ))
    ev = read_logs([path]).events
    rows = [(r.line, r.at, r.kind, r.level, r.tickets, r.refs) for r in ev.itertuples()]
    assert rows == [(6, ts("2025-10-10 09:15"), "escalation", 2, ["K8S-15"], [])]


# ------------------------------------------------------- 3: watching until a time is no deadline

@pytest.mark.parametrize(("text", "want"), [
    ("11:00 K8S-15 mitigated, watching until 18:00.",
     [("11:00", utc("2025-10-09 11:00"), None), ("18:00", utc("2025-10-09 18:00"), None)]),
    ("monitoring the canary until 16:00 UTC", [("16:00 UTC", utc("2025-10-09 16:00"), None)]),
    ("alert silenced until 09:00", [("09:00", utc("2025-10-09 09:00"), None)]),
    ("soaking until 17:30", [("17:30", utc("2025-10-09 17:30"), None)]),
    ("on-call until 18:00", [("18:00", utc("2025-10-09 18:00"), None)]),
    ("flag `new_ui` on until 2025-10-20", [("2025-10-20", utc("2025-10-20 00:00"), None)]),
    ("debug logging enabled until 18:00", [("18:00", utc("2025-10-09 18:00"), None)]),
    ("hold on until 18:00", [("18:00", utc("2025-10-09 18:00"), None)]),
    # a fix or anything else 'until' a time: the deadline it was; a freeze's end is a window's
    # (round 14 EDGE2: keyword window, of no ticket no SLA promise)
    ("freeze until 17:00", [("17:00", utc("2025-10-09 17:00"), "window")]),
    ("hotfix rollout blocked until 18:00", [("18:00", utc("2025-10-09 18:00"), "until")]),
])
def test_watching_until_a_time_is_no_deadline(text, want):
    assert _read(text) == want


def test_watching_until_makes_no_sla_miss(tmp_path):
    log = _log(tmp_path, (
        "# Cluster Ops\n\nAll times UTC.\n\n## 2025-10-10\n"
        "- 11:00 K8S-15 mitigated, watching until 18:00.\n"
        "- 11:05 K8S-16 hotfix ETA 18:00.\n"
    ))
    cfg = tmp_path / "occ.yml"
    cfg.write_text("logs: [log.md]\nsla:\n  tz: UTC\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "occ_lib", "deadlines", str(log), "--format", "jsonl"],
        capture_output=True, text=True, check=True,
    ).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows == [{
        "source": str(log), "line": 7, "tickets": ["K8S-16"], "due_at": "2025-10-10T18:00:00Z",
        "text": "11:05 K8S-16 hotfix ETA 18:00.", "stated_missed": False, "due_precision": "minute",
        "keyword": "ETA", "section": "2025-10-10", "refs": [], "moves": False,
    }]


# ----------------------------------------------------- 4: a staged rollout is under way, no plan

@pytest.mark.parametrize(("text", "want"), [
    ("12:45: staged rollout to 5%; crash-free 99.2%", ("note", 0)),
    ("Staged-rollout of 4.8.2 paused at 20%", ("note", 0)),
    ("staged canary at 10% for API-3", ("note", 0)),
    # staged for later, or a staged rollout still planned: a plan
    ("staged the install broadcast template", ("plan", 0)),
    ("staged rollout planned for Monday", ("plan", 0)),
])
def test_a_staged_rollout_is_no_plan(text, want):
    assert classify(text, keywords(text), False) == want
