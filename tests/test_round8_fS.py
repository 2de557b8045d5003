"""Round 8 (fS): the SLA figures and their wording, from a test-drive's audit (td70 F3, F4, F5, F7, F8).

- F3: a date-only deadline ends its day in the zone its log declares ('All times ET', front matter
  ``tz:``), else in ``sla.tz``; ``docs.tz_declared`` tells a declared zone from the UTC default.
- F4: the detail names where the deadline was written as ``'ETA' in "<item text>"``, not ``ETA: 21:00: ...``.
- F5: detail times are in ``sla.tz`` with the zone's abbreviation (``2026-11-17 14:29 CST``).
- F7: a resolution target missed only because a reopening undid an earlier resolution says so in its
  detail (resolved X, after D, and reopened Y); the rule is kept (see the test's comment).
- F8: a promise due exactly at as_of and not kept is open, not missed with 0.0 minutes.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd

from occ_lib import charts, timeline, weekly
from occ_lib.config import validate_section
from occ_lib.logs import parse_log, parse_logs
from occ_lib.policy import Policy
from occ_lib.sla import accounting_rules, deadline_misses, misses, probe_misses

CHICAGO = "America/Chicago"
W47 = {"start": pd.Timestamp("2026-11-16 06:00", tz="UTC"), "end": pd.Timestamp("2026-11-23 06:00", tz="UTC")}


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def policy(tz: str = CHICAGO, **more) -> Policy:
    return validate_section(Policy, {"tz": tz, **more}, "occ.yml", "sla")


PAY = {"PAY": {"first_response": "2h", "resolution": "1d"}}


def rows(out: pd.DataFrame, kind: str, subject: str) -> list[tuple]:
    sel = out[out["kind"].eq(kind) & out["subject"].eq(subject)]
    return [
        (r["due_at"], r["resolved_at"], r["status"], r["overage_min"], r["detail"])
        for r in sel.to_dict("records")
    ]


def same(got: list[tuple], expected: list[tuple]) -> None:
    """Rows equal, NaN overages included."""
    assert len(got) == len(expected), got
    for g, e in zip(got, expected, strict=True):
        assert g[:3] == e[:3] and g[4:] == e[4:], g
        assert (np.isnan(g[3]) and np.isnan(e[3])) or g[3] == e[3], g


# --- F3: a date-only deadline ends its day in its log's declared zone ----------------------------

NETWORK = (
    "# Network\n\nAll times ET.\n\n## 2026-11-17 Tuesday\n"
    "- 10:00: NET-203 opened: resolver latency in the Chicago POP; due 2026-11-18.\n\n"
    "## 2026-11-19 Thursday\n- 00:30: NET-203 resolved.\n"
)
SUPPORT = (
    "# Support\n\nAll times UTC.\n\n## 2026-11-20 Friday\n"
    "- 10:00 UTC: SUP-304 customer asks for a refund export; due 2026-11-21.\n\n"
    "## 2026-11-22 Sunday\n- 05:30 UTC: SUP-304 resolved.\n"
)
PAYMENTS = (
    "---\ntz: America/Chicago\n---\n# Payments\n\n## 2026-11-17 Tuesday\n"
    "- 10:00: PAY-120 opened: export stuck; due 2026-11-18.\n\n"
    "## 2026-11-18 Wednesday\n- 23:30: PAY-120 resolved.\n"
)
# (declares no zone: its zone-less times are read in UTC by default, its dates end in sla.tz as before)
UNDECLARED = (
    "# Ops\n\n## 2026-11-17 Tuesday\n- OPS-7 cert renewal; due 2026-11-18.\n\n"
    "## 2026-11-19 Thursday\n- 05:30 UTC OPS-7 resolved.\n"
)


def _teams():
    return parse_logs([("network.md", NETWORK), ("support.md", SUPPORT), ("payments.md", PAYMENTS),
                       ("ops.md", UNDECLARED)])


def test_docs_say_whether_the_zone_was_declared():
    logs = _teams()
    assert logs.docs[["source", "tz", "tz_declared"]].values.tolist() == [
        ["network.md", "America/New_York", True],
        ["support.md", "UTC", True],  # declared UTC
        ["payments.md", "America/Chicago", True],
        ["ops.md", "UTC", False],  # UTC by default
    ]
    assert logs.docs["tz_declared"].dtype == bool


def test_a_date_only_deadline_ends_with_the_day_in_the_zone_its_log_declares():
    out = misses(_teams(), None, policy(), **W47)
    # ET: Nov 18 ends at 05:00Z; resolved 00:30 ET on the 19th is 30 minutes late (was met at 06:00Z)
    same(rows(out, "deadline", "NET-203"), [(
        utc("2026-11-19 05:00"), utc("2026-11-19 05:30"), "missed", 30.0,
        "due 2026-11-18 (date only, the end of the day in America/New_York: the log's zone); resolved "
        "2026-11-18 23:30 CST, after the due time; 'due' in \"10:00: NET-203 opened: resolver latency in the "
        "Chicago POP; due 2026-11-18.\"",
    )])
    # UTC, declared: Nov 21 ends at midnight UTC; resolved 05:30 UTC is 330 minutes late
    same(rows(out, "deadline", "SUP-304"), [(
        utc("2026-11-22 00:00"), utc("2026-11-22 05:30"), "missed", 330.0,
        "due 2026-11-21 (date only, the end of the day in UTC: the log's zone); resolved 2026-11-21 23:30 "
        "CST, after the due time; 'due' in \"10:00 UTC: SUP-304 customer asks for a refund export; due "
        "2026-11-21.\"",
    )])
    # near misses: the log's zone is sla.tz (no note), and a log that declares none (sla.tz, as before)
    same(rows(out, "deadline", "PAY-120"), [(
        utc("2026-11-19 06:00"), utc("2026-11-19 05:30"), "met", 0.0,
        "due 2026-11-18 (date only); resolved 2026-11-18 23:30 CST, by the due time; 'due' in \"10:00: "
        "PAY-120 opened: export stuck; "
        "due 2026-11-18.\"",
    )])
    same(rows(out, "deadline", "OPS-7"), [(
        utc("2026-11-19 06:00"), utc("2026-11-19 05:30"), "met", 0.0,
        "due 2026-11-18 (date only); resolved 2026-11-18 23:30 CST, by the due time; 'due' in \"OPS-7 "
        "cert renewal; due 2026-11-18.\"",
    )])
    assert (
        "A date-only deadline is due at the end of that day in the zone its log declares for its "
        "zone-less times (front matter tz:, 'All times ET'), else in America/Chicago; a resolution known "
        "only to its date is on time when that date is no later than the due date, and late by whole "
        "days otherwise." in out.attrs["rules"]
    )


def test_a_fixed_offset_zone_ends_the_day_at_its_offset():
    logs = parse_log("# Berlin ops\n\nAll times UTC+2.\n\n## 2026-11-17\n- 09:00 OPS-8 due 2026-11-18.\n",
                     "berlin.md")
    assert logs.docs[["tz", "tz_declared"]].values.tolist() == [["+02:00", True]]
    out = misses(logs, None, policy(), **W47)
    same(rows(out, "deadline", "OPS-8"), [(
        utc("2026-11-18 22:00"), pd.NaT, "missed", 6240.0,  # to as_of, 2026-11-23 06:00Z
        "due 2026-11-18 (date only, the end of the day in +02:00: the log's zone); not resolved at as_of "
        "2026-11-23 00:00 CST; 'due' in \"09:00 OPS-8 due 2026-11-18.\"",
    )])


def test_a_date_only_resolution_is_judged_by_its_date_in_the_deadlines_zone():
    # policy in Tokyo, the log in Chicago: the date Nov 19 begins (in Tokyo) before Nov 18 ends in
    # Chicago, yet resolved on the 19th is a day late for 'due 2026-11-18'; on the 18th it is on time
    text = (
        "---\ntz: America/Chicago\n---\n# Ops\n\n## 2026-11-17\n- OPS-9 migration; due 2026-11-18.\n"
        "- OPS-10 migration; due 2026-11-18.\n\n## 2026-11-18\n- OPS-10 resolved.\n\n"
        "## 2026-11-19\n- OPS-9 resolved.\n"
    )
    out = misses(parse_log(text, "ops.md"), None, policy("Asia/Tokyo"), as_of=utc("2026-11-25"))
    got = out.set_index("subject")[["due_at", "status", "overage_min", "day_precision"]]
    assert got.loc["OPS-9"].tolist() == [utc("2026-11-19 06:00"), "missed", 1440.0, "due_at, resolved_at"]
    assert got.loc["OPS-10"].tolist() == [utc("2026-11-19 06:00"), "met", 0.0, "due_at, resolved_at"]


def test_tables_and_chart_show_another_zones_end_of_day_as_its_time():
    out = misses(_teams(), None, policy(), **W47)
    table = weekly.for_display(weekly.misses_table(out, all_rows=True, tz=CHICAGO), CHICAGO)
    assert table[["subject", "due"]].values.tolist() == [
        ["NET-203", "2026-11-18 23:00"],  # the end of Nov 18 in ET, in Chicago
        ["OPS-7", "2026-11-18 (end of day)"],
        ["PAY-120", "2026-11-18 (end of day)"],
        ["SUP-304", "2026-11-21 18:00"],
    ]
    logs = _teams()
    dl = deadline_misses(logs, W47["start"], W47["end"], CHICAGO, W47["end"])
    fig = charts.escalation_chart(timeline.escalations(logs, tz=CHICAGO), dl, tz=CHICAGO, as_of=W47["end"])
    labels = sorted(c[1] for t in fig.data if t.name.startswith("deadline ") for c in t.customdata)
    assert labels == [
        "2026-11-18 (end of day, America/Chicago)",
        "2026-11-18 (end of day, America/Chicago)",
        "2026-11-18 23:00 (end of day in the zone of its log)",
        "2026-11-21 18:00 (end of day in the zone of its log)",
    ]


# --- F4 and F5: the detail's label and its times ----------------------------------------------

PAYLOG = (
    "---\ntz: America/Chicago\n---\n# Payments\n\n## 2026-11-16 Monday\n"
    "- 09:00: PAY-101 opened: card refunds failing; ETA 15:00.\n"
    "- 10:00: PAY-102 opened: payout file rejected; due by 17:00 today.\n"
    "- 15:07: PAY-101 resolved.\n- 17:00: PAY-102 resolved.\n"
)


def test_the_detail_quotes_the_item_after_its_keyword_and_gives_times_in_the_policy_zone():
    out = misses(parse_log(PAYLOG, "payments.md"), None, policy(), **W47)
    assert out["detail"].tolist() == [
        "due 2026-11-16 15:00 CST; resolved 2026-11-16 15:07 CST, after the due time; 'ETA' in \"09:00: "
        "PAY-101 opened: card refunds "
        "failing; ETA 15:00.\"",
        "due 2026-11-16 17:00 CST; resolved 2026-11-16 17:00 CST, by the due time; 'by' in \"10:00: "
        "PAY-102 opened: payout file "
        "rejected; due by 17:00 today.\"",
    ]
    # the same instants as before (only the wording moved to Chicago's clock)
    assert out["resolved_at"].tolist() == [utc("2026-11-16 21:07"), utc("2026-11-16 23:00")]
    # near miss: a policy in UTC words its times as before
    out = misses(parse_log(PAYLOG, "payments.md"), None, policy("UTC"), **W47)
    assert out["detail"].str.split("; ").str[:2].tolist() == [
        ["due 2026-11-16 21:00 UTC", "resolved 2026-11-16 21:07 UTC, after the due time"],
        ["due 2026-11-16 23:00 UTC", "resolved 2026-11-16 23:00 UTC, by the due time"],
    ]
    assert accounting_rules(policy())[0] == (
        "Times are stored and compared in UTC; weeks and days are reported in America/Chicago, and so are "
        "the times in detail texts (with the zone's abbreviation)."
    )


def test_summer_times_carry_the_summer_abbreviation_and_ticket_targets_too():
    text = PAYLOG.replace("2026-11-16 Monday", "2026-07-13 Monday")
    pol = policy(tickets=PAY)
    out = misses(parse_log(text, "payments.md"), None, pol, start=utc("2026-07-13 05:00"),
                 end=utc("2026-07-20 05:00"))
    assert rows(out, "response", "PAY-101")[0][2:] == (
        "missed", 247.0,  # due 11:00 CDT, the resolution at 15:07 CDT is the first response
        "responded 2026-07-13 15:07 CDT, after the due time; first mention 2026-07-13 09:00 CDT, response "
        "after 6h 7min (target 2h)"
    )
    assert rows(out, "resolution", "PAY-101")[0][4] == (
        "resolved 2026-07-13 15:07 CDT, by the due time; first mention 2026-07-13 09:00 CDT, resolution "
        "after 6h 7min (target 1d)"
    )


def test_latency_windows_are_said_in_the_policy_zone():
    starts = pd.date_range("2026-11-20 18:00", periods=60, freq="min", tz="UTC")
    df = pd.DataFrame({
        "target": ["web"] * 60,
        "started_at": starts.astype("datetime64[us, UTC]"),
        "outcome": ["up"] * 60,
        "error": pd.Series([None] * 60, dtype=object),
        "elapsed_ms": np.full(60, 1200.0),
    })
    lat = {"latency": [{"percentile": "p95", "threshold_ms": 800, "window": "1h"}]}
    out = probe_misses(df, policy(targets={"*": lat}), utc("2026-11-20 18:00"), utc("2026-11-20 19:00"))
    assert out.loc[out["kind"].eq("latency"), "detail"].tolist() == [
        "p95 1200.0 ms > 800 ms over 1h from 2026-11-20 12:00 CST (n=60)"
    ]


# --- F7: a reopened ticket's resolution target names the resolution that was reopened ------------

PAY106 = (
    "---\ntz: America/Chicago\n---\n# Payments\n\n## 2026-11-18 Wednesday\n"  # lines 1-6
    "- 11:00: PAY-106 opened: webhook retries stuck.\n"  # 7
    "- 11:30: PAY-106 acknowledged.\n"  # 8
    "- 13:45: PAY-106 resolved.\n\n"  # 9
    "## 2026-11-20 Friday\n"  # 11
    "- 09:10: PAY-106 reopened: webhook retries stuck again.\n"  # 12
    "- 12:25: PAY-106 resolved.\n"  # 13
)


def test_a_reopened_resolution_is_named_in_the_detail_of_the_target_it_did_not_meet():
    # (the rule stays: only the resolution after the last reopening counts; per-cycle judging would
    # also count a resolution the log retracts, 'not actually resolved', 'closed by mistake')
    out = misses(parse_log(PAY106, "p.md"), None, policy(tickets=PAY), **W47)
    same(rows(out, "resolution", "PAY-106"), [(
        utc("2026-11-19 17:00"), utc("2026-11-20 18:25"), "missed", 1525.0,
        "resolved 2026-11-20 12:25 CST, after the due time; first mention 2026-11-18 11:00 CST, resolution "
        "after 2d 1h (target 1d); resolved 2026-11-18 13:45 CST (after 2h 45min) and reopened "
        "2026-11-20 09:10 CST",
    )])
    assert out.loc[out["kind"].eq("resolution"), "mentions"].tolist() == [["p.md:7", "p.md:13"]]
    # near misses: the first response, and a ticket never reopened, read as before
    same(rows(out, "response", "PAY-106"), [(
        utc("2026-11-18 19:00"), utc("2026-11-18 17:30"), "met", 0.0,
        "responded 2026-11-18 11:30 CST, by the due time; first mention 2026-11-18 11:00 CST, response "
        "after 30min (target 2h)",
    )])
    once = PAY106.split("\n\n## 2026-11-20")[0] + "\n"
    out = misses(parse_log(once, "p.md"), None, policy(tickets=PAY), **W47)
    same(rows(out, "resolution", "PAY-106"), [(
        utc("2026-11-19 17:00"), utc("2026-11-18 19:45"), "met", 0.0,
        "resolved 2026-11-18 13:45 CST, by the due time; first mention 2026-11-18 11:00 CST, resolution "
        "after 2h 45min (target 1d)",
    )])


def test_a_reopening_not_resolved_again_and_one_before_any_fix():
    text = PAY106.replace("- 12:25: PAY-106 resolved.\n", "")
    out = misses(parse_log(text, "p.md"), None, policy(tickets=PAY), **W47)
    same(rows(out, "resolution", "PAY-106"), [(
        utc("2026-11-19 17:00"), pd.NaT, "missed", 5100.0,  # 3d 13h: to as_of 2026-11-23 06:00Z
        "not resolved at as_of 2026-11-23 00:00 CST; first mention 2026-11-18 11:00 CST, no resolution yet "
        "(target 1d); resolved 2026-11-18 13:45 CST (after 2h 45min) and reopened 2026-11-20 09:10 CST",
    )])
    # a regression before any fix undid no resolution: nothing to name
    text = (
        "---\ntz: America/Chicago\n---\n# Payments\n\n## 2026-11-18 Wednesday\n"
        "- 11:00: PAY-130 opened: refunds slow.\n- 12:00: PAY-130 regressed after the hotfix.\n"
        "- 14:00: PAY-130 resolved.\n"
    )
    logs = parse_log(text, "p.md")
    assert logs.events["kind"].tolist() == ["note", "reopened", "resolved"]
    out = misses(logs, None, policy(tickets=PAY), **W47)
    same(rows(out, "resolution", "PAY-130"), [(
        utc("2026-11-19 17:00"), utc("2026-11-18 20:00"), "met", 0.0,
        "resolved 2026-11-18 14:00 CST, by the due time; first mention 2026-11-18 11:00 CST, resolution "
        "after 3h (target 1d)",
    )])


# --- F8: due exactly at as_of -------------------------------------------------------------------

LATE = (
    "---\ntz: America/Chicago\n---\n# Payments\n\n## 2026-11-22 Sunday\n"
    "- 22:00: PAY-108 opened: payout batch at risk.\n"
    "- 22:00: PAY-150 opened: settlement file pending; ETA 2026-11-23 00:00.\n"
)


def test_a_promise_due_exactly_at_as_of_is_open_and_missed_a_minute_later():
    logs = parse_log(LATE, "p.md")
    out = misses(logs, None, policy(tickets=PAY), **W47)  # as_of = the end, 2026-11-23 06:00Z
    same(rows(out, "response", "PAY-108"), [(
        utc("2026-11-23 06:00"), pd.NaT, "open", float("nan"),
        "due at as_of 2026-11-23 00:00 CST: not responded yet, not missed; first mention 2026-11-22 "
        "22:00 CST, no response yet (target 2h)",
    )])
    same(rows(out, "deadline", "PAY-150"), [(
        utc("2026-11-23 06:00"), pd.NaT, "open", float("nan"),
        "due 2026-11-23 00:00 CST; due at as_of 2026-11-23 00:00 CST: not resolved yet, not missed; "
        "'ETA' in \"22:00: PAY-150 "
        "opened: settlement file pending; ETA 2026-11-23 00:00.\"",
    )])
    # a minute later they are missed, in the next week's table (W48), which judges what falls due
    # from its start; W47 judged late no longer lists them (judged in one table only)
    w48 = {"start": W47["end"], "end": utc("2026-11-30 06:00")}
    later = misses(logs, None, policy(tickets=PAY), **w48, as_of=utc("2026-11-23 06:01"))
    assert [r[2:4] for r in rows(later, "response", "PAY-108")] == [("missed", 1.0)]
    assert [r[2:4] for r in rows(later, "deadline", "PAY-150")] == [("missed", 1.0)]
    late = misses(logs, None, policy(tickets=PAY), **W47, as_of=utc("2026-11-23 06:01"))
    assert rows(late, "response", "PAY-108") == [] and rows(late, "deadline", "PAY-150") == []
    # a response at that very instant is on time
    acked = parse_log(LATE + "\n## 2026-11-23 Monday\n- 00:00: PAY-108 acknowledged.\n", "p.md")
    out = misses(acked, None, policy(tickets=PAY), **W47)
    assert [r[1:4] for r in rows(out, "response", "PAY-108")] == [(utc("2026-11-23 06:00"), "met", 0.0)]


def test_the_headline_and_chart_do_not_count_a_promise_due_at_as_of():
    logs = parse_log(LATE, "p.md")
    empty = pd.DataFrame(columns=["target", "ratio", "p95"])

    def figures(as_of: str, week: str = "2026-W47") -> dict:
        per = weekly.period(week=week, tz=CHICAGO, as_of=as_of)
        m = misses(logs, None, policy(tickets=PAY), per.start, per.end, per.as_of)
        d = SimpleNamespace(misses=m, summary=timeline.summary(logs, per.as_of, tz=CHICAGO),
                            availability=empty, latency_total=empty)
        return weekly.key_figures(d, per)

    at_end = figures("2026-11-23T06:00:00Z")
    assert (at_end["SLA misses"], at_end["open tickets past due"]) == (0, 0)
    after = figures("2026-11-23T06:01:00Z", "2026-W48")
    # (both tickets' first responses and PAY-150's ETA)
    assert (after["SLA misses"], after["open tickets past due"]) == (3, 2)
    # the chart's own rule for a log's raw deadlines table agrees
    tl = timeline.escalations(logs, tz=CHICAGO)
    names = {t.name for t in charts.escalation_chart(tl, logs.deadlines, as_of="2026-11-23T06:00:00Z").data}
    assert "deadline open" in names and "deadline missed" not in names
    names = {t.name for t in charts.escalation_chart(tl, logs.deadlines, as_of="2026-11-23T06:01:00Z").data}
    assert "deadline missed" in names and "deadline open" not in names
