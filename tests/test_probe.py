"""Probe runner against real misbehaving servers on 127.0.0.1: one run, one row per fault.

All faults run in ONE ``run_probes`` call (the run must complete whatever happens); each test then
checks its row. The rows are written to a store and read back with ``load_probes``.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from occ_lib import probe as probe_module
from occ_lib.probe import BODY_CAP, probe_runs, run_probes, summarize
from occ_lib.schema import PROBE_COLUMNS, PROBE_DTYPES
from occ_lib.store import load_probes, write_probes
from occ_lib.targets import Target
from occ_lib.targets import Target as _Target

try:
    from tests import probe_servers as ps
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    import probe_servers as ps  # type: ignore[no-redef]


pytestmark = pytest.mark.usefixtures("loopback_only")  # (probe traffic stays on 127.0.0.1)

UNRESOLVABLE_HOST = ps.UNRESOLVABLE_HOST
closed_port, full_backlog_port, http_server = ps.closed_port, ps.full_backlog_port, ps.http_server
raw_server, reset_server, silent_server = ps.raw_server, ps.reset_server, ps.silent_server


TAGS = {"team": "qa", "env": "test"}


@pytest.fixture(scope="module")
def run():
    """Start every server, probe all targets in one run, return (df, targets, http server)."""
    import contextlib

    with contextlib.ExitStack() as stack:
        srv = stack.enter_context(http_server())
        silent = stack.enter_context(silent_server())
        reset = stack.enter_context(reset_server(body_sent=1000, body_declared=100_000))
        not_tls = stack.enter_context(raw_server(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"))
        not_http = stack.enter_context(raw_server(b"SSH-2.0-OpenSSH_9.6\r\n\r\n"))
        hang_up = stack.enter_context(raw_server(b""))
        backlog = stack.enter_context(full_backlog_port())
        self_signed = stack.enter_context(ps.self_signed_tls_server())
        u = srv.url
        lo = "http://127.0.0.1"
        # degraded_ms is generous (5 s) except where degradation is the point: a loaded CI machine
        # must not turn a classification test into a speed test.
        Target = functools.partial(_Target, degraded_ms=5000)  # noqa: N806
        targets = [
            Target(name="up", url=f"{u}/ok", tags=TAGS),
            Target(name="up-get", url=f"{u}/ok", method="GET"),
            Target(name="degraded", url=f"{u}/slow?ms=400", degraded_ms=150),
            Target(name="status-503", url=f"{u}/status/503"),
            Target(name="expect-503", url=f"{u}/status/503", expect=[503]),
            Target(name="redirect-not-followed", url=f"{u}/redirect"),
            Target(name="redirect-followed", url=f"{u}/redirect", follow_redirects=True),
            Target(name="refused", url=f"{lo}:{closed_port()}/"),
            Target(name="dns", url=f"http://{UNRESOLVABLE_HOST}/"),
            Target(name="connect-timeout", url=f"{lo}:{backlog}/", timeout_s=1),
            Target(name="read-timeout", url=f"{lo}:{silent}/", timeout_s=1),
            Target(name="tls-not-tls", url=f"https://127.0.0.1:{not_tls}/"),
            Target(name="tls-self-signed", url=f"https://127.0.0.1:{self_signed}/"),
            Target(name="redirect-loop", url=f"{u}/loop", follow_redirects=True),
            Target(name="reset", url=f"{lo}:{reset}/", method="GET"),
            Target(name="gigabytes", url=f"{u}/endless", method="GET", timeout_s=20),
            Target(name="gigabytes-head", url=f"{u}/endless"),
            Target(name="not-http", url=f"{lo}:{not_http}/"),
            Target(name="hang-up", url=f"{lo}:{hang_up}/"),
        ]
        seen: list[dict] = []
        before = dt.datetime.now(dt.UTC)
        df = run_probes(targets, concurrency=8, progress=seen.append)
        after = dt.datetime.now(dt.UTC)
        yield df.set_index("target", drop=False), targets, srv, seen, (before, after)


def row(run, name: str) -> pd.Series:
    return run[0].loc[name]


def test_one_row_per_target_with_the_store_schema(run):
    df, targets, _, seen, (before, after) = run
    assert list(df["target"]) == [t.name for t in targets]
    assert tuple(df.columns) == PROBE_COLUMNS
    assert {c: str(df[c].dtype) for c in df.columns} == {c: str(pd.Series(dtype=d).dtype) for c, d in
                                                         PROBE_DTYPES.items()}
    assert len(seen) == len(targets)
    assert df["run_id"].nunique() == 1
    assert set(df["source"]) == {"probe"} and set(df["time_source"]) == {"clock"}
    assert df["evidence_path"].isna().all() and df["evidence_key"].isna().all()
    assert df["dns_ms"].isna().all()  # every URL here is an IP address: no name lookup to time
    assert ((df["started_at"] >= before) & (df["started_at"] <= after)).all()
    assert str(df["started_at"].dtype) == "datetime64[us, UTC]"
    assert df["probe_host"].nunique() == 1


def test_a_name_is_looked_up_and_timed():
    # "localhost" resolves through /etc/hosts to loopback: dns_ms is the lookup alone, inside connect_ms
    with http_server() as srv:
        port = srv.url.rsplit(":", 1)[1]
        df = run_probes([Target(name="by-name", url=f"http://localhost:{port}/ok", degraded_ms=5000)])
    r = df.iloc[0]
    assert (r.outcome, r.status) == ("up", 200)
    assert pd.isna(r.error)
    assert 0 <= r.dns_ms <= r.connect_ms <= r.ttfb_ms <= r.elapsed_ms


def test_up(run):
    r = row(run, "up")
    assert (r.status, r.outcome, r.method, r.http_version, r.bytes) == (200, "up", "HEAD", "HTTP/1.1", 0)
    assert pd.isna(r.error) and pd.isna(r.error_message)
    assert r.url == f"{run[2].url}/ok"
    assert r.h_server.startswith("occ-test/1.0 Python/")
    assert (r.h_via, r.h_request_id) == ("1.1 occ-test-proxy", "req-12345")
    sent = email.utils.parsedate_to_datetime(r.h_date)
    assert abs((sent - r.started_at.to_pydatetime()).total_seconds()) < 60
    assert json.loads(r.tags) == TAGS and r.tags == '{"env":"test","team":"qa"}'
    assert 0 <= r.connect_ms <= r.ttfb_ms <= r.elapsed_ms
    assert pd.isna(r.tls_ms)


def test_get_counts_body_bytes(run):
    r = row(run, "up-get")
    assert (r.status, r.outcome, r.method, r.bytes) == (200, "up", "GET", len(b"hello from occ-test\n"))


def test_slow_answer_is_degraded(run):
    r = row(run, "degraded")
    assert (r.status, r.outcome) == (200, "degraded")
    assert pd.isna(r.error)
    assert r.elapsed_ms >= 400


def test_5xx_is_down_with_unexpected_status(run):
    r = row(run, "status-503")
    assert (r.status, r.outcome, r.error, r.error_message) == (
        503, "down", "unexpected_status", "HTTP 503 not in expected 2xx")
    assert row(run, "expect-503").outcome == "up"


def test_redirects(run):
    r = row(run, "redirect-not-followed")
    assert (r.status, r.outcome, r.error) == (302, "down", "unexpected_status")
    r = row(run, "redirect-followed")
    assert (r.status, r.outcome) == (200, "up")
    paths = [p for m, p, _ in run[2].seen if p in ("/redirect", "/ok")]
    assert paths.count("/redirect") == 2 and paths.count("/ok") >= 3


def test_connection_refused(run):
    r = row(run, "refused")
    assert (r.outcome, r.error) == ("down", "connect")
    assert pd.isna(r.status) and pd.isna(r.connect_ms) and pd.isna(r.bytes)
    assert r.error_message.startswith("cannot connect: ")
    assert "Connection refused" in r.error_message


def test_unknown_host(run):
    r = row(run, "dns")
    assert (r.outcome, r.error) == ("down", "dns")
    assert r.error_message.startswith("cannot resolve host: ")
    assert pd.isna(r.status)


def test_connect_timeout(run):
    r = row(run, "connect-timeout")
    assert (r.outcome, r.error, r.error_message) == ("down", "timeout", "timed out after 1s connecting")
    assert 1000 <= r.elapsed_ms < 5000
    assert pd.isna(r.connect_ms)


def test_read_timeout(run):
    r = row(run, "read-timeout")
    assert (r.outcome, r.error, r.error_message) == (
        "down", "timeout", "timed out after 1s waiting for the response")
    assert 1000 <= r.elapsed_ms < 5000
    assert r.connect_ms >= 0 and pd.isna(r.ttfb_ms)


def test_a_probe_that_runs_out_of_its_budget_shows_at_least_the_budget():
    """The total budget and elapsed_ms start on the same instant: building the request (slowed down
    here to 50 ms) is before both, so a 1 s timeout never reads as 950 ms."""
    from unittest import mock

    import httpx

    build = httpx.AsyncClient.build_request

    def slow_build(self, *args, **kwargs):
        time.sleep(0.05)
        return build(self, *args, **kwargs)

    with silent_server() as port, mock.patch.object(httpx.AsyncClient, "build_request", slow_build):
        df = run_probes([Target(name="silent", url=f"http://127.0.0.1:{port}/", timeout_s=1)])
    r = df.iloc[0]
    assert (r.outcome, r.error) == ("down", "timeout")
    assert 1000 <= r.elapsed_ms < 5000


def test_tls_handshake_failures(run):
    r = row(run, "tls-not-tls")
    assert (r.outcome, r.error) == ("down", "tls")
    assert r.error_message.startswith("TLS handshake failed: ")
    r = row(run, "tls-self-signed")
    assert (r.outcome, r.error) == ("down", "tls")
    assert "CERTIFICATE_VERIFY_FAILED" in r.error_message
    assert r.connect_ms >= 0 and pd.isna(r.tls_ms) and pd.isna(r.status)


def test_https_with_a_trusted_certificate_is_up_with_its_handshake_timed(monkeypatch):
    """A TLS target whose certificate verifies (its CA trusted through ``SSL_CERT_FILE``, which
    httpx's context reads): up, HTTP/1.1 over TLS, and the handshake timed between connect and the
    response's headers."""
    reply = b"HTTP/1.1 200 OK\r\nServer: occ-tls\r\nContent-Length: 0\r\n\r\n"
    with ps.tls_server(reply) as (port, cafile):
        monkeypatch.setenv("SSL_CERT_FILE", cafile)
        probe_module._ssl_context.cache_clear()  # (built once per process: rebuild with the CA)
        try:
            df = run_probes([_Target(name="tls", url=f"https://127.0.0.1:{port}/ok", degraded_ms=5000)])
        finally:
            probe_module._ssl_context.cache_clear()
    r = df.iloc[0]
    assert (r.outcome, r.status, r.http_version, r.h_server) == ("up", 200, "HTTP/1.1", "occ-tls")
    assert pd.isna(r.error) and pd.isna(r.dns_ms)
    assert r.connect_ms > 0 and r.tls_ms > 0
    assert r.connect_ms + r.tls_ms <= r.ttfb_ms <= r.elapsed_ms


def test_redirect_loop(run):
    r = row(run, "redirect-loop")
    assert (r.outcome, r.error, r.error_message) == (
        "down", "too_many_redirects", "Exceeded maximum allowed redirects.")
    assert pd.isna(r.status)
    loops = [p for m, p, _ in run[2].seen if p == "/loop"]
    assert len(loops) == 11  # the first request and 10 redirects


def test_reset_mid_response_is_read(run):
    r = row(run, "reset")
    assert (r.status, r.outcome, r.error) == (200, "down", "read")
    assert r.error_message.startswith("connection broken while reading: ")
    assert "reset" in r.error_message.lower()
    assert r.bytes == 1000  # what arrived before the RST
    assert r.h_server == "occ-reset"


def test_gigabytes_are_capped(run):
    r = row(run, "gigabytes")
    assert (r.status, r.outcome, r.bytes) == (200, "up", BODY_CAP)
    assert pd.isna(r.error)
    assert r.elapsed_ms < 20_000
    r = row(run, "gigabytes-head")
    assert (r.status, r.outcome, r.bytes) == (200, "up", 0)


def test_not_http_and_hang_up_are_protocol(run):
    r = row(run, "not-http")
    assert (r.outcome, r.error) == ("down", "protocol")
    assert r.error_message.startswith("RemoteProtocolError: illegal status line")
    r = row(run, "hang-up")
    assert (r.outcome, r.error, r.error_message) == (
        "down", "protocol", "RemoteProtocolError: Server disconnected without sending a response.")


def test_every_result_is_stored_and_read_back(run, tmp_path):
    df = run[0].reset_index(drop=True)
    files = write_probes(tmp_path, df)
    assert len(files) == 1
    back = load_probes(tmp_path)
    key = ["target"]
    pd.testing.assert_frame_equal(
        back.sort_values(key).reset_index(drop=True), df.sort_values(key).reset_index(drop=True)
    )


def test_summary(run):
    s = summarize(run[0].reset_index(drop=True)).set_index("target")
    assert list(s.columns) == ["probes", "up", "degraded", "down", "p50_ms", "p95_ms", "last_status",
                               "last_error"]
    assert s.loc["up", ["probes", "up", "degraded", "down"]].tolist() == [1, 1, 0, 0]
    assert s.loc["degraded", ["up", "degraded", "down"]].tolist() == [0, 1, 0]
    assert s.loc["status-503", "last_status"] == 503
    assert s.loc["status-503", "last_error"] == "unexpected_status: HTTP 503 not in expected 2xx"
    assert pd.isna(s.loc["up", "last_error"])


def test_summary_records_without_pandas_match_summarize():
    from occ_lib.probe import summary_records

    t0 = pd.Timestamp("2025-10-10T00:00:00Z")
    df = pd.DataFrame({
        "target": ["b", "a", "a", "a", "a", "b"],
        "started_at": [t0 + pd.Timedelta(seconds=s) for s in (5, 1, 2, 3, 4, 0)],
        "outcome": ["down", "up", "degraded", "up", "up", "up"],
        "elapsed_ms": [float("nan"), 10.0, 40.0, 20.0, 30.0, 7.25],
        "status": pd.array([None, 200, 200, 200, 200, 200], dtype="Int32"),
        "error": [ "timeout", None, None, None, None, None],
        "error_message": ["no answer within 10 s", None, None, None, None, None],
    })
    expected = [
        {"target": "b", "probes": 2, "up": 1, "degraded": 0, "down": 1, "p50_ms": 7.2, "p95_ms": 7.2,
         "last_status": None, "last_error": "timeout: no answer within 10 s"},
        {"target": "a", "probes": 4, "up": 3, "degraded": 1, "down": 0, "p50_ms": 25.0, "p95_ms": 38.5,
         "last_status": 200, "last_error": None},
    ]
    # rows in time order, targets in first-seen order (here: of the frame)
    in_time = df.sort_values("started_at").astype(object)
    rows = in_time.where(in_time.notna(), None).to_dict("records")
    assert summary_records(rows, ["b", "a"]) == expected
    # the frame version is the same values, typed; pandas' own quantiles agree
    s = summarize(df)
    assert s.astype(object).where(s.notna(), None).to_dict("records") == expected
    assert df[df["target"] == "a"]["elapsed_ms"].quantile([0.5, 0.95]).round(1).tolist() == [25.0, 38.5]
    assert list(s.dtypes.astype(str)) == ["string", "int64", "int64", "int64", "int64", "float64", "float64",
                                          "Int32", "string"]
    assert summarize(df.iloc[0:0]).empty


def test_summary_percentiles_leave_down_probes_out_as_the_latency_rule_does():
    t0 = pd.Timestamp("2025-10-08T14:00:00Z")
    df = pd.DataFrame({
        "target": ["login"] * 4,
        "started_at": [t0 + pd.Timedelta(minutes=m) for m in range(4)],
        "outcome": ["up", "down", "down", "degraded"],
        "elapsed_ms": [120.0, 10003.0, 10001.0, 900.0],  # two probes hit the 10 s timeout
        "status": pd.array([200, None, None, 200], dtype="Int32"),
        "error": [None, "timeout", "timeout", None],
        "error_message": [None, "timed out", "timed out", None],
    })
    s = summarize(df)
    assert s[["target", "up", "degraded", "down", "p50_ms", "p95_ms"]].to_dict("records") == [
        {"target": "login", "up": 1, "degraded": 1, "down": 2, "p50_ms": 510.0, "p95_ms": 861.0}
    ]
    only_down = summarize(df.iloc[1:3])
    assert pd.isna(only_down.loc[0, "p50_ms"]) and pd.isna(only_down.loc[0, "p95_ms"])


def test_repeat_makes_one_run_per_repeat():
    with http_server() as srv:
        t = [Target(name="a", url=f"{srv.url}/ok", degraded_ms=5000),
             Target(name="b", url=f"{srv.url}/status/500")]
        run_probes(t)  # warm-up, so that the first run's setup is not a cold start
        runs: list[pd.DataFrame] = []
        df = run_probes(t, repeat=3, every_s=0.3, on_result=runs.append)
    assert len(runs) == 3 and [len(r) for r in runs] == [2, 2, 2]
    assert df["run_id"].nunique() == 3
    assert list(df["run_id"]) == [r["run_id"].iloc[0] for r in runs for _ in range(2)]
    # Runs begin at least 0.3 s apart; a run's first probe follows its begin by the client's setup
    # (well under 0.1 s), so first probes are at least 0.2 s apart.
    starts = df.groupby("run_id", sort=False)["started_at"].min().sort_values()
    assert (starts.diff().dropna() >= pd.Timedelta(milliseconds=200)).all()
    s = summarize(df).set_index("target")
    assert s.loc["a", ["probes", "up", "down"]].tolist() == [3, 3, 0]
    assert s.loc["b", ["probes", "up", "down"]].tolist() == [3, 0, 3]


def test_run_probes_works_inside_a_running_event_loop():
    import asyncio

    with http_server() as srv:
        async def inside() -> pd.DataFrame:
            return run_probes([Target(name="a", url=f"{srv.url}/ok", degraded_ms=5000)])

        df = asyncio.run(inside())
    assert df["outcome"].tolist() == ["up"]


def test_unresolvable_host_resolves_locally_without_sending_packets():
    """The ``dns`` fault must not send a query to the (non-loopback) DNS server: check with strace."""
    import shutil

    strace = shutil.which("strace")
    if strace is None:  # the guarantee comes from glibc; strace only lets us watch it
        if os.environ.get("CI") == "true":
            pytest.fail("strace is missing in CI (.ci/run installs it)")
        pytest.skip("strace not installed")
    code = (
        "from occ_lib.probe import run_probes\n"
        "from occ_lib.targets import Target\n"
        f"df = run_probes([Target(name='dns', url='http://{UNRESOLVABLE_HOST}/')])\n"
        "print(df['error'].iloc[0], df['error_message'].iloc[0])\n"
    )
    out = subprocess.run(
        [strace, "-f", "-e", "trace=connect,sendto,sendmsg,sendmmsg", sys.executable, "-c", code],
        capture_output=True, text=True, timeout=120,
    )
    if "ptrace" in out.stderr and out.returncode != 0:
        pytest.skip("ptrace is not permitted here")
    assert out.stdout == "dns cannot resolve host: Name or service not known\n"
    inet = [line for line in out.stderr.splitlines() if "AF_INET" in line]
    assert inet == []


@pytest.mark.parametrize("workers", [1, 2])
def test_concurrency_bounds_the_probes_in_flight_in_one_process_and_across_workers(workers):
    # 20 slots in one process, or two forked workers of 10 slots each: together they must fill,
    # and never pass, the bound; rows keep the order of the targets.
    state = {"now": 0, "max": 0}
    lock = threading.Lock()

    class Slow(BaseHTTPRequestHandler):
        def do_HEAD(self) -> None:
            with lock:
                state["now"] += 1
                state["max"] = max(state["max"], state["now"])
            time.sleep(0.5)
            with lock:
                state["now"] -= 1
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    class Server(ThreadingHTTPServer):
        request_queue_size = 128
        daemon_threads = True

    srv = Server(("127.0.0.1", 0), Slow)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        with ps.without_proxies():
            url = f"http://127.0.0.1:{srv.server_address[1]}/"
            targets = [Target(name=f"t{i}", url=url, degraded_ms=10_000) for i in range(40)]
            df = run_probes(targets, concurrency=20, workers=workers)
    finally:
        srv.shutdown()
        srv.server_close()
    assert (len(df), set(df["outcome"]), state["max"]) == (40, {"up"}, 20)
    assert list(df["target"]) == [t.name for t in targets]
    assert df["run_id"].nunique() == 1


def _gate_server(gate: threading.Event, held: list[bool]) -> ThreadingHTTPServer:
    """A server whose ``/gated`` requests wait (10 s at most) for ``gate``; ``held`` records each wait."""
    return ps.head_server(lambda path: held.append(gate.wait(10)) if path == "/gated" else None)


def test_forked_workers_report_each_probe_as_it_ends():
    # the progress bar must move while forked workers probe: the server holds every /gated request
    # until the parent's progress callback has seen both /free probes end (10 s at most)
    released, held, seen = threading.Event(), [], []

    def progress(r: dict) -> None:
        seen.append(r)
        if len(seen) >= 2:
            released.set()

    srv = _gate_server(released, held)
    try:
        with ps.without_proxies():
            base = f"http://127.0.0.1:{srv.server_address[1]}"
            # dealt round-robin: each of the two workers probes one /free, then one /gated
            targets = [Target(name=f"t{i}", url=f"{base}/{p}", degraded_ms=20_000)
                       for i, p in enumerate(["free", "free", "gated", "gated"])]
            df = run_probes(targets, concurrency=2, workers=2, progress=progress)
    finally:
        srv.shutdown()
        srv.server_close()
    assert held == [True, True]
    assert seen == [{"outcome": "up"}] * 4
    assert list(df["outcome"]) == ["up"] * 4



def test_meanwhile_runs_on_a_parent_thread_while_forked_workers_probe_and_never_in_one_process():
    # one worker's probe ends at once, the other's is held until `meanwhile` has run: it must run
    # during the run (from the first outcome on), in the parent, off its main thread; a one-process
    # run never calls it
    gate, held, calls = threading.Event(), [], []

    def meanwhile() -> None:
        calls.append((os.getpid(), threading.current_thread() is threading.main_thread()))
        gate.set()

    srv = _gate_server(gate, held)
    try:
        with ps.without_proxies():
            base = f"http://127.0.0.1:{srv.server_address[1]}"
            gated = [Target(name=f"g{i}", url=f"{base}/{p}", degraded_ms=20_000)
                     for i, p in enumerate(["free", "gated"])]
            forked = probe_runs(gated, concurrency=2, workers=2, meanwhile=meanwhile)
            free = [Target(name=f"f{i}", url=f"{base}/free", degraded_ms=20_000) for i in range(2)]
            alone = probe_runs(free, concurrency=2, workers=1, meanwhile=meanwhile)
    finally:
        srv.shutdown()
        srv.server_close()
    assert (calls, held) == ([(os.getpid(), False)], [True])
    assert [r["outcome"] for r in forked + alone] == ["up"] * 4


def test_a_ca_bundle_is_loaded_only_for_https_and_before_workers_fork():
    # loading one costs ~50 ms of CPU: a run of http targets never does; a forked run of https
    # targets loads it once in the parent, which the workers inherit
    probe_module._ssl_context.cache_clear()
    with ps.without_proxies(), http_server() as srv:
        run_probes([_Target(name="plain", url=f"{srv.url}/ok")])
        assert probe_module._ssl_context.cache_info().currsize == 0
        with ps.self_signed_tls_server() as port:
            tls = [_Target(name=f"t{i}", url=f"https://127.0.0.1:{port}/") for i in range(2)]
            df = run_probes(tls, concurrency=2, workers=2)
    assert probe_module._ssl_context.cache_info().currsize == 1
    assert list(df["error"]) == ["tls", "tls"]


def test_a_header_left_empty_by_its_variable_is_not_sent(monkeypatch):
    # '${TOKEN:-}' means "no token": 'Bearer ' alone is no header value HTTP accepts (h11 refuses it)
    from occ_lib.config import validate_section
    from occ_lib.targets import ProbesConfig

    monkeypatch.delenv("OCC_TEST_NO_TOKEN", raising=False)
    monkeypatch.setenv("OCC_TEST_EMPTY_TOKEN", "")
    with http_server() as srv:
        cfg = validate_section(ProbesConfig, {
            "defaults": {"headers": {"X-Team": "ops", "X-Default-Auth": "Token secret-default"}},
            "targets": [{"name": "live", "url": f"{srv.url}/headers", "method": "GET", "degraded_ms": 5000,
                         "headers": {"Authorization": "Bearer ${OCC_TEST_NO_TOKEN:-}",
                                     "X-Default-Auth": "Token ${OCC_TEST_EMPTY_TOKEN}",
                                     "X-Empty": "${OCC_TEST_NO_TOKEN:-}",
                                     "X-Kept": "Bearer-ish ${OCC_TEST_NO_TOKEN:-}"}}],
        }, Path("occ.yml"), "probes")
        df = run_probes(cfg.targets)
    r = df.iloc[0]
    assert (r.outcome, r.status) == ("up", 200)
    assert pd.isna(r.error)
    assert [(m, p) for m, p, _h in srv.seen] == [("GET", "/headers")]
    sent = {k.lower() for k in srv.seen[0][2]} - {"host", "accept", "accept-encoding", "connection",
                                                  "user-agent"}
    assert sent == {"x-team", "x-kept"}
