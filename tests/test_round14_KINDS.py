"""Round 14 KINDS: chat-export wording the classifier misread (tests/fixtures/round14/e_slack_channel.md).

- 1: 'new ETA tomorrow 10 AM' was a plan ('tomorrow'); a plan word that only dates or renews a deadline is
  the deadline's ('next ETA 19:00' too), 'deploy tomorrow, ETA 10:00' still plans.
- 2: 'postmortem due in 2 days' had keyword 'due': a duration deadline of a deliverable is 'postmortem'.
- 3: Slack shortcodes (':white_check_mark:', ':heavy_check_mark:', ':x:', ':eyes:') mean their marks; a
  reaction (a shortcode with a count) means nothing; a check mark after the stamp or the chat head opens it.
- 4: 'fix deployed' stays a note (documented: deployed is no resolution).
- 5: a window of no ticket, timed or not, is no SLA promise; a ticket's window still is.
"""

from __future__ import annotations

import pandas as pd
from log_rows import deadline_rows, event_rows

from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses


def _sla(text: str) -> list[list]:
    """``[line, subject, 'MM-DD HH:MM' due, status, 'MM-DD HH:MM' resolved or None]`` of the week of Oct 6."""
    out = misses(parse_log(text, "x.md"), None, Policy(), start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-10-13", tz="UTC"), as_of=pd.Timestamp("2025-10-13", tz="UTC"))
    return [
        [line, subj, due.strftime("%m-%d %H:%M"), status,
         None if pd.isna(res) else res.strftime("%m-%d %H:%M")]
        for line, subj, due, status, res in out[["line", "subject", "due_at", "status", "resolved_at"]].values
    ]


# --- 1: a stated new ETA is a deadline, whatever day word dates it --------------------------------------


def test_a_plan_word_that_only_dates_or_renews_a_deadline_makes_no_plan():
    text = (
        "## 2025-10-08\n"
        "\n"
        "- 16:05 UTC PAY-8121 still not fixed, new ETA tomorrow 10 AM\n"
        "- 16:05 UTC PAY-8122 still not fixed, new ETA 17:00\n"
        "- 16:05 UTC PAY-8123 fix due tomorrow\n"
        "- 16:05 UTC PAY-8124 next ETA 19:00\n"
        "- 16:05 UTC PAY-8125 deploy tomorrow, ETA 10:00\n"
        "- 16:05 UTC PAY-8126 will patch, ETA tomorrow\n"
        "- 16:05 UTC PAY-8127 next update by 19:00\n"
    )
    assert [r[:5] for r in event_rows(text)] == [
        [3, "10-08 16:05", "deadline", 0, ["PAY-8121"]],
        [4, "10-08 16:05", "deadline", 0, ["PAY-8122"]],
        [5, "10-08 16:05", "deadline", 0, ["PAY-8123"]],
        [6, "10-08 16:05", "deadline", 0, ["PAY-8124"]],
        [7, "10-08 16:05", "plan", 0, ["PAY-8125"]],  # (16:05 is the stamp, not tomorrow: REL)
        [8, "10-08 16:05", "plan", 0, ["PAY-8126"]],  # ('will')
        [9, "10-08 16:05", "plan", 0, ["PAY-8127"]],  # ('next update' is no deadline's renewal)
    ]
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [
        [3, ["PAY-8121"], "10-09 10:00", "ETA", False],
        [4, ["PAY-8122"], "10-08 17:00", "ETA", False],
        [5, ["PAY-8123"], "10-09 00:00", "due", False],
        [6, ["PAY-8124"], "10-08 19:00", "ETA", False],
        [7, ["PAY-8125"], "10-09 10:00", "ETA", False],
        [8, ["PAY-8126"], "10-09 00:00", "ETA", False],
        [9, ["PAY-8127"], "10-08 19:00", "update", False],
    ]


# --- 2: a deliverable's duration deadline is judged by its delivery -------------------------------------


def test_a_deliverables_duration_deadline_is_a_postmortem_promise():
    text = (
        "## Thursday, October 9th, 2025\n"
        "\n"
        "**Bot** 12:00 PM\n"
        ":robot_face: Reminder: PAY-8130 postmortem due in 2 days\n"
        "\n"
        "- 12:00 PAY-8132 RCA ETA 3 days\n"
        "- 12:00 PAY-8131 fix due in 2 days\n"
        "- 12:00 PAY-8133 next update in 30 minutes\n"
        "- 15:00 PAY-8130 resolved\n"
        "- 15:00 PAY-8131 resolved\n"
        "- 15:00 PAY-8132 resolved\n"
        "- 16:00 PAY-8132 RCA published\n"
    )
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [
        [3, ["PAY-8130"], "10-11 12:00", "postmortem", False],
        [6, ["PAY-8132"], "10-12 12:00", "postmortem", False],
        [7, ["PAY-8131"], "10-11 12:00", "due", False],
        [8, ["PAY-8133"], "10-09 12:30", "update", False],
    ]
    # (the fix does not deliver the postmortem: PAY-8130's is missed, PAY-8132's RCA met when published)
    assert _sla(text) == [
        [8, "PAY-8133", "10-09 12:30", "missed", None],  # (no later event of PAY-8133: no update)
        [3, "PAY-8130", "10-11 12:00", "missed", None],
        [7, "PAY-8131", "10-11 12:00", "met", "10-09 15:00"],
        [6, "PAY-8132", "10-12 12:00", "met", "10-09 16:00"],
    ]


# --- 3: Slack's shortcodes mean their marks; a reaction means nothing -----------------------------------


def test_slack_shortcodes_read_as_their_marks_and_the_text_keeps_them():
    text = (
        "All times UTC.\n"
        "\n"
        "## Thursday, October 9th, 2025\n"
        "\n"
        "**Sam Lee** 9:50 AM\n"
        ":white_check_mark: PAY-8142 rollback\n"
        "\n"
        "**Sam Lee** 9:51 AM\n"
        "PAY-8143 rollback :heavy_check_mark:\n"
        "\n"
        "**Sam Lee** 9:53 AM\n"
        ":eyes: on it\n"
        "\n"
        "**Sam Lee** 9:55 AM\n"
        "on it\n"
        "\n"
        "- 10:00 ✅ PAY-1 rollback\n"
        "- 10:01 :eyes: PAY-9 on it\n"
        "- 10:02 PAY-9 looking :eyes:\n"
        "- 10:03 PAY-9 :x: smoke failed, rollback :white_check_mark:\n"
        "- 10:04 PAY-9 deploying hotfix :eyes: 2 :white_check_mark: 2\n"
        "- 10:05 :rotating_light: PAY-9 errors spiking\n"
        "- 10:06 :eyes: looking for the runbook\n"
        "- 10:07 PAY-9 rollback\n"
    )
    assert event_rows(text) == [
        [5, "10-09 09:50", "resolved", 0, ["PAY-8142"],
         "**Sam Lee** 9:50 AM :white_check_mark: PAY-8142 rollback"],
        [8, "10-09 09:51", "resolved", 0, ["PAY-8143"],
         "**Sam Lee** 9:51 AM PAY-8143 rollback :heavy_check_mark:"],
        [11, "10-09 09:53", "acknowledged", 0, [], "**Sam Lee** 9:53 AM :eyes: on it"],
        [14, "10-09 09:55", "note", 0, [], "**Sam Lee** 9:55 AM on it"],
        [17, "10-09 10:00", "note", 0, ["PAY-1"], "10:00 ✅ PAY-1 rollback"],  # (round 8: a stamp before it)
        [18, "10-09 10:01", "acknowledged", 0, ["PAY-9"], "10:01 :eyes: PAY-9 on it"],
        [19, "10-09 10:02", "acknowledged", 0, ["PAY-9"], "10:02 PAY-9 looking :eyes:"],
        [20, "10-09 10:03", "note", 0, ["PAY-9"],
         "10:03 PAY-9 :x: smoke failed, rollback :white_check_mark:"],
        [21, "10-09 10:04", "note", 0, ["PAY-9"],
         "10:04 PAY-9 deploying hotfix :eyes: 2 :white_check_mark: 2"],
        [22, "10-09 10:05", "note", 0, ["PAY-9"], "10:05 :rotating_light: PAY-9 errors spiking"],
        [23, "10-09 10:06", "note", 0, [], "10:06 :eyes: looking for the runbook"],
        [24, "10-09 10:07", "note", 0, ["PAY-9"], "10:07 PAY-9 rollback"],
    ]


# --- 4: a fix deployed is no resolution ---------------------------------------------------------------


def test_a_fix_deployed_is_a_note_and_a_fix_shipped_or_said_resolved_resolves():
    text = (
        "## 2025-10-09\n"
        "\n"
        "- 10:00 UTC PAY-8130 fix deployed\n"
        "- 10:01 UTC PAY-8131 fix deployed, PAY-8131 resolved\n"
        "- 10:02 UTC PAY-8132 fix shipped\n"
    )
    assert [r[:5] for r in event_rows(text)] == [
        [3, "10-09 10:00", "note", 0, ["PAY-8130"]],
        [4, "10-09 10:01", "resolved", 0, ["PAY-8131"]],
        [5, "10-09 10:02", "resolved", 0, ["PAY-8132"]],
    ]


# --- 5: a window of no ticket is announced, not promised -----------------------------------------------


def test_a_timed_window_of_no_ticket_is_no_sla_promise_and_a_tickets_window_still_is():
    text = (
        "## 2025-10-08\n"
        "\n"
        "- maintenance window until 06:00 UTC\n"
        "- OPS-7 maintenance window Oct 10\n"
        "- Change window: Sat 02:00-04:00 UTC\n"
        "- 09:00 UTC CHG-1240 approved for maintenance window Sat 02:00-04:00 UTC\n"
        "- 09:00 UTC maintenance window Sat 02:00-04:00 UTC\n"
    )
    # (the logs' table still says when each window ends: what the text says)
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [
        [3, [], "10-08 06:00", "window", False],  # (the window's end: test_round14_EDGE)
        [4, ["OPS-7"], "10-10 00:00", "window", False],
        [5, [], "10-11 04:00", "window", False],
        [6, ["CHG-1240"], "10-11 04:00", "window", False],
        [7, [], "10-11 04:00", "window", False],
    ]
    assert _sla(text) == [
        # (line 3, 'window until 06:00' of no ticket, is no promise either: test_round14_EDGE)
        [4, "OPS-7", "10-11 00:00", "missed", None],
        [6, "CHG-1240", "10-11 04:00", "missed", None],
    ]
