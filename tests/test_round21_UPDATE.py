"""Round 21 (UPDATE): a promised update is kept by the update, not by the fix.

'09:00 UTC INC-77 ...; next update promised by 11:00 UTC' was read as a fix's deadline (keyword 'by'):
missed by 250 min at the 15:10 resolution, though the update came at 10:45. A promise of the next update
is read in the phrasings a support or incident lead writes (occ_lib._extract._UPDATE_PROMISE: 'next update
promised by', 'will update by/at', 'update the customer by', 'customer update due', 'next comms at', 'update
ETA 14:00', ...), in lists and table rows, and judged by the ticket's (or its thread's) next update after
it (occ_lib.sla.deadline_misses); a ticketless item that promises or gives the update is a step of its
one-ticket thread (occ_lib.threads); an untimed promise is kept by an item below it that gives the update
('comms sent', 'replied to customer': occ_lib._extract.gives_update) or resolves the ticket.
"""

from __future__ import annotations

import pandas as pd
import pytest

from occ_lib._extract import gives_update, update_promise
from occ_lib.logs import parse_log
from occ_lib.sla import deadline_misses

AS_OF = "2030-01-01T00:00:00Z"


def _rows(text: str) -> list[list]:
    """``[line, subject, keyword, status, overage_min, detail]`` of the deadline rows of a log, in the
    table's order (the keyword from the deadlines table of the row's line and due time)."""
    logs = parse_log(text, "log.md")
    kws = {(int(n), pd.Timestamp(d)): k for n, d, k in
           zip(logs.deadlines["line"], logs.deadlines["due_at"], logs.deadlines["keyword"], strict=True)}
    m = deadline_misses(logs, as_of=AS_OF)
    return [[int(n), s, kws[(int(n), pd.Timestamp(d))], st, o, det] for n, s, d, st, o, det in zip(
        m["line"], m["subject"], m["due_at"], m["status"], m["overage_min"], m["detail"], strict=True)]


# 1: the session's log -----------------------------------------------------------------------------------
SUPPORT = """# Support log

## 2025-10-08
- 09:00 UTC INC-77 customer reports checkout errors; next update promised by 11:00 UTC
- 10:45 UTC INC-77 update posted to customer: rollback in progress
- 13:00 UTC INC-77 next update by 14:00 UTC
- 15:10 UTC INC-77 resolved
"""


def test_the_promised_update_is_kept_by_the_update_not_the_fix():
    assert _rows(SUPPORT) == [
        # (before: keyword 'by', 'resolved 2025-10-08 15:10 UTC, after the due time': missed by 250 min)
        [4, "INC-77", "update", "met", 0.0,
         "due 2025-10-08 11:00 UTC; updated 2025-10-08 10:45 UTC, by the due time; 'update' in \"09:00 UTC "
         "INC-77 customer reports checkout errors; next update promised by 11:00 UTC\""],
        # (no update between 13:00 and the fix at 15:10: the fix is the update, 70 min late)
        [6, "INC-77", "update", "missed", 70.0,
         "due 2025-10-08 14:00 UTC; updated 2025-10-08 15:10 UTC, after the due time; 'update' in "
         "\"13:00 UTC INC-77 next update by 14:00 UTC\""],
    ]


# 2: each phrasing, met and missed -----------------------------------------------------------------------
PHRASINGS = [
    # (promise, due time, the item that gives the update)
    ("next update promised by 10:00 UTC", "10:00", "posted an update: rollback in progress"),
    ("promised an update by 10:00 UTC", "10:00", "update sent to the customer"),
    ("will update by 10:00 UTC", "10:00", "status page updated"),
    ("will update at 10:00 UTC", "10:00", "replied to customer"),
    ("update the customer by 10:00 UTC", "10:00", "comms sent"),
    ("next status update at 10:00 UTC", "10:00", "posted an update"),
    ("customer update due 10:00 UTC", "10:00", "update sent"),
    ("next comms at 10:00 UTC", "10:00", "comms sent"),
    ("update ETA 10:00 UTC", "10:00", "replied to customer"),
    ("we'll post an update by 10:00 UTC", "10:00", "posted an update"),
    ("next update in 30 min", "09:30", "update sent"),
    ("next comms in 45 min", "09:45", "comms sent"),
]


def _phrasing_log(promise: str, at: str, giver: str) -> str:
    return (f"# Support log\n\n## 2025-10-08\n- 09:00 UTC INC-1 checkout errors; {promise}\n"
            f"- {at} UTC INC-1 {giver}\n- 15:10 UTC INC-1 resolved\n")


