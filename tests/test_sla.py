"""SLA misses on constructed tables (the columns of docs/architecture.md): exact statuses and figures."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from occ_lib.config import validate_section
from occ_lib.policy import Policy
from occ_lib.sla import (
    MISS_COLUMNS,
    accounting_rules,
    burn_alerts,
    burn_rates,
    error_budget,
    misses,
    with_team,
)

UTC = "datetime64[us, UTC]"
T0 = pd.Timestamp("2025-10-06 00:00", tz="UTC")


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def policy(data=None) -> Policy:
    return validate_section(Policy, data, "occ.yml", "sla")


def deadline(source, line, tickets, due, text, stated=False, precision="minute", keyword="ETA"):
    return {
        "source": source,
        "line": line,
        "section": "s",
        "tickets": list(tickets),
        "due_at": utc(due),
        "due_precision": precision,
        "keyword": keyword,
        "text": text,
        "stated_missed": stated,
    }


def event(source, line, at, kind, tickets, text="", level=0):
    return {
        "source": source,
        "line": line,
        "section": "s",
        "section_line": 1,
        "at": utc(at) if at else pd.NaT,
        "at_precision": "minute",
        "end_at": pd.NaT,
        "kind": kind,
        "level": level,
        "tickets": list(tickets),
        "artifacts": [],
        "channels": [],
        "urls": [],
        "http_status": pd.NA,
        "times": [],
        "item": "list",
        "depth": 0,
        "text": text,
    }


def doc(source, doc_name, last_reviewed=None, expires=None):
    return {
        "source": source,
        "doc": doc_name,
        "last_reviewed": utc(last_reviewed) if last_reviewed else pd.NaT,
        "expires": utc(expires) if expires else pd.NaT,
        "front_matter": {},
        "tz": "UTC",
    }


def logs(deadlines=(), events=(), docs=()):
    d = pd.DataFrame(
        list(deadlines),
        columns=[
            "source",
            "line",
            "section",
            "tickets",
            "due_at",
            "due_precision",
            "keyword",
            "text",
            "stated_missed",
        ],
    )
    d["due_at"] = pd.to_datetime(d["due_at"], utc=True).astype(UTC)
    e = pd.DataFrame(
        list(events),
        columns=[
            "source",
            "line",
            "section",
            "section_line",
            "at",
            "at_precision",
            "end_at",
            "kind",
            "level",
            "tickets",
            "artifacts",
            "channels",
            "urls",
            "http_status",
            "times",
            "item",
            "depth",
            "text",
        ],
    )
    e["at"] = pd.to_datetime(e["at"], utc=True).astype(UTC)
    dc = pd.DataFrame(list(docs), columns=["source", "doc", "last_reviewed", "expires", "front_matter", "tz"])
    for col in ("last_reviewed", "expires"):
        dc[col] = pd.to_datetime(dc[col], utc=True).astype(UTC)
    return SimpleNamespace(deadlines=d, events=e, docs=dc, problems=pd.DataFrame())


def probes(rows) -> pd.DataFrame:
    rows = list(rows)
    return pd.DataFrame(
        {
            "target": [r[0] for r in rows],
            "started_at": pd.to_datetime([r[1] for r in rows], utc=True).astype(UTC),
            "outcome": [r[2] for r in rows],
            "error": pd.Series([None if r[2] != "down" else "timeout" for r in rows], dtype=object),
            "elapsed_ms": np.array([r[3] for r in rows], dtype="float64"),
        }
    )


def row(df, **match):
    sel = df
    for k, v in match.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, f"expected one row for {match}, got {len(sel)}"
    return sel.iloc[0]


# ---------------------------------------------------------------------------------------------
# deadlines


def test_deadline_met_by_a_resolution_in_another_teams_log():
    lg = logs(
        deadlines=[deadline("a.md", 4, ["OPS-1"], "2025-10-10 17:00", "ETA 17:00 UTC for OPS-1")],
        events=[event("b.md", 9, "2025-10-10 16:40", "resolved", ["OPS-1"], "closed OPS-1")],
    )
    out = misses(lg, None, policy(), end=utc("2025-10-13"))
    assert list(out.columns) == list(MISS_COLUMNS)
    r = row(out, kind="deadline")
    assert (r["subject"], r["due_at"], r["resolved_at"], r["status"], r["overage_min"]) == (
        "OPS-1",
        utc("2025-10-10 17:00"),
        utc("2025-10-10 16:40"),
        "met",
        0.0,
    )
    assert (r["source"], r["line"], r["mentions"]) == ("a.md", 4, ["a.md:4"])
    assert r["detail"].startswith("due 2025-10-10 17:00 UTC; resolved 2025-10-10 16:40 UTC, by the due time")


def test_resolution_after_the_due_time_is_a_miss_by_the_gap():
    lg = logs(
        deadlines=[deadline("a.md", 4, ["OPS-1"], "2025-10-10 17:00", "ETA 17:00 UTC")],
        events=[event("b.md", 9, "2025-10-10 19:30", "resolved", ["OPS-1"])],
    )
    r = row(misses(lg, None, policy(), as_of=utc("2025-10-13")), kind="deadline")
    assert (r["status"], r["resolved_at"], r["overage_min"]) == ("missed", utc("2025-10-10 19:30"), 150.0)


def test_open_when_due_after_as_of_and_missed_when_unresolved():
    lg = logs(
        deadlines=[
            deadline("a.md", 3, ["OPS-2"], "2025-10-14 09:00", "ETA Tuesday 09:00 UTC"),
            deadline("a.md", 5, ["OPS-3"], "2025-10-12 12:00", "due 12:00 UTC"),
        ]
    )
    out = misses(lg, None, policy(), start=utc("2025-10-06"), end=utc("2025-10-13"))
    r = row(out, subject="OPS-2")
    assert (r["status"], r["due_at"], r["resolved_at"] is pd.NaT, math.isnan(r["overage_min"])) == (
        "open",
        utc("2025-10-14 09:00"),
        True,
        True,
    )
    r = row(out, subject="OPS-3")
    assert (r["status"], r["overage_min"]) == ("missed", 12 * 60.0)
    assert r["detail"].startswith("due 2025-10-12 12:00 UTC; not resolved at as_of 2025-10-13 00:00 UTC")
    assert out.attrs["as_of"] == "2025-10-13T00:00:00Z"  # (JSON-safe: to_parquet stores attrs)


def test_resolution_after_as_of_is_not_known_yet():
    lg = logs(
        deadlines=[deadline("a.md", 3, ["OPS-2"], "2025-10-14 09:00", "ETA")],
        events=[event("b.md", 2, "2025-10-13 08:00", "resolved", ["OPS-2"])],
    )
    assert row(misses(lg, None, policy(), as_of=utc("2025-10-13")), kind="deadline")["status"] == "open"
    assert row(misses(lg, None, policy(), as_of=utc("2025-10-14")), kind="deadline")["status"] == "met"


def test_stated_miss_wins_and_mentions_are_one_row():
    lg = logs(
        deadlines=[
            deadline("a.md", 10, ["OCC-1"], "2025-10-10 17:00", "waiting for the 17:00 UTC ETA"),
            deadline(
                "b.md",
                7,
                ["OCC-1", "OCC-2"],
                "2025-10-10 17:00",
                "Infra missed the 17:00 UTC ETA",
                stated=True,
            ),
            deadline("a.md", 2, ["OCC-1"], "2025-10-10 17:00", "ETA 17:00 UTC"),
        ],
        events=[event("c.md", 1, "2025-10-10 16:00", "resolved", ["OCC-1"])],
    )
    out = misses(lg, None, policy(), as_of=utc("2025-10-11"))
    r = row(out, subject="OCC-1")
    assert r["status"] == "missed"  # the text says so, even though a resolution was logged earlier
    assert (r["source"], r["line"]) == ("b.md", 7)
    assert r["mentions"] == ["a.md:2", "a.md:10", "b.md:7"]
    assert r["detail"].startswith(
        "due 2025-10-10 17:00 UTC; stated missed in the text (yet resolved 2025-10-10 16:00 UTC, by the "
        "due time: no overage); "
        "'ETA' in \"Infra missed the 17:00 UTC ETA\""
    )
    assert pd.isna(r["overage_min"])  # (not the 7 h to as_of: the ticket was resolved)
    r2 = row(out, subject="OCC-2")
    assert (r2["status"], r2["overage_min"], r2["mentions"]) == ("missed", 7 * 60.0, ["b.md:7"])


def test_date_only_deadline_is_due_at_the_end_of_the_day_and_ticketless_rows_stay_separate():
    lg = logs(
        deadlines=[
            deadline(
                "a.md",
                3,
                [],
                "2025-10-10",
                "rotation cadence (due 2025-10-10)",
                precision="day",
                keyword="due",
            ),
            deadline(
                "a.md", 8, [], "2025-10-10", "other thing due 2025-10-10", precision="day", keyword="due"
            ),
        ]
    )
    before = misses(lg, None, policy(), as_of=utc("2025-10-10 23:59"))
    assert list(before["status"]) == ["open", "open"]
    after = misses(lg, None, policy(), as_of=utc("2025-10-11 01:00"))
    assert list(after["subject"]) == ["(no ticket)", "(no ticket)"]
    assert list(after["status"]) == ["missed", "missed"]
    assert list(after["overage_min"]) == [60.0, 60.0]
    assert list(after["due_at"]) == [utc("2025-10-11 00:00"), utc("2025-10-11 00:00")]
    assert list(after["line"]) == [3, 8]
    assert list(after["day_precision"]) == ["due_at", "due_at"]
    from occ_lib import weekly

    shown = weekly.for_display(weekly.misses_table(after), "America/New_York")
    assert list(shown["due"]) == ["2025-10-10 (end of day)", "2025-10-10 (end of day)"]


def test_a_date_only_deadline_ends_with_the_day_in_the_policy_zone():
    # 'due 2025-10-10' for a New York team: the day ends at 04:00 UTC on the 11th, not at midnight UTC
    lg = logs(deadlines=[
        deadline("a.md", 3, ["OPS-1"], "2025-10-10", "OPS-1 due 2025-10-10", precision="day", keyword="due")
    ])
    ny = policy({"tz": "America/New_York"})
    assert list(misses(lg, None, ny, as_of=utc("2025-10-11 01:00"))["status"]) == ["open"]
    after = misses(lg, None, ny, as_of=utc("2025-10-11 05:00"))
    assert after[["status", "due_at", "overage_min"]].values.tolist() == [
        ["missed", utc("2025-10-11 04:00"), 60.0]
    ]
    assert (
        "A date-only deadline is due at the end of that day in the zone its log declares for its "
        "zone-less times (front matter tz:, 'All times ET'), else in America/New_York; a resolution known "
        "only to its date is on time when that date is no later than the due date, and late by whole "
        "days otherwise." in accounting_rules(ny)
    )
    from occ_lib import weekly

    shown = weekly.for_display(weekly.misses_table(after, tz="America/New_York"), "America/New_York")
    assert list(shown["due"]) == ["2025-10-10 (end of day)"]
    # east of UTC too: Tokyo's 2025-10-10 ends at 15:00 UTC that day
    tokyo = misses(lg, None, policy({"tz": "Asia/Tokyo"}), as_of=utc("2025-10-10 16:00"))
    assert tokyo[["status", "due_at"]].values.tolist() == [["missed", utc("2025-10-10 15:00")]]
    assert list(weekly.misses_table(tokyo, tz="Asia/Tokyo")["due"]) == ["2025-10-10 (end of day)"]


def test_date_only_mentions_are_named_and_said_as_dates():
    """A ticket first mentioned, answered or resolved in a dated but untimed section: its instant is
    the date's UTC midnight, the row names it in day_precision and the detail gives the date."""
    pol = policy({"tickets": {"OPS": {"first_response": "4h", "resolution": "2d"}}})
    day_note = {**event("a.md", 2, "2025-10-08", "note", ["OPS-1"]), "at_precision": "day"}
    day_ping = {**event("a.md", 7, "2025-10-10", "follow_up", ["OPS-1"]), "at_precision": "day"}
    day_done = {**event("b.md", 4, "2025-10-12", "resolved", ["OPS-1"]), "at_precision": "day"}
    lg = logs(
        events=[day_note, day_ping, day_done],
        deadlines=[deadline("a.md", 5, ["OPS-1"], "2025-10-11 12:00", "ETA 2025-10-11 12:00 UTC")],
    )
    out = misses(lg, None, pol, as_of=utc("2025-10-13"))
    r = row(out, kind="response", subject="OPS-1")
    assert (r["due_at"], r["resolved_at"], r["status"]) == (
        utc("2025-10-09 04:00"), utc("2025-10-10 00:00"), "missed")  # (round 15 EXP6B: from the day's end)
    assert r["day_precision"] == "due_at, resolved_at"
    assert r["detail"] == (
        "responded 2025-10-10 (date only), after the due time; first mention 2025-10-08 (date only), "
        "response after ~2d (target 4h)"
    )
    r = row(out, kind="deadline", subject="OPS-1")
    assert (r["resolved_at"], r["status"], r["overage_min"]) == (utc("2025-10-12"), "missed", 720.0)
    assert r["day_precision"] == "resolved_at"
    assert r["detail"] == (
        "due 2025-10-11 12:00 UTC; resolved 2025-10-12 (date only), after the due time; 'ETA' in \"ETA "
        "2025-10-11 12:00 UTC\"")

    from occ_lib import weekly

    shown = weekly.for_display(weekly.misses_table(out), "America/New_York")
    assert shown[["kind", "due", "resolved"]].values.tolist() == [
        ["deadline", "2025-10-11 08:00", "2025-10-12"],
        ["response", "2025-10-09 00:00", "2025-10-10"],
        ["resolution", "2025-10-10 20:00", "2025-10-12"],
    ]


