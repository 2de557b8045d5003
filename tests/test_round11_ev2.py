"""Round 11 (ev2): cron files of appended runs, date lines in other zones, date lines beside a file
name's stamp."""

from __future__ import annotations

import os

import pytest

from occ_lib import evidence
from occ_lib.evidence import read_evidence
from tests.evidence_rows import CRON, MORE
from tests.evidence_rows import occ_in as _occ
from tests.evidence_rows import timed_rows as _rows
from tests.evidence_rows import workspace as _workspace


# 1: a cron job's appended runs, each after its date line -------------------------------------------
def test_each_appended_run_is_a_row_timed_by_its_date_line(tmp_path):
    p = tmp_path / "probe.log"
    p.write_text(CRON + MORE)
    os.utime(p, (1760100000, 1760100000))
    assert _rows(p) == [
        ("2025-10-10T07:00:00+00:00", 200, "up", "date_line"),
        ("2025-10-10T07:05:00+00:00", 503, "down", "date_line"),
        ("2025-10-10T07:10:00+00:00", 204, "up", "date_line"),  # (one run's redirects: its last response)
    ]


def test_a_run_with_a_date_header_takes_it(tmp_path):
    p = tmp_path / "probe.log"
    p.write_text(CRON + "Fri Oct 10 07:10:00 UTC 2025\nHTTP/1.1 200 OK\n"
                 "Date: Fri, 10 Oct 2025 07:10:01 GMT\n\n")
    assert _rows(p)[2] == ("2025-10-10T07:10:01+00:00", 200, "up", "date_header")


def test_a_date_line_without_output_after_it_is_named(tmp_path):
    p = tmp_path / "probe.log"
    p.write_text(CRON + "Fri Oct 10 07:10:00 UTC 2025\n")
    df, problems = read_evidence([p])
    assert df["status"].tolist() == [200, 503]
    assert [str(x) for x in problems] == [
        f"{p}:9: no HTTP status line (HTTP/1.0, 1.1, 2 or 3) after this date line"]


def test_a_curl_error_after_a_date_line_is_a_down_row(tmp_path):
    p = tmp_path / "probe.log"
    p.write_text(CRON + "Fri Oct 10 07:10:00 UTC 2025\n"
                 "curl: (7) Failed to connect to a.example port 443 after 2 ms: Connection refused\n")
    df, problems = read_evidence([p])
    assert problems == []
    assert df["error"].tolist()[2] == "connect"
    assert df["outcome"].tolist() == ["up", "down", "down"]


def test_date_lines_that_give_no_row_leave_the_file_one_transcript(tmp_path):
    p = tmp_path / "probe.log"
    p.write_text("Fri Oct 10 07:00:00 UTC 2025\nnothing\nFri Oct 10 07:05:00 UTC 2025\n")
    df, problems = read_evidence([p])
    assert df.empty
    assert [x.reason for x in problems] == [
        "not a curl transcript: no HTTP status line (HTTP/1.0, 1.1, 2 or 3)"]


def test_a_response_before_a_date_line_is_still_one_transcript(tmp_path):
    # ('curl -sI URL; date': the file does not open with a date line, it is read as before)
    p = tmp_path / "probe.log"
    p.write_text("HTTP/1.1 503 Service Unavailable\n\nFri Oct 10 07:00:00 UTC 2025\nHTTP/1.1 200 OK\n\n")
    os.utime(p, (1760100000, 1760100000))
    assert _rows(p) == [("2025-10-10T12:40:00+00:00", 503, "down", "mtime")]  # (as before: the first)


