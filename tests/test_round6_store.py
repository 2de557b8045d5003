"""Round 6, the store: a read-only store, queries racing ``occ store compact``, a streamed export.

A read-only store is made read-only for real where the machine allows it: ``chmod`` for a normal
user; as root (whom ``chmod`` does not stop) a read-only bind mount (EROFS, as a read-only share
or snapshot), else ``chattr +i`` (EPERM); only where neither is allowed (root in a container
without those capabilities) is ``open`` in :mod:`occ_lib.store` made to fail with EROFS.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from occ_lib import aggregate, report, store
from occ_lib.cli import main
from occ_lib.errors import StoreError
from occ_lib.formats import render
from occ_lib.schema import to_arrow
from occ_lib.store import StoreWarning, compact, export, load_probes, write_probes
from tests.evidence_rows import code_notebook

# helpers ------------------------------------------------------------------------------------------


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def probes(at: str, targets: list[str], run_id: str, **cols) -> pd.DataFrame:
    t = pd.Timestamp(at)
    return pd.DataFrame({
        "run_id": run_id, "source": "probe", "target": targets, "url": "http://x/",
        "started_at": [t] * len(targets), "status": 200, "outcome": "up", "elapsed_ms": 10.0, **cols,
    })


def _tree(folder: Path) -> list[Path]:
    return [folder, *sorted(p for p in folder.rglob("*"))]


def _try(*cmd: str) -> bool:
    return subprocess.run(list(cmd), capture_output=True).returncode == 0


@contextlib.contextmanager
def read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Make ``folder`` refuse writes (see the module docstring); yields the reason a write gets."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in _tree(folder) if p.is_dir()}
        for p in modes:
            p.chmod(0o555)
        try:
            yield os.strerror(errno.EACCES)
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
    elif _try("mount", "--bind", str(folder), str(folder)):
        try:
            if not _try("mount", "-o", "remount,bind,ro", str(folder)):
                raise RuntimeError(f"{folder}: cannot remount read-only")
            yield os.strerror(errno.EROFS)
        finally:
            subprocess.run(["umount", str(folder)], check=True)
    elif _try("chattr", "-R", "+i", str(folder)):
        try:
            yield os.strerror(errno.EPERM)
        finally:
            subprocess.run(["chattr", "-R", "-i", str(folder)], check=True)
    else:  # (no real way here: writes through occ_lib.store's open fail as on a read-only mount)
        real = open

        def refuse(path, mode="r", *args, **kwargs):
            if any(c in mode for c in "wax+") and Path(path).resolve().is_relative_to(folder.resolve()):
                raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
            return real(path, mode, *args, **kwargs)

        monkeypatch.setattr(store, "open", refuse, raising=False)
        yield os.strerror(errno.EROFS)
        monkeypatch.delattr(store, "open")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


EVIDENCE = {"results": [{"check": "a", "url": "https://x.invalid/", "statusCode": 200, "success": True,
                         "latencyMs": 12, "checkedAt": "2025-10-08T10:00:00Z"}]}


@pytest.fixture
def ro_ws(tmp_path: Path) -> Path:
    """A workspace whose store holds 3 probe rows (two files of 2025-10-07) and whose evidence
    file (one row, 2025-10-08) is not imported yet."""
    (tmp_path / "ev").mkdir()
    (tmp_path / "ev" / "c.json").write_text(json.dumps(EVIDENCE))
    (tmp_path / "log.md").write_text("# ops\n## 2025-10-07\n- 10:00 UTC: ok\n")
    (tmp_path / "occ.yml").write_text("logs: [log.md]\nevidence: [ev/*.json]\nstore: ro/\n")
    write_probes(tmp_path / "ro", probes("2025-10-07T10:00Z", ["a", "b"], "r1"))
    write_probes(tmp_path / "ro", probes("2025-10-07T11:00Z", ["a"], "r2"))
    return tmp_path


# 1. a read-only store -----------------------------------------------------------------------------


def test_import_and_compact_on_a_read_only_store_are_one_error_line(ro_ws, capsys, monkeypatch):
    monkeypatch.chdir(ro_ws)
    before = snapshot(ro_ws / "ro")
    with read_only(ro_ws / "ro", monkeypatch) as why:
        assert run(["import", "--config", "occ.yml"], capsys) == (
            1, "", f"occ: error: ro/probes: cannot import: the store cannot be written ({why})\n")
        assert run(["store", "compact", "--config", "occ.yml"], capsys) == (
            1, "", f"occ: error: ro/probes: cannot compact: the store cannot be written ({why})\n")
        # reading it still works
        code, out, err = run(["export", "--config", "occ.yml"], capsys)
        assert (code, err) == (0, "")
        assert [line.split(",")[:4] for line in out.splitlines()] == [
            ["run_id", "source", "probe_host", "target"], ["r1", "probe", "", "a"], ["r1", "probe", "", "b"],
            ["r2", "probe", "", "a"]]
    assert snapshot(ro_ws / "ro") == before


def test_compact_names_the_day_folder_that_refuses_writes(ro_ws, capsys, monkeypatch):
    monkeypatch.chdir(ro_ws)
    write_probes(ro_ws / "ro", probes("2025-10-06T10:00Z", ["a"], "r0"))
    write_probes(ro_ws / "ro", probes("2025-10-06T11:00Z", ["a"], "r0b"))
    day = ro_ws / "ro" / "probes" / "date=2025-10-07"
    with read_only(day, monkeypatch) as why:
        code, out, err = run(["store", "compact", "--config", "occ.yml"], capsys)
    assert (code, out, err) == (
        1, "", f"occ: error: ro/probes/date=2025-10-07: cannot compact: the store cannot be written ({why})"
        "\n")
    # the day before was merged; the refused day lost nothing and has no temp file left
    assert [p.name.startswith("compacted-") for p in (day.parent / "date=2025-10-06").iterdir()] == [True]
    assert len(list(day.iterdir())) == 2
    assert list(load_probes(ro_ws / "ro")["run_id"]) == ["r0", "r0b", "r1", "r1", "r2"]


def _tiny_report(path: Path) -> Path:
    """A report notebook that records how many rows the workspace's store holds."""
    return code_notebook(
        path, "config = None\nrecord = None",
        "import json\nfrom occ_lib.store import load_probes\nfrom occ_lib.weekly import workspace\n"
        "df = load_probes(workspace(config).store)\n"
        "json.dump({'rows': len(df), 'days': sorted(df['started_at'].dt.date.astype(str).unique())},"
        " open(record, 'w'))",
    )


