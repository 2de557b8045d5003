"""read_logs on the real sample log and on the example workspace: exact tables."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from occ_lib import Workspace, read_logs
from occ_lib.logs import (
    DEADLINE_COLUMNS,
    DOC_COLUMNS,
    EVENT_COLUMNS,
    PROBLEM_COLUMNS,
    SECTION_COLUMNS,
    TABLE_COLUMNS,
    Logs,
    parse_log,
)

UTC = dt.UTC


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


@pytest.fixture(scope="module")
def sample(examples) -> Logs:
    return read_logs(examples / "feedback" / "integrations.md")


@pytest.fixture(scope="module")
def week(examples) -> Logs:
    return read_logs(examples / "feedback")


def event(logs: Logs, source_end: str, line: int) -> pd.Series:
    ev = logs.events
    rows = ev[ev["source"].str.endswith(source_end) & (ev["line"] == line)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


# --- schemas -------------------------------------------------------------------------------------


def test_schemas_and_dtypes(sample):
    assert tuple(sample.docs.columns) == DOC_COLUMNS == (
        "source", "title", "encoding", "newline", "bom", "repairs", "lines", "sections", "events",
        "front_matter", "doc", "owner", "epoch", "last_reviewed", "expires", "tz", "date_order",
        "tz_declared",
    )
    assert tuple(sample.sections.columns) == SECTION_COLUMNS == (
        "source", "line", "level", "heading", "title", "date", "at", "at_precision", "position",
    )
    assert tuple(sample.events.columns) == EVENT_COLUMNS == (
        "source", "line", "section", "section_line", "at", "at_precision", "end_at", "kind", "level",
        "tickets", "refs", "artifacts", "channels", "urls", "http_status", "times", "item", "depth", "text",
    )
    assert tuple(sample.deadlines.columns) == DEADLINE_COLUMNS == (
        "source", "line", "section", "tickets", "refs", "due_at", "due_precision", "keyword", "text",
        "stated_missed", "moves",
    )
    assert tuple(sample.tables.columns) == TABLE_COLUMNS == ("source", "line", "section", "headers", "frame")
    assert tuple(sample.problems.columns) == PROBLEM_COLUMNS == ("source", "line", "what", "token", "reason")
    for frame, col in [
        (sample.events, "at"), (sample.events, "end_at"), (sample.sections, "date"), (sample.sections, "at"),
        (sample.deadlines, "due_at"), (sample.docs, "last_reviewed"), (sample.docs, "expires"),
    ]:
        assert str(frame[col].dtype) == "datetime64[us, UTC]", col
    assert str(sample.events["http_status"].dtype) == "Int64"
    assert str(sample.events["section_line"].dtype) == "Int64"
    assert str(sample.problems["line"].dtype) == "Int64"
    assert str(sample.events["line"].dtype) == "int64"
    assert sample.deadlines["stated_missed"].dtype == bool
    for col in ("tickets", "refs", "artifacts", "channels", "urls", "times"):
        assert all(isinstance(v, list) for v in sample.events[col]), col


def test_empty_logs_keep_their_schema():
    logs = read_logs([])
    assert len(logs.events) == 0 and tuple(logs.events.columns) == EVENT_COLUMNS
    assert str(logs.events["at"].dtype) == "datetime64[us, UTC]"
    assert str(logs.problems["line"].dtype) == "Int64"


# --- the sample -----------------------------------------------------------------------------------


def test_sample_document(sample):
    doc = sample.docs.iloc[0]
    assert doc["title"] == "Integrations Agent — Daily Status Log"
    assert (doc["encoding"], doc["newline"], doc["bom"]) == ("utf-8", "LF", False)
    assert doc["repairs"] == 16
    assert doc["lines"] == 142
    assert (doc["sections"], doc["events"]) == (24, 84)
    assert doc["front_matter"] == {
        "epoch": "2025.10.E1", "doc": "feedback/integrations.md", "owner": "integrations",
        "last_reviewed": dt.date(2025, 10, 10), "doc_hash": "TBD", "expires": dt.date(2025, 10, 10),
    }
    assert (doc["doc"], doc["owner"], doc["epoch"]) == (
        "feedback/integrations.md", "integrations", "2025.10.E1")
    assert doc["last_reviewed"] == ts("2025-10-10") and doc["expires"] == ts("2025-10-10")
    assert doc["tz"] == "UTC"


def test_sample_has_24_sections_in_file_order(sample):
    s = sample.sections
    assert len(s) == 24
    assert s["position"].tolist() == list(range(24))
    assert s["level"].tolist() == [2] * 24
    assert s["line"].tolist()[:3] == [11, 16, 22]
    assert s["title"].tolist() == [
        "Readiness Refresh", "Escalation & Evidence Refresh", "Shopify Broadcast", "Direction Check",
        "Shopify Follow-up Prep", "Early AM Refresh", "Direction Check", "Next-Step Recommendations",
        "Direction Review", "GA MCP Escalation", "Shopify Secret Bundle Follow-up", "Evening Checkpoint",
        "Direction Execution Refresh", "Integration Dashboard", "Sprint Focus Kickoff",
        "Production Blockers Update", "Direction Refresh Acknowledgment", "Sprint Focus Activation",
        "Sprint Execution", "Production Blocker Sweep", "Shopify Install Push", "Production Blocker Push",
        "Key Updates", "Upcoming Actions",
    ]
    # dates are not in time order in the file: kept as written
    assert [d.strftime("%m-%d") if not pd.isna(d) else None for d in s["date"]] == (
        ["10-10"] * 13 + ["10-08", "10-09", "10-09", "10-08", "10-08", "10-09", "10-10", "10-10", "10-09"]
        + [None, None]
    )


@pytest.mark.parametrize(
    "heading, date, at, precision",
    [
        ("2025-10-10 Readiness Refresh (22:55 UTC)", "2025-10-10", "2025-10-10 22:55", "minute"),
        ("Shopify Install Push — 2025-10-10 10:16 UTC", "2025-10-10", "2025-10-10 10:16", "minute"),
        ("Direction Refresh Acknowledgment — 2025-10-08", "2025-10-08", None, "day"),
        ("2025-10-08 — Sprint Focus Activation", "2025-10-08", None, "day"),
        ("Key Updates", None, None, None),
    ],
)
def test_sample_heading_forms(sample, heading, date, at, precision):
    row = sample.sections[sample.sections["heading"] == heading].iloc[0]
    assert (row["date"] == ts(date)) if date else pd.isna(row["date"])
    assert (row["at"] == ts(at)) if at else pd.isna(row["at"])
    assert (row["at_precision"] == precision) if precision else pd.isna(row["at_precision"])


def test_sample_tickets_are_exactly_three(sample):
    found = {t for lst in sample.events["tickets"] for t in lst}
    assert found == {"DEPLOY-147", "OCC-INF-221", "HS-44721"}


def test_sample_items_and_table_rows(sample):
    ev = sample.events
    assert len(ev) == 84
    assert (ev["item"] == "list").sum() == 79
    assert ev.loc[ev["item"] == "table", "line"].tolist() == [79, 80, 81, 82, 83]


def test_sample_19_20_et_is_23_20_utc(sample):
    e = event(sample, "integrations.md", 90)
    assert e["text"].startswith("19:20 ET: scheduled a fresh OCC-INF-221 follow-up")
    assert e["at"] == ts("2025-10-09 23:20")
    assert e["at_precision"] == "minute"
    assert e["section"] == "2025-10-09 Production Blockers Update"
    assert e["section_line"] == 86


def test_sample_missed_eta_and_re_escalation(sample):
    e = event(sample, "integrations.md", 56)
    assert e["kind"] == "escalation"
    assert e["level"] == 2
    assert e["at"] == ts("2025-10-10 17:20")
    assert e["times"] == [dt.datetime(2025, 10, 10, 17, 20, tzinfo=UTC)]
    assert e["tickets"] == ["OCC-INF-221"]
    d = sample.deadlines
    row = d[d["line"] == 56]
    assert len(row) == 1
    row = row.iloc[0]
    assert row["due_at"] == ts("2025-10-10 17:00")
    assert row["keyword"] == "ETA"
    assert row["tickets"] == ["OCC-INF-221"]
    assert bool(row["stated_missed"]) is True


def test_sample_deadlines(sample):
    d = sample.deadlines
    assert list(zip(d["line"], d["due_at"].dt.strftime("%m-%d %H:%M"), d["keyword"], d["stated_missed"],
                    strict=True)) == [
        (13, "10-11 09:00", "window", False),
        (32, "10-10 09:00", "before", False),
        (47, "10-11 09:00", "by", False),
        (56, "10-10 17:00", "ETA", True),
        (64, "10-10 09:00", "checkpoint", False),
        (82, "10-10 00:00", "due", False),
    ]
    assert d["due_precision"].tolist() == ["minute"] * 5 + ["day"]


def test_sample_item_fields(sample):
    first = event(sample, "integrations.md", 12)
    assert first["tickets"] == ["DEPLOY-147"]
    assert first["http_status"] == 200
    assert first["urls"] == ["https://hotdash-staging.fly.dev/app?mock=1"]
    assert first["artifacts"] == [
        "vault/occ/shopify/*.env",
        "artifacts/integrations/shopify/2025-10-10/curl_hotdash-staging_2025-10-10T02-50-44Z.log",
    ]
    # a file-name stamp is evidence, not the item's time: the section's time is used
    assert first["at"] == ts("2025-10-10 22:55")
    assert first["kind"] == "evidence"
    e = event(sample, "integrations.md", 38)
    assert e["http_status"] == 410
    assert e["artifacts"] == ["curl_hotdash-staging_2025-10-10T06-34-12Z_mock0.log"]
    assert e["at"] == ts("2025-10-10 06:34")
    e = event(sample, "integrations.md", 18)
    assert e["channels"] == ["#deploy-ops"]
    assert (e["kind"], e["level"]) == ("follow_up", 1)
    e = event(sample, "integrations.md", 61)
    assert e["artifacts"] == ["docs/directions/integrations.md"]  # ':24-27' line reference dropped
    e = event(sample, "integrations.md", 58)
    assert e["channels"] == ["#infra-requests"]
    assert e["kind"] == "plan"
    e = event(sample, "integrations.md", 64)  # 'the item's own date' then a time on it
    assert e["at"] == ts("2025-10-10 04:41")
    assert e["text"].startswith("2025-10-10 04:41 UTC — forwarded product’s green smoke artifact")
    e = event(sample, "integrations.md", 19)
    assert (e["kind"], e["level"], e["at"]) == ("escalation", 1, ts("2025-10-10 07:23"))
    e = event(sample, "integrations.md", 51)  # undated time -> the section's date
    assert (e["at"], e["at_precision"]) == (ts("2025-10-10"), "day")
    e = event(sample, "integrations.md", 130)  # undated section
    assert pd.isna(e["at"]) and pd.isna(e["at_precision"])


def test_sample_dashboard_table(sample):
    assert len(sample.tables) == 1
    t = sample.tables.iloc[0]
    assert (t["line"], t["section"]) == (77, "2025-10-08 Integration Dashboard")
    assert t["headers"] == [
        "Vendor", "Sandbox Status", "Live Status", "Credentials", "Tests", "Blockers / Next Action",
    ]
    frame = t["frame"]
    assert list(frame.columns) == t["headers"]
    assert frame.shape == (5, 6)
    assert frame["Vendor"].tolist() == [
        "GA MCP", "Social Sentiment — Hootsuite POC", "Social Sentiment — Native APIs (X + Meta)",
        "Supabase Add-ons", "Zoho CRM",
    ]
    assert frame.loc[0, "Live Status"] == "🚫 Blocked — mock mode only"
    row = event(sample, "integrations.md", 80)
    assert row["tickets"] == ["HS-44721"] and row["item"] == "table" and row["depth"] == 0


def test_sample_problems(sample):
    p = sample.problems
    assert p.to_dict("records") == [
        {"source": str(p["source"].iloc[0]), "line": 131, "what": "time", "token": "18:30 UTC",
         "reason": "time without a date"},
    ]


# --- the example week ------------------------------------------------------------------------------


def test_week_documents(week):
    docs = week.docs.set_index(week.docs["source"].str.rsplit("/", n=1).str[-1])
    assert sorted(docs.index) == ["deployment.md", "integrations.md", "qa.md", "reliability.md"]
    assert docs.loc["reliability.md", ["encoding", "newline", "bom", "tz"]].tolist() == [
        "cp1252", "CRLF", False, "America/New_York"]
    assert docs.loc["reliability.md", "title"] == "Reliability — Daily Status Log"
    assert docs.loc["deployment.md", ["tz", "front_matter", "title"]].tolist() == [
        "America/Los_Angeles", {}, "Deployment — Status Log (W41)"]
    assert docs.loc["qa.md", "tz"] == "Europe/Berlin"
    assert docs["sections"].to_dict() == {
        "deployment.md": 8, "integrations.md": 24, "qa.md": 4, "reliability.md": 5}
    assert docs["events"].to_dict() == {
        "deployment.md": 17, "integrations.md": 84, "qa.md": 16, "reliability.md": 19}
    tickets = {t for lst in week.events["tickets"] for t in lst}
    assert tickets == {"DEPLOY-147", "OCC-INF-221", "HS-44721", "INFRA-2743"}


def test_week_reliability_cp1252_et_and_resolution(week):
    e = event(week, "reliability.md", 12)
    assert (e["kind"], e["at"], e["tickets"]) == ("resolved", ts("2025-10-11 14:40"), ["OCC-INF-221"])
    child = event(week, "reliability.md", 14)  # nested: inherits the parent's ticket
    assert (child["depth"], child["tickets"], child["channels"]) == (1, ["OCC-INF-221"], ["#infra-requests"])
    assert (child["kind"], child["level"]) == ("follow_up", 1)
    # 'Paged on-call at 21:47 ET ...; recovered 22:03 ET.': two steps, each at its own time
    ev = week.events
    steps = ev[ev["source"].str.endswith("reliability.md") & (ev["line"] == 29)]
    assert steps[["kind", "level", "at", "http_status"]].values.tolist() == [
        ["escalation", 1, ts("2025-10-10 01:47"), 503],  # a page: level 1 (21:47 EDT is 01:47 UTC)
        ["resolved", 0, ts("2025-10-10 02:03"), 503],
    ]
    cont = event(week, "reliability.md", 27)  # a numbered item with a continuation line
    assert cont["artifacts"] == ["artifacts/reliability/synthetic/2025-10-09T13-12-00Z.json"]
    assert cont["text"].endswith("alert thresholds stay at p95 < 800 ms.")
    late = event(week, "reliability.md", 16)
    assert "we’re a day late" in late["text"]
    d = week.deadlines
    row = d[d["source"].str.endswith("reliability.md") & (d["line"] == 16)].iloc[0]
    assert (row["due_at"], row["due_precision"], row["keyword"], row["stated_missed"]) == (
        ts("2025-10-10"), "day", "due", True)


def test_week_deployment(week):
    s = week.sections[week.sections["source"].str.endswith("deployment.md")]
    assert s["heading"].tolist() == [
        "Week of 2025-10-06", "2025-10-06 Monday", "2025-10-07 Tuesday", "Oct 8, 2025",
        "2025-10-09 Thursday", "Fri 10 Oct 2025", "2025-10-11 Saturday", "Deploy calendar",
    ]
    assert s["level"].tolist() == [2, 3, 3, 3, 3, 3, 3, 2]
    assert s["date"].dt.strftime("%Y-%m-%d").tolist()[:7] == [
        "2025-10-06", "2025-10-06", "2025-10-07", "2025-10-08", "2025-10-09", "2025-10-10", "2025-10-11"]
    first = event(week, "deployment.md", 8)  # 09:10 PDT
    assert first["at"] == ts("2025-10-06 16:10")
    window = event(week, "deployment.md", 25)
    assert (window["at"], window["end_at"]) == (ts("2025-10-10 16:00"), ts("2025-10-10 16:20"))
    assert window["channels"] == []  # 'deploy #412' is not a channel
    esc = event(week, "deployment.md", 26)
    assert (esc["kind"], esc["level"], esc["at"], esc["tickets"]) == (
        "escalation", 3, ts("2025-10-10 23:30"), ["DEPLOY-147"])
    closed = event(week, "deployment.md", 30)
    assert (closed["kind"], closed["at"]) == ("resolved", ts("2025-10-11 17:15"))
    url = event(week, "deployment.md", 18)
    assert url["urls"] == ["https://deploy-preview.hotdash.dev/health?token=***"]
    assert "abc123secret" not in url["text"] and url["http_status"] == 200
    xss = event(week, "deployment.md", 17)
    assert "<script>alert(1)</script>" in xss["text"]
    d = week.deadlines[week.deadlines["source"].str.endswith("deployment.md")]
    assert list(zip(d["line"], d["tickets"], d["due_at"], d["keyword"], d["stated_missed"], strict=True)) == [
        (9, ["INFRA-2743"], ts("2025-10-15 17:00"), "ETA", False),
        (26, ["DEPLOY-147"], ts("2025-10-10 09:00"), "checkpoint", True),
        # 'within 24 h' of 17:10 PDT on Fri 10 Oct
        (27, ["DEPLOY-147"], ts("2025-10-12 00:10"), "within", False),
        (38, ["INFRA-2743"], ts("2025-10-15 17:00"), "ETA", False),
    ]
    t = week.tables[week.tables["source"].str.endswith("deployment.md")].iloc[0]
    assert t["headers"] == ["Date", "Service", "Change", "Ticket", "Result"]
    assert t["frame"]["Ticket"].tolist() == ["—", "DEPLOY-147", "INFRA-2743"]


def test_week_qa_forms(week):
    def at(line):
        return event(week, "qa.md", line)["at"]

    assert at(13) == ts("2025-10-08 07:18")  # [07:18Z]
    assert at(15) == ts("2025-10-08 19:30")  # 21h30 Berlin (CEST)
    assert at(18) == ts("2025-10-09 06:10")  # 08:10 Berlin
    assert at(23) == ts("2025-10-10 07:00")  # tomorrow 09:00 Berlin
    assert at(26) == ts("2025-10-09 16:00")  # yesterday 18:00 Berlin
    rng = event(week, "qa.md", 14)
    assert (rng["at"], rng["end_at"]) == (ts("2025-10-08 09:00"), ts("2025-10-08 09:30"))
    p = week.problems[week.problems["source"].str.endswith("qa.md")]
    assert list(zip(p["line"], p["what"], p["token"], strict=True)) == [
        (21, "time", "(Time TBC)"), (22, "time", "[???]")]
    d = week.deadlines[week.deadlines["source"].str.endswith("qa.md")]
    assert list(zip(d["line"], d["tickets"], d["due_at"], d["keyword"], d["stated_missed"], strict=True)) == [
        (19, ["DEPLOY-147"], ts("2025-10-08 17:00"), "target", True),
        (20, ["HS-44721"], ts("2025-10-10 10:00"), "deadline", False),
    ]
    nested = event(week, "qa.md", 29)
    assert (nested["depth"], nested["kind"]) == (1, "evidence")


def test_workspace_loads_the_same_logs(examples):
    ws = Workspace.load(examples / "occ.yml")
    logs = ws.logs
    assert len(logs.docs) == 4 and len(logs.sections) == 41 and len(logs.events) == 136
    assert logs.problems["what"].tolist() == ["time", "time", "time"]


def test_heading_dates_without_a_year_or_read_both_ways_follow_the_document():
    text = (
        "## Mon 6 Oct 2025\n- a at 09:00 UTC\n"
        "## 10/07/2025 09:30 ET standup\n- b at 10:00 UTC\n"
        "## Oct 9\n- c at 11:00 UTC\n"
        "## 10/11/2025\n- d at 12:00 UTC\n"
    )
    logs = parse_log(text, "l.md")
    assert logs.problems.empty
    days = ["2025-10-06", "2025-10-07", "2025-10-09", "2025-10-11"]
    assert [str(d.date()) for d in logs.sections["date"]] == days
    assert logs.sections["at"].iloc[1] == pd.Timestamp("2025-10-07T13:30:00Z")
    assert [t.isoformat() for t in logs.events["at"]] == [
        "2025-10-06T09:00:00+00:00", "2025-10-07T10:00:00+00:00", "2025-10-09T11:00:00+00:00",
        "2025-10-11T12:00:00+00:00",
    ]
    # the front matter's date dates a first year-less heading
    fm = parse_log("---\nlast_reviewed: 2025-10-10\n---\n## Oct 9\n- x at 11:00 UTC\n", "f.md")
    assert fm.problems.empty and str(fm.sections["date"].iloc[0].date()) == "2025-10-09"
    # with nothing to read them against, both stay problems
    alone = parse_log("## Oct 9\n- x\n## 10/07/2025\n- y\n", "a.md")
    assert alone.problems[["line", "reason"]].values.tolist() == [
        [1, "date without a year Oct 9"], [3, "ambiguous date 10/07/2025"],
    ]



def test_a_replacement_deadline_is_not_the_one_stated_missed():
    def missed(item: str) -> list[tuple[str, bool]]:
        logs = parse_log("## 2025-10-09\n- " + item + "\n", "l.md")
        return [(t.strftime("%d %H:%M"), m) for t, m in logs.deadlines[["due_at", "stated_missed"]].values]

    assert missed("OCC-INF-221 slipped — new ETA 2025-10-13 10:00 UTC") == [("13 10:00", False)]
    assert missed("Infra missed the 17:00 UTC ETA; new ETA 19:00 UTC") == [
        ("09 17:00", True), ("09 19:00", False),
    ]
    assert missed("ETA slipped to 19:00 UTC") == [("09 19:00", False)]
    assert missed("deadline pushed out to 2025-10-12 09:00 UTC after we missed it") == [("12 09:00", False)]
    # 'slipped past' is a miss of that deadline
    assert missed("DEPLOY-147 slipped past the 17:00 UTC ETA") == [("09 17:00", True)]


def test_a_table_header_zone_and_date_cells_date_and_zone_the_rows():
    text = (
        "# Reliability log\nTimes are in PT.\n\n## 2025-10-09\n\n"
        "| Time (UTC) | Ticket | Event |\n|---|---|---|\n"
        "| 09:00 | INFRA-2743 | paged on-call |\n| 17:30 | INFRA-2743 | resolved |\n\n"
        "| Date | Time | Owner | Note |\n|---|---|---|---|\n"
        "| 10/08 | 14:00 | ana | prep |\n| Oct 9 | 2:15 PM | bo | sync |\n"
        "| 2025-10-07 | 08:00 | cy | drill |\n"
        "\n- ops review at 10:00\n"
    )
    logs = parse_log(text, "rel.md")
    assert logs.problems.empty
    assert [(t.isoformat(), p) for t, p in logs.events[["at", "at_precision"]].values] == [
        ("2025-10-09T09:00:00+00:00", "minute"),  # the header's UTC, not the document's PT
        ("2025-10-09T17:30:00+00:00", "minute"),
        ("2025-10-08T21:00:00+00:00", "minute"),  # a slash date cell dates the row; PT
        ("2025-10-09T21:15:00+00:00", "minute"),  # the time, not the bare date before it
        ("2025-10-07T15:00:00+00:00", "minute"),
        ("2025-10-09T17:00:00+00:00", "minute"),  # a list item: the document's PT
    ]


@pytest.mark.parametrize(
    ("headers", "zone"),
    [
        (["Time (UTC)", "Event"], "UTC"),
        (["time (utc)"], "UTC"),
        (["When - ET"], "America/New_York"),
        (["Start (Europe/Berlin)"], "Europe/Berlin"),
        (["ETA (CET)"], "Europe/Paris"),
        (["Time UTC+2"], "UTC+02:00"),
        (["Status (PT)"], None),  # no time word: 'at' inside 'Status' is none
        (["Update ET"], None),
        (["Date", "Time", "Owner"], None),
    ],
)
def test_header_zone(headers, zone):
    from occ_lib.logs import _header_zone

    tz = _header_zone(headers)
    assert (None if tz is None else str(tz)) == zone


def test_a_deadline_row_keeps_a_clipped_copy_of_a_huge_item():
    from occ_lib.logs import DEADLINE_TEXT_MAX

    item = "ETA 17:00 UTC for DEPLOY-147; " + "x" * 5000 + " ETA 18:00 UTC"
    logs = parse_log("## 2025-10-09\n- " + item + "\n", "l.md")
    assert logs.events["text"].tolist() == [item]  # the event keeps it whole
    texts = logs.deadlines["text"].tolist()
    assert texts == [item[:DEADLINE_TEXT_MAX] + "\u2026"] * 2
    assert len(texts[0]) == DEADLINE_TEXT_MAX + 1 == 2001
