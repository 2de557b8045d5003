"""Bytes -> text -> markdown blocks, in one pass over the lines (private to :mod:`occ_lib.logs`).

Only the markdown that status logs use: ATX headings, list items (nested by indentation, with
continuation lines), GFM tables, fenced code (skipped; also inside a quote or, indented, in a list
item), indented code after a blank line (skipped), blockquotes (their ``>`` markers are dropped; a
quoted paragraph, or a quote right after a paragraph or an item, is no text, an Obsidian callout
``> [!warning] ...`` is; so is a quoted message under its head, a mail client's ``On Wed, Oct 8, 2025 at
4:12 PM, Jane <jane@x.com> wrote:`` over a quote one level deeper, or at its own level (also German's
``Am ... um 16:12 schrieb ...:``, French's ``Le ... à 16:12, ... a écrit :``, Spanish's ``El ... a las 16:12,
... escribió:``, Dutch's ``Op ... om 16:12 schreef ...``), or an Outlook ``From:`` ... ``Sent:``/``Date:``
block inside the quote (also ``Von:``/``Gesendet:``, ``De :``/``Envoyé :``, ``De:``/``Enviado:``,
``Van:``/``Verzonden:``): a ``("q", line, depth, head)`` block before its
blocks, ``("q", line, 0, "")`` where its text ends, which is where its quote level does, and a quoted
block whose text the document holds outside quotes, or in a quote read before, whitespace aside, is
left out: a quoted message counts once, also across the logs read in one call, where what another log
writes outside quotes, or an earlier one quotes, is left out too; only a text that opens a line with
``>`` is checked so) and
YAML front matter; of pasted chat and mail, a message's head and Slack's
``Yesterday``/``Today`` day dividers (``("d", line, 0, word)`` blocks); HTML blocks pasted from a wiki or
a tracker (a block-level tag at a line's start: ``<table>``, ``<p>``, ``<h2>``, ``<ul>``), whose elements
:mod:`occ_lib._html` reads as the same blocks. Everything else is prose.
"""

from __future__ import annotations

import contextvars
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import _html, _yaml
from ._extract import SERVICENOW_TICKET
from ._stamps import SENDER

_MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2\u00f0\u00c5\u00c4\u00c6\u00ce\u00cf]")


@dataclass
class Decoded:
    """A file's text and how it was stored."""

    text: str
    encoding: str | None
    bom: bool
    newline: str | None
    repairs: int
    lines: list[str]
    problem: str | None = None  # set when the bytes are not text at all (the file is skipped)


def _is_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    head = data[:4096]
    controls = len(head.translate(None, _NOT_CONTROL))  # the bytes left are the control bytes
    return controls > len(head) // 10


_NOT_CONTROL = bytes([9, 10, 12, 13, *range(32, 256)])


def _visible(text: str) -> str:
    """``text`` without the characters that show as nothing yet split words for the parser: a
    zero-width space or word joiner ('14:00\u200bUTC', 'OPS-9\u200b0'), a byte-order mark inside
    the text (two files saved with one, then joined by ``cat``), and HTML's ``&nbsp;`` (Confluence
    exports) as the no-break space it stands for; and with digits and colons typed fullwidth (a
    Japanese input method's '１７：００') and the hyphens of an ISO date typed as Unicode ones
    ('2025‑10‑14', a word processor's non-breaking hyphen) as the ASCII ones the parser reads, and a
    range written with a wave dash ('17:00〜18:00', or '17:00~18:00' from a time to a time) as one with
    an en dash. Cheap membership tests first: most texts hold none."""
    for ch in ("\u200b", "\u2060", "\ufeff"):
        if ch in text:
            text = text.replace(ch, "")
    if "&nbsp;" in text or "&#160;" in text:
        text = text.replace("&nbsp;", "\u00a0").replace("&#160;", "\u00a0")
    # ('17:00~18:00 JST', the wave dash typed in ASCII; the gate starts at the literal '~', which
    # '~/path' and '~30s' notes hold: _TILDE_RANGE, a look-behind first, is tried at every position)
    if "~" in text and _TILDE_NEXT.search(text):
        text = _TILDE_RANGE.sub("\u2013", text)
    if not text.isascii():  # (str.isascii is a flag; 'in' is a memchr: a regex class scan is ~50x slower)
        wide = "\uff0d" in text  # (a fullwidth hyphen: a key's, 'ＯＰＳ－１２', or a date's)
        for wide_digit, ascii_ in _FULLWIDTH:
            if wide_digit in text:
                text = text.replace(wide_digit, ascii_)
                wide = True
        if wide:  # (a key typed fullwidth has its digits so, or its hyphen)
            text = _WIDE_KEY.sub(_ascii_key, text)
        if any(ch in text for ch in _DATE_DASHES):
            text = _iso_hyphens(text)
        if "\u301c" in text or "\uff5e" in text:  # ('17:00〜18:00 JST': a range, as '17:00–18:00')
            text = _WAVE_RANGE.sub("\u2013", text)
    return text


# the wave dash (U+301C) and fullwidth tilde (U+FF5E) Japanese writes a range with, between two times
_WAVE_RANGE = re.compile(r"(?<=\d)\s?[\u301c\uff5e]\s?(?=\d)")
# and the ASCII tilde, only from a time to a time (a single one: '~~' is a strike-through)
_TILDE_RANGE = re.compile(r"(?<=\d:\d\d)\s?(?<!~)~(?!~)\s?(?=\d{1,2}:\d\d)")
_TILDE_NEXT = re.compile(r"~\s?\d{1,2}:\d\d")  # (every tilde _TILDE_RANGE can match, and more)


# a ticket key typed with fullwidth letters or hyphen, as a Japanese or Chinese input method writes it
# ('ＯＰＳ－１２', its digits already folded): the key's characters read as ASCII (NFKC), 'OPS-12'; the
# ticket rules then read it as any key (nothing else of the text is normalised)
_WIDE_KEY = re.compile(
    "[A-Z\uff21-\uff3a][A-Z0-9\uff21-\uff3a]*(?:[-\uff0d][A-Z\uff21-\uff3a][A-Z0-9\uff21-\uff3a]*)*"
    "[-\uff0d][0-9]{1,7}"
)


def _ascii_key(m: re.Match[str]) -> str:
    key = m.group(0)
    return key if key.isascii() else unicodedata.normalize("NFKC", key)


