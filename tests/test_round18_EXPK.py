"""Round 18 (EXPK): two voices the fixtures had not had, read as a reliability engineer reads them.

A broadcast operations log of a live sports weekend (encoder and playout checks, CDN failover, ``T-30``
countdowns, on-air and off-air times in BST and CEST, SCTE-35 ad markers, rights-holder deadlines) and an ML
platform's GPU cluster log (training job ids, node drains, NCCL and XID errors, quota tickets, checkpoint
ETAs, a maintenance window in PT). What they showed: 'Times are UK local (BST) unless marked' declared no
zone (every bare time of the match an hour off), ``SCTE-35`` was a ticket, a missed ad break was a missed
deadline, an incident report 'owed within 24 hours' was none, and a training job's 'ETA to next checkpoint
~2h' was none while 'next checkpoint ETA ~2h' was a checkpoint due at the item's own time."""

from __future__ import annotations

from pathlib import Path

import pytest

import occ_lib
from occ_lib._extract import keywords, stated_missed, tickets
from occ_lib.times import declared_zone
from tests.log_rows import deadline_rows, item, sla_deadline_rows, text_deadline_rows

FIX = Path(__file__).parent / "fixtures" / "round18"
BROADCAST = FIX / "expk_a_broadcast_weekend.md"
GPU = FIX / "expk_b_gpu_cluster.md"


def _events(path: Path, lines: list[int]) -> list[list]:
    ev = occ_lib.read_logs(str(path)).events
    ev = ev[ev["line"].isin(lines)]
    return [[int(n), a.strftime("%m-%d %H:%M"), k, list(t)]
            for n, a, k, t in zip(ev["line"], ev["at"], ev["kind"], ev["tickets"], strict=True)]


# 1: a country's local time declares its zone, as its 'time' does ------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("Times are UK local (BST) unless marked.", "Europe/London"),
    ("Times are UK local time.", "Europe/London"),
    ("All times UK local", "Europe/London"),
    ("Times are Irish local (IST)", "Europe/Dublin"),
    ("All times UK time (BST) unless stated", "Europe/London"),  # (as before)
    ("times are uk local", None),  # (lower case: too likely prose)
    ("UK local time is fine", None),  # (no declaration's words before it)
])
def test_a_countrys_local_time_declares_its_zone(text, expected):
    assert declared_zone(text) == expected


def test_the_broadcast_logs_match_times_are_bst():
    logs = occ_lib.read_logs(str(BROADCAST))
    assert logs.docs["tz"].tolist() == ["Europe/London"]
    assert logs.docs["tz_declared"].tolist() == [True]
    # (before: UTC; 17:52 BST read as 17:52 UTC under a heading that names no zone)
    assert _events(BROADCAST, [21, 22, 24, 28, 29]) == [
        [21, "10-11 16:52", "note", []],
        [22, "10-11 16:55", "escalation", ["BCST-4415"]],
        [24, "10-11 17:10", "deadline", []],
        [28, "10-11 18:24", "note", []],
        [29, "10-11 18:40", "resolved", ["BCST-4415"]],
    ]


# 2: a broadcast standard is no ticket ----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("SCTE-35 splice_insert markers verified at 4 break points", []),
    ("SMPTE-2110 flows up; loudness to EBU-R128 checked; SCTE-104 triggers OK", []),
    ("BCST-4415 opened, SCTE-35 cue missing", ["BCST-4415"]),
])
def test_a_broadcast_standard_is_no_ticket(text, expected):
    assert tickets(text) == expected


def test_the_broadcast_logs_scte_markers_are_no_ticket():
    # (before: line 12 named PLY-FRA-2 and SCTE-35, line 49 SCTE-35; PLY-FRA-2 is the playout server
    # the line names, no ticket since round 18's TAGS)
    assert _events(BROADCAST, [12, 49]) == [
        [12, "10-11 14:05", "plan", []],
        [49, "10-12 16:02", "status", []],
    ]


