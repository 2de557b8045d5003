"""Round 18 (HOST): the log reader stays linear on hostile pastes (``bench/hostile.py``). Rules of rounds
15-17 scanned the whole item once per mention or read an item again once per match, and so were quadratic on
one phrase repeated thousands of times in one item; four of them recursed once per match and a thousand
repetitions failed the whole file (RecursionError). Each rewritten path is pinned here on a small instance
(its reading unchanged) and, for the recursive ones, on a thousand repetitions that now parse (no timing:
``bench/hostile.py`` times them)."""

from __future__ import annotations

from occ_lib.logs import parse_log, parse_logs
from tests.log_rows import deadline_rows, item, short_event_rows, text_deadline_rows

DAY = "2025-10-13"  # a Monday


def _rows(text: str) -> tuple[list[list], list[list]]:
    log = item(text, DAY)
    return short_event_rows(log), text_deadline_rows(log)


# 1: a freeze's start announced: the announcement is read next to the mention, not in the whole item -------
def test_a_freeze_not_announced_stays_none_and_an_announced_one_a_window():
    assert _rows("done; code freeze Thu 18:00 PT; " * 3) == (
        [[5, "10-17 01:00", "resolved", 0, []], [5, "10-17 01:00", "resolved", 0, []]], [])
    assert _rows("Code freeze Wed 18:00 UTC announced; code freeze Thu 18:00 PT; "
                 "Code freeze Fri 18:00 UTC, announcing") == (
        [[5, "10-17 01:00", "deadline", 0, []]],
        [[5, [], "10-15 18:00", "window", False], [5, [], "10-17 18:00", "window", False]])


def test_missed_hours_and_etas_keep_each_eta():
    assert _rows("3 missed hours backfilling, ETA 17:00; " * 3) == (
        [[5, "10-13 00:00", "deadline", 0, []]], [[5, [], "10-13 17:00", "ETA", False]] * 3)


# 2: an 'until' of a freeze: the freeze word is looked for in the 60 characters before, not the whole item
def test_an_away_until_stays_none_and_a_freezes_until_a_window():
    assert _rows("PLAT-4 Kim on parental leave until Oct 30, so the fix waits. " * 3) == (
        [[5, "10-13 00:00", "note", 0, ["PLAT-4"]]], [])
    assert _rows("deploy freeze: no merges until 12:00; Deploy Freeze: no merges until 13:00; "
                 "no deploys until 14:00 UTC (freeze)") == (
        [[5, "10-13 00:00", "deadline", 0, []]],
        [[5, [], "10-13 12:00", "window", False], [5, [], "10-13 13:00", "window", False],
         [5, [], "10-13 14:00", "window", False]])
    # (a freeze far before the 'until' is no label of it; one in brackets after its time is)
    assert _rows("code freeze announced. Kim on leave until Oct 30; rollout until 16:00 (Freeze window)") == (
        [[5, "10-13 00:00", "deadline", 0, []]], [[5, [], "10-13 16:00", "window", False]])


# 3: closures of the calendar and periods of work: all read out at once ------------------------------------
def test_venue_and_period_closures_are_read_out_together():
    assert _rows("10:00 OPS-2 closed, market closed too; " * 3) == (
        [[5, "10-13 10:00", "resolved", 0, ["OPS-2"]]] * 3, [])
    assert _rows("Columbus Day: ACH and Fedwire closed; US markets closed; banks are closed Monday") == (
        [[5, "10-13 00:00", "note", 0, []]], [])
    assert _rows("OPS-1 fixed, week closed out; shift done; sprint closed") == (
        [[5, "10-13 00:00", "resolved", 0, ["OPS-1"]]], [])
    assert _rows("week closed out; shift done") == ([[5, "10-13 00:00", "note", 0, []]], [])
    # (a removal that joins a new closure is read out too)
    assert _rows("banks ach closed closed; OPS-1 resolved") == (
        [[5, "10-13 00:00", "resolved", 0, ["OPS-1"]]], [])


# 4: escalations put off, conditional or called off: all read out at once -----------------------------------
def test_put_off_and_called_off_escalations_are_read_out_together():
    assert _rows("escalated to the director; will escalate to the CTO if no answer by 14:00; " * 2) == (
        [[5, "10-13 14:00", "escalation", 3, []]], [])
    assert _rows("hold off on escalating to the VP; will escalate to the CTO if no answer by 14:00; "
                 "escalate to the director unless fixed") == ([[5, "10-13 14:00", "plan", 0, []]], [])
    assert _rows("escalation to the VP cancelled; " * 3) == ([[5, "10-13 00:00", "note", 0, []]], [])


def test_a_thousand_closures_or_escalations_in_one_item_parse():
    # (before: RecursionError, 'could not be parsed', and no row of the file)
    for phrase, row in [
        ("10:00 OPS-2 closed, market closed too; ", [5, "10-13 10:00", "resolved", 0, ["OPS-2"]]),
        ("OPS-1 fixed, week closed out; ", [5, "10-13 00:00", "resolved", 0, ["OPS-1"]]),
        ("escalated to the director; will escalate to the CTO if no answer; ",
         [5, "10-13 00:00", "escalation", 3, []]),
        ("escalation to the VP cancelled; ", [5, "10-13 00:00", "note", 0, []]),
    ]:
        log = item(phrase * 1000, DAY)
        assert short_event_rows(log) == [row], phrase
        assert parse_log(log, "x.md").problems.empty, phrase


