"""Round 7, fixer fP: ``occ probe`` against misbehaving servers (test-drive td68), on 127.0.0.1 only.

- A followed redirect's body is never read nor decoded (occ follows redirects itself): a 300 MiB,
  endless, gzip-bomb or falsely gzip-encoded 3xx body costs nothing and fails nothing; not following,
  the 3xx is the answer and its body is read raw up to BODY_CAP as before; ``max_redirects``, the
  headers kept across hops (same origin) and dropped (cross origin) are as when httpx followed.
- SIGTERM of ``occ probe`` ends a forked run as Ctrl-C does (exit 143, what was stored said), and
  a worker ends when its parent dies, even by SIGKILL (``prctl(PR_SET_PDEATHSIG)``).
- A server that closes before a whole response head is described by what it sent: nothing, part of
  a head (its size), an interim 1xx alone, or not HTTP (a short excerpt of its first line, never a
  secret in part); a head over 100 KiB says so.
- A secret echoed back in another letter case (a lower-cased bearer token, a lower-cased base64 of
  URL userinfo) is blanked in the kept headers and in messages: the stored Parquet holds none.
- ``HTTP_PROXY``/``HTTPS_PROXY``/``ALL_PROXY`` (and ``NO_PROXY``) from the environment are honoured,
  as ``_netio``'s docstring says; a proxy URL httpx cannot use is a one-line error, redacted.
- ``dns_ms`` is kept when the name resolved but the connect then failed or timed out.
"""

from __future__ import annotations

import contextlib
import ctypes  # noqa: F401 - loaded before the test's fork (no import lock in the child)
import functools
import gzip
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from occ_lib.cli import main
from occ_lib.errors import ProbeError
from occ_lib.probe import BODY_CAP, _blank_forms, probe_runs, run_probes
from occ_lib.store import load_probes
from occ_lib.targets import Target

try:
    from tests import probe_servers as ps
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    import probe_servers as ps  # type: ignore[no-redef]

LO = "127.0.0.1"


pytestmark = pytest.mark.usefixtures("loopback_only")  # (probe traffic stays on 127.0.0.1)


def _path(head: bytes) -> bytes:
    return head.split(b" ", 2)[1] if head.count(b" ") >= 2 else b""


# --------------------------------------------------------------------------- 1. redirect bodies

_BOMB = gzip.compress(b"\0" * (64 << 20))  # 64 KiB of gzip that inflates to 64 MiB


@contextlib.contextmanager
def _redirects() -> Iterator[tuple[int, list[int]]]:
    """``/big``: a 302 declaring 300 MiB and sending until the client goes; ``/endless``: a chunked
    302 body that never ends; ``/bomb``: a gzip bomb; ``/badgz``: 'gzip' that is not; ``/ok``: 200
    'ok'. Yields the port and, per ``/big`` or ``/endless`` connection, the bytes of body it sent."""
    sent: list[int] = []

    def on_conn(conn: socket.socket, stop: threading.Event) -> None:
        path = _path(ps._read_request(conn, stop))
        n = 0
        try:
            if path in (b"/big", b"/endless"):
                size = b"Content-Length: 314572800" if path == b"/big" else b"Transfer-Encoding: chunked"
                head = size + b"\r\n"
                conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: /ok\r\n" + head + b"\r\n")
                chunk = b"r" * 65536 if path == b"/big" else b"10000\r\n" + b"r" * 65536 + b"\r\n"
                while not stop.is_set() and n < 314572800:
                    conn.sendall(chunk)
                    n += 65536
            elif path == b"/bomb":
                conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: /ok\r\nContent-Encoding: gzip\r\n"
                             b"Content-Length: %d\r\n\r\n" % len(_BOMB) + _BOMB)
            elif path == b"/badgz":
                conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: /ok\r\nContent-Encoding: gzip\r\n"
                             b"Content-Length: 9\r\n\r\nnot gzip!")
            else:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        except OSError:
            pass
        finally:
            if path in (b"/big", b"/endless"):
                sent.append(n)
            conn.close()

    with ps._tcp_server(on_conn) as port:
        yield port, sent


