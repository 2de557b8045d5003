"""The ``probes:`` section: defaults, inheritance, env-var headers, exact errors, selection."""

from __future__ import annotations

from pathlib import Path

import pytest

from occ_lib.config import validate_section
from occ_lib.errors import ConfigError, ProbeError
from occ_lib.targets import ProbesConfig, Target, parse_expect, select_targets
from occ_lib.workspace import Workspace

TOKEN = "tok-occ-test-9f8e7d6c"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "occ.yml"


def _cfg(data: dict) -> ProbesConfig:
    return validate_section(ProbesConfig, data, "occ.yml", "probes")


def _error(data: dict) -> str:
    with pytest.raises(ConfigError) as info:
        _cfg(data)
    return str(info.value)


def test_issue_example_with_defaults_applied(monkeypatch):
    monkeypatch.setenv("SHOPIFY_TOKEN", TOKEN)
    cfg = _cfg({
        "defaults": {"method": "HEAD", "timeout_s": 10, "expect": ["2xx"], "degraded_ms": 800,
                     "follow_redirects": False},
        "targets": [
            {"name": "staging-app-mock", "url": "https://hotdash-staging.fly.dev/app?mock=1",
             "tags": {"team": "integrations", "env": "staging"}},
            {"name": "staging-app-live", "url": "https://hotdash-staging.fly.dev/app?mock=0",
             "expect": [200], "headers": {"Authorization": "Bearer ${SHOPIFY_TOKEN}"}},
        ],
    })
    mock, live = cfg.targets
    assert (mock.name, mock.method, mock.timeout_s, mock.expect, mock.degraded_ms, mock.follow_redirects) == (
        "staging-app-mock", "HEAD", 10.0, ["2xx"], 800.0, False)
    assert mock.tags == {"team": "integrations", "env": "staging"}
    assert mock.headers == {}
    assert live.expect == [200]
    assert live.header_values() == {"Authorization": f"Bearer {TOKEN}"}
    assert live.expects(200) and not live.expects(204)
    assert mock.expects(204) and not mock.expects(301)


def test_target_keys_override_defaults_and_merge_headers_and_tags():
    cfg = _cfg({
        "defaults": {"method": "get", "timeout_s": 3, "degraded_ms": 250, "follow_redirects": True,
                     "headers": {"X-Team": "qa", "Accept": "text/plain"},
                     "tags": {"team": "qa", "env": "dev"}},
        "targets": [
            {"name": "a", "url": "http://127.0.0.1:8000/a"},
            {"name": "b", "url": "http://127.0.0.1:8000/b", "method": "HEAD", "timeout_s": 0.5,
             "follow_redirects": False, "headers": {"accept": "*/*"}, "tags": {"env": "prod"}},
        ],
    })
    a, b = cfg.targets
    assert (a.method, a.timeout_s, a.degraded_ms, a.follow_redirects) == ("GET", 3.0, 250.0, True)
    assert a.header_values() == {"X-Team": "qa", "Accept": "text/plain"}
    assert (b.method, b.timeout_s, b.degraded_ms, b.follow_redirects) == ("HEAD", 0.5, 250.0, False)
    assert b.header_values() == {"X-Team": "qa", "accept": "*/*"}  # header names merge case-insensitively
    assert b.tags == {"team": "qa", "env": "prod"}


def test_a_bare_target_uses_builtin_defaults():
    t = Target(name="x", url="http://127.0.0.1/")
    assert (t.method, t.timeout_s, t.expect, t.degraded_ms, t.follow_redirects, t.tags) == (
        "HEAD", 10.0, ["2xx"], 800.0, False, {})
    assert _cfg({}).targets == []
    assert _cfg(None).targets == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("items", "ranges"),
    [
        ([200], ((200, 200),)),
        (["2xx"], ((200, 299),)),
        (["5XX", 301], ((500, 599), (301, 301))),
        (["200-204", "304"], ((200, 204), (304, 304))),
    ],
)
def test_parse_expect(items, ranges):
    assert parse_expect(items) == ranges


