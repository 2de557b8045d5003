"""Round 17 (EXPG): a mobile release train log (App Store / Play review, phased rollout percentages, build
numbers and versions, PT across the DST change) and a data platform on-call log (Airflow DAG failures, cron
expressions, partitions, backfills, table SLAs, durations, row counts), read as a reliability engineer
reads them: a partition's ``ds=2025-11-04`` is the data's date, not the item's; 'closed as not a bug' closes
the ticket; '3 missed hours backfilling' states no missed deadline; 'due back Thu 12:00 PT' is due; 'code
freeze Thu 18:00 PT' after 'Branch cut done;' is this week's Thursday; and a ticketless item after the
item that resolved its section's one ticket is no step of that ticket."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib._extract import classify, keywords, stated_missed
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from occ_lib.threads import with_threads
from occ_lib.times import find_times
from tests.log_rows import deadline_rows, text_deadline_rows
from tests.log_rows import short_event_rows as event_rows

FIX = Path(__file__).parent / "fixtures" / "round17"
W45 = {"start": pd.Timestamp("2025-11-03T08:00Z"), "end": pd.Timestamp("2025-11-10T08:00Z"),
       "as_of": pd.Timestamp("2025-11-11T00:00Z")}
DATA_POLICY = Policy(tickets={"DATA": {"first_response": "30m", "resolution": "8h"}})


def _mentions(text: str, day: dt.date, tz: str = "UTC") -> list[tuple]:
    return [(m.raw, m.at.strftime("%Y-%m-%d %H:%M"), m.keyword) for m in find_times(text, day=day, tz=tz)]


def _sla_rows(out: pd.DataFrame, subject: str) -> list[list]:
    out = out[out["subject"].eq(subject)]
    def hm(t):
        return None if pd.isna(t) else t.strftime("%m-%d %H:%M")

    cols = zip(out["kind"], out["due_at"], out["resolved_at"], out["status"], strict=True)
    return [[k, hm(d), hm(r), st] for k, d, r, st in cols]


# 1: a table partition's key value is the data's date -----------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("DATA-519 test failing since ds=2025-11-04 (212 rows). Owner Aiko, fix by Thu 12:00 UTC",
     [("12:00 UTC", "2025-11-06 12:00", "by")]),
    ("11:30 DATA-519 fct_refunds rebuilt for ds=2025-11-04..2025-11-05, 0 failing rows",
     [("11:30", "2025-11-05 11:30", None)]),
    ("dt=2025-11-04/hr=03 landed 06:42", [("06:42", "2025-11-05 06:42", None)]),
    ("data/probes/date=2025-10-10/x.parquet compacted", []),
    ("event_date=2025-11-01 rows dropped 38%", []),
    # (not a partition's key: a tracker's field, a run's real start)
    ("due_date=2025-11-14", [("2025-11-14", "2025-11-14 00:00", None)]),
    ("start_date=2025-11-03T02:14:02 failed", [("2025-11-03T02:14:02", "2025-11-03 02:14", None)]),
])
def test_a_partitions_key_value_is_no_time_mention(text, expected):
    assert _mentions(text, dt.date(2025, 11, 5)) == expected


def test_the_partitions_date_no_longer_dates_the_item():
    text = ("# Data\n\nTimes UTC.\n\n## 2025-11-05 (Wed)\n\n"
            "- DATA-519 dbt test failing since ds=2025-11-04 (212 rows). Owner Aiko, fix by Thu 12:00.\n\n"
            "## 2025-11-06 (Thu)\n\n"
            "- DATA-523 row count dropped 38% for ds=2025-11-05; update by 17:00.\n")
    # (before: 11-04 00:00 and 11-05 00:00, the partitions' days, a day before the sections')
    assert event_rows(text) == [[7, "11-05 00:00", "deadline", 0, ["DATA-519"]],
                                [11, "11-06 00:00", "deadline", 0, ["DATA-523"]]]


# 2: a tracker's 'not a bug' close reason -------------------------------------------------------------------
@pytest.mark.parametrize(("text", "kind"), [
    ("DATA-523 tracking team confirmed the 38% drop is real; closed as not a bug at 14:10.", "resolved"),
    ("OPS-1 closed as not reproducible", "resolved"),
    ("Closing OPS-1 as not a bug", "resolved"),
    ("OPS-1 closed (not a bug)", "resolved"),
    ("OPS-1 closed, not an issue", "resolved"),
    ("OPS-1 closed as not planned", "resolved"),
    ("OPS-1 not closed as not a bug yet", "note"),
    ("OPS-1 not a bug", "note"),
    ("OPS-1 closed, not fixed", "note"),
])
def test_closed_as_not_a_bug_closes_the_ticket(text, kind):
    assert classify(text, keywords(text), False) == (kind, 0)


# 3: what a schedule skipped is no missed deadline ----------------------------------------------------------
@pytest.mark.parametrize(("text", "missed"), [
    ("04:05 DATA-525 credentials rotated, connector restarted; 3 missed hours backfilling, ETA 45m.", False),
    ("the dag missed 2 runs overnight", False),
    ("missed partitions re-queued", False),
    ("ETA missed hours ago", True),
    ("missed runs re-queued; ETA 17:00 missed", True),
    ("DATA-1 SLA missed by 42 min", True),
])
def test_missed_hours_or_runs_state_no_missed_deadline(text, missed):
    assert stated_missed(text, keywords(text)) is missed


def test_the_backfill_of_missed_hours_has_only_its_eta():
    text = ("# Data\n\nTimes UTC.\n\n## 2025-11-07\n\n"
            "- 04:05 DATA-525 restarted; 3 missed hours backfilling, ETA 45m.\n")
    # (before: also a 'missed' row with no due time, judged missed in the SLA)
    assert text_deadline_rows(text) == [[7, ["DATA-525"], "11-07 04:50", "ETA", False]]


# 4: 'due back', and a freeze's slot after another clause's 'done' ------------------------------------------
@pytest.mark.parametrize(("text", "day", "expected"), [
    ("17:45 Release notes sent to localization, due back Thu 12:00 PT (9 locales).", dt.date(2025, 11, 5),
     [("17:45", "2025-11-06 01:45", None), ("12:00 PT", "2025-11-06 20:00", "due")]),
    ("translations due back Thu", dt.date(2025, 11, 5), [("Thu", "2025-11-06 00:00", "due")]),
    ("09:10 Branch cut done; code freeze Thu 18:00 PT", dt.date(2025, 11, 3),
     [("09:10", "2025-11-03 17:10", None), ("18:00 PT", "2025-11-07 02:00", None)]),
    # (told as done in its own clause: the last such day, as before)
    ("Code freeze started Tue 12:00", dt.date(2025, 11, 3), [("12:00", "2025-10-28 19:00", None)]),
    ("retro Wed 10:00 went well", dt.date(2025, 11, 3), [("10:00", "2025-10-29 17:00", None)]),
])
def test_due_back_and_a_freeze_after_another_steps_done(text, day, expected):
    assert _mentions(text, day, "America/Los_Angeles") == expected


# 5: a ticketless item after its section's ticket was resolved -----------------------------------------------
def test_an_item_after_the_tickets_fix_is_not_its_step():
    text = ("# Mobile\n\nTimes are PT.\n\n## Wed 2025-11-05\n\n"
            "- 08:30 MOB-776 acked by Lena.\n"
            "- 12:15 MOB-776 fix merged (build 5844, 4.12.0 (1250)).\n"
            "- 17:45 Release notes sent to localization, due back Thu 12:00 PT.\n"
            "- 18:00 postmortem due Fri.\n")
    logs = parse_log(text, "x.md")
    ev = with_threads(logs.events, logs.deadlines)
    assert [[n, list(t), v] for n, t, v in zip(ev["line"], ev["tickets"], ev["via"], strict=True)] == [
        [7, ["MOB-776"], "text"], [8, ["MOB-776"], "text"], [9, [], "text"], [10, ["MOB-776"], "thread"]]
    out = misses(logs, None, Policy(tickets={"MOB": {"resolution": "3d"}}), **W45)
    dl = out[out["kind"].eq("deadline")]
    # (before: the release notes' deadline was MOB-776's, 'met' by the fix merged 5 hours before it was set)
    assert [[s, d.strftime("%m-%d %H:%M"), st] for s, d, st in zip(dl["subject"], dl["due_at"], dl["status"],
                                                                    strict=True)] == [
        ["(no ticket)", "11-06 20:00", "missed"], ["MOB-776", "11-08 08:00", "missed"]]


# the fixtures, end to end ---------------------------------------------------------------------------------
def test_the_data_platform_log_reads_right():
    logs = occ_lib.read_logs(str(FIX / "expg_b_data_platform.md"))
    rows = deadline_rows(logs.deadlines)
    assert [r for r in rows if r[1] in (["DATA-519"], ["DATA-523"], ["DATA-525"])] == [
        [23, ["DATA-519"], "11-06 12:00", "by", False],
        [31, ["DATA-523"], "11-06 17:00", "by", False],
        [36, ["DATA-525"], "11-07 04:50", "ETA", False],
    ]
    out = misses(logs, None, DATA_POLICY, **W45)
    # (before: DATA-519 first seen 11-04, DATA-523 11-05 and never resolved, DATA-525 a stated miss)
    assert _sla_rows(out, "DATA-519") == [["deadline", "11-06 12:00", "11-06 11:30", "met"],
                                          ["response", "11-06 00:30", "11-06 11:30", "missed"],
                                          ["resolution", "11-06 08:00", "11-06 11:30", "missed"]]
    assert _sla_rows(out, "DATA-523") == [["deadline", "11-06 17:00", "11-07 14:10", "missed"],
                                          ["response", "11-07 00:30", "11-07 14:10", "missed"],
                                          ["resolution", "11-07 08:00", "11-07 14:10", "missed"]]
    assert _sla_rows(out, "DATA-525") == [["deadline", "11-07 04:50", "11-07 04:52", "missed"],
                                          ["response", "11-07 01:30", "11-07 01:00", "met"],
                                          ["resolution", "11-07 09:00", "11-07 04:52", "met"]]


def test_the_mobile_logs_deadlines_read_right():
    logs = occ_lib.read_logs(str(FIX / "expg_a_mobile_release.md"))
    assert deadline_rows(logs.deadlines) == [
        [8, ["MOB-771"], "11-04 00:00", "ETA", False],
        [16, ["MOB-776"], "11-05 20:00", "by", False],
        [17, [], "11-08 01:00", "by", False],
        [24, [], "11-06 20:00", "due", False],
        [31, ["MOB-779"], "11-07 00:00", "ETA", False],
        [44, ["MOB-782"], "11-10 18:00", "ETA", False],
    ]
    ev = logs.events
    freeze = ev[ev["line"].eq(7)]["times"].iloc[0]
    # (before: 2025-10-31 01:00, the Thursday before the branch cut)
    assert [t.strftime("%Y-%m-%d %H:%M") for t in freeze] == ["2025-11-03 17:10", "2025-11-07 02:00"]
