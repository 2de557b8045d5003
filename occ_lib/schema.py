"""The probe-row table in one place: column order, pyarrow schema and pandas dtypes.

The runner (``probe.py``), the evidence importer (``evidence.py``) and the store (``store.py``) all
build rows against :data:`PROBE_COLUMNS` and pass them through :func:`conform`, so a Parquet file
written by any of them has exactly :data:`PROBE_SCHEMA` (see docs/architecture.md, "Probe rows").
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported by the functions that need them: the probe runner starts without
    import pandas as pd  # pandas, and forks its workers before pyarrow is loaded
    import pyarrow as pa

# (column, type): 'str', 'ts' (UTC microseconds), 'i32', 'i64', 'f64'
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("run_id", "str"),
    ("source", "str"),  # probe | evidence
    ("probe_host", "str"),
    ("target", "str"),
    ("url", "str"),  # redacted
    ("method", "str"),
    ("started_at", "ts"),
    ("status", "i32"),
    ("outcome", "str"),  # up | degraded | down
    ("error", "str"),  # timeout|dns|connect|tls|read|protocol|too_many_redirects|unexpected_status
    ("error_message", "str"),
    ("elapsed_ms", "f64"),
    ("dns_ms", "f64"),
    ("connect_ms", "f64"),
    ("tls_ms", "f64"),
    ("ttfb_ms", "f64"),
    ("http_version", "str"),
    ("bytes", "i64"),
    ("h_date", "str"),
    ("h_server", "str"),
    ("h_via", "str"),
    ("h_request_id", "str"),
    ("tags", "str"),  # JSON object string
    ("evidence_path", "str"),
    ("time_source", "str"),  # clock | filename | script | date_header | date_line[_utc] | mtime | json
    ("evidence_key", "str"),
)

PROBE_COLUMNS: tuple[str, ...] = tuple(name for name, _ in _COLUMNS)

OUTCOMES: tuple[str, ...] = ("up", "degraded", "down")
ERRORS: tuple[str, ...] = (
    "timeout", "dns", "connect", "tls", "read", "protocol", "too_many_redirects", "unexpected_status",
)
TIME_SOURCES: tuple[str, ...] = (
    "clock", "filename", "script", "date_header", "date_line", "date_line_utc", "mtime", "json",
)

#: pandas dtype of each column (nullable everywhere; ``str`` columns use the pandas string dtype).
PROBE_DTYPES: dict[str, str] = {
    name: {"ts": "datetime64[us, UTC]", "i32": "Int32", "i64": "Int64", "f64": "float64"}.get(kind, "string")
    for name, kind in _COLUMNS
}


@functools.cache
def _probe_schema() -> pa.Schema:
    import pyarrow as pa

    types = {"str": pa.string(), "ts": pa.timestamp("us", tz="UTC"), "i32": pa.int32(), "i64": pa.int64(),
             "f64": pa.float64()}
    return pa.schema([(name, types[kind]) for name, kind in _COLUMNS])


def __getattr__(name: str) -> Any:
    # PROBE_SCHEMA, the pyarrow schema of the store's files, is built on first use
    if name == "PROBE_SCHEMA":
        return _probe_schema()
    raise AttributeError(name)


def empty_probes() -> pd.DataFrame:
    """A zero-row probe table with every column and dtype."""
    import pandas as pd

    return conform(pd.DataFrame({c: [] for c in PROBE_COLUMNS}))


def conform(df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` with exactly :data:`PROBE_COLUMNS`, in order, with the schema's dtypes.

    Missing columns become all-null; extra columns (e.g. the ``date`` partition) are dropped.
    Naive ``started_at`` values are taken as UTC; aware ones are converted to UTC.
    """
    import pandas as pd

    n = len(df)
    out: dict[str, pd.Series] = {}
    for col in PROBE_COLUMNS:
        s = df[col] if col in df.columns else pd.Series([None] * n, index=df.index, dtype="object")
        out[col] = _cast(s, PROBE_DTYPES[col])
    return pd.DataFrame(out, index=df.index).reset_index(drop=True)


def _cast(s: pd.Series, dtype: str) -> pd.Series:
    import pandas as pd

    if dtype.startswith("datetime64"):
        if pd.api.types.is_datetime64_any_dtype(s.dtype):
            ts = s if getattr(s.dtype, "tz", None) is not None else s.dt.tz_localize("UTC")
        else:  # strings (ISO 8601, any offset), datetime objects, None
            ts = pd.to_datetime(s, utc=True, format="ISO8601")
        return ts.dt.tz_convert("UTC").astype("datetime64[us, UTC]")
    if dtype in ("Int32", "Int64", "float64"):
        return pd.to_numeric(s, errors="raise").astype(dtype)
    return s.astype("string")


def to_arrow(df: pd.DataFrame) -> pa.Table:
    """The conformed frame as a pyarrow table with exactly :data:`PROBE_SCHEMA`."""
    import pyarrow as pa

    return pa.Table.from_pandas(conform(df), schema=_probe_schema(), preserve_index=False)