_FULLWIDTH = tuple((chr(0xFF10 + k), str(k)) for k in range(10)) + (("\uff1a", ":"),)
# hyphen, non-breaking hyphen, figure dash, en dash, and an input method's fullwidth one (U+FF0D)
_DATE_DASHES = ("\u2010", "\u2011", "\u2012", "\u2013", "\uff0d")
_ISO_DASHED = re.compile(
    r"(?<![\w.])(\d{4})[-\u2010-\u2013\uff0d](\d{1,2})[-\u2010-\u2013\uff0d](\d{1,2})(?!\d)"
)


def _iso_hyphens(text: str) -> str:
    """``text`` with the ISO dates written with Unicode hyphens in ASCII ('2025‑10‑14' -> '2025-10-14'),
    found from each such hyphen (a dash in a range, '2024–2025', '09:00–10:00', is in no whole date
    and stays as written)."""
    spans: list[tuple[int, int]] = []
    for ch in _DATE_DASHES:
        i = text.find(ch)
        while i >= 0:
            # (the date's first separator, or its second after a month of one or two digits)
            for start in (i - 4, i - 6, i - 7):
                m = _ISO_DASHED.match(text, start) if start >= 0 else None
                if m is not None and m.end() > i:
                    spans.append(m.span())
                    break
            i = text.find(ch, i + 1)
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for s, e in sorted(set(spans)):
        if s >= pos:
            m = _ISO_DASHED.match(text, s)
            assert m is not None
            parts += (text[pos:s], f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
            pos = e
    parts.append(text[pos:])
    return "".join(parts)


def decode(data: bytes | str) -> Decoded:
    """Decode UTF-8 (BOM or not; UTF-16 or UTF-32 with a BOM), else cp1252, else Latin-1; split lines;
    drop invisible characters (:func:`_visible`); repair mojibake line by line with ftfy where a
    marker character shows it may be needed."""
    bom = False
    encoding: str | None
    if isinstance(data, str):
        text, encoding = data, None
        if text.startswith("\ufeff"):
            text, bom = text[1:], True
    elif data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        # (UTF-32's LE mark starts as UTF-16's does: 'FF FE 00 00' is UTF-32, a text opening with NUL never)
        enc = "utf-32" if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) else "utf-16"
        try:
            text, encoding, bom = data.decode(enc), enc, True
        except UnicodeDecodeError:
            reason = f"not valid {enc.upper()} despite its byte-order mark"
            return Decoded("", enc, True, None, 0, [], reason)
        if text.startswith("\ufeff"):
            text = text[1:]
    else:
        if _is_binary(data):
            return Decoded("", None, False, None, 0, [], "binary file (NUL or control bytes), skipped")
        if data.startswith(b"\xef\xbb\xbf"):
            data, bom = data[3:], True
        try:
            text, encoding = data.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
    if "\r" in text:  # (a memchr; counting CR LF pairs is a full scan that LF-only texts need not pay)
        crlf = text.count("\r\n")
        lf = text.count("\n") - crlf
        cr = text.count("\r") - crlf
        mixed = (crlf and (lf or cr)) or (lf and cr)
        newline = "mixed" if mixed else ("CRLF" if crlf else "CR" if cr else "LF")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    else:
        newline = "LF" if "\n" in text else None
    text = _visible(text)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    repairs = 0
    if _MOJIBAKE.search(text):
        from ftfy import fix_text

        # one scan of the whole text; the line of each marker by counting newlines (C-fast)
        i, pos, last = 0, 0, -1
        for m in _MOJIBAKE.finditer(text):
            s = m.start()
            i += text.count("\n", pos, s)
            pos = s
            if i != last:
                last = i
                line = lines[i]
                fixed = _undo_cp1252_mojibake(line)
                if fixed is not None:
                    lines[i] = fixed
                    repairs += 1
                    continue
                fixed = fix_text(
                    line, normalization="NFC", uncurl_quotes=False, fix_latin_ligatures=False,
                    fix_character_width=False,
                )
                if fixed != line:
                    lines[i] = fixed
                    repairs += 1
        if repairs:
            text = "\n".join(lines)
    return Decoded(text, encoding, bom, newline, repairs, lines)


# cp1252's characters for the bytes 0x80-0xBF (UTF-8 continuation bytes); the five bytes cp1252
# leaves undefined decode "sloppily" to the Latin-1 control characters, as ftfy does.
_CONT_CHARS = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)
)
_TO_BYTES = {ord(c): b for c, b in zip(_CONT_CHARS, range(0x80, 0xC0), strict=True)}
_SEQ = re.compile("[\u00c2-\u00f4][" + re.escape(_CONT_CHARS) + "]{1,3}")


def _seq_bytes(seq: str) -> bytes | None:
    out = bytearray()
    for ch in seq:
        o = ord(ch)
        if 0xC2 <= o <= 0xF4:
            out.append(o)
        elif o in _TO_BYTES:
            out.append(_TO_BYTES[o])
        else:
            return None
    return bytes(out)


def _undo_cp1252_mojibake(line: str) -> str | None:
    """The common cases, fast: UTF-8 bytes that were decoded as cp1252.

    First the whole line (taken when it round-trips exactly and no marker is left), else each
    marker sequence (``â€”``, ``ðŸš«``) that decodes as one UTF-8 character. None when neither
    repairs anything: the line then goes to ftfy.
    """
    try:
        fixed = line.encode("cp1252").decode("utf-8")
    except UnicodeError:
        fixed = None
    if fixed is not None and fixed != line and not _MOJIBAKE.search(fixed):
        return fixed
    changed = False

    def repl(m: re.Match[str]) -> str:
        nonlocal changed
        raw = _seq_bytes(m.group(0))
        if raw is None:
            return m.group(0)
        try:
            ch = raw.decode("utf-8")
        except UnicodeDecodeError:
            return m.group(0)
        changed = True
        return ch

    fixed = _SEQ.sub(repl, line)
    return fixed if changed else None