def test_appended_runs_import_once_and_the_next_run_alone_later(tmp_path):
    art = _workspace(tmp_path)
    p = art / "probe.log"
    p.write_text(CRON)
    first = _occ(tmp_path, "import")
    assert first.stdout == "imported 2 rows from 1 files; 0 already imported; 0 skipped\n"
    again = _occ(tmp_path, "import")
    assert again.stdout == "imported 0 rows from 0 files; 1 already imported; 0 skipped\n"
    with p.open("a") as f:
        f.write(MORE)
    grown = _occ(tmp_path, "import")
    assert grown.stdout == "imported 1 rows from 1 files; 0 already imported; 0 skipped\n"
    assert _occ(tmp_path, "import").stdout == "imported 0 rows from 0 files; 1 already imported; 0 skipped\n"


def test_a_file_of_one_run_imported_before_date_lines_were_read_adds_nothing(tmp_path, monkeypatch):
    art = _workspace(tmp_path)
    p = art / "probe.log"
    p.write_text(CRON.split("\n\n")[0] + "\n\n")
    os.utime(p, (1760100000, 1760100000))
    monkeypatch.setattr(evidence, "_date_line", lambda text: None)  # (what versions before read)
    assert _occ(tmp_path, "import").stdout == "imported 1 rows from 1 files; 0 already imported; 0 skipped\n"
    monkeypatch.undo()
    assert _occ(tmp_path, "import").stdout == "imported 0 rows from 0 files; 1 already imported; 0 skipped\n"


# 2: a date line in another zone -----------------------------------------------------------------
@pytest.mark.parametrize("line", [
    "Fri Oct 10 09:00:00 CEST 2025",
    "Fri Oct 10 03:00:00 EDT 2025",
    "2025-10-10T09:00:00+02:00",
    "2025-10-10T09:00:00+0200",
    "Fri 10 Oct 2025 09:00:00 AM CEST",
    "Fri 10 Oct 2025 03:00:00 AM EDT",
    "Fri, 10 Oct 2025 09:00:00 +0200",  # (date -R)
    "Fri Oct 10 04:00:00 -03 2025",  # (a zone date names by its offset: America/Sao_Paulo)
    "Fri Oct 10 08:00:00 BST 2025",
    "Fri Oct 10 07:00:00 GMT 2025",
])
def test_a_date_line_in_another_zone_is_read_to_utc(tmp_path, line):
    p = tmp_path / "one.log"
    p.write_text(f"$ date\n{line}\n$ curl -s -o /dev/null -w '%{{http_code}}\\n' https://a.example/\n200\n")
    assert _rows(p) == [("2025-10-10T07:00:00+00:00", 200, "up", "date_line")]


def test_a_seasonal_abbreviation_picks_its_side_of_the_hour_clocks_go_back(tmp_path):
    p = tmp_path / "probe.log"
    p.write_text("Sun Nov  2 01:30:00 EDT 2025\nHTTP/1.1 200 OK\n\n"
                 "Sun Nov  2 01:30:00 EST 2025\nHTTP/1.1 200 OK\n\n")
    assert [r[0] for r in _rows(p)] == ["2025-11-02T05:30:00+00:00", "2025-11-02T06:30:00+00:00"]


@pytest.mark.parametrize("line", ["Fri Oct 10 07:00:00 CST 2025", "Fri Oct 10 07:00:00 MSKX 2025"])
def test_a_date_line_whose_zone_is_unsure_gives_no_time(tmp_path, line):
    p = tmp_path / "one.log"
    p.write_text(f"$ date\n{line}\n$ curl -s -o /dev/null -w '%{{http_code}}\\n' https://a.example/\n200\n")
    os.utime(p, (1760100000, 1760100000))
    assert _rows(p) == [("2025-10-10T12:40:00+00:00", 200, "up", "mtime")]


def test_rows_imported_before_zoned_date_lines_were_read_are_not_imported_again(tmp_path, monkeypatch):
    art = _workspace(tmp_path)
    p = art / "runs.log"
    run = "$ date\nFri Oct 10 09:0{}:00 CEST 2025\n$ curl -s -o /dev/null -w '%{{http_code}}\\n' URL\n{}\n"
    p.write_text(run.format(0, 200) + run.format(5, 503))
    os.utime(p, (1760100000, 1760100000))
    real = evidence._date_line
    monkeypatch.setattr(evidence, "_date_line", lambda text: real(text) if "UTC" in text else None)
    assert _occ(tmp_path, "import").stdout == "imported 2 rows from 1 files; 0 already imported; 0 skipped\n"
    monkeypatch.undo()
    assert _occ(tmp_path, "import").stdout == "imported 0 rows from 0 files; 1 already imported; 0 skipped\n"


