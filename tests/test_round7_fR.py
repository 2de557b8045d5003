"""Round 7 (fR): the weekly report as a manager reads it (td66), and the SLA table's bounds.

- Finding 1: a series of one point (a target probed within one hour) is drawn: latency and error
  budget traces of up to ``charts.MARKED_POINTS`` points carry markers (availability up to 200, as
  before), and an error budget overspent below the -100 % cut is drawn on the cut (hover: the value).
- Finding 2: the latency chart's time axis is the period's windows up to its end or as_of, whichever
  is first (``until``), like the availability and budget charts: maintenance after as_of, or
  outside the windows, neither stretches it nor is shaded.
- Finding 3: a readiness table published under a date-only heading shows that date (``as published
  2025-10-08``), judged by the section's precision, not by midnight in UTC or in the report zone; a
  heading timed at 00:00 UTC is a time.
- Finding 4: the reports index shows as_of as the report does (``2025-10-20 00:00 EDT``).
- Finding 5: a period's SLA table lists deadlines and ticket targets due after its start, by its end
  or not yet due at as_of: one due after the end that fell due by a later as_of is the next
  period's only.
- Finding 6: maintenance windows are generated up to the period's end (as far as retries look past
  it: the last probe by as_of), not up to a far as_of.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from occ_lib import charts, export, sla, weekly
from occ_lib.logs import read_logs
from occ_lib.policy import Policy

try:
    from tests.test_weekly_probes import _workspace  # (one JSON file of checks, imported into a store)
except ImportError:  # (run from tests/)
    from test_weekly_probes import _workspace  # type: ignore[no-redef]

NY = "America/New_York"


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def local(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def _windows(starts: list[str], p95: list[float], target: str = "api") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "target": target,
            "window_start": [ts(s) for s in starts],
            "n": 12,
            "p50": [v / 2 for v in p95],
            "p95": p95,
            "p99": [v + 1 for v in p95],
        }
    )


def _counts(starts: list[str], up: list[int], down: list[int], target: str = "api") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "target": target,
            "window_start": [ts(s) for s in starts],
            "up": up,
            "degraded": 0,
            "down": down,
            "total": [u + d for u, d in zip(up, down, strict=True)],
        }
    )


# ------------------------------------------------------------------ finding 1: one point is drawn


def test_a_one_window_latency_series_is_drawn_with_markers():
    fig = charts.latency_chart(_windows(["2026-12-01 06:00"], [1006.3]), threshold_ms=800, tz=NY)
    lines = [t for t in fig.data if not t.name.startswith("threshold")]
    assert [(t.name, t.mode, len(t.x), t.marker.size) for t in lines] == [
        ("api p50", "lines+markers", 1, 7),
        ("api p95", "lines+markers", 1, 7),
        ("api p99", "lines+markers", 1, 7),
    ]
    assert list(lines[1].y) == [1006.3]


def test_near_miss_a_long_latency_series_stays_a_plain_line():
    day = pd.date_range("2025-10-06 04:00", periods=24, freq="h", tz="UTC").strftime("%Y-%m-%d %H:%M")
    fig = charts.latency_chart(_windows(list(day), [100.0] * 24), tz=NY)
    assert {t.mode for t in fig.data} == {"lines+markers"}  # a day of hourly windows: 24 points
    more = pd.date_range("2025-10-06 04:00", periods=25, freq="h", tz="UTC").strftime("%Y-%m-%d %H:%M")
    fig = charts.latency_chart(_windows(list(more), [100.0] * 25), tz=NY)
    assert {t.mode for t in fig.data} == {"lines"}


def test_a_one_window_budget_is_drawn_and_an_overspent_one_sits_on_the_cut():
    # local-flaky: 2 bad of 12 against a 99.5 % objective: -3233.3 % remaining; local-ok: untouched
    counts = pd.concat([
        _counts(["2026-12-01 06:00"], [10], [2], "local-flaky"),
        _counts(["2026-12-01 06:00"], [12], [0], "local-ok"),
    ])
    fig = charts.burndown_chart(charts.budget_series(counts, 99.5), tz=NY)
    flaky, ok, zero = fig.data
    assert (flaky.mode, ok.mode, zero.mode) == ("lines+markers", "lines+markers", "lines")
    assert list(flaky.y) == [-100.0] and list(ok.y) == [100.0]
    assert flaky.customdata[0][0] == pytest.approx(-3233.3333333)
    assert list(flaky.marker.symbol) == ["triangle-down"] and list(ok.marker.symbol) == ["circle"]
    assert "customdata[0]:.1f" in flaky.hovertemplate
    assert fig.layout.title.text == "Error budget remaining (axis cut at -100 %)"
    assert list(fig.layout.yaxis.range) == [-105, 105]


def test_near_miss_a_budget_above_the_cut_keeps_its_values_and_axis():
    fig = charts.burndown_chart(charts.budget_series(_counts(["2026-12-01 06:00"], [198], [2]), 99.5), tz=NY)
    # 2 bad of 200, budget 1 probe: -100 % (to floating point), no cut
    assert list(fig.data[0].y) == pytest.approx([-100.0])
    assert fig.data[0].marker.symbol is None
    assert fig.layout.title.text == "Error budget remaining" and fig.layout.yaxis.range is None


def test_availability_markers_follow_the_length_of_the_series():
    one = charts.availability_chart(_counts(["2026-12-01 06:00"], [10], [2]), 0.995, tz=NY)
    assert (one.data[0].mode, one.data[0].marker.size) == ("lines+markers", 7)
    hours = pd.date_range("2025-10-06 04:00", periods=30, freq="h", tz="UTC").strftime("%Y-%m-%d %H:%M")
    month = charts.availability_chart(_counts(list(hours), [10] * 30, [0] * 30), tz=NY)
    assert (month.data[0].mode, month.data[0].marker.size) == ("lines+markers", 4)
    many = pd.date_range("2025-10-06 04:00", periods=201, freq="h", tz="UTC").strftime("%Y-%m-%d %H:%M")
    long = charts.availability_chart(_counts(list(many), [10] * 201, [0] * 201), tz=NY)
    assert long.data[0].mode == "lines"


# ------------------------------------------------------------------ finding 2: one time range


_MAINT = pd.DataFrame(
    {
        "target": [None, None],
        "start": [ts("2026-12-01 05:30"), ts("2026-12-06 07:00")],  # Dec 1 00:30 ET; Sun Dec 6 02:00 ET
        "end": [ts("2026-12-01 06:15"), ts("2026-12-06 09:00")],
        "name": ["deploy freeze", "weekly patching"],
    }
)


def test_maintenance_outside_the_windows_neither_stretches_nor_shades_the_latency_axis():
    w = _windows(["2026-12-01 06:00"], [1006.3])
    fig = charts.latency_chart(w, 800, maintenance=_MAINT.iloc[1:], tz=NY)
    assert fig.layout.shapes == ()
    assert fig.layout.title.text == "Latency per target (window 1h)"
    # one overlapping the window's start is shaded within it only
    fig = charts.latency_chart(w, 800, maintenance=_MAINT, tz=NY)
    shaded = [(s.x0, s.x1) for s in fig.layout.shapes]
    assert shaded == [(local("2026-12-01 01:00"), local("2026-12-01 01:15"))]
    assert fig.layout.title.text.endswith("shaded blue: maintenance (excluded))")


def test_the_latency_chart_ends_at_as_of_like_the_availability_and_budget_charts():
    w = _windows(["2026-12-01 06:00"], [1006.3])
    c = _counts(["2026-12-01 06:00"], [10], [2])
    as_of = ts("2026-12-01 06:30")
    breaches = pd.DataFrame({"target": ["api"], "window_start": [ts("2026-12-01 06:00")],
                             "window_end": [ts("2026-12-01 07:00")]})
    figs = [
        charts.latency_chart(w, 800, breaches, _MAINT, tz=NY, until=as_of),
        charts.availability_chart(c, 0.995, tz=NY, until=as_of),
        charts.burndown_chart(charts.budget_series(c, 0.995), tz=NY, until=as_of),
    ]
    ends = [list(f.data[-1].x) for f in figs]
    assert ends == [[local("2026-12-01 01:00"), local("2026-12-01 01:30")]] * 3
    # the breached window and the maintenance in it, both cut at as_of
    assert [(s.x0, s.x1, s.fillcolor) for s in figs[0].layout.shapes] == [
        (local("2026-12-01 01:00"), local("2026-12-01 01:30"), "#D55E00"),
        (local("2026-12-01 01:00"), local("2026-12-01 01:15"), "#56B4E9"),
    ]


def test_near_miss_an_as_of_after_the_last_window_leaves_the_axis_at_its_end():
    w = _windows(["2026-12-01 06:00"], [100.0])
    fig = charts.latency_chart(w, 800, tz=NY, until=ts("2026-12-07 05:00"))
    assert list(fig.data[-1].x) == [local("2026-12-01 01:00"), local("2026-12-01 02:00")]
    fig = charts.latency_chart(w, 800, tz=NY)
    assert list(fig.data[-1].x) == [local("2026-12-01 01:00"), local("2026-12-01 02:00")]


_PATCHING = {"name": "weekly patching", "every": "weekly", "days": ["sun"], "start": "02:00",
             "duration": "2h", "tz": NY}


def test_a_partial_weeks_probe_charts_share_the_period_up_to_as_of(tmp_path):
    policy = {
        "tz": NY,
        "targets": {"*": {"availability": 99.5, "latency": [{"percentile": "p95", "threshold_ms": 800,
                                                              "window": "1h"}]}},
        "maintenance": [_PATCHING],
    }
    checks = [("slow", f"2026-12-01T06:{m:02d}:00Z", 200, 1000.0 + m) for m in range(0, 60, 5)]
    ws = _workspace(tmp_path, policy, checks)
    per = weekly.period(ws, week="2026-W49", as_of="2026-12-01T06:30:00Z")
    d = weekly.collect(ws, per)
    latency, _outcomes, avail, budget = weekly.probe_figures(d, per)
    assert [(t.name, t.mode, len(t.x)) for t in latency.data[:3]] == [
        ("slow p50", "lines+markers", 1), ("slow p95", "lines+markers", 1), ("slow p99", "lines+markers", 1),
    ]
    assert list(latency.data[1].y) == pytest.approx([1023.75])  # the probes before as_of: 06:00-06:25
    # Sunday's patching (Dec 6) is after as_of: no shading, the axis ends at as_of
    assert [(s.x0, s.x1, s.fillcolor) for s in latency.layout.shapes] == [
        (local("2026-12-01 01:00"), local("2026-12-01 01:30"), "#D55E00")
    ]
    assert list(latency.data[-1].x) == list(avail.data[-1].x) == list(budget.data[-1].x) == [
        local("2026-12-01 01:00"), local("2026-12-01 01:30")
    ]


# ------------------------------------------------------------------ finding 3: date-only captions


_TABLES = """# Integrations
## 2025-10-08 Integration Dashboard
| Vendor | Live |
|---|---|
| GA MCP | Blocked |

