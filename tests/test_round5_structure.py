"""Round five of the structure rules: what a test-driver found read wrong in hostile input (td54):
HTML blocks pasted into markdown, struck-out dates in headings, the line a problem names, and
links to missing files in a logs folder."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from occ_lib.cli import app
from occ_lib.logs import parse_log, read_logs


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


# --- a link to a missing file in a logs folder or glob (td54 #15) ----------------------------

def _dangling_workspace(tmp_path: Path) -> Path:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "2025-10-09.md").write_text("# A\n## 2025-10-09\n- 14:00 UTC paged manager OPS-1\n")
    (logs / "2025-10-10.md").symlink_to("../archive/2025-10-10.md")
    (tmp_path / "occ.yml").write_text("logs:\n  - logs/*.md\nstore: data/\n")
    return logs


def test_a_link_to_a_missing_file_in_a_glob_or_folder_is_a_problem(tmp_path):
    logs = _dangling_workspace(tmp_path)
    gone = str(logs / "2025-10-10.md")
    for given in (str(logs / "*.md"), str(logs), gone):
        got = read_logs([given])
        assert got.events["tickets"].tolist() == ([] if given == gone else [["OPS-1"]])
        assert got.problems[["source", "line", "what", "reason"]].values.tolist() == [
            [gone, pd.NA, "file", "a link to a missing file (../archive/2025-10-10.md)"]
        ]
        assert got.failed == [gone]


def test_occ_events_names_the_dangling_link_and_exits_1(tmp_path, monkeypatch):
    _dangling_workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["events", "--format", "csv"])
    assert r.exit_code == 1
    assert r.stdout.splitlines()[1].startswith("logs/2025-10-09.md,3,2025-10-09,2025-10-09T14:00:00Z,")
    assert r.stderr == "occ: logs/2025-10-10.md: a link to a missing file (../archive/2025-10-10.md)\n"


def test_a_workspace_without_logs_key_names_a_dangling_link_in_its_default_folder(tmp_path):
    from occ_lib.workspace import Workspace

    (tmp_path / "feedback").mkdir()
    (tmp_path / "feedback" / "a.md").write_text("## 2025-10-09\n- 14:00 UTC OPS-1 paged\n")
    (tmp_path / "feedback" / "b.md").symlink_to("gone.md")
    (tmp_path / "occ.yml").write_text("store: data/\n")
    logs = Workspace.load(tmp_path / "occ.yml").logs
    assert logs.events["tickets"].tolist() == [["OPS-1"]]
    assert logs.problems["reason"].tolist() == ["a link to a missing file (gone.md)"]


def test_links_that_reach_a_file_are_read_once_and_name_no_problem(tmp_path):
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "a.md").write_text("## 2025-10-09\n- 14:00 UTC OPS-1 paged\n")
    (logs / "latest.md").symlink_to("a.md")
    got = read_logs([str(logs / "*.md")])
    assert got.events["tickets"].tolist() == [["OPS-1"]]
    assert got.problems.empty


# --- struck-out dates in headings and items (td54 #11) ---------------------------------------

STRUCK = """\
# Change log
## 2025-10-14
- 10:00 UTC OPS-7 rollout planned
## ~~2025-10-15~~ 2025-10-16
- 10:00 UTC OPS-8 rolled out, ETA 12:00 UTC for verification
## Thu ~~Oct 16~~ Oct 17
- 09:00 UTC OPS-9 resolved
## <del>2025-10-18</del> 2025-10-19 ~~rollout~~ rollback
- 09:00 UTC OPS-10 resolved
"""


def test_a_struck_date_in_a_heading_does_not_date_the_section():
    logs = parse_log(STRUCK, "s.md")
    assert logs.sections[["line", "title", "date"]].values.tolist() == [
        [2, "", ts("2025-10-14")], [4, "", ts("2025-10-16")], [6, "", ts("2025-10-17")],
        [8, "~~rollout~~ rollback", ts("2025-10-19")],
    ]
    assert logs.events[["line", "at"]].values.tolist() == [
        [3, ts("2025-10-14 10:00")], [5, ts("2025-10-16 10:00")], [7, ts("2025-10-17 09:00")],
        [9, ts("2025-10-19 09:00")],
    ]
    assert logs.deadlines[["line", "due_at"]].values.tolist() == [[5, ts("2025-10-16 12:00")]]


def test_a_heading_whose_only_date_is_struck_takes_the_enclosing_date():
    text = "# Log\n## 2025-10-14\n### ~~2025-10-15~~ deploy\n- 10:00 UTC OPS-1 deployed\n"
    logs = parse_log(text, "s.md")
    assert logs.sections[["title", "date"]].values.tolist() == [
        ["", ts("2025-10-14")], ["deploy", ts("2025-10-14")],
    ]
    assert logs.events["at"].tolist() == [ts("2025-10-14 10:00")]


def test_struck_times_and_etas_in_items_are_replaced_not_read():
    """(already the items' rule: checked here beside the headings' one)"""
    text = (
        "# Log\n## 2025-10-09\n"
        "- ~~14:00~~ 15:30 UTC OPS-1 deployed\n"
        "- 14:00 UTC OPS-2 ETA ~~15:00~~ 17:00\n"
        "- 14:00 UTC OPS-3 ETA ~~15:00~~ 17:00, missed\n"
        "- 14:00 UTC OPS-4 ETA <del>15:00</del> 17:00\n"
    )
    logs = parse_log(text, "s.md")
    assert logs.events[["line", "at"]].values.tolist() == [
        [3, ts("2025-10-09 15:30")], [4, ts("2025-10-09 14:00")], [5, ts("2025-10-09 14:00")],
        [6, ts("2025-10-09 14:00")],
    ]
    assert logs.deadlines[["line", "due_at", "stated_missed"]].values.tolist() == [
        [4, ts("2025-10-09 17:00"), False], [5, ts("2025-10-09 17:00"), False],
        [6, ts("2025-10-09 17:00"), False],
    ]


# --- the line a problem names (td54 #14) -----------------------------------------------------

def problems(text: str) -> list[list]:
    return parse_log(text, "p.md").problems[["line", "what", "token"]].values.tolist()


def test_a_problem_names_the_line_its_token_is_written_on():
    text = (
        "# Log\n## 2025-10-09\n"
        "- 14:00 UTC OPS-1 vendor call, notes:\n"
        "  they promised a fix\n"
        "  ETA 25:30 UTC (typo in their mail)\n"
        "\n"
        "From: vendor\n"
        "We escalated OPS-2 internally.\n"
        "Next update 99:99 UTC.\n"
    )
    assert problems(text) == [[5, "time", "25:30 UTC"], [9, "time", "99:99 UTC"]]


def test_a_repeated_bad_token_and_a_token_split_over_two_lines_are_each_found():
    text = (
        "# Log\n## 2025-10-09\n"
        "- 14:00 UTC OPS-1 ETA 25:30\n"
        "  still 25:30 per vendor, next check at 26:00\n"
        "  UTC\n"
        "- 15:00 UTC OPS-2 next ETA 27:00\n"
        "  - 15:05 UTC OPS-3 sub-item\n"
    )
    assert problems(text) == [
        [3, "time", "25:30"], [4, "time", "25:30"], [4, "time", "26:00 UTC"], [6, "time", "27:00"],
    ]


def test_a_problem_of_a_one_line_item_or_a_table_row_keeps_its_line():
    text = (
        "# Log\n## 2025-10-09\n"
        "- 14:00 UTC OPS-1 ETA 25:30 UTC\n"
        "| Time (UTC) | Ticket |\n|---|---|\n| 26:10 | OPS-2 |\n| 14:00 | OPS-3 |\n"
        "\n## 2025-13-40\n- 09:00 UTC OPS-4 paged\n  then 99:99\n"
    )
    assert problems(text) == [
        [3, "time", "25:30 UTC"], [6, "time", "26:10"], [9, "date", "2025-13-40"],
        [10, "time", "09:00 UTC"], [11, "time", "99:99"],
    ]
