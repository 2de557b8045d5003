"""Round 8 (fV): the weekly report and its notebooks (occ_lib/weekly.py, export.py, report.py,
timeline.py, notebooks/).

- td71 F7: ``export.to_html`` converts the ``text/html`` that plotly's ``notebook`` and
  ``notebook_connected`` renderers write (real papermill runs) into occ's own chart HTML, drops their
  plotly.js loader, and refuses, naming the cell, any external script left (a markdown cell's).
- td71 F8: the banner says what a report has no data from (``no log files matched `nolog/*.md```,
  ``no probes in the store for this period``) and headline figures computed from no data are
  ``n/a``, not 0.
- td71 F9: the previous period's per-target figures are ``n/a (8 probes against 329)`` when it
  counted fewer than half of this period's probes (``weekly.PREVIOUS_MIN_SHARE``).
- td71 F13: ``occ report run --config`` passes the workspace as the notebook's ``config`` (absolute);
  the manifest and index carry the period and as_of the notebook computed.
- td70 F6: the hourly latency table lists the hours over the objective first, with a column saying
  so, and its caption says how many hours there are.
- td70 F9: tables show a figure with the decimals it was rounded to (availability 99.527, change
  -0.373), not pandas' display precision of 2.
- td70 F10: ``timeline.summary`` counts a page (level 1) as a follow-up and escalations from level 2.
- td70 F12: ``open_age`` without ``as_of`` is in whole seconds.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pandas as pd
import pytest

import occ_lib
from occ_lib import export, report, timeline, weekly
from occ_lib.errors import ReportError
from occ_lib.workspace import Workspace
from tests.evidence_rows import code_notebook

ROOT = Path(__file__).resolve().parent.parent
OCC = str(Path(sys.executable).parent / "occ")
H = pd.Timedelta(hours=1)


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


# td70 F10: the ladder's rungs ---------------------------------------------------------------------

NET_LOG = """# Network log

All times ET.

