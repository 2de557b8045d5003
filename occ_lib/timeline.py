"""Escalation timelines: how each ticket's follow-ups, escalations and resolution unfolded.

Input is the ``events`` table of :func:`occ_lib.logs.read_logs` (a ``Logs`` object or the bare
events DataFrame). Rules, so that every figure says how it was counted:

- An event belongs to every ticket it mentions (its ``tickets`` list, which already includes the
  tickets a nested item inherits; ``via`` is ``text``), and a stamped step of a ticket's story that
  names no ticket (``6:20am still degraded; paged secondary`` after ``6:02am ... (INC-5001)``) to
  the ticket of its thread (:mod:`occ_lib.threads`; ``via`` is ``thread``). Other events that
  mention no ticket are not part of any timeline.
- A row's ``text`` is its event's, clipped at :data:`occ_lib.logs.DEADLINE_TEXT_MAX` characters (then
  ``…``) as a deadline row's: a pasted export that names thousands of tickets is one event, and its
  whole text copied into each of their rows cost time and memory squared.
- Order is by the UTC instant ``at``, then ``source`` and ``line``, then the order the tickets
  are mentioned in the event. Files in different zones interleave correctly because ``at`` is UTC.
- Events without a time (``at`` is NaT: an undated section) are kept in :func:`escalations`, after
  every timed event, so nothing a log says is lost; :func:`summary` cannot place them in time and
  ignores them.
- A day-precision event (``at_precision == "day"``) sits at midnight of its date: in the zone given
  as ``tz`` (the report's, the SLA policy's: :func:`days_in_zone`), else UTC, so it lists before
  the timed events of that day, and a period counted in that zone holds it on its own date (a date
  that begins at ``as_of`` is after it). It could have happened at any time that day, so in
  :func:`summary` it is not *first* before a timed event of the same day (:func:`first_events`),
  and a follow-up, escalation or resolution known only to the day of a timed first sighting counts
  from that sighting, never before it;
  when a first instant does come from such an event, ``day_precision`` names that column
  (``first_seen, first_follow_up``...): the value is a date, not a time, and a duration from it is
  approximate.
- In :func:`summary` only events at or before ``as_of`` count. Follow-ups and escalations are
  counted by the escalation ladder's rungs, not by kind (:func:`rungs`): a *follow-up* is an
  event of level 1 (a ping, a nudge, a page to the on-call, whether the reader called it
  ``follow_up`` or ``escalation``), an *escalation* one of level 2 or more (a manager, lead or
  executive); an event of level 0 (a hand-made table without levels) counts by its kind
  (``follow_up`` as 1, ``escalation`` as 2). ``max_level`` is the highest escalation level of any
  counted event (0 none, 1 ping, 2 manager, 3 executive). A follow-up or escalation of a ticket at
  the same instant and rung as an earlier one, written in another file or in the same words, is
  that one pasted again (a page copied into a second team's log, or reworded in its zone) and is
  counted once (:func:`_pasted_again`); the timeline keeps every row. A ticket is
  ``resolved`` when an event of kind ``resolved`` came at or before ``as_of`` (``resolved_at`` is
  the first one), otherwise ``open``; ``open_age`` is ``as_of - first_seen`` for open tickets
  (``as_of`` defaults to now, taken to the whole second: a duration in seconds has no noise of
  microseconds).
- A report of one period shows :func:`period_view`: the tickets active in the period (an event in
  it, or a deadline or ticket target due in it), their events in it, the last one before it (the
  ticket's state when the period began) and their undated events; a year of history is not
  charted in every week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .periods import instant, local_midnight, zone_arg
from .threads import with_threads

TIMELINE_COLUMNS: tuple[str, ...] = (
    "ticket",
    "at",
    "at_precision",
    "kind",
    "level",
    "source",
    "line",
    "section",
    "text",
    "via",
)

SUMMARY_COLUMNS: tuple[str, ...] = (
    "ticket",
    "first_seen",
    "first_follow_up",
    "first_escalation",
    "max_level",
    "follow_ups",
    "escalations",
    "resolved_at",
    "time_to_escalate",
    "time_to_resolve",
    "open_age",
    "status",
    "day_precision",
)

#: The summary's instants; ``day_precision`` names those that came from an event known only to
#: its day (its value is then that date's UTC midnight, and durations from it are approximate).
INSTANT_COLUMNS: tuple[str, ...] = ("first_seen", "first_follow_up", "first_escalation", "resolved_at")

_UTC = "datetime64[us, UTC]"
_TD = "timedelta64[us]"


def refuse_path(logs: Any, param: str = "logs") -> None:
    """An :class:`~occ_lib.errors.ArgumentError` when ``logs`` is a path or glob rather than logs
    already read: :func:`escalations` and :func:`occ_lib.sla.misses` take what
    :func:`occ_lib.logs.read_logs` returns, whose ``problems`` table says what could not be read (a
    path read here would hide them, and a str had silently given no rows at all)."""
    import os

    from .errors import ArgumentError

    if isinstance(logs, str | os.PathLike):
        raise ArgumentError(
            f"{param}: {str(logs)!r} is a path; pass the logs read from it: "
            f"occ_lib.read_logs({str(logs)!r}) (its .problems lists what could not be read)"
        )


def _events(logs: Any) -> pd.DataFrame:
    """The events table of a ``Logs`` object, or ``logs`` itself when it is already a DataFrame."""
    refuse_path(logs)
    events = logs if isinstance(logs, pd.DataFrame) else getattr(logs, "events", None)
    if not isinstance(events, pd.DataFrame):
        raise TypeError("expected occ_lib.logs.Logs or an events DataFrame")
    return events


def _utc(series: pd.Series) -> pd.Series:
    s = pd.to_datetime(series, utc=True)
    return s.astype(_UTC)


def as_utc(value: Any, param: str = "as_of", tz: str | dt.tzinfo | None = None) -> pd.Timestamp:
    """An instant (str, datetime, Timestamp) as a UTC Timestamp; naive values are read in ``tz``
    (default UTC). One that is no instant raises :class:`~occ_lib.errors.ArgumentError` naming
    ``param``."""
    return instant(value, param, tz or "UTC")


def _tickets(tickets: Sequence[str] | str | None) -> list[str] | None:
    """``tickets`` as a list: one ticket given as a str is a one-item list, not its characters."""
    if tickets is None:
        return None
    return [tickets] if isinstance(tickets, str) else list(tickets)


def _empty_timeline() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "ticket": pd.Series([], dtype="str"),
            "at": pd.Series([], dtype=_UTC),
            "at_precision": pd.Series([], dtype="object"),
            "kind": pd.Series([], dtype="str"),
            "level": pd.Series([], dtype="int64"),
            "source": pd.Series([], dtype="str"),
            "line": pd.Series([], dtype="int64"),
            "section": pd.Series([], dtype="object"),
            "text": pd.Series([], dtype="str"),
            "via": pd.Series([], dtype="str"),
        }
    )


def days_in_zone(frame: pd.DataFrame, tz: str | dt.tzinfo | None) -> pd.DataFrame:
    """``frame`` (events) with each day-precision ``at`` (its date's UTC midnight, as the log
    reader stores it) moved to that date's midnight in ``tz``: a team in New York that writes
    ``## 2025-10-06`` means New York's Monday, which a week counted there begins with (UTC midnight
    is Sunday evening in New York). Timed events are untouched."""
    if tz is None or tz == "UTC" or "at_precision" not in frame.columns or frame.empty:
        return frame
    day = frame["at_precision"].eq("day") & frame["at"].notna()
    if not day.any():
        return frame
    at = _utc(frame["at"])
    dates = at[day].dt.date
    midnight = {d: local_midnight(d, tz) for d in set(dates)}
    return frame.assign(at=at.where(~day, dates.map(midnight)).astype(_UTC))


def known_at(frame: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Mask of the events (``at``, ``at_precision``) at or before ``as_of``: a date-only one whose
    day begins at ``as_of`` is after it ('Oct 13' after a week that ends then); NaT is not."""
    day = frame["at_precision"].eq("day") if "at_precision" in frame.columns else False
    return (frame["at"] < as_of) | ((frame["at"] == as_of) & ~day)


