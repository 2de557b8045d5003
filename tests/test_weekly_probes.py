"""occ_lib.weekly over a real workspace and store: the budget, burn-down and objectives figures agree
with the SLA rules (retries, days in the policy zone, no data), exact values."""

from __future__ import annotations

import pandas as pd

from occ_lib import sla, weekly
from tests.evidence_rows import checks_workspace as _workspace


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


NY_RETRIES = {"tz": "America/New_York", "targets": {"*": {"availability": 99.0, "retries": 1}}}


def test_a_failure_just_before_the_week_ends_is_contradicted_by_the_probe_at_its_end(tmp_path):
    # W41 in New York ends at 2025-10-13 04:00 UTC; the 03:30 failure's next probe is at 04:00
    ws = _workspace(tmp_path, NY_RETRIES, [
        ("search", "2025-10-13T02:30:00Z", 200, 200), ("search", "2025-10-13T03:00:00Z", 200, 200),
        ("search", "2025-10-13T03:30:00Z", 504, 200), ("search", "2025-10-13T04:00:00Z", 200, 200),
    ])
    per = weekly.period(ws, week="2025-W41")
    d = weekly.collect(ws, per)
    cols = ["target", "probes counted", "bad probes", "budget remaining (%)"]
    assert d.budget[cols].to_dict("records") == [
        {"target": "search", "probes counted": 3, "bad probes": 0, "budget remaining (%)": 100.0}
    ]
    row = d.misses[d.misses["kind"] == "availability"].iloc[0]
    assert (row["status"], row["detail"].split(";")[0]) == (
        "met", "100.000% vs objective 99%: 0 bad of 3 probes (0 in maintenance)"
    )
    assert d.counts[["window_start", "total", "good", "bad"]].to_dict("records") == [
        {"window_start": ts("2025-10-13 02:00"), "total": 1, "good": 1, "bad": 0},
        {"window_start": ts("2025-10-13 03:00"), "total": 2, "good": 2, "bad": 0},
    ]
    # as of 03:45 the later probe was not known yet: the failure stands
    early = sla.error_budget(ws.store, ws.policy, per.start, per.end, ts("2025-10-13 03:45"))
    assert early[["counted", "bad"]].to_dict("records") == [{"counted": 3, "bad": 1}]


def test_a_failure_before_maintenance_is_judged_by_the_next_probe_after_it(tmp_path):
    policy = {
        **NY_RETRIES,
        "maintenance": [{"name": "patching", "every": "weekly", "days": ["sun"], "start": "02:00",
                         "duration": "2h", "tz": "America/New_York"}],
    }
    ws = _workspace(tmp_path, policy, [
        ("search", "2025-10-12T05:00:00Z", 200, 200), ("search", "2025-10-12T05:30:00Z", 502, 200),
        ("search", "2025-10-12T06:00:00Z", 503, 200),  # inside Sunday 02:00-04:00 New York
        ("search", "2025-10-12T08:00:00Z", 200, 200), ("search", "2025-10-12T08:30:00Z", 200, 200),
    ])
    d = weekly.collect(ws, weekly.period(ws, week="2025-W41"))
    b = sla.error_budget(ws.store, ws.policy, d.per.start, d.per.end)
    assert b[["counted", "good", "bad", "excluded_maintenance"]].to_dict("records") == [
        {"counted": 4, "good": 4, "bad": 0, "excluded_maintenance": 1}
    ]
    assert d.budget["bad probes"].tolist() == [0]


def test_the_burn_down_counts_bad_probes_as_the_budget_table_does(tmp_path):
    # ten probes, one failure retried good by the next: nothing of the budget is spent
    checks = [("search", f"2025-10-08T1{i}:00:00Z", 503 if i == 4 else 200, 100) for i in range(10)]
    ws = _workspace(tmp_path, NY_RETRIES, checks)
    d = weekly.collect(ws, weekly.period(ws, week="2025-W41"))
    assert d.budget[["probes counted", "bad probes", "budget remaining (%)"]].to_dict("records") == [
        {"probes counted": 10, "bad probes": 0, "budget remaining (%)": 100.0}
    ]
    assert d.budget_series["remaining"].tolist() == [1.0] * 10


