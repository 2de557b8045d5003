"""Evidence import of curl transcripts: how the command line is read (options that take a value,
unquoted headers, prompts), proxy tunnels, curl's error lines wherever ``2>&1`` put them, and ``-w``.

The transcripts are what curl 7.88.1 printed against the tests' local servers (``probe_servers``,
a CONNECT proxy on 127.0.0.1); ports and dates set to fixed values.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from occ_lib.evidence import _command, read_evidence


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode())
    return p


def row(tmp_path: Path, name: str, text: str) -> dict:
    df, problems = read_evidence([write(tmp_path, name, text)])
    assert problems == []
    assert len(df) == 1
    return {k: (None if v is pd.NA or (isinstance(v, float) and pd.isna(v)) else v)
            for k, v in df.iloc[0].to_dict().items()}


FIELDS = ("url", "method", "status", "http_version", "outcome", "error", "error_message")


def fields(r: dict) -> tuple:
    return tuple(r[k] for k in FIELDS)


# unquoted header values ------------------------------------------------------------------------------
UNQUOTED = (
    "$ curl -sS -I http://127.0.0.1:18080/ok -H Authorization: Bearer TTYSECRET9876\n"
    "HTTP/1.1 200 OK\r\n"
    "Date: Mon, 30 Nov 2026 15:15:29 GMT\r\n"
    "\r\n"
    "curl: (6) Could not resolve host: Bearer\n"
    "curl: (6) Could not resolve host: TTYSECRET9876\n"
)
# the URL written without a scheme (curl takes it as http://): its host still tells which error is the row's
UNQUOTED_NO_SCHEME = (
    "$ curl -sS 127.0.0.1:18080/ok -H X-Api-Key: KEYSECRET42\n"
    "curl: (7) Failed to connect to 127.0.0.1 port 18080 after 0 ms: Couldn't connect to server\n"
    "curl: (6) Could not resolve host: KEYSECRET42\n"
)


def test_unquoted_header_words_are_other_urls_and_never_stored(tmp_path):
    r = row(tmp_path, "curl_api_2025-10-11T03-00-00Z.log", UNQUOTED)
    assert fields(r) == ("http://127.0.0.1:18080/ok", "HEAD", 200, "HTTP/1.1", "up", None, None)
    assert "TTYSECRET9876" not in pd.DataFrame([r]).astype("string").to_csv()
    r = row(tmp_path, "curl_key_2025-10-11T03-00-00Z.log", UNQUOTED_NO_SCHEME)
    assert fields(r) == (None, "GET", None, None, "down", "connect",
                         "curl: (7) Failed to connect to 127.0.0.1 port 18080 after 0 ms: "
                         "Couldn't connect to server")
    assert "KEYSECRET42" not in pd.DataFrame([r]).astype("string").to_csv()


def test_secret_words_of_the_command_line(tmp_path):
    line = ("$ curl -sS -u ops:pw-user1 -U proxyops:pw-proxy2 -b 'session=cookie3; theme=dark' "
            "--oauth2-bearer=tok4 -d 'password=data5&x=1' -F 'api_key=form6' "
            "--data-raw '{\"pin\": \"raw7\"}' "
            "-H 'X-Api-Key: hdr8' --header=Cookie:sid9 -HAuthorization:Basic "
            "https://api.example.test/v1")
    cmd = _command([line])
    assert cmd is not None and cmd.url == "https://api.example.test/v1"
    assert sorted(cmd.secrets) == sorted([
        "ops:pw-user1", "pw-user1", "proxyops:pw-proxy2", "pw-proxy2", "session=cookie3; theme=dark",
        "session=cookie3", "cookie3", "theme=dark", "dark", "tok4", "password=data5&x=1",
        "password=data5", "data5", "x=1", "api_key=form6", "form6", '{"pin": "raw7"}', "pin", "raw7",
        "hdr8", "sid9", "Basic",
        # (round 12: the Basic credentials curl sends for -u and -U, should a server echo one)
        "b3BzOnB3LXVzZXIx", "cHJveHlvcHM6cHctcHJveHky"])
    assert list(cmd.secrets) == sorted(cmd.secrets, key=len, reverse=True)
    # a secret word in a message stored from the transcript is masked (a URL-less command: curl's
    # error about the word it tried as a host applies)
    p = write(tmp_path, "curl_masked_2025-10-11T03-00-00Z.log",
              "$ curl -sS -H X-Api-Key: KEYSECRET42\ncurl: (6) Could not resolve host: KEYSECRET42\n")
    df, problems = read_evidence([p])
    assert problems == []
    assert df["error_message"].tolist() == ["curl: (6) Could not resolve host: ***"]


# what the command line's URL is ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "line, url, method",
    [
        ("$ curl -skI -x http://127.0.0.1:18888 https://127.0.0.1:18443/down",
         "https://127.0.0.1:18443/down", "HEAD"),
        ("$ curl -sS --proxy http://proxy.example.test:3128 --url https://a.test/x",
         "https://a.test/x", "GET"),
        ("$ curl -e https://referer.test/ -H 'Origin: https://o.test' -XPOST https://a.test/y",
         "https://a.test/y", "POST"),
        ("$ curl -sSo /tmp/out.html -w '%{http_code}' https://a.test/z", "https://a.test/z", "GET"),
        ("$ curl --connect-to a.test:443:b.test:443 --resolve a.test:443:127.0.0.1 https://a.test/",
         "https://a.test/", "GET"),
        ("$ curl -I --url=https://a.test/eq", "https://a.test/eq", "HEAD"),
        ("[ops@bastion ~]$ curl -sI http://127.0.0.1:18080/down", "http://127.0.0.1:18080/down", "HEAD"),
        ("$ time curl -sI http://127.0.0.1:18080/down", "http://127.0.0.1:18080/down", "HEAD"),
        ("$ sudo -E curl -sI http://127.0.0.1:18080/down", "http://127.0.0.1:18080/down", "HEAD"),
        ("root@box:~# curl http://127.0.0.1:18080/down", "http://127.0.0.1:18080/down", "GET"),
        ("curl https://a.test/bare", "https://a.test/bare", "GET"),
    ],
)
def test_command_line_url_skips_option_values(line, url, method):
    cmd = _command([line])
    assert cmd is not None
    assert (cmd.url, cmd.method) == (url, method)


@pytest.mark.parametrize("prose", [
    "curl failed to verify the legitimacy of the server and therefore could not",
    "curl is not installed on this box",
])
def test_prose_starting_with_curl_is_no_command(prose):
    assert _command([prose]) is None


PROMPTS = {
    "rhel": "[ops@bastion ~]$ curl -sI http://127.0.0.1:18080/down\nHTTP/1.1 503 Service Unavailable\n\n",
    "timed": ("$ time curl -sI http://127.0.0.1:18080/down\nHTTP/1.1 503 Service Unavailable\n\n\n"
              "real\t0m0.018s\nuser\t0m0.005s\nsys\t0m0.005s\n"),
    "sudo": "$ sudo curl -sI http://127.0.0.1:18080/down\nHTTP/1.1 503 Service Unavailable\n\n",
}


@pytest.mark.parametrize("name", list(PROMPTS))
def test_prompts_time_and_sudo(tmp_path, name):
    r = row(tmp_path, f"{name}_2025-10-11T04-03-00Z.log", PROMPTS[name])
    assert fields(r) == ("http://127.0.0.1:18080/down", "HEAD", 503, "HTTP/1.1", "down", "unexpected_status",
                         "HTTP 503")
    assert r["target"] == "127.0.0.1:18080/down"


CERT_ADVICE = (
    "$ curl -sS -I https://127.0.0.1:18443/ok\n"
    "curl: (60) SSL certificate problem: self-signed certificate\n"
    "More details here: https://curl.se/docs/sslcerts.html\n"
    "\n"
    "curl failed to verify the legitimacy of the server and therefore could not\n"
    "establish a secure connection to it. To learn more about this situation and\n"
    "how to fix it, please visit the web page mentioned above.\n"
)


def test_curl_60_advice_is_not_a_second_command(tmp_path):
    r = row(tmp_path, "curl_cert_2025-10-10T08-03-00Z.log", CERT_ADVICE)
    assert fields(r) == ("https://127.0.0.1:18443/ok", "HEAD", None, None, "down", "tls",
                         "curl: (60) SSL certificate problem: self-signed certificate")
    assert r["evidence_key"].split("@")[0].endswith("#0")


# proxy tunnels -----------------------------------------------------------------------------------------
PROXY_HEAD = (
    "$ curl -skI -x http://127.0.0.1:18888 https://127.0.0.1:18443/down\n"
    "HTTP/1.1 200 Connection established\r\n"
    "\r\n"
    "HTTP/1.1 503 Service Unavailable\r\n"
    "Server: Mock/1.0\r\n"
    "Retry-After: 120\r\n"
    "Content-Length: 12\r\n"
    "\r\n"
)
PROXY_GET = (
    "$ curl -sk -i --proxy http://127.0.0.1:18888 --url https://127.0.0.1:18443/down\n"
    "HTTP/1.1 200 Connection established\r\n"
    "\r\n"
    "HTTP/1.1 503 Service Unavailable\r\n"
    "Server: Mock/1.0\r\n"
    "Retry-After: 120\r\n"
    "Content-Length: 12\r\n"
    "\r\n"
    "unavailable\n"
)
PROXY_VERBOSE = (
    "$ curl -skv -x http://127.0.0.1:18888 https://127.0.0.1:18443/down 2>&1\n"
    "*   Trying 127.0.0.1:18888...\n"
    "* Connected to 127.0.0.1 (127.0.0.1) port 18888 (#0)\n"
    "* allocate connect buffer\n"
    "* Establish HTTP proxy tunnel to 127.0.0.1:18443\n"
    "> CONNECT 127.0.0.1:18443 HTTP/1.1\r\n"
    "> Host: 127.0.0.1:18443\r\n"
    "> User-Agent: curl/7.88.1\r\n"
    "> Proxy-Connection: Keep-Alive\r\n"
    "> \r\n"
    "< HTTP/1.1 200 Connection established\r\n"
    "< \r\n"
    "* CONNECT phase completed\n"
    "* CONNECT tunnel established, response 200\n"
    "* ALPN: offers h2,http/1.1\n"
    "* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384\n"
    "* using HTTP/1.x\n"
    "> GET /down HTTP/1.1\r\n"
    "> Host: 127.0.0.1:18443\r\n"
    "> User-Agent: curl/7.88.1\r\n"
    "> Accept: */*\r\n"
    "> \r\n"
    "< HTTP/1.1 503 Service Unavailable\r\n"
    "< Server: Mock/1.0\r\n"
    "< Retry-After: 120\r\n"
    "< Content-Length: 12\r\n"
    "< \r\n"
    "{ [12 bytes data]\n"
    "* Connection #0 to host 127.0.0.1 left intact\n"
    "unavailable\n"
)
# a proxy that words its tunnel answer '200 OK' (hand-written: the same bytes with that reason)
PROXY_OK = PROXY_HEAD.replace("200 Connection established", "200 OK")
# the proxy refused the tunnel: its answer is the row's (the request never reached the URL)
PROXY_DENIED = (
    "$ curl -skI -x http://127.0.0.1:18888 https://127.0.0.1:18443/down\n"
    "HTTP/1.1 403 Forbidden\r\n"
    "Content-Length: 0\r\n"
    "\r\n"
    "curl: (56) CONNECT tunnel failed, response 403\n"
)


@pytest.mark.parametrize("text, method", [(PROXY_HEAD, "HEAD"), (PROXY_GET, "GET"), (PROXY_VERBOSE, "GET"),
                                          (PROXY_OK, "HEAD")])
def test_proxy_tunnel_answer_is_not_the_response(tmp_path, text, method):
    r = row(tmp_path, "curl_proxy503_2025-10-11T01-00-00Z.log", text)
    assert fields(r) == ("https://127.0.0.1:18443/down", method, 503, "HTTP/1.1", "down", "unexpected_status",
                         "HTTP 503")
    assert (r["target"], r["h_server"]) == ("127.0.0.1:18443/down", "Mock/1.0")


def test_proxy_refusing_the_tunnel(tmp_path):
    r = row(tmp_path, "curl_proxy403_2025-10-11T01-00-00Z.log", PROXY_DENIED)
    assert fields(r) == ("https://127.0.0.1:18443/down", "HEAD", 403, "HTTP/1.1", "down", "read",
                         "curl: (56) CONNECT tunnel failed, response 403")


def test_a_200_ok_without_proxy_is_the_answer_and_its_body_stays_body(tmp_path):
    text = "$ curl -si https://a.test/\nHTTP/1.1 200 OK\r\n\r\nHTTP/1.1 500 quoted in the body\n"
    r = row(tmp_path, "curl_body_2025-10-11T01-00-00Z.log", text)
    assert fields(r) == ("https://a.test/", "GET", 200, "HTTP/1.1", "up", None, None)


# curl's error line wherever 2>&1 put it ----------------------------------------------------------------
STALL = (
    "$ curl -sS -i -m 2 http://127.0.0.1:18080/stall\n"
    "curl: (28) Operation timed out after 2000 milliseconds with 4 out of 100 bytes received\n"
    "HTTP/1.1 200 OK\r\n"
    "Date: Mon, 30 Nov 2026 15:13:39 GMT\r\n"
    "Content-Length: 100\r\n"
    "\r\n"
    "part"
)
LOOP = (
    "$ curl -sSI -L --max-redirs 1 http://127.0.0.1:18080/loop\n"
    "curl: (47) Maximum (1) redirects followed\n"
    "HTTP/1.1 302 Found\r\n"
    "Server: occ-test/1.0 Python/3.11.7\r\n"
    "Location: /loop\r\n"
    "\r\n"
    "HTTP/1.1 302 Found\r\n"
    "Server: occ-test/1.0 Python/3.11.7\r\n"
    "Location: /loop\r\n"
    "\r\n"
)
AWAY = (
    "$ curl -sSI -L http://127.0.0.1:18080/away\n"
    "curl: (7) Failed to connect to 127.0.0.1 port 18081 after 0 ms: Couldn't connect to server\n"
    "HTTP/1.0 302 Found\r\n"
    "Server: BaseHTTP/0.6 Python/3.11.7\r\n"
    "Location: http://127.0.0.1:18081/ok\r\n"
    "Content-Length: 0\r\n"
    "\r\n"
)
AWAY_ELSEWHERE = AWAY.replace("127.0.0.1:18081", "localhost:18081").replace(
    "to 127.0.0.1 port 18081", "to localhost port 18081")


@pytest.mark.parametrize(
    "text, expected",
    [
        (STALL, ("http://127.0.0.1:18080/stall", "GET", 200, "HTTP/1.1", "down", "timeout",
                 "curl: (28) Operation timed out after 2000 milliseconds with 4 out of 100 bytes received")),
        (LOOP, ("http://127.0.0.1:18080/loop", "HEAD", 302, "HTTP/1.1", "down", "too_many_redirects",
                "curl: (47) Maximum (1) redirects followed")),
        (AWAY, ("http://127.0.0.1:18080/away", "HEAD", 302, "HTTP/1.0", "down", "connect",
                "curl: (7) Failed to connect to 127.0.0.1 port 18081 after 0 ms: "
                "Couldn't connect to server")),
        # the redirect's host (another than the command's) is still this row's
        (AWAY_ELSEWHERE, ("http://127.0.0.1:18080/away", "HEAD", 302, "HTTP/1.0", "down", "connect",
                          "curl: (7) Failed to connect to localhost port 18081 after 0 ms: "
                          "Couldn't connect to server")),
    ],
)
def test_error_line_before_the_headers_applies(tmp_path, text, expected):
    assert fields(row(tmp_path, "curl_err_2025-10-10T10-00-00Z.log", text)) == expected


def test_an_error_about_the_proxy_applies(tmp_path):
    text = ("$ curl -sSI -x http://proxy.example.test:3128 https://a.test/\n"
            "curl: (7) Failed to connect to proxy.example.test port 3128 after 1 ms: "
            "Couldn't connect to server\n")
    r = row(tmp_path, "curl_px_2025-10-10T10-00-00Z.log", text)
    assert fields(r)[4:6] == ("down", "connect")


def test_errors_only_about_other_arguments(tmp_path):
    text = "$ curl -sS https://a.test/ -H Accept: json\ncurl: (6) Could not resolve host: json\n"
    p = write(tmp_path, "curl_other.log", text)
    df, problems = read_evidence([p])
    assert len(df) == 0
    assert [str(e) for e in problems] == [f"{p}: no response and no curl error about the command's URL"]


# -w output -----------------------------------------------------------------------------------------------
TIMES_ONLY = (
    "$ curl -s -o /dev/null -w 'time_connect: %{time_connect}\\ntime_total: %{time_total}\\n' "
    "-k https://127.0.0.1:18443/ok\n"
    "time_connect: 0.002710\n"
    "time_total: 0.059115\n"
)
EFFECTIVE = (
    "$ curl -sL -o /dev/null -w '%{http_code} %{url_effective} %{time_total}\\n' http://127.0.0.1:18080/r1\n"
    "200 http://127.0.0.1:18080/ok?final=1 0.053137\n"
)


def test_write_out_with_times_only_is_no_failure(tmp_path):
    r = row(tmp_path, "curl_w_2025-10-10T11-31-00Z.log", TIMES_ONLY)
    assert fields(r) == ("https://127.0.0.1:18443/ok", "GET", None, None, "up", None, None)
    assert (r["elapsed_ms"], r["connect_ms"]) == (59.115, 2.71)


def test_url_effective_is_the_rows_url(tmp_path):
    r = row(tmp_path, "curl_w_eff_2025-10-11T01-07-00Z.log", EFFECTIVE)
    assert fields(r) == ("http://127.0.0.1:18080/ok?final=1", "GET", 200, None, "up", None, None)
    assert (r["target"], r["elapsed_ms"]) == ("127.0.0.1:18080/ok?final=1", 53.137)


# failures curl reported only in -v notes or in -w output ---------------------------------------------------
# (curl 7.88.1 against a local server on 18951 and a closed port 18959; -sv hides the 'curl: (N)' line)
SV_REFUSED = (
    "$ curl -sv http://127.0.0.1:18959/login\n"
    "*   Trying 127.0.0.1:18959...\n"
    "* connect to 127.0.0.1 port 18959 failed: Connection refused\n"
    "* Failed to connect to 127.0.0.1 port 18959 after 0 ms: Couldn't connect to server\n"
    "* Closing connection 0\n"
)
SV_TIMEOUT = (
    "$ curl -sv -m 1 http://127.0.0.1:18951/hang\n"
    "*   Trying 127.0.0.1:18951...\n"
    "* Connected to 127.0.0.1 (127.0.0.1) port 18951 (#0)\n"
    "> GET /hang HTTP/1.1\r\n"
    "> Host: 127.0.0.1:18951\r\n"
    "> User-Agent: curl/7.88.1\r\n"
    "> Accept: */*\r\n"
    "> \r\n"
    "* Operation timed out after 1001 milliseconds with 0 bytes received\n"
    "* Closing connection 0\n"
)
SV_DNS = (
    "$ curl -sv http://nosuchhost.invalid/\n"
    "* Could not resolve host: nosuchhost.invalid\n"
    "* Closing connection 0\n"
)
_JSON_TAIL = (
    '"filename_effective":"/dev/null","ftp_entry_path":null,"http_connect":0,"local_ip":"127.0.0.1",'
    '"method":"GET","num_certs":0,"num_redirects":0,"proxy_ssl_verify_result":0,"redirect_url":null,'
    '"referer":null,"scheme":"HTTP","size_header":154,"size_request":82,"size_upload":0,'
    '"speed_download":5076,"speed_upload":0,"ssl_verify_result":0,"time_pretransfer":0.000574,'
    '"time_redirect":0.000000,"urlnum":0,"curl_version":"libcurl/7.88.1 OpenSSL/3.0.19"}\n'
)
JSON_503 = (
    "$ curl -s -o /dev/null -w '%{json}' http://127.0.0.1:18951/web\n"
    '{"certs":"","content_type":"text/plain","errormsg":null,"exitcode":0,"http_code":503,'
    '"http_version":"1.1","local_port":38896,"num_connects":1,"num_headers":4,"remote_ip":"127.0.0.1",'
    '"remote_port":18951,"response_code":503,"size_download":6,"time_appconnect":0.000000,'
    '"time_connect":0.000530,"time_namelookup":0.000024,"time_starttransfer":0.001129,'
    '"time_total":0.001182,"url":"http://127.0.0.1:18951/web","url_effective":"http://127.0.0.1:18951/web",'
    + _JSON_TAIL
)
JSON_REFUSED = (
    "$ curl -s -o /dev/null -w '%{json}' http://127.0.0.1:18959/web\n"
    '{"certs":"","content_type":null,"errormsg":"Failed to connect to 127.0.0.1 port 18959 after 0 ms: '
    'Couldn\'t connect to server","exitcode":7,"http_code":0,"http_version":"0","local_port":0,'
    '"num_connects":0,"num_headers":0,"remote_ip":"","remote_port":0,"response_code":0,"size_download":0,'
    '"time_appconnect":0.000000,"time_connect":0.000000,"time_namelookup":0.000020,'
    '"time_starttransfer":0.000000,"time_total":0.000153,"url":"http://127.0.0.1:18959/web",'
    '"url_effective":"http://127.0.0.1:18959/web",' + _JSON_TAIL
)
FORMAT_FILE = (  # -w "@curl-format.txt": the format is in a file the transcript does not hold
    '$ curl -w "@curl-format.txt" -o /dev/null -s http://127.0.0.1:18951/web\n'
    "     time_namelookup:  0.000022s\n"
    "        time_connect:  0.000495s\n"
    "  time_starttransfer:  0.001085s\n"
    "                     ----------\n"
    "          time_total:  0.001137s\n"
)
FORMAT_FILE_REFUSED = (
    '$ curl -w "@curl-format.txt" -o /dev/null -s http://127.0.0.1:18959/web\n'
    "     time_namelookup:  0.000022s\n"
    "        time_connect:  0.000000s\n"
    "  time_starttransfer:  0.000000s\n"
    "                     ----------\n"
    "          time_total:  0.000148s\n"
)
REFUSED_MSG = "curl: (7) Failed to connect to 127.0.0.1 port 18959 after 0 ms: Couldn't connect to server"


@pytest.mark.parametrize(
    "text, expected, elapsed",
    [
        (SV_REFUSED, ("http://127.0.0.1:18959/login", "GET", None, None, "down", "connect", REFUSED_MSG),
         None),
        (SV_TIMEOUT, ("http://127.0.0.1:18951/hang", "GET", None, None, "down", "timeout",
                      "curl: (28) Operation timed out after 1001 milliseconds with 0 bytes received"), None),
        (SV_DNS, ("http://nosuchhost.invalid/", "GET", None, None, "down", "dns",
                  "curl: (6) Could not resolve host: nosuchhost.invalid"), None),
        (JSON_503, ("http://127.0.0.1:18951/web", "GET", 503, "HTTP/1.1", "down", "unexpected_status",
                    "HTTP 503"), 1.182),
        (JSON_REFUSED, ("http://127.0.0.1:18959/web", "GET", None, None, "down", "connect", REFUSED_MSG),
         0.153),
        (FORMAT_FILE, ("http://127.0.0.1:18951/web", "GET", None, None, "up", None, None), 1.137),
        (FORMAT_FILE_REFUSED, ("http://127.0.0.1:18959/web", "GET", None, None, "down", "connect",
                               "curl -w: no connection (time_connect 0)"), 0.148),
    ],
    ids=["sv-refused", "sv-timeout", "sv-dns", "json-503", "json-refused", "format-file",
         "format-file-refused"],
)
def test_failures_in_verbose_notes_and_write_out(tmp_path, text, expected, elapsed):
    r = row(tmp_path, "web_2025-10-08T14-00-00Z.log", text)
    assert fields(r) == expected
    assert r["elapsed_ms"] == elapsed


def test_a_connect_attempt_curl_went_on_from_is_no_failure(tmp_path):
    text = ("$ curl -sv http://localhost:18951/\n"
            "*   Trying [::1]:18951...\n"
            "* connect to ::1 port 18951 failed: Connection refused\n"
            "*   Trying 127.0.0.1:18951...\n"
            "* Connected to localhost (127.0.0.1) port 18951 (#0)\n"
            "> GET / HTTP/1.1\r\n> Host: localhost:18951\r\n> \r\n"
            "< HTTP/1.1 200 OK\r\n< Content-Length: 3\r\n< \r\nok\n")
    r = row(tmp_path, "web_2025-10-08T14-00-00Z.log", text)
    assert fields(r) == ("http://localhost:18951/", "GET", 200, "HTTP/1.1", "up", None, None)
