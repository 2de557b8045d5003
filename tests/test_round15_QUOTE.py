"""Round 15 (QUOTE): a pasted mail's quoted messages count once, each timed by its own head.

A reply keeps the earlier messages as '>' quotes under 'On <date> at <time>, X wrote:' (or an Outlook
'From:'/'Sent:'/'Subject:' block inside the quote). A quoted message the log holds nowhere else is read
as the message it is, at the time its head says it was sent (nested '>>' quotes by their own heads); one
the log already holds (the original pasted, or the same quote in an earlier reply) is not read again.
A quote without a head still repeats an earlier message (no part of the log's own record).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from occ_lib import _markdown
from occ_lib.logs import parse_log
from tests.log_rows import deadline_rows, event_rows, sla_deadline_rows

FIXTURE = Path(__file__).parent / "fixtures" / "round14" / "c_vendor_thread.md"
UNZONED = "time without zone in a pasted email header, read as UTC"


def _events(text: str) -> list[list]:
    """``[line, 'MM-DD HH:MM', precision, kind, level, tickets]`` of each event."""
    ev = parse_log(text, "x.md").events
    return [
        [line, None if pd.isna(at) else at.strftime("%m-%d %H:%M"), None if pd.isna(p) else p, kind, level,
         list(t)]
        for line, at, p, kind, level, t in zip(
            ev["line"], ev["at"], ev["at_precision"], ev["kind"], ev["level"], ev["tickets"], strict=True
        )
    ]


def test_the_vendor_threads_quoted_messages_count_at_the_time_their_heads_say():
    text = FIXTURE.read_text(encoding="utf-8")
    logs = parse_log(text, "x.md")
    assert _events(text) == [
        [3, None, None, "note", 0, ["OPS-9120"]],
        [11, "10-08 00:00", "day", "deadline", 0, ["VND-4412"]],
        # 'On Wed, Oct 8, 2025 at 4:12 PM, Jane ... wrote:' > 'We have escalated this ... Next update by
        # 6:00 PM PT today.': at the time it was sent (no zone: the log's, UTC, said as a problem)
        [21, "10-08 16:12", "minute", "escalation", 1, ["VND-4412"]],
        # '> On Wed, Oct 8, 2025 at 1:03 PM, Tom ... wrote:' > '>> ... since 09:30 ET. This is blocking
        # OPS-9120. ... we need an ETA by end of day.': its own time (09:30 ET) is when
        [24, "10-08 13:30", "minute", "blocked", 0, ["OPS-9120"]],
        [33, "10-09 11:47", "minute", "note", 0, ["VND-4412"]],
        [40, "10-09 00:00", "day", "deadline", 0, ["VND-4412"]],
        [44, "10-09 16:05", "minute", "escalation", 3, ["VND-4412"]],
        [45, "10-09 16:30", "minute", "note", 0, ["VND-4412"]],
        # '> **From:** ... > **Sent:** Friday, October 10, 2025 8:15 AM > **Subject:** RE: [VND-4412]
        # workaround' > '> We can offer a workaround ... Please confirm by 10:00 AM PT.'
        [53, "10-10 08:15", "minute", "deadline", 0, ["VND-4412"]],
        [55, "10-10 15:40", "minute", "resolved", 0, ["OPS-9120"]],
        [56, "10-10 18:00", "minute", "blocked", 0, ["OPS-9120"]],
        [63, "10-13 20:20", "minute", "resolved", 0, ["OPS-9120"]],
        [63, "10-13 21:02", "minute", "resolved", 0, ["VND-4412"]],
    ]
    assert deadline_rows(logs.deadlines) == [
        [11, ["VND-4412"], "10-10 16:00", "by", False],
        [21, ["VND-4412"], "10-09 01:00", "update", False],  # (6:00 PM PDT on Oct 8, the head's day)
        [24, ["OPS-9120"], "10-08 00:00", "by", False],  # (end of Oct 8: day precision)
        [40, ["VND-4412"], "10-13 19:00", "ETA", False],
        [44, ["VND-4412"], "10-03 00:00", "ETA", True],
        [53, ["VND-4412"], "10-10 17:00", "by", False],
    ]
    assert logs.deadlines["due_precision"].tolist() == ["minute", "minute", "day", "minute", "day", "minute"]
    # each zone-less head in a log that declares no zone is said, on its line ('Sent:'s for Outlook's)
    assert logs.problems[["line", "token", "reason"]].values.tolist() == [
        [20, "On Wed, Oct 8, 2025 at 4:12 PM, Jane <jane@vendor.com> wrote:", UNZONED],
        [23, "On Wed, Oct 8, 2025 at 1:03 PM, Tom Ops <tom@ourco.com> wrote:", UNZONED],
        [33, "Sent: Thursday, October 9, 2025 11:47 AM", UNZONED],
        [50, "**Sent:** Friday, October 10, 2025 8:15 AM", UNZONED],
        [60, "On Mon, Oct 13, 2025 at 11:58 AM, Jane <jane@vendor.com> wrote:", UNZONED],
    ]
    # the SLA table judges the quoted promises as any other
    assert sla_deadline_rows(logs) == [
        [24, "OPS-9120", "10-09 00:00", "missed"],
        [21, "VND-4412", "10-09 01:00", "missed"],
        [11, "VND-4412", "10-10 16:00", "superseded"],
        [53, "VND-4412", "10-10 17:00", "missed"],
        [40, "VND-4412", "10-13 19:00", "open"],
    ]


def test_a_quoted_message_the_log_holds_is_read_once_where_it_was_first_written():
    message = "We escalated OPS-77 to engineering. Next update by 6:00 PM today."
    text = (
        "# Vendor thread\nAll times in ET.\n\n## 2025-10-08\n\n"
        f"Jane Doe  4:12 PM\n{message}\n\n## 2025-10-09\n\nThanks Jane, any news?\n\n"
        f"On Wed, Oct 8, 2025 at 4:12 PM, Jane <jane@vendor.com> wrote:\n> {message}\n"
    )
    assert event_rows(text) == [
        [6, "10-08 20:12", "escalation", 1, ["OPS-77"], f"Jane Doe  4:12 PM {message}"],
    ]
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [
        [6, ["OPS-77"], "10-08 22:00", "update", False],
    ]
    # the original pasted after the reply is the one read, too (wrapped otherwise: the same words)
    text = (
        "# Vendor thread\nAll times in ET.\n\n## 2025-10-09\n\nThanks Jane, any news?\n\n"
        "On Wed, Oct 8, 2025 at 4:12 PM, Jane <jane@vendor.com> wrote:\n> We escalated OPS-77 to\n"
        "> engineering. Next update by 6:00 PM today.\n\n## 2025-10-08\n\n- 16:12 Jane: " + message + "\n"
    )
    assert event_rows(text) == [[14, "10-08 20:12", "escalation", 1, ["OPS-77"], f"16:12 Jane: {message}"]]


def test_the_same_quote_in_two_replies_counts_once_and_a_nested_one_by_its_own_head():
    text = (
        "# Vendor thread\nAll times in ET.\n\n## 2025-10-10\n\nReply one.\n\n"
        "On Wed, Oct 8, 2025 at 4:12 PM, Jane <jane@vendor.com> wrote:\n"
        "> We escalated OPS-77 to engineering. Next update by 6:00 PM today.\n\nReply two, later.\n\n"
        "On Thu, Oct 9, 2025 at 9:00 AM, Tom <tom@ourco.com> wrote:\n"
        "> Any news on OPS-77? We need an ETA by noon.\n>\n"
        "> On Wed, Oct 8, 2025 at 4:12 PM, Jane <jane@vendor.com> wrote:\n"
        ">> We escalated OPS-77 to engineering. Next update by 6:00 PM today.\n"
    )
    logs = parse_log(text, "x.md")
    assert event_rows(text) == [
        [9, "10-08 20:12", "escalation", 1, ["OPS-77"],
         "We escalated OPS-77 to engineering. Next update by 6:00 PM today."],
        # (Tom's message is on Oct 9, the day its head says, not the section's: 'by noon' is Oct 9's)
        [14, "10-09 13:00", "deadline", 0, ["OPS-77"], "Any news on OPS-77? We need an ETA by noon."],
    ]
    assert deadline_rows(logs.deadlines) == [
        [9, ["OPS-77"], "10-08 22:00", "update", False], [14, ["OPS-77"], "10-09 16:00", "by", False],
    ]
    assert logs.problems.empty  # (the log declares its zone: the heads' times are ET, no problem)


def test_an_outlook_head_in_a_quote_times_its_message_and_names_its_tickets_no_secret_kept():
    text = (
        "---\ntz: America/New_York\n---\n# Cert rotation\n\n## 2025-10-13\n\nDone, thanks.\n\n"
        "> -----Original Message-----\n> From: Alex Kim <alex.kim@vendor.com>\n"
        "> Sent: Friday, October 10, 2025 4:12 PM\n> To: Ops <ops@ourco.com>\n"
        "> Subject: RE: OPS-881 cert rotation\n>\n"
        "> We escalated this to our VP of Engineering. We will rotate the cert by EOD Monday, see\n"
        "> https://portal.vendor.com/login?token=s3cr3tT0kenValue123 for status.\n"
    )
    logs = parse_log(text, "x.md")
    assert _events(text) == [
        [8, "10-13 00:00", "day", "resolved", 0, []],
        [16, "10-10 20:12", "minute", "escalation", 3, ["OPS-881"]],
    ]
    assert deadline_rows(logs.deadlines) == [[16, ["OPS-881"], "10-13 00:00", "by", False]]
    assert logs.deadlines["due_precision"].tolist() == ["day"]
    assert "s3cr3tT0kenValue123" not in logs.events["text"].iloc[1]
    assert "s3cr3tT0kenValue123" not in repr(logs.events.to_dict()) + repr(logs.deadlines.to_dict())
    assert logs.problems.empty


def test_a_head_timed_in_a_zone_puts_its_message_in_it_and_the_quote_ends_with_its_marks():
    text = (
        "## 2025-10-10\n\nMy reply at top.\n\n"
        "> On Thu, Oct 9, 2025 at 2:00 PM PDT, Sam <sam@x.com> wrote:\n"
        "> OPS-5 escalated to the CTO, ETA 18:00 today.\nOPS-6 resolved too, no part of the quote.\n"
    )
    logs = parse_log(text, "x.md")
    # (a client that quotes the head flat, at the message's own level; 'ETA 18:00' is Sam's 18:00 PDT)
    assert event_rows(text) == [
        [6, "10-09 21:00", "escalation", 3, ["OPS-5"], "OPS-5 escalated to the CTO, ETA 18:00 today."],
        [7, "10-10 00:00", "resolved", 0, ["OPS-6"], "OPS-6 resolved too, no part of the quote."],
    ]
    assert deadline_rows(logs.deadlines) == [[6, ["OPS-5"], "10-10 01:00", "ETA", False]]
    assert logs.problems.empty


def test_a_quote_without_a_head_still_repeats_an_earlier_message_and_callouts_are_the_authors():
    text = (
        "# Thread\nAll times in ET.\n\n## 2025-10-10\n\n"
        "On Thu, Oct 9, 2025 at 9:00 AM, Tom <tom@ourco.com> wrote:\n> OPS-40 still down.\n"
        ">> OPS-41 escalated to the CTO.\n>\n> - OPS-42 blocked on vendor\n>\n> 10:15 ET OPS-43 paged\n\n"
        "Sam Lee  3:25 PM\n> we escalated PAY-412 to the VP yesterday\nnope, that was PAY-411\n\n"
        "> [!warning] OPS-803 blocked on vendor creds\n"
    )
    assert _events(text) == [
        [7, "10-09 13:00", "minute", "note", 0, ["OPS-40"]],  # (Tom's, at 9:00 AM ET)
        # ('>> OPS-41 escalated', quoted deeper with no head of its own: no part of it)
        [10, "10-09 13:00", "minute", "blocked", 0, ["OPS-42"]],  # (a list item of Tom's message)
        [12, "10-09 14:15", "minute", "follow_up", 1, ["OPS-43"]],  # (its own time, on Tom's day)
        [14, "10-10 19:25", "minute", "note", 0, ["PAY-411"]],  # (the headless quote: out)
        [18, "10-10 00:00", "day", "blocked", 0, ["OPS-803"]],  # (a callout, read as before)
    ]


def test_a_log_without_a_quote_mark_is_read_without_the_quote_check():
    lines = [f"- {k % 24:02d}:00 OPS-{k + 1} deployed" for k in range(10_000)]
    it = _markdown.blocks(lines)
    # (no '>' in the text: the blocks come straight from the reader, no pass that checks quotes)
    assert it.gi_code is _markdown._blocks.__code__
    assert sum(1 for _ in it) == 10_000
    it = _markdown.blocks(["- 10:00 OPS-1 p95 -> 900ms", "- 11:00 OPS-2 a > b"])
    assert it.gi_code is _markdown._blocks.__code__  # (a '>' in a line, opening none)
    assert [b[3] for b in it] == ["10:00 OPS-1 p95 -> 900ms", "11:00 OPS-2 a > b"]
    it = _markdown.blocks(["- 10:00 OPS-1 deployed", "  > OPS-1 escalated to the CTO", "> 10:05 OPS-1 paged"])
    assert it.gi_code is _markdown._counted_once.__code__
    # (as before: a quote right after an item is no part of it, a quoted line that opens with its time is
    # an item; no head, no "q" block)
    assert [b[:4] for b in it] == [("i", 1, 0, "10:00 OPS-1 deployed"), ("l", 3, 0, "10:05 OPS-1 paged")]
