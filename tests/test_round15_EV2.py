"""Round 15 (EV2): a failed check's 0 latency is no measurement (null); HTTPie's and xh's failure lines
are down rows with their error class; HTTPie's ``-a user:password`` and header items are secrets as
curl's ``-u``/``-H`` are; Datadog synthetics results are named by the test the export names, else by
the file, said once."""

from __future__ import annotations

import base64
import json
import warnings
from pathlib import Path

from occ_lib.evidence import evidence_files, import_evidence, read_evidence
from occ_lib.redact import redact_text
from tests.evidence_rows import noted as _noted
from tests.evidence_rows import write

T = "2025-10-10T07:40:00+00:00"


# 1: a failed check's 0 latency -------------------------------------------------------------------
def test_failed_checks_zero_latency_is_null_in_every_json_shape(tmp_path):
    shapes = {
        "pingdom.json": {"results": [
            {"time": 1760081100, "status": "down", "responsetime": 0, "statusdesc": "Connection refused"},
            {"time": 1760081400, "status": "up", "responsetime": 0}]},  # (up at 0 ms: kept as said)
        "datadog.json": {"results": [{"check_time": 1760081100000, "probe_dc": "aws:eu-central-1",
                                      "result": {"passed": False, "timings": {"total": 0},
                                                 "failure": {"message": "Error: Request timed out"}}}]},
        "newrelic.json": [{"timestamp": 1760081100000, "monitorName": "API", "result": "FAILED",
                           "duration": 0, "error": "NetworkError: Connection refused"}],
        "uptimerobot.json": [{"friendly_name": "API", "url": "https://a.example/h", "status": "down",
                              "response_time": 0, "datetime": 1760081100}],
        "checkly.json": [{"name": "API", "hasFailures": True, "responseTime": 0,
                          "startedAt": "2025-10-10T07:25:00Z"}],
        "kuma.json": {"monitorList": {"1": {"id": 1, "name": "API", "url": "https://a.example/h"}},
                      "heartbeatList": {"1": [{"status": 0, "time": "2025-10-10 07:25:00", "ping": 0,
                                               "msg": "connect ECONNREFUSED 10.0.0.7:443"}]}},
        "status503.json": [{"url": "https://a.example/h", "status": 503, "latency_ms": 0,
                            "checked_at": "2025-10-10T07:25:00Z"}],
    }
    got = {}
    for name, doc in shapes.items():
        rows, problems, _notes = _noted([write(tmp_path, name, json.dumps(doc))])
        assert problems == []
        got[name] = [(r[6], r[9]) for r in rows]  # (outcome, elapsed_ms)
    assert got == {
        "pingdom.json": [("down", None), ("up", 0.0)],
        "datadog.json": [("down", None)],
        "newrelic.json": [("down", None)],
        "uptimerobot.json": [("down", None)],
        "checkly.json": [("down", None)],
        "kuma.json": [("down", None)],
        "status503.json": [("down", None)],
    }


def test_pingdom_down_row_whole(tmp_path):
    path = write(tmp_path, "pingdom.json", json.dumps({"results": [
        {"time": 1760081100, "status": "down", "responsetime": 0}]}))
    assert _noted([path]) == (
        [("pingdom", None, None, "2025-10-10T07:25:00+00:00", "json", None, "down", None, None, None, None,
          None)], [], [])


# 2: HTTPie's and xh's failures --------------------------------------------------------------------
REFUSED = (
    "$ http --headers 'https://api.example.com/health?token=abc123456'\n\n"
    "http: error: ConnectionError: HTTPSConnectionPool(host='api.example.com', port=443): Max retries "
    "exceeded with url: /health?token=abc123456 (Caused by NewConnectionError('<urllib3.connection."
    "HTTPSConnection object at 0x7f3a2c1d0e50>: Failed to establish a new connection: [Errno 111] "
    "Connection refused')) while doing a GET request to URL: https://api.example.com/health?token=abc123456\n"
)
XH = ("$ xh :8081/health\n"
      "xh: error: error sending request for url (http://localhost:8081/health)\n\n"
      "Caused by:\n    0: client error (Connect)\n"
      "    1: tcp connect error: Connection refused (os error 111)\n")


