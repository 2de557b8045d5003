"""Deadline keywords and ``stated_missed`` as test-drivers wrote them (rounds td51-td53): moved and old
deadlines, risks and politeness that miss nothing, end of day after an item's time, org, Logseq, Notion and
Dataview."""

from __future__ import annotations

import pandas as pd

from occ_lib.logs import parse_log
from tests.log_rows import deadline_cells


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _deadlines(text: str) -> list[list]:
    return deadline_cells(text)


def _event_at(text: str) -> list[list]:
    ev = parse_log(text, "x.md").events
    return ev[["line", "at", "at_precision"]].values.tolist()


def test_the_deadline_a_missed_one_was_moved_to_is_due_and_not_missed():
    text = (
        "# x\n## 2025-10-10\n"
        "- 09:30 UTC OPS-322 missed the 15:00 slot, pushed to 19:00\n"
        "- 09:30 UTC OPS-323 missed Friday slot, moved to Mon 10/13\n"
        # (the only deadline is the new one; the ETA missed is an earlier one's, with no time written)
        "- 09:30 UTC OPS-324 ETA missed, pushed to 19:00 UTC\n"
        "- 09:30 UTC OPS-325 PM review moved to Mon 10/13, missed Friday slot\n"
        "- 09:30 UTC OPS-326 standup moved to 10:00, ETA 12:00\n"  # (no miss: 10:00 is no deadline)
        "- 09:30 UTC OPS-327 sync moved to 11:00, missed nothing\n"
    )
    assert _deadlines(text) == [
        [3, ts("2025-10-10 15:00"), "minute", "missed", True],
        [3, ts("2025-10-10 19:00"), "minute", "due", False],
        [4, ts("2025-10-10"), "day", "missed", True],
        [4, ts("2025-10-13"), "day", "due", False],
        [5, ts("2025-10-10 19:00"), "minute", "ETA", False],
        [5, pd.NaT, "", "missed", True],
        [6, ts("2025-10-13"), "day", "due", False],
        [6, ts("2025-10-10"), "day", "missed", True],
        [7, ts("2025-10-10 12:00"), "minute", "ETA", False],
    ]


def test_an_old_deadline_written_after_the_new_one_is_a_deadline_not_the_items_time():
    text = (
        "# INC-2000 postmortem\n## 2025-10-09\n"
        "- OPS-505 chaos test \u2014 due 2025-10-31 (was 2025-10-24)\n"
        "- OPS-508 chaos test \u2014 ETA Oct 31 (was Oct 24, slipped)\n"
        "- OPS-509 chaos test \u2014 ETA Oct 31 (previously Oct 24)\n"
        "- OPS-510 chaos test \u2014 due Oct 20, originally Oct 14, slipped twice\n"
        "- 09:00 OPS-511 paged at 14:00 (was on PTO)\n"
    )
    assert _deadlines(text) == [
        # (an old one not missed is no promise now, round 10 F5: 'was 2025-10-24', 'previously Oct 24')
        [3, ts("2025-10-31"), "day", "due", False],
        [4, ts("2025-10-31"), "day", "ETA", False],
        [4, ts("2025-10-24"), "day", "ETA", True],  # (the miss is the old one's)
        [5, ts("2025-10-31"), "day", "ETA", False],
        [6, ts("2025-10-20"), "day", "due", False],
        [6, ts("2025-10-14"), "day", "due", True],
    ]
    assert _event_at(text) == [
        [3, ts("2025-10-09"), "day"], [4, ts("2025-10-09"), "day"], [5, ts("2025-10-09"), "day"],
        [6, ts("2025-10-09"), "day"], [7, ts("2025-10-09 09:00"), "minute"],
    ]


