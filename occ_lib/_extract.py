"""What one log item says besides its times: tickets, paths, channels, URLs, HTTP statuses, kind, level.

Private helpers of :mod:`occ_lib.logs` (the rules are documented there). Every function takes the
item's text and is cheap: precompiled patterns, a plain substring check before any pattern that
rarely matches, and one scan for the words the keyword rules ask about (:func:`keywords`).
"""

from __future__ import annotations

import datetime as dt
import http
import itertools
import re
from collections.abc import Iterator

from ._stamps import SENDER
from .redact import (
    SCHEME_CHARS as _SCHEME_CHARS,
)
from .redact import (
    SERVICENOW_TICKET,
    cell_pairs,
    code_hint,
    command_hint,
    env_secret_hint,
    gate_text,
    known_hint,
    login_hint,
    pair_hint,
    prose_hint,
    proxy_hint,
    redact_pairs,
    redact_text,
    redact_url,
    tool_hint,
    twilio_hint,
    url_hint,
    webhook_hint,
)
from .times import GLUED as _WORD_GLUE  # (a letter or digit a key glued to is part of a longer word)
from .times import UNSPACED as _UNSPACED
from .times import lowered_doc, texts_holding

# --- tickets ---------------------------------------------------------------------------------
# (ServiceNow's numbers, SERVICENOW_TICKET, are defined with redaction, which must not take a ticket
# key for a credential; _markdown takes them from here)
# PROJECT-123 or ORG-PROJECT-123: upper-case segments (the first with at least two letters), a
# number, and nothing word-like or hyphenated glued on either side. The guards are what keep
# ``T04-40`` (inside a time stamp), ``INF-221`` (the tail of ``OCC-INF-221``) and ``CVE-2021``
# (the head of ``CVE-2021-44228``) out. The pattern starts with a character class so the regex
# engine skips to candidates in C; the character before a match is checked in Python, but a letter,
# a digit, '-' or '.' before it (which Python would reject) is refused right after the first letter:
# else every position inside a long run of capitals or of segments ('OPS-OPS-...-1x', a pasted blob)
# would scan the run again, quadratic time. Its second branch is a ServiceNow number, kept only when
# :data:`SERVICENOW_TICKET` matches it whole.
# (nor an e-mail address's local part: 'NOC-24@vendor.com', '<OPS-TEAM-7@example.com>'). Underscores
# around a key are emphasis, as '*' around it is ('_PAY-114_', '__PAY-116__', Slack's italic), unless
# the run of them glues it to a word ('PAY-114_v2', 'env_PAY-114': :func:`_underscored`).
# a key glued to a script written without spaces is still a word ('DEPLOY-148のロールアウト', 'INC-7번')
_TICKET = re.compile(
    rf"[A-Z](?<!{_WORD_GLUE}[A-Z])(?<![-.][A-Z])"
    rf"[A-Z0-9]+(?:(?:-[A-Z][A-Z0-9]*)*-[0-9]{{1,7}}(?!{_WORD_GLUE}|-|_+(?:[^\W_]|-)|\.\d|@\w)"
    rf"|(?<=[A-Z])[0-9]{{7,10}}(?!{_WORD_GLUE}|-|_+(?:[^\W_]|-)))"
)
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED}]")
_SERVICENOW = re.compile(SERVICENOW_TICKET)
_GLUE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/.-")
_NOT_TICKET_PREFIX = frozenset(
    {
        "UTC", "GMT", "CVE", "CWE", "PYSEC", "GHSA", "RUSTSEC", "OSV", "ISO", "RFC", "PEP", "SHA",
        "MD", "UTF", "HTTP", "HTTPS", "TLS", "SSL", "IPV", "FY", "COVID", "AES", "RSA", "ECDSA",
        "CP", "WIN", "X", "UTC+", "EST", "EDT", "PST", "PDT", "CST", "CDT", "MST", "MDT", "CET",
        "CEST", "BST", "IST", "JST", "AEST", "AEDT", "ET", "PT", "CT", "MT", "W", "Q", "H", "KB",
        # severities, priorities and counters: 'SEV-2 declared', 'TIER-1 support', 'SPRINT-14', and a
        # postmortem's action items, numbered anew in each ('AI-1 | add alert')
        "SEV", "PRI", "PRIO", "TIER", "LEVEL", "LVL", "PHASE", "SPRINT", "WEEK", "WK", "STEP", "ROUND",
        "DAY", "AI",
        # product codes, models and standards: 'SKU-00', 'GPT-4', 'NIST-800', 'FIPS-140' (and 'SOC-2':
        # _STANDARD_ONE_DIGIT)
        "SKU", "GPT", "NIST", "FIPS",
        # broadcast standards: 'SCTE-35 markers verified' (ad insertion cues), 'SMPTE-2110', 'EBU-R128'
        "SCTE", "SMPTE", "EBU",
        # cluster objects and release labels named by their kind and a number: 'HPA-2 scaled web',
        # 'NODE-12 cordoned', 'PDB-1', 'SHARD-3 lagging', 'RC-2 promoted'
        "HPA", "VPA", "PDB", "PVC", "POD", "NODE", "REPLICA", "SHARD", "RC",
        # a purchase order's number: 'PO-4471 raised', 'PO-4471 approved by finance' (the vendor ticket
        # it is written with is the item's)
        "PO",
        # a warehouse's pallet and licence plate numbers: 'PLT-000231 damaged on receipt', 'LPN-0004411
        # putaway' (the WMS ticket written with them is the item's)
        "PLT", "LPN",
        # a sales order's number beside them: 'SO-4412 picked', 'SO-4412 shipped'
        "SO",
    }
)
# a standard named by a prefix and one digit: 'SOC-2' (SOC 1, 2, 3 reports); a security operations
# centre's case with a longer number is a key ('SOC-4471 opened: EDR alert')
_STANDARD_ONE_DIGIT = frozenset({"SOC"})
# Oracle's messages, numbered with five digits as the database prints them: 'failed with ORA-01476',
# 'ORA-00060 deadlock', 'TNS-12541', 'PLS-00201' are errors, not tickets ('ORA-1234', a project
# keyed ORA, stays a key)
_ORACLE_PREFIX = frozenset({"ORA", "PLS", "TNS"})
# a region's name with a number of one or two digits is a shard or a cluster, not a ticket: 'EU-1 up',
# 'NA-2 queue 12k', 'SEA-3 still down', 'APAC-12' (a game's or a SaaS's region shards); 'EU-1234' stays a key
_REGION_PREFIX = frozenset({"EU", "NA", "SEA", "APAC", "EMEA", "AMER", "LATAM", "OCE", "MENA", "ANZ"})
# an airline's IATA designator with a number of one to four digits is a flight, not a ticket, in an item that
# speaks of flights ('LH400 and UA-901 unaffected' after 'boarding from gate B22', 'UA-901 stations briefed');
# 'UA-901 opened' in an item about no flight stays a key (a tracker may be named UA)
_AIRLINE_PREFIX = frozenset({
    "AA", "AC", "AF", "AY", "AZ", "BA", "CX", "DL", "EI", "EK", "EY", "IB", "JL", "KL", "LH", "LX", "NH",
    "NZ", "OS", "QF", "QR", "SK", "SQ", "TK", "UA", "VS", "WN",
})
_FLIGHT_WORDS = re.compile(
    r"(?i:\bflights?\b|\bgates?\b|\bboarding\b|\bdepart(?:ure|ures|ed|ing)?\b|\barriv(?:al|als|ed|ing)\b"
    r"|\bpax\b|\bstations?\b|\bcheck-in\b|\bATC\b|\baircraft\b|\bcrew\b)"
)
# an error code named as one: 'matchmaking errors MM-504', 'error code AUTH-401', 'exit code: SYS-12', 'error
# HTTP-503' (after a singular 'error' only a number of an HTTP status, 4xx or 5xx: 'checkout error PAY-1234
# opened' names a ticket); tried only at a key written right after a space, a colon or a '#'
_ERROR_CODE_BEFORE = re.compile(r"(?<![\w-])(?i:errors|(?:error[ \t]+)?codes?|errs)[ \t]*[:#]?[ \t]*$")
_ERROR_BEFORE = re.compile(r"(?<![\w-])(?i:error|err)[ \t]*[:#]?[ \t]*$")
# what joins the codes of a list of error codes ('errors: MM-504, MM-505', 'error codes MM-504 and MM-505',
# 'codes MM-504/MM-505'): every key of the list is a code, not only the first (:func:`_keys`)
_CODE_LIST_JOIN = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:and|or|&)[ \t]+)?|/|[ \t](?:and|or|&)[ \t]+)[ \t]*")


# a key written right after the noun of a machine or a piece of equipment names that machine, not a
# ticket: 'playout server PLY-FRA-2', 'node PLY-FRA-2', 'tie switch TS-88', 'transformer TS-88' (tried
# at a key after a space, on a short lower-cased window: :func:`_equipment`); the document's other
# mentions of such a key are no tickets either (:func:`equipment_keys`). So is a finance document's
# number after its noun, what a support desk's refund is booked as: 'credit memo CM-2291', 'credit note
# CN-88', 'invoice INV-4410' (the help desk ticket written with it is the item's)
_EQUIPMENT_NOUNS = (
    r"(?<![\w-])(?:servers?|nodes?|hosts?|switch(?:es)?|transformers?|routers?|encoders?|decoders?"
    r"|appliances?|chassis|firewalls?|vms?|machines?|breakers?|feeders?|generators?"
    r"|credit[ \t]+(?:memo|note)s?|invoices?)"
)
_EQUIPMENT_BEFORE = re.compile(_EQUIPMENT_NOUNS + r"[ \t]+$")
# (a word of each noun: asked of a short window by the pattern, of a whole document one by one, each a scan
# in C that skips ahead where the pattern stops at every letter that opens one of them)
_EQUIPMENT_WORDS = ("server", "node", "host", "switch", "transformer", "router", "coder", "appliance",
                    "chassis", "firewall", "vm", "machine", "breaker", "feeder", "generator", "credit",
                    "invoice")
_EQUIPMENT_HINT = re.compile("|".join(_EQUIPMENT_WORDS))
_EQUIPMENT_KEY = re.compile(
    _EQUIPMENT_NOUNS + r"[ \t]+(?P<key>[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*-\d{1,7})(?![\w-])"
)


def _equipment(text: str, i: int) -> bool:
    """Whether the key at ``text[i]`` is written right after an equipment noun (:data:`_EQUIPMENT_BEFORE`)."""
    window = text[max(0, i - 16):i].lower()
    return _EQUIPMENT_HINT.search(window) is not None and _EQUIPMENT_BEFORE.search(window) is not None


def equipment_keys(texts: list[str]) -> set[str]:
    """The keys any of ``texts`` (one document's items) writes right after an equipment noun
    ('playout server PLY-FRA-2'): the document's machines, no tickets in any of its items. One search of
    the lower-cased document, after a cheap test for the nouns."""
    joined = "\n".join(texts)
    low = lowered_doc(joined)  # (known_case lowers the same join next)
    if len(low) != len(joined) or not any(w in low for w in _EQUIPMENT_WORDS):
        return set()
    out = set()
    for m in _EQUIPMENT_KEY.finditer(low):
        key = joined[m.start("key"):m.end("key")]
        if key.isupper():
            out.add(key)
    # (a machine's name of segments names its siblings too: 'PLY-FRA-2 backup PLY-FRA-3'; not a key of
    # one segment's, 'host OPS-2' names no other OPS key a machine)
    heads = {k.rpartition("-")[0] for k in out if k.count("-") > 1}
    if heads:
        for own in texts:
            if "-" in own:
                out.update(m.group(0) for m in _keys(own) if m.group(0).rpartition("-")[0] in heads)
    return out


def _two_letters(head: str) -> bool:
    return sum(c.isalpha() for c in head) >= 2


def _underscored(text: str, j: int) -> bool:
    """Whether the run of underscores ending at ``text[j]`` opens emphasis ('_PAY-114_'): nothing a
    word or a path is made of comes before it ('env_PAY-114', 'logs/_OPS-1' are glued)."""
    while j and text[j - 1] == "_":
        j -= 1
    return not j or not (text[j - 1] in _GLUE or not text[j - 1].isascii() and text[j - 1].isalnum())


def _error_code(text: str, i: int, key: str) -> bool:
    """Whether the key ``key`` at ``text[i]`` is an error code the words before it name as one
    (:data:`_ERROR_CODE_BEFORE`)."""
    lo = max(0, i - 20)
    low = text[lo:i].lower()
    if "err" not in low and "code" not in low:
        return False
    if _ERROR_CODE_BEFORE.search(text, lo, i) is not None:
        return True
    num = key[key.rindex("-") + 1:]
    return len(num) == 3 and num[0] in "45" and _ERROR_BEFORE.search(text, lo, i) is not None


def _keys(text: str) -> Iterator[re.Match[str]]:
    """The ticket keys of ``text`` in order, duplicates included (one match each)."""
    # where the last key-shaped word not glued to a path ended: 'INC-5678/INC-5679' and 'SEV-2/INC-7'
    # name keys after the slash, 'docs/DEPLOY-147.md' and 'docs/INC-1/INC-2.md' none
    after = -1
    code_end = -1  # where the last error code ended ('errors: MM-504, MM-505': the next key is one too)
    code_head = ""  # (of its prefix: 'errors MM-504, OPS-7 escalated' names OPS-7)
    flights = None  # (whether the text speaks of flights, asked once, at its first airline-shaped key)
    for m in _TICKET.finditer(text):
        key = m.group(0)
        i = m.start()
        if i and (text[i - 1] in _GLUE or not text[i - 1].isascii() and text[i - 1].isalnum()
                  and _UNSPACED_CHAR.match(text[i - 1]) is None) and not (
            text[i - 1] == "/" and i - 1 == after or text[i - 1] == "_" and _underscored(text, i - 1)
        ):
            continue
        after = m.end()
        if "-" not in key:
            if _SERVICENOW.fullmatch(key) is None:
                continue
        else:
            head = key.split("-", 1)[0]
            if head in _NOT_TICKET_PREFIX or not (head[1].isalpha() or _two_letters(head)):
                continue
            if head in _REGION_PREFIX and len(key) - len(head) <= 3:
                continue
            if head in _STANDARD_ONE_DIGIT and len(key) - len(head) == 2:
                continue
            if head in _ORACLE_PREFIX and len(key) - len(head) == 6:
                continue
            if head in _AIRLINE_PREFIX and len(key) - len(head) <= 5 and key[len(head) + 1:].isdigit():
                if flights is None:
                    flights = _FLIGHT_WORDS.search(text) is not None
                if flights:
                    continue
            if i and text[i - 1] in " \t:#/" and (
                code_end >= 0 and i - code_end <= 6 and head == code_head
                and _CODE_LIST_JOIN.fullmatch(text, code_end, i) is not None
                or text[i - 1] != "/" and _error_code(text, i, key)
            ):
                code_end, code_head = m.end(), head
                continue
            if i and text[i - 1] in " \t" and _equipment(text, i):
                continue
            num = key[key.rindex("-") + 1:]
            if num[0] == "0" and (len(num) < 4 or num.strip("0") == ""):
                # (no tracker numbers a ticket 0: 'OPS-0', 'SKU-00', 'OPS-0000' are names; a number of
                # two or three digits with a leading 0 is a device or host, 'PRN-03', 'SW-01', 'AP-07',
                # 'DB-012', or ACME's challenge type 'DNS-01'; in-house trackers pad to four digits or
                # more, 'REQ-0012', 'INC-000123', 'TKT-00042': those are keys)
                continue
            if num[0] == "0" and key.count("-") > 1:
                # (a name of segments with a padded number is a host or an asset tag, 'FIN-WS-0231',
                # 'LON-SW-0042', 'LAB-FW-0007': a tracker of segments, 'OCC-INF-221', pads none)
                continue
        yield m


# Sibling keys written as numbers after a key ('PAY-891/892/893', 'OPS-1,2,3', 'PAY-891, 892, 893'):
# glued by '/' or ',' (or a run of two or more after ', ': one number after a comma and a space is a
# count, 'OPS-4, 5 customers'), each of the key's digit count or fewer (fewer replace the last digits of
# a key of three or more, 'PAY-891/2/3'; more are a year or a count, 'OPS-12/2025', 'OPS-1,000') and
# counting up ('OPS-10/9', 'OPS-5/2' are none); nothing glued
# after the run ('INC-1/2.md', 'OPS-1/2/x'). Glued to a key, a slash is a list, not a fraction: 'INC-1/3
# done' names INC-1 and INC-3 (a share done is written apart, 'INC-1: 1/3 done').
# A list that ends in 'and' or '&' after a comma ('OPS-1, 2, 3 and 4', 'OPS-1, 2 & 3') takes its last
# number too; and a key's one sibling after 'and' or '&' when a state follows it ('OPS-1 and 2 fixed',
# 'OPS-7 & 8 are resolved', also after the key's own state, 'OPS-1 fixed and 2 pending'; not a count:
# 'OPS-1 and 2 more', 'and 2 others', 'and 2 hours').
_STATES = (
    r"(?i:" + "|".join(sorted(
        {"fixed", "resolved", "closed", "done", "merged", "mitigated", "restored", "completed", "shipped",
         "deployed", "solved", "reopened", "re-opened", "acknowledged", "acked", "blocked", "escalated",
         "open", "opened", "pending", "stalled", "stuck"}, key=len, reverse=True))
    + r")(?![\w-])"
)
_STATE_AFTER = (
    r"(?=(?:[ \t]*:)?[ \t]+(?:(?:are|were|both|now|all|have|has|been|got|is|was)[ \t]+){0,2}" + _STATES + ")"
)
# (also after the key's own state: 'OPS-1 fixed and 2 pending' names OPS-2, pending)
_SIBLINGS = re.compile(
    r"(?:[ \t]+" + _STATES + r")?[ \t]+(?:and|&)[ \t]+\d{1,7}" + _STATE_AFTER +
    r"|(?:,\d{1,7})+[ \t]+(?:and|&)[ \t]+\d{1,7}(?![\w/-]|[.:,]\d)"
    r"|(?:[/,]\d{1,7})+(?![\w/-]|[.:,]\d)"
    r"|(?:,[ \t]\d{1,7})+,?[ \t]+(?:and|&)[ \t]+\d{1,7}(?![\w/-]|[.:,]\d)"
    r"|(?:,[ \t]\d{1,7}){2,}(?![\w/-]|[.:,]\d)"
)
_SIBLING = re.compile(r"\d+")


def _siblings(text: str, m: re.Match[str]) -> Iterator[tuple[int, str]]:
    """``(start, key)`` of the sibling keys written right after the key ``m`` (:data:`_SIBLINGS`)."""
    s = _SIBLINGS.match(text, m.end())
    if s is None:
        return
    key = m.group(0)
    head, _, num = key.rpartition("-")
    if not num.isdigit():
        return
    prev = num
    for d in _SIBLING.finditer(s.group()):
        n = d.group()
        if len(n) > len(prev) or len(n) < len(prev) < 3:
            return  # (a short key's siblings are written whole: 'OPS-10/9' is no list)
        n = prev[:len(prev) - len(n)] + n
        if int(n) <= int(prev):
            return  # (a list counts up)
        yield s.start() + d.start(), f"{head}-{n}"
        prev = n


# A PagerDuty incident's id as on-call logs write it, 'PD-Q1X2Y3', '#PD-R7T8U9': letters and digits mixed
# after 'PD-' (an all-digit one, 'PD-12345', is a key already). It is the item's ticket only when the item
# names no tracker's key: 'page #PD-Z9Y8X7 for SRE-447' is SRE-447's page, the id an alias of it.
_PD_INCIDENT = re.compile(
    r"(?<![\w.@/-])PD-(?=[A-Z0-9]{0,13}[A-Z])(?=[A-Z0-9]{0,13}\d)[A-Z0-9]{5,14}(?![\w-])"
)


def _key_spans(text: str) -> Iterator[tuple[int, str]]:
    """``(start, key)`` of every ticket key in ``text``, siblings included (:func:`_siblings`); a page's
    incident id (:data:`_PD_INCIDENT`) when there is none."""
    found = False
    for m in _keys(text):
        found = True
        yield m.start(), m.group(0)
        if m.end() < len(text) and text[m.end()] in "/, \t":
            yield from _siblings(text, m)
    if not found and "PD-" in text:
        for m in _PD_INCIDENT.finditer(text):
            yield m.start(), m.group(0)


def tickets(text: str) -> list[str]:
    """Ticket keys in order of first mention, without duplicates."""
    out = [key for _, key in _key_spans(text)]
    return list(dict.fromkeys(out)) if len(out) > 1 else out


def ticket_spans(text: str) -> list[tuple[int, str]]:
    """``(start, key)`` of every ticket key in ``text``, in order, duplicates included: the same keys
    as :func:`tickets`, for a caller that needs to know where each is written."""
    return list(_key_spans(text))


# A key written in lower or mixed case ('ops-885', 'Ops-885') is that key when the document writes it in
# upper case somewhere (a key it uses); else it is a word ('utf-8', 'x-86', 'sha-256', 'gpt-4').
_ANY_CASE_KEY = re.compile(
    r"(?<![\w.@/-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z][A-Za-z0-9]*)*-\d{1,7}(?![\w-]|\.\d|@\w)"
)


def known_case(texts: list[str], known: set[str]) -> list[str] | None:
    """``texts`` with every lower- or mixed-case spelling of a key of ``known`` written in upper case (the
    same length: offsets hold), or None when none is written. Cheap when there is none: each key's head
    is counted in the document in C ('ops-' against 'OPS-') before any item is searched."""
    if not known:
        return None
    all_heads = {k.rpartition("-")[0] for k in known}
    joined = "\n".join(texts)
    low = lowered_doc(joined)
    heads = {h for h in all_heads if low.count(h.lower() + "-") > joined.count(h + "-")}
    if not heads:
        return None
    marks = tuple(h.lower() + "-" for h in heads)
    all_marks = tuple((h + "-", h.lower() + "-") for h in all_heads)
    out = list(texts)
    if len(low) == len(joined):
        # (each text's lower case is then its stretch of ``low``: the texts that hold a mark are found
        # there, one scan per mark, and only those are lowered; no mark holds a newline)
        starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        holding = sorted(texts_holding(low, marks, starts))
    else:
        holding = [i for i, t in enumerate(texts) if any(mk in t.lower() for mk in marks)]
    for i in holding:
        t = texts[i]
        if _recased(t, t.lower(), all_marks):
            out[i] = _ANY_CASE_KEY.sub(lambda m: _upper_known(m.group(), known), t)
    return out


def _recased(t: str, tl: str, marks: tuple[tuple[str, str], ...]) -> bool:
    """Whether ``t`` (``tl`` lower-cased) may write a key in lower or mixed case ('ops-885'), the only
    words the regex changes: a key's head and '-' (one of ``marks``, ``(as written, lower-cased)`` for
    every key) in another case than the key's, a digit after it. The items that write their keys as
    the document does ('DEPLOY-147', '#deploy-ops') are not searched. Text that is not ASCII may
    lower-case to another length (its offsets are not ``t``'s): it is searched, as before."""
    if not t.isascii():
        return True
    for head, mk in marks:
        i = tl.find(mk)
        while i >= 0:
            j = i + len(mk)
            if j < len(tl) and tl[j].isdigit() and not t.startswith(head, i):
                return True
            i = tl.find(mk, i + 1)
    return False


# A help desk's ticket written as its bare number after '#' ('#48213 customer confirmed fix. Solved.') is
# the key the document (or a log read with it) writes with that number ('ZD-48213', 'SUP-48211'), when
# exactly one key has it: Zendesk's '#48213' and 'ZD-48213' are one ticket. A number of three digits or
# more, not glued to a word, a path or another '#' ('org/infra#88', 'C#123'), nor a pull or merge request's
# ('PR #1240', 'MR #55'); with no such key it is no ticket, as before (GitHub's '#1234' alone). Where the
# document's '#' numbers are all one tracker's ('#48213' is ZD-48213, '#48330' ZD-48330), a number of the
# same length that an item opens with, after its time or not, is that tracker's too: '16:45 #48291 Globex
# Retail - duplicate charge' names ZD-48291 though the log never writes 'ZD-48291' (a help desk's ticket
# the desk only ever writes as '#'); not one written further in ('see acme/web#48213 and #48260').
_HASH_NUM = re.compile(r"(?<![\w#/&.-])#(\d{3,7})(?![\w/-]|[.,:]\d)")
_NOT_HASH_ALIAS = re.compile(r"(?i:\b(?:PR|MR|pull(?:\s+request)?|merge\s+request|PRs)\s*)$")
# (what may stand before the '#' of an item's opening number: its time stamp, '16:45', '[9:14 AM]',
# '10:30 PHT', and a separator)
_HASH_OPENING = re.compile(
    r"[ \t]*(?:\[?\d{1,2}[:.]\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]+[A-Z]{1,5})?\]?"
    r"[ \t]*[-\u2013\u2014:|]?[ \t]*)?"
)


def hash_aliases(texts: list[str], known: set[str]) -> dict[int, list[tuple[int, str]]]:
    """``{item index: [(offset of the '#', key), ...]}`` of the items of ``texts`` that write a key of
    ``known`` as '#' and its number (:data:`_HASH_NUM`), or a number an item opens with that is that
    tracker's too (:func:`_opening_keys`: then its every '#' mention); empty when none does. One ``'#' in``
    test per item; the regex runs only on items that hold a '#' (twice when an item opens with one)."""
    by_num: dict[str, list[str]] = {}
    for key in known:
        head, _, num = key.rpartition("-")
        if head and num.isdigit() and len(num) >= 3 and num[0] != "0":
            by_num.setdefault(num, []).append(key)
    if not by_num:
        return {}
    opening: list[str] = []  # (the unknown numbers items open with)
    out = _hash_pass(texts, by_num, opening)
    if opening and out and (extra := _opening_keys(out, opening)):
        by_num.update((num, [key]) for num, key in extra.items())
        out = _hash_pass(texts, by_num, None)
    return out


def _hash_pass(texts: list[str], by_num: dict[str, list[str]], opening: list[str] | None
               ) -> dict[int, list[tuple[int, str]]]:
    """One pass of :func:`hash_aliases` with the keys ``by_num`` (per number); the unknown numbers an item
    opens with, after its time or not, are added to ``opening`` (when given)."""
    out: dict[int, list[tuple[int, str]]] = {}
    for k, t in enumerate(texts):
        if "#" not in t:
            continue
        for m in _HASH_NUM.finditer(t):
            keys = by_num.get(m.group(1))
            if keys is None:
                if opening is not None and m.start() < 24 and _HASH_OPENING.fullmatch(t, 0, m.start()):
                    opening.append(m.group(1))
                continue
            if len(keys) != 1:
                continue
            if _NOT_HASH_ALIAS.search(t, max(0, m.start() - 20), m.start()) is not None:
                continue
            out.setdefault(k, []).append((m.start(), keys[0]))
    return out


def _opening_keys(out: dict[int, list[tuple[int, str]]], opening: list[str]) -> dict[str, str]:
    """``{number: key}`` of the unknown numbers items open with (``opening``), when the '#' numbers
    ``out`` resolved are all one tracker's keys of that number's length: the help desk's ticket the log
    writes only as '#48291' (:data:`_HASH_NUM`)."""
    found = {key for pairs in out.values() for _, key in pairs}
    heads = {key.rpartition("-")[0] for key in found}
    if len(heads) != 1:
        return {}
    head = heads.pop()
    sizes = {len(key) - len(head) - 1 for key in found}
    return {num: f"{head}-{num}" for num in opening if len(num) in sizes and num[0] != "0"}


# (where a key in lower or mixed case may end: a lower-case letter, then '-' and a digit; the C scan for
# it is five times as fast as one for whole keys, and most documents hold a handful. The match opens at the
# '-', the letter read behind it: sre skips to a literal in C, where a class first stops at every letter;
# two hints cannot overlap, so the same ones are found, each one character later)
_LOOSE_HINT = re.compile(r"-(?<=[a-z]-)\d")


def loose_keys(texts: list[str], known: set[str]) -> set[str]:
    """The keys (in upper case) that ``texts`` writes in lower or mixed case only, not in ``known``:
    'ops-102' where the document never writes OPS-102, a key that another log read with it may write
    in upper case (:func:`occ_lib.logs.read_logs`). One scan of the document for :data:`_LOOSE_HINT`;
    each word it lands in is read as a key (:data:`_ANY_CASE_KEY`) from the word's start."""
    joined = "\n".join(texts)
    out: set[str] = set()
    for hint in _LOOSE_HINT.finditer(joined):
        start = hint.start()
        while start and (joined[start - 1].isalnum() or joined[start - 1] == "-"):
            start -= 1
        m = _ANY_CASE_KEY.match(joined, start)
        if m is None or m.end() <= hint.end() - 1:
            continue
        if (up := m.group().upper()) not in known:
            out.add(up)
    return out


def _upper_known(word: str, known: set[str]) -> str:
    """``word`` in upper case when that is a key of ``known`` (:func:`known_case`), else as written."""
    up = word.upper()
    return up if up in known else word


# --- artifacts -------------------------------------------------------------------------------
_EXT = frozenset(
    {
        "md", "markdown", "log", "json", "jsonl", "ndjson", "txt", "csv", "tsv", "yml", "yaml", "toml",
        "ini", "cfg", "conf", "png", "jpg", "jpeg", "gif", "svg", "html", "htm", "sh", "ts", "tsx", "js",
        "mjs", "py", "sql", "env", "har", "pdf", "zip", "gz", "tgz", "tar", "parquet", "xml", "ipynb",
        "out", "err", "pcap", "xlsx",
    }
)
_BARE_EXT = _EXT - {"js", "ts", "tsx", "mjs", "out", "err", "env", "conf", "cfg", "ini"}
_FOLDERS = (
    "artifacts/", "docs/", "scripts/", "vault/", "tests/", "app/", "packages/", "reports/",
    "evidence/", "logs/", "runbooks/", "feedback/", "data/", "notebooks/", "bench/",
)
_BACKTICK = re.compile(r"`([^`\n]+)`")
_PATH_CHARS = re.compile(r"[\w.*@+/-]+")
_LINE_REF = re.compile(r":\d+(?:-\d+)?$")
_EDGE = "()[]{}<>,;:!?\"'’“”"


def _clean_path(s: str) -> str | None:
    s = s.strip().rstrip(".,;")
    if ":" in s:
        if "://" in s:
            return None
        s = _LINE_REF.sub("", s)
    if not s or not _PATH_CHARS.fullmatch(s):
        return None
    if "/" in s:
        return s
    if s[0] == "." and len(s) > 1 and s[1].isalpha():
        return s
    dot = s.rfind(".")
    if 0 < dot < len(s) - 1 and s[dot + 1:].lower() in _EXT:
        return s
    return None


# a struck-out part, and the arrow after it ('ETA ~~Oct 10~~ → Oct 14': what replaced it)
_STRUCK = re.compile(r"~~[^~\n]+~~(?:\s*(?:\u2192|-{1,2}>|=>))?")
STRUCK_MARK = "\u2008"  # (a punctuation space: blank to the time rules, a mark to is_replacement)


def without_code(text: str) -> str:
    """The text with its `code spans` and ~~struck-out~~ words blanked (what is left is prose: a
    struck ETA is a retracted one, and what is written right after it replaces it)."""
    if "`" in text:
        text = _BACKTICK.sub(" ", text)
    if "~~" in text:
        text = _STRUCK.sub(" " + STRUCK_MARK + " ", text)
    return text


def artifacts(text: str, rest: str | None = None) -> list[str]:
    """File and folder paths, from `backticks` and bare in the text, line references stripped.

    ``rest`` is :func:`without_code` of ``text`` when the caller already has it. Bare words count
    when they start with a known folder (``artifacts/``, ``docs/``...) or end in a known file
    extension; URLs and domain names do not.
    """
    out: list[str] = []
    if "`" in text:
        for m in _BACKTICK.finditer(text):
            p = _clean_path(m.group(1))
            if p is not None:
                out.append(p)
        if rest is None:
            rest = _BACKTICK.sub(" ", text)
    elif rest is None:
        rest = text
    out.extend(p for _, _, p in _bare_paths(rest))
    return list(dict.fromkeys(out)) if len(out) > 1 else out


