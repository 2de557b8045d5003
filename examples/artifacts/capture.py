"""Re-capture the curl transcripts in this folder from local servers that mimic hotdash-staging.

Documentation, not part of occ: run it from the repository root (``python examples/artifacts/capture.py``)
with ``curl``, ``node`` and ``openssl`` on PATH. It starts, on 127.0.0.1 only,

* a Node ``http2`` server with a throw-away self-signed certificate (HTTP/2 over TLS, HTTP/1.1 too),
* a Python ``http.server`` (answers HTTP/1.0),

both answering like the Fly app: ``/app?mock=1`` -> 200 with ``server``/``via``/``fly-request-id``,
``/app?mock=0`` -> 410, ``/`` -> 301 to ``/app?mock=1``; the ``date`` header is the capture's stamp.
curl reaches them as ``hotdash-staging.fly.dev`` through ``--resolve``; afterwards the port is
removed (``hotdash-staging.fly.dev:PORT`` -> ``hotdash-staging.fly.dev``, ``port PORT`` -> ``port 443``)
and the ``$ curl ...`` line the teams write at the top is added (without ``--resolve``/``-k``).
Nothing else in curl's output is changed.
"""

from __future__ import annotations

import email.utils
import http.server
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).parent
HOST = "hotdash-staging.fly.dev"

