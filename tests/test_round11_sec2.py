"""Round 11, secret masking (sec2): a label after a secret name's colon stays and its value goes; a proxy's
or a URL's password with a space in it, quoted or to the end of a YAML line, goes; a quoted secret's value
in a file name keeps its quotes and the name's stamp and suffix."""

from __future__ import annotations

import pytest

from occ_lib import read_logs
from occ_lib._extract import redact
from occ_lib.evidence import _scrub
from occ_lib.redact import redact_header_value, redact_path, redact_text
from tests.secret_rules import TEXT_RULES

try:
    from tests.evidence_rows import one
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    from evidence_rows import one  # type: ignore[no-redef]



# --- 1: a label after a secret name's colon is kept, its value masked ---------------------------------------
@pytest.mark.parametrize("text, shown", [
    ("token: key=SECRET123", "token: key=***"),
    ("token: key=SECRET123 user=bob", "token: key=*** user=bob"),
    ("token: user=SECRET123", "token: user=***"),
    ("API token: key=SECRET123", "API token: key=***"),
    ("X-Api-Key: key=SECRET123", "X-Api-Key: key=***"),
    ("db_password: key=SECRET123", "db_password: key=***"),
    ("password is user=SECRET123", "password is user=***"),
    ('token: key="SECRET 123"', 'token: key="***"'),
    ("token: key='SECRET 123'", "token: key='***'"),
])
def test_a_label_after_a_secret_names_colon_stays(text, shown):
    for f in TEXT_RULES:
        assert f(text) == shown, f.__name__
        assert "SECRET" not in f(text)


@pytest.mark.parametrize("text", [
    "password: Zm9vYmFy=",  # (base64's padding: no label, the whole value goes)
    "password: P=ssword1",  # (a one-letter 'label' is the password's own start)
    "password: Pass1=word9",  # (a label has no digit)
    "token: key=",
    "token:key=SECRET123",  # (no space after the colon: the value is masked whole, as 'auth=key=X')
])
def test_a_value_that_only_looks_like_a_label_is_masked_whole(text):
    name = text.split(":")[0]
    sep = ": " if ": " in text else ":"
    for f in TEXT_RULES:
        assert f(text) == f"{name}{sep}***", f.__name__


# --- 2: a password with a space in a proxy's or a URL's userinfo --------------------------------------------
@pytest.mark.parametrize("text, shown", [
    ('HTTP_PROXY: "alice:s3cret PW@proxy"', 'HTTP_PROXY: "***@proxy"'),
    ("https_proxy='bob:p w@10.0.0.1:3128'", "https_proxy='***@10.0.0.1:3128'"),
    ('export HTTPS_PROXY="alice:s3cret PW@proxy.corp:3128"', 'export HTTPS_PROXY="***@proxy.corp:3128"'),
    ('HTTP_PROXY: "http://alice:s3cret PW@proxy"', 'HTTP_PROXY: "http://***@proxy"'),
    ('curl -x "alice:s3cret PW@proxy:3128" https://x.test/', 'curl -x "***@proxy:3128" https://x.test/'),
    ("curl --proxy 'alice:s3cret PW@proxy:3128' https://x.test/",
     "curl --proxy '***@proxy:3128' https://x.test/"),
    # (YAML: an unquoted value runs to the end of its line)
    ("http_proxy: alice:s3cret PW@proxy.corp:3128", "http_proxy: ***@proxy.corp:3128"),
    ("  https_proxy: http://alice:s3cret PW@proxy.corp:3128", "  https_proxy: http://***@proxy.corp:3128"),
    # (a password with '@' and a space: up to the last '@' before the host)
    ('HTTP_PROXY="alice:s3@cret PW@proxy"', 'HTTP_PROXY="***@proxy"'),
    # (any URL in quotes: a space ends a URL in free text, not in quotes)
    ('DATABASE_URL="postgres://app:p w@db.internal/app"', 'DATABASE_URL="postgres://***@db.internal/app"'),
    ("psql 'postgresql://u:s3cret PW@h/db' -c 'select 1'", "psql 'postgresql://***@h/db' -c 'select 1'"),
])
def test_a_password_with_a_space_in_a_userinfo_is_masked(text, shown):
    for f in TEXT_RULES:
        assert f(text) == shown, f.__name__
        assert "s3" not in f(text) and "p w" not in f(text) and "PW" not in f(text)