def test_deadlines_due_before_the_window_are_left_out():
    lg = logs(deadlines=[deadline("a.md", 3, ["OPS-9"], "2025-10-01 12:00", "ETA")])
    assert misses(lg, None, policy(), start=utc("2025-10-06"), end=utc("2025-10-13")).empty
    assert len(misses(lg, None, policy(), end=utc("2025-10-13"))) == 1


# ---------------------------------------------------------------------------------------------
# ticket targets and documents


def test_ticket_response_and_resolution_targets():
    pol = policy({"tickets": {"OCC-INF": {"first_response": "4h", "resolution": "1d"}}})
    lg = logs(
        events=[
            event("a.md", 3, "2025-10-08 10:00", "note", ["OCC-INF-1"]),
            event("b.md", 5, "2025-10-08 15:00", "follow_up", ["OCC-INF-1"]),
            event("a.md", 9, "2025-10-09 09:00", "resolved", ["OCC-INF-1"]),
            event("a.md", 11, "2025-10-12 20:00", "escalation", ["OCC-INF-2"]),
            event("a.md", 12, "2025-10-12 21:00", "note", ["HS-1"]),
        ]
    )
    out = misses(lg, None, pol, as_of=utc("2025-10-13"))
    assert sorted(out["subject"]) == ["OCC-INF-1", "OCC-INF-1", "OCC-INF-2", "OCC-INF-2"]
    r = row(out, kind="response", subject="OCC-INF-1")
    assert (r["due_at"], r["resolved_at"], r["status"], r["overage_min"]) == (
        utc("2025-10-08 14:00"),
        utc("2025-10-08 15:00"),
        "missed",
        60.0,
    )
    assert r["mentions"] == ["a.md:3", "b.md:5"]
    r = row(out, kind="resolution", subject="OCC-INF-1")
    assert (r["due_at"], r["resolved_at"], r["status"]) == (
        utc("2025-10-09 10:00"),
        utc("2025-10-09 09:00"),
        "met",
    )
    r = row(out, kind="response", subject="OCC-INF-2")  # the first mention is itself an escalation
    assert (r["status"], r["resolved_at"]) == ("met", utc("2025-10-12 20:00"))
    r = row(out, kind="resolution", subject="OCC-INF-2")
    assert (r["status"], r["due_at"]) == ("open", utc("2025-10-13 20:00"))


