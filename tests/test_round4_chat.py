"""Round 4 (td52, td53): pasted chat and mail structure, quotes and callouts, secrets in prose."""

from __future__ import annotations

import pandas as pd
import pytest

from occ_lib import _extract as ex
from occ_lib.logs import parse_log
from occ_lib.redact import redact_text


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def rows(frame: pd.DataFrame, *cols: str) -> list[list]:
    return [[list(v) if isinstance(v, list) else v for v in r] for r in frame[list(cols)].values.tolist()]


# --- secrets: a password holds symbols; 'for the vendor portal:'; Dataview's 'password::' -------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("PAY-412 the password is Summer#2025! (rotate after)", "PAY-412 the password is *** (rotate after)"),
        ("PAY-412 the db password is Tr0ub4dor&3", "PAY-412 the db password is ***"),
        ("PAY-412 password for the vendor portal: Vend0r!Pass",
         "PAY-412 password for the vendor portal: ***"),
        ("the wifi password is P@ssword", "the wifi password is ***"),
        # (words joined by a hyphen, the next capitalised, as a passphrase is written: round 21 masks it)
        ("the password is Correct-Horse!", "the password is ***"),
        # Dataview's inline fields
        ("OPS-1 rotated staging DB creds password:: Tr0ub4dor&3 📅 2025-10-10",
         "OPS-1 rotated staging DB creds password:: *** 📅 2025-10-10"),
        ("OPS-3 break-glass secret:: hunter2hunter2", "OPS-3 break-glass secret:: ***"),
        ("OPS-5 CI token:: glx_9aF3kLm2Qp7Zt8Wv", "OPS-5 CI token:: ***"),
        ("(db_password:: Hunter2pg) [api_key:: abc123xyz9]", "(db_password:: ***) [api_key:: ***]"),
        # ... and what is no password stays: prose, tickets, dates, versions, several words without a colon
        ("password is expired!", "password is expired!"),
        ("the password is case-sensitive!", "the password is case-sensitive!"),
        ("the password for the team portal expired yesterday",
         "the password for the team portal expired yesterday"),
        ("password for the portal: rotated", "password for the portal: rotated"),
        ("password is 2025-10-10! and secret:: OPS-12 and token:: v1.2.3", "password is 2025-10-10! and "
         "secret:: OPS-12 and token:: v1.2.3"),
        ("password: ******** (masked in the UI)", "password: ******** (masked in the UI)"),
        ("token abc123def! (a token stops at the '!')", "token ***! (a token stops at the '!')"),
    ],
)
def test_passwords_with_symbols_and_dataview_fields_are_masked(text, expected):
    assert redact_text(text) == expected
    assert ex.redact(text) == expected


def test_no_password_or_dataview_secret_reaches_events_or_deadlines():
    text = (
        "# Ops log\n\n## 2025-10-09\n\n"
        "Sam Lee  3:04 PM\nPAY-412 the password is Summer#2025! (rotate after)\n"
        "Sam Lee  3:06 PM\nPAY-412 password for the vendor portal: Vend0r!Pass\n\n"
        "- [x] OPS-1 rotated staging DB creds password:: Tr0ub4dor&3 📅 2025-10-10 ✅ 2025-10-09\n"
        "- [x] OPS-3 break-glass secret:: hunter2hunter2\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.events["text"].tolist() == [
        "Sam Lee  3:04 PM PAY-412 the password is *** (rotate after)",
        "Sam Lee  3:06 PM PAY-412 password for the vendor portal: ***",
        "OPS-1 rotated staging DB creds password:: *** 📅 2025-10-10 ✅ 2025-10-09",
        "OPS-3 break-glass secret:: ***",
    ]
    assert logs.deadlines["text"].tolist() == [
        "OPS-1 rotated staging DB creds password:: *** 📅 2025-10-10 ✅ 2025-10-09"]


# --- chat heads: a name that starts with an accent, Slack's pronouns, Teams' 'Yesterday' ----------------


def test_slack_heads_with_pronouns_or_an_accented_name_open_their_own_message():
    text = (
        "# Ops log\nAll times in ET.\n\n## 2025-10-09\n\nSam Lee  3:10 PM\nPAY-412 paged on-call\n"
        "Priya Raman (she/her)  3:15 PM\nPAY-412 acked\nÉmilie Durand  3:20 PM\nPAY-412 resolved\n"
    )
    ev = parse_log(text, "x.md").events
    assert rows(ev, "line", "at", "kind", "level", "tickets", "item") == [
        [6, ts("2025-10-09 19:10"), "escalation", 1, ["PAY-412"], "line"],
        [8, ts("2025-10-09 19:15"), "acknowledged", 0, ["PAY-412"], "line"],
        [10, ts("2025-10-09 19:20"), "resolved", 0, ["PAY-412"], "line"],
    ]


