"""Round 15, SEC: secrets that leaked through the text rules, the log reader, `occ import` and probe errors.

Each masked form is pinned exactly; each rule has prose it keeps as written.
"""

from __future__ import annotations

import json

import pytest

from occ_lib.probe import run_probes
from occ_lib.redact import redact_lines

try:
    from tests import probe_servers as ps
    from tests.evidence_rows import rows
    from tests.log_rows import event_rows
    from tests.secret_rules import all_keep, all_show
except ImportError:  # (run from tests/)
    import probe_servers as ps  # type: ignore[no-redef]
    from evidence_rows import rows  # type: ignore[no-redef]
    from log_rows import event_rows  # type: ignore[no-redef]
    from secret_rules import all_keep, all_show  # type: ignore[no-redef]

_AWS_ID = "AKIAIOSFODNN7EXAMPLE"
_AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
_TWILIO_SID = "AC0123456789abcdef0123456789abcdef"
_TWILIO_TOKEN = "fedcba9876543210fedcba9876543210"
_DIGEST = ('Authorization: Digest username="bob", realm="api", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", '
           'uri="/v1/health", response="6629fae49393a05397450978507c4ef1", qop=auth, nc=00000001')


# --- an AWS secret access key a few lines below its key id ---------------------------------------

def test_an_aws_secret_two_lines_below_its_key_id_in_a_list_is_masked():
    doc = (f"# Keys\n\n- key id {_AWS_ID}\n- region us-east-1\n- value {_AWS_SECRET}\n"
           f"- {_AWS_SECRET} again\n")
    assert event_rows(doc) == [
        [3, None, "note", 0, [], "key id ***"],
        [4, None, "note", 0, [], "region us-east-1"],
        [5, None, "note", 0, [], "value ***"],
        [6, None, "note", 0, [], "*** again"],
    ]


def test_an_aws_secret_three_lines_below_its_id_across_blank_lines_and_not_a_fourth():
    lines = [f"key id {_AWS_ID}", "", "region us-east-1", "name deploy-bot", "", f"then {_AWS_SECRET}",
             "unrelated", f"much later {_AWS_SECRET}"]
    assert redact_lines(lines, "\n".join(lines)) == [
        f"key id {_AWS_ID}", "", "region us-east-1", "name deploy-bot", "", "then ***",
        "unrelated", f"much later {_AWS_SECRET}",
    ]


def test_a_path_or_a_sha_below_a_key_id_stays():
    lines = [f"- key id {_AWS_ID}", "- region us-east-1",
             "- see /srv/app/releases/2025/10/current/config/aws.yml",
             "- commit 4f1d2a9c0b7e6f5a4d3c2b1a09f8e7d6c5b4a392"]
    assert redact_lines(lines, "\n".join(lines)) == lines


# --- PIN, a system's 'pass', a user/password pair, 'api-key' ---------------------------------------

@pytest.mark.parametrize("text, shown, secret", [
    ("PIN 4829", "PIN ***", "4829"),
    ("door PIN 4829 for the DC cage", "door PIN *** for the DC cage", "4829"),
    ("pin code 482913 for the safe", "pin code *** for the safe", "482913"),
    ("db pass hunter22", "db pass ***", "hunter22"),
    ("the DB pass is Hunter2pg.", "the DB pass is ***.", "Hunter2pg"),
    ("wifi pass guest2025 for visitors", "wifi pass *** for visitors", "guest2025"),
    ("login ops/Pw2024xy", "login ops/***", "Pw2024xy"),
    ("login ops/Hunter2xy works again", "login ops/*** works again", "Hunter2xy"),
    ("user deploy, S3cure!x", "user deploy, ***", "S3cure!x"),
    ("api-key 9f8e7d6c5b4a39281706f5e4d3c2b1a0 rotated", "api-key *** rotated", "9f8e7d6c5b"),
    ("x-api-key 9f8e7d6c5b4a39281706f5e4d3c2b1a0 for the vendor", "x-api-key *** for the vendor",
     "9f8e7d6c5b"),
])
def test_a_pin_a_systems_pass_a_login_pair_and_a_hyphenated_key_are_masked(text, shown, secret):
    all_show(text, shown, secret)


