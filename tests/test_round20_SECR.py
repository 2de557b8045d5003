"""Round 20, SECR: a secret in log text is masked the same whichever redaction path its item takes.

Session 19 found strings whose masking changed when an unrelated word that opens the 'rare' gate (' 7Z')
was appended. Two causes, both covered here, each on both paths (as written, and with ' 7Z' appended):

- the gates of ``redact`` missed what the chain's case-blind patterns read: a name in mixed case
  ('ToKeN', 'BeArEr'), a letter a case-blind pattern takes for an ASCII one ('paſsword', Kelvin's 'K'),
  a fullwidth colon, a key named in words ('client key: X'); a URL's scheme in capitals was lower-cased
  by the chain only. The gates now read the text as the patterns do (``gate_text``), so the plain path
  leaves only what the whole chain leaves (checked against ``redact_text`` and with the document's own
  ``rare_hint``);
- the rules of a password's spaced value read the appended word as its rest and left a part, or all, of
  the password: 'Password=*** 2' for 'Hunter 2 7Z', 'wifi password is blue monkey 42 7Z' unmasked, a proxy's
  userinfo with a space unmasked once a word followed its host; or read past a sentence's end, a file's
  name or prose ('is weak'). Where the appended word is itself a value (an empty 'pw=' then '7Z', a
  password 'abc 7Z'), masking it is the reading the rules give and is pinned as such.
"""

from __future__ import annotations

import pytest

import occ_lib
from occ_lib._extract import gate_text, rare_hint, redact
from occ_lib.redact import redact_text


def _paths(text: str) -> list[str]:
    """The item's masking on every path: the gate's with the document's rare hint open, with the item's
    own hint (a document of this item alone), and the whole chain."""
    return [redact(text), redact(text, rare_hint(text)), redact_text(text)]


# --- 1: the gates read names as the chain's case-blind patterns do --------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("rotated; ToKeN abcdefgh12345678 issued", "rotated; ToKeN *** issued"),
    ("auth BeArEr abcdefgh12345678", "auth BeArEr ***"),
    ("rotated; To\u212aEN abcdefgh12345678 issued", "rotated; To\u212aEN *** issued"),
    ("pa\u017fsword: Hunter22x;", "pa\u017fsword: ***;"),  # (round 21: ';' ends it; a ' 7Z' is its rest)
    ("the \u017fecret is Abc123XYZdef", "the \u017fecret is ***"),
    ("Client \u212aey: abcDEF123456 mykey", "Client \u212aey: *** mykey"),
    ("client key: abcDEF123456 mykey", "client key: *** mykey"),
    ("app  key = abcDEF123456", "app  key = ***"),
    ("X-Api-Key\uff1aabcdef123456", "X-Api-Key:***"),
    ("https\uff1a//events.pagerduty.com/integration/PDkey0017abcdef0123456789abcd/enqueue",
     "https://events.pagerduty.com/integration/***/enqueue"),
    # (nothing to mask stays as written, a scheme in capitals too)
    ("HTTPS://SHOP.invalid/api", "HTTPS://SHOP.invalid/api"),
    ("see HTTPS://shop.invalid/x?token=abc123", "see https://shop.invalid/x?token=***"),
    ("Kenneth took the ticket", "Kenneth took the ticket"),
    ("basically fine", "basically fine"),
    ("the key is in the drawer", "the key is in the drawer"),
    ("\u0130stanbul office: ok", "\u0130stanbul office: ok"),
])
def test_a_name_in_any_case_is_masked_on_every_path(text: str, expected: str) -> None:
    assert _paths(text) == [expected] * 3
    assert _paths(text + " 7Z") == [expected + " 7Z"] * 3


@pytest.mark.parametrize(("text", "seen"), [
    ("paste", "paste"),
    ("pa\u017fsword \u212aey \u0130D \u0131d a\uff1ab", "password Key ID id a:b"),
    ("caf\u00e9 ok", "caf\u00e9 ok"),
])
def test_gate_text_reads_the_letters_a_case_blind_pattern_reads(text: str, seen: str) -> None:
    assert gate_text(text) == seen
    assert (gate_text(text) is text) is (seen == text)  # (nothing to fold: no copy)


def test_rare_hint_of_a_document_reads_them_too() -> None:
    assert [rare_hint(t) for t in ("pa\u017fsword", "se\u212bret", "client key", "the key is here")] == [
        True, False, True, False]


