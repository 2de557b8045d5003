"""Round 12 (expe): a workspace of several teams' logs about the same tickets. A page or an escalation
pasted into a second team's log (the same line, or reworded in its zone) is one page in the per-ticket
summary, not one per log; a key one team writes in lower case ('ops-102') is the ticket another team's
log writes in upper case (OPS-102), so its pickup and resolution count for that ticket's SLA rows."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from occ_lib import sla, timeline
from occ_lib.cli import app
from occ_lib.logs import parse_logs, read_logs
from occ_lib.policy import Policy

runner = CliRunner()

INFRA = (
    "---\n"
    "tz: America/New_York\n"
    "---\n"
    "# Infra log\n"
    "\n"
    "## 2025-10-06 Monday\n"
    "- 09:00: OPS-101 opened: staging Postgres failover flapping.\n"
    "- 09:30: paged on-call for OPS-101.\n"
    "- 11:00: escalated OPS-101 to the infra manager.\n"
    "\n"
    "## 2025-10-07 Tuesday\n"
    "- 14:00: OPS-102 opened: CDN cache purge slow; ETA 2025-10-08 17:00 UTC.\n"
)
SRE = (
    "# SRE log\n"
    "\n"
    "All times ET.\n"
    "\n"
    "## 2025-10-06\n"
    "- 09:30: paged on-call for OPS-101.\n"
    "- 11:00: escalated OPS-101 to the infra manager.\n"
    "\n"
    "## 2025-10-08\n"
    "- 09:00: escalated OPS-101 to the VP Engineering.\n"
)
# cp1252 + CRLF, Berlin time: the same escalation reworded in its zone (17:00 CEST = 11:00 EDT)
PLATFORM = (
    "# Plattform Log\r\n\r\nAll times CET.\r\n\r\n## 2025-10-06\r\n"
    "- 17:00 CET: escalated OPS-101 to the infra manager \x96 Gr\xfc\xdfe.\r\n"
).encode("latin-1")
CDN = (
    "---\n"
    "tz: UTC\n"
    "---\n"
    "# CDN log\n"
    "\n"
    "## 2025-10-07\n"
    "- 18:00: ops-102 picked up by CDN on-call.\n"
    "\n"
    "## 2025-10-08\n"
    "- 20:30: ops-102 resolved, purge queue drained.\n"
    "- 21:00: bumped openssl-3 and utf-8 handling, no ticket.\n"
)


def _workspace(tmp_path: Path) -> Path:
    feedback = tmp_path / "feedback"
    feedback.mkdir()
    (feedback / "infra.md").write_text(INFRA, encoding="utf-8")
    (feedback / "sre.md").write_text(SRE, encoding="utf-8")
    (feedback / "platform.md").write_bytes(PLATFORM)
    (feedback / "cdn.md").write_text(CDN, encoding="utf-8")
    (tmp_path / "occ.yml").write_text(
        "logs: [feedback/*.md]\n"
        "sla:\n"
        "  tz: America/New_York\n"
        "  tickets:\n"
        "    OPS: {first_response: 4h, resolution: 2d}\n",
        encoding="utf-8",
    )
    return tmp_path


def _summary_rows(ws: Path) -> list[dict]:
    result = runner.invoke(app, [
        "timeline", "--config", str(ws / "occ.yml"), "--summary", "--as-of", "2025-10-13T00:00Z",
        "--format", "jsonl",
    ])
    assert result.exit_code == 0, result.output
    return [json.loads(ln) for ln in result.stdout.splitlines()]


def test_pasted_page_and_escalations_count_once_across_logs(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    rows = _summary_rows(ws)
    assert rows[0] == {
        "ticket": "OPS-101", "first_seen": "2025-10-06T13:00:00Z", "first_follow_up": "2025-10-06T13:30:00Z",
        "first_escalation": "2025-10-06T15:00:00Z", "max_level": 3, "follow_ups": 1, "escalations": 2,
        "resolved_at": None, "time_to_escalate": 7200.0, "time_to_resolve": None, "open_age": 558000.0,
        "status": "open", "day_precision": [],
    }
    # (the timeline itself keeps every row each log wrote)
    tl = timeline.escalations(read_logs(str(ws / "feedback" / "*.md")), "OPS-101")
    assert [(r.at.isoformat(), r.kind, r.level, Path(r.source).name, r.line) for r in tl.itertuples()] == [
        ("2025-10-06T13:00:00+00:00", "note", 0, "infra.md", 7),
        ("2025-10-06T13:30:00+00:00", "escalation", 1, "infra.md", 8),
        ("2025-10-06T13:30:00+00:00", "escalation", 1, "sre.md", 6),
        ("2025-10-06T15:00:00+00:00", "escalation", 2, "infra.md", 9),
        ("2025-10-06T15:00:00+00:00", "escalation", 2, "platform.md", 6),
        ("2025-10-06T15:00:00+00:00", "escalation", 2, "sre.md", 7),
        ("2025-10-08T13:00:00+00:00", "escalation", 3, "sre.md", 10),
    ]


def test_two_different_pages_of_one_log_at_one_minute_stay_two(tmp_path: Path) -> None:
    log = tmp_path / "oncall.md"
    log.write_text(
        "# On-call\n\nAll times ET.\n\n## 2025-10-06\n"
        "- 09:00: OPS-7 opened.\n"
        "- 09:30: paged on-call for OPS-7.\n"
        "- 09:30: pinged the database team about OPS-7.\n"
        "- 09:30: paged on-call for OPS-7.\n",
        encoding="utf-8",
    )
    out = timeline.summary(read_logs(str(log)), "2025-10-07T00:00Z")
    assert out[["ticket", "follow_ups", "escalations", "max_level"]].to_dict("records") == [
        {"ticket": "OPS-7", "follow_ups": 2, "escalations": 0, "max_level": 1},
    ]


def test_lower_case_key_is_the_ticket_another_log_writes(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    logs = read_logs(str(ws / "feedback" / "*.md"))
    cdn = logs.events[logs.events["source"].str.endswith("cdn.md")]
    assert [(r.line, r.kind, r.tickets) for r in cdn.itertuples()] == [
        (7, "note", ["OPS-102"]),
        (10, "resolved", ["OPS-102"]),
        (11, "note", []),  # (openssl-3, utf-8: no key any log writes)
    ]
    # the text stays as written
    assert cdn["text"].tolist()[0] == "18:00: ops-102 picked up by CDN on-call."
    rows = _summary_rows(ws)
    assert rows[1] == {
        "ticket": "OPS-102", "first_seen": "2025-10-07T18:00:00Z", "first_follow_up": None,
        "first_escalation": None, "max_level": 0, "follow_ups": 0, "escalations": 0,
        "resolved_at": "2025-10-08T20:30:00Z", "time_to_escalate": None, "time_to_resolve": 95400.0,
        "open_age": None, "status": "resolved", "day_precision": [],
    }


def test_deadline_judged_by_the_resolution_another_log_writes_in_lower_case(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    logs = read_logs(str(ws / "feedback" / "*.md"))
    policy = Policy.model_validate({"tz": "America/New_York", "tickets": {"OPS": {"resolution": "2d"}}})
    out = sla.misses(logs, None, policy, "2025-10-06T04:00Z", "2025-10-13T04:00Z", "2025-10-13T00:00Z")
    rows = out[out["subject"].eq("OPS-102")]
    assert [
        (r.kind, r.due_at.isoformat(), r.resolved_at.isoformat(), r.status, r.overage_min)
        for r in rows.itertuples()
    ] == [
        ("deadline", "2025-10-08T17:00:00+00:00", "2025-10-08T20:30:00+00:00", "missed", 210.0),
        ("resolution", "2025-10-09T18:00:00+00:00", "2025-10-08T20:30:00+00:00", "met", 0.0),
    ]


def test_parse_logs_knows_keys_across_documents_and_one_document_alone_does_not() -> None:
    both = parse_logs([("cdn.md", CDN), ("infra.md", INFRA)])
    assert both.events[["source", "line", "tickets"]].head(2).to_dict("records") == [
        {"source": "cdn.md", "line": 7, "tickets": ["OPS-102"]},
        {"source": "cdn.md", "line": 10, "tickets": ["OPS-102"]},
    ]
    alone = parse_logs([("cdn.md", CDN)])
    assert alone.events["tickets"].tolist() == [[], [], []]


def test_heading_key_in_lower_case_is_the_key_its_items_or_another_log_write(tmp_path: Path) -> None:
    cdn = tmp_path / "cdn.md"
    cdn.write_text(
        "# CDN log\n\nAll times UTC.\n\n## 2025-10-07 ops-102 purge\n- 18:00: picked up by CDN on-call.\n",
        encoding="utf-8",
    )
    infra = tmp_path / "infra.md"
    infra.write_text("# Infra\n\n- 2025-10-07 14:00 UTC: OPS-102 opened.\n", encoding="utf-8")
    both = read_logs([str(cdn), str(infra)])
    assert both.events[["line", "kind", "tickets", "text"]].to_dict("records")[0] == {
        "line": 6, "kind": "note", "tickets": ["OPS-102"], "text": "18:00: picked up by CDN on-call.",
    }
    assert both.sections["heading"].tolist()[0] == "2025-10-07 ops-102 purge"  # (as written)
    # one log alone: the heading's key is that of an item under it...
    cdn.write_text(cdn.read_text(encoding="utf-8") + "- 19:00: OPS-102 resolved.\n", encoding="utf-8")
    alone = read_logs(str(cdn))
    assert alone.events[["line", "kind", "tickets"]].to_dict("records") == [
        {"line": 6, "kind": "note", "tickets": ["OPS-102"]},
        {"line": 7, "kind": "resolved", "tickets": ["OPS-102"]},
    ]
    # ...and a word when no log writes it in upper case
    assert parse_logs([("cdn.md", "# CDN\n\n## 2025-10-07 ops-102 purge\n- 18:00: picked up.\n")]).events[
        "tickets"].tolist() == [[]]
