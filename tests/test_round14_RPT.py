"""Round 14 (RPT): the weekly report read as its audience reads it.

- The headline's ``open tickets past due`` counts the tickets open at as_of with a deadline or
  ticket target missed before it, whether it fell due in the report's week or an earlier one (it
  counted only the week's own SLA rows), and the headline table says so under it and as a tooltip;
  :func:`weekly.past_due_table` lists the rows behind it.
- A readiness table published once says why its changes table is empty; a cell's leading date and
  time never wraps at its hyphens; the escalation chart marks as_of (a deadline right of it is ahead).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from occ_lib import charts, weekly
from occ_lib.workspace import Workspace

_POLICY = """logs: [ops.md]
sla:
  tz: America/New_York
  tickets:
    OPS: {first_response: 2h, resolution: 1d}
"""

# W41 in New York: 2025-10-06 04:00Z to 2025-10-13 04:00Z; W40 the week before
_LOG = """---
tz: America/New_York
---
# Ops status log

## 2025-10-01 (Wed)
- 09:00 OPS-1 opened: disk alerts on batch-02.
- 09:30 OPS-1 acknowledged by on-call.
- ETA for OPS-2 fix: 2025-10-02 17:00 ET.
- 10:00 OPS-2 opened: queue lag.
- 10:15 OPS-2 acknowledged by on-call.

## 2025-10-08 (Wed)
- 10:00 OPS-2 resolved.
- 11:00 OPS-3 opened: cron skipped.
- 11:30 OPS-3 acknowledged by on-call.
- ETA for OPS-3 fix: 2025-10-15 12:00 ET.

