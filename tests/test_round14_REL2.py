"""Round 14 (REL2): a past day word that qualifies the item's own step verb dates that step, not the
stamp. '09:40 OPS-309 resolved yesterday.' under 2025-10-08 was resolved on the 7th, at a time unknown
(09:40 is when the item was written): the event is at 10-07 with at_precision 'day', so a deadline of
10-07 17:00 is judged met as the SLA judges a resolution known only to its day. The day word must touch
the kind's verb ('resolved yesterday', 'yesterday resolved', 'was fixed yesterday evening'); one that
qualifies something else ('rolled back the deploy from yesterday'), one attached to the stamp ('09:40
yesterday ...'), one of the base day or later ('resolved today', 'deploy tomorrow') keeps REL's
readings. Each step of an item told in steps gets its own reading."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tests.log_rows import cli_rows, deadline_cells

OPS = "# Ops\n\n## 2025-10-08\n\n"


def _events(text: str) -> list[list]:
    """Each event as ``[line, at 'MM-DD HH:MM', at_precision, kind, tickets]``."""
    from occ_lib.logs import parse_log

    ev = parse_log(text, "x.md").events
    return [
        [line, at.strftime("%m-%d %H:%M"), prec, kind, list(t)]
        for line, at, prec, kind, t in zip(
            ev["line"], ev["at"], ev["at_precision"], ev["kind"], ev["tickets"], strict=True
        )
    ]


def test_a_past_day_word_on_the_step_verb_dates_the_step_to_its_day():
    text = OPS + (
        "- 09:40 OPS-309 resolved yesterday.\n"
        "- 09:40 OPS-310 yesterday resolved\n"
        "- 09:40 OPS-311 was fixed yesterday evening\n"
        "- 09:40 OPS-312 blocked yesterday, yesterday evening resolved.\n"
        "- 09:40 OPS-313 resolved the previous evening\n"
        "- 09:40 OPS-314 acked yday\n"
        "- 09:40 OPS-315 paged yesterday\n"
        "- 09:40 OPS-316 deployed yesterday\n"
        "- OPS-317 resolved yesterday.\n"
        "- 09:40 OPS-318 fixed late yesterday\n"
    )
    assert _events(text) == [
        [5, "10-07 00:00", "day", "resolved", ["OPS-309"]],
        [6, "10-07 00:00", "day", "resolved", ["OPS-310"]],
        [7, "10-07 00:00", "day", "resolved", ["OPS-311"]],
        [8, "10-07 00:00", "day", "resolved", ["OPS-312"]],
        [9, "10-07 00:00", "day", "resolved", ["OPS-313"]],
        [10, "10-07 00:00", "day", "acknowledged", ["OPS-314"]],
        [11, "10-07 00:00", "day", "follow_up", ["OPS-315"]],
        [12, "10-07 00:00", "day", "note", ["OPS-316"]],
        [13, "10-07 00:00", "day", "resolved", ["OPS-317"]],  # (as without a stamp)
        [14, "10-07 00:00", "day", "resolved", ["OPS-318"]],
    ]


def test_a_day_word_of_something_else_or_of_the_stamp_or_not_past_keeps_the_stamp():
    text = OPS + (
        "- 16:05 UTC OPS-5 rolled back the deploy from yesterday\n"
        "- 09:40 yesterday OPS-6 resolved\n"
        "- 09:40 OPS-7 blocked yesterday, resolved today.\n"
        "- 16:05 UTC OPS-8 will deploy tomorrow.\n"
        "- 09:40 OPS-9 resolved, see the runbook from yesterday\n"
        "- 09:40 OPS-10 resolved Oct 7\n"
        "- 09:40 OPS-11 resolved yesterday's alert\n"
    )
    assert _events(text) == [
        [5, "10-08 16:05", "minute", "note", ["OPS-5"]],
        [6, "10-07 09:40", "minute", "resolved", ["OPS-6"]],  # (the stamp's own day word)
        # (blocked yesterday: the resolution, today, is known to the stamp)
        [7, "10-08 09:40", "minute", "resolved", ["OPS-7"]],
        [8, "10-08 16:05", "minute", "plan", ["OPS-8"]],
        [9, "10-08 09:40", "minute", "resolved", ["OPS-9"]],
        [10, "10-08 09:40", "minute", "resolved", ["OPS-10"]],  # (a date in digits: a thing's, as before)
        [11, "10-08 09:40", "minute", "resolved", ["OPS-11"]],  # (a possessive: the alert's day)
    ]


def test_each_step_of_an_item_told_in_steps_gets_its_own_reading():
    text = OPS + (
        "- 09:40 OPS-309 blocked yesterday; resolved 09:35\n"
        "- 09:40 OPS-310 blocked on the vendor yesterday; resolved 09:35\n"
    )
    assert _events(text) == [
        [5, "10-07 00:00", "day", "blocked", ["OPS-309"]],
        [5, "10-08 09:35", "minute", "resolved", ["OPS-309"]],
        [6, "10-08 09:40", "minute", "blocked", ["OPS-310"]],  # (not on the verb: the stamp)
        [6, "10-08 09:35", "minute", "resolved", ["OPS-310"]],
    ]


def test_a_deadline_of_the_item_is_read_as_before():
    text = OPS + "- 09:40 OPS-1 resolved yesterday; RCA due Oct 10 17:00 UTC\n"
    assert _events(text) == [[5, "10-07 00:00", "day", "resolved", ["OPS-1"]]]
    assert deadline_cells(text) == [
        [5, pd.Timestamp("2025-10-10 17:00", tz="UTC"), "minute", "postmortem", False],
    ]


def test_a_resolution_yesterday_meets_yesterdays_deadline_in_the_sla(tmp_path: Path):
    log = tmp_path / "ops.md"
    log.write_text(
        "# Ops\n\n## 2025-10-07\n\n- 08:00 UTC OPS-309 opened, ETA 17:00 UTC\n\n"
        "## 2025-10-08\n\n- 09:40 OPS-309 resolved yesterday.\n"
    )
    rows = [
        [r["subject"], r["due_at"], r["resolved_at"], r["status"], r["overage_min"]]
        for r in cli_rows("sla", str(log), "--week", "2025-W41", "--as-of", "2025-10-13T00:00Z",
                          "--format", "jsonl")
        if r["kind"] == "deadline"
    ]
    assert rows == [["OPS-309", "2025-10-07T17:00:00Z", "2025-10-07T00:00:00Z", "met", 0.0]]


def test_a_stamp_rolled_past_midnight_counts_the_day_word_from_its_own_day():
    text = "---\ntz: America/New_York\n---\n## 2025-10-08\n" + (
        "- 09:40 OPS-1 resolved yesterday\n"
        "- 23:30 OPS-7 deploy started\n"
        "- 00:20 OPS-7 paged yesterday\n"  # (written on the 9th: paged on the 8th)
        "- 00:30 OPS-7 resolved today\n"
    )
    assert _events(text) == [
        [5, "10-07 00:00", "day", "resolved", ["OPS-1"]],
        [6, "10-09 03:30", "minute", "note", ["OPS-7"]],
        [7, "10-08 00:00", "day", "follow_up", ["OPS-7"]],
        [8, "10-09 04:30", "minute", "resolved", ["OPS-7"]],
    ]