@pytest.mark.parametrize("text", [
    'proxy: "see ops: bob@corp.com"',
    "proxy: down, see ops: ask bob@corp.com",
    'HTTP_PROXY: "http://proxy.corp:3128"',
    "Via: 1.1 proxy (contact: ops@corp.com)",
    "Proxy: mailto:ops@corp.com",
    'proxy: "sip:alice@pbx"',
])
def test_an_address_after_a_proxy_in_prose_stays(text):
    assert redact_text(text) == text
    assert redact(text) == text


# --- 3: a quoted secret's value in a file name keeps its quotes ---------------------------------------------
@pytest.mark.parametrize("text, shown", [
    ('token="abc_2025-10-08.json"', 'token="***_2025-10-08.json"'),
    ('api_key="sk_live_AbC123xyz9-x"', 'api_key="***"'),
    ("check_token='SECRET123_2025-10-10T02-50-44Z.log' x", "check_token='***_2025-10-10T02-50-44Z.log' x"),
    # (quoted, a '_' is the value's own: only a stamp and a suffix at its end stay)
    ('token="abc_def"', 'token="***"'),
    ('password="Summer_2025-10-08"', 'password="***"'),
])
def test_a_quoted_value_in_a_path_keeps_its_quotes(text, shown):
    assert redact_path(text) == shown
    for secret in ("abc", "AbC", "SECRET", "Summer", "def"):
        assert secret not in redact_path(text)
    # (a stricter pass keeps what redact_path left)
    assert _scrub(redact_path(text)) == shown


# --- found on the hunt ------------------------------------------------------------------------------------
def test_a_passphrase_in_a_log_item_is_masked(tmp_path):
    # ('passphrase' was no word of the log parser's gate: the item kept its secret)
    text = "09:55: ssh-rsa key passphrase: Ph@seR8se"
    assert redact(text) == "09:55: ssh-rsa key passphrase: ***"
    p = tmp_path / "ops.md"
    p.write_text("# Ops\n\nAll times UTC.\n\n### 2025-10-08\n- " + text + "\n", encoding="utf-8")
    logs = read_logs(str(p))
    assert logs.events["text"].tolist() == ["09:55: ssh-rsa key passphrase: ***"]


def test_a_via_headers_userinfo_is_masked_in_the_evidence_row(tmp_path):
    # (the row keeps the value alone, without the 'Via:' that says what a 'user:pw@host' in it is)
    r = one(tmp_path, "g.log", "$ curl https://x.test/\n< HTTP/1.1 200 OK\n"
            "< date: Wed, 08 Oct 2025 10:00:00 GMT\n< Via: 1.1 alice:V1aPassw0rd@proxy, 1.0 edge\n")
    assert r["h_via"] == "1.1 ***@proxy, 1.0 edge"


def test_the_probe_keeps_a_via_headers_value_masked():
    assert redact_header_value("via", "1.1 alice:V1aPassw0rd@proxy") == "1.1 ***@proxy"
    assert redact_header_value("server", "nginx/1.25 (token=abc123secret)") == "nginx/1.25 (token=***)"
    assert redact_header_value("date", "Wed, 08 Oct 2025 10:00:00 GMT") == "Wed, 08 Oct 2025 10:00:00 GMT"


STAMP = "_2025-10-08T10-00-00Z.log"
OK = "$ curl https://x.test/\n< HTTP/1.1 200 OK\n< date: Wed, 08 Oct 2025 10:00:00 GMT\n"


@pytest.mark.parametrize("name, shown", [
    (f"curl_https___u_Fn4meP4ss@x.test{STAMP}", f"curl_https___***@x.test{STAMP}"),
    (f"curl_https___u:Fn4meP4ss@x.test{STAMP}", f"curl_https___***@x.test{STAMP}"),
    # (a path's '/@scope' is no userinfo)
    ("curl_https___registry.npmjs.org_@scope_pkg_2025-10-08.log",
     "curl_https___registry.npmjs.org_@scope_pkg_2025-10-08.log"),
])
def test_a_urls_userinfo_in_a_file_name_is_masked(tmp_path, name, shown):
    assert redact_path(name) == shown
    assert one(tmp_path, name, OK)["evidence_path"] == shown


@pytest.mark.parametrize("text, shown", [
    ("vendor creds: user `svc_ops` / pass `VendP4ss!x`", "vendor creds: user `svc_ops` / pass `***`"),
    ("creds are admin / Adm1nPass99", "creds are admin / ***"),
    ("login: ops, password Tr0ub4dor&3.", "login: ops, password ***."),
    ("SMTP AUTH PLAIN AHVzZXIAU210cFBhc3M5OQ== accepted", "SMTP AUTH PLAIN *** accepted"),
])
def test_a_login_written_as_user_and_password_loses_the_password(text, shown):
    for f in TEXT_RULES:
        assert f(text) == shown, f.__name__
    for secret in ("VendP4ss", "Adm1nPass99", "Tr0ub4dor", "U210cFBhc3M5OQ"):
        assert secret not in redact(text)


