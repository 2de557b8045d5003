"""An httpcore network backend on plain asyncio, for the probe client.

httpcore's default backend goes through AnyIO: every read and write opens a cancel scope, looks up
the current task and the running library, and runs a context manager. For a probe, which is one
short request on a fresh connection, that is a third of the client's CPU, and the client's CPU is
what bounds how many probes finish on time (see ``bench/probe.py``). This backend does the same
work with an asyncio ``Protocol``: connect with ``loop.create_connection``, upgrade with
``loop.start_tls``, read from a buffer, write to the transport.

Errors are httpcore's, mapped as its AnyIO backend maps them (connect and TLS failures are
``ConnectError``, their timeouts ``ConnectTimeout``; ``ReadError``/``ReadTimeout``,
``WriteError``/``WriteTimeout``), with the original exception as their argument as well as their
cause (httpcore's pool re-raises ``from None``, which drops the cause), so the probe's error
classes (``dns``, ``connect``, ``tls``, ``timeout``, ``read``) and messages come out the same.
Connections with socket options (never used by the probe client) go to httpcore's default backend.
The name lookup is timed: ``dns_ms`` on the stream (the probe reads it from the trace).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
import time
import typing
from collections.abc import Iterable

import httpcore
import httpx

_HIGH_WATER = 64 * 1024


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


class _Stream(httpcore.AsyncNetworkStream):
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
                    raise httpcore.ReadError(p.lost) from p.lost
                return b""
            try:
                await p.wait(timeout)
            except TimeoutError as exc:
                raise httpcore.ReadTimeout(exc) from exc
        data = bytes(p.buffer[:max_bytes])
        del p.buffer[:max_bytes]
        return data

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        p = self._protocol
        if p.closed or self._transport.is_closing():
            raise httpcore.WriteError("connection closed") from p.lost
        self._transport.write(buffer)
        while p.paused and not p.closed:
            try:
                await p.wait(timeout)
            except TimeoutError as exc:
                raise httpcore.WriteTimeout(exc) from exc
        if p.closed and p.lost is not None:
            raise httpcore.WriteError(p.lost) from p.lost

    async def aclose(self) -> None:
        self._transport.close()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                tls = await loop.start_tls(
                    self._transport, self._protocol, ssl_context, server_hostname=server_hostname
                )
        except TimeoutError as exc:
            self._transport.abort()
            raise httpcore.ConnectTimeout(exc) from exc
        except (OSError, ssl.SSLError, EOFError) as exc:
            self._transport.abort()
            raise httpcore.ConnectError(exc) from exc
        if tls is None:  # the peer closed during the handshake
            raise httpcore.ConnectError("connection closed during the TLS handshake")
        return _Stream(typing.cast(asyncio.Transport, tls), self._protocol, self.dns_ms)

    def get_extra_info(self, info: str) -> typing.Any:
        t = self._transport
        if info == "ssl_object":
            return t.get_extra_info("ssl_object")
        if info == "client_addr":
            return t.get_extra_info("sockname")
        if info == "server_addr":
            return t.get_extra_info("peername")
        if info == "socket":
            return t.get_extra_info("socket")
        if info == "is_readable":
            p = self._protocol
            return bool(p.buffer) or p.eof or p.closed
        return None


async def _resolve(
    loop: asyncio.AbstractEventLoop, host: str, port: int
) -> tuple[float | None, list[tuple[int, tuple[typing.Any, ...]]]]:
    """``(dns_ms, [(family, sockaddr), ...])``; no lookup (and ``None`` ms) for an IP literal.

    The name goes to ``getaddrinfo`` as bytes: httpx has already IDNA-encoded it, and Python's
    ``idna`` codec would refuse some names (labels over 63 characters) before the resolver could
    say they do not exist.
    """
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:
        family = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
        return None, [(family, (str(ip), port))]
    t0 = time.perf_counter()
    name = host.encode("ascii") if host.isascii() else host
    infos = await loop.getaddrinfo(name, port, type=socket.SOCK_STREAM)
    dns_ms = (time.perf_counter() - t0) * 1000
    return dns_ms, [(family, addr) for family, _, _, _, addr in infos]


async def _connect_first(
    loop: asyncio.AbstractEventLoop,
    addrs: list[tuple[int, tuple[typing.Any, ...]]],
    local_address: str | None,
) -> socket.socket:
    """A socket connected to the first address that accepts, tried in the resolver's order."""
    errors: list[OSError] = []
    for family, addr in addrs:
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setblocking(False)
            if local_address:
                sock.bind((local_address, 0))
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


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend interface on asyncio protocols (see the module docstring)."""

    def __init__(self) -> None:
        self._fallback = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        if socket_options:
            return await self._fallback.connect_tcp(host, port, timeout, local_address, socket_options)
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                dns_ms, addrs = await _resolve(loop, host, port)
                sock = await _connect_first(loop, addrs, local_address)
                transport, protocol = await loop.create_connection(_Protocol, sock=sock)
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(exc) from exc
        except OSError as exc:
            raise httpcore.ConnectError(exc) from exc
        return _Stream(typing.cast(asyncio.Transport, transport), protocol, dns_ms)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return await self._fallback.connect_unix_socket(path, timeout, socket_options)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class ProbeTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with its connection pool on :class:`AsyncioBackend`.

    httpx builds its pool without a way to pass a network backend, so the pool is rebuilt with the
    same settings plus the backend (httpcore's public constructor). ``verify`` must be an
    ``ssl.SSLContext`` here: it is handed to the pool as is.
    """

    def __init__(self, *, verify: ssl.SSLContext, limits: httpx.Limits, **kwargs: typing.Any) -> None:
        super().__init__(verify=verify, limits=limits, **kwargs)
        if type(self._pool) is httpcore.AsyncConnectionPool:  # no proxy: swap in the backend
            self._pool = httpcore.AsyncConnectionPool(
                ssl_context=verify,
                max_connections=limits.max_connections,
                max_keepalive_connections=limits.max_keepalive_connections,
                keepalive_expiry=limits.keepalive_expiry,
                http1=kwargs.get("http1", True),
                http2=kwargs.get("http2", False),
                network_backend=AsyncioBackend(),
            )
