"""Round 7 (fA2), evidence import as a demanding user drove it (td64 findings 4, 5, 6, 7, 10, 12):

* file-name stamps without a ``T`` (``$(date +%Y%m%d_%H%M%S)``, ``+%Y%m%d-%H%M%S``, ``+%F_%H-%M-%S``,
  ``+%F_%T``, PowerShell's ``yyyyMMdd_HHmmss``) give the row's time and leave the target name, while
  other digit runs (counters, ids, two dates, impossible times) stay in the name and give no time;
* ``wget --spider`` saved without its command line (``Spider mode enabled.``) is a HEAD, and ``wget -d``'s
  request block names the method;
* ``curl --trace-ascii`` (and ``--trace-time``) transcripts read as ``-v``;
* Checkly's ``hasFailures``/``hasErrors`` (the inverse of ok) and its failed assertion's message;
* a renamed file timed by its mtime (to a fraction of a second) is no new probe, while byte-identical
  files at one whole-second mtime stay two;
* Better Stack's ``last_checked_at``/``lastCheckedAt`` time and ``pronounceable_name`` name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from occ_lib.evidence import _name_without_stamp, _untraced, import_evidence, read_evidence
from occ_lib.store import load_probes, write_probes
from occ_lib.times import parse_stamp

UTC = dt.UTC
NOV20 = dt.datetime(2025, 11, 20, tzinfo=UTC).timestamp()  # ('touch -d "2025-11-20 00:00:00Z"')
REFUSED = (
    "curl: (7) Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server\n"
)


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def write(tmp_path: Path, name: str, text: str, mtime: float | None = None, ns: int | None = None) -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode())
    if mtime is not None:
        os.utime(p, (mtime, mtime))
    if ns is not None:
        os.utime(p, ns=(ns, ns))
    return p


def rows(paths: list[Path], cols: list[str]) -> list[list]:
    df, problems = read_evidence(paths)
    assert problems == []
    return [[None if v is pd.NA else v for v in r] for r in df[cols].values.tolist()]


# 4. stamps without a 'T' ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "started", "source", "target"),
    [
        ("healthz_20251014_090500.log", ts("2025-10-14T09:05:00"), "filename", "healthz"),
        ("healthz_20251014-091000.log", ts("2025-10-14T09:10:00"), "filename", "healthz"),
        ("healthz_2025-10-14_09-15-00.log", ts("2025-10-14T09:15:00"), "filename", "healthz"),
        ("healthz_2025-10-14_09:20:00.log", ts("2025-10-14T09:20:00"), "filename", "healthz"),
        ("healthz_2025-10-14T09-25-00Z.log", ts("2025-10-14T09:25:00"), "filename", "healthz"),
        ("healthz_20251014-0930.log", ts("2025-10-14T09:30:00"), "filename", "healthz"),
        ("healthz_2025-10-14_0935.log", ts("2025-10-14T09:35:00"), "filename", "healthz"),
        ("healthz_2025-10-14_093600.log", ts("2025-10-14T09:36:00"), "filename", "healthz"),
        ("healthz_20251014_090500Z.log", ts("2025-10-14T09:05:00"), "filename", "healthz"),
        # a zone set off after the time, as after a 'T' stamp; a word that names none stays in the name
        ("healthz_2025-10-14_0930_EDT.log", ts("2025-10-14T13:30:00"), "filename", "healthz"),
        ("healthz_20251014_093000_+0200.log", ts("2025-10-14T07:30:00"), "filename", "healthz"),
        ("healthz_2025-10-14_0930_PROD.log", ts("2025-10-14T09:30:00"), "filename", "healthz_PROD"),
        # near misses: digit runs that are no date and time stay in the name, and the time is the mtime
        ("build_12345678_123456.log", ts("2025-11-20"), "mtime", "build_12345678_123456"),
        ("x_20251014_2500.log", ts("2025-11-20"), "mtime", "x_20251014_2500"),
        ("x_2025-10-14_2025-10-15.log", ts("2025-11-20"), "mtime", "x_2025-10-14_2025-10-15"),
        ("x_20251014-20251015.log", ts("2025-11-20"), "mtime", "x_20251014-20251015"),
        ("x_20251014_09-05-00.log", ts("2025-11-20"), "mtime", "x_20251014_09-05-00"),
        ("order_20251014_1234567.log", ts("2025-11-20"), "mtime", "order_20251014_1234567"),
        ("x_2025-10-14_09-15.log", ts("2025-11-20"), "mtime", "x_2025-10-14_09-15"),
        ("x_2025-10-14_123.log", ts("2025-11-20"), "mtime", "x_2025-10-14_123"),
        ("report_2025-10-14.log", ts("2025-11-20"), "mtime", "report_2025-10-14"),
        ("x_20251014-0905-12.log", ts("2025-11-20"), "mtime", "x_20251014-0905-12"),
    ],
)
def test_file_name_stamps_without_a_t_give_the_time_and_leave_the_name(tmp_path, name, started, source,
                                                                      target):
    p = write(tmp_path, name, REFUSED, mtime=NOV20)
    assert rows([p], ["started_at", "time_source", "target", "outcome", "error"]) == [
        [started, source, target, "down", "connect"]]


def test_a_name_stamp_without_a_t_comes_before_the_date_header(tmp_path):
    text = "HTTP/1.1 503 Service Unavailable\nDate: Tue, 14 Oct 2025 09:05:07 GMT\nRetry-After: 30\n\n"
    a = write(tmp_path, "curl-503-20251014-0905.log", text, mtime=NOV20)
    b = write(tmp_path, "curl_redirect_2025-10-14_0910.log", text, mtime=NOV20)
    c = write(tmp_path, "curl-503-nostamp.log", text, mtime=NOV20)
    assert rows([a, b, c], ["started_at", "time_source", "target", "status", "outcome"]) == [
        [ts("2025-10-14T09:05:00"), "filename", "curl-503", 503, "down"],
        [ts("2025-10-14T09:10:00"), "filename", "curl_redirect", 503, "down"],
        [ts("2025-10-14T09:05:07"), "date_header", "curl-503-nostamp", 503, "down"],
    ]


def test_cron_files_of_one_probe_are_one_target(tmp_path):
    paths = [write(tmp_path, f"healthz_{n}.log", REFUSED, mtime=NOV20)
             for n in ("20251014_090500", "20251014_091000", "20251014_091500")]
    df, problems = read_evidence(paths)
    assert problems == []
    assert list(df["target"]) == ["healthz", "healthz", "healthz"]
    assert list(df["started_at"]) == [ts("2025-10-14T09:05"), ts("2025-10-14T09:10"), ts("2025-10-14T09:15")]
    # (byte-identical files named by different stamps are different probes)
    assert df["evidence_key"].nunique() == 3


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("healthz_20251014_090500", dt.datetime(2025, 10, 14, 9, 5, tzinfo=UTC)),
        ("healthz_20251014-091000", dt.datetime(2025, 10, 14, 9, 10, tzinfo=UTC)),
        ("healthz_2025-10-14_09-15-00", dt.datetime(2025, 10, 14, 9, 15, tzinfo=UTC)),
        ("healthz_2025-10-14_09:20:00", dt.datetime(2025, 10, 14, 9, 20, tzinfo=UTC)),
        ("curl-503-20251014-0905.log", dt.datetime(2025, 10, 14, 9, 5, tzinfo=UTC)),
        ("curl_redirect_2025-10-14_0910.log", dt.datetime(2025, 10, 14, 9, 10, tzinfo=UTC)),
        ("x_2025-10-14_0930EDT.log", dt.datetime(2025, 10, 14, 13, 30, tzinfo=UTC)),
        ("2025-10-10T07-18-58_EDT", dt.datetime(2025, 10, 10, 7, 18, 58, tzinfo=UTC)),  # (unchanged)
        ("2025-10-10 04:40:48", dt.datetime(2025, 10, 10, 4, 40, 48, tzinfo=UTC)),  # (unchanged)
    ],
)
def test_parse_stamp_reads_the_forms_without_a_t(text, at):
    assert parse_stamp(text) == at


@pytest.mark.parametrize(
    "text", ["build_12345678_123456", "x_20251014_2500", "x_2025-10-14_2025-10-15", "x_20251014-20251015",
             "x_20251014_09-05-00", "x_20251014_0905001", "x_2025-10-14_09-15", "x_2025-10-14_1.log",
             "20251014", "2025-10-14", "x_20251014-0905-12"],
)
def test_parse_stamp_near_misses_give_no_time(text):
    assert parse_stamp(text) is None


def test_name_without_stamp_keeps_the_t_forms_as_before():
    name = _name_without_stamp(Path("curl_hotdash-staging_2025-10-10T02-50-44Z.log"))
    assert name == "curl_hotdash-staging"
    assert _name_without_stamp(Path("curl_2025-10-10T07-18-58_EDT.log")) == "curl"
    assert _name_without_stamp(Path("curl_2025-10-10T07-18-58_PROD.log")) == "curl_PROD"


# 5. wget --spider without its command line ------------------------------------------------------------
SPIDER = """Spider mode enabled. Check if remote file exists.
--2025-10-14 09:30:00--  http://127.0.0.1:43495/ok
Connecting to 127.0.0.1:43495... connected.
HTTP request sent, awaiting response...
  HTTP/1.1 200 OK
  Server: BaseHTTP/0.6 Python/3.11.7
  Date: Tue, 14 Oct 2025 09:30:00 GMT
  Content-Length: 3
