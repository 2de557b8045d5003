"""Round 19, SECG: a secret is masked whatever else its item holds.

Session 19 found (PERF2) that two forms were masked only when the same item also held a word that sends
items down the full secret chain (an ISO stamp ending '7Z', 'ZIP', 'OpenSSL'): a token named in mixed case
('ToKEN abc...') and Slack's webhook path relayed by another host. The fast gates of ``redact`` and
``url_hint`` now look for them too, so the masking no longer depends on an unrelated word.
"""

from __future__ import annotations

import pytest

import occ_lib
from occ_lib._extract import redact
from occ_lib.redact import url_hint

_RELAYED = "https://relay.corp.test/services/T0ABCDEF1/B0GHIJKL2/AbCdEfGhIjKlMnOpQrStUvWx"


@pytest.mark.parametrize(("text", "expected"), [
    ("rotated; ToKEN abcdefgh12345678 issued", "rotated; ToKEN *** issued"),
    ("rotated; ToKEN abcdefgh12345678 issued 2025-10-10T04:40:17Z",
     "rotated; ToKEN *** issued 2025-10-10T04:40:17Z"),
    ("rotated; token abcdefgh12345678 issued", "rotated; token *** issued"),
    ("posted to " + _RELAYED, "posted to https://relay.corp.test/services/T0ABCDEF1/B0GHIJKL2/***"),
    ("posted to " + _RELAYED + " 7Z",
     "posted to https://relay.corp.test/services/T0ABCDEF1/B0GHIJKL2/*** 7Z"),
    # (nothing to mask stays as written)
    ("Kenneth took the ticket", "Kenneth took the ticket"),
    ("see https://docs.corp.test/services/billing", "see https://docs.corp.test/services/billing"),
])
def test_masked_whatever_else_the_item_holds(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_url_hint_sees_a_relayed_slack_path() -> None:
    assert [url_hint(t) for t in (_RELAYED, "https://docs.corp.test/services/billing")] == [True, False]


def test_the_events_table_holds_no_such_secret(tmp_path) -> None:
    log = tmp_path / "ops.md"
    log.write_text("## 2025-10-09\n- 09:00 OPS-1 rotated; ToKEN abcdefgh12345678 issued\n"
                   "- 09:05 OPS-1 alert relay " + _RELAYED + "\n", encoding="utf-8")
    events = occ_lib.read_logs(str(log)).events
    assert list(events["text"]) == [
        "09:00 OPS-1 rotated; ToKEN *** issued",
        "09:05 OPS-1 alert relay https://relay.corp.test/services/T0ABCDEF1/B0GHIJKL2/***",
    ]
