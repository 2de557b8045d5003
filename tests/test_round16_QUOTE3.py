"""Round 16 (QUOTE3): more pasted mail heads. A German Outlook block pasted without '>' ('Von:',
'Gesendet: Donnerstag, 9. Oktober 2025 14:05', 'Betreff:') dates its body as the English 'From:'/'Sent:'
block does; Portuguese ('Em ... às 14:05, Ana <a@x> escreveu:', 'De:/Enviado:/Para:/Assunto:') and Italian
('Il giorno ... alle ore 14:05 Ana <a@x> ha scritto:', 'Da:/Inviato:/A:/Oggetto:') heads; Spanish 12-hour
heads ('a las 2:05 p. m.' is 14:05); slash dates of day-first clients ('Il 09/10/2025 14:05, ...'); a
zone written after a localized head's time; Gmail's head wrapped over two lines."""

from __future__ import annotations

import pytest

from occ_lib import times
from occ_lib.logs import parse_log
from tests.log_rows import deadline_rows, event_rows

UNZONED = "time without zone in a pasted email header, read as UTC"
BODY = "We escalated OPS-77 to engineering. Next update by 18:00 today."


def _problems(text: str) -> list[list]:
    return parse_log(text, "x.md").problems[["line", "token", "reason"]].values.tolist()


# --- 1: a German Outlook block pasted without '>' ------------------------------------------------------


GERMAN = (
    "## 2025-10-13\n\nVon: Ana <a@x.com>\nGesendet: Donnerstag, 9. Oktober 2025 14:05\nAn: Tom <t@y.com>\n"
    "Betreff: AW: VND-4412 Workaround\n\nWe can offer a workaround. Please confirm by 16:00.\n\n"
    + BODY + "\n"
)


def test_a_german_outlook_block_pasted_without_quote_marks_dates_its_body_as_the_english_one():
    # before: the 'Gesendet:' note was on the section's day (10-13 14:05), the body on 10-13 with no ticket
    assert event_rows(GERMAN) == [
        [4, "10-09 14:05", "note", 0, [], "Gesendet: Donnerstag, 9. Oktober 2025 14:05"],
        [8, "10-09 00:00", "deadline", 0, ["VND-4412"],
         "We can offer a workaround. Please confirm by 16:00."],
        [10, "10-09 00:00", "escalation", 1, ["OPS-77"], BODY],
    ]
    logs = parse_log(GERMAN, "x.md")
    assert deadline_rows(logs.deadlines) == [
        [8, ["VND-4412"], "10-09 16:00", "by", False], [10, ["OPS-77"], "10-09 18:00", "update", False],
    ]
    assert _problems(GERMAN) == [[4, "Gesendet: Donnerstag, 9. Oktober 2025 14:05", UNZONED]]
    # the English block it mirrors
    english = GERMAN.replace("Von:", "From:").replace(
        "Gesendet: Donnerstag, 9. Oktober 2025 14:05", "Sent: Thursday, October 9, 2025 2:05 PM"
    ).replace("An:", "To:").replace("Betreff: AW:", "Subject: RE:")
    assert [r[:5] for r in event_rows(english)] == [r[:5] for r in event_rows(GERMAN)]
    # in a log in CET: the head's 14:05 is 12:05 UTC, the promises are CEST's
    cet = "# T\nAll times in CET.\n\n" + GERMAN
    assert [r[:5] for r in event_rows(cet)] == [
        [7, "10-09 12:05", "note", 0, []], [11, "10-09 00:00", "deadline", 0, ["VND-4412"]],
        [13, "10-09 00:00", "escalation", 1, ["OPS-77"]],
    ]
    assert deadline_rows(parse_log(cet, "x.md").deadlines) == [
        [11, ["VND-4412"], "10-09 14:00", "by", False], [13, ["OPS-77"], "10-09 16:00", "update", False],
    ]
    assert _problems(cet) == []


def test_an_italian_outlook_block_pasted_without_quote_marks_is_a_mail_header_too():
    text = (
        "## 2025-10-13\n\nDa: Ana <a@x.com>\nInviato: giovedì 9 ottobre 2025 14:05\nA: Tom <t@y.com>\n"
        "Oggetto: R: VND-4412\n\nPlease confirm by 16:00.\n"
    )
    assert [r[:5] for r in event_rows(text)] == [
        [4, "10-09 14:05", "note", 0, []], [8, "10-09 00:00", "deadline", 0, ["VND-4412"]],
    ]
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [[8, ["VND-4412"], "10-09 16:00", "by", False]]