def test_expect_may_be_one_value():
    assert _cfg({"targets": [{"name": "a", "url": "http://h/", "expect": 204}]}).targets[0].expect == [204]
    assert _cfg({"targets": [{"name": "a", "url": "http://h/", "expect": "3xx"}]}).targets[0].expects(302)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"targets": [{"name": "a", "url": "ftp://h/"}]},
         "occ.yml: probes.targets[0].url: expected an http:// or https:// URL with a host"),
        ({"targets": [{"name": "a", "url": "http:///nohost"}]},
         "occ.yml: probes.targets[0].url: expected an http:// or https:// URL with a host"),
        ({"targets": [{"name": "a", "url": "http://h:99999/"}]},
         "occ.yml: probes.targets[0].url: not a valid URL"),
        ({"targets": [{"name": "a", "url": "http://h/he alth"}]},
         "occ.yml: probes.targets[0].url: a URL has no spaces (write %20)"),
        ({"targets": [{"name": "a", "url": "http://h/"}, {"name": "b", "url": "http://h/", "timeout_s": -1}]},
         "occ.yml: probes.targets[1].timeout_s: Input should be greater than 0"),
        ({"defaults": {"timeout_s": 0}},
         "occ.yml: probes.defaults.timeout_s: Input should be greater than 0"),
        ({"defaults": {"degraded_ms": -5}},
         "occ.yml: probes.defaults.degraded_ms: Input should be greater than 0"),
        ({"targets": [{"name": "a", "url": "http://h/", "timout_s": 3}]},
         "occ.yml: probes.targets[0].timout_s: unknown key"),
        ({"defaults": {"retries": 3}}, "occ.yml: probes.defaults.retries: unknown key"),
        ({"target": []}, "occ.yml: probes.target: unknown key"),
        ({"targets": [{"name": "a", "url": "http://h/", "method": "POST"}]},
         "occ.yml: probes.targets[0].method: Input should be 'HEAD' or 'GET'"),
        ({"targets": [{"name": "a", "url": "http://h/", "expect": ["2xy"]}]},
         "occ.yml: probes.targets[0].expect[0]: expected a status code, a class like '2xx' "
         "or a range like '200-299'"),
        ({"targets": [{"name": "a", "url": "http://h/", "expect": ["299-200"]}]},
         "occ.yml: probes.targets[0].expect[0]: a status is within 100-599 "
         "(and a range runs from low to high)"),
        ({"targets": [{"url": "http://h/"}]}, "occ.yml: probes.targets[0].name: Field required"),
        ({"targets": [{"name": "has space", "url": "http://h/"}]},
         "occ.yml: probes.targets[0].name: use letters, digits and . _ : - (no spaces), "
         "starting with a letter or digit"),
        ({"targets": [{"name": "a", "url": "http://h/"}, {"name": "b", "url": "http://h/"},
                      {"name": "a", "url": "http://h/x"}]},
         "occ.yml: probes.targets: targets[2].name repeats targets[0].name"),
        ({"targets": [{"name": "a", "url": "http://h/", "tags": {"team": 3}}]},
         "occ.yml: probes.targets[0].tags.team: Input should be a valid string"),
    ],
)
def test_config_errors_name_the_file_and_key_path(data, message):
    assert _error(data) == message


def test_every_error_of_a_section_is_told_at_once(tmp_path, capsys):
    data = {"targets": [{"name": "a", "url": "htps://h/"}, {"name": "b", "url": "http://h/", "timeout_s": 0},
                        {"name": "c", "url": "http://h/x y", "timout_s": 3}]}
    with pytest.raises(ConfigError) as info:
        validate_section(ProbesConfig, data, "occ.yml", "probes")
    assert str(info.value) == (
        "occ.yml: probes.targets[0].url: expected an http:// or https:// URL with a host (and 3 more)")
    assert info.value.lines() == [
        "occ.yml: probes.targets[0].url: expected an http:// or https:// URL with a host",
        "occ.yml: probes.targets[1].timeout_s: Input should be greater than 0",
        "occ.yml: probes.targets[2].url: a URL has no spaces (write %20)",
        "occ.yml: probes.targets[2].timout_s: unknown key",
    ]
    # the command prints each on a line of its own, and exits 2
    import yaml

    from occ_lib.cli import main

    cfg = tmp_path / "occ.yml"
    cfg.write_text(yaml.safe_dump({"probes": data}))
    with pytest.raises(SystemExit) as done:
        main(["probe", "--config", str(cfg)])
    assert done.value.code == 2
    assert capsys.readouterr().err.splitlines() == [f"occ: error: {cfg}: {x.split(': ', 1)[1]}"
                                                    for x in info.value.lines()]


def test_bad_url_error_does_not_echo_the_url():
    message = _error({"targets": [{"name": "a", "url": "gopher://user:pw@h/?token=s3cr3t"}]})
    assert message == (
        "occ.yml: probes.targets[0].url: expected an http:// or https:// URL with a host"
    )


def test_missing_env_var_names_key_path_and_never_the_values(monkeypatch):
    monkeypatch.setenv("OCC_TEST_TOKEN", TOKEN)
    monkeypatch.delenv("OCC_TEST_MISSING", raising=False)
    data = {"targets": [
        {"name": "a", "url": "http://h/", "headers": {"X-Key": "${OCC_TEST_TOKEN}"}},
        {"name": "b", "url": "http://h/",
         "headers": {"X-Other": "${OCC_TEST_TOKEN}", "Authorization": "Bearer ${OCC_TEST_MISSING}"}},
    ]}
    message = _error(data)
    assert message == (
        "occ.yml: probes.targets[1].headers.Authorization: "
        "environment variable OCC_TEST_MISSING is not set"
    )
    assert TOKEN not in message and "Bearer" not in message