def test_a_followed_redirects_body_is_neither_read_nor_decoded_as_the_test_driver_found():
    """td68 finding 1: big302 (was degraded, 657 MB), bomb302 (degraded, 465 MB), badgz302 (down,
    'DecodingError'), and an endless chunked 302 (was a timeout): all up, status 200, bytes 2."""
    with _redirects() as (port, sent):
        target = functools.partial(
            Target, method="GET", timeout_s=20, follow_redirects=True, degraded_ms=5000)
        names = ["big", "endless", "bomb", "badgz"]
        df = run_probes([target(name=n, url=f"http://{LO}:{port}/{n}") for n in names]).set_index("target")
        assert df["outcome"].tolist() == ["up"] * 4
        assert df["status"].tolist() == [200] * 4 and df["bytes"].tolist() == [2] * 4
        assert df["error"].isna().all() and df["error_message"].isna().all()
        assert df.loc["big", "elapsed_ms"] < 5000 and df.loc["endless", "elapsed_ms"] < 5000
        time.sleep(0.3)
    # the server could send only what the sockets' buffers held before the client closed, never 300 MiB
    assert len(sent) == 2 and max(sent) < 64 << 20


def test_not_following_the_3xx_is_the_answer_and_its_body_is_read_raw_up_to_the_cap():
    """(near miss: the rule is about followed redirects only)"""
    with _redirects() as (port, _sent):
        target = functools.partial(Target, method="GET", timeout_s=20, degraded_ms=5000)
        df = run_probes([
            target(name="big", url=f"http://{LO}:{port}/big"),
            target(name="bomb", url=f"http://{LO}:{port}/bomb"),
            target(name="badgz", url=f"http://{LO}:{port}/badgz"),
            target(name="bomb-302-expected", url=f"http://{LO}:{port}/bomb", expect=[302]),
        ]).set_index("target")
    assert df["status"].tolist() == [302, 302, 302, 302]
    assert df["bytes"].tolist() == [BODY_CAP, len(_BOMB), 9, len(_BOMB)]
    assert df["outcome"].tolist() == ["down", "down", "down", "up"]
    assert df.loc["badgz", "error_message"] == "HTTP 302 not in expected 2xx"


@contextlib.contextmanager
def _chain(hops: int) -> Iterator[tuple[int, list[tuple[bytes, bool]]]]:
    """``/h/N`` redirects to ``/h/N-1`` (with a 1 KB body), ``/h/0`` answers 200; every request is
    recorded as ``(path, whether it carried an Authorization header)``."""
    seen: list[tuple[bytes, bool]] = []

    def on_conn(conn: socket.socket, stop: threading.Event) -> None:
        head = ps._read_request(conn, stop)
        path = _path(head)
        seen.append((path, b"\r\nauthorization:" in head.lower()))
        n = int(path.rsplit(b"/", 1)[1] or 0) if path.startswith(b"/h/") else 0
        try:
            if n > 0:
                head = b"HTTP/1.1 302 Found\r\nLocation: /h/%d\r\nContent-Length: 1000\r\n\r\n" % (n - 1)
                conn.sendall(head + b"x" * 1000)
            else:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndone")
        except OSError:
            pass
        finally:
            conn.close()

    with ps._tcp_server(on_conn) as port:
        yield port, seen


def test_max_redirects_counts_the_hops_as_httpx_did():
    with _chain(3) as (port, seen):
        t = Target(name="c", url=f"http://{LO}:{port}/h/3", method="GET", follow_redirects=True, timeout_s=5)
        three = run_probes([t], max_redirects=3).iloc[0]
        n_three = len(seen)
        two = run_probes([t], max_redirects=2).iloc[0]
    assert (three.outcome, three.status, three.bytes, n_three) == ("up", 200, 4, 4)
    assert (two.outcome, two.error, two.error_message) == (
        "down", "too_many_redirects", "Exceeded maximum allowed redirects.")
    assert pd.isna(two.status)
    assert len(seen) == 4 + 3  # (the third redirect is not followed)