def test_a_risk_a_doubt_or_a_condition_is_no_miss():
    text = (
        "# x\n## 2025-10-08\n"
        "- 10:00 UTC OPS-801 canary rollout due 2025-10-31, no risk of slipping\n"
        "- 10:00 UTC OPS-802 DR test due 2025-10-31, at risk of slipping if vendor is late\n"
        "- 10:00 UTC OPS-803 vendor may be late, ETA 17:00\n"
        "- 10:00 UTC OPS-804 due Friday unless the vendor is late again\n"
        "- 10:00 UTC OPS-805 pay the invoice by Oct 10 (to avoid a late fee)\n"
        "- 10:00 UTC OPS-806 ETA 17:00 missed, vendor was late\n"  # (a miss all the same)
    )
    assert _deadlines(text) == [
        [3, ts("2025-10-31"), "day", "due", False],
        [4, ts("2025-10-31"), "day", "due", False],
        [5, ts("2025-10-08 17:00"), "minute", "ETA", False],
        [6, ts("2025-10-10"), "day", "due", False],
        [7, ts("2025-10-10"), "day", "by", False],
        [8, ts("2025-10-08 17:00"), "minute", "ETA", True],
    ]


def test_politeness_and_missed_calls_miss_no_deadline():
    text = (
        "# Ops log\n\n## 2025-10-09\n\n"
        "Priya Raman  10:01 AM\nApologies for the late response. PAY-2 fix will be deployed by 5pm.\n"
        "Sam Lee  10:02 AM\nrunning late today, but PAY-3 is on track for the 17:00 deadline\n"
        "Sam Lee  10:03 AM\nMissed call from vendor, they promised ETA 17:00\n"
        "Sam Lee  10:04 AM\nPAY-4 is late, missed the 09:00 cutoff\n"
    )
    assert _deadlines(text) == [
        [5, ts("2025-10-09 17:00"), "minute", "by", False],
        [7, ts("2025-10-09 17:00"), "minute", "deadline", False],
        [9, ts("2025-10-09 17:00"), "minute", "ETA", False],
        [11, ts("2025-10-09 09:00"), "minute", "cutoff", True],
    ]


def test_a_deadline_in_words_takes_the_date_in_brackets_after_it():
    text = (
        "# INC-2000 postmortem\n## 2025-10-09\n"
        "- Postmortem due 5 business days after the incident (2025-10-16)\n"
        "- AI-4 add canary for OPS-701 \u2014 owner @dan \u2014 target: end of sprint (Oct 24)\n"
        "- OPS-702 delayed due to the outage (Oct 9)\n"  # (a cause, no deadline)
        "- OPS-703 retro at end of sprint (Oct 24)\n"  # (no deadline word)
        "- OPS-704 deployed 5 days after the incident (2025-10-16)\n"
    )
    assert _deadlines(text) == [
        [3, ts("2025-10-16"), "day", "postmortem", False],
        [4, ts("2025-10-24"), "day", "target", False],
    ]
    assert _event_at(text) == [
        [3, ts("2025-10-09"), "day"], [4, ts("2025-10-09"), "day"], [5, ts("2025-10-09"), "day"],
        [6, ts("2025-10-24"), "day"], [7, ts("2025-10-16"), "day"],
    ]


def test_an_end_of_day_after_the_items_own_time_is_the_deadline():
    text = (
        "# Ops log\n\n## Thu 2025-10-09\n\n"
        "Sam Lee  3:25 PM\nETA EOD\n\n"  # (the post time is no ETA)
        "- 15:28 PAY-4 ETA EOD\n"
        "- 15:29 PAY-5 by end of day Friday\n"
        "- 15:30 PAY-6 ETA EOD Fri 18:00 ET\n"  # (a time next to it is the deadline, one row)
        "- 15:31 PAY-7 rotate secret by EOD, ETA 17:00 UTC\n"
    )
    assert _deadlines(text) == [
        [5, ts("2025-10-09"), "day", "ETA", False],
        [8, ts("2025-10-09"), "day", "ETA", False],
        [9, ts("2025-10-10"), "day", "by", False],
        [10, ts("2025-10-10 22:00"), "minute", "ETA", False],
        [11, ts("2025-10-09 17:00"), "minute", "ETA", False],
    ]
    assert _event_at(text)[0] == [5, ts("2025-10-09 15:25"), "minute"]