def test_a_reopened_ticket_meets_its_resolution_target_only_by_a_resolution_after_the_reopening():
    pol = policy({"tickets": {"INC": {"first_response": "15m", "resolution": "4h"}}})
    lg = logs(
        events=[
            event("ops.md", 4, "2025-10-09 17:14", "acknowledged", ["INC-4412"]),
            event("ops.md", 5, "2025-10-09 19:31", "resolved", ["INC-4412"]),
            event("ops.md", 6, "2025-10-09 20:05", "reopened", ["INC-4412"]),
            event("ops.md", 7, "2025-10-09 21:40", "resolved", ["INC-4412"]),
            event("ops.md", 10, "2025-10-10 13:00", "acknowledged", ["INC-4413"]),
            event("ops.md", 11, "2025-10-10 13:10", "resolved", ["INC-4413"]),
            event("ops.md", 12, "2025-10-10 13:40", "reopened", ["INC-4413"]),
        ]
    )
    out = misses(lg, None, pol, as_of=utc("2025-10-13 04:00"))
    r = row(out, kind="resolution", subject="INC-4412")
    assert (r["due_at"], r["resolved_at"], r["status"], r["overage_min"]) == (
        utc("2025-10-09 21:14"), utc("2025-10-09 21:40"), "missed", 26.0,
    )
    assert r["mentions"] == ["ops.md:4", "ops.md:7"]
    r = row(out, kind="resolution", subject="INC-4413")  # reopened, never resolved again
    assert (r["due_at"], r["resolved_at"], r["status"], r["overage_min"]) == (
        utc("2025-10-10 17:00"), pd.NaT, "missed", 59 * 60.0,  # to as_of
    )
    # judged before the reopening, the first fix still counts
    early = misses(lg, None, pol, as_of=utc("2025-10-09 20:00"))
    r = row(early, kind="resolution", subject="INC-4412")
    assert (r["resolved_at"], r["status"]) == (utc("2025-10-09 19:31"), "met")