def period_view(
    tl: pd.DataFrame, start: pd.Timestamp, as_of: pd.Timestamp, also: Iterable[str] = ()
) -> pd.DataFrame:
    """The part of a timeline (:func:`escalations`) that a report of the period from ``start``
    judged at ``as_of`` shows, so that its chart and tables grow with the period, not with the
    history in the logs: the tickets active in it (an event at or after ``start`` known at
    ``as_of``, or named in ``also``, such as a deadline or ticket target due in the period), each
    with its events there, its last event before ``start`` (its state when the period began) and
    its undated events. Order is kept."""
    tl = tl[tl["at"].isna() | known_at(tl, as_of)]
    timed = tl["at"].notna()
    inside = timed & (tl["at"] >= start)
    active = tl["ticket"].isin(set(tl.loc[inside, "ticket"]) | set(also))
    before = tl[timed & ~inside & active]
    last = tl.index.isin(before.groupby("ticket", sort=False).tail(1).index)
    return tl[active & (inside | last | ~timed)].reset_index(drop=True)


def escalations(
    logs: Any, tickets: Sequence[str] | str | None = None, tz: str | dt.tzinfo | None = None
) -> pd.DataFrame:
    """One row per (ticket, event), in UTC time order across all files; undated events last.

    ``tickets``, when given, keeps only those tickets (exact, case-insensitive match; one ticket may
    be given as a str); ``tz`` is the
    zone whose calendar a date-only event's date is read in (:func:`days_in_zone`; default UTC; an
    unknown one is an :class:`~occ_lib.errors.ArgumentError` naming ``tz``).
    """
    tz = zone_arg(tz)
    events = _events(logs)
    if events.empty:
        return _empty_timeline()
    base = days_in_zone(events, tz).reset_index(drop=True)
    missing = [c for c in ("at", "kind", "source", "line", "tickets") if c not in base]
    if missing:
        raise ValueError(f"events table lacks column(s) {', '.join(missing)}")
    deadlines = None if isinstance(logs, pd.DataFrame) else getattr(logs, "deadlines", None)
    base = with_threads(base, deadlines if isinstance(deadlines, pd.DataFrame) else None)
    # optional columns of hand-made tables
    base = base.assign(**{c: None for c in ("at_precision", "section", "text") if c not in base})
    if "level" not in base:
        base = base.assign(level=0)
    base = _clipped_text(base)
    lists = base["tickets"].map(lambda v: list(v) if isinstance(v, (list, tuple, np.ndarray)) else [])
    rows = pd.DataFrame(
        {
            "_event": base.index.repeat(lists.map(len)),
            "ticket": [t for ts in lists for t in ts],
            "_mention": [i for ts in lists for i in range(len(ts))],
        }
    )
    if rows.empty:
        return _empty_timeline()
    cols = [c for c in TIMELINE_COLUMNS if c != "ticket"]
    out = base.loc[rows["_event"], cols].reset_index(drop=True)
    out.insert(0, "ticket", rows["ticket"].astype("str").to_numpy())
    out["_mention"] = rows["_mention"].to_numpy()
    out["at"] = _utc(out["at"])
    tickets = _tickets(tickets)
    if tickets:
        wanted = {str(t).upper() for t in tickets}
        out = out[out["ticket"].str.upper().isin(wanted)]
    out = out.sort_values(
        ["at", "source", "line", "_mention"], na_position="last", kind="stable"
    ).reset_index(drop=True)
    out["level"] = out["level"].fillna(0).astype("int64")
    out["line"] = out["line"].astype("int64")
    return out.drop(columns="_mention")[list(TIMELINE_COLUMNS)]


