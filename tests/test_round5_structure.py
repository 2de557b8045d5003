"""Round five of the structure rules: what a test-driver found read wrong in hostile input (td54):
HTML blocks pasted into markdown, struck-out dates in headings, the line a problem names, and
links to missing files in a logs folder."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from occ_lib.cli import app
from occ_lib.logs import read_logs


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
