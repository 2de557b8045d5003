"""The probe store: Hive-partitioned Parquet that DuckDB, pyarrow and pandas read without occ.

Layout under the workspace's ``store:`` folder::

    probes/date=2025-10-10/<run_id>-<uuid>.parquet      one file per run and UTC day
    probes/date=2025-10-10/compacted-<uuid>.parquet     a day's files merged by ``compact``

Every file has exactly :data:`occ_lib.schema.PROBE_SCHEMA`; the ``date`` column lives only in the
folder name (the UTC date of ``started_at``).

Why it is safe:

* Writes go to a hidden ``.tmp-<uuid>.parquet.part`` in the same folder, are fsynced, then renamed
  with ``os.replace`` (atomic on POSIX); the folder is fsynced too. A reader never sees half a file:
  the hidden name is skipped by occ, by pyarrow (``.`` prefix) and by ``*.parquet`` globs (suffix).
  Names carry a fresh uuid4, so two runs writing at once never collide and nothing is overwritten.
* A killed writer leaves at most a ``.tmp-*`` file, which readers ignore and ``compact`` removes
  once it is an hour old; everything renamed before the kill is complete.
* ``compact`` (one at a time per store: it holds ``probes/.compact.lock``) writes the merged
  ``compacted-*`` file atomically, records the names it replaces in its Parquet metadata
  (``occ.replaces``), and only then deletes the originals. A crash at any moment loses no row; a
  crash between rename and delete leaves originals that occ's readers skip (they are listed as
  replaced) and that the next ``compact`` deletes. Tools reading the glob directly may count those
  leftovers twice until then. Merged rows are de-duplicated: evidence rows by ``evidence_key``,
  probe rows by ``(run_id, target, started_at)``.
* A reader (:func:`load_probes`, the DuckDB queries of :mod:`occ_lib.aggregate`) that finds a
  listed file gone waits for the running ``compact`` to end, then lists again (a few times at
  most, :func:`retry_listing`).
* A file that cannot be read (damaged on disk) never hides the rest: :func:`load_probes` skips it
  with a :class:`StoreWarning` naming it (also listed in ``df.attrs["skipped_files"]``), or raises
  :class:`~occ_lib.errors.StoreError` with ``on_error="raise"``; ``compact`` leaves it in place.
* A store that cannot be written (a read-only mount or snapshot) is still read by everything;
  ``import`` and ``compact`` stop before any work with a
  :class:`~occ_lib.errors.StoreNotWritable` naming the store (taking their lock needs a write),
  and a report skips its import step with a :class:`StoreWarning`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import io
import json
import os
import time
import uuid
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, TypeAlias, TypeVar

import pyarrow as pa
import pyarrow.parquet as pq

from .errors import StoreError, StoreNotWritable
from .schema import PROBE_COLUMNS, PROBE_SCHEMA, conform, empty_probes, to_arrow

PROBES = "probes"
COMPACTED_PREFIX = "compacted-"
REPLACES_KEY = b"occ.replaces"
_TMP_PREFIX = ".tmp-"
_TMP_SUFFIX = ".parquet.part"
_STALE_TMP_S = 3600.0
_DAY = dt.timedelta(days=1)
_TS = pa.timestamp("us", tz="UTC")
_T = TypeVar("_T")

if TYPE_CHECKING:  # pandas loads in the functions that need it: `occ probe` stores rows without it
    import pandas as pd

When: TypeAlias = "str | dt.date | dt.datetime | pd.Timestamp | None"


class StoreWarning(UserWarning):
    """A store file was skipped because it could not be read, or a report's import was skipped
    because the store cannot be written; the rest was still done."""


def _format_warning(
    message: Any, category: type[Warning], filename: str, lineno: int, line: Any = None
) -> str:
    """A ``StoreWarning`` as one line for people (a notebook's report shows it): no source path or
    line of occ's own code; other warnings as Python formats them."""
    if issubclass(category, StoreWarning):
        return f"occ: warning: {message}\n"
    return _PY_FORMAT_WARNING(message, category, filename, lineno, line)


_PY_FORMAT_WARNING = warnings.formatwarning
warnings.formatwarning = _format_warning


# paths ------------------------------------------------------------------------------------------
def probes_dir(store: str | Path) -> Path:
    """The ``probes/`` folder of a store; :class:`StoreError` when the store (or its ``probes``) is
    something else than a folder: reading it as an empty store would report no data at all."""
    root = Path(store) / PROBES
    for p in (Path(store), root):
        if p.exists() and not p.is_dir():
            raise StoreError(f"{p}: the store must be a folder, this is a file")
    return root


def existing_store(store: str | Path) -> Path:
    """``store`` as a path when it exists, else a :class:`StoreError` naming it (``no such store``):
    readers must not turn a mistyped path into empty frames that look like a quiet week. (Writers
    create the store; an existing store without probes still reads as empty.)"""
    path = Path(store)
    if not path.exists():
        raise StoreError(f"{store}: no such store")
    return path


def partition_dir(store: str | Path, day: dt.date) -> Path:
    return probes_dir(store) / f"date={day.isoformat()}"


def _partitions(store: str | Path) -> list[tuple[dt.date, Path]]:
    """Every ``date=YYYY-MM-DD`` folder, sorted; other names are ignored."""
    root = probes_dir(store)
    if not root.is_dir():
        return []
    out = []
    for p in root.iterdir():
        if p.is_dir() and p.name.startswith("date="):
            try:
                out.append((dt.date.fromisoformat(p.name[5:]), p))
            except ValueError:
                continue
    return sorted(out)


def _data_files(folder: Path) -> list[Path]:
    """The visible ``*.parquet`` files of one partition (temp and hidden files excluded)."""
    try:
        names = sorted(os.listdir(folder))
    except FileNotFoundError:
        return []
    return [folder / n for n in names if n.endswith(".parquet") and not n.startswith((".", "_"))]


def _replaced_names(files: list[Path]) -> tuple[set[str], list[tuple[Path, str]]]:
    """Names that ``compacted-*`` files in ``files`` say they replace, and unreadable footers."""
    replaced: set[str] = set()
    bad: list[tuple[Path, str]] = []
    for f in files:
        if not f.name.startswith(COMPACTED_PREFIX):
            continue
        try:
            meta = pq.read_metadata(f).metadata or {}
        except FileNotFoundError:
            continue
        except (OSError, pa.ArrowException) as exc:
            bad.append((f, _reason(exc)))
            continue
        raw = meta.get(REPLACES_KEY)
        if raw:
            with contextlib.suppress(ValueError):
                replaced.update(json.loads(raw))
    return replaced, bad


def _live_files(folder: Path) -> tuple[list[Path], list[Path], list[tuple[Path, str]]]:
    """(files to read, leftover files already merged into a compacted file, unreadable footers)."""
    files = _data_files(folder)
    replaced, bad = _replaced_names(files)
    live = [f for f in files if f.name not in replaced]
    leftovers = [f for f in files if f.name in replaced]
    return live, leftovers, bad


# times ------------------------------------------------------------------------------------------
def to_instant(value: When, param: str = "when") -> pd.Timestamp | None:
    """A bound as a UTC instant: dates mean UTC midnight, naive datetimes are UTC; None, an empty
    string or NaT is no bound. Parsed as strictly as :mod:`occ_lib.sla`, :mod:`occ_lib.timeline` and
    :mod:`occ_lib.aggregate` parse theirs (:func:`occ_lib.periods.instant`): YYYY-MM-DD or ISO 8601
    only, since pandas' guess read ``06/10/2025`` month-first and the int ``20251006`` as
    nanoseconds; anything else is an :class:`~occ_lib.errors.ArgumentError` naming ``param``."""
    import pandas as pd

    from .periods import instant

    if value is None or (isinstance(value, str) and not value.strip()) or value is pd.NaT:
        return None
    return instant(value, param).as_unit("us")


def _day_overlaps(day: dt.date, lo: pd.Timestamp | None, hi: pd.Timestamp | None) -> bool:
    import pandas as pd

    start = pd.Timestamp(day, tz="UTC")
    return (hi is None or start < hi) and (lo is None or start + _DAY > lo)


# writing ----------------------------------------------------------------------------------------
def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _atomic_write(table: pa.Table, final: Path, metadata: dict[bytes, bytes] | None = None) -> Path:
    """Write ``table`` to a hidden temp file next to ``final``, fsync, rename into place."""
    final.parent.mkdir(parents=True, exist_ok=True)
    if metadata:
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), **metadata})
    return _replace_with(final, _TMP_SUFFIX, "xb", lambda fh: pq.write_table(table, fh, compression="zstd"))