def test_bad_instants_are_an_occ_error_naming_the_parameter():
    from occ_lib.errors import ArgumentError

    lg = logs(events=[event("a.md", 3, "2025-10-08 10:00", "note", ["OCC-INF-1"])])
    for kw, msg in (
        ({"as_of": "last monday"},
         "as_of: not a date or time: 'last monday' (expected YYYY-MM-DD or ISO 8601)"),
        ({"start": "2025-W41"}, "start: not a date or time: '2025-W41' (expected YYYY-MM-DD or ISO 8601; "
         "for an ISO week use occ_lib.periods.week_bounds)"),
        ({"end": "soon"}, "end: not a date or time: 'soon' (expected YYYY-MM-DD or ISO 8601)"),
    ):
        with pytest.raises(ArgumentError) as err:
            misses(lg, None, policy(), **kw)
        assert str(err.value) == msg


def test_documents_expired_and_stale():
    pol = policy({"documents": {"max_age": "14d"}})
    lg = logs(
        docs=[
            doc("feedback/a.md", "feedback/a.md", "2025-09-20", "2025-10-10"),
            doc("feedback/b.md", None, "2025-10-10", None),
        ]
    )
    out = misses(lg, None, pol, as_of=utc("2025-10-13"))
    recs = out[["kind", "subject", "due_at", "status"]].to_dict("records")
    assert recs == [
        {"kind": "doc_expired", "subject": "feedback/a.md", "due_at": utc("2025-10-11"), "status": "missed"},
        {"kind": "doc_stale", "subject": "feedback/a.md", "due_at": utc("2025-10-04"), "status": "missed"},
        {"kind": "doc_stale", "subject": "feedback/b.md", "due_at": utc("2025-10-24"), "status": "open"},
    ]
    assert out["overage_min"].iloc[:2].tolist() == [2 * 1440.0, 9 * 1440.0]
    assert math.isnan(out["overage_min"].iloc[2])
    assert out["detail"].iloc[0] == "front matter expires 2025-10-10"


