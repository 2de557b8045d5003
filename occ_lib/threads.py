"""Threads: the ticket an item is about when it names none, from the items around it.

On-call notes name a ticket once and then tell its story in items that do not repeat it::

    ### Thursday, October 9, 2025
    * 6:02am PagerDuty fired for api-gw p99 > 2s (INC-5001).
    * 6:20am still degraded; paged secondary (SEV2). Mitigation ETA 7:00am.
    * 7:15am mitigation slipped; new ETA 8am. Looped in Eng Manager @raj.

Read item by item, the page, the manager and the ETAs belong to no ticket, and INC-5001's escalation
timeline says it never escalated. The rule, kept narrow so that a day's unrelated items are not
pulled into one ticket:

- A section (the items under one heading, in one file) is one thread when the tickets its items
  name (their own, inherited or the heading's; not those they only refer to, ``refs``) are exactly
  one ticket. Then an item of it that names no ticket is about that ticket when it comes after the
  first item naming it, opens with its own time (``6:20am still degraded``, ``19:05 UTC: ...``,
  ``[07:18Z] paged``, a runbook's ``[AK 13:26] ...``: a running story is told in stamped steps) and
  tells a step of the story an escalation timeline and an SLA count: its kind is ``follow_up``,
  ``escalation``, ``acknowledged``, ``deadline`` or ``resolved``.
- So not an item without a time of its own at its start, nor a ``note``, ``evidence``, ``plan`` or
  ``blocked`` one: a day's section that names one ticket also holds the day's other work (``11:30
  QA reproduced the store-notes report``, ``21h30 nightly run started``), which is no step of it.
  But the ticket's news is, whatever its kind: an item that promises the next update (``09:30 next
  update promised by 10:00``, a ``plan``) or says one was given (``09:50 posted an update``, ``10:05
  comms sent``, a ``status`` or a ``note``): the promise is the ticket's, kept by its next update.
- Not a table row: a table's rows are records of their own.
- Not an item after the one that resolved the ticket (the last item naming it says resolved, fixed,
  merged...: ``12:15 MOB-776 fix merged`` then ``17:45 Release notes sent to localization, due back Thu
  12:00 PT``): the day goes on with other work, and a deadline set after the fix is no deadline of it.
  An incident's aftermath stays its story (``07:30 postmortem due Friday``, an RCA, a PIR, a review, a
  retro, a write-up, a reopening or a regression); an item naming the ticket again picks the thread up.
- A section whose one ticket is first named by the item that opens it (``SEC-302 opened: audit CI
  logs``, ``filed OPS-12``, ``INC-7 created``), after an earlier section of the same file that was the
  thread of another ticket (the incident, ``SEC-301``): the section's ticketless ``escalation`` and
  ``acknowledged`` items are that earlier ticket's (``16:00 escalated to VP Engineering for sign-off on
  customer comms``: the incident escalates, not the task filed for it); its other steps are the
  section's ticket's, as above.
- A section that names several tickets (a handoff note's pages) is no thread, but a page's next step
  is: a ticketless item that opens with its own time and is an ``escalation`` or ``acknowledged``
  (``- 2025-10-10 00:20 UTC paged the IC (Sam); 00:55 escalated to VP Eng (Helen)``) right after an
  item that names exactly one ticket (``- 2025-10-09 23:48 UTC page #PD-Z9Y8X7 for SRE-447``), timed
  from that item's latest time to 6 hours after it, is about that ticket.
- A section that names several tickets holds a run of one: the ticketless steps (as above, a ``status``
  item with a deadline too: ``[1:02 PM] ETA slipped to 15:00 CET``) between two items naming the same one
  ticket, with no item naming another between them, are that ticket's (``05:40 DATA-1 failed``, ``06:52
  new ETA 09:30``, ``08:58 DATA-1 resolved``, then ``DE-2 request: backfill by Fri``): a later item naming
  another ticket does not break the run before it (:func:`_runs`). Not after an item that resolved it.
- Not a window announced: an item whose deadlines (when the deadlines table is given) are all
  ``window`` ones, a change or maintenance window's range or a window's or freeze's end (``09:10 UTC
  maintenance window until 15:00 UTC``, ``09:20 UTC deploy freeze until 16:00 UTC``), tells when work
  may (not) happen, no step of the ticket's story; nor is a ``window`` deadline of an item threaded
  for another deadline of it. A window an item names its ticket in stays that ticket's. Nor is a
  ``cutoff`` deadline whose item moves it (``17:45 Cut-off extended to 18:00``): the calendar's cut-off.
- Not an item about another thing, which it opens with after its stamp: the calendar's cut-off (``10:20
  cut-off 18:00 for the DC``, ``09:00 cut-offs 14:00 (UPS) and 16:30 (FedEx)``), or a vehicle, dock or
  carrier of a site's floor (``10:15 truck 2 delayed, ETA 15:30``, ``11:30 UPS pickup rescheduled to 17:00``,
  ``12:20 trailer 14 ETA 13:00``; truck, trailer, van, driver, dock, door, bay, route, carrier, pickup,
  collection, shipment, pallet, container, flight, vessel), or that says it is about a numbered one
  (``12:10 escalated to ops manager re truck 2``): unless the items naming the ticket name that thing too
  (``09:00 WMS-311 truck scanners down`` then ``10:00 truck 2 scanner swapped, resolved``).
- Not an item that names a ticket occ does not read as a key, a help desk's or an issue tracker's number
  after ``#`` (``11:00 EST #48260 export fixed, solved`` in a section whose one key is ``FD-7742``;
  ``#48213`` written beside ``ZD-48213`` elsewhere is that key, :func:`occ_lib._extract.hash_aliases`):
  it tells that ticket's story, not the section's.
- A threaded ``resolved`` item whose every resolution word is a runbook's step done (``[JR 13:26]
  T-34. Batch done``, ``step 3 done``, ```pg_ctl promote` done 14:01``: :func:`occ_lib._extract.
  only_steps_done`) is the ticket's ``status``: the ticket goes on until an item resolves it (``DBM-310
  done``).

The events and deadlines tables keep what the text says (``tickets`` stays empty);
:func:`with_threads` gives the analysis (timelines, SLA) the ticket, and a ``via`` column that says
``thread`` for what was inferred and ``text`` for what was written.
"""

