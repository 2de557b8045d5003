"""Round 15 (EV): ``occ import`` run again on files it imported says they were, once, and repeats
none of their notes; a blackbox exporter answer of a failed probe without an HTTP answer stores the
cause its metrics show (``dns``, ``connect``, ``tls``, or a debug answer's logged ``err=``) or at least
``probe failed``, its identity the same as before; evidence of an ``http://`` URL stays its own target
(RFC 9110: another origin) unless curl followed it to the target's ``https://`` URL."""

from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path

from occ_lib.evidence import import_evidence, read_evidence
from occ_lib.targets import Target
from tests.evidence_rows import noted as _noted
from tests.evidence_rows import occ_in, plain, workspace, write

EV2 = Path(__file__).parent / "fixtures" / "round14_ev2"
S_HIDES = EV2 / "s_hides_20251010T082500Z.log"  # real curl 7.88: curl -sI URL1 REFUSED URL3
BARE = json.dumps([
    {"url": "https://a.example/h", "status": 200, "duration": 0.25, "checked_at": "2025-10-10T07:00:00Z"},
    {"url": "https://a.example/h", "status": 200, "duration": 0.5, "checked_at": "2025-10-10T07:05:00Z"},
])
WARNING = "occ: warning: "  # (a note: as every command prints one)
S_NOTE = (WARNING + "artifacts/s_hides_20251010T082500Z.log:1: 3 URLs in the command, 2 answers: -s hid "
          "which failed; stored as one row\n")
BARE_NOTE = (WARNING + "artifacts/checks.json: bare 'duration' values read as seconds: all 2 have a "
             "fraction and are below 60 (0.25 -> 250 ms); name the unit ('duration_ms', 'duration_s' or "
             "'\"unit\": \"s\"') to be sure\n")


# 1: a second import of the same files: no notes again ----------------------------------------------
def test_import_again_says_already_imported_and_no_notes(tmp_path):
    art = workspace(tmp_path, "logs: []\nevidence: [artifacts/*]\nstore: data/\n")
    (art / S_HIDES.name).write_bytes(S_HIDES.read_bytes())
    (art / "checks.json").write_text(BARE)
    first = occ_in(tmp_path, "import")
    assert first.exit_code == 0
    assert first.output.count(S_NOTE) == 1 and first.output.count(BARE_NOTE) == 1
    assert first.output.endswith("imported 3 rows from 2 files; 0 already imported; 0 skipped\n")
    second = occ_in(tmp_path, "import")
    assert (second.exit_code, second.output) == (
        0, "imported 0 rows from 0 files; 2 already imported; 0 skipped\n")


def test_import_says_the_notes_of_the_files_it_adds_rows_of_only(tmp_path):
    art = workspace(tmp_path, "logs: []\nevidence: [artifacts/*]\nstore: data/\n")
    (art / S_HIDES.name).write_bytes(S_HIDES.read_bytes())
    assert occ_in(tmp_path, "import").output.count(S_NOTE) == 1
    (art / "checks.json").write_text(BARE)  # (new beside the one imported)
    again = occ_in(tmp_path, "import")
    assert (again.exit_code, again.output) == (
        0, BARE_NOTE + "imported 2 rows from 1 files; 1 already imported; 0 skipped\n")


def test_the_api_says_notes_as_before(tmp_path):
    path = write(tmp_path, "checks.json", BARE)
    store = tmp_path / "data"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert import_evidence(store, [path]).imported_rows == 2
        assert import_evidence(store, [path]).duplicate_files == [str(path)]
    said = BARE_NOTE[len(WARNING):-1].replace("artifacts/checks.json", str(path))
    assert [str(w.message) for w in caught] == [said]
    assert _noted([path])[2] == [said]


# 2: blackbox exporter: a failed probe's cause ------------------------------------------------------
def _answer(*metrics: str, success: int = 0) -> str:
    return "".join(f"{m}\n" for m in (*metrics, "probe_duration_seconds 0.5", f"probe_success {success}"))


PHASES = ("connect", "processing", "resolve", "tls", "transfer")


def _phases(**took: float) -> tuple[str, ...]:
    return tuple(f'probe_http_duration_seconds{{phase="{p}"}} {took.get(p, 0)}' for p in PHASES)