def test_credentials_go_with_a_same_origin_redirect_and_not_across_origins(monkeypatch):
    """As when httpx followed: the header (or the URL userinfo's Basic) on each same-origin hop, not
    to another origin."""
    monkeypatch.setenv("FP_TOKEN", "tok-fP-123")
    with _chain(1) as (port, seen), _chain(0) as (other, seen_other), \
            ps.raw_server(b"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:%d/h/0\r\n"
                          b"Content-Length: 0\r\n\r\n" % other) as away:
        target = functools.partial(Target, method="GET", follow_redirects=True, timeout_s=5)
        auth = {"Authorization": "Bearer ${FP_TOKEN}"}
        df = run_probes([
            target(name="header", url=f"http://{LO}:{port}/h/1", headers=auth),
            target(name="userinfo", url=f"http://ops:pw-fP-456@{LO}:{port}/h/1"),
            target(name="away", url=f"http://{LO}:{away}/", headers=auth),
        ], concurrency=1)
    assert df["outcome"].tolist() == ["up", "up", "up"]
    assert seen == [(b"/h/1", True), (b"/h/0", True), (b"/h/1", True), (b"/h/0", True)]
    assert seen_other == [(b"/h/0", False)]


# --------------------------------------------------------------------------- 3. what a closing server sent


@pytest.fixture(scope="module")
def closers() -> Iterator[pd.DataFrame]:
    replies = {
        "ssh": b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n",
        "mid-headers": b"HTTP/1.1 200 OK\r\nServer: mid\r\nConnection: cl",
        "http09": b"<html>hello</html>\n",
        "continue-alone": b"HTTP/1.1 100 Continue\r\n\r\n",
        "nothing": b"",
        "http-prefix": b"HTT",
        "long-line": b"ERROR " + b"word " * 20 + b"\r\n",
        "one-long-word": b"Z" * 100,
        "control-chars": b"bin\x01\x7f tail",  # (no line end: a leading control is h11's own error)
        "echoed-secret": b"denied KEYsecretFP9\r\n",
        "echoed-lower": b"denied keysecretfp9\r\n",
        "secret-past-the-cut": b"denied for this request, because the key is wrong: KEYsecretFP9\r\n",
        "big-head": b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n",
        "illegal-line": b"SSH-2.0-OpenSSH_9.6\r\n\r\n",
    }
    os.environ["FP_KEY"] = "KEYsecretFP9"
    try:
        with contextlib.ExitStack() as stack:
            key = {"X-Api-Key": "${FP_KEY}"}
            ports = {n: stack.enter_context(ps.raw_server(r)) for n, r in replies.items()}
            df = run_probes([
                Target(name=n, url=f"http://{LO}:{p}/", method="GET", timeout_s=3, headers=key)
                for n, p in ports.items()
            ])
    finally:
        del os.environ["FP_KEY"]
    yield df.set_index("target")


