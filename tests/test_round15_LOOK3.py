"""Round 15 (LOOK3): the report's texts and orders LOOK2 found and left (/tmp/findings/LOOK2.md).

- An availability row's detail gives the budget consumed in the error budget table's format
  (``16319% consumed``, ``243.2% consumed``), not ``16319.0% consumed``.
- A stale document's detail is words (``last reviewed 2025-10-10, stale when more than 14 days old``),
  not the front matter's identifiers (``last_reviewed 2025-10-10, max_age 14d``).
- ``Ticket events in the period`` keeps the period's tickets' undated events, ``(no time)``, after the
  dated ones in the order written (the notebook's filter dropped them).
- Every table and chart of kinds lists them in one order: deadline, first response, resolution,
  availability, latency, document expired, document stale (``Checks per kind and status`` sorted the
  identifiers: ``first response`` came after ``resolution``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from occ_lib import charts, sla, weekly
from occ_lib.formats import budget_percent
from occ_lib.workspace import Workspace
from tests.test_sla import T0, doc, logs, minute_probes, policy, probes, row, utc

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def test_the_budget_consumed_in_a_detail_has_the_budget_tables_format() -> None:
    pol = policy({"targets": {"*": {"availability": 99.5}, "web": {"availability": 99.9}}})
    # api: 30 bad of 200 (budget 1 probe: 3000 %); web: 3 bad of 1000 (budget 1: 300 %);
    # db: 2 bad of 1000 (budget 5: 40 %)
    df = probes(
        minute_probes("api", T0, 200, bad_minutes=range(30))
        + minute_probes("web", T0, 1000, bad_minutes=[5, 6, 7])
        + minute_probes("db", T0, 1000, bad_minutes=[1, 2])
    )
    out = sla.misses(None, df, pol, T0, T0 + pd.Timedelta(days=1))
    day = out[(out["kind"] == "availability") & (out["due_at"] == T0 + pd.Timedelta(days=1))]
    details = {s: row(day, subject=s)["detail"] for s in ("api", "web", "db")}
    assert details == {
        "api": "85.000% vs objective 99.5%: 30 bad of 200 probes (0 in maintenance); "
               "budget 1 probe, 3000% consumed",
        "web": "99.700% vs objective 99.9%: 3 bad of 1000 probes (0 in maintenance); "
               "budget 1 probe, 300.0% consumed",
        "db": "99.800% vs objective 99.5%: 2 bad of 1000 probes (0 in maintenance); "
              "budget 5 probes, 40.0% consumed",
    }
    # (the one format: the table's cell and the detail's number agree)
    assert [budget_percent(v) for v in (3000.0, 16319.018, 243.161)] == [3000, 16319, 243.2]
    assert weekly.budget_percent is budget_percent
    assert [sla._fmt_consumed(v) for v in (16319.018, 243.161, 125.0, float("inf"))] == [
        "16319% consumed", "243.2% consumed", "125.0% consumed", "all consumed (no error budget at 100%)",
    ]


def test_a_stale_documents_detail_says_it_in_words() -> None:
    lg = logs(docs=[doc("feedback/a.md", "feedback/a.md", "2025-09-20", "2025-10-10"),
                    doc("feedback/b.md", None, "2025-10-10", None)])
    out = sla.misses(lg, None, policy({"documents": {"max_age": "14d"}}), as_of=utc("2025-10-13"))
    assert out[["kind", "subject", "status", "detail"]].values.tolist() == [
        ["doc_expired", "feedback/a.md", "missed", "front matter expires 2025-10-10"],
        ["doc_stale", "feedback/a.md", "missed",
         "last reviewed 2025-09-20, stale when more than 14 days old"],
        ["doc_stale", "feedback/b.md", "open", "last reviewed 2025-10-10, stale when more than 14 days old"],
    ]
    one = sla.misses(lg, None, policy({"documents": {"max_age": "1d"}}), as_of=utc("2025-10-13"))
    hours = sla.misses(lg, None, policy({"documents": {"max_age": "36h"}}), as_of=utc("2025-10-13"))
    assert one["detail"].tolist()[1:] == [
        "last reviewed 2025-09-20, stale when more than 1 day old",
        "last reviewed 2025-10-10, stale when more than 1 day old",
    ]
    assert hours["detail"].tolist()[1:] == [
        "last reviewed 2025-09-20, stale when more than 36 hours old",
        "last reviewed 2025-10-10, stale when more than 36 hours old",
    ]


_LOG = """# Ops log

## 2025-10-07
- 09:00 OPS-1 opened, ETA 2025-10-09 17:00 UTC.
- OPS-2 waiting on vendor.

## 2025-10-08
- 10:00 OPS-1 escalated to the on-call lead.

## Notes
- OPS-1 blocked on the vendor's firmware.
- OPS-2 blocked on the vendor's firmware.
- OPS-9 blocked on legal review.

