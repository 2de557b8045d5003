"""Round 15, SEC2: a file name's secret cut at '/' or '.', a connection string's spaced password not closed
by ';', a Wi-Fi's network / password, HTTP Digest's user name (kept), and leaks found on the hunt (a
table cell's spaced password, a pasted mail's Date header quoted by a problem).

Each masked form is pinned exactly; each rule has prose it keeps as written.
"""

from __future__ import annotations

import json

import pytest

from occ_lib._extract import redact
from occ_lib.evidence import _scrub, read_evidence
from occ_lib.logs import parse_log, read_logs
from occ_lib.redact import redact_path, redact_row, redact_text

try:
    from tests.evidence_rows import one, rows
    from tests.log_rows import event_rows
    from tests.secret_rules import all_keep, all_show
except ImportError:  # (run from tests/)
    from evidence_rows import one, rows  # type: ignore[no-redef]
    from log_rows import event_rows  # type: ignore[no-redef]
    from secret_rules import all_keep, all_show  # type: ignore[no-redef]

_AZURE_KEY = "AbCdEfGh0123456789+/AbCdEfGh0123456789AbCdEfGh=="
_VAULT = "s.AbCdEfGhIjKlMnOpQrStUvWx"
_STAMP = "_2025-10-10T02-50-44Z.log"
OK = "HTTP/1.1 200 OK\r\nDate: Fri, 10 Oct 2025 02:50:44 GMT\r\n\r\n"
_DIGEST = ('Authorization: Digest username="bob", realm="api", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", '
           'uri="/v1/health", response="6629fae49393a05397450978507c4ef1", qop=auth, nc=00000001, '
           'cnonce="0a4f113b9c8d"')


# --- 1: a file name's or a path's value runs over '/', '.' and '_' ----------------------------------------

@pytest.mark.parametrize("text, shown", [
    (f"Azure: AccountKey={_AZURE_KEY};EndpointSuffix=core.windows.net",
     "Azure: AccountKey=***;EndpointSuffix=core.windows.net"),
    (f"VAULT_TOKEN={_VAULT}", "VAULT_TOKEN=***"),
    (f"artifacts/check_VAULT_TOKEN={_VAULT}{_STAMP}", f"artifacts/check_VAULT_TOKEN=***{_STAMP}"),
    (f"azure_AccountKey={_AZURE_KEY}{_STAMP}", f"azure_AccountKey=***{_STAMP}"),
    ("artifacts/curl_key=AbCd/EfGh.log", "artifacts/curl_key=***.log"),
    ("curl_token=abc.def.ghi_2025-10-10T02-50-44Z.log", "curl_token=***_2025-10-10T02-50-44Z.log"),
    ("curl_token=AbC_dEf-123.json", "curl_token=***.json"),
])
def test_a_paths_secret_value_is_masked_whole(text, shown):
    assert redact_path(text) == shown
    for part in ("AbCdEfGh0123456789", "AbCdEfGhIjKl", "EfGh", "def.ghi", "dEf-123"):
        assert part not in redact_path(text)


@pytest.mark.parametrize("name", [
    "feedback/key_rotation_2025-10-08.md",
    "artifacts/curl_hotdash-staging_2025-10-10T02-50-44Z.log",
    "data/probes/date=2025-10-10/part-0.parquet",
    "notes/token.rotation.md",
])
def test_a_path_without_a_secrets_value_stays(name):
    assert redact_path(name) == name


@pytest.mark.parametrize("name, shown", [
    # (the stamp and the extension stay, as before: the evidence's time is read from the stamp)
    ("check_api_key=abc_2025-10-10T09-00-00Z.json", "check_api_key=***_2025-10-10T09-00-00Z.json"),
    ("notes_db_pw=Abc123x.md", "notes_db_pw=***.md"),
    ("a/b/token=Xyz12345.log", "a/b/token=***.log"),
    ("check_auth=Bearer_2025-10-08.json", "check_auth=***_2025-10-08.json"),
])
def test_a_paths_stamp_and_extension_stay_after_the_mask(name, shown):
    assert redact_path(name) == shown


