"""Round 12, helper expc: probes and imports against hostile servers on 127.0.0.1, read for secrets.

- A reply h11 refuses no longer has its bytes quoted in ``error_message``: an ill-formed header line
  (``Set-Cookie : sid=<cookie>``), a header value h11 refuses, a chunk header are given by their size
  (``illegal header line (34 bytes)``); the status line stays quoted (it names what answered).
- A body whose framing is not HTTP's (an illegal chunk header) is ``protocol``, not ``read``; a body
  cut short stays ``read``.
- A redirect whose ``Location`` is no URL no longer has the part httpx quotes of it in the message
  (``Invalid port: ':1:<token>'``).
- A query parameter's name is judged percent-decoded: ``?api%5Fkey=<token>`` is masked; a webhook
  host with a port (``hooks.slack.com:443``) is still one.
- A server that echoes part of a secret is blanked: a ``name=value`` pair's value inside a header's
  value (a cookie, a callback URL's token), what the shown URL masks of its path (``/hooks/<key>``,
  each segment of Slack's); each kept header is decoded on its own (UTF-8, else Latin-1), its
  control characters shown as ``?``.
- ``occ import``: a ``Location`` that is no URL no longer crashes the import (a traceback); curl -v's
  notes for a refused status line, Content-Length or chunk make the row ``down``; the ``Basic``
  credential curl sends for ``-u user:pw`` or the URL's ``user:pw@`` is masked when a server echoes it.
"""

from __future__ import annotations

import base64
import contextlib

import pandas as pd
import pytest

from occ_lib.cli import main
from occ_lib.evidence import import_evidence
from occ_lib.probe import run_probes
from occ_lib.redact import redact_url
from occ_lib.store import load_probes
from occ_lib.targets import Target

try:
    from tests import probe_servers as ps
except ImportError:  # pragma: no cover - run from tests/
    import probe_servers as ps  # type: ignore[no-redef]

SECRET = "Zq7s3cr3tTOKENabc123"


# --------------------------------------------------------------------------- probes


REPLIES = {
    # a cookie's line with a space before its colon: h11 refuses the whole line
    "cookie-line": f"HTTP/1.1 200 OK\r\nSet-Cookie : sid={SECRET}\r\nContent-Length: 0\r\n\r\n".encode(),
    # a NUL in a value: refused as an illegal header line too
    "nul-value": f"HTTP/1.1 200 OK\r\nX-Request-Id: {SECRET}\x00\r\nContent-Length: 0\r\n\r\n".encode(),
    "bad-chunk": f"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz{SECRET}\r\n".encode(),
    "cut-body": b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789",
    "bad-location": (f"HTTP/1.1 302 Found\r\nLocation: http://[::1:{SECRET}/x?token={SECRET}\r\n"
                     "Content-Length: 0\r\n\r\n").encode(),
    "location-control": (f"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/x?token={SECRET}\x7f\r\n"
                         "Content-Length: 0\r\n\r\n").encode(),
    "status-20": b"HTTP/1.1 20 Short\r\nContent-Length: 0\r\n\r\n",
}


@pytest.fixture(scope="module")
def hostile() -> pd.DataFrame:
    with ps.without_proxies(), contextlib.ExitStack() as stack:
        targets = [
            Target(name=name, url=f"http://127.0.0.1:{stack.enter_context(ps.raw_server(reply))}/",
                   method="GET", timeout_s=5, follow_redirects=True)
            for name, reply in REPLIES.items()
        ]
        yield run_probes(targets, concurrency=len(targets)).set_index("target")