Length: 3 [text/plain]
Remote file exists.
"""

WGET_D = """Setting --spider (spider) to 1
Setting --server-response (serverresponse) to 1
DEBUG output created by Wget 1.21.3 on linux-gnu.
Spider mode enabled. Check if remote file exists.
--2025-10-14 09:31:00--  http://127.0.0.1:43495/503?x=1
Connecting to 127.0.0.1:43495... connected.
Created socket 3.

---request begin---
{method} /503?x=1 HTTP/1.1
User-Agent: Wget/1.21.3
Host: 127.0.0.1:43495

---request end---
HTTP request sent, awaiting response...
---response begin---
HTTP/1.0 503 Service Unavailable
---response end---
  HTTP/1.0 503 Service Unavailable
  Date: Tue, 14 Oct 2025 09:31:00 GMT
Remote file does not exist -- broken link!!!
"""


def test_wget_spider_without_its_command_line_is_a_head(tmp_path):
    p = write(tmp_path, "wget_r301.log", SPIDER)
    assert rows([p], ["method", "status", "outcome", "url", "h_date", "time_source"]) == [
        ["HEAD", 200, "up", "http://127.0.0.1:43495/ok", "Tue, 14 Oct 2025 09:30:00 GMT", "date_header"]]


@pytest.mark.parametrize(("method", "expected"), [("HEAD", "HEAD"), ("GET", "GET")])
def test_wget_debug_request_block_names_the_method(tmp_path, method, expected):
    p = write(tmp_path, "wget_d.log", WGET_D.format(method=method))
    assert rows([p], ["method", "status", "outcome", "url"]) == [
        [expected, 503, "down", "http://127.0.0.1:43495/503?x=1"]]


def test_wget_without_spider_stays_a_get(tmp_path):
    # (the words inside a sentence, not wget's own line, say nothing)
    text = SPIDER.replace("Spider mode enabled. Check if remote file exists.\n", "").replace(
        "Remote file exists.", "Saving to: 'ok' -- note: Spider mode enabled. was not used")
    p = write(tmp_path, "wget_ok.log", text)
    assert rows([p], ["method", "status"]) == [["GET", 200]]


# 6. curl --trace-ascii -------------------------------------------------------------------------------
# (--trace-ascii - with 2>&1: the progress meter runs into the first note; curl prints 'NNNN: ' before an
# empty line, kept here as ' ' + '\n')
TRACE_OK = """  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current
                                 Dload  Upload   Total   Spent    Left  Speed
  0     0    0     0    0     0      0      0 --:--:-- --:--:--     0== Info:   Trying 127.0.0.1:43495...
