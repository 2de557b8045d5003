"""Which of an item's tickets its kind is about: ``INC-4830 resolved; created OPS-333`` resolves one.

Private helper of :mod:`occ_lib.logs` (the rule is documented there, "ticket groups"). An item's kind
is read from all its words, and every ticket it names used to take it, so the ticket an item opens,
the duplicate it closes a ticket for and the blocker it waits on were resolved, closed or blocked
with it. :func:`ticket_groups` splits the item's tickets by what is said of each:

- a *reference* is a ticket named right after ``duplicate of``, ``dup of``, ``blocked on``/``by``,
  ``waiting on``/``for``, ``depends on``, ``caused by``, ``related to``, ``linked to``, ``see``,
  ``tracked in``, ``superseded by``, ``replaced by``, ``split from``, ``same as``, ``follow-up to``:
  the item says nothing of its own state (a ``note``);
- otherwise each ticket takes the kind of its clause (clauses end at ``;``, a sentence's end, a comma,
  a dash between spaces, parentheses), read by :func:`occ_lib._extract.classify` alone: a clause that
  only lists tickets (``INC-1, INC-2 and INC-3 resolved``) joins its neighbour, as does one that says
  nothing and marks no contrast (``escalated INC-1 to the VP, INC-2 to the manager``); one that opens
  a ticket (``created``, ``opened``, ``filed``, ``raised`` ... ``OPS-333``) is a ``note``, and so is
  an aside that says nothing (``INC-5521 resolved (rolled back CHG-880)``).

Only items whose kind tells (a resolution, an escalation ...) and that name at least two tickets of
their own are read this way; when some clause with a ticket gives the item's kind, the tickets whose
clauses give another one are split off. Cheap: a few substring checks first, regexes only on the ~1%
of items with two tickets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from . import _extract as ex

# what names a ticket as what another one points at, up to where the key is written ((the|ticket|issue|#)
# may come between); the key itself is the ticket rules' own (:func:`occ_lib._extract.ticket_spans`)
_REFERENCE = re.compile(
    r"(?i:\b(?:duplicate|dupe?|dup\.|copy)\s+of|\bblocked\s+(?:on|by)|\bwaiting\s+(?:on|for)|\bawaiting"
    r"|\bdepends\s+on|\bdependent\s+on|\bdependency\s+on|\bcaused\s+by|\brelated\s+to|\brelates\s+to"
    r"|\blinked\s+to|\bsee(?:\s+also)?|\bcf\.?|\btracked\s+(?:in|by|under)|\bsuperseded\s+by|\breplaced\s+by"
    r"|\bsplit\s+(?:from|out\s+of)|\bsame\s+as|\bfollow[- ]up\s+(?:to|of)|\bmerged\s+into|\bpart\s+of"
    r"|\bchild\s+of|\bparent)"
    r"(?:\s+(?i:the|ticket|issue|incident))*\s*[:#]?\s*\[?"  # ('see [OPS-2](url)')
)
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")  # a markdown link, '[OPS-1](https://...)'
_BREAK = re.compile(r"[;!?]\s+|\.\s+|,\s*(?=\S)|\s[\u2013\u2014-]\s|[()\[\]]")
# what a clause that only lists tickets is made of besides them
_LIST_GLUE = re.compile(
    r"(?i:\s|and|or|&(?:amp;)?|\+|plus|also|both|all|as well|too|tickets?|issues?|[,/:*_`'\"])*"
)
_OPENS = frozenset({"created", "opened", "filed", "raised", "logged", "spun", "new", "cut", "started"})
# words that set a clause against the one before it ('INC-4832 still fine')
_CONTRAST = frozenset(
    {"still", "remains", "remain", "remaining", "unaffected", "untouched", "unchanged", "fine", "ok",
     "okay", "open", "unrelated", "separate", "separately", "other", "not", "no", "yet", "but",
     "however", "whereas", "while", "isn't", "wasn't", "aren't", "hasn't", "haven't", "didn't",
     "doesn't", "won't", "n/a"}
)

def ticket_groups(
    text: str, owned: list[str], kind: str, level: int
) -> list[tuple[list[str], str, int]] | None:
    """``[(tickets, kind, level), ...]`` when the item's own tickets ``owned`` are not all of the
    item's ``kind``: the item's group first (its kind and level), then the others in order of
    mention; None when every ticket takes the item's kind (nothing to split)."""
    if len(owned) < 2:
        return None
    text = _unlinked(text)
    mine = set(owned)  # (a set: a pasted export names thousands)
    refs = _references(text, mine)
    clauses = _clauses(text)
    if len(clauses) < 2 and not refs:
        return None
    own: dict[str, tuple[str, int]] = {}
    telling = False
    prev: tuple[str, int] | None = None
    pending: list[str] = []  # tickets of clauses that lean on the next one
    for clause, aside in clauses:
        keys = [t for t in ex.tickets(clause) if t in mine and t not in refs]
        if not keys:
            continue
        said = _said(clause, keys, aside)
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
    if not telling:
        return None  # (no clause with a ticket says what the item does: the item's words decide)
    for t in pending:
        own.setdefault(t, (kind, level))
    for t in refs:
        own.setdefault(t, ("note", 0))
    groups: dict[tuple[str, int], list[str]] = {(kind, level): []}
    for t in owned:
        groups.setdefault(own.get(t, (kind, level)), []).append(t)
    if len(groups) < 2:
        return None
    return [(tks, k, lv) for (k, lv), tks in groups.items()]