@pytest.mark.parametrize(("promise", "due", "giver"), PHRASINGS)
def test_each_phrasing_is_met_by_an_update_before_its_due_time(promise, due, giver):
    assert _rows(_phrasing_log(promise, "09:20", giver)) == [
        [4, "INC-1", "update", "met", 0.0,
         f"due 2025-10-08 {due} UTC; updated 2025-10-08 09:20 UTC, by the due time; 'update' in \"09:00 UTC "
         f"INC-1 checkout errors; {promise}\""],
    ]


@pytest.mark.parametrize(("promise", "due", "giver"), PHRASINGS)
def test_each_phrasing_is_missed_by_an_update_after_its_due_time(promise, due, giver):
    late = {"10:00": 25.0, "09:30": 55.0, "09:45": 40.0}[due]
    assert _rows(_phrasing_log(promise, "10:25", giver)) == [
        [4, "INC-1", "update", "missed", late,
         f"due 2025-10-08 {due} UTC; updated 2025-10-08 10:25 UTC, after the due time; 'update' in \"09:00 "
         f"UTC INC-1 checkout errors; {promise}\""],
    ]


# 3: a fix's ETA and a next update in one item: two deadlines, each of its kind --------------------------
TWO_KINDS = "09:00 UTC INC-12 payments down; fix ETA 16:00 UTC; next update promised by 11:00 UTC"


@pytest.mark.parametrize(("update", "fixed", "rows"), [
    ("10:50 UTC INC-12 update sent", "15:30 UTC INC-12 resolved", [
        [4, "INC-12", "ETA", "met", 0.0, "due 2025-10-08 16:00 UTC; resolved 2025-10-08 15:30 UTC, by the "
         f"due time; 'ETA' in \"{TWO_KINDS}\""],
        [4, "INC-12", "update", "met", 0.0, "due 2025-10-08 11:00 UTC; updated 2025-10-08 10:50 UTC, by the "
         f"due time; 'update' in \"{TWO_KINDS}\""],
    ]),
    # (the update late, the fix late: an update keeps no fix's ETA, nor the fix an update due before it)
    ("11:30 UTC INC-12 update sent", "16:20 UTC INC-12 resolved", [
        [4, "INC-12", "ETA", "missed", 20.0, "due 2025-10-08 16:00 UTC; resolved 2025-10-08 16:20 UTC, "
         f"after the due time; 'ETA' in \"{TWO_KINDS}\""],
        [4, "INC-12", "update", "missed", 30.0, "due 2025-10-08 11:00 UTC; updated 2025-10-08 11:30 UTC, "
         f"after the due time; 'update' in \"{TWO_KINDS}\""],
    ]),
])
def test_a_fix_eta_and_a_next_update_in_one_item_are_each_judged_by_their_own(update, fixed, rows):
    text = f"# Support log\n\n## 2025-10-08\n- {TWO_KINDS}\n- {update}\n- {fixed}\n"
    assert _rows(text) == rows


# 4: table rows -------------------------------------------------------------------------------------------
TABLE = """# Incident timeline

## 2025-10-08

| Time (UTC) | Ticket | Note |
|---|---|---|
| 09:00 | INC-20 | checkout errors; next update promised by 11:00 UTC |
| 10:40 | INC-20 | status page updated |
| 09:00 | INC-21 | API slow; customer update due 10:00 UTC |
| 10:15 | INC-21 | replied to customer |
| 09:00 | INC-22 | payments down; fix ETA 16:00 UTC; next comms at 11:00 UTC |
| 10:50 | INC-22 | comms sent |
| 16:20 | INC-22 | resolved |
"""


def test_update_promises_in_table_rows():
    assert _rows(TABLE) == [
        [7, "INC-20", "update", "met", 0.0, "due 2025-10-08 11:00 UTC; updated 2025-10-08 10:40 UTC, by the "
         "due time; 'update' in \"09:00 | INC-20 | checkout errors; next update promised by 11:00 UTC\""],
        [9, "INC-21", "update", "missed", 15.0, "due 2025-10-08 10:00 UTC; updated 2025-10-08 10:15 UTC, "
         "after the due time; 'update' in \"09:00 | INC-21 | API slow; customer update due 10:00 UTC\""],
        [11, "INC-22", "ETA", "missed", 20.0, "due 2025-10-08 16:00 UTC; resolved 2025-10-08 16:20 UTC, "
         "after the due time; 'ETA' in \"09:00 | INC-22 | payments down; fix ETA 16:00 UTC; next comms at "
         "11:00 UTC\""],
        [11, "INC-22", "update", "met", 0.0, "due 2025-10-08 11:00 UTC; updated 2025-10-08 10:50 UTC, by the "
         "due time; 'update' in \"09:00 | INC-22 | payments down; fix ETA 16:00 UTC; next comms at 11:00 "
         "UTC\""],
    ]


