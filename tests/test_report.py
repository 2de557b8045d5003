"""occ report: papermill runs, offline HTML export, the index, failures, and the weekly command end to end.

Real papermill runs in the ``occ`` kernel and a real ``occ`` subprocess on a copy of the example
workspace; the copy gets one extra log holding a ``<script>`` payload and a URL token, so the escaping
and redaction checks never depend on what the shared examples happen to contain.
"""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from occ_lib import export, report
from occ_lib.errors import ReportError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NOTEBOOKS = ROOT / "notebooks"
OCC = str(Path(sys.executable).parent / "occ")
SECRET = "s3cr3t-OCC-TEST-5f2a9"
XSS_LOG = f"""# Red Team Log

## 2025-10-09 Injection drill (14:00 UTC)
- Pasted <script>alert(1)</script> and <img src=x onerror="window.__occ_xss=1"> into DRILL-7 notes.
- Callback at https://hooks.example.invalid/cb?token={SECRET}&team=red for DRILL-7 at 14:05 UTC.
"""
def _unwrapped(html: str) -> str:
    """The HTML without the line-break hints (``<wbr>``, exported as ``<wbr/>``) tables add after "/"."""
    return re.sub(r"<wbr\s*/?>", "", html)


_PLOTLY_LIB = re.compile(r"<script[^>]*>\s*/\*\*\s*\* plotly\.js v[\d.]+.*?</script>", re.S)


# helpers shared with test_browser.py ---------------------------------------------------------------


def copy_workspace(dest: Path) -> Path:
    """A copy of examples/ (without its store) plus the red-team log; returns its occ.yml."""
    shutil.copytree(EXAMPLES, dest, ignore=shutil.ignore_patterns("data", "__pycache__"))
    (dest / "feedback" / "redteam.md").write_text(XSS_LOG, encoding="utf-8")
    return dest / "occ.yml"


def weekly_run(base: Path) -> dict:
    """Run ``occ report weekly`` once per test session into ``base`` (cached by a marker file)."""
    marker = base / "run.json"
    if marker.exists():
        return json.loads(marker.read_text())
    base.mkdir(parents=True, exist_ok=True)
    cfg = copy_workspace(base / "ws")
    proc = subprocess.run(
        [
            OCC,
            "report",
            "weekly",
            "--config",
            str(cfg),
            "--week",
            "2025-W41",
            "--out",
            str(base / "reports"),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=base,
    )
    info = {
        "rc": proc.returncode,
        "stdout": proc.stdout,
        "stderr": proc.stderr,
        "out": str(base / "reports"),
        "ws": str(base / "ws"),
    }
    marker.write_text(json.dumps(info))
    return info


def example_tokens() -> set[str]:
    """Secret-looking query values in the example logs (e.g. the deployment log's token)."""
    found = set()
    for path in (EXAMPLES / "feedback").glob("*"):
        text = path.read_bytes().decode("utf-8", "replace")
        for m in re.finditer(
            r"(?i)[?&][a-z_]*(token|key|secret|sig|signature|password|auth)[a-z_]*=([^&\s)`'\"<>]+)", text
        ):
            found.add(m.group(2))
    return found


def strip_plotly_lib(html: str) -> str:
    return _PLOTLY_LIB.sub("<script>PLOTLY-LIB</script>", html)


@pytest.fixture(scope="session")
def weekly(tmp_path_factory) -> dict:
    return weekly_run(tmp_path_factory.getbasetemp() / "occ_weekly")


# pure pieces ---------------------------------------------------------------------------------------


def test_json_safe_parameters():
    import datetime as dt

    import pandas as pd

    assert report.json_safe(
        {
            "d": dt.date(2025, 10, 6),
            "t": pd.Timestamp("2025-10-10 17:00", tz="UTC"),
            "p": Path("/x"),
            "l": ("a", 1),
            "n": None,
        }
    ) == {"d": "2025-10-06", "t": "2025-10-10T17:00:00+00:00", "p": "/x", "l": ["a", 1], "n": None}
    with pytest.raises(Exception, match="cannot be passed"):
        report.json_safe(object())


def test_kernel_is_this_environment():
    from jupyter_client.kernelspec import KernelSpecManager

    name = report.resolve_kernel()
    assert name == "occ"
    argv0 = KernelSpecManager().get_kernel_spec(name).argv[0]
    assert Path(argv0).parent == Path(sys.executable).parent


def test_index_escapes_and_shows_failures(tmp_path):
    export.write_manifest(
        tmp_path / "2025-W41",
        {
            "label": "2025-W41",
            "start": "2025-10-06T04:00:00+00:00",
            "start_local": "2025-10-06",
            "end_local": "2025-10-12",
            "tz": "America/New_York",
            "as_of": "2025-10-13T04:00:00+00:00",
            "headline": {"SLA misses <b>": 3},
            "notebooks": [
                {"notebook": "weekly_report", "ok": True, "html": "weekly_report.html"},
                {
                    "notebook": "latency",
                    "ok": False,
                    "html": "latency.html",
                    "error_cell": 4,
                    "error": "KeyError: '<script>'",
                },
            ],
        },
    )
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "manifest.json").write_text("{not json")
    html = export.write_index(tmp_path).read_text()
    assert '<a href="2025-W41/weekly_report.html">weekly_report</a>' in html
    assert "latency</a>: FAILED (cell 4): <code>KeyError: &#x27;&lt;script&gt;&#x27;</code>" in html
    assert "SLA misses &lt;b&gt;</b>: 3" in html
    assert "junk" in html and "manifest.json: JSONDecodeError" in html
    assert "<script" not in html