@pytest.mark.parametrize(("name", "status", "error", "message"), [
    ("cookie-line", None, "protocol", "RemoteProtocolError: illegal header line (37 bytes)"),
    ("nul-value", None, "protocol", "RemoteProtocolError: illegal header line (35 bytes)"),
    ("bad-chunk", 200, "protocol", "RemoteProtocolError: illegal chunk header (24 bytes)"),
    ("cut-body", 200, "read", "connection broken while reading: peer closed connection without sending "
                              "complete message body (received 10 bytes, expected 100)"),
    ("bad-location", None, "protocol",
     "RemoteProtocolError: Invalid URL in location header: Invalid port (the header's value is not shown)"),
    ("location-control", None, "protocol",
     "RemoteProtocolError: Invalid URL in location header: Invalid non-printable ASCII character in URL, "
     "'\\x7f' at position 47."),
    # (the status line stays quoted, as before: it names what answered)
    ("status-20", None, "protocol",
     "RemoteProtocolError: illegal status line: bytearray(b'HTTP/1.1 20 Short')"),
])
def test_a_hostile_reply_is_one_row_with_its_class_and_no_byte_of_it_quoted(hostile, name, status, error,
                                                                           message):
    row = hostile.loc[name]
    assert (row.outcome, None if pd.isna(row.status) else int(row.status), row.error, row.error_message) == (
        "down", status, error, message)


def test_no_hostile_reply_puts_its_secret_in_any_column(hostile):
    assert SECRET not in hostile.reset_index().astype(str).to_csv()


def test_a_percent_encoded_secret_name_is_masked_in_the_url():
    assert redact_url(f"https://h.test/cb?api%5Fkey={SECRET}&x=1") == "https://h.test/cb?api%5Fkey=***&x=1"
    assert redact_url(f"https://h.test/cb?%61ccess_token={SECRET}") == "https://h.test/cb?%61ccess_token=***"
    assert redact_url("https://h.test/cb?q=%74oken&page%5Fsize=20") == "https://h.test/cb?q=%74oken&page%5Fsize=20"
    t = Target(name="pct", url=f"https://h.test/cb?api%5Fkey={SECRET}")
    assert (t.display_url, t.secrets()) == ("https://h.test/cb?api%5Fkey=***", [SECRET])


# --------------------------------------------------------------------------- imports


def _transcript(tmp_path, name: str, text: str):
    path = tmp_path / f"{name}.log"
    path.write_text(text, encoding="utf-8")
    return path


def _verbose(cmd: str, response: list[str], notes: list[str]) -> str:
    """A ``curl -sv`` transcript of a GET to 127.0.0.1:8080 as curl 7.88 prints it."""
    return "\n".join([
        f"$ {cmd}", "*   Trying 127.0.0.1:8080...", "* Connected to 127.0.0.1 (127.0.0.1) port 8080 (#0)",
        "> GET / HTTP/1.1", "> Host: 127.0.0.1:8080", "> User-Agent: curl/7.88.1", "> Accept: */*", "> ",
        *response, *notes, "",
    ])


def test_a_location_that_is_no_url_is_imported_not_a_traceback(tmp_path):
    text = _verbose("curl -svL http://127.0.0.1:8080/", [
        "< HTTP/1.1 302 Found", f"< Location: http://[::1:{SECRET}/x?token={SECRET}", "< Content-Length: 0",
        "< "], ["* Connection #0 to host 127.0.0.1 left intact",
                "* The redirect target URL could not be parsed: Bad IPv6 address"])
    result = import_evidence(tmp_path / "store", [_transcript(tmp_path, "bad-location", text)])
    assert (result.imported_rows, result.problems) == (1, [])
    row = load_probes(tmp_path / "store").iloc[0]
    assert (row.url, row.status, row.outcome, row.error, row.error_message) == (
        "http://127.0.0.1:8080/", 302, "down", "unexpected_status", "HTTP 302")


