"""Which of an item's tickets its kind is about: ``INC-4830 resolved; created OPS-333`` resolves one.

Private helper of :mod:`occ_lib.logs` (the rule is documented there, "ticket groups"). An item's kind
is read from all its words, and every ticket it names used to take it, so the ticket an item opens,
the duplicate it closes a ticket for and the blocker it waits on were resolved, closed or blocked
with it. :func:`ticket_groups` splits the item's tickets by what is said of each:

- a *reference* is a ticket named right after ``duplicate of``, ``dup of``, ``blocked on``/``by``,
  ``waiting on``/``for`` (or ``waiting`` right before the key, a standup cell's ``(waiting SEC-4)``; or
  after a party of a word or two named before the key in brackets, ``blocked on vendor (OPS-9 open)``),
  ``depends on``, ``caused by``, ``related to``, ``unrelated to``, the label
  ``related:`` (``Related tickets:``), ``ref``, ``references``, ``linked to``, ``see``,
  ``tracked in``/``as``, ``superseded by``, ``replaced by``, ``in favour of``, ``split from``, ``same as``,
  ``follow-up to``, ``merged (X) into``, ``moved``/``renamed``/``migrated (X) to``, ``is now``, or after
  words that only point at it: where more is told (``context in``, ``details are in``, ``Background:``,
  ``previously seen in``), a likeness (``same root cause as``, ``similar to``, ``like``; not ``looks
  like``) or where a thing came from (``the change from OPS-11``); or right before what says it holds
  more (``OPS-5 has the history``) or that it is no part of the item (``OPS-1 not related``, ``OPS-3 is
  unrelated``; not ``unrelated to``, whose reference is the ticket after); a list after the words goes
  on through its separators up to a ticket that a verb or a state follows (``see OPS-40, OPS-41
  resolved too``: OPS-41 is a subject): the item says nothing of its own state (a ``note``), and a reference
  never takes the item's kind, even when no clause with a ticket gives it (``PAY-412 dup of PAY-410,
  closed``: PAY-410 stays open);
- a ticket written before a duplicate's, a supersession's, a merge's or a move's words in its clause
  (``OPS-301 dup of OPS-1``, ``Closing OPS-304 as a duplicate of OPS-1``, ``OPS-316 superseded by
  OPS-317``, ``moved OPS-103 to INFRA-9``, ``OPS-319 is now INFRA-13``) is *ended*: ``resolved`` (closed
  as a duplicate, or under its old key by the move; the key pointed at goes on), unless the clause
  guesses, plans or denies it (``may``, ``possible``, ``looks``, ``not``, ``will``, ``be``, a
  question...: ``OPS-1 may be a dup of OPS-2``) or says something else that tells (``reopened``...);
- an item with one ticket of its own besides those it points at gives it the item's kind (``OPS-2 is
  fine, see OPS-1, resolved``: OPS-2 resolved; not a resolution its clause holds open, ``OPS-2 still
  open, see OPS-1, resolved``: a ``note``), unless it ends a ticket (above);
- otherwise each ticket takes the kind of its clause (clauses end at ``;``, a sentence's end, a comma,
  a dash between spaces, parentheses, and at ``and``/``but``/``while`` before a ticket a state follows
  when what is before says more than tickets: ``OPS-1 fixed and 2 pending``), read by
  :func:`occ_lib._extract.classify` alone: a clause that
  only lists tickets (``INC-1, INC-2 and INC-3 resolved``) joins its neighbour, as does one that says
  nothing and marks no contrast (``escalated INC-1 to the VP, INC-2 to the manager``); one that opens
  or links a ticket (``created``, ``opened``, ``filed``, ``raised``, ``linked`` ... ``OPS-333``:
  ``OPS-1 resolved; linked INC-2`` resolves OPS-1 alone) is a ``note``, and so is
  an aside that says nothing (``INC-5521 resolved (rolled back CHG-880)``); one that gives its tickets a
  deadline or a new date (``due`` but not ``due to``, ``ETA``, ``deadline``, ``moved to``, ``postponed``...:
  :func:`_own_date`) is theirs, a ``note``, and leans on no neighbour (``INC-1 resolved; PRB-1 RCA due 24
  Oct``, ``PAY-2 moved to 31 October. PAY-4 done yesterday``: INC-1 and PAY-4 resolved alone).

Only items that name at least two tickets of their own are read this way, and whose kind tells (a
resolution, an escalation ...) or may be split still (:func:`may_split`, a cheap search): one that ends
a ticket, or whose resolution (acknowledgement) is vetoed only by clauses that set other tickets against
it, read without them (``OPS-901 resolved; OPS-902 remains open``, ``OPS-909 closed as duplicate of
OPS-910, which remains open``: a contrast clause with a ticket of its own, or a relative clause after
one, is left out; ``OPS-9 and OPS-10 fixed; not deployed yet`` stays a note). When some clause with a
ticket gives the item's kind, the tickets whose clauses give another one are split off. Cheap: a few
substring checks first, regexes only on the ~1% of items with two tickets.

Deadlines (:func:`deadline_tickets`): each is the item's own tickets named in its clause, a list
opening the item sharing the next clause's (``OPS-1, OPS-2: ETA 18:00``), a bracketed aside written
right after a ticket (not the last of a list, ``OPS-1, OPS-2 (ETA 18:00)``, ``OPS-1 and OPS-2 (...)``)
that ticket's: ``INC-101 (due 10/14), INC-102 (due Oct 16)`` gives each its own date (:func:`_keyed_aside`);
one written right after a ticket its clause only waits on or refers to is that clause's own tickets'
(``OPS-54 blocked on DEP-9 (ETA 15:00), OPS-55 done``: OPS-54's, not OPS-55's), and so is a clause after
a comma that names no ticket (``OPS-54 blocked on DEP-9, ETA 15:00, OPS-55 done``: :func:`_waiting_clause`);
a deadline whose clause names
none takes its sentence's or ``;`` part's when that names some but not all; and one whose part names
none either is the item's *lead* ticket's alone (:func:`_lead`: the one it opens with, after a time
stamp, a date before it, its zone and decoration, ``SUP-4410 update:``, ``OPS-1:``, ``OPS-1 -``; or the
one a subject form opening the item names, ``Update on SUP-4410:``, ``Re: OPS-1``, or that the one ticket
before it was opened for, ``Incident INC-2 opened for OPS-1.``, or that opens the clause after one that
names one ticket and only opens it, ``Incident INC-2 opened, OPS-1 slow.``: :func:`_told_after_opened`)
when every other ticket is only opened or linked in a clause of its own (``created``, ``opened``,
``filed``, ``spun``, ``linked``: ``SUP-4410 update: customer confirmed the workaround, incident INC-7301
opened. ETA 15:00 BST.`` is SUP-4410's) or after the lead's ``KEY:`` (``OPS-1: opened INC-2 for the outage.
ETA 17:00``), or only referred to or
waited on (:func:`references`, :func:`blockers`). A lead its clause resolves leaves the deadline to the
tickets the item opened (``OPS-1 resolved; created OPS-2 for the root-cause fix. ETA 17:00``: OPS-2's
work is what is left). Otherwise it is every ticket's: a list as one subject (``OPS-1 and OPS-2 blocked,
ETA 17:00``, ``OPS-1 and OPS-2 opened, ETA 17:00``, ``Update on OPS-1 and OPS-2: ...``), another ticket
told more of (``INC-2 opened, INC-2 paging SRE``), an item that opens with no ticket nor names one in a
subject form or after an opened one (``Incident INC-2 opened: OPS-1 and OPS-2 slow``), or a resolved lead
and no ticket opened (``OPS-1 resolved; linked INC-2``). A deadline of a sentence or ``;`` part that names
none of the item's tickets and opens with another subject of the same noun as a part that names them is no
ticket's (:func:`other_subjects`: ``Sony cert due Oct 16 (CERT-41); Xbox cert ... result ETA Fri``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable

from . import _extract as ex
from ._stamps import CLOCK, CLOCK_DATE

# a ticket key as the reference words may write one between a verb and its preposition ('merged PAY-411
# into PAY-410', 'moved OPS-103 to INFRA-9'); the keys themselves are the ticket rules' own
_KEYISH = r"[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d+"
_KEYS = rf"(?:\s+{_KEYISH}(?:\s*(?:,|and|&)\s*{_KEYISH})*)?"
# a key right after ``waiting`` with no preposition, a standup cell's shorthand ('Blocked (waiting SEC-4)')
_BARE_KEY = rf"(?-i:[#\[`*_]*{_KEYISH}\b)"
# who a ticket is blocked on or waits for, named in a word or two before the key in brackets: 'blocked on
# vendor (OPS-9 open with them)', 'waiting on AWS support (CASE-12)': the key is what it waits for
_PARTY_PAREN = (
    r"\s+(?:(?i:the|our|their)\s+)?(?![#\[`*_]*" + _KEYISH
    + r"\b)[A-Za-z][\w.&-]*(?:\s+[A-Za-z][\w.&-]*)?\s*\("
)
# the words of a ticket blocked on or waiting for another, up to where that one's key (or the party
# before it in brackets) is written: :data:`_REFERENCE` and :data:`_WAITS_ON`
_WAITS = (
    r"\bblocked\s+(?:on|by)" + _PARTY_PAREN + r"|\bwaiting\s+(?:on|for)" + _PARTY_PAREN
    + r"|\bblocked\s+(?:on|by)|\bwaiting\s+(?:on|for)|\bwaiting(?=\s+" + _BARE_KEY + r")|\bawaiting"
)


def _exact_first(pattern: str) -> str:
    """``pattern`` with each branch's ``\\b`` and first letter written as a class of its two cases
    ('\\bsee' -> '(?-i:[Ss])ee'): re skips a branch that opens with a class on its first character
    without entering it (~40% faster here). The same matches where the pattern's lookahead has already
    asserted the word's start and an ASCII letter (every ``\\b`` before a letter opens a branch)."""
    return re.sub(r"\\b([a-z])", lambda m: f"(?-i:[{m.group(1).upper()}{m.group(1)}])", pattern)