def _clipped_text(base: pd.DataFrame) -> pd.DataFrame:
    """``base`` with each ``text`` longer than a deadline row's clipped as one is (each row of the
    timeline copies its event's text once per ticket)."""
    from .logs import DEADLINE_TEXT_MAX, clip_text

    text = base["text"]
    try:
        long = text.str.len().gt(DEADLINE_TEXT_MAX)
    except AttributeError:  # (a hand-made table's column of None, or of no strings)
        return base
    if not long.any():
        return base
    return base.assign(text=text.where(~long, text[long].map(clip_text)))


def first_events(frame: pd.DataFrame, key: str = "ticket") -> pd.Series:
    """Per ``key``, the index label of its first event (``at`` and, when given, ``at_precision``
    columns; ties keep frame order). An event known only to its day (stored at UTC midnight) could
    have happened at any time that day, so it does not come before a timed event of the same UTC
    day: that one is first. Counting from midnight made response and escalation times hours too
    long."""
    day = (frame["at_precision"].eq("day") if "at_precision" in frame.columns
           else pd.Series(False, index=frame.index))  # (no precisions given: every event is timed)
    f = pd.DataFrame({
        key: frame[key],
        "_rank": frame["at"] + pd.to_timedelta(day.astype("int64"), unit="D"),  # a date ranks at its end
        "_timed": ~day,  # (on an equal rank the date, which begins a day earlier, comes first)
        "_label": pd.Series(frame.index, index=frame.index, dtype=object),
    }).sort_values(["_rank", "_timed"], kind="stable")
    return f.drop_duplicates(key).set_index(key)["_label"]


