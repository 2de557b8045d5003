"""What the weekly report shows, as functions the notebooks call and the tests reach.

- :func:`period` resolves a notebook's parameters (week, or start/end dates, as_of, tz) into UTC
  instants; the previous period is kept for "change vs previous week": the ISO week before, the
  same number of whole local days before a period of local days (``--start``/``--end`` dates: 169
  hours before a week of 168 when the clocks went back in it), else the same span in UTC.
- :func:`headline` puts this period's key figures beside the previous period's, with the change;
  a figure computed from no data (no log file read, no probe in the period) is ``n/a``
  (:data:`NO_DATA`), and the banner says what is missing (:func:`missing_data`); the previous
  period's per-target probe figures are ``n/a`` when it counted fewer than half of this period's
  probes (:func:`previous_figures`), and its ``SLA misses`` total carries a note and no change when
  one period has probes (or logs) and the other none (``0 (no probes)``, ``266 (with probe
  misses)``); a per-target availability or p95 of fewer probes than the target's latency objective
  judges a window by (its ``min_probes``, the smallest of several; :data:`FEW_PROBES`, 5, for a target
  without one: :func:`few_probes`) says how many in its cell, ``100.0 (1 probe)``, with no change and
  a note (:data:`FEW_PROBES_NOTE`, which the reports' index shows under its table too).
- The headline's notes (:data:`FIGURE_NOTES`, under the table and as the figure's tooltip) say what
  ``SLA misses`` adds up and what ``open tickets past due`` and ``stale documents`` count (the latter:
  documents with a missed check, expired or stale, each once; open checks are not counted);
  ``SLA misses``' note says it counts checks (a document both expired and stale is 2 there, 1 in
  ``stale documents``), so a total that does not add up says why.
- A target's burn-rate alerts that overlap or touch, of any window pairs, are one row per episode
  (:func:`alert_episodes`, in :attr:`WeekData.misses`: the 1h/5m, 6h/30m and 3d/6h pairs of one
  outage were three rows), from the first start to the last stop, its overage the minutes covered,
  its detail the pairs that fired; the headline's ``probe objective misses``, ``SLA misses`` and
  the probe summary count episodes (:func:`occ_lib.sla.burn_alerts` and ``occ sla`` keep a row per pair).
- A period's availability row (a verdict on the period, due at its end) shows ``due`` as
  ``(the period)`` (:data:`PERIOD_DUE`), not as a deadline at the period's end.
- ``Probe objectives missed, per target`` (:func:`probe_misses_summary`): ``first`` and ``last`` are
  the starts of the first and last missed window or alert; a period's availability row (due at the
  period's end, no overage) counts among ``misses`` but dates neither, unless it is the only row.
- :func:`evidence_audit` lists paths cited in the logs, whether the workspace holds them, and which
  of them are evidence (under the workspace's evidence roots) rather than references to docs or code.
- :func:`table_history` follows the logs' tables (such as an "Integration Dashboard") across the
  period: each version and what changed between versions; a version of no date is captioned
  ``as published in an undated section`` (:func:`show_tables`).
- :func:`data_quality` summarises what the parser read and what it could not understand, and the
  evidence files (or items) the import skipped (``what`` = ``evidence``, in ``occ import``'s words).
- :class:`WeekData` shows a period's tickets, not the whole history: its timeline chart and ticket
  tables hold the tickets with an event in the period or a row in its SLA table (a deadline, a
  first-response or resolution target due from its start: before its end, or not yet missed at
  as_of; one due at or after the end that fell due before a later as_of is the next period's), their
  events from its start to ``as_of``, the last one before the start (their state when it began)
  and their undated ones (:func:`occ_lib.timeline.period_view`); their figures still count from the
  first sighting. A ticket first seen the evening before whose targets fall due in the period is in
  its tables.
- The headline's ``open tickets past due`` counts the tickets open at ``as_of`` that have, in the
  period's SLA table, a deadline or a resolution target missed by ``as_of``, or a first-response
  target missed with no response yet (one responded to late owes nothing now; one due exactly at
  as_of is open, not past due).
- Display helpers for notebooks (:func:`setup_notebook`, :func:`show`, :func:`for_display`,
  :func:`record`): tables are rendered with ``DataFrame.to_html(escape=True)`` only, so log text
  such as ``<script>`` shows as text, and may wrap after a ``/`` and inside a word of over 40
  characters (:func:`_breakable`: a long token no longer widens a table past the page), never
  inside a cell's leading date and time, ISO week or ticket key (``2025-10-08 13:00``, ``2025-W41``,
  ``INFRA-2743`` stay on one line); a period
  without probes shows one chart saying so (:data:`NO_PROBES`); times are shown in the report's
  zone; a number with the decimals it was rounded to (at most 3: :data:`DECIMALS`); a flag as
  ``yes``/``no`` (:func:`_number_text`), never Python's ``True``/``False``; a duration as
  a person reads it, ``6d 4h`` or ``3h 5min`` (:func:`human_duration`, in every table that shows one,
  the SLA rows' detail texts and ``occ timeline --summary``'s table; the SLA frame and ``occ sla``
  keep ``overage_min``); a latency objective is named as the accounting rules name it,
  ``p95 <= 800 ms per 4h (of 5+ probes)`` (:func:`objective_text`); the latency table lists the
  windows of each latency objective (4h windows for a ``window: 4h`` objective, not hours) as the
  SLA judged them (:func:`occ_lib.sla.judge_windows`), those over the objective first, and which had
  too few probes to be judged (:func:`latency_table`);
  its caption names the targets with latency data but no latency objective, which only the chart
  shows, and in a period without probes says so instead (:data:`NO_PROBES_WINDOWS`); the latency
  chart stays hourly and says so.
- ``Checks per kind and status`` (:func:`misses_by_kind`) has a column for every status, ``superseded``
  included, so a kind's row adds up to its checks.
- Every table and chart of kinds lists them in one order (:func:`kind_order`, :data:`occ_lib.sla.KINDS`):
  deadline, first response, resolution, availability, latency, document expired, document stale (sorted
  identifiers put ``first response`` after ``resolution``).
- A report table (:class:`Table`, what :func:`show` returns) shows a ``kind`` column's identifiers
  as prose (``document expired``, ``follow-up``, ``first response``:
  :func:`occ_lib.formats.kind_label`) and a snake_case header in words (``first_source`` as
  ``first cited in``: :data:`HEADER_LABELS`); the frames, the records and the CLI keep the
  identifiers (:func:`_prose`).
- The latency table writes a whole threshold as such (``800``, not ``800.0``); the error budget's
  consumed and remaining percentages have 1 decimal, none from 1000 % on, the rounded value deciding
  (``16319``, not ``16319.018``; ``999.96`` is ``1000``: :func:`occ_lib.formats.budget_percent`, which
  the SLA rows' detail texts use too); counts in captions (``1 window``, ``3 windows``) and in the SLA
  details are written by one helper (:func:`occ_lib.formats.plural`); an
  undated ticket event's ``at`` cell says ``(no time)`` (:data:`NO_TIME`: an empty cell read as missing data).
- ``Ticket events in the period`` shows the period's events in time order (an event known only to its
  day at the start of that day, as a date), then the events of its tickets that have no date (their
  section has none), ``(no time)``, in the order written (:func:`in_period` with ``undated``: they
  were left out).
- The probe charts' titles name their unit after a comma and keep one parenthesis for the chart's
  own notes (``Latency per target, ms (window 1h; ...)``, ``Probe outcomes, window 1h``), and the
  charts of a period share one time range, its start to its end or as_of
  (:func:`occ_lib.charts.share_time_axis`: the availability chart's markers padded its axis to
  the day after the period).
"""

from __future__ import annotations

import bisect
import datetime as dt
import fnmatch
import glob
import html
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import ArgumentError
from .formats import budget_percent, human_duration, kind_label
from .formats import plural as _plural  # ('1 window', '3 windows': one helper with sla's details)
from .periods import day_of_end, last_complete_week, local_midnight, to_utc, week_bounds, week_label, zone
from .policy import MIN_PROBES
from .timeline import INSTANT_COLUMNS
from .workspace import DEFAULT_EVIDENCE, is_glob


@dataclass(frozen=True)
class Period:
    """A report period: ``[start, end)`` in UTC, read in ``tz``; ``as_of`` is when it is judged."""

    label: str
    week: str | None
    start: pd.Timestamp
    end: pd.Timestamp
    as_of: pd.Timestamp
    tz: str

    @property
    def prev_start(self) -> pd.Timestamp:
        """The start of the previous period: the week before, or as many whole local days before
        when the period is whole local days (dates, or instants at local midnights: across a clock
        change the previous period is then an hour longer or shorter), else the same span in UTC."""
        if self.week:
            return week_bounds(self.start - pd.Timedelta(days=3), self.tz)[0]
        days = self._local_days()
        if days is not None:
            first, n = days
            return local_midnight(first - dt.timedelta(days=n), self.tz)
        return self.start - (self.end - self.start)

    def _local_days(self) -> tuple[dt.date, int] | None:
        """``(first local day, number of days)`` when start and end are both local midnights."""
        z = zone(self.tz)
        first = self.start.tz_convert(z).date()
        after = self.end.tz_convert(z).date()
        if self.start != local_midnight(first, self.tz) or self.end != local_midnight(after, self.tz):
            return None
        return first, (after - first).days

    @property
    def prev_end(self) -> pd.Timestamp:
        return self.start

    @property
    def start_local(self) -> str:
        return self.start.tz_convert(zone(self.tz)).strftime("%Y-%m-%d")

    @property
    def end_local(self) -> str:
        """The last local day of the period (the end is exclusive, so one microsecond earlier)."""
        return (self.end - pd.Timedelta(microseconds=1)).tz_convert(zone(self.tz)).strftime("%Y-%m-%d")

    def title(self, what: str = "Weekly operations report") -> str:
        return f"{what}: {self.label} ({self.start_local} to {self.end_local}, {self.tz})"

    def fields(self) -> dict[str, Any]:
        """The period as a report's manifest lists it (ISO instants, local days, zone, as_of)."""
        return {
            "label": self.label,
            "week": self.week,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "start_local": self.start_local,
            "end_local": self.end_local,
            "tz": self.tz,
            "as_of": self.as_of.isoformat(),
        }

    def previous(self) -> Period:
        """The period just before, of the same kind, judged at its own end."""
        label = week_label(self.prev_start, self.tz) if self.week else f"before {self.label}"
        return Period(
            label, label if self.week else None, self.prev_start, self.prev_end, self.prev_end, self.tz
        )


def _date_or_instant(value: str, param: str, tz: str) -> tuple[pd.Timestamp, bool]:
    """Parse an ISO date or instant; the flag says it was a plain date (local midnight). A value
    that is neither is an :class:`~occ_lib.errors.ArgumentError` naming ``param``."""
    text = str(value).strip()
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            return local_midnight(day, tz), True
        return to_utc(text, tz), False
    except ArgumentError:
        raise
    except (ValueError, TypeError, OverflowError) as exc:
        raise ArgumentError(f"{param}: not a date or time: {value!r} ({exc})") from None


