"""Round 18, parser speed (PERF): the rewritten helpers and gates give the answers the old ones gave.

A document's zone is read from its text without the heading lines, now cut by one scan for a newline
before '##' (leading heading lines, which no newline precedes, cut first) instead of a line-by-line
loop; the decode step counts CR LF pairs only when the text holds a CR; a 24-hour log's military hours
('1430hrs') and its '24-hour' are found by a pattern that opens with the digit, not a look-behind, and
the document's prose is joined and lowered once; the Wi-Fi word of the code-secret gate is a class
pattern with the letters' cases written out ('i' also as the dotted and dotless ones IGNORECASE reads);
a text's references are searched once (from the first found, or not at all when none is, unless a
link was unlinked); an item is searched for keys written in another case only when it writes a key's
head and '-' in another case than the key's, a digit after it (ASCII items; others as before); web
addresses and paths are searched for in each word that holds a '/' or a '.', not from the first such
word to the last. Each expectation below is what the old code gave.
"""

from __future__ import annotations

import re

import pytest

from occ_lib._extract import _HOST_PATH, _host_paths, known_case
from occ_lib._markdown import decode
from occ_lib._subjects import references
from occ_lib.logs import _without_headings, parse_logs
from occ_lib.redact import _WIFI_WORD
from occ_lib.times import is_clock24


def _line_filter(text: str) -> str:
    """The old reading: the lines not opening with '##' after spaces, joined."""
    return "\n".join(ln for ln in text.split("\n") if not ln.lstrip(" ").startswith("##"))


@pytest.mark.parametrize("text, kept", [
    ("## Tokyo (times JST)\nAll times in PDT.\n## x", "All times in PDT."),
    ("  ## a\n## b\nbody\n   ## c\nend", "body\nend"),
    ("## only\n## headings", ""),
    ("\n## h\nx", "\nx"),
    ("a\n\t## tab kept\n#single\n###deeper\ny##", "a\n\t## tab kept\n#single\ny##"),
    ("body\n## last", "body"),
    ("body\n## last\n", "body\n"),
    ("", ""),
])
def test_headings_cut_as_the_line_filter_cut_them(text: str, kept: str) -> None:
    assert _without_headings(text) == kept
    assert _line_filter(text) == kept


@pytest.mark.parametrize("body, tz", [
    ("## Notes (all times JST)\nAll times in PDT.\n## Other\n- x\n", ["America/Los_Angeles", True]),
    # (no heading after the first: the text is read whole, as before)
    ("## Notes (all times JST)\n\n- x\n", ["Asia/Tokyo", True]),
    ("  ## Notes (all times JST)\n## More (times CET)\nbody\n## Later\nTimes in PDT\n",
     ["America/Los_Angeles", True]),
    ("## A (all times JST)\n## B (times CET)\n", ["UTC", False]),
])
def test_document_zone_without_its_heading_lines(body: str, tz: list) -> None:
    docs = parse_logs([("a.md", body)]).docs
    assert [docs["tz"][0], bool(docs["tz_declared"][0])] == tz


@pytest.mark.parametrize("data, newline, lines", [
    ("a\r\nb\r\n", "CRLF", ["a", "b"]),
    ("a\nb\n", "LF", ["a", "b"]),
    ("a", None, ["a"]),
    ("a\rb\r", "CR", ["a", "b"]),
    ("a\r\nb\nc", "mixed", ["a", "b", "c"]),
    (b"x\r\ny", "CRLF", ["x", "y"]),
])
def test_newlines_counted_only_with_a_cr(data: str | bytes, newline: str | None, lines: list[str]) -> None:
    got = decode(data)
    assert (got.newline, got.lines) == (newline, lines)


@pytest.mark.parametrize("text, clock24", [
    ("1430hrs start", True),
    ("x1430hrs", False),  # (glued to a word)
    ("/1430hrs", False),
    ("2330 hrs", True),
    ("2430h", False),  # (no hour 24)
    ("0800h", True),
    ("1\u066430hrs", True),  # (the second digit any decimal digit, as '\\d' reads it)
    ("\u0661430hrs", False),  # (the first an ASCII one)
    ("All times Central (24-hour, local)", True),
    ("24hr times", False),
    ("a24h times", False),
])
def test_clock24_as_before(text: str, clock24: bool) -> None:
    assert [is_clock24(text), is_clock24(text, text.lower())] == [clock24, clock24]


