"""Round 14 (EXPB2): evidence the importer still lost, made with real curl 7.88 against servers on
127.0.0.1 (tests/fixtures/round14_ev2/): one curl command with several URLs (-I, -i, -v, -sv -L, -f,
-w, one of them refused) gives one row per URL, keyed stably and apart; no secret of such a command
reaches the store."""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from pathlib import Path

import pytest

from occ_lib.evidence import EvidenceNote, import_evidence, read_evidence
from occ_lib.store import load_probes
from tests.evidence_rows import field_rows, fixture_rows, occ_in, workspace
from tests.evidence_rows import rows as text_rows

FIX = Path(__file__).parent / "fixtures" / "round14_ev2"
OK = "http://127.0.0.1:8711/final"
FAIL = "http://127.0.0.1:8711/fail"
DOWN = "http://127.0.0.1:8799/down"
REFUSED = "curl: (7) Failed to connect to 127.0.0.1 port 8799 after 0 ms: Couldn't connect to server"


def _up(at: str, method: str = "GET", source: str = "filename", elapsed: float | None = None,
        version: str | None = "HTTP/1.1") -> tuple:
    return ("127.0.0.1:8711/final", OK, method, at, source, 200, "up", None, None, elapsed, version, None)


def _busy(at: str, method: str = "GET", source: str = "filename", message: str = "HTTP 503",
          elapsed: float | None = None, version: str | None = "HTTP/1.1") -> tuple:
    return ("127.0.0.1:8711/fail", FAIL, method, at, source, 503, "down", "unexpected_status", message,
            elapsed, version, None)


def _refused(at: str, elapsed: float | None = None) -> tuple:
    return ("127.0.0.1:8799/down", DOWN, "GET", at, "filename", None, "down", "connect", REFUSED, elapsed,
            None, None)


# 1: one curl command, several URLs: one row each ---------------------------------------------------
@pytest.mark.parametrize(("name", "expected"), [
    ("head_two_20251010T080000Z.log",  # curl -sSI URL1 URL2
     [_up("2025-10-10T08:00:00+00:00", "HEAD"), _busy("2025-10-10T08:00:00+00:00", "HEAD")]),
    ("i_three_20251010T080500Z.log",  # curl -sSi URL1 REFUSED URL3: bodies between the heads
     [_up("2025-10-10T08:05:00+00:00"), _refused("2025-10-10T08:05:00+00:00"),
      _busy("2025-10-10T08:05:00+00:00")]),
    ("v_two_20251010T081000Z.log",  # curl -sSv -H 'Authorization: Bearer ...' URL1 URL2
     [_up("2025-10-10T08:10:00+00:00"), _busy("2025-10-10T08:10:00+00:00")]),
    ("sv_three_20251010T081500Z.log",  # curl -sv -L REDIRECT REFUSED URL3 (-s hides 'curl: (7)')
     [_up("2025-10-10T08:15:00+00:00"), _refused("2025-10-10T08:15:00+00:00"),
      _busy("2025-10-10T08:15:00+00:00")]),
    ("fail_two_20251010T082000Z.log",  # curl -sSfi URL503 URL200: 'curl: (22)' printed before the head
     [_busy("2025-10-10T08:20:00+00:00", message="curl: (22) The requested URL returned error: 503"),
      _up("2025-10-10T08:20:00+00:00")]),
    ("w_three_20251010T083000Z.log",  # -o /dev/null -w '%{http_code} %{time_total}\n', 'curl: (7)' first
     [_up("2025-10-10T08:30:00+00:00", elapsed=18.5, version=None),
      _refused("2025-10-10T08:30:00+00:00", elapsed=0.149),
      _busy("2025-10-10T08:30:00+00:00", elapsed=43.593, version=None)]),
    ("meter_v.log",  # curl -v (progress meter before '> GET') -u user:password URL?api_key=... URL2
     [("127.0.0.1:8711/final?api_key=***", "http://127.0.0.1:8711/final?api_key=***", "GET",
       "2026-12-02T11:59:46+00:00", "date_header", 200, "up", None, None, None, "HTTP/1.1", None),
      _busy("2026-12-02T11:59:46+00:00", source="date_header")]),
])
def test_a_command_with_several_urls_gives_a_row_per_url(name, expected):
    assert fixture_rows(FIX / name) == expected


