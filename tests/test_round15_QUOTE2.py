"""Round 15 (QUOTE2): quoted mail heads in German, French, Spanish and Dutch, and a quoted message that
counts once across the logs read in one call.

A reply's head ('Am ... um 16:12 schrieb Jane <...>:', 'Le ... à 16:12, Jane <...> a écrit :', 'El ... a
las 16:12, Jane (<...>) escribió:', 'Op ... om 16:12 schreef Jane', and a localized Outlook 'Von:'/
'Gesendet:'/'Betreff:' or 'De :'/'Envoyé :'/'Objet :' block) dates its quote as an English one does. A
quote whose text another log of the same call holds (the team's log that pasted the original) is read
there only; parse_log of one log alone is unchanged.
"""

from __future__ import annotations

import pytest

from occ_lib import times
from occ_lib.logs import parse_log, parse_logs, read_logs
from tests.log_rows import deadline_rows, event_rows

UNZONED = "time without zone in a pasted email header, read as UTC"
BODY = "> We escalated OPS-77 to engineering. Next update by 18:00 today.\n"
HEADS = [
    "Am 08.10.2025 um 16:12 schrieb Jane <jane@vendor.com>:",
    "Am Mi., 8. Okt. 2025 um 16:12 Uhr schrieb Jane <jane@vendor.com>:",
    "Le mer. 8 oct. 2025 à 16:12, Jane <jane@vendor.com> a écrit :",
    "Le 8 oct. 2025 à 16:12, Jane <jane@vendor.com> a\u00a0écrit\u00a0:",
    "El mié, 8 oct 2025 a las 16:12, Jane (<jane@vendor.com>) escribió:",
    "Op wo 8 okt. 2025 om 16:12 schreef Jane <jane@vendor.com>:",
    "Op wo 8 okt. 2025 om 16:12 schreef Jane",
]


@pytest.mark.parametrize("head", HEADS)
def test_a_reply_head_in_another_language_times_its_quote(head):
    text = "# Vendor thread\nAll times in CET.\n\n## 2025-10-10\n\nAny news?\n\n" + head + "\n" + BODY
    # (16:12 CEST on Oct 8 is 14:12 UTC; 'by 18:00 today' is Oct 8's 18:00 CEST: before, nothing was read)
    assert event_rows(text) == [
        [9, "10-08 14:12", "escalation", 1, ["OPS-77"], BODY[2:].strip()],
    ]
    logs = parse_log(text, "x.md")
    assert deadline_rows(logs.deadlines) == [[9, ["OPS-77"], "10-08 16:00", "update", False]]
    assert logs.problems.empty
    # in a log that declares no zone: read as UTC, and said on the head's line
    plain = "## 2025-10-10\n\nAny news?\n\n" + head + "\n" + BODY
    logs = parse_log(plain, "x.md")
    assert event_rows(plain) == [[6, "10-08 16:12", "escalation", 1, ["OPS-77"], BODY[2:].strip()]]
    assert logs.problems[["line", "token", "reason"]].values.tolist() == [[5, head, UNZONED]]


def test_a_localized_outlook_block_in_a_quote_dates_its_message_and_names_its_subjects_tickets():
    german = (
        "# Vendor thread\nAll times in CET.\n\n## 2025-10-13\n\nDanke.\n\n"
        "> **Von:** Jane Doe <jane@vendor.com>\n> **Gesendet:** Freitag, 10. Oktober 2025 08:15\n"
        "> **An:** Tom <tom@ourco.com>\n> **Betreff:** AW: [VND-4412] Workaround\n>\n"
        "> We can offer a workaround. Please confirm by 10:00.\n"
    )
    assert event_rows(german) == [
        [13, "10-10 06:15", "deadline", 0, ["VND-4412"],
         "We can offer a workaround. Please confirm by 10:00."],
    ]
    assert deadline_rows(parse_log(german, "x.md").deadlines) == [
        [13, ["VND-4412"], "10-10 08:00", "by", False],
    ]
    french = (
        "## 2025-10-13\n\nMerci.\n\n"
        "> De : Jane Doe <jane@vendor.com>\n> Envoyé : vendredi 10 octobre 2025 08:15\n"
        "> À : Tom <tom@ourco.com>\n> Objet : RE: VND-4412 contournement\n>\n"
        "> We can offer a workaround, see https://portal.vendor.com/s?token=s3cr3tT0kenValue123 and\n"
        "> please confirm by 10:00.\n"
    )
    logs = parse_log(french, "x.md")
    assert [r[:5] for r in event_rows(french)] == [[10, "10-10 08:15", "deadline", 0, ["VND-4412"]]]
    assert deadline_rows(logs.deadlines) == [[10, ["VND-4412"], "10-10 10:00", "by", False]]
    # (no zone declared: the problem names the 'Envoyé :' line; the token reaches no table)
    assert logs.problems[["line", "token", "reason"]].values.tolist() == [
        [6, "Envoyé : vendredi 10 octobre 2025 08:15", UNZONED],
    ]
    assert "s3cr3tT0kenValue123" not in repr(logs.events.to_dict()) + repr(logs.deadlines.to_dict())


