"""The probe client's transport: one HTTP/1.1 exchange on one fresh asyncio connection, no pool.

A probe is one short request on a connection of its own (like ``curl -I``), so httpx's default
transport does work a probe never needs: httpcore's connection pool (its locks go through AnyIO
and sniffio, and it rescans every connection on each state change) and AnyIO's per-read cancel
scopes. That bookkeeping was over half of the client's CPU, and the client's CPU is what bounds how
many probes finish on time (``bench/probe.py``). :class:`ProbeTransport` is an
``httpx.AsyncBaseTransport`` that does the exchange directly: connect, read and write with the
loop's socket calls (:class:`_SocketStream`), or for ``https`` through an asyncio transport upgraded
with ``loop.start_tls`` (:class:`_Stream`), speak HTTP/1.1 through h11 (httpcore's
own protocol engine, used the way httpcore uses it), and close the connection when the response is
closed. ``httpx.AsyncClient`` still does everything above the transport: URLs, headers, redirects,
auth, timeouts per operation, streaming.

Phases are reported as httpcore reports them, through the request's ``trace`` extension, with
httpcore's event names: ``connection.connect_tcp`` (its ``return_value`` has ``dns_ms``, the timed
name lookup, None for an IP address; on ``.failed`` its ``exception`` has ``dns_ms`` when the name
resolved and the connect then failed), ``connection.start_tls``, ``http11.send_request_headers``,
``http11.send_request_body``, ``http11.receive_response_headers``, ``http11.response_closed``, each
``.started`` then ``.complete`` or ``.failed``; and ``http11.receive_response_body.failed`` alone, when a
body breaks (before its ``response_closed``).

Errors are httpx's, as its default transport maps httpcore's: connect and TLS failures are
``ConnectError`` (their timeouts ``ConnectTimeout``), then ``ReadError``/``ReadTimeout``,
``WriteError``/``WriteTimeout``, ``RemoteProtocolError`` (a reply that is not HTTP, or none), with
the original exception as their cause, so the probe's error classes (``dns``, ``connect``,
``tls``, ``timeout``, ``read``, ``protocol``) and messages come out the same. httpcore's one message
for a close before the response head, "Server disconnected without sending a response.", is kept
for a server that sent nothing; otherwise the message says what came (:func:`_closed_early`).

This transport never speaks to a proxy: ``occ_lib.probe`` mounts httpx's own transport for the
URLs a proxy from the environment serves (httpx mounts env proxies only when no ``transport=`` is
given, so the probe does it: ``probe._env_proxy_mounts``).
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import functools
import ipaddress
import re
import select
import socket
import ssl
import time
import typing
from collections.abc import AsyncIterator, Awaitable, Callable

import h11
import httpx

_poll = getattr(select, "poll", None)
_POLLOUT = getattr(select, "POLLOUT", 4)
_READ_BYTES = 64 * 1024  # per read, as httpcore
_MAX_EVENT = 100 * 1024  # largest status line + headers h11 buffers, as httpcore

Trace = Callable[[str, dict[str, typing.Any]], Awaitable[None]]


class _Protocol(asyncio.Protocol):
    """Buffers what arrives and wakes the one reader or writer waiting on the connection."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.eof = False
        self.lost: BaseException | None = None
        self.closed = False
        self.paused = False
        self._waiter: asyncio.Future[None] | None = None

    def _wake(self) -> None:
        w, self._waiter = self._waiter, None
        if w is not None and not w.done():
            w.set_result(None)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        self._wake()

    def eof_received(self) -> bool:
        self.eof = True
        self._wake()
        return False  # close our side too: a probe never writes after the response

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.lost = exc
        self._wake()

    def pause_writing(self) -> None:
        self.paused = True

    def resume_writing(self) -> None:
        self.paused = False
        self._wake()

    async def wait(self, timeout: float | None) -> None:
        """Until something happens on the connection; ``TimeoutError`` after ``timeout`` seconds."""
        loop = asyncio.get_running_loop()
        self._waiter = w = loop.create_future()
        if timeout is None:
            await w
            return
        handle = loop.call_later(timeout, _expire, w)
        try:
            await w
        finally:
            handle.cancel()


def _expire(w: asyncio.Future[None]) -> None:
    if not w.done():
        w.set_exception(TimeoutError())