def test_an_evidence_file_named_with_a_secret_stores_and_prints_none_of_it(tmp_path):
    r = one(tmp_path, f"check_VAULT_TOKEN={_VAULT}{_STAMP}", OK)
    assert (r["evidence_path"], r["target"]) == (f"check_VAULT_TOKEN=***{_STAMP}", "check_VAULT_TOKEN=***")
    # ('/' in the key: its start is a folder's name, its end the file's; the target shows neither)
    (tmp_path / "azure_AccountKey=AbCdEfGh0123456789+").mkdir()
    r = one(tmp_path, f"azure_AccountKey={_AZURE_KEY}{_STAMP}", OK)
    assert (r["evidence_path"], r["target"]) == (f"azure_AccountKey=***{_STAMP}", "azure_AccountKey=***")
    assert r["started_at"].isoformat() == "2025-10-10T02:50:44+00:00"
    # (a file that is no evidence: the problem names it masked)
    p = tmp_path / f"notes_VAULT_TOKEN={_VAULT}.log"
    p.write_text("hello\n")
    _, problems = read_evidence([p], root=tmp_path)
    assert [str(x) for x in problems] == [
        f"{tmp_path}/notes_VAULT_TOKEN=***.log: not a curl transcript: "
        "no HTTP status line (HTTP/1.0, 1.1, 2 or 3)"
    ]


def test_a_logs_source_and_artifacts_hold_none_of_a_paths_secret(tmp_path):
    p = tmp_path / f"handoff_token={_VAULT}.md"
    p.write_text("# Ops\n\nAll times UTC.\n\n### 2025-10-08\n"
                 f"- 09:00 saved `artifacts/check_VAULT_TOKEN={_VAULT}{_STAMP}` and artifacts/x.log\n",
                 encoding="utf-8")
    ev = read_logs([str(p)]).events
    assert ev["source"].tolist() == [f"{tmp_path}/handoff_token=***.md"]
    assert ev["text"].tolist() == [
        f"09:00 saved `artifacts/check_VAULT_TOKEN=***{_STAMP}` and artifacts/x.log"]
    assert [list(a) for a in ev["artifacts"]] == [["artifacts/x.log"]]


# --- 2: a connection string's spaced password, not closed by ';' or written first -------------------------

@pytest.mark.parametrize("text, shown", [
    ("Server=db01;Password=Hunter 2pg", "Server=db01;Password=***"),
    ("Password=Hunter 2pg;Server=db01", "Password=***;Server=db01"),
    ("pwd=Hunter 2pg;uid=sa", "pwd=***;uid=sa"),
    ("conn: Server=db01;Database=app;User Id=sa;Password=Hunter 2pg;",
     "conn: Server=db01;Database=app;User Id=sa;Password=***;"),
    ("`Server=db01;Password=Hunter 2pg` in the config", "`Server=db01;Password=***` in the config"),
    ("| conn | Server=db01;Password=Hunter 2pg | OPS-1 |", "| conn | Server=db01;Password=*** | OPS-1 |"),
    ("Server=db01;Password=Hunter 2pg - rotated", "Server=db01;Password=*** - rotated"),
    ("Server=db01;Password=Hunter 2pg was rotated", "Server=db01;Password=*** was rotated"),
])
def test_a_connection_strings_spaced_password_is_masked_whole(text, shown):
    all_show(text, shown, "2pg")


@pytest.mark.parametrize("text, shown", [
    # (a password of one word then prose: as before)
    ("Server=db01;Password=Hunter2pg was rotated", "Server=db01;Password=*** was rotated"),
    ("password=Hunter2pg; then restart", "password=***; then restart"),
])
def test_a_connection_strings_prose_after_its_password_stays(text, shown):
    all_show(text, shown, "Hunter2pg")


@pytest.mark.parametrize("text", [
    "Server=db01;Database=app notes;",
    "Server=db01;Database=app notes; User Id=sa",
    "Server=db01;Password=",
])
def test_a_connection_string_without_a_password_stays(text):
    all_keep(text)


