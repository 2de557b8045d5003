"""Round 16, PERF: duplicated parse-time work removed with the output unchanged (each shortcut's path is
pinned here on inputs that go through it; every expected value is what the tree before the change gave)."""

from __future__ import annotations

import pandas as pd

from occ_lib._extract import _first_of
from occ_lib.logs import _MOVE_STEMS, _moves_something, parse_log
from occ_lib.redact import _SECRET_INSIDE, _strong_password, is_secret_part_name, redact_lines, redact_text
from tests.log_rows import deadline_cells, event_rows

# _items searches _SINCE_TIME only for a mention whose reading it can change (the item's time so far is
# none, a date alone, or one written after 'since')
SINCE = (
    "## 2025-10-08\n"
    "- no reply from vendor since Thu 17:45; reminder sent 09:00 UTC\n"
    "- 08:00 UTC down since 07:12, recovered 07:40 UTC\n"
    "- Oct 7 note, no update since 11:00, pinged 13:00 UTC, again 14:00 UTC\n"
    "- 10:00 UTC waiting on vendor since 08:00; pinged 09:00\n"
)


def test_since_time_searched_lazily() -> None:
    assert event_rows(SINCE) == [
        # (17:45 is an earlier message's: the item's time is 09:00)
        [2, "10-08 09:00", "follow_up", 1, [],
         "no reply from vendor since Thu 17:45; reminder sent 09:00 UTC"],
        [3, "10-08 08:00", "resolved", 0, [], "08:00 UTC down since 07:12, recovered 07:40 UTC"],
        [4, "10-07 13:00", "follow_up", 1, [],
         "Oct 7 note, no update since 11:00, pinged 13:00 UTC, again 14:00 UTC"],
        [5, "10-08 10:00", "follow_up", 1, [], "10:00 UTC waiting on vendor since 08:00; pinged 09:00"],
    ]
    assert deadline_cells(SINCE) == []


# a pasted mail's 'Sent:' line at the document's top is read once for the mail's day and the header's
MAIL = (
    "From: Alex Kim <alex@vendor.com>\n\nSent: Wednesday, October 8, 2025 4:12 PM\n\n"
    "Subject: OPS-881 follow-up\n\nOPS-881 patched at 16:30 UTC.\n"
)


def test_mail_sent_line_read_once() -> None:
    assert event_rows(MAIL) == [
        [3, "10-08 16:12", "note", 0, [], "Sent: Wednesday, October 8, 2025 4:12 PM"],
        [7, "10-08 16:30", "note", 0, ["OPS-881"], "OPS-881 patched at 16:30 UTC."],
    ]


# _lead hands its clause starts to _told_after_opened
LEAD = (
    "## 2025-10-08\n- Incident INC-2 opened, OPS-1 slow. ETA 15:00 UTC\n"
    "- SUP-4410 update: rollback done, incident INC-7301 opened. ETA 17:00 UTC\n"
    "- Incident INC-3 opened for OPS-7. ETA 18:00 UTC\n"
)


def test_lead_clause_starts_built_once() -> None:
    dl = parse_log(LEAD, "x.md").deadlines
    assert [list(t) for t in dl["tickets"]] == [["OPS-1"], ["INC-7301"], ["OPS-7"]]
    assert deadline_cells(LEAD) == [
        [2, pd.Timestamp("2025-10-08 15:00", tz="UTC"), "minute", "ETA", False],
        [3, pd.Timestamp("2025-10-08 17:00", tz="UTC"), "minute", "ETA", False],
        [4, pd.Timestamp("2025-10-08 18:00", tz="UTC"), "minute", "ETA", False],
    ]


def test_pass_sign_searched_once() -> None:
    cases = {
        "pass Build-2024": "pass Build-2024",  # (a symbol only inside a word of one case each: stays)
        "pass Hunter22x": "pass ***",
        "pass hunter22x!": "pass hunter22x!",
        "pass Tr0ub4dor&3": "pass ***",
        "pass abcdefgh": "pass abcdefgh",
        "pass ABC123def": "pass ***",
        "pass abc123def": "pass abc123def",
        "pass 12345678": "pass 12345678",
        "ssh pass Xy9#ab": "ssh pass ***",
        "login pass Build-2024 ok": "login pass Build-2024 ok",
    }
    assert {s: redact_text(s) for s in cases} == cases
    # (the caller's answer is used as given; without one the sign is searched)
    assert [_strong_password("abc12def", True), _strong_password("abc12def", False),
            _strong_password("abc1#def"), _strong_password("abc12def")] == [True, False, True, False]


def test_redact_lines_asks_aws_hint_once() -> None:
    lines = ["- key id AKIAABCDEFGHIJKLMNOP", "- region us-east-1",
             "- wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "", "- note ok"]
    assert redact_lines(lines, "\n".join(lines)) == [
        "- key id AKIAABCDEFGHIJKLMNOP", "- region us-east-1", "- ***", "", "- note ok"]
    lines = ["- secret rotated", "- wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"]
    assert redact_lines(lines, "\n".join(lines)) == ["- secret rotated", "- ***"]
    lines = ["- plain a/b", "- wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"]
    assert redact_lines(lines, "\n".join(lines)) == lines


def test_inline_word_tests_are_the_tuples() -> None:
    # _moves_something tests each of _MOVE_STEMS inline
    assert _MOVE_STEMS == (
        "slip", "move", "push", "shift", "delay", "postpon", "reschedul", "bump", "defer", "extend")
    assert [_moves_something(f"OPS-1 {w.upper()}ED x") for w in _MOVE_STEMS] == [True] * 10
    assert [_moves_something(t) for t in ("OPS-1 fixed", "mov", "slid", "")] == [False] * 4
    # is_secret_part_name tests each of _SECRET_INSIDE inline
    assert _SECRET_INSIDE == ("password", "passwd", "secret", "token", "apikey", "credential")
    assert [is_secret_part_name(f"X{w.upper()}Z") for w in _SECRET_INSIDE] == [True] * 6
    assert [is_secret_part_name(n) for n in (
        "PGPASSWORD", "mypasswd", "MYSECRET", "gh_token", "XAPIKEY", "db_credential", "status_code",
        "passed", "signal", "session_timeout")] == [True] * 6 + [False] * 4


def test_first_of_stops_at_the_first_found() -> None:
    assert _first_of("abcd", ("cd", "bcd")) == 1  # (a later word opening before, ending after)
    assert _first_of("abcd", ("bcd", "cd")) == 1
    assert _first_of("b a c a", ("c", "a", "b")) == 0
    assert _first_of("xa ya", ("ya", "xa", "zz")) == 0
    assert _first_of("xa ya", ("zz",)) == -1
    assert _first_of("aaaa", ("aa", "aaa", "")) == 0
    assert _first_of("xyz", ("z", "")) == 0
    assert _first_of("", ("a",)) == -1
