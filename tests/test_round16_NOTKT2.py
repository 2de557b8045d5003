"""Round 16, NOTKT2 (after NOTKT): two deadlines of no ticket in one item each have their own clause's
subject ('Sony cert due Oct 16; Xbox cert due Oct 17'), and an untimed done item under a dated heading
('- Sony cert submitted' under '## 2025-10-16') keeps a date-only deadline, known to its day."""

from __future__ import annotations

import time

import pandas as pd
import pytest

import occ_lib
from occ_lib.sla import _subject_of, deadline_misses

_AS_OF = "2025-10-20T00:00Z"
_TWO = "## 2025-10-14\n\n- 14:30 Sony cert due Oct 16; Xbox cert due Oct 17\n\n## 2025-10-16\n\n"
_ONE = "## 2025-10-14\n\n- 14:30 Sony cert submission due Oct 16\n\n"


def _log(tmp_path, body: str, name: str = "notkt2_a.md") -> str:
    p = tmp_path / name
    p.write_text("---\ntz: UTC\n---\n# Live ops\n\n" + body, encoding="utf-8")
    return str(p)


def _out(paths: list[str], as_of: str = _AS_OF) -> pd.DataFrame:
    return deadline_misses(occ_lib.read_logs(paths), start="2025-10-01", as_of=as_of)


def _rows(paths: list[str], as_of: str = _AS_OF) -> list[list]:
    out = _out(paths, as_of)
    return [[int(line), s, d.strftime("%m-%d %H:%M"), None if pd.isna(r) else r.strftime("%m-%d %H:%M"), st,
             None if pd.isna(o) else float(o)]
            for line, s, d, r, st, o in zip(out["line"], out["subject"], out["due_at"], out["resolved_at"],
                                            out["status"], out["overage_min"], strict=True)]


def test_the_first_of_two_deadlines_is_kept_by_its_own_subject(tmp_path):
    p = _log(tmp_path, _TWO + "- 07:50 Sony cert done\n")
    assert _rows([p]) == [[8, "(no ticket)", "10-17 00:00", "10-16 07:50", "met", 0.0],
                          [8, "(no ticket)", "10-18 00:00", None, "missed", 2880.0]]
    assert list(_out([p])["detail"]) == [
        "due 2025-10-16 (date only); 'Sony cert' named done 2025-10-16 07:50 UTC, by the due time; 'due' in "
        "\"14:30 Sony cert due Oct 16; Xbox cert due Oct 17\"",
        "due 2025-10-17 (date only); not resolved at as_of 2025-10-20 00:00 UTC (no ticket to match a "
        "resolution, nor a later item of its log naming 'Xbox cert' done); 'due' in \"14:30 Sony cert due "
        "Oct 16; Xbox cert due Oct 17\"",
    ]


def test_the_second_of_two_deadlines_is_kept_by_its_own_subject(tmp_path):
    p = _log(tmp_path, _TWO + "- 07:50 Xbox cert done\n")
    assert _rows([p]) == [[8, "(no ticket)", "10-17 00:00", None, "missed", 4320.0],
                          [8, "(no ticket)", "10-18 00:00", "10-16 07:50", "met", 0.0]]


def test_each_of_two_deadlines_by_its_own_event(tmp_path):
    p = _log(tmp_path, _TWO + "- 07:50 Xbox cert done\n\n## 2025-10-17\n\n- 09:00 Sony cert done\n")
    assert _rows([p]) == [[8, "(no ticket)", "10-17 00:00", "10-17 09:00", "missed", 540.0],
                          [8, "(no ticket)", "10-18 00:00", "10-16 07:50", "met", 0.0]]