def _replace_with(final: Path, suffix: str, mode: str, write: Callable[[IO[Any]], object]) -> Path:
    """``write`` into a hidden temp file next to ``final``, fsync it, rename it into place and fsync
    the folder; the temp file is removed on any failure (a reader sees the old file or the new)."""
    tmp = final.parent / f"{_TMP_PREFIX}{uuid.uuid4().hex}{suffix}"
    text = {"encoding": "utf-8", "newline": ""} if "b" not in mode else {}
    try:
        with open(tmp, mode, **text) as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(final.parent)
    return final


def _safe_name(run_id: object) -> str:
    text = "" if run_id is None or run_id != run_id else str(run_id)  # (NaN != NaN)
    clean = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in text).strip("._")
    return clean[:80] or "run"


def write_probes(store: str | Path, df: pd.DataFrame) -> list[Path]:
    """Store probe rows: one new file per ``run_id`` and UTC day, each written atomically.

    Returns the files written (none for an empty frame). Rows without ``started_at`` are refused
    (:class:`StoreError`) before anything is written.
    """
    return _write_table(store, to_arrow(df))


def write_probe_rows(store: str | Path, rows: Iterable[dict[str, Any]]) -> list[Path]:
    """:func:`write_probes` for rows as the prober makes them (dicts with :data:`PROBE_COLUMNS`,
    ``started_at`` an aware datetime), without pandas: what ``occ probe`` stores each run with.

    The rows are grouped by run and UTC day and ordered in Python, so that a run's store write loads
    neither pandas nor Arrow's compute module (~50 ms of CPU, spent while forked workers probe)."""
    rows = list(rows)
    groups = _by_run_and_day(store, rows)
    if groups is None:  # (a started_at that is not a datetime: Arrow reads it, Arrow groups)
        return _write_table(store, _rows_table(rows))
    return [
        _write_part(store, run, day, _rows_table(sorted(members, key=_row_order)))
        for (run, day), members in sorted(groups.items())
    ]