def test_env_var_fallback_syntax(monkeypatch):
    monkeypatch.delenv("OCC_TEST_MISSING", raising=False)
    monkeypatch.setenv("OCC_TEST_TOKEN", TOKEN)
    t = _cfg({"targets": [{"name": "a", "url": "http://h/", "headers": {
        "A": "${OCC_TEST_MISSING:-}", "B": "x-${OCC_TEST_MISSING:-none}-y", "C": "${OCC_TEST_TOKEN:-unused}",
        "D": "$OCC_TEST_TOKEN stays literal"}}]}).targets[0]
    # ('A' resolves to nothing: "no header", not an empty one)
    assert t.header_values() == {"B": "x-none-y", "C": TOKEN, "D": "$OCC_TEST_TOKEN stays literal"}


def test_repr_and_str_hide_secrets(monkeypatch):
    monkeypatch.setenv("OCC_TEST_TOKEN", TOKEN)
    cfg = _cfg({"defaults": {"headers": {"X-Api-Key": "${OCC_TEST_TOKEN}"}}, "targets": [
        {"name": "a", "url": "http://user:pw@127.0.0.1:9/x?token=s3cr3t&mock=1",
         "headers": {"Authorization": "Bearer ${OCC_TEST_TOKEN}"}}]})
    t = cfg.targets[0]
    dumps = (str(cfg.model_dump()), cfg.model_dump_json(), t.model_dump_json())
    for text in (repr(cfg), str(cfg), repr(t), str(t), repr(t.headers), *dumps):
        assert TOKEN not in text
        assert "s3cr3t" not in text
        assert "user:pw" not in text
    assert "url='http://***@127.0.0.1:9/x?token=***&mock=1'" in repr(t)
    assert t.display_url == "http://***@127.0.0.1:9/x?token=***&mock=1"
    assert t.secrets() == [f"Bearer {TOKEN}", TOKEN, "s3cr3t", "user"]  # longest first


def _two() -> ProbesConfig:
    return _cfg({"targets": [
        {"name": "app", "url": "http://h/a", "tags": {"team": "integrations", "env": "staging"}},
        {"name": "api", "url": "http://h/b", "tags": {"team": "integrations", "env": "prod"}},
        {"name": "web", "url": "http://h/c", "tags": {"team": "web", "env": "prod"}},
    ]})


def test_select_targets():
    cfg = _two()
    assert [t.name for t in select_targets(cfg)] == ["app", "api", "web"]
    assert [t.name for t in select_targets(cfg, ["web", "app", "web"])] == ["web", "app"]
    assert [t.name for t in select_targets(cfg, tags={"env": "prod"})] == ["api", "web"]
    assert [t.name for t in select_targets(cfg, tags={"env": "prod", "team": "integrations"})] == ["api"]
    assert [t.name for t in select_targets(cfg, ["app", "api"], {"env": "prod"})] == ["api"]


def test_select_targets_errors():
    cfg = _two()
    with pytest.raises(ProbeError) as info:
        select_targets(cfg, ["nope", "app"])
    assert str(info.value) == "no target named 'nope' (known: api, app, web)"
    with pytest.raises(ProbeError) as info:
        select_targets(cfg, tags={"env": "dev"})
    assert str(info.value) == "no probe target matches env=dev"
    with pytest.raises(ProbeError) as info:
        select_targets(_cfg({}))
    assert str(info.value) == "no probe targets configured"


def test_workspace_probes_error_names_the_yaml_file(tmp_path, monkeypatch):
    monkeypatch.delenv("OCC_TEST_MISSING", raising=False)
    path = tmp_path / "occ.yml"
    path.write_text(
        "probes:\n  targets:\n    - name: a\n      url: http://127.0.0.1:1/\n"
        "    - name: b\n      url: http://127.0.0.1:1/\n"
        "      headers: {Authorization: \"Bearer ${OCC_TEST_MISSING}\"}\n"
    )
    with pytest.raises(ConfigError) as info:
        _ = Workspace.load(path).probes
    assert str(info.value) == (
        f"{path}: probes.targets[1].headers.Authorization: environment variable "
        "OCC_TEST_MISSING is not set"
    )


def test_example_workspace_probes_load_without_the_token(monkeypatch):
    monkeypatch.delenv("SHOPIFY_TOKEN", raising=False)
    cfg = Workspace.load(EXAMPLE).probes
    assert [t.name for t in cfg.targets] == ["staging-app-mock", "staging-app-live"]
    live = cfg.targets[1]
    assert live.header_values() == {}  # ('Bearer ${SHOPIFY_TOKEN:-}' unset: sent without Authorization)
    assert live.expect == [200]
    assert cfg.targets[0].tags == {"team": "integrations", "env": "staging"}
