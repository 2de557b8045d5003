"""SLA misses, error budgets and burn rates: what was promised, what happened, and how it was counted.

:func:`misses` joins three kinds of promise into one table: deadlines and ETAs written in the status
logs, ticket response/resolution targets and document freshness from the ``sla:`` policy, and the
latency/availability objectives of the probe targets. Every result carries the plain-English rules
it was counted by in ``df.attrs['rules']`` (also :func:`accounting_rules`), so a report can print
them beside the figures. :func:`unmatched_keys` names the policy keys that judge nothing: an
``sla.targets`` key naming no probe target, an ``sla.tickets`` key covering no ticket in the logs
(``occ sla`` prints one warning line for each, with the names known).

The ``detail`` texts are for people: an availability row's budget consumed has the report's error budget
format (1 decimal, none from 1000 %: ``243.2% consumed``, ``16319% consumed``:
:func:`occ_lib.formats.budget_percent`), its counts have their plural (``0 bad of 1 probe``:
:func:`occ_lib.formats.plural`), and its budget in probes has 1 decimal without a trailing ``.0``,
or below 0.05 its first significant digit (``budget 1.6 probes``, ``budget 5 probes``, ``budget 0.005
probes`` for 1 probe at 99.5 %; ``budget 0 probes`` only at a 100 % objective, which allows none:
:func:`occ_lib.formats.probe_count`; ``0.0`` read as "no budget"). A stale document's detail says it
in words (``last reviewed 2025-10-10, stale when more than 14 days old``, not the front matter's
``last_reviewed`` and ``14d``), and the accounting rule uses the same words (``stale when the day
last reviewed is more than 14 days old``).
:data:`KINDS` is the order of the kinds in the frame and in every report table and chart of kinds: the
tickets' promises (deadline, first response, resolution), the probes' objectives (availability, then
latency), the documents.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import aggregate
from ._extract import (
    CUTOFF_REACHED,
    delivered,
    gives_eta,
    gives_update,
    names_status_page,
    next_cycle,
    notified,
    replied,
    reports_delivered,
    reports_owed,
    response_promise,
    submission_promise,
    submitted,
    submitted_before,
)
from .errors import did_you_mean, listed_names
from .formats import budget_percent, human_duration, iso_z, plural, probe_count
from .logs import promise_kind, same_subject
from .periods import check_order, day_end, instant, local_midnight, parse_duration, zone
from .policy import Policy, TargetPolicy, _fmt_td, covers
from .threads import deadlines_with_threads, with_threads
from .timeline import days_in_zone, final_resolutions, first_events, known_at, refuse_path
from .times import find_times, zone_named

MISS_COLUMNS: tuple[str, ...] = (
    "kind",
    "subject",
    "due_at",
    "resolved_at",
    "status",
    "overage_min",
    "source",
    "line",
    "detail",
    "mentions",
    "day_precision",
)
#: The kinds in the order the frame and the report list them (a report table or chart of kinds:
#: ``first response`` came after ``resolution`` when a table sorted the identifiers).
KINDS: tuple[str, ...] = (
    "deadline",
    "response",
    "resolution",
    "availability",
    "latency",
    "doc_expired",
    "doc_stale",
)
RESPONSE_KINDS: tuple[str, ...] = ("acknowledged", "follow_up", "escalation", "resolved")
# The SRE workbook's multiwindow, multi-burn-rate alerts: (long window, short window, factor, severity).
BURN_PAIRS: tuple[tuple[str, str, float, str], ...] = (
    ("1h", "5m", 14.4, "page"),
    ("6h", "30m", 6.0, "page"),
    ("3d", "6h", 1.0, "ticket"),
)
#: A burn rate is above a factor only past this relative margin: (100 - 99.9) / 100 is 0.000999...94 in
#: floating point, so 1 bad probe in 1,000 burned '1.0000000000000568x' and fired an alert above 1x.
_ABOVE = 1 + 1e-9
NO_TICKET = "(no ticket)"
_UTC = "datetime64[us, UTC]"
_MINUTE = pd.Timedelta(minutes=1)


# ---------------------------------------------------------------------------------------------
def window_end(start: pd.Timestamp, window: dt.timedelta, cap: pd.Timestamp, tz: str) -> pd.Timestamp:
    """The end of a latency window as known by ``cap`` (as_of): a whole-day window is local days (23
    or 25 hours across a clock change), a window cut short by as_of ends at as_of. The SLA row's
    ``overage_min`` and the report's table of objective windows both end a window here."""
    if window % dt.timedelta(days=1) == dt.timedelta(0):
        local = pd.Timestamp(start).tz_convert(tz).date()
        end = local_midnight(local + window, tz)
    else:
        end = pd.Timestamp(start) + pd.Timedelta(window)
    return min(end, cap)


def judge_windows(windows: pd.DataFrame, objective: Any) -> pd.DataFrame:
    """``windows`` (latency windows of ``objective``'s length, :func:`occ_lib.aggregate.latency_windows`)
    with the verdict of each: ``judged`` (at least ``min_probes`` probes: a window of fewer is shown,
    not judged) and ``over`` (judged, and its percentile above the threshold). The one judgement of a
    latency window: :func:`probe_misses` has a row for each window ``over``, and the report's table of
    objective windows (:attr:`occ_lib.weekly.WeekData.objective_windows`) shows these verdicts."""
    out = windows.copy()
    out["judged"] = out["n"] >= objective.min_probes
    out["over"] = out["judged"] & (pd.to_numeric(out[objective.percentile]) > objective.threshold_ms)
    return out


def _window_minutes(start: pd.Timestamp, window: dt.timedelta, cap: pd.Timestamp, tz: str) -> float:
    """Minutes of a latency window known by ``cap`` (:func:`window_end`)."""
    return (window_end(start, window, cap, tz) - pd.Timestamp(start)) / _MINUTE


# accounting rules


def accounting_rules(policy: Policy | None = None) -> list[str]:
    """How :func:`misses`, :func:`error_budget` and :func:`burn_rates` count, in plain English."""
    policy = policy or Policy()
    rules = [
        f"Times are stored and compared in UTC; weeks and days are reported in {policy.tz}, and so are "
        "the times in detail texts (with the zone's abbreviation).",
        "Figures use what was known at as_of (default: the end of the window): log events (a "
        "deadline, or its statement that it was missed, included) and probes after as_of are ignored.",
        "Deadline: missed when the text says it was missed, or when it fell due before as_of "
        "with no 'resolved' event for its ticket at or before the due time (in any log given); met "
        "when such a resolution came by then; open when not yet due and unresolved (also one due "
        "exactly at as_of, as a ticket target is: a resolution or response then would be on time). "
        "One the text says was missed, resolved by its due time and again after it (a mitigation, then "
        "the fix), is judged by the first resolution after the due time.",
        "A date-only deadline is due at the end of that day in the zone its log declares for its "
        f"zone-less times (front matter tz:, 'All times ET'), else in {policy.tz}; a resolution known "
        "only to its date is on time when that date is no later than the due date, and late by whole "
        "days otherwise.",
        "A ticket reopened (reopened, regressed, recurred) after a resolution is resolved only by a "
        "later 'resolved' event, for deadlines due after the reopening; a deadline met before it stays met.",
        f"An event from a dated but untimed section counts at the start of its date in {policy.tz} "
        "(a date that begins at as_of is after it), except that it does not come before a timed "
        "event of that day, and a response or resolution known only to the day of a timed first "
        "mention counts from that mention; a ticket target from a first mention known only to its date "
        "counts from the end of that date in the zone its log declares (as a date-only deadline's), "
        f"else in {policy.tz}; a row names such instants in 'day_precision', tables "
        "show them as dates and durations from them are approximate (~).",
        "The same ticket and due time mentioned several times is one row; 'mentions' lists every "
        "source:line, and source/line point at the statement that it was missed, else the first. A "
        "ticket's date-only deadline and its timed one on that date ('ETA Friday', then 'ETA Fri 17:00') "
        "are one promise, due at the (earliest) time, and quoted from its timed mention; not when one "
        "is a next update's, a notice's, a postmortem's or a checkpoint's and the other is not (the "
        "regulator notification due Fri 07:30 and 'detections tuned, due Fri 10/10' are two).",
        "Deadlines and ticket targets are listed when due at or after the window start: those due "
        "before its end, and those not yet missed at as_of (due at or after it), which show as open or "
        "met; one due at or after the end that fell due before a later as_of is judged in the next "
        "window's table only.",
        "A deadline moved by a later item of its ticket ('ETA moved to 18:00', 'new ETA', 'revised "
        "ETA', 'ETA now', items taken in the order written, across sections and files; an ETA, target or "
        "due time by another of those, not by a next-update or deliverable promise, nor by another "
        "ticket's) is superseded: moved by its due time, status 'superseded' (no miss; the detail names "
        "the item that moved it); moved after it, still missed, with the overage up to the move when "
        "it was not resolved before. An ETA written again unchanged ('ETA still 18:00') moves nothing.",
        "A miss the text admits without a due time ('OPS-9 missed the deadline', 'slipped - new ETA "
        "17:00') is the stated miss of its ticket's latest deadline due by then (not one superseded by "
        "its due time); a ticket with none has a row of its own with no due time and no overage, in the "
        "window the statement was written in, unless the statement moved an earlier deadline of it.",
        "A promise written after its ticket's first resolution, the ticket resolved again after it (a "
        "rollback at 11:34, then 'ETA for the full fix: 3 PM' at 12:25, 'resolved' at 2:50 PM), is judged by "
        "that later resolution: the first was a mitigation.",
        "A promise of the next update ('Next update by 14:45 EDT', 'next update in 30 minutes', 'carrier "
        "promised an update by 17:00 CDT', 'next update promised by 11:00', 'customer update due 15:00', "
        "'next comms at 10:00', 'update ETA 14:00', 'will update the customer by 10:00'; a fix's ETA in the "
        "same item stays the fix's) is kept by the ticket's (or its thread's) next timed event after the "
        "item that made it, whatever it says, unless it says the update has not come ('no update from Zayo "
        "yet'); when the item names the status page ('Status page posted. Next update in 30 minutes.'), only "
        "the ticket's next item naming the status page keeps it; resolved_at then holds that update's time. "
        "One with no time of its own ('Customer update promised by 4pm for ZD-1') is kept by the ticket's "
        "next item below it that gives the update ('update sent', 'comms sent', 'replied to customer') or "
        "resolves the ticket. A promise of an ETA (\"we'd have an ETA for them by noon\") is kept by the "
        "ticket's next item giving an ETA, not by the fix.",
        "A deliverable's deadline written with it ('RCA ETA 2025-10-14', 'postmortem for INC-4100 due "
        "Friday') is kept by the ticket's later event that says it was delivered ('RCA published'), "
        "not by the incident's resolution.",
        "A cutoff's deadline (keyword cutoff or before: 'resubmit by 16:45 ET cutoff') is kept by the "
        "ticket's later event that says it was submitted ('resubmitted 14 items before the ACH cutoff', "
        "'sent', 'transmitted', 'released'; not 'will be sent'), or its own item's when it says so "
        "('submitted 5 minutes before the 18:00 ET close'); without one, by the ticket's resolution. So is "
        "a deadline whose every item names a submission ('resubmission due 2025-10-17 17:00 UTC', then "
        "'resubmitted to app review at 16:48 UTC, ahead of the 17:00 UTC deadline').",
        "A deadline whose every item names a reply, response or acknowledgement owed ('reply due by Thu "
        "noon', 'respond to Acme by Friday', 'response due next business day by 12:55 ET', 'ack due by "
        "10:00') is kept by the ticket's later event that says the reply was given ('true-up reply sent "
        "11:45', 'replied', 'responded'; not 'reply not sent', 'will reply', 'no response yet'), that "
        "acknowledges the ticket ('ACME-1251 acknowledged by the service desk') or that waits on the "
        "customer (answered and asked something); not by an escalation or a follow-up; without one, by "
        "the ticket's resolution. An ETA is one only when it is the reply's own ('vendor response ETA "
        "Thu'): 'customer reply: fix ETA 14:00' gives the fix's ETA, kept by the fix.",
        "A step of a ticket's runbook owed by a time ('drain node-3 by 01:45', 'DNS cut over by 02:30': "
        "two to six words right before 'by' and the time, no bare number, none of another promise nor of "
        "the work's end, 'close by 04:00') is kept by the ticket's later event that names every word of "
        "the step again, one of them done ('node-3 drained 01:40', 'DNS cut over'; irregular verbs too: "
        "'backfill ran', 'index rebuilt', 'manifest wrote', 'flag set', 'failed over'; not 'not drained', "
        "'will drain', a plan), or by its own item when the clause right after the due time says it done "
        "('drain node-3 by 01:45 \u2014 drained 01:40': at the time written there, else the item's); "
        "without one, by the ticket's resolution. Any 'by' deadline is kept by its own item when right "
        "after the due time it says it sent, delivered or done at a time ('export by 16:00 \u2014 sent "
        "15:41'; not 'sent reminder', 'to be sent'); one owing a report or document ('the T+1 settlement "
        "report by 10:00 ET tomorrow') by the ticket's later event that says it delivered ('settlement "
        "report delivered to treasury'), which resolves no ticket.",
        "A ticket's resolution row with no resolution says when one of its deadlines was met by what it "
        "owed (a submission, reply, acknowledgement, step, delivery or notice): that row judges the "
        "ticket's resolution, which the submission of a certification ('CERT-41 submitted to Sony') is "
        "not (its result is still to come).",
        "A window of a ticket known only by its start ('we pushed it to Thursday 9pm', 'CHG-1 window Sat "
        "02:00 UTC'; not a range's end nor 'until 06:00') is met by the ticket's work in it: any timed event "
        "of the ticket within 12 hours from its start ('it finished at 11:45pm Thursday'); without one it is "
        "judged by the ticket's resolution as any deadline.",
        "A promise of the next cycle of recurring work ('Next OAuth rotation for INT-518 due 2026-01-15 "
        "(90-day cadence)', 'next cert renewal due', 'rotate again by') is not kept by a resolution of its "
        "ticket written before it: before the item was written, nor, for an item of a section whose heading "
        "dates nothing ('## Upcoming Actions'), above it in its log (that was the last cycle's); the next "
        "resolution after those keeps it.",
        "A notice's deadline ('Regulatory notification deadline: 72 hours from detection, i.e. 2025-10-10 "
        "08:14 UTC', 'notify affected customers by Fri') is kept by the later event, of its ticket or of no "
        "ticket in its log, that says the addressee was notified ('Regulator notified via DPA portal').",
        "A stamped step of a ticket's story that names no ticket ('6:20am paged secondary; ETA 7:00am' "
        "after '6:02am ... (INC-5001)', in a section that names no other) counts for that ticket. A "
        "deadline of no ticket is kept by its own item's resolution ('- [x] flags off (due 10/9) ✅'), "
        "or by a later timed event of its log that names its subject done: the two to six words of the "
        "clause before its deadline word ('14:30 Sony cert submission due Oct 16', 'LeagueCo to be informed "
        "within 2h'; not who asks for it, 'they want'), its other words all "
        "named again with a done form of its action word or a generic one ('07:50 Sony cert submitted', "
        "'shipped', 'sent', 'delivered', 'published', 'filed', 'done', 'completed'; 'LeagueCo notified'; not "
        "'not submitted', 'will be sent', 'they want logs sent', nor a plan or deadline), of a thing with no "
        "action word by its delivery too ('Partner report sent'); a subject of one word by its own done form "
        "when it is an action ('checkpoint before 21:30 tonight', then '21:30 job checkpointed'), else, an "
        "object owed (due, by, before, within), by its delivery in an item that names a name or case "
        "number of the deadline's and sends it to no other party ('Harmonic case 00457712 \u2014 they want "
        "logs by 2pm', then '13:40 logs sent to Harmonic (00457712)'; not '... sent to Akamai'); a "
        "hyphenated word of three parts or more is named by its parts after the first too ('bug report "
        "uploaded' for 'nvidia-bug-report'); an item with two such deadlines gives each the clause "
        "before its own deadline word ('Sony cert due Oct 16; Xbox cert due Oct 17': 'Sony cert', then "
        "'Xbox cert'); an untimed event under a dated heading ('- Sony cert submitted' under '## "
        "2025-10-16') keeps a date-only one only, known to its day (met when due that day or later); "
        "a change or maintenance window or a freeze of no ticket ('Change window: Sat 02:00-04:00 UTC', "
        "'deploy freeze until 12:00 UTC') announces when work may (not) happen and is no promise: no "
        "row, nor is it a step of its section's ticket; nor is a cutoff of no ticket told as a fact of "
        "the calendar ('ACH cutoff 16:45 ET', 'cut-off 17:30 CET reached', '09:00 cut-offs 14:00 (UPS) and "
        "16:30 (FedEx)', '10:20 cut-off 18:00 for the DC') or moved ('17:45 Cut-off "
        "extended to 18:00', not its section's ticket's unless the item names it), unlike one with a task "
        "('resubmit before the 16:45 cutoff').",
        "Overage: minutes from the due time to the resolution (or next update), or to as_of while unmet.",
    ]
    if policy.tickets:
        # (a target the policy leaves out is left out: 'QA: first response -, resolution 3d' read as
        # a typo; a prefix with neither says so)
        targets = "; ".join(
            f"{prefix}: "
            + (", ".join(
                f"{what} {_fmt_td(td)}"
                for what, td in (("first response", t.first_response), ("resolution", t.resolution))
                if td is not None
            ) or "no targets")
            for prefix, t in policy.tickets.items()
        )
        rules.append(
            "Ticket targets (by exact ticket, else the longest matching prefix): " + targets + ". "
            "The clock starts at the ticket's first mention in any log (one known only to its day "
            "yields to a timed mention of that day; a first mention known only to its day, a standup "
            "table's row, starts it at that day's end, the latest it may have started: a target is not "
            "judged to the minute from a date); the first response is the "
            "first acknowledged, follow_up, escalation or resolved event (the first mention itself "
            "counts), or a blocked one that waits on the customer ('waiting on customer for request "
            "ids': the agent has answered and asked something, as a service desk's 'Waiting for "
            "customer' status stops its first-response clock), or one that tells of hands-on work on "
            "the ticket: a test quarantined, a PR or merge request approved, a revert opened ('PLAT-312 PR "
            "#1240 approved, waiting on CODEOWNERS review', 'Engineer dispatched, ETA 30 min': someone "
            "sent to the fault; not 'not quarantined', 'PR not approved'); "
            "work or a job started ('backfill "
            "started 14:10') is no response unless someone is named taking the ticket up; "
            "resolution is the first resolved event after the ticket's last reopening (the detail "
            "says when an earlier resolution was reopened). A ticket all of whose events are plans or "
            "notes of planned work (a carrier's maintenance notice, a change or maintenance window: "
            "'NOC-313 Lumen emergency maintenance Sat 10/11 02:00-04:00 CDT') is no incident to respond "
            "to or resolve: "
            "no response nor resolution row; its deadlines are judged as any other's ('OPS-901 disk alert "
            "on db-2, cleanup planned for Tuesday' is an incident, and judged). An item that judges its "
            "ticket no incident ('OUT-4412 customer call: lights flickered ... Not an outage, no customer "
            "impact.', 'false alarm', 'false positive', 'not an incident', 'non-issue'; 'no customer impact' "
            "only with its closing; not 'not a false alarm', 'possibly a false alarm', 'false alarm?', "
            "'not an outage yet', 'not an outage, but ...'; in an item of several tickets, the one whose key "
            "is written last before it) is the ticket's first response, someone triaged it, and resolves "
            "it as no incident at that item, unless that item or a later one of the ticket tells of more "
            "than a note, an acknowledgement or its closing (an escalation, a dispatch, a status): the "
            "detail says so."
        )
    rules += [
        *aggregate.RULES,
        "A probe is failed when down, or degraded where degraded counts as down. With retries N a "
        "failed probe counts bad only if it and the next N probes of its target failed too (next "
        "probes outside maintenance, looked for past the window's end up to as_of); failures at the "
        "end of the data count bad.",
        "Latency: one row for every window whose percentile broke its threshold "
        f"(due_at is the window start; whole-day windows are days in {policy.tz}); a window of fewer "
        "probes than its objective's min_probes (default 5: the p95 of two probes is nearly the slower "
        "one) is shown but not judged.",
        "Availability = good / counted probes over the window (counted in probes, not minutes); "
        "the error budget is (100% - objective) x counted probes; consumed = bad / budget "
        "(none, not 100% remaining, when no probe was counted).",
        "Burn rate over a window = (bad / counted) / (1 - objective). Alerts follow the SRE "
        "workbook's multiwindow pairs, evaluated every 5 minutes: "
        + ", ".join(f"{lw} and {sw} both above {f:g}x ({sev})" for lw, sw, f, sev in BURN_PAIRS)
        + "; consecutive firing evaluations are one row, and an evaluation where either window "
        "counted no probe keeps the previous state.",
    ]
    rules += _objective_rules(policy)
    rules += _maintenance_rules(policy)
    rules.append(
        f"Documents (days in {policy.tz}): expired after the day in front matter 'expires'"
        + (
            f"; stale when the day last reviewed is more than {_age_words(policy.documents.max_age)} old."
            if policy.documents.max_age
            else "."
        )
    )
    return rules


