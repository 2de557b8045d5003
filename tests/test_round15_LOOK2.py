"""Round 15 (LOOK2): the weekly report's presentation, after LOOK's reading of it.

- The latency-window table writes a threshold as its whole ms (``800``, not ``800.0``).
- The probe charts' titles carry one parenthesis (``Latency per target, ms (window 1h; ...)``), and
  the outcomes chart no longer says its window twice (``Probe outcomes per hour, window 1h``).
- An error budget's consumed and remaining percentages have at most 1 decimal, none from 1000 %.
- Report tables show kinds and headers as prose (``document expired``, ``follow-up``,
  ``first cited in``); the frames keep the identifiers.
- The period's probe charts share one time range: the period's start to its end (or as_of).
- ``SLA misses by team`` has a legend title and lists the kinds as the stack piles them.
- An undated ticket event's ``at`` cell says ``(no time)``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from occ_lib import charts, weekly
from occ_lib.formats import kind_label
from tests.evidence_rows import checks_workspace

POLICY = {
    "tz": "UTC",
    "targets": {"*": {
        "latency": [{"percentile": "p95", "threshold_ms": 800, "window": "1h", "min_probes": 1}],
        "availability": 99.5,
    }},
}
# (target, UTC time, status, ms): web's 1h windows on Wed and Thu of 2025-W41, api's one on Wed
CHECKS = [
    ("web", "2025-10-08T10:05:00Z", 200, 120.0),
    ("web", "2025-10-08T11:05:00Z", 200, 950.0),
    ("web", "2025-10-09T09:05:00Z", 503, 80.0),
    ("api", "2025-10-08T10:10:00Z", 200, 90.0),
]


def _week(tmp_path: Path) -> tuple[weekly.WeekData, weekly.Period]:
    ws = checks_workspace(tmp_path, POLICY, CHECKS)
    per = weekly.period(ws, week="2025-W41")
    return weekly.collect(ws, per), per


def test_the_latency_window_table_writes_a_whole_threshold_without_decimal(tmp_path: Path) -> None:
    d, per = _week(tmp_path)
    table = weekly.show(weekly.latency_table(d.objective_windows), tz=per.tz).df
    assert table[["target", "start", "p95", "threshold (ms)", "over objective"]].values.tolist() == [
        ["web", "2025-10-08 11:00", "950.0", 800, "yes"],
        ["api", "2025-10-08 10:00", "90.0", 800, "no"],
        ["web", "2025-10-08 10:00", "120.0", 800, "no"],
    ]  # (the 503 probe is down: no latency)
    assert "<td>800</td>" in weekly.show(weekly.latency_table(d.objective_windows))._repr_html_()
    # (a threshold of a fraction of a ms keeps it)
    assert [weekly._whole(v) for v in (800.0, 62.5)] == [800, 62.5]


def test_probe_chart_titles_have_one_parenthesis_and_say_the_window_once(tmp_path: Path) -> None:
    d, per = _week(tmp_path)
    assert [f.layout.title.text for f in weekly.probe_figures(d, per)] == [
        "Latency per target, ms (window 1h; shaded red: breached windows)",
        "Probe outcomes, window 1h",
        "Availability per target, % (window 1h; good / counted probes)",
        "Error budget remaining, % (axis cut at -100 %)",
    ]


def test_budget_percentages_read_as_a_person_reads_them() -> None:
    assert [weekly.budget_percent(v) for v in (16319.018, -16219.018, 999.96, 243.161, -143.161, 0.0)] == [
        16319, -16219, 1000, 243.2, -143.2, 0.0,
    ]
    assert pd.isna(weekly.budget_percent(float("nan")))
    budget = pd.DataFrame({
        "target": ["live", "mock", "idle"], "objective": [99.5] * 3, "counted": [326, 329, 0],
        "bad": [266, 4, 0], "ratio": [18.405, 98.784, None], "allowed_bad": [1.63, 1.645, None],
        "consumed_pct": [16319.018, 243.161, None], "remaining_pct": [-16219.018, -143.161, None],
    })
    shown = weekly.show(weekly._budget_table(budget, pd.DataFrame()))
    assert shown.df[["target", "budget consumed (%)", "budget remaining (%)"]].values.tolist() == [
        ["live", 16319, -16219], ["mock", "243.2", "-143.2"], ["idle", "", ""],
    ]
    assert "<td>16319</td>" in shown._repr_html_()


def test_report_tables_show_kinds_and_headers_as_prose_and_frames_keep_identifiers() -> None:
    m = pd.DataFrame({"kind": ["doc_expired", "follow_up", "response", "deadline", "doc_stale"],
                      "status": ["missed", "open", "met", "missed", "open"]})
    counts = weekly.misses_by_kind(m)
    # (round 15 LOOK3: sla.KINDS' order, any other kind after them, not the identifiers sorted)
    assert counts["kind"].tolist() == ["deadline", "response", "doc_expired", "doc_stale", "follow_up"]
    assert weekly.show(counts).df["kind"].tolist() == [
        "deadline", "first response", "document expired", "document stale", "follow-up",
    ]
    audit = pd.DataFrame([{
        "path": "artifacts/a.log", "kind": "evidence", "status": "present", "found": "a.log",
        "mentions": 1, "first_source": "ops.md", "first_line": 3, "tickets": "OPS-1",
    }])
    table = weekly.show(audit.drop(columns="kind"))
    assert list(table.df.columns) == [
        "path", "status", "found", "mentions", "first cited in", "line", "tickets",
    ]
    assert "<th>first cited in</th>" in table._repr_html_() and "first_source" not in table._repr_html_()
    assert list(audit.columns)[5:7] == ["first_source", "first_line"]  # (the frame keeps its names)
    assert [kind_label(k) for k in ("follow_up", "blocked", "some_new_kind", None)] == [
        "follow-up", "blocked", "some new kind", None,
    ]


def test_the_misses_charts_name_kinds_in_prose() -> None:
    m = pd.DataFrame({"kind": ["deadline", "doc_expired", "response"], "status": ["missed"] * 3,
                      "team": ["ops", "ops", None], "overage_min": [5.0, 0.0, 1.0]})
    by_kind = charts.misses_chart(m, by="kind")
    assert list(by_kind.data[0].x) == ["deadline", "first response", "document expired"]
    by_team = charts.misses_chart(m, by="team")
    assert [t.name for t in by_team.data] == ["deadline", "first response", "document expired"]
    assert by_team.data[2].hovertemplate == "%{x}: %{y} document expired missed<extra></extra>"


def test_the_period_charts_share_one_time_range(tmp_path: Path) -> None:
    d, per = _week(tmp_path)
    figs = weekly.probe_figures(d, per)
    ranges = {tuple(pd.Timestamp(x) for x in f.layout.xaxis.range) for f in figs}
    # (the period's start to its exclusive end, in the report's zone: every chart, not each its own)
    assert ranges == {(pd.Timestamp("2025-10-06 00:00"), pd.Timestamp("2025-10-13 00:00"))}
    # each outcome bar covers its window: from its start, an hour wide
    bars = figs[1].data[0]
    assert (bars.offset, bars.width) == (0, 3_600_000)


def test_the_period_charts_end_at_as_of_when_it_comes_first(tmp_path: Path) -> None:
    ws = checks_workspace(tmp_path, POLICY, CHECKS)
    per = weekly.period(ws, week="2025-W41", as_of="2025-10-10T12:00Z")
    figs = weekly.probe_figures(weekly.collect(ws, per), per)
    assert {tuple(pd.Timestamp(x) for x in f.layout.xaxis.range) for f in figs} == {
        (pd.Timestamp("2025-10-06 00:00"), pd.Timestamp("2025-10-10 12:00"))
    }


def test_the_team_chart_legend_has_a_title_and_runs_as_the_stack() -> None:
    kinds = ["deadline", "response", "resolution", "latency", "availability", "doc_expired"]
    m = pd.DataFrame({"kind": kinds, "status": ["missed"] * 6, "team": ["ops"] * 6})
    fig = charts.misses_chart(m, by="team")
    # (more than 4 entries: a vertical legend, top down as the stack piles them, top segment first)
    assert (fig.layout.legend.title.text, fig.layout.legend.orientation, fig.layout.legend.traceorder) == (
        "Kind", "v", "reversed",
    )
    # (round 15 LOOK3: sla.KINDS' order, availability before latency)
    assert [t.name for t in fig.data] == [
        "deadline", "first response", "resolution", "availability", "latency", "document expired",
    ]
    few = charts.misses_chart(m.head(2), by="team")
    # (a horizontal legend: left to right from the bottom segment, as the by-kind chart's axis runs)
    assert (few.layout.legend.title.text, few.layout.legend.orientation, few.layout.legend.traceorder) == (
        "Kind", "h", "normal",
    )
    assert charts.misses_chart(m, by="kind").layout.legend.title.text is None


def test_an_undated_ticket_event_says_no_time() -> None:
    tl = pd.DataFrame({
        "ticket": ["OPS-1", "OPS-1"], "at": pd.to_datetime([None, "2025-10-08 13:00"], utc=True),
        "kind": ["blocked", "follow_up"], "level": [0, 1], "source": ["/w/ops.md", "/w/ops.md"],
        "line": [38, 40], "text": ["blocked on vendor", "pinged vendor"],
    })
    frame = weekly.timeline_table(tl, "America/New_York")
    shown = weekly.show(frame, tz="America/New_York")
    assert shown.df[["ticket", "at", "kind", "where"]].values.tolist() == [
        ["OPS-1", "(no time)", "blocked", "ops.md:38"],
        ["OPS-1", "2025-10-08 09:00", "follow-up", "ops.md:40"],
    ]
    assert frame["kind"].tolist() == ["blocked", "follow_up"]


def test_the_kind_labels_are_json_plain() -> None:
    # (the labels are what the report shows; the record and the CLI keep the identifiers)
    assert json.loads(json.dumps(kind_label("doc_stale"))) == "document stale"
