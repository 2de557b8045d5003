"""Round 15 (REPERR): ``occ report weekly`` and ``occ report run`` on a workspace holding a broken
check JSON and a log of broken front matter name each bad file once on stderr, in the words ``occ
import`` / ``occ events`` use, exit 1 (README: some input failed, the rest done), still build the
report from the good files, and list the skipped evidence in the weekly report's data quality
appendix (``what`` = ``evidence``). Before, the broken check JSON was dropped silently (exit 0 when
it was the only bad file) and the appendix never showed it.

Real ``occ`` subprocesses and real papermill runs in the ``occ`` kernel on a workspace in tmp_path.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest

from occ_lib import report, weekly
from occ_lib.errors import InputError
from tests.evidence_rows import code_notebook

OCC = str(Path(sys.executable).parent / "occ")
SECRET = "s3cr3tREPERR77aa"
SECRET_NAME = f"check_token={SECRET}.json"

BAD_FRONT_MATTER = (
    "---\nowner: ops\nreviewers: [kim, lee\n---\n# Ops\n## 2025-10-09\n- 10:00 UTC OPS-1 fix ETA 12:00 UTC\n"
)
GOOD_LOG = "# Ops\n## 2025-10-08\n- 09:00 UTC OPS-2 opened, ETA 11:00 UTC\n- 10:30 UTC OPS-2 resolved\n"
GOOD_CHECKS = (
    '[{"url": "https://app.example.invalid/health", "status": 200, "timestamp": "2025-10-08T10:00:00Z",'
    ' "latency_ms": 120},\n {"url": "https://app.example.invalid/health", "status": 200,'
    ' "timestamp": "2025-10-08T10:30:00Z", "latency_ms": 130}]\n'
)
BROKEN_CHECKS = (
    '[{"url": "https://app.example.invalid/health", "status": 200,\n "timestamp": "2025-10-08T11:00:00Z"\n'
)

LOG_LINE = "occ: feedback/bad.md:3: invalid YAML front matter: expected ',' or ']', but got '<stream end>'"
JSON_LINE = "occ: artifacts/bad.json:3: invalid JSON: Expecting ',' delimiter"
SECRET_LINE = "occ: artifacts/check_token=***.json:1: invalid JSON: Expecting value"


def _workspace(root: Path, secret_file: bool = False) -> Path:
    """A workspace: one good and one broken log, one good and one broken check JSON (and, with
    ``secret_file``, a broken one whose name holds a token)."""
    (root / "feedback").mkdir(parents=True)
    (root / "artifacts").mkdir()
    (root / "occ.yml").write_text(
        "logs: [feedback/*.md]\nevidence: [artifacts/**/*.json]\nstore: data/\nsla:\n  tz: UTC\n",
        encoding="utf-8",
    )
    (root / "feedback" / "bad.md").write_text(BAD_FRONT_MATTER, encoding="utf-8")
    (root / "feedback" / "good.md").write_text(GOOD_LOG, encoding="utf-8")
    (root / "artifacts" / "good.json").write_text(GOOD_CHECKS, encoding="utf-8")
    (root / "artifacts" / "bad.json").write_text(BROKEN_CHECKS, encoding="utf-8")
    if secret_file:
        (root / "artifacts" / SECRET_NAME).write_text("not json at all\n", encoding="utf-8")
    return root / "occ.yml"


def _occ(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    env.pop("OCC_STORE_IMPORTED", None)
    return subprocess.run([OCC, *args], capture_output=True, text=True, timeout=900, cwd=cwd, env=env)


def _text(html_text: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html_text.replace("<wbr>", ""))).strip())


def _dq_notebook(path: Path) -> Path:
    """A notebook that prints the data quality problems of its ``config`` as the weekly one computes them."""
    return code_notebook(
        path, "config = None\nrecord = None\nweek = None",
        "from occ_lib import weekly\nws = weekly.workspace(config)\n"
        "dq = weekly.data_quality(ws.logs, ws.root)\n"
        "print(dq['problems'][['source', 'line', 'what', 'reason']].to_json(orient='records'))\n"
        "print(dq['summary'].to_json(orient='records'))",
    )


def _printed(ipynb: Path) -> list:
    nb = nbformat.read(ipynb, as_version=4)
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    return [json.loads(line) for line in text.splitlines()]


DQ_ROWS = [
    {"source": "feedback/bad.md", "line": 3, "what": "front_matter",
     "reason": "invalid YAML front matter: expected ',' or ']', but got '<stream end>'"},
    {"source": "artifacts/bad.json", "line": 3, "what": "evidence",
     "reason": "invalid JSON: Expecting ',' delimiter"},
]
DQ_SUMMARY = [{"what": "evidence", "count": 1}, {"what": "front_matter", "count": 1}]


@pytest.mark.slow
def test_weekly_cli_names_each_bad_file_once_as_import_and_events_do_and_reports_the_rest(tmp_path):
    ws = tmp_path / "ws"
    _workspace(ws, secret_file=True)
    out = tmp_path / "reports"
    run = _occ(["report", "weekly", "--config", "occ.yml", "--week", "2025-W41", "--out", str(out), "-q"], ws)
    assert run.returncode == 1
    assert run.stderr == f"{LOG_LINE}\n{JSON_LINE}\n{SECRET_LINE}\n"
    folder = out / "2025-W41"
    assert run.stdout.splitlines() == [
        str(folder / f"{n}.html") for n in ("weekly_report", "sla_misses", "escalation_timeline", "latency")
    ] + [str(out / "index.html")]
    # the same words as occ import (evidence) and occ events (logs), which exit 1 too
    imp = _occ(["import", "--config", "occ.yml"], ws)
    assert (imp.returncode, imp.stderr) == (1, f"{JSON_LINE}\n{SECRET_LINE}\n")
    # (the report imported the good file already)
    assert imp.stdout == "imported 0 rows from 0 files; 1 already imported; 2 skipped\n"
    ev = _occ(["events", "--config", "occ.yml", "-f", "csv"], ws)
    assert (ev.returncode, ev.stderr) == (1, f"{LOG_LINE}\n")
    # the report is built from the good files: the good check's two probes, both logs' events
    page = _text((folder / "weekly_report.html").read_text())
    appendix = page[page.index("Problems by kind"):]
    assert appendix.startswith(
        "Problems by kind what count evidence 2 front_matter 1 Lines and time mentions not understood "
        "source line what token reason feedback/ bad.md 3 front_matter invalid YAML front matter: "
        "expected ',' or ']', but got '<stream end>' artifacts/ bad.json 3 evidence invalid JSON: "
        "Expecting ',' delimiter artifacts/ check_token=***.json 1 evidence invalid JSON: Expecting value"
    )
    assert ("Files read source encoding newline bom repairs lines sections events "
            "feedback/ bad.md utf-8 LF no 0 7 1 1 feedback/ good.md utf-8 LF no 0 4 1 2") in page
    for f in folder.iterdir():
        assert SECRET not in f.read_text(errors="replace"), f.name
    from occ_lib import load_probes

    probes = load_probes(ws / "data", "2025-10-06T00:00Z", "2025-10-13T00:00Z")
    assert sorted(zip(probes["evidence_path"], probes["elapsed_ms"], strict=True)) == [
        ("artifacts/good.json", 120.0), ("artifacts/good.json", 130.0)
    ]


@pytest.mark.slow
def test_report_run_reads_the_workspace_as_weekly_does_and_its_kernel_lists_the_skipped_file(tmp_path):
    ws = tmp_path / "ws"
    _workspace(ws)
    nb = _dq_notebook(tmp_path / "dq.ipynb")
    out = tmp_path / "reports"
    # (its config: ./occ.yml)
    run = _occ(["report", "run", str(nb), "-p", "week", "2025-W41", "--out", str(out), "-q"], ws)
    assert (run.returncode, run.stderr) == (1, f"{LOG_LINE}\n{JSON_LINE}\n")
    assert run.stdout == f"{out / 'dq' / 'dq.html'}\n"
    assert _printed(out / "dq" / "dq.ipynb") == [DQ_ROWS, DQ_SUMMARY]


@pytest.mark.slow
def test_weekly_api_reports_the_evidence_problems_of_every_run_and_cleans_up(tmp_path, monkeypatch):
    temp = tmp_path / "tmp"  # (its own temporary folder: other runs on the machine leave theirs in /tmp)
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    cfg = _workspace(tmp_path / "ws")
    nb = _dq_notebook(tmp_path / "dq.ipynb")
    for _ in range(2):  # (a second run in the same process imported nothing before: its problems were lost)
        res = report.weekly(
            cfg, week="2025-W41", out=tmp_path / "reports", notebooks=[str(nb)], progress=False
        )
        assert [str(p) for p in res.evidence_problems] == [
            f"{tmp_path}/ws/artifacts/bad.json:3: invalid JSON: Expecting ',' delimiter"
        ]
        assert [r.ok for r in res.results] == [True]
        assert _printed(res.folder / "dq.ipynb") == [DQ_ROWS, DQ_SUMMARY]
        assert "OCC_IMPORT_PROBLEMS" not in os.environ
    assert not list(temp.glob("occ-import-*.json"))


def test_data_quality_lists_evidence_problems_relative_and_redacted(tmp_path, monkeypatch):
    logs = weekly.workspace(_workspace(tmp_path / "ws")).logs  # (imports: its problems are kept)
    root = tmp_path / "ws"
    dq = weekly.data_quality(logs, root)
    assert dq["problems"][["source", "line", "what", "reason"]].to_dict("records") == DQ_ROWS
    assert dq["problems"]["token"].isna().tolist() == [True, True]
    given = [InputError(root / "artifacts" / SECRET_NAME, f"invalid JSON: password is {SECRET}", 1)]
    rows = weekly.data_quality(logs, root, evidence=given)["problems"]
    assert rows[["source", "line", "what", "reason"]].to_dict("records")[1:] == [
        {"source": "artifacts/check_token=***.json", "line": 1, "what": "evidence",
         "reason": "invalid JSON: password is ***"}
    ]
    # the runner's file for its kernels holds the same, redacted, relative to the workspace
    path = report._problems_file(given, root)
    try:
        assert SECRET not in path.read_text()
        monkeypatch.setenv("OCC_STORE_IMPORTED", str((root / "data").resolve()))
        monkeypatch.setenv("OCC_IMPORT_PROBLEMS", str(path))
        got = weekly.workspace(root / "occ.yml")
        assert [str(p) for p in report.ensure_store(got)] == [
            "artifacts/check_token=***.json:1: invalid JSON: password is ***"
        ]
        assert weekly.data_quality(got.logs, root)["problems"]["source"].tolist() == [
            "feedback/bad.md", "artifacts/check_token=***.json"
        ]
    finally:
        path.unlink()
