"""Round 19, parser speed (PERF2): the gates put before slow patterns give the answers the patterns gave.

A moved-to deadline (``is_replacement``) is searched for only when its 64-character window holds a word
every match of the pattern holds ('new', 'now', 'slip', 'from', '->', an arrow...); the quoted-secret gate
of ``redact_text`` asks the lower-cased text for its words before the case-blind pattern ('pw' still needs
the pattern's ``\\b``, and a long s sends the text to it); the case-blind gates that read a lower-cased
ASCII text (durations, deliverables, moved-to deadlines) also read a text with other characters when none
of them is one IGNORECASE matches to an ASCII letter (the dotted and dotless i, the long s, the Kelvin
sign: :func:`occ_lib._extract.folds_plainly`), where they searched such a text whole before (a dash or a
curly apostrophe is in most real items; the references gate too); a document is asked for the equipment
nouns word by word; a next update's promise is searched for only when its window writes 'update'; the
hint of a key in lower case ('ops-102') is found from its '-' (the letter read behind it).
Each expectation below is what the old code gave (checked against main before the change).
"""

from __future__ import annotations

import pytest

from occ_lib._extract import (
    _REPLACEMENT,
    deliverable_promise,
    duration_deadline,
    equipment_keys,
    folds_plainly,
    is_replacement,
    loose_keys,
    update_promise,
)
from occ_lib._subjects import references
from occ_lib.redact import _QUOTED_SECRET_HINT, _quoted_secret_hint, redact_text


@pytest.mark.parametrize("text, plain", [
    ("ETA 10:00", True), ("", True), ("caf\u00e9 \u2014 it\u2019s", True), ("\u4e2d\u6587", True),
    ("\u0130stanbul", False), ("\u0131", False), ("pa\u017fs", False), ("5 \u212a", False),
])
def test_folds_plainly(text: str, plain: bool) -> None:
    assert folds_plainly(text) is plain


@pytest.mark.parametrize("prose, at, moved", [
    ("ETA slipped to Fri 10:00", "Fri", True),
    ("new ETA 10:00", "10:00", True),
    ("NEW eta 10:00", "10:00", True),
    ("ETA 10:00", "10:00", False),
    ("Sent the checklist; ETA 10:00", "10:00", False),
    ("ETA 10/8 \u2192 10/10", "10/10", True),
    ("ETA 10/8 -> 10/10", "10/10", True),
    ("ETA ~~Oct 10~~ \u2008 Oct 14", "Oct 14", True),
    ("vendor NOW says fix ships Mon", "Mon", True),
    ("was 09:40, now 10:15", "10:15", True),
    ("moved from Oct 8 to Oct 10", "Oct 10", True),
    # (other text: searched when a letter may fold otherwise, read lower-cased when not)
    ("ETA pu\u017fhed to 10:00", "10:00", True),
    ("\u0130 moved to 10:00", "10:00", True),
    ("caf\u00e9 moved to Fri", "Fri", True),
    ("caf\u00e9 sent Fri", "Fri", False),
    ("caf\u00e9 \u2014 target 10:00", "10:00", False),
])
def test_is_replacement_as_the_pattern_reads_it(prose: str, at: str, moved: bool) -> None:
    start = prose.rindex(at)
    assert (_REPLACEMENT.search(prose, max(0, start - 64), start) is not None) is moved
    assert is_replacement(prose, start) is moved


@pytest.mark.parametrize("prose, found", [
    ("ETA 30 min", (30.0, "ETA", 4, 10)),
    ("caf\u00e9 ETA 30 min", (30.0, "ETA", 9, 15)),
    ("caf\u00e9 \u2014 due in 2 hours", (120.0, "due", 14, 21)),
    ("\u2019 next update in 45m", (45.0, "update", 17, 20)),
    ("SLA breach in 2h \u2014 caf\u00e9", (120.0, "SLA", 14, 16)),
    ("within the hour \u2019", (60.0, "within", 7, 15)),
    ("\u0130 ETA 30 min", (30.0, "ETA", 6, 12)),
    ("\u017fla breach in 2h", None),
    ("caf\u00e9 updated the docs \u2014 no ETA yet", None),
    ("no SLA breach in 30 days \u2019", None),
])
def test_duration_deadline_in_other_text(prose: str, found: tuple | None) -> None:
    assert duration_deadline(prose) == found


@pytest.mark.parametrize("prose, at, promise, in_row", [
    ("caf\u00e9 RCA due Fri 10:00", "Fri", True, True),
    ("caf\u00e9 report due Fri 10:00", "Fri", False, False),
    ("\u2019 post-mortem by Fri", "Fri", True, True),
    ("po\u017ftmortem by Fri", "Fri", True, True),
    ("| incident report to LeagueCo | Mon 13 Oct", "Mon", False, True),
    ("\u00e9 | notes | Mon", "Mon", False, False),
])
def test_deliverable_promise_in_other_text(prose: str, at: str, promise: bool, in_row: bool) -> None:
    start = prose.rindex(at)
    assert [deliverable_promise(prose, start), deliverable_promise(prose, start, True)] == [promise, in_row]