def test_teams_heads_stamped_yesterday_open_their_own_message():
    text = (
        "# Ops log\nAll times in ET.\n\n## 2025-10-10\n\n[Yesterday 3:04 PM] Sam Lee\nPAY-412 errors again\n"
        "[Yesterday 11:50 PM] Priya Raman\nPAY-412 acked\n"
    )
    ev = parse_log(text, "x.md").events
    assert rows(ev, "line", "at", "kind", "item", "text") == [
        [6, ts("2025-10-09 19:04"), "note", "line", "[Yesterday 3:04 PM] Sam Lee PAY-412 errors again"],
        [8, ts("2025-10-10 03:50"), "acknowledged", "line", "[Yesterday 11:50 PM] Priya Raman PAY-412 acked"],
    ]


def test_slack_day_dividers_date_the_messages_under_them():
    text = (
        "# Ops log\nAll times in ET.\n\n## Fri Oct 10, 2025\n\nPasted from Slack:\n\n"
        "Yesterday\nSam Lee  4:10 PM\nPAY-70 alerts firing\nToday\nPriya Raman  9:02 AM\nPAY-70 resolved\n\n"
        "Sam Lee  Yesterday at 5:15 PM\nPAY-71 paged on-call\n"
    )
    logs = parse_log(text, "x.md")
    assert rows(logs.events, "line", "at", "kind", "item", "text") == [
        [9, ts("2025-10-09 20:10"), "note", "line", "Sam Lee  4:10 PM PAY-70 alerts firing"],
        [12, ts("2025-10-10 13:02"), "resolved", "line", "Priya Raman  9:02 AM PAY-70 resolved"],
        [15, ts("2025-10-09 21:15"), "escalation", "line",
         "Sam Lee  Yesterday at 5:15 PM PAY-71 paged on-call"],
    ]
    assert logs.sections["heading"].tolist() == ["Fri Oct 10, 2025"]  # (a divider is no section)
    # a 'Today' line over no message is prose, as before
    ev = parse_log("## 2025-10-10\n\nToday\nwe shipped OPS-5, resolved\n", "x.md").events
    assert rows(ev, "at", "kind", "text") == [
        [ts("2025-10-10"), "resolved", "Today we shipped OPS-5, resolved"]]


def test_lines_of_a_chat_message_that_look_like_fields_are_its_text():
    text = (
        "# Ops log\n\n## 2025-10-09\n\nSam Lee  9:30 AM\nUpdate on the checkout errors:\n"
        "Root cause: expired cert on PAY-412\nStatus: resolved\n\n"
        "**Anna Schmidt** (Agent) — Oct 9, 2025, 09:15 (CEST)\nHello, we have escalated your request.\n"
        "Ticket: HS-44721\n"
    )
    ev = parse_log(text, "x.md").events
    assert rows(ev, "line", "at", "kind", "level", "tickets") == [
        [5, ts("2025-10-09 09:30"), "resolved", 0, ["PAY-412"]],
        [10, ts("2025-10-09 07:15"), "escalation", 1, ["HS-44721"]],
    ]
    assert ev["text"].tolist()[0] == (
        "Sam Lee  9:30 AM Update on the checkout errors: Root cause: expired cert on PAY-412 "
        "Status: resolved")
    # a field line that names a time is a report's header line of its own, not more of the message
    text = "## 2025-10-10\n\n14:05 UTC Incident declared\nSeverity: SEV-2\nStatus: Resolved 15:10 UTC\n"
    ev = parse_log(text, "x.md").events
    assert rows(ev, "line", "at", "kind", "text") == [
        [3, ts("2025-10-10 14:05"), "note", "14:05 UTC Incident declared Severity: SEV-2"],
        [5, ts("2025-10-10 15:10"), "resolved", "Status: Resolved 15:10 UTC"],
    ]


# --- quotes: a quote right after a paragraph, a message or a list item is no part of it ----------------


