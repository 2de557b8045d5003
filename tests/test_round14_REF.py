"""Round 14 (REF): the three patterns that find the time an item opens with share one clock
(:data:`occ_lib._stamps.CLOCK`), so that each form one of them knows is known to all: a list of tickets
after a stamp written '21h30', '14.00', '9am' or '14:00 utc' shares the item's deadline as after
'21:30'; the ticket an item opens with after '9am' or '9:05 a.m.' is its deadline's as after '09:00'."""

from __future__ import annotations

import pytest

from occ_lib.logs import parse_log
from tests.log_rows import deadline_rows

HEAD = "# Ops\n\n## 2025-10-08\n\n"


def _deadlines(item: str) -> list[list]:
    return deadline_rows(parse_log(f"{HEAD}- {item}\n", "x.md").deadlines)


@pytest.mark.parametrize("stamp", ["21:30", "21h30", "21.30", "9pm", "9 PM", "21:30 utc", "21:30 CEST"])
def test_a_list_after_any_clock_the_item_opens_with_shares_its_deadline(stamp):
    assert _deadlines(f"{stamp} OPS-1, OPS-2 ETA 23:00 UTC") == [
        [5, ["OPS-1", "OPS-2"], "10-08 23:00", "ETA", False],
    ]


@pytest.mark.parametrize("stamp", ["09:00", "9am", "9:05 a.m.", "9:05 am", "09:00 CEST", "[9am]"])
def test_the_ticket_an_item_opens_with_after_any_clock_is_its_deadlines(stamp):
    assert _deadlines(f"{stamp} SUP-4410 update: incident INC-7301 opened. ETA 15:00 UTC") == [
        [5, ["SUP-4410"], "10-08 15:00", "ETA", False],
    ]