from __future__ import annotations

import itertools
import re

import numpy as np
import pandas as pd

from ._extract import OPENED as ex_opened
from ._extract import gives_update, step_done
from ._stamps import CLOCK, CLOCK_DATE

__all__ = ["deadlines_with_threads", "threads", "with_threads"]

# an item's own time at its start: '6:20am', '19:05 UTC:', '[07:18Z]', '**21:45**', '2025-10-10 04:41 UTC',
# a runbook's initials before it, '[AK 13:26]' (:mod:`occ_lib._markdown`'s stamped lines)
_TIME_LED = re.compile(r"(?:\[[A-Z]{2,3}[ \t]|[\W_]{0,4})" + CLOCK_DATE + CLOCK)
_THREAD_ITEMS = frozenset({"list", "line", "paragraph"})
_STORY_KINDS = frozenset({"follow_up", "escalation", "acknowledged", "deadline", "resolved"})


def _lists(values: pd.Series) -> list[list[str]]:
    return [list(v) if isinstance(v, list | tuple | np.ndarray) else [] for v in values]


def _announcements(deadlines: pd.DataFrame | None) -> frozenset[tuple[str, int]]:
    """The (source, line) of the items whose deadlines are all ``window`` ones: windows announced."""
    if deadlines is None or deadlines.empty or not {"source", "line", "keyword"} <= set(deadlines.columns):
        return frozenset()
    seen: dict[tuple[str, int], bool] = {}
    for src, line, kw in zip(deadlines["source"], deadlines["line"], deadlines["keyword"], strict=True):
        key = (str(src), int(line))
        seen[key] = seen.get(key, True) and kw == "window"
    return frozenset(k for k, only in seen.items() if only)


