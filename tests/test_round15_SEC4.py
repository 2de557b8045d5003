"""Round 15, SEC4: a variable's default where a secret's value goes is masked whole in every rule
('password: ${DB_PASS:-default}' -> 'password: ***'), prose's 'password is Hunter 2pg' is masked, and a
password manager's name in a note ('in 1password', '1Password vault') is no credential.

Each masked form is pinned exactly; each rule has prose it keeps as written.
"""

from __future__ import annotations

import pytest

from occ_lib.evidence import _scrub
from occ_lib.logs import parse_log
from occ_lib.redact import redact_field, redact_path, redact_row, redact_text

try:
    from tests.secret_rules import all_keep, all_show
except ImportError:  # (run from tests/)
    from secret_rules import all_keep, all_show  # type: ignore[no-redef]


HEAD = "# Ops\n\nAll times UTC.\n\n### 2025-10-10\n\n"


# --- 1: a reference with a default ------------------------------------------------------------------------

@pytest.mark.parametrize("text, shown, secret", [
    ("password: ${DB_PASS:-default}", "password: ***", "default"),
    ("password: ${DB_PASS:-Hunter2pg}", "password: ***", "Hunter2pg"),
    ("password=${DB_PASS:-Hunter2pg} now", "password=*** now", "Hunter2pg"),
    ("DB_PASSWORD=${DB_PASS:-hunter2}", "DB_PASSWORD=***", "hunter2"),
    ("DB_PASS=${DB_PASS:-hunter2}", "DB_PASS=***", "hunter2"),
    ("export X=${DB_PASS:-hunter2}", "export X=***", "hunter2"),  # (the variable's own name says it)
    ('"password": "${DB_PASS:-Hunter2pg}"', '"password": "***"', "Hunter2pg"),
    ("password: '${DB_PASS:-Hunter 2pg}'", "password: '***'", "2pg"),
    ("the password is ${DB_PASS:-Hunter2pg}", "the password is ***", "Hunter2pg"),
    ("api_token=${API_TOKEN:=abc123def}", "api_token=***", "abc123def"),
    ("password=${DB_PASS-Hunter2pg}", "password=***", "Hunter2pg"),
])
def test_a_references_default_is_masked_whole_in_every_rule(text, shown, secret):
    all_show(text, shown, secret)


def test_a_references_default_in_a_path_reads_cleanly():
    # (before: 'password=***{DB_PASS:***} now')
    assert redact_path("password=${DB_PASS:-Hunter2pg} now") == "password=*** now"
    assert redact_path("notes_password=${DB_PASS:-Hunter2pg}.md") == "notes_password=***.md"


@pytest.mark.parametrize("text", [
    "password: ${DB_PASS:-}",  # (an empty default: no value; before, _scrub gave '***{DB_PASS:-}')
    "password=${DB_PASS:-$FALLBACK}",  # (a reference as the default; before, redact_path gave '***{...}')
    "password: ${DB_PASS:?must be set}",  # (an error's text; before, _scrub gave '***{...}')
    "port=${PORT:-5432}",
    "url=${BASE_URL:-http://h}",
    "password: ${DB_PASS}",
])
def test_a_reference_without_a_secrets_default_stays(text):
    all_keep(text)


def test_a_stricter_evidence_name_masks_its_default_whole():
    # (redact_text reads 'token_ttl' as no secret's; the evidence's stricter name test does: one form, whole)
    assert redact_text("token_ttl=${TOKEN_TTL:-3600}") == "token_ttl=${TOKEN_TTL:-3600}"
    assert _scrub("token_ttl=${TOKEN_TTL:-3600}") == "token_ttl=***"


def test_a_references_default_in_a_field_and_a_log():
    assert redact_field("DB_PASSWORD", "${DB_PASS:-Hunter2pg}") == "***"
    assert redact_field("DB_PASSWORD", "${DB_PASS:-}") == "${DB_PASS:-}"
    # (a reference in a key/value table's value cell; before: '***')
    assert redact_field("DB_PASSWORD", "${DB_PASS}") == "${DB_PASS}"
    assert redact_row(["DB_PASSWORD", "${DB_PASS}"], ["key", "value"], [], 1) == ["DB_PASSWORD", "${DB_PASS}"]
    doc = HEAD + "- 09:00 db password: ${DB_PASS:-Hunter2pg} set on web01\n"
    logs = parse_log(doc, "x.md")
    assert logs.events["text"].tolist() == ["09:00 db password: *** set on web01"]
    assert "Hunter2pg" not in logs.events.to_string()


