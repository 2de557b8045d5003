"""Round 14 (REL4): an -ing verb is a clause's
own ('blocked yesterday, still waiting at 08:00': 08:00 is the item's day), not an -ing noun or preposition
('morning', 'during') nor a word that spans the other clause's event ('starting')."""

from __future__ import annotations

import datetime as dt

from tests.log_rows import event_rows

OPS = "# Ops\n\n## 2025-10-08\n\n"  # (a Wednesday)


def test_an_ing_verb_is_its_clauses_own_and_an_ing_noun_is_not():
    items = [
        "09:41 OPS-310 blocked yesterday, still waiting at 08:00",  # (08:00 was 10-07)
        "09:42 OPS-311 blocked yesterday, ETA 17:00",  # (REL3's: a keyword, unchanged)
    ]
    assert event_rows(OPS + "".join(f"- {t}\n" for t in items)) == [
        # (the block is yesterday's, as REL3's 'blocked yesterday, resolved 04:05'; was 10-08 09:41)
        [5, "10-07 00:00", "blocked", 0, ["OPS-310"], items[0]],
        [5, "10-08 08:00", "blocked", 0, ["OPS-310"], items[0]],
        [6, "10-07 00:00", "blocked", 0, ["OPS-311"], items[1]],
    ]
    from occ_lib.times import find_times

    def timed(text: str) -> list[str]:
        return [m.at.strftime("%m-%d %H:%M") for m in find_times(text, day=dt.date(2025, 10, 8))
                if m.precision == "minute"]

    assert timed("09:41 OPS-1 blocked yesterday, pending at 08:00") == ["10-08 09:41", "10-08 08:00"]
    # not a verb: the day word still dates the time
    assert timed("09:41 OPS-1 maintenance yesterday, starting at 22:00") == ["10-08 09:41", "10-07 22:00"]
    assert timed("09:41 OPS-1 paged yesterday, morning check at 08:00") == ["10-08 09:41", "10-07 08:00"]
    assert timed("09:41 OPS-1 failed yesterday, during the 22:00 run") == ["10-08 09:41", "10-07 22:00"]
    assert timed("09:41 OPS-1 paged yesterday, evening at 23:10") == ["10-08 09:41", "10-07 23:10"]
