"""Round 21, REDACT: secrets the log-text redaction let through, and their families.

Session 21 measured leaks that a sweep of the module's names (each in mixed case, after '=', ':', ' is ',
' = ' or a space) and of remote-login commands then widened:

- a name in mixed case read by a case-blind pattern behind a case-bound gate ('PaSsWoRd: hunter 2pg',
  'AdMiN/X9secret!', 'aUtHoRiZaTiOn: ...'), or split by camelCase into pieces no secret's word is ('PaSs=',
  'aPi_KeY=', 'PAt='): it now masks as its lower-case form does;
- a pin's separator with spaces ('pin = 4829'), a lock's code ('door code 4829'), an OTP's or a PSK's name in
  mixed case; 'mosh' (and autossh, ssh-copy-id, rlogin, mysqlsh, psql...) before 'user:password@host';
- 'the password is Correct-Horse!': round 4 pinned it unmasked as prose, for its '-' and its '!' are what
  prose writes; but a capital after the hyphen is no prose's ('case-sensitive!' stays), it is a passphrase's;
- a separator one name read and another did not: 'db_password is X', 'api_key was X', 'client key X',
  'secret key: X', 'passcode:X', 'otp=', 'PAT=', 'DB_PASSWORD Hunter2pg!x' in an env dump.

Every case is checked on each redaction path (the gate's with the document's rare hint, with the item's own,
and the whole chain), so that no path leaves what another masks.
"""

from __future__ import annotations

import pytest

from occ_lib._extract import rare_hint, redact
from occ_lib.logs import parse_log
from occ_lib.redact import is_secret_part_name, redact_text


def _paths(text: str) -> list[str]:
    """The item's masking on every path: the gate's with the document's rare hint open, with the item's
    own hint (a document of this item alone), and the whole chain."""
    return [redact(text), redact(text, rare_hint(text)), redact_text(text)]


# --- 1: the leaks measured at the start of the session -------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("PaSsWoRd: hunter 2pg", "PaSsWoRd: ***"),
    ("Password: hunter 2pg", "Password: ***"),
    ("PaSsWoRd: hunter2pg", "PaSsWoRd: ***"),
    ("AdMiN/X9secret!", "AdMiN/***"),
    ("admin/X9secret!", "admin/***"),
    ("mosh alice:pw123@host.example", "mosh ***@host.example"),
    ("ssh alice:pw123@host.example", "ssh ***@host.example"),
    ("pin = 4829", "pin = ***"),
    ("door pin = 4829", "door pin = ***"),
    ("PIN: 4829", "PIN: ***"),
    ("door code 4829", "door code ***"),
    ("the password is Correct-Horse!", "the password is ***"),
])
def test_the_measured_leaks_are_masked_on_every_path(text: str, expected: str) -> None:
    assert _paths(text) == [expected] * 3


# --- 2: a name in mixed case masks as its lower-case form ------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # (a bare password's name and its colon: the pairs' gate)
    ("sEcReT:Hunter2pg!x", "sEcReT:***"),
    ("tOkEn:Hunter2pg!x", "tOkEn:***"),
    ("pAsSwD:Hunter2pg!x", "pAsSwD:***"),
    # (a name camelCase splits in pieces: read as its segments in small letters)
    ("pAsS=Hunter2pg!x", "pAsS=***"),
    ("aPi_kEy=Hunter2pg!x", "aPi_kEy=***"),
    ("x-aPi-kEy=Hunter2pg!x", "x-aPi-kEy=***"),
    ("PAt=Hunter2pg!x", "PAt=***"),
    ("sEsSiOn=Hunter2pg!x", "sEsSiOn=***"),
    ("aUtHoRiZaTiOn=Hunter2pg!x", "aUtHoRiZaTiOn=***"),
    ("pW=Tr0ub4dor&3", "pW=***"),
    ("Db_pW = Tr0ub4dor&3", "Db_pW = ***"),
    ("pW:P@ssword", "pW:***"),
    ("dB PaSs=Hunter2pg!x", "dB PaSs=***"),
    # (the header rules' names)
    ("aUtHoRiZaTiOn: Bearer abcdefgh12345678", "aUtHoRiZaTiOn: Bearer ***"),
    ("CoOkIe: sid=abcDEF123456", "CoOkIe: ***"),
    # (the codes: a pin, an OTP, a PSK, a Wi-Fi's network, a system's pass)
    ("Pin=4829", "Pin=***"),
    ("pIn: 4829", "pIn: ***"),
    ("PiN CoDe 4829", "PiN CoDe ***"),
    ("PIN code 4829", "PIN code ***"),
    ("Otp 123456", "Otp ***"),
    ("One-Time Code=123456", "One-Time Code=***"),
    ("Psk=Hunter2pg!x", "Psk=***"),
    ("pRe-sHaReD KeY: Hunter2pg!x", "pRe-sHaReD KeY: ***"),
    ("Wpa_Passphrase=Hunter2pg!x", "Wpa_Passphrase=***"),
    ("WlAn: Guest / Welcome2025!", "WlAn: Guest / ***"),
    ("Ssid: Guest / Welcome2025!", "Ssid: Guest / ***"),
    ("wIfI PaSs Hunter2pg!x", "wIfI PaSs ***"),
    ("pAsS Hunter2pg!x", "pAsS ***"),
    # (a well-known account's password after its '/')
    ("sYsAdMiN/X9secret!", "sYsAdMiN/***"),
    ("RoOt/X9secret!", "RoOt/***"),
    # (commands' and configs' words)
    ("Requirepass Hunter2pg!x", "Requirepass ***"),
    ("MasterAuth Hunter2pg!x", "MasterAuth ***"),
    ("Vault Login s.AbCdEf12345678", "Vault Login ***"),
    ("CREATE USER app IdEnTiFiEd By 'Hunter2pg!x'", "CREATE USER app IdEnTiFiEd By '***'"),
    ("npm CoNfIg SeT api_key Hunter2pg!x", "npm CoNfIg SeT api_key ***"),
    ("Machine db.example.com Login bot Password plainpass", "Machine db.example.com Login bot Password ***"),
    # (a word of a key's name in mixed case is no value: the value after the name goes)
    ("sEcReT aCcEsS kEy: abcDEF123456xyz", "sEcReT aCcEsS kEy: ***"),
])
def test_a_name_in_mixed_case_masks_as_its_lower_case_form(text: str, expected: str) -> None:
    assert _paths(text) == [expected] * 3


