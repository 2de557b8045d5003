"""Round 11, secret masking (sec3): an ALL_CAPS secret's variable, a space and its value; a password's '&'
outside a URL; a URL's credential under a one-letter name or in a one-time link's path; a pair URL-encoded
in free text; a password in parentheses after its name."""

from __future__ import annotations

import pytest

from occ_lib.redact import redact_url
from tests.secret_rules import TEXT_RULES
from tests.secret_rules import all_keep as _all_keep
from tests.secret_rules import all_show as _all_show


# --- 1: an ALL_CAPS variable named for a secret, a space, a credential --------------------------------------
@pytest.mark.parametrize("text, shown, secret", [
    ("AWS_SECRET_ACCESS_KEY wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_SECRET_ACCESS_KEY ***", "wJalr"),
    ("export API_TOKEN abc123def456.", "export API_TOKEN ***.", "abc123"),
    ("API_KEY Abc123def456 set", "API_KEY *** set", "Abc123"),
    ("STRIPE_SECRET_KEY_PROD\tsk12345678", "STRIPE_SECRET_KEY_PROD\t***", "sk1234"),
    # (20+ characters of both cases: base64 without a digit)
    ("SLACK_SIGNING_SECRET AbCdEfGhIjKlMnOpQrStUv", "SLACK_SIGNING_SECRET ***", "AbCdEf"),
])
def test_an_env_secrets_value_after_a_space_is_masked(text, shown, secret):
    _all_show(text, shown, secret)


@pytest.mark.parametrize("text", [
    "GH_TOKEN SEC-110 pending",
    "API_KEY v1.2.3 deployed",
    "DB_PASSWORD ./pw.txt",
    "DB_PASSWORD creds.json",
    "DB_PASSWORD is not set",
    "GITHUB_TOKEN rotated yesterday",
    "API_KEY 2025-10-08 rotation",
    "SESSION_TIMEOUT 3600s",
    "SLACK_BOT_TOKEN ENVIRONMENT_VAR2",
    "AWS_ACCESS_KEY_ID AKIAEXAMPLE1234",  # (a key's id is no secret)
    "BUILD_NUMBER abc123def456",  # (no secret's word in the name)
    "echo $GH_TOKEN abc123def456",  # (a variable read, then another word)
])
def test_an_env_name_before_prose_stays(text):
    _all_keep(text)


# --- 2: outside a URL's query, a password's '&' is its own -------------------------------------------------
@pytest.mark.parametrize("text, shown", [
    ("user bob; password=Tr0ub4dor&3", "user bob; password=***"),
    ("password=Tr0ub4dor&3 ok", "password=*** ok"),
    ("db_passwd=Abc&12&x9 done", "db_passwd=*** done"),
    # (a file name's stamp and suffix after it stay)
    ("check_password=ab&cd_2025-10-08.json", "check_password=***_2025-10-08.json"),
])
def test_an_ampersand_in_a_password_is_masked_with_it(text, shown):
    _all_show(text, shown, "&")


@pytest.mark.parametrize("text, shown", [
    ("password=abc123&user=bob", "password=***&user=bob"),  # (the next pair's name)
    ("password=abc & more", "password=*** & more"),
    ("https://x.test/?password=ab&3", "https://x.test/?password=***&3"),  # (a URL's query)
    ("login?password=ab&3", "login?password=***&3"),
    ("token=abc123x&3 z", "token=***&3 z"),  # (only a password's)
])
def test_an_ampersand_that_separates_stays(text, shown):
    for f in TEXT_RULES:
        assert f(text) == shown, f.__name__