@pytest.mark.parametrize(("name", "message"), [
    ("ssh", "not an HTTP response: 'SSH-2.0-OpenSSH_9.2p1 Debian-2' (32 bytes received)"),
    ("mid-headers", "server closed the connection in the middle of the response headers (44 bytes received)"),
    ("http09", "not an HTTP response: '<html>hello</html>' (19 bytes received)"),
    ("continue-alone", "server closed the connection after an interim HTTP 100 response, with no final one"),
    ("http-prefix", "server closed the connection in the middle of the response headers (3 bytes received)"),
    # a line over 60 characters: cut before its last partial word
    ("long-line", "not an HTTP response: 'ERROR word word word word word word word word word word ...' "
                  "(108 bytes received)"),
    ("one-long-word", "not an HTTP response (100 bytes received)"),
    ("control-chars", "not an HTTP response: 'bin?? tail' (10 bytes received)"),
    ("echoed-secret", "not an HTTP response: 'denied ***' (21 bytes received)"),
    ("echoed-lower", "not an HTTP response: 'denied ***' (21 bytes received)"),
    ("secret-past-the-cut", "not an HTTP response: 'denied for this request, because the key is wrong: ...' "
                            "(65 bytes received)"),
    # near misses: nothing came (httpcore's words), and a whole head that is not HTTP (h11's words)
    ("nothing", "Server disconnected without sending a response."),
    ("illegal-line", "illegal status line: bytearray(b'SSH-2.0-OpenSSH_9.6')"),
    ("big-head", "response headers over 100 KiB (Receive buffer too long)"),
])
def test_a_server_that_closes_early_is_described_by_what_it_sent(closers, name, message):
    row = closers.loc[name]
    assert (row.outcome, row.error) == ("down", "protocol")
    assert row.error_message == f"RemoteProtocolError: {message}"
    assert pd.isna(row.status)


# --------------------------------------------------------------------------- 4. secrets in another case


def test_blank_forms_ignores_case_and_only_for_whole_forms():
    forms = ["TOKsecretabc123", "YWRtaW46UEFTU1dPUkRYWVo="]
    assert _blank_forms("bearer toksecretabc123 / TOKSECRETABC123", forms) == "bearer *** / ***"
    assert _blank_forms("basic ywrtaw46ueftu1dpukrywvo=", forms) == "basic ***"
    assert _blank_forms("Bearer TOKsecretabc123", forms) == "Bearer ***"
    # near misses: a part of a form, or the form with a character changed, stays as it is
    assert _blank_forms("toksecretabc12 toksecret-abc123", forms) == "toksecretabc12 toksecret-abc123"
    assert _blank_forms("rid-42", forms) == "rid-42"
    assert _blank_forms("a.b*c (a+b) A.B*C", ["a.b*c"]) == "*** (a+b) ***"  # (no regex meaning)


def _echo_case_reply(head: bytes) -> bytes:
    """td68's srv.py 'echohdr': X-Request-Id has the Authorization and X-Api-Key values lower-cased,
    Server has them verbatim, Via the X-Api-Key upper-cased."""
    values = {}
    for line in head.decode("latin-1").split("\r\n")[1:]:
        name, _, value = line.partition(":")
        values[name.strip().lower()] = value.strip()
    auth, key = values.get("authorization", ""), values.get("x-api-key", "")
    return (f"HTTP/1.1 200 OK\r\nServer: echo {auth} {key}\r\nX-Request-Id: {auth.lower()} {key.lower()}\r\n"
            f"Via: 1.1 gw ({key.upper()})\r\nContent-Length: 0\r\n\r\n").encode("latin-1")


@contextlib.contextmanager
def _echo_case_server() -> Iterator[int]:
    def on_conn(conn: socket.socket, stop: threading.Event) -> None:
        try:
            conn.sendall(_echo_case_reply(ps._read_request(conn, stop)))
        finally:
            conn.close()

    with ps._tcp_server(on_conn) as port:
        yield port


def _occ() -> str:
    return shutil.which("occ", path=str(Path(sys.executable).parent)) or "occ"


