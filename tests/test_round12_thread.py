"""Round 12: a ticket's story told in stamped steps that do not repeat it (occ_lib.threads)."""

from __future__ import annotations

import pandas as pd

from occ_lib import sla, timeline
from occ_lib.logs import parse_log
from occ_lib.threads import deadlines_with_threads, threads, with_threads

ONCALL = (
    "# Reliability on-call notes\n\nAll times Pacific unless noted.\n\n"
    "### Thursday, October 9, 2025\n"
    "* 6:02am PagerDuty fired for api-gw p99 > 2s (INC-5001). Acked by @kim at 6:05am.\n"
    "* 6:20am still degraded; paged secondary (SEV2). Mitigation ETA 7:00am.\n"
    "* 7:15am mitigation slipped, new ETA 8am. Looped in Eng Manager @raj.\n"
    "* 8:10am CTO notified per SEV policy.\n"
    "* 8:42am rolled back build 1187; p99 back under 400ms. INC-5001 mitigated.\n"
)


def utc(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def test_the_events_table_keeps_what_the_text_says() -> None:
    ev = parse_log(ONCALL, "rel.md").events
    assert ev[["line", "kind", "level", "tickets"]].values.tolist() == [
        [6, "note", 0, ["INC-5001"]], [6, "acknowledged", 0, ["INC-5001"]], [7, "follow_up", 1, []],
        [8, "escalation", 2, []], [9, "escalation", 3, []], [10, "resolved", 0, ["INC-5001"]],
    ]
    assert threads(ev).tolist() == [[], [], ["INC-5001"], ["INC-5001"], ["INC-5001"], []]


def test_the_timeline_tells_the_whole_story_and_says_which_steps_were_inferred() -> None:
    logs = parse_log(ONCALL, "rel.md")
    tl = timeline.escalations(logs, "INC-5001")
    assert tl[["at", "kind", "level", "line", "via"]].values.tolist() == [
        [utc("2025-10-09 13:02"), "note", 0, 6, "text"],
        [utc("2025-10-09 13:05"), "acknowledged", 0, 6, "text"],
        [utc("2025-10-09 13:20"), "follow_up", 1, 7, "thread"],
        [utc("2025-10-09 14:15"), "escalation", 2, 8, "thread"],
        [utc("2025-10-09 15:10"), "escalation", 3, 9, "thread"],
        [utc("2025-10-09 15:42"), "resolved", 0, 10, "text"],
    ]
    s = timeline.summary(logs, as_of="2025-10-10T00:00:00Z").set_index("ticket")
    assert s.loc["INC-5001", ["first_follow_up", "first_escalation", "max_level", "follow_ups", "escalations"]
                 ].tolist() == [utc("2025-10-09 13:20"), utc("2025-10-09 14:15"), 3, 1, 2]


def test_the_sla_judges_a_threaded_eta_by_its_tickets_resolution() -> None:
    logs = parse_log(ONCALL, "rel.md")
    d = deadlines_with_threads(logs.deadlines, logs.events)
    assert d[["line", "tickets", "via"]].values.tolist() == [
        [7, ["INC-5001"], "thread"], [8, ["INC-5001"], "thread"],
    ]
    assert logs.deadlines["tickets"].tolist() == [[], []]  # (the table itself is untouched)
    m = sla.deadline_misses(logs, as_of="2025-10-13T00:00:00Z")
    assert m[["subject", "due_at", "resolved_at", "status", "overage_min", "line"]].values.tolist() == [
        # (moved by the 7:15am slip after it was due: late up to the move, round 14)
        ["INC-5001", utc("2025-10-09 14:00"), utc("2025-10-09 15:42"), "missed", 15.0, 7],
        ["INC-5001", utc("2025-10-09 15:00"), utc("2025-10-09 15:42"), "missed", 42.0, 8],
    ]
    assert m["detail"].tolist()[0] == (
        "due 2025-10-09 14:00 UTC; resolved 2025-10-09 15:42 UTC, after the due time; moved by rel.md:8 at "
        "2025-10-09 14:15 UTC, after the due time: overage to then (the item names no "
        "ticket: INC-5001 is its section's, told in stamped steps); 'ETA' in \"6:20am still degraded; "
        "paged secondary (SEV2). Mitigation ETA 7:00am.\""
    )


def test_a_days_other_work_is_no_step_of_its_one_ticket() -> None:
    text = (
        "# Deploy log\n### Oct 8, 2025\n"
        "- 09:00 UTC paged the on-call about the nightly backup\n"  # (before the ticket: not its story)
        "- 10:05 UTC Shopify approval arrived; generating the bundle for DEPLOY-147.\n"
        "- 11:30 UTC QA reproduced the store-notes report; no fix needed.\n"  # (a note: other work)
        "- pinged support again about the audit log\n"  # (no time of its own: a status list)
        "| Time | What |\n|---|---|\n| 12:00 UTC | pinged vendor |\n"  # (a table row: a record)
        "### Oct 9, 2025\n"
        "- 08:00 UTC OPS-1 and OPS-2 down\n- 08:10 UTC escalated to my manager\n"  # (two tickets: no thread)
    )
    logs = parse_log(text, "d.md")
    ev = with_threads(logs.events)
    assert ev[["line", "kind", "tickets", "via"]].values.tolist() == [
        [3, "escalation", [], "text"], [4, "note", ["DEPLOY-147"], "text"], [5, "note", [], "text"],
        [6, "follow_up", [], "text"], [9, "follow_up", [], "text"],
        [11, "note", ["OPS-1", "OPS-2"], "text"], [12, "escalation", [], "text"],
    ]
    assert timeline.escalations(logs, "DEPLOY-147")["line"].tolist() == [4]


def test_a_hand_made_events_table_has_no_threads() -> None:
    ev = pd.DataFrame({"source": ["a"], "line": [1], "tickets": [[]], "kind": ["follow_up"],
                       "at": [utc("2025-10-09 10:00")]})
    assert threads(ev).tolist() == [[]]
    assert with_threads(ev)["via"].tolist() == ["text"]


def test_the_reports_timeline_table_says_which_steps_were_inferred() -> None:
    from occ_lib.weekly import timeline_table

    tl = timeline.escalations(parse_log(ONCALL, "rel.md"), "INC-5001")
    assert timeline_table(tl)[["kind", "where"]].values.tolist() == [
        ["note", "rel.md:6"], ["acknowledged", "rel.md:6"], ["follow_up", "rel.md:7 (thread)"],
        ["escalation", "rel.md:8 (thread)"], ["escalation", "rel.md:9 (thread)"], ["resolved", "rel.md:10"],
    ]
