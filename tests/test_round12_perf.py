"""Round 12, perf: the parser's speedups keep every answer (the gates are supersets, the windows hold
every match). Each test compares the fast path with the plain one on texts made to reach its edges."""

from __future__ import annotations

from occ_lib import _extract as ex
from occ_lib import _subjects as sj
from occ_lib.logs import parse_log

_PATHY = [
    "see status.example.com/incidents/42 now",
    "ran ./scripts/x.sh and ~/bin/fix.sh then /usr/local/bin/close-resolved",
    "Sr.Eng.Manager signed off; grafana.acme.IO is up",
    "QA/product/support can follow the board.",
    "end.\tnext a.b.c\u00a0x/y  last word..",
    "ends with a path ../a/b",
    "no match here. Two sentences.",
]


def test_host_path_window_keeps_every_match() -> None:
    for text in _PATHY:
        whole = [m.span() for m in ex._HOST_PATH.finditer(text)]
        assert ex._host_paths(text) == whole


def test_without_paths_blanks_hosts_and_paths() -> None:
    text = "Checked status.example.com/incidents/42 and ran ./scripts/x.sh; QA/product signed off."
    assert ex.without_paths(text) == "Checked" + " " * 33 + "and ran" + " " * 17 + "QA/product signed off."


def test_reference_branches_match_as_ignorecase_words() -> None:
    # each rewritten branch matches its words in any case, at a word's start only
    for text, found in [
        ("OPS-2 SEE ALSO OPS-1", ["SEE ALSO "]),
        ("dup of OPS-1; Superseded By OPS-3", ["dup of ", "Superseded By "]),
        ("foresee OPS-1, unseen OPS-2", []),
        ("Looks like OPS-4, like OPS-5", ["like "]),
        ("Is Now INFRA-9 (from OPS-1)", ["Is Now ", "from "]),
    ]:
        assert [m.group() for m in sj._REFERENCE.finditer(text)] == found


def test_may_refer_is_a_superset_of_the_reference_regex() -> None:
    texts = [
        "OPS-1 Blocked On OPS-2", "as\twith OPS-3", "AS IN OPS-4", "OPS-5 fixed", "re-keyed OPS-1 as OPS-2",
        "Follow Up To OPS-7", "\u017fee OPS-8", "background OPS-9", "same root cause as OPS-10",
    ]
    for text in texts:
        if sj._REFERENCE.search(text) is not None:
            assert sj._may_refer(text), text
    assert [sj._may_refer(t) for t in ("OPS-5 fixed", "deployed OPS-1 at 10:00")] == [False, False]
    assert sj.references("OPS-2 fixed, SEE OPS-1", ["OPS-2", "OPS-1"]) == ["OPS-1"]
    assert sj.references("OPS-2 fixed AS IN OPS-1", ["OPS-2", "OPS-1"]) == ["OPS-1"]
    assert sj.references("OPS-2 and OPS-1 fixed", ["OPS-2", "OPS-1"]) == []


def test_may_state_missed_gates_stated_missed() -> None:
    for text in ["OPS-1 missed the deadline", "OPS-1 not done by the ETA", "deadline not met for OPS-1",
                 "OPS-1 past due", "OPS-1 updated the deadline"]:
        w = ex.keywords(text)
        assert ex.stated_missed(text, w) <= ex.may_state_missed(w), text
    assert ex.may_state_missed(ex.keywords("OPS-1 updated the deadline")) is False


def test_duration_deadline_in_any_case() -> None:
    assert ex.duration_deadline("Updated OPS-1, Eta 30 min") == (30.0, "ETA", 19, 25)
    assert ex.duration_deadline("updated: NEXT update IN 2h") == (120.0, "update", 24, 26)
    assert ex.duration_deadline("updated the runbook") is None
    assert ex.duration_deadline("updated, r\u00e9sum\u00e9 Within 1 day") == (1440.0, "within", 23, 28)


def test_a_log_reads_the_same_with_the_gates(tmp_path) -> None:
    path = tmp_path / "ops.md"
    path.write_text(
        "## 2025-10-09\n"
        "- 10:00 UTC: OPS-2 resolved, SEE ALSO OPS-1 (status.example.com/incidents/42)\n"
        "- 11:00 UTC: updated OPS-3, Eta 30 min\n"
        "- 12:00 UTC: OPS-4 missed the deadline\n",
        encoding="utf-8",
    )
    logs = parse_log(path.read_bytes(), str(path))
    ev = logs.events
    assert ev[["line", "kind", "tickets", "refs"]].values.tolist() == [
        [2, "resolved", ["OPS-2"], ["OPS-1"]], [3, "deadline", ["OPS-3"], []], [4, "note", ["OPS-4"], []],
    ]
    dl = logs.deadlines
    assert dl[["line", "tickets", "keyword", "stated_missed"]].values.tolist() == [
        [3, ["OPS-3"], "ETA", False], [4, ["OPS-4"], "missed", True],
    ]
    assert str(dl["due_at"].iloc[0]) == "2025-10-09 11:30:00+00:00"
    assert dl["due_at"].isna().tolist() == [False, True]