def _utc(at: dt.datetime) -> dt.datetime:
    return at.astimezone(dt.UTC) if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)


def _by_run_and_day(
    store: str | Path, rows: list[dict[str, Any]]
) -> dict[tuple[str, dt.date], list[dict[str, Any]]] | None:
    missing = sum(r.get("started_at") is None for r in rows)
    if missing:
        raise StoreError(f"{probes_dir(store)}: {_NO_START.format(n=missing)}")
    groups: dict[tuple[str, dt.date], list[dict[str, Any]]] = {}
    names: dict[object, str] = {}  # (a run's rows share their run id: its file name is made once)
    for r in rows:
        at = r["started_at"]
        if not isinstance(at, dt.datetime):
            return None
        run = r.get("run_id")
        name = names.get(run) if isinstance(run, str) else None
        if name is None:
            name = _safe_name(run)
            if isinstance(run, str):
                names[run] = name
        groups.setdefault((name, _utc(at).date()), []).append(r)
    return groups


def _row_order(row: dict[str, Any]) -> tuple[dt.datetime, bool, str]:
    """Arrow's ``sort_by`` order of a part: started_at, then target (nulls last)."""
    target = row.get("target")
    return _utc(row["started_at"]), target is None, target or ""


_JSON = json.JSONEncoder(ensure_ascii=False, allow_nan=False)  # (json.dumps with options builds one per call)


def _rows_table(rows: Iterable[dict[str, Any]]) -> pa.Table:
    """Rows as a :data:`PROBE_SCHEMA` table, built by Arrow's JSON reader: ``pa.array`` and
    ``Table.from_pylist`` import pandas on first use (pyarrow checks each input for pandas
    objects), which would cost a cron ``occ probe`` run ~0.7 s of CPU."""
    import pyarrow.json as pj

    lines: list[str] = []
    for r in rows:
        rec = {c: r.get(c) for c in PROBE_COLUMNS}
        at = rec["started_at"]
        if isinstance(at, dt.datetime):
            at = at.astimezone(dt.UTC) if at.tzinfo is not None else at
            rec["started_at"] = at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        lines.append(_JSON.encode(rec))
    if not lines:
        return PROBE_SCHEMA.empty_table()
    data = ("\n".join(lines) + "\n").encode("utf-8")
    options = pj.ParseOptions(explicit_schema=PROBE_SCHEMA, unexpected_field_behavior="error")
    whole = pj.ReadOptions(block_size=max(len(data), 1 << 20))  # (one block: rows never straddle)
    table = pj.read_json(io.BytesIO(data), parse_options=options, read_options=whole)
    return table.select(list(PROBE_COLUMNS))


