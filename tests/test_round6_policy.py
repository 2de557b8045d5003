"""Round 6, the ``sla:`` policy: config errors echo no value, availability is a percentage, burn-rate
peaks never read as their alert factor, and the accounting rules state the merged per-target policy."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from occ_lib import weekly
from occ_lib.config import validate_section
from occ_lib.errors import ConfigError
from occ_lib.periods import parse_duration
from occ_lib.policy import Policy
from occ_lib.sla import accounting_rules, burn_alerts, burn_rates, misses
from occ_lib.targets import ProbesConfig
from occ_lib.workspace import Workspace

T0 = pd.Timestamp("2025-10-06 00:00", tz="UTC")
SECRET = "tok_live_abc123"


def policy(data: dict) -> Policy:
    return validate_section(Policy, data, "occ.yml", "sla")


def config_lines(model: type, data: dict, prefix: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        validate_section(model, data, "occ.yml", prefix)
    return info.value.lines()


def burst(target: str, n: int, bad: int) -> pd.DataFrame:
    """``n`` probes within the first minute after T0, the first ``bad`` of them down."""
    at = [T0 + pd.Timedelta(milliseconds=25 * i) for i in range(n)]
    outcome = ["down"] * bad + ["up"] * (n - bad)
    return pd.DataFrame(
        {
            "target": [target] * n,
            "started_at": pd.to_datetime(at, utc=True).astype("datetime64[us, UTC]"),
            "outcome": outcome,
            "error": pd.Series([None if o == "up" else "timeout" for o in outcome], dtype=object),
            "elapsed_ms": np.full(n, 100.0),
        }
    )


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


# 2. availability is a percentage; a burn above its factor never reads as equal to it ------------------


@pytest.mark.parametrize("value", [0.999, 0.5, 1, 1.0])
def test_an_availability_of_1_or_less_is_a_fraction_written_by_mistake(value):
    for key in ("*", "api"):
        assert config_lines(Policy, {"targets": {key: {"availability": value}}}, "sla") == [
            f"occ.yml: sla.targets.{key}.availability: a percentage such as 99.9, not a fraction"
        ]


def test_percent_keys_still_take_percentages():
    assert policy({"targets": {"*": {"availability": 1.5}}}).target("x").availability == 1.5
    assert policy({"targets": {"*": {"availability": 99.9}}}).target("x").availability == 99.9
    assert config_lines(Policy, {"targets": {"*": {"availability": 0}}}, "sla") == [
        "occ.yml: sla.targets.*.availability: Input should be greater than 0"
    ]
    # (a percentile written as a fraction was already refused)
    late = {"targets": {"*": {"latency": [{"percentile": 0.95, "threshold_ms": 800}]}}}
    assert config_lines(Policy, late, "sla") == [
        "occ.yml: sla.targets.*.latency[0].percentile: percentile must be one of p50, p90, p95, p99"
    ]


@pytest.mark.parametrize(
    ("objective", "n", "bad", "peak"),
    [
        (50, 2000, 1001, "1.001x"),  # 0.5005 / 0.5: one decimal said 1.0x under 'above 1x'
        (75, 50, 13, "1.04x"),  # 0.26 / 0.25: one decimal rounded it down to 1.0x
        (50, 20, 13, "1.3x"),  # clear of the factor: one decimal, as before
    ],
)
def test_a_burn_peak_above_the_factor_shows_the_digits_that_say_so(objective, n, bad, peak):
    pol = policy({"targets": {"*": {"availability": objective}}})
    alerts = burn_alerts(burn_rates(burst("api", n, bad), pol, T0, T0 + pd.Timedelta(hours=1)))
    assert list(alerts["detail"]) == [
        f"burn rate above 1x over both 3d and 6h (ticket); peak {peak} over 3d, {peak} over 6h"
    ]


def test_a_burn_rate_equal_to_the_factor_does_not_fire():
    # 1 bad in 1,000 against 99.9%: exactly 1x, which floating point made 1.0000000000000568x
    pol = policy({"targets": {"*": {"availability": 99.9}}})
    df = burst("api", 1000, 1)
    br = burn_rates(df, pol, T0, T0 + pd.Timedelta(hours=1))
    assert br["burn_3d"].iloc[0] == pytest.approx(1.0)
    assert not br["alert_3d_6h"].any()
    assert burn_alerts(br).empty
    out = misses(None, df, pol, T0, T0 + pd.Timedelta(hours=1))
    assert list(zip(out["kind"], out["status"], strict=True)) == [("availability", "met")]


# 3. accounting rules state the merged policy of each target ---------------------------------------

INHERIT = {
    "tz": "America/New_York",
    "targets": {
        "*": {"latency": [{"percentile": "p95", "threshold_ms": 800, "window": "1h"}], "availability": 99.5},
        "web": {"degraded_counts_as": "down"},
        "api": {
            "maintenance": [
                {"name": "berlin nightly", "every": "daily", "start": "23:30", "duration": "1h",
                 "tz": "Europe/Berlin"}
            ]
        },
    },
}
INHERIT_RULES = [
    "Objectives for every other target: latency p95 <= 800 ms per 1h (of 5+ probes); availability >= "
    "99.5%; degraded counts as up; retries 0.",
    "Objectives for target api: latency p95 <= 800 ms per 1h (of 5+ probes); availability >= 99.5%; "
    "degraded counts as up; retries 0.",
    "Objectives for target web: latency p95 <= 800 ms per 1h (of 5+ probes); availability >= 99.5%; "
    "degraded counts as down; retries 0.",
    "Maintenance of target api only (excluded from its objectives): berlin nightly: daily from 23:30 for "
    "1h (Europe/Berlin).",
]


def _objective_and_maintenance_rules(rules: list[str]) -> list[str]:
    return [r for r in rules if r.startswith(("Objectives", "Maintenance"))]


def test_rules_state_what_each_target_is_judged_by_and_whose_window_it_is():
    pol = policy(INHERIT)
    assert _objective_and_maintenance_rules(accounting_rules(pol)) == INHERIT_RULES
    # what the rules say is what occ applies: web judged at 99.5%, api's window is api's only
    assert pol.target("web").availability == 99.5
    win = pol.maintenance_windows(T0, T0 + pd.Timedelta(days=1), ["api", "web"])
    assert set(win["target"]) == {"api"}


def test_shared_windows_stay_on_the_every_objective_line_and_own_windows_ignore_their_targets_key():
    data = {
        "targets": {
            "*": {"availability": 99.0, "maintenance": [{"name": "star", "start": "2025-10-06 01:00",
                                                        "end": "2025-10-06 02:00"}]},
            "db": {"retries": 1, "maintenance": [{"name": "own", "start": "2025-10-06 03:00",
                                                  "end": "2025-10-06 04:00", "targets": ["web"]}]},
        },
        "maintenance": [{"name": "cutover", "start": "2025-10-07 00:00", "end": "2025-10-07 01:00",
                         "targets": ["web"]}],
    }
    pol = policy(data)
    assert _objective_and_maintenance_rules(accounting_rules(pol)) == [
        "Objectives for every other target: availability >= 99%; degraded counts as up; retries 0.",
        "Objectives for target db: availability >= 99%; degraded counts as up; retries 1.",
        "Maintenance (excluded from every objective): cutover: 2025-10-07 00:00 to 2025-10-07 01:00 (UTC) "
        "for web; star: 2025-10-06 01:00 to 2025-10-06 02:00 (UTC).",
        "Maintenance of target db only (excluded from its objectives): own: 2025-10-06 03:00 to "
        "2025-10-06 04:00 (UTC).",
    ]
    own = pol.maintenance_windows(T0, T0 + pd.Timedelta(days=1), ["db"])
    assert own.loc[own["start"] == T0 + pd.Timedelta(hours=3), "target"].tolist() == ["db"]


def test_the_weekly_report_shows_the_same_rules(tmp_path):
    import yaml

    cfg = tmp_path / "occ.yml"
    cfg.write_text(yaml.safe_dump({"logs": [], "sla": INHERIT}), encoding="utf-8")
    ws = Workspace.load(cfg)
    per = weekly.period(ws, week="2025-W41", now=dt.datetime(2025, 10, 20, tzinfo=dt.UTC))
    rules = weekly.collect(ws, per).rules
    assert _objective_and_maintenance_rules(rules) == INHERIT_RULES