# --- 3: a Wi-Fi's network and its password ----------------------------------------------------------------

@pytest.mark.parametrize("text, shown", [
    ("wifi: Guest / Welcome2025!", "wifi: Guest / ***"),
    ("WiFi: Office Guest / Welcome2025!", "WiFi: Office Guest / ***"),
    ("wifi: Guest/Welcome2025!", "wifi: Guest/***"),
    ("guest wifi: `Guest` / `Welcome2025!`", "guest wifi: `Guest` / `***`"),
    ("Wi-Fi network: CorpGuest / W3lcome!now", "Wi-Fi network: CorpGuest / ***"),
    ("ssid = Guest / guest2025!", "ssid = Guest / ***"),
    ("- 09:00 wifi: Guest / Welcome2025! for the visitors", "- 09:00 wifi: Guest / *** for the visitors"),
])
def test_a_wifis_password_after_its_network_is_masked(text, shown):
    all_show(text, shown, "elcome")


@pytest.mark.parametrize("text", [
    "wifi: office / 5GHz-band",
    "wifi: floor2 / floor3",
    "wifi: 2.4GHz / 5GHz",
    "wifi: down / up again",
    "wifi: AP-12 / AP-13 rebooted",
    "wifi: guest / OPS-1234",
    "wifi is flaky on floor 3 / see OPS-12",
    "wifi: office / v2.1.0 firmware",
])
def test_wifi_prose_with_a_slash_stays(text):
    all_keep(text)


# --- 4: HTTP Digest keeps its user name; its hashes go ------------------------------------------------------

@pytest.mark.parametrize("text, shown", [
    (_DIGEST, 'Authorization: Digest username="bob", realm="api", '
              'nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/v1/health", response="***", qop=auth, '
              'nc=00000001, cnonce="***"'),
    ("> Proxy-Authorization: Digest username=bob, response=6629fae49393a05397450978507c4ef1, qop=auth",
     "> Proxy-Authorization: Digest username=bob, response=***, qop=auth"),
    ('Authorization: Digest response="6629fae49393a05397450978507c4ef1", username="bob"',
     'Authorization: Digest response="***", username="bob"'),
    ('Authorization: Digest cnonce="0a4f113b9c8d", username="bob", '
     'response="6629fae49393a05397450978507c4ef1"',
     'Authorization: Digest cnonce="***", username="bob", response="***"'),
    # (a credential alone after the scheme goes, as before)
    ("Authorization: Digest 6629fae49393a05397450978507c4ef1", "Authorization: Digest ***"),
])
def test_digest_keeps_its_user_name_and_masks_its_hashes(text, shown):
    all_show(text, shown, "0a4f113b" if "cnonce" in text else "6629fae4")


@pytest.mark.parametrize("text", [
    "weekly digest: response times up 20%",
    'WWW-Authenticate: Digest realm="api", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", qop="auth"',
])
def test_digest_prose_and_a_challenge_stay(text):
    all_keep(text)


def test_an_imported_digest_error_keeps_the_user_name(tmp_path):
    results = [{"check": "c0", "url": "https://api.example.com/x", "statusCode": 500, "latencyMs": 5,
                "checkedAt": "2025-10-10T09:00:00Z",
                "error": 'upstream: Authorization: Digest username="bob", '
                         'response="6629fae49393a05397450978507c4ef1"'}]
    found, problems = rows(tmp_path, "checks.json", json.dumps({"results": results}))
    assert problems == []
    assert [r["error_message"] for r in found] == [
        'upstream: Authorization: Digest username="bob", response="***"']


# --- found on the hunt: a table cell's spaced password, a mail's Date header in a problem -------------------