CMD = "$ curl -s 'http://localhost:9115/probe?target=https://api.example.com/health&module=http_2xx'\n"
DNS = _answer("probe_dns_lookup_time_seconds 0.00215", "probe_failed_due_to_regex 0",
              'probe_http_duration_seconds{phase="resolve"} 0.00215', "probe_http_status_code 0",
              "probe_http_ssl 0", "probe_ip_addr_hash 0", "probe_ip_protocol 0")
CONNECT = _answer("probe_dns_lookup_time_seconds 0.00003", *_phases(resolve=0.00003, connect=0.000712),
                  "probe_http_status_code 0", "probe_ip_protocol 4")
TLS = _answer(*_phases(resolve=0.00003, connect=0.0007, tls=0.0121), "probe_http_status_code 0",
              "probe_ip_protocol 6")
REGEX = _answer(*_phases(resolve=0.001, connect=0.002, tls=0.01, processing=0.1, transfer=0.001),
                "probe_failed_due_to_regex 1", "probe_http_status_code 200", "probe_ip_protocol 4")
OTHER = _answer("probe_failed_due_to_regex 0", "probe_http_status_code 200", "probe_http_ssl 0")
DEBUG = (  # (blackbox's '&debug=true' answer: its logs, then the metrics)
    "Logs for the probe:\n"
    'ts=2025-10-10T07:40:00.001Z caller=main.go:190 module=http_2xx target=https://api.example.com/health '
    'level=info msg="Beginning probe" probe=http timeout_seconds=5\n'
    'ts=2025-10-10T07:40:05.001Z caller=http.go:472 module=http_2xx target=https://api.example.com/health '
    'level=error msg="Error for HTTP request" '
    'err="Get \\"https://api.example.com/health?token=zzBBsecret\\": '
    'context deadline exceeded"\n'
    'ts=2025-10-10T07:40:05.002Z caller=main.go:190 module=http_2xx target=https://api.example.com/health '
    'level=error msg="Probe failed" duration_seconds=5.0012\n'
    "\nMetrics that would have been returned:\n"
    + _answer(*_phases(resolve=0.00003, connect=5.0), "probe_http_status_code 0", "probe_ip_protocol 4")
)
API = ("api.example.com/health", "https://api.example.com/health", None, "2025-10-10T07:40:00+00:00",
       "filename", None, "down")


def test_blackbox_failures_store_their_cause(tmp_path):
    found = {}
    for name, text in [("dns", DNS), ("connect", CONNECT), ("tls", TLS), ("regex", REGEX), ("other", OTHER),
                       ("debug", DEBUG)]:
        rows, problems, notes = _noted([write(tmp_path, f"bb_{name}_20251010T074000Z.txt", CMD + text)])
        assert (problems, notes) == ([], [])
        found[name] = rows
    assert found == {
        "dns": [(*API, "dns", "probe failed: the host name did not resolve (blackbox probe_ip_protocol 0)",
                 500.0, None, None)],
        "connect": [(*API, "connect", "probe failed: no HTTP answer after connecting began (blackbox "
                     "connect phase)", 500.0, None, None)],
        "tls": [(*API, "tls", "probe failed: no HTTP answer after the TLS handshake began (blackbox tls "
                 "phase)", 500.0, None, None)],
        "regex": [(*API[:5], 200, "down", None, "probe failed: HTTP 200, the body or a header failed the "
                   "module's regexp (blackbox probe_failed_due_to_regex 1)", 500.0, None, None)],
        "other": [(*API[:5], 200, "down", None, "probe failed: HTTP 200, another of the module's checks "
                   "failed (blackbox probe_success 0)", 500.0, None, None)],
        # (the logged error names the cause; the URL's token in it never reaches the store)
        "debug": [(*API, "timeout", 'probe failed: Get "https://api.example.com/health?token=***": context '
                   "deadline exceeded", 500.0, None, None)],
    }


