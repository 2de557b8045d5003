"""Round 16, PLANS: future items read as plans, one instant written in several zones, (not) extensions."""

from __future__ import annotations

import pytest
from log_rows import item, short_event_rows, text_deadline_rows

from occ_lib import _extract as ex
from occ_lib.logs import parse_log

_TUE = "Tue 2025-10-14"


def _rows(text: str) -> list[list]:
    """``[line, 'MM-DD HH:MM', kind, tickets, 'MM-DD HH:MM' end or None]`` of each event of one item."""
    ev = parse_log(item(text, _TUE), "x.md").events
    return [
        [line, at.strftime("%m-%d %H:%M"), kind, list(t), None if end is None or end != end else
         end.strftime("%m-%d %H:%M")]
        for line, at, kind, t, end in zip(ev["line"], ev["at"], ev["kind"], ev["tickets"], ev["end_at"],
                                          strict=True)
    ]


# 1: future items are plans ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    # a weekday's part of the day, no time, ahead of the section's Tuesday: Wednesday's (known to the day)
    ("HD-5521 AV engineer on site Wednesday morning.", [[5, "10-15 00:00", "plan", ["HD-5521"], None]]),
    # a move to a later day: the exam is to come then (the stamp stays the item's time, as with 'scheduled')
    ("09:10 PSYC105 postponed to Friday 17 October, same window.", [[5, "10-14 09:10", "plan", [], None]]),
    # a rollout's slot is the nearest Friday (ahead), then a milestone on a later day: a plan at its time
    ("rollout at 02:00 UTC Fri", [[5, "10-17 02:00", "plan", [], None]]),
    ("OPS-2 go-live Thu 09:00", [[5, "10-16 09:00", "plan", ["OPS-2"], None]]),
    # (already a plan before this round: 'scheduled')
    ("retro scheduled Mon 20 Oct 11:00 PDT", [[5, "10-20 18:00", "plan", [], None]]),
    # a maintenance or outage tonight: to come
    ("maintenance outage tonight 22:00-23:00", [[5, "10-14 22:00", "plan", [], "10-14 23:00"]]),
    ("PLAT-314 maintenance outage 22:00-23:00 tonight.",
     [[5, "10-14 22:00", "plan", ["PLAT-314"], "10-14 23:00"]]),
])
def test_a_future_item_is_a_plan(text, want):
    assert _rows(text) == want


@pytest.mark.parametrize(("text", "want"), [
    # told as done, or since then: no plan, the section's day
    ("Engineer was on site Wednesday morning.", [[5, "10-14 00:00", "note", [], None]]),
    ("Customer reported errors Wednesday morning", [[5, "10-14 00:00", "note", [], None]]),
    ("Errors since Wednesday morning.", [[5, "10-14 00:00", "note", [], None]]),
    # the section's own weekday: this morning or next week's, not said; no plan
    ("OPS-1 on site Tuesday morning", [[5, "10-14 00:00", "note", ["OPS-1"], None]]),
    # a rollout done: the last Friday, resolved
    ("rollout completed at 02:00 UTC Fri", [[5, "10-10 02:00", "resolved", [], None]]),
    # a move within the section's day: no later day, kept as before
    ("09:10 standup moved to 10:00", [[5, "10-14 09:10", "note", [], None]]),
    # tonight's maintenance told as done: over at its end
    ("maintenance outage tonight 22:00-23:00 completed",
     [[5, "10-14 22:00", "note", [], "10-14 23:00"], [5, "10-14 23:00", "resolved", [], None]]),
    # no 'tonight': as before
    ("maintenance outage 22:00-23:00", [[5, "10-14 22:00", "status", [], "10-14 23:00"]]),
])
def test_what_is_done_or_not_ahead_is_no_plan(text, want):
    assert _rows(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("maintenance outage tonight 22:00-23:00", True),
    ("Tonight's maintenance window 01:00-03:00", True),
    ("downtime planned for tonight", True),
    ("maintenance outage tonight 22:00-23:00 completed", False),
    ("maintenance done. tonight we rest", False),
    ("deploy tonight", False),
])
def test_tonight_window(text, want):
    assert ex.tonight_window(text) is want


def test_day_part_ahead():
    import datetime as dt

    tue = dt.date(2025, 10, 14)
    assert [ex.day_part_ahead(t, tue) for t in (
        "AV engineer on site Wednesday morning.", "visit scheduled Monday afternoon", "Tuesday morning",
        "on site Wednesday morning and Friday evening", "last Wednesday morning", "fixed Wednesday morning",
        "on site Wednesday",
    )] == [1, 6, 0, 0, 0, 0, 0]


# 2: one instant written in several zones -------------------------------------------------------------------
def test_equivalent_times_are_one_instant():
    lg = parse_log(item("Maintenance done: up at 09:00 PDT / 16:00 UTC / 18:00 CEST.", _TUE), "x.md")
    assert lg.events["times"].map(lambda ts: [t.strftime("%m-%d %H:%M") for t in ts]).tolist() == [
        ["10-14 16:00"]]
    assert short_event_rows(item("Maintenance done: up at 09:00 PDT / 16:00 UTC / 18:00 CEST.", _TUE)) == [
        [5, "10-14 16:00", "resolved", 0, []]]
    assert lg.problems.empty


def test_equivalent_deadline_times_are_one_deadline():
    assert text_deadline_rows(item("servers back ETA 09:00 PDT / 16:00 UTC / 18:00 CEST", _TUE)) == [
        [5, [], "10-14 16:00", "ETA", False]]


def test_equivalent_times_that_disagree_are_a_problem():
    lg = parse_log(item("Maintenance done: up at 09:00 PDT / 16:00 UTC / 19:00 CEST.", _TUE), "x.md")
    assert lg.problems[["line", "what", "token", "reason"]].values.tolist() == [
        [5, "time", "19:00 CEST", "written as the same time as 09:00 PDT but is another instant"]]
    assert short_event_rows(item("Maintenance done: up at 09:00 PDT / 16:00 UTC / 19:00 CEST.", _TUE)) == [
        [5, "10-14 16:00", "resolved", 0, []]]


def test_times_of_one_zone_or_not_slashed_stay_two():
    # a window's two ends, one zone; and two zones with words between: two times each, no problem
    for text, want in (
        ("servers down 06:00 PDT / 09:00 PDT", ["10-14 13:00", "10-14 16:00"]),
        ("down 06:00 PDT, up 16:00 UTC", ["10-14 13:00", "10-14 16:00"]),
    ):
        lg = parse_log(item(text, _TUE), "x.md")
        assert lg.events["times"].map(lambda ts: [t.strftime("%m-%d %H:%M") for t in ts]).tolist() == [want]
        assert lg.problems.empty