## 2025-10-09 00:00 UTC Dashboard
| Vendor | Live |
|---|---|
| GA MCP | Pending |

## 2025-10-10 Dashboard
| Vendor | Live |
|---|---|
| GA MCP | Live |
"""


def _captions(monkeypatch, d, per) -> list[str]:
    shown: list = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    weekly.show_tables(d, per)
    return [repr(t) for t in shown]


def test_a_date_only_heading_is_published_on_its_date(tmp_path, monkeypatch):
    (tmp_path / "integrations.md").write_text(_TABLES.split("## 2025-10-09")[0])
    (tmp_path / "occ.yml").write_text(f"logs: [integrations.md]\nsla: {{tz: {NY}}}\n")
    ws = weekly.workspace(tmp_path / "occ.yml")
    per = weekly.period(ws, week="2025-W41")
    d = weekly.collect(ws, per)
    [v] = d.tables["integrations.md: Vendor | Live"]
    assert (v.at, v.day) == (ts("2025-10-08 04:00"), True)  # New York's midnight of that date
    assert _captions(monkeypatch, d, per) == [
        "integrations.md: Vendor | Live (as published 2025-10-08, integrations.md:3; 1 version)\n"
        "Vendor    Live\nGA MCP Blocked",
        "Changes to integrations.md: Vendor | Live (published once in the period: nothing to compare)\nnone",
    ]


def test_near_miss_a_heading_timed_at_utc_midnight_shows_its_time(tmp_path, monkeypatch):
    (tmp_path / "integrations.md").write_text(_TABLES)
    (tmp_path / "occ.yml").write_text(f"logs: [integrations.md]\nsla: {{tz: {NY}}}\n")
    ws = weekly.workspace(tmp_path / "occ.yml")
    per = weekly.period(ws, week="2025-W41")
    d = weekly.collect(ws, per)
    versions = d.tables["integrations.md: Vendor | Live"]
    assert [(v.at, v.day) for v in versions] == [
        (ts("2025-10-08 04:00"), True), (ts("2025-10-09 00:00"), False), (ts("2025-10-10 04:00"), True),
    ]
    when = [weekly._when(v.at, NY, v.day) for v in versions]
    assert when == ["2025-10-08", "2025-10-08 20:00", "2025-10-10"]
    # the changes table: a date-only version's date, a timed one's wall time
    changes = weekly.for_display(weekly.table_changes(versions, NY), NY)
    assert changes[["at", "before", "after"]].values.tolist() == [
        ["2025-10-08 20:00", "Blocked", "Pending"], ["2025-10-10", "Pending", "Live"],
    ]
    # (round 14: "3 versions", and no "published once" note over a changes table that has rows)
    assert [c.splitlines()[0] for c in _captions(monkeypatch, d, per)] == [
        "integrations.md: Vendor | Live (as published 2025-10-10, integrations.md:13; 3 versions)",
        "Changes to integrations.md: Vendor | Live",
    ]
    # without a zone the versions are the raw instants, as before
    assert weekly.table_changes(versions)["at"].tolist() == [ts("2025-10-09 00:00"), ts("2025-10-10 04:00")]
    # read without a zone a date-only version is at its UTC midnight: still its date
    plain = weekly.table_history(read_logs([str(tmp_path / "integrations.md")]))
    first = plain["integrations.md: Vendor | Live"][0]
    assert (first.at, weekly._when(first.at, NY, first.day)) == (ts("2025-10-08"), "2025-10-08")


# ------------------------------------------------------------------ finding 4: the index's as-of


def _manifest(folder: Path, as_of: str, tz: str = NY) -> None:
    export.write_manifest(folder, {
        "label": folder.name, "week": folder.name, "start": "2025-10-13T04:00:00+00:00",
        "start_local": "2025-10-13", "end_local": "2025-10-19", "tz": tz, "as_of": as_of,
        "headline": {}, "notebooks": [],
    })


def test_the_index_shows_as_of_as_the_report_does(tmp_path):
    _manifest(tmp_path / "2025-W42", "2025-10-20T04:00:00+00:00")
    _manifest(tmp_path / "2026-W49", "2026-12-01T06:30:26.374956+00:00")
    _manifest(tmp_path / "2025-W43", "2025-10-27T04:00:00+00:00", "UTC")
    html = export.write_index(tmp_path).read_text()
    assert "America/New_York, as of 2025-10-20 00:00 EDT</small>" in html
    assert "America/New_York, as of 2026-12-01 01:30 EST</small>" in html
    assert "UTC, as of 2025-10-27 04:00 UTC</small>" in html
    assert "+00:00" not in html and "374956" not in html


def test_near_miss_an_unreadable_as_of_or_zone_is_shown_as_written():
    assert export.local_as_of("2025-11-02T05:35:00Z", NY) == "2025-11-02 01:35 EDT"
    assert export.local_as_of("2025-11-02T06:35:00Z", NY) == "2025-11-02 01:35 EST"
    assert export.local_as_of("2025-10-20T04:00:00", NY) == "2025-10-20 00:00 EDT"  # naive: UTC
    assert export.local_as_of("soon <b>", NY) == "soon <b>"
    assert export.local_as_of("2025-10-20T04:00:00+00:00", "Mars/Base") == "2025-10-20T04:00:00+00:00"
    assert export.local_as_of(None, None) == ""
    html = export.render_index([{"_folder": "x", "label": "x", "tz": "<i>", "as_of": "<script>"}])
    assert "&lt;i&gt;, as of &lt;script&gt;" in html


# ------------------------------------------------------------------ finding 5: the period's promises


_OPS = """---
tz: America/New_York
---
# Ops
## 2025-10-16 (Thu)
- 09:00 OPS-1 ETA Fri 2025-10-17 12:00.
- 09:05 OPS-2 ETA Tue 2025-10-21 12:00.
- 09:10 OPS-3 due 2025-10-19.
- 09:15 OPS-4 ETA 2025-10-20 00:00.
- 09:20 OPS-5 ETA 2025-11-20 12:00.

