"""Round 23 (CONNECT): a probe's connect that finishes within ``connect()`` waits on no event loop;
no probe offers a response's cookies to a store (there is none to keep them).

A loopback or nearby peer often completes the handshake before the non-blocking ``connect()``
returns. Leaving it to ``loop.sock_connect`` cost each probe two turns of the event loop, each one
behind every other probe's work of that turn: with 100 probes in flight their connects waited 6-12 ms
on the loop on average, that much of their ``connect_ms`` and ``elapsed_ms`` was the loop's, and the
whole run was that much slower (``bench/probe.py``). ``_netio._connected_at_once`` asks the socket
itself (``poll`` with no wait) and leaves to the loop only a connect still in progress.

httpx wrapped every response and its request in ``urllib`` objects to offer its cookies to the
client's jar, which refused them (~7% of a local probe's CPU); the probe client now has cookies that
are not offered anything. A server's ``Set-Cookie`` still never comes back in a later request.
"""

from __future__ import annotations

import asyncio
import errno
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from occ_lib import _netio
from occ_lib.probe import run_probes
from occ_lib.targets import Target

try:
    from tests import probe_servers as ps
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    import probe_servers as ps  # type: ignore[no-redef]

pytestmark = pytest.mark.usefixtures("loopback_only")  # (probe traffic stays on 127.0.0.1)


@pytest.fixture()
def loop_connects(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple]]:
    """The addresses handed to the event loop's ``sock_connect`` while the test runs."""
    seen: list[tuple] = []
    real = asyncio.selector_events.BaseSelectorEventLoop.sock_connect

    async def counted(self, sock, address):  # type: ignore[no-untyped-def]
        seen.append(address)
        return await real(self, sock, address)

    monkeypatch.setattr(asyncio.selector_events.BaseSelectorEventLoop, "sock_connect", counted)
    yield seen


def _listener() -> socket.socket:
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.bind((ps.LOOPBACK, 0))
    lsock.listen(8)
    return lsock


def test_a_finished_connect_is_connected_at_once() -> None:
    with _listener() as lsock:
        addr = lsock.getsockname()
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.setblocking(False)
            assert _netio._connected_at_once(sock, addr) is True
            assert sock.getpeername() == addr
            peer, _ = lsock.accept()
            with peer:
                assert peer.getpeername() == sock.getsockname()


def test_a_refused_connect_raises_as_the_loop_would() -> None:
    port = ps.closed_port()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setblocking(False)
        with pytest.raises(OSError) as caught:
            _netio._connected_at_once(sock, (ps.LOOPBACK, port))
    assert caught.value.errno == errno.ECONNREFUSED


def test_a_connect_still_in_progress_is_left_to_the_loop() -> None:
    with ps.full_backlog_port() as port, socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setblocking(False)
        assert _netio._connected_at_once(sock, (ps.LOOPBACK, port)) is False
        with pytest.raises(OSError):
            sock.getpeername()  # (not connected: the SYN waits in the full queue)


def test_loopback_probes_never_wait_on_the_loop_to_connect(loop_connects: list[tuple]) -> None:
    with ps.http_server() as srv:
        targets = [Target(name=f"t{i}", url=f"{srv.url}/ok") for i in range(5)]
        df = run_probes(targets, concurrency=5, workers=1)
    assert df["outcome"].tolist() == ["up"] * 5
    assert df["status"].tolist() == [200] * 5
    assert loop_connects == []


def test_a_connect_in_progress_still_times_out_through_the_loop(loop_connects: list[tuple]) -> None:
    with ps.full_backlog_port() as port:
        df = run_probes([Target(name="slow", url=f"http://{ps.LOOPBACK}:{port}/", timeout_s=0.5)], workers=1)
    r = df.iloc[0]
    assert (r.outcome, r.error, r.error_message) == ("down", "timeout", "timed out after 0.5s connecting")
    assert loop_connects == [(ps.LOOPBACK, port)]


def test_a_refused_probe_keeps_its_message_and_no_connect_time(loop_connects: list[tuple]) -> None:
    port = ps.closed_port()
    df = run_probes([Target(name="refused", url=f"http://{ps.LOOPBACK}:{port}/")], workers=1)
    r = df.iloc[0]
    assert (r.outcome, r.error, r.error_message) == ("down", "connect", "cannot connect: Connection refused")
    assert r.connect_ms != r.connect_ms  # (NaN: no connection was made)
    assert loop_connects == []


class _CookieHandler(BaseHTTPRequestHandler):
    """Sets a cookie on every answer (a redirect first, for ``/hop``) and records the Cookie header
    each request came with."""

    seen: list[tuple[str, str | None]] = []

    def do_HEAD(self) -> None:
        self.seen.append((self.path, self.headers.get("Cookie")))
        self.send_response(302 if self.path == "/hop" else 200)
        self.send_header("Set-Cookie", f"sid=s{len(self.seen)}; Path=/")
        if self.path == "/hop":
            self.send_header("Location", "/landed")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return None


def test_no_probe_sends_a_cookie_a_server_set() -> None:
    _CookieHandler.seen = []
    srv = ThreadingHTTPServer((ps.LOOPBACK, 0), _CookieHandler)
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        url = f"http://{ps.LOOPBACK}:{srv.server_address[1]}"
        targets = [
            Target(name="a", url=f"{url}/a"),
            Target(name="hop", url=f"{url}/hop", follow_redirects=True),
            Target(name="b", url=f"{url}/b"),
        ]
        df = run_probes(targets, concurrency=1, workers=1)
    finally:
        srv.shutdown()
        srv.server_close()
    assert df["status"].tolist() == [200, 200, 200]
    assert _CookieHandler.seen == [("/a", None), ("/hop", None), ("/landed", None), ("/b", None)]


def test_a_probe_schedules_one_timer_its_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """The probe's budget bounds its connect, write and reads: no timer of their own (three more
    heap entries per probe, each cancelled and left for the loop to sweep)."""
    timers: list[float] = []
    real = asyncio.base_events.BaseEventLoop.call_at

    def counted(self, when, callback, *args, context=None):  # type: ignore[no-untyped-def]
        timers.append(when)
        return real(self, when, callback, *args, context=context)

    monkeypatch.setattr(asyncio.base_events.BaseEventLoop, "call_at", counted)
    with ps.http_server() as srv:
        targets = [Target(name=f"t{i}", url=f"{srv.url}/ok", method="GET") for i in range(3)]
        df = run_probes(targets, concurrency=1, workers=1)
    assert df["outcome"].tolist() == ["up"] * 3
    assert df["bytes"].tolist() == [len(b"hello from occ-test\n")] * 3
    assert len(timers) == 3
