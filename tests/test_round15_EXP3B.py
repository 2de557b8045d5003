"""Round 15 (EXP3B): the findings EXP3 left open in its three logs (a pipeline log, a support desk's
escalations, a security incident): a deadline counted in hours from an event with its date after
'i.e.', a vendor's promise given anew ('now says fix ships Mon 13 Oct'), a scheduler's 'SLA miss ...
at 06:00', a tracker's Resolved cell of a date alone, 'Next.js' (no plan), a time after 'no reply
since' (no event), an escalation after a child ticket was opened (the incident's), and which items
are a ticket's first response ('waiting on customer' is; a job 'started' is not)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from occ_lib.threads import with_threads
from tests.log_rows import W41_UTC as W41
from tests.log_rows import item
from tests.log_rows import short_event_rows as event_rows

FIX = Path(__file__).parent / "fixtures" / "round15"


def deadlines(text: str) -> list[list]:
    """``[line, tickets, due 'MM-DD HH:MM', precision, keyword, stated_missed, moves]`` of each deadline."""
    dl = parse_log(text, "x.md").deadlines
    return [[int(n), list(t), None if pd.isna(d) else d.strftime("%m-%d %H:%M"), p, k, bool(m), bool(v)]
            for n, t, d, p, k, m, v in zip(dl["line"], dl["tickets"], dl["due_at"], dl["due_precision"],
                                           dl["keyword"], dl["stated_missed"], dl["moves"], strict=True)]


def _sla(name: str, kind: str, tickets: dict) -> list[list]:
    """``[subject, line, due 'MM-DD HH:MM', resolved_at 'MM-DD HH:MM' or None, status]`` of the ``kind``
    rows of ``occ sla`` over the fixture ``name`` (2025-W41, as of 2025-10-13)."""
    out = misses(occ_lib.read_logs(str(FIX / name)), None, Policy(tickets=tickets), **W41)
    out = out[out["kind"].eq(kind)]
    return [[s, int(n), d.strftime("%m-%d %H:%M"), None if pd.isna(r) else r.strftime("%m-%d %H:%M"), st]
            for s, n, d, r, st in zip(out["subject"], out["line"], out["due_at"], out["resolved_at"],
                                      out["status"], strict=True)]


# 1: a deadline in hours from an event, its date after 'i.e.' ---------------------------------------------
@pytest.mark.parametrize(("text", "rows"), [
    ("08:50 SEC-301 notified the CISO. Regulatory notification deadline: 72 hours from detection, i.e. "
     "2025-10-10 08:14 UTC.", [[5, ["SEC-301"], "10-10 08:14", "minute", "notification", False, False]]),
    ("07:10 notification deadline: 48h from detection, i.e. Thu 09:00 UTC",
     [[5, [], "10-09 09:00", "minute", "notification", False, False]]),
    ("07:10 OPS-1 deadline 2 days after detection, i.e. Fri 17:00 UTC",
     [[5, ["OPS-1"], "10-10 17:00", "minute", "deadline", False, False]]),
    ("07:10 OPS-1 due 3 business days after sign-off, that is 2025-10-10",
     [[5, ["OPS-1"], "10-10 00:00", "day", "due", False, False]]),
    # (as before: the end of the week is a mention itself, one deadline; no keyword, no deadline)
    ("07:10 OPS-1 due end of week, i.e. Fri 17:00 UTC",
     [[5, ["OPS-1"], "10-10 00:00", "day", "due", False, False]]),
    ("07:10 OPS-1 ran 3 days from detection, i.e. 2025-10-10", []),
])
def test_a_deadline_in_hours_from_an_event_takes_the_date_after_ie(text: str, rows: list) -> None:
    assert deadlines(item(text)) == rows


def test_the_ir_fixtures_notification_deadline_is_met_by_the_regulator_notified():
    assert _sla("exp3_c_security_ir.md", "deadline", {"SEC": {"resolution": "5d"}}) == [
        ["SEC-302", 22, "10-09 18:00", "10-09 17:20", "met"],
        ["SEC-301", 13, "10-10 08:14", "10-10 06:30", "met"],  # (not by the resolution at 11:00: missed)
        ["SEC-301", 34, "10-18 00:00", None, "open"],
        ["SEC-305", 35, "10-18 00:00", None, "open"],
    ]


NOTICE = """# IR

## 2025-10-07