## 2026-11-16 Monday
- 11:00: NET-202 opened: packet loss on the Dallas edge.
- 11:45: paged the network on-call for NET-202.
- 14:00: NET-202 escalated to the network manager.
- 15:30: NET-202 escalated to the VP of infrastructure.
- 16:00: NET-202 resolved.
"""


def test_a_page_is_a_follow_up_and_escalations_start_at_the_manager(tmp_path: Path) -> None:
    (tmp_path / "net.md").write_text(NET_LOG)
    logs = occ_lib.read_logs(str(tmp_path / "net.md"))
    assert logs.events[["kind", "level"]].values.tolist() == [
        ["note", 0], ["escalation", 1], ["escalation", 2], ["escalation", 3], ["resolved", 0],
    ]
    row = timeline.summary(logs, "2026-11-17T00:00Z").iloc[0]
    assert [row["first_follow_up"], row["follow_ups"], row["first_escalation"], row["escalations"]] == [
        ts("2026-11-16 16:45"), 1, ts("2026-11-16 19:00"), 2,
    ]
    assert (row["max_level"], row["time_to_escalate"], row["time_to_resolve"]) == (3, 3 * H, 5 * H)


def test_levels_decide_and_a_table_without_levels_counts_by_kind() -> None:
    ev = pd.DataFrame({
        "source": ["x.md"] * 5,
        "line": [1, 2, 3, 4, 5],
        "at": [ts("2025-10-10 09:00"), ts("2025-10-10 10:00"), ts("2025-10-10 11:00"),
               ts("2025-10-10 12:00"), ts("2025-10-10 13:00")],
        "kind": ["note", "follow_up", "escalation", "escalation", "follow_up"],
        "level": [0, 0, 0, 1, 1],
        "tickets": [["Q-1"]] * 5,
    })
    # (level 0 of a hand-made table: follow_up is rung 1, escalation rung 2; a level given decides)
    assert timeline.rungs(ev).tolist() == [0, 1, 2, 1, 1]
    row = timeline.summary(ev, "2025-10-11T00:00Z").iloc[0]
    assert [row["first_follow_up"], row["follow_ups"], row["first_escalation"], row["escalations"]] == [
        ts("2025-10-10 10:00"), 3, ts("2025-10-10 11:00"), 1,
    ]
    assert row["time_to_escalate"] == 2 * H


def test_the_example_ticket_with_a_page_before_its_manager_escalation() -> None:
    logs = occ_lib.read_logs(str(ROOT / "examples" / "feedback" / "*.md"))
    s = timeline.summary(logs, "2025-10-13T04:00Z", tz="America/New_York").set_index("ticket")
    cols = ["first_follow_up", "follow_ups", "first_escalation", "escalations", "max_level",
            "time_to_escalate"]
    # the 07:23Z page of OCC-INF-221 is its first follow-up; the manager's re-escalation at 17:20Z its
    # first escalation (it was 07:23Z, 3 follow-ups, 2 escalations, 2213 min)
    assert s.loc["OCC-INF-221", cols].tolist() == [
        ts("2025-10-10 07:23"), 4, ts("2025-10-10 17:20"), 1, 2, pd.Timedelta(minutes=2810),
    ]
    # near miss: DEPLOY-147's follow-ups are level 1 and its escalation level 3: unchanged
    assert s.loc["DEPLOY-147", cols].tolist() == [
        ts("2025-10-10 07:23"), 3, ts("2025-10-10 23:30"), 1, 3, pd.Timedelta(minutes=4800),
    ]


# td70 F12: open_age in whole seconds ---------------------------------------------------------------


def test_open_age_without_as_of_is_whole_seconds_and_a_given_as_of_is_kept(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\n## 2025-10-06\n- 09:00 UTC: OPS-1 opened.\n")
    logs = occ_lib.read_logs(str(tmp_path / "a.md"))
    age = timeline.summary(logs).loc[0, "open_age"]
    assert age.microseconds == 0 and age.nanoseconds == 0 and age > pd.Timedelta(days=365)
    # near miss: an as_of given to the microsecond is judged as given
    age = timeline.summary(logs, "2025-10-07T09:00:00.250000Z").loc[0, "open_age"]
    assert age == pd.Timedelta(days=1, milliseconds=250)
    proc = subprocess.run(
        [OCC, "timeline", str(tmp_path / "a.md"), "--summary", "--format", "json"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    open_age = json.loads(proc.stdout)[0]["open_age"]
    assert open_age == int(open_age) and open_age > 365 * 86400


# td70 F9: decimals as rounded ------------------------------------------------------------------------


def test_tables_show_three_decimals_where_the_figure_has_them() -> None:
    head = weekly.headline(
        {"availability api (%)": 99.527, "p95 api (ms)": 289.3, "SLA misses": 3},
        {"availability api (%)": 99.9, "p95 api (ms)": 286.1, "SLA misses": 2},
    )
    table = weekly.show(head, "Headline figures")
    assert table.df.values.tolist() == [
        ["availability api (%)", "99.527", "99.9", "-0.373"],
        ["p95 api (ms)", "289.3", "286.1", "3.2"],
        ["SLA misses", 3, 2, 1],  # near miss: counts stay ints
    ]
    assert "<td>99.527</td>" in table._repr_html_() and "<td>-0.373</td>" in table._repr_html_()
    shown = weekly.show(pd.DataFrame({"x": [2880.0, 12.25, 94.6644, -0.0001, float("nan")]})).df
    assert shown["x"].tolist() == ["2880.0", "12.25", "94.664", "0.0", ""]


# td70 F6: breached hours first ------------------------------------------------------------------------


def _windows(over: set[tuple[str, int]]) -> pd.DataFrame:
    """Objective windows (:attr:`weekly.WeekData.objective_windows`) of two targets, four hours each;
    ``over`` holds the (target, hour) judged over the objective."""
    rows = []
    for target in ("api", "web"):
        for h in range(4):
            start = ts("2026-11-20 12:00") + h * H
            rows.append({"target": target, "objective": "p95 <= 300 ms per 1h (of 5+ probes)",
                         "window_start": start, "window_end": start + H, "n": 60, "p50": 200.0, "p90": 250.0,
                         "p95": 300.04 + h, "p99": 310.0, "percentile": "p95", "threshold_ms": 300.0,
                         "min_probes": 5, "judged": True, "over": (target, h) in over})
    return pd.DataFrame(rows)


def test_the_latency_table_lists_windows_over_the_objective_first() -> None:
    # (round 14 LAT: the table lists the objective's windows with the SLA's verdicts, not hours
    # marked from the misses; a table cut at 200 rows sorted by target hid the second target's)
    table = weekly.latency_table(_windows({("web", 1), ("web", 2)}))
    assert list(table.columns) == [
        "target", "start", "end", "probes", "p50", "p95", "p99", "threshold (ms)", "judged", "over objective",
    ]
    assert table[["target", "start", "p95", "over objective"]].values.tolist() == [
        ["web", ts("2026-11-20 13:00"), 301.0, "yes"],
        ["web", ts("2026-11-20 14:00"), 302.0, "yes"],
        ["api", ts("2026-11-20 12:00"), 300.0, "no"],
        ["api", ts("2026-11-20 13:00"), 301.0, "no"],
        ["api", ts("2026-11-20 14:00"), 302.0, "no"],
        ["api", ts("2026-11-20 15:00"), 303.0, "no"],
        ["web", ts("2026-11-20 12:00"), 300.0, "no"],
        ["web", ts("2026-11-20 15:00"), 303.0, "no"],
    ]
    assert weekly.latency_caption(table) == (
        "Latency per window of the objective (ms), p95 <= 300 ms per 1h (of 5+ probes): 8 windows, "
        "2 over the objective (listed first), 0 not judged (fewer probes than the objective's min_probes)"
    )
    # near miss: none over, the table keeps target order
    plain = weekly.latency_table(_windows(set()))
    assert plain["target"].tolist() == ["api"] * 4 + ["web"] * 4 and set(plain["over objective"]) == {"no"}


# td71 F8 and F9: no data, thin previous period -------------------------------------------------------


def test_key_figures_from_no_data_are_n_a() -> None:
    per = weekly.period(week="2025-W41", tz="UTC", as_of="2025-10-13T00:00:00Z")
    empty = pd.DataFrame(columns=["kind", "subject", "status", "due_at", "resolved_at"])
    base = {"misses": empty, "summary": pd.DataFrame(columns=["ticket", "status"]),
            "availability": pd.DataFrame(columns=["target", "ratio"]),
            "latency_total": pd.DataFrame(columns=["target", "p95"])}
    names = ["SLA misses", "missed deadlines and ticket targets",
             "probe objective misses (windows and alerts)", "open tickets past due", "stale documents"]

    def figs(has_logs: bool, has_probes: bool) -> list:
        d = SimpleNamespace(**base, has_logs=has_logs, has_probes=has_probes)
        return [weekly.key_figures(d, per)[n] for n in names]

    assert figs(False, False) == ["n/a"] * 5
    assert figs(False, True) == [0, "n/a", 0, "n/a", "n/a"]
    assert figs(True, False) == [0, 0, "n/a", 0, 0]
    assert figs(True, True) == [0, 0, 0, 0, 0]  # near miss: data that holds nothing missed is 0


def _workspace(base: Path, logs: str = "feedback/*.md") -> Workspace:
    ws = base / "ws"
    shutil.copytree(ROOT / "examples", ws, ignore=shutil.ignore_patterns("data", "reports"))
    cfg = (ws / "occ.yml").read_text()
    (ws / "occ.yml").write_text(cfg.replace("  - feedback/*.md\n", f"  - {logs}\n", 1))
    return weekly.workspace(ws / "occ.yml")  # (imports the evidence into its store)


@pytest.fixture(scope="module")
def example_ws(tmp_path_factory) -> Workspace:
    return _workspace(tmp_path_factory.mktemp("fV_example"))


def test_a_report_from_no_logs_and_no_probes_says_so(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, "nolog/*.md")
    shutil.rmtree(ws.store)
    per = weekly.period(ws, week="2025-W41")
    d = weekly.collect(ws, per)
    assert (d.has_logs, d.has_probes, d.unmatched_logs) == (False, False, ["nolog/*.md"])
    assert weekly.missing_data(d) == [
        "no log files matched `nolog/*.md`", "no probes in the store for this period",
    ]
    assert weekly.missing_data(d, probes=False) == ["no log files matched `nolog/*.md`"]
    assert weekly.banner(per, "R", d).data.endswith(
        '<p class="occ-missing"><b>Missing data:</b> no log files matched `nolog/*.md`; no probes in '
        "the store for this period. Figures computed from no data show n/a, not 0.</p>"
    )
    assert d.figures == {
        "SLA misses": "n/a",
        "missed deadlines and ticket targets": "n/a",
        "probe objective misses (windows and alerts)": "n/a",
        "open tickets past due": "n/a",
        "stale documents": "n/a",
    }


def test_a_week_without_probes_says_so_and_one_with_them_does_not(example_ws: Workspace) -> None:
    w42 = weekly.collect(example_ws, weekly.period(example_ws, week="2025-W42"))
    assert weekly.missing_data(w42) == ["no probes in the store for this period"]
    assert w42.figures["probe objective misses (windows and alerts)"] == "n/a"
    # (the logs were read; 2, not 3: INFRA-2743's cut-over and its ETA that day are one promise, round 10 F4)
    assert w42.figures["missed deadlines and ticket targets"] == 2
    per = weekly.period(example_ws, week="2025-W41")
    w41 = weekly.collect(example_ws, per)
    assert weekly.missing_data(w41) == []
    assert "Missing data" not in weekly.banner(per, "R", w41).data
    # (10 availability rows, 26 before round 16 LOOK5 merged the window pairs of an alert episode,
    # + 15 latency windows of 4h, 7-9 probes each: round 14 EX6H; the 1h windows
    # of 1-3 probes were not judged, min_probes 5, round 14 RPT2)
    assert w41.figures["probe objective misses (windows and alerts)"] == 25


def test_the_previous_week_of_a_few_evening_probes_is_not_compared(example_ws: Workspace) -> None:
    per = weekly.period(example_ws, week="2025-W41")
    d, prev = weekly.collect(example_ws, per), weekly.collect(example_ws, per.previous())
    figs = weekly.previous_figures(d, prev)
    head = weekly.headline(d.figures, figs).set_index("figure")
    assert head.loc["p95 staging-app-mock (ms)"].tolist() == [1028.3, "n/a (8 probes against 329)", None]
    assert head.loc["availability staging-app-live (%)"].tolist() == [
        18.405, "n/a (8 probes against 326)", None,
    ]
    assert head.loc["availability hotdash-staging.fly.dev/app?mock=1 (%)"].tolist() == [
        "100.0 (1 probe)", "n/a (no probes)", None,  # (one curl transcript: round 14 RPT3)
    ]
    # (52, 4, 48 before round 16 LOOK5: one row per burn-rate alert episode)
    assert head.loc["SLA misses"].tolist() == [36, 2, 34]  # near miss: the log and miss counts compare


def test_a_previous_period_with_half_the_probes_or_more_is_compared() -> None:
    def data(counted: int, ratio: float) -> SimpleNamespace:
        av = pd.DataFrame({"target": ["api"], "counted": [counted], "ratio": [ratio]})
        return SimpleNamespace(availability=av, figures={"availability api (%)": ratio})

    assert weekly.PREVIOUS_MIN_SHARE == 0.5
    assert weekly.previous_figures(data(100, 99.5), data(50, 99.9)) == {"availability api (%)": 99.9}
    assert weekly.previous_figures(data(100, 99.5), data(49, 99.9)) == {
        "availability api (%)": "n/a (49 probes against 100)", "p95 api (ms)": "n/a (49 probes against 100)",
    }


# td71 F7: plotly's HTML renderers ----------------------------------------------------------------------


def _renderer_notebook(path: Path, renderer: str) -> Path:
    return code_notebook(
        path, "record = None",
        "import plotly.graph_objects as go, plotly.io as pio\n"
        f"pio.renderers.default = {renderer!r}\n"
        "fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[4, 1, 2], name='probe'))\n"
        "fig.update_layout(title='latency')\n"
        "fig.show()",
        "import pandas as pd\npd.DataFrame({'url': ['https://cdn.plot.ly/x.js']})",
        "fig",
    )


@pytest.mark.slow
@pytest.mark.parametrize("renderer", ["notebook", "notebook_connected"])
def test_figures_of_plotlys_html_renderers_export_offline(tmp_path: Path, renderer: str) -> None:
    res = report.run_notebook(_renderer_notebook(tmp_path / "r.ipynb", renderer), {}, tmp_path / "out",
                              progress=False)
    assert (res.ok, res.error) == (True, None)
    executed = nbformat.read(str(res.ipynb_path), as_version=4)
    raw = json.dumps(executed)
    assert "cdnjs.cloudflare.com" in raw and "Plotly.newPlot(" in raw  # (what the renderer wrote)
    html = res.html_path.read_text()
    assert not re.search(r"""src=["']?(https?:)?//""", html)
    assert "cdnjs" not in html and "import \"https" not in html and "MathJax.Hub.Config" not in html
    assert html.count("Plotly.newPlot(") == 2 and html.count("* plotly.js v") == 1
    assert html.count('"y":[4,1,2]') == 2 and html.count('"text":"latency"') == 2
    # near miss: a table that shows a CDN address as text is text (escaped), not a script
    assert "https://<wbr>cdn.plot.ly/x.js" in html or "https://cdn.plot.ly/x.js</td>" in html