def threads(events: pd.DataFrame, deadlines: pd.DataFrame | None = None) -> pd.Series:
    """Per row of ``events`` (:func:`occ_lib.logs.read_logs`), the ticket of its thread as a one-item
    list, or an empty list (the rules are the module's; ``deadlines``, the logs' deadlines table, tells
    which items only announce a window). Tables without ``source``, ``line`` or ``tickets`` (a
    hand-made one) have no threads."""
    out = pd.Series([[] for _ in range(len(events))], index=events.index, dtype="object")
    need = {"source", "line", "tickets", "section_line"}
    if events.empty or not need <= set(events.columns):
        return out
    tickets = _lists(events["tickets"])
    items = events["item"].tolist() if "item" in events.columns else ["list"] * len(events)
    texts = events["text"].tolist() if "text" in events.columns else [""] * len(events)
    kinds = events["kind"].tolist() if "kind" in events.columns else [""] * len(events)
    keys = list(zip(events["source"].astype(str), events["section_line"].fillna(-1).astype("int64"),
                    strict=True))
    lines = events["line"].astype("int64").tolist()
    windows = _announcements(deadlines)
    promised = _promised(deadlines)
    dated: frozenset[tuple[str, int]] | None = None  # (the items with a deadline, once needed)
    by_section: dict[tuple[str, int], list[int]] = {}
    for i, key in enumerate(keys):
        by_section.setdefault(key, []).append(i)
    ats = events["at"].tolist() if "at" in events.columns else None
    before: dict[str, str] = {}  # (per source, the ticket of its last one-ticket section so far)
    for key in sorted(by_section):  # (source, section line)
        rows = by_section[key]
        named = {t for i in rows for t in tickets[i]}
        if len(named) != 1:
            if len(named) > 1:
                if ats is not None:
                    _next_to(rows, tickets, items, texts, kinds, lines, ats, out)
                if dated is None:
                    dated = _dated(deadlines)
                _runs(rows, tickets, items, texts, kinds, lines, key[0], windows, dated, out, promised)
            continue
        (ticket,) = named
        rows = sorted(rows, key=lambda i: lines[i])
        opener = next(i for i in rows if tickets[i])
        first = lines[opener]
        # ('SEC-302 opened: audit CI logs' in an incident's log: a ticket filed for a task of the
        # incident; the section's escalations stay the incident's, SEC-301's, the file's ticket before)
        outer = before.get(key[0])
        child = outer is not None and outer != ticket and (
            ex_opened.search(str(texts[opener] or "")) is not None)
        closed = False  # (the ticket's last item naming it resolved it: what follows is other work)
        done = {lines[i] for i in rows if tickets[i] and kinds[i] == "resolved"}
        told: str | None = None  # (the words of the items naming the ticket, lower case, once needed)
        for i in rows:
            if tickets[i]:
                closed = lines[i] in done
                continue
            if closed and _AFTERMATH.search(str(texts[i] or "")) is None:
                continue
            if lines[i] > first and _a_step(i, items, texts, kinds, lines, key[0], windows,
                                            _news(i, texts, lines, key[0], promised)):
                if (noun := _other_subject(str(texts[i]))) is not None:
                    if told is None:
                        told = " ".join(str(texts[j] or "") for j in rows if tickets[j]).lower()
                    if _not_told(noun, told):
                        continue  # ('10:15 truck 2 delayed, ETA 15:30' in WMS-311's section: the truck's)
                out.iat[i] = [outer if child and kinds[i] in _PAGE_STEP_KINDS else ticket]
        if not child:
            before[key[0]] = ticket
    return out


def _not_told(noun: str, told: str) -> bool:
    """Whether another thing a ticketless step is about (:func:`_other_subject`) is not the ticket's: the
    calendar's cut-off never is, a truck or a dock only when ``told`` (the words of the ticket's items,
    lower case) names it."""
    return noun == "cut-off" or re.search(rf"\b{noun}", told) is None