@pytest.mark.slow
def test_weekly_report_on_a_read_only_store_skips_the_import_with_a_warning(ro_ws, monkeypatch):
    monkeypatch.delenv(report._IMPORTED_ENV, raising=False)  # (restored after: weekly() sets it)
    nb = _tiny_report(ro_ws / "count.ipynb")
    with read_only(ro_ws / "ro", monkeypatch) as why, pytest.warns(StoreWarning) as caught:
        res = report.weekly(ro_ws / "occ.yml", week="2025-W41", out=ro_ws / "reports",
                            notebooks=[str(nb)], progress=False)
    assert [str(w.message) for w in caught if w.category is StoreWarning] == [
        f"{(ro_ws / 'ro' / 'probes').resolve()}: cannot import: the store cannot be written ({why}); "
        "evidence not imported, the report uses what the store holds"]
    assert [(r.ok, r.error, r.record) for r in res.results] == [
        (True, None, {"rows": 3, "days": ["2025-10-07"]})]


def test_weekly_report_on_a_writable_store_still_imports(ro_ws, monkeypatch):
    monkeypatch.delenv(report._IMPORTED_ENV, raising=False)
    from occ_lib.workspace import Workspace

    report.ensure_store(Workspace.load(ro_ws / "occ.yml"))
    assert sorted(load_probes(ro_ws / "ro")["source"]) == ["evidence", "probe", "probe", "probe"]


# 2. DuckDB queries racing a compaction --------------------------------------------------------------


@pytest.fixture
def small_store(tmp_path: Path) -> Path:
    """Two days, three run files each; target b is down once."""
    root = tmp_path / "data"
    for day in ("2025-09-01", "2025-09-02"):
        for h in range(3):
            df = probes(f"{day}T{h:02d}:00Z", ["a", "b"], f"r{h}")
            if day == "2025-09-02" and h == 1:
                df.loc[1, ["outcome", "status", "elapsed_ms"]] = ["down", 500, 30.0]
            write_probes(root, df)
    return root


