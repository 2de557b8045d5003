"""Round 16 EXPE2: 'LT' (local time) is read in the zone the log says local time is, else a problem."""

from __future__ import annotations

import datetime as dt

import pytest

from occ_lib import logs, times

_ITEMS = (
    "## Mon 2025-10-13\n\n- 09:00 LT AIR-2234 feed lagging. Target fix by 12:00 LT.\n"
    "- 10:00 AIR-2234 noted.\n"
)
_Z = dt.UTC


def _parse(header: str) -> logs.Logs:
    return logs.parse_log("# L\n\n" + header + "\n\n" + _ITEMS)


@pytest.mark.parametrize(
    ("header", "bare_hour"),
    [
        ("Times in Z (UTC) unless marked LT (London local, BST = Z+1).", 10),
        ("LT = London", 10),
        ("LT: Europe/London", 10),
        ("local time (Europe/London)", 10),
        ("All times LT (UK).", 9),  # (its own times are local time too: 10:00 BST)
    ],
)
def test_lt_is_the_declared_local_zone(header: str, bare_hour: int) -> None:
    got = _parse(header)
    assert got.events["at"].tolist() == [
        dt.datetime(2025, 10, 13, 8, 0, tzinfo=_Z), dt.datetime(2025, 10, 13, bare_hour, 0, tzinfo=_Z)
    ]
    assert got.deadlines["tickets"].tolist() == [["AIR-2234"]]
    assert got.deadlines["due_at"].tolist() == [dt.datetime(2025, 10, 13, 11, 0, tzinfo=_Z)]
    assert got.problems.empty


def test_lt_without_a_declaration_is_a_problem_not_the_documents_zone() -> None:
    got = _parse("Shift log.")
    assert got.deadlines.empty
    assert got.problems[["token", "reason"]].values.tolist() == [
        ["09:00 LT", "unknown local zone LT (the log does not say what local time is)"],
        ["12:00 LT", "unknown local zone LT (the log does not say what local time is)"],
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("LT = London", ("Europe/London", False)),
        ("Times in Z unless marked LT (London local, BST = Z+1)", ("Europe/London", False)),
        ("all times LT (UK)", ("Europe/London", True)),
        ("local time (Europe/Berlin)", ("Europe/Berlin", False)),
        ("LT-4411 opened", (None, False)),
        ("SALT (salt) level", (None, False)),
        ("no statement", (None, False)),
    ],
)
def test_local_zone_of(text: str, want: tuple[str | None, bool]) -> None:
    tz, all_local = times.local_zone_of(text)
    assert (getattr(tz, "key", None), all_local) == want


def test_a_key_named_lt_after_a_time_is_no_zone() -> None:
    got = logs.parse_log("# L\n\n## Mon 2025-10-13\n\n- 09:00 LT-4411 opened.\n")
    assert got.events["at"].tolist() == [dt.datetime(2025, 10, 13, 9, 0, tzinfo=_Z)]
    assert got.events["tickets"].tolist() == [["LT-4411"]]
    assert got.problems.empty
