"""Round 18 (LEFT): readings seen misread in realistic logs last session and left then, read as a
reliability engineer reads a distribution centre's log: an item about a truck, a carrier pickup or the
DC's cut-off is not the story of the section's one ticket; an outage's range whose item opens a ticket
does not resolve that ticket; 'missed by 5 min' is an amount, not a time; a plural keyword lists several
deadlines; 'Dates are day first.' declares the slash-date order; a chat message's list items take its
head's time; 'not approved until Thu 22:00Z' is a wait, no deadline; a military range after a date is that
day's window; a Japanese dated heading is dated; a sales or purchase order number is no ticket."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import occ_lib
from occ_lib._extract import opens_ticket, past_outage, tickets
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from occ_lib.threads import deadlines_with_threads, with_threads
from occ_lib.times import declared_slash_order, parse_heading
from tests.log_rows import (
    W41_UTC,
    event_rows,
    mention_rows,
    short_event_rows,
    sla_deadline_rows,
    text_deadline_rows,
)

FIX = Path(__file__).parent / "fixtures" / "round18" / "left_dc_ops.md"
DAY = dt.date(2025, 10, 9)


def _log() -> occ_lib.Logs:
    return occ_lib.read_logs(str(FIX))


def _threaded(text: str) -> list[list]:
    """``[line, tickets, via]`` of each event of ``text`` once threaded (:func:`with_threads`)."""
    lg = parse_log(text, "x.md")
    ev = with_threads(lg.events, lg.deadlines)
    return [[int(n), list(t), v] for n, t, v in zip(ev["line"], ev["tickets"], ev["via"], strict=True)]


# 1: an item about another thing than the section's one ticket is not its story -------------------------
_WMS = "# DC\n\n## 2025-10-08\n\n- 09:00 WMS-311 picking wave stuck on zone B\n"


@pytest.mark.parametrize(("item", "expected"), [
    # (before: each was WMS-311's, its ETA or cut-off 'met' by WMS-311's fix)
    ("- 10:15 truck 2 delayed, ETA 15:30\n", [6, [], "text"]),
    ("- 10:20 cut-off 18:00 for the DC\n", [6, [], "text"]),
    ("- 10:20 DC cut-off 18:00\n", [6, [], "text"]),
    ("- 09:05 cut-offs 14:00 (UPS) and 16:30 (FedEx)\n", [6, [], "text"]),
    ("- 11:30 UPS pickup ETA 17:00\n", [6, [], "text"]),
    ("- 12:20 trailer 14 ETA 13:00\n", [6, [], "text"]),
    ("- 12:10 escalated to ops manager re truck 2\n", [6, [], "text"]),
    # (the ticket's own story stays its)
    ("- 11:00 escalated to vendor support manager\n", [6, ["WMS-311"], "thread"]),
    ("- 12:30 wave 3 released, ETA for completion 15:00\n", [6, ["WMS-311"], "thread"]),
])
def test_an_item_about_another_thing_is_no_step_of_the_sections_ticket(item, expected):
    assert _threaded(_WMS + item)[1] == expected


def test_a_thing_the_tickets_items_name_stays_its_story():
    text = "# DC\n\n## 2025-10-08\n\n- 09:00 WMS-311 truck scanners down at dock 4\n" \
           "- 10:00 truck 2 scanner swapped, ETA for the rest 12:00\n- 10:30 dock 4 ETA 11:00\n"
    assert _threaded(text) == [
        [5, ["WMS-311"], "text"], [6, ["WMS-311"], "thread"], [7, ["WMS-311"], "thread"]]


def test_the_dc_logs_truck_trailer_and_cut_off_are_no_tickets():
    lg = _log()
    ev = with_threads(lg.events, lg.deadlines)
    dl = deadlines_with_threads(lg.deadlines, ev)
    assert [[int(n), d.strftime("%m-%d %H:%M"), k, list(t)] for n, d, k, t in zip(
        dl["line"], dl["due_at"], dl["keyword"], dl["tickets"], strict=True)] == [
        [12, "10-08 14:00", "ETA", ["WMS-311"]],
        [14, "10-08 15:30", "ETA", []],  # (before: WMS-311's, 'met' by its fix at 13:50)
        [15, "10-08 18:00", "cutoff", []],  # (before: WMS-311's)
        [18, "10-08 13:00", "ETA", []],  # (before: WMS-311's, 'missed')
        [23, "10-09 14:00", "cutoff", []],  # (4: before, no deadline at all)
        [23, "10-09 16:30", "cutoff", []],
        [29, "11-10 00:00", "due", ["WMS-330"]],  # (5: day first, declared; before: Oct 11)
    ]
    # (the day's cut-offs are the calendar's facts: no SLA row; the truck's and the trailer's ETAs are
    # no ticket's, missed while nothing says they arrived)
    assert sla_deadline_rows(lg) == [
        [18, "(no ticket)", "10-08 13:00", "missed"],
        [12, "WMS-311", "10-08 14:00", "met"],
        [14, "(no ticket)", "10-08 15:30", "missed"],
        [29, "WMS-330", "11-11 00:00", "open"],
    ]


# 2: an outage timed by a range, whose item opens a ticket, does not resolve it at the range's end --------
@pytest.mark.parametrize(("text", "over"), [
    ("PLAT-318 GitHub Actions outage 12:10-13:25", True),
    ("Outage 10:02-10:40 (DB stalls), INC-5512 opened", False),
    ("DB incident 10:02-10:40, opened INC-5514 for the RCA", False),
    ("Scanner outage 09:10-09:55. Raised WMS-3391 with the WMS vendor.", False),
])
def test_an_outage_whose_item_opens_its_ticket_is_not_over_for_the_ticket(text, over):
    assert past_outage(text) is over


@pytest.mark.parametrize(("text", "expected"), [
    ("INC-5512 opened", True), ("filed OPS-12 for it", True), ("INC-7 was raised", True),
    ("INC-5512 open since 10:02", False), ("reopened INC-4", False), ("opened the runbook", False),
])
def test_opens_ticket(text, expected):
    assert opens_ticket(text) is expected


def test_the_ticket_opened_for_an_outage_is_resolved_when_the_log_says_so():
    out = misses(_log(), None, Policy(tickets={"INC": {"first_response": "15m", "resolution": "8h"}}),
                 **W41_UTC)
    out = out[out["subject"].eq("INC-5512")]
    # (before: resolved at 10:40, the outage's end, 'met'; and responded to then)
    assert [[k, int(n), d.strftime("%m-%d %H:%M"), r.strftime("%m-%d %H:%M"), s] for k, n, d, r, s in zip(
        out["kind"], out["line"], out["due_at"], out["resolved_at"], out["status"], strict=True)] == [
        ["response", 24, "10-09 10:17", "10-09 12:00", "missed"],
        ["resolution", 24, "10-09 18:02", "10-10 09:00", "missed"],
    ]


# 3: 'missed by 5 min' is by how much, not a time: the item's stamp is no second deadline ---------------
@pytest.mark.parametrize(("item", "expected"), [
    # (before: a cut-off due at 16:35, the item's stamp, beside the 16:30 one)
    ("- 16:35 FedEx cut-off missed by 5 min\n", []),
    ("- 17:11 cut-off missed by ~5 mins, trailer gone\n", []),
    ("- 16:35 cut-off 16:30 missed by 5 min\n", [[5, [], "10-09 16:30", "cutoff", True]]),
    ("- 17:10 cut-off missed by 5 min, cut-off was 17:05\n", [[5, [], "10-09 17:05", "cutoff", True]]),
    # (a ticket's ETA missed by an amount: missed, its time unknown)
    ("- 17:10 WMS-4 ETA missed by 30 min\n", [[5, ["WMS-4"], None, "missed", True]]),
    # (a cut-off whose own time comes later in its clause: the stamp is the item's; before: two)
    ("- 10:30 cut-off for the DC is 18:00 today\n", [[5, [], "10-09 18:00", "cutoff", False]]),
])
def test_missed_by_an_amount_is_no_time(item, expected):
    assert text_deadline_rows("# DC\n\n## 2025-10-09\n\n" + item) == expected


# 4: a plural keyword's list: one deadline per time --------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("cut-offs 14:00 (UPS) and 16:30 (FedEx)", [("14:00", "10-09 14:00", None, "minute", "cutoff"),
                                                ("16:30", "10-09 16:30", None, "minute", "cutoff")]),
    ("cut-offs today: UPS 14:00, FedEx 16:30", [("14:00", "10-09 14:00", None, "minute", "cutoff"),
                                               ("16:30", "10-09 16:30", None, "minute", "cutoff")]),
    ("Cut-offs for DHL 15:00, UPS 16:00 and FedEx 17:30",
     [("15:00", "10-09 15:00", None, "minute", "cutoff"), ("16:00", "10-09 16:00", None, "minute", "cutoff"),
      ("17:30", "10-09 17:30", None, "minute", "cutoff")]),
    ("ETAs 14:00 and 16:30",
     [("14:00", "10-09 14:00", None, "minute", "ETA"), ("16:30", "10-09 16:30", None, "minute", "ETA")]),
    # (no list after it: the time is no deadline)
    ("two deadlines missed, paged at 14:00", [("14:00", "10-09 14:00", None, "minute", None)]),
])
def test_a_plural_keyword_governs_each_time_it_lists(text, expected):
    assert mention_rows(text, DAY, "UTC") == expected


# 5: a prose sentence declares the slash-date order ----------------------------------------------------------
@pytest.mark.parametrize(("text", "order"), [
    ("Dates are day first.", "dmy"), ("Dates are DD/MM.", "dmy"), ("All dates DD/MM/YYYY", "dmy"),
    ("Date format: MM/DD/YY", "mdy"), ("dates written month-first", "mdy"),
    ("update the date first", None), ("Due date first thing Monday", None),
    ("Dates are day first; Dates are month first", None),
])
def test_declared_slash_order(text, order):
    assert declared_slash_order(text) == order


def test_the_dc_log_declares_day_first_dates():
    lg = _log()
    assert lg.docs["date_order"].tolist() == ["dmy"]  # (before: None)


# 6: a chat message's list items were sent at its head's time -----------------------------------------------
def test_a_chat_messages_list_items_take_its_heads_time():
    text = "# Chat\n\n## 2025-10-09\n\nAlice Wong  10:42 AM\n- WMS-311 picking wave stuck again\n" \
           "- escalated to the vendor\n- ETA from vendor 1pm\n\nBob Lee  11:05 AM\nWMS-311 resolved\n"
    # (before: the list items at the section's day, 00:00)
    assert short_event_rows(text) == [
        [5, "10-09 10:42", "note", 0, []],
        [6, "10-09 10:42", "blocked", 0, ["WMS-311"]],
        [7, "10-09 10:42", "escalation", 1, []],
        [8, "10-09 10:42", "deadline", 0, []],
        [10, "10-09 11:05", "resolved", 0, ["WMS-311"]],
    ]


def test_a_machines_stamped_line_is_no_chat_head():
    text = "## 2025-10-09\n\n2025-10-09T15:10:00Z DEPLOY-900 resolved\n\n- OPS-40 nightly build failed\n"
    assert [r[:3] for r in event_rows(text)] == [[3, "10-09 15:10", "resolved"], [5, "10-09 00:00", "note"]]


# 7: a thing denied until a time is a wait: no deadline, its weekday ahead, no time the item happened ------
@pytest.mark.parametrize(("item", "at"), [
    ("- VULN-2201 wave 2 not approved by CAB until Thu 22:00Z.\n", "10-08 00:00"),
    ("- 09:00 CHG-77 not approved by CAB until Thu 22:00Z\n", "10-08 09:00"),
    ("- CHG-78 on hold until Thu 22:00Z\n", "10-08 00:00"),
    ("- Bo on leave until Thu 22:00Z\n", "10-08 00:00"),  # (before: Oct 2, the Thursday before)
])
def test_a_wait_until_a_time_is_no_deadline(item, at):
    text = "# L\n\n## Wed 2025-10-08\n\n" + item
    assert text_deadline_rows(text) == []  # (before: the first two 'until' deadlines, 'missed')
    assert event_rows(text)[0][1] == at


def test_until_a_time_is_still_a_promise_when_nothing_is_denied():
    assert mention_rows("we have until 12:00 to file", DAY, "UTC") == [
        ("12:00", "10-09 12:00", None, "minute", "until")]


# 8: the head of a department is the top of the ladder (already so; pinned) ----------------------------------
def test_head_of_network_ops_is_level_3():
    text = "# L\n\n## 2025-10-09\n\n- 12:00 INC-5512 escalated to Head of Network Ops\n"
    assert short_event_rows(text) == [
        [5, "10-09 12:00", "escalation", 3, ["INC-5512"]]]


# 9: a military range right after a date is that day's times ------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # (before: the date alone, 10-11 00:00 at day precision)
    ("Planned outage window Sat 11/10 0700-1100",
     [("Sat 11/10 0700-1100", "10-11 07:00", "10-11 11:00", "minute", "window")]),
    # (before: nothing read)
    ("CHG-9 window 10/11 0700-1100", [("10/11 0700-1100", "10-11 07:00", "10-11 11:00", "minute", "window")]),
    ("outage 2025-10-11 0700-1100", [("2025-10-11 0700-1100", "10-11 07:00", "10-11 11:00", "minute", None)]),
    # (outside a 24-hour log, no date before it: no time)
    ("orders 1000-1200 picked", []),
])
def test_a_military_range_after_a_date_is_that_days(text, expected):
    assert mention_rows(text, DAY, "UTC") == expected


def test_the_dc_logs_planned_outage_is_saturdays_morning():
    row = [r for r in event_rows(FIX.read_text(encoding="utf-8")) if r[0] == 30]
    assert row == [[30, "10-11 07:00", "plan", 0, ["CHG-78"],
                    "Planned outage Sat 11/10 0700-1100 for the WMS upgrade (CHG-78)"]]


# 10: a Japanese dated heading ---------------------------------------------------------------------------
@pytest.mark.parametrize(("heading", "title", "date"), [
    ("## 10月8日 (水)", "", dt.date(2025, 10, 8)),
    ("## 2025年10月9日（木曜日） 夜勤", "夜勤", dt.date(2025, 10, 9)),
    ("## 10月10日 (金) 東京", "東京", dt.date(2025, 10, 10)),
    ("## 13月8日", "13月8日", None),
])
def test_a_japanese_dated_heading(heading, title, date):
    h = parse_heading(heading, year_near=dt.date(2025, 10, 8))
    assert (h.title, h.date) == (title, date)


def test_the_dc_logs_tokyo_section_is_dated():
    lg = _log()
    assert [[int(n), t, d.strftime("%Y-%m-%d")] for n, t, d in zip(
        lg.sections["line"], lg.sections["title"], lg.sections["date"], strict=True)] == [
        [9, "", "2025-10-08"], [21, "", "2025-10-09"], [32, "Slack #dc-ops", "2025-10-09"],
        [38, "東京", "2025-10-10"],  # (before: title '10月10日 (金) 東京', no date; its item undated)
    ]
    assert short_event_rows(FIX.read_text(encoding="utf-8"))[-1] == [
        40, "10-10 09:00", "resolved", 0, ["INC-5512"]]


# 11: a sales or purchase order number is no ticket (already so; pinned) ----------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("SO-2025-0412 and PO-2025-0098 on hold pending INC-5512", ["INC-5512"]),
    ("PO-2025-0098 on hold", []),
])
def test_an_order_number_is_no_ticket(text, expected):
    assert tickets(text) == expected


def test_the_dc_logs_events():
    ev = _log().events
    assert [[int(n), a.strftime("%m-%d %H:%M"), k, int(lv)] for n, a, k, lv in zip(
        ev["line"], ev["at"], ev["kind"], ev["level"], strict=True)] == [
        [11, "10-08 09:00", "blocked", 0], [12, "10-08 09:30", "deadline", 0], [13, "10-08 10:00", "note", 0],
        [14, "10-08 10:15", "deadline", 0], [15, "10-08 10:20", "deadline", 0],
        [16, "10-08 11:00", "escalation", 2], [17, "10-08 12:10", "escalation", 2],
        [18, "10-08 12:20", "deadline", 0], [19, "10-08 13:50", "resolved", 0],
        [23, "10-09 09:00", "deadline", 0],  # (before: a note)
        [24, "10-09 10:02", "status", 0],  # (before: a note, and 'resolved' at 10:40)
        [25, "10-09 12:00", "escalation", 3],
        [26, "10-09 16:35", "note", 0],  # (before: a cut-off at 16:35, missed)
        [27, "10-09 00:00", "blocked", 0], [28, "10-09 00:00", "note", 0], [29, "10-09 00:00", "deadline", 0],
        [30, "10-11 07:00", "plan", 0],  # (before: 10-11 00:00)
        [34, "10-09 10:42", "note", 0],
        [35, "10-09 10:42", "note", 0], [36, "10-09 10:42", "escalation", 1],  # (before: 10-09 00:00)
        [40, "10-10 09:00", "resolved", 0],  # (before: undated)
    ]