def _hook_live_files(monkeypatch, after_listing) -> list[int]:
    """Run ``after_listing(files)`` after each listing of the store by a DuckDB query."""
    real = store.live_files
    calls: list[int] = []

    def listed(*args, **kwargs):
        files = real(*args, **kwargs)
        calls.append(len(files))
        after_listing(files)
        return files

    monkeypatch.setattr(store, "live_files", listed)
    return calls


def test_a_query_lists_again_when_a_compaction_replaced_its_files(small_store, monkeypatch):
    compacted: list[object] = []

    def compact_once(files):
        if not compacted:
            compacted.append(compact(small_store.parent / "data"))

    calls = _hook_live_files(monkeypatch, compact_once)
    av = aggregate.availability(small_store, "2025-09-01", "2025-09-03")
    assert calls == [6, 2]  # six run files listed, gone; then the two compacted files
    assert [len(c) for c in compacted] == [2]  # type: ignore[arg-type]
    assert av[["target", "probes", "good", "bad"]].to_dict("records") == [
        {"target": "a", "probes": 6, "good": 6, "bad": 0}, {"target": "b", "probes": 6, "good": 5, "bad": 1}]
    assert av["ratio"].tolist() == [100.0, 5 / 6 * 100]
    lat = aggregate.latency_windows(small_store, None, (50, 100), "2025-09-01", "2025-09-03")
    assert lat[["target", "n", "p50", "p100"]].to_dict("records") == [
        {"target": "a", "n": 6, "p50": 10.0, "p100": 10.0},
        {"target": "b", "n": 5, "p50": 10.0, "p100": 10.0}]


def test_a_query_gives_up_clearly_when_files_keep_vanishing(small_store, monkeypatch):
    calls = _hook_live_files(monkeypatch, lambda files: files[0].unlink())
    with pytest.raises(StoreError) as exc:
        aggregate.availability(small_store, "2025-09-01", "2025-09-03")
    assert str(exc.value) == f"{small_store / 'probes'}: files kept changing while reading; try again"
    assert calls == [6, 5, 4, 3, 2]  # (the bound load_probes has)


def test_a_query_waits_for_the_running_compaction_before_listing_again(small_store, monkeypatch):
    """Day 1 is compacted and a compaction still holds the lock when the query lists: the query
    fails on a vanished day-1 file and lists again only once that compaction (day 2) has ended;
    without the wait it would list while day 2 still has its three run files."""
    held = contextlib.ExitStack()
    polls: list[float] = []

    def compaction_running(files):
        if not polls:
            compact(small_store, before="2025-09-02")
            held.enter_context(store.store_lock(small_store, "compact"))

    calls = _hook_live_files(monkeypatch, compaction_running)
    real_sleep = store.time.sleep

    def sleep(seconds: float) -> None:
        polls.append(seconds)
        if len(polls) == 3:  # (the compaction ends while the query waits)
            held.close()
            compact(small_store)
        real_sleep(0)

    monkeypatch.setattr(store.time, "sleep", sleep)
    av = aggregate.availability(small_store, "2025-09-01", "2025-09-03")
    assert calls == [6, 2]  # (not [6, 4]: day 2 listed while its compaction ran)
    assert polls[:3] == [0.05, 0.05, 0.05]
    assert av[["target", "probes", "good", "bad"]].to_dict("records") == [
        {"target": "a", "probes": 6, "good": 6, "bad": 0}, {"target": "b", "probes": 6, "good": 5, "bad": 1}]


def test_a_damaged_file_is_still_skipped_not_retried(small_store):
    bad = sorted((small_store / "probes" / "date=2025-09-01").iterdir())[0]
    bad.write_bytes(b"PAR1 not parquet")
    with pytest.warns(StoreWarning, match="skipped unreadable Parquet file"):
        av = aggregate.availability(small_store, "2025-09-01", "2025-09-03")
    assert av["probes"].tolist() == [5, 5]


# 3. a streamed export ----------------------------------------------------------------------------------