@pytest.mark.filterwarnings("ignore::occ_lib.evidence.EvidenceNote")  # (said: tested in test_round14_EV3)
def test_several_urls_whose_failure_s_hid_stay_one_row():
    # curl -sI URL1 REFUSED URL3: two answers for three URLs, which is whose unknown: read as before
    assert fixture_rows(FIX / "s_hides_20251010T082500Z.log") == [_up("2025-10-10T08:25:00+00:00", "HEAD")]


def test_urls_of_one_command_among_other_commands(tmp_path):
    text = (
        "$ curl -sI https://a.example/health\n"
        "HTTP/2 204\n"
        "\n"
        "$ curl -sSI https://a.example/one https://b.example/two\n"
        "HTTP/2 200\n"
        "\n"
        "HTTP/1.1 404 Not Found\n"
        "\n"
    )
    found, problems = text_rows(tmp_path, "mixed_20251010T090000Z.log", text)
    assert problems == []
    assert [(r["url"], r["method"], r["status"], r["outcome"], r["http_version"]) for r in found] == [
        ("https://a.example/health", "HEAD", 204, "up", "HTTP/2"),
        ("https://a.example/one", "HEAD", 200, "up", "HTTP/2"),
        ("https://b.example/two", "HEAD", 404, "down", "HTTP/1.1"),
    ]


def test_rows_of_several_urls_are_keyed_apart_and_stably(tmp_path):
    store = tmp_path / "data"
    path = FIX / "i_three_20251010T080500Z.log"
    first = import_evidence(store, [path])
    assert (first.imported_rows, first.problems) == (3, [])
    again = import_evidence(store, [path])
    assert again.imported_rows == 0
    keys = list(load_probes(store).sort_values("url")["evidence_key"])
    whole = hashlib.sha256(path.read_bytes()).hexdigest()
    # the first URL's row keeps the key the one row of versions before had: a store holding it adds
    # the other URLs' rows only
    assert sorted(keys) == sorted(f"{whole}#{n}@2025-10-10T08:05:00Z" for n in range(3))


def test_secrets_of_a_command_with_several_urls_never_reach_the_store(tmp_path):
    store = tmp_path / "data"
    result = import_evidence(store, [FIX / "meter_v.log", FIX / "v_two_20251010T081000Z.log"])
    assert (result.imported_rows, result.problems) == (4, [])
    stored = b"".join(p.read_bytes() for p in store.rglob("*.parquet"))
    for secret in (b"s3cr3tTOKEN", b"hunter22pass", b"sekritKEY42", b"b3BzOmh1bnRlcjIycGFzcw"):
        assert secret not in stored


# 2: Windows PowerShell 5's curl (Invoke-WebRequest), UTF-16 with CR LF ------------------------------
def _copied(tmp_path: Path, name: str) -> Path:
    """The fixture ``name`` copied with a fixed mtime, 2025-10-10T07:30:00.5Z (rows it alone times)."""
    p = tmp_path / name
    p.write_bytes((FIX / name).read_bytes())
    os.utime(p, (1760081400.5, 1760081400.5))
    return p


def test_powershell_invoke_webrequest_listing_and_its_errors(tmp_path):
    df, problems = read_evidence([_copied(tmp_path, "ps5_iwr.log")])
    assert problems == []
    assert field_rows(df) == [
        # StatusCode 200, RawContent's 'HTTP/1.1 200 OK' and Date, the URL of the command line
        ("status.example.com/health?token=***", "https://status.example.com/health?token=***", "GET",
         "2025-10-10T07:00:00+00:00", "date_header", 200, "up", None, None, None, "HTTP/1.1", None),
        # 'curl : The remote server returned an error: (503) Server Unavailable.' of '-Method Head'
        ("status.example.com/ready", "https://status.example.com/ready", "HEAD",
         "2025-10-10T07:30:00.500000+00:00", "mtime", 503, "down", "unexpected_status", "HTTP 503", None,
         None, None),
        # no RawContent: no HTTP version; the Date of 'Headers : {[Date, ...]}'
        ("status.example.com", "https://status.example.com/", "GET", "2025-10-10T07:02:00+00:00",
         "date_header", 200, "up", None, None, None, None, None),
    ]


