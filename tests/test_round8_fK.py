"""Round 8 (fK): a ticket closed as a duplicate whose original is not named ('Closing OPS-304 as a
duplicate', 'Marking OPS-304 as dup', 'OPS-304: duplicate, closing') is resolved, as one closed as a
duplicate of a named ticket is, and a duplicate that is guessed, planned, denied, asked or only described
closes nothing; ``_subjects`` reads each clause's kind once (same groups); ``occ sla`` and ``occ export``
read occ.yml's ``probes.targets`` through one raw reading (same answers)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from occ_lib import _extract as ex
from occ_lib import _subjects as sj
from occ_lib.cli._common import configured_targets, raw_probe_targets
from occ_lib.cli.sla import _judges_probes
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from occ_lib.timeline import summary
from occ_lib.workspace import Workspace

HEAD = "# Ops\n## 2025-10-28\n"


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _kinds(items: str) -> list[list]:
    ev = parse_log(HEAD + items, "x.md").events
    return ev[["line", "kind", "tickets"]].values.tolist()


def _classify(text: str) -> tuple[str, int]:
    return ex.classify(text, ex.keywords(text), False)


# --- 1. a duplicate whose original is not named ends the ticket ----------------------------------------

def test_closed_as_a_duplicate_without_its_original_resolves_the_ticket():
    items = (
        "- 09:00 Closing OPS-304 as a duplicate\n"
        "- 09:05 Marking OPS-305 as dup\n"
        "- 09:10 OPS-306: duplicate, closing\n"
        "- 09:15 OPS-307 closed as duplicate of OPS-1\n"
        "- 09:20 OPS-7 closed as duplicate of OPS-1\n"
        "- 09:25 possible duplicate of OPS-1?\n"
        "- 09:30 check whether OPS-308 is a duplicate\n"
    )
    assert _kinds(items) == [
        [3, "resolved", ["OPS-304"]],
        [4, "resolved", ["OPS-305"]],
        [5, "resolved", ["OPS-306"]],
        [6, "resolved", ["OPS-307"]],  # (OPS-1 only referred to: in refs, no row; round 11)
        [7, "resolved", ["OPS-7"]],
        [8, "note", ["OPS-1"]],  # (its only ticket: the item is about it)
        [9, "note", ["OPS-308"]],
    ]


def test_a_duplicate_closed_without_its_original_ends_the_ticket_in_the_timeline_and_the_sla():
    items = (
        "- 09:00 OPS-304 opened: checkout 500s\n"
        "- 10:30 Closing OPS-304 as a duplicate\n"
        "- 09:00 OPS-305 opened: checkout 502s\n"
        "- 10:40 check whether OPS-305 is a duplicate\n"
    )
    logs = parse_log(HEAD + items, "x.md")
    out = summary(logs, as_of="2025-10-29T00:00Z").set_index("ticket")
    assert out.loc[["OPS-304", "OPS-305"], ["status", "resolved_at"]].values.tolist() == [
        ["resolved", ts("2025-10-28 10:30")],
        ["open", pd.NaT],
    ]
    policy = Policy.model_validate({"tickets": {"OPS": {"first_response": "4h", "resolution": "8h"}}})
    rows = misses(logs, None, policy, "2025-10-27", "2025-10-30", "2025-10-29T00:00Z")
    got = rows[rows["kind"] == "resolution"][["subject", "status", "resolved_at"]].values.tolist()
    assert got == [["OPS-304", "met", ts("2025-10-28 10:30")], ["OPS-305", "missed", pd.NaT]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the duplicate as the ticket's state: 'as', 'marked', a field's ':', a cell's '|', an arrow
        ("Closing OPS-304 as a duplicate", ("resolved", 0)),
        ("Closing OPS-304 as duplicate.", ("resolved", 0)),
        ("Marking OPS-304 as dup", ("resolved", 0)),
        ("Marked OPS-304 as a dupe", ("resolved", 0)),
        ("OPS-304 marked duplicate", ("resolved", 0)),
        ("OPS-304: duplicate, closing", ("resolved", 0)),
        ("Resolution: Duplicate", ("resolved", 0)),
        ("| OPS-304 | Duplicate |", ("resolved", 0)),
        ("OPS-304 \u2192 Duplicate", ("resolved", 0)),
        # ... still vetoed as any resolution is ('pending')
        ("Marking OPS-304 as dup, pending confirmation", ("blocked", 0)),
        # near misses: a guess, a plan, a denial, a question
        ("possible duplicate of OPS-1?", ("note", 0)),
        ("check whether OPS-304 is a duplicate", ("note", 0)),
        ("Closing OPS-304 as a possible duplicate", ("note", 0)),
        ("Will close OPS-304 as a duplicate", ("plan", 0)),
        ("Not closing OPS-304 as a duplicate", ("note", 0)),
        ("We won't close OPS-304 as a duplicate", ("note", 0)),
        ("Closing OPS-304 as a duplicate?", ("note", 0)),
        ("Closing OPS-304 as duplicate, right?", ("note", 0)),
        ("Should we mark OPS-304 as dup", ("note", 0)),
        # ... and the word that describes, or names the original (the ticket groups' to split)
        ("OPS-304 is a duplicate", ("note", 0)),
        ("OPS-304: duplicate alerts from PagerDuty", ("note", 0)),
        ("Marked the page as duplicate-free", ("note", 0)),
        ("dedupe: OPS-304", ("note", 0)),
        ("Closing as duplicate of OPS-1", ("note", 0)),
        ("OPS-304 duplicates OPS-1", ("note", 0)),
    ],
)
def test_the_duplicate_state_rule(text, expected):
    assert _classify(text) == expected


def test_a_duplicate_closed_beside_other_tickets_resolves_only_its_own():
    items = (
        "- 09:00 Marked OPS-304 as duplicate; OPS-305 remains open\n"
        "- 09:05 Closing OPS-306 as a duplicate (see OPS-1)\n"
        "- 09:10 Closing OPS-307 as duplicate. OPS-2 still investigating\n"
    )
    assert _kinds(items) == [
        [3, "resolved", ["OPS-304"]],
        [3, "note", ["OPS-305"]],
        [4, "resolved", ["OPS-306"]],  # ('see OPS-1': in refs, round 11)
        [5, "resolved", ["OPS-307"]],
        [5, "note", ["OPS-2"]],
    ]


def test_the_hedges_are_one_list():
    assert not hasattr(sj, "_HEDGES")
    assert {"possible", "whether", "will", "not", "check", "be"} <= ex.HEDGES


# --- 3. ticket groups read each clause's kind once -----------------------------------------------------

@pytest.mark.parametrize(
    ("text", "owned", "kind", "expected"),
    [
        ("OPS-901 resolved; OPS-902 remains open", ["OPS-901", "OPS-902"], "note",
         [(["OPS-901"], "resolved", 0), (["OPS-902"], "note", 0)]),
        ("OPS-909 closed as duplicate of OPS-910, which remains open", ["OPS-909", "OPS-910"], "note",
         [(["OPS-909"], "resolved", 0), (["OPS-910"], "note", 0)]),
        ("INC-4830 resolved; created OPS-333", ["INC-4830", "OPS-333"], "resolved",
         [(["INC-4830"], "resolved", 0), (["OPS-333"], "note", 0)]),
        ("escalated INC-1 to the VP, INC-2 to the manager", ["INC-1", "INC-2"], "escalation", None),
        ("OPS-9 and OPS-10 fixed; not deployed yet", ["OPS-9", "OPS-10"], "note", None),
        ("INC-5521 resolved (rolled back CHG-880)", ["INC-5521", "CHG-880"], "resolved",
         [(["INC-5521"], "resolved", 0), (["CHG-880"], "note", 0)]),
    ],
)
def test_ticket_groups_unchanged(text, owned, kind, expected):
    assert sj.ticket_groups(text, owned, kind, 0) == expected


def test_ticket_groups_classify_each_clause_once(monkeypatch):
    seen: list[str] = []
    real = ex.classify

    def counting(text, w, has_deadline, ticked=False, task=False):
        seen.append(text)
        return real(text, w, has_deadline, ticked, task)

    monkeypatch.setattr(ex, "classify", counting)
    groups = sj.ticket_groups("OPS-901 resolved; OPS-902 remains open", ["OPS-901", "OPS-902"], "note", 0)
    assert groups == [(["OPS-901"], "resolved", 0), (["OPS-902"], "note", 0)]
    # each clause once, and what is left of the item without the one set against it
    assert sorted(seen) == ["OPS-901 resolved", "OPS-901 resolved", "OPS-902 remains open"]


# --- 4. one raw reading of probes.targets ----------------------------------------------------------------

def _ws(tmp_path: Path, yml: str) -> Workspace:
    (tmp_path / "occ.yml").write_text(yml, encoding="utf-8")
    return Workspace.load(tmp_path / "occ.yml")


@pytest.mark.parametrize(
    ("yml", "raw", "names", "judges"),
    [
        ("logs: [a.md]\n", None, [], False),
        ("logs: [a.md]\nprobes: {}\n", None, [], False),
        ("logs: [a.md]\nprobes: {targets: []}\n", [], [], False),
        ("logs: [a.md]\nprobes:\n  targets:\n    - {name: app, url: 'https://x.test/'}\n    - {url: 'https://y.test/'}\n",
         [{"name": "app", "url": "https://x.test/"}, {"url": "https://y.test/"}], ["app"], True),
        # (a mistake only occ probe needs to report: still read, never raised)
        ("logs: [a.md]\nprobes: {targets: oops}\n", "oops", [], True),
        ("logs: [a.md]\nprobes:\n  targets:\n    - {name: 7}\n    - just-a-string\n",
         [{"name": 7}, "just-a-string"], [], True),
        ("logs: [a.md]\nsla: {targets: {app: {availability: 99.5}}}\n", None, [], True),
        ("logs: [a.md]\nstore: data/\n", None, [], True),
    ],
)
def test_probe_targets_read_raw_once(tmp_path, yml, raw, names, judges):
    ws = _ws(tmp_path, yml)
    assert raw_probe_targets(ws) == raw
    assert configured_targets(ws) == names
    assert _judges_probes(ws) is judges