def _objective_rules(policy: Policy) -> list[str]:
    """One line per target the policy names, saying what occ judges it by: the merged policy of
    :meth:`Policy.target` (its own keys over ``*``'s), not the keys written under its name, which
    left out the latency and availability a target inherits."""
    named = sorted(t for t in policy.targets if t != "*")
    lines = []
    if "*" in policy.targets:
        lines.append(_objectives("every other target" if named else "every target", policy.target("*")))
    lines += [_objectives(f"target {name}", policy.target(name)) for name in named]
    if "*" not in policy.targets:
        d = policy.target("*")
        others = "every other target" if named else "every target"
        lines.append(
            f"Objectives for {others}: none (its latency and availability are shown, not judged); "
            f"degraded counts as {d.degraded_counts_as}; retries {d.retries}."
        )
    return lines


def _objectives(label: str, tp: TargetPolicy) -> str:
    bits = []
    if tp.latency:
        bits.append(
            "latency "
            + ", ".join(o.text() for o in tp.latency)
        )
    if tp.availability is not None:
        bits.append(f"availability >= {tp.availability:g}%")
    bits.append(f"degraded counts as {tp.degraded_counts_as}")
    bits.append(f"retries {tp.retries}")
    return f"Objectives for {label}: " + "; ".join(bits) + "."


def _maintenance_rules(policy: Policy) -> list[str]:
    """The windows of ``sla.maintenance`` and ``*`` (every target, or the ``targets`` they list), then
    a line per target for the windows under its own name, which exclude that target only (as
    :meth:`Policy.maintenance_windows` applies them)."""
    lines = []
    shared = list(policy.maintenance) + list(policy.targets.get("*", TargetPolicy()).maintenance)
    if shared:
        described = "; ".join(w.describe() for w in shared)
        lines.append(f"Maintenance (excluded from every objective): {described}.")
    for name in sorted(t for t in policy.targets if t != "*"):
        own = policy.targets[name].maintenance
        if own:
            described = "; ".join(w.describe(with_targets=False) for w in own)
            lines.append(f"Maintenance of target {name} only (excluded from its objectives): {described}.")
    return lines


# ---------------------------------------------------------------------------------------------
# helpers


def _table(logs: Any, name: str) -> pd.DataFrame:
    if logs is None:
        return pd.DataFrame()
    refuse_path(logs)  # (a str gave no rows at all: as timeline.escalations, read_logs it first)
    t = logs.get(name) if isinstance(logs, Mapping) else getattr(logs, name, None)
    return t if isinstance(t, pd.DataFrame) else pd.DataFrame()


def _bound(value: Any, tz: str, param: str) -> pd.Timestamp | None:
    """An argument as a UTC instant (naive in ``tz``); a clear error naming ``param`` otherwise."""
    if value is None:
        return None
    return instant(value, param, tz)


def _minutes(td: pd.Timedelta) -> float:
    return max(0.0, td / _MINUTE)


def _clip_text(text: Any, width: int = 160) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _empty() -> pd.DataFrame:
    out = pd.DataFrame({c: pd.Series([], dtype=object) for c in MISS_COLUMNS})
    return _typed(out)


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    df = df.reindex(columns=list(MISS_COLUMNS))
    for col in ("due_at", "resolved_at"):
        df[col] = pd.to_datetime(df[col], utc=True).astype(_UTC)
    df["overage_min"] = pd.to_numeric(df["overage_min"]).astype("float64")
    df["line"] = pd.array(df["line"], dtype="Int64")
    df["mentions"] = [list(m) if isinstance(m, list | tuple) else [] for m in df["mentions"]]
    df["day_precision"] = [v if isinstance(v, str) else "" for v in df["day_precision"]]
    for col in ("kind", "subject", "status", "source", "detail", "day_precision"):
        df[col] = df[col].astype(object)
    return df


def _counted(events: pd.DataFrame, as_of: pd.Timestamp, tz: str) -> pd.DataFrame:
    """The timed events at or before ``as_of``, with ``at`` as UTC Timestamps and date-only ones
    on their date in ``tz`` (:func:`occ_lib.timeline.days_in_zone`): a date that begins at
    ``as_of`` or later is after it."""
    ev = days_in_zone(events[events["at"].notna()], tz)
    ev = ev.assign(at=pd.to_datetime(ev["at"], utc=True))
    return ev[known_at(ev, as_of)]


class _Resolutions:
    """Per ticket, the resolution a deadline is judged by (:meth:`at`): the first ``resolved`` event
    at or before ``as_of``, across every log, after the ticket's last reopening *at or before the due
    time* (:func:`occ_lib.timeline.final_resolutions`): a deadline met before a later reopening stays
    met, and one due after a reopening needs a resolution after it. Also whether that resolution is
    known only to the day (it does not come before a timed one of that day:
    :func:`occ_lib.timeline.first_events`)."""

    def __init__(self, events: pd.DataFrame, as_of: pd.Timestamp, tz: str = "UTC") -> None:
        self._final: dict[str, tuple[pd.Timestamp, bool]] = {}
        self._history = pd.DataFrame()  # (the resolutions and reopenings of the tickets ever reopened)
        self._reopened: set[str] = set()
        # (an item naming no ticket that is resolved, '- [x] Regression suite green (due 10/7) ✅': by
        # its source and line, what its own deadline is judged by)
        self._items: dict[tuple[str, int], tuple[pd.Timestamp, bool]] = {}
        self._all: dict[str, list[tuple[pd.Timestamp, bool]]] = {}  # (every resolution, in time order)
        if events.empty or "kind" not in events.columns:
            return
        res = _counted(events[events["kind"].isin(("resolved", "reopened"))], as_of, tz)
        res = res.assign(ticket=res["tickets"]).explode("ticket")
        for _, row in res[res["ticket"].isna() & res["kind"].eq("resolved") & res["at"].notna()].iterrows():
            self._items.setdefault((str(row["source"]), int(row["line"])), (row["at"], _is_day(row)))
        res = res[res["ticket"].notna()].reset_index(drop=True)
        self._final = self._first(res)
        done = res[res["kind"].eq("resolved") & res["at"].notna()].sort_values("at", kind="stable")
        # (_is_day per row, read from the column at once)
        day = done["at_precision"].eq("day") if "at_precision" in done.columns else pd.Series(
            False, index=done.index)
        self._all = {t: list(zip(g["at"], day[g.index].tolist(), strict=True))
                     for t, g in done.groupby("ticket", sort=False)}
        self._reopened = set(res.loc[res["kind"].eq("reopened") & res["at"].notna(), "ticket"])
        self._history = res[res["ticket"].isin(self._reopened)]

    @staticmethod
    def _first(res: pd.DataFrame) -> dict[str, tuple[pd.Timestamp, bool]]:
        res = res[final_resolutions(res)].reset_index(drop=True)
        first = res.loc[first_events(res).to_numpy()]
        return {row["ticket"]: (row["at"], _is_day(row)) for _, row in first.iterrows()}

    def at(
        self, ticket: str | None, due: pd.Timestamp, item: tuple[Any, ...] = ()
    ) -> tuple[pd.Timestamp | None, bool]:
        """``(resolved_at, known only to the day)`` for a deadline of ``ticket`` due at ``due``; one of no
        ticket by the resolution its own item (``item``: source, line) states, if any."""
        if ticket is None:
            return self._items.get((str(item[0]), int(item[1])), (None, False)) if item else (None, False)
        if ticket in self._reopened:
            h = self._history
            sub = h[h["ticket"].eq(ticket) & ~(h["kind"].eq("reopened") & (h["at"] > due))]
            return self._first(sub).get(ticket, (None, False))
        return self._final.get(ticket, (None, False))

    def after(self, ticket: str | None, when: pd.Timestamp) -> tuple[pd.Timestamp | None, bool]:
        """The ticket's first resolution (timed) after ``when``, if any: what a deadline the text says was
        missed is judged by when its first resolution came by the due time ('mitigated at 4:05pm ... the
        fix promised for Thursday noon landed Friday at 10:40am, so we missed it')."""
        return next(((at, day) for at, day in self._all.get(ticket or "", []) if at > when and not day),
                    (None, False))

    def reopened_after(self, ticket: str | None, when: pd.Timestamp) -> pd.Timestamp | None:
        """The first reopening of ``ticket`` after ``when`` (a resolution that did not hold), if any."""
        if ticket not in self._reopened:
            return None
        h = self._history
        later = h.loc[h["ticket"].eq(ticket) & h["kind"].eq("reopened") & (h["at"] > when), "at"]
        return later.min() if len(later) else None


def _day_cols(due: bool, resolved: bool) -> str:
    """The ``day_precision`` value: which of a row's instants came from a date-only mention."""
    return ", ".join(c for c, flag in (("due_at", due), ("resolved_at", resolved)) if flag)


def _is_day(event: pd.Series) -> bool:
    return event.get("at_precision") == "day"


def _mention(source: Any, line: Any) -> str:
    return f"{source}:{int(line)}" if line is not None and not pd.isna(line) else str(source)


# an item of the ticket that says the update promised has not come ('18:30 NOC-312 no update from Zayo
# yet, escalated'): it keeps no promise of the next update
_NO_UPDATE = re.compile(r"(?i:\b(?:no|without|awaiting|still\s+waiting\s+(?:for|on))\s+(?:an?\s+|any\s+)?"
                        r"(?:status\s+)?updates?\b)")


def _an_update(text: str) -> bool:
    """Whether an item of a ticket can keep its promise of the next update: any item but one that
    says the update has not come (:data:`_NO_UPDATE`)."""
    return "pdate" not in text or _NO_UPDATE.search(text) is None


# an item that owes an update rather than gives one ('next update 18:00', 'update promised by 5pm', 'will
# update at noon', 'update due 17:00')
_UPDATE_OWED = re.compile(r"(?i:\bpromis|\bnext\b|\bwill\b|\bto\s+be\b|\bdue\b|\bowe[sd]?\b|\bpending\b)")


def _gives_update(text: str) -> bool:
    """Whether an item of a ticket gives the update an untimed promise owed ('16:05 ZD-1 update sent',
    'customer updated', 'comms sent', 'replied to customer': :func:`occ_lib._extract.gives_update`): it
    names an update, and says neither that none came (:func:`_an_update`) nor that one is still owed
    (:data:`_UPDATE_OWED`)."""
    return _UPDATE_OWED.search(text) is None and ("pdate" in text and _an_update(text) or gives_update(text))


def _resolves(kind: str, _text: str) -> bool:
    """Whether an event of ``kind`` resolves its ticket: the fix is news too, and keeps a promise of an
    update ('16:20 ZD-1 resolved' below 'Customer update promised by 5pm for ZD-1')."""
    return kind == "resolved"


class _Updates:
    """Per ticket, the instants of its timed events known at ``as_of`` (threads included): what keeps a
    promise of the next update ('Next update by 14:45 EDT') is the first of them after the item that
    made it, whatever it says. A deliverable's promise written in a date-only item ('Postmortem for
    OPS-1 due Friday' under Wednesday's heading) is kept by a delivery from that day's start in ``tz``
    on: the delivery two days later was no delivery at all when only timed items could make it."""

    def __init__(self, events: pd.DataFrame, as_of: pd.Timestamp, tz: str = "UTC") -> None:
        self._at: dict[str, list[tuple[pd.Timestamp, str]]] = {}
        self._kind: dict[tuple[pd.Timestamp, str], str] = {}  # ((at, text): the event's kind)
        self._where: dict[tuple[pd.Timestamp, str], tuple[str, int]] = {}  # ((at, text): its first item)
        self._written: dict[tuple[str, int], pd.Timestamp] = {}
        self._days: dict[tuple[str, int], pd.Timestamp] = {}
        self._loose: dict[str, list[tuple[pd.Timestamp, str]]] = {}  # (per source: events of no ticket)
        if events.empty or not {"tickets", "at", "source", "line"} <= set(events.columns):
            return
        ev = events[events["at"].notna()]
        if "at_precision" in ev.columns:
            self._days = _written(ev[ev["at_precision"].eq("day")], tz)
            ev = ev[ev["at_precision"].ne("day")]
        at = pd.to_datetime(ev["at"], utc=True)
        texts = ev["text"] if "text" in ev.columns else pd.Series("", index=ev.index)
        kinds = ev["kind"] if "kind" in ev.columns else pd.Series("", index=ev.index)
        rows = zip(ev["source"], ev["line"], at, ev["tickets"], texts, kinds, strict=True)
        for src, line, when, tks, text, kind in rows:
            self._written.setdefault((str(src), int(line)), when)
            if when > as_of:
                continue
            self._kind.setdefault((when, str(text or "")), str(kind or ""))
            self._where.setdefault((when, str(text or "")), (str(src), int(line)))
            tks = tks if isinstance(tks, list | tuple | np.ndarray) else []
            for t in tks:
                self._at.setdefault(str(t), []).append((when, str(text or "")))
            if not len(tks):
                self._loose.setdefault(str(src), []).append((when, str(text or "")))
        for ats in (*self._at.values(), *self._loose.values()):
            ats.sort(key=lambda p: p[0])

    def after(
        self, ticket: str, recs: list[dict[str, Any]], says: Callable[[str], bool] | None = None,
        by_day: bool = True,
        loose: bool = False,
        own: Callable[[str], bool] | None = None,
        kinds: Callable[[str, str], bool] | None = None,
        below: bool = False,
    ) -> pd.Timestamp | None:
        """The ticket's first event after the earliest item of ``recs`` that made the promise, of those
        whose text ``says`` so when given (None when there is none yet, or when no item of them has a
        time: then no update can count as later; a delivery can, from the item's day on, unless not
        ``by_day``: an update's ``says`` only leaves out the items that say none came); ``loose``: the
        events of no ticket in the logs of ``recs`` count too (a notice given: 'Regulator notified');
        ``own``: an event at the time of the item that made the promise counts too when its text ``own``
        says so ('submitted 5 minutes before the 18:00 ET close'); ``kinds``: an event counts too when
        ``kinds`` says so of its kind and text (an acknowledgement keeps a promise of a response); ``below``:
        of a promise dated by its day, only an event of an item written below it in its log counts (or of
        another log)."""
        keys = [(str(r["source"]), int(r["line"])) for r in recs]
        made = [w for k in keys if (w := self._written.get(k)) is not None]
        day = not made and says is not None and by_day
        if day:
            made = [w for k in keys if not pd.isna(w := self._days.get(k, pd.NaT))]
        if not made:
            return None
        first = min(made)
        cands = self._at.get(ticket, [])
        if below and day:
            last = {src: max(n for s2, n in keys if s2 == src) for src, _ in keys}
            cands = [p for p in cands if (w := self._where.get(p)) is None or w[1] > last.get(w[0], -1)]
        if loose:
            cands = sorted([*cands, *(p for src in dict.fromkeys(k[0] for k in keys)
                                      for p in self._loose.get(src, []))], key=lambda p: p[0])
        return next((at for at, text in cands if (at > first or day and at == first) and (
            says is None or says(text) or kinds is not None and kinds(self._kind.get((at, text), ""), text)
        ) or own is not None and at == first and own(text)), None)

    def written(self, rec: dict[str, Any]) -> pd.Timestamp | None:
        """When the item of ``rec`` was written (its stamp), None when it has no time."""
        return self._written.get((str(rec["source"]), int(rec["line"])))

    def how_answered(self, ticket: str, at: pd.Timestamp) -> str:
        """The detail's verb for the ticket's event at ``at`` that kept a promise of a reply
        (:func:`_responds`): 'replied' when its text says so, else 'acknowledged' or 'answered'."""
        texts = [text for when, text in self._at.get(ticket, []) if when == at]
        if any(replied(t) for t in texts):
            return "replied"
        return "acknowledged" if any(self._kind.get((at, t)) == "acknowledged" for t in texts) else "answered"

    def within(self, ticket: str, start: pd.Timestamp, span: pd.Timedelta) -> pd.Timestamp | None:
        """The ticket's first timed event from ``start`` to ``start + span`` (None when there is none)."""
        return next((at for at, _ in self._at.get(ticket, []) if start <= at <= start + span), None)

    def naming(self, ticket: str, recs: list[dict[str, Any]], name: re.Pattern[str]) -> pd.Timestamp | None:
        """The ticket's first event, other than the items of ``recs``, whose text names ``name`` (a
        checkpoint): whenever it was written, since a plan's item is dated by what it plans, not by
        when it was written (None when there is none)."""
        own = {" ".join(str(r.get("text") or "").split()) for r in recs}
        return next((at for at, text in self._at.get(ticket, []) if name.search(text) is not None and (
            " ".join(text.split()) not in own)), None)


# a runbook's checkpoints (keywords of :mod:`occ_lib.times`) and what names each again
_CHECKPOINTS: dict[str, re.Pattern[str]] = {
    "go/no-go": re.compile(r"(?i:\bgo[/ -]+no[ -]?go\b)"),
    "point of no return": re.compile(r"(?i:\bpoint\s+of\s+no\s+return\b)"),
}


# how long after a window's start, known without its end, the ticket's work counts as done in it
_SLOT = pd.Timedelta(hours=12)
# what written right before a time makes it a window's end ('maintenance window until 06:00 UTC'; a range,
# '02:00-04:00', '02:00 to 04:00', is read as one by find_times: its until)
_END_BEFORE = re.compile(
    r"(?i:(?:\buntil|\btill|\btil|\bthrough|\bthru|\bby|\bends?|\bending|\bclos(?:es|ing))\s*$)"
)


def _start_only(rec: Mapping[str, Any], name: str) -> bool:
    """Whether a ``window`` deadline is known only by its start ('we pushed it to Thursday 9pm', 'CHG-1
    window Sat 02:00 UTC'): its due time is written in its text as no range's end, with no end word
    before it ('until 06:00', '02:00-04:00' are ends; 'moved to 10:00' is a start). The text is read
    again (in UTC, the wall time compared in the log's zone ``name``), only for window deadlines of a
    ticket."""
    text = str(rec.get("text") or "")
    due = pd.Timestamp(rec["due_at"])
    try:
        wall = due.tz_convert(zone(name))
    except (ValueError, KeyError):
        return False
    found = False
    for m in find_times(text, day=wall.date(), tz="UTC"):
        if m.at is None:
            continue
        if m.until is not None and (pd.Timestamp(m.until) == due or (
                m.until.hour, m.until.minute) == (wall.hour, wall.minute)):
            return False  # (the due time is a range's end)
        if pd.Timestamp(m.at) == due or m.zone is None and (m.at.hour, m.at.minute) == (
                wall.hour, wall.minute):
            if m.until is not None or _END_BEFORE.search(text, 0, m.start) is not None:
                return False
            found = True
    return found