# --- front matter ----------------------------------------------------------------------------
class _Loader(yaml.SafeLoader):
    """The safe loader, except that an impossible date (``2025-13-40``) stays a string."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


@dataclass
class FrontMatter:
    data: dict[str, Any] = field(default_factory=dict)
    body_start: int = 0  # index of the first body line
    problem: tuple[int, str] | None = None  # (1-based line, reason)
    key_lines: dict[str, int] = field(default_factory=dict)


def front_matter(lines: list[str]) -> FrontMatter:
    """Split YAML front matter (``---`` ... ``---``/``...``) off the top of the lines."""
    if not lines or lines[0].strip() != "---":
        return FrontMatter()
    end = None
    for j in range(1, len(lines)):
        s = lines[j].rstrip()
        if s in ("---", "..."):
            end = j
            break
    if end is None:
        return FrontMatter(problem=(1, "unclosed front matter: no closing '---' line"))
    body = lines[1:end]
    key_lines = {}
    for k, ln in enumerate(body):
        if ln and not ln[0].isspace() and ":" in ln:
            key_lines.setdefault(ln.split(":", 1)[0].strip(), k + 2)
    try:
        data = _yaml.load("\n".join(body), _Loader)  # (a SafeLoader subclass)
    except _yaml.DuplicateKeys as exc:  # ('tz: UTC' then 'tz: America/New_York': which one was meant?)
        line, reason = exc.reasons(offset=2)[0]
        return FrontMatter(body_start=end + 1, problem=(line, f"invalid YAML front matter: {reason}"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(exc, "problem", None) or exc.__class__.__name__
        return FrontMatter(body_start=end + 1, problem=(line, f"invalid YAML front matter: {reason}"))
    except (ValueError, TypeError, RecursionError) as exc:
        return FrontMatter(body_start=end + 1, problem=(1, f"invalid YAML front matter: {exc}"))
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter(body_start=end + 1, problem=(2, "front matter is not a mapping of keys"))
    data = {str(k): v for k, v in data.items()}
    return FrontMatter(data, end + 1, None, key_lines)


# --- blocks ----------------------------------------------------------------------------------
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")  # the text is cut in Python (no backtracking)
_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]+(.*)|$)")
_TASK = re.compile(r"^\[[ xX\-]\][ \t]+")
# Logseq's task markers, the first word of a block ('- DONE OPS-206 ...', '- CANCELED ...', '- TODO ...'):
# a task box written as a word (kept in the text: a reader sees it)
_MARKER = re.compile(r"(TODO|DOING|NOW|LATER|WAITING|WAIT|IN-PROGRESS|DONE|CANCELED|CANCELLED)[ \t]+\S")
_MARKER_STATE = {"DONE": "done", "CANCELED": "cancelled", "CANCELLED": "cancelled"}  # (others: "open")
_MARKER_HEADS = frozenset({"TODO", "DOIN", "NOW ", "NOW\t", "LATE", "WAIT", "IN-P", "DONE", "CANC"})
_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_DELIM_CELL = re.compile(r":?-+:?")


def _is_delimiter(line: str) -> bool:
    """A GFM table delimiter row (``|---|:--:|``), checked cell by cell in linear time."""
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|"):
        s = s[:-1]
    return bool(s) and all(_DELIM_CELL.fullmatch(c.strip()) for c in s.split("|"))


def _heading_text(line: str, m: re.Match[str]) -> str:
    """The heading's text without the optional closing ``#`` sequence."""
    text = line[m.end():].strip()
    if text.endswith("#"):
        bare = text.rstrip("#")
        if not bare or bare[-1] in " \t":
            text = bare.rstrip()
    return text
_FENCE = re.compile(r"`{3,}|~{3,}")  # (on the line without its indentation)


def _indent(line: str) -> int:
    """The columns of a line's indentation (a tab is 4)."""
    lead = line[: len(line) - len(line.lstrip())]
    return len(lead.expandtabs(4)) if "\t" in lead else len(lead)


def _quoted_close(lines: list[str], i: int, n: int, fence: str) -> int:
    """The last line of a fence opened in a ``>`` quote at ``lines[i]``: its quoted closing fence,
    else the quote's last line (the code ends with the quote; it never runs on below it)."""
    fch = fence[0]
    for j in range(i + 1, n):
        t = lines[j].lstrip()
        if t[:1] != ">":
            return j - 1
        while t[:1] == ">":
            t = t[1:].lstrip()
        t = t.rstrip()
        if t.startswith(fence) and not t.strip(fch):
            return j
    return n - 1


def _item_close(lines: list[str], i: int, n: int, fence: str, owner: int) -> int:
    """The last line of a fence opened at ``lines[i]`` inside a list item whose marker is indented
    ``owner`` columns: its closing fence, else the item's last line (a line indented no deeper than
    the marker ends the item, and its code with it)."""
    fch = fence[0]
    for j in range(i + 1, n):
        r = lines[j]
        t = r.strip()
        if not t:
            continue
        if t.startswith(fence) and not t.strip(fch):
            return j
        if _indent(r) <= owner:
            return j - 1
    return n - 1


# Block tuples (kept as tuples: they are made once per item on the hot path):
#   ("h", line, level, text)    (also setext 'Title\n====', a '=== X ===' banner, a date-only line)
#   ("i", line, depth, text, task)                 a list item, continuation lines joined; task: ""
#                                                  (none), "open" ('- [ ] ...'), "done" ('- [x] ...')
#                                                  or "cancelled" ('- [-] ...'), the box dropped; or
#                                                  the same of a Logseq marker ('- DONE ...', kept)
#   ("l", line, 0, text, "")                       a prose line that opens with its time, likewise
#   ("p", line, 0, text, "")                       any other paragraph of prose, its lines joined
#   ("t", line, headers, [(line, cells), ...])     a whole table
#   ("d", line, 0, "Yesterday" or "Today")          Slack's day divider over pasted messages
#   ("q", line, depth, head)                       the head of the quoted message whose blocks follow
#                                                  (its fields one a line, Outlook's), "" at its end
Block = tuple


def split_cells(row: str) -> list[str]:
    """A table row's cells; an escaped pipe (``\\|``) is a pipe inside a cell, as GitHub shows it."""
    s = row.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    if "\\|" not in s:
        return [p.strip() for p in s.split("|")]
    return [p.strip().replace("\\|", "|") for p in re.split(r"(?<!\\)\|", s)]


def _maybe_break(marker: str, rest: str | None) -> bool:
    """Whether a list-item line may also be a thematic break (then ``_BREAK`` decides): only a
    ``-``/``*`` line whose text (``_ITEM`` group 2, which starts after the spaces) repeats it."""
    return marker in "-*" and (not rest or rest[0] == marker)


_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
# a prose line that opens with a date or time ('14:02 UTC ...', '[2025-10-07 09:30] ...', '**9:30am**
# ...'), possibly after a 'Key:' (a report's header lines: '**Detected:** 2025-10-09 14:02 CEST')
# (a ticket is no key: 'REL-91: checkout 5xx spike', 'INC0012345: restored' are messages about it)
_KEY = (
    r"[*_]{0,2}(?![A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+:|" + SERVICENOW_TICKET + r":)"
    r"[A-Z][A-Za-z][\w /()-]{0,28}:[*_]{0,2}[ \t]"
)
_KEY_LINE = re.compile(_KEY)  # ('**Severity:** SEV-2' under such a line is no continuation of it)