@pytest.fixture
def export_store(tmp_path: Path) -> Path:
    """Three days; rows of one run in two days; a null target; one time with microseconds on the
    last day only (CSV then writes microseconds on every row)."""
    root = tmp_path / "data"
    write_probes(root, probes("2025-10-01T23:30Z", ["b", "a"], "r1", tags='{"team": "x"}'))
    write_probes(root, probes("2025-10-02T00:10Z", ["a", None], "r1"))  # type: ignore[list-item]
    write_probes(root, probes("2025-10-02T00:10Z", ["a"], "r0", status=None, elapsed_ms=None))
    write_probes(root, probes("2025-10-03T08:00:00.250Z", ["c"], "r2", error_message="a, \"quoted\"\nline"))
    return root


def _scanned_rows(monkeypatch) -> list[int]:
    real = store._scan
    rows: list[int] = []

    def counting(*args, **kwargs):
        tbl, bad = real(*args, **kwargs)
        if tbl.num_columns > 1:
            rows.append(tbl.num_rows)
        return tbl, bad

    monkeypatch.setattr(store, "_scan", counting)
    return rows


def test_csv_export_is_read_day_by_day_and_byte_identical(export_store, tmp_path, monkeypatch):
    whole = io.StringIO()
    render(load_probes(export_store), "csv", whole)
    scanned = _scanned_rows(monkeypatch)
    out = tmp_path / "out.csv"
    assert export(export_store, out) == 6
    assert scanned == [2, 3, 1]  # one day at a time, never the whole selection
    text = out.read_text(encoding="utf-8")
    assert text == whole.getvalue()
    lines = text.splitlines()
    assert lines[1].split(",")[:7] == ["r1", "probe", "", "a", "http://x/", "", "2025-10-01T23:30:00.000000Z"]
    assert [line.split(",")[6] for line in lines[2:6]] == ["2025-10-01T23:30:00.000000Z"] + [
        "2025-10-02T00:10:00.000000Z"] * 3
    assert [line.split(",")[3] for line in lines[1:6]] == ["a", "b", "a", "a", ""]
    last = '\nr2,probe,,c,http://x/,,2025-10-03T08:00:00.250000Z,200,up,,"a, ""quoted""\nline",10.0'
    assert text.endswith(last + "," * 14 + "\n")
    stream = io.StringIO()
    assert export(export_store, stream, targets=["a"], start="2025-10-02") == 2
    assert stream.getvalue().splitlines()[1:] == [
        "r0,probe,,a,http://x/,,2025-10-02T00:10:00Z,,up,,,,,,,,,,,,,,,,,",
        "r1,probe,,a,http://x/,,2025-10-02T00:10:00Z,200,up,,,10.0,,,,,,,,,,,,,,"]


def test_parquet_export_is_row_identical(export_store, tmp_path, monkeypatch):
    expected = to_arrow(load_probes(export_store))
    scanned = _scanned_rows(monkeypatch)
    out = tmp_path / "out.parquet"
    assert export(export_store, out, "parquet") == 6
    assert scanned == [2, 3, 1]
    got = pq.read_table(out)
    assert got.equals(expected, check_metadata=True)
    assert pq.read_metadata(out).num_row_groups == 3
    pd.testing.assert_frame_equal(pd.read_parquet(out), load_probes(export_store))


def test_an_empty_export_has_the_header_and_the_schema(export_store, tmp_path):
    assert export(export_store, tmp_path / "none.csv", start="2026-01-01") == 0
    assert (tmp_path / "none.csv").read_text().count("\n") == 1
    assert export(export_store, tmp_path / "none.parquet", "parquet", targets="zz") == 0
    assert pq.read_table(tmp_path / "none.parquet").equals(to_arrow(load_probes(export_store).iloc[:0]),
                                                          check_metadata=True)


def test_an_export_failing_midway_leaves_the_previous_file(export_store, tmp_path, monkeypatch):
    out = tmp_path / "out.parquet"
    out.write_bytes(b"previous")
    real = store._Selection.frames

    def broken(self):
        frames = real(self)
        yield next(frames)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store._Selection, "frames", broken)
    with pytest.raises(StoreError) as exc:
        export(export_store, out, "parquet")
    assert str(exc.value) == f"{out}: cannot write: No space left on device"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "out.parquet"]
    assert out.read_bytes() == b"previous"
    shutil.rmtree(export_store)