def _a_step(i: int, items: list, texts: list, kinds: list, lines: list[int], src: str,
            windows: frozenset[tuple[str, int]], any_kind: bool = False) -> bool:
    """Whether ticketless item ``i`` can tell a step of a thread's story: a time-led list item, line or
    paragraph of a story kind (of any, ``any_kind``), no window announced, naming no '#' ticket (the
    module's rules)."""
    return ((any_kind or kinds[i] in _STORY_KINDS) and items[i] in _THREAD_ITEMS
            and _TIME_LED.match(str(texts[i] or "")) is not None
            and (not windows or (src, lines[i]) not in windows) and not _names_other(texts[i]))


def _promised(deadlines: pd.DataFrame | None) -> frozenset[tuple[str, int]]:
    """The (source, line) of the items that promise the next update (a deadline of keyword ``update``)."""
    if deadlines is None or deadlines.empty or not {"source", "line", "keyword"} <= set(deadlines.columns):
        return frozenset()
    rows = zip(deadlines["source"], deadlines["line"], deadlines["keyword"], strict=True)
    return frozenset((str(s), int(n)) for s, n, kw in rows if kw == "update")


def _news(i: int, texts: list, lines: list[int], src: str, promised: frozenset[tuple[str, int]]) -> bool:
    """Whether ticketless item ``i`` tells the ticket's news, of any kind: it promises the next update
    (``09:30 next update promised by 10:00``, a ``plan``) or says one was given (``09:50 posted an
    update``, ``comms sent``, a ``status`` or a ``note``: :func:`occ_lib._extract.gives_update`)."""
    return (src, lines[i]) in promised or gives_update(str(texts[i] or ""))


def _dated(deadlines: pd.DataFrame | None) -> frozenset[tuple[str, int]]:
    """The (source, line) of the items with a deadline that is no ``window``'s."""
    if deadlines is None or deadlines.empty or not {"source", "line", "keyword"} <= set(deadlines.columns):
        return frozenset()
    rows = zip(deadlines["source"], deadlines["line"], deadlines["keyword"], strict=True)
    return frozenset((str(s), int(n)) for s, n, kw in rows if kw != "window")


def _runs(rows: list[int], tickets: list[list[str]], items: list, texts: list, kinds: list, lines: list[int],
          src: str, windows: frozenset[tuple[str, int]], dated: frozenset[tuple[str, int]],
          out: pd.Series, promised: frozenset[tuple[str, int]] = frozenset()) -> None:
    """In place: in a section of several tickets, the ticketless steps (:func:`_a_step`) between two items
    that name the same one ticket, with no item naming another between them, are about that ticket
    (``05:40 DATA-1 failed``, ``06:52 new ETA 09:30``, ``08:58 DATA-1 resolved``, then ``DE-2 request:
    backfill by Fri``): a later item naming another ticket does not break the run before it. A ``status``
    item with a deadline is one too (``[1:02 PM] ETA slipped to 15:00 CET``: the run's ETA moved, which its
    earlier ETA's row must see to be superseded, not missed), and so is an item of its news, of any kind
    (:func:`_news`: ``promised``, the items promising the next update). Not after an
    item that resolved it (but its aftermath), nor about another thing (:func:`_other_subject`) that the
    run's items do not name."""
    order = sorted(rows, key=lambda i: lines[i])
    start: int | None = None  # (the position in ``order`` of the last item naming one ticket)
    for pos, i in enumerate(order):
        if not tickets[i]:
            continue
        one = set(tickets[i])
        if start is not None and set(tickets[order[start]]) == one and len(one) == 1:
            (ticket,) = one
            opener = order[start]
            told = " ".join((str(texts[opener] or ""), str(texts[i] or ""))).lower()
            closed = kinds[opener] == "resolved"
            for j in order[start + 1:pos]:
                if out.iat[j] or (closed and _AFTERMATH.search(str(texts[j] or "")) is None):
                    continue
                moved = kinds[j] == "status" and (src, lines[j]) in dated
                news = moved or _news(j, texts, lines, src, promised)
                if lines[j] > lines[opener] and _a_step(j, items, texts, kinds, lines, src, windows, news):
                    noun = _other_subject(str(texts[j]))
                    if noun is not None and _not_told(noun, told):
                        continue
                    out.iat[j] = [ticket]
        start = pos if len(set(tickets[i])) == 1 else None


