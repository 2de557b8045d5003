"""Round 15, SEC3: a password's value followed by a short word that is its rest ('Password=Hunter 2pg'),
references and placeholders kept as written ('${DB_PASS}', '<your-password>'), a key/value table's password
in small letters ('| db password | hunter 2pg |').

Each masked form is pinned exactly; each rule has prose it keeps as written.
"""

from __future__ import annotations

import pytest

from occ_lib.logs import parse_log
from occ_lib.redact import redact_field, redact_row, redact_text

try:
    from tests.secret_rules import all_keep, all_show
except ImportError:  # (run from tests/)
    from secret_rules import all_keep, all_show  # type: ignore[no-redef]


# --- 1: a password's spaced rest ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, shown", [
    ("- 09:00 Password=Hunter 2pg", "- 09:00 Password=***"),
    ("Password=Hunter 2pg", "Password=***"),
    ("db_password=hunter 2pg", "db_password=***"),
    ("Password=Hunter 2pg rotated by Ana", "Password=*** rotated by Ana"),
    ("Password=Hunter 2pg, then restart", "Password=***, then restart"),
    ("Password=Hunter 2pg and restart", "Password=*** and restart"),
    ("Password=Hunter 2pg 9x! then restart", "Password=*** 9x! then restart"),
    ("Password=Hunter 2pg P@ss rotated", "Password=*** rotated"),
    ("Password=Hunter 2", "Password=***"),
    ("password: Hunter 2pg", "password: ***"),
    ("passwd: abc 1a2b", "passwd: ***"),
])
def test_a_passwords_spaced_rest_is_masked(text, shown):
    all_show(text, shown, "2pg" if "2pg" in text else text.split()[-1])


def test_a_passwords_spaced_rest_in_a_log_event():
    doc = "# Ops\n\nAll times UTC.\n\n### 2025-10-10\n\n- 09:00 Password=Hunter 2pg rotated by Ana\n"
    logs = parse_log(doc, "x.md")
    assert logs.events["text"].tolist() == ["09:00 Password=*** rotated by Ana"]
    assert "2pg" not in logs.events.to_string()


@pytest.mark.parametrize("text, shown", [
    ("Password=Hunter2pg rotated by Ana", "Password=*** rotated by Ana"),
    ("password=Hunter2pg then restart", "password=*** then restart"),
    ("Password=Hunter2pg 42 minutes later", "Password=*** 42 minutes later"),  # (a count, not a last word)
    ("Password=Hunter2pg 3rd try", "Password=*** 3rd try"),  # (an ordinal)
    ("password=x9y8z7w6 2x faster", "password=*** 2x faster"),  # (a factor)
    ("Password=Hunter2pg Q3 rotation", "Password=*** Q3 rotation"),  # (a quarter)
    ("Password=Hunter2pg v2 format", "Password=*** v2 format"),  # (a version)
    ("Password=Hunter2pg OPS-12 done", "Password=*** OPS-12 done"),  # (a ticket)
])
def test_prose_after_a_passwords_value_stays(text, shown):
    all_show(text, shown, "Hunter2pg" if "Hunter2pg" in text else "x9y8z7w6")


@pytest.mark.parametrize("text", [
    "password: reset 2fa",
    "password: changed Q3",
    "the password rotated in v2",
    "password for db3 rotated",
])
def test_password_prose_with_a_short_word_stays(text):
    for f in (redact_text,):
        assert f(text) == text


# --- 2: references and placeholders stay --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Password=${DB_PASS}",
    "password: {{ vault_db_pass }}",
    "PASSWORD=$DB_PASS",
    "DB_PASSWORD=$DB_PASS",
    "export DB_PASSWORD=${DB_PASS}",
    "password=%DB_PASS%",
    "password: <redacted>",
    "password: ***",
    "password: xxxx",
    "password=XXXXXXXX",
    "password: <your-password>",
    "Password=<your-password>",
    "Server=db01;Password=${DB_PASS}",
    "token=${API_TOKEN}",
    "secret: {{ vault_secret }}",
    'password="${DB_PASS}"',
    "password: [REDACTED]",
])
def test_a_reference_or_a_placeholder_stays(text):
    all_keep(text)