- 08:50 {}Regulatory notification deadline: 72 hours from detection, i.e. 2025-10-10 08:14 UTC.

## 2025-10-10

- {}
- 11:00 SEC-1 resolved.
"""


@pytest.mark.parametrize(("ticket", "later", "row"), [
    ("SEC-1 ", "06:30 Regulator notified via DPA portal, within the 72h window.",
     ["SEC-1", "10-10 06:30", "met", 0.0]),
    ("", "06:30 Regulator notified via DPA portal.", ["(no ticket)", "10-10 06:30", "met", 0.0]),
    ("SEC-1 ", "09:30 notification submitted to the ICO.", ["SEC-1", "10-10 09:30", "missed", 76.0]),
    # (no notice given: the resolution is no notice, and a CISO told is none either)
    ("SEC-1 ", "06:30 notified the CISO again.", ["SEC-1", None, "missed", 3826.0]),
    ("SEC-1 ", "06:30 regulator not yet notified.", ["SEC-1", None, "missed", 3826.0]),
])
def test_a_notice_deadline_is_kept_by_the_notice_given(ticket: str, later: str, row: list) -> None:
    out = misses(parse_log(NOTICE.format(ticket, later), "x.md"), None, Policy(), **W41)
    out = out[out["kind"].eq("deadline")]
    assert [[s, None if pd.isna(r) else r.strftime("%m-%d %H:%M"), st, o] for s, r, st, o in zip(
        out["subject"], out["resolved_at"], out["status"], out["overage_min"], strict=True)] == [row]


# 2: a promise given anew by the same party is a move -------------------------------------------------
VENDOR = """# Log

## Mon 6 Oct 2025

- 16:30 SUP-48211 vendor promised fix by Friday.

## Wed 8 Oct 2025

