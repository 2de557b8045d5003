"""Hostile input: what one pasted blob can cost. Each rule here keeps an item's yield or work linear in
its size (timings are in the commits, not asserted: tests are never timed here)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd
import pytest

from occ_lib import _extract as ex
from occ_lib import logs, timeline, times
from occ_lib.logs import DEADLINE_TEXT_MAX, parse_log

HEAD = "# Ops\n## 2025-10-09\n"


def _item(parts: list[str], sep: str = "; ", lead: str = "- 14:00 UTC ") -> str:
    return HEAD + lead + sep.join(parts) + "\n"


# --- tickets: a key is not looked for inside a run of capitals or of key segments ------------------


def test_ticket_pattern_refuses_a_start_glued_to_what_python_rejects() -> None:
    # ('OPS-OPS-...-1x' and a run of capitals were scanned again from each of their letters: quadratic)
    text = "OPS-OPS-1x AB-12 xCD-3 .EF-4 _GH-5 9IJ-6 é KL-7 éMN-8 /OP-9 INC0012345 AINC0012345"
    assert [m.group() for m in ex._TICKET.finditer(text)] == [
        "AB-12", "GH-5", "KL-7", "OP-9", "INC0012345", "AINC0012345",
    ]
    assert ex.tickets(text) == ["AB-12", "GH-5", "KL-7", "INC0012345"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("INC-5678/INC-5679 docs/DEPLOY-147.md _PAY-114_ env_PAY-114 OCC-INF-221 CVE-2021-44228",
         ["INC-5678", "INC-5679", "PAY-114", "OCC-INF-221"]),
        ("A" * 40 + "-1 " + "OPS-" * 50 + "1x OPS-2", ["A" * 40 + "-1", "OPS-2"]),
        ("SEV-2/INC-7, docs/INC-1/INC-2.md, NOC-24@vendor.com, T04-40", ["INC-7"]),
    ],
)
def test_tickets_read_as_before(text: str, expected: list[str]) -> None:
    assert ex.tickets(text) == expected


def test_ticket_spans_are_the_keys_where_written() -> None:
    text = "OPS-1 then docs/OPS-9.md, OPS-2 and OPS-1"
    assert ex.ticket_spans(text) == [(0, "OPS-1"), (26, "OPS-2"), (36, "OPS-1")]
    assert ex.tickets(text) == ["OPS-1", "OPS-2"]


# --- deadlines: a pasted export's rows do not each carry every ticket --------------------------------


def _deadline_tickets(text: str) -> list[list[str]]:
    return parse_log(text, "x.md").deadlines["tickets"].tolist()


def test_an_export_gives_each_deadline_the_ticket_written_with_it() -> None:
    # 25 records of a Jira export: each ETA's clause names no ticket, so each row took all 25 (625)
    recs = [f'{{"key": "OPS-{i + 1}", "summary": "fix ETA {i % 24:02d}:30 UTC"}}' for i in range(25)]
    d = parse_log(_item(recs, ", ", "- 14:00 UTC export: ["), "x.md").deadlines
    assert len(d) == 25
    assert d["tickets"].tolist() == [[f"OPS-{i + 1}"] for i in range(25)]
    assert d["due_at"].iloc[3] == pd.Timestamp("2025-10-09 03:30", tz="UTC")


def test_up_to_24_deadlines_keep_the_clause_rule() -> None:
    # (a person's item: a clause that names no ticket leaves the deadline every ticket's, as before)
    recs = [f'{{"key": "OPS-{i + 1}", "summary": "fix ETA {i % 24:02d}:30 UTC"}}' for i in range(24)]
    rows = _deadline_tickets(_item(recs, ", ", "- 14:00 UTC export: ["))
    assert len(rows) == 24
    assert all(r == [f"OPS-{i + 1}" for i in range(24)] for r in rows)


def test_an_export_without_clause_breaks_shares_no_list() -> None:
    # 'OPS-1 ETA 00:00 UTC OPS-2 ETA 01:00 UTC ...': one clause, 30 tickets, 30 deadlines (900 entries)
    rows = _deadline_tickets(_item([f"OPS-{i + 1} ETA {i % 24:02d}:00 UTC" for i in range(30)], " "))
    assert rows == [[f"OPS-{i + 1}"] for i in range(30)]


def test_an_export_row_takes_its_clause_or_the_last_ticket_before_it() -> None:
    parts = [f"OPS-{i} ETA {i % 24:02d}:00 UTC missed" for i in range(26)]
    # (two deadlines in a clause: each takes the stretch before it, else the last ticket before it)
    parts[0] = "OPS-100 ETA 00:00 UTC missed"  # (a key numbered 0 is none)
    parts[1] = "OPS-1 ETA 01:00 UTC, then by 02:00 UTC"
    parts[2] = "ETA 03:00 UTC for OPS-2, OPS-90"  # (alone in its clause: the clause's list)
    rows = _deadline_tickets(_item(parts))
    assert len(rows) == 27
    assert rows[:5] == [["OPS-100"], ["OPS-1"], ["OPS-1"], ["OPS-2", "OPS-90"], ["OPS-3"]]
    assert rows[-1] == ["OPS-25"]


def test_an_export_before_its_first_ticket_takes_the_first_after_it() -> None:
    parts = [f"ETA {i % 24:02d}:00 UTC" for i in range(25)] + ["owners OPS-7 OPS-8"]
    rows = _deadline_tickets(_item(parts, " "))
    assert rows == [["OPS-7"]] * 25


def test_an_exports_rows_keep_the_inherited_tickets() -> None:
    parts = [f"OPS-{i + 1} ETA {i % 24:02d}:00 UTC" for i in range(25)]
    rows = _deadline_tickets(HEAD + "- 13:00 INC-1 import\n  - 14:00 parts: " + "; ".join(parts) + "\n")
    assert rows[:2] == [["OPS-1", "INC-1"], ["OPS-2", "INC-1"]]
    assert len(rows) == 25


class _Counting:
    """A compiled pattern that counts its scans."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.searches = pattern, 0

    def search(self, *args: object) -> re.Match[str] | None:
        self.searches += 1
        return self.pattern.search(*args)  # type: ignore[arg-type]

    def finditer(self, *args: object) -> Iterator[re.Match[str]]:
        self.searches += 1
        return self.pattern.finditer(*args)  # type: ignore[arg-type]


