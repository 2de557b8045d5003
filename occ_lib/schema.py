"""The probe-row table in one place: column order, pyarrow schema and pandas dtypes.

The runner (``probe.py``), the evidence importer (``evidence.py``) and the store (``store.py``) all
build rows against :data:`PROBE_COLUMNS` and pass them through :func:`conform`, so a Parquet file
written by any of them has exactly :data:`PROBE_SCHEMA` (see docs/architecture.md, "Probe rows").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyarrow as pa

if TYPE_CHECKING:  # imported by the functions that need it: the probe runner starts without pandas
    import pandas as pd

_STR = pa.string()
_F64 = pa.float64()

PROBE_SCHEMA: pa.Schema = pa.schema(
    [
        ("run_id", _STR),
        ("source", _STR),  # probe | evidence
        ("probe_host", _STR),
        ("target", _STR),
        ("url", _STR),  # redacted
        ("method", _STR),
        ("started_at", pa.timestamp("us", tz="UTC")),
        ("status", pa.int32()),
        ("outcome", _STR),  # up | degraded | down
        ("error", _STR),  # timeout|dns|connect|tls|read|protocol|too_many_redirects|unexpected_status
        ("error_message", _STR),
        ("elapsed_ms", _F64),
        ("dns_ms", _F64),
        ("connect_ms", _F64),
        ("tls_ms", _F64),
        ("ttfb_ms", _F64),
        ("http_version", _STR),
        ("bytes", pa.int64()),
        ("h_date", _STR),
        ("h_server", _STR),
        ("h_via", _STR),
        ("h_request_id", _STR),
        ("tags", _STR),  # JSON object string
        ("evidence_path", _STR),
        ("time_source", _STR),  # clock | filename | date_header | mtime | json
        ("evidence_key", _STR),
    ]
)

PROBE_COLUMNS: tuple[str, ...] = tuple(PROBE_SCHEMA.names)

OUTCOMES: tuple[str, ...] = ("up", "degraded", "down")
ERRORS: tuple[str, ...] = (
    "timeout", "dns", "connect", "tls", "read", "protocol", "too_many_redirects", "unexpected_status",
)
TIME_SOURCES: tuple[str, ...] = ("clock", "filename", "date_header", "mtime", "json")

#: pandas dtype of each column (nullable everywhere; ``str`` columns use the pandas string dtype).
PROBE_DTYPES: dict[str, str] = {
    name: (
        "datetime64[us, UTC]" if pa.types.is_timestamp(field.type)
        else "Int32" if field.type == pa.int32()
        else "Int64" if field.type == pa.int64()
        else "float64" if field.type == _F64
        else "string"
    )
    for name, field in zip(PROBE_SCHEMA.names, PROBE_SCHEMA, strict=True)
}


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
    return pa.Table.from_pandas(conform(df), schema=PROBE_SCHEMA, preserve_index=False)