== Info: Connected to 127.0.0.1 (127.0.0.1) port 43495 (#0)
=> Send header, 81 bytes (0x51)
0000: GET /ok HTTP/1.1
0012: Host: 127.0.0.1:43495
0029: User-Agent: curl/7.88.1
0042: Accept: */*
004f:{sp}
== Info: HTTP 1.0, assume close after body
<= Recv header, 17 bytes (0x11)
0000: HTTP/1.1 200 OK
<= Recv header, 99 bytes (0x63)
0000: Server: BaseHTTP/0.6 Python/3.11.7 (a long server banner that cu
0040: rl cuts at sixty-four characters)
<= Recv header, 37 bytes (0x25)
0000: Date: Tue, 14 Oct 2025 09:20:00 GMT
<= Recv header, 24 bytes (0x18)
0000: X-Request-Id: rid-0001
<= Recv header, 2 bytes (0x2)
0000:{sp}
<= Recv data, 3 bytes (0x3)
0000: ok.
== Info: Closing connection 0
""".replace("{sp}", " ")

TRACE_FAIL = """$ curl -s --trace-ascii - --trace-time -o /dev/null http://127.0.0.1:1/healthz
06:02:04.104497 == Info:   Trying 127.0.0.1:1...
06:02:04.104579 == Info: connect to 127.0.0.1 port 1 failed: Connection refused
06:02:04.104601 == Info: Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server
06:02:04.104620 == Info: Closing connection 0
"""


def test_curl_trace_ascii_reads_as_verbose(tmp_path):
    p = write(tmp_path, "trace_2025-10-14T09-20-00Z.log", TRACE_OK)
    cols = ["status", "outcome", "http_version", "h_request_id", "h_server", "url", "method", "target",
            "started_at", "time_source"]
    assert rows([p], cols) == [[
        200, "up", "HTTP/1.1", "rid-0001",
        "BaseHTTP/0.6 Python/3.11.7 (a long server banner that curl cuts at sixty-four characters)",
        "http://127.0.0.1:43495/ok", "GET", "127.0.0.1:43495/ok", ts("2025-10-14T09:20:00"), "filename"]]


def test_curl_trace_ascii_with_its_command_line(tmp_path):
    text = "$ curl --trace-ascii - http://127.0.0.1:43495/ok\n" + TRACE_OK
    p = write(tmp_path, "trace_cmd_2025-10-14T09-20-00Z.log", text)
    assert rows([p], ["status", "url", "method", "h_request_id"]) == [
        [200, "http://127.0.0.1:43495/ok", "GET", "rid-0001"]]


def test_curl_trace_ascii_info_notes_give_the_failure(tmp_path):
    p = write(tmp_path, "trace_fail_2025-10-14T09-25-00Z.log", TRACE_FAIL)
    assert rows([p], ["status", "outcome", "error", "error_message", "url", "target"]) == [[
        None, "down", "connect",
        "curl: (7) Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server",
        "http://127.0.0.1:1/healthz", "127.0.0.1:1/healthz"]]


def test_a_trace_line_of_64_characters_that_ended_is_not_joined_with_the_next():
    # (its CR LF came right after: the next line's offset is 66 on, not 64)
    line = "X-Request-Id: " + "r" * 50
    text = (f"=> Send header, 10 bytes (0xa)\n0000: GET / HTTP/1.1\n0010: Host: a.test\n"
            f"<= Recv header, 135 bytes (0x87)\n0000: HTTP/1.1 200 OK\n0011: {line}\n0053: Server: s\n")
    assert len(line) == 64
    assert _untraced(text).splitlines() == [
        "", "> GET / HTTP/1.1", "> Host: a.test", "", "< HTTP/1.1 200 OK", f"< {line}", "< Server: s"]


def test_offset_lines_without_a_trace_block_are_no_transcript(tmp_path):
    # (a hex dump's 'NNNN: ' lines alone are not curl's trace)
    p = write(tmp_path, "dump.log", "0000: HTTP/1.1 200 OK\n0011: Date: Tue, 14 Oct 2025 09:20:00 GMT\n")
    df, problems = read_evidence([p])
    assert len(df) == 0
    assert [str(e) for e in problems] == [
        f"{p}: not a curl transcript: no HTTP status line (HTTP/1.0, 1.1, 2 or 3)"]


# 7. Checkly's inverse pass flags ---------------------------------------------------------------------
CHECKLY = [
    {"name": "Storefront health", "checkId": "b7e1d2a4", "hasFailures": False, "hasErrors": False,
     "startedAt": "2025-10-14T09:00:00.000Z", "responseTime": 412,
     "apiCheckResult": {"request": {"method": "GET", "url": "https://api.example.com/health"},
                        "response": {"status": 200}}},
    {"name": "Storefront health", "checkId": "b7e1d2a4", "hasFailures": True, "hasErrors": False,
     "isDegraded": False, "runLocation": "us-east-1", "startedAt": "2025-10-14T09:10:00.000Z",
     "responseTime": 95,
     "apiCheckResult": {"request": {"method": "GET", "url": "https://api.example.com/health?api_key=K"},
                        "response": {"status": 200, "statusText": "OK", "body": "{\"ok\":false}"},
                        "assertions": [{"source": "JSON_BODY", "property": "$.ok", "comparison": "EQUALS",
                                        "target": "true", "actual": "false", "error": "expected true"}]}},
    {"name": "Storefront health", "checkId": "b7e1d2a4", "hasFailures": True, "hasErrors": False,
     "startedAt": "2025-10-14T09:20:00.000Z", "responseTime": 1900,
     "apiCheckResult": {"request": {"method": "GET", "url": "https://api.example.com/health"},
                        "response": {"status": 500}}},
    {"name": "Storefront health", "hasFailures": False, "hasErrors": True,
     "startedAt": "2025-10-14T09:30:00.000Z", "responseTime": 10000,
     "apiCheckResult": {"request": {"method": "GET", "url": "https://api.example.com/health"},
                        "response": {"status": 200}}},
]


def test_checkly_has_failures_is_a_failed_check(tmp_path):
    p = write(tmp_path, "checkly.json", json.dumps(CHECKLY))
    assert rows([p], ["started_at", "status", "outcome", "error", "error_message", "elapsed_ms", "url"]) == [
        [ts("2025-10-14T09:00"), 200, "up", None, None, 412.0, "https://api.example.com/health"],
        [ts("2025-10-14T09:10"), 200, "down", None, "expected true", 95.0,
         "https://api.example.com/health?api_key=***"],
        [ts("2025-10-14T09:20"), 500, "down", "unexpected_status", "HTTP 500", 1900.0,
         "https://api.example.com/health"],
        [ts("2025-10-14T09:30"), 200, "down", None, None, 10000.0, "https://api.example.com/health"],
    ]


@pytest.mark.parametrize(
    ("extra", "outcome"),
    [
        ({"failed": 3}, "up"),  # (a count, not a flag)
        ({"failed": "yes"}, "up"),
        ({"ok": True, "hasFailures": True}, "up"),  # (an ok key of its own comes first)
        ({"failed": False}, "up"),
        ({"failed": True}, "down"),
    ],
)
def test_inverse_flags_only_as_booleans_and_only_without_an_ok(tmp_path, extra, outcome):
    item = {"url": "https://a.test/", "status": 200, "checked_at": "2025-10-14T09:00:00Z", **extra}
    p = write(tmp_path, "c.json", json.dumps([item]))
    assert rows([p], ["outcome"]) == [[outcome]]


def test_assertion_error_is_not_the_message_of_a_passed_check(tmp_path):
    item = {"url": "https://a.test/", "status": 200, "checked_at": "2025-10-14T09:00:00Z",
            "hasFailures": False, "assertions": [{"error": "expected true"}]}
    p = write(tmp_path, "c.json", json.dumps([item]))
    assert rows([p], ["outcome", "error_message"]) == [["up", None]]


# 10. a renamed mtime-timed file ------------------------------------------------------------------------
HEAD204 = "HTTP/1.1 204 No Content\nServer: x\n\n"
FRACTION_NS = 1760432400_123456000  # 2025-10-14T09:00:00.123456Z


def test_a_renamed_file_timed_by_its_mtime_is_imported_once(tmp_path):
    store = tmp_path / "data"
    p = write(tmp_path, "typescript.log", HEAD204, ns=FRACTION_NS)
    res = import_evidence(store, [p], root=tmp_path)
    assert res.imported_rows == 1
    stored = load_probes(store)
    assert list(stored["evidence_key"]) == [sha(HEAD204) + "#0@2025-10-14T09:00:00.123456Z"]
    assert list(stored["started_at"]) == [ts("2025-10-14T09:00:00.123456")]
    moved = p.rename(tmp_path / "typescript2.log")
    res = import_evidence(store, [moved], root=tmp_path)
    assert (res.imported_rows, res.duplicate_files) == (0, ["typescript2.log"])
    # a copy that keeps the mtime (cp -p) beside it, in one import: still one probe
    copy = write(tmp_path, "typescript3.log", HEAD204, ns=FRACTION_NS)
    res = import_evidence(store, [moved, copy], root=tmp_path)
    assert (res.imported_rows, res.duplicate_files) == (0, ["typescript2.log", "typescript3.log"])
    assert len(load_probes(store)) == 1


def test_a_touched_file_at_its_path_is_no_new_probe(tmp_path):
    store = tmp_path / "data"
    p = write(tmp_path, "typescript.log", HEAD204, ns=FRACTION_NS)
    assert import_evidence(store, [p], root=tmp_path).imported_rows == 1
    os.utime(p, ns=(FRACTION_NS + 3_600_000_000_000, FRACTION_NS + 3_600_000_000_000))
    assert import_evidence(store, [p], root=tmp_path).imported_rows == 0
    # (renamed after the touch: a new path and a new time, as a new probe of the same text would have)
    moved = p.rename(tmp_path / "typescript2.log")
    assert import_evidence(store, [moved], root=tmp_path).imported_rows == 1


def test_byte_identical_files_at_one_whole_second_mtime_stay_two_probes(tmp_path):
    store = tmp_path / "data"
    a = write(tmp_path, "a.log", HEAD204, mtime=NOV20)
    b = write(tmp_path, "b.log", HEAD204, mtime=NOV20)
    res = import_evidence(store, [a, b], root=tmp_path)
    assert res.imported_rows == 2
    assert sorted(load_probes(store)["evidence_key"]) == sorted(
        [sha("a.log\0" + HEAD204) + "#0", sha("b.log\0" + HEAD204) + "#0"])


def test_a_file_imported_by_an_earlier_version_under_the_path_key_is_not_imported_again(tmp_path):
    store = tmp_path / "data"
    p = write(tmp_path, "typescript.log", HEAD204, ns=FRACTION_NS)
    df, problems = read_evidence([p], root=tmp_path)
    assert problems == []
    df["evidence_key"] = sha("typescript.log\0" + HEAD204) + "#0"  # (the form earlier versions wrote)
    write_probes(store, df)
    res = import_evidence(store, [p], root=tmp_path)
    assert (res.imported_rows, res.duplicate_files) == (0, ["typescript.log"])


def test_items_with_their_own_time_keep_their_key(tmp_path):
    item = {"url": "https://a.test/", "ok": True, "checked_at": "2025-10-14T09:00:00Z"}
    p = write(tmp_path, "c.json", json.dumps([item]), ns=FRACTION_NS)
    df, _problems = read_evidence([p])
    assert list(df["evidence_key"]) == [sha(json.dumps(item, sort_keys=True, separators=(",", ":"))) + "#0"]


# 12. Better Stack -------------------------------------------------------------------------------------
BETTER_STACK = {"data": [
    {"id": "2345678", "type": "monitor", "attributes": {
        "url": "https://shop.example.com/healthz", "pronounceable_name": "Shop health", "status": "up",
        "last_checked_at": "2025-10-14T09:00:00.000Z"}},
    {"id": "2345679", "type": "monitor", "attributes": {
        "url": "https://shop.example.com/cart", "pronounceable_name": "Shop cart", "status": "down",
        "lastCheckedAt": "2025-10-14T09:05:00Z"}},
    {"id": "2345680", "type": "monitor", "attributes": {
        "url": "https://shop.example.com/x", "name": "Named", "pronounceable_name": "Shop x", "status": "up",
        "checked_at": "2025-10-14T09:10:00Z", "last_checked_at": "2025-10-14T08:00:00Z"}},
]}


def test_better_stack_last_checked_at_and_pronounceable_name(tmp_path):
    p = write(tmp_path, "betterstack.json", json.dumps(BETTER_STACK), mtime=NOV20)
    assert rows([p], ["target", "url", "outcome", "started_at", "time_source"]) == [
        ["Shop health", "https://shop.example.com/healthz", "up", ts("2025-10-14T09:00"), "json"],
        ["Shop cart", "https://shop.example.com/cart", "down", ts("2025-10-14T09:05"), "json"],
        # (a 'name' and a 'checked_at' of its own come first)
        ["Named", "https://shop.example.com/x", "up", ts("2025-10-14T09:10"), "json"],
    ]