@pytest.mark.parametrize(("name", "expected"), [
    ("ps5_refused_20251010T091000Z.log",
     ("127.0.0.1:8799/down", DOWN, "GET", "2025-10-10T09:10:00+00:00", "filename", None, "down", "connect",
      "Invoke-WebRequest: Unable to connect to the remote server", None, None, None)),
    ("ps5_unresolved.log",
     ("x.example/h?api_key=***", "https://x.example/h?api_key=***", "GET", "2025-10-10T07:30:00.500000+00:00",
      "mtime", None, "down", "dns", "Invoke-WebRequest: The remote name could not be resolved: 'x.example'",
      None, None, None)),
])
def test_powershell_failures_without_an_answer_are_down(tmp_path, name, expected):
    df, problems = read_evidence([_copied(tmp_path, name)])
    assert problems == []
    assert field_rows(df) == [expected]


def test_powershell_listing_without_its_command(tmp_path):
    text = ("StatusCode        : 204\r\nStatusDescription : No Content\r\n"
            "RawContent        : HTTP/1.1 204 No Content\r\n"
            "                    Date: Fri, 10 Oct 2025 07:05:00 GMT\r\n\r\n"
            "Headers           : {[Date, Fri, 10 Oct 2025 07:05:00 GMT]}\r\n")
    p = tmp_path / "iwr_out.txt"
    p.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    df, problems = read_evidence([p])
    assert problems == []
    assert field_rows(df) == [
        ("iwr_out", None, None, "2025-10-10T07:05:00+00:00", "date_header", 204, "up", None, None, None,
         "HTTP/1.1", None),
    ]


def test_a_header_named_statuscode_is_no_powershell_listing(tmp_path):
    text = "$ curl -si https://a.example/x\nHTTP/1.1 200 OK\nStatusCode: 500\n\n"
    found, problems = text_rows(tmp_path, "hdr_20251010T090000Z.log", text)
    assert (problems, [(r["status"], r["outcome"]) for r in found]) == ([], [(200, "up")])


def test_secrets_of_powershell_commands_never_reach_the_store(tmp_path):
    store = tmp_path / "data"
    result = import_evidence(store, [FIX / "ps5_iwr.log", FIX / "ps5_unresolved.log"])
    assert (result.imported_rows, result.problems) == (4, [])
    stored = b"".join(p.read_bytes() for p in store.rglob("*.parquet"))
    for secret in (b"zzPSsecret9", b"zzz123secret", b"abcSECRET"):
        assert secret not in stored


# 3: a bare latency of fractions below 60 is seconds, and the import says what it assumed -------------
def _jsonl(values: list) -> str:
    return "".join(json.dumps({"url": "https://a.example/", "status": 200, "duration": v,
                               "timestamp": f"2025-10-10T07:0{i}:00Z"}) + "\n" for i, v in enumerate(values))


@pytest.mark.parametrize(("values", "ms", "note"), [
    # Python's elapsed.total_seconds(): seconds, said so
    ([0.234, 1.05, 0.5], [234.0, 1050.0, 500.0],
     "bare 'duration' values read as seconds: all 3 have a fraction and are below 60 (0.234 -> 234 ms); "
     "name the unit ('duration_ms', 'duration_s' or '\"unit\": \"s\"') to be sure"),
    # one value alone is too little to tell by: ms, as a bare key is, said so
    ([0.234], [0.234],
     "a bare 'duration' 0.234 read as ms, as a key without a unit is; if it is seconds, name the unit "
     "('duration_ms', 'duration_s' or '\"unit\": \"s\"') to be sure"),
    # a whole number or one of 60 or more among them: ms, nothing to say
    ([0.234, 412, 0.5], [0.234, 412.0, 0.5], None),
    ([12.5, 60.5], [12.5, 60.5], None),
])
def test_bare_fractional_latencies_and_the_unit_assumed(tmp_path, values, ms, note):
    p = tmp_path / "checks.jsonl"
    p.write_text(_jsonl(values))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df, problems = read_evidence([p])
    assert (problems, list(df["elapsed_ms"])) == ([], ms)
    notes = [str(w.message) for w in caught if issubclass(w.category, EvidenceNote)]
    assert notes == ([] if note is None else [f"{p}: {note}"])