# 5: a thread's promise, kept by the thread's update -----------------------------------------------------
THREAD = """# On-call

## 2025-10-09

- 09:00 UTC INC-30 database failover
- 09:30 UTC next update promised by 10:00 UTC
- 09:50 UTC posted an update: replica caught up
- 10:30 UTC will update the customer by 11:00 UTC
- 11:20 UTC resolved
"""


def test_a_ticketless_promise_in_a_thread_is_kept_by_the_threads_update():
    thread = "(the item names no ticket: INC-30 is its section's, told in stamped steps)"
    assert _rows(THREAD) == [
        # (before: '(no ticket)', never resolved; the 09:50 update, a 'status', was no step of INC-30)
        [6, "INC-30", "update", "met", 0.0, "due 2025-10-09 10:00 UTC; updated 2025-10-09 09:50 UTC, by the "
         f"due time {thread}; 'update' in \"09:30 UTC next update promised by 10:00 UTC\""],
        [8, "INC-30", "update", "missed", 20.0, "due 2025-10-09 11:00 UTC; updated 2025-10-09 11:20 UTC, "
         f"after the due time {thread}; 'update' in \"10:30 UTC will update the customer by 11:00 UTC\""],
    ]


# 6: an untimed promise: kept by a reply, comms sent, the fix below it -----------------------------------
UNTIMED = "Customer update promised by 4pm for ZD-1"


@pytest.mark.parametrize(("giver", "row"), [
    ("16:05 ZD-1 replied to customer", ["missed", 5.0, "updated 2025-10-09 16:05 UTC, after the due time"]),
    ("15:50 ZD-1 comms sent", ["met", 0.0, "updated 2025-10-09 15:50 UTC, by the due time"]),
    # (before: 'not updated at as_of': the fix is news too)
    ("15:40 ZD-1 resolved", ["met", 0.0, "updated 2025-10-09 15:40 UTC, by the due time"]),
    # (one still owed keeps nothing)
    ("15:40 ZD-1 comms not sent yet", ["missed", 2223840.0, "not updated at as_of 2030-01-01 00:00 UTC"]),
])
def test_an_untimed_promise_is_kept_by_the_update_or_the_fix_below_it(giver, row):
    text = f"# Desk\n\nAll times UTC.\n\n## 2025-10-09\n\n- {UNTIMED}\n- {giver}\n"
    status, overage, said = row
    assert _rows(text) == [[7, "ZD-1", "update", status, overage,
                            f"due 2025-10-09 16:00 UTC; {said}; 'update' in \"{UNTIMED}\""]]


# 7: the words ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("prose", "promise"), [
    ("09:00 UTC update ETA 10:00", True),
    ("INC-3 will update by 10:00", True),
    ("vendor will update by 17:00", True),
    ("vendor promised to update by 17:00", True),
    ("next communication by 15:00", True),
    ("customer update ETA 15:00", True),
    # (a release's ETA, an ETA moved, work or software updated, an update given at a time: no promise)
    ("firmware update ETA 10:00", False),
    ("update ETA to 10:00", False),
    ("update the config by 10:00", False),
    ("will update the firmware at 02:00", False),
    ("the agent will update at 02:00", False),
    ("customer update sent at 10:00", False),
    ("status update 10:00", False),
    ("next comms check at 10:00", False),
])
def test_update_promise_words(prose, promise):
    assert update_promise(prose, prose.rindex("10:00" if "10:00" in prose else prose[-5:])) is promise


@pytest.mark.parametrize(("text", "given"), [
    ("posted an update: rollback in progress", True), ("update sent", True), ("status page updated", True),
    ("replied to customer", True), ("comms sent", True), ("sent comms to customers", True),
    ("customer updated", True), ("sent the customer update", True),
    ("no update sent", False), ("update will be sent", False), ("comms not sent yet", False),
    ("next update promised by 17:00", False), ("updated the runbook", False),
    ("pushed a firmware update", False),
])
def test_what_gives_an_update(text, given):
    assert gives_update(text) is given
