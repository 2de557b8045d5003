"""Reading logs robustly: encodings, front matter, markdown shapes, extraction rules, bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from occ_lib import _extract as ex
from occ_lib.logs import DEADLINE_TEXT_MAX, parse_log, read_logs


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def problems(logs) -> list[tuple]:
    p = logs.problems
    return [(s, None if pd.isna(ln) else int(ln), w, r) for s, ln, w, r in
            zip(p["source"], p["line"], p["what"], p["reason"], strict=True)]


LOG = "# Ops\n\n## 2025-10-10 Day\n- 07:18 UTC checked DEPLOY-147 — café ’ok’\n"


# --- encodings --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, encoding, bom, newline",
    [
        (LOG.encode("utf-8"), "utf-8", False, "LF"),
        (b"\xef\xbb\xbf" + LOG.encode("utf-8"), "utf-8-sig", True, "LF"),
        (LOG.replace("\n", "\r\n").encode("utf-8"), "utf-8", False, "CRLF"),
        (LOG.replace("\n", "\r\n").encode("cp1252"), "cp1252", False, "CRLF"),
        (LOG.replace("\n", "\r").encode("utf-8"), "utf-8", False, "CR"),
        (LOG.encode("utf-16"), "utf-16", True, "LF"),
    ],
)
def test_encodings_and_newlines_give_the_same_events(data, encoding, bom, newline):
    logs = parse_log(data, "x.md")
    doc = logs.docs.iloc[0]
    assert (doc["encoding"], doc["bom"], doc["newline"], doc["lines"]) == (encoding, bom, newline, 4)
    assert doc["title"] == "Ops"
    e = logs.events.iloc[0]
    assert (e["line"], e["text"], e["at"], e["tickets"]) == (
        4, "07:18 UTC checked DEPLOY-147 — café ’ok’", ts("2025-10-10 07:18"), ["DEPLOY-147"])
    assert problems(logs) == []


def test_mixed_newlines_are_reported_as_mixed():
    logs = parse_log(b"# T\r\n- a\n- b\r\n", "x.md")
    assert logs.docs.iloc[0]["newline"] == "mixed"
    assert logs.events["line"].tolist() == [2, 3]


def test_str_input_strips_a_bom():
    doc = parse_log("\ufeff# T\n- a\n", "x.md").docs.iloc[0]
    assert (doc["title"], doc["bom"]) == ("T", True)
    assert pd.isna(doc["encoding"])


def test_mojibake_is_repaired_per_line_and_counted():
    text = (
        "# Agent â€” Log\n## 2025-10-10 Day\n- todayâ€™s plan â€” ok\n- ðŸš« Blocked\n- plain line\n"
        "- château\n"
    )
    logs = parse_log(text.encode("utf-8"), "x.md")
    assert logs.docs.iloc[0]["repairs"] == 3
    assert logs.docs.iloc[0]["title"] == "Agent — Log"
    assert logs.events["text"].tolist() == ["today’s plan — ok", "🚫 Blocked", "plain line", "château"]


def test_mixed_lines_are_repaired_like_ftfy_does():
    from ftfy import fix_text

    line = "café â€” ok → ðŸš« château Â£5 todayâ€™s"
    logs = parse_log(f"# T\n- {line}\n- naïve façade\n", "x.md")
    assert logs.events["text"].tolist() == ["café — ok → 🚫 château £5 today’s", "naïve façade"]
    assert logs.docs.iloc[0]["repairs"] == 1
    assert fix_text(line, uncurl_quotes=False) == "café — ok → 🚫 château £5 today’s"


def test_latin1_fallback_for_bytes_cp1252_does_not_define():
    logs = parse_log(b"# T\n- caf\xe9 \x81 ok\n", "x.md")
    assert logs.docs.iloc[0]["encoding"] == "latin-1"
    assert logs.events["text"].tolist() == ["café \x81 ok"]


# --- front matter ----------------------------------------------------------------------------------


def test_front_matter_keys_kept_and_tz_applies():
    text = (
        "---\nowner: qa\ndoc: feedback/qa.md\nepoch: 2025.10.E1\nlast_reviewed: 2025-10-12\n"
        "expires: 2025-10-19T08:00:00Z\ntz: Europe/Berlin\nextra:\n  - a\n  - b\n---\n"
        "# QA\n## 2025-10-08\n- 21h30 nightly run\n- [07:18Z] smoke\n"
    )
    logs = parse_log(text, "qa.md")
    doc = logs.docs.iloc[0]
    assert doc["front_matter"] == {
        "owner": "qa", "doc": "feedback/qa.md", "epoch": "2025.10.E1", "last_reviewed": dt.date(2025, 10, 12),
        "expires": dt.datetime(2025, 10, 19, 8, 0, tzinfo=dt.UTC), "tz": "Europe/Berlin", "extra": ["a", "b"],
    }
    assert (doc["owner"], doc["doc"], doc["epoch"], doc["tz"]) == ("qa", "feedback/qa.md", "2025.10.E1",
                                                                   "Europe/Berlin")
    assert (doc["last_reviewed"], doc["expires"]) == (ts("2025-10-12"), ts("2025-10-19"))
    assert logs.events["line"].tolist() == [14, 15]
    assert logs.events["at"].tolist() == [ts("2025-10-08 19:30"), ts("2025-10-08 07:18")]


def test_prose_zone_declaration():
    logs = parse_log("# D\nAll times in PDT (UTC-7).\n### 2025-10-07 Tuesday\n- 08:30: picked up\n", "d.md")
    assert logs.docs.iloc[0]["tz"] == "America/Los_Angeles"
    assert logs.events.iloc[0]["at"] == ts("2025-10-07 15:30")


def test_front_matter_tz_beats_prose_and_unknown_tz_is_a_problem():
    logs = parse_log("---\ntz: Mars/Olympus\n---\nAll times ET.\n## 2025-07-26\n- 20:07 done\n", "x.md")
    assert problems(logs) == [("x.md", 2, "front_matter", "tz: unknown time zone")]
    # an unknown front-matter zone falls back to the prose declaration (EDT in July: UTC-4)
    assert logs.docs.iloc[0]["tz"] == "America/New_York"
    assert logs.events.iloc[0]["at"] == ts("2025-07-27 00:07")
    logs = parse_log("---\ntz: nowhere\n---\n## 2025-07-26\n- 20:07 done\n", "x.md")
    assert logs.docs.iloc[0]["tz"] == "UTC"
    assert logs.events.iloc[0]["at"] == ts("2025-07-26 20:07")
    logs = parse_log("---\ntz: America/New_York\n---\nAll times PT.\n## 2025-07-26\n- 20:07 EDT x\n", "x.md")
    assert logs.events.iloc[0]["at"] == ts("2025-07-27 00:07")  # crosses midnight into the next UTC day


@pytest.mark.parametrize(
    "text, expected",
    [
        ("---\nowner: [unclosed\n---\n# T\n- a\n",
         ("x.md", 2, "front_matter",
          "invalid YAML front matter: expected ',' or ']', but got '<stream end>'")),
        ("---\nowner: x\n# T\n- a\n",
         ("x.md", 1, "front_matter", "unclosed front matter: no closing '---' line")),
        ("---\n- a\n- b\n---\n- x\n", ("x.md", 2, "front_matter", "front matter is not a mapping of keys")),
        ("---\nowner: a\nlast_reviewed: 2025-13-40\n---\n- x\n",
         ("x.md", 3, "date", "last_reviewed: not a valid date")),
    ],
)
def test_bad_front_matter_is_a_problem_and_the_body_is_still_read(text, expected):
    logs = parse_log(text, "x.md")
    assert problems(logs) == [expected]
    assert len(logs.docs) == 1
    assert logs.events["text"].tolist()[-1] in ("a", "x")


# --- markdown structure ----------------------------------------------------------------------------

STRUCT = """\
# Title
intro prose
- top level before any section DEPLOY-147
## 2025-10-08 Section one
* parent OCC-INF-221 at 09:00 UTC
  continuation of the parent
    + grandchild HS-44721
  + child
1. numbered
2) numbered too

   indented paragraph after a blank belongs to the item