@pytest.mark.parametrize("text, nth, of, words", [
    ("14:30 Sony cert due Oct 16; Xbox cert due Oct 17", 0, 2, ("sony", "cert")),
    ("14:30 Sony cert due Oct 16; Xbox cert due Oct 17", 1, 2, ("xbox", "cert")),
    ("14:30 Sony cert due Oct 16; Xbox cert due Oct 17", 0, 1, None),   # (one row, two 'due': not told)
    ("14:30 Sony cert due Oct 16; Xbox cert due Oct 17", -1, 0, None),  # (no position known)
    ("14:30 Sony cert submission due Oct 16", 0, 1, ("sony", "cert")),
    ("14:30 Sony cert submission due Oct 16 or Oct 17", 1, 2, ("sony", "cert")),  # (one 'due', two rows)
])
def test_subject_of_the_nth_deadline(text, nth, of, words):
    got = _subject_of(text, "due", nth, of)
    assert (None if got is None else got[0]) == words


def test_an_untimed_done_item_of_its_due_day_keeps_a_date_only_deadline(tmp_path):
    p = _log(tmp_path, _ONE + "## 2025-10-16\n\n- Sony cert submitted\n")
    assert _rows([p]) == [[8, "(no ticket)", "10-17 00:00", "10-16 00:00", "met", 0.0]]
    assert _out([p])["detail"][0] == (
        "due 2025-10-16 (date only); 'Sony cert submission' named done 2025-10-16 (date only), by the due "
        "time; 'due' in \"14:30 Sony cert submission due Oct 16\"")


def test_an_untimed_done_item_of_the_next_day_is_a_day_late(tmp_path):
    p = _log(tmp_path, _ONE + "## 2025-10-17\n\n- Sony cert submitted\n")
    assert _rows([p]) == [[8, "(no ticket)", "10-17 00:00", "10-17 00:00", "missed", 1440.0]]


def test_an_untimed_done_item_does_not_keep_a_minute_deadline(tmp_path):
    p = _log(tmp_path, "## 2025-10-14\n\n- 14:30 Sony cert submission due Oct 16 10:00\n\n## 2025-10-16\n\n"
                       "- Sony cert submitted\n")
    assert _rows([p]) == [[8, "(no ticket)", "10-16 10:00", None, "missed", 5160.0]]


def test_an_untimed_done_item_above_the_deadline_does_not_keep_it(tmp_path):
    p = _log(tmp_path, "## 2025-10-14\n\n- Sony cert submitted\n- 14:30 Sony cert submission due Oct 16\n")
    assert _rows([p]) == [[9, "(no ticket)", "10-17 00:00", None, "missed", 4320.0]]
    q = _log(tmp_path, "## 2025-10-14\n\n- 14:30 Sony cert submission due Oct 16\n- Sony cert submitted\n",
             name="notkt2_b.md")
    assert _rows([q]) == [[8, "(no ticket)", "10-17 00:00", "10-14 00:00", "met", 0.0]]


def test_an_untimed_item_not_done_leaves_it_missed(tmp_path):
    p = _log(tmp_path, _ONE + "## 2025-10-16\n\n- Sony cert not submitted yet\n")
    assert _rows([p]) == [[8, "(no ticket)", "10-17 00:00", None, "missed", 4320.0]]


def test_an_untimed_done_item_after_as_of_is_not_known(tmp_path):
    p = _log(tmp_path, _ONE + "## 2025-10-21\n\n- Sony cert submitted\n")
    assert _rows([p]) == [[8, "(no ticket)", "10-17 00:00", None, "missed", 4320.0]]


def test_many_two_subject_items_and_untimed_items_stay_linear(tmp_path):
    body = "## 2025-10-14\n\n" + "".join(
        f"- 14:{i % 60:02d} Sony cert{i} due Oct 16; Xbox cert{i} due Oct 17\n" for i in range(1500))
    body += "\n## 2025-10-16\n\n" + "- Sony cert not submitted\n" * 3000
    p = _log(tmp_path, body)
    t0 = time.perf_counter()
    out = _out([p])
    took = time.perf_counter() - t0
    assert len(out) == 3000 and set(out["status"]) == {"missed"}
    assert took < 30.0
