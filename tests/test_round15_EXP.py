"""Round 15 (EXP): three logs in voices not covered before (a QA release-candidate log in ET, an SRE
on-call handoff log written by three people, a German/English change calendar in MEZ), read as a
reliability engineer reads them: a handoff section without a date of its own dates its time-only
steps by the item before it that wrote its date, a page's escalation in a section of several tickets
is that page's ticket's, and an RCA's missed deadline replaced by a new ETA is the RCA's new promise."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib import timeline
from occ_lib._extract import delivered
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import deadline_rows, sla_deadline_rows
from tests.log_rows import short_event_rows as event_rows

FIX = Path(__file__).parent / "fixtures" / "round15"


HANDOFF = """# SRE on-call handoff log

Times in UTC unless a zone is written.

### Handoff Tue → Wed (Priya → Marco)

- 2025-10-07 03:02 UTC page #PD-R7T8U9 for SRE-433; acked 03:20.
- 03:45 paged the IC (Sam) — lag still growing.
- 04:30 escalated to VP Eng (Helen) after customer-visible delays.

### Handoff Wed → Thu (Marco → Marco)

- SRE-441 cert renewal due by Thu 18:00 UTC.
- 2025-10-08 14:05 UTC page #PD-M4N5P6 for SRE-441; acked 14:06.
- 16:00 still waiting on the CA.
"""


# 1: a handoff section without a date: its time-only steps on the date of the item before them --------
def test_time_only_steps_of_an_undated_handoff_take_the_date_written_before_them():
    assert event_rows(HANDOFF) == [
        [7, "10-07 03:02", "note", 0, ["SRE-433"]],
        [7, "10-07 03:20", "acknowledged", 0, ["SRE-433"]],
        [8, "10-07 03:45", "escalation", 2, []],
        [9, "10-07 04:30", "escalation", 3, []],
        [13, None, "deadline", 0, ["SRE-441"]],
        [14, "10-08 14:05", "note", 0, ["SRE-441"]],
        [14, "10-08 14:06", "acknowledged", 0, ["SRE-441"]],
        [15, "10-08 16:00", "blocked", 0, []],
    ]
    assert parse_log(HANDOFF, "x.md").problems.empty


def test_a_weekday_alone_before_the_first_dated_item_is_read_against_the_first_one_after_it():
    # (Thu after Wed 2025-10-08: the 9th)
    rows = deadline_rows(parse_log(HANDOFF, "x.md").deadlines)
    assert rows == [[13, ["SRE-441"], "10-09 18:00", "by", False]]


def test_a_bare_time_before_the_first_dated_item_stays_a_problem():
    text = "# Log\n\n### Handoff Mon → Tue\n\n- 22:40 mitigated.\n- 2025-10-06 22:14 UTC page for OPS-1.\n"
    logs = parse_log(text, "x.md")
    assert event_rows(text) == [[5, None, "resolved", 0, []], [6, "10-06 22:14", "note", 0, ["OPS-1"]]]
    assert logs.problems["reason"].tolist() == ["time without a date"]


def test_small_hours_after_an_evening_item_of_an_undated_section_are_on_the_next_day():
    text = ("# Log\n\n### Handoff Thu → Fri\n\n- 2025-10-09 23:48 UTC page for OPS-7; acked 23:49.\n"
            "- 00:20 paged the IC.\n- 01:10 escalated to VP Eng.\n")
    assert event_rows(text) == [
        [5, "10-09 23:48", "note", 0, ["OPS-7"]],
        [5, "10-09 23:49", "acknowledged", 0, ["OPS-7"]],
        [6, "10-10 00:20", "escalation", 2, []],
        [7, "10-10 01:10", "escalation", 3, []],
    ]


def test_a_dated_heading_is_not_carried_over():
    # (a section with its own date keeps reading its items on it, as before)
    text = "# Log\n\n## 2025-10-08\n\n- 2025-10-06 22:14 UTC page for OPS-1.\n- 03:45 paged the IC.\n"
    assert event_rows(text)[-1] == [6, "10-08 03:45", "escalation", 2, []]


# 2: a page's next step in a section of several tickets is that page's ticket's ----------------------
PAGES = """# On-call

### Handoff Thu → Fri (Marco → Aiko)