def test_blackbox_failure_of_a_scrape_by_series_and_an_unexpected_status_as_before(tmp_path):
    scrape = (
        'probe_http_duration_seconds{instance="https://a.example/x",job="bb",phase="connect"} 0.2 '
        '1760080800000\n'
        'probe_http_duration_seconds{instance="https://a.example/x",job="bb",phase="tls"} 0 1760080800000\n'
        'probe_http_status_code{instance="https://a.example/x",job="bb"} 0 1760080800000\n'
        'probe_success{instance="https://a.example/x",job="bb"} 0 1760080800000\n'
        'probe_ip_protocol{instance="https://b.example/y",job="bb"} 0 1760080800000\n'
        'probe_http_status_code{instance="https://b.example/y",job="bb"} 0 1760080800000\n'
        'probe_success{instance="https://b.example/y",job="bb"} 0 1760080800000\n'
        'probe_http_status_code{instance="https://c.example/z",job="bb"} 503 1760080800000\n'
        'probe_success{instance="https://c.example/z",job="bb"} 0 1760080800000\n'
        'probe_success{instance="db-primary:5432",job="bb"} 0 1760080800000\n'
    )
    rows, problems, _ = _noted([write(tmp_path, "federate.txt", scrape)])
    at = "2025-10-10T07:20:00+00:00"
    assert (rows, problems) == ([
        ("a.example/x", "https://a.example/x", None, at, "json", None, "down", "connect",
         "probe failed: no HTTP answer after connecting began (blackbox connect phase)", None, None, None),
        ("b.example/y", "https://b.example/y", None, at, "json", None, "down", "dns",
         "probe failed: the host name did not resolve (blackbox probe_ip_protocol 0)", None, None, None),
        ("c.example/z", "https://c.example/z", None, at, "json", 503, "down", "unexpected_status", "HTTP 503",
         None, None, None),
        ("db-primary:5432", None, None, at, "json", None, "down", None,
         "probe failed (blackbox probe_success 0)", None, None, None),
    ], [])


def test_blackbox_failed_row_keeps_its_key_and_is_no_new_row(tmp_path):
    path = write(tmp_path, "bb_20251010T074000Z.txt", DNS)
    df, _ = read_evidence([path])
    item = json.dumps({"duration_s": 0.5, "ok": False}, sort_keys=True, separators=(",", ":"))
    assert list(df["evidence_key"]) == [hashlib.sha256(item.encode()).hexdigest() + "#0@2025-10-10T07:40:00Z"]
    store = tmp_path / "data"
    assert import_evidence(store, [path]).imported_rows == 1
    assert import_evidence(store, [path]).imported_rows == 0


# 3: which target an http:// URL's evidence lands on -------------------------------------------------
MOCK = Target(name="staging-app-mock", url="https://hotdash-staging.fly.dev/app?mock=1")


def test_http_url_followed_to_the_targets_https_url_lands_on_the_target(tmp_path):
    followed = write(tmp_path, "a_20251012T080000Z.log", (
        "$ curl -sIL http://hotdash-staging.fly.dev/app?mock=1\n"
        "HTTP/1.1 301 Moved Permanently\nLocation: https://hotdash-staging.fly.dev/app?mock=1\n\n"
        "HTTP/2 200 \ndate: Sun, 12 Oct 2025 08:00:00 GMT\n\n"))
    not_followed = write(tmp_path, "b_20251012T080000Z.log", (
        "$ curl -sI http://hotdash-staging.fly.dev/app?mock=1\n"
        "HTTP/1.1 301 Moved Permanently\nLocation: https://hotdash-staging.fly.dev/app?mock=1\n\n"))
    plain = write(tmp_path, "c_20251012T080000Z.log", (
        "$ curl -I --http1.0 http://hotdash-staging.fly.dev/app?mock=1\nHTTP/1.0 200 OK\n\n"))
    df, problems = read_evidence([followed, not_followed, plain], targets=[MOCK])
    assert problems == []
    assert list(zip(df["target"], df["status"], df["outcome"], strict=True)) == [
        ("staging-app-mock", 200, "up"),
        # (an http:// URL is another origin: its redirect says nothing of the target's health, nor does a
        # plain-http answer, which never touched the target's TLS)
        ("hotdash-staging.fly.dev/app?mock=1", 301, "down"),
        ("hotdash-staging.fly.dev/app?mock=1", 200, "up"),
    ]