# --- 2: a password's spaced value, then a word: no part of it left -------------------------------------
@pytest.mark.parametrize(("text", "expected", "with_7z"), [
    # (digits alone then a part: both are the rest, no '*** 2')
    ("Password=Hunter 2", "Password=***", "Password=***"),
    ("wifi password is blue monkey 42", "wifi password is ***", "wifi password is ***"),
    # (a sentence's end ends the value)
    ("wifi password is blue monkey 42.", "wifi password is ***.", "wifi password is ***. 7Z"),
    ("the password is ***.", "the password is ***.", "the password is ***. 7Z"),
    ("the password is case-sensitive!", "the password is case-sensitive!",
     "the password is case-sensitive! 7Z"),
    # (a password that ends a sentence is masked with its '!', and a part after the mask is read as its rest,
    # as after 'Summer#2025!': round 21 reads 'Correct-Horse' as a password)
    ("the password is Correct-Horse!", "the password is ***", "the password is ***"),
    # (a file named after its pair keeps its stamp and extension)
    ("password=ArtKey12345abcdef.2025-10-08.json", "password=***.2025-10-08.json",
     "password=***.2025-10-08.json 7Z"),
    ("check_password=***_2025-10-08.json", "check_password=***_2025-10-08.json",
     "check_password=***_2025-10-08.json 7Z"),
    ("notes_password=${DB_PASS:-Hunter2pg}.md", "notes_password=***.md", "notes_password=***.md 7Z"),
    # (prose's 'is weak', 'is invalid')
    ("passphrase is weak", "passphrase is weak", "passphrase is weak 7Z"),
    ("password is invalid", "password is invalid", "password is invalid 7Z"),
    # (a label after a space stays, as 'token: key=***')
    ("db_password: key=SECRET123", "db_password: key=***", "db_password: key=***"),
    ("password is user=SECRET123", "password is user=***", "password is user=***"),
    # (a proxy's userinfo with a space, words after its host)
    ("http_proxy: alice:s3cret PW@proxy.corp:3128", "http_proxy: ***@proxy.corp:3128",
     "http_proxy: ***@proxy.corp:3128 7Z"),
    ("  https_proxy: http://alice:s3cret PW@proxy.corp:3128", "  https_proxy: http://***@proxy.corp:3128",
     "  https_proxy: http://***@proxy.corp:3128 7Z"),
    ("proxy: down, see ops: ask bob@corp.com", "proxy: down, see ops: ask bob@corp.com",
     "proxy: down, see ops: ask bob@corp.com 7Z"),
    # (a count after the password stays, as before)
    ("Password=Hunter 42 minutes later", "Password=*** 42 minutes later", "Password=*** 42 minutes later 7Z"),
])
def test_a_spaced_value_is_masked_whole_whatever_follows(text: str, expected: str, with_7z: str) -> None:
    assert _paths(text) == [expected] * 3
    assert _paths(text + " 7Z") == [with_7z] * 3


@pytest.mark.parametrize(("text", "after"), [
    ("Password=Hunter 2 (build agents)", "Password=*** (build agents)"),
    ("Password=Hunter 2 2pg rotated", "Password=*** rotated"),
    ("wifi password is blue monkey 42 2pg", "wifi password is ***"),
    ("wifi password is blue monkey 42 2pg 7Z", "wifi password is ***"),
    ("PAssword=Hunter 2pg", "PAssword=***"),  # (a name in mixed case: the rest's gate reads it too)
    ("password was tried 3 times", "password was tried 3 times"),
    ("wifi password is blue monkey 42 B2", "wifi password is *** B2"),  # (a grid's word, no password's part)
    ("http_proxy: alice:s3cret PW@proxy.corp:3128 (build agents)",
     "http_proxy: ***@proxy.corp:3128 (build agents)"),
    ("proxy: a:b c d e@h.corp x", "proxy: a:b c d e@h.corp x"),  # (4 words: prose, not a password)
])
def test_other_words_after_the_value(text: str, after: str) -> None:
    assert _paths(text) == [after] * 3


# --- 3: where the appended word is a value, masking it is the reading (same on every path) -------------
@pytest.mark.parametrize(("text", "expected", "with_7z"), [
    ("password: abc", "password: abc", "password: ***"),  # ('abc 7Z' as 'hunter 2pg')
    ("Password: x", "Password: x", "Password: ***"),
    ("pw=", "pw=", "pw= ***"),
    ("VAULT_TOKEN=", "VAULT_TOKEN=", "VAULT_TOKEN= ***"),
    ("mongosh -u admin -p", "mongosh -u admin -p", "mongosh -u admin -p ***"),
])
def test_an_appended_value_is_read_as_one(text: str, expected: str, with_7z: str) -> None:
    assert _paths(text) == [expected] * 3
    assert _paths(text + " 7Z") == [with_7z] * 3


def test_the_events_table_masks_them_in_a_document_without_other_hints(tmp_path) -> None:
    log = tmp_path / "ops.md"
    log.write_text("## 2025-10-09\n- 09:00 OPS-1 rotated; ToKeN abcdefgh12345678 issued\n"
                   "- 09:05 OPS-1 auth BeArEr abcdefgh12345678 set\n"
                   "- 09:10 OPS-1 pa\u017fsword: Hunter22x\n", encoding="utf-8")
    events = occ_lib.read_logs(str(log)).events
    assert list(events["text"]) == [
        "09:00 OPS-1 rotated; ToKeN *** issued",
        "09:05 OPS-1 auth BeArEr *** set",
        "09:10 OPS-1 pa\u017fsword: ***",
    ]