def test_a_table_cells_spaced_password_is_masked_whole():
    assert redact_row(["09:10", "Password=Hunter 2pg", "pwd = a b c", "passes=3 of 4", "Password=***"],
                      ["a", "b", "c", "d", "e"], [], None) == [
        "09:10", "Password=***", "pwd = ***", "passes=3 of 4", "Password=***"]
    doc = ("# Ops\n\nAll times UTC.\n\n### 2025-10-08\n\n| time | what | secret |\n|---|---|---|\n"
           "| 09:10 | OCC-1 reset | Password=Hunter 2pg |\n| 09:11 | OCC-1 note | passes=3 of 4 |\n")
    logs = parse_log(doc, "x.md")
    assert logs.events["text"].tolist() == [
        "09:10 | OCC-1 reset | Password=***", "09:11 | OCC-1 note | passes=3 of 4"]
    assert logs.tables["frame"][0].values.tolist() == [
        ["09:10", "OCC-1 reset", "Password=***"], ["09:11", "OCC-1 note", "passes=3 of 4"]]


def test_a_pasted_mails_date_header_in_a_problem_holds_no_secret():
    doc = "From: a@b.c\nDate: Fri, 10 Oct 2025 09:00:00 password: Hunter2pg!x\nSubject: x\n\nbody 09:00 x\n"
    assert parse_log(doc, "x.md").problems.values.tolist() == [
        ["x.md", 2, "time", "Date: Fri, 10 Oct 2025 09:00:00 password: ***",
         "time without zone in a pasted email header, read as UTC"]]


def test_a_wifi_password_and_a_connection_string_leave_no_trace_in_the_events():
    doc = ("# Ops\n\nAll times UTC.\n\n### 2025-10-08\n"
           "- 09:00 OCC-1 ETA 2025-10-10 17:00 UTC, creds Server=db01;Password=Hunter 2pg\n"
           "- 09:05 OCC-1 wifi: Guest / Welcome2025! for the visitors\n")
    logs = parse_log(doc, "x.md")
    assert event_rows(doc) == [
        [6, "10-08 09:00", "deadline", 0, ["OCC-1"],
         "09:00 OCC-1 ETA 2025-10-10 17:00 UTC, creds Server=db01;Password=***"],
        [7, "10-08 09:05", "note", 0, ["OCC-1"], "09:05 OCC-1 wifi: Guest / *** for the visitors"],
    ]
    assert logs.deadlines["text"].tolist() == [
        "09:00 OCC-1 ETA 2025-10-10 17:00 UTC, creds Server=db01;Password=***"]


def test_the_text_rules_agree_on_the_new_shapes():
    for text in ("wifi: Guest / Welcome2025!", "Password=Hunter 2pg;Server=db01", _DIGEST):
        outs = {f(text) for f in (redact_text, redact, _scrub, redact_path)}
        assert len(outs) == 1


def test_a_key_value_tables_spaced_password_and_wifi_row_are_masked():
    doc = ("# Ops\n\nAll times UTC.\n\n### 2025-10-10\n\n| key | value |\n|---|---|\n"
           "| wifi | Guest / Welcome2025! |\n| DB_PASSWORD | Hunter 2pg |\n")
    logs = parse_log(doc, "x.md")
    assert logs.events["text"].tolist() == ["wifi | Guest / ***", "DB_PASSWORD | ***"]
    assert logs.tables["frame"][0].values.tolist() == [["wifi", "Guest / ***"], ["DB_PASSWORD", "***"]]


@pytest.mark.parametrize("cells", [
    ["wifi", "down / up"],
    ["wifi", "office / 5GHz-band"],
    ["DB_PASSWORD", "rotated Fri"],
    ["DB_PASSWORD", "rotated v2"],
    ["DB_PASSWORD", "see OPS-12"],
    ["DB_PASSWORD", "expires 2025-10-12"],
    ["DB_PASSWORD", "Vault v2"],
    ["API token", "Hunter 2pg"],  # (a spaced value is a password's only)
])
def test_a_key_value_tables_notes_stay(cells):
    assert redact_row(cells, ["key", "value"], [], 1) == cells


def test_a_notes_credential_word_alone_goes_as_before():
    assert redact_row(["DB_PASSWORD", "Hunter2pg9 (rotated Fri)"], ["key", "value"], [], 1) == [
        "DB_PASSWORD", "*** (rotated Fri)"]
