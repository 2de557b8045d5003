"""Round 12, helper expf: a date that ends a period a thing lasts (a validity, a sunset, an end of life)
is not when the item happened, and no deadline unless written as one; a status page's Investigating or
Identified update is the team's public first response (``acknowledged``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from occ_lib._extract import classify, keywords
from occ_lib.logs import read_logs
from occ_lib.timeline import summary
from tests.log_rows import cli_rows


def _log(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ops.md"
    path.write_text(text, encoding="utf-8")
    return path


def _events(tmp_path: Path, text: str) -> list[list]:
    ev = read_logs([str(_log(tmp_path, text))]).events
    return [
        [line, at.strftime("%Y-%m-%d %H:%M"), prec, kind, list(t)]
        for line, at, prec, kind, t in zip(
            ev["line"], ev["at"], ev["at_precision"], ev["kind"], ev["tickets"], strict=True
        )
    ]


def _deadlines(tmp_path: Path, text: str) -> list[list]:
    dl = read_logs([str(_log(tmp_path, text))]).deadlines
    return [
        [line, list(t), d.strftime("%Y-%m-%d %H:%M"), kw, bool(m)]
        for line, t, d, kw, m in zip(
            dl["line"], dl["tickets"], dl["due_at"], dl["keyword"], dl["stated_missed"], strict=True
        )
    ]


# --- 1: a validity's, a sunset's or an end of life's date is not the item's time --------------------


@pytest.mark.parametrize("item", [
    "cert for api.example.com valid to 2025-12-01.",
    "flag checkout_v2 sunset date 2025-11-01.",
    "EOL 2026-01-31 for the node16 runtime.",
    "license valid until Dec 1.",
    "token good through 2025-11-30",
    "runtime end-of-life: 2026-01-31",
    "python3.9 end of life on 2025-10-31",
    "cert notAfter=2025-12-01",
    "flag `new_ui` on until 2025-10-20",
    "legacy API sunsets on Nov 1",
    "**EOL**: 2026-01-31",
    "vendor support ends 2026-01-31",
    "cert valid from 2025-10-01 to 2025-12-01",
    "token validUntil=2025-12-01",
])
def test_a_period_end_is_neither_the_items_time_nor_a_deadline(tmp_path, item):
    text = f"# Log\n\n## 2025-10-09\n\n- OPS-7 {item}\n"
    assert _events(tmp_path, text) == [[5, "2025-10-09 00:00", "day", "note", ["OPS-7"]]]
    assert _deadlines(tmp_path, text) == []


def test_an_expiry_stays_a_deadline_and_a_renewal_is_one(tmp_path):
    text = (
        "# Log\n\n## 2025-10-09\n\n"
        "- OPS-8 token expires on 2025-12-01.\n"
        "- OPS-9 cert valid to 2025-12-01, renew before 2025-11-24.\n"
    )
    assert _events(tmp_path, text) == [
        [5, "2025-10-09 00:00", "day", "deadline", ["OPS-8"]],
        [6, "2025-10-09 00:00", "day", "deadline", ["OPS-9"]],
    ]
    assert _deadlines(tmp_path, text) == [
        [5, ["OPS-8"], "2025-12-01 00:00", "expires", False],
        [6, ["OPS-9"], "2025-11-24 00:00", "before", False],
    ]


def test_a_time_written_beside_a_period_end_is_the_items(tmp_path):
    text = (
        "# Log\n\n## 2025-10-09\n\n"
        "- 14:05 UTC OPS-10 renewed the cert, valid to 2026-01-07 09:00 UTC.\n"
        "- OPS-11 cert valid to 2026-01-07; rotated 15:20 UTC.\n"
        "- 16:00 UTC OPS-12 mitigated, watching until 18:00 UTC.\n"
        "- OPS-13 mitigated, watching until 18:00 UTC.\n"
    )
    assert _events(tmp_path, text) == [
        [5, "2025-10-09 14:05", "minute", "resolved", ["OPS-10"]],
        [6, "2025-10-09 15:20", "minute", "note", ["OPS-11"]],
        # (a note: 'until' leaves a resolution open, logs' rule 3)
        [7, "2025-10-09 16:00", "minute", "note", ["OPS-12"]],
        [8, "2025-10-09 00:00", "day", "note", ["OPS-13"]],
    ]


def test_a_timelines_first_sighting_keeps_the_sections_day(tmp_path):
    text = (
        "# Log\n\n## 2025-10-09\n\n"
        "- OPS-14 cert for api.example.com valid to 2025-12-01.\n\n"
        "## 2025-10-10\n\n"
        "- 09:00 UTC OPS-14 renewed, resolved.\n"
    )
    tl = summary(read_logs([str(_log(tmp_path, text))]).events, as_of="2025-10-13T00:00Z")
    got = [(r["ticket"], str(r["first_seen"]), str(r["resolved_at"])) for r in tl.to_dict("records")]
    assert got == [("OPS-14", "2025-10-09 00:00:00+00:00", "2025-10-10 09:00:00+00:00")]


def test_a_word_alone_is_no_period_end(tmp_path):
    text = (
        "# Log\n\n## 2025-10-09\n\n"
        "- OPS-15 validated the 2025-10-08 backup.\n"
        "- OPS-16 deploy blocked until 2025-10-12.\n"
    )
    assert _events(tmp_path, text) == [
        [5, "2025-10-08 00:00", "day", "note", ["OPS-15"]],
        [6, "2025-10-09 00:00", "day", "blocked", ["OPS-16"]],
    ]
    assert _deadlines(tmp_path, text) == [[6, ["OPS-16"], "2025-10-12 00:00", "until", False]]


# --- 2: a status page's Investigating / Identified update is the first response ---------------------


@pytest.mark.parametrize("text, want", [
    ("**Investigating** - We are investigating elevated errors. Posted Oct 09, 2025 - 14:05 EDT",
     ("acknowledged", 0)),
    ("**Identified** - The issue has been identified and a fix is being implemented.", ("acknowledged", 0)),
    ("Investigating - We are currently investigating this issue.", ("acknowledged", 0)),
    ("IDENTIFIED: config rollback under way", ("acknowledged", 0)),
    ("__Identified__\nA rollback is in progress.", ("acknowledged", 0)),
    # the word elsewhere, or no label: what the rest says
    ("We are investigating elevated errors.", ("note", 0)),
    ("root cause identified: bad config", ("note", 0)),
    ("Investigating the 502s on checkout", ("note", 0)),
    ("**Resolved** - This incident has been resolved.", ("resolved", 0)),
    ("**Monitoring** - A fix has been implemented and we are monitoring the results.", ("status", 0)),
])
def test_a_status_page_label(text, want):
    assert classify(text, keywords(text), False) == want


STATUS = (
    "# Checkout errors (pasted from status.example.com)\n\n"
    "## 2025-10-09 CHK-77\n\n"
    "**Resolved** - This incident has been resolved.\nPosted Oct 09, 2025 - 15:05 EDT\n\n"
    "**Identified** - A rollback is in progress. Next update by 14:45 EDT.\n"
    "Posted Oct 09, 2025 - 14:30 EDT\n\n"
    "**Investigating** - We are investigating elevated errors.\nPosted Oct 09, 2025 - 14:05 EDT\n"
)


def test_a_status_page_paste_acknowledges_the_ticket(tmp_path):
    assert _events(tmp_path, STATUS) == [
        [5, "2025-10-09 19:05", "minute", "resolved", ["CHK-77"]],
        [8, "2025-10-09 18:30", "minute", "acknowledged", ["CHK-77"]],
        [11, "2025-10-09 18:05", "minute", "acknowledged", ["CHK-77"]],
    ]
    assert _deadlines(tmp_path, STATUS) == [[8, ["CHK-77"], "2025-10-09 18:45", "update", False]]


def test_the_response_target_counts_the_status_page_update(tmp_path):
    alert = "# Checkout\n\n## 2025-10-09 CHK-77\n\n- 13:40 EDT CHK-77 alert fired, errors on checkout\n\n"
    _log(tmp_path, alert + STATUS.split("\n\n", 2)[2])
    (tmp_path / "occ.yml").write_text(
        "logs: [ops.md]\nsla:\n  tz: America/New_York\n  tickets:\n"
        "    CHK: {first_response: 30m, resolution: 1d}\n", encoding="utf-8")
    rows = cli_rows("sla", "--config", str(tmp_path / "occ.yml"), "--week", "2025-W41",
                    "--as-of", "2025-10-13T00:00Z", "--format", "jsonl")
    got = [[r["kind"], r["subject"], r["due_at"], r["resolved_at"], r["status"], r["line"]] for r in rows]
    assert got == [
        # (the update promised at 14:30 EDT for 14:45 came at 15:05: the Resolved one)
        ["deadline", "CHK-77", "2025-10-09T18:45:00Z", "2025-10-09T19:05:00Z", "missed", 10],
        # the Investigating update at 14:05 EDT answers the 13:40 alert within 30m (not the 15:05 fix)
        ["response", "CHK-77", "2025-10-09T18:10:00Z", "2025-10-09T18:05:00Z", "met", 5],
        ["resolution", "CHK-77", "2025-10-10T17:40:00Z", "2025-10-09T19:05:00Z", "met", 5],
    ]
    assert rows[1]["detail"] == (
        "responded 2025-10-09 14:05 EDT, by the due time; first mention 2025-10-09 13:40 EDT, response after "
        "25min (target 30min)"
    )
