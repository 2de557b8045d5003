"""Round 22 (PROBE): ``occ probe`` and the weekly report fork their workers with no other thread alive.

A thread alive at ``os.fork`` may hold a lock (stderr's buffer, the console's, an allocator's) that
the child inherits held and can never take: the child hangs the first time it needs it. Python 3.12+
warns of it. ``occ probe``'s progress bar (rich, on a terminal) drew from a refresh thread that was
alive while the workers were forked; it now refreshes from the outcomes the parent receives, and
at most ten times a second. The weekly report's bar (on by default, terminal or not) started its
refresh thread before the notebook workers' pool forked; it now starts once they are forked. It
also drew on stdout, where ``occ report weekly`` prints the report's paths for scripts to read: it
draws on stderr now, and only on a terminal (as ``occ probe``'s).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.usefixtures("loopback_only")  # (probe traffic stays on 127.0.0.1)

# (each fork's parent prints the threads alive at the fork, by name; Python 3.12+'s warning at a fork
# also counts threads that Python did not start, such as the allocator's background thread pyarrow
# starts (jemalloc, which makes itself safe across a fork): this wrapper, run as __main__, would show it)
_FORKS_SEEN = (
    "import os, sys, threading, warnings\n"
    "warnings.filterwarnings('ignore', 'This process', DeprecationWarning)\n"
    "real_fork = os.fork\n"
    "def fork():\n"
    "    names = sorted(t.name for t in threading.enumerate())\n"
    "    pid = real_fork()\n"
    "    if pid:\n"
    "        print('fork', names, file=sys.stderr, flush=True)\n"
    "    return pid\n"
    "os.fork = fork\n"
)

# (a forked `occ probe`: its forks, then the run's result)
_WATCH = _FORKS_SEEN + (
    "from occ_lib.cli import main\n"
    "sys.argv = ['occ', 'probe', '-c', sys.argv[1], '-w', '2', '-f', 'csv']\n"
    "main()\n"
)


def _workspace(tmp_path: Path, url: str, n: int) -> Path:
    targets = "".join(f"    - {{name: t{i}, url: '{url}/ok'}}\n" for i in range(n))
    path = tmp_path / "occ.yml"
    defaults = "{timeout_s: 5, degraded_ms: 5000}"
    path.write_text(f"store: data/\nprobes:\n  defaults: {defaults}\n  targets:\n{targets}", encoding="utf-8")
    return path


@pytest.mark.parametrize("force", ["FORCE_COLOR", "TTY_COMPATIBLE", None])
def test_workers_are_forked_with_only_the_main_thread_alive(tmp_path, server, force):
    cfg = _workspace(tmp_path, server.url, 60)
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    if force:
        env[force] = "1"  # (rich draws its bar as on a terminal)
    out = subprocess.run([sys.executable, "-c", _WATCH, str(cfg)], capture_output=True, text=True, env=env,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    forks = re.findall(r"fork \[[^]]*\]", out.stderr)  # (between the bar's frames, when it draws)
    assert forks == ["fork ['MainThread']", "fork ['MainThread']"]
    assert len(out.stdout.splitlines()) == 61  # (the summary: a header and one row per target)
    if force:
        assert "60/60" in out.stderr and "0 not up" in out.stderr  # (the bar's last frame is drawn)


# (the report's pool with a stand-in for a worker's share: the forks, not the notebooks, are tested)
_REPORT = _FORKS_SEEN + (
    "from pathlib import Path\n"
    "from occ_lib import report\n"
    "def share(paths, params, folder, announce=''):\n"
    "    for p in paths:\n"
    "        report._DONE.put(p.stem)\n"
    "    return [report.RunResult(p.stem, None, None, True) for p in paths]\n"
    "share.__module__, share.__qualname__ = 'occ_lib.report', '_run_group'\n"
    "report._run_group = share\n"
    "paths = [Path(f'n{i}.ipynb') for i in range(5)]\n"
    "res = report._run_all(paths, {}, Path('.'), progress=True, jobs=2, label='2025-W41')\n"
    "print([(r.notebook, r.ok) for r in res])\n"
)


def test_the_report_pool_forks_before_its_progress_bar_starts(tmp_path):
    env = {**os.environ, "FORCE_COLOR": "1"}  # (rich draws its bar as on a terminal)
    out = subprocess.run([sys.executable, "-c", _REPORT], capture_output=True, text=True, cwd=tmp_path,
                         timeout=60, env=env)
    assert out.returncode == 0, out.stderr
    assert re.findall(r"fork \[[^]]*\]", out.stderr) == ["fork ['MainThread']", "fork ['MainThread']"]
    assert out.stdout.splitlines() == [
        "[('n0', True), ('n1', True), ('n2', True), ('n3', True), ('n4', True)]"
    ]
    frames = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", out.stderr)  # (the bar's frames without their colours)
    assert "notebooks for 2025-W41 " + "━" * 40 + " 100%" in frames


def test_the_report_bar_is_on_stderr_and_only_on_a_terminal(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    out = subprocess.run([sys.executable, "-c", _REPORT], capture_output=True, text=True, cwd=tmp_path,
                         timeout=60, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "[('n0', True), ('n1', True), ('n2', True), ('n3', True), ('n4', True)]"
    ]
    assert re.sub(r"fork \[[^]]*\]\n", "", out.stderr) == ""  # (no terminal: no bar at all)