# what names a ticket as what another one points at, up to where the key is written ((the|ticket|issue|#)
# may come between); the key itself is the ticket rules' own (:func:`occ_lib._extract.ticket_spans`).
# The group ``end`` holds the words that end the ticket written before them in their clause (a duplicate,
# one superseded, merged or moved: :func:`_ended`)
_REFERENCE = re.compile(_exact_first(
    r"\b(?=[abcdfhilmprstuwABCDFHILMPRSTUW])"  # (each branch opens a word with one of these: 5x faster)
    r"(?i:(?P<end>\b(?:duplicates?|dups?|dupes?|dup\.|copy)\s+of|\bsuperseded\s+by|\breplaced\s+by"
    r"|\bin\s+favou?r\s+of|\bis\s+now"
    r"|\b(?:merged|merging|folded|rolled|combined|consolidated)" + _KEYS + r"\s+into"
    r"|\b(?:moved|migrated|transferred|renamed|re-?keyed|re-?filed|converted)" + _KEYS
    + r"\s+(?:(?:in)?to|as))"
    r"|" + _WAITS
    + r"|\bdepends\s+on|\bdependent\s+on|\bdependency\s+on|\bcaused\s+by|\brelated\s+to|\brelates\s+to"
    r"|\blinked\s+to|\bunrelated\s+to|\brelated(?:\s+(?:tickets|issues|incidents))?(?=\s*:)"
    r"|\b(?:refs?|references?)\b|\bdepending\s+on"
    r"|\bsee\b(?:\s+also)?|\bcf\.?|\btracked\s+(?:in|by|under|as)"
    r"|\bsplit\s+(?:from|out\s+of)|\bsame\s+as|\bfollow[- ]up\s+(?:to|of)|\bpart\s+of"
    r"|\bchild\s+of|\bparent"
    # passing mentions: where more is told ('context in', 'Background:'), a likeness ('same root cause
    # as', 'like OPS-10'), where a thing came from ('the change from OPS-11')
    r"|\b(?:context|background|history|details)(?:\s+(?:is|are|in|on|under)){0,2}"
    r"|\bseen\s+(?:in|on|with)|\bsame(?:\s+[\w-]+){1,3}?\s+as|\bsimilar\s+to|\bas\s+(?:in|with)"
    r"|(?<!looks\s)(?<!seems\s)\blike|\bunlike|\bfrom)"
    r"(?:\s+(?i:the|ticket|issue|incident))*\s*[:#]?\s*\[?"  # ('see [OPS-2](url)')
))
# what a ticket written before it has ('OPS-5 has the history'): it is where more is told
# or what says it is no part of the item ('OPS-1 not related, closed', 'OPS-3 is unrelated'; not 'OPS-9
# unrelated to OPS-10', whose reference is the ticket after)
_HAS_MORE = re.compile(
    r"\s+(?i:has|have|had|holds|carries|contains)\s+(?i:(?:the|more|full|all|some|its|prior|earlier)\s+){0,3}"
    r"(?i:history|context|background|details|timeline|discussion|notes)\b"
    r"|[\])`*_]*\s+(?i:(?:is|was|seems|looks|appears|probably|likely)\s+){0,2}"
    r"(?i:not\s+related|unrelated|not\s+relevant|irrelevant|not\s+involved)\b(?!\s+(?i:to|with)\b)"
)
# what may make an item whose kind does not tell name tickets of different states, lower case: a duplicate
# or a move (:func:`_ended`)
_ENDS = (
    "dup", "supersed", "replaced", "favour", "favor", "is now", "merg", "folded", "rolled", "combined",
    "consolidated", "moved", "migrated", "transferred", "renamed", "rekeyed", "re-keyed", "refiled",
    "re-filed", "converted",
)
# or a resolution (an acknowledgement) vetoed by another ticket's words ('OPS-901 resolved; OPS-902 remains
# open', :func:`_told_without`): the item's keywords name both
_VETOED = ex._RESOLVED | ex._COMPLETE | ex._ACK
_VETOES = ex._NOT_RESOLVED
# a relative clause about the ticket before it ('OPS-909 closed as dup of OPS-910, which remains open')
_RELATIVE = re.compile(r"\s*(?i:which|that|who)\b")
# a markdown link, '[OPS-1](https://...)' (its URL may be blanked already: :func:`occ_lib._extract.kind_text`)
_LINK = re.compile(r"\[([^\]\n]*)\]\((?:[^)\s]*| *)\)")
_BREAK = re.compile(r"[;!?]\s+|\.\s+|,\s*(?=\S)|\s[\u2013\u2014-]\s|[()\[\]]")
# what a clause that only lists tickets is made of besides them
_LIST_GLUE = re.compile(
    r"(?i:\s|and|or|&(?:amp;)?|\+|plus|also|both|all|as well|too|tickets?|issues?|[,/:*_`'\"])*"
)
#: The kinds that tell something happened to a ticket (a paragraph of another kind is no event, and
#: its clauses are not split: :mod:`occ_lib.logs`).
TELLING = frozenset(("escalation", "reopened", "resolved", "acknowledged", "follow_up", "blocked"))
# the words of a clause that opens or links a ticket ('created OPS-333', 'linked INC-2'): the ticket's
# story begins or is tied to the item's, nothing more is said of it (:func:`_said`; :data:`_OPENED`)
_OPENS = frozenset(
    {"created", "opened", "filed", "raised", "logged", "spun", "new", "cut", "started", "linked"}
)
# words that set a clause against the one before it ('INC-4832 still fine')
_CONTRAST = frozenset(
    {"still", "remains", "remain", "remaining", "unaffected", "untouched", "unchanged", "fine", "ok",
     "okay", "open", "unrelated", "separate", "separately", "other", "not", "no", "yet", "but",
     "however", "whereas", "while", "isn't", "wasn't", "aren't", "hasn't", "haven't", "didn't",
     "doesn't", "won't", "n/a"}
)

