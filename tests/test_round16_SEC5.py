"""Round 16, SEC5: a password's or a passphrase's value written with spaces is masked to a clear end
('Password=Hunter 2 rotated' -> 'Password=*** rotated', 'passphrase: correct horse battery staple' ->
'passphrase: ***', 'wifi password is blue monkey 42 (rotated)' -> 'wifi password is *** (rotated)'); a sweep
of the shapes logs and transcripts hold, each pinned masked in every text rule, the log reader, a check's
error and `occ import`; a Kubernetes Secret's data and a registry's '.dockerconfigjson' are masked; an
Authorization header's placeholder stays as written ('Authorization: Bearer <token>', 'Bearer ${TOKEN}').
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from occ_lib.logs import parse_log
from occ_lib.redact import redact_text

try:
    from tests.evidence_rows import occ_in, rows, workspace
    from tests.secret_rules import all_keep, all_show
except ImportError:  # (run from tests/)
    from evidence_rows import occ_in, rows, workspace  # type: ignore[no-redef]
    from secret_rules import all_keep, all_show  # type: ignore[no-redef]


HEAD = "# Ops\n\nAll times UTC.\n\n### 2025-10-10\n\n"


# --- 1: a spaced value to a clear end ---------------------------------------------------------------------

@pytest.mark.parametrize("text, shown, secret", [
    ("Password=Hunter 2 rotated", "Password=*** rotated", "Hunter 2"),  # (was 'Password=*** 2 rotated')
    ("Password=Hunter 2; rotated", "Password=***; rotated", "Hunter 2"),
    ("Password=Hunter 2 (rotated)", "Password=*** (rotated)", "Hunter 2"),
    ("password=hunter 2 | next", "password=*** | next", "hunter 2"),
    ("passphrase: correct horse battery staple", "passphrase: ***", "horse"),
    ("passphrase: correct horse battery staple; rotated", "passphrase: ***; rotated", "horse"),
    ("passphrase is correct horse battery staple (rotated)", "passphrase is *** (rotated)", "horse"),
    ("passphrase: correct horse battery staple - rotated", "passphrase: *** - rotated", "horse"),
    ("passphrase is correct horse battery staple. Rotated", "passphrase is ***. Rotated", "horse"),
    ("| passphrase: correct horse battery |", "| passphrase: *** |", "horse"),
    ("wifi password is blue monkey 42", "wifi password is ***", "monkey"),
    ("wifi password is blue monkey 42 (rotated)", "wifi password is *** (rotated)", "monkey"),
    ("wifi password is blue monkey 42 - rotated", "wifi password is *** - rotated", "monkey"),
    ("wifi password is blue monkey 42.", "wifi password is ***.", "monkey"),
    ("wifi password was blue monkey 42, then rotated", "wifi password was ***, then rotated", "monkey"),
])
def test_a_spaced_value_is_masked_to_its_clear_end(text, shown, secret):
    all_show(text, shown, secret)


@pytest.mark.parametrize("text", [
    "passphrase: see the vault",
    "passphrase is too weak",
    "passphrase is weak",
    "passphrase: not set",
    "passphrase: ${PASSPHRASE}",
    "passphrase: <your passphrase>",
    "passphrase: **** ****",
    "password is longer than 12",
    "password was tried 3 times",
    "password is 12 chars",
    "password is valid for 90 days",
    "password: reset via portal 2",
    "the password expired 2",
    "password is blue monkey",  # (no sign of a password: prose, as SEC3 found)
    "password: 1Password vault 2",
])
def test_prose_after_a_passwords_name_stays(text):
    all_keep(text)


@pytest.mark.parametrize("text, shown", [
    # (pinned by round 15: a count, an ordinal, a unit, a mixed part's rest stay SEC3's reading)
    ("Password=Hunter2pg 42 minutes later", "Password=*** 42 minutes later"),
    ("Password=Hunter 2pg 9x! then restart", "Password=*** 9x! then restart"),
    ("password is hunter 2pg for now", "password is *** for now"),
    ("passphrase: correct horse battery staple extra words here and there more",
     "passphrase: *** and there more"),  # (8 words at most, to the first note's word)
])
def test_a_spaced_values_end_is_read_as_before(text, shown):
    all_show(text, shown, "Hunter" if "unter" in text else "horse")


def test_spaced_values_in_log_events_and_a_problem():
    doc = HEAD + ("- 09:00 OPS-1 Password=Hunter 2 rotated\n"
                  "- 09:01 OPS-1 passphrase: correct horse battery staple; rotated\n"
                  "- 09:02 OPS-1 wifi password is blue monkey 42 (rotated)\n")
    logs = parse_log(doc, "x.md")
    assert logs.events["text"].tolist() == [
        "09:00 OPS-1 Password=*** rotated", "09:01 OPS-1 passphrase: ***; rotated",
        "09:02 OPS-1 wifi password is *** (rotated)"]
    mail = ("From: a@b.c\nDate: Fri, 10 Oct 2025 09:00:00 passphrase: correct horse battery staple\n"
            "Subject: x\n\nbody\n")
    assert parse_log(mail, "x.md").problems.values.tolist() == [
        ["x.md", 2, "time", "Date: Fri, 10 Oct 2025 09:00:00 passphrase: ***",
         "time without zone in a pasted email header, read as UTC"]]


# --- 2: the sweep of shapes -----------------------------------------------------------------------------

SHAPES = [
    ("alerts to https://hooks.slack.com/services/T0/B0/XXXXabcd1234 now",
     "alerts to https://hooks.slack.com/services/*** now", "XXXXabcd1234"),
    ("webhook https://discord.com/api/webhooks/123456789/AbCdEf_ghIJ-klmn now",
     "webhook https://discord.com/api/webhooks/*** now", "AbCdEf_ghIJ"),
    ("discord https://discordapp.com/api/webhooks/123456789/AbCdEf_ghIJ-klmn",
     "discord https://discordapp.com/api/webhooks/***", "AbCdEf_ghIJ"),
    ("token ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 leaked", "token *** leaked", "ghp_AbCdEf"),
    ("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV used", "*** used",
     "github_pat_11"),
    ("glpat-AbCdEfGhIj0123456789 used", "*** used", "glpat-AbCd"),
    ("bot xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx here", "bot *** here", "xoxb-1234"),
    ("user xoxp-123456789012-1234567890123-AbCdEfGhIjKl here", "user *** here", "xoxp-1234"),
    ("stripe sk_live_51AbCdEfGhIjKlMnOpQrStUv here", "stripe *** here", "sk_live_51"),
    ("stripe rk_live_51AbCdEfGhIjKlMnOpQrStUv here", "stripe *** here", "rk_live_51"),
    ("hook secret whsec_AbCdEfGhIjKlMnOpQrStUvWx12 here", "hook secret *** here", "whsec_AbCd"),
    ("sendgrid SG.AbCdEfGhIjKlMnOpQrStUv.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfG here",
     "sendgrid *** here", "SG.AbCd"),
    ("google AIzaSyAbCdEfGhIjKlMnOpQrStUvWxYz0123456 here", "google *** here", "AIzaSy"),
    ("npm npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 here", "npm *** here", "npm_AbCd"),
    ("pypi pypi-AgEIcHlwaS5vcmcCJGFiY2RlZmdoLWlqa2wtbW5vcC1xcnN0LXV2d3h5ejAxMjM0 here", "pypi *** here",
     "pypi-AgEI"),
    ("url https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sig=AbCdEf%2Bgh%3D&se=2025 ok",
     "url https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sig=***&se=2025 ok", "AbCdEf"),
    ("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=AbCdEf+gh/ij==;EndpointSuffix=core.windows.net",
     "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=***;EndpointSuffix=core.windows.net",
     "AbCdEf+gh"),
    ("got jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c in"
     " the log", "got jwt *** in the log", "SflKxw"),
    ("Authorization: Basic dXNlcjpwYXNzd29yZA==", "Authorization: Basic ***", "dXNlcjpw"),
    ("Cookie: session=AbCdEf0123456789; theme=dark", "Cookie: ***", "AbCdEf0123"),
    ("Set-Cookie: sid=AbCdEf0123456789; Path=/; HttpOnly", "Set-Cookie: ***; Path=/; HttpOnly", "AbCdEf0123"),
    ("Set-Cookie: __Host-sid=AbCdEf0123456789; Secure", "Set-Cookie: ***; Secure", "AbCdEf0123"),
    ("X-Api-Key: AbCdEf0123456789", "X-Api-Key: ***", "AbCdEf0123"),
    ("X-API-KEY=AbCdEf0123456789", "X-API-KEY=***", "AbCdEf0123"),
    ("curl -u admin:S3cretPw https://h/x", "curl -u admin:*** https://h/x", "S3cretPw"),
    ("curl -u 'admin:S3cret Pw' https://h/x", "curl -u 'admin:***' https://h/x", "S3cret"),
    ("curl --user admin:S3cretPw https://h/x", "curl --user admin:*** https://h/x", "S3cretPw"),
    ("curl -b 'session=AbCdEf0123456789' https://h/x", "curl -b 'session=***' https://h/x", "AbCdEf0123"),
    ("mysql -u root -pS3cretPw db", "mysql -u root -p*** db", "S3cretPw"),
    ("mysql --password=S3cretPw -h db", "mysql --password=*** -h db", "S3cretPw"),
    ("PGPASSWORD=S3cretPw psql -h db", "PGPASSWORD=*** psql -h db", "S3cretPw"),
    ("PGPASSWORD='S3cretPw' psql -h db", "PGPASSWORD='***' psql -h db", "S3cretPw"),
    ("machine api.example.com login bob password S3cretPw", "machine api.example.com login bob password ***",
     "S3cretPw"),
    ("docker login -u bob -p S3cretPw registry.example.com",
     "docker login -u bob -p *** registry.example.com", "S3cretPw"),
    ("docker login -p S3cretPw registry.example.com", "docker login -p *** registry.example.com", "S3cretPw"),
    ("docker login --password=S3cretPw ghcr.io", "docker login --password=*** ghcr.io", "S3cretPw"),
    ("kubectl get pods --token=eyAbCdEf0123456789xyz", "kubectl get pods --token=***", "eyAbCdEf01"),
    ("kubectl get pods --token eyAbCdEf0123456789xyz", "kubectl get pods --token ***", "eyAbCdEf01"),
    ("kubectl --token=eyAbCdEf0123456789xyz --server=https://k8s:6443 get pods",
     "kubectl --token=*** --server=https://k8s:6443 get pods", "eyAbCdEf01"),
    ("data:\n  password: UzNjcmV0UHc=\n  username: Ym9i", "data:\n  password: ***\n  username: Ym9i",
     "UzNjcmV0UHc"),
    ("- -----BEGIN RSA PRIVATE KEY-----\n- MIIEpAIBAAKCAQEAabcdefghijklmnop\n- -----END RSA PRIVATE KEY-----",
     "- -----BEGIN RSA PRIVATE KEY-----***-----END RSA PRIVATE KEY-----", "MIIEpAIBAA"),
    ("```\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n```",
     "```\n-----BEGIN PRIVATE KEY-----***-----END PRIVATE KEY-----\n```", "MIIEvQIBAD"),
    ('"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n'
     '-----END PRIVATE KEY-----\\n",', '"private_key": "***",', "MIIEvQIBAD"),
    # (new: a Kubernetes Secret's data under any key's name, and a registry's docker config)
    ("kind: Secret data: DB_URL: cG9zdGdyZXM6Ly91OnBAaC9k", "kind: Secret data: DB_URL: ***", "cG9zdGdyZXM6"),
    ('{"kind": "Secret", "data": {"DB_URL": "cG9zdGdyZXM6Ly91OnBAaC9k"}}',
     '{"kind": "Secret", "data": {"DB_URL": "***"}}', "cG9zdGdyZXM6"),
    ("kubectl get secret db -o yaml shows data: DB_URL: cG9zdGdyZXM6Ly91OnBAaC9k",
     "kubectl get secret db -o yaml shows data: DB_URL: ***", "cG9zdGdyZXM6"),
    ("  .dockerconfigjson: eyJhdXRocyI6eyJyZWdpc3RyeSI6eyJhdXRoIjoiWVdSdGFXNDZjR0Z6Y3c9PSJ9fX0=",
     "  .dockerconfigjson: ***", "eyJhdXRocyI6"),
    ('".dockercfg": "eyJyZWdpc3RyeSI6e319"', '".dockercfg": "***"', "eyJyZWdpc3"),
]


@pytest.mark.parametrize("text, shown, secret", SHAPES)
def test_a_shape_is_masked_in_every_text_rule(text, shown, secret):
    all_show(text, shown, secret)


def test_a_kubernetes_secrets_manifest_loses_its_data():
    manifest = ("apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n"
                "  DB_URL: cG9zdGdyZXM6Ly91OnBAaC9k\n  username: Ym9i\n"
                "  .dockerconfigjson: eyJhdXRocyI6e30=\n"
                "stringData:\n  API_URL: \"https://u:pw@h/x\"\n  config.yaml: rootpw\n  empty: \"\"\n"
                "  ref: ${DB_URL}\n")
    all_show(manifest,
             "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  DB_URL: ***\n"
             "  username: ***\n  .dockerconfigjson: ***\nstringData:\n  API_URL: \"***\"\n"
             "  config.yaml: ***\n"
             "  empty: \"\"\n  ref: ${DB_URL}\n", "rootpw")


@pytest.mark.parametrize("text", [
    "kind: ConfigMap data: LOG_LEVEL: debug",
    "the secret has data: none yet",
    "kind: Secret data: {}",
    "type: kubernetes.io/dockerconfigjson",
    ".dockercfg: ${DOCKER_CFG}",
    '{"kind": "Secret", "data": {"x": "${X}"}}',
])
def test_a_manifest_without_secret_data_stays(text):
    all_keep(text)


@pytest.mark.parametrize("text", [
    "Authorization: Bearer <token>",  # (was 'Authorization: Bearer ***')
    "Authorization: Bearer ${TOKEN}",  # (was 'Authorization: Bearer ***{TOKEN}')
    "Authorization: ${AUTH_HEADER}",
    "Bearer <token>",  # (the evidence's rule gave 'Bearer ***')
    'curl -H "Authorization: Bearer <token>" https://h',
    "Authorization: Bearer xxxx",
    "Authorization: Bearer REDACTED",
    "Authorization: Bearer ****",
    "token=${X}",
    "password: ****",
    "password: REDACTED",
    "the token expired",
    "rotate the key",
])
def test_a_placeholder_or_prose_stays(text):
    all_keep(text)


@pytest.mark.parametrize("text, shown", [
    ("Authorization: Bearer XXXXab12cd34", "Authorization: Bearer ***"),  # (no placeholder: a word follows)
    ("Authorization: Bearer AbCd1234EfGh5678", "Authorization: Bearer ***"),
])
def test_a_credential_that_opens_like_a_placeholder_is_masked(text, shown):
    all_show(text, shown, text.split()[-1])


def test_the_shapes_reach_no_event_and_no_problem():
    one_line = [(t, secret) for t, _, secret in SHAPES if "\n" not in t]
    doc = HEAD + "".join(f"- 09:{i:02d} OPS-1 {t}\n" for i, (t, _) in enumerate(one_line))
    logs = parse_log(doc, "x.md")
    shown = {t: s for t, s, _ in SHAPES}
    assert logs.events["text"].tolist() == [
        f"09:{i:02d} OPS-1 {shown[t]}" for i, (t, _) in enumerate(one_line)]
    assert logs.problems.values.tolist() == []
    dump = logs.events.astype(str).to_csv()
    assert not any(secret in dump for _, secret in one_line)


def test_a_kubernetes_secret_pasted_under_an_item_reaches_no_event():
    doc = HEAD + ("- 09:03 OPS-1 pasted the manifest:\n  kind: Secret\n  data:\n"
                  "    DB_URL: cG9zdGdyZXM6Ly91OnBAaC9k\n"
                  "    .dockerconfigjson: eyJhdXRocyI6e30=\n"
                  "- 09:05 OPS-1 header Authorization: Bearer <token> in the runbook\n")
    assert parse_log(doc, "x.md").events["text"].tolist() == [
        "09:03 OPS-1 pasted the manifest: kind: Secret data: DB_URL: *** .dockerconfigjson: ***",
        "09:05 OPS-1 header Authorization: Bearer <token> in the runbook"]


def test_a_checks_errors_hold_none_of_the_shapes(tmp_path):
    errors = [t for t, _, _ in SHAPES] + [
        "Password=Hunter 2 rotated", "wifi password is blue monkey 42 (rotated)"]
    results = [{"check": f"c{i}", "url": "https://api.example.com/x", "statusCode": 500, "latencyMs": 5,
                "checkedAt": f"2025-10-10T09:{i:02d}:00Z", "error": e} for i, e in enumerate(errors)]
    found, problems = rows(tmp_path, "checks.json", json.dumps({"results": results}))
    assert problems == []
    by_check = {r["target"]: r["error_message"] for r in found}
    assert [by_check[f"c{i}"] for i in range(len(errors))] == [
        s.strip() for _, s, _ in SHAPES] + ["Password=*** rotated", "wifi password is *** (rotated)"]
    dump = json.dumps(found, default=str)
    assert not any(secret in dump for _, _, secret in SHAPES)


def test_occ_import_stores_and_prints_no_spaced_value(tmp_path):
    art = workspace(tmp_path, "store: data/\n")
    (art / "checks").mkdir()
    (art / "checks" / "broken_2025-10-09.json").write_text(
        '{"results": [{"check": "c", "error": "passphrase: correct horse battery staple",\n'
        '  "y": wifi password is blue monkey 42}')
    (art / "checks" / "ok_2025-10-09.json").write_text(json.dumps({"results": [{
        "check": "c", "url": "https://api.example.com/x", "statusCode": 500, "latencyMs": 5,
        "checkedAt": "2025-10-10T09:00:00Z",
        "error": "passphrase: correct horse battery staple; wifi password is blue monkey 42 (rotated), "
                 "Authorization: Bearer ${TOKEN}, kind: Secret data: DB_URL: cG9zdGdyZXM6Ly91OnBAaC9k"}]}))
    result = occ_in(tmp_path, "import", "artifacts/checks")
    assert result.exit_code == 1
    assert result.output == (
        "occ: artifacts/checks/broken_2025-10-09.json:2: invalid JSON: Expecting value\n"
        "imported 1 rows from 1 files; 0 already imported; 1 skipped\n")
    stored = pd.concat(pd.read_parquet(p) for p in sorted((tmp_path / "data").rglob("*.parquet")))
    assert stored["error_message"].tolist() == [
        "passphrase: ***; wifi password is *** (rotated), Authorization: Bearer ${TOKEN}, kind: Secret data: "
        "DB_URL: ***"]
    dump = stored.astype(str).to_csv()
    assert not any(s in dump for s in ("horse", "monkey", "cG9zdGdyZXM6"))


def test_a_kubernetes_secrets_yaml_line_value_goes_to_its_end():
    # (a YAML line's value with spaces: its line's end closes it; kubectl writes 'data:' before 'kind:')
    all_show("apiVersion: v1\ndata:\n  DB_URL: cG9zdGdyZXM6Ly91OnBAaC9k\nkind: Secret\n",
             "apiVersion: v1\ndata:\n  DB_URL: ***\nkind: Secret\n", "cG9zdGdyZXM6")
    assert redact_text("kind: Secret\nstringData:\n  NOTE: two words\n  ref: ${X}\n  e: \"\"\n") == (
        "kind: Secret\nstringData:\n  NOTE: ***\n  ref: ${X}\n  e: \"\"\n")  # (was '***:' for 'stringData:')
