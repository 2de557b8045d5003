"""Running HTTP probes: many targets at once, one stored row per probe whatever happens.

One ``httpx.AsyncClient`` and ``concurrency`` slots, each taking the next target as it frees, bound
the run to that many probes in flight; each
target gets its own timeout (per operation *and* as a total budget for the probe), method and
redirect policy. Bodies are streamed and read raw (never decoded) up to :data:`BODY_CAP` bytes, never
more. Redirects are followed by occ, hop by hop, not by httpx (which reads and decodes every 3xx
body it follows, in full): a followed redirect's body is never read, its connection is closed, so a
huge, endless or falsely ``Content-Encoding``-ed 3xx body costs neither memory nor the probe. The
next request is httpx's own (``response.next_request``: method, URL and the headers it keeps across
origins), sent without a new auth flow, as httpx sends it; more than ``max_redirects`` hops is
``too_many_redirects``. Proxies from the environment (``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``,
``NO_PROXY``) are honoured as httpx honours them: :func:`_env_proxy_mounts`.

The client's transport is :class:`occ_lib._netio.ProbeTransport`: one HTTP/1.1 exchange (h11) on a
fresh asyncio connection per request, without httpcore's connection pool, whose AnyIO locks and
rescans were over half of the client's CPU. Connections are not kept alive: every probe opens its
own, like ``curl -I``, so its phases are always measured (a reused connection would have none).
Phases come from the ``trace`` extension, with httpcore's event names: ``connect_ms``
(``connect_tcp``: name lookup and TCP connect, like curl's ``time_connect``), ``dns_ms`` (the lookup
alone, which the transport times; null for an IP address, and kept when the name resolved but the
connect then failed or timed out: it shows DNS was not the problem), ``tls_ms`` (``start_tls``) and
``ttfb_ms`` (probe start to the last response's headers). With redirects, DNS/connect/TLS add up
over the hops.

Error classes (``error`` column), decided from the exception and its cause chain, and after a
redirect by the hop that failed alone (a TLS failure after a 302 is ``tls``, not a ``read`` of the 302):

- ``timeout``: any httpx timeout (connect, read, write, pool) or the probe's total budget ran out;
- ``dns``: the name did not resolve (``socket.gaierror`` in the chain);
- ``tls``: the TLS handshake failed (``ssl.SSLError`` in the chain), e.g. a bad certificate;
- ``connect``: any other failure to connect (refused, unreachable);
- ``read``: the connection broke while reading: a reset at any point, or the body cut short
  after the response headers arrived;
- ``protocol``: the server answered something that is not HTTP, or closed before a whole response
  head; the message says what came (:func:`occ_lib._netio._closed_early`): nothing, part of a head
  (its size), an interim 1xx alone, or a short excerpt of a non-HTTP reply's first line; also a
  body whose framing is not HTTP's (``illegal chunk header (8 bytes)``: h11's quote of the bytes it
  refused in a header line, a header value or a chunk goes, :func:`occ_lib._netio._remote_message`,
  as a cookie may be in it), a ``Location`` that is no URL (its parts are not quoted either:
  :func:`_location_message`), and the class of any unexpected exception (its type name is in the
  message);
- ``too_many_redirects``: more than ``max_redirects`` hops;
- ``unexpected_status``: a response whose status is not in the target's ``expect``.

Messages are short, pass through :func:`occ_lib.redact.redact_text` and have every secret of the
target (header values, URL credentials and tokens) replaced by ``***``, as have the response headers
kept, should a server echo one: in every form the request carries it in too (the credential after
``Bearer``/``Basic``..., the base64 ``user:pass`` of URL userinfo, a ``name=value`` pair's value in a
header, the key the shown URL masks in its path; :func:`_sent_secrets`), and in any letter case (a
gateway that echoes it lower-cased: :func:`_blank_forms`). The response headers kept are decoded
each on its own (UTF-8, else Latin-1), control characters as ``?`` (:func:`_header_text`). httpx and
httpcore log records are redacted the same way by a logging filter installed on first use.

A forked run's workers end with their parent, however it dies (:func:`_die_with_parent`); Ctrl-C
(and, in ``occ probe``, SIGTERM) stops them at once.
"""

from __future__ import annotations

import asyncio
import base64
import collections
import concurrent.futures
import contextlib
import datetime as dt
import functools
import gc
import http.cookiejar
import json
import logging
import os
import pickle
import re
import selectors
import signal
import socket
import ssl
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, quote_plus, unquote, urlsplit

import httpx

from ._netio import ProbeTransport
from .errors import ProbeError
from .redact import AUTH_SCHEMES, REDACTED, redact_header_value, redact_text, redact_url
from .schema import OUTCOMES, PROBE_COLUMNS, conform
from .targets import Target, in_ranges, parse_expect

if TYPE_CHECKING:  # pandas loads when rows become a frame: `occ probe` starts probing without it
    import pandas as pd

BODY_CAP = 1 << 20  # bytes read from a GET body at most (1 MiB)
MAX_REDIRECTS = 10
USER_AGENT = "occ-probe/0.1 (+https://github.com/; httpx)"
_MESSAGE_MAX = 200
_REQUEST_ID_HEADERS = (
    "x-request-id", "x-amzn-requestid", "x-amz-request-id", "fly-request-id", "cf-ray",
    "x-correlation-id", "x-github-request-id", "request-id", "x-trace-id",
)

_KEPT_HEADERS = frozenset(("date", "server", "via", *_REQUEST_ID_HEADERS))

Row = dict[str, Any]


# --------------------------------------------------------------------------- public API


def new_run_id(now: dt.datetime | None = None) -> str:
    """A sortable, unique run id: ``20251010T025044Z-1a2b3c4d``."""
    now = now or dt.datetime.now(dt.UTC)
    return f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"


