"""Report periods in the policy's time zone: ISO weeks, day buckets and durations.

Storage is UTC; people read weeks and days in their own zone. A week in ``America/New_York`` runs
from Monday 00:00 local to the next Monday 00:00 local, so the week that holds the November
daylight-saving change lasts 169 hours. Every function here returns tz-aware UTC ``pd.Timestamp``s.

A period lies within the years :data:`FIRST_YEAR` to :data:`LAST_YEAR` (what pandas' nanosecond
timestamps hold): a week outside them (``9999-W52``, whose end is past the calendar) is a
``ValueError`` from :func:`week_bounds`, never an ``OverflowError``, and :func:`in_range` checks an
instant a command was given (``9999-12-31T23:00`` in New York is in the year 10000 in UTC, which
counting its days or weeks cannot reach).
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$")
_UNIT_SECONDS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_WEEK = re.compile(r"^(\d{4})-?W(\d{2})$")
#: The years a period may lie in: pandas' nanosecond timestamps hold 1677-09-21 to 2262-04-11.
FIRST_YEAR, LAST_YEAR = 1678, 2261
#: Why a period or instant is refused (see :func:`in_range`).
OUT_OF_RANGE = f"out of range (occ handles the years {FIRST_YEAR} to {LAST_YEAR})"


#: Why a value is no duration; never names the value (a config value may be a secret).
DURATION_EXPECTED = "expected a duration such as 30m, 4h or 2d (units ms, s, m, h, d, w)"
#: Zone names a config error shows as examples (never the value given, for the same reason).
ZONE_EXAMPLES = "Europe/Berlin or America/New_York"


def parse_duration(value: str | int | float | dt.timedelta) -> dt.timedelta:
    """``'30s'``, ``'5m'``, ``'1h'``, ``'2d'``, ``'1w'`` (a number alone is seconds) -> timedelta.

    Raises ``ValueError`` with a short reason that does not repeat the value: config validators
    pass it on as a ``ConfigError``, and a config value may be a secret pasted into the wrong key.
    """
    if isinstance(value, dt.timedelta):
        td = value
    elif isinstance(value, bool):
        raise ValueError(DURATION_EXPECTED)
    elif isinstance(value, int | float):
        td = _seconds(value)
    elif isinstance(value, str):
        m = _DURATION.match(value)
        if not m:
            raise ValueError(DURATION_EXPECTED)
        td = _seconds(float(m.group(1)) * _UNIT_SECONDS[m.group(2)])
    else:
        raise ValueError(DURATION_EXPECTED)
    if td <= dt.timedelta(0):
        raise ValueError("duration must be positive")
    return td


def _seconds(seconds: float) -> dt.timedelta:
    """A timedelta of ``seconds``; NaN and sizes past timedelta's range (``.inf``, ``1e12d``) are a
    ``ValueError`` too, not an ``OverflowError`` that config validation would let through as a crash."""
    if seconds != seconds:  # NaN
        raise ValueError(DURATION_EXPECTED)
    if seconds <= 0:
        raise ValueError("duration must be positive")
    try:
        return dt.timedelta(seconds=seconds)
    except OverflowError:
        raise ValueError("duration too long (at most 999999999 days)") from None


def zone(name: str | dt.tzinfo) -> ZoneInfo:
    """An IANA zone by name; ``ValueError`` naming it when unknown (for a function's argument, where
    the caller's own value helps; config validators use :func:`config_zone`, which never names it)."""
    if isinstance(name, ZoneInfo):
        return name
    if isinstance(name, dt.tzinfo):
        return ZoneInfo(str(name))
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown IANA time zone {name!r}") from None


def config_zone(value: Any) -> str:
    """A config value that must name an IANA zone, returned as is; the ``ValueError`` says what is
    expected and never repeats the value (config errors must not echo a secret)."""
    if not isinstance(value, str):
        raise ValueError(f"expected an IANA time zone name such as {ZONE_EXAMPLES}")
    try:
        zone(value)
    except ValueError:
        raise ValueError(f"unknown IANA time zone (expected a name such as {ZONE_EXAMPLES})") from None
    return value


def to_utc(value: str | dt.datetime | dt.date | pd.Timestamp, tz: str | dt.tzinfo = "UTC") -> pd.Timestamp:
    """An instant as tz-aware UTC; naive values (and plain dates, at 00:00) are read in ``tz``.

    A string must be ISO 8601 (``2025-10-09``, ``2025-10-09T18:00``, ``...Z``, ``+05:30``): pandas
    would also take ``09/10/2025`` and read it month-first, the wrong day for most of the world.
    A number is no date (``TypeError``): pandas reads the int ``20251006`` as nanoseconds since 1970.
    """
    if isinstance(value, numbers.Number):
        raise TypeError(f"a number is not a date or time: {value!r}")
    if isinstance(value, str):
        text = value.strip()
        if _WEEK.match(text):
            raise ValueError(f"an ISO week is a period, not an instant: {value!r}")
        value = dt.datetime.fromisoformat(text)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    ts = pd.Timestamp(value)
    if ts.tzinfo is None:
        ts = localize(ts.to_pydatetime(), zone(tz))
    return ts.tz_convert("UTC")


def in_range(ts: pd.Timestamp) -> pd.Timestamp:
    """``ts`` when it lies within the years :data:`FIRST_YEAR` to :data:`LAST_YEAR` (UTC), else a
    ``ValueError`` saying so: an instant a command was given, before it counts days or weeks to it."""
    if not FIRST_YEAR <= ts.year <= LAST_YEAR:
        raise ValueError(OUT_OF_RANGE)
    return ts


def instant(value: Any, param: str, tz: str | dt.tzinfo = "UTC") -> pd.Timestamp:
    """:func:`to_utc` for a function's argument: an :class:`~occ_lib.errors.ArgumentError` naming
    ``param`` and the value when it is no date or instant, instead of pandas' own parse error."""
    from .errors import ArgumentError

    try:
        ts = to_utc(value, tz)
    except (ValueError, TypeError, OverflowError):
        hint = "; for an ISO week use occ_lib.periods.week_bounds" if _WEEK.match(str(value).strip()) else ""
        raise ArgumentError(
            f"{param}: not a date or time: {value!r} (expected YYYY-MM-DD or ISO 8601{hint})"
        ) from None
    if pd.isna(ts):
        raise ArgumentError(f"{param}: not a date or time: {value!r} (expected YYYY-MM-DD or ISO 8601)")
    return ts


def zone_arg(tz: str | dt.tzinfo | None, param: str = "tz") -> str | None:
    """A function's ``tz`` argument checked before use: its name (None stays None), or an
    :class:`~occ_lib.errors.ArgumentError` naming ``param`` and the value when no IANA zone has that
    name; DuckDB and zoneinfo would otherwise fail later with their own errors (a DuckDB failure
    reads as a store error)."""
    from .errors import ArgumentError

    if tz is None:
        return None
    try:
        zone(tz)
    except ValueError:
        raise ArgumentError(f"{param}: unknown time zone {str(tz)!r}") from None
    return str(tz)


def check_order(start: pd.Timestamp | None, end: pd.Timestamp | None, given: tuple[Any, Any]) -> None:
    """An :class:`~occ_lib.errors.ArgumentError` when the ``start`` instant is after ``end`` (the
    values ``given`` are what it names): such a range selects nothing, which read as "no data"."""
    from .errors import ArgumentError

    if start is not None and end is not None and start > end:
        first, last = (v.strip() if isinstance(v, str) else pd.Timestamp(v).isoformat() for v in given)
        raise ArgumentError(f"start {first} is after end {last}")


def localize(naive: dt.datetime, tz: ZoneInfo) -> pd.Timestamp:
    """Wall-clock time in ``tz`` as UTC (PEP 495 ``fold=0``).

    A repeated time (autumn) takes its first occurrence; a skipped time (spring) keeps the offset
    from before the change, so 02:30 on a spring-forward night becomes 03:30 of the new offset.
    """
    return pd.Timestamp(naive.replace(tzinfo=tz, fold=0)).tz_convert("UTC")


def local_midnight(day: dt.date, tz: str | dt.tzinfo) -> pd.Timestamp:
    """00:00 local on ``day`` as a UTC instant."""
    return localize(dt.datetime.combine(day, dt.time()), zone(tz))


def day_end(day: dt.date, tz: str | dt.tzinfo) -> pd.Timestamp:
    """The end of ``day`` in ``tz`` (the next local midnight) as a UTC instant: when a date-only
    deadline ('due Friday') falls due for a team that keeps ``tz``."""
    if day == dt.date.max:  # ('expires 9999-12-31', meaning never: Python's calendar ends that day)
        return local_midnight(day, tz) + pd.Timedelta(days=1)
    return local_midnight(day + dt.timedelta(days=1), tz)


def day_of_end(end: pd.Timestamp, tz: str | dt.tzinfo) -> dt.date:
    """The local date whose end (:func:`day_end`) is ``end``."""
    return (end.tz_convert(zone(tz)) - pd.Timedelta(microseconds=1)).date()


def _week_monday(week: str | dt.date | dt.datetime | pd.Timestamp, tz: str | dt.tzinfo) -> dt.date:
    if isinstance(week, str):
        m = _WEEK.match(week.strip())
        if not m:
            raise ValueError(f"expected an ISO week such as '2025-W41', got {week!r}")
        year, num = int(m.group(1)), int(m.group(2))
        try:
            return dt.date.fromisocalendar(year, num, 1)
        except ValueError:
            raise ValueError(f"{week!r} is not a week of {year}") from None
    if isinstance(week, dt.datetime | pd.Timestamp):
        ts = pd.Timestamp(week)
        day = ts.tz_convert(zone(tz)).date() if ts.tzinfo is not None else ts.date()
    else:
        day = week
    return day - dt.timedelta(days=day.weekday())


def week_bounds(
    week: str | dt.date | dt.datetime | pd.Timestamp, tz: str | dt.tzinfo = "UTC"
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """``(start_utc, end_utc)`` of an ISO week: Monday 00:00 local to the next Monday 00:00 local.

    ``week`` is ``'2025-W41'`` or any date/instant inside the week (an aware instant is first
    converted to ``tz``, a naive one or a date is taken as local). A week outside the years
    :data:`FIRST_YEAR` to :data:`LAST_YEAR` is a ``ValueError`` (``'9999-W52' is out of range ...``).
    """
    monday = _week_monday(week, tz)
    if not FIRST_YEAR <= monday.year <= LAST_YEAR:
        raise ValueError(f"{_week_name(week, monday)} is {OUT_OF_RANGE}")
    return local_midnight(monday, tz), local_midnight(monday + dt.timedelta(days=7), tz)


def _week_name(week: Any, monday: dt.date) -> str:
    """How an error names a week: as given when a string, else by its Monday."""
    return repr(week.strip()) if isinstance(week, str) else f"the week of {monday.isoformat()}"


def week_label(when: str | dt.date | dt.datetime | pd.Timestamp, tz: str | dt.tzinfo = "UTC") -> str:
    """The ISO week label (``'2025-W41'``) of a date or instant, in ``tz``."""
    year, num, _ = _week_monday(when, tz).isocalendar()
    return f"{year}-W{num:02d}"


def last_complete_week(now: dt.datetime | pd.Timestamp | str, tz: str | dt.tzinfo = "UTC") -> str:
    """The label of the latest ISO week that ended (local) at or before ``now``."""
    now_utc = to_utc(now, "UTC")
    this_monday = _week_monday(now_utc, tz)
    return week_label(this_monday - dt.timedelta(days=7), tz)


def day_buckets(
    start: dt.datetime | pd.Timestamp | str,
    end: dt.datetime | pd.Timestamp | str,
    tz: str | dt.tzinfo = "UTC",
) -> pd.DataFrame:
    """Local calendar days overlapping ``[start, end)``: ``day`` (date), ``start``, ``end`` (UTC).

    A day is local 00:00 to the next local 00:00, so DST days last 23 or 25 hours. The first and
    last buckets are whole days even when ``start``/``end`` fall inside them.
    """
    z = zone(tz)
    s, e = to_utc(start, z), to_utc(end, z)
    rows = []
    if e > s:
        day = s.tz_convert(z).date()
        last = (e - pd.Timedelta(microseconds=1)).tz_convert(z).date()
        while day <= last:
            nxt = day + dt.timedelta(days=1)
            rows.append({"day": day, "start": local_midnight(day, z), "end": local_midnight(nxt, z)})
            day = nxt
    out = pd.DataFrame(rows, columns=["day", "start", "end"])
    for col in ("start", "end"):
        out[col] = pd.to_datetime(out[col], utc=True).astype("datetime64[us, UTC]")
    return out
