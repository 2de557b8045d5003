"""Round 6 look-alikes: another subject's move is not the deadline's, a move to 'the Friday release',
a bracketed acronym after a time is no zone, a deadline header's bracketed non-zone word."""

from __future__ import annotations

import pandas as pd

from occ_lib.logs import parse_log

HEAD = "# Ops log\n\n## 2025-10-14 (Tue)\n"


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _deadlines(items: str, head: str = HEAD) -> list[list]:
    dl = parse_log(head + items, "x.md").deadlines
    return dl[["line", "tickets", "due_at", "due_precision", "keyword", "stated_missed"]].values.tolist()


MISSED = [ts("2025-10-14 17:00"), "minute", "ETA", True]
MET = [ts("2025-10-14 17:00"), "minute", "ETA", False]
FRIDAY = [ts("2025-10-17"), "day", "ETA", False]


# --- 1. another subject moved, not the deadline ---------------------------------------------------


def test_another_subjects_move_is_not_the_deadlines():
    items = (
        "- 09:02 UTC OPS-703 ETA 17:00 UTC, retro moved to Friday\n"
        "- 09:12 UTC OPS-713 fix ETA 17:00 UTC met, vendor call pushed to Friday\n"
        "- 09:13 UTC OPS-714 ETA 17:00 UTC missed, CAB pushed to Friday\n"
        "- 09:14 UTC OPS-715 ETA 17:00 UTC, retro moved to 19:00 UTC\n"
    )
    assert _deadlines(items) == [
        [4, ["OPS-703"], *MET], [5, ["OPS-713"], *MET], [6, ["OPS-714"], *MISSED], [7, ["OPS-715"], *MET],
    ]


def test_the_deadlines_own_move_still_counts():
    items = (
        "- 09:02 UTC OPS-1 ETA 17:00 UTC missed and was pushed to Friday\n"
        "- 09:03 UTC OPS-2 ETA 17:00 UTC missed - pushed to Friday\n"
        "- 09:04 UTC OPS-3 missed the 17:00 UTC slot, pushed to 19:00 UTC\n"
    )
    assert _deadlines(items) == [
        [4, ["OPS-1"], *MISSED], [4, ["OPS-1"], *FRIDAY],
        [5, ["OPS-2"], *MISSED], [5, ["OPS-2"], *FRIDAY],
        [6, ["OPS-3"], ts("2025-10-14 17:00"), "minute", "missed", True],
        [6, ["OPS-3"], ts("2025-10-14 19:00"), "minute", "due", False],
    ]


# --- 2. moved to 'the Friday release' -------------------------------------------------------------


def test_a_move_to_the_friday_release_is_a_friday_deadline_not_missed():
    items = (
        "- 09:14 UTC OPS-715 ETA 17:00 UTC missed, pushed to the Friday release\n"
        "- 09:15 UTC OPS-716 ETA 17:00 UTC missed, pushed to the Friday train\n"
        "- 09:16 UTC OPS-717 ETA 17:00 UTC missed, pushed to the Friday CAB\n"
        "- 09:17 UTC OPS-718 ETA 17:00 UTC missed, now targeting the Friday release\n"
        "- 09:18 UTC OPS-719 deploy pushed to the Friday release\n"
    )
    assert _deadlines(items) == [
        [4, ["OPS-715"], *MISSED], [4, ["OPS-715"], *FRIDAY],
        [5, ["OPS-716"], *MISSED], [5, ["OPS-716"], *FRIDAY],
        [6, ["OPS-717"], *MISSED], [6, ["OPS-717"], *FRIDAY],
        [7, ["OPS-718"], *MISSED], [7, ["OPS-718"], ts("2025-10-17"), "day", "target", False],
    ]


# --- 3. a bracketed acronym after a time is no zone -----------------------------------------------


def _problems(text: str) -> list[list]:
    return parse_log(text, "x.md").problems[["line", "what", "token", "reason"]].values.tolist()


def test_an_acronym_ending_in_t_after_a_time_is_no_zone():
    items = (
        "- 09:20 UTC OPS-205 DR cutover ETA 17:00 (DRT)\n"
        "- 09:25 UTC OPS-206 go-live sign-off ETA 17:00 (OAT)\n"
        "- 09:26 UTC OPS-207 DR cutover ETA 17:00 DRT\n"
        "- 09:27 UTC OPS-208 ETA 17:00 (XYT)\n"
    )
    assert _problems(HEAD + items) == []
    assert _deadlines(items) == [[k, [f"OPS-20{k + 1}"], *MET] for k in range(4, 8)]


def test_a_standard_or_daylight_shaped_unknown_word_is_still_a_problem():
    items = "- 09:20 UTC OPS-1 ETA 17:00 (XDT)\n- 09:21 UTC OPS-2 ETA 17:00 XYST\n"
    assert _problems(HEAD + items) == [
        [4, "time", "17:00 (XDT)", "unknown time zone XDT"],
        [5, "time", "17:00 XYST", "unknown time zone XYST"],
    ]
    assert _deadlines(items) == []


