"""Round 14 (RPT2): the weekly report, second pass: what a person still tripped on.

- Durations read as people read them ("6d 4h", "3h 5min": ``weekly.human_duration``, the one formatter
  of every duration a report table shows); the SLA frame and ``occ sla`` keep ``overage_min``.
- The escalation chart's legend: a log item saying "resolved" and the ticket's final resolution differ
  in name and in symbol.
- Ticket keys and ISO weeks opening a cell (and the index's week label) never wrap at their hyphens.
- A latency window of fewer probes than its objective's ``min_probes`` (default 5) is shown, not judged,
  and the report says how many and why.
- "Checks per kind and status" counts ``superseded`` rows, so a kind's row adds up to its checks.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from occ_lib import charts, export, sla, timeline, weekly
from occ_lib.errors import ConfigError
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from tests.evidence_rows import HOURLY_P95, SLOW_CHECKS, checks_workspace
from tests.log_rows import cli_rows

WEEK = {"start": "2025-10-06", "end": "2025-10-12"}
AS_OF = "2025-10-12T00:00Z"
NOWRAP = '<span class="occ-when" style="white-space: nowrap">'
# OPS-1: ETA 12:00, resolved 15:05 (3h 5min late); OPS-2 resolved, reopened, resolved again
LOG = (
    "# Ops log\n\n## 2025-10-08\n\n- 09:00 UTC OPS-1 ETA 12:00 UTC\n- 10:00 UTC OPS-2 resolved\n"
    "- 11:00 UTC OPS-2 reopened, regressed\n- 15:05 UTC OPS-1 resolved\n- 16:00 UTC OPS-2 resolved again\n"
)


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


# 1. durations ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (8895.0, "6d 4h"),  # (the sample's "open for 8895.0")
        (4335.0, "3d"),  # (the sample's overage 4335.0: 72.25 h, the quarter hour drops)
        (185.0, "3h 5min"),
        (60.0, "1h"),
        (45.0, "45min"),
        (0.5, "30s"),
        (0.0, "0min"),
        (-90.0, "-1h 30min"),
        (pd.Timedelta(days=1, hours=23, minutes=59, seconds=40), "2d"),  # (rounding carries into the day)
        (dt.timedelta(minutes=90), "1h 30min"),
        (float("nan"), ""),
        (None, ""),
        (pd.NaT, ""),
    ],
)
def test_a_duration_reads_in_days_hours_and_minutes(value, text):
    assert weekly.human_duration(value) == text


def test_near_miss_durations_at_the_edges_of_a_unit():
    # 1439.4 min stays under a day; 1439.6 rounds to it; 59.4 s is seconds, 59.6 s a minute
    assert [weekly.human_duration(v) for v in (1439.4, 1439.6, 59.4 / 60, 59.6 / 60)] == [
        "23h 59min", "1d", "59s", "1min",
    ]
    # half up, not to even: 169.5 h and 168.5 h
    assert [weekly.human_duration(v) for v in (10170.0, 10110.0)] == ["7d 2h", "7d 1h"]


def test_report_tables_show_durations_people_read_and_the_frames_keep_minutes(tmp_path):
    logs = parse_log(LOG, "ops.md")
    m = sla.misses(logs, None, Policy(), as_of=AS_OF, **WEEK)
    assert m["overage_min"].tolist() == [185.0]  # (the frame: minutes, a number)
    assert weekly.misses_table(m).drop(columns="detail").values.tolist() == [
        ["deadline", "OPS-1", "missed", ts("2025-10-08 12:00"), ts("2025-10-08 15:05"), "3h 5min",
         "ops.md:5"],
    ]
    summ = timeline.summary(logs, AS_OF)
    shown = weekly.summary_table(summ)[["ticket", "to escalate", "to resolve", "open for"]]
    assert shown.values.tolist() == [["OPS-1", "", "6h 5min", ""], ["OPS-2", "", "6h", ""]]
    # `occ sla` keeps the machine column
    (tmp_path / "ops.md").write_text(LOG)
    rows = cli_rows("sla", str(tmp_path / "ops.md"), "--start", WEEK["start"], "--end", WEEK["end"],
                    "--as-of", AS_OF, "--format", "jsonl")
    assert [(r["subject"], r["overage_min"]) for r in rows] == [("OPS-1", 185.0)]


# 2. the escalation chart's legend ---------------------------------------------------------------------


def test_the_legend_tells_a_log_items_resolved_from_the_final_resolution():
    logs = parse_log(LOG, "ops.md")
    summ = timeline.summary(logs, AS_OF)
    m = sla.misses(logs, None, Policy(), as_of=AS_OF, **WEEK)
    fig = charts.escalation_chart(timeline.escalations(logs), m, summ[["ticket", "resolved_at"]], tz="UTC")
    assert [(t.name, t.marker.symbol, list(t.y)) for t in fig.data] == [
        ("reopened", "star-triangle-down", ["OPS-2"]),
        ("resolved (log item)", "star", ["OPS-2", "OPS-1", "OPS-2"]),
        ("deadline", "hourglass", ["OPS-1"]),
        ("deadline missed", "x", ["OPS-1"]),
        # the last resolution not reopened: OPS-2's at 16:00, not its first at 10:00
        ("closed (final resolution)", "line-ns", ["OPS-1", "OPS-2"]),
    ]
    final = fig.data[-1]
    assert list(final.x) == [pd.Timestamp("2025-10-08 15:05"), pd.Timestamp("2025-10-08 16:00")]
    assert "closed (final resolution)" in final.hovertemplate


# 3. no wrap at a key's hyphens -----------------------------------------------------------------------


def test_ticket_keys_and_weeks_opening_a_cell_never_wrap_at_their_hyphens():
    df = pd.DataFrame({
        "ticket": ["INFRA-2743", "OCC-INF-221", "ops-12"],
        "week": ["2025-W41", "2025-W41 (partial)", "W41"],
        "text": ["HS-44721 escalated", "see INFRA-2743", "Escalated to CIO"],
    })
    html = weekly.show(df)._repr_html_()
    cells = html.split("<tbody>")[1]
    assert [c.split("</td>")[0] for c in cells.split("<td>")[1:]] == [
        f"{NOWRAP}INFRA-2743</span>", f"{NOWRAP}2025-W41</span>", f"{NOWRAP}HS-44721</span> escalated",
        f"{NOWRAP}OCC-INF-221</span>", f"{NOWRAP}2025-W41</span> (partial)", "see INFRA-2743",
        # near misses: a key in lower case, a week without its year, a capital word: as written
        "ops-12", "W41", "Escalated to CIO",
    ]
    # a duration stays whole too ("21h" over "40min" in a narrow overage column)
    html = weekly.show(pd.DataFrame({"overage": ["21h 40min", "6d 4h", "45min"]}))._repr_html_()
    assert html.count(NOWRAP) == 3 and f"{NOWRAP}21h 40min</span>" in html


def test_the_index_keeps_its_week_label_whole_and_counts_reports_in_words():
    one = {"_folder": "2025-W41", "label": "2025-W41", "start_local": "2025-10-06",
           "end_local": "2025-10-12", "tz": "UTC", "as_of": "2025-10-13T00:00:00Z", "notebooks": []}
    page = export.render_index([one])
    assert '<td class="nowrap">2025-W41</td>' in page and ".nowrap{white-space:nowrap}" in page
    assert "<p>1 report; index written" in page
    assert "<p>2 reports; index written" in export.render_index([one, {**one, "label": "2025-W42"}])


# 4. latency windows of too few probes ----------------------------------------------------------------

P95, SLOW = HOURLY_P95, SLOW_CHECKS


def test_an_hour_of_fewer_probes_than_min_probes_is_shown_but_not_judged(tmp_path):
    ws = checks_workspace(tmp_path, P95, SLOW)
    d = weekly.collect(ws, weekly.period(ws, week="2025-W41"))
    lat = d.misses[d.misses["kind"].eq("latency")]
    assert lat[["subject", "due_at", "status", "overage_min", "detail"]].values.tolist() == [
        ["api", ts("2025-10-08 10:00"), "missed", 60.0,
         "p95 2000.0 ms > 800 ms over 1h from 2025-10-08 10:00 UTC (n=5)"],
    ]
    # (round 14 LAT: the table lists the objective's windows, here its hours; whole rows there)
    hours = weekly.latency_table(d.objective_windows)
    assert hours[["target", "start", "probes", "p95", "over objective", "judged"]].values.tolist() == [
        ["api", ts("2025-10-08 10:00"), 5, 2000.0, "yes", "yes"],
        ["api", ts("2025-10-07 10:00"), 4, 2000.0, "", "no (under 5 probes)"],
    ]
    assert weekly.latency_caption(hours).endswith(
        ": 2 windows, 1 over the objective (listed first), 1 not judged "
        "(fewer probes than the objective's min_probes)"
    )
    cols = ["target", "latency objective", "windows over threshold", "windows not judged (too few probes)"]
    assert weekly.objectives_table(d)[cols].values.tolist() == [
        ["api", "p95 <= 800 ms per 1h (of 5+ probes)", 1, 1],
    ]
    assert any("is shown but not judged" in r for r in d.rules)


def test_near_miss_min_probes_set_lower_judges_the_hour_of_four(tmp_path):
    lat = {"percentile": "p95", "threshold_ms": 800, "window": "1h", "min_probes": 4}
    ws = checks_workspace(tmp_path, {"tz": "UTC", "targets": {"*": {"latency": [lat]}}}, SLOW)
    d = weekly.collect(ws, weekly.period(ws, week="2025-W41"))
    assert d.misses.loc[d.misses["kind"].eq("latency"), "due_at"].tolist() == [
        ts("2025-10-07 10:00"), ts("2025-10-08 10:00"),
    ]
    assert weekly.latency_table(d.objective_windows)["judged"].tolist() == ["yes", "yes"]
    assert weekly.objectives_table(d)["windows not judged (too few probes)"].tolist() == [0]


def test_min_probes_below_one_is_a_config_error_naming_its_key(tmp_path):
    bad = {"percentile": "p95", "threshold_ms": 800, "min_probes": 0}
    ws = checks_workspace(tmp_path, {"targets": {"*": {"latency": [bad]}}}, SLOW)
    with pytest.raises(ConfigError) as err:
        ws.policy  # noqa: B018 (validated when first read)
    assert str(err.value) == (
        f"{tmp_path / 'occ.yml'}: sla.targets.*.latency[0].min_probes: "
        "Input should be greater than or equal to 1"
    )


# 5. superseded rows in the counts ---------------------------------------------------------------------


def test_checks_per_kind_and_status_add_up_with_superseded_rows():
    logs = parse_log(
        "# Ops log\n\n## 2025-10-08\n\n- 09:00 UTC OPS-12 ETA 14:00 UTC\n"
        "- 13:10 UTC OPS-12 new ETA 18:00 UTC\n- 09:30 UTC OPS-13 ETA 10:00 UTC\n", "ops.md",
    )
    m = sla.misses(logs, None, Policy(), as_of=AS_OF, **WEEK)
    counts = weekly.misses_by_kind(m)
    assert counts.to_dict("records") == [
        {"kind": "deadline", "missed": 2, "open": 0, "met": 0, "superseded": 1},
    ]
    assert int(counts[list(weekly.STATUSES)].sum(axis=1).iloc[0]) == len(m) == 3
    # no rows: the columns still say every status
    assert weekly.misses_by_kind(m.iloc[0:0]).columns.tolist() == ["kind", *weekly.STATUSES]
    assert weekly.STATUSES == ("missed", "open", "met", "superseded")