def test_a_stated_unit_needs_no_guess(tmp_path):
    p = tmp_path / "checks.json"
    p.write_text(json.dumps([{"url": "https://a.example/", "status": 200, "duration": 0.25, "unit": "ms"},
                             {"url": "https://a.example/", "status": 200, "duration": 0.5, "unit": "ms"}]))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df, _problems = read_evidence([p])
    assert list(df["elapsed_ms"]) == [0.25, 0.5]
    assert [w for w in caught if issubclass(w.category, EvidenceNote)] == []


def test_occ_import_prints_the_assumed_unit_and_exits_0(tmp_path):
    art = workspace(tmp_path)
    (art / "checks.jsonl").write_text(_jsonl([0.234, 1.05]))
    result = occ_in(tmp_path, "import", "artifacts/checks.jsonl")
    assert result.exit_code == 0
    assert "occ: warning: artifacts/checks.jsonl: bare 'duration' values read as seconds: all 2 have a " \
        "fraction" in result.output
    assert "imported 2 rows from 1 files" in result.output


# 4: a file of -w output alone names no method ------------------------------------------------------
def test_write_out_without_its_command_has_no_method(tmp_path):
    alone = text_rows(tmp_path, "health_20251010T072000Z.out", "200 0.000347\n")
    cron = text_rows(tmp_path, "probe.log", "Fri Oct 10 07:00:00 UTC 2025\n200 0.312\n"
                                            "Fri Oct 10 07:05:00 UTC 2025\n000 0.001\n")
    assert [(r["method"], r["status"], r["outcome"], r["elapsed_ms"]) for r in alone[0] + cron[0]] == [
        (None, 200, "up", 0.347), (None, 200, "up", 312.0), (None, None, "down", 1.0)]
    assert alone[1] == cron[1] == []


# 5: Uptime Kuma heartbeats and blackbox exporter's text answer ------------------------------------
KUMA_URL = "https://api.example.com/health?token=***"


def test_uptime_kuma_heartbeats():
    assert fixture_rows(FIX / "kuma_heartbeats.json") == [
        ("api health", KUMA_URL, None, "2025-10-10T07:00:00.123000+00:00", "json", 200, "up", None, None,
         87.0, None, None),
        ("api health", KUMA_URL, None, "2025-10-10T07:01:00.456000+00:00", "json", 503, "down",
         "unexpected_status", "Request failed with status code 503", None, None, None),
        # pending (2): failed, Kuma retrying; maintenance (3) is no check result: no row
        ("api health", KUMA_URL, None, "2025-10-10T07:02:00+00:00", "json", None, "down", "timeout",
         "timeout of 48000ms exceeded", None, None, None),
        # a monitor monitorList does not name
        ("kuma monitor 7", None, None, "2025-10-10T07:00:30+00:00", "json", None, "up", None, None, 12.0,
         None, None),
    ]


def test_blackbox_exporter_text_answers():
    assert fixture_rows(FIX / "blackbox_api_20251010T074000Z.txt") == [
        ("blackbox_api", None, None, "2025-10-10T07:40:00+00:00", "filename", 200, "up", None, None, 123.456,
         None, None),
    ]
    assert fixture_rows(FIX / "blackbox_federate.txt") == [
        ("a.example/health", "https://a.example/health", None, "2025-10-10T07:20:00+00:00", "json", 503,
         "down", "unexpected_status", "HTTP 503", 500.0, None, None),
        ("db-primary", None, None, "2025-10-10T07:20:00+00:00", "json", None, "up", None, None, None, None,
         None),
    ]


def test_secrets_of_kuma_monitor_urls_never_reach_the_store(tmp_path):
    store = tmp_path / "data"
    result = import_evidence(store, [FIX / "kuma_heartbeats.json"])
    assert (result.imported_rows, result.problems) == (4, [])
    assert import_evidence(store, [FIX / "kuma_heartbeats.json"]).imported_rows == 0
    assert b"zzKUMAsecret" not in b"".join(p.read_bytes() for p in store.rglob("*.parquet"))
