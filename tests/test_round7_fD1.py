"""Round 7 (fixer fD1), findings of test drive 62: German zone words and declarations (``MESZ``/``MEZ``,
``Zeiten in MESZ (Europe/Berlin)``, ``Zeitzone: Europe/Berlin``) and ``14.30 Uhr``; a deadline written
without a date after a dated time in its sentence (``window Mon 13 Oct 09:00-11:00 CEST, no later than
11:00``); dotted day-first headings without a year (``## Fr., 10.10.``, ``## 08.10``) and ``## 2025.10.08``
in a document that writes dotted dates; a year-less weekday heading (``## Mon 6 Oct``) in a document with no
year anywhere; a postmortem's ``T+15m`` offsets from the T0 its heading declares. Each with near misses that
must not change."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from occ_lib import times
from occ_lib.logs import parse_log
from occ_lib.times import declared_zone, dotted_dates, find_times, parse_heading, zone_named

U = dt.UTC


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def _events(doc: str) -> list[list]:
    ev = parse_log(doc, "x.md").events
    return [[r.line, None if pd.isna(r.at) else r.at, r.at_precision] for r in ev.itertuples()]


def _deadlines(doc: str) -> list[list]:
    dl = parse_log(doc, "x.md").deadlines
    return dl[["line", "due_at", "keyword", "stated_missed"]].values.tolist()


# --- finding 9: German zone words and declarations, '14.30 Uhr' ---------------------------------------

def test_mesz_and_mez_are_berlin_time() -> None:
    assert str(zone_named("MESZ")) == "Europe/Berlin"
    assert str(zone_named("MEZ")) == "Europe/Berlin"
    doc = (
        "# D\n\n## 2025-10-06\n- 09:15 MESZ upgrade\n- 09:20 MEZ upgrade\n\n"
        "## 2025-12-01\n- 09:20 MEZ upgrade\n"
    )
    # (MEZ written in October means Berlin's time that day, as EST written in July means New York's)
    assert _events(doc) == [
        [4, ts("2025-10-06T07:15"), "minute"], [5, ts("2025-10-06T07:20"), "minute"],
        [8, ts("2025-12-01T08:20"), "minute"],
    ]


def test_mesz_and_mez_pick_the_offset_in_the_night_the_clocks_go_back() -> None:
    day = dt.date(2025, 10, 26)
    assert [m.at for m in find_times("02:30 MESZ; 02:30 MEZ", day=day)] == [
        dt.datetime(2025, 10, 26, 0, 30, tzinfo=U), dt.datetime(2025, 10, 26, 1, 30, tzinfo=U),
    ]


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Zeiten in MESZ (Europe/Berlin), sofern nicht anders angegeben.", "Europe/Berlin"),
        ("Zeitzone: Europe/Berlin", "Europe/Berlin"),
        ("All times in MESZ.", "Europe/Berlin"),
        ("Alle Uhrzeiten sind in MEZ.", "Europe/Berlin"),
        ("Zeitangaben in MEZ/MESZ.", "Europe/Berlin"),
        # an IANA name in brackets is more exact than the abbreviation before it
        ("All times in ET (America/Toronto).", "America/Toronto"),
        # near misses: unchanged
        ("All times in PDT (UTC-7).", "America/Los_Angeles"),
        ("All times CET/CEST.", "Europe/Paris"),
        ("Die Zeitzone ist egal.", None),
        ("Zeiten in der Nacht sind ruhig.", None),
        ("Die Zeit in MESZ war knapp.", None),
    ],
)
def test_german_zone_declarations(text: str, zone: str | None) -> None:
    assert declared_zone(text) == zone


def test_a_german_digest_is_read_in_its_declared_zone() -> None:
    doc = (
        "# Platform weekly digest — KW 41\n\n"
        "Zeiten in MESZ (Europe/Berlin), sofern nicht anders angegeben.\n\n"
        "## 06.10.2025\n- 09:15 Kubernetes upgrade of `k8s-prod-eu` to 1.30 started (PLAT-901).\n"
        "- 14.30 Uhr Rollback gestartet.\n"
    )
    log = parse_log(doc, "digest.md")
    assert log.docs["tz"].tolist() == ["Europe/Berlin"]
    assert _events(doc) == [[6, ts("2025-10-06T07:15"), "minute"], [7, ts("2025-10-06T12:30"), "minute"]]
    doc2 = "# D\n\nZeitzone: Europe/Berlin\n\n## 06.10.2025\n- 09:15 upgrade started.\n"
    assert _events(doc2) == [[6, ts("2025-10-06T07:15"), "minute"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14.30 Uhr Rollback gestartet.", [("14.30 Uhr", dt.datetime(2025, 10, 6, 12, 30, tzinfo=U), None)]),
        ("Rollback um 9.05 Uhr fertig.", [("9.05 Uhr", dt.datetime(2025, 10, 6, 7, 5, tzinfo=U), None)]),
        ("Wartung 14.30–15.00 Uhr.", [("14.30–15.00 Uhr", dt.datetime(2025, 10, 6, 12, 30, tzinfo=U),
                                      dt.datetime(2025, 10, 6, 13, 0, tzinfo=U))]),
        # 'Uhr' is part of the time, so a zone after it is read
        ("16:45 Uhr MESZ", [("16:45 Uhr MESZ", dt.datetime(2025, 10, 6, 14, 45, tzinfo=U), None)]),
        ("14:30 Uhr", [("14:30 Uhr", dt.datetime(2025, 10, 6, 12, 30, tzinfo=U), None)]),
        # near misses: a dotted number without 'Uhr' is no time
        ("Version 14.30 released.", []),
        ("Preis 14.30 Uhren", []),
        ("load 9.30 at peak", []),
    ],
)
def test_a_dotted_time_with_uhr(text: str, expected: list[tuple]) -> None:
    found = find_times(text, day=dt.date(2025, 10, 6), tz="Europe/Berlin")
    assert [(m.raw, m.at, m.until) for m in found] == expected


def test_a_dotted_time_with_uhr_keeps_its_minutes() -> None:
    doc = (
        "---\ntz: Europe/Berlin\n---\n# D\n## 2025-10-06\n- 14.30 Uhr Rollback gestartet.\n"
        "- Version 14.30 gebaut.\n"
    )
    assert _events(doc) == [[6, ts("2025-10-06T12:30"), "minute"], [7, ts("2025-10-06T00:00"), "day"]]


# --- finding 10: a deadline after a dated time in its sentence ------------------------------------------

def test_no_later_than_takes_the_date_of_its_sentence() -> None:
    doc = (
        "# R\nAll times CET/CEST.\n\n## Thu 9 Oct 2025\n"
        "- Post-rollback: new deploy window Mon 13 Oct 09:00–11:00 CEST, no later than 11:00.\n"
    )
    assert _deadlines(doc) == [
        [5, ts("2025-10-13T09:00"), "window", False], [5, ts("2025-10-13T09:00"), "no later than", False],
    ]


def test_a_deadline_after_a_dated_time_and_its_near_misses() -> None:
    doc = (
        "# R\n## 2025-10-09\n"
        "- Incident started Oct 8 23:50 UTC, fix ETA 01:00.\n"  # earlier than the dated time: the next day
        "- Incident started Oct 8 23:50 UTC, fix ETA 23:00 missed.\n"
        "- New window Mon 13 Oct 09:00–11:00 UTC. ETA for the fix 17:00.\n"  # another sentence: the section's
        "- New window Mon 13 Oct 09:00–11:00 UTC; rollback ETA 17:00.\n"  # another clause
        "- Oct 8 23:52 sam: ETA 23:00\n"  # a date opening the text is the item's own, read as before
    )
    assert _deadlines(doc) == [
        [3, ts("2025-10-09T01:00"), "ETA", False],
        [4, ts("2025-10-09T23:00"), "ETA", True],
        [5, ts("2025-10-13T11:00"), "window", False], [5, ts("2025-10-09T17:00"), "ETA", False],
        [6, ts("2025-10-13T11:00"), "window", False], [6, ts("2025-10-09T17:00"), "ETA", False],
        [7, ts("2025-10-08T23:00"), "ETA", False],
    ]


def test_a_time_that_is_no_deadline_keeps_the_section_date() -> None:
    doc = "# R\n## 2025-10-09\n- Window Oct 13 09:00-11:00 UTC, rollback at 11:30.\n"
    log = parse_log(doc, "x.md")
    assert log.events["times"].tolist() == [[ts("2025-10-09T11:30").to_pydatetime()]]


# --- finding 11: dotted headings without a year, and year first --------------------------------------------

_DOTTED_DOC = (
    "---\ntz: Europe/Berlin\n---\n# D\n\n## 06.10.2025\n- 09:15 upgrade started.\n\n"
    "{}\n- 07:30 restore test.\n"
)


@pytest.mark.parametrize(
    ("heading", "at"),
    [
        ("## Fr., 10.10.", "2025-10-10T05:30"),
        ("## Fri 10.10.", "2025-10-10T05:30"),
        ("## 10.10.", "2025-10-10T05:30"),
        ("## Wed 08.10.", "2025-10-08T05:30"),
        ("## 08.10", "2025-10-08T05:30"),
        ("## 08.10 (Mi)", "2025-10-08T05:30"),
        ("## Freitag, 10.10.", "2025-10-10T05:30"),
        ("## 2025.10.08", "2025-10-08T05:30"),
    ],
)
def test_a_dotted_heading_in_a_document_of_dotted_dates(heading: str, at: str) -> None:
    log = parse_log(_DOTTED_DOC.format(heading), "z.md")
    assert log.events["at"].tolist() == [ts("2025-10-06T07:15"), ts(at)]
    assert log.problems.empty
    assert log.sections["title"].tolist() == ["", ""]


@pytest.mark.parametrize(
    "doc",
    [
        # no dotted date in the document: section and version numbers
        "# D\n\n## 2025-10-06\n- 09:15 a\n\n## 1.2.\n- b\n",
        "# D\n\n## 2025-10-06\n- 09:15 a\n\n## 3.12\n- b\n",
        "# D\n\n## 2025-10-06\n- 09:15 a\n\n## 2025.10.08\n- b\n",
        # a dotted document, but a heading that says more than its date
        "# D\n\n## 06.10.2025\n- 09:15 a\n\n## 1.2. Scope\n- b\n",
        "# D\n\n## 06.10.2025\n- 09:15 a\n\n## 1.2.3\n- b\n",
    ],
)
def test_a_dotted_number_that_is_no_date(doc: str) -> None:
    log = parse_log(doc, "z.md")
    assert log.sections["date"].isna().tolist() == [False, True]


def test_dotted_heading_unit() -> None:
    near = dt.date(2025, 10, 6)
    assert parse_heading("Fr., 10.10.", year_near=near, dotted=True).date == dt.date(2025, 10, 10)
    assert parse_heading("Fr., 10.10.", year_near=near, dotted=lambda: True).date == dt.date(2025, 10, 10)
    assert parse_heading("Fr., 10.10.", year_near=near).date is None
    assert parse_heading("10.10.", dotted=True).date is None  # (year-less, nothing to take a year from)
    assert (dotted_dates("ETA 06.10.2025 12:00"), dotted_dates("v1.2.3, 2025.10.08"), dotted_dates("")) == (
        True, False, False,
    )


# --- finding 12: a year-less weekday heading, no year anywhere -------------------------------------------

_NO_YEAR = "# Release\n\n## Mon 6 Oct\n- 09:00 freeze starts.\n\n## Tue 7 Oct\n- 10:00 rc1 cut.\n"


def test_a_weekday_fixes_the_year_nearest_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(times, "_today", lambda: dt.date(2026, 12, 1))
    log = parse_log(_NO_YEAR, "release.md")
    assert log.events["at"].tolist() == [ts("2025-10-06T09:00"), ts("2025-10-07T10:00")]
    assert log.problems.empty
    # the other years with Monday on 6 Oct are 2014 and 2031: from mid-2029 on, 2031 is the nearer
    monkeypatch.setattr(times, "_today", lambda: dt.date(2029, 6, 1))
    assert parse_heading("Mon 6 Oct").date == dt.date(2031, 10, 6)
    assert parse_heading("6 Oct (Mon) 09:00 UTC").at == dt.datetime(2031, 10, 6, 9, tzinfo=U)


def test_a_year_less_heading_without_a_weekday_or_with_a_year(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(times, "_today", lambda: dt.date(2026, 12, 1))
    h = parse_heading("6 Oct")
    assert (h.date, h.problem) == (None, "date without a year Oct 6")
    # a date to take the year from wins, as before (the weekday is not checked against it)
    assert parse_heading("Mon 6 Oct", year_near=dt.date(2024, 12, 30)).date == dt.date(2024, 10, 6)


# --- finding 6: T+ offsets from the heading's T0 -------------------------------------------------------

def test_postmortem_offsets_from_t0() -> None:
    doc = (
        "# PM\n\n**Date:** 2025-10-09\n\n## Relative timeline (T0 = 14:02 UTC)\n"
        "- T+0m: first 503s.\n- T+15m: IC declared.\n- T+53m: rollback attempt failed.\n"
        "- T+1h45m: mitigated.\n"
        "- T-5 min: deploy finished.\n- T+30m (14:40 UTC): customer comms sent.\n- T+15: no unit.\n"
    )
    assert _events(doc)[1:] == [
        [6, ts("2025-10-09T14:02"), "minute"], [7, ts("2025-10-09T14:17"), "minute"],
        [8, ts("2025-10-09T14:55"), "minute"], [9, ts("2025-10-09T15:47"), "minute"],
        [10, ts("2025-10-09T13:57"), "minute"], [11, ts("2025-10-09T14:40"), "minute"],
        [12, ts("2025-10-09T14:02"), "minute"],
    ]


def test_offsets_need_a_heading_that_names_t0() -> None:
    doc = "# PM\n\n## 2025-10-09 14:02 UTC timeline\n- T+15m: IC declared.\n"
    assert _events(doc) == [[4, ts("2025-10-09T14:02"), "minute"]]