def test_a_target_with_no_counted_probe_has_no_budget_figures(tmp_path):
    policy = {
        "tz": "America/New_York",
        "targets": {"*": {"availability": 99.5}},
        "maintenance": [{"name": "patching", "every": "weekly", "days": ["sun"], "start": "02:00",
                         "duration": "2h", "tz": "America/New_York"}],
    }
    ws = _workspace(tmp_path, policy, [
        ("billing", "2025-10-12T06:15:00Z", 503, 40), ("billing", "2025-10-12T07:15:00Z", 503, 40),
    ])
    d = weekly.collect(ws, weekly.period(ws, week="2025-W41"))
    cols = ["target", "probes counted", "budget (probes)", "budget consumed (%)", "budget remaining (%)"]
    got = d.budget[cols]
    rec = got.to_dict("records")[0]
    assert (rec["target"], rec["probes counted"]) == ("billing", 0)
    # no budget at all, not a budget of 0 probes (which reads as spent)
    assert pd.isna(rec["budget (probes)"])
    assert pd.isna(rec["budget consumed (%)"]) and pd.isna(rec["budget remaining (%)"])
    b = sla.error_budget(ws.store, ws.policy, d.per.start, d.per.end)
    assert b["counted"].tolist() == [0] and b["allowed_bad"].isna().all()
    assert b["consumed_pct"].isna().all() and b["remaining_pct"].isna().all()
    html = weekly.show(d.budget)._repr_html_()
    assert "100.0" not in html


def test_objectives_say_the_threshold_is_inclusive(tmp_path):
    policy = {"tz": "America/New_York",
              "targets": {"*": {"latency": [{"percentile": "p95", "threshold_ms": 800, "window": "1h"}]}}}
    ws = _workspace(tmp_path, policy, [("api", "2025-10-08T12:00:00Z", 200, 800)])
    d = weekly.collect(ws, weekly.period(ws, week="2025-W41"))
    cols = ["target", "latency objective", "p95 (ms)", "windows over threshold"]
    assert weekly.objectives_table(d)[cols].to_dict("records") == [
        {"target": "api", "latency objective": "p95 <= 800 ms per 1h (of 5+ probes)", "p95 (ms)": 800.0,
         "windows over threshold": 0}
    ]


def test_a_one_day_latency_objective_is_judged_on_days_in_the_policy_zone(tmp_path):
    # 01:00-03:00 UTC Oct 7 is Monday evening in New York (fast); 14:00-15:00 is Tuesday (slow)
    lat1d = {"latency": [{"percentile": "p50", "threshold_ms": 1000, "window": "1d", "min_probes": 1}]}
    policy = {"tz": "America/New_York", "targets": {"*": lat1d}}
    ws = _workspace(tmp_path, policy, [
        ("api", "2025-10-07T01:00:00Z", 200, 100), ("api", "2025-10-07T02:00:00Z", 200, 100),
        ("api", "2025-10-07T03:00:00Z", 200, 100), ("api", "2025-10-07T14:00:00Z", 200, 2000),
        ("api", "2025-10-07T15:00:00Z", 200, 2000),
    ])
    d = weekly.collect(ws, weekly.period(ws, week="2025-W41"))
    lat = d.misses[d.misses["kind"] == "latency"]
    assert lat[["subject", "due_at", "overage_min", "detail"]].to_dict("records") == [
        {"subject": "api", "due_at": ts("2025-10-07 04:00"), "overage_min": 1440.0,
         "detail": "p50 2000.0 ms > 1000 ms over 1d from 2025-10-07 00:00 EDT (n=2)"}
    ]


def test_a_whole_day_latency_miss_lasts_its_local_day_and_no_longer_than_as_of(tmp_path):
    # 2025-11-02 in New York is 25 hours long (clocks go back); slow probes that day
    lat1d = {"latency": [{"percentile": "p50", "threshold_ms": 1000, "window": "1d", "min_probes": 1}]}
    policy = {"tz": "America/New_York", "targets": {"*": lat1d}}
    ws = _workspace(tmp_path, policy, [
        ("api", "2025-11-02T05:00:00Z", 200, 2000), ("api", "2025-11-02T15:00:00Z", 200, 2000),
    ])
    d = weekly.collect(ws, weekly.period(ws, week="2025-W44"))
    lat = d.misses[d.misses["kind"] == "latency"]
    assert lat[["due_at", "overage_min"]].to_dict("records") == [
        {"due_at": ts("2025-11-02 04:00"), "overage_min": 1500.0}]
    early = weekly.collect(ws, weekly.period(ws, week="2025-W44", as_of="2025-11-02T06:00:00Z"))
    lat = early.misses[early.misses["kind"] == "latency"]
    assert lat[["due_at", "overage_min"]].to_dict("records") == [
        {"due_at": ts("2025-11-02 04:00"), "overage_min": 120.0}]