NODE_SERVER = r"""
const http2 = require('http2'); const fs = require('fs');
const dir = process.argv[2];
const srv = http2.createSecureServer({key: fs.readFileSync(dir + '/key.pem'),
  cert: fs.readFileSync(dir + '/cert.pem'), allowHTTP1: true}, (req, res) => {
  const date = fs.readFileSync(dir + '/date.txt', 'utf8').trim();
  const h2 = req.httpVersion === '2.0';
  res.setHeader('date', date);
  res.setHeader('server', 'Fly/6b1a2b3c (2025-10-08)');
  res.setHeader('via', h2 ? '2 fly.io' : '1.1 fly.io');
  res.setHeader('fly-request-id', fs.readFileSync(dir + '/rid.txt', 'utf8').trim());
  if (req.url === '/') { res.setHeader('location', '/app?mock=1'); res.writeHead(301); res.end(); return; }
  if (req.url === '/app?mock=0') {
    res.setHeader('content-type', 'text/plain; charset=utf-8'); res.writeHead(410);
    res.end(req.method === 'HEAD' ? undefined : 'Gone: live mode is disabled until DEPLOY-147 ships\n');
    return; }
  const body = '<!doctype html><title>HotDash</title><p>mock mode</p>\n';
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.writeHead(200); res.end(req.method === 'HEAD' ? undefined : body);
});
srv.listen(0, '127.0.0.1', () => { console.log(srv.address().port); });
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Http10(http.server.BaseHTTPRequestHandler):
    server_version = "Fly/6b1a2b3c"
    sys_version = "(2025-10-08)"
    state: dict[str, str] = {}

    def date_time_string(self, timestamp=None):  # noqa: ARG002 - the capture's clock
        return self.state["date"]

    def do_HEAD(self):
        self.send_response(200 if self.path == "/app?mock=1" else 410)
        self.send_header("via", "1.0 fly.io")
        self.send_header("fly-request-id", self.state["rid"])
        self.send_header("content-type", "text/html; charset=utf-8")
        self.end_headers()

    def log_message(self, *args):
        pass


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="occ-capture-"))
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST}",
                    "-keyout", tmp / "key.pem", "-out", tmp / "cert.pem"], check=True,
                   capture_output=True)
    (tmp / "server.js").write_text(NODE_SERVER)
    (tmp / "date.txt").write_text("x")
    (tmp / "rid.txt").write_text("x")
    node = subprocess.Popen(["node", tmp / "server.js", tmp], stdout=subprocess.PIPE, text=True)
    tls_port = int(node.stdout.readline())
    h10 = http.server.ThreadingHTTPServer(("127.0.0.1", _free_port()), _Http10)
    threading.Thread(target=h10.serve_forever, daemon=True).start()
    plain_port = h10.server_address[1]
    try:
        for rel, stamp, rid, shown, args in CAPTURES:
            at = datetime.strptime(stamp, "%Y-%m-%dT%H-%M-%SZ").replace(tzinfo=UTC)
            date = email.utils.format_datetime(at, usegmt=True)
            (tmp / "date.txt").write_text(date)
            (tmp / "rid.txt").write_text(rid)
            _Http10.state.update(date=date, rid=rid)
            port = plain_port if "--http1.0" in args else tls_port
            scheme = "http" if "--http1.0" in args else "https"
            real = [a.replace("URL", f"{scheme}://{HOST}:{port}") for a in args]
            verbose = any(re.fullmatch(r"-[a-zA-Z]*v[a-zA-Z]*", a) for a in args)
            out = subprocess.run(["curl", "--resolve", f"{HOST}:{port}:127.0.0.1", "-k", *real],
                                 stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT if verbose else subprocess.DEVNULL)
            text = out.stdout.decode("utf-8")  # bytes: keep curl's CRLF header lines as they are
            default = "443" if scheme == "https" else "80"
            text = text.replace(f"{HOST}:{port}:127.0.0.1", f"{HOST}:{default}:127.0.0.1")
            text = text.replace(f"127.0.0.1:{port}", f"127.0.0.1:{default}")
            text = re.sub(rf"{re.escape(HOST)}:{port}\b", HOST, text)
            text = re.sub(rf"\bport {port}\b", f"port {default}", text)
            cmd = " ".join(a.replace("URL", f"{scheme}://{HOST}") for a in args)
            path = HERE / rel.format(stamp=stamp)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"$ curl {shown or cmd}\n{text}", newline="")
            os.utime(path, (at.timestamp(), at.timestamp()))
            print(path.relative_to(HERE), out.returncode)
            time.sleep(0.05)
    finally:
        node.terminate()
        h10.shutdown()


SHOP = "integrations/shopify/2025-10-10/curl_hotdash-staging_{stamp}.log"
CAPTURES = [
    # (file, stamp, fly-request-id, command shown (None: as run), curl arguments)
    (SHOP, "2025-10-10T02-50-44Z", "01K77ZQ4W0T1AAG1XKJ5N2P3R4-iad", None, ["-I", "URL/app?mock=1"]),
    (SHOP, "2025-10-10T06-20-00Z", "01K78CV8J2E5QHX1B4S7M9T0Y6-iad",
     "-sv https://" + HOST + "/app?mock=1 2>&1", ["-sv", "URL/app?mock=1"]),
    ("integrations/shopify/2025-10-10/curl_hotdash-staging_{stamp}_mock0.log", "2025-10-10T06-34-12Z",
     "01K78DNB5C1V0W9RZ3H8F6G2K7-iad", None, ["-i", "URL/app?mock=0"]),
    ("integrations/shopify/2025-10-09/curl_hotdash-staging_{stamp}_redirect.log", "2025-10-09T17-55-03Z",
     "01K76R2F0D9XKQ4P7N3M5B8C1A-iad", None, ["-IL", "URL/"]),
    ("integrations/shopify/2025-10-11/curl_hotdash-staging_{stamp}_http11.log", "2025-10-11T09-05-00Z",
     "01K7B1H6T4Y2R8E0W3Q5U7I9O1-iad", "-s -i --http1.1 -w 'time_total: %{time_total}\\n' "
     f"https://{HOST}/app?mock=1",
     ["-s", "-i", "--http1.1", "-w", "time_total: %{time_total}\n", "URL/app?mock=1"]),
    ("reliability/2025-10-12/curl_hotdash-staging_{stamp}_http10.log", "2025-10-12T08-00-00Z",
     "01K7D9P2L5K8J1H4G7F0D3S6A9-iad", None, ["-I", "--http1.0", "URL/app?mock=1"]),
    ("reliability/2025-10-12/curl_hotdash-staging_{stamp}_mock0_verbose.log", "2025-10-12T08-01-30Z",
     "01K7D9R7M3N6B9V2C5X8Z1L4K7-iad", "-svI https://" + HOST + "/app?mock=0 2>&1",
     ["-svI", "URL/app?mock=0"]),
]

if __name__ == "__main__":
    sys.exit(main())
