"""Round 16 (LOOK4): the weekly report read by the operations manager who gets it each Monday."""

from __future__ import annotations

import pandas as pd

from occ_lib import weekly


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


STALE_NOTE = (
    "documents with a freshness check missed by the as-of time, each counted once: expired (past the "
    "day in its front matter's 'expires') or stale (last reviewed too long ago); a document check "
    "still open is not counted"
)


def test_the_stale_documents_figure_says_it_counts_expired_documents_too_and_not_open_checks() -> None:
    # examples W41: "stale documents 1" was the one expired document, while the three
    # "document stale" rows were open: the figure's name alone misled
    head = weekly.headline({"SLA misses": 52, "open tickets past due": 1, "stale documents": 1}, {})
    assert list(head.attrs["notes"]) == ["SLA misses", "open tickets past due", "stale documents"]
    assert head.attrs["notes"]["stale documents"] == STALE_NOTE
    table = weekly.Table(head, "Headline figures")
    assert repr(table).splitlines()[-1] == f"* stale documents: {STALE_NOTE}."
    assert f'<td title="{STALE_NOTE.replace(chr(39), "&#x27;")}">stale documents*</td>' in table._repr_html_()
    # near miss: a headline without the figure gets no such note
    assert "stale documents" not in weekly.headline({"SLA misses": 2}, {}).attrs["notes"]


def _probe_rows(kinds, dues, overages) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kind": kinds,
            "subject": ["live"] * len(kinds),
            "due_at": [ts(d) for d in dues],
            "status": ["missed"] * len(kinds),
            "overage_min": overages,
        }
    )


def test_the_period_availability_row_does_not_date_the_last_probe_miss() -> None:
    # examples W41: staging-app-live's last availability miss read "2025-10-13 00:00", the period's
    # end, where the availability row of the whole period is due: no alert began then
    m = _probe_rows(
        ["availability"] * 3 + ["latency"],
        ["2025-10-06 04:05", "2025-10-12 21:05", "2025-10-13 04:00", "2025-10-11 20:00"],
        [7800.0, 360.0, float("nan"), 240.0],
    )
    out = weekly.probe_misses_summary(m)
    assert out[["kind", "misses", "first", "last", "total overage"]].to_dict("records") == [
        {"kind": "availability", "misses": 3, "first": ts("2025-10-06 04:05"),
         "last": ts("2025-10-12 21:05"), "total overage": "5d 16h"},
        {"kind": "latency", "misses": 1, "first": ts("2025-10-11 20:00"),
         "last": ts("2025-10-11 20:00"), "total overage": "4h"},
    ]


def test_a_period_availability_row_alone_still_dates_its_group() -> None:
    # near miss: with no alert, the period's row is the only miss and keeps its due time
    m = _probe_rows(["availability"], ["2025-10-13 04:00"], [float("nan")])
    out = weekly.probe_misses_summary(m)
    assert out[["misses", "first", "last", "total overage"]].to_dict("records") == [
        {"misses": 1, "first": ts("2025-10-13 04:00"), "last": ts("2025-10-13 04:00"),
         "total overage": "0min"},
    ]


def test_the_budget_table_says_how_long_a_target_was_alerting_as_a_duration() -> None:
    from occ_lib.weekly import _budget_table

    # examples W41: "alerting (5-min steps) 1854" for staging-app-live; 1854 steps of 5 minutes
    # are 154.5 h (half up: 6d 11h)
    budget = pd.DataFrame({"target": ["live", "mock", "calm"], "objective": [99.5] * 3, "counted": [10] * 3,
                           "bad": [9, 1, 0], "ratio": [10.0, 90.0, 100.0], "allowed_bad": [0.05] * 3,
                           "consumed_pct": [18000.0, 2000.0, 0.0],
                           "remaining_pct": [-17900.0, -1900.0, 100.0]})
    at = pd.date_range("2025-10-06 04:00", periods=1854, freq="5min", tz="UTC")
    burns = pd.DataFrame({
        "target": ["live"] * 1854 + ["mock"] * 14 + ["calm"],
        "at": [*at, *at[:14], at[0]],
        "burn_1h": [200.0] * 1868 + [0.0],
        "alert_1h_5m": [True] * 1868 + [False],
    })
    out = _budget_table(budget, burns).set_index("target")
    assert out["alerting for"].to_dict() == {"live": "6d 11h", "mock": "1h 10min", "calm": "0min"}
    assert "alerting (5-min steps)" not in out.columns
