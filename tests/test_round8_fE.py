"""Round 8 (fE), evidence import (occ_lib/evidence.py):

1. util-linux ``script`` recordings (real captures in ``fixtures/round8_fE``): the header's ``COMMAND`` is
   the command, its time the rows' (``time_source`` ``script``) when the file name has no stamp, the
   footer's ``COMMAND_EXIT_CODE`` curl's exit code when ``-s`` hid the error;
2. a one-line ``for`` loop of ``curl -w`` gives one row per pass;
3. a BEL ending a window title (``ESC]0;user@host: ~ BEL``) is no binary byte: a recording in Latin-1 or
   one whose first title comes after a response was lost or cut short;
4. tidy (same rows): one definition of a stamp's time without a ``T``, one key-stamp formatter;
5. speed (same rows): the redacted path and the name's stamp once per file, not once per row.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from occ_lib import _stamps, evidence, times
from occ_lib.evidence import (
    _key_stamp,
    _name_without_stamp,
    _stamp,
    _terminal_lines,
    import_evidence,
    problem_line,
    read_evidence,
)

FIXTURES = Path(__file__).parent / "fixtures" / "round8_fE"
DEC1 = 1764547200  # 2025-12-01T00:00:00Z, a whole-second mtime, should a row fall to it
FIELDS = ["url", "method", "status", "outcome", "error", "error_message", "elapsed_ms", "started_at",
          "time_source"]
HEALTH = "http://127.0.0.1:18765/health"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def place(tmp_path: Path, fixture: str, name: str | None = None, text: bytes | None = None) -> Path:
    p = tmp_path / (name or fixture)
    if text is None:
        shutil.copyfile(FIXTURES / fixture, p)
    else:
        p.write_bytes(text)
    os.utime(p, (DEC1, DEC1))
    return p


def rows(paths: list[Path], cols: list[str] = FIELDS) -> tuple[list[list], list[str]]:
    df, problems = read_evidence(paths, root=paths[0].parent)
    got = [[None if pd.isna(v) else (v.isoformat() if hasattr(v, "isoformat") else v) for v in r]
           for r in df[cols].astype(object).itertuples(index=False)]
    return got, [problem_line(p).removeprefix(str(paths[0].parent) + "/") for p in problems]


# --- 1: script recordings -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("script_head.log", [["http://127.0.0.1:18765/x", "HEAD", 200, "up", None, None, None,
                              "2026-12-01T10:43:21+00:00", "script"]]),
        ("script_notty.log", [["http://127.0.0.1:18765/x", "HEAD", 200, "up", None, None, None,
                               "2026-12-01T10:43:18+00:00", "script"]]),
        ("script_w.log", [[HEALTH, "GET", 200, "up", None, None, 2.151, "2026-12-01T10:44:00+00:00",
                           "script"]]),
        # (curl -s printed nothing: the footer's exit code 7 is curl's 'could not connect')
        ("script_refused.log", [["http://127.0.0.1:1/x", "HEAD", None, "down", "connect",
                                 "curl: (7) exit code 7 (script's COMMAND_EXIT_CODE)", None,
                                 "2026-12-01T10:44:00+00:00", "script"]]),
        # (script -a: the first session's command from its header; the second an interactive bash whose
        # command was typed later, so its response's Date header times it)
        ("script_appended.log", [
            ["http://127.0.0.1:18765/x", "HEAD", 200, "up", None, None, None, "2026-12-01T10:51:47+00:00",
             "script"],
            ["http://127.0.0.1:18765/nope", "HEAD", 404, "down", "unexpected_status", "HTTP 404", None,
             "2026-12-01T10:51:48+00:00", "date_header"]]),
        # (an interactive session's -w output after bash's 'ESC[?2004l CR'; no Date header: the
        # session's time)
        ("session_w.log", [
            [HEALTH, "GET", 200, "up", None, None, 5.08, "2026-12-01T10:54:45+00:00", "script"],
            ["http://127.0.0.1:18765/nope", "GET", 404, "down", "unexpected_status", "HTTP 404", 6.056,
             "2026-12-01T10:54:45+00:00", "script"]]),
    ],
)
def test_script_recordings(tmp_path, fixture, expected):
    assert rows([place(tmp_path, fixture)]) == (expected, [])


def test_script_recording_keys_carry_the_header_time(tmp_path):
    p = place(tmp_path, "script_head.log")
    df, _ = read_evidence([p])
    # (the whole file is the item, as for any one-row transcript; the time is not the item's: '@' it)
    whole = (FIXTURES / "script_head.log").read_bytes().decode()
    assert list(df["evidence_key"]) == [sha(whole) + "#0@2026-12-01T10:43:21Z"]
    store = tmp_path / "data"
    assert import_evidence(store, [p]).imported_rows == 1
    assert import_evidence(store, [p]).imported_rows == 0


def test_a_stamp_in_the_file_name_comes_first(tmp_path):
    p = place(tmp_path, "script_head.log", "curl_x_2025-10-14T09-05-00Z.log")
    assert rows([p], ["url", "started_at", "time_source"]) == (
        [["http://127.0.0.1:18765/x", "2025-10-14T09:05:00+00:00", "filename"]], [])


def test_near_misses_of_script_recordings(tmp_path):
    # a compound command is no command line of its own (its output is two commands'), and its exit code
    # is not curl's: read as before
    assert rows([place(tmp_path, "script_two_commands.log")]) == (
        [], ["script_two_commands.log: not a curl transcript: no HTTP status line (HTTP/1.0, 1.1, 2 or 3)"])
    text = (FIXTURES / "script_w.log").read_bytes()
    # an exit code that is no failure of a probe (23: a write error) says nothing
    got, _ = rows([place(tmp_path, "w23.log", text=text.replace(b'CODE="0"', b'CODE="23"'))])
    assert got == [[HEALTH, "GET", 200, "up", None, None, 2.151, "2026-12-01T10:44:00+00:00", "script"]]
    # an older script's local time without a zone is no time: the mtime
    old = text.replace(b"2026-12-01 10:44:00+00:00", b"Tue 01 Dec 2026 10:44:00 AM")
    got, _ = rows([place(tmp_path, "old.log", text=old)])
    assert got == [[HEALTH, "GET", 200, "up", None, None, 2.151, "2025-12-01T00:00:00+00:00", "mtime"]]
    # an interactive session's response keeps its Date header (its command came after the header)
    got, _ = rows([place(tmp_path, "title_latin1.log")], ["url", "started_at", "time_source"])
    assert got == [["http://127.0.0.1:18766/x", "2026-12-01T10:51:46+00:00", "date_header"]]


# --- 2: for loops of curl -w --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("fixture", "elapsed", "at", "source"),
    [
        ("loop_plain.log", [3.511, 18.211, 5.836], "2025-12-01T00:00:00+00:00", "mtime"),
        ("loop_session.log", [8.118, 1.037, 1.088], "2026-12-01T10:45:00+00:00", "script"),
        ("script_loop.log", [4.068, 5.302, 2.523], "2026-12-01T10:45:05+00:00", "script"),
    ],
)
def test_a_loop_is_a_row_per_pass(tmp_path, fixture, elapsed, at, source):
    got, problems = rows([place(tmp_path, fixture)])
    assert problems == []
    assert got == [[HEALTH, "GET", 200, "up", None, None, e, at, source] for e in elapsed]


LOOP = ("$ for i in 1 2 3; do curl -sS -o /dev/null -w '%{http_code} %{time_total}\\n' "
        "http://127.0.0.1:8080/health; done\n")
REFUSED = "curl: (7) Failed to connect to 127.0.0.1 port 8080 after 0 ms: Couldn't connect to server\n"


def test_a_pass_that_failed_and_the_keys(tmp_path):
    text = LOOP + REFUSED + "000 0.000123\n200 0.012345\n200 0.012345\n"
    p = place(tmp_path, "loop_2025-10-14T09-00-00Z.log", text=text.encode())
    url = "http://127.0.0.1:8080/health"
    assert rows([p]) == ([
        [url, "GET", None, "down", "connect",
         "curl: (7) Failed to connect to 127.0.0.1 port 8080 after 0 ms: Couldn't connect to server", 0.123,
         "2025-10-14T09:00:00+00:00", "filename"],
        [url, "GET", 200, "up", None, None, 12.345, "2025-10-14T09:00:00+00:00", "filename"],
        [url, "GET", 200, "up", None, None, 12.345, "2025-10-14T09:00:00+00:00", "filename"],
    ], [])
    df, _ = read_evidence([p])
    # (a row's item: the loop's line and its pass's output; identical passes counted)
    assert list(df["evidence_key"]) == [
        sha(LOOP + REFUSED + "000 0.000123\n") + "#0@2025-10-14T09:00:00Z",
        sha(LOOP + "200 0.012345\n") + "#0@2025-10-14T09:00:00Z",
        sha(LOOP + "200 0.012345\n") + "#1@2025-10-14T09:00:00Z",
    ]


def test_a_loop_file_that_grew_adds_its_new_passes(tmp_path):
    store = tmp_path / "data"
    p = place(tmp_path, "loop_2025-10-14T09-00-00Z.log", text=(LOOP + "200 0.012345\n").encode())
    assert import_evidence(store, [p]).imported_rows == 1
    p.write_text(LOOP + "200 0.012345\n200 0.023456\n")
    assert import_evidence(store, [p]).imported_rows == 1


W = "-s -o /dev/null -w '%{http_code} %{time_total}\\n' http://127.0.0.1:8080/health"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # without -w the passes' output has no shape of its own: read as before (one row, no URL)
        ("$ for i in 1 2; do curl -sI http://127.0.0.1:8080/health; done\nHTTP/1.1 200 OK\n"
         "Date: Tue, 14 Oct 2025 09:00:01 GMT\n\nHTTP/1.1 503 Service Unavailable\n\n",
         ([[None, None, 200, "up", None, None, None, "2025-10-14T09:00:01+00:00", "date_header"]], [])),
        # a pipe, or no prompt (prose): no loop
        (f"$ for i in 1 2; do curl {W} | tee -a health.txt; done\n200 0.012345\n",
         ([], ["x.log: not a curl transcript: no HTTP status line (HTTP/1.0, 1.1, 2 or 3)"])),
        (f"for i in 1 2; do curl {W}; done\n200 0.012345\n",
         ([], ["x.log: not a curl transcript: no HTTP status line (HTTP/1.0, 1.1, 2 or 3)"])),
        # a loop whose passes printed nothing of the format
        (f"$ for i in 1 2; do curl {W}; done\nnothing here\n",
         ([], ["x.log: a curl loop without the output of its -w format"])),
    ],
)
def test_near_misses_of_loops(tmp_path, text, expected):
    assert rows([place(tmp_path, "x.log", text=text.encode())]) == expected


# --- 3: BEL-ended window titles --------------------------------------------------------------------------
D = "Date: Tue, 14 Oct 2025 10:15:01 GMT"
TITLED = ("user@host:~$ curl -sI http://127.0.0.1:8/x\nHTTP/1.1 200 OK\n" + D + "\n\n"
          "\x1b]0;user@host: caf\u00e9\x07user@host:~$ curl -sI http://127.0.0.1:8/y\n"
          "HTTP/1.1 503 NO\n" + D + "\n\n")


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_a_title_after_a_response_keeps_the_rest(tmp_path, encoding):
    # (UTF-8: cut at the title, the second command lost; Latin-1: 'binary file')
    got, problems = rows([place(tmp_path, "t.log", text=TITLED.encode(encoding))], ["url", "status"])
    assert (got, problems) == ([["http://127.0.0.1:8/x", 200], ["http://127.0.0.1:8/y", 503]], [])


def test_a_real_latin1_recording(tmp_path):
    got, problems = rows([place(tmp_path, "title_latin1.log")], ["url", "status", "h_server", "time_source"])
    assert problems == []
    assert got == [["http://127.0.0.1:18766/x", 200, "SimpleHTTP/0.6 Python/3.11.7", "date_header"]]


def test_latin1_with_colour_codes_is_text(tmp_path):
    text = "HTTP/1.1 200 OK\n\x1b[1mServer\x1b[0m: caf\u00e9\n" + D + "\n\n"
    got, _ = rows([place(tmp_path, "c.log", text=text.encode("latin-1"))], ["status", "h_server"])
    assert got == [[200, "caf\u00e9"]]


@pytest.mark.parametrize(
    "data",
    [
        ("caf\u00e9 \x07 ring\nHTTP/1.1 200 OK\n" + D + "\n\n").encode("latin-1"),  # (a BEL in no title)
        b"\x1b]0;title\x07HTTP/1.1 200 OK\n\ncaf\xe9\x00\x01",  # (NUL)
    ],
)
def test_other_control_bytes_are_still_binary(tmp_path, data):
    got, problems = rows([place(tmp_path, "b.log", text=data)], ["status"])
    assert got == []
    assert problems[0].startswith("b.log") and problems[0].endswith("binary file, not a transcript or JSON")


# --- 4: tidy ------------------------------------------------------------------------------------------------
def test_one_definition_of_a_stamp_time_without_a_t():
    assert _stamps.BARE_TIME in times._STAMP_RE.pattern
    assert _stamps.BARE_TIME in evidence._ZONE_AFTER_SEP.pattern
    assert _stamps.BARE_TIME in evidence._STAMP_IN_NAME.pattern


@pytest.mark.parametrize(
    ("name", "stamp", "bare"),
    [
        ("healthz_20251014_090500.log", "2025-10-14T09:05:00+00:00", "healthz"),
        ("healthz_20251014-0905_EDT.log", "2025-10-14T13:05:00+00:00", "healthz"),
        ("h_2025-10-14_09-15-00-EST.log", "2025-10-14T13:15:00+00:00", "h"),  # (EST: New York's, in DST)
        ("h_2025-10-14_09:20:00.log", "2025-10-14T09:20:00+00:00", "h"),
        ("h_2025-10-14_09-15:00.log", None, "h_2025-10-14_09-15:00"),  # (two separators: none)
        ("h_20251014_09-15-00.log", None, "h_20251014_09-15-00"),  # (HH-MM-SS after a dashed date only)
        ("build_12345678_123456.log", None, "build_12345678_123456"),
        ("h_2025-10-14_2025-10-15.log", None, "h_2025-10-14_2025-10-15"),
    ],
)
def test_stamps_without_a_t_unchanged(name, stamp, bare):
    got = _stamp(name)
    assert (got.isoformat() if got else None, _name_without_stamp(Path(name))) == (stamp, bare)


def test_key_stamp_and_terminal_lines():
    at = pd.Timestamp("2025-10-14T05:00:00-04:00")
    assert _key_stamp(at) == "2025-10-14T09:00:00Z"
    assert _key_stamp(at, "microseconds") == "2025-10-14T09:00:00.000000Z"
    assert _key_stamp(pd.Timestamp("2025-10-14T09:00:00.5Z")) == "2025-10-14T09:00:00.500000Z"
    assert _terminal_lines("a\r\r\nb\r\r\n") == (["a\r\n", "b\r\n"], [0, 2, 4])
    # (bash's CR before a command's output goes; a blank line's CR CR LF stays one empty line)
    assert _terminal_lines("$ x\r\n\x1b[?2004l\r200 0.1\r\n\r\r\n") == (["$ x\r\n", "200 0.1\r\n", "\r\n"],
                                                                       [0, 1, 3, 5])
    assert _terminal_lines("a\x1b[1m\n\nb\n") == (["a\n", "\n", "b\n"], None)


# --- 5: once per file ---------------------------------------------------------------------------------------
def test_path_and_stamp_once_per_file(tmp_path, monkeypatch):
    calls = {"redact_path": [], "_stamp": []}
    real_redact, real_stamp = evidence.redact_path, evidence._stamp
    monkeypatch.setattr(evidence, "redact_path", lambda s: calls["redact_path"].append(s) or real_redact(s))
    monkeypatch.setattr(evidence, "_stamp", lambda s: calls["_stamp"].append(s) or real_stamp(s))
    lines = [json.dumps({"url": f"https://api.example.com/h{i % 2}", "status": 200, "name": f"c{i % 2}"})
             for i in range(50)]
    p = place(tmp_path, "checks_2025-10-14T09-00-00Z.jsonl", text="\n".join(lines).encode())
    df, problems = read_evidence([p], root=tmp_path)
    assert problems == [] and len(df) == 50
    assert set(df["started_at"]) == {pd.Timestamp("2025-10-14T09:00:00Z")}
    assert sorted(calls["redact_path"]) == ["c0", "c1", "checks_2025-10-14T09-00-00Z.jsonl"]
    assert calls["_stamp"] == ["checks_2025-10-14T09-00-00Z.jsonl"]
    # (rows with their own time never read the name)
    calls["_stamp"].clear()
    timed = [json.dumps({"url": "https://api.example.com/h", "status": 200,
                         "checked_at": "2025-10-14T09:00:00Z"}) for _ in range(5)]
    q = place(tmp_path, "timed.jsonl", text="\n".join(timed).encode())
    assert len(read_evidence([q])[0]) == 5
    assert calls["_stamp"] == []
