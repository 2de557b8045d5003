"""occ_lib.weekly: the pure pieces of the weekly report, on constructed tables with exact values."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pandas as pd
import pytest

from occ_lib import weekly


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def _logs(events=None, tables=None, sections=None, docs=None, problems=None):
    return SimpleNamespace(
        events=events if events is not None else pd.DataFrame(),
        tables=tables if tables is not None else pd.DataFrame(),
        sections=sections if sections is not None else pd.DataFrame(),
        docs=docs if docs is not None else pd.DataFrame(),
        problems=problems if problems is not None else pd.DataFrame(),
    )


# period -------------------------------------------------------------------------------------------


def test_period_week_in_new_york():
    p = weekly.period(week="2025-W41", tz="America/New_York", now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert (p.label, p.week, p.tz) == ("2025-W41", "2025-W41", "America/New_York")
    assert p.start == ts("2025-10-06 04:00") and p.end == ts("2025-10-13 04:00")
    assert p.as_of == p.end
    assert (p.start_local, p.end_local) == ("2025-10-06", "2025-10-12")
    assert p.prev_start == ts("2025-09-29 04:00") and p.prev_end == p.start
    assert p.title() == "Weekly operations report: 2025-W41 (2025-10-06 to 2025-10-12, America/New_York)"


def test_period_dates_inclusive_end_and_explicit_as_of():
    p = weekly.period(start="2025-10-08", end="2025-10-09", as_of="2025-10-10T12:00:00Z", tz="UTC")
    assert p.label == "2025-10-08_2025-10-09" and p.week is None
    assert (p.start, p.end, p.as_of) == (ts("2025-10-08"), ts("2025-10-10"), ts("2025-10-10 12:00"))
    assert p.prev_start == ts("2025-10-06")


def test_period_default_is_last_complete_week_and_as_of_capped_at_now():
    now = dt.datetime(2025, 10, 15, 9, 0, tzinfo=dt.UTC)
    p = weekly.period(tz="UTC", now=now)
    assert p.label == "2025-W41"
    cur = weekly.period(week="2025-W42", tz="UTC", now=now)
    assert cur.as_of == ts("2025-10-15 09:00")


def test_period_rejects_half_ranges_and_bad_zones():
    with pytest.raises(ValueError, match="both start and end"):
        weekly.period(start="2025-10-08", tz="UTC")
    with pytest.raises(ValueError, match="not after"):
        weekly.period(start="2025-10-08", end="2025-10-07T00:00:00Z", tz="UTC")
    with pytest.raises(ValueError, match="Mars/Olympus"):
        weekly.period(week="2025-W41", tz="Mars/Olympus")


# headline ----------------------------------------------------------------------------------------


def test_headline_changes():
    df = weekly.headline(
        {"SLA misses": 3, "p95 app": 812.5, "new": 1, "label": "x"},
        {"SLA misses": 1, "p95 app": 900.0},
        units={"p95 app": "ms"},
    )
    assert df.to_dict("records") == [
        {"figure": "SLA misses", "unit": "", "this period": 3, "previous period": 1, "change": 2},
        {"figure": "p95 app", "unit": "ms", "this period": 812.5, "previous period": 900.0, "change": -87.5},
        {"figure": "new", "unit": "", "this period": 1, "previous period": None, "change": None},
        {"figure": "label", "unit": "", "this period": "x", "previous period": None, "change": None},
    ]
    assert type(df.loc[0, "change"]) is int  # counts stay counts
    plain = weekly.headline({"misses (count)": 2}, {"misses (count)": 5})
    assert plain.to_dict("records") == [
        {"figure": "misses (count)", "this period": 2, "previous period": 5, "change": -3}
    ]


# evidence audit ----------------------------------------------------------------------------------


def test_evidence_audit(tmp_path):
    (tmp_path / "artifacts/a").mkdir(parents=True)
    (tmp_path / "artifacts/a/curl_x.log").write_text("HTTP/1.1 200 OK\n")
    (tmp_path / "vault").mkdir()
    (tmp_path / "vault/s.env").write_text("")
    events = pd.DataFrame(
        {
            "source": ["f.md", "f.md", "g.md", "g.md", "g.md"],
            "line": [3, 9, 4, 5, 6],
            "at": [
                ts("2025-10-10 07:00"),
                ts("2025-10-10 08:00"),
                ts("2025-10-11"),
                pd.NaT,
                ts("2025-09-01"),
            ],
            "artifacts": [
                ["artifacts/a/curl_x.log", "artifacts/missing.md"],
                ["curl_x.log"],
                ["vault/*.env"],
                ["artifacts/missing.md"],
                ["artifacts/old.md"],
            ],
            "tickets": [["DEPLOY-147"], [], ["OCC-INF-221"], [], []],
        }
    )
    out = weekly.evidence_audit(
        _logs(events=events),
        tmp_path,
        ts("2025-10-06"),
        ts("2025-10-13"),
        evidence=[tmp_path / "artifacts/a/curl_x.log"],
    )
    assert out.to_dict("records") == [
        {
            "path": "artifacts/missing.md",
            "kind": "evidence",
            "status": "missing",
            "found": "",
            "mentions": 2,
            "first_source": "f.md",
            "first_line": 3,
            "tickets": "DEPLOY-147",
        },
        {
            "path": "artifacts/a/curl_x.log",
            "kind": "evidence",
            "status": "present",
            "found": "artifacts/a/curl_x.log",
            "mentions": 1,
            "first_source": "f.md",
            "first_line": 3,
            "tickets": "DEPLOY-147",
        },
        {
            "path": "curl_x.log",
            "kind": "evidence",
            "status": "present",
            "found": "artifacts/a/curl_x.log",
            "mentions": 1,
            "first_source": "f.md",
            "first_line": 9,
            "tickets": "",
        },
        {
            "path": "vault/*.env",
            "kind": "reference",
            "status": "present",
            "found": "vault/s.env",
            "mentions": 1,
            "first_source": "g.md",
            "first_line": 4,
            "tickets": "OCC-INF-221",
        },
    ]


def test_evidence_audit_tells_evidence_from_references(tmp_path):
    """Evidence is what lies under the evidence globs' folders or is named like their files;
    docs, code and vault paths the logs mention are references, wherever they are missing."""
    (tmp_path / "probes/2025").mkdir(parents=True)
    (tmp_path / "probes/2025/check.json").write_text("{}")
    events = pd.DataFrame(
        {
            "source": ["f.md"] * 6,
            "line": [1, 2, 3, 4, 5, 6],
            "at": [ts("2025-10-10 07:00")] * 6,
            "artifacts": [
                ["probes/2025/check.json"],
                ["probes/2025/gone.md"],
                ["curl_missing_2025-10-10T02-50-44Z.log"],
                ["notes.md"],
                ["docs/runbooks/README.md"],
                ["artifacts/x.log"],
            ],
            "tickets": [[]] * 6,
        }
    )
    out = weekly.evidence_audit(
        _logs(events=events), tmp_path, evidence=[tmp_path / "probes/2025/check.json"],
        evidence_globs=["probes/**/*.json", "./probes/**/*.log"],
    )
    assert out[["path", "kind", "status", "found"]].to_dict("records") == [
        {"path": "curl_missing_2025-10-10T02-50-44Z.log", "kind": "evidence", "status": "missing",
         "found": ""},
        {"path": "probes/2025/gone.md", "kind": "evidence", "status": "missing", "found": ""},
        {"path": "probes/2025/check.json", "kind": "evidence", "status": "present",
         "found": "probes/2025/check.json"},
        {"path": "artifacts/x.log", "kind": "reference", "status": "missing", "found": ""},
        {"path": "docs/runbooks/README.md", "kind": "reference", "status": "missing", "found": ""},
        {"path": "notes.md", "kind": "reference", "status": "missing", "found": ""},
    ]
    assert weekly._evidence_patterns(["artifacts/**/*.log", "**/*.json", "evidence/x.log", "art/**"]) == (
        ["artifacts/", "evidence/x.log", "art/"],
        ["*.log", "*.json"],
    )


# readiness tables ---------------------------------------------------------------------------------


def test_table_history_and_changes():
    v1 = pd.DataFrame({"Vendor": ["GA MCP", "Zoho"], "Live": ["Blocked", "N/A"]})
    v2 = pd.DataFrame({"Vendor": ["GA MCP", "Hootsuite"], "Live": ["Live", "POC"]})
    sections = pd.DataFrame(
        {
            "source": ["f.md", "f.md", "f.md"],
            "line": [10, 20, 30],
            "heading": ["2025-10-08 Dashboard", "2025-10-10 Dashboard (09:00 UTC)", "Old"],
            "date": [ts("2025-10-08"), ts("2025-10-10"), ts("2025-09-01")],
            "at": [pd.NaT, ts("2025-10-10 09:00"), pd.NaT],
        }
    )
    tables = pd.DataFrame(
        {
            "source": ["f.md", "f.md", "f.md"],
            "line": [21, 11, 31],
            "section": ["2025-10-10 Dashboard (09:00 UTC)", "2025-10-08 Dashboard", "Old"],
            "headers": [["Vendor", "Live"]] * 3,
            "frame": [v2, v1, v1],
        }
    )
    hist = weekly.table_history(_logs(tables=tables, sections=sections), ts("2025-10-06"), ts("2025-10-13"))
    assert list(hist) == ["f.md: Vendor | Live"]
    versions = hist["f.md: Vendor | Live"]
    # the version before the period (2025-09-01) is kept as the starting state
    assert [(v.line, v.at) for v in versions] == [
        (31, ts("2025-09-01")),
        (11, ts("2025-10-08")),
        (21, ts("2025-10-10 09:00")),
    ]
    changes = weekly.table_changes(versions[1:])
    assert changes.to_dict("records") == [
        {
            "at": ts("2025-10-10 09:00"),
            "row": "Hootsuite",
            "column": "(row added)",
            "before": "",
            "after": "",
        },
        {"at": ts("2025-10-10 09:00"), "row": "Zoho", "column": "(row removed)", "before": "", "after": ""},
        {
            "at": ts("2025-10-10 09:00"),
            "row": "GA MCP",
            "column": "Live",
            "before": "Blocked",
            "after": "Live",
        },
    ]


# data quality ------------------------------------------------------------------------------------


def test_data_quality(tmp_path):
    docs = pd.DataFrame(
        {
            "source": [str(tmp_path / "feedback/a.md")],
            "encoding": ["cp1252"],
            "newline": ["crlf"],
            "bom": [False],
            "repairs": [3],
            "lines": [40],
            "sections": [4],
            "events": [12],
            "title": ["A"],
        }
    )
    problems = pd.DataFrame(
        {
            "source": [str(tmp_path / "feedback/a.md")] * 2,
            "line": pd.array([7, 9], "Int64"),
            "what": ["time", "time"],
            "token": ["[???]", "(Time TBC)"],
            "reason": ["r1", "r2"],
        }
    )
    dq = weekly.data_quality(_logs(docs=docs, problems=problems), tmp_path)
    assert dq["files"].to_dict("records") == [
        {
            "source": "feedback/a.md",
            "encoding": "cp1252",
            "newline": "crlf",
            "bom": False,
            "repairs": 3,
            "lines": 40,
            "sections": 4,
            "events": 12,
        }
    ]
    assert dq["problems"]["token"].tolist() == ["[???]", "(Time TBC)"]
    assert dq["summary"].to_dict("records") == [{"what": "time", "count": 2}]


# display -----------------------------------------------------------------------------------------


def test_show_escapes_log_text_and_formats_times():
    df = pd.DataFrame(
        {
            "text": ["<script>alert(1)</script>"],
            "at": [ts("2025-10-10 17:00")],
            "tickets": [["A-1", "B-2"]],
            "age": [pd.Timedelta(minutes=90)],
        }
    )
    t = weekly.show(df, "Caption <b>", tz="America/New_York")
    html = t._repr_html_()
    assert "&lt;script&gt;alert(1)&lt;/<wbr>script&gt;" in html and "<script>" not in html
    assert "Caption &lt;b&gt;" in html
    nowrap = '<span class="occ-when" style="white-space: nowrap">'
    assert f"{nowrap}2025-10-10 13:00</span>" in html and f"{nowrap}A-1</span>, B-2" in html
    assert f"<td>{nowrap}1h 30min</span></td>" in html  # (a duration as a person reads it: human_duration)
    assert repr(t).splitlines()[0] == "Caption <b>"


def test_table_cells_wrap_after_slashes_but_tags_are_untouched():
    df = pd.DataFrame({"path": ["docs/runbooks/a.md"], "url": ["https://h/app?x=1"], "n": [1]})
    html = weekly.show(df, "a/b")._repr_html_()
    assert "<td>docs/<wbr>runbooks/<wbr>a.md</td>" in html
    assert "<td>https:/<wbr>/<wbr>h/<wbr>app?x=1</td>" in html
    assert "<b>a/b</b>" in html and "</table></div>" in html and html.count("<wbr>") == 5  # cells only


def test_record_writes_json(tmp_path):
    path = tmp_path / "r.json"
    weekly.record(str(path), headline={"misses": 2}, at=ts("2025-10-10 17:00"))
    assert path.read_text() == '{\n "headline": {\n  "misses": 2\n },\n "at": "2025-10-10T17:00:00Z"\n}'
    weekly.record(None, x=1)  # nothing to do in JupyterLab


# tables for people -------------------------------------------------------------------------------


def _misses():
    return pd.DataFrame(
        {
            "kind": ["deadline", "deadline", "latency", "latency", "availability", "doc_stale"],
            "subject": ["OCC-INF-221", "DEPLOY-147", "app", "app", "app", "feedback/a.md"],
            "due_at": [
                ts("2025-10-10 17:00"),
                ts("2025-10-15 17:00"),
                ts("2025-10-07 08:00"),
                ts("2025-10-09 10:00"),
                ts("2025-10-08 10:35"),
                ts("2025-10-24"),
            ],
            "resolved_at": [ts("2025-10-11 14:40"), pd.NaT, pd.NaT, pd.NaT, ts("2025-10-08 10:40"), pd.NaT],
            "status": ["missed", "open", "missed", "missed", "missed", "open"],
            "overage_min": [1300.0, float("nan"), 60.0, 60.0, 5.0, float("nan")],
            "source": ["integrations.md", "deployment.md", "probes", "probes", "probes", "a.md"],
            "line": pd.array([56, 9, None, None, None, None], dtype="Int64"),
            "detail": ["stated missed", "not yet due", "p95 2022 ms", "p95 2035 ms", "burn", "max_age 14d"],
        }
    )


def test_misses_tables():
    m = _misses()
    assert weekly.log_misses(m)["subject"].tolist() == ["OCC-INF-221", "DEPLOY-147", "feedback/a.md"]
    table = weekly.misses_table(weekly.log_misses(m))
    assert table["where"].tolist() == ["integrations.md:56", "deployment.md:9", "a.md"]
    assert table.columns.tolist() == [
        "kind",
        "subject",
        "status",
        "due",
        "resolved",
        "overage",
        "where",
        "detail",
    ]
    summary = weekly.probe_misses_summary(m)
    assert summary.to_dict("records") == [
        {
            "kind": "availability",
            "target": "app",
            "misses": 1,
            "first": ts("2025-10-08 10:35"),
            "last": ts("2025-10-08 10:35"),
            "total overage": "5min",
            "worst overage": "5min",
        },
        {
            "kind": "latency",
            "target": "app",
            "misses": 2,
            "first": ts("2025-10-07 08:00"),
            "last": ts("2025-10-09 10:00"),
            "total overage": "2h",
            "worst overage": "1h",
        },
    ]
    # (round 15 LOOK3: in sla.KINDS' order, not by the identifiers' names)
    assert weekly.misses_by_kind(m).to_dict("records") == [
        {"kind": "deadline", "missed": 1, "open": 1, "met": 0, "superseded": 0},
        {"kind": "availability", "missed": 1, "open": 0, "met": 0, "superseded": 0},
        {"kind": "latency", "missed": 2, "open": 0, "met": 0, "superseded": 0},
        {"kind": "doc_stale", "missed": 0, "open": 1, "met": 0, "superseded": 0},
    ]


def test_summary_table_durations_read_by_people_or_in_minutes():
    s = pd.DataFrame(
        {
            "ticket": ["A-1"],
            "first_seen": [ts("2025-10-08")],
            "time_to_escalate": [pd.Timedelta("2h")],
            "time_to_resolve": pd.Series([pd.NaT], dtype="timedelta64[us]"),
            "open_age": [pd.Timedelta("90s")],
            "status": ["open"],
        }
    )
    out = weekly.summary_table(s)
    assert out.values.tolist() == [["A-1", "open", ts("2025-10-08"), "2h", "", "2min"]]
    assert out.columns.tolist() == ["ticket", "status", "first seen", "to escalate", "to resolve", "open for"]
    out = weekly.summary_table(s, human=False)  # (a notebook's record keeps minutes)
    assert out.columns.tolist() == [
        "ticket",
        "status",
        "first seen",
        "to escalate (min)",
        "to resolve (min)",
        "open for (min)",
    ]
    assert (out.loc[0, "to escalate (min)"], out.loc[0, "open for (min)"]) == (120.0, 1.5)
    assert pd.isna(out.loc[0, "to resolve (min)"])


def test_day_precision_instants_show_as_dates_in_every_zone():
    """UTC midnight of a date-only event would read as the evening before in New York: the summary
    and timeline tables show such instants as the date the log gave, timed ones in the zone."""
    s = pd.DataFrame(
        {
            "ticket": ["A-1", "B-2"],
            "first_seen": [ts("2025-10-08"), ts("2025-10-09 02:30")],
            "first_follow_up": pd.Series([ts("2025-10-09"), pd.NaT], dtype="datetime64[us, UTC]"),
            "resolved_at": [ts("2025-10-10 16:00"), ts("2025-10-11")],
            "status": ["resolved", "resolved"],
            "day_precision": ["first_seen, first_follow_up", "resolved_at"],
        }
    )
    out = weekly.for_display(weekly.summary_table(s), "America/New_York")
    assert out[["first seen", "first follow-up", "resolved"]].values.tolist() == [
        ["2025-10-08", "2025-10-09", "2025-10-10 12:00"],
        ["2025-10-08 22:30", "", "2025-10-11"],
    ]
    tl = pd.DataFrame(
        {
            "ticket": ["A-1", "A-1"],
            "at": [ts("2025-10-08"), ts("2025-10-08 03:00")],
            "at_precision": ["day", "minute"],
            "kind": ["note", "follow_up"],
            "level": [0, 1],
            "source": ["a.md", "a.md"],
            "line": [3, 7],
            "text": ["dated", "timed"],
        }
    )
    shown = weekly.for_display(weekly.timeline_table(tl), "America/New_York")
    assert shown["at"].tolist() == ["2025-10-08", "2025-10-07 23:00"]


def test_a_wall_time_shown_twice_carries_its_abbreviation():
    # 2025-11-02: New York's clocks go back at 02:00 EDT, so 01:00-01:59 happens twice
    at = pd.Series([ts("2025-11-02 05:35"), ts("2025-11-02 06:50"), ts("2025-11-02 07:40")])
    shown = weekly.for_display(pd.DataFrame({"at": at}), "America/New_York")
    assert shown["at"].tolist() == ["2025-11-02 01:35 EDT", "2025-11-02 01:50 EST", "2025-11-02 02:40"]
    assert weekly.local_text(ts("2025-10-26 00:30"), weekly.zone("Europe/Paris")) == "2025-10-26 02:30 CEST"
    assert weekly.local_text(ts("2025-11-02 05:35"), weekly.zone("UTC")) == "2025-11-02 05:35"
    assert weekly._when(ts("2025-11-02 06:50"), "America/New_York") == "2025-11-02 01:50 EST"


def test_when_shows_dated_sections_as_dates():
    # (a section dated only: its date, by the section's precision; UTC midnight alone is a time)
    assert weekly._when(ts("2025-10-08"), "America/New_York", day=True) == "2025-10-08"
    assert weekly._when(ts("2025-10-08 04:00"), "America/New_York", day=True) == "2025-10-08"
    assert weekly._when(ts("2025-10-08"), "America/New_York") == "2025-10-07 20:00"
    assert weekly._when(ts("2025-10-10 17:00"), "America/New_York") == "2025-10-10 13:00"
    assert weekly._when(None, "UTC") == "undated"


def test_key_figures():
    per = weekly.period(week="2025-W41", tz="UTC", as_of="2025-10-13T00:00:00Z")
    summary = pd.DataFrame({"ticket": ["OCC-INF-221", "DEPLOY-147"], "status": ["open", "resolved"]})
    avail = pd.DataFrame({"target": ["app", "api"], "ratio": [99.12345, float("nan")]})
    lat = pd.DataFrame({"target": ["app"], "p95": [812.04]})
    m = _misses()
    m.loc[m["subject"] == "feedback/a.md", "status"] = "missed"
    d = SimpleNamespace(misses=m, summary=summary, availability=avail, latency_total=lat)
    assert weekly.key_figures(d, per) == {
        "SLA misses": 5,
        "missed deadlines and ticket targets": 1,
        "probe objective misses (windows and alerts)": 3,
        "open tickets past due": 1,  # OCC-INF-221: missed and still open; DEPLOY-147's is not yet due
        "stale documents": 1,
        "availability app (%)": 99.123,
        "availability api (%)": None,
        "p95 app (ms)": 812.0,
    }


def test_banner_names_the_zone_and_says_utc_marks_only_when_it_is_not_utc():
    ny = weekly.period(week="2025-W41", tz="America/New_York", now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    utc = weekly.period(week="2025-W41", tz="UTC", now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert weekly.banner(ny, "R <1>").data == (
        "<h1>R &lt;1&gt;</h1><p>Period <b>2025-10-06</b> to <b>2025-10-12</b> (local days in "
        "<b>America/New_York</b>); figures as of <b>2025-10-13 00:00 EDT</b>. Times below are in "
        "America/New_York unless marked UTC.</p>"
    )
    assert weekly.banner(utc, "R").data.endswith(
        "figures as of <b>2025-10-13 00:00 UTC</b>. Times below are in UTC.</p>"
    )


def test_the_budget_table_counts_an_alerting_step_once_whatever_pairs_fire():
    from occ_lib.weekly import _budget_table

    budget = pd.DataFrame({"target": ["a", "b"], "objective": [99.5, 99.5], "counted": [10, 10],
                           "bad": [1, 0], "ratio": [90.0, 100.0], "allowed_bad": [0.05, 0.05],
                           "consumed_pct": [2000.0, 0.0], "remaining_pct": [-1900.0, 100.0]})
    burns = pd.DataFrame({
        "target": ["a", "a", "a", "b"],
        "at": pd.to_datetime(["2025-10-09 10:00", "2025-10-09 10:05", "2025-10-09 10:10", "2025-10-09 10:00"],
                             utc=True),
        "burn_1h": [14.0, 14.0, 0.0, 0.0], "burn_5m": [20.0, 0.0, 0.0, 0.0],
        "alert_1h_5m": [True, True, False, False], "alert_6h_30m": [True, False, False, False],
    })
    out = _budget_table(budget, burns).set_index("target")
    # (round 16, LOOK4: a duration, where the column counted 5-minute steps)
    assert out["alerting for"].to_dict() == {"a": "10min", "b": "0min"}


def test_probe_misses_summary_counts_overlapping_alert_minutes_once():
    m = pd.DataFrame(
        {
            "kind": ["availability"] * 4 + ["latency"] * 2,
            "subject": ["auth"] * 6,
            "due_at": [ts("2025-10-06 13:05")] * 2
            + [ts("2025-10-13 03:05"), ts("2025-10-13 04:00"), ts("2025-10-07"), ts("2025-10-08")],
            "status": ["missed"] * 6,
            # two window pairs firing over the same minutes (to 2025-10-13 04:05), a third from an
            # hour before that end, the objective row (no overage), two latency windows apart
            "overage_min": [9540.0, 9540.0, 120.0, float("nan"), 60.0, 60.0],
        }
    )
    out = weekly.probe_misses_summary(m)
    assert out[["kind", "misses", "total overage", "worst overage"]].to_dict("records") == [
        {"kind": "availability", "misses": 4, "total overage": "6d 16h", "worst overage": "6d 15h"},
        {"kind": "latency", "misses": 2, "total overage": "2h", "worst overage": "1h"},
    ]


def test_table_versions_are_dated_by_the_section_they_are_written_in_and_in_the_report_zone():
    from occ_lib.logs import parse_log

    same = (
        "## Week of Oct 13, 2025\n### Tracker\n| Ticket | ETA | RAG |\n|---|---|---|\n"
        "| MIG-101 | Oct 14 | red |\n\n"
        "## Week of Oct 6, 2025\n### Tracker\n| Ticket | ETA | RAG |\n|---|---|---|\n"
        "| MIG-101 | Oct 10 | amber |\n"
    )
    hist = weekly.table_history(parse_log(same, "t.md"), ts("2025-10-13"), ts("2025-10-20"))
    assert [(v.line, v.at, v.frame["RAG"].tolist()) for v in hist["t.md: Ticket | ETA | RAG"]] == [
        (9, ts("2025-10-06"), ["amber"]), (3, ts("2025-10-13"), ["red"])]
    # '## Status as of 2025-10-13' is New York's Monday: after a New York week that ends then
    edge = (
        "## Status as of 2025-10-06\n| Ticket | RAG |\n|---|---|\n| MIG-101 | amber |\n\n"
        "## Status as of 2025-10-13\n| Ticket | RAG |\n|---|---|\n| MIG-101 | red |\n"
    )
    start, end = ts("2025-10-06 04:00"), ts("2025-10-13 04:00")
    hist = weekly.table_history(parse_log(edge, "e.md"), start, end, "America/New_York")
    assert [(v.line, v.at) for v in hist["e.md: Ticket | RAG"]] == [(2, ts("2025-10-06 04:00"))]


def test_a_period_given_a_bad_date_or_week_names_it():
    from occ_lib.errors import ArgumentError

    with pytest.raises(ArgumentError, match=r"^start: not a date or time: '2025-11-31'"):
        weekly.period(None, start="2025-11-31", end="2025-12-01")
    with pytest.raises(ArgumentError, match=r"^week: '2025-W54': "):
        weekly.period(None, week="2025-W54")


def test_the_escalation_chart_marks_each_promise_once_with_the_sla_tables_status(tmp_path):
    """An ETA written three times is one marker; a date-only due date done the next day is missed, as
    the SLA table counts it (the chart used to judge raw mentions by itself)."""
    from occ_lib.workspace import Workspace

    (tmp_path / "occ.yml").write_text("logs: [log.md]\nsla:\n  tz: UTC\n")
    (tmp_path / "log.md").write_text(
        "## 2025-10-07\n\n- 09:00 UTC PAY-1 checkout 502s, ETA 2025-10-08 12:00 UTC\n"
        "- 10:00 UTC PAY-1 still on ETA 2025-10-08 12:00 UTC\n- 11:00 UTC PAY-2 RCA due 2025-10-08\n\n"
        "## 2025-10-08\n\n- 08:00 UTC PAY-1 ETA 2025-10-08 12:00 UTC holds\n- 11:30 UTC PAY-1 fixed\n\n"
        "## 2025-10-09\n\n- PAY-2 RCA published, resolved\n"
    )
    ws = Workspace.load(tmp_path / "occ.yml")
    per = weekly.period(week="2025-W41", tz="UTC")
    d = weekly.collect(ws, per)
    assert d.deadlines[["subject", "due_at", "status"]].values.tolist() == [
        ["PAY-1", ts("2025-10-08 12:00"), "met"], ["PAY-2", ts("2025-10-09 00:00"), "missed"],
    ]
    fig = weekly.escalation_figure(d, per)
    marks = {t.name: list(t.y) for t in fig.data if t.name in ("deadline met", "deadline missed")}
    assert marks == {"deadline met": ["PAY-1"], "deadline missed": ["PAY-2"]}
