"""Round 12, secret masking (sec): a password's short name ('db_pw='); a pair nested in a URL-encoded value
('x%3Dtoken%3Dabc'); a one-time link's token in a file named after its URL; a password after an unclosed
'('; a setting's key= attribute ('<add key="CacheSize" value="100"/>'); hostile input stays linear; and the
leak shapes found on the hunt (an option in a code span, an env dump's short password, a file name's
extension after a masked value)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from evidence_rows import one, rows
from typer.testing import CliRunner

from occ_lib import read_logs
from occ_lib.cli import app
from occ_lib.evidence import _scrub
from occ_lib.redact import redact_path, redact_text
from tests.secret_rules import TEXT_RULES
from tests.secret_rules import all_keep as _all_keep
from tests.secret_rules import all_show as _all_show

runner = CliRunner()


def _log(tmp_path: Path, items: list[str], name: str = "ops.md") -> Path:
    p = tmp_path / name
    p.write_text("# Ops\n\nAll times UTC.\n\n### 2025-10-10\n" + "".join(f"- {t}\n" for t in items),
                 encoding="utf-8")
    return p


def _nowhere(tmp_path: Path, log: Path, secrets: tuple[str, ...]) -> None:
    """No secret in the events, deadlines and problems read, nor in any CLI output of them."""
    logs = read_logs(str(log))
    for frame in (logs.events, logs.deadlines):
        dump = frame.to_json(orient="records", date_format="iso")
        for s in secrets:
            assert s not in dump
    for p in logs.problems:
        for s in secrets:
            assert s not in str(p)
    for cmd in ("events", "deadlines"):
        for fmt in ("table", "csv", "json", "jsonl"):
            r = runner.invoke(app, [cmd, str(log), "--format", fmt])
            assert r.exit_code == 0, r.output
            for s in secrets:
                assert s not in r.output, (cmd, fmt, s)


# --- 1: a password's short name ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, shown, secret", [
    ("db creds rotated db_pw=Abc123x for OPS-1", "db creds rotated db_pw=*** for OPS-1", "Abc123x"),
    ("DB_PW: Abc123x", "DB_PW: ***", "Abc123x"),
    ('{"db_pw": "Abc123x"}', '{"db_pw": "***"}', "Abc123x"),
    ("user_pw=Abc123x&x=1", "user_pw=***&x=1", "Abc123x"),
    ("export DB_PASS=Zq9wLm2", "export DB_PASS=***", "Zq9wLm2"),
    ("--db-pw Abc123x", "--db-pw ***", "Abc123x"),
    # (an env dump's password: 6+ characters after a password's name)
    ("DB_PW Abc123y", "DB_PW ***", "Abc123y"),
])
def test_a_short_password_name_masks_its_value(text, shown, secret):
    _all_show(text, shown, secret)


@pytest.mark.parametrize("text", [
    "API_KEY abc12 set",  # (a key's value needs 8+ characters; only a password's name takes fewer)
    "DB_PW 12345 rows",
    "npw=3 runs",
])
def test_a_short_value_after_other_names_stays(text):
    _all_keep(text)


def test_a_short_password_name_leaks_nowhere(tmp_path):
    log = _log(tmp_path, ["14:00 db creds rotated db_pw=Abc123x for OPS-1, ETA 2025-10-11 09:00 UTC",
                          "14:05 env dump DB_PASS=Zq9wLm2 pwd=Hx7kq2m"])
    assert read_logs(str(log)).events["text"].tolist() == [
        "14:00 db creds rotated db_pw=*** for OPS-1, ETA 2025-10-11 09:00 UTC",
        "14:05 env dump DB_PASS=*** pwd=***",
    ]
    _nowhere(tmp_path, log, ("Abc123x", "Zq9wLm2", "Hx7kq2m"))


# --- 2: a pair nested in a URL-encoded value ---------------------------------------------------------------
@pytest.mark.parametrize("text, shown, secret", [
    ("login link x%3Dtoken%3Dabc9Secret2 sent", "login link x%3Dtoken%3D*** sent", "abc9Secret2"),
    ("next%3Dx%3Dapi_key%3DAbc123xyz%26y%3D1", "next%3Dx%3Dapi_key%3D***%26y%3D1", "Abc123xyz"),
    ("x%3Dx%3Dx%3Dtoken%3DAbc123xyz9", "x%3Dx%3Dx%3Dtoken%3D***", "Abc123xyz9"),
    # (in a URL's query: escaped or not, the pair inside is read)
    ("https://h.test/cb?next=x%3Dtoken%3Dabc9Secret", "https://h.test/cb?next=x%3Dtoken%3D***", "abc9Secret"),
    ("https://h.test/cb?next=x=token=abc9Secret&y=2", "https://h.test/cb?next=x=token=***&y=2", "abc9Secret"),
])
def test_a_pair_nested_in_an_encoded_value_is_masked(text, shown, secret):
    _all_show(text, shown, secret)


@pytest.mark.parametrize("text", [
    "state%3Dabc%2Fdef",
    "x%3Dtoken%3DOPS-12",  # (a ticket)
    "https://h.test/cb?next=x%3Dy%3Dz&q=1",
])
def test_an_ordinary_nested_encoded_value_stays(text):
    _all_keep(text)


def test_a_nested_encoded_pair_leaks_nowhere(tmp_path):
    log = _log(tmp_path, ["14:12 login link x%3Dtoken%3Dabc9Secret2 sent OPS-5"])
    assert read_logs(str(log)).events["text"].tolist() == ["14:12 login link x%3Dtoken%3D*** sent OPS-5"]
    _nowhere(tmp_path, log, ("abc9Secret2",))


# --- 3: a one-time link's token in a file named after its URL -----------------------------------------------
OK = "HTTP/1.1 200 OK\r\nDate: Fri, 10 Oct 2025 02:50:44 GMT\r\n\r\n"


@pytest.mark.parametrize("name, shown", [
    ("curl_https___app.example.com_reset_AbCdEf123456XyZ_2025-10-10T02-50-44Z.log",
     "curl_https___app.example.com_reset_***_2025-10-10T02-50-44Z.log"),
    ("https___app.example.com_invite_Zx1cVb2nM3qWe4.log", "https___app.example.com_invite_***.log"),
    ("https___h.test_reset_a1b2-c3d4-e5f6-a7b8-c9d0e1f2a3b4.log", "https___h.test_reset_***.log"),
])
def test_a_reset_token_in_a_file_name_is_masked(tmp_path, name, shown):
    assert redact_path(name) == shown
    row = one(tmp_path, name, OK)
    assert row["evidence_path"] == shown
    token = name.split("_")[-2 if "2025" in name else -1].removesuffix(".log")
    assert all(token not in str(v) for v in row.values())


@pytest.mark.parametrize("name", [
    "https___h.test_confirm_deploy_step_12.log",  # (a slug)
    "https___h.test_reset_howto-2025-guide.log",
    "https___h.test_reset_2025-10-10.log",  # (a stamp)
    "verify_build123abc456.log",  # (no URL's name)
])
def test_a_file_name_without_a_links_token_stays(name):
    assert redact_path(name) == name


def test_a_reset_token_in_a_file_name_leaks_from_no_problem_nor_target(tmp_path):
    found, problems = rows(tmp_path, "https___app.example.com_reset_Qw8rTy7uIo9pLk.log", "garbage\n")
    assert found == []
    assert problems == [f"{tmp_path}/https___app.example.com_reset_***.log: not a curl transcript: no HTTP "
                        "status line (HTTP/1.0, 1.1, 2 or 3)"]
    row = one(tmp_path, "https___app.example.com_reset_AbCdEf123456XyZ_2025-10-10T02-50-44Z.log", OK)
    assert row["target"] == "https_app.example.com_reset_***"


def test_a_reset_token_in_a_file_name_leaks_from_no_cli_output(tmp_path):
    (tmp_path / "occ.yml").write_text("store: data/\nevidence: [artifacts/*.log]\nlogs: []\n",
                                      encoding="utf-8")
    (tmp_path / "artifacts").mkdir()
    (tmp_path / "artifacts" / "https___app.example.com_reset_Qw8rTy7uIo9pLk.log").write_text("garbage\n")
    (tmp_path / "artifacts" / "curl_https___app.example.com_reset_AbCdEf123456XyZ_2025-10-10T02-50-44Z.log"
     ).write_text(OK)
    cfg = str(tmp_path / "occ.yml")
    r = runner.invoke(app, ["import", "--config", cfg,
                            str(tmp_path / "artifacts" / "https___app.example.com_reset_Qw8rTy7uIo9pLk.log")])
    assert "reset_***.log: not a curl transcript" in r.output
    r2 = runner.invoke(app, ["import", "--config", cfg])
    assert r2.exit_code == 0, r2.output
    out = tmp_path / "x.csv"
    r3 = runner.invoke(app, ["export", "--config", cfg, "--format", "csv", "--out", str(out)])
    assert r3.exit_code == 0, r3.output
    for text in (r.output, r2.output, r3.output, out.read_text()):
        assert "Qw8rTy7uIo9pLk" not in text and "AbCdEf123456XyZ" not in text


# --- 4: a password after an unclosed '(' --------------------------------------------------------------------
@pytest.mark.parametrize("text, shown, secret", [
    ("the admin password (Hunter2secret was reset", "the admin password (*** was reset", "Hunter2secret"),
    ("password `Hunter2secret was", "password `*** was", "Hunter2secret"),
    ('password "Hunter2secret', 'password "***', "Hunter2secret"),
    ("password: (Hunter2secret", "password: (***", "Hunter2secret"),
    ("token (abc123def456 leaked", "token (*** leaked", "abc123def456"),
    ("password (Hunter2secret) was reset", "password (***) was reset", "Hunter2secret"),
])
def test_a_password_after_an_unclosed_parenthesis_is_masked(text, shown, secret):
    _all_show(text, shown, secret)


@pytest.mark.parametrize("text", [
    "password (see OPS-12) rotated",
    "password (rotated) today",
    "password (expired!",
])
def test_prose_after_an_unclosed_parenthesis_stays(text):
    _all_keep(text)


def test_an_unclosed_parenthesis_leaks_nowhere(tmp_path):
    log = _log(tmp_path, ["14:15 the admin password (Hunter2secret was reset OPS-3"])
    assert read_logs(str(log)).events["text"].tolist() == ["14:15 the admin password (*** was reset OPS-3"]
    _nowhere(tmp_path, log, ("Hunter2secret",))


# --- 5: hostile input stays linear (exact output; these took seconds each, quadratic) -----------------------
@pytest.mark.parametrize("text", [
    "API_KEY " + "a1" * 10000,
    "a." * 20000,
    "a-" * 20000,
    "AKIA" * 10000,
    "eyJ" * 10000,
    "1" * 20000,
])
def test_a_hostile_word_is_read_once(text):
    assert _scrub(text) == text
    assert redact_text(text) == text


def test_a_hostile_nesting_of_encoded_pairs_goes_whole():
    assert redact_text("x%3D" * 10) == "x%3D" + "***"
    out = redact_text("https://h.test/?" + "a=" * 10000)
    assert out == "https://h.test/?" + "a=" * 9 + "***"


# --- 6: a setting's key= attribute -------------------------------------------------------------------------
@pytest.mark.parametrize("text, shown", [
    ('<add key="CacheSize" value="100"/>', '<add key="CacheSize" value="100"/>'),
    ('<add key="Timeout" value="30" />  key=abc123xyz9', '<add key="Timeout" value="30" />  key=***'),
    ('<add key="ApiKey" value="Xk29sLq"/>', '<add key="ApiKey" value="***"/>'),
    ("<param name='password' value='Hunter2x'>", "<param name='password' value='***'>"),
])
def test_a_settings_key_attribute_names_it(text, shown):
    for f in TEXT_RULES:
        assert f(text) == shown, f.__name__


def test_a_settings_value_stays_in_the_events(tmp_path):
    log = _log(tmp_path, ['14:20 config <add key="CacheSize" value="100"/> and '
                          '<add key="ApiKey" value="Xk29sLq"/>'])
    assert read_logs(str(log)).events["text"].tolist() == [
        '14:20 config <add key="CacheSize" value="100"/> and <add key="ApiKey" value="***"/>'
    ]
    _nowhere(tmp_path, log, ("Xk29sLq",))


# --- found on the hunt ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, shown, secret", [
    ("and `--pass CliPass99` and", "and `--pass ***` and", "CliPass99"),
    ('run "--api-key ab12cd34ef56"', 'run "--api-key ***"', "ab12cd34ef56"),
    ("`-u bob:Secr3tPw`", "`-u bob:***", "Secr3tPw"),
])
def test_an_option_that_opens_a_code_span_is_masked(text, shown, secret):
    _all_show(text, shown, secret)


@pytest.mark.parametrize("name, shown", [
    ("notes_db_pw=Abc123x.md", "notes_db_pw=***.md"),
    ("check_pass=Abc123x_2025-10-08.json", "check_pass=***_2025-10-08.json"),
    ("x%3Dtoken%3Dabc9Secret2.log", "x%3Dtoken%3D***.log"),
    ("a/b/token=Xyz12345.log", "a/b/token=***.log"),
])
def test_a_file_names_extension_stays_after_its_masked_value(name, shown):
    assert redact_path(name) == shown


def test_real_world_leak_shapes_leak_nowhere(tmp_path):
    items = [
        "14:00 pasted curl -v: `> Authorization: Basic YWxpY2U6czNjcmV0UGFzcw==` OPS-1",
        "14:01 ran curl -u deploy:Sup3rS3cretPw https://api.example.com/x",
        "14:02 conn string Server=db1;Database=app;User Id=sa;Password=MsSqlPw77x; OPS-2",
        "14:03 jdbc:postgresql://db:5432/app?user=app&password=JdbcPw99z failed",
        "14:04 ran deploy --token abc123def456ghi OPS-3",
        "14:05 env dump: DB_PASSWORD=EnvDumpPw1 REDIS_AUTH=RedisAu7hZ DB_PW Abc123y",
        "14:12 `--password=CliPw123x` and `--pass CliPass99`",
    ]
    log = _log(tmp_path, items)
    assert read_logs(str(log)).events["text"].tolist() == [
        "14:00 pasted curl -v: `> Authorization: Basic ***` OPS-1",
        "14:01 ran curl -u deploy:*** https://api.example.com/x",
        "14:02 conn string Server=db1;Database=app;User Id=sa;Password=***; OPS-2",
        "14:03 jdbc:postgresql://db:5432/app?user=app&password=*** failed",
        "14:04 ran deploy --token *** OPS-3",
        "14:05 env dump: DB_PASSWORD=*** REDIS_AUTH=*** DB_PW ***",
        "14:12 `--password=***` and `--pass ***`",
    ]
    _nowhere(tmp_path, log, ("YWxpY2U6", "Sup3rS3cretPw", "MsSqlPw77x", "JdbcPw99z", "abc123def456ghi",
                             "EnvDumpPw1", "RedisAu7hZ", "Abc123y", "CliPw123x", "CliPass99"))


def test_a_secret_in_a_log_files_name_leaks_from_no_output(tmp_path):
    log = _log(tmp_path, ["14:00 deploy done OPS-1"], name="handoff_db_pw=Abc123x.md")
    events = read_logs(str(log)).events
    assert events["source"].tolist() == [str(tmp_path / "handoff_db_pw=***.md")]
    r = runner.invoke(app, ["events", str(log), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout.splitlines()[0])["source"] == str(tmp_path / "handoff_db_pw=***.md")
    _nowhere(tmp_path, log, ("Abc123x",))


@pytest.mark.parametrize("text, shown, secret", [
    ("see log_https://alice:S3cretPw@h.test/x", "see log_https://***@h.test/x", "S3cretPw"),
    ("1https://alice:S3cretPw@h.test", "1https://***@h.test", "S3cretPw"),
    ("x_https://h.test/?token=abc123def456", "x_https://h.test/?token=***", "abc123def456"),
    ("ftp://u:FtpPw99x@h and -https://a:DashPw99x@c", "ftp://***@h and -https://***@c", "Pw99x"),
])
def test_a_url_glued_to_a_word_is_masked(text, shown, secret):
    _all_show(text, shown, secret)


def test_a_hostile_scheme_run_stays_as_written():
    text = "a." * 20000 + " ://x"
    assert redact_text(text) == text
    assert _scrub(text) == text


@pytest.mark.parametrize("text, shown, secret", [
    ("pass: Hunter2x", "pass: ***", "Hunter2x"),
    ("vendor Pass: Hunter2x!", "vendor Pass: ***", "Hunter2x"),
    ("set password to Hunter2x9", "set password to ***", "Hunter2x9"),
    ("changed the secret to Abc123xyz9", "changed the secret to ***", "Abc123xyz9"),
])
def test_a_bare_pass_name_and_a_password_set_to_a_value_are_masked(text, shown, secret):
    _all_show(text, shown, secret)


@pytest.mark.parametrize("text", [
    "Pass: 12/14 checks",
    "pass: 98.5%",
    "Tests pass: 100",
    "bypass: Hunter2x9",  # (not a 'pass' of its own)
    "reset password to default",
    "token to staging-2",
    "the secret to 10x growth",
])
def test_a_test_runs_pass_count_and_prose_after_to_stay(text):
    _all_keep(text)