def test_case_changed_echoes_never_reach_the_store_as_the_test_driver_found(tmp_path, monkeypatch, capsys):
    """td68 finding 4: ``h_request_id=bearer toksecretabc123 keysecretzz9`` and ``basic
    ywrtaw46ueftu1dpukrywvo=`` were stored; the Parquet bytes and every stored value are searched."""
    monkeypatch.setenv("TD_TOKEN", "TOKSECRETabc123")
    monkeypatch.setenv("TD_KEY", "KEYSECRETzz9")
    with _echo_case_server() as port:
        cfg = tmp_path / "occ.yml"
        cfg.write_text(
            "store: data/\nprobes:\n  defaults: {timeout_s: 5, degraded_ms: 5000}\n  targets:\n"
            f"    - {{name: echohdr, url: 'http://{LO}:{port}/',\n"
            "       headers: {Authorization: 'Bearer ${TD_TOKEN}', X-Api-Key: '${TD_KEY}'}}\n"
            f"    - {{name: userinfo, url: 'http://admin:PASSWORDXYZ@{LO}:{port}/'}}\n", encoding="utf-8")
        with pytest.raises(SystemExit) as info:
            main(["probe", "--config", str(cfg), "--format", "csv"])
    out, err = capsys.readouterr()
    assert info.value.code == 0
    df = load_probes(tmp_path / "data").set_index("target")
    assert df.loc["echohdr", ["h_server", "h_request_id", "h_via"]].tolist() == [
        "echo *** ***", "*** ***", "1.1 gw (***)"]  # (the whole 'Bearer <token>' is a form of its own)
    assert df.loc["userinfo", ["h_server", "h_request_id", "h_via"]].tolist() == [
        "echo Basic ***", "basic ***", "1.1 gw ()"]
    secrets = ["toksecretabc123", "keysecretzz9", "passwordxyz", "ywrtaw46ueftu1dpukrywvo="]
    files = list((tmp_path / "data").rglob("*.parquet"))
    assert files
    for f in files:
        raw = f.read_bytes().lower()
        text = pq.read_table(f).to_pandas().astype(str).to_csv().lower()
        assert [s for s in secrets if s.encode() in raw or s in text] == []
    assert [s for s in secrets if s in (out + err).lower()] == []


# --------------------------------------------------------------------------- 5. proxies from the environment


@contextlib.contextmanager
def _proxy() -> Iterator[tuple[int, list[bytes]]]:
    """td68's proxy.py: answers every request '200, Server: via-proxy'; records the request lines."""
    lines: list[bytes] = []

    def on_conn(conn: socket.socket, stop: threading.Event) -> None:
        try:
            lines.append(ps._read_request(conn, stop).split(b"\r\n", 1)[0])
            conn.sendall(b"HTTP/1.1 200 OK\r\nServer: via-proxy\r\nContent-Length: 2\r\n\r\nok")
        finally:
            conn.close()

    with ps._tcp_server(on_conn) as port:
        yield port, lines


_FAR = f"http://{ps.UNRESOLVABLE_HOST}/health"  # (a name that fails to resolve locally: no DNS query)


def test_an_http_proxy_from_the_environment_is_used_as_the_test_driver_expected(monkeypatch):
    with _proxy() as (pp, lines):
        monkeypatch.setenv("HTTP_PROXY", f"http://{LO}:{pp}")
        monkeypatch.setenv("http_proxy", f"http://{LO}:{pp}")
        row = run_probes([Target(name="ext", url=_FAR, timeout_s=3)]).iloc[0]
    assert (row.outcome, row.status, row.h_server, row.bytes) == ("up", 200, "via-proxy", 0)
    assert pd.isna(row.error) and pd.isna(row.dns_ms) and row.connect_ms > 0 and row.ttfb_ms > 0
    assert lines == [f"HEAD {_FAR} HTTP/1.1".encode()]


def test_proxies_in_a_forked_run_and_no_proxy_goes_direct(monkeypatch):
    with _proxy() as (pp, lines), ps.http_server() as srv:
        monkeypatch.setenv("ALL_PROXY", f"http://{LO}:{pp}")
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        targets = [Target(name=f"far{i}", url=f"{_FAR}?i={i}", method="GET", timeout_s=3) for i in range(3)]
        targets.append(Target(name="near", url=f"{srv.url}/ok", method="GET", timeout_s=3))
        rows = probe_runs(targets, workers=2, concurrency=4)
    by = {r["target"]: r for r in rows}
    assert [by[f"far{i}"]["h_server"] for i in range(3)] == ["via-proxy"] * 3
    near = by["near"]
    assert (near["h_server"].split()[0], near["outcome"], near["bytes"]) == ("occ-test/1.0", "up", 20)
    assert by["near"]["dns_ms"] is None and by["near"]["connect_ms"] > 0
    assert sorted(lines) == [f"GET {_FAR}?i={i} HTTP/1.1".encode() for i in range(3)]