_SPACED_WORD = re.compile(r"\S+")


def _bare_paths(rest: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, path)`` of each bare path of ``rest`` (prose, code blanked): a word under a known
    folder or named with a known extension (:func:`artifacts`); ``start:end`` is the word as written,
    its edge punctuation left out."""
    if "/" not in rest and "." not in rest:
        return
    if _EXT_GATE.search(rest) is None and (
        "/" not in rest or _FOLDER_GATE.search(rest.lower()) is None
    ):
        return  # (no word can pass below: it needs a known folder or a '.ext'; the gates are supersets)
    for m in _SPACED_WORD.finditer(rest):
        word = m.group()
        if "/" not in word and "." not in word:
            continue
        lead = len(word) - len(word.lstrip(_EDGE))
        word = word.strip(_EDGE)
        if "://" in word or not word:
            continue
        if "/" in word:
            if not word.lower().startswith(_FOLDERS):
                continue
        else:
            base = _LINE_REF.sub("", word) if ":" in word else word
            dot = base.rfind(".")
            if dot <= 0 or base[dot + 1:].rstrip(".,;").lower() not in _BARE_EXT:
                continue
        p = _clean_path(word)
        if p is not None and _bare_ok(p):
            yield m.start() + lead, m.start() + lead + len(word), p


# A superset of the extensions the word loop of ``artifacts`` accepts, searched in C first
# (IGNORECASE matches everything ``str.lower`` maps onto these letters).
_EXT_GATE = re.compile(r"\.(?i:" + "|".join(sorted(_BARE_EXT, key=len, reverse=True)) + ")")
_FOLDER_GATE = re.compile("/(?:" + "|".join(f"(?<={f})" for f in _FOLDERS) + ")")  # on lower case


def _bare_ok(p: str) -> bool:
    # "Node.js", "e.g." and version numbers are prose, not files: a bare file name needs a
    # folder, or a separator or digit in its name.
    if "/" in p:
        return True
    stem = p.rsplit(".", 1)[0]
    return any(c in stem for c in "_-") or any(c.isdigit() for c in stem) or stem.isupper()


# --- channels, urls, http status -------------------------------------------------------------
_CHANNEL = re.compile(r"(?<![\w&#/])#([a-z0-9][a-z0-9_.-]*[a-z0-9_]|[a-z])(?![\w-])")
_HEX = re.compile(r"^(?:[0-9a-f]{3}|[0-9a-f]{6})$")
_URL = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s<>\"'`)\]|]+")
_HTTP = re.compile(
    r"\bHTTP(?:/[0-9](?:\.[0-9])?)?\s*[:=]?\s+([1-5][0-9]{2})\b|\bstatus(?:\s+code)?\s*[:=]?\s*([1-5][0-9]{2})\b",
    re.IGNORECASE,
)


def channels(text: str) -> list[str]:
    """Chat channels such as ``#deploy-ops`` (not ``#1`` nor ``#0412-88231``, a name without a letter;
    not colours, not URL fragments)."""
    if "#" not in text:
        return []
    out: list[str] = []
    for m in _CHANNEL.finditer(text):
        name = m.group(1)
        # (a number is no channel: '#1', a vendor's 'Case #0412-88231'; a name has a letter)
        if (name.isdigit() or not any(c.isalpha() for c in name)
                or (_HEX.match(name) and any(c.isdigit() for c in name))):
            continue
        out.append("#" + name)
    return list(dict.fromkeys(out)) if len(out) > 1 else out


def urls(text: str) -> list[str]:
    """URLs with secrets redacted (``occ_lib.redact.redact_url``)."""
    if "://" not in text:
        return []
    out: list[str] = []
    for m in _url_matches(text):
        out.append(redact_url(m.group(0).rstrip(".,;:!?")))
    return list(dict.fromkeys(out)) if len(out) > 1 else out



def _url_matches(text: str) -> Iterator[re.Match[str]]:
    """``_URL.finditer(text)``, each search started where the next match can first begin.

    The pattern leads with ``\\b`` and a scheme of any length, so sre tries it at every position;
    but a match is its scheme (``[a-zA-Z0-9+.-]``, no ``:``) then ``://``, so none starts before
    the run of scheme characters that ends at the next ``://`` (found with ``str.find``).
    """
    pos = 0
    while True:
        p = text.find("://", pos)
        if p < 0:
            return
        q = p
        while q > pos and text[q - 1] in _SCHEME_CHARS:
            q -= 1
        m = _URL.search(text, q)
        if m is None:
            return
        yield m
        pos = m.end()


# A web address written without its scheme ('status.example.com/incidents/42', 'grafana.acme.io'): a
# host with a path, or one of three labels or more; and a file system path ('/usr/local/bin/close-resolved',
# '~/bin/fix.sh', './scripts/x'): a word that opens with '/', '~/', './' or '../' and holds another '/'.
# A host's labels may be written in capitals ('Status.Example.com/incidents/42', 'Grafana.Acme.IO'), its
# top-level domain in lower case or all capitals: a Title-case last label is a word ('Sr.Eng.Manager')
_LABEL = r"[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?\."
_TLD = r"(?:[a-z]{2,24}|[A-Z]{2,24})"
_HOST_PATH = re.compile(
    r"(?<![\w@./-])(?:(?:" + _LABEL + r")+" + _TLD + r"(?::\d{1,5})?/[^\s<>\"'`)\]|]*"
    r"|(?:" + _LABEL + r"){2,}" + _TLD + r"(?![\w-]|\.\w))"
    r"|(?<![\w.~/-])(?:~|\.{1,2})?/[\w.~-]+/[^\s<>\"'`)\]|]*"
)


def without_paths(text: str) -> str:
    """``text`` with its URLs, web addresses and paths (the artifacts' and the file system's) blanked,
    the same length (offsets hold): words inside them say nothing of the item ('see
    status.example.com/incidents/42' is no status, 'ran scripts/close_resolved.sh' resolves nothing)."""
    if "/" not in text and "." not in text and "`" not in text:
        return text
    spans: list[tuple[int, int]] = []
    if "://" in text:
        spans += [m.span() for m in _url_matches(text)]
    if "`" in text:
        pieces: list[str] = []  # (the text with each code span blanked, quotes too: what is left is prose)
        done = 0
        for m in _BACKTICK.finditer(text):
            code = m.group(1)
            if _clean_path(code) is not None and not _label_pair(code):
                spans.append(m.span(1))
            elif _command_line(code):
                spans += _command_spans(text, m.start(1), code)
            pieces += (text[done:m.start()], " " * (m.end() - m.start()))
            done = m.end()
        rest = "".join(pieces) + text[done:] if pieces else text
    else:
        rest = text
    spans += [(a, b) for a, b, _ in _bare_paths(rest)]
    if "/" in rest or ".." in rest or rest.count(".") > 1:
        spans += _host_paths(rest)
    if not spans:
        return text
    # (the spans' union blanked, in order: a few slices, not a list of every character; spans may overlap)
    pieces = []
    done = 0
    for a, b in sorted((a + _evidence_folder(text, a, b), b) for a, b in spans):
        if b <= done or a >= b:
            continue
        if a > done:
            pieces.append(text[done:a])
        pieces.append(" " * (b - max(a, done)))
        done = b
    pieces.append(text[done:])
    return "".join(pieces)


def _host_paths(rest: str) -> list[tuple[int, int]]:
    """The spans of :data:`_HOST_PATH`'s matches in ``rest``, searched in the words that hold a '/' or a
    '.' only (:func:`_path_words`)."""
    out: list[tuple[int, int]] = []
    for a, b in _path_words(rest):
        # (each branch's match holds a '/' or two '.': a sentence's last word, 'intervention.', holds none)
        if rest.find("/", a, b) >= 0 or rest.count(".", a, b) > 1:
            out += [m.span() for m in _HOST_PATH.finditer(rest, a, b)]
    return out


def _path_words(rest: str) -> Iterator[tuple[int, int]]:
    """The spans of the words of ``rest`` (between spaces) that hold a '/' or a '.', in order: each match
    of :data:`_HOST_PATH` holds one of them and no white space, so it lies in one such word, and a
    search from a word's start after a space is where the whole-text search stands there (its
    look-behind sees the space, a match ends at the next one at the latest). Searching only there gives
    the same matches faster: the regex is tried at every position, and prose between paths ('QA/product
    can follow the dashboard.') holds many."""
    n, pos = len(rest), 0
    while True:
        slash, dot = rest.find("/", pos), rest.find(".", pos)
        i = min(slash, dot) if slash >= 0 and dot >= 0 else max(slash, dot)
        if i < 0:
            return
        end = rest.find(" ", i)
        end = n if end < 0 else end
        yield max(pos, rest.rfind(" ", 0, i) + 1), end
        pos = end


# A command line in backticks ('`kubectl rollout status deploy/web`', '`jira-cli issue close --resolved`'):
# its words are the command's, not what the item says (:func:`_command_line`). The programs an on-call
# runs, by the name it is called with (no English word a label could open with: 'watch', 'time', 'find')
_CLI = frozenset(
    {"kubectl", "k", "helm", "git", "gh", "glab", "docker", "podman", "nerdctl", "crictl", "aws", "gcloud",
     "gsutil", "bq", "az", "terraform", "tf", "pulumi", "ansible", "ansible-playbook", "jira", "jira-cli",
     "acli", "curl", "wget", "ssh", "scp", "rsync", "systemctl", "journalctl", "sudo", "npm", "npx", "yarn",
     "pnpm", "pip", "pip3", "python", "python3", "node", "go", "cargo", "psql", "mysql", "redis-cli",
     "mongosh", "sqlite3", "argocd", "flux", "kustomize", "oc", "istioctl", "vault", "consul", "nomad",
     "eksctl", "openssl", "dig", "nslookup", "nc", "telnet", "traceroute", "tcpdump", "iptables", "crontab",
     "tar", "grep", "rg", "jq", "sed", "awk", "cat", "tail", "less", "ls", "rm", "mv", "cp", "chmod",
     "chown", "kill", "pkill", "ps", "bash", "sh", "zsh", "pd", "heroku", "flyctl", "vercel", "kcat",
     "make", "ping", "stern", "velero", "kubectx", "kubens", "certbot", "supervisorctl", "pm2",
     "sentry-cli", "datadog-ci", "mvn", "gradle", "echo", "xargs"}
)
_PROMPT = frozenset({"$", "#", ">", "%"})
_SHORT_OPTION = re.compile(r"-[a-z]{1,2}")
_CODE_WORD = re.compile(r"\S+")


def _command_line(code: str) -> bool:
    """Whether a backticked span of two words or more is a command line: it opens with a program's name
    (:data:`_CLI`, after a prompt's '$') or a path, or holds an option ('--resolved', '-n') or a path
    ('deploy/web'). A label keeps its words: '`resolved`', '`status: resolved`', '`Done / Closed`'."""
    parts = code.split()
    if parts and parts[0] in _PROMPT:
        return len(parts) > 1
    if len(parts) < 2:
        return False
    head = parts[0]
    if head.lower() in _CLI or head.startswith(("./", "/", "~/")):
        return True
    return any(
        p.startswith("--") and len(p) > 2 and p[2].isalpha() or _SHORT_OPTION.fullmatch(p) is not None
        or _code_path(p) for p in parts
    )


def _code_path(word: str) -> bool:
    """Whether a word of a backticked span is a path ('deploy/web', '/var/log/x'): a slash between
    characters a path is made of, no capital (a label's 'Done/Closed'), not only kind words
    ('resolved/closed': :func:`_label_pair`)."""
    word = word.strip(_EDGE)
    if "/" not in word.strip("/") and not word.startswith("/") or _PATH_CHARS.fullmatch(word) is None or (
        not any(c.isalnum() for c in word) or _label_pair(word)
    ):
        return False
    if word.startswith(("/", "~/", "./", "../")):
        return True
    # (a relative path's parts are names: 'deploy/web', 'pod/api-1'; not 'n/a', 'w/o', 'and/or', '24/7')
    parts = [p for p in word.split("/") if p]
    return word.lower() == word and len(parts) > 1 and word not in _SLASH_WORDS and all(
        len(p) > 1 and not p.isdigit() for p in parts
    )


_SLASH_WORDS = frozenset({"and/or", "either/or", "on/off", "yes/no", "y/n", "read/write"})


def _label_pair(code: str) -> bool:
    """Whether a backticked word is kind words joined by slashes ('`resolved/closed`', '`ack/done`'): a
    label naming states, no path."""
    parts = code.strip().lower().split("/")
    return len(parts) > 1 and all(p.isalpha() and p in _VOCABULARY for p in parts)


def _command_spans(text: str, at: int, code: str) -> list[tuple[int, int]]:
    """The spans of the command line ``code`` (written at ``text[at:]``) to blank: each of its words, save
    the ticket keys in it (the ticket groups still read them: '`jira issue close OPS-1`'); a word under an
    evidence folder keeps the folder (:func:`_evidence_folder`)."""
    keys = [(i, i + len(k)) for i, k in _key_spans(code)]  # (in order, none across a space)
    out: list[tuple[int, int]] = []
    j = 0
    for w in _CODE_WORD.finditer(code):
        a, b = w.span()
        while j < len(keys) and keys[j][1] <= b:  # (one walk over both: a long span stays linear)
            ka, kb = keys[j]
            if ka >= a:
                if ka > a:
                    out.append((at + a, at + ka))
                a = kb
            j += 1
        if b > a:
            out.append((at + a, at + b))
    return out


def _evidence_folder(text: str, a: int, b: int) -> int:
    """The length of the folder ``text[a:b]`` opens with when that folder's name is an evidence word
    ('artifacts/qa/contrast.md', 'evidence/OPS-1/'): kept, since a file filed there is evidence (rule 7)."""
    head, slash, _ = text[a:b].partition("/")
    return len(head) if slash and head.lower() in _EVIDENCE else 0


# A status written with its reason phrase ('502 Bad Gateway', 'got 401 Unauthorized', '(503 Service
# Unavailable)'): the phrase http.HTTPStatus gives the number, as the standard writes it or in capitals;
# in any case only an error's phrase of two words or more ('503 service unavailable'; not '201 created',
# '410 gone')
_PHRASES = {s.value: s.phrase for s in http.HTTPStatus if 100 <= s.value <= 599}
_HTTP_PHRASE = re.compile(
    r"[1-5](?<![\w.:/-][1-5])\d\d(?:[ \t]+|[ \t]*[:\u2013\u2014-][ \t]*)(?P<phrase>(?i:"
    + "|".join(sorted((re.escape(p).replace(r"\ ", r"[ \t]+") for p in set(_PHRASES.values())),
                      key=len, reverse=True))
    + r"))(?![\w'\u2019-])"
)


def _phrase_status(m: re.Match[str]) -> int | None:
    """The status of a :data:`_HTTP_PHRASE` match whose phrase is its number's, written so."""
    code = int(m.group()[:3])
    want = _PHRASES.get(code)
    said = " ".join(m.group("phrase").split())
    if want is None or said.lower() != want.lower():
        return None
    if said in (want, want.upper()) or code >= 400 and " " in want:
        return code
    return None


def http_status(text: str) -> int | None:
    """The first HTTP status mentioned (``HTTP 200``, ``HTTP/1.1 503``, ``status 502``, ``502 Bad
    Gateway``: :data:`_HTTP_PHRASE`)."""
    m = None
    if "HTTP" in text or "http" in text or "tatus" in text or "TATUS" in text:
        m = _HTTP.search(text)
    for p in _HTTP_PHRASE.finditer(text):
        if m is not None and p.start() >= m.start():
            break
        code = _phrase_status(p)
        if code is not None:
            return code
    if m is None:
        return None
    return int(m.group(1) or m.group(2))


def rare_hint(text: str) -> bool:
    """Whether ``text`` holds what a rarer secret needs (a secret's word, a command's password
    option, a credential known by its form): asked once of a whole document, so that its items
    skip these tests when none is anywhere in it (:func:`redact`'s ``rare``)."""
    text = gate_text(text)
    return _rare_hint(text, lowered_doc(text))  # (the slash order's test lowered the document already)


def _rare_hint(text: str, low: str) -> bool:
    """:func:`rare_hint` of a text :func:`gate_text` has read and its lower-cased ``low`` (computed once
    by :func:`redact` for all its gates)."""
    if ("secret" in low or "passw" in low or "passc" in low or "passp" in low or "mysql" in low
            or "login" in low or tool_hint(low) or known_hint(text) or prose_hint(low)
            or "@" in text and proxy_hint(low) or webhook_hint(low) or login_hint(low)
            or "%3d" in low or env_secret_hint(text)  # (a pair URL-encoded in free text: 'api_key%3D...')
            or "AUTH " in text or "requirepass" in low or "masterauth" in low  # (Redis's: 'AUTH X')
            or "___" in text  # (a file named after a URL: 'curl_https___u_pw@host_...log')
            or "dentified" in low or "onfig" in low  # (SQL's 'IDENTIFIED BY', 'config set NAME X')
            or "dockerc" in low  # (a registry's '.dockercfg: X')
            or code_hint(text, low)  # ('PSK: X', 'OTP 123456', 'ssh u:pw@host', 'admin/X')
            or twilio_hint(text)  # (a Twilio SID and its auth token: 'AC0123.../0123...')
            or "sudo" in text and "S" in text  # ('echo X | sudo -S ...': sudo reads its password)
            or command_hint(text, low)):  # ('ldapsearch -w X', 'snmpwalk -c X', 'net use \\\\fs\\share X')
        return True
    # a command's option, '-u', '--api-key' (not a table's '| --- |' or front matter's '---'): found
    # by its dashes (a literal a search skips to) and then checked
    # (or opens a code span, a quote or a parenthesis: '`--pass X`')
    return any(m.start() == 0 or text[m.start() - 1].isspace() or text[m.start() - 1] in "`'\"(["
               for m in _OPTION.finditer(text))


_OPTION = re.compile(r"-(?:u|-[A-Za-z])")


def redact(text: str, rare: bool = True) -> str:
    """The text with URL secrets and bearer tokens masked; cheap when there is nothing to mask.
    ``rare=False``: the document holds nothing :func:`rare_hint` looks for.

    The gates read the text as the chain's case-blind patterns do (:func:`gate_text`: a name in any
    case, 'ToKeN', 'BeArEr', 'paſsword', 'To\u212aEN'), so that an item is masked the same whichever
    path it takes: a gate that stays shut leaves only what :func:`redact_text` would leave."""
    seen = gate_text(text)
    if "://" in seen and url_hint(seen):
        return redact_text(text)
    low = seen.lower()  # (one pass; the names below in any case, as _BEARER reads them)
    if "token" in low or "bearer" in low or "basic" in low or rare and _rare_hint(seen, low):
        return redact_text(text)
    out = text
    if "|" in text and text.count("|") >= 3:  # ('pasted | api_key | X |': a table's row in a line)
        out = cell_pairs(text)
    if ("=" in seen or ":" in seen) and pair_hint(seen):  # ('GH_TOKEN=...', '"X-Api-Key: ..."')
        # (a name or a colon only the fold wrote, 'X-Api-Key\uff1aX': the whole chain, which reads it so)
        return redact_pairs(out) if seen is text else redact_text(text)
    return out


# --- kind and level --------------------------------------------------------------------------
# a name glued to a code or domain suffix is one word, none of the rules' ('Next.js', 'Socket.io',
# 'deploy.sh', 'ASP.NET' lower-cased: not 'next', 'deploy')
_NAME_SUFFIX = (r"\.(?:js|jsx|ts|tsx|io|net|com|org|dev|app|sh|py|rb|go|md|ya?ml|json|toml|cfg|conf|ini|txt"
                r"|log|csv)(?![^\W_])")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*(?:" + _NAME_SUFFIX + ")?")  # (accents too: 'résolu', 'gelöst')

# (and the words of teams that write their status in German, French or Spanish)
_ESC_DONE = frozenset(
    {"escalated", "re-escalated", "reescalated", "escalating", "re-escalating", "escalates", "eskaliert",
     "escaladé", "escaladée", "remonté", "remontée",
     # (on-call shorthand: 'esc'd to mgr', 'esc'ed', 'escd'; a bare 'esc' only before whom: _ESC_TO)
     "esc'd", "esc’d", "esc'ed", "esc’ed", "escd"}
)
_ESC_NOUN = frozenset({"escalation", "escalations", "re-escalation", "escalate"})
# the common transpositions of 'escalated'/'escalate' typed in a hurry ('Escaltaed ZD-1 to Tier 3'): read
# as the word only before 'to' in its clause (a bracket between: 'Escaltaed #1 (VIP) straight to Tier 3')
# and whom or what level it reaches (:func:`_esc_typo_fixed`)
_ESC_TYPOS = frozenset({"escaltaed", "esclated", "escalted", "escalaetd", "esclate", "escalte"})
_ESC_TYPO = re.compile(
    r"\b(" + "|".join(sorted(_ESC_TYPOS)) + r")\b(?=(?:[^.;!?,(\n]|\([^)\n]{0,40}\)){0,60}?\bto\s+\w)",
    re.IGNORECASE,
)
# a page made again is a follow-up (rule 5): 're-paged', 'repaged' ('paged again' says it in words)
_REPAGED = frozenset({"re-paged", "repaged", "re-paging", "repaging"})
_DONE = frozenset(
    {"sent", "delivered", "posted", "raised", "filed", "paged", "dispatched", "issued", "made",
     "pinged", "chased", "nudged", "reminded", "followed", "asked", "emailed", "called"}
) | _REPAGED
# a ticket resolved before is open again: only a later resolution resolves it
# (and alerting tools' words for it: Datadog's 'Re-Triggered:'; Sentry's 'Regression:' label, see classify)
_REOPENED = frozenset(
    {"reopened", "reopen", "reopens", "reopening", "re-opened", "re-open", "re-opening", "regressed",
     "recurred", "reoccurred", "re-occurred", "reoccured", "re-occured", "re-triggered", "retriggered"}
)
# ... and what says the same in other words (rule 2, :data:`_REOPEN_PHRASE`): the resolution was none ('not
# actually resolved', "the fix didn't hold", 'resolution reverted', 'marked resolved by mistake'), the ticket
# went back ('back to open', 'moving back to In Progress') or the problem did ('issue is back', 'errors are
# back', 'happening again'); read only when the item writes one of these words
_REOPEN_HINT = frozenset(
    {"actually", "really", "truly", "hold", "held", "holding", "stick", "stuck", "sticking", "resolution",
     "closure", "back", "again", "mistake", "error", "accidentally", "mistakenly", "prematurely",
     "erroneously", "wrongly"}
)
_REOPEN_PHRASE = re.compile(
    r"(?:\bnot|\bnever|n['’]t)\s+(?:actually|really|truly)\s+(?:been\s+)?(?:resolved|fixed|solved|closed"
    r"|mitigated|restored)\b"
    r"|\b(?:fix|fixes|patch|patches|hotfix|mitigation|workaround|resolution|remediation|rollback)\s+"
    r"(?:didn['’]t|did\s+not|hasn['’]t|has\s+not|hadn['’]t|had\s+not|doesn['’]t|does\s+not|isn['’]t|is\s+not"
    r"|wasn['’]t|was\s+not)\s+(?:hold|held|holding|stick|stuck|sticking)\b"
    r"|\b(?:resolution|closure)\s+(?:(?:was|has\s+been|got|is)\s+)?(?:reverted|undone|rolled\s+back"
    r"|backed\s+out)\b"
    r"|\bback\s+(?:to|in)\s+(?:the\s+)?(?:open|in[\s-]progress|to[\s-]?do|triage|investigating|backlog"
    r"|unresolved)\b(?![\w-])"
    r"|\b(?:issues?|problems?|errors?|failures?|alerts?|alarms?|outage|bug|incident|symptoms?|5xx|timeouts?)"
    r"\s+(?:is|are|came|has\s+come|have\s+come)\s+back\b(?!\s+(?:to|at|below|within|under|down|up|normal"
    r"|green|healthy|in\s+(?:range|bounds|line|spec|budget))\b)"
    r"|\b(?:happening|occurring|happened|occurred)\s+again\b"
    r"|\b(?:resolved|closed|done|fixed)\s+(?:by\s+mistake|in\s+error|accidentally|mistakenly|prematurely"
    r"|erroneously|wrongly)(?![\w-])"
    r"|\b(?:mistakenly|accidentally|erroneously|wrongly|prematurely)\s+(?:marked\s+(?:as\s+)?|set\s+to\s+)?"
    r"(?:resolved|closed|done)\b"
)
# a period of work closed, no ticket ('week closed out', 'shift done', 'sprint closed'), or a call or a
# meeting held ('13:00 callback done, plan: export split in 6 chunks', 'bridge call done', 'handoff call
# done'): a step of the work, not its end: :func:`classify`
_PERIOD_DONE = re.compile(
    r"\b(?:(?:work)?week|day|shift|sprint|month|quarter|books|call[- ]?backs?|(?:bridge|handoff|handover"
    r"|customer|kick-?off)\s+calls?|meetings?)\s+(?:(?:is|was|now|has\s+been)\s+)?"
    r"(?:closed(?:\s+out)?|done|wrapped(?:\s+up)?|completed?)\b"
)
# a market, a bank, a payment rail or an office closed ('Columbus Day: ACH and Fedwire closed', 'US markets
# closed', 'banks are closed Monday'): a closure of the calendar, no ticket's: :func:`classify`
_VENUE_CLOSED = re.compile(
    r"\b(?:(?:ach|fedwire|chips|swift|sepa|target2|bacs|chaps|fps|nyse|nasdaq|lse|cme|fed|fx|stock|us|uk|eu"
    r"|us\s+stock|bond)\s+)*(?:ach|fedwire|chips|swift|sepa|target2|bacs|chaps|nyse|nasdaq|lse|cme"
    r"|markets?|exchanges?|banks?|offices?|settlement|clearing)"
    r"(?:\s*(?:,|and|&|/)\s*(?:the\s+)?[a-z0-9]+(?:\s+(?:markets?|banks?|exchanges?))?)*"
    r"\s+(?:(?:is|are|was|were|will\s+be|remain|remains|stay|stays)\s+)?closed\b"
)
# a tally: a count of tickets said resolved, written as a list's part after a colon, a comma or a
# semicolon ('weekly: 4 escalations, 2 resolved', 'OPS-3 subtasks: 2 resolved, 1 open', '3 closed and 1
# reopened'); not a ticket's sibling number ('OPS-1 and 2 fixed', 'OPS-1, 2, 3 fixed': after 'and' or after a
# comma that follows a digit), nor a build's, a version's or a PR's number ('build 1234 succeeded', 'PR #12
# merged'), nor a clock time ('09:30 resolved': a count's colon has a space after it), nor a year ('Oct 9,
# 2025 closed'). On lower case; the gate first: a digit, a space and a resolution word, up to two words
# between
_TALLY_GATE = re.compile(r"\d (?:[a-z]+ ){0,2}(?:resolved|closed|fixed|done|completed|solved)\b")
_TALLY = re.compile(
    r"(?:^|:(?=\s)|(?<!\d)[,;])\s*\d{1,3}\s+(?:(?:tickets?|issues?|incidents?|cases?|bugs?|items?)\s+)?"
    r"(?:(?:were|are|now)\s+)?(?:resolved|closed|fixed|done|completed|solved)\b"
)
_RESOLVED_WORDS_EN = frozenset(
    {"closed", "resolved", "delivered", "done", "merged", "landed", "shipped", "fixed", "completed",
     "restored", "recovered", "mitigated", "met", "succeeded", "renewed", "solved",
     # (a fault repaired is fixed: 'Colt repaired fibre at 22:05 CEST', 'Dock 4 repaired, back in service')
     "repaired",
     # (a ServiceNow request item ends fulfilled: 'RITM0012345 fulfilled')
     "fulfilled"}
)
_RESOLVED = _RESOLVED_WORDS_EN | frozenset(
    {"auto-resolved", "autoresolved", "auto-closed",
     "autoclosed", "self-resolved", "self-healed", "auto-healed", "auto-recovered",
     # (a licence or a bot's PR done by itself: 'licence auto-renewed overnight', 'PR #1250 auto-merged')
     "auto-renewed", "autorenewed", "auto-merged", "automerged",
     "erledigt", "behoben", "geschlossen", "gelöst",
     "resuelto", "resuelta", "solucionado", "solucionada", "cerrado", "cerrada", "résolu", "résolue",
     "corrigé", "corrigée", "clôturé", "clôturée", "rétabli", "rétablie"}
)
# a board or a group that met held a meeting, no deadline or ticket was met: 'CAB met: 3 changes
# approved', 'steering group met to discuss', 'we met with the vendor' (not 'the team met the deadline')
_BODY_MET = re.compile(
    r"\b(?:e?cab|boards?|committees?|councils?|steering(?:\s+(?:group|committee))?|panel|we|they"
    r"|the\s+team)\s+(?:(?:has|have|had|just|briefly|finally)\s+)*met\b(?!\s+(?:the|its|our|their|all|every"
    r"|each|both|this|that|these|those|sla|slas?|targets?|deadlines?|etas?)\b)"
    r"|\bmet\s+(?:with|to\s+(?:discuss|review|approve|agree))\b",
    re.IGNORECASE,
)
_COMPLETE = frozenset({"complete"})  # (a resolution only as a state: _COMPLETE_STATE)
_NOT_RESOLVED = frozenset(
    {"not", "never", "once", "until", "unless", "if", "when", "pending", "awaiting", "waiting",
     "remains", "remain", "reflect", "soon", "no", "without", "yet", "unresolved", "isn't", "wasn't",
     "hasn't", "haven't", "won't", "didn't", "must", "should", "nicht", "pendiente", "sin", "pas", "non",
     "toujours", "attente"}
)
# an alert or a ticket taken up: PagerDuty's 'Acknowledged', 'acked at 14:07', chat's 'ack, looking'
# (a first response); a bare 'ack' near packet words is TCP's ('SYN/ACK', 'dropped ack packets')
_ACK = frozenset({"acknowledged", "acked", "ack'd", "ack’d", "ack'ed", "ack’ed", "ack", "quittiert",
                  "bestätigt", "acquitté", "acquittée",
                  "acking"})  # (chat's 'paged, acking': taking the page now)
_NET = frozenset({"tcp", "syn", "packet", "packets", "rst", "retransmit", "retransmits"})
# ... or taken up by someone: 'picked up by on-call', 'picked up by @kim', 'I picked up OPS-1', 'kim is
# looking into it', '@kim: on it', 'started investigating', or answered: 'replied to Acme on SUP-4410',
# 'responded to the customer' (not what they wrote to us: 'customer replied to our mail', 'they
# responded to me'); not what a system picks up ('config picked up by the pods', 'traffic picked up',
# 'looking into options')
_TAKEN_WORDS = frozenset({"picked", "looking", "on", "replied", "responded", "started", "began", "begun",
                          "joined", "sent"})
_TAKEN_UP = re.compile(
    # (a help desk's first response: 'first reply sent with macro', 'first reply overdue by 25 min - sent
    # now', 'reply sent to the customer'; not 'first reply not sent yet', a negation, nor one to come,
    # 'first response will be sent by 10:00', 'first reply due 12:15; patch sent to QA', nor 'reply sent
    # 11:45' alone, an answer a promise waited for: reply_promise)
    r"(?i:\bfirst\s+(?:reply|response)\b(?:(?!\b(?:will|be|due|until|once|after|when)\b)[^.;:\n]){0,40}?\bsent\b"
    r"|\b(?:reply|response)\s+(?:was\s+|has\s+been\s+)?sent\s+to\s+(?:the\s+)?"
    r"(?:customer|client|requester|user|merchant)s?\b)|"
    # (the lookahead first: the lookbehinds run only where 'replied' or 'responded' starts)
    r"(?i:\b(?=replied|responded)(?<!customer )(?<!client )(?<!merchant )(?<!user )(?<!vendor )(?<!they )"
    r"(?<!he )(?<!she )(?:replied|responded)\s+to\s+(?!us\b|our\b|me\b|my\b))|"
    r"(?i:\bpicked\s+up\s+by\s+(?:the\s+|our\s+)?(?:on[- ]?call|primary|secondary|support|sre|ic\b"
    r"|service\s+desk|help\s?desk|noc\b)"
    # (an MSP's responder on the incident's bridge: 'Engineer on the bridge 08:58 ET', 'tech joined the
    # bridge'; not 'vendor on the bridge', nor 'the call')
    r"|\b(?:engineer|tech|technician|on[- ]?call|we|I)\s+(?:is\s+|are\s+|was\s+|were\s+|has\s+)?"
    r"(?:on|joined)\s+the\s+(?:incident\s+)?bridge\b"
    r"|\b(?:I|we|she|he|they)\s+(?:have\s+|'ve\s+|just\s+)?picked\s+(?:it\s+)?up\b"
    r"|\b(?:is|are|am|I'm|we're|'m|'re)\s+(?:now\s+)?looking\s+into\s+(?:it|this|the\s+(?:alert|page|incident|issue|ticket))\b)"
    # (someone started on the ticket: 'started investigating', 'began working on OPS-1'; not 'backfill
    # started 14:10', a job's start, nor 'errors started', an onset)
    r"|(?i:\b(?:started|began|begun)\s+(?:investigating|triaging|troubleshooting|working\s+on|work\s+on"
    r"|looking\s+into)\b)"
    r"|\bpicked\s+up\s+by\s+@[\w.-]+|@[\w.-]+\s+picked\s+(?:it\s+)?up\b|\bpicked\s+up\s+[A-Z][A-Z0-9]+-\d+"
    r"|(?:^|@[\w.-]+:?\s+)(?i:on\s+it)\b(?!\s+(?:yet|later|tomorrow))"
    # (chat's eyes beside it: '👀 on it', '👀 PAY-9 looking', 'looking 👀', as Slack's ':eyes: on it' is read)
    r"|\U0001f440[\s*_]*(?:[A-Z][A-Z0-9]*-\d+[\s*_:,]*)?(?i:on\s+it|looking)\b(?!\s+(?:yet|later|tomorrow|for|at|into\s+options))"
    r"|(?i:\bon\s+it|\blooking)[\s,.!*_]*\U0001f440"
)
# ... or taken in chat's own words, the one who takes it writing: 'picked up here', 'picking this up',
# 'taking this', 'taking OPS-7', "I've got it", 'I got this' (not 'taking this offline', 'taking it to the
# CAB', 'got it working', nor a bare 'got it', an answer: 'got it, thanks'); on the item as written
_TAKEN_CHAT = re.compile(
    r"(?i:\bpicked\s+up\s+here\b|\bpicking\s+(?:this|it)(?:\s+one)?\s+up\b"
    # (said by who takes it: not 'the cluster is taking it.')
    r"|(?<!is )(?<!are )(?<!was )(?<!were )(?<!'s )(?<!\u2019s )\btaking\s+(?:this|it)(?:\s+one)?(?:\s+over)?"
    r"(?=\s*(?:$|[.,;:!)\u2013\u2014]|-\s|\U0001f440)"
    r"|\s+(?:now|here|from\s+here)\b)"
    r"|\btaking\s+(?:over\s+)?(?-i:[A-Z][A-Z0-9]*-\d+)\b(?!\s+(?:to|off|down|out|offline)\b)"
    r"|\b(?:I|I['\u2019]ve|I\s+have|we|we['\u2019]ve|we\s+have)\s+got\s+(?:this|it)(?:\s+one)?"
    r"(?=\s*(?:$|[.,;:!)\u2013\u2014]|-\s|\U0001f440)|\s+(?:now|here|from\s+here)\b))"
)
# ... or a crew or a technician sent to the fault: a field operation's first response, the outage desk
# acting on the ticket ('crew dispatched to site', 'dispatched a line crew to feeder 12', 'truck rolled',
# 'rolled a truck', 'tech en route', 'splicer on the way'); not one denied or to come ('no truck rolled
# yet', 'crew to be dispatched', 'truck roll scheduled for Thu'); on the item as written, after
# :data:`_DISPATCH_GATE` on its lower case
_FIELD_CREW = (
    r"(?:(?:line|field|repair|bucket|tree|storm|splice|splicing|fiber|fibre|cable|service|restoration|network)"
    r"[\s-]+)?(?:crews?|techs?|technicians?|engineers?|linem[ae]n|linesm[ae]n|lineworkers?|splicers?"
    r"|installers?|troubleshooters?|first\s+responders?|field\s+teams?|FEs?|CEs?|FSEs?)"
)
_CREW_ID = r"(?:\s+#?\d{1,4}[a-z]?\b|\s+[A-Z]\b)?(?:\s+\([^()\n]{0,40}\))?"  # ('crew 3', 'truck #41 (Jim)')
_DISPATCHED = re.compile(
    r"(?i:\b(?:" + _FIELD_CREW + r"|trucks?)" + _CREW_ID + r"\s+(?:(?:is|are|was|were|has\s+been"
    r"|have\s+been|now|already|just)\s+){0,3}(?:dispatched|en[\s-]?route|enroute|on\s+(?:the|their|his|her|its)"
    r"\s+way)\b"
    # (arrived or on site, now: 'crew 3 on site, patrolling'; not a visit to come or told of, 'engineer on
    # site Wednesday morning', 'on site at 09:00', 'was on site')
    r"|(?<!by )(?<!by the )(?<!with the )\b" + _FIELD_CREW + _CREW_ID
    + r"\s+(?:(?:is|are|now|has|have|just)\s+){0,3}(?:arrived(?:\s+on[\s-]?site)?\b(?!\s+at\s+(?:an?|the)\s)"
    r"|(?:on[\s-]?site|onsite)\b(?!\s+(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|today|tonight|this|next|at|by|from|in|until|till"
    r"|for|on|around|between|\d)\w*))"
    r"|\btrucks?" + _CREW_ID
    + r"\s+(?:(?:was|were|has\s+been|have\s+been|now|already|just)\s+){0,3}(?:rolled|rolling)\b"
    r"(?!\s+(?:back|off)\b)"
    r"|\b(?:dispatched|dispatching)\s+(?:out\s+)?(?:an?\s+|the\s+|our\s+|one\s+|two\s+|\d\s+)?"
    + _FIELD_CREW + r"\b"
    # (sent only with where to: 'sent a crew to feeder 12', 'sent out a tech'; not 'sent the engineer the
    # logs')
    r"|\b(?:sent|sending)\s+(?:out\s+)?(?:an?\s+|the\s+|our\s+|one\s+|two\s+|\d\s+)?" + _FIELD_CREW
    + r"(?:\s+(?:out\s+)?(?:to|on|onsite|on-site)\b|\s+out\b|\s*(?:$|[.,;:!)]))"
    r"|\b(?:rolled|rolling)\s+(?:an?\s+|the\s+|one\s+|two\s+|\d\s+)?trucks?\b)"
)
_DISPATCH_GATE = ("dispatch", "roll", "route", "way", "sent", "sending", "site", "arrived")
ACK = _ACK  # (logs: an escalation whose clause of its own tells an ack)
_ACK_WORDS = _ACK - {"ack", "acking"}  # (what says acknowledged beside packet words too)
_FOLLOW = frozenset(
    {"follow-up", "follow-ups", "followup", "followups", "ping", "pinged", "pinging", "chased",
     "chasing", "nudge", "nudged", "nudging", "reminder", "reminders", "reminded", "paged", "paging"}
) | _REPAGED
_FOLLOW_PHRASES = ("follow up", "followed up", "following up", "checked in", "check in with")
# a follow-up as a ticket or a piece of work, no ping: 'follow-up ticket OPS-312 filed', 'postmortem
# follow-ups tracked in OPS-313', 'Follow-up work in OPS-230', 'follow-up OPS-906 remains open' (read on
# the lower-cased item; the noun is what is blanked)
_FOLLOW_NOUN = re.compile(
    r"\bfollow-?ups?(?=\s+(?P<work>work|tasks?|items?|actions?)\b"
    r"|\s+(?:tickets?|issues?|stor(?:y|ies)|bugs?|epics?|jiras?|prs?|changes?)\b"
    r"|\s+(?:(?:is|are|was|were|been|being|now)\s+)*(?:tracked|filed|logged|captured|recorded|listed|opened"
    r"|created|raised|ticketed)\s+(?:in|as|under|on)\b"
    r"|\s+(?:(?:is|are|was|were)\s+)?(?:in|as|under)\s+[a-z][a-z0-9]*-\d"
    r"|\s+[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*-\d+\s+(?:remains|remain|stays|stay|still|open|opened|filed|created"
    r"|raised|logged|tracks|is\s+open|to\s+track)\b)"
    # a ticket opened for follow-up work ('PAY-891/892 opened for follow ups (alerting, runbook)')
    r"|\b(?:opened|created|filed|raised|logged|cut)\s+(?:as|for)\s+(?:the\s+)?follow[- ]?ups?\b"
)
# any(p in low for p in _FOLLOW_PHRASES) in one C call: most items that say "follow" ask it
_FOLLOW_PHRASE = re.compile("|".join(map(re.escape, _FOLLOW_PHRASES)))
# (what a match of _FOLLOW_NOUN opens with)
_FOLLOW_NOUN_OPENS = ("follow", "opened", "created", "filed", "raised", "logged", "cut")


def _first_of(text: str, words: tuple[str, ...]) -> int:
    """Where the first of ``words`` is in ``text``, -1 when none is."""
    at = -1
    for word in words:
        # (once one is found, only an earlier one counts: the scan stops where a word opening before it
        # would end)
        i = text.find(word) if at < 0 else text.find(word, 0, at - 1 + len(word))
        if i >= 0 and (at < 0 or i < at):
            at = i
    return at


def folds_plainly(text: str) -> bool:
    """Whether IGNORECASE reads ``text``'s letters as ``text.lower()`` writes them, at the same offsets, so
    that a case-blind pattern's ASCII words are found in the lower-cased text: an ASCII text, or one
    without the dotted I, the dotless i, the long s and the Kelvin sign, the only characters outside ASCII
    that it matches to an ASCII letter ('\\u017fla' is 'sla' to it; the Kelvin sign lowers to 'k') and,
    for the dotted I, the only one whose lower case is longer (checked over all of Unicode). Only for
    words of letters: a class such as ``\\s`` reads more than ASCII in other text."""
    return text.isascii() or not (
        "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text)


def _search_from(pattern: re.Pattern[str], text: str, opens: tuple[str, ...]) -> re.Match[str] | None:
    """``pattern.search(text)``, started at the first of ``opens`` in ``text`` (every match of ``pattern``
    opens with one of them, as written): sre tries a pattern with no literal prefix at every position, and
    the words an item holds before that are many. ``\\b`` and look-behinds still see what lies before."""
    at = _first_of(text, opens)
    return None if at < 0 else pattern.search(text, at)


_FOLLOW_WORDS = frozenset({"follow", "followed", "following", "check", "checked"})  # (of the phrases)
_BLOCKED = frozenset(
    {"blocked", "blocker", "blockers", "blocking", "awaiting", "pending", "stuck", "waiting",
     "unresolved", "stalled"}
)
_EVIDENCE = frozenset(
    {"captured", "evidence", "artifact", "artifacts", "transcript", "transcripts", "screenshot",
     "screenshots", "recording", "har"}
)
_PLAN = frozenset(
    {"next", "will", "plan", "planned", "planning", "schedule", "scheduled", "upcoming", "todo",
     "draft", "drafted", "drafting", "staged", "staging-plan", "prep", "prepped", "prepare",
     "preparing", "queued", "if", "once", "tomorrow", "intend", "going"}
)
# a plan word that only dates or renews a stated deadline ('new ETA tomorrow 10 AM', 'due tomorrow', 'by
# tomorrow EOD', 'next ETA 19:00', 'response due next business day by 12:55'): the promise's words, which
# make the item a deadline, not a plan (rule 8; 'deploy tomorrow, ETA 10:00' still plans the deploy);
# :func:`_only_due_plan`, on lower case
_DUE_PLAN = re.compile(
    r"\b(?:(?:eta|due|by|deadline|target|until|before)\s*:?\s+(?:(?:is|now|moved\s+to|pushed\s+to)\s+)?"
    r"(?:tomorrow|next\s+(?:business|working)\s+day)|next\s+eta)\b"
)
_DUE_PLAN_WORDS = frozenset({"tomorrow", "next"})
_STATUS = frozenset(
    {"updated", "update", "confirmed", "verified", "re-read", "re-ran", "rerun", "refreshed",
     "aligned", "synced", "published", "monitoring", "tracking", "reviewed", "healthy", "degraded",
     "status", "progress", "green", "outage", "running", "unblocked", "continues", "ongoing"}
)
# a re-run of what failed under way: progress, the fix not yet seen to work ('CUT-17 fix loaded, re-run of
# failed POs from 14:10', 're-run started', 're-run in progress'); not one still needed ('re-run needs
# lock_timeout set'). On lower case, after the word 're-run' (hyphenated: 'rerun' is in _STATUS).
_RERUN_UNDER_WAY = re.compile(
    r"\bre-run\s+(?:of\b|(?:is\s+|was\s+|now\s+)?(?:started|running|under\s?way|in\s+progress|kicked\s+off"
    r"|going)\b|from\s+\d)"
)
_PAGED = frozenset({"paged", "paging"})
# the verbs that tell the step of each kind, as done ('resolved', 'escalated', 'acked', 'pinged'...), and of a
# note the few that tell something happened ('deployed', 'failed'): a past day word right before or after
# one dates that step, not the item's stamp (:func:`step_day_word`)
_NOTE_VERBS = frozenset(
    {"deployed", "failed", "released", "crashed", "restarted", "started", "broke", "happened", "occurred"}
)
_STEP_VERBS: dict[str, frozenset[str]] = {
    "resolved": _RESOLVED, "escalation": _ESC_DONE | _PAGED, "acknowledged": _ACK, "follow_up": _DONE,
    "blocked": _BLOCKED, "reopened": _REOPENED, "note": _NOTE_VERBS,
}
# the word right before a day word ('resolved yesterday', 'fixed late yesterday'; read on the text before it)
# and right after it ('yesterday resolved', 'yesterday evening resolved'): nothing but spaces between
_WORD_BEFORE_DAY = re.compile(r"([^\W\d_][\w'\u2019-]*)\s+(?:(?i:late|early|the)\s+)?$")
# the words before 'on' and a day (a verb, its object and whom it reached: up to seven, no clause break)
_VERB_ON_DAY = re.compile(r"(?<![\w'\u2019-])((?:[\w'\u2019-]+[^\S\n]+){2,7})(?i:on)[^\S\n]+$")
_WORD_AFTER_DAY = re.compile(r"\s+(?:(?i:morning|afternoon|evening|night)\s+)?([^\W\d_][\w'\u2019-]*)")
# 'staged' before what is rolled out in stages is how it rolls out, nothing staged for later ('staged
# rollout to 5%', 'staged canary'): :func:`classify`
_STAGED_ROLLOUT = re.compile(
    r"(?i:\bstaged[- ](?:rollouts?|roll-outs?|releases?|deploys?|deployments?|canary))"
)
# 'queued' with a count is how many waited, nothing queued for later ('outage 12:10-13:25, queued 41 jobs',
# '41 jobs queued'; still a plan with what it waits for: 'queued 3 deploys for Monday'; a key's number is
# no count: 'PAY-2 still queued'): :func:`classify`
_QUEUED_COUNT = re.compile(
    r"(?i:(?>\bqueued\s+(?:up\s+)?~?\d[\d,]*\+?(?:\s+[a-z-]+)?|(?<![\w.:/-])\d[\d,]*\+?\s+(?:[a-z-]+\s+)?(?:were\s+|got\s+)?queued))\b"
    r"(?!\s+(?:for|until|till|to\s+run|to\s+go|behind)\b)"
)
# 'queued' said of what waits in a queue now, nothing after it ('runs queued', 'PAY-2 still queued', 'perf
# rerun queued.'): the state of a job, as 'running' is, no work planned; still a plan with what it is
# queued for or until ('deploy queued for 14:00', 'queued the rollback for tonight'): :func:`classify`
_QUEUED_STATE = re.compile(r"(?i:\bqueued\b(?=\s*(?:$|[.,;:!)\u2013\u2014]|-\s|\s+(?:and|at|since|as)\b)))")
# (what is right before it: a word, then up to three of these; read on the 60 characters before 'queued')
_QUEUED_SUBJECT = re.compile(
    r"(?i:(?<![\w'\u2019-])(?!queued\b)[^\W\d_][\w'\u2019-]*\s+(?:(?:is|are|was|were|still|now|all|already|got"
    r"|been|being)\s+){0,3}$)"
)


def _queued_state(text: str) -> bool:
    """Whether the item says something is queued now, as its state (:data:`_QUEUED_STATE`): each 'queued'
    at a clause's end looked at with the words right before it, a bounded window."""
    for m in _QUEUED_STATE.finditer(text):
        if _QUEUED_SUBJECT.search(text, max(0, m.start() - 60), m.start()) is not None:
            return True
    return False


# 'once' that counts, one time ('recloser cycled once and held', 'tripped once', 'only once', 'at once',
# 'once a day'), no condition ('deploy once QA signs off') nor a plan: :func:`classify`
_ONCE_ADVERB = re.compile(
    r"(?i:\b(?:at|only|just|than|all\s+at)\s+once\b|\bonce\b(?=\s*(?:$|[.,;:!?)\u2013\u2014]|-\s)|\s+(?:and|or|but"
    r"|more(?=\s*(?:$|[.,;:!)]|\s+(?:time|today|tonight|now)\b))|again|before|already|only|per|every|daily|weekly"
    r"|a\s+(?:day|week|month|year|shift|night|minute|hour)"
    r"|in\s+a\s+while)\b))"
)
_ONCE = re.compile(r"(?i:\bonce\b)")
# the schedule kept, said of what ran: 'went out on schedule', 'ran as scheduled', 'behind schedule', 'per
# schedule' (on time, or not: how it went), no plan: :func:`classify`
_ON_SCHEDULE = re.compile(
    r"(?i:\b(?:on|ahead\s+of|behind|per|as\s+per|according\s+to|off)\s+(?:the\s+)?schedule\b|\bas\s+scheduled\b)"
)
_SCHEDULE_WORDS = frozenset({"schedule", "scheduled"})
# an outage that happened, timed by a range ('GitHub Actions outage (githubstatus.com) 12:10-13:25', 'incident
# window: 02:10 - 02:55 UTC'): over at the range's end, which resolves it (:func:`past_outage`); not a
# planned or scheduled one, a maintenance's, nor one still going on or to come
_OUTAGE_RANGE = re.compile(
    r"(?i:(?<!planned )(?<!scheduled )(?<!maintenance )\b(?:outage|downtime|disruption|degradation|incident)"
    r"(?:\s*\([^()\n]{0,60}\))?(?:\s+window)?\s*:?\s*(?:from\s+|between\s+)?\d{1,2}(?::?\d{2})?\s*(?:[ap]\.?m\.?\s*)?"
    r"(?:[A-Z]{2,4}\s*)?(?:-|\u2013|\u2014|to\b|and\b)\s*\d)"
)
_OUTAGE_GOES_ON = re.compile(
    r"(?i:\b(?:ongoing|continues|continuing|still|persists?|expected|estimated|eta|planned|scheduled"
    r"|maintenance|tonight|tomorrow|will|upcoming|next)\b)"
)
# a change's downtime or maintenance (window) said over, as done: a resolution ('downtime ended', 'maintenance
# window over', 'downtime has ended'; as 'maintenance complete' already is); not one to come or asked
# ('until downtime ends', 'downtime ends at 04:00', 'is the downtime over?': no past form, or a question)
_WINDOW_ENDED = re.compile(
    r"(?i:\b(?:downtime|maintenance)(?:\s+window)?\s+(?:(?:has|is|was)\s+(?:now\s+)?)?"
    r"(?:ended|over|finished)\b(?![?\w'\u2019-]|\s*\?))"
)
_EXEC = frozenset(
    {"cio", "cto", "ceo", "coo", "cfo", "ciso", "vp", "svp", "evp", "vpe", "vpoe", "director", "directors",
     # (a hospital's chiefs: medical information, medical, nursing, nursing information officer)
     "cmio", "cmo", "cno", "cnio",
     "executive", "executives", "exec", "execs", "vorstand", "geschaeftsfuehrung", "geschaeftsfuehrer",
     "geschäftsführung", "geschäftsführer", "directeur", "directrice"}
)
_EXEC_PHRASES = ("vice president", "dir. ")  # ('escalated to Dir. Eng'; and "head of": _HEAD_OF)
# 'head of infra', also in a handle ('@head-of-infra'); not 'ahead of', nor 'head-of-line blocking'
_HEAD_OF = re.compile(r"\bhead[ -]of\b(?![ -]line\b)")
# where an item writes whom it reaches: after an escalation verb (up to three words on) and 'to' or an
# arrow ('escalated -> dir', 'esc'd OPS-1 to TL'), or after a loop-in verb and 'in' ('looped in Dir Eng')
_WHOM = (
    r"(?:\b(?:(?:re-?)?escalat\w*|esc(?:['\u2019]?e?d)?)(?:\s+[\w-]+){0,3}?\s*(?:\bto\b|\u2192|->)"
    r"|\b(?:looped|roped|pulled|brought|looping|roping|pulling|bringing)\s+in)\s+"
)
# 'dir' (director) is a role only there ('escalated -> dir', 'looped in eng dir', 'mgr looped in dir of
# eng'); never a folder ('mkdir dir', 'the dir /var/log', 'escalated logs to dir /tmp'). On lower case.
_DIR_ROLE = re.compile(_WHOM + r"(?:eng(?:ineering)?\s+)?dir\b(?![./~-]|\s+[/~.])")
# 'TL' (team lead) too, written in capitals ('escalated to TL', 'looped in the TL'; not 'TL;DR')
_TL_ROLE = re.compile(r"(?i:" + _WHOM + r"(?:the\s+|our\s+|my\s+)?)TL\b(?![;'\u2019-])")
# a bare 'esc' is the verb only before whom it reaches ('esc to mgr'; not 'press esc to close'):
# :func:`_esc_to_role`
_ESC_TO = re.compile(r"\besc\s*(?:\bto\b|\u2192|->)\s*((?:[\w@'\u2019.-]+\s+){0,2}[\w@'\u2019.-]+)")
_SHORT_ROLE = frozenset({"dir", "tl"})  # (what names a role right after 'esc to')
_MANAGER = frozenset(
    {"manager", "managers", "mgr", "mgrs", "lead", "leads", "supervisor", "commander", "ic", "re-escalated",
     "re-escalation", "re-escalating", "reescalated", "incident-commander", "em", "teamleitung",
     "teamlead", "teamleads", "teamleiter", "teamleiterin", "vorgesetzte", "vorgesetzten", "vorgesetzter",
     "abteilungsleiter", "abteilungsleitung", "bereichsleiter", "bereichsleitung", "gerente", "responsable",
     # (a manager's manager: 'escalated to my skip-level')
     "skip-level", "skip-levels", "skiplevel", "skiplevels"}
)
# what is named for a manager but is a thing, no person: 'password manager', 'AWS Secrets Manager',
# 'cert-manager', 'package manager' (a manager as a role: 'incident manager', 'release manager' stay); and a
# role's document, no one reached: "per the director's runbook", "the manager's checklist" ("the CIO's
# office" is still the CIO's). On lower case; what the match's group ``role`` holds is blanked
# (:func:`_no_role`)
_NOT_A_ROLE = re.compile(
    # (not a word that also names a person's job: a service, network, resource, fleet or process manager)
    r"\b(?:password|passwords|package|secrets?|certificate|cert|window|task|file|download"
    r"|device|volume|cluster|node|traffic|connection|session|systems?|identity|key|license|credential"
    r"|config(?:uration)?|state|memory|dependency|version|plugin|extension|display|boot"
    r"|workload|partition|storage|lock|token|queue|job|power|firewall|log|cache|entity|bookmark|vault)"
    r"[ \t-]+(?P<role>managers?)\b(?!['\u2019-])"
    r"|\b(?P<owner>[a-z]+(?:-[a-z]+)?)['\u2019]s\s+(?:[a-z-]+\s+)?(?:runbooks?|playbooks?|docs?|documents?"
    r"|documentation|wiki|guides?|guidelines|checklists?|templates?|dashboards?|notes|slides|decks?"
    r"|spreadsheets?|sheets?|calendars?|handbook|manual|procedures?|sop|sops|memo|script|scripts)\b"
)


def _no_role(text: str) -> str:
    """``text`` with each manager that is a thing and each role named only as a document's owner
    blanked (:data:`_NOT_A_ROLE`), the same length."""
    low = text.lower()
    spans = []
    for m in _NOT_A_ROLE.finditer(low):
        if m.group("role") is not None:
            spans.append(m.span("role"))
        elif m.group("owner") in _ANY_ROLE:
            spans.append(m.span("owner"))
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)
# management (also 'mgmt') is who a manager is, when it is whom the item reaches ('escalated to
# management', 'escalation sent to mgmt', 'escalated to senior management', 'notified upper management');
# not a thing named for managing ('incident management team', 'the mgmt network', 'via change management')
_MGMT_WORDS = frozenset({"management", "mgmt"})
_MGMT = re.compile(
    r"\b(?:to|with|in|notified|informed|alerted|briefed|cc['’]?e?d|cc-ed|cc['’-]?ing|pinged|paged|emailed"
    r"|messaged|contacted|engaged)\s+(?:(?:the|our|my|their|senior|upper|top|line|local|site|regional)\s+){0,2}"
    r"(?:management|mgmt)\b(?![\s-]*(?:plane|console|network|net|interface|port|vlan|lan|vpc|subnet|ip|address"
    r"|api|ui|portal|tools?|server|cluster|node|host|agent|layer|station|software|system|account|traffic"
    r"|access|approval)\b)"
)
# paging the on-call is a page (level 1), not a manager
_ONCALL = frozenset({"on-call", "oncall"})
# bringing a manager or an executive in is an escalation too: "VP Eng looped in", "notified the
# director", "cc'd the support manager" (the role gives the level)
_LOOP_IN = frozenset(  # with "in"
    {"looped", "roped", "pulled", "brought", "looping", "roping", "pulling", "bringing"}
)
_TOLD = frozenset(
    {"notified", "alerted", "briefed", "cc'd", "cced", "cc’d", "cc'ed", "cc’ed", "cc-ed", "cc'ing", "cc’ing",
     "ccing", "cc-ing"}
)
# reaching a manager or an executive directly is an escalation too: "paged the CTO", "pinged the
# support manager", "raised it with my manager" ('lead' alone is no role here: "pinged about lead time";
# told/informed/called say no direction: "Manager informed us the ETA is Friday")
_CONTACT = frozenset(
    {"paged", "paging", "pinged", "emailed", "messaged", "raised", "contacted"}
) | _REPAGED
_ROLE = (_MANAGER - {"lead", "leads"}) | _EXEC
# ... unless someone's: 'pinged his lead', 'emailed our team lead', 'raised it with my QA lead'
_OWNED_LEAD = re.compile(r"\b(?:his|her|their|my|our|your)\s+(?:[\w-]+\s+)?leads?\b(?!\s+time)")
# ... and informing or engaging one, when the role is who was informed ("informed the CEO", "IC engaged
# VP Eng"; not "the VP informed us", "IC engaged")
_INFORMED = frozenset({"informed", "informing", "engaged", "engaging"})
_INFORMED_WHOM = re.compile(
    r"\b(?:informed|informing|engaged|engaging)\s+(?!by\b|us\b|me\b|that\b)((?:[\w@'’-]+\s+){0,2}[\w@'’-]+)"
)
# bringing in the legal team is an escalation too, at a manager's level (an incident with legal or
# regulatory exposure: 'legal looped in (Tomasz)', 'looped in legal', 'notified legal', 'Legal counsel
# was briefed', 'escalated OPS-1 to legal'); not a thing named 'legal' ('legal hold', 'notified legal
# entities', 'blocked on legal').
# On lower case, after the gate '"egal" in text'
_LEGAL_REACHED = re.compile(
    r"\b(?:looped|roped|pulled|brought|looping|roping|pulling|bringing)\s+in\s+(?:the\s+|our\s+)?legal\b"
    r"(?!\s+(?:hold|entit))"
    r"|\blegal(?:\s+(?:team|counsel|dept|department))?\s+(?:(?:was|were|got|has\s+been|have\s+been|is|now)\s+)?"
    r"(?:looped|roped|pulled|brought|notified|briefed|cc['\u2019]?e?d|engaged)\b"
    r"|\b(?:notified|alerted|briefed|cc['\u2019]?e?d|pinged|paged|emailed|messaged|contacted|engaged"
    r"|(?:re-?)?escalat(?:ed|ing)\s+(?:[\w-]+\s+)?to)\s+"
    r"(?:the\s+|our\s+)?legal\b(?!\s+(?:hold|entit|name|terms|basis|review))"
)
# what may make rule 1 reach a role: then :func:`_reaches_role` reads the item
_REACH = _PAGED | _TOLD | _LOOP_IN | _CONTACT | _INFORMED
_MISSED = frozenset(
    {"missed", "slipped", "overdue", "blew", "blown", "breached", "late", "lapsed", "exceeded",
     "misses", "slipping"}
)
# a scheduler's 'SLA miss' (Airflow's 'SLA miss on dag orders_daily at 06:00 UTC'): a missed deadline,
# unless denied ('no SLA miss', 'without an SLA miss') or only a risk ('risk of an SLA miss'); a title's
# 'orders_daily SLA miss' names the incident, no miss of the row's due date
_SLA_MISS = re.compile(
    r"(?i)(?<![\w-])(?:sla|slo)[\s_-]?miss(?:es)?(?![\w-])(?=\s+(?:on|for|at|in|of)\b|\s*[:(])"
)
_SLA_MISS_WORDS = frozenset({"miss", "misses", "sla-miss", "slo-miss"})  # (the keywords _SLA_MISS needs)
_SLA_MISS_DENIED = re.compile(
    r"(?i:\b(?:no|not|without|never|avoid(?:ed)?|prevent(?:ed)?|risk\s+of|chance\s+of|potential)"
    r"\s+(?:an?\s+|any\s+)?(?:sla|slo)[\s_-]?miss)"
)
# a miss told by its amount, with no miss word (:func:`missed_by_amount`): 'the window overran by 48 min',
# '25 min behind plan', '45 min behind the ETA' ('1h10m late vs plan' has 'late', but names no deadline
# noun the no-due-time rule asks for); the words that gate it
_OVERRAN = frozenset({"overran", "over-ran", "overrun", "overrunning", "over", "behind", "late"})
_MISSED_PHRASES = ("past due", "past-due", "past the deadline", "past the eta", "past its", "past our")
# a deadline not met is missed: 'deadline not met', 'failed to meet the 17:00 ETA', 'unmet' (:data:`_NOT_MET`)
_MET = frozenset({"met", "meet", "unmet"})

# a negation right before a word, or one word before it in the same clause ("manager was not paged",
# "nobody has acked", "Unacknowledged (ack timeout)"), takes that word out of the kind rules
_NEGATION = frozenset(
    {"not", "never", "no", "nobody", "no-one", "nothing", "none", "without", "isn't", "wasn't", "weren't",
     "hasn't", "haven't", "hadn't", "didn't", "don't", "doesn't", "won't", "couldn't", "can't", "cannot",
     "isn’t", "wasn’t", "weren’t", "hasn’t", "haven’t", "hadn’t", "didn’t", "don’t", "doesn’t", "won’t",
     "couldn’t", "can’t", "nicht", "kein", "keine", "pas", "sin"}
    | {un + v for un in ("un", "un-") for v in (
        "acknowledged", "acked", "ack'd", "ack’d", "ack'ed", "ack’ed", "escalated", "paged", "resolved",
        "fixed", "closed", "mitigated", "restored")}
)
# the one or two words right after a negation, in the same clause: a clause break, a table cell's '|'
# or an arrow ('no reply -> escalated') ends a negation's reach
_NEG_SEP = r"[^\w,;:.!?|\u2013\u2014\u2192=>-]+"
_NEG_NEXT = re.compile(
    r"(?![^\W_]|['’-][^\W_])" + _NEG_SEP + r"([^\W_]+(?:['’-][^\W_]+)*)"
    r"(?:" + _NEG_SEP + r"([^\W_]+(?:['’-][^\W_]+)*))?"
)
# 'none of' reaches past its partitive to the verb: 'none of the fixes landed', 'none of them have been
# deployed' (four words after 'of', in the same clause)
_NEG_WORD = r"([^\W_]+(?:['’-][^\W_]+)*)"
_NONE_OF = re.compile(
    r"[ \t]+of" + _NEG_SEP + _NEG_WORD
    + r"(?:" + _NEG_SEP + _NEG_WORD + r"(?:" + _NEG_SEP + _NEG_WORD
    + r"(?:" + _NEG_SEP + _NEG_WORD + r")?)?)?"
)


def _without_negated(text: str, w: frozenset[str]) -> frozenset[str]:
    """``w`` without the words whose every mention is negated (:data:`_NEGATION`).

    Each negation is found with ``str.find`` and only the two words after it are read; the item
    is scanned again (its negated words blanked) only when one of those words is in ``w``."""
    low = text.lower()
    spans = []
    for neg in w & _NEGATION:
        p = low.find(neg)
        while p >= 0:
            q = p + len(neg)
            if not p or not (low[p - 1].isalnum() or low[p - 1] in "'’-" and p > 1 and low[p - 2].isalnum()):
                m = _NONE_OF.match(low, q) if neg == "none" and low.startswith(" of", q) else None
                m = _NEG_NEXT.match(low, q) if m is None else m
                if m is not None:
                    for g in range(1, len(m.groups()) + 1):
                        if m.group(g) in w:
                            spans.append(m.span(g))
            p = low.find(neg, q)
    if not spans:
        return w
    negated = {low[s:e] for s, e in spans}
    parts = []
    last = 0
    for s, e in sorted(set(spans)):  # (one join: an item may negate thousands of words)
        parts.append(low[last:s])
        parts.append(" " * (e - s))
        last = e
    parts.append(low[last:])
    gone = negated - keywords("".join(parts))  # (a word also written un-negated stays)
    return w - gone if gone else w


# a resolution still to come: "expected done 00:30", "to be merged", "should be fixed", "done by Friday"
_RESOLVED_EN = "(?:" + "|".join(sorted(_RESOLVED_WORDS_EN)) + ")"
_FUTURE_GATE = frozenset({"be", "expected", "expecting", "estimated", "by"})
_NOT_PAST = r"(?<!\bwas )(?<!\bwere )(?<!\bhad )(?<!\bhad been )(?<!\bgot )(?<!\balready )"
_FUTURE_DONE = re.compile(
    r"\b(?:be|expected|expecting|estimated)\s+" + _RESOLVED_EN + r"\b"
    # (not after a past auxiliary: 'was fixed by 10:00' tells when it was, times._PAST_BY; nor by a
    # clock time after a stamped step, a list of what happened: 'approved 16:05, done by 16:30')
    + "|" + _NOT_PAST + r"(?<!\d, )\b" + _RESOLVED_EN + r"\s+by\s+\d"
    + "|" + _NOT_PAST + r"\b" + _RESOLVED_EN
    + r"\s+by\s+(?:eo[dbw]|cob|end|close\s+of\s+business|tomorrow|tonight|today"
    r"|noon|midnight|next|this|the\s+end|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?"
    r"|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\b"
)
# Jira's resolutions "Won't Fix" and "Won't Do" (GitHub's 'wontfix' label) name how a ticket was closed:
# written alone ('closed as won't fix', 'Resolution: Won't Fix, ticket closed', '| Won't fix |') they are
# no negation, and as a state (after 'as', 'marked', a field's ':', a cell's '|', an arrow) a resolution;
# 'we won't fix it before Friday' says what will not be done (what follows the verb is its object)
_WONT = frozenset({"won't", "won’t", "wont", "wontfix"})
_WONT_FIX = re.compile(
    r"(?P<state>(?:^|[:|(\[\u2192>]|\b(?:as|marked|labell?ed|tagged|resolution|status))[\s*_\"'“‘\[]*)?"
    r"\b(?:won['’]?t[\s-]+(?:fix|do)|wontfix)\b(?![\w'’-])"
    r"(?=[\s*_\"'”’\]]*(?:$|[|.,;:()!\]\u2014\u2013]|\s-\s))"
)


# GitHub's close reason 'not planned' ('@kim closed this as not planned', 'Closed as not planned'), and
# the tracker's 'not a bug', 'not a defect', 'not an issue', 'not reproducible' ('closed as not a bug at
# 14:10', 'Closing OPS-1 as not a bug', 'closed (not a bug)', 'closed, not a bug'): the resolution's name,
# as Won't Fix is, no negation of 'closed'
_NOT_PLANNED = re.compile(
    r"\bclos(?:ed|ing|es?)\s*(?:\s(?:this|it|the\s+(?:issue|ticket)|issue|ticket|[a-z][a-z0-9]*-\d+)\s+as\s+"
    r"|\s+as\s+|[,:;(\u2014]\s*|\s+-\s+)not[\s-]+"
    r"(?:planned|an?[\s-]+(?:bug|defect|issue|problem|incident)|reproducible|repro)\b"
)


def _wont_fix(text: str) -> str:
    """``text`` with a "Won't Fix" resolution (:data:`_WONT_FIX`) read as what it says: 'closed' as a
    state, nothing otherwise."""
    return _WONT_FIX.sub(lambda m: " closed " if m.group("state") is not None else " ", text.lower())


# Jira's resolution "Duplicate" as a ticket's state, its original not named: 'Closing OPS-304 as a
# duplicate', 'Marking OPS-304 as dup', 'OPS-304: duplicate, closing', 'Resolution: Duplicate' close the
# ticket, as 'closed as won't fix' does. One that names its original ('duplicate of OPS-1') is the ticket
# groups' to split (:mod:`occ_lib._subjects`: the ticket before it ends, the one after goes on); a word
# that describes ('duplicate alerts', 'is a duplicate') is no state, and a clause that guesses, plans,
# denies or asks (:data:`HEDGES`, 'n't', '?') closes nothing
_DUP = frozenset({"duplicate", "duplicated", "dup", "dupe"})
_DUP_STATE = re.compile(
    r"(?:[:|\u2192>]|\b(?:as|marked|resolution|status))[\s*_\"'“‘\[]*(?:an?\s+)?"
    r"\b(?:duplicated?|dupe?)\b(?![\w'’-])"
    r"(?=[\s*_\"'”’\]]*(?:$|[|.,;:()!\]\u2014\u2013]|\s-\s))"
)
# words that make a duplicate or a move a guess, a plan or a denial, not a fact ('possible dup of OPS-1',
# 'will close OPS-304 as a duplicate'; :func:`occ_lib._subjects.ticket_groups` reads them too)
HEDGES = frozenset(
    {"may", "might", "maybe", "possible", "possibly", "probably", "probable", "likely", "potential",
     "potentially", "suspected", "suspect", "perhaps", "looks", "seems", "could", "would", "if", "whether",
     "not", "no", "never", "unless", "will", "should", "plan", "planned", "planning", "propose",
     "proposed", "candidate", "be", "being", "check", "checking", "verify", "investigating"}
)


def _dup_closed(text: str) -> str | None:
    """``text`` (lower case) with each duplicate state (:data:`_DUP_STATE`) its clause states as a fact
    read as 'closed'; None when there is none."""
    low = text.lower()
    hits = [m for m in _DUP_STATE.finditer(low) if not _dup_hedged(low, m.start(), m.end())]
    if not hits:
        return None
    parts, last = [], 0
    for m in hits:
        parts += [low[last:m.start()], " closed "]
        last = m.end()
    return "".join(parts) + low[last:]


def _dup_hedged(low: str, start: int, end: int) -> bool:
    """Whether the clause around ``low[start:end]`` guesses, plans, denies or asks it."""
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(low, 0, start)), default=0)
    nxt = _CLAUSE_BREAK.search(low, end)
    head = low[lo:start]
    return (nxt is not None and nxt.group() == "?") or "n't" in head or "n’t" in head or (
        not words(head).isdisjoint(HEDGES)
    )


