"""Round 6, evidence values: secrets in file names and in a Telegram bot's URL, epoch numbers of any unit,
hyphenated offsets in file-name stamps, curl -v's 1xx without a blank line and -sv's failure notes.

The curl transcripts are what curl 7.88.1 printed against small local servers (ports as they were).
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from occ_lib.redact import redact_known_in_name, redact_text, redact_url


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


try:
    from tests.evidence_rows import one, rows
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    from evidence_rows import one, rows  # type: ignore[no-redef]


TIMEOUT = (
    "$ curl -sS https://api.example.com/health\n"
    "curl: (28) Operation timed out after 10001 milliseconds with 0 bytes received\n"
)
NO_URL = "HTTP/1.1 204 No Content\r\n\r\n"  # (no command line: the file's name names the row)


# --- td57 f8: a credential known by its form in a file name is masked whole --------------------------------
@pytest.mark.parametrize(
    "name, shown",
    [
        ("f8_check_api_key=sk_live_4eC39HqLyjWDarjtT1zdp7dc_2025-10-10T09-00-00Z.log",
         "f8_check_api_key=***_2025-10-10T09-00-00Z.log"),
        ("token=ghp_abcdefghijklmnopqrstuvwxyz0123456789_2025-10-10T09-00-00Z.log",
         "token=***_2025-10-10T09-00-00Z.log"),
        # (no name before it: its form says what it is)
        ("probe_sk_test_4eC39HqLyjWDarjtT1zdp7dc_2025-10-10T09-00-00Z.log",
         "probe_***_2025-10-10T09-00-00Z.log"),
        # (a JWT's parts hold '_' and '-': it ends at the stamp, which stays)
        ("hook_token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abc_def-ghijk_2025-10-10T09-00-00Z.log",
         "hook_token=***_2025-10-10T09-00-00Z.log"),
        # look-alikes: a secret-named value that is no known form is cut at '_' as before, a short
        # 'sk_live_' word is none, an ordinary name stays
        ("check_api_key=none_2025-10-10T09-00-00Z.log", "check_api_key=***_2025-10-10T09-00-00Z.log"),
        ("curl_sk_live_short_2025-10-10T09-00-00Z.log", "curl_sk_live_short_2025-10-10T09-00-00Z.log"),
        ("curl_hotdash-staging_2025-10-10T09-00-00Z.log", "curl_hotdash-staging_2025-10-10T09-00-00Z.log"),
    ],
)
def test_a_known_token_in_a_file_name_is_masked_whole(tmp_path, name, shown):
    r = one(tmp_path, name, TIMEOUT)
    assert (r["evidence_path"], r["time_source"], r["started_at"]) == (
        shown, "filename", ts("2025-10-10 09:00"))
    assert (r["url"], r["target"], r["outcome"], r["error"]) == (
        "https://api.example.com/health", "api.example.com/health", "down", "timeout")


def test_a_target_named_by_a_file_name_loses_its_token(tmp_path):
    r = one(tmp_path, "probe_sk_live_4eC39HqLyjWDarjtT1zdp7dc_2025-10-10T09-00-00Z.log", NO_URL)
    assert (r["target"], r["evidence_path"], r["status"], r["outcome"]) == (
        "probe_***", "probe_***_2025-10-10T09-00-00Z.log", 204, "up")
    assert "4eC39Hq" not in pd.DataFrame([r]).astype("string").to_csv()


def test_redact_known_in_name_keeps_folders_and_stamps():
    assert redact_known_in_name("ops/key=sk_live_4eC39HqLyjWDarjtT1zdp7dc/run_2025-10-10T09-00-00Z.log") == (
        "ops/key=***/run_2025-10-10T09-00-00Z.log")
    assert redact_known_in_name("ops/run_2025-10-10T09-00-00Z.log") == "ops/run_2025-10-10T09-00-00Z.log"


# --- td57 f9: a Telegram bot's token in a URL's path -----------------------------------------------------
BOT = "7123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def test_a_telegram_bot_token_leaves_url_and_target(tmp_path):
    text = f"$ curl -sS https://api.telegram.org/bot{BOT}/getMe\n" + TIMEOUT.splitlines(keepends=True)[1]
    r = one(tmp_path, "f9_telegram_2025-10-10T09-10-00Z.log", text)
    assert (r["url"], r["target"], r["outcome"], r["error"]) == (
        "https://api.telegram.org/bot7123456789:***/getMe", "api.telegram.org/bot7123456789:***/getMe",
        "down", "timeout")
    assert "AAHdq" not in pd.DataFrame([r]).astype("string").to_csv()


@pytest.mark.parametrize(
    "url, expected",
    [
        (f"https://api.telegram.org/bot{BOT}/getMe", "https://api.telegram.org/bot7123456789:***/getMe"),
        (f"https://api.telegram.org/file/bot{BOT}/photos/file_1.jpg",
         "https://api.telegram.org/file/bot7123456789:***/photos/file_1.jpg"),
        (f"http://tg-bot-api.internal:8081/bot{BOT}/sendMessage?chat_id=42",  # (a self-hosted Bot API server)
         "http://tg-bot-api.internal:8081/bot7123456789:***/sendMessage?chat_id=42"),
        # look-alikes stay
        ("https://example.com/bot12345/status", "https://example.com/bot12345/status"),
        ("https://example.com/bot12345:short/x", "https://example.com/bot12345:short/x"),
        ("https://example.com/robots.txt", "https://example.com/robots.txt"),
    ],
)
def test_redact_url_masks_a_telegram_bot_token(url, expected):
    assert redact_url(url) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"curl https://api.telegram.org/bot{BOT}/sendMessage failed",
         "curl https://api.telegram.org/bot7123456789:***/sendMessage failed"),
        (f"rotated the bot token {BOT} today", "rotated the bot token *** today"),
        (f"TG {BOT}", "TG ***"),
        ("ratio 12345:AB at 10:30", "ratio 12345:AB at 10:30"),
    ],
)
def test_redact_text_masks_a_telegram_bot_token(text, expected):
    assert redact_text(text) == expected


# --- td57 f6: an epoch number's unit by its size ---------------------------------------------------------
def check(at: object) -> str:
    return json.dumps([{"name": "api", "url": "https://api.example.com/health", "status": 200,
                        "latency_ms": 120, "timestamp": at}])


@pytest.mark.parametrize(
    "at, expected",
    [
        (1760104800, "2025-10-10 14:00:00"),
        (1760104800.5, "2025-10-10 14:00:00.5"),
        (1760104800123, "2025-10-10 14:00:00.123"),
        (1760104800123456, "2025-10-10 14:00:00.123456"),
        (1760104800123456789, "2025-10-10 14:00:00.123456"),
    ],
    ids=["s", "s-float", "ms", "us", "ns"],
)
def test_epoch_units_by_size(tmp_path, at, expected):
    r = one(tmp_path, "f6_epoch.json", check(at))
    assert (r["started_at"], r["time_source"], r["status"], r["outcome"]) == (ts(expected), "json", 200, "up")


@pytest.mark.parametrize(
    "at",
    [10**21, 9_300_000_000_000, 9_300_000_000_000_000_000, 0],
    ids=["fits-no-unit", "ms-past-2262", "ns-past-2262", "epoch-zero"],
)
def test_an_epoch_that_fits_no_unit_is_a_problem_not_a_date(tmp_path, at):
    found, problems = rows(tmp_path, "f6_epoch.json", check(at))
    assert found == []
    assert problems == [f"{tmp_path / 'f6_epoch.json'}: item 0: timestamp is not a date and time"]


# --- td57 f7: an offset's minutes after '-' in a file-name stamp ------------------------------------------
@pytest.mark.parametrize(
    "name, expected, target",
    [
        ("f7_curl_2025-10-10T08-20-44+05-30.log", "2025-10-10 02:50:44", "f7_curl"),
        ("f7_curl_2025-10-10T08-20-44-03-30.log", "2025-10-10 11:50:44", "f7_curl"),
        ("f7_curl_2025-10-10T08-20-44.250+05-45.log", "2025-10-10 02:35:44.25", "f7_curl"),
        ("f7_curl_20251010T082044+05-30.log", "2025-10-10 02:50:44", "f7_curl"),
        ("f7_curl_2025-10-10T08-20+05-30.log", "2025-10-10 02:50:00", "f7_curl"),
        ("f7_curl_2025-10-10T14-30-00_+05-30.log", "2025-10-10 09:00:00", "f7_curl"),
        ("f7_curl_2025-10-10T14-30-00_UTC+05-30.log", "2025-10-10 09:00:00", "f7_curl"),
        ("f7_curl_2025-10-10T14-30-00--03-30.log", "2025-10-10 18:00:00", "f7_curl"),
        # the forms read before stay as they were
        ("f7_curl_2025-10-10T08-20-44Z.log", "2025-10-10 08:20:44", "f7_curl"),
        ("f7_curl_2025-10-10T08-20-44+0530.log", "2025-10-10 02:50:44", "f7_curl"),
        ("f7_curl_2025-10-10T08-20-44+05:30.log", "2025-10-10 02:50:44", "f7_curl"),
        ("f7_curl_2025-10-10T08-20-44-03.log", "2025-10-10 11:20:44", "f7_curl"),
        ("f7_curl_2025-10-10T14-30-00_+0800.log", "2025-10-10 06:30:00", "f7_curl"),
        ("f7_curl_2025-10-10T07-18-58EDT.log", "2025-10-10 11:18:58", "f7_curl"),
        # (minutes no offset has: a counter after the zone, as before)
        ("f7_curl_2025-10-10T08-20-44+08-01.log", "2025-10-10 00:20:44", "f7_curl_01"),
    ],
)
def test_hyphenated_offset_minutes_in_a_file_name_stamp(tmp_path, name, expected, target):
    r = one(tmp_path, name, NO_URL)
    assert (r["started_at"], r["time_source"], r["target"]) == (ts(expected), "filename", target)
    stamp = ts(expected).isoformat().replace("+00:00", "Z")
    assert r["evidence_key"].endswith(f"#0@{stamp}")


# --- td56 ev-100-continue: curl -v prints no blank line after a 1xx ---------------------------------------
CONTINUE_V = (
    "$ curl -v -L --max-time 2 'http://127.0.0.1:18612/health'\n"
    "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
    "                                 Dload  Upload   Total   Spent    Left  Speed\n"
    "\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0"
    "*   Trying 127.0.0.1:18612...\n"
    "* Connected to 127.0.0.1 (127.0.0.1) port 18612 (#0)\n"
    "> GET /health HTTP/1.1\r\n> Host: 127.0.0.1:18612\r\n> User-Agent: curl/7.88.1\r\n"
    "> Accept: */*\r\n> \r\n"
    "< HTTP/1.1 100 Continue\r\n"
    "< HTTP/1.1 200 OK\r\n"
    "< Content-Length: 3\r\n"
    "< \r\n"
    "{ [3 bytes data]\n"
    "\r100     3  100     3    0     0   3246      0 --:--:-- --:--:-- --:--:--  3000\n"
    "* Connection #0 to host 127.0.0.1 left intact\n"
    "abc"
)
EARLY_HINTS_V = (
    "$ curl -v --max-time 2 'http://127.0.0.1:18876/h'\n"
    "* Connected to 127.0.0.1 (127.0.0.1) port 18876 (#0)\n"
    "> GET /h HTTP/1.1\r\n> Host: 127.0.0.1:18876\r\n> User-Agent: curl/7.88.1\r\n> Accept: */*\r\n> \r\n"
    "< HTTP/1.1 103 Early Hints\r\n"
    "< Link: </s.css>; rel=preload\r\n"
    "< HTTP/1.1 204 No Content\r\n"
    "< \r\n"
    "* Connection #0 to host 127.0.0.1 left intact\n"
)
CONTINUE_I = (  # (-i prints the blank line: read so before)
    "$ curl -i --max-time 2 'http://127.0.0.1:18871/health'\n"
    "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (CONTINUE_V, ("http://127.0.0.1:18612/health", 200, "HTTP/1.1", "up", None)),
        (EARLY_HINTS_V, ("http://127.0.0.1:18876/h", 204, "HTTP/1.1", "up", None)),
        (CONTINUE_I, ("http://127.0.0.1:18871/health", 200, "HTTP/1.1", "up", None)),
    ],
    ids=["100-v", "103-v", "100-i"],
)
def test_a_1xx_without_a_blank_line_chains_to_the_next_response(tmp_path, text, expected):
    r = one(tmp_path, "curl-v-cont100-20261201T0215Z.log", text)
    assert (r["url"], r["status"], r["http_version"], r["outcome"], r["error"]) == expected
    assert r["started_at"] == ts("2026-12-01 02:15")


# --- td56 ev-sv-notes: -sv's notes that end a transfer ----------------------------------------------------
def _sv(flags: str, port: int, path: str, *tail: str) -> str:
    return (
        f"$ curl {flags} --max-time 2 'http://127.0.0.1:{port}{path}'\n"
        f"*   Trying 127.0.0.1:{port}...\n"
        f"* Connected to 127.0.0.1 (127.0.0.1) port {port} (#0)\n"
        f"> GET {path} HTTP/1.1\r\n> Host: 127.0.0.1:{port}\r\n> User-Agent: curl/7.88.1\r\n"
        "> Accept: */*\r\n> \r\n" + "".join(tail)
    )


SHORT = ("< HTTP/1.1 200 OK\r\n< Content-Length: 1000\r\n< \r\n{ [10 bytes data]\n"
         "* transfer closed with 990 bytes remaining to read\n* Closing connection 0\n")
CHUNKED = ("< HTTP/1.1 200 OK\r\n< Transfer-Encoding: chunked\r\n< \r\n{ [10 bytes data]\n"
           "* transfer closed with outstanding read data remaining\n* Closing connection 0\n")
HTTP09 = "* Received HTTP/0.9 when not allowed\n* Closing connection 0\n"
REDIRECT_THEN_09 = (
    "< HTTP/1.1 302 Found\r\n< Location: http://127.0.0.1:18874/\r\n< Content-Length: 0\r\n< \r\n"
    "* Connection #0 to host 127.0.0.1 left intact\n"
    "* Clear auth, redirects to port from 18875 to 18874\n"
    "* Issue another request to this URL: 'http://127.0.0.1:18874/'\n"
    "*   Trying 127.0.0.1:18874...\n"
    "* Connected to 127.0.0.1 (127.0.0.1) port 18874 (#1)\n"
    "> GET / HTTP/1.1\r\n> Host: 127.0.0.1:18874\r\n> User-Agent: curl/7.88.1\r\n> Accept: */*\r\n> \r\n"
    "* Received HTTP/0.9 when not allowed\n* Closing connection 1\n"
)
SHORT_MSG = "curl: (18) transfer closed with 990 bytes remaining to read"
CHUNKED_MSG = "curl: (18) transfer closed with outstanding read data remaining"
HTTP09_MSG = "curl: (1) Received HTTP/0.9 when not allowed"
SV_CASES = [
    (18604, "/health", SHORT, ("http://127.0.0.1:18604/health", 200, "down", "read", SHORT_MSG)),
    (18873, "/c", CHUNKED, ("http://127.0.0.1:18873/c", 200, "down", "read", CHUNKED_MSG)),
    (18608, "/health", HTTP09, ("http://127.0.0.1:18608/health", None, "down", "protocol", HTTP09_MSG)),
    # (-L: the 302's status is kept, as 'curl: (1)' keeps it)
    (18875, "/r", REDIRECT_THEN_09, ("http://127.0.0.1:18875/r", 302, "down", "protocol", HTTP09_MSG)),
]


@pytest.mark.parametrize("port, path, tail, expected", SV_CASES,
                         ids=["short-body", "chunked", "http09", "redirect-http09"])
def test_sv_notes_that_end_a_transfer_are_its_failure(tmp_path, port, path, tail, expected):
    flags = "-svL -o /dev/null" if port == 18875 else "-sv -o /dev/null"
    r = one(tmp_path, "curl-sv-20261201T0220Z.log", _sv(flags, port, path, tail))
    assert (r["url"], r["status"], r["outcome"], r["error"], r["error_message"]) == expected
    # without -s curl prints the same words on its error line: the same row
    text = _sv(flags.replace("s", "", 1), port, path, tail, expected[4] + "\n")
    r = one(tmp_path, "curl-v-20261201T0220Z.log", text)
    assert (r["url"], r["status"], r["outcome"], r["error"], r["error_message"]) == expected


def test_failure_words_in_a_body_are_no_note(tmp_path):
    body = ("< HTTP/1.1 200 OK\r\n< Content-Length: 52\r\n< \r\n{ [52 bytes data]\n"
            "transfer closed with 990 bytes remaining to read\n"
            "* Connection #0 to host 127.0.0.1 left intact\n")
    r = one(tmp_path, "curl-v-20261201T0220Z.log", _sv("-v", 18604, "/health", body))
    assert (r["status"], r["outcome"], r["error"], r["error_message"]) == (200, "up", None, None)