def period(
    ws: Any = None,
    week: str | None = None,
    start: str | None = None,
    end: str | None = None,
    as_of: str | None = None,
    tz: str | None = None,
    now: dt.datetime | None = None,
) -> Period:
    """The period a report covers, from notebook parameters (ISO strings).

    ``start``/``end`` win over ``week``: plain dates are local days (``end`` inclusive), instants
    are exact (``end`` exclusive). Without either, the last complete week in ``tz`` (default: the
    policy's zone). ``as_of`` defaults to the period's end, or now when that is in the future.
    """
    zone_name = tz or (getattr(getattr(ws, "policy", None), "tz", None) if ws is not None else None) or "UTC"
    zone(zone_name)
    now_ts = to_utc(now or dt.datetime.now(dt.UTC), "UTC")
    if start or end:
        if not (start and end):
            raise ValueError("give both start and end (or a week)")
        s, _ = _date_or_instant(start, "start", zone_name)
        e, is_date = _date_or_instant(end, "end", zone_name)
        if is_date:
            e = local_midnight(e.tz_convert(zone(zone_name)).date() + dt.timedelta(days=1), zone_name)
        if e <= s:
            raise ValueError(f"end {end!r} is not after start {start!r}")
        label_week = None
        z = zone(zone_name)
        last = (e - pd.Timedelta(microseconds=1)).tz_convert(z)
        label = f"{s.tz_convert(z):%Y-%m-%d}_{last:%Y-%m-%d}"
    else:
        try:
            label_week = week_label(week, zone_name) if week else last_complete_week(now_ts, zone_name)
            s, e = week_bounds(label_week, zone_name)
        except (ValueError, TypeError) as exc:
            raise ArgumentError(f"week: {week!r}: {exc}") from None
        label = label_week
    a = to_utc(as_of, zone_name) if as_of else min(e, now_ts)
    return Period(label, label_week, s, e, a, zone_name)


# figures ------------------------------------------------------------------------------------------