@pytest.mark.parametrize("text, shown", [
    # (a connection string's '=' stays with the name: the pair's own rule masks the value)
    ("Server=sql01;User Id=sa;Password=Str0ngSqlPass9;", "Server=sql01;User Id=sa;Password=***;"),
    ("user bob; password=Tr0ub4dor&3", "user bob; password=***"),
])
def test_a_password_pair_after_a_user_keeps_its_equals_sign(text, shown):
    for f in (redact_text, redact, _scrub):
        assert f(text) == shown, f.__name__


@pytest.mark.parametrize("text", [
    "login failed for user bob, retrying",
    "user bob / 3 attempts",
    "user alice, passed QA-123 today",
    "the user login and password page was fixed",
    "users / passwords rotated 2025-10-08",
    "user bob, 10.0.0.7:8443 blocked",
    "user reports, https://status.page/x",
    "user bob, bob@corp.com notified",
    "SMTP AUTH LOGIN ok",
])
def test_prose_about_users_and_logins_stays(text):
    assert redact_text(text) == text
    assert redact(text) == text


@pytest.mark.parametrize("text, shown", [
    # (a fine-grained PAT has no 'gh' in it: the gate of known forms passed it over)
    ("ci pushed with github_pat_11AAAAAAA0aaaaaaaaaaaa_" + "b" * 59, "ci pushed with ***"),
    ("slack refresh xoxe-1-My0xLTEyMzQ1Njc4OTAtMTIzNDU2Nzg5MDEy leaked", "slack refresh *** leaked"),
    ("GOCSPX-0123456789abcdefghijkl leaked", "*** leaked"),
    ("//registry.npmjs.org/:_authToken=NpmRcAuthTok3n99", "//registry.npmjs.org/:_authToken=***"),
    ("//registry.npmjs.org/:_auth=dXNlcjpwYXNzd29yZA==", "//registry.npmjs.org/:_auth=***"),
    ("the PagerDuty routing key R0123456789abcdef0123456789abcdef", "the PagerDuty routing key ***"),
    ("<password>XmlPw99x</password>", "<password>***</password>"),
    ('<ns:apiKey attr="1">AbCdEf0123456</ns:apiKey>', '<ns:apiKey attr="1">***</ns:apiKey>'),
    ('<add key="ApiKey" value="XmlAttrKey99"/>', '<add key="ApiKey" value="***"/>'),
    ('<param name="password" value="XmlParamPw9"/>', '<param name="password" value="***"/>'),
    ('<meta name="csrf-token" content="CsrfAbCdEf0123456789">', '<meta name="csrf-token" content="***">'),
])
def test_more_forms_and_names_of_secrets_are_masked(text, shown):
    for f in (redact_text, redact, _scrub):
        assert f(text) == shown, f.__name__
    for secret in ("bbbbbbbbbbbb", "My0xLTEy", "0123456789abcdefghijkl", "NpmRcAuthTok3n99", "dXNlcjpw",
                   "R0123456789abcdef", "XmlPw99x", "AbCdEf0123456", "XmlAttrKey99", "XmlParamPw9"):
        assert secret not in redact(text)


@pytest.mark.parametrize("text", [
    "<title>Token rotation</title>",
    "<token>rotated</token>",
    "the master key rotation completed",
    '<param name="color" value="Blue5"/>',
    '<meta name="description" content="Status 2025">',
])
def test_prose_and_markup_near_secret_words_stays(text):
    assert redact_text(text) == text
    assert redact(text) == text


@pytest.mark.parametrize("text, shown", [
    ("- 10:04: password -> ArrowPw99x", "- 10:04: password -> ***"),
    ("password \u2192 Arr0wPw!x", "password \u2192 ***"),
    ('- 10:07: token "QuotedTok 99 spaced"', '- 10:07: token "***"'),
    ('private key passphrase "Pass Phrase 9!"', 'private key passphrase "***"'),
    ("Password: `Hunter 2 with spaces`", "Password: `***`"),
])
def test_a_secret_after_an_arrow_or_quoted_with_spaces_is_masked(text, shown):
    for f in (redact_text, redact, _scrub):
        assert f(text) == shown, f.__name__


@pytest.mark.parametrize("text", [
    'the token "expired soon" error',
    "token -> rotated",
    'the error "invalid token" at 10:05',
    '"token", "a b1"',
])
def test_quoted_prose_after_a_secret_word_stays(text):
    assert redact_text(text) == text
    assert redact(text) == text
