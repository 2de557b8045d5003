"""Round 15 (LOOK): the weekly report read as its readers read it.

- A superseded or moved deadline's detail names the moving item by its file's name and line, as the
  ``where`` column does: the workspace's absolute path (``/home/.../exp_c_deploy_de.md:36``) showed
  in every report's detail column.
- The accounting rule of ticket targets leaves out a target the policy does not set
  (``QA: resolution 3d``, not ``QA: first response -, resolution 3d``).
- Report tables show a flag as ``yes``/``no``: the data-quality table's ``bom`` column said ``False``.
- A readiness table of an undated section is captioned ``as published in an undated section``
  (it said ``as published undated``).
- A threshold or objective line several targets share is one line with one legend entry
  (``threshold 800 ms``), not one black dashed line per target on the same y.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from occ_lib import charts, weekly
from occ_lib.logs import parse_logs
from occ_lib.policy import Policy, TicketTarget
from occ_lib.sla import accounting_rules, misses

HEAD = "# Ops log\n\n## 2025-10-08\n\n"


def _utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def test_a_moved_deadline_names_the_moving_item_by_file_name_not_absolute_path(tmp_path: Path) -> None:
    path = tmp_path / "team" / "ops.md"
    logs = parse_logs([(str(path), HEAD + "- 09:00 UTC OPS-12 vendor fix, ETA 14:00 UTC.\n"
                        "- 13:10 UTC OPS-12 ETA moved to 18:00 UTC.\n"
                        "- 17:30 UTC OPS-12 fixed and verified.\n")])
    out = misses(logs, None, Policy(), start="2025-10-06", end="2025-10-12", as_of="2025-10-12T00:00Z")
    out = out[out["kind"].eq("deadline")]
    assert out["detail"].tolist() == [
        "due 2025-10-08 14:00 UTC; superseded by its ticket's later promise: moved by ops.md:6 at "
        "2025-10-08 13:10 UTC; 'ETA' in \"09:00 UTC OPS-12 vendor fix, ETA 14:00 UTC.\"",
        "due 2025-10-08 18:00 UTC; resolved 2025-10-08 17:30 UTC, by the due time; 'ETA' in "
        "\"13:10 UTC OPS-12 ETA moved to 18:00 UTC.\"",
    ]
    # (the mentions keep the source as read: occ sla's csv/json name the file whole)
    assert [list(m) for m in out["mentions"]] == [[f"{path}:5"], [f"{path}:6"]]


def test_ticket_target_rule_leaves_out_the_targets_the_policy_does_not_set() -> None:
    policy = Policy(tickets={
        "QA": TicketTarget(resolution=dt.timedelta(days=3)),
        "SRE": TicketTarget(first_response=dt.timedelta(minutes=15), resolution=dt.timedelta(days=1)),
        "OPS": TicketTarget(first_response=dt.timedelta(hours=2)),
    })
    rule = next(r for r in accounting_rules(policy) if r.startswith("Ticket targets"))
    assert rule.split(". The clock")[0] == (
        "Ticket targets (by exact ticket, else the longest matching prefix): QA: resolution 3d; "
        "SRE: first response 15m, resolution 1d; OPS: first response 2h"
    )


def test_a_flag_column_shows_yes_and_no() -> None:
    df = pd.DataFrame({"source": ["a.md", "b.md"], "bom": [False, True], "lines": [3, 4]})
    table = weekly.Table(df, "Files read")
    assert repr(table) == "Files read\nsource bom lines\n  a.md  no     3\n  b.md yes     4"
    assert "<td>no</td>" in table._repr_html_() and "False" not in table._repr_html_()
    numpy_flags = weekly.Table(pd.DataFrame({"judged": pd.array([True, False], dtype="bool")}))
    assert numpy_flags.df["judged"].tolist() == ["yes", "no"]


def test_a_readiness_table_of_an_undated_section_says_so(monkeypatch) -> None:
    shown: list = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    frame = pd.DataFrame({"Change": ["CHG-1"], "Status": ["done"]})
    version = weekly.TableVersion("k", "/ws/feedback/deploy.md", 7, "Changes", None, frame)
    dated = weekly.TableVersion("k", "/ws/x.md", 3, "2025-10-08", _utc("2025-10-08 04:00"), frame, day=True)
    tables = {"deploy.md: Change | Status": [version], "x.md: Change | Status": [dated]}
    d = type("D", (), {"tables": tables})()
    per = type("P", (), {"tz": "America/New_York"})()
    weekly.show_tables(d, per)
    assert [t.caption for t in shown[::2]] == [
        "deploy.md: Change | Status (as published in an undated section, deploy.md:7; 1 version)",
        "x.md: Change | Status (as published 2025-10-08, x.md:3; 1 version)",
    ]


def _windows() -> pd.DataFrame:
    starts = [_utc("2025-10-10 00:00"), _utc("2025-10-10 01:00")]
    return pd.DataFrame({
        "target": ["api", "api", "web", "web"], "window_start": starts * 2, "n": [4] * 4,
        "p50": [100.0, 110.0, 200.0, 210.0], "p95": [150.0, 160.0, 250.0, 260.0],
        "p99": [170.0, 180.0, 270.0, 280.0],
    })


def test_a_threshold_all_targets_share_is_one_line() -> None:
    fig = charts.latency_chart(_windows(), {"api": 800, "web": 800}, tz="UTC", percentiles=("p95",))
    assert [t.name for t in fig.data] == ["api p95", "web p95", "threshold 800 ms"]
    assert [list(t.y) for t in fig.data[2:]] == [[800.0, 800.0]]


def test_thresholds_that_differ_name_their_targets_and_shared_ones_list_them() -> None:
    w = pd.concat([_windows(), _windows().query("target == 'api'").assign(target="db")])
    fig = charts.latency_chart(w, {"api": 800, "db": 500, "web": 800}, tz="UTC", percentiles=("p95",))
    assert [t.name for t in fig.data] == [
        "api p95", "db p95", "web p95", "threshold 800 ms (api, web)", "threshold 500 ms (db)",
    ]


def test_an_availability_objective_all_targets_share_is_one_line() -> None:
    counts = pd.DataFrame({
        "target": ["api", "web"], "window_start": [_utc("2025-10-10 00:00")] * 2,
        "up": [4, 3], "degraded": [0, 0], "down": [0, 1], "total": [4, 4],
    })
    fig = charts.availability_chart(counts, {"api": 0.995, "web": 0.995}, tz="UTC")
    assert [t.name for t in fig.data] == ["api", "web", "objective 99.5 %"]
    one = charts.availability_chart(counts, {"api": 0.995, "web": 0.99}, tz="UTC")
    assert [t.name for t in one.data] == ["api", "web", "objective 99.5 % (api)", "objective 99 % (web)"]


def test_a_figure_named_by_a_url_keeps_the_star_of_its_note() -> None:
    name = "availability hotdash-staging.fly.dev/app?mock=1 (%)"
    df = pd.DataFrame({"figure": ["SLA misses", name], "this period": [3, "100.0 (1 probe)"]})
    df.attrs["notes"] = {name: "from fewer than 5 probes"}
    body = weekly.Table(df, "Headline figures")._repr_html_()
    assert (
        '<td title="from fewer than 5 probes">availability hotdash-staging.fly.dev/<wbr>app?mock=1 (%)*</td>'
    ) in body
    assert body.endswith(
        '<p class="occ-note">* <b>availability hotdash-staging.fly.dev/app?mock=1 (%)</b>: '
        "from fewer than 5 probes.</p></div>"
    )


def test_the_headline_says_what_the_sla_misses_total_adds_up() -> None:
    head = weekly.headline({"SLA misses": 52, "missed deadlines and ticket targets": 10}, {"SLA misses": 4})
    note = (
        # (round 16 LOOK5: it says it counts checks, as stale documents counts documents)
        "every missed row of the SLA tables below, one per check: missed deadlines and ticket targets, "
        "probe objective misses and missed document checks (expired or stale; a document with both "
        "missed is 2 here and 1 in stale documents, which counts documents)"
    )
    assert head.attrs["notes"] == {"SLA misses": note}
    assert repr(weekly.Table(head)).splitlines()[-1] == f"* SLA misses: {note}."
    assert f'<td title="{note}">SLA misses*</td>' in weekly.Table(head)._repr_html_()