def _write_table(store: str | Path, table: pa.Table) -> list[Path]:
    if table.num_rows == 0:
        return []
    import pyarrow.compute as pc

    started = table["started_at"]
    if started.null_count:
        raise StoreError(f"{probes_dir(store)}: {_NO_START.format(n=started.null_count)}")
    # (only Arrow values go into compute calls: a Python one is converted by code that loads pandas)
    days = pc.cast(started, pa.date32())  # the UTC day (Arrow keeps UTC instants)
    runs = table["run_id"]
    parts: dict[tuple[str, dt.date], list[pa.Table]] = {}
    for run in pc.unique(runs):
        mask = pc.equal(runs, run) if run.is_valid else pc.is_null(runs)  # (a null in a mask drops)
        sub, sub_days = table.filter(mask), days.filter(mask)
        for day in pc.unique(sub_days):
            parts.setdefault((_safe_name(run.as_py()), day.as_py()), []).append(
                sub.filter(pc.equal(sub_days, day))
            )
    return [
        _write_part(
            store, run, day,
            pa.concat_tables(pieces).sort_by([("started_at", "ascending"), ("target", "ascending")]),
        )
        for (run, day), pieces in sorted(parts.items())
    ]


_NO_START = "{n} row(s) have no started_at; nothing was written"


def _write_part(store: str | Path, run: str, day: dt.date, part: pa.Table) -> Path:
    """One run's rows of one UTC day, as a new file of that day's partition (atomically)."""
    final = partition_dir(store, day) / f"{run}-{uuid.uuid4().hex}.parquet"
    try:
        return _atomic_write(part, final)
    except OSError as exc:
        raise StoreError(f"{final}: cannot write: {exc.strerror or exc}") from None


# reading ----------------------------------------------------------------------------------------
def _reason(exc: BaseException) -> str:
    first = (str(exc).strip().splitlines() or [""])[0]
    return f"{exc.__class__.__name__}: {first[:200]}" if first else exc.__class__.__name__


class _Vanished(Exception):
    """A file disappeared between listing and reading (a compaction finished): list again."""


def _filter(lo: pd.Timestamp | None, hi: pd.Timestamp | None, targets: list[str] | None):
    import pyarrow.dataset as ds  # (it loads pandas: only for reading)

    expr = None

    def _and(e):
        return e if expr is None else expr & e

    if lo is not None:
        expr = _and(ds.field("started_at") >= pa.scalar(lo.to_pydatetime(), type=_TS))
    if hi is not None:
        expr = _and(ds.field("started_at") < pa.scalar(hi.to_pydatetime(), type=_TS))
    if targets is not None:
        expr = _and(ds.field("target").isin(pa.array(targets, type=pa.string())))
    return expr


def _read_files(
    files: list[Path], columns: list[str] | None, expr
) -> tuple[pa.Table, list[tuple[Path, str]]]:
    """Read ``files`` as one table; unreadable ones are returned by name instead of failing all."""
    import pyarrow.dataset as ds  # (it loads pandas: only for reading)

    schema = PROBE_SCHEMA if columns is None else pa.schema([PROBE_SCHEMA.field(c) for c in columns])
    empty = schema.empty_table()
    if not files:
        return empty, []
    try:
        tbl = ds.dataset([str(f) for f in files], format="parquet", schema=PROBE_SCHEMA).to_table(
            columns=columns, filter=expr
        )
        return tbl, []
    except FileNotFoundError as exc:
        raise _Vanished from exc
    except (OSError, pa.ArrowException):
        pass  # find the bad file(s) one by one below
    parts: list[pa.Table] = []
    bad: list[tuple[Path, str]] = []
    for f in files:
        if not f.exists():
            raise _Vanished
        try:
            parts.append(
                ds.dataset(str(f), format="parquet", schema=PROBE_SCHEMA).to_table(
                    columns=columns, filter=expr
                )
            )
        except FileNotFoundError as exc:
            raise _Vanished from exc
        except (OSError, pa.ArrowException) as exc:
            bad.append((f, _reason(exc)))
    return (pa.concat_tables(parts) if parts else empty), bad


