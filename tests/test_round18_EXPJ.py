"""Round 18 (EXPJ): two logs in voices the fixtures did not have, read as a reliability engineer reads them:
a fintech payments on-call log (PagerDuty ``PD-Q1X2Y3`` incidents, card-network cut-offs, T+1 settlement,
ET, a weekend P1 over midnight pasted from Slack, vendor status-page quotes, an open-items table at the
week's end) and a retailer's SAP S/4HANA cutover runbook (German weekday headings ``## Sa 25.10.``, a
planned-vs-actual steps table, go/no-go checkpoints, CET/CEST across the 2025-10-26 DST change, DEVK
transports, hypercare HC- tickets).

What they showed: the runbook's day headings were undated (no section before them gave a year, and
``## So 26.10. — DST night`` has a title), so all its items were time problems; a PagerDuty incident's
id named no ticket, so the P1 had no SLA rows; ``the 22:00 IPM cut-off tonight`` was two deadlines;
an ack after a bracketed hedge and chat's ``acking`` were no acks; ``closing FIN-884`` closed nothing;
the open-items table after ``## Sun 10/12`` was dated the week's Monday, so the P1 was 'first mentioned'
six days before it paged (response and resolution missed) and SEC-3120 'done' before its deadline was
set; and the runbook's rows were read at their planned times, not when they happened."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib._extract import classify, keywords, tickets
from occ_lib.policy import Policy
from occ_lib.sla import misses
from occ_lib.times import find_times, first_dotted_date, parse_heading
from tests.log_rows import deadline_rows, item, short_event_rows, text_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round18"
PAY = FIX / "expj_a_payments_oncall.md"
SAP = FIX / "expj_b_sap_cutover.md"
# the payments team's week and the cutover fortnight, in New York, judged after both
WINDOW = {"start": pd.Timestamp("2025-10-06T04:00Z"), "end": pd.Timestamp("2025-11-03T05:00Z"),
          "as_of": pd.Timestamp("2025-11-03T05:00Z")}
POLICY = Policy(tz="America/New_York", tickets={
    "PD": {"first_response": "5m", "resolution": "4h"}, "FIN": {"resolution": "3d"},
    "HC": {"first_response": "15m", "resolution": "2d"}, "CUT": {"resolution": "12h"}})


def _events(path: Path, lines: list[int]) -> list[list]:
    ev = occ_lib.read_logs(str(path)).events
    ev = ev[ev["line"].isin(lines)]
    return [[int(n), None if pd.isna(a) else a.strftime("%m-%d %H:%M"), k, int(lv), list(t)]
            for n, a, k, lv, t in zip(ev["line"], ev["at"], ev["kind"], ev["level"], ev["tickets"],
                                      strict=True)]


def _sla(kind: str, subject: str) -> list[list]:
    logs = occ_lib.read_logs([str(PAY), str(SAP)])
    out = misses(logs, None, POLICY, **WINDOW)
    out = out[out["kind"].eq(kind) & out["subject"].eq(subject)]
    return [[int(n), d.strftime("%m-%d %H:%M"), None if pd.isna(r) else r.strftime("%m-%d %H:%M"), st]
            for n, d, r, st in zip(out["line"], out["due_at"], out["resolved_at"], out["status"],
                                   strict=True)]


# 1: a German weekday's dotted heading, with a title after a dash, in the year of the runbook's dates ----
@pytest.mark.parametrize(("heading", "date", "title"), [
    ("## Fr 24.10.", dt.date(2025, 10, 24), ""),
    ("## So 26.10. — DST night", dt.date(2025, 10, 26), "DST night"),
    ("### Mo 27.10.: Hypercare Tag 1", dt.date(2025, 10, 27), "Hypercare Tag 1"),
    ("## Sa, 25.10. - Migration", dt.date(2025, 10, 25), "Migration"),
    # without a weekday a number before a title is a section's or a version's
    ("## 1.2. — Scope", None, "1.2. — Scope"),
    ("## 3.12 - Release notes", None, "3.12 - Release notes"),
])
def test_a_weekdays_dotted_heading_takes_the_year_of_the_documents_dotted_dates(heading, date, title):
    h = parse_heading(heading, tz="Europe/Berlin", dotted=dt.date(2025, 10, 24))
    assert (h.date, h.title) == (date, title)


def test_the_first_dotted_date_is_the_first_real_one():
    text = "Version 1.2.3, cutover Fr 31.02.2025 typo, then Fr 24.10.2025 – Mo 27.10.2025"
    assert first_dotted_date(text) == dt.date(2025, 10, 24)
    assert first_dotted_date("no dotted dates, 2025-10-24") is None


def test_the_runbooks_day_sections_are_dated():
    sec = occ_lib.read_logs(str(SAP)).sections
    # (before: the five day headings had no date and every item under them was a 'time without a date')
    assert [[int(n), t, None if pd.isna(d) else d.strftime("%m-%d")]
            for n, t, d in zip(sec["line"], sec["title"], sec["date"], strict=True)] == [
        [7, "Go / No-Go checkpoints", None],
        [16, "Cutover steps — planned vs actual", None],
        [28, "", "10-24"],
        [34, "", "10-25"],
        [43, "DST night", "10-26"],
        [53, "Hypercare", None],
        [57, "", "10-27"],
        [70, "", "10-28"],
        [76, "", "10-29"],
    ]
    # the night the clocks go back: 01:40 and 02:50 CEST, then 02:10 and 02:45 CET, then 07:15 (CET)
    assert _events(SAP, [30, 32, 36, 45, 46, 47, 48, 49]) == [
        [30, "10-24 16:20", "status", 0, []],
        [32, "10-24 21:10", "deadline", 0, ["CUT-12"]],
        [36, "10-25 06:05", "resolved", 0, ["CUT-12"]],
        [45, "10-25 23:40", "note", 0, []],
        [46, "10-26 00:50", "status", 0, []],
        [47, "10-26 01:10", "note", 0, []],
        [48, "10-26 01:45", "note", 0, []],
        [49, "10-26 06:15", "note", 0, []],
    ]
    assert deadline_rows(occ_lib.read_logs(str(SAP)).deadlines) == [
        [32, ["CUT-12"], "10-25 06:00", "by", False],
        [38, ["CUT-17"], "10-25 12:00", "by", False],
        [41, [], "10-26 09:00", "due", False],
        [65, ["HC-1001"], "10-27 13:00", "ETA", False],
        [66, ["HC-1002"], "10-29 00:00", "by", False],
        [72, ["HC-1002", "HC-1003"], "10-30 00:00", "by", False],
        [74, ["HC-1004"], "10-28 18:00", "ETA", False],
        [80, ["HC-1003"], "10-31 17:00", "by", False],
    ]


def test_the_cutover_and_hypercare_sla():
    # CUT-12's 'fix by 25.10. 08:00' kept at 08:05: missed by five minutes; HC-1001 acked in 11 minutes
    assert _sla("deadline", "CUT-12") == [[32, "10-25 06:00", "10-25 06:05", "missed"]]
    assert _sla("response", "HC-1001") == [[63, "10-27 06:45", "10-27 06:41", "met"]]
    assert _sla("resolution", "HC-1001") == [[63, "10-29 06:30", "10-27 13:20", "met"]]
    assert _sla("deadline", "HC-1001") == [[65, "10-27 13:00", "10-27 13:20", "missed"]]


# 2: a runbook's planned and actual columns: a row that happened is read at its actual time -----------
def test_a_runbook_row_happened_at_its_actual_time():
    # (before: every row at its planned time, G1 at 16:00, step 1.2 at 17:00, step 4.1 at 07:00)
    assert _events(SAP, [11, 12, 13, 14, 20, 21, 22, 23, 24, 25, 26]) == [
        [11, "10-24 16:20", "status", 0, []],
        [12, "10-25 21:40", "note", 0, []],
        [13, "10-26 06:15", "note", 0, []],
        [14, "10-27 06:00", "note", 0, []],  # (G4 has no actual time yet: its plan, as before)
        [20, "10-24 16:25", "resolved", 0, []],
        [21, "10-24 17:10", "resolved", 0, []],
        [22, "10-25 06:30", "resolved", 0, []],
        [23, "10-25 18:00", "resolved", 0, []],
        [24, "10-25 23:40", "resolved", 0, []],  # 01:40 CEST
        [25, "10-26 01:45", "resolved", 0, []],  # 02:45 CET, the second 02:45 of the night
        [26, "10-26 08:10", "resolved", 0, []],
    ]


def test_planned_columns_without_actual_ones_are_read_as_before():
    text = ("# Runbook\n\n## 2025-10-24\n\n| Step | Planned start | Owner |\n|---|---|---|\n"
            "| 1.1 | 18:00 UTC | ops |\n")
    assert short_event_rows(text) == [[7, "10-24 18:00", "note", 0, []]]
    text = ("# Runbook\n\n## 2025-10-24\n\n| Step | Plan | Actual | Status |\n|---|---|---|---|\n"
            "| 1.1 | 18:00 UTC | 18:40 UTC | done |\n| 1.2 | 19:00 UTC |  | open |\n")
    assert short_event_rows(text) == [[7, "10-24 18:40", "resolved", 0, []],
                                      [8, "10-24 19:00", "note", 0, []]]


# 3: a PagerDuty incident's id is the ticket of an item that names no other ---------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("09:40 PD-Q1X2Y3 triggered: auth latency p99 > 1.2s", ["PD-Q1X2Y3"]),
    ("page #PD-R7T8U9 acked", ["PD-R7T8U9"]),
    ("PD-Q1X2Y3, PD-M4N5P6 resolved", ["PD-Q1X2Y3", "PD-M4N5P6"]),
    ("page #PD-Z9Y8X7 for SRE-447; acked 23:49", ["SRE-447"]),  # (the page's id is an alias of SRE-447)
    ("PD-M4N5P6 (low) cert expires; renewal SEC-3120 due Oct 15", ["SEC-3120"]),
    ("PD-12345 opened", ["PD-12345"]),
    ("PD-ABCDEF and PD-123 sizes", ["PD-123"]),  # (letters only: no incident id)
    ("see https://acme.pagerduty.com/incidents/PD-Q1X2Y3", []),
    ("pd-q1x2y3 lower case", []),
])
def test_a_pagerduty_incident_id_is_a_ticket(text, expected):
    assert tickets(text) == expected


def test_the_pagerduty_incidents_have_their_sla_rows():
    # (before: no PD row at all: 'sla.tickets.PD matches no ticket in the logs')
    assert _sla("response", "PD-Q1X2Y3") == [[12, "10-06 13:45", "10-06 13:42", "met"]]
    assert _sla("resolution", "PD-Q1X2Y3") == [[12, "10-06 17:40", "10-06 14:31", "met"]]
    assert _sla("deadline", "PD-Q1X2Y3") == [[13, "10-06 14:30", "10-06 14:31", "missed"]]
    # the weekend P1, paged 23:47 ET Saturday, resolved 01:15 ET Sunday (the chat's midnight crossed)
    assert _sla("response", "PD-R7T8U9") == [[58, "10-12 03:52", "10-12 03:47", "met"]]
    assert _sla("resolution", "PD-R7T8U9") == [[58, "10-12 07:47", "10-12 05:15", "met"]]
    assert _sla("response", "PD-K2L3M4") == [[40, "10-09 10:45", "10-09 10:44", "met"]]  # (acked 06:44 ET)


# 4: a day word right after the keyword that follows a time is that deadline's day -------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("17:40 FIN-884 corrected MC file needed before the 22:00 IPM cut-off tonight",
     [("17:40", "10-07 17:40", None), ("22:00", "10-07 22:00", "cutoff")]),
    ("file needed before the 22:00 deadline tomorrow", [("22:00", "10-08 22:00", "deadline")]),
    ("by the 17:00 cutoff on Friday", [("17:00", "10-10 17:00", "cutoff")]),
    ("the 09:00 UTC review window tomorrow", [("09:00 UTC", "10-08 09:00", "window")]),
    # the item's stamp is no keyword's time: the day is a deadline of its own
    ("08:02 OPS-3 ETA tomorrow", [("08:02", "10-07 08:02", None), ("tomorrow", "10-08 00:00", "ETA")]),
    ("ETA 17:00, deadline tomorrow",
     [("17:00", "10-07 17:00", "ETA"), ("tomorrow", "10-08 00:00", "deadline")]),
])
def test_a_day_word_after_a_times_keyword_is_its_day(text, expected):
    found = find_times(text, day=dt.date(2025, 10, 7), tz="UTC")
    assert [(m.raw, m.at.strftime("%m-%d %H:%M"), m.keyword) for m in found] == expected


def test_the_ipm_cutoff_tonight_is_one_deadline():
    # (before: also a date-only 'cutoff' on the 7th, beside 22:00 ET)
    text = item("17:40 FIN-884 corrected MC file needed before the 22:00 IPM cut-off tonight. cc @leo")
    assert text_deadline_rows(text) == [[5, ["FIN-884"], "10-07 22:00", "cutoff", False]]
    assert _sla("deadline", "FIN-884")[:1] == [[27, "10-08 02:00", "10-08 01:48", "met"]]


# 5: acks: after a hedge in brackets, and chat's 'acking' ---------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("06:40 PD-K2L3M4 P2: Marqeta API still read-only after their window (should have ended 01:00). "
     "acked 06:44", "acknowledged"),
    ("OPS-1 acked (should be resolved soon)", "acknowledged"),
    ("OPS-1 not acked (paged twice)", "note"),
    ("OPS-1 should be acked by now", "note"),
    ("paged PD-R7T8U9 P1, Visa debit declines spiking to 23%, acking", "acknowledged"),
    ("OPS-1 paged, acking", "acknowledged"),
    ("not acking yet", "note"),
    ("acking the SYN packets", "note"),
])
def test_an_ack_beside_a_bracketed_hedge_and_chats_acking(text, expected):
    assert classify(text, keywords(text), False)[0] == expected


# 6: the writer closing a ticket resolves it ---------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("FIN-884 dedupe fix deployed, recon clean. closing FIN-884", "resolved"),
    ("Closing out OPS-12", "resolved"),
    ("we are closing OPS-1 now", "resolved"),
    ("will be closing OPS-1 tomorrow", "plan"),
    ("closing OPS-1 once QA signs off", "plan"),
    ("not closing OPS-1 until verified", "status"),
    ("closing in on the cause for OPS-1", "note"),
    ("window closing at 22:00", "note"),
    ("Closing OPS-1?", "note"),
    ("Closing OPS-304 as a possible duplicate", "note"),  # (the duplicate rule's: a guess)
])
def test_closing_a_ticket_resolves_it(text, expected):
    assert classify(text, keywords(text), False)[0] == expected


# 7: an undated section after a week's dated days is on their last day ------------------------------
WEEK = """# On-call log, week of Oct 6 2025