def test_an_external_script_left_in_a_cell_is_refused_naming_the_cell(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Title"),
        nbformat.v4.new_markdown_cell('<script src="https://cdn.example.invalid/w.js?key=abc123"></script>'),
    ]
    with pytest.raises(ReportError) as err:
        export.to_html(nb, tmp_path / "r.html")
    assert str(err.value) == (
        "cell #2 (markdown): external script or stylesheet https://cdn.example.invalid/w.js?key=***; "
        "a report must open offline (show figures with plotly's default plotly_mimetype renderer)"
    )
    code = nbformat.v4.new_code_cell("x", execution_count=7)
    code.outputs = [nbformat.v4.new_output(
        "display_data", data={"text/html": "<link rel=stylesheet href='//fonts.example.invalid/a.css'>"})]
    nb.cells = [code]
    refused = r"^cell 7: external script or stylesheet //fonts.example.invalid/a.css;"
    with pytest.raises(ReportError, match=refused):
        export.to_html(nb, tmp_path / "r.html")
    assert not (tmp_path / "r.html").exists()
    # near miss: a local script and a link to a page are no network loads
    code.outputs = [nbformat.v4.new_output(
        "display_data",
        data={"text/html": '<script src="local.js"></script><a href="https://example.invalid">x</a>'},
    )]
    assert export.to_html(nb, tmp_path / "r.html").exists()


