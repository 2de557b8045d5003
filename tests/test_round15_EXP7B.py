"""Round 15 (EXP7B): follow-up of EXP7's findings on the integrations and release train logs: a promise of
the next cycle of recurring work is not kept by this cycle's fix, 'none of the fixes landed' denies the fix,
an announced freeze's start is a window written on the announcement's day, a release calendar's row is
resolved when it shipped, and a condition's time ('if no answer by Wed EOD') is no deadline."""

from __future__ import annotations

import pandas as pd

from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import deadline_cells, event_rows


def _sla(text: str, as_of: str = "2025-10-20") -> list[list]:
    """``[line, subject, 'YYYY-MM-DD HH:MM' due, status, 'MM-DD HH:MM' resolved or None]`` of the deadline
    rows of ``text`` for 2025-10-06..2026-02-01."""
    out = misses(parse_log(text, "x.md"), None, Policy(), start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2026-02-01", tz="UTC"), as_of=pd.Timestamp(as_of, tz="UTC"))
    out = out[out["kind"].eq("deadline")]
    return [[int(n), s, d.strftime("%Y-%m-%d %H:%M"), st, None if pd.isna(r) else r.strftime("%m-%d %H:%M")]
            for n, s, d, st, r in zip(out["line"], out["subject"], out["due_at"], out["status"],
                                      out["resolved_at"], strict=True)]


# 1: the next cycle of recurring work is not kept by this cycle's fix ----------------------------------
NEXT = ("# Integrations (week of 2025-10-13)\n\n## 2025-10-15 Rotation\n"
        "- INT-518 resolved 14:40 ET.\n\n## Upcoming Actions\n"
        "- Next OAuth rotation for INT-518 due 2026-01-15 (90-day cadence).\n")


def test_a_next_rotation_is_not_met_by_the_rotation_written_before_it():
    assert _sla(NEXT) == [[7, "INT-518", "2026-01-16 00:00", "open", None]]


def test_a_next_rotation_is_met_by_a_resolution_after_it():
    later = NEXT + "\n## 2026-01-14\n- 10:00 UTC INT-518 rotated again, resolved.\n"
    assert _sla(later, as_of="2026-01-20") == [[7, "INT-518", "2026-01-16 00:00", "met", "01-14 10:00"]]


def test_a_next_renewal_in_a_dated_section_is_not_met_by_an_earlier_fix():
    text = ("# L\n\n## 2025-10-14\n- 09:00 UTC CERT-7 renewed, resolved.\n\n## 2025-10-15\n"
            "- 10:00 UTC CERT-7 next renewal due 2026-01-10.\n")
    assert _sla(text) == [[7, "CERT-7", "2026-01-11 00:00", "open", None]]


def test_a_plain_deadline_is_still_met_by_the_earlier_fix():
    plain = NEXT.replace("Next OAuth rotation for INT-518 due", "INT-518 key rotation due").replace(
        " (90-day cadence)", "")
    assert _sla(plain) == [[7, "INT-518", "2026-01-16 00:00", "met", "10-15 18:40"]]


# 2: 'none of the fixes landed' denies the fix -----------------------------------------------------------
def test_none_of_the_fixes_landed_is_no_resolution():
    text = ("# L\n\n## 2025-10-13\n- 16:00 OPS-2 blocked by QA-1 (none of the fixes landed).\n"
            "- 16:10 OPS-3 none of them have been deployed yet.\n"
            "- 16:20 OPS-4 fixed; none of the alerts fired since.\n")
    assert [r[:4] for r in event_rows(text)] == [
        [4, "10-13 16:00", "blocked", 0], [5, "10-13 16:10", "note", 0], [6, "10-13 16:20", "resolved", 0],
    ]


# 3: an announced freeze's start: a window row, the item on its own day ---------------------------------
def test_an_announced_code_freeze_is_a_window_written_on_the_items_day():
    text = ("# L\n\n## Mon 2025-10-13\n- Code freeze Wed 18:00 UTC announced in #release-train; after "
            "freeze only cherry-picks approved by the RM.\n"
            "- change freeze starts Fri 18:00 UTC, announced in #eng.\n")
    assert [r[:3] for r in event_rows(text)] == [
        [4, "10-13 00:00", "deadline"], [5, "10-13 00:00", "deadline"],
    ]
    assert deadline_cells(text) == [
        [4, pd.Timestamp("2025-10-15 18:00", tz="UTC"), "minute", "window", False],
        [5, pd.Timestamp("2025-10-17 18:00", tz="UTC"), "minute", "window", False],
    ]
    assert _sla(text) == []  # (a ticketless window is no promise)


def test_a_freeze_not_announced_or_told_as_begun_keeps_its_reading():
    text = ("# L\n\n## Mon 2025-10-13\n- Code freeze starts Wed 18:00 UTC.\n"
            "- 10:00 Code freeze started Wed 18:00 UTC, announced.\n")
    assert [r[:3] for r in event_rows(text)] == [[4, "10-15 18:00", "note"], [5, "10-13 10:00", "note"]]
    assert deadline_cells(text) == []


# 4: a release calendar row is resolved when it shipped, not at the planned time -----------------------
def test_a_calendar_row_is_resolved_at_its_shipped_time():
    text = ("# Release Train\n\n## Thu 2025-10-16 release calendar\n\n| Milestone | When | Owner | Status |\n"
            "| --- | --- | --- | --- |\n"
            "| Production release 2.14.0 | Thu 17:00 UTC | Jonas | shipped 17:42 |\n"
            "| Code freeze | Wed 18:00 UTC | all teams | done |\n")
    assert [r[:3] for r in event_rows(text)] == [
        [7, "10-16 17:00", "note"], [7, "10-16 17:42", "resolved"], [8, "10-15 18:00", "resolved"],
    ]


def test_the_release_trains_calendar_ships_at_1742():
    from pathlib import Path

    from occ_lib.logs import read_logs

    ev = read_logs([Path(__file__).parent / "fixtures" / "round15" / "exp7_b_release_train.md"]).events
    row = ev[ev["line"].eq(13)]
    assert [[k, a.strftime("%m-%d %H:%M")] for k, a in zip(row["kind"], row["at"], strict=True)] == [
        ["note", "10-16 17:00"], ["resolved", "10-16 17:42"],
    ]


# 5: a condition's time is no deadline --------------------------------------------------------------------
def test_the_time_of_a_condition_is_no_deadline():
    text = ("# L\n\n## 2025-10-13\n- 16:05 ET INT-520 no reply yet; will escalate to the Director of "
            "Partnerships if no answer by Wed EOD.\n"
            "- 16:10 OPS-1 page the vendor if we don't hear back by 18:00 UTC.\n"
            "- 16:20 OPS-2 escalate unless they reply by noon tomorrow.\n"
            "- 16:30 OPS-3 fix by 18:00 UTC if possible.\n"
            "- 16:40 OPS-4 if no answer before 09:00 UTC checkpoint, page.\n")
    assert deadline_cells(text) == [
        [7, pd.Timestamp("2025-10-13 18:00", tz="UTC"), "minute", "by", False],
        [8, pd.Timestamp("2025-10-13 09:00", tz="UTC"), "minute", "checkpoint", False],
    ]
