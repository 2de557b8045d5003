"""HTML blocks pasted into markdown -> the markdown reader's blocks (private to :mod:`occ_lib._markdown`).

Confluence and Jira pages pasted into a log bring their HTML (``<table><tr><td>...``, ``<p>``,
``<h2>``, ``<ul><li>``). A block that opens with a block-level tag at the start of a line (CommonMark's
HTML block; an inline ``<br>``, ``<kbd>`` or ``<b>`` in prose is none) is read with the standard
library's :class:`html.parser.HTMLParser`, not with patterns over tags: ``<h1>``-``<h6>`` are headings,
``<li>`` list items (nested by their ``<ul>``/``<ol>``; a checkbox ``<input>`` opening one is a task
box), ``<tr>`` table rows (a first row of ``<th>`` cells is the header; without one the columns are
unnamed), ``<p>`` and any other text paragraphs (not inside a ``<blockquote>``, which repeats an earlier
message, as a quoted paragraph in markdown does). Tags are stripped and entities decoded (``&amp;``,
``&lt;``); what markdown writes with marks keeps them so that the items' rules read it alike: ``<br>`` is a
clause break (``; ``), ``<code>`` a code span, ``<del>``/``<s>``/``<strike>`` struck text (``~~...~~``),
and a link with its address ``[text](url)``. ``<pre>``, ``<script>``, ``<style>`` and ``<textarea>`` hold
code: no text. Each block's line is where its element starts.

The block ends as CommonMark's does, at a blank line - except inside code (up to its closing tag, when
there is one), or inside a table or a list whose next line opens with a tag - and also at a line that
opens with no tag while no element holding text is open: markdown written between HTML lines (a
``<details>`` line over a list) stays markdown.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# CommonMark's block-level tag names (its HTML blocks of type 6) and those of type 1 (code)
_CODE = frozenset(("pre", "script", "style", "textarea"))
_BLOCK = frozenset((
    "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
    "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
    "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
    "optgroup", "option", "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "title", "tr", "track", "ul",
))
_START = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:[\s/>]|$)")
_SKIP = _CODE | {"template", "title", "head"}  # (what a reader never sees as text)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_CODE_SPAN = frozenset(("code", "tt", "samp"))
_STRUCK = frozenset(("del", "s", "strike"))


def starts_block(line: str) -> bool:
    """Whether ``line`` (unindented) opens an HTML block: a block-level or code tag, opening or closing."""
    m = _START.match(line)
    return m is not None and (m.group(1).lower() in _BLOCK or m.group(1).lower() in _CODE)


class _Reader(HTMLParser):
    """The blocks of one HTML block, as :func:`occ_lib._markdown.blocks` yields them (``"p"`` for any
    paragraph: the caller tells one that opens with its time)."""

    def __init__(self, lines: list[str], first: int, last_close: dict[str, int]) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = lines
        self.last_close = last_close  # code tag -> index of the last line closing one (-1: none)
        self.first = first  # the file's 1-based line of the first line fed
        self.out: list[tuple] = []
        self.buf: list | None = None  # [tag, line, depth or level, parts, task]
        self.lists = 0  # open <ul>/<ol>
        self.li: list[int] = []  # depths of the open <li>
        self.quote = 0  # open <blockquote>
        self.skip: str | None = None  # the code element open (its text is none)
        self.skip_depth = 0
        self.table: list | None = None  # [line, headers or None, rows]
        self.row: list | None = None  # [line, cells, all cells are <th>]
        self.cell: list[str] | None = None  # the open cell's parts
        self.cell_th = False
        self.nested = 0  # tables open inside a cell (their text is the cell's)
        self.links: list[tuple[list[str], int, str]] = []  # open <a>: (parts, where it opened, href)

    # -- state the line reader asks about ------------------------------------------------------
    def holds_text(self) -> bool:
        """Whether an element whose text may run on to the next line is open (or a tag is cut)."""
        return self.buf is not None or self.cell is not None or self.skip is not None or bool(self.rawdata)

    def in_rows(self) -> bool:
        """Whether a table or a list is open (its next element may come after a blank line)."""
        return self.table is not None or self.lists > 0

    # -- parser callbacks ------------------------------------------------------------------------
    def _line(self, data: str = "") -> int:
        line = self.getpos()[0]
        if data:
            line += data.count("\n", 0, len(data) - len(data.lstrip()))
        return self.first + line - 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip is not None:
            self.skip_depth += tag == self.skip
            return
        if tag in _SKIP and self._closes(tag):
            if self.buf is not None and self.buf[0] != "i" and self.cell is None:
                self._flush()  # (code inside a list item is part of it: the item goes on after it)
            self.skip, self.skip_depth = tag, 1
            return
        if self.cell is not None:
            self._in_cell_start(tag, attrs)
            return
        if self.table is not None and tag not in ("tr", "td", "th", "table"):
            return  # (a caption, <thead>, <tbody>: no rows)
        if tag in _HEADINGS:
            if self._separates():
                return
            self._flush()
            self.buf = ["h", self._line(), _HEADINGS[tag], [], ""]
        elif tag == "li":
            self._flush()
            depth = max(self.lists - 1, 0)
            while self.li and self.li[-1] >= depth:
                self.li.pop()
            self.li.append(depth)
            self.buf = ["i", self._line(), depth, [], ""]
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists += 1
        elif tag == "table":
            self._flush()
            self._end_table()
            self.table = [self._line(), None, []]
        elif tag == "tr":
            self._flush()
            self._start_row()
        elif tag in ("td", "th"):
            self._flush()
            if self.row is None:
                self._start_row()
            self.cell, self.cell_th = [], tag == "th"
        elif tag in _BLOCK or tag in _CODE:
            if self._separates():
                return
            self._flush()
            if tag == "blockquote":
                self.quote += 1
            elif tag in ("p", "summary", "dt", "dd", "figcaption", "legend") or tag in _CODE:
                self.buf = ["p", self._line(), 0, [], ""]
        elif self.buf is not None:
            self._inline_start(self.buf[3], tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.skip is not None:
            if tag == self.skip:
                self.skip_depth -= 1
                if not self.skip_depth:
                    self.skip = None
            return
        if self.cell is not None:
            self._in_cell_end(tag)
            return
        if tag in ("tr", "table"):
            self._end_row()
            if tag == "table":
                self._end_table()
        elif self.table is not None:
            return
        elif tag == "li" or tag in _HEADINGS:
            self._flush()
            if tag == "li" and self.li:
                self.li.pop()
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists = max(self.lists - 1, 0)
            while self.li and self.li[-1] >= self.lists:
                self.li.pop()
        elif tag in _BLOCK or tag in _CODE:
            if self._separates():
                return
            self._flush()
            if tag == "blockquote":
                self.quote = max(self.quote - 1, 0)
        elif self.buf is not None:
            self._inline_end(self.buf[3], tag)

    def handle_data(self, data: str) -> None:
        if self.skip is not None:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.table is not None:
            return  # (text between rows: a caption's, or layout)
        elif self.buf is not None:
            self.buf[3].append(data)
        elif data.strip():
            line = self._line(data)
            self.buf = ["i", line, self.li[-1], [data], ""] if self.li else ["p", line, 0, [data], ""]

    # -- helpers -----------------------------------------------------------------------------------
    def _closes(self, tag: str) -> bool:
        """Whether the element ``tag`` (code, or text no reader sees) opened here is closed further
        down: an unclosed ``<pre>`` is no code (its text is a paragraph), as an unclosed fence is
        none, and an unclosed ``<head>`` hides nothing after it."""
        last = self.last_close.get(tag)
        if last is None:  # (found once per document, from its end: many <pre> cost one scan)
            end = "</" + tag
            last = next((k for k in range(len(self.lines) - 1, -1, -1) if end in self.lines[k].lower()), -1)
            self.last_close[tag] = last
        return last >= self._line() - 1

    def _separates(self) -> bool:
        """Whether a block tag inside a list item or a heading only separates its words ('<li><p>...')."""
        if self.buf is not None and self.buf[0] in "ih":
            self.buf[3].append(" ")
            return True
        return False

    def _inline_start(self, parts: list[str], tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            parts.append("; ")
        elif tag in _CODE_SPAN:
            parts.append("`")
        elif tag in _STRUCK:
            parts.append("~~")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append((parts, len(parts), href if "://" in href else ""))
        elif tag == "input" and self.buf is not None and self.buf[0] == "i" and not "".join(parts).strip():
            a = dict(attrs)
            if (a.get("type") or "").lower() == "checkbox":
                self.buf[4] = "done" if "checked" in a else "open"
        elif tag in _BLOCK:
            parts.append(" ")

    def _inline_end(self, parts: list[str], tag: str) -> None:
        if tag in _CODE_SPAN:
            parts.append("`")
        elif tag in _STRUCK:
            parts.append("~~")
        elif tag == "a" and self.links:
            owner, at, href = self.links.pop()
            text = "".join(owner[at:]).strip()
            if owner is parts and href and text and text != href:
                parts.insert(at, "[")
                parts.append(f"]({href})")

    def _in_cell_start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert self.cell is not None
        if tag == "table":
            self.nested += 1
        elif not self.nested and tag in ("td", "th"):
            self._end_cell()
            self.cell, self.cell_th = [], tag == "th"
            return
        elif not self.nested and tag == "tr":
            self._end_row()
            self._start_row()
            return
        if tag in _BLOCK or tag == "table":
            self.cell.append(" ")
        else:
            self._inline_start(self.cell, tag, attrs)

    def _in_cell_end(self, tag: str) -> None:
        assert self.cell is not None
        if tag == "table" and self.nested:
            self.nested -= 1
            self.cell.append(" ")
        elif not self.nested and tag in ("td", "th"):
            self._end_cell()
        elif not self.nested and tag in ("tr", "table"):
            self._end_row()
            if tag == "table":
                self._end_table()
        elif tag in _BLOCK:
            self.cell.append(" ")
        else:
            self._inline_end(self.cell, tag)

    def _flush(self) -> None:
        b, self.buf = self.buf, None
        if b is None:
            return
        text = " ".join("".join(b[3]).split())
        if b[0] == "h":
            self.out.append(("h", b[1], b[2], text))
        elif b[0] == "i" or (text and not self.quote):
            self.out.append((b[0], b[1], b[2], text, b[4]))

    def _start_row(self) -> None:
        self._end_row()
        if self.table is None:
            self.table = [self._line(), None, []]
        self.row = [self._line(), [], True]

    def _end_cell(self) -> None:
        if self.cell is None or self.row is None:
            self.cell = None
            return
        self.row[1].append(" ".join("".join(self.cell).split()))
        self.row[2] = self.row[2] and self.cell_th
        self.cell = None
        self.nested = 0

    def _end_row(self) -> None:
        self._end_cell()
        row, self.row = self.row, None
        if row is None or not row[1] or self.table is None:
            return
        if row[2] and self.table[1] is None and not self.table[2]:
            self.table[1] = row[1]  # (a first row of <th> cells: the header)
        else:
            self.table[2].append((row[0], row[1]))

    def _end_table(self) -> None:
        self._end_row()
        table, self.table = self.table, None
        if table is None or (table[1] is None and not table[2]):
            return
        headers = table[1] or []
        width = max([len(headers)] + [len(cells) for _, cells in table[2]])
        self.out.append(("t", table[0], headers + [""] * (width - len(headers)), table[2]))

    def finish(self) -> list[tuple]:
        if "<" in self.rawdata:
            self.rawdata = _defused(self.rawdata)
        self.close()
        self._flush()
        self._end_table()
        return self.out


# a tag or comment left open this long is no markup (a stray '<td' over a pasted dump): the block
# ends, and the parser's rescans of it stay short
_OPEN_MAX = 4096


def _defused(raw: str) -> str:
    """What the parser has left at the end of a block, with each ``<`` that opens a construct never
    closed written as ``&lt;`` (the text it would be read as): at its end the parser searches the
    rest for each one's close, and thousands of them ('<!--' * 10**5, a dump's '</' runs) cost
    their number times the rest."""
    gt = raw.rfind(">")
    if "<" in raw[gt + 1:]:
        raw = raw[: gt + 1] + raw[gt + 1:].replace("<", "&lt;")
    for opener, closer in (("<!--", "-->"), ("<![", "]>")):
        k = raw.rfind(closer) + 1
        if opener in raw[k:]:
            raw = raw[:k] + raw[k:].replace(opener, "&lt;" + opener[1:])
    return raw


def read_block(
    lines: list[str], i: int, n: int, last_close: dict[str, int] | None = None
) -> tuple[list[tuple], int] | None:
    """The blocks of the HTML block that opens at ``lines[i]`` and the index of the line after it
    (``last_close``: the document's cache of where its code elements close); None when the parser
    gives up on it (``<![foo[``: the line is then read as markdown, as before)."""
    r = _Reader(lines, i + 1, {} if last_close is None else last_close)
    try:
        r.feed(lines[i] + "\n")
        j = i + 1
        while j < n:
            t = lines[j].lstrip()
            if not t:
                # (code runs to its closing tag, which _Reader.skip is only set for)
                if r.skip is None and not (r.in_rows() and _next_opens_tag(lines, j + 1, n)):
                    break
            elif (t[0] != "<" and not r.holds_text()) or len(r.rawdata) > _OPEN_MAX:
                break
            r.feed(lines[j] + "\n")
            j += 1
        return r.finish(), j
    except (AssertionError, ValueError, IndexError):  # (the stdlib parser's own errors on odd input)
        return None


def _next_opens_tag(lines: list[str], j: int, n: int) -> bool:
    """Whether the next line that is not blank, from ``lines[j]``, opens with a tag."""
    while j < n:
        t = lines[j].lstrip()
        if t:
            return t[0] == "<"
        j += 1
    return False