# a deadline or a date moved to, in a clause of tickets whose kind does not tell (:func:`_own_date`); its
# cheap substring gate first
_DATE_CUES = ("due", "eta", "deadline", "target", "to ", "postpone", "resched", "defer")
_OWN_DATE = re.compile(
    r"(?i:\bdue\b(?!\s+to\b)|\beta\b|\bdeadline\b|\btarget(?:ed|ing)?\s+(?:for|date|is|of|by|\d)"
    r"|\b(?:moved|pushed|slipped|slipping|slips|moves|pushes|postponed|rescheduled|deferred|delayed|shifted)"
    r"(?:\s+(?:back|out|again))?\s+(?:to|until|till)\s+(?:the\s+)?(?:\d|next\b|tomorrow|end\b|eo[dw]\b|q[1-4]\b"
    r"|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
    r"|\b(?:postponed|rescheduled|deferred)\b)"
)


def ticket_groups(
    text: str, owned: list[str], kind: str, level: int
) -> list[tuple[list[str], str, int]] | None:
    """``[(tickets, kind, level), ...]`` when the item's own tickets ``owned`` are not all of the
    item's ``kind``: the item's group first (its kind and level), then the others in order of
    mention; None when every ticket takes the item's kind (nothing to split).

    An item whose ``kind`` does not tell (a ``note``...) may still be split: when it ends a ticket
    (:func:`_ended`: the duplicate, the ticket superseded, merged or moved is resolved), or when its
    resolution (acknowledgement) is vetoed only by the clauses that set other tickets against it
    (:func:`_told_without`: 'OPS-901 resolved; OPS-902 remains open')."""
    if len(owned) < 2:
        return None
    text = _unlinked(text)
    mine = set(owned)  # (a set: a pasted export names thousands)
    refs, targets = _references(text, mine)
    if refs and not targets and (subject := _one_subject(owned, refs)) is not None:
        # ('OPS-2 is fine, see OPS-1, resolved': the item's one ticket of its own takes its kind)
        if kind == "note":
            return None
        if kind in _SETTLES and _held_open(text, subject, refs):
            kind, level = "note", 0  # ('OPS-2 still open, see OPS-1, resolved': not OPS-2's resolution)
        return [([subject], kind, level), ([t for t in owned if t in refs], "note", 0)]
    spans = _spans(text)
    if len(spans) < 2 and not refs:
        return None
    clauses = [(text[lo:hi], aside) for lo, hi, aside in spans]
    # each clause's own tickets, those pointed at left out (found once: the reads below share them)
    owns = _clause_tickets(text, spans, mine, refs)
    kinds: list[tuple[str, int] | None] = [None] * len(clauses)  # (each clause's, read once: _kind)
    told = False  # (the item's kind read without the clauses of the tickets set against it)
    if kind not in TELLING and (found := _told_without(clauses, owns, kinds)) is not None:
        (kind, level), told = found, True
    ended = _ended(text, spans, mine, refs, targets) if targets else set()
    if ended and kind not in TELLING:
        kind, level = "resolved", 0  # ('OPS-301 dup of OPS-1': the duplicate is closed)
    own: dict[str, tuple[str, int]] = {}
    telling = False
    prev: tuple[str, int] | None = None
    pending: list[str] = []  # tickets of clauses that lean on the next one
    for i, keys in enumerate(owns):
        if not keys:
            continue
        said = _said(clauses, i, keys, kinds)
        if ended and (said is None or said[0] not in TELLING or said[0] == "resolved"):
            for t in keys:  # (the ticket a duplicate or a move ends: resolved, whatever else it says)
                if t in ended:
                    own.setdefault(t, ("resolved", 0))
                    telling = telling or kind == "resolved"
        if said is None:  # (a bare list or a clause that says nothing of its own)
            if prev is None:
                pending += keys
                continue
            said = prev
        if said[0] == kind:
            said, telling = (kind, level), True
        for t in [*pending, *keys]:
            own.setdefault(t, said)
        pending, prev = [], said
    if not telling and (told or not refs):
        return None  # (no clause with a ticket says what the item does: the item's words decide)
    for t in pending:
        own.setdefault(t, (kind, level))
    for t in refs:
        own.setdefault(t, ("note", 0))  # (a ticket pointed at never takes the item's kind)
    groups: dict[tuple[str, int], list[str]] = {(kind, level): []}
    for t in owned:
        groups.setdefault(own.get(t, (kind, level)), []).append(t)
    if len(groups) < 2:
        return None
    return [(tks, k, lv) for (k, lv), tks in groups.items()]


def _clause_tickets(
    text: str, spans: list[tuple[int, int, bool]], mine: set[str], refs: set[str]
) -> list[list[str]]:
    """The tickets of ``mine`` (not ``refs``) written in each clause of ``spans``, by where each is written:
    a sibling's number is its clause's ('OPS-1 fixed and 2 pending': OPS-2 is the second clause's)."""
    owns: list[list[str]] = [[] for _ in spans]
    los = [lo for lo, _, _ in spans]
    for at, key in ex.ticket_spans(text):
        if key in mine and key not in refs:
            n = bisect_right(los, at) - 1
            if n >= 0 and at < spans[n][1] and key not in owns[n]:
                owns[n].append(key)
    return owns


def _one_subject(owned: list[str], refs: set[str]) -> str | None:
    """The item's one ticket besides those it points at, when it has exactly one: what the item tells
    of is that ticket's, whatever clause says it."""
    rest = [t for t in owned if t not in refs]
    return rest[0] if len(rest) == 1 else None


# the kinds a clause that holds its ticket open vetoes (:func:`_held_open`)
_SETTLES = frozenset(("resolved", "acknowledged"))


def _held_open(text: str, subject: str, refs: set[str]) -> bool:
    """Whether the clause where ``subject`` is first written says it is not settled ('OPS-2 still open',
    'remains', 'not yet'), its references and a negation before them left out ('OPS-2 not blocked by
    OPS-1' is no veto); 'OPS-2 is fine' is none either."""
    at = text.find(subject)
    for lo, hi, _ in _spans(text):
        if lo <= at < hi:
            rest = _unreferenced(_without(text[lo:hi], [subject, *refs])).lower()
            return "n't" in rest or not ex.words(rest).isdisjoint(_VETOES | {"open"})
    return False


