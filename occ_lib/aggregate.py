"""Per-target windows over the probe store, computed in DuckDB: percentiles, outcomes, availability.

A week of probes can be millions of rows; DuckDB scans the hive-partitioned Parquet store
(``probes/date=YYYY-MM-DD/*.parquet``, only the dates in range) and hands back small pandas frames.
A ``DataFrame`` of probe rows works too (tests, notebooks): it is registered, not copied.

How occ counts (these strings travel with the results in ``df.attrs['rules']``):

- Percentiles use DuckDB's ``quantile_cont``: linear interpolation between the closest ranks
  (Hyndman & Fan type 7), the same as numpy's default ``percentile(..., method='linear')``.
- Latency counts probes that got an answer judged ``up`` or ``degraded`` and have ``elapsed_ms``;
  ``down`` probes count against availability instead.
- Windows are ``[start, start + window)`` aligned to UTC (``time_bucket`` from 2000-01-03 00:00 UTC);
  whole-day windows with ``tz`` are local days (23 or 25 hours across daylight-saving changes).
- A probe is *failed* when ``down``, or ``degraded`` where degraded counts as down. With ``retries``
  N, a failed probe counts *bad* only if it and the next N probes of the same target all failed;
  failures at the end of the data count bad (nothing later contradicts them). The next probes are
  looked for past the window's end, up to ``as_of`` (inclusive; default: the window's end), so a
  failure just before the end of a week is judged as it would be mid-week; probes inside a
  maintenance window are no next probe (they are left out of every figure, retries included).
- Probes inside a maintenance window (``exclude``) are left out of every figure and counted in
  ``excluded_maintenance``.
- ``targets`` narrows to those targets (one may be given as a str); instants given as ``start``,
  ``end`` or ``as_of`` that are no date or time (YYYY-MM-DD or ISO 8601; a number is none), a start
  after the end, a ``window`` that is no duration and a ``tz`` that names no IANA zone raise
  :class:`~occ_lib.errors.ArgumentError` naming the parameter. ``end`` is exclusive.
- A naive ``start``, ``end`` or ``as_of`` (a date, or a time without zone) is read in ``tz`` when
  it is given, else in UTC: ``start="2025-10-06", tz="America/New_York"`` is 2025-10-06T04:00Z, so
  daily windows are whole local days (the same rule as :func:`occ_lib.sla.misses` in the policy's
  zone). An aware instant (``...Z``, ``+02:00``) is that instant whatever ``tz``.
- A store path (not a glob) that does not exist is a :class:`~occ_lib.errors.StoreError`
  (``no such store``); an existing store without probes gives empty frames.
- A store file that cannot be read (damaged on disk) never hides the rest (:mod:`occ_lib.store`'s
  rule): when DuckDB fails on one, each listed file is checked, the unreadable ones are skipped
  with a :class:`~occ_lib.store.StoreWarning` naming them, and the figures come from the others.
- A listed file that is gone when DuckDB reads it (``occ store compact`` replaced it meanwhile)
  makes the query run again over the files listed anew once that compaction has ended, like
  :func:`occ_lib.store.load_probes` (the same bound, then a :class:`~occ_lib.errors.StoreError`):
  figures never fail or count twice because a compaction ran.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import glob
import os
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from .errors import StoreError

Source = str | Path | pd.DataFrame
OUTCOMES: tuple[str, ...] = ("up", "degraded", "down")
ERROR_CLASSES: tuple[str, ...] = (
    "timeout",
    "dns",
    "connect",
    "tls",
    "read",
    "protocol",
    "too_many_redirects",
    "unexpected_status",
)
_COLUMNS = ("target", "started_at", "outcome", "error", "elapsed_ms")
#: The ``target`` column's dtype in every frame here: pandas' string dtype, which ``to_parquet``
#: and ``read_parquet`` give back as it was (an object column came back as ``str``).
TARGET_DTYPE = "str"

RULES: list[str] = [
    "Percentiles: DuckDB quantile_cont, linear interpolation between closest ranks "
    "(Hyndman-Fan type 7, numpy's default).",
    "Latency counts probes judged up or degraded that have a response time; down probes count "
    "against availability instead.",
    "Windows are [start, start + window) aligned to UTC; whole-day windows in the report zone are "
    "local days (23 or 25 hours across daylight-saving changes).",
    "Probes inside a maintenance window are excluded from every figure.",
]


def connect(threads: int | None = None, memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection in UTC, optionally capped in threads and memory (e.g. ``'1GB'``)."""
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    if memory_limit:
        con.execute(f"SET memory_limit = '{_quote(memory_limit)}'")
    return con


