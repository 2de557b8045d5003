"""DuckDB aggregation over probe rows: percentiles, outcome counts, availability, the Parquet store."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from occ_lib import aggregate
from occ_lib.errors import StoreError

T0 = pd.Timestamp("2025-10-06 00:00", tz="UTC")


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def probes(rows) -> pd.DataFrame:
    """Probe rows with the store's columns that aggregation reads (plus a few it must ignore)."""
    rows = list(rows)
    df = pd.DataFrame(
        {
            "run_id": ["r1"] * len(rows),
            "source": ["probe"] * len(rows),
            "target": [r[0] for r in rows],
            "url": ["https://example.test/"] * len(rows),
            "started_at": pd.to_datetime([r[1] for r in rows], utc=True).astype("datetime64[us, UTC]"),
            "status": pd.array([200 if r[2] != "down" else None for r in rows], dtype="Int32"),
            "outcome": [r[2] for r in rows],
            "error": pd.Series([r[4] if len(r) > 4 else None for r in rows], dtype=object),
            "elapsed_ms": np.array([np.nan if r[3] is None else r[3] for r in rows], dtype="float64"),
        }
    )
    return df


def every_minute(target, start, values, outcome="up", error=None):
    return [(target, start + pd.Timedelta(minutes=i), outcome, v, error) for i, v in enumerate(values)]