def test_a_paragraph_opening_with_von_or_da_without_a_sent_field_dates_nothing():
    text = "## 2025-10-13\n\nDa: Ana, see OPS-5.\n\nAn: das Team\n\n- 10:00 OPS-5 fixed\n"
    # (as before: a 'Key: value' field that names no time is no event, and nothing is dated by them)
    assert [r[:5] for r in event_rows(text)] == [[7, "10-13 10:00", "resolved", 0, ["OPS-5"]]]


# --- 2, 3, 4: reply heads -----------------------------------------------------------------------------

HEADS = [
    # (head, its UTC time in a log that declares no zone, in a log in CET; None when it writes a zone)
    ("Em qui., 9 de out. de 2025 às 14:05, Ana <a@x.com> escreveu:", "10-09 14:05", "10-09 12:05"),
    ("Il giorno gio 9 ott 2025 alle ore 14:05 Ana <a@x.com> ha scritto:", "10-09 14:05", "10-09 12:05"),
    ("Il 09/10/2025 14:05, Ana ha scritto:", "10-09 14:05", "10-09 12:05"),
    ("Le 09/10/2025 à 14:05, Ana a écrit :", "10-09 14:05", "10-09 12:05"),
    ("El jue, 9 oct 2025 a las 2:05 p. m., Ana <a@x.com> escribió:", "10-09 14:05", "10-09 12:05"),
    ("El jue, 9 oct 2025 a las 2:05 p.\u00a0m., #ops-bridge <ops@x.com> escribió:", "10-09 14:05",
     "10-09 12:05"),
    ("El jue, 9 oct 2025 a las 12:05 a. m., Ana <a@x.com> escribió:", "10-09 00:05", "10-08 22:05"),
    ("Am 09.10.2025 um 14:05 schrieb SRE-2 Team <sre-2@x.com>:", "10-09 14:05", "10-09 12:05"),
    ("Le jeu. 9 oct. 2025 à 14:05 (UTC+02:00), Ana a écrit :", "10-09 12:05", None),
    ("On 9 Oct 2025, at 14:05, Ana <a@x.com> wrote:", "10-09 14:05", "10-09 12:05"),
    # (an English head on a 12-hour clock writes its slash date month first, in a log in CET too: round 16
    # LEFT2; it was Sep 10 there)
    ("On 10/9/25 2:05 PM, Ana wrote:", "10-09 14:05", "10-09 12:05"),
    ('On 10/9/25, 2:05 PM, "Ana" <a@x.com> wrote:', "10-09 14:05", "10-09 12:05"),
    ("On Oct 9, 2025, at 2:05 PM, Ana <a@x.com> wrote:", "10-09 14:05", "10-09 12:05"),
    ("On Thu, Oct 9, 2025 at 2:05 PM EDT, Ana <a@x.com> wrote:", "10-09 18:05", None),
]


@pytest.mark.parametrize(("head", "at", "in_cet"), HEADS)
def test_a_reply_head_times_its_quote_in_its_own_zone_else_the_logs(head, at, in_cet):
    text = "## 2025-10-13\n\nAny news?\n\n" + head + "\n> " + BODY + "\n"
    # (names, addresses and channels of the head are no tickets: only the quote's OPS-77)
    assert event_rows(text) == [[6, at, "escalation", 1, ["OPS-77"], BODY]]
    assert _problems(text) == ([] if in_cet is None else [[5, head, UNZONED]])
    # a log in CET reads a zone-less head in CET (14:05 CEST is 12:05 UTC); a zoned head keeps its zone
    cet = "# T\nAll times in CET.\n\n" + text
    assert [r[:3] for r in event_rows(cet)] == [[9, in_cet or at, "escalation"]]
    assert _problems(cet) == []


