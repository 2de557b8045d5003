"""The ``sla:`` section: validation with clear errors, look-ups, maintenance occurrences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from occ_lib.config import validate_section
from occ_lib.errors import ConfigError
from occ_lib.policy import Policy
from occ_lib.workspace import Workspace

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "occ.yml"


def load(data):
    return validate_section(Policy, data, "occ.yml", "sla")


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def test_example_workspace_policy():
    policy = Workspace.load(EXAMPLE).policy
    assert policy.tz == "America/New_York"
    assert policy.escalation_ladder == ["none", "follow-up", "manager", "executive"]
    api = policy.target("any-target")
    assert [(o.percentile, o.threshold_ms, o.window) for o in api.latency] == [
        ("p95", 800.0, dt.timedelta(hours=4))  # (4h: 8 probes a window, round 14 EX6H)
    ]
    assert api.availability == 99.5
    assert policy.documents.max_age == dt.timedelta(days=14)
    assert policy.ticket_target("OCC-INF-221").first_response == dt.timedelta(hours=4)
    assert policy.ticket_target("OCC-INF-221").resolution == dt.timedelta(days=2)
    assert policy.ticket_target("HS-44721") is None
    windows = policy.maintenance_windows(utc("2025-10-06 04:00"), utc("2025-10-13 04:00"))
    assert list(zip(windows["start"], windows["end"], strict=True)) == [
        (utc("2025-10-12 06:00"), utc("2025-10-12 08:00"))
    ]


def test_defaults():
    policy = load(None)
    assert policy.tz == "UTC"
    assert policy.tickets == {}
    t = policy.target("api")
    assert (t.latency, t.availability, t.degraded_counts_as, t.retries) == ([], None, "up", 0)
    assert policy.maintenance_windows(utc("2025-10-06"), utc("2025-10-13")).empty


@pytest.mark.parametrize(
    ("data", "key", "reason"),
    [
        ({"tz": "America/Nowhere"}, "sla.tz", "unknown IANA time zone (expected a name such as Europe/"),
        ({"colour": "red"}, "sla.colour", "unknown key"),
        (
            {"targets": {"api": {"latency": [{"percentile": "p75", "threshold_ms": 800}]}}},
            "sla.targets.api.latency[0].percentile",
            "percentile must be one of p50, p90, p95, p99",
        ),
        (
            {
                "targets": {
                    "api": {"latency": [{"percentile": "p95", "threshold_ms": 800, "window": "an hour"}]}
                }
            },
            "sla.targets.api.latency[0].window",
            "expected a duration",
        ),
        (
            {"targets": {"*": {"availability": 101}}},
            "sla.targets.*.availability",
            "less than or equal to 100",
        ),
        (
            {"targets": {"*": {"degraded_counts_as": "maybe"}}},
            "sla.targets.*.degraded_counts_as",
            "'up' or 'down'",
        ),
        ({"targets": {"*": {"retries": -1}}}, "sla.targets.*.retries", "greater than or equal to 0"),
        (
            {"tickets": {"OCC": {"first_response": "soon"}}},
            "sla.tickets.OCC.first_response",
            "expected a duration",
        ),
        ({"tickets": {"OCC": {"respond": "4h"}}}, "sla.tickets.OCC.respond", "unknown key"),
        ({"escalation_ladder": ["none", "boss"]}, "sla.escalation_ladder", "names the 4 levels"),
        ({"documents": {"max_age": "forever"}}, "sla.documents.max_age", "expected a duration"),
        (
            {"maintenance": [{"every": "weekly", "start": "02:00", "duration": "2h"}]},
            "sla.maintenance[0]",
            "a weekly window needs 'days'",
        ),
        (
            {"maintenance": [{"every": "daily", "start": "2am", "duration": "2h"}]},
            "sla.maintenance[0]",
            "local time HH:MM",
        ),
        (
            {"maintenance": [{"every": "weekly", "days": ["caturday"], "start": "02:00", "duration": "1h"}]},
            "sla.maintenance[0].days",
            "days are mon, tue",
        ),
        (
            {"maintenance": [{"start": "2025-10-11 03:00", "end": "2025-10-11 02:00"}]},
            "sla.maintenance[0]",
            "end must be after start",
        ),
        ({"maintenance": [{"start": "2025-10-11 03:00"}]}, "sla.maintenance[0]", "needs 'end'"),
        (
            {"maintenance": [{"start": "2025-10-11 02:00", "end": "2025-10-11 03:00", "tz": "Nowhere/Zone"}]},
            "sla.maintenance[0].tz",
            "unknown IANA time zone",
        ),
    ],
)
def test_bad_policies_name_the_key(data, key, reason):
    with pytest.raises(ConfigError) as exc:
        load(data)
    assert exc.value.key == key
    assert reason in exc.value.reason
    assert str(exc.value).startswith(f"occ.yml: {key}: ")


def test_bad_policy_through_the_workspace(tmp_path):
    cfg = tmp_path / "occ.yml"
    cfg.write_text("sla:\n  tz: Europe/Atlantis\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        Workspace.load(cfg).policy  # noqa: B018
    assert exc.value.key == "sla.tz"
    assert exc.value.path == str(cfg)


def test_percentile_spellings_and_ticket_prefixes():
    policy = load(
        {
            "tickets": {
                "OCC": {"first_response": "8h"},
                "OCC-INF": {"first_response": "4h"},
                "OCC-INF-221": {"resolution": "1d"},
            },
            "targets": {"*": {"latency": [{"percentile": 99, "threshold_ms": 2000}]}},
        }
    )
    assert policy.target("x").latency[0].percentile == "p99"
    assert policy.target("x").latency[0].q == 99
    assert policy.ticket_target("OCC-INF-221").resolution == dt.timedelta(days=1)
    assert policy.ticket_target("OCC-INF-221").first_response is None  # exact entry wins whole
    assert policy.ticket_target("OCC-INF-300").first_response == dt.timedelta(hours=4)
    assert policy.ticket_target("OCC-OPS-1").first_response == dt.timedelta(hours=8)
    assert policy.ticket_target("DEPLOY-147") is None
    # an entry covers a project at a key boundary, never a longer key: OCC-INF-2210, OCCX-1, OCC-INFRA-4
    assert policy.ticket_target("OCC-INF-2210").first_response == dt.timedelta(hours=4)
    assert policy.ticket_target("OCC-INFRA-4").first_response == dt.timedelta(hours=8)
    assert policy.ticket_target("OCCX-1") is None


def test_named_target_overrides_single_keys_of_the_default():
    policy = load(
        {
            "targets": {
                "*": {"availability": 99.5, "latency": [{"percentile": "p95", "threshold_ms": 800}]},
                "slow-api": {
                    "latency": [{"percentile": "p50", "threshold_ms": 3000, "window": "6h"}],
                    "degraded_counts_as": "down",
                    "retries": 2,
                },
            }
        }
    )
    slow = policy.target("slow-api")
    assert slow.availability == 99.5
    assert [(o.percentile, o.threshold_ms, o.window) for o in slow.latency] == [
        ("p50", 3000.0, dt.timedelta(hours=6))
    ]
    assert (slow.degraded_counts_as, slow.retries) == ("down", 2)
    other = policy.target("other")
    assert (other.latency[0].percentile, other.degraded_counts_as, other.retries) == ("p95", "up", 0)


def test_recurring_maintenance_follows_local_time_across_the_november_change():
    policy = load(
        {
            "maintenance": [
                {
                    "name": "patching",
                    "every": "weekly",
                    "days": ["sun"],
                    "start": "02:00",
                    "duration": "2h",
                    "tz": "America/New_York",
                },
            ]
        }
    )
    w = policy.maintenance_windows(utc("2025-10-20"), utc("2025-11-10"))
    assert list(w["start"]) == [utc("2025-10-26 06:00"), utc("2025-11-02 07:00"), utc("2025-11-09 07:00")]
    assert list(w["end"] - w["start"]) == [pd.Timedelta(hours=2)] * 3
    assert list(w["target"]) == [None, None, None]
    assert w["name"].iloc[0] == "patching: weekly on sun from 02:00 for 2h (America/New_York)"


def test_daily_one_off_and_per_target_windows():
    policy = load(
        {
            "tz": "America/New_York",
            "maintenance": [
                {"every": "daily", "start": "23:30", "duration": "1h", "tz": "UTC", "targets": ["db"]},
                {"start": "2025-10-08 10:00", "end": "2025-10-08 10:30"},  # zone-less: UTC default
            ],
            "targets": {
                "api": {
                    "maintenance": [
                        {"start": "2025-10-07 09:00", "end": "2025-10-07 10:00", "tz": "America/New_York"}
                    ]
                }
            },
        }
    )
    w = policy.maintenance_windows(utc("2025-10-07"), utc("2025-10-09"))
    got = [(t, s, e) for t, s, e in zip(w["target"], w["start"], w["end"], strict=True)]
    assert got == [
        ("db", utc("2025-10-06 23:30"), utc("2025-10-07 00:30")),
        ("api", utc("2025-10-07 13:00"), utc("2025-10-07 14:00")),
        ("db", utc("2025-10-07 23:30"), utc("2025-10-08 00:30")),
        (None, utc("2025-10-08 10:00"), utc("2025-10-08 10:30")),
        ("db", utc("2025-10-08 23:30"), utc("2025-10-09 00:30")),
    ]
