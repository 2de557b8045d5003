"""Rendering result tables for the CLI: ``table`` for people, ``csv``/``json``/``jsonl`` for tools.

The machine formats are a stable interface: times are ISO 8601 UTC ending in ``Z``, in one form per
column (with microseconds on every row when one row has them, else on none), lists stay lists in
JSON (joined with ``;`` in CSV), missing values are ``null`` (empty in CSV).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, TextIO

if TYPE_CHECKING:  # imported where a value needs it, so that the CLI starts without pandas
    import pandas as pd

Format = Literal["table", "csv", "json", "jsonl"]
FORMATS: tuple[str, ...] = ("table", "csv", "json", "jsonl")


def iso_z(value: Any) -> str | None:
    """An instant as ``2025-10-10T17:00:00Z`` (microseconds only when present); None stays None."""
    import pandas as pd

    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    ts = pd.Timestamp(value)
    if pd.isna(ts):
        return None
    ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
    pyd = ts.to_pydatetime()
    spec = "microseconds" if pyd.microsecond else "seconds"
    return pyd.replace(tzinfo=None).isoformat(timespec=spec) + "Z"


def _plain(value: Any) -> Any:
    """Convert one cell to a JSON-ready Python value."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):  # pd.Timestamp is one
        return iso_z(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    import pandas as pd

    if isinstance(value, dt.timedelta):  # pd.Timedelta is one
        return None if pd.isna(value) else pd.Timedelta(value).total_seconds()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, str):
        return _plain(value.tolist())
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        return value.item()
    return value


def records(df: pd.DataFrame, fine_times: bool | None = None) -> Iterable[dict[str, Any]]:
    """Rows of ``df`` as plain dicts (times as ISO Z strings, lists as lists).

    ``fine_times`` fixes the form of the time columns (microseconds or not) for a table written in
    parts (``occ export``); None decides from ``df``'s own values."""
    cols = list(df.columns)
    times = {i: _iso_column(col, fine_times) for i, (_, col) in enumerate(df.items()) if _is_time_column(col)}
    for n, row in enumerate(df.itertuples(index=False, name=None)):
        yield {c: times[i][n] if i in times else _plain(v)
               for i, (c, v) in enumerate(zip(cols, row, strict=True))}