- 10:00 {}
"""


@pytest.mark.parametrize(("text", "row"), [
    ("SUP-48211: vendor now says fix ships Mon 13 Oct.",
     [9, ["SUP-48211"], "10-13 00:00", "day", "says", False, True]),
    ("SUP-48211: vendor says fix ships Mon 13 Oct.",
     [9, ["SUP-48211"], "10-13 00:00", "day", "says", False, True]),
    ("SUP-48211: vendor expects the patch to land Mon 13 Oct.",
     [9, ["SUP-48211"], "10-13 00:00", "day", "expects", False, True]),
    # (another party's promise, or another ticket's, moves nothing)
    ("SUP-48211: infra says fix ships Mon 13 Oct.",
     [9, ["SUP-48211"], "10-13 00:00", "day", "says", False, False]),
])
def test_a_promise_given_anew_by_its_party_moves_the_old_one(text: str, row: list) -> None:
    assert deadlines(VENDOR.format(text)) == [
        [5, ["SUP-48211"], "10-10 00:00", "day", "by", False, False], row]


def test_another_tickets_promise_by_the_same_party_moves_nothing():
    assert deadlines(VENDOR.format("SUP-48212: vendor says fix ships Mon 13 Oct."))[1] == [
        9, ["SUP-48212"], "10-13 00:00", "day", "says", False, False]


def test_a_promise_reported_with_words_between_that_ship_nothing_is_no_deadline():
    assert deadlines(item("10:00 OPS-1 vendor said the deploy went out at 09:00 fine")) == []


def test_the_support_fixtures_friday_promise_is_superseded_by_the_monday_one():
    assert _sla("exp3_b_support_escalations.md", "deadline", {"SUP": {"resolution": "3d"}}) == [
        ["SUP-48211", 10, "10-10 22:00", None, "superseded"],  # (was missed by 3000 min)
        ["SUP-48211", 26, "10-13 22:00", None, "open"],
    ]


# 3: a scheduler's SLA miss is a stated miss -----------------------------------------------------------
@pytest.mark.parametrize(("text", "rows"), [
    ("06:00 SLA miss on dag orders_daily at 06:00 UTC (DATA-812).",
     [[5, ["DATA-812"], "10-07 06:00", "minute", "missed", True, False]]),
    ("07:10 DATA-812 SLA miss for task load_ledger: 07:00 UTC",
     [[5, ["DATA-812"], "10-07 07:00", "minute", "missed", True, False]]),
    ("07:10 DATA-812 SLA missed at 07:00 UTC",
     [[5, ["DATA-812"], "10-07 07:00", "minute", "missed", True, False]]),
    ("07:10 no SLA miss at 06:00 UTC today (DATA-812).", []),
    ("07:10 DATA-812 at risk of an SLA miss at 09:00 UTC", []),
    ("07:10 DATA-812 dismissed alert at 07:00 UTC", []),
    # (a title that names the incident misses no due date of its own)
    ("07:10 DATA-812 orders_daily SLA miss, due 2025-10-08",
     [[5, ["DATA-812"], "10-08 00:00", "day", "due", False, False]]),
])
def test_a_schedulers_sla_miss_is_a_stated_miss(text: str, rows: list) -> None:
    assert deadlines(item(text)) == rows


def test_the_pipeline_fixtures_sla_misses_are_counted():
    rows = _sla("exp3_a_data_platform.md", "deadline", {"DATA": {"resolution": "1d"}})
    assert [r for r in rows if r[1] in (7, 22)] == [
        ["DATA-812", 7, "10-06 06:00", "10-06 07:55", "missed"],
        ["DATA-821", 22, "10-08 06:00", "10-08 09:30", "missed"],
    ]


# 4: a Resolved cell of a date alone ----------------------------------------------------------------------
def test_a_resolved_cell_of_a_date_alone_resolves_on_that_day():
    text = ("| Key | Status | Created | Resolved |\n|---|---|---|---|\n"
            "| OPS-2 | Done | 2025-10-06 09:00 UTC | 2025-10-08 |\n"
            "| OPS-3 | Done | 2025-10-06 09:00 UTC | Oct 8, 2025 |\n"
            "| OPS-4 | Done | 2025-10-06 09:00 UTC | 08/Oct/25 |\n"
            "| OPS-5 | Open | 2025-10-06 09:00 UTC | |\n")
    ev = parse_log(text, "x.md").events
    assert [[int(n), a.strftime("%m-%d %H:%M"), p, k, list(t)] for n, a, p, k, t in zip(
        ev["line"], ev["at"], ev["at_precision"], ev["kind"], ev["tickets"], strict=True)] == [
        [3, "10-06 09:00", "minute", "note", ["OPS-2"]],
        [3, "10-08 00:00", "day", "resolved", ["OPS-2"]],
        [4, "10-06 09:00", "minute", "note", ["OPS-3"]],
        [4, "10-08 00:00", "day", "resolved", ["OPS-3"]],
        [5, "10-06 09:00", "minute", "note", ["OPS-4"]],
        [5, "10-08 00:00", "day", "resolved", ["OPS-4"]],
        [6, "10-06 09:00", "minute", "note", ["OPS-5"]],
    ]


# 5: 'Next.js', a time after 'no reply since', an escalation after a child ticket was opened ------------
@pytest.mark.parametrize(("text", "kind"), [
    ("Not affected by CVE-2025-29927 (Next.js middleware).", "note"),
    ("09:00 OPS-1 Vue.js bundle rebuilt, deploy.sh done", "resolved"),
    ("09:00 OPS-1 next: upgrade Next.js", "plan"),
    ("09:00 OPS-1 will upgrade Next.js", "plan"),
])
def test_a_name_with_a_code_suffix_is_no_word(text: str, kind: str) -> None:
    assert event_rows(item(text))[0][2] == kind


@pytest.mark.parametrize(("text", "rows"), [
    ("SUP-48270 no reply from customer since Thu 17:45; auto-reminder sent 09:00, pending.",
     [[5, "10-10 09:00", "blocked", 0, ["SUP-48270"]]]),
    ("OPS-1 no update from the vendor since 08:00; pinged again 09:00",
     [[5, "10-10 09:00", "follow_up", 1, ["OPS-1"]]]),
    # (a state that began then is a step: as before)
    ("OPS-1 down since 09:12, recovered 09:40",
     [[5, "10-10 09:12", "note", 0, ["OPS-1"]], [5, "10-10 09:40", "resolved", 0, ["OPS-1"]]]),
    ("OPS-1 waiting on vendor since 08:00; pinged again 09:00",
     [[5, "10-10 08:00", "blocked", 0, ["OPS-1"]], [5, "10-10 09:00", "follow_up", 1, ["OPS-1"]]]),
    ("OPS-1 down since 09:12", [[5, "10-10 09:12", "note", 0, ["OPS-1"]]]),
])
def test_a_time_after_no_reply_since_is_no_event(text: str, rows: list) -> None:
    assert event_rows(item(text, "Fri 10 Oct 2025")) == rows


INCIDENT = """# IR log

