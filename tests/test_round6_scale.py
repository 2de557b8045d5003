"""Round 6 fixes for reports and imports at company scale.

- A report's escalation chart and ticket tables show the period: the tickets active in it (an event
  in it, or a deadline due in it), their events from its start to as_of, the last one before its
  start and their undated ones; a year of history no longer breaks the chart's point budget.
- Importing evidence keys each configured target's URL once per import, not once per row: the same
  target names each row as before (the first in config order when several share a URL key).
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

import occ_lib.evidence as evidence
from occ_lib import charts, weekly
from occ_lib.evidence import import_evidence, read_evidence
from occ_lib.targets import Target
from occ_lib.workspace import Workspace


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


# --------------------------------------------------------------------------- report: the period's tickets

_LOG = """# Payments ops log

## 2025-09-10

- 09:00 UTC: opened PAY-1 checkout errors
- 10:00 UTC: followed up on PAY-1 with the vendor
- 11:00 UTC: opened PAY-2 refunds stuck
- 12:00 UTC: PAY-3 resolved
- 13:00 UTC: PAY-5 ETA 2025-10-08 17:00 UTC from the bank

## 2025-10-05

- 23:00 UTC: PAY-2 still queued

## 2025-10-06

- 03:59 UTC: PAY-1 waiting on vendor
- PAY-4 reported by support
- 04:00 UTC: escalated PAY-1 to the payments manager

## 2025-10-08

- 15:00 UTC: PAY-2 resolved

## 2025-10-10

- 09:00 UTC: opened PAY-6 card declines
- 09:30 UTC: PAY-1 resolved

## Backlog