def test_httpie_and_xh_failures_are_down_rows(tmp_path):
    files = {
        "refused": REFUSED,
        "timeout": ("$ http --timeout 2 https://api.example.com/slow\n\n"
                    "http: error: Request timed out (2.0s).\n"),
        "readtimeout": ("http: error: ReadTimeout: HTTPSConnectionPool(host='api.example.com', port=443): "
                        "Read timed out. (read timeout=2)\n"),
        "ssl": ("http: error: SSLError: HTTPSConnectionPool(host='expired.badssl.com', port=443): Max "
                "retries exceeded with url: / (Caused by SSLError(SSLCertVerificationError(1, '[SSL: "
                "CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired'))) while "
                "doing a GET request to URL: https://expired.badssl.com/\n"),
        "redirects": "$ http --follow https://loop.example/a\n\nhttp: error: Too many redirects "
                     "(--max-redirects=30).\n",
        "dns": ("$ http nope.invalid\n\nhttp: error: gaierror: [Errno -2] Name or service not known\n"
                "Couldn't resolve the given hostname. Please check the URL and try again.\n"),
        "xh": XH,
    }
    found = {}
    for name, text in files.items():
        rows, problems, notes = _noted([write(tmp_path, f"h_{name}_20251010T074000Z.txt", text)])
        assert (problems, notes) == ([], [])
        found[name] = rows
    tail = (None, None, None)
    assert found == {
        "refused": [("api.example.com/health?token=***", "https://api.example.com/health?token=***", "GET", T,
                     "filename", None, "down", "connect",
                     "http: error: ConnectionError: HTTPSConnectionPool(host='api.example.com', port=443): "
                     "Max retries exceeded with url: /health?token=*** (Caused by NewConnectionError("
                     "'<urllib3.connection.HTTPSConnection object at 0x7f3a2c1d0e50>: Failed to establish a "
                     "new connection: [Errno 111] Connection refused')) ", *tail)],  # (300 at most)
        "timeout": [("api.example.com/slow", "https://api.example.com/slow", "GET", T, "filename", None,
                     "down", "timeout", "http: error: Request timed out (2.0s).", *tail)],
        "readtimeout": [("h_readtimeout", None, None, T, "filename", None, "down", "timeout",
                         "http: error: ReadTimeout: HTTPSConnectionPool(host='api.example.com', port=443): "
                         "Read timed out. (read timeout=2)", *tail)],
        "ssl": [("expired.badssl.com", "https://expired.badssl.com/", "GET", T, "filename", None, "down",
                 "tls",
                 files["ssl"].strip()[:300], *tail)],  # (the URL and method from its message)
        "redirects": [("loop.example/a", "https://loop.example/a", "GET", T, "filename", None, "down",
                       "too_many_redirects", "http: error: Too many redirects (--max-redirects=30).", *tail)],
        "dns": [("nope.invalid", "http://nope.invalid", "GET", T, "filename", None, "down", "dns",
                 "http: error: gaierror: [Errno -2] Name or service not known Couldn't resolve the given "
                 "hostname. Please check the URL and try again.", *tail)],
        "xh": [("localhost:8081/health", "http://localhost:8081/health", "GET", T, "filename", None, "down",
                "connect", "xh: error: error sending request for url (http://localhost:8081/health) Caused "
                "by: client error (Connect); tcp connect error: Connection refused (os error 111)", *tail)],
    }


def test_httpie_usage_error_is_no_probe_and_failures_are_found_in_a_folder(tmp_path):
    usage = write(tmp_path, "h_usage_20251010T074000Z.txt",
                  "$ http --foo a.example\nusage:\n    http [METHOD] URL\n\nhttp: error: unrecognized "
                  "arguments: --foo\n")
    assert _noted([usage]) == ([], [f"{usage}: not a curl transcript: no HTTP status line (HTTP/1.0, 1.1, "
                                     "2 or 3)"], [])
    usage.unlink()
    art = tmp_path / "artifacts"
    art.mkdir()
    (art / "xh_20251010T074000Z.log").write_text(XH)
    (art / "README.txt").write_text("notes on the xh checks\n")
    result = import_evidence(tmp_path / "data", evidence_files([art]))
    assert (result.imported_rows, [Path(p).name for p in result.imported_files], result.problems) == (
        1, ["xh_20251010T074000Z.log"], [])


