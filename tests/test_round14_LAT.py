"""Round 14, LAT: the latency table lists the objective's windows, not the hours they painted.

Under the example's ``p95 <= 800 ms per 4h`` objective the hourly table marked every hour of a breached
4h window "over objective", a quiet hour (staging-app-live 2025-10-11 20:00Z, p95 183.6 ms) beside the
slow one that breached it. :func:`occ_lib.weekly.latency_table` now lists one row per target, objective
and window, as :func:`occ_lib.sla.probe_misses` judged it; checked against ``sla.misses`` and against a
plain pandas computation over the example's store (tests/evidence_rows.py).
"""

from __future__ import annotations

import pandas as pd
import pytest

from occ_lib import weekly
from tests.evidence_rows import (
    HOURLY_P95,
    SLOW_CHECKS,
    W41_LATENCY_OVER,
    checks_workspace,
    example_week,
    example_windows,
)

COLUMNS = [
    "target", "start", "end", "probes", "p50", "p95", "p99", "threshold (ms)", "judged", "over objective",
]


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> weekly.WeekData:
    """W41 of a copy of the example workspace, its evidence imported."""
    return example_week(tmp_path_factory.mktemp("lat") / "ws")


def _rows(table: pd.DataFrame, cols: list[str]) -> list[list]:
    return table[cols].values.tolist()


def test_the_examples_latency_table_is_its_4h_windows_as_the_sla_judged_them(example) -> None:
    table = weekly.latency_table(example.objective_windows)
    assert list(table.columns) == COLUMNS
    assert weekly.latency_caption(table) == (
        "Latency per window of the objective (ms), p95 <= 800 ms per 4h (of 5+ probes): 50 windows, "
        "15 over the objective (listed first), 3 not judged (fewer probes than the objective's min_probes)"
    )
    # the 15 windows over it, first, each a whole window of 4 hours with its own p95
    over = table.iloc[:15]
    assert _rows(over, ["target", "start", "end", "probes", "p95", "over objective"]) == [
        [t, ts(w), ts(w) + pd.Timedelta(hours=4), n, v, "yes"] for t, w, v, n in W41_LATENCY_OVER
    ]
    # exactly sla.misses' latency rows: subject, due_at, due_at + overage, the p95 and n of its detail
    lat = example.misses[example.misses["kind"].eq("latency")].sort_values(["subject", "due_at"])
    lat = lat[["subject", "due_at", "overage_min", "status", "detail"]]
    assert [
        [s, d, d + pd.Timedelta(minutes=o), st, det.split(" ms > ")[0], det.rsplit("(n=", 1)[1]]
        for s, d, o, st, det in lat.itertuples(index=False)
    ] == [
        [t, s, e, "missed", f"p95 {v:.1f}", f"{n})"]
        for t, s, e, n, v in over[["target", "start", "end", "probes", "p95"]].itertuples(index=False)
    ]
    # the rest: judged and not over, or not judged (too few probes), never "over" by a neighbour's probe
    cols = ["target", "start", "probes", "p95", "judged", "over objective"]
    assert _rows(table[table["judged"].ne("yes")], cols) == [
        ["staging-app-live", ts("2025-10-11 12:00"), 2, 203.5, "no (under 5 probes)", ""],
        ["staging-app-live", ts("2025-10-12 04:00"), 4, 1388.4, "no (under 5 probes)", ""],  # over, unjudged
        ["staging-app-mock", ts("2025-10-12 04:00"), 4, 250.0, "no (under 5 probes)", ""],
    ]
    assert table.iloc[15:]["over objective"].isin(["no", ""]).all()
    nj = {t: n for t, n in example.not_judged.items() if n}
    assert nj == {"staging-app-live": 2, "staging-app-mock": 1}
    # near miss: the quiet hour the hourly table called over is in no row of its own; its window is
    assert not table["start"].eq(ts("2025-10-11 21:00")).any()
    live = table[table["target"].eq("staging-app-live")].sort_values("start")
    assert _rows(live, ["start", "probes", "p95", "over objective"]) == [
        [ts("2025-10-11 12:00"), 2, 203.5, ""],
        [ts("2025-10-11 16:00"), 8, 694.8, "no"],
        [ts("2025-10-11 20:00"), 8, 1305.9, "yes"],
        [ts("2025-10-12 00:00"), 7, 234.0, "no"],
        [ts("2025-10-12 04:00"), 4, 1388.4, ""],
        [ts("2025-10-12 08:00"), 8, 339.3, "no"],
        [ts("2025-10-12 12:00"), 8, 811.6, "yes"],
        [ts("2025-10-12 16:00"), 8, 1186.6, "yes"],
        [ts("2025-10-12 20:00"), 7, 215.7, "no"],
    ]


def test_every_window_of_the_table_is_what_pandas_finds_in_the_store(example) -> None:
    table = weekly.latency_table(example.objective_windows)
    four = example_windows(example.ws.store, "4h")
    expected = sorted(
        (t, w, int(n), "yes" if n >= 5 else "no (under 5 probes)",
         ("yes" if v > 800 else "no") if n >= 5 else "")
        for t, w, n, v in four.itertuples(index=False)
    )
    cols = ["target", "start", "probes", "judged", "over objective"]
    assert sorted(map(tuple, _rows(table, cols))) == expected
    # the p95s: duckdb's and numpy's linear interpolation agree (rounded to 0.1 ms: 316.55 goes either way)
    mine = table.set_index(["target", "start"])["p95"]
    theirs = four.set_index(["target", "w"])["p95"]
    assert mine.sort_index().to_numpy() == pytest.approx(theirs.sort_index().to_numpy(), abs=0.05 + 1e-9)
    assert len(expected) == 50