def _is_time_column(col: pd.Series) -> bool:
    import pandas as pd

    return isinstance(col.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(col.dtype)


def _iso_column(col: pd.Series, fine: bool | None = None) -> list[str | None]:
    """A time column as ISO ``Z`` strings of one form: with microseconds on every row when one row
    has them (or ``fine``), else on none (``pd.to_datetime`` of a column of both forms fails)."""
    ts = col.dt.tz_localize("UTC") if col.dt.tz is None else col.dt.tz_convert("UTC")
    if fine is None:
        fine = bool((ts.dt.microsecond.fillna(0) != 0).any() or (ts.dt.nanosecond.fillna(0) != 0).any())
    text = ts.dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ" if fine else "%Y-%m-%dT%H:%M:%SZ")
    return [None if isinstance(v, float) or v is None else str(v)
            for v in text.astype(object).where(ts.notna())]


def render(df: pd.DataFrame, fmt: str, out: TextIO, title: str | None = None) -> None:
    """Write ``df`` to ``out`` in ``fmt``."""
    render_records(list(df.columns), records(df), fmt, out, title)


def render_records(
    columns: list[str], recs: Iterable[dict[str, Any]], fmt: str, out: TextIO, title: str | None = None
) -> None:
    """Write rows of JSON-ready values (what :func:`records` gives) to ``out`` in ``fmt``."""
    if fmt == "jsonl":
        for rec in recs:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(list(recs), out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "csv":
        write_csv(columns, recs, out)
    elif fmt == "table":
        _render_table(columns, recs, out, title)
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def write_csv(columns: list[str], recs: Iterable[dict[str, Any]], out: TextIO, header: bool = True) -> None:
    """Rows as CSV lines (``header``: the column names first; a table written in parts has one)."""
    w = csv.writer(out, lineterminator="\n")
    if header:
        w.writerow(columns)
    for rec in recs:
        w.writerow([_csv_cell(rec[c]) for c in columns])


def _csv_cell(v: Any) -> Any:
    if isinstance(v, list):
        return ";".join("" if x is None else str(x) for x in v)
    return "" if v is None else v


def _render_table(columns: list[str], recs: Iterable[dict[str, Any]], out: TextIO, title: str | None) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for col in columns:
        table.add_column(str(col), overflow="fold")
    for rec in recs:
        cells = []
        for c in columns:
            v = rec[c]
            if isinstance(v, list):
                v = ", ".join("" if x is None else str(x) for x in v)
            elif isinstance(v, float):
                v = round(v, 3)  # for people: '604074.58' minutes, not '604074.5798929667'
            cells.append(escape("" if v is None else str(v)))
        table.add_row(*cells)
    Console(file=out, width=200 if not out.isatty() else None, soft_wrap=False).print(table)


def to_string(df: pd.DataFrame, fmt: str) -> str:
    buf = io.StringIO()
    render(df, fmt, buf)
    return buf.getvalue()


def human_duration(value: Any) -> str:
    """A duration as a person reads it: ``6d 4h``, ``3h 5min``, ``45min``, ``30s`` (the two largest
    units, the second rounded; ``8895.0`` minutes said nothing to a manager). ``value`` is minutes (a
    number, as ``overage_min``) or a timedelta; missing is ``""``. The one formatter of every duration
    a person reads: report tables, SLA detail texts (``resolution after 1d 13h``) and the CLI's
    ``table`` format; the frames and the machine formats keep their numbers."""
    import pandas as pd

    if value is None or pd.isna(value):
        return ""
    secs = value.total_seconds() if isinstance(value, dt.timedelta) else float(value) * 60
    sign, secs = ("-", -secs) if secs < 0 else ("", secs)
    if 0 < secs < 59.5:
        return f"{sign}{int(secs + 0.5)}s"
    mins = int(secs / 60 + 0.5)  # (half up: round() would take 169.5 h to 170 and 168.5 h to 168)
    if mins >= 1440:
        days, hours = divmod(int(mins / 60 + 0.5), 24)
        return f"{sign}{days}d {hours}h" if hours else f"{sign}{days}d"
    if mins >= 60:
        hours, mins = divmod(mins, 60)
        return f"{sign}{hours}h {mins}min" if mins else f"{sign}{hours}h"
    return f"{sign}{mins}min"


def budget_percent(value: Any) -> Any:
    """A budget's consumed or remaining percentage as a person reads it: 1 decimal (``243.2``), none
    from 1000 % on (``16319``, an int): ``16319.018`` was three digits of noise. NaN stays NaN. The
    report's error budget table and the SLA rows' detail texts (``16319% consumed``) use it. The
    value is rounded before the number of decimals is chosen, so ``999.96`` is ``1000`` too."""
    import pandas as pd

    if pd.isna(value):
        return value
    shown = round(float(value), 1)  # (rounded first: 999.96 shows as 1000, not 1000.0)
    return int(round(value)) if abs(shown) >= 1000 else shown


def plural(n: Any, noun: str) -> str:
    """``'1 probe'``, ``'3 probes'``, ``'0.005 probes'``: a count as a person writes it. ``n`` is a
    number or its text as shown; the noun is singular only when that text is ``1``."""
    return f"{n} {noun}{'' if str(n) == '1' else 's'}"


def probe_count(value: float) -> str:
    """A number of probes that need not be whole (an error budget: (100% - objective) x counted) as a
    person reads it: 1 decimal without a trailing ``.0`` (``1.6``, ``5``), and below 0.1 its first
    significant digit (``0.005``), so that a budget shows as ``0`` only when there is none (a 100 %
    objective): ``0.0`` read as "no budget" when 1 probe at 99.5 % allows 0.005."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    if abs(value) < 0.05:  # (what 1 decimal shows as 0.0; no exponent: 0.00001, not 1e-05)
        digits = -math.floor(math.log10(abs(value)))
        return f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return f"{round(value, 1):g}"


#: The report's prose for the kinds the frames and the CLI keep as identifiers (SLA rows' and
#: ticket events' ``kind``): a table or chart read ``doc_expired`` and ``follow_up``.
KIND_LABELS: dict[str, str] = {
    "doc_expired": "document expired",
    "doc_stale": "document stale",
    "follow_up": "follow-up",
    "response": "first response",
}


def kind_label(kind: Any) -> Any:
    """A kind as the report shows it (:data:`KIND_LABELS`, else its ``_`` as spaces); not a
    string (an empty cell) as it is."""
    if not isinstance(kind, str):
        return kind
    return KIND_LABELS.get(kind) or kind.replace("_", " ")
