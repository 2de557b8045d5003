"""Round 6, the ``sla:`` policy: config errors echo no value, availability is a percentage, burn-rate
peaks never read as their alert factor, and the accounting rules state the merged per-target policy."""

from __future__ import annotations

import pytest

from occ_lib.config import validate_section
from occ_lib.errors import ConfigError
from occ_lib.periods import parse_duration
from occ_lib.policy import Policy
from occ_lib.targets import ProbesConfig

SECRET = "tok_live_abc123"


def config_lines(model: type, data: dict, prefix: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        validate_section(model, data, "occ.yml", prefix)
    return info.value.lines()


# 1. config errors never echo the value ------------------------------------------------------------


def test_the_reported_config_names_key_paths_and_never_the_values(tmp_path, capsys):
    from occ_lib.cli import main

    cfg = tmp_path / "occ.yml"
    cfg.write_text(
        'logs: [a.md]\nsla:\n  tickets:\n    OPS: {first_response: "hunter2-secret"}\n'
        '  tz: "tok_live_abc123"\n',
        encoding="utf-8",
    )
    (tmp_path / "a.md").write_text("# x\n", encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["sla", "--config", str(cfg)])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"occ: error: {cfg}: sla.tz: unknown IANA time zone (expected a name such as Europe/Berlin or "
        "America/New_York)",
        f"occ: error: {cfg}: sla.tickets.OPS.first_response: expected a duration such as 30m, 4h or 2d "
        "(units ms, s, m, h, d, w)",
    ]
    assert SECRET not in err and "hunter2" not in err


@pytest.mark.parametrize(
    ("data", "line"),
    [
        ({"tz": 12}, "sla.tz: expected an IANA time zone name such as Europe/Berlin or America/New_York"),
        (
            {"maintenance": [{"start": "2025-10-11 02:00", "end": "2025-10-11 03:00", "tz": SECRET}]},
            "sla.maintenance[0].tz: unknown IANA time zone (expected a name such as Europe/Berlin or "
            "America/New_York)",
        ),
        (
            {"documents": {"max_age": SECRET}},
            "sla.documents.max_age: expected a duration such as 30m, 4h or 2d (units ms, s, m, h, d, w)",
        ),
        (
            {"targets": {"*": {"latency": [{"percentile": "p95", "threshold_ms": 1, "window": SECRET}]}}},
            "sla.targets.*.latency[0].window: expected a duration such as 30m, 4h or 2d "
            "(units ms, s, m, h, d, w)",
        ),
        # out of timedelta's range: an error at the key, not an OverflowError's traceback
        ({"tickets": {"OPS": {"resolution": "99999999999999d"}}},
         "sla.tickets.OPS.resolution: duration too long (at most 999999999 days)"),
        ({"tickets": {"OPS": {"resolution": float("inf")}}},
         "sla.tickets.OPS.resolution: duration too long (at most 999999999 days)"),
        ({"tickets": {"OPS": {"resolution": float("-inf")}}},
         "sla.tickets.OPS.resolution: duration must be positive"),
        ({"tickets": {"OPS": {"resolution": float("nan")}}},
         "sla.tickets.OPS.resolution: expected a duration such as 30m, 4h or 2d (units ms, s, m, h, d, w)"),
    ],
)
def test_policy_errors_say_what_is_expected_without_the_value(data, line):
    assert config_lines(Policy, data, "sla") == [f"occ.yml: {line}"]


def test_parse_duration_does_not_repeat_its_value():
    with pytest.raises(ValueError) as info:
        parse_duration(SECRET)
    assert str(info.value) == "expected a duration such as 30m, 4h or 2d (units ms, s, m, h, d, w)"


def test_probe_errors_point_at_the_entry_not_its_value():
    target = {"name": "a", "url": "http://h/"}
    assert config_lines(ProbesConfig, {"targets": [{**target, "expect": ["2xx", SECRET]}]}, "probes") == [
        "occ.yml: probes.targets[0].expect[1]: expected a status code, a class like '2xx' or a range "
        "like '200-299'"
    ]
    assert config_lines(ProbesConfig, {"defaults": {"expect": [200, "599-100"]}}, "probes") == [
        "occ.yml: probes.defaults.expect[1]: a status is within 100-599 (and a range runs from low to high)"
    ]
    twice = [{"name": "tok-live-abc", "url": "http://h/"}, {"name": "tok-live-abc", "url": "http://h/x"}]
    assert config_lines(ProbesConfig, {"targets": twice}, "probes") == [
        "occ.yml: probes.targets: targets[1].name repeats targets[0].name"
    ]
    # good entries still pass, one or many
    cfg = validate_section(ProbesConfig, {"targets": [{**target, "expect": "3xx"}]}, "occ.yml", "probes")
    assert cfg.targets[0].expect == ["3xx"]