def _nb_with_outputs() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    fig = {"data": [{"type": "scatter", "x": [1, 2], "y": [3, 4]}], "layout": {"title": {"text": "t"}}}
    c1 = nbformat.v4.new_code_cell("secret_code_cell = 1", execution_count=1)
    c1.outputs = [
        nbformat.v4.new_output(
            "display_data", data={"application/vnd.plotly.v1+json": fig, "text/plain": "Figure"}
        )
    ]
    c2 = nbformat.v4.new_code_cell("fig", execution_count=2)
    c2.outputs = [
        nbformat.v4.new_output(
            "execute_result", data={"application/vnd.plotly.v1+json": fig}, execution_count=2
        ),
        nbformat.v4.new_output("stream", name="stdout", text="<script>alert(1)</script>\n"),
    ]
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), c1, c2]
    return nb


def test_export_is_offline_with_one_plotly_and_no_code(tmp_path):
    path = export.to_html(_nb_with_outputs(), tmp_path / "r.html")
    html = path.read_text()
    assert html.count("Plotly.newPlot(") == 2
    assert len(_PLOTLY_LIB.findall(html)) == 1  # plotly.js embedded once
    rest = strip_plotly_lib(html)
    assert not re.search(r"<script[^>]*\bsrc=", rest)
    assert not re.search(r"<link[^>]*href=[\"']?https?:", rest)
    assert "cdn" not in rest.lower() and "require.js" not in rest and "MathJax.js" not in rest
    assert "secret_code_cell" not in html and "jp-InputPrompt" not in rest.split("</style>")[-1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html


def test_export_refuses_oversized_reports(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "MAX_HTML_BYTES", 1000)
    with pytest.raises(Exception, match=r"more than 1000"):
        export.to_html(_nb_with_outputs(), tmp_path / "r.html")
    assert not (tmp_path / "r.html").exists()


# failures ------------------------------------------------------------------------------------------


def _tiny(path: Path, code: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "occ", "display_name": "occ (.venv)", "language": "python"}
    p = nbformat.v4.new_code_cell("x = 1\nrecord = None")
    p.metadata["tags"] = ["parameters"]
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Tiny"),
        p,
        nbformat.v4.new_code_cell("y = x * 2"),
        nbformat.v4.new_code_cell(code),
    ]
    nbformat.write(nb, path)
    return path


