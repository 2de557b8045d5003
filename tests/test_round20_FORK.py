"""Round 20 (FORK): forked probe workers without a process pool, and ``occ probe``'s quicker start and end.

1. A forked run's workers are plain ``os.fork`` children that inherit their share of the targets
   and send their outcomes and rows back through a pipe each (``occ_lib.probe._run_forked``). What
   a worker raises is raised by the run; one that cannot come back whole comes back as a
   ``ProbeError`` naming its class; a worker killed mid-run is a ``ProbeError`` naming the signal,
   and its sibling is stopped. No worker is left behind, and what the parent had buffered on
   stdout before the fork is written once.
2. ``occ probe`` freezes what it has loaded (``freeze_loaded``) and ends with ``os._exit`` once all
   is written (``end_now``): only in the ``occ`` process itself, never when ``main(argv)`` is
   called in-process (a test, a notebook).
"""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from occ_lib import probe as probe_module
from occ_lib.cli import main
from occ_lib.errors import ProbeError
from occ_lib.probe import probe_runs, run_probes
from occ_lib.store import load_probes
from occ_lib.targets import Target

try:
    from tests import probe_servers as ps
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    import probe_servers as ps  # type: ignore[no-redef]

pytestmark = pytest.mark.usefixtures("loopback_only")  # (probe traffic stays on 127.0.0.1)


def _children() -> set[int]:
    """This process's child processes (Linux: /proc)."""
    pids: set[int] = set()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        pids |= {int(p) for p in (task / "children").read_text().split()}
    return pids


def _targets(server, n: int = 4) -> list[Target]:
    return [Target(name=f"t{i}", url=f"{server.url}/ok", degraded_ms=20_000) for i in range(n)]


# --- 1: the workers -------------------------------------------------------------------------------


def test_a_forked_run_deals_the_targets_round_robin_and_returns_them_in_order(server):
    rows = probe_runs(_targets(server, 5), concurrency=4, workers=2)
    assert [r["target"] for r in rows] == ["t0", "t1", "t2", "t3", "t4"]
    assert [r["outcome"] for r in rows] == ["up"] * 5
    assert len({r["run_id"] for r in rows}) == 1
    assert _children() == set()


def test_what_a_worker_raises_is_raised_by_the_run(server, monkeypatch):
    def broken(*args: object) -> list:
        raise ValueError("no share for you")

    monkeypatch.setattr(probe_module, "_worker_run", broken)  # (inherited by the forked workers)
    with pytest.raises(ValueError, match="^no share for you$"):
        run_probes(_targets(server), concurrency=2, workers=2)
    assert _children() == set()


def test_an_error_that_cannot_come_back_whole_is_named_by_its_class(server, monkeypatch):
    class LocalTrouble(Exception):  # (a local class: pickle cannot find it again)
        pass

    def broken(*args: object) -> list:
        raise LocalTrouble("details stay in the worker")

    monkeypatch.setattr(probe_module, "_worker_run", broken)
    with pytest.raises(ProbeError) as info:
        run_probes(_targets(server), concurrency=2, workers=2)
    assert str(info.value) == "a probe worker failed: LocalTrouble"
    assert _children() == set()


def test_a_worker_killed_mid_run_is_an_error_naming_the_signal_and_its_sibling_is_stopped():
    # both workers' probes are held by the server; one worker is then killed, the gate opened
    gate, arrived = threading.Event(), []

    srv = ps.head_server(lambda path: (arrived.append(path), gate.wait(10)))
    killed: list[int] = []

    def kill_one() -> None:
        deadline = time.monotonic() + 10
        while len(arrived) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        pid = min(_children())
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)
        time.sleep(0.2)
        gate.set()

    base = f"http://127.0.0.1:{srv.server_address[1]}"
    targets = [Target(name=f"g{i}", url=f"{base}/g{i}", degraded_ms=20_000) for i in range(2)]
    killer = threading.Thread(target=kill_one)
    killer.start()
    try:
        with pytest.raises(ProbeError) as info:
            run_probes(targets, concurrency=2, workers=2)
    finally:
        killer.join()
        gate.set()
        srv.shutdown()
        srv.server_close()
    assert (len(killed), sorted(arrived)) == (1, ["/g0", "/g1"])
    assert str(info.value) == "a probe worker ended without its results (killed by signal 9)"
    assert _children() == set()