async def probe_many(
    targets: Sequence[Target],
    *,
    concurrency: int = 100,
    run_id: str | None = None,
    progress: Callable[[Row], None] | None = None,
    body_cap: int = BODY_CAP,
    max_redirects: int = MAX_REDIRECTS,
) -> list[Row]:
    """Probe every target once, at most ``concurrency`` at a time; rows in the order of ``targets``.

    Never raises for a failed probe: each one becomes a ``down`` row with its error class.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    _install_log_redaction()
    registered: list[str] = []  # (the secrets the log filter blanks while these targets are probed)
    try:
        run_id = run_id or new_run_id()
        return await _probe_all(targets, concurrency, run_id, progress, body_cap, max_redirects, registered)
    finally:
        _ACTIVE_SECRETS.subtract(registered)
        for s in [s for s, n in _ACTIVE_SECRETS.items() if n <= 0]:
            del _ACTIVE_SECRETS[s]


async def _probe_all(
    targets: Sequence[Target], concurrency: int, run_id: str, progress: Callable[[Row], None] | None,
    body_cap: int, max_redirects: int, registered: list[str],
) -> list[Row]:
    """``concurrency`` slots, each probing the next target not yet taken until none is left.

    A target's plan (:class:`_Plan`, its secrets registered with the log filter) is made before its
    probe: the first ones' at once, the others' by a planner task one per turn of the event loop,
    while the first probes wait on the network. Made all at once, 250 plans (and a forked worker's
    start on a core it shares) held back the sending of the run's first requests by ~10 ms.
    """
    host = socket.gethostname()
    client = _ProbeClient(
        transport=ProbeTransport(_ssl_context), mounts=_env_proxy_mounts(), max_redirects=max_redirects,
        headers={"User-Agent": USER_AGENT},
    )
    plans: list[_Plan | None] = [None] * len(targets)
    rows: list[Row] = [None] * len(targets)  # type: ignore[list-item]
    order = iter(range(len(targets)))

    def plan(i: int) -> _Plan:
        p = plans[i]
        if p is None:
            secrets = _sent_secrets(targets[i])
            _ACTIVE_SECRETS.update(secrets)
            registered.extend(secrets)
            p = plans[i] = _Plan(targets[i], secrets)
        return p

    async def planner() -> None:
        for i in range(concurrency, len(targets)):
            await asyncio.sleep(0)
            plan(i)

    async def slot() -> None:
        for i in order:
            row = await _probe_one(client, targets[i], plan(i), body_cap)
            row.update(run_id=run_id, probe_host=host)
            rows[i] = row
            if progress is not None:
                progress(row)

    async with client:
        ahead = asyncio.ensure_future(planner())
        try:
            await asyncio.gather(*(slot() for _ in range(min(concurrency, len(targets)))))
        finally:
            ahead.cancel()
    return rows


_NO_KEEPALIVE = httpx.Limits(max_keepalive_connections=0)


def _env_proxy_mounts() -> dict[str, httpx.AsyncBaseTransport | None]:
    """The environment's proxies as httpx reads them (``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``,
    ``NO_PROXY`` and their lower-case forms), each as httpx's own transport, for ``mounts=``: httpx
    mounts them only when no ``transport=`` is given, and the probe gives its own. A URL that no
    proxy serves (none set, or ``NO_PROXY``) gets :class:`ProbeTransport`. Through a proxy, each probe
    still opens its own connection (to the proxy: no keep-alive); ``dns_ms`` is then null (the proxy
    resolves the name) and ``connect_ms``/``tls_ms`` are the connection to the proxy.

    Raises :class:`~occ_lib.errors.ProbeError` for a proxy URL httpx cannot use, naming the scheme
    it was set for and the URL redacted."""
    from httpx._utils import get_environment_proxies  # (what httpx.AsyncClient itself reads)

    proxies = get_environment_proxies()
    if not any(proxies.values()):
        return {}  # (no proxy, or only NO_PROXY: every probe goes direct)
    mounts: dict[str, httpx.AsyncBaseTransport | None] = {}
    for pattern, url in proxies.items():
        if url is None:
            mounts[pattern] = None  # (NO_PROXY: the probe's own transport)
            continue
        try:
            mounts[pattern] = httpx.AsyncHTTPTransport(
                proxy=httpx.Proxy(url), verify=_ssl_context(), limits=_NO_KEEPALIVE
            )
        except ImportError:
            raise ProbeError(
                f"proxy from the environment for {pattern} ({redact_url(url)}): SOCKS needs httpx[socks]"
            ) from None
        except (ValueError, TypeError, httpx.InvalidURL) as exc:
            raise ProbeError(
                f"proxy from the environment for {pattern} ({redact_url(url)}): not a usable proxy URL "
                f"({type(exc).__name__}; use http://, https:// or socks5://HOST:PORT)"
            ) from None
    return mounts


class _NoJar(http.cookiejar.CookieJar):
    """A jar that keeps nothing: a probe must not send one target's cookies to the next."""

    def extract_cookies(self, response: Any, request: Any) -> None:
        return None

    def add_cookie_header(self, request: Any) -> None:
        return None

    def set_cookie(self, cookie: Any) -> None:
        return None


class _NoCookies(httpx.Cookies):
    """httpx's cookies over :class:`_NoJar`, that do not offer it each response: httpx's
    ``extract_cookies`` wraps every response and its request in ``urllib`` objects for the jar
    (~7% of a local probe's CPU) before the jar can refuse them."""

    def __init__(self) -> None:
        super().__init__(_NoJar())

    def extract_cookies(self, response: httpx.Response) -> None:
        return None


class _ProbeClient(httpx.AsyncClient):
    """``httpx.AsyncClient`` whose cookie store is a :class:`_NoCookies`, whatever it is given."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._unkept = _NoCookies()

    @property  # type: ignore[override]
    def cookies(self) -> httpx.Cookies:
        return self._unkept

    @cookies.setter
    def cookies(self, cookies: Any) -> None:
        return None


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """httpx's default verifying context, built once and only for ``https`` (loading the CA bundle
    costs ~50 ms of CPU: forked workers inherit the parent's rather than each building one)."""
    return httpx.create_ssl_context()