# --- 3: a URL's credential under a one-letter name, or in a one-time link's path ---------------------------
@pytest.mark.parametrize("text, shown, secret", [
    ("https://x.test/magic?t=MagicT0ken99", "https://x.test/magic?t=***", "MagicT0ken99"),
    ("open https://x.test/l?k=Ab12Cd34Ef56&lang=en now", "open https://x.test/l?k=***&lang=en now", "Ab12"),
    ("https://x.test/reset/AbCdEf123456XyZ", "https://x.test/reset/***", "AbCdEf"),
    ("https://x.test/reset/AbCdEf123456XyZ/confirm?x=1", "https://x.test/reset/***/confirm?x=1", "AbCdEf"),
    ("https://x.test/unsubscribe/abcdefghijklmnop7", "https://x.test/unsubscribe/***", "abcdefgh"),
    ("https://x.test/invite/3f2a9c1e-4b5d-4e6f-8a9b-0c1d2e3f4a5b", "https://x.test/invite/***", "3f2a9c1e"),
    ("https://x.test/magic/Tk9aQ2xZ8mW4pL", "https://x.test/magic/***", "Tk9aQ2"),
    ("https://x.test/verify/Zx81Yw72Vu63", "https://x.test/verify/***", "Zx81"),
])
def test_a_urls_unnamed_credential_is_masked(text, shown, secret):
    _all_show(text, shown, secret)


@pytest.mark.parametrize("text", [
    "https://x.test/search?q=Hello2World99",
    "https://x.test/watch?v=dQw4w9WgXcQ1",
    "https://x.test/magic?t=short1A",  # (under 10 characters)
    "https://x.test/magic?t=alllowercase123",  # (one case)
    "https://x.test/verify/email-address",
    "https://x.test/confirm/order-12345",
    "https://x.test/reset/password",
    "https://x.test/docs/reset/howto-2025-guide",  # (a page's slug)
    "https://x.test/docs/reset/howto-2025-guide.html",
    "https://x.test/invite/v1.2.3",
    "https://x.test/profile/AbCdEf123456XyZ",  # (no one-time link's word before it)
])
def test_a_urls_ordinary_query_and_path_stay(text):
    _all_keep(text)
    assert redact_url(text) == text


# --- 4: a pair URL-encoded in free text --------------------------------------------------------------------
@pytest.mark.parametrize("text, shown, secret", [
    ("see token%3DUrlEncTok99 here", "see token%3D*** here", "UrlEncTok99"),
    ("token%3DUrlEncTok99", "token%3D***", "UrlEncTok99"),
    ("api_key%3DAbc123%2Bx%26page%3D2 x", "api_key%3D***%26page%3D2 x", "Abc123"),
    ("next=%2Freset%3Ftoken%3Dabc12345%26lang%3Den", "next=%2Freset%3Ftoken%3D***%26lang%3Den", "abc12345"),
    ("password%3DTr0ub%2526", "password%3D***", "Tr0ub"),
])
def test_a_url_encoded_pair_in_text_is_masked(text, shown, secret):
    _all_show(text, shown, secret)


@pytest.mark.parametrize("text", [
    "issue_key%3DOCC-INF-221",
    "sort%3Ddesc",
    "token%3D",
    "filter%3Dtoken%20rotation",
])
def test_a_url_encoded_ordinary_pair_stays(text):
    _all_keep(text)


# --- 5: a password in parentheses after its name -----------------------------------------------------------
@pytest.mark.parametrize("text, shown, secret", [
    ("the admin password (Adm1n!Pw) was reset", "the admin password (***) was reset", "Adm1n"),
    ("password (Summer2025)", "password (***)", "Summer2025"),
    ("the token (AbCdef12345) expired", "the token (***) expired", "AbCdef12345"),
])
def test_a_password_in_parentheses_is_masked(text, shown, secret):
    _all_show(text, shown, secret)


@pytest.mark.parametrize("text", [
    "the password (rotated) was reset",
    "password (see vault)",
    "password (SEC-110) pending",
    "see token (x)",
    "the password (v1.2.3 policy) applies",
])
def test_prose_in_parentheses_after_a_password_stays(text):
    _all_keep(text)