# 3: an ad break or a cue that did not air is no missed deadline ---------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("18:15 SCTE-35 cue at half-time missed on the Fastly path. LeagueCo to be informed within 2h.", False),
    ("Make-good plan for the missed break due Mon 13 Oct 12:00 BST (BCST-4416).", False),
    ("| BCST-4416 | Marta | make-good plan for missed break | Mon 13 Oct 12:00 BST |", False),
    ("LeagueCo notified of the missed ad break", False),
    ("missed 2 ad breaks in DE", False),
    # a deadline missed still is one
    ("missed the break ETA", True),
    ("cue ETA missed", True),
    ("missed the break-fix deadline", True),
    ("missed the break due date", True),
    ("ad break missed, and the 17:00 deadline missed", True),
])
def test_a_missed_ad_break_is_no_missed_deadline(text, expected):
    assert stated_missed(text, keywords(text)) is expected


# 4: a report owed within a time is due then ---------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("17:50 Marta to LeagueCo: incident report for the 4 min black owed within 24 hours.",
     [[5, [], "10-13 17:50", "postmortem", False]]),
    ("17:50 status page text owed within 2h", [[5, [], "10-12 19:50", "within", False]]),
    ("17:50 recovered within 10 min", []),  # (how long it took, as before)
])
def test_a_report_owed_within_a_time_is_due_then(text, expected):
    assert text_deadline_rows(item(text, "2025-10-12")) == expected


# 5: a training job's next checkpoint: the ETA is its time --------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("08:40 job restarted from ckpt, ETA to next checkpoint ~2h (step 20,000).",
     [[5, [], "10-12 10:40", "ETA", False]]),
    ("08:40 ETA for fix 45 min", [[5, [], "10-12 09:25", "ETA", False]]),
    ("08:40 ETA to the next checkpoint 2 hours", [[5, [], "10-12 10:40", "ETA", False]]),
    # (before: a 'checkpoint' due at 08:40, the item's own time, and no ETA)
    ("08:40 next checkpoint ETA ~2h", [[5, [], "10-12 10:40", "ETA", False]]),
    ("08:40 checkpoint ETA 12:40", [[5, [], "10-12 12:40", "ETA", False]]),
    # a keyword with no value of its own still takes the item's time
    ("08:40 checkpoint", [[5, [], "10-12 08:40", "checkpoint", False]]),
    ("18:00 maintenance window", [[5, [], "10-12 18:00", "window", False]]),
    ("08:40 ETA for 2h", []),
])
def test_an_eta_to_the_next_checkpoint_is_a_deadline(text, expected):
    assert text_deadline_rows(item(text, "2025-10-12")) == expected


# the two logs' deadlines, whole -----------------------------------------------------------------------------
def test_the_broadcast_logs_deadlines():
    logs = occ_lib.read_logs(str(BROADCAST))
    assert deadline_rows(logs.deadlines) == [
        [13, ["BCST-4410"], "10-11 15:00", "by", False],
        [24, [], "10-11 18:00", "ETA", False],  # (before: 10-12 18:00, read after an 18:10 UTC stamp)
        [25, [], "10-11 19:15", "within", False],  # (before: tickets SCTE-35, and a missed row)
        [33, ["BCST-4417"], "10-11 22:59", "by", False],
        [35, ["BCST-4416"], "10-13 11:00", "due", False],  # (before: stated missed)
        [41, [], "10-12 13:00", "by", False],
        [50, [], "10-17 00:00", "by", False],
        [52, ["COLT-7731992"], "10-12 19:00", "ETA", False],
        [53, [], "10-13 16:50", "postmortem", False],  # (before: none)
        [62, ["BCST-4416"], "10-13 11:00", "due", False],  # (before: stated missed)
        [63, ["BCST-4423"], "10-13 16:39", "postmortem", False],  # (before: 'due')
        [64, ["BCST-4421"], "10-17 00:00", "due", False],
        [65, ["BCST-4412"], "10-17 00:00", "due", False],
    ]



