"""Round 6, evidence look-alikes (td60): a Telegram bot token glued to 'bot' in a file name, body text that
reads like curl -v's failure notes, and occ's own JSON lines exports, none of them a probe's failure or row.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from occ_lib.redact import redact_known_in_name, redact_text, redact_url

try:
    from tests.evidence_rows import one, rows
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    from evidence_rows import one, rows  # type: ignore[no-redef]


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
    # (in any text too the token ends before the file name's stamp, which stays)
    assert redact_text(BOT_NAME) == "api.telegram.org_bot***_2025-10-10T08-25-00Z.log"
    assert redact_url(BOT_NAME) == "api.telegram.org_bot***_2025-10-10T08-25-00Z.log"
    assert redact_text(f"token: Bot7123456789:{SECRET}") == "token: Bot***"
    # (the URL's own rule keeps the bot's id; a word that ends in 'bot' before other digits stays)
    assert redact_url(f"https://api.telegram.org/bot7123456789:{SECRET}/getMe") == (
        "https://api.telegram.org/bot7123456789:***/getMe")
    assert redact_text("robot42 arm_bot2025-10-10") == "robot42 arm_bot2025-10-10"


# --- td60 r2, r3: notes in a body are body text ------------------------------------------------------------
def test_a_markdown_body_line_in_a_v_transcript_is_no_note(tmp_path):
    text = ("$ curl -sv https://hotdash-staging.fly.dev/changelog.md 2>&1\n> GET /changelog.md HTTP/2\n"
            "> Host: hotdash-staging.fly.dev\n>\n< HTTP/2 200\n< content-type: text/markdown\n<\n"
            "* Received HTTP/0.9 when not allowed: fixed in the proxy config\n")
    r = one(tmp_path, "curl_changelog_2025-10-10T08-40-00Z.log", text)
    assert failure(r) == (200, "up", None, None)
    # (more markdown after it, or a closing-looking item with more words: still the body)
    more = text + "* Closing connection pool tuning\n* Empty reply from server (fixed)\n"
    assert failure(one(tmp_path, "curl_changelog_2025-10-10T08-41-00Z.log", more)) == (200, "up", None, None)


def test_a_note_after_the_body_that_curl_closes_on_is_the_failure(tmp_path):
    text = ("$ curl -v http://127.0.0.1:18604/health\n> GET /health HTTP/1.1\r\n> Host: 127.0.0.1:18604\r\n"
            "> \r\n< HTTP/1.1 200 OK\r\n< Content-Length: 1000\r\n< \r\npartial body\n"
            "* transfer closed with 988 bytes remaining to read\n* Closing connection 0\n")
    r = one(tmp_path, "curl-v-20261201T0220Z.log", text)
    assert failure(r) == (200, "down", "read", "curl: (18) transfer closed with 988 bytes remaining to read")
    # curl 8's closing words
    text8 = text.replace("* Closing connection 0", "* shutting down connection #0")
    r = one(tmp_path, "curl-v-20261201T0221Z.log", text8)
    assert failure(r) == (200, "down", "read", "curl: (18) transfer closed with 988 bytes remaining to read")


@pytest.mark.parametrize("note", [
    "* transfer closed with 120 bytes remaining to read (export job, retried OK)",
    "* Empty reply from server",
    "* Received HTTP/0.9 when not allowed",
])
def test_a_command_without_v_prints_no_notes(tmp_path, note):
    text = ("$ curl -i https://hotdash-staging.fly.dev/status.txt\nHTTP/1.1 200 OK\n"
            f"Content-Type: text/plain\n\n{note}\n* Closing connection 0\n")
    r = one(tmp_path, "curl_status_2025-10-10T09-00-00Z.log", text)
    assert (r["url"], *failure(r)) == ("https://hotdash-staging.fly.dev/status.txt", 200, "up", None, None)


def test_a_v_failure_before_any_response_still_counts(tmp_path):
    text = ("$ curl -sv http://127.0.0.1:18608/health\n*   Trying 127.0.0.1:18608...\n"
            "* Connected to 127.0.0.1 (127.0.0.1) port 18608 (#0)\n> GET /health HTTP/1.1\r\n> \r\n"
            "* Empty reply from server\n* Closing connection 0\n")
    r = one(tmp_path, "curl-sv-20261201T0220Z.log", text)
    assert failure(r) == (None, "down", "read", "curl: (52) Empty reply from server")


# --- td60 r4: occ's own exports are no checks --------------------------------------------------------------
EVENT = {"source": "feedback/reliability.md", "line": 29, "section": "2025-10-09 Thursday", "at":
         "2025-10-10T01:47:00Z", "at_precision": "minute", "kind": "escalation", "level": 1, "tickets": [],
         "urls": [], "http_status": 503, "text": "Paged on-call after the staging probe returned HTTP 503."}
DEADLINE = {"source": "feedback/deploy.md", "line": 3, "section": "Week 41", "tickets": ["OPS-12"],
            "due_at": "2025-10-10T21:00:00Z", "text": "OPS-12 due Friday"}
PROBE_ROW = {"run_id": "r1", "source": "probe", "target": "api", "url": "https://api.example.com/health",
             "started_at": "2025-10-10T08:00:00Z", "status": 503, "outcome": "down",
             "evidence_key": None}


@pytest.mark.parametrize("name, items, kind", [
    ("events-w41.jsonl", [EVENT, {**EVENT, "line": 8, "http_status": None}], "events or deadlines"),
    ("deadlines.json", [DEADLINE], "events or deadlines"),
    ("probes.ndjson", [PROBE_ROW, PROBE_ROW], "probe"),
])
def test_occ_exports_are_skipped_as_one_problem(tmp_path, name, items, kind):
    lines = "\n".join(json.dumps(i) for i in items) + "\n"
    text = lines if name.endswith("l") else json.dumps(items)
    found, problems = rows(tmp_path, name, text)
    assert found == []
    assert problems == [f"{tmp_path / name}: occ's own export ({kind} rows), not check results"]


def test_a_check_with_a_source_field_is_still_a_check(tmp_path):
    check = {"source": "blackbox", "line": "eu-1", "url": "https://api.example.com/health", "status": 200,
             "timestamp": "2025-10-10T08:00:00Z"}
    text = json.dumps(check) + "\n" + json.dumps({**check, "status": 503})
    found, problems = rows(tmp_path, "checks.jsonl", text)
    assert problems == []
    assert [(r["url"], r["status"], r["outcome"]) for r in found] == [
        ("https://api.example.com/health", 200, "up"), ("https://api.example.com/health", 503, "down")]


def test_a_prompt_after_curl_closes_keeps_the_failure(tmp_path):
    text = ("$ curl -sv -o /dev/null http://127.0.0.1:18604/health\n> GET /health HTTP/1.1\r\n> \r\n"
            "< HTTP/1.1 200 OK\r\n< Content-Length: 1000\r\n< \r\n{ [10 bytes data]\n"
            "* transfer closed with 990 bytes remaining to read\n* Closing connection 0\nops@box:~$ \n")
    r = one(tmp_path, "curl-sv-20261201T0220Z.log", text)
    assert failure(r) == (200, "down", "read", "curl: (18) transfer closed with 990 bytes remaining to read")