def test_a_gmail_head_wrapped_over_two_lines_still_heads_its_quote():
    text = (
        "## 2025-10-13\n\nAny news?\n\nOn Thu, Oct 9, 2025 at 2:05 PM Ana Example <ana.example@example.com>\n"
        "wrote:\n> " + BODY + "\n"
    )
    # before: a note at 10-09 14:05 on line 5, and the quote dropped
    assert event_rows(text) == [[7, "10-09 14:05", "escalation", 1, ["OPS-77"], BODY]]
    assert _problems(text) == [
        [5, "On Thu, Oct 9, 2025 at 2:05 PM Ana Example <ana.example@example.com> wrote:", UNZONED],
    ]
    # a line that only ends with a colon is no head's end: 'On Monday' is text
    plain = "## 2025-10-13\n\nOn Monday we moved OPS-5 and\nthe team wrote:\n\nOPS-5 fixed at 10:00\n"
    assert [r[:5] for r in event_rows(plain)] == [
        [3, "10-13 00:00", "note", 0, ["OPS-5"]], [6, "10-13 10:00", "resolved", 0, ["OPS-5"]],
    ]


@pytest.mark.parametrize("block", [
    "> De: Ana <a@x.com>\n> Enviado: quinta-feira, 9 de outubro de 2025 14:05\n> Para: Tom <t@y.com>\n"
    "> Assunto: RE: VND-4412\n>\n> Please confirm by 16:00.\n",
    "> Da: Ana <a@x.com>\n> Inviato: giovedì 9 ottobre 2025 14:05\n> A: Tom <t@y.com>\n"
    "> Oggetto: R: VND-4412\n>\n> Please confirm by 16:00.\n",
    "> De: Ana <a@x.com>\n> Enviado el: jueves, 9 de octubre de 2025 14:05\n> Para: Tom <t@y.com>\n"
    "> Asunto: RE: VND-4412\n>\n> Please confirm by 16:00.\n",
])
def test_a_portuguese_italian_or_spanish_outlook_block_in_a_quote_times_its_message(block):
    text = "## 2025-10-13\n\nThanks.\n\n" + block
    assert event_rows(text) == [[10, "10-09 14:05", "deadline", 0, ["VND-4412"], "Please confirm by 16:00."]]
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [
        [10, ["VND-4412"], "10-09 16:00", "by", False],
    ]
    assert _problems(text) == [[6, block.split("\n")[1][2:], UNZONED]]


def test_a_zone_after_a_localized_sent_time_is_the_heads():
    text = (
        "## 2025-10-13\n\nDanke.\n\n> Von: OPS-5 Bot <ops-5@x.com>\n"
        "> Gesendet: Donnerstag, 9. Oktober 2025 14:05 MESZ\n> Betreff: AW: VND-4412\n>\n"
        "> Please confirm by 16:00.\n"
    )
    # (the sender's name holds no ticket: only the subject's VND-4412)
    assert event_rows(text) == [[9, "10-09 12:05", "deadline", 0, ["VND-4412"], "Please confirm by 16:00."]]
    assert deadline_rows(parse_log(text, "x.md").deadlines) == [[9, ["VND-4412"], "10-09 14:00", "by", False]]
    assert _problems(text) == []


def test_mail_head_date_reads_the_new_heads_and_nothing_else():
    assert [times.mail_head_date(t) for t in [
        "Em qui., 9 de out. de 2025 às 14:05, Ana escreveu:", "Il giorno gio 9 ott 2025 alle ore 14:05 Ana",
        "El jue, 9 oct 2025 a las 2:05 p. m., Ana", "El jue, 9 oct 2025 a las 12:30 p. m.",
        "El jue, 9 oct 2025 a las 14:05, AM Ops escribió:", "Am 09.10.2025 um 14:05 Uhr schrieb Ana:",
        "Il 09/10/2025 14:05", "Il 09/10.2025 14:05", "Date: jeudi 9 octobre 2025 14:05 +0200",
        "Enviado: quinta-feira, 9 de outubro de 2025 14:05", "Gesendet: 9. Oktober 2025 14:05 XYZT",
    ]] == [
        "2025-10-09 14:05", "2025-10-09 14:05", "2025-10-09 14:05", "2025-10-09 12:30", "2025-10-09 14:05",
        "2025-10-09 14:05", "2025-10-09 14:05", None, "2025-10-09 14:05 +0200", "2025-10-09 14:05",
        "2025-10-09 14:05",
    ]
    # the new month names stay words outside a mail head
    assert times.parse_heading("## 9 ott 2025 14:05").date is None