## 2025-09-29
- 09:00 OPS-9 opened.
"""


def test_the_periods_ticket_events_keep_the_undated_ones_last_in_the_order_written(tmp_path: Path) -> None:
    (tmp_path / "occ.yml").write_text("logs: [ops.md]\nsla:\n  tz: UTC\n")
    (tmp_path / "ops.md").write_text(_LOG)
    ws = Workspace.load(tmp_path / "occ.yml")
    per = weekly.period(ws, week="2025-W41")
    d = weekly.collect(ws, per)
    shown = weekly.in_period(d.timeline, "at", per.start, per.end, undated=True)
    table = weekly.show(weekly.timeline_table(shown, per.tz), tz=per.tz).df
    assert table[["ticket", "at", "kind", "where"]].values.tolist() == [
        ["OPS-2", "2025-10-07", "blocked", "ops.md:5"],  # (a day-precision event: its day, at its start)
        ["OPS-1", "2025-10-07 09:00", "deadline", "ops.md:4"],
        ["OPS-1", "2025-10-08 10:00", "escalation", "ops.md:8"],
        # (their section has no date: after the dated events, in the order written; OPS-9, whose
        # only dated event is in W40, is not a ticket of this period)
        ["OPS-1", "(no time)", "blocked", "ops.md:11"],
        ["OPS-2", "(no time)", "blocked", "ops.md:12"],
    ]
    # without undated, as before: the rows in [start, end) only
    assert len(weekly.in_period(d.timeline, "at", per.start, per.end)) == 3
    # the weekly report's table passes undated=True and says how its rows sort
    cells = json.loads((NOTEBOOKS / "weekly_report.ipynb").read_text())["cells"]
    src = ["".join(c["source"]) for c in cells if "Ticket events in the period" in "".join(c["source"])]
    assert len(src) == 1
    assert "weekly.in_period(d.timeline, 'at', per.start, per.end, undated=True)" in src[0]
    assert ("'Ticket events in the period (in time order, a date alone at the start of its day; '\n"
            "    'then the events with no date, in the order written)'") in src[0]


def _all_kinds() -> pd.DataFrame:
    kinds = ["doc_stale", "latency", "resolution", "response", "availability", "doc_expired", "deadline",
             "response"]
    return pd.DataFrame({
        "kind": kinds,
        "subject": ["a.md", "web", "OPS-1", "OPS-1", "web", "b.md", "OPS-2", "OPS-3"],
        "due_at": [utc("2025-10-08 10:00")] * len(kinds),
        "status": ["missed", "missed", "missed", "met", "missed", "missed", "open", "missed"],
        "overage_min": [60.0] * len(kinds),
        "team": ["ops"] * len(kinds),
    })


PROSE_ORDER = ["deadline", "first response", "resolution", "availability", "latency", "document expired",
               "document stale"]


def test_every_table_and_chart_of_kinds_lists_them_in_one_order() -> None:
    assert sla.KINDS == ("deadline", "response", "resolution", "availability", "latency", "doc_expired",
                         "doc_stale")
    m = _all_kinds()
    counts = weekly.misses_by_kind(m)
    assert counts.values.tolist() == [
        ["deadline", 0, 1, 0, 0],
        ["response", 1, 0, 1, 0],
        ["resolution", 1, 0, 0, 0],
        ["availability", 1, 0, 0, 0],
        ["latency", 1, 0, 0, 0],
        ["doc_expired", 1, 0, 0, 0],
        ["doc_stale", 1, 0, 0, 0],
    ]
    assert weekly.show(counts, "Checks per kind and status").df["kind"].tolist() == PROSE_ORDER
    # (a kind occ does not know comes after them, by name)
    assert weekly.kind_order(["zeta", "latency", "alpha", "response"]) == [
        "response", "latency", "alpha", "zeta",
    ]
    # the probe objectives' summary: availability, then latency
    summary = weekly.probe_misses_summary(m.assign(kind=m["kind"].replace({"doc_stale": "latency"})))
    assert summary[["kind", "target", "misses"]].values.tolist() == [
        ["availability", "web", 1], ["latency", "a.md", 1], ["latency", "web", 1],
    ]
    # the charts: the by-kind axis and the by-team stack's traces
    missed = [k for k in PROSE_ORDER if k != "deadline"]  # (the deadline is open)
    assert list(charts.misses_chart(m, by="kind").data[0].x) == missed
    assert [t.name for t in charts.misses_chart(m, by="team").data] == missed
    # the SLA frame (and so its tables and the CLI) in that order too
    pol = policy({"targets": {"*": {"availability": 99.5, "latency": [
        {"percentile": "p95", "threshold_ms": 500, "window": "1d", "min_probes": 1}]}}})
    df = probes(minute_probes("api", T0, 100, bad_minutes=range(10), slow_minutes=range(10, 100)))
    out = sla.misses(None, df, pol, T0, T0 + pd.Timedelta(days=1))
    assert out["kind"].drop_duplicates().tolist() == ["availability", "latency"]
