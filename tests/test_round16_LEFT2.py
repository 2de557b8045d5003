"""Round 16 (LEFT2): small readings. A zero-padded number of four digits or more is a ticket again
('REQ-0012'; 'PRN-03' stays a device); an English 'On ... wrote:' head on a 12-hour clock writes its slash
date month first, in a day-first log too; 'by the time the portal closes at 16:00' is a deadline when someone
commits; an opened ticket's symptom ('opened (P2, sync stuck)') is no blocker; an ack told in a clause of
its own beside an escalation is an 'acknowledged' event of its own, the first response."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from occ_lib._extract import tickets
from occ_lib.logs import parse_log
from occ_lib.policy import Policy, TicketTarget
from occ_lib.sla import misses
from tests.log_rows import deadline_cells, short_event_rows

FIX = Path(__file__).parent / "fixtures"


def _log(body: str, zone: str = "UTC") -> str:
    return f"# Log\nAll times {zone}.\n\n## 2025-10-09\n\n" + body


# 1: zero-padded numbers ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("REQ-0012 opened by finance", ["REQ-0012"]),
        ("INC-000123 and TKT-00042 linked", ["INC-000123", "TKT-00042"]),
        ("OPS-0001 and OPS-0100", ["OPS-0001", "OPS-0100"]),
        # (two or three digits with a leading 0 stay device and host names)
        ("printer queue on PRN-03 stuck, DB-012 and SW-01 rebooted", []),
        ("the DNS-01 solver failed", []),
        # (a number of zeros only is no ticket, however long)
        ("OPS-0, OPS-00, OPS-0000 are names", []),
        ("REQ-0012 blocked on PRN-03", ["REQ-0012"]),
    ],
)
def test_a_zero_padded_number_of_four_digits_or_more_is_a_ticket(text, expected):
    assert tickets(text) == expected


def test_a_padded_in_house_ticket_has_its_events():
    text = _log("- 10:00 REQ-0012 opened for the payroll export\n- 11:30 REQ-0012 resolved\n")
    assert short_event_rows(text) == [
        [6, "10-09 10:00", "note", 0, ["REQ-0012"]], [7, "10-09 11:30", "resolved", 0, ["REQ-0012"]],
    ]


# 2: an English reply head on a 12-hour clock --------------------------------------------------------------
BODY = "OPS-77 escalated to the vendor's manager"


@pytest.mark.parametrize(
    ("head", "at"),
    [
        ("On 10/9/25 2:05 PM, Ana wrote:", "10-09 12:05"),
        ('On 10/9/25, 2:05 PM, "Ana" <a@x.com> wrote:', "10-09 12:05"),
        ("On 10/9/2025 2:05 pm, Ana wrote:", "10-09 12:05"),
        # (a 24-hour head keeps the log's order: day first in a log in CET, Sep 10)
        ("On 10/9/25 14:05, Ana wrote:", "09-10 12:05"),
        # (a date that reads one way only is that way)
        ("On 13/10/25 2:05 PM, Ana wrote:", "10-13 12:05"),
    ],
)
def test_an_english_head_on_a_12_hour_clock_is_month_first_in_a_day_first_log(head, at):
    text = "# T\nAll times in CET.\n\n## 2025-10-13\n\nAny news?\n\n" + head + "\n> " + BODY + "\n"
    assert short_event_rows(text) == [[9, at, "escalation", 2, ["OPS-77"]]]


def test_an_english_head_on_a_12_hour_clock_in_a_month_first_log_is_unchanged():
    text = (
        "# T\nAll times in ET.\n\n## 2025-10-13\n\nAny news?\n\n"
        "On 10/9/25 2:05 PM, Ana wrote:\n> " + BODY + "\n"
    )
    assert short_event_rows(text) == [[9, "10-09 18:05", "escalation", 2, ["OPS-77"]]]


# 3: 'by the time ... closes at' ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("OPS-11 we will file by the time the portal closes at 16:00 ET",
         [[5, pd.Timestamp("2025-10-09 20:00", tz="UTC"), "minute", "by", False]]),
        ("OPS-11 we will file by the time it closes at 16:00 ET",
         [[5, pd.Timestamp("2025-10-09 20:00", tz="UTC"), "minute", "by", False]]),
        ("OPS-11 we will file before submission closes at 16:00 ET",
         [[5, pd.Timestamp("2025-10-09 20:00", tz="UTC"), "minute", "before", False]]),
        # (another party's schedule alone: no promise)
        ("OPS-11 the portal closes at 16:00 ET", []),
        ("OPS-11 by the time we looked, the queue had drained", []),
    ],
)
def test_by_the_time_something_closes_is_a_deadline_when_someone_commits(item, expected):
    assert deadline_cells("# L\n\n## 2025-10-09\n\n- " + item + "\n") == expected


# 4: an opened ticket's symptom ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("item", "kind"),
    [
        ("ACME-1250 opened (P2, sync stuck)", "note"),
        ("ACME-1251 opened (P2, printer queue on PRN-03 stuck).", "note"),
        ("OPS-9 created: payments pending", "note"),
        ("OPS-3 opened - export stalled for 3 customers", "note"),
        # (a wait named in the brackets, or a blocker told outside them, still waits)
        ("OPS-5 opened (blocked on the vendor)", "blocked"),
        ("OPS-1 opened (P2, sync stuck); now stuck on the vendor", "blocked"),
        ("OPS-2 sync stuck", "blocked"),
        ("OPS-4 stuck since it was opened", "blocked"),
    ],
)
def test_an_opened_tickets_symptom_is_no_blocker(item, kind):
    rows = short_event_rows(_log("- 10:00 " + item + "\n"))
    assert rows == [[6, "10-09 10:00", kind, 0, [item.split()[0]]]]


def test_a_response_due_next_business_day_is_a_deadline_not_a_plan():
    text = _log("- 10:00 ACME-1251 opened (P2, sync stuck). Response due next business day by 12:55 ET.\n")
    assert short_event_rows(text) == [[6, "10-09 10:00", "deadline", 0, ["ACME-1251"]]]
    assert deadline_cells(text) == [[6, pd.Timestamp("2025-10-10 16:55", tz="UTC"), "minute", "by", False]]


# 5: an ack beside an escalation --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("OPS-5 acked by Wei; paged the incident commander",
         [["acknowledged", 0], ["escalation", 2]]),
        ("OPS-5 Wei acked and escalated to the VP", [["acknowledged", 0], ["escalation", 3]]),
        # (no ack of its own: the VP's answer, a denied ack, an ack of the escalation itself)
        ("OPS-5 escalation acknowledged by the VP", [["acknowledged", 0]]),
        ("OPS-5 not acked yet; paged the incident commander", [["escalation", 2]]),
        ("OPS-5 acked the escalation to VP Eng", [["escalation", 3]]),
        ("OPS-5 paged the incident commander", [["escalation", 2]]),
    ],
)
def test_an_ack_told_beside_an_escalation_is_an_event_of_its_own(item, expected):
    rows = short_event_rows(_log("- 10:00 " + item + "\n"))
    assert [r[2:4] for r in rows] == expected
    assert {(r[0], r[1]) for r in rows} == {(6, "10-09 10:00")}


def test_the_ack_is_the_first_response_in_the_sla():
    text = _log(
        "- 09:00 OPS-5 opened, checkout errors\n- 09:20 OPS-5 acked by Wei; paged the incident commander\n"
    )
    logs = parse_log(text, "x.md")
    policy = Policy(tickets={"OPS": TicketTarget(first_response="30m", resolution="1d")})
    out = misses(logs, None, policy, start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-10-13", tz="UTC"), as_of=pd.Timestamp("2025-10-13", tz="UTC"))
    resp = out[out["kind"].eq("response")]
    assert [[s, str(r), st] for s, r, st in zip(
        resp["subject"], resp["resolved_at"], resp["status"], strict=True
    )] == [["OPS-5", "2025-10-09 09:20:00+00:00", "met"]]
    events = logs.events
    acks = events[events["kind"].eq("acknowledged")]
    assert [str(a) for a in acks["at"]] == ["2025-10-09 09:20:00+00:00"]


def test_the_war_room_ack_is_its_own_event():
    logs = parse_log((FIX / "round16" / "expa_a_peak_warroom.md").read_text(encoding="utf-8"), "w.md")
    ev = logs.events[logs.events["line"].eq(26)]
    assert [[k, int(lv), list(t), str(a)] for k, lv, t, a in zip(
        ev["kind"], ev["level"], ev["tickets"], ev["at"], strict=True)] == [
        ["acknowledged", 0, ["INC0012360"], "2025-11-24 18:20:00+00:00"],
        ["escalation", 2, ["INC0012360"], "2025-11-24 18:20:00+00:00"],
    ]