class _Stream:
    """One connection: buffered reads and paced writes with timeouts, TLS upgrade, close."""

    def __init__(
        self, transport: asyncio.Transport, protocol: _Protocol, dns_ms: float | None = None
    ) -> None:
        self._transport = transport
        self._protocol = protocol
        self.dns_ms = dns_ms  # the name lookup's duration, None when there was none

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        p = self._protocol
        while not p.buffer:
            if p.eof or p.closed:
                if p.lost is not None:
                    raise httpx.ReadError(str(p.lost)) from p.lost
                return b""
            try:
                await p.wait(timeout)
            except TimeoutError as exc:
                raise httpx.ReadTimeout("") from exc
        data = bytes(p.buffer[:max_bytes])
        del p.buffer[:max_bytes]
        return data

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        p = self._protocol
        if p.closed or self._transport.is_closing():
            raise httpx.WriteError("connection closed") from p.lost
        self._transport.write(buffer)
        while p.paused and not p.closed:
            try:
                await p.wait(timeout)
            except TimeoutError as exc:
                raise httpx.WriteTimeout("") from exc
        if p.closed and p.lost is not None:
            raise httpx.WriteError(str(p.lost)) from p.lost

    def close(self) -> None:
        self._transport.close()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None, timeout: float | None
    ) -> _Stream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                tls = await loop.start_tls(
                    self._transport, self._protocol, ssl_context, server_hostname=server_hostname
                )
        except TimeoutError as exc:
            self._transport.abort()
            raise httpx.ConnectTimeout("") from exc
        except (OSError, ssl.SSLError, EOFError) as exc:
            self._transport.abort()
            raise httpx.ConnectError(str(exc)) from exc
        if tls is None:  # the peer closed during the handshake
            raise httpx.ConnectError("connection closed during the TLS handshake")
        return _Stream(typing.cast(asyncio.Transport, tls), self._protocol, self.dns_ms)


async def _resolve(
    loop: asyncio.AbstractEventLoop, host: str, port: int
) -> tuple[float | None, list[tuple[int, tuple[typing.Any, ...]]]]:
    """``(dns_ms, [(family, sockaddr), ...])``; no lookup (and ``None`` ms) for an IP literal.

    The name goes to ``getaddrinfo`` as bytes: httpx has already IDNA-encoded it, and Python's
    ``idna`` codec would refuse some names (labels over 63 characters) before the resolver could
    say they do not exist.
    """
    literal = _ip_literal(host)
    if literal is not None:
        return None, [(literal[0], (literal[1], port))]
    t0 = time.perf_counter()
    name = host.encode("ascii") if host.isascii() else host
    infos = await loop.getaddrinfo(name, port, type=socket.SOCK_STREAM)
    dns_ms = (time.perf_counter() - t0) * 1000
    return dns_ms, [(family, addr) for family, _, _, _, addr in infos]


@functools.lru_cache(maxsize=1024)
def _ip_literal(host: str) -> tuple[int, str] | None:
    """``(family, address)`` of a host written as an IP address (``[::1]`` too), else None;
    remembered, as every probe of a run asks it of its host again."""
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
    return (socket.AF_INET6 if ip.version == 6 else socket.AF_INET), str(ip)


async def _connect_first(
    loop: asyncio.AbstractEventLoop, addrs: list[tuple[int, tuple[typing.Any, ...]]]
) -> socket.socket:
    """A socket connected to the first address that accepts, tried in the resolver's order."""
    errors: list[OSError] = []
    for family, addr in addrs:
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setblocking(False)
            if not _connected_at_once(sock, addr):
                await loop.sock_connect(sock, addr)
            return sock
        except OSError as exc:
            sock.close()
            errors.append(exc)
        except BaseException:
            sock.close()
            raise
    if len(errors) == 1:
        raise errors[0]
    raise OSError(f"all connection attempts failed: {'; '.join(map(str, errors))}") from (
        errors[0] if errors else None
    )


_UNLIMITED = contextlib.nullcontext()


def _limit(timeout: float | None) -> typing.AsyncContextManager[object]:
    """``asyncio.timeout(timeout)``, or for None no timer at all: a probe bounds its whole exchange
    with one budget of its own and gives its operations none (each timer costs its probe a heap push
    and a cancelled entry left for the loop to sweep)."""
    return _UNLIMITED if timeout is None else asyncio.timeout(timeout)