All times ET.

## Summary

- OPS-1 opened

## Mon 10/6

- 09:40 PD-Q1X2Y3 triggered

## Sun 10/12

- 01:15 PD-Q1X2Y3 resolved

## Open items

- OPS-4 done Tue
- OPS-5 fixed

### Carry-over

- OPS-6 handed over
"""


def test_an_undated_section_after_the_weeks_days_is_on_the_last_of_them():
    # (before: 'Open items' and 'Carry-over' on Monday the 6th; 'Summary', written before the days, is)
    assert short_event_rows(WEEK) == [
        [7, "10-06 00:00", "note", 0, ["OPS-1"]],
        [11, "10-06 13:40", "note", 0, ["PD-Q1X2Y3"]],
        [15, "10-12 05:15", "resolved", 0, ["PD-Q1X2Y3"]],
        [19, "10-07 00:00", "resolved", 0, ["OPS-4"]],
        [20, "10-12 00:00", "resolved", 0, ["OPS-5"]],
        [24, "10-12 00:00", "note", 0, ["OPS-6"]],
    ]


def test_a_week_heading_after_a_newer_one_keeps_its_own_days():
    text = ("## Week of Oct 13, 2025\n### Tracker\n- OPS-2 red\n\n"
            "## Week of Oct 6, 2025\n### Tracker\n- OPS-2 amber\n")
    assert short_event_rows(text) == [[3, "10-13 00:00", "note", 0, ["OPS-2"]],
                                      [7, "10-06 00:00", "note", 0, ["OPS-2"]]]


def test_the_open_items_table_does_not_come_before_the_story():
    assert _events(PAY, [82, 83, 84, 85]) == [
        [82, "10-12 00:00", "deadline", 0, ["FIN-890", "CB-77120"]],
        [83, "10-12 00:00", "deadline", 0, ["PD-R7T8U9"]],
        [84, "10-12 00:00", "resolved", 0, ["SEC-3120"]],
        [85, "10-12 00:00", "deadline", 0, ["FIN-891"]],
    ]
    # SEC-3120's CSR deadline is met by the renewal on Friday 09:05 ET, not by the table's 'done'
    # (before: 'resolved 2025-10-06 (date only)', three days before the deadline was set)
    assert _sla("deadline", "SEC-3120") == [
        [44, "10-10 16:00", "10-10 13:05", "met"],
        [35, "10-16 04:00", "10-10 13:05", "met"],
        [35, "10-21 04:00", "10-10 13:05", "met"],
    ]


def test_the_payments_log_line_by_line():
    assert _events(PAY, [12, 13, 14, 21, 27, 28, 40, 42, 43, 58, 61, 64, 67, 70]) == [
        [12, "10-06 13:40", "note", 0, ["PD-Q1X2Y3"]],
        [12, "10-06 13:42", "acknowledged", 0, ["PD-Q1X2Y3"]],
        [13, "10-06 14:05", "deadline", 0, ["PD-Q1X2Y3"]],
        [14, "10-06 14:31", "resolved", 0, ["PD-Q1X2Y3"]],
        [21, "10-07 11:55", "note", 0, []],  # ('14k events queued' is a backlog, no plan: KIND2)
        [21, "10-07 11:58", "acknowledged", 0, []],
        [27, "10-07 21:40", "deadline", 0, ["FIN-884"]],
        [28, "10-08 01:48", "note", 0, ["FIN-884"]],
        [40, "10-09 10:40", "note", 0, ["PD-K2L3M4"]],
        [40, "10-09 10:44", "acknowledged", 0, ["PD-K2L3M4"]],  # (its stamp's ET zone: 06:44 ET)
        [42, "10-09 11:35", "resolved", 0, ["PD-K2L3M4"]],
        [43, "10-09 15:10", "resolved", 0, ["FIN-884"]],
        [58, "10-12 03:47", "acknowledged", 0, ["PD-R7T8U9"]],
        [61, "10-12 03:52", "plan", 0, ["PD-R7T8U9"]],
        [64, "10-12 04:08", "note", 0, ["PD-R7T8U9"]],
        [67, "10-12 04:31", "status", 0, ["PD-R7T8U9"]],
        [70, "10-12 05:15", "resolved", 0, ["PD-R7T8U9"]],
    ]
    assert deadline_rows(occ_lib.read_logs(str(PAY)).deadlines) == [
        [13, ["PD-Q1X2Y3"], "10-06 14:30", "ETA", False],
        [15, ["FIN-882"], "10-07 01:30", "cutoff", False],
        [25, ["FIN-884"], "10-08 14:00", "by", False],
        [27, ["FIN-884"], "10-08 02:00", "cutoff", False],
        [34, [], "10-08 19:00", "window", False],
        [35, ["SEC-3120"], "10-20 00:00", "expires", False],
        [35, ["SEC-3120"], "10-15 00:00", "due", False],
        [41, [], "10-09 11:30", "update", False],
        [44, ["SEC-3120"], "10-10 16:00", "by", False],
        [45, ["FIN-890", "CB-77120"], "10-14 00:00", "by", False],
        [50, [], "10-13 10:00", "window", False],
        [61, ["PD-R7T8U9"], "10-12 04:22", "update", False],
        [70, ["PD-R7T8U9"], "10-15 00:00", "postmortem", False],
        [82, ["FIN-890"], "10-14 00:00", "due", False],
        [83, ["PD-R7T8U9"], "10-15 00:00", "due", False],
        [85, ["FIN-891"], "10-31 00:00", "due", False],
    ]
