"""Round 6 probe fixes, against real servers on 127.0.0.1.

- After a redirect, a failure is classed by the hop that failed, as it is without a redirect.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator

import pandas as pd
import pytest

from occ_lib.probe import run_probes
from occ_lib.targets import Target

try:
    from tests import probe_servers as ps
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    import probe_servers as ps  # type: ignore[no-redef]


@pytest.fixture(scope="module", autouse=True)
def _loopback_only() -> Iterator[None]:
    with ps.without_proxies():
        yield


# --------------------------------------------------------------------------- errors after a redirect


def _redirect(location: str) -> contextlib.AbstractContextManager[int]:
    head = b"HTTP/1.1 302 Found\r\nLocation: %s\r\nContent-Length: 0\r\n\r\n"
    return ps.raw_server(head % location.encode())


@contextlib.contextmanager
def _stalled_body_server() -> Iterator[int]:
    """Answers with headers and 10 of 100 bytes of body, then says nothing more."""

    def on_conn(conn, stop) -> None:  # noqa: ANN001 - probe_servers' callback
        ps._read_request(conn, stop)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789")
        stop.wait()

    with ps._tcp_server(on_conn) as port:
        yield port


@pytest.fixture(scope="module")
def hops() -> Iterator[pd.DataFrame]:
    """Each fault probed directly and behind a 302 (``hop-*``), in one run."""
    with contextlib.ExitStack() as stack:
        enter = stack.enter_context
        lo = "127.0.0.1"
        plain = enter(ps.raw_server(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"))
        not_http = enter(ps.raw_server(b"SSH-2.0-OpenSSH_9.6\r\n\r\n"))
        faults = {
            "https-on-plain": f"https://{lo}:{plain}/",
            "not-http": f"http://{lo}:{not_http}/",
            "self-signed": f"https://{lo}:{enter(ps.self_signed_tls_server())}/",
            "silent": f"http://{lo}:{enter(ps.silent_server())}/",
            "stalled-body": f"http://{lo}:{enter(_stalled_body_server())}/",
            "reset": f"http://{lo}:{enter(ps.reset_server())}/",
        }
        urls = {f"direct-{k}": v for k, v in faults.items()}
        urls |= {f"hop-{k}": f"http://{lo}:{enter(_redirect(v))}/" for k, v in faults.items()}
        urls["hop-ftp"] = f"http://{lo}:{enter(_redirect('ftp://127.0.0.1/pub'))}/"
        urls["hop-bad-location"] = f"http://{lo}:{enter(_redirect('http://127.0.0.1:abc/'))}/"
        cut = b"HTTP/1.1 302 Found\r\nLocation: /next\r\nContent-Length: 100\r\n\r\nabc"
        urls["cut-302-body"] = f"http://{lo}:{enter(ps.raw_server(cut))}/"
        target = functools.partial(Target, method="GET", timeout_s=1, follow_redirects=True, degraded_ms=5000)
        yield run_probes([target(name=n, url=u) for n, u in urls.items()], concurrency=len(urls)).set_index(
            "target")


@pytest.mark.parametrize(("fault", "error", "message"), [
    ("https-on-plain", "tls", None),
    ("self-signed", "tls", None),
    ("not-http", "protocol", "RemoteProtocolError: illegal status line: bytearray(b'SSH-2.0-OpenSSH_9.6')"),
    ("silent", "timeout", "timed out after 1s waiting for the response"),
    ("stalled-body", "timeout", "timed out after 1s reading the body"),
    ("reset", "read", "connection broken while reading: Connection reset by peer"),
])
def test_after_a_redirect_a_failure_is_classed_as_without_one(hops, fault, error, message):
    direct, hop = hops.loc[f"direct-{fault}"], hops.loc[f"hop-{fault}"]
    assert (hop.outcome, hop.error, hop.error_message) == ("down", error, direct.error_message)
    assert direct.error == error
    if message is not None:
        assert hop.error_message == message
    else:  # (OpenSSL's words: as without the redirect, whatever this OpenSSL says)
        assert hop.error_message.startswith("TLS handshake failed: [SSL: ")


def test_after_a_redirect_phases_still_add_up_over_the_hops(hops):
    """What a phase means is unchanged: connect adds up over both hops, and ttfb is the last
    response's headers (the 302's, when the next hop's TLS failed)."""
    direct, hop = hops.loc["direct-self-signed"], hops.loc["hop-self-signed"]
    assert pd.isna(direct.ttfb_ms) and pd.isna(direct.tls_ms) and pd.isna(hop.tls_ms)
    assert hop.ttfb_ms > 0 and hop.connect_ms > 0 and pd.isna(hop.status)


def test_a_redirect_to_an_unsupported_scheme_or_a_broken_location_is_protocol(hops):
    """As httpx's error is classed without a redirect (``UnsupportedProtocol``, ``RemoteProtocolError``
    are ``protocol``), not a ``read`` of the 302 that was read whole."""
    assert hops.loc["hop-ftp", ["error", "error_message"]].tolist() == [
        "protocol", "UnsupportedProtocol: Request URL has an unsupported protocol 'ftp://'."]
    assert hops.loc["hop-bad-location", ["error", "error_message"]].tolist() == [
        "protocol", "RemoteProtocolError: Invalid URL in location header: Invalid port: 'abc'."]


def test_a_redirect_whose_own_body_breaks_is_still_a_read(hops):
    assert hops.loc["cut-302-body", ["error", "error_message"]].tolist() == [
        "read", "connection broken while reading: peer closed connection without sending complete message "
        "body (received 3 bytes, expected 100)"]