@pytest.mark.parametrize(("name", "secret"), [
    ("PaSs", True), ("aPi_KeY", True), ("PAt", True), ("KeY", True), ("passcode", True), ("passphrase", True),
    ("cache_KeY", False), ("tokenCount", False), ("PaSs_TiMeOuT", False), ("spaceKey", False),
    ("sessionStart", False),
])
def test_a_secret_part_name_is_read_in_any_case(name: str, secret: bool) -> None:
    assert is_secret_part_name(name) is secret


# --- 3: the separators each name reads -------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # (a pin's and a lock's code: ':', '=', ' is ', ' = ', and the lock's code without one)
    ("pin=4829", "pin=***"),
    ("pin is 4829", "pin is ***"),
    ("the gate code: 4829", "the gate code: ***"),
    ("alarm code is 48290017", "alarm code is ***"),
    ("keypad code = 4829", "keypad code = ***"),
    ("safe code 4829", "safe code ***"),
    ("Lockbox Code 4829 at the side door", "Lockbox Code *** at the side door"),
    ("door PIN 4829", "door PIN ***"),
    ("psk Hunter2pg!x", "psk ***"),
    # (a password's names after a colon with no space: its signs count as after a space)
    ("passcode:Hunter2pg!x", "passcode:***"),
    ("passphrase:Tr0ub4dor&3", "passphrase:***"),
    ("password:P@ssword", "password:***"),
    ("secret:Correct-Horse", "secret:***"),
    ("bearer:abcDEF123456xyz", "bearer:***"),
    # (every secret's part is a pair's name: the gate reads them all)
    ("otp=abcDEF123456xyz", "otp=***"),
    ("PAT=abcDEF123456xyz", "PAT=***"),
    ("GITHUB_PAT=abcDEF123456xyz", "GITHUB_PAT=***"),
    ("sid = abcDEF123456xyz", "sid = ***"),
    ("bearer=abcDEF123456xyz", "bearer=***"),
    ("passcode=Hunter2pg!x", "passcode=***"),
    # (a variable's name in snake case before 'is' or 'was')
    ("the db_password is Hunter2pg!x", "the db_password is ***"),
    ("db_pass is Tr0ub4dor&3", "db_pass is ***"),
    ("db_pw was P@ssword", "db_pw was ***"),
    ("api_key was abcDEF123456", "api_key was ***"),
    ("API_KEY is abcDEF123456", "API_KEY is ***"),
    ("the access_token is abcdefgh1234", "the access_token is ***"),
    ("client_secret is abcDEF123456xyz", "client_secret is ***"),
    # (a key named in words: one list of names for every rule)
    ("client key abcDEF123456xyz", "client key ***"),
    ("app key is abcDEF123456xyz", "app key is ***"),
    ("service account key abcDEF123456xyz", "service account key ***"),
    ("secret access key is abcDEF123456xyz", "secret access key is ***"),
    ("secret key:abcDEF123456xyz", "secret key:***"),
    ("master key:Hunter2pg!x", "master key:***"),
    ("routing key: abcDEF123456xyz", "routing key: ***"),
    ("apikey abcDEF123456xyz", "apikey ***"),
    ("apikey is abcDEF123456xyz", "apikey is ***"),
    # (an env dump's password with its symbols, as after 'DB_PASSWORD:')
    ("DB_PASSWORD Hunter2pg!x", "DB_PASSWORD ***"),
    ("DB_PASSWORD Tr0ub4dor&3", "DB_PASSWORD ***"),
    ("DB_PASSWORD P@ssword", "DB_PASSWORD ***"),
    ("ACCESS_TOKEN Hunter2pg!x", "ACCESS_TOKEN ***"),
])
def test_each_separator_a_name_reads(text: str, expected: str) -> None:
    assert _paths(text) == [expected] * 3


