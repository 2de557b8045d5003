"""Charts built from the bundled example workspace (examples/occ.yml): the expected traces, in budget."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from occ_lib import aggregate, charts, evidence, sla, timeline
from occ_lib.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
START, END, AS_OF = "2025-10-06T04:00:00Z", "2025-10-13T04:00:00Z", "2025-10-13T00:00:00Z"
NY = "America/New_York"


@pytest.fixture(scope="module")
def ws() -> Workspace:
    return Workspace.load(ROOT / "examples" / "occ.yml")


@pytest.fixture(scope="module")
def probes(ws) -> str | pd.DataFrame:
    """The workspace's probes: its Parquet store (aggregated in DuckDB) when it holds any, else the
    rows of its evidence files (what ``occ import`` would store)."""
    store = Path(ws.store) / "probes"
    if store.is_dir() and any(store.rglob("*.parquet")):
        return str(ws.store)
    df, problems = evidence.read_evidence([str(p) for p in ws.evidence_paths()])
    assert len(problems) == 0
    return df


def test_escalation_chart_of_the_example_week(ws):
    tl = timeline.escalations(ws.logs)
    misses = sla.misses(ws.logs, None, ws.policy, START, END, AS_OF)
    summ = timeline.summary(ws.logs, AS_OF)
    res = summ[["ticket", "resolved_at"]].dropna()
    fig = charts.escalation_chart(tl, misses, res, tz=NY)
    kinds = [k for k in charts.KIND_ORDER if k in set(tl.loc[tl["at"].notna(), "kind"])]
    names = [t.name for t in fig.data]
    deadline_names = [n for n in names if n.startswith("deadline ")]
    assert names[: len(kinds)] == [charts.KIND_NAMES.get(k) or k.replace("_", " ") for k in kinds]
    assert "escalation" in names and "follow up" in names
    assert set(deadline_names) <= {"deadline met", "deadline missed", "deadline open"}
    assert len(names) == len(kinds) + len(deadline_names) + (1 if len(res) else 0)
    by = {t.name: t for t in fig.data}
    # the sample's OCC-INF-221 ETA of 2025-10-10 17:00 UTC, missed, drawn at 13:00 New York time
    missed = list(zip(by["deadline missed"].y, by["deadline missed"].x, strict=True))
    assert ("OCC-INF-221", pd.Timestamp("2025-10-10 13:00")) in missed
    assert "(no ticket)" not in set(by["deadline missed"].y)
    # the 17:20 UTC re-escalation, level 2, at 13:20 New York time
    esc = list(
        zip(by["escalation"].y, by["escalation"].x, (c[0] for c in by["escalation"].customdata), strict=True)
    )
    assert ("OCC-INF-221", pd.Timestamp("2025-10-10 13:20"), 2) in esc
    assert {"OCC-INF-221", "DEPLOY-147", "HS-44721"} <= set(fig.layout.yaxis.categoryarray)
    assert fig.layout.xaxis.title.text == "Time (America/New_York)"
    assert charts.points(fig) <= charts.POINT_BUDGET
    assert charts.points(fig) == int(tl["at"].notna().sum()) + sum(
        len(by[n].x) for n in deadline_names
    ) + len(res)


def test_probe_charts_of_the_example_week(ws, probes):
    pol = ws.policy
    maint = pol.maintenance_windows(START, END)
    lw = aggregate.latency_windows(probes, "1h", start=START, end=END, exclude=maint)
    counts = aggregate.outcome_counts(probes, "1h", START, END, None, maint)
    targets = sorted(lw["target"].unique())
    assert {"staging-app-mock", "staging-app-live"} <= set(targets)

    lat = charts.latency_chart(lw, 800, None, maint, tz=NY)
    assert [t.name for t in lat.data] == [f"{t} {p}" for t in targets for p in ("p50", "p95", "p99")] + [
        "threshold 800 ms"
    ]
    assert charts.points(lat) == 3 * len(lw) + 2 <= charts.POINT_BUDGET
    # the weekly patching window (Sunday 02:00-04:00 New York) is marked once, labelled
    assert [(a.text, a.hovertext) for a in lat.layout.annotations] == [("maintenance", maint.loc[0, "name"])]
    assert (lat.layout.shapes[0].x0, lat.layout.shapes[0].x1) == (
        pd.Timestamp("2025-10-12 02:00"),
        pd.Timestamp("2025-10-12 04:00"),
    )

    out = charts.outcomes_chart(counts, tz=NY)
    assert [t.name for t in out.data] == ["up", "degraded", "down"]
    assert sum(sum(t.y) for t in out.data) == int(counts["total"].sum())
    assert charts.points(out) <= charts.POINT_BUDGET

    av = charts.availability_chart(counts, pol.target("*").availability, tz=NY)
    count_targets = sorted(counts["target"].unique())
    assert [t.name for t in av.data] == [*count_targets, "objective 99.5 %"]
    assert charts.points(av) <= charts.POINT_BUDGET

    budget = charts.budget_series(counts, pol.target("*").availability)
    burn = charts.burndown_chart(budget, tz=NY)
    assert [t.name for t in burn.data] == [*count_targets, "budget spent (0 %)"]
    assert charts.points(burn) == len(counts) + 2


def test_charts_from_the_parquet_store_match_charts_from_rows(ws, tmp_path):
    """The same probes written to a real store and aggregated there by DuckDB give the same figures."""
    from occ_lib.store import write_probes

    rows, problems = evidence.read_evidence([str(p) for p in ws.evidence_paths()])
    assert len(problems) == 0
    write_probes(tmp_path, rows)
    in_range = rows[(rows["started_at"] >= pd.Timestamp(START)) & (rows["started_at"] < pd.Timestamp(END))]
    figs = []
    for source in (rows, str(tmp_path)):
        lw = aggregate.latency_windows(source, "1h", start=START, end=END)
        counts = aggregate.outcome_counts(source, "1h", START, END)
        figs.append((charts.latency_chart(lw, 800, tz=NY), charts.outcomes_chart(counts, tz=NY)))
    (lat_rows, out_rows), (lat_store, out_store) = figs
    assert sum(sum(t.y) for t in out_store.data) == len(in_range)
    assert [t.name for t in lat_store.data] == [t.name for t in lat_rows.data]
    for a, b in zip(lat_rows.data, lat_store.data, strict=True):
        assert list(a.x) == list(b.x) and list(a.y) == pytest.approx(list(b.y))
    for a, b in zip(out_rows.data, out_store.data, strict=True):
        assert list(a.x) == list(b.x) and list(a.y) == list(b.y)
