"""Round 14 (EDGE2): windows and freezes that still became SLA misses, and a linked ticket resolved.

1. A ticketless window written after a ticket's stamped step in a one-ticket section was threaded to
   that ticket (occ_lib.threads) and judged missed: a window announced is no step of the story.
2. 'deploy freeze until 12:00 UTC' of no ticket was a missed `(no ticket)` row (keyword `until`): a
   freeze's end is keyword `window`, as a window's ('window until 06:00', test_round14_EDGE).
3. 'OPS-1 resolved; linked INC-2' resolved INC-2 too: 'linked' is one of the words that only open or
   link a ticket (_subjects._OPENS), as the deadline rule already read it.

SLA rows are `occ sla`'s deadline rows [line, subject, due_at, status] for 2025-W41, as of 2025-10-13.
"""

from __future__ import annotations

from pathlib import Path

from occ_lib.logs import parse_log
from occ_lib.threads import deadlines_with_threads, threads
from occ_lib.timeline import escalations
from tests.log_rows import deadline_rows, event_rows
from tests.log_rows import sla_deadline_rows as _sla

# --- 1: a window announced in a ticket's section ------------------------------------------------------

_SECTION = (
    "## 2025-10-08\n"
    "\n"
    "- 09:00 UTC OPS-7 rollout paused, p99 2s\n"
    "- 09:05 UTC change window 02:00 to 04:00 UTC\n"
    "- 09:10 UTC maintenance window until 15:00 UTC\n"
    "- 09:20 UTC deploy freeze until 16:00 UTC\n"
    "- 09:30 UTC maintenance window until 17:00 UTC; fix ETA 18:00 UTC\n"
    "- 09:40 UTC still degraded; ETA 19:00 UTC\n"
)


def test_a_window_announced_after_a_tickets_stamped_step_is_not_that_tickets() -> None:
    logs = parse_log(_SECTION, "x.md")
    assert deadline_rows(logs.deadlines) == [
        [4, [], "10-08 04:00", "window", False],
        [5, [], "10-08 15:00", "window", False],
        [6, [], "10-08 16:00", "window", False],
        [7, [], "10-08 17:00", "window", False],
        [7, [], "10-08 18:00", "ETA", False],
        [8, [], "10-08 19:00", "ETA", False],
    ]
    assert [r[:3] for r in event_rows(_SECTION)] == [
        [3, "10-08 09:00", "note"], [4, "10-08 09:05", "deadline"], [5, "10-08 09:10", "deadline"],
        [6, "10-08 09:20", "deadline"], [7, "10-08 09:30", "deadline"], [8, "10-08 09:40", "deadline"],
    ]
    # (the windows alone are no step; an item with an ETA besides its window is, its ETA alone OPS-7's)
    assert threads(logs.events, logs.deadlines).tolist() == [[], [], [], [], ["OPS-7"], ["OPS-7"]]
    d = deadlines_with_threads(logs.deadlines, logs.events)
    assert d[["line", "tickets", "via"]].values.tolist() == [
        [4, [], "text"], [5, [], "text"], [6, [], "text"], [7, [], "text"],
        [7, ["OPS-7"], "thread"], [8, ["OPS-7"], "thread"],
    ]
    assert _sla(logs) == [[7, "OPS-7", "10-08 18:00", "missed"], [8, "OPS-7", "10-08 19:00", "missed"]]
    tl = escalations(logs)
    assert tl[["ticket", "line", "kind", "via"]].values.tolist() == [
        ["OPS-7", 3, "note", "text"], ["OPS-7", 7, "deadline", "thread"], ["OPS-7", 8, "deadline", "thread"],
    ]


def test_a_tickets_own_window_and_a_threaded_eta_stay_the_tickets() -> None:
    text = (
        "## 2025-10-08\n"
        "\n"
        "- 09:00 UTC OPS-7 maintenance window until 11:00 UTC\n"
        "- 09:10 UTC rollback started, ETA 12:00 UTC\n"
    )
    logs = parse_log(text, "x.md")
    assert threads(logs.events, logs.deadlines).tolist() == [[], ["OPS-7"]]
    assert _sla(logs) == [[3, "OPS-7", "10-08 11:00", "missed"], [4, "OPS-7", "10-08 12:00", "missed"]]
    # (without the deadlines table the events are threaded as before: a hand-made events table)
    assert threads(logs.events).tolist() == [[], ["OPS-7"]]


# --- 2: a freeze's end --------------------------------------------------------------------------------


def test_a_freeze_until_a_time_is_its_end_and_of_no_ticket_no_sla_promise() -> None:
    text = (
        "## 2025-10-08\n"
        "\n"
        "- deploy freeze until 12:00 UTC\n"
        "- change freeze until Friday\n"
        "- code freeze ends 18:00\n"
        "- Code freeze: until 14:00 UTC\n"
        "- deploy freeze in effect until 15:00 UTC\n"
        "- we have until 12:00 UTC to ship the fix\n"
        "- OPS-7 deploy freeze until 13:00 UTC\n"
        "- merges frozen, freezer room at 4C until 11:00 UTC\n"
    )
    logs = parse_log(text, "x.md")
    # ('change freeze until Friday', untimed and of no ticket, and 'ends 18:00': no deadline row)
    assert deadline_rows(logs.deadlines) == [
        [3, [], "10-08 12:00", "window", False],
        [6, [], "10-08 14:00", "window", False],
        [7, [], "10-08 15:00", "window", False],
        [8, [], "10-08 12:00", "until", False],  # (a promise: 'until' of no freeze)
        [9, ["OPS-7"], "10-08 13:00", "window", False],
        [10, [], "10-08 11:00", "until", False],  # ('freezer room at 4C until': no freeze right before)
    ]
    assert _sla(logs) == [
        [10, "(no ticket)", "10-08 11:00", "missed"],
        [8, "(no ticket)", "10-08 12:00", "missed"],
        [9, "OPS-7", "10-08 13:00", "missed"],  # (a ticket's freeze is its deadline)
    ]


# --- 3: a linked ticket ---------------------------------------------------------------------------------


def test_a_linked_ticket_does_not_take_the_items_resolution(tmp_path: Path) -> None:
    text = (
        "## 2025-10-09\n"
        "\n"
        "- 10:00 UTC OPS-1 resolved; linked INC-2. ETA 17:00 UTC\n"
        "- 11:00 UTC OPS-3 and INC-4 resolved\n"
        "- 12:00 UTC OPS-5 resolved, linked INC-6\n"
    )
    logs = parse_log(text, "x.md")
    tl = escalations(logs)
    assert tl[["ticket", "line", "kind"]].values.tolist() == [
        ["OPS-1", 3, "resolved"], ["INC-2", 3, "note"],
        ["OPS-3", 4, "resolved"], ["INC-4", 4, "resolved"],
        ["OPS-5", 5, "resolved"], ["INC-6", 5, "note"],
    ]
    # (the ETA stays every ticket's, EDGE's rule: INC-2, not resolved, misses it)
    assert deadline_rows(logs.deadlines) == [[3, ["OPS-1", "INC-2"], "10-09 17:00", "ETA", False]]
    assert sorted(_sla(logs)) == [[3, "INC-2", "10-09 17:00", "missed"], [3, "OPS-1", "10-09 17:00", "met"]]