def _status(
    due: pd.Timestamp,
    resolved: pd.Timestamp | None,
    as_of: pd.Timestamp,
    stated: bool = False,
    verb: str = "resolved",
    resolved_day: bool = False,
    resolved_until: pd.Timestamp | None = None,
    tz: str = "UTC",
) -> tuple[str, float, str]:
    """``(status, overage_min, reason)`` for a promise due at ``due``; the reason's times in ``tz``.

    A resolution known only to its day (``resolved_day``: ``resolved`` is that day's midnight) is by
    the due time only when the day begins before it: done on Oct 9 is late for a date-only 'due Oct 8',
    whose end is Oct 9's midnight. ``resolved_until`` (the end of that day, given when the due time is
    date-only too, in the deadline's zone) judges the two dates and measures the overage in whole days:
    due Oct 8, done Oct 10 is two days late. A promise due exactly at ``as_of`` and not kept is open,
    not missed: a response at that very instant would still be on time.
    """
    when = _fmt_ts(resolved, resolved_day, tz) if resolved is not None else ""
    late = resolved_until if resolved_until is not None else resolved
    on_time = resolved is not None and _on_time(due, resolved, resolved_day, resolved_until)
    if stated:
        # the text's word counts; the overage only when the logs can measure it
        if resolved is not None and not on_time:
            return "missed", _minutes(late - due), f"stated missed in the text; {verb} {when}"
        if resolved is not None:
            return "missed", float("nan"), (
                f"stated missed in the text (yet {verb} {when}, by the due time: no overage)"
            )
        if due <= as_of:
            return "missed", _minutes(as_of - due), "stated missed in the text"
        return "missed", float("nan"), "stated missed in the text (before the due time: no overage)"
    if on_time:
        return "met", 0.0, f"{verb} {when}, by the due time"
    if resolved is not None and due <= as_of:
        return "missed", _minutes(late - due), f"{verb} {when}, after the due time"
    if due < as_of:
        return "missed", _minutes(as_of - due), f"not {verb} at as_of {_fmt_ts(as_of, tz=tz)}"
    if due == as_of:
        return "open", float("nan"), f"due at as_of {_fmt_ts(as_of, tz=tz)}: not {verb} yet, not missed"
    return "open", float("nan"), "not yet due"


def _on_time(
    due: pd.Timestamp, resolved: pd.Timestamp, resolved_day: bool, resolved_until: pd.Timestamp | None
) -> bool:
    """Whether ``resolved`` keeps a promise due at ``due`` (:func:`_status`): two dates compare as
    dates (the ends of both days in the deadline's zone, which need not be the zone ``resolved``'s
    midnight is in); a date-only resolution is on time when its day begins before the due time."""
    if resolved_until is not None:
        return resolved_until <= due
    return resolved < due or (resolved == due and not resolved_day)


def _fmt_ts(ts: pd.Timestamp, day: bool = False, tz: str = "UTC") -> str:
    """An instant for a detail text in ``tz`` (the policy's, which the tables' columns use) with the
    zone's abbreviation, '2026-11-17 14:29 CST'; one known only to the day (its midnight there) as
    that date."""
    t = pd.Timestamp(ts).tz_convert(zone(tz))
    return t.strftime("%Y-%m-%d (date only)") if day else t.strftime("%Y-%m-%d %H:%M %Z")


# ---------------------------------------------------------------------------------------------
# log-based promises


def _known_at(d: pd.DataFrame, events: pd.DataFrame, as_of: pd.Timestamp, tz: str) -> pd.DataFrame:
    """The deadline mentions written at or before ``as_of``: each is dated by its item (the event
    on the same source line), a date-only item by its date in ``tz`` (one whose day begins at
    ``as_of`` is after it, as in the timeline); an item with no time at all is kept (when it was
    written is unknown)."""
    if events.empty or d.empty:
        return d
    cols = ["source", "line", "at"] + (["at_precision"] if "at_precision" in events.columns else [])
    written = days_in_zone(events[cols].drop_duplicates(["source", "line"]), tz)
    written = written.assign(at=pd.to_datetime(written["at"], utc=True))
    keep = written["at"].isna() | known_at(written, as_of)
    written = written.assign(_keep=keep)[["source", "line", "_keep"]]
    d = d.merge(written, on=["source", "line"], how="left")
    return d[d["_keep"].fillna(True).astype(bool)].drop(columns="_keep")


def _due_in(
    due: pd.Timestamp, start: pd.Timestamp | None, end: pd.Timestamp | None, as_of: pd.Timestamp
) -> bool:
    """Whether the table of the window ``[start, end)`` judged at ``as_of`` lists a promise due at
    ``due``: one that falls due in it, or one not yet missed at as_of (open: what is coming). A
    promise due at an instant is missed only after it (:func:`_status`: a response then is on
    time), so one due at the window's end is the next window's to judge (a date-only deadline of a
    Sunday, due at Monday's midnight, is open in its own week's table judged at that midnight, and
    judged in the next week's), and one due at the start is this window's; one due at or after
    the end that fell due before a later as_of is the next window's only (not judged in both)."""
    return (start is None or due >= start) and (end is None or due < end or due >= as_of)


def _date_zones(logs: Any) -> dict[str, str]:
    """Per log, the zone its date-only deadlines end their day in: the one it declares for its
    zone-less times (front matter ``tz:``, 'All times ET'; ``docs.tz_declared``), since 'due Nov 18'
    in an ET team's log means the end of Nov 18 in ET. Logs that declare none (read in UTC by
    default) are left out: their dates end in the policy's zone."""
    docs = _table(logs, "docs")
    if docs.empty or not {"source", "tz", "tz_declared"}.issubset(docs.columns):
        return {}
    declared = docs[docs["tz_declared"].fillna(False).astype(bool) & docs["tz"].notna()]
    return {str(src): str(name) for src, name in zip(declared["source"], declared["tz"], strict=True)}


def _day_end_in(day: dt.date, name: str | None, tz: str) -> pd.Timestamp:
    """The end of ``day`` in the log's zone ``name`` (:func:`_date_zones`), else in ``tz``; a fixed
    offset ('All times UTC+2' reads as '+02:00') has no IANA name, so its end is computed here."""
    if name is None or name == tz:
        return day_end(day, tz)
    try:
        return day_end(day, name)
    except ValueError:
        fixed = zone_named(name)
        if fixed is None:
            return day_end(day, tz)
        end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=fixed)
        return pd.Timestamp(end).tz_convert("UTC")


def _due_text(due_at: pd.Timestamp, day: bool, day_zone: str | None, tz: str) -> str:
    """The due time a deadline row's detail opens with ('due 2025-10-10 17:00 UTC'), so that a reader
    sees what was promised before the verdict; a date-only one as its date (``due_at`` is that date's
    UTC midnight, whose day in ``tz`` may be the one before), with the zone its day ends in when that
    is its log's, not ``tz``."""
    if not day:
        return f"due {_fmt_ts(due_at, tz=tz)}"
    if day_zone is None or day_zone == tz:
        return f"due {due_at.date()} (date only)"
    return f"due {due_at.date()} (date only, the end of the day in {day_zone}: the log's zone)"


def _quoted(rec: Mapping[str, Any]) -> str:
    """Where a deadline was written, for its detail text: its keyword, then the item's text in quotes.
    'ETA: 21:00: NET-201 opened' read as an ETA of 21:00; the text opens with its own stamp."""
    word = rec.get("keyword") or "due"
    said = "a deliverable's deadline" if word == "postmortem" else f"'{word}'"  # ('RCA ETA Oct 14')
    return f"{said} in \"{_clip_text(rec.get('text'))}\""


def _undated(
    deadlines: pd.DataFrame, events: pd.DataFrame, as_of: pd.Timestamp, tz: str,
    written: Mapping[tuple[str, int], pd.Timestamp],
) -> list[dict[str, Any]]:
    """The misses a log admits with no due time ('OPS-9 missed the deadline': a ``deadlines`` row with
    no ``due_at``, stated missed) known at ``as_of``, each with ``_written``, its item's time from
    ``written`` (:func:`_written`: NaT when unknown; a date-only item at its date's start in ``tz``),
    which places it in a window."""
    if "stated_missed" not in deadlines.columns:
        return []
    u = deadlines[deadlines["due_at"].isna() & deadlines["stated_missed"].fillna(False).astype(bool)]
    if u.empty:
        return []
    u = _known_at(u, events, as_of, tz)
    return [
        {**rec, "_written": written.get((str(rec["source"]), int(rec["line"])), pd.NaT)}
        for rec in u.to_dict("records")
    ]


def _written(events: pd.DataFrame, tz: str) -> dict[tuple[str, int], pd.Timestamp]:
    """Per item (source, line), when it was written: its event's ``at``, a date-only one at its date's
    start in ``tz`` (NaT when unknown)."""
    if events.empty:
        return {}
    cols = ["source", "line", "at"] + (["at_precision"] if "at_precision" in events.columns else [])
    ev = days_in_zone(events[cols].drop_duplicates(["source", "line"]), tz)
    at = pd.to_datetime(ev["at"], utc=True)
    return {(str(src), int(line)): w for src, line, w in zip(ev["source"], ev["line"], at, strict=True)}


def _written_days(
    events: pd.DataFrame, tz: str, zones: Mapping[str, str] | None = None
) -> dict[tuple[str, int], pd.Timestamp]:
    """Per item known only to the day it was written on (source, line), that day's end in the zone its
    log declares (``zones``, :func:`_date_zones`: 'DEP-77 slipped to Mon COB' under '## Fr 10.10.2025' in
    a Berlin log was written by the end of Friday in Berlin, when its 'due EOD Fri' fell due), else in
    ``tz``."""
    if events.empty or "at_precision" not in events.columns:
        return {}
    day = events[events["at_precision"].eq("day") & events["at"].notna()]
    zones = zones or {}
    return {k: _day_end_in(w.tz_convert(tz).date(), zones.get(k[0]), tz)
            for k, w in _written(day, tz).items()}


def _line_bound(events: pd.DataFrame) -> Callable[[str, int, pd.Timestamp], tuple[pd.Timestamp, int] | None]:
    """What bounds the time of an item known only to its day (source, line, that day's end): the time of
    the first timed item written after it on that day in its section (and that line), when a timed item
    of that day is written before it and the section's timed items of that day are in time order ('-
    QA-801 resolved 9:55 a.m. ET', '- RC2 sign-off moved to Fri 10/10 noon ET', '- 4:30 p.m. ET perf
    rerun green': the move was written by 4:30 p.m.), else None. Read only when asked (a move's few)."""
    cols = [c for c in ("source", "line", "section", "at", "at_precision") if c in events.columns]
    if events.empty or len(cols) < 5:
        return lambda src, line, end: None
    ev = events[cols].drop_duplicates(["source", "line"])

    def bound(src: str, line: int, end: pd.Timestamp) -> tuple[pd.Timestamp, int] | None:
        mine = ev[ev["source"].astype(str).eq(src)]
        own = mine[mine["line"].eq(line)]
        if own.empty:
            return None
        at = pd.to_datetime(mine["at"], utc=True)
        day = mine[mine["section"].eq(own["section"].iloc[0]) & mine["at_precision"].ne("day")
                   & at.ge(end - pd.Timedelta(days=1)) & at.lt(end)].sort_values("line")
        times = pd.to_datetime(day["at"], utc=True)
        if not times.is_monotonic_increasing:
            return None  # (a section written newest first, or out of order: its lines bound nothing)
        before, after = day["line"].lt(line), day["line"].gt(line)
        if not before.any() or not after.any():
            return None
        return times[after].iloc[0], int(day["line"][after].iloc[0])

    return bound


# a move that says the promise came later than it was ('ETA slipped to 15:00', 'pushed to', 'delayed')
_SLIPPED = re.compile(r"(?i:\b(?:slipp?(?:ed|s|ing)?|pushed|delayed|postponed)\b)")


def _slips_short(mover: Mapping[str, Any], due: pd.Timestamp) -> bool:
    """Whether a move that says its promise slipped (:data:`_SLIPPED`) to a due time before ``due``:
    it slipped an earlier promise, not this one ('[1:02 PM] ETA slipped to 15:00 CET' moves the backfill's
    13:30 ETA, not the request's 'please by Fri 12:00 CET' due the next day)."""
    new = mover.get("due_at")
    if new is None or pd.isna(new) or pd.isna(due) or pd.Timestamp(new) >= pd.Timestamp(due):
        return False
    text = str(mover.get("text") or "")
    return ("lip" in text or "ush" in text or "elay" in text or "ostpon" in text) and (
        _SLIPPED.search(text) is not None)


def _moved(
    groups: dict[tuple[Any, ...], list[dict[str, Any]]], written: Mapping[tuple[str, int], pd.Timestamp],
    days: Mapping[tuple[str, int], pd.Timestamp] | None = None,
    bound: Callable[[str, int, pd.Timestamp], tuple[pd.Timestamp, int] | None] | None = None,
) -> dict[tuple[Any, ...], tuple[dict[str, Any], pd.Timestamp]]:
    """Per deadline group of a ticket, the item that moved it, when one did, and when that was written:
    the ticket's first deadline written as a move of its promise (``moves``: 'ETA moved to 18:00', 'new
    ETA 17:00', :func:`occ_lib.logs.promise_kind` of the same kind) to another due time, written after
    the group's last mention (in time order across sections and files; in line order within a file at
    the same time), or by the very item whose mention of it says it was missed ('ETA 16:30Z missed; new
    ETA 09:00Z': the miss and its move are one statement). A group with a mention whose time is unknown
    cannot be ordered and is kept. An item known only to its day (``days``: its day's end) is ordered
    against a timed one of that day by where it is written (same file, a later line; 'OPS-1 ETA moved to
    Oct 15' in a later section of the day the ETA was given at 09:00 moves it), and its move is dated
    at that day's end (in the zone its log declares, :func:`_written_days`), not at its midnight: a
    promise due that day was not moved before it was due (day precision), one due on a later day was
    (:func:`_superseded`), unless the lines bound it (``bound``, :func:`_line_bound`): written between
    timed items of that day in time order, it was written by the first timed one after it ('RC2 sign-off
    moved to Fri noon' between '9:55 a.m.' and '4:30 p.m.' items moves a Thu 6 p.m. deadline: superseded;
    one due at 3 p.m. stays missed, its overage up to 4:30 p.m.). A deadline of no ticket is moved by a
    move of no ticket in its own log that names its subject (:func:`occ_lib.logs.same_subject`: 'RC2
    sign-off moved to Fri 10/10 noon ET' after 'Sign-off deadline for RC1: Thu 10/09 6:00 p.m. ET'). A
    slip to a due time before the group's is no move of it (:func:`_slips_short`)."""
    days = days or {}
    movers: dict[tuple[str, str], list[tuple[pd.Timestamp, str, int, tuple[Any, ...], dict[str, Any]]]] = {}
    for key, recs in groups.items():
        for r in recs:
            if isinstance(r.get("moves"), bool | np.bool_) and r["moves"]:
                w = written.get((str(r["source"]), int(r["line"])), pd.NaT)
                if not pd.isna(w):
                    # (a move of no ticket, 'RC2 sign-off moved to Fri noon': moves its own log's promise
                    # of no ticket with the same subject, below)
                    who = key[0] if key[0] is not None else NO_TICKET + str(r["source"])
                    movers.setdefault((who, promise_kind(r.get("keyword"))), []).append(
                        (w, str(r["source"]), int(r["line"]), key, r))
    if not movers:
        return {}
    for found in movers.values():
        found.sort(key=lambda m: (m[0], m[1], m[2]))
    out = {}
    for key, recs in groups.items():
        kinds = {promise_kind(r.get("keyword")) for r in recs}
        who = key[0] if key[0] is not None else NO_TICKET + str(key[4])
        if not any((who, k) in movers for k in kinds):
            continue
        last = [(written.get((str(r["source"]), int(r["line"])), pd.NaT), str(r["source"]), int(r["line"]),
                 bool(r.get("stated_missed"))) for r in recs]
        if any(pd.isna(w) for w, _, _, _ in last):
            continue
        lw, ls, ll, said = max(last)
        lday = days.get((ls, ll))
        by = [m for k in kinds for m in movers.get((who, k), ()) if m[3] != key
              and (m[0] > lw or m[0] == lw and m[1] == ls and (m[2] > ll or said and m[2] == ll)
                   or _same_day(m, lw, lday, days) and m[1] == ls and m[2] > ll)
              and (key[0] is not None or same_subject(str(recs[0].get("text")), str(m[4].get("text"))))
              and not _slips_short(m[4], key[1])]
        if by:
            first = min(by, key=lambda m: (m[0], m[1], m[2]))
            end = days.get((first[1], first[2]))
            if end is None:
                out[key] = (first[4], first[0])
                continue
            by_rec = {**first[4], "_moved_day": first[0]}
            if bound is not None and (b := bound(first[1], first[2], end)) is not None:
                end, by_rec["_before"] = b  # (written before the first timed item after it that day)
            out[key] = (by_rec, end)
    return out


def _same_day(
    m: tuple[Any, ...], lw: pd.Timestamp, lday: pd.Timestamp | None,
    days: Mapping[tuple[str, int], pd.Timestamp],
) -> bool:
    """Whether mover ``m`` (:func:`_moved`) and a group's last mention written at ``lw`` (known to the
    day when ``lday``, its day's end) are on one day of which one of them is known only to the day."""
    mend = days.get((m[1], m[2]))
    if mend is not None:
        return mend - pd.Timedelta(days=1) <= lw < mend if lday is None else mend == lday
    return lday is not None and lday - pd.Timedelta(days=1) <= m[0] < lday


def _superseded(
    moved: tuple[dict[str, Any], pd.Timestamp] | None, due: pd.Timestamp, stated: bool,
    resolved: pd.Timestamp | None, judged: tuple[str, float, str], tz: str,
) -> tuple[str, float, str]:
    """``judged`` (:func:`_status`) for a deadline the ticket's later item moved (:func:`_moved`): moved
    by its due time and not said missed, ``superseded`` (no miss); moved after it was due and missed,
    still missed, its overage up to the move when it was not resolved before then."""
    if moved is None:
        return judged
    by, when = moved
    status, over, reason = judged
    # (the moving item by its file's name and line, as a report's ``where`` column names an item: the
    # workspace's absolute path, /home/..., reached the detail column of every report)
    name = Path(str(by["source"])).name
    item = _mention(name, by["line"])
    if "_moved_day" in by:  # (a move known only to its day: dated at its end, written as its day)
        where = f"{item} on {_fmt_ts(by['_moved_day'], day=True, tz=tz)}"
        if "_before" in by:  # (the lines bound it: before the first timed item after it that day)
            where += f" (before {_mention(name, by['_before'])} at {_fmt_ts(when, tz=tz)})"
    else:
        where = f"{item} at {_fmt_ts(when, tz=tz)}"
    if when <= due and not stated:
        whose = "ticket's" if len(by.get("tickets", ())) else "subject's"  # (no ticket: 'RC2 sign-off moved')
        return "superseded", float("nan"), f"superseded by its {whose} later promise: moved by {where}"
    if status != "missed":
        return judged
    if not pd.isna(over) and when > due and (resolved is None or resolved > when):
        over, where = min(over, _minutes(when - due)), f"{where}, after the due time: overage to then"
    else:
        where += ", after the due time"
    return status, over, f"{reason}; moved by {where}"


def _admitted(
    undated: list[dict[str, Any]], groups: dict[tuple[Any, ...], list[dict[str, Any]]],
    start: pd.Timestamp | None, end: pd.Timestamp | None, as_of: pd.Timestamp, tz: str,
    moved: Mapping[tuple[Any, ...], tuple[dict[str, Any], pd.Timestamp]] | None = None,
) -> list[dict[str, Any]]:
    """Each miss admitted with no due time (:func:`_undated`), per ticket: the statement that its latest
    deadline due by then was missed (added to that one's mentions in ``groups``; not one superseded by
    its due time, :func:`_moved`), else a row of its own, with no ``due_at``, in the window it was written
    in (not listed in a window when that is unknown); not when its item moved a promise of that ticket
    ('slipped - new ETA 18:00' after 'ETA 14:00': the slip is that move, superseded or missed)."""
    moved = moved or {}
    movers = {(k[0], str(by["source"]), int(by["line"])) for k, (by, _) in moved.items()}
    own: dict[str, list[dict[str, Any]]] = {}
    for rec in undated:
        when = rec["_written"] if not pd.isna(rec["_written"]) else as_of
        tickets = rec.get("tickets")
        for ticket in dict.fromkeys(list(tickets) if isinstance(tickets, list | tuple | np.ndarray) else []):
            due = [(_due_of(k, tz), k) for k in groups if k[0] == ticket]
            due = [(at, k) for at, k in due if at <= when and not (k in moved and moved[k][1] <= at)]
            if due:
                groups[max(due, key=lambda p: p[0])[1]].append(rec)
            elif (ticket, str(rec["source"]), int(rec["line"])) in movers:
                continue
            elif _written_in(rec["_written"], start, end):
                own.setdefault(ticket, []).append(rec)
    rows = []
    for ticket, recs in own.items():
        recs = sorted(recs, key=lambda r: (str(r["source"]), int(r["line"])))
        rows.append(
            {
                "kind": "deadline",
                "subject": ticket,
                "due_at": pd.NaT,
                "resolved_at": pd.NaT,
                "status": "missed",
                "overage_min": float("nan"),
                "source": recs[0]["source"],
                "line": recs[0]["line"],
                "detail": f"due time not written; stated missed in the text (no overage); {_quoted(recs[0])}",
                "mentions": list(dict.fromkeys(_mention(r["source"], r["line"]) for r in recs)),
                "day_precision": "",
            }
        )
    return rows