def _connected_at_once(sock: socket.socket, addr: tuple[typing.Any, ...]) -> bool:
    """Connect ``sock`` without waiting on the event loop when the peer answers within the call
    (a loopback or nearby host often has by the time ``connect()`` returns): True when connected.

    False leaves the connect to ``loop.sock_connect`` (it is still in progress, or there is no
    ``poll``); a refusal is raised here as it would be there. Waiting for the loop's word that a
    finished connect is writable costs a probe two turns of the loop, each behind every other
    probe's work of that turn."""
    if _poll is None:
        return False
    try:
        sock.connect(addr)
        return True
    except (BlockingIOError, InterruptedError):
        pass
    watch = _poll()
    watch.register(sock, _POLLOUT)
    if not watch.poll(0):
        return False
    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if err:
        raise OSError(err, f"Connect call failed {addr}")
    return True


class _SocketStream:
    """A plain connection read and written with the loop's socket calls, with no asyncio transport.

    A probe reads one response and closes: a transport and its protocol callbacks cost a plain
    ``http`` probe two more turns of the event loop (each one behind every other probe's work of
    that turn) and about a tenth of its CPU. An ``https`` probe gets its transport when it starts
    TLS (:meth:`start_tls`), and is a :class:`_Stream` from then on. Errors and timeouts map to
    httpx's as :class:`_Stream`'s do; the end of the stream is ``b""``."""

    def __init__(self, sock: socket.socket, dns_ms: float | None = None) -> None:
        self._sock = sock
        self.dns_ms = dns_ms

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        loop = asyncio.get_running_loop()
        try:
            async with _limit(timeout):
                return await loop.sock_recv(self._sock, max_bytes)
        except TimeoutError as exc:
            raise httpx.ReadTimeout("") from exc
        except OSError as exc:
            raise httpx.ReadError(str(exc)) from exc

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        loop = asyncio.get_running_loop()
        try:
            async with _limit(timeout):
                await loop.sock_sendall(self._sock, buffer)
        except TimeoutError as exc:
            raise httpx.WriteTimeout("") from exc
        except OSError as exc:
            raise httpx.WriteError(str(exc)) from exc

    def close(self) -> None:
        self._sock.close()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None, timeout: float | None
    ) -> _Stream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                transport, protocol = await loop.create_connection(_Protocol, sock=self._sock)
        except TimeoutError as exc:
            self._sock.close()
            raise httpx.ConnectTimeout("") from exc
        except OSError as exc:
            self._sock.close()
            raise httpx.ConnectError(str(exc)) from exc
        plain = _Stream(typing.cast(asyncio.Transport, transport), protocol, self.dns_ms)
        return await plain.start_tls(ssl_context, server_hostname, timeout)


async def connect(host: str, port: int, timeout: float | None) -> _SocketStream:
    """A new connection to ``host:port``; the lookup and connect share the ``timeout``."""
    loop = asyncio.get_running_loop()
    dns_ms: float | None = None
    try:
        async with _limit(timeout):
            dns_ms, addrs = await _resolve(loop, host, port)
            sock = await _connect_first(loop, addrs)
    except TimeoutError as exc:
        raise _with_dns(httpx.ConnectTimeout(""), dns_ms) from exc
    except OSError as exc:
        raise _with_dns(httpx.ConnectError(str(exc)), dns_ms) from exc
    except BaseException as exc:  # (the probe's own budget ran out meanwhile: a cancellation)
        _with_dns(exc, dns_ms)
        raise
    return _SocketStream(sock, dns_ms)


_E = typing.TypeVar("_E", bound=BaseException)


def _with_dns(exc: _E, dns_ms: float | None) -> _E:
    """A connect failure that keeps the lookup's duration as ``exc.dns_ms`` (None when there was no
    lookup, or it did not finish), for the ``connection.connect_tcp.failed`` trace event."""
    if dns_ms is not None:
        exc.dns_ms = dns_ms  # type: ignore[attr-defined]
    return exc


class _Traced:
    """``async with _Traced(trace, "connection.connect_tcp", info)``: httpcore's trace events."""

    __slots__ = ("_trace", "_name", "_info", "return_value")

    def __init__(self, trace: Trace | None, name: str, info: dict[str, typing.Any]) -> None:
        self._trace = trace
        self._name = name
        self._info = info
        self.return_value: typing.Any = None

    async def __aenter__(self) -> _Traced:
        if self._trace is not None:
            await self._trace(self._name + ".started", self._info)
        return self

    async def __aexit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        if self._trace is not None:
            if exc is None:
                await self._trace(self._name + ".complete", {"return_value": self.return_value})
            else:
                await self._trace(self._name + ".failed", {"exception": exc})