# an escalation policy's level ('Escalated to level 2', PagerDuty's and Opsgenie's words); a support tier
# ('escalated to Tier 3', 'escalated to tier 2 support') is group ``tier``: a line of support further on,
# the functional escalation of ITIL (service desk, then specialists, then engineering), no one above the
# team: level 1, whatever its number (Tier 3 is no executive)
_POLICY_LEVEL = re.compile(
    r"\bescalat\w*\s+(?:\w+\s+){0,2}?(?:to\s+)?(?:level|(?P<tier>tier))[\s-]*([1-9])\b"
)
# Obsidian Tasks' done mark: '✅ 2025-10-20' (with or without a ticked box) says the task was done; outside a
# task, a ✅ with a date and a time opening the item stamps a pass, as a log line's icon ('✅ 2025-10-09
# 14:30 smoke tests passed; rollout ETA 18:00', the mirror of a ❌ failure stamp): that item is read by its
# words. (Without a time, '✅ 2025-10-20 INC-8 cleanup' is a done list's entry: done.)
_DONE_MARK = re.compile(r"\u2705\s*\d{4}-\d{2}-\d{2}")
_PASS_STAMP = re.compile(r"[\s*_]*\u2705\s*\d{4}-\d{2}-\d{2}(?:T|,?\s+)\d{1,2}:\d{2}(?!\d)")
# a label that says the item is a to-do: 'Action item: follow up with Acme', 'Action item (arun) - ...',
# 'To-do: chase the vendor'
_ACTION_ITEM = re.compile(
    r"(?i:\b(?:action[\s-]+items?|to-do)\b(?:\s*(?:#?\d+|\([^)\n]{0,40}\)))?\s*[:\u2014\u2013-])"
)