def test_document_days_are_the_policy_zones():
    # expires 2025-10-10: over when New York's day is; reviewed 2025-09-20 + 14d: New York's midnight
    pol = policy({"tz": "America/New_York", "documents": {"max_age": "14d"}})
    lg = logs(docs=[doc("feedback/a.md", "feedback/a.md", "2025-09-20", "2025-10-10")])
    out = misses(lg, None, pol, as_of=utc("2025-10-11 02:00"))
    assert out[["kind", "due_at", "status"]].values.tolist() == [
        ["doc_expired", utc("2025-10-11 04:00"), "open"], ["doc_stale", utc("2025-10-04 04:00"), "missed"],
    ]


# ---------------------------------------------------------------------------------------------
# probe objectives


def minute_probes(target, start, n, bad_minutes=(), slow_minutes=(), slow_ms=1000.0, fast_ms=100.0):
    rows = []
    for i in range(n):
        at = start + pd.Timedelta(minutes=i)
        outcome = "down" if i in bad_minutes else "up"
        rows.append((target, at, outcome, slow_ms if i in slow_minutes else fast_ms))
    return rows


def test_error_budget_arithmetic():
    pol = policy({"targets": {"*": {"availability": 99.5}, "web": {"availability": 99.9}}})
    df = probes(
        minute_probes("api", T0, 1440, bad_minutes=range(600, 609))
        + minute_probes("web", T0, 1000, bad_minutes=[5])
    )
    eb = error_budget(df, pol, T0, T0 + pd.Timedelta(days=1))
    api = row(eb, target="api")
    assert (api["objective"], api["counted"], api["good"], api["bad"], api["excluded_maintenance"]) == (
        99.5,
        1440,
        1431,
        9,
        0,
    )
    assert api["ratio"] == pytest.approx(1431 / 1440 * 100)
    assert api["allowed_bad"] == pytest.approx(7.2)
    assert api["consumed_pct"] == pytest.approx(125.0)
    assert api["remaining_pct"] == pytest.approx(-25.0)
    web = row(eb, target="web")
    assert (web["bad"], web["allowed_bad"], web["consumed_pct"], web["remaining_pct"]) == pytest.approx(
        (1, 1.0, 100.0, 0.0), abs=1e-9
    )
    out = misses(None, df, pol, T0, T0 + pd.Timedelta(days=1))
    a = row(out, kind="availability", subject="api", due_at=T0 + pd.Timedelta(days=1))
    assert a["status"] == "missed"
    assert a["detail"] == (
        "99.375% vs objective 99.5%: 9 bad of 1440 probes (0 in maintenance); "
        "budget 7.2 probes, 125.0% consumed"
    )
    w = row(out, kind="availability", subject="web", due_at=T0 + pd.Timedelta(days=1))
    assert w["status"] == "met"  # 99.9% exactly: 1 bad probe, 1 allowed


def test_without_a_window_it_ends_at_the_whole_second_after_the_last_probe():
    pol = policy({"targets": {"*": {"availability": 99.5}}})
    last = T0 + pd.Timedelta(minutes=99, milliseconds=250)
    df = probes(minute_probes("api", T0, 99) + [("api", last, "up", 100.0)])
    a = row(misses(None, df, pol), kind="availability", subject="api")
    assert (a["due_at"], a["status"]) == (T0 + pd.Timedelta(minutes=99, seconds=1), "met")
    assert a["detail"].startswith("100.000% vs objective 99.5%: 0 bad of 100 probes")


