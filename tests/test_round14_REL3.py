"""Round 14 (REL3): a relative day word dates the time written right next to it, before it ('yesterday at
17:30', 'last night 23:10', 'yesterday, 23:10') or after it ('17:00 yesterday'), and never a time across a
comma in a clause with a step verb or a deadline keyword of its own ('blocked yesterday, ETA 17:00': the ETA
is due on the item's day, not the day before, which made a false SLA miss; 'blocked yesterday, resolved
04:05'). 'last night' is the day before, as 'the previous evening'. A step verb's past day word with its
time ('resolved yesterday at 17:30', 'last night 23:10 paged') dates the step at that time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.log_rows import cli_rows

OPS = "# Ops\n\n## 2025-10-08\n\n"


def _event(log: Path, line: int, at: str, prec: str, kind: str, level: int, tk: str, text: str) -> dict:
    """The whole row ``occ events --format jsonl`` prints for an item of one ticket, nothing else in it."""
    return {
        "source": str(log), "line": line, "section": "2025-10-08", "at": at, "at_precision": prec,
        "kind": kind, "level": level, "tickets": [tk], "artifacts": [], "channels": [], "urls": [],
        "http_status": None, "text": text, "refs": [],
    }


def _found(text: str) -> list[tuple[str, str, str, str | None]]:
    """The times found in ``text`` on 2025-10-08: ``(raw, 'MM-DD HH:MM', precision, keyword)``."""
    from occ_lib.times import find_times

    return [
        (m.raw, m.at.strftime("%m-%d %H:%M"), m.precision, m.keyword)
        for m in find_times(text, day=dt.date(2025, 10, 8))
    ]


def test_the_four_items_of_the_brief_as_occ_events_prints_them(tmp_path: Path):
    log = tmp_path / "ops.md"
    log.write_text(OPS + (
        "- 09:40 OPS-309 resolved yesterday at 17:30.\n"
        "- 09:41 OPS-310 blocked yesterday, ETA 17:00.\n"
        "- 09:42 OPS-311 blocked yesterday, resolved 04:05.\n"
        "- 09:43 OPS-312 resolved last night.\n"
        "- 09:45 OPS-314 last night 23:10 paged.\n"
    ))
    assert cli_rows("events", str(log), "--format", "jsonl") == [
        # (was 10-08 09:40: the stamp, not the resolution)
        _event(log, 5, "2025-10-07T17:30:00Z", "minute", "resolved", 0, "OPS-309",
               "09:40 OPS-309 resolved yesterday at 17:30."),
        _event(log, 6, "2025-10-07T00:00:00Z", "day", "blocked", 0, "OPS-310",
               "09:41 OPS-310 blocked yesterday, ETA 17:00."),
        # (the block is yesterday's, as REL2's 'blocked yesterday; resolved 09:35'; 04:05 today's: was 10-07)
        _event(log, 7, "2025-10-07T00:00:00Z", "day", "blocked", 0, "OPS-311",
               "09:42 OPS-311 blocked yesterday, resolved 04:05."),
        _event(log, 7, "2025-10-08T04:05:00Z", "minute", "resolved", 0, "OPS-311",
               "09:42 OPS-311 blocked yesterday, resolved 04:05."),
        # ('last night' was no day word: 10-08 09:43)
        _event(log, 8, "2025-10-07T00:00:00Z", "day", "resolved", 0, "OPS-312",
               "09:43 OPS-312 resolved last night."),
        _event(log, 9, "2025-10-07T23:10:00Z", "minute", "follow_up", 1, "OPS-314",
               "09:45 OPS-314 last night 23:10 paged."),
    ]
    assert cli_rows("deadlines", str(log), "--format", "jsonl") == [
        {"source": str(log), "line": 6, "tickets": ["OPS-310"], "due_at": "2025-10-08T17:00:00Z",
         "text": "09:41 OPS-310 blocked yesterday, ETA 17:00.", "stated_missed": False,
         "due_precision": "minute", "keyword": "ETA", "section": "2025-10-08", "refs": [], "moves": False},
    ]


def _sla(tmp_path: Path, resolved: str) -> list[list]:
    log = tmp_path / "ops.md"
    log.write_text(OPS + f"- 09:41 OPS-310 blocked yesterday, ETA 17:00.\n- {resolved} OPS-310 resolved\n")
    return [
        [r["subject"], r["due_at"], r["resolved_at"], r["status"], r["overage_min"]]
        for r in cli_rows("sla", str(log), "--week", "2025-W41", "--as-of", "2025-10-13T00:00Z",
                          "--format", "jsonl")
        if r["kind"] == "deadline"
    ]


def test_the_eta_after_a_past_day_word_is_judged_on_the_items_day(tmp_path: Path):
    # (was due 10-07 17:00: a resolution at 16:30 on the 8th was a miss of 1410 minutes)
    assert _sla(tmp_path, "16:30") == [
        ["OPS-310", "2025-10-08T17:00:00Z", "2025-10-08T16:30:00Z", "met", 0.0]
    ]
    assert _sla(tmp_path, "17:30") == [
        ["OPS-310", "2025-10-08T17:00:00Z", "2025-10-08T17:30:00Z", "missed", 30.0]
    ]


def test_a_day_word_dates_the_time_right_before_or_after_it():
    assert _found("OPS-3 paged yesterday, 23:10") == [("23:10", "10-07 23:10", "minute", None)]
    assert _found("OPS-3 paged last night around 23:10") == [("23:10", "10-07 23:10", "minute", None)]
    assert _found("OPS-3 paged 23:10 last night") == [("23:10", "10-07 23:10", "minute", None)]
    assert _found("OPS-4 yesterday evening, around 23:00, paged") == [
        ("23:00", "10-07 23:00", "minute", None)
    ]
    # (round 7: 17:00 is yesterday's; 'today' across the comma, in a clause of its own, is a date of its own)
    assert _found("OPS-9 pinged at 17:00 yesterday, resolved today") == [
        ("17:00", "10-07 17:00", "minute", None), ("today", "10-08 00:00", "day", None),
    ]
    # (a day word ahead still dates the deadline of what it plans: KINDS' pin)
    assert _found("OPS-2 deploy tomorrow, ETA 10:00") == [("10:00", "10-09 10:00", "minute", "ETA")]


def test_a_day_word_does_not_date_a_time_in_a_clause_of_its_own():
    assert _found("OPS-1 blocked yesterday, ETA 17:00") == [
        ("yesterday", "10-07 00:00", "day", None), ("17:00", "10-08 17:00", "minute", "ETA"),
    ]
    assert _found("OPS-6 blocked yesterday, acked 04:10") == [
        ("yesterday", "10-07 00:00", "day", None), ("04:10", "10-08 04:10", "minute", None),
    ]
    # (after the time, too: was 10-07 10:00 and 10-09 10:00)
    assert _found("OPS-5 deployed at 10:00 UTC, users notified yesterday") == [
        ("10:00 UTC", "10-08 10:00", "minute", None), ("yesterday", "10-07 00:00", "day", None),
    ]
    assert _found("OPS-7 rollback at 10:00, planned tomorrow") == [
        ("10:00", "10-08 10:00", "minute", None), ("tomorrow", "10-09 00:00", "day", None),
    ]


def test_a_step_told_with_its_day_word_and_time_is_at_that_time(tmp_path: Path):
    log = tmp_path / "ops.md"
    log.write_text(OPS + (
        "- 09:50 OPS-320 resolved at 17:30 yesterday\n"
        "- 09:51 OPS-321 paged yesterday ~23:10\n"
        "- 09:52 OPS-322 blocked yesterday; paged 03:40\n"
        "- 09:53 OPS-323 resolved yesterday's alert at 08:00\n"  # (a thing of that day: the stamp's)
        "- 09:54 OPS-324 pinged at 17:00 yesterday, resolved today\n"  # (the resolution is the stamp's)
    ))
    assert [
        [r["line"], r["at"], r["at_precision"], r["kind"], r["tickets"]]
        for r in cli_rows("events", str(log), "--format", "jsonl")
    ] == [
        [5, "2025-10-07T17:30:00Z", "minute", "resolved", ["OPS-320"]],
        [6, "2025-10-07T23:10:00Z", "minute", "follow_up", ["OPS-321"]],
        [7, "2025-10-07T00:00:00Z", "day", "blocked", ["OPS-322"]],
        [7, "2025-10-08T03:40:00Z", "minute", "follow_up", ["OPS-322"]],
        [8, "2025-10-08T09:53:00Z", "minute", "resolved", ["OPS-323"]],
        [9, "2025-10-08T09:54:00Z", "minute", "resolved", ["OPS-324"]],
    ]


def test_a_rolled_stamp_counts_the_day_word_of_a_steps_time_from_its_own_day(tmp_path: Path):
    log = tmp_path / "ops.md"
    log.write_text(
        "---\ntz: America/New_York\n---\n## 2025-10-08\n"
        "- 23:30 OPS-7 deploy started\n"
        "- 00:20 OPS-7 paged yesterday at 23:50\n"  # (written on the 9th: paged on the 8th at 23:50 EDT)
    )
    assert [
        [r["line"], r["at"], r["at_precision"], r["kind"]]
        for r in cli_rows("events", str(log), "--format", "jsonl")
    ] == [[5, "2025-10-09T03:30:00Z", "minute", "note"], [6, "2025-10-09T03:50:00Z", "minute", "follow_up"]]
