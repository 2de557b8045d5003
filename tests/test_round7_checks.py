"""Round 7, the logs' file problems without their bodies (``check_logs``, ``Workspace.log_problems``):
what ``occ report weekly`` prints while its notebooks parse the logs."""

from __future__ import annotations

from pathlib import Path

from occ_lib.cli._common import FILE_PROBLEMS
from occ_lib.logs import check_logs, read_logs
from occ_lib.workspace import Workspace


def _files(tmp_path: Path) -> list[str]:
    (tmp_path / "good.md").write_text("# Log\n\n## 2025-10-09\n- 19:20 ET: paged on-call for DEPLOY-147\n")
    (tmp_path / "badfm.md").write_text("---\ntz: America/New_Yrok\n---\n# Log\n\n## 2025-10-09\n- 10:00 x\n")
    (tmp_path / "empty.md").write_text("\n\n")
    (tmp_path / "bin.md").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    return [str(tmp_path / n) for n in ("good.md", "badfm.md", "empty.md", "bin.md")] + [
        str(tmp_path / "nothere.md"), str(tmp_path / "typo*/x.md")]


def _rows(df) -> list[list]:
    return df[["source", "line", "what", "reason"]].astype(object).where(df.notna(), None).values.tolist()


def test_check_logs_names_the_same_file_problems_as_read_logs(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    checked, read = check_logs(paths), read_logs(paths)
    file_rows = read.problems[read.problems["what"].isin(FILE_PROBLEMS)]
    assert _rows(checked.problems) == _rows(file_rows)
    t = str(tmp_path)
    assert _rows(checked.problems) == [
        [f"{t}/nothere.md", None, "file", "no such file or folder"],
        [f"{t}/typo*/x.md", None, "file", "no files match this pattern"],
        [f"{t}/badfm.md", 2, "front_matter", "tz: unknown time zone"],
        [f"{t}/empty.md", None, "file", "empty file"],
        [f"{t}/bin.md", None, "file", "binary file (NUL or control bytes), skipped"],
    ]
    # (the bodies are not parsed: no events, sections or deadlines; read_logs has them)
    assert (len(checked.events), len(checked.sections), len(checked.deadlines)) == (0, 0, 0)
    assert len(read.events) == 2


def test_a_workspace_gives_its_log_problems_from_its_patterns(tmp_path: Path) -> None:
    _files(tmp_path)
    (tmp_path / "occ.yml").write_text("logs: [good.md, empty.md, 'feedbak/*.md']\n")
    ws = Workspace.load(tmp_path / "occ.yml")
    assert _rows(ws.log_problems().problems) == _rows(
        ws.logs.problems[ws.logs.problems["what"].isin(FILE_PROBLEMS)])
    assert [r[2:] for r in _rows(ws.log_problems().problems)] == [
        ["file", "no files match this pattern"], ["file", "empty file"]]


def test_a_thread_error_while_kernels_run_is_one_warning_line(capsys) -> None:
    """(seen once under load: 'Exception in thread Thread-2' and a traceback on occ report's stderr)"""
    import threading

    from occ_lib.report import _thread_errors_as_warnings

    class HBChannel(threading.Thread):  # (jupyter_client's heartbeat thread, failing at shutdown)
        def run(self) -> None:
            raise RuntimeError("Socket operation on non-socket")

    def leaky() -> None:
        raise ValueError("cannot reach https://h/x?token=abc123 from here")

    before = threading.excepthook
    with _thread_errors_as_warnings():
        for t in (HBChannel(name="Thread-2"), threading.Thread(target=leaky, name="Thread-3")):
            t.start()
            t.join()
    assert threading.excepthook is before
    assert capsys.readouterr().err == (
        "occ: warning: thread Thread-3 failed: ValueError: cannot reach https://h/x?token=*** from here\n")


def test_the_reports_evidence_audit_finds_a_cited_file_with_brackets(tmp_path: Path) -> None:
    """(as the logs' paths are read: an existing path first, a glob only when none is written so)"""
    from occ_lib.weekly import _find

    art = tmp_path / "artifacts"
    art.mkdir()
    cited = art / "probe [W41].log"
    cited.write_text("HTTP/1.1 200 OK\n")
    (art / "probe W.log").write_text("HTTP/1.1 200 OK\n")
    assert _find("artifacts/probe [W41].log", tmp_path, {}) == cited
    # near miss: a pattern naming no file as written is still a glob ('[W]' is the letter W)
    assert _find("artifacts/probe [W].log", tmp_path, {}) == art / "probe W.log"
    assert _find("artifacts/nothere [W41].log", tmp_path, {}) is None


def test_an_input_errors_message_holds_no_secret_of_its_file_name() -> None:
    """(the library's problems, printed by a notebook, as the CLI's problem lines are)"""
    from occ_lib.errors import InputError
    from occ_lib.evidence import problem_line

    e = InputError("artifacts/curl_sk_live_4eC39HqLyjWDarjtT1zdp7dc_2025-10-14T09-05-00Z.log",
                   "not a curl transcript: no HTTP status line", line=3)
    assert e.path == "artifacts/curl_sk_live_4eC39HqLyjWDarjtT1zdp7dc_2025-10-14T09-05-00Z.log"  # (to open)
    assert str(e) == problem_line(e) == (
        "artifacts/curl_***_2025-10-14T09-05-00Z.log:3: not a curl transcript: no HTTP status line")
    e = InputError("chk_password=PWSECRET4.json", "bad value https://h/x?token=abc123")
    assert str(e) == "chk_password=***.json: bad value https://h/x?token=***"
    # near miss: a name without a secret is as written
    assert str(InputError("artifacts/healthz_2025-10-14.log", "empty file")) == (
        "artifacts/healthz_2025-10-14.log: empty file")