def _written_in(when: Any, start: pd.Timestamp | None, end: pd.Timestamp | None) -> bool:
    """Whether an item written at ``when`` belongs to the window ``[start, end)``; one whose time is
    unknown only to a table with no window."""
    if pd.isna(when):
        return start is None and end is None
    return (start is None or when >= start) and (end is None or when < end)


def _due_of(key: tuple[Any, ...], tz: str) -> pd.Timestamp:
    """The instant a deadline group of :func:`deadline_misses` is due: a date-only one's day end."""
    return _day_end_in(key[1].date(), key[3], tz) if key[2] else key[1]


# a heading that dates its section: a digit, a weekday or month name, a relative day
_DATED_HEADING = re.compile(
    r"\d|\b(?i:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|today|yesterday"
    r"|tomorrow)"
)


def _cycle_floor(
    events: pd.DataFrame, ticket: str, recs: list[dict[str, Any]],
    written: Mapping[tuple[str, int], pd.Timestamp],
) -> pd.Timestamp:
    """What a resolution of ``ticket`` must come after to keep a promise of the next cycle of recurring
    work (``recs``, :func:`occ_lib._extract.next_cycle`): when the promise was written, and, for an item of
    a section whose heading dates nothing ('## Upcoming Actions', which takes the log's date), every
    resolution of the ticket written above it in its log (the last cycle's)."""
    floor = pd.Timestamp.min.tz_localize("UTC")
    for r in recs:
        src, line = str(r["source"]), int(r["line"])
        w = written.get((src, line), pd.NaT)
        if not pd.isna(w):
            floor = max(floor, w)
        if events.empty or "section" not in events.columns:
            continue
        mine = events[events["source"].astype(str).eq(src)]
        own = mine[mine["line"].eq(line)]
        if own.empty or _DATED_HEADING.search(str(own["section"].iloc[0])) is not None:
            continue
        above = mine[mine["line"].lt(line) & mine["kind"].eq("resolved") & mine["at"].notna()]
        above = above[[ticket in list(t) for t in above["tickets"]]]
        if len(above):
            floor = max(floor, pd.to_datetime(above["at"], utc=True).max())
    return floor


def _kept_by(recs: list[dict[str, Any]]) -> str | None:
    """The keyword of a deadline group whose promise an event other than its ticket's fix keeps (a next
    update's, a notice's, a postmortem's, a checkpoint's: :func:`deadline_misses`), None for a fix's: a
    date-only promise of another kind is no vaguer writing of it ('notification due Fri 07:30 UTC' and
    'detections tuned, due Fri 10/10' are two promises)."""
    kws = {r.get("keyword") for r in recs}
    kw = kws.pop() if len(kws) == 1 else None
    return kw if kw in ("update", "postmortem", "notification", "ETA update") or kw in _CHECKPOINTS else None


def _refine_days(groups: dict[tuple[Any, ...], list[dict[str, Any]]], tz: str) -> None:
    """Fold each ticket's date-only deadline into its timed one of the same date (in the zone the date
    ends in), in place: 'ETA Friday', then 'ETA Fri 17:00 UTC' in a later item, is one promise made
    precise, judged at 17:00, not a second one due at the day's end. Into the earliest such timed one
    when there are several (a later time of that day is a slip of it, a promise of its own), of its kind
    (:func:`_kept_by`: a notice's timed deadline takes no fix's date-only one)."""
    for key in [k for k in groups if k[0] is not None and k[2]]:
        ticket, due_at, _day, day_zone = key
        date = due_at.date()
        lo = _day_end_in(date - dt.timedelta(days=1), day_zone, tz)
        hi = _day_end_in(date, day_zone, tz)
        kept = _kept_by(groups[key])
        timed = [k for k in groups if k[0] == ticket and not k[2] and lo <= k[1] < hi and (
            _kept_by(groups[k]) == kept)]
        if timed:
            groups[min(timed, key=lambda k: k[1])].extend(groups.pop(key))


def _announced_windows(d: pd.DataFrame) -> pd.Series:
    """The ``window`` deadlines of no ticket that do not say they were missed: a change or maintenance
    window announced ('Change window: Sat 02:00-04:00 UTC', 'maintenance window until 06:00 UTC') or a
    freeze's end ('deploy freeze until 12:00 UTC') tells when work may (not) happen, nobody promised to
    deliver anything by its end, and no event of a ticket can keep it: no row. (A ticket's window,
    'CHG-1240 approved for maintenance window Sat 02:00-04:00 ET', is that change's deadline; a
    ticketless one is not threaded to its section's ticket either: :mod:`occ_lib.threads`.)"""
    if "keyword" not in d.columns or d.empty:
        return pd.Series(False, index=d.index)
    none = d["tickets"].map(lambda t: len(t) == 0 if isinstance(t, list | tuple | np.ndarray) else True)
    missed = d["stated_missed"].fillna(False).astype(bool) if "stated_missed" in d.columns else False
    # ('ACH cutoff 16:45 ET; Fedwire closes 18:00 ET.': a recurring cutoff told as a fact of the calendar,
    # no task owed by it; 'resubmit before the 16:45 cutoff' is one)
    # ('17:30 cut-off 17:30 CET reached': told as reached, a fact; '17:45 Cut-off extended to 18:00': the
    # calendar's cut-off moved, no ticket's promise unless the item names one)
    fact = d["keyword"].eq("cutoff") & none & ~missed
    if fact.any():
        moved = d["moves"].fillna(False).astype(bool) if "moves" in d.columns else False
        fact &= moved | d["text"].map(lambda t: isinstance(t, str) and (
            _CUTOFF_FACT.match(t) is not None or _CUTOFF_REACHED.search(t) is not None))
    return (d["keyword"].eq("window") | fact) & none & ~missed


# a cutoff stated as a schedule's fact: a name of a word or three, 'cutoff', then its time ('ACH cutoff 16:45
# ET', 'Fedwire cutoff is 18:00 ET', 'same-day ACH cutoff: 14:45'); also after the item's stamp, the day's
# cut-offs listed or one told for a site ('09:00 cut-offs 14:00 (UPS) and 16:30 (FedEx)', '08:00 cut-offs
# today: UPS 14:00', '10:20 cut-off 18:00 for the DC')
_CUTOFF_FACT = re.compile(
    r"[\s*_>-]*(?:(?:[A-Za-z][\w&/-]*\s+){1,3}cut-?off(?:\s+(?:is|at|time))?\s*:?\s*\d{1,2}(?::\d{2})?\b"
    r"|\[?\d{1,2}:\d{2}(?:\s*(?:UTC|Z))?\]?:?\s+(?:[A-Za-z][\w&/-]*\s+){0,2}cut-?offs?"
    r"(?:\s+(?:is|are|at|time|today|tomorrow))?\s*:?\s*(?:[A-Z][\w&-]*\s+)?\d{1,2}:\d{2}\b)", re.I
)
# a cutoff told as reached or passed ('cut-off 17:30 CET reached', 'cutoff passed at 17:30'): the log reader
# reads no deadline there (:func:`occ_lib._extract.cutoff_reached`); a deadlines table read before that rule
# still has them, read here only on the cutoff deadlines of no ticket
_CUTOFF_REACHED = CUTOFF_REACHED


def deadline_misses(
    logs: Any, start: Any = None, as_of: Any = None, tz: str = "UTC", end: Any = None
) -> pd.DataFrame:
    """Deadlines and ETAs from the logs' ``deadlines`` table known at ``as_of``, one row per (ticket,
    due time) due from ``start``: before ``end``, or at or after as_of (:func:`_due_in`). A date-only one is
    due at the end of its day in the zone its log declares (:func:`_date_zones`), else in ``tz``;
    detail times are in ``tz``, and a detail opens with the due time (:func:`_due_text`). A reply, a
    response or a customer update owed in an item that passes a support desk's ticket on as another ('ZD-1
    escalated to Tier 3 as ESC-9. next reply due 14:30 PT') is the desk's ticket's only
    (:func:`_reply_tickets`). A promise of an update with no time of its own is dated by its section's day
    and kept by an item below it that gives the update (:func:`_gives_update`) or resolves the ticket; a
    slip to a time before a deadline of the ticket moves no such deadline (:func:`_slips_short`)."""
    events = _table(logs, "events")
    deadlines = _table(logs, "deadlines")
    # ('09:10 UTC maintenance window until 15:00 UTC' after '09:00 UTC OPS-7 ...': no step of OPS-7's)
    events = with_threads(events, deadlines) if not events.empty else events
    # ('6:20am still degraded; Mitigation ETA 7:00am' after '6:02am ... (INC-5001)': INC-5001's ETA)
    deadlines = deadlines_with_threads(deadlines, events)
    s = _bound(start, tz, "start")
    e = _bound(end, tz, "end")
    as_of_ts = _bound(as_of, tz, "as_of") if as_of is not None else pd.Timestamp.now(tz="UTC")
    if deadlines.empty:
        return _empty()
    written = _written(events, tz)
    undated = _undated(deadlines, events, as_of_ts, tz, written)
    d = deadlines[deadlines["due_at"].notna()].copy()
    # (which of its item's deadlines of one keyword a row is, in the item's order, and of how many: two
    # subjects in one item, 'Sony cert due Oct 16; Xbox cert due Oct 17', each its own clause's)
    if {"source", "line", "keyword"} <= set(deadlines.columns):
        by = deadlines.groupby(["source", "line", "keyword"], dropna=False, sort=False)
        nth, of = by.cumcount(), by["line"].transform("size")
        d["_nth"], d["_of"] = nth.reindex(d.index), of.reindex(d.index)
    d["due_at"] = pd.to_datetime(d["due_at"], utc=True)
    # ('expires 9999-12-31': the calendar's last day is how systems write "never", no promise)
    d = d[d["due_at"].dt.year < 9999]
    d = d[~_announced_windows(d)]
    d = _known_at(d, events, as_of_ts, tz)
    resolutions = _Resolutions(events, as_of_ts, tz)
    zones = _date_zones(logs)
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for rec in d.to_dict("records"):
        tickets = rec.get("tickets")
        tickets = list(tickets) if isinstance(tickets, list | tuple | np.ndarray) else []
        # (a date-only deadline and a timed one at the same instant are two promises: 'by Fri Oct 10'
        # and an ETA at 17:00 PT the day before, which is Oct 10 00:00 UTC too)
        prec = rec.get("due_precision") == "day"
        # ('due Nov 18' in an ET log and in a UTC one end at different instants: two promises)
        day_zone = zones.get(str(rec["source"]), tz) if prec else None
        # ('ZD-1 escalated to Tier 3 as ESC-9. next reply due 14:30 PT': the reply is the customer's ticket's)
        tickets = _reply_tickets(rec, tickets) if len(tickets) > 1 else tickets
        keys = [(t, rec["due_at"], prec, day_zone) for t in dict.fromkeys(tickets)] or [
            (None, rec["due_at"], prec, day_zone, rec["source"], rec["line"])
        ]
        for key in keys:
            groups.setdefault(key, []).append(rec)
    _refine_days(groups, tz)
    moved = _moved(groups, written, _written_days(events, tz, zones), _line_bound(events)) if (
        "moves" in d.columns) else {}
    rows = _admitted(undated, groups, s, e, as_of_ts, tz, moved)
    # (made once, when a promise of the next update, a submission or a window needs it)
    need_updates = functools.cache(lambda: _Updates(events, as_of_ts, tz))
    need_done = functools.cache(lambda: _DoneIndex(events, as_of_ts))
    for key, recs in groups.items():
        ticket, due_at, day, day_zone = key[0], key[1], key[2], key[3]
        recs = sorted(recs, key=lambda r: (str(r["source"]), int(r["line"])))
        due_eff = _due_of(key, tz)  # (a date-only due_at is its UTC midnight: the date's end is due)
        if not _due_in(due_eff, s, e, as_of_ts):
            continue
        stated = [r for r in recs if bool(r.get("stated_missed"))]
        # (a date-only one folded into a timed one, _refine_days, is quoted only when it says missed)
        primary = stated[0] if stated else next(r for r in recs if (r.get("due_precision") == "day") == day)
        resolved, resolved_day = resolutions.at(ticket, due_eff, key[4:6])
        if stated and ticket is not None and resolved is not None and resolved <= due_eff and (
            (later := resolutions.after(ticket, due_eff))[0] is not None
        ):
            # (stated missed, resolved by the due time and again after it: the text means the later one,
            # the earlier was a mitigation: 'mitigated 16:05 ... the fix promised for Thursday noon
            # landed Friday 10:40, so we missed that promise')
            resolved, resolved_day = later
        elif not stated and ticket is not None and resolved is not None and not resolved_day and (
            (made := min((w for r in recs if not pd.isna(w := written.get((str(r["source"]), int(r["line"])),
                                                                          pd.NaT))), default=None))
            is not None and resolved < made and (later := resolutions.after(ticket, made))[0] is not None
        ):
            # (a promise written after the ticket's first resolution, and the ticket resolved again after
            # it: that first one was a mitigation, the promise is of the later fix ('11:34 rollback done',
            # then '12:25 sent Acme the ETA for the full fix: 3 PM', then '2:50 PM INC-7781 resolved')
            resolved, resolved_day = later
        if not stated and ticket is not None and resolved is not None and all(
            next_cycle(str(r.get("text") or "")) for r in recs
        ) and resolved <= (floor := _cycle_floor(events, ticket, recs, written)):
            # ('Next OAuth rotation for INT-518 due 2026-01-15 (90-day cadence)' written after '14:40 ET
            # INT-518 resolved'): that fix was the last cycle's; the next one's resolution keeps it
            resolved, resolved_day = resolutions.after(ticket, floor)
        verb = "resolved"
        promise = recs[0].get("keyword")
        if ticket is None and promise != "notification":  # (a notice of no ticket: its log's notice keeps it)
            promise = None
        kept = promise in ("update", "postmortem", "notification", "ETA update") or promise in _CHECKPOINTS
        if kept and all(r.get("keyword") == promise for r in recs):
            # ('Next update by 14:45 EDT': kept by the ticket's next update, not by its fix; 'RCA ETA
            # 2025-10-14': by the ticket's event that says the RCA was delivered)
            updates = need_updates()
            if promise == "update" and all(names_status_page(str(r.get("text") or "")) for r in recs):
                # ('Status page posted (Investigating). Next update in 30 minutes.': the status page's
                # next post keeps it, not a chat message in between)
                resolved, resolved_day = updates.after(ticket, recs, names_status_page), False
                verb = "updated"
            elif promise == "update":
                resolved = updates.after(ticket, recs, _an_update, by_day=False)
                if resolved is None and ticket is not None and all(updates.written(r) is None for r in recs):
                    # ('Customer update promised by 4pm for ZD-1' with no time of its own, then '16:05 ZD-1
                    # update sent'): dated by its section's day, kept by an item below it giving the update
                    resolved = updates.after(ticket, recs, _gives_update, kinds=_resolves, below=True)
                resolved_day, verb = False, "updated"
            elif promise == "notification":  # ('Regulator notified via DPA portal': its own log's, no ticket)
                resolved, resolved_day = updates.after(ticket, recs, notified, loose=True), False
                verb = "notified"
            elif promise in _CHECKPOINTS:
                # ('go/no-go at 13:30', 'point of no return 15:10' in a runbook's plan: kept by the
                # ticket's item that names the checkpoint again, '[AK 13:30] Go/no-go: GO', not by its fix)
                resolved, resolved_day, verb = updates.naming(ticket, recs, _CHECKPOINTS[promise]), False, (
                    "reached")
            elif promise == "ETA update":
                # ("we'd have an ETA for them by noon": kept by the ticket's next item giving an ETA)
                resolved, resolved_day, verb = updates.after(ticket, recs, gives_eta), False, "ETA given"
            else:
                resolved, resolved_day, verb = updates.after(ticket, recs, delivered), False, "delivered"
        elif not stated and ticket is not None and (all(
            r.get("keyword") in ("cutoff", "before") for r in recs
        ) or all(submission_promise(str(r.get("text") or "")) for r in recs)):
            # ('resubmit by 16:45 ET cutoff', then '16:30 resubmitted 14 items before the ACH cutoff'; '17:55
            # payment submitted 5 minutes before the 18:00 ET close'): kept by the submission, its own item's
            # too, not by the ticket's fix; without one, by the fix as any deadline
            updates = need_updates()
            sent = updates.after(ticket, recs, submitted, own=submitted_before)
            if sent is not None:
                resolved, resolved_day, verb = sent, False, "submitted"
        elif not stated and ticket is not None and all(_owes_response(r) for r in recs):
            # ('reply due by Thu noon', then 'true-up reply sent 11:45'; 'response due next business day by
            # 12:55 ET', then '08:20 ET ACME-1251 acknowledged'): kept by the reply or the acknowledgement,
            # not by the ticket's fix; without one, by the fix as any deadline
            sent = need_updates().after(ticket, recs, replied, kinds=_responds)
            if sent is not None:
                resolved, resolved_day, verb = sent, False, need_updates().how_answered(ticket, sent)
        elif not stated and ticket is not None and all(r.get("keyword") == "by" for r in recs) and len(
            steps := {_step_of(r, zones.get(str(r["source"]), tz)) for r in recs}
        ) == 1 and (step := steps.pop()) is not None:
            # ('drain node-3 by 01:45' in CHG-310's runbook, then '01:40 CHG-310 node-3 drained'): kept by
            # the ticket's event that says that step was done, not by the change's end; without one, by it
            updates = need_updates()
            done = updates.after(ticket, recs, _no_text, kinds=functools.partial(_step_done, step))
            # (or the item itself: 'drain node-3 by 01:45 \u2014 drained 01:40')
            here = [at for r in recs if (at := _step_done_here(
                r, zones.get(str(r["source"]), tz), updates.written(r))) is not None]
            if here:
                done = min(here) if done is None else min(done, *here)
            if done is not None:
                resolved, resolved_day, verb = done, False, "done"
        elif not stated and ticket is not None and all(r.get("keyword") == "by" for r in recs) and (here := [
            at for r in recs if (at := _step_done_here(r, zones.get(str(r["source"]), tz), None)) is not None
        ]):
            # ('OPS-7 export by 16:00 — sent 15:41': its own item says it was sent then, :func:`_sent_after`)
            resolved, resolved_day, verb = min(here), False, "done"
        if not stated and ticket is not None and verb == "resolved" and (
            resolved is None or resolved > due_eff
        ) and all(r.get("keyword") == "by" for r in recs) and (
            owed := frozenset().union(*(reports_owed(str(r.get("text") or "")) for r in recs))
        ):
            # ('treasury wants the T+1 settlement report by 10:00 ET', then '09:58 T+1 settlement report
            # delivered to treasury': a report owed is kept by its delivery, which resolves no ticket)
            sent = need_updates().after(ticket, recs, lambda t: not owed.isdisjoint(reports_delivered(t)))
            if sent is not None and (resolved is None or sent < resolved):
                resolved, resolved_day, verb = sent, False, "delivered"
        named = None  # (a deadline of no ticket: its subject, when a later event of its log names it done)
        if ticket is None and not stated and resolved is None and promise is None and len(recs) == 1 and (
            subject := _no_ticket_subject(str(recs[0].get("text") or ""), str(recs[0].get("keyword") or ""),
                                          *_nth_of(recs[0]))
        ) is not None and not pd.isna(made := written.get((str(recs[0]["source"]), int(recs[0]["line"])),
                                                          pd.NaT)):
            named = subject[2]
            # (an untimed event of a dated section keeps a date-only deadline only, known to its day; one of
            # a subject of one word must be about the deadline's item, :func:`_linked`)
            done, done_day = need_done().after(str(recs[0]["source"]), made, subject[0], subject[1],
                                               line=int(recs[0]["line"]), days=bool(day),
                                               link=str(recs[0].get("text") or "") if subject[3] else None)
            if done is not None:
                resolved, resolved_day, verb = done, done_day, f"'{named}' named done"
        slot = None  # (a window known only by its start: the ticket's work at it keeps it)
        if promise == "window" and not stated and not day and ticket is not None and all(
            r.get("keyword") == "window" and _start_only(r, zones.get(str(r["source"]), tz)) for r in recs
        ):
            updates = need_updates()
            slot = updates.within(ticket, due_eff, _SLOT)
        # (a resolution known only to its date, as written: judged against the due date in its zone)
        until = _day_end_in(resolved.tz_convert(tz).date(), day_zone, tz) if day and resolved_day else None
        status, over, reason = _superseded(moved.get(key), due_eff, bool(stated), resolved, _status(
            due_eff, resolved, as_of_ts, bool(stated), verb=verb, resolved_day=resolved_day,
            resolved_until=until, tz=tz,
        ), tz)
        if status == "superseded":
            resolved, resolved_day = None, False
        elif status == "missed" and slot is not None:
            # ('we pushed it to Thursday 9pm', then 'it finished at 11:45pm Thursday': the work ran in the
            # slot; its start is no time the fix was promised by)
            resolved, resolved_day, status, over = slot, False, "met", 0.0
            reason = (f"a window known only by its start: worked in it, {_fmt_ts(slot, tz=tz)} (within "
                      f"{human_duration(_SLOT)} of its start)")
        if ticket is None and status == "missed" and not stated and resolved is None:
            reason += " (no ticket to match a resolution" + (
                f", nor a later item of its log naming '{named}' done)" if named else ")")
        elif ticket is not None and all(r.get("via") == "thread" for r in recs):
            reason += f" (the item names no ticket: {ticket} is its section's, told in stamped steps)"
        if status == "met" and (again := resolutions.reopened_after(ticket, resolved)) is not None:
            reason += f" (reopened {_fmt_ts(again, tz=tz)}: a new cycle, judged by later deadlines)"
        mentions = list(dict.fromkeys(_mention(r["source"], r["line"]) for r in recs))
        rows.append(
            {
                "kind": "deadline",
                "subject": ticket if ticket is not None else NO_TICKET,
                "due_at": due_eff,
                "resolved_at": resolved if resolved is not None else pd.NaT,
                "status": status,
                "overage_min": over,
                "source": primary["source"],
                "line": primary["line"],
                "detail": f"{_due_text(due_at, day, day_zone, tz)}; {reason}; {_quoted(primary)}",
                "mentions": mentions,
                "day_precision": _day_cols(day, resolved_day),
            }
        )
    return _typed(pd.DataFrame(rows)) if rows else _empty()