@pytest.mark.parametrize("texts, machines", [
    (["playout server PLY-FRA-2 restarted", "PLY-FRA-2 back"], ["PLY-FRA-2"]),
    (["OPS-5 fixed"], []),
    (["vm OPS-7 rebooted"], ["OPS-7"]),
    (["host: OPS-7"], []),
    (["Server OPS-9 down"], ["OPS-9"]),
])
def test_equipment_keys(texts: list[str], machines: list[str]) -> None:
    assert sorted(equipment_keys(texts)) == machines


@pytest.mark.parametrize("text, hint", [
    ("token", True), ("ToKeN", True), ("to\u212aen", True), ("SECRET", True), ("passw", True),
    ("PASSP", True), ("passc", True), ("pa\u017fsword", True), ("pw", True), ("PWD", True), ("pw-1", True),
    ("pwdx", False), ("pwx", False), ("pass", False), ("se\u212bret", False), ("", False),
    ("\u017f", False), ("tok en", False),
])
def test_quoted_secret_hint_as_the_pattern(text: str, hint: bool) -> None:
    assert (_QUOTED_SECRET_HINT.search(text) is not None) is hint
    assert _quoted_secret_hint(text) is hint


@pytest.mark.parametrize("text, out", [
    ('token "Pass Phrase 9!"', 'token "***"'),
    ('TOKEN "Pass Phrase 9!"', 'TOKEN "***"'),
    ('pwd "Pass Phrase 9!"', 'pwd "***"'),
    ('PW: "Pass Phrase 9!"', 'PW: "***"'),
    ('to\u212aen "Pass Phrase 9!"', 'to\u212aen "***"'),
    ('pa\u017fsword "Pass Phrase 9!"', 'pa\u017fsword "***"'),
    ('se\u212bret "Pass Phrase 9!"', 'se\u212bret "Pass Phrase 9!"'),
    ('note "Pass Phrase 9!"', 'note "Pass Phrase 9!"'),
    ("secret 'a b 1'", "secret '***'"),
])
def test_quoted_secret_still_masked(text: str, out: str) -> None:
    assert redact_text(text) == out


@pytest.mark.parametrize("text, refs", [
    ("OPS-5 fixed \u2014 see OPS-10", ["OPS-10"]),
    ("OPS-5 caf\u00e9 fixed \u2014 OPS-10 too", []),
    ("OPS-5 done \u2014 \u017fee OPS-10", []),
    ("OPS-5 done \u2014 SEE OPS-10", ["OPS-10"]),
    ("OPS-5 follow-up to OPS-10 \u2019", ["OPS-10"]),
    ("OPS-5 follow\u00a0up to OPS-10 \u2019", []),
    ("OPS-5 blocked\u00a0on OPS-10 \u2019", ["OPS-10"]),
    ("OPS-5 \u2014 as\u00a0in OPS-10", ["OPS-10"]),
    ("OPS-5 rolled back \u2014 OPS-10 open", []),
    ("OPS-5 \u2014 \u0130 like OPS-10", ["OPS-10"]),
])
def test_references_in_other_text(text: str, refs: list[str]) -> None:
    assert references(text, ["OPS-5", "OPS-10"]) == refs


@pytest.mark.parametrize("texts, known, loose", [
    (["ops-102 fixed", "OPS-7 done"], {"OPS-7"}, ["OPS-102"]),
    (["see a-b-1 and x-2"], set(), ["A-B-1", "X-2"]),
    (["Ops-5, ops-5 and DEPLOY-147"], {"DEPLOY-147"}, ["OPS-5"]),
    (["-1 a-", "b-2c"], set(), []),
    (["rel-2.3 ships", "inc-44"], set(), ["INC-44"]),
])
def test_loose_keys(texts: list[str], known: set[str], loose: list[str]) -> None:
    assert sorted(loose_keys(texts, known)) == loose


@pytest.mark.parametrize("prose, at, promise", [
    ("Next update by 14:45 EDT", "14:45", True),
    ("NEXT UPDATE at 16:00", "16:00", True),
    ("fix by 14:45", "14:45", False),
    ("we will post an update by 15:00", "15:00", True),
    ("Customer update promised by 11am", "11am", True),
    ("caf\u00e9 \u2014 next Update: 17:00 UTC", "17:00", True),
    ("updated the page at 17:00", "17:00", False),
])
def test_update_promise(prose: str, at: str, promise: bool) -> None:
    assert update_promise(prose, prose.rindex(at)) is promise
