"""The ``sla:`` section of ``occ.yml``: what the team promised and how occ counts it.

Example::

    sla:
      tz: America/New_York           # report zone: weeks and days are local, storage stays UTC
      tickets:                        # per ticket prefix (longest match wins) or whole ticket;
                                      # ServiceNow's by their table: INC covers INC0012345
        OCC-INF: {first_response: 4h, resolution: 2d}
      escalation_ladder: [none, follow-up, manager, executive]
      targets:
        "*":                          # default for every probe target; named targets override keys
          latency: [{percentile: p95, threshold_ms: 800, window: 1h}]  # min_probes: 5 (default): a
                                      # window of fewer probes is shown, not judged
          availability: 99.5          # percent of counted probes, over the report window (not 0.995:
                                      # 1 or less is an error, a fraction written by mistake)
          degraded_counts_as: up      # or down
          retries: 0                  # a probe counts down only if the next N probes are down too
        api:                          # judged by '*' with the keys set here replaced (Policy.target)
          maintenance:                # added to '*''s windows; these exclude this target only
            - {name: nightly, every: daily, start: "23:30", duration: 1h, tz: Europe/Berlin}
      maintenance:                    # excluded from every objective (a window's 'targets:' narrows it)
        - {start: "2025-10-11 02:00", end: "2025-10-11 03:00", tz: UTC}
        - {every: weekly, days: [sun], start: "02:00", duration: 2h, tz: America/New_York}
      documents: {max_age: 14d}

Durations are ``'30s'``, ``'5m'``, ``'1h'``, ``'2d'``, ``'1w'``. Errors name the key path and say what
is expected, never the value given (``sla.tz: unknown IANA time zone (expected a name such as ...)``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

import pandas as pd
from pydantic import BeforeValidator, Field, PlainSerializer, field_validator, model_validator

from .config import StrictModel
from .periods import config_zone, localize, parse_duration, to_utc, zone
from .redact import SERVICENOW_TICKET

Duration = Annotated[
    dt.timedelta,
    BeforeValidator(parse_duration),
    PlainSerializer(lambda td: f"{int(td.total_seconds())}s", return_type=str),
]
Percentile = Literal["p50", "p90", "p95", "p99"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_LADDER: tuple[str, ...] = ("none", "follow-up", "manager", "executive")
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_SERVICENOW = re.compile(SERVICENOW_TICKET)


Zone = Annotated[str, BeforeValidator(config_zone)]


class TicketTarget(StrictModel):
    """Targets for one ticket prefix: time from first mention to first response / to resolution."""

    first_response: Duration | None = None
    resolution: Duration | None = None


#: The fewest probes a latency window needs to be judged: the p95 of two probes is nearly the slower
#: one, and such hours decided "over objective" flags; a window of fewer is shown, not judged.
MIN_PROBES = 5


class LatencyObjective(StrictModel):
    """The ``percentile`` of response times in each ``window`` stays at or under ``threshold_ms``;
    a window of fewer than ``min_probes`` probes is not judged (:data:`MIN_PROBES`)."""

    percentile: Percentile
    threshold_ms: float = Field(gt=0)
    window: Duration = dt.timedelta(hours=1)
    min_probes: int = Field(default=MIN_PROBES, ge=1)

    @field_validator("percentile", mode="before")
    @classmethod
    def _pct(cls, v: Any) -> Any:
        if isinstance(v, str) and v.lower() in ("p50", "p90", "p95", "p99"):
            return v.lower()
        if isinstance(v, int) and not isinstance(v, bool) and v in (50, 90, 95, 99):
            return f"p{v}"
        raise ValueError("percentile must be one of p50, p90, p95, p99")

    @property
    def q(self) -> int:
        """The percentile as a number (95 for ``p95``)."""
        return int(self.percentile[1:])

    def text(self) -> str:
        """The objective as every text names it, the report's tables and captions as the accounting
        rules: ``p95 <= 800 ms per 4h (of 5+ probes)``, its window written as ``sla:`` writes one
        (:func:`_fmt_td`: the report said ``per 4 h`` and the rules beside it ``per 4h``)."""
        window = _fmt_td(self.window)
        return f"{self.percentile} <= {self.threshold_ms:g} ms per {window} (of {self.min_probes}+ probes)"


class TargetPolicy(StrictModel):
    """Objectives of one probe target (or of ``*``, the default for every target)."""

    latency: list[LatencyObjective] = Field(default_factory=list)
    availability: float | None = Field(default=None, gt=0, le=100)
    degraded_counts_as: Literal["up", "down"] = "up"
    retries: int = Field(default=0, ge=0, le=100)
    maintenance: list[MaintenanceWindow] = Field(default_factory=list)

    @field_validator("availability")
    @classmethod
    def _percent(cls, v: float | None) -> float | None:
        # 0.999 meant as three nines would be read as 0.999 % and every outage would be 'met'; no
        # one promises 1 % or less, so such a value is a fraction written by mistake.
        if v is not None and v <= 1:
            raise ValueError("a percentage such as 99.9, not a fraction")
        return v


class MaintenanceWindow(StrictModel):
    """A one-off window (``start``, ``end``) or a recurring one (``every``, ``start`` HH:MM, ``duration``).

    Times are wall-clock in ``tz``. Recurring weekly windows need ``days``; daily ones may narrow
    themselves to ``days`` too. ``targets`` limits the window to some targets (default: all).
    """

    name: str | None = None
    start: str | dt.datetime
    end: str | dt.datetime | None = None
    every: Literal["daily", "weekly"] | None = None
    days: list[Weekday] = Field(default_factory=list)
    duration: Duration | None = None
    tz: Zone = "UTC"
    targets: list[str] = Field(default_factory=list)

    @field_validator("days", mode="before")
    @classmethod
    def _days(cls, v: Any) -> Any:
        if isinstance(v, str):
            v = [v]
        if isinstance(v, list):
            out = []
            for d in v:
                if not isinstance(d, str) or d[:3].lower() not in WEEKDAYS:
                    raise ValueError("days are mon, tue, wed, thu, fri, sat, sun")
                out.append(d[:3].lower())
            return out
        return v

    @model_validator(mode="after")
    def _shape(self) -> MaintenanceWindow:
        if self.every is None:
            if self.end is None:
                raise ValueError("a one-off window needs 'end' (or 'every' + 'duration' for a recurring one)")
            if self.duration is not None or self.days:
                raise ValueError("'duration' and 'days' belong to recurring windows (set 'every')")
            try:
                s, e = to_utc(self.start, self.tz), to_utc(self.end, self.tz)
            except (ValueError, TypeError):
                raise ValueError("start/end must be date-times such as '2025-10-11 02:00'") from None
            if e <= s:
                raise ValueError("end must be after start")
        else:
            if self.end is not None:
                raise ValueError("a recurring window takes 'duration', not 'end'")
            if self.duration is None:
                raise ValueError("a recurring window needs 'duration'")
            if not isinstance(self.start, str) or not _HHMM.match(self.start.strip()):
                raise ValueError("a recurring window's start is a local time HH:MM")
            if self.every == "weekly" and not self.days:
                raise ValueError("a weekly window needs 'days'")
        return self

    def occurrences(self, start: pd.Timestamp, end: pd.Timestamp) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
        """UTC intervals ``[s, e)`` of this window that overlap ``[start, end)``."""
        if self.every is None:
            s, e = to_utc(self.start, self.tz), to_utc(self.end, self.tz)  # type: ignore[arg-type]
            return [(s, e)] if s < end and e > start else []
        z = zone(self.tz)
        hh, mm = (int(x) for x in str(self.start).strip().split(":"))
        dur = pd.Timedelta(self.duration)
        day = (start - dur).tz_convert(z).date() - dt.timedelta(days=1)
        last = end.tz_convert(z).date()
        out = []
        while day <= last:
            if not self.days or WEEKDAYS[day.weekday()] in self.days:
                s = localize(dt.datetime.combine(day, dt.time(hh, mm)), z)
                e = s + dur
                if s < end and e > start:
                    out.append((s, e))
            day += dt.timedelta(days=1)
        return out

    def describe(self, with_targets: bool = True) -> str:
        """The window in words, for the accounting rules; ``with_targets`` adds the targets it is limited
        to (a window under a target's own name applies to that target, whatever it lists)."""
        if self.every is None:
            text = f"{self.start} to {self.end} ({self.tz})"
        else:
            days = f" on {', '.join(self.days)}" if self.days else ""
            text = f"{self.every}{days} from {self.start} for {_fmt_td(self.duration)} ({self.tz})"
        if with_targets and self.targets:
            text += f" for {', '.join(self.targets)}"
        return (f"{self.name}: " if self.name else "") + text


TargetPolicy.model_rebuild()


class DocumentsPolicy(StrictModel):
    """A document is stale past its front matter ``expires`` or when ``last_reviewed`` is older than this."""

    max_age: Duration | None = None


def covers(key: str, ticket: str) -> bool:
    """Whether an ``sla.tickets`` key applies to ``ticket``: the whole ticket, or a prefix that ends
    at a key boundary (``PAY`` or ``PAY-`` covers PAY-101; ``PAY-10`` and ``DB`` cover neither PAY-101
    nor DBA-7). A ServiceNow number has no hyphen: its table's letters are its prefix (``INC`` covers
    INC0012345, ``CHG`` CHG0034567; ``IN``, ``INC001`` and ``SC`` cover neither INC0012345 nor
    SCTASK0012345)."""
    if ticket == key:
        return True
    if not ticket.startswith(key):
        return False
    if key.endswith("-") or ticket[len(key) : len(key) + 1] == "-":
        return True
    return key.isalpha() and ticket[len(key) :].isdigit() and _SERVICENOW.fullmatch(ticket) is not None


class Policy(StrictModel):
    """The validated ``sla:`` section."""

    tz: Zone = "UTC"
    tickets: dict[str, TicketTarget] = Field(default_factory=dict)
    escalation_ladder: list[str] = Field(default_factory=lambda: list(DEFAULT_LADDER))
    targets: dict[str, TargetPolicy] = Field(default_factory=dict)
    maintenance: list[MaintenanceWindow] = Field(default_factory=list)
    documents: DocumentsPolicy = Field(default_factory=DocumentsPolicy)

    @field_validator("escalation_ladder")
    @classmethod
    def _ladder(cls, v: list[str]) -> list[str]:
        if len(v) != 4:
            raise ValueError(
                "escalation_ladder names the 4 levels 0..3, e.g. [none, follow-up, manager, executive]"
            )
        return v

    # look-ups -----------------------------------------------------------
    def ticket_target(self, ticket: str) -> TicketTarget | None:
        """The targets for ``ticket``: an exact entry, else the longest prefix that matches at a key
        boundary (``PAY`` or ``PAY-`` covers PAY-101; neither ``PAY-10`` nor ``DB`` covers PAY-101 or
        DBA-7: an entry names a project, or one whole ticket)."""
        if ticket in self.tickets:
            return self.tickets[ticket]
        best = None
        for prefix in self.tickets:
            if covers(prefix, ticket) and (best is None or len(prefix) > len(best)):
                best = prefix
        return self.tickets[best] if best is not None else None

    def target(self, name: str) -> TargetPolicy:
        """The objectives of probe target ``name``: its own keys over ``*``'s over the defaults."""
        default = self.targets.get("*", TargetPolicy())
        own = self.targets.get(name)
        if own is None or name == "*":
            return default
        merged = {k: getattr(default, k) for k in TargetPolicy.model_fields}
        for key in own.model_fields_set:
            merged[key] = getattr(own, key)
        merged["latency"] = own.latency if "latency" in own.model_fields_set else default.latency
        merged["maintenance"] = list(default.maintenance) + list(own.maintenance)
        return TargetPolicy.model_construct(**merged)

    def maintenance_windows(
        self, start: Any, end: Any, targets: list[str] | None = None
    ) -> pd.DataFrame:
        """Maintenance overlapping ``[start, end)``: ``target`` (None = all), ``start, end, name``.

        ``targets`` lists the targets whose own ``maintenance:`` entries should be included.
        """
        s, e = to_utc(start, self.tz), to_utc(end, self.tz)
        rows: list[dict[str, Any]] = []

        def add(win: MaintenanceWindow, only: list[str | None]) -> None:
            for ws, we in win.occurrences(s, e):
                for t in only:
                    rows.append({"target": t, "start": ws, "end": we, "name": win.describe()})

        windows = list(self.maintenance) + list(self.targets.get("*", TargetPolicy()).maintenance)
        for win in windows:
            add(win, list(win.targets) or [None])
        for name, tp in self.targets.items():
            if name == "*" or (targets is not None and name not in targets):
                continue
            for win in tp.maintenance:
                add(win, [name])
        out = pd.DataFrame(rows, columns=["target", "start", "end", "name"])
        out["target"] = pd.Series([r["target"] for r in rows], dtype=object, index=out.index)
        for col in ("start", "end"):
            out[col] = pd.to_datetime(out[col], utc=True).astype("datetime64[us, UTC]")
        out = out.sort_values(["start", "end"], kind="stable").reset_index(drop=True)
        out["target"] = out["target"].astype(object).where(out["target"].notna(), None)
        return out


def _fmt_td(td: dt.timedelta | None) -> str:
    """``timedelta`` as ``14d``, ``4h``, ``30m`` or ``45s`` (the largest unit that divides it)."""
    if td is None:
        return "-"
    secs = td.total_seconds()
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if secs >= size and secs % size == 0:
            return f"{int(secs // size)}{unit}"
    return f"{secs:g}s"