@pytest.mark.parametrize("text", [
    "pass the build to QA", "ops/oncall rotation", "PIN the version to 1.4", "pass 2 of 3",
    "tests pass 42/42", "db pass 2 of 3", "vpn pass v2.1.0", "db pass migrations first",
    "PIN 2025-10-10 release", "login ops/oncall rotation", "the api-key rotation is done",
    "pin the chart to 4.2.1",
])
def test_prose_about_pins_passes_logins_and_keys_stays(text):
    all_keep(text)


# --- Digest, vault login, a Twilio pair, a connection string, --password-stdin -------------------

@pytest.mark.parametrize("text, shown, secret", [
    # (round 15, SEC2: the user name stays; only the hashes are secrets)
    (_DIGEST, 'Authorization: Digest username="bob", realm="api", '
              'nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/v1/health", response="***", qop=auth, '
              'nc=00000001', "6629fae4"),
    ("> Proxy-Authorization: Digest username=bob, response=6629fae49393a05397450978507c4ef1, qop=auth",
     "> Proxy-Authorization: Digest username=bob, response=***, qop=auth", "6629fae4"),
    ("vault login s.AbCdEfGhIjKlMnOpQrStUvWx worked", "vault login *** worked", "AbCdEfGhIj"),
    ("ran `bao login -no-print s.AbCdEfGhIjKlMnOpQrStUvWx`", "ran `bao login -no-print ***`", "AbCdEfGhIj"),
    (f"twilio {_TWILIO_SID} / {_TWILIO_TOKEN}", f"twilio {_TWILIO_SID} / ***", _TWILIO_TOKEN),
    (f"{_TWILIO_SID}:{_TWILIO_TOKEN}", f"{_TWILIO_SID}:***", _TWILIO_TOKEN),
    ("Server=db01;Database=app;User Id=sa;Password=Hunter 2pg;",
     "Server=db01;Database=app;User Id=sa;Password=***;", "2pg"),
    ("Driver={ODBC};Server=db01;Uid=sa;Pwd=correct horse 9;", "Driver={ODBC};Server=db01;Uid=sa;Pwd=***;",
     "horse"),
    ("echo Sup3rS3cret | docker login -u deploy --password-stdin",
     "echo *** | docker login -u deploy --password-stdin", "Sup3rS3cret"),
    ("echo 'Sup3rS3cret' | docker login --username deploy --password-stdin ghcr.io",
     "echo '***' | docker login --username deploy --password-stdin ghcr.io", "Sup3rS3cret"),
    ("podman login -u deploy --password-stdin quay.io <<< Sup3rS3cret",
     "podman login -u deploy --password-stdin quay.io <<< ***", "Sup3rS3cret"),
])
def test_digest_vault_twilio_connection_strings_and_stdin_passwords_are_masked(text, shown, secret):
    all_show(text, shown, secret)


@pytest.mark.parametrize("text", [
    "weekly digest: response times up 20%",
    "vault login failed again", "vault login -method=userpass username=bob",
    f"twilio account {_TWILIO_SID} moved to the new project",
    "Server=db01;Database=app notes;",
    'echo "$CR_PAT" | docker login ghcr.io -u bob --password-stdin',
    "docker login --username deploy --password-stdin ghcr.io",
])
def test_digest_vault_twilio_and_stdin_prose_stays(text):
    all_keep(text)


# --- through the log reader, occ import and probe errors ---------------------------------------------

def test_a_logs_events_hold_none_of_the_new_shapes():
    doc = ("# Ops\n\n## 2025-10-10\n\n"
           "- 09:00 UTC door PIN 4829 for the cage\n"
           "- 09:01 UTC db pass hunter22 after the reset\n"
           "- 09:02 UTC vault login s.AbCdEfGhIjKlMnOpQrStUvWx worked\n"
           f"- 09:03 UTC twilio {_TWILIO_SID}/{_TWILIO_TOKEN}\n"
           "- 09:04 UTC x-api-key 9f8e7d6c5b4a39281706f5e4d3c2b1a0 for the vendor\n"
           f"- 09:05 UTC > {_DIGEST}\n"
           "- 09:06 UTC pass the build, PIN the version\n")
    assert event_rows(doc) == [
        [5, "10-10 09:00", "note", 0, [], "09:00 UTC door PIN *** for the cage"],
        [6, "10-10 09:01", "note", 0, [], "09:01 UTC db pass *** after the reset"],
        [7, "10-10 09:02", "note", 0, [], "09:02 UTC vault login *** worked"],
        [8, "10-10 09:03", "note", 0, [], f"09:03 UTC twilio {_TWILIO_SID}/***"],
        [9, "10-10 09:04", "note", 0, [], "09:04 UTC x-api-key *** for the vendor"],
        [10, "10-10 09:05", "note", 0, [],
         '09:05 UTC > Authorization: Digest username="bob", realm="api", '
         'nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/v1/health", response="***", qop=auth, '
         'nc=00000001'],
        [11, "10-10 09:06", "note", 0, [], "09:06 UTC pass the build, PIN the version"],
    ]