# ---------------------------------------------------------------------------------------------
# SQL building blocks


def _quote(text: str) -> str:
    return str(text).replace("'", "''")


def _lit_ts(ts: Any) -> str:
    t = pd.Timestamp(ts)
    t = t.tz_localize("UTC") if t.tzinfo is None else t.tz_convert("UTC")
    return f"TIMESTAMPTZ '{t.strftime('%Y-%m-%d %H:%M:%S.%f')}+00'"


def _ts(value: Any, param: str, tz: str | None = None) -> pd.Timestamp | None:
    """An argument as a UTC instant (naive: in ``tz``, else UTC); a clear error naming ``param``
    otherwise."""
    if value is None:
        return None
    from .periods import instant

    return instant(value, param, tz or "UTC")


def _checked(
    window: Any, tz: Any, start: Any, end: Any
) -> tuple[str | None, pd.Timestamp | None, pd.Timestamp | None]:
    """``tz`` (its name), ``start`` and ``end`` (UTC, naive ones read in ``tz``) checked before any
    query: an unknown zone, a window that is no duration, a start after the end are
    :class:`~occ_lib.errors.ArgumentError`s naming the parameter (DuckDB's failure read as a
    store error, and a reversed range as no data)."""
    from .periods import check_order, zone_arg

    zone = zone_arg(tz)
    _window(window)
    s, e = _ts(start, "start", zone), _ts(end, "end", zone)
    check_order(s, e, (start, end))
    return zone, s, e


def _window(window: Any) -> pd.Timedelta | None:
    """``window`` as a Timedelta (None stays None); an ``ArgumentError`` naming it otherwise."""
    from .errors import ArgumentError
    from .periods import parse_duration

    if window is None:
        return None
    try:
        return pd.Timedelta(parse_duration(window))
    except ValueError as exc:
        raise ArgumentError(f"window: {window!r}: {exc}") from None


def _names(values: Sequence[str] | str | None) -> list[str] | None:
    """``targets`` as a list: one name given as a str is a one-item list, not its characters."""
    if values is None:
        return None
    return [values] if isinstance(values, str) else list(values)


# Files found unreadable: path -> ((size, mtime_ns), reason). A file replaced since is checked again.
_UNREADABLE: dict[str, tuple[tuple[int, int], str]] = {}
# The files the current query handed to DuckDB, for finding the unreadable one when it fails.
_LISTED: contextvars.ContextVar[list[str]] = contextvars.ContextVar("_LISTED")


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


_WARNED: set[tuple[str, Any]] = set()


def _skip_unreadable(files: list[str]) -> list[str]:
    """``files`` less those known unreadable, each of which is named in a ``StoreWarning``."""
    from .store import StoreWarning

    kept = []
    for f in files:
        known = _UNREADABLE.get(f)
        if known is not None and known[0] == _stamp(f):
            if (f, known[0]) not in _WARNED:  # (once per file: a report reads the store many times)
                _WARNED.add((f, known[0]))
                warnings.warn(
                    f"{f}: skipped unreadable Parquet file ({known[1]})", StoreWarning, stacklevel=2
                )
        else:
            kept.append(f)
    _LISTED.set(kept)
    return kept


