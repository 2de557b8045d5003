"""Round 12 (expa): tracker exports and comment threads pasted into logs. Jira's comment heads open a
message whose field lines are its text ('Status changed: In Progress → Done', 'Resolution: Fixed'); a
change of state from a resolution back to work is a reopening; 'snoozed until' is no deadline; GitHub's
'closed as not planned' closes; a 'no' after a resolution that denies something else does not veto it;
an escalation policy's level that reached an on-call is a page, level 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.log_rows import cli_rows, file_deadline_rows, file_event_rows

JIRA = (
    "---\n"
    "tz: America/New_York\n"
    "---\n"
    "# Payments on-call log\n"
    "\n"
    "## 2025-10-09 PAY-412 card auth failures\n"
    "\n"
    "Ana Lopez added a comment - 09/Oct/25 3:14 PM\n"
    "Rolled back the gateway config, error rate dropping. PAY-412 still In Progress.\n"
    "\n"
    "Kim Park added a comment - 09/Oct/25 5:40 PM\n"
    "Status changed: In Progress \u2192 Done\n"
    "Resolution: Fixed\n"
    "\n"
    "- Due date: 10/Oct/25\n"
)



# --- X1: a Jira comment's head and the field lines under it are one message -----------------------


def test_a_jira_comments_field_lines_are_its_text(tmp_path):
    assert file_event_rows(tmp_path, JIRA) == [
        [8, "10-09 19:14", "status", 0, ["PAY-412"],
         "Ana Lopez added a comment - 09/Oct/25 3:14 PM Rolled back the gateway config, error rate "
         "dropping. PAY-412 still In Progress."],
        [11, "10-09 21:40", "resolved", 0, ["PAY-412"],
         "Kim Park added a comment - 09/Oct/25 5:40 PM Status changed: In Progress \u2192 Done "
         "Resolution: Fixed"],
        [15, "10-09 00:00", "deadline", 0, ["PAY-412"], "Due date: 10/Oct/25"],
    ]


@pytest.mark.parametrize("head", [
    "Kim Park made changes - 09/Oct/25 5:40 PM",
    "Kim Park logged work - 09/Oct/25 5:40 PM",
    "Kim Park added a comment \u2014 09/Oct/2025 5:40 PM",
])
def test_other_jira_heads_open_a_message(tmp_path, head):
    text = f"# Log\n\n## 2025-10-09 PAY-412\n\n{head}\nResolution: Fixed\n"
    assert file_event_rows(tmp_path, text) == [
        [5, "10-09 17:40", "resolved", 0, ["PAY-412"], f"{head} Resolution: Fixed"],
    ]


def test_a_field_under_a_paragraph_that_is_no_comment_head_is_still_its_own(tmp_path):
    text = "# Log\n\n## 2025-10-09 PAY-412\n\nKim Park looked at it today\nResolution: Fixed\n"
    assert file_event_rows(tmp_path, text) == [
        [5, "10-09 00:00", "note", 0, ["PAY-412"], "Kim Park looked at it today"],
    ]


def test_the_sla_table_sees_the_jira_resolution(tmp_path):
    (tmp_path / "ops.md").write_text(JIRA, encoding="utf-8")
    (tmp_path / "occ.yml").write_text("logs: [ops.md]\nsla:\n  tz: America/New_York\n", encoding="utf-8")
    rows = cli_rows("sla", "--config", str(tmp_path / "occ.yml"), "--week", "2025-W41",
                    "--as-of", "2025-10-13T00:00Z", "--format", "jsonl")
    got = [[r["kind"], r["subject"], r["due_at"], r["resolved_at"], r["status"], r["line"]] for r in rows]
    assert got == [
        ["deadline", "PAY-412", "2025-10-11T04:00:00Z", "2025-10-09T21:40:00Z", "met", 15],
    ]


# --- X2: a change of state from a resolution back to work is a reopening ---------------------------


@pytest.mark.parametrize("item, kind", [
    ("Status changed: Done \u2192 In Progress", "reopened"),
    ("Status changed: **Done** \u2192 **In Progress**", "reopened"),
    ("Resolution: Fixed \u2192 Unresolved", "reopened"),
    ("Status: Closed -> Open (customer replied)", "reopened"),
    ("moved from Done to In Progress", "reopened"),
    ("status changed from Resolved to To Do", "reopened"),
    # the last state is what the item says
    ("Status changed: Done \u2192 In Progress \u2192 Done", "resolved"),
    ("Status changed: In Progress \u2192 Done", "resolved"),
    ("Resolution: Unresolved \u2192 Fixed", "resolved"),
    ("moved from Done to Closed", "resolved"),
    ("Status changed: To Do \u2192 In Progress", "status"),
    # a step after a step, no state
    ("tests done -> open the PR", "note"),
])
def test_a_change_from_a_resolution_to_work_reopens(tmp_path, item, kind):
    text = f"# Log\n\n## 2025-10-09 PAY-1\n\n- {item}\n"
    assert file_event_rows(tmp_path, text) == [[5, "10-09 00:00", kind, 0, ["PAY-1"], item]]


def test_a_jira_reopening_reopens_the_ticket_in_the_timeline(tmp_path):
    text = JIRA + (
        "\n"
        "Raj Patel added a comment - 10/Oct/25 9:15 AM\n"
        "Status changed: Done \u2192 In Progress\n"
    )
    assert _summary(tmp_path, text) == [["PAY-412", None, "open"]]


# --- X3: an alert snoozed until a time is no promise -----------------------------------------------


@pytest.mark.parametrize("item", [
    "02:10 UTC Alert snoozed until 03:00 UTC by Kim",
    "02:10 UTC muted the disk monitor until 03:00 UTC",
    "02:10 UTC Silenced alerts for OPS-1 until 03:00 UTC",
    "02:10 UTC notifications suppressed until 03:00 UTC",
])
def test_snoozed_until_is_no_deadline(tmp_path, item):
    text = f"# Log\n\n## 2025-10-10 OPS-1\n\n- {item}\n"
    assert file_deadline_rows(tmp_path, text) == []
    assert file_event_rows(tmp_path, text) == [[5, "10-10 02:10", "note", 0, ["OPS-1"], item]]


def test_other_untils_stay_deadlines(tmp_path):
    text = (
        "# Log\n\n## 2025-10-10 OPS-1\n\n"
        "- 02:10 UTC vendor will hold the fix until 06:00 UTC\n"
        "- 02:11 UTC deploy blocked until 07:00 UTC\n"
    )
    assert file_deadline_rows(tmp_path, text) == [
        [5, ["OPS-1"], "10-10 06:00", "until", False],
        [6, ["OPS-1"], "10-10 07:00", "until", False],
    ]


# --- X4: GitHub's 'closed as not planned' closes ---------------------------------------------------


@pytest.mark.parametrize("item, kind", [
    ("@kim closed this as not planned on Oct 10", "resolved"),
    ("Closed as not planned", "resolved"),
    ("OPS-1 rollout not planned this week", "note"),
])
def test_closed_as_not_planned(tmp_path, item, kind):
    text = f"# Log\n\n## 2025-10-10 OPS-1\n\n- {item}\n"
    assert file_event_rows(tmp_path, text) == [[5, "10-10 00:00", kind, 0, ["OPS-1"], item]]


# --- X5: a 'no' after the resolution that denies something else ------------------------------------


@pytest.mark.parametrize("item, kind", [
    ("02:46 UTC Alert auto-closed after 30m of no events", "resolved"),
    ("02:46 UTC OPS-1 resolved, no customer impact", "resolved"),
    ("02:46 UTC closed with no further errors", "resolved"),
    ("02:46 UTC restored, no errors since 02:40", "resolved"),
    # still vetoed: the 'no' says the fix did nothing, answers the question, or another veto stands
    ("02:46 UTC fixed, no change in error rate", "note"),
    ("02:46 UTC closed? no", "note"),
    ("02:46 UTC resolved, no root cause yet", "note"),
    ("02:46 UTC no fix yet", "note"),
    ("02:46 UTC not resolved, no customer impact", "note"),
])
def test_a_no_after_the_resolution(tmp_path, item, kind):
    text = f"# Log\n\n## 2025-10-10 OPS-1\n\n- {item}\n"
    assert file_event_rows(tmp_path, text) == [[5, "10-10 02:46", kind, 0, ["OPS-1"], item]]


# --- X6: an escalation policy's level that reached an on-call is a page -----------------------------


@pytest.mark.parametrize("item, level", [
    ("Escalated to level 2: Lee Chan (Secondary on-call)", 1),
    ("Escalated to level 2: Raj (Eng Manager)", 2),
    ("Escalated to level 3: Raj Patel", 3),
    ("Escalated to level 2", 2),
])
def test_a_policy_level_that_reached_an_on_call(tmp_path, item, level):
    text = f"# Log\n\n## 2025-10-09 INC-5001\n\n- 2025-10-09 06:07:12 PDT {item}\n"
    assert file_event_rows(tmp_path, text) == [
        [5, "10-09 13:07", "escalation", level, ["INC-5001"], f"2025-10-09 06:07:12 PDT {item}"],
    ]


# --- X7: a date-only resolution and a date-only reopening of one day: the text's order ---------------

GITHUB = (
    "# Web team status\n"
    "\n"
    "## 2025-10-09 GitHub timeline for WEB-315\n"
    "\n"
    "- @kim closed this as completed\n"
    "- kim reopened this on Oct 9\n"
)


def _summary(tmp_path: Path, text: str) -> list[list]:
    (tmp_path / "ops.md").write_text(text, encoding="utf-8")
    (tmp_path / "occ.yml").write_text("logs: [ops.md]\n", encoding="utf-8")
    rows = cli_rows("timeline", "--config", str(tmp_path / "occ.yml"), "--summary",
                    "--as-of", "2025-10-13T00:00Z", "--format", "jsonl")
    return [[r["ticket"], r["resolved_at"], r["status"]] for r in rows]


def test_a_same_day_reopening_written_after_the_resolution_reopens(tmp_path):
    assert _summary(tmp_path, GITHUB) == [["WEB-315", None, "open"]]


def test_a_same_day_resolution_written_after_the_reopening_resolves(tmp_path):
    text = GITHUB + "- @kim closed this as completed on Oct 9\n"
    assert _summary(tmp_path, text) == [["WEB-315", "2025-10-09T00:00:00Z", "resolved"]]


def test_a_date_only_resolution_on_the_day_of_a_timed_reopening_still_comes_after_it(tmp_path):
    text = (
        "# Log\n\n## 2025-10-09 WEB-315\n\n"
        "- closed WEB-315\n"
        "- 14:00 UTC WEB-315 reopened\n"
    )  # (as before: a date-only event never comes before a timed one of its day)
    assert _summary(tmp_path, text) == [["WEB-315", "2025-10-09T14:00:00Z", "resolved"]]


# --- X8: Linear's 'Todo' is a tracker state, as 'To Do' is --------------------------------------------


@pytest.mark.parametrize("item, kind", [
    ("Linear: @lee moved MOB-55 from Todo to In Progress", "status"),
    ("Linear: @lee moved MOB-55 from Done to Todo", "reopened"),
    ("todo: chase vendor", "plan"),
])
def test_linear_todo_state(tmp_path, item, kind):
    text = f"# Log\n\n## 2025-10-11 MOB-55\n\n- {item}\n"
    assert file_event_rows(tmp_path, text) == [[5, "10-11 00:00", kind, 0, ["MOB-55"], item]]


# --- X9: Jira's 'Unresolved' resolution field is no blocker -----------------------------------------


@pytest.mark.parametrize("item, kind", [
    ("Resolution: Unresolved", "note"),
    ("**Resolution:** Unresolved", "note"),
    ("PAY-1 | Rotate certs | In Progress | P2 | Unresolved", "status"),
    ("PAY-1 still unresolved", "blocked"),
    ("Resolution: Unresolved \u2192 Fixed", "resolved"),
])
def test_jiras_unresolved_field(tmp_path, item, kind):
    text = f"# Log\n\n## 2025-10-09 PAY-1\n\n- {item}\n"
    assert file_event_rows(tmp_path, text) == [[5, "10-09 00:00", kind, 0, ["PAY-1"], item]]


def test_a_jira_export_row_in_progress_with_a_due_date(tmp_path):
    text = (
        "# Platform\n\n## 2025-10-09\n\n"
        "| Key | Summary | Status | Priority | Due date | Resolution |\n"
        "|---|---|---|---|---|---|\n"
        "| PLAT-89 | Rotate certs | In Progress | P2 | 2025-10-14 | Unresolved |\n"
    )
    assert file_event_rows(tmp_path, text) == [
        [7, "10-09 00:00", "deadline", 0, ["PLAT-89"],
         "PLAT-89 | Rotate certs | In Progress | P2 | 2025-10-14 | Unresolved"],
    ]
