"""The Parquet probe store: partitioning, range reads that open only the needed days, unreadable
files, compaction (and its crash window), export, and reading it without occ."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from occ_lib.errors import ArgumentError, StoreError
from occ_lib.schema import PROBE_COLUMNS, PROBE_SCHEMA, conform
from occ_lib.store import (
    StoreWarning,
    compact,
    evidence_keys,
    export,
    load_probes,
    write_probes,
)


def rows(run_id: str, times: list[str], target: str = "a", **extra) -> pd.DataFrame:
    n = len(times)
    base = {
        "run_id": [run_id] * n, "source": ["probe"] * n, "probe_host": ["ci-1"] * n, "target": [target] * n,
        "url": [f"https://{target}.test/"] * n, "method": ["HEAD"] * n,
        "started_at": pd.to_datetime(times, utc=True, format="ISO8601"),
        "status": [200] * n, "outcome": ["up"] * n, "elapsed_ms": [12.5] * n, "time_source": ["clock"] * n,
        "tags": ['{"env":"staging"}'] * n,
    }
    base.update(extra)
    return pd.DataFrame(base)


def files(store: Path) -> list[str]:
    return sorted(p.relative_to(store).as_posix() for p in store.rglob("*") if p.is_file()
                  and not p.name.endswith(".lock"))


def strict_load(*args, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return load_probes(*args, **kw)


def test_rows_written_without_pandas_read_back_as_the_frame_written_with_it(tmp_path):
    from occ_lib.store import write_probe_rows

    times = ["2025-10-10T23:59:59.999999Z", "2025-10-11T01:59:00+02:00", "2025-10-11T00:00:00Z"]
    df = conform(rows("run-1", times, bytes=[0, 10, None], error_message=["é ✓", None, None]))
    plain = df.astype(object).where(df.notna(), None).to_dict("records")
    for r in plain:
        r["started_at"] = r["started_at"].to_pydatetime()
    a, b = tmp_path / "a", tmp_path / "b"
    written = write_probe_rows(a, plain)
    assert [p.parent.name for p in written] == ["date=2025-10-10", "date=2025-10-11"]
    write_probes(b, df)
    assert [pq.read_table(p).to_pylist() for p in written] == [
        pq.read_table(p).to_pylist() for p in sorted((b / "probes").rglob("*.parquet"))
    ]
    pd.testing.assert_frame_equal(strict_load(a), strict_load(b))
    assert write_probe_rows(a, []) == []


def test_rows_of_several_runs_and_days_are_grouped_and_ordered_as_arrow_would(tmp_path):
    # the rows path groups and sorts in Python (no Arrow compute): runs interleaved, out of order,
    # a tie on started_at broken by target, a naive time read as UTC, a None run id as "run"
    from occ_lib.store import write_probe_rows

    utc = dt.UTC
    at = [dt.datetime(2025, 10, 10, 23, 30, tzinfo=utc), dt.datetime(2025, 10, 11, 1, 0, tzinfo=utc),
          dt.datetime(2025, 10, 11, 2, 0, tzinfo=dt.timezone(dt.timedelta(hours=3))),  # 23:00 UTC, Oct 10
          dt.datetime(2025, 10, 10, 23, 30)]  # naive: UTC
    plain = [dict.fromkeys(PROBE_COLUMNS) for _ in range(6)]
    for r, (run, target, when) in zip(plain, [
        ("b", "z", at[1]), ("a", "y", at[0]), ("b", "x", at[1]), ("a", "w", at[2]), ("a", "v", at[3]),
        (None, "u", at[0]),
    ], strict=True):
        r.update(run_id=run, target=target, started_at=when, source="probe", outcome="up")
    written = write_probe_rows(tmp_path, plain)
    got = [(p.parent.name, p.name.rsplit("-", 1)[0], [(r["target"], r["started_at"].isoformat())
            for r in pq.read_table(p).to_pylist()]) for p in written]
    assert got == [
        ("date=2025-10-10", "a", [("w", "2025-10-10T23:00:00+00:00"), ("v", "2025-10-10T23:30:00+00:00"),
                                  ("y", "2025-10-10T23:30:00+00:00")]),
        ("date=2025-10-11", "b", [("x", "2025-10-11T01:00:00+00:00"), ("z", "2025-10-11T01:00:00+00:00")]),
        ("date=2025-10-10", "run", [("u", "2025-10-10T23:30:00+00:00")]),
    ]
    # a started_at given as text goes the Arrow way, to the same place
    text = dict(plain[1], started_at="2025-10-10T23:30:00Z")
    [again] = write_probe_rows(tmp_path / "t", [text])
    assert again.parent.name == "date=2025-10-10"
    assert pq.read_table(again).column("target").to_pylist() == ["y"]
    with pytest.raises(StoreError, match=r"probes: 1 row\(s\) have no started_at; nothing was written"):
        write_probe_rows(tmp_path / "n", [plain[0], dict(plain[1], started_at=None)])
    assert not (tmp_path / "n").exists() or files(tmp_path / "n") == []


def test_write_partitions_by_utc_date_and_round_trips(tmp_path):
    df = rows("run-1", ["2025-10-10T23:59:59.999999Z", "2025-10-11T01:59:00+02:00", "2025-10-11T00:00:00Z"])
    written = write_probes(tmp_path, df)
    names = files(tmp_path)
    assert len(written) == 2 and len(names) == 2
    assert names[0].startswith("probes/date=2025-10-10/run-1-") and names[0].endswith(".parquet")
    assert names[1].startswith("probes/date=2025-10-11/run-1-")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == names
    assert pq.read_schema(written[0]).remove_metadata() == PROBE_SCHEMA
    got = strict_load(tmp_path)
    assert list(got.columns) == list(PROBE_COLUMNS)
    assert str(got["started_at"].dtype) == "datetime64[us, UTC]"
    assert str(got["status"].dtype) == "Int32" and str(got["bytes"].dtype) == "Int64"
    assert list(got["started_at"]) == [
        pd.Timestamp("2025-10-10T23:59:00Z"), pd.Timestamp("2025-10-10T23:59:59.999999Z"),
        pd.Timestamp("2025-10-11T00:00:00Z")]
    assert list(got["status"]) == [200, 200, 200]
    assert got["error"].isna().all() and got["dns_ms"].isna().all()


def test_write_refuses_rows_without_time_and_writes_nothing(tmp_path):
    df = rows("r", ["2025-10-10T00:00:00Z", "2025-10-10T00:00:01Z"])
    df.loc[1, "started_at"] = pd.NaT
    with pytest.raises(StoreError, match=r"1 row\(s\) have no started_at; nothing was written"):
        write_probes(tmp_path, df)
    assert files(tmp_path) == []
    assert write_probes(tmp_path, df.iloc[0:0]) == []


def test_two_writes_of_one_run_never_overwrite(tmp_path):
    df = rows("same/run id", ["2025-10-10T00:00:00Z"])
    a = write_probes(tmp_path, df)
    b = write_probes(tmp_path, df)
    assert a != b
    assert a[0].name.startswith("same_run_id-")
    assert len(strict_load(tmp_path)) == 2


@pytest.fixture
def three_days(tmp_path):
    write_probes(tmp_path, rows("r1", ["2025-10-09T23:00:00Z", "2025-10-10T00:00:00Z",
                                       "2025-10-10T12:00:00Z"]))
    write_probes(tmp_path, rows("r2", ["2025-10-10T12:00:00Z", "2025-10-11T06:00:00Z"], target="b"))
    write_probes(tmp_path, rows("r3", ["2025-10-12T00:00:00Z"]))
    return tmp_path


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (None, None, ["r1@2025-10-09T23", "r1@2025-10-10T00", "r1@2025-10-10T12", "r2@2025-10-10T12",
                      "r2@2025-10-11T06", "r3@2025-10-12T00"]),
        ("2025-10-10", "2025-10-11", ["r1@2025-10-10T00", "r1@2025-10-10T12", "r2@2025-10-10T12"]),
        (dt.date(2025, 10, 10), dt.datetime(2025, 10, 10, 12), ["r1@2025-10-10T00"]),
        ("2025-10-10T02:00:00+02:00", "2025-10-10T12:00:00.000001Z",
         ["r1@2025-10-10T00", "r1@2025-10-10T12", "r2@2025-10-10T12"]),
        (pd.Timestamp("2025-10-11T06:00:00Z"), None, ["r2@2025-10-11T06", "r3@2025-10-12T00"]),
        ("2025-10-13", None, []),
    ],
)
def test_start_inclusive_end_exclusive_utc(three_days, start, end, expected):
    got = strict_load(three_days, start, end)
    pairs = zip(got["run_id"], got["started_at"], strict=True)
    assert [f"{r}@{t.strftime('%Y-%m-%dT%H')}" for r, t in pairs] == expected


def test_targets_filter(three_days):
    assert list(strict_load(three_days, targets="b")["run_id"]) == ["r2", "r2"]
    assert len(strict_load(three_days, targets=["a", "b"])) == 6
    assert strict_load(three_days, targets=[]).empty


def test_bad_bound_is_an_argument_error(three_days):
    # (an argument mistake, as in sla/timeline/aggregate: was a StoreError before round 8)
    with pytest.raises(ArgumentError, match=r"^start: not a date or time: 'last tuesday'"):
        load_probes(three_days, "last tuesday")


def test_only_needed_partitions_are_opened(three_days, monkeypatch):
    bad = three_days / "probes" / "date=2025-10-12" / "zz-corrupt.parquet"
    bad.write_bytes(b"PAR1 this is not parquet at all")
    import pyarrow.dataset as pads

    opened: list[str] = []
    real = pads.dataset

    def spy(source, *a, **kw):
        opened.extend([source] if isinstance(source, str) else list(source))
        return real(source, *a, **kw)

    monkeypatch.setattr(pads, "dataset", spy)
    got = strict_load(three_days, "2025-10-10", "2025-10-11T12:00:00Z")  # no warning: day 12 not read
    assert len(got) == 4
    assert sorted({Path(p).parent.name for p in opened}) == ["date=2025-10-10", "date=2025-10-11"]


def test_unreadable_file_is_skipped_with_a_warning_naming_it(three_days):
    bad = three_days / "probes" / "date=2025-10-12" / "zz-corrupt.parquet"
    bad.write_bytes(b"PAR1 this is not parquet at all")
    (three_days / "probes" / "date=2025-10-12" / ".tmp-abc.parquet.part").write_bytes(b"half a fi")
    with pytest.warns(StoreWarning, match=rf"{bad}: skipped unreadable Parquet file"):
        got = load_probes(three_days)
    assert list(got["run_id"]) == ["r1", "r1", "r1", "r2", "r2", "r3"]
    assert got.attrs["skipped_files"] == [str(bad)]
    with pytest.raises(StoreError, match=rf"{bad}: unreadable Parquet file"):
        load_probes(three_days, on_error="raise")


def test_empty_store_gives_typed_empty_frame_and_a_missing_one_an_error(tmp_path):
    got = strict_load(tmp_path)  # (an existing folder without probes: an empty store)
    assert got.empty and list(got.columns) == list(PROBE_COLUMNS)
    assert str(got["started_at"].dtype) == "datetime64[us, UTC]"
    # (a mistyped path read as "no probes" before round 8)
    with pytest.raises(StoreError, match=r"nowhere: no such store$"):
        strict_load(tmp_path / "nowhere")


def test_compact_merges_days_and_keeps_every_row(tmp_path):
    for i in range(3):
        write_probes(tmp_path, rows(f"r{i}", [f"2025-10-10T0{i}:00:00Z", f"2025-10-10T0{i}:30:00Z"]))
    write_probes(tmp_path, rows("solo", ["2025-10-11T00:00:00Z"]))
    before = strict_load(tmp_path)
    assert compact(tmp_path, before="2025-10-10") == []
    assert compact(tmp_path) == [(dt.date(2025, 10, 10), 3)]
    names = files(tmp_path)
    assert len(names) == 2
    assert names[0].startswith("probes/date=2025-10-10/compacted-")
    assert names[1].startswith("probes/date=2025-10-11/solo-")
    assert strict_load(tmp_path).equals(before)
    assert compact(tmp_path) == []  # one file per day now


def test_compact_removes_duplicate_evidence_rows(tmp_path):
    ev = rows("import-1", ["2025-10-10T00:00:00Z", "2025-10-10T01:00:00Z"], source=["evidence"] * 2,
              evidence_key=["abc:0", "abc:1"])
    write_probes(tmp_path, ev)
    write_probes(tmp_path, ev.assign(run_id="import-2"))  # e.g. two imports racing without the lock
    assert len(strict_load(tmp_path)) == 4
    assert compact(tmp_path) == [(dt.date(2025, 10, 10), 2)]
    got = strict_load(tmp_path)
    assert list(got["evidence_key"]) == ["abc:0", "abc:1"]
    assert list(got["run_id"]) == ["import-1", "import-1"]
    assert evidence_keys(tmp_path) == {"abc:0", "abc:1"}


def test_crash_between_rename_and_delete_loses_nothing_and_shows_no_duplicates(tmp_path):
    store = tmp_path / "store"
    for i in range(3):
        write_probes(store, rows(f"r{i}", [f"2025-10-10T0{i}:00:00Z"]))
    day = store / "probes" / "date=2025-10-10"
    backup = tmp_path / "backup"
    shutil.copytree(day, backup)
    before = strict_load(store)
    compact(store)
    for f in backup.iterdir():  # the originals are back: as if compact died before deleting them
        shutil.copy2(f, day / f.name)
    assert len(files(store)) == 4  # 1 compacted + 3 originals
    assert strict_load(store).equals(before)  # occ skips files that a compacted file replaces
    glob = f"{store}/probes/**/*.parquet"
    assert duckdb.sql(f"select count(*) from read_parquet('{glob}')").fetchall() == [(6,)]  # documented
    assert compact(store) == [(dt.date(2025, 10, 10), 4)]
    assert len(files(store)) == 1
    assert strict_load(store).equals(before)


def test_compact_leaves_unreadable_files_in_place(tmp_path):
    write_probes(tmp_path, rows("r1", ["2025-10-10T00:00:00Z"]))
    write_probes(tmp_path, rows("r2", ["2025-10-10T01:00:00Z"]))
    bad = tmp_path / "probes" / "date=2025-10-10" / "broken.parquet"
    bad.write_bytes(b"garbage")
    with pytest.warns(StoreWarning, match="broken.parquet: skipped unreadable"):
        assert compact(tmp_path) == [(dt.date(2025, 10, 10), 2)]
    assert bad.exists()
    with pytest.warns(StoreWarning):
        assert list(load_probes(tmp_path)["run_id"]) == ["r1", "r2"]


def test_export_csv_exact(tmp_path):
    df = rows("r1", ["2025-10-10T00:00:00Z", "2025-10-10T00:00:01.5Z"], target="a")
    df["status"] = pd.array([200, 503], dtype="Int32")
    write_probes(tmp_path, df)
    write_probes(tmp_path, rows("r2", ["2025-10-10T00:00:00Z"], target="b"))
    out = tmp_path / "out" / "a.csv"
    assert export(tmp_path, out, "csv", targets=["a"], start="2025-10-10", end="2025-10-11") == 2
    tail = ',12.5,,,,,,,,,,,"{""env"":""staging""}",,clock,\n'
    assert out.read_text() == (
        ",".join(PROBE_COLUMNS) + "\n"
        # (one form per column: microseconds on every row when one row has them)
        + "r1,probe,ci-1,a,https://a.test/,HEAD,2025-10-10T00:00:00.000000Z,200,up,," + tail
        + "r1,probe,ci-1,a,https://a.test/,HEAD,2025-10-10T00:00:01.500000Z,503,up,," + tail
    )
    assert [p.name for p in out.parent.iterdir()] == ["a.csv"]  # no temp file left behind


def test_export_parquet_round_trip(tmp_path):
    write_probes(tmp_path, rows("r1", ["2025-10-10T00:00:00Z", "2025-10-11T00:00:00Z"]))
    out = tmp_path / "x.parquet"
    assert export(tmp_path, out, "parquet") == 2
    t = pq.read_table(out)
    assert t.schema.remove_metadata() == PROBE_SCHEMA
    assert t.column("started_at").to_pylist() == [
        dt.datetime(2025, 10, 10, tzinfo=dt.UTC), dt.datetime(2025, 10, 11, tzinfo=dt.UTC)]
    with pytest.raises(StoreError, match="unknown export format 'xml'"):
        export(tmp_path, out, "xml")  # type: ignore[arg-type]


READER = textwrap.dedent(
    """
    import json, sys
    store = sys.argv[1]
    import duckdb, pandas as pd, pyarrow.dataset as ds
    q = f"select date, target, status, started_at from read_parquet('{store}/probes/**/*.parquet', "
    q += "hive_partitioning=true) order by started_at"
    duck = [[str(d), t, s, ts.isoformat()] for d, t, s, ts in duckdb.sql(q).fetchall()]
    tbl = ds.dataset(f"{store}/probes", format="parquet", partitioning="hive").to_table()
    pa_rows = sorted(zip(tbl.column("started_at").to_pylist(), map(str, tbl.column("date").to_pylist())))
    pdf = pd.read_parquet(f"{store}/probes").sort_values("started_at")
    print(json.dumps({
        "duckdb": duck,
        "pyarrow": [[str(d), t.isoformat()] for t, d in pa_rows],
        "pandas": [[str(d), int(s), str(pdf["status"].dtype)] for d, s in zip(pdf["date"], pdf["status"])],
        "occ_loaded": any(m.startswith("occ_lib") for m in sys.modules),
    }))
    """
)


def test_store_is_readable_without_occ(tmp_path):
    write_probes(tmp_path, rows("r1", ["2025-10-10T23:00:00Z", "2025-10-11T00:30:00Z"], target="a"))
    write_probes(tmp_path, rows("r2", ["2025-10-11T01:00:00Z"], target="b", status=[410]))
    assert compact(tmp_path) == [(dt.date(2025, 10, 11), 2)]  # leaves probes/.compact.lock behind
    write_probes(tmp_path, rows("r3", ["2025-10-11T02:00:00Z"], target="b"))
    (tmp_path / "probes" / "date=2025-10-11" / ".tmp-dead.parquet.part").write_bytes(b"PAR1 partial")
    out = subprocess.run([sys.executable, "-c", READER, str(tmp_path)], capture_output=True, text=True,
                         check=True)
    got = json.loads(out.stdout)
    assert got["occ_loaded"] is False
    assert got["duckdb"] == [
        ["2025-10-10", "a", 200, "2025-10-10T23:00:00+00:00"],
        ["2025-10-11", "a", 200, "2025-10-11T00:30:00+00:00"],
        ["2025-10-11", "b", 410, "2025-10-11T01:00:00+00:00"],
        ["2025-10-11", "b", 200, "2025-10-11T02:00:00+00:00"],
    ]
    assert got["pyarrow"] == [["2025-10-10", "2025-10-10T23:00:00+00:00"],
                              ["2025-10-11", "2025-10-11T00:30:00+00:00"],
                              ["2025-10-11", "2025-10-11T01:00:00+00:00"],
                              ["2025-10-11", "2025-10-11T02:00:00+00:00"]]
    assert got["pandas"] == [["2025-10-10", 200, "Int32"], ["2025-10-11", 200, "Int32"],
                             ["2025-10-11", 410, "Int32"], ["2025-10-11", 200, "Int32"]]


def test_a_file_removed_between_listing_and_reading_makes_the_reader_list_again(tmp_path, monkeypatch):
    import occ_lib.store as store_mod

    write_probes(tmp_path, rows("r1", ["2025-10-10T00:00:00Z"]))
    real = store_mod._live_files
    calls = {"n": 0}

    def stale_once(folder):
        live, left, bad = real(folder)
        calls["n"] += 1
        if calls["n"] == 1:  # as if a compaction deleted this file right after we listed it
            live = [*live, folder / "r0-already-compacted.parquet"]
        return live, left, bad

    monkeypatch.setattr(store_mod, "_live_files", stale_once)
    got = strict_load(tmp_path)
    assert (calls["n"], list(got["run_id"])) == (2, ["r1"])