def test_percentiles_equal_numpys_linear_definition():
    rng = np.random.default_rng(41)
    rows = []
    lat = {}
    for target in ("api", "web"):
        for h in range(3):
            vals = rng.gamma(2.0, 120.0, size=37 + 11 * h)
            lat[(target, h)] = vals
            for i, v in enumerate(vals):
                rows.append((target, T0 + pd.Timedelta(hours=h, seconds=60 * i + 7), "up", float(v)))
    out = aggregate.latency_windows(probes(rows), "1h")
    assert list(out.columns) == ["target", "window_start", "n", "p50", "p90", "p95", "p99", "mean"]
    assert len(out) == 6
    for rec in out.to_dict("records"):
        vals = lat[(rec["target"], (rec["window_start"] - T0) // pd.Timedelta(hours=1))]
        assert rec["n"] == len(vals)
        for q in (50, 90, 95, 99):
            assert rec[f"p{q}"] == pytest.approx(np.percentile(vals, q), rel=1e-12)
        assert rec["mean"] == pytest.approx(vals.mean(), rel=1e-12)
    assert str(out["window_start"].dtype) == "datetime64[us, UTC]"


def test_small_window_by_hand_down_probes_and_maintenance_left_out():
    rows = [
        ("api", utc("2025-10-06 10:00"), "up", 100.0),
        ("api", utc("2025-10-06 10:01"), "degraded", 200.0),
        ("api", utc("2025-10-06 10:02"), "up", 300.0),
        ("api", utc("2025-10-06 10:03"), "up", 400.0),
        ("api", utc("2025-10-06 10:04"), "down", 10000.0, "timeout"),  # availability, not latency
        ("api", utc("2025-10-06 10:30"), "up", 9000.0),  # in maintenance below
        ("api", utc("2025-10-06 11:00"), "up", None),  # no response time
    ]
    out = aggregate.latency_windows(
        probes(rows), "1h", (50, 90), exclude=[(utc("2025-10-06 10:15"), utc("2025-10-06 10:45"))]
    )
    assert out.to_dict("records") == [
        {
            "target": "api",
            "window_start": utc("2025-10-06 10:00"),
            "n": 4,
            "p50": 250.0,
            "p90": 370.0,
            "mean": 250.0,
        }
    ]
    assert any("quantile_cont" in r for r in out.attrs["rules"])


def test_whole_range_and_target_filter():
    rows = every_minute("api", T0, [10.0, 20.0, 30.0]) + every_minute("web", T0, [5.0])
    out = aggregate.latency_windows(
        probes(rows), None, (50,), start=T0, end=T0 + pd.Timedelta(days=1), targets=["api"]
    )
    assert out[["target", "window_start", "n", "p50"]].to_dict("records") == [
        {"target": "api", "window_start": T0, "n": 3, "p50": 20.0}
    ]
    assert aggregate.latency_windows(probes(rows), "1h", targets=[]).empty


def test_outcome_counts_per_window_with_error_classes():
    rows = (
        every_minute("api", utc("2025-10-06 10:00"), [100.0] * 3)
        + every_minute("api", utc("2025-10-06 10:10"), [None] * 2, "down", "timeout")
        + [("api", utc("2025-10-06 10:20"), "down", 50.0, "unexpected_status")]
        + [("api", utc("2025-10-06 10:30"), "degraded", 2500.0, None)]
        + every_minute("api", utc("2025-10-06 11:05"), [100.0] * 2)
        + [("api", utc("2025-10-06 11:59:59"), "down", None, "dns")]
    )
    out = aggregate.outcome_counts(probes(rows), "1h")
    cols = [
        "target",
        "window_start",
        "up",
        "degraded",
        "down",
        "total",
        "good",
        "bad",
        "excluded_maintenance",
        "timeout",
        "dns",
        "unexpected_status",
        "connect",
    ]
    assert out[cols].to_dict("records") == [
        {
            "target": "api",
            "window_start": utc("2025-10-06 10:00"),
            "up": 3,
            "degraded": 1,
            "down": 3,
            "total": 7,
            "good": 4,
            "bad": 3,
            "excluded_maintenance": 0,
            "timeout": 2,
            "dns": 0,
            "unexpected_status": 1,
            "connect": 0,
        },
        {
            "target": "api",
            "window_start": utc("2025-10-06 11:00"),
            "up": 2,
            "degraded": 0,
            "down": 1,
            "total": 3,
            "good": 2,
            "bad": 1,
            "excluded_maintenance": 0,
            "timeout": 0,
            "dns": 1,
            "unexpected_status": 0,
            "connect": 0,
        },
    ]
    strict = aggregate.outcome_counts(probes(rows), "1h", degraded_counts_as="down")
    assert list(strict["bad"]) == [4, 1]


def test_day_buckets_in_the_report_zone_across_dst():
    rows = [
        ("api", utc("2025-11-02 03:59"), "up", 1.0),  # Nov 1 23:59 EDT
        ("api", utc("2025-11-02 04:00"), "up", 1.0),  # Nov 2 00:00 EDT
        ("api", utc("2025-11-03 04:59"), "up", 1.0),  # Nov 2 23:59 EST (25-hour day)
        ("api", utc("2025-11-03 05:00"), "down", None, "connect"),  # Nov 3 00:00 EST
    ]
    out = aggregate.outcome_counts(probes(rows), "1d", tz="America/New_York")
    assert out[["window_start", "up", "down", "connect"]].to_dict("records") == [
        {"window_start": utc("2025-11-01 04:00"), "up": 1, "down": 0, "connect": 0},
        {"window_start": utc("2025-11-02 04:00"), "up": 2, "down": 0, "connect": 0},
        {"window_start": utc("2025-11-03 05:00"), "up": 0, "down": 1, "connect": 1},
    ]


def test_availability_with_retries_degraded_and_maintenance():
    seq = ["up", "down", "down", "up", "down", "up", "down", "down", "down"]
    rows = [("a", T0 + pd.Timedelta(minutes=i), o, 10.0) for i, o in enumerate(seq)]
    rows += [("b", T0 + pd.Timedelta(minutes=i), o, 10.0) for i, o in enumerate(["up", "degraded", "down"])]
    df = probes(rows)
    plain = aggregate.availability(df)
    assert plain[["target", "counted", "good", "bad"]].to_dict("records") == [
        {"target": "a", "counted": 9, "good": 3, "bad": 6},
        {"target": "b", "counted": 3, "good": 2, "bad": 1},
    ]
    # retries 1: a failure counts only when the next probe failed too (idx 1, 6, 7) or nothing
    # follows it (idx 8); idx 2 and 4 are followed by an up probe.
    r = aggregate.availability(df, retries={"*": 0, "a": 1}, degraded_counts_as={"*": "up", "b": "down"})
    assert r[["target", "probes", "counted", "up", "degraded", "down", "good", "bad"]].to_dict("records") == [
        {"target": "a", "probes": 9, "counted": 9, "up": 3, "degraded": 0, "down": 6, "good": 5, "bad": 4},
        {"target": "b", "probes": 3, "counted": 3, "up": 1, "degraded": 1, "down": 1, "good": 1, "bad": 2},
    ]
    assert r["ratio"].tolist() == pytest.approx([5 / 9 * 100, 1 / 3 * 100])
    # maintenance over minutes 6..8 of target a only
    m = pd.DataFrame(
        {"target": ["a"], "start": [T0 + pd.Timedelta(minutes=6)], "end": [T0 + pd.Timedelta(minutes=9)]}
    )
    mm = aggregate.availability(df, exclude=m, retries=1)
    assert mm[["target", "probes", "excluded_maintenance", "counted", "good", "bad"]].to_dict("records") == [
        {"target": "a", "probes": 9, "excluded_maintenance": 3, "counted": 6, "good": 5, "bad": 1},
        {"target": "b", "probes": 3, "excluded_maintenance": 0, "counted": 3, "good": 2, "bad": 1},
    ]


def test_retries_look_past_the_window_end_up_to_as_of(tmp_path):
    # the failure at 23:30 is contradicted by the probe at 00:00, the first of the next day (and
    # store folder); the failure at 23:45 of target b by nothing known
    rows = [
        ("a", utc("2025-10-06 23:00"), "up", 10.0),
        ("a", utc("2025-10-06 23:30"), "down", None, "timeout"),
        ("a", utc("2025-10-07 00:00"), "up", 10.0),
        ("b", utc("2025-10-06 23:45"), "down", None, "timeout"),
        ("b", utc("2025-10-07 00:30"), "up", 10.0),
    ]
    df = probes(rows)
    _write_store(tmp_path, df)
    day = {"start": utc("2025-10-06"), "end": utc("2025-10-07"), "retries": 1}
    for src in (df, tmp_path):
        def bad(src=src, **kw):
            out = aggregate.availability(src, **day, **kw)
            return out[["target", "counted", "bad"]].to_dict("records")

        # as_of is inclusive, and defaults to the window's end: the 00:00 probe is known at 00:00
        assert bad() == [{"target": "a", "counted": 2, "bad": 0}, {"target": "b", "counted": 1, "bad": 1}]
        assert bad(as_of=utc("2025-10-07 00:00")) == [
            {"target": "a", "counted": 2, "bad": 0}, {"target": "b", "counted": 1, "bad": 1},
        ]
        assert bad(as_of=utc("2025-10-08")) == [
            {"target": "a", "counted": 2, "bad": 0}, {"target": "b", "counted": 1, "bad": 0},
        ]
        counts = aggregate.outcome_counts(src, "1h", **day, as_of=utc("2025-10-08"))
        assert counts[["target", "window_start", "total", "good", "bad"]].to_dict("records") == [
            {"target": "a", "window_start": utc("2025-10-06 23:00"), "total": 2, "good": 2, "bad": 0},
            {"target": "b", "window_start": utc("2025-10-06 23:00"), "total": 1, "good": 1, "bad": 0},
        ]


def test_a_probe_in_maintenance_is_no_retry_of_a_failure_before_it():
    # down before the patching window, down inside it (excluded), up after it: the failure before
    # is contradicted by the next probe that counts
    rows = [
        ("s", utc("2025-10-12 05:00"), "up", 10.0),
        ("s", utc("2025-10-12 05:30"), "down", None, "connect"),
        ("s", utc("2025-10-12 06:00"), "down", None, "connect"),
        ("s", utc("2025-10-12 08:00"), "up", 10.0),
    ]
    maint = [(utc("2025-10-12 06:00"), utc("2025-10-12 08:00"))]
    out = aggregate.availability(probes(rows), exclude=maint, retries=1)
    assert out[["probes", "excluded_maintenance", "counted", "good", "bad"]].to_dict("records") == [
        {"probes": 4, "excluded_maintenance": 1, "counted": 3, "good": 3, "bad": 0}
    ]


def test_one_target_given_as_a_str_is_that_target_and_bad_instants_name_the_parameter(tmp_path):
    from occ_lib.errors import ArgumentError

    rows = [("ab", utc("2025-10-06 10:00"), "up", 10.0), ("a", utc("2025-10-06 10:01"), "down", None),
            ("b", utc("2025-10-06 10:02"), "up", 30.0)]
    df = probes(rows)
    assert aggregate.latency_windows(df, None, (50,), targets="ab")[["target", "n", "p50"]].to_dict(
        "records"
    ) == [{"target": "ab", "n": 1, "p50": 10.0}]
    assert aggregate.availability(df, targets="a")[["target", "counted", "bad"]].to_dict("records") == [
        {"target": "a", "counted": 1, "bad": 1}
    ]
    assert aggregate.outcome_counts(df, "1h", targets="b")["total"].tolist() == [1]
    for kw, msg in (
        ({"start": "last monday"},
         "start: not a date or time: 'last monday' (expected YYYY-MM-DD or ISO 8601)"),
        ({"end": "2025-W41"}, "end: not a date or time: '2025-W41' (expected YYYY-MM-DD or ISO 8601; "
         "for an ISO week use occ_lib.periods.week_bounds)"),
    ):
        with pytest.raises(ArgumentError) as err:
            aggregate.latency_windows(df, "1h", **kw)
        assert str(err.value) == msg


def _write_store(root, df):
    table = pa.Table.from_pandas(
        df.assign(date=df["started_at"].dt.strftime("%Y-%m-%d")), preserve_index=False
    )
    pq.write_to_dataset(table, root_path=str(root / "probes"), partition_cols=["date"])


def test_parquet_store_gives_the_same_figures_and_prunes_dates(tmp_path):
    rng = np.random.default_rng(7)
    rows = []
    for d in range(3):
        for i in range(50):
            rows.append(
                (
                    "api",
                    T0 + pd.Timedelta(days=d, minutes=i),
                    "up" if i % 10 else "down",
                    float(rng.integers(50, 500)),
                )
            )
    df = probes(rows)
    _write_store(tmp_path, df)
    assert sorted(p.name for p in (tmp_path / "probes").iterdir()) == [
        "date=2025-10-06",
        "date=2025-10-07",
        "date=2025-10-08",
    ]
    for src in (tmp_path, tmp_path / "probes"):
        got = aggregate.latency_windows(src, "1h")
        want = aggregate.latency_windows(df, "1h")
        pd.testing.assert_frame_equal(got, want)
    day2 = aggregate.availability(tmp_path, start=utc("2025-10-07"), end=utc("2025-10-08"))
    assert day2[["target", "counted", "good", "bad"]].to_dict("records") == [
        {"target": "api", "counted": 50, "good": 45, "bad": 5}
    ]
    assert aggregate.time_range(tmp_path) == (T0, T0 + pd.Timedelta(days=2, minutes=49))


def test_empty_store_gives_empty_frames(tmp_path):
    out = aggregate.latency_windows(tmp_path, "1h")
    assert out.empty
    assert list(out.columns) == ["target", "window_start", "n", "p50", "p90", "p95", "p99", "mean"]
    assert aggregate.availability(tmp_path).empty
    assert aggregate.time_range(tmp_path) == (None, None)


def test_probe_frames_missing_columns_are_a_store_error():
    with pytest.raises(StoreError, match="elapsed_ms"):
        aggregate.latency_windows(pd.DataFrame({"target": [], "started_at": [], "outcome": [], "error": []}))


def test_store_leftovers_replaced_by_a_compacted_file_are_not_counted_twice(tmp_path):
    import json

    df = probes(every_minute("api", T0, [100.0] * 10))
    folder = tmp_path / "probes" / "date=2025-10-06"
    folder.mkdir(parents=True)
    table = pa.Table.from_pandas(df, preserve_index=False)
    pq.write_table(table, folder / "run1-a.parquet")
    merged = table.replace_schema_metadata({b"occ.replaces": json.dumps(["run1-a.parquet"]).encode()})
    pq.write_table(merged, folder / "compacted-b.parquet")  # a crash left the original behind
    (folder / ".tmp-c.parquet.part").write_bytes(b"half a file")
    out = aggregate.availability(tmp_path)
    assert out[["target", "counted", "good"]].to_dict("records") == [
        {"target": "api", "counted": 10, "good": 10}
    ]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(min_value=0.0, max_value=60_000.0, allow_nan=False), min_size=1, max_size=80),
    st.sampled_from([50, 90, 95, 99]),
)
def test_any_sample_percentile_matches_numpy(values, q):
    rows = [("api", T0 + pd.Timedelta(seconds=i), "up", v) for i, v in enumerate(values)]
    out = aggregate.latency_windows(probes(rows), "1h", (q,))
    assert out["n"].tolist() == [len(values)]
    assert out[f"p{q}"].iloc[0] == pytest.approx(float(np.percentile(values, q)), rel=1e-9, abs=1e-9)


