"""Round 14, parser speed, second pass (PERF2): each rule skipped by a cheaper test gives the answer the
rule gave.

A secret named in words ('API key: X') is searched only when ASCII text has white space right before
'key', 'token' or 'secret' (other text is searched as before: 'ſecret' is an 's' to the case-blind
pattern). The bearer rule likewise needs one of its names followed by white space, a quote, '*', '_',
':' or '-' (a URL's 'token=' is none).
"""

from __future__ import annotations

import pytest

from occ_lib.redact import _bearer_hint, _spaced_name_hint, redact_text


@pytest.mark.parametrize("text, hint, masked", [
    ("API key: abcDEF123456", True, "API key: ***"),
    ("client\x1csecret = Abc123XYZdef", True, "client\x1csecret = ***"),  # (\x1c is white space to \s)
    ("Client \u212aey: abcDEF123456 mykey", True, "Client \u212aey: *** mykey"),  # (not ASCII: searched)
    ("client \u017fecret = Abc123XYZdef mytoken", True, "client \u017fecret = *** mytoken"),
    ("https://h.io/app?mock=0&token=s3cr3t", False, "https://h.io/app?mock=0&token=***"),
    ("monkey:abc; apikey:x", False, "monkey:abc; apikey:x"),
])
def test_spaced_name_only_after_white_space(text: str, hint: bool, masked: str) -> None:
    assert _spaced_name_hint(text, text.lower()) is hint
    assert redact_text(text) == masked


@pytest.mark.parametrize("text, hint, masked", [
    ("see https://h.io/app?mock=0&token=s3cr3t", False, "see https://h.io/app?mock=0&token=***"),
    ("passwords=Hunter22x and tokens", False, "passwords=*** and tokens"),  # (the pair rule masks it)
    ("rotated token\tabcdefgh12345678", True, "rotated token\t***"),
    ("password__: Hunter22x!", True, "password__: ***"),
    ('"password" "Xyz12345"', True, '"password" "***"'),
    ("API-key-> Abc12345678x", True, "API-key-> ***"),
    ("To\u212aEN=abcdefgh12345678 x", True, "To\u212aEN=abcdefgh12345678 x"),  # (not ASCII: searched)
])
def test_bearer_rule_only_before_what_it_reads_next(text: str, hint: bool, masked: str) -> None:
    assert _bearer_hint(text) is hint
    assert redact_text(text) == masked