# a postmortem's milestone, written as its name and its time ('**Impact start:** Oct 7, 11:42 PM PT',
# 'Detected: 2025-10-07 23:50 PT', '**Mitigated**: 00:40 PT (Oct 8)', 'Resolved — Oct 8 01:15 PT'): the
# milestone's name, then a colon (inside or after its emphasis) or a spaced dash
MILESTONE = re.compile(
    r"[*_]{0,2}(?i:(?:customer |user )?impact (?:start(?:ed|s)?|began|begins|end(?:ed|s)?)"
    r"|(?:start|end) of impact|(?:incident|outage) (?:start(?:ed)?|began|declared|end(?:ed)?)"
    r"|first (?:alert|page|report)|detect(?:ed|ion)|identified|declared|acknowledged|ack(?:ed)?"
    r"|escalated|mitigat(?:ed|ion)|resolv(?:ed|ution)|recover(?:ed|y)|all[ -]clear)"
    r"(?: at| time)?[*_]{0,2}(?::[*_]{0,2}[ \t]|[ \t]+[\u2014\u2013-][ \t])"
)


_MILESTONE_FIRST = frozenset("*_IiSsEeUuCcOoFfDdAaMmRr")  # (what a milestone's line may open with)


def is_field(text: str) -> bool:
    """Whether a prose line is a ``Key: value`` field (``**Status:** Resolved``, ``From: Priya``):
    a report's or an e-mail's header, not something that happened (unless it names a time)."""
    return _KEY_LINE.match(text) is not None


def _in_message(pending: list, line: str) -> bool:
    """Whether ``line`` is text of the open item as a chat message, opened by its head (sender and
    time): the line under the head whatever it is, and each further one that looks like a field
    ('Status: resolved', 'Ticket: HS-44721') unless it names a time (a report's 'Status: Resolved
    15:10 UTC' under '14:05 UTC Incident declared' is a header line of its own)."""
    if len(pending[2]) > 1 and _TIMED.search(line) is not None:
        return False
    first = pending[2][0]
    if pending[3] == "l":
        return _CHAT_HEAD.match(first) is not None or _STAMP_HEAD.match(first) is not None
    return pending[3] == "p" and _DATED_HEAD.match(first) is not None


_TIMED = re.compile(r"\d:\d\d|\d\s?[AaPp]\.?[Mm]\b|\d{4}-\d\d-\d\d")  # (a clock time or an ISO date)
_STAMPED = re.compile(
    r"(?:" + _KEY + r"+)?"
    # (a runbook's author initials before the time: '[AK 13:05] T-55. Backups verified')
    r"(?:\[[A-Z]{2,3}[ \t]+(?=\d{1,2}:\d{2}(?::\d{2})?\])|[\[(*_]{0,2})"
    r"(?:\d{4}-\d{2}-\d{2}(?:\b|T\d)|\d{1,2}:\d{2}(?!\d)|\d{1,2}(?::\d{2})?\s?[AaPp]\.?[Mm]\b)"
)


# a chat message's sender (:data:`occ_lib._stamps.SENDER`) and the clock time it was sent at
_SENDER = SENDER
_SENT = r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?"
# a pasted chat message's head line: a name and the time it was sent, its text on the lines below
# ('alice  9:41 AM' from Slack, 'Bob Lee — 10:32', 'kim [14:05]', Slack's pronouns 'Priya Raman
# (she/her)  3:15 PM' and day 'Sam Lee  Yesterday at 5:15 PM'); the message joins it
_CHAT_HEAD = re.compile(
    _SENDER + r"(?:[ \t]+\([^()\n]{1,30}\))?[ \t]+(?:[-\u2013\u2014][ \t]*)?\[?"
    r"(?:(?:Yesterday|Today)(?:[ \t]+at)?[ \t]+)?" + _SENT + r"\]?[ \t]*(?:\(edited\)[ \t]*)?$"
)
# the same with the stamp first: Teams' '[9:02 AM] Maria Lopez' (and '[Yesterday 3:04 PM] Sam Lee'), a
# ticket tool's work notes '2025-10-09 16:40:19 - Sam Ortiz (Work notes)'; what follows such a head is
# its message, even a line that looks like a header field ('Resolved: pool size raised')
_STAMP_HEAD = re.compile(
    r"[\[(]?(?:\d{4}-\d{2}-\d{2}[ T]|(?:Yesterday|Today)[ \t]+)?" + _SENT
    + r"(?:[ \t][A-Z]{2,4})?[\])]?[ \t]*"
    r"(?:[-\u2013\u2014|:][ \t]*)?" + _SENDER + r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*$"
)
# a help desk's message head with its date: Zendesk's '**Anna Schmidt** (Agent) — Oct 10, 2025, 09:15
# (CEST)', Jira's 'Ana Lopez added a comment - 09/Oct/25 3:14 PM' (or 'made changes', 'logged work'); what
# follows is its message, even a line that opens like a field ('Internal note: ...', 'Status changed:
# In Progress → Done', 'Resolution: Fixed')
_DATED_HEAD = re.compile(
    r"[*_]{0,2}" + _SENDER + r"[*_]{0,2}(?:[ \t]*\([^()\n]{1,40}\))?"
    r"(?:[ \t]+(?:added[ \t]+a[ \t]+comment|made[ \t]+changes|logged[ \t]+work))?"
    r"[ \t]*[-\u2013\u2014|,][ \t]*"
    r"(?:\w{3,9},? )?(?:" + r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}"
    r"|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{4}|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/\d{2}(?:\d{2})?)"
    r",?(?: at)? " + _SENT + r"(?:[ \t]*\(?[A-Z]{2,5}\)?)?[ \t]*$"
)
# an Obsidian callout's marker ('> [!warning] OPS-803 blocked', '> [!note]- Folded')
# ('> [!quote]' and '> [!cite]' quote someone: they stay quotes)
_CALLOUT = re.compile(r"\[!(?!(?i:quote|cite)\])[A-Za-z][\w-]*\][+-]?(?=\s|$)")
# a mail client's line before the quote of the message replied to; also in German, French, Spanish and
# Dutch, Portuguese and Italian, with a time ('Am 08.10.2025 um 16:12 schrieb Jane <j@x.com>:', 'Le mer. 8
# oct. 2025 à 16:12, Jane <j@x.com> a écrit :', 'El mié, 8 oct 2025 a las 16:12, Jane (<j@x.com>) escribió:',
# 'Op wo 8 okt. 2025 om 16:12 schreef Jane <j@x.com>:', 'Em qua., 8 de out. de 2025 às 16:12, Jane <j@x.com>
# escreveu:', 'Il giorno mer 8 ott 2025 alle ore 16:12 Jane <j@x.com> ha scritto:'); only a line opening
# with O, A, L, E or I is tried
_WROTE = re.compile(
    r"On\s.{4,200}\swrote:\s*$"
    r"|Am\s.{4,120}?\d[:.]\d\d.{0,12}?\sschrieb\s.{1,200}?:\s*$"
    r"|Le\s.{4,120}?\d[:.h]\d\d.{0,200}?\sa[ \u00a0]\u00e9crit[ \u00a0\u202f]?:\s*$"
    r"|El\s.{4,120}?\d:\d\d.{0,200}?\sescribi\u00f3:\s*$"
    r"|Op\s.{4,120}?\d:\d\d.{0,12}?\sschreef\s.{1,200}?:?\s*$"
    r"|Em\s.{4,120}?\d:\d\d.{0,200}?\sescreveu:\s*$"
    r"|Il\s.{4,120}?\d[:.]\d\d.{0,200}?\sha\sscritto:\s*$"
)
_WROTE_FIRST = "OALEI"