def _done_marked(text: str, task: bool) -> bool:
    """Whether ``text`` holds Obsidian's done mark (:data:`_DONE_MARK`), not only a pass stamp."""
    stamp = None if task else _PASS_STAMP.match(text)
    return _DONE_MARK.search(text, 0 if stamp is None else stamp.end()) is not None


# a change of state written with an arrow ('Status: Reopened → Closed', 'Resolution: Unresolved →
# Fixed', 'Pending → Solved'): the state it changed to is what the item says, not the one it left
# ('Reopened → In Progress → Closed': each state but the last is left)
_TRANSITION = re.compile(
    r"(?:^|(?<=[:;|(\[\u2192>]))[^:;|()\[\]\u2192\n]{0,60}?(?P<arrow>\u2192|-{1,2}>|=>)"
)
# ... and in words: 'status changed from Reopened to Resolved', 'moved from Reopened to Done' (a state
# a tracker names, the one left)
_FROM_STATE = re.compile(
    r"(?i:\bfrom\s+[*_\"'“‘`]*(?P<state>re-?opened|resolved|closed|done|fixed|open|in[\s-]progress|to[\s-]?do"
    r"|pending|blocked|on[\s-]hold|backlog|triage|in\s+review|waiting(?:\s+for\s+[\w-]+)?|acknowledged"
    r"|mitigated|investigating|monitoring|won['’]?t\s+(?:fix|do)|cancell?ed|completed?|regressed|unresolved)"
    r"[*_\"'”’`]*\s+(?=(?:to|into)\b))"
)
# a change of state from a resolution back to work ('Status changed: Done → In Progress', 'Resolution:
# Fixed → Unresolved', 'moved from Done to In Progress', as trackers log a reopening): the ticket was
# reopened, unless a further arrow leads on ('Done → In Progress → Done': it ends resolved) or the words
# after it are a step, not a state ('tests done -> open the PR')
_DONE_STATE = re.compile(
    r"(?i:(?:resolved|closed|done|fixed|completed?|won['’]?t\s+(?:fix|do)|cancell?ed)[*_\"'”’`]*\s*)$"
)
_OPEN_NEXT = re.compile(
    r"(?i:[\s*_\"'“‘`]*(?:to\s+|into\s+)?[*_\"'“‘`]*(?:re-?opened|open|in[\s-]progress|to[\s-]?do|backlog"
    r"|triage|in\s+review|investigating|unresolved)\b(?![\w-])[*_\"'”’`]*(?!\s*(?:\u2192|-{1,2}>|=>)))"
    r"(?![ \t]+[a-z])"  # (a state, not a step: 'tests done -> open the PR')
)


def _reopening(left: str, string: str, end: int) -> bool:
    """Whether a change of state leaves a resolution (``left``, the text before its arrow or its 'to')
    for an open state at ``string[end:]`` (:data:`_DONE_STATE`, :data:`_OPEN_NEXT`)."""
    return _DONE_STATE.search(left) is not None and _OPEN_NEXT.match(string, end) is not None


def _from_left(m: re.Match[str]) -> str:
    """What stays of a change's 'from' part (:data:`_FROM_STATE`): nothing, or 'reopened' when it left
    a resolution for an open state."""
    return " reopened " if _reopening(m.group("state"), m.string, m.end()) else " "


# being paged is how an incident reaches the writer, no page nor follow-up made ('paged by alert DATA-306',
# 'paged by PagerDuty', 'got paged at 02:10'); a manager or an executive who got paged was reached (rule 1)
_PAGED_BY = re.compile(r"\bpaged\s+by\b|(?:(?<=\W)|^)(?P<who>[^\W_]+\s+)?got\s+paged\b", re.IGNORECASE)


def _paged_by(m: re.Match[str]) -> str:
    """What stays of a page received (:data:`_PAGED_BY`): nothing, unless a role got it."""
    who = m.group("who")
    if who is None:
        return " "
    return m.group() if who.strip().lower() in _ANY_ROLE else who + " "


# Jira's resolution field of a ticket still open, 'Resolution: Unresolved' or an export's cell
# '| Unresolved |': no resolution set yet, which says nothing of the work (not blocked; 'still unresolved'
# is); not before an arrow ('Resolution: Unresolved → Fixed': the state left, :data:`_TRANSITION`)
_UNRESOLVED_FIELD = re.compile(
    r"(?:(?i:resolution)[*_]*\s*:[*_]*\s*|(?:^|\|)\s*)[*_]*Unresolved[*_]*(?=\s*(?:\||$|[;,.](?:\s|$)))"
)


# Slack's shortcodes for the marks the rules read, as its export writes them: each means what its emoji
# does (':white_check_mark: PAY-8142 rollback' is '✅ PAY-8142 rollback', ':eyes: on it' is '👀 on it'); the
# others (':rotating_light:', ':tada:') mean nothing here. One written with a count is a reaction below the
# message (':eyes: 3 :white_check_mark: 1'), what readers clicked, not what the message says: nothing
# (not a thread's count, ':eyes: 3 replies', where the mark ends the message)
SHORTCODES = {
    "white_check_mark": "\u2705", "heavy_check_mark": "\u2714", "ballot_box_with_check": "\u2611",
    "x": "\u274c", "heavy_multiplication_x": "\u2716", "eyes": "\U0001f440",
}
_SHORTCODE = re.compile(
    r":(" + "|".join(sorted(SHORTCODES, key=len, reverse=True)) + r"):"
    r"(?P<count>[ \t]+\d+(?![\d:.]|[ \t]+repl))?"
)


def _shortcode(m: re.Match[str]) -> str:
    """What a shortcode means (:data:`SHORTCODES`): its emoji, or nothing as a reaction's."""
    return " " if m.group("count") else SHORTCODES[m.group(1)]


def kind_text(text: str) -> str:
    """``text`` as the kind rules read it: without the states an arrow leads away from ('Reopened →
    In Progress → Closed') or a change leaves in words ('changed from Reopened to Resolved'), with Slack's
    shortcodes as their marks (:data:`SHORTCODES`), nor what
    is struck out ('~~escalated to CTO~~ resolved at team level', '~~missed~~ on track'), nor the words
    of its URLs and paths (:func:`without_paths`)."""
    text = without_paths(text)
    if ("_mark:" in text or ":x:" in text or ":eyes:" in text or "_x:" in text or "_check:" in text) and (
        _SHORTCODE.search(text) is not None
    ):
        text = _SHORTCODE.sub(_shortcode, text)
    if "~~" in text:
        text = _STRUCK.sub(" ", text)
    if "nresolved" in text and _UNRESOLVED_FIELD.search(text) is not None:
        text = _UNRESOLVED_FIELD.sub(" ", text)
    if ("rom " in text or "ROM " in text) and _FROM_STATE.search(text) is not None:
        text = _FROM_STATE.sub(_from_left, text)
    if "\u2192" not in text and "->" not in text and "=>" not in text:
        return text
    return _TRANSITION.sub(_left_state, text)


def _left_state(m: re.Match[str]) -> str:
    """What stays of a state an arrow leads away from: its ticket keys ('OPS-305 → duplicate of OPS-1':
    a ticket is no state, and the item still names it); and all of it when it is no state but a step
    (:func:`_arrow_step`)."""
    if _arrow_step(m):
        return m.group()
    keys = [key for _, key in _key_spans(m.group())]
    if _reopening(m.string[m.start():m.start("arrow")], m.string, m.end()):
        keys.append("reopened")
    return " " + " ".join(keys) + " " if keys else " "


# what an action does before an arrow that means "to" or "then" ('escalated -> dir', 'escalated to mgr ->
# she ok'd failover', 'paged -> no answer', 'pinged vendor -> no reply'): a step, not a state left
_ARROW_VERBS = _ESC_DONE | _PAGED | _REPAGED | frozenset(
    {"esc", "pinged", "chased", "nudged", "handed", "looped", "roped", "pulled", "brought", "notified",
     "emailed", "messaged", "called", "contacted"}
)
# ... unless the arrow leads to a state a tracker names ('Status: Escalated → Closed')
_STATE_NEXT = re.compile(
    r"[\s*_\"'“‘`]*(?:re-?opened|resolved|closed|done|fixed|open|in[\s-]progress|to[\s-]?do|pending|blocked"
    r"|on[\s-]hold|backlog|triage|in\s+review|waiting|acknowledged|mitigated|investigating|monitoring"
    r"|won['’]?t\s+(?:fix|do)|cancell?ed|completed?|regressed|unresolved|escalated)\b",
    re.IGNORECASE,
)


def _arrow_step(m: re.Match[str]) -> bool:
    """Whether the text an arrow leads away from tells an action (:data:`_ARROW_VERBS`) and the arrow
    leads to no tracker state: the arrow says "to" or "then", not a change of state."""
    return not words(m.group()).isdisjoint(_ARROW_VERBS) and _STATE_NEXT.match(m.string, m.end()) is None


def words(text: str) -> frozenset[str]:
    """The item's lower-case words (hyphenated and apostrophe words kept whole; a possessive is its
    word: "CIO's" is "cio")."""
    return frozenset(w[:-2] if w.endswith(("'s", "\u2019s")) else w for w in _WORD.findall(text.lower()))


