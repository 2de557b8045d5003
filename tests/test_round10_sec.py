"""Round 10, secret masking (sec): a mask ends with its secret, so that a file name's stamp and suffix,
a label before a value, a closing backtick stay; and the secrets found in a proxy's userinfo and a
webhook URL written as a file name go."""

from __future__ import annotations

import pandas as pd
import pytest

from occ_lib._extract import redact
from occ_lib.evidence import _scrub
from occ_lib.redact import redact_known_in_name, redact_path, redact_text, redact_url

try:
    from tests.evidence_rows import one
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    from evidence_rows import one  # type: ignore[no-redef]

STAMP = "_2025-10-10T02-50-44Z.log"


# --- F1: a known token in a file name ends at the first character its form does not hold -------------------
@pytest.mark.parametrize("secret, name, shown", [
    ("sk_live_AbC123xyz", f"curl_sk_live_AbC123xyz{STAMP}", f"curl_***{STAMP}"),
    ("sk_live_4eC39HqLyjWDarjtT1zdp7dc", f"evidence/curl_sk_live_4eC39HqLyjWDarjtT1zdp7dc{STAMP}",
     f"evidence/curl_***{STAMP}"),
    ("ghp_abcdefghijklmnopqrstuvwxyz0123456789", f"curl_ghp_abcdefghijklmnopqrstuvwxyz0123456789{STAMP}",
     f"curl_***{STAMP}"),
    # (a name's part after the token, no stamp: it stays too)
    ("ghp_abcdefghijklmnopqrstuvwxyz0123456789", "curl_ghp_abcdefghijklmnopqrstuvwxyz0123456789_prod.log",
     "curl_***_prod.log"),
    # (Slack's form takes '-': the dash before a stamp ends it all the same)
    ("xoxb-1234567890-abcdefghij", f"curl_xoxb-1234567890-abcdefghij{STAMP}", f"curl_***{STAMP}"),
    ("xoxb-1234567890-abcdefghij", "curl_xoxb-1234567890-abcdefghij-2025-10-10T02-50-44Z.log",
     "curl_***-2025-10-10T02-50-44Z.log"),
    # (a date alone, with its dashes, is a stamp too)
    ("xoxb-1234567890-abcdefghij", "curl_xoxb-1234567890-abcdefghij-2025-10-08.json",
     "curl_***-2025-10-08.json"),
])
def test_a_known_token_in_a_file_name_keeps_the_stamp_in_any_text(secret, name, shown):
    for f in (redact_text, redact_path, redact_known_in_name, redact):
        assert f(name) == shown, f.__name__
        assert secret not in f(name)
    line = f"evidence: {name} (probe failed)"
    assert redact(line) == f"evidence: {shown} (probe failed)"


def test_a_short_stripe_word_without_a_digit_is_no_key():
    name = "curl_sk_live_short_2025-10-10T09-00-00Z.log"
    assert redact_text(name) == name
    assert redact_text("sk_test_fixtures.py") == "sk_test_fixtures.py"
    assert redact_text("sk_test_fixture1.py") == "***.py"


def test_the_evidence_row_of_a_file_named_with_a_token_keeps_its_time(tmp_path):
    r = one(tmp_path, f"curl_sk_live_AbC123xyz{STAMP}", "HTTP/1.1 204 No Content\r\n\r\n")
    assert (r["evidence_path"], r["target"]) == (f"curl_***{STAMP}", "curl_***")
    assert r["started_at"] == pd.Timestamp("2025-10-10T02:50:44Z")
    assert "AbC123xyz" not in pd.DataFrame([r]).astype("string").to_csv()


# --- F2: a secret's value in a file name ends before the name's stamp and suffix ----------------------------
@pytest.mark.parametrize("text, shown", [
    ("check_api_key=ArtKey12345abcdef_2025-10-08.json", "check_api_key=***_2025-10-08.json"),
    ("see evidence/check_api_key=ArtKey12345abcdef_2025-10-10T02-50-44Z.log now",
     "see evidence/check_api_key=***_2025-10-10T02-50-44Z.log now"),
    ("password=ArtKey12345abcdef.2025-10-08.json", "password=***.2025-10-08.json"),
])
def test_a_secret_value_in_a_file_name_keeps_the_name_tail(text, shown):
    for f in (redact_text, redact_path, redact, _scrub):
        assert f(text) == shown, f.__name__
        assert "ArtKey12345abcdef" not in f(text)


