"""Round 15, PERF: parse-time work removed with the output unchanged (what each shortcut skips is
pinned here on the inputs whose reading goes through it)."""

from __future__ import annotations

import pandas as pd

from occ_lib.logs import parse_log
from occ_lib.redact import redact_lines
from tests.log_rows import deadline_cells, event_rows

# one mention's worded move is read once and used for the three moves that ask it (a ticket's due
# moved, an 'until' window moved, a planned window moved) and for 'where something moved to'
MOVES = (
    "## 2025-10-08\n"
    "- 09:00 REL-901 fix ETA Oct 20 17:00 UTC\n"
    "- 10:00 REL-901 slipped to Oct 22\n"
    "- 10:30 REL-901 standup moved to 11:00\n"
    "- Vendor call rescheduled for Fri 15:00 UTC\n"
    "- 12:00 UTC OPS-1 deploy pushed to 14:00 UTC, then done at 12:30 UTC\n"
)


def test_worded_moves_read_once_events() -> None:
    assert event_rows(MOVES) == [
        [2, "10-08 09:00", "deadline", 0, ["REL-901"], "09:00 REL-901 fix ETA Oct 20 17:00 UTC"],
        [3, "10-08 10:00", "deadline", 0, ["REL-901"], "10:00 REL-901 slipped to Oct 22"],
        # (a meeting's move is no due moved, and 11:00 is where it moved to, not the item's time)
        [4, "10-08 10:30", "note", 0, ["REL-901"], "10:30 REL-901 standup moved to 11:00"],
        # (round 16 PLANS: a slot of no ticket moved to a later day is a plan)
        [5, "10-08 00:00", "plan", 0, [], "Vendor call rescheduled for Fri 15:00 UTC"],
        # (the second mention asks again: 12:30 is when it was done, 14:00 where the deploy moved to)
        [6, "10-08 12:00", "resolved", 0, ["OPS-1"],
         "12:00 UTC OPS-1 deploy pushed to 14:00 UTC, then done at 12:30 UTC"],
    ]


def test_worded_moves_read_once_deadlines() -> None:
    assert deadline_cells(MOVES) == [
        [2, pd.Timestamp("2025-10-20 17:00", tz="UTC"), "minute", "ETA", False],
        [3, pd.Timestamp("2025-10-22 00:00", tz="UTC"), "day", "ETA", False],
        [3, pd.NaT, "", "missed", True],
    ]


def test_carry_dates_gate_order_undated_section() -> None:
    # (a log without dated headings: the section's dated item dates the next ones, as before)
    text = (
        "### Handoff Tue \u2192 Wed (Priya \u2192 Marco)\n"
        "- 2025-10-07 22:02 UTC page #PD-R7T8U9\n"
        "- 03:45 UTC paged the IC\n"
        "- due by Thu 18:00 UTC\n"
    )
    assert event_rows(text) == [
        # (round 18: a PagerDuty incident's id is the ticket of an item that names no other)
        [2, "10-07 22:02", "note", 0, ["PD-R7T8U9"], "2025-10-07 22:02 UTC page #PD-R7T8U9"],
        [3, "10-08 03:45", "escalation", 2, [], "03:45 UTC paged the IC"],
        [4, None, "deadline", 0, [], "due by Thu 18:00 UTC"],
    ]
    assert deadline_cells(text) == [[4, pd.Timestamp("2025-10-09 18:00", tz="UTC"), "minute", "by", False]]


def test_carry_dates_gate_order_dated_log() -> None:
    # (a log with a dated heading: the item above it borrows no day, its weekday stays a problem)
    text = "- ETA Fri for OPS-4\n## 2025-10-08\n- 10:00 UTC OPS-4 started\n"
    assert event_rows(text) == [
        [1, None, "note", 0, ["OPS-4"], "ETA Fri for OPS-4"],
        [3, "10-08 10:00", "note", 0, ["OPS-4"], "10:00 UTC OPS-4 started"],
    ]
    problems = parse_log(text, "x.md").problems
    assert problems[["line", "what", "reason"]].values.tolist() == [
        [1, "time", "relative day without a date"]
    ]


def test_aws_id_literal_gate() -> None:
    # (an AWS key id opens its next lines' window for a lone secret; a lower-case 'akia...' is no id)
    lines = [
        "- aws key id AKIAIOSFODNN7EXAMPLE", "- region us-east-1",
        "- wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "- secret word only",
        "- akiaiosfodnn7example lower", "- q9Jz0sLm2Pq8Rt4Uv6Wx+Yz1Ab3Cd5Ef7Gh9Ij0K",
    ]
    assert redact_lines(lines, "\n".join(lines)) == [
        "- aws key id AKIAIOSFODNN7EXAMPLE", "- region us-east-1", "- ***", "- secret word only",
        "- akiaiosfodnn7example lower", "- q9Jz0sLm2Pq8Rt4Uv6Wx+Yz1Ab3Cd5Ef7Gh9Ij0K",
    ]


def test_period_gate_is_any_hint() -> None:
    # (the grouped tests answer as 'any hint in the text' does, hint by hint and on near misses)
    from occ_lib.logs import _PERIOD_HINTS, _may_end_period

    assert len(_PERIOD_HINTS) == 32
    assert [h for h in _PERIOD_HINTS if not _may_end_period(f"x {h} y")] == []
    near = ["still going", "Tilly", "valued", "un set", "E0L", "of lifecycle x", "notafter", "not After",
            "good thru", "supports end", "freeze thru", "window through", "time ended", "OF Life"]
    assert [t for t in near if _may_end_period(t)] == [
        "Tilly", "of lifecycle x", "good thru", "freeze thru", "window through", "time ended"
    ]
    assert [_may_end_period(t) for t in near] == [any(h in t for h in _PERIOD_HINTS) for t in near]


def test_env_secret_gate_is_any_word() -> None:
    from occ_lib.redact import _ENV_SECRET_WORDS, env_secret_hint

    assert [w for w in _ENV_SECRET_WORDS if not env_secret_hint(f"MY_{w}")] == []
    assert [w for w in _ENV_SECRET_WORDS if env_secret_hint(f"MY {w}")] == []  # (no '_': no variable)
    assert env_secret_hint("db_host=x key=y") is False