def test_burn_rates_and_multiwindow_alerts():
    pol = policy({"targets": {"*": {"availability": 99.0}}})
    df = probes(minute_probes("api", T0, 1440, bad_minutes=range(600, 610)))  # 10:00-10:09 down
    br = burn_rates(df, pol, T0, T0 + pd.Timedelta(days=1))
    assert len(br) == 288  # every 5 minutes, (start, end]
    assert br["at"].iloc[0] == T0 + pd.Timedelta(minutes=5)
    at = br.set_index("at").loc[utc("2025-10-06 10:10")]
    assert at["burn_5m"] == pytest.approx(100.0)
    assert at["burn_30m"] == pytest.approx(10 / 30 / 0.01)
    assert at["burn_1h"] == pytest.approx(10 / 60 / 0.01)
    assert at["burn_6h"] == pytest.approx(10 / 360 / 0.01)
    assert at["burn_3d"] == pytest.approx(10 / 610 / 0.01)  # only 610 probes exist before 10:10
    assert bool(at["alert_1h_5m"]) and not bool(at["alert_6h_30m"]) and bool(at["alert_3d_6h"])
    early = br.set_index("at").loc[utc("2025-10-06 10:05")]
    assert early["burn_1h"] == pytest.approx(5 / 60 / 0.01) and not bool(early["alert_1h_5m"])
    fast = br[br["alert_1h_5m"]]
    assert list(fast["at"]) == [utc("2025-10-06 10:10")]
    alerts = burn_alerts(br)
    page = row(alerts, detail=alerts["detail"].iloc[0])
    assert (page["kind"], page["subject"], page["due_at"], page["resolved_at"], page["overage_min"]) == (
        "availability",
        "api",
        utc("2025-10-06 10:10"),
        utc("2025-10-06 10:15"),
        5.0,
    )
    assert page["detail"] == (
        "burn rate above 14.4x over both 1h and 5m (page); peak 16.7x over 1h, 100.0x over 5m"
    )
    slow = alerts.iloc[1]
    assert slow["detail"].startswith("burn rate above 1x over both 3d and 6h (ticket)")
    # 3d/6h: at 10:05 the 3d burn is 5/605/0.01 = 0.83x; from 10:10 both exceed 1x until the bad
    # minutes leave the 6h window (16:05 still holds 10:05-10:09; 16:10 holds none).
    assert (slow["due_at"], slow["resolved_at"], slow["overage_min"]) == (
        utc("2025-10-06 10:10"),
        utc("2025-10-06 16:10"),
        360.0,
    )
    assert len(alerts) == 2
    out = misses(None, df, pol, T0, T0 + pd.Timedelta(days=1))
    av = out[out["kind"] == "availability"]
    assert list(av["due_at"]) == [utc("2025-10-06 10:10"), utc("2025-10-06 10:10"), T0 + pd.Timedelta(days=1)]
    # two burn alerts, yet the day as a whole met 99%: 10 bad probes of 14.4 allowed.
    assert list(av["status"]) == ["missed", "missed", "met"]


def test_maintenance_window_removes_a_latency_breach():
    objectives = {"*": {"latency": [{"percentile": "p95", "threshold_ms": 800, "window": "1h"}]}}
    df = probes(minute_probes("api", T0, 180, slow_minutes=range(60, 120)))  # 01:00-02:00 slow
    out = misses(None, df, policy({"targets": objectives}), T0, T0 + pd.Timedelta(hours=3))
    lat = out[out["kind"] == "latency"]
    assert len(lat) == 1
    r = lat.iloc[0]
    assert (r["subject"], r["due_at"], r["status"], r["overage_min"]) == (
        "api",
        utc("2025-10-06 01:00"),
        "missed",
        60.0,
    )
    assert r["detail"] == "p95 1000.0 ms > 800 ms over 1h from 2025-10-06 01:00 UTC (n=60)"
    maint = {
        "targets": objectives,
        "maintenance": [{"start": "2025-10-05 21:00", "end": "2025-10-05 22:00", "tz": "America/New_York"}],
    }
    out2 = misses(None, df, policy(maint), T0, T0 + pd.Timedelta(hours=3))
    assert out2[out2["kind"] == "latency"].empty
    assert any("2025-10-05 21:00 to 2025-10-05 22:00 (America/New_York)" in r for r in out2.attrs["rules"])


def test_maintenance_is_excluded_from_availability():
    pol = {"targets": {"*": {"availability": 99.0}}}
    df = probes(minute_probes("api", T0, 100, bad_minutes=range(10, 15)))
    before = error_budget(df, policy(pol), T0, T0 + pd.Timedelta(hours=2))
    assert (before["bad"].iloc[0], before["counted"].iloc[0]) == (5, 100)
    pol["maintenance"] = [{"start": "2025-10-06 00:10", "end": "2025-10-06 00:15", "targets": ["api"]}]
    after = error_budget(df, policy(pol), T0, T0 + pd.Timedelta(hours=2))
    assert after[["counted", "good", "bad", "excluded_maintenance"]].iloc[0].tolist() == [95, 95, 0, 5]
    assert after["ratio"].iloc[0] == 100.0


def test_as_of_inside_the_window_counts_only_earlier_probes_and_leaves_availability_open():
    pol = policy({"targets": {"*": {"availability": 99.0}}})
    df = probes(minute_probes("api", T0, 1440, bad_minutes=[1000]))
    out = misses(None, df, pol, T0, T0 + pd.Timedelta(days=1), as_of=T0 + pd.Timedelta(hours=12))
    a = row(out, kind="availability")
    assert a["status"] == "open"
    assert "0 bad of 720 probes" in a["detail"]