# 4: HTTPie / xh transcripts, hey and ab summaries ----------------------------------------------------
HTTPIE = [
    ("$ http --headers https://a.example/health\n", "HTTP/1.1 200 OK\nContent-Length: 2\n\n",
     ("a.example/health", "https://a.example/health", "GET", 200, "up", None)),
    ("$ http HEAD a.example/health\n", "HTTP/1.1 503 Service Unavailable\n\n",
     ("a.example/health", "http://a.example/health", "HEAD", 503, "down", "unexpected_status")),
    ("ops@box:~$ http -a ops:zzPW --follow :8080/api/items name=x Authorization:'Bearer zzTOKEN' page==2\n",
     "HTTP/1.1 201 Created\n\n",
     ("localhost:8080/api/items", "http://localhost:8080/api/items", "POST", 201, "up", None)),
    ("$ http -h :3000 X-Api-Key:zzKEY q==1\n", "HTTP/1.1 204 No Content\n\n",
     ("localhost:3000", "http://localhost:3000", "GET", 204, "up", None)),
    ("$ xhs -h a.example/health?token=zzTOK\n", "HTTP/2.0 200 OK\n\n",
     ("a.example/health?token=***", "https://a.example/health?token=***", "GET", 200, "up", None)),
    ("# http status of the app\n", "HTTP/1.1 200 OK\n\n", ("cm", None, None, 200, "up", None)),
]


def test_httpie_and_xh_transcripts_give_url_and_method(tmp_path):
    got = []
    for i, (command, answer, _want) in enumerate(HTTPIE):
        name = "cm" if command.startswith("# ") else f"ie{i}"
        path = write(tmp_path, f"{name}_20251010T070000Z.log", command + answer)
        df, problems = read_evidence([path])
        assert problems == []
        got.append(tuple(plain(df.iloc[0][k]) for k in ("target", "url", "method", "status", "outcome",
                                                          "error")))
    assert got == [want for _c, _a, want in HTTPIE]


def test_load_test_summaries_are_named_and_skipped(tmp_path):
    hey = write(tmp_path, "hey.txt", (
        "$ hey -n 200 -c 10 https://a.example/health\n\nSummary:\n  Total:\t1.2345 secs\n"
        "  Requests/sec:\t162.0089\n\nStatus code distribution:\n  [200]\t200 responses\n"))
    ab = write(tmp_path, "ab.log", (
        "$ ab -n 100 -c 10 https://a.example/health\n"
        "This is ApacheBench, Version 2.3 <$Revision: 1903618 $>\n"
        "Complete requests:      100\nRequests per second:    81.00 [#/sec] (mean)\n"))
    df, problems = read_evidence([hey, ab])
    assert (len(df), [str(p) for p in problems]) == (0, [
        f"{hey}: a hey summary (a load test's aggregate figures), not check results",
        f"{ab}: an ApacheBench (ab) summary (a load test's aggregate figures), not check results",
    ])


# 5: New Relic SyntheticCheck rows name their monitor; Pingdom's down results say why -----------------
def test_new_relic_and_pingdom_exports(tmp_path):
    nr = write(tmp_path, "nr.json", json.dumps([
        {"timestamp": 1760080800000, "monitorName": "API health", "result": "SUCCESS", "duration": 234,
         "responseCode": 200, "locationLabel": "Columbus, OH"},
        {"timestamp": 1760081100000, "monitorName": "API health", "result": "FAILED", "duration": 10000,
         "error": "NetworkError: Connection timed out", "locationLabel": "Columbus, OH"},
    ]))
    pingdom = write(tmp_path, "pingdom.json", json.dumps({"activeprobes": [33, 34], "results": [
        {"probeid": 33, "time": 1760080800, "status": "up", "responsetime": 123, "statusdesc": "OK",
         "statusdesclong": "OK"},
        {"probeid": 34, "time": 1760081100, "status": "down", "responsetime": 0,
         "statusdesc": "Connection refused", "statusdesclong": "Connection refused: could not connect"},
    ]}))
    rows, problems, notes = _noted([nr, pingdom])
    assert (rows, problems, notes) == ([
        ("API health", None, None, "2025-10-10T07:20:00+00:00", "json", 200, "up", None, None, 234.0, None,
         None),
        ("API health", None, None, "2025-10-10T07:25:00+00:00", "json", None, "down", "timeout",
         "NetworkError: Connection timed out", 10000.0, None, None),
        ("pingdom", None, None, "2025-10-10T07:20:00+00:00", "json", None, "up", None, None, 123.0, None,
         None),
        ("pingdom", None, None, "2025-10-10T07:25:00+00:00", "json", None, "down", "connect",
         "Connection refused: could not connect", None, None, None),  # (0 ms of a failed check: none, EV2)
    ], [], [])