# 3: date lines of several runs beside a file name's stamp ---------------------------------------
def test_appended_runs_in_a_stamped_file_take_their_date_lines(tmp_path):
    p = tmp_path / "runs_2025-10-09T00-00-00Z.log"
    p.write_text(CRON)
    assert _rows(p) == [
        ("2025-10-10T07:00:00+00:00", 200, "up", "date_line"),
        ("2025-10-10T07:05:00+00:00", 503, "down", "date_line"),
    ]


def test_one_dated_run_in_a_stamped_file_keeps_the_stamp(tmp_path):
    p = tmp_path / "run_2025-10-09T00-00-00Z.log"
    p.write_text("$ date -u\nFri Oct 10 07:00:00 UTC 2025\n$ curl -sI https://a.example/\n"
                 "HTTP/1.1 200 OK\n\n")
    assert _rows(p) == [("2025-10-09T00:00:00+00:00", 200, "up", "filename")]


def test_stamped_runs_imported_when_the_stamp_won_are_not_imported_again(tmp_path, monkeypatch):
    art = _workspace(tmp_path)
    p = art / "runs_2025-10-09T00-00-00Z.log"
    p.write_text(
        "$ date -u\nFri Oct 10 07:00:00 UTC 2025\n$ curl -s -o /dev/null -w '%{http_code}\\n' URL\n200\n"
        "$ date -u\nFri Oct 10 07:05:00 UTC 2025\n$ curl -sI URL\nHTTP/1.1 200 OK\n"
        "Date: Fri, 10 Oct 2025 07:05:01 GMT\n\n"
        "$ curl -s -o /dev/null -w '%{http_code}\\n' URL\n503\n")
    monkeypatch.setattr(evidence, "_runs_dated", lambda rows, runs: rows)  # (round 10: the stamp won)
    assert _occ(tmp_path, "import").stdout == "imported 3 rows from 1 files; 0 already imported; 0 skipped\n"
    monkeypatch.undo()
    assert _occ(tmp_path, "import").stdout == "imported 0 rows from 0 files; 1 already imported; 0 skipped\n"
    # a fresh store takes the date lines' times, and keeps them on the next import
    (tmp_path / "data").rename(tmp_path / "old-data")
    assert _occ(tmp_path, "import").stdout == "imported 3 rows from 1 files; 0 already imported; 0 skipped\n"
    assert _occ(tmp_path, "import").stdout == "imported 0 rows from 0 files; 1 already imported; 0 skipped\n"
    df, _ = read_evidence([p])
    assert df["time_source"].tolist() == ["date_line", "date_header", "filename"]


@pytest.mark.parametrize("mtime", [1760100000, 1760100000.25])
def test_a_run_imported_alone_before_is_known_after_the_file_grew(tmp_path, monkeypatch, mtime):
    art = _workspace(tmp_path)
    p = art / "probe.log"
    p.write_text(CRON.split("\n\n")[0] + "\n\n")
    os.utime(p, (mtime, mtime))
    monkeypatch.setattr(evidence, "_date_line", lambda text: None)  # (what versions before read)
    assert _occ(tmp_path, "import").stdout == "imported 1 rows from 1 files; 0 already imported; 0 skipped\n"
    monkeypatch.undo()
    with p.open("a") as f:
        f.write(CRON.split("\n\n")[1] + "\n\n")
    os.utime(p, (mtime + 300, mtime + 300))
    assert _occ(tmp_path, "import").stdout == "imported 1 rows from 1 files; 0 already imported; 0 skipped\n"
