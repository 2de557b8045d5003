"""Round 6, evidence look-alikes (td60): a Telegram bot token glued to 'bot' in a file name, body text that
reads like curl -v's failure notes, and occ's own JSON lines exports, none of them a probe's failure or row.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from occ_lib.evidence import read_evidence
from occ_lib.redact import redact_known_in_name, redact_text, redact_url


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode())
    return p


def rows(tmp_path: Path, name: str, text: str) -> tuple[list[dict], list[str]]:
    """The rows read from one file (NA as None) and its problems as text."""
    df, problems = read_evidence([write(tmp_path, name, text)], root=tmp_path)
    out = [{k: (None if v is pd.NA or v is pd.NaT or (isinstance(v, float) and pd.isna(v)) else v)
            for k, v in r.items()} for r in df.to_dict("records")]
    return out, [str(p) for p in problems]


def one(tmp_path: Path, name: str, text: str) -> dict:
    found, problems = rows(tmp_path, name, text)
    assert problems == []
    assert len(found) == 1
    return found[0]


def failure(r: dict) -> tuple:
    return r["status"], r["outcome"], r["error"], r["error_message"]


# --- td60 r1: a Telegram bot token right after 'bot' in a file name ----------------------------------------
SECRET = "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
BOT_NAME = f"api.telegram.org_bot7123456789:{SECRET}_getMe_2025-10-10T08-25-00Z.log"


def test_a_telegram_token_after_bot_in_a_file_name_is_masked(tmp_path):
    r = one(tmp_path, BOT_NAME, "HTTP/1.1 200 OK\r\n\r\n")
    assert Path(r["evidence_path"]).name == "api.telegram.org_bot***_2025-10-10T08-25-00Z.log"
    assert r["target"] == "api.telegram.org_bot***"
    assert r["started_at"] == pd.Timestamp("2025-10-10T08:25:00Z")  # (the stamp stays)
    assert SECRET not in pd.DataFrame([r]).astype("string").to_csv()


def test_a_telegram_token_after_bot_in_any_text():
    assert redact_known_in_name(BOT_NAME) == "api.telegram.org_bot***_2025-10-10T08-25-00Z.log"
    assert redact_text(BOT_NAME) == "api.telegram.org_bot***.log"
    assert redact_url(BOT_NAME) == "api.telegram.org_bot***.log"
    assert redact_text(f"token: Bot7123456789:{SECRET}") == "token: Bot***"
    # (the URL's own rule keeps the bot's id; a word that ends in 'bot' before other digits stays)
    assert redact_url(f"https://api.telegram.org/bot7123456789:{SECRET}/getMe") == (
        "https://api.telegram.org/bot7123456789:***/getMe")
    assert redact_text("robot42 arm_bot2025-10-10") == "robot42 arm_bot2025-10-10"
