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


# --- HTML blocks pasted into markdown (td54 #8) ----------------------------------------------

HTML_TABLE = """\
# Incident review
## 2025-10-09
<table>
  <tr><th>Time (UTC)</th><th>Ticket</th><th>Update</th></tr>
  <tr><td>14:02</td><td>OPS-201</td><td>paged on-call</td></tr>
  <tr><td>14:30</td><td>OPS-202</td><td>escalated to the CTO</td></tr>
  <tr><td>15:10</td><td>OPS-201</td><td>resolved</td></tr>
</table>

<p>17:00 UTC OPS-5 resolved</p>
<p>17:10 UTC OPS-6 escalated to the CTO</p>
"""


def events(text: str) -> list[list]:
    ev = parse_log(text, "h.md").events
    return ev[["line", "at", "kind", "level", "tickets", "item", "depth", "text"]].values.tolist()


def test_an_html_table_is_a_table_and_its_rows_items():
    logs = parse_log(HTML_TABLE, "h.md")
    assert events(HTML_TABLE) == [
        [5, ts("2025-10-09 14:02"), "escalation", 1, ["OPS-201"], "table", 0,
         "14:02 | OPS-201 | paged on-call"],
        [6, ts("2025-10-09 14:30"), "escalation", 3, ["OPS-202"], "table", 0,
         "14:30 | OPS-202 | escalated to the CTO"],
        [7, ts("2025-10-09 15:10"), "resolved", 0, ["OPS-201"], "table", 0, "15:10 | OPS-201 | resolved"],
        [10, ts("2025-10-09 17:00"), "resolved", 0, ["OPS-5"], "line", 0, "17:00 UTC OPS-5 resolved"],
        [11, ts("2025-10-09 17:10"), "escalation", 3, ["OPS-6"], "line", 0,
         "17:10 UTC OPS-6 escalated to the CTO"],
    ]
    assert logs.tables[["line", "section", "headers"]].values.tolist() == [
        [3, "2025-10-09", ["Time (UTC)", "Ticket", "Update"]]
    ]
    assert logs.tables["frame"].iloc[0].values.tolist() == [
        ["14:02", "OPS-201", "paged on-call"], ["14:30", "OPS-202", "escalated to the CTO"],
        ["15:10", "OPS-201", "resolved"],
    ]


def test_html_headings_lists_and_entities_are_structure():
    text = (
        "# Ops\n"
        "<h2>2025-10-09</h2>\n"
        "<ul>\n"
        "  <li>14:00 UTC OPS-1 paged the on-call &amp; <b>acked</b>\n"
        "    <ul><li>14:05 UTC OPS-2 escalated to my manager</li></ul>\n"
        "  </li>\n"
        "  <li><p>ETA 18:00 UTC for OPS-3 &lt;db&gt;</p></li>\n"
        "</ul>\n"
        "<h3>Follow-ups</h3>\n"
        "<ol><li><input type=\"checkbox\" checked> 16:00 UTC OPS-4 rollback</li></ol>\n"
    )
    logs = parse_log(text, "h.md")
    assert logs.sections[["line", "level", "heading", "date"]].values.tolist() == [
        [2, 2, "2025-10-09", ts("2025-10-09")], [9, 3, "Follow-ups", ts("2025-10-09")],
    ]
    assert events(text) == [
        # (round 16 LEFT2: the ack in a clause of its own is the first response, an event of its own)
        [4, ts("2025-10-09 14:00"), "acknowledged", 0, ["OPS-1"], "list", 0,
         "14:00 UTC OPS-1 paged the on-call & acked"],
        [4, ts("2025-10-09 14:00"), "escalation", 1, ["OPS-1"], "list", 0,
         "14:00 UTC OPS-1 paged the on-call & acked"],
        [5, ts("2025-10-09 14:05"), "escalation", 2, ["OPS-2"], "list", 1,
         "14:05 UTC OPS-2 escalated to my manager"],
        [5, ts("2025-10-09 14:05"), "note", 0, ["OPS-1"], "list", 1,  # (round 12: OPS-2's, not OPS-1's)
         "14:05 UTC OPS-2 escalated to my manager"],
        [7, ts("2025-10-09"), "deadline", 0, ["OPS-3"], "list", 0, "ETA 18:00 UTC for OPS-3 <db>"],
        [10, ts("2025-10-09 16:00"), "resolved", 0, ["OPS-4"], "list", 0, "16:00 UTC OPS-4 rollback"],
    ]
    assert logs.deadlines[["line", "due_at"]].values.tolist() == [[7, ts("2025-10-09 18:00")]]