def _references(text: str, mine: set[str]) -> set[str]:
    """The tickets of ``mine`` that ``text`` names right after a reference's words ('duplicate of')."""
    ends = {m.end() for m in _REFERENCE.finditer(text)}
    return {key for at, key in ex.ticket_spans(text) if at in ends and key in mine} if ends else set()


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
    return out


def _clauses(text: str) -> list[tuple[str, bool]]:
    """The clauses of ``text``, each with whether it is an aside."""
    return [(text[lo:hi], aside) for lo, hi, aside in _spans(text)]


def _without(clause: str, keys: list[str]) -> str:
    """``clause`` with its tickets ``keys`` blanked: what it says besides naming them."""
    for t in keys:
        clause = clause.replace(t, " ")
    return clause


def _bare(clause: str, keys: list[str]) -> bool:
    """Whether ``clause`` only lists its tickets ('INC-2 and INC-3')."""
    return _LIST_GLUE.fullmatch(_without(clause, keys)) is not None


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
        bare = bool(keys[i]) and _bare(text[lo:hi], keys[i])
        if bare and all_bare:
            lead += keys[i]  # (a list opening the item: the next clause's)
        elif bare:
            merged[last] += keys[i]
        elif keys[i] and lead:
            merged[i] = lead + merged[i]
            lead = []
        if keys[i]:
            last, all_bare = i, all_bare and bare
    los = [lo for lo, _, _ in spans]
    where: list[int | None] = []  # the clause of each deadline
    for start in starts:
        n = bisect_right(los, start) - 1
        where.append(n if n >= 0 and start < spans[n][1] else None)
    if export and ends is not None:
        return _export_tickets(text, mine, starts, ends, where, merged)
    return [list(dict.fromkeys(merged[i])) if i is not None and merged[i] else None for i in where]


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


def _said(clause: str, keys: list[str], aside: bool) -> tuple[str, int] | None:
    """What ``clause`` says of its tickets: (kind, level), or None when it leans on a neighbour (an
    aside in parentheses that names more than tickets never does: '(rolled back CHG-880)')."""
    rest = _without(clause, keys)
    if _LIST_GLUE.fullmatch(rest) is not None:  # (a bare list: _bare)
        return None
    w = ex.words(rest.lower())
    kind, level = ex.classify(clause, ex.keywords(clause), False)
    if kind != "escalation" and not w.isdisjoint(_OPENS):
        return "note", 0  # ('created OPS-333 for the follow-up': the ticket begins; 'raised with the VP')
    if kind == "note" and not aside and w.isdisjoint(_CONTRAST) and "n't" not in rest:
        return None
    return kind, level
