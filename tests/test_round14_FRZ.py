"""Round 14 (FRZ): a freeze announced through a later day, and freezes written around an 'until'.

1. '- code freeze through Friday 18:00 UTC' under a Wednesday gave no deadline row, and its Friday
   18:00 became the time the untimed items after it were read after: '- freeze window until 13:00 UTC'
   was due Thursday. 'through <time>' after a freeze or window is its end (keyword `window`, as
   'until' is: test_round14_EDGE2), no other 'through' is a keyword; and an item that opens a section
   with another day's time ('- code freeze starts Friday 18:00 UTC', a plan) no longer carries that day
   to the items after it, as one after a timed item did not (test_round14_EXPA's E3).
2. A freeze written as the clause's label ('deploy freeze: no merges until 12:00 UTC') or in brackets
   after the time ('no deploys until 14:00 UTC (freeze)') is the freeze's end too; 'we have until 12:00
   UTC to ship' stays a promise.

SLA rows are `occ sla`'s deadline rows [line, subject, due_at, status] for 2025-W41, as of 2025-10-13.
"""

from __future__ import annotations

from occ_lib.logs import parse_log
from tests.log_rows import deadline_rows, event_rows, sla_deadline_rows

_FREEZES = (
    "## 2025-10-08\n"
    "\n"
    "- code freeze through Friday 18:00 UTC\n"
    "- freeze window until 13:00 UTC\n"
    "- deploy freeze: no merges until 12:00 UTC\n"
    "- no deploys until 14:00 UTC (freeze)\n"
    "- we have until 12:00 UTC to ship\n"
)


def test_a_freeze_through_a_later_day_is_its_end_and_moves_no_item_after_it() -> None:
    logs = parse_log(_FREEZES, "x.md")
    assert deadline_rows(logs.deadlines) == [
        [3, [], "10-10 18:00", "window", False],
        [4, [], "10-08 13:00", "window", False],
        [5, [], "10-08 12:00", "window", False],
        [6, [], "10-08 14:00", "window", False],
        [7, [], "10-08 12:00", "until", False],
    ]
    assert event_rows(_FREEZES) == [
        [3, "10-08 00:00", "deadline", 0, [], "code freeze through Friday 18:00 UTC"],
        [4, "10-08 00:00", "deadline", 0, [], "freeze window until 13:00 UTC"],
        [5, "10-08 00:00", "deadline", 0, [], "deploy freeze: no merges until 12:00 UTC"],
        [6, "10-08 00:00", "deadline", 0, [], "no deploys until 14:00 UTC (freeze)"],
        [7, "10-08 00:00", "deadline", 0, [], "we have until 12:00 UTC to ship"],
    ]
    # (the freezes' ends are no promise; the time to ship is one, and missed)
    assert sla_deadline_rows(logs) == [[7, "(no ticket)", "10-08 12:00", "missed"]]


def test_a_stamped_freeze_through_friday_and_a_tickets_freeze_through_a_time() -> None:
    text = (
        "## 2025-10-08\n"
        "\n"
        "- 09:00 UTC code freeze through Friday 18:00 UTC\n"
        "- freeze window until 13:00 UTC\n"
        "- OPS-7 deploy freeze thru 15:00 UTC\n"
        "- worked through 16:00 UTC on the backlog\n"
        "- we have until 12:00 UTC to ship before the freeze\n"
    )
    logs = parse_log(text, "x.md")
    assert deadline_rows(logs.deadlines) == [
        [3, [], "10-10 18:00", "window", False],
        [4, [], "10-08 13:00", "window", False],
        [5, ["OPS-7"], "10-08 15:00", "window", False],
        [7, [], "10-08 12:00", "until", False],  # ('before the freeze': no freeze's end)
    ]
    assert [r[:3] for r in event_rows(text)] == [
        [3, "10-08 09:00", "deadline"], [4, "10-08 00:00", "deadline"], [5, "10-08 00:00", "deadline"],
        [6, "10-08 16:00", "note"], [7, "10-08 00:00", "deadline"],
    ]
    # (a ticket's freeze is its deadline, as EDGE2's 'OPS-7 deploy freeze until 13:00 UTC')
    assert sla_deadline_rows(logs) == [
        [7, "(no ticket)", "10-08 12:00", "missed"], [5, "OPS-7", "10-08 15:00", "missed"],
    ]


def test_another_days_plan_opening_a_section_gives_the_items_after_it_no_day() -> None:
    text = (
        "## 2025-10-08\n"
        "\n"
        "- code freeze starts Friday 18:00 UTC\n"
        "- OPS-1 ETA 11:00 UTC\n"
        "- maintenance window until 13:00 UTC\n"
    )
    logs = parse_log(text, "x.md")
    assert deadline_rows(logs.deadlines) == [
        [4, ["OPS-1"], "10-08 11:00", "ETA", False],
        [5, [], "10-08 13:00", "window", False],
    ]
    assert [r[:3] for r in event_rows(text)] == [
        [3, "10-10 18:00", "note"], [4, "10-08 00:00", "deadline"], [5, "10-08 00:00", "deadline"],
    ]
    assert sla_deadline_rows(logs) == [[4, "OPS-1", "10-08 11:00", "missed"]]


def test_a_dated_evening_item_opening_a_section_still_runs_into_the_small_hours() -> None:
    text = (
        "## 2025-10-08\n"
        "\n"
        "- 2025-10-08 22:30 UTC OPS-2 paged\n"
        "- 00:40 UTC OPS-2 mitigated, ETA 02:00 UTC\n"
        "- vendor contacted, ETA 06:00 UTC\n"
    )
    logs = parse_log(text, "x.md")
    assert [r[:3] for r in event_rows(text)] == [
        [3, "10-08 22:30", "follow_up"], [4, "10-09 00:40", "resolved"], [5, "10-08 00:00", "deadline"],
    ]
    assert deadline_rows(logs.deadlines) == [
        [4, ["OPS-2"], "10-09 02:00", "ETA", False],
        [5, [], "10-09 06:00", "ETA", False],  # (the logs' table: OPS-2's by its thread)
    ]


def test_a_freeze_through_a_day_is_a_tickets_window_and_of_no_ticket_no_row() -> None:
    text = (
        "## 2025-10-08\n"
        "\n"
        "- 16:00 UTC sync, freeze through Friday\n"
        "- OPS-3 change freeze through Friday\n"
        "- change freeze thru Friday EOD\n"
    )
    logs = parse_log(text, "x.md")
    # (as EDGE2's 'change freeze until Friday': a ticketless day's window promises nothing; 'thru Friday
    # EOD' was a ticketless EOD promise)
    assert deadline_rows(logs.deadlines) == [[4, ["OPS-3"], "10-10 00:00", "window", False]]
    assert [r[:3] for r in event_rows(text)] == [
        [3, "10-08 16:00", "note"], [4, "10-08 00:00", "deadline"], [5, "10-08 00:00", "note"],
    ]