prose paragraph after a blank ends the list
- [x] task done
---
```
- not an item inside code
## not a heading inside code
```
### Undated
| A | B |
|:--|--:|
| 1 | x \\| y |
| 2 |
# Second level-1 heading is a section
"""


def test_structure():
    logs = parse_log(STRUCT, "s.md")
    assert logs.docs.iloc[0]["title"] == "Title"
    s = logs.sections
    assert list(zip(s["line"], s["level"], s["heading"], strict=True)) == [
        (4, 2, "2025-10-08 Section one"), (21, 3, "Undated"), (26, 1, "Second level-1 heading is a section")]
    ev = logs.events
    assert list(zip(ev["line"], ev["depth"], ev["item"], ev["text"], strict=True)) == [
        (3, 0, "list", "top level before any section DEPLOY-147"),
        (5, 0, "list", "parent OCC-INF-221 at 09:00 UTC continuation of the parent"),
        (7, 1, "list", "grandchild HS-44721"),
        (8, 1, "list", "child"),
        (9, 0, "list", "numbered"),
        (10, 0, "list", "numbered too indented paragraph after a blank belongs to the item"),
        (15, 0, "list", "task done"),
        (24, 0, "table", "1 | x | y"),  # (an escaped pipe is a pipe in its cell)
        (25, 0, "table", "2 |"),
    ]
    assert ev["tickets"].tolist()[:4] == [
        ["DEPLOY-147"], ["OCC-INF-221"], ["HS-44721", "OCC-INF-221"], ["OCC-INF-221"]]
    assert ev["tickets"].tolist()[4] == []  # a new top-level item inherits nothing
    assert pd.isna(ev.iloc[0]["section"]) and pd.isna(ev.iloc[0]["section_line"])
    assert (ev.iloc[1]["at"], ev.iloc[1]["at_precision"]) == (ts("2025-10-08 09:00"), "minute")
    # a nested item has its own time, else its parent's (session 13; it was the section's), else its section's
    assert (ev.iloc[2]["at"], ev.iloc[2]["at_precision"]) == (ts("2025-10-08 09:00"), "minute")
    assert (ev.iloc[4]["at"], ev.iloc[4]["at_precision"]) == (ts("2025-10-08"), "day")
    t = logs.tables.iloc[0]
    assert (t["line"], t["section"], t["headers"]) == (22, "Undated", ["A", "B"])
    assert t["frame"].to_dict("list") == {"A": ["1", "2"], "B": ["x | y", ""]}


def test_a_dated_title_dates_the_items_before_the_first_section_and_its_undated_sections():
    logs = parse_log("# Daily log — 2025-10-10\n- 09:00 UTC a\n- b\n## Other\n- c\n", "x.md")
    assert logs.docs.iloc[0]["title"] == "Daily log — 2025-10-10"
    assert len(logs.sections) == 1
    assert logs.sections["date"].tolist() == [ts("2025-10-10")]
    ev = logs.events
    assert ev["at"].tolist() == [ts("2025-10-10 09:00"), ts("2025-10-10"), ts("2025-10-10")]
    assert ev["at_precision"].tolist() == ["minute", "day", "day"]
    assert pd.isna(ev["section"].iloc[0]) and ev["section"].iloc[2] == "Other"


def test_undated_and_time_only_headings_take_the_enclosing_headings_date():
    text = (
        "## 2025-10-08 (Wed)\n"
        "### 14:05 CEST — PAY-412 paged\n- acked at 14:07\n- next update by 15:00\n"
        "### Actions\n- rolled back\n"
        "## Notes\n- undated\n"
        "## 2025-10-09\n### 25:61 broken\n- x\n"
    )
    logs = parse_log(text, "x.md")
    s = logs.sections
    assert s["title"].tolist() == ["", "PAY-412 paged", "Actions", "Notes", "", "broken"]
    assert s["date"].tolist()[:3] == [ts("2025-10-08")] * 3
    assert pd.isna(s["date"].iloc[3])
    assert s["at"].iloc[1] == ts("2025-10-08 12:05") and s["at_precision"].iloc[1] == "minute"
    assert s["at_precision"].iloc[2] == "day" and pd.isna(s["at_precision"].iloc[3])
    assert s["at_precision"].iloc[4] == "day"
    ev = logs.events
    # (under a heading timed in CEST, in a document that declares no zone, '14:07' is CEST too)
    assert ev["at"].tolist()[:3] == [ts("2025-10-08 12:07"), ts("2025-10-08 12:05"), ts("2025-10-08")]
    assert pd.isna(ev["at"].iloc[3])
    # an impossible time in the heading is its problem; the section still has its parent's date
    assert ev["at"].iloc[4] == ts("2025-10-09")
    assert logs.deadlines["due_at"].tolist() == [ts("2025-10-08 13:00")]


def test_items_that_name_no_ticket_take_their_headings_tickets():
    text = (
        "# PAY-400 incident\n- opened\n"
        "## PAY-412 rollback\n- rolled back\n  - nested, DB-7 too\n- INFRA-9 paged\n"
        "### Details\n| Step | Owner |\n|---|---|\n| drain | ops |\n"
        "## Misc\n- nothing\n"
    )
    ev = parse_log(text, "x.md").events
    assert ev["tickets"].tolist() == [
        ["PAY-400"], ["PAY-412"], ["DB-7"], ["INFRA-9"], ["PAY-412"], ["PAY-400"]
    ]


def test_heading_closing_hashes_and_pathological_lines():
    logs = parse_log("## Title ##\n- a\n## C#\n### \n", "x.md")
    assert logs.sections["heading"].tolist() == ["Title", "C#", ""]
    # long runs of blanks once made the heading and delimiter patterns backtrack quadratically
    wide = parse_log("## a" + " " * 20000 + "x\n| a | b |\n|---" + " " * 20000 + "x\n", "x.md")
    assert wide.sections["heading"].tolist() == ["a" + " " * 20000 + "x"]
    assert len(wide.tables) == 0
    many = " ".join(f"T{k:05d}X-{k + 1}" for k in range(3000))  # (a key numbered 0 is none)
    assert len(ex.tickets(many)) == 3000 and ex.tickets("AB-1 AB-1 CD-2 AB-1") == ["AB-1", "CD-2"]


def test_an_empty_bullet_breaks_inheritance():
    logs = parse_log("- DEPLOY-147 parent\n-\n  - child\n", "x.md")
    assert logs.events["tickets"].tolist() == [["DEPLOY-147"], []]
    assert logs.events["depth"].tolist() == [0, 1]


def test_unclosed_fence_does_not_swallow_the_log():
    logs = parse_log("# T\n```\n- item one\n## 2025-10-08 S\n- item two\n", "x.md")
    assert logs.events["text"].tolist() == ["item one", "item two"]


def test_a_quoted_fence_closes_within_its_quote():
    text = (
        "# Ops log\n\n## 2025-10-10 (Fri)\n\n"
        "> quoting @dev from #incidents:\n> ```\n> kubectl rollout undo deploy/checkout-api\n> ```\n\n"
        "- 14:30 UTC REL-94 escalated to @maria (eng manager)\n- 15:10 UTC REL-94 resolved\n\n"
        "```\nOct 10 18:31:02 ip-10-0-3-4 systemd[1]: Started checkout.service.\n```\n\n"
        "- 19:00 UTC REL-95 acked\n"
    )
    ev = parse_log(text, "x.md").events
    assert list(zip(ev["line"], ev["kind"], ev["level"], ev["text"], strict=True)) == [
        (10, "escalation", 2, "14:30 UTC REL-94 escalated to @maria (eng manager)"),
        (11, "resolved", 0, "15:10 UTC REL-94 resolved"),
        (17, "acknowledged", 0, "19:00 UTC REL-95 acked"),
    ]
    # a quoted fence left open ends with its quote; the fence below is one of its own
    text = "> ```\n> - 09:00 UTC REL-1 resolved\n\n- 10:00 UTC REL-2 acked\n```\n- x\n```\n"
    assert parse_log(text, "x.md").events["text"].tolist() == ["10:00 UTC REL-2 acked"]


def test_a_fence_in_a_list_item_is_code_whatever_its_indentation():
    text = (
        "## 2025-10-10 (Fri)\n"
        "- 14:30 UTC REL-94 error rate still 4%, migration job output:\n"
        "    ```\n"
        "    NAME                     READY   STATUS      RESTARTS   AGE\n"
        "    db-migrate-7f9c-x2k4     0/1     Completed   0          3m12s\n"
        "    ```\n"
        "  rollout paused\n"
        "  - 14:40 UTC canary at 2%\n"
        "- 15:10 UTC REL-94 error rate back under 0.5%, resolved\n"
    )
    ev = parse_log(text, "x.md").events
    # (kubectl's "Completed" is no resolution: the code is no text of the item)
    assert list(zip(ev["line"], ev["depth"], ev["kind"], ev["tickets"], ev["text"], strict=True)) == [
        (2, 0, "note", ["REL-94"],
         "14:30 UTC REL-94 error rate still 4%, migration job output: rollout paused"),
        (8, 1, "note", ["REL-94"], "14:40 UTC canary at 2%"),
        (9, 0, "resolved", ["REL-94"], "15:10 UTC REL-94 error rate back under 0.5%, resolved"),
    ]
    # a fence left open in an item ends with the item: it does not pair with a fence further down
    text = "- a REL-1\n  ```\n  code\n- b REL-2\n```\n- c in code\n```\n- d\n"
    assert parse_log(text, "x.md").events["text"].tolist() == ["a REL-1", "b REL-2", "d"]


def test_an_indented_code_block_after_a_blank_line_is_code():
    text = (
        "## 2025-10-10 (Fri)\n\n- 14:30 UTC REL-94 paged on-call, error rate 4%\n\n"
        "journalctl -u checkout on ip-10-0-3-4 (REL-94):\n\n"
        "    Oct 10 18:31:02 ip-10-0-3-4 systemd[1]: Started checkout.service.\n"
        "    Oct 10 18:31:05 ip-10-0-3-4 checkout[901]: migration completed\n\n"
        "- 19:10 UTC REL-94 error rate back under 0.5%, resolved\n"
    )
    ev = parse_log(text, "x.md").events
    assert list(zip(ev["line"], ev["at"], ev["kind"], ev["item"], ev["text"], strict=True)) == [
        (3, ts("2025-10-10 14:30"), "escalation", "list", "14:30 UTC REL-94 paged on-call, error rate 4%"),
        (5, ts("2025-10-10"), "note", "paragraph", "journalctl -u checkout on ip-10-0-3-4 (REL-94):"),
        (10, ts("2025-10-10 19:10"), "resolved", "list",
         "19:10 UTC REL-94 error rate back under 0.5%, resolved"),
    ]
    # in a list item: 4 columns beyond its content; a continuation indented less, or a line right
    # under the item (no blank line), is its text
    text = (
        "- 09:00 UTC REL-1 rollout started\n\n  still rolling\n\n"
        "      $ kubectl get pods\n      pod-1   Completed\n\n  back to normal\n"
        "- 10:00 UTC REL-2 pool raised\n    to 50 connections\n"
    )
    ev = parse_log(text, "x.md").events
    assert list(zip(ev["line"], ev["kind"], ev["text"], strict=True)) == [
        (1, "note", "09:00 UTC REL-1 rollout started still rolling back to normal"),
        (9, "note", "10:00 UTC REL-2 pool raised to 50 connections"),
    ]


def test_sections_are_not_assumed_in_time_order():
    logs = parse_log("## 2025-10-10 Late\n- 10:00 a\n## 2025-10-08 Early\n- 10:00 b\n", "x.md")
    assert logs.sections["position"].tolist() == [0, 1]
    assert logs.events["at"].tolist() == [ts("2025-10-10 10:00"), ts("2025-10-08 10:00")]


# --- extraction rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("DEPLOY-147 and OCC-INF-221, HS-44721; INFRA-2743.",
         ["DEPLOY-147", "OCC-INF-221", "HS-44721", "INFRA-2743"]),
        ("stamp 2025-10-10T04-40-48.296Z and T04-40", []),
        ("zone UTC-7 or GMT-5, CVE-2021-44228, CVE-2021, PYSEC-2025-12, PYSEC-2025", []),
        ("`DEPLOY-147`: again DEPLOY-147 (DEPLOY-147)", ["DEPLOY-147"]),
        ("file DEPLOY-147-linear-comment.md only", []),
        ("UTF-8 and SHA-256 and ISO-8601 and Q4-2025", []),
        ("lower deploy-147 is not a ticket", []),
        ("SEV-2 declared for PAY-412; TIER-1 support, SPRINT-14, PRI-1", ["PAY-412"]),
        # ServiceNow numbers: known table prefixes, seven digits or more, nothing glued on
        ("opened INC0012345 for CHG0034567 (RITM0010042, SCTASK0012345.) and DEPLOY-147",
         ["INC0012345", "CHG0034567", "RITM0010042", "SCTASK0012345", "DEPLOY-147"]),
        ("XINC0012345, INC001234, ABC1234567, INC0012345-b, inc0012345, KB0012345", []),
        # a key after a slash counts when a key is written before it, never in a path
        ("INC-5678/INC-5679 duplicates merged", ["INC-5678", "INC-5679"]),
        ("CHG-1234/CHG-1235/CHG-1236 approved by CAB", ["CHG-1234", "CHG-1235", "CHG-1236"]),
        ("INC0012345/INC0012346 and SEV-2/PAY-7", ["INC0012345", "INC0012346", "PAY-7"]),
        ("docs/DEPLOY-147-notes.md, docs/DEPLOY-147.md, docs/INC-1/INC-2.md, https://j.dev/browse/INC-3", []),
    ],
)
def test_tickets(text, expected):
    assert ex.tickets(text) == expected


def test_a_ticked_task_box_is_done():
    text = (
        "# Postmortem — 2025-10-16\n\n## Action items\n\n"
        "- [x] Add pool-saturation alert (INC-5680) — @dmitri, due Oct 17\n"
        "- [ ] Backfill report (INC-5682), due Oct 21\n"
        "- [X] Canary for pool changes (CHG-1252) ✅ 2025-10-20\n"
        "- [x] Re-run the backfill once the pool is fixed (INC-5683)\n"
        "- [x] Escalated INC-5684 to the VP\n"
        "- Load test (CHG-1253) ✅ 2025-10-21\n"
    )
    ev = parse_log(text, "x.md").events
    assert list(zip(ev["line"], ev["at"], ev["kind"], ev["level"], ev["text"], strict=True)) == [
        (5, ts("2025-10-16"), "resolved", 0, "Add pool-saturation alert (INC-5680) — @dmitri, due Oct 17"),
        (6, ts("2025-10-16"), "deadline", 0, "Backfill report (INC-5682), due Oct 21"),
        (7, ts("2025-10-20"), "resolved", 0, "Canary for pool changes (CHG-1252) ✅ 2025-10-20"),
        (8, ts("2025-10-16"), "resolved", 0, "Re-run the backfill once the pool is fixed (INC-5683)"),
        (9, ts("2025-10-16"), "escalation", 3, "Escalated INC-5684 to the VP"),  # (rule 1 comes first)
        (10, ts("2025-10-21"), "resolved", 0, "Load test (CHG-1253) ✅ 2025-10-21"),
    ]
    assert ex.classify("Add alert", ex.keywords("Add alert"), False, True) == ("resolved", 0)


def test_servicenow_number_opens_a_message_not_a_field():
    text = "## 2025-10-09\n\nINC0012345: restored at 15:10 UTC\n\nRITM0010042: access granted\n"
    logs = parse_log(text, "sn.md")
    ev = logs.events
    assert ev["tickets"].tolist() == [["INC0012345"], ["RITM0010042"]]
    assert ev["kind"].tolist() == ["resolved", "note"]
    assert ev["at"].tolist() == [ts("2025-10-09 15:10"), ts("2025-10-09 00:00")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("see (`artifacts/a/b.log`) and `docs/x.md:24-27`", ["artifacts/a/b.log", "docs/x.md"]),
        ("`curl_hotdash-staging_2025-10-10T06-34-12Z_mock0.log`",
         ["curl_hotdash-staging_2025-10-10T06-34-12Z_mock0.log"]),
        ("`curl -I https://x.dev/a?b=1` and `DATABASE_URL` and `.env.staging`", [".env.staging"]),
        ("bare docs/directions/integrations.md:26; and artifacts/ga-mcp/2025-10-10/", [
            "docs/directions/integrations.md", "artifacts/ga-mcp/2025-10-10/"]),
        ("QA/product/support e.g. Node.js v1.2 hotroddash.myshopify.com", []),
        ("https://h.dev/docs/readme.md is a URL, not a path", []),
        ("`vault/occ/shopify/*.env` and report_2025.csv", ["vault/occ/shopify/*.env", "report_2025.csv"]),
    ],
)
def test_artifacts(text, expected):
    assert ex.artifacts(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("in `#deploy-ops` and #infra-requests, again #deploy-ops", ["#deploy-ops", "#infra-requests"]),
        ("deploy #412, item #1, colour #ff0000, page.html#anchor, C# code", []),
    ],
)
def test_channels(text, expected):
    assert ex.channels(text) == expected


def test_urls_are_redacted():
    assert ex.urls("see https://u:p@h.dev/a?mock=1&token=abc123secret&x=2, and http://h/b.") == [
        "https://***@h.dev/a?mock=1&token=***&x=2", "http://h/b"]
    assert ex.redact("GET https://h.dev/?api_key=zzz with Bearer abcdefghijkl") == (
        "GET https://h.dev/?api_key=*** with Bearer ***")
    # a URL inside a query value, escaped: its own secret query values too
    assert ex.urls("https://x.io/login?next=%2Fpassword%2Freset%3Ftoken%3Dabc123def456&a=1") == [
        "https://x.io/login?next=/password/reset%3Ftoken%3D***&a=1"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # prose: the word after token/basic is no credential unless it looks like one
        ("the token rotation completed", "the token rotation completed"),
        ("Basic authentication enabled", "Basic authentication enabled"),
        ("token re-issued by the vault", "token re-issued by the vault"),
        ("API TOKEN EXPIRED at 09:00", "API TOKEN EXPIRED at 09:00"),
        # credentials: a digit, one of . _ ~ + / =, base64's case mix, or 20+ characters
        ("rotated token abc123def ok", "rotated token *** ok"),
        ("curl -H 'Authorization: Basic dXNlcjpwYXNz'", "curl -H 'Authorization: Basic ***'"),
        ("token shpat_abcdefgh leaked", "token *** leaked"),
        ("token abcdefghijklmnopqrstu", "token ***"),
        ("Basic b3BzOnB3ZA== sent", "Basic *** sent"),
        # after Bearer any 8+ token characters stay a credential
        ("Bearer abcdefghijkl", "Bearer ***"),
        ("https://h.dev/x?cookie=c00kie&mode=1", "https://h.dev/x?cookie=***&mode=1"),
        # a pasted command or config: the name says it is a secret
        ('`curl -H "DD-API-KEY: 3f9a1c2b4d5e" https://api.dd.com/v1`', '`curl -H "DD-API-KEY: ***" https://api.dd.com/v1`'),
        ("still uses routing_key=R02ABCDEF12", "still uses routing_key=***"),
        ("deploy failed: GH_TOKEN=ghp_1A2b3C4d expired", "deploy failed: GH_TOKEN=*** expired"),
        ('-H "Authorization: GenieKey 4f2a9c1e-77b0" sent', '-H "Authorization: GenieKey ***" sent'),
        ('-H "Authorization: Token token=y_NbAkKc66ry"', '-H "Authorization: Token ***"'),
        ("replayed with -H 'Cookie: session=abc123; theme=dark' ok", "replayed with -H 'Cookie: ***' ok"),
        ('config {"password": "hunter2", "user": "bob"}', 'config {"password": "***", "user": "bob"}'),
        ("apiKey=abc123 and x-auth-token: zz9", "apiKey=*** and x-auth-token: ***"),
        ("`psql --password=Sup3rSecretPw`, --token=ghp_abc1", "`psql --password=***`, --token=***"),
        ("PGPASSWORD=PgS3cretPw psql; password: Tr0ub4dor&3 ok", "PGPASSWORD=*** psql; password: *** ok"),
        ("token: abc123def", "token: ***"),
        ("{ :auth_token => 'abcd1234efgh' }", "{ :auth_token => '***' }"),
        ("$cfg['api_key'] => \"sk_live_51Habcdef\"", "$cfg['api_key'] => \"***\""),
        ("Authorization: INC-42 sign-off from Dir. Ops", "Authorization: INC-42 sign-off from Dir. Ops"),
        ("session_timeout=30s token_count=1234", "session_timeout=30s token_count=1234"),
        ("if a == b and c != d: token=abc1", "if a == b and c != d: token=***"),
        # prose and names that only look like it stay
        ("Authorization: pending from legal", "Authorization: pending from legal"),
        ("Token: rotated yesterday; Key updates: none", "Token: rotated yesterday; Key updates: none"),
        ("status_code=503 exit_code=1 passed=12 signal=9", "status_code=503 exit_code=1 passed=12 signal=9"),
        # name=value pairs outside a URL: an access log's request line, a form body, a connection string
        ('"GET /api/v1/export?api_key=ACCESSLOGKEY1&fmt=csv HTTP/1.1" 500',
         '"GET /api/v1/export?api_key=***&fmt=csv HTTP/1.1" 500'),
        ("body was user=ops&password=FormPass123&remember=1", "body was user=ops&password=***&remember=1"),
        ("Server=sql01;User Id=sa;Password=Str0ngSqlPass9;", "Server=sql01;User Id=sa;Password=***;"),
        # the scheme word in capitals, or with a colon
        ("creds were BASIC dXNlcjpTdXBlclNlY3JldDk5", "creds were BASIC ***"),
        ("client sent Bearer: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.COLONJWTSIG", "client sent Bearer: ***"),
        ("Bearer: pending", "Bearer: pending"),
        # after 'secret' or 'password', a word that looks like a credential
        ("AWS key id with secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS key id with secret ***"),
        ("new password Hunter2pg set; password reset done", "new password *** set; password reset done"),
        # a password with '/', '#' or '?' in a URL's userinfo, unescaped
        ("redis://:p#ss4Redis@cache.internal:6379/0", "redis://***@cache.internal:6379/0"),
        ("postgres://app:wJalrX/K7MDENGpw@db.internal/app", "postgres://***@db.internal/app"),
        ("https://host:8443/@scope/pkg and https://x.io/a?email=a@b.com",
         "https://host:8443/@scope/pkg and https://x.io/a?email=a@b.com"),
        # credentials known by their form, whatever names them
        ("leaked AKIAIOSFODNN7EXAMPLE ghp_16C7e42F292c6912E7710c838347Ae178B4a "
         "xoxb-123456789012-1234567890123-AbCdEfGhIjKl sk_live_51Habcdefghij", "leaked *** *** *** ***"),
        ("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghij, then", "jwt ***, then"),
        ("the ghp_ prefix and AKIA ids", "the ghp_ prefix and AKIA ids"),
        ("key -----BEGIN RSA PRIVATE KEY----- MIIEabc== -----END RSA PRIVATE KEY----- end",
         "key -----BEGIN RSA PRIVATE KEY-----***-----END RSA PRIVATE KEY----- end"),
        # a webhook URL's path, a session in a URL's path
        ("webhook https://hooks.slack.com/services/T0000/B0000/XXXXSLACKPATHSECRET1 posted",
         "webhook https://hooks.slack.com/services/*** posted"),
        ("https://shop.example.com/cart;jsessionid=JSESSION0123456789ABCDEF", "https://shop.example.com/cart;jsessionid=***"),
        # passwords given to a command
        ("ran curl -u admin:CurlUserPass1 https://x.io/api", "ran curl -u admin:*** https://x.io/api"),
        ('curl --user "admin:pw 1" x; pip install -U pkg', 'curl --user "admin:***" x; pip install -U pkg'),
        ("mysql -uroot -pS3cretPass99 prod; mysql -u root -p -h db",
         "mysql -uroot -p*** prod; mysql -u root -p -h db"),
        ("`docker login -u deploy -p Sup3rS3cret reg.io`", "`docker login -u deploy -p *** reg.io`"),
        ("login page -p 8080", "login page -p 8080"),
        # markdown around the name or the value, capitals, a tab
        ("**Password:** Hunter2pg9 and **Token**: ghx1234567890abcdef",
         "**Password:** *** and **Token**: ***"),
        ("temp password: `Hunter2pg9`; smoke test used Bearer `abcdef0123456789xyz`",
         "temp password: `***`; smoke test used Bearer `***`"),
        ("DB PASSWORD Hunter2pg9 pasted; SECRET s3cr3tValue9 revoked; password\tHunter2pg9",
         "DB PASSWORD *** pasted; SECRET *** revoked; password\t***"),
        # quoted auth parameters (Rails, OAuth 1.0)
        ('Authorization: Token token="abc123def456"', "Authorization: Token ***"),
        ('Authorization: OAuth oauth_token="abc123def456", oauth_signature="zz9x"',
         'Authorization: OAuth ***, oauth_signature="***"'),
        # more commands and names
        ("curl -uadmin:pw12345 x; sshpass -p S3cretPw ssh h; redis-cli -h c -a R3disPw ping",
         "curl -uadmin:*** x; sshpass -p *** ssh h; redis-cli -h c -a *** ping"),
        ("deploy --api-key sk_9aXb2Kq1 --region eu --token-count 5",
         "deploy --api-key *** --region eu --token-count 5"),
        ("Secret Access Key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "Secret Access Key: ***"),
        ("vault login hvs.CAESIJ0abcdefghijklmnopqrstu", "vault login ***"),
        # ... and what only looks like one stays: tickets, dates, times, versions, prose
        ("GA MCP token OCC-INF-221 pending; rotated the DB password INC0012345",
         "GA MCP token OCC-INF-221 pending; rotated the DB password INC0012345"),
        ("Shopify API token: 2025-10-10 14:00 UTC deadline missed",
         "Shopify API token: 2025-10-10 14:00 UTC deadline missed"),
        ("Authorization: granted 2025-10-08 14:00 UTC by Dir. Ops (CHG-1234)",
         "Authorization: granted 2025-10-08 14:00 UTC by Dir. Ops (CHG-1234)"),
        ("**Cookie:** banner fix DEPLOY-150 shipped 14:30 UTC",
         "**Cookie:** banner fix DEPLOY-150 shipped 14:30 UTC"),
        ('{"key": "DEPLOY-147", "fields": 1}; issue_key=OCC-INF-221, resolved',
         '{"key": "DEPLOY-147", "fields": 1}; issue_key=OCC-INF-221, resolved'),
        ("session_start=2025-10-08T14:02:11Z token_refresh_at=2025-10-08T23:10:00Z",
         "session_start=2025-10-08T14:02:11Z token_refresh_at=2025-10-08T23:10:00Z"),
        ("token v1.2.3 released; API key rotation done; Token expiry: 2025-10-12",
         "token v1.2.3 released; API key rotation done; Token expiry: 2025-10-12"),
    ],
)
def test_redact_text_credentials_and_prose(text, expected):
    from occ_lib.redact import redact_text

    assert redact_text(text) == expected
    assert ex.redact(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("captured HTTP 200", 200), ("`/app?mock=0` returns HTTP 410", 410),
        ("HTTP/1.1 503 then HTTP 200", 503), ("gateway status 502", 502), ("status code: 404", 404),
        ("HTTP 2 upgrade", None), ("no status", None),
    ],
)
def test_http_status(text, expected):
    assert ex.http_status(text) == expected


@pytest.mark.parametrize(
    "text, kind, level",
    [
        ("manager re-escalated at 17:20 UTC", "escalation", 2),
        ("Escalated DEPLOY-147 to the VP Engineering and the CIO", "escalation", 3),
        ("escalated to the head of platform", "escalation", 3),
        ("Delivered the escalation ping in #infra-requests", "escalation", 1),
        ("Paged on-call after HTTP 503", "escalation", 1),  # a page, not a manager
        ("Paged the on-call lead after HTTP 503", "escalation", 2),
        ("prepare CIO escalation note if no ETA arrives", "plan", 0),
        ("DEPLOY-147 closed: bundle accepted", "resolved", 0),
        ("credentials DELIVERED by infra", "resolved", 0),
        ("OCC-INF-221 still unresolved", "blocked", 0),
        ("not resolved yet", "note", 0),
        ("Posted the DEPLOY-147 follow-up in #deploy-ops", "follow_up", 1),
        ("Followed up with infrastructure", "follow_up", 1),
        ("sent a reminder to deployment", "follow_up", 1),
        ("Next follow-up: ping infra at 18:05", "plan", 0),
        ("waiting on Shopify approval", "blocked", 0),
        ("Captured transcript", "evidence", 0),
        ("Will run the helper", "plan", 0),
        ("Updated the dashboard", "status", 0),
        ("Smoke suite runtime 6m40s", "note", 0),
        ("ticket ‘closed’ by infra", "resolved", 0),
        ("-escalated- (escalated)", "escalation", 1),
        # bringing a manager or an executive in
        ("VP Eng looped in on HS-44721, war room opened", "escalation", 3),
        ("notified the director about the outage", "escalation", 3),
        ("cc'd the support manager on the thread", "escalation", 2),
        ("14:20 escalated to the incident commander, SEV-2 declared", "escalation", 2),
        ("pulled in the on-call lead", "escalation", 2),
        ("Manager informed us the ETA is Friday", "note", 0),
        ("looped in QA on the fix", "note", 0),
        ("brought lead time down to 3h", "note", 0),
        # reaching a manager or an executive directly
        ("paged the CTO about PAY-1", "escalation", 3),
        ("pinged the support manager again", "escalation", 2),
        ("raised it with my manager", "escalation", 2),
        ("pinged vendor about lead time", "follow_up", 1),
        ("raised the rate limit to 500", "note", 0),
        # a ticket that can move again is not resolved
        ("PAY-7 unblocked, vendor sent creds", "status", 0),
        # an alert or a ticket taken up: a first response, no escalation step
        ("Acknowledged", "acknowledged", 0),
        ("Pager fired for checkout latency; acked at 14:07", "acknowledged", 0),
        ("INC-4 ack'd by Ana, then escalated to the manager", "escalation", 2),
        ("alert not acknowledged yet", "note", 0),
        ("Sam Ortiz  10:05 AM ack, looking at REL-90 now", "acknowledged", 0),
        ("Ack - on it", "acknowledged", 0),
        # German and Spanish status words that need no accents
        ("08:30 Uhr INC-307 Zertifikat erneuert, erledigt", "resolved", 0),
        ("INC-9 nicht erledigt", "note", 0),
        ("14:15 Uhr INC-309 Latenz erhöht, an Teamleitung eskaliert", "escalation", 2),
        ("an den Vorstand eskaliert", "escalation", 3),
        ("Alarm quittiert", "acknowledged", 0),
        ("INC-4 resuelto, pendiente el informe", "note", 0),
        ("INC-4 solucionado", "resolved", 0),
        # with accents: French and German
        ("SUP-1182 résolu à 10h05", "resolved", 0),
        ("SUP-1182 pas encore résolu", "note", 0),
        ("escaladé au responsable support", "escalation", 2),
        ("escaladé à la directrice technique", "escalation", 3),
        ("alerte acquittée par @marie", "acknowledged", 0),
        ("INC-3 gelöst", "resolved", 0),
        ("an die Geschäftsführung eskaliert", "escalation", 3),
        ("escalated to the manager per direction", "escalation", 2),  # (English 'direction' is no executive)
        # a queue is a thing ops watch; only 'queued' says something is planned
        ("REL-95 queue backlog growing, pinging @oncall", "follow_up", 1),
        ("queued the rollback for tonight", "plan", 0),
        ("LB drops the TCP ack after 30s", "note", 0),
        ("SYN/ACK retransmits seen on the edge", "note", 0),
        ("WEB-320 missed; escalated to Dir. Eng on 10/8", "escalation", 3),
        ("Escalating to @eng-director since the release is blocked", "escalation", 3),
        ("escalated to @payments-manager", "escalation", 2),
        ("escalated via the follow-up form", "escalation", 1),
        # a negation right before the word (or one word before it, in the same clause) cancels it
        ("REL-89 manager was not paged, on-call handled it", "note", 0),
        ("REL-90 not escalated, self-healed after HPA scale-out", "note", 0),
        ("standup: quiet weekend, nothing paged. REL-88 cert rotation still open", "note", 0),
        ("REL-91 nobody acked the page for 20 min", "note", 0),
        ("PagerDuty: Unacknowledged (ack timeout), re-notifying", "note", 0),
        ("hasn't been escalated yet, following up with infra", "follow_up", 1),
        ("no longer blocked on the vendor", "note", 0),
        ("Vendor call not confirmed yet", "note", 0),
        ("nothing pending; rollback done", "resolved", 0),
        # ... but not past a clause break, nor a word also written un-negated
        ("no ack from on-call, escalated to the manager", "escalation", 2),
        ("no reply -> escalated to the director", "escalation", 3),
        ("not paged at 10:00; paged the manager at 10:30", "escalation", 2),
        ("nobody answered, so paged the CTO", "escalation", 3),
        ("not resolved", "note", 0),
        ("paged the CTO", "escalation", 3),
        # an alert that closed itself is resolved
        ("REL-409 alert auto-resolved", "resolved", 0),
        ("Opsgenie: alert auto-closed", "resolved", 0),
        ("REL-411 self-resolved after the cache warmed", "resolved", 0),
        # alerting tools' words for a problem back again
        ("Sentry: Regression: TypeError: Cannot read properties of undefined", "reopened", 0),
        ("Datadog: Re-Triggered: payments-webhook 5xx rate > 5% on prod", "reopened", 0),
        ("alert retriggered after the rollback", "reopened", 0),
        ("ran the regression suite, all green", "status", 0),
        # bringing a manager or an executive in, as it happens
        ("looping in our director, this is customer facing", "escalation", 3),
        ("pulling in the eng manager now", "escalation", 2),
        ("roping in the VP of Eng", "escalation", 3),
        ("bringing in the support manager", "escalation", 2),
        ("pulling in the latest logs", "note", 0),
        # a resolution still to come is none
        ("CHG-1300 approved; deploy Fri 22:00 ET, expected done 00:30 ET Sat.", "note", 0),
        ("migration to be completed tonight", "note", 0),
        ("PR will be merged tomorrow", "plan", 0),
        ("cert rotation done by 17:00", "note", 0),
        ("fix done by Friday", "note", 0),
        ("fixed by @bob after the rollback", "resolved", 0),
        ("PR merged; deploy to be done tonight", "resolved", 0),
        ("TLS cert to be renewed by Friday", "note", 0),
        ("OPS-13 should be solved by 12:00", "note", 0),
        ("OPS-15 cert renewed, valid till 2026", "resolved", 0),
        # managers and executives by their short titles, as whole words
        ("escalated to Eng Mgr", "escalation", 2),
        ("escalated to the EM", "escalation", 2),
        ("paged the eng mgr", "escalation", 2),
        ("escalated to VPE", "escalation", 3),
        ("escalated to the VPoE", "escalation", 3),
        ("escalated to SVP Ops", "escalation", 3),
        ("escalated to EVP", "escalation", 3),
        ("escalated to the vpn team: emergency change", "escalation", 1),
    ],
)
def test_kind_and_level(text, kind, level):
    assert ex.classify(text, ex.words(text), False) == (kind, level)
    assert ex.classify(text, ex.keywords(text), False) == (kind, level)


def test_deadline_kind_and_stated_missed():
    assert ex.classify("rotation doc ETA 2025-10-10", ex.words("rotation doc ETA 2025-10-10"), True) == (
        "deadline", 0)
    for text, missed in [
        ("Infra missed the ETA", True), ("ETA slipped", True), ("handoff overdue", True),
        ("we blew the window", True), ("past due since Friday", True), ("we're a day late", True),
        ("no later than 09:00", False), ("the latest ETA", False), ("past discussions", False),
    ]:
        assert ex.stated_missed(text, ex.words(text)) is missed, text


def test_item_time_rules():
    text = (
        "## 2025-10-10 Day (06:00 UTC)\n"
        "- missed the 17:00 UTC ETA; re-escalated at 17:20 UTC\n"
        "- no time here\n"
        "- ETA 2025-10-15 17:00 UTC only a deadline\n"
        "- 21:45 to 23:28 UTC outage, then 2025-10-11 01:00 UTC recovery\n"
        "- `artifacts/x_2025-10-10T02-50-44Z.log` only a stamp\n"
    )
    ev = parse_log(text, "x.md").events
    assert ev["at"].tolist() == [
        ts("2025-10-10 17:20"), ts("2025-10-10 06:00"), ts("2025-10-10 06:00"), ts("2025-10-10 21:45"),
        ts("2025-10-10 06:00")]
    assert ev["at_precision"].tolist() == ["minute"] * 5
    assert ev["end_at"].iloc[3] == ts("2025-10-10 23:28")
    assert ev["times"].iloc[3] == [dt.datetime(2025, 10, 10, 21, 45, tzinfo=dt.UTC),
                                   dt.datetime(2025, 10, 11, 1, 0, tzinfo=dt.UTC)]
    assert ev["times"].iloc[2] == [] and ev["kind"].iloc[2] == "deadline"


# --- bad input through read_logs --------------------------------------------------------------------


def test_bad_files_are_problems_and_the_others_still_parse(tmp_path: Path):
    good = tmp_path / "good.md"
    good.write_text("# G\n## 2025-10-10\n- 10:00 UTC ok\n", encoding="utf-8")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "bad_dates.md").write_text("## 2025-13-40 Oops\n- 25:61 UTC what\n", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")  # not a log suffix: ignored in a folder
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    (empty_dir / "readme.json").write_text("{}", encoding="utf-8")
    logs = read_logs([tmp_path, empty_dir, tmp_path / "missing.md", str(tmp_path / "*.nomatch")])
    d = str(tmp_path)
    assert sorted(problems(logs)) == sorted([
        (f"{d}/bad_dates.md", 1, "date", "impossible date 2025-13-40"),
        (f"{d}/bad_dates.md", 2, "time", "impossible time 25:61"),
        (f"{d}/binary.md", None, "file", "binary file (NUL or control bytes), skipped"),
        (f"{d}/empty.md", None, "file", "empty file"),
        (f"{d}/nothing", None, "file", "folder holds no log files (*.md, *.markdown, *.txt)"),
        (f"{d}/missing.md", None, "file", "no such file or folder"),
        (f"{d}/*.nomatch", None, "file", "no files match this pattern"),
    ])
    assert logs.docs["source"].tolist() == [f"{d}/bad_dates.md", f"{d}/good.md"]
    assert logs.events.loc[logs.events["source"] == str(good), "at"].tolist() == [ts("2025-10-10 10:00")]
    assert sorted(logs.failed) == sorted([f"{d}/binary.md", f"{d}/empty.md", f"{d}/nothing",
                                          f"{d}/missing.md", f"{d}/*.nomatch"])


def test_unreadable_file_is_a_problem(tmp_path: Path, monkeypatch):
    locked = tmp_path / "locked.md"
    locked.write_text("# L\n- x\n", encoding="utf-8")
    other = tmp_path / "other.md"
    other.write_text("# O\n- y\n", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:  # running as root ignores chmod, so refuse like the OS would
        if self.name == "locked.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    logs = read_logs([locked, other])
    assert problems(logs) == [(str(locked), None, "file", "permission denied")]
    assert logs.events["text"].tolist() == ["y"]


def test_glob_and_single_path_forms(examples):
    by_glob = read_logs(str(examples / "feedback" / "*.md"))
    by_dir = read_logs(examples / "feedback")
    assert by_glob.docs["source"].tolist() == by_dir.docs["source"].tolist()
    assert len(by_glob.docs) == 4


def test_time_hint_is_a_superset_of_find_times(examples):
    """Items the cheap pre-check skips must hold no mention find_times would return."""
    from occ_lib import times
    from occ_lib.logs import _may_have_times

    texts = [
        t for f in sorted((examples / "feedback").glob("*.md"))
        for t in parse_log(f.read_bytes(), str(f)).events["text"]
    ]
    texts += [
        "9am sync", "7 AM Eastern", "21h30", "12:00 noon", "Oct 11", "OCT 11", "11 Oct 2025",
        "2025-10-11", "tomorrow", "Yesterday", "[???]", "??:??", "XX:XX", "ETA TBD", "(Time TBC)",
        "9 a.m. call", "by noon", "deploy #412 at HTTP 200", "three items", "0900Z standup", "ETA 1730 UTC",
    ]
    skipped = [t for t in texts if not _may_have_times(t)]
    assert "three items" in skipped and "deploy #412 at HTTP 200" in skipped
    for t in texts:
        if not _may_have_times(t):
            assert times.find_times(t, day=dt.date(2025, 10, 10)) == [], t


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "0", "7", "12", "2025", ":", "h", "-", " ", "am", "PM", "noon", "Oct", "oct", "OCT", "11", "?", "[", "]",
    "TBC", "tbc", "xx", "today", "ETA", "by", "UTC", "Z", "T", "Mon", ",", "/", "`", ".", "+02:00",
    "0930", "GMT", "Friday", "tue", "due", "missed", "EST",
]), max_size=12))
def test_time_hint_never_skips_a_mention(parts):
    from occ_lib import times
    from occ_lib.logs import _may_have_times

    text = "".join(parts)
    if not _may_have_times(text):
        assert times.find_times(text, day=dt.date(2025, 10, 10)) == []


# --- never raises --------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_arbitrary_text_never_raises(text):
    logs = parse_log(text, "h.md")
    assert not any(r.startswith("could not be parsed") for r in logs.problems["reason"])


MD_BITS = st.sampled_from([
    "# ", "## ", "- ", "  - ", "1. ", "| a | b |\n", "|---|---|\n", "---\n", "```\n", "\n", "\r\n", "> ",
    "2025-10-10 ", "2025-13-40 ", "25:61 ", "07:18Z ", "[???] ", "(Time TBC) ", "ETA ", "DEPLOY-147 ",
    "tz: Mars/X\n", "yesterday ", "â€” ", "`x`", "#chan ", "https://h/?token=s ", "HTTP 200 ", "\t", ":",
    # the shapes of 2026-11-30: outline days, paragraphs, e-mail fields, bold day lines, week headings
    "    - ", "[[2025-10-08]]", "Subject: RE: x\n", "Sent: Thursday, October 9, 2025 4:12 PM\n",
    "**Tue 10/7**\n", "## Week of Oct 6\n", "Yesterday: ", "5p ", "<2025-10-08 Wed 14:00>", " → 10/10",
    "date: 2025-10-09\n", "### @bob commented on Oct 8, 2025, 4:01 PM PDT\n",
    # and of the evening: ticket keys as message openers, steps, a status page, slash orders
    "REL-91: ", "; resolved ", ", paged ", "Posted Oct 09, 2025 - 14:51 EDT\n", "date_order: dmy\n",
    "3/11/2025 ", "[9:02 AM] Maria Lopez\n", "ack, ",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(MD_BITS, st.text(max_size=8)), max_size=40))
def test_arbitrary_markdown_never_raises(parts):
    logs = parse_log("".join(parts), "h.md")
    assert not any(r.startswith("could not be parsed") for r in logs.problems["reason"])
    assert all(isinstance(v, list) for v in logs.events["tickets"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(data):
    logs = parse_log(data, "h.md")
    assert not any(r.startswith("could not be parsed") for r in logs.problems["reason"])


def test_html_comments_and_struck_out_deadlines_are_not_read():
    text = (
        "## 2025-10-06\n"
        "- 10:15 suite started (QA-501)\n"
        "<!-- - 11:00 removed: duplicate of QA-9 ETA 11:30\n"
        "- 12:00 also hidden -->\n"
        "- ~~ETA 12:00~~ ETA 14:00 UTC for the results (QA-501)\n"
        "- 13:00 smoke <!-- was 12:45, QA-7 --> done\n"
        "- struck ~~ETA 2025-10-07~~ and nothing else\n"
    )
    logs = parse_log(text, "x.md")
    ev = logs.events
    assert ev["line"].tolist() == [2, 5, 6, 7]
    assert ev["text"].iloc[2] == "13:00 smoke done"
    assert ev["tickets"].tolist() == [["QA-501"], ["QA-501"], [], []]
    assert ev["at"].tolist()[:3] == [ts("2025-10-06 10:15"), ts("2025-10-06"), ts("2025-10-06 13:00")]
    assert logs.deadlines["due_at"].tolist() == [ts("2025-10-06 14:00")]
    assert logs.deadlines["line"].tolist() == [5]


def test_a_weekday_governed_by_a_deadline_word_is_a_date_only_deadline():
    text = (
        "## 2025-10-06 Monday\n"
        "- QA-502 smoke due Wednesday\n- ETA Friday for the vendor fix (QA-503)\n"
        "- shipped Friday, blocked by Friday's deploy\n"
    )
    dl = parse_log(text, "x.md").deadlines
    assert dl["due_at"].tolist() == [ts("2025-10-08"), ts("2025-10-10")]
    assert dl["due_precision"].tolist() == ["day", "day"]
    assert dl["keyword"].tolist() == ["due", "ETA"]


def test_year_less_dates_in_undated_sections_read_against_the_front_matter_or_last_dated_section():
    text = (
        "---\ndate: 2025-10-06\n---\n# Deploy train\nAll times Pacific.\n"
        "## Week 41\n- Mon 10/06 09:00 — train cut, DEPLOY-201\n"
        "- Wed 10/08 — canary held: DEPLOY-201 blocked, ETA Thu 10/09 noon\n"
        "- Thu 10/09 13:10 — missed the noon ETA (DEPLOY-201)\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.problems.empty
    ev = logs.events
    assert ev["at"].tolist() == [ts("2025-10-06 16:00"), ts("2025-10-08"), ts("2025-10-09 20:10")]
    assert ev["at_precision"].tolist() == ["minute", "day", "minute"]
    dl = logs.deadlines
    assert dl["due_at"].tolist() == [ts("2025-10-09 19:00"), ts("2025-10-09 19:00")]
    assert dl["stated_missed"].tolist() == [False, True]
    # without the front matter nothing gives these dates a year: each is a problem
    bare = parse_log(text.split("---\n", 2)[2], "x.md")
    assert bare.problems["reason"].tolist()[:2] == [
        "date without a year 10/06", "date without a year 10/08"
    ]


def test_a_heading_that_declares_a_zone_sets_it_for_its_section_only():
    text = (
        "# Ops log\n"
        "## 2025-10-08 Tokyo handoff (all times JST)\n- 09:00 handed over\n"
        "| Time | Event |\n|---|---|\n| 10:00 | paged |\n| 11:00 UTC | noted |\n"
        "### Details\n- 11:00 more\n"
        "## 2025-10-08 London\n- 09:00 picked up\n"
    )
    logs = parse_log(text, "x.md")
    # the section's declaration is not the document's: without it the document stays in UTC
    assert logs.docs["tz"].tolist() == ["UTC"]
    assert logs.events["at"].tolist() == [
        ts("2025-10-08 00:00"), ts("2025-10-08 01:00"), ts("2025-10-08 11:00"), ts("2025-10-08 02:00"),
        ts("2025-10-08 09:00"),
    ]
    declared = parse_log("All times in PDT.\n" + text, "x.md")
    assert declared.docs["tz"].tolist() == ["America/Los_Angeles"]
    assert declared.events["at"].tolist()[-1] == ts("2025-10-08 16:00")


def test_a_due_column_makes_its_dates_deadlines_and_the_status_may_say_missed():
    text = (
        "# Postmortem — INC-88\n## 2025-10-08 Timeline\n"
        "| Time (UTC) | Event |\n|---|---|\n| 14:10 | SEV2 declared, IC paged |\n"
        "## Action items\n| Action | Owner | **Due date** | Status |\n|---|---|---|---|\n"
        "| Retry budget (PAY-501) | kim | 2025-10-10 | Overdue |\n"
        "| Alert on 5xx (OBS-77) | lee | Oct 15 | Open |\n"
        "| Runbook (DOC-12) | ana | | Done 2025-10-09 |\n"
    )
    logs = parse_log(text, "x.md")
    ev = logs.events
    assert ev[["kind", "level"]].values.tolist() == [
        ["escalation", 2], ["deadline", 0], ["deadline", 0], ["resolved", 0]
    ]
    assert ev["tickets"].tolist() == [["INC-88"], ["PAY-501"], ["OBS-77"], ["DOC-12"]]
    # the due dates are not when the rows happened; a date in another column still is
    assert pd.isna(ev["at"].iloc[1]) and pd.isna(ev["at"].iloc[2])
    assert ev["at"].iloc[3] == ts("2025-10-09")
    dl = logs.deadlines
    assert dl["due_at"].tolist() == [ts("2025-10-10"), ts("2025-10-15")]
    assert dl["keyword"].tolist() == ["due", "due"]
    assert dl["stated_missed"].tolist() == [True, False]
    assert dl["text"].iloc[0] == "Retry budget (PAY-501) | kim | 2025-10-10 | Overdue"


def test_a_deadline_column_may_name_its_own_zone_which_is_not_the_rows():
    # 'ETA (AEDT)': that column's times are Sydney's; the Time column's stay in the document's zone
    text = (
        "---\ntz: UTC\n---\n## 2025-10-09\n"
        "| Time | Ticket | ETA (AEDT) |\n|---|---|---|\n| 15:30 | NOC-701 | 2025/10/10 09:00 |\n\n"
        "| Time | Ticket | Due (IST) |\n|---|---|---|\n| 15:30 | NOC-706 | 2025/10/10 |\n\n"
        "| Action | Deadline - ET |\n|---|---|\n| CHG-1290 | 2025-10-22 18:00 |\n"
        "| CHG-1291 | 2025-10-22 18:00 PT |\n| CHG-1292 | 2025-10-22 18:00Z |\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.events["at"].tolist()[:2] == [ts("2025-10-09 15:30"), ts("2025-10-09 15:30")]
    dl = logs.deadlines
    assert dl["tickets"].tolist() == [["NOC-701"], ["NOC-706"], ["CHG-1290"], ["CHG-1291"], ["CHG-1292"]]
    assert dl["due_at"].tolist() == [
        ts("2025-10-09 22:00"), ts("2025-10-10"), ts("2025-10-22 22:00"), ts("2025-10-23 01:00"),
        ts("2025-10-22 18:00"),
    ]


def test_prose_lines_that_open_with_their_time_are_items():
    text = (
        "# Chat paste\n\nSome intro at 08:00 is prose.\n\n## 2025-10-07\n"
        "[09:30] kim: deploy of PAY-9 started\n[09:42] lee: canary fine\n  still watching\n"
        "**10:15** rollout 50%\n2025-10-08 11:00 rollout 100%\n"
        "- 14:00 a list item\n15:00 lazy continuation of the list item\n\n16:00 after a blank\n"
    )
    ev = parse_log(text, "x.md").events
    # (the intro is a paragraph that names a time: an event too, in no dated section)
    assert ev["line"].tolist() == [3, 6, 7, 9, 10, 11, 14]
    assert ev["item"].tolist() == ["paragraph", "line", "line", "line", "line", "list", "line"]
    assert ev["text"].tolist()[2] == "[09:42] lee: canary fine still watching"
    assert ev["text"].tolist()[5] == "14:00 a list item 15:00 lazy continuation of the list item"
    assert ev["at"].tolist() == [
        pd.NaT, ts("2025-10-07 09:30"), ts("2025-10-07 09:42"), ts("2025-10-07 10:15"),
        ts("2025-10-08 11:00"), ts("2025-10-07 14:00"), ts("2025-10-07 16:00"),
    ]
    assert ev["tickets"].tolist()[1] == ["PAY-9"]


def test_setext_headings_banners_and_date_lines_are_sections():
    text = (
        "Ops log\n=======\n\n2025-10-07\n----------\n09:30 deploy started\n\n"
        "=== 2025-10-09 ===\n11:00 cutover\n\n**Oct 10, 2025**\n08:00 early\n\n"
        "Wednesday, October 15, 2025:\n- 07:00 late\n- item\n---\n\nA paragraph\n---\n"
    )
    logs = parse_log(text, "x.txt")
    assert logs.docs["title"].tolist() == ["Ops log"]
    s = logs.sections
    assert s["line"].tolist() == [4, 8, 11, 14, 19]
    assert s["level"].tolist() == [2, 2, 2, 2, 2]
    assert s["title"].tolist()[:4] == ["", "", "", ""]
    assert s["date"].tolist()[:4] == [ts("2025-10-07"), ts("2025-10-09"), ts("2025-10-10"), ts("2025-10-15")]
    assert s["heading"].iloc[4] == "A paragraph"
    ev = logs.events
    assert ev["at"].tolist() == [
        ts("2025-10-07 09:30"), ts("2025-10-09 11:00"), ts("2025-10-10 08:00"), ts("2025-10-15 07:00"),
        ts("2025-10-15"),
    ]


def test_a_duration_after_eta_is_a_deadline_from_the_items_time():
    text = (
        "## 2025-10-07\n- 14:00 UTC PAY-1 vendor says ETA 30 min\n- 14:10 UTC PAY-2 fix ETA ~2h\n"
        "- 14:20 UTC PAY-3 must be resolved within 3 days\n- 14:30 UTC PAY-4 retry in 2 hours\n"
        "- PAY-5 ETA 45 min, no time written\n- 15:00 UTC PAY-6 beta 2h\n"
    )
    logs = parse_log(text, "x.md")
    dl = logs.deadlines
    assert dl["tickets"].tolist() == [["PAY-1"], ["PAY-2"], ["PAY-3"]]
    assert dl["due_at"].tolist() == [ts("2025-10-07 14:30"), ts("2025-10-07 16:10"), ts("2025-10-10 14:20")]
    assert dl["keyword"].tolist() == ["ETA", "ETA", "within"]
    assert dl["due_precision"].tolist() == ["minute"] * 3
    assert logs.events["kind"].tolist() == ["deadline", "deadline", "deadline", "note", "note", "note"]
    # known only to the day, an item's 'ETA ~2 days' is due that many days after it (a date-only
    # deadline); a duration in hours needs a time
    day_only = parse_log(
        "## 2025-10-07\n- PAY-7 vendor ETA ~2 days\n- PAY-8 ETA 3h\n- PAY-9 fix ETA 3d\n", "d.md"
    ).deadlines
    assert day_only[["tickets", "due_at", "due_precision"]].values.tolist() == [
        [["PAY-7"], ts("2025-10-09"), "day"], [["PAY-9"], ts("2025-10-10"), "day"]
    ]


INCIDENT = """---
owner: qa
tz: Europe/Berlin
---
# Incident report: checkout latency (INC-301)

