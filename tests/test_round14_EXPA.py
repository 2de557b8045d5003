"""Round 14 (EXPA): logs in new voices. An on-call handoff written across midnight (IST): a step
nested under an untimed sibling of the evening item, a deadline set in the small hours, and a plan for
another day between the night's items; an unticked task box whose words name the goal ('- [ ] QA-1203
... fixed and verified'): still to do, no resolution."""

from __future__ import annotations

import pandas as pd

from occ_lib.logs import read_logs
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import file_deadline_rows, file_event_rows

# --- E1: a night handoff's small hours, nested under an untimed item after the evening's -------------

HANDOFF = (
    "All times IST (Asia/Kolkata).\n"
    "\n"
    "### Handoff 2025-10-10 \u2192 2025-10-11 (night shift)\n"
    "\n"
    "- PAY-7781: resolved 23:10.\n"
    "- PAY-7790 RCA shared at 22:00.\n"
    "- PAY-7802 new: refund webhooks 5xx\n"
    "  - paged at 01:05\n"
    "  - acked 01:25\n"
)


def test_a_step_nested_under_an_untimed_sibling_of_the_evening_item_is_past_midnight(tmp_path):
    assert file_event_rows(tmp_path, HANDOFF) == [
        [5, "10-10 17:40", "resolved", 0, ["PAY-7781"], "PAY-7781: resolved 23:10."],
        [6, "10-10 16:30", "note", 0, ["PAY-7790"], "PAY-7790 RCA shared at 22:00."],
        [7, "10-10 00:00", "note", 0, ["PAY-7802"], "PAY-7802 new: refund webhooks 5xx"],
        [8, "10-10 19:35", "follow_up", 1, ["PAY-7802"], "paged at 01:05"],
        [9, "10-10 19:55", "acknowledged", 0, ["PAY-7802"], "acked 01:25"],
    ]


def test_a_step_nested_under_the_evening_item_itself_stays_on_its_evening(tmp_path):
    text = (
        "All times IST (Asia/Kolkata).\n"
        "\n"
        "### 2025-10-10\n"
        "\n"
        "- 22:00 recap of PAY-7790:\n"
        "  - 03:10 paged the vendor\n"
    )
    assert file_event_rows(tmp_path, text)[1][:2] == [6, "10-09 21:40"]


# --- E2: a deadline set in the small hours, in an item without a time of its own -------------------


def test_a_deadline_after_a_rolled_step_is_on_the_next_day(tmp_path):
    text = (
        "All times IST (Asia/Kolkata).\n"
        "\n"
        "### Handoff 2025-10-09 \u2192 2025-10-10 (night shift)\n"
        "\n"
        "- PAY-7781 UPI callback timeouts\n"
        "  - paged at 23:50\n"
        "  - mitigated 00:35 by draining pod upi-cb-3\n"
        "  - still intermittent; vendor contacted, ETA 06:00\n"
    )
    assert file_deadline_rows(tmp_path, text) == [[8, ["PAY-7781"], "10-10 00:30", "ETA", False]]


# --- E3: another day's plan between the night's items does not end the night ------------------------


def test_a_plan_for_another_day_does_not_end_the_small_hours(tmp_path):
    text = (
        "All times IST (Asia/Kolkata).\n"
        "\n"
        "### Handoff 2025-10-09 \u2192 2025-10-10 (night shift)\n"
        "\n"
        "- 23:50 paged for PAY-7790\n"
        "- 03:05 PAY-7790 mitigated\n"
        "- Change freeze starts Sat 00:00.\n"
        "- 04:40 handed PAY-7790 to the day team\n"
    )
    assert [r[:3] for r in file_event_rows(tmp_path, text)] == [
        [5, "10-09 18:20", "follow_up"],
        [6, "10-09 21:35", "resolved"],
        [7, "10-10 18:30", "note"],
        [8, "10-09 23:10", "note"],
    ]


# --- E4: an unticked task box names what is still to do ----------------------------------------------

CHECKLIST = (
    "# Checkout 4.18 QA release readiness\n"
    "\n"
    "## Checklist (updated Wed 2025-10-08)\n"
    "\n"
    "- [ ] QA-1203 crash on empty cart fixed and verified \u2014 @kai \U0001f534\n"
    "- [x] QA-1199 coupon rounding fixed \u2705\n"
    "- [ ] TODO confirm QA-1207 closed by vendor\n"
)


def test_an_unticked_box_whose_words_name_a_fix_is_still_to_do(tmp_path):
    assert file_event_rows(tmp_path, CHECKLIST) == [
        [5, "10-08 00:00", "plan", 0, ["QA-1203"],
         "QA-1203 crash on empty cart fixed and verified \u2014 @kai \U0001f534"],
        [6, "10-08 00:00", "resolved", 0, ["QA-1199"], "QA-1199 coupon rounding fixed \u2705"],
        [7, "10-08 00:00", "plan", 0, ["QA-1207"], "TODO confirm QA-1207 closed by vendor"],
    ]


