"""Atomicity against real processes: writers and compactors SIGKILLed at random moments never damage
or lose what was stored, and two writers at once never collide."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
import warnings
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from occ_lib.store import load_probes, write_probes

pytestmark = pytest.mark.slow

ROWS_PER_DAY = 150

WORKER = textwrap.dedent(
    """
    import sys
    import pandas as pd
    from occ_lib.store import compact, write_probes

    store, name, batches, mode, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
    for i in range(batches):
        run = f"{name}-{i}"
        times = [pd.Timestamp("2025-10-10T00:00:00Z") + pd.Timedelta(seconds=30 * k) for k in range(n)]
        times += [pd.Timestamp("2025-10-11T00:00:00Z") + pd.Timedelta(seconds=30 * k) for k in range(n)]
        df = pd.DataFrame({"run_id": run, "source": "probe", "target": [f"t{k % 7}" for k in range(2 * n)],
                           "started_at": times, "status": 200, "outcome": "up",
                           "elapsed_ms": [float(k) for k in range(2 * n)]})
        write_probes(store, df)
        # one write per line: under PYTHONUNBUFFERED print() makes a syscall per piece, and a
        # kill between them would leave a torn "done" line
        sys.stdout.write(f"done {run}\\n")
        sys.stdout.flush()
        if mode == "compact" and i % 3 == 2:
            compact(store)
            sys.stdout.write("compacted\\n")
            sys.stdout.flush()
    """
)


def start(store: Path, name: str, batches: int, mode: str = "write") -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WORKER, str(store), name, str(batches), mode,
                             str(ROWS_PER_DAY)],
                            stdout=subprocess.PIPE, text=True)


def baseline(store: Path) -> pd.DataFrame:
    df = pd.DataFrame({
        "run_id": "baseline", "source": "probe", "target": ["a", "b", "c"],
        "started_at": pd.to_datetime(["2025-10-10T05:00:00Z", "2025-10-10T06:00:00Z",
                                      "2025-10-11T07:00:00Z"]),
        "status": [200, 503, 200], "outcome": ["up", "down", "up"], "elapsed_ms": [1.0, 2.0, 3.0],
    })
    write_probes(store, df)
    return load_probes(store)


def check_store(store: Path, base: pd.DataFrame, finished: set[str]) -> pd.DataFrame:
    # every visible file is a complete Parquet file
    for f in (store / "probes").rglob("*.parquet"):
        if f.name.startswith("."):
            continue
        pq.read_table(f)  # raises on a torn file
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = load_probes(store)
    kept = df[df["run_id"] == "baseline"].reset_index(drop=True)
    assert kept.equals(base)
    per = df[df["run_id"] != "baseline"].groupby(["run_id", df["started_at"].dt.date]).size()
    assert set(per.values) <= {ROWS_PER_DAY}  # a (run, day) is all there or absent: never partial
    runs = df.groupby("run_id").size()
    for run in finished:
        assert runs[run] == 2 * ROWS_PER_DAY
    assert not df.duplicated(["run_id", "started_at", "target"]).any()
    return df


def kill_at_random(proc: subprocess.Popen, rng: random.Random, finished: set[str]) -> None:
    # wait until the child is past its imports (first batch reported), then kill it mid-work
    first = proc.stdout.readline().split()
    if first and first[0] == "done":
        finished.add(first[1])
    time.sleep(rng.uniform(0.0, 0.25))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    for line in proc.stdout.read().splitlines(keepends=True):
        parts = line.split()
        if line.endswith("\n") and len(parts) == 2 and parts[0] == "done":  # complete lines only
            finished.add(parts[1])
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("mode", ["write", "compact"])
def test_sigkill_at_random_moments_never_damages_the_store(tmp_path, mode):
    store = tmp_path / "store"
    base = baseline(store)
    rng = random.Random(7 if mode == "write" else 11)
    finished: set[str] = set()
    for round_ in range(4):
        proc = start(store, f"{mode}{round_}", 10_000, mode)
        kill_at_random(proc, rng, finished)
        check_store(store, base, finished)
    assert len(finished) >= 4
    leftovers = [p.name for p in (store / "probes").rglob(".tmp-*")]
    assert all(n.endswith(".parquet.part") for n in leftovers)  # hidden, never read


def test_two_concurrent_writers_never_collide(tmp_path):
    store = tmp_path / "store"
    base = baseline(store)
    procs = [start(store, name, 12) for name in ("left", "right")]
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    finished = {line.split()[1] for out in outs for line in out.splitlines()}
    assert len(finished) == 24
    df = check_store(store, base, finished)
    assert len(df) == 3 + 24 * 2 * ROWS_PER_DAY
    names = [p.name for p in (store / "probes").rglob("*.parquet")]
    assert len(names) == 2 + 24 * 2 and len(set(names)) == len(names)


COMPACTOR = textwrap.dedent(
    """
    import sys, time
    from occ_lib.store import compact
    store, stop = sys.argv[1], sys.argv[2]
    import os
    rounds = 0
    while not os.path.exists(stop) or rounds == 0:
        compact(store)
        rounds += 1
    compact(store)
    print(rounds, flush=True)
    """
)


def test_writer_compactor_and_reader_at_once_see_every_row_once(tmp_path):
    store = tmp_path / "store"
    base = baseline(store)
    stop = tmp_path / "stop"
    writer = start(store, "w", 15, "write")
    compactor = subprocess.Popen([sys.executable, "-c", COMPACTOR, str(store), str(stop)],
                                 stdout=subprocess.PIPE, text=True)
    seen: list[int] = []
    while writer.poll() is None:
        df = load_probes(store)  # a reader during writes and compactions: whole runs, no duplicates
        assert not df.duplicated(["run_id", "started_at", "target"]).any()
        seen.append(len(df))
    assert writer.returncode == 0
    stop.write_text("")
    rounds = int(compactor.communicate(timeout=120)[0])
    assert compactor.returncode == 0 and rounds >= 1
    finished = {line.split()[1] for line in writer.stdout.read().splitlines()}
    assert len(finished) == 15
    df = check_store(store, base, finished)
    assert len(df) == 3 + 15 * 2 * ROWS_PER_DAY
    assert len(list((store / "probes").rglob("*.parquet"))) == 2  # one file per day after the last compact
    assert seen and all((n - 3) % ROWS_PER_DAY == 0 for n in seen)
