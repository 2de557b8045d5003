"""Round 14 (EXPB): evidence made with real tools against servers on 127.0.0.1 (curl 7.88 -i/-v/-L/-w,
--trace-ascii, a self-signed TLS server with -vk) and exports of tools that are not here (Checkly, k6),
read as a reliability engineer reads them: the method curl really sent (-d, -G, -T, -L after a 302),
the HTTP version -w printed, a file of -w output alone, Checkly's degraded runs, k6 summaries skipped;
no secret of a request line or command line reaches the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from occ_lib.evidence import evidence_files, import_evidence, read_evidence
from occ_lib.store import load_probes
from tests.evidence_rows import fixture_rows, one, plain

FIX = Path(__file__).parent / "fixtures" / "round14_ev"


# 1: the method curl sent, from its command line ------------------------------------------------------
def test_data_with_100_continue_is_a_post(tmp_path):
    assert fixture_rows(FIX / "continue_20251010T070500Z.log") == [
        ("127.0.0.1:8701/continue", "http://127.0.0.1:8701/continue", "POST", "2025-10-10T07:05:00+00:00",
         "filename", 201, "up", None, None, None, "HTTP/1.1", None),
    ]


def test_a_post_that_l_followed_through_302_and_301_ended_as_a_get(tmp_path):
    assert fixture_rows(FIX / "post_redirect_20251010T070000Z.log") == [
        ("127.0.0.1:8701/final?x=1", "http://127.0.0.1:8701/final?x=1", "GET", "2025-10-10T07:00:00+00:00",
         "filename", 200, "up", None, None, None, "HTTP/1.1", None),
    ]


@pytest.mark.parametrize(("options", "method"), [
    ("-sS -d 'a=b'", "POST"),
    ("-sS --data-raw '{}'", "POST"),
    ("-sS --json '{\"a\":1}'", "POST"),
    ("-sS -F 'file=@x.txt'", "POST"),
    ("-sS -T body.json", "PUT"),
    ("-sS -G -d 'q=1'", "GET"),
    ("-sS -X PATCH -d 'a=b'", "PATCH"),
    ("-sS -d 'a=b' -X GET", "GET"),
    ("-sSI", "HEAD"),
    ("-sS", "GET"),
    # -L: a 303 makes curl GET; -X POST, or --post303, keeps the POST
    ("-sSL -d 'a=b'", "GET"),
    ("-sSL -X POST -d 'a=b'", "POST"),
    ("-sSL --post303 -d 'a=b'", "POST"),
])
def test_the_method_of_a_command_line(tmp_path, options, method):
    followed = "L" in options  # (-L: the 303 and the answer at its Location; else the answer alone)
    text = (f"$ curl {options} http://127.0.0.1:8701/form\n"
            + ("HTTP/1.1 303 See Other\nLocation: /done\n\n" if followed else "")
            + "HTTP/1.1 200 OK\nContent-Length: 0\n\n")
    r = one(tmp_path, "form_20251010T070000Z.log", text)
    url = "http://127.0.0.1:8701/done" if followed else "http://127.0.0.1:8701/form"
    assert (r["method"], r["status"], r["url"]) == (method, 200, url)


def test_trace_ascii_of_a_post_says_post_and_keeps_no_body(tmp_path):
    assert fixture_rows(FIX / "trace_post_20251010T073500Z.log") == [
        ("127.0.0.1:8701/continue", "http://127.0.0.1:8701/continue", "POST", "2025-10-10T07:35:00+00:00",
         "filename", 201, "up", None, None, None, "HTTP/1.1", None),
    ]


# 2: what -w printed of the HTTP version ------------------------------------------------------------------
def test_write_out_http_version_is_the_rows(tmp_path):
    assert fixture_rows(FIX / "version_20251010T071000Z.log") == [
        ("127.0.0.1:8702/x", "https://127.0.0.1:8702/x", "GET", "2025-10-10T07:10:00+00:00", "filename", 200,
         "up", None, None, 55.202, "HTTP/1.1", None),
    ]


def test_write_out_json_http_version_is_the_rows(tmp_path):
    assert fixture_rows(FIX / "wjson_20251010T071500Z.log") == [
        ("127.0.0.1:8701/final", "http://127.0.0.1:8701/final", "GET", "2025-10-10T07:15:00+00:00",
         "filename", 200, "up", None, None, 0.698, "HTTP/1.1", 2),
    ]


@pytest.mark.parametrize(("printed", "version"), [("2", "HTTP/2"), ("3", "HTTP/3"), ("1.0", "HTTP/1.0"),
                                                  ("0", None)])
def test_write_out_http_versions(tmp_path, printed, version):
    command = "$ curl -s -o /dev/null -w '%{http_code} %{http_version}\\n' https://a.example/\n"
    text = f"{command}200 {printed}\n"
    assert one(tmp_path, "v_20251010T070000Z.log", text)["http_version"] == version


# 3: a file of -w output alone (a cron job's '-w ... > out') ----------------------------------------------
def test_a_write_out_file_alone_is_one_row(tmp_path):
    assert fixture_rows(FIX / "health_20251010T072000Z.out") == [
        ("health", None, None, "2025-10-10T07:20:00+00:00", "filename", 200, "up", None, None, 0.347, None,
         None),
    ]
    assert fixture_rows(FIX / "health_20251010T072500Z.out") == [
        ("health", None, None, "2025-10-10T07:25:00+00:00", "filename", None, "down", "connect",
         "curl: (7) Failed to connect to 127.0.0.1 port 8799 after 0 ms: Couldn't connect to server", 0.412,
         None, None),
    ]


def test_a_folder_holds_a_write_out_file_as_evidence(tmp_path):
    (tmp_path / "health_20251010T072000Z.out").write_text("200 0.000347\n")
    (tmp_path / "notes.txt").write_text("200 things to do\n")
    (tmp_path / "count.txt").write_text("200\n")
    assert [p.name for p in evidence_files([str(tmp_path)])] == ["health_20251010T072000Z.out"]


# 4: synthetic-check exports -------------------------------------------------------------------------
def test_checkly_degraded_run_is_degraded(tmp_path):
    assert fixture_rows(FIX / "checkly_runs.json") == [
        ("API health", "https://api.example.com/health?apikey=***", "GET", "2025-10-10T07:00:00+00:00",
         "json", 200, "degraded", None, None, 1843.0, None, None),
        ("API health", "https://api.example.com/health?apikey=***", "GET", "2025-10-10T07:05:00+00:00",
         "json", 504, "down", "unexpected_status", "expected 200 got 504", 30000.0, None, None),
    ]


def test_a_k6_summary_is_named_and_skipped(tmp_path):
    df, problems = read_evidence([FIX / "k6_summary.json"])
    assert len(df) == 0
    reason = "a k6 summary (a load test's aggregate metrics), not check results"
    assert [p.reason for p in problems] == [reason]


# 5: no secret of a request line or command line reaches the store --------------------------------------
def test_secrets_of_verbose_request_lines_never_reach_the_store(tmp_path):
    store = tmp_path / "data"
    names = ["auth_verbose_20251010T073000Z.log", "trace_post_20251010T073500Z.log", "checkly_runs.json"]
    result = import_evidence(store, [FIX / n for n in names])
    assert result.problems == []
    df = load_probes(store)
    assert sorted(df["url"]) == ["http://127.0.0.1:8701/continue", "https://127.0.0.1:8702/health?api_key=***",
                                 "https://api.example.com/health?apikey=***",
                                 "https://api.example.com/health?apikey=***"]
    stored = b"".join(p.read_bytes() for p in store.rglob("*.parquet"))
    for secret in (b"b3BzOnMzY3JldA", b"zzsecret1", b"hunter22", b"SeCrEt99", b"zzzTOPSECRET"):
        assert secret not in stored


# 6: times and durations of JSON exports -------------------------------------------------------------
def test_gatus_duration_is_go_nanoseconds(tmp_path):
    assert fixture_rows(FIX / "gatus_results.json") == [
        ("gatus_results", None, None, "2025-10-10T07:00:00.123456+00:00", "json", 200, "up", None, None,
         123.457, None, None),
    ]


@pytest.mark.parametrize(("value", "ms"), [
    (123456789, 123.457),  # (Go's time.Duration)
    (9999999, 9999999.0),  # (below 10^7: ms as written)
    (412, 412.0),
    (0.234, 0.234),  # (a bare key is ms: a seconds value needs its unit said)
])
@pytest.mark.filterwarnings("ignore::occ_lib.evidence.EvidenceNote")  # (0.234 alone: said, tested in EXPB2)
def test_a_bare_duration(tmp_path, value, ms):
    text = f'{{"url": "https://a.example/", "status": 200, "duration": {value}}}'
    assert one(tmp_path, "c_20251010T070000Z.json", text)["elapsed_ms"] == ms


def test_a_stated_unit_is_kept_for_a_large_duration(tmp_path):
    text = '{"url": "https://a.example/", "status": 200, "duration": 12345678, "unit": "us"}'
    assert one(tmp_path, "c_20251010T070000Z.json", text)["elapsed_ms"] == 12345.678


@pytest.mark.parametrize(("value", "at"), [
    ('"Fri, 10 Oct 2025 07:00:00 GMT"', "2025-10-10T07:00:00+00:00"),
    ('"Fri, 10 Oct 2025 09:00:00 +0200"', "2025-10-10T07:00:00+00:00"),
    ("1760080800.123", "2025-10-10T07:20:00.123000+00:00"),
    ('"1760080800.123"', "2025-10-10T07:20:00.123000+00:00"),
    ("1760080800123.5", "2025-10-10T07:20:00.123500+00:00"),
])
def test_json_times(tmp_path, value, at):
    text = f'{{"url": "https://a.example/", "status": 200, "timestamp": {value}}}'
    r = one(tmp_path, "c.json", text)
    assert (r["started_at"].isoformat(), r["time_source"]) == (at, "json")


# 7: curl -f names the status it did not print ---------------------------------------------------------
def test_curl_fail_names_its_status(tmp_path):
    assert fixture_rows(FIX / "fail_20251010T100500Z.log") == [
        ("127.0.0.1:8701/nope", "http://127.0.0.1:8701/nope", "GET", "2025-10-10T10:05:00+00:00", "filename",
         404, "down", "unexpected_status", "curl: (22) The requested URL returned error: 404", None, None,
         None),
    ]


# 8: the error class of a check's message (Node's, Go's net/http) ------------------------------------------
def test_error_classes_of_check_messages(tmp_path):
    df, problems = read_evidence([FIX / "go_errors.json"])
    assert problems == []
    got = [(r["url"], r["outcome"], plain(r["error"]), r["error_message"]) for r in df.to_dict("records")]
    assert got == [
        ("https://api.example.com/health?apikey=***", "down", "connect",
         "GET https://api.example.com/health?apikey=*** failed: connect ECONNREFUSED"),
        ("https://***@api.example.com/x", "down", "dns",
         'Get "https://***@api.example.com/x": dial tcp: lookup api.example.com: no such host'),
        ("https://api.example.com/x", "down", None, "401 Unauthorized (sent X-Api-Key=***)"),
        ("https://api.example.com/x", "down", "timeout",
         "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"),
        ("https://api.example.com/x", "down", "tls", "x509: certificate has expired or is not yet valid"),
        ("https://api.example.com/x", "down", "read",
         "read tcp 10.0.0.1:5555->10.0.0.2:443: read: connection reset by peer"),
        ("https://api.example.com/x", "down", "too_many_redirects", "stopped after 10 redirects"),
    ]


@pytest.mark.parametrize(("message", "error"), [
    ("context deadline exceeded", "timeout"),
    ("dial tcp: lookup db.internal on 10.0.0.2:53: no such host", "dns"),
    ("Connection reset by peer", "read"),
    ("Connection refused", "connect"),
    ("connect ECONNREFUSED 127.0.0.1:443", "connect"),
    ("socket hang up", "read"),
])
def test_error_class_words(tmp_path, message, error):
    text = f'{{"url": "https://a.example/", "ok": false, "error": "{message}"}}'
    assert one(tmp_path, "c_20251010T070000Z.json", text)["error"] == error