def test_a_damaged_store_file_is_skipped_with_a_store_warning(tmp_path):
    from occ_lib.store import StoreWarning

    rows = [("api", T0 + pd.Timedelta(days=d, minutes=i), "up" if i % 5 else "down", 100.0 + i)
            for d in range(2) for i in range(20)]
    _write_store(tmp_path, probes(rows))
    clean = aggregate.availability(tmp_path)
    bad = tmp_path / "probes" / "date=2025-10-07" / "damaged.parquet"
    bad.write_bytes(b"PAR1 cut short")
    with pytest.warns(StoreWarning, match=r"damaged\.parquet: skipped unreadable Parquet file \("):
        got = aggregate.availability(tmp_path)
    pd.testing.assert_frame_equal(got, clean)
    assert got[["counted", "good", "bad"]].to_dict("records") == [{"counted": 40, "good": 32, "bad": 8}]
    # shown to people as one line, without occ's source path (a notebook's report shows it)
    msg = warnings.formatwarning("x.parquet: skipped", StoreWarning, "/work/occ_lib/aggregate.py", 177)
    assert msg == "occ: warning: x.parquet: skipped\n"
    with warnings.catch_warnings(record=True) as again:  # (remembered: not re-read, named once)
        warnings.simplefilter("always")
        lat = aggregate.latency_windows(tmp_path, None, (50,))
    assert lat["n"].tolist() == [32] and again == []
