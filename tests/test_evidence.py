"""Evidence import: curl transcripts (captured ones in examples/artifacts and written-out forms) and
synthetic-check JSON become probe rows with exact values; bad files are named and skipped."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from occ_lib.evidence import EvidenceNote, import_evidence, read_evidence
from occ_lib.schema import PROBE_COLUMNS
from occ_lib.store import load_probes
from occ_lib.targets import Target


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ART = EXAMPLES / "artifacts"
SHOP = ART / "integrations" / "shopify"


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text).tz_convert("UTC") if pd.Timestamp(text).tzinfo else pd.Timestamp(text, tz="UTC")


def one(path: Path, **kw) -> dict:
    df, problems = read_evidence([path], **kw)
    assert problems == []
    assert len(df) == 1
    row = df.iloc[0].to_dict()
    return {k: (None if v is pd.NA or (isinstance(v, float) and pd.isna(v)) or v is pd.NaT else v)
            for k, v in row.items()}


def write(tmp_path: Path, name: str, text: str | bytes, mtime: float | None = None) -> Path:
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode())
    if mtime is not None:
        os.utime(p, (mtime, mtime))
    return p


# captured transcripts ------------------------------------------------------------------------------
CAPTURED = [
    # file, method, url, status, version, outcome, error, elapsed, date, via, request id
    (SHOP / "2025-10-10/curl_hotdash-staging_2025-10-10T02-50-44Z.log", "HEAD",
     "https://hotdash-staging.fly.dev/app?mock=1", 200, "HTTP/2", "up", None, None,
     "Fri, 10 Oct 2025 02:50:44 GMT", "2 fly.io", "01K77ZQ4W0T1AAG1XKJ5N2P3R4-iad", "2025-10-10T02:50:44Z"),
    (SHOP / "2025-10-10/curl_hotdash-staging_2025-10-10T06-20-00Z.log", "GET",
     "https://hotdash-staging.fly.dev/app?mock=1", 200, "HTTP/2", "up", None, None,
     "Fri, 10 Oct 2025 06:20:00 GMT", "2 fly.io", "01K78CV8J2E5QHX1B4S7M9T0Y6-iad", "2025-10-10T06:20:00Z"),
    (SHOP / "2025-10-10/curl_hotdash-staging_2025-10-10T06-34-12Z_mock0.log", "GET",
     "https://hotdash-staging.fly.dev/app?mock=0", 410, "HTTP/2", "down", "unexpected_status", None,
     "Fri, 10 Oct 2025 06:34:12 GMT", "2 fly.io", "01K78DNB5C1V0W9RZ3H8F6G2K7-iad", "2025-10-10T06:34:12Z"),
    (SHOP / "2025-10-09/curl_hotdash-staging_2025-10-09T17-55-03Z_redirect.log", "HEAD",
     "https://hotdash-staging.fly.dev/app?mock=1", 200, "HTTP/2", "up", None, None,
     "Thu, 09 Oct 2025 17:55:03 GMT", "2 fly.io", "01K76R2F0D9XKQ4P7N3M5B8C1A-iad", "2025-10-09T17:55:03Z"),
    (SHOP / "2025-10-11/curl_hotdash-staging_2025-10-11T09-05-00Z_http11.log", "GET",
     "https://hotdash-staging.fly.dev/app?mock=1", 200, "HTTP/1.1", "up", None, 45.654,
     "Sat, 11 Oct 2025 09:05:00 GMT", "1.1 fly.io", "01K7B1H6T4Y2R8E0W3Q5U7I9O1-iad", "2025-10-11T09:05:00Z"),
    (ART / "reliability/2025-10-12/curl_hotdash-staging_2025-10-12T08-00-00Z_http10.log", "HEAD",
     "http://hotdash-staging.fly.dev/app?mock=1", 200, "HTTP/1.0", "up", None, None,
     "Sun, 12 Oct 2025 08:00:00 GMT", "1.0 fly.io", "01K7D9P2L5K8J1H4G7F0D3S6A9-iad", "2025-10-12T08:00:00Z"),
    (ART / "reliability/2025-10-12/curl_hotdash-staging_2025-10-12T08-01-30Z_mock0_verbose.log", "HEAD",
     "https://hotdash-staging.fly.dev/app?mock=0", 410, "HTTP/2", "down", "unexpected_status", None,
     "Sun, 12 Oct 2025 08:01:30 GMT", "2 fly.io", "01K7D9R7M3N6B9V2C5X8Z1L4K7-iad", "2025-10-12T08:01:30Z"),
]


@pytest.mark.parametrize("case", CAPTURED, ids=lambda c: c[0].name)
def test_captured_curl_transcripts(case):
    path, method, url, status, version, outcome, error, elapsed, date, via, rid, at = case
    r = one(path, root=EXAMPLES)
    assert r["source"] == "evidence"
    assert r["method"] == method
    assert r["url"] == url
    assert r["target"] == url.split("://", 1)[1]
    assert r["status"] == status
    assert r["http_version"] == version
    assert r["outcome"] == outcome
    assert r["error"] == error
    assert r["error_message"] == (f"HTTP {status}" if error else None)
    assert r["elapsed_ms"] == elapsed
    assert r["h_date"] == date
    assert r["h_server"] == "Fly/6b1a2b3c (2025-10-08)"
    assert r["h_via"] == via
    assert r["h_request_id"] == rid
    assert r["time_source"] == "filename"
    assert r["started_at"] == ts(at)
    assert r["evidence_path"] == path.relative_to(EXAMPLES).as_posix()
    # (the time is the file name's: its stamp is part of the key)
    assert r["evidence_key"] == hashlib.sha256(path.read_bytes()).hexdigest() + "#0@" + at
    assert r["tags"] == "{}"
    assert r["probe_host"] is None and r["bytes"] is None


def test_configured_target_names_rows_and_sets_degraded():
    mock = Target(name="staging-app-mock", url="https://hotdash-staging.fly.dev/app?mock=1",
                  degraded_ms=40, tags={"team": "integrations"})
    live = Target(name="staging-app-live", url="https://hotdash-staging.fly.dev/app?mock=0", expect=[410])
    paths = [c[0] for c in CAPTURED]
    df, problems = read_evidence(paths, targets=[mock, live])
    assert problems == []
    got = list(zip(df["target"], df["outcome"], df["error"].fillna("-"), df["tags"], strict=True))
    assert got == [
        ("staging-app-mock", "up", "-", '{"team":"integrations"}'),
        ("staging-app-mock", "up", "-", '{"team":"integrations"}'),
        ("staging-app-live", "up", "-", "{}"),  # 410 is what this target expects
        ("staging-app-mock", "up", "-", '{"team":"integrations"}'),
        ("staging-app-mock", "degraded", "-", '{"team":"integrations"}'),  # 45.654 ms > 40 ms
        ("hotdash-staging.fly.dev/app?mock=1", "up", "-", "{}"),  # http:// is another URL
        ("staging-app-live", "up", "-", "{}"),
    ]


# written-out transcript forms ------------------------------------------------------------------------
H3 = """$ curl -I --http3 https://edge.example.test/health
HTTP/3 204 \r
date: Fri, 10 Oct 2025 11:00:00 GMT\r
server: h3-edge\r
x-request-id: req-h3-1\r
\r
"""

V10 = """*   Trying 127.0.0.1:80...
* Connected to legacy.example.test (127.0.0.1) port 80 (#0)
> GET /status HTTP/1.0
> Host: legacy.example.test
> User-Agent: curl/7.88.1
>
* HTTP 1.0, assume close after body
< HTTP/1.0 503 Service Unavailable
< Server: legacy/1.0
< Date: Sat, 11 Oct 2025 01:02:03 GMT
<
{ [17 bytes data]
* Closing connection 0
HTTP/1.0 999 not a response: body text after the verbose transcript
"""

VL = """* Connected to hotdash-staging.fly.dev (66.241.125.1) port 443 (#0)
* ALPN: server accepted h2
> GET / HTTP/2
> Host: hotdash-staging.fly.dev
>
< HTTP/2 302 \r
< location: https://login.example.test/start?next=%2F\r
< via: 2 fly.io\r
<
* Issue another request to this URL: 'https://login.example.test/start?next=%2F'
* Connected to login.example.test (10.0.0.1) port 443 (#1)
* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384
> GET /start?next=%2F HTTP/1.1
> Host: login.example.test
>
< HTTP/1.1 100 Continue
<
< HTTP/1.1 200 OK
< Server: login
< X-Amzn-RequestId: amz-42
<
"""

IL11 = """HTTP/1.1 301 Moved Permanently
Location: https://www.example.test/new
Date: Sat, 11 Oct 2025 10:00:00 GMT

HTTP/1.1 302 Found
Location: /final?x=1

HTTP/1.1 200 OK
Date: Sat, 11 Oct 2025 10:00:01 GMT
Server: final
Content-Length: 0

HTTP/1.1 500 this line is in a body and must not count
"""

WOUT = """$ curl -s -o /dev/null -D - -w 'time_namelookup: %{time_namelookup}\\n...' https://api.example.test/v1
HTTP/2 200
server: api

time_namelookup: 0.002000
time_connect: 0.010000
time_appconnect: 0.030000
time_starttransfer: 0.080000
time_total: 0.123000
size_download: 512
"""

CURL_ERR = """$ curl -I https://nowhere.example.test/
curl: (6) Could not resolve host: nowhere.example.test
"""

REDIRECT_LOOP = """$ curl -IL --max-redirs 1 https://loop.example.test/a
HTTP/2 301
location: /a

HTTP/2 301
location: /a

curl: (47) Maximum (1) redirects followed
"""


def test_http3_head_with_command_line(tmp_path):
    r = one(write(tmp_path, "curl_edge_2025-10-10T11-00-00Z.log", H3))
    assert (r["method"], r["url"], r["target"], r["status"], r["http_version"]) == (
        "HEAD", "https://edge.example.test/health", "edge.example.test/health", 204, "HTTP/3")
    assert (r["outcome"], r["h_server"], r["h_request_id"], r["time_source"]) == ("up", "h3-edge", "req-h3-1",
                                                                                   "filename")
    assert r["started_at"] == ts("2025-10-10T11:00:00Z")


def test_http10_verbose_ignores_unprefixed_body_and_uses_request_lines(tmp_path):
    r = one(write(tmp_path, "legacy.log", V10))
    assert (r["method"], r["url"], r["status"], r["http_version"]) == (
        "GET", "http://legacy.example.test/status", 503, "HTTP/1.0")
    assert (r["outcome"], r["error"], r["error_message"]) == ("down", "unexpected_status", "HTTP 503")
    # no stamp in the file name: the Date header gives the time
    assert (r["time_source"], r["started_at"]) == ("date_header", ts("2025-10-11T01:02:03Z"))


def test_verbose_redirect_then_100_continue_keeps_last_response(tmp_path):
    r = one(write(tmp_path, "chain-20251010T071858Z.log", VL))
    assert (r["method"], r["url"], r["status"], r["http_version"]) == (
        "GET", "https://login.example.test/start?next=%2F", 200, "HTTP/1.1")
    assert (r["h_server"], r["h_request_id"], r["h_via"]) == ("login", "amz-42", None)
    assert (r["time_source"], r["started_at"]) == ("filename", ts("2025-10-10T07:18:58Z"))


def test_non_verbose_redirects_follow_location_and_stop_at_body(tmp_path):
    p = write(tmp_path, "x.log", "$ curl -iL 'https://example.test/old?token=s3cr3t-value'\n" + IL11)
    r = one(p)
    assert (r["status"], r["http_version"], r["h_server"]) == (200, "HTTP/1.1", "final")
    assert r["url"] == "https://www.example.test/final?x=1"
    assert (r["time_source"], r["started_at"]) == ("date_header", ts("2025-10-11T10:00:01Z"))


def test_write_out_timings(tmp_path):
    r = one(write(tmp_path, "w_2025-10-10T02-50-44Z.log", WOUT))
    assert (r["method"], r["status"]) == ("GET", 200)
    assert (r["elapsed_ms"], r["dns_ms"], r["connect_ms"], r["tls_ms"], r["ttfb_ms"], r["bytes"]) == (
        123.0, 2.0, 10.0, 20.0, 80.0, 512)


def test_curl_error_without_response_is_a_down_row(tmp_path):
    r = one(write(tmp_path, "dns_2025-10-10T02-50-44Z.log", CURL_ERR))
    assert (r["status"], r["outcome"], r["error"]) == (None, "down", "dns")
    assert r["error_message"] == "curl: (6) Could not resolve host: nowhere.example.test"
    assert (r["method"], r["url"], r["target"]) == ("HEAD", "https://nowhere.example.test/",
                                                    "nowhere.example.test")


def test_redirect_limit_error_after_responses(tmp_path):
    r = one(write(tmp_path, "loop_2025-10-10T02-50-44Z.log", REDIRECT_LOOP))
    assert (r["status"], r["outcome"], r["error"]) == (301, "down", "too_many_redirects")
    assert r["url"] == "https://loop.example.test/a"


def test_mtime_is_the_last_resort(tmp_path):
    p = write(tmp_path, "plain.log", "HTTP/1.1 204 No Content\n\n", mtime=1760000000.25)
    r = one(p)
    assert (r["time_source"], r["started_at"]) == ("mtime", ts("2025-10-09T08:53:20.250Z"))
    assert (r["url"], r["method"], r["target"]) == (None, None, "plain")


@pytest.mark.parametrize(
    "name, expected, target",
    [
        ("curl_hotdash-staging_2025-10-10T02-50-44Z.log", "2025-10-10T02:50:44Z", "curl_hotdash-staging"),
        ("cli-secret-20251010T071858Z.log", "2025-10-10T07:18:58Z", "cli-secret"),
        ("curl_hotdash-staging_2025-10-10T06-34-12Z_mock0.log", "2025-10-10T06:34:12Z",
         "curl_hotdash-staging_mock0"),
        ("probe-2025-10-10T04-40-48.296Z.log", "2025-10-10T04:40:48.296Z", "probe"),
        ("curl_api_2025-10-10T07-18-58EDT.log", "2025-10-10T11:18:58Z", "curl_api"),  # (`date +%Z`)
        # an offset set off by '_' or '-', bare or after UTC ('--03' is Sao Paulo's '-%Z')
        ("curl_sg_2025-10-10T14-30-00_+0800.log", "2025-10-10T06:30:00Z", "curl_sg"),
        ("curl_in_2025-10-10T14-30-00_UTC+0530.log", "2025-10-10T09:00:00Z", "curl_in"),
        ("curl_br_2025-10-10T14-30-00--03.log", "2025-10-10T17:30:00Z", "curl_br"),
    ],
)
def test_filename_stamp_forms(tmp_path, name, expected, target):
    r = one(write(tmp_path, name, "HTTP/2 200\ndate: Mon, 01 Jan 2024 00:00:00 GMT\n\n"))
    assert (r["time_source"], r["started_at"], r["target"]) == ("filename", ts(expected), target)


def test_filename_stamp_in_an_unknown_zone_gives_no_time(tmp_path):
    r = one(write(tmp_path, "curl_api_2025-10-10T07-18-58XYZT.log",
                  "HTTP/2 200\ndate: Fri, 10 Oct 2025 04:18:59 GMT\n\n"))
    assert (r["time_source"], r["started_at"], r["target"]) == ("date_header", ts("2025-10-10T04:18:59Z"),
                                                                "curl_api")
    # (Moscow's abbreviation is known: 07:18:58 there is 04:18:58 UTC)
    r = one(write(tmp_path, "curl_api_2025-10-10T07-18-58MSK.log", "HTTP/2 200\n\n"))
    assert (r["time_source"], r["started_at"]) == ("filename", ts("2025-10-10T04:18:58Z"))


# synthetic-check JSON ------------------------------------------------------------------------------
def test_committed_smoke_check():
    p = ART / "monitoring" / "synthetic-check-2025-10-10T04-40-48.296Z.json"
    r = one(p, root=EXAMPLES)
    assert (r["target"], r["url"], r["status"], r["outcome"], r["elapsed_ms"]) == (
        "staging-app-mock", "https://hotdash-staging.fly.dev/app?mock=1", 200, "up", 212.4)
    assert (r["time_source"], r["started_at"]) == ("json", ts("2025-10-10T04:40:48.296Z"))
    assert r["evidence_path"] == "artifacts/monitoring/synthetic-check-2025-10-10T04-40-48.296Z.json"


def test_committed_week_of_checks():
    paths = sorted((ART / "monitoring").glob("*.json"))
    df, problems = read_evidence(paths)
    assert problems == []
    assert len(df) == 7 * 96 + 1
    assert df["started_at"].min() == ts("2025-10-06T00:00:02.752Z")
    assert df["started_at"].max() < ts("2025-10-13T00:00:00Z")
    counts = df.groupby(["target", "outcome"]).size().to_dict()
    assert counts == {("staging-app-live", "down"): 272, ("staging-app-live", "up"): 64,
                      ("staging-app-mock", "down"): 4, ("staging-app-mock", "up"): 333}
    assert set(df["time_source"]) == {"json"}
    assert df["elapsed_ms"].notna().all()


JSON_CASES = [
    ({"url": "https://a.test/x", "status": 200, "latency": 150, "checked_at": "2025-10-10T01:00:00Z"},
     ("a.test/x", 200, "up", None, 150.0, "2025-10-10T01:00:00Z", "json")),
    ({"endpoint": "https://a.test/x", "statusCode": 503, "duration_ms": 80.5, "timestamp": 1760058000},
     ("a.test/x", 503, "down", "unexpected_status", 80.5, "2025-10-10T01:00:00Z", "json")),
    ({"target": "https://a.test/x", "status_code": "200", "elapsed": "0.25s", "time": 1760058000123},
     ("a.test/x", 200, "up", None, 250.0, "2025-10-10T01:00:00.123Z", "json")),
    ({"name": "chk", "http_status": 200, "success": False, "responseTime": 12, "startedAt":
      "2025-10-10T03:00:00+02:00"},
     ("chk", 200, "down", None, 12.0, "2025-10-10T01:00:00Z", "json")),
    ({"check": "chk", "passed": True, "duration_s": 1.5, "checkedAt": "2025-10-10T01:00:00"},
     ("chk", None, "up", None, 1500.0, "2025-10-10T01:00:00Z", "json")),
    ({"target": "chk", "ok": False, "error": "connect ECONNREFUSED 10.0.0.1:443", "latencySeconds": 0.002},
     ("chk", None, "down", "connect", 2.0, "2025-10-10T04:40:48.296Z", "filename")),
    ({"request": {"url": "https://a.test/y"}, "response": {"status": 200, "elapsedMs": 7}, "up": True},
     ("a.test/y", 200, "up", None, 7.0, "2025-10-10T04:40:48.296Z", "filename")),
    ({"url": "https://a.test/x", "status": 200, "ok": True, "message": "OK", "latency_ms": "35ms"},
     ("a.test/x", 200, "up", None, 35.0, "2025-10-10T04:40:48.296Z", "filename")),
    ({"url": "https://a.test/x", "status": None, "ok": False, "error": "ETIMEDOUT after 10s"},
     ("a.test/x", None, "down", "timeout", None, "2025-10-10T04:40:48.296Z", "filename")),
    # timings nested under the response; a bare 'total' is a count, not a latency
    ({"url": "https://a.test/x", "total": 3, "response": {"status": 200, "timings": {"total_ms": 312}}},
     ("a.test/x", 200, "up", None, 312.0, "2025-10-10T04:40:48.296Z", "filename")),
    ({"url": "https://a.test/x", "status": 200, "total": 3, "rtt": 41},
     ("a.test/x", 200, "up", None, 41.0, "2025-10-10T04:40:48.296Z", "filename")),
    ({"url": "https://a.test/x", "status": 200, "total": 3},
     ("a.test/x", 200, "up", None, None, "2025-10-10T04:40:48.296Z", "filename")),
    # Datadog's synthetics: the result nested, a bare 'total' under timings is ms, epoch-ms check_time
    ({"test": {"name": "api"}, "url": "https://a.test/h", "check_time": 1760058000000,
      "result": {"passed": False, "httpStatusCode": 503, "timings": {"total": 5012.5}}},
     ("api", 503, "down", "unexpected_status", 5012.5, "2025-10-10T01:00:00Z", "json")),
]


@pytest.mark.parametrize("obj, expected", JSON_CASES)
def test_json_field_mapping(tmp_path, obj, expected):
    p = write(tmp_path, "synthetic-check-2025-10-10T04-40-48.296Z.json", json.dumps(obj))
    r = one(p)
    target, status, outcome, error, elapsed, at, source = expected
    assert (r["target"], r["status"], r["outcome"], r["error"], r["elapsed_ms"]) == (
        target, status, outcome, error, elapsed)
    assert (r["started_at"], r["time_source"]) == (ts(at), source)
    assert r["error_message"] == (obj.get("error") if outcome == "down" and obj.get("error") else
                                  "HTTP 503" if error == "unexpected_status" else None)


# Datadog's synthetics results API: top-level "status" is the monitor's state (0 OK, 1 alert)
DATADOG = (
    '{"last_timestamp_fetched": 1760083200000, "results": [\n'
    ' {"check_time": 1760080738000.0, "probe_dc": "aws:us-east-1", "result_id": "111", "status": 0,\n'
    '  "result": {"passed": true, "timings": {"total": 312.5}, "httpStatusCode": 200,\n'
    '   "eventType": "finished"}},\n'
    ' {"check_time": 1760081038000.0, "probe_dc": "aws:eu-central-1", "result_id": "112", "status": 0,\n'
    '  "result": {"passed": false, "timings": {"total": 10001.0}, "httpStatusCode": 502,\n'
    '   "eventType": "finished"}},\n'
    ' {"check_time": 1760081338000, "status": 1, "result": {"passed": false, "failure": {"code": "DNS",\n'
    '  "message": "Error: getaddrinfo ENOTFOUND api.example.test"}, "timings": {"total": 4.1}}}]}\n'
)


def test_a_value_not_valid_for_a_field_lets_the_next_candidate_win(tmp_path):
    # (results that name no test are named by the file, and say so: round 15 EV2)
    with pytest.warns(EvidenceNote, match="without their test's name or URL.*: 3 rows named by the file"):
        df, problems = read_evidence([write(tmp_path, "datadog-results_2025-10-10T08-00-00Z.json", DATADOG)])
    assert problems == []
    got = df[["status", "outcome", "error", "elapsed_ms", "started_at", "time_source", "error_message"]]
    assert got.astype(object).where(got.notna(), None).values.tolist() == [
        [200, "up", None, 312.5, ts("2025-10-10T07:18:58Z"), "json", None],
        [502, "down", "unexpected_status", 10001.0, ts("2025-10-10T07:23:58Z"), "json", "HTTP 502"],
        [None, "down", "dns", 4.1, ts("2025-10-10T07:28:58Z"), "json",
         "Error: getaddrinfo ENOTFOUND api.example.test"],
    ]


@pytest.mark.parametrize(
    "obj, expected",
    [
        # (target, status, outcome, started_at)
        ({"url": 5, "endpoint": "https://a.test/e", "status": 0, "code": "204", "time": "soon",
          "timestamp": 1760058000}, ("a.test/e", 204, "up", "2025-10-10T01:00:00Z")),
        ({"name": "chk", "status": 0, "ok": True}, ("chk", None, "up", "2025-10-10T04:40:48.296Z")),
        ({"name": "chk", "status": "failed", "response": {"status": 503}},
         ("chk", 503, "down", "2025-10-10T04:40:48.296Z")),
    ],
)
def test_invalid_values_are_skipped_for_the_next_key(tmp_path, obj, expected):
    r = one(write(tmp_path, "synthetic-check-2025-10-10T04-40-48.296Z.json", json.dumps(obj)))
    assert (r["target"], r["status"], r["outcome"], r["started_at"]) == (*expected[:3], ts(expected[3]))


def test_no_valid_value_at_all_is_still_a_problem(tmp_path):
    p = write(tmp_path, "c.json", json.dumps([{"status": 0}, {"status": "700", "code": 42},
                                              {"ok": True, "time": "soon"}]))
    df, problems = read_evidence([p])
    assert len(df) == 0
    assert [str(e) for e in problems] == [f"{p}: item 0: status 0 is not an HTTP status",
                                          f"{p}: item 1: status 700 is not an HTTP status",
                                          f"{p}: item 2: time is not a date and time"]


def test_a_check_time_must_be_iso_8601_never_read_month_first(tmp_path):
    """'09.10.2025 09:10' is 9 October to the team that wrote it; pandas read it as 10 September."""
    p = write(tmp_path, "c.json", json.dumps([
        {"url": "https://a.test/x", "status": 503, "checked_at": "09.10.2025 09:10"},
        {"url": "https://a.test/x", "status": 200, "checked_at": " 2025-10-09T09:10:00+05:30 "},
        {"url": "https://a.test/x", "status": 200, "checked_at": "0001-01-01T00:00:00Z"},  # (Go's zero)
        {"url": "https://a.test/x", "status": 200, "timestamp": 0},
    ]))
    df, problems = read_evidence([p])
    assert [str(e) for e in problems] == [f"{p}: item 0: checked_at is not a date and time",
                                          f"{p}: item 2: checked_at is not a date and time",
                                          f"{p}: item 3: timestamp is not a date and time"]
    assert df[["status", "started_at"]].values.tolist() == [[200, ts("2025-10-09T03:40:00Z")]]


# a saved Prometheus query answer about the blackbox exporter ('/api/v1/query?query={__name__=~"probe_.*"}')
PROM_VECTOR = {"status": "success", "data": {"resultType": "vector", "result": [
    {"metric": {"__name__": "probe_success", "instance": "https://api.example.com/health", "job": "blackbox"},
     "value": [1760090400.123, "0"]},
    {"metric": {"__name__": "probe_duration_seconds", "instance": "https://api.example.com/health",
                "job": "blackbox"}, "value": [1760090400.123, "10.004"]},
    {"metric": {"__name__": "probe_http_status_code", "instance": "https://api.example.com/health",
                "job": "blackbox"}, "value": [1760090400.123, "0"]},
    {"metric": {"__name__": "probe_success", "instance": "https://www.example.com/?token=s3cr3t",
                "job": "blackbox"}, "value": [1760090400.123, "1"]},
    {"metric": {"__name__": "probe_duration_seconds", "instance": "https://www.example.com/?token=s3cr3t",
                "job": "blackbox"}, "value": [1760090400.123, "0.2125"]},
    {"metric": {"__name__": "probe_http_status_code", "instance": "https://www.example.com/?token=s3cr3t",
                "job": "blackbox"}, "value": [1760090400.123, "200"]},
    {"metric": {"__name__": "probe_success", "instance": "db-primary:5432", "job": "tcp"},
     "value": [1760090400.123, "1"]},
]}}
PROM_MATRIX = {"status": "success", "data": {"resultType": "matrix", "result": [
    {"metric": {"__name__": "probe_success", "instance": "https://api.example.com/health"},
     "values": [[1760090400, "1"], [1760090460, "0"]]},
    {"metric": {"__name__": "probe_http_status_code", "instance": "https://api.example.com/health"},
     "values": [[1760090400, "200"], [1760090460, "503"]]},
]}}


def test_prometheus_query_answers(tmp_path):
    vector = write(tmp_path, "blackbox_2025-10-10T10-00-00Z.json", json.dumps(PROM_VECTOR))
    df, problems = read_evidence([vector, write(tmp_path, "range.json", json.dumps(PROM_MATRIX))])
    assert problems == []
    got = df[["target", "url", "status", "outcome", "error", "elapsed_ms", "started_at", "time_source"]]
    assert got.astype(object).where(got.notna(), None).values.tolist() == [
        ["api.example.com/health", "https://api.example.com/health", None, "down", None, 10004.0,
         ts("2025-10-10T10:00:00.123Z"), "json"],
        ["www.example.com?token=***", "https://www.example.com/?token=***", 200, "up", None, 212.5,
         ts("2025-10-10T10:00:00.123Z"), "json"],
        ["db-primary:5432", None, None, "up", None, None, ts("2025-10-10T10:00:00.123Z"), "json"],
        ["api.example.com/health", "https://api.example.com/health", 200, "up", None, None,
         ts("2025-10-10T10:00:00Z"), "json"],
        ["api.example.com/health", "https://api.example.com/health", 503, "down", "unexpected_status", None,
         ts("2025-10-10T10:01:00Z"), "json"],
    ]
    assert "s3cr3t" not in df.to_csv()


def test_prometheus_answers_without_probe_results(tmp_path):
    only_up = [{"metric": {"__name__": "up", "instance": "node:9100"}, "value": [1760090400, "1"]}]
    up = write(tmp_path, "up.json", json.dumps(
        {"status": "success", "data": {"resultType": "vector", "result": only_up}}))
    failed = write(tmp_path, "failed.json", json.dumps(
        {"status": "error", "errorType": "bad_data", "error": "parse error at char 4"}))
    scalar = write(tmp_path, "scalar.json", json.dumps(
        {"status": "success", "data": {"resultType": "scalar", "result": [1760090400, "1"]}}))
    df, problems = read_evidence([up, failed, scalar])
    assert len(df) == 0
    assert [str(e) for e in problems] == [
        f"{up}: a Prometheus query result without probe_success samples: not a probe result",
        f"{failed}: a failed Prometheus query (status error): not a probe result",
        f"{scalar}: a Prometheus query result without probe_success samples: not a probe result",
    ]


@pytest.mark.parametrize("wrap", ["list", "results", "checks"])
def test_json_containers(tmp_path, wrap):
    items = [{"url": "https://a.test/1", "status": 200}, {"url": "https://a.test/2", "status": 404}]
    doc = items if wrap == "list" else {"meta": 1, wrap: items}
    p = write(tmp_path, "checks.json", json.dumps(doc), mtime=1760000000)
    df, problems = read_evidence([p])
    assert problems == []
    assert list(df["target"]) == ["a.test/1", "a.test/2"]
    assert list(df["outcome"]) == ["up", "down"]
    # (each item's own text is its key, after the file's path as the time is its mtime)
    assert list(df["evidence_key"]) == [sha(f"{p}\0" + json.dumps(i, sort_keys=True, separators=(",", ":")))
                                        + "#0" for i in items]
    assert list(df["time_source"]) == ["mtime", "mtime"]


# bad files ------------------------------------------------------------------------------------------
def test_bad_files_are_named_and_skipped_while_others_are_read(tmp_path):
    good = write(tmp_path, "good_2025-10-10T02-50-44Z.log", H3)
    binary = write(tmp_path, "garbage.log", bytes(range(256)) * 4)
    badjson = write(tmp_path, "broken.json", '[\n {"status": 200},\n {"status": 200,,}\n]')
    nostatus = write(tmp_path, "cli-secret-20251010T071858Z.log",
                     "$ shopify app env show\nSHOPIFY_API_SECRET hash: 9f2c...\n")
    missing = tmp_path / "missing.log"
    folder = tmp_path / "adir.log"
    folder.mkdir()
    empty = write(tmp_path, "empty.json", "[]")
    item_bad = write(tmp_path, "mixed.json", json.dumps([{"status": 200, "url": "https://a.test/"},
                                                          {"url": "https://a.test/"}, "text"]))
    paths = [good, binary, badjson, nostatus, missing, folder, empty, item_bad]
    df, problems = read_evidence(paths)
    assert list(df["evidence_path"]) == [good.as_posix(), item_bad.as_posix()]
    assert [str(p) for p in problems] == [
        f"{binary}: binary file, not a transcript or JSON",
        f"{badjson}:3: invalid JSON: Expecting property name enclosed in double quotes",
        f"{nostatus}: not a curl transcript: no HTTP status line (HTTP/1.0, 1.1, 2 or 3)",
        f"{missing}: file not found",
        f"{folder}: is a directory",
        f"{empty}: no checks in the file",
        f"{item_bad}: item 1: no status or ok/success field",
        f"{item_bad}: item 2: expected an object, got str",
    ]
    assert [p.line for p in problems] == [None, 3, None, None, None, None, None, None]


# secrets -----------------------------------------------------------------------------------------------
SECRETS = ("Bearer-abc123SECRET", "abc123SECRET", "tok-9876SECRET", "hunter2SECRET", "shpat_0123SECRET")
SECRET_CMD = ("$ curl -sv -H 'Authorization: Bearer-abc123SECRET' "
              "'https://ops:hunter2SECRET@api.example.test/v1?token=tok-9876SECRET&mode=x' 2>&1\n")
SECRET_V = SECRET_CMD + """* Connected to api.example.test (127.0.0.1) port 443 (#0)
* SSL connection using TLSv1.3
* Server auth using Basic with user 'ops'
> GET /v1?token=tok-9876SECRET&mode=x HTTP/2
> Host: api.example.test
> Authorization: Bearer abc123SECRET
> X-Shopify-Access-Token: shpat_0123SECRET
>
< HTTP/2 401
< www-authenticate: Bearer realm="abc123SECRET"
< x-request-id: r-1
<
curl: (22) The requested URL returned error: 401 for https://ops:hunter2SECRET@api.example.test/v1?token=tok-9876SECRET
"""


def test_secrets_never_reach_rows_or_messages(tmp_path):
    p = write(tmp_path, "secret_2025-10-10T02-50-44Z.log", SECRET_V)
    unparsable = write(tmp_path, "secret-notes.log",
                       "Authorization: Bearer abc123SECRET\n?token=tok-9876SECRET\n")
    bad_json = write(tmp_path, "secret.json", '{"url": "https://x.test/?token=tok-9876SECRET", "status": }')
    df, problems = read_evidence([p, unparsable, bad_json])
    assert len(df) == 1 and len(problems) == 2
    r = df.iloc[0]
    assert r["url"] == "https://api.example.test/v1?token=***&mode=x"
    assert r["target"] == "api.example.test/v1?token=***&mode=x"
    assert (r["status"], r["error"]) == (401, "unexpected_status")
    assert r["error_message"] == (
        "curl: (22) The requested URL returned error: 401 for https://***@api.example.test/v1?token=***")
    text = df.astype("string").fillna("").to_csv() + "\n".join(str(e) for e in problems)
    for s in SECRETS:
        assert s not in text


def test_names_file_names_and_echoed_headers_hold_no_secret(tmp_path):
    checks = write(tmp_path, "checks-2025-10-09T14-20-00Z.json", json.dumps([
        {"name": "GET https://api.example.com/v2?access_token=NAMEDTOKEN77", "status": 200,
         "timestamp": "2025-10-09T14:22:00Z"},
        {"target": "redis://:REDISJSONPW@cache.internal:6379", "ok": False,
         "timestamp": "2025-10-09T14:21:00Z"},
    ]))
    prom = write(tmp_path, "prom-2025-10-09T15-00-00Z.json", json.dumps({"status": "success", "data": {
        "resultType": "vector", "result": [{"metric": {"__name__": "probe_success",
                                                       "instance": "tcp://:PromRedisPw@cache.internal:6379"},
                                            "value": [1760022000, "0"]}]}}))
    named = write(tmp_path, "curl_api.example.com_cb?token=FILETOKEN1_2025-10-09T15-10-00Z.log",
                  "HTTP/1.1 200 OK\r\nDate: Thu, 09 Oct 2025 15:10:00 GMT\r\n\r\n")
    echo = write(tmp_path, "curl_gw_2025-10-09T14-00-00Z.log",
                 '$ curl -sSi -H "X-Api-Key: EVKEYSECRET55" https://gw.example.com/v1/status\n'
                 "HTTP/1.1 401 Unauthorized\nVia: 1.1 apigw (key=EVKEYSECRET55)\n"
                 "X-Request-Id: EVKEYSECRET55-7f3a\n\n")
    df, problems = read_evidence([checks, prom, named, echo], root=tmp_path)
    assert problems == []
    got = df[["target", "evidence_path", "h_via", "h_request_id"]]
    assert got.astype(object).where(got.notna(), None).values.tolist() == [
        ["GET https://api.example.com/v2?access_token=***", "checks-2025-10-09T14-20-00Z.json", None, None],
        ["redis://***@cache.internal:6379", "checks-2025-10-09T14-20-00Z.json", None, None],
        ["tcp://***@cache.internal:6379", "prom-2025-10-09T15-00-00Z.json", None, None],
        ["curl_api.example.com_cb?token=***", "curl_api.example.com_cb?token=***_2025-10-09T15-10-00Z.log",
         None, None],
        ["gw.example.com/v1/status", "curl_gw_2025-10-09T14-00-00Z.log", "1.1 apigw (key=***)", "***-7f3a"],
    ]
    text = df.astype("string").fillna("").to_csv()
    for s in ("NAMEDTOKEN77", "REDISJSONPW", "PromRedisPw", "FILETOKEN1", "EVKEYSECRET55"):
        assert s not in text


def test_import_is_idempotent_and_counts_duplicates(tmp_path):
    store = tmp_path / "data"
    a = write(tmp_path, "a_2025-10-10T02-50-44Z.log", H3)
    copy = write(tmp_path, "copy_2025-10-10T02-50-44Z.log", H3)  # same bytes, same evidence key
    j = write(tmp_path, "synthetic-check-2025-10-10T04-40-48.296Z.json",
              json.dumps([{"url": "https://a.test/1", "status": 200},
                          {"url": "https://a.test/2", "status": 500}]))
    bad = write(tmp_path, "bad.json", "{")
    first = import_evidence(store, [a, copy, j, bad], root=tmp_path)
    assert first.imported_rows == 3
    assert first.imported_files == ["a_2025-10-10T02-50-44Z.log",
                                    "synthetic-check-2025-10-10T04-40-48.296Z.json"]
    assert first.duplicate_files == ["copy_2025-10-10T02-50-44Z.log"]
    assert first.skipped_files == [str(bad)]
    assert [str(p) for p in first.problems] == [
        f"{bad}:1: invalid JSON: Expecting property name enclosed in double quotes"]
    stored = load_probes(store)
    assert list(stored["target"]) == ["edge.example.test/health", "a.test/1", "a.test/2"]
    assert list(stored["source"]) == ["evidence"] * 3
    again = import_evidence(store, [a, copy, j], root=tmp_path)
    assert (again.imported_rows, again.imported_files) == (0, [])
    assert again.duplicate_files == ["a_2025-10-10T02-50-44Z.log", "copy_2025-10-10T02-50-44Z.log",
                                     "synthetic-check-2025-10-10T04-40-48.296Z.json"]
    after = load_probes(store)
    assert after.equals(stored)
    assert len(list((store / "probes").rglob("*.parquet"))) == 1
    assert list(after.columns) == list(PROBE_COLUMNS)


REFUSED = ("$ curl -sS -I http://127.0.0.1:1/ok\n"
           "curl: (7) Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server\n")
STAMPS = ("2025-10-10T08-00-00Z", "2025-10-10T08-05-00Z", "2025-10-10T08-10-00Z")


def test_identical_files_with_different_stamps_are_different_probes(tmp_path):
    store = tmp_path / "data"
    paths = [write(tmp_path, f"curl_api_{s}.log", REFUSED) for s in STAMPS]
    digest = hashlib.sha256(REFUSED.encode()).hexdigest()
    first = import_evidence(store, paths, root=tmp_path)
    assert (first.imported_rows, first.duplicate_files) == (3, [])
    stored = load_probes(store)
    assert list(stored["evidence_key"]) == [f"{digest}#0@2025-10-10T08:{m}:00Z" for m in ("00", "05", "10")]
    assert list(stored["started_at"]) == [
        ts("2025-10-10T08:00Z"), ts("2025-10-10T08:05Z"), ts("2025-10-10T08:10Z")]
    assert set(stored["error"]) == {"connect"}
    again = import_evidence(store, paths, root=tmp_path)
    assert (again.imported_rows, len(again.duplicate_files)) == (0, 3)


def test_stores_with_the_old_key_form_are_not_duplicated(tmp_path):
    # an earlier version stored the first file's row keyed 'sha256:index' (no stamp)
    from occ_lib.store import write_probes

    store = tmp_path / "data"
    paths = [write(tmp_path, f"curl_api_{s}.log", REFUSED) for s in STAMPS]
    old, _ = read_evidence(paths[:1], root=tmp_path)
    digest = hashlib.sha256(REFUSED.encode()).hexdigest()
    old["evidence_key"] = [f"{digest}:0"]
    write_probes(store, old)
    res = import_evidence(store, paths, root=tmp_path)
    assert res.imported_rows == 2
    assert res.imported_files == ["curl_api_2025-10-10T08-05-00Z.log", "curl_api_2025-10-10T08-10-00Z.log"]
    assert res.duplicate_files == ["curl_api_2025-10-10T08-00-00Z.log"]
    assert list(load_probes(store)["evidence_key"]) == [
        f"{digest}:0", f"{digest}#0@2025-10-10T08:05:00Z", f"{digest}#0@2025-10-10T08:10:00Z"]
    assert import_evidence(store, paths, root=tmp_path).imported_rows == 0
    # the old key at another time is another probe (a file renamed to a new stamp)
    moved = write(tmp_path, "curl_api_2025-10-10T09-00-00Z.log", REFUSED)
    assert import_evidence(store, [moved], root=tmp_path).imported_rows == 1


CHECK = ('{"check": "api", "url": "http://127.0.0.1:18741/api", "statusCode": %d, "latencyMs": 50, '
         '"checkedAt": "2025-10-08T14:%s:00Z"}')


def checks(*items: tuple[int, str]) -> str:
    return '{"results": [\n ' + ",\n ".join(CHECK % i for i in items) + "\n]}\n"


def test_a_file_that_grew_adds_only_its_new_items(tmp_path):
    # a monitor appends checks to the day's file, cron imports it at noon and in the evening
    store = tmp_path / "data"
    p = write(tmp_path, "synthetic-2025-10-08.json", checks((503, "00"), (200, "15")))
    assert import_evidence(store, [p], root=tmp_path).imported_rows == 2
    p.write_text(checks((503, "00"), (200, "15"), (200, "30")))
    res = import_evidence(store, [p], root=tmp_path)
    assert (res.imported_rows, res.imported_files, res.duplicate_files) == (
        1, ["synthetic-2025-10-08.json"], [])
    stored = load_probes(store)
    assert list(stored["started_at"]) == [ts(f"2025-10-08T14:{m}Z") for m in ("00", "15", "30")]
    assert list(stored["status"]) == [503, 200, 200]
    assert import_evidence(store, [p], root=tmp_path).imported_rows == 0


def test_identical_items_in_one_file_are_each_a_row(tmp_path):
    item = {"url": "https://a.test/", "status": 200, "checkedAt": "2025-10-08T14:00:00Z"}
    p = write(tmp_path, "twice.json", json.dumps([item, item]))
    df, _ = read_evidence([p])
    key = sha(json.dumps(item, sort_keys=True, separators=(",", ":")))
    assert list(df["evidence_key"]) == [f"{key}#0", f"{key}#1"]
    p.write_text(json.dumps([item, item, item]))
    assert import_evidence(tmp_path / "data", [p]).imported_rows == 3


def test_stores_with_the_file_hash_key_are_not_duplicated(tmp_path):
    # versions before the per-item key stored 'sha256(file bytes):index'; the file may have grown since
    from occ_lib.store import write_probes

    store = tmp_path / "data"
    p = write(tmp_path, "synthetic-2025-10-08.json", checks((503, "00"), (200, "15")))
    old, _ = read_evidence([p], root=tmp_path)
    digest = hashlib.sha256(p.read_bytes()).hexdigest()
    old["evidence_key"] = [f"{digest}:0", f"{digest}:1"]
    write_probes(store, old)
    assert import_evidence(store, [p], root=tmp_path).imported_rows == 0  # (the same file again)
    p.write_text(checks((503, "00"), (200, "15"), (200, "30")))
    res = import_evidence(store, [p], root=tmp_path)
    assert res.imported_rows == 1
    third = json.dumps(json.loads(p.read_text())["results"][2], sort_keys=True, separators=(",", ":"))
    assert list(load_probes(store)["evidence_key"]) == [f"{digest}:0", f"{digest}:1", f"{sha(third)}#0"]
    assert import_evidence(store, [p], root=tmp_path).imported_rows == 0


def test_items_without_a_time_of_their_own_in_two_files_are_two_probes(tmp_path):
    # (their time is each file's mtime: the item's text alone does not tell them apart)
    item = [{"url": "https://a.test/", "ok": True}, {"url": "https://b.test/", "ok": True}]
    a = write(tmp_path, "a.json", json.dumps(item), mtime=1760000000)
    b = write(tmp_path, "b.json", json.dumps(item), mtime=1760000600)
    res = import_evidence(tmp_path / "data", [a, b], root=tmp_path)
    assert (res.imported_rows, res.imported_files) == (4, ["a.json", "b.json"])
    keys = [sha(f"{f}\0" + json.dumps(i, sort_keys=True, separators=(",", ":"))) + "#0"
            for f in ("a.json", "b.json") for i in item]
    stored = load_probes(tmp_path / "data").sort_values(["evidence_path", "target"])
    assert list(stored["evidence_key"]) == keys


def test_import_of_nothing_readable_adds_nothing(tmp_path):
    bad = write(tmp_path, "bad.json", "{")
    res = import_evidence(tmp_path / "data", [bad])
    assert (res.imported_rows, res.imported_files, res.skipped_files) == (0, [], [str(bad)])
    assert [str(e) for e in res.problems] == [
        f"{bad}:1: invalid JSON: Expecting property name enclosed in double quotes"]


def test_file_whose_items_all_fail_is_skipped_with_every_problem(tmp_path):
    p = write(tmp_path, "all-bad.json", json.dumps([{"url": "https://a.test/"}, {"status": 99}]))
    good = write(tmp_path, "good.json", json.dumps({"url": "https://a.test/", "ok": True}))
    res = import_evidence(tmp_path / "data", [p, good])
    assert (res.imported_rows, res.skipped_files, res.duplicate_files) == (1, [str(p)], [])
    assert [str(e) for e in res.problems] == [f"{p}: item 0: no status or ok/success field",
                                               f"{p}: item 1: status 99 is not an HTTP status"]


def test_log_starting_with_a_brace_is_still_a_transcript(tmp_path):
    p = write(tmp_path, "v.log", "{ [5 bytes data]\n< HTTP/2 204\n< server: s\n<\n")
    r = one(p)
    assert (r["status"], r["http_version"], r["h_server"], r["time_source"]) == (204, "HTTP/2", "s", "mtime")


def test_several_commands_in_one_file_give_one_row_each(tmp_path):
    text = (
        "notes from the 06:00 check\n"
        "$ curl -I https://hotdash-staging.fly.dev/app?mock=1\nHTTP/2 200\nserver: a\n\n"
        "$ curl -i https://hotdash-staging.fly.dev/app?mock=0\nHTTP/2 410\n\ngone\n"
        "$ curl -I https://hotdash-staging.fly.dev/typo\nzsh: no matches found\n"
    )
    p = write(tmp_path, "session_2025-10-10T06-00-00Z.log", text)
    df, problems = read_evidence([p])
    assert list(zip(df["method"], df["target"], df["status"], df["outcome"], strict=True)) == [
        ("HEAD", "hotdash-staging.fly.dev/app?mock=1", 200, "up"),
        ("GET", "hotdash-staging.fly.dev/app?mock=0", 410, "down"),
    ]
    first, second = text.split("$ curl -i")[0], "$ curl -i" + text.split("$ curl -i")[1].split("$ curl -I")[0]
    assert list(df["evidence_key"]) == [f"{sha(t)}#0@2025-10-10T06:00:00Z" for t in (first, second)]
    assert [str(e) for e in problems] == [
        f"{p}:10: not a curl transcript: no HTTP status line (HTTP/1.0, 1.1, 2 or 3)"]


def test_import_workspace_names_rows_by_configured_targets_without_needing_secrets(tmp_path, monkeypatch):
    from occ_lib.errors import ConfigError
    from occ_lib.evidence import import_workspace, workspace_targets
    from occ_lib.workspace import Workspace

    monkeypatch.delenv("OCC_TEST_UNSET_TOKEN", raising=False)
    (tmp_path / "ev").mkdir()
    write(tmp_path / "ev", "curl_2025-10-10T06-34-12Z_mock0.log",
          "$ curl -I https://hotdash-staging.fly.dev/app?mock=0\nHTTP/2 410\n\n")
    cfg = tmp_path / "occ.yml"
    cfg.write_text(
        "evidence: ev/*.log\nprobes:\n  defaults: {headers: {X-Key: '${OCC_TEST_UNSET_TOKEN}'}}\n"
        "  targets:\n    - name: live\n      url: https://hotdash-staging.fly.dev/app?mock=0\n"
        "      expect: [410]\n      tags: {env: staging}\n"
        "      headers: {Authorization: 'Bearer ${OCC_TEST_UNSET_TOKEN}'}\n")
    ws = Workspace.load(cfg)
    assert [t.name for t in workspace_targets(ws)] == ["live"]
    res = import_workspace(ws)
    assert (res.imported_rows, res.imported_files) == (1, ["ev/curl_2025-10-10T06-34-12Z_mock0.log"])
    row = load_probes(tmp_path / "data").iloc[0]
    assert (row["target"], row["outcome"], row["tags"]) == ("live", "up", '{"env":"staging"}')
    cfg.write_text("probes:\n  targets:\n    - {name: x, url: 'ftp://nope'}\n")
    with pytest.raises(ConfigError, match=r"probes.targets\[0\].url"):
        workspace_targets(Workspace.load(cfg))


def test_secrets_in_json_error_text_are_scrubbed(tmp_path):
    p = write(tmp_path, "c.json", json.dumps({
        "url": "https://svc:pw-SEKRET0@a.test/x?signature=SEKRET1&page=2", "ok": False, "status": 401,
        "error": "auth failed: api_key=SEKRET2 token: SEKRET3 Authorization: Bearer SEKRET4abcdef "
                 "(code 401)"}))
    r = one(p)
    assert r["url"] == "https://***@a.test/x?signature=***&page=2"
    assert r["target"] == "a.test/x?signature=***&page=2"
    assert r["error_message"] == "auth failed: api_key=*** token: *** Authorization: Bearer *** (code 401)"
    assert "SEKRET" not in pd.DataFrame([r]).astype("string").to_csv()


@pytest.mark.parametrize(
    "error, message",
    [
        ("403 from edge; cookie=ERRCOOKIESECRET rejected", "403 from edge; cookie=*** rejected"),
        ('401 Unauthorized, request headers {"x-api-key": "JSONKEYSECRET"}',
         '401 Unauthorized, request headers {"x-api-key": "***"}'),
        ("login failed with password=\"PWSECRET\"", "login failed with password=\"***\""),
        ("sent {'api_key': 'PYKEYSECRET', 'mode': 'x'}", "sent {'api_key': '***', 'mode': 'x'}"),
        ("401 (Authorization: ApiKey APIKEYSCHEMESECRET)", "401 (Authorization: ApiKey ***)"),
        ("401 with Proxy-Authorization: Basic dXNlcjpwYXNz", "401 with Proxy-Authorization: Basic ***"),
        # an unknown first word may be the credential itself: it and the next word go
        ("Authorization: RAWSECRET1 refused", "Authorization: *** ***"),
        ("401: Bearer SHORT1 expired", "401: Bearer *** expired"),
        # prose keeps its words
        ("the token rotation completed; status code: 503", "the token rotation completed; status code: 503"),
        ("Basic authentication enabled, error=timeout", "Basic authentication enabled, error=timeout"),
    ],
)
def test_secrets_in_free_text_errors(tmp_path, error, message):
    p = write(tmp_path, "checks_2025-10-10T11-00-00Z.json", json.dumps(
        [{"name": "admin", "url": "https://admin.example.com/login", "ok": False, "error": error}]))
    r = one(p)
    assert (r["outcome"], r["error_message"]) == ("down", message)


CURL_W_LOOP = """$ curl -sS -o /dev/null -w '%{http_code} %{time_total}\\n' "https://api.example.test/health?token=s3cr3t"
200 0.412
$ curl -sS -o /dev/null -w 'code=%{http_code} connect=%{time_connect}s total=%{time_total}s\\n' https://api.example.test/v2
code=503 connect=0.010s total=0.250s
$ curl -s -o /dev/null -w '%{http_code} %{time_total}\\n' https://down.example.test/
000 0.003
$ curl -s -o /dev/null -w '%{http_code} %{time_total}\\n' https://silent.example.test/
"""


def test_curl_write_out_lines_are_probes(tmp_path):
    # what 'curl -w FORMAT' printed is read by the format on the command line: one row per command
    rows, problems = read_evidence([write(tmp_path, "curl_w_2025-10-10T05-00-00Z.log", CURL_W_LOOP)])
    got = rows[["url", "method", "status", "outcome", "error", "elapsed_ms", "connect_ms"]]
    assert got.astype(object).where(got.notna(), None).values.tolist() == [
        ["https://api.example.test/health?token=***", "GET", 200, "up", None, 412.0, None],
        ["https://api.example.test/v2", "GET", 503, "down", "unexpected_status", 250.0, 10.0],
        ["https://down.example.test/", "GET", None, "down", "protocol", 3.0, None],
    ]
    assert rows["error_message"].tolist()[2] == "curl -w: no response (http_code 000)"
    assert rows["started_at"].tolist() == [ts("2025-10-10T05:00:00Z")] * 3
    # the last command printed nothing: that one is reported by line, the others are kept
    assert [(p.line, p.reason) for p in problems] == [
        (7, "not a curl transcript: no HTTP status line (HTTP/1.0, 1.1, 2 or 3)")
    ]
    assert "s3cr3t" not in rows.to_csv()


# wget transcripts (captured with GNU Wget 1.21.3 from the tests' local servers; port and time set
# to the file's stamp) -----------------------------------------------------------------------------
WGET = {
    'ok': (
        '$ wget -S --spider http://127.0.0.1:8080/ok\n'
        'Spider mode enabled. Check if remote file exists.\n'
        '--2025-10-09 14:02:00--  http://127.0.0.1:8080/ok\n'
        'Connecting to 127.0.0.1:8080... connected.\n'
        'HTTP request sent, awaiting response... \n'
        '  HTTP/1.1 200 OK\n'
        '  Server: occ-test/1.0 Python/3.11.7\n'
        '  Date: Thu, 09 Oct 2025 14:02:00 GMT\n'
        '  Content-Type: text/plain\n'
        '  Content-Length: 20\n'
        '  Via: 1.1 occ-test-proxy\n'
        '  X-Request-Id: req-12345\n'
        'Length: 20 [text/plain]\n'
        'Remote file exists.\n'
        '\n'
    ),
    'redirect': (
        '$ wget -S -O /dev/null http://127.0.0.1:8080/redirect\n'
        '--2025-10-09 14:02:00--  http://127.0.0.1:8080/redirect\n'
        'Connecting to 127.0.0.1:8080... connected.\n'
        'HTTP request sent, awaiting response... \n'
        '  HTTP/1.1 302 Found\n'
        '  Server: occ-test/1.0 Python/3.11.7\n'
        '  Date: Thu, 09 Oct 2025 14:02:00 GMT\n'
        '  Content-Type: text/plain\n'
        '  Content-Length: 0\n'
        '  Via: 1.1 occ-test-proxy\n'
        '  X-Request-Id: req-12345\n'
        '  Location: /ok\n'
        'Location: /ok [following]\n'
        '--2025-10-09 14:02:00--  http://127.0.0.1:8080/ok\n'
        'Reusing existing connection to 127.0.0.1:8080.\n'
        'HTTP request sent, awaiting response... \n'
        '  HTTP/1.1 200 OK\n'
        '  Server: occ-test/1.0 Python/3.11.7\n'
        '  Date: Thu, 09 Oct 2025 14:02:00 GMT\n'
        '  Content-Type: text/plain\n'
        '  Content-Length: 20\n'
        '  Via: 1.1 occ-test-proxy\n'
        '  X-Request-Id: req-12345\n'
        'Length: 20 [text/plain]\n'
        "Saving to: '/dev/null'\n"
        '\n'
        '     0K                                                       100%  491 =0.04s\n'
        '\n'
        "2025-10-09 14:02:00 (491 B/s) - '/dev/null' saved [20/20]\n"
        '\n'
    ),
    '503': (
        '$ wget -S --spider --tries=1 http://127.0.0.1:8080/status/503\n'
        'Spider mode enabled. Check if remote file exists.\n'
        '--2025-10-09 14:02:00--  http://127.0.0.1:8080/status/503\n'
        'Connecting to 127.0.0.1:8080... connected.\n'
        'HTTP request sent, awaiting response... \n'
        '  HTTP/1.1 503 Service Unavailable\n'
        '  Server: occ-test/1.0 Python/3.11.7\n'
        '  Date: Thu, 09 Oct 2025 14:02:00 GMT\n'
        '  Content-Type: text/plain\n'
        '  Content-Length: 7\n'
        '  Via: 1.1 occ-test-proxy\n'
        '  X-Request-Id: req-12345\n'
        'Remote file does not exist -- broken link!!!\n'
        '\n'
    ),
    'refused': (
        '$ wget -S --spider --tries=1 http://127.0.0.1:9/health\n'
        'Spider mode enabled. Check if remote file exists.\n'
        '--2025-10-09 14:02:00--  http://127.0.0.1:9/health\n'
        'Connecting to 127.0.0.1:9... failed: Connection refused.\n'
    ),
}


def test_wget_transcripts_are_probes(tmp_path):
    paths = [write(tmp_path, f"wget_{name}_2025-10-09T14-02-00Z.log", text) for name, text in WGET.items()]
    df, problems = read_evidence(paths, root=tmp_path)
    assert problems == []
    got = df.sort_values("evidence_path")[
        ["evidence_path", "url", "method", "status", "http_version", "outcome", "error", "h_request_id"]
    ].astype(object).where(lambda d: d.notna(), None).values.tolist()
    assert got == [
        ["wget_503_2025-10-09T14-02-00Z.log", "http://127.0.0.1:8080/status/503", "HEAD", 503, "HTTP/1.1",
         "down", "unexpected_status", "req-12345"],
        ["wget_ok_2025-10-09T14-02-00Z.log", "http://127.0.0.1:8080/ok", "HEAD", 200, "HTTP/1.1", "up", None,
         "req-12345"],
        # (the last response of the redirect chain, at the URL wget followed to)
        ["wget_redirect_2025-10-09T14-02-00Z.log", "http://127.0.0.1:8080/ok", "GET", 200, "HTTP/1.1", "up",
         None, "req-12345"],
        ["wget_refused_2025-10-09T14-02-00Z.log", "http://127.0.0.1:9/health", "HEAD", None, None, "down",
         "connect", None],
    ]
    refused = df[df["evidence_path"].str.contains("refused")].iloc[0]
    assert refused["error_message"] == "wget: Connecting to 127.0.0.1:9... failed: Connection refused."
    assert set(df["started_at"]) == {ts("2025-10-09 14:02:00")}
    assert set(df["time_source"]) == {"filename"}
    secret = write(tmp_path, "wget_secret_2025-10-09T14-02-00Z.log", WGET["refused"].replace(
        "http://127.0.0.1:9/health", "http://ops:pw-s3cr3t@127.0.0.1:9/health?token=tok-s3cr3t"))
    row = read_evidence([secret])[0].iloc[0]
    assert row["url"] == "http://***@127.0.0.1:9/health?token=***"
    assert "s3cr3t" not in " ".join(str(v) for v in row.to_dict().values())
    nothing = write(tmp_path, "wget_nothing.log", "$ wget -S --spider http://h/\nSpider mode enabled.\n")
    assert [str(p) for p in read_evidence([nothing])[1]] == [
        f"{nothing}: not a wget transcript: no response (wget -S) and no error"]


@pytest.mark.parametrize("sep", ["", "-", "_", "."])
def test_zone_after_the_time_in_a_file_name(tmp_path, sep):
    # 01:30 EST on the night the clocks fell back (2025-11-02) is 06:30 UTC
    p = write(tmp_path, f"curl_app_2025-11-02T01-30-00{sep}EST.log", REFUSED)
    df, problems = read_evidence([p])
    assert problems == []
    assert (df["started_at"].iloc[0], df["time_source"].iloc[0]) == (ts("2025-11-02T06:30Z"), "filename")


def test_a_word_set_off_after_the_time_that_names_no_zone_is_no_zone(tmp_path):
    text = "$ curl -sS -I /ok\ncurl: (7) Failed to connect to localhost port 1 after 0 ms: Couldn't connect\n"
    p = write(tmp_path, "curl_app_2025-11-02T01-30-00_PROD.log", text)
    df, problems = read_evidence([p])
    assert problems == []
    assert (df["started_at"].iloc[0], df["target"].iloc[0]) == (ts("2025-11-02T01:30Z"), "curl_app_PROD")


def test_a_utf16_transcript_from_powershell_is_read_and_deep_json_is_one_problem(tmp_path):
    """PowerShell 5's '>' writes UTF-16 with a BOM; JSON nested 5000 deep is a clear problem, not a
    RecursionError, and the other files are still read."""
    text = "HTTP/1.1 503 Service Unavailable\r\nServer: nginx\r\n\r\n"
    ps = write(tmp_path, "curl_api_2025-10-09T14-00-00Z.log", b"\xff\xfe" + text.encode("utf-16-le"))
    r = one(ps)
    assert (r["status"], r["outcome"], r["started_at"]) == (503, "down", ts("2025-10-09T14:00:00Z"))
    deep = write(tmp_path, "deep.json", '{"results": ' + "[" * 5000 + "]" * 5000 + "}")
    df, problems = read_evidence([deep, ps])
    assert [str(e) for e in problems] == [f"{deep}: JSON nested too deeply to be a check result"]
    assert df["status"].tolist() == [503]


def test_a_transcript_with_a_binary_body_keeps_its_status_and_a_binary_file_stays_a_problem(tmp_path):
    """'curl -si URL/favicon.ico > f.log': the header block is text, the body after it is not."""
    body = bytes(range(256)) * 4
    p = write(tmp_path, "curl_favicon_2025-10-09T14-00-00Z.log",
              b"HTTP/1.1 200 OK\r\nContent-Type: image/x-icon\r\nContent-Length: 1024\r\n\r\n" + body)
    r = one(p)
    assert (r["status"], r["outcome"], r["started_at"]) == (200, "up", ts("2025-10-09T14:00:00Z"))
    junk = write(tmp_path, "junk.log", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + body)
    df, problems = read_evidence([junk])
    assert [str(e) for e in problems] == [f"{junk}: binary file, not a transcript or JSON"]