@pytest.mark.parametrize(("name", "response", "note", "status", "error", "message"), [
    ("status-20", [], "Unsupported response code in HTTP response", None, "protocol",
     "curl: (1) Unsupported response code in HTTP response"),
    ("bad-length", ["< HTTP/1.1 200 OK"], "Invalid Content-Length: value", 200, "protocol",
     "curl: (8) Invalid Content-Length: value"),
    ("bad-chunk", ["< HTTP/1.1 200 OK", "< Transfer-Encoding: chunked", "< ", "{ [21 bytes data]"],
     "Illegal or missing hexadecimal sequence in chunked-encoding", 200, "protocol",
     "curl: (56) Illegal or missing hexadecimal sequence in chunked-encoding"),
])
def test_curl_notes_of_a_reply_it_refused_make_the_row_down(tmp_path, name, response, note, status, error,
                                                            message):
    text = _verbose("curl -sv http://127.0.0.1:8080/", response, [f"* {note}", "* Closing connection 0"])
    import_evidence(tmp_path / "store", [_transcript(tmp_path, name, text)])
    row = load_probes(tmp_path / "store").iloc[0]
    assert (row.outcome, None if pd.isna(row.status) else int(row.status), row.error, row.error_message) == (
        "down", status, error, message)


def test_a_basic_credential_curl_sent_is_masked_when_a_server_echoes_it(tmp_path):
    basic = base64.b64encode(f"ops:{SECRET}".encode()).decode()
    echo = ["< HTTP/1.1 200 OK", f"< Server: echo Basic {basic}", f"< X-Request-Id: {basic}",
            "< Content-Length: 0", "< "]
    user = _verbose(f"curl -sv -u ops:{SECRET} http://127.0.0.1:8080/", echo, [])
    userinfo = _verbose(f"curl -sv http://ops:{SECRET}@127.0.0.1:8080/", echo, [])
    paths = [_transcript(tmp_path, "user", user), _transcript(tmp_path, "userinfo", userinfo)]
    import_evidence(tmp_path / "store", paths)
    df = load_probes(tmp_path / "store").sort_values("evidence_path")
    assert df[["url", "h_server", "h_request_id"]].values.tolist() == [
        ["http://127.0.0.1:8080/", "echo Basic ***", "***"],
        ["http://127.0.0.1:8080/", "echo Basic ***", "***"],  # (-v: the request line and Host)
    ]
    assert basic not in df.astype(str).to_csv()


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsys.readouterr()
    return info.value.code, out, err


def test_occ_import_of_hostile_transcripts_exits_0_and_export_holds_no_secret(tmp_path, capsys):
    (tmp_path / "occ.yml").write_text("store: data/\n", encoding="utf-8")
    bad = _verbose("curl -svL http://127.0.0.1:8080/", [
        "< HTTP/1.1 302 Found", f"< Location: http://[::1:{SECRET}/", "< Content-Length: 0", "< "], [])
    chunk = _verbose("curl -sv http://127.0.0.1:8080/", [
        "< HTTP/1.1 200 OK", "< Transfer-Encoding: chunked", "< ", "{ [21 bytes data]"],
        ["* Illegal or missing hexadecimal sequence in chunked-encoding", "* Closing connection 0"])
    _transcript(tmp_path, "bad", bad)
    _transcript(tmp_path, "chunk", chunk)
    cfg = str(tmp_path / "occ.yml")
    assert _run(["import", "-c", cfg, str(tmp_path / "bad.log"), str(tmp_path / "chunk.log")], capsys) == (
        0, "imported 2 rows from 2 files; 0 already imported; 0 skipped\n", "")
    code, out, err = _run(["export", "-c", cfg, "--format", "csv"], capsys)
    assert (code, err) == (0, "")
    assert SECRET not in out
    assert [line.split(",")[8:11] for line in out.splitlines()[1:]] == [
        ["down", "unexpected_status", "HTTP 302"],
        ["down", "protocol", "curl: (56) Illegal or missing hexadecimal sequence in chunked-encoding"],
    ]


# --------------------------------------------------------------------------- echoes and header bytes


