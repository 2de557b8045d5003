"""Round 15 (PM): postmortems written with key-value milestones and list-form timelines
(tests/fixtures/round15/pm_*.md, four voices).

- A postmortem's timeline written as a list of clock times (``- 23:42 First 502s``, ``- 00:05 rollback
  started``) under ``## Timeline`` / ``### Timeline (all times PT)`` was dated by its section, the day
  the postmortem was written (Oct 10): every step three days late. The milestones written as key-value
  lines above it (``**Impact start:** Oct 7, 11:42 PM PT``, ``- Detected: 2025-10-07 23:50 PT``,
  ``Resolved — Oct 8 01:15 PT``) now date it as a milestones table does; past midnight it goes on to
  the next day.
- A milestone written with a spaced dash after a ``Key:`` line (``Detected: ...`` then ``Mitigated — Oct
  8, 12:40 AM PT``) was joined to it as one paragraph: one event at the detection, read resolved.
- A summary figure as a list item (``- Duration: 1h 33m``, ``- Time to detect: 8 min``) was a note at
  the writing day; it is no event (as the same line written as a paragraph field already was).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from occ_lib.logs import parse_log, read_logs
from tests.log_rows import cli_rows, deadline_rows, event_rows

FIXTURES = Path(__file__).parent / "fixtures" / "round15"


def _read(name: str):
    return read_logs([str(FIXTURES / name)])


def _rows(name: str) -> list[list]:
    """[line, 'MM-DD HH:MM' UTC, kind, level, tickets] of each event of a fixture."""
    ev = _read(name).events
    return [
        [ln, at.strftime("%m-%d %H:%M"), k, lv, list(t)]
        for ln, at, k, lv, t in zip(ev["line"], ev["at"], ev["kind"], ev["level"], ev["tickets"], strict=True)
    ]


def test_bold_milestones_date_the_pt_timeline_under_a_section_written_days_later():
    logs = _read("pm_a_payments.md")
    assert _rows("pm_a_payments.md") == [
        [4, "10-09 16:00", "plan", 0, ["PAY-512"]],
        [8, "10-08 06:42", "note", 0, ["INC-8801"]],  # Impact start: Oct 7, 11:42 PM PDT
        [9, "10-08 06:50", "note", 0, ["INC-8801"]],  # Detected
        [10, "10-08 07:40", "resolved", 0, ["INC-8801"]],  # Mitigated: 00:40 PT (Oct 8)
        [11, "10-08 08:15", "resolved", 0, ["INC-8801"]],  # Resolved — Oct 8 01:15 PT
        # (was 10-11 06:42 ... 10-11 08:15: the section's Oct 10 in PT)
        [17, "10-08 06:42", "note", 0, ["INC-8801"]],
        [18, "10-08 06:50", "escalation", 1, ["OPS-77"]],
        [19, "10-08 07:05", "note", 0, ["INC-8801"]],  # (00:05 after 23:50: Oct 8)
        [20, "10-08 07:40", "resolved", 0, ["INC-8801"]],
        [21, "10-08 08:15", "resolved", 0, ["INC-8801"]],
        [24, "10-10 00:00", "note", 0, ["INC-8801"]],  # (an action item: the writing day, day precision)
    ]
    # 'Duration: 1h 33m', 'Time to detect: 8 min': no deadline, no problem; the PT heading's zone
    assert deadline_rows(logs.deadlines) == [[4, ["PAY-512"], "10-10 18:00", "ETA", False]]
    assert logs.problems.empty
    assert logs.events.loc[logs.events["line"].eq(24), "at_precision"].tolist() == ["day"]


def test_list_milestones_in_a_sibling_section_date_a_front_matter_dated_postmortem():
    logs = _read("pm_b_standalone.md")
    assert _rows("pm_b_standalone.md") == [
        [12, "10-08 06:42", "note", 0, ["OPS-77"]],
        [13, "10-08 06:50", "note", 0, ["OPS-77"]],
        [14, "10-08 07:20", "escalation", 1, ["OPS-77"]],
        [15, "10-08 08:15", "resolved", 0, ["OPS-77"]],
        # (lines 16-17, '- Duration: 1h 33m', '- Time to detect: 8 min': were notes at 10-10 00:00)
        [20, "10-08 06:42", "note", 0, ["OPS-77"]],
        [21, "10-08 06:50", "acknowledged", 0, ["OPS-77"]],
        [22, "10-08 07:05", "note", 0, ["OPS-77"]],
        [23, "10-08 07:20", "escalation", 2, ["OPS-77"]],
        [24, "10-08 07:40", "resolved", 0, ["OPS-77"]],
        [25, "10-08 08:15", "resolved", 0, ["OPS-77"]],
        [28, "10-10 00:00", "deadline", 0, ["OPS-78"]],
    ]
    assert deadline_rows(logs.deadlines) == [[28, ["OPS-78"], "10-17 00:00", "due", False]]
    assert logs.problems.empty


def test_dash_milestones_are_lines_of_their_own_and_a_12_hour_timeline_crosses_midnight():
    logs = _read("pm_c_wiki.md")
    assert [r[:3] + [r[5]] for r in event_rows((FIXTURES / "pm_c_wiki.md").read_text())][:3] == [
        [5, "10-08 06:42", "note", "Impact start — Oct 7 11:42 PM PT"],
        # (was one paragraph with the next line: resolved at 06:50)
        [6, "10-08 06:50", "note", "Detected: Oct 7 11:50 PM PT"],
        [7, "10-08 07:40", "resolved", "Mitigated — Oct 8, 12:40 AM PT"],
    ]
    assert _rows("pm_c_wiki.md")[3:] == [
        [11, "10-08 06:42", "note", 0, ["INC-4410"]],
        [12, "10-08 06:50", "acknowledged", 0, ["INC-4410"]],
        [13, "10-08 07:05", "escalation", 2, ["INC-4410"]],  # (12:05 AM: Oct 8)
        [14, "10-08 07:40", "resolved", 0, ["INC-4410"]],
        [15, "10-08 08:15", "resolved", 0, ["INC-4410"]],
        [18, "10-10 09:30", "plan", 0, ["INC-4410"]],  # (the next dated section is its own day)
    ]
    assert logs.deadlines.empty and logs.problems.empty


def test_a_pt_retro_pasted_into_an_et_log_keeps_pacific_steps_on_the_incident_night():
    logs = _read("pm_d_et_team.md")
    assert _rows("pm_d_et_team.md") == [
        [8, "10-09 14:00", "resolved", 0, ["PLAT-301"]],
        [13, "10-08 06:42", "note", 0, ["INC-5120"]],
        [14, "10-08 06:50", "note", 0, ["INC-5120"]],
        [15, "10-08 07:40", "resolved", 0, ["INC-5120"]],
        # (line 16, '- **Time to mitigate**: 58 min': no event)
        [19, "10-08 06:42", "note", 0, ["INC-5120"]],
        [20, "10-08 06:50", "escalation", 1, ["INC-5120"]],
        [20, "10-08 06:53", "acknowledged", 0, ["INC-5120"]],
        [21, "10-08 06:50", "note", 0, ["INC-5120"]],  # (nested: its parent's time)
        [22, "10-08 07:20", "escalation", 2, ["INC-5120"]],
        [23, "10-08 07:40", "resolved", 0, ["INC-5120"]],
        [24, "10-08 08:15", "resolved", 0, ["INC-5120"]],
        [27, "10-10 00:00", "deadline", 0, ["PLAT-310"]],
    ]
    assert deadline_rows(logs.deadlines) == [[27, ["PLAT-310"], "10-17 00:00", "due", False]]
    assert logs.problems.empty


def test_occ_timeline_summary_of_the_postmortems():
    rows = cli_rows("timeline", str(FIXTURES / "pm_*.md"), "--summary", "--as-of", "2025-10-13T00:00Z",
                    "--format", "jsonl")
    got = {r["ticket"]: [r["first_seen"], r["first_escalation"], r["max_level"], r["resolved_at"],
                         r["time_to_resolve"], r["status"]] for r in rows}
    assert got == {
        "INC-4410": ["2025-10-08T06:42:00Z", "2025-10-08T07:05:00Z", 2, "2025-10-08T07:40:00Z", 3480.0,
                     "resolved"],
        "INC-5120": ["2025-10-08T06:42:00Z", "2025-10-08T07:20:00Z", 2, "2025-10-08T07:40:00Z", 3480.0,
                     "resolved"],
        "INC-8801": ["2025-10-08T06:42:00Z", None, 0, "2025-10-08T07:40:00Z", 3480.0, "resolved"],
        "OPS-77": ["2025-10-08T06:42:00Z", "2025-10-08T07:20:00Z", 2, "2025-10-08T07:40:00Z", 3480.0,
                   "resolved"],
        "PAY-512": ["2025-10-09T16:00:00Z", None, 0, None, None, "open"],
        "PLAT-301": ["2025-10-09T14:00:00Z", None, 0, "2025-10-09T14:00:00Z", 0.0, "resolved"],
        "OPS-78": ["2025-10-10T00:00:00Z", None, 0, None, None, "open"],
        "PLAT-310": ["2025-10-10T00:00:00Z", None, 0, None, None, "open"],
    }
    steps = cli_rows("timeline", str(FIXTURES / "pm_a_payments.md"), "--ticket", "INC-8801",
                     "--format", "jsonl")
    assert [[r["at"], r["kind"], r["line"]] for r in steps] == [
        ["2025-10-08T06:42:00Z", "note", 8],
        ["2025-10-08T06:42:00Z", "note", 17],
        ["2025-10-08T06:50:00Z", "note", 9],
        ["2025-10-08T07:05:00Z", "note", 19],
        ["2025-10-08T07:40:00Z", "resolved", 10],
        ["2025-10-08T07:40:00Z", "resolved", 20],
        ["2025-10-08T08:15:00Z", "resolved", 11],
        ["2025-10-08T08:15:00Z", "resolved", 21],
        ["2025-10-10T00:00:00Z", "note", 24],
    ]


PT = "---\ntz: America/Los_Angeles\n---\n"


def _at(text: str) -> list[list]:
    return [r[:3] for r in event_rows(text)]


@pytest.mark.parametrize("milestone", [
    "**Impact start:** Oct 7, 11:42 PM PT",
    "- Detected: 2025-10-07 23:50 PT",
    "- **Mitigated**: 00:40 PT (Oct 8)",
    "Resolved — Oct 8 01:15 PT",
])
def test_each_form_of_milestone_dates_the_timeline(milestone):
    text = PT + (f"## 2025-10-10 Postmortem OPS-9\n\n{milestone}\n\n"
                 "### Timeline\n- 23:42 first 502s\n- 00:05 rollback\n")
    assert _at(text)[1:] == [[9, "10-08 06:42", "note"], [10, "10-08 07:05", "note"]]


def test_a_timeline_without_milestones_or_a_week_after_them_keeps_its_section_day():
    plain = PT + "## 2025-10-10 Postmortem OPS-9\n\n### Timeline\n- 23:42 first 502s\n"
    assert _at(plain) == [[7, "10-11 06:42", "note"]]
    old = PT + ("## 2025-10-20 Status\n\nImpact start: Oct 7, 11:42 PM PT\n\n"
                "### Timeline\n- 23:42 OPS-9 502s\n")
    assert _at(old) == [[6, "10-08 06:42", "note"], [9, "10-21 06:42", "note"]]
    # a list not under a timeline heading is the section's own (a standup after an old milestone)
    standup = PT + "## 2025-10-10 Standup\n\nImpact start: Oct 7, 11:42 PM PT\n\n- 09:00 OPS-9 review\n"
    assert _at(standup) == [[6, "10-08 06:42", "note"], [8, "10-10 16:00", "note"]]
    # a next dated section ends the milestones: its timeline is its own day's
    later = PT + ("## 2025-10-10 Postmortem OPS-9\n\nImpact start: Oct 7, 11:42 PM PT\n\n"
                  "## 2025-10-11 Drill\n\n### Timeline\n- 09:00 OPS-9 drill\n")
    assert _at(later) == [[6, "10-08 06:42", "note"], [11, "10-11 16:00", "note"]]


def test_summary_figures_in_a_list_are_no_events_but_other_fields_are():
    text = PT + ("## 2025-10-10 Postmortem OPS-9\n\n- Duration: 1h 33m\n- Time to detect: 8 min\n"
                 "- **TTR:** 93 minutes\n- Duration: 1h 33m, OPS-9 ETA for the fix 2025-10-14\n")
    logs = parse_log(text, "x.md")
    assert [r[:3] for r in event_rows(text)] == [[9, "10-10 00:00", "deadline"]]
    assert deadline_rows(logs.deadlines) == [[9, ["OPS-9"], "10-14 00:00", "ETA", False]]
