"""Round 16 (EXPB2), follow-up of EXPB: a past outage window is over at its end ('GitHub Actions outage
12:10-13:25, queued 41 jobs': no plan, resolved at 13:25), hands-on work on a ticket is its first response
(a test quarantined, a PR approved, a revert opened), a milestone named before a time after the item's day
is a plan ('Release cut Thursday 17:00 CET' under Wednesday), and a GitHub number beside a key is kept as
text only (no channel, ticket nor ref)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import occ_lib
from occ_lib._extract import milestone_at, past_outage
from occ_lib.logs import parse_log
from tests.log_rows import event_rows, short_event_rows

FIX = Path(__file__).parent / "fixtures" / "round16"


def _log(*items: str, day: str = "Wed 2025-10-08") -> str:
    return "# Platform log\n\nTimes are UTC.\n\n## " + day + "\n\n" + "".join(f"- {i}\n" for i in items)


def _target_rows(tmp_path: Path, text: str) -> list[list]:
    from occ_lib.policy import Policy, TicketTarget
    from occ_lib.sla import ticket_target_misses

    path = tmp_path / "plat.md"
    path.write_text(text, encoding="utf-8")
    target = TicketTarget(first_response="1h", resolution="2d")
    policy = Policy(tz="America/New_York", tickets={"PLAT": target})
    out = ticket_target_misses(occ_lib.read_logs([str(path)]), policy, start="2025-10-06", as_of="2025-10-13")
    cols = zip(out["kind"], out["subject"], out["resolved_at"], out["status"], out["overage_min"],
               strict=True)
    return [[k, t, None if pd.isna(r) else r.strftime("%m-%d %H:%M"), st, float(m)]
            for k, t, r, st, m in cols]


# 1: a past outage window: no plan for 'queued 41 jobs', resolved at its end -----------------------------
def test_a_past_outage_window_is_resolved_at_its_end():
    text = _log(
        "PLAT-318 GitHub Actions outage (githubstatus.com) 12:10–13:25, queued 41 jobs; no action by us.",
        "PLAT-317 outage 12:10–13:25.",
        "PLAT-319 outage 12:10-13:25, recovered.",
    )
    assert short_event_rows(text) == [
        [7, "10-08 12:10", "note", 0, ["PLAT-318"]],
        [7, "10-08 13:25", "resolved", 0, ["PLAT-318"]],
        [8, "10-08 12:10", "note", 0, ["PLAT-317"]],
        [8, "10-08 13:25", "resolved", 0, ["PLAT-317"]],
        [9, "10-08 12:10", "note", 0, ["PLAT-319"]],
        [9, "10-08 13:25", "resolved", 0, ["PLAT-319"]],
    ]


def test_an_outage_planned_or_still_going_on_is_not_resolved():
    text = _log(
        "PLAT-316 planned outage 12:10–13:25.",
        "PLAT-315 outage 12:10–13:25, still degraded.",
        "PLAT-314 maintenance outage 22:00-23:00 tonight.",
        "PLAT-313 outage 12:10, ongoing.",
    )
    assert short_event_rows(text) == [
        [7, "10-08 12:10", "plan", 0, ["PLAT-316"]],
        [8, "10-08 12:10", "status", 0, ["PLAT-315"]],
        [9, "10-08 22:00", "plan", 0, ["PLAT-314"]],  # (round 16 PLANS: tonight's maintenance is to come)
        [10, "10-08 12:10", "status", 0, ["PLAT-313"]],
    ]


def test_queued_with_a_count_is_no_plan():
    text = _log(
        "41 jobs queued.",
        "queued 41 jobs",
        "queued 3 deploys for Monday.",
        "12 builds queued until the runner is back",
        "deploy queued for 14:00",
        "PAY-2 still queued",
    )
    # (KIND2: 'PAY-2 still queued' is its state, no plan)
    assert [r[2] for r in short_event_rows(text)] == ["note", "note", "plan", "plan", "plan", "note"]


def test_past_outage():
    assert past_outage("GitHub Actions outage (githubstatus.com) 12:10–13:25, queued 41 jobs") is True
    assert past_outage("incident window: 02:10 - 02:55 UTC") is True
    assert past_outage("downtime 9:00 to 9:40") is True
    assert past_outage("scheduled outage 12:10-13:25") is False
    assert past_outage("outage 12:10-13:25, ETA for the RCA Friday") is False
    assert past_outage("outage since 12:10") is False
    assert past_outage("deploy 12:10-13:25") is False


def test_the_outage_sla_rows(tmp_path: Path):
    text = _log("PLAT-318 GitHub Actions outage (githubstatus.com) 12:10–13:25, queued 41 jobs.")
    assert _target_rows(tmp_path, text) == [
        ["response", "PLAT-318", "10-08 13:25", "missed", 15.0],
        ["resolution", "PLAT-318", "10-08 13:25", "met", 0.0],
    ]


# 2: hands-on work on a ticket is its first response ---------------------------------------------------
def test_a_quarantine_is_a_first_response(tmp_path: Path):
    text = _log(
        "09:00 PLAT-310 CI on main red.",
        "09:30 PLAT-310 flaky test quarantined until 2025-10-20.",
        day="Mon 2025-10-06",
    )
    assert _target_rows(tmp_path, text)[0] == ["response", "PLAT-310", "10-06 09:30", "met", 0.0]
    not_yet = text.replace("flaky test quarantined", "flaky test not quarantined yet")
    assert _target_rows(tmp_path, not_yet)[0] == ["response", "PLAT-310", None, "missed", 9720.0]


def test_a_pr_approval_is_a_first_response(tmp_path: Path):
    text = _log(
        "09:00 PLAT-312 urllib3 CVE, patch due Wed 17:00 UTC.",
        "09:45 PLAT-312 PR #1240 approved, waiting on CODEOWNERS review.",
        day="Mon 2025-10-06",
    )
    assert _target_rows(tmp_path, text)[0] == ["response", "PLAT-312", "10-06 09:45", "met", 0.0]
    denied = text.replace("PR #1240 approved", "PR #1240 not approved")
    assert _target_rows(tmp_path, denied)[0] == ["response", "PLAT-312", None, "missed", 9720.0]


def test_a_revert_opened_is_a_first_response(tmp_path: Path):
    text = _log(
        "09:00 PLAT-315 staging smoke failed after v2.3.1.",
        "09:20 PLAT-315 revert PR #1245 opened.",
        day="Mon 2025-10-06",
    )
    assert _target_rows(tmp_path, text)[0] == ["response", "PLAT-315", "10-06 09:20", "met", 0.0]
    planned = text.replace("revert PR #1245 opened", "will open a revert PR next")
    assert _target_rows(tmp_path, planned)[0] == ["response", "PLAT-315", None, "missed", 9720.0]


# 3: a milestone named before a later time is a plan ---------------------------------------------------
def test_a_release_cut_on_a_later_day_is_a_plan():
    text = _log(
        "Release cut Thursday 17:00 CET for v2.4.0; code freeze from 12:00 CET.",
        "PAY-9 go-live: Fri 10/10 09:00",
        "Release cut Tuesday 17:00 CET",
        "Release Thu 10/09 17:00 deployed",
        "Release 17:00 CET",
    )
    assert short_event_rows(text) == [
        [7, "10-09 15:00", "plan", 0, []],
        [8, "10-10 09:00", "plan", 0, ["PAY-9"]],
        [9, "10-07 15:00", "note", 0, []],
        [10, "10-09 17:00", "note", 0, []],
        [11, "10-08 15:00", "note", 0, []],
    ]


def test_milestone_at():
    assert milestone_at("Release cut Thursday 17:00 CET", 21) is True
    assert milestone_at("PAY-9 go-live: Fri 10/10 09:00", 15) is True
    assert milestone_at("Release Thu 10/09 17:00 deployed", 17) is False
    assert milestone_at("We talked about the release Thursday 17:00", 38) is False


# 4: a GitHub number beside a key: text only ------------------------------------------------------------
def test_a_github_number_is_no_channel_ticket_nor_ref():
    text = _log(
        "PLAT-310 (#1234) CI on main red since 08:40.",
        "09:15 opened acme/ci-runner#567 upstream; linked from #1234.",
        "PLAT-312 PR #1240 approved, posted in #deploy-ops.",
        "PLAT-320 `org/infra#88` terraform drift.",
    )
    ev = parse_log(text, "x.md").events
    assert ev[["line", "tickets", "refs", "channels"]].values.tolist() == [
        [7, ["PLAT-310"], [], []],
        [8, [], [], []],
        [9, ["PLAT-312"], [], ["#deploy-ops"]],
        [10, ["PLAT-320"], [], []],
    ]
    assert [r[5] for r in event_rows(text)][0] == "PLAT-310 (#1234) CI on main red since 08:40."


# the EXPB fixture, read whole: the rows these rules changed ----------------------------------------------
def test_the_platform_fixture_rows():
    logs = occ_lib.read_logs(str(FIX / "expb_a_platform_github.md"))
    ev = logs.events
    got = [[int(n), a.strftime("%m-%d %H:%M"), k]
           for n, a, k in zip(ev["line"], ev["at"], ev["kind"], strict=True) if n in (23, 24)]
    assert got == [[23, "10-08 12:10", "note"], [23, "10-08 13:25", "resolved"], [24, "10-09 15:00", "plan"]]
    assert logs.problems.empty