# A step of a ticket's runbook owed by a time ('drain node-3 by 01:45', 'DNS cut over by 02:30'): the
# words of the clause right before 'by' and the due time (:func:`_step_of`), two to six of them after the
# ticket keys and small words, none a word of another promise (ETA, fix, reply, update, ...: those keep
# their own rules) nor of the work's end ('close by 04:00', 'done by'); it is kept by the ticket's later
# event that names every word again, one in a form of done ('node-3 drained', 'DNS cut over to the new LB':
# drain -> drained, copy -> copied; cut, set, put, shut as written), that is no plan, deadline, block or
# reopening and says nothing undone ('not drained', 'will drain', 'drain failed'): :func:`_step_done`.
_STEP_CLAUSE = re.compile(r"(?:^|[,;:.()\[\]|\n\u2013\u2014]|\s-\s)([^,;:.()\[\]|\n\u2013\u2014]*?)\s+by\s*$")
_STEP_WORD = re.compile(r"[a-z0-9][\w/-]*")
_STEP_KEY = re.compile(r"\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+\b")
_STEP_SMALL = frozenset({
    "the", "a", "an", "to", "of", "on", "in", "at", "for", "and", "then", "all", "its", "our", "their",
    "we", "they", "you", "i", "will", "must", "should", "shall", "need", "needs", "be", "is", "are",
    "ll", "d", "s", "ve", "re", "step", "steps", "runbook", "plan", "planned",
})
_STEP_NOT = frozenset({
    "eta", "fix", "fixed", "fixes", "resolve", "resolved", "resolution", "update", "updates", "reply",
    "replies", "respond", "response", "answer", "ack", "acknowledge", "due", "deadline", "target",
    "sla", "close", "closed", "done", "complete", "completed", "finish", "finished", "end", "cutoff",
    "submit", "submission", "notify", "notification", "deliver", "rca", "postmortem", "review",
})
_STEP_SAME = frozenset({"cut", "set", "put", "shut", "reset", "split", "spread", "broadcast"})
# (a done form the same as the verb's); the irregular verbs of runbooks, by their done forms ('run the
# backfill by 02:00', then 'backfill ran 01:50'; 'rebuild index' / 'index rebuilt'; 'write' / 'wrote')
_STEP_IRREGULAR: dict[str, frozenset[str]] = {
    v: frozenset(forms.split()) for v, forms in {
        "run": "ran", "rerun": "reran", "re-run": "re-ran", "build": "built",
        "rebuild": "rebuilt", "write": "wrote written", "rewrite": "rewrote rewritten",
        "overwrite": "overwrote overwritten", "send": "sent", "resend": "resent", "make": "made",
        "take": "took taken", "retake": "retook retaken", "spin": "spun", "bring": "brought",
        "hold": "held", "keep": "kept", "freeze": "froze frozen", "unfreeze": "unfroze unfrozen",
        "tear": "tore torn", "stand": "stood", "wind": "wound", "bind": "bound", "rebind": "rebound",
        "shrink": "shrank shrunk", "grow": "grew grown", "withdraw": "withdrew withdrawn",
        "redo": "redid redone", "undo": "undid undone", "begin": "began begun", "give": "gave given",
        "get": "got gotten", "swing": "swung", "draw": "drew drawn", "feed": "fed", "lead": "led",
    }.items()
}
_STEP_UNDONE = re.compile(
    r"\b(?:not|never|will|won['\u2019]t|pending|failed|fails|unable|planned|scheduled|todo|waiting|still)\b"
)
# the clause right after a step's due time, to the next separator (a time's colon or dot is none):
# where the item itself says the step was done ('drain node-3 by 01:45 \u2014 drained 01:40')
_STEP_AFTER = re.compile(
    r"[ \t]*(?:[\u2013\u2014,;(]|-(?=\s))?[ \t]*((?:[^,;:.()\[\]|\n\u2013\u2014]|(?<=\d)[:.](?=\d)){0,60})"
)
_STEP_DONE_HERE = frozenset({"done", "completed", "complete", "finished"})
# a deadline's own item that says, right after its due time (an aside of its ticket key between), that what
# it owed was sent or done then ('export by 16:00 — sent 15:41'): kept then, whatever the promise's
# words (:func:`_sent_after`); not without a time ('sent reminder'), nor 'not sent', 'to be sent 15:41'
_SENT_HERE = re.compile(
    r"(?:[ \t]*\([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+\))?[ \t]*(?:[\u2013\u2014,;]|-(?=\s)|\.(?=\s))[ \t]*"
    r"(?i:sent|delivered|submitted|shipped|uploaded|published|done|completed|finished)"
    r"[ \t]+(?:(?i:at)[ \t]+|@[ \t]*)?"
)
# ('fail over to us-east by 03:00', then 'failed over 02:40': the step's own verb, no failure)
_FAILED_OVER = re.compile(r"\bfail(?:ed)?\s+(?=over\b|back\b)")
_STEP_UNDONE_KINDS = frozenset({"plan", "deadline", "blocked", "reopened"})


def _step_of(rec: dict[str, Any], name: str) -> tuple[str, ...] | None:
    """The words of the runbook step a ``by`` deadline is owed by (:data:`_STEP_CLAUSE`), or None when
    its due time follows no step's clause: the text is read again (in UTC, the wall time compared in the
    log's zone ``name``, as :func:`_start_only` does), only for the ``by`` deadlines of a ticket, once
    per item and day (:func:`_steps_in`: an item of many deadlines stays linear)."""
    text = str(rec.get("text") or "")
    if " by " not in text.lower():
        return None
    due = pd.Timestamp(rec["due_at"])
    try:
        wall = due.tz_convert(zone(name))
    except (ValueError, KeyError):
        return None
    return _step_entry(text, due, wall)[0]


def _step_entry(text: str, due: pd.Timestamp, wall: pd.Timestamp) -> tuple[Any, Any]:
    """The (step, done here) of :func:`_steps_in` for the due time ``due`` (``wall`` in the log's zone)."""
    by_at, by_wall = _steps_in(text, wall.date())
    if due in by_at:
        return by_at[due]
    return by_wall.get((wall.hour, wall.minute), (None, None))


def _step_done_here(rec: dict[str, Any], name: str, written: pd.Timestamp | None) -> pd.Timestamp | None:
    """When the item of a step's deadline says that step was done, right after its due time ('drain
    node-3 by 01:45 \u2014 drained 01:40'): the time written there (a wall time in the log's zone
    ``name`` unless it names one), else when the item was ``written``; None when it does not say so."""
    due = pd.Timestamp(rec["due_at"])
    try:
        z = zone(name)
        wall = due.tz_convert(z)
    except (ValueError, KeyError):
        return None
    here = _step_entry(str(rec.get("text") or ""), due, wall)[1]
    if here is None:
        return None
    at, hm = here
    if at is not None:
        return at
    if hm is None:
        return written
    return pd.Timestamp(dt.datetime.combine(wall.date(), dt.time(*hm)), tz=z).tz_convert("UTC")


@functools.lru_cache(maxsize=512)
def _steps_in(text: str, day: dt.date) -> tuple[dict[pd.Timestamp, Any], dict[tuple[int, int], Any]]:
    """The step before 'by' and each single time of ``text`` read on ``day`` in UTC (its words, or
    None), by the time's instant, and by its wall hour and minute when it names no zone; the first
    mention of a time counts."""
    by_at: dict[pd.Timestamp, Any] = {}
    by_wall: dict[tuple[int, int], Any] = {}
    mentions = [m for m in find_times(text, day=day, tz="UTC") if m.at is not None]
    for i, m in enumerate(mentions):
        if m.until is not None:
            continue
        clause = _STEP_CLAUSE.search(text, max(0, m.start - 80), m.start)
        step = here = None
        if clause is not None:
            words = [w.strip("/-") for w in _STEP_WORD.findall(_STEP_KEY.sub(" ", clause.group(1)).lower())]
            # (no bare number: the minutes of the item's stamp, '00:55 CHG-6 drain node-3 by 01:45')
            words = [w for w in words if w and w not in _STEP_SMALL and not w.isdigit()]
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            if 2 <= len(words) <= 6 and not any(w in _STEP_NOT for w in words):
                step = tuple(words)
                here = _done_after(text, m.end, step, nxt)
            if here is None:
                here = _sent_after(text, m.end, nxt)
        by_at.setdefault(pd.Timestamp(m.at), (step, here))
        if m.zone is None:
            by_wall.setdefault((m.at.hour, m.at.minute), (step, here))
    return by_at, by_wall


def _done_after(text: str, end: int, step: tuple[str, ...], nxt: Any) -> Any:
    """Whether the clause right after a step's due time (:data:`_STEP_AFTER`, ending at ``end``) says
    the step done ('\u2014 drained 01:40', '(done 01:40)'; not 'restart api by 02:00', 'drain failed'):
    (the next time mention's instant when it names a zone, else None; its wall (hour, minute) or None)
    when it does, None when not."""
    after = _STEP_AFTER.match(text, end)
    if after is None or not after.group(1).strip():
        return None
    low = after.group(1).lower()
    if " by " in f" {low} " or _step_undone(step, low):
        return None
    tokens = {t.strip("/-") for t in _STEP_WORD.findall(low)}
    if not (tokens & _STEP_DONE_HERE or any(
        _done_forms(w) & tokens or w in _STEP_SAME and w in tokens for w in step
    )):
        return None
    if nxt is not None and after.start(1) <= nxt.start < after.end(1) and nxt.until is None:
        return (pd.Timestamp(nxt.at), None) if nxt.zone is not None else (None, (nxt.at.hour, nxt.at.minute))
    return (None, None)


def _sent_after(text: str, end: int, nxt: Any) -> Any:
    """Whether the item of a ``by`` deadline that is no runbook step says, right after its due time, what
    it owed done at a time ('export by 16:00 \u2014 sent 15:41', 'order by 16:00 BST (BCST-4410) \u2014
    delivered at 15:41'): that time as :func:`_done_after` gives it, else None."""
    if nxt is None or nxt.until is not None or nxt.start - end > 60:
        return None
    m = _SENT_HERE.match(text, end)
    if m is None or m.end() != nxt.start:
        return None
    return (pd.Timestamp(nxt.at), None) if nxt.zone is not None else (None, (nxt.at.hour, nxt.at.minute))


def _no_text(_text: str) -> bool:
    """No text keeps the promise by itself (the caller's ``kinds`` judges)."""
    return False


def _step_done(step: tuple[str, ...], kind: str, text: str) -> bool:
    """Whether an event of ``kind`` says the runbook ``step`` (:func:`_step_of`) was done."""
    if kind in _STEP_UNDONE_KINDS:
        return False
    low = text.lower()
    if _step_undone(step, low):
        return False
    tokens = {t.strip("/-") for t in _STEP_WORD.findall(low)}
    past = False
    for w in step:
        if _done_forms(w) & tokens or w in _STEP_SAME and w in tokens:
            past = True
        elif w not in tokens:
            return False
    return past


def _done_forms(w: str) -> frozenset[str] | set[str]:
    """The done forms of a step's word ``w``: '+ed', '+d', a doubled consonant '+ed', 'y' to 'ied', or
    an irregular verb's (:data:`_STEP_IRREGULAR`: run -> ran, rebuild -> rebuilt, write -> wrote)."""
    if w in _STEP_IRREGULAR:
        return _STEP_IRREGULAR[w]
    return {w + "ed", w + "d", w + w[-1] + "ed"} | ({w[:-1] + "ied"} if w.endswith("y") else set())


def _step_undone(step: tuple[str, ...], low: str) -> bool:
    """Whether the lower-cased ``low`` says something undone (:data:`_STEP_UNDONE`), the step's own
    'fail over' or 'fail back' left out ('failed over 02:40' is that step done)."""
    if "fail" in step and "fail" in low:
        low = _FAILED_OVER.sub("", low)
    return _STEP_UNDONE.search(low) is not None


# A deadline of no ticket ('14:30 Sony cert submission due Oct 16') is kept by a later event of its log
# that names its subject done ('07:50 Sony cert submitted (10 min before the cutoff)'): the subject is the
# words of the clause right before the deadline's keyword (:func:`_subject_of`), its action word, a noun or
# verb of work with a done form (submission -> submitted, ship -> shipped, delivery -> delivered, inform ->
# informed or notified, checkpoint -> checkpointed), and its other, distinctive, words (one to five; who
# asks for it is none: 'they want logs', 'they need a bug report'); the event names every distinctive word
# and a done form of the action, or a generic one (done, completed, finished), or, when the subject names no
# action (an object: 'Partner report', 'logs'), a form of its delivery (sent, delivered, uploaded, ...:
# :data:`_DELIVERED`), not after a negation, a plan or a request ('not submitted', 'will be submitted', 'yet
# to be sent', 'they want logs sent'), and is no plan, deadline, block or reopening (:class:`_DoneIndex`).
# A subject of one word (:func:`_one_subject`) says too little by itself: an action alone ('checkpoint
# before 21:30 tonight') is kept only by its own done form ('checkpointed'), an object alone ('they want
# logs by 2pm', 'a nvidia-bug-report by EOD') only by an event that also names a name or case number of the
# deadline's item ('logs sent to Harmonic (00457712)' after 'Harmonic case 00457712 - they want logs') and
# sends it to no other party ('logs sent to Akamai' keeps nothing): :func:`_linked`. A hyphenated word of
# three parts or more is named by its whole or by its parts after the first ('bug report' for
# 'nvidia-bug-report': the first part qualifies it).
_ACTIONS: dict[str, frozenset[str]] = {
    w: frozenset(forms.split()) for words, forms in (
        ("submission submit submittal resubmission resubmit", "submitted resubmitted"),
        ("shipment ship shipping", "shipped"),
        ("send sending email e-mail newsletter", "sent emailed"),
        ("delivery deliver deliverable", "delivered"),
        ("publication publish publishing", "published"),
        ("filing file", "filed"),
        ("release", "released"),
        ("upload", "uploaded"),
        ("deployment deploy", "deployed"),
        ("migration migrate", "migrated"),
        ("renewal renew", "renewed"),
        ("payment pay", "paid"),
        ("transfer", "transferred"),
        ("signoff sign-off", "signed"),
        ("completion", "completed complete"),
        ("notify notification inform informed", "notified informed"),
        ("checkpoint", "checkpointed"),
    ) for w in words.split()
}
_DONE_GENERIC = frozenset({"done", "completed", "complete", "finished"})
# what says an object was handed over ('logs sent to Harmonic', 'bug report uploaded to #00981177'): its
# done forms when the subject names no action of its own
_DELIVERED = frozenset({"sent", "emailed", "delivered", "uploaded", "submitted", "provided", "published",
                        "shipped"})
_DONE_ANY = re.compile(r"(?i:\b(?:" + "|".join(sorted(
    {f for fs in _ACTIONS.values() for f in fs} | _DONE_GENERIC | _DELIVERED, key=len, reverse=True)
) + r")\b)")
# (a done form in an item's first clause: :class:`_DoneIndex` reads a plan's when it opens so; not the
# delivery forms, which keep only a deadline of no ticket)
_DONE_FIRST = re.compile(r"(?:[^,;:.()]|(?<=\d)[:.](?=\d))*?(?i:\b(?:" + "|".join(sorted(
    {f for fs in _ACTIONS.values() for f in fs} | _DONE_GENERIC, key=len, reverse=True)) + r")\b)")
_SUBJECT_BREAK = re.compile(r"[,;:()\[\]|\n\u2013\u2014]|\.\s|\s-\s|^\s*[-*+]\s")
_SUBJECT_SMALL = _STEP_SMALL | {
    "due", "eta", "deadline", "target", "by", "cutoff", "before", "next", "new", "final", "hard", "am",
    "pm", "utc", "our", "this", "that", "his", "her", "my", "with", "from", "is", "was", "has", "have",
    "needed", "required", "asked", "requested", "expected", "promised", "owed",
    # (who asks for it: 'they want logs by 2pm', 'customer requires the report by Fri')
    "want", "wants", "wanted", "require", "requires", "expect", "expects", "ask", "asks",
}
_DEADLINE_WORDS = frozenset({"due", "eta", "deadline", "target", "by", "cutoff", "before", "within"})
_NOT_DONE = re.compile(
    r"(?i:\b(?:not|never|no|yet\s+to\s+be|to\s+be|will|won['\u2019]t|pending|planned|scheduled|awaiting"
    r"|isn['\u2019]t|wasn['\u2019]t|hasn['\u2019]t|haven['\u2019]t|if|once|until|wants?|needs?)"
    r"\s+(?:[\w-]+\s+){0,2}$)"
)


def _words(text: str) -> list[str]:
    """The lower-case words of ``text`` (:data:`_STEP_WORD`), ticket keys and numbers left out."""
    return [w for w in (t.strip("/-") for t in _STEP_WORD.findall(_STEP_KEY.sub(" ", text).lower()))
            if w and not w.isdigit()]


def _nth_of(rec: Mapping[str, Any]) -> tuple[int, int]:
    """Which of its item's deadlines of its keyword ``rec`` is (from 0, in the item's order) and of how
    many (-1, 0 when not known)."""
    nth, of = rec.get("_nth"), rec.get("_of")
    return (-1, 0) if nth is None or of is None or pd.isna(nth) or pd.isna(of) else (int(nth), int(of))


@functools.lru_cache(maxsize=1024)
def _subject_of(text: str, keyword: str, nth: int = -1, of: int = 0
                ) -> tuple[tuple[str, ...], frozenset[str], str] | None:
    """The subject of a deadline of no ticket written in ``text`` with ``keyword`` (a deadline word):
    its distinctive words, the done forms that keep it and its words as written ('Sony cert submission'),
    or None. The keyword written once, or as many times as the item has deadlines of it (``of``): the
    ``nth`` one's clause ('Sony cert due Oct 16; Xbox cert due Oct 17': 'Xbox cert' for the second)."""
    kw = (keyword or "").lower()
    if kw == "promised":
        return _callback_subject(text)
    if kw not in _DEADLINE_WORDS:
        return None
    hits = [m.start() for m in re.finditer(r"\b" + kw + r"\b", text.lower())]
    if len(hits) == 1:
        at = hits[0]
    elif len(hits) == of and 0 <= nth < of:  # (one keyword per deadline: the nth is this one's)
        at = hits[nth]
    else:  # (two 'due' in one item and one deadline of it: which subject is this one's is not told here)
        return None
    clause = _SUBJECT_BREAK.split(text[:at])[-1]
    words = [w for w in _words(clause) if w not in _SUBJECT_SMALL]
    if not 2 <= len(words) <= 6:  # (one word, 'result ETA Fri', 'approval needed by': too little to name)
        return None
    action = next((w for w in reversed(words) if w in _ACTIONS), None)
    rest = tuple(dict.fromkeys(w for w in words if w != action))
    if not rest or len(rest) > 5:
        return None
    forms = _ACTIONS[action] if action is not None else _DELIVERED
    return rest, _DONE_GENERIC | forms, _phrase(clause, words)