def test_a_quote_right_after_a_paragraph_or_a_message_is_not_joined_to_it():
    text = (
        "# Ops log\nAll times in ET.\n\n## 2025-10-10\n\nThanks, rolling the cert now.\n"
        "On Thu, Oct 9, 2025 at 1:15 PM Sam Lee <sam@example.com> wrote:\n"
        "> Escalated OPS-881 to our CTO. Can you rotate it by 5pm?\n\n"
        "Sam Lee  3:25 PM\n> we escalated PAY-412 to the VP yesterday\nnope, that was PAY-411\n"
    )
    logs = parse_log(text, "x.md")
    # (round 15: the quoted message under its 'On ... wrote:' head is no part of the paragraph above,
    # and, written nowhere else in the log, counts at the time it was sent; the quote under the chat
    # message has no head: it stays out, and the message's text goes on after it)
    assert rows(logs.events, "line", "at", "kind", "level", "tickets", "text") == [
        [8, ts("2025-10-09 17:15"), "escalation", 3, ["OPS-881"],
         "Escalated OPS-881 to our CTO. Can you rotate it by 5pm?"],
        [10, ts("2025-10-10 19:25"), "note", 0, ["PAY-411"], "Sam Lee  3:25 PM nope, that was PAY-411"],
    ]
    assert rows(logs.deadlines, "line", "due_at", "keyword", "tickets") == [
        [8, ts("2025-10-09 21:00"), "by", ["OPS-881"]],
    ]


def test_a_quote_right_after_a_list_item_is_not_joined_to_it():
    text = (
        "## 2025-10-09\n\n- 10:05 UTC OPS-601 rollout started\n"
        "> 10:10 UTC OPS-602 pasted from #alerts: escalated to the CTO\n"
        "- 10:20 UTC OPS-603 deployed\n> OPS-604 escalated to the CTO\n  canary at 5%\n"
    )
    ev = parse_log(text, "x.md").events
    # (a quoted line that opens with its time is an item, as one after a blank line is)
    assert rows(ev, "line", "at", "kind", "level", "tickets", "text") == [
        [3, ts("2025-10-09 10:05"), "note", 0, ["OPS-601"], "10:05 UTC OPS-601 rollout started"],
        [4, ts("2025-10-09 10:10"), "escalation", 3, ["OPS-602"],
         "10:10 UTC OPS-602 pasted from #alerts: escalated to the CTO"],
        [5, ts("2025-10-09 10:20"), "note", 0, ["OPS-603"], "10:20 UTC OPS-603 deployed canary at 5%"],
    ]


def test_a_line_saying_who_wrote_a_quote_is_the_quotes_only_before_one():
    text = (
        "## 2025-10-10\n\nThanks.\n\nOn Thu, Oct 9, 2025 at 1:15 PM Sam Lee <sam@example.com> wrote:\n\n"
        "> Escalated OPS-881 to our CTO, rotate by 5pm\n"
    )
    logs = parse_log(text, "x.md")
    # (round 15: the head is no event of its own; it times the quoted message, which counts: the log
    # holds it nowhere else; '1:15 PM' without zone in a log that declares none is a problem, as a
    # pasted 'Sent:' line's is)
    assert rows(logs.events, "line", "at", "kind", "level", "tickets") == [
        [7, ts("2025-10-09 13:15"), "escalation", 3, ["OPS-881"]],
    ]
    assert rows(logs.deadlines, "line", "due_at", "keyword") == [[7, ts("2025-10-09 17:00"), "by"]]
    assert logs.problems[["line", "reason"]].values.tolist() == [
        [5, "time without zone in a pasted email header, read as UTC"],
    ]
    # without a quote under it, such a line is the writer's own
    text = "## 2025-10-10\n\nOn Thu, Oct 9, 2025 at 1:15 PM Sam wrote:\nOPS-7 escalated to the CTO\n"
    ev = parse_log(text, "x.md").events
    assert rows(ev, "line", "kind", "level", "tickets") == [[3, "escalation", 3, ["OPS-7"]]]


def test_obsidian_callouts_are_the_authors_words_not_a_quote():
    text = (
        "# Ops daily\n## 2025-10-09\n\n> [!warning] Blocked\n"
        "> OPS-802 waiting on vendor creds, ETA 2025-10-10 12:00 UTC\n\n"
        "> [!warning] OPS-803 blocked on vendor creds, ETA 2025-10-10 12:00 UTC\n\n"
        "> [!todo] Today\n> - [ ] OPS-804 rotate keys 📅 2025-10-10\n\n"
        "> [!quote] Sam, last week\n> we escalated OPS-805 to the CTO\n"
    )
    logs = parse_log(text, "x.md")
    assert rows(logs.events, "line", "at", "kind", "tickets", "item", "text") == [
        [4, ts("2025-10-09"), "blocked", ["OPS-802"], "paragraph",
         "Blocked OPS-802 waiting on vendor creds, ETA 2025-10-10 12:00 UTC"],
        [7, ts("2025-10-09"), "blocked", ["OPS-803"], "paragraph",
         "OPS-803 blocked on vendor creds, ETA 2025-10-10 12:00 UTC"],
        [10, ts("2025-10-09"), "deadline", ["OPS-804"], "list", "OPS-804 rotate keys 📅 2025-10-10"],
    ]
    assert rows(logs.deadlines, "line", "due_at", "keyword", "tickets") == [
        [4, ts("2025-10-10 12:00"), "ETA", ["OPS-802"]], [7, ts("2025-10-10 12:00"), "ETA", ["OPS-803"]],
        [10, ts("2025-10-10"), "due", ["OPS-804"]],
    ]