@pytest.mark.slow
def test_report_run_failing_notebook_cli(tmp_path):
    nb = _tiny(tmp_path / "broken.ipynb", "raise ValueError('boom <b> ' + str(y))")
    out = tmp_path / "reports"
    proc = subprocess.run(
        [OCC, "report", "run", str(nb), "-p", "x", "21", "--out", str(out), "-q"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1
    assert proc.stdout.strip() == str(out / "broken" / "broken.html")
    assert "occ: broken failed at cell 4: ValueError: boom <b> 42" in proc.stderr
    manifest = json.loads((out / "broken" / "manifest.json").read_text())
    nbres = manifest["notebooks"][0]
    assert (nbres["ok"], nbres["error_cell"], nbres["error"]) == (False, 4, "ValueError: boom <b> 42")
    index = (out / "index.html").read_text()
    assert "broken</a>: FAILED (cell 4): <code>ValueError: boom &lt;b&gt; 42</code>" in index


@pytest.mark.slow
def test_report_run_for_another_week_judges_as_of_that_weeks_end_not_the_notebooks_example(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "occ", "display_name": "occ (.venv)", "language": "python"}
    p = nbformat.v4.new_code_cell(
        'week = "2025-W41"\nstart = None\nas_of = "2025-10-13T04:00:00Z"  # fixed for stable outputs\n'
        "record = None"
    )
    p.metadata["tags"] = ["parameters"]
    nb.cells = [p, nbformat.v4.new_code_cell(
        "import json\njson.dump({'week': week, 'as_of': as_of}, open(record, 'w'))"
    )]
    path = tmp_path / "period.ipynb"
    nbformat.write(nb, path)
    out = tmp_path / "reports"
    res = report.run_one(path, {"week": "2025-W44"}, out=out, progress=False)
    assert (res.ok, res.record) == (True, {"week": "2025-W44", "as_of": None})
    # an as_of given is kept; the notebook's defaults alone are kept too
    res = report.run_one(path, {"week": "2025-W44", "as_of": "2025-11-01T00:00:00Z"}, out=out, progress=False)
    assert res.record == {"week": "2025-W44", "as_of": "2025-11-01T00:00:00Z"}
    res = report.run_one(path, {}, out=out, progress=False)
    assert res.record == {"week": "2025-W41", "as_of": "2025-10-13T04:00:00Z"}


@pytest.mark.slow
def test_weekly_one_failure_does_not_stop_the_others(tmp_path):
    cfg = copy_workspace(tmp_path / "ws")
    broken = _tiny(tmp_path / "a_broken.ipynb", "1 / 0")
    fine = _tiny(tmp_path / "b_fine.ipynb", "import json\nz = y + 1")
    res = report.weekly(
        cfg, week="2025-W41", out=tmp_path / "reports", notebooks=[str(broken), str(fine)], progress=False
    )
    assert [(r.notebook, r.ok, r.error_cell, r.error) for r in res.results] == [
        ("a_broken", False, 4, "ZeroDivisionError: division by zero"),
        ("b_fine", True, None, None),
    ]
    assert not res.ok
    assert res.folder == (tmp_path / "reports" / "2025-W41").resolve()
    assert sorted(p.name for p in res.folder.iterdir()) == [
        "a_broken.html",
        "a_broken.ipynb",
        "b_fine.html",
        "b_fine.ipynb",
        "manifest.json",
    ]
    index = res.index_path.read_text()
    assert "a_broken</a>: FAILED (cell 4): <code>ZeroDivisionError: division by zero</code>" in index
    assert '<a href="2025-W41/b_fine.html">b_fine</a>' in index


@pytest.fixture
def sigint_raises():
    """Ctrl-C raises KeyboardInterrupt in this process, whatever pytest inherited: a run started in
    the background by a non-interactive shell (``make test &``) starts with SIGINT ignored, and the
    forked workers would inherit that."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.mark.slow
@pytest.mark.usefixtures("sigint_raises")
def test_an_interrupted_weekly_run_leaves_the_previous_report_as_it_was(tmp_path):
    """The run fills a hidden folder that replaces the week's folder only at the end: Ctrl-C in the
    middle (a real SIGINT to this process, sent by the second notebook's kernel) leaves the last
    complete report whole, not a mix of two runs, and nothing hidden behind."""
    cfg = copy_workspace(tmp_path / "ws")
    out = tmp_path / "reports"
    first = _tiny(tmp_path / "a_first.ipynb", "z = y + 1")
    second = _tiny(tmp_path / "b_second.ipynb", "z = y + 2")
    done = report.weekly(cfg, week="2025-W41", out=out, notebooks=[str(first), str(second)], progress=False)
    assert done.ok and done.folder == (out / "2025-W41").resolve()
    assert done.results[1].html_path == done.folder / "b_second.html"
    before = {p.name: p.read_bytes() for p in done.folder.iterdir()}
    assert sorted(before) == [
        "a_first.html", "a_first.ipynb", "b_second.html", "b_second.ipynb", "manifest.json"]
    _tiny(first, "z = y + 100")  # changed notebooks: a finished run would change every file
    _tiny(second, "import os, signal, time\nos.kill(os.getppid(), signal.SIGINT)\ntime.sleep(30)")
    with pytest.raises(KeyboardInterrupt):
        report.weekly(cfg, week="2025-W41", out=out, notebooks=[str(first), str(second)], progress=False)
    assert {p.name: p.read_bytes() for p in done.folder.iterdir()} == before
    assert sorted(p.name for p in out.iterdir()) == ["2025-W41", "index.html"]
    # 'occ report run' the same way: one notebook's folder
    res = report.run_one(first, out=out, progress=False)
    assert res.ok and res.html_path == (out / "a_first" / "a_first.html").resolve()
    kept = {p.name: p.read_bytes() for p in res.html_path.parent.iterdir()}
    _tiny(first, "import os, signal, time\nos.kill(os.getppid(), signal.SIGINT)\ntime.sleep(30)")
    with pytest.raises(KeyboardInterrupt):
        report.run_one(first, out=out, progress=False)  # (the same folder, a_first/)
    assert {p.name: p.read_bytes() for p in res.html_path.parent.iterdir()} == kept
    assert sorted(p.name for p in out.iterdir()) == ["2025-W41", "a_first", "index.html"]


@pytest.mark.slow
def test_weekly_kernels_are_shared_but_each_notebook_starts_from_nothing(tmp_path):
    """Two workers, two notebooks each in one kernel: no variable, count or folder carries over,
    and a notebook that kills its kernel fails alone (the next one gets a fresh kernel)."""
    cfg = copy_workspace(tmp_path / "ws")
    a_dir, b_dir = tmp_path / "dirA", tmp_path / "dirB"
    a_dir.mkdir()
    b_dir.mkdir()
    cwd_is = "import pathlib\nassert pathlib.Path.cwd().name == {!r}, str(pathlib.Path.cwd())\n"
    paths = [
        _tiny(a_dir / "a_defines.ipynb", cwd_is.format("dirA") + "leak = y"),  # worker 1
        _tiny(a_dir / "b_dies.ipynb", "import os\nos._exit(3)"),  # worker 2
        _tiny(b_dir / "c_uses.ipynb", cwd_is.format("dirB") + "leak"),  # worker 1, after a
        _tiny(b_dir / "d_after.ipynb", cwd_is.format("dirB") + "z = y + 1"),  # worker 2, after b
    ]
    res = report.weekly(
        cfg, week="2025-W41", out=tmp_path / "reports", notebooks=[str(p) for p in paths],
        progress=False, jobs=2,
    )
    got = [(r.notebook, r.ok, r.error_cell, (r.error or "").split(":")[0]) for r in res.results]
    assert got == [
        ("a_defines", True, None, ""),
        ("b_dies", False, None, "DeadKernelError"),
        ("c_uses", False, 4, "NameError"),
        ("d_after", True, None, ""),
    ]
    assert res.results[2].error == "NameError: name 'leak' is not defined"
    for name in ("a_defines", "c_uses", "d_after"):
        nb = nbformat.read(res.folder / f"{name}.ipynb", as_version=4)
        counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
        assert counts == [1, 2, 3, 4], name


# the weekly command end to end ---------------------------------------------------------------------


@pytest.mark.slow
def test_weekly_end_to_end(weekly):
    out = Path(weekly["out"])
    assert weekly["rc"] == 0, weekly["stderr"][-3000:]
    names = [f"{n}.html" for n in report.WEEKLY_NOTEBOOKS]
    printed = weekly["stdout"].split()
    assert printed == [str(out / "2025-W41" / n) for n in names] + [str(out / "index.html")]
    index = (out / "index.html").read_text()
    for n in report.WEEKLY_NOTEBOOKS:
        assert f'<a href="2025-W41/{n}.html">{n}</a>' in index
        assert (out / "2025-W41" / f"{n}.ipynb").exists()
    assert "2025-10-06 to 2025-10-12" in index
    manifest = json.loads((out / "2025-W41" / "manifest.json").read_text())
    assert (manifest["tz"], manifest["start_local"], manifest["end_local"]) == (
        "America/New_York",
        "2025-10-06",
        "2025-10-12",
    )
    # the headline the notebook recorded is what the library computes for the same week
    from occ_lib import weekly as wk
    from occ_lib.workspace import Workspace

    ws = Workspace.load(Path(weekly["ws"]) / "occ.yml")
    expected = wk.collect(ws, wk.period(ws, week="2025-W41")).figures
    assert manifest["headline"] == expected
    assert manifest["headline"]["SLA misses"] > 0
    tokens = example_tokens() | {SECRET}
    for n in names:
        raw = (out / "2025-W41" / n).read_bytes()
        assert len(raw) <= 6 * 1024 * 1024
        html = raw.decode("utf-8")
        rest = strip_plotly_lib(html)
        assert len(_PLOTLY_LIB.findall(html)) == 1, n
        assert not re.search(r"<script[^>]*\bsrc=", rest), n
        assert not re.search(r"(src|href)=[\"']?(https?:)?//", rest), n
        assert "cdn" not in rest.lower(), n
        body = rest.split("</head>", 1)[1]
        assert "jp-InputPrompt" not in body and "jp-OutputPrompt" not in body and "jp-CodeMirror" not in body
        assert "weekly.setup_notebook()" not in html, n
        for tok in tokens:  # (tables let text wrap after "/" with <wbr>: look through it)
            assert tok not in html and tok not in _unwrapped(html), (n, tok)
    weekly_html = (out / "2025-W41" / "weekly_report.html").read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in _unwrapped(weekly_html)
    assert "<script>alert(1)" not in weekly_html
    assert "&lt;img src=x onerror=" in weekly_html and "<img src=x" not in weekly_html


def test_cli_usage_errors(tmp_path):
    cfg = str(EXAMPLES / "occ.yml")
    both = subprocess.run(
        [
            OCC,
            "report",
            "weekly",
            "--config",
            cfg,
            "--week",
            "2025-W41",
            "--start",
            "2025-10-06",
            "--end",
            "2025-10-07",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert both.returncode == 2 and "give --week or --start/--end, not both" in both.stderr
    half = subprocess.run(
        [OCC, "report", "weekly", "--config", cfg, "--start", "2025-10-06"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert half.returncode == 2 and "give both --start and --end" in half.stderr
    bad = subprocess.run(
        [OCC, "report", "weekly", "--config", cfg, "--week", "2025-W77"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert bad.returncode == 2 and "'2025-W77' is not a week of 2025" in bad.stderr
    nocfg = subprocess.run([OCC, "report", "weekly"], capture_output=True, text=True, cwd=tmp_path)
    assert nocfg.returncode == 2 and "no ./occ.yml here; give --config" in nocfg.stderr
    odd = subprocess.run(
        [OCC, "report", "run", "x.ipynb", "-p", "only-key"], capture_output=True, text=True, cwd=tmp_path
    )
    assert odd.returncode == 2 and "parameters are -p KEY VALUE" in odd.stderr
    assert not (tmp_path / "reports").exists()


@pytest.mark.parametrize("name", report.WEEKLY_NOTEBOOKS)
def test_committed_notebooks_are_small_parameterized_and_executed(name):
    path = NOTEBOOKS / f"{name}.ipynb"
    raw = path.read_text()
    assert len(raw) < 1_000_000 and "plotly.js v" not in raw and "/work/" not in raw
    nb = nbformat.read(str(path), as_version=4)
    assert nb.metadata.kernelspec.name == "occ"
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    for key in ("config", "start", "end", "week", "as_of", "tz", "targets", "tickets", "title"):
        assert re.search(rf"^{key} = ", tagged[0].source, re.M), key
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)  # nbval skips cells without one
    assert any(c.source.startswith("# NBVAL_CHECK_OUTPUT") for c in code)
    assert not any(o.get("output_type") == "error" for c in code for o in c.outputs)


def test_the_report_section_says_where_reports_and_notebooks_are(tmp_path):
    from occ_lib.errors import ConfigError
    from occ_lib.workspace import Workspace

    cfg = tmp_path / "occ.yml"
    cfg.write_text("report: {out: build/reports, notebooks: nb}\n")
    ws = Workspace.load(cfg)
    assert report.reports_dir(ws) == (tmp_path / "build" / "reports").resolve()
    assert report.reports_dir(ws, tmp_path / "elsewhere") == (tmp_path / "elsewhere").resolve()
    assert report.notebooks_dir(ws) == (tmp_path / "nb").resolve()
    cfg.write_text("logs: [feedback/*.md]\n")
    plain = Workspace.load(cfg)
    assert report.reports_dir(plain) == (Path.cwd() / "reports").resolve()
    assert report.notebooks_dir(plain) == report.PACKAGE_NOTEBOOKS
    # an unknown key is a config error naming it, from the library and from the command
    cfg.write_text("report: {outt: build}\n")
    with pytest.raises(ConfigError, match=r"occ\.yml: report\.outt: unknown key"):
        report.reports_dir(Workspace.load(cfg))
    run = subprocess.run([OCC, "report", "weekly", "--config", str(cfg), "--week", "2025-W41"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr.strip().endswith("occ.yml: report.outt: unknown key")


def test_report_folders_are_swapped_whole_and_failures_are_clear_errors(tmp_path):
    folder = tmp_path / "reports" / "2025-W41"
    folder.mkdir(parents=True)
    (folder / "old.html").write_text("old")
    new = report._staging_folder(folder)
    assert new.parent == folder.parent and new.name.startswith(".2025-W41.") and new.name.endswith(".partial")
    (new / "new.html").write_text("new")
    report._replace_folder(new, folder)
    assert [p.name for p in folder.iterdir()] == ["new.html"]
    assert sorted(p.name for p in folder.parent.iterdir()) == ["2025-W41"]  # (nothing hidden left)
    with pytest.raises(ReportError, match=r"2025-W41: the finished report could not take its place"):
        report._replace_folder(tmp_path / "gone", folder)
    assert [p.name for p in folder.iterdir()] == ["new.html"]  # (the report in place stays)
    assert sorted(p.name for p in folder.parent.iterdir()) == ["2025-W41"]
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(ReportError, match=r"a-file: cannot write reports there"):
        report._staging_folder(blocker / "2025-W41")