# --- 4: remote-login commands with 'user:password@host' -------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("mosh alice:pw123@host.example", "mosh ***@host.example"),
    ("autossh -M 0 alice:pw123@host.example", "autossh -M 0 ***@host.example"),
    ("ssh-copy-id alice:pw123@host.example", "ssh-copy-id ***@host.example"),
    ("rlogin alice:pw123@host.example", "rlogin ***@host.example"),
    ("scp -P 2222 ./x alice:pw123@host.example:/tmp/", "scp -P 2222 ./x ***@host.example:/tmp/"),
    ("rsync -av ./d alice:pw123@host.example:/srv", "rsync -av ./d ***@host.example:/srv"),
    ("sftp alice:pw123@host.example", "sftp ***@host.example"),
    ("telnet alice:pw123@host.example", "telnet ***@host.example"),
    ("mysqlsh alice:pw123@db.example:3306", "mysqlsh ***@db.example:3306"),
    ("mysqlsh --uri alice:pw123@db.example:3306", "mysqlsh --uri ***@db.example:3306"),
    ("psql alice:pw123@db.example", "psql ***@db.example"),
    ("mongosh alice:pw123@db.example", "mongosh ***@db.example"),
    ("ran `mosh alice:pw123@host.example` then", "ran `mosh ***@host.example` then"),
    ("psql postgresql://alice:pw123@db.example/app", "psql postgresql://***@db.example/app"),
    ("mysql://alice:pw123@db.example/app", "mysql://***@db.example/app"),
    # (no password: the target stays)
    ("mosh alice@host.example", "mosh alice@host.example"),
    ("rsync -av host:/srv/a alice@host.example:/srv", "rsync -av host:/srv/a alice@host.example:/srv"),
])
def test_a_remote_login_commands_password_is_masked(text: str, expected: str) -> None:
    assert _paths(text) == [expected] * 3


# --- 5: what is no secret stays as written ---------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "status code 200", "status code 4829", "error code 4829", "exit code 4829", "zip code 94107",
    "country code 4829", "door code review", "door code 12", "door code: see wiki", "pin the version",
    "PIN the version", "Pin the version 4.2.9", "PIN-123 pinned", "pin=v1.2.3", "pin: 2025-10-10",
    "pin 2024 as the baseline",
    "the password is expired", "the password is wrong", "the password is rotated", "the password is set",
    "the password is in 1Password", "password is expired!", "the password is case-sensitive!",
    "the Password Is Expired", "the PASSWORD is wrong",
    "the key is in the drawer", "the app key is rotated", "sort_key is abc12345", "pass the ball",
    "tests pass 42/42", "read/write", "Admin/Settings", "ROOT/Cause", "admin/settings page",
    "DB_PASSWORD ./pw.txt", "DB_PASSWORD missing!", "password=${DB_PASS:-$FALLBACK}",
    "password: ${DB_PASS:?must be set}", "echo $GH_TOKEN abc123def456",
    "ssh alice@host.example", "mysql -u root -p mydb", "psk mismatch on ap-3",
])
def test_no_secret_stays_as_written(text: str) -> None:
    assert _paths(text) == [text] * 3


def test_nothing_reaches_the_events_table() -> None:
    text = (
        "# Ops log\n\n## 2025-10-09\n\n"
        "- 09:10 UTC OPS-1 rotated the vendor PaSsWoRd: hunter 2pg\n"
        "- 09:20 UTC OPS-2 door code 4829 for the DC cage\n"
        "- 09:30 UTC OPS-3 reached the bastion with mosh alice:pw123@bastion.example\n"
        "- 09:40 UTC OPS-4 the password is Correct-Horse! (rotate after)\n"
        "- 09:50 UTC OPS-5 break-glass AdMiN/X9secret! on the switch\n"
    )
    assert parse_log(text, "x.md").events["text"].tolist() == [
        "09:10 UTC OPS-1 rotated the vendor PaSsWoRd: ***",
        "09:20 UTC OPS-2 door code *** for the DC cage",
        "09:30 UTC OPS-3 reached the bastion with mosh ***@bastion.example",
        "09:40 UTC OPS-4 the password is *** (rotate after)",
        "09:50 UTC OPS-5 break-glass AdMiN/*** on the switch",
    ]