def may_split(text: str, w: frozenset[str]) -> bool:
    """Whether an item whose kind does not tell may still name tickets of different states, from its
    ``text`` and keywords ``w`` (:func:`occ_lib._extract.keywords`): a cheap check before
    :func:`ticket_groups` for a duplicate, a move (substrings) or a vetoed resolution (keywords)."""
    if not w.isdisjoint(_VETOED) and not w.isdisjoint(_VETOES):
        return True
    low = text.lower()
    return any(e in low for e in _ENDS)


def _references(text: str, mine: set[str]) -> tuple[set[str], list[int]]:
    """The tickets of ``mine`` that ``text`` names right after a reference's words ('duplicate of'),
    or right before what says it holds more ('OPS-5 has the history'); and the offsets of those
    written after words that end the ticket before them ('OPS-301 dup of OPS-1', :func:`_ended`)."""
    ends: dict[int, bool] = {m.end(): m.group("end") is not None for m in _REFERENCE.finditer(text)}
    refs: set[str] = set()
    targets: list[int] = []
    more = _has_more(text)
    for at, key in ex.ticket_spans(text):
        if key not in mine:
            continue
        if at in ends:
            refs.add(key)
            if ends[at]:
                targets.append(at)
        elif more and _HAS_MORE.match(text, at + len(key)):
            refs.add(key)
    return refs, targets


def _ended(
    text: str, spans: list[tuple[int, int, bool]], mine: set[str], refs: set[str], targets: list[int]
) -> set[str]:
    """The item's own tickets that a duplicate's or a move's words end: those written before such a
    reference in its clause ('OPS-301 dup of OPS-1', 'Closing OPS-304 as a duplicate of OPS-1', 'moved
    OPS-103 to INFRA-9', 'OPS-319 is now INFRA-13'), unless the clause guesses, plans or denies it
    ('possible dup of OPS-1?', 'not a dup of OPS-1', 'will be merged into OPS-2': :data:`ex.HEDGES`)."""
    out: set[str] = set()
    los = [lo for lo, _, _ in spans]
    for at in targets:
        n = bisect_right(los, at) - 1
        if n < 0:
            continue
        lo = spans[n][0]
        clause = text[lo:at]
        if "?" in text[lo:spans[n][1]] or "n't" in clause or not ex.words(clause).isdisjoint(ex.HEDGES):
            continue
        out.update(key for _, key in ex.ticket_spans(clause) if key in mine and key not in refs)
    return out


def _told_without(
    clauses: list[tuple[str, bool]], owns: list[list[str]], kinds: list[tuple[str, int] | None]
) -> tuple[str, int] | None:
    """The kind (and level) of an item read without the clauses that set some of its tickets against
    the rest ('OPS-902 remains open', ', which remains open' right after a ticket), when one was left
    out and the rest tells; else None. ``owns``: each clause's own tickets, not those pointed at;
    ``kinds``: the clauses' kinds read so far (:func:`_kind`)."""
    kept: list[str] = []
    dropped = False
    for i, ((clause, _aside), keys) in enumerate(zip(clauses, owns, strict=True)):
        if keys or _RELATIVE.match(clause):
            rest = _unreferenced(_without(clause, keys)).lower()
            if ("n't" in rest or not ex.words(rest).isdisjoint(_CONTRAST)) and (
                _kind(clauses, i, kinds)[0] not in TELLING
            ):
                dropped = True
                continue
        kept.append(clause)
    if not dropped or not kept:
        return None
    rest = "; ".join(kept)
    said = ex.classify(rest, ex.keywords(rest), False)
    return said if said[0] in TELLING else None


def _unlinked(text: str) -> str:
    """``text`` with each markdown link as its words, blanks in place of the brackets and the URL (so
    offsets still point at the same characters): a link's brackets are no clause breaks."""
    if "](" not in text:
        return text
    return _LINK.sub(lambda m: " " + m.group(1) + " " * (m.end() - m.start() - len(m.group(1)) - 1), text)


