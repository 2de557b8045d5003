"""Round 22 (SHAPES): three logs in voices occ had not read (a warehouse's WMS cutover war room in Central
time, an ERP month-end close in IST, an emergency comms centre's CAD upgrade on a 24-hour clock in Perth),
and the misreadings they showed, fixed as rules.

1. A 24-hour log's bare ``HHMM`` after a deadline's other words and a day word: ``target 0530``, ``target
   1600 today``, ``due 1800``, ``go/no-go 1700``, ``ETA pulled in to tomorrow 0900 AEST`` (only in a
   24-hour log, and not before a word that is no time's: ``target 1500 units``).
2. A go/no-go with what it decides between it and its time: ``go/no-go on rollback at 0330``, ``go/no-go
   for the cutover at 13:30`` (not one told as held, nor a time in another clause).
3. A promise brought forward moves it: ``ETA pulled in to``, ``brought forward to``, ``moved up to``.
4. ``13:58 carrier cutoff made``: the item's stamp, the cut-off met then, no deadline at 13:58.
5. A deed told as past with its doer before ``by``: ``We fixed the 14 cost centres by 17:20`` is when
   it was done, no deadline (not ``we needed it by 17:00``, ``we agreed to ship by 17:00``).
6. A possessive before a missed time, as ``the`` is: ``missed its 15:00 due time``.
7. Oracle's messages (``ORA-01476``, ``TNS-12541``, ``PLS-00201``: five digits) are no tickets.
"""

from __future__ import annotations

try:
    from tests.round22_rows import PERTH, UTC_LOG, deadline_rows, event_rows, fixture, read_items, rows_of
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    from round22_rows import (  # type: ignore[no-redef]
        PERTH,
        UTC_LOG,
        deadline_rows,
        event_rows,
        fixture,
        read_items,
        rows_of,
    )


PERTH_PLAIN = "# CAD log\n\nAll times are Perth time (AWST, UTC+8).\n\n## Wed 15/10/25\n\n"


# --- the fixtures' lines that were misread --------------------------------------------------------------


def test_cad_fixture_military_deadlines():
    logs = fixture("cad_upgrade_perth.md")
    assert rows_of(deadline_rows(logs), {26, 31, 41, 44}) == [
        [26, [], "10-14 19:30", "minute", "go/no-go", False, False],
        [31, [], "10-14 21:30", "minute", "target", False, False],
        [41, ["CAD-1206"], "10-15 08:00", "minute", "target", False, False],
        # (AEST is read as Sydney's zone, daylight saving following the date: 09:00 AEDT; see the report)
        [44, ["CAD-1207"], "10-15 22:00", "minute", "ETA", False, True],
    ]
    assert rows_of(event_rows(logs), {23, 25, 28, 31}) == [
        [23, "10-14 18:00:00", "second", "note", 0, []],
        [25, "10-14 18:41:00", "minute", "note", 0, ["CAD-1201"]],
        [28, "10-14 19:52:41", "second", "resolved", 0, ["CAD-1201"]],
        [31, "10-14 20:50:00", "minute", "deadline", 0, []],
    ]


def test_wms_fixture_cutoff_made_is_the_items_stamp():
    logs = fixture("wms_cutover_joliet.md")
    assert rows_of(event_rows(logs), {47, 49}) == [
        [47, "10-19 14:40:00", "minute", "escalation", 3, ["WMS-430"]],
        [49, "10-19 18:58:00", "minute", "note", 0, []],
    ]
    assert rows_of(deadline_rows(logs), {47, 49}) == [
        [47, ["WMS-430"], "10-19 19:00", "minute", "cutoff", False, False],
    ]


