"""Round 14, secret masking (SEC): a quoted password's name then its quoted value ('"password" "X"'), 'pwd X',
libpq's PGPASS, Redis's AUTH/requirepass/masterauth, 'az login -p', a quoted password after a command's
option ("mysql -p'My Pw'"), a .netrc line, Slack's workflow and trigger webhooks, 'credentials user:pw', and
a URL written in a file name that prose names; the prose that looks like them stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from log_rows import cli_rows
from typer.testing import CliRunner

from occ_lib._extract import redact
from occ_lib.cli import app
from occ_lib.redact import redact_path, redact_text
from tests.secret_rules import all_keep, all_show

# the brief's log: three secrets the events kept as written
_LOG = """# Ops

## 2025-10-08
- 09:00 UTC db creds rotated: "password" "Hunter2xyz!" in the runbook by mistake.
- 09:05 UTC export PGPASS=s3cr3tpgpass before running psql.
- 09:10 UTC login as admin pwd Zq8!xx77 on the console
"""


def test_the_briefs_three_secrets_leave_the_events(tmp_path: Path):
    log = tmp_path / "sec.md"
    log.write_text(_LOG, encoding="utf-8")
    assert [r["text"] for r in cli_rows("events", str(log), "--format", "jsonl")] == [
        '09:00 UTC db creds rotated: "password" "***" in the runbook by mistake.',
        "09:05 UTC export PGPASS=*** before running psql.",
        "09:10 UTC login as admin pwd *** on the console",
    ]
    for cmd in ("events", "deadlines", "summary"):
        for fmt in ("table", "csv", "json", "jsonl"):
            res = CliRunner().invoke(app, [cmd, str(log), "--format", fmt])
            assert res.exit_code == 0, res.output
            for secret in ("Hunter2xyz", "s3cr3tpgpass", "Zq8!xx77"):
                assert secret not in res.output, (cmd, fmt, secret)


@pytest.mark.parametrize("text, shown, secret", [
    # a quoted name, then its quoted value
    ('db creds rotated: "password" "Hunter2xyz!" in the runbook',
     'db creds rotated: "password" "***" in the runbook', "Hunter2xyz"),
    ("'password' 'Hunter2xyz!'", "'password' '***'", "Hunter2xyz"),
    ('"token" "abcdef1234567"', '"token" "***"', "abcdef1234567"),
    # 'pwd' is a password's short name too (6+ characters with a sign, as after 'password')
    ("login as admin pwd Zq8!xx77 on the console", "login as admin pwd *** on the console", "Zq8!xx77"),
    # libpq's variable
    ("export PGPASS=s3cr3tpgpass before psql.", "export PGPASS=*** before psql.", "s3cr3tpgpass"),
    # Redis: the AUTH command (with ACL's user too), a quoted one, redis.conf's lines
    ("redis-cli then AUTH RedisPw2024x ok", "redis-cli then AUTH *** ok", "RedisPw2024x"),
    ("127.0.0.1:6379> AUTH default RedisPw2024x", "127.0.0.1:6379> AUTH default ***", "RedisPw2024x"),
    ('AUTH "Redis Pw 2024"', 'AUTH "***"', "Redis Pw"),
    ("requirepass RedisReq2024 in redis.conf", "requirepass *** in redis.conf", "RedisReq2024"),
    ('CONFIG SET requirepass "Hunter2xyz!"', 'CONFIG SET requirepass "***"', "Hunter2xyz"),
    ("masterauth Hunter2xyz!", "masterauth ***", "Hunter2xyz"),
    # Azure's CLI, and a quoted password with spaces after a command's option
    ("az login -u ops@example.com -p AzurePw44x", "az login -u ops@example.com -p ***", "AzurePw44x"),
    ("az login --service-principal -u app -p 'Az Pw 1' --tenant t",
     "az login --service-principal -u app -p '***' --tenant t", "Az Pw"),
    ("mysql -uroot -p'My Pw 55' -h db", "mysql -uroot -p'***' -h db", "My Pw"),
    ("sshpass -p 'ssh pw 9' ssh host", "sshpass -p '***' ssh host", "ssh pw"),
    ('docker login -u ci -p "Dock Pw 3" reg.io', 'docker login -u ci -p "***" reg.io', "Dock Pw"),
    # a .netrc line: its syntax says a password follows, whatever its form
    ("machine db.example.com login bot password plainpass",
     "machine db.example.com login bot password ***", "plainpass"),
    ('machine localhost login bot password "plain pass"', 'machine localhost login bot password "***"',
     "plain pass"),
    # Slack's workflow and trigger webhooks
    ("https://hooks.slack.com/workflows/T0ABC/A0DEF/123/WorkflowHookKey99",
     "https://hooks.slack.com/workflows/***", "WorkflowHookKey99"),
    ("https://hooks.slack.com/triggers/T0ABC/123/TriggerHookKey99",
     "https://hooks.slack.com/triggers/***", "TriggerHookKey99"),
    # a user and a password glued by ':' after a login's word
    ("credentials root:RootPw9988 on the iDRAC", "credentials root:*** on the iDRAC", "RootPw9988"),
    ("creds: admin:AdminPw55x", "creds: admin:***", "AdminPw55x"),
    ("login admin:Hunter2xyz on the box", "login admin:*** on the box", "Hunter2xyz"),
    # a URL written in a file name, named in prose: its userinfo, a one-time link's token
    ("see artifacts/curl_https___u_ArtPw77@host_2025-10-09T11-00-00Z.log",
     "see artifacts/curl_https___***@host_2025-10-09T11-00-00Z.log", "ArtPw77"),
    ("see artifacts/curl_https___app.example.com_reset_AbCdEf123456XyZ_2025-10-10T02-50-44Z.log",
     "see artifacts/curl_https___app.example.com_reset_***_2025-10-10T02-50-44Z.log", "AbCdEf123456XyZ"),
    # commands and SQL that take a password
    ("mongosh -u admin -p 'MongoPw 77'", "mongosh -u admin -p '***'", "MongoPw"),
    ("rabbitmqctl add_user ops RabbitPw99", "rabbitmqctl add_user ops ***", "RabbitPw99"),
    ("net user admin NetUserPw99 /add", "net user admin *** /add", "NetUserPw99"),
    ("openssl enc -aes-256-cbc -k OpenSslPw99 -in x", "openssl enc -aes-256-cbc -k *** -in x", "OpenSslPw99"),
    ("zip -P ZipPw12345 out.zip x", "zip -P *** out.zip x", "ZipPw12345"),
    ("7z a -pSevenPw99 x.7z x", "7z a -p*** x.7z x", "SevenPw99"),
    ("CREATE USER app IDENTIFIED BY 'OraPw12345';", "CREATE USER app IDENTIFIED BY '***';", "OraPw12345"),
    ("SET PASSWORD FOR 'app'@'%' = 'MyPw12345x';", "SET PASSWORD FOR 'app'@'%' = '***';", "MyPw12345x"),
    ("aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
     "aws configure set aws_secret_access_key ***", "wJalrXUtnFEMI"),
    ("npm config set //registry.npmjs.org/:_authToken NpmAuthTok12345",
     "npm config set //registry.npmjs.org/:_authToken ***", "NpmAuthTok12345"),
])
def test_a_leak_found_on_the_hunt_is_masked(text, shown, secret):
    all_show(text, shown, secret)


@pytest.mark.parametrize("text", [
    "the password reset page",
    "pwd is the shell builtin",
    "pwd /srv/app01",  # (the builtin and the folder it printed)
    "PGPASS file",
    "AUTH service down for 5 minutes",
    "AUTH p95 1200ms",
    "AUTH OPS-123 pending",
    "SMTP AUTH LOGIN ok",
    "requirepass is set",
    "machine learning login page password reset",
    "login bob: timed out",
    "login db01:5432/app failed",
    "login api:v2 rolled out",
    "09:00 login page: 12:30 outage",
    "user alice: 12:30 retried",
    '"password" field is required',
    'the "password" "reset" flow',
    "mysql -u root -p mydb",
    "ssh -u ops -p 2222 host",
    "mongosh -u admin -p",
    "root cause identified by OPS team",
    "git config set user.name bob",
    "CONFIG SET maxmemory 2gb",
    "zip -r out.zip logs/",
    "net user list was empty",
])
def test_prose_like_the_new_rules_stays(text):
    all_keep(text)


@pytest.mark.parametrize("text", ["password: see vault", "PGPASSFILE=/home/u/.pgpass"])
def test_prose_the_log_rules_keep(text):
    # (the evidence scrubber is stricter: any value after a secret's name goes)
    for f in (redact_text, redact, redact_path):
        assert f(text) == text, f.__name__


def test_a_document_without_other_hints_still_masks_redis_and_file_named_urls():
    # (redact's per-document gate, rare=False, then its per-item gate: each new rule has its hint)
    assert redact("AUTH Hunter2xyz ok") == "AUTH *** ok"
    assert redact("masterauth Hunter2xyz") == "masterauth ***"
    assert redact("CREATE USER app IDENTIFIED BY 'OraPw12345';") == "CREATE USER app IDENTIFIED BY '***';"
    assert redact("zip -P ZipPw12345 out.zip x") == "zip -P *** out.zip x"
    assert redact("see curl_https___u_ArtPw77@host_2025-10-09T11-00-00Z.log") == (
        "see curl_https___***@host_2025-10-09T11-00-00Z.log")
