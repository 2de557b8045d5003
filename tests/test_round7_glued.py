"""Round 7, values glued to their key or to a script written without spaces: 'ETA:17:00', 'due:2025-10-10',
keys and zones glued to Japanese, Korean or Thai words, and the zone abbreviations of South America,
Central Africa, Turkey, Iran, Nepal and Newfoundland."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from occ_lib._extract import tickets
from occ_lib.logs import parse_log
from occ_lib.times import find_times

D = dt.date(2025, 10, 9)  # a Thursday
HEAD = "# Ops\n\n## Thu 2025-10-09\n\n"


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _deadlines(items: str) -> list[list]:
    dl = parse_log(HEAD + items, "x.md").deadlines
    return dl[["line", "tickets", "due_at", "keyword"]].values.tolist()


def _mentions(text: str) -> list[tuple]:
    return [(m.raw, m.at, m.is_deadline, m.keyword) for m in find_times(text, day=D)]


U = dt.UTC


# --- 1. a key and its value glued by a colon -----------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ETA:17:00 UTC", [("17:00 UTC", dt.datetime(2025, 10, 9, 17, tzinfo=U), True, "ETA")]),
        ("ETA:17:00", [("17:00", dt.datetime(2025, 10, 9, 17, tzinfo=U), True, "ETA")]),
        ("deadline:17:30", [("17:30", dt.datetime(2025, 10, 9, 17, 30, tzinfo=U), True, "deadline")]),
        ("due:2025-10-10", [("2025-10-10", dt.datetime(2025, 10, 10, tzinfo=U), True, "due")]),
        # (the date was lost and its time read on the section's day, as no deadline)
        ("ETA:2025-10-10 15:00 UTC",
         [("2025-10-10 15:00 UTC", dt.datetime(2025, 10, 10, 15, tzinfo=U), True, "ETA")]),
        ("Started:15:00 UTC", [("15:00 UTC", dt.datetime(2025, 10, 9, 15, tzinfo=U), False, None)]),
    ],
)
def test_a_value_glued_to_its_key_by_a_colon(text: str, expected: list[tuple]) -> None:
    assert _mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a colon after a digit or a sign still glues: no '30:45' in a time with seconds
        ("12:30:45 UTC", [("12:30:45 UTC", dt.datetime(2025, 10, 9, 12, 30, 45, tzinfo=U), False, None)]),
        ("x :15:00", []),
        # (nor one that opens the text: as in find_times_many, where a line break comes before it)
        (":09:00", []),
        # a MAC address and an IPv6 address are no times
        ("port aa:bb:12:34:56:78 flapped", []),
        ("route fe80::12:34 down", []),
    ],
)
def test_colons_that_still_glue(text: str, expected: list[tuple]) -> None:
    assert _mentions(text) == expected


def test_glued_deadlines_in_a_log() -> None:
    items = "- OPS-1 ETA:17:00 UTC\n- OPS-2 due:2025-10-10\n- OPS-3 ETA:2025-10-10 15:00 UTC\n"
    assert _deadlines(items) == [
        [5, ["OPS-1"], ts("2025-10-09 17:00"), "ETA"],
        [6, ["OPS-2"], ts("2025-10-10 00:00"), "due"],
        [7, ["OPS-3"], ts("2025-10-10 15:00"), "ETA"],
    ]


# --- 2. scripts written without spaces -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DEPLOY-148のロールアウト開始", ["DEPLOY-148"]),
        ("のDEPLOY-148を確認", ["DEPLOY-148"]),
        ("INC-7번 장애", ["INC-7"]),
        ("ticket DEPLOY-149。", ["DEPLOY-149"]),
        ("งานDEPLOY-5เสร็จ", ["DEPLOY-5"]),
        # a letter of a spaced script still glues
        ("éDEPLOY-1", []),
        ("DEPLOY-1é", []),
        ("abcDEPLOY-1", []),
        ("DEPLOY-1x", []),
    ],
)
def test_ticket_keys_glued_to_unspaced_scripts(text: str, expected: list[str]) -> None:
    assert tickets(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the zone was dropped: 17:00 UTC, nine hours late
        ("17:00 JSTに再開", [("17:00 JST", dt.datetime(2025, 10, 9, 8, tzinfo=U), False, None)]),
        ("締切17:00 UTC", [("17:00 UTC", dt.datetime(2025, 10, 9, 17, tzinfo=U), False, None)]),
        ("ETA 17:00 UTCまで", [("17:00 UTC", dt.datetime(2025, 10, 9, 17, tzinfo=U), True, "ETA")]),
        ("ETA 18:00 KST까지", [("18:00 KST", dt.datetime(2025, 10, 9, 9, tzinfo=U), True, "ETA")]),
        # a zone glued to a letter of a spaced script is no zone
        ("17:00 JSTx", [("17:00", dt.datetime(2025, 10, 9, 17, tzinfo=U), False, None)]),
        ("abc17:00", []),
    ],
)
def test_times_and_zones_glued_to_unspaced_scripts(text: str, expected: list[tuple]) -> None:
    assert _mentions(text) == expected


def test_a_japanese_item_keeps_its_ticket_and_deadline() -> None:
    items = "- 01:05 UTC DEPLOY-148のロールアウト開始、ETA 17:00 JSTまで\n"
    assert _deadlines(items) == [[5, ["DEPLOY-148"], ts("2025-10-09 08:00"), "ETA"]]


# --- 3. more zones ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("zone", "utc"),
    [
        ("CLT", "2025-10-09 18:00"),  # Santiago keeps summer time from September: UTC-3
        ("CLST", "2025-10-09 18:00"),
        ("PET", "2025-10-09 20:00"),  # Lima, UTC-5
        ("COT", "2025-10-09 20:00"),  # Bogota, UTC-5
        ("ECT", "2025-10-09 20:00"),  # Guayaquil, UTC-5
        ("VET", "2025-10-09 19:00"),  # Caracas, UTC-4
        ("UYT", "2025-10-09 18:00"),  # Montevideo, UTC-3
        ("PYT", "2025-10-09 18:00"),  # Asuncion, UTC-3 since 2024
        ("NDT", "2025-10-09 17:30"),  # St. John's in summer, UTC-2:30
        ("NST", "2025-10-09 17:30"),
        ("CAT", "2025-10-09 13:00"),  # Maputo, UTC+2
        ("TRT", "2025-10-09 12:00"),  # Istanbul, UTC+3
        ("IRST", "2025-10-09 11:30"),  # Tehran, UTC+3:30
        ("NPT", "2025-10-09 09:15"),  # Kathmandu, UTC+5:45
        ("WITA", "2025-10-09 07:00"),  # Makassar, UTC+8
        ("WIT", "2025-10-09 06:00"),  # Jayapura, UTC+9
    ],
)
def test_more_zone_abbreviations(zone: str, utc: str) -> None:
    assert _deadlines(f"- OPS-1 ETA 15:00 {zone}\n") == [[5, ["OPS-1"], ts(utc), "ETA"]]


@pytest.mark.parametrize("word", ["pet", "cat", "cot", "vet", "wit"])
def test_the_words_among_them_are_zones_only_in_capitals(word: str) -> None:
    # ('15:00 pet sitter': the word, and the time stays the document's, UTC)
    assert _deadlines(f"- OPS-1 ETA 15:00 {word} check\n") == [[5, ["OPS-1"], ts("2025-10-09 15:00"), "ETA"]]