def _phrase(clause: str, words: list[str]) -> str:
    """The subject's ``words`` as ``clause`` writes them ('Sony cert submission'), for the detail."""
    keep = set(words)
    return " ".join(t for t in re.findall(r"[A-Za-z0-9][\w/-]*", clause) if t.strip("/-").lower() in keep)


def _no_ticket_subject(text: str, keyword: str, nth: int = -1, of: int = 0
                       ) -> tuple[tuple[str, ...], frozenset[str], str, bool] | None:
    """The subject of a deadline of no ticket: :func:`_subject_of`'s (no link needed), else one of one
    word (:func:`_one_subject`)."""
    if (subject := _subject_of(text, keyword, nth, of)) is not None:
        return (*subject, False)
    return _one_subject(text, keyword, nth, of)


# the deadline words of a thing owed (not an ETA nor a target: 'truck ETA 14:20' is an arrival's)
_OWED_WORDS = frozenset({"due", "deadline", "by", "cutoff", "before", "within"})
# a word alone that names nothing to deliver ('Need 24 more by Oct 17', 'final still due Oct 17')
_NOT_OBJECT = frozenset({
    "still", "more", "less", "also", "just", "only", "now", "again", "soon", "some", "any", "each", "every",
    "both", "other", "others", "something", "everything", "anything", "it", "them", "these", "those", "one",
    "ones", "back", "up", "out", "down", "over", "ready", "there", "here", "yet", "else", "much", "many",
    "few", "lot", "approval", "result", "results", "decision", "answer", "feedback", "confirmation",
})


@functools.lru_cache(maxsize=1024)
def _one_subject(text: str, keyword: str, nth: int = -1, of: int = 0
                 ) -> tuple[tuple[str, ...], frozenset[str], str, bool] | None:
    """The subject of one word of a deadline of no ticket, which :func:`_subject_of` leaves out as too
    little to name: an action alone ('checkpoint before 21:30 tonight': no word to name, kept by its own
    done forms only, not by a generic 'done'), or an object alone ('they want logs by 2pm', 'They need a
    nvidia-bug-report by EOD': kept by a form of its delivery, linked to the deadline's item by a name or
    case number, :func:`_linked`); as :func:`_subject_of`'s, with whether the event must be linked."""
    kw = (keyword or "").lower()
    if kw not in _OWED_WORDS:
        return None
    hits = [m.start() for m in re.finditer(r"\b" + kw + r"\b", text.lower())]
    if len(hits) == 1:
        at = hits[0]
    elif len(hits) == of and 0 <= nth < of:
        at = hits[nth]
    else:
        return None
    clause = _SUBJECT_BREAK.split(text[:at])[-1]
    words = [w for w in _words(clause) if w not in _SUBJECT_SMALL]
    if len(words) != 1 or len(words[0]) < 3 or words[0] in _NOT_OBJECT or "@" + words[0] in clause.lower():
        return None  # (nor a person's handle: 'Rollback plan rehearsed - @omar by Wed EOD')
    w = words[0]
    if w in _ACTIONS:
        return (), _ACTIONS[w], _phrase(clause, words), False
    return (w,), _DONE_GENERIC | _DELIVERED, _phrase(clause, words), True


# a name or number that ties an event to a deadline's item (:func:`_linked`): a case or order number of
# five digits or more ('case 00457712', '#00981177'; not inside a job id, 'job-20251006-0412'), a name with
# a capital inside it ('LeagueCo', 'NVIDIA'), or a capitalised word inside a sentence ('sent to Harmonic')
_REF = re.compile(
    r"(?<![\w#-])#?(\d{5,})(?![\w-])|\b([A-Z][a-z]*[A-Z][\w-]*)|(?<=[a-z0-9,] )([A-Z][a-z][\w-]*)"
)
# what is no name: a weekday, a month, a zone's or unit's capitals of four letters or fewer ('BST', 'GB')
_NOT_REF = frozenset({
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "may", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july",
    "august", "september", "october", "november", "december",
})
# the party an event hands its object to ('logs sent to Harmonic', 'uploaded to #00981177')
_SENT_TO = re.compile(r"(?i:\b(?:" + "|".join(sorted(_DELIVERED | {"notified", "informed"})) +
                      r")\s+(?:it\s+|them\s+)?(?:to|with)\s+(?:the\s+)?)(#?[\w-]+)")


def _refs(text: str) -> set[str]:
    """The names and case numbers of ``text`` (:data:`_REF`), lower-cased."""
    out = set()
    for m in _REF.finditer(text):
        ref = next(g for g in m.groups() if g is not None)
        if m.group(2) is not None and ref.isupper() and len(ref) <= 4:
            continue  # ('BST', 'CEST', 'GB': a zone or a unit)
        if ref.lower() not in _NOT_REF:
            out.add(ref.lower())
    return out


@functools.lru_cache(maxsize=1024)
def _item_names(item: str) -> frozenset[str]:
    """The lower-case words and numbers of a deadline's ``item``, what an event must name of it to be
    about it (:func:`_linked`); read once per item."""
    return frozenset(_STEP_WORD.findall(item.lower().replace("#", " ")))


def _event_party(event: str) -> tuple[frozenset[str], str | None]:
    """An event's names and case numbers (:func:`_refs`) and the party it hands its object to, when that is
    a name or a number ('logs sent to Harmonic': 'harmonic'; 'sent to the vendor': None)."""
    to = _SENT_TO.search(event) if "to " in event or "with " in event else None
    party = to.group(1) if to is not None else ""
    named = party[:1].isupper() or party.lstrip("#").isdigit()
    return frozenset(_refs(event)), party.lstrip("#").lower() if named else None


def _linked(party: tuple[frozenset[str], str | None], named: frozenset[str]) -> bool:
    """Whether an event that names a one-word object done (:func:`_one_subject`; ``party``: its
    :func:`_event_party`) is about the deadline's item (``named``: its :func:`_item_names`): it names a name
    or case number the item names too ('logs sent to Harmonic (00457712)' after 'Harmonic case 00457712 -
    they want logs by 2pm'), and hands it to no party the item does not name ('logs sent to Akamai':
    another's logs)."""
    refs, to = party
    if to is not None and to not in named:
        return False
    return not refs.isdisjoint(named)


# how many events naming a one-word object done, after its deadline, are looked at for one about it
# (:func:`_linked`): a bound, so that many deadlines and many deliveries to others stay linear
_LINK_SCAN = 64


# A callback promised with no ticket ('10:05 Linda joined the bridge; promised a callback at 1pm PT') is kept
# by a later event of its log that says the callback done ('13:00 callback done, plan: ...'): its subject is
# the one word 'callback' (a promise made to a customer on a call, the desk's own word for it)
_PROMISED_CALLBACK = re.compile(r"(?i:\bpromised\b[^.;\n]{0,40}?\bcall-?back\b)")


def _callback_subject(text: str) -> tuple[tuple[str, ...], frozenset[str], str] | None:
    """The subject of a callback promised in ``text`` (:data:`_PROMISED_CALLBACK`), or None."""
    if "romised" not in text or _PROMISED_CALLBACK.search(text) is None:
        return None
    return ("callback",), _DONE_GENERIC, "callback"


_DAY = pd.Timedelta(days=1)


class _DoneIndex:
    """Per log, its events known at ``as_of`` that say a done form (:data:`_DONE_ANY`, not after a
    negation or a plan: :data:`_NOT_DONE`, read once per event), in time order, indexed by their words:
    what keeps a deadline of no ticket (:meth:`after`), looked up by the rarest word of its subject, not by
    a scan of every event for every deadline. An untimed one of a dated section is at its day's start,
    marked as known to the day."""

    def __init__(self, events: pd.DataFrame, as_of: pd.Timestamp) -> None:
        # (per log: (at, known to the day, line, the done forms it says, its words, its text), in time
        # order; per log and word, their indices)
        self._events: dict[str, list[tuple[pd.Timestamp, bool, int, set[str], set[str], str]]] = {}
        self._index: dict[str, dict[str, list[int]]] = {}
        self._by_forms: dict[tuple[str, frozenset[str]], list[int]] = {}
        self._parties: dict[tuple[str, int], tuple[frozenset[str], str | None]] = {}
        if events.empty or not {"at", "source", "text"} <= set(events.columns):
            return
        ev = events[events["at"].notna()]
        kinds = ev["kind"] if "kind" in ev.columns else pd.Series("", index=ev.index)
        no = pd.Series(False, index=ev.index)
        days = ev["at_precision"].eq("day") if "at_precision" in ev.columns else no
        lines = ev["line"] if "line" in ev.columns else pd.Series(0, index=ev.index)
        rows = []
        for src, when, text, kind, day, line in zip(ev["source"], pd.to_datetime(ev["at"], utc=True),
                                                    ev["text"], kinds, days, lines, strict=True):
            text = str(text or "")
            if when > as_of or _DONE_ANY.search(text) is None or str(kind) in _STEP_UNDONE_KINDS and not (
                kind == "plan" and _DONE_FIRST.match(text) is not None
            ):  # (a plan whose first clause tells a thing done, '13:00 callback done, plan: ...', says it)
                continue
            # (its done forms said, not after a negation or a plan: read once per event)
            said = {m.group(0).lower() for m in _DONE_ANY.finditer(text)
                    if _NOT_DONE.search(text, max(0, m.start() - 40), m.start()) is None}
            if said:
                rows.append((str(src), when, bool(day), int(line) if not pd.isna(line) else 0, said, text))
        rows.sort(key=lambda r: r[1])
        for src, when, day, line, said, text in rows:
            lst = self._events.setdefault(src, [])
            words = set(_words(text))
            # (a hyphenated word by its last part too: 'bug-report' names 'nvidia-bug-report', :func:`_names`)
            for w in words | {w.rsplit("-", 1)[-1] for w in words if "-" in w}:
                self._index.setdefault(src, {}).setdefault(w, []).append(len(lst))
            lst.append((when, day, line, said, words, text))

    def after(self, source: str, made: pd.Timestamp, subject: tuple[str, ...], forms: frozenset[str],
              line: int = 0, days: bool = False, link: str | None = None) -> tuple[pd.Timestamp | None, bool]:
        """The first event of ``source`` after ``made`` naming every word of ``subject`` (a hyphenated one
        of three parts or more by its parts after the first too: :func:`_names`) and one of the done
        ``forms``, not after a negation or a plan, and whether it is known to its day only ((None, False)
        when there is none). An untimed one counts when ``days`` (a date-only deadline): of a day after
        ``made``'s, or of its day and below ``line``, the deadline's item. ``link``: the deadline's item,
        which the event must be about (:func:`_linked`: a subject of one word; of the first
        :data:`_LINK_SCAN` events naming it done). With no ``subject`` (an action alone), the events
        naming one of ``forms``."""
        index = self._index.get(source, {})
        posting = min((self._posting(index, w) for w in subject), key=len) if subject else self._said(
            source, forms)
        events = self._events.get(source, [])
        named = _item_names(link) if link is not None else None
        scan = _LINK_SCAN
        since = made - _DAY if days else made  # (an untimed one of made's day is before it)
        for i in posting[bisect.bisect_right(posting, since, key=lambda i: events[i][0]):]:
            when, day, at_line, said, words, text = events[i]
            if day and not (days and (when > made or (when + _DAY > made and at_line > line))):
                continue
            if (day or when > made) and all(_names(w, words, text) for w in subject) and not (
                    forms.isdisjoint(said)):
                if named is None:
                    return when, day
                if _linked(self._party(source, i, text), named):
                    return when, day
                scan -= 1
                if not scan:
                    break
        return None, False

    def _said(self, source: str, forms: frozenset[str]) -> list[int]:
        """The events of ``source`` that name one of ``forms``, in time order (an action alone: made once
        per log and forms, not per deadline)."""
        key = (source, forms)
        if key not in self._by_forms:
            index = self._index.get(source, {})
            self._by_forms[key] = sorted({i for f in forms for i in index.get(f, [])})
        return self._by_forms[key]

    def _party(self, source: str, i: int, text: str) -> tuple[frozenset[str], str | None]:
        """The :func:`_event_party` of event ``i`` of ``source``, read once."""
        key = (source, i)
        if key not in self._parties:
            self._parties[key] = _event_party(text)
        return self._parties[key]

    @staticmethod
    def _posting(index: dict[str, list[int]], w: str) -> list[int]:
        """The events that may name ``w``: those with the word, and for a word of three parts or more
        those with its last part too (:func:`_names`)."""
        parts = w.split("-")
        if len(parts) < 3:
            return index.get(w, [])
        return sorted({*index.get(w, []), *index.get(parts[-1], [])})


def _names(w: str, words: set[str], text: str) -> bool:
    """Whether an event (its ``words`` and ``text``) names the subject's word ``w``: as a word, or for a
    hyphenated word of three parts or more, its parts after the first written together ('bug report' or
    'bug-report' for 'nvidia-bug-report': the first part qualifies the thing)."""
    if w in words:
        return True
    parts = w.split("-")
    return len(parts) >= 3 and _parts_pattern(tuple(parts[1:])).search(text) is not None


@functools.lru_cache(maxsize=256)
def _parts_pattern(parts: tuple[str, ...]) -> re.Pattern[str]:
    """The parts of a hyphenated word written as words, with a space or a hyphen between them."""
    return re.compile(r"(?i:(?<![\w-])" + r"[\s-]".join(re.escape(p) for p in parts) + r"(?![\w-]))")


def _moved_windows(
    deadlines: pd.DataFrame, events: pd.DataFrame, as_of: pd.Timestamp, tz: str
) -> dict[str, list[tuple[pd.Timestamp, pd.Timestamp, tuple[str, int]]]]:
    """Per ticket, its change windows moved by a later item ('CHG-2104 moved to Mo 13.10. 10:00' after
    its planned window: a ``window`` deadline with ``moves``), each as (when the move was written, the
    new window's due time, (source, line)), written by ``as_of``."""
    if deadlines.empty or "moves" not in deadlines.columns:
        return {}
    d = deadlines[deadlines["keyword"].eq("window") & deadlines["moves"].fillna(False).astype(bool)
                  & deadlines["due_at"].notna()]
    if d.empty:
        return {}
    written = _written(events, tz)
    out: dict[str, list[tuple[pd.Timestamp, pd.Timestamp, tuple[str, int]]]] = {}
    for rec in d.to_dict("records"):
        w = written.get((str(rec["source"]), int(rec["line"])), pd.NaT)
        if pd.isna(w) or w > as_of:
            continue
        for t in rec.get("tickets") if isinstance(rec.get("tickets"), list | tuple | np.ndarray) else ():
            out.setdefault(str(t), []).append(
                (w, pd.Timestamp(rec["due_at"]), (str(rec["source"]), int(rec["line"]))))
    return out


def _window_after(
    moves: list[tuple[pd.Timestamp, pd.Timestamp, tuple[str, int]]] | None, due: pd.Timestamp
) -> tuple[pd.Timestamp, pd.Timestamp, tuple[str, int]] | None:
    """The last move of a ticket's change window written by ``due`` (its resolution target) to a window
    due after it: a change rescheduled into a later window is not resolved late before that window."""
    if not moves:
        return None
    by = [m for m in moves if m[0] <= due]
    if not by:
        return None
    last = max(by, key=lambda m: (m[0], m[2]))
    return last if last[1] > due else None


# a ticket blocked on its requester's answer: the agent has replied and asked something ('waiting on
# customer for request ids', 'awaiting the customer's reply', 'pending customer response', 'waiting for
# requester'), which a service desk counts as its first response ('Waiting for customer' stops the clock);
# not what waits on the vendor or on another team
_ON_CUSTOMER = re.compile(
    r"(?i:\b(?:waiting|wait|awaiting|pending|blocked)\s+(?:on|for)?\s*(?:the\s+|a\s+)?"
    r"(?:customer|requester|requestor|reporter|client|merchant|end[- ]user)s?\b)"
)


def _waits_on_customer(tl: pd.DataFrame) -> pd.Series:
    """Per event of ``tl``, whether it is a ``blocked`` one that waits on the customer
    (:data:`_ON_CUSTOMER`)."""
    blocked = tl["kind"].eq("blocked")
    if not blocked.any() or "text" not in tl.columns:
        return blocked & False
    return blocked & tl["text"].map(lambda t: isinstance(t, str) and _ON_CUSTOMER.search(t) is not None)


# the ETA of a reply itself ('vendor response ETA Thu', 'ETA for the reply 14:00'), not one a reply
# states ('customer reply: fix ETA 14:00': the fix's ETA, kept by the fix)
_REPLY_ETA = re.compile(
    r"(?i:\b(?:repl(?:y|ies)|response|answer|ack(?:nowledge?ment)?)\s+eta\b"
    r"|\beta\s+(?:for|of|on)\s+(?:the\s+|a\s+|an\s+|our\s+|their\s+|its\s+)?(?:[\w'\u2019-]+\s+)?"
    r"(?:repl(?:y|ies)|response|answer|ack(?:nowledge?ment)?)\b)"
)


def _owes_response(rec: dict[str, Any]) -> bool:
    """Whether a deadline's item owes a reply, response or acknowledgement
    (:func:`occ_lib._extract.response_promise`), an ETA only when it is the reply's own
    (:data:`_REPLY_ETA`): 'customer reply: fix ETA 14:00' gives the fix's ETA, which the fix keeps."""
    text = str(rec.get("text") or "")
    if not response_promise(text):
        return False
    return rec.get("keyword") != "ETA" or _REPLY_ETA.search(text) is not None


# the keys of a support desk, the customer's side of a ticket (Zendesk's, a '#48291' read as ZD-, Freshdesk's,
# a 'SUP-'): a reply or a customer update is owed on them, not on the engineering ticket it was escalated as
_SUPPORT_PREFIXES = ("ZD-", "FD-", "SUP-")
# a customer update promised ('Customer update promised by 4pm', 'next customer update 15:00'): a reply owed
_CUSTOMER_UPDATE = re.compile(r"(?i:\bcustomer\b.{0,40}?\bupdate)")


# what says the support ticket was passed on as an engineering one ('escalated to Tier 3 as ESC-9', 'filed
# ENG-12 for it', 'linked to JIRA-7'): the other keys of the item are that one's
_HANDED_ON = re.compile(r"(?i:escalat|\blinked\b|\bfiled\b|\braised\b|\bcreated\b|\bopened\b)")


def _reply_tickets(rec: dict[str, Any], tickets: list[str]) -> list[str]:
    """The tickets a deadline of several is owed on: for a reply, a response or a customer update owed
    (:func:`_owes_response`, :data:`_CUSTOMER_UPDATE`) whose item names a support desk's key and another
    it was passed on as (:data:`_HANDED_ON`; ``10:15 ZD-1 escalated to Tier 3 as ESC-9. next reply due
    14:30 PT``), the desk's keys only: the
    customer is answered on their ticket, and ESC-9's fix keeps no reply; else ``tickets``."""
    desk = [t for t in tickets if t.startswith(_SUPPORT_PREFIXES)]
    if not desk or len(desk) == len(tickets):
        return tickets
    text = str(rec.get("text") or "")
    if _HANDED_ON.search(text) is None:
        return tickets
    if _owes_response(rec) or (
            "pdate" in text and "ustomer" in text and _CUSTOMER_UPDATE.search(text) is not None):
        return desk
    return tickets


def _responds(kind: str, text: str) -> bool:
    """Whether an event of ``kind`` answers a promise of a reply, response or acknowledgement (besides
    one whose text says the reply was given, :func:`occ_lib._extract.replied`): it acknowledges the
    ticket ('ACME-1251 acknowledged by the service desk'), or it waits on the customer, who was answered
    and asked something (:data:`_ON_CUSTOMER`). Not an escalation nor a follow-up: they pass the ticket
    on or chase the other side, and say nothing of the answer owed."""
    return kind == "acknowledged" or kind == "blocked" and _ON_CUSTOMER.search(text) is not None