def test_a_secret_inside_a_header_value_or_the_url_path_is_blanked_when_echoed(monkeypatch):
    """A server that echoes a pair's value of a header (a cookie, a callback URL's token) or the key of
    the URL's path (``/hooks/<key>``, Slack's last segment), not the whole header or URL."""
    monkeypatch.setenv("OCC_EXPC_TOKEN", SECRET)
    key = "xoxbKEY0123456789abcdef"
    echo = (f"HTTP/1.1 200 OK\r\nServer: echo {SECRET} {key}\r\nVia: 1.1 gw (sid={SECRET})\r\n"
            f"X-Request-Id: rid-{SECRET}\r\nContent-Length: 0\r\n\r\n").encode()
    with ps.without_proxies(), ps.raw_server(echo) as port:
        url = f"http://127.0.0.1:{port}/"
        targets = [
            Target(name="callback", url=url, headers={"X-Callback": "https://cb.test/in?token=${OCC_EXPC_TOKEN}"}),
            Target(name="cookie", url=url, headers={"Cookie": "sid=${OCC_EXPC_TOKEN}; theme=dark"}),
            Target(name="hook", url=f"{url}hooks/{SECRET}"),
            Target(name="slack", url=f"http://hooks.slack.com:{port}/services/T0AAAA/B0BBBB/{key}"),
        ]
        # (a port does not hide Slack's host: its path is masked, and each masked segment is a secret)
        assert targets[3].display_url == f"http://hooks.slack.com:{port}/services/***"
        assert sorted(targets[3].secrets()) == sorted([f"T0AAAA/B0BBBB/{key}", key, "B0BBBB", "T0AAAA"])
        df = run_probes(targets[:3], concurrency=3).set_index("target")
    assert df[["url", "h_server", "h_via", "h_request_id"]].values.tolist() == [
        [url, f"echo *** {key}", "1.1 gw (sid=***)", "rid-***"],
        [url, f"echo *** {key}", "1.1 gw (sid=***)", "rid-***"],
        [f"{url}hooks/***", f"echo *** {key}", "1.1 gw (sid=***)", "rid-***"],
    ]


def test_each_kept_header_is_decoded_on_its_own_and_loses_its_control_characters():
    reply = (b"HTTP/1.1 200 OK\r\nServer: caf\xe9\tgw\x1b[31m\r\nX-Request-Id: \xc3\xa9t\xc3\xa9\r\n"
             b"Content-Length: 0\r\n\r\n")
    with ps.without_proxies(), ps.raw_server(reply) as port:
        df = run_probes([Target(name="bytes", url=f"http://127.0.0.1:{port}/")])
    assert df[["outcome", "h_server", "h_request_id"]].values.tolist() == [["up", "café gw?[31m", "été"]]


@pytest.mark.parametrize(("url", "shown"), [
    ("https://relay.corp.test/services/T0ABCDEF1/B0GHIJKL2/AbCdEfGhIjKlMnOpQrStUvWx",
     "https://relay.corp.test/services/T0ABCDEF1/B0GHIJKL2/***"),
    ("https://relay.corp.test/api/webhooks/123456789012345678/" + "aB3_-" * 14 + "?wait=true",
     "https://relay.corp.test/api/webhooks/123456789012345678/***?wait=true"),
    ("https://hooks.slack.com:443/services/T0/B0/XXX", "https://hooks.slack.com:443/services/***"),
    ("https://HOOKS.SLACK.COM/services/T0/B0/XXX", "https://HOOKS.SLACK.COM/services/***"),
    # (pages, not keys: as written)
    ("https://docs.corp.test/services/Team/Billing/overview", "https://docs.corp.test/services/Team/Billing/overview"),
    ("https://x.test/api/webhooks/123/abc", "https://x.test/api/webhooks/123/abc"),
])
def test_a_slack_or_discord_webhook_is_masked_on_any_host_and_with_a_port(url, shown):
    assert redact_url(url) == shown
    assert Target(name="hook", url=url).display_url == shown
