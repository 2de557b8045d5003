"""Secrets never leak from a probe run: not to the rows, the store, the terminal, the logs or an error.

The secrets: an ``Authorization`` header from ``${OCC_TEST_TOKEN}``, a ``?token=`` query value, URL
userinfo ``user:pw@``, and a header value so malformed that httpx refuses it (its error would echo it).
"""

from __future__ import annotations

import base64
import logging
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from occ_lib.config import validate_section
from occ_lib.errors import ConfigError
from occ_lib.probe import run_probes
from occ_lib.store import load_probes, write_probes
from occ_lib.targets import ProbesConfig

try:
    from tests import probe_servers as ps
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    import probe_servers as ps  # type: ignore[no-redef]


pytestmark = pytest.mark.usefixtures("loopback_only")  # (probe traffic stays on 127.0.0.1)

TOKEN = "tok-occ-test-9f8e7d6c5b"
BAD = "bad-secret-77"
SECRETS = (TOKEN, "s3cr3t", "user:pw", "pw@", BAD, base64.b64encode(b"user:pw").decode())


def _config_yaml(url: str, refused: int) -> str:
    q = "?token=s3cr3t&mock=1"
    host = url.split("://", 1)[1]
    return f"""store: data/
probes:
  defaults: {{timeout_s: 5, degraded_ms: 5000}}
  targets:
    - name: header
      url: "{url}/headers{q}"
      method: GET
      headers: {{Authorization: "Bearer ${{OCC_TEST_TOKEN}}"}}
    - name: userinfo
      url: "http://user:pw@{host}/ok{q}"
    - name: refused
      url: "http://user:pw@127.0.0.1:{refused}/x{q}"
      headers: {{Authorization: "Bearer ${{OCC_TEST_TOKEN}}"}}
    - name: dns
      url: "http://user:pw@{ps.UNRESOLVABLE_HOST}/{q}"
    - name: loop
      url: "http://user:pw@{host}/loop{q}"
      follow_redirects: true
      headers: {{X-Api-Key: "${{OCC_TEST_TOKEN}}"}}
    - name: bad-header
      url: "{url}/ok{q}"
      headers: {{X-Api-Key: "${{OCC_TEST_BAD}}"}}
"""


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("OCC_TEST_TOKEN", TOKEN)
    monkeypatch.setenv("OCC_TEST_BAD", f"{BAD}\r\nX-Injected: yes")
    with ps.http_server() as srv:
        path = tmp_path / "occ.yml"
        path.write_text(_config_yaml(srv.url, ps.closed_port()), encoding="utf-8")
        yield path, srv


def _assert_clean(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked into {where}"


def _targets(path: Path):
    import yaml

    data = yaml.safe_load(path.read_text())["probes"]
    return validate_section(ProbesConfig, data, path, "probes").targets


def test_rows_store_and_logs_hold_no_secret(workspace, tmp_path, caplog):
    path, srv = workspace
    caplog.set_level(logging.DEBUG)
    df = run_probes(_targets(path), concurrency=4)
    by = df.set_index("target")
    # The probes really ran with the secrets: the server saw the resolved header.
    sent = [h for m, p, h in srv.seen if p.startswith("/headers")]
    assert sent and sent[0]["Authorization"] == f"Bearer {TOKEN}"
    assert [h["Authorization"] for m, p, h in srv.seen if p.startswith("/ok?token")][0] == (
        "Basic " + base64.b64encode(b"user:pw").decode())
    assert by.loc["header", "outcome"] == "up" and by.loc["userinfo", "outcome"] == "up"
    assert by.loc["header", "url"] == f"{srv.url}/headers?token=***&mock=1"
    assert by.loc["userinfo", "url"] == f"http://***@{srv.url.split('://')[1]}/ok?token=***&mock=1"
    assert by["error"].fillna("-").to_dict() == {
        "header": "-", "userinfo": "-", "refused": "connect", "dns": "dns", "loop": "too_many_redirects",
        "bad-header": "protocol",
    }
    assert by.loc["bad-header", "error_message"].startswith("LocalProtocolError: Illegal header value")
    # 1. the rows
    _assert_clean(df.astype(str).to_csv(), "the rows")
    # 2. the store: decoded values, metadata, and the raw bytes of every file
    files = write_probes(tmp_path / "data", df)
    for f in files:
        table = pq.read_table(f)
        _assert_clean(table.to_pandas().astype(str).to_csv(), f"{f} (values)")
        _assert_clean(str(table.schema.metadata), f"{f} (metadata)")
        raw = f.read_bytes()
        for secret in SECRETS:
            assert secret.encode() not in raw
    _assert_clean(load_probes(tmp_path / "data").astype(str).to_csv(), "load_probes")
    # 3. the logs (httpx logs every request URL at INFO; the filter redacts it)
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("HTTP Request: GET ") and "token=***" in m for m in messages)
    _assert_clean("\n".join(messages), "log records")
    _assert_clean(caplog.text, "log output")