- SRE-441 renewed cert deployed 2025-10-09 16:20 UTC, resolved.
- 2025-10-09 23:48 UTC page #PD-Z9Y8X7 for SRE-447; acked 23:49.
- 2025-10-10 00:20 UTC paged the IC (Sam); 00:55 escalated to VP Eng (Helen).
"""


def _timeline(text: str) -> list[list]:
    tl = timeline.escalations(parse_log(text, "x.md"))
    return [[t, a.strftime("%m-%d %H:%M"), k, int(lv), v]
            for t, a, k, lv, v in zip(tl["ticket"], tl["at"], tl["kind"], tl["level"], tl["via"],
                                      strict=True)]


def test_an_escalation_right_after_a_page_of_one_ticket_is_that_tickets():
    assert _timeline(PAGES) == [
        ["SRE-441", "10-09 16:20", "resolved", 0, "text"],
        ["SRE-447", "10-09 23:48", "note", 0, "text"],
        ["SRE-447", "10-09 23:49", "acknowledged", 0, "text"],
        ["SRE-447", "10-10 00:20", "escalation", 2, "thread"],
        ["SRE-447", "10-10 00:55", "escalation", 3, "thread"],
    ]


def test_no_escalation_is_given_to_a_page_of_two_tickets_or_one_over_six_hours_before():
    two = PAGES.replace("for SRE-447;", "for SRE-447 and SRE-448;")
    assert [r for r in _timeline(two) if r[2] == "escalation"] == []
    late = PAGES.replace("2025-10-10 00:20 UTC paged", "2025-10-10 06:20 UTC paged").replace("00:55", "06:55")
    assert [r for r in _timeline(late) if r[2] == "escalation"] == []
    after_note = PAGES.replace("- 2025-10-10 00:20",
                               "- 2025-10-10 00:10 UTC dashboards checked.\n- 2025-10-10 00:20")
    assert [r for r in _timeline(after_note) if r[2] == "escalation"] == []


# 3: an RCA's missed deadline replaced by a new ETA: the RCA's new promise --------------------------
def test_a_new_eta_after_a_missed_rca_deadline_is_the_rcas():
    text = ("# Log\n\n## 2025-10-09\n\n- 09:00 SRE-430 resolved.\n"
            "- SRE-430 RCA missed 17:00 UTC deadline — new ETA Mon 10/13 12:00 UTC.\n")
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [
        [6, ["SRE-430"], "10-09 17:00", "postmortem", True],
        [6, ["SRE-430"], "10-13 12:00", "postmortem", False],
    ]
    out = misses(parse_log(text, "x.md"), None, Policy(), start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-10-13", tz="UTC"), as_of=pd.Timestamp("2025-10-13", tz="UTC"))
    out = out[out["kind"].eq("deadline")]
    # (before: the new ETA was the fix's, 'met' by the resolution of the 9th, before it was written)
    assert out["status"].tolist() == ["missed", "open"]


def test_a_new_eta_after_a_semicolon_stays_the_fixs():
    text = ("# Log\n\n## 2025-10-09\n\n"
            "- SRE-430 RCA missed 17:00 UTC deadline; fix new ETA Mon 10/13 12:00 UTC.\n")
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [
        [5, ["SRE-430"], "10-09 17:00", "postmortem", True],
        [5, ["SRE-430"], "10-13 12:00", "ETA", False],
    ]


# the fixture: the on-call week's SLA deadline rows --------------------------------------------------
def test_the_handoff_fixture_sla_deadlines():
    logs = occ_lib.read_logs(str(FIX / "exp_b_sre_handoff.md"))
    assert sla_deadline_rows(logs) == [
        [17, "SRE-433", "10-07 09:00", "met"],
        [29, "SRE-430", "10-09 17:00", "missed"],
        [23, "SRE-441", "10-09 18:00", "met"],
        [22, "SRE-441", "10-10 00:00", "met"],
        [29, "SRE-430", "10-13 12:00", "open"],
        [36, "SRE-447", "10-16 00:00", "open"],  # (due Wed 10/15: its end, UTC)
    ]
    # (line 21, '08:40 UTC Tue, resolved 08:45 UTC', is read since round 15 EXP2: both on Tue)
    assert logs.problems.empty


# 4: a post-incident review is delivered by the meeting: 'review held' ------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [("CHG-2102 review held 11:30, action items in DEP-77.", True), ("review was held with payments", True),
     ("PR review done", False), ("review booked for Thu", False),
     ("reviewed the dashboard, held off", False)],
)
def test_review_held_delivers_a_review(text: str, expected: bool) -> None:
    assert delivered(text) is expected


def test_the_change_calendars_post_incident_review_is_met_by_the_review_held():
    logs = occ_lib.read_logs(str(FIX / "exp_c_deploy_de.md"))
    policy = Policy(tz="America/New_York")
    out = misses(logs, None, policy, start=pd.Timestamp("2025-10-06T04:00Z"),
                 end=pd.Timestamp("2025-10-13T04:00Z"), as_of=pd.Timestamp("2025-10-13T04:00Z"))
    out = out[out["kind"].eq("deadline")]
    assert [[int(n), s, d.strftime("%m-%d %H:%M"), st] for n, s, d, st in zip(
        out["line"], out["subject"], out["due_at"], out["status"], strict=True
    )] == [
        [24, "CHG-2102", "10-09 10:00", "met"],  # (was 'missed': not delivered)
        [23, "CHG-2102", "10-10 18:00", "missed"],
        [30, "DEP-77", "10-10 22:00", "superseded"],
        [34, "CHG-2104", "10-13 08:00", "open"],  # (its planned window moved: round 15 EXP2)
        [36, "DEP-77", "10-13 22:00", "open"],
    ]
