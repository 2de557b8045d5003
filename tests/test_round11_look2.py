"""Round 11 (look2): how an item's kind and tickets are read.

A web address written with capitals is blanked from the kind text as the lower-case one is (F1); a
backticked command line gives its words to no kind rule, a backticked label keeps them (F2); a negated
reference ('OPS-2 not related to OPS-1, closed') points at its ticket without setting the one before it
against the item (F3); 'OPS-1 and 2 fixed' names OPS-2 (F4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from occ_lib import _extract as ex
from occ_lib import read_logs


def _events(tmp_path: Path, *items: str) -> list[list]:
    p = tmp_path / "log.md"
    p.write_text("## 2025-10-10\n" + "".join(f"- {i}\n" for i in items), encoding="utf-8")
    ev = read_logs(p).events
    return ev[["kind", "level", "tickets"]].values.tolist()


# --- F1: web addresses written with capitals ---------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "row"),
    [
        ("see Status.Example.com/incidents/42", ["note", 0, []]),
        ("see status.example.com/incidents/42", ["note", 0, []]),
        ("see STATUS.EXAMPLE.COM/resolved/42", ["note", 0, []]),
        ("checked Grafana.Escalated.Example.COM", ["note", 0, []]),
        ("checked Grafana.Escalated.Example.com", ["note", 0, []]),
        # (a Title-case last label is a word, no top-level domain)
        ("escalated to Sr.Eng.Manager", ["escalation", 2, []]),
        ("OPS-12 resolved, see Wiki.Example.com/x", ["resolved", 0, ["OPS-12"]]),
    ],
)
def test_a_capitalised_web_address_is_blanked(tmp_path, item, row):
    assert _events(tmp_path, item) == [row]


def test_without_paths_blanks_a_capitalised_host():
    text = "see Status.Example.com/incidents/42 now"
    assert ex.without_paths(text) == "see                                 now"


# --- F2: backticked command lines --------------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "row"),
    [
        ("ran `kubectl rollout status deploy/web`", ["note", 0, []]),
        ("ran `jira-cli issue close --resolved`", ["note", 0, []]),
        ("ran `$ git push --force` then escalated to VP", ["escalation", 3, []]),
        ("ran `tail /var/log/resolved`", ["note", 0, []]),
        ("ran `ping db-1`", ["note", 0, []]),
        ("ran `helm -n prod status web` all healthy", ["status", 0, []]),
        # a file under an evidence folder is still evidence (rule 7)
        ("ran `cat artifacts/qa/x.md`", ["evidence", 0, []]),
        # labels keep their words
        ("DEPLOY-9 `resolved`", ["resolved", 0, ["DEPLOY-9"]]),
        ("OPS-1 `status: resolved`", ["resolved", 0, ["OPS-1"]]),
        ("OPS-1 `In Progress / Blocked`", ["blocked", 0, ["OPS-1"]]),
        ("OPS-1 `resolved/closed`", ["resolved", 0, ["OPS-1"]]),
    ],
)
def test_a_backticked_command_line_says_no_kind(tmp_path, item, row):
    assert _events(tmp_path, item) == [row]


def test_a_command_line_keeps_its_ticket_keys():
    assert ex.kind_text("ran `jira issue close OPS-1` ok") == "ran `                 OPS-1` ok"
    assert ex.kind_text("ran `kubectl rollout status deploy/web`") == "ran `" + " " * 33 + "`"


def test_a_command_line_keeps_its_tickets_and_artifacts(tmp_path):
    p = tmp_path / "log.md"
    p.write_text(
        "## 2025-10-10\n- OPS-4 ran `kubectl rollout status deploy/web` and `scripts/close_resolved.sh`\n",
        encoding="utf-8",
    )
    ev = read_logs(p).events
    assert ev[["kind", "tickets", "artifacts"]].values.tolist() == [
        ["note", ["OPS-4"], ["scripts/close_resolved.sh"]],
    ]


@pytest.mark.parametrize(
    ("code", "command"),
    [
        ("kubectl rollout status deploy/web", True),
        ("jira-cli issue close --resolved", True),
        ("$ make deploy", True),
        ("restart deploy/web", True),
        ("./close.sh resolved", True),
        ("resolved", False),
        ("status: resolved", False),
        ("In Progress / Blocked", False),
        ("Done/Closed done", False),
        ("resolved/closed done", False),
        ("kubectl", False),
        ("scale pod/api-1 up", True),
        ("status n/a", False),
        ("fixed and/or closed", False),
        ("24/7 support", False),
    ],
)
def test_command_line(code, command):
    assert ex._command_line(code) is command


# --- F3: a negated reference -------------------------------------------------------------------------
# (round 11 refs: the referred-to OPS-1 goes to the item's refs, no row of its own)

@pytest.mark.parametrize(
    ("item", "rows"),
    [
        ("OPS-2 not related to OPS-1, closed", [["resolved", 0, ["OPS-2"]]]),
        ("OPS-2 is not related to OPS-1, closed", [["resolved", 0, ["OPS-2"]]]),
        ("OPS-2 isn't related to OPS-1, closed", [["resolved", 0, ["OPS-2"]]]),
        ("OPS-2 unrelated to OPS-1, closed", [["resolved", 0, ["OPS-2"]]]),
        ("OPS-2 no longer related to OPS-1, closed", [["resolved", 0, ["OPS-2"]]]),
        ("OPS-2 not caused by OPS-1, resolved", [["resolved", 0, ["OPS-2"]]]),
        # (as before)
        ("OPS-2 related to OPS-1, closed", [["resolved", 0, ["OPS-2"]]]),
        ("OPS-901 resolved; OPS-902 remains open", [["resolved", 0, ["OPS-901"]], ["note", 0, ["OPS-902"]]]),
        ("OPS-2 not related to OPS-1", [["note", 0, ["OPS-2"]]]),
    ],
)
def test_a_negated_reference_leaves_the_ticket_before_it_alone(tmp_path, item, rows):
    assert _events(tmp_path, item) == rows


# --- F4: 'OPS-1 and 2 fixed' -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("OPS-1 and 2 fixed", ["OPS-1", "OPS-2"]),
        ("OPS-1 & 2 fixed", ["OPS-1", "OPS-2"]),
        ("OPS-7 and 8 are resolved", ["OPS-7", "OPS-8"]),
        ("OPS-12 and 13: done", ["OPS-12", "OPS-13"]),
        ("OPS-1 and 2 Closed", ["OPS-1", "OPS-2"]),
        ("OPS-1 and 2 more fixed", ["OPS-1"]),
        ("OPS-1 and 2 others fixed", ["OPS-1"]),
        ("OPS-1 and 2 hours later fixed", ["OPS-1"]),
        ("OPS-1 and 2 min fixed", ["OPS-1"]),
        ("OPS-3 and 2 fixed", ["OPS-3"]),
        ("OPS-1 and 2025 fixed", ["OPS-1"]),
        ("OPS-1 and 2.5 fixed", ["OPS-1"]),
        ("OPS-1 and 2 fixed-ish", ["OPS-1"]),
    ],
)
def test_a_sibling_after_and_before_a_state(text, keys):
    assert ex.tickets(text) == keys


def test_a_sibling_after_and_takes_the_items_kind(tmp_path):
    assert _events(tmp_path, "OPS-1 and 2 fixed", "OPS-5 and 2 more fixed") == [
        ["resolved", 0, ["OPS-1", "OPS-2"]],
        ["resolved", 0, ["OPS-5"]],
    ]