def test_a_time_header_naming_an_acronym_keeps_its_rows_times():
    text = HEAD + "\n| Time (DRT) | Ticket | Note |\n|---|---|---|\n| 12:00 | OPS-306 | drill started |\n"
    log = parse_log(text, "x.md")
    assert log.problems.empty
    events = log.events[["line", "at", "at_precision"]].values.tolist()
    assert events == [[7, ts("2025-10-14 12:00"), "minute"]]


# --- 4. a deadline header's bracketed non-zone word -------------------------------------------------


def test_a_deadline_header_with_a_bracketed_word_is_still_a_deadline_column():
    text = "# Ops log\n\n## 2025-10-14\n\n" + "".join(
        f"| Ticket | {h} | Owner |\n|---|---|---|\n| OPS-{k + 1} | {cell} | kim |\n\n"
        for k, (h, cell) in enumerate([
            ("Due (EOD)", "2025-10-15"), ("ETA (SLA)", "17:00"), ("Deadline (P1)", "2025-10-16"),
            ("Target (WIP)", "Fri"), ("Target (ms)", "250"), ("ETA (hrs)", "4"), ("ETA (orig)", "Oct 9"),
        ])
    )
    assert _deadlines(text, head="") == [
        [7, ["OPS-1"], ts("2025-10-15"), "day", "due", False],
        [11, ["OPS-2"], ts("2025-10-14 17:00"), "minute", "ETA", False],
        [15, ["OPS-3"], ts("2025-10-16"), "day", "deadline", False],
        [19, ["OPS-4"], ts("2025-10-17"), "day", "target", False],
    ]


# --- 5. a miss clause naming a deadline by its keyword ---------------------------------------------


def test_a_miss_clause_naming_a_deadline_is_that_deadlines():
    items = (
        "- 20:03 UTC OPS-1004 due 15:00 UTC; ETA 22:00 UTC - we missed the due time\n"
        "- 20:04 UTC OPS-1005 checkpoint 15:00 UTC; ETA 22:00 UTC; the checkpoint was missed\n"
        "- 20:05 UTC OPS-1006 checkpoint 15:00 UTC; ETA 22:00 UTC; the ETA was missed\n"
        "- 20:06 UTC OPS-1007 ETA 12:00 UTC; checkpoint 10:00 UTC; both slipped\n"
        "- 20:07 UTC OPS-1008 ETA 12:00 UTC; ETA 15:00 UTC; the ETA was missed\n"
    )
    at15, at22 = ts("2025-10-14 15:00"), ts("2025-10-14 22:00")
    at10, at12 = ts("2025-10-14 10:00"), ts("2025-10-14 12:00")
    got = [[line, tk[0][4:], due, kw, missed] for line, tk, due, _, kw, missed in _deadlines(items)]
    assert got == [
        [4, "1004", at15, "due", True], [4, "1004", at22, "ETA", False],
        [5, "1005", at15, "checkpoint", True], [5, "1005", at22, "ETA", False],
        [6, "1006", at15, "checkpoint", False], [6, "1006", at22, "ETA", True],
        [7, "1007", at12, "ETA", True], [7, "1007", at10, "checkpoint", True],
        [8, "1008", at12, "ETA", True], [8, "1008", at15, "ETA", True],
    ]


def test_a_range_written_with_a_wave_dash_or_a_tilde_is_a_range(tmp_path):
    # Japanese writes a range with a wave dash (U+301C) or a fullwidth tilde; the window is due at its
    # end and the zone on either end applies to both, as with '17:00–18:00 JST' (18:00 JST = 09:00 UTC).
    # An ASCII tilde counts only from a time to a time: '~17:00' is "about", '~~' a strike-through.
    from occ_lib.logs import read_logs

    p = tmp_path / "jp.md"
    p.write_text(
        "---\ntz: UTC\n---\n# Ops\n\n## 2025-10-14\n\n"
        "- OPS-1 window 17:00〜18:00 JST\n- OPS-2 maintenance 10:00 ～ 11:00 JST\n"
        "- OPS-3 window 17:00~18:00 JST\n- OPS-4 ~~17:00~~18:00 UTC ETA\n- OPS-5 ETA ~17:00 UTC\n",
        encoding="utf-8",
    )
    logs = read_logs([p])
    dl = {r.tickets[0]: (r.due_at.isoformat(), r.text) for r in logs.deadlines.itertuples()}
    assert dl == {
        "OPS-1": ("2025-10-14T09:00:00+00:00", "OPS-1 window 17:00–18:00 JST"),
        "OPS-3": ("2025-10-14T09:00:00+00:00", "OPS-3 window 17:00–18:00 JST"),
        "OPS-4": ("2025-10-14T18:00:00+00:00", "OPS-4 ~~17:00~~18:00 UTC ETA"),
        "OPS-5": ("2025-10-14T17:00:00+00:00", "OPS-5 ETA ~17:00 UTC"),
    }
    ev = logs.events.set_index("line")
    assert ev.loc[9, "at"].isoformat() == "2025-10-14T01:00:00+00:00"
    assert ev.loc[9, "text"] == "OPS-2 maintenance 10:00–11:00 JST"