# 6: a table row's deliverable, in the cell before its Due cell, is kept by its delivery -------------------
def test_a_table_rows_deliverable_is_a_deliverables_deadline():
    from occ_lib.logs import parse_log

    text = ("# Log\n\n## 2025-10-12\n\n| Ticket | Owner | What | Due |\n|---|---|---|---|\n"
            "| OPS-1 | Jo | RCA to customer | 2025-10-14 |\n| OPS-2 | Jo | fix rollout | 2025-10-14 |\n"
            "| OPS-3 | postmortem | Jo | 2025-10-14 |\n")
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [
        [7, ["OPS-1"], "10-14 00:00", "postmortem", False],
        [8, ["OPS-2"], "10-14 00:00", "due", False],
        [9, ["OPS-3"], "10-14 00:00", "due", False],  # (not the cell right before)
    ]


def test_the_broadcast_logs_sla():
    # BCST-4423's incident report is still owed after its incident resolved (before: 'met' by the
    # resolution on the 12th); the match's times are BST (before: each an hour late)
    assert sla_deadline_rows(occ_lib.read_logs(str(BROADCAST))) == [
        [13, "BCST-4410", "10-11 15:00", "met"],  # (round 18 MET: sent 15:41 in its own item)
        [24, "(no ticket)", "10-11 18:00", "missed"],
        [25, "(no ticket)", "10-11 19:15", "met"],  # (round 19 MEET: 'LeagueCo notified' 18:44 BST)
        [33, "BCST-4417", "10-11 22:59", "met"],
        [41, "(no ticket)", "10-12 13:00", "met"],  # (round 19 MEET: 'logs sent to Harmonic' 13:40)
        [52, "COLT-7731992", "10-12 19:00", "missed"],
        [35, "BCST-4416", "10-13 11:00", "open"],
        [63, "BCST-4423", "10-13 16:39", "open"],
        [53, "(no ticket)", "10-13 16:50", "open"],
        [50, "(no ticket)", "10-17 23:00", "open"],
        # (round 19 LEFTB: 'open', before 'met': line 15 opens BCST-4412 after 'CDN pre-warm done', which
        # is no resolution of the ticket opened for the shortfall)
        [65, "BCST-4412", "10-17 23:00", "open"],
        [64, "BCST-4421", "10-17 23:00", "open"],
    ]


def test_the_gpu_logs_deadlines():
    logs = occ_lib.read_logs(str(GPU))
    assert logs.docs["tz"].tolist() == ["America/Los_Angeles"]
    assert deadline_rows(logs.deadlines) == [
        [4, [], "10-17 00:00", "by", False],
        [10, [], "10-06 17:40", "ETA", False],  # (before: none)
        [13, ["MLP-2240"], "10-08 00:00", "by", False],
        [19, [], "10-07 16:05", "ETA", False],
        [21, [], "10-07 00:00", "by", False],
        [31, [], "10-10 04:30", "before", False],
        [32, [], "10-08 19:40", "ETA", False],
        [36, [], "10-17 00:00", "by", False],
        [42, [], "10-10 04:30", "before", False],
        [52, ["MLP-2255"], "10-14 00:00", "due", False],
        [53, [], "10-18 00:00", "due", False],
    ]
    # the checkpoint promised for 10:40 PT was written at 10:52: missed, as the one for 12:40 (12:44)
    assert sla_deadline_rows(logs)[:4] == [
        [10, "(no ticket)", "10-06 17:40", "missed"],
        [19, "(no ticket)", "10-07 16:05", "missed"],
        [21, "(no ticket)", "10-08 07:00", "met"],  # (round 19 MEET: 'bug report uploaded' 11:40)
        [32, "(no ticket)", "10-08 19:40", "missed"],
    ]