# hands-on work on the ticket, which answers it as an acknowledgement does: a test quarantined ('PLAT-310
# flaky test quarantined until 2025-10-20'), a PR or merge request approved ('PLAT-312 PR #1240 approved,
# waiting on CODEOWNERS review'), a revert opened ('revert PR #1245 opened', 'opened a revert'), an engineer
# dispatched ('Engineer dispatched, ETA 30 min': someone sent to the fault answers it; the ETA stays a
# deadline); not one denied or to come ('not quarantined', 'to be quarantined', 'PR not approved', 'approval
# pending'): read per event of a ticket whose first response is judged, after a substring test
# (:func:`_acts_on`)
_ACTED_ON = re.compile(
    r"(?i:(?<!not )(?<!be )(?<!never )\bquarantined\b"
    r"|\b(?:PR|MR|pull\s+request|merge\s+request)\s*(?:[#!]\d+\s*|\S*/pull/\d+\s*)?(?:(?:was|is|has\s+been|got)\s+)?"
    r"approved\b"
    r"|\brevert(?:\s+(?:PR|MR|pull\s+request))?\s*(?:[#!]\d+\s*)?(?:(?:was|is|has\s+been)\s+)?"
    r"(?:opened|raised|created|submitted|filed|up)\b"
    r"|\b(?:opened|raised|created|submitted|filed)\s+(?:a\s+|the\s+)?revert\b"
    r"|(?<!not )(?<!be )\b(?:field\s+)?(?:engineer|technician|tech)s?\s+(?:(?:was|were|has\s+been)\s+)?"
    r"dispatched\b"
    r"|(?<!not )\bdispatched\s+(?:an?\s+|the\s+)?(?:field\s+)?(?:engineer|technician|tech)\b)"
)


def _acts_on(tl: pd.DataFrame) -> pd.Series:
    """Per event of ``tl``, whether it tells of hands-on work on its ticket (:data:`_ACTED_ON`), no plan."""
    if "text" not in tl.columns:
        return tl["kind"].eq("") & False

    def acts(t: object) -> bool:
        if not isinstance(t, str):
            return False
        low = t.lower()
        return ("quarantined" in low or "approved" in low or "revert" in low or "dispatched" in low) and (
            _ACTED_ON.search(t) is not None)

    return tl["kind"].ne("plan") & tl["text"].map(acts).astype(bool)


# A triage verdict that a ticket was no incident ('Not an outage, no customer impact', 'false alarm', 'false
# positive', 'not an incident', 'non-issue'; 'no customer impact' or 'no outage' only with the ticket's
# closing in the same item: 'no customer impact, closing'): the item is the ticket's first response (someone
# looked and judged) and resolves it as a non-incident, when no later item of the ticket tells of more than a
# note or its closing (:func:`_no_incident`). Not a verdict: one denied ('not a false alarm'), hedged or
# asked ('possibly a false alarm', 'false alarm?', 'confirm whether it is a false alarm'), to be seen ('not
# an outage yet', 'not an outage, but degraded') or expected of planned work ('no outage expected').
_NO_INCIDENT = re.compile(
    r"(?i:\b(?:not|isn['\u2019]t|wasn['\u2019]t|never\s+was)\s+(?:(?:an?|the|real|actual|true|customer-facing)\s+){0,2}"
    r"(?:outage|incident)\b|\bfalse[\s-](?:alarm|positive)s?\b|\bnon-?(?:issue|incident)\b)"
)
_NO_IMPACT = re.compile(
    r"(?i:\bno\s+(?:(?:customer|user|client|service|subscriber)[- ]?(?:facing\s+)?)?(?:impact|outage)\b)"
)
_CLOSING = re.compile(r"(?i:\b(?:clos(?:e|ed|ing)|resolv(?:ed|ing))\b)")
_VERDICT_DENIED = re.compile(r"(?i:\b(?:not|isn['\u2019]t|wasn['\u2019]t|no)\s+(?:an?\s+)?$)")
_VERDICT_HEDGED = re.compile(
    r"(?i:\b(?:possibly|probably|likely|maybe|might|may|could|suspect(?:ed)?|if|whether|unsure|not\s+sure"
    r"|unclear|confirm|check(?:ing)?|looks?\s+like|seems?)\b[^.;!?\n]*$)"
)
_VERDICT_OPEN = re.compile(r"(?i:\s*(?:\?|,?\s*(?:yet|but|until|expected|planned|anticipated)\b))")


def _verdict(text: str, ticket: str | None = None, tickets: Any = ()) -> str | None:
    """The words of ``text`` that judge its ticket no incident (:data:`_NO_INCIDENT`), None when it has none
    or only a denied, hedged, asked or open one. In an item of several ``tickets``, only ``ticket``'s
    (:func:`_judged`)."""
    low = text.lower()
    if "outage" not in low and "incident" not in low and "false" not in low and "issue" not in low and (
            "impact" not in low):
        return None
    found = [m for m in _NO_INCIDENT.finditer(text)]
    if _CLOSING.search(text) is not None:
        found += list(_NO_IMPACT.finditer(text))
    for m in found:
        if _VERDICT_DENIED.search(text, max(0, m.start() - 12), m.start()) is not None and not (
                m.group(0).lower().startswith(("not", "isn", "wasn", "never"))):
            continue  # ('not a false alarm': it was one)
        if _VERDICT_HEDGED.search(text, max(0, m.start() - 40), m.start()) is not None:
            continue  # ('possibly a false alarm', 'checking whether it is a false alarm')
        if _VERDICT_OPEN.match(text, m.end()) is not None:
            continue  # ('false alarm?', 'not an outage yet', 'not an outage, but degraded')
        if ticket is not None and len(tickets) > 1 and _judged(text, m.start(), tickets) != ticket:
            continue  # (another ticket's verdict)
        return m.group(0)
    return None


# the kinds of an item that tell of more work on its ticket than a verdict of no incident
_MORE_WORK = frozenset({"escalation", "follow_up", "blocked", "reopened", "deadline", "plan"})
_SENTENCE_BREAK = re.compile(r"[.!?;](?:\s|$)|\n")


def _judged(text: str, at: int, tickets: list[str]) -> str:
    """Which of an item's several ``tickets`` its verdict at ``at`` judges: the last one written before it
    in its sentence ('RTU comms failure (RTU-33), points stale. OUT-88140 not an outage: telemetry only.
    Telecom ticket TEL-2291 opened' judges OUT-88140 alone), else the item's first ('SD-5104 alarm storm on
    OLT-3 after the resets. False positive.' judges SD-5104)."""
    begin = max((m.end() for m in _SENTENCE_BREAK.finditer(text, 0, at)), default=0)
    said = [(text.rfind(t, begin, at), t) for t in tickets if text.rfind(t, begin, at) >= 0]
    if said:
        return max(said)[1]
    return min(tickets, key=lambda t: (text.find(t) < 0, text.find(t)))


def _listed(tickets: Any) -> list[str]:
    """An event's ``tickets`` cell as a list (empty when it is none)."""
    return [str(t) for t in tickets] if isinstance(tickets, list | tuple | np.ndarray) else []