# Every word the rules below ask about: ``keywords`` keeps only these (building a set of all the
# item's words costs more than the tokenising itself), so ``classify``/``stated_missed`` give the
# same answers on ``keywords(text)`` as on ``words(text)``.
_VOCABULARY = frozenset().union(
    _ESC_DONE, _ESC_NOUN, _DONE, _REOPENED, _RESOLVED, _COMPLETE, _NOT_RESOLVED, _ACK, _FOLLOW, _BLOCKED,
    _EVIDENCE, _ESC_TYPOS,
    _PLAN,
    _STATUS, _PAGED, _EXEC, _MANAGER, _ONCALL, _MISSED, _LOOP_IN, _TOLD, _CONTACT, _INFORMED, _NET,
    _NEGATION, _FUTURE_GATE, _MGMT_WORDS, _WONT, _DUP, _MET, _REOPEN_HINT, _TAKEN_WORDS, _OVERRAN,
    {"follow", "followed", "following", "check", "checked", "hold", "on", "to", "past", "past-due", "in",
     "regression", "esc", "re-run"}, _SLA_MISS_WORDS,
)


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` factored by common prefixes (sre tries far fewer branches)."""
    if "" in words:
        rest = [w for w in words if w]
        return "(?:" + _trie(rest) + ")?" if rest else ""
    groups: dict[str, list[str]] = {}
    for w in sorted(words):
        groups.setdefault(w[0], []).append(w[1:])
    alts = [re.escape(c) + _trie(tails) for c, tails in groups.items()]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


# A vocabulary word that is a whole ``_WORD`` token: it starts after a character that is no letter
# or digit (the pattern starts with that class, so sre skips through words in C) and not after a
# letter/digit + ``'``/``-`` (that would continue a token), and no token continues after it; nor the head
# of an Airflow run id, ``scheduled__2025-10-09T03:00:00+00:00`` (a run's name: no plan, 'manual__' no hand).
_KEYWORD = re.compile(
    # (a possessive is its word: "the CIO's office")
    r"[\W_](?<![^\W_]['’-])(" + _trie(sorted(_VOCABULARY)) + r")(?![^\W_])(?!-[^\W_])(?!__\d)"
    r"(?!['’](?!s(?![^\W_]))[^\W_])(?!" + _NAME_SUFFIX + ")"
)


def keywords(text: str) -> frozenset[str]:
    """The item's lower-case words that the kind/level/missed rules look at: the same as
    ``words(text) & _VOCABULARY``, found without making every word."""
    # (each run of white space read as one space: a match reads one character before its word and
    # sees white space after it either way, and the runs a path or a code span blanked are long)
    return frozenset(_KEYWORD.findall(" " + " ".join(text.lower().split())))


# a status page's update (Statuspage, Instatus, cState: '**Investigating** - We are investigating
# elevated errors. Posted Oct 09, 2025 - 14:05 EDT', 'Identified - ...'): its status label, written first,
# bold, or then a spaced dash, a colon or the line's end; 'Investigating' or 'Identified' is the team's
# public acknowledgement of the incident
_STATUS_ACK = re.compile(
    r"[ \t]*(?:(?P<b>\*\*|__)(?:Investigating|INVESTIGATING|Identified|IDENTIFIED)(?P=b)"
    r"|(?:Investigating|INVESTIGATING|Identified|IDENTIFIED)[ \t]*(?:[-\u2013\u2014:][ \t]|\n|$))"
)


def _status_page_ack(text: str) -> bool:
    """Whether ``text`` opens with a status page's Investigating or Identified label (:data:`_STATUS_ACK`);
    the cheap test first, as few items open with either."""
    head = text[:16]
    return (
        "nvestigating" in head or "dentified" in head or "NVESTIGATING" in head or "DENTIFIED" in head
    ) and _STATUS_ACK.match(text) is not None


# a wait denied by its object ('release blocked by nothing', 'blocked on: none', 'blockers: none'): read
# without it, no ``blocked``
_BLOCKED_BY_NOTHING = re.compile(
    r"\b(?:blocked|blocking)\s+(?:by|on)\s*:?\s*(?:nothing|none)\b|\bblockers\s*:\s*(?:nothing|none)\b"
)

# a wait for what follows an incident, not for its fix ('NOC-88213 restored ...; Case 02918811 pending RFO',
# 'closed, awaiting RFO', 'INC-1 resolved, RCA pending', 'waiting for the postmortem'): a deliverable
# (:data:`_DELIVERABLE`, a carrier's RFO too) still to come, read as ``status`` (no wait, no veto of the
# resolution it follows); :func:`_deliverable_wait`, once per item with a wait word
_DELIVERABLE_WAIT_WORDS = frozenset({"pending", "awaiting", "awaited", "waiting", "outstanding"})
# (_DELIVERABLE_WAIT is compiled below, after _DELIVERABLE)
# an indicator blocked: a containment step of the team's, no wait ('Blocked 185.220.101.47 at the proxy',
# 'sender domain blocked', 'IOCs blocked on the firewall', 'blocked the C2 domain'); not 'OPS-2 blocked on
# vendor', 'deploy blocked by CAB'; :func:`classify`, once per item with 'blocked'
_BLOCKED_INDICATOR = re.compile(
    r"\bblocked\s+(?:(?:the|all|both|their|those|these|its)\s+)?(?:(?:sender|phishing|malicious|attacker|"
    r"attacker's|c2|bad|known|two|three|\d+)\s+)?(?:domains?|ips?|ip\s+addresses|addresses|iocs?|indicators?"
    r"|hash(?:es)?|urls?|senders?|c2)\b"
    r"|\bblocked\s+\d{1,3}(?:(?:\.|\[\.\])\d{1,3}){3}\b"
    r"|(?:\b(?:domains?|ips?|iocs?|indicators?|hash(?:es)?|urls?|senders?|addresses|c2)|\d{1,3}(?:(?:\.|\[\.\])"
    r"\d{1,3}){3})\s+(?:(?:were|was|are|is|now|all|also|been|have|has|both)\s+){0,2}blocked\b",
    re.IGNORECASE,
)

# a ticket opened with its symptom in brackets or after a colon or a dash ('ACME-1250 opened (P2, sync
# stuck)', 'OPS-9 created: payments pending'): the user's problem, no wait of the team's; its symptom words
# (stuck, stalled, pending) are read without it (a wait named there stays one: 'opened (blocked on SEC-88)')
_SYMPTOM = frozenset({"stuck", "stalled", "pending"})
_OPENED_SYMPTOM = re.compile(
    r"(?i:\b(?:opened|created|filed|raised|logged)\s*(?:\(([^()\n]*)\)|(?:[:\u2013\u2014]|\s-)\s+([^;.!?\n]*)))"
)
_SYMPTOM_WORD = re.compile(r"(?i:\b(?:stuck|stalled|pending)\b)")


def _symptoms_out(text: str) -> str:
    """``text`` without the symptom words of what an opened ticket describes (:data:`_OPENED_SYMPTOM`)."""
    parts, at = [], 0
    for m in _OPENED_SYMPTOM.finditer(text):
        i, j = m.span(1) if m.group(1) is not None else m.span(2)
        parts += [text[at:i], _SYMPTOM_WORD.sub(" ", text[i:j])]
        at = j
    return "".join(parts) + text[at:] if parts else text


def _all_out(pattern: re.Pattern[str], low: str) -> str | None:
    """``low`` without every match of ``pattern`` (each a space), or None when it has none. All at once,
    to the fixed point (a removal can join a new match: 'banks ach closed closed'): :func:`classify` once
    read the item again without one match at a time, which was quadratic on a pasted blob of them and
    ran out of recursion on a thousand (the whole file failed)."""
    rest, n = pattern.subn(" ", low)
    if not n:
        return None
    while n:
        rest, n = pattern.subn(" ", rest)
    return rest


# a report or document delivered is a deliverable sent, not the ticket's fix: 'T+1 settlement report
# delivered to treasury (FIN-884)' is a note of FIN-884, whose fix is closed later ('fix delivered',
# 'OPS-2 delivered' still resolve; an RCA or postmortem delivered keeps its own promise's rules)
_REPORT_DELIVERED = re.compile(
    r"(?i)\b(report|reports|statement|statements|summary|extract|export|deck|slides|invoice|letter|notice"
    r"|spreadsheet|document|documents|doc|docs|file|files|list)\s+(?:(?:was|were|has\s+been|have\s+been)\s+)?"
    r"delivered\b"
)
_REPORT_NOUN = re.compile(
    r"(?i)\b(report|statement|summary|extract|export|deck|slides|invoice|letter|notice|spreadsheet|document"
    r"|doc|file|list)s?\b"
)


def reports_delivered(text: str) -> frozenset[str]:
    """The report or document nouns (singular, lower case) ``text`` says delivered ('settlement report
    delivered to treasury': {'report'}), :data:`_REPORT_DELIVERED`; empty when none."""
    if "elivered" not in text and "ELIVERED" not in text:
        return frozenset()
    return frozenset(m.group(1).lower().removesuffix("s") for m in _REPORT_DELIVERED.finditer(text))


def reports_owed(text: str) -> frozenset[str]:
    """The report or document nouns (singular, lower case) written before the last ' by ' of a deadline's
    ``text`` ('treasury wants the T+1 settlement report by 10:00 ET': {'report'})."""
    cut = text.lower().rfind(" by ")
    return frozenset(m.group(1).lower() for m in _REPORT_NOUN.finditer(text, 0, max(cut, 0)))


def classify(
    text: str, w: frozenset[str], has_deadline: bool, ticked: bool = False, task: bool = False
) -> tuple[str, int]:
    """(kind, level) of an item; the priority order is documented in :mod:`occ_lib.logs`.

    ``ticked``: the item is a ticked task box (``- [x] ...``); ``task``: it is a task, a box or a
    Logseq marker (``- [ ] ...``, ``- TODO ...``; unticked, it is still to do). ``not w.isdisjoint(S)``
    asks what ``w & S`` does without making the intersection set."""
    if not w.isdisjoint(_ESC_TYPOS) and (fixed := _esc_typo_fixed(text, w, has_deadline, ticked, task)):
        return fixed  # ('Escaltaed ZD-1 to Tier 3': a typo of 'escalated' before whom it reaches)
    if not w.isdisjoint(_WONT) and _WONT_FIX.search(text.lower()) is not None:
        text = _wont_fix(text)  # ('closed as won't fix': the resolution's name, no negation)
        w = keywords(text)
    if "not" in w and ("planned" in w or "closed" in w or "losing" in text) and (
        _NOT_PLANNED.search(text.lower()) is not None
    ):
        text = _NOT_PLANNED.sub(" closed ", text.lower())  # ('closed this as not planned': GitHub's reason)
        w = keywords(text)
    if ("blocked" in w or "blocking" in w or "blockers" in w) and (
        "nothing" in (low0 := text.lower()) or "none" in low0
    ) and _BLOCKED_BY_NOTHING.search(low0) is not None:
        text = _BLOCKED_BY_NOTHING.sub(" ", low0)  # ('go/no-go: GO; release blocked by nothing': no wait)
        w = keywords(text)
    if "blocked" in w and _BLOCKED_INDICATOR.search(text) is not None:
        text = _BLOCKED_INDICATOR.sub(" ", text)  # ('Blocked 185.220.101.47 at the proxy': containment)
        w = keywords(text)
    if not w.isdisjoint(_DELIVERABLE_WAIT_WORDS) and (kept := _deliverable_wait(text)) is not text:
        text, w = kept, keywords(kept)  # ('restored; pending RFO': the carrier's report to come, no wait)
    if not w.isdisjoint(_DUP) and (closed := _dup_closed(text)) is not None:
        text, w = closed, keywords(closed)  # ('Closing OPS-304 as a duplicate': the resolution's name)
    if "paged" in w and _PAGED_BY.search(text) is not None:
        text = _PAGED_BY.sub(_paged_by, text)  # ('paged by alert': how the incident began, no page made)
        w = keywords(text)
    if (not w.isdisjoint(_ANY_ROLE) or "anager" in text or "ANAGER" in text) and (
        kept := _no_role(text)
    ) is not text:  # (a handle's part too: 'cert-manager')
        text, w = kept, keywords(kept)  # ('password manager vendor', "per the director's runbook": no one)
    if "met" in w and _BODY_MET.search(text) is not None:
        text = _BODY_MET.sub(" ", text)  # ('CAB met: 3 changes approved': a meeting held, nothing met)
        w = keywords(text)
    if not w.isdisjoint(_SYMPTOM) and (kept := _symptoms_out(text)) is not text:
        text, w = kept, keywords(kept)  # ('ACME-1250 opened (P2, sync stuck)': the user's problem, no wait)
    if ("owntime" in text or "aintenance" in text or "OWNTIME" in text or "AINTENANCE" in text) and (
        _WINDOW_ENDED.search(text) is not None
    ):
        text = _WINDOW_ENDED.sub(" completed ", text)  # ('downtime ended': the change's window is done)
        w = keywords(text)
    if "delivered" in w and _REPORT_DELIVERED.search(text) is not None and (
        "delivered" not in keywords(_REPORT_DELIVERED.sub(" ", text))
    ):
        w = w - {"delivered"}  # ('settlement report delivered to treasury': a deliverable, not the fix)
    if "staged" in w and _STAGED_ROLLOUT.search(text) is not None:
        w = w - {"staged"}  # ('staged rollout to 5%': a rollout in stages, under way; no plan)
    if "queued" in w and (_QUEUED_COUNT.search(text) is not None or _queued_state(text)):
        w = w - {"queued"}  # ('outage 12:10-13:25, queued 41 jobs': how many waited; 'runs queued': no plan)
    if "once" in w and _ONCE_ADVERB.search(text) is not None and (
        _ONCE.search(_ONCE_ADVERB.sub(" ", text)) is None
    ):
        w = w - {"once"}  # ('recloser cycled once and held': one time, no condition nor plan)
    if not w.isdisjoint(_SCHEDULE_WORDS) and _ON_SCHEDULE.search(text) is not None:
        # ('export went out on schedule': the schedule kept, no plan; unless also written otherwise)
        w = w - (_SCHEDULE_WORDS - keywords(_ON_SCHEDULE.sub(" ", text)))
    hint = not w.isdisjoint(_REOPEN_HINT)  # (before a negation takes 'not actually resolved' apart)
    if not w.isdisjoint(_NEGATION):
        w = _without_negated(text, w)
    none_of = w.isdisjoint
    low = None
    if not none_of(_ESC_DONE) or (
        not none_of(_ESC_NOUN) and (not none_of(_DONE) or _escalation_to(text, w))
    ) or (not none_of(_REACH) and _reaches_role(text, w)) or ("esc" in w and _esc_to_role(text)) or (
        "egal" in text and _LEGAL_REACHED.search(text.lower()) is not None
    ):
        return _escalation(text, w, has_deadline, ticked, task)
    if not none_of(_REOPENED) or ("regression" in w and "regression:" in text.lower()) or (
        hint and _REOPEN_PHRASE.search(text.lower()) is not None
    ):
        return "reopened", 0
    if _status_page_ack(text):
        return "acknowledged", 0  # ('**Investigating** - We are investigating ...': a public first response)
    if ticked or ("\u2705" in text and _done_marked(text, task)):
        # ('- [x] Escalate OPS-1 to VP Eng': the task done was an escalation, not the ticket's end)
        return _done_task(text, w, has_deadline)
    settled = none_of(_NOT_RESOLVED) or _no_longer_only(text, w) or _negated_before(text, w) or (
        _no_after_only(text, w))
    # (an open task names what is still to do: '- [ ] QA-1203 crash fixed and verified' is a plan)
    todo = task and (not none_of(_RESOLVED) or "complete" in w)
    if not todo and (
        not none_of(_RESOLVED) or ("complete" in w and _COMPLETE_STATE.search(text.lower()))
        or "losing" in text and _closing_key(text) or _deployed_checked(text)
    ) and settled and (none_of(_FUTURE_GATE) or not _future_only(text.lower())):
        low = text.lower()
        if (rest := _all_out(_PERIOD_DONE, low)) is not None:
            # ('5:30 PM PT week closed out': the week's work ends, no ticket's; read without it)
            return classify(rest, keywords(rest), has_deadline, ticked, task)
        if "closed" in w and (rest := _all_out(_VENUE_CLOSED, low)) is not None:
            # ('Columbus Day: ACH and Fedwire closed': the calendar's closure, no ticket's; read without it)
            return classify(rest, keywords(rest), has_deadline, ticked, task)
        if _TALLY_GATE.search(low) is not None and (m := _TALLY.search(low)) is not None:
            # ('16:00 weekly: 4 escalations, 2 resolved, CSAT avg 3.5': a count of tickets, no ticket's
            # end; read without the counts)
            rest = _TALLY.sub(" ", low)
            return classify(rest, keywords(rest), has_deadline, ticked, task)
        if not _undone(low):
            if has_deadline and (step := _step_done(low, has_deadline, ticked, task)) is not None:
                return step
            # ... unless it says how far it got ('60% done, still running', 'completed on 2 of 6 regions')
            return ("status", 0) if _partial(low) or _FAILED_RUN.search(low) or _steps_left(low) or (
                _share_done(low)) else ("resolved", 0)
    if not none_of(_ACK) and (
        settled or "(" in text and _hedged_aside_only(text) or _no_after_ack(text, w)
    ) and (none_of(_NET) or not none_of(_ACK_WORDS)) and (
        "?" not in text or not _only_asked(text.lower(), _ACK)
    ) or not none_of(_TAKEN_WORDS) and settled and _TAKEN_UP.search(text) is not None:
        return "acknowledged", 0
    if (settled or "no" in w and len(w & _NOT_RESOLVED) == 1) and (at := _taken_or_sent(text)) >= 0 and (
        settled or _no_aside_from(text.lower(), at)
    ):
        # ('taking this', 'crew dispatched to site', 'truck rolled': a first response; 'vegetation crew
        # dispatched, no customer impact': the 'no' denies something else)
        return "acknowledged", 0
    follow = not none_of(_FOLLOW)
    planned = todo
    rest = None
    if follow and ("follow-up" in w or "follow-ups" in w or "followup" in w or "followups" in w) or (
        "follow" in w
    ):
        low = text.lower() if low is None else low
        if (m := _search_from(_FOLLOW_NOUN, low, _FOLLOW_NOUN_OPENS)) is not None:
            # ('follow-up ticket OPS-312 filed', 'follow-ups tracked in OPS-313': a ticket, no ping;
            # 'Follow-up work in OPS-230': work still to do, a plan)
            rest = _FOLLOW_NOUN.sub(" ", low)
            follow = not keywords(rest).isdisjoint(_FOLLOW)
            planned = any(mm.group("work") for mm in _FOLLOW_NOUN.finditer(low, m.start()))
    if not follow and not none_of(_FOLLOW_WORDS):
        low = text.lower() if low is None else low
        follow = _search_from(_FOLLOW_PHRASE, low if rest is None else rest, ("follow", "check")) is not None
    if follow and (not none_of(_DONE) or none_of(_PLAN) or _follow_unplanned(text)):
        # (a follow-up still to do, an open task's or an action item's, is a plan: it answers no one yet)
        if not none_of(_DONE) or not (task or _ACTION_ITEM.search(text) is not None):
            return "follow_up", 1
        planned = True
    if not none_of(_BLOCKED) or (("hold" in w or "on" in w) and "on hold" in text.lower()):
        return "blocked", 0
    if not none_of(_EVIDENCE):
        return "evidence", 0
    if planned or not none_of(_PLAN) and not (has_deadline and _only_due_plan(text, w)) or (
        ("to" in w) and "to do" in text.lower()
    ):
        return "plan", 0
    if has_deadline:
        return "deadline", 0
    if not none_of(_STATUS) or _share_done(text.lower() if low is None else low) or (
        "re-run" in w and _RERUN_UNDER_WAY.search(text.lower()) is not None
    ):
        return "status", 0  # (and a share of the parts done: '4/7 partitions replayed', a re-run, progress)
    if ("\u2705" in text or "\u2714" in text or "\u2611" in text) and _checked_off(text):
        return "resolved", 0
    return "note", 0


# a deploy seen to work, its smoke or health check passed: 'deployed to prod, smoke check OK', 'hotfix
# deployed + health check green', 'rolled out; synthetics passing', 'fix deployed, verified' (a deploy
# alone, 'PAY-8130 fix deployed', is not yet seen to fix anything: a note); not one short of production,
# 'deployed to staging, smoke OK', 'canary deployed, health checks green', 'deployed to 10%': a step on the
# way (:func:`_deployed_checked`)
_DEPLOYED = re.compile(r"(?i:\b(?:re-?)?deployed\b|\brolled\s+out\b)")
_CHECK_PASSED = re.compile(
    r"(?i:\b(?:smoke|sanity|health|post-deploy|post-release|synthetics?)(?:[\s-]*(?:checks?|tests?|probes?"
    r"|suite|monitors?))?\s*[:=]?\s*(?:(?:is|are|was|were|all|now|looks?|came\s+back|went)\s+){0,3}(?:ok|okay"
    r"|passed|passing|pass|green|good|clean|healthy|succeeded|successful)\b"
    r"|(?:,|\+|&|\band\b)\s*(?:verified|validated)(?:\s+(?:in\s+)?(?:prod|production))?\s*(?:$|[.,;!)]))"
)
_SHORT_OF_PROD = re.compile(
    r"(?i:\b(?:staging|preprod|pre-prod|canary|canaries|pilot)\b|\d\s*%"
    # (an environment's short name where it is deployed to: 'deployed to QA', not 'after QA sign-off')
    r"|\b(?:to|on|in|into)\s+(?:the\s+)?(?:stage|stg|qa|uat|dev|sandbox|preview|test(?:\s+env\w*)?)\b)"
)


def _deployed_checked(text: str) -> bool:
    """Whether the item deploys a change and says its check passed (:data:`_CHECK_PASSED`), in production
    (:data:`_SHORT_OF_PROD`): a resolution, rule 3. Substring tests first."""
    low = text.lower()
    return ("deployed" in low or "rolled out" in low) and (
        "smoke" in low or "health" in low or "sanity" in low or "synthetic" in low or "post-" in low
        or "verified" in low or "validated" in low
    ) and _DEPLOYED.search(text) is not None and _CHECK_PASSED.search(text) is not None and (
        _SHORT_OF_PROD.search(text) is None
    )


def check_passed_step(upto: str, clause: str) -> bool:
    """Whether ``clause``, a later timed step of an item told in steps, says the check of a deploy an earlier
    clause made passed, and the item up to it (``upto``) reads resolved: 'CHG-2103 deployed 14:00, smoke
    green 14:20' was seen to work at 14:20, its resolution's time (:func:`occ_lib.logs._steps`)."""
    low = clause.lower()
    if not ("smoke" in low or "health" in low or "sanity" in low or "synthetic" in low or "post-" in low
            or "verified" in low or "validated" in low) or _CHECK_PASSED.search(clause) is None:
        return False
    return _deployed_checked(upto) and classify(upto, keywords(upto), False)[0] == "resolved"


def _taken_or_sent(text: str) -> int:
    """Where the item takes the ticket up in chat's words (:data:`_TAKEN_CHAT`) or sends a crew to the
    fault (:data:`_DISPATCHED`), -1 when it does neither: substring tests first, as few items say either."""
    low = text.lower()
    if ("picked" in low or "picking" in low or "taking" in low or "got" in low) and (
        m := _TAKEN_CHAT.search(text)
    ) is not None:
        return m.start()
    if any(g in low for g in _DISPATCH_GATE) and (m := _DISPATCHED.search(text)) is not None:
        return m.start()
    return -1


def _esc_typo_fixed(
    text: str, w: frozenset[str], has_deadline: bool, ticked: bool, task: bool
) -> tuple[str, int] | None:
    """(kind, level) of ``text`` with its typed-over 'escalated'/'escalate' (:data:`_ESC_TYPOS`) read as
    the word, when it is followed by 'to' and that reading is an escalation to a level or role (level 1
    or more); else None, and the item is read as written (a typo elsewhere changes nothing)."""
    fixed = _ESC_TYPO.sub(lambda m: "escalate" if m.group(1).lower().endswith("e") else "escalated", text)
    if fixed == text:
        return None
    kind, level = classify(fixed, keywords(fixed), has_deadline, ticked, task)
    return (kind, level) if kind == "escalation" and level >= 1 else None


def step_day_word(text: str, start: int, end: int, kind: str) -> bool:
    """Whether the day word ``text[start:end]`` qualifies the step verb of ``kind`` directly ('resolved
    yesterday', 'was fixed yesterday evening', 'yesterday evening resolved'): then it is the day the step
    happened, not the day of something the item names ('rolled back the deploy from yesterday', a
    possessive 'resolved yesterday's alert')."""
    verbs = _STEP_VERBS.get(kind)
    if verbs is None or text.startswith(("'", "\u2019"), end):
        return False  # ("resolved yesterday's alert": a thing of that day, resolved now)
    before = _WORD_BEFORE_DAY.search(text, max(0, start - 40), start)
    if before is not None and before.group(1).lower() in verbs:
        return True
    after = _WORD_AFTER_DAY.match(text, end)
    if after is not None and after.group(1).lower() in verbs:
        return True
    # (an escalation's clause with whom it reached between, its day after 'on': 'I escalated it to the
    # platform director on Saturday', the day of the escalation, not of the pages told before it)
    if kind != "escalation" or not text.endswith(("on ", "On "), max(0, start - 60), start):
        return False
    far = _VERB_ON_DAY.search(text, max(0, start - 60), start)
    return far is not None and not verbs.isdisjoint(w.lower() for w in far.group(1).split())


def _only_due_plan(text: str, w: frozenset[str]) -> bool:
    """Whether every plan word of an item that states a deadline only dates or renews it (:data:`_DUE_PLAN`:
    'new ETA tomorrow 10 AM' is a deadline, as 'new ETA 17:00' is)."""
    if not (w & _PLAN) <= _DUE_PLAN_WORDS:
        return False
    rest = _DUE_PLAN.sub(" ", text.lower())
    return keywords(rest).isdisjoint(_PLAN)


# a check mark that ends an item ('INFRA-706 flaps stopped, closing ✅', '00:45 INFRA-706 ✔️'): chat's
# done marker, as ❌ is its failed one
_CHECK_END = re.compile(r"(?:\u2705|\u2714\ufe0f?|\u2611\ufe0f?)[\s*_.!)\]]*$")
# ... or opens it ('✅ OPS-12 webhook', a done list's entry), unless a box is still unticked in it or the
# mark stamps a pass ('✅ 2025-10-09 14:35 OPS-14 smoke tests passed', :data:`_PASS_STAMP`)
# (also under a chat message's head, its sender and time: '**Sam Lee** 9:51 AM ✅ PAY-8142 rollback', whose
# written line opens with it; not after a stamp on its line, '00:45 ✅ INFRA-706')
_CHECK_START = re.compile(
    r"[\s*_]*(?:" + SENDER + r"[*_]*[ \t]+"
    r"\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?[ \t]+)?(?:\u2705|\u2714\ufe0f?|\u2611\ufe0f?)"
)
_UNTICKED = re.compile(r"[\u2610\u2b1c]|\[ \]")


def _checked_off(text: str) -> bool:
    """Whether an item that says nothing else (a note: no state, status word nor deadline) is checked off: it
    names a ticket and ends in a check mark (:data:`_CHECK_END`) or opens with one (:data:`_CHECK_START`,
    no box left unticked in it), and no ❌ (✖) says something in it failed (a checklist of several, 'OPS-1
    ❌ OPS-2 ✅', is read by its words)."""
    return (
        "\u274c" not in text and "\u2716" not in text and (
            _CHECK_END.search(text) is not None
            or _CHECK_START.match(text) is not None and _UNTICKED.search(text) is None
            and _PASS_STAMP.match(text) is None  # (a pass's stamp is read by its words: _PASS_STAMP)
        ) and next(_keys(text), None) is not None
    )


# the noun, no verb: 'escalation to the manager', 'Escalation to the director for OPS-303'
_ESCALATION_TO = re.compile(r"\b(?:re-?)?escalation\s+to\s+((?:[\w@'’.-]+\s+){0,2}[\w@'’.-]+)")


def _escalation_to(text: str, w: frozenset[str]) -> bool:
    """Whether the item writes "escalation to" a manager, lead or executive (up to three words on:
    'the manager', 'team lead', 'the director for ...') and nothing plans it ('next step: escalation
    to the director', 'escalation to the CTO if not mitigated' are plans, rule 8)."""
    if "to" not in w or not w.isdisjoint(_PLAN) or "unless" in w:
        return False
    low = text.lower()
    for m in _ESCALATION_TO.finditer(low):
        whom = m.group(1)
        named = words(whom) | (_handle_parts(whom) if "-" in whom else _NO_PARTS)
        if not named.isdisjoint(_ANY_ROLE) or "head" in whom and _HEAD_OF.search(whom) is not None or (
            not named.isdisjoint(_MGMT_WORDS)
        ):
            return True
    return _dir_role(low) or _tl_role(text)


def _dir_role(low: str) -> bool:
    """Whether the lower-cased item writes 'dir' as whom it reaches (:data:`_DIR_ROLE`)."""
    return "dir" in low and _DIR_ROLE.search(low) is not None


def _tl_role(text: str) -> bool:
    """Whether the item writes 'TL' as whom it reaches (:data:`_TL_ROLE`)."""
    return "TL" in text and _TL_ROLE.search(text) is not None


def _esc_to_role(text: str) -> bool:
    """Whether a bare 'esc' is the verb: written before a manager, lead or executive it reaches ('esc to
    mgr', 'esc -> VP eng'), not the key ('press esc to close the dialog')."""
    for m in _ESC_TO.finditer(text.lower()):
        whom = m.group(1)
        named = words(whom) | (_handle_parts(whom) if "-" in whom else _NO_PARTS)
        if not named.isdisjoint(_ANY_ROLE) or not named.isdisjoint(_SHORT_ROLE) or (
            "head" in whom and _HEAD_OF.search(whom) is not None
        ):
            return True
    return False


_CLAUSE_BREAK = re.compile(r"[;!?]|\.(?!\S)")


def _follow_unplanned(text: str) -> bool:
    """Whether a clause of the item tells a follow-up and no plan word: the plan words are another
    clause's ('08:30 follow-up ping to the vendor; next update due 10:00': the vendor's next update is
    what is planned, the ping was made)."""
    if ";" not in text and "." not in text and "!" not in text and "?" not in text:
        return False
    for clause in _CLAUSE_BREAK.split(text):
        cw = keywords(clause)
        if cw.isdisjoint(_PLAN) and (not cw.isdisjoint(_FOLLOW) or (
            not cw.isdisjoint(_FOLLOW_WORDS) and _FOLLOW_PHRASE.search(clause.lower()) is not None
        )):
            return True
    return False


# 'no' that is not 'no longer' ('no longer blocked; resolved' is good news: the problem has ended)
_NO_NOT_LONGER = re.compile(r"\bno\b(?![ \t]+longer\b)")


def _no_longer_only(text: str, w: frozenset[str]) -> bool:
    """Whether the only word of :data:`_NOT_RESOLVED` the item writes is 'no', and every 'no' is 'no
    longer' ('OPS-304 no longer blocked; resolved'): that says a problem ended, not that none was."""
    return "no" in w and len(w & _NOT_RESOLVED) == 1 and _NO_NOT_LONGER.search(text.lower()) is None


# a negation that vetoes a resolution only in the resolution's clause or after it (:func:`_negated_before`)
# ... or after the resolution, of something else: 'resolved, no customer impact', 'closed with no further
# errors', 'Alert auto-closed after 30m of no events' (not 'fixed, no change in error rate', 'closed? no')
_NO_ASIDE = re.compile(
    r"\bno[ \t]+(?:(?:further|more|new|other|additional|real)[ \t]+)?(?!(?:fix|fixes|fixed|resolution|change"
    r"|changes|improvement|effect|difference|luck|progress|response|reply|answer|eta|update|ack|one|longer"
    r"|root)\b)[a-z][\w-]*"
)
_NO = re.compile(r"\bno\b")


# a ticket being closed by the writer, its key right after: 'recon clean. closing FIN-884', 'Closing out
# OPS-12' (not 'closing in on the cause', 'window closing at 22:00', 'closing the loop with OPS-1's owner')
_CLOSING_KEY = re.compile(
    r"(?<![\w-])[Cc]losing[ \t]+(?:out[ \t]+)?(?:ticket[ \t]+)?[A-Z][A-Z0-9]*-\d+(?![\w-]|[ \t]+as\b)"
)
# ... unless it is still to come: 'will be closing OPS-1 tomorrow', "we'll be closing", 'about to close'
_CLOSING_LATER = re.compile(r"(?i:\b(?:will|'ll|’ll|be|to|going|about|plan|planning)[ \t]+)$")


def _closing_key(text: str) -> bool:
    """Whether the writer closes a ticket now (:data:`_CLOSING_KEY`), not later (:data:`_CLOSING_LATER`) nor
    as a question; closing it 'as' something is the state rules' ('Closing OPS-304 as a possible duplicate':
    :func:`_dup_closed`)."""
    if "?" in text:
        return False
    m = _CLOSING_KEY.search(text)
    return m is not None and _CLOSING_LATER.search(text, max(0, m.start() - 12), m.start()) is None


# a bracketed aside of an item ('(should have ended 01:00)'): what it hedges is its own, not the item's
_ASIDE = re.compile(r"\([^()\n]*\)")


def _hedged_aside_only(text: str) -> bool:
    """Whether every word of :data:`_NOT_RESOLVED` the item writes is in a bracketed aside, and its
    acknowledgement outside it: 'PD-K2L3M4 P2: API still read-only after their window (should have ended
    01:00). acked 06:44' was acked; the vendor's window should have ended, no ack is undone."""
    rest = _ASIDE.sub(" ", text)
    w = keywords(rest)
    return w.isdisjoint(_NOT_RESOLVED) and not w.isdisjoint(_ACK)


def _no_after_only(text: str, w: frozenset[str]) -> bool:
    """Whether the only word of :data:`_NOT_RESOLVED` the item writes is 'no', and every 'no' comes after
    its first resolution word ('complete' as a state too) and denies something else (:data:`_NO_ASIDE`)."""
    if "no" not in w or len(w & _NOT_RESOLVED) != 1:
        return False
    low = text.lower()
    first = next((m.start() for m in _KEYWORD.finditer(" " + low) if m.group(1) in _RESOLVED), None)
    if "complete" in w and (c := _COMPLETE_STATE.search(low)) is not None and (
        first is None or c.start() < first
    ):  # ('audit complete: no use of the key found. Resolved.': the state comes first)
        first = c.start()
    if first is None:
        return False
    return _no_aside_from(low, first)


def _no_after_ack(text: str, w: frozenset[str]) -> bool:
    """Whether the only word of :data:`_NOT_RESOLVED` the item writes is 'no', each after its first
    acknowledgement and denying something else ('OPS-1 acked, no customer impact')."""
    if "no" not in w or len(w & _NOT_RESOLVED) != 1:
        return False
    low = text.lower()
    first = next((m.start() for m in _KEYWORD.finditer(" " + low) if m.group(1) in _ACK), None)
    return first is not None and _no_aside_from(low, first)


def _no_aside_from(low: str, first: int) -> bool:
    """Whether every 'no' of the lower-cased item comes at ``first`` or after and denies something else
    (:data:`_NO_ASIDE`: 'crew dispatched, no customer impact')."""
    return all(m.start() >= first and _NO_ASIDE.match(low, m.start()) for m in _NO.finditer(low))


_CLAUSE_NEG = frozenset({"not", "no", "never", "isn't", "wasn't", "hasn't", "haven't", "won't", "didn't"})
_ASIDE_WORDS = _CLAUSE_NEG | {"to", "in", "on", "by"}  # (all that such a clause may say the rules read;
# "by": 'OPS-2 not caused by OPS-1, resolved')
_CONFIRMED_WORDS = frozenset({"confirmed", "verified"})
_NEG_CLAUSE_BREAK = re.compile(r"[,;!?|\u2013\u2014]|\.(?!\d)|\s-\s")


def _negated_before(text: str, w: frozenset[str]) -> bool:
    """Whether the item's only vetoes of a resolution are negations written in clauses before the first
    one that resolves, clauses that say nothing else the kind rules read ('DATA-310 not a real problem,
    budget was wrong, closed': what was not is another statement, the closing its conclusion); 'not
    closed', 'not fully closed', 'fixed, not deployed', 'closed? not yet' (a 'yet'), 'not escalated,
    self-healed' and 'no resolution; resolved tag removed' are still vetoed."""
    if (w.isdisjoint(_RESOLVED) and "complete" not in w) or not (w & _NOT_RESOLVED) <= _CLAUSE_NEG or not (
        keywords(text) & _NOT_RESOLVED  # (as written: a negation takes 'yet' out of w, 'no fix yet')
    ) <= _CLAUSE_NEG:
        return False
    parts = _NEG_CLAUSE_BREAK.split(text.lower())
    for i, part in enumerate(parts):
        pw = keywords(part)
        if not pw.isdisjoint(_RESOLVED) or "complete" in pw and _COMPLETE_STATE.search(part) is not None:
            return i > 0 and keywords(" ; ".join(parts[i:])).isdisjoint(_NOT_RESOLVED)
        if (said := pw - _ASIDE_WORDS) and not _unblocked(part, pw, said) and not (
            said <= _CONFIRMED_WORDS and pw.isdisjoint(_CLAUSE_NEG)
        ):  # (a clause of no negation that only says it was confirmed leads to the resolution: 'no new P1s
            # overnight. ZD-48402 customer confirmed 429s gone, solved')
            return False  # (a clause before negates what the rules read: 'not escalated', 'no resolution')
    return False


def _unblocked(part: str, pw: frozenset[str], said: frozenset[str]) -> bool:
    """Whether a clause ``part`` (keywords ``pw``) before a resolution says only that nothing blocked it
    ('OPS-2 not blocked by OPS-1, closed', 'not stuck'): a denied wait is no veto (``said``: its words
    besides the asides); nor is a denied outage ('OUT-4412 not an outage; closed', 'not a real outage,
    closed': :data:`_DENIED_OUTAGE`)."""
    if said == _OUTAGE_WORD:
        return _DENIED_OUTAGE.search(part) is not None
    return said <= _BLOCKED and _without_negated(part, pw).isdisjoint(said)


_OUTAGE_WORD = frozenset({"outage"})
_DENIED_OUTAGE = re.compile(
    r"\b(?:not|no|never|isn't|wasn't|isn’t|wasn’t)\s+(?:(?:an?|the|real|actual|true|customer-facing|customer)\s+){0,2}"
    r"outage\b"
)


def _reaches_role(text: str, w: frozenset[str]) -> bool:
    """Whether the item pages, contacts, loops in or tells a manager, an on-call or an executive (rule
    1 beside the escalation words); a role written in a handle counts ('looped in @eng-director',
    'paged @mgr-oncall', 'pinged @head-of-infra')."""
    paged = not w.isdisjoint(_PAGED)
    if paged and not w.isdisjoint(_ONCALL):
        return True
    told = not w.isdisjoint(_TOLD) or ("in" in w and not w.isdisjoint(_LOOP_IN))
    contact = not w.isdisjoint(_CONTACT)
    low = text.lower()
    roles = w
    if "-" in low:
        parts = _handle_parts(low) & _ANY_ROLE
        if parts:
            roles = w | parts
    if (paged or told or contact) and (
        not roles.isdisjoint(_EXEC) or "vice president" in low or "dir. " in low
        or "head" in low and _HEAD_OF.search(low) is not None or told and _dir_role(low)
    ):
        return True
    if (paged or told) and not roles.isdisjoint(_MANAGER) or contact and not roles.isdisjoint(_ROLE) or (
        told and _tl_role(text)
    ) or contact and ("lead" in w or "leads" in w) and _OWNED_LEAD.search(low) is not None:
        return True
    if not w.isdisjoint(_MGMT_WORDS) and _MGMT.search(low) is not None:
        return True  # ('notified senior management', 'looped in mgmt')
    if not w.isdisjoint(_INFORMED):
        for m in _INFORMED_WHOM.finditer(low):
            whom = m.group(1)
            named = words(whom) | (_handle_parts(whom) if "-" in whom else _NO_PARTS)
            if not named.isdisjoint(_ROLE) or "head" in whom and _HEAD_OF.search(whom) is not None:
                return True
    return False


# (an on-call's handle is no manager: '@oncall-secondary paged' stays a page, rule 5)
_ANY_ROLE = _MANAGER | _EXEC
# an escalation that is not one yet: put off ('let's hold off on escalating to the VP for now'), or
# one that will be made only if something happens ('escalating to CTO if not mitigated by 15:30', as
# 'will escalate to the Director of Partnerships if no answer by Wed EOD' too); group 1 or 2 is what the
# item is read again without
_NOT_YET = re.compile(
    r"(\b(?:hold|holds|holding|held)\s+off\s+(?:on\s+)?(?:[\w-]+\s+)?(?:re-?)?escalat\w*)"
    r"|\b((?:re-?)?escalat(?:ing|es|e))\b(?=(?:\s+[^\s.;!?,]+){0,6}?\s+(?:if|unless)\b)"
)
# an escalation called off after the fact ('OPS-306 escalation to the VP cancelled', 'called off the CTO
# escalation', 'director escalation withdrawn'): no escalation at that level; the match (the escalation,
# whom it was to and the word that calls it off) is what the item is read again without
_CALLED_OFF_WORDS = (r"(?:cancell?ed|withdrawn|rescinded|retracted|revoked|called\s+off|stood\s+down|aborted"
                     r"|dropped)")
_CALLED_OFF = re.compile(
    r"(?:[\w@'’.-]+\s+)?\b(?:re-?)?escalations?\b(?:\s+[^\s.;!?,]+){0,6}?\s+(?:(?:was|is|has\s+been|have\s+been"
    r"|got|been|now)\s+)*" + _CALLED_OFF_WORDS + r"\b"
    r"|\b(?:cancell?(?:ed|ing)?|withdr(?:ew|awn|aw|awing)|rescind(?:ed|ing)?|retract(?:ed|ing)?|revok(?:ed|ing)"
    r"|call(?:ed|ing)?\s+off|stood\s+down|stand(?:ing)?\s+down|abort(?:ed|ing)?|dropp(?:ed|ing))\s+"
    r"(?:(?:the|our|my|this|that|its|an?)\s+)?(?:[\w@'’.-]+\s+){0,3}?(?:re-?)?escalation\b"
)


def _not_yet_out(low: str) -> tuple[str | None, bool]:
    """``low`` without every escalation put off or still conditional (:data:`_NOT_YET`: the whole 'hold
    off on escalating', the verb of 'escalate ... if'), or None when there is none; and whether one was
    conditional (then the item is a plan unless it says more). All at once, as :func:`_all_out` does."""
    parts: list[str] = []
    at, conditional = 0, False
    for m in _NOT_YET.finditer(low):
        g = 1 if m.group(1) is not None else 2
        conditional = conditional or g == 2
        parts += [low[at:m.start(g)], " "]
        at = m.end(g)
    if not parts:
        return None, False
    return "".join(parts) + low[at:], conditional


_CALLED_OFF_GATE = ("cancel", "withdr", "rescind", "retract", "revok", " off", " down", "abort", "dropp")
# a bare 'escalation cancelled' opening a clause after one that escalated ('escalated OPS-3 to VP Eng,
# escalation cancelled', 'escalated to the director; the escalation was withdrawn') calls off that
# escalation: the clause that made it is read out too (:func:`_called_back`). Not a page ('paged on-call,
# escalation cancelled': the page was made, the policy's escalation stopped) nor one naming whom it was to
# ('paged on-call, escalation to VP cancelled': only the VP's, :data:`_CALLED_OFF`). On lower case.
_BARE_CALLED_OFF = re.compile(
    r"(?:[,;]|\.(?!\S)|\s[\u2013\u2014-])\s*(?:(?:then|and|but)\s+)?(?:(?:the|that|this|its|our)\s+)?"
    r"(?:re-?)?escalation\s+(?:(?:was|is|has\s+been|got|been|now)\s+)*" + _CALLED_OFF_WORDS + r"\b"
)
_ESCALATED_VERB = re.compile(r"\b(?:re-?)?escalated\b")
_CLAUSE_START = re.compile(r"(?:[,;]|\.(?!\S)|\s[\u2013\u2014-])\s*")


def _called_back(low: str) -> str:
    """``low`` without the clause that escalated (:data:`_ESCALATED_VERB`) last before each bare 'escalation
    cancelled' (:data:`_BARE_CALLED_OFF`) that calls it off: one pass, each clause read once."""
    parts: list[str] = []
    at = prev = 0  # (what is kept from; where the last one called off ended: each span is read once)
    for m in _BARE_CALLED_OFF.finditer(low):
        lo, prev = prev, m.end()
        verb = None
        for v in _ESCALATED_VERB.finditer(low, lo, m.start()):
            verb = v  # (the last escalation told before it, after the one called off before)
        if verb is None:
            continue
        start = lo
        for cut in _CLAUSE_START.finditer(low, lo, verb.start()):
            start = cut.end()  # (the clause of that escalation starts after the last break before it)
        end = _CLAUSE_START.search(low, verb.end(), m.start())  # (and ends at the next one)
        parts += [low[at:start], " "]
        at = m.start() if end is None else end.start()
    return "".join(parts) + low[at:] if parts else low


_ABOVE_PLAN = frozenset(
    {"escalation", "reopened", "resolved", "acknowledged", "follow_up", "blocked", "evidence"}
)


def _escalation(
    text: str, w: frozenset[str], has_deadline: bool, ticked: bool, task: bool = False
) -> tuple[str, int]:
    """Rule 1 once it matched: the level, from the role named (or the policy's level); or, for an
    escalation put off or still conditional (:data:`_NOT_YET`), the item read without it."""
    low = text.lower()
    if "if" in w or "unless" in w or "off" in low:
        rest, conditional = _not_yet_out(low)
        if rest is not None:
            kind, level = classify(rest, keywords(rest), has_deadline, ticked, task)
            return ("plan", 0) if conditional and kind not in _ABOVE_PLAN else (kind, level)
    if any(c in low for c in _CALLED_OFF_GATE) and (
        rest := _all_out(_CALLED_OFF, _called_back(low))
    ) is not None:
        return classify(rest, keywords(rest), has_deadline, ticked, task)
    none_of = w.isdisjoint
    parts = _handle_parts(low) if "-" in low else _NO_PARTS
    if not none_of(_EXEC) or any(p in low for p in _EXEC_PHRASES) or not parts.isdisjoint(_EXEC) or (
        "head" in low and _HEAD_OF.search(low) is not None
    ) or _dir_role(low):
        return "escalation", 3
    if not none_of(_MANAGER) or not parts.isdisjoint(_MANAGER) or (
        not none_of(_MGMT_WORDS) and _MGMT.search(low) is not None
    ) or _tl_role(text) or "egal" in low and _LEGAL_REACHED.search(low) is not None:
        return "escalation", 2
    # an escalation policy's own level: PagerDuty's and Opsgenie's 'Escalated to level 2', unless the one
    # it reached is an on-call ('Escalated to level 2: Lee Chan (Secondary on-call)': a page, level 1)
    n = _POLICY_LEVEL.search(low) if ("level" in low or "tier" in low) else None
    if n is not None and (not none_of(_ONCALL) or n.group("tier") is not None):
        return "escalation", 1  # (an on-call reached, or a support tier: :data:`_POLICY_LEVEL`)
    return "escalation", min(int(n.group(2)), 3) if n is not None else 1


# a done task's imperative that makes an escalation ('- [x] Escalate OPS-1 to VP Eng', '- [x] Page the
# on-call DBA'), after a Logseq marker or a time, and how it reads done
_TASK_VERB = re.compile(
    r"(?i:\W*(?:done\s+)?(?:\d{1,2}:\d{2}\s*(?:utc\s+)?)?(escalate|re-escalate|page|notify|loop|cc|ping|email"
    r"|message|contact|brief|alert|inform|engage)\b(?!['’-]))"
)
_DONE_VERB = {
    "escalate": "escalated", "re-escalate": "re-escalated", "page": "paged", "notify": "notified",
    "loop": "looped", "cc": "cced", "ping": "pinged", "email": "emailed", "message": "messaged",
    "contact": "contacted", "brief": "briefed", "alert": "alerted", "inform": "informed", "engage": "engaged",
}


def _done_task(text: str, w: frozenset[str], has_deadline: bool) -> tuple[str, int]:
    """A ticked (or done-marked) task: resolved, unless what was done is an escalation or a follow-up
    (the task's verb read as done: 'Escalate OPS-1 to VP Eng' is 'escalated ...', 'Ping the vendor'
    'pinged ...'; '[x] pinged the vendor again' as written) and the item says no resolution too; that
    leaves the ticket open: the box records that the ping was made, not that the ticket ended."""
    m = _TASK_VERB.match(text)
    if m is not None:
        done = text[:m.start(1)] + _DONE_VERB[m.group(1).lower()] + text[m.end(1):]
        kind, level = classify(done, keywords(done), has_deadline)
        if kind == "escalation" or kind == "follow_up":
            return kind, level
    elif not w.isdisjoint(_FOLLOW) or not w.isdisjoint(_FOLLOW_WORDS):
        kind, level = classify(text, w, has_deadline)
        if kind == "follow_up":
            return kind, level
    return "resolved", 0


# what says the resolution words are not a resolution: the problem goes on ('restart fixed nothing,
# errors continue', 'alert auto-resolved but issue persists', 'still failing', 'is PAY-412 fixed? still
# seeing 500s'; not 'errors returned to baseline')
_STILL_BROKEN = re.compile(
    r"\bstill\s+(?:failing|fails|broken|down|erroring|seeing|happening|occurring|flapping|timing\s+out"
    r"|crashing|crash-?looping|throwing|unhealthy|firing|alerting|impacted|affected|returning\s+errors)\b"
    r"|\b(?:errors?|issues?|problems?|failures?|alerts?|alarms?|5xx|[45]\d\ds?|timeouts?|symptoms?|crashes"
    r"|outage|bug)\s+(?:(?:still|keeps?|has|have|is|are)\s+)?(?:persists?|persisting|persisted|continues?"
    r"|continued|continuing|returned|came\s+back|(?:is|are)\s+back)\b"
    r"(?!\s+(?:to|at|below|within|under|in|normal)\b)"
)
# ... and the words that are no resolution of anything: 'fixed nothing', 'thought it was fixed', DNS's
# 'resolved to the old IP', 'a fixed 20 connections'
_NOT_A_FIX = re.compile(
    r"\b(?:fixed|resolved|solved|mitigated|restored|closed|fixes|resolves|solves)\s+nothing\b"
    r"|\b(?:thought|assumed|believed|hoped)\s+(?:that\s+)?(?:it|this|that|we|they|i|the\s+[\w-]+)\s+"
    r"(?:was|were|had|'d|’d|is|had\s+been|would\s+be)\s+(?:[\w-]+\s+)?" + _RESOLVED_EN + r"\b"
    r"|\bresolv(?:ed|es|ing)\s+(?:correctly\s+|fine\s+)?to\s+(?:(?:the|an?|its|our)\s+)?(?:(?:old|new|wrong"
    r"|stale|previous|internal|external|public|private|same|correct|right|expected)\s+)?(?:ips?|address"
    r"|addresses|hosts?|hostnames?|cnames?|records?|endpoints?|vips?|nxdomain|servfail|localhost)\b"
    r"|\bresolv(?:ed|es|ing)\s+to\s+(?:\d{1,3}\.\d|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b)"
    r"|\ban?\s+fixed\b"
    # the escalation ended, not the ticket: 'VP escalation closed out for OPS-804; manager keeps it'
    r"|\bescalations?\s+(?:(?:was|is|has\s+been|got|now)\s+)?(?:closed(?:\s+out)?|ended|wound\s+down)\b"
    r"|\b(?:closed|closing)\s+(?:out\s+)?(?:the\s+|our\s+|this\s+|that\s+|its\s+)?(?:[\w-]+\s+)?escalation\b"
    r"(?!\s+(?:tickets?|cases?|issues?|requests?)\b)"
    # a maintenance window or a freeze ended, not the ticket: 'loss still 3% after the window closed',
    # 'change freeze closed at 18:00' (a ticket's window: 'OPS-7 closed after the window' is closed)
    r"|\b(?:window|freeze)\s+(?:(?:was|is|has|had|got|now|has\s+been|had\s+been)\s+)?closed\b"
)
# a question ('is PAY-412 fixed?', 'has PAY-413 been acked?') opening a clause, a chat message after
# its time; not one answered yes ('Resolved? Yes')
_QUESTION = re.compile(
    r"(?:^|(?<=[.!?;:(\[|\u2014\u2013])|(?<=:\d\d)|(?<=\b[ap]m)|(?<=\butc))\s*(?:is|are|was|were|has|have|had"
    r"|did|does|do|can|could|will|would|should|any|anyone|anybody|who|what|when|why|how)\b[^.!?;\n]*\?"
    r"(?![\s|*_:]*(?:yes|yep|yup|confirmed|correct|affirmative)\b)"
)


def _undone(low: str) -> bool:
    """Whether the item's resolution words say nothing was resolved: the problem goes on
    (:data:`_STILL_BROKEN`), or every such word is no resolution (:data:`_NOT_A_FIX`) or asks
    (:data:`_QUESTION`)."""
    if ("still" in low or "persist" in low or "contin" in low or "return" in low or "back" in low) and (
        _STILL_BROKEN.search(low) is not None
    ):
        return True
    rest = low
    if "nothing" in low or "thought" in low or "assumed" in low or "believed" in low or "hoped" in low or (
        " to " in low and "resolv" in low
    ) or "fixed" in low or "escalation" in low or "window" in low or "freeze" in low:
        rest = _NOT_A_FIX.sub(" ", rest)
    if "?" in rest:
        rest = _QUESTION.sub(" ", rest)
    if rest is low:
        return False
    w = keywords(rest)
    return w.isdisjoint(_RESOLVED) and ("complete" not in w or _COMPLETE_STATE.search(rest) is None)


def _only_asked(low: str, vocab: frozenset[str]) -> bool:
    """Whether every word of ``vocab`` the item writes is in a question ('has PAY-413 been acked?')."""
    rest = _QUESTION.sub(" ", low)
    return rest != low and keywords(rest).isdisjoint(vocab)


# 'complete' as a state ('migration complete', '| Complete ✅ |', 'Status: complete.'), not a verb
# ('complete the rollout by Friday')
_COMPLETE_STATE = re.compile(
    r"(?<!\bto )(?<!\bwill )(?<!\bshould )(?<!\bmust )(?<!\bplease )(?<!\bpls )(?<!\bcan )\bcomplete\b"
    r"(?![*_]*\s+(?:the|a|an|this|that|these|those|all|it|them|your|our|my|his|her|their|by|before|once"
    r"|until|when|if)\b)"
)
# progress, not the end: 'migration 60% done', 'rollback completed on 2 of 6 regions, rest in
# progress', 'closed the bridge call, investigation continues'
_PARTIAL = re.compile(
    r"\b(?!100\b)\d{1,3}(?:\.\d+)?\s?%\s*(?:done|complete|completed|finished|through|migrated|restored)\b"
    # a share said in words: 'about half done', 'mostly fixed', 'nearly complete', 'partially restored'
    r"|\b(?:half|halfway|mostly|partly|partially|nearly|almost|largely)\s+(?:done|complete|completed"
    r"|finished|through|migrated|restored|fixed|resolved|recovered)\b"
    r"|\b(?:done|completed|finished|closed|restored|recovered|fixed|resolved|merged|shipped|delivered)\s+"
    r"(?:on|in|for)\s+\d+\s*(?:of|/)\s*\d+\b"
    r"|\b(?:rest|remainder|remaining|others?)\s+(?:still\s+)?(?:in\s+progress|pending|running|ongoing|to\s+go)\b"
    r"|\bstill\s+(?:running|in\s+progress|ongoing)\b"
    # a restoration in part: 'partial restore', '1,600 restored via Feeder 9, ~540 still out', 'Feeders 3
    # and 14 restored; Feeder 5 still out' (not what was down before: 'was still down until 10:00')
    r"|\bpartial\s+(?:restore|restoration|recovery|fix|rollback)\b"
    # a fix merged whose deploy is still to come: 'fix merged, deploy tomorrow 10:00 BRT', 'merged; will
    # deploy Monday' (not 'merged and deployed')
    r"|\bmerged\b[^.;!?\n]{0,40}?\b(?:(?:deploy(?:ing|ment)?|release|roll-?out|roll\s+out|ship(?:ping)?)\s+"
    r"(?:is\s+|scheduled\s+|planned\s+|set\s+)?(?:for\s+)?(?:tomorrow|tonight|next|later|mon|tue|wed|thu|fri"
    r"|sat|sun|on\b|at\b|\d)|will\s+(?:deploy|release|roll|ship))"
    r"|(?<!\bwas\s)(?<!\bwere\s)\bstill\s+(?:out|down|dark|without\s+power|offline|de-?energi[sz]ed)\b"
    r"(?!\s+(?:until|till|for|when|before)\b)"
    r"|\b(?:investigation|troubleshooting|debugging|triage|root\s+cause\s+analysis)\s+(?:continues|ongoing"
    r"|in\s+progress)\b"
    # a box still unticked beside what is done: '✅ smoke done, ☐ full rollout', '[x] canary [ ] rollout'
    r"|[\u2610\u2b1c]|\[ \]"
)
# What each branch of _PARTIAL writes (case-sensitive, as _PARTIAL is): none of these, no match, and
# the pattern (no literal prefix: sre tries it at every position of the item) is not run
_PARTIAL_HINT = re.compile(
    "%|half|mostly|partly|partial|nearly|almost|largely|of|/|rest|remain|other|still|merged|investigation"
    "|troubleshooting|debugging|triage|root|\u2610|\u2b1c|\\[ \\]"
)


def _partial(low: str) -> bool:
    """Whether ``low`` says the work is done in part (:data:`_PARTIAL`), its cheap hint first."""
    return _PARTIAL_HINT.search(low) is not None and _PARTIAL.search(low) is not None


# a share of the parts done, counted: '4/7 partitions replayed', '3 of 5 regions restored', 'restored 12 of
# 40 feeders', '9 out of 12 sites back online' (fewer done than there are: progress, a ``status``; '5/5
# regions restored' is all of them). On lower case, after a digit and '/' or ' of ' (:func:`_share_done`)
_SHARE_VERB = (
    r"(?:replayed|restored|recovered|migrated|processed|upgraded|patched|rebooted|restarted|re-?imaged"
    r"|deployed|rolled\s+out|drained|backfilled|reconciled|re-?synced|repaired|replaced|reconnected"
    r"|re-?energi[sz]ed|energi[sz]ed|remediated|rotated|fixed|resolved|closed|done|complete|completed"
    r"|finished|back(?:\s+(?:online|up|in\s+service))?|online|up|healthy|green|cut\s+over|failed\s+over"
    r"|re-?spliced|spliced|lit|turned\s+up|activated|provisioned|tested|cleared)"
)
_SHARE_DONE = re.compile(
    r"(?<![\d./:-])(\d{1,5})\s*(?:/|of|out\s+of)\s*(\d{1,5})(?![\d./:-])\s+(?:[a-z][a-z-]*\s+){0,2}?"
    r"(?:(?:are|were|is|was|now|have\s+been|has\s+been|been|all)\s+){0,3}" + _SHARE_VERB + r"\b"
    r"|\b" + _SHARE_VERB + r"\s+(?:on\s+|in\s+|for\s+)?(\d{1,5})\s*(?:/|of|out\s+of)\s*(\d{1,5})(?![\d./:-])"
)


def _share_done(low: str) -> bool:
    """Whether the lower-cased item counts a share of its parts done that is not all of them
    (:data:`_SHARE_DONE`)."""
    if "/" not in low and " of " not in low:
        return False
    for m in _SHARE_DONE.finditer(low):
        done, total = (m.group(1), m.group(2)) if m.group(1) is not None else (m.group(3), m.group(4))
        if int(done) < int(total):
            return True
    return False


# a numbered step, phase, stage, wave or part, and whether it is said done ('steps 1-3 done', 'phase 2
# complete'): one done while another is named is progress ('steps 1-3 done, step 4 todo': :func:`_steps_left`)
_NUMBERED_STEP = re.compile(
    r"\b(?:steps?|phases?|stages?|waves?|parts?)\s+#?\d{1,3}(?:\s*(?:-|\u2013|to|and|&|,)\s*\d{1,3})*"
    r"(?P<done>\s+(?:(?:is|are|was|were|now|all)\s+)?(?:done|complete|completed|finished)\b)?"
)


def _steps_left(low: str) -> bool:
    """Whether the lower-cased item says a numbered step is done and names another that is not."""
    if "step" not in low and "phase" not in low and "stage" not in low and "wave" not in low and (
        "part" not in low
    ):
        return False
    done = left = False
    for m in _NUMBERED_STEP.finditer(low):
        if m.group("done") is None:
            left = True
        else:
            done = True
    return done and left


# a step on the way done ('triage done', 'investigation complete', 'rollback done'): with a deadline in the
# same item ('MOB-221 triage done, fix ETA 10/9') the fix is still to come (:func:`_step_done`)
_STEP_DONE = re.compile(
    r"(?:\b(?:triage|investigation|analysis|rca|diagnosis|repro|build|rollback|roll-back|failover|backup"
    r"|snapshot|copy|dump"
    # a runbook's step, named ('Batch done', 'step 3 done', 'phase 2 complete', 'backfill chunk 4 done',
    # 'promote done'; a command's, '`pg_ctl promote` done'): said of a ticket the item only inherits
    # (its heading's, its thread's), the ticket goes on (:func:`only_steps_done`)
    r"|batch(?:\s+(?:job|run))?(?:\s+#?\d{1,4})?|(?:backfill\s+)?chunk(?:\s+#?\d{1,4})?"
    r"|(?:step|phase|stage)(?:\s+#?\d{1,3})?|promote|promotion)(?:\s+`[^`\n]{1,80}`)?"
    r"|`[^`\n]{0,60}\bpromote`)"
    r"\s+(?:is\s+|was\s+|now\s+)?(?:done|complete|completed|finished)\b"
)


