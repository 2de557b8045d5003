"""Round 16, SEC7 (follow-up of SEC6's findings):

- a token wrapped across lines inside a quoted ``'Authorization: Bearer ...'`` (a list item's
  continuation line, or the item's lines joined by a space): the second half leaked
  (``Bearer *** tok3456abcdef'``); the words up to the quote that closes the header are one
  credential now (``'Authorization: Bearer ***'``);
- a key/value table's password with spaces whose last word is digits alone
  (``| DB_PASSWORD | TBL pw 33 |``), as SEC5's spaced-phrase rule reads one in prose: masked
  (a count or a setting, ``min length 12``, stays);
- an English Outlook ``Sent:``/``Date:`` field on a 12-hour clock (``Sent: 10/9/2025 2:05 PM``)
  writes its slash date month first, in a day-first (CET) log too, as LEFT2 did for ``On ...
  wrote:`` heads.
"""

from __future__ import annotations

import time

import pytest

from occ_lib._extract import redact
from occ_lib.logs import parse_log
from occ_lib.redact import redact_text

try:
    from tests.log_rows import short_event_rows
    from tests.secret_rules import all_keep, all_show
except ImportError:  # (run from tests/)
    from log_rows import short_event_rows  # type: ignore[no-redef]
    from secret_rules import all_keep, all_show  # type: ignore[no-redef]

SHAPES = [
    ("`curl -H 'Authorization: Bearer WRAPcodeQ1 tok3456abcdefQ1'`",
     "`curl -H 'Authorization: Bearer ***'`", "tok3456abcdefQ1"),
    ("curl -H 'Authorization: Bearer WRAPcodeQ2\n  tok3456abcdefQ2'", "curl -H 'Authorization: Bearer ***'",
     "tok3456abcdefQ2"),
    ("curl -H 'Authorization: Bearer WRAPcodeQ3\ntok3456abcdefQ3' -H 'Accept: a b'",
     "curl -H 'Authorization: Bearer ***' -H 'Accept: a b'", "tok3456abcdefQ3"),
    ('curl -H "Proxy-Authorization: Basic dXNlcjpQ4 ZW5jb2RlZA==" -x p',
     'curl -H "Proxy-Authorization: Basic ***" -x p', "ZW5jb2RlZA=="),
    ("-H 'Authorization: ApiKey ab12cd34Q5\n  ef56gh78Q5'", "-H 'Authorization: ApiKey ***'", "ef56gh78Q5"),
    ("'Authorization: WRAPab12Q6 cd34efQ6'", "'Authorization: ***'", "cd34efQ6"),
    ("curl -H 'Authorization: Bearer a1b2c3d4 e5f6 g7h8 i9j0 k1l2Q7'", "curl -H 'Authorization: Bearer ***'",
     "k1l2Q7"),
    ("| DB_PASSWORD | TBL pw 33 |", "| DB_PASSWORD | *** |", "TBL pw 33"),
    ("| db password | blue monkey 42 |", "| db password | *** |", "blue monkey 42"),
    ("| Password | Hunter 2 |", "| Password | *** |", "Hunter 2"),
    ("pasted | DB_PASSWORD | TBL pw 34 |", "pasted | DB_PASSWORD | *** |", "TBL pw 34"),
]


IDS = [f"Q{i}" for i in range(1, 1 + len(SHAPES))]


@pytest.mark.parametrize(("text", "shown", "secret"), SHAPES, ids=IDS)
def test_a_shape_is_masked_in_every_text_rule(text, shown, secret):
    all_show(text, shown, secret)


@pytest.mark.parametrize("text", [
    "curl -H 'Authorization: Bearer <your token>'",
    "curl -H 'Authorization: Bearer ${TOKEN}'",
    "use the 'Authorization: Bearer' header",
    "'Authorization: Bearer ***' was sent",
    "| password | min length 12 |",
    "| password | rotated 3 |",
    "| password | every 90 |",
    "| password | expires in 90 |",
    "| password | 12 chars |",
    "| password | max age 90 |",
    "| DB_PASSWORD | ${DB_PASS} |",
    "| token | rotated | x |",
])
def test_prose_and_placeholders_stay(text):
    all_keep(text)


def test_a_quoted_header_of_prose_words_stays_in_the_log_rules():
    # (the evidence's stricter rule masks any word after 'Authorization:', as before)
    text = "the 'Authorization: pending legal review' row"
    assert (redact_text(text), redact(text)) == (text, text)


