"""Round 8 (own fixes): an item past midnight rolls its 'midnight' deadline one day, not two."""

from __future__ import annotations

import pandas as pd

from occ_lib.logs import parse_logs


def _dues(text: str) -> list[tuple[int, str]]:
    logs = parse_logs([("t.md", text)])
    return [(int(r.line), pd.Timestamp(r.due_at).isoformat()) for r in logs.deadlines.itertuples()]


def test_midnight_written_past_midnight_is_the_coming_one():
    text = (
        "# t\n\n## 2025-10-24\n- 23:52 OPS-3 deploy started\n- 00:20 OPS-3 rollback, ETA midnight\n"
        "- 00:25 OPS-4 rollback, ETA 01:00\n"
    )
    assert _dues(text) == [(5, "2025-10-26T00:00:00+00:00"), (6, "2025-10-25T01:00:00+00:00")]


def test_midnight_in_a_zone_past_midnight():
    text = (
        "---\ntz: America/New_York\n---\n# t\n\n## 2025-10-24\n- 23:52 OPS-3 deploy started\n"
        "- 00:20 OPS-3 rollback, ETA midnight\n"
    )
    assert _dues(text) == [(8, "2025-10-26T04:00:00+00:00")]


def test_midnight_not_rolled_stays_at_the_end_of_its_day():
    text = (
        "# t\n\n## 2025-10-24\n- 00:20 OPS-3 rollback, ETA midnight\n"
        "- 20:20 OPS-5 rollback, ETA midnight\n"
    )
    assert _dues(text) == [(4, "2025-10-25T00:00:00+00:00"), (5, "2025-10-25T00:00:00+00:00")]


def test_a_rolled_clock_time_across_the_autumn_change_is_25_hours_later():
    # (the night Europe/Berlin leaves CEST: 02:30 CET is the second 02:30, 01:30 UTC)
    text = (
        "---\ntz: Europe/Berlin\n---\n# t\n\n## 2025-10-25\n- 23:40 OPS-7 failover started\n"
        "- 00:10 OPS-7 still degraded, ETA 02:30 CET\n"
    )
    assert _dues(text) == [(8, "2025-10-26T01:30:00+00:00")]