def test_the_past_tense_is_searched_once_per_item(monkeypatch: pytest.MonkeyPatch) -> None:
    # (it was searched over the whole item for each deadline rolled to the next day: quadratic)
    counting = _Counting(logs._PAST_TENSE)
    monkeypatch.setattr(logs, "_PAST_TENSE", counting)
    d = parse_log(HEAD + "- 23:40 UTC paged; ETA 00:30, ETA 01:30 and ETA 02:30\n", "x.md").deadlines
    assert d["due_at"].tolist() == [pd.Timestamp(f"2025-10-10 0{h}:30", tz="UTC") for h in (0, 1, 2)]
    assert counting.searches == 1


def test_a_lines_slip_words_are_found_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # (each replacement written as missed scanned the rest of its line for 'slips', 'will slip'...)
    counting = _Counting(times._SLIP_AHEAD)
    monkeypatch.setattr(times, "_SLIP_AHEAD", counting)
    monkeypatch.setattr(times, "_SLIPS", [("", 0, 0, [])])
    parts = [f"OPS-{i} ETA 1{i}:00 missed, next ETA 1{i}:30 missed too" for i in range(3)]
    d = parse_log(_item(parts, "; ", "- 19:00 UTC "), "x.md").deadlines
    assert d["due_at"].dt.strftime("%H:%M").tolist() == ["10:00", "10:30", "11:00", "11:30", "12:00", "12:30"]
    assert d["stated_missed"].tolist() == [True] * 6
    assert counting.searches == 1


def test_slip_words_ahead_still_unmiss_a_replacement() -> None:
    # ('next ETA 11:30 missed too' names a miss; a line that says the new one will slip does not)
    item = "- 19:00 UTC OPS-1 ETA 10:00 missed, next ETA 11:30 missed too; OPS-2 will slip as well\n"
    assert parse_log(HEAD + item, "x.md").deadlines["stated_missed"].tolist() == [True, False]


# --- timeline: an event's text is not copied whole into each of its tickets' rows -------------------


def test_timeline_rows_clip_a_long_text() -> None:
    recs = ", ".join(
        f'{{"key": "OPS-{i + 1}", "status": "Escalated", "note": "{"x" * 40}"}}' for i in range(60)
    )
    text = HEAD + "- 14:00 UTC export: [" + recs + "]\n- 15:00 UTC OPS-1 acked\n"
    lg = parse_log(text, "x.md")
    assert len(lg.events["text"].iloc[0]) > DEADLINE_TEXT_MAX  # (the event keeps its whole text)
    tl = timeline.escalations(lg)
    assert len(tl) == 61
    long = tl[tl["line"] == 3]
    assert long["text"].str.len().tolist() == [DEADLINE_TEXT_MAX + 1] * 60
    assert long["text"].iloc[0] == lg.events["text"].iloc[0][:DEADLINE_TEXT_MAX] + "\u2026"
    assert tl.loc[tl["line"] == 4, "text"].tolist() == ["15:00 UTC OPS-1 acked"]