def run_probes(
    targets: Sequence[Target],
    *,
    repeat: int = 1,
    every_s: float = 0,
    concurrency: int = 100,
    workers: int | None = 1,
    on_result: Callable[[pd.DataFrame], None] | None = None,
    progress: Callable[[Row], None] | None = None,
    body_cap: int = BODY_CAP,
    max_redirects: int = MAX_REDIRECTS,
) -> pd.DataFrame:
    """Probe ``targets`` ``repeat`` times, starting a run every ``every_s`` seconds.

    Each run has its own ``run_id``; ``on_result(df)`` gets each run's rows as soon as it ends.
    Returns every row, typed as the store's schema. Works inside a running event loop too (e.g.
    Jupyter): the probes then run on a worker thread. :func:`probe_runs` is the same with plain
    rows (what the CLI uses, so that it never loads pandas).
    """
    frames: list[pd.DataFrame] = []

    def collect(rows: list[Row]) -> None:
        frames.append(rows_to_frame(rows))
        if on_result is not None:
            on_result(frames[-1])

    probe_runs(
        targets, repeat=repeat, every_s=every_s, concurrency=concurrency, workers=workers,
        on_rows=collect, progress=progress, body_cap=body_cap, max_redirects=max_redirects,
    )
    if len(frames) == 1:
        return frames[0]
    import pandas as pd

    return conform(pd.concat(frames, ignore_index=True))


def probe_runs(
    targets: Sequence[Target],
    *,
    repeat: int = 1,
    every_s: float = 0,
    concurrency: int = 100,
    workers: int | None = 1,
    on_rows: Callable[[list[Row]], None] | None = None,
    progress: Callable[[Row], None] | None = None,
    body_cap: int = BODY_CAP,
    max_redirects: int = MAX_REDIRECTS,
    meanwhile: Callable[[], object] | None = None,
) -> list[Row]:
    """:func:`run_probes` with rows as dicts (:data:`~occ_lib.schema.PROBE_COLUMNS`): every run's
    rows in order; ``on_rows(rows)`` gets each run's as soon as it ends.

    ``workers > 1`` splits a run over that many forked processes, each with its own event loop and
    an equal share of ``concurrency`` (the total in flight is unchanged): the client is CPU-bound in
    httpx at about 1 ms per probe, so a second core nearly halves the CPU on the critical path.
    ``workers=None`` chooses with :func:`auto_workers`. ``progress`` then gets ``{"outcome": ...}``
    as each probe ends (the workers send outcomes, not rows). Inside a running event loop (a
    kernel) the run stays in one process. ``meanwhile()`` runs on a thread of this process, at the
    lowest priority, once the first probe of a forked run has ended, while it only waits for the
    workers (the CLI loads the store's code then); never in a one-process run, where it would take
    the probes' CPU and skew their timings.
    """
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    if workers is None:
        workers = auto_workers(len(targets), concurrency)
    if workers < 1:
        raise ValueError("workers must be at least 1")
    if workers > 1:
        _env_proxy_mounts()  # (a bad proxy is this process's ProbeError, before any worker is forked)
    every: list[Row] = []
    for i in range(repeat):
        began = time.monotonic()
        with _collector_frozen():
            if workers > 1 and len(targets) > 1 and concurrency > 1 and not _in_event_loop():
                rows = _run_forked(
                    targets, concurrency, workers, progress, body_cap, max_redirects, meanwhile
                )
            else:
                rows = _run_sync(
                    probe_many(
                        targets, concurrency=concurrency, progress=progress, body_cap=body_cap,
                        max_redirects=max_redirects,
                    )
                )
        every += rows
        if on_rows is not None:
            on_rows(rows)
        if i < repeat - 1 and every_s > 0:  # start to start; a run that overran is followed at once
            time.sleep(max(0.0, began + every_s - time.monotonic()))
    return every


_PER_WORKER = 25  # probes in flight below which another process costs more (the fork) than it saves