_LIST_TRIES = 5
_COMPACT_PATIENCE_S = 600.0


def retry_listing(where: str | Path, read: Callable[[], _T], probes: Path | None = None) -> _T:
    """``read()``, which lists store files and then reads them, called again (listing again) while
    it raises :class:`_Vanished` (a listed file was gone: a compaction replaced it meanwhile), at
    most :data:`_LIST_TRIES` times; then a :class:`StoreError` naming ``where``. Shared by
    :func:`load_probes` and the DuckDB queries of :mod:`occ_lib.aggregate`.

    Before listing again it waits for the compaction of the store whose ``probes/`` folder is
    ``probes`` to end (:func:`_await_compaction`): listing while it still runs would likely catch
    the next day's files vanishing too, and a few quick retries would all fail."""
    for _attempt in range(_LIST_TRIES):
        try:
            return read()
        except _Vanished:
            if probes is not None:
                _await_compaction(probes)
            time.sleep(0.01)
    raise StoreError(f"{where}: files kept changing while reading; try again")


def _await_compaction(probes: Path) -> None:
    """Wait while a ``compact`` holds ``probes/.compact.lock`` (a shared lock, polled, taken on a
    read-only descriptor: a read-only store is read this way too), at most
    :data:`_COMPACT_PATIENCE_S` (a stuck compaction never hangs a reader for good)."""
    try:
        fd = os.open(probes / ".compact.lock", os.O_RDONLY)
    except OSError:
        return  # (never compacted: nothing to wait for)
    try:
        deadline = time.monotonic() + _COMPACT_PATIENCE_S
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() > deadline:
                    return
                time.sleep(0.05)
                continue
            fcntl.flock(fd, fcntl.LOCK_UN)
            return
    finally:
        os.close(fd)


def _scan(
    store: str | Path,
    lo: pd.Timestamp | None,
    hi: pd.Timestamp | None,
    targets: list[str] | None,
    columns: list[str] | None,
    day: dt.date | None = None,
) -> tuple[pa.Table, list[tuple[Path, str]]]:
    """The rows of the ``date=`` folders overlapping ``[lo, hi)`` (only ``day``'s when given),
    with the unreadable files left out and returned by name."""

    def read() -> tuple[pa.Table, list[tuple[Path, str]]]:
        files: list[Path] = []
        bad: list[tuple[Path, str]] = []
        folders = [partition_dir(store, day)] if day is not None else [
            folder for d, folder in _partitions(store) if _day_overlaps(d, lo, hi)
        ]
        for folder in folders:
            live, _left, bad_footers = _live_files(folder)
            files += live
            bad += bad_footers
        bad_names = {f for f, _ in bad}
        tbl, bad_files = _read_files([f for f in files if f not in bad_names], columns,
                                     _filter(lo, hi, targets))
        return tbl, bad + bad_files

    return retry_listing(probes_dir(store), read, probes_dir(store))


def live_files(store: str | Path, start: When = None, end: When = None) -> list[Path]:
    """The Parquet files that hold the store's current rows overlapping ``[start, end)``.

    For readers other than :func:`load_probes` (DuckDB scans): only overlapping ``date=`` folders
    are listed, and files a ``compacted-*`` file says it replaces are left out, so nothing counts twice.
    """
    lo, hi = to_instant(start), to_instant(end)
    files: list[Path] = []
    for day, folder in _partitions(store):
        if _day_overlaps(day, lo, hi):
            files += _live_files(folder)[0]
    return files


def _surface(bad: list[tuple[Path, str]], on_error: str) -> list[str]:
    if bad and on_error == "raise":
        f, why = bad[0]
        raise StoreError(f"{f}: unreadable Parquet file ({why})")
    for f, why in bad:
        warnings.warn(f"{f}: skipped unreadable Parquet file ({why})", StoreWarning, stacklevel=3)
    return [str(f) for f, _ in bad]


