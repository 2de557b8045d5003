"""Round 12: a status page's 'Next update by ...' is kept by the next update, not by the fix."""

from __future__ import annotations

import pandas as pd
import pytest

from occ_lib import sla
from occ_lib._extract import update_promise
from occ_lib.logs import parse_log

PAGE = (
    "# Status page\n"
    "## 2025-10-09\n"
    "- 14:05 EDT INC-88 Investigating: elevated checkout errors. Next update by 14:45 EDT.\n"
    "- 14:40 EDT INC-88 Identified: bad config push; rolling back. Next update by 15:30 EDT.\n"
    "- 15:50 EDT INC-88 Monitoring: error rate back to baseline.\n"
    "- 16:30 EDT INC-88 Resolved.\n"
    "## 2025-10-10\n"
    "- 09:00 UTC INC-90 Investigating. Next update in 30 minutes.\n"
    "- 09:20 UTC INC-90 Identified. We will post an update at 10:00 UTC.\n"
    "- 09:40 UTC INC-91 ETA 10:00 UTC; next status update: 12:00 UTC\n"
)


def utc(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def test_update_promises_are_deadlines_with_their_own_keyword() -> None:
    d = parse_log(PAGE, "sp.md").deadlines
    assert d[["line", "tickets", "due_at", "keyword"]].values.tolist() == [
        [3, ["INC-88"], utc("2025-10-09 18:45"), "update"],
        [4, ["INC-88"], utc("2025-10-09 19:30"), "update"],
        [8, ["INC-90"], utc("2025-10-10 09:30"), "update"],
        [9, ["INC-90"], utc("2025-10-10 10:00"), "update"],
        [10, ["INC-91"], utc("2025-10-10 10:00"), "ETA"], [10, ["INC-91"], utc("2025-10-10 12:00"), "update"],
    ]
    # (the promise's time is no time of the item: 09:20 stays its time)
    ev = parse_log(PAGE, "sp.md").events
    assert ev.loc[ev["line"] == 9, "at"].tolist() == [utc("2025-10-10 09:20")]


def test_the_sla_judges_an_update_promise_by_the_next_update() -> None:
    m = sla.deadline_misses(parse_log(PAGE, "sp.md"), as_of="2025-10-10T11:00:00Z")
    m["overage_min"] = m["overage_min"].fillna(-1.0)  # (none: open)
    assert m[["subject", "due_at", "resolved_at", "status", "overage_min", "line"]].values.tolist() == [
        ["INC-88", utc("2025-10-09 18:45"), utc("2025-10-09 18:40"), "met", 0.0, 3],
        ["INC-88", utc("2025-10-09 19:30"), utc("2025-10-09 19:50"), "missed", 20.0, 4],
        ["INC-90", utc("2025-10-10 09:30"), utc("2025-10-10 09:20"), "met", 0.0, 8],
        # (nothing posted after 09:20 by as_of: missed by an hour)
        ["INC-90", utc("2025-10-10 10:00"), pd.NaT, "missed", 60.0, 9],
        ["INC-91", utc("2025-10-10 10:00"), pd.NaT, "missed", 60.0, 10],  # (an ETA: by the fix)
        ["INC-91", utc("2025-10-10 12:00"), pd.NaT, "open", -1.0, 10],
    ]
    assert m["detail"].iloc[1] == (
        "due 2025-10-09 19:30 UTC; updated 2025-10-09 19:50 UTC, after the due time; 'update' in "
        "\"14:40 EDT INC-88 Identified: bad config push; rolling back. Next update by 15:30 EDT.\""
    )
    assert m["detail"].iloc[3] == (
        "due 2025-10-10 10:00 UTC; not updated at as_of 2025-10-10 11:00 UTC; 'update' in "
        "\"09:20 UTC INC-90 Identified. We will post an update at 10:00 UTC.\""
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Next update by 14:45", True), ("next status update at 16:00", True), ("Next update: 17:00", True),
        ("we will post an update by 15:00", True), ("Next update expected around 15:00", True),
        ("deployed the update at 14:45", False), ("updated at 14:00", False),
        # (round 21: the update's own ETA, as a support lead writes it; a release's, 'firmware update ETA
        # 15:00', is still no promise of news: tests/test_round21_UPDATE.py)
        ("update ETA 15:00", True),
    ],
)
def test_update_promise_words(text: str, expected: bool) -> None:
    start = next(i for i, c in enumerate(text) if c.isdigit())
    assert update_promise(text, start) is expected