def _find_unreadable(files: list[str]) -> bool:
    """Read each of ``files`` (the columns aggregation reads) and remember the ones that fail;
    True when any was found. Runs only after a query failed, so the common case reads nothing twice."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .store import _reason

    found = False
    for f in files:
        try:
            pf = pq.ParquetFile(f)
            pf.read(columns=[c for c in _COLUMNS if c in pf.schema_arrow.names])  # (union_by_name)
        except FileNotFoundError:
            continue
        except (OSError, pa.ArrowException) as exc:
            stamp = _stamp(f)
            if stamp is not None:
                _UNREADABLE[f] = (stamp, _reason(exc))
                found = True
    return found


def _store_files(source: str | Path, start: pd.Timestamp | None, end: pd.Timestamp | None) -> list[str]:
    """The Parquet files to scan: a store root (or its ``probes/`` folder), a file, or a glob.

    For a store, only the ``date=`` folders overlapping ``[start, end)`` are listed, and files a
    ``compacted-*`` file says it replaces are skipped (:mod:`occ_lib.store`'s own rule), so a crash
    during compaction never counts a probe twice.
    """
    p = Path(source)
    if p.is_dir():
        root = p.parent if p.name == "probes" else p
        if (root / "probes").is_dir():
            from .store import live_files

            return _skip_unreadable([str(f) for f in live_files(root, start, end)])
        return _skip_unreadable(sorted(glob.glob(str(p / "**" / "*.parquet"), recursive=True)))
    if not glob.has_magic(str(p)):  # (a glob matching nothing is a selection without data)
        from .store import existing_store

        existing_store(p)
    return _skip_unreadable(sorted(glob.glob(str(p), recursive=True)))


def _from_clause(
    con: duckdb.DuckDBPyConnection, source: Source, start: pd.Timestamp | None, end: pd.Timestamp | None
) -> tuple[str, list[str]]:
    """A FROM clause for ``source`` (the WHERE terms list is kept for future pruning terms)."""
    if isinstance(source, pd.DataFrame):
        missing = [c for c in _COLUMNS if c not in source.columns]
        if missing:
            raise StoreError(f"probe rows lack columns: {', '.join(missing)}")
        name = f"_probes_{id(source)}"
        con.register(name, source[list(_COLUMNS)])
        return name, []
    files = _store_files(source, start, end)
    if not files:
        con.register("_probes_empty", _empty_probes())
        return "_probes_empty", []
    # A view over the file list keeps the SQL short however many run files a day holds.
    view = f"_probes_files_{len(files)}"
    con.read_parquet(files, union_by_name=True).select(", ".join(_COLUMNS)).create_view(view, replace=True)
    return view, []


def _empty_probes() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "target": pd.Series([], dtype=object),
            "started_at": pd.Series([], dtype="datetime64[us, UTC]"),
            "outcome": pd.Series([], dtype=object),
            "error": pd.Series([], dtype=object),
            "elapsed_ms": pd.Series([], dtype="float64"),
        }
    )


def _in_list(values: Iterable[str]) -> str:
    return ", ".join(f"'{_quote(v)}'" for v in values)


def _maint_expr(exclude: pd.DataFrame | Sequence[tuple[Any, Any]] | None) -> str:
    """A boolean SQL expression: the probe falls in a maintenance window."""
    if exclude is None:
        return "FALSE"
    if not isinstance(exclude, pd.DataFrame):
        exclude = pd.DataFrame(list(exclude), columns=["start", "end"])
    terms = []
    for row in exclude.itertuples(index=False):
        target = getattr(row, "target", None)
        term = f"(started_at >= {_lit_ts(row.start)} AND started_at < {_lit_ts(row.end)}"
        if target is not None and not (isinstance(target, float) and pd.isna(target)):
            term += f" AND target = '{_quote(target)}'"
        terms.append(term + ")")
    return "(" + " OR ".join(terms) + ")" if terms else "FALSE"


def _fail_expr(degraded_counts_as: str | Mapping[str, str]) -> str:
    if isinstance(degraded_counts_as, str):
        degraded_counts_as = {"*": degraded_counts_as}
    for v in degraded_counts_as.values():
        if v not in ("up", "down"):
            raise ValueError(f"degraded_counts_as must be 'up' or 'down', got {v!r}")
    default = degraded_counts_as.get("*", "up")
    other = "up" if default == "down" else "down"
    names = [t for t, v in degraded_counts_as.items() if t != "*" and v == other]
    if default == "up":
        extra = f" OR (outcome = 'degraded' AND target IN ({_in_list(names)}))" if names else ""
    else:
        extra = f" OR (outcome = 'degraded' AND target NOT IN ({_in_list(names)}))" if names else (
            " OR outcome = 'degraded'"
        )
    return f"(outcome = 'down'{extra})"


def _retries_expr(retries: int | Mapping[str, int]) -> tuple[str, int]:
    """SQL for each probe's retries, and the largest retries of any target (0: no retries at all)."""
    if isinstance(retries, int):
        retries = {"*": retries}
    default = int(retries.get("*", 0))
    named = {t: int(r) for t, r in retries.items() if t != "*"}
    most = max([default, *named.values()])
    if not named:
        return str(default), most
    cases = " ".join(f"WHEN '{_quote(t)}' THEN {r}" for t, r in named.items())
    return f"(CASE target {cases} ELSE {default} END)", most


def _base_sql(
    rel: str,
    where: list[str],
    exclude: Any,
    degraded_counts_as: str | Mapping[str, str],
    retries: int | Mapping[str, int],
    columns: str = "target, started_at, outcome, error, elapsed_ms",
    keep: list[str] | None = None,
) -> str:
    """CTEs ``p`` (probes in range) and ``c`` (with ``in_maint`` and ``bad`` per probe).

    ``columns`` are the probe columns carried along (fewer columns, cheaper window sorts). With
    retries, ``where`` may reach past the window (the lookahead) and ``keep`` (SQL terms) cuts
    ``c`` back to the window's probes once each is judged.

    With retries, a failed probe is bad when each of the next ``r`` probes of its target failed
    too; a missing next probe (end of the data) does not clear it. Every ``lead`` shares one
    named window, so DuckDB sorts the probes once.
    """
    cond = " AND ".join(where) if where else "TRUE"
    fail = _fail_expr(degraded_counts_as)
    rexpr, most = _retries_expr(retries)
    maint = _maint_expr(exclude)
    sql = f"p AS (SELECT {columns} FROM {rel} WHERE {cond}),\n"
    if most == 0:
        return sql + f"c AS (SELECT *, {maint} AS in_maint, {fail} AS bad FROM p)"
    nexts = " AND ".join(f"(r < {k} OR coalesce(lead(fail, {k}) OVER w, TRUE))" for k in range(1, most + 1))
    # (partitioned by in_maint too: a probe's next probes are the next ones outside maintenance)
    kept = f" WHERE {' AND '.join(keep)}" if keep else ""
    return sql + (
        f"f AS (SELECT *, {fail} AS fail, {rexpr} AS r, {maint} AS in_maint FROM p),\n"
        f"c AS (SELECT * FROM (SELECT {columns}, in_maint, fail AND {nexts} AS bad FROM f "
        f"WINDOW w AS (PARTITION BY target, in_maint ORDER BY started_at)){kept})"
    )


def _bucket_expr(window: Any, tz: str | None) -> tuple[str, pd.Timedelta | None]:
    if window is None:
        return "", None
    td = _window(window)
    us = td // pd.Timedelta(microseconds=1)
    day_us = 86_400_000_000
    if tz and tz != "UTC" and us % day_us == 0:
        return f"time_bucket(INTERVAL '{us // day_us} days', started_at, '{_quote(tz)}')", td
    return f"time_bucket(to_microseconds({us}), started_at)", td


def _where(
    start: pd.Timestamp | None, end: pd.Timestamp | None, targets: Sequence[str] | None, prune: list[str]
) -> list[str]:
    where = list(prune)
    if start is not None:
        where.append(f"started_at >= {_lit_ts(start)}")
    if end is not None:
        where.append(f"started_at < {_lit_ts(end)}")
    if targets is not None:
        where.append(f"target IN ({_in_list(targets)})" if targets else "FALSE")
    return where


def _lookahead(
    end: pd.Timestamp | None, as_of: pd.Timestamp | None, retries: int | Mapping[str, int]
) -> pd.Timestamp | None:
    """The exclusive end of the probes read: past ``end`` up to ``as_of`` (inclusive) when retries
    need later probes to judge a failure near the end, else ``end`` itself."""
    if end is None or _retries_expr(retries)[1] == 0:
        return end
    as_of = end if as_of is None else as_of  # (the default: the window's end, inclusive as any as_of)
    if as_of < end:
        return end
    return as_of + pd.Timedelta(microseconds=1)


def _run(con: duckdb.DuckDBPyConnection | None, build: Any, source: Source) -> pd.DataFrame:
    """``build(con)``; when DuckDB fails on an unreadable store file, again without it (with a
    ``StoreWarning``), so one damaged file never hides the rest; when it fails because a listed
    file is gone (a compaction replaced it meanwhile), again with the files listed anew, as
    :func:`occ_lib.store.load_probes` does (:func:`occ_lib.store.retry_listing`, same bound)."""
    from .store import _Vanished, retry_listing

    own = con is None
    con = connect() if own else con
    token = _LISTED.set([])

    def attempt() -> pd.DataFrame:
        while True:
            try:
                return build(con)
            except duckdb.Error as exc:
                if _vanished(_LISTED.get([])):
                    raise _Vanished from None
                if _find_unreadable(_LISTED.get([])):
                    continue  # (each round drops at least one file: this ends)
                first = str(exc).splitlines()[0] if str(exc) else ""
                raise StoreError(f"aggregation failed: {exc.__class__.__name__}: {first}") from None

    try:
        where, probes = _where_listed(source)
        return retry_listing(where, attempt, probes)
    finally:
        _LISTED.reset(token)
        if own:
            con.close()


def _vanished(files: list[str]) -> bool:
    """Whether one of the ``files`` a failed query was given is no longer there."""
    return any(not os.path.exists(f) for f in files)


def _where_listed(source: Source) -> tuple[str, Path | None]:
    """What a 'files kept changing' error names (the store's ``probes/`` folder, or the glob), and
    the ``probes/`` folder whose compaction a retry waits for (none for a glob)."""
    if isinstance(source, pd.DataFrame):
        return "probe rows", None
    p = Path(source)
    if p.is_dir():
        root = p.parent if p.name == "probes" else p
        if (root / "probes").is_dir():
            return str(root / "probes"), root / "probes"
        return str(p), None
    return str(source), None


def _fix_times(df: pd.DataFrame, *cols: str) -> pd.DataFrame:
    for col in cols:
        if col in df.columns:
            df[col] = pd.to_datetime(df[col], utc=True).astype("datetime64[us, UTC]")
    return df


# ---------------------------------------------------------------------------------------------
# public API


def latency_windows(
    source: Source,
    window: str | dt.timedelta | None = "1h",
    percentiles: Sequence[int | float] = (50, 90, 95, 99),
    start: Any = None,
    end: Any = None,
    targets: Sequence[str] | str | None = None,
    exclude: pd.DataFrame | Sequence[tuple[Any, Any]] | None = None,
    tz: str | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
) -> pd.DataFrame:
    """Response-time percentiles per target and window: ``target, window_start, n, p50.., mean``.

    ``window=None`` gives one row per target over the whole range. Windows without counted probes
    are absent (not zero). ``[start, end)``: naive values in ``tz`` when given, else UTC (module
    docstring); ``tz`` also makes whole-day windows local days.
    """
    tz, s, e = _checked(window, tz, start, end)
    targets = _names(targets)
    pcols = [f"p{q:g}" for q in percentiles]
    qs = ", ".join(f"{float(q) / 100!r}" for q in percentiles)

    def build(c: duckdb.DuckDBPyConnection) -> pd.DataFrame:
        rel, prune = _from_clause(c, source, s, e)
        bucket, _ = _bucket_expr(window, tz)
        ws = bucket or (_lit_ts(s) if s is not None else "min(started_at)")
        group = "GROUP BY ALL" if bucket else "GROUP BY target"
        base = _base_sql(rel, _where(s, e, targets, prune), exclude, "up", 0)
        sel = ", ".join(f'q[{i + 1}] AS "{name}"' for i, name in enumerate(pcols))
        sql = (
            f"WITH {base},\n"
            "l AS (SELECT * FROM c WHERE NOT in_maint AND outcome IN ('up', 'degraded') "
            "AND elapsed_ms IS NOT NULL)\n"
            f"SELECT target, window_start, n, {sel}, mean FROM ("
            f"SELECT target, {ws} AS window_start, count(*) AS n, "
            f"quantile_cont(elapsed_ms, [{qs}]) AS q, avg(elapsed_ms) AS mean FROM l {group}) "
            "ORDER BY target, window_start"
        )
        return c.execute(sql).df()

    out = _run(con, build, source)
    out = _fix_times(out, "window_start")
    out["n"] = out["n"].astype("int64")
    for col in [*pcols, "mean"]:
        out[col] = out[col].astype("float64")
    out["target"] = out["target"].astype(TARGET_DTYPE)
    out.attrs["rules"] = [RULES[0], RULES[1], RULES[2], RULES[3]]
    return out.reset_index(drop=True)


def outcome_counts(
    source: Source,
    window: str | dt.timedelta | None = "1h",
    start: Any = None,
    end: Any = None,
    targets: Sequence[str] | str | None = None,
    exclude: pd.DataFrame | Sequence[tuple[Any, Any]] | None = None,
    tz: str | None = None,
    degraded_counts_as: str | Mapping[str, str] = "up",
    retries: int | Mapping[str, int] = 0,
    con: duckdb.DuckDBPyConnection | None = None,
    as_of: Any = None,
) -> pd.DataFrame:
    """Probe outcomes per target and window.

    Columns: ``target, window_start, up, degraded, down, total, good, bad, excluded_maintenance``
    and one count per error class (``timeout``, ``dns``, ...). ``up``..``total``, ``good``, ``bad``
    and the error classes count probes outside maintenance; ``good + bad == total``. With retries,
    probes after ``end`` up to ``as_of`` (what was known then) may contradict a failure before it.
    Naive ``start``/``end``/``as_of`` are read in ``tz`` when given, else UTC.
    """
    tz, s, e = _checked(window, tz, start, end)
    targets = _names(targets)
    look = _lookahead(e, _ts(as_of, "as_of", tz), retries)

    def build(c: duckdb.DuckDBPyConnection) -> pd.DataFrame:
        rel, prune = _from_clause(c, source, s, look)
        bucket, _ = _bucket_expr(window, tz)
        ws = bucket or "NULL::TIMESTAMPTZ"
        base = _base_sql(
            rel, _where(s, look, targets, prune), exclude, degraded_counts_as, retries,
            "target, started_at, outcome, error",
            [f"started_at < {_lit_ts(e)}"] if look is not e else None,
        )
        # Few groups (outcome x error x bad x maintenance per window): count them in DuckDB and
        # spread them into columns in pandas; much cheaper than a dozen FILTER aggregates.
        sql = (
            f"WITH {base}\nSELECT target, {ws} AS window_start, outcome, error, bad, in_maint, "
            "count(*) AS n, min(started_at) AS first_at FROM c GROUP BY ALL"
        )
        return c.execute(sql).df()

    g = _run(con, build, source)
    g = _fix_times(g, "window_start", "first_at")
    if window is None:
        first = g.groupby("target")["first_at"].transform("min") if len(g) else g["first_at"]
        g["window_start"] = s if s is not None else first
        g = _fix_times(g, "window_start")
    n = g["n"].astype("int64")
    counted = ~g["in_maint"].astype(bool)
    bad = g["bad"].astype(bool)
    cols: dict[str, pd.Series] = {}
    for o in OUTCOMES:
        cols[o] = n.where(counted & (g["outcome"] == o), 0)
    cols["total"] = n.where(counted, 0)
    cols["good"] = n.where(counted & ~bad, 0)
    cols["bad"] = n.where(counted & bad, 0)
    cols["excluded_maintenance"] = n.where(~counted, 0)
    for k in ERROR_CLASSES:
        cols[k] = n.where(counted & (g["error"] == k), 0)
    wide = pd.DataFrame({"target": g["target"].astype(object), "window_start": g["window_start"], **cols})
    out = wide.groupby(["target", "window_start"], sort=True, as_index=False).sum()
    for col in [*OUTCOMES, "total", "good", "bad", "excluded_maintenance", *ERROR_CLASSES]:
        out[col] = out[col].astype("int64")
    out["target"] = out["target"].astype(TARGET_DTYPE)
    out.attrs["rules"] = [*_count_rules(degraded_counts_as, retries), RULES[2], RULES[3]]
    return out.reset_index(drop=True)


def availability(
    source: Source,
    start: Any = None,
    end: Any = None,
    targets: Sequence[str] | str | None = None,
    exclude: pd.DataFrame | Sequence[tuple[Any, Any]] | None = None,
    degraded_counts_as: str | Mapping[str, str] = "up",
    retries: int | Mapping[str, int] = 0,
    con: duckdb.DuckDBPyConnection | None = None,
    as_of: Any = None,
    tz: str | None = None,
) -> pd.DataFrame:
    """Availability per target over ``[start, end)``.

    Columns: ``target, probes`` (all in range), ``excluded_maintenance, counted, up, degraded, down,
    good, bad, ratio`` (``good / counted`` as a percentage; NaN when nothing was counted).
    ``as_of`` as in :func:`outcome_counts`; naive ``start``/``end``/``as_of`` are read in ``tz``
    when given, else UTC.
    """
    df = outcome_counts(
        source, None, start, end, targets, exclude, tz, degraded_counts_as, retries, con, as_of
    )
    out = pd.DataFrame(
        {
            "target": df["target"],
            "probes": df["total"] + df["excluded_maintenance"],
            "excluded_maintenance": df["excluded_maintenance"],
            "counted": df["total"],
            "up": df["up"],
            "degraded": df["degraded"],
            "down": df["down"],
            "good": df["good"],
            "bad": df["bad"],
        }
    )
    counted = out["counted"].astype("float64")
    out["ratio"] = (out["good"] / counted.where(counted > 0)) * 100.0
    out.attrs["rules"] = [*_count_rules(degraded_counts_as, retries), RULES[3]]
    return out.reset_index(drop=True)


def _count_rules(degraded_counts_as: str | Mapping[str, str], retries: int | Mapping[str, int]) -> list[str]:
    d = degraded_counts_as if isinstance(degraded_counts_as, str) else _fmt_map(degraded_counts_as)
    r = retries if isinstance(retries, int) else _fmt_map(retries)
    return [
        f"A probe is good when up; degraded counts as {d}; down is bad.",
        f"Retries {r}: a failed probe counts bad only if it and the next N probes of its target failed "
        "too (looked for up to as_of, outside maintenance); failures at the end of the data count bad.",
        "Availability = good / counted probes (probe counts, not minutes).",
    ]


def _fmt_map(m: Mapping[str, Any]) -> str:
    return "(" + ", ".join(f"{k}: {v}" for k, v in m.items()) + ")"


def time_range(
    source: Source, con: duckdb.DuckDBPyConnection | None = None
) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """The first and last ``started_at`` in ``source`` (``(None, None)`` when it holds no probe)."""

    def build(c: duckdb.DuckDBPyConnection) -> pd.DataFrame:
        rel, _ = _from_clause(c, source, None, None)
        return c.execute(f"SELECT min(started_at) AS lo, max(started_at) AS hi FROM {rel}").df()

    df = _fix_times(_run(con, build, source), "lo", "hi")
    lo, hi = df["lo"].iloc[0], df["hi"].iloc[0]
    return (None if pd.isna(lo) else lo), (None if pd.isna(hi) else hi)


def target_names(source: Source, con: duckdb.DuckDBPyConnection | None = None) -> list[str]:
    """The sorted names of the targets ``source`` holds probes of (``[]`` when it holds none)."""

    def build(c: duckdb.DuckDBPyConnection) -> pd.DataFrame:
        rel, _ = _from_clause(c, source, None, None)
        return c.execute(f"SELECT DISTINCT target FROM {rel} WHERE target IS NOT NULL").df()

    return sorted(str(t) for t in _run(con, build, source)["target"])
