"""Round 17 (EXPI): a distribution control room's shift log (America/Chicago, 'All times Central (24-hour,
local)', OMS outages OUT-nnnnn, switching orders, ETR and NLT) and a Tokyo/São Paulo payments team writing
English (JST/BRT, yyyy/mm/dd and dd/mm/yyyy), read as a reliability engineer reads them: the times said
24-hour make the bare 'HHMM' stamps times, a partial restoration is progress, ETR is a utility's ETA and
NLT a bare 'HHMM''s keyword, a next update is the one to come, and a fix merged with its deploy still to
come is no resolution."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib import times
from occ_lib._extract import classify, keywords
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import W41_UTC, text_deadline_rows
from tests.log_rows import short_event_rows as event_rows

FIX = Path(__file__).parent / "fixtures" / "round17"
HEAD = "# Control room\n\nAll times Central (24-hour, local).\n\n## Wed 2025-10-08\n\n"


# 1: the times said 24-hour in the sentence that speaks of them -------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("All times Central (24-hour, local).", True),
    ("Times are 24hr CT.", True),
    ("All times 24-hour.", True),
    ("All times are local, 24-hour.", True),
    ("Time format: 24-hour local", True),
    ("Response time: 24-hour window", False),
    ("times: 24-hour SLA breach", False),
    ("24-hour soak, times vary", False),
    ("Shift times: 24-hour rotation", False),
    ("uptime 24-hour", False),
    ("- 24h soak test, 1800 msgs", False),
])
def test_times_said_24_hour_make_a_24_hour_log(text, want):
    assert times.is_clock24(text) is want


def test_a_control_rooms_bare_stamps_are_central_times():
    text = HEAD + ("- 1502 MISO EEA1 declared; load shed 17:02-17:19 directed (EEA-0077).\n"
                   "- 1702 EEA-0077 load shed started.\n")
    # (before: both at the day, 00:00, and the first at the load shed's 17:02)
    assert event_rows(text) == [[7, "10-08 20:02", "note", 0, ["EEA-0077"]],
                                [8, "10-08 22:02", "note", 0, ["EEA-0077"]]]
    assert event_rows(text.replace(" (24-hour, local)", "")) == [[7, "10-08 22:02", "note", 0, ["EEA-0077"]],
                                                                [8, "10-08 00:00", "note", 0, ["EEA-0077"]]]


# 2: a restoration in part is progress ---------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("0915 steps 1-6 executed, 1,600 customers restored via Feeder 9. OUT-88121 partial restore, ~540 still"
     " out.", "status"),
    ("0410 OUT-88177 Feeders 3 and 14 restored; Feeder 5 still out. ETR now 0800.", "status"),
    ("0800 OUT-88177 Feeder 5 restored 07:52, Feeder 12 still out, new ETR 1200.", "status"),
    ("OUT-9 power restored, 20 customers still without power", "note"),  # (as before)
    ("OUT-1 restored; it was still down until 10:00", "note"),  # (as before: what was down)
    ("1215 OUT-88177 all feeders restored 12:04; storm mode ended. OUT-88177 closed.", "resolved"),
    ("OPS-1 partially restored", "status"),  # (as before)
    ("OPS-1 restored", "resolved"),
])
def test_a_partial_restoration_is_progress(text, want):
    assert classify(text, keywords(text), False, False, False)[0] == want


# 3: a fix merged whose deploy is still to come ----------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("11:30 BRT PAY-BR-224 fix merged, deploy tomorrow 10:00 BRT.", "status"),
    ("PAY-1 fix merged, deploying tomorrow", "status"),
    ("PAY-1 fix merged, will deploy tomorrow", "status"),
    ("PAY-1 fix merged and deployed", "resolved"),
    ("PAY-1 PR merged, resolved", "resolved"),
    ("PAY-1 fix merged", "resolved"),
])
def test_a_fix_merged_with_its_deploy_to_come_is_no_resolution(text, want):
    assert classify(text, keywords(text), False, False, False)[0] == want


# 4: ETR, NLT and a next update's time -------------------------------------------------------------------
def test_etr_is_an_eta_and_moves_as_one():
    text = HEAD.replace("Wed 2025-10-08", "Thu 2025-10-09") + (
        "- 0130 OUT-88177 crew ETA 0230 for Feeder 3; Feeders 5 and 14 ETR 0600.\n"
        "- 0410 OUT-88177 Feeders 3 and 14 restored; Feeder 5 still out. ETR now 0800.\n"
        "- 0800 OUT-88177 Feeder 5 restored 07:52, Feeder 12 still out, new ETR 1200.\n"
    )
    # (before: none of the ETRs, nor 'ETR now 0800')
    assert text_deadline_rows(text) == [
        [7, ["OUT-88177"], "10-09 07:30", "ETA", False],
        [7, ["OUT-88177"], "10-09 11:00", "ETA", False],
        [8, ["OUT-88177"], "10-09 13:00", "ETA", False],
        [9, ["OUT-88177"], "10-09 17:00", "ETA", False],
    ]
    dl = parse_log(text, "x.md").deadlines
    assert dl["moves"].tolist() == [False, False, True, True]


def test_a_next_update_nlt_a_bare_hhmm_is_the_one_to_come():
    text = HEAD + ("- 1800 Shift turnover. Next update NLT 0600 to the Reliability Coordinator on EEA-0077.\n"
                   "- 2320 OPS-3 next update by 0200.\n- 1000 OPS-4 next update by 1100.\n")
    # (before: no deadline at all; then 06:00 that morning, 12 hours before it was written)
    assert text_deadline_rows(text) == [
        [7, ["EEA-0077"], "10-09 11:00", "update", False],
        [8, ["OPS-3"], "10-09 07:00", "update", False],
        [9, ["OPS-4"], "10-08 16:00", "update", False],
    ]


def test_a_bare_hhmm_after_a_keyword_still_not_before_a_noun():
    text = HEAD + "- 1000 OPS-5 capacity by 1200 users, ETA 1400 for the fix.\n"
    assert text_deadline_rows(text) == [[7, ["OPS-5"], "10-08 19:00", "ETA", False]]


# 5: the fixtures, end to end ------------------------------------------------------------------------------
def _sla(kind: str) -> list[list]:
    logs = occ_lib.read_logs([str(FIX / name) for name in ("expi_a_scada_control_room.md",
                                                           "expi_b_jp_br_payments.md")])
    policy = Policy(tz="America/Chicago", tickets={"OUT": {"first_response": "15m", "resolution": "4h"},
                                                   "PAY-BR": {"resolution": "2d"}})
    out = misses(logs, None, policy, **W41_UTC)
    out = out[out["kind"].eq(kind)]
    return [[s, None if pd.isna(d) else d.strftime("%m-%d %H:%M"),
             None if pd.isna(r) else r.strftime("%m-%d %H:%M"), st]
            for s, d, r, st in zip(out["subject"], out["due_at"], out["resolved_at"], out["status"],
                                   strict=True)]


def test_the_control_rooms_outages_are_resolved_when_all_are_restored():
    # (before: no stamp was read, so OUT-88177's first mention was the 07:52 in 'Feeder 5 restored 07:52',
    # and it was 'met' at once though the storm locked the feeders out at 00:10; with the stamps read, it was
    # resolved at 04:10, Feeders 5 and 12 still out, and OUT-88121 at the partial restore 09:15)
    assert [r for r in _sla("resolution") if r[0].startswith("OUT")] == [
        # (round 18 MET: resolved when restored, 'feeder 12 restored 10:37' written at 10:40, 'all feeders
        # restored 12:04' at 12:15)
        ["OUT-88121", "10-06 16:12", "10-06 15:37", "met"],
        # (round 19 MEET: 'OUT-88140 not an outage: telemetry only': resolved as no incident at once)
        ["OUT-88140", "10-07 11:05", "10-07 07:05", "met"],
        ["OUT-88177", "10-09 09:10", "10-09 17:04", "missed"],
        ["OUT-88190", "10-10 23:00", "10-11 16:32", "missed"],
    ]
    assert [r for r in _sla("deadline") if r[0] == "OUT-88177"] == [
        ["OUT-88177", "10-09 07:30", "10-09 17:04", "missed"],
        ["OUT-88177", "10-09 11:00", None, "superseded"],
        ["OUT-88177", "10-09 13:00", None, "superseded"],
        ["OUT-88177", "10-09 17:00", "10-09 17:04", "missed"],
    ]


def test_the_payments_teams_merged_fix_is_not_its_end():
    # (before: PAY-BR-224 resolved 10-07 14:30 at 'fix merged, deploy tomorrow'; 'deployed, boleto PDFs
    # OK' is a note, as any 'deployed' is, so it stays open: see the findings)
    assert [r for r in _sla("resolution") if r[0].startswith("PAY-BR")] == [
        ["PAY-BR-221", "10-08 00:30", "10-09 08:30", "missed"],
        ["PAY-BR-224", "10-08 17:30", None, "missed"],
        ["PAY-BR-230", "10-09 06:00", "10-08 00:00", "met"],
        ["PAY-BR-233", "10-10 04:40", "10-10 14:50", "missed"],
    ]