def test_without_a_proxy_or_with_only_no_proxy_probes_go_direct(monkeypatch):
    """(near miss: nothing set, or NO_PROXY alone, is the direct probe of before)"""
    monkeypatch.setenv("NO_PROXY", "localhost")
    row = run_probes([Target(name="ext", url=_FAR, timeout_s=3)]).iloc[0]
    assert (row.outcome, row.error) == ("down", "dns")


@pytest.mark.parametrize(("value", "said"), [
    ("ftp://ops:pw-proxy-7@proxy.test:21", "ftp://***@proxy.test:21): not a usable proxy URL (ValueError; "),
    ("http://ops:pw-proxy-7@[::1", "http://***@[::1): not a usable proxy URL (InvalidURL; "),
])
def test_a_proxy_httpx_cannot_use_is_one_redacted_line(tmp_path, monkeypatch, capsys, value, said):
    monkeypatch.setenv("HTTP_PROXY", value)
    with pytest.raises(ProbeError) as info:
        run_probes([Target(name="ext", url=_FAR, timeout_s=3)], workers=2)
    assert str(info.value) == (
        f"proxy from the environment for http:// ({said}use http://, https:// or socks5://HOST:PORT)")
    cfg = tmp_path / "occ.yml"
    cfg.write_text(f"store: data/\nprobes:\n  targets:\n    - {{name: ext, url: '{_FAR}'}}\n")
    with pytest.raises(SystemExit) as exit_info:
        main(["probe", "--config", str(cfg)])
    out, err = capsys.readouterr()
    assert (exit_info.value.code, out) == (1, "")
    assert err == f"occ: error: {info.value}\n"
    assert "pw-proxy-7" not in err and not (tmp_path / "data" / "probes").exists()


# --------------------------------------------------------------------------- 6. dns_ms of a failed connect


def test_dns_ms_is_kept_when_the_name_resolved_but_the_connect_failed():
    with ps.full_backlog_port() as backlog:
        refused = ps.closed_port()
        df = run_probes([
            Target(name="loc-timeout", url=f"http://localhost:{backlog}/", timeout_s=1),
            Target(name="loc-refused", url=f"http://localhost:{refused}/", timeout_s=1),
            Target(name="ip-refused", url=f"http://{LO}:{refused}/", timeout_s=1),
            Target(name="unresolvable", url=f"http://{ps.UNRESOLVABLE_HOST}:{refused}/", timeout_s=1),
        ]).set_index("target")
    assert df["error"].tolist() == ["timeout", "connect", "connect", "dns"]
    assert df.loc["loc-timeout", "error_message"] == "timed out after 1s connecting"
    for name in ("loc-timeout", "loc-refused"):
        assert 0 < df.loc[name, "dns_ms"] < 1000, name
    # near misses: no lookup (an IP address), a lookup that failed; connect_ms stays null on failure
    assert df.loc[["ip-refused", "unresolvable"], "dns_ms"].isna().tolist() == [True, True]
    assert df["connect_ms"].isna().all()


# --------------------------------------------------------------------------- 2. SIGTERM and orphans


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # (a zombie is dead: only not reaped yet)