# 5: a deadline's meridiem and promise words: searched once per item, as its past tense is ------------------
def test_each_deadline_of_an_item_reads_its_promise_and_meridiem():
    text = ("## 2025-10-10 Fri\n\n- 07:10 NOC-9 vendor promised a patch by 06:00, ETA 05:00 for the config, "
            "cutoff 06:30.\n- 07:10 NOC-8 patch by 06:00, ETA 05:00 for the config.\n")
    # (a promise written after its times: each the next one; none, the day's)
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [
        [3, ["NOC-9"], "10-11 06:00", "by", False], [3, ["NOC-9"], "10-11 05:00", "ETA", False],
        [3, ["NOC-9"], "10-11 06:30", "cutoff", False], [4, ["NOC-8"], "10-10 06:00", "by", False],
        [4, ["NOC-8"], "10-10 05:00", "ETA", False]]
    text = ("## 2025-10-09\n\n[10:55 AM] Sam Lee\nPAY-1 fix ETA 4:30, PAY-2 ETA 4:45, PAY-3 ETA 5:00\n\n"
            "- 10:55 UTC PAY-4 vendor ETA 4:30, PAY-5 ETA 4:45\n")
    # (on a 12-hour clock each bare hour is the one to come; on a 24-hour one as written)
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [
        [3, ["PAY-1"], "10-09 16:30", "ETA", False], [3, ["PAY-2"], "10-09 16:45", "ETA", False],
        [3, ["PAY-3"], "10-09 17:00", "ETA", False], [6, ["PAY-4"], "10-09 04:30", "ETA", False],
        [6, ["PAY-5"], "10-09 04:45", "ETA", False]]


def test_repeated_cutoffs_and_checkpoints_keep_each_deadline():
    assert _rows("ACH cutoff 16:45 ET; Fedwire closes 18:00 ET. " * 3) == (
        [[5, "10-13 22:00", "deadline", 0, []]], [[5, [], "10-13 20:45", "cutoff", False]] * 3)
    assert _rows("16:40 OPS-4 if no answer before 09:00 UTC checkpoint, page. " * 3) == (
        [[5, "10-13 16:40", "plan", 0, ["OPS-4"]]], [[5, ["OPS-4"], "10-13 09:00", "checkpoint", False]] * 3)


# 6: a ticket's move after its planned window: the planned rows indexed as they are appended ----------------
CHANGES = """# Change calendar

Alle Uhrzeiten sind in MEZ (Europe/Berlin), sonst angegeben.

## Change-Kalender

| Change | Dienst | Fenster | Owner | Status |
|---|---|---|---|---|
| CHG-2104 | edge config | Fr 10.10. 10:00\u201311:00 | Mara | planned |
| CHG-2105 | dns | Fr 10.10. 12:00\u201313:00 | Mara | done |

## Fr 10.10.2025

- CHG-2104 moved to Mo 13.10. 10:00.
- CHG-2105 moved to Mo 13.10. 12:00.
- CHG-2104 moved to Di 14.10. 10:00.
- CHG-2106 moved to Di 14.10. 11:00.
"""


def test_each_move_of_a_planned_change_is_its_window_and_others_none():
    # (CHG-2105 ran, CHG-2106 was never planned: their moves are no deadline)
    assert deadline_rows(parse_log(CHANGES, "x.md").deadlines) == [
        [14, ["CHG-2104"], "10-13 08:00", "window", False],
        [16, ["CHG-2104"], "10-14 08:00", "window", False]]


def test_a_plan_of_another_log_is_none_of_a_moves():
    plan = "## 2025-10-10\n\n- 09:00 CHG-7 planned for Sat 10:00-11:00\n"
    move = "- CHG-7 moved to Sun 10:00\n"
    assert deadline_rows(parse_log(plan + move, "x.md").deadlines) == [
        [4, ["CHG-7"], "10-12 10:00", "window", False]]
    assert deadline_rows(parse_logs([("a.md", plan), ("b.md", "## 2025-10-10\n\n" + move)]).deadlines) == []
    # (nor is it after another log's rows: only the last run of rows, the moving log's own)
    assert deadline_rows(parse_logs([("a.md", plan), ("b.md", "## 2025-10-10\n\n- 09:00 x\n"),
                                     ("a2.md", "## 2025-10-10\n\n" + move)]).deadlines) == []


# 7: a miss written after a deadline: read up to the next deadline in a roll-up of more than 24
def test_a_cutoff_missed_keeps_its_miss_and_a_roll_ups_last_eta_is_the_next_one():
    assert _rows("15:35 AusPost cut-off missed by 5 min; driver waited, 1,120 consignments collected at "
                 "15:41. " * 3) == (
        # (the first 15:35 opens the item, its stamp (LEFT); each repeat's is a cut-off, missed)
        [[5, "10-13 15:35", "deadline", 0, []]], [[5, [], "10-13 15:35", "cutoff", True]] * 2)
    # (a miss written before each ETA: the ETAs with a miss after them are the ones missed; the last, with
    # none after it, is the next 00:30, an earlier promise's miss; the same in three and in thirty)
    for n in (3, 30):
        assert _rows("23:50 OPS-1 missed again - ETA 00:30; " * n)[1] == (
            [[5, ["OPS-1"], "10-13 00:30", "ETA", True]] * (n - 1)
            + [[5, ["OPS-1"], "10-14 00:30", "ETA", False]])