def test_erp_fixture_deed_by_missed_its_and_oracle_codes():
    logs = fixture("erp_close_bengaluru.md")
    assert rows_of(event_rows(logs), {33, 34}) == [
        [33, "11-03 11:10:00", "minute", "note", 0, ["INC0091177"]],
        [33, "11-03 11:50:00", "minute", "resolved", 0, ["INC0091177"]],
        [34, "11-03 12:35:00", "minute", "plan", 0, ["FINCL-207"]],
    ]
    assert rows_of(deadline_rows(logs), {33, 41}) == [
        [41, ["FINCL-207"], "11-04 09:30", "minute", "missed", True, False],
        [41, ["FINCL-207"], "11-05 05:30", "minute", "target", False, True],
    ]


# --- 1: a 24-hour log's bare HHMM after more words ------------------------------------------------------


def test_military_after_deadline_words_in_a_24_hour_log():
    logs = read_items(PERTH, "0450 hrs: back on CAD, target 0530.", "0700 hrs: CAD-1206 target 1600 today.",
                 "1600 hrs: CAD-1210 due 1800.", "1600 hrs: go/no-go 1700.",
                 "0900 hrs: CAD-1207 ETA moved to tomorrow 0800 AWST.")
    assert deadline_rows(logs) == [
        [7, [], "10-14 21:30", "minute", "target", False, False],
        [8, ["CAD-1206"], "10-15 08:00", "minute", "target", False, False],
        [9, ["CAD-1210"], "10-15 10:00", "minute", "due", False, False],
        [10, [], "10-15 09:00", "minute", "go/no-go", False, False],
        [11, ["CAD-1207"], "10-16 00:00", "minute", "ETA", False, True],
    ]


def test_military_after_deadline_words_negatives():
    # (not a 24-hour log: 'target 1600' is a number there, the deadline 'today' alone)
    assert deadline_rows(read_items(PERTH_PLAIN, "07:00 CAD-1206 target 1600 today.")) == [
        [7, ["CAD-1206"], "10-15 00:00", "day", "target", False, False],
    ]
    # (a count: a word that is no time's after it)
    logs = read_items(PERTH, "1600 hrs: CAD-1209 target 1500 units today.")
    assert deadline_rows(logs) == []
    assert event_rows(logs) == [[7, "10-15 08:00:00", "minute", "note", 0, ["CAD-1209"]]]


# --- 2: a go/no-go and what it decides ------------------------------------------------------------------


def test_go_no_go_on_or_for_what_it_decides():
    logs = read_items(UTC_LOG, "03:05 go/no-go on rollback at 03:30.",
                      "03:05 go/no-go for the cutover at 13:30.",
                      "03:05 go/no-go on the DB rollback by 04:00.")
    assert deadline_rows(logs) == [
        [7, [], "10-15 03:30", "minute", "go/no-go", False, False],
        [8, [], "10-15 13:30", "minute", "go/no-go", False, False],
        # (a 'by' right before the time is the nearer keyword, as it is after any other)
        [9, [], "10-15 04:00", "minute", "by", False, False],
    ]


def test_go_no_go_negatives():
    logs = read_items(UTC_LOG, "03:35 held the go/no-go on rollback at 03:30",
                 "03:40 go/no-go on rollback was fine, 03:30 restart", "03:45 ETA on the patch 17:00")
    assert deadline_rows(logs) == []


# --- 3: a promise brought forward -----------------------------------------------------------------------


def test_promise_brought_forward_moves_it():
    logs = read_items(UTC_LOG, "11:20 OPS-1 hotfix ETA Fri 10:00.",
                 "12:20 OPS-1 hotfix ETA pulled in to tomorrow 09:00.",
                 "12:40 OPS-3 go-live ETA moved up to 15:00", "12:45 OPS-4 target brought forward to 14:00")
    assert deadline_rows(logs) == [
        [7, ["OPS-1"], "10-17 10:00", "minute", "ETA", False, False],
        [8, ["OPS-1"], "10-16 09:00", "minute", "ETA", False, True],
        [9, ["OPS-3"], "10-15 15:00", "minute", "ETA", False, True],
        [10, ["OPS-4"], "10-15 14:00", "minute", "target", False, True],
    ]