def test_close_of_business_spelled_out_is_an_end_of_day():
    text = (
        "# Ops log\n\n## Thu 2025-10-09\n\n"
        "- PAY-1 vendor needs sign-off by close of business\n"
        "- PAY-2 we'll ship the fix by close of business Friday\n"
        "- PAY-3 the close of business report went out\n"  # (a report's name, no promise)
    )
    assert _deadlines(text) == [
        [5, ts("2025-10-09"), "day", "by", False],
        [6, ts("2025-10-10"), "day", "by", False],
    ]
    # a resolution by then is still to come, as 'fixed by EOD' is
    ev = parse_log("# x\n## 2025-10-09\n- PAY-8 fixed by close of business\n", "x.md").events
    assert ev.kind.tolist() == ["deadline"]


def test_org_closed_and_logseq_scheduled_stamps_are_no_deadlines():
    org = (
        "---\ntz: Europe/Berlin\n---\n# Ops journal\n## 2025-10-09\n### DONE Rotate vault tokens OPS-301\n"
        "CLOSED: [2025-10-09 Thu 14:02] DEADLINE: <2025-10-09 Thu 12:00>\n"
    )
    assert _deadlines(org) == [[7, ts("2025-10-09 10:00"), "minute", "deadline", False]]
    ev = parse_log(org, "x.md").events
    assert ev[["line", "at", "kind"]].values.tolist() == [[7, ts("2025-10-09 12:02"), "resolved"]]
    logseq = (
        "- [[Oct 9th, 2025]]\n\t- TODO Rotate DB creds OPS-201\n\t  SCHEDULED: <2025-10-09 Thu>\n"
        "\t  DEADLINE: <2025-10-10 Fri 17:00>\n"
    )
    assert _deadlines(logseq) == [[2, ts("2025-10-10 17:00"), "minute", "deadline", False]]


def test_notion_mentions_keep_their_deadlines():
    text = (
        "---\ntz: America/New_York\n---\n# Ops\n## 2025-10-09\n"
        "- OPS-503 Fix ETA: @October 10, 2025 12:00 PM \u2192 @October 13, 2025 9:00 AM (slipped)\n"
        "- [ ] OPS-907 review \u2014 Due: @Friday 5:00 PM\n"
        "- [ ] OPS-908 review \u2014 Due: @Tomorrow 9:00 AM\n"
        "- [ ] OPS-910 review \u2014 Due: @Today 5:00 PM\n"
    )
    assert _deadlines(text) == [
        [6, ts("2025-10-10 16:00"), "minute", "ETA", True],
        [6, ts("2025-10-13 13:00"), "minute", "ETA", False],
        [7, ts("2025-10-10 21:00"), "minute", "due", False],
        [8, ts("2025-10-10 13:00"), "minute", "due", False],
        [9, ts("2025-10-09 21:00"), "minute", "due", False],
    ]
    assert [r[1] for r in _event_at(text)] == [ts("2025-10-09")] * 4


def test_a_dataview_no_and_a_page_title_say_nothing_was_missed():
    text = (
        "# Ops\n## 2025-10-09\n"
        "- [ ] OPS-21 renew cert \U0001f4c5 2025-10-10 [slipped:: no]\n"
        "- [ ] OPS-22 renew cert [due:: 2025-10-10] [missed:: none]\n"
        "- [x] OPS-14 publish the [[Missed deadlines report]] for Q3 \U0001f4c5 2025-10-10"
        " \u2705 2025-10-09\n"
        "- [ ] OPS-15 the missed-SLA dashboard is due 2025-10-10\n"
        "- [ ] OPS-16 renew cert \U0001f4c5 2025-10-08 [slipped:: yes]\n"
    )
    assert _deadlines(text) == [
        [3, ts("2025-10-10"), "day", "due", False],
        [4, ts("2025-10-10"), "day", "due", False],
        [5, ts("2025-10-10"), "day", "due", False],
        [6, ts("2025-10-10"), "day", "due", False],
        [7, ts("2025-10-08"), "day", "due", True],
    ]