# --- pasted mail: the original message's 'Sent:' dates its body; the subject's ticket ------------------


def test_an_outlook_original_message_is_on_the_day_it_was_sent():
    text = (
        "# Ops log\nAll times in ET.\n\n## 2025-10-10\n\nOn it, thanks.\n\n-----Original Message-----\n"
        "From: Alex Kim <alex.kim@vendor.com>\nSent: Wednesday, October 8, 2025 4:12 PM\n"
        "Subject: RE: OPS-881 cert rotation\n\n"
        "We escalated OPS-881 to our VP of Engineering and will rotate the cert by EOD.\n\n"
        "No ticket here, blocked.\n"
    )
    logs = parse_log(text, "x.md")
    assert rows(logs.events, "line", "at", "at_precision", "kind", "level", "tickets") == [
        [6, ts("2025-10-10"), "day", "acknowledged", 0, []],  # ('On it, thanks.': round 12)
        [10, ts("2025-10-08 20:12"), "minute", "note", 0, []],
        [13, ts("2025-10-08"), "day", "escalation", 3, ["OPS-881"]],
        [15, ts("2025-10-08"), "day", "blocked", 0, ["OPS-881"]],
    ]
    assert rows(logs.deadlines, "line", "due_at", "keyword") == [[13, ts("2025-10-08"), "by"]]
    # a 'From:' and a 'Date:' that are no mail's (no address) date nothing
    text = "## 2025-10-10\n\nFrom: Change board\nDate: 2025-10-03\n\n- approved CHG-1 deploy\n"
    assert parse_log(text, "x.md").events["at"].tolist()[-1] == ts("2025-10-10")


def test_the_ticket_of_a_mails_subject_is_the_bodys():
    text = (
        "From: Priya Raman <priya@example.com>\nSent: Friday, October 10, 2025 9:12 AM\n"
        "Subject: RE: OPS-881 cert rotation\n\nLooping in Dana (my manager) on this.\n"
    )
    logs = parse_log(text, "mail.txt")
    assert logs.docs["title"].tolist() == ["OPS-881 cert rotation"]
    assert rows(logs.events, "line", "at", "kind", "level", "tickets") == [
        [2, ts("2025-10-10 09:12"), "note", 0, []],
        [5, ts("2025-10-10"), "escalation", 2, ["OPS-881"]],
    ]
    # as a title's, for the sections under it too
    text = "---\ndate: 2025-10-10\n---\nSubject: OPS-11 rollout\n\n## Notes\n- escalated to manager\n"
    assert parse_log(text, "x.md").events["tickets"].tolist() == [["OPS-11"]]


# --- Obsidian Tasks: the done date is a done task's time --------------------------------------------------


def test_the_done_date_wins_over_a_created_start_or_scheduled_date():
    text = (
        "# Tasks\n## 2025-10-13\n"
        "- [x] Renew wildcard cert OPS-401 ➕ 2025-10-06 📅 2025-10-08 ✅ 2025-10-10\n"
        "- [x] OPS-402 ⏳ 2025-10-07 🛫 2025-10-06 ✅ 2025-10-09\n- [ ] OPS-403 ➕ 2025-10-06 📅 2025-10-20\n"
    )
    logs = parse_log(text, "x.md")
    assert rows(logs.events, "line", "at", "at_precision", "kind") == [
        [3, ts("2025-10-10"), "day", "resolved"], [4, ts("2025-10-09"), "day", "resolved"],
        [5, ts("2025-10-06"), "day", "deadline"],
    ]
    assert rows(logs.deadlines, "line", "due_at") == [[3, ts("2025-10-08")], [5, ts("2025-10-20")]]


def test_a_short_password_after_its_name_is_masked_but_no_ordinary_word():
    from occ_lib.redact import redact_text

    assert [redact_text(t) for t in (
        "the root password is hunter2", "password for db-3: xy12ab", "password is expired!",
        "password reset done for OPS-12", "password: abc", "password is 2025-10-10",
    )] == [
        "the root password is ***", "password for db-3: ***", "password is expired!",
        "password reset done for OPS-12", "password: abc", "password is 2025-10-10",
    ]