def test_a_value_ending_in_a_date_without_a_suffix_is_masked_whole():
    # (a password may end in a date: only a file name's extension says the date is the name's)
    assert redact_text("api_key=Summer_2025-10-08") == "api_key=***"
    assert redact_text('token="ArtKey12345abcdef_2025-10-08.json"') == 'token="***"'
    assert _scrub("api_key=***-extra") == "api_key=***"


# --- F5: a credential in backticks keeps the closing backtick -----------------------------------------------
@pytest.mark.parametrize("text, shown", [
    ("`Authorization: Bearer abc.def.ghi`", "`Authorization: Bearer ***`"),
    ("`Authorization: Bearer abc`", "`Authorization: Bearer ***`"),
    ("`Proxy-Authorization: Basic dXNlcjpwYXNz` was sent", "`Proxy-Authorization: Basic ***` was sent"),
    ("`Authorization: abc.def.ghi.jkl`", "`Authorization: ***`"),
])
def test_a_credential_in_backticks_keeps_the_closing_backtick(text, shown):
    for f in (redact_text, redact, _scrub):
        assert f(text) == shown, f.__name__
    for secret in ("abc.def.ghi", "dXNlcjpwYXNz"):
        assert secret not in _scrub(text)


# --- F6: after an empty value, the next pair's name is a label, not the value -----------------------------
@pytest.mark.parametrize("text, shown", [
    ("auth= key=SECRET123", "auth= key=***"),
    ("auth= key=SECRET", "auth= key=***"),
    ("auth=  api_key=SECRET123 retry", "auth=  api_key=*** retry"),
    ("password= token=SECRET123 user=bob", "password= token=*** user=bob"),
    # (no space: the value of 'auth' is 'key=...', masked whole as before; a value that is no label)
    ("auth=key=SECRET123", "auth=***"),
    ("password= SECRET123", "password= ***"),
])
def test_a_label_after_an_empty_value_stays(text, shown):
    for f in (redact_text, redact, _scrub):
        assert f(text) == shown, f.__name__
        assert "SECRET" not in f(text)


# --- F4: a proxy's userinfo written without a scheme ----------------------------------------------------
@pytest.mark.parametrize("text, shown", [
    ("Via: 1.1 user:pw@proxy", "Via: 1.1 ***@proxy"),
    ("< Via: 1.1 alice:s3cretPW@proxy.corp:3128, 1.0 edge", "< Via: 1.1 ***@proxy.corp:3128, 1.0 edge"),
    # (a password with '@' in it: up to the last '@' before the host)
    ("via: 1.1 alice:s3cret@PW@proxy", "via: 1.1 ***@proxy"),
    ("HTTPS_PROXY=alice:s3cretPW@proxy.corp:3128", "HTTPS_PROXY=***@proxy.corp:3128"),
    ('export https_proxy="alice:s3cretPW@proxy.corp:3128"', 'export https_proxy="***@proxy.corp:3128"'),
    ("curl -x alice:s3cretPW@proxy:3128 https://x.test/", "curl -x ***@proxy:3128 https://x.test/"),
    ("curl --proxy alice:s3cretPW@proxy:3128 https://x.test/", "curl --proxy ***@proxy:3128 https://x.test/"),
    # (a URL's scheme stays: its userinfo is redact_url's)
    ("ALL_PROXY=socks5h://alice:s3cretPW@proxy:1080", "ALL_PROXY=socks5h://***@proxy:1080"),
    ("HTTPS_PROXY=http://alice:s3cretPW@proxy.corp:3128", "HTTPS_PROXY=http://***@proxy.corp:3128"),
    ('{"Via": "1.1 alice:s3cretPW@proxy"}', '{"Via": "1.1 ***@proxy"}'),
])
def test_a_proxy_userinfo_without_a_scheme_is_masked(text, shown):
    for f in (redact_text, redact, _scrub):
        assert f(text) == shown, f.__name__
        assert "s3cret" not in f(text) and ":pw@" not in f(text)


@pytest.mark.parametrize("text", [
    "Via: 1.1 vegur",
    "Via: 1.1 proxy (contact: ops@corp.com)",
    "Proxy: mailto:ops@corp.com",
    "Via: SIP/2.0/UDP sip:alice@pbx",
    "via email to bob@corp.com: done",
])
def test_an_address_near_a_proxy_is_no_userinfo(text):
    assert redact_text(text) == text
    assert redact(text) == text