def load_probes(
    store: str | Path,
    start: When = None,
    end: When = None,
    targets: str | Iterable[str] | None = None,
    *,
    on_error: Literal["warn", "raise"] = "warn",
) -> pd.DataFrame:
    """Probe rows with ``start <= started_at < end`` (``end`` exclusive) for ``targets``.

    ``start``/``end`` are read in UTC: a date means its UTC midnight and a naive time is UTC (pass
    ``"2025-10-06T04:00Z"`` for midnight in New York); YYYY-MM-DD or ISO 8601 only, a start after
    the end is an :class:`~occ_lib.errors.ArgumentError`. A ``store`` path that does not exist is a
    :class:`~occ_lib.errors.StoreError` (``no such store``: a typo must not read as no probes); an
    existing store without probes gives an empty frame. Only the ``date=`` folders that overlap the
    range are listed and opened. Rows come sorted by ``started_at``, ``target``, ``run_id``, with
    the dtypes of :mod:`occ_lib.schema`. Unreadable files are skipped with a :class:`StoreWarning`
    (names in ``df.attrs["skipped_files"]``).
    """
    from .periods import check_order

    lo, hi = to_instant(start, "start"), to_instant(end, "end")
    check_order(lo, hi, (start, end))
    existing_store(store)
    tbl, bad = _scan(store, lo, hi, _wanted(targets), None)
    skipped = _surface(bad, on_error)
    df = _sorted_frame(tbl)
    df.attrs["skipped_files"] = skipped
    return df


def _wanted(targets: str | Iterable[str] | None) -> list[str] | None:
    return [targets] if isinstance(targets, str) else (None if targets is None else list(targets))


def _sorted_frame(tbl: pa.Table) -> pd.DataFrame:
    """Rows as :func:`load_probes` gives them: conformed, sorted by started_at, target, run_id."""
    df = conform(tbl.to_pandas()) if tbl.num_rows else empty_probes()
    return df.sort_values(["started_at", "target", "run_id"], kind="stable").reset_index(drop=True)


def evidence_keys(store: str | Path) -> set[str]:
    """Every ``evidence_key`` already stored (reads that one column only)."""
    tbl, bad = _scan(store, None, None, None, ["evidence_key"])
    _surface(bad, "warn")
    return {k for k in tbl.column("evidence_key").to_pylist() if k is not None}


def evidence_key_starts(store: str | Path) -> set[tuple[str, pd.Timestamp]]:
    """Every stored ``(evidence_key, started_at)`` (UTC, microseconds): an import compares the key
    form of earlier versions (without the file-name stamp) together with the row's time."""
    tbl, bad = _scan(store, None, None, None, ["evidence_key", "started_at"])
    _surface(bad, "warn")
    # (probe rows have no key: leave them in Arrow, a store of a million rows holds a few evidence rows)
    tbl = tbl.filter(tbl.column("evidence_key").is_valid())
    keys, starts = tbl.column("evidence_key").to_pylist(), tbl.column("started_at").to_pylist()
    return {(k, to_instant(t)) for k, t in zip(keys, starts, strict=True) if k is not None and t is not None}


def evidence_identities(store: str | Path) -> set[tuple[str, pd.Timestamp, str | None]]:
    """Every stored ``(evidence_key, started_at, evidence_path)`` (UTC, microseconds): an import
    compares the key forms of earlier versions with the row's time and, for a file that grew since,
    its path."""
    tbl, bad = _scan(store, None, None, None, ["evidence_key", "started_at", "evidence_path"])
    _surface(bad, "warn")
    tbl = tbl.filter(tbl.column("evidence_key").is_valid())
    cols = (tbl.column(c).to_pylist() for c in ("evidence_key", "started_at", "evidence_path"))
    return {(k, to_instant(t), p) for k, t, p in zip(*cols, strict=True) if k is not None and t is not None}


# compaction -------------------------------------------------------------------------------------
_NOT_WRITABLE = (errno.EROFS, errno.EACCES, errno.EPERM)


def _cannot(where: Path, doing: str, exc: OSError) -> StoreError:
    """One line for a write that failed: :class:`StoreNotWritable` when the store refuses writes
    (read-only, no permission), so a report can go on with what the store holds."""
    why = exc.strerror or str(exc)
    if exc.errno in _NOT_WRITABLE:
        return StoreNotWritable(f"{where}: cannot {doing}: the store cannot be written ({why})")
    return StoreError(f"{where}: cannot {doing}: {why}")