# an item about another thing than its section's ticket, which it opens with (after its stamp): the
# calendar's cut-off ('10:20 cut-off 18:00 for the DC', '12:00 DC cut-off moved to 19:00', '09:00 cut-offs
# 14:00 (UPS) and 16:30 (FedEx)') or a vehicle, dock or carrier of a site's floor ('10:15 truck 2 delayed, ETA
# 15:30', '11:30 UPS pickup rescheduled to 17:00', '12:20 trailer 14 ETA 13:00'); or one that says it is
# about a numbered one ('12:10 escalated to ops manager re truck 2'). The group ``noun`` is the thing's
# word stem, ``cut`` the cut-off's (:func:`_other_subject`)
_FLOOR_NOUNS = (
    r"(?P<noun>truck|trailer|van|lorr|vehicle|driver|dock|door|bay|route|carrier|pick-?up|collection"
    r"|shipment|pallet|container|flight|vessel)(?:s|y|ies|es)?\b"
)
_OTHER_SUBJECT = re.compile(
    r"[\W_]*(?:(?i:the|our|today's|tonight's)\s+)?(?:[A-Z][\w&.-]*\s+){0,2}(?i:(?P<cut>cut-?offs?)\b|"
    + _FLOOR_NOUNS + ")"
)
_ABOUT_NUMBERED = re.compile(r"(?i:\b(?:re:?|regarding|about)\s+(?:the\s+)?" + _FLOOR_NOUNS + r"\s*#?\d)")


def _other_subject(text: str) -> str | None:
    """The thing other than a ticket that ``text`` (an item that opens with its time) is about
    (:data:`_OTHER_SUBJECT`, :data:`_ABOUT_NUMBERED`): 'cut-off' for the calendar's, else the stem of a
    floor's noun ('truck'); None for none. Anchored at the end of the item's stamp (a substring test
    first for the 're' form): cheap."""
    stamp = _TIME_LED.match(text)
    if stamp is None:
        return None
    m = _OTHER_SUBJECT.match(text, stamp.end())
    if m is None:
        low = text.lower()
        if " re" in low or "regarding" in low or "about" in low:
            m = _ABOUT_NUMBERED.search(text, stamp.end())
        if m is None:
            return None
    return "cut-off" if m.groupdict().get("cut") else m.group("noun").lower().replace("-", "-?")


# a ticket of a help desk or an issue tracker written as its number ('#48260'; not 'org/infra#88', 'C#123'):
# an item that writes one is about it (tried only on an item holding a '#')
_HASH_TICKET = re.compile(r"(?<![\w#/&.-])#\d{3,7}(?![\w/-]|[.,:]\d)")


def _names_other(text: object) -> bool:
    """Whether ``text`` names a ticket by a '#' and its number (:data:`_HASH_TICKET`)."""
    return isinstance(text, str) and "#" in text and _HASH_TICKET.search(text) is not None


# what an incident leaves to do once resolved, still its story: 'postmortem due Fri', 'RCA by Monday'
_AFTERMATH = re.compile(
    r"(?i:post[\s-]?mortem|\brca\b|root[\s-]cause|\bpir\b|incident\s+review|retro(?:spective)?\b|write-?up"
    r"|reopen|regress)"
)


_PAGE_STEP_KINDS = frozenset({"escalation", "acknowledged"})
_NEXT_TO_MAX = pd.Timedelta(hours=6)