def _wrote_lines(lines: list[str], i: int, n: int, s: str) -> int:
    """How many lines the unquoted head of a quoted message at ``lines[i]`` (``s``, stripped at its start)
    takes: 1, 2 when a mail client wrapped it (``On Thu, Oct 9, 2025 at 2:05 PM Ana <a@x.com>`` then
    ``wrote:``: the next line unquoted and ending with a colon), 0 when it is no such head."""
    if _WROTE.match(s) is not None:
        return 1
    if i + 1 < n and (t := lines[i + 1].strip())[-1:] == ":" and t[:1] != ">" and len(t) < 120 and (
        _WROTE.match(s.rstrip() + " " + t) is not None
    ):
        return 2
    return 0
# Slack's day dividers between pasted messages (a dated one, 'Wednesday, October 8th', is a date line)
_DIVIDERS = ("Yesterday", "Today")


def _labels_block(lines: list[str], j: int, n: int) -> bool:
    """Whether a callout's title at ``lines[j - 1]`` only labels a list, table or code under it."""
    while j < n:
        t = lines[j].lstrip()
        if t[:1] != ">":
            return False
        while t[:1] == ">":
            t = t[1:].lstrip()
        if t:
            return _ITEM.match(t) is not None or t[0] in "|#`~"
        j += 1
    return False


def _next_text(lines: list[str], j: int, n: int) -> str:
    """The next line that is not blank, from ``lines[j]``, stripped ('' at the end)."""
    while j < n:
        t = lines[j].strip()
        if t:
            return t
        j += 1
    return ""


def _unquote(t: str) -> tuple[str, int]:
    """``t`` (a line stripped at its start) without its leading ``>`` marks, and how many it had."""
    d = 0
    while t[:1] == ">":
        t = t[1:].lstrip()
        d += 1
    return t, d


def _quote_depth_next(lines: list[str], j: int, n: int) -> int:
    """The quote depth (its ``>`` marks) of the next line, from ``lines[j]``, that holds more than
    blanks and ``>`` marks (0 when it is not quoted, or at the end)."""
    while j < n:
        t = lines[j].lstrip()
        if t:
            if t[0] != ">":
                return 0
            t, d = _unquote(t)
            if t:
                return d
        j += 1
    return 0


# a mail header's field, Outlook's ('From: Jane Doe', '**Sent:** Friday, October 10, 2025 8:15 AM'),
# also as a German, French, Spanish, Dutch, Portuguese or Italian Outlook writes it ('Von:'/'Gesendet:'/
# 'Betreff:', 'De :'/'Envoyé :'/'Objet :', 'De:'/'Enviado el:'/'Asunto:', 'Van:'/'Verzonden:'/'Onderwerp:',
# 'De:'/'Enviado:'/'Para:'/'Assunto:', 'Da:'/'Inviato:'/'A:'/'Oggetto:'):
# :data:`MAIL_FIELDS` names it in English
_OUTLOOK_FIELD = re.compile(
    r"[*_]{0,2}(From|Sent|Date|To|Cc|Bcc|Reply-To|Subject|Importance"
    r"|Von|Gesendet|Datum|An|Betreff|De|Envoy\u00e9|\u00c0|Objet|Enviado|Fecha|Para|Asunto|Van|Verzonden"
    r"|Aan|Onderwerp|Enviado el|Assunto|Data|Da|Inviato|Oggetto|A)[*_]{0,2}[ \u00a0\u202f]?:"
)
# each field's English name, lower case ('Gesendet' -> 'sent')
MAIL_FIELDS = {
    "von": "from", "de": "from", "van": "from", "gesendet": "sent", "envoy\u00e9": "sent", "enviado": "sent",
    "verzonden": "sent", "datum": "date", "fecha": "date", "betreff": "subject", "objet": "subject",
    "asunto": "subject", "onderwerp": "subject", "an": "to", "\u00e0": "to", "para": "to", "aan": "to",
    "enviado el": "sent", "assunto": "subject", "data": "date", "da": "from", "inviato": "sent",
    "oggetto": "subject", "a": "to",
}
_OUTLOOK_FIRST = "F*_VD"  # (the first letters a 'From:' field opens with)


def mail_field(text: str) -> str | None:
    """The English name, lower case, of the mail header field ``text`` opens with (``from``, ``sent``,
    ``date``, ``subject``, ``to``...), in any language of :data:`_OUTLOOK_FIELD`; None when it is none."""
    m = _OUTLOOK_FIELD.match(text)
    if m is None:
        return None
    name = m.group(1).lower()
    return MAIL_FIELDS.get(name, name)


def _outlook_head(lines: list[str], i: int, n: int, depth: int) -> list[str] | None:
    """The header fields of a mail quoted at ``depth`` whose ``From:`` is ``lines[i]`` (its ``>``
    marks dropped), when a ``Sent:`` or ``Date:`` is among them; else None."""
    fields: list[str] = []
    dated = False
    for j in range(i, min(n, i + 12)):
        t, d = _unquote(lines[j].lstrip())
        name = mail_field(t) if d == depth else None
        if name is None or (not fields and name != "from"):
            break
        dated = dated or name in ("sent", "date")
        fields.append(t.rstrip())
    return fields if dated else None