def test_accounting_rules_travel_with_every_result():
    pol = policy(
        {
            "tz": "America/New_York",
            "tickets": {"OCC": {"first_response": "4h"}},
            "targets": {"*": {"availability": 99.5, "retries": 1}},
            "documents": {"max_age": "14d"},
        }
    )
    rules = accounting_rules(pol)
    assert (
        rules[0] == "Times are stored and compared in UTC; weeks and days are reported in America/New_York, "
        "and so are the times in detail texts (with the zone's abbreviation)."
    )
    assert "Objectives for every target: availability >= 99.5%; degraded counts as up; retries 1." in rules
    assert not any(r.startswith("Objectives for every other target") for r in rules)
    # without objectives, the rules say so and how probes are still counted
    assert "Objectives for every target: none (its latency and availability are shown, not judged); " \
        "degraded counts as up; retries 0." in accounting_rules(policy({"tz": "UTC"}))
    some = accounting_rules(policy({"tz": "UTC", "targets": {"api": {"retries": 2}}}))
    assert [r for r in some if r.startswith("Objectives")] == [
        "Objectives for target api: degraded counts as up; retries 2.",
        "Objectives for every other target: none (its latency and availability are shown, not judged); "
        "degraded counts as up; retries 0.",
    ]
    assert rules[-1] == (
        "Documents (days in America/New_York): expired after the day in front matter 'expires'; stale "
        "when the day last reviewed is more than 14 days old."
    )
    assert any(
        r.startswith(
            "Ticket targets (by exact ticket, else the longest matching prefix): OCC: "
            "first response 4h. "  # (no resolution target: left out, not 'resolution -', round 15)
        )
        for r in rules
    )
    out = misses(logs(), None, pol, end=utc("2025-10-13"))
    assert out.empty and out.attrs["rules"] == rules
    assert error_budget(probes([]), pol, T0, T0 + pd.Timedelta(days=1)).attrs["rules"] == rules


def test_sparse_checks_hold_the_alert_state_instead_of_flapping():
    # A monitor checking every 30 minutes leaves most 5-minute windows empty: an empty window keeps
    # the previous alert state, so four hours of failed checks are one page, not eight.
    pol = policy({"targets": {"*": {"availability": 99.0}}})
    rows = [("api", T0 + pd.Timedelta(minutes=30 * i), "down" if 20 <= i < 28 else "up", 100.0)
            for i in range(48)]
    br = burn_rates(probes(rows), pol, T0, T0 + pd.Timedelta(days=1))
    at = br.set_index("at")
    assert pd.isna(at.loc[utc("2025-10-06 10:15"), "burn_5m"])
    assert bool(at.loc[utc("2025-10-06 10:15"), "alert_1h_5m"])
    alerts = burn_alerts(br)
    page = alerts[alerts["detail"].str.contains("over both 1h and 5m")]
    assert list(zip(page["due_at"], page["resolved_at"], page["overage_min"], strict=True)) == [
        (utc("2025-10-06 10:05"), utc("2025-10-06 14:05"), 240.0)
    ]


def test_with_team_names_the_log_owner_or_the_targets_team_tag():
    docs = pd.DataFrame({"source": ["a.md", "b.md"], "owner": ["integrations", None]})
    lg = SimpleNamespace(docs=docs)
    m = pd.DataFrame(
        {
            "kind": ["deadline", "deadline", "latency", "availability", "doc_stale"],
            "subject": ["OPS-1", "OPS-2", "api", "web", "c.md"],
            "source": ["a.md", "b.md", "probes", "probes", "c.md"],
        }
    )
    out = with_team(m, lg, {"api": "platform", "web": None})
    assert list(out["team"]) == ["integrations", "b", "platform", "(unassigned)", "(unassigned)"]
    assert "team" not in m.columns  # the input is left as it was


def test_a_stated_miss_has_an_overage_only_where_the_logs_measure_one():
    lg = logs(
        deadlines=[
            deadline("a.md", 1, ["OCC-1"], "2025-10-10 17:00", "OCC-1 missed the 17:00 ETA", stated=True),
            deadline("a.md", 2, ["OCC-2"], "2025-10-12 17:00", "OCC-2 ETA Sunday, missed", stated=True),
            deadline("a.md", 3, ["OCC-3"], "2025-10-10 09:00", "OCC-3 missed the 09:00 ETA", stated=True),
        ],
        events=[event("b.md", 1, "2025-10-10 18:30", "resolved", ["OCC-1"])],
    )
    out = misses(lg, None, policy(), as_of=utc("2025-10-11"))
    got = {r["subject"]: (r["status"], r["overage_min"], r["detail"].split("; ")[1])
           for r in out.to_dict("records")}
    assert got["OCC-1"] == ("missed", 90.0, "stated missed in the text")  # to its resolution
    assert got["OCC-3"] == ("missed", 15 * 60.0, "stated missed in the text")  # to as_of, unresolved
    status, over, detail = got["OCC-2"]  # said before it was due: nothing to measure yet
    assert (status, detail) == ("missed", "stated missed in the text (before the due time: no overage)")
    assert pd.isna(over)
    assert out.loc[out["subject"] == "OCC-1", "detail"].iloc[0].startswith(
        "due 2025-10-10 17:00 UTC; stated missed in the text; resolved 2025-10-10 18:30 UTC; 'ETA' in "
        "\"OCC-1 missed"
    )