def _no_incident(tl: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Per event of a ticket's ``tl`` (in time order), whether it is a triage verdict of no incident
    (:func:`_verdict`), and whether it resolves the ticket as one: a verdict in an item that tells of no
    more work (:data:`_MORE_WORK`: an escalation, a follow-up, a block, a plan or deadline; its own, not
    another ticket's of the item), after which the ticket's items are only notes or resolutions (an
    escalation, a dispatch or a status after it says there was more to it)."""
    if "text" not in tl.columns:
        none = pd.Series(False, index=tl.index)
        return none, none
    said = pd.Series([isinstance(t, str) and _verdict(t, str(k), _listed(ks)) is not None
                      for t, k, ks in zip(tl["text"], tl["ticket"], tl["tickets"], strict=True)],
                     index=tl.index, dtype=bool)
    if not said.any():
        return said, said
    more = ~tl["kind"].isin(("note", "resolved"))
    # (a later item of more than a note: what comes after each event, in time order)
    later = more[::-1].cumsum()[::-1] - more.astype(int)
    # (nor does the verdict's own item tell of more work, 'not an outage, escalated to the vendor', unless
    # its kind is another ticket's: 'OUT-88140 not an outage: telemetry only. TEL-2291 opened, ETA 0400')
    own = ~tl["kind"].isin(_MORE_WORK) | tl["tickets"].map(lambda t: len(_listed(t)) > 1)
    return said, said & later.eq(0) & own


def ticket_target_misses(
    logs: Any, policy: Policy, start: Any = None, as_of: Any = None, end: Any = None
) -> pd.DataFrame:
    """First-response and resolution targets per ticket prefix, from first mention in any log, judged
    at ``as_of``: those due from ``start``, before ``end`` or at or after as_of (:func:`_due_in`).
    A change whose planned window a later item moved (a ``window`` deadline with ``moves``: 'CHG-2104
    moved to Mo 13.10. 10:00'), written by the time its resolution target fell due, to a window due after
    it, is due for resolution at that window (:func:`_window_after`): a change rescheduled into next week
    is not resolved late this week. A ticket whose every event is a ``plan`` or note of planned work (a
    maintenance notice, a change's planned window: :func:`_planned_work`) has no row: planned work is no
    incident to respond to. Detail times are in the policy's zone."""
    events = _table(logs, "events")
    if events.empty or not policy.tickets:
        return _empty()
    s = _bound(start, policy.tz, "start")
    e = _bound(end, policy.tz, "end")
    as_of_ts = _bound(as_of, policy.tz, "as_of") if as_of is not None else pd.Timestamp.now(tz="UTC")
    deadlines = _table(logs, "deadlines")
    ev = _counted(with_threads(events, deadlines), as_of_ts, policy.tz)
    moved = _moved_windows(deadlines, events, as_of_ts, policy.tz)
    zones = _date_zones(logs)
    ev = ev.assign(ticket=ev["tickets"]).explode("ticket")
    ev = ev[ev["ticket"].notna()]
    # (first_events decides between a date-only and a timed mention; ties keep source/line order)
    ev = ev.sort_values(["at", "source", "line"], kind="stable")
    rows = []
    for ticket, tl in ev.groupby("ticket", sort=True):
        target = policy.ticket_target(str(ticket))
        if target is None or _planned_work(tl):
            continue
        first = tl.loc[first_events(tl).iloc[0]]  # (a date-only mention yields to a timed one that day)
        first_day = _is_day(first)
        # ('06:20 OUT-4412 ... Not an outage, no customer impact.': triaged, and resolved as no incident)
        verdict, settled = _no_incident(tl)
        for kind, limit, mask in (
            (
                "response", target.first_response,
                tl["kind"].isin(RESPONSE_KINDS) | _waits_on_customer(tl) | _acts_on(tl) | verdict,
            ),
            # (a fix that did not hold is no resolution: only one after the last reopening counts)
            ("resolution", target.resolution, final_resolutions(
                tl.assign(kind=tl["kind"].mask(settled, "resolved")) if settled.any() else tl)),
        ):
            if limit is None:
                continue
            # (a first mention known only to its day, 'STD-101' in the 10-07 standup table: the clock
            # started some time that day, so the target counts from the day's end: judged at day precision;
            # the end of that day in the zone its log declares, as a date-only deadline's: a Chicago log's
            # Thursday ends at 05:00 UTC, not at New York's 04:00)
            start_at = first["at"] if not first_day else _day_end_in(
                first["at"].tz_convert(policy.tz).date(), zones.get(str(first["source"])), policy.tz)
            due = start_at + pd.Timedelta(limit)
            later = ""
            if kind == "resolution" and (win := _window_after(moved.get(str(ticket)), due)) is not None:
                # ('CHG-2104 moved to Mo 13.10. 10:00' before its target fell due: due at its new window)
                due, later = win[1], (
                    f"; rescheduled by {_mention(*win[2])} to its window {_fmt_ts(win[1], tz=policy.tz)}")
            if not _due_in(due, s, e, as_of_ts):
                continue
            hits = tl[mask]
            hit = hits.loc[first_events(hits).iloc[0]] if len(hits) else None
            done = hit["at"] if hit is not None else None
            done_day = hit is not None and _is_day(hit)
            if done is not None and done_day and done < first["at"]:
                done = first["at"]  # (some time that day, after the timed first mention: not before it)
            verb = "responded" if kind == "response" else "resolved"
            status, over, reason = _status(
                due, done, as_of_ts, verb=verb, resolved_day=done_day, tz=policy.tz
            )
            undone = _undone(tl, first, policy.tz) if kind == "resolution" else ""
            mentions = [_mention(first["source"], first["line"])]
            if hit is not None:
                mentions.append(_mention(hit["source"], hit["line"]))
            about = "~" if first_day or done_day else ""  # from a date-only mention: approximate
            judged = ""
            if hit is not None and verdict[hit.name] and not (
                    (kind == "response" and hit["kind"] in RESPONSE_KINDS) or hit["kind"] == "resolved"):
                where = _mention(Path(str(hit["source"])).name, hit["line"])
                how = "triaged" if kind == "response" else "resolved"
                said = _verdict(str(hit["text"]), str(ticket), _listed(hit["tickets"]))
                judged = f"; {how} as no incident: '{said}' ({where})"
            took = f"{kind} after {about}{human_duration(done - first['at'])}" if done is not None else (
                f"no {kind} yet"
            )
            if done is not None and done == first["at"]:
                took = f"{kind} the same day (date only)" if done_day else f"{kind} at first mention"
            rows.append(
                {
                    "kind": kind,
                    "subject": str(ticket),
                    "due_at": due,
                    "resolved_at": done if done is not None else pd.NaT,
                    "status": status,
                    "overage_min": over,
                    "source": first["source"],
                    "line": first["line"],
                    "detail": f"{reason}; first mention {_fmt_ts(first['at'], first_day, policy.tz)}, {took} "
                    f"(target {human_duration(limit)}){undone}{later}{judged}",
                    "mentions": list(dict.fromkeys(mentions)),
                    "day_precision": _day_cols(first_day, done_day),
                }
            )
    return _typed(pd.DataFrame(rows)) if rows else _empty()


# what names planned work: a maintenance (a carrier's notice, 'Lumen emergency maintenance Sat 02:00-04:00
# CDT'), a change's or maintenance window, planned or scheduled work or a change
_PLANNED_WORK = re.compile(
    r"(?i:\bmaintenance\b|\b(?:change|maintenance)\s+window|\b(?:planned|scheduled)\s+(?:work|change|outage))"
)


def _planned_work(tl: pd.DataFrame) -> bool:
    """Whether a ticket's events (``tl``) are all plans or notes that each name planned work
    (:data:`_PLANNED_WORK`): 'NOC-313 Lumen emergency maintenance Sat 10/11 02:00-04:00 CDT' is no
    incident, nothing to respond to nor to resolve; one item that tells of anything else makes it judged
    ('OPS-901 disk alert on db-2, cleanup planned for Tuesday' is an incident, though a plan; 'NOC-6
    maintenance overran, link down, paged on-call' a page)."""
    if not tl["kind"].isin(("plan", "note")).all() or "text" not in tl.columns:
        return False
    return all(_PLANNED_WORK.search(str(t or "")) for t in tl["text"])


def _undone(tl: pd.DataFrame, first: pd.Series, tz: str) -> str:
    """For a resolution detail: the ticket's first resolution when a reopening undid it, and that
    reopening's time, since only a resolution after the last reopening counts; without it a ticket
    fixed in 2h 45m and reopened two days later read as if the team took two days. Empty when no
    resolution was reopened."""
    reopened = tl[tl["kind"].eq("reopened")]
    earlier = tl[tl["kind"].eq("resolved") & ~final_resolutions(tl)]
    if reopened.empty or earlier.empty:
        return ""
    hit = earlier.loc[first_events(earlier).iloc[0]]
    again = reopened.loc[reopened["at"] > hit["at"], "at"]
    if again.empty:
        return ""
    day = _is_day(hit) or _is_day(first)
    after = f"after {'~' if day else ''}{human_duration(max(hit['at'] - first['at'], pd.Timedelta(0)))}"
    return (f"; resolved {_fmt_ts(hit['at'], _is_day(hit), tz)} ({after}) and reopened "
            f"{_fmt_ts(again.min(), tz=tz)}")


def _age_words(age: dt.timedelta) -> str:
    """A document's max_age for a detail text, in words: ``14 days``, ``1 day``, ``36 hours``
    (the front matter key and ``14d`` were identifiers)."""
    secs = age.total_seconds()
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if secs >= size and secs % size == 0:
            return plural(int(secs // size), unit)
    return human_duration(age)


def document_misses(logs: Any, policy: Policy, as_of: Any = None) -> pd.DataFrame:
    """Documents past their ``expires`` day, or whose ``last_reviewed`` is older than ``max_age``."""
    docs = _table(logs, "docs")
    if docs.empty:
        return _empty()
    as_of_ts = _bound(as_of, policy.tz, "as_of") if as_of is not None else pd.Timestamp.now(tz="UTC")
    rows = []
    for rec in docs.to_dict("records"):
        subject = rec.get("doc") or rec.get("source")
        subject = str(subject) if subject is not None and not pd.isna(subject) else str(rec.get("source"))
        checks = []
        expires = rec.get("expires")
        if expires is not None and not pd.isna(expires):
            exp = pd.Timestamp(expires)
            exp = exp.tz_localize("UTC") if exp.tzinfo is None else exp.tz_convert("UTC")
            # (a date, stored as its UTC midnight: it ends with that day in the policy's zone)
            what = f"front matter expires {exp.date()}"
            checks.append(("doc_expired", day_end(exp.date(), policy.tz), what))
        reviewed = rec.get("last_reviewed")
        if policy.documents.max_age is not None and reviewed is not None and not pd.isna(reviewed):
            rv = pd.Timestamp(reviewed)
            rv = rv.tz_localize("UTC") if rv.tzinfo is None else rv.tz_convert("UTC")
            age = policy.documents.max_age
            # whole days from the review day's start in the policy's zone, as a date is read there
            due = (
                local_midnight(rv.date() + age, policy.tz) if age % dt.timedelta(days=1) == dt.timedelta(0)
                else local_midnight(rv.date(), policy.tz) + pd.Timedelta(age)
            )
            what = f"last reviewed {rv.date()}, stale when more than {_age_words(age)} old"
            checks.append(("doc_stale", due, what))
        for kind, due, what in checks:
            missed = due <= as_of_ts
            rows.append(
                {
                    "kind": kind,
                    "subject": subject,
                    "due_at": due,
                    "resolved_at": pd.NaT,
                    "status": "missed" if missed else "open",
                    "overage_min": _minutes(as_of_ts - due) if missed else float("nan"),
                    "source": rec.get("source"),
                    "line": pd.NA,
                    "detail": what,
                    "mentions": [],
                }
            )
    return _typed(pd.DataFrame(rows)) if rows else _empty()


# ---------------------------------------------------------------------------------------------
# probe objectives


def _probe_range(
    probes: Any, policy: Policy, start: Any, end: Any, as_of: Any
) -> tuple[pd.Timestamp, pd.Timestamp, pd.Timestamp, pd.Timestamp]:
    """``(start, end, cap, as_of)`` in UTC, where ``cap = min(end, as_of)`` bounds the probes
    counted and ``as_of`` (default ``end``) the probes retries may look ahead to."""
    s = _bound(start, policy.tz, "start")
    e = _bound(end, policy.tz, "end")
    if s is None or e is None:
        lo, hi = aggregate.time_range(probes)
        s = s if s is not None else (lo if lo is not None else pd.Timestamp("1970-01-01", tz="UTC"))
        # without an end, the window ends at the first whole second after the last probe (an
        # exclusive end that keeps it and prints as a time people read, not ...:00.000001)
        e = e if e is not None else (hi.floor("s") + pd.Timedelta(seconds=1) if hi is not None else s)
    a = _bound(as_of, policy.tz, "as_of") if as_of is not None else e
    # (an as_of before the start counts nothing: cap at the start, never a range that ends before it)
    return s, e, max(s, min(e, a)), a


def _rules_maps(policy: Policy, targets: list[str]) -> tuple[dict[str, str], dict[str, int]]:
    degraded = {"*": policy.target("*").degraded_counts_as}
    retries = {"*": policy.target("*").retries}
    for t in targets:
        tp = policy.target(t)
        degraded[t] = tp.degraded_counts_as
        retries[t] = tp.retries
    return degraded, retries


def _known_targets(policy: Policy) -> list[str]:
    return [t for t in policy.targets if t != "*"]


def maintenance_until(probes: Any, policy: Policy, end: pd.Timestamp, as_of: pd.Timestamp) -> pd.Timestamp:
    """The exclusive end of the maintenance windows that figures over a window ending at ``end``,
    judged at ``as_of``, need: ``min(end, as_of)``; when retries look past the end for next probes
    (some target has retries and as_of is later), just after the last probe ``probes`` holds by
    as_of, the furthest a next probe can be. A window after the last probe excludes nothing: up to
    a far as_of (years ahead) every weekly window was generated and tested against every probe."""
    if as_of <= end or probes is None:
        return min(end, as_of)
    _degraded, retries = _rules_maps(policy, _known_targets(policy))
    if max(retries.values()) == 0:
        return end
    _lo, last = aggregate.time_range(probes)
    if last is None or last < end:
        return end
    return min(as_of, last) + pd.Timedelta(microseconds=1)


def error_budget(
    probes: Any, policy: Policy, start: Any = None, end: Any = None, as_of: Any = None
) -> pd.DataFrame:
    """Availability and error budget per target over ``[start, min(end, as_of))``.

    Columns: ``target, objective`` (percent, NaN when the target has none), ``counted, good, bad,
    excluded_maintenance, ratio`` (percent), ``allowed_bad`` (probes the budget allows),
    ``consumed_pct``, ``remaining_pct`` (may go negative; NaN, no data, when no probe was
    counted: nothing was measured, so no budget was kept either). Budgets are counted in probes.
    """
    s, e, cap, a = _probe_range(probes, policy, start, end, as_of)
    known = _known_targets(policy)
    degraded, retries = _rules_maps(policy, known)
    # (maintenance past cap when retries look past it: a probe in maintenance is no next probe)
    until = maintenance_until(probes, policy, e, a)
    maint = policy.maintenance_windows(s, max(until, s + pd.Timedelta(microseconds=1)), known)
    av = aggregate.availability(probes, s, cap, None, maint, degraded, retries, as_of=a)
    objective = [policy.target(t).availability for t in av["target"]]
    out = pd.DataFrame(
        {
            "target": av["target"],
            "objective": pd.array([np.nan if o is None else float(o) for o in objective], dtype="float64"),
            "counted": av["counted"],
            "good": av["good"],
            "bad": av["bad"],
            "excluded_maintenance": av["excluded_maintenance"],
            "ratio": av["ratio"],
        }
    )
    out["allowed_bad"] = ((100.0 - out["objective"]) / 100.0 * out["counted"]).where(out["counted"] > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        consumed = np.where(
            out["allowed_bad"] > 0,
            out["bad"] / out["allowed_bad"] * 100.0,
            np.where(out["bad"] > 0, np.inf, 0.0),
        )
    out["consumed_pct"] = np.where(out["objective"].isna() | (out["counted"] == 0), np.nan, consumed)
    out["remaining_pct"] = 100.0 - out["consumed_pct"]
    out.attrs["rules"] = accounting_rules(policy)
    return out.reset_index(drop=True)


def burn_rates(
    probes: Any,
    policy: Policy,
    start: Any = None,
    end: Any = None,
    as_of: Any = None,
    step: str = "5m",
) -> pd.DataFrame:
    """Burn rates per target every ``step`` over ``(start, min(end, as_of)]``.

    Columns: ``target, at`` (end of the evaluated windows), ``objective``, ``burn_<w>`` for each
    window of :data:`BURN_PAIRS` (NaN when the window counted no probe), and ``alert_<long>_<short>``
    (True when both windows exceed the pair's factor, by more than floating-point noise: a rate equal
    to it does not fire; an evaluation where either window counted no probe keeps the previous
    state). Looks back 3 days before ``start``.
    """
    s, e, cap, a = _probe_range(probes, policy, start, end, as_of)
    step_td = pd.Timedelta(parse_duration(step))
    windows = sorted({w for lw, sw, _f, _s in BURN_PAIRS for w in (lw, sw)}, key=lambda w: parse_duration(w))
    longest = max(pd.Timedelta(parse_duration(w)) for w in windows)
    lo = s - longest
    known = _known_targets(policy)
    degraded, retries = _rules_maps(policy, known)
    maint = policy.maintenance_windows(lo, max(maintenance_until(probes, policy, e, a), lo + step_td), known)
    counts = aggregate.outcome_counts(probes, step, lo, cap, None, maint, None, degraded, retries, as_of=a)
    frames = []
    origin = pd.Timestamp("2000-01-03", tz="UTC")
    first_bucket = origin + ((lo - origin) // step_td) * step_td
    grid = pd.date_range(first_bucket, cap - pd.Timedelta(microseconds=1), freq=step_td) if cap > lo else []
    for target, c in counts.groupby("target", sort=True):
        objective = policy.target(str(target)).availability
        if objective is None:
            continue
        c = c.set_index("window_start")[["total", "bad"]].reindex(grid, fill_value=0)
        at = c.index + step_td
        frame = {"target": str(target), "at": at, "objective": float(objective)}
        budget = (100.0 - float(objective)) / 100.0
        for w in windows:
            k = max(1, int(pd.Timedelta(parse_duration(w)) // step_td))
            tot = c["total"].rolling(k, min_periods=1).sum().to_numpy(dtype="float64")
            bad = c["bad"].rolling(k, min_periods=1).sum().to_numpy(dtype="float64")
            with np.errstate(divide="ignore", invalid="ignore"):
                frac = np.where(tot > 0, bad / tot, np.nan)
                burn = frac / budget if budget > 0 else np.where(frac > 0, np.inf, frac * 0)
            frame[f"burn_{w}"] = burn
        f = pd.DataFrame(frame)
        for lw, sw, factor, _sev in BURN_PAIRS:
            above = factor * _ABOVE
            firing = ((f[f"burn_{lw}"] > above) & (f[f"burn_{sw}"] > above)).astype("float64")
            # A window that counted no probe says nothing: hold the previous state, so checks sparser
            # than the short window (every 30 min against 5m) do not flap the alert on and off.
            nodata = f[f"burn_{lw}"].isna() | f[f"burn_{sw}"].isna()
            f[f"alert_{lw}_{sw}"] = firing.mask(nodata).ffill().fillna(0.0).astype(bool)
        frames.append(f[(f["at"] > s) & (f["at"] <= cap)])
    cols = [
        "target",
        "at",
        "objective",
        *[f"burn_{w}" for w in windows],
        *[f"alert_{a}_{b}" for a, b, _f, _s in BURN_PAIRS],
    ]
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cols)
    out = out.reindex(columns=cols)
    out["at"] = pd.to_datetime(out["at"], utc=True).astype(_UTC)
    out["target"] = out["target"].astype(object)
    for col in cols[2:]:
        out[col] = out[col].astype("bool" if col.startswith("alert_") else "float64")
    out.attrs["rules"] = accounting_rules(policy)
    return out.reset_index(drop=True)


def burn_alerts(burns: pd.DataFrame, step: str = "5m") -> pd.DataFrame:
    """Consecutive firing evaluations of :func:`burn_rates` as one miss row per target and pair."""
    step_td = pd.Timedelta(parse_duration(step))
    rows = []
    for target, f in burns.groupby("target", sort=True):
        f = f.sort_values("at")
        for lw, sw, factor, sev in BURN_PAIRS:
            fire = f[f"alert_{lw}_{sw}"].to_numpy(dtype=bool)
            if not fire.any():
                continue
            at = list(f["at"])
            edges = np.flatnonzero(np.diff(np.concatenate(([0], fire.astype(int), [0]))))
            for i, j in zip(edges[::2], edges[1::2], strict=True):
                first, last = at[i], at[j - 1]
                stopped = at[j] if j < len(at) else pd.NaT
                peak = float(np.nanmax(f[f"burn_{sw}"].to_numpy()[i:j]))
                peak_long = float(np.nanmax(f[f"burn_{lw}"].to_numpy()[i:j]))
                rows.append(
                    {
                        "kind": "availability",
                        "subject": str(target),
                        "due_at": first,
                        "resolved_at": stopped,
                        "status": "missed",
                        "overage_min": (last - first + step_td) / _MINUTE,
                        "source": "probes",
                        "line": pd.NA,
                        "detail": f"burn rate above {factor:g}x over both {lw} and {sw} ({sev}); peak "
                        f"{_fmt_burn(peak_long, factor)} over {lw}, {_fmt_burn(peak, factor)} over {sw}",
                        "mentions": [],
                    }
                )
    return _typed(pd.DataFrame(rows)) if rows else _empty()


def _fmt_burn(rate: float, above: float | None = None) -> str:
    """A burn rate for a detail text; an objective of 100% leaves no budget, so any bad probe burns
    it infinitely fast ('infx' said nothing).

    One decimal, or as many more as it takes for a rate above the alert factor ``above`` not to read
    as equal to it ('above 1x ... peak 1.0x' for 1.001x looked like a false alert).
    """
    if np.isinf(rate):
        return "unbounded (no error budget at 100%)"
    digits = 1
    while above is not None and rate > above and float(f"{rate:.{digits}f}") <= above and digits < 12:
        digits += 1
    return f"{rate:.{digits}f}x"


def _fmt_consumed(pct: float) -> str:
    """How much of the budget was consumed, for a detail text ('inf%' said nothing)."""
    # (the error budget table's format, 1 decimal and none from 1000 %: '16319.0% consumed' was noise)
    return "all consumed (no error budget at 100%)" if np.isinf(pct) else f"{budget_percent(pct)}% consumed"


def probe_misses(
    probes: Any, policy: Policy, start: Any = None, end: Any = None, as_of: Any = None
) -> pd.DataFrame:
    """Latency windows over threshold, availability against objective, and burn-rate alerts."""
    if probes is None:
        return _empty()
    s, e, cap, a = _probe_range(probes, policy, start, end, as_of)
    if cap <= s:
        return _empty()
    known = _known_targets(policy)
    maint = policy.maintenance_windows(s, cap, known)
    rows: list[pd.DataFrame] = []
    # latency: one scan per distinct window length
    objectives: dict[dt.timedelta, set[int]] = {}
    for tp in [policy.target("*"), *[policy.target(t) for t in known]]:
        for o in tp.latency:
            objectives.setdefault(o.window, set()).add(o.q)
    lat_rows = []
    for window, qs in sorted(objectives.items()):
        # (tz: a whole-day window is a day in the policy's zone, as the rules say)
        lw = aggregate.latency_windows(probes, window, tuple(sorted(qs)), s, cap, None, maint, policy.tz)
        names = lw["target"].astype(str)
        hits = []  # (window row, objective's place, row, objective): the windows over an objective
        for t in dict.fromkeys(names):
            for k, o in enumerate(policy.target(t).latency):
                if o.window == window:
                    v = judge_windows(lw[names.eq(t)], o)
                    hits += [(i, k, rec, o) for i, rec in v[v["over"]].to_dict("index").items()]
        for _i, _k, rec, o in sorted(hits, key=lambda h: (h[0], h[1])):
            value = rec[o.percentile]
            lat_rows.append(
                {
                    "kind": "latency",
                    "subject": rec["target"],
                    "due_at": rec["window_start"],
                    "resolved_at": pd.NaT,
                    "status": "missed",
                    "overage_min": _window_minutes(rec["window_start"], window, cap, policy.tz),
                    "source": "probes",
                    "line": pd.NA,
                    "detail": f"{o.percentile} {value:.1f} ms > {o.threshold_ms:g} ms over "
                    f"{_fmt_td(window)} from {_fmt_ts(rec['window_start'], tz=policy.tz)} "
                    f"(n={rec['n']})",
                    "mentions": [],
                }
            )
    if lat_rows:
        rows.append(_typed(pd.DataFrame(lat_rows)))
    budget = error_budget(probes, policy, s, e, a)
    av_rows = []
    for rec in budget.to_dict("records"):
        if pd.isna(rec["objective"]) or rec["counted"] == 0:
            continue
        below = rec["bad"] > rec["allowed_bad"] + 1e-9  # in counts: float ratios blur the edge
        status = "missed" if below else ("met" if cap >= e else "open")
        av_rows.append(
            {
                "kind": "availability",
                "subject": rec["target"],
                "due_at": e,
                "resolved_at": pd.NaT,
                "status": status,
                "overage_min": float("nan"),
                "source": "probes",
                "line": pd.NA,
                "detail": f"{rec['ratio']:.3f}% vs objective {rec['objective']:g}%: {rec['bad']} bad of "
                f"{plural(rec['counted'], 'probe')} ({rec['excluded_maintenance']} in maintenance); budget "
                f"{plural(probe_count(rec['allowed_bad']), 'probe')}, {_fmt_consumed(rec['consumed_pct'])}",
                "mentions": [],
            }
        )
    if av_rows:
        rows.append(_typed(pd.DataFrame(av_rows)))
    burns = burn_rates(probes, policy, s, e, a)
    alerts = burn_alerts(burns)
    if not alerts.empty:
        rows.append(alerts)
    return pd.concat(rows, ignore_index=True) if rows else _empty()


UNASSIGNED = "(unassigned)"


def with_team(
    misses: pd.DataFrame, logs: Any, target_teams: Mapping[str, str | None] | None = None
) -> pd.DataFrame:
    """``misses`` with a ``team`` column, for charts and tables by team.

    A row from a log belongs to the log's owner (front matter ``owner:``, else the file's name
    without extension); a probe row to its target's ``team`` tag in ``target_teams``; anything
    else is ``(unassigned)``.
    """
    out = misses.copy()
    docs = _table(logs, "docs")
    owners: dict[str, str] = {}
    for rec in docs.to_dict("records") if not docs.empty else []:
        owner = rec.get("owner")
        owners[str(rec["source"])] = str(owner) if isinstance(owner, str) and owner else Path(
            str(rec["source"])
        ).stem
    teams = dict(target_teams or {})

    def team(source: Any, subject: Any) -> str:
        if source == "probes":
            return teams.get(str(subject)) or UNASSIGNED
        return owners.get(str(source)) or UNASSIGNED

    out["team"] = [team(src, sub) for src, sub in zip(out["source"], out["subject"], strict=True)]
    return out


# ---------------------------------------------------------------------------------------------
# everything


def misses(
    logs: Any,
    probes: Any = None,
    policy: Policy | None = None,
    start: Any = None,
    end: Any = None,
    as_of: Any = None,
) -> pd.DataFrame:
    """Every SLA row of the window: deadlines, ticket targets, probe objectives, documents.

    ``logs`` is an ``occ_lib.logs.Logs`` (or None); ``probes`` a probe DataFrame, a store path, or
    None. ``start``/``end``/``as_of`` are instants (naive ones, ``"2025-10-13"`` included, in the
    policy zone; ``end`` exclusive; a start after the end is an ``ArgumentError``); ``as_of``
    defaults to ``end`` (and to now when both are None). Sorted by kind, due time and subject.
    ``attrs``: ``rules`` (strings) and ``as_of`` (ISO 8601 UTC, ``2025-10-13T04:00:00Z``), plain
    JSON so that ``to_parquet`` keeps them.
    """
    policy = policy or Policy()
    e = _bound(end, policy.tz, "end")
    check_order(_bound(start, policy.tz, "start"), e, (start, end))
    a = _bound(as_of, policy.tz, "as_of")
    if a is None:
        a = e if e is not None else pd.Timestamp.now(tz="UTC")
    parts = [
        deadline_misses(logs, start, a, policy.tz, e),
        ticket_target_misses(logs, policy, start, a, e),
        probe_misses(probes, policy, start, end, a) if probes is not None else _empty(),
        document_misses(logs, policy, a),
    ]
    parts = [p for p in parts if not p.empty]
    out = pd.concat(parts, ignore_index=True) if parts else _empty()
    out = _typed(out)
    order = {k: i for i, k in enumerate(KINDS)}
    out = out.assign(_k=out["kind"].map(order)).sort_values(
        ["_k", "due_at", "subject", "source", "line"], kind="stable", na_position="last"
    )
    out = _say_what_kept(out.drop(columns="_k").reset_index(drop=True))
    out.attrs["rules"] = accounting_rules(policy)
    out.attrs["as_of"] = iso_z(a)  # (a Timestamp made to_parquet fail: attrs are stored as JSON)
    return out


# the detail's verbs of a deadline kept by what it owes, not by the ticket's resolution
_OWED_VERBS = frozenset({"submitted", "replied", "acknowledged", "answered", "done", "delivered", "notified"})


def _say_what_kept(out: pd.DataFrame) -> pd.DataFrame:
    """The ticket's resolution row with no resolution says which of its deadlines a thing owed kept
    ('CERT-41 submitted to Sony (10 min before the 15:00 UTC cutoff)' keeps the submission's deadline;
    the certification is not resolved by it): the two rows judge different things, and say so."""
    if out.empty or not out["kind"].eq("resolution").any():
        return out
    kept: dict[str, list[str]] = {}
    cols = (out["subject"], out["detail"], out["status"], out["resolved_at"])
    for subj, det, st, res in zip(*cols, strict=True):
        parts = str(det).split("; ")
        if len(parts) > 1 and st == "met" and not pd.isna(res) and parts[1].split(" ")[0] in _OWED_VERBS:
            kept.setdefault(str(subj), []).append(parts[1].split(" ")[0])
    if not kept:
        return out
    rows = out["kind"].eq("resolution") & out["resolved_at"].isna() & out["subject"].astype(str).isin(kept)
    if rows.any():
        out = out.copy()
        out.loc[rows, "detail"] = [
            f"{d}; judges the ticket's resolution: what kept its deadline "
            f"({', '.join(dict.fromkeys(kept[str(s)]))}) resolves no ticket"
            for d, s in zip(out.loc[rows, "detail"], out.loc[rows, "subject"], strict=True)
        ]
    return out


# ---------------------------------------------------------------------------------------------
# policy keys that name nothing

def unmatched_keys(
    policy: Policy, logs: Any = None, targets: Any = None
) -> list[tuple[str, str]]:
    """``(key path, reason)`` for each ``sla.targets`` key (but ``*``) naming none of ``targets``
    (the probe targets known: occ.yml's ``probes.targets`` and the store's), and each
    ``sla.tickets`` key that covers no ticket mentioned in ``logs`` (:func:`occ_lib.policy.covers`,
    :meth:`Policy.ticket_target`'s rule: the whole ticket, or a prefix ending at a ``-``). A typo
    there would silently judge nothing; the reason lists the names known instead (the tickets by
    their prefix, ``OCC-INF``). ``targets`` None skips the target keys (nothing to compare with)."""
    out: list[tuple[str, str]] = []
    if targets is not None:
        known = sorted(set(targets))
        for key in policy.targets:
            if key != "*" and key not in known:
                hint = did_you_mean([key], known)
                reason = f"no probe target of that name ({hint}known: {listed_names(known)})"
                out.append((f"sla.targets.{key}", reason))
    if policy.tickets:
        seen = _ticket_names(logs)
        covered = {key for key in policy.tickets if any(covers(key, t) for t in seen)}
        prefixes = sorted({_prefix(t) for t in seen})
        for key in policy.tickets:
            if key not in covered:
                reason = f"matches no ticket in the logs (seen: {listed_names(prefixes)})"
                out.append((f"sla.tickets.{key}", reason))
    return out


def _prefix(ticket: str) -> str:
    """The prefix an ``sla.tickets`` key names ``ticket`` by: ``OCC-INF`` for OCC-INF-221, ``INC`` for
    the ServiceNow number INC0012345 (:func:`occ_lib.policy.covers`)."""
    if "-" in ticket.strip("-"):
        return ticket.rsplit("-", 1)[0]
    head = ticket.rstrip("0123456789")
    return head if head and covers(head, ticket) else ticket


def _ticket_names(logs: Any) -> set[str]:
    """Every ticket the logs' events and deadlines mention, those an item only refers to (``refs``:
    'see also OPS-77') too: a key covering one is no typo."""
    seen: set[str] = set()
    for name in ("events", "deadlines"):
        df = getattr(logs, name, None)
        if not isinstance(df, pd.DataFrame):
            continue
        for col in ("tickets", "refs"):
            if col in df.columns:
                for tickets in df[col]:
                    if isinstance(tickets, list | tuple | np.ndarray):
                        seen.update(str(t) for t in tickets)
    return seen

