"""Real servers on 127.0.0.1 for the probe tests (and for capturing real ``curl`` transcripts).

Every server binds an ephemeral port on 127.0.0.1, runs on daemon threads and is a context manager
that yields its base URL (or port). Nothing here talks to any other address.

- :func:`http_server`: a well-behaved HTTP/1.1 server with routes (see ``_Handler``);
- :func:`silent_server`: accepts connections and never answers (read timeout);
- :func:`reset_server`: sends headers and part of the body, then a TCP RST (``SO_LINGER 0``);
- :func:`raw_server`: answers every connection with fixed bytes and closes (not-HTTP, garbage TLS);
- :func:`full_backlog_port`: a listening socket whose accept queue is full (connect timeout);
- :func:`closed_port`: a port that was bound then released (connection refused).

``UNRESOLVABLE_HOST`` is a name that fails to resolve *locally*: a 64-character label is not a valid
DNS name, so glibc's resolver refuses to build a query and nothing is sent to any DNS server (checked
with ``strace -e trace=network``); a plain ``*.invalid`` name would be sent to the configured DNS
server, which is not on loopback.
"""

from __future__ import annotations

import contextlib
import os
import socket
import ssl
import struct
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

LOOPBACK = "127.0.0.1"
UNRESOLVABLE_HOST = "occ-test-" + "x" * 60 + ".invalid"
_PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