def test_wifi_word_reads_what_the_case_blind_pattern_read() -> None:
    blind = re.compile(r"(?i)wi-?fi")
    words = ["wifi", "WiFi", "Wi-Fi", "WI-FI", "w\u0130f\u0131", "w\u0131-f\u0130", "wlfi", "wi--fi",
             "\u017fwifi", "w i fi", "notification"]
    assert [bool(_WIFI_WORD.search(w)) for w in words] == [bool(blind.search(w)) for w in words] == [
        True, True, True, True, True, True, False, False, True, False, False,
    ]


@pytest.mark.parametrize("text, owned, refs", [
    ("OPS-1 fixed (see also OPS-2)", ["OPS-1", "OPS-2"], ["OPS-2"]),
    # (no reference's word: what holds more is still read)
    ("OPS-3 has the notes; OPS-4 done", ["OPS-3", "OPS-4"], ["OPS-3"]),
    # (a link unlinked: searched anew)
    ("[see OPS-2](https://x.example/y) OPS-1 fixed", ["OPS-1", "OPS-2"], ["OPS-2"]),
    ("OPS-7 deployed from main; dup of OPS-8", ["OPS-7", "OPS-8"], ["OPS-8"]),
    ("OPS-9 fixed, OPS-10 fixed", ["OPS-9", "OPS-10"], []),
    ("as[in](x) OPS-11 and OPS-12", ["OPS-11", "OPS-12"], []),
    ("OPS-13 is now OPS-14; see OPS-15", ["OPS-13", "OPS-14", "OPS-15"], ["OPS-15"]),
])
def test_references_searched_once(text: str, owned: list[str], refs: list[str]) -> None:
    assert references(text, owned) == refs


@pytest.mark.parametrize("texts, known, keyed", [
    (["Pinged #deploy-ops about DEPLOY-147", "ops-885 and Deploy-147 fixed", "occ-inf-221 x"],
     {"DEPLOY-147", "OPS-885", "OCC-INF-221"},
     ["Pinged #deploy-ops about DEPLOY-147", "OPS-885 and DEPLOY-147 fixed", "OCC-INF-221 x"]),
    # (a head's mark with no digit after it, or the key as the document writes it: not searched)
    (["Pinged #deploy-ops about DEPLOY-147", "nothing"], {"DEPLOY-147"},
     ["Pinged #deploy-ops about DEPLOY-147", "nothing"]),
    # (text that is not ASCII: searched as before)
    (["\u0130 deploy-147 and #deploy-ops", "DEPLOY-147"], {"DEPLOY-147"},
     ["\u0130 DEPLOY-147 and #deploy-ops", "DEPLOY-147"]),
    (["x-OPS-12 and Occ-Inf-221, #occ-inf-x", "OCC-INF-221"], {"X-OPS-12", "OCC-INF-221"},
     ["X-OPS-12 and OCC-INF-221, #occ-inf-x", "OCC-INF-221"]),
    # (the mark that opens the search is DEPLOY's; the key changed is OPS-7's: every key's mark is asked)
    (["see #deploy-ops, ops-7 here", "OPS-7"], {"DEPLOY-147", "OPS-7"},
     ["see #deploy-ops, OPS-7 here", "OPS-7"]),
])
def test_known_case_searches_items_with_a_key_after_a_mark(
    texts: list[str], known: set[str], keyed: list[str]
) -> None:
    assert known_case(texts, known) == keyed


@pytest.mark.parametrize("text", [
    "QA/product/support can follow the readiness dashboard without manual intervention.",
    "see status.example.com/incidents/42 and ~/bin/fix.sh\tthen a.b.c\u00a0x/y ../a/b",
    "Sr.Eng.Manager ok; grafana.acme.IO up;  two  spaces ./x/y. end/",
    "no dot or slash",
])
def test_host_paths_searched_word_by_word(text: str) -> None:
    assert _host_paths(text) == [m.span() for m in _HOST_PATH.finditer(text)]