def _step_done(low: str, has_deadline: bool, ticked: bool, task: bool) -> tuple[str, int] | None:
    """(kind, level) of an item whose every resolution word is a step done (:data:`_STEP_DONE`) and that
    sets a deadline: read without the step, a ``status`` unless the rest tells more; else None."""
    if (rest := _without_steps(low)) is None:
        return None  # ('build done, OPS-1 fixed, follow-up ETA Fri': a resolution of its own)
    w = keywords(rest)
    kind, level = classify(rest, w, has_deadline, ticked, task)
    return ("status", 0) if kind in ("note", "deadline") else (kind, level)


def _without_steps(low: str) -> str | None:
    """``low`` without its steps done (:data:`_STEP_DONE`) when they are all its resolution words say;
    else None."""
    if _STEP_DONE.search(low) is None:
        return None
    rest = _STEP_DONE.sub(" ", low)
    w = keywords(rest)
    if not w.isdisjoint(_RESOLVED) or "complete" in w and _COMPLETE_STATE.search(rest) is not None:
        return None
    return rest


# a milestone named right before its time, no verb ('Release cut Thursday 17:00 CET', 'PAY-9 go-live: Fri
# 10/10 09:00', 'code freeze Thu 12:00'): what is to come at that time, when it is after the item's day
# (:func:`milestone_at`)
_MILESTONE_BEFORE = re.compile(
    r"(?i:[\s*_]*(?:[A-Z][A-Z0-9]*-\d+[\s*_]*:?\s+)?(?:(?:the|our|next)\s+)?(?:[\w.#/-]+\s+){0,3}?"
    r"(?:(?:release|branch)\s+cut|cut-?off|(?:code|deploy|change)\s+freeze|go-?live|launch|cut-?over|release"
    r"|deploy(?:ment)?|roll-?out|migration|upgrade|drill|demo)\s*(?::|at|on|is|set\s+for)?\s*"
    # (the day written before the time: 'Thursday 17:00', 'Fri 10/10 09:00', 'on 2025-10-09 at 17:00')
    r"(?:(?:on\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?,?\s+"
    r"|\d{4}-\d{2}-\d{2},?\s+)?(?:at\s+)?)?)"
)


# (a verb after the time tells what happened: 'Release Thu 10/09 17:00 deployed' is no plan)
_MILESTONE_DONE = re.compile(
    r"(?i:\b(?:deployed|failed|released|crashed|restarted|started|broke|happened|occurred|shipped|went|done"
    r"|completed|finished|rolled|cancel(?:l)?ed|postponed|delayed|moved|slipped)\b)"
)


def milestone_at(text: str, start: int) -> bool:
    """Whether all ``text`` writes before ``start`` (where a time is) names a milestone, no verb
    (:data:`_MILESTONE_BEFORE`): 'Release cut Thursday 17:00 CET'."""
    return 0 < start <= 80 and _MILESTONE_BEFORE.fullmatch(text, 0, start) is not None and (
        _MILESTONE_DONE.search(text, start) is None)


# a maintenance, outage or downtime told as tonight's ('maintenance outage tonight 22:00-23:00', 'PLAT-314
# maintenance outage 22:00-23:00 tonight.', "tonight's maintenance window 01:00-03:00"), no done verb: to come
# (:func:`tonight_window`)
_TONIGHT_WINDOW = re.compile(
    r"(?i:\b(?:maintenance|outage|downtime)\b(?:[^.;!?\n]{0,40}?)\btonight\b"
    r"|\btonight(?:'s|\u2019s)?\s+(?:maintenance|outage|downtime))"
)


def tonight_window(text: str) -> bool:
    """Whether ``text`` tells of a maintenance, outage or downtime tonight (:data:`_TONIGHT_WINDOW`) and of
    nothing done (:data:`_MILESTONE_DONE`): a plan. The cheap test first ('tonight' in the item)."""
    return ("tonight" in text or "Tonight" in text or "TONIGHT" in text) and (
        _TONIGHT_WINDOW.search(text) is not None and _MILESTONE_DONE.search(text) is None)


# a weekday's part of the day, no time ('AV engineer on site Wednesday morning'): that day ahead, when the
# item tells nothing done (no past verb: 'reported Wednesday morning', 'was on site Wednesday morning', nor
# 'since', 'last', 'until'; :func:`day_part_ahead`)
_DAY_PART = re.compile(
    r"(?i:(?<![\w-])(?:(?:last|since|until|till|from|by)\s+)?"
    r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:morning|afternoon|evening))\b"
)
_PAST_VERB = re.compile(
    r"(?i:\b(?:was|were|went|came|saw|had|did|took|got|ran|began|held|done|\w{2,}ed)\b)"
)
_NOT_PAST = frozenset({"scheduled", "planned", "booked", "expected", "confirmed", "needed", "required"})


def day_part_ahead(text: str, day: dt.date) -> int:
    """Days from ``day`` (the item's section's) to the one weekday ``text`` writes with a part of the day
    and no time (:data:`_DAY_PART`: 'Wednesday morning' under a Tuesday is 1), when it is after ``day`` and
    nothing in ``text`` is told as done; else 0. The cheap test first (a part of the day's letters)."""
    if "orning" not in text and "fternoon" not in text and "vening" not in text:
        return 0
    ms = list(_DAY_PART.finditer(text))
    if len(ms) != 1 or ms[0].group(0)[0].lower() != ms[0].group("wd")[0].lower() or any(
        w.group(0).lower() not in _NOT_PAST for w in _PAST_VERB.finditer(text)
    ):
        return 0  # (two days, a 'last'/'since'/'until' before it, or a past verb: no plan read)
    wd = ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(ms[0].group("wd")[:3].lower())
    return (wd - day.weekday()) % 7


# a go decision for a later run of the change, opening the item ('CHG-20417 status: GO for Sat', 'CHG-1
# approved for tonight', 'green light for the weekend'): what it says done (comms sent, config merged) readies
# that run, the change is still to come (:func:`go_for_later`)
_GO_FOR_LATER = re.compile(
    r"(?i:(?<!to )\b(?:go|approved|green[- ]?lit|green\s+light)\s+for\s+(?:the\s+|this\s+|next\s+)?"
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:[a-z]*day)?|tonight|tomorrow|weekend"
    r"|(?:maintenance\s+)?window|cutover|upgrade)\b)"
)
# a fix's own words, which no go decision readies: 'OPS-1 fixed; CHG-9 approved for Sat' resolves OPS-1
_FIX_WORDS = re.compile(r"(?i:\b(?:resolved|fixed|closed|restored|recovered|mitigated|solved)\b)")


def go_for_later(text: str) -> bool:
    """Whether an item is a go decision for a later run of its change (:data:`_GO_FOR_LATER` within its
    first 60 characters) and writes no fix's word (:data:`_FIX_WORDS`): a ``plan``, not a resolution of
    the preparations it says done; a substring test first."""
    low = text[:60].lower()
    return (" for " in low and ("go" in low or "approved" in low or "green" in low)
            and _GO_FOR_LATER.search(text, 0, 60) is not None and _FIX_WORDS.search(text) is None)


def past_outage(text: str) -> bool:
    """Whether ``text`` tells of an outage that happened, timed by a range (:data:`_OUTAGE_RANGE`): its end
    resolves it. The cheap test first (a word of the pattern), then what says it goes on or is to come,
    or that the item opens its ticket (``Outage 10:02-10:40, INC-5512 opened``: the outage ended, the
    ticket filed for it has only begun; :func:`opens_ticket`)."""
    low = text.lower()
    return ("outage" in low or "downtime" in low or "incident" in low or "disruption" in low
            or "degradation" in low) and _OUTAGE_RANGE.search(text) is not None and (
        _OUTAGE_GOES_ON.search(text) is None) and not opens_ticket(text)


# a ticket filed in the item that names it: 'SEC-302 opened: audit CI logs', 'opened SEC-302 for the audit',
# 'filed OPS-12', 'created INC-7 to track', 'spun off OPS-9', 'INC-5512 was raised' (:func:`opens_ticket`;
# :mod:`occ_lib.threads` reads a section's first ticket so)
OPENED = re.compile(
    r"(?i:\b(?:opened|filed|created|raised|spun\s+off|split\s+out)\s+[A-Z][A-Z0-9]+-\d+\b"
    r"|[A-Z][A-Z0-9]+-\d+\s+(?:(?:was|is)\s+)?(?:opened|filed|created|raised)\b)"
)
_OPENED_WORDS = ("opened", "filed", "created", "raised", "spun", "split")


def opens_ticket(text: str) -> bool:
    """Whether ``text`` says a ticket it names was opened (filed, created, raised) there (:data:`OPENED`);
    a substring test first."""
    low = text.lower()
    return any(w in low for w in _OPENED_WORDS) and OPENED.search(text) is not None


# a heading over a list of the work's steps ('### Eradication checklist (SEC-812)', '## Cutover steps',
# 'Sub-tasks'): an item of it said done, naming no ticket of its own, is that step done, not its ticket's
# resolution (:func:`checklist_step`)
_STEPS_HEADING = re.compile(r"(?i)\b(?:check[\s-]?lists?|steps|sub-?tasks|tasks)\b")
# what an item says of the whole, or a fix's own word: 'incident closed', 'all steps done', '14:30 service
# restored' under the checklist or the steps taken still resolve
_WHOLE_DONE = re.compile(
    r"(?i)\b(?:incident|ticket|case|issue|outage|all|everything|resolved|fixed|closed|restored|recovered"
    r"|mitigated|solved)\b"
)


def checklist_step(heading: str | None, text: str) -> bool:
    """Whether a ``resolved`` item that names no ticket of its own is a step of a checklist: its heading
    names one (:data:`_STEPS_HEADING`) and the item speaks of no whole (:data:`_WHOLE_DONE`); the ticket
    it inherits goes on (a ``status``)."""
    return heading is not None and _STEPS_HEADING.search(heading) is not None and (
        _WHOLE_DONE.search(text) is None)


def step_done(heading: str | None, text: str) -> bool:
    """Whether a ``resolved`` item its ticket only inherits tells a step of the work done, not the
    ticket's resolution: every resolution word a step's (:func:`only_steps_done`), or an item of a
    checklist (:func:`checklist_step`)."""
    return only_steps_done(text) or checklist_step(heading, text)


# where the clause before a ticket's opening ends: 'CDN pre-warm done on Akamai. BCST-4412 opened ...'
_BREAK_BEFORE_OPENED = re.compile(r"(?:[,;:!?]|\.(?!\S)|\s[\u2013\u2014-])\s*(?:(?:and|then)\s+)?$")


def done_before_opened(text: str, own: list[str]) -> bool:
    """Whether a resolved item's (``text``'s) resolution words are all told before, in a clause of their
    own, the opening of its one ticket (:data:`OPENED`): 'T-30: CDN pre-warm done on Akamai. BCST-4412
    opened for the Fastly shortfall.', 'fixed the cron; opened OPS-9 for the RCA': what was done is another
    thing than the ticket opened after it, which has only begun (not 'INC-7 opened and resolved', 'opened
    OPS-2, fixed 10:40')."""
    if len(own) != 1 or not opens_ticket(text):
        return False
    m = next((m for m in OPENED.finditer(text) if own[0] in m.group(0)), None)
    if m is None or _BREAK_BEFORE_OPENED.search(text, max(0, m.start() - 12), m.start()) is None:
        return False
    # (the item reads resolved, and nothing from the opening on can: its resolution is told before it)
    tail = text[m.start():]
    return keywords(tail).isdisjoint(_RESOLVED) and "complete" not in tail.lower() and (
        not _deployed_checked(tail)
    )


# a cron expression, five fields of digits, '*', '/', ',' and '-' ('30 23 * * *', '*/15 * * * *', '0 2 * *
# 1-5'): a table row that writes one describes a scheduled job, its times the job's every run's
_CRON = re.compile(r"(?<![^\s|`])(?:[\d*/,-]+[ \t]+){4}[\d*/,-]+(?![^\s|`])")


def cron_schedule(text: str) -> bool:
    """Whether ``text`` (a table row) writes a cron expression with a '*' (:data:`_CRON`), in a code span
    or not: the row is a scheduled job's, its deadlines standing targets, none due once."""
    return any("*" in m.group(0) for m in _CRON.finditer(text))


def only_steps_done(text: str) -> bool:
    """Whether every resolution word of a resolved item is a step of the work done (``21:10 snapshot
    complete``, ``copy complete; row counts match``): said of a ticket the item only inherits (from its
    heading, or the document's title), the ticket goes on (:mod:`occ_lib.logs`, a ``status``)."""
    return _without_steps(text.lower()) is not None


# a run that ended in failure ('##[error]Process completed with exit code 2', 'completed with errors')
_FAILED_RUN = re.compile(r"\bcompleted\s+with\s+(?:exit\s+code\s+[1-9]|errors?|failures?)")


# a service back by a clock time, told after the step before it: 'failover started, service restored by
# 10:37' tells when it was restored (times._PAST_BY), not 'started, will be restored by 10:37'
_PAST_RESTORED = re.compile(
    r"([a-z],\s(?:(?!(?:will|be|been|should|must|to|need|needs|expected|hopefully)\b)[a-z]+\s+){0,2}?"
    r"(?:restored|recovered))\s+by(?=\s+\d)"
)


def _future_only(low: str) -> bool:
    """Whether every resolution word of the item is one still to come (:data:`_FUTURE_DONE`)."""
    if ("restored" in low or "recovered" in low) and " by " in low:
        low = _PAST_RESTORED.sub(r"\1", low)  # ('failover started, restored by 10:37': restored then)
    if not _may_future_done(low) or _FUTURE_DONE.search(low) is None:
        return False
    return keywords(_FUTURE_DONE.sub(" ", low)).isdisjoint(_RESOLVED)


# (the lead words of _FUTURE_DONE's first branch, and its resolution words as a tuple for str.endswith)
_FUTURE_LEAD = re.compile("be|expect|estimated")
_RESOLVED_EN_WORDS = tuple(sorted(_RESOLVED_WORDS_EN))


def _may_future_done(low: str) -> bool:
    """A cheap exact gate before :data:`_FUTURE_DONE` (its later branches have look-behinds first, so sre
    tries them at every position of the item): a match needs 'be', 'expect' or 'estimated' (the first
    branch), or a 'by' with white space on both sides whose white space before follows a resolution word
    (the others: 'fixed by 10:00'). Each 'by' strips only its own white space, so the test stays linear."""
    if _FUTURE_LEAD.search(low) is not None:
        return True
    i = low.find("by", 1)
    while i >= 0:
        if low[i - 1].isspace() and low[i + 2:i + 3].isspace():
            j = i - 1
            while j >= 0 and low[j].isspace():
                j -= 1
            if low.endswith(_RESOLVED_EN_WORDS, 0, j + 1):
                return True
        i = low.find("by", i + 2)
    return False


_HYPHENATED = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
_NO_PARTS: frozenset[str] = frozenset()


def _handle_parts(low: str) -> frozenset[str]:
    """The pieces of hyphenated names ('@eng-director', 'vp-eng', '#support-managers'): a role
    written inside a handle or a group still names who was escalated to. (Only the words with a
    hyphen are searched: the pattern tried at every letter of a long item costs more than a split.)"""
    return frozenset(
        p for tok in low.split() if "-" in tok for m in _HYPHENATED.findall(tok) for p in m.split("-")
    )