@contextlib.contextmanager
def without_proxies() -> Iterator[None]:
    """Unset proxy variables (httpx and curl honour them) so test traffic stays on 127.0.0.1."""
    saved = {k: os.environ.pop(k) for k in _PROXY_VARS if k in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


class _Handler(BaseHTTPRequestHandler):
    """Routes:

    ``/ok`` 200 with Server/Date/Via/X-Request-Id and a small body; ``/slow?ms=N`` the same after N ms;
    ``/status/NNN`` that status; ``/loop`` a redirect to itself (forever); ``/redirect`` -> ``/ok``;
    ``/endless`` 200 with an endless chunked body on GET (headers only on HEAD);
    ``/headers`` 200 echoing the request's header *names* (never values). Every request is recorded
    (method, path, headers) on ``server.seen``.
    """

    protocol_version = "HTTP/1.1"
    server_version = "occ-test/1.0"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base class name
        pass

    def do_HEAD(self) -> None:
        self._route(head=True)

    def do_GET(self) -> None:
        self._route(head=False)

    def _route(self, head: bool) -> None:
        self.server.seen.append((self.command, self.path, dict(self.headers)))  # type: ignore[attr-defined]
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        if path == "/ok":
            self._reply(200, b"hello from occ-test\n", head)
        elif path == "/slow":
            time.sleep(int(query.get("ms", ["0"])[0]) / 1000)
            self._reply(200, b"slow\n", head)
        elif path.startswith("/status/"):
            self._reply(int(path.rsplit("/", 1)[1]), b"status\n", head)
        elif path == "/loop":
            self._reply(302, b"", head, location="/loop")
        elif path == "/redirect":
            self._reply(302, b"", head, location="/ok")
        elif path == "/endless":
            self._endless(head)
        elif path == "/headers":
            self._reply(200, "\n".join(sorted(self.headers.keys())).encode(), head)
        else:
            self._reply(404, b"not found\n", head)

    def _reply(self, status: int, body: bytes, head: bool, location: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Via", "1.1 occ-test-proxy")
        self.send_header("X-Request-Id", "req-12345")
        if location:
            self.send_header("Location", location)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _endless(self, head: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if head:
            self.wfile.write(b"0\r\n\r\n")
            return
        chunk = b"x" * 65536
        frame = b"%x\r\n" % len(chunk) + chunk + b"\r\n"
        sent = 0
        try:
            while sent < (8 << 30):  # "gigabytes": stops only when the client hangs up
                self.wfile.write(frame)
                sent += len(chunk)
        except OSError:
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(self) -> None:
        super().__init__((LOOPBACK, 0), _Handler)
        self.seen: list[tuple[str, str, dict[str, str]]] = []


@contextlib.contextmanager
def http_server() -> Iterator[_Server]:
    """A routed HTTP/1.1 server; ``srv.url`` is ``http://127.0.0.1:PORT``."""
    srv = _Server()
    srv.url = f"http://{LOOPBACK}:{srv.server_address[1]}"  # type: ignore[attr-defined]
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


def head_server(on_head: Callable[[str], object]) -> ThreadingHTTPServer:
    """A started server that answers each request ``200`` with no body once ``on_head(path)`` has
    returned: a test holds requests there (an event's wait) or records them. Shut it down when done."""

    class _Head(BaseHTTPRequestHandler):
        def do_HEAD(self) -> None:
            on_head(self.path)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    srv = ThreadingHTTPServer((LOOPBACK, 0), _Head)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


@contextlib.contextmanager
def _tcp_server(on_conn, backlog: int = 64) -> Iterator[int]:
    """Accept connections on a thread and hand each one to ``on_conn(sock)`` on its own thread."""
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind((LOOPBACK, 0))
    lsock.listen(backlog)
    lsock.settimeout(0.1)
    stop = threading.Event()
    conns: list[socket.socket] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = lsock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conns.append(conn)
            threading.Thread(target=on_conn, args=(conn, stop), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield lsock.getsockname()[1]
    finally:
        stop.set()
        thread.join(2)
        lsock.close()
        for c in conns:
            with contextlib.suppress(OSError):
                c.close()


def _read_request(conn: socket.socket, stop: threading.Event) -> bytes:
    conn.settimeout(0.2)
    data = b""
    while b"\r\n\r\n" not in data and not stop.is_set():
        try:
            chunk = conn.recv(65536)
        except TimeoutError:
            continue
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    return data


@contextlib.contextmanager
def silent_server() -> Iterator[int]:
    """Accepts, reads the request, never answers (until the test ends)."""

    def on_conn(conn: socket.socket, stop: threading.Event) -> None:
        _read_request(conn, stop)
        stop.wait()

    with _tcp_server(on_conn) as port:
        yield port


@contextlib.contextmanager
def reset_server(body_sent: int = 1000, body_declared: int = 100_000) -> Iterator[int]:
    """Sends a 200 with Content-Length ``body_declared``, ``body_sent`` bytes of it, then RST."""

    def on_conn(conn: socket.socket, stop: threading.Event) -> None:
        _read_request(conn, stop)
        head = (
            b"HTTP/1.1 200 OK\r\nServer: occ-reset\r\nContent-Type: text/plain\r\n"
            b"Content-Length: %d\r\n\r\n" % body_declared
        )
        try:
            conn.sendall(head + b"y" * body_sent)
            time.sleep(0.5)  # let the client read the headers and the partial body first
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        finally:
            conn.close()  # with SO_LINGER 0: an RST, not a FIN

    with _tcp_server(on_conn) as port:
        yield port


@contextlib.contextmanager
def raw_server(reply: bytes, read_first: bool = True) -> Iterator[int]:
    """Answers every connection with ``reply`` (bytes, maybe not HTTP at all) and closes it."""

    def on_conn(conn: socket.socket, stop: threading.Event) -> None:
        try:
            if read_first:
                conn.settimeout(1)
                with contextlib.suppress(OSError):
                    conn.recv(65536)
            conn.sendall(reply)
        except OSError:
            pass
        finally:
            conn.close()

    with _tcp_server(on_conn) as port:
        yield port


@contextlib.contextmanager
def self_signed_tls_server() -> Iterator[int]:
    """A TLS server with a self-signed certificate made by ``openssl`` (verification must fail)."""
    with tls_server() as (port, _cafile):
        yield port


@contextlib.contextmanager
def tls_server(reply: bytes | None = None) -> Iterator[tuple[int, str]]:
    """A TLS server on 127.0.0.1 with a self-signed certificate for ``IP:127.0.0.1``, made by
    ``openssl``; yields ``(port, cafile)``. A client that trusts ``cafile`` verifies it. With a
    ``reply``, each connection reads the request's head and gets ``reply``; else it is read once
    and closed."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
             "-addext", "subjectAltName=IP:127.0.0.1", "-days", "1",
             "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
            check=True, capture_output=True,
        )
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(folder / "cert.pem", folder / "key.pem")

        def on_conn(conn: socket.socket, stop: threading.Event) -> None:
            try:
                conn.settimeout(2)
                with ctx.wrap_socket(conn, server_side=True) as tls:
                    head = tls.recv(1024)
                    while reply is not None and b"\r\n\r\n" not in head:
                        head += tls.recv(1024)
                    if reply is not None:
                        tls.sendall(reply)
            except (OSError, ssl.SSLError):
                pass
            finally:
                conn.close()

        with _tcp_server(on_conn, backlog=16) as port:
            yield port, str(folder / "cert.pem")


@contextlib.contextmanager
def full_backlog_port() -> Iterator[int]:
    """A port that is listening but whose accept queue is full: new SYNs are dropped (connect hangs).

    ``listen(0)`` and nobody calls ``accept``; the loopback connections made here fill the queue.
    """
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.bind((LOOPBACK, 0))
    lsock.listen(0)
    port = lsock.getsockname()[1]
    fillers: list[socket.socket] = []
    try:
        for _ in range(8):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setblocking(False)
            with contextlib.suppress(BlockingIOError, OSError):
                s.connect((LOOPBACK, port))
            fillers.append(s)
        time.sleep(0.1)
        yield port
    finally:
        for s in fillers:
            s.close()
        lsock.close()


def closed_port() -> int:
    """A port on 127.0.0.1 that was just bound and released: connecting is refused."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((LOOPBACK, 0))
    port = s.getsockname()[1]
    s.close()
    return port