def _spans(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, aside)`` of each clause of ``text`` (:func:`_unlinked` already); an aside is
    opened by a parenthesis."""
    out, lo, aside = [], 0, False
    for m in _BREAK.finditer(text):
        if m.start() > lo:
            out.append((lo, m.start(), aside))
        lo, aside = m.end(), m.group() in "(["
    if lo < len(text):
        out.append((lo, len(text), aside))
    if " and " in text or " but " in text or " & " in text or " while " in text or " whereas " in text:
        out = _joined_split(text, out)
    return out


# 'and', 'but' ... before a ticket (or a sibling's number) that a state follows: it opens a clause of its
# own when what comes before it says more than tickets ('OPS-1 fixed and OPS-2 pending', 'OPS-1 fixed and
# 2 pending', 'OPS-1 resolved but OPS-2 still open'; not 'OPS-1 and OPS-2 fixed', one list)
_JOINED = re.compile(
    r"\s+(?:and|&|but|while|whereas)\s+(?=(?:" + _KEYISH + r"|\d{1,7})[\]`*_]*\s+"
    r"(?:(?:is|are|was|were|still|now|also|has|have|got|remains|stays)\s+){0,2}" + ex._STATES + ")"
)
_KEY = re.compile(_KEYISH)


def _joined_split(text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """``spans`` (:func:`_spans`) with each clause split where :data:`_JOINED` opens a new one."""
    out = []
    for lo, hi, aside in spans:
        for m in _JOINED.finditer(text, lo, hi):
            if _LIST_GLUE.fullmatch(_KEY.sub(" ", text[lo:m.start()])) is None:
                out.append((lo, m.start(), aside))
                lo = m.end()
        out.append((lo, hi, aside))
    return out


# a negation right before a reference's words ('OPS-2 not related to OPS-1', 'is not caused by', 'no
# longer related to', "isn't blocked on"), or 'unrelated to': it says the ticket pointed at is no part of
# it, not that the ticket before is set against the item (:func:`_unreferenced`)
_NEG_REF = re.compile(r"(?:\b(?:not|never|no\s+longer)|n['’]t)\s+$")


def _unreferenced(rest: str) -> str:
    """A clause ``rest`` (its own tickets blanked, :func:`_without`) without what points at another
    ticket, a negation before it included ('OPS-2 not related to OPS-1, closed': OPS-2 is closed, OPS-1
    pointed at; 'unrelated to'): what is left may set the clause against the item (:data:`_CONTRAST`)."""
    if "n" not in rest:
        return rest  # (every negation and 'unrelated' has an 'n')
    parts, last = [], 0
    for m in _REFERENCE.finditer(rest):
        neg = _NEG_REF.search(rest, last, m.start())
        parts += [rest[last:m.start() if neg is None else neg.start()], " "]
        last = m.end()
    return "".join(parts) + rest[last:] if parts else rest


def _without(clause: str, keys: list[str]) -> str:
    """``clause`` with its tickets ``keys`` blanked: what it says besides naming them."""
    for t in keys:
        clause = clause.replace(t, " ")
    return clause


def _bare(clause: str, keys: list[str], first: bool = False) -> bool:
    """Whether ``clause`` only lists its tickets ('INC-2 and INC-3'); the ``first`` one of an item after
    the time it opens with too ('10:00 UTC OPS-1, OPS-2 ETA 17:00': the ETA is both tickets')."""
    if first and clause.lstrip()[:1].isdigit() and (m := _LEAD_STAMP.match(clause)) is not None:
        clause = clause[m.end():]
    return _LIST_GLUE.fullmatch(_without(clause, keys)) is not None


# the time an item opens with ('10:00', '2025-10-09 10:00 UTC', '9:05 AM ET'): no part of a ticket list
_LEAD_STAMP = re.compile(r"\s*" + CLOCK_DATE + CLOCK + r"(?=\s)")


# what names the tickets written after it as what the item's subject waits for ('OPS-54 blocked on
# DEPLOY-9, ETA 15:00': the ETA is OPS-54's): :func:`blockers`
_WAITS_ON = re.compile(
    r"\b(?i:" + _WAITS + r"|depends\s+on|depending\s+on"
    r"|dependent\s+on|dependency\s+on)"
    r"(?:\s+(?i:the|ticket|issue|incident|change))*\s*[:#]?\s*\[?"
)
# what joins the tickets of one list after those words ('blocked on DEPLOY-9 and DEPLOY-10')
_KEY_GLUE = re.compile(r"[\]`*_]*\s*(?:,|&|/|\+|(?i:and|or)\b)\s*(?:(?i:the)\s+)?[#\[`*_]*")


def references(text: str, owned: list[str]) -> list[str]:
    """The tickets of ``owned`` that ``text`` only refers to, in order of mention: each written right
    after a reference's words (``see also``, ``dup of``, ``cf.``, ``related to``, ``blocked on``, the
    label ``related:``..., and the rest of a list after them: ``see OPS-1, OPS-2``; not a move's or a
    rename's new key, ``moved OPS-103 to INFRA-9``, ``OPS-319 is now INFRA-13``: the ticket itself, going
    on) or right before what says it holds more (``OPS-5 has the history``), and nowhere else in the
    item (``OPS-6 dup of OPS-2; OPS-2 stays open`` is about OPS-2 too, as ``dup of OPS-910, which remains
    open`` is). The item says nothing of their state: they are no tickets of its events, nor of its
    deadlines (:mod:`occ_lib.logs`, ``refs``)."""
    if not owned:
        return []
    first = _REFERENCE.search(text) if _may_refer(text) else None
    if first is None and not _has_more(text):
        return []
    linked, text = text, _unlinked(text)
    mine = set(owned)
    spans = [(at, key) for at, key in ex.ticket_spans(text) if key in mine]
    starts = {at: key for at, key in spans}
    # (the text as searched, no link in it: its matches are those from the first one found, none when
    # none was; _may_refer's False is a superset's, no match either. A link unlinked: all searched anew)
    refs = (
        _REFERENCE.finditer(text) if text is not linked
        else () if first is None else _REFERENCE.finditer(text, first.start())
    )
    # ('moved OPS-103 to INFRA-9': the new key is the ticket, going on)
    pointed = _listed(text, starts, (
        m.end() for m in refs if (end := m.group("end")) is None or not _MOVED.match(end)
    ))
    if _has_more(text):
        pointed.update(at for at, key in spans if _HAS_MORE.match(text, at + len(key)))
    found = {key for at, key in spans if at in pointed}
    # (written elsewhere, or told of in a relative clause after it, 'dup of OPS-910, which remains open')
    found -= {key for at, key in spans if at not in pointed or _TOLD.match(text, at + len(key))}
    return [t for t in dict.fromkeys(key for _, key in spans) if t in found]


# a relative clause about the ticket right before it ('dup of OPS-910, which remains open'): it is told of
_TOLD = re.compile(r"[\])]*\s*,?\s*(?i:which|who)\b")
# the words of a move or a rename, whose key is the ticket itself under its new name ('OPS-319 is now
# INFRA-13'): no reference
_MOVED = re.compile(
    r"(?i:is\s+now|moved|migrated|transferred|renamed|re-?keyed|re-?filed|converted)\b"
)


def _listed(text: str, starts: dict[int, str], ats: Iterable[int]) -> set[int]:
    """The offsets of the tickets written at each of ``ats`` (where a reference's or a wait's words
    end) and of the rest of a list after each ('see also OPS-1 and OPS-2', 'blocked on DEPLOY-9,
    DEPLOY-10'); ``starts`` maps each ticket's offset to its key."""
    out: set[int] = set()
    for at in ats:
        first = True
        while at in starts:
            end = at + len(starts[at])
            if not first and (said := _NEXT_WORD.match(text, end)) is not None and (
                said.group(1).lower() in _SAYS_OF
            ):
                break  # ('see OPS-40, OPS-41 resolved too': OPS-41 opens a clause of its own)
            out.add(at)
            glue = _KEY_GLUE.match(text, end)
            if glue is None:
                break
            at, first = glue.end(), False
    return out


# the word right after a ticket of a list; a list goes on through its separators ('see OPS-1, OPS-2 and
# OPS-3') up to a ticket that a verb or a state follows, the subject of a clause of its own ('blocked on
# DEPLOY-9, DEPLOY-10 shipped': DEPLOY-10 is no blocker)
_NEXT_WORD = re.compile(r"[\])`*_]*[ \t]+([\w'’-]+)")
_SAYS_OF = (
    ex._RESOLVED | ex._ACK | ex._BLOCKED | ex._REOPENED | ex._ESC_DONE | ex._FOLLOW
    | frozenset({
        "is", "are", "was", "were", "has", "have", "had", "got", "gets", "will", "still", "now", "remains",
        "stays", "open", "opened", "reopened", "shipped", "deployed", "released", "merged", "landed",
        "done", "failed", "failing", "broke", "broken", "down", "degraded", "live", "rolled", "reverted",
        "started", "starting", "running", "ongoing", "investigating", "needs", "went", "goes", "came",
        "completed", "complete", "finished", "fine", "ok", "okay", "green", "red",
    })
)


def _may_refer(text: str) -> bool:
    """A cheap check before :data:`_REFERENCE`, which is tried at many words of every item: a text whose
    ``lower`` is what IGNORECASE matches (ASCII, or no letter it folds otherwise:
    :func:`occ_lib._extract.folds_plainly`) holds a word of one of its branches, or an 'as' before
    'in'/'with' (the one word with a space, 'follow up', the pattern writes with a space; ``_AS_IN``
    reads ``\\s`` as the pattern does). A superset; any other text is searched."""
    if not ex.folds_plainly(text):
        return True
    low = text.lower()
    return (
        "dup" in low or "copy" in low or "supersed" in low or "replaced" in low or "favo" in low
        or "now" in low or "into" in low or "moved" in low or "migrated" in low or "transferred" in low
        or "renamed" in low or "keyed" in low or "filed" in low or "converted" in low or "blocked" in low
        or "waiting" in low or "depend" in low or "caused" in low or "relat" in low or "linked" in low
        or "ref" in low or "see" in low or "cf" in low or "tracked" in low or "split" in low or "same" in low
        or "follow-up" in low or "follow up" in low or "part" in low or "child" in low or "parent" in low
        or "context" in low or "background" in low or "history" in low or "details" in low
        or "similar" in low or "like" in low or "from" in low
        or ("as" in low and _AS_IN.search(low) is not None)
    )


_AS_IN = re.compile(r"as\s+(?:in|with)")  # (the one branch of _REFERENCE with no rarer word)


def _has_more(text: str) -> bool:
    """A cheap check before :data:`_HAS_MORE` ('OPS-5 has the history')."""
    return (" ha" in text or " hold" in text or " carr" in text or " contain" in text or "relat" in text
            or "relevan" in text or "involved" in text)


def blockers(text: str, owned: list[str]) -> set[str]:
    """The tickets of ``owned`` that ``text`` names only as what another waits for, right after
    ``blocked on``/``by``, ``waiting on``/``for``, ``awaiting``, ``depends on`` (a list of them too):
    a deadline the item sets is its subject's, not its blocker's. A ticket also written elsewhere in
    the item ('OPS-54 blocked on DEPLOY-9; DEPLOY-9 ETA 15:00') is not one (it may be what the
    deadline is of)."""
    if not _WAITS_ON.search(text):
        return set()
    text = _unlinked(text)
    mine = set(owned)
    spans = [(at, key) for at, key in ex.ticket_spans(text) if key in mine]
    starts = {at: key for at, key in spans}
    waited = _listed(text, starts, (m.end() for m in _WAITS_ON.finditer(text)))
    found = {key for at, key in spans if at in waited}
    return found - {key for at, key in spans if at not in waited}


# what may stand before an item's subject: a time stamp (a date before it too: '2025-10-10 04:41 UTC
# OPS-1'), its zone, decoration ('10:10 QA-316 needs...', '[07:18Z] **OPS-4**', '- [x] OPS-4', '09:40
# BST SUP-4410'); :func:`_lead`, and :mod:`occ_lib.logs`
SUBJECT_LEAD = re.compile(
    r"[\s*_`>\[\](){}|:#~-]*(?:" + CLOCK_DATE + CLOCK + r"[\s*_`>\[\](){}|:~,\u2013\u2014-]*)?",
    re.IGNORECASE,
)
# the words of a clause that only mentions a ticket as opened or linked ('incident INC-7301 opened',
# 'created OPS-2', 'filed VND-9 with the vendor', 'linked INC-2'): :func:`_lead`
_OPENED = _OPENS - {"raised", "logged", "new", "cut", "started"}


def deadline_tickets(
    text: str, owned: list[str], starts: list[int], ends: list[int] | None = None, export: bool = False,
) -> list[list[str] | None]:
    """For each deadline mention starting at an offset in ``starts``, the item's own tickets named in
    its clause ('OPS-1 ETA 17:00; OPS-2 ETA 18:00': each ETA is its ticket's), or None when its clause
    names none (the deadline is every ticket's, as before). A clause that only lists tickets joins the
    one after it when it opens the item, else the one before: 'OPS-1, OPS-2: ETA 18:00' and 'ETA 18:00
    for OPS-1, OPS-2' give both.

    In an ``export`` (an item with more deadlines than a person writes, each ending at its offset in
    ``ends``) only a deadline alone in its clause takes the clause's tickets; any other takes those
    written since the deadline before it, else the last one written before it, else the first after
    it: so that no list of tickets is copied to more than one row (rows x tickets)."""
    text = _unlinked(text)
    spans = _spans(text)
    mine = set(owned)
    keys = [[t for t in ex.tickets(text[lo:hi]) if t in mine] for lo, hi, _ in spans]
    merged = [list(k) for k in keys]
    lead: list[str] = []
    last = -1  # the last clause before this one that names tickets
    all_bare = True  # (whether every such clause only lists them)
    for i, (lo, hi, _) in enumerate(spans):
        bare = bool(keys[i]) and _bare(text[lo:hi], keys[i], i == 0)
        if bare and all_bare:
            lead += keys[i]  # (a list opening the item: the next clause's)
        elif bare:
            merged[last] += keys[i]
        elif keys[i] and lead:
            merged[i] = lead + merged[i]
            lead = []
        if keys[i]:
            last, all_bare = i, all_bare and bare
    for i in range(1, len(spans)):
        if spans[i][2] and not keys[i] and (key := _keyed_aside(text, spans, keys, i, owned)) is not None:
            merged[i] = key  # ('INC-101 (due 10/14), INC-102 (due Oct 16)': each its own)
        elif not spans[i][2] and not keys[i] and (key := _waiting_clause(text, spans, keys, i, owned)):
            merged[i] = key  # ('OPS-54 blocked on DEP-9, ETA 15:00, OPS-55 done': OPS-54's)
    los = [lo for lo, _, _ in spans]
    where: list[int | None] = []  # the clause of each deadline
    for start in starts:
        n = bisect_right(los, start) - 1
        where.append(n if n >= 0 and start < spans[n][1] else None)
    if export and ends is not None:
        return _export_tickets(text, mine, starts, ends, where, merged)
    out = [list(dict.fromkeys(merged[i])) if i is not None and merged[i] else None for i in where]
    if None in out:
        _part_tickets(text, mine, starts, out)
    if None in out and (lead := _lead(text, owned, spans)) is not None:
        out = [list(lead) if t is None else t for t in out]
    return out


def _keyed_aside(
    text: str, spans: list[tuple[int, int, bool]], keys: list[list[str]], i: int, owned: list[str]
) -> list[str] | None:
    """The tickets the aside ``spans[i]`` (opened by a bracket, naming no ticket) is about: the one its
    clause before ends with, right before the bracket ('INC-101 (due 10/14), INC-102 (due Oct 16)' gives
    each ticket its own date; 'INC-1 action items: INC-2 (due 10/14)' is INC-2's); None for the last of a
    list, 'OPS-1, OPS-2 (ETA 18:00)', 'OPS-1 and OPS-2 (ETA 18:00)': both's. A clause that ends with a
    ticket it only waits on (:func:`blockers`) gives it all its tickets, of which the caller drops the
    blocker: 'OPS-54 blocked on DEP-9 (ETA 15:00), OPS-55 done' is OPS-54's alone, not every ticket's."""
    before = keys[i - 1]
    if not before:
        return None
    clause = text[spans[i - 1][0]:spans[i - 1][1]].rstrip(" \t*_`")
    last = before[-1]
    if not clause.endswith(last):
        return None
    if len(before) > 1 and last in blockers(clause, owned):
        return list(before)  # (the aside is of what the clause waits on: the clause's tickets')
    if len(before) > 1:
        gap = clause[clause.rfind(before[-2]) + len(before[-2]):len(clause) - len(last)]
        if _LIST_GLUE.fullmatch(gap) is not None:
            return None
    if i >= 2 and keys[i - 2] and _bare(text[spans[i - 2][0]:spans[i - 2][1]], keys[i - 2], i == 2):
        return None
    return [last]


def _waiting_clause(
    text: str, spans: list[tuple[int, int, bool]], keys: list[list[str]], i: int, owned: list[str]
) -> list[str] | None:
    """The tickets of the clause before ``spans[i]`` (a comma's clause naming no ticket) when that clause
    ends with a ticket it only waits on (:func:`blockers`): 'OPS-54 blocked on DEP-9, ETA 15:00, OPS-55
    done' is OPS-54's (the caller drops the blocker), as the bracketed aside is (:func:`_keyed_aside`);
    None otherwise ('OPS-1, OPS-2 ETA 18:00' stays both's)."""
    before = keys[i - 1]
    if len(before) < 2 or "," not in text[spans[i - 1][1]:spans[i][0]]:
        return None
    clause = text[spans[i - 1][0]:spans[i - 1][1]].rstrip(" \t*_`")
    if not clause.endswith(before[-1]) or before[-1] not in blockers(clause, owned):
        return None
    return list(before)


def _lead(text: str, owned: list[str], spans: list[tuple[int, int, bool]]) -> list[str] | None:
    """The tickets a deadline whose clause and part name none is of, when it is not every ticket's: the
    one the item opens with ('SUP-4410 update: ..., incident INC-7301 opened. ETA 15:00' is SUP-4410's),
    or names in a subject form ('Update on SUP-4410:', 'Re: OPS-1', 'OPS-1 - ...') or as what a ticket
    was opened for ('Incident INC-2 opened for OPS-1', 'Incident INC-2 opened, OPS-1 slow'), when each
    other ticket is only opened or linked in a clause of its own (:data:`_OPENED`), or after the lead's
    ``KEY:`` subject, or only referred to (:func:`references`, :func:`blockers`). When the lead's clause
    resolves it, those the item opened instead ('OPS-1 resolved; created OPS-2 for the root-cause fix. ETA
    17:00': the work left is OPS-2's).
    None otherwise: a list as one subject ('OPS-1 and OPS-2 blocked, ETA 17:00'), another ticket told
    more of, a resolved lead and nothing opened."""
    m = SUBJECT_LEAD.match(text)
    i = m.end() if m else 0
    mine = set(owned)
    keyed = [(at, key) for at, key in ex.ticket_spans(text) if key in mine]
    if not keyed:
        return None
    los = [lo for lo, _, _ in spans]
    first = bisect_right(los, i) - 1
    if first < 0:
        return None
    said_lo: int | None = None  # (where what is said of the lead begins in its clause)
    told = _told_after_opened(text, spans, keyed, los) if len(keyed) > 1 else None
    if told is not None:  # ('Incident INC-2 opened, OPS-1 slow': OPS-1 is what the item is about)
        at, said_lo = told
        lead = keyed[1][1]
    elif keyed[0][0] != i:
        found = _lead_named(text, i, spans[first][1], keyed)
        if found is None:
            return None
        at, said_lo = found
        lead = next(key for k, key in keyed if k == at)
    else:
        at, lead = keyed[0]
        said = _SUBJECT_END.match(text, at + len(lead))
        said_lo = said.end() if said is not None else None
    first = bisect_right(los, at) - 1
    clause = text[spans[first][0]:spans[first][1]]
    if said_lo is None and _bare(clause, [lead], first == 0):
        return None  # ('OPS-1 and OPS-2 opened', split at 'and': the lead says nothing alone)
    resolved = not ex.words(clause.lower()).isdisjoint(ex._RESOLVED)
    pointed: set[str] | None = None
    opened: list[str] = []
    for at, key in keyed:
        if key == lead:
            continue
        n = bisect_right(los, at) - 1
        lo, hi = (spans[n][0], spans[n][1]) if n >= 0 else (0, len(text))
        if n == first:
            lo = said_lo if said_lo is not None else hi  # (no subject's colon: one list with the lead)
        if lo <= at and not (w := ex.words(_without(text[lo:hi], [key]).lower())).isdisjoint(_OPENED):
            if "linked" not in w:
                opened.append(key)
            continue
        if pointed is None:
            pointed = set(references(text, owned)) | blockers(text, owned)
        if key not in pointed:
            return None
    if resolved:
        return list(dict.fromkeys(opened)) or None
    return [lead]


def _told_after_opened(
    text: str, spans: list[tuple[int, int, bool]], keyed: list[tuple[int, str]], los: list[int]
) -> tuple[int, int] | None:
    """Where the lead ticket is written, and where what is said of it begins, when the item's first
    clause names one ticket and only opens it (:data:`_OPENED`, not linked) and the next clause opens
    with another ticket ('Incident INC-2 opened, OPS-1 slow': the incident was opened for what OPS-1
    tells, as in 'Incident INC-2 opened for OPS-1'); None otherwise. ``los``: each clause's start (the
    caller's, :func:`_lead`, built once)."""
    (at0, key0), (at1, key1) = keyed[0], keyed[1]
    n0 = bisect_right(los, at0) - 1
    n1 = bisect_right(los, at1) - 1
    if n0 < 0 or n1 != n0 + 1 or key1 == key0 or "pen" not in text[:at1]:  # (cheap: 'opened')
        return None
    w = ex.words(_without(text[spans[n0][0]:spans[n0][1]], [key0]).lower())
    if w.isdisjoint(_OPENED) or "linked" in w or text[spans[n1][0]:at1].strip(" \t*_`[("):
        return None
    return at1, at1


# the subject forms that name an item's lead ticket written after the words: 'Update on SUP-4410:',
# 'Status for OPS-1 -', 'Re: OPS-1', and what a ticket was opened for ('Incident INC-2 opened for
# OPS-1'); each ends right before the key (:func:`_lead_named`)
_NAMED_LEAD = re.compile(
    r"(?P<on>(?i:update|status|follow-up|progress)\s+(?i:on|for|re)|(?-i:R[Ee]|RE)\s*:)\s*[\[*_`]*"
    r"|(?P<for>\b(?i:opened|created|filed|spun\s+up)\s+for\s+(?i:the\s+)?[\[*_`]*)"
)
# what may follow the lead ticket as the item's subject ('SUP-4410 update:', 'OPS-1:', 'OPS-1 - rollout
# paused'): what comes after it in the clause is said of the lead, not listed with it ('OPS-1: opened
# INC-2 for the outage')
_SUBJECT_END = re.compile(
    r"[\])`*_]*(?:(?:\s+(?i:update|status|follow-up|progress))?\s*:|\s+[\u2013\u2014-]\s)"
)


def _lead_named(
    text: str, i: int, end: int, keyed: list[tuple[int, str]]
) -> tuple[int, int] | None:
    """Where the lead ticket of an item that does not open with one is written, and where what is said
    of it begins, when its first clause (``text[i:end]``) names it in a subject form: right after 'Update
    on' / 'Re:' that open the item, with the subject's colon or dash (or the line's end) after it ('Update
    on SUP-4410: incident INC-7301 opened'), or right after 'opened for' with one ticket written before
    ('Incident INC-2 opened for OPS-1': all the clause tells of INC-2 is that it was opened). None
    otherwise ('Incident INC-2 opened, OPS-1 slow', 'Update on OPS-1 and OPS-2: ...')."""
    m = _NAMED_LEAD.search(text, i, end)
    if m is None or m.end() not in (at for at, _ in keyed[:2]):
        return None
    if m.group("on") is None:  # ('opened for OPS-1': the second ticket, the first one opened before it)
        return (m.end(), i) if len(keyed) > 1 and m.end() == keyed[1][0] else None
    if m.start() != i or m.end() != keyed[0][0]:
        return None
    after = m.end() + len(keyed[0][1])
    said = _SUBJECT_END.match(text, after)
    if said is not None:
        return m.end(), said.end()
    return (m.end(), after) if text.startswith("\n", after) else None


# where a sentence or a ';' part ends: a deadline whose clause names no ticket is its part's
# ('OPS-5 ETA 17:00; OPS-6 see OPS-77, ETA 18:00': 18:00 is OPS-6's), as a reference is its part's
# (:func:`deadline_refs`)
_PART = re.compile(r"[;!?]\s+|\.\s+|\n")


def _parts(text: str) -> list[int]:
    """The offsets where each sentence or ';' part of ``text`` begins (the first is 0)."""
    return [0, *(m.end() for m in _PART.finditer(text))]


def _part_tickets(text: str, mine: set[str], starts: list[int], out: list[list[str] | None]) -> None:
    """Fill in ``out`` (:func:`deadline_tickets`) for each deadline whose clause names none of ``mine``:
    the tickets of its part, when the item has parts and that one names some but not all of them."""
    los = _parts(text)
    if len(los) < 2:
        return
    keyed: list[list[str]] = [[] for _ in los]
    for at, key in ex.ticket_spans(text):
        if key in mine:
            keyed[bisect_right(los, at) - 1].append(key)
    every = {t for ks in keyed for t in ks}
    for i, start in enumerate(starts):
        if out[i] is None and (ks := keyed[bisect_right(los, start) - 1]) and set(ks) != every:
            out[i] = list(dict.fromkeys(ks))


# the subject a sentence or ';' part opens with, after a time stamp and a list mark: a name and the noun it
# names ('14:30 Sony cert submission due Oct 16 (CERT-41)': Sony cert), for :func:`other_subjects`
_PART_SUBJECT = re.compile(
    r"\s*(?:[-*+]\s+)?(?:\d{1,2}[:.]\d{2}(?:\s*[A-Z]{2,4}\b)?:?\s+)?[*_`]*"
    r"(?P<name>[A-Z][\w.+]*)\s+(?P<noun>[a-z][a-z-]+)\b"
)
# words that open a part without naming a subject of its own ('New build ETA Mon', 'The cert ...')
_NO_NAME = frozenset(
    {"The", "A", "An", "New", "Next", "Old", "Revised", "Updated", "Our", "Their", "Its", "This", "That",
     "Same", "Final", "First", "Second", "Last", "Another", "Other", "Both", "All", "Each", "Re", "Then"}
)


def other_subjects(text: str, owned: list[str], starts: list[int]) -> list[bool] | None:
    """For each deadline mention starting at an offset in ``starts``, whether it is another subject's, no
    ticket's: its sentence or ``;`` part names none of the item's tickets ``owned`` and opens with a name
    and a noun that a part naming them opens with too, the name another ('14:30 Sony cert submission due
    Oct 16 (CERT-41); Xbox cert submitted 13:10, result ETA Fri': the Xbox cert's ETA, not CERT-41's; not
    'Sony cert due Oct 16 (CERT-41); Sony cert result ETA Fri', nor a part that opens with the ticket or
    names no subject of its own, 'CERT-41 submitted; result ETA Fri'). None when no deadline is."""
    los = _parts(text)
    if len(los) < 2:
        return None
    mine = set(owned)
    keyed = [False] * len(los)
    for at, key in ex.ticket_spans(text):
        if key in mine:
            keyed[bisect_right(los, at) - 1] = True
    subjects: list[tuple[str, str] | None] = []
    for i, lo in enumerate(los):
        m = _PART_SUBJECT.match(text, lo, los[i + 1] if i + 1 < len(los) else len(text))
        subjects.append(None if m is None or m["name"] in _NO_NAME or ex.tickets(m["name"])
                        else (m["name"], m["noun"].lower()))
    named = {s for s, k in zip(subjects, keyed, strict=True) if k and s is not None}
    if not named:
        return None
    nouns = {noun for _, noun in named}
    out = []
    for start in starts:
        n = bisect_right(los, start) - 1
        s = subjects[n]
        out.append(not keyed[n] and s is not None and s[1] in nouns and s not in named)
    return out if any(out) else None


def deadline_refs(text: str, owned: list[str], refs: list[str], starts: list[int]) -> list[list[str]]:
    """For each deadline mention starting at an offset in ``starts``, the ``refs`` of the item (the
    tickets it only refers to, :func:`references`) written in its sentence or ';' part, and those of
    the parts that name no other ticket of ``owned`` nor a deadline ('See OPS-77.' is the whole
    item's): 'OPS-5 ETA 17:00; OPS-6 ETA 18:00, see OPS-77' refers to OPS-77 for 18:00 alone."""
    los = _parts(text)
    if len(los) < 2:
        return [list(refs) for _ in starts]
    pointed = set(refs)
    mine = set(owned) - pointed
    n = len(los)
    found: list[list[str]] = [[] for _ in range(n)]
    busy = [False] * n  # (a part that names a ticket of the item's own or holds a deadline)
    for at, key in ex.ticket_spans(_unlinked(text)):
        i = bisect_right(los, at) - 1
        if key in pointed:
            found[i].append(key)
        elif key in mine:
            busy[i] = True
    held = [bisect_right(los, start) - 1 for start in starts]
    for i in held:
        busy[i] = True
    common = [t for i in range(n) if not busy[i] for t in found[i]]
    return [[t for t in refs if t in found[i] or t in common] for i in held]


def _export_tickets(
    text: str, mine: set[str], starts: list[int], ends: list[int], where: list[int | None],
    merged: list[list[str]],
) -> list[list[str] | None]:
    """:func:`deadline_tickets` of an export: each ticket written goes to one row at most (a clause's
    tickets to its one deadline, else each to the deadline after it), save the one a row without any
    takes from before (or after) it."""
    keyed = [(i, key) for i, key in ex.ticket_spans(text) if key in mine]
    at = [i for i, _ in keyed]
    per_clause = Counter(where)
    order = sorted(zip(starts, ends, strict=True))
    firsts = [s for s, _ in order]
    out: list[list[str] | None] = []
    for start, n in zip(starts, where, strict=True):
        if n is not None and merged[n] and per_clause[n] == 1:
            out.append(list(dict.fromkeys(merged[n])))
            continue
        k = bisect_left(firsts, start)  # (the deadline before it ends where its stretch begins)
        lo, hi = bisect_left(at, order[k - 1][1] if k else 0), bisect_left(at, start)
        if lo < hi:
            out.append(list(dict.fromkeys(key for _, key in keyed[lo:hi])))
        elif hi:
            out.append([keyed[hi - 1][1]])
        elif keyed:
            out.append([keyed[0][1]])
        else:
            out.append(None)
    return out


def _kind(clauses: list[tuple[str, bool]], i: int, kinds: list[tuple[str, int] | None]) -> tuple[str, int]:
    """The kind (and level) of clause ``i`` read alone, kept in ``kinds``: :func:`_told_without` and
    :func:`_said` both ask it, and :func:`occ_lib._extract.classify` is the dearest step here."""
    found = kinds[i]
    if found is None:
        clause = clauses[i][0]
        found = kinds[i] = ex.classify(clause, ex.keywords(clause), False)
    return found


def _said(
    clauses: list[tuple[str, bool]], i: int, keys: list[str], kinds: list[tuple[str, int] | None]
) -> tuple[str, int] | None:
    """What clause ``i`` says of its tickets ``keys``: (kind, level), or None when it leans on a
    neighbour (an aside in parentheses that names more than tickets never does: '(rolled back
    CHG-880)'). ``kinds``: as :func:`_told_without`'s."""
    clause, aside = clauses[i]
    rest = _without(clause, keys)
    if _LIST_GLUE.fullmatch(rest) is not None:  # (a bare list: _bare)
        return None
    w = ex.words(rest.lower())
    kind, level = _kind(clauses, i, kinds)
    if kind != "escalation" and not w.isdisjoint(_OPENS):
        return "note", 0  # ('created OPS-333 for the follow-up': the ticket begins; 'raised with the VP')
    if kind == "note" and not aside and "n't" not in (said := _unreferenced(rest)) and (
        ex.words(said.lower()).isdisjoint(_CONTRAST)
    ) and not _own_date(said):
        return None
    return kind, level


def _own_date(said: str) -> bool:
    """Whether a clause that says nothing that tells gives its tickets a deadline or a new date of their own
    ('PRB-1 RCA due 24 Oct', 'PAY-2 moved to 31 October', 'OPS-3 ETA Fri'): they are still to be done, and
    do not lean on the clause next to it ('INC-1 resolved; PRB-1 RCA due 24 Oct' resolves INC-1 alone). A
    move's new place is no date ('moved OPS-31 to the VP queue', 'pushed to prod'), nor a cause ('due to')."""
    low = said.lower()
    return any(c in low for c in _DATE_CUES) and _OWN_DATE.search(said) is not None
