"""Round 6, deadline wording, zones and ticket keys: a missed ETA moved to a weekday, a forecast miss, a
miss in another clause, SAFe's 'ART' after a time, an unknown zone in brackets or a table header, and
ticket keys typed fullwidth."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from occ_lib._markdown import decode
from occ_lib.logs import parse_log
from occ_lib.times import find_times, unknown_zone

D = dt.date(2025, 10, 9)  # a Thursday
HEAD = "# Ops\n\n## Thu 2025-10-09\n\n"


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _deadlines(items: str, head: str = HEAD) -> list[list]:
    dl = parse_log(head + items, "x.md").deadlines
    return dl[["line", "tickets", "due_at", "due_precision", "keyword", "stated_missed"]].values.tolist()


def _events(text: str) -> list[list]:
    ev = parse_log(text, "x.md").events
    return ev[["line", "at", "at_precision", "tickets"]].values.tolist()


def _problems(text: str) -> list[list]:
    return parse_log(text, "x.md").problems[["line", "what", "token", "reason"]].values.tolist()


# --- 1. a missed ETA with its own time, moved to a weekday --------------------------------------------


def test_a_missed_eta_moved_to_a_weekday_is_a_day_deadline_there():
    items = (
        "- OPS-1 ETA 17:00 UTC missed, pushed to Friday\n"
        "- OPS-2 ETA pushed to Friday\n"
        "- OPS-3 ETA 17:00 UTC missed, pushed to tomorrow\n"
        "- OPS-4 ETA 17:00 UTC missed, moved to Fri\n"
        "- OPS-5 ETA 17:00 UTC missed, pushed to Friday's release\n"
        "- OPS-6 ETA 17:00 UTC slipped to Friday\n"
        "- OPS-7 ETA 17:00 UTC -> Fri\n"
    )
    missed = [ts("2025-10-09 17:00"), "minute", "ETA", True]
    friday = [ts("2025-10-10"), "day", "ETA", False]
    assert _deadlines(items) == [
        [5, ["OPS-1"], *missed], [5, ["OPS-1"], *friday],
        [6, ["OPS-2"], *friday],
        [7, ["OPS-3"], *missed], [7, ["OPS-3"], *friday],
        [8, ["OPS-4"], *missed], [8, ["OPS-4"], *friday],
        [9, ["OPS-5"], *missed], [9, ["OPS-5"], *friday],
        [10, ["OPS-6"], *missed], [10, ["OPS-6"], *friday],
        [11, ["OPS-7"], *friday],  # (17:00 -> Fri: the old one, not missed, is no promise now: round 10 F5)
    ]


def test_a_weekday_no_deadline_moved_to_is_no_deadline():
    items = (
        "- 10:00 OPS-1 pushed the fix to staging\n"
        "- 10:01 OPS-2 deploy pushed to Friday\n"  # (no deadline before the move)
        "- 10:02 OPS-3 ETA 17:00 UTC missed; pushed to Friday\n"  # (another clause, as 'tomorrow' there)
        "- 10:03 OPS-4 ETA 17:00 UTC missed, see Friday's notes\n"
    )
    missed = [ts("2025-10-09 17:00"), "minute", "ETA", True]
    assert _deadlines(items) == [[7, ["OPS-3"], *missed], [8, ["OPS-4"], *missed]]
    events = _events(HEAD + items)
    assert [e[1] for e in events] == [ts(f"2025-10-09 10:0{k}") for k in range(4)]


# --- 2. a forecast of a miss is no miss -----------------------------------------------------------


@pytest.mark.parametrize(
    "item, due",
    [
        ("OPS-1 Tue ETA will be missed", [ts("2025-10-14"), "day", "ETA"]),
        ("OPS-1 the 17:00 ETA will be missed", [ts("2025-10-09 17:00"), "minute", "ETA"]),
        ("OPS-1 we will miss the 17:00 ETA", [ts("2025-10-09 17:00"), "minute", "ETA"]),
        ("OPS-1 likely to miss the 17:00 deadline", [ts("2025-10-09 17:00"), "minute", "deadline"]),
        ("OPS-1 ETA 17:00 will be late", [ts("2025-10-09 17:00"), "minute", "ETA"]),
        ("OPS-1 the 17:00 deadline is going to be missed", [ts("2025-10-09 17:00"), "minute", "deadline"]),
        ("OPS-1 ETA 17:00, we'll probably be late", [ts("2025-10-09 17:00"), "minute", "ETA"]),
        ("OPS-1 ETA 17:00 will be slipping", [ts("2025-10-09 17:00"), "minute", "ETA"]),
        # (as before: a risk, a doubt, a forecast not to meet it)
        ("OPS-1 ETA 17:00 might be late", [ts("2025-10-09 17:00"), "minute", "ETA"]),
        ("OPS-1 we will not meet the 17:00 ETA", [ts("2025-10-09 17:00"), "minute", "ETA"]),
    ],
)
def test_a_forecast_miss_is_still_a_deadline_not_a_missed_one(item: str, due: list):
    assert _deadlines(f"- 10:00 {item}\n") == [[5, ["OPS-1"], *due, False]]


def test_a_miss_stated_beside_a_forecast_stays_a_miss():
    items = (
        "- 10:00 OPS-1 ETA 09:00 UTC missed; will be late again\n"
        "- 10:01 OPS-2 ETA 09:00 UTC missed; new ETA 17:00 UTC will be missed too\n"
        "- 10:02 OPS-3 ETA 09:00 UTC was missed\n"
    )
    assert _deadlines(items) == [
        [5, ["OPS-1"], ts("2025-10-09 09:00"), "minute", "ETA", True],
        [6, ["OPS-2"], ts("2025-10-09 09:00"), "minute", "ETA", True],
        [6, ["OPS-2"], ts("2025-10-09 17:00"), "minute", "ETA", False],
        [7, ["OPS-3"], ts("2025-10-09 09:00"), "minute", "ETA", True],
    ]


# --- 3. a miss is the deadline's of its own clause ------------------------------------------------


def test_a_miss_belongs_to_the_deadline_of_its_clause():
    items = (
        "- 16:00 OPS-1 next update by 19:00 UTC; missed the 15:00 UTC ETA\n"
        "- 16:01 OPS-2 ETA 19:00 UTC; the 15:00 UTC checkpoint was missed\n"
        "- 16:02 OPS-3 the 15:00 UTC checkpoint was missed. ETA 19:00 UTC\n"
        "- 16:03 OPS-4 deadline 19:00 UTC - we blew the 15:00 UTC cutoff\n"
        "- 16:04 OPS-5 ETA 15:00 UTC not missed; checkpoint 12:00 UTC slipped\n"
        "- 16:05 OPS-6 ETA 15:00 UTC missed, pushed to 19:00 UTC; checkpoint 12:00 UTC\n"
    )
    assert _deadlines(items) == [
        [5, ["OPS-1"], ts("2025-10-09 19:00"), "minute", "update", False],
        [5, ["OPS-1"], ts("2025-10-09 15:00"), "minute", "ETA", True],
        [6, ["OPS-2"], ts("2025-10-09 19:00"), "minute", "ETA", False],
        [6, ["OPS-2"], ts("2025-10-09 15:00"), "minute", "checkpoint", True],
        [7, ["OPS-3"], ts("2025-10-09 15:00"), "minute", "checkpoint", True],
        [7, ["OPS-3"], ts("2025-10-09 19:00"), "minute", "ETA", False],
        [8, ["OPS-4"], ts("2025-10-09 19:00"), "minute", "deadline", False],
        [8, ["OPS-4"], ts("2025-10-09 15:00"), "minute", "cutoff", True],
        [9, ["OPS-5"], ts("2025-10-09 15:00"), "minute", "ETA", False],
        [9, ["OPS-5"], ts("2025-10-09 12:00"), "minute", "checkpoint", True],
        [10, ["OPS-6"], ts("2025-10-09 15:00"), "minute", "ETA", True],
        [10, ["OPS-6"], ts("2025-10-09 19:00"), "minute", "ETA", False],
        [10, ["OPS-6"], ts("2025-10-09 12:00"), "minute", "checkpoint", False],
    ]


def test_a_miss_no_deadline_clause_holds_or_a_new_one_tells_of_is_every_old_ones():
    items = (
        "- 16:00 OPS-1 ETA 12:00 UTC; checkpoint 10:00 UTC; both slipped\n"
        "- 16:01 OPS-2 due Oct 17 - slipped, new ETA Oct 30\n"  # (the miss is the old one's)
        "- 16:02 OPS-3 missed ETA 12:00 UTC and ETA 15:00 UTC\n"  # (one clause)
        "- 16:03 OPS-4 ETA 19:00 UTC; missed\n"
    )
    assert _deadlines(items) == [
        [5, ["OPS-1"], ts("2025-10-09 12:00"), "minute", "ETA", True],
        [5, ["OPS-1"], ts("2025-10-09 10:00"), "minute", "checkpoint", True],
        [6, ["OPS-2"], ts("2025-10-17"), "day", "due", True],
        [6, ["OPS-2"], ts("2025-10-30"), "day", "ETA", False],
        [7, ["OPS-3"], ts("2025-10-09 12:00"), "minute", "ETA", True],
        [7, ["OPS-3"], ts("2025-10-09 15:00"), "minute", "ETA", True],
        [8, ["OPS-4"], ts("2025-10-09 19:00"), "minute", "ETA", True],
    ]


# --- 4. SAFe's Agile Release Train after a time ----------------------------------------------------

BERLIN = "---\ntz: Europe/Berlin\n---\n"


def test_art_before_a_word_is_the_release_train_and_the_time_the_documents():
    text = BERLIN + HEAD + (
        "- 14:00 ART sync\n"
        "- ART planning at 09:00\n"
        "- 15:00 UTC ART demo\n"
        "- 11:00 ART-12 planning\n"
        "- 14:00-15:00 ART Sync\n"
        "- noon ART sync\n"
    )
    assert _events(text) == [
        [8, ts("2025-10-09 12:00"), "minute", []],
        [9, ts("2025-10-09 07:00"), "minute", []],
        [10, ts("2025-10-09 15:00"), "minute", []],
        [11, ts("2025-10-09 09:00"), "minute", ["ART-12"]],
        [12, ts("2025-10-09 12:00"), "minute", []],
        [13, ts("2025-10-09 10:00"), "minute", []],
    ]
    assert _problems(text) == []


def test_art_where_it_reads_as_a_zone_is_argentinas():
    text = BERLIN + HEAD + (
        "- OPS-1 ETA 17:00 ART.\n"
        "- OPS-2 ETA (17:00 ART)\n"
        "- OPS-3 ETA 17:00 ART; then deploy\n"
        "- OPS-4 ETA 17:00 ART\n"
        "- 09:00 ART OPS-5 acked\n"
        "- 17:00 ART on Friday\n"
        "- 17:00 (ART) sync\n"
    )
    assert [row[2] for row in _deadlines("", text)] == [ts("2025-10-09 20:00")] * 4
    assert [e[1] for e in _events(text)[4:]] == [ts("2025-10-09 12:00"), ts("2025-10-03 20:00"),
                                                ts("2025-10-09 20:00")]


def test_the_other_capitals_only_zones_stay_zones_before_a_word():
    assert [(m.raw, m.zone) for m in find_times("11:00 GST review; 11:00 MYT standup", day=D)] == [
        ("11:00 GST", "Asia/Dubai"), ("11:00 MYT", "Asia/Kuala_Lumpur")]


# --- 5. an unknown zone in brackets or a table header -----------------------------------------------


def test_an_unknown_zone_in_brackets_is_a_problem():
    text = HEAD + (
        "- 17:00 (XDT) deploy\n"
        "- 2025-10-09 17:00 (XDT) deploy\n"
        "- noon (XDT) deploy\n"
        "- 17:00 (OPS) deploy\n- 17:00 (ETA) deploy\n- 17:00 (UTC) deploy\n- 17:00 (TBC) deploy\n"
        "- 17:00 (approx) deploy\n- 17:00 (UAT) deploy\n- 17:00 (OPS-12) deploy\n"
    )
    assert _problems(text) == [
        [5, "time", "17:00 (XDT)", "unknown time zone XDT"],
        [6, "time", "2025-10-09 17:00 (XDT)", "unknown time zone XDT"],
        [7, "time", "noon (XDT)", "unknown time zone XDT"],
    ]
    assert [e[1:3] for e in _events(text)] == [[ts("2025-10-09"), "day"]] * 3 + [
        [ts("2025-10-09 17:00"), "minute"]] * 7


def test_an_unknown_zone_in_a_time_columns_header_is_a_problem_per_row():
    text = HEAD + (
        "| Time (XDT) | Event |\n|---|---|\n| 17:00 | deploy |\n| 18:00 UTC | rollback |\n\n"
        "| When - XDT | Event |\n|---|---|\n| 17:00 | deploy |\n\n"
        "| ETA (XDT) | Ticket |\n|---|---|\n| 17:00 | OPS-9 |\n\n"
        "| Time (OPS) | Event |\n|---|---|\n| 17:00 | deploy |\n\n"
        "| Time (TBC) | Event |\n|---|---|\n| 17:00 | deploy |\n"
    )
    assert _problems(text) == [
        [7, "time", "17:00 XDT", "unknown time zone XDT"],
        [12, "time", "17:00 XDT", "unknown time zone XDT"],
        [16, "time", "17:00 XDT", "unknown time zone XDT"],
    ]
    assert [e[:3] for e in _events(text)] == [
        [7, ts("2025-10-09"), "day"], [8, ts("2025-10-09 18:00"), "minute"], [12, ts("2025-10-09"), "day"],
        [16, ts("2025-10-09"), "day"], [20, ts("2025-10-09 17:00"), "minute"],
        [24, ts("2025-10-09 17:00"), "minute"],
    ]
    assert unknown_zone("XDT") and not unknown_zone("UAT") and not unknown_zone("EST")


# --- 6. ticket keys typed fullwidth ----------------------------------------------------------------


def test_a_fullwidth_ticket_key_reads_as_ascii():
    text = HEAD + (
        "- 10:00 \uff2f\uff30\uff33\uff0d\uff11\uff12 escalated to CTO\n"  # ＯＰＳ－１２
        # ＯＣＣ－ＩＮＦ－２２１
        "- 10:01 \uff2f\uff23\uff23\uff0d\uff29\uff2e\uff26\uff0d\uff12\uff12\uff11 deployed\n"
        "- 10:02 ETA \uff12\uff10\uff12\uff15\uff0d\uff11\uff10\uff0d\uff11\uff10 17:00 UTC for OPS-3\n"
        "- 10:03 env\uff2f\uff30\uff33\uff0d\uff11\uff12 glued\n"
    )
    log = parse_log(text, "x.md")
    assert log.events[["tickets", "text"]].values.tolist() == [
        [["OPS-12"], "10:00 OPS-12 escalated to CTO"],
        [["OCC-INF-221"], "10:01 OCC-INF-221 deployed"],
        [["OPS-3"], "10:02 ETA 2025-10-10 17:00 UTC for OPS-3"],
        [[], "10:03 envOPS-12 glued"],
    ]
    assert log.deadlines["due_at"].tolist() == [ts("2025-10-10 17:00")]
    # (only the key is folded; other fullwidth text stays as written)
    assert decode("\uff21\uff22 \uff2f\uff30\uff33\uff0d\uff11").text == "\uff21\uff22 OPS-1"
