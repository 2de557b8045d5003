"""occ_lib.charts on constructed aggregated frames: traces, values, time zones, escaping and the budget."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from occ_lib import charts, timeline
from occ_lib.errors import ReportError

NY = "America/New_York"


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def naive(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def windows() -> pd.DataFrame:
    starts = [ts("2025-10-10 00:00") + pd.Timedelta(hours=h) for h in range(4)]
    rows = []
    for target, base in (("api", 100.0), ("web", 300.0)):
        for i, s in enumerate(starts):
            rows.append(
                {
                    "target": target,
                    "window_start": s,
                    "n": 10 + i,
                    "p50": base + i,
                    "p90": base + 10 + i,
                    "p95": base + 20 + i,
                    "p99": base + 50 + i,
                    "mean": base + 5,
                }
            )
    df = pd.DataFrame(rows)
    df["window_start"] = df["window_start"].astype("datetime64[us, UTC]")
    return df


def counts() -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "target": ["api", "api", "web", "web"],
            "window_start": [ts("2025-10-10 00:00"), ts("2025-10-10 01:00")] * 2,
            "up": [90, 95, 100, 97],
            "degraded": [5, 5, 0, 0],
            "down": [5, 0, 0, 3],
            "total": [100, 100, 100, 100],
            "good": [95, 100, 100, 97],
            "bad": [5, 0, 0, 3],
            "excluded_maintenance": [0, 7, 0, 0],
            "timeout": [2, 0, 0, 3],
            "dns": [3, 0, 0, 0],
            "tls": [0, 0, 0, 0],
        }
    )
    df["window_start"] = df["window_start"].astype("datetime64[us, UTC]")
    return df


# points and the budget ----------------------------------------------------------------------------


def test_points_counts_x_values_across_traces():
    fig = go.Figure(
        [go.Scatter(x=[1, 2, 3], y=[1, 2, 3]), go.Bar(x=["a", "b"], y=[1, 2]), go.Bar(y=[4, 5, 6, 7])]
    )
    assert charts.points(fig) == 9
    assert charts.POINT_BUDGET == 5000


def test_check_budget_raises_a_clear_error():
    fig = go.Figure([go.Scatter(x=list(range(11)), y=list(range(11)))], layout={"title": {"text": "big"}})
    assert charts.check_budget(fig, budget=11) is fig
    with pytest.raises(ReportError, match="big: 11 points exceed the budget of 10"):
        charts.check_budget(fig, budget=10)


# latency ------------------------------------------------------------------------------------------


def test_latency_chart_traces_values_and_zone():
    breaches = pd.DataFrame(
        {"target": ["web", "web"], "window_start": [ts("2025-10-10 01:00"), ts("2025-10-10 02:00")]}
    )
    maint = pd.DataFrame(
        {
            "target": [None],
            "start": [ts("2025-10-10 03:00")],
            "end": [ts("2025-10-10 03:30")],
            "name": ["<b>db upgrade</b>"],
        }
    )
    fig = charts.latency_chart(windows(), 320, breaches, maint, tz=NY)
    assert [t.name for t in fig.data] == [
        "api p50",
        "api p95",
        "api p99",
        "web p50",
        "web p95",
        "web p99",
        "threshold 320 ms",
    ]
    api50 = fig.data[0]
    assert list(api50.x) == [
        naive("2025-10-09 20:00"),
        naive("2025-10-09 21:00"),
        naive("2025-10-09 22:00"),
        naive("2025-10-09 23:00"),
    ]
    assert list(api50.y) == [100.0, 101.0, 102.0, 103.0]
    assert [c[0] for c in api50.customdata] == [10, 11, 12, 13]
    assert list(fig.data[5].y) == [350.0, 351.0, 352.0, 353.0]
    thr = fig.data[6]
    assert list(thr.y) == [320.0, 320.0]
    assert list(thr.x) == [naive("2025-10-09 20:00"), naive("2025-10-10 00:00")]
    # two adjacent breached windows are one red span; maintenance is a second, labelled shape
    assert len(fig.layout.shapes) == 2
    red, blue = fig.layout.shapes
    assert (red.x0, red.x1, red.fillcolor) == (
        naive("2025-10-09 21:00"),
        naive("2025-10-09 23:00"),
        "#D55E00",
    )
    assert (blue.x0, blue.x1, blue.fillcolor) == (
        naive("2025-10-09 23:00"),
        naive("2025-10-09 23:30"),
        "#56B4E9",
    )
    assert [(a.text, a.hovertext) for a in fig.layout.annotations] == [
        ("maintenance", "&lt;b&gt;db upgrade&lt;/b&gt;")
    ]
    assert fig.layout.xaxis.title.text == "Time (America/New_York)"
    assert fig.layout.yaxis.title.text == "Latency (ms)"
    assert fig.layout.title.text == (
        "Latency per target (window 1h; shaded red: breached windows; shaded blue: maintenance (excluded))"
    )
    assert fig.layout.template == pio.templates["plotly_white"]
    assert charts.points(fig) == 26


def test_latency_chart_one_target_per_target_thresholds_and_sla_misses_as_breaches():
    misses = pd.DataFrame(
        {
            "kind": ["latency", "deadline", "latency"],
            "subject": ["api", "OCC-INF-221", "web"],
            "due_at": [ts("2025-10-10 02:00"), ts("2025-10-10 01:00"), ts("2025-10-10 00:00")],
            "overage_min": [30.0, 120.0, 60.0],
        }
    )
    fig = charts.latency_chart(
        windows(), {"api": 150, "web": 400}, misses, tz="UTC", target="api", percentiles=("p95",)
    )
    assert [t.name for t in fig.data] == ["api p95", "threshold 150 ms (api)"]
    assert list(fig.data[0].x)[0] == naive("2025-10-10 00:00")
    assert [(s.x0, s.x1) for s in fig.layout.shapes] == [
        (naive("2025-10-10 02:00"), naive("2025-10-10 02:30"))
    ]


def test_a_legend_goes_above_the_plot_only_when_its_entries_make_one_row():
    # one target's p50/p95/p99 are one legend group, which plotly stacks even in a horizontal
    # legend: three rows above the plot would run into the title
    one = charts.latency_chart(windows(), 150, tz="UTC", target="api")
    assert [t.name for t in one.data] == ["api p50", "api p95", "api p99", "threshold 150 ms"]
    assert (one.layout.legend.orientation, one.layout.legend.x) == ("v", 1.02)
    single = charts.latency_chart(windows(), 150, tz="UTC", target="api", percentiles=("p95",))
    assert (single.layout.legend.orientation, single.layout.legend.y) == ("h", 1.02)
    outcomes = charts.outcomes_chart(counts(), tz=NY)
    assert (outcomes.layout.legend.orientation, outcomes.layout.legend.yanchor) == ("h", "bottom")


def test_latency_chart_ten_million_probes_stays_within_budget():
    # a week of 1-minute windows for 10 targets: 100,800 windows holding 10,080,000 probes
    starts = pd.date_range("2025-10-06", periods=7 * 24 * 60, freq="1min", tz="UTC")
    targets = [f"t{i}" for i in range(10)]
    rng = np.random.default_rng(7)
    df = pd.DataFrame(
        {
            "target": np.repeat(targets, len(starts)),
            "window_start": np.tile(starts, len(targets)),
            "n": 100,
            "p50": rng.uniform(50, 60, len(starts) * len(targets)),
        }
    )
    df["p95"], df["p99"], df["mean"] = df["p50"] * 2, df["p50"] * 3, df["p50"]
    df.loc[12345, "p99"] = 9999.0  # one bad minute of t1
    assert df["n"].sum() == 10_080_000
    fig = charts.latency_chart(df, 500)
    assert charts.points(fig) <= charts.POINT_BUDGET
    assert charts.points(fig) == 10 * 3 * 84 + 2  # 1h windows would be 5,042 points: merged into 2h
    assert fig.layout.title.text == "Latency per target (window 2h)"
    by_name = {t.name: t for t in fig.data}
    assert max(by_name["t1 p99"].y) == 9999.0  # the worst window survives the merge
    assert sum(c[0] for c in by_name["t1 p50"].customdata) == 100 * len(starts)


# outcomes, errors, availability, budget ----------------------------------------------------------


def test_outcomes_chart_stacks_and_error_hover():
    fig = charts.outcomes_chart(counts(), tz=NY)
    assert [t.name for t in fig.data] == ["up", "degraded", "down"]
    assert fig.layout.barmode == "stack"
    assert list(fig.data[0].x) == [naive("2025-10-09 20:00"), naive("2025-10-09 21:00")]
    assert list(fig.data[0].y) == [190, 192]
    assert list(fig.data[1].y) == [5, 5]
    assert list(fig.data[2].y) == [5, 3]
    assert [c[0] for c in fig.data[2].customdata] == ["timeout: 2<br>dns: 3", "timeout: 3"]
    assert [t.marker.color for t in fig.data] == ["#009E73", "#E69F00", "#D55E00"]
    assert fig.layout.yaxis.title.text == "Probes (count)"
    assert fig.layout.xaxis.title.text == "Time (America/New_York)"
    one = charts.outcomes_chart(counts(), target="web")
    assert list(one.data[2].y) == [0, 3]
    assert one.layout.title.text == "Probe outcomes (web), window 1h"


def test_errors_chart_only_classes_that_occurred():
    fig = charts.errors_chart(counts())
    assert [t.name for t in fig.data] == ["timeout", "dns"]
    assert list(fig.data[0].y) == [2, 3] and list(fig.data[1].y) == [3, 0]
    assert fig.layout.yaxis.title.text == "Failed probes (count)"


def test_availability_chart_values_and_objective():
    fig = charts.availability_chart(counts(), 0.995, tz="UTC")
    assert [t.name for t in fig.data] == ["api", "web", "objective 99.5 %"]
    assert list(fig.data[0].y) == [95.0, 100.0]
    assert list(fig.data[1].y) == [100.0, 97.0]
    assert list(fig.data[2].y) == [99.5, 99.5]
    assert "good / counted probes" in fig.layout.title.text
    down = charts.availability_chart(counts(), 99.5, degraded="down")
    assert list(down.data[0].y) == [90.0, 95.0]
    assert list(down.data[2].y) == [99.5, 99.5]
    assert "degraded counts as down" in down.layout.title.text
    assert down.layout.yaxis.title.text == "Availability (%)"


def test_budget_series_arithmetic_and_burndown():
    c = pd.DataFrame(
        {
            "target": ["api"] * 3,
            "window_start": [ts("2025-10-10 00:00"), ts("2025-10-10 01:00"), ts("2025-10-10 02:00")],
            "up": [999, 998, 1000],
            "degraded": [0, 0, 0],
            "down": [1, 2, 0],
            "total": [1000, 1000, 1000],
        }
    )
    b = charts.budget_series(c, 0.999)  # budget: 0.1 % of 3000 probes = 3 bad probes
    assert b["remaining"].tolist() == pytest.approx([2 / 3, 0.0, 0.0])
    b2 = charts.budget_series(c, 99.9, degraded="up")
    assert b2["remaining"].tolist() == pytest.approx([2 / 3, 0.0, 0.0])
    fig = charts.burndown_chart(b, tz=NY)
    assert [t.name for t in fig.data] == ["api", "budget spent (0 %)"]
    assert list(fig.data[0].y) == pytest.approx([200 / 3, 0.0, 0.0])
    assert list(fig.data[1].y) == [0, 0]
    assert fig.layout.yaxis.title.text == "Error budget remaining (%)"
    assert fig.layout.title.text == "Error budget remaining" and fig.layout.yaxis.range is None
    c.loc[1, ["up", "down"]] = [0, 1000]  # 1,001 bad probes against a budget of 3
    over = charts.burndown_chart(charts.budget_series(c, 0.999))
    # (drawn on the -100 % cut, which a line below the axis never was; the hover keeps the value)
    assert list(over.data[0].y) == pytest.approx([200 / 3, -100.0, -100.0])
    assert [v[0] for v in over.data[0].customdata] == pytest.approx([200 / 3, -33266.666666, -33266.666666])
    assert over.layout.title.text == "Error budget remaining (axis cut at -100 %)"
    assert list(over.layout.yaxis.range) == [-105, 105]
    with pytest.raises(ValueError, match="objective"):
        charts.budget_series(c, 100)


# escalations --------------------------------------------------------------------------------------


def timeline_frame() -> pd.DataFrame:
    ev = pd.DataFrame(
        {
            "source": ["a.md", "a.md", "b.md", "b.md"],
            "line": [3, 4, 8, 9],
            "section": ["s", "s", "t", "t"],
            "at": [
                ts("2025-10-10 07:23"),
                ts("2025-10-10 17:20"),
                ts("2025-10-10 17:30"),
                ts("2025-10-11 08:00"),
            ],
            "at_precision": ["minute"] * 4,
            "kind": ["follow_up", "escalation", "follow_up", "resolved"],
            "level": [1, 2, 1, 0],
            "tickets": [["OCC-INF-221"], ["OCC-INF-221"], ["DEPLOY-147"], ["DEPLOY-147"]],
            "text": ["ping <script>alert(1)</script> & more", "manager re-escalated", "follow-up", "closed"],
        }
    )
    ev["at"] = ev["at"].astype("datetime64[us, UTC]")
    return timeline.escalations(ev)


def test_escalation_chart_traces_levels_deadlines_and_escaping():
    tl = timeline_frame()
    deadlines = pd.DataFrame(
        {
            "kind": ["deadline", "deadline", "deadline", "latency"],
            "subject": ["OCC-INF-221", "DEPLOY-147", "DEPLOY-147", "api"],
            "due_at": [
                ts("2025-10-10 17:00"),
                ts("2025-10-11 09:00"),
                ts("2025-10-14 09:00"),
                ts("2025-10-10 00:00"),
            ],
            "status": ["missed", "met", "open", "missed"],
            "detail": ["ETA <missed>", "by 09:00", "next week", "p95"],
        }
    )
    res = pd.DataFrame({"ticket": ["DEPLOY-147"], "resolved_at": [ts("2025-10-11 08:00")]})
    fig = charts.escalation_chart(tl, deadlines, res, tz=NY)
    assert [t.name for t in fig.data] == [
        "escalation",
        "follow up",
        "resolved (log item)",
        "deadline met",
        "deadline missed",
        "deadline open",
        "closed (final resolution)",
    ]
    by = {t.name: t for t in fig.data}
    assert list(by["follow up"].y) == ["OCC-INF-221", "DEPLOY-147"]
    assert list(by["follow up"].x) == [naive("2025-10-10 03:23"), naive("2025-10-10 13:30")]
    assert list(by["escalation"].marker.size) == [16]  # level 2
    assert list(by["follow up"].marker.size) == [12, 12]  # level 1
    assert [c[0] for c in by["escalation"].customdata] == [2]
    assert by["escalation"].marker.color == "#D55E00"
    assert (by["deadline missed"].marker.symbol, by["deadline missed"].marker.color) == ("x", "#D55E00")
    assert (by["deadline met"].marker.symbol, by["deadline met"].marker.color) == ("diamond-open", "#009E73")
    assert (by["deadline open"].marker.symbol, by["deadline open"].marker.color) == (
        "diamond-open",
        "#999999",
    )
    assert list(by["deadline missed"].x) == [naive("2025-10-10 13:00")]
    assert list(by["deadline open"].y) == ["DEPLOY-147"]
    assert by["closed (final resolution)"].marker.symbol == "line-ns"
    assert by["resolved (log item)"].marker.symbol == "star"
    assert list(fig.layout.yaxis.categoryarray) == ["OCC-INF-221", "DEPLOY-147"]
    assert fig.layout.height == 140 + 24 * 7  # room for the seven legend entries
    assert fig.layout.xaxis.title.text == "Time (America/New_York)"
    # log text is escaped in the hover data and never reaches the figure as markup
    text = by["follow up"].customdata[0][2]
    assert text == "ping &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"
    js = json.dumps(json.loads(fig.to_json()))  # the figure as plotly.js receives it, unescaped JSON
    assert "<script>" not in js and "</script>" not in js and "<missed>" not in js
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in js
    assert "ETA &lt;missed&gt;" in js
    # a log's place is its file name and line, as the tables show it: no folder of the build machine
    tl2 = tl.assign(source=["/home/ci/work/a.md", "/home/ci/work/a.md", "b.md", "C:\\ops\\b.md"])
    by2 = {t.name: t for t in charts.escalation_chart(tl2, deadlines, res, tz=NY).data}
    kinds = ("escalation", "follow up", "resolved (log item)")
    assert [c[1] for t in kinds for c in by2[t].customdata] == [c[1] for t in kinds for c in by[t].customdata]
    assert "/home/ci" not in charts.escalation_chart(tl2, deadlines, res, tz=NY).to_json()


def test_escalation_chart_from_raw_deadlines_computes_status():
    tl = timeline_frame()
    raw = pd.DataFrame(
        {
            "tickets": [["OCC-INF-221"], ["DEPLOY-147"], ["DEPLOY-147"], ["OCC-INF-221"]],
            "due_at": [
                ts("2025-10-10 17:00"),
                ts("2025-10-11 09:00"),
                ts("2025-10-10 12:00"),
                ts("2025-10-13 09:00"),
            ],
            "stated_missed": [True, False, False, False],
            "text": ["missed the ETA", "by 09:00", "by noon", "next"],
        }
    )
    fig = charts.escalation_chart(tl, raw, as_of="2025-10-12T00:00:00Z")
    by = {t.name: t for t in fig.data}
    # resolved 10-11 08:00: met the 10-11 09:00 deadline, missed the 10-10 12:00 one
    assert list(by["deadline missed"].y) == ["OCC-INF-221", "DEPLOY-147"]
    assert list(by["deadline missed"].x) == [naive("2025-10-10 17:00"), naive("2025-10-10 12:00")]
    assert list(by["deadline met"].x) == [naive("2025-10-11 09:00")]
    assert list(by["deadline open"].x) == [naive("2025-10-13 09:00")]


def test_kind_colours_are_distinct_and_from_the_palette():
    colours = [charts.KIND_COLORS[k] for k in charts.KIND_ORDER]
    assert len(set(colours)) == len(colours)
    assert set(charts.OUTCOME_COLORS.values()) <= set(charts.OKABE_ITO)


# misses ---------------------------------------------------------------------------------------------


def misses() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kind": ["deadline", "deadline", "latency", "latency", "availability", "doc_stale"],
            "subject": ["OCC-INF-221", "DEPLOY-147", "api", "api", "web", "feedback/x.md"],
            "status": ["missed", "met", "missed", "missed", "missed", "missed"],
            "overage_min": [120.0, 0.0, 60.0, 60.0, float("nan"), 30.0],
            "team": ["integrations", "integrations", "platform", "platform", None, "<docs>"],
        }
    )


def test_misses_chart_by_kind():
    fig = charts.misses_chart(misses())
    assert [t.name for t in fig.data] == ["misses"]
    # sla.KINDS order (round 15 LOOK3: availability before latency); a kind in prose (round 15 LOOK2:
    # the chart showed the identifier doc_stale)
    assert list(fig.data[0].x) == ["deadline", "availability", "latency", "document stale"]
    assert list(fig.data[0].y) == [1, 1, 2, 1]
    assert [c[0] for c in fig.data[0].customdata] == [120.0, 0.0, 120.0, 30.0]
    assert list(fig.data[0].marker.color) == ["#D55E00", "#56B4E9", "#0072B2", "#999999"]  # as by team
    assert fig.layout.yaxis.title.text == "SLA misses (count)"
    assert fig.layout.title.text == "SLA misses by kind"


def test_misses_chart_by_team_stacks_kinds():
    fig = charts.misses_chart(misses(), by="team")
    # (round 15 LOOK3: sla.KINDS order, availability before latency)
    assert [t.name for t in fig.data] == ["deadline", "availability", "latency", "document stale"]
    assert [t.marker.color for t in fig.data] == ["#D55E00", "#56B4E9", "#0072B2", "#999999"]
    assert list(fig.data[0].x) == ["(no team)", "&lt;docs&gt;", "integrations", "platform"]
    assert [list(t.y) for t in fig.data] == [[0, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 2], [0, 1, 0, 0]]
    assert fig.layout.xaxis.title.text == "Team"
    with pytest.raises(ValueError, match="no 'owner' column"):
        charts.misses_chart(misses(), by="team", team_column="owner")


# empty inputs ---------------------------------------------------------------------------------------


def test_empty_inputs_give_empty_figures():
    assert charts.points(charts.latency_chart(windows().iloc[0:0], 300)) == 0
    assert charts.points(charts.outcomes_chart(counts().iloc[0:0])) == 0
    assert charts.points(charts.availability_chart(counts().iloc[0:0], 0.99)) == 0
    assert charts.points(charts.escalation_chart(timeline_frame().iloc[0:0])) == 0
    assert charts.points(charts.misses_chart(misses().iloc[0:0])) == 0


def test_an_empty_chart_says_so_instead_of_showing_bare_axes():
    fig = charts.misses_chart(misses().iloc[0:0], by="team")
    assert [a.text for a in fig.layout.annotations] == ["No SLA misses in this period"]
    assert (fig.layout.xaxis.visible, fig.layout.yaxis.visible, fig.layout.height) == (False, False, 200)
    fig = charts.outcomes_chart(counts().iloc[0:0])
    assert [a.text for a in fig.layout.annotations] == ["No data in this period"]
    full = charts.misses_chart(misses())
    assert len(full.layout.annotations) == 0 and full.layout.xaxis.visible is None


def test_hover_text_never_carries_secrets():
    ev = pd.DataFrame(
        {
            "source": ["a.md"],
            "line": [1],
            "section": ["s"],
            "at": pd.Series([ts("2025-10-10 07:23")]).astype("datetime64[us, UTC]"),
            "at_precision": ["minute"],
            "kind": ["evidence"],
            "level": [0],
            "tickets": [["DEPLOY-147"]],
            "text": [
                "curl https://u:pw@h.example/app?token=s3cr3t-123&mock=1 with Authorization: "
                "Bearer abc.def.ghi"
            ],
        }
    )
    fig = charts.escalation_chart(timeline.escalations(ev))
    js = json.dumps(json.loads(fig.to_json()))
    for secret in ("s3cr3t-123", "abc.def.ghi", "u:pw"):
        assert secret not in js
    assert "mock=1" in js


def test_local_times_across_the_november_daylight_saving_change():
    utc = [ts("2025-11-02 04:00"), ts("2025-11-02 05:00"), ts("2025-11-02 06:00"), ts("2025-11-02 07:00")]
    # 01:00 EDT, then 01:00 EST again: the repeated wall-clock hour shows twice, as the docstring says
    assert list(charts.local_times(utc, NY)) == [
        naive("2025-11-02 00:00"),
        naive("2025-11-02 01:00"),
        naive("2025-11-02 01:00"),
        naive("2025-11-02 02:00"),
    ]
    assert list(charts.local_times(utc, "Asia/Kolkata"))[0] == naive("2025-11-02 09:30")


def test_date_only_events_sit_on_their_date_in_any_zone():
    ev = pd.DataFrame(
        {
            "source": ["a.md", "a.md"],
            "line": [1, 2],
            "at": pd.Series([ts("2025-10-09 00:00"), ts("2025-10-10 07:23")]).astype("datetime64[us, UTC]"),
            "at_precision": ["day", "minute"],
            "kind": ["note", "note"],
            "level": [0, 0],
            "tickets": [["HS-44721"], ["HS-44721"]],
            "text": ["blocked on docs", "pinged"],
        }
    )
    fig = charts.escalation_chart(timeline.escalations(ev), tz=NY)
    note = fig.data[0]
    # UTC midnight of 2025-10-09 is 20:00 on the 8th in New York; a date-only event stays on the 9th
    assert list(note.x) == [naive("2025-10-09 00:00"), naive("2025-10-10 03:23")]
    assert [c[3] for c in note.customdata] == ["2025-10-09 (date only)", "2025-10-10 03:23"]


def test_many_breaches_are_shaded_on_the_merged_windows():
    starts = pd.date_range("2025-10-06", periods=7 * 24 * 60, freq="1min", tz="UTC")
    df = pd.DataFrame({"target": "api", "window_start": starts, "n": 10, "p50": 1.0, "p95": 2.0, "p99": 3.0})
    # every other minute of the first two hours breached: 60 one-minute spans, then 240 more on day 2
    odd = list(starts[1:120:2]) + list(starts[1440 + 1 : 1440 + 481 : 2])
    fig = charts.latency_chart(df, 1.5, pd.DataFrame({"target": "api", "window_start": odd}))
    assert fig.layout.title.text.startswith("Latency per target (window 10min;")
    assert [(s.x0, s.x1) for s in fig.layout.shapes] == [
        (naive("2025-10-06 00:00"), naive("2025-10-06 02:00")),
        (naive("2025-10-07 00:00"), naive("2025-10-07 08:00")),
    ]
    few = charts.latency_chart(df, 1.5, pd.DataFrame({"target": "api", "window_start": odd[:3]}))
    assert [(s.x0, s.x1) for s in few.layout.shapes] == [
        (naive("2025-10-06 00:01"), naive("2025-10-06 00:02")),
        (naive("2025-10-06 00:03"), naive("2025-10-06 00:04")),
        (naive("2025-10-06 00:05"), naive("2025-10-06 00:06")),
    ]


def test_escalation_chart_puts_a_date_only_deadline_at_the_end_of_its_day():
    tl = timeline_frame()
    raw = pd.DataFrame(
        {
            "tickets": [["OCC-INF-221"], ["OCC-INF-221"]],
            "due_at": [ts("2025-10-09"), ts("2025-10-11 09:00")],
            "due_precision": ["day", "minute"],
            "stated_missed": [False, False],
            "text": ["ETA Oct 9", "ETA 09:00"],
        }
    )
    # as_of inside the day: a deadline due at the day's end is still open then
    fig = charts.escalation_chart(tl, raw, as_of="2025-10-09T18:00:00Z", tz="UTC")
    by = {t.name: t for t in fig.data}
    assert list(by["deadline open"].x) == [naive("2025-10-10 00:00"), naive("2025-10-11 09:00")]
    assert [c[1] for c in by["deadline open"].customdata] == [
        "2025-10-09 (end of day, UTC)", "2025-10-11 09:00"
    ]
    # in New York the day ends at 04:00 UTC: open at midnight UTC, missed once New York's day is over
    fig = charts.escalation_chart(tl, raw, as_of="2025-10-10T00:00:00Z", tz=NY)
    by = {t.name: t for t in fig.data}
    assert list(by["deadline open"].x) == [naive("2025-10-10 00:00"), naive("2025-10-11 05:00")]
    assert [c[1] for c in by["deadline open"].customdata] == [
        "2025-10-09 (end of day, America/New_York)", "2025-10-11 05:00"
    ]
    # (at the very end of the day it is not missed yet, as occ_lib.sla judges a promise due at as_of)
    fig = charts.escalation_chart(tl, raw, as_of="2025-10-10T04:00:00Z", tz=NY)
    by = {t.name: t for t in fig.data}
    assert "deadline missed" not in by and len(by["deadline open"].x) == 2
    fig = charts.escalation_chart(tl, raw, as_of="2025-10-10T04:01:00Z", tz=NY)
    by = {t.name: t for t in fig.data}
    assert list(by["deadline missed"].x) == [naive("2025-10-10 00:00")]


def test_count_axes_tick_at_whole_numbers_when_counts_are_small():
    rows = {"kind": ["deadline", "resolution", "resolution"], "status": ["missed"] * 3,
            "overage_min": [5.0, 1.0, 2.0]}
    fig = charts.misses_chart(pd.DataFrame(rows), by="kind")
    assert [list(t.y) for t in fig.data] == [[1, 2]]
    assert (fig.layout.yaxis.dtick, fig.layout.yaxis.tick0) == (1, 0)
    many = pd.DataFrame({"kind": ["deadline"] * 11, "status": ["missed"] * 11, "overage_min": [1.0] * 11})
    assert charts.misses_chart(many, by="kind").layout.yaxis.dtick is None
