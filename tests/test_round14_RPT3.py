"""Round 14 (RPT3): what the weekly report says without saying why (occ_lib/weekly.py).

- A per-target headline figure from fewer probes than :data:`occ_lib.weekly.FEW_PROBES` (5, the
  latency objectives' default ``min_probes``) says how many in its cell (``100.0 (1 probe)``), has no
  change and a note under the table: one imported curl transcript read like a week of checks.
- The latency table's caption names the targets with latency data but no latency objective, which
  the chart shows and the table leaves out.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from evidence_rows import checks_workspace

from occ_lib import policy, weekly

# api: 5 fast checks and a latency objective; web: 4 checks and no latency objective
POLICY = {
    "tz": "UTC",
    "targets": {
        "api": {
            "availability": 99.5, "latency": [{"percentile": "p95", "threshold_ms": 800, "window": "1d"}],
        },
        "web": {"availability": 99.5},
    },
}
CHECKS = [("api", f"2025-10-07T10:{m}0:00Z", 200, 100.0 + m) for m in range(5)] + [
    ("web", f"2025-10-07T11:{m}0:00Z", 200, 200.0 + 10 * m) for m in range(4)
]
FEW_NOTE = (
    "from fewer probes in the period than its target's latency objective judges a window by "
    "(min_probes, 5 without one; their number in brackets): too few to stand for the target's period, "
    "and not compared with the previous one"
)


def _week(tmp_path: Path) -> weekly.WeekData:
    ws = checks_workspace(tmp_path, POLICY, CHECKS)
    return weekly.collect(ws, weekly.period(ws, week="2025-W41"))


def test_a_figure_of_fewer_than_five_probes_says_how_many_and_is_not_compared(tmp_path: Path) -> None:
    assert weekly.FEW_PROBES == policy.MIN_PROBES == 5
    d = _week(tmp_path)
    previous = {"availability api (%)": 99.0, "availability web (%)": 99.0, "p95 web (ms)": 210.0}
    head = weekly.headline(d.figures, previous)
    assert head.values.tolist()[5:] == [
        # near miss: api's 5 probes are enough, a plain number compared with last period
        ["availability api (%)", 100.0, 99.0, 1.0],
        ["availability web (%)", "100.0 (4 probes)", 99.0, None],
        ["p95 api (ms)", 103.8, None, None],
        ["p95 web (ms)", "228.5 (4 probes)", 210.0, None],
    ]
    assert head.attrs["notes"] == {
        "SLA misses": weekly.FIGURE_NOTES["SLA misses"],  # (round 15)
        "open tickets past due": weekly.FIGURE_NOTES["open tickets past due"],
        "stale documents": weekly.FIGURE_NOTES["stale documents"],  # (round 16: LOOK4)
        "availability web (%)": FEW_NOTE,
        "p95 web (ms)": FEW_NOTE,
    }
    assert weekly._of_few(100.0, 1) == "100.0 (1 probe)"
    assert [weekly._of_few(99.5, n) for n in (5, None)] == [99.5, 99.5]
    assert weekly._of_few(None, 2) is None
    html = weekly.Table(head)._repr_html_()
    assert '<td title="' + FEW_NOTE.replace("'", "&#x27;") + '">availability web (%)*</td>' in html
    assert "<td>availability api (%)</td>" in html


def test_the_examples_one_curl_transcript_target_says_it_is_one_probe(tmp_path: Path) -> None:
    from evidence_rows import example_week

    d = example_week(tmp_path / "ws")
    head = weekly.headline(d.figures, weekly.previous_figures(d, weekly.collect(d.ws, d.per.previous())))
    rows = head.set_index("figure")
    assert rows.loc["availability hotdash-staging.fly.dev/app?mock=1 (%)"].tolist() == [
        "100.0 (1 probe)", "n/a (no probes)", None,
    ]
    # near miss: the targets of 326 and 329 probes keep their numbers
    live = rows.loc["availability staging-app-live (%)"].tolist()
    assert live == [18.405, "n/a (8 probes against 326)", None]
    assert rows.loc["p95 staging-app-mock (ms)"].tolist() == [1028.3, "n/a (8 probes against 329)", None]
    assert list(head.attrs["notes"]) == [
        "SLA misses", "open tickets past due", "stale documents",  # (round 16: LOOK4)
        "availability hotdash-staging.fly.dev/app?mock=1 (%)",
    ]
    # the example's latency targets all have an objective: nothing left out of the table
    assert d.objective_windows.attrs["no_objective"] == []
    assert weekly.latency_caption(weekly.latency_table(d.objective_windows)).endswith(
        "3 not judged (fewer probes than the objective's min_probes)"
    )


def test_the_latency_caption_names_the_targets_without_a_latency_objective(tmp_path: Path) -> None:
    d = _week(tmp_path)
    assert d.latency_total["target"].tolist() == ["api", "web"]
    table = weekly.latency_table(d.objective_windows)
    assert table.values.tolist() == [
        ["api", pd.Timestamp("2025-10-07 00:00Z"), pd.Timestamp("2025-10-08 00:00Z"), 5, 102.0,
         103.8, 104.0, 800.0, "yes", "no"],
    ]
    assert weekly.latency_caption(table) == (
        "Latency per window of the objective (ms), p95 <= 800 ms per 1d (of 5+ probes): 1 window, 0 over "
        "the objective (listed first), 0 not judged (fewer probes than the objective's min_probes); "
        "not listed (no latency objective): web"
    )


def test_near_miss_every_latency_target_with_an_objective_leaves_nothing_out(tmp_path: Path) -> None:
    both = {**POLICY, "targets": {**POLICY["targets"], "web": POLICY["targets"]["api"]}}
    ws = checks_workspace(tmp_path, both, CHECKS)
    d = weekly.collect(ws, weekly.period(ws, week="2025-W41"))
    table = weekly.latency_table(d.objective_windows)
    assert table["target"].tolist() == ["api", "web"]
    assert table["judged"].tolist() == ["yes", "no (under 5 probes)"]
    assert weekly.latency_caption(table).endswith(
        "1 not judged (fewer probes than the objective's min_probes)"
    )