def test_a_100_percent_objective_says_its_burn_is_unbounded_not_inf():
    pol = policy({"targets": {"*": {"availability": 100}}})
    df = probes(minute_probes("api", T0, 120, bad_minutes=[60]))
    alerts = burn_alerts(burn_rates(df, pol, T0, T0 + pd.Timedelta(hours=2)))
    assert alerts["detail"].iloc[0] == (
        "burn rate above 14.4x over both 1h and 5m (page); peak unbounded (no error budget at 100%) "
        "over 1h, unbounded (no error budget at 100%) over 5m"
    )
    out = misses(None, df, pol, T0, T0 + pd.Timedelta(hours=2))
    assert row(out, due_at=T0 + pd.Timedelta(hours=2))["detail"] == (
        "99.167% vs objective 100%: 1 bad of 120 probes (0 in maintenance); budget 0 probes, "
        "all consumed (no error budget at 100%)"
    )
    assert not out["detail"].str.contains("inf").any()


def test_a_date_only_resolution_the_day_after_a_date_only_due_date_is_a_day_late():
    """Done Oct 9 for 'due Oct 8': the due day ends at Oct 9's midnight, which is also where a
    resolution known only to Oct 9 sits; it is late, by whole days (Oct 10 is two days late)."""
    for done, status, over in (("2025-10-08", "met", 0.0), ("2025-10-09", "missed", 1440.0),
                               ("2025-10-10", "missed", 2880.0)):
        lg = logs(
            events=[{**event("a.md", 9, done, "resolved", ["OPS-31"]), "at_precision": "day"}],
            deadlines=[deadline("a.md", 3, ["OPS-31"], "2025-10-08", "OPS-31 RCA due 2025-10-08",
                                precision="day", keyword="due")],
        )
        r = row(misses(lg, None, policy(), as_of=utc("2025-10-13")), kind="deadline", subject="OPS-31")
        assert (r["due_at"], r["status"], r["overage_min"]) == (utc("2025-10-09 00:00"), status, over), done
    # a timed due time against a resolution known only to a later day: from that day's start
    lg = logs(
        events=[{**event("a.md", 9, "2025-10-09", "resolved", ["OPS-32"]), "at_precision": "day"}],
        deadlines=[deadline("a.md", 3, ["OPS-32"], "2025-10-08 18:00", "OPS-32 ETA 18:00 UTC")],
    )
    r = row(misses(lg, None, policy(), as_of=utc("2025-10-13")), kind="deadline", subject="OPS-32")
    assert (r["status"], r["overage_min"]) == ("missed", 360.0)


def test_a_deadline_written_on_a_date_after_as_of_in_the_policy_zone_is_not_known():
    """'ETA Oct 12 09:00' written under '## 2025-10-13' in a New York log: W41 ends at 04:00 UTC on
    Oct 13, where New York's Oct 13 begins; the line was written after as_of (as the timeline says)."""
    lg = logs(
        events=[{**event("a.md", 4, "2025-10-13", "note", ["NET-7"]), "at_precision": "day"},
                event("a.md", 9, "2025-10-13 03:30", "note", ["NET-8"])],
        deadlines=[deadline("a.md", 4, ["NET-7"], "2025-10-12 09:00", "NET-7 ETA 2025-10-12 09:00 UTC"),
                   deadline("a.md", 9, ["NET-8"], "2025-10-12 09:00", "NET-8 ETA 2025-10-12 09:00 UTC")],
    )
    ny = policy({"tz": "America/New_York"})
    out = misses(lg, None, ny, as_of=utc("2025-10-13 04:00"))
    assert out[["subject", "status", "overage_min"]].values.tolist() == [["NET-8", "missed", 1140.0]]
    later = misses(lg, None, ny, as_of=utc("2025-10-13 04:01"))
    assert sorted(later["subject"]) == ["NET-7", "NET-8"]


def test_a_deadline_on_the_calendars_last_day_means_never_and_is_no_promise():
    lg = logs(deadlines=[
        deadline("a.md", 3, ["OPS-31"], "9999-12-31", "token expires 9999-12-31 (never)", precision="day",
                 keyword="expires"),
        deadline("a.md", 4, ["OPS-32"], "2099-12-31", "cert expires 2099-12-31", precision="day",
                 keyword="expires"),
    ])
    out = misses(lg, None, policy({"tz": "America/New_York"}), as_of=utc("2025-10-13"))
    assert out[["subject", "due_at", "status"]].values.tolist() == [
        ["OPS-32", utc("2100-01-01 05:00"), "open"]
    ]