def auto_workers(n_targets: int, concurrency: int, cpus: int | None = None) -> int:
    """Processes for a run by default: one for a small run, else two per usable core, each with at
    least 25 probes in flight. Two per core rather than one because a worker's event loop is busy
    in bursts (every probe of a wave answers at once): on 2 cores, 1000 probes at concurrency 100
    took 1.9 s in one process, 1.7 s in two, 1.5 s in four, no less in six or eight
    (``bench/probe.py``)."""
    if cpus is None:
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(2 * cpus, min(n_targets, concurrency) // _PER_WORKER))


@contextlib.contextmanager
def _collector_frozen() -> Iterator[None]:
    """Keep what is alive before a run out of the garbage collector's scans during the run.

    A run allocates steadily, so the collector runs often, and each full pass walked every module
    and frame already loaded (pandas, pydantic, the targets): 6-10% of the client's CPU. Forked
    workers inherit the frozen state, as the gc docs advise before a fork (pages stay shared).
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _in_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


_CHANNEL: Any = None  # in a forked worker: its pipe to the parent (_Channel), for the progress bar


def _worker_init(channel: Any, parent: int | None = None) -> None:
    """A forked worker: where outcomes go (its :class:`_Channel`, or None), and no Ctrl-C of its own
    (a terminal sends it to the whole process group): the parent handles it and stops the workers
    (:func:`_run_forked`). It
    ends when its parent ``parent`` (pid) dies, however that dies (``kill -TERM`` or ``-KILL`` of the
    parent alone, which stops nothing in the workers): :func:`_die_with_parent`."""
    global _CHANNEL
    _CHANNEL = channel
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # (not a handler the parent set: terminate() ends it)
    if parent is not None:
        _die_with_parent(parent)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


@functools.cache
def _prctl() -> Callable[..., int] | None:
    """libc's ``prctl`` (Linux), else None; looked up by the parent before it forks, so that each
    worker uses it at once instead of importing ctypes first (4 workers on 2 cores: ~20 ms before
    the first probe)."""
    if not hasattr(os, "sched_getaffinity"):  # (Linux)
        return None
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def _die_with_parent(parent: int) -> None:
    """End this process (SIGTERM) when ``parent`` dies: Linux's ``prctl(PR_SET_PDEATHSIG)``, else a
    daemon thread that watches ``os.getppid()`` twice a second. A worker left behind would probe on
    for nobody, re-parented to init."""
    armed = False
    prctl = _prctl()
    if prctl is not None:
        with contextlib.suppress(OSError):
            armed = prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0
    if os.getppid() != parent:  # (it died before the death signal was armed)
        os.kill(os.getpid(), signal.SIGTERM)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGTERM)


def _announce(row: Row) -> None:
    _CHANNEL.put(row["outcome"])  # a short string: the row itself comes back with the share


def _worker_run(
    targets: Sequence[Target], concurrency: int, run_id: str, body_cap: int, max_redirects: int
) -> list[Row]:
    """One forked worker's share of a run."""
    return asyncio.run(
        probe_many(targets, concurrency=concurrency, run_id=run_id, body_cap=body_cap,
                   max_redirects=max_redirects, progress=_announce if _CHANNEL is not None else None)
    )


_OUTCOME, _ROWS, _ERROR = b"o", b"r", b"e"  # the kinds of a worker's messages to its parent


class _Channel:
    """A forked worker's end of its pipe to the parent: messages of a kind byte, a 4-byte length
    and the payload, each written whole (an outcome, then its rows or its error, pickled)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def put(self, outcome: str) -> None:
        self.send(_OUTCOME, outcome.encode())

    def send(self, kind: bytes, payload: bytes) -> None:
        view = memoryview(kind + len(payload).to_bytes(4, "big") + payload)
        while view:
            view = view[os.write(self.fd, view):]


def _worker_main(
    fd: int, share: Sequence[Target], concurrency: int, run_id: str, body_cap: int, max_redirects: int,
    parent: int,
) -> None:
    """A forked worker from start to end: probe ``share`` (each outcome sent as it comes), send its
    rows (or its error) to the parent, and leave with ``os._exit``, never back into the parent's
    code that forked it."""
    code = 1
    try:
        channel = _Channel(fd)
        _worker_init(channel, parent)
        rows = _worker_run(share, concurrency, run_id, body_cap, max_redirects)
        channel.send(_ROWS, pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL))
        code = 0
    except BaseException as exc:  # (every failure goes to the parent, which raises it)
        with contextlib.suppress(BaseException):
            try:
                payload = pickle.dumps(exc, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.loads(payload)  # (an exception that cannot come back whole comes back as a message)
            except Exception:  # noqa: BLE001
                payload = pickle.dumps(ProbeError(f"a probe worker failed: {type(exc).__name__}"))
            channel.send(_ERROR, payload)
    finally:
        _flush_std()
        os._exit(code)


def _flush_std() -> None:
    """Flush stdout and stderr (a stream already closed or broken is left as it is)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()


def _run_forked(
    targets: Sequence[Target], concurrency: int, workers: int, progress: Callable[[Row], None] | None,
    body_cap: int, max_redirects: int, meanwhile: Callable[[], object] | None = None,
) -> list[Row]:
    """Deal ``targets`` round-robin to ``workers`` forked processes; rows come back in target order.

    Each worker inherits its share (nothing is pickled on the way in) and sends its outcomes, then
    its rows, through its own pipe: no pool, no queue threads in this process, so the workers probe
    at once. ``meanwhile`` starts on a thread after the forks (a thread alive at a fork can leave a
    lock held in the child), with the first outcome (:func:`_collect`); its errors are ignored: it
    may only prepare what the caller does next.
    An interrupt (or any error) here terminates the workers before it propagates."""
    workers = min(workers, concurrency, len(targets))
    slots = [concurrency // workers + (1 if k < concurrency % workers else 0) for k in range(workers)]
    run_id = new_run_id()
    if any(t.url.lower().startswith("https:") for t in targets):
        _ssl_context()  # built before the fork, shared by the workers
    _prctl()  # (likewise)
    parent = os.getpid()
    children: dict[int, int] = {}  # read end of a worker's pipe -> its pid
    try:
        for k in range(workers):
            _flush_std()  # (else what stdout and stderr buffer is written by the worker too)
            r, w = os.pipe()
            try:
                pid = os.fork()
            except OSError:  # (no process to be had: what was forked is stopped, nothing leaks)
                os.close(r)
                os.close(w)
                raise
            if pid == 0:
                try:
                    os.close(r)
                    for other in children:
                        os.close(other)
                    _worker_main(w, targets[k::workers], slots[k], run_id, body_cap, max_redirects, parent)
                finally:
                    os._exit(1)
            os.close(w)
            children[r] = pid
        order = list(children)
        shares = _collect(children, progress, meanwhile)
    except BaseException:
        _stop(children)
        raise
    rows: list[Row] = [None] * len(targets)  # type: ignore[list-item]
    for k, r in enumerate(order):
        rows[k::workers] = shares[r]
    return rows


def _collect(
    children: dict[int, int], progress: Callable[[Row], None] | None, meanwhile: Callable[[], object] | None
) -> dict[int, list[Row]]:
    """Read every worker's pipe to its end: outcomes go to ``progress`` as they come, rows are kept
    per pipe; a worker's error is raised here, and so is a worker that ended without its rows.
    ``meanwhile`` starts on a thread with the first outcome: the workers' start (forked, every
    connection of a first wave opened at once) is the run's busiest moment, and a thread's CPU
    then, even at the lowest priority, delayed a 1000-probe run by ~30 ms."""
    pending = {r: bytearray() for r in children}
    shares: dict[int, list[Row]] = {}
    with selectors.DefaultSelector() as sel:
        for r in children:
            sel.register(r, selectors.EVENT_READ)
        while pending:
            for key, _ in sel.select():
                r = key.fd
                data = os.read(r, 1 << 16)
                if not data:
                    sel.unregister(r)
                    del pending[r]
                    continue
                buf = pending[r]
                buf += data
                while len(buf) >= 5 and len(buf) >= 5 + (n := int.from_bytes(buf[1:5], "big")):
                    kind, payload = bytes(buf[:1]), bytes(buf[5 : 5 + n])
                    del buf[: 5 + n]
                    if kind == _OUTCOME:
                        if meanwhile is not None:
                            threading.Thread(target=_quietly, args=(meanwhile,), daemon=True).start()
                            meanwhile = None
                        if progress is not None:
                            progress({"outcome": payload.decode()})
                    elif kind == _ROWS:
                        shares[r] = pickle.loads(payload)
                    else:
                        raise pickle.loads(payload)
    for r, pid in list(children.items()):
        os.close(r)
        _, status = os.waitpid(pid, 0)
        del children[r]
        if r not in shares:
            raise ProbeError(f"a probe worker ended without its results ({_exit_text(status)})")
    return shares


def _exit_text(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"


def _stop(children: dict[int, int]) -> None:
    """Terminate and reap the workers still listed (an interrupt, or an error in the run), and close
    their pipes; at once, not when they have finished their shares."""
    for pid in children.values():
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    for r, pid in children.items():
        with contextlib.suppress(OSError):
            os.close(r)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    children.clear()


def _quietly(fn: Callable[[], object]) -> None:
    """``fn()`` at the lowest CPU priority (Linux: a thread's own nice value): the workers probe
    on the same cores, and each wave's replies must not wait for what ``fn`` prepares."""
    with contextlib.suppress(Exception):
        if hasattr(os, "sched_getaffinity") and hasattr(os, "setpriority"):  # (Linux: per thread)
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        fn()


def rows_to_frame(rows: Sequence[Row]) -> pd.DataFrame:
    """Probe rows (dicts) as a DataFrame with the store's columns and dtypes."""
    import pandas as pd

    return conform(pd.DataFrame(list(rows), columns=list(PROBE_COLUMNS)))


SUMMARY_COLUMNS = (
    "target", "probes", "up", "degraded", "down", "p50_ms", "p95_ms", "last_status", "last_error",
)


def summarize(df: pd.DataFrame) -> pd.DataFrame:
    """One row per target (in first-seen order): counts per outcome, p50/p95 of ``elapsed_ms`` of
    the up and degraded probes (the latency rule: :func:`summary_records`), and
    the last probe's status and error (``error: message``); :func:`summary_records` as a frame."""
    import pandas as pd

    order = list(pd.unique(df["target"]))
    cols = ["target", "outcome", "elapsed_ms", "status", "error", "error_message"]
    in_time = df.sort_values("started_at", kind="stable")[cols].astype(object)
    rows = in_time.where(in_time.notna(), None).to_dict("records")
    recs = summary_records(rows, order)
    types = zip(SUMMARY_COLUMNS, _SUMMARY_DTYPES, strict=True)
    return pd.DataFrame({c: pd.array([r[c] for r in recs], dtype=t) for c, t in types})


_TIMED = frozenset({"up", "degraded"})  # the outcomes whose elapsed_ms is a latency (aggregate's rule)
_SUMMARY_DTYPES = ("string", "int64", "int64", "int64", "int64", "float64", "float64", "Int32", "string")


def summary_records(rows: Iterable[Row], order: Sequence[str] | None = None) -> list[Row]:
    """:func:`summarize` on rows (dicts) in time order, without pandas: one dict per target, in
    ``order`` (default: first seen); p50/p95 interpolate linearly, as pandas' ``quantile`` does.

    p50/p95 follow occ's latency rule (:mod:`occ_lib.aggregate`): only probes judged up or
    degraded count; a down probe's time (a 10 s timeout, a refused connection) counts against
    availability instead, so the summary agrees with ``occ sla`` and the report on the same probes.
    """
    per: dict[str, dict[str, Any]] = {t: {} for t in order or ()}
    for r in rows:
        s = per.setdefault(r["target"], {})
        if not s:
            s.update(probes=0, up=0, degraded=0, down=0, ms=[], last=None)
        s["probes"] += 1
        if r["outcome"] in OUTCOMES:
            s[r["outcome"]] += 1
        ms = r["elapsed_ms"]
        if r["outcome"] in _TIMED and ms is not None and ms == ms:  # (NaN is no value)
            s["ms"].append(float(ms))
        s["last"] = r
    out: list[Row] = []
    for target, s in per.items():
        if not s:
            continue
        ms = sorted(s["ms"])
        last = s["last"]
        out.append({
            "target": target, "probes": s["probes"], **{o: s[o] for o in OUTCOMES},
            "p50_ms": _quantile(ms, 0.5), "p95_ms": _quantile(ms, 0.95),
            "last_status": None if last["status"] is None else int(last["status"]),
            "last_error": None if last["error"] is None else f"{last['error']}: {last['error_message']}",
        })
    return out


def _quantile(ordered: list[float], q: float) -> float | None:
    """numpy's 'linear' quantile of sorted values, rounded to 0.1 ms; None when there are none."""
    if not ordered:
        return None
    h = (len(ordered) - 1) * q
    lo = int(h)
    hi = min(lo + 1, len(ordered) - 1)
    a, b, t = ordered[lo], ordered[hi], h - lo
    # numpy's _lerp: from the nearer end, so that t=1 gives b exactly
    value = b - (b - a) * (1 - t) if t >= 0.5 else a + (b - a) * t
    return round(value, 1)


# --------------------------------------------------------------------------- one probe


def _run_sync(coro: Any) -> Any:
    if not _in_event_loop():  # (outside an except block, so probe errors chain to no RuntimeError)
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


class _Phases:
    """Collects httpcore trace events into phase durations (ms) relative to ``t0``, and how far the
    current hop got (``connected``, ``got_headers``), which :func:`_classify` judges a failure by.

    The durations add up over redirects; the hop's progress does not: a redirect's response, once
    closed whole or unread, is behind the probe, so what fails next (the next hop's connect, TLS or
    answer, an unsupported scheme, a broken ``Location``) is judged on its own. Only a body that broke
    (``receive_response_body.failed``) keeps its hop's progress: that failure is a read."""

    def __init__(self) -> None:
        self.t0 = time.perf_counter()
        self.connect_ms: float | None = None
        self.dns_ms: float | None = None
        self.tls_ms: float | None = None
        self.ttfb_ms: float | None = None
        self.got_headers = False
        self.connected = False
        self._body_failed = False
        self._started: dict[str, float] = {}

    async def __call__(self, event: str, info: dict[str, Any]) -> None:
        now = time.perf_counter()
        if event.endswith(".started"):
            self._started[event[: -len(".started")]] = now
            return
        if not event.endswith(".complete"):
            if event == "http11.receive_response_body.failed":
                self._body_failed = True
            elif event == "connection.connect_tcp.failed":  # (the name resolved, the connect failed)
                dns = getattr(info.get("exception"), "dns_ms", None)
                if dns is not None:
                    self.dns_ms = (self.dns_ms or 0.0) + dns
            return
        step = event[: -len(".complete")]
        began = self._started.pop(step, None)
        if step.endswith("send_request_headers"):
            self.connected = True
        elif step == "connection.connect_tcp" and began is not None:
            self.connect_ms = (self.connect_ms or 0.0) + (now - began) * 1000
            dns = getattr(info.get("return_value"), "dns_ms", None)
            if dns is not None:
                self.dns_ms = (self.dns_ms or 0.0) + dns
        elif step == "connection.start_tls" and began is not None:
            self.tls_ms = (self.tls_ms or 0.0) + (now - began) * 1000
        elif step.endswith("receive_response_headers"):
            self.ttfb_ms = (now - self.t0) * 1000
            self.got_headers = True
        elif step == "http11.response_closed" and not self._body_failed:
            self.connected = self.got_headers = False  # (the hop is over: see the class doc)


class _Plan:
    """What a probe sends and stores that the target alone decides, built before the probe takes a
    slot (while the probes in flight wait on the network), not between its connect and its answer."""

    __slots__ = ("row", "headers", "timeout", "auth", "expect", "forms")

    def __init__(self, t: Target, secrets: list[str]) -> None:
        self.row: Row = dict.fromkeys(PROBE_COLUMNS)
        self.row.update(
            source="probe", target=t.name, url=t.display_url, method=t.method, time_source="clock",
            tags=json.dumps(dict(sorted(t.display_tags.items())), ensure_ascii=False, separators=(",", ":")),
        )
        self.headers = t.header_values()
        # (no timer per operation: the probe's one budget, asyncio.timeout in _probe_one, bounds them
        # all; a connect, read or write timer of the same length, started later, could never end first)
        self.timeout = _ONE_BUDGET
        # An explicit Authorization header wins over ``user:pass@`` in the URL (as with curl -H).
        self.auth = {"auth": httpx.Auth()} if any(k.lower() == "authorization" for k in self.headers) else {}
        self.expect = parse_expect(t.expect)
        # the forms of its secrets, longest first: blanked in the response headers kept and in the
        # error message, should a server echo one (made here, before the probe, not after its answer)
        self.forms = _secret_forms(secrets)  # (:func:`_sent_secrets`)


_NO_AUTH = httpx.Auth()  # (sends the request as it is)
_ONE_BUDGET = httpx.Timeout(None)


async def _probe_one(client: httpx.AsyncClient, t: Target, plan: _Plan, body_cap: int) -> Row:
    row: Row = plan.row.copy()
    row["started_at"] = dt.datetime.now(dt.UTC)
    phases = _Phases()
    received = 0
    response: httpx.Response | None = None
    try:
        request = client.build_request(
            t.method, t.url, headers=plan.headers, timeout=plan.timeout, extensions={"trace": phases},
        )
        # the total budget starts with the clock elapsed_ms is read on (it started before building the
        # request, so a probe that ran out of it could show 999.8 ms for a 1 s timeout)
        phases.t0 = time.perf_counter()
        async with asyncio.timeout(t.timeout_s):
            response = await client.send(request, stream=True, follow_redirects=False, **plan.auth)
            hops = 0
            while t.follow_redirects and response.next_request is not None:
                # (followed here, not by httpx: it reads and decodes every 3xx body it follows, all
                # of it, whatever BODY_CAP says; a redirect's body is never read, its connection closes)
                request = response.next_request
                await response.aclose()
                response = None  # (a hop that fails next is that hop's row, not the 3xx's)
                hops += 1
                if hops > client.max_redirects:
                    raise httpx.TooManyRedirects("Exceeded maximum allowed redirects.", request=request)
                # (no auth flow after the first hop: the redirect request carries the headers httpx
                # keeps for it, as when httpx follows)
                response = await client.send(request, stream=True, follow_redirects=False, auth=_NO_AUTH)
            try:
                async for chunk in response.aiter_raw():
                    received += len(chunk)
                    if received >= body_cap:
                        break
            finally:
                await response.aclose()
    except Exception as exc:  # noqa: BLE001 - every failure is a stored row, never a crash
        # (asyncio.timeout turns its cancellation into TimeoutError; a real CancelledError propagates.)
        row["elapsed_ms"] = _ms(phases.t0)
        cls, message = _classify(exc, t, phases)
        row.update(outcome="down", error=cls, error_message=_scrub(message, t, plan.forms))
        if response is not None:
            _fill_response(row, response, min(received, body_cap), plan.forms)
        _fill_phases(row, phases)
        return row
    row["elapsed_ms"] = _ms(phases.t0)
    _fill_response(row, response, min(received, body_cap), plan.forms)
    _fill_phases(row, phases)
    status = response.status_code
    if not in_ranges(status, plan.expect):
        row.update(
            outcome="down", error="unexpected_status",
            error_message=f"HTTP {status} not in expected {', '.join(map(str, t.expect))}",
        )
    elif row["elapsed_ms"] > t.degraded_ms:
        row["outcome"] = "degraded"
    else:
        row["outcome"] = "up"
    return row


def _ms(t0: float) -> float:
    return round((time.perf_counter() - t0) * 1000, 3)


def _fill_phases(row: Row, phases: _Phases) -> None:
    row.update(
        dns_ms=_round(phases.dns_ms), connect_ms=_round(phases.connect_ms), tls_ms=_round(phases.tls_ms),
        ttfb_ms=_round(phases.ttfb_ms),
    )


def _round(v: float | None) -> float | None:
    return None if v is None else round(v, 3)


def _fill_response(row: Row, response: httpx.Response, nbytes: int, forms: Sequence[str] = ()) -> None:
    # one pass over the headers (each httpx lookup scans them all); repeated ones join with ', ',
    # as httpx's Headers.get joins them
    kept: dict[str, list[str]] = {}
    for raw_name, raw_value in response.headers.raw:
        name = raw_name.decode("latin-1").lower()
        if name in _KEPT_HEADERS:
            kept.setdefault(name, []).append(_header_text(raw_value))
    h = {name: ", ".join(values) for name, values in kept.items()}
    if forms:  # (a gateway that echoes the request: 'Via: 1.1 gw (key=...)')
        h = {name: _blank_forms(value, forms) for name, value in h.items()}
    # (and one that shows its own: 'Server: echo/1.0 token=...', masked as any text the store keeps)
    h = {name: redact_header_value(name, value) for name, value in h.items()}
    row.update(
        status=response.status_code,
        http_version=response.http_version,
        bytes=0 if row["method"] == "HEAD" else nbytes,
        h_date=h.get("date"),
        h_server=h.get("server"),
        h_via=h.get("via"),
        h_request_id=next((h[k] for k in _REQUEST_ID_HEADERS if k in h), None),
    )


def _header_text(raw: bytes) -> str:
    """A header value's bytes as text, each value on its own: UTF-8 when it is, else Latin-1 (httpx
    decodes every header of a response with one encoding, so one Latin-1 byte anywhere turned a
    UTF-8 ``X-Request-Id: été`` into ``Ã©tÃ©``); a tab as a space and other control characters as
    ``?`` (an escape sequence in ``Server:`` must not reach a terminal that shows the store)."""
    try:
        text = raw.decode("ascii" if raw.isascii() else "utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else " " if c == "\t" else "?" for c in text)


# --------------------------------------------------------------------------- errors


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc`` and everything it wraps, outermost first: causes (explicit ``from``, else the implicit
    context unless suppressed), exceptions passed as arguments (httpcore wraps the OS error that
    way) and members of exception groups (anyio's "all connection attempts failed")."""
    out: list[BaseException] = []
    todo: list[BaseException] = [exc]
    while todo and len(out) < 50:
        cur = todo.pop(0)
        if any(cur is seen for seen in out):
            continue
        out.append(cur)
        nxt = cur.__cause__ or (None if cur.__suppress_context__ else cur.__context__)
        todo += [a for a in cur.args if isinstance(a, BaseException)]
        todo += list(getattr(cur, "exceptions", ()) or ())
        if nxt is not None:
            todo.append(nxt)
    return out


_DNS_WORDS = (
    "name or service not known", "nodename nor servname", "no address associated",
    "temporary failure in name resolution", "getaddrinfo failed",
)
_SSL_LINE = re.compile(r"\s*\(_ssl\.c:\d+\)")


def _classify(exc: BaseException, t: Target, phases: _Phases) -> tuple[str, str]:
    """The error class and a short message for one failed probe."""
    got_headers = phases.got_headers
    stage = (
        "reading the body" if got_headers
        else "waiting for the response" if phases.connected
        else "connecting"
    )
    chain = _chain(exc)
    low = " | ".join(str(e) for e in chain).lower()
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
        return "timeout", f"timed out after {t.timeout_s:g}s {stage}"
    if isinstance(exc, httpx.TooManyRedirects):
        return "too_many_redirects", str(exc) or "too many redirects"
    if any(isinstance(e, socket.gaierror) for e in chain) or any(w in low for w in _DNS_WORDS):
        return "dns", f"cannot resolve host: {_detail(exc, chain)}"
    if not got_headers and (
        any(isinstance(e, ssl.SSLError | ssl.CertificateError) for e in chain)
        or "ssl" in low or "certificate" in low
    ):
        return "tls", f"TLS handshake failed: {_detail(exc, chain)}"
    if isinstance(exc, httpx.ConnectError):
        return "connect", f"cannot connect: {_detail(exc, chain)}"
    if got_headers and isinstance(exc, httpx.RemoteProtocolError) and not _cut_short(chain):
        # (a body whose framing is not HTTP's, 'illegal chunk header': the server's fault, not the line's)
        return "protocol", f"{type(exc).__name__}: {_detail(exc, chain)}"
    if isinstance(exc, httpx.ReadError) or (got_headers and isinstance(exc, httpx.TransportError)):
        return "read", f"connection broken while reading: {_detail(exc, chain)}"
    if isinstance(exc, httpx.HTTPError):
        detail = _detail(exc, chain)
        if detail.startswith(_BAD_LOCATION):
            detail = _location_message(detail)
        return "protocol", f"{type(exc).__name__}: {detail}"
    if isinstance(exc, OverflowError | ValueError) and "port" in low:
        # (a redirect to 'http://host:99999/': the socket refuses the port before any connect)
        return "protocol", f"invalid URL: {_detail(exc, chain)}"
    return "protocol", f"unexpected {type(exc).__name__}: {_detail(exc, chain)}"


_BAD_LOCATION = "Invalid URL in location header"  # (httpx's words for a redirect it cannot follow)
_QUOTED_PART = re.compile(r":\s*['\"].*$", re.DOTALL)


def _location_message(detail: str) -> str:
    """httpx's message for a ``Location`` that is no URL, without the part of it httpx quotes
    (``Invalid port: ':1:<token>'``): a redirect's URL may carry a token or a password, and a broken
    one is no URL that :func:`~occ_lib.redact.redact_url` could read to mask them."""
    cut = _QUOTED_PART.sub("", detail)
    if cut != detail:
        return cut + " (the header's value is not shown)"
    return detail[:-1] if detail.endswith("..") else detail  # (httpx's '... at position 44..')


def _cut_short(chain: list[BaseException]) -> bool:
    """Whether a protocol error in a body is the body cut short (h11: 'peer closed connection without
    sending complete message body', 'peer unexpectedly closed connection'), which is a ``read``, not
    ill-formed framing."""
    return any(str(e).startswith(("peer closed connection", "peer unexpectedly closed")) for e in chain)


def _detail(exc: BaseException, chain: list[BaseException]) -> str:
    """The most telling part of an error: the SSL reason, the OS error text, else the message."""
    for e in chain:
        if isinstance(e, ssl.SSLError | ssl.CertificateError):
            return _SSL_LINE.sub("", _first_line(str(e)))
    for e in chain:
        if isinstance(e, socket.gaierror) and e.strerror:
            return e.strerror
        if isinstance(e, OSError) and e.errno and not isinstance(e, ssl.SSLError):
            return os.strerror(e.errno)
    for e in chain:
        if str(e).strip():
            return _first_line(str(e))
    return type(exc).__name__


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def _scrub(message: str, t: Target, forms: Iterable[str]) -> str:
    """Redact URLs and tokens, and blank out every secret of ``t`` that might have been echoed (its
    ``forms``: :func:`_secret_forms` of :func:`_sent_secrets`, as the kept headers are blanked)."""
    message = _blank_forms(message.replace(t.url, t.display_url), forms)
    message = redact_text(message)
    return message if len(message) <= _MESSAGE_MAX else message[: _MESSAGE_MAX - 1] + "…"


def _forms(secret: str) -> set[str]:
    """A secret as an error or a log line may print it: raw, escaped (``b'tok\\r\\n'``), per line."""
    # (and as a URL writes it, '/' escaped or not, or decoded: 'Pa%24%24w0rd' is 'Pa$$w0rd')
    forms = {secret, repr(secret)[1:-1], repr(secret.encode())[2:-1], unquote(secret), quote(secret, safe=""),
             quote(secret), quote_plus(secret)}
    forms |= set(re.split(r"[\r\n]+", secret))
    return {f for f in forms if len(f) >= 3}


def _sent_secrets(t: Target) -> list[str]:
    """:meth:`Target.secrets` and the parts and encodings the request carries them in, which a server
    may echo on their own (``Server: echo <token>``, ``Via: 1.1 gw (auth=Basic <base64>)``): the
    credential after a header's scheme word, the pair a ``Basic`` one decodes to, the value of each
    ``name=value`` pair in a header's value (a cookie's, a callback URL's ``token=``), and the ``Basic``
    credential httpx makes of the URL's ``user:pass@``. Under 3 characters is no secret, as there."""
    secrets = t.secrets()
    if not t.headers and "@" not in t.url:
        return secrets  # (no header, no userinfo: nothing else is sent)
    out = set(secrets)
    for name, value in t.header_values().items():
        out.add(value)  # (as sent: without the spaces around it)
        out.update(_credentials(name, value))
        if "=" in value:  # ('sid=${TOKEN}; theme=dark', 'https://cb/?token=${TOKEN}': a pair's value alone)
            out.update(_PAIR_VALUE.findall(value))
    if "@" in t.url:
        out.update(_userinfo_basic(t.url))
    return sorted((s for s in out if len(s) >= 3), key=lambda s: (-len(s), s))  # (longest first)


_PAIR_VALUE = re.compile(r"[^\s=&;,?/]+=([^\s&;,]+)")


def _credentials(name: str, value: str) -> list[str]:
    """The credential of an ``Authorization``-like header value: what follows its scheme word
    (``Bearer``, ``Basic``, ``Token``, ``Digest`` ...; any word in a header named ``*Authorization``),
    and for ``Basic`` the ``user:pass`` it decodes to and both halves (URL userinfo's are secrets too)."""
    scheme, _, rest = value.partition(" ")
    rest = rest.strip()
    if not rest or (scheme.lower() not in AUTH_SCHEMES and "authorization" not in name.lower()):
        return []
    if scheme.lower() != "basic":
        return [rest]
    try:
        pair = base64.b64decode(rest, validate=True).decode()
    except ValueError:  # (not base64, or not text: binascii.Error and UnicodeDecodeError are ValueErrors)
        return [rest]
    user, colon, password = pair.partition(":")
    return [rest, pair, user, password] if colon else [rest, pair]


def _userinfo_basic(url: str) -> list[str]:
    """The ``Basic`` credential httpx sends for the ``user:pass@`` of ``url`` (base64 of both halves
    URL-decoded, joined by ``:``), when a half is a secret (3+ characters, as :meth:`Target.secrets`)."""
    parts = urlsplit(url)
    user, password = parts.username or "", parts.password or ""
    if max(len(user), len(password)) < 3:
        return []
    return [base64.b64encode(f"{unquote(user)}:{unquote(password)}".encode()).decode()]


def _secret_forms(secrets: Iterable[str]) -> list[str]:
    """Every form of ``secrets`` (:func:`_forms`), longest first: replacing one never leaves a tail
    of another."""
    forms: set[str] = set()
    for secret in secrets:
        forms |= _forms(secret)
    return sorted(forms, key=len, reverse=True)


def _blank_forms(text: str, forms: Iterable[str]) -> str:
    """``text`` with every one of ``forms`` replaced by ``***``, in any case: a gateway may echo a
    secret lower-cased (``X-Request-Id: bearer tok...``), which also covers the base64 and
    percent-encoded forms' case changes. A regex runs only for a form the text holds."""
    folded = None
    for form in forms:
        if form in text:
            text = text.replace(form, REDACTED)
            folded = None
        if folded is None:
            folded = text.casefold()
        if form.casefold() in folded:
            text = re.sub(re.escape(form), REDACTED, text, flags=re.IGNORECASE)
            folded = None
    return text


def _blank(text: str, secrets: Iterable[str]) -> str:
    return _blank_forms(text, _secret_forms(secrets))


# --------------------------------------------------------------------------- logging


class _RedactingFilter(logging.Filter):
    """Rewrites httpx/httpcore log records: URLs lose tokens and passwords, and the secrets of the
    targets being probed (registered by :func:`probe_many`) are blanked wherever they appear."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            msg = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record must not break the probe
            return True
        record.msg, record.args = redact_text(_blank(msg, list(_ACTIVE_SECRETS))), None
        return True


_LOGGERS = (
    "httpx", "httpcore", "httpcore.connection", "httpcore.http11", "httpcore.http2",
    "httpcore.proxy", "httpcore.connection_pool",
)
_ACTIVE_SECRETS: collections.Counter[str] = collections.Counter()
_installed = False


def _install_log_redaction() -> None:
    global _installed
    if _installed:
        return
    for name in _LOGGERS:
        logging.getLogger(name).addFilter(_RedactingFilter())
    _installed = True