- PAY-1 vendor contract renewal
- PAY-3 archive the runbook
"""


def _workspace(tmp_path: Path, log: str) -> Workspace:
    (tmp_path / "occ.yml").write_text("logs: [log.md]\nsla:\n  tz: America/New_York\n")
    (tmp_path / "log.md").write_text(log)
    return Workspace.load(tmp_path / "occ.yml")


def test_the_period_shows_its_active_tickets_with_their_state_at_its_start(tmp_path: Path) -> None:
    # W41 in New York begins 2025-10-06 04:00 UTC; judged as of Thursday 00:00 UTC
    ws = _workspace(tmp_path, _LOG)
    per = weekly.period(ws, week="2025-W41", as_of="2025-10-09T00:00:00Z")
    d = weekly.collect(ws, per)
    rows = d.timeline[["ticket", "at", "kind", "line"]].astype(object).values.tolist()
    assert rows == [
        ["PAY-5", ts("2025-09-10 13:00"), "deadline", 9],  # (active: its ETA falls in the week)
        ["PAY-2", ts("2025-10-05 23:00"), "note", 13],  # (its last event before the week; KIND2: no plan)
        ["PAY-1", ts("2025-10-06 03:59"), "blocked", 17],  # (a minute before the start)
        ["PAY-4", ts("2025-10-06 04:00"), "note", 18],  # (date-only on the first day: its local midnight)
        ["PAY-1", ts("2025-10-06 04:00"), "escalation", 19],  # (at the start: in the week)
        ["PAY-2", ts("2025-10-08 15:00"), "resolved", 23],
        ["PAY-1", pd.NaT, "note", 32],  # (undated, of an active ticket; PAY-3's is not shown)
    ]
    # PAY-3 (September only) and PAY-6 (after as_of) are not in the week's tables; the figures of
    # the others still count from their first sighting in September
    assert d.summary[["ticket", "first_seen", "status", "follow_ups", "escalations"]].values.tolist() == [
        ["PAY-1", ts("2025-09-10 09:00"), "open", 1, 1],
        ["PAY-2", ts("2025-09-10 11:00"), "resolved", 0, 0],
        ["PAY-5", ts("2025-09-10 13:00"), "open", 0, 0],
        ["PAY-4", ts("2025-10-06 04:00"), "open", 0, 0],
    ]
    assert d.deadlines[["subject", "due_at", "status"]].values.tolist() == [
        ["PAY-5", ts("2025-10-08 17:00"), "missed"]
    ]
    assert d.figures["open tickets past due"] == 1
    fig = weekly.escalation_figure(d, per)
    assert {t.name: list(t.y) for t in fig.data} == {
        "escalation": ["PAY-1"], "blocked": ["PAY-1"], "resolved (log item)": ["PAY-2"],
        # (KIND2: 'PAY-2 still queued' is its state, a note, no plan)
        "deadline": ["PAY-5"], "note": ["PAY-2", "PAY-4"], "deadline missed": ["PAY-5"],
        "closed (final resolution)": ["PAY-2"],
    }
    assert list(fig.layout.yaxis.categoryarray) == ["PAY-5", "PAY-2", "PAY-1", "PAY-4"]


def test_a_deadline_due_before_the_period_is_not_the_periods(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, _LOG)
    d = weekly.collect(ws, weekly.period(ws, week="2025-W42"))
    assert d.deadlines.empty  # (PAY-5's ETA was W41's)
    # nothing happened in W42: an undated event places no ticket in it
    assert d.timeline.empty and d.summary.empty
    assert sorted(d.all_tickets["ticket"]) == ["PAY-1", "PAY-2", "PAY-3", "PAY-4", "PAY-5", "PAY-6"]
    # (round 14: PAY-5's ETA was W41's and PAY-5 is still open: past due in W42 too)
    assert d.figures["open tickets past due"] == 1


def test_a_year_of_ticket_history_does_not_break_the_weeks_chart(tmp_path: Path) -> None:
    # 90 lines in September naming 60 tickets each: 5,400 timeline rows before the week
    names = " ".join(f"PAY-{i}" for i in range(1, 61))
    lines = [[f"- {h:02d}:00 UTC: checked {names}\n" for h in range(6, 24)] for _day in range(1, 6)]
    days = [f"## 2025-09-{day:02d}\n\n" + "".join(day_lines) for day, day_lines in enumerate(lines, 1)]
    log = "# Ops\n\n" + "\n".join(days) + "\n## 2025-10-07\n\n- 10:00 UTC: escalated PAY-7 to the manager\n"
    ws = _workspace(tmp_path, log)
    per = weekly.period(ws, week="2025-W41")
    d = weekly.collect(ws, per)
    fig = weekly.escalation_figure(d, per)
    assert charts.points(fig) == 2
    # (wall-clock New York times: the escalation and PAY-7's last event before the week)
    assert {t.name: [pd.Timestamp(x) for x in t.x] for t in fig.data} == {
        "escalation": [pd.Timestamp("2025-10-07 06:00")], "note": [pd.Timestamp("2025-09-05 19:00")],
    }
    assert d.summary[["ticket", "first_seen", "escalations"]].values.tolist() == [
        ["PAY-7", ts("2025-09-01 06:00"), 1]
    ]
    assert len(d.all_tickets) == 60
    # the whole history in one chart (5,401 markers) shows the most escalated tickets that fit the
    # budget, and says so: PAY-7 (escalated, 91 markers) then 54 of the others (90 each, in the order
    # they first appear)
    from occ_lib import timeline

    fig = charts.escalation_chart(timeline.escalations(ws.logs, tz=per.tz), title="all")
    assert charts.points(fig) == 91 + 54 * 90
    assert fig.layout.title.text == "all: the 55 most escalated of 60 tickets"
    # (tickets first seen on one line are in name order, 'PAY-1', 'PAY-10', ...; rows keep that order)
    named = sorted(f"PAY-{i}" for i in range(1, 61))
    shown = {"PAY-7", *[t for t in named if t != "PAY-7"][:54]}
    assert list(fig.layout.yaxis.categoryarray) == [t for t in named if t in shown]

# --------------------------------------------------------------------------- import: target matching


def _checks(tmp_path: Path, urls: list[str], name: str | None = None, status: int = 200) -> Path:
    items = [{"url": u, "statusCode": status, "checkedAt": f"2025-10-07T10:{i:02d}:00Z"}
             | ({"check": name} if name else {}) for i, u in enumerate(urls)]
    path = tmp_path / "synthetic-check-2025-10-07.json"
    path.write_text(json.dumps({"results": items}))
    return path


def _names(path: Path, targets: list) -> list[str]:
    df, problems = read_evidence([path], targets=targets)
    assert problems == []
    return list(df.sort_values("started_at")["target"])


def test_targets_sharing_a_url_key_the_first_in_config_order_names_the_row(tmp_path: Path) -> None:
    # default port, upper-case scheme and host, and a secret query value redacted alike: one key
    path = _checks(tmp_path, ["https://shop.invalid/api", "http://pay.invalid/q?token=zzz"])
    a = Target(name="a", url="https://shop.invalid:443/api")
    b = Target(name="b", url="HTTPS://SHOP.invalid/api")
    c = Target(name="c", url="http://pay.invalid:80/q?token=one")
    d = Target(name="d", url="http://pay.invalid/q?token=two")
    assert _names(path, [a, b, c, d]) == ["a", "c"]
    assert _names(path, [b, a, d, c]) == ["b", "d"]


def test_a_url_match_comes_before_a_name_match_and_a_name_match_applies_the_target(tmp_path: Path) -> None:
    by_url = Target(name="by-url", url="https://shop.invalid/api", expect="200")
    by_name = Target(name="shop-api", url="https://other.invalid/", expect="500")
    path = _checks(tmp_path, ["https://shop.invalid/api", "https://unknown.invalid/x"], name="shop-api",
                   status=500)
    df, _ = read_evidence([path], targets=[by_name, by_url])
    df = df.sort_values("started_at")
    assert list(df["target"]) == ["by-url", "shop-api"]
    assert list(df["outcome"]) == ["down", "up"]  # (each judged by its own target's expect)
    none, _ = read_evidence([path], targets=[])
    none = none.sort_values("started_at")
    assert list(none["target"]) == ["shop-api", "shop-api"]
    assert list(none["outcome"]) == ["down", "down"]


def test_unparseable_urls_match_as_before(tmp_path: Path) -> None:
    # (duck-typed targets are not validated: two URLs whose port does not parse share the key None,
    # as they did when each row compared every target's key)
    bad = SimpleNamespace(name="bad-port", url="http://x.invalid:99999/", expect="2xx", tags={},
                          degraded_ms=None, expects=lambda s: 200 <= s <= 299)
    good = Target(name="good", url="https://shop.invalid/api")
    path = _checks(tmp_path, ["https://shop.invalid:70000/api", "https://shop.invalid/api"])
    assert _names(path, [good, bad]) == ["bad-port", "good"]


def test_each_target_url_is_redacted_once_per_import_not_once_per_row(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = evidence.redact_url

    def counting(url: str) -> str:
        calls.append(url)
        return real(url)

    monkeypatch.setattr(evidence, "redact_url", counting)
    rows = 50
    path = _checks(tmp_path, [f"https://shop.invalid/api?n={i % 3}" for i in range(rows)])
    targets = [Target(name=f"t{i}", url=f"https://shop.invalid/api?n={i}") for i in range(6)]
    df, _ = read_evidence([path], targets=targets)
    assert sorted(df["target"].value_counts().items()) == [("t0", 17), ("t1", 17), ("t2", 16)]
    # one per row (the row's own URL) plus one per target, where it was rows x targets more
    assert len(calls) == rows + len(targets)
    store = tmp_path / "store"
    calls.clear()
    assert import_evidence(store, [path], targets=targets).imported_rows == rows
    assert len(calls) == rows + len(targets)
    calls.clear()
    assert import_evidence(store, [path], targets=targets).imported_rows == 0
    assert len(calls) == rows + len(targets)


def test_a_chart_of_more_tickets_than_rows_shows_the_most_escalated():
    # 100 tickets, one event each a minute apart; T-50 reached level 3, T-60 level 2, T-70 missed a
    # deadline: those three first, then the latest active, up to 80 rows (T-21 to T-100)
    from occ_lib import timeline

    n = 100
    ev = pd.DataFrame({
        "source": ["a.md"] * n, "line": list(range(1, n + 1)), "section": ["s"] * n,
        "at": [pd.Timestamp("2025-10-06T00:00:00Z") + pd.Timedelta(minutes=i) for i in range(1, n + 1)],
        "at_precision": ["minute"] * n,
        "kind": ["escalation" if i in (50, 60) else "note" for i in range(1, n + 1)],
        "level": [3 if i == 50 else 2 if i == 60 else 0 for i in range(1, n + 1)],
        "tickets": [[f"T-{i}"] for i in range(1, n + 1)],
        "text": ["x"] * n,
    })
    ev["at"] = ev["at"].astype("datetime64[us, UTC]")
    missed = pd.DataFrame({"ticket": ["T-70", "T-5"], "due_at": [pd.Timestamp("2025-10-07T00:00:00Z")] * 2,
                           "status": ["missed", "met"], "text": ["ETA", "ETA"]})
    fig = charts.escalation_chart(timeline.escalations(ev), missed)
    assert fig.layout.title.text == "Escalation timelines: the 80 most escalated of 100 tickets"
    assert list(fig.layout.yaxis.categoryarray) == [f"T-{i}" for i in range(21, n + 1)]
    assert {t.name: len(t.x) for t in fig.data} == {"escalation": 2, "note": 78, "deadline missed": 1}
    # 80 tickets or fewer, within the budget: all of them, under the title as given
    few = charts.escalation_chart(timeline.escalations(ev.iloc[:80]), title="W41")
    assert (fig.layout.height, few.layout.title.text, len(few.layout.yaxis.categoryarray)) == (
        160 + 40 * 80, "W41", 80)