# --- F3: a webhook URL written in a file name or a path ---------------------------------------------------
HOOK = "T0123ABCD_B0456EFGH_XyZ123abcDEF456ghiJKL789"


@pytest.mark.parametrize("text, shown", [
    (f"hooks.slack.com_services_{HOOK}{STAMP}", f"hooks.slack.com_services_***{STAMP}"),
    (f"evidence/curl_https___hooks.slack.com_services_{HOOK}{STAMP}",
     f"evidence/curl_https___hooks.slack.com_services_***{STAMP}"),
    # (the folders of a path, and a '_' inside the secret: it runs to the stamp)
    (f"evidence/hooks.slack.com/services/T0123ABCD/B0456EFGH/XyZ123abc_DEF456ghiJKL789{STAMP}",
     f"evidence/hooks.slack.com/services/***{STAMP}"),
    (f"hooks.slack.com_services_{HOOK}.json", "hooks.slack.com_services_***.json"),
    ("discord.com_api_webhooks_123456789_abcDEF-ghiJKL_2025-10-08.json",
     "discord.com_api_webhooks_***_2025-10-08.json"),
    # (the URL itself: its stamp after it stays too)
    (f"https://hooks.slack.com/services/T0123ABCD/B0456EFGH/XyZ123abcDEF456ghiJKL789{STAMP}",
     f"https://hooks.slack.com/services/***{STAMP}"),
])
def test_a_webhook_url_in_a_file_name_loses_its_secret(text, shown):
    for f in (redact_text, redact_path, redact_known_in_name, redact):
        assert f(text) == shown, f.__name__
        assert "XyZ123abc" not in f(text) and "abcDEF-ghiJKL" not in f(text)


def test_the_evidence_row_of_a_file_named_by_a_webhook_url(tmp_path):
    r = one(tmp_path, f"curl_https___hooks.slack.com_services_{HOOK}{STAMP}", "HTTP/1.1 200 OK\r\n\r\n")
    assert r["evidence_path"] == f"curl_https___hooks.slack.com_services_***{STAMP}"
    assert r["started_at"] == pd.Timestamp("2025-10-10T02:50:44Z")
    assert "XyZ123abc" not in pd.DataFrame([r]).astype("string").to_csv()


@pytest.mark.parametrize("text", [
    "the hooks.slack.com services are down",
    "see hooks.slack.com/services/ docs",
])
def test_a_webhook_host_in_prose_stays(text):
    assert redact_text(text) == text


# --- found on the way: a scheme word in a path's pair, Outlook's '/webhook/' --------------------------------
def test_a_credential_after_a_scheme_word_in_a_path_is_masked():
    # (the pair's rule masked 'Bearer' and left the credential after it, which no later rule found)
    assert redact_path("Authorization=Bearer abc.def.ghi_2025-10-08.json") == "Authorization=Bearer ***"
    assert redact_path("check_auth=Bearer_2025-10-08.json") == "check_auth=***_2025-10-08.json"


@pytest.mark.parametrize("f, text, shown", [
    (redact_url, "https://outlook.office.com/webhook/abc@def/IncomingWebhook/x0/y1",
     "https://outlook.office.com/webhook/***"),
    (redact_path, "outlook.office.com_webhook_abc@def_IncomingWebhook_x0_y1_2025-10-08.json",
     "outlook.office.com_webhook_***_2025-10-08.json"),
])
def test_an_outlook_webhook_loses_its_whole_path(f, text, shown):
    assert f(text) == shown


@pytest.mark.parametrize("text, want", [
    ("api_key=sk_live_AbC123xyz9-extra", "api_key=***"),
    ("api_key=sk_live_AbC123xyz9-extra and more", "api_key=*** and more"),
    ("token=ghp_abcdefghijklmnopqrstuvwxyz0123456789-x", "token=***"),
    ("check_api_key=sk_live_AbC123xyz9_2025-10-08.json", "check_api_key=***_2025-10-08.json"),
])
def test_a_secret_pairs_value_is_masked_whole_after_a_known_tokens_mask(text, want):
    assert redact_text(text) == want
    assert "extra" not in redact_text(text) and "-x" not in redact_text(text)