def test_config_error_for_missing_env_var_holds_no_secret(workspace, monkeypatch):
    path, _ = workspace
    monkeypatch.delenv("OCC_TEST_BAD")
    with pytest.raises(ConfigError) as info:
        _targets(path)
    assert str(info.value) == (
        f"{path}: probes.targets[5].headers.X-Api-Key: "
        "environment variable OCC_TEST_BAD is not set"
    )
    _assert_clean(str(info.value), "the ConfigError")


def test_cli_output_holds_no_secret(workspace, tmp_path):
    path, _ = workspace
    env = {**os.environ, "COLUMNS": "200"}
    out = subprocess.run(
        [sys.executable, "-c", "from occ_lib.cli import main; main()", "probe", "--config", str(path)],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert out.returncode == 3
    assert "header" in out.stdout and "too_many_redirects" in out.stdout
    _assert_clean(out.stdout, "stdout")
    _assert_clean(out.stderr, "stderr")
    df = load_probes(tmp_path / "data")
    assert sorted(df["target"]) == sorted(["header", "userinfo", "refused", "dns", "loop", "bad-header"])
    _assert_clean(df.astype(str).to_csv(), "the CLI's stored rows")
    # ... and when the env var is missing, the config error on stderr has no secret either
    env.pop("OCC_TEST_BAD")
    out = subprocess.run(
        [sys.executable, "-c", "from occ_lib.cli import main; main()", "probe", "--config", str(path)],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr == (
        f"occ: error: {path}: probes.targets[5].headers.X-Api-Key: environment variable "
        "OCC_TEST_BAD is not set\n"
    )


def test_a_server_that_echoes_a_secret_in_another_form_or_in_headers_leaks_nothing(monkeypatch):
    from occ_lib.targets import Target

    monkeypatch.setenv("OCC_TEST_ECHO", "PROBEKEYSECRET43")
    login = b"ERR login failed for svcuser:Pa$$w0rd!x\r\n\r\n"  # (the URL writes the password escaped)
    key = b"ERR bad key k%2Fey%2BSECRET77 for /q\r\n\r\n"  # (and the query value as it went on the wire)
    echo = (b"HTTP/1.1 401 Unauthorized\r\nVia: 1.1 gw (key=PROBEKEYSECRET43)\r\n"
            b"X-Request-Id: rid-PROBEKEYSECRET43\r\nContent-Length: 0\r\n\r\n")
    with ps.raw_server(login) as p1, ps.raw_server(key) as p2, ps.raw_server(echo) as p3:
        targets = [
            Target(name="basic", url=f"http://svcuser:Pa%24%24w0rd%21x@127.0.0.1:{p1}/x", method="GET"),
            Target(name="query", url=f"http://127.0.0.1:{p2}/q?api_key=k%2Fey%2BSECRET77", method="GET"),
            Target(name="echo", url=f"http://127.0.0.1:{p3}/e", headers={"X-Api-Key": "${OCC_TEST_ECHO}"}),
        ]
        df = run_probes(targets, concurrency=3).set_index("target")
    assert df.loc["basic", "error_message"] == (
        "RemoteProtocolError: illegal status line: bytearray(b'ERR login failed for ***:***')")
    assert df.loc["query", "error_message"] == (
        "RemoteProtocolError: illegal status line: bytearray(b'ERR bad key *** for /q')")
    assert (df.loc["echo", "status"], df.loc["echo", "h_via"], df.loc["echo", "h_request_id"]) == (
        401, "1.1 gw (key=***)", "rid-***")
    text = df.astype(str).to_csv()
    for secret in ("Pa$$w0rd!x", "Pa%24%24w0rd%21x", "k%2Fey%2BSECRET77", "k/ey+SECRET77",
                   "PROBEKEYSECRET43"):
        assert secret not in text
