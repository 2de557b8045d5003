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


@pytest.mark.parametrize(
    ("header", "want"),
    [("LT = London\n\n", [(4, 40), (5, 0)]), ("", [(5, 40), (6, 0)])],
)
def test_local_after_a_time_is_local_time_only_where_the_log_says_what_it_is(
    header: str, want: list[tuple[int, int]]
) -> None:
    got = logs.parse_log(
        "# L\n\n" + header + "## Mon 2025-10-13\n\n- 05:40 local check-in kiosks down T5.\n"
        "- 06:00 local time AIR-1 fixed.\n"
    )
    assert got.events["at"].tolist() == [dt.datetime(2025, 10, 13, h, m, tzinfo=_Z) for h, m in want]
    assert got.problems.empty


_B = "# L\n\nAll times CET/CEST (Frankfurt) unless marked.\n\n## Wednesday 15 October 2025\n\n"
_A = "# L\n\nTimes in Z (UTC) unless marked LT (London local, BST = Z+1).\n\n## Mon 2025-10-13\n\n"


@pytest.mark.parametrize(
    ("item", "keyword"),
    [
        ("- 17:45 Cut-off extended to 18:00 CET at Treasury request.", "cutoff"),
        ("- 17:45 Cutoff moved to 18:00.", "cutoff"),
        ("- 17:45 Window extended to 18:00.", "window"),
        ("- 17:45 ETA moved to 18:00.", "ETA"),
    ],
)
def test_an_items_opening_stamp_is_kept_before_a_moved_keyword(item: str, keyword: str) -> None:
    got = logs.parse_log(_B + item + "\n")
    assert got.events["at"].tolist() == [dt.datetime(2025, 10, 15, 15, 45, tzinfo=_Z)]
    assert got.deadlines[["due_at", "keyword", "moves"]].values.tolist() == [
        [dt.datetime(2025, 10, 15, 16, 0, tzinfo=_Z), keyword, True]
    ]


def test_the_cut_off_of_a_time_not_opening_the_item_is_still_that_time() -> None:
    got = logs.parse_log(_B + "- 17:00 Treasury: the 17:45 cut-off extended to 18:00.\n")
    assert got.events["at"].tolist() == [dt.datetime(2025, 10, 15, 15, 0, tzinfo=_Z)]
    assert got.deadlines["due_at"].tolist() == [dt.datetime(2025, 10, 15, 16, 0, tzinfo=_Z)]


@pytest.mark.parametrize(
    "item",
    ["- 08:00Z AIR-2251 opened, P2. ETA from vendor 11:00Z.",
     "- 08:00Z AIR-2251 opened. ETA per the supplier 11:00Z."],
)
def test_an_eta_from_the_vendor_is_a_deadline(item: str) -> None:
    got = logs.parse_log(_A + item + "\n")
    assert got.deadlines[["tickets", "due_at", "keyword"]].values.tolist() == [
        [["AIR-2251"], dt.datetime(2025, 10, 13, 11, 0, tzinfo=_Z), "ETA"]
    ]


_VENDOR = "- 05:20Z DCS vendor (SITA) engaged, ref SITA-448812; DCS vendor (SITA) ETA 07:00 GMT for a fix.\n"


def test_a_vendors_reference_leaves_its_eta_to_the_incident_before_it() -> None:
    got = logs.parse_log(_A + "- 05:00Z AIR-2231 DCS down.\n" + _VENDOR + "- 07:10Z AIR-2231 resolved.\n")
    assert got.events["tickets"].tolist() == [["AIR-2231"], ["AIR-2231"], ["AIR-2231"]]
    assert got.deadlines[["tickets", "refs", "due_at"]].values.tolist() == [
        [["AIR-2231"], ["SITA-448812"], dt.datetime(2025, 10, 13, 7, 0, tzinfo=_Z)]
    ]


@pytest.mark.parametrize(
    ("text", "tickets", "refs"),
    [
        (_VENDOR, [], ["SITA-448812"]),  # (no item before it: no ticket, never the vendor's)
        ("- 05:20Z see OPS-77, ETA 07:00.\n", ["OPS-77"], []),  # (no vendor: about the one it names)
        ("- 05:20Z vendor engaged, ref CASE-12, ETA 07:00.\n", ["CASE-12"], []),  # (the prefix is no party)
    ],
)
def test_only_a_vendors_own_reference_is_no_ticket(text: str, tickets: list[str], refs: list[str]) -> None:
    got = logs.parse_log(_A + text)
    assert got.deadlines[["tickets", "refs"]].values.tolist() == [[tickets, refs]]