_MISS_WORD = r"(?:missed|slipped|late|overdue|breached|blown|lapsed|exceeded|misses|slipping)\b"
# What says nothing was missed: a negated miss ('not missed', 'nothing slipped', "didn't slip"), a
# metric over its threshold ('p95 latency exceeded 800ms', 'error budget breached') and a late hour...
# Read on the lower-cased text after a space; every branch starts a word after the one non-word
# character the pattern opens with (sre skips to those in C: no IGNORECASE, no ``\b`` to try per position).
_NOT_A_MISS = re.compile(
    r"\W(?:(?:not|never|nothing|no|nobody|didn[’']t|did\s+not|wasn[’']t|was\s+not|isn[’']t|hasn[’']t"
    r"|haven[’']t|won[’']t|without)\s+(?:[\w’'-]+\s+)?(?:missed|slipped|slip|late|overdue|breached"
    r"|blown|lapsed|exceeded|misses|slipping)\b"
    r"|(?:latency|p\d{2}|budget|threshold|limit|quota|rate|cpu|memory|disk|usage|errors?|slo|apdex"
    r"|saturation|load|traffic|requests?|retries|queue|lag|burn|timeout)\s+(?:[\w-]+\s+)?(?:exceeded"
    r"|breached)\b"
    # (a quantity, not a time: 'exceeded 800ms', 'breached 2%'; 'exceeded the 09:00 deadline' is a miss)
    r"|(?:exceeded|breached)\s+(?:the\s+|its\s+|our\s+)?(?:\d+(?:\.\d+)?\s?(?:%|ms\b|s\b|secs?\b"
    r"|seconds|m\b|mins?\b|minutes|[kmg]b\b|x\b|rps|qps|req|errors?|retries|requests)|threshold|limit"
    r"|budget|quota|capacity|slo)"
    r"|late\s+(?:night|evening|afternoon|morning|shift|hours?)\b"
    # a tracker's field that says no: 'Slipped: No', 'Missed: none', 'Overdue? n/a', Dataview's
    # '[slipped:: no]'
    r"|(?:missed|slipped|late|overdue|breached)\s*(?:::|[:=?])\s*[*_]*\s*(?:no|none|n|false|0|n/a|-|\u2014)"
    r"[*_]*(?=\s*(?:$|[|.;,)\]]))"
    # 'we missed nothing this week'; 'the PDU blew a fuse' (blew up, blew out)
    r"|(?:missed|slipped)\s+(?:nothing|none)\b|blew\s+(?:a|an|up|out)\b"
    # a risk, a doubt or a condition is no miss: 'no risk of slipping', 'may be late', 'at risk of
    # slipping if the vendor is late', 'unless the vendor is late again', 'to avoid a late fee'
    r"|(?:risk|danger|chance|likelihood|odds)\s+of\s+(?:being\s+|running\s+)?" + _MISS_WORD +
    r"|(?:may|might|could|would|can)\s+(?:(?:be|have|been|also|still|well|even|run|running|get|go|going)\s+)"
    r"{0,2}" + _MISS_WORD +
    # a forecast is no miss either (the deadline is still ahead): 'the 17:00 ETA will be missed', 'ETA
    # 17:00 will be late', 'is going to be missed' (or 'gonna be'), "we'll be late", as 'will miss', 'will
    # not meet' are none
    r"|(?:will|shall|(?<=[\u2019'])ll|going\s+to|gonna|about\s+to|likely\s+to|expected\s+to|bound\s+to)\s+"
    r"(?:(?:be|have|been|also|still|well|even|probably|likely|definitely|certainly|surely|run|running|get"
    r"|go|going)\s+){0,2}" + _MISS_WORD +
    r"|(?:if|unless|whether|in\s+case)\s+(?:[\w\u2019'-]+\s+){0,4}?" + _MISS_WORD +
    r"|(?:avoid|avoiding|prevent|preventing)\s+(?:a\s+|an\s+|the\s+|any\s+|being\s+)?" + _MISS_WORD +
    # late about someone, not a deadline: 'Apologies for the late response', "I'm running late",
    # 'running late today, but PAY-3 is on track', 'a late fee'; 'Missed call from vendor'
    r"|late\s+(?:fees?|charges?|penalt(?:y|ies)|response|responses|reply|replies|answer|notice)\b"
    r"|(?:sorry|apologies|apologi[sz]e)\s+for\s+(?:the\s+|my\s+|this\s+|being\s+)?(?:very\s+|so\s+)?late\b"
    r"|i(?:[\u2019']m|\s+am|\s+was|[\u2019']ll\s+be|\s+will\s+be)\s+(?:running\s+)?(?:a\s+(?:bit|little)\s+)?"
    r"late\b"
    r"|running\s+(?:a\s+(?:bit|little)\s+)?late\s+(?:today|this\s+morning|this\s+afternoon)\b"
    r"|missed\s+(?:a\s+|an\s+|the\s+|\d+\s+|two\s+|three\s+|several\s+)?(?:calls?|messages?|texts?"
    r"|pings?|notifications?|voicemails?)\b"
    # what a schedule skipped, not a deadline: '3 missed hours backfilling', 'the missed runs re-queued',
    # 'the dag missed 2 runs', 'missed partitions'; not 'missed hours ago'
    r"|missed\s+(?:\d+\s+|the\s+|all\s+|several\s+)?(?:hourly\s+|daily\s+|scheduled\s+|cron\s+|dag\s+)?(?:hours(?!\s+ago)|runs|intervals|partitions"
    r"|batch(?:es)?|heartbeats|scrapes|polls|snapshots|ticks|backups)\b"
    # a broadcast's ad break or cue that did not air, not a deadline: 'the missed ad break', 'missed
    # break', 'SCTE-35 cue at half-time missed on the Fastly path' (not 'break ETA missed')
    r"|missed\s+(?:the\s+|an?\s+|\d+\s+)?(?:ad\s+|commercial\s+|mid-?roll\s+|scte(?:-\d+)?\s+)?(?:breaks?"
    r"|cues?|splices?)(?![\w-])(?!\s+(?:eta|deadline|sla|due\s+date|target|window|slot|cutoff|cut-off)\b)"
    r"|(?:ad\s+breaks?|cues?|splices?|scte-\d+\s+markers?)\s+(?:(?!eta|deadline|sla|due|target)[\w-]+\s+){0,3}"
    r"missed\b"
    # a name, not a statement: '[[Missed deadlines report]]' (a wiki page), 'the missed-SLA dashboard'
    r"|\[\[[^\]\n]*\]\]"
    r"|(?:missed|slipped|late|overdue)[\s-]+(?:deadlines?|etas?|slas?|tasks?|items?)[\s-]+(?:reports?"
    r"|dashboards?|lists?|reviews?|summar(?:y|ies)|trackers?|metrics?|charts?|counts?|boards?|pages?|docs?"
    r"|queries|query|views?)\b)"
)


def stated_missed(text: str, w: frozenset[str]) -> bool:
    """True when the item says a deadline was missed (missed, slipped, overdue, past due, blew...),
    not only that nothing was missed, that a metric went over its threshold, that a miss may come, or
    that someone was late ('Apologies for the late response'; :data:`_NOT_A_MISS`); or that a deadline
    was not met ('17:00 deadline not met', 'failed to meet the ETA'; :func:`unmet`), or missed by an
    amount ('the window overran by 48 min', '45 min behind the ETA'; :func:`missed_by_amount`)."""
    if not w.isdisjoint(_MISSED):
        low = " " + text.lower()
        if _NOT_A_MISS.search(low) is None:
            return True
        if not words(_NOT_A_MISS.sub(" ", low)).isdisjoint(_MISSED):
            return True
    elif ("past" in w or "past-due" in w) and any(p in text.lower() for p in _MISSED_PHRASES):
        return True
    if "by" in w and _not_done_by(text):
        return True
    if not w.isdisjoint(_SLA_MISS_WORDS) and (
        m := _SLA_MISS.search(text)
    ) is not None and _SLA_MISS_DENIED.search(text, 0, m.end()) is None:
        return True  # ('SLA miss on dag orders_daily at 06:00 UTC')
    if missed_by_amount(text, w) is not None:
        return True  # ('the window overran by 48 min', '45 min behind the ETA')
    return not w.isdisjoint(_MET) and unmet(text, w) == 1


# an amount of time: '48 min', '1h10m', '3h 40m', '2 hrs', '90s' is none (seconds are no plan's)
_AMOUNT = (
    r"(?:\d+(?:\.\d+)?\s?(?:h|hrs?|hours?)(?:\s?\d+\s?(?:m|mins?|minutes?))?|\d+\s?(?:m|mins?|minutes?))\b"
)
# On lower case: a window or a run past its end by an amount ('the window overran by 48 min', 'ran over
# by 20 mins', 'is overrunning by 10 min'), or an amount behind or late against what names the plan
# ('1h10m late vs plan', '25 min behind plan', '45 min behind the ETA', '2h late against the target').
# Not 'overran its budget', 'behind the firewall', '10 min late' alone (the caller's 'late' rule).
_MISSED_BY_AMOUNT = re.compile(
    r"\b(?:overran|over-ran|ran\s+over|(?:has|have|had|is|was|were|are)\s+(?:now\s+)?overrun(?:ning)?)"
    r"\s+(?:by\s+)?(?:~\s?|about\s+|around\s+)?" + _AMOUNT +
    r"|\b" + _AMOUNT + r"\s+(?:late|behind)\s+(?:(?:vs\.?|versus|against|on|of|to)\s+)?"
    r"(?:the\s+|our\s+|its\s+)?"
    r"(?:plan|planned|schedule|eta|target|deadline|window|sla|cut-?off|due\s+time)\b"
)
# what makes it no statement: a forecast, a condition or a denial in the few words before it ('will be
# 20 min behind plan', 'if the window overran by 30 min', 'not 10 min late vs plan')
_AMOUNT_NOT_SAID = re.compile(
    r"\b(?:will|would|may|might|could|can|expect\w*|likely|going\s+to|gonna|if|unless|whether|risk\s+of"
    r"|avoid\w*|not|never|no|in\s+case)\b(?:\s+[\w'\u2019-]+){0,3}\s*$"
)


def missed_by_amount(text: str, w: frozenset[str]) -> int | None:
    """Where the item first says a deadline was missed by an amount (:data:`_MISSED_BY_AMOUNT`: 'the
    window overran by 48 min', '45 min behind the ETA'), not as a forecast or a condition; None when
    it does not (the caller tells the subject by what is written before it)."""
    if w.isdisjoint(_OVERRAN):
        return None
    low = text.lower()
    for m in _MISSED_BY_AMOUNT.finditer(low):
        if _AMOUNT_NOT_SAID.search(low, max(0, m.start() - 40), m.start()) is None:
            return m.start()
    return None


# what was promised and has not come: 'hotfix not delivered (promised 0900 AEST)', 'still not delivered,
# promised by 09:00', "patch hasn't arrived", 'RCA not received'; on lower case. Not 'delivered, not
# tested', 'not delivered until 17:00' (a plan), 'if not delivered by 09:00' (a condition)
_UNDELIVERED = re.compile(
    r"\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:delivered|received|arrived|shipped|sent|provided)\b"
    r"(?!\s+(?:until|till|before|unless|if)\b)"
    r"|\b(?:hasn[\u2019']t|has\s+not|haven[\u2019']t|have\s+not|didn[\u2019']t|did\s+not)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:deliver|arriv|receiv|ship|sen[dt]|land|come)\w*"
)
_UNDELIVERED_IF = re.compile(r"\b(?:if|unless|whether|in\s+case|otherwise|or)\s+(?:[\w'\u2019-]+\s+){0,3}$")


def undelivered(text: str) -> bool:
    """Whether the item says what was promised has not come (:data:`_UNDELIVERED`): then a promised
    time before the item's own is a promise missed, not the next day's ('0905 hotfix not delivered
    (promised 0900)'; the caller knows the times)."""
    low = text.lower()
    if "not" not in low and "n't" not in low and "n\u2019t" not in low and "never" not in low:
        return False
    return any(
        _UNDELIVERED_IF.search(low, max(0, m.start() - 32), m.start()) is None
        for m in _UNDELIVERED.finditer(low)
    )


def may_state_missed(w: frozenset[str]) -> bool:
    """False when :func:`stated_missed` is, read from the item's keywords alone: a caller's gate before
    the regexes it pairs with (most items name no miss); a scheduler's 'SLA miss on DAG=...' too."""
    return not w.isdisjoint(_MISSED) or "past" in w or "past-due" in w or "by" in w or not w.isdisjoint(
        _MET) or not w.isdisjoint(_SLA_MISS_WORDS) or not w.isdisjoint(_OVERRAN)


# Words that tell of the work being behind ('nightly export running late', 'report overdue', 'rollout
# slipping') rather than of a deadline that passed: they miss a deadline only once it is past at the item's
# time, or when written on the deadline itself ('ETA 17:00 is late'; the caller knows both)
_BEHIND = frozenset({"late", "overdue", "slipping"})
_BEHIND_WORD = re.compile(r"\b(?:late|overdue|slipping)\b")
# one written on the deadline's mention, right after it: 'ETA 17:00 is late', 'the 17:00 ETA is running
# late', 'ETA 17:00 (overdue)', a status cell next to a Due cell ('| 10/13/2025 | Overdue |'); not 'ETA
# 20:00, running late' nor 'ETA 20:00. Export late'
_BEHIND_ON = re.compile(
    r"[*_)\]]*(?:\s+(?:eta|deadline|target|window|checkpoint|cutoff|cut-off|slot|due\s+date))?[*_)\]]*"
    r"(?:\s+(?:is|was|were|are|now|already|still|running|been|has|had|got|getting))*[^\S\n]*[(|]?[^\S\n]*"
    r"(?:late|overdue|slipping)\b",
    re.IGNORECASE,
)


def behind_only(text: str, w: frozenset[str]) -> bool:
    """True when the item's stated miss (:func:`stated_missed`) rests on the words of :data:`_BEHIND`
    alone ('nightly export running late; ETA 20:00'): without them it states none."""
    if w.isdisjoint(_BEHIND):
        return False
    return not stated_missed(_BEHIND_WORD.sub(" ", text.lower()), w - _BEHIND)


def behind_on(prose: str, end: int) -> bool:
    """Whether a word of :data:`_BEHIND` is written on the deadline mention ending at ``prose[end]``
    ('ETA 17:00 is late'): then it tells of that deadline, whatever the item's time."""
    return _BEHIND_ON.match(prose, end) is not None


# A deadline told as not reached, after the fact: 'not done by EOD, pushed to tmrw 12:00', 'not fixed by
# 17:00', "didn't make it by EOD" (as non-native writers state a miss); not a forecast ('will not be done
# by EOD', "won't be fixed by 17:00", 'may not be done by') nor a condition ('if not done by EOD, page':
# _NOT_MET_IF)
_NOT_DONE_BY = re.compile(
    r"(?<!\bwill )\b(?:not|never)\s+(?:(?:yet|been)\s+)?(?:done|fixed|finished|completed|resolved|ready"
    r"|delivered|shipped|deployed|merged|live)\s+by\s"
    r"|\bdid(?:n['\u2019]t|\s+not)\s+make\s+it\s+by\s"
)


def _not_done_by(text: str) -> bool:
    """Whether ``text`` tells of a deadline not reached (:data:`_NOT_DONE_BY`), not as a condition."""
    low = text.lower()
    return any(
        _NOT_MET_IF.search(low, max(0, m.start() - 48), m.start()) is None for m in _NOT_DONE_BY.finditer(low)
    )


_DL_NOUN = r"(?:etas?|deadlines?|cut-?offs?|checkpoints?|due\s+dates?|commitments?|eod|eob|cob)"
# A deadline not met: after what names it (a deadline word, or a time or date, with a deadline word or
# not), 'vendor's 17:00 deadline not met', 'the ETA was not met', "17:00 UTC ETA wasn't met", 'ETA Oct 9
# unmet'; or before it, 'unmet 17:00 deadline', 'failed to meet the 17:00 ETA', "didn't meet the deadline".
# Not what only names a metric or a thing ('latency target not met', 'prerequisites not met', 'unmet
# dependencies'), nor a forecast ('will not meet', 'won't be met', as 'will miss' is none), nor a meeting
# ('did not meet with the vendor'). Group ``yet``: not met yet, which is a miss only once the time is past.
_NOT_MET = re.compile(
    r"(?:\b" + _DL_NOUN + r"|\d(?::\d{2}|\s*[ap]\.?m\.?)(?:\s+(?:utc|gmt|z|[a-z]{2,4}t))?"
    r"|\d{4}-\d{2}-\d{2}|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?)"
    r"(?:\s+(?:eta|deadline|target|cut-?off|checkpoint))?[)\]*_]*\s+"
    r"(?:(?:was|were|is|has|have|had|been|still|so\s+far)\s+)*"
    r"(?:(?:not|never)\s+(?:been\s+)?|(?:wasn|weren|isn|hasn|haven|hadn)['\u2019]t\s+(?:been\s+)?|un)"
    r"(?P<yet>yet\s+)?met\b(?(yet)|(?P<yet2>\s+(?:yet|so\s+far|as\s+of\s+now)\b)?)"
    r"|\bunmet\s+(?:[\w:.'\u2019-]+\s+){0,2}?" + _DL_NOUN + r"\b"
    r"|\b(?:failed\s+to|did\s+not|didn['\u2019]t|could\s+not|couldn['\u2019]t|(?:was|were)\s+unable\s+to)\s+"
    r"meet\s+(?:(?:the|our|its|their|this|that|[\w-]+['\u2019]s)\s+)?(?:[\w:.~'\u2019-]+\s+){0,3}?"
    r"(?:" + _DL_NOUN + r"\b|\d)"
)
# a condition is no miss: 'if the 17:00 deadline is not met, escalate'
_NOT_MET_IF = re.compile(r"\b(?:if|unless|whether|in\s+case|should|otherwise)\b[^.;!?,\n]*$")


def unmet(text: str, w: frozenset[str]) -> int:
    """1 when the item says a deadline was not met (:data:`_NOT_MET`), 2 when only that it is not met
    yet ('17:00 ETA not met yet': a miss once 17:00 is past, which the caller knows), else 0."""
    if w.isdisjoint(_MET):
        return 0
    low = text.lower()
    found = 0
    for m in _NOT_MET.finditer(low):
        if _NOT_MET_IF.search(low, max(0, m.start() - 48), m.start()) is not None:
            continue
        if m.group("yet") is None and m.group("yet2") is None:
            return 1
        found = 2
    return found


# 'ETA 30 min', 'ETA ~2h', 'due in 2 hours', 'within 3 days', 'ETA +1d': a deadline that long after the
# item's time ('next update in 30 minutes', 'next comms in 30 min': a promise of the next update,
# :func:`update_promise`); of a range, its longer end ('ETA 1-2 days': two days); 'within the hour',
# 'ETA in an hour': an hour,
# 'half an hour' half of one; hours and minutes together, 'ETA 1h30m', 'ETA 1 hr 30 min'. An SLA's clock
# told as running out ('SLA breach in 45m', 'breaches SLA in 2h', 'P1 SLA will breach in 1h', 'SLA
# expires in 45 minutes'): the time it breaches, a deadline (keyword 'SLA'; 'expires' as 'SLA expires
# 09:45' is), not a count of breaches ('no SLA breach in 30 days', '2 SLA breaches in 24h'). A help desk's
# first-response target written on the ticket's intake ('08:02 #48213 SSO loop. P1, FRT 1h'): the first
# reply is due that long after the item (keyword 'due', kept by the reply or the acknowledgement:
# :func:`response_promise`); not the desk's table of targets, 'FRT targets: P1 1h' (no time of an item),
# nor the words 'first response target 1h', as often a later item's note of the target as the intake's
_IN_DURATION = re.compile(
    r"(?i:\b(?P<kw>eta|due\s+in|within|next\s+(?:status\s+|customer\s+)?(?:update|comms)\s+in"
    r"|(?P<frt>frt)"
    r"|(?P<sla>sla\s+(?:will\s+)?(?:breach(?:es)?|expires?|runs\s+out)"
    r"|(?:will\s+)?breach(?:es)?\s+(?:the\s+|its\s+|our\s+|their\s+)?(?:[\w-]+\s+)?sla)\s+in)"
    r"\s*[:=]?\s*(?:(?:in|within)\s+)?"
    # (what the ETA is for, one word after to/for: 'ETA to next checkpoint ~2h', 'ETA for fix 45 min'; or
    # where a crew is due, 'ETA on-site in 40 min', 'ETA onsite 40 min': an 'in' may follow either)
    r"(?:(?<=eta )(?:(?:to|for|on)\s+(?:the\s+)?(?:next\s+)?[a-z][a-z-]*|on-?site)\s+(?:in\s+)?"
    r"(?=[~\d]|about\s|approx|around\s))?"
    r"(?:~\s?|about\s+|approx\.?\s+|around\s+|\+\s?)?"
    r"(?P<v>(?:\d{1,3}(?:\.\d)?\s?(?:-|\u2013|to)\s?)?"
    r"(?P<n>\d{1,3}(?:\.\d)?)\s?(?:(?P<uh>hours?|hrs?|h)\s?(?P<n2>[0-5]?\d)\s?(?:minutes?|mins?|m)\b"
    r"|(?P<u>days?|d|hours?|hrs?|h|minutes?|mins?|m)\b)"
    r"|(?:(?P<half>half\s+an\s+)|the\s+(?:next\s+)?|an\s+|one\s+)(?P<hour>hour)\b))"
)
# (the keywords _IN_DURATION's matches open with)
_DURATION_OPENS = ("eta", "due", "within", "next", "sla", "breach", "will", "frt")
_UNIT_MINUTES = {"d": 1440, "h": 60, "m": 1}


def _minutes(m: re.Match[str], keyword: str) -> tuple[float, str, int, int]:
    """(minutes, ``keyword``, start, end) of a duration matched as ``n`` and its unit ``u``, or as hours
    ``n`` and minutes ``n2`` when the pattern has ``uh`` ('1h30m'); it starts at group ``v``."""
    if "uh" in m.re.groupindex and m.group("uh") is not None:
        minutes = float(m.group("n")) * 60 + float(m.group("n2"))
    else:
        minutes = float(m.group("n")) * _UNIT_MINUTES[m.group("u")[0].lower()]
    return minutes, keyword, m.start("v"), m.end()
# what makes an 'SLA breach in' a count, not a clock: 'no SLA breach in 30 days', '2 SLA breaches in 24h'
_BREACH_COUNT = re.compile(r"(?i:(?<![\w:.-])(?:no|zero|any|without|\d+)\s+(?:[\w-]+\s+)?)$")
# what an SLA clock is for, right after it: 'SLA breach in 2h 13m for next update' (kept by that update)
_FOR_UPDATE = re.compile(r"(?i:\s+for\s+(?:the\s+)?(?:next\s+)?(?:customer\s+|status\s+)?update\b)")
# a state reached 'within' a time, told as past: 'was resolved within the hour', 'recovered within 10 min'
# (how long it took, no promise); not one to come, 'must be resolved within 4h', 'fix expected within the
# hour', 'incident report owed within 24 hours': a debt still to pay)
_PAST_WITHIN = re.compile(
    r"(?i:(?<![\w-])(?P<be>be\s+|to\s+)?(?!(?:expected|promised|committed|scheduled|planned|targeted"
    r"|estimated|needed|required|owed|requested|agreed)\b)[a-z]{2,}ed\s+)$"
)


# a service level stated as the team's policy, no promise of the item's: 'response within 15 minutes of
# paging is our target', 'our SLA is resolution within 4h', 'the target is ack within 15 min' (in the
# duration's own sentence; :func:`_policy_stated`)
_POLICY_HINT = ("target", "sla", "slo", "goal", "policy", "commitment")
_POLICY = re.compile(
    r"\b(?:is|are)\s+(?:our|the)\s+(?:[\w-]+\s+)?(?:target|sla|slo|goal|policy|commitment)\b"
    r"|\b(?:our|the)\s+(?:[\w-]+\s+)?(?:target|sla|slo|goal|policy|commitment)\s*(?:is|are|says|:)"
)
_SENTENCE_STOP = re.compile(r"[;!?\n]|\.(?:\s|$)")


def _policy_stated(prose: str, start: int, end: int) -> bool:
    """Whether the duration at ``prose[start:end]`` is told as a policy in its sentence (:data:`_POLICY`):
    a standing target counts from whatever it names, not from the item's time. Reads at most 60
    characters either side, after a cheap test for the policy words."""
    lo = max(0, start - 60)
    low = prose[lo:end + 60].lower()
    if not any(w in low for w in _POLICY_HINT):
        return False
    s = 0
    for stop in _SENTENCE_STOP.finditer(low, 0, start - lo):
        s = stop.end()
    e = _SENTENCE_STOP.search(low, end - lo)
    return _POLICY.search(low, s, len(low) if e is None else e.start()) is not None


# a service's restoration promised in a number of minutes or hours ('service should be back in 20 min', 'API
# back up in 1h', 'site will be back online in 30 mins'): a deadline that long after the item (keyword 'ETA',
# the restoration's estimate), only with a service's noun right before it: a person away is none ('Marta
# back in 20 min', 'I'm back in 20'), nor a service told as back after a while ('was back in 20 min', and
# with no 'should'/'will' after a deed told as past in its sentence: 'restarted pods, service back in 5m')
_BACK_IN = re.compile(
    r"(?i:\b(?:services?|systems?|site|website|apps?|application|api|portal|platform|database|db|cluster"
    r"|network|servers?|vpn|email|checkout|login|payments)\s+"
    r"(?:(?P<will>should|will|would|must|(?:is|are)\s+expected\s+to|expected\s+to|to)\s+be\s+|(?:is|are)\s+)?"
    r"back(?:\s+(?:up|online|in\s+service))?\s+in\s+(?:~\s?|about\s+|approx\.?\s+|around\s+)?"
    r"(?P<v>(?P<n>\d{1,3})\s?(?P<u>hours?|hrs?|h|minutes?|mins?|m)\b))"
)


_PAST_DEED = re.compile(r"(?i:\b[a-z]{3,}ed\b)")


def _back_in(prose: str) -> tuple[float, str, int, int] | None:
    """(minutes, 'ETA', start, end) of a service's restoration promised in a duration (:data:`_BACK_IN`),
    else None; after a cheap test for 'back'."""
    if "back" not in prose and "Back" not in prose and "BACK" not in prose:
        return None
    m = _BACK_IN.search(prose)
    if m is None:
        return None
    if m.group("will") is None:
        lo = max(0, m.start() - 60)
        for stop in _SENTENCE_STOP.finditer(prose, lo, m.start()):
            lo = stop.end()
        if _PAST_DEED.search(prose, lo, m.start()) is not None:
            return None  # ('restarted pods, service back in 5 min': how long it took)
    return _minutes(m, "ETA")


# someone's estimate of how long the work has left ('Manhattan says ~3 hrs', 'Kieran estimates 40 min',
# 'vendor estimate: 2h', 'their estimate is 90 min', "DBA reckons it'll take 2 hrs"): an ETA that long
# after the item (keyword 'ETA'), as 'ETA 3 hrs' is; not how long something took or was ('took 3 hrs',
# 'ran for 40 min', '3 hrs of downtime', 'says 3 hrs ago'), which names no speaker's estimate
_ESTIMATE = re.compile(
    r"(?i:\b(?:(?:says|said|estimates|reckons|thinks|quotes|quoted)\s+(?:it(?:[\u2019']ll|\s+will)"
    r"\s+(?:take|need)\s+|another\s+|(?:it[\u2019']s\s+|it\s+is\s+)?(?:still\s+)?)?"
    r"|estimate(?:\s*[:=]|\s+(?:is|of))\s*)"
    r"(?:~\s?|about\s+|approx\.?\s+|around\s+|roughly\s+)?"
    r"(?P<v>(?:\d{1,2}(?:\.\d)?\s?(?:-|\u2013|to)\s?)?(?P<n>\d{1,3}(?:\.\d)?)\s?"
    r"(?:(?P<uh>hours?|hrs?|h)\s?(?P<n2>[0-5]?\d)\s?(?:minutes?|mins?|m)\b|(?P<u>hours?|hrs?|h|minutes?|mins?|m)\b))"
    r"(?!\s+(?:ago|of|late|behind|over|early|since|before|after|per|each|a\b|in\s+total)))"
)


def _estimate(prose: str) -> tuple[float, str, int, int] | None:
    """(minutes, 'ETA', start, end) of someone's estimate of the work left (:data:`_ESTIMATE`), else
    None; after a cheap test for its words."""
    if "ays" not in prose and "aid" not in prose and "stimat" not in prose and "STIMAT" not in prose and (
        "eckons" not in prose and "hinks" not in prose and "uote" not in prose
    ):
        return None
    m = _ESTIMATE.search(prose)
    return None if m is None else _minutes(m, "ETA")  # (also 'estimate: 1h30m')


def duration_deadline(prose: str) -> tuple[float, str, int, int] | None:
    """(minutes, keyword, start, end) of the first 'ETA 30 min' style deadline of an item, else None; a
    service's 'back in 20 min' (:func:`_back_in`) or someone's estimate (:func:`_estimate`) when none."""
    # (also 'Eta for fix 45 min', capitalised as a sentence's first word)
    if "ETA" not in prose and "eta" not in prose and "Eta" not in prose and "ithin" not in prose and (
        "ue in" not in prose) and ("pdate" not in prose and "omms" not in prose and "SLA" not in prose
                                   and "sla" not in prose
    ) and "FRT" not in prose and "frt" not in prose and "Frt" not in prose:
        return _back_in(prose) or _estimate(prose)
    if folds_plainly(prose):  # (case-blind: a match opens where one of its keywords is, lower-cased)
        at = _first_of(prose.lower(), _DURATION_OPENS)
        found = () if at < 0 else _IN_DURATION.finditer(prose, at)
    else:  # (other text is matched case-blind the Unicode way: searched whole)
        found = _IN_DURATION.finditer(prose)
    for m in found:
        kw = m.group("kw").lower()
        if m.group("sla") is not None:
            if _BREACH_COUNT.search(prose, max(0, m.start() - 24), m.start()) is not None:
                continue
            keyword = "expires" if "expir" in kw else "SLA"
            if _FOR_UPDATE.match(prose, m.end()) is not None:
                keyword = "update"  # ('SLA breach in 2h 13m for next update': the update's clock)
        elif kw == "within" and (past := _PAST_WITHIN.search(prose, max(0, m.start() - 32), m.start())) and (
            past.group("be") is None
        ):
            continue  # ('recovered within 10 min': how long it took)
        else:
            keyword = "ETA" if kw == "eta" else "due" if kw.startswith("due") or m.group(
                "frt") is not None else "update" if kw.startswith("next") else "within"
        if _policy_stated(prose, m.start(), m.end()):
            continue  # ('response within 15 minutes of paging is our target': a policy, no promise)
        if m.group("hour") is not None:  # ('within the hour', 'ETA half an hour')
            return 30.0 if m.group("half") is not None else 60.0, keyword, m.start("v"), m.end()
        return _minutes(m, keyword)  # (also 'ETA 1h30m')
    return _back_in(prose) or _estimate(prose)


# 'target 2 working days', 'within 3 business days', 'due in 2 business days', 'ETA 1 working day': a deadline
# that many weekdays after the item's time (the same time of day; holidays are not known), as a help desk's
# assignment states its target (:func:`bday_deadline`)
_IN_BDAYS = re.compile(
    r"(?i:\b(?P<kw>target|eta|due\s+in|due\s+within|within|deadline)\s*[:=]?\s*(?:(?:in|within|of)\s+)?"
    r"(?:~\s?|about\s+|approx\.?\s+|around\s+|\+\s?)?"
    r"(?P<v>(?:\d{1,2}\s?(?:-|\u2013|to)\s?)?(?P<n>\d{1,2})\s+(?:business|working)\s+days?)\b)"
)


def bday_deadline(prose: str) -> tuple[int, str, int, int] | None:
    """(business days, keyword, start, end) of the first 'target 2 working days' style deadline of an item
    (:data:`_IN_BDAYS`; of a range, its longer end), else None."""
    low = prose.lower()
    if "ing day" not in low and "ess day" not in low:
        return None
    m = _IN_BDAYS.search(prose)
    if m is None:
        return None
    kw = m.group("kw").lower()
    keyword = "ETA" if kw == "eta" else "due" if kw.startswith("due") else kw
    return int(m.group("n")), keyword, m.start("v"), m.end()