def test_the_month_names_of_other_languages_are_read_only_in_a_mail_head():
    assert [times.mail_head_date(h) for h in HEADS] == ["2025-10-08 16:12"] * len(HEADS)
    assert times.mail_head_date("Enviado: miércoles, 8 de octubre de 2025 16:12") == "2025-10-08 16:12"
    assert times.mail_head_date("Verzonden: woensdag 8 oktober 2025 9.05") == "2025-10-08 09:05"
    assert times.mail_head_date("Gesendet: Montag, 3. März 2025") == "2025-03-03"
    assert times.mail_head_date("Le 31 févr. 2025 à 9:05, x a écrit :") is None  # (no such day)
    assert times.mail_head_date("Le 8 foo 2025 à 9:05, x a écrit :") is None
    # elsewhere they stay words: no date in a heading; a German line without a time is text, no head
    # (its quote, headless, is dropped as before)
    assert times.parse_heading("## 8. Okt. 2025 16:12").date is None
    text = "## 2025-10-10\n\nAm Montag schrieb Jane, OPS-9 ist blockiert:\n> OPS-9 escalated.\n"
    assert event_rows(text) == [
        [3, "10-10 00:00", "note", 0, ["OPS-9"], "Am Montag schrieb Jane, OPS-9 ist blockiert:"],
    ]


TEAM = (
    "# Integrations\nAll times in ET.\n\n## 2025-10-08\n\n"
    "Jane Doe  4:12 PM\nWe escalated OPS-77 to engineering. Next update by 6:00 PM today.\n"
)
VENDOR = (
    "# Vendor thread\nAll times in ET.\n\n## 2025-10-09\n\nThanks Jane, any news?\n\n"
    "On Wed, Oct 8, 2025 at 4:12 PM, Jane <jane@vendor.com> wrote:\n"
    "> We escalated OPS-77 to engineering.\n> Next update by 6:00 PM today.\n\n"
    "On Thu, Oct 9, 2025 at 9:00 AM, Tom <tom@ourco.com> wrote:\n"
    "> Any news on OPS-77? We need an ETA by noon.\n"
)


def _rows(logs) -> list[list]:
    ev = logs.events
    return [[s, n, at.strftime("%m-%d %H:%M"), k]
            for s, n, at, k in zip(ev["source"], ev["line"], ev["at"], ev["kind"], strict=True)]


def test_a_message_pasted_in_one_log_and_quoted_in_another_counts_once(tmp_path):
    # the vendor thread alone reads its quote (nothing else holds it)
    assert [r[:3] for r in event_rows(VENDOR)] == [
        [9, "10-08 20:12", "escalation"], [13, "10-09 13:00", "deadline"],
    ]
    # with the team's log that pasted the original, in either order: read there only
    team_first = parse_logs([("team.md", TEAM), ("vendor.md", VENDOR)])
    assert _rows(team_first) == [
        ["team.md", 6, "10-08 20:12", "escalation"], ["vendor.md", 13, "10-09 13:00", "deadline"],
    ]
    assert deadline_rows(team_first.deadlines) == [
        [6, ["OPS-77"], "10-08 22:00", "update", False], [13, ["OPS-77"], "10-09 16:00", "by", False],
    ]
    assert _rows(parse_logs([("vendor.md", VENDOR), ("team.md", TEAM)])) == [
        ["vendor.md", 13, "10-09 13:00", "deadline"], ["team.md", 6, "10-08 20:12", "escalation"],
    ]
    # read_logs over files: the same; two threads quoting one message: the first read keeps it
    (tmp_path / "a_team.md").write_text(TEAM, encoding="utf-8")
    (tmp_path / "b_vendor.md").write_text(VENDOR, encoding="utf-8")
    (tmp_path / "c_fwd.md").write_text(
        "## 2025-10-10\n\nFYI.\n\nOn Thu, Oct 9, 2025 at 9:00 AM, Tom <tom@ourco.com> wrote:\n"
        "> Any news on OPS-77? We need an ETA by noon.\n> OPS-78 resolved meanwhile.\n", encoding="utf-8")
    logs = read_logs(tmp_path)
    assert [[s.rsplit("/", 1)[-1], n, at, k] for s, n, at, k in _rows(logs)] == [
        ["a_team.md", 6, "10-08 20:12", "escalation"],
        ["b_vendor.md", 13, "10-09 13:00", "deadline"],
        ["c_fwd.md", 6, "10-09 09:00", "resolved"],
    ]
    assert logs.problems["line"].tolist() == [5]  # (c_fwd.md's zone-less head)


def test_a_log_read_again_for_a_quote_keeps_its_lower_case_keys_and_leaves_the_quote_out():
    """(found in review) The vendor thread, read again to leave out the message the team's log holds,
    lost the keys it spells in lower case ('ops-99', OPS-99 in the team's log): its own item had no
    ticket. Read again as it was read first, and once more for that key with the quote still left out."""
    team = TEAM + "- 17:00 OPS-99 opened\n"
    vendor = VENDOR + "\n- ops-99 patched on our side\n"
    logs = parse_logs([("team.md", team), ("vendor.md", vendor)])
    assert [[s, n, list(t)] for s, n, t in zip(logs.events["source"], logs.events["line"],
                                               logs.events["tickets"], strict=True)] == [
        ["team.md", 6, ["OPS-77"]], ["team.md", 8, ["OPS-99"]],
        ["vendor.md", 13, ["OPS-77"]], ["vendor.md", 15, ["OPS-99"]],
    ]