class ProbeTransport(httpx.AsyncBaseTransport):
    """One request per connection over h11; the connection closes with the response (module doc).

    ``ssl_context()`` gives the context that verifies ``https`` targets, asked for on the first one
    (a run of plain ``http`` targets never loads a CA bundle). Plain ``http`` and ``https`` only, and
    direct: a URL a proxy from the environment serves goes to httpx's own transport, which
    ``occ_lib.probe`` mounts for it (module doc).
    """

    def __init__(self, ssl_context: Callable[[], ssl.SSLContext]) -> None:
        self._ssl_context = ssl_context

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        if url.scheme not in ("http", "https"):
            raise httpx.UnsupportedProtocol(f"Request URL has an unsupported protocol '{url.scheme}://'.")
        trace: Trace | None = request.extensions.get("trace")
        timeouts = request.extensions.get("timeout", {})
        host = url.raw_host.decode("ascii")
        port = url.port or (443 if url.scheme == "https" else 80)
        info = {"host": host, "port": port, "local_address": None, "timeout": timeouts.get("connect")}
        async with _Traced(trace, "connection.connect_tcp", info) as step:
            stream = step.return_value = await connect(host, port, timeouts.get("connect"))
        try:
            if url.scheme == "https":
                context = self._ssl_context()
                info = {"ssl_context": context, "server_hostname": host, "timeout": timeouts.get("connect")}
                async with _Traced(trace, "connection.start_tls", info) as step:
                    stream = await stream.start_tls(context, host, timeouts.get("connect"))
                    step.return_value = stream
            return await _exchange(request, stream, trace, timeouts)
        except BaseException:
            stream.close()
            raise


async def _exchange(
    request: httpx.Request, stream: _Stream | _SocketStream, trace: Trace | None,
    timeouts: dict[str, float | None],
) -> httpx.Response:
    """Send ``request`` and read the response's head; the body streams from the returned response."""
    conn = h11.Connection(our_role=h11.CLIENT, max_incomplete_event_size=_MAX_EVENT)
    write_s, read_s = timeouts.get("write"), timeouts.get("read")
    kwargs = {"request": request}
    try:
        async with _Traced(trace, "http11.send_request_headers", kwargs):
            head = h11.Request(
                method=request.method, target=request.url.raw_path, headers=request.headers.raw
            )
            await stream.write(conn.send(head), write_s)
        async with _Traced(trace, "http11.send_request_body", kwargs):
            async for chunk in typing.cast(httpx.AsyncByteStream, request.stream):
                await stream.write(conn.send(h11.Data(data=chunk)), write_s)
            await stream.write(conn.send(h11.EndOfMessage()), write_s)
        async with _Traced(trace, "http11.receive_response_headers", kwargs) as step:
            interim = None  # (the last 1xx, should the server close after it)
            while True:
                event = await _next_event(conn, stream, read_s, interim)
                if isinstance(event, h11.Response):
                    break
                if isinstance(event, h11.InformationalResponse):
                    if event.status_code == 101:
                        break
                    interim = event.status_code
            version = b"HTTP/" + event.http_version
            headers = event.headers.raw_items()
            step.return_value = (version, event.status_code, event.reason, headers)
    except h11.RemoteProtocolError as exc:
        message = _remote_message(exc)
        if message == "Receive buffer too long":  # (h11's words for a head over _MAX_EVENT)
            message = f"response headers over {_MAX_EVENT // 1024} KiB (Receive buffer too long)"
        raise httpx.RemoteProtocolError(message) from exc
    except h11.LocalProtocolError as exc:
        raise httpx.LocalProtocolError(str(exc)) from exc
    return httpx.Response(
        event.status_code, headers=headers, stream=_Body(conn, stream, read_s, trace, request),
        extensions={"http_version": version, "reason_phrase": event.reason},
    )


async def _next_event(
    conn: h11.Connection, stream: _Stream | _SocketStream, timeout: float | None, interim: int | None = None
) -> typing.Any:
    while True:
        event = conn.next_event()
        if event is not h11.NEED_DATA:
            return event
        data = await stream.read(_READ_BYTES, timeout)
        if data == b"" and conn.their_state == h11.SEND_RESPONSE:
            raise httpx.RemoteProtocolError(_closed_early(conn.trailing_data[0], interim))
        conn.receive_data(data)