# a cut-off told as reached or passed ('cut-off 17:30 CET reached', 'Cut-off 17:30 was reached',
# 'cutoff passed at 17:30'): a fact of the calendar, no deadline (:func:`cutoff_reached`; :mod:`occ_lib.sla`)
CUTOFF_REACHED = re.compile(
    r"\bcut-?off\s+(?:(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[A-Z]{1,5}\s+)?)?(?:(?:was|is|has\s+been)\s+)?"
    r"(?:reached|passed)\b(?:\s+at\s+\d{1,2}(?::\d{2})?(?:\s*[A-Z]{1,5}\b)?)?", re.I
)


def cutoff_reached(prose: str, start: int, end: int) -> bool:
    """Whether the cut-off mention at ``prose[start:end]`` is told as reached or passed
    (:data:`CUTOFF_REACHED` overlapping it); the caller gates it by 'reached'/'passed', once per item."""
    lo = max(0, start - 30)
    for m in CUTOFF_REACHED.finditer(prose, lo, min(len(prose), end + 40)):
        if m.start() < end and start < m.end():
            return True
    return False


def add_business_days(day: dt.date, n: int) -> dt.date:
    """``day`` plus ``n`` weekdays (Saturday and Sunday skipped; holidays are not known)."""
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


# a promise of the next update, right before its time: 'Next update by 14:45 EDT', 'next status update
# at 16:00', 'next CISO update due Thu 09:00', 'Next update to the exec channel by 14:00', 'Next update:
# 17:00 UTC', 'we will post an update by 15:00', 'carrier promised an update by 17:00 CDT' (a status
# page's or a vendor's promise, kept by the next update, not by the fix: :func:`occ_lib.sla.deadline_misses`);
# also as a support lead writes it: 'next update promised by 11:00', 'next comms at 10:00', 'customer update
# due 15:00', 'update ETA 14:00', 'will update by 10:00', 'update the customer by 10:00'
_UPDATE_AT = r"(?i:by|at|before|around|no\s+later\s+than|not\s+later\s+than|NLT)\b|[:@~\u2013\u2014-]"
# who an update is given to, right after the verb ('update the customer by 10:00'; not 'update the
# firmware by 10:00': work, not news)
_UPDATE_WHOM = (
    r"(?:(?:the|our|all|affected)\s+)?(?:customers?|clients?|users?|stakeholders?|execs?|leadership|management"
    r"|account\s+team|status[ -]?page|statuspage|ticket|thread|channel|them|him|her|you|everyone)"
)
# a clause's first words: none before them but a ticket, a number or a stamp's zone ('INC-9 update ETA
# 14:00', '09:00 UTC will update by 10:00'; not 'firmware update ETA 14:00', whose subject is named)
_CLAUSE_FIRST = r"(?:(?<![^\W\d_]\s)|\b(?:utc|gmt|z|[ecmpa][sd]?t|bst|ist|cest|cet|eest|eet)\s+)"
_UPDATE_PROMISE = re.compile(
    # (also to whom: 'next CISO update due Thu 09:00', 'Next update to the exec channel by 14:00'; news by
    # another name: 'next comms at 10:00', 'next communication by 15:00')
    r"(?i:\b(?:next|further|another|following)\s+(?:(?:status|public|customer|client|exec|execs|executive"
    r"|leadership|management|stakeholders?|ciso|cio|cto|ceo|vp|board|regulator|internal|external|comms)\s+)?"
    r"(?:update|comms|communications?)(?:\s+(?:to|for)\s+(?:the\s+)?(?:[\w#-]+\s+){0,2}?[\w#-]+)?"
    r"|\b(?:post|provide|share|send|give)\s+(?:an?\s+|the\s+next\s+|another\s+|a\s+further\s+)?update"
    # (an update promised or owed, not the fix: 'carrier promised an update by 17:00 CDT', 'Lumen committed
    # to an update at 17:00', 'vendor owes us an update by noon')
    r"|\b(?:promised|promises|promise|committed\s+to|commits\s+to|owes?|owed)\s+(?:us\s+|you\s+)?"
    r"(?:an?\s+|the\s+next\s+|another\s+|a\s+further\s+)?(?:status\s+)?update"
    # (the update named, then promised or due: 'Customer update promised by 11am', 'status update owed by
    # 15:00', 'customer update due 15:00', 'customer update ETA 15:00')
    r"|\b(?:customer|client|status|public|stakeholder)\s+update(?=\s+(?:(?:is|was)\s+)?(?:promised|committed"
    r"|owed|due|expected|eta)\b)"
    # (the update's own ETA, the clause's first words: 'INC-9 update ETA 14:00'; not 'firmware update ETA
    # 14:00', a release's, nor 'update ETA to 14:00', a move)
    r"|" + _CLAUSE_FIRST + r"\bupdate(?=\s+eta\b)"
    # (the verb, promised: 'update the customer by 10:00', a to-do's, "we'll update the customer at 10:00";
    # with no one named, a person's or the clause's first words: 'INC-3 will update by 10:00', 'vendor
    # promised to update by 17:00'; not 'the agent will update at 02:00', software)
    r"|\bupdate\s+" + _UPDATE_WHOM + r"\b"
    r"|(?:['\u2019]ll\s+|\b(?:promised|committed|agreed)\s+to\s+|(?:" + _CLAUSE_FIRST + r"|\b(?:we|i|they|he"
    r"|she|vendor|carrier|supplier|provider|support|team|ops|noc|soc|desk|eng|engineering|on-?call|ic|csm|tam)"
    r"\s+)\b(?:will|shall)\s+)update\b)"
    r"\s*(?:(?i:(?:is\s+|was\s+)?(?:expected|planned|scheduled|due|promised|committed|owed|eta)\b)\s*)?"
    r"(?:" + _UPDATE_AT + r")?\s*"
    # (the day before its time: 'Next update tomorrow 10:00 CET', 'next update Monday by 09:00 ET')
    r"(?:(?i:(?:on\s+)?(?:today|tonight|tomorrow|tmrw|tmr|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"(?:[a-z]*day)?\.?)(?:\s+(?:morning|afternoon|evening))?),?\s+(?:(?:" + _UPDATE_AT + r")\s*)?)?~?\s*$"
)


# a deliverable that follows an incident, named in the clause of its deadline: 'RCA ETA 2025-10-14',
# 'postmortem for INC-4100 due Friday', 'PIR by Oct 15', a carrier's reason for outage 'RFO from Tata due
# within 72h' (kept by its delivery, not by the fix: 'RCA published', 'Tata RFO received')
_DELIVERABLE = (
    r"(?:post[- ]?mortem|\bpm\s+doc|\brca\b|\brfo\b|reason\s+for\s+outage"
    r"|root[- ]cause\s+(?:analysis|doc|write-?up|report)"
    r"|\bpir\b|post[- ]incident\s+(?:review|report)|incident\s+(?:report|review|write-?up)|problem\s+review"
    r"|\bretro(?:spective)?\b|after[- ]action\s+(?:review|report)|\baar\b)"
)
_DELIVERABLE_BEFORE = re.compile(r"(?i:" + _DELIVERABLE + r")[^.;!?|\n\u2013\u2014]{0,60}$")
# (a table row's: the deliverable named in the cell right before its Due cell, '| BCST-4423 | incident report
# to LeagueCo | Mon 13 Oct 17:39 BST |')
_DELIVERABLE_CELL_BEFORE = re.compile(
    r"(?i:" + _DELIVERABLE + r")[^.;!?|\n\u2013\u2014]{0,60}\|[^.;!?|\n]{0,12}$"
)
_DELIVERABLE_WAIT = re.compile(
    r"(?i:\b(?:pending|awaiting|awaited|waiting\s+(?:for|on))\s+(?:(?:the|an?|their|its|our|vendor's|"
    r"carrier's|final|formal|written)\s+)?(?:[\w-]+\s+)?" + _DELIVERABLE + r"|" + _DELIVERABLE
    + r"\s+(?:(?:is|still|now|yet)\s+)*(?:pending|awaited|outstanding)\b)"
)


def _deliverable_wait(text: str) -> str:
    """``text`` with each wait for an incident's deliverable (:data:`_DELIVERABLE_WAIT`) read as status;
    ``text`` itself when it holds none (the cheap test first: no deliverable's word, no such wait)."""
    low = text.lower()
    if not any(d in low for d in _DELIVERABLE_WORDS):
        return text
    kept, n = _DELIVERABLE_WAIT.subn(" status ", text)
    return kept if n else text
_DELIVERED = re.compile(
    r"(?i:" + _DELIVERABLE + r")[^.;!?|\n]{0,40}?\b(?:published|shared|sent|delivered|completed|done|posted"
    r"|circulated|reviewed|held|finished|finalized|finalised|approved|signed\s+off|merged|uploaded|out|is\s+up"
    r"|received)\b"
    r"|\b(?:published|shared|sent|delivered|completed|posted|circulated|held|finished|finalized|finalised"
    r"|approved|merged|uploaded)\s+(?:the\s+|our\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?i:" + _DELIVERABLE + r")"
    # (a review is a meeting: 'CHG-2102 review held 11:30' delivers its post-incident review; not 'PR review
    # done', which a code review also says)
    r"|\b(?i:review)\s+(?:was\s+)?held\b"
)


def deliverable_promise(prose: str, start: int, row: bool = False) -> bool:
    """Whether the deadline at ``start`` of ``prose`` is one of a deliverable that follows an incident
    (:data:`_DELIVERABLE_BEFORE`: its RCA, postmortem, review), written in its clause before it (in a
    table ``row``, also in the cell right before the deadline's)."""
    at = max(0, start - 90)
    if folds_plainly(prose[at:start]):  # (no word a deliverable's name holds, in any case, in the clause)
        low = prose[at:start].lower()
        if not any(w in low for w in _DELIVERABLE_WORDS):
            return False
    return _DELIVERABLE_BEFORE.search(prose, at, start) is not None or row and "|" in prose and (
        _DELIVERABLE_CELL_BEFORE.search(prose, at, start) is not None)


# a word of each of _DELIVERABLE's branches (what a case-blind match of it holds, lower-cased, in ASCII text)
_DELIVERABLE_WORDS = (
    "post", "pm", "rca", "rfo", "reason", "root", "pir", "incident", "retro", "after", "aar", "problem"
)


# what says a submission against a cutoff was made ('resubmitted 14 items before the ACH cutoff', 'file B
# sent 14:30', 'Fedwire payment submitted 5 minutes before the 18:00 ET close'): a cutoff (keyword
# ``cutoff``, or ``before``) is kept by it, not by the ticket's fix (:func:`occ_lib.sla.deadline_misses`);
# not a plan or a denial ('will resubmit', 'not submitted', 'failed to submit')
_SUBMITTED = re.compile(
    r"\b(?i:(?:re-?)?submitted|sent|transmitted|uploaded|released|filed|delivered)\b"
)
_NOT_SUBMITTED = re.compile(
    r"(?i:\b(?:not|never|will|to|be|must|should|unable|failed|missed|after)\s+(?:\w+\s+)?$|n['’]t\s+$)"
)


_SUBMITTED_BEFORE = re.compile(_SUBMITTED.pattern + r"[^.;!?|\n]{0,60}?\b(?i:before|ahead\s+of)\b")


def submitted_before(text: str) -> bool:
    """Whether ``text`` says a submission was made before its cutoff in one clause ('Fedwire payment
    submitted 5 minutes before the 18:00 ET close'): the promise's own item keeps it."""
    return submitted(text) and _SUBMITTED_BEFORE.search(text) is not None


# a promise of a submission ('resubmission due 2025-10-17 17:00 UTC', 'submit the app by Fri', an
# '| INT-512 app review resubmission | ... | Fri 10/17 17:00 UTC |' row): kept by the submission, as a
# cutoff is
_SUBMISSION = re.compile(r"\b(?i:(?:re-?)?submi(?:ssion|t|tted|tting))\b")


def submission_promise(text: str) -> bool:
    """Whether the item of a deadline names a submission (:data:`_SUBMISSION`): the deadline is one of
    the submission, kept by the event that says it was made (:func:`submitted`), not by the ticket's fix."""
    return "submi" in text.lower() and _SUBMISSION.search(text) is not None


# the next occurrence of recurring work ('Next OAuth rotation for INT-518 due 2026-01-15 (90-day cadence)',
# 'next cert renewal due Jan 10', 'rotate again by 2026-01-15'): a promise of the next cycle, which this
# cycle's fix, written before it, does not keep
_NEXT_CYCLE = re.compile(
    r"\bnext\s+(?:[\w-]+\s+){0,3}?(?:rotations?|renewals?|rollovers?|audits?|drills?|cycles?|recerti\w+)\b"
    r"|\b\d+[- ]?(?:day|week|month)\s+(?:cadence|cycle|rotation)\b"
    r"|\b(?:rotate|renew)\s+(?:\w+\s+)?again\b"
)


def next_cycle(text: str) -> bool:
    """Whether the item of a deadline promises the next occurrence of recurring work (:data:`_NEXT_CYCLE`):
    a resolution written before it is the last cycle's, not this promise's."""
    low = text.lower()
    return ("next" in low or "again" in low or "cadence" in low or "cycle" in low) and (
        _NEXT_CYCLE.search(low) is not None)


# a promise of a reply ('reply due by Thu noon', 'respond to Acme by Friday', 'vendor response due Oct 9')
# and what says it was given ('true-up reply sent 11:45', 'replied to Slack 11:40', 'answer sent'): the
# promise is kept by the reply, not by the ticket's fix (:func:`occ_lib.sla.deadline_misses`); not a reply
# still to come ('reply not sent yet', 'will reply', 'no response yet')
_REPLY = re.compile(r"\b(?i:repl(?:y|ies)|response|respond|answer)\b")
_REPLIED = re.compile(
    r"\b(?i:(?:repl(?:y|ies)|response|answer)\s+(?:was\s+|were\s+|has\s+been\s+)?(?:sent|given|posted|"
    r"delivered|submitted|returned)|replied|responded|answered)\b"
)
_NOT_REPLIED = re.compile(
    r"(?i:\b(?:not|never|will|to|be|must|should|unable|failed|no)\s+(?:\w+\s+)?$|n['’]t\s+$)"
)


def reply_promise(text: str) -> bool:
    """Whether the item of a deadline names a reply owed (:data:`_REPLY`): the deadline is one of the
    reply, kept by the ticket's event that says it was given (:func:`replied`), not by its fix."""
    low = text.lower()
    return ("repl" in low or "respon" in low or "answer" in low) and _REPLY.search(text) is not None


def replied(text: str) -> bool:
    """Whether ``text`` says a reply was given (:data:`_REPLIED`), not planned nor denied ('reply not
    sent', 'will reply'), nor an item that says none came ('no response yet')."""
    low = text.lower()
    if "repl" not in low and "respon" not in low and "answer" not in low:
        return False
    return any(_NOT_REPLIED.search(text, max(0, m.start() - 24), m.start()) is None
               and "not" not in low[m.end():m.end() + 12].split()
               for m in _REPLIED.finditer(text))


# an update given, in so many words ('update sent', 'posted an update', 'status page updated', 'customer
# updated', 'comms sent', 'sent comms to customers'; a reply, :func:`replied`): news of the ticket, what a
# ticketless step of its thread may tell (:mod:`occ_lib.threads`) and what keeps a promise of an update with
# no time of its own (:func:`occ_lib.sla.deadline_misses`); not one still owed or denied ('update will be
# sent', 'no update sent', 'comms not sent yet')
_UPDATE_WHO = r"(?:status|customer|client|public|stakeholder|exec|progress|incident)"
_UPDATE_GIVEN = re.compile(
    r"(?i:\b(?:" + _UPDATE_WHO + r"\s+)?update\s+(?:was\s+|has\s+been\s+)?(?:sent|posted|published|given"
    r"|shared|issued|out)\b"
    r"|\b(?:posted|sent|published|shared|gave|issued|provided)\s+(?:an?\s+|the\s+|another\s+|a\s+further\s+"
    r"|our\s+)?(?:" + _UPDATE_WHO + r"\s+)?update\b"
    r"|\b(?:status[ -]?page|statuspage|customers?|clients?|stakeholders?|execs?)\s+(?:was\s+|were\s+"
    r"|has\s+been\s+|have\s+been\s+)?updated\b"
    r"|\bupdated\s+(?:the\s+)?(?:status[ -]?page|statuspage|customers?|clients?|stakeholders?|execs?)\b"
    r"|\bcomms\s+(?:was\s+|were\s+|have\s+been\s+)?(?:sent|out|posted|issued|published)\b"
    r"|\b(?:sent|posted|issued|published)\s+(?:the\s+|our\s+)?(?:customer\s+|external\s+|status\s+)?comms\b)"
)


def gives_update(text: str) -> bool:
    """Whether ``text`` says an update was given (:data:`_UPDATE_GIVEN`, or a reply: :func:`replied`), not
    planned nor denied (the words before it, as a reply's)."""
    low = text.lower()
    if ("pdate" in low or "comms" in low) and any(
        _NOT_REPLIED.search(text, max(0, m.start() - 24), m.start()) is None
        for m in _UPDATE_GIVEN.finditer(text)
    ):
        return True
    return replied(text)


# a promise of an acknowledgement ('ack due by 10:00', 'acknowledgement due Mon 09:00', 'acknowledge by
# 10:00'): the word of what is owed before due/by/within; not 'acknowledged, ETA 14:00' (one given)
_ACK_OWED = re.compile(
    r"\b(?i:ack(?:nowledge(?:ment)?)?\s+(?:is\s+|was\s+)?(?:due|owed|by|within|needed|required|expected|deadline))\b"
)


def response_promise(text: str) -> bool:
    """Whether the item of a deadline names a reply, a response or an acknowledgement owed
    (:func:`reply_promise`, :data:`_ACK_OWED`): the deadline is kept by the ticket's event that says the
    reply was given or that acknowledges the ticket (:func:`occ_lib.sla.deadline_misses`), not by its fix."""
    return reply_promise(text) or ("ack" in text.lower() and _ACK_OWED.search(text) is not None) or (
        "FRT" in text and _FRT.search(text) is not None)


# a help desk's first-response target: 'FRT 1h' (what :data:`_IN_DURATION` reads as a reply owed)
_FRT = re.compile(r"\bFRT\b")


def submitted(text: str) -> bool:
    """Whether ``text`` says a submission was made (:data:`_SUBMITTED`), not planned nor denied."""
    low = text.lower()
    if "sent" not in low and "submit" not in low and "transmit" not in low and "upload" not in low and (
        "release" not in low and "filed" not in low and "deliver" not in low
    ):
        return False
    return any(_NOT_SUBMITTED.search(text, max(0, m.start() - 24), m.start()) is None
               for m in _SUBMITTED.finditer(text))


def delivered(text: str) -> bool:
    """Whether ``text`` says an incident's deliverable was delivered ('RCA published', 'shared the
    postmortem', 'PIR held', 'review held': a review is delivered by the meeting)."""
    return _DELIVERED.search(text) is not None


# A notice owed by a deadline, named in the clause before it ('Regulatory notification deadline: 72
# hours from detection, i.e. 2025-10-10 08:14 UTC', 'notify affected customers by Fri'; an 'i.e.' is no
# sentence end), and what says it was given ('Regulator notified via DPA portal', 'customers notified',
# 'notification submitted to the ICO'): the notice's addressee named, not 'notified the CISO'.
_NOTIFY_BEFORE = re.compile(
    r"(?i:\bnotif(?:y|ication|ications)\b)(?:[^.;!?|\n\u2013\u2014]|\.(?=e\.)|(?<=\.e)\.){0,80}$"
)
_NOTIFIED = re.compile(
    r"(?i:\b(?:notified|informed|notification\s+(?:was\s+)?(?:sent|filed|submitted|made|delivered|lodged)"
    r"|(?:sent|filed|submitted|lodged)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?notification)\b)"
)
_NOTICE_TO = re.compile(
    r"(?i:\b(?:regulators?|authority|authorities|dpa|ico|cnil|supervisory|customers?|data\s+subjects"
    r"|affected\s+users|users|clients|partners)\b)"
)
_NOT_NOTIFIED = re.compile(
    r"(?i:\b(?:not|never|yet\s+to\s+be|to\s+be|will\s+be|pending|before)\s+(?:\w+\s+)?$)"
)


def notification_promise(prose: str, start: int) -> bool:
    """Whether the deadline at ``start`` of ``prose`` is one of a notice owed (:data:`_NOTIFY_BEFORE`)."""
    return _NOTIFY_BEFORE.search(prose, max(0, start - 110), start) is not None


def notified(text: str) -> bool:
    """Whether ``text`` says a notice was given to its addressee (:data:`_NOTIFIED`, :data:`_NOTICE_TO`;
    not 'not yet notified', 'customers to be notified')."""
    m = _NOTIFIED.search(text)
    return m is not None and _NOTICE_TO.search(text) is not None and _NOT_NOTIFIED.search(
        text, max(0, m.start() - 20), m.start()) is None


# a named party's promise to update, right before its time ('Oracle will update first thing tomorrow',
# 'Kieran will update by 10:00', "Hexagon'll update at 14:00"): a capitalised name, as the pronouns and
# roles of :data:`_UPDATE_PROMISE` are; not what names software ('the agent will update at 02:00', 'It
# will update at 02:00', 'Agent will update ...')
_NAMED_UPDATE = re.compile(
    r"(?<![\w-])(?!(?:The|This|That|It|Agent|System|Script|Job|Cron|Service|App|Software|Firmware|Page|Dashboard)"
    r"\b)[A-Z][\w&.-]*(?:\s+(?:will|shall)|[\u2019']ll)\s+update\s+"
    r"(?:(?:us|you|them)\s+)?(?:(?:by|at|before|around|on|no\s+later\s+than|nlt)\s+)?~?\s*$"
)


def update_promise(prose: str, start: int) -> bool:
    """Whether the time at ``start`` of ``prose`` promises the next update (:data:`_UPDATE_PROMISE`, or a
    named party's, :data:`_NAMED_UPDATE`). Each of
    its branches writes 'update' or 'comm', whose letters IGNORECASE matches only in their two ASCII cases: a
    window without them, lower-cased, holds no match (most do not; the pattern is tried at each of their
    positions)."""
    lo = max(0, start - 48)
    near = prose[lo:start].lower()
    return ("update" in near or "comm" in near) and (_UPDATE_PROMISE.search(prose, lo, start) is not None or (
        "update" in near and _NAMED_UPDATE.search(prose, lo, start) is not None))


# a promise of an ETA, right before its time: "told Acme's CSM we'd have an ETA for them by noon", 'will
# send the customer an ETA by 15:00', 'share an estimate before 17:00': what is due then is the ETA (a
# message), not the fix: kept by the ticket's next item that gives an ETA (:func:`gives_eta`)
_ETA_PROMISE = re.compile(
    r"(?i:\b(?:have|give|send|share|provide|post|get)\s+(?:(?:them|you|him|her|us|the\s+customer|[\w'’-]+'s"
    r"(?:\s+[\w-]+)?)\s+)?(?:an?\s+|the\s+|our\s+)?(?:eta|estimate)\b"
    r"(?:\s+(?:for|to)\s+(?:[\w'’-]+\s+){0,1}[\w'’-]+)?\s+(?:by|before|at|no\s+later\s+than|nlt)\s+~?)$"
)
_GIVES_ETA = re.compile(r"(?i:\beta\b|\bestimate\b)")


def eta_promise(prose: str, start: int) -> bool:
    """Whether the time at ``start`` of ``prose`` is when an ETA was promised (:data:`_ETA_PROMISE`)."""
    lo = max(0, start - 64)
    near = prose[lo:start].lower()
    if "eta" not in near and "stimate" not in near:
        return False
    return _ETA_PROMISE.search(prose, lo, start) is not None


def gives_eta(text: str) -> bool:
    """Whether an item gives an ETA ('Sent Acme the ETA for the full fix: 3 PM'): what keeps a promise of
    one (:func:`eta_promise`)."""
    return _GIVES_ETA.search(text) is not None


# the status page named ('Status page posted (Investigating). Next update in 30 minutes.'): a promise of the
# next update made there is kept by the status page's next post, not by a chat message (:mod:`occ_lib.sla`)
_STATUS_PAGE = re.compile(r"(?i:\bstatus[ -]?page\b|\bstatuspage\b)")


def names_status_page(text: str) -> bool:
    """Whether ``text`` names the status page (:data:`_STATUS_PAGE`)."""
    return _STATUS_PAGE.search(text) is not None


_WD_WORD = r"(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:[a-z]*day)?"
# A deadline written as the replacement of a missed one ("slipped - new ETA Monday 10am", "ETA
# slipped to 19:00", "pushed out to Friday", "ETA revised to 18:00"): the item's miss is about the old
# one, not this one; in a later item, the ticket's earlier promise of its kind is superseded by it.
_REPLACEMENT = re.compile(
    r"(?i:\b(?:new|revised|updated|adjusted|fresh)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:eta|etr|deadline|target|due\s+date|due|window|cutoff|cut-off|date|time)"
    # ('missed ETA 15:00 UTC; next ETA 19:00 UTC': the one after the missed one)
    r"|\bnext\s+(?:eta|etr|deadline|target|due\s+date|checkpoint|cutoff|cut-off)"
    r"|\b(?:slipped|slips|slipping|pushed|moved|delayed|postponed|bumped|rescheduled|extended|deferred)"
    r"(?:\s+(?:out|back|again|it))?\s+(?:to|until|till|for|into)"
    # ('hotfix ETA pulled in to tomorrow 09:00': a promise brought forward replaces it too)
    r"|\b(?:pulled\s+(?:in|forward)|brought\s+forward|moved\s+up)\s+(?:to|for)"
    # ('ETA revised to 18:00', 'target updated to Friday': the promise changed to; not 'status updated to
    # P1, ETA 17:00', which moves nothing)
    r"|\b(?:eta|deadline|target|due\s+date)\s+(?:(?:was|is|has\s+been)\s+)?(?:revised|updated|changed"
    r"|shifted)\s+(?:to|until|till|for)"
    # ('vendor now says fix ships Mon 13 Oct': a promise given anew, which replaces the one given before)
    r"|\bnow\s+(?:says|said|expects|promises|estimates|commits\s+to|committed\s+to|quotes)"
    # ('vendor moved the patch ETA to Thu 09:00', 'pushed our deadline to Friday': the verb before its
    # object, the promise it moved named between)
    r"|\b(?:slipped|pushed|moved|delayed|postponed|bumped|rescheduled|extended|deferred)\s+(?:the|our"
    r"|their|its|his|her)\s+(?:[\w-]+\s+){0,2}?(?:eta|etr|deadline|target|due\s+date|window|cutoff"
    r"|cut-off)\s+(?:(?:out|back)\s+)?(?:to|until|till|for|into))\b"
    # (up to the mention, in the same clause; a short weekday's dot is no break: 'New ETA Fri. 10:00')
    r"(?:[^.;!?|\n\u2013\u2014]|(?:(?<=Mon)|(?<=Tue)|(?<=Wed)|(?<=Thu)|(?<=Fri)|(?<=Sat)|(?<=Sun)|(?<=Tues)"
    r"|(?<=Thur)|(?<=Thurs))\.){0,24}$"
    # 'ETA now 11:15', 'deadline is now Friday', 'now due Tues 10/14': what it has become
    # (its weekday between too: 'patch ETA now Thu 16:00 UTC')
    r"|(?i:\b(?:eta|etr|deadline|target|due)\s+(?:is\s+)?now(?:\s+(?:at|by|on))?)\s*"
    r"(?:(?:" + _WD_WORD + r")\.?,?\s*)?$"
    # ('ETA was 09:40, now 10:15', 'window was Tue, now Thu 02:00': the old one, then what it has become)
    r"|(?i:\bwas\s[^.;!?|\n]{1,40}?[,;]?\s*\bnow(?:\s+(?:at|by|on|due))?)\s*$"
    # ('CHG0012345 rescheduled: Oct 10 22:00': a move written with a colon)
    r"|(?i:\b(?:slipped|pushed|moved|delayed|postponed|bumped|rescheduled|extended|deferred)"
    r"(?:\s+(?:out|back|again))?[ \t]*:)[^.;!?|\n\u2013\u2014]{0,24}$"
    r"|(?i:\bnow\s+(?:due|eta|targeting|targeted|expected|planned)(?:\s+(?:at|by|on|for))?)\s*"
    r"(?:(?i:the)\s+)?(?:(?:" + _WD_WORD + r")\.?,?\s*)?$"  # ('now targeting the Friday release')
    # 'ETA 10/8 → 10/10', 'moved from Oct 8 to Oct 10': what the arrow or the 'to' leads to; what is
    # written right after a struck-out part ('ETA ~~Oct 10~~ Oct 14', blanked to STRUCK_MARK)
    r"|(?:\u2192|-{1,2}>|=>|\u2008|(?i:\bfrom\s+\S+(?:\s+\S+){0,2}?\s+to))"
    r"(?:\s+(?:" + _WD_WORD + r")\.?,?)?\s*@?$"  # (Notion's '@October 13, 2025')
)


# a word every match of _REPLACEMENT holds, as an ASCII text writes it lower-cased (its alternatives: 'new',
# 'next', 'slipped', ... 'revised' ... 'now', '->', 'from'): most windows hold none, and the pattern,
# case-blind and opening with '\b', is tried at each of their positions
_REPLACEMENT_WORDS = (
    "now", "new", "next", "from", "->", "=>", "revised", "updated", "adjusted", "fresh", "slip", "pushed",
    "moved", "delayed", "postponed", "bumped", "rescheduled", "extended", "deferred", "changed", "shifted",
    "pulled", "brought",
)


def _may_replace(window: str) -> bool:
    """Whether ``window`` may hold a :data:`_REPLACEMENT` match (a superset: False only for a text that
    holds none of :data:`_REPLACEMENT_WORDS` in any case, an arrow or a struck-out part's mark; a text
    with a letter IGNORECASE reads otherwise, :func:`folds_plainly`, is always searched)."""
    if not folds_plainly(window):
        return True
    low = window.lower()
    return "\u2192" in low or STRUCK_MARK in low or any(w in low for w in _REPLACEMENT_WORDS)


def is_replacement(prose: str, start: int) -> bool:
    """Whether the deadline mention at ``prose[start:]`` is written as a new, moved-to deadline (the
    window's words asked first: :func:`_may_replace`)."""
    lo = max(0, start - 64)
    return _may_replace(prose[lo:start]) and _REPLACEMENT.search(prose, lo, start) is not None


# A deadline written as the one another replaced: 'due 2025-10-31 (was 2025-10-24)', 'ETA 13:00,
# previously 11:00', 'ETA was 10:00, now 13:00', 'ETA 18:00 UTC (slipped from 16:00 UTC)': the item's miss
# is about this one.
_FORMER = re.compile(
    r"(?i:\b(?:was|previously|originally|formerly|prev\.|orig\.|(?:slipped|moved|pushed|changed|shifted"
    r"|delayed|postponed|rescheduled|bumped)\s+from))\s*[:=]?\s*@?$"
)


# A deadline followed by the one it replaced: 'ETA 10:15 (was 09:40)', 'due Oct 31 (was Oct 24)', 'ETA
# 13:00, previously 11:00': the mention is the moved-to one, as 'ETA was 09:40, now 10:15' is (the old one
# in parentheses or after a comma and 'previously'; not 'ETA 10:15, was told by the vendor')
_FORMER_AFTER = re.compile(
    r"[ \t]*(?:[A-Z]{2,5}[ \t]*)?(?:\([ \t]*(?i:was|previously|originally|formerly|prev\.|orig\.)"
    r"|,[ \t]*(?i:previously|originally|formerly))(?![\w-])"
)


def is_replaced_after(prose: str, end: int) -> bool:
    """Whether the deadline mention ending at ``prose[end]`` is followed by the deadline it replaced
    (:data:`_FORMER_AFTER`): an anchored match, no scan."""
    return _FORMER_AFTER.match(prose, end) is not None


def is_former(prose: str, start: int) -> bool:
    """Whether the deadline mention at ``prose[start:]`` is written as the old, replaced deadline."""
    return _FORMER.search(prose, max(0, start - 24), start) is not None