## 2025-10-12 (Sun)
- 22:00 OPS-4 opened: cert expiring.
"""


def _week(tmp_path: Path, week: str) -> weekly.WeekData:
    (tmp_path / "occ.yml").write_text(_POLICY)
    (tmp_path / "ops.md").write_text(_LOG)
    ws = Workspace.load(tmp_path / "occ.yml")
    return weekly.collect(ws, weekly.period(ws, week=week))


def _rows(df: pd.DataFrame) -> list[list[object]]:
    part = df[["kind", "subject", "status", "due_at", "resolved_at"]].astype(object)
    return part.where(part.notna(), None).values.tolist()


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def test_a_ticket_past_due_since_the_week_before_and_still_open_is_counted(tmp_path: Path) -> None:
    d = _week(tmp_path, "2025-W41")
    # OPS-1: resolution due Oct 2 09:00 ET (W40), still open at W41's end: past due. OPS-2: its ETA
    # and resolution fell due in W40, resolved Oct 8 (in W41, late): owes nothing. OPS-3: due Oct 9
    # 11:00 ET (resolution, missed in W41) would count; its ETA of Oct 15 is not yet due.
    assert _rows(d.owed.sort_values(["subject", "kind", "due_at"])) == [
        ["resolution", "OPS-1", "missed", ts("2025-10-02 13:00"), None],
        ["response", "OPS-1", "met", ts("2025-10-01 15:00"), ts("2025-10-01 13:30")],
        ["deadline", "OPS-2", "missed", ts("2025-10-02 21:00"), ts("2025-10-08 14:00")],
        ["resolution", "OPS-2", "missed", ts("2025-10-02 14:00"), ts("2025-10-08 14:00")],
        ["response", "OPS-2", "met", ts("2025-10-01 16:00"), ts("2025-10-01 14:15")],
        ["deadline", "OPS-3", "open", ts("2025-10-15 16:00"), None],
        ["resolution", "OPS-3", "missed", ts("2025-10-09 15:00"), None],
        ["response", "OPS-3", "met", ts("2025-10-08 17:00"), ts("2025-10-08 15:30")],
        ["resolution", "OPS-4", "open", ts("2025-10-14 02:00"), None],
        ["response", "OPS-4", "open", ts("2025-10-13 04:00"), None],
    ]
    # the week's own SLA table holds only OPS-3's rows (and OPS-1's was missing from the figure)
    assert sorted(set(d.misses["subject"])) == ["OPS-3", "OPS-4"]
    assert d.figures["open tickets past due"] == 2  # OPS-1 (since W40) and OPS-3


def test_near_miss_a_ticket_resolved_late_or_not_yet_due_is_not_past_due(tmp_path: Path) -> None:
    d = _week(tmp_path, "2025-W41")
    opened = d.all_tickets.loc[d.all_tickets["status"].eq("open"), "ticket"]
    assert opened.tolist() == ["OPS-1", "OPS-3", "OPS-4"]
    # not OPS-2 (resolved in the week, after its targets); not OPS-4, whose first response is due
    # exactly at as_of (Mon 00:00 ET: a response then would be on time) and its fix on Mon 22:00 ET
    assert weekly.past_due_table(d).drop(columns="detail").values.tolist() == [
        ["resolution", "OPS-1", "missed", ts("2025-10-02 13:00"), pd.NaT, "10d 15h", "ops.md:7"],
        ["resolution", "OPS-3", "missed", ts("2025-10-09 15:00"), pd.NaT, "3d 13h", "ops.md:15"],
    ]
    assert _rows(d.owed[d.owed["subject"].eq("OPS-4")]) == [
        ["response", "OPS-4", "open", ts("2025-10-13 04:00"), None],
        ["resolution", "OPS-4", "open", ts("2025-10-14 02:00"), None],
    ]
    # W40's end (Oct 6 04:00Z): OPS-1 and OPS-2 (resolved only on Oct 8) past due; OPS-3 unseen
    w40 = _week(tmp_path, "2025-W40")
    assert sorted(set(weekly.past_due_table(w40)["subject"])) == ["OPS-1", "OPS-2"]
    assert w40.figures["open tickets past due"] == 2


def test_the_headline_says_what_open_tickets_past_due_counts(tmp_path: Path) -> None:
    d = _week(tmp_path, "2025-W41")
    head = weekly.headline({"SLA misses": 3, "open tickets past due": 2}, {"SLA misses": 1})
    note = (
        "tickets still open at the as-of time with a deadline, ETA or ticket target due before it "
        "and not met, whether it fell due in this period or an earlier one"
    )
    # (round 15: the SLA misses total says what it adds up, first)
    assert head.attrs["notes"] == {
        "SLA misses": weekly.FIGURE_NOTES["SLA misses"], "open tickets past due": note,
    }
    table = weekly.show(head, "Headline figures")
    assert f'<td title="{note}">open tickets past due*</td>' in table._repr_html_()
    assert table._repr_html_().endswith(
        f'<p class="occ-note">* <b>open tickets past due</b>: {note}.</p></div>'
    )
    assert repr(table).splitlines()[-1] == f"* open tickets past due: {note}."
    assert d.figures["open tickets past due"] == 2


def test_a_cells_leading_date_and_time_never_wrap_at_its_hyphens() -> None:
    due = ["2025-10-08 13:00", "2025-10-10 (end of day)", "2025-11-02 01:50 EST", "12/a"]
    df = pd.DataFrame({"due": due})
    cells = [line.strip() for line in weekly.Table(df)._repr_html_().splitlines() if "<td>" in line]
    span = '<span class="occ-when" style="white-space: nowrap">'
    assert cells == [
        f"<td>{span}2025-10-08 13:00</span></td>",
        f"<td>{span}2025-10-10</span> (end of day)</td>",
        f"<td>{span}2025-11-02 01:50 EST</span></td>",
        "<td>12/<wbr>a</td>",  # (a digit without a date: as before)
    ]


def test_the_escalation_chart_marks_as_of_so_later_deadlines_read_as_ahead(tmp_path: Path) -> None:
    d = _week(tmp_path, "2025-W41")
    fig = weekly.escalation_figure(d, d.per)
    # (OPS-3's open ETA of Oct 15 12:00 ET is right of the line: not yet due at the report's as_of)
    assert [(s.type, s.x0, s.x1, s.yref, s.line.dash) for s in fig.layout.shapes] == [
        ("line", pd.Timestamp("2025-10-13 00:00"), pd.Timestamp("2025-10-13 00:00"), "paper", "dot"),
    ]
    assert [a.text for a in fig.layout.annotations] == ["as of 2025-10-13 00:00"]
    assert [list(t.x) for t in fig.data if t.name == "deadline open"] == [[pd.Timestamp("2025-10-15 12:00")]]
    # near miss: an empty chart says so and draws no line
    empty = charts.escalation_chart(d.timeline.iloc[0:0], as_of=d.per.as_of)
    assert [a.text for a in empty.layout.annotations] == ["No data in this period"]
    assert not empty.layout.shapes