# --- 2: 'password is Hunter 2pg' ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, shown, secret", [
    ("password is Hunter 2pg", "password is ***", "2pg"),
    ("the password is Hunter2pg", "the password is ***", "Hunter2pg"),
    ("pw is Hunter2pg", "pw is ***", "Hunter2pg"),
    ("new password: Hunter2pg", "new password: ***", "Hunter2pg"),
    ("the password is Hunter 2pg.", "the password is ***.", "2pg"),
    ("password is hunter 2pg", "password is ***", "2pg"),
    ("password was Hunter 2pg, then rotated", "password was ***, then rotated", "2pg"),
    ("password is now Hunter2pg", "password is ***", "Hunter2pg"),  # (before: kept whole)
    ("password is set to Hunter2pg", "password is set to ***", "Hunter2pg"),  # (before: kept whole)
    ("password was changed to Tr0ub4dor&3", "password was changed to ***", "Tr0ub4dor"),
])
def test_a_password_in_prose_is_masked(text, shown, secret):
    all_show(text, shown, secret)


@pytest.mark.parametrize("text", [
    "the password is in the vault",
    "password is rotated",
    "password is expired",
    "password is rotated every 90d",
    "password was rotated 2x",
    "password is expired since 3d",
    "password is stored in vault01",
    "Password is OK on web01",
    "password is set to expire",
    "password was reset to default",
    "password is the same as prod1",
    "pwd is /srv/app 01",
])
def test_prose_about_a_password_stays(text):
    all_keep(text)


def test_a_password_in_prose_in_a_log_event():
    doc = HEAD + "- 09:00 vendor said the password is Hunter 2pg for now\n"
    logs = parse_log(doc, "x.md")
    assert logs.events["text"].tolist() == ["09:00 vendor said the password is *** for now"]
    assert "2pg" not in logs.events.to_string()


# --- 3: a password manager's name ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "in 1password",
    "1Password vault",
    "see 1password item DB-prod",
    "password is in 1password",
    "the password is in the 1Password vault",
    "password: see 1Password",
    "password: 1Password vault",
    "DB password in 1Password item DB-prod",
    "password: op://prod/db/password",  # (1Password's secret reference)
])
def test_a_password_managers_name_stays(text):
    all_keep(text)


@pytest.mark.parametrize("name, value", [
    ("db password", "in 1password"),
    ("password", "1Password vault"),
    ("password", "see 1password item DB-prod"),
    ("DB_PASSWORD", "1Password's Ops vault"),
])
def test_a_password_managers_name_in_a_field_stays(name, value):
    assert redact_field(name, value) == value  # (before: 'in ***', '*** vault', 'see *** item DB-prod')


def test_a_password_managers_name_in_a_table_row_stays():
    row = ["db password", "in 1password"]
    assert redact_row(row, ["key", "value"], [], 1) == row
    assert redact_row(["db password", "hunter 2pg"], ["key", "value"], [], 1) == ["db password", "***"]


@pytest.mark.parametrize("text, shown", [
    ("password=1Password", "password=***"),  # (a value alone may be the password itself)
    ("password: 1Password", "password: ***"),
])
def test_a_password_managers_name_alone_as_a_value_is_masked(text, shown):
    all_show(text, shown, "1Password")
    assert redact_field("password", "1Password") == "***"


# --- the report hunt: what reached the store and the report on main ---------------------------------------

CHECK = (
    '{"results": [{"check": "staging-app-mock", "url": "https://hotdash-staging.fly.dev/app?mock=1",'
    ' "statusCode": 500, "success": false, "latencyMs": 900.1, "checkedAt": "2025-10-08T10:30:00Z",'
    ' "error": "connect failed: password=JsErrPw22 and the password is Js Pw9q, db ${DB_PASS:-JsDef77}"}]}'
)


def test_a_check_errors_prose_password_reaches_no_store_row(tmp_path):
    # (on main the error message kept "the password is Js Pw9q" and the Parquet store held it)
    from occ_lib.evidence import read_evidence
    path = tmp_path / "synthetic-check-2025-10-08.json"
    path.write_text(CHECK)
    df, problems = read_evidence([path])
    assert problems == []
    assert df["error_message"].tolist() == [
        "connect failed: password=*** and the password is ***, db ***"]
    assert not any(s in df.astype(str).to_csv() for s in ("JsErrPw22", "Pw9q", "JsDef77"))


def test_prose_passwords_reach_no_timeline_row():
    # (on main 'password is Dl Pw4x' and 'password was changed to Tr0ub4dor&3xQ' reached the escalation
    # timeline, the SLA misses and the weekly report's HTML and executed notebooks)
    doc = HEAD + ("- 08:00 OPS-202 opened, password is Dl Pw4x; ETA 14:00 UTC\n"
                  "- 08:05 OPS-202 password was changed to Tr0ub4dor&3xQ\n")
    logs = parse_log(doc, "x.md")
    assert logs.events["text"].tolist() == [
        "08:00 OPS-202 opened, password is ***; ETA 14:00 UTC", "08:05 OPS-202 password was changed to ***"]
    assert not any(s in logs.deadlines.astype(str).to_csv() for s in ("Pw4x", "Tr0ub4dor"))