@contextlib.contextmanager
def store_lock(store: str | Path, name: str) -> Iterator[None]:
    """An exclusive advisory lock on ``probes/.<name>.lock`` (released when the process dies).

    Taking it creates the lock file, so a store that cannot be written (a read-only mount) fails
    here, before any work, with a :class:`StoreNotWritable` naming the store and ``name``."""
    root = probes_dir(store)
    try:
        root.mkdir(parents=True, exist_ok=True)
        fh = open(root / f".{name}.lock", "a+b")  # noqa: SIM115 (closed by the with below)
    except OSError as exc:
        raise _cannot(root, name, exc) from None
    with fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def dedup(df: pd.DataFrame) -> pd.DataFrame:
    """Drop repeated rows: evidence by ``evidence_key``, probes by ``(run_id, target, started_at)``."""

    if df.empty:
        return df
    probe_key = (
        "p|" + df["run_id"].astype("string").fillna("") + "|" + df["target"].astype("string").fillna("")
        + "|" + df["started_at"].astype("string").fillna("")
    )
    key = ("e|" + df["evidence_key"].astype("string")).where(df["evidence_key"].notna(), probe_key)
    return df.loc[~key.duplicated()].reset_index(drop=True)


def _remove_stale_tmp(folder: Path, now: float) -> None:
    for p in folder.iterdir():
        if p.name.startswith(_TMP_PREFIX) and p.name.endswith(_TMP_SUFFIX):
            with contextlib.suppress(OSError):
                if now - p.stat().st_mtime > _STALE_TMP_S:
                    p.unlink()


def compact(store: str | Path, before: When = None) -> list[tuple[dt.date, int]]:
    """Merge each day's files into one ``compacted-*`` file; returns ``(day, files merged)`` pairs.

    Only days strictly before ``before`` (all days when None) that hold more than one file are
    touched. Unreadable files are left in place with a :class:`StoreWarning`.
    """
    import pandas as pd

    limit = to_instant(before, "before")
    done: list[tuple[dt.date, int]] = []
    now = time.time()
    with store_lock(store, "compact"):
        for day, folder in _partitions(store):
            _remove_stale_tmp(folder, now)
            if limit is not None and pd.Timestamp(day, tz="UTC") >= limit.normalize():
                continue
            live, leftovers, bad = _live_files(folder)
            bad_names = {f for f, _ in bad}
            live = [f for f in live if f not in bad_names]
            if len(live) + len(leftovers) <= 1:
                _surface(bad, "warn")
                continue
            tbl, bad_files = _read_files(live, None, None)
            bad += bad_files
            _surface(bad, "warn")
            unreadable = {f for f, _ in bad}
            merged = [f for f in live if f not in unreadable]
            df = dedup(conform(tbl.to_pandas()) if tbl.num_rows else empty_probes())
            df = df.sort_values(["started_at", "target", "run_id"], kind="stable")
            replaces = sorted({f.name for f in merged} | {f.name for f in leftovers})
            try:
                _replace_day(folder, df if merged else None, replaces)
            except OSError as exc:  # (a day folder that refuses writes; nothing of it was lost)
                raise _cannot(folder, "compact", exc) from None
            done.append((day, len(merged) + len(leftovers)))
    return done


def _replace_day(folder: Path, merged: pd.DataFrame | None, replaces: list[str]) -> None:
    """Write ``merged`` as a ``compacted-*`` file naming the files it ``replaces``, then delete
    those: in this order, so a crash (or a refused write) at any point loses no row."""
    if merged is not None:
        final = folder / f"{COMPACTED_PREFIX}{uuid.uuid4().hex}.parquet"
        _atomic_write(to_arrow(merged), final, {REPLACES_KEY: json.dumps(replaces).encode()})
    for name in replaces:
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()
    _fsync_dir(folder)


