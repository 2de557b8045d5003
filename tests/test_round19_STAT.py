"""Round 19 (STAT): the 'status page' case of ``bench/hostile.py`` (a pasted page of updates, 'Fixed. Next
update by 14:45 EDT. Posted Oct 09, 2025 - 14:51 EDT', ten thousand times) was the slowest. Per item the
classifier ran two patterns with no literal prefix (``_extract._FUTURE_DONE``, ``_extract._PARTIAL``) at
every position, ``times.second_in_order`` converted each time to its zone twice, and the reader searched
the promise words before asking whether the deadline was a next update's. Each now has an exact cheap
gate or reuses what it had. The readings must not change: these tests pin that each gate passes wherever
its pattern matches (a seeded corpus built from the patterns' own words and odd white space), and the
readings the gates, the fall-back order and a status page's next update decide."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from occ_lib import _extract as X
from occ_lib.logs import parse_log
from occ_lib.times import find_times

_TOKENS = (
    "be ", "expected ", "expecting", "estimated\t", "by", " by ", "by\n", "\u3000by\u3000", "\u00a0", " ",
    "  ", "\t", "\n", "fixed", "done", "met", "merged", "restored", "recovered", "was ", "had been ",
    "already ", "1", "10:00", "eod", "friday", "oct", "%", "50", "100", "half", "mostly", "partly",
    "partially ", "nearly", "complete", "finished", "on ", "in ", "for ", "3", " of ", "/", "rest",
    "remaining", "others", "still", "running", "in progress", "pending", "partial ", "restore", "deploy",
    "tomorrow", "will deploy", "out", "down", "investigation", "continues", "\u2610", "\u2b1c", "[ ]", "[",
    "]", "x", ", ", "triage ", "ongoing", "root cause analysis ", "to go", "Fixed", "BY", "resolved",
    "closed", "shipped", "Mostly", "STILL",
)


def _corpus(n: int) -> list[str]:
    """``n`` short texts of the tokens (seeded), each also lower-cased."""
    rnd = random.Random(19)
    out = []
    for _ in range(n):
        t = "".join(rnd.choice(_TOKENS) for _ in range(rnd.randint(1, 14)))
        out += [t, t.lower()]
    return out


def test_gates_pass_wherever_their_pattern_matches() -> None:
    texts = _corpus(20_000)
    future = [t for t in texts if X._FUTURE_DONE.search(t) is not None]
    partial = [t for t in texts if X._PARTIAL.search(t) is not None]
    assert (len(future) > 100, len(partial) > 1000) == (True, True)  # (the corpus reaches both patterns)
    assert [t for t in future if not X._may_future_done(t)] == []
    assert [t for t in partial if X._PARTIAL_HINT.search(t) is None] == []
    assert [t for t in texts if X._partial(t) != (X._PARTIAL.search(t) is not None)] == []


@pytest.mark.parametrize(("low", "gate", "future_only"), [
    ("fixed by 10:00", True, True),
    ("fixed\u00a0by\u3000eod", True, True),  # (any white space the pattern's \s takes)
    ("was fixed by 10:00", True, False),  # (the gate does not look behind; the pattern does)
    ("fix expected by 10:00", True, False),  # ('expect': the first branch's lead word)
    ("fixedby 10:00", False, False),
    ("fixed by10:00", False, False),
    ("by 10:00 fixed", False, False),  # (a 'by' at the start follows no word)
    ("fixed. next update by 14:45 edt.", False, False),  # (the word before 'by' is no resolution)
    ("**resolved** fixed. next update by 14:45 edt.", False, False),
])
def test_future_done_gate_edges(low: str, gate: bool, future_only: bool) -> None:
    assert (X._may_future_done(low), X._future_only(low)) == (gate, future_only)


@pytest.mark.parametrize(("text", "kind"), [
    ("**resolved** fixed. next update by 14:45 edt.", ("resolved", 0)),  # (no hint: _PARTIAL not run)
    ("mostly fixed", ("status", 0)),
    ("50% done", ("status", 0)),
    ("done on 3 of 5", ("status", 0)),
    ("fix merged, deploy tomorrow 10:00", ("status", 0)),
])
def test_partial_readings(text: str, kind: tuple[str, int]) -> None:
    assert X.classify(text, X.keywords(text), True, False, False) == kind


def test_fall_back_order_unchanged() -> None:
    # (second_in_order now converts each time to its zone once: the hour the clocks go back reads the same)
    ms = find_times("00:50 ET paged, 01:20 ET, 01:10 ET resolved, 01:30 EDT", day=dt.date(2025, 11, 2))
    assert [(m.raw, m.at.isoformat()) for m in ms] == [
        ("00:50 ET", "2025-11-02T04:50:00+00:00"),
        ("01:20 ET", "2025-11-02T05:20:00+00:00"),
        ("01:10 ET", "2025-11-02T06:10:00+00:00"),  # (the second 01:10)
        ("01:30 EDT", "2025-11-02T05:30:00+00:00"),  # (its abbreviation names its side)
    ]


def test_status_page_updates() -> None:
    lg = parse_log(
        "# History\n**Resolved**\nFixed. Next update by 14:45 EDT.\nPosted Oct 09, 2025 - 14:51 EDT\n\n"
        "**Investigating**\nWe are looking into it. Next update by 16:00 EDT.\n"
        "Posted Oct 09, 2025 - 14:20 EDT\n",
        "h.md",
    )
    assert [(str(r.at), r.kind) for r in lg.events.itertuples()] == [
        ("2025-10-09 18:51:00+00:00", "resolved"), ("2025-10-09 18:20:00+00:00", "acknowledged"),
    ]
    # (a next update's deadline before its stamp is the next day's, whatever the promise words say)
    assert [(str(r.due_at), r.keyword) for r in lg.deadlines.itertuples()] == [
        ("2025-10-10 18:45:00+00:00", "update"), ("2025-10-09 20:00:00+00:00", "update"),
    ]
