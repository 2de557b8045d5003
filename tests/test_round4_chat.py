"""Round 4 (td52, td53): pasted chat and mail structure, quotes and callouts, secrets in prose."""

from __future__ import annotations

import pandas as pd
import pytest

from occ_lib import _extract as ex
from occ_lib.logs import parse_log
from occ_lib.redact import redact_text


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def rows(frame: pd.DataFrame, *cols: str) -> list[list]:
    return [[list(v) if isinstance(v, list) else v for v in r] for r in frame[list(cols)].values.tolist()]


# --- secrets: a password holds symbols; 'for the vendor portal:'; Dataview's 'password::' -------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("PAY-412 the password is Summer#2025! (rotate after)", "PAY-412 the password is *** (rotate after)"),
        ("PAY-412 the db password is Tr0ub4dor&3", "PAY-412 the db password is ***"),
        ("PAY-412 password for the vendor portal: Vend0r!Pass",
         "PAY-412 password for the vendor portal: ***"),
        ("the wifi password is P@ssword", "the wifi password is ***"),
        # Dataview's inline fields
        ("OPS-1 rotated staging DB creds password:: Tr0ub4dor&3 📅 2025-10-10",
         "OPS-1 rotated staging DB creds password:: *** 📅 2025-10-10"),
        ("OPS-3 break-glass secret:: hunter2hunter2", "OPS-3 break-glass secret:: ***"),
        ("OPS-5 CI token:: glx_9aF3kLm2Qp7Zt8Wv", "OPS-5 CI token:: ***"),
        ("(db_password:: Hunter2pg) [api_key:: abc123xyz9]", "(db_password:: ***) [api_key:: ***]"),
        # ... and what is no password stays: prose, tickets, dates, versions, several words without a colon
        ("password is expired!", "password is expired!"),
        ("the password is Correct-Horse!", "the password is Correct-Horse!"),
        ("the password for the team portal expired yesterday",
         "the password for the team portal expired yesterday"),
        ("password for the portal: rotated", "password for the portal: rotated"),
        ("password is 2025-10-10! and secret:: OPS-12 and token:: v1.2.3", "password is 2025-10-10! and "
         "secret:: OPS-12 and token:: v1.2.3"),
        ("password: ******** (masked in the UI)", "password: ******** (masked in the UI)"),
        ("token abc123def! (a token stops at the '!')", "token ***! (a token stops at the '!')"),
    ],
)
def test_passwords_with_symbols_and_dataview_fields_are_masked(text, expected):
    assert redact_text(text) == expected
    assert ex.redact(text) == expected


def test_no_password_or_dataview_secret_reaches_events_or_deadlines():
    text = (
        "# Ops log\n\n## 2025-10-09\n\n"
        "Sam Lee  3:04 PM\nPAY-412 the password is Summer#2025! (rotate after)\n"
        "Sam Lee  3:06 PM\nPAY-412 password for the vendor portal: Vend0r!Pass\n\n"
        "- [x] OPS-1 rotated staging DB creds password:: Tr0ub4dor&3 📅 2025-10-10 ✅ 2025-10-09\n"
        "- [x] OPS-3 break-glass secret:: hunter2hunter2\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.events["text"].tolist() == [
        "Sam Lee  3:04 PM PAY-412 the password is *** (rotate after)",
        "Sam Lee  3:06 PM PAY-412 password for the vendor portal: ***",
        "OPS-1 rotated staging DB creds password:: *** 📅 2025-10-10 ✅ 2025-10-09",
        "OPS-3 break-glass secret:: ***",
    ]
    assert logs.deadlines["text"].tolist() == [
        "OPS-1 rotated staging DB creds password:: *** 📅 2025-10-10 ✅ 2025-10-09"]