def test_the_table_shows_its_windows_in_the_reports_zone(example) -> None:
    shown = weekly.for_display(weekly.latency_table(example.objective_windows), "America/New_York")
    assert shown.iloc[0].tolist() == [
        "staging-app-live", "2025-10-11 16:00", "2025-10-11 20:00", 8, 162.2, 1305.9, 1778.1, 800.0,
        "yes", "yes",
    ]


# an hourly objective: the table of hours it was, in the new words --------------------------------------

P95, SLOW = HOURLY_P95, SLOW_CHECKS


def test_an_hourly_objectives_table_lists_its_hours_as_before(tmp_path) -> None:
    ws = checks_workspace(tmp_path, P95, SLOW)
    d = weekly.collect(ws, weekly.period(ws, week="2025-W41"))
    table = weekly.latency_table(d.objective_windows)
    assert list(table.columns) == COLUMNS
    assert table.values.tolist() == [
        ["api", ts("2025-10-08 10:00"), ts("2025-10-08 11:00"), 5, 2000.0, 2000.0, 2000.0, 800.0,
         "yes", "yes"],
        ["api", ts("2025-10-07 10:00"), ts("2025-10-07 11:00"), 4, 2000.0, 2000.0, 2000.0, 800.0,
         "no (under 5 probes)", ""],
    ]
    assert weekly.latency_caption(table) == (
        "Latency per window of the objective (ms), p95 <= 800 ms per 1h (of 5+ probes): 2 windows, "
        "1 over the objective (listed first), 1 not judged (fewer probes than the objective's min_probes)"
    )
    # the hours are those of the hourly chart's frame
    assert sorted(table["start"]) == sorted(d.latency["window_start"])


def test_several_objectives_of_a_target_are_named_and_a_window_ends_at_as_of(tmp_path) -> None:
    objectives = [
        {"percentile": "p95", "threshold_ms": 800, "window": "1h", "min_probes": 1},
        {"percentile": "p90", "threshold_ms": 1500, "window": "2h", "min_probes": 6},
    ]
    policy = {"tz": "UTC", "targets": {"*": {"latency": objectives}}}
    ws = checks_workspace(tmp_path, policy, SLOW)
    # judged at 10:30 on Oct 8: the 2h window from 10:00 ends there, its 3 probes too few for the p90's 6
    d = weekly.collect(ws, weekly.period(ws, week="2025-W41", as_of="2025-10-08T10:30:00Z"))
    table = weekly.latency_table(d.objective_windows)
    assert list(table.columns) == [
        "target", "objective", "start", "end", "probes", "p50", "p90", "p95", "p99", "threshold (ms)",
        "judged", "over objective",
    ]
    one, two = "p95 <= 800 ms per 1h (of 1+ probes)", "p90 <= 1500 ms per 2h (of 6+ probes)"
    cols = ["objective", "start", "end", "probes", "p90", "threshold (ms)", "judged", "over objective"]
    assert _rows(table, cols) == [
        [one, ts("2025-10-07 10:00"), ts("2025-10-07 11:00"), 4, 2000.0, 800.0, "yes", "yes"],
        [one, ts("2025-10-08 10:00"), ts("2025-10-08 10:30"), 3, 2000.0, 800.0, "yes", "yes"],
        [two, ts("2025-10-07 10:00"), ts("2025-10-07 12:00"), 4, 2000.0, 1500.0, "no (under 6 probes)", ""],
        [two, ts("2025-10-08 10:00"), ts("2025-10-08 10:30"), 3, 2000.0, 1500.0, "no (under 6 probes)", ""],
    ]
    lat = d.misses[d.misses["kind"].eq("latency")]
    assert [[s, d0, d0 + pd.Timedelta(minutes=o)] for s, d0, o in
            lat[["subject", "due_at", "overage_min"]].itertuples(index=False)] == [
        ["api", ts("2025-10-07 10:00"), ts("2025-10-07 11:00")],
        ["api", ts("2025-10-08 10:00"), ts("2025-10-08 10:30")],
    ]
    assert weekly.latency_caption(table) == (
        "Latency per window of the objective (ms): 4 windows, 2 over the objective (listed first), "
        "2 not judged (fewer probes than the objective's min_probes)"
    )
    assert d.not_judged == {"api": 2}  # (two windows of the 2h objective)


def test_near_miss_a_period_without_probes_has_an_empty_table_that_says_so(tmp_path) -> None:
    ws = checks_workspace(tmp_path, P95, SLOW)
    d = weekly.collect(ws, weekly.period(ws, week="2025-W43"))
    table = weekly.latency_table(d.objective_windows)
    assert (list(table.columns), len(table)) == (COLUMNS, 0)
    assert weekly.latency_caption(table) == (
        "Latency per window of the objective (ms): 0 windows, "
        "0 over the objective (listed first), 0 not judged (fewer probes than the objective's min_probes)"
    )