def final_resolutions(frame: pd.DataFrame) -> pd.Series:
    """Mask of the ``resolved`` events that count (``ticket, at, kind`` columns): those after the
    ticket's last ``reopened`` event, since a ticket reopened after a resolution is resolved only
    by a later one. A date-only resolution on the day of a timed reopening (``at_precision``
    ``day``, its ``at`` that day's start) comes after it, as a date-only event never comes before a
    timed one of its day; of a reopening known only to that day too, the one written after it in the
    same file (:func:`_written_before`)."""
    resolved = frame["kind"].eq("resolved")
    reopened = frame["kind"].eq("reopened") & frame["at"].notna()
    if not reopened.any():
        return resolved
    last = frame.loc[reopened].groupby("ticket")["at"].max()
    since = frame["ticket"].map(last)
    after = frame["at"] > since
    if "at_precision" in frame.columns:
        day = frame["at_precision"].eq("day") & (frame["at"] <= since)
        near = day & (since - frame["at"] < pd.Timedelta(days=1))
        after = after | (near & ~(frame["at"].eq(since) & _written_before(frame, reopened)))
    return resolved & (since.isna() | after)


def _written_before(frame: pd.DataFrame, reopened: pd.Series) -> pd.Series:
    """Mask of the events at the time of their ticket's last reopening known only to its day, written
    before it in the same file ('@kim closed this', then 'kim reopened this on
    Oct 9', as an issue's timeline is pasted): the text's order is the only order known, and the
    resolution came first."""
    if "source" not in frame.columns or "line" not in frame.columns:
        return pd.Series(False, index=frame.index)
    rows = frame.loc[reopened & frame["at_precision"].eq("day"), ["ticket", "at", "source", "line"]]
    if rows.empty:
        return pd.Series(False, index=frame.index)
    last = rows.sort_values(["at", "line"], kind="stable").groupby("ticket").tail(1).set_index("ticket")
    return (
        frame["at"].eq(frame["ticket"].map(last["at"]))
        & frame["source"].eq(frame["ticket"].map(last["source"]))
        & (frame["line"] < frame["ticket"].map(last["line"]))
    )


def rungs(frame: pd.DataFrame) -> pd.Series:
    """Each event's rung on the escalation ladder (``none, follow-up, manager, executive``): its
    ``level``, so that a page to the on-call (an ``escalation`` of level 1) is a follow-up, not the
    first escalation; an event of level 0 whose kind is ``follow_up`` or ``escalation`` (a
    hand-made table without levels: the reader gives both a level) takes 1 or 2 from its kind."""
    level = frame["level"].fillna(0).astype("int64")
    by_kind = frame["kind"].map({"follow_up": 1, "escalation": 2}).fillna(0).astype("int64")
    return level.where(level > 0, by_kind)