def test_brought_forward_without_a_promise_is_none():
    assert deadline_rows(read_items(UTC_LOG, "12:30 OPS-2 go-live brought forward to 14:00.")) == []


# --- 4: a cut-off made ----------------------------------------------------------------------------------


def test_cutoff_made_after_the_items_stamp():
    logs = read_items(UTC_LOG, "13:58 carrier cutoff made, 37 of 41 trailers.", "13:59 cutoff made",
                 "12:00 carrier cutoff for UPS")
    assert event_rows(logs) == [
        [7, "10-15 13:58:00", "minute", "note", 0, []],
        [8, "10-15 13:59:00", "minute", "note", 0, []],
        [9, "10-15 00:00:00", "day", "deadline", 0, []],
    ]
    assert deadline_rows(logs) == [[9, [], "10-15 12:00", "minute", "cutoff", False, False]]


# --- 5: a deed told as past with its doer ---------------------------------------------------------------


def test_deed_by_is_when_it_was_done():
    logs = read_items(UTC_LOG, "16:40 OPS-1 reassigned to us. We fixed the 14 cost centres by 17:20.",
                 "16:45 OPS-2 I restarted both nodes by 16:44")
    assert deadline_rows(logs) == []
    assert event_rows(logs) == [
        [7, "10-15 16:40:00", "minute", "note", 0, ["OPS-1"]],
        [7, "10-15 17:20:00", "minute", "resolved", 0, ["OPS-1"]],
        [8, "10-15 16:45:00", "minute", "note", 0, ["OPS-2"]],
    ]


def test_deed_by_negatives():
    logs = read_items(UTC_LOG, "10:00 OPS-1 we needed it by 17:00", "10:01 OPS-2 we agreed to ship by 17:00",
                 "10:02 OPS-3 we fixed it. Deploy by 17:00", "10:03 OPS-4 fixed by 17:30",
                 "10:04 OPS-5 We will have it fixed by 17:30",
                 "10:05 OPS-6 we escalated and need the fix by 17:00")
    assert deadline_rows(logs) == [
        [7, ["OPS-1"], "10-15 17:00", "minute", "by", False, False],
        [8, ["OPS-2"], "10-15 17:00", "minute", "by", False, False],
        [9, ["OPS-3"], "10-15 17:00", "minute", "by", False, False],
        [10, ["OPS-4"], "10-15 17:30", "minute", "by", False, False],
        [11, ["OPS-5"], "10-15 17:30", "minute", "by", False, False],
        [12, ["OPS-6"], "10-15 17:00", "minute", "by", False, False],
    ]


# --- 6: a possessive before a missed time ---------------------------------------------------------------


def test_missed_its_time():
    logs = read_items(UTC_LOG, "16:00 OPS-1 blocked, missed its 15:00 due time.",
                 "16:05 OPS-2 missed the 15:30 due time", "16:10 OPS-3 out by our 17:00 cutoff")
    assert deadline_rows(logs) == [
        [7, ["OPS-1"], "10-15 15:00", "minute", "missed", True, False],
        [8, ["OPS-2"], "10-15 15:30", "minute", "missed", True, False],
        [9, ["OPS-3"], "10-15 17:00", "minute", "cutoff", False, False],
    ]


# --- 7: Oracle's messages -------------------------------------------------------------------------------


def test_oracle_errors_are_no_tickets():
    logs = read_items(UTC_LOG, "12:55 OPS-5 failed with ORA-01476, TNS-12541 and PLS-00201",
                 "12:56 ORA-1234 opened", "12:57 ORA-00060 deadlock")
    assert event_rows(logs) == [
        [7, "10-15 12:55:00", "minute", "note", 0, ["OPS-5"]],
        [8, "10-15 12:56:00", "minute", "note", 0, ["ORA-1234"]],
        [9, "10-15 12:57:00", "minute", "note", 0, []],
    ]