def test_an_imported_checks_errors_hold_none_of_the_new_shapes(tmp_path):
    msgs = ["vault login s.AbCdEfGhIjKlMnOpQrStUvWx failed", "db pass hunter22 rejected", "PIN 4829 wrong",
            "login ops/Hunter2xy denied", f"twilio {_TWILIO_SID}/{_TWILIO_TOKEN}",
            'upstream: Authorization: Digest username="bob", response="6629fae49393a05397450978507c4ef1"']
    results = [{"check": f"c{i}", "url": "https://api.example.com/x", "statusCode": 500, "latencyMs": 5,
                "checkedAt": f"2025-10-10T09:0{i}:00Z", "error": m} for i, m in enumerate(msgs)]
    found, problems = rows(tmp_path, "checks.json", json.dumps({"results": results}))
    assert problems == []
    assert [r["error_message"] for r in found] == [
        "vault login *** failed", "db pass *** rejected", "PIN *** wrong", "login ops/*** denied",
        f"twilio {_TWILIO_SID}/***", 'upstream: Authorization: Digest username="bob", response="***"',
    ]


def test_a_curl_v_transcripts_digest_response_never_reaches_the_store(tmp_path):
    text = ("$ curl -v https://api.example.com/v1/health\n"
            "> GET /v1/health HTTP/1.1\n"
            "> Host: api.example.com\n"
            f"> {_DIGEST}\n"
            ">\n"
            "< HTTP/1.1 401 Unauthorized\n"
            "< Date: Fri, 10 Oct 2025 09:00:00 GMT\n"
            "<\n")
    found, problems = rows(tmp_path, "curl_v.log", text)
    assert problems == []
    assert [(r["url"], r["status"], r["error_message"]) for r in found] == [
        ("https://api.example.com/v1/health", 401, "HTTP 401")]
    assert "6629fae4" not in json.dumps(found, default=str)


def test_a_probe_error_that_echoes_the_new_shapes_leaks_nothing():
    from occ_lib.targets import Target

    reply = (b"ERR vault login s.AbCdEfGhIjKlMnOpQrStUvWx db pass hunter22 twilio "
             + f"{_TWILIO_SID}/{_TWILIO_TOKEN} PIN 4829\r\n\r\n".encode())
    with ps.without_proxies(), ps.raw_server(reply) as port:
        df = run_probes([Target(name="echo", url=f"http://127.0.0.1:{port}/x", method="GET")])
    assert df["error_message"].tolist() == [
        "RemoteProtocolError: illegal status line: bytearray(b'ERR vault login *** db pass *** twilio "
        f"{_TWILIO_SID}/*** PIN ***')"]


# --- a pair quoted whole as a command's argument, its value with a space ----------------------------

@pytest.mark.parametrize("text, shown, secret", [
    ('kubectl create secret generic x --from-literal="password=Hunter 2pg"',
     'kubectl create secret generic x --from-literal="password=***"', "2pg"),
    ("terraform apply -var 'db_password=Hunter 2pg'", "terraform apply -var 'db_password=***'", "2pg"),
    ('helm install app ./chart --set "db.password=Hunter 2pg"',
     'helm install app ./chart --set "db.password=***"', "2pg"),
    ('ansible-playbook site.yml --extra-vars "ansible_password=Hunter 2pg ansible_user=bob"',
     'ansible-playbook site.yml --extra-vars "ansible_password=*** ansible_user=bob"', "2pg"),
])
def test_a_quoted_arguments_secret_with_a_space_is_masked_whole(text, shown, secret):
    all_show(text, shown, secret)


@pytest.mark.parametrize("text", [
    'ansible-playbook x.yml -e "env=prod region=us east"',
    'helm install app ./chart --set "image.tag=2025 10 10"',
])
def test_a_quoted_arguments_other_pairs_stay(text):
    all_keep(text)
