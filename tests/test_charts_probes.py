"""Charts straight from raw probe rows: aggregated first (occ_lib.aggregate), then within the budget."""

from __future__ import annotations

import numpy as np
import pandas as pd

from occ_lib import charts

N = 200_000
T0 = pd.Timestamp("2025-10-06", tz="UTC")


def probes() -> pd.DataFrame:
    """200,000 deterministic probes over one week, two targets, every outcome and two error classes."""
    i = np.arange(N)
    outcome = np.where(i % 100 == 0, "down", np.where(i % 50 == 1, "degraded", "up"))
    error = np.where(outcome == "down", np.where(i % 200 == 0, "timeout", "dns"), None)
    return pd.DataFrame(
        {
            "target": np.where(i % 2 == 0, "api", "web"),
            "started_at": (T0 + pd.to_timedelta(i * 3, unit="s")).astype("datetime64[us, UTC]"),
            "outcome": outcome,
            "error": pd.array(error, dtype="str"),
            "elapsed_ms": (100 + (i % 10) * 10).astype("float64"),
        }
    )


def test_latency_chart_from_probes_aggregates_first():
    df = probes()
    fig = charts.latency_chart_from_probes(df, 180, window="1m", tz="UTC")
    assert [t.name for t in fig.data] == [
        "api p50", "api p95", "api p99", "web p50", "web p95", "web p99", "threshold 180 ms",
    ]
    # 200,000 probes x 3 s = 10,000 minutes = 6.94 days; 1-minute windows exceed the budget and merge
    assert charts.points(fig) <= charts.POINT_BUDGET
    assert fig.layout.title.text == "Latency per target (window 15min)"
    assert charts.points(fig) == 6 * 667 + 2  # 10,000 minutes in 15-minute windows
    api = fig.data[0]
    # api probes are the even i: elapsed 100, 120, 140, 160, 180 ms; the 2,000 down ones are left out
    assert sum(c[0] for c in api.customdata) == 100_000 - 2000
    assert set(api.y) == {140.0}
    assert set(fig.data[2].y) == {180.0}


def test_outcomes_chart_from_probes_counts_every_probe():
    df = probes()
    fig = charts.outcomes_chart_from_probes(df, window="1m", tz="UTC")
    assert [t.name for t in fig.data] == ["up", "degraded", "down"]
    assert charts.points(fig) <= charts.POINT_BUDGET
    assert sum(sum(t.y) for t in fig.data) == N
    assert sum(fig.data[2].y) == 2000  # i % 100 == 0
    assert sum(fig.data[1].y) == 4000  # i % 50 == 1
    errs = charts.errors_chart(charts.outcome_counts(df, "1h"))
    assert [t.name for t in errs.data] == ["timeout", "dns"]
    assert [sum(t.y) for t in errs.data] == [1000, 1000]