def test_a_wrapped_token_in_a_quoted_header_and_a_spaced_table_password_reach_no_output():
    doc = (
        "# Ops\n\nAll times UTC.\n\n### 2025-10-10\n\n"
        "- 09:04 OPS-4 `curl -H 'Authorization: Bearer WRAPCODEq1\n  tok3456abcdefQ1'`\n"
        "- 09:05 OPS-5 db creds\n\n"
        "| key | value |\n|---|---|\n| DB_PASSWORD | TBL pw 33 |\n| DB_USER | app |\n"
    )
    logs = parse_log(doc, "x.md")
    assert logs.events["text"].tolist() == [
        "09:04 OPS-4 `curl -H 'Authorization: Bearer ***'`", "09:05 OPS-5 db creds", "DB_PASSWORD | ***",
        "DB_USER | app",
    ]
    dump = "".join(getattr(logs, a).astype(str).to_csv() for a in ("events", "problems", "docs", "tables",
                                                                     "deadlines", "sections"))
    assert [s for s in ("WRAPCODEq1", "tok3456abcdefQ1", "TBL pw 33") if s in dump] == []


def test_the_quoted_header_rule_stays_linear_on_hostile_input():
    texts = ["'Authorization: a" + " " * 20000 + "b", "'Authorization: a" + " \n" * 10000 + "b",
             ("'Authorization: Bearer " + "a " * 3) * 5000, "'Authorization: " * 5000]
    t0 = time.perf_counter()
    for t in texts:
        redact_text(t)
        redact(t)
    assert time.perf_counter() - t0 < 2.0


# 3: an English Outlook field on a 12-hour clock ------------------------------------------------------------
BODY = "OPS-77 escalated to the vendor's manager"


def _quoted(head: str, zone: str = "CET") -> str:
    quoted = "".join("> " + line + "\n" for line in head.split("\n"))
    return f"# T\nAll times in {zone}.\n\n## 2025-10-13\n\nAny news?\n\n" + quoted + ">\n> " + BODY + "\n"


@pytest.mark.parametrize(
    ("head", "rows"),
    [
        ("From: Ana <a@x.com>\nSent: 10/9/2025 2:05 PM\nTo: ops\nSubject: OPS-77",
         [[13, "10-09 12:05", "escalation", 2, ["OPS-77"]]]),
        ("From: Ana <a@x.com>\nSent: 10/9/25 2:05 pm\nSubject: OPS-77",
         [[12, "10-09 12:05", "escalation", 2, ["OPS-77"]]]),
        ("From: Ana <a@x.com>\nDate: 10/9/2025 2:05 PM\nSubject: OPS-77",
         [[12, "10-09 12:05", "escalation", 2, ["OPS-77"]]]),
        ("**From:** Ana <a@x.com>\n**Sent:** 10/9/2025 2:05 PM\n**Subject:** OPS-77",
         [[12, "10-09 12:05", "escalation", 2, ["OPS-77"]]]),
        # (a 24-hour clock keeps the log's order: day first in CET, Sep 10)
        ("From: Ana <a@x.com>\nSent: 10/9/2025 14:05\nSubject: OPS-77",
         [[12, "09-10 12:05", "escalation", 2, ["OPS-77"]]]),
        # (a date that reads one way only is that way)
        ("From: Ana <a@x.com>\nSent: 13/10/2025 2:05 PM\nSubject: OPS-77",
         [[12, "10-13 12:05", "escalation", 2, ["OPS-77"]]]),
    ],
)
def test_an_english_sent_field_on_a_12_hour_clock_is_month_first_in_a_day_first_log(head, rows):
    assert short_event_rows(_quoted(head)) == rows


def test_an_english_sent_field_in_a_month_first_log_is_unchanged():
    head = "From: Ana <a@x.com>\nSent: 10/9/2025 2:05 PM\nSubject: OPS-77"
    assert short_event_rows(_quoted(head, "ET")) == [[12, "10-09 18:05", "escalation", 2, ["OPS-77"]]]


@pytest.mark.parametrize(
    ("sent", "rows"),
    [
        ("Sent: 10/9/2025 2:05 PM", [[9, "10-09 12:05", "note", 0, []], [13, "10-09 00:00", "escalation", 2,
                                                                         ["OPS-77"]]]),
        ("Sent: 10/9/2025 14:05", [[9, "09-10 12:05", "note", 0, []], [13, "09-10 00:00", "escalation", 2,
                                                                       ["OPS-77"]]]),
    ],
)
def test_a_pasted_english_sent_field_dates_its_lines_and_body_month_first(sent, rows):
    text = ("# T\nAll times in CET.\n\n## 2025-10-13\n\nAny news?\n\n"
            "From: Ana <a@x.com>\n" + sent + "\nTo: ops\nSubject: OPS-77\n\n" + BODY + "\n")
    assert short_event_rows(text) == rows