def headline(
    current: Mapping[str, Any], previous: Mapping[str, Any], units: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """This period's figures beside the previous period's: ``figure, [unit,] this, previous, change``.

    Without ``units`` (the figures' names carry them, as :func:`key_figures` does) there is no
    ``unit`` column.
    ``change`` is ``this - previous`` when both are numbers, else missing (a figure that did not
    exist last period has no change).
    """
    units = units or {}
    rows = []
    for key, val in current.items():
        prev = previous.get(key)
        change = None
        if _num(val) and _num(prev):
            change = val - prev if isinstance(val, int) and isinstance(prev, int) else round(val - prev, 6)
        rows.append(
            {
                "figure": key,
                "unit": units.get(key, ""),
                "this period": val,
                "previous period": prev,
                "change": change,
            }
        )
    out = pd.DataFrame(
        rows, columns=["figure", "unit", "this period", "previous period", "change"], dtype=object
    )
    out = out if units else out.drop(columns="unit")
    out.attrs["notes"] = {k: FIGURE_NOTES[k] for k in current if k in FIGURE_NOTES} | {
        k: FEW_PROBES_NOTE for k, v in current.items() if of_few_probes(v)
    }
    return out


def _num(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and not pd.isna(v)


def in_period(
    df: pd.DataFrame, col: str, start: pd.Timestamp, end: pd.Timestamp, undated: bool = False
) -> pd.DataFrame:
    """Rows whose ``col`` instant falls in ``[start, end)``; with ``undated``, then the rows with no
    ``col`` (after the others, each part in its given order).

    ``undated`` is for a period's ticket events (:attr:`WeekData.timeline`, which holds only the
    period's tickets): an event of a section with no date has no instant to test, and it belongs to
    the period its ticket is shown in (the table of the period's events left INFRA-2743's row of an
    undated "Deploy calendar" out); an event of a dated section has its day's instant and is tested."""
    if df.empty:
        return df
    s = df[col]
    inside = df[(s >= start) & (s < end)]
    return pd.concat([inside, df[s.isna()]]) if undated else inside


# evidence audit -----------------------------------------------------------------------------------


def _cited_paths(events: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for ev in events.itertuples(index=False):
        for path in list(getattr(ev, "artifacts", []) or []):
            rows.append(
                {
                    "path": str(path),
                    "source": ev.source,
                    "line": int(ev.line),
                    "at": ev.at,
                    "tickets": list(getattr(ev, "tickets", []) or []),
                }
            )
    return pd.DataFrame(rows, columns=["path", "source", "line", "at", "tickets"])


def evidence_audit(
    logs: Any,
    workspace: str | Path,
    start: pd.Timestamp | None = None,
    end: pd.Timestamp | None = None,
    evidence: Sequence[str | Path] = (),
    evidence_globs: Sequence[str] = DEFAULT_EVIDENCE,
) -> pd.DataFrame:
    """Every path the logs cite (in the period, or undated), whether it exists, and what it is.

    A path is looked up relative to the workspace folder, then (for a bare file name) among the
    ``evidence`` files by name; a glob such as ``vault/*.env`` is present when it matches a file.

    ``kind`` separates what an audit is about from what logs merely mention: a path is
    ``evidence`` when it lies under an evidence root (the literal folders that start the
    workspace's ``evidence:`` globs, ``artifacts/`` by default), when it is a bare file name that
    an ``evidence:`` glob's file pattern matches (``curl_x.log`` for ``artifacts/**/*.log``), or when
    it was found among the evidence files; anything else (docs, code, vault entries, which live in
    the team's repository, not in the workspace) is a ``reference``.

    Columns: ``path, kind (evidence|reference), status (present|missing), found, mentions,
    first_source, first_line, tickets``; evidence first, missing before present, then by path.
    """
    events = logs.events if hasattr(logs, "events") else logs
    root = Path(workspace)
    cited = _cited_paths(events)
    if start is not None and end is not None and not cited.empty:
        at = cited["at"]
        cited = cited[at.isna() | ((at >= start) & (at < end))]
    by_name: dict[str, Path] = {}
    for p in evidence:
        by_name.setdefault(Path(p).name, Path(p))
    roots, names = _evidence_patterns(evidence_globs)
    rows = []
    for path, grp in cited.groupby("path", sort=True):
        found = _find(str(path), root, by_name)
        tickets = sorted({t for ts in grp["tickets"] for t in ts})
        first = grp.sort_values(["source", "line"]).iloc[0]
        is_evidence = str(path) in by_name or _is_evidence(str(path), roots, names)
        rows.append(
            {
                "path": path,
                "kind": "evidence" if is_evidence else "reference",
                "status": "present" if found else "missing",
                "found": _rel(found, root) if found else "",
                "mentions": len(grp),
                "first_source": Path(str(first["source"])).name,
                "first_line": int(first["line"]),
                "tickets": ", ".join(tickets),
            }
        )
    out = pd.DataFrame(rows, columns=list(AUDIT_COLUMNS))
    if not out.empty:
        rank = {"evidence": 0, "reference": 1, "missing": 0, "present": 1}
        out = out.sort_values(
            ["kind", "status", "path"], key=lambda s: s.map(rank) if s.name != "path" else s
        ).reset_index(drop=True)
    return out


AUDIT_COLUMNS: tuple[str, ...] = (
    "path", "kind", "status", "found", "mentions", "first_source", "first_line", "tickets",
)


def _evidence_patterns(globs: Sequence[str]) -> tuple[list[str], list[str]]:
    """The literal leading folders (``artifacts/``) and the file-name patterns (``*.log``) of globs."""
    roots: list[str] = []
    names: list[str] = []
    for g in globs:
        parts = [p for p in str(g).replace("\\", "/").split("/") if p not in ("", ".")]
        literal: list[str] = []
        for part in parts:
            if any(ch in part for ch in "*?["):
                break
            literal.append(part)
        if literal and len(literal) < len(parts):
            roots.append("/".join(literal) + "/")
        elif literal:  # a glob with no wildcard names one file or folder
            roots.append("/".join(literal))
        last = parts[-1] if parts else "**"
        if any(ch in last for ch in "*?[") and last != "**":
            names.append(last)
    return roots, names


def _is_evidence(path: str, roots: Sequence[str], names: Sequence[str]) -> bool:
    p = path.replace("\\", "/").removeprefix("./")
    if any(p.startswith(r) if r.endswith("/") else p == r or p.startswith(r + "/") for r in roots):
        return True
    return "/" not in p and any(fnmatch.fnmatchcase(p, n) for n in names)


def _find(path: str, root: Path, by_name: Mapping[str, Path]) -> Path | None:
    p = Path(path)
    full = p if p.is_absolute() else root / p
    if is_glob(str(full)):  # (not a cited file that exists as written: 'artifacts/probe [W41].log')
        hits = sorted(glob.glob(str(full), recursive=True))
        return Path(hits[0]) if hits else None
    if full.is_file():
        return full
    return by_name.get(p.name)


def _rel(path: Path, root: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return Path(path).name


# readiness tables ---------------------------------------------------------------------------------


@dataclass
class TableVersion:
    """One version of a table a log keeps re-publishing: where and when it was written (``day``:
    its section gives a date and no time, so ``at`` is that date's midnight and is shown as the
    date)."""

    key: str
    source: str
    line: int
    section: str
    at: pd.Timestamp | None
    frame: pd.DataFrame
    day: bool = False


def table_history(
    logs: Any, start: pd.Timestamp | None = None, end: pd.Timestamp | None = None,
    tz: str | dt.tzinfo | None = None,
) -> dict[str, list[TableVersion]]:
    """The logs' tables grouped by (file, header row), each group's versions in time order.

    A version's time is its section's time, else its section's date: that day's midnight in ``tz``
    (the report's zone; UTC without it), as for the events, marked ``day`` (it is shown as the date,
    never as a made-up 00:00); undated sections sort last. Its section
    is the one it is written in (the nearest heading above it), so that the same subheading under
    several days ('### Tracker' under each '## Week of ...') dates each version by its own day.
    With ``start``/``end``, versions in the period are kept, plus the last one before it (the state
    the period started from) and undated ones.
    """
    tables = logs.tables
    sections = logs.sections
    lines: dict[str, list[int]] = {}
    times: dict[str, list[Any]] = {}
    days: dict[str, list[bool]] = {}
    for s in sorted(sections.itertuples(index=False), key=lambda s: (str(s.source), int(s.line))):
        if not pd.isna(s.at):
            t = s.at
        elif pd.isna(s.date) or tz is None:
            t = s.date
        else:
            t = local_midnight(pd.Timestamp(s.date).date(), tz)
        lines.setdefault(s.source, []).append(int(s.line))
        times.setdefault(s.source, []).append(t)
        days.setdefault(s.source, []).append(pd.isna(s.at) and not pd.isna(s.date))
    groups: dict[str, list[TableVersion]] = {}
    for t in tables.itertuples(index=False):
        k = bisect.bisect_right(lines.get(t.source, []), int(t.line)) - 1
        at = times[t.source][k] if k >= 0 else None
        at = None if at is None or pd.isna(at) else at
        key = f"{Path(str(t.source)).name}: " + " | ".join(str(h) for h in t.headers)
        day = at is not None and days[t.source][k]
        groups.setdefault(key, []).append(
            TableVersion(key, t.source, int(t.line), str(t.section), at, t.frame, day)
        )
    out: dict[str, list[TableVersion]] = {}
    for key, versions in groups.items():
        versions.sort(key=lambda v: (v.at is None, v.at or pd.Timestamp(0, tz="UTC"), v.line))
        if start is not None and end is not None:
            before = [v for v in versions if v.at is not None and v.at < start]
            inside = [v for v in versions if v.at is None or start <= v.at < end]
            versions = before[-1:] + inside
        if versions:
            out[key] = versions
    return out


def table_changes(versions: Sequence[TableVersion], tz: str | None = None) -> pd.DataFrame:
    """Cell-level changes between consecutive versions, keyed by each row's first column.

    Columns: ``at, row, column, before, after`` (``row added``/``row removed`` as column names for
    whole rows). With ``tz``, a version dated only by its section's date has that date as ``at``
    (text, as :func:`_when` shows it), not its midnight.
    """
    rows = []
    for prev, cur in zip(versions, versions[1:], strict=False):
        at: Any = _when(cur.at, tz, True) if tz is not None and cur.day else cur.at
        a, b = _keyed(prev.frame), _keyed(cur.frame)
        for k in b.index.difference(a.index, sort=False):
            rows.append({"at": at, "row": k, "column": "(row added)", "before": "", "after": ""})
        for k in a.index.difference(b.index, sort=False):
            rows.append({"at": at, "row": k, "column": "(row removed)", "before": "", "after": ""})
        for k in b.index.intersection(a.index, sort=False):
            for col in b.columns:
                before = str(a.at[k, col]) if col in a.columns else ""
                after = str(b.at[k, col])
                if before != after:
                    rows.append({"at": at, "row": k, "column": col, "before": before, "after": after})
    return pd.DataFrame(rows, columns=["at", "row", "column", "before", "after"])


def _keyed(frame: pd.DataFrame) -> pd.DataFrame:
    f = frame.astype(str)
    if f.columns.size == 0:
        return f
    f = f.drop_duplicates(subset=[f.columns[0]], keep="last")
    return f.set_index(f.columns[0])


# data quality -------------------------------------------------------------------------------------


def data_quality(
    logs: Any, workspace: str | Path | None = None, evidence: Sequence[Any] | None = None
) -> dict[str, pd.DataFrame]:
    """What the parser read and what it could not understand.

    ``files``: per file its encoding, newline, BOM, mojibake repairs, lines, sections, events.
    ``problems``: every problem (file, line, what, token, reason), then each evidence file (or item)
    the import skipped (``InputError``s: ``evidence``, by default those of the last
    :func:`workspace` import of ``workspace``), as ``what`` = ``evidence`` with the path (relative
    to the workspace, secrets masked), line and reason ``occ import`` prints. ``summary``: counts
    per kind.
    """
    root = Path(workspace) if workspace else None
    docs = logs.docs
    cols = [
        c
        for c in ("source", "encoding", "newline", "bom", "repairs", "lines", "sections", "events")
        if c in docs.columns
    ]
    files = docs[cols].copy()
    if root is not None:
        files["source"] = files["source"].map(lambda s: _rel(Path(str(s)), root))
    problems = logs.problems.copy()
    if root is not None and not problems.empty:
        problems["source"] = problems["source"].map(lambda s: _rel(Path(str(s)), root))
    if evidence is None and root is not None:
        evidence = _EVIDENCE_PROBLEMS.get(str(root.resolve()), [])
    if evidence:
        skipped = _evidence_problems(evidence, root)
        problems = skipped if problems.empty else pd.concat([problems, skipped], ignore_index=True)
    summary = (
        problems.groupby("what").size().rename("count").reset_index()
        if not problems.empty
        else pd.DataFrame({"what": [], "count": []})
    )
    return {
        "files": files.reset_index(drop=True),
        "problems": problems.reset_index(drop=True),
        "summary": summary,
    }


def _evidence_problems(evidence: Sequence[Any], root: Path | None) -> pd.DataFrame:
    """Evidence ``InputError``s as problem rows, their path and reason redacted as printed; an
    absolute path relative to the workspace ``root`` (a relative one is the runner's: already so)."""
    from .redact import redact_path, redact_text

    def source(path: str) -> str:
        return _rel(Path(path), root) if root is not None and Path(path).is_absolute() else path

    return pd.DataFrame({
        "source": [redact_path(source(p.path)) for p in evidence],
        "line": pd.array([p.line for p in evidence], dtype="Int64"),
        "what": "evidence",
        "token": pd.Series([None] * len(evidence), dtype="str"),  # (missing as a log problem's is)
        "reason": [redact_text(p.reason) for p in evidence],
    })


# notebook display ---------------------------------------------------------------------------------


def setup_notebook() -> None:
    """Pin what makes outputs stable and small: pandas display options and plotly's renderer.

    Figures go out as plotly's JSON mimetype (rendered by JupyterLab; turned into HTML with one
    embedded plotly.js by :mod:`occ_lib.export`), so executed notebooks carry no plotly.js.
    """
    import plotly.io as pio

    pd.set_option("display.max_rows", 200)
    pd.set_option("display.max_columns", 50)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_colwidth", 200)
    pd.set_option("display.precision", 2)
    pio.renderers.default = "plotly_mimetype"


def local_text(at: pd.Timestamp, z: dt.tzinfo, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """``at`` as wall time in zone ``z``; a wall time the zone shows twice (the hour the clocks go
    back) carries its abbreviation, so that 01:35 EDT and 01:50 EST read in their real order."""
    local = at.tz_convert(z)
    text = local.strftime(fmt)
    naive = local.to_pydatetime().replace(tzinfo=None)
    if z.utcoffset(naive.replace(fold=0)) != z.utcoffset(naive.replace(fold=1)):
        text += " " + local.strftime("%Z")
    return text


def for_display(df: pd.DataFrame, tz: str, fmt: str = "%Y-%m-%d %H:%M") -> pd.DataFrame:
    """A copy for people: instants in ``tz`` as text (:func:`local_text`), durations in minutes,
    lists joined."""
    out = df.copy()
    z = zone(tz)
    for col in out.columns:
        s = out[col]
        if isinstance(s.dtype, pd.DatetimeTZDtype):
            out[col] = s.map(lambda v: "" if pd.isna(v) else local_text(v, z, fmt))
        elif pd.api.types.is_timedelta64_dtype(s.dtype):
            out[col] = s.map(human_duration)
        elif s.dtype == object and s.map(lambda v: isinstance(v, list | tuple)).any():
            out[col] = s.map(lambda v: ", ".join(map(str, v)) if isinstance(v, list | tuple) else v)
        elif s.dtype == object and s.map(lambda v: v is pd.NaT or isinstance(v, pd.Timestamp)).any():
            # instants mixed with text (a date-only value beside times): the instants as above
            out[col] = s.map(
                lambda v: "" if v is pd.NaT
                else local_text(v, z, fmt) if isinstance(v, pd.Timestamp) and v.tzinfo else v
            )
    return out


class Table:
    """A DataFrame shown with a caption; HTML through ``to_html(escape=True)``, text for nbval."""

    def __init__(self, df: pd.DataFrame, caption: str | None = None, max_rows: int = 200) -> None:
        self.total = len(df)
        head = _prose(df.head(max_rows)).astype(object)
        self.df = head.where(head.notna(), "").map(_number_text).astype(object)
        self.caption = caption
        # (what a row's first cell counts, where its name alone does not say: FIGURE_NOTES)
        self.notes: dict[str, str] = dict(df.attrs.get("notes") or {})

    def _note(self) -> str:
        return f" (first {len(self.df)} of {self.total} rows)" if self.total > len(self.df) else ""

    def _repr_html_(self) -> str:
        cap = ""
        if self.caption:
            cap = f'<p class="occ-caption"><b>{html.escape(self.caption)}</b>{html.escape(self._note())}</p>'
        if self.df.empty:
            return cap + "<p><i>none</i></p>"
        body = self.df.to_html(escape=True, index=False, na_rep="", border=0, classes="occ-table")
        notes = ""
        # (marked before _breakable: a figure named by a URL, 'availability host/app?x=1 (%)', is cut
        # with <wbr> at its '/' after it, and its note was printed without the '*' on its row)
        for name, note in self.notes.items():
            cell, text = html.escape(name, quote=False), html.escape(note)
            body = body.replace(f"<td>{cell}</td>", f'<td title="{text}">{cell}*</td>', 1)
            notes += f'<p class="occ-note">* <b>{cell}</b>: {html.escape(note, quote=False)}.</p>'
        body = _breakable(body)
        return f'<div class="occ-table-wrap">{cap}{body}{notes}</div>'

    def __repr__(self) -> str:
        head = (self.caption or "") + self._note()
        text = "none" if self.df.empty else self.df.to_string(index=False, na_rep="")
        text += "".join(f"\n* {name}: {note}." for name, note in self.notes.items())
        return f"{head}\n{text}" if head else text


#: A report table's header for a column the frames name as an identifier (:func:`_prose`).
HEADER_LABELS: dict[str, str] = {"first_source": "first cited in", "first_line": "line"}


def _prose(df: pd.DataFrame) -> pd.DataFrame:
    """What a report table shows of an identifier the frame (and the CLI) keep: a ``kind``
    column's values as prose (``doc_expired`` as ``document expired``, ``follow_up`` as
    ``follow-up``: :func:`occ_lib.formats.kind_label`), and a snake_case header in words
    (:data:`HEADER_LABELS`, else its ``_`` as spaces: ``first_source`` as ``first cited in``)."""
    out = df
    if "kind" in df.columns:
        out = out.assign(kind=out["kind"].map(kind_label))
    names = {
        c: HEADER_LABELS.get(c) or c.replace("_", " ") for c in out.columns if isinstance(c, str) and "_" in c
    }
    return out.rename(columns=names) if names else out


#: The most decimals a table shows: availability (%) has 3 (99.527 beside an objective of 99.5),
#: latencies 1; each figure is rounded where it is computed, and shown as rounded.
DECIMALS = 3


def _number_text(value: Any) -> Any:
    """A float as its rounded digits (at most :data:`DECIMALS`, trailing zeros dropped, ``2880.0``
    keeps one): pandas' display precision would cut 99.527 to 99.53 in one table while the index
    and ``occ sla`` show 99.527. A flag (``bool``, numpy's too) as ``yes`` or ``no``, as the tables
    write their own flags (``judged``): Python's ``False`` showed in the data-quality ``bom`` column.
    Other values are returned as they are."""
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if not isinstance(value, float):
        return value
    text = f"{value:.{DECIMALS}f}".rstrip("0")
    text = text + "0" if text.endswith(".") else text
    return "0.0" if text == "-0.0" else text


_TEXT_NODE = re.compile(r">([^<]+)<")
#: A run of more than this many characters without a space or ``/`` (a hash, a token, a word
#: pasted without spaces) may wrap every :data:`_WRAP_EVERY` characters: one such word widened its
#: column past the page, and the whole table scrolled sideways.
_LONG_WORD = 40
_WRAP_EVERY = 20
_LONG_RUN = re.compile(rf"[^\s/]{{{_LONG_WORD + 1},}}")
#: A cell's leading date or time (``2025-10-08 13:00``, ``2025-10-10 (end of day)``'s date), ISO week
#: (``2025-W41``), duration (``21h 40min``) or ticket key (``INFRA-2743``) is kept on one line: a narrow
#: column broke them at their hyphens ("2025-10-" over "08 13:00", "INFRA-" over "2743").
_NOWRAP = '<span class="occ-when" style="white-space: nowrap">'
_WHEN = re.compile(
    r"\d{4}-(?:\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?(?: [A-Z]{3,5}\b)?|W\d{2}\b)"
    r"|\d+(?:d|h|min|s)(?: \d+(?:h|min))?\b"  # (a duration of human_duration: "21h" over "40min")
    r"|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+\b"
)


def _breakable(table_html: str) -> str:
    """Let long paths and URLs in cells wrap after each ``/`` (``<wbr>``), and words longer than
    :data:`_LONG_WORD` characters every :data:`_WRAP_EVERY` (:func:`_wrap_long`), so a table of log
    text fits the page instead of scrolling; short words still never break. The cells' text is
    already escaped, so text nodes hold no ``<``."""

    def node(m: re.Match[str]) -> str:
        text = m.group(1)
        # (cheap gate: a cell opening with a digit or a capital)
        if (text[:1].isdigit() or text[:1].isupper()) and (when := _WHEN.match(text)):
            return f">{_NOWRAP}{when.group(0)}</span>{text[when.end():]}<"
        if len(text) > _LONG_WORD:  # (cheap gate: most cells are short)
            text = _LONG_RUN.sub(_wrap_long, text)
        return ">" + text.replace("/", "/<wbr>") + "<"

    return _TEXT_NODE.sub(node, table_html)


def _wrap_long(m: re.Match[str]) -> str:
    """A long escaped word with ``<wbr>`` every :data:`_WRAP_EVERY` characters of its text, never
    inside an entity (``&lt;`` stays whole): cut unescaped, each piece escaped again."""
    word = html.unescape(m.group(0))
    pieces = [word[i : i + _WRAP_EVERY] for i in range(0, len(word), _WRAP_EVERY)]
    return "<wbr>".join(html.escape(p, quote=False) for p in pieces)


def show(df: pd.DataFrame, caption: str | None = None, tz: str | None = None, max_rows: int = 200) -> Table:
    """The object a notebook cell ends with to show ``df`` (times in ``tz`` when given)."""
    return Table(for_display(df, tz) if tz else df, caption, max_rows)


def record(path: str | None, **figures: Any) -> None:
    """Write a notebook's key figures as JSON to ``path`` (the ``record`` parameter set by the runner).

    Nothing happens when ``path`` is None (a notebook opened in JupyterLab).
    """
    if not path:
        return
    from .export import write_atomic
    from .formats import _plain

    def plain(v: Any) -> Any:
        if isinstance(v, pd.DataFrame):
            from .formats import records

            return list(records(v))
        if isinstance(v, Mapping):
            return {str(k): plain(x) for k, x in v.items()}
        if isinstance(v, Period):  # (the period the notebook computed: occ report run's manifest)
            return v.fields()
        return _plain(v)

    write_atomic(path, json.dumps({k: plain(v) for k, v in figures.items()}, indent=1, ensure_ascii=False))


# the week's data ----------------------------------------------------------------------------------


# the evidence files (or items) the last import of a workspace could not read, by its folder: what
# :func:`data_quality` lists for that workspace
_EVIDENCE_PROBLEMS: dict[str, list[Any]] = {}


def workspace(config: str | Path) -> Any:
    """Load ``occ.yml`` and import its evidence into its store first (idempotent), so a fresh clone,
    whose store is not committed, reports the same figures; the files the import could not read
    are kept for :func:`data_quality`."""
    from .report import ensure_store
    from .workspace import Workspace

    ws = Workspace.load(config)
    _EVIDENCE_PROBLEMS[str(Path(ws.root).resolve())] = ensure_store(ws)
    return ws


class WeekData:
    """Everything a report shows for one period; each piece is an occ_lib call made on first use.

    Lazy, so a notebook that shows only timelines never scans the probe store, and one that shows
    the headline of the previous week computes just what the headline needs.
    """

    def __init__(self, ws: Any, per: Period, targets: Sequence[str] | None, tickets: Sequence[str] | None):
        self.ws = ws
        self.per = per
        self.targets = list(targets) if targets else None
        self.tickets = list(tickets) if tickets else None
        probes = Path(ws.store) / "probes"
        self.source: Any = str(ws.store) if probes.is_dir() and any(probes.rglob("*.parquet")) else None
        self.policy = ws.policy
        self.known = sorted({*(t for t in self.policy.targets if t != "*"), *(self.targets or [])})
        self.cap = min(per.end, per.as_of)

    @property
    def logs(self) -> Any:
        return self.ws.logs

    @property
    def has_logs(self) -> bool:
        """Whether any log file was read (the log figures count something)."""
        return not self.logs.docs.empty

    @property
    def unmatched_logs(self) -> list[str]:
        """The workspace's log patterns or paths that gave no file, relative to the workspace."""
        p = self.logs.problems
        if p.empty:
            return []
        gone = p[p["what"].eq("file") & p["reason"].isin(_NO_FILE)]
        return list(dict.fromkeys(_rel(Path(str(s)), Path(self.ws.root)) for s in gone["source"]))

    @property
    def has_probes(self) -> bool:
        """Whether the store holds a probe of the shown targets in the period (up to as_of)."""
        return self._probing() and int(self.availability["probes"].sum()) > 0

    @cached_property
    def maintenance(self) -> pd.DataFrame:
        """The maintenance windows the probe figures exclude: the period's, and past its end as far
        as retries look for next probes (:func:`occ_lib.sla.maintenance_until`: a probe in
        maintenance is no next probe), never every window up to a far as_of."""
        from . import sla

        until = sla.maintenance_until(self.source, self.policy, self.per.end, self.per.as_of)
        return self.policy.maintenance_windows(self.per.start, max(until, self.per.start), self.known)

    @cached_property
    def misses(self) -> pd.DataFrame:
        from . import sla

        per = self.per
        m = sla.misses(self.logs, self.source, self.policy, per.start, per.end, per.as_of)
        if self.tickets:
            wanted = {t.upper() for t in self.tickets}
            keep = m["kind"].isin(["deadline", "response", "resolution"])
            m = m[~keep | m["subject"].str.upper().isin(wanted)]
        if self.targets:
            keep = m["kind"].isin(list(PROBE_KINDS))
            m = m[~keep | m["subject"].isin(self.targets)]
        return alert_episodes(m.reset_index(drop=True))

    @cached_property
    def timeline(self) -> pd.DataFrame:
        """The period's ticket events (:func:`occ_lib.timeline.period_view`): the tickets with an
        event in it or a row in its SLA table (:attr:`deadlines`, :attr:`ticket_targets`), their
        events from the start to as_of, the last one before the start and their undated ones. Every
        event up to as_of made the chart of a week grow with a year of history until it broke the
        point budget."""
        from . import timeline

        tl = timeline.escalations(self.logs, self.tickets, self.per.tz)
        # (what the logs say after the period is judged belongs to a later report: its chart
        # and table end at as_of, as the per-ticket figures do)
        also = {*self.deadlines["subject"], *self.ticket_targets["subject"]}
        return timeline.period_view(tl, self.per.start, self.per.as_of, also)

    @cached_property
    def all_tickets(self) -> pd.DataFrame:
        """Per ticket seen by as_of, over the whole history (:func:`occ_lib.timeline.summary`)."""
        from . import timeline

        return timeline.summary(self.logs, self.per.as_of, self.tickets, self.per.tz)

    @cached_property
    def summary(self) -> pd.DataFrame:
        """The per-ticket figures (from the whole history) of the tickets :attr:`timeline` shows."""
        s = self.all_tickets
        return s[s["ticket"].isin(set(self.timeline["ticket"]))].reset_index(drop=True)

    @cached_property
    def deadlines(self) -> pd.DataFrame:
        """The deadlines of the period's SLA table (due from its start: before its end, or not yet
        missed at as_of) known at as_of, one row per (ticket, due time) with the SLA table's status:
        the chart marks each promise once, as met or missed by the same rules as the table (a date
        written twice, a reopening, a resolution known only to its day; a date-only one due at the
        end of its day in the zone its log declares, else in the policy's zone, which the table
        counts in even when the report is shown in another)."""
        from . import sla

        return self._of_tickets(
            sla.deadline_misses(self.logs, self.per.start, self.per.as_of, self.policy.tz, self.per.end))

    @cached_property
    def ticket_targets(self) -> pd.DataFrame:
        """The first-response and resolution targets of the period's SLA table (due from its
        start: before its end, or not yet missed at as_of), as it counts them
        (:func:`occ_lib.sla.ticket_target_misses`): their tickets are the period's even when the
        logs said nothing of them in it (first seen the evening before)."""
        rows = self._all_ticket_targets
        if not rows.empty:
            rows = rows[pd.to_datetime(rows["due_at"], utc=True) >= self.per.start]
        return self._of_tickets(rows)

    @cached_property
    def _all_ticket_targets(self) -> pd.DataFrame:
        """Every first-response and resolution target due before the period's end or not yet missed
        at as_of, from all time (:func:`occ_lib.sla.ticket_target_misses` without a start): :attr:`owed`
        reads them all, :attr:`ticket_targets` those due from the start. A row does not depend on the
        start, only whether it is listed (:func:`occ_lib.sla._due_in`), so one call serves both."""
        from . import sla

        return sla.ticket_target_misses(self.logs, self.policy, None, self.per.as_of, self.per.end)

    @cached_property
    def owed(self) -> pd.DataFrame:
        """Every deadline and ticket target due before ``as_of``, whatever period it fell due in,
        judged at as_of: the headline's ``open tickets past due`` (:func:`key_figures`). The
        period's SLA table lists only what fell due in the period, so a ticket whose target passed
        the week before and that is still open was missing from that figure."""
        from . import sla

        per = self.per
        # (the deadlines are computed again from all time: a period's undated rows, a stated miss
        # with no due time, are admitted by when they were written, which its rows do not say)
        parts = [
            sla.deadline_misses(self.logs, None, per.as_of, self.policy.tz, per.end),
            self._all_ticket_targets,
        ]
        parts = [p for p in parts if not p.empty]
        rows = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=self.misses.columns)
        return self._of_tickets(rows)

    def _of_tickets(self, rows: pd.DataFrame) -> pd.DataFrame:
        """SLA rows of tickets (a ``subject`` each) kept to the report's ``tickets`` when it names some."""
        if self.tickets and not rows.empty:
            wanted = {t.upper() for t in self.tickets}
            rows = rows[rows["subject"].str.upper().isin(wanted)]
        return rows.reset_index(drop=True)

    def _rules(self) -> tuple[dict[str, str], dict[str, int]]:
        pol = self.policy
        degraded = {
            "*": pol.target("*").degraded_counts_as,
            **{t: pol.target(t).degraded_counts_as for t in self.known},
        }
        retries = {"*": pol.target("*").retries, **{t: pol.target(t).retries for t in self.known}}
        return degraded, retries

    def _probing(self) -> bool:
        return self.source is not None and self.cap > self.per.start

    @cached_property
    def latency(self) -> pd.DataFrame:
        from . import aggregate

        if not self._probing():
            return pd.DataFrame(columns=_LATENCY_COLS)
        return aggregate.latency_windows(
            self.source,
            "1h",
            start=self.per.start,
            end=self.cap,
            targets=self.targets,
            exclude=self.maintenance,
        )

    @cached_property
    def latency_total(self) -> pd.DataFrame:
        from . import aggregate

        if not self._probing():
            return pd.DataFrame(columns=_LATENCY_COLS)
        return aggregate.latency_windows(
            self.source,
            None,
            start=self.per.start,
            end=self.cap,
            targets=self.targets,
            exclude=self.maintenance,
        )

    @cached_property
    def counts(self) -> pd.DataFrame:
        from . import aggregate

        if not self._probing():
            return pd.DataFrame(columns=["target", "window_start", "up", "degraded", "down", "total"])
        degraded, retries = self._rules()
        return aggregate.outcome_counts(
            self.source,
            "1h",
            self.per.start,
            self.cap,
            self.targets,
            self.maintenance,
            None,
            degraded,
            retries,
            as_of=self.per.as_of,
        )

    @cached_property
    def availability(self) -> pd.DataFrame:
        from . import aggregate

        if not self._probing():
            return pd.DataFrame(columns=["target", "probes", "counted", "good", "bad", "ratio"])
        degraded, retries = self._rules()
        return aggregate.availability(
            self.source, self.per.start, self.cap, self.targets, self.maintenance, degraded, retries,
            as_of=self.per.as_of,
        )

    @cached_property
    def budget(self) -> pd.DataFrame:
        """Error budget per target with the peak burn rates over the SRE workbook's windows."""
        from . import sla

        cols = [
            "target",
            "objective",
            "counted",
            "good",
            "bad",
            "ratio",
            "allowed_bad",
            "consumed_pct",
            "remaining_pct",
        ]
        if not self._probing():
            return _budget_table(pd.DataFrame(columns=cols), pd.DataFrame(columns=["target", "at"]))
        per = self.per
        budget = _filter_targets(
            sla.error_budget(self.source, self.policy, per.start, per.end, per.as_of), self.targets
        )
        burns = _filter_targets(
            sla.burn_rates(self.source, self.policy, per.start, per.end, per.as_of), self.targets
        )
        return _budget_table(budget, burns)

    @cached_property
    def budget_series(self) -> pd.DataFrame:
        return _budget_series(self.counts, self.policy)

    @cached_property
    def objectives(self) -> dict[str, Any]:
        names = sorted(set(self.availability["target"]) | set(self.known))
        objs = {t: self.policy.target(t) for t in names if t != "*"}
        return {t: v for t, v in objs.items() if t in self.targets} if self.targets else objs

    @cached_property
    def objective_windows(self) -> pd.DataFrame:
        """One row per shown target, latency objective and window of it (:data:`_WINDOW_COLS`), as
        :func:`occ_lib.sla.probe_misses` judges them: its windows (whole days local in the policy's
        zone), their end as the SLA row's overage reads it (:func:`occ_lib.sla.window_end`), ``judged``
        and ``over`` by the SLA's own verdict (:func:`occ_lib.sla.judge_windows`). One scan
        per window length; the hourly one is :attr:`latency`. ``attrs["no_objective"]``: the targets
        with latency data but no latency objective (in no row; :func:`latency_caption` names them)."""
        from . import aggregate, sla

        by_length: dict[dt.timedelta, pd.DataFrame] = {}
        frames = []
        for t, tp in self.objectives.items():
            for o in tp.latency:
                if o.window not in by_length:
                    by_length[o.window] = (
                        self.latency if o.window == _HOUR or not self._probing()
                        else aggregate.latency_windows(
                            self.source, o.window, start=self.per.start, end=self.cap, targets=self.targets,
                            exclude=self.maintenance, tz=self.policy.tz,
                        )
                    )
                lw = by_length[o.window]
                mine = lw[lw["target"].astype(str).eq(t)].copy()
                if mine.empty:
                    continue
                mine["target"] = t
                mine["objective"] = objective_text(o)
                mine["window_end"] = [
                    sla.window_end(w, o.window, self.cap, self.policy.tz) for w in mine["window_start"]
                ]
                mine["percentile"], mine["threshold_ms"] = o.percentile, o.threshold_ms
                mine["min_probes"] = o.min_probes
                frames.append(sla.judge_windows(mine, o)[_WINDOW_COLS])
        out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=_WINDOW_COLS)
        judged = {t for t, tp in self.objectives.items() if tp.latency}
        out.attrs["no_objective"] = sorted(set(self.latency_total["target"].astype(str)) - judged)
        return out

    @cached_property
    def not_judged(self) -> dict[str, int]:
        """Per target, its latency windows of fewer probes than an objective's ``min_probes``: shown,
        not judged (:func:`occ_lib.sla.probe_misses`); a report says how many, and why."""
        ow = self.objective_windows
        few = ow[~ow["judged"].astype(bool)]
        counted = few.groupby("target")["window_start"].nunique().to_dict() if not few.empty else {}
        return {t: int(counted.get(t, 0)) for t, tp in self.objectives.items() if tp.latency}

    @cached_property
    def evidence(self) -> pd.DataFrame:
        return evidence_audit(
            self.logs, self.ws.root, self.per.start, self.per.end, self.ws.evidence_paths(all_files=True),
            self.ws.config.evidence,
        )

    @cached_property
    def tables(self) -> dict[str, list[TableVersion]]:
        return table_history(self.logs, self.per.start, self.per.end, self.per.tz)

    @cached_property
    def rules(self) -> list[str]:
        from . import aggregate, sla

        # (the availability frame's own rules say again, in other words, what the SLA rules state
        # per target: degraded counting, retries, probes not minutes)
        return list(dict.fromkeys([*sla.accounting_rules(self.policy), *aggregate.RULES]))

    @cached_property
    def figures(self) -> dict[str, Any]:
        return key_figures(self, self.per)


_LATENCY_COLS = ["target", "window_start", "n", "p50", "p90", "p95", "p99", "mean"]
#: :attr:`WeekData.objective_windows`: a latency objective's windows with their verdicts.
_WINDOW_COLS = [
    "target", "objective", "window_start", "window_end", "n", "p50", "p90", "p95", "p99",
    "percentile", "threshold_ms", "min_probes", "judged", "over",
]
_HOUR = dt.timedelta(hours=1)
_NO_FILE = ("no files match this pattern", "no such file or folder")


def _filter_targets(df: pd.DataFrame, targets: Sequence[str] | None, col: str = "target") -> pd.DataFrame:
    if not targets or df.empty or col not in df.columns:
        return df
    return df[df[col].isin(list(targets))].reset_index(drop=True)


def collect(
    ws: Any,
    per: Period,
    targets: Sequence[str] | str | None = None,
    tickets: Sequence[str] | str | None = None,
) -> WeekData:
    """The report's data for ``per``: SLA misses, timelines, probe aggregates, audits (lazily).

    Probe figures are computed by DuckDB straight over the workspace's Parquet store (nothing is
    loaded whole). ``targets``/``tickets`` narrow what is shown; the headline figures follow them.
    """
    targets = [targets] if isinstance(targets, str) else targets
    tickets = [tickets] if isinstance(tickets, str) else tickets
    return WeekData(ws, per, targets, tickets)


#: Minutes between two evaluations of the burn-rate alerts (:func:`occ_lib.sla.burn_rates`' step).
ALERT_STEP_MIN = 5


def _budget_table(budget: pd.DataFrame, burns: pd.DataFrame) -> pd.DataFrame:
    cols = {
        "target": "target",
        "objective": "objective (%)",
        "ratio": "availability (%)",
        "counted": "probes counted",
        "bad": "bad probes",
        "allowed_bad": "budget (probes)",
        "consumed_pct": "budget consumed (%)",
        "remaining_pct": "budget remaining (%)",
    }
    out = budget[[c for c in cols if c in budget.columns]].rename(columns=cols).copy()
    for c in ("objective (%)", "availability (%)", "budget (probes)"):
        if c in out.columns:
            out[c] = pd.to_numeric(out[c], errors="coerce").round(3)
    for c in ("budget consumed (%)", "budget remaining (%)"):
        if c in out.columns:
            # (object: an int from 1000 % on stays an int, shown without a decimal)
            values = [budget_percent(v) for v in pd.to_numeric(out[c], errors="coerce")]
            out[c] = pd.Series(values, index=out.index, dtype=object)
    burn_cols = [c for c in burns.columns if c.startswith("burn_")]
    alert_cols = [c for c in burns.columns if c.startswith("alert_")]
    if not burns.empty and burn_cols:
        peak = burns.groupby("target")[burn_cols].max()
        for c in burn_cols:
            w = c.removeprefix("burn_")
            out[f"peak burn {w} (x)"] = out["target"].map(peak[c]).astype("float64").round(2)
        if alert_cols:
            # (a step counts once however many window pairs fire in it: a week has 2016 of them)
            fired = burns[alert_cols].any(axis=1).groupby(burns["target"]).sum()
            # (as a duration: "alerting (5-min steps) 1854" left the reader to multiply out 6d 11h)
            steps = out["target"].map(fired).fillna(0).astype("int64")
            out["alerting for"] = (steps * ALERT_STEP_MIN).map(human_duration)
    return out.reset_index(drop=True)


def _budget_series(counts: pd.DataFrame, policy: Any) -> pd.DataFrame:
    from .charts import budget_series

    frames = []
    for target, c in counts.groupby("target", sort=True):
        tp = policy.target(str(target))
        if tp.availability is None or tp.availability >= 100:
            continue
        # (degraded=None: the counts' good column, which applied degraded_counts_as and retries)
        frames.append(budget_series(c, tp.availability / 100.0, None))
    return (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=["target", "window_start", "remaining"])
    )


def key_figures(d: WeekData, per: Period) -> dict[str, Any]:
    """The headline figures: SLA misses, open tickets past due, availability and p95 per target,
    stale documents (units in the names).

    ``open tickets past due``: tickets open at as_of with a deadline or resolution target missed by
    as_of, or a first-response target missed and not yet met, in this period or an earlier one
    (``d.owed``; a bare object without it: its ``misses``); one due exactly at as_of is open, not
    past due: a response then would still be on time. :data:`FIGURE_NOTES` says so in the report."""
    m = d.misses
    missed = m[m["status"] == "missed"] if not m.empty else m
    # (open tickets of the whole history, not only those the period's tables show: a WeekData's
    # all_tickets; a bare object with only a summary gives that)
    every = getattr(d, "all_tickets", d.summary)
    open_tickets = set(every.loc[every["status"] == "open", "ticket"]) if not every.empty else set()
    past_due = set(_past_due(getattr(d, "owed", m), open_tickets, per.as_of)["subject"])
    figs: dict[str, Any] = {
        "SLA misses": int(len(missed)),
        "missed deadlines and ticket targets": int(
            missed["kind"].isin(["deadline", "response", "resolution"]).sum()
        ),
        "probe objective misses (windows and alerts)": int(missed["kind"].isin(list(PROBE_KINDS)).sum()),
        "open tickets past due": len(past_due),
        "stale documents": int(missed[missed["kind"].isin(["doc_expired", "doc_stale"])]["subject"].nunique())
        if not missed.empty
        else 0,
    }
    figs = _without_data(figs, getattr(d, "has_logs", True), getattr(d, "has_probes", True))
    pol = getattr(d, "policy", None)
    for rec in d.availability.to_dict("records"):
        ratio = rec.get("ratio")
        figs[f"availability {rec['target']} (%)"] = _of_few(
            None if ratio is None or pd.isna(ratio) else round(float(ratio), 3), rec.get("counted"),
            few_probes(pol, str(rec["target"])),
        )
    for rec in d.latency_total.to_dict("records"):
        p95 = rec.get("p95")
        figs[f"p95 {rec['target']} (ms)"] = _of_few(
            None if p95 is None or pd.isna(p95) else round(float(p95), 1), rec.get("n"),
            few_probes(pol, str(rec["target"])),
        )
    return figs


#: A per-target headline figure from fewer probes than this says how many, in its cell: one imported
#: curl transcript made "availability ... (%) 100.0" read like a week of checks. The latency
#: objectives' default ``min_probes``: a window of fewer is not judged, nor is a period's figure; a
#: target with a latency objective is held to its own ``min_probes`` (:func:`few_probes`).
FEW_PROBES = MIN_PROBES


def few_probes(policy: Any, target: str) -> int:
    """The fewest probes a headline figure of ``target`` stands for its period with: the smallest
    ``min_probes`` of its latency objectives (a window of that many is judged, so a period of that
    many is not "too few"), else :data:`FEW_PROBES`. A target probed every 30 min under
    ``min_probes: 2`` had its 3 probes marked too few by the constant, and one under ``min_probes:
    10`` had its 6 taken as enough."""
    if policy is None:
        return FEW_PROBES
    return min((o.min_probes for o in policy.target(target).latency), default=FEW_PROBES)


#: The note of a headline figure from too few probes (:func:`_of_few`), under the weekly page's
#: headline table and under the index's table (:func:`occ_lib.export.render_index`): one text for
#: both, true for a target of any ``min_probes``.
FEW_PROBES_NOTE = (
    f"from fewer probes in the period than its target's latency objective judges a window by "
    f"(min_probes, {FEW_PROBES} without one; their number in brackets): too few to stand for the "
    "target's period, and not compared with the previous one"
)
_FEW_MARK = re.compile(r" \(\d+ probes?\)\Z")


def of_few_probes(value: Any) -> bool:
    """Whether a headline value is one from too few probes (``100.0 (1 probe)``, :func:`_of_few`):
    the weekly page and the index mark those for :data:`FEW_PROBES_NOTE` (``0 (no probes)`` and
    ``n/a (8 probes against 326)`` say something else)."""
    return isinstance(value, str) and value.endswith(")") and _FEW_MARK.search(value) is not None


def _of_few(value: float | None, probes: Any, least: int = FEW_PROBES) -> float | str | None:
    """``value``, or ``"100.0 (1 probe)"`` when it comes from fewer than ``least`` probes
    (:func:`few_probes`; a string: :func:`headline` then gives it no change, and the index shows
    the note too)."""
    if value is None or probes is None or pd.isna(probes) or int(probes) >= least:
        return value
    return f"{value} ({_plural(int(probes), 'probe')})"


def _past_due(rows: pd.DataFrame, open_tickets: set[str], as_of: pd.Timestamp) -> pd.DataFrame:
    """The SLA ``rows`` of open tickets with a promise missed by ``as_of`` and still owed: a
    deadline or the resolution target is owed until the ticket is resolved; a first response until
    one came (a late one is a miss in the table, nothing past due now)."""
    if rows.empty:
        return rows
    owed = rows["kind"].isin(["deadline", "resolution"]) | (
        rows["kind"].eq("response") & rows["resolved_at"].isna()
    )
    due = pd.to_datetime(rows["due_at"], utc=True)
    late = owed & rows["status"].eq("missed") & (due <= as_of) & rows["subject"].isin(open_tickets)
    return rows[late]


def past_due_table(d: WeekData) -> pd.DataFrame:
    """The rows behind the headline's ``open tickets past due``, as :func:`misses_table` shows
    them, by ticket and due time: a ticket past due since an earlier week is in none of the
    period's tables, and a headline figure no table explains cannot be checked."""
    every = d.all_tickets
    open_tickets = set(every.loc[every["status"] == "open", "ticket"])
    late = _past_due(d.owed, open_tickets, d.per.as_of).sort_values(["subject", "due_at"], kind="stable")
    return misses_table(late, all_rows=True, tz=d.policy.tz)


#: What a headline figure counts, where its name alone does not say: shown under the headline
#: table and as the figure's tooltip (:class:`Table`).
FIGURE_NOTES = {
    # (the total was the one headline figure a reader could not tie to the figures under it)
    "SLA misses": (
        "every missed row of the SLA tables below, one per check: missed deadlines and ticket targets, "
        "probe objective misses and missed document checks (expired or stale; a document with both "
        "missed is 2 here and 1 in stale documents, which counts documents)"
    ),
    "open tickets past due": (
        "tickets still open at the as-of time with a deadline, ETA or ticket target due before it "
        "and not met, whether it fell due in this period or an earlier one"
    ),
    # (the name said "stale" while the one document it counted in the example had expired, and the
    # three "document stale" rows above it, all open, were not counted)
    "stale documents": (
        "documents with a freshness check missed by the as-of time, each counted once: expired (past "
        "the day in its front matter's 'expires') or stale (last reviewed too long ago); a document "
        "check still open is not counted"
    ),
}


#: What a headline figure computed from no data shows (no log file read, no probe in the period):
#: a 0 there would read as "all clear".
NO_DATA = "n/a"
_LOG_FIGURES = ("missed deadlines and ticket targets", "open tickets past due", "stale documents")
_PROBE_FIGURES = ("probe objective misses (windows and alerts)",)


def _without_data(figs: dict[str, Any], has_logs: bool, has_probes: bool) -> dict[str, Any]:
    """``figs`` with the counts that come from the logs :data:`NO_DATA` when no log file was read,
    those from the probes when the period has none, and ``SLA misses`` when it has neither."""
    blank = [*(() if has_logs else _LOG_FIGURES), *(() if has_probes else _PROBE_FIGURES)]
    if not (has_logs or has_probes):
        blank.append("SLA misses")
    return {k: NO_DATA if k in blank else v for k, v in figs.items()}


#: The previous period's per-target probe figures are compared only when it counted at least this
#: share of this period's probes for the target: a week whose data begins on its last evening holds
#: 8 probes against 341, and "+742 ms" from them is no week-over-week change.
PREVIOUS_MIN_SHARE = 0.5


def previous_figures(d: WeekData, previous: WeekData) -> dict[str, Any]:
    """The previous period's headline figures (``previous.figures``) with each target's
    availability and p95 shown as ``n/a (N probes against M)`` when it counted fewer than
    :data:`PREVIOUS_MIN_SHARE` of this period's probes for that target (``n/a (no probes)``
    without any), so that :func:`headline` gives it no change."""
    figs = dict(previous.figures)
    now, before = _counted(d.availability), _counted(previous.availability)
    for target, n in now.items():
        m = before.get(target, 0)
        if n <= 0 or m >= PREVIOUS_MIN_SHARE * n:
            continue
        note = f"{NO_DATA} (no probes)" if m == 0 else f"{NO_DATA} ({m} probes against {n})"
        for key in (f"availability {target} (%)", f"p95 {target} (ms)"):
            figs[key] = note
    return _total_of_other_sources(figs, d, previous)


def _total_of_other_sources(figs: dict[str, Any], d: Any, previous: Any) -> dict[str, Any]:
    """``figs`` with the previous ``SLA misses`` marked, so that :func:`headline` gives it no change,
    when the two periods' totals count different sources: one period has probes (or logs) and the
    other none. A first week of probes after one without read "SLA misses +266" beside a probe
    figure of ``n/a``: the change was the probes arriving, not the service getting worse."""
    total = figs.get("SLA misses")
    if not _num(total):
        return figs
    notes = []
    for attr, none, included in (
        ("has_probes", "no probes", "with probe misses"),
        ("has_logs", "no logs", "with log misses"),
    ):
        now, before = getattr(d, attr, True), getattr(previous, attr, True)
        if now and not before:
            notes.append(none)
        elif before and not now:
            notes.append(included)
    if notes:
        figs["SLA misses"] = f"{total} ({', '.join(notes)})"
    return figs


def _counted(availability: pd.DataFrame) -> dict[str, int]:
    """Probes counted per target (maintenance excluded) of an availability frame."""
    if availability.empty or "counted" not in availability.columns:
        return {}
    return {str(t): int(c) for t, c in zip(availability["target"], availability["counted"], strict=True)}


# tables for people --------------------------------------------------------------------------------


def banner(per: Period, title: str, data: WeekData | None = None, probes: bool = True) -> Any:
    """The report's title block (escaped): title, period in the report zone, as_of; with the
    period's ``data``, what it lacks (:func:`missing_data`; ``probes``: whether the report shows
    probe figures, so that a timeline report does not scan the store to say so)."""
    from IPython.display import HTML

    z = zone(per.tz)
    as_of = per.as_of.tz_convert(z).strftime("%Y-%m-%d %H:%M %Z")
    marked = "" if per.tz == "UTC" else " unless marked UTC"
    missing = missing_data(data, probes) if data is not None else []
    note = ""
    if missing:
        note = (
            '<p class="occ-missing"><b>Missing data:</b> ' + "; ".join(html.escape(m) for m in missing)
            + f". Figures computed from no data show {NO_DATA}, not 0.</p>"
        )
    return HTML(
        f"<h1>{html.escape(title)}</h1><p>Period <b>{html.escape(per.start_local)}</b> to "
        f"<b>{html.escape(per.end_local)}</b> (local days in <b>{html.escape(per.tz)}</b>); figures as of "
        f"<b>{html.escape(as_of)}</b>. Times below are in {html.escape(per.tz)}{marked}.</p>" + note
    )


def missing_data(d: WeekData, probes: bool = True) -> list[str]:
    """What a report of ``d`` has no data from, in words: each log pattern that matched no file
    (``no log files matched `nolog/*.md```), no log file read at all, and (``probes``) no probe in
    the store for the period. A report built from nothing would otherwise read as "all clear"."""
    out = [f"no log files matched `{p}`" for p in d.unmatched_logs]
    if not d.has_logs and not out:
        out.append("no log files read")
    if probes and not d.has_probes:
        out.append("no probes in the store for this period")
    return out


def _src(df: pd.DataFrame) -> pd.Series:
    def one(r: Any) -> str:
        if pd.isna(r["source"]):
            return ""
        name = Path(str(r["source"])).name
        return name if pd.isna(r["line"]) else f"{name}:{int(r['line'])}"

    return df.apply(one, axis=1) if not df.empty else pd.Series(dtype=object)


#: The ``due`` cell of a period's availability row (:func:`misses_table`): its ``due_at`` is the
#: period's end, and "due 2025-10-13 00:00" read as a deadline after the week.
PERIOD_DUE = "(the period)"


def misses_table(misses: pd.DataFrame, all_rows: bool = False, tz: str = "UTC") -> pd.DataFrame:
    """SLA rows for people: missed and open ones (or all), how late (:func:`human_duration`), where it
    was said.

    ``tz`` is the zone the misses were counted in (the policy's): a date-only deadline, due at the
    end of its day there, shows as that day; one a log in another zone wrote ends at another hour,
    which shows as that time (its detail names the day and the log's zone)."""
    m = misses if all_rows else misses[misses["status"].isin(["missed", "open"])]
    dated = m["day_precision"].fillna("") if "day_precision" in m.columns else pd.Series("", index=m.index)
    due, resolved = m["due_at"], m["resolved_at"]
    if dated.str.len().any():  # date-only mentions show as the dates the logs gave
        due = due.astype(object).where(
            ~(dated.str.contains("due_at") & m["kind"].eq("deadline")),
            [f"{day_of_end(v, tz):%Y-%m-%d} (end of day)" if _is_midnight(v, tz) else v for v in due],
        )
        resolved = resolved.astype(object).where(
            ~dated.str.contains("resolved_at"), resolved.map(lambda v: _date_only(v, tz))
        )
    if m["kind"].eq("availability").any():  # a period's verdict, not a deadline (PERIOD_DUE)
        verdict = m["kind"].eq("availability") & m["overage_min"].isna() & m["resolved_at"].isna()
        due = due.astype(object).where(~verdict, PERIOD_DUE)
    out = pd.DataFrame(
        {
            "kind": m["kind"],
            "subject": m["subject"],
            "status": m["status"],
            "due": due,
            "resolved": resolved,
            "overage": pd.to_numeric(m["overage_min"]).map(human_duration),
            "where": _src(m) if not m.empty else pd.Series(dtype=str),
            "detail": m["detail"],
        }
    )
    return out.reset_index(drop=True)


def team_misses(d: WeekData) -> pd.DataFrame:
    """The period's misses with the team each belongs to (log owner, or the target's team tag)."""
    from . import sla
    from .evidence import workspace_targets

    teams = {t.name: t.tags.get("team") for t in workspace_targets(d.ws)}
    return sla.with_team(d.misses, d.logs, teams)


PROBE_KINDS = ("availability", "latency")


def kind_order(kinds: Any) -> list[Any]:
    """``kinds`` (distinct) in the order of :data:`occ_lib.sla.KINDS` (deadline, first response,
    resolution, availability, latency, the documents), any other kind after them by name: the one
    order of every report table and chart of kinds (sorted identifiers put ``first response`` after
    ``resolution``)."""
    from .sla import KINDS

    rank = {k: i for i, k in enumerate(KINDS)}
    return sorted(kinds, key=lambda k: (rank.get(k, len(rank)), str(k)))


def log_misses(misses: pd.DataFrame) -> pd.DataFrame:
    """The rows about tickets, deadlines and documents (not the per-window probe rows)."""
    return misses[~misses["kind"].isin(PROBE_KINDS)].reset_index(drop=True)


def probe_misses_summary(misses: pd.DataFrame) -> pd.DataFrame:
    """Probe objective misses per kind and target: how many windows or alerts, first and last,
    total and worst overage (:func:`human_duration`).

    The total counts each minute once: the burn-rate alerts of different window pairs (and the
    windows of several latency objectives) overlap, and their sum could exceed the period itself.
    """
    m = misses[misses["kind"].isin(PROBE_KINDS) & (misses["status"] == "missed")]
    cols = ["kind", "target", "misses", "first", "last", "total overage", "worst overage"]
    if m.empty:
        return pd.DataFrame(columns=cols)
    g = m.groupby(["kind", "subject"], sort=True)
    # (first and last are when windows or alerts began: the period's availability row is due at the
    # period's end, and "last 2025-10-13 00:00" read as a miss after the week; it dates a group only
    # when it is the group's one row)
    timed = m["due_at"].where(m["overage_min"].notna() | ~g["overage_min"].transform("count").gt(0))
    gt = timed.groupby([m["kind"], m["subject"]], sort=True)
    out = pd.DataFrame(
        {
            "misses": g.size(),
            "first": gt.min(),
            "last": gt.max(),
            "total overage": g[["due_at", "overage_min"]].apply(_union_minutes).map(human_duration),
            "worst overage": g["overage_min"].max().map(human_duration),
        }
    ).reset_index()
    rank = {k: i for i, k in enumerate(kind_order(out["kind"].unique()))}
    out = out.sort_values("kind", key=lambda s: s.map(rank), kind="stable").reset_index(drop=True)
    return out.rename(columns={"subject": "target"})[cols]


def _is_alert(m: pd.DataFrame) -> pd.Series:
    """The burn-rate alert rows of ``m`` (availability rows with an overage; a period's row has none)."""
    return m["kind"].eq("availability") & m["overage_min"].notna() & m["detail"].astype(str).str.startswith(
        "burn rate above"
    )


def alert_episodes(misses: pd.DataFrame) -> pd.DataFrame:
    """``misses`` with a target's burn-rate alerts that overlap or touch (of any window pairs) as one
    row per episode: from the first start to the last stop (still firing, no stop, when one is),
    its overage the minutes covered, its detail the pairs that fired (``3 window pairs fired: ...``,
    each pair's own detail). :func:`occ_lib.sla.burn_alerts` gives a row per pair, and the 1h/5m,
    6h/30m and 3d/6h pairs of one outage start together: three rows for one episode."""
    if misses.empty or "overage_min" not in misses.columns:
        return misses
    alerts = _is_alert(misses)
    if alerts.sum() < 2:
        return misses
    a = misses[alerts]
    stop = a["due_at"] + pd.to_timedelta(pd.to_numeric(a["overage_min"]), unit="min")
    rows = []
    for _target, g in a.assign(_stop=stop).sort_values(["due_at", "_stop"], kind="stable").groupby(
        "subject", sort=False
    ):
        episode: list[Any] = []
        for rec in g.to_dict("records"):
            if episode and rec["due_at"] > max(r["_stop"] for r in episode):
                rows.append(_episode(episode))
                episode = []
            episode.append(rec)
        rows.append(_episode(episode))
    merged = pd.DataFrame(rows, columns=[*misses.columns, "_stop"]).drop(columns="_stop")
    for c, kind in misses.dtypes.items():  # (an all-NaT column came back naive: no astype to aware)
        if isinstance(kind, pd.DatetimeTZDtype):
            merged[c] = pd.to_datetime(merged[c], utc=True).dt.tz_convert(kind.tz)
        else:
            merged[c] = merged[c].astype(kind)
    merged = merged.sort_values(["due_at", "subject"], kind="stable")
    return pd.concat([misses[~alerts], merged], ignore_index=True)


_PAIR = re.compile(r"over both (\S+) and (\S+)")


def _episode(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """One row for the overlapping alert rows ``rows`` of a target (:func:`alert_episodes`)."""
    first = dict(rows[0])
    if len(rows) == 1:
        return first
    spans = pd.DataFrame(
        {"due_at": [r["due_at"] for r in rows], "overage_min": [r["overage_min"] for r in rows]}
    )
    stops = [r["resolved_at"] for r in rows]
    first["resolved_at"] = pd.NaT if any(pd.isna(x) for x in stops) else max(stops)
    first["overage_min"] = _union_minutes(spans)
    details = list(dict.fromkeys(str(r["detail"]) for r in rows))
    pairs = dict.fromkeys("/".join(p.groups()) for d in details if (p := _PAIR.search(d)))
    fired = f"{_plural(len(pairs), 'window pair')} fired ({', '.join(pairs)})"
    first["detail"] = f"{fired}: " + " | ".join(details)
    first["_stop"] = max(r["_stop"] for r in rows)
    return first


def _union_minutes(rows: pd.DataFrame) -> float:
    """Minutes covered by the intervals ``[due_at, due_at + overage_min)``, overlaps counted once
    (rows without an overage cover nothing)."""
    spans = sorted(
        (start, start + pd.Timedelta(minutes=float(mins)))
        for start, mins in zip(rows["due_at"], rows["overage_min"], strict=True)
        if not pd.isna(mins) and not pd.isna(start) and mins > 0
    )
    total = pd.Timedelta(0)
    end: pd.Timestamp | None = None
    for lo, hi in spans:
        if end is None or lo > end:
            total += hi - lo
            end = hi
        elif hi > end:
            total += hi - end
            end = hi
    return total / pd.Timedelta(minutes=1)


#: The statuses of an SLA row, each a column of :func:`misses_by_kind`: a promise moved by its due
#: time is ``superseded`` (no miss, :func:`occ_lib.sla.misses`), and left out, a kind's row did not
#: add up to its checks.
STATUSES: tuple[str, ...] = ("missed", "open", "met", "superseded")


def misses_by_kind(misses: pd.DataFrame) -> pd.DataFrame:
    """Counts per kind and status (:data:`STATUSES`, then any other status), so a row adds up to
    the kind's checks; the kinds in :func:`kind_order`."""
    if misses.empty:
        return pd.DataFrame(columns=["kind", *STATUSES])
    t = pd.crosstab(misses["kind"], misses["status"])
    for c in STATUSES:
        if c not in t.columns:
            t[c] = 0
    t = t.reindex(pd.Index(kind_order(t.index), name="kind"))
    out = t[[*STATUSES, *sorted(set(t.columns) - set(STATUSES))]].reset_index()
    out.columns.name = None
    return out


def summary_table(summary: pd.DataFrame, tz: str = "UTC", human: bool = True) -> pd.DataFrame:
    """Per-ticket summary with readable headers and durations a person reads ("6d 4h":
    :func:`human_duration`), or in minutes (``human=False``: the ``(min)`` columns a notebook's
    record keeps for machines); ``tz`` is the zone the summary read date-only events in
    (:func:`occ_lib.timeline.summary`)."""
    cols = {
        "ticket": "ticket",
        "status": "status",
        "first_seen": "first seen",
        "first_follow_up": "first follow-up",
        "first_escalation": "first escalation",
        "max_level": "max level (0-3)",
        "follow_ups": "follow-ups",
        "escalations": "escalations",
        "resolved_at": "resolved",
        "time_to_escalate": "to escalate",
        "time_to_resolve": "to resolve",
        "open_age": "open for",
    }
    out = summary[[c for c in cols if c in summary.columns]].copy()
    for c in ("time_to_escalate", "time_to_resolve", "open_age"):
        if c in out.columns:
            spans = pd.to_timedelta(out[c])
            out[c] = spans.map(human_duration) if human else (spans.dt.total_seconds() / 60).round(1)
            cols[c] += "" if human else " (min)"
    if "day_precision" in summary.columns:
        dated = summary["day_precision"].fillna("").str.split(", ")
        for c in INSTANT_COLUMNS:
            if c in out.columns:
                out[c] = [
                    _date_only(v, tz) if c in names else v for v, names in zip(out[c], dated, strict=True)
                ]
    return out.rename(columns=cols).reset_index(drop=True)


def _is_midnight(value: Any, tz: str) -> bool:
    """Whether ``value`` is a midnight in ``tz``: the end of a day there, which a date-only deadline
    of the policy's zone shows as (one of a log in another zone ends at another hour there)."""
    if pd.isna(value):
        return False
    local = pd.Timestamp(value).tz_convert(zone(tz))
    return local == local.normalize()


def _date_only(value: Any, tz: str = "UTC") -> Any:
    """A day-precision instant (its date's midnight in ``tz``) as that date: shown as a time it
    would claim an hour, even the evening before, that the log never gave."""
    return value if pd.isna(value) else f"{pd.Timestamp(value).tz_convert(zone(tz)):%Y-%m-%d}"


#: The ``at`` cell of a ticket event its log gave no time or date (:func:`timeline_table`).
NO_TIME = "(no time)"


def timeline_table(tl: pd.DataFrame, tz: str = "UTC") -> pd.DataFrame:
    """Ticket events in time order, with where they were written; ``tz`` as in
    :func:`summary_table`. A step that names no ticket, given to its section's one
    (:mod:`occ_lib.threads`), says so after where it was written: ``rel.md:7 (thread)``."""
    if tl.empty:
        return pd.DataFrame(columns=["ticket", "at", "kind", "level", "where", "text"])
    at = tl["at"]
    if "at_precision" in tl.columns:
        day = tl["at_precision"].eq("day")
        if day.any():
            at = at.astype(object).where(~day, at.map(lambda v: _date_only(v, tz)))
    # (an undated event's empty cell read as missing data)
    at = at.astype(object).where(tl["at"].notna(), NO_TIME)
    where = _src(tl)
    if "via" in tl.columns:
        where = where.where(tl["via"].ne("thread"), where + " (thread)")
    return pd.DataFrame(
        {
            "ticket": tl["ticket"],
            "at": at,
            "kind": tl["kind"],
            "level": tl["level"],
            "where": where,
            "text": tl["text"],
        }
    ).reset_index(drop=True)


def objectives_table(d: WeekData) -> pd.DataFrame:
    """Per target: objectives (latency percentile/threshold/window and the probes a window needs to be
    judged, availability) and measured, with the windows too few probes left unjudged."""
    lat = d.latency_total.set_index("target") if not d.latency_total.empty else pd.DataFrame()
    av = d.availability.set_index("target") if not d.availability.empty else pd.DataFrame()
    rows = []
    for t in sorted(set(d.objectives) | set(av.index) | set(lat.index)):
        tp = d.objectives.get(t)
        objs = "; ".join(objective_text(o) for o in (tp.latency if tp else []))
        breached = (
            d.misses[
                (d.misses["kind"] == "latency")
                & (d.misses["subject"] == t)
                & (d.misses["status"] == "missed")
            ]
            if not d.misses.empty
            else []
        )
        rows.append(
            {
                "target": t,
                "latency objective": objs,
                "p50 (ms)": _get(lat, t, "p50"),
                "p95 (ms)": _get(lat, t, "p95"),
                "p99 (ms)": _get(lat, t, "p99"),
                "windows over threshold": len(breached),
                "windows not judged (too few probes)": d.not_judged.get(t, 0),
                "availability objective (%)": tp.availability if tp and tp.availability is not None else None,
                "availability (%)": _get(av, t, "ratio", 3),
                "probes counted": _get(av, t, "counted", None),
                "down": _get(av, t, "down", None),
                "in maintenance": _get(av, t, "excluded_maintenance", None),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "target",
            "latency objective",
            "p50 (ms)",
            "p95 (ms)",
            "p99 (ms)",
            "windows over threshold",
            "windows not judged (too few probes)",
            "availability objective (%)",
            "availability (%)",
            "probes counted",
            "down",
            "in maintenance",
        ],
        dtype=object,
    )


def _get(df: pd.DataFrame, idx: str, col: str, digits: int | None = 1) -> Any:
    if df.empty or idx not in df.index or col not in df.columns:
        return None
    v = df.at[idx, col]
    if pd.isna(v):
        return None
    return round(float(v), digits) if digits is not None else int(v)


def objective_text(o: Any) -> str:
    """A latency objective as the report names it: ``p95 <= 800 ms per 4h (of 5+ probes)``, the
    text of the accounting rules too (:meth:`occ_lib.policy.LatencyObjective.text`)."""
    return o.text()


def latency_table(windows: pd.DataFrame) -> pd.DataFrame:
    """The latency objectives' windows (:attr:`WeekData.objective_windows`) for people, one row per
    target, objective and window, percentiles rounded to 0.1 ms.

    Each row is what the SLA judged (:func:`occ_lib.sla.probe_misses`), in the objective's own windows:
    an hourly table under a 4h objective marked every hour of a breached window "over", a quiet hour
    beside the slow one that breached it. Columns: ``start``, ``end`` (the window, cut at as_of),
    ``probes``, p50, p95, p99 (and p90 when an objective is of p90), ``threshold (ms)``, ``judged``
    (``yes`` or ``no (under N probes)``), ``over objective`` (``yes``/``no``, blank when not judged);
    ``objective`` names the objective when a target has several. Windows over the objective come
    first, then by target, objective and start."""
    pcts = ["p50", *(["p90"] if windows["percentile"].eq("p90").any() else []), "p95", "p99"]
    several = bool(len(windows)) and windows.groupby("target")["objective"].nunique().gt(1).any()
    order = {o: i for i, o in enumerate(dict.fromkeys(windows["objective"]))}
    out = windows.assign(
        _over=~windows["over"].astype(bool), _obj=windows["objective"].map(order)
    ).sort_values(["_over", "target", "_obj", "window_start"], kind="stable")
    table = pd.DataFrame(
        {
            "target": out["target"].astype(str),
            **({"objective": out["objective"]} if several else {}),
            "start": out["window_start"],
            "end": out["window_end"],
            "probes": out["n"].astype("int64"),
            **{p: pd.to_numeric(out[p]).round(1) for p in pcts},
            # (800, not 800.0: a threshold is written as a whole number of ms)
            "threshold (ms)": pd.to_numeric(out["threshold_ms"]).map(_whole),
            "judged": [
                "yes" if j else f"no (under {m} probes)"
                for j, m in zip(out["judged"], out["min_probes"], strict=True)
            ],
            "over objective": [
                ("yes" if v else "no") if j else "" for j, v in zip(out["judged"], out["over"], strict=True)
            ],
        }
    )
    table = table.reset_index(drop=True)
    table.attrs["objectives"] = list(order)
    table.attrs["no_objective"] = list(windows.attrs.get("no_objective", []))
    return table


def _whole(value: Any) -> Any:
    """A float of no fraction as an int (``800.0`` as ``800``); others, and NaN, as they are."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


#: :func:`latency_caption` for a period without probes.
NO_PROBES_WINDOWS = "Latency per window of the objective: no probes in this period, so no window to list"


def latency_caption(table: pd.DataFrame, probes: bool = True) -> str:
    """The caption of :func:`latency_table`: the objective (when one), how many windows, how many
    over it (listed first) and how many not judged, and why; and the targets left out for having no
    latency objective (the chart shows them: a reader would look for them in the table). Without
    probes (``probes`` False) it says there are none (:data:`NO_PROBES_WINDOWS`)."""
    if not probes:  # (the page's chart says "no probes" too: "0 windows, 0 over" described nothing)
        return NO_PROBES_WINDOWS
    objs = table.attrs.get("objectives", [])
    which = f", {objs[0]}" if len(objs) == 1 else ""
    over = int(table["over objective"].eq("yes").sum())
    few = int(table["judged"].astype(str).str.startswith("no").sum())
    left_out = table.attrs.get("no_objective", [])
    not_listed = f"; not listed (no latency objective): {', '.join(left_out)}" if left_out else ""
    return (
        f"Latency per window of the objective (ms){which}: {_plural(len(table), 'window')}, {over} over the "
        f"objective (listed first), {few} not judged (fewer probes than the objective's min_probes)"
        f"{not_listed}"
    )


def escalation_figure(d: WeekData, per: Period) -> Any:
    """The escalation chart of the period's tickets (deadlines met/missed, resolutions)."""
    from .charts import escalation_chart

    res = d.summary[["ticket", "resolved_at"]].dropna() if not d.summary.empty else None
    return escalation_chart(
        d.timeline, d.deadlines, res, tz=per.tz, as_of=per.as_of, title=f"Escalation timelines ({per.tz})"
    )


#: What the probe charts show for a period without probes.
NO_PROBES = "No probes in the store for this period"


def probe_figures(d: WeekData, per: Period) -> list[Any]:
    """Latency, outcomes, availability and error-budget burn-down charts; without probes in the
    period one chart that says so (:data:`NO_PROBES`): a Charts heading over nothing read as a
    broken report.

    The line charts share one time range: the period's windows, up to its end or as_of, whichever
    is first (``until``: maintenance after as_of does not stretch the latency chart's axis)."""
    from . import charts

    if d.latency.empty and d.counts.empty:
        return [charts.no_data_chart("Latency and availability", NO_PROBES)]
    thresholds = {t: min(o.threshold_ms for o in tp.latency) for t, tp in d.objectives.items() if tp.latency}
    breaches = d.misses[(d.misses["kind"] == "latency") & (d.misses["status"] == "missed")]
    breaches = breaches.rename(columns={"subject": "target", "due_at": "window_start"})
    objective = {t: tp.availability / 100.0 for t, tp in d.objectives.items() if tp.availability}
    figs = [
        charts.latency_chart(
            d.latency, thresholds or None, breaches, d.maintenance, tz=per.tz,
            title="Latency per target, ms", until=d.cap,
        ),
        charts.outcomes_chart(d.counts, tz=per.tz, title="Probe outcomes"),
        charts.availability_chart(
            d.counts, objective or None, tz=per.tz, title="Availability per target, %", until=d.cap
        ),
    ]
    if not d.budget_series.empty:
        figs.append(
            charts.burndown_chart(d.budget_series, tz=per.tz, title="Error budget remaining, %", until=d.cap)
        )
    return charts.share_time_axis(figs, per.start, d.cap, per.tz)


def show_tables(d: WeekData, per: Period) -> None:
    """Each readiness table as last published in the period, then what changed between versions."""
    from IPython.display import display

    if not d.tables:
        display(Table(pd.DataFrame(), "No tables in the logs"))
        return
    for key, versions in d.tables.items():
        last, n = versions[-1], len(versions)
        # (a version of no date: "as published undated, x.md:7" read as a typo)
        when = "in an undated section" if last.at is None else _when(last.at, per.tz, last.day)
        display(
            Table(
                last.frame,
                f"{key} (as published {when}, {Path(str(last.source)).name}:{last.line}; "
                f"{_plural(n, 'version')})",
            )
        )
        changes = table_changes(versions, per.tz)
        # (a bare "none" under a table published once read as "nothing changed")
        why = " (published once in the period: nothing to compare)" if n == 1 else ""
        display(show(changes, f"Changes to {key}{why}", tz=per.tz))


def _when(at: pd.Timestamp | None, tz: str, day: bool = False) -> str:
    """A version's time for people: one of a section that gives only a date (``day``: at that
    date's midnight in ``tz``, or in UTC when read without a zone) shows as the date; a timed one as
    its wall time in ``tz``, 00:00 included (a section at 00:00 UTC is no date-only one)."""
    if at is None:
        return "undated"
    if day:
        local = at.tz_convert(zone(tz))
        return f"{local if local == local.normalize() else at.tz_convert('UTC'):%Y-%m-%d}"
    return local_text(at, zone(tz))


def show_rules(rules: Sequence[str]) -> Any:
    """The accounting rules as an escaped bullet list."""
    from IPython.display import HTML

    return HTML("<ul>" + "".join(f"<li>{html.escape(r)}</li>" for r in rules) + "</ul>")