def _first(frame: pd.DataFrame, mask: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Per ticket, the first ``at`` among the masked events (:func:`first_events`) and whether it
    is known only to the day."""
    sub = frame.loc[mask, ["ticket", "at", "at_precision"]]
    if sub.empty:
        return pd.Series(dtype=_UTC), pd.Series(dtype=bool)
    rows = sub.loc[first_events(sub).to_numpy()]
    first = rows.set_index("ticket")
    return first["at"], first["at_precision"].eq("day")


def summary(
    logs: Any, as_of: Any = None, tickets: Sequence[str] | str | None = None,
    tz: str | dt.tzinfo | None = None,
) -> pd.DataFrame:
    """Per ticket: when it was first seen, followed up, escalated and resolved, as of ``as_of``.

    ``as_of`` defaults to now. ``tz`` (default UTC) is the zone of the report, as in
    :func:`escalations`, and a naive ``as_of`` (``"2025-10-13"``, a time without zone) is read in it,
    as :func:`occ_lib.sla.misses` reads one in the policy's zone; an aware one (``...Z``) is that
    instant. Rows are ordered by ``first_seen`` then ticket. Durations are Timedeltas (NaT when they do
    not apply; never negative: a date-only instant on the day of a timed first sighting counts from it).
    """
    tz = zone_arg(tz)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    cutoff = as_utc(as_of if as_of is not None else now, "as_of", tz)
    tl = escalations(logs, tickets, tz)
    tl = tl[known_at(tl, cutoff)]
    if tl.empty:
        return pd.DataFrame(
            {c: pd.Series([], dtype=_summary_dtype(c)) for c in SUMMARY_COLUMNS}
        )
    g = tl.groupby("ticket", sort=False)
    everything = pd.Series(True, index=tl.index)
    day: dict[str, pd.Series] = {}
    first_seen, day["first_seen"] = _first(tl, everything)
    out = pd.DataFrame({"first_seen": first_seen})
    rung = rungs(tl)
    follow_up, escalation = rung.eq(1), rung.ge(2)
    out["first_follow_up"], day["first_follow_up"] = _first(tl, follow_up)
    out["first_escalation"], day["first_escalation"] = _first(tl, escalation)
    out["max_level"] = g["level"].max().astype("int64")
    once = ~_pasted_again(tl, rung)
    out["follow_ups"] = (follow_up & once).groupby(tl["ticket"], sort=False).sum().astype("int64")
    out["escalations"] = (escalation & once).groupby(tl["ticket"], sort=False).sum().astype("int64")
    out["resolved_at"], day["resolved_at"] = _first(tl, final_resolutions(tl))
    for col in ("first_follow_up", "first_escalation", "resolved_at"):
        out[col] = out[col].astype(_UTC)
        # (a date-only follow-up or resolution on the day a timed event first saw the ticket came
        # after it, some time that day: from its midnight the duration would be negative)
        out[col] = out[col].where(out[col].isna() | (out[col] >= out["first_seen"]), out["first_seen"])
    out["time_to_escalate"] = (out["first_escalation"] - out["first_seen"]).astype(_TD)
    out["time_to_resolve"] = (out["resolved_at"] - out["first_seen"]).astype(_TD)
    resolved = out["resolved_at"].notna()
    out["status"] = resolved.map({True: "resolved", False: "open"}).astype("str")
    age = (cutoff - out["first_seen"]).astype(_TD)
    out["open_age"] = age.where(~resolved, pd.NaT).astype(_TD)
    flags = pd.DataFrame({c: f.reindex(out.index, fill_value=False).astype(bool) for c, f in day.items()})
    out["day_precision"] = [
        ", ".join(c for c in INSTANT_COLUMNS if row[c]) for row in flags.to_dict("records")
    ]
    out = out.reset_index(names="ticket")
    out = out.sort_values(["first_seen", "ticket"], kind="stable").reset_index(drop=True)
    return out[list(SUMMARY_COLUMNS)]


def _pasted_again(tl: pd.DataFrame, rung: pd.Series) -> pd.Series:
    """Mask of the follow-ups and escalations that repeat an earlier row of the same ticket at the
    same instant on the same rung (:func:`rungs`), written in another file or in the same words: one
    team's page pasted into another team's log ('09:30: paged on-call for OPS-101' in both), or
    reworded in another zone ('17:00 CET: escalated OPS-101 ...' for '11:00 ET: escalated ...'), is
    one page, not two. Two different steps that one file tells at the same minute stay two; an event
    known only to its day is no instant and is never merged."""
    day = tl["at_precision"].eq("day") if "at_precision" in tl.columns else False
    timed = tl["at"].notna() & ~day & rung.gt(0)
    if timed.sum() < 2:
        return pd.Series(False, index=tl.index)
    keys = ["ticket", "at", "_rung"]
    sub = tl.loc[timed, ["ticket", "at", "source", "text"]].assign(_rung=rung[timed])
    repeat = sub.duplicated(keys, keep=False)
    if not repeat.any():
        return pd.Series(False, index=tl.index)
    sub = sub[repeat]
    first = sub.groupby(keys, sort=False)[["source", "text"]].transform("first")
    again = sub.duplicated(keys) & (sub["source"].ne(first["source"]) | sub["text"].eq(first["text"]))
    return again.reindex(tl.index, fill_value=False)


def _summary_dtype(col: str) -> str:
    if col in ("first_seen", "first_follow_up", "first_escalation", "resolved_at"):
        return _UTC
    if col in ("time_to_escalate", "time_to_resolve", "open_age"):
        return _TD
    if col in ("max_level", "follow_ups", "escalations"):
        return "int64"
    return "str"
