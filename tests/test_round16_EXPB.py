"""Round 16 (EXPB): two logs in voices not covered before (a GitHub-centric platform team's log in UTC
and CET, a vendor and licence management log in PT), read as a reliability engineer reads them: a
promise of a reply is kept by the reply ('reply due by Thu noon', then 'reply sent 11:45'), not by
the ticket's fix, and a licence or PR that renewed or merged by itself ('auto-renewed', 'auto-merged')
is a resolution."""

from __future__ import annotations

from pathlib import Path

import pytest

import occ_lib
from occ_lib._extract import replied, reply_promise
from occ_lib.logs import parse_log
from tests.log_rows import short_event_rows as event_rows
from tests.log_rows import sla_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round16"


# 1: a promise of a reply is kept by the reply -------------------------------------------------------
REPLY = """# Vendor log

All times Pacific (PT) unless stated.

## 2025-10-08 (Wed)

- VEN-44 Slack Enterprise true-up: 35 extra seats, reply due by Thu noon.

## 2025-10-09 (Thu)

- VEN-44 true-up reply sent 11:45.
"""


def test_a_reply_due_is_kept_by_the_reply_sent():
    res = parse_log(REPLY, "x.md")
    assert event_rows(REPLY) == [
        [7, "10-08 00:00", "deadline", 0, ["VEN-44"]],
        [11, "10-09 18:45", "note", 0, ["VEN-44"]],
    ]
    assert res.problems.empty


def test_the_reply_sla_row_is_met_by_the_reply(tmp_path: Path):
    p = tmp_path / "v.md"
    p.write_text(REPLY, encoding="utf-8")
    assert sla_deadline_rows(occ_lib.read_logs(str(p))) == [[7, "VEN-44", "10-09 19:00", "met"]]
    late = REPLY.replace("reply sent 11:45", "reply sent 13:10")
    p.write_text(late, encoding="utf-8")
    assert sla_deadline_rows(occ_lib.read_logs(str(p))) == [[7, "VEN-44", "10-09 19:00", "missed"]]


def test_a_reply_not_sent_keeps_no_reply_promise(tmp_path: Path):
    p = tmp_path / "v.md"
    p.write_text(REPLY.replace("reply sent 11:45", "reply not sent yet 11:45"), encoding="utf-8")
    assert sla_deadline_rows(occ_lib.read_logs(str(p))) == [[7, "VEN-44", "10-09 19:00", "missed"]]


@pytest.mark.parametrize(
    ("text", "promise", "given"),
    [("VEN-44 reply due by Thu noon", True, False), ("respond to Acme by Friday", True, False),
     ("vendor response due Oct 9", True, False), ("VEN-44 true-up reply sent 11:45.", True, True),
     ("response was sent 10:00", True, True), ("replied to Slack 11:40", False, True),
     ("reply not sent yet", True, False), ("will reply by noon", True, False),
     ("no response yet", True, False), ("reply is not sent", True, False), ("ETA Fri EOD", False, False)],
)
def test_reply_promise_and_replied(text: str, promise: bool, given: bool):
    assert (reply_promise(text), replied(text)) == (promise, given)


# 2: what renewed or merged by itself is resolved ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [("VEN-45 PagerDuty licence auto-renewed overnight (was due 2025-10-10 00:00 PT); no action.",
      "resolved"),
     ("VEN-45 licence auto-renewed overnight.", "resolved"),
     ("PLAT-330 Dependabot PR #1250 auto-merged 09:10.", "resolved"),
     ("VEN-45 licence not auto-renewed, renewal due 2025-10-31.", "deadline")],
)
def test_auto_renewed_and_auto_merged_are_resolutions(text: str, kind: str):
    doc = f"# Log\n\nAll times Pacific (PT).\n\n## 2025-10-10 (Fri)\n\n- {text}\n"
    assert [r[2] for r in event_rows(doc)] == [kind]


# 3: a purchase order's number is no ticket -----------------------------------------------------------
def test_a_purchase_order_number_is_no_ticket():
    doc = ("# Log\n\nAll times Pacific (PT).\n\n## 2025-10-08 (Wed)\n\n"
           "- VEN-40 PO-4471 approved by finance 11:05; signature needed before Oct 15 (quote expiry).\n"
           "- PO-4472 raised for the Slack true-up.\n")
    assert event_rows(doc) == [
        [7, "10-08 18:05", "deadline", 0, ["VEN-40"]],
        [8, "10-08 00:00", "note", 0, []],
    ]
    dl = parse_log(doc, "x.md").deadlines
    assert dl["tickets"].tolist() == [["VEN-40"]]


# the fixtures: the week's SLA deadline rows --------------------------------------------------------
def test_the_vendor_fixture_sla_deadlines():
    logs = occ_lib.read_logs(str(FIX / "expb_b_vendor_licences.md"))
    assert sla_deadline_rows(logs) == [
        [20, "VEN-44", "10-09 19:00", "met"],  # (reply due by Thu noon; reply sent 11:45)
        [32, "VEN-45", "10-10 07:00", "met"],  # (auto-renewed overnight, was due 00:00 PT)
        [13, "VEN-43", "10-11 07:00", "superseded"],
        [27, "VEN-43", "10-14 07:00", "open"],
        [19, "VEN-40", "10-16 07:00", "met"],
        [31, "VEN-40", "10-18 07:00", "met"],
        [7, "VEN-40", "11-01 07:00", "met"],
        [9, "VEN-42", "12-01 07:59", "open"],
    ]
    assert logs.problems.empty


def test_the_platform_fixture_sla_deadlines():
    logs = occ_lib.read_logs(str(FIX / "expb_a_platform_github.md"))
    assert sla_deadline_rows(logs) == [
        [9, "PLAT-312", "10-08 17:00", "met"],
        [25, "PLAT-320", "10-11 00:00", "superseded"],
        [31, "PLAT-320", "10-13 12:00", "open"],
        [11, "PLAT-310", "10-21 00:00", "open"],
    ]
    assert logs.problems.empty
