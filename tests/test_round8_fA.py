"""Round 8 (fA): secret leaks a test-drive found (td69 F1-F12) and the false positives of the URL
query rule (F9). Every test asserts the exact masked output and that the secret, raw or encoded
(URL-escaped, base64), is nowhere in it; the near misses show each rule is not too broad."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from urllib.parse import quote, quote_plus

import pytest

from occ_lib.evidence import read_evidence
from occ_lib.logs import parse_log, read_logs
from occ_lib.probe import run_probes
from occ_lib.redact import redact_path, redact_text, redact_url
from occ_lib.targets import ProbesConfig, Target, select_targets

try:
    from tests import probe_servers as ps
except ImportError:  # (run from tests/)
    import probe_servers as ps  # type: ignore[no-redef]


def _nowhere(secret: str, text: str) -> None:
    """``secret`` is in ``text`` in no form: raw, URL-escaped, base64 (at its 3 alignments)."""
    forms = {secret, quote(secret, safe=""), quote_plus(secret)}
    for pad in range(3):
        b = base64.b64encode(b"x" * pad + secret.encode()).decode()
        forms.add(b[4 * ((pad + 2) // 3):-4] if len(b) > 12 else b)
    for form in forms:
        assert form not in text, (form, text)


def _js(df) -> str:
    return df.to_json(date_format="iso")


def _events(text: str) -> list[str]:
    return parse_log(text, "log.md").events["text"].tolist()


# --- F1: an AWS secret access key next to its key id ------------------------------------------------

AWS_ID, AWS_SECRET = "AKIAIOSFODNN7EXAMPLQ", "wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEKEY9"


@pytest.mark.parametrize(("text", "expected"), [
    (f"AWS keys in the CI logs: {AWS_ID} / {AWS_SECRET}, deactivated (SEC-104).",
     "AWS keys in the CI logs: *** / ***, deactivated (SEC-104)."),
    (f"creds {AWS_ID}:{AWS_SECRET} leaked", "creds ***:*** leaked"),
    (f"{AWS_ID},{AWS_SECRET}\n", "***,***\n"),  # (the console's CSV)
    (f"id {AWS_ID}\n{AWS_SECRET} in the runner", "id ***\n*** in the runner"),
    (f"aws_secret_access_key = {AWS_SECRET} in env", "aws_secret_access_key = *** in env"),
    (f"AWS_SECRET_ACCESS_KEY={AWS_SECRET} set", "AWS_SECRET_ACCESS_KEY=*** set"),
])
def test_f1_aws_secret_next_to_its_key_id_is_masked(text, expected):
    assert redact_text(text) == expected
    _nowhere(AWS_SECRET, redact_text(text))


def test_f1_in_a_log_event_and_near_misses():
    texts = _events(f"# L\n## 2025-10-08\n- 14:45 UTC AWS keys: {AWS_ID} / {AWS_SECRET}, gone (SEC-104).\n")
    assert texts == ["14:45 UTC AWS keys: *** / ***, gone (SEC-104)."]
    # a 40-character word after other words, or glued to more characters, is no secret of the pair
    sha = "3f9c2b7e1a4d5f6e7b8c9d0a1b2c3d4e5f6a7b8c"
    assert redact_text(f"{AWS_ID} rotated in commit {sha}") == f"*** rotated in commit {sha}"
    assert redact_text(f"commit {sha} fixed it") == f"commit {sha} fixed it"
    assert redact_text(f"{AWS_ID} {AWS_SECRET}extra") == f"*** {AWS_SECRET}extra"


# --- F2: OpenAI, Anthropic and other prefixed tokens ------------------------------------------------

TOKENS = [
    "sk-proj-Abc123Def456Ghi789Jkl012Mno345Pqr678",  # OpenAI (project)
    "sk-svcacct-Abc123Def456Ghi789Jkl012Mno345",  # OpenAI (service account)
    "sk-" + "Ab1" * 16,  # OpenAI (legacy: 48 characters)
    "sk-ant-api03-Zyx987Wvu654Tsr321Qpo098Nml765",  # Anthropic
    "glpat-Abc123Def456Ghi789Jkl0",  # GitLab personal
    "glptt-0123456789abcdef0123456789abcdef01234567",  # GitLab trigger
    "hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567",  # Hugging Face
    "SKa1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6",  # Twilio API key
    "shpat_0123456789abcdef0123456789abcdef",  # Shopify
    "dop_v1_" + "0123456789abcdef" * 4,  # DigitalOcean
    "glsa_AbCdEfGhIjKlMnOpQrStUvWxYz012345_0a1b2c3d",  # Grafana service account
    "NRAK-ABCDEFGHIJKLMNOPQRSTUVWXYZ0",  # New Relic
    "PMAK-0123456789abcdef01234567-0123456789abcdef0123456789abcdef01",  # Postman
    "ATATT3xFfGF0AbCdEfGhIjKlMnOpQrSt",  # Atlassian
    "dapi0123456789abcdef0123456789abcdef",  # Databricks
    "npm_" + "A1b2C3d4E5" * 3 + "f6G7h8",  # npm (kept working)
    "SG.abcdefghijklmnopqrstuv.ABCDEFGHIJKLMNOPQRSTUVwxyz0123456789abcdefg",  # SendGrid (kept working)
]


@pytest.mark.parametrize("token", TOKENS)
def test_f2_prefixed_tokens_are_masked_in_text_and_log_events(token):
    assert redact_text(f"rotated key {token} after the leak") == "rotated key *** after the leak"
    texts = _events(f"# L\n## 2025-10-08\n- 15:30 UTC rotated {token} after the leak (SEC-108).\n")
    assert texts == ["15:30 UTC rotated *** after the leak (SEC-108)."]
    _nowhere(token, texts[0])


def test_f2_secops_line_and_near_misses():
    line = ("rotated OpenAI key sk-proj-Abc123Def456Ghi789Jkl012Mno345Pqr678 and Anthropic key "
            "sk-ant-api03-Zyx987Wvu654Tsr321Qpo098Nml765 after the notebook leak (SEC-108).")
    assert redact_text(line) == (
        "rotated OpenAI key *** and Anthropic key *** after the notebook leak (SEC-108).")
    for text in ("disk-full on sk-3 and risk-based rollout", "TASK SKU-1234 and SK12 sized",
                 "hf_model_name set", "dapine road", "sk-short1234 ok", "SKA1B2C3D4E5F6A7B8C9D0A1B2C3D4E5F6"):
        assert redact_text(text) == text


# --- F3: a secrets table with three columns ---------------------------------------------------------

def test_f3_name_value_owner_table_masks_the_value_not_the_name():
    logs = parse_log("# L\n## 2025-10-08\n\n| Secret | Value | Owner |\n|---|---|---|\n"
                     "| DB_PASSWORD | TablePw#2025zz | SEC-110 |\n| Rotation | weekly | SEC-111 |\n",
                     "log.md")
    assert logs.events["text"].tolist() == ["DB_PASSWORD | *** | SEC-110", "Rotation | weekly | SEC-111"]
    assert logs.tables["frame"][0].to_dict("records") == [
        {"Secret": "DB_PASSWORD", "Value": "***", "Owner": "SEC-110"},
        {"Secret": "Rotation", "Value": "weekly", "Owner": "SEC-111"},
    ]
    _nowhere("TablePw#2025zz", _js(logs.events) + _js(logs.tables["frame"][0]))


def test_f3_two_column_tables_and_secret_columns_keep_working():
    texts = _events("# L\n## 2025-10-08\n\n| Secret | Value |\n|---|---|\n| DB_PASSWORD | Hunter2pg |\n\n"
                    "| Name | Value |\n|---|---|\n| api_key | KVTABLEkey0007abc |\n\n"
                    "| Token | Owner |\n|---|---|\n| my-token-abc123 | bob |\n\n"
                    "| Service | Token | Expires |\n|---|---|---|\n"
                    "| billing | abc123XYZ0009 | 2025-10-12 |\n\n"
                    "| Variable | Current value | Owner |\n|---|---|---|\n| LOG_LEVEL | debug | SRE-1 |\n")
    assert texts == ["DB_PASSWORD | ***", "api_key | ***", "*** | bob", "billing | *** | 2025-10-12",
                     "LOG_LEVEL | debug | SRE-1"]


# --- F4: a log's own file name ----------------------------------------------------------------------

def test_f4_a_token_in_a_log_file_name_is_masked_in_source_and_problem_lines(tmp_path):
    log = tmp_path / "handoff_token=FNAMEtok77xyzw.md"
    log.write_text("---\nexpires: soon\n---\n# Handoff\n## 2025-10-08\n- 09:00 UTC paged on-call, INC-1.\n")
    logs = read_logs([str(log), str(tmp_path / "old_api_key=MISSINGkey123.md")])
    shown = f"{tmp_path}/handoff_token=***.md"
    assert logs.events["source"].tolist() == [shown]
    assert logs.docs["source"].tolist() == [shown]
    assert logs.problems["source"].tolist() == [f"{tmp_path}/old_api_key=***.md", shown]
    assert logs.problems["token"].tolist()[1] == "soon"
    out = subprocess.run([sys.executable, "-m", "occ_lib", "events", str(log), "--format", "csv"],
                         capture_output=True, text=True, check=False)
    assert out.stderr == f"occ: {shown}:2: expires: not a valid date (soon)\n"
    for text in (out.stdout, out.stderr, _js(logs.events), _js(logs.problems)):
        _nowhere("FNAMEtok77xyzw", text)
        _nowhere("MISSINGkey123", text)


def test_f4_ordinary_file_names_stay_as_given(tmp_path):
    log = tmp_path / "token-rotation status [W41].md"
    log.write_text("# T\n## 2025-10-08\n- 09:00 UTC rotated, INC-1.\n")
    assert read_logs([str(log)]).events["source"].tolist() == [str(log)]
    assert redact_path("feedback/key_rotation_2025-10-08.md") == "feedback/key_rotation_2025-10-08.md"


# --- F5: front-matter values that fail validation ---------------------------------------------------

FM = ('---\nowner: x\nexpires: sk_live_51FMexpires0104abc\nlast_reviewed: "token FMrev0105abcdef"\n'
      'tz: "Bearer FMtz0106abcdef"\ndate_order: "password Hunter2pg#1"\n---\n'
      '# T\n## 2025-10-08\n- 09:00 UTC note\n')


def test_f5_front_matter_problem_tokens_are_redacted(tmp_path):
    logs = parse_log(FM, "fm3.md")
    assert logs.problems[["line", "token", "reason"]].values.tolist() == [
        [5, "Bearer ***", "tz: unknown time zone"],
        [6, "password ***", "date_order: expected dmy (day first) or mdy (month first)"],
        [4, "token ***", "last_reviewed: not a valid date"],
        [3, "***", "expires: not a valid date"],
    ]
    path = tmp_path / "fm3.md"
    path.write_text(FM)
    out = subprocess.run([sys.executable, "-m", "occ_lib", "summary", str(path)],
                         capture_output=True, text=True, check=False)
    assert out.stderr.splitlines() == [
        f"occ: {path}:5: tz: unknown time zone (Bearer ***)",
        f"occ: {path}:6: date_order: expected dmy (day first) or mdy (month first) (password ***)",
        f"occ: {path}:4: last_reviewed: not a valid date (token ***)",
        f"occ: {path}:3: expires: not a valid date (***)",
    ]
    for secret in ("sk_live_51FMexpires0104abc", "FMrev0105abcdef", "FMtz0106abcdef", "Hunter2pg#1"):
        _nowhere(secret, out.stdout + out.stderr + _js(logs.problems) + _js(logs.docs))


def test_f5_ordinary_bad_values_are_still_named():
    logs = parse_log("---\nexpires: next week\ntz: Mars/Olympus\n---\n# T\n## 2025-10-08\n- 09:00 UTC note\n",
                     "fm.md")
    assert logs.problems["token"].tolist() == ["Mars/Olympus", "next week"]


# --- F6 and F12: a target's tags and dict(target) ---------------------------------------------------

TAG_URL = "https://grafana.example/d/abc?auth_token=TAGURLtok2468hh"


def _target(url: str = "http://deploy:Pa55w0rdUserinfo@127.0.0.1:1/err?sig=CFGURLkey789abc") -> Target:
    return Target(name="echo", url=url, tags={"team": "secops", "dashboard": TAG_URL})


def test_f6_tags_are_redacted_in_repr_dumps_and_iteration_but_kept_for_selection():
    t = _target()
    shown = {"team": "secops", "dashboard": "https://grafana.example/d/abc?auth_token=***"}
    assert t.display_tags == shown and t.model_dump()["tags"] == shown
    assert json.loads(t.model_dump_json())["tags"] == shown
    assert dict(t)["tags"] == shown
    assert "auth_token=***" in repr(t)
    cfg = ProbesConfig.model_validate({"defaults": {"tags": {"runbook": TAG_URL}},
                                       "targets": [{"name": "a", "url": "http://127.0.0.1:1/x"}]})
    assert "auth_token=***" in repr(cfg)
    assert t.tags["dashboard"] == TAG_URL  # (as written: --tag selects by it)
    assert select_targets(cfg, tags={"runbook": TAG_URL}) == cfg.targets
    for text in (repr(t), repr(cfg), str(t.model_dump()), t.model_dump_json(), str(dict(t))):
        _nowhere("TAGURLtok2468hh", text)


def test_f12_dict_of_a_target_gives_the_redacted_url_and_the_probe_the_real_one():
    t = _target()
    assert dict(t)["url"] == "http://***@127.0.0.1:1/err?sig=***"
    assert t.url == "http://deploy:Pa55w0rdUserinfo@127.0.0.1:1/err?sig=CFGURLkey789abc"
    for text in (str(dict(t)), str(list(t))):
        _nowhere("Pa55w0rdUserinfo", text)
        _nowhere("CFGURLkey789abc", text)
    with ps.without_proxies(), ps.http_server() as srv:
        target = _target(f"{srv.url}/ok?api_key=REALkey123abc&region=us")
        assert dict(target)["url"] == f"{srv.url}/ok?api_key=***&region=us"
        df = run_probes([target])
    assert srv.seen[0][1] == "/ok?api_key=REALkey123abc&region=us"  # (the probe sent the real URL)
    row = df.iloc[0]
    assert (row["status"], row["url"]) == (200, f"{srv.url}/ok?api_key=***&region=us")
    assert json.loads(row["tags"]) == {"dashboard": "https://grafana.example/d/abc?auth_token=***",
                                       "team": "secops"}
    _nowhere("TAGURLtok2468hh", df.astype(str).to_csv())
    _nowhere("REALkey123abc", df.astype(str).to_csv())


def test_f6_evidence_rows_store_the_targets_tags_redacted(tmp_path):
    check = tmp_path / "synthetic-check-2025-10-08T23-59-00Z.json"
    check.write_text(json.dumps([{"check": "api", "url": "http://127.0.0.1:1/health", "status": 200,
                                  "checkedAt": "2025-10-08T10:00:00Z", "durationMs": 120}]))
    target = Target(name="api", url="http://127.0.0.1:1/health",
                    tags={"team": "secops", "dashboard": TAG_URL})
    df, problems = read_evidence([check], targets=[target], root=tmp_path)
    assert problems == []
    assert (df["target"].tolist(), json.loads(df["tags"][0])) == (
        ["api"], {"dashboard": "https://grafana.example/d/abc?auth_token=***", "team": "secops"})
    _nowhere("TAGURLtok2468hh", df.astype(str).to_csv())


# --- F7: webhook URLs with the key in the path ------------------------------------------------------

@pytest.mark.parametrize(("url", "expected", "secret"), [
    ("https://hooks.zapier.com/hooks/catch/123456/ZAPIERhook0015/", "https://hooks.zapier.com/hooks/catch/***",
     "ZAPIERhook0015"),
    ("https://chat.example.com/hooks/MATTERhook0016xyzabc", "https://chat.example.com/hooks/***",
     "MATTERhook0016xyzabc"),
    ("https://rocket.example.com/hooks/ab12cd34ef/ROCKETtok0099xyz", "https://rocket.example.com/hooks/***",
     "ROCKETtok0099xyz"),
    ("https://events.pagerduty.com/integration/PDkey0017abcdef0123456789abcd/enqueue",
     "https://events.pagerduty.com/integration/***/enqueue", "PDkey0017abcdef0123456789abcd"),
    ("https://maker.ifttt.com/trigger/deploy/with/key/IFTkey0099abc", "https://maker.ifttt.com/trigger/deploy/with/key/***",
     "IFTkey0099abc"),
    ("https://webexapis.com/v1/webhooks/incoming/WEBEXtok0099abc", "https://webexapis.com/v1/webhooks/incoming/***",
     "WEBEXtok0099abc"),
])
def test_f7_webhook_keys_in_the_path_are_masked(url, expected, secret):
    assert redact_url(url) == expected
    logs = parse_log(f"# L\n## 2025-10-08\n- 10:06 UTC hook {url} fails.\n", "log.md")
    assert logs.events["text"].tolist() == [f"10:06 UTC hook {expected} fails."]
    assert logs.events["urls"].tolist() == [[expected]]
    _nowhere(secret, _js(logs.events))


@pytest.mark.parametrize("url", [
    "https://docs.example.com/hooks/overview",  # (a page about hooks: no key)
    "https://github.com/acme/api/settings/hooks/123456",  # (not at the root)
    "https://acme.pagerduty.com/incidents/PABC123",
    "https://example.com/integration/guide/setup",  # (PagerDuty's path on another host)
    "https://hooks.slack.com/",
])
def test_f7_near_misses_keep_their_path(url):
    assert redact_url(url) == url


# --- F8: prose and abbreviated password forms -------------------------------------------------------

@pytest.mark.parametrize(("text", "expected", "secret"), [
    ("10:09 UTC pw: ShortPw0018x for the staging admin, INC-5002.",
     "10:09 UTC pw: *** for the staging admin, INC-5002.", "ShortPw0018x"),
    ("10:11 UTC login pwd=PwdEq0019x worked, INC-5002.", "10:11 UTC login pwd=*** worked, INC-5002.",
     "PwdEq0019x"),
    ("10:18 UTC the API key for partner X is PARTNERkey0027abcdef, INC-5004.",
     "10:18 UTC the API key for partner X is ***, INC-5004.", "PARTNERkey0027abcdef"),
    ("10:21 UTC <td>password</td><td>HtmlPw0030!x</td> pasted from the wiki.",
     "10:21 UTC <td>password</td><td>***</td> pasted from the wiki.", "HtmlPw0030!x"),
    ("10:22 UTC <dt>api_key</dt> <dd>HTMLkey0031abc</dd> on the page.",
     "10:22 UTC <dt>api_key</dt> <dd>***</dd> on the page.", "HTMLkey0031abc"),
])
def test_f8_prose_forms_are_masked(text, expected, secret):
    assert redact_text(text) == expected
    assert _events(f"# L\n## 2025-10-08\n- {text}\n") == [expected]
    _nowhere(secret, redact_text(text))


@pytest.mark.parametrize("text", [
    "the API key is rotated weekly", "the token for svc-a is rotating", "ran pwd, got /srv/app",
    "<td>Owner</td><td>alice01</td>", "<td>password</td><td>expired</td>", "moved upward: 3 steps",
    "the access key for the vault is pending",
])
def test_f8_near_misses_stay(text):
    assert redact_text(text) == text


# --- F9: URL query names by whole parts; Set-Cookie ends with the cookie ----------------------------

@pytest.mark.parametrize("url", [
    "https://wiki.example.com/pages/viewpage.action?spaceKey=OPS&title=Restart+Runbook",
    "https://grafana.example.com/d/abc/api?orgId=1&var-keyspace=orders&var-region=us-east-1",
    "https://shop.example.com/checkout?promo_code=FALL25&country_code=US",
    "https://api.example.com/v2/passengers?bypass_cache=1",
    "https://api.example.com/v2/search?keyword=shoes&author=alice&status_code=500",
])
def test_f9_ordinary_query_names_are_kept(url):
    assert redact_url(url) == url


@pytest.mark.parametrize("name", [
    "api_key", "apiKey", "x-api-key", "access_token", "client_secret", "sig", "signature", "X-Amz-Signature",
    "X-Amz-Credential", "password", "passwd", "auth", "code", "key", "auth_code", "code_verifier",
    "jsessionid", "PHPSESSID", "private_token", "routing_key", "pw",
])
def test_f9_secret_query_names_stay_masked(name):
    url = f"https://h.example/cb?{name}=S3cr3tVal99&mode=1"
    assert redact_url(url) == f"https://h.example/cb?{name}=***&mode=1"


def test_f9_token_type_fragment_and_set_cookie():
    assert redact_url("https://app.example.com/callback#access_token=FRAGtok3n4567xyz&token_type=bearer") == (
        "https://app.example.com/callback#access_token=***&token_type=bearer")
    text = "their LB set `Set-Cookie: session=COOKIEsess1on42abc; Path=/; HttpOnly` on the 503 page."
    assert redact_text(text) == "their LB set `Set-Cookie: ***; Path=/; HttpOnly` on the 503 page."
    _nowhere("COOKIEsess1on42abc", redact_text(text))
    assert redact_text("replayed with -H 'Cookie: session=abc123; theme=dark' ok") == (
        "replayed with -H 'Cookie: ***' ok")
    assert redact_text('{"Set-Cookie": "sid=abc; Path=/"}') == '{"Set-Cookie": "***"}'
    assert redact_text("**Cookie:** banner fix") == "**Cookie:** banner fix"


def test_f9_data_keys_in_free_text_are_kept_credentials_masked():
    assert redact_text("cache_key=orders:v2:us evicted; sort_key=created_at; ticket key: OPS-15.") == (
        "cache_key=orders:v2:us evicted; sort_key=created_at; ticket key: OPS-15.")
    assert redact_text("routing_key=R0ABC123def and api_key=K3yabc999 set") == (
        "routing_key=*** and api_key=*** set")


# --- F10: a Server header with a secret-shaped value ------------------------------------------------

def test_f10_server_header_is_masked_like_other_kept_headers():
    leak = (b"HTTP/1.1 200 OK\r\nServer: echo/1.0 token=SRVHDRleak1357jj\r\nVia: 1.1 gw\r\n"
            b"Content-Length: 0\r\n\r\n")
    plain = b"HTTP/1.1 200 OK\r\nServer: nginx/1.25.3\r\nContent-Length: 0\r\n\r\n"
    with ps.without_proxies(), ps.raw_server(leak) as p1, ps.raw_server(plain) as p2:
        df = run_probes([Target(name="leak", url=f"http://127.0.0.1:{p1}/"),
                         Target(name="plain", url=f"http://127.0.0.1:{p2}/")]).set_index("target")
    assert (df.loc["leak", "h_server"], df.loc["leak", "h_via"]) == ("echo/1.0 token=***", "1.1 gw")
    assert df.loc["plain", "h_server"] == "nginx/1.25.3"
    _nowhere("SRVHDRleak1357jj", df.astype(str).to_csv())


# --- F11: a check's name keeps its closing parenthesis ---------------------------------------------

def test_f11_masked_name_keeps_its_parenthesis(tmp_path):
    assert redact_path("c (api_key=EVjs0205abc)") == "c (api_key=***)"
    assert redact_path("check_api_key=abc_2025-10-10T09-00-00Z.json") == (
        "check_api_key=***_2025-10-10T09-00-00Z.json")  # (as before)
    check = tmp_path / "synthetic-2025-10-08T23-59-00Z.json"
    check.write_text(json.dumps([{"check": "c (api_key=EVjs0205abc)", "url": "http://127.0.0.1:1/x",
                                  "status": 200, "checkedAt": "2025-10-08T10:00:00Z"}]))
    df, _ = read_evidence([check], root=tmp_path)
    assert df["target"].tolist() == ["c (api_key=***)"]
    _nowhere("EVjs0205abc", df.astype(str).to_csv())


def test_cli_events_of_the_secops_lines_leak_nothing(tmp_path):
    """Lines of the test-drive's secops log through `occ events`: masked, and no secret in any form."""
    lines = [
        f"- 14:45 UTC AWS keys in the CI logs: {AWS_ID} / {AWS_SECRET}, deactivated (SEC-104).",
        "- 15:30 UTC rotated OpenAI key sk-proj-Abc123Def456Ghi789Jkl012Mno345Pqr678 (SEC-108).",
        "- 10:05 UTC the LB set `Set-Cookie: session=COOKIEsess1on42abc; Path=/; HttpOnly` on the 503 page.",
        "- 10:07 UTC Mattermost hook https://chat.example.com/hooks/MATTERhook0016xyzabc fails.",
    ]
    path = tmp_path / "secops.md"
    path.write_text("# SecOps\n## 2025-10-08\n" + "\n".join(lines) + "\n")
    out = subprocess.run([sys.executable, "-m", "occ_lib", "events", str(path), "--format", "jsonl"],
                         capture_output=True, text=True, check=True)
    for secret in (AWS_SECRET, "sk-proj-Abc123Def456Ghi789Jkl012Mno345Pqr678", "COOKIEsess1on42abc",
                   "MATTERhook0016xyzabc"):
        _nowhere(secret, out.stdout + out.stderr)
    assert [json.loads(x)["text"] for x in out.stdout.splitlines()] == [
        "14:45 UTC AWS keys in the CI logs: *** / ***, deactivated (SEC-104).",
        "15:30 UTC rotated OpenAI key *** (SEC-108).",
        "10:05 UTC the LB set `Set-Cookie: ***; Path=/; HttpOnly` on the 503 page.",
        "10:07 UTC Mattermost hook https://chat.example.com/hooks/*** fails.",
    ]



def test_f10_a_scheme_word_before_a_masked_credential_stays_in_any_pair():
    # (the probe's kept headers pass redact_text after the echoed secrets are blanked: 'auth=Basic ***'
    # keeps its scheme word, as after 'Authorization:'; a credential not yet masked still takes it)
    assert redact_text("1.1 gw (auth=Basic ***)") == "1.1 gw (auth=Basic ***)"
    assert redact_text("via gw auth=Basic dXNlcjpwYXNzd29yZA== ok") == "via gw auth=Basic *** ok"
    assert redact_text("auth=Bearer abc ok") == "auth=*** abc ok"
    _nowhere("dXNlcjpwYXNzd29yZA==", redact_text("via gw auth=Basic dXNlcjpwYXNzd29yZA== ok"))