def test_an_unticked_box_whose_goal_is_a_state_of_completion_is_still_to_do(tmp_path):
    text = "## 2025-10-08\n\n- [ ] OPS-1500 migration complete on all shards\n"
    assert file_event_rows(tmp_path, text) == [
        [3, "10-08 00:00", "plan", 0, ["OPS-1500"], "OPS-1500 migration complete on all shards"],
    ]


# --- E5: a migration night told over undated sections (a DB team's journal, all times CDT) ------------

MIGRATION = (
    "All times below are Central (America/Chicago).\n"
    "Window approved in CHG-2291: Thursday Oct 9, 2025, 22:00\u201302:00 CDT.\n"
    "\n"
    "## Pre-checks\n"
    "\n"
    "1. 21:45 \u2014 go/no-go call: GO (DBA-318).\n"
    "\n"
    "## Runbook steps\n"
    "\n"
    "1. T+01:30 \u2014 copy at 61%, ETA for completion 00:10 CDT.\n"
    "2. T+02:05 \u2014 copy complete (00:05 CDT); row counts match.\n"
    "\n"
    "## Issues\n"
    "\n"
    "- INC-5521: latency regression after cutover. Acked by app on-call at 00:58 CDT.\n"
    "- 01:20 CDT: escalated INC-5521 to the DB manager (Elena).\n"
    "- 02:40 CDT: index built, p99 back to 130ms. INC-5521 resolved.\n"
)


def test_the_small_hours_of_a_night_go_on_in_the_undated_sections_after_it(tmp_path):
    assert [r[:5] for r in file_event_rows(tmp_path, MIGRATION)] == [
        [2, "10-10 03:00", "note", 0, ["CHG-2291"]],
        [6, "10-10 02:45", "note", 0, ["DBA-318"]],
        [10, "10-09 00:00", "deadline", 0, []],
        [11, "10-10 05:05", "resolved", 0, []],
        [15, "10-10 05:58", "acknowledged", 0, ["INC-5521"]],
        [16, "10-10 06:20", "escalation", 2, ["INC-5521"]],
        [17, "10-10 07:40", "resolved", 0, ["INC-5521"]],
    ]


def test_a_deadline_of_an_untimed_item_after_an_evening_item_is_the_next_mornings(tmp_path):
    assert file_deadline_rows(tmp_path, MIGRATION) == [[10, [], "10-10 05:10", "ETA", False]]


def test_a_missed_deadline_of_an_untimed_item_after_an_evening_item_stays_on_its_day(tmp_path):
    text = (
        "## 2025-10-09\n"
        "\n"
        "- 21:00 OPS-4 vendor still silent\n"
        "- OPS-4: the 08:00 ETA was missed\n"
    )
    assert file_deadline_rows(tmp_path, text) == [[4, ["OPS-4"], "10-09 08:00", "ETA", True]]


def test_a_dated_section_of_the_same_day_starts_its_own_run(tmp_path):
    text = (
        "## 2025-10-09 evening\n"
        "\n"
        "- 22:00 OPS-4 deploy started\n"
        "\n"
        "## 2025-10-09 morning\n"
        "\n"
        "- 02:00 OPS-4 backup ran\n"
    )
    assert [r[:2] for r in file_event_rows(tmp_path, text)] == [[3, "10-09 22:00"], [7, "10-09 02:00"]]


# --- E6: a step of the work done, in an item that only inherits its ticket, resolves nothing ----------


def test_a_step_done_under_a_tickets_title_is_a_status_and_a_ticket_of_its_own_still_resolves(tmp_path):
    text = (
        "# Orders cluster migration journal (DBA-318)\n"
        "\n"
        "## 2025-10-09\n"
        "\n"
        "- 21:10 snapshot `orders-pre-mig-20251009` complete, 412 GB\n"
        "- 23:05 copy complete; row counts match\n"
        "- 23:30 OPS-7 snapshot complete\n"
        "- 23:50 migration complete\n"
    )
    assert [r[:5] for r in file_event_rows(tmp_path, text)] == [
        [5, "10-09 21:10", "status", 0, ["DBA-318"]],
        [6, "10-09 23:05", "status", 0, ["DBA-318"]],
        [7, "10-09 23:30", "resolved", 0, ["OPS-7"]],
        [8, "10-09 23:50", "resolved", 0, ["DBA-318"]],
    ]


# --- E7: a task of no ticket, ticked done, meets its own due date ---------------------------------------