_EXCERPT = 60  # characters of a non-HTTP reply's first line quoted in the error, at most


def _closed_early(pending: bytes | bytearray, interim: int | None) -> str:
    """What the server had sent when it closed before a whole response head: nothing (httpcore's
    words), part of a head (``HTTP/...`` without its blank line: its size only), an interim ``1xx``
    alone, or something that is not HTTP (an SSH banner, an HTTP/0.9 body): an excerpt of its first
    line, at most :data:`_EXCERPT` characters, control characters as ``?``; a longer line is cut
    before its last partial word, so that a secret is never quoted in part, where the probe could no
    longer recognise it to blank it."""
    if not pending:
        if interim is not None:
            return f"server closed the connection after an interim HTTP {interim} response, with no final one"
        return "Server disconnected without sending a response."
    if pending.startswith(b"HTTP/") or b"HTTP/".startswith(bytes(pending[:5])):
        return (
            "server closed the connection in the middle of the response headers "
            f"({len(pending)} bytes received)"
        )
    line, nl, _ = bytes(pending[: _EXCERPT + 1]).partition(b"\n")
    text = line.rstrip(b"\r").decode("utf-8", "replace")
    text = "".join(c if c.isprintable() else "?" for c in text)
    if not nl and len(pending) > _EXCERPT:  # (the line goes on: its last word may be cut)
        text = text[:_EXCERPT].rpartition(" ")[0]
        text = f"{text} ..." if text.strip() else ""
    excerpt = f": '{text}'" if text.strip() else ""
    return f"not an HTTP response{excerpt} ({len(pending)} bytes received)"


# h11 quotes what it refused as a bytes repr ("illegal header line: bytearray(b'Set-Cookie : sid=...')")
_H11_QUOTE = re.compile(r"""(?<![\w'"])(?:bytearray\()?b(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\)?""")


def _remote_message(exc: h11.RemoteProtocolError) -> str:
    """h11's message without the bytes it quotes from a response's header lines, header values and
    chunk framing (an ill-formed ``Set-Cookie : sid=...`` line carries the cookie): their size instead,
    ``illegal header line (31 bytes)``. The status line stays quoted: it names what answered (an SSH
    banner) and a server's own line carries no request secret that the probe cannot blank."""
    message = str(exc)
    m = _H11_QUOTE.search(message)
    if m is None or message.startswith("illegal status line"):
        return message
    try:
        size = len(ast.literal_eval(m.group(0).removeprefix("bytearray(").removesuffix(")")))
    except (ValueError, SyntaxError):
        size = None
    head = message[: m.start()].rstrip(" :")
    return f"{head} ({size} bytes)" if size is not None else head


class _Body(httpx.AsyncByteStream):
    """The response body as it arrives; closing it closes the connection (never reused)."""

    def __init__(
        self, conn: h11.Connection, stream: _Stream | _SocketStream, timeout: float | None,
        trace: Trace | None,
        request: httpx.Request,
    ) -> None:
        self._conn, self._stream, self._timeout = conn, stream, timeout
        self._trace, self._request = trace, request
        self._closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            while True:
                event = await _next_event(self._conn, self._stream, self._timeout)
                if isinstance(event, h11.Data):
                    yield bytes(event.data)
                elif isinstance(event, h11.EndOfMessage) or event is h11.PAUSED:
                    return
        except h11.RemoteProtocolError as exc:
            await self._broke(exc)
            raise httpx.RemoteProtocolError(_remote_message(exc)) from exc
        except GeneratorExit:  # (left unfinished, e.g. at the probe's body cap: not broken)
            await self.aclose()
            raise
        except BaseException as exc:
            await self._broke(exc)
            raise

    async def _broke(self, exc: BaseException) -> None:
        """The body failed (cut short, reset, timed out): httpcore's ``receive_response_body.failed``,
        then close. Only the failure is traced: it is all the probe needs (a response closed after it
        was the one that failed, not one left behind by a redirect), and a body that ends well
        costs no event."""
        if self._trace is not None:
            await self._trace("http11.receive_response_body.failed", {"exception": exc})
        await self.aclose()

    async def aclose(self) -> None:
        if not self._closed:
            self._closed = True
            async with _Traced(self._trace, "http11.response_closed", {"request": self._request}):
                self._stream.close()