**Status:** Resolved
**Detected:** 2025-10-09 14:02 CEST
**Resolved:** 2025-10-09 18:40 UTC
**Severity:** SEV-2

## Timeline (all times CEST)

| Time | Event |
|------|-------|
| 14:02 | Alert fired for INC-301 |
| 15:30 | Escalated INC-301 to engineering manager |
| 20:40 | INC-301 resolved |

## Action items

| Item | Owner | Due | Status |
|------|-------|-----|--------|
| Load test for checkout (QA-77) | @bob | 10/14 | Open |
| Postmortem review | @lee | 10/13/2025 | Overdue |

## Follow-ups
- QA-78 ETA next Tue
"""


def test_an_incident_report_is_dated_by_its_header_lines():
    # '**Detected:** 2025-10-09 14:02 CEST' opens with a key and its time: an item, one per line;
    # before any section it dates the document, as a dated title would: the timeline table's
    # times are that day's (in the heading's CEST) instead of times without a date
    logs = parse_log(INCIDENT, "inc.md")
    ev = logs.events
    assert ev[["line", "at", "at_precision", "kind", "item"]].values.tolist() == [
        [8, ts("2025-10-09 12:02"), "minute", "note", "line"],
        [9, ts("2025-10-09 18:40"), "minute", "resolved", "line"],
        [16, ts("2025-10-09 12:02"), "minute", "note", "table"],
        [17, ts("2025-10-09 13:30"), "minute", "escalation", "table"],
        [18, ts("2025-10-09 18:40"), "minute", "resolved", "table"],
        [24, ts("2025-10-09"), "day", "deadline", "table"],
        [25, ts("2025-10-09"), "day", "deadline", "table"],
        [28, ts("2025-10-09"), "day", "plan", "list"],
    ]
    assert ev["text"].iloc[1] == "**Resolved:** 2025-10-09 18:40 UTC"  # ('**Severity:**' is its own line)
    assert ev["tickets"].tolist()[:2] == [["INC-301"], ["INC-301"]]  # (the title's ticket)
    # a bare slash date in a Due column, or after a deadline word, is a date; 'next Tue' has a day now
    dl = logs.deadlines
    assert dl[["line", "due_at", "stated_missed"]].values.tolist() == [
        [24, ts("2025-10-14"), False], [25, ts("2025-10-13"), True], [28, ts("2025-10-14"), False],
    ]
    assert logs.problems.empty


def test_weekday_headings_under_a_week_are_its_days():
    text = (
        "# Deploy train\n\n## Week of Oct 6, 2025\n\n### Monday\n- 09:00 ET DEP-10 cut\n\n"
        "### Tue\n- 10:15 ET DEP-10 rolled to 50%\n\n### Fri 16:00 UTC — freeze\n- DEP-10 done\n\n"
        "## Notes\n### Wednesday\n- undated: no week above it\n"
    )
    logs = parse_log(text, "w.md")
    s = logs.sections
    assert s[["line", "title", "date"]].values.tolist() == [
        [3, "Week of", ts("2025-10-06")], [5, "", ts("2025-10-06")], [8, "", ts("2025-10-07")],
        [11, "freeze", ts("2025-10-10")], [14, "Notes", pd.NaT], [15, "Wednesday", pd.NaT],
    ]
    assert logs.events["at"].tolist() == [
        ts("2025-10-06 13:00"), ts("2025-10-07 14:15"), ts("2025-10-10 16:00"), pd.NaT
    ]


def test_a_pasted_chat_thread_is_one_item_per_message():
    # Slack's copy: the sender and the time on one line, the message below it
    text = (
        "---\ndate: 2025-10-09\ntz: America/New_York\n---\n# #deploy-ops thread\n\n"
        "--- Thursday, October 9th ---\n\n"
        "alice  9:41 AM\ndeploy of PAY-9 is stuck, paging on-call\n"
        "Bob Lee — 9:45 AM\non it, ETA 10:30\nbob [10:32 AM] (edited)\nPAY-9 fixed and verified\n\n"
        "Standup notes follow\nnothing timed here\n"
    )
    ev = parse_log(text, "s.md").events
    assert ev[["line", "at", "kind", "item"]].values.tolist() == [
        [9, ts("2025-10-09 13:41"), "escalation", "line"],
        [11, ts("2025-10-09 13:45"), "deadline", "line"],
        [13, ts("2025-10-09 14:32"), "resolved", "line"],
    ]
    assert ev["text"].tolist()[1] == "Bob Lee — 9:45 AM on it, ETA 10:30"
    assert ev["tickets"].tolist() == [["PAY-9"], [], ["PAY-9"]]
    assert parse_log(text, "s.md").deadlines["due_at"].tolist() == [ts("2025-10-09 14:30")]


def test_a_teams_paste_keeps_a_message_that_opens_with_its_ticket():
    # Teams' copy: '[time] sender' above the message; 'REL-91: ...' is a message about the ticket,
    # not a 'Key: value' header line (which would need a time of its own)
    text = (
        "# Bridge call (Oct 10, 2025)\n\nAll times CT.\n\n"
        "[9:02 AM] Maria Lopez\nREL-91: checkout 5xx spike, paging payments on-call\n\n"
        "[9:07 AM] Sam Ortiz\nacked\n\nREL-92: same spike on refunds\n\nStatus: investigating\n"
    )
    ev = parse_log(text, "t.md").events
    assert ev[["line", "at", "kind", "level", "tickets"]].values.tolist() == [
        [5, ts("2025-10-10 14:02"), "escalation", 1, ["REL-91"]],
        [8, ts("2025-10-10 14:07"), "acknowledged", 0, []],
        [11, ts("2025-10-10"), "note", 0, ["REL-92"]],  # (a field line with no time is no event)
    ]
    assert ev["text"].tolist()[0] == (
        "[9:02 AM] Maria Lopez REL-91: checkout 5xx spike, paging payments on-call")


def test_work_notes_keep_a_message_that_opens_like_a_header_field():
    # a ticket tool's work notes: 'stamp - sender (note type)', then the message, which may open
    # with 'Resolved:'; an incident report's header lines still stay apart
    text = (
        "# INC0012345 — Payment gateway timeouts\n\n"
        "2025-10-09 14:02:11 - Maria Lopez (Work notes)\nPaging on-call. Related: PAY-412\n\n"
        "2025-10-09 16:40:19 - Sam Ortiz (Work notes)\nResolved: pool size raised. PAY-412 closed.\n\n"
        "[9:02 AM] Lee Park\nUpdate: error rate back to normal\n\n"
        "**Detected:** 2025-10-09 14:02 UTC\n**Severity:** SEV-2\n"
    )
    ev = parse_log(text, "w.md").events
    assert ev[["line", "at", "kind", "tickets", "refs"]].values.tolist() == [
        # ('Related: PAY-412' only refers to PAY-412: the page is the incident's, round 11)
        [3, ts("2025-10-09 14:02:11"), "escalation", ["INC0012345"], ["PAY-412"]],
        [6, ts("2025-10-09 16:40:19"), "resolved", ["PAY-412"], []],
        # the title's ServiceNow number is the ticket of the messages that name none of their own
        [9, ts("2025-10-09 09:02"), "status", ["INC0012345"], []],
        [12, ts("2025-10-09 14:02"), "note", ["INC0012345"], []],
    ]
    assert ev["text"].tolist()[2] == "[9:02 AM] Lee Park Update: error rate back to normal"
    assert ev["text"].tolist()[3] == "**Detected:** 2025-10-09 14:02 UTC"


def test_an_activity_log_of_lines_that_open_with_a_worded_date_is_one_item_per_line():
    # Opsgenie's activity log pasted as lines: each opens with its date in words and its time
    text = (
        "# Opsgenie activity — PAY-415 checkout latency\n\n"
        "Oct 9, 2025 2:02 PM EDT Alert created by Datadog: checkout p95 > 2s\n"
        "Oct 9, 2025 2:05 PM EDT Alert acknowledged by Sam Ortiz\n"
        "9 Oct 2025, 14:31 EDT Alert escalated to Payments Managers\n"
        "Thu, October 9, 2025 at 3:10 PM EDT Alert closed by Sam Ortiz\n"
        "Oct 9, 2025 was a long day, and this line is prose.\n"
    )
    ev = parse_log(text, "o.md").events
    assert ev[["line", "at", "kind", "level", "item"]].values.tolist() == [
        [3, ts("2025-10-09 18:02"), "note", 0, "line"],
        [4, ts("2025-10-09 18:05"), "acknowledged", 0, "line"],
        [5, ts("2025-10-09 18:31"), "escalation", 2, "line"],
        [6, ts("2025-10-09 19:10"), "resolved", 0, "line"],
    ]
    assert ev["text"].tolist()[3] == (
        "Thu, October 9, 2025 at 3:10 PM EDT Alert closed by Sam Ortiz "
        "Oct 9, 2025 was a long day, and this line is prose.")


def test_a_notion_export_with_date_mentions_and_html_left_in_it():
    # Notion writes dates as '@' mentions; GitHub-flavoured notes keep <br> and <details> tags
    text = (
        "# Incident review PAY-420\n\n## Timeline\n\n"
        "- @October 9, 2025 2:02 PM (EDT) alerts fired, paged on-call\n"
        "- Fix ETA: @October 10, 2025 12:00 PM (EDT)\n\n"
        "<details><summary>Raw notes</summary>\n\n- 14:05 ack by Sam<br>14:10 rollback started\n"
        "</details>\n"
    )
    logs = parse_log(text, "n.md")
    assert logs.deadlines[["line", "due_at", "keyword"]].values.tolist() == [
        [6, ts("2025-10-10 16:00"), "ETA"]]
    assert logs.events["text"].tolist()[-1] == "14:05 ack by Sam; 14:10 rollback started"
    assert logs.events["kind"].tolist()[-1] == "acknowledged"


def test_an_outline_journal_dates_what_is_nested_under_each_day():
    # Logseq writes a journal as one bullet per day with the day's notes nested under it
    text = (
        "# Data platform journal\n\n- [[2025-10-08]]\n    - 08:30 DATA-77 load failed, paged on-call\n"
        "    - root cause found\n        - 09:10 backfill ETA 18:00 UTC\n"
        "    - DEADLINE: <2025-10-09 Thu 12:00>\n- Oct 9 (Thu)\n    - 07:55 DATA-77 closed\n"
        "- ETA 2025-10-10 for DATA-81\n    - 16:20 pinged #data-eng\n"
        "\n## Undated notes\n- 11:00 no day above this one\n"
    )
    logs = parse_log(text, "j.md")
    e = logs.events
    assert [[k, at, None if pd.isna(p) else p] for k, at, p in e[["line", "at", "at_precision"]].values] == [
        [3, ts("2025-10-08"), "day"], [4, ts("2025-10-08 08:30"), "minute"], [5, ts("2025-10-08"), "day"],
        # (the item that is only a deadline is on its outline day, as under a dated heading)
        [6, ts("2025-10-08 09:10"), "minute"], [7, ts("2025-10-08"), "day"], [8, ts("2025-10-09"), "day"],
        [9, ts("2025-10-09 07:55"), "minute"], [10, pd.NaT, None], [11, pd.NaT, None], [14, pd.NaT, None],
    ]
    assert logs.deadlines[["line", "due_at", "keyword"]].values.tolist() == [
        [6, ts("2025-10-08 18:00"), "ETA"], [7, ts("2025-10-09 12:00"), "deadline"],
        [10, ts("2025-10-10"), "ETA"],
    ]
    # the item that names a deadline dates nothing under it; the undated section has no day either
    assert logs.problems[["line", "token"]].values.tolist() == [[11, "16:20"], [14, "11:00"]]


def test_a_pasted_email_gives_its_telling_paragraphs():
    # an e-mail's sentences are paragraphs: one is an event when it names a ticket, a time or a
    # deadline, or says something reportable; greetings, signatures and header fields are none
    text = (
        "From: Priya Shah\r\nSent: Thursday, October 9, 2025 4:12 PM\r\nTo: ops-leads\r\n"
        "Subject: RE: CHG-880 rollback follow-up\r\n\r\nHi all,\r\n\r\n"
        "CHG-880 is re-scheduled for Monday 10/13 at 9:00 AM CT. Vendor confirmed the fix\r\n"
        "will be in their 10/12 release. Deadline for sign-off is Friday 10/10 5pm CT.\r\n\r\n"
        "I escalated the vendor delay to our VP Eng this morning.\r\n\r\nThanks,\r\nPriya\r\n"
    )
    logs = parse_log(text.encode(), "mail.txt")
    e = logs.events
    assert e[["line", "item", "kind", "level"]].values.tolist() == [
        [2, "paragraph", "note", 0], [8, "paragraph", "plan", 0], [11, "paragraph", "escalation", 3],
    ]
    # the 'Sent:' field dates the message; '10/13 at 9:00 AM CT' is then in its year
    assert e["at"].tolist() == [ts("2025-10-09 16:12"), ts("2025-10-13 14:00"), ts("2025-10-09")]
    # (the subject's ticket is the body's, as a title's is: the escalation is about CHG-880)
    assert e["tickets"].tolist() == [[], ["CHG-880"], ["CHG-880"]]
    assert e["text"].tolist()[1].endswith("release. Deadline for sign-off is Friday 10/10 5pm CT.")
    assert logs.deadlines[["line", "due_at", "keyword"]].values.tolist() == [
        [8, ts("2025-10-10 22:00"), "deadline"]
    ]
    assert logs.docs["events"].tolist() == [3]
    assert logs.docs["title"].tolist() == ["CHG-880 rollback follow-up"]  # (the Subject, without RE:)
    # (the log declares no zone: the 'Sent:' time is read as UTC, and said so)
    assert logs.problems[["line", "what", "token", "reason"]].values.tolist() == [
        [2, "time", "Sent: Thursday, October 9, 2025 4:12 PM",
         "time without zone in a pasted email header, read as UTC"],
    ]


def test_bold_day_lines_without_a_year_are_sections():
    # '**Tue 10/7**' and '**Oct 9**' on a line of their own head a day's notes: the year comes from
    # the date before them (here the 'Date:' field); a slash date needs its weekday to be one
    text = (
        "# Payments squad\n\nDate: October 8, 2025\n\n## Daily notes\n\n**Mon 10/6**\n- kickoff PAY-510\n\n"
        "**Tue 10/7**\n- 10:05 ET PAY-510 down to 900\n- PAY-501 re-run tomorrow 2pm ET\n\n"
        "**Oct 9**\n- 09:00 UTC PAY-501 done\n\n**3/4**\n- 10:00 UTC ratio line\n"
    )
    logs = parse_log(text, "s.md")
    s = logs.sections
    assert s[["line", "title", "date"]].values.tolist() == [
        [5, "Daily notes", ts("2025-10-08")], [7, "", ts("2025-10-06")], [10, "", ts("2025-10-07")],
        [14, "", ts("2025-10-09")],
    ]
    assert logs.events[["line", "at"]].values.tolist() == [
        [3, ts("2025-10-08")], [8, ts("2025-10-06")], [11, ts("2025-10-07 14:05")],
        [12, ts("2025-10-08 18:00")], [15, ts("2025-10-09 09:00")], [18, ts("2025-10-09 10:00")],
    ]


def test_a_missed_deadline_after_a_dash_is_no_replacement():
    # 'slips to Monday — missed Friday target': the dash ends the clause that moved the deadline
    logs = parse_log("## 2025-10-08\n- PAY-507 fix slips to Monday — missed Friday target\n", "d.md")
    assert logs.deadlines[["due_at", "keyword", "stated_missed"]].values.tolist() == [
        [ts("2025-10-10"), "target", True]
    ]


def test_a_comment_thread_reads_under_each_comments_zone_and_skips_quotes():
    # a GitHub issue pasted as markdown: each comment's heading is timed in the writer's zone, and
    # a reply quotes the message it answers
    text = (
        "# DEPLOY-201: staging deploys fail\n\n### @alice commented on Oct 8, 2025, 3:12 PM PDT\n"
        "Bumping this — DEPLOY-201 is still failing.\n\n### @bob commented on Oct 8, 2025, 4:01 PM PDT\n"
        "Looking now. ETA for a fix: tomorrow noon.\n\n> Bumping this — DEPLOY-201 is still failing.\n\n"
        "### @carol commented on Oct 9, 2025\nEscalating to @eng-director, release blocked.\n"
    )
    logs = parse_log(text, "gh.md")
    e = logs.events
    assert e[["line", "at", "kind", "level"]].values.tolist() == [
        [4, ts("2025-10-08 22:12"), "note", 0], [7, ts("2025-10-08 23:01"), "plan", 0],
        [12, ts("2025-10-09"), "escalation", 3],
    ]
    # 'tomorrow noon' under a comment timed in PDT is noon in Los Angeles
    assert logs.deadlines["due_at"].tolist() == [ts("2025-10-09 19:00")]
    # a declared zone still wins over a heading's
    declared = parse_log("All times UTC.\n\n## Oct 8, 2025, 4:01 PM PDT\n- DEPLOY-1 ETA 18:00\n", "d.md")
    assert declared.deadlines["due_at"].tolist() == [ts("2025-10-08 18:00")]


def test_the_front_matters_date_dates_a_document_without_dated_headings():
    # a postmortem: 'date:' in the front matter, a timeline table of bare times, action items
    text = (
        "---\ndate: 2025-10-09\ntz: America/New_York\n---\n# Postmortem: checkout outage (INC-410)\n\n"
        "## Timeline\n| Time (ET) | Event |\n|---|---|\n| 14:09 | IC declared, VP Eng paged |\n"
        "| 14:51 | incident resolved |\n\n## Action items\n1. pool alert — due end of month\n"
        "2. runbook review by Friday\n\n## 2025-10-10 follow-up\n- 09:00 review held\n"
    )
    logs = parse_log(text, "pm.md")
    assert logs.sections["date"].tolist() == [ts("2025-10-09"), ts("2025-10-09"), ts("2025-10-10")]
    assert logs.events[["line", "at", "kind", "level"]].values.tolist() == [
        [10, ts("2025-10-09 18:09"), "escalation", 3], [11, ts("2025-10-09 18:51"), "resolved", 0],
        [14, ts("2025-10-09"), "deadline", 0], [15, ts("2025-10-09"), "deadline", 0],
        [18, ts("2025-10-10 13:00"), "note", 0],
    ]
    assert logs.deadlines["due_at"].tolist() == [ts("2025-10-31"), ts("2025-10-10")]
    assert logs.problems.empty
    # 'last_reviewed' is when the document was read again, not the day it is about
    reviewed = parse_log("---\nlast_reviewed: 2025-10-09\n---\n# Log\n- 14:09 paged\n", "r.md")
    assert reviewed.events["at"].isna().tolist() == [True]


def test_a_timeline_table_with_date_and_time_columns():
    # 'Date | Time' cells are one instant; a year-less date takes the year of the date written before
    text = (
        "# Timeline\n\n| Date | Time | Event |\n|---|---|---|\n| 2025-10-08 | 14:02 | INC-1 paged on-call |\n"
        "| Oct 9 | 09:15 | INC-1 resolved |\n| 10/09 | 10:00 | INC-2 opened |\n"
    )
    logs = parse_log(text, "t.md")
    assert logs.events["at"].tolist() == [
        ts("2025-10-08 14:02"), ts("2025-10-09 09:15"), ts("2025-10-09 10:00")
    ]
    assert logs.problems.empty


def test_weekdays_under_a_week_heading_are_that_weeks():
    # '## Week of Oct 6' (or 'Weekly status - Oct 10', 'W41'): a weekday in an item is that day of the
    # week (Monday to Sunday), not the last one before the heading's date
    text = (
        "# Ops\n\n## Week of Oct 6, 2025\n- Thu 9:05 AM ET pinged VEN-1\n- VEN-2 ETA Fri\n"
        "- VEN-3 ETA next Mon\n\n## Weekly status - Oct 10, 2025\n### Notes\n- Mon 09:00 UTC kickoff\n"
        "- Sun 10:00 UTC retro\n\n## 2025-10-08\n- Mon 09:00 UTC before the date, as ever\n"
    )
    logs = parse_log(text, "w.md")
    assert logs.events[["line", "at"]].values.tolist() == [
        # (the undated items after Thursday's are on Thursday, round 16: logs._week_days)
        [4, ts("2025-10-09 13:05")], [5, ts("2025-10-09")], [6, ts("2025-10-09")],
        [10, ts("2025-10-06 09:00")], [11, ts("2025-10-12 10:00")], [14, ts("2025-10-06 09:00")],
    ]
    assert logs.deadlines[["line", "due_at"]].values.tolist() == [
        [5, ts("2025-10-10")], [6, ts("2025-10-13")]
    ]


def test_standup_shorthand_y_is_yesterday_under_a_standup_heading():
    text = (
        "# Platform\nAll times UTC.\n\n## Standup — Fri Oct 10, 2025\n### Alice\n"
        "- Y: PLAT-91 canary went live 2:20 PM\n- T: monitor PLAT-91\n### Bob\n- **Y:** escalated PLAT-77\n\n"
        "## Notes — Fri Oct 10, 2025\n- Y: axis label of the p95 chart, 14:00\n"
    )
    logs = parse_log(text, "s.md")
    assert logs.events[["line", "at"]].values.tolist() == [
        [6, ts("2025-10-09 14:20")], [7, ts("2025-10-10")], [9, ts("2025-10-09")],
        [12, ts("2025-10-10 14:00")],  # (no standup there: 'Y:' is just a label)
    ]
    assert logs.events["text"].tolist()[0] == "Y: PLAT-91 canary went live 2:20 PM"  # (the text as written)


def test_a_document_reads_slash_dates_in_its_own_order():
    # a Sydney team writes day first: its zone says so, as would a '13/11/2025' anywhere in it
    syd = (
        "---\ntz: Australia/Sydney\n---\n# Platform team\n\n## 10/11/2025\n"
        "- 09:15 PLAT-12 failover drill started\n- PLAT-12 ETA 12/11 17:00 for the report\n"
    )
    logs = parse_log(syd, "syd.md")
    assert logs.docs["date_order"].tolist() == ["dmy"]
    assert logs.events["at"].tolist() == [ts("2025-11-09 22:15"), ts("2025-11-10")]
    assert logs.deadlines["due_at"].tolist() == [ts("2025-11-12 06:00")]
    assert logs.problems.empty
    # the front matter's date_order wins over the zone; a value it cannot read is a problem
    us = syd.replace("tz: Australia/Sydney", "tz: Australia/Sydney\ndate_order: month first")
    logs = parse_log(us, "us.md")
    assert (logs.docs["date_order"].tolist(), logs.sections["date"].tolist()) == (["mdy"], [ts("2025-10-11")])
    bad = parse_log(syd.replace("tz: Australia/Sydney", "date_order: ymd"), "bad.md")
    assert bad.docs["date_order"].isna().tolist() == [True]
    assert bad.problems[["line", "what", "token", "reason"]].values.tolist()[0] == [
        2, "front_matter", "ymd", "date_order: expected dmy (day first) or mdy (month first)"]


def test_an_item_that_tells_of_several_steps_at_their_times_gives_one_event_per_step():
    text = (
        "## 2025-10-08\n"
        "- INC-305 disk pressure on db-3: @oncall-secondary paged 0340 UTC, resolved 04:05 UTC\n"
        "- INC-306 14:02 paged on-call; 14:20 escalated to the eng manager; then 15:10 resolved\n"
        "- INC-307 pinged infra 09:00 UTC, pinged again 11:00 UTC\n"
        "- 07:55 backfill done late (finished 2025-10-08 21:40 UTC), DATA-77 closed\n"
        "- INC-308 escalated to L2 at 11:20; handed over to the night shift 13:00\n"
        "- INC-309 paged at 09:00,10:00 UTC and resolved\n"
        "- INC-310 PagerDuty: Triggered 10:14 AM EDT, Acknowledged by Dev 10:41 AM EDT, "
        "Resolved 11:48 AM EDT\n"
        "- INC-311 Incident 14:02 UTC, resolved at 15:10 UTC\n"
        "- INC-312 [RESOLVED] HighLatency Starts at 2025-10-08 14:02:11 +0000 UTC, "
        "Ends at 2025-10-08 15:48:30 +0000 UTC\n"
    )
    logs = parse_log(text, "h.md")
    got = logs.events[["line", "at", "kind", "level", "tickets"]].values.tolist()
    assert got == [
        [2, ts("2025-10-08 03:40"), "follow_up", 1, ["INC-305"]],
        [2, ts("2025-10-08 04:05"), "resolved", 0, ["INC-305"]],
        [3, ts("2025-10-08 14:02"), "escalation", 1, ["INC-306"]],
        [3, ts("2025-10-08 14:20"), "escalation", 2, ["INC-306"]],
        [3, ts("2025-10-08 15:10"), "resolved", 0, ["INC-306"]],
        [4, ts("2025-10-08 09:00"), "follow_up", 1, ["INC-307"]],
        [4, ts("2025-10-08 11:00"), "follow_up", 1, ["INC-307"]],
        # no break between its times: one thing, at its first time; one step that tells: one event
        [5, ts("2025-10-08 07:55"), "resolved", 0, ["DATA-77"]],
        [6, ts("2025-10-08 11:20"), "escalation", 1, ["INC-308"]],
        # (a comma with no space after it lists times: no break between steps)
        [7, ts("2025-10-08 09:00"), "resolved", 0, ["INC-309"]],
        # the first step is the item's own time, whatever it tells
        [8, ts("2025-10-08 14:14"), "note", 0, ["INC-310"]],
        [8, ts("2025-10-08 14:41"), "acknowledged", 0, ["INC-310"]],
        [8, ts("2025-10-08 15:48"), "resolved", 0, ["INC-310"]],
        [9, ts("2025-10-08 14:02"), "note", 0, ["INC-311"]],
        [9, ts("2025-10-08 15:10"), "resolved", 0, ["INC-311"]],
        # a resolution timed by a range: what began at its start was resolved at its end
        [10, ts("2025-10-08 14:02:11"), "note", 0, ["INC-312"]],
        [10, ts("2025-10-08 15:48:30"), "resolved", 0, ["INC-312"]],
    ]
    assert logs.docs["events"].tolist() == [17]
    # a long item of steps keeps one clipped copy of its text per step, as deadline rows do
    step = "paged 09:00 UTC on the " + "very " * 40 + "primary; resolved 09:30 UTC, "
    blob = parse_log("## 2025-10-08\n- INC-9 " + step * 12 + "\n", "b.md")
    assert len(blob.events) == 24
    assert {len(t) for t in blob.events["text"]} == {DEADLINE_TEXT_MAX + 1}
    assert blob.events["text"].iloc[0].endswith("…")
    assert set(logs.events["text"][logs.events["line"] == 3]) == {
        "INC-306 14:02 paged on-call; 14:20 escalated to the eng manager; then 15:10 resolved"}


def test_a_status_page_paste_dates_each_update_by_its_own_stamp():
    # Statuspage's history: the status, its message, then 'Posted <date> - <time>' below it; an
    # undated document, so the stamp is each update's time and the day of its other times
    text = (
        "# Checkout errors (pasted from status.example.com)\n\n"
        "**Resolved**\nThis incident has been resolved. CHK-77 closed.\nPosted Oct 09, 2025 - 14:51 EDT\n\n"
        "**Identified**\nA rollback is in progress. Next update by 14:45 EDT.\n"
        "Posted Oct 09, 2025 - 14:12 EDT\n"
    )
    logs = parse_log(text, "sp.md")
    assert logs.events[["line", "at", "kind"]].values.tolist() == [
        # (round 12: an Identified update is the public first response, no plan)
        [3, ts("2025-10-09 18:51"), "resolved"], [7, ts("2025-10-09 18:12"), "acknowledged"]]
    assert logs.deadlines[["line", "due_at", "keyword"]].values.tolist() == [
        [7, ts("2025-10-09 18:45"), "update"]]  # (round 12: kept by the next update)
    assert logs.problems.empty


def test_a_header_line_dates_the_document_in_its_own_zone_and_may_be_a_list_item_or_a_table():
    # 04:58 UTC on Oct 22 is 21:58 on Oct 21 in Pacific time: the PDT timeline is on Oct 21
    utc = "# Postmortem INC-5702\n\n**Detected:** 2025-10-22 04:58 UTC\n\nAll times PDT.\n\n" \
          "## Timeline\n\n- 9:58 PM alert fired\n- 10:03 PM jchen acked\n"
    listed = "# Postmortem INC-5702\n\n- **Detected:** 2025-10-21 21:58 PDT\n- **Severity:** SEV-1\n\n" \
             "All times PDT.\n\n## Timeline\n\n- 10:03 PM jchen acked\n"
    table = "# Postmortem INC-5702\n\n| | |\n|---|---|\n| **Detected** | 2025-10-21 21:58 PDT |\n\n" \
            "All times PDT.\n\n## Timeline\n\n- 10:03 PM jchen acked\n"
    assert parse_log(utc, "u.md").events["at"].tolist() == [
        ts("2025-10-22 04:58"), ts("2025-10-22 04:58"), ts("2025-10-22 05:03")]
    assert parse_log(listed, "l.md").events["at"].tolist() == [
        ts("2025-10-22 04:58"), ts("2025-10-21"), ts("2025-10-22 05:03")]
    assert parse_log(table, "t.md").events["at"].tolist() == [ts("2025-10-22 04:58"), ts("2025-10-22 05:03")]


def test_tables_kept_whole_hold_no_secret():
    text = (
        "## 2025-10-09\n| Key | Value |\n|---|---|\n| GH_TOKEN=ghp_abc123 | https://x.io/?token=abc |\n"
        "| X-Api-Key | sk_live_51Habcdefghij |\n| DB_PASSWORD | Hunter2pg |\n| Owner | dana |\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.tables["frame"][0].values.tolist() == [
        ["GH_TOKEN=***", "https://x.io/?token=***"], ["X-Api-Key", "***"], ["DB_PASSWORD", "***"],
        ["Owner", "dana"],
    ]
    assert logs.events["text"].tolist() == [
        "GH_TOKEN=*** | https://x.io/?token=***", "X-Api-Key | ***", "DB_PASSWORD | ***", "Owner | dana"]


def test_a_column_named_for_a_secret_masks_its_credentials():
    text = (
        "## 2025-10-10\n| System | Temp password | API key | Password expires | Token |\n"
        "|---|---|---|---|---|\n"
        "| staging-db | Hunter2pg! | sk_live_3COLSECRET77 | Oct 14 | rotated |\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.tables["frame"][0].values.tolist() == [["staging-db", "***", "***", "Oct 14", "rotated"]]
    assert logs.events["text"].tolist() == ["staging-db | *** | *** | Oct 14 | rotated"]
    assert logs.events["at"].tolist() == [ts("2025-10-14")]
    # a note about the credentials is no credential: its ticket stays
    note = "## 2025-10-08\n| Vendor | Credentials |\n|---|---|\n| GA MCP | OCC-INF-221 pending infra |\n"
    assert parse_log(note, "n.md").events["tickets"].tolist() == [["OCC-INF-221"]]


def test_a_two_column_row_named_for_a_secret_keeps_its_tickets_dates_and_times():
    text = (
        "## 2025-10-09\n| Item | Notes |\n|---|---|\n"
        "| Shopify API token | expires 2025-10-12 09:00 UTC, renew before then |\n"
        "| Secret owner | @alice (DEPLOY-148) |\n| Token | Hunter2pg9 (rotated Fri) |\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.events["text"].tolist() == [
        "Shopify API token | expires 2025-10-12 09:00 UTC, renew before then",
        "Secret owner | @alice (DEPLOY-148)", "Token | *** (rotated Fri)"]
    assert logs.events["tickets"].tolist() == [[], ["DEPLOY-148"], []]
    assert logs.deadlines["due_at"].tolist() == [ts("2025-10-12 09:00")]


def test_front_matter_kept_whole_holds_no_secret():
    text = (
        "---\nowner: identity\napi_key: sk_live_51HfrontmatterSECRETvalue\ntoken_ttl: 3600\n"
        "alert_webhook: https://hooks.slack.com/services/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\n"
        "hosts: ['postgres://app:pw1234@db/app']\nticket_key: DEPLOY-147\nowner_session: Q4 planning\n"
        "---\n# Identity log\n"
    )
    assert parse_log(text, "x.md").docs["front_matter"][0] == {
        "owner": "identity", "api_key": "***", "token_ttl": 3600, "ticket_key": "DEPLOY-147",
        "owner_session": "Q4 planning",
        "alert_webhook": "https://hooks.slack.com/services/***", "hosts": ["postgres://***@db/app"],
    }


def test_a_section_that_runs_past_midnight_puts_the_small_hours_on_the_next_day():
    text = (
        "---\ntz: America/New_York\n---\n## 2025-10-24 (Fri) payments-gw release\n"
        "- 22:00 CHG-1300 deploy started, 10% traffic.\n"
        "- 23:52 CHG-1300 ramp paused; rolling back, ETA 00:30.\n"
        "- 00:20 CHG-1300 rollback complete\n"
        "- 01:05 CHG-1300 INC-5741 opened\n"
        "- 2025-10-24 03:00 a date written keeps its own\n"
        "## 2025-10-25\n- 08:00 next morning\n- 02:00 an early item after a morning one stays\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.events["at"].tolist() == [
        ts("2025-10-25 02:00"), ts("2025-10-25 03:52"), ts("2025-10-25 04:20"), ts("2025-10-25 05:05"),
        ts("2025-10-24 07:00"), ts("2025-10-25 12:00"), ts("2025-10-25 06:00"),
    ]
    assert logs.deadlines["due_at"].tolist() == [ts("2025-10-25 04:30")]


def test_policy_levels_state_changes_completion_words_and_cancelled_tasks():
    text = (
        "## 2025-10-09\n"
        "- 10:00 REL-94 escalated to level 2 per Opsgenie policy\n"
        "- 10:05 REL-94 Escalated to level 3 at 10:05\n"
        "- 10:10 REL-95 escalated to L2 support\n"  # (a support tier is no policy level)
        "- 10:20 INC-1 Resolution: Unresolved \u2192 Fixed\n"
        "- 10:21 INC-2 Status: Reopened \u2192 Closed\n"
        "- 10:22 INC-3 Pending \u2192 Solved\n"
        "- 10:23 INC-4 Status: In Progress -> Blocked\n"
        "- 16:30 OPS-520 renewed.\n"
        "- DEPLOY-482 Deploy #482 succeeded in 3m12s\n"
        "- [-] NET-300 migrate DNS \U0001f4c5 2025-10-08\n"
        "- NET-303 drop it \U0001f4c5 2025-10-11 \u274c 2025-10-09\n"
        "- [ ] NET-301 runbook \U0001f4c5 2025-10-14\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.events[["kind", "level"]].values.tolist() == [
        ["escalation", 2], ["escalation", 3], ["escalation", 1], ["resolved", 0], ["resolved", 0],
        ["resolved", 0], ["blocked", 0], ["resolved", 0], ["resolved", 0], ["note", 0], ["note", 0],
        ["deadline", 0],
    ]
    assert logs.events["text"].tolist()[9] == "NET-300 migrate DNS \U0001f4c5 2025-10-08"
    assert logs.deadlines["tickets"].tolist() == [["NET-301"]]  # (cancelled tasks promise nothing)


def test_a_help_desk_message_keeps_a_body_that_opens_like_a_field():
    text = (
        "## Ticket 48213\n\n**Anna Schmidt** (Agent) \u2014 Oct 10, 2025, 09:15 (CEST)\n"
        "Internal note: SUP-881 escalated to finance manager, reply due 11:00.\n"
    )
    logs = parse_log(text, "z.md")
    ev = logs.events
    assert ev[["line", "at", "kind", "level", "tickets"]].values.tolist() == [
        [3, ts("2025-10-10 07:15"), "escalation", 2, ["SUP-881"]]]
    # (the reply is due on the header's date, Oct 10 as written in CEST, and so at 11:00 CEST)
    assert logs.deadlines["due_at"].tolist() == [ts("2025-10-10 09:00")]


def test_an_empty_date_cell_is_the_date_above_it():
    text = (
        "All times in CEST.\n## Timeline\n| Date | Time (CEST) | Event |\n| --- | --- | --- |\n"
        "| 09 Oct 2025 | 09:12 | INC-1207 triggered |\n| | 09:40 | paged EM |\n"
    )
    logs = parse_log(text, "c.md")
    assert logs.events[["at", "kind", "level"]].values.tolist() == [
        [ts("2025-10-09 07:12"), "note", 0], [ts("2025-10-09 07:40"), "escalation", 2]]
    assert logs.tables["frame"][0]["Date"].tolist() == ["09 Oct 2025", ""]  # (kept as written)


def test_lines_stamped_with_a_date_without_its_year_or_a_weekday_are_items_of_their_own():
    text = (
        "---\ntz: America/New_York\n---\n## 2025-12-31\n\n"
        "Dec 31 23:40 maria: PLAT-60 checkout 5xx climbing, paging on-call\n"
        "[Dec 31 23:52] sam: acked PLAT-60\n[12/31 23:55] kim: looking\n[Wed 23:58] sam: still looking\n"
        "Jan 1 00:31 maria: PLAT-60 resolved, rollback done\n"
    )
    ev = parse_log(text, "x.md").events
    assert ev[["line", "at", "kind"]].values.tolist() == [
        [6, ts("2026-01-01 04:40"), "escalation"], [7, ts("2026-01-01 04:52"), "acknowledged"],
        [8, ts("2026-01-01 04:55"), "note"], [9, ts("2026-01-01 04:58"), "note"],
        [10, ts("2026-01-01 05:31"), "resolved"],
    ]


def test_a_day_padded_to_two_columns_as_date_prints_it_is_a_date():
    text = (
        "---\ntz: America/New_York\n---\n## Wed Dec 31, 2025\n"
        "- PLAT-90 cert renewed, host clock says: Fri Jan  2 10:00:00 EST 2026\n"
        "- 10:05 PLAT-91 vendor fix due Jan  2 17:00.\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.events["at"].tolist() == [ts("2026-01-02 15:00"), ts("2025-12-31 15:05")]
    assert logs.deadlines["due_at"].tolist() == [ts("2026-01-02 22:00")]


def test_a_heading_that_names_an_iso_week_dates_its_weekdays_in_that_week():
    text = (
        "# Holiday on-call log \u2014 2025-12-22\n## W52\n- Mon 09:00 OPS-20 opened.\n"
        "## W01\n- Mon 09:00 OPS-20 escalated to manager.\n- Fri 10:00 OPS-20 resolved.\n"
        "## 2026-W02\n- Tue 11:00 OPS-21 opened\n## Week 3 (2026)\n- Wed 12:00 OPS-22 opened\n"
        "## Sprint 12 - Week 1\n- OPS-23 planned\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.sections["date"].tolist() == [
        ts("2025-12-22"), ts("2025-12-29"), ts("2026-01-05"), ts("2026-01-12"), ts("2025-12-22")]
    assert logs.events["at"].tolist() == [
        ts("2025-12-22 09:00"), ts("2025-12-29 09:00"), ts("2026-01-02 10:00"), ts("2026-01-06 11:00"),
        ts("2026-01-14 12:00"), ts("2025-12-22")]  # (a sprint's week is no ISO week: the title's date)


def test_a_tracker_written_with_strikes_revised_columns_and_fields_that_say_no():
    text = (
        "## 2025-10-10\n- MIG-202 ETA <del>Oct 10</del> Oct 14\n- MIG-203 ETA <s>Oct 10</s> Oct 14\n"
        "- MIG-204 ETA ~~Oct 10~~ \u2192 Oct 14\n- MIG-205 ETA ~~Oct 10~~ Oct 14 (slipped, vendor delay)\n"
        "- ST-6 ~~escalated to CTO~~ resolved at team level\n- ST-7 ~~missed~~ on track, ETA Oct 14\n"
        "- SL-11 ETA Oct 14 | Slipped: No | RAG: Green\n"
        "- SL-12 ETA missed: no update from infra, ETA Oct 14\n"
        "\n| Ticket | Original ETA | Revised ETA | Status | Last update |\n|---|---|---|---|---|\n"
        "| RV-1 | 10/10 17:00 UTC | 10/14 17:00 UTC | Slipped | 10/10 09:30 UTC |\n"
        "\n| Ticket | Due | Notes |\n|---|---|---|\n"
        "| INC-80 | 10/14 | escalated to CTO 10:15 UTC; resolved 11:40 UTC |\n"
    )
    logs = parse_log(text, "x.md")
    dl = logs.deadlines
    assert dl[["line", "due_at", "stated_missed"]].values.tolist() == [
        [2, ts("2025-10-14"), False], [3, ts("2025-10-14"), False], [4, ts("2025-10-14"), False],
        [5, ts("2025-10-14"), False], [7, ts("2025-10-14"), False], [8, ts("2025-10-14"), False],
        [9, ts("2025-10-14"), True], [13, ts("2025-10-14 17:00"), False], [17, ts("2025-10-14"), False],
    ]
    ev = logs.events
    assert ev[["line", "at", "kind", "level"]].values.tolist()[4:6] == [
        [6, ts("2025-10-10"), "resolved", 0], [7, ts("2025-10-10"), "deadline", 0]]
    assert ev[["line", "at", "kind", "level"]].values.tolist()[8:] == [
        [13, ts("2025-10-10 09:30"), "deadline", 0],
        [17, ts("2025-10-10 10:15"), "escalation", 3], [17, ts("2025-10-10 11:40"), "resolved", 0],
    ]


@pytest.mark.parametrize(
    "text, kind, level",
    [
        ("OPS-31 escalated to the CIO's office", "escalation", 3),
        ("escalated to the VP\u2019s desk", "escalation", 3),
        ("escalated to my manager's manager", "escalation", 2),
        ("OPS-13 | Complete \u2705", "resolved", 0),
        ("OPS-14 migration complete", "resolved", 0),
        ("Status: **Complete**", "resolved", 0),
        ("complete the rollout by Friday", "note", 0),
        ("migration 60% done, still running", "status", 0),
        ("rollback completed on 2 of 6 regions, rest in progress", "status", 0),
        ("closed the bridge call, investigation continues", "status", 0),
        ("INC-1 resolved, monitoring continues", "resolved", 0),
    ],
)
def test_possessives_completion_states_and_partial_progress(text, kind, level):
    assert ex.classify(text, ex.words(text), False) == (kind, level)
    assert ex.classify(text, ex.keywords(text), False) == (kind, level)


def test_round_two_week_lookalikes_revised_columns_and_kinds():
    text = (
        "## 2025-10-08\n### Week 3 of onboarding\n- 10:00 OPS-401 paired on the runbook\n"
        "### Hardware refresh W2\n- 11:00 OPS-402 racks ordered\n"
        "\n| Ticket | Original ETA | Revised ETA | Owner |\n|---|---|---|---|\n"
        "| OPS-602 | 2025-10-10 |  | sam |\n"
        "\n| Ticket | Baseline | Current ETA |\n|---|---|---|\n| OPS-603 | 2025-10-09 | 2025-10-15 |\n"
    )
    logs = parse_log(text, "x.md")
    assert logs.events["at"].tolist() == [
        ts("2025-10-08 10:00"), ts("2025-10-08 11:00"), ts("2025-10-08"), ts("2025-10-08")]
    assert logs.deadlines[["line", "due_at"]].values.tolist() == [
        [9, ts("2025-10-10")], [13, ts("2025-10-15")]]
    for line, kind in [
        ("failover complete for OPS-101", "resolved"), ("rollout complete in eu-west OPS-103", "resolved"),
        ("OPS-104 migration 100% complete", "resolved"), ("please complete the checklist", "note"),
        ("OPS-107 investigation continues with the vendor", "status"),
    ]:
        assert ex.classify(line, ex.words(line), False) == (kind, 0), line


def test_by_after_a_promising_verb_is_a_deadline_unless_a_thing_follows():
    text = (
        "## 2025-10-09 15:00 UTC\n\n- OPS-1 will be fixed by 17:00 UTC\n- OPS-2 to be deployed by 17:00 UTC\n"
        "- INC-98 fixed by the 14:55 deploy\n- INC-97 caused by 14:55 deploy\n- OPS-3 fixed by 17:30 UTC\n"
        "- OPS-4 fix merged by yesterday's 14:00 release\n"
    )
    dl = parse_log(text, "x.md").deadlines
    assert dl[["line", "tickets", "due_at"]].values.tolist() == [
        [3, ["OPS-1"], ts("2025-10-09 17:00")], [4, ["OPS-2"], ts("2025-10-09 17:00")],
        [7, ["OPS-3"], ts("2025-10-09 17:30")],
    ]


def test_round_three_pasted_machine_lines_causal_by_and_handoff_words():
    text = (
        "## 2025-10-09 15:00 UTC\n\n14:00 UTC DEPLOY-900 prod deploy started\n"
        "2025-10-09T14:02:11Z DEPLOY-900 health check failed, escalated to the CTO\n"
        "2025-10-09T15:10:00Z DEPLOY-900 resolved\n\n"
        "- OPS-20 rpc error: code = DeadlineExceeded desc = context deadline exceeded at "
        "2025-10-09T14:02:11Z\n"
        "- OPS-40 nightly build failed. Elapsed time: 00:14:02\n- OPS-41 maven: Total time:  01:02 min\n"
        "- 15:20 OPS-800 deploy job failed: ##[error]Process completed with exit code 2.\n"
        "- 15:21 INC-99 alert caused by the 14:55 deploy\n- 15:22 OPS-6 paged head of SRE\n"
        "- 15:23 INC-5 handover: root password is Hunt3r2-prod (rotate after shift)\n"
    )
    logs = parse_log(text, "x.md")
    ev = logs.events
    assert ev[["line", "at", "kind", "level"]].values.tolist() == [
        [3, ts("2025-10-09 14:00"), "note", 0], [4, ts("2025-10-09 14:02:11"), "escalation", 3],
        [5, ts("2025-10-09 15:10"), "resolved", 0], [7, ts("2025-10-09 14:02:11"), "note", 0],
        [8, ts("2025-10-09 15:00"), "note", 0], [9, ts("2025-10-09 15:00"), "note", 0],
        [10, ts("2025-10-09 15:20"), "status", 0], [11, ts("2025-10-09 15:21"), "note", 0],
        [12, ts("2025-10-09 15:22"), "escalation", 3], [13, ts("2025-10-09 15:23"), "note", 0],
    ]
    assert logs.deadlines.empty
    assert ev["text"].tolist()[-1] == "15:23 INC-5 handover: root password is *** (rotate after shift)"


def test_a_recursive_glob_reads_each_log_once_through_folder_links(tmp_path):
    """'logs/oncall/all-teams -> ..' made '**' read the log 41 times; two such links never ended."""
    from occ_lib.workspace import Workspace

    (tmp_path / "logs" / "oncall").mkdir(parents=True)
    (tmp_path / "logs" / "oncall" / "a.md").write_text("## 2025-10-09\n- 14:00 UTC OPS-1 paged\n")
    (tmp_path / "logs" / "oncall" / ".draft.md").write_text("- 15:00 UTC OPS-2 draft\n")
    (tmp_path / "logs" / "oncall" / "all-teams").symlink_to("..")
    (tmp_path / "logs" / "oncall" / "current").symlink_to(".")
    (tmp_path / "logs" / "latest.md").symlink_to("oncall/a.md")
    (tmp_path / "occ.yml").write_text("logs: [logs/**/*.md]\n")
    ws = Workspace.load(tmp_path / "occ.yml")
    assert [p.relative_to(tmp_path).as_posix() for p in ws.log_paths()] == ["logs/latest.md"]
    logs = read_logs([str(tmp_path / "logs" / "**" / "*.md")])
    assert logs.events["tickets"].tolist() == [["OPS-1"]]


def test_a_trailing_recursive_glob_is_every_file_below_as_the_default_evidence_glob_means(tmp_path):
    """'artifacts/**' (the default ``evidence:``) matched folders only once globs went through pathlib."""
    from occ_lib.workspace import DEFAULT_EVIDENCE, expand

    (tmp_path / "artifacts" / "qa" / "2025-10-09").mkdir(parents=True)
    for rel in ("top.log", "qa/check.json", "qa/2025-10-09/curl.txt", "qa/.hidden.log"):
        (tmp_path / "artifacts" / rel).write_text("x\n")
    (tmp_path / "artifacts" / "qa" / "up").symlink_to("..")
    want = ["artifacts/qa/2025-10-09/curl.txt", "artifacts/qa/check.json", "artifacts/top.log"]
    assert DEFAULT_EVIDENCE == ("artifacts/**",)
    assert [p.relative_to(tmp_path).as_posix() for p in expand(list(DEFAULT_EVIDENCE), tmp_path)] == want
    assert [p.relative_to(tmp_path).as_posix() for p in expand(["artifacts/**/*"], tmp_path)] == want


def test_invisible_characters_and_nbsp_entities_do_not_hide_zones_tickets_or_headings():
    text = (
        "## 2025-10-09\n\n- 2:45&nbsp;PM ET OPS-1 acked\n- 14:00\u200bUTC OPS-2 paged\n"
        "- 09:40 UTC OPS-9\u200b0 seen\n"
        "\ufeff## 2025-10-10\n\n- 09:00 UTC OPS-2 resolved\n"
    )
    ev = parse_log(text, "x.md").events
    assert ev[["line", "at", "tickets"]].values.tolist() == [
        [3, ts("2025-10-09 18:45"), ["OPS-1"]], [4, ts("2025-10-09 14:00"), ["OPS-2"]],
        [5, ts("2025-10-09 09:40"), ["OPS-90"]], [8, ts("2025-10-10 09:00"), ["OPS-2"]],
    ]
    assert ev["text"].tolist()[0] == "2:45\u00a0PM ET OPS-1 acked"


def test_a_pasted_export_with_hundreds_of_times_is_one_event_not_one_per_step():
    """Each step carries the item's tickets: 300 steps of 300 tickets were 90,000 timeline rows."""
    recs = ", ".join(
        f'{{"key": "OPS-{i + 1}", "updated": "2025-10-09 {i % 24:02d}:{i % 60:02d}", '
        f'"status": "{"Escalated" if i % 2 else "Resolved"}"}}' for i in range(300)
    )
    ev = parse_log(f"## 2025-10-09\n\n- 14:00 UTC pasted the Jira export: [{recs}]\n", "x.md").events
    assert (len(ev), len(ev["tickets"].iloc[0]), ev["at"].iloc[0]) == (1, 300, ts("2025-10-09 14:00"))
    # a told story of a few steps is still one event per step
    told = parse_log("## 2025-10-09\n\n- OPS-1 paged 03:40 UTC, resolved 04:05 UTC\n", "y.md").events
    assert told[["at", "kind"]].values.tolist() == [[ts("2025-10-09 03:40"), "follow_up"],
                                                   [ts("2025-10-09 04:05"), "resolved"]]
