"""Round 12: escalation levels: someone's lead is a manager rung."""

from __future__ import annotations

import pytest

from occ_lib.logs import parse_log


def _kinds(item: str) -> list[list]:
    ev = parse_log("# Ops\n## 2025-10-09\n- 10:00 UTC " + item + "\n", "x.md").events
    return ev[["kind", "level"]].values.tolist()


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("DEP-12 missed 17:00. Pinged his lead.", [["escalation", 2]]),
        ("emailed our team lead about DEP-12", [["escalation", 2]]),
        ("raised DEP-12 with my QA lead", [["escalation", 2]]),
        ("looped in the team lead on DEP-12", [["escalation", 2]]),  # (as before)
        # a lead that is nobody's: no role
        ("pinged the vendor about lead time on DEP-12", [["follow_up", 1]]),
        ("pinged his lead time estimate to DEP-12", [["follow_up", 1]]),
    ],
)
def test_someones_lead_is_a_manager(item: str, expected: list[list]) -> None:
    assert _kinds(item) == expected


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("OPS-1 picked up by on-call", [["acknowledged", 0]]),
        ("I picked up OPS-1", [["acknowledged", 0]]),
        ("picked up OPS-1", [["acknowledged", 0]]),
        ("OPS-1 picked up by @kim", [["acknowledged", 0]]),
        ("@kim: on it (OPS-1)", [["acknowledged", 0]]),
        ("kim is looking into it (OPS-1)", [["acknowledged", 0]]),
        ("OPS-1 picked up by on-call, escalated to VP", [["escalation", 3]]),
        # what a system picks up, or a look at something else, is no response
        ("OPS-1 config picked up by the pods", [["note", 0]]),
        ("OPS-1 traffic picked up after 10:00", [["note", 0]]),
        ("OPS-1 looking into options", [["note", 0]]),
        ("OPS-1 on it tomorrow", [["plan", 0]]),
    ],
)
def test_a_ticket_taken_up_is_acknowledged(item: str, expected: list[list]) -> None:
    assert _kinds(item) == expected