def test_a_ticked_task_of_no_ticket_is_judged_by_its_own_resolution(tmp_path):
    text = (
        "## Checklist (updated Wed 2025-10-08)\n"
        "\n"
        "- [x] Feature flags default OFF in prod \u2014 @lena (due 10/9) \u2705\n"
        "- [ ] Rollback plan rehearsed \u2014 @omar (due 10/9) \u23f3\n"
    )
    path = tmp_path / "qa.md"
    path.write_text(text, encoding="utf-8")
    out = misses(read_logs([str(path)]), None, Policy(), start=pd.Timestamp("2025-10-06", tz="UTC"),
                 end=pd.Timestamp("2025-10-13", tz="UTC"), as_of=pd.Timestamp("2025-10-13", tz="UTC"))
    rows = out[["line", "subject", "due_at", "resolved_at", "status", "overage_min"]].to_dict("records")
    assert [[r["line"], r["subject"], str(r["due_at"]), str(r["resolved_at"]), r["status"], r["overage_min"]]
            for r in rows] == [
        [3, "(no ticket)", "2025-10-10 00:00:00+00:00", "2025-10-08 00:00:00+00:00", "met", 0.0],
        [4, "(no ticket)", "2025-10-10 00:00:00+00:00", "NaT", "missed", 4320.0],
    ]
    assert out["detail"].tolist()[1].endswith("(no ticket to match a resolution); 'due' in \"Rollback plan "
                                              "rehearsed \u2014 @omar (due 10/9) \u23f3\"")


# --- E8: a heading that spans one night by its two dates -------------------------------------------------


def test_a_night_handoff_heading_of_two_dates_puts_its_morning_on_the_second(tmp_path):
    text = (
        "All times IST (Asia/Kolkata).\n"
        "\n"
        "### Handoff 2025-10-09 \u2192 2025-10-10 (night shift)\n"
        "\n"
        "- PAY-1 paged at 02:10\n"
        "- 04:00 PAY-1 resolved\n"
        "- 23:55 PAY-2 paged\n"
        "\n"
        "### Handoff 2025-10-10 \u2192 2025-10-11 (day shift)\n"
        "\n"
        "- 10:00 PAY-3 paged\n"
    )
    assert [r[:4] for r in file_event_rows(tmp_path, text)] == [
        [5, "10-09 20:40", "follow_up", 1],
        [6, "10-09 22:30", "resolved", 0],
        [7, "10-09 18:25", "follow_up", 1],
        [11, "10-10 04:30", "follow_up", 1],
    ]


# --- E9: the steps of an item, each of the ticket its clause names ---------------------------------------


def test_each_step_of_an_item_is_the_ticket_its_clause_names(tmp_path):
    text = (
        "## 2025-10-13\n"
        "\n"
        "- 16:20 ET: hotfix applied; OPS-9120 resolved. VND-4412 closed by vendor 17:02 ET.\n"
        "- 18:00 ET: OPS-1 and OPS-2 paged; both resolved 18:40 ET.\n"
    )
    assert [r[:5] for r in file_event_rows(tmp_path, text)] == [
        [3, "10-13 20:20", "resolved", 0, ["OPS-9120"]],
        [3, "10-13 21:02", "resolved", 0, ["VND-4412"]],
        [4, "10-13 22:00", "follow_up", 1, ["OPS-1", "OPS-2"]],
        [4, "10-13 22:40", "resolved", 0, ["OPS-1", "OPS-2"]],
    ]


# --- E10: a runbook's steps timed by their offset from its stated start -----------------------------------


def test_a_runbook_step_is_timed_by_its_offset_from_the_stated_start(tmp_path):
    text = (
        "All times below are Central (America/Chicago).\n"
        "Window: Thursday Oct 9, 2025. Start time (T+00:00) = 22:00 CDT.\n"
        "\n"
        "## Runbook steps\n"
        "\n"
        "1. T+00:15 \u2014 start pg_dump on orders_v1 (DBA-318).\n"
        "2. T+02:05 \u2014 copy complete (00:05 CDT); row counts match.\n"
        "3. T+02:50 \u2014 paged app on-call (INC-5521).\n"
        "4. T+45m \u2014 schema applied.\n"
        "5. Replay writes captured after T+02:20 from the topic.\n"
    )
    # (the start's own line: a window's day of no ticket is no deadline, round 14 EXPA2)
    assert [r[:5] for r in file_event_rows(tmp_path, text)] == [
        [2, "10-10 03:00", "note", 0, []],
        [6, "10-10 03:15", "note", 0, ["DBA-318"]],
        [7, "10-10 05:05", "resolved", 0, []],
        [8, "10-10 05:50", "escalation", 1, ["INC-5521"]],
        [9, "10-10 03:45", "note", 0, []],
        [10, "10-09 00:00", "evidence", 0, []],
    ]


def test_a_night_heading_written_as_a_date_and_the_next_days_number_is_that_night(tmp_path):
    text = (
        "All times IST (Asia/Kolkata).\n"
        "\n"
        "## 2025-10-08\n"
        "\n"
        "- 10:00 PAY-1 paged\n"
        "\n"
        "## Night shift 2025-10-09/10\n"
        "\n"
        "- PAY-2 paged at 02:10\n"
        "- see `artifacts/2025-10-09/11` for the 23:10 dump\n"
    )
    assert [r[:4] for r in file_event_rows(tmp_path, text)] == [
        [5, "10-08 04:30", "follow_up", 1],
        [9, "10-09 20:40", "follow_up", 1],
        [10, "10-09 17:40", "evidence", 0],
    ]
