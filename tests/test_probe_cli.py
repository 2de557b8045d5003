"""``occ probe``: config, selection, repeats, stored results, summary and exit codes."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from occ_lib.cli import main
from occ_lib.cli.probes import parse_duration
from occ_lib.store import load_probes

try:
    from tests import probe_servers as ps
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    import probe_servers as ps  # type: ignore[no-redef]

pytestmark = pytest.mark.usefixtures("loopback_only")  # (probe traffic stays on 127.0.0.1)


_DEFAULTS = "{timeout_s: 5, degraded_ms: 5000}"  # generous: classification tests, not speed tests


def _workspace(tmp_path: Path, targets: str, defaults: str = _DEFAULTS) -> Path:
    path = tmp_path / "occ.yml"
    path.write_text(f"store: data/\nprobes:\n  defaults: {defaults}\n  targets:\n{targets}", encoding="utf-8")
    return path


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsys.readouterr()
    return info.value.code, out, err


def _targets(server) -> str:
    u = server.url
    return (
        f"    - {{name: app, url: '{u}/ok', tags: {{team: integrations, env: staging}}}}\n"
        f"    - {{name: api, url: '{u}/ok', method: GET, tags: {{team: integrations, env: prod}}}}\n"
        f"    - {{name: broken, url: '{u}/status/503', tags: {{team: web, env: prod}}}}\n"
    )


def test_all_up_exits_0_and_stores_every_probe(tmp_path, server, capsys):
    cfg = _workspace(tmp_path, _targets(server))
    code, out, err = _run(["probe", "--config", str(cfg), "--tag", "team=integrations"], capsys)
    assert code == 0
    df = load_probes(tmp_path / "data")
    assert sorted(df["target"]) == ["api", "app"]
    assert set(df["outcome"]) == {"up"} and df["run_id"].nunique() == 1
    assert df["bytes"].tolist() == [20 if m == "GET" else 0 for m in df["method"]]
    files = list((tmp_path / "data" / "probes").glob("date=*/*.parquet"))
    assert len(files) == 1
    assert files[0].parent.name == "date=" + df["started_at"].iloc[0].strftime("%Y-%m-%d")
    assert err.startswith(f"occ: run 1/1 ({df['run_id'].iloc[0]}): 2 probes, 0 not up, stored in ")
    assert "Probes" in out and "app" in out and "api" in out and "broken" not in out


def test_any_down_exits_3_with_summary_json(tmp_path, server, capsys):
    cfg = _workspace(tmp_path, _targets(server))
    code, out, err = _run(["probe", "-c", str(cfg), "--format", "json"], capsys)
    assert code == 3
    rows = {r["target"]: r for r in json.loads(out)}
    assert list(rows) == ["app", "api", "broken"]
    keys = ("probes", "up", "degraded", "down", "last_status", "last_error")
    assert {k: rows["broken"][k] for k in keys} == {
        "probes": 1, "up": 0, "degraded": 0, "down": 1, "last_status": 503,
        "last_error": "unexpected_status: HTTP 503 not in expected 2xx",
    }
    assert {k: rows["app"][k] for k in ("probes", "up", "down", "last_status", "last_error")} == {
        "probes": 1, "up": 1, "down": 0, "last_status": 200, "last_error": None,
    }
    assert len(load_probes(tmp_path / "data")) == 3
    assert "1 not up" in err


def test_degraded_exits_3(tmp_path, server, capsys):
    cfg = _workspace(tmp_path, f"    - {{name: slow, url: '{server.url}/slow?ms=300', degraded_ms: 50}}\n")
    code, out, _ = _run(["probe", "-c", str(cfg), "-f", "csv"], capsys)
    assert code == 3
    assert out.splitlines()[0] == "target,probes,up,degraded,down,p50_ms,p95_ms,last_status,last_error"
    assert out.splitlines()[1].startswith("slow,1,0,1,0,")
    assert load_probes(tmp_path / "data")["outcome"].tolist() == ["degraded"]


def test_target_selection_and_repeat_store_each_run(tmp_path, server, capsys):
    cfg = _workspace(tmp_path, _targets(server))
    argv = ["probe", "-c", str(cfg), "--target", "app", "-t", "broken", "--repeat", "2", "--every", "100ms"]
    code, _, err = _run(argv, capsys)
    assert code == 3
    df = load_probes(tmp_path / "data")
    assert sorted(df["target"]) == ["app", "app", "broken", "broken"]
    assert df["run_id"].nunique() == 2
    assert len(list((tmp_path / "data" / "probes").glob("date=*/*.parquet"))) == 2
    assert [line.split(" (")[0] for line in err.splitlines()] == ["occ: run 1/2", "occ: run 2/2"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--target", "nope"], "no target named 'nope' (known: api, app, broken)"),
        (["--tag", "env=dev"], "no probe target matches env=dev"),
        (["--tag", "envdev"], "expected KEY=VALUE, got 'envdev'"),
        (["--every", "soon"], "not a duration: 'soon' (use e.g. 30s, 5m, 1h)"),
        (["--concurrency", "0"],
         "Invalid value for '--concurrency': Input should be greater than or equal to 1"),
    ],
)
def test_usage_errors_exit_2(tmp_path, server, capsys, argv, message):
    cfg = _workspace(tmp_path, _targets(server))
    code, out, err = _run(["probe", "-c", str(cfg), *argv], capsys)
    assert code == 2
    assert message in " ".join(err.replace("│", " ").split())
    assert not (tmp_path / "data").exists()


def test_config_errors_exit_2(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("OCC_TEST_MISSING", raising=False)
    cfg = _workspace(
        tmp_path, "    - {name: a, url: 'http://127.0.0.1:9/', headers: {X-Key: '${OCC_TEST_MISSING}'}}\n"
    )
    code, out, err = _run(["probe", "-c", str(cfg)], capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"occ: error: {cfg}: probes.targets[0].headers.X-Key: "
        "environment variable OCC_TEST_MISSING is not set\n"
    )
    empty = tmp_path / "empty.yml"
    empty.write_text("store: data/\n")
    code, out, err = _run(["probe", "-c", str(empty)], capsys)
    assert (code, err) == (2, f"occ: error: {empty}: probes.targets: no targets configured\n")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30s", 30.0), ("5m", 300.0), ("1h", 3600.0), ("1m30s", 90.0), ("250ms", 0.25), ("2.5", 2.5),
     ("0s", 0.0)],
)
def test_parse_duration(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "5 minutes", "1d", "s", "30s5"])
def test_parse_duration_rejects(text):
    with pytest.raises(ValueError):
        parse_duration(text)


def test_probing_starts_before_pandas_is_loaded():
    # `occ probe --workers N` forks its workers before pandas or pyarrow is imported (only the store
    # write needs pyarrow): neither the CLI nor the probe runner may import them at module level.
    import subprocess
    import sys

    code = (
        "import sys, occ_lib.cli, occ_lib.cli.probes, occ_lib.probe, occ_lib.targets, occ_lib.workspace\n"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'occ_lib.logs', 'occ_lib.store') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"


@pytest.mark.parametrize("workers", ["1", "2", "auto"])
def test_a_whole_probe_run_never_loads_pandas(tmp_path, server, workers):
    # probing, the store write and the summary go through pyarrow and plain rows: a cron run pays
    # no pandas import (~0.7 s of CPU)
    cfg = _workspace(tmp_path, _targets(server))
    code = (
        "import sys\nfrom occ_lib.cli import main\n"
        "try:\n    main(['probe', '-c', sys.argv[1], '-w', sys.argv[2], '-f', 'csv'])\n"
        "except SystemExit as e:\n    print('exit', e.code, 'pandas' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(cfg), workers], capture_output=True, text=True)
    lines = out.stdout.splitlines()
    assert lines[0] == "target,probes,up,degraded,down,p50_ms,p95_ms,last_status,last_error"
    assert [line.split(",")[:5] for line in lines[1:4]] == [
        ["app", "1", "1", "0", "0"], ["api", "1", "1", "0", "0"], ["broken", "1", "0", "0", "1"],
    ]
    assert lines[3].endswith(",503,unexpected_status: HTTP 503 not in expected 2xx")
    assert lines[4:] == ["exit 3 False"]
    assert sorted(load_probes(tmp_path / "data")["target"]) == ["api", "app", "broken"]


def test_the_console_command_loads_no_terminal_or_compute_code(tmp_path, server):
    # `occ probe` as cron runs it (no terminal, argv from the command line): httpx's own CLI (click,
    # rich, pygments), rich's progress bar and Arrow's compute module are never loaded; the probes
    # still run through httpx, and the store holds every row
    cfg = _workspace(tmp_path, _targets(server))
    # (what is loaded as the process ends: `occ probe` ends itself with os._exit, past atexit)
    code = (
        "import os, sys\nfrom occ_lib.cli import main\n"
        "def loaded(code, _exit=os._exit):\n"
        "    print(sorted(m for m in ('httpx', 'httpx._main', 'rich', 'pandas', 'pyarrow', "
        "'pyarrow.compute') if sys.modules.get(m) is not None), file=sys.stderr, flush=True)\n"
        "    _exit(code)\n"
        "os._exit = loaded\n"
        "sys.argv = ['occ', 'probe', '-c', sys.argv[1], '-w', sys.argv[2], '-f', 'csv']\nmain()\n"
    )
    for workers in ("1", "2"):
        env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
        out = subprocess.run([sys.executable, "-c", code, str(cfg), workers], capture_output=True, text=True,
                             env=env)
        assert out.returncode == 3
        assert [line.split(",")[:5] for line in out.stdout.splitlines()[1:4]] == [
            ["app", "1", "1", "0", "0"], ["api", "1", "1", "0", "0"], ["broken", "1", "0", "0", "1"],
        ]
        assert out.stderr.splitlines()[-1] == "['httpx', 'pyarrow']"
    assert sorted(load_probes(tmp_path / "data")["target"]) == sorted(["api", "app", "broken"] * 2)


def test_a_forced_terminal_draws_the_progress_bar(tmp_path, server):
    # FORCE_COLOR makes rich draw on a stderr that is not a tty (CI logs): the bar is still drawn there
    cfg = _workspace(tmp_path, _targets(server))
    out = subprocess.run([_occ(), "probe", "-c", str(cfg), "-w", "1", "-f", "csv"], capture_output=True,
                         text=True, env={**os.environ, "FORCE_COLOR": "1"})
    assert out.returncode == 3
    assert "probing" in out.stderr and "3/3" in out.stderr and "1 not up" in out.stderr


def _occ() -> str:
    return shutil.which("occ", path=str(Path(sys.executable).parent)) or "occ"


def _stored_runs(lines: str) -> set[str]:
    """Run ids of the complete ``occ: run i/n (RUN_ID): ...`` lines a process wrote."""
    runs = set()
    for line in lines.splitlines(keepends=True):
        if line.endswith("\n") and line.startswith("occ: run ") and " (" in line and "): " in line:
            runs.add(line.split(" (", 1)[1].split(")", 1)[0])
    return runs


def test_killed_run_keeps_stored_runs_whole_and_two_runs_at_once_never_collide(tmp_path, server):
    """A real ``occ probe --repeat`` process SIGKILLed mid-run: every run it stored before stays
    whole and the run in flight leaves nothing visible; then two processes probing at once both
    store every row, in files of their own."""
    targets = "".join(f"    - {{name: t{i}, url: '{server.url}/slow?ms=20'}}\n" for i in range(6))
    cfg = _workspace(tmp_path, targets)
    store = tmp_path / "data"
    argv = [_occ(), "probe", "--config", str(cfg), "--concurrency", "3", "--format", "csv"]
    proc = subprocess.Popen([*argv, "--repeat", "1000"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    seen = ""
    while seen.count("occ: run ") < 2:  # two runs stored: kill it somewhere in the third or fourth
        line = proc.stderr.readline()
        assert line, f"occ probe ended early: {seen}"
        seen += line
    time.sleep(random.Random(5).uniform(0.0, 0.15))
    proc.send_signal(signal.SIGKILL)
    seen += proc.stderr.read()
    assert proc.wait() == -signal.SIGKILL
    reported = _stored_runs(seen)
    files = [f for f in (store / "probes").rglob("*.parquet") if not f.name.startswith(".")]
    for f in files:
        pq.read_table(f)  # every visible file is complete
    df = load_probes(store)
    per_run = df.groupby("run_id").size()
    assert set(per_run.values) == {6}  # a run is all there or absent
    assert reported <= set(per_run.index) and len(per_run) - len(reported) <= 1  # (killed before its line)
    before = len(df)

    two = [subprocess.Popen([*argv, "--repeat", "3"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True) for _ in range(2)]
    errs = [p.communicate(timeout=120)[1] for p in two]
    assert [p.returncode for p in two] == [0, 0], errs
    runs = [_stored_runs(e) for e in errs]
    assert len(runs[0]) == len(runs[1]) == 3 and not runs[0] & runs[1]
    after = load_probes(store)
    assert len(after) == before + 2 * 3 * 6
    assert set(after.groupby("run_id").size().values) == {6}
    names = [f.name for f in (store / "probes").rglob("*.parquet") if not f.name.startswith(".")]
    assert len(names) == len(set(names)) == len(files) + 6


@pytest.mark.parametrize("group", [True, False], ids=["ctrl-c-in-a-terminal", "kill-int-the-parent"])
def test_an_interrupt_stops_the_workers_at_once_and_says_what_was_stored(tmp_path, group):
    """SIGINT to the whole process group (Ctrl-C in a terminal) or to the parent alone, while one
    worker has finished its share of the second run and the other's probes hang: exit 130 with one
    line saying the first run is stored, no worker traceback, no worker left behind."""
    seen: list[str] = []
    release = threading.Event()

    def first_run_only(path: str) -> None:
        seen.append(path)
        if len(seen) > 4 and path in ("/1", "/3"):  # the second worker's share of run 2
            release.wait(60)

    srv = ps.head_server(first_run_only)
    try:
        url = f"http://127.0.0.1:{srv.server_address[1]}"
        targets = "".join(f"    - {{name: t{i}, url: '{url}/{i}'}}\n" for i in range(4))
        cfg = _workspace(tmp_path, targets, "{timeout_s: 60, degraded_ms: 60000}")
        proc = subprocess.Popen(
            [_occ(), "probe", "--config", str(cfg), "--repeat", "2", "--workers", "2", "--format", "csv"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        first = proc.stderr.readline()
        assert first.startswith("occ: run 1/2 (") and "): 4 probes, 0 not up, stored in " in first
        while len(seen) < 8:  # every probe of the second run has reached the server
            time.sleep(0.02)
        time.sleep(0.3)  # (the first worker's share is answered: it waits for work)
        if group:
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)  # (the hanging probes would wait 60 s)
    finally:
        release.set()
        srv.shutdown()
        srv.server_close()
    assert (proc.returncode, out) == (130, "")
    assert err == "occ: interrupted: 1 of 2 run(s) stored; the probes of a run cut short are not\n"
    assert len(load_probes(tmp_path / "data")) == 4
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)  # nothing of the process group is left


@pytest.mark.parametrize("value", ["0", "-1", "two", ""])
def test_workers_must_be_a_count_or_auto(tmp_path, server, capsys, value):
    cfg = _workspace(tmp_path, _targets(server))
    code, out, err = _run(["probe", "--config", str(cfg), "--workers", value], capsys)
    assert code == 2 and out == ""
    said = " ".join(err.replace("│", " ").split())
    assert f"expected a number of at least 1 or auto, got {value!r}" in said
    assert not (tmp_path / "data").exists()


def test_auto_workers_one_for_small_runs_else_two_per_core():
    from occ_lib.probe import auto_workers

    assert [auto_workers(n, 100, cpus=2) for n in (1, 3, 49, 50, 75, 100, 1000)] == [1, 1, 1, 2, 3, 4, 4]
    assert auto_workers(1000, 100, cpus=8) == 4  # at least 25 probes in flight each
    assert auto_workers(1000, 400, cpus=8) == 16
    assert auto_workers(1000, 10, cpus=8) == 1
