"""Round 12: an RCA or postmortem deadline is kept by its delivery, not by the incident's resolution."""

from __future__ import annotations

import pandas as pd
import pytest

from occ_lib import sla
from occ_lib._extract import deliverable_promise, delivered
from occ_lib.logs import parse_log

LOG = (
    "# SRE log\n## 2025-10-09\n"
    "- 15:30 UTC INC-4200 resolved; RCA ETA 2025-10-14\n"
    "- 16:00 UTC Follow-up: postmortem for INC-4100 due 2025-10-10\n"
    "- 16:10 UTC INC-4100 resolved\n"
    "- 16:20 UTC INC-4300 fix ETA 18:00 UTC, PIR by 2025-10-16\n"
    "- 17:30 UTC INC-4300 resolved\n"
    "## 2025-10-13\n"
    "- 11:00 UTC INC-4200 RCA published in #sre\n"
)


def utc(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def test_a_deliverables_deadline_has_its_own_keyword() -> None:
    d = parse_log(LOG, "pm.md").deadlines
    assert d[["line", "tickets", "due_at", "keyword"]].values.tolist() == [
        [3, ["INC-4200"], utc("2025-10-14"), "postmortem"],
        [4, ["INC-4100"], utc("2025-10-10"), "postmortem"],
        [6, ["INC-4300"], utc("2025-10-09 18:00"), "ETA"], [6, ["INC-4300"], utc("2025-10-16"), "postmortem"],
    ]


def test_the_sla_judges_it_by_its_delivery() -> None:
    m = sla.deadline_misses(parse_log(LOG, "pm.md"), as_of="2025-10-20T00:00:00Z")
    m["overage_min"] = m["overage_min"].fillna(-1.0)
    assert m[["subject", "due_at", "resolved_at", "status", "overage_min", "line"]].values.tolist() == [
        ["INC-4200", utc("2025-10-15"), utc("2025-10-13 11:00"), "met", 0.0, 3],
        ["INC-4100", utc("2025-10-11"), pd.NaT, "missed", 12960.0, 4],  # (resolved, but no postmortem)
        ["INC-4300", utc("2025-10-09 18:00"), utc("2025-10-09 17:30"), "met", 0.0, 6],  # (an ETA: the fix)
        ["INC-4300", utc("2025-10-17"), pd.NaT, "missed", 4320.0, 6],
    ]
    assert m["detail"].iloc[0] == (
        "due 2025-10-14 (date only); delivered 2025-10-13 11:00 UTC, by the due time; a deliverable's "
        "deadline in \"15:30 UTC INC-4200 resolved; RCA ETA 2025-10-14\""
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("RCA published in #sre", True), ("shared the postmortem with the VP", True), ("PIR held", True),
     ("postmortem doc is up", True), ("drafting the RCA", False), ("RCA ETA Friday", False),
     ("published the release notes", False)],
)
def test_delivered_words(text: str, expected: bool) -> None:
    assert delivered(text) is expected


def test_the_deliverable_must_be_in_the_deadlines_clause() -> None:
    text = "RCA drafted. Fix ETA 17:00"
    assert deliverable_promise(text, text.index("17")) is False
    text = "RCA ETA 17:00"
    assert deliverable_promise(text, text.index("17")) is True