def _next_to(rows: list[int], tickets: list[list[str]], items: list, texts: list, kinds: list,
             lines: list[int], ats: list, out: pd.Series) -> None:
    """In place: in a section of several tickets, a ticketless time-led ``escalation`` or
    ``acknowledged`` item right after an item of exactly one ticket, timed within 6 hours after it
    (``- 2025-10-10 00:20 UTC paged the IC (Sam); 00:55 escalated to VP Eng`` after ``- 2025-10-09
    23:48 UTC page #PD-Z9Y8X7 for SRE-447``), is about that ticket."""
    by_line: dict[int, list[int]] = {}
    for i in rows:
        by_line.setdefault(lines[i], []).append(i)
    order = sorted(by_line)
    for prev, line in itertools.pairwise(order):
        own = by_line[line]
        before = by_line[prev]
        tks = {t for i in before for t in tickets[i]}
        if len(tks) != 1 or any(tickets[i] for i in own):
            continue
        prev_at = max((ats[i] for i in before if not pd.isna(ats[i])), default=None)
        if prev_at is None:
            continue
        for i in own:
            at = ats[i]
            if (kinds[i] in _PAGE_STEP_KINDS and items[i] in _THREAD_ITEMS and not pd.isna(at)
                    and pd.Timedelta(0) <= at - prev_at <= _NEXT_TO_MAX
                    and _TIME_LED.match(str(texts[i] or "")) is not None and not _names_other(texts[i])):
                out.iat[i] = list(tks)


def with_threads(events: pd.DataFrame, deadlines: pd.DataFrame | None = None) -> pd.DataFrame:
    """``events`` with each threaded row's ``tickets`` set to its thread's ticket, and ``via``:
    ``thread`` for those rows, ``text`` for the others (``deadlines`` as :func:`threads`'); a threaded
    ``resolved`` row whose every resolution word is a step done (:func:`occ_lib._extract.only_steps_done`,
    ``[JR 13:26] T-34. Batch done``), or that a checklist's heading holds (:func:`occ_lib._extract.
    checklist_step`, ``10:05 DNS cutover done`` under ``### Cutover checklist``), is the ticket's ``status``:
    a step, not its resolution."""
    out = _given(events, threads(events, deadlines))
    if "kind" in out.columns and "text" in out.columns:
        step = out["via"].eq("thread") & out["kind"].eq("resolved")
        if step.any():
            # (also a checklist's step, '10:05 DNS cutover done' under '### Cutover checklist')
            secs = out["section"] if "section" in out.columns else pd.Series(None, index=out.index)
            step &= pd.Series([bool(s) and step_done(sec if isinstance(sec, str) else None, str(t or ""))
                               for s, t, sec in zip(step, out["text"], secs, strict=True)], index=out.index)
            if step.any():
                out.loc[step, "kind"] = "status"
    return out


def deadlines_with_threads(deadlines: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """``deadlines`` with a ticketless row's ``tickets`` set to the thread ticket of its item (the
    event of the same source and line), not a ``window`` one, and ``via`` as :func:`with_threads`'.
    ``events`` as :func:`with_threads` gives them (a table without ``via`` is threaded here)."""
    if deadlines.empty or not {"source", "line", "tickets"} <= set(deadlines.columns):
        return deadlines.assign(via="text") if not deadlines.empty else deadlines
    if "via" not in events.columns:
        events = with_threads(events, deadlines)
    th = events[events["via"].eq("thread")]
    found = {} if th.empty else {
        (str(src), int(line)): list(tks)
        for src, line, tks in zip(th["source"], th["line"], th["tickets"], strict=True)
    }
    kws = deadlines["keyword"].tolist() if "keyword" in deadlines.columns else [None] * len(deadlines)
    # ('17:45 Cut-off extended to 18:00' under BOPS-124's heading: the calendar's cut-off moved, no ticket's)
    mvs = (deadlines["moves"].fillna(False).astype(bool).tolist() if "moves" in deadlines.columns
           else [False] * len(deadlines))
    new = [
        found.get((str(s), int(n)), []) if not t and kw != "window" and not (kw == "cutoff" and mv) else []
        for s, n, t, kw, mv in zip(deadlines["source"], deadlines["line"], _lists(deadlines["tickets"]), kws,
                                   mvs, strict=True)
    ]
    return _given(deadlines, pd.Series(new, index=deadlines.index, dtype="object"))


def _given(frame: pd.DataFrame, th: pd.Series) -> pd.DataFrame:
    """``frame`` with the rows whose ``th`` is a ticket list given those tickets, ``via`` saying which."""
    inferred = th.map(bool)
    out = frame.assign(via=np.where(inferred, "thread", "text"))
    if inferred.any():
        out["tickets"] = out["tickets"].where(~inferred, th)
    return out
