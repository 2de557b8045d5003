"""Round 16 (LOOK5): the weekly report's headline, probe tables and latency page, read on a Monday."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from occ_lib import weekly

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def example_ws(tmp_path_factory):
    ws = tmp_path_factory.mktemp("look5_example")
    skip = shutil.ignore_patterns("data", "reports")
    shutil.copytree(ROOT / "examples", ws, ignore=skip, dirs_exist_ok=True)
    return weekly.workspace(ws / "occ.yml")  # (imports the evidence into its store)


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _alert(subject: str, start: str, stop: str | None, minutes: float, pair: tuple[str, str, str]) -> dict:
    lw, sw, factor = pair
    return {
        "kind": "availability", "subject": subject, "due_at": ts(start),
        "resolved_at": ts(stop) if stop else pd.NaT, "status": "missed", "overage_min": minutes,
        "source": "probes", "line": pd.NA,
        "detail": f"burn rate above {factor} over both {lw} and {sw} (page); peak 200.0x over {lw}, "
        f"200.0x over {sw}",
    }


PAGE1, PAGE6, TICKET = ("1h", "5m", "14.4x"), ("6h", "30m", "6x"), ("3d", "6h", "1x")


def test_the_alerts_of_one_episode_are_one_row_naming_the_pairs_that_fired() -> None:
    # examples W41: 24 alert rows (each episode once per window pair) where a reader sees 8 episodes
    period_row = {
        "kind": "availability", "subject": "live", "due_at": ts("2025-10-13 04:00"), "resolved_at": pd.NaT,
        "status": "missed", "overage_min": float("nan"), "source": "probes", "line": pd.NA,
        "detail": "18.405% vs objective 99.5%: 266 bad of 326 probes",
    }
    m = pd.DataFrame([
        period_row,
        _alert("live", "2025-10-06 04:05", "2025-10-06 04:35", 30.0, PAGE1),
        _alert("live", "2025-10-06 04:05", "2025-10-06 04:35", 30.0, PAGE6),
        _alert("live", "2025-10-06 04:05", "2025-10-06 10:05", 360.0, TICKET),
        _alert("live", "2025-10-07 01:00", "2025-10-07 01:30", 30.0, PAGE1),  # a later episode, one pair
        _alert("mock", "2025-10-06 04:05", None, 60.0, PAGE1),  # another target, same time: its own
        _alert("mock", "2025-10-06 04:30", "2025-10-06 05:00", 30.0, PAGE6),  # overlaps, still firing
    ])
    out = weekly.alert_episodes(m)
    assert out[["subject", "due_at", "resolved_at"]].assign(
        over=out["overage_min"].fillna(-1)
    ).values.tolist() == [
        ["live", ts("2025-10-13 04:00"), pd.NaT, -1],
        ["live", ts("2025-10-06 04:05"), ts("2025-10-06 10:05"), 360.0],
        ["mock", ts("2025-10-06 04:05"), pd.NaT, 60.0],
        ["live", ts("2025-10-07 01:00"), ts("2025-10-07 01:30"), 30.0],
    ]
    assert out["detail"].tolist() == [
        "18.405% vs objective 99.5%: 266 bad of 326 probes",
        "3 window pairs fired (1h/5m, 6h/30m, 3d/6h): burn rate above 14.4x over both 1h and 5m (page); "
        "peak 200.0x over 1h, 200.0x over 5m | burn rate above 6x over both 6h and 30m (page); peak 200.0x "
        "over 6h, 200.0x over 30m | burn rate above 1x over both 3d and 6h (page); peak 200.0x over 3d, "
        "200.0x over 6h",
        "2 window pairs fired (1h/5m, 6h/30m): burn rate above 14.4x over both 1h and 5m (page); peak 200.0x "
        "over 1h, 200.0x over 5m | burn rate above 6x over both 6h and 30m (page); peak 200.0x over 6h, "
        "200.0x over 30m",
        "burn rate above 14.4x over both 1h and 5m (page); peak 200.0x over 1h, 200.0x over 5m",
    ]
    # near miss: alerts that only follow each other (one stops as the next starts 5 minutes later) stay two
    apart = pd.DataFrame([_alert("live", "2025-10-06 04:05", "2025-10-06 04:35", 30.0, PAGE1),
                          _alert("live", "2025-10-06 04:40", "2025-10-06 05:10", 30.0, PAGE6)])
    assert len(weekly.alert_episodes(apart)) == 2


def test_the_headline_and_the_probe_summary_count_episodes(example_ws) -> None:
    d = weekly.collect(example_ws, weekly.period(example_ws, week="2025-W41"))
    figs = d.figures
    assert [figs["SLA misses"], figs["missed deadlines and ticket targets"],
            figs["probe objective misses (windows and alerts)"], figs["stale documents"]] == [36, 10, 25, 1]
    alerts = d.misses[d.misses["detail"].str.contains("window pairs fired", regex=False)]
    assert alerts.groupby("subject").size().to_dict() == {"staging-app-live": 4, "staging-app-mock": 4}
    summary = weekly.probe_misses_summary(d.misses)
    avail = summary[summary["kind"] == "availability"].set_index("target")
    assert avail["misses"].to_dict() == {"staging-app-live": 5, "staging-app-mock": 5}


def test_the_period_availability_row_is_due_over_the_period_not_at_its_end() -> None:
    m = pd.DataFrame([
        {"kind": "availability", "subject": "live", "due_at": ts("2025-10-13 04:00"), "resolved_at": pd.NaT,
         "status": "missed", "overage_min": float("nan"), "source": "probes", "line": pd.NA, "detail": "18%"},
        _alert("live", "2025-10-06 04:05", "2025-10-06 04:35", 30.0, PAGE1),
        {"kind": "latency", "subject": "live", "due_at": ts("2025-10-07 00:00"), "resolved_at": pd.NaT,
         "status": "missed", "overage_min": 240.0, "source": "probes", "line": pd.NA, "detail": "p95"},
    ])
    t = weekly.misses_table(m, tz="UTC")
    assert t["due"].tolist() == ["(the period)", ts("2025-10-06 04:05"), ts("2025-10-07 00:00")]
    shown = weekly.for_display(t, "UTC")["due"].tolist()
    assert shown == ["(the period)", "2025-10-06 04:05", "2025-10-07 00:00"]


def test_the_sla_misses_note_says_it_counts_checks_and_stale_documents_documents() -> None:
    # a document both expired and stale: SLA misses 2, stale documents 1 (LOOK4, found not fixed)
    note = weekly.headline({"SLA misses": 2, "stale documents": 1}, {}).attrs["notes"]["SLA misses"]
    assert note == (
        "every missed row of the SLA tables below, one per check: missed deadlines and ticket targets, "
        "probe objective misses and missed document checks (expired or stale; a document with both "
        "missed is 2 here and 1 in stale documents, which counts documents)"
    )


def test_the_latency_caption_of_a_period_without_probes_says_so() -> None:
    # (the page's text said "The latency chart above shows hours" above the "no probes" placeholder)
    empty = pd.DataFrame(columns=["over objective", "judged"])
    assert weekly.latency_caption(empty, probes=False) == (
        "Latency per window of the objective: no probes in this period, so no window to list"
    )
    # near miss: with probes (none over, none listed) the caption still counts windows
    assert weekly.latency_caption(empty) == (
        "Latency per window of the objective (ms): 0 windows, 0 over the objective (listed first), 0 not "
        "judged (fewer probes than the objective's min_probes)"
    )