# export -----------------------------------------------------------------------------------------
def export(
    store: str | Path,
    out: str | Path | IO[str],
    fmt: Literal["csv", "parquet"] = "csv",
    targets: str | Iterable[str] | None = None,
    start: When = None,
    end: When = None,
) -> int:
    """Write the selected raw probe rows to ``out`` as CSV or Parquet; returns the row count.

    Rows and order are :func:`load_probes`'s, but read and written one ``date=`` folder at a time
    (:func:`_export_days`), so a year of probes never sits in memory at once. CSV follows
    :mod:`occ_lib.formats` (ISO ``Z`` times, empty for null; microseconds on every row when one
    row of the export has them). A path is written atomically (a symlink: the file it points at);
    a text stream (CSV only) is written directly. A path that is a folder or cannot be written is
    a :class:`StoreError`.
    """
    if fmt not in ("csv", "parquet"):
        raise StoreError(f"unknown export format {fmt!r}; expected csv or parquet")
    days = _Selection(store, to_instant(start, "start"), to_instant(end, "end"), _wanted(targets))
    if not isinstance(out, (str, Path)):
        if fmt != "csv":
            raise StoreError("parquet export needs a file path")
        return _write_csv(days, out)
    path = _export_path(out)
    rows: list[int] = []
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "parquet":
            _replace_with(path, _TMP_SUFFIX, "xb", lambda fh: rows.append(_write_parquet(days, fh)))
        else:
            _replace_with(path, ".csv.part", "x", lambda fh: rows.append(_write_csv(days, fh)))
    except OSError as exc:
        raise StoreError(f"{out}: cannot write: {exc.strerror or exc}") from None
    return rows[0]


class _Selection:
    """The rows an export selects, day by day.

    Every row lives in the folder of its ``started_at``'s UTC day (:func:`write_probes`), so each
    day's rows sorted as :func:`load_probes` sorts them, days in order, are exactly the rows and
    order of one :func:`load_probes` call, at the memory cost of the largest day.
    """

    def __init__(
        self, store: str | Path, lo: pd.Timestamp | None, hi: pd.Timestamp | None, targets: list[str] | None
    ) -> None:
        self.store, self.lo, self.hi, self.targets = store, lo, hi, targets

    def _days(self) -> list[dt.date]:
        return [d for d, _ in _partitions(self.store) if _day_overlaps(d, self.lo, self.hi)]

    def frames(self) -> Iterator[pd.DataFrame]:
        """Each day's selected rows (days without any left out); unreadable files are skipped
        with a :class:`StoreWarning`, as :func:`load_probes` does."""
        for day in self._days():
            tbl, bad = _scan(self.store, self.lo, self.hi, self.targets, None, day)
            _surface(bad, "warn")
            if tbl.num_rows:
                yield _sorted_frame(tbl)

    def has_fine_times(self) -> bool:
        """Whether a selected ``started_at`` has a fraction of a second (CSV then writes
        microseconds on every row): a first pass over that one column, stopping at the first."""
        for day in self._days():
            tbl, _bad = _scan(self.store, self.lo, self.hi, self.targets, ["started_at"], day)
            micros = tbl.column("started_at").cast(pa.int64()).to_numpy(zero_copy_only=False)
            if (micros % 1_000_000).any():
                return True
        return False


def _write_csv(days: _Selection, out: IO[str]) -> int:
    from .formats import records, write_csv

    fine = days.has_fine_times()
    n = 0
    for i, df in enumerate(days.frames()):
        write_csv(list(PROBE_COLUMNS), records(df, fine_times=fine), out, header=i == 0)
        n += len(df)
    if n == 0:
        write_csv(list(PROBE_COLUMNS), [], out)
    return n


def _write_parquet(days: _Selection, out: IO[bytes]) -> int:
    """The rows as one Parquet file of :data:`PROBE_SCHEMA` (with the pandas metadata a frame's
    :func:`~occ_lib.schema.to_arrow` carries, as before), one row group per day at least."""
    n = 0
    with pq.ParquetWriter(out, to_arrow(empty_probes()).schema, compression="zstd") as writer:
        for df in days.frames():
            writer.write_table(to_arrow(df))
            n += len(df)
    return n


def _export_path(out: str | Path) -> Path:
    """Where an export to ``out`` goes: through a symlink to its target (replacing the link would
    leave the file it points at stale); :class:`StoreError` for a folder."""
    path = Path(os.path.realpath(out)) if Path(out).is_symlink() else Path(out)
    if path.is_dir():
        raise StoreError(f"{out}: is a folder; give the file to write")
    return path


__all__ = [
    "COMPACTED_PREFIX", "PROBES", "PROBE_COLUMNS", "StoreWarning", "compact", "dedup", "evidence_identities",
    "evidence_key_starts", "evidence_keys", "existing_store", "export", "load_probes", "partition_dir",
    "probes_dir", "store_lock", "to_instant", "write_probe_rows", "write_probes",
]