# td71 F13: occ report run --config ----------------------------------------------------------------------


def test_report_run_config_option_usage_errors(tmp_path: Path) -> None:
    nb = ROOT / "notebooks" / "latency.ipynb"
    both = subprocess.run(
        [OCC, "report", "run", str(nb), "--config", "occ.yml", "-p", "config", "x.yml", "-q"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert both.returncode == 2 and "give --config or -p config, not both" in both.stderr
    gone = subprocess.run(
        [OCC, "report", "run", str(nb), "--config", "nope.yml", "-q"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert gone.returncode == 2 and "nope.yml: file not found" in gone.stderr
    assert not (tmp_path / "reports").exists()


@pytest.mark.slow
def test_report_run_takes_config_and_lists_the_period_the_notebook_computed(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(ROOT / "examples", ws, ignore=shutil.ignore_patterns("data", "reports"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = subprocess.run(
        [OCC, "report", "run", str(ROOT / "notebooks" / "latency.ipynb"), "--config", "../ws/occ.yml",
         "-p", "targets", '["staging-app-mock"]', "-p", "start", "2025-10-10", "-p", "end", "2025-10-11",
         "-q"],
        capture_output=True, text=True, timeout=600, cwd=elsewhere,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = elsewhere / "reports"
    assert proc.stdout.strip() == str(out / "latency" / "latency.html")
    manifest = json.loads((out / "latency" / "manifest.json").read_text())
    assert manifest["params"]["config"] == str((ws / "occ.yml").resolve())
    keys = ("label", "week", "start", "end", "start_local", "end_local", "tz", "as_of")
    assert {k: manifest[k] for k in keys} == {
        "label": "latency",
        "week": None,
        "start": "2025-10-10T04:00:00+00:00",
        "end": "2025-10-12T04:00:00+00:00",
        "start_local": "2025-10-10",
        "end_local": "2025-10-11",
        "tz": "America/New_York",
        "as_of": "2025-10-12T04:00:00+00:00",
    }
    index = (out / "index.html").read_text()
    assert (
        "<td>2025-10-10 to 2025-10-11<br><small>America/New_York, as of 2025-10-12 00:00 EDT</small></td>"
        in index
    )
