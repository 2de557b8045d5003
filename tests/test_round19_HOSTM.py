"""Round 19 (HOSTM): the hostile-input margin. The slowest cases of ``bench/hostile.py`` paid, once per
time or weekday, regex searches that try every alternative at every position of a window ('caused by',
a past 'by', 'fixed on Monday', a move between a time and a weekday) and looked at every weekday within
reach of each time. The reading must not change: these tests pin that each cheap gate put before such a
search passes wherever the search matches (on a seeded corpus of windows built from the patterns' own
words, odd case-folding letters and white space included), and the readings of the shapes the gates and
the early stop of ``_near_rel`` decide."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from occ_lib import times as T
from occ_lib.times import find_times

DAY = dt.date(2025, 10, 9)

_WORDS = " ".join((
    "caused introduced triggered broken induced impacted affected preceded followed superseded ",
    "replaced blocked reverted fixed resolved reported raised opened filed approved merged deployed ",
    "shipped started kicked off initiated made sent posted was were had got already been all fully ",
    "completely mostly gone back down done over clear green drained triaged cleared settled ",
    "stabilised normalized subsided dropped returned caught up backfilled purged vanished isolated ",
    "begun joined logged signed checked in arrived under below within above to at online normal ",
    "baseline zero 900ms 5% again entirely finished completed complete closed restored recovered ",
    "will be by on last escalated it the director slipped moved pushed shifted delayed postponed ",
    "bumped rescheduled slips deferred extended until till for out -> => \u2192 today Friday Fri Mo Fr . ",
    ", ; : @ 10:00 2025 ETA update Next queue x-drained unfixed ",
)).split()
_ODD = ("\u017f", "\u212a", "\u0131", "\u0130", "\u017flipped", "bloc\u212aed", "\u00a0")
_WS = (" ", " ", " ", "  ", "\t", "\n", "\u00a0")


def _windows(n: int) -> list[tuple[str, int, int]]:
    """``n`` texts ending in 'by 10:00', with a window start and the position of 'by' (seeded)."""
    rnd = random.Random(19)
    out = []
    for _ in range(n):
        parts: list[str] = []
        for _ in range(rnd.randint(1, 14)):
            w = rnd.choice(_WORDS) if rnd.random() > 0.05 else rnd.choice(_ODD)
            r = rnd.random()
            parts += [w.upper() if r < 0.1 else w.capitalize() if r < 0.2 else w, rnd.choice(_WS)]
        if rnd.random() < 0.3:
            parts.pop()
        text = "".join(parts) + "by 10:00"
        by = len(text) - 8
        out.append((text, rnd.randint(0, by), by))
    return out


def _tail_gate(text: str, lo: int, by: int, ends: tuple[str, ...], last: int = 1) -> bool:
    tail = T._ascii_tail(text, lo, by)
    return tail is None or any(w.endswith(ends) for w in tail.rsplit(None, last)[-last:]) if last > 1 else (
        tail is None or tail.endswith(ends))


def test_gates_pass_wherever_the_search_matches() -> None:
    wins = _windows(20_000)
    missed = []
    hits = [0, 0, 0, 0]
    for k, (text, lo, by) in enumerate(wins):
        if T._CAUSED.search(text, lo, by) is not None:
            hits[0] += 1
            if not _tail_gate(text, lo, by, T._CAUSED_ENDS):
                missed.append(("caused", k))
        if T._PAST_BY.search(text, lo, by) is not None:
            hits[1] += 1
            if not _tail_gate(text, lo, by, T._PAST_BY_ENDS, last=4):
                missed.append(("past by", k))
        if T._DONE_ON.search(text, lo, by) is not None:
            hits[2] += 1
            if not _tail_gate(text, lo, by, T._DONE_ON_ENDS):
                missed.append(("done on", k))
        gap = text[lo:by]
        if T._MOVED_TO.search(gap) is not None:
            hits[3] += 1
            if not T._may_move(gap):
                missed.append(("moved", k))
    assert missed == []
    assert [h > 100 for h in hits] == [True, True, True, True]  # (the corpus does exercise every pattern)


@pytest.mark.parametrize(("text", "rows"), [
    # a short weekday right before a time dates it; the weekdays after a time are not its day
    ("ETA Fri 3pm ET, Sat with Sun at 14:00, THU",
     [("3pm ET", "2025-10-10T19:00:00+00:00", "ETA"), ("14:00", "2025-10-05T14:00:00+00:00", None)]),
    # a weekday a state was reached on is not the ETA's day (_done_on, behind its gate)
    ("ETA 15:00 UTC, fixed on Monday",
     [("15:00 UTC", "2025-10-09T15:00:00+00:00", "ETA"), ("Monday", "2025-10-06T00:00:00+00:00", None)]),
    # a past 'by' is when it happened, a promised one a deadline (_is_past_by, behind its gate)
    ("queue drained by 10:20, will be fixed by 17:00 UTC",
     [("10:20", "2025-10-09T10:20:00+00:00", None), ("17:00 UTC", "2025-10-09T17:00:00+00:00", "by")]),
    # a causal 'by' names what did it; a move after a time takes the weekday (_is_causal_by, _may_move)
    ("alert caused by 14:55 deploy; ETA 17:00 missed, pushed to Friday",
     [("14:55", "2025-10-09T14:55:00+00:00", None), ("17:00", "2025-10-09T17:00:00+00:00", "ETA"),
      ("Friday", "2025-10-10T00:00:00+00:00", "ETA")]),
])
def test_readings_the_gates_decide(text: str, rows: list[tuple[str, str | None, str | None]]) -> None:
    got = [(m.raw, m.at.isoformat() if m.at else None, m.keyword) for m in find_times(text, day=DAY)]
    assert got == rows