## 2025-10-19 (Sun)
- 22:30 OPS-6 opened: disk alerts.
"""
_W42 = (ts("2025-10-13 04:00"), ts("2025-10-20 04:00"))
_W43 = (ts("2025-10-20 04:00"), ts("2025-10-27 04:00"))


def _ops(tmp_path: Path):
    (tmp_path / "ops.md").write_text(_OPS)
    return read_logs([str(tmp_path / "ops.md")])


def _rows(df: pd.DataFrame) -> list[list[object]]:
    part = df[["kind", "subject", "due_at", "status"]].sort_values(["due_at", "subject"]).astype(object)
    return part.values.tolist()


def test_a_promise_due_after_the_end_is_judged_in_the_next_periods_table_only(tmp_path):
    logs = _ops(tmp_path)
    late = ts("2025-11-01 00:00")  # both weeks judged a week and more after W42's end
    w42 = sla.deadline_misses(logs, _W42[0], late, NY, _W42[1])
    # OPS-3 (date-only Sunday: due at Monday's midnight, W42's end) and OPS-4 (Monday 00:00 ET, the
    # same instant) are not missed at W42's end (round 8: a promise due at as_of is open), so they
    # fall due in W43 and are W43's, as OPS-2 is; OPS-5 is still open
    assert _rows(w42) == [
        ["deadline", "OPS-1", ts("2025-10-17 16:00"), "missed"],
        ["deadline", "OPS-5", ts("2025-11-20 17:00"), "open"],
    ]
    w43 = sla.deadline_misses(logs, _W43[0], late, NY, _W43[1])
    assert _rows(w43) == [
        ["deadline", "OPS-3", ts("2025-10-20 04:00"), "missed"],
        ["deadline", "OPS-4", ts("2025-10-20 04:00"), "missed"],
        ["deadline", "OPS-2", ts("2025-10-21 16:00"), "missed"],
        ["deadline", "OPS-5", ts("2025-11-20 17:00"), "open"],
    ]


def test_near_miss_judged_at_the_end_a_later_promise_is_still_listed_open(tmp_path):
    logs = _ops(tmp_path)
    w42 = sla.deadline_misses(logs, _W42[0], _W42[1], NY, _W42[1])
    assert _rows(w42) == [
        ["deadline", "OPS-1", ts("2025-10-17 16:00"), "missed"],
        ["deadline", "OPS-3", ts("2025-10-20 04:00"), "open"],  # due at as_of: not missed yet
        ["deadline", "OPS-4", ts("2025-10-20 04:00"), "open"],
        ["deadline", "OPS-2", ts("2025-10-21 16:00"), "open"],
        ["deadline", "OPS-5", ts("2025-11-20 17:00"), "open"],
    ]
    # and without an end (sla.deadline_misses as before): every promise due after the start
    assert len(sla.deadline_misses(logs, _W42[0], ts("2025-11-01"), NY)) == 5


def test_ticket_targets_due_after_the_end_are_the_next_periods(tmp_path):
    logs = _ops(tmp_path)
    policy = Policy.model_validate({"tz": NY, "tickets": {"OPS-6": {"first_response": "4h"}}})
    # OPS-6, first seen Sun 22:30 ET: its response is due Mon 02:30 ET, in W43; never given
    late = ts("2025-11-01")
    assert _rows(sla.ticket_target_misses(logs, policy, _W42[0], late, _W42[1])) == []
    assert _rows(sla.ticket_target_misses(logs, policy, _W43[0], late, _W43[1])) == [
        ["response", "OPS-6", ts("2025-10-20 06:30"), "missed"],
    ]
    # near miss: judged at W42's end, the response is not yet due and is listed open
    assert _rows(sla.ticket_target_misses(logs, policy, _W42[0], _W42[1], _W42[1])) == [
        ["response", "OPS-6", ts("2025-10-20 06:30"), "open"],
    ]


def test_the_weekly_report_of_a_week_judged_late_holds_its_own_promises(tmp_path):
    (tmp_path / "ops.md").write_text(_OPS)
    (tmp_path / "occ.yml").write_text(f"logs: [ops.md]\nsla: {{tz: {NY}}}\n")
    ws = weekly.workspace(tmp_path / "occ.yml")
    d = weekly.collect(ws, weekly.period(ws, week="2025-W42", as_of="2025-11-01T00:00:00Z"))
    # (OPS-3 and OPS-4, due at W42's end, fell due after it: W43's, since round 8)
    assert d.deadlines["subject"].tolist() == ["OPS-1", "OPS-5"]
    missed = d.misses[d.misses["status"] == "missed"]
    assert missed["subject"].tolist() == ["OPS-1"]
    assert d.figures["open tickets past due"] == 1


# ------------------------------------------------------------------ finding 6: a far as_of


_RETRY_POLICY = {"tz": NY, "targets": {"*": {"availability": 99.0, "retries": 1}}, "maintenance": [_PATCHING]}


def test_maintenance_is_generated_to_the_period_not_to_a_far_as_of(tmp_path):
    policy = {**_RETRY_POLICY, "targets": {"*": {"availability": 99.0}}}
    ws = _workspace(tmp_path, policy, [("api", "2025-10-08T12:00:00Z", 200, 100)])
    end = ts("2025-10-13 04:00")
    far = ts("2261-01-01")
    assert sla.maintenance_until(ws.store, ws.policy, end, far) == end  # no retries: nothing past the end
    assert sla.maintenance_until(ws.store, ws.policy, end, ts("2025-10-10")) == ts("2025-10-10")
    assert sla.maintenance_until(None, ws.policy, end, far) == end
    d = weekly.collect(ws, weekly.period(ws, week="2025-W41", as_of="2261-01-01T00:00:00Z"))
    windows = d.maintenance[["start", "end"]].values.tolist()
    assert windows == [[ts("2025-10-12 06:00"), ts("2025-10-12 08:00")]]
    assert d.budget[["probes counted", "bad probes"]].values.tolist() == [[1, 0]]


def test_with_retries_maintenance_reaches_the_last_probe_and_the_figures_hold(tmp_path):
    # W41 ends Mon 2025-10-13 04:00Z; the failure at 03:30 is retried by the next probe outside
    # maintenance: the one in the next Sunday's patching (Oct 19 06:30Z) does not count, Oct 19 09:00Z does
    checks = [
        ("api", "2025-10-13T03:00:00Z", 200, 100), ("api", "2025-10-13T03:30:00Z", 503, 100),
        ("api", "2025-10-19T06:30:00Z", 503, 100), ("api", "2025-10-19T09:00:00Z", 200, 100),
    ]
    ws = _workspace(tmp_path, _RETRY_POLICY, checks)
    end, far = ts("2025-10-13 04:00"), ts("2261-01-01")
    assert sla.maintenance_until(ws.store, ws.policy, end, far) == ts("2025-10-19 09:00:00.000001")
    start = ts("2025-10-06 04:00")
    figures = sla.error_budget(ws.store, ws.policy, start, end, far)
    assert figures[["counted", "bad"]].values.tolist() == [[2, 0]]
    week_later = sla.error_budget(ws.store, ws.policy, start, end, ts("2025-10-20 04:00"))
    assert week_later[["counted", "bad"]].values.tolist() == [[2, 0]]
    assert sla.burn_rates(ws.store, ws.policy, start, end, far)["at"].max() == end
    d = weekly.collect(ws, weekly.period(ws, week="2025-W41", as_of="2261-01-01T00:00:00Z"))
    assert d.maintenance[["start", "end"]].values.tolist() == [
        [ts("2025-10-12 06:00"), ts("2025-10-12 08:00")], [ts("2025-10-19 06:00"), ts("2025-10-19 08:00")],
    ]
    assert d.budget[["probes counted", "bad probes"]].values.tolist() == [[2, 0]]