# 3: HTTPie's secrets --------------------------------------------------------------------------------
def test_httpie_auth_and_header_items_never_reach_the_store(tmp_path):
    basic = base64.b64encode(b"ops:S3cretPw77").decode()
    text = (f"$ http -a ops:S3cretPw77 https://api.example.com/x 'Authorization:Bearer tok_live_42abc' "
            "X-API-Key:abcdef123 password=hunter2pw\n"
            "HTTP/1.1 200 OK\n"
            f"X-Request-Id: {basic}\n\n"
            "$ http --auth=ops:S3cretPw77 https://api.example.com/y\n\n"
            "http: error: ConnectionError: refused for ops:S3cretPw77 tok_live_42abc abcdef123 hunter2pw\n")
    path = write(tmp_path, "h_secret_20251010T074000Z.txt", text.split("\n\n$ ")[0] + "\n")
    failing = write(tmp_path, "h_fail_20251010T074000Z.txt",
                    "$ http -a ops:S3cretPw77 https://api.example.com/y "
                    "'Authorization:Bearer tok_live_42abc' "
                    "X-API-Key:abcdef123 password=hunter2pw\n\n"
                    "http: error: ConnectionError: Connection refused; sent ops:S3cretPw77 tok_live_42abc "
                    "abcdef123 hunter2pw\n")
    df, problems = read_evidence([path, failing])
    assert problems == []
    assert [(r["status"], r["h_request_id"], r["error_message"]) for r in df.to_dict("records")] == [
        (200, "***", None),
        (None, None, "http: error: ConnectionError: Connection refused; sent *** *** *** ***"),
    ]
    stored = import_evidence(tmp_path / "data", [path, failing])
    assert stored.imported_rows == 2
    data = b"".join(p.read_bytes() for p in (tmp_path / "data").rglob("*.parquet"))
    for secret in ("S3cretPw77", "tok_live_42abc", "abcdef123", "hunter2pw", basic):
        assert secret.encode() not in data


def test_httpie_auth_in_free_text():
    assert [redact_text(t) for t in (
        "$ http -a ops:S3cretpw https://a.example/x", "xh --auth ops:hunter22 x.example",
        "https -v -a 'ops:pw9' a.example", "ls -a foo:bar", "git commit -a http:x",
    )] == [
        "$ http -a ops:*** https://a.example/x", "xh --auth ops:*** x.example",
        "https -v -a 'ops:***' a.example", "ls -a foo:bar", "git commit -a http:x",
    ]


# 4: Datadog synthetics results: their test -------------------------------------------------------
RESULTS = [
    {"check_time": 1760080800000, "probe_dc": "aws:eu-central-1", "result_id": "111", "status": 0,
     "result": {"passed": True, "timings": {"total": 312.5}, "httpStatusCode": 200}},
    {"check_time": 1760081100000, "probe_dc": "aws:eu-central-1", "result_id": "112", "status": 2,
     "result": {"passed": False, "timings": {"total": 0},
                "failure": {"message": "Error: Request timed out"}}},
]
TEST = {"public_id": "abc-def-ghi", "name": "API health",
        "config": {"request": {"url": "https://api.example.com/health", "method": "GET"}}}


def _dd(name: str, url: str | None, method: str | None) -> list[tuple]:
    return [(name, url, method, "2025-10-10T07:20:00+00:00", "json", 200, "up", None, None, 312.5, None,
             None),
            (name, url, method, "2025-10-10T07:25:00+00:00", "json", None, "down", "timeout",
             "Error: Request timed out", None, None, None)]


def test_datadog_results_named_by_their_test_else_by_the_file_said_once(tmp_path):
    docs = {
        "dd_test.json": {"test": TEST, "results": RESULTS},
        "dd_id.json": {"public_id": "abc-def-ghi", "results": RESULTS},
        "dd_check.json": [dict(r, check={"config": TEST["config"]}) for r in RESULTS],
        "dd_plain.json": {"last_timestamp_fetched": 1760081100000, "results": RESULTS},
    }
    got = {}
    for name, doc in docs.items():
        path = write(tmp_path, name, json.dumps(doc))
        got[name] = _noted([path])
    assert got == {
        "dd_test.json": (_dd("API health", "https://api.example.com/health", "GET"), [], []),
        "dd_id.json": (_dd("abc-def-ghi", None, None), [], []),
        "dd_check.json": (_dd("api.example.com/health", "https://api.example.com/health", "GET"), [], []),
        "dd_plain.json": (_dd("dd_plain", None, None), [], [
            f"{tmp_path / 'dd_plain.json'}: Datadog synthetics results without their test's name or URL (no "
            "public_id, test name or config.request.url in the file): 2 rows named by the file"]),
    }


def test_datadog_keys_unchanged_by_the_test_name(tmp_path):
    plain = write(tmp_path, "dd.json", json.dumps({"results": RESULTS}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first = import_evidence(tmp_path / "data", [plain])
    assert first.imported_rows == 2
    plain.write_text(json.dumps({"test": TEST, "results": RESULTS}))  # (the same results, and their test)
    again = import_evidence(tmp_path / "data", [plain])
    assert (again.imported_rows, again.duplicate_files) == (0, [str(plain)])
