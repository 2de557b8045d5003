"""Round 22, parser speed (PFAST): the shortcuts give the answers the slower code gave.

A document (or its items joined) is lowered once for the rules that read it one after the other
(:func:`occ_lib.times.lowered_doc`, one slot, dropped after each document); the items that write a key in
another case are found in the lowered join, not by lowering each item (:func:`occ_lib._extract.known_case`);
paths and web addresses are blanked with slices, and the web-address pattern is searched only in the words
that hold a '/' or two '.' (:func:`occ_lib._extract.without_paths`); the time scan's needles of the
lower-cased document are scanned once each, none that holds another ('monday' holds 'day').
Each expectation below is what the code before the change gave (checked against main).
"""

from __future__ import annotations

import datetime as dt

import pytest

from occ_lib import times
from occ_lib._extract import _host_paths, known_case, without_paths
from occ_lib.logs import parse_logs


def test_lowered_doc_kept_for_an_equal_text_and_dropped() -> None:
    text = "Stra\u00dfe \u2014 ETA Monday"
    assert times.lowered_doc(text) == "stra\u00dfe \u2014 eta monday"
    again = "".join(["Stra\u00dfe \u2014 ", "ETA Monday"])  # (an equal text, another object)
    assert times.lowered_doc(again) == "stra\u00dfe \u2014 eta monday"
    assert times.lowered_doc("\u0130D") == "i\u0307d"  # (a lower case longer than its text)
    times.forget_lowered()
    assert times._LAST_LOWERED == ("", "")


def test_parse_drops_the_kept_text() -> None:
    parse_logs([("a.md", "## 2025-10-08\n- 09:10 UTC: OPS-1 paged\n")])
    assert times._LAST_LOWERED == ("", "")


@pytest.mark.parametrize("texts, known, out", [
    (["OPS-885 paged", "ops-885 fixed", "#ops-channel pinged", "Ops-885 verified"], {"OPS-885"},
     ["OPS-885 paged", "OPS-885 fixed", "#ops-channel pinged", "OPS-885 verified"]),
    # (a text whose lower case is longer, the dotted I: each item is lowered on its own, as before)
    (["OPS-885 paged", "\u0130stanbul ops-885 fixed", "ops-886 seen"], {"OPS-885"},
     ["OPS-885 paged", "\u0130stanbul OPS-885 fixed", "ops-886 seen"]),
    # (a head in lower case that names no key: the items as written)
    (["DEPLOY-147 staged", "pinged #deploy-ops"], {"DEPLOY-147"},
     ["DEPLOY-147 staged", "pinged #deploy-ops"]),
    (["DEPLOY-147 staged"], {"DEPLOY-147"}, None),
])
def test_known_case(texts: list[str], known: set[str], out: list[str] | None) -> None:
    assert known_case(texts, known) == out


@pytest.mark.parametrize("text, blanked, hosts", [
    # (a URL and a path in code spans, a host with a path, a bare path: the spans' union blanked)
    ("`https://x.io/a?token=1` and see status.example.com/incidents/42 then `docs/a.md`, also docs/b.md.",
     "`                      ` and see                                 then `         `, also           ",
     [(33, 64)]),
    # (a sentence's last word, 'intervention.', and 'QA/product/support': no web address)
    ("Re-ran probes and updated `docs/x_y.md` so QA/product/support can follow the dashboard without manual "
     "intervention.",
     "Re-ran probes and updated `           ` so QA/product/support can follow the dashboard without manual "
     "intervention.",
     []),
    ("see grafana.acme.io and ran ./scripts/fix.sh now.", "see                 and ran                  now.",
     [(4, 19), (28, 44)]),
    ("Node.js 20.1 upgrade done. No paths here.", "Node.js 20.1 upgrade done. No paths here.", []),
])
def test_without_paths(text: str, blanked: str, hosts: list[tuple[int, int]]) -> None:
    assert without_paths(text) == blanked
    assert _host_paths(text) == hosts


def test_find_times_many_needles_that_hold_another() -> None:
    # ('Monday' holds 'day', 'this week' 'week', 'yesterday' 'day': the same texts read the slow way)
    texts = ["09:10 UTC: ETA Monday 10:00", "this week: 14:00 UTC", "due the 3rd", "14:05 UTC deployed",
             "yesterday 22:00 UTC"]
    found = times.find_times_many(texts, [dt.date(2025, 10, 8)] * len(texts))
    assert [[(m.raw, m.at.isoformat() if m.at else None, m.keyword) for m in ms] for ms in found] == [
        [("09:10 UTC", "2025-10-08T09:10:00+00:00", None), ("10:00", "2025-10-13T10:00:00+00:00", "ETA")],
        [("14:00 UTC", "2025-10-08T14:00:00+00:00", None)],
        [("the 3rd", "2025-11-03T00:00:00+00:00", "due")],
        [("14:05 UTC", "2025-10-08T14:05:00+00:00", None)],
        [("22:00 UTC", "2025-10-07T22:00:00+00:00", None)],
    ]


def test_slow_needles_hold_no_other() -> None:
    needles = times._SLOW_LOW_SCAN
    assert len(needles) == 43
    assert not any(m != n and m in n for n in needles for m in needles)
    # (every needle dropped holds one kept)
    dropped = [n for n in (*times._SLOW_LOW, *times._PROSE_HINTS) if n not in needles]
    assert dropped == ["oday", "esterday", "midday", "s week", "t week", "ss day", "ng day", "yday", "monday",
                       "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    assert all(any(m in n for m in needles) for n in dropped)