def _children(pid: int) -> list[int]:
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            with contextlib.suppress(OSError):
                if int((d / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(d.name))
    return out


def _forked_run(tmp_path: Path, port: int) -> tuple[subprocess.Popen[str], list[int]]:
    """``occ probe --workers 2`` on 4 targets that never answer (60 s timeout); returns the process
    once its 2 workers are probing, and their pids."""
    targets = "".join(f"    - {{name: t{i}, url: 'http://{LO}:{port}/{i}'}}\n" for i in range(4))
    cfg = tmp_path / "occ.yml"
    cfg.write_text(f"store: data/\nprobes:\n  defaults: {{timeout_s: 60}}\n  targets:\n{targets}")
    proc = subprocess.Popen(
        [_occ(), "probe", "--config", str(cfg), "--workers", "2", "--format", "csv"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        # (Ctrl-C as a terminal gives it, whatever pytest inherited: a test run started in the background
        # by a non-interactive shell, 'make test &', has SIGINT ignored, and the child would inherit that)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 30
    workers: list[int] = []
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        workers = _children(proc.pid)
    assert len(workers) == 2
    time.sleep(1.0)  # (the probes are in flight)
    return proc, workers


def _gone(pids: list[int], within: float = 10) -> list[int]:
    """The pids still alive after up to ``within`` seconds; those are killed (a failed test leaves no
    process behind), after they were counted."""
    deadline = time.monotonic() + within
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in pids if _alive(p)]
    for p in left:
        with contextlib.suppress(OSError):
            os.kill(p, signal.SIGKILL)
    return left


def test_sigterm_of_the_parent_ends_a_forked_run_like_ctrl_c(tmp_path):
    """td68 finding 2: ``kill -TERM PID`` left both workers running forever; now exit 143, one
    line saying what was stored, no worker left."""
    with ps.silent_server() as port:
        proc, workers = _forked_run(tmp_path, port)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
        assert (proc.returncode, out) == (143, "")
        assert err == ("occ: interrupted by SIGTERM: 0 of 1 run(s) stored; the probes of a run cut short "
                       "are not\n")
        assert _gone(workers) == []


def test_workers_end_when_their_parent_is_killed(tmp_path):
    """SIGKILL of the parent alone (nothing can be handled): the workers end by PR_SET_PDEATHSIG."""
    with ps.silent_server() as port:
        proc, workers = _forked_run(tmp_path, port)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        assert _gone(workers) == []


def test_ctrl_c_still_exits_130_with_its_own_words(tmp_path):
    """(near miss: SIGINT to the parent alone is Ctrl-C's 130, not SIGTERM's 143)"""
    with ps.silent_server() as port:
        proc, workers = _forked_run(tmp_path, port)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        assert (proc.returncode, out) == (130, "")
        assert err == "occ: interrupted: 0 of 1 run(s) stored; the probes of a run cut short are not\n"
        assert _gone(workers) == []


def test_sigterm_of_a_one_process_run_is_143_too(tmp_path):
    with ps.silent_server() as port:
        cfg = tmp_path / "occ.yml"
        cfg.write_text(f"store: data/\nprobes:\n  defaults: {{timeout_s: 60}}\n  targets:\n"
                       f"    - {{name: t, url: 'http://{LO}:{port}/'}}\n", encoding="utf-8")
        proc = subprocess.Popen([_occ(), "probe", "--config", str(cfg)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)
        time.sleep(3)  # (started and probing)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    assert (proc.returncode, out) == (143, "")
    assert err == "occ: interrupted by SIGTERM: 0 of 1 run(s) stored; the probes of a run cut short are not\n"


def test_a_forked_worker_ends_when_its_parent_dies():
    """The library's own rule (no CLI): a process that called ``_die_with_parent`` ends with it."""
    read, write = os.pipe()
    middle = os.fork()
    if middle == 0:  # the parent to be killed: forks the 'worker' and waits
        os.close(read)
        worker = os.fork()
        if worker == 0:
            from occ_lib.probe import _worker_init

            _worker_init(None, os.getppid())
            os.write(write, f"ready {os.getpid()}\n".encode())
            time.sleep(60)
            os._exit(0)
        time.sleep(60)
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as f:
        said, _, pid = f.readline().partition(" ")
    assert said == "ready"
    worker_pid = int(pid)
    os.kill(middle, signal.SIGKILL)
    os.waitpid(middle, 0)
    assert _gone([worker_pid]) == []
