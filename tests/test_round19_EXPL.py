"""Round 19 (EXPL): two new voices read as a reliability engineer reads them, line by line: a security
incident response log (credential stuffing mapped to ATT&CK ``T1110.004``/``TA0006``, a critical
``CVE-2025-12345`` patch whose vendor ETA slips twice, IOC hashes and ``/24`` ranges, Jira ``SEC-`` keys
and a ServiceNow ``INC0012345``, the GDPR 72h regulator notification, a CISO escalation, sections written
out of order, a colleague writing ``1400 CET``) and a database platform team's PostgreSQL 15.4 -> 17.2
upgrade log (ET, ``lag 12s``, ``p99 340ms``, a read-only window, a go/no-go, a rollback, a missed window).

What they showed misread, fixed here: a move written with its verb first ('vendor moved the patch ETA to
Thu 09:00') or with a weekday after 'ETA now' ('patch ETA now Thu 16:00') did not supersede the earlier
ETA; a checklist's step said done ('1. Block list review — done' under '### Eradication checklist
(SEC-812)') resolved the incident; a next update promised to someone ('next CISO update due Thu 09:00',
'Next update to the exec channel by 14:00') was judged by the fix; a duration spelled out after 'i.e.'
was two deadlines; the regulator notification's deadline was folded into another promise's date-only
one of that day and judged by the fix; a go decision for a later day ('GO for Sat. Comms sent, banner
config merged') resolved the change."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib.sla import misses
from occ_lib.workspace import Workspace
from tests.log_rows import short_event_rows, text_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round19"
SOC = FIX / "expl_a_soc_ir.md"
DB = FIX / "expl_b_db_upgrade.md"
AS_OF = {"start": pd.Timestamp("2025-10-06", tz="UTC"), "end": pd.Timestamp("2025-10-13", tz="UTC"),
         "as_of": pd.Timestamp("2025-10-13", tz="UTC")}


def _day(*items: str, heading: str = "") -> str:
    """A log of ``items`` under the day heading 2025-10-08 (and ``heading`` as a subsection)."""
    sub = f"### {heading}\n" if heading else ""
    return "# L\n\n## 2025-10-08\n\n" + sub + "".join(f"{x}\n" for x in items)


def _moves(text: str) -> list[list]:
    """``[due 'MM-DD HH:MM' (None without one), keyword, moves]`` of each deadline of ``text``."""
    from occ_lib.logs import parse_log

    dl = parse_log(text, "x.md").deadlines
    return [[None if pd.isna(d) else d.strftime("%m-%d %H:%M"), k, bool(m)] for d, k, m in zip(
        dl["due_at"], dl["keyword"], dl["moves"], strict=True)]


def _sla_rows(path: Path) -> list[list]:
    """``[kind, subject, line, due, resolved or '', status]`` of ``occ sla`` on ``path`` with the round's
    policy, 2025-W41 in UTC as of its end."""
    ws = Workspace.load(str(FIX / "occ_expl.yml"))
    out = misses(occ_lib.read_logs(str(path)), None, ws.policy, **AS_OF)
    return [[k, s, int(n), d.strftime("%m-%d %H:%M"), "" if pd.isna(r) else r.strftime("%m-%d %H:%M"), st]
            for k, s, n, d, r, st in zip(out["kind"], out["subject"], out["line"], out["due_at"],
                                         out["resolved_at"], out["status"], strict=True)]


def _events(path: Path) -> list[list]:
    """``[line, 'MM-DD HH:MM', kind, level, tickets]`` of each event of ``path``."""
    ev = occ_lib.read_logs(str(path)).events
    return [[int(n), None if pd.isna(a) else a.strftime("%m-%d %H:%M"), k, int(lv), list(t)]
            for n, a, k, lv, t in zip(ev["line"], ev["at"], ev["kind"], ev["level"], ev["tickets"],
                                      strict=True)]


# 1: a move written verb first, or 'ETA now' with its weekday, supersedes the ETA before it ------------------
@pytest.mark.parametrize(("item", "expected"), [
    # (before: moves False, so the earlier ETA stayed 'missed')
    ("- 08:05 SEC-815: vendor slipped again, patch ETA now Thu 16:00 UTC.", ["10-09 16:00", "ETA", True]),
    ("- 08:05 SEC-815 ETA now Thursday, 16:00 UTC.", ["10-09 16:00", "ETA", True]),
    ("- 09:00 SEC-815 vendor moved the patch ETA to Thu 09:00 UTC", ["10-09 09:00", "ETA", True]),
    ("- 09:00 SEC-815 pushed our deadline to Friday", ["10-10 00:00", "deadline", True]),
    # (not a promise moved: what was moved is no deadline's word)
    ("- 09:00 SEC-815 moved the laptop to desk 4 by 10:00", ["10-08 10:00", "by", False]),
    ("- 09:00 SEC-815 vendor ETA Thu 16:00 UTC", ["10-09 16:00", "ETA", False]),
])
def test_a_move_written_verb_first_or_with_a_weekday_moves(item, expected):
    assert _moves(_day(item))[0] == expected


# 2: a checklist's step done is no resolution of its ticket --------------------------------------------------
def test_a_checklists_step_done_is_a_status_of_its_ticket():
    text = _day("1. Reset for affected accounts — done Wed 08:30", "2. Block list review — done",
                "3. incident closed", "4. SEC-812 closed", heading="Eradication checklist (SEC-812)")
    # (before: 6 and 7 resolved SEC-812 on Wednesday)
    assert short_event_rows(text) == [
        [6, "10-08 08:30", "status", 0, ["SEC-812"]],
        [7, "10-08 00:00", "status", 0, ["SEC-812"]],
        [8, "10-08 00:00", "resolved", 0, ["SEC-812"]],
        [9, "10-08 00:00", "resolved", 0, ["SEC-812"]],
    ]


def test_a_fix_told_among_the_steps_taken_still_resolves():
    text = _day("- 14:05 failover done", "- 14:30 service restored", heading="Steps taken (INC-44)")
    assert short_event_rows(text) == [[6, "10-08 14:05", "status", 0, ["INC-44"]],
                                      [7, "10-08 14:30", "resolved", 0, ["INC-44"]]]
    # (a heading of the ticket alone names no checklist: its item's 'done' resolves, as before)
    assert short_event_rows(_day("- fix deployed, done 08:30", heading="SEC-812")) == [
        [6, "10-08 08:30", "resolved", 0, ["SEC-812"]]]


def test_a_checklists_step_in_a_thread_is_a_status_of_the_threads_ticket():
    from occ_lib.logs import parse_log
    from occ_lib.threads import with_threads

    def rows(heading: str) -> list[list]:
        lg = parse_log(f"# L\n\n## {heading}\n\n- 09:00 CHG-1 cutover started\n- 10:05 DNS cutover done\n"
                       "- 10:30 all steps done, change closed\n", "x.md")
        ev = with_threads(lg.events, lg.deadlines)
        return [[int(n), k, list(t), v]
                for n, k, t, v in zip(ev["line"], ev["kind"], ev["tickets"], ev["via"], strict=True)]

    # (before: the DNS step resolved CHG-1 at 10:05)
    assert rows("2025-10-08 cutover steps") == [
        [5, "note", ["CHG-1"], "text"], [6, "status", ["CHG-1"], "thread"],
        [7, "resolved", ["CHG-1"], "thread"]]
    # (a section that names no checklist: its step done resolves the thread's ticket, as before)
    assert rows("2025-10-08") == [[5, "note", ["CHG-1"], "text"], [6, "resolved", ["CHG-1"], "thread"],
                                  [7, "resolved", ["CHG-1"], "thread"]]


# 3: a next update promised to someone is kept by the next update --------------------------------------------
@pytest.mark.parametrize(("item", "expected"), [
    # (before: keyword 'by' and 'due', judged by the incident's fix)
    ("- 10:05 SEC-812 Next update to the exec channel by 14:00.", [[5, ["SEC-812"], "10-08 14:00", "update",
                                                                    False]]),
    ("- 14:20 SEC-812 CISO update sent; next CISO update due Thu 09:00 UTC.",
     [[5, ["SEC-812"], "10-09 09:00", "update", False]]),
    ("- 14:20 SEC-1 next update for the board by 17:00", [[5, ["SEC-1"], "10-08 17:00", "update", False]]),
    # (an update of software is work, not news)
    ("- 14:20 SEC-1 next firmware update due Fri 09:00", [[5, ["SEC-1"], "10-10 09:00", "due", False]]),
])
def test_a_next_update_promised_to_someone_is_an_update(item, expected):
    assert text_deadline_rows(_day(item)) == expected


# 4: a duration spelled out after 'i.e.' is one promise ------------------------------------------------------
def test_a_duration_spelled_out_is_one_deadline():
    text = _day("- 11:00 SEC-815 opened. Policy: critical patch within 48h, i.e. by Fri 2025-10-10 11:00 "
                "UTC.")
    # (before: two rows, 'by' and 'within', at the same instant; the 'by' one moved by the vendor's ETA)
    assert text_deadline_rows(text) == [[5, ["SEC-815"], "10-10 11:00", "within", False]]
    # (a written time that is not the duration's end stays its own)
    text = _day("- 11:00 SEC-815 patch within 48h, i.e. by Fri 2025-10-10 12:00 UTC.")
    assert text_deadline_rows(text) == [[5, ["SEC-815"], "10-10 12:00", "by", False],
                                        [5, ["SEC-815"], "10-10 11:00", "within", False]]


# 5: the GO decision for a later day plans the change --------------------------------------------------------
@pytest.mark.parametrize(("item", "kind"), [
    # (before: resolved, by 'merged')
    ("- 13:00 CHG-20417 status: GO for Sat. Comms to app teams sent, read-only banner config merged.",
     "plan"),
    ("- 13:00 CHG-1 approved for Sat, runbook merged", "plan"),
    ("- 13:00 CHG-2 go for tonight; config merged", "plan"),
    # (a fix's own word, or a 'go' that is no decision, resolves as before)
    ("- 13:00 OPS-1 fixed; CHG-9 approved for Sat", "resolved"),
    ("- 13:00 OPS-2 done, ready to go for Sat", "resolved"),
])
def test_a_go_decision_for_a_later_day_is_a_plan(item, kind):
    assert short_event_rows(_day(item))[0][2] == kind


# 6: the two logs whole --------------------------------------------------------------------------------------
def test_the_soc_logs_deadlines():
    dl = occ_lib.read_logs(str(SOC)).deadlines
    assert [[int(n), list(t), None if pd.isna(d) else d.strftime("%m-%d %H:%M"), k, bool(s), bool(m)]
            for n, t, d, k, s, m in zip(dl["line"], dl["tickets"], dl["due_at"], dl["keyword"],
                                        dl["stated_missed"], dl["moves"], strict=True)] == [
        [18, ["SEC-812"], "10-10 07:30", "notification", False, False],
        [20, ["SEC-812"], "10-07 14:00", "update", False, False],  # (before: 'by')
        [26, ["SEC-815"], "10-10 11:00", "within", False, False],  # (before: and a 'by' row)
        [28, ["SEC-815"], "10-08 18:00", "ETA", False, False],
        [33, ["SEC-815"], "10-09 16:00", "ETA", False, True],  # (before: moves False)
        [33, ["SEC-815"], None, "missed", True, False],
        [36, ["SEC-815"], "10-09 23:30", "window", False, False],
        [42, ["SEC-815"], "10-09 09:00", "ETA", False, True],  # (before: moves False)
        [43, ["SEC-812"], "10-09 00:00", "notification", False, False],
        [45, ["SEC-812"], "10-09 09:00", "update", False, False],  # (before: 'due')
        [51, ["SEC-812"], "10-09 10:00", "ETA", False, False],
        [53, ["SEC-812"], "10-10 00:00", "due", False, False],
        [59, ["SEC-812"], "10-17 00:00", "postmortem", False, False],
    ]


def test_the_soc_logs_checklist_steps_do_not_resolve_the_incident():
    ev = _events(SOC)
    assert [r for r in ev if r[0] in (12, 50, 51, 52, 53, 57, 58)] == [
        [12, "10-07 07:11", "acknowledged", 0, ["INC0012345"]],
        [50, "10-08 08:30", "status", 0, ["SEC-812"]],  # (before: resolved)
        [51, "10-08 00:00", "deadline", 0, ["SEC-812"]],
        [52, "10-08 00:00", "status", 0, ["SEC-812"]],  # (before: resolved)
        [53, "10-08 00:00", "deadline", 0, ["SEC-812"]],
        [57, "10-10 06:45", "note", 0, ["SEC-812"]],
        [58, "10-10 09:00", "resolved", 0, ["INC0012345"]],
        [58, "10-10 09:00", "note", 0, ["SEC-812"]],
    ]


def test_the_soc_logs_sla():
    assert _sla_rows(SOC) == [
        # (before: 'missed', resolved by the checklist's step on Wed 08:30)
        ["deadline", "SEC-812", 20, "10-07 14:00", "10-07 12:00", "met"],
        # (before: 'missed', stated by the second slip; moved on Wed 09:00, in the section written after Thu)
        ["deadline", "SEC-815", 28, "10-08 18:00", "", "superseded"],
        # (before: 'met' by the checklist's step)
        ["deadline", "SEC-812", 45, "10-09 09:00", "10-09 09:30", "missed"],
        # (before: 'missed' at 23:35: the vendor slipped it again at 08:05, before it was due)
        ["deadline", "SEC-815", 42, "10-09 09:00", "", "superseded"],
        ["deadline", "SEC-812", 51, "10-09 10:00", "", "missed"],
        ["deadline", "SEC-815", 33, "10-09 16:00", "10-09 23:35", "missed"],
        ["deadline", "SEC-815", 36, "10-09 23:30", "10-09 23:35", "missed"],
        # (before: folded into the Thu 09:00 update; the draft was to go Thu EOD, it went Fri 06:45)
        ["deadline", "SEC-812", 43, "10-10 00:00", "10-10 06:45", "missed"],
        # (before: folded with 'detections tuned, due Fri 10/10' and judged by the fix: 'met' on Wed)
        ["deadline", "SEC-812", 18, "10-10 07:30", "10-10 06:45", "met"],
        ["deadline", "SEC-815", 26, "10-10 11:00", "10-09 23:35", "met"],
        ["deadline", "SEC-812", 53, "10-11 00:00", "", "missed"],
        ["deadline", "SEC-812", 59, "10-18 00:00", "", "open"],
        ["response", "SEC-812", 10, "10-07 07:07", "10-07 07:05", "met"],
        ["response", "INC0012345", 12, "10-07 07:26", "10-07 07:11", "met"],
        ["response", "SEC-815", 26, "10-07 11:15", "10-09 08:05", "missed"],
        ["response", "SEC-816", 29, "10-07 15:45", "10-09 13:00", "missed"],
        ["resolution", "INC0012345", 12, "10-08 07:11", "10-10 09:00", "missed"],
        # (before: 'met' on Wed 08:30, by the checklist's first step; the log never closes SEC-812)
        ["resolution", "SEC-812", 10, "10-10 06:52", "", "missed"],
        ["resolution", "SEC-815", 26, "10-10 11:00", "10-09 23:35", "met"],
        ["resolution", "SEC-816", 29, "10-10 15:30", "10-09 13:00", "met"],
    ]


def test_the_db_logs_events():
    assert _events(DB) == [
        [3, "10-06 00:00", "note", 0, ["CHG-20417", "DBA-900"]],
        # (the plan before the first day: the window's date is written, the go/no-go's is not)
        [7, None, "deadline", 0, []],
        [8, None, "plan", 0, []],
        [9, None, "note", 0, []],
        [13, "10-06 14:20", "note", 0, ["DBA-901"]],
        [14, "10-06 18:05", "deadline", 0, ["DBA-902"]],
        [15, "10-06 20:30", "note", 0, ["DBA-903"]],
        [18, "10-07 13:15", "note", 0, ["DBA-903"]],
        [18, "10-07 13:02", "follow_up", 1, ["DBA-903"]],
        [18, "10-07 13:06", "acknowledged", 0, ["DBA-903"]],
        [19, "10-07 15:40", "resolved", 0, ["DBA-903"]],
        [20, "10-07 19:00", "plan", 0, ["DBA-902"]],
        [23, "10-08 16:30", "resolved", 0, ["DBA-902"]],
        [24, "10-08 17:00", "plan", 0, ["CHG-20417"]],  # (before: resolved, by 'config merged')
        [25, "10-08 21:45", "deadline", 0, ["DBA-904"]],
        [28, "10-09 12:50", "plan", 0, []],
        [29, "10-09 14:10", "note", 0, ["DBA-904"]],
        [30, "10-09 18:30", "note", 0, ["CHG-20417"]],
        [31, "10-09 20:00", "status", 0, []],
        [35, "10-11 05:45", "status", 0, []],
        [36, "10-11 06:00", "note", 0, []],
        [37, "10-11 06:06", "note", 0, []],
        [38, "10-11 06:40", "note", 0, []],
        [39, "10-11 07:02", "note", 0, []],
        [40, "10-11 07:15", "note", 0, []],
        [41, "10-11 07:48", "resolved", 0, []],
        [42, "10-11 08:00", "note", 0, []],
        [43, "10-11 08:30", "escalation", 2, []],
        [46, "10-10 22:20", "note", 0, ["DBA-904"]],  # (left: 'pg_dump finished' is no resolution word)
        [47, "10-11 01:00", "note", 0, []],
        [50, "10-12 15:00", "resolved", 0, ["CHG-20417"]],
        [50, "10-12 15:00", "note", 0, ["CHG-20433"]],
        [51, "10-12 15:20", "deadline", 0, ["DBA-905"]],
        [52, "10-12 15:30", "deadline", 0, ["DBA-900"]],
        [53, "10-13 13:30", "plan", 0, []],
    ]


def test_the_db_logs_sla():
    assert _sla_rows(DB) == [
        ["deadline", "DBA-902", 23, "10-08 16:00", "10-08 16:30", "missed"],
        ["deadline", "DBA-904", 25, "10-10 22:00", "", "missed"],
        ["deadline", "DBA-905", 51, "10-16 04:00", "", "open"],
        ["deadline", "CHG-20433", 50, "10-18 07:15", "", "open"],
        ["deadline", "DBA-900", 52, "10-19 04:00", "", "open"],
        ["resolution", "DBA-901", 13, "10-09 14:20", "", "missed"],
        ["resolution", "DBA-902", 14, "10-09 18:05", "10-08 16:30", "met"],
        ["resolution", "DBA-903", 15, "10-09 20:30", "10-07 15:40", "met"],
        ["resolution", "DBA-900", 3, "10-10 04:00", "", "missed"],
        ["resolution", "DBA-904", 25, "10-11 21:45", "", "missed"],
        ["resolution", "DBA-905", 51, "10-15 15:20", "", "open"],
    ]
