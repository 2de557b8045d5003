"""Round 15 (REPORT): one rule, one text, wherever the report and the SLA say the same thing.

- The reports' index marks a headline figure from too few probes (``100.0 (1 probe)``) and explains
  it once under its table with the weekly page's own note (:data:`occ_lib.weekly.FEW_PROBES_NOTE`).
- A headline figure is "too few probes" by its target's latency objective's ``min_probes`` (5, the
  constant, only for a target without one).
- Durations a person reads are :func:`occ_lib.formats.human_duration` everywhere: SLA detail texts,
  report tables, ``occ timeline --summary``'s table.
- A latency objective is named by one function (``p95 <= 800 ms per 4h (of 5+ probes)``), and a latency
  window is judged by one (:func:`occ_lib.sla.judge_windows`), read by the SLA rows and the report.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from occ_lib import export, formats, policy, sla, weekly
from occ_lib.logs import parse_log
from tests.evidence_rows import checks_workspace

FEW_NOTE = (
    "from fewer probes in the period than its target's latency objective judges a window by "
    "(min_probes, 5 without one; their number in brackets): too few to stand for the target's period, "
    "and not compared with the previous one"
)


def _objective(min_probes: int) -> dict:
    return {"percentile": "p95", "threshold_ms": 800, "window": "1d", "min_probes": min_probes}


# api: 3 checks, judged from 2; web: 6 checks, judged from 10; db: 4 checks, no latency objective
POLICY = {
    "tz": "UTC",
    "targets": {
        "api": {"availability": 99.5, "latency": [_objective(2)]},
        "web": {"availability": 99.5, "latency": [_objective(10)]},
        "db": {"availability": 99.5},
    },
}
CHECKS = (
    [("api", f"2025-10-07T10:{m}0:00Z", 200, 100.0 + m) for m in range(3)]
    + [("web", f"2025-10-07T11:{m}0:00Z", 200, 200.0 + 10 * m) for m in range(6)]
    + [("db", f"2025-10-07T12:{m}0:00Z", 200, 300.0 + 10 * m) for m in range(4)]
)


def test_the_headline_holds_a_target_to_its_objectives_min_probes(tmp_path: Path) -> None:
    ws = checks_workspace(tmp_path, POLICY, CHECKS)
    d = weekly.collect(ws, weekly.period(ws, week="2025-W41"))
    assert [weekly.few_probes(d.policy, t) for t in ("api", "web", "db")] == [2, 10, 5]
    figs = {k: v for k, v in d.figures.items() if k.startswith(("availability", "p95"))}
    assert figs == {
        "availability api (%)": 100.0,  # 3 probes, judged from 2: enough
        "availability db (%)": "100.0 (4 probes)",  # no latency objective: the default 5
        "availability web (%)": "100.0 (6 probes)",  # 6 probes, judged from 10: too few
        "p95 api (ms)": 101.9,
        "p95 db (ms)": "328.5 (4 probes)",
        "p95 web (ms)": "247.5 (6 probes)",
    }
    head = weekly.headline(d.figures, {})
    assert head.attrs["notes"] == {
        "SLA misses": weekly.FIGURE_NOTES["SLA misses"],
        "open tickets past due": weekly.FIGURE_NOTES["open tickets past due"],
        "stale documents": weekly.FIGURE_NOTES["stale documents"],  # (round 16: LOOK4)
        "availability db (%)": FEW_NOTE,
        "availability web (%)": FEW_NOTE,
        "p95 db (ms)": FEW_NOTE,
        "p95 web (ms)": FEW_NOTE,
    }
    assert weekly.FEW_PROBES_NOTE == FEW_NOTE
    # a bare object without a policy keeps the constant
    assert weekly.few_probes(None, "api") == 5
    assert weekly._of_few(99.0, 6, 10) == "99.0 (6 probes)"
    assert weekly._of_few(99.0, 10, 10) == 99.0


def test_only_a_count_of_probes_in_brackets_is_marked() -> None:
    assert [weekly.of_few_probes(v) for v in (
        "100.0 (1 probe)", "228.5 (4 probes)", "0 (no probes)", "n/a (8 probes against 326)",
        "n/a (no probes)", 100.0, None,
    )] == [True, True, False, False, False, False, False]


def _manifest(folder: str, headline: dict) -> dict:
    return {
        "label": folder, "_folder": folder, "start": "2025-10-06T04:00:00+00:00", "start_local": "2025-10-06",
        "end_local": "2025-10-12", "tz": "UTC", "as_of": "2025-10-13T00:00:00Z", "notebooks": [],
        "headline": headline,
    }


def test_the_index_explains_a_figure_of_too_few_probes_as_the_weekly_page_does() -> None:
    few = _manifest("2025-W41", {
        "SLA misses": 52, "availability hotdash (%)": "100.0 (1 probe)",
        "availability live (%)": "n/a (8 probes against 326)",
    })
    page = export.render_index([few])
    note_text = FEW_NOTE.replace("'", "&#x27;")
    assert f'<li title="{note_text}"><b>availability hotdash (%)</b>: 100.0 (1 probe)*</li>' in page
    assert "<li><b>availability live (%)</b>: n/a (8 probes against 326)</li>" in page
    assert "<li><b>SLA misses</b>: 52</li>" in page
    note = f'<p class="note">* <b>marked figures</b>: {note_text}.</p>'
    assert page.count(note) == 1
    assert page.index("</table>") < page.index(note) < page.index("</body>")
    # two reports with such figures: still one note; none: no note and no mark
    assert export.render_index([few, _manifest("2025-W40", {"p95 x (ms)": "12.0 (2 probes)"})]).count(
        "marked figures") == 1
    plain = export.render_index([_manifest("2025-W40", {"availability x (%)": 99.5})])
    assert "marked figures" not in plain and "*</li>" not in plain


def test_durations_read_the_same_in_detail_texts_tables_and_the_cli() -> None:
    assert weekly.human_duration is formats.human_duration
    assert formats.human_duration(pd.Timedelta(days=1, hours=12, minutes=53)) == "1d 13h"
    assert formats.human_duration(2213.0) == "1d 13h"
    assert formats.human_duration(pd.Timedelta(hours=2, minutes=45)) == "2h 45min"
    text = (
        "---\ntz: UTC\n---\n# Ops\n\n## 2025-10-06 Monday\n- 08:00: OPS-1 opened: login slow.\n\n"
        "## 2025-10-07 Tuesday\n- 20:53: OPS-1 resolved.\n"
    )
    pol = policy.Policy(tz="UTC", tickets={"OPS": {"resolution": "2d"}})
    out = sla.misses(parse_log(text, "o.md"), None, pol, pd.Timestamp("2025-10-06", tz="UTC"),
                     pd.Timestamp("2025-10-13", tz="UTC"), pd.Timestamp("2025-10-13", tz="UTC"))
    res = out[out["kind"].eq("resolution")]
    assert res["detail"].tolist() == [
        "resolved 2025-10-07 20:53 UTC, by the due time; first mention 2025-10-06 08:00 UTC, "
        "resolution after 1d 13h (target 2d)"
    ]


def test_an_objective_is_named_once_for_the_report_and_the_rules() -> None:
    four = policy.LatencyObjective(percentile="p95", threshold_ms=800, window="4h")
    half = policy.LatencyObjective(percentile="p90", threshold_ms=1500.5, window="30m", min_probes=3)
    assert four.text() == weekly.objective_text(four) == "p95 <= 800 ms per 4h (of 5+ probes)"
    assert half.text() == "p90 <= 1500.5 ms per 30m (of 3+ probes)"
    pol = policy.Policy(targets={"*": {"latency": [four.model_dump()]}})
    assert (
        "Objectives for every target: latency p95 <= 800 ms per 4h (of 5+ probes); degraded counts as up; "
        "retries 0." in sla.accounting_rules(pol)
    )


def test_a_latency_window_is_judged_by_one_function() -> None:
    o = policy.LatencyObjective(percentile="p95", threshold_ms=800, window="1h")
    windows = pd.DataFrame({"target": ["a"] * 3, "n": [4, 5, 5], "p95": [900.0, 800.0, 800.1]})
    got = sla.judge_windows(windows, o)
    assert got["judged"].tolist() == [False, True, True]  # 4 probes: shown, not judged
    assert got["over"].tolist() == [False, False, True]  # 800 is at the threshold: met
    assert windows.columns.tolist() == ["target", "n", "p95"]  # (the input is left as it was)


def test_the_example_weeks_figures_are_unchanged(tmp_path: Path) -> None:
    from evidence_rows import example_week

    d = example_week(tmp_path / "ws")
    figs = d.figures
    # (52 and 41 before round 16 LOOK5: 8 burn-rate alert episodes were 24 rows, one per window pair)
    assert figs["SLA misses"] == 36
    assert figs["probe objective misses (windows and alerts)"] == 25
    missed = d.misses[d.misses["status"].eq("missed")]
    assert missed["kind"].value_counts().to_dict() == {
        "availability": 10, "latency": 15, "deadline": 7, "resolution": 2, "doc_expired": 1, "response": 1,
    }
    # the report's table of windows says "over" for exactly the SLA's latency rows
    ow = d.objective_windows
    over = ow[ow["over"].astype(bool)]
    lat = missed[missed["kind"].eq("latency")]
    assert sorted(zip(over["target"], over["window_start"], strict=True)) == sorted(
        zip(lat["subject"], lat["due_at"], strict=True)
    )
    assert len(over) == 15


def test_the_period_and_owed_share_one_computation_of_ticket_targets(tmp_path: Path) -> None:
    from evidence_rows import example_week

    d = example_week(tmp_path / "ws")
    per, pol = d.per, d.policy
    direct = sla.ticket_target_misses(d.logs, pol, per.start, per.as_of, per.end)
    pd.testing.assert_frame_equal(d.ticket_targets, direct)
    owed = pd.concat([
        sla.deadline_misses(d.logs, None, per.as_of, pol.tz, per.end),
        sla.ticket_target_misses(d.logs, pol, None, per.as_of, per.end),
    ], ignore_index=True)
    pd.testing.assert_frame_equal(d.owed, owed)
    assert d.ticket_targets[["kind", "subject", "status"]].values.tolist() == [
        ["response", "DEPLOY-147", "met"], ["resolution", "DEPLOY-147", "missed"],
        ["response", "OCC-INF-221", "missed"], ["resolution", "OCC-INF-221", "missed"],
    ]
    # (the same figures as before the sharing: 14 rows owed, 1 open ticket past due)
    assert (len(d.owed), d.figures["open tickets past due"]) == (14, 1)
