"""Round 12 (ev): cron files imported as one row by versions before, cut runs, 'curl; date' runs, date
lines of 'date +%s', 'date "+%F %T"' and other locales."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from occ_lib import evidence
from occ_lib.evidence import read_evidence
from occ_lib.store import load_probes
from tests.evidence_rows import CRON, MORE
from tests.evidence_rows import occ_in as _occ
from tests.evidence_rows import timed_rows as _rows
from tests.evidence_rows import workspace as _workspace

# 'curl -sI URL; date' every five minutes: each run's response, then its date line
AFTER = (
    "HTTP/1.1 200 OK\n"
    "Content-Type: text/html\n"
    "\n"
    "Fri Oct 10 07:00:00 UTC 2025\n"
    "HTTP/1.1 503 Service Unavailable\n"
    "\n"
    "Fri Oct 10 07:05:00 UTC 2025\n"
)


def _stored(tmp_path: Path) -> list[tuple[str, int | None, str]]:
    df = load_probes(tmp_path / "data").sort_values(["started_at", "status"])
    cols = df[["started_at", "status", "time_source"]]
    return [(t.isoformat(), s, src) for t, s, src in cols.itertuples(index=False)]


def _imported_as_one_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evidence, "_date_line", lambda text: None)  # (what versions before read)
    assert _occ(tmp_path, "import").stdout == "imported 1 rows from 1 files; 0 already imported; 0 skipped\n"
    monkeypatch.undo()


# 1: a file of runs a version before imported as one row ------------------------------------------
def test_a_cron_file_imported_as_one_row_before_adds_only_the_other_runs(tmp_path, monkeypatch):
    art = _workspace(tmp_path)
    p = art / "probe.log"
    p.write_text(CRON + MORE)
    os.utime(p, (1760100000, 1760100000))  # (a whole second: the key is the path's form)
    _imported_as_one_row(tmp_path, monkeypatch)
    assert _stored(tmp_path) == [("2025-10-10T12:40:00+00:00", 200, "mtime")]  # (the first run's answer)
    again = _occ(tmp_path, "import")
    assert again.stdout == "imported 2 rows from 1 files; 0 already imported; 0 skipped\n"
    assert _stored(tmp_path) == [
        ("2025-10-10T07:05:00+00:00", 503, "date_line"),
        ("2025-10-10T07:10:00+00:00", 204, "date_line"),
        ("2025-10-10T12:40:00+00:00", 200, "mtime"),  # (the first run, stored once)
    ]
    assert _occ(tmp_path, "import").stdout == "imported 0 rows from 0 files; 1 already imported; 0 skipped\n"


def test_a_cron_file_that_grew_since_its_one_row_import_adds_its_other_runs(tmp_path, monkeypatch):
    art = _workspace(tmp_path)
    p = art / "probe.log"
    p.write_text(CRON.replace("Content-Type: text/html\n", "Date: Fri, 10 Oct 2025 07:00:01 GMT\n"))
    _imported_as_one_row(tmp_path, monkeypatch)
    with p.open("a") as f:
        f.write(MORE)
    assert _occ(tmp_path, "import").stdout == "imported 2 rows from 1 files; 0 already imported; 0 skipped\n"
    assert _stored(tmp_path) == [
        ("2025-10-10T07:00:01+00:00", 200, "date_header"),  # (stored by the version before)
        ("2025-10-10T07:05:00+00:00", 503, "date_line"),
        ("2025-10-10T07:10:00+00:00", 204, "date_line"),
    ]


def test_a_verbose_cron_file_imported_as_one_row_stood_for_its_last_run(tmp_path, monkeypatch):
    art = _workspace(tmp_path)
    p = art / "probe_20251010T071000Z.log"
    p.write_text("Fri Oct 10 07:00:00 UTC 2025\n< HTTP/1.1 200 OK\n< Server: a\n<\n"
                 "Fri Oct 10 07:05:00 UTC 2025\n< HTTP/1.1 503 Service Unavailable\n< Server: a\n<\n")
    _imported_as_one_row(tmp_path, monkeypatch)
    assert _stored(tmp_path) == [("2025-10-10T07:10:00+00:00", 503, "filename")]  # (-v: the last answer)
    assert _occ(tmp_path, "import").stdout == "imported 1 rows from 1 files; 0 already imported; 0 skipped\n"
    assert _stored(tmp_path) == [
        ("2025-10-10T07:00:00+00:00", 200, "date_line"),
        ("2025-10-10T07:10:00+00:00", 503, "filename"),
    ]


# 2: a run cut short --------------------------------------------------------------------------------
def test_a_trailing_date_line_imports_the_complete_runs_and_exits_1(tmp_path):
    art = _workspace(tmp_path)
    (art / "probe.log").write_text(CRON + "Fri Oct 10 07:10:00 UTC 2025\n")
    r = _occ(tmp_path, "import")
    assert r.exit_code == 1
    assert r.stdout == "imported 2 rows from 1 files; 0 already imported; 0 skipped\n"
    assert r.stderr == ("occ: artifacts/probe.log:9: no HTTP status line (HTTP/1.0, 1.1, 2 or 3) "
                        "after this date line\n")
    assert _stored(tmp_path) == [
        ("2025-10-10T07:00:00+00:00", 200, "date_line"), ("2025-10-10T07:05:00+00:00", 503, "date_line")]


# 3: 'curl -sI URL; date' runs ------------------------------------------------------------------------
def test_each_run_before_its_date_line_is_a_row_timed_by_it(tmp_path):
    p = tmp_path / "probe.log"
    p.write_text(AFTER)
    os.utime(p, (1760100000, 1760100000))
    assert _rows(p) == [
        ("2025-10-10T07:00:00+00:00", 200, "up", "date_line"),
        ("2025-10-10T07:05:00+00:00", 503, "down", "date_line"),
    ]


def test_a_response_after_the_last_date_line_is_a_cut_run(tmp_path):
    p = tmp_path / "probe.log"
    p.write_text(AFTER + "HTTP/1.1 204 No Content\n\n")
    df, problems = read_evidence([p])
    assert df["status"].tolist() == [200, 503]
    assert [str(x) for x in problems] == [
        f"{p}:8: a run without the date line that follows each run's response (cut short, or still running)"]


def test_curl_then_date_runs_import_once_and_the_next_run_alone_later(tmp_path):
    art = _workspace(tmp_path)
    p = art / "probe.log"
    p.write_text(AFTER)
    assert _occ(tmp_path, "import").stdout == "imported 2 rows from 1 files; 0 already imported; 0 skipped\n"
    with p.open("a") as f:
        f.write("HTTP/1.1 204 No Content\n\n")
    cut = _occ(tmp_path, "import")
    assert (cut.exit_code, cut.stdout) == (1, "imported 0 rows from 0 files; 1 already imported; 0 skipped\n")
    with p.open("a") as f:
        f.write("Fri Oct 10 07:10:00 UTC 2025\n")
    assert _occ(tmp_path, "import").stdout == "imported 1 rows from 1 files; 0 already imported; 0 skipped\n"
    assert _stored(tmp_path)[-1] == ("2025-10-10T07:10:00+00:00", 204, "date_line")


# 4: date lines of other shapes -------------------------------------------------------------------------
@pytest.mark.parametrize(("first", "second", "source"), [
    ("1760080738", "1760081038", "date_line"),  # date +%s
    ("2025-10-10 07:18:58", "2025-10-10 07:23:58", "date_line_utc"),  # date '+%F %T': no zone, UTC
    ("ven. 10 oct. 2025 07:18:58 UTC", "ven. 10 oct. 2025 07:23:58 UTC", "date_line"),  # fr_FR
    ("Fr 10. Okt 07:18:58 UTC 2025", "Fr 10. Okt 07:23:58 UTC 2025", "date_line"),  # de_DE
    ("Fr 10. Okt 09:18:58 CEST 2025", "Fr 10. Okt 09:23:58 CEST 2025", "date_line"),  # de_DE, Berlin
    ("vie 10 oct 2025 07:18:58 UTC", "vie 10 oct 2025 07:23:58 UTC", "date_line"),  # es_ES
])
def test_date_lines_of_other_forms_time_their_runs(tmp_path, first, second, source):
    p = tmp_path / "probe.log"
    p.write_text(f"{first}\nHTTP/1.1 200 OK\n\n{second}\nHTTP/1.1 500 Internal Server Error\n\n")
    assert _rows(p) == [
        ("2025-10-10T07:18:58+00:00", 200, "up", source),
        ("2025-10-10T07:23:58+00:00", 500, "down", source),
    ]


@pytest.mark.parametrize("line", [
    "Xy 10. Okt 07:18:58 UTC 2025",  # (no day's abbreviation)
    "Fr 10. Foo 07:18:58 UTC 2025",  # (no month's)
    "Fr 10. Okt 2025 07:18:58 UTC 2025",  # (two years)
    "0999999999",  # (before 2001: no date +%s today)
])
def test_lines_like_date_lines_are_none(line):
    assert evidence._date_line(line) is None


# 5: a cron job's 'curl -s -o /dev/null -w "%{http_code} %{time_total}\n" URL' after each date line ---------
CODES = (
    "Fri Oct 10 07:00:00 UTC 2025\n200 0.412\n"
    "Fri Oct 10 07:05:00 UTC 2025\n503 1.210\n"
    "Fri Oct 10 07:10:00 UTC 2025\n000 10.001\n"
    "Fri Oct 10 07:15:00 UTC 2025\n"
    "curl: (28) Operation timed out after 10001 milliseconds with 0 bytes received\n"
    "000 10.001\n"
)


def test_write_out_lines_after_date_lines_are_runs(tmp_path):
    p = tmp_path / "probe.log"
    p.write_text(CODES)
    df, problems = read_evidence([p])
    assert problems == []
    cols = df[["started_at", "status", "outcome", "error", "error_message", "elapsed_ms", "time_source"]]
    got = [tuple(None if v is pd.NA or v != v else v for v in r) for r in cols.itertuples(index=False)]
    at = pd.Timestamp
    assert got == [
        (at("2025-10-10T07:00:00Z"), 200, "up", None, None, 412.0, "date_line"),
        (at("2025-10-10T07:05:00Z"), 503, "down", "unexpected_status", "HTTP 503", 1210.0, "date_line"),
        (at("2025-10-10T07:10:00Z"), None, "down", "protocol", "curl -w: no response (http_code 000)",
         10001.0, "date_line"),
        (at("2025-10-10T07:15:00Z"), None, "down", "timeout",
         "curl: (28) Operation timed out after 10001 milliseconds with 0 bytes received", 10001.0,
         "date_line"),
    ]


def test_a_folder_s_cron_file_of_status_codes_is_evidence(tmp_path):
    art = _workspace(tmp_path)
    (art / "probe.log").write_text("Fri Oct 10 07:00:00 UTC 2025\n200\nFri Oct 10 07:05:00 UTC 2025\n503\n")
    (art / "notes.log").write_text("Fri Oct 10 07:00:00 UTC 2025\ndeploy went fine\n")
    r = _occ(tmp_path, "import")
    assert (r.exit_code, r.stdout) == (0, "imported 2 rows from 1 files; 0 already imported; 0 skipped\n")
    assert _stored(tmp_path) == [
        ("2025-10-10T07:00:00+00:00", 200, "date_line"), ("2025-10-10T07:05:00+00:00", 503, "date_line")]


def test_a_body_that_ends_with_a_time_is_one_transcript(tmp_path):
    p = tmp_path / "probe.log"
    p.write_text("HTTP/1.1 200 OK\nContent-Type: text/plain\n\nlast deploy:\n2025-10-10 07:18:58\n")
    os.utime(p, (1760100000, 1760100000))
    assert _rows(p) == [("2025-10-10T12:40:00+00:00", 200, "up", "mtime")]


def test_one_run_closed_by_its_date_line_is_timed_by_it(tmp_path):
    p = tmp_path / "probe.log"
    p.write_text("HTTP/1.1 204 No Content\n\nFri Oct 10 07:00:00 UTC 2025\n")
    assert _rows(p) == [("2025-10-10T07:00:00+00:00", 204, "up", "date_line")]


def test_curl_then_date_runs_imported_as_one_row_before_add_the_other_runs(tmp_path, monkeypatch):
    art = _workspace(tmp_path)
    p = art / "probe.log"
    p.write_text(AFTER)
    os.utime(p, (1760100000.25, 1760100000.25))  # (a fraction of a second: the key is stamped)
    _imported_as_one_row(tmp_path, monkeypatch)
    os.utime(p, (1760100060.5, 1760100060.5))  # (touched since)
    assert _occ(tmp_path, "import").stdout == "imported 1 rows from 1 files; 0 already imported; 0 skipped\n"
    assert _stored(tmp_path) == [
        ("2025-10-10T07:05:00+00:00", 503, "date_line"),
        ("2025-10-10T12:40:00.250000+00:00", 200, "mtime"),
    ]