def chat_head(text: str) -> bool:
    """Whether ``text`` (a line, stripped) is only a pasted chat message's head, a sender and a time
    (``Alice Wong  10:42 AM``, Teams' ``[9:02 AM] Maria Lopez``, its stamp in brackets): what follows it is
    its message. (Not a machine's stamped line, ``2025-10-09T15:10:00Z DEPLOY-900 resolved``.)"""
    return ":" in text and (_CHAT_HEAD.match(text) is not None or text.startswith("[") and (
        _STAMP_HEAD.match(text) is not None))


def _head_next(lines: list[str], j: int, n: int) -> bool:
    """Whether the next line that is not blank, from ``lines[j]``, is a chat message's head."""
    t = _next_text(lines, j, n)
    return t != "" and (_CHAT_HEAD.match(t) is not None or _STAMP_HEAD.match(t) is not None)


_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_BANNER = re.compile(r"(={3,}|-{3,}|\*{3,})[ \t]+(\S.*?)[ \t]+\1[ \t]*$")  # '=== 2025-10-09 ==='
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY_NAME = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
# a line that opens with a date written in words (or a slash date), its year or not, or a weekday,
# and then a time: an activity log's row ('Oct 9, 2025 2:05 PM EDT Alert acknowledged by Sam'), a
# syslog-style one ('Dec 31 23:52 sam: acked', '[12/31 23:52]', '[Wed 23:52]'), one item each
_WORD_STAMPED = re.compile(
    r"[*_\[(]{0,2}(?:(?:" + _WEEKDAY_NAME + r"\.?,?\s+)?"
    r"(?:" + _MONTH_NAME + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}\s+" + _MONTH_NAME
    + r"(?:,?\s+\d{4})?|\d{1,2}/\d{1,2}(?:/\d{2}(?:\d{2})?)?)|" + _WEEKDAY_NAME + r"\.?)"
    r",?\s+(?:at\s+)?\d{1,2}:\d{2}"
)
# a line that is only a date: a date header of a plain-text log ('2025-10-07', 'Wednesday, October 8, 2025')
_DATE_LINE = re.compile(
    r"[*_\[(]*(?:" + _WEEKDAY_NAME + r"\.?,?\s+)?"
    r"(?:\d{4}-\d{2}-\d{2}|" + _MONTH_NAME + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH_NAME + r"(?:,?\s+\d{4})?"
    # a slash date only after a weekday: '**Tue 10/7**' ('10/7' alone may be a ratio)
    r"|(?<=\s)\d{1,2}/\d{1,2}(?:/\d{2}(?:\d{2})?)?)"
    r"(?:\s*\(" + _WEEKDAY_NAME + r"\))?[*_\])]*:?[ \t]*"
)


def _setext(lines: list[str], i: int, n: int) -> int:
    """1 or 2 when ``lines[i]`` is underlined as a setext heading ('Title' then '====' or '----')."""
    if i + 1 >= n:
        return 0
    m = _SETEXT.match(lines[i + 1])
    return 0 if m is None else 1 if m.group(1)[0] == "=" else 2


def _banner(s: str) -> str | None:
    """The title of a plain-text banner or date line, else None."""
    c = s[0]
    m = _BANNER.match(s) if c in "=-*" else None
    if m is not None:
        return m.group(2)
    if c.isdigit() or c in "*_[(MTWFSOJAND":  # ('**Oct 10, 2025**' is a date line, not a banner)
        return s.strip().strip("*_").strip() if _DATE_LINE.fullmatch(s.rstrip()) else None
    return None


def _opens_with_time(text: str) -> bool:
    """Whether an HTML paragraph opens with its time ('<p>17:00 UTC OPS-5 resolved</p>'): an item of
    its own, as such a line of prose is."""
    return _STAMPED.match(text) is not None or (":" in text and _WORD_STAMPED.match(text) is not None)


def _join(parts: list[str]) -> str:
    """An item's lines as one text, without its HTML comments (which a reader never sees)."""
    text = " ".join(parts)
    if "<!--" in text:
        text = " ".join(_COMMENT.sub(" ", text).split())
    return text


def _block(pending: list) -> Block:
    """The block of an open item, paragraph or message (``pending``): tag, line, depth, text, task."""
    return (pending[3], pending[0], pending[1], _join(pending[2]), pending[4])


def blocks(lines: list[str], start: int = 0) -> Iterator[Block]:
    """Headings, list items and tables of ``lines[start:]``, in file order; and before the blocks of
    a quoted message that has a head (``On Wed, Oct 8, 2025 at 4:12 PM, Jane <jane@x.com> wrote:``,
    an Outlook ``From:``/``Sent:`` block in the quote) a ``("q", line, depth, head)`` block, and a
    ``("q", line, 0, "")`` one where what follows is no longer that message's. A quoted block whose
    text the document already holds outside quotes, or in a quote read before, is left out: a quoted
    message counts once."""
    qctx: dict[int, tuple[int, tuple[int, str] | None]] = {}
    raw_blocks = _blocks(lines, start, qctx)
    if ">" not in "".join(lines[start:]) or not any(ln.lstrip()[:1] == ">" for ln in lines[start:]):
        # (no quote: nothing to check; most logs write no '>' at all, one C-level scan says so)
        return raw_blocks
    return _counted_once(lines, start, raw_blocks, qctx)


_MARKS = ".,;:!?*_`~()[]<>\"'"  # (what is glued to a word: emphasis, punctuation, brackets)

# across the logs read in one call (:func:`occ_lib.logs.read_logs`): when set, the list each quoted
# block's text that :func:`blocks` keeps is added to (whitespace folded), and what other logs hold
# (their text outside quotes, folded, and the quoted texts they kept), so a quoted block whose text
# another log holds is left out as one the document holds is
QUOTES_KEPT: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("quotes_kept", default=None)
QUOTES_ELSEWHERE: contextvars.ContextVar[tuple[str, frozenset[str]] | None] = contextvars.ContextVar(
    "quotes_elsewhere", default=None
)


def unquoted_text(lines: list[str]) -> str:
    """The text of ``lines`` outside ``>`` quotes, its whitespace folded (what a quote is looked for in)."""
    return " ".join("\n".join(ln for ln in lines if ln.lstrip()[:1] != ">").split())