def test_inline_html_marks_read_as_their_markdown():
    text = (
        "## 2025-10-09\n"
        "<p>14:00 UTC OPS-1 ETA <del>15:00</del> 17:00, see <a href=\"https://jira.example.com/browse/OPS-1\">"
        "the ticket</a>; <code>ETA 12:00</code> in the script<br>14:30 UTC resolved</p>\n"
    )
    assert events(text) == [
        [2, ts("2025-10-09 14:00"), "note", 0, ["OPS-1"], "line", 0,
         "14:00 UTC OPS-1 ETA ~~15:00~~ 17:00, see [the ticket](https://jira.example.com/browse/OPS-1); "
         "`ETA 12:00` in the script; 14:30 UTC resolved"],
        [2, ts("2025-10-09 14:30"), "resolved", 0, ["OPS-1"], "line", 0,
         "14:00 UTC OPS-1 ETA ~~15:00~~ 17:00, see [the ticket](https://jira.example.com/browse/OPS-1); "
         "`ETA 12:00` in the script; 14:30 UTC resolved"],
    ]
    logs = parse_log(text, "h.md")
    assert logs.deadlines[["due_at", "stated_missed"]].values.tolist() == [[ts("2025-10-09 17:00"), False]]
    assert logs.events["urls"].iloc[0] == ["https://jira.example.com/browse/OPS-1"]


def test_an_html_table_without_header_cells_has_unnamed_columns_and_rows_past_blank_lines():
    text = (
        "## 2025-10-09\n"
        "<table><tr><td>14:30 UTC</td><td>OPS-103 resolved</td></tr>\n"
        "\n"
        "<tr><td>ETA 18:00 UTC</td><td>OPS-104</td></tr></table>\n"
    )
    logs = parse_log(text, "h.md")
    assert logs.tables["headers"].tolist() == [["column_1", "column_2"]]
    assert [[r[0], r[2], r[7]] for r in events(text)] == [
        [2, "resolved", "14:30 UTC | OPS-103 resolved"], [4, "deadline", "ETA 18:00 UTC | OPS-104"],
    ]


def test_pre_quotes_and_unclosed_code_in_html():
    text = (
        "## 2025-10-09\n"
        "<pre>\n"
        "14:00 UTC OPS-1 escalated to CEO, ETA 12:00 UTC\n"
        "\n"
        "14:01 UTC still code\n"
        "</pre>\n"
        "<blockquote><p>14:10 UTC OPS-2 escalated to the CTO</p></blockquote>\n"
        "<div>\n"
        "14:20 UTC OPS-3 resolved\n"
        "</div>\n"
        "<textarea>\n"
        "14:30 UTC OPS-4 paged manager\n"
    )
    assert [[r[0], r[2], r[5], r[7]] for r in events(text)] == [
        [9, "resolved", "line", "14:20 UTC OPS-3 resolved"],
        [11, "escalation", "line", "14:30 UTC OPS-4 paged manager"],
    ]


def test_markdown_between_html_lines_stays_markdown():
    """(a '<details>' line over a list; a closing tag right after an item)"""
    text = (
        "## 2025-10-09\n"
        "<details><summary>Raw notes</summary>\n"
        "- 14:05 UTC ack by Sam<br>14:10 UTC rollback started\n"
        "  - 14:12 UTC OPS-9 nested\n"
        "</details>\n"
        "<details>\n<summary>14:20 UTC OPS-10 escalated to VP</summary>\n\n"
        "| Time (UTC) | Event |\n|---|---|\n| 16:00 | OPS-4 escalated to manager |\n\n"
        "</details>\n"
    )
    assert [[r[0], r[2], r[5], r[6], r[7]] for r in events(text)] == [
        [3, "acknowledged", "list", 0, "14:05 UTC ack by Sam; 14:10 UTC rollback started"],
        [4, "note", "list", 1, "14:12 UTC OPS-9 nested"],
        [7, "escalation", "line", 0, "14:20 UTC OPS-10 escalated to VP"],
        [11, "escalation", "table", 0, "16:00 | OPS-4 escalated to manager"],
    ]


def test_inline_tags_and_autolinks_opening_a_line_are_prose_as_before():
    text = (
        "## 2025-10-09\n"
        "<b>14:00 UTC</b> OPS-1 paged manager\n"
        "<https://status.example.com> OPS-2 resolved\n"
        "<br>\n"
        "<kbd>Ctrl</kbd> pressed\n"
    )
    assert events(text) == [
        [2, ts("2025-10-09 14:00"), "escalation", 2, ["OPS-1", "OPS-2"], "paragraph", 0,
         "14:00 UTC OPS-1 paged manager <https://status.example.com> OPS-2 resolved; Ctrl pressed"],
    ]


def test_odd_html_never_costs_the_file():
    """(the parser's own errors on '<![foo[' leave the line to the markdown reader; thousands of
    constructs never closed are read as text, in linear time)"""
    text = "## 2025-10-09\n<p><![foo[ 14:00 UTC OPS-1 paged\n- 14:10 UTC OPS-2 resolved\n"
    assert [[r[0], r[5], r[7]] for r in events(text)] == [
        [2, "paragraph", "<![foo[ 14:00 UTC OPS-1 paged"], [3, "list", "14:10 UTC OPS-2 resolved"],
    ]
    for junk in ("<!--" * 20000, "</" * 20000, "<!-- >" * 20000, "<a b='" * 20000):
        logs = parse_log("## 2025-10-09\n<p>14:00 UTC OPS-1 paged " + junk + "\n", "h.md")
        assert logs.events["line"].tolist() == [2] and logs.problems.empty