def test_what_the_parent_buffered_on_stdout_before_the_fork_is_written_once(server):
    code = (
        "import sys\nfrom occ_lib.probe import probe_runs\nfrom occ_lib.targets import Target\n"
        "sys.stdout.write('before ')\n"
        "targets = [Target(name=f't{i}', url=sys.argv[1]) for i in range(4)]\n"
        "rows = probe_runs(targets, concurrency=4, workers=2)\n"
        "print('after', [r['outcome'] for r in rows])\n"
    )
    # (stdout to a pipe is block-buffered, unless PYTHONUNBUFFERED says otherwise)
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env.pop("PYTHONUNBUFFERED", None)
    out = subprocess.run([sys.executable, "-c", code, f"{server.url}/ok"], capture_output=True, text=True,
                         env=env)
    assert (out.returncode, out.stdout, out.stderr) == (0, "before after ['up', 'up', 'up', 'up']\n", "")


# --- 2: occ probe's start and end -------------------------------------------------------------------


def _workspace(tmp_path: Path, server) -> Path:
    cfg = tmp_path / "occ.yml"
    cfg.write_text(
        "store: data/\nprobes:\n  defaults: {timeout_s: 5, degraded_ms: 5000}\n  targets:\n"
        f"    - {{name: app, url: '{server.url}/ok'}}\n    - {{name: api, url: '{server.url}/ok'}}\n",
        encoding="utf-8",
    )
    return cfg


def test_main_called_in_process_freezes_nothing_and_returns(tmp_path, server, capsys):
    cfg = _workspace(tmp_path, server)
    before = gc.get_freeze_count()
    with pytest.raises(SystemExit) as info:  # (typer's way to return 0: the caller goes on)
        main(["probe", "--config", str(cfg), "--workers", "1", "--format", "csv"])
    out, _ = capsys.readouterr()
    assert (info.value.code, gc.get_freeze_count()) == (0, before)
    assert [line.split(",")[:5] for line in out.splitlines()] == [
        ["target", "probes", "up", "degraded", "down"],
        ["app", "1", "1", "0", "0"], ["api", "1", "1", "0", "0"],
    ]


def test_the_occ_process_ends_itself_once_its_output_and_store_are_written(tmp_path, server):
    cfg = _workspace(tmp_path, server)
    # (the process's last moment: os._exit, with the summary flushed and the run stored by then)
    code = (
        "import os, sys\nfrom occ_lib.cli import main\nSTORE = sys.argv[2]\n"
        "def ended(code, _exit=os._exit):\n"
        "    if os.getpid() == PARENT:\n"
        "        print('ended', code, os.listdir(STORE), file=sys.stderr, flush=True)\n"
        "    _exit(code)\n"
        "PARENT = os.getpid()\nos._exit = ended\n"
        "sys.argv = ['occ', 'probe', '-c', sys.argv[1], '-w', '2', '-f', 'csv']\nmain()\n"
        "print('not reached', file=sys.stderr)\n"
    )
    day = tmp_path / "data" / "probes"
    day.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    out = subprocess.run([sys.executable, "-c", code, str(cfg), str(day)], capture_output=True, text=True,
                         env=env)
    assert out.returncode == 0
    # (target, probes, up, degraded, down, ..., last_status)
    assert [line.split(",")[:5] + line.split(",")[7:8] for line in out.stdout.splitlines()] == [
        ["target", "probes", "up", "degraded", "down", "last_status"],
        ["app", "1", "1", "0", "0", "200"], ["api", "1", "1", "0", "0", "200"],
    ]
    last = out.stderr.splitlines()[-1]
    assert last.startswith("ended 0 ['date=") and "not reached" not in out.stderr
    assert sorted(load_probes(tmp_path / "data")["target"]) == ["api", "app"]


# --- 3: slots and plans ---------------------------------------------------------------------------------


def test_each_target_is_planned_before_its_probe_and_its_secrets_are_forgotten_after_the_run(
    server, monkeypatch
):
    # every target's secret is with the log filter while it is probed, none after the run; a slot
    # takes the next target as it frees, so a run of 7 at concurrency 3 probes all 7, in order
    monkeypatch.setenv("OCC_R20_TOKEN", "s3cr3t-token-value")
    targets = [
        Target(name=f"t{i}", url=f"{server.url}/ok", degraded_ms=20_000,
               headers={"X-Api-Key": f"${{OCC_R20_TOKEN}}-{i}"})
        for i in range(7)
    ]
    seen: list[tuple[str, bool]] = []

    def progress(row: dict) -> None:
        i = int(row["target"][1:])
        seen.append((row["target"], f"s3cr3t-token-value-{i}" in probe_module._ACTIVE_SECRETS))

    rows = probe_runs(targets, concurrency=3, workers=1, progress=progress)
    assert [r["target"] for r in rows] == [f"t{i}" for i in range(7)]
    assert sorted(seen) == [(f"t{i}", True) for i in range(7)]
    assert probe_module._ACTIVE_SECRETS == {}