def _counted_once(
    lines: list[str], start: int, raw_blocks: Iterator[Block],
    qctx: dict[int, tuple[int, tuple[int, str] | None]],
) -> Iterator[Block]:
    """:func:`blocks` of a document that holds quotes: each quoted message's text once, its head
    before it (``"q"`` blocks)."""
    # the document's text outside quotes, whitespace folded, and its words without the marks around
    # them (a quote with a word the text has not is in it nowhere: no scan): built when asked
    pool: list[str] = []
    pool_words: set[str] = set()
    counted: set[str] = set()  # (the quoted texts read: the same quote in a second reply is read once)
    last: tuple[int, str] | None = None
    kept = QUOTES_KEPT.get()
    elsewhere = QUOTES_ELSEWHERE.get()
    for b in raw_blocks:
        ctx = qctx.get(b[1]) if b[0] in "ilp" else None
        if ctx is not None:
            words = b[3].split()
            if words:
                norm = " ".join(words)
                if not pool:
                    pool.append(unquoted_text(lines[start:]))
                    pool_words.update(w.strip(_MARKS) for w in pool[0].split(" "))
                if norm in counted or (
                    all(w.strip(_MARKS) in pool_words for w in words) and norm in pool[0]
                ) or (elsewhere is not None and (norm in elsewhere[1] or norm in elsewhere[0])):
                    continue  # (the original is in the log, or in another, or this quote was read already)
                counted.add(norm)
                if kept is not None:
                    kept.append(norm)
            head = ctx[1]
            if head != last:
                yield ("q", head[0], ctx[0], head[1]) if head is not None else ("q", b[1], 0, "")
                last = head
        elif last is not None:
            yield ("q", b[1], 0, "")
            last = None
        yield b