## 2025-10-07

- 08:14 Detected: leaked token (SEC-301).
- 08:50 notified the CISO.

## 2025-10-08

- SEC-302 opened: audit CI logs; due Thu 18:00 UTC.
- 16:00 escalated to VP Engineering for sign-off on customer comms.
- 17:00 audit halfway, resolved the first half.
"""


def _threaded(text: str) -> list[list]:
    logs = parse_log(text, "x.md")
    ev = with_threads(logs.events, logs.deadlines)
    return [[int(n), k, list(t), v] for n, k, t, v in zip(ev["line"], ev["kind"], ev["tickets"], ev["via"],
                                                           strict=True)]


def test_an_escalation_after_a_child_ticket_was_opened_is_the_incidents():
    assert _threaded(INCIDENT) == [
        [5, "note", ["SEC-301"], "text"],
        [6, "escalation", ["SEC-301"], "thread"],
        [10, "deadline", ["SEC-302"], "text"],
        [11, "escalation", ["SEC-301"], "thread"],  # (was SEC-302's)
        [12, "resolved", ["SEC-302"], "thread"],  # (not an escalation: the section's ticket, as before)
    ]


def test_a_sections_first_ticket_keeps_its_escalations():
    text = INCIDENT.replace("- SEC-302 opened: audit CI logs;", "- SEC-302 audit of CI logs;")
    assert _threaded(text)[3] == [11, "escalation", ["SEC-302"], "thread"]


def test_the_ir_fixtures_escalation_to_the_vp_is_the_incidents():
    logs = occ_lib.read_logs(str(FIX / "exp3_c_security_ir.md"))
    ev = with_threads(logs.events, logs.deadlines)
    esc = ev[ev["kind"].eq("escalation")]
    assert [[int(n), list(t)] for n, t in zip(esc["line"], esc["tickets"], strict=True)] == [
        [13, ["SEC-301"]], [14, ["SEC-301"]], [23, ["SEC-301"]]]


# 6: first responses --------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "kind"), [
    ("14:10 OPS-1 started investigating", "acknowledged"),
    ("14:10 started work on OPS-1", "acknowledged"),
    ("14:10 began investigating OPS-1", "acknowledged"),
    ("14:10 Backfill for events_raw (OPS-1) started 14:10", "note"),  # (a job's start: no response)
    ("14:10 OPS-1 errors started at 14:02", "note"),
])
def test_someone_starting_on_a_ticket_takes_it_up(text: str, kind: str) -> None:
    assert event_rows(item(text))[0][2] == kind


RESPONSE = """# Desk

## 2025-10-07

- 09:00 SUP-1 new ticket from Acme.
- 10:30 SUP-1 {}
"""


@pytest.mark.parametrize(("text", "status", "at"), [
    ("waiting on customer for request ids.", "met", "10-07 10:30"),
    ("awaiting the customer's reply.", "met", "10-07 10:30"),
    ("pending customer response.", "met", "10-07 10:30"),
    ("waiting on vendor for a patch.", "missed", None),
    ("blocked on the DB team.", "missed", None),
])
def test_waiting_on_the_customer_is_a_first_response(text: str, status: str, at: str | None) -> None:
    logs = parse_log(RESPONSE.format(text), "x.md")
    out = misses(logs, None, Policy(tickets={"SUP": {"first_response": "4h"}}), **W41)
    assert [[r.strftime("%m-%d %H:%M") if not pd.isna(r) else None, s]
            for r, s in zip(out["resolved_at"], out["status"], strict=True)] == [[at, status]]


def test_the_support_fixtures_first_responses():
    assert _sla("exp3_b_support_escalations.md", "response",
                {"SUP": {"first_response": "4h", "resolution": "3d"}})[-1] == [
        "SUP-48270", 32, "10-09 19:45", "10-09 15:45", "met"]  # (was missed by 4755 min)


def test_the_pipeline_fixtures_backfill_start_is_no_response():
    rows = _sla("exp3_a_data_platform.md", "response", {"DATA": {"first_response": "1h"}})
    assert rows[1] == ["DATA-815", 40, "10-06 15:08", "10-09 16:45", "missed"]
