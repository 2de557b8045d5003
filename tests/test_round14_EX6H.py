"""Round 14, EX6H: the example workspace's latency objective is judged on windows of enough probes.

Round 14 RPT2 left 1h windows of fewer than ``min_probes`` (5) probes unjudged; the example probes every
30 minutes, so its ``p95 per 1h`` objective judged nothing. examples/occ.yml now says ``window: 4h``
(8 probes a window). The week's latency misses are checked here against a plain pandas computation
over the imported store, not against occ's own aggregate.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from occ_lib import weekly
from tests.evidence_rows import W41_LATENCY_OVER as OVER
from tests.evidence_rows import example_week, example_windows


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> weekly.WeekData:
    """W41 of a copy of the example workspace, its evidence imported."""
    return example_week(tmp_path_factory.mktemp("ex6h") / "ws")


def test_the_examples_4h_windows_hold_8_probes_where_1h_held_2(example) -> None:
    four = example_windows(example.ws.store, "4h")
    assert {t: sorted(Counter(g["n"]).items()) for t, g in four.groupby("target")} == {
        # (2: the live app answers from 2025-10-11 15:00Z on; 4: the window of Sunday's patching)
        "staging-app-live": [(2, 1), (4, 1), (7, 2), (8, 5)],
        "staging-app-mock": [(4, 1), (7, 4), (8, 34), (9, 2)],
    }
    # the two days of tests/test_report_params.py (mock, 2025-10-10 04:00Z to its as_of 2025-10-12 00:00Z)
    days = four[four["target"].eq("staging-app-mock") & four["w"].between(
        pd.Timestamp("2025-10-10 04:00Z"), pd.Timestamp("2025-10-11 20:00Z"))]
    assert (len(days), int(days["n"].min())) == (11, 7)
    assert [round(float(v), 1) for v in days.loc[days["p95"] > 800, "p95"]] == [1160.5, 1162.0, 947.2]
    hour = example_windows(example.ws.store, "1h")  # near miss: the old window, under min_probes everywhere
    assert int(hour["n"].max()) == 3 and int(hour["n"].median()) == 2
    objective = example.policy.target("staging-app-mock").latency
    assert [(o.percentile, o.threshold_ms, str(o.window), o.min_probes) for o in objective] == [
        ("p95", 800.0, "4:00:00", 5)
    ]


def test_the_weeks_latency_misses_are_those_a_pandas_computation_finds(example) -> None:
    four = example_windows(example.ws.store, "4h")
    over = four[(four["n"] >= 5) & (four["p95"] > 800)]
    assert [(t, w.strftime("%Y-%m-%d %H:%M"), round(float(v), 1), int(n))
            for t, w, n, v in over.itertuples(index=False)] == OVER
    lat = example.misses[example.misses["kind"].eq("latency")].sort_values(["subject", "due_at"])
    assert [(s, d.strftime("%Y-%m-%d %H:%M"), st, o) for s, d, st, o in
            lat[["subject", "due_at", "status", "overage_min"]].itertuples(index=False)] == [
        (t, w, "missed", 240.0) for t, w, _v, _n in OVER
    ]
    assert [d.split(" ms > ")[0] for d in lat["detail"]] == [f"p95 {v:.1f}" for _t, _w, v, _n in OVER]
    # near miss: the windows of under 5 probes (live 1388.4 ms in the patching window) are not judged
    few = four[four["n"] < 5]
    assert few.groupby("target").size().to_dict() == {"staging-app-live": 2, "staging-app-mock": 1}
    table = weekly.objectives_table(example).set_index("target")
    cols = ["windows over threshold", "windows not judged (too few probes)"]
    assert table.loc[["staging-app-live", "staging-app-mock"], cols].values.tolist() == [[3, 2], [12, 1]]
    # 10 availability rows (objective and 8 burn-rate alert episodes: 26 rows, one per window pair,
    # before round 16 LOOK5) + 15 latency windows; 11 from the logs
    figs = example.figures
    assert (figs["probe objective misses (windows and alerts)"], figs["SLA misses"]) == (25, 36)