def _blocks(
    lines: list[str], start: int, qctx: dict[int, tuple[int, tuple[int, str] | None]],
) -> Iterator[Block]:
    """:func:`blocks` without its check that a quote repeats nothing; ``qctx`` is filled with the
    (depth, head) of each block opened in a quote (by its line)."""
    heads: dict[int, tuple[int, str]] = {}  # the head (line, text) of the quoted message open at each depth
    n = len(lines)
    i = start
    pending: list | None = None  # [line, depth, parts, tag, task, content column]
    pq = False  # whether the open item was opened inside a '>' quote
    pqd = 0  # the quote depth it was opened at (0: outside quotes)
    ph = False  # whether it is text of a quoted message that has a head (_WROTE, _OUTLOOK_FIELD)
    callout = False  # in an Obsidian callout ('> [!warning] ...'): the author's own words, no quote
    stack: list[int] = []  # indents of the open list items
    blank = False
    no_close_from: dict[str, int] = {}
    html_close: dict[str, int] = {}  # (where the document's HTML code elements close, found once)
    while i < n:
        raw = lines[i]
        s = raw.lstrip()
        if not s:
            blank, callout = True, False
            i += 1
            continue
        if blank and raw[:1] in (" ", "\t"):
            # an indented code block: 4 columns beyond the open item's content (or the margin)
            # after a blank line; it is no list continuation and no text
            need = (pending[5] if pending is not None else 0) + 4
            if _indent(raw) >= need:
                i += 1
                while i < n and (not lines[i].strip() or _indent(lines[i]) >= need):
                    i += 1
                continue
        c = s[0]
        if c == "<":
            if s.startswith("<!--") and "-->" not in s:
                # an HTML comment over several lines is not shown: skip through its closing line, as
                # CommonMark ends such a block there (an unclosed one runs to the end of the file)
                i += 1
                while i < n and "-->" not in lines[i]:
                    i += 1
                i += 1
                continue
            if raw[0] == "<" and _html.starts_block(raw) and (
                html := _html.read_block(lines, i, n, html_close)
            ) is not None:
                # HTML pasted from a wiki or a tracker ('<table><tr><td>...', '<p>', '<h2>'): its
                # elements as blocks, read with an HTML parser
                if pending is not None:
                    yield _block(pending)
                    pending = None
                stack = []
                blank = False
                found, i = html
                for b in found:
                    yield ("l", *b[1:]) if b[0] == "p" and _opens_with_time(b[3]) else b
                continue
        quoted = c == ">"
        d = 0
        if quoted:
            s, d = _unquote(s)
            raw = s
            if not s:
                blank = True
                i += 1
                continue
            c = s[0]
            if c == "[" and s[1:2] == "!" and (m := _CALLOUT.match(s)) is not None:
                # an Obsidian callout's first line: its title opens the callout's text, unless it
                # only labels a list or table under it ('> [!todo] Today' over '> - [ ] ...')
                if pending is not None:
                    yield _block(pending)
                    pending = None
                callout, blank = True, True
                s = raw = s[m.end():].strip()
                if not s or _labels_block(lines, i + 1, n):
                    i += 1
                    continue
                c = s[0]
        else:
            callout = False
            if heads:
                heads.clear()
        quote = quoted and not callout  # (a quote repeats an earlier message; a callout does not)
        headed = False
        if quote:
            for k in [k for k in heads if k > d]:
                del heads[k]  # (back at depth d: the deeper quotes are over)
            if c in _WROTE_FIRST and _WROTE.match(s) is not None:
                # '> On Wed, Oct 8, 2025 at 1:03 PM, Tom <tom@x.com> wrote:': the head of the message
                # quoted one level deeper (or, a client that quotes it flat, at its own level); never
                # text of its own
                nd = _quote_depth_next(lines, i + 1, n)
                if nd >= d:
                    heads[nd] = (i + 1, s.rstrip())
                blank = True
                i += 1
                continue
            if c in _OUTLOOK_FIRST and (fields := _outlook_head(lines, i, n, d)) is not None:
                # '> From: ...' '> Sent: ...' '> Subject: ...': the head of the message quoted below it
                heads[d] = (i + 1, "\n".join(fields))
                blank = True
                i += len(fields)
                continue
            headed = d in heads
        if (headed or ph) and pending is not None and d != pqd:
            yield _block(pending)  # (a quoted message's text ends where its quote does)
            pending = None
        if c == "#":
            m = _HEADING.match(raw)
            if m is not None:
                if pending is not None:
                    yield _block(pending)
                    pending = None
                stack = []
                blank = False
                yield ("h", i + 1, len(m.group(1)), _heading_text(raw, m))
                i += 1
                continue
        elif c in "-*+_" or c.isdigit():
            m = _ITEM.match(raw) if c != "_" else None
            # a break ('- - -', '***') needs the marker again right after the first one's spaces
            if m is not None and (not _maybe_break(c, m.group(2)) or not _BREAK.match(raw)):
                if pending is not None:
                    yield _block(pending)
                indent_s = m.group(1)
                indent = len(indent_s.expandtabs(4)) if "\t" in indent_s else len(indent_s)
                while stack and stack[-1] >= indent:
                    stack.pop()
                depth = len(stack)
                stack.append(indent)
                text = (m.group(2) or "").strip()
                task = ""
                if text[:1] == "[" and _TASK.match(text):
                    # '- [x] ...': the task is done (its kind says so); '- [-] ...': cancelled
                    task = "cancelled" if text[1] == "-" else "open" if text[1] == " " else "done"
                    text = text[4:].lstrip()
                elif text[:4] in _MARKER_HEADS and (mk := _MARKER.match(text)) is not None:
                    task = _MARKER_STATE.get(mk.group(1), "open")
                # the item's content column: a line indented 4 more after a blank is code in it
                col = indent + (m.start(2) if m.group(2) is not None else m.end() + 1) - len(indent_s)
                pending = [i + 1, depth, [text] if text else [], "i", task, col]
                pq = quote
                if quoted or pqd:
                    pqd, ph = d, headed
                    if quote:
                        qctx[i + 1] = (d, heads.get(d))
                blank = False
                i += 1
                continue
            if _BREAK.match(raw):
                if pending is not None:
                    yield _block(pending)
                    pending = None
                stack = []
                blank = False
                i += 1
                continue
        elif c == "`" or c == "~":
            m = _FENCE.match(s)
            if m is not None:
                fence = m.group(0)
                fch = fence[0]
                close = None
                ind = 0 if quoted else _indent(raw)
                if quoted:
                    close = _quoted_close(lines, i, n, fence)
                elif stack and ind > stack[0]:
                    # in a list item's content, a fence is code whatever its indentation; the item
                    # that holds it stays open ('- output:' then an indented fence, then more items)
                    while stack[-1] >= ind:
                        stack.pop()
                        if pending is not None:
                            yield _block(pending)
                            pending = None
                    i = _item_close(lines, i, n, fence, stack[-1]) + 1
                    blank = True  # (what follows is no lazy continuation of the item's text)
                    continue
                elif ind <= 3 and no_close_from.get(fch, n + 1) > i:
                    for j in range(i + 1, n):
                        t = lines[j].strip()
                        if t.startswith(fence) and not t.strip(fch):
                            close = j
                            break
                    if close is None:
                        no_close_from[fch] = i
                if close is not None:
                    if pending is not None:
                        yield _block(pending)
                        pending = None
                    stack = []
                    blank = False
                    i = close + 1
                    continue
        if "|" in s and i + 1 < n and "-" in lines[i + 1] and _is_delimiter(lines[i + 1]):
            if pending is not None:
                yield _block(pending)
                pending = None
            stack = []
            blank = False
            headers = split_cells(s)
            start_line = i + 1
            rows = []
            i += 2
            while i < n:
                r = lines[i].strip()
                if not r or "|" not in r or (r[0] == "#" and _HEADING.match(r)):
                    break
                rows.append((i + 1, split_cells(r)))
                i += 1
            yield ("t", start_line, headers, rows)
            continue
        # prose: a continuation of the open item, a line that opens with its time (a plain-text
        # or pasted chat log: '14:02 UTC deployed', '[2025-10-07 09:30] kim: ...'), or a paragraph
        # ('p', a pasted e-mail's sentences; it ends the list)
        indented = raw[:1] in (" ", "\t")
        # (not a lazy continuation of an item; a quote never continues what is written outside it)
        opens = pending is None or blank or pending[3] in "lp" or (quote and not pq)
        if opens and not indented:
            level = _setext(lines, i, n)
            title = s.strip() if level else _banner(s)
            if title is not None:  # 'Oct 7\n=====', '=== 2025-10-09 ===', a line that is only a date
                if pending is not None:
                    yield _block(pending)
                    pending = None
                stack = []
                blank = False
                yield ("h", i + 1, level or 2, title)
                i += 2 if level else 1
                continue
            if (c == "Y" or c == "T") and s.rstrip() in _DIVIDERS and _head_next(lines, i + 1, n):
                # Slack's day divider over the messages of that day: they are on it
                if pending is not None:
                    yield _block(pending)
                    pending = None
                stack = []
                blank = False
                yield ("d", i + 1, 0, s.rstrip())
                i += 1
                continue
        if c in _WROTE_FIRST and not quoted and (w := _wrote_lines(lines, i, n, s)) and (
            nd := _quote_depth_next(lines, i + w, n)
        ):
            # ('On Thu, Oct 9, 2025 at 1:15 PM Sam <sam@x.com> wrote:': the head of the quoted message,
            # not the reply's text; Gmail's wrapped over two lines, '... <sam@x.com>' then 'wrote:')
            heads[nd] = (i + 1, s.rstrip() if w == 1 else s.rstrip() + " " + lines[i + 1].strip())
            if pending is not None:
                yield _block(pending)
                pending = None
            i += w
            continue
        stamped = opens and not indented and (
            _STAMPED.match(s) is not None
            or (":" in s and (_CHAT_HEAD.match(s) is not None or _WORD_STAMPED.match(s) is not None))
            # (Teams' '[Yesterday 3:04 PM] Sam Lee')
            or (c == "[" and s[1:2] in ("Y", "T") and _STAMP_HEAD.match(s) is not None)
        )
        if quote and not headed and not stamped and pending is not None and not pq and not blank:
            i += 1  # (a quote right after a paragraph or a message repeats an earlier one: no part of it)
            continue
        if pending is not None and not stamped and (not blank or indented) and not (
            pending[3] in "lp" and not indented and (
                _KEY_LINE.match(s)
                or s[:1] in _MILESTONE_FIRST and MILESTONE.match(s) and _TIMED.search(s)
            ) and not _in_message(pending, s)
        ):  # (a next milestone, 'Mitigated — Oct 8, 12:40 AM PT' under 'Detected: ...', is its own line)
            pending[2].append(s.rstrip())
        elif stamped:
            if pending is not None:
                yield _block(pending)
            stack = []
            pending = [i + 1, 0, [s.rstrip()], "l", "", 0]
            pq, pqd, ph = quote, d, headed
            if quote:
                qctx[i + 1] = (d, heads.get(d))
        else:
            if pending is not None:
                yield _block(pending)
                pending = None
            if not indented:
                stack = []
                # (a quoted paragraph repeats an earlier message, '> Bumping this' in a reply, unless
                # it is a message whose head says who wrote it when: its text counts, once)
                pending = None if quote and not headed else [i + 1, 0, [s.rstrip()], "p", "", 0]
                pq, pqd, ph = headed, d, headed
                if headed:
                    qctx[i + 1] = (d, heads[d])
        blank = False
        i += 1
    if pending is not None:
        yield _block(pending)