@pytest.mark.parametrize("text, shown, secret", [
    ("password=${DB_PASS:-Hunter2pg} now", "password=*** now", "Hunter2pg"),  # (a default is a value)
    ("password=$ecretPa55", "password=***", "ecretPa55"),  # ('$' then no variable's name in capitals)
    ("password=Hunter2pg%", "password=***", "Hunter2pg"),
    ("password=<Hunter2pg>", "password=***", "Hunter2pg"),  # (a digit: no placeholder's name)
])
def test_a_secret_that_looks_like_a_reference_is_masked(text, shown, secret):
    for f in (redact_text,):
        out = f(text)
        assert out == shown
        assert secret not in out


def test_a_variables_default_in_a_path_holds_none_of_the_secret():
    from occ_lib.redact import redact_path
    assert "Hunter2pg" not in redact_path("password=${DB_PASS:-Hunter2pg} now")


# --- 3: a key/value table's password in small letters ---------------------------------------------------

@pytest.mark.parametrize("cells, shown", [
    (["db password", "hunter 2pg"], ["db password", "***"]),
    (["DB_PASSWORD", "hunter 2pg"], ["DB_PASSWORD", "***"]),
    (["DB_PASSWORD", "P@ss word"], ["DB_PASSWORD", "***"]),
    (["db password", "correct 9horse"], ["db password", "***"]),
])
def test_a_key_value_tables_lower_case_password_is_masked(cells, shown):
    assert redact_row(cells, ["key", "value"], [], 1) == shown


def test_a_key_value_tables_lower_case_password_in_a_log():
    doc = ("# Ops\n\nAll times UTC.\n\n### 2025-10-10\n\n| key | value |\n|---|---|\n"
           "| db password | hunter 2pg |\n| db user | app |\n")
    logs = parse_log(doc, "x.md")
    assert logs.events["text"].tolist() == ["db password | ***", "db user | app"]
    assert logs.tables["frame"][0].values.tolist() == [["db password", "***"], ["db user", "app"]]


@pytest.mark.parametrize("value", [
    "rotated 2x", "every 90d", "rotated Fri", "see OPS-12", "expires 2025-10-12", "Vault v2",
    "rotated v2", "hunter2 rotated", "stored in vault", "reset Q3", "down / up",
])
def test_a_key_value_tables_password_notes_stay(value):
    assert redact_field("db password", value) == value
    assert redact_row(["DB_PASSWORD", value], ["key", "value"], [], 1) == ["DB_PASSWORD", value]


# --- hunt: a malformed redirect's userinfo in the next request's path (httpx's log line) ----------------

def test_a_bad_redirects_userinfo_reaches_no_log(caplog):
    import logging

    from occ_lib.probe import run_probes
    from occ_lib.targets import Target

    try:
        from tests import probe_servers as ps
    except ImportError:
        import probe_servers as ps  # type: ignore[no-redef]
    reply = (b"HTTP/1.1 302 Found\r\nLocation: ht!tp://u:Hunter2pgLoc@h/x?access_token=tok9f8e7d6c\r\n"
             b"Content-Length: 0\r\n\r\n")
    caplog.set_level(logging.DEBUG)
    with ps.without_proxies(), ps.raw_server(reply) as port:
        df = run_probes([Target(name="loc", url=f"http://127.0.0.1:{port}/", follow_redirects=True)])
    assert df["error"].tolist() == ["too_many_redirects"]
    messages = [r.getMessage() for r in caplog.records if r.getMessage().startswith("HTTP Request:")]
    assert messages[1] == (f'HTTP Request: HEAD http://127.0.0.1:{port}/ht!tp:/***@h/x?access_token=*** '
                           '"HTTP/1.1 302 Found"')
    assert "Hunter2pgLoc" not in caplog.text and "tok9f8e7d6c" not in caplog.text
    assert "Hunter2pgLoc" not in df.astype(str).to_csv()


@pytest.mark.parametrize("url", [
    "https://registry.npmjs.org/@scope/pkg", "https://x.example/users/@bob", "https://x.example/a:b/c@d",
])
def test_an_at_sign_in_a_path_stays(url):
    from occ_lib.redact import redact_url
    assert redact_url(url) == url
