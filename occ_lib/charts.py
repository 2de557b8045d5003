"""Plotly figures for reports and notebooks: pure functions from small, aggregated frames to figures.

Every chart plots aggregates, never raw probes: a week of 10 million probes arrives here as per-target
windows (:mod:`occ_lib.aggregate`), and :func:`points` / :data:`POINT_BUDGET` make sure a figure
never carries more than a few thousand x-values. When windows are too many for the budget they are
merged into wider ones (counts add up; a percentile line shows the worst window of the merge, so a
breach never disappears by averaging) and the title says the window width.

A line of one point draws nothing: the line charts (latency, availability, error budget) add
markers to a trace of few points (:data:`MARKED_POINTS`; availability, one line per target, up to
200). Their time axis spans the plotted windows, cut at ``until`` (the period's end or as_of,
whichever is first): reference lines end there, and maintenance outside the windows' extent is not
drawn (a window after as_of stretched a partial week's axis over days of nothing).

Conventions: times are stored UTC and shown as wall-clock time in ``tz`` (the axis title names the
zone; across a daylight-saving fall-back the repeated hour shows twice); colours are the Okabe-Ito
colour-blind-safe palette; a threshold or objective line is drawn once per value, its legend
entry naming the targets it is for unless it is every plotted target's (:func:`_shared_lines`);
every piece of text that comes from a log, a config or a probe passes
through :func:`esc` (URL secrets and bearer tokens redacted, then :func:`html.escape`) before it
reaches a hover label or an annotation, because plotly renders a subset of HTML there; inside a
``hovertemplate`` such text is also kept from plotly's ``%{...}`` substitution (:func:`_literal`).

The charts of one report period share one x range (:func:`share_time_axis`), and the outcome
bars each cover their window (from its start, a window wide), so no chart's axis runs past the
period's end. Kinds are named in prose (``document expired``, ``first response``:
:func:`occ_lib.formats.kind_label`), and the ``SLA misses by team`` legend has a title (``Kind``)
and lists the kinds in the stack's order (a vertical legend top down, as the segments pile up).

A chart with nothing to plot says so in its middle ("No data in this period"; :func:`no_data_chart`
for a section with no data at all) instead of showing bare axes or no chart.
"""

from __future__ import annotations

import collections
import html
import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from .errors import ReportError
from .formats import kind_label
from .periods import day_end, day_of_end, zone
from .redact import redact_text
from .timeline import final_resolutions

POINT_BUDGET = 5000
"""The most x-values (summed over traces) any figure from this module may carry."""

MARKED_POINTS = 24
"""A line trace of at most this many points (a day of hourly windows) also draws its markers: a
trace of one point is invisible as a line, and a few points read better as dots."""

TEMPLATE = "plotly_white"

# Okabe & Ito (2008), readable with every common colour-vision deficiency.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
GREY = "#999999"

KIND_ORDER: tuple[str, ...] = (
    "escalation",
    "follow_up",
    "blocked",
    "reopened",
    "resolved",
    "acknowledged",
    "deadline",
    "evidence",
    "plan",
    "status",
    "note",
)
KIND_COLORS: dict[str, str] = {
    "escalation": "#D55E00",
    "follow_up": "#E69F00",
    "blocked": "#CC79A7",
    "reopened": "#F0E442",
    "resolved": "#009E73",
    "acknowledged": "#A6761D",  # (off the palette, which the other kinds use up: a dark ochre)
    "deadline": "#000000",
    "evidence": "#56B4E9",
    "plan": "#0072B2",
    "status": GREY,
    "note": "#BBBBBB",
}
KIND_SYMBOLS: dict[str, str] = {
    "escalation": "triangle-up",
    "follow_up": "circle",
    "blocked": "square",
    "reopened": "star-triangle-down",
    "resolved": "star",
    "acknowledged": "circle-open",
    "deadline": "hourglass",
    "evidence": "circle-open",
    "plan": "diamond",
    "status": "circle",
    "note": "circle",
}
#: Legend names of event kinds whose bare name reads like another entry: a log item saying "resolved"
#: beside the ticket's final resolution (:data:`FINAL_RESOLUTION`) read as two names for one thing.
KIND_NAMES: dict[str, str] = {"resolved": "resolved (log item)"}
#: The final resolution's legend name and marker: a thick green bar where the ticket ended, unlike
#: the star of a log item that says "resolved" (a later reopening ends none).
FINAL_RESOLUTION: tuple[str, str] = ("closed (final resolution)", "line-ns")
DEADLINE_STYLE: dict[str, tuple[str, str, str]] = {
    # status: (legend name, symbol, colour)
    "met": ("deadline met", "diamond-open", "#009E73"),
    "missed": ("deadline missed", "x", "#D55E00"),
    "open": ("deadline open", "diamond-open", GREY),
}
# SLA miss kinds, in the order of occ_lib.sla.KINDS, one fixed colour each across charts.
MISS_KIND_COLORS: dict[str, str] = {
    "deadline": "#D55E00",
    "response": "#E69F00",
    "resolution": "#CC79A7",
    "availability": "#56B4E9",
    "latency": "#0072B2",
    "doc_expired": "#000000",
    "doc_stale": GREY,
}
OUTCOME_COLORS: dict[str, str] = {"up": "#009E73", "degraded": "#E69F00", "down": "#D55E00"}
PERCENTILE_DASH: dict[str, str] = {
    "p50": "dot", "p90": "dashdot", "p95": "solid", "p99": "dash", "mean": "longdash",
}

_OUTCOMES = ("up", "degraded", "down")
_COUNT_COLUMNS = frozenset(
    {"target", "window_start", "window_end", "up", "degraded", "down", "total", "good", "bad",
     "excluded_maintenance", "n", "availability", "probes", "counted", "ratio"}
)
# Window widths a merge may pick: readable ones only.
_NICE_WIDTHS = tuple(
    pd.Timedelta(w)
    for w in ("1min", "2min", "5min", "10min", "15min", "30min", "1h", "2h", "3h", "6h", "12h", "1D", "7D")
)
_HOVER_TEXT_MAX = 300
_NO_TICKET = "(no ticket)"
_MAX_SHAPES = 200


# ----------------------------------------------------------------------------------------------
# budget and small helpers


def points(fig: go.Figure) -> int:
    """How many x-values the figure's traces carry (y-values for traces without x)."""
    total = 0
    for trace in fig.data:
        values = getattr(trace, "x", None)
        if values is None:
            values = getattr(trace, "y", None)
        if values is not None:
            total += len(values)
    return total


def check_budget(fig: go.Figure, budget: int = POINT_BUDGET) -> go.Figure:
    """Raise :class:`ReportError` when ``fig`` carries more than ``budget`` x-values; else return it."""
    n = points(fig)
    if n > budget:
        title = fig.layout.title.text or "chart"
        raise ReportError(f"{title}: {n} points exceed the budget of {budget}; aggregate before plotting")
    return fig


def _finish(fig: go.Figure, empty: str = "No data in this period") -> go.Figure:
    """Every chart's last step: the point budget, and for a chart with nothing to plot a line that
    says so instead of bare axes with made-up ticks."""
    if points(fig) == 0:
        fig.add_annotation(
            text=empty, xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False, font_size=15
        )
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        fig.update_layout(height=200, showlegend=False)
    return check_budget(fig)


def no_data_chart(title: str, message: str = "No data in this period") -> go.Figure:
    """A chart of nothing that says so: a report section whose charts have no data (a week without
    probes) shows its title and ``message`` instead of nothing at all, which reads as a broken page."""
    return _finish(_layout(go.Figure(), title, "", ""), message)


def esc(value: Any, limit: int = _HOVER_TEXT_MAX) -> str:
    """Text made safe for plotly hover labels and annotations: secrets redacted, HTML-escaped, shortened."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = redact_text(str(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return html.escape(text, quote=True)


def _literal(text: str) -> str:
    """Escaped text made literal inside a plotly ``hovertemplate``, where ``%{...}`` is a
    substitution: a target named ``api%{y}`` showed the hovered value in its name. ``{`` becomes
    its character reference, which plotly decodes only after substituting."""
    return text.replace("%{", "%&#123;")


def time_title(tz: str) -> str:
    return f"Time ({tz})"


def local_times(values: Any, tz: str) -> pd.Series:
    """UTC instants as naive wall-clock times in ``tz`` (what plotly shows on a date axis)."""
    s = pd.Series(pd.to_datetime(values, utc=True))
    return s.dt.tz_convert(tz).dt.tz_localize(None).reset_index(drop=True)


def _fmt_width(width: pd.Timedelta) -> str:
    secs = int(width.total_seconds())
    for unit, n in (("d", 86400), ("h", 3600), ("min", 60)):
        if secs % n == 0:
            return f"{secs // n}{unit}"
    return f"{secs}s"


def _x_extent(df: pd.DataFrame, targets: list[str], tz: str) -> tuple[Any, Any]:
    """First and last window start (local time) over the plotted targets; (None, None) if none."""
    x = local_times(df.loc[df["target"].isin(targets), "window_start"], tz) if len(df) else []
    return (x.min(), x.max()) if len(x) else (None, None)


def _utc(value: Any) -> pd.Timestamp:
    t = pd.Timestamp(value)
    return t.tz_localize("UTC") if t.tzinfo is None else t.tz_convert("UTC")


def _x_end(x_max: Any, width: pd.Timedelta, until: Any, tz: str) -> Any:
    """Where a chart's reference lines end (local time): the last window's end, or ``until`` (a UTC
    instant: the period's end or as_of, whichever is first) when that comes first, after the last
    window's start."""
    end = x_max + width
    if until is not None:
        cut = local_times([_utc(until)], tz)[0]
        if x_max < cut < end:
            return cut
    return end


def _span(df: pd.DataFrame, targets: list[str], width: pd.Timedelta, until: Any) -> tuple[Any, Any]:
    """The UTC extent of the plotted windows, ``[first start, last start + width)`` cut at ``until``;
    (None, None) without windows."""
    starts = pd.to_datetime(df.loc[df["target"].isin(targets), "window_start"], utc=True) if len(df) else []
    if not len(starts):
        return None, None
    lo, hi = starts.min(), starts.max() + width
    if until is not None and starts.max() < _utc(until) < hi:
        hi = _utc(until)
    return lo, hi


def share_time_axis(figs: Sequence[go.Figure], start: Any, end: Any, tz: str = "UTC") -> list[go.Figure]:
    """Give the time charts of one period one x range, ``[start, end)`` (UTC instants: the period's
    start and its end or as_of, whichever is first) in ``tz``'s wall time: each chart's own autorange
    differed (markers padded the availability chart's axis to the day after the period's last)."""
    tz = _zone(tz)
    lo, hi = local_times([_utc(start), _utc(end)], tz)
    for fig in figs:
        fig.update_xaxes(range=[lo, hi])
    return list(figs)


def _clip(spans: pd.DataFrame, lo: Any, hi: Any) -> pd.DataFrame:
    """Intervals cut to ``[lo, hi)``; those outside it dropped (all of them when ``lo`` is None)."""
    if lo is None:
        return spans.iloc[0:0]
    spans = spans[(spans["end"] > lo) & (spans["start"] < hi)]
    return spans.assign(start=spans["start"].clip(lower=lo), end=spans["end"].clip(upper=hi))


def _line_mode(n: int, up_to: int = MARKED_POINTS) -> str:
    """``lines+markers`` for a trace of at most ``up_to`` points (one point draws no line), else
    ``lines``."""
    return "lines+markers" if n <= up_to else "lines"


def window_width(starts: Any) -> pd.Timedelta:
    """The window width of an aggregated frame: the smallest gap between distinct window starts."""
    uniq = pd.Series(pd.to_datetime(pd.Series(starts), utc=True).dropna().unique()).sort_values()
    gaps = uniq.diff().dropna()
    gaps = gaps[gaps > pd.Timedelta(0)]
    return pd.Timedelta(gaps.min()) if len(gaps) else pd.Timedelta(hours=1)


def _layout(fig: go.Figure, title: str, x_title: str, y_title: str, **kw: Any) -> go.Figure:
    # A few legend entries fit in one row above the plot; more go down the right side, where they
    # cannot run into the title. So do grouped entries: plotly stacks a group's entries in a
    # horizontal legend too (one target's p50/p95/p99 would be three rows, over the title).
    shown = [t for t in fig.data if t.showlegend is not False]
    groups = collections.Counter(t.legendgroup for t in shown if t.legendgroup)
    if len(shown) <= 4 and max(groups.values(), default=1) == 1:
        legend = {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0}
    else:
        legend = {"orientation": "v", "yanchor": "top", "y": 1, "x": 1.02}
    fig.update_layout(
        template=TEMPLATE,
        title={"text": esc(title, 200)},
        xaxis_title=x_title,
        yaxis_title=y_title,
        legend=legend,
        hovermode="closest",
        margin={"t": 90},
        **kw,
    )
    return fig


def _whole_counts(fig: go.Figure) -> go.Figure:
    """A count axis ticks at whole numbers: left to itself, plotly labels 0.2, 0.4 ... on a chart of
    one miss. Only small counts need it (larger ranges get whole ticks anyway)."""
    totals: dict[Any, float] = {}
    for trace in fig.data:
        if trace.x is None or trace.y is None:
            continue
        for x, y in zip(trace.x, trace.y, strict=True):
            totals[x] = totals.get(x, 0.0) + (float(y) if y is not None and y == y else 0.0)
    if 0 < max(totals.values(), default=0.0) <= 10:
        fig.update_yaxes(dtick=1, tick0=0, rangemode="tozero")
    return fig


def _zone(tz: Any) -> Any:
    """A chart's ``tz`` checked before plotting: an unknown zone is an
    :class:`~occ_lib.errors.ArgumentError` naming ``tz``, not zoneinfo's error from deep inside
    pandas."""
    from .periods import zone_arg

    return zone_arg(tz)


#: What :func:`latency_chart` plots: per-target windows as :func:`occ_lib.aggregate.latency_windows`
#: gives them.
WINDOW_COLUMNS: tuple[str, ...] = ("target", "window_start")


def _require_windows(windows: Any, percentiles: Sequence[str]) -> None:
    """An :class:`~occ_lib.errors.ArgumentError` listing what ``windows`` lacks when it is no frame
    of latency windows (raw probe rows are the natural first try: they have no ``window_start``)."""
    from .errors import ArgumentError

    cols = getattr(windows, "columns", None)
    if cols is None:
        raise ArgumentError("windows: expected a DataFrame from occ_lib.aggregate.latency_windows")
    missing = [c for c in WINDOW_COLUMNS if c not in cols]
    wanted = ", ".join(percentiles)
    if not any(p in cols for p in percentiles):
        missing.append(f"one of {wanted}")
    if missing:
        raise ArgumentError(
            f"windows: needs the columns {', '.join(WINDOW_COLUMNS)} and one of {wanted} (missing: "
            f"{'; '.join(missing)}), as occ_lib.aggregate.latency_windows gives them; for raw probe "
            "rows use charts.latency_chart_from_probes"
        )


def _select_target(df: pd.DataFrame, target: str | Sequence[str] | None) -> pd.DataFrame:
    if target is None or "target" not in df.columns:
        return df
    wanted = [target] if isinstance(target, str) else list(target)
    return df[df["target"].isin(wanted)]


def _wider(width: pd.Timedelta, factor: int) -> pd.Timedelta:
    """The smallest readable width at least ``factor`` times ``width`` and a multiple of it."""
    need = width * factor
    for w in _NICE_WIDTHS:
        if w >= need and w % width == pd.Timedelta(0):
            return w
    return width * factor


def _coarsen(df: pd.DataFrame, rows_budget: int, sums: Sequence[str], maxes: Sequence[str]) -> tuple[
    pd.DataFrame, pd.Timedelta
]:
    """Merge windows (per target) until the frame has at most ``rows_budget`` rows.

    Count columns add up; percentile columns keep the worst (max) window; ``mean`` is weighted by
    ``n`` when both exist.
    """
    width = window_width(df["window_start"])
    if len(df) <= rows_budget or df.empty:
        return df, width
    n_targets = max(df["target"].nunique(), 1) if "target" in df.columns else 1
    per_target = max(rows_budget // n_targets, 1)
    starts = pd.to_datetime(df["window_start"], utc=True)
    span = starts.max() - starts.min() + width
    new_width = _wider(width, max(2, math.ceil(span / width / per_target)))
    while True:
        out = df.copy()
        origin = starts.min().floor("D")
        out["window_start"] = origin + ((starts - origin) // new_width) * new_width
        keys = [k for k in ("target", "window_start") if k in out.columns]
        agg: dict[str, Any] = {c: "sum" for c in sums if c in out.columns}
        agg.update({c: "max" for c in maxes if c in out.columns})
        weighted = "mean" in out.columns and "n" in out.columns
        if weighted:
            out["_wsum"] = out["mean"] * out["n"]
            agg["_wsum"] = "sum"
            agg.pop("mean", None)
        merged = out.groupby(keys, as_index=False, sort=True).agg(agg)
        if weighted:
            merged["mean"] = merged["_wsum"] / merged["n"].where(merged["n"] > 0)
            merged = merged.drop(columns="_wsum")
        if len(merged) <= rows_budget:
            return merged, new_width
        new_width = _wider(width, int(new_width / width) * 2)


def _intervals(df: pd.DataFrame | None, width: pd.Timedelta) -> pd.DataFrame:
    """Normalise breach / maintenance frames to ``start, end, label, target`` (UTC).

    Accepts ``window_start[, window_end]``, ``start, end`` (:meth:`occ_lib.policy.Policy.maintenance_windows`)
    or rows of :func:`occ_lib.sla.misses` (``kind == "latency"``: ``subject``, ``due_at``, ``overage_min``).
    """
    cols = ["start", "end", "label", "target"]
    if df is not None and "kind" in df.columns:
        df = df[df["kind"] == "latency"]  # rows of occ_lib.sla.misses: only latency breaches
    if df is None or len(df) == 0:
        return pd.DataFrame(columns=cols)
    start_col = next((c for c in ("window_start", "start", "starts_at", "due_at") if c in df.columns), None)
    if start_col is None:
        raise ValueError("interval frame needs a window_start or start column")
    end_col = next((c for c in ("window_end", "end", "ends_at") if c in df.columns), None)
    start = pd.to_datetime(df[start_col], utc=True).reset_index(drop=True)
    if end_col:
        end = pd.to_datetime(df[end_col], utc=True).reset_index(drop=True)
    elif "overage_min" in df.columns:  # a latency miss lasts its objective's window
        mins = pd.to_numeric(df["overage_min"], errors="coerce").reset_index(drop=True)
        end = start + pd.to_timedelta(mins.fillna(width / pd.Timedelta(minutes=1)), unit="min")
    else:
        end = start + width
    label_col = next((c for c in ("label", "name", "detail") if c in df.columns), None)
    label = df[label_col].reset_index(drop=True) if label_col else pd.Series([""] * len(df))
    tcol = "target" if "target" in df.columns else ("subject" if "subject" in df.columns else None)
    target = df[tcol].reset_index(drop=True) if tcol else pd.Series([None] * len(df), dtype="object")
    return pd.DataFrame({"start": start, "end": end, "label": label, "target": target})


def _merge_spans(spans: pd.DataFrame) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Union of intervals, so adjacent breached windows become one shaded span."""
    out: list[list[pd.Timestamp]] = []
    for s, e in sorted(zip(spans["start"], spans["end"], strict=True)):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _shared_lines(values: Mapping[Any, float], targets: Sequence[str]) -> list[tuple[list[Any], float]]:
    """Reference lines (thresholds, objectives) by value: the plotted targets that share a value
    share one line, in the order first met (``None`` keys: one value for every target). Two black
    dashed lines on one y, ``threshold 800 ms (a)`` and ``threshold 800 ms (b)``, were one line
    with two legend entries that said nothing apart."""
    by_value: dict[float, list[Any]] = {}
    for key, value in values.items():
        if key is None or key in targets:
            by_value.setdefault(float(value), []).append(key)
    return [(keys, value) for value, keys in by_value.items()]


def _line_targets(keys: Sequence[Any], targets: Sequence[str]) -> str:
    """A reference line's label suffix: nothing when the line is every plotted target's (a value
    given for all, or shared by all of several targets), else the targets it is for, ``(api)`` or
    ``(api, web)``."""
    named = [k for k in keys if k is not None]
    if len(named) < len(keys) or (len(targets) > 1 and sorted(named) == sorted(targets)):
        return ""
    return f" ({esc(', '.join(str(k) for k in named))})"


def _color(i: int) -> str:
    return OKABE_ITO[i % len(OKABE_ITO)]


# ----------------------------------------------------------------------------------------------
# latency


def latency_chart(
    windows: pd.DataFrame,
    threshold_ms: float | Mapping[str, float] | None = None,
    breaches: pd.DataFrame | None = None,
    maintenance: pd.DataFrame | None = None,
    tz: str = "UTC",
    target: str | Sequence[str] | None = None,
    percentiles: Sequence[str] = ("p50", "p95", "p99"),
    title: str | None = None,
    until: Any = None,
) -> go.Figure:
    """Percentile lines per target over time, the objective's threshold, breaches and maintenance.

    ``windows``: ``target, window_start, n, p50, p90, p95, p99, mean`` (latency in ms).
    ``threshold_ms``: one threshold, or one per target. ``breaches``: windows that broke the objective
    (``target``/``subject`` and ``window_start``[, ``window_end``]), shaded red. ``maintenance``:
    ``start, end``[, ``name``] intervals, shaded grey and labelled; they are excluded from objectives.
    ``until`` (UTC: the period's end or as_of, whichever is first) cuts the axis. Shading is drawn
    within the windows' extent only (maintenance next Sunday does not stretch today's axis).
    """
    tz = _zone(tz)
    _require_windows(windows, percentiles)
    df = _select_target(windows, target)
    pcts = [p for p in percentiles if p in df.columns]
    targets = sorted(df["target"].dropna().unique().tolist()) if len(df) else []
    budget_rows = max((POINT_BUDGET - 2 * max(len(targets), 1)) // max(len(pcts), 1), 1)
    base_width = window_width(df["window_start"]) if len(df) else pd.Timedelta(hours=1)
    df, width = _coarsen(df, budget_rows, sums=("n",), maxes=tuple(pcts))
    fig = go.Figure()
    x_min, x_max = _x_extent(df, targets, tz)
    lo, hi = _span(df, targets, width, until)
    for i, tgt in enumerate(targets):
        part = df[df["target"] == tgt].sort_values("window_start")
        x = local_times(part["window_start"], tz)
        n = part["n"].to_numpy() if "n" in part.columns else [None] * len(part)
        for p in pcts:
            fig.add_trace(
                go.Scatter(
                    x=x,
                    y=part[p].to_numpy(),
                    mode=_line_mode(len(part)),
                    name=f"{esc(tgt)} {p}",
                    legendgroup=esc(tgt),
                    line={"color": _color(i), "dash": PERCENTILE_DASH.get(p, "solid"), "width": 2},
                    marker={"size": 7},
                    customdata=[[v] for v in n],
                    hovertemplate=(
                        f"<b>{_literal(esc(tgt))}</b><br>%{{x|%Y-%m-%d %H:%M}}<br>{p}: %{{y:.1f}} ms"
                        "<br>probes: %{customdata[0]}<extra></extra>"
                    ),
                )
            )
    if threshold_ms is not None and x_min is not None:
        thresholds = (
            dict(threshold_ms) if isinstance(threshold_ms, Mapping) else {None: float(threshold_ms)}
        )
        for keys, value in _shared_lines(thresholds, targets):
            label = f"threshold {value:g} ms{_line_targets(keys, targets)}"
            fig.add_trace(
                go.Scatter(
                    x=[x_min, _x_end(x_max, width, until, tz)],
                    y=[value, value],
                    mode="lines",
                    name=label,
                    line={"color": "#000000", "dash": "dash", "width": 1},
                    hovertemplate=f"{_literal(label)}<extra></extra>",
                )
            )
    spans = _intervals(breaches, base_width)  # a breach without an end lasts one input window
    if target is not None and len(spans):
        wanted = [target] if isinstance(target, str) else list(target)
        spans = spans[spans["target"].isna() | spans["target"].isin(wanted)]
    if len(spans) > _MAX_SHAPES:
        # too many separate breaches to shade one by one: shade the merged (plotted) windows instead
        spans = spans.assign(start=spans["start"].dt.floor(width), end=spans["end"].dt.ceil(width))
    spans = _clip(spans, lo, hi)
    for s, e in _merge_spans(spans):
        fig.add_vrect(
            x0=local_times([s], tz)[0], x1=local_times([e], tz)[0],
            fillcolor="#D55E00", opacity=0.15, line_width=0, layer="below",
        )
    maint = _intervals(maintenance, base_width)
    if target is not None and len(maint):
        wanted = [target] if isinstance(target, str) else list(target)
        maint = maint[maint["target"].isna() | maint["target"].isin(wanted)]
    maint = _clip(maint, lo, hi).drop_duplicates(["start", "end", "label"])
    for rec in maint.itertuples(index=False):
        fig.add_vrect(
            x0=local_times([rec.start], tz)[0], x1=local_times([rec.end], tz)[0],
            fillcolor="#56B4E9", opacity=0.2, layer="below",
            line={"color": "#0072B2", "dash": "dot", "width": 1},
            # a short label (a long one would widen the axis); the full name is its hover text
            annotation_text="maintenance",
            annotation_hovertext=esc(str(rec.label) if rec.label else "maintenance", 200),
            annotation_position="top left",
            annotation_font_size=11,
        )
    head = title or "Latency per target"
    note = []
    if len(spans):
        note.append("shaded red: breached windows")
    if len(maint):
        note.append("shaded blue: maintenance (excluded)")
    sub = f"window {_fmt_width(width)}" + ("; " + "; ".join(note) if note else "")
    _layout(fig, f"{head} ({sub})", time_title(tz), "Latency (ms)")
    return _finish(fig)


# ----------------------------------------------------------------------------------------------
# outcomes, errors, availability, error budget


def _error_columns(counts: pd.DataFrame) -> list[str]:
    """Error-class count columns that are non-zero somewhere (all-zero classes would only add noise)."""
    return [
        c for c in counts.columns
        if c not in _COUNT_COLUMNS and pd.api.types.is_numeric_dtype(counts[c]) and counts[c].sum() > 0
    ]


def _sum_over_targets(counts: pd.DataFrame, cols: Sequence[str]) -> pd.DataFrame:
    return counts.groupby("window_start", as_index=False, sort=True)[list(cols)].sum()


def outcomes_chart(
    counts: pd.DataFrame, tz: str = "UTC", target: str | Sequence[str] | None = None, title: str | None = None
) -> go.Figure:
    """Stacked bars of up / degraded / down probes per window (summed over the selected targets).

    ``counts``: ``target, window_start, up, degraded, down, total`` plus one column per error class;
    the error classes of each window show in the hover label of its ``down`` bar.
    """
    tz = _zone(tz)
    df = _select_target(counts, target)
    errs = _error_columns(df)
    cols = [c for c in (*_OUTCOMES, "total", *errs) if c in df.columns]
    df = _sum_over_targets(df, cols)
    df, width = _coarsen(df, POINT_BUDGET // 3, sums=cols, maxes=())
    x = local_times(df["window_start"], tz)
    labels = {e: esc(e) for e in errs}
    columns = [[f"{labels[e]}: {int(v)}" if v else "" for v in df[e].to_numpy()] for e in errs]
    err_text = ["<br>".join(p for p in row if p) or "no errors" for row in zip(*columns, strict=True)]
    if not errs:
        err_text = ["no errors"] * len(df)
    fig = go.Figure()
    for outcome in _OUTCOMES:
        if outcome not in df.columns:
            continue
        fig.add_trace(
            go.Bar(
                x=x,
                y=df[outcome].to_numpy(),
                name=outcome,
                marker_color=OUTCOME_COLORS[outcome],
                # (each bar covers its window, [start, start + width): centred on its start, the
                # first bar stood half before the period and the last half after its end)
                offset=0,
                width=width / pd.Timedelta(milliseconds=1),
                customdata=[[t] for t in err_text],
                hovertemplate=(
                    f"%{{x|%Y-%m-%d %H:%M}}<br>{outcome}: %{{y}} probes"
                    + ("<br>%{customdata[0]}" if outcome != "up" else "")
                    + "<extra></extra>"
                ),
            )
        )
    who = "all targets" if target is None else ", ".join([target] if isinstance(target, str) else target)
    head = title or f"Probe outcomes ({who})"
    _layout(fig, f"{head}, window {_fmt_width(width)}", time_title(tz), "Probes (count)", barmode="stack",
            bargap=0.05)
    return _finish(_whole_counts(fig))


def errors_chart(
    counts: pd.DataFrame, tz: str = "UTC", target: str | Sequence[str] | None = None, title: str | None = None
) -> go.Figure:
    """Stacked bars of failed probes per window by error class (timeout, dns, connect, tls, ...)."""
    tz = _zone(tz)
    df = _select_target(counts, target)
    errs = _error_columns(df)
    df = _sum_over_targets(df, errs) if errs else df.iloc[0:0]
    if errs:
        df, width = _coarsen(df, POINT_BUDGET // len(errs), sums=errs, maxes=())
    else:
        width = pd.Timedelta(hours=1)
    x = local_times(df["window_start"], tz) if len(df) else []
    fig = go.Figure()
    for i, e in enumerate(errs):
        fig.add_trace(
            go.Bar(
                x=x,
                y=df[e].to_numpy(),
                name=esc(e),
                marker_color=_color(i),
                hovertemplate=f"%{{x|%Y-%m-%d %H:%M}}<br>{_literal(esc(e))}: %{{y}} probes<extra></extra>",
            )
        )
    head = title or "Probe errors by class"
    _layout(fig, f"{head}, window {_fmt_width(width)}", time_title(tz), "Failed probes (count)",
            barmode="stack", bargap=0.05)
    return _finish(_whole_counts(fig))


def availability(counts: pd.DataFrame, degraded: str | None = None) -> pd.Series:
    """Availability ratio per row.

    ``degraded=None`` uses the ``good`` column of :func:`occ_lib.aggregate.outcome_counts` (which
    already applied the policy's rules) when present, else counts degraded as up; ``"up"`` or
    ``"down"`` recompute ``(up [+ degraded]) / total``.
    """
    total = counts["total"] if "total" in counts.columns else counts[[*_OUTCOMES]].sum(axis=1)
    if degraded is None:
        if "good" in counts.columns:
            return (counts["good"] / total.where(total > 0)).astype("float64")
        degraded = "up"
    if degraded not in ("up", "down"):
        raise ValueError("degraded must count as 'up' or 'down'")
    good = counts["up"] + (counts["degraded"] if degraded == "up" and "degraded" in counts.columns else 0)
    return (good / total.where(total > 0)).astype("float64")


def availability_chart(
    counts: pd.DataFrame,
    objective: float | Mapping[str, float] | None = None,
    tz: str = "UTC",
    degraded: str | None = None,
    target: str | Sequence[str] | None = None,
    title: str | None = None,
    until: Any = None,
) -> go.Figure:
    """Availability (%) per target per window against the objective (0.995 or 99.5 both mean 99.5 %).

    A precomputed ``availability`` column (ratio) is used as is; otherwise it is computed from the
    outcome counts as :func:`availability` does. ``until`` cuts the objective line, as in
    :func:`latency_chart`.
    """
    tz = _zone(tz)
    df = _select_target(counts, target).copy()
    targets = sorted(df["target"].dropna().unique().tolist()) if len(df) else []
    if "availability" not in df.columns:
        sums = [c for c in (*_OUTCOMES, "total", "good", "bad") if c in df.columns]
        df, width = _coarsen(df, max((POINT_BUDGET - 2 * max(len(targets), 1)), 1), sums=sums, maxes=())
        df["availability"] = availability(df, degraded)
    else:
        width = window_width(df["window_start"])
        if len(df) > POINT_BUDGET - 2 * max(len(targets), 1):
            raise ReportError("availability windows exceed the point budget; pass counts to re-aggregate")
    fig = go.Figure()
    x_min, x_max = _x_extent(df, targets, tz)
    for i, tgt in enumerate(targets):
        part = df[df["target"] == tgt].sort_values("window_start")
        x = local_times(part["window_start"], tz)
        total = part["total"].to_numpy() if "total" in part.columns else [None] * len(part)
        fig.add_trace(
            go.Scatter(
                x=x,
                y=(part["availability"] * 100).to_numpy(),
                mode=_line_mode(len(part), 200),
                name=esc(tgt),
                line={"color": _color(i), "width": 2},
                marker={"size": 7 if len(part) <= MARKED_POINTS else 4},
                customdata=[[t] for t in total],
                hovertemplate=(
                    f"<b>{_literal(esc(tgt))}</b><br>%{{x|%Y-%m-%d %H:%M}}<br>availability: %{{y:.3f}} %"
                    "<br>probes: %{customdata[0]}<extra></extra>"
                ),
            )
        )
    if objective is not None and x_min is not None:
        objectives = dict(objective) if isinstance(objective, Mapping) else {None: float(objective)}
        for keys, value in _shared_lines({k: _ratio(v) for k, v in objectives.items()}, targets):
            label = f"objective {value * 100:g} %{_line_targets(keys, targets)}"
            fig.add_trace(
                go.Scatter(
                    x=[x_min, _x_end(x_max, width, until, tz)],
                    y=[value * 100, value * 100],
                    mode="lines",
                    name=label,
                    line={"color": "#000000", "dash": "dash", "width": 1},
                    hovertemplate=f"{_literal(label)}<extra></extra>",
                )
            )
    head = title or "Availability per target"
    if degraded is None and "good" in counts.columns:
        rule = "good / counted probes"
    else:
        rule = f"degraded counts as {degraded or 'up'}"
    _layout(fig, f"{head} (window {_fmt_width(width)}; {rule})", time_title(tz), "Availability (%)")
    return _finish(fig)


def _ratio(value: float) -> float:
    """An objective as a ratio: 99.5 and 0.995 both give 0.995."""
    v = float(value)
    return v / 100.0 if v > 1 else v


def budget_series(counts: pd.DataFrame, objective: float, degraded: str | None = None) -> pd.DataFrame:
    """Error budget remaining over the period, per target: ``target, window_start, remaining``.

    The budget is ``(1 - objective) x`` all probes of the period (per target); ``remaining`` after a
    window is ``1 - failed so far / budget`` (1.0 untouched, 0.0 spent, negative overspent).
    """
    objective = _ratio(objective)
    if not 0 < objective < 1:
        raise ValueError("objective must be between 0 and 1 (0.995) or a percentage (99.5)")
    df = counts.sort_values(["target", "window_start"]).copy()
    total = df["total"] if "total" in df.columns else df[[*_OUTCOMES]].sum(axis=1)
    good = availability(df, degraded) * total
    df["_bad"] = (total - good.fillna(0)).astype("float64")
    df["_total"] = total.astype("float64")
    g = df.groupby("target", sort=False)
    allowed = (1 - objective) * g["_total"].transform("sum")
    consumed = g["_bad"].cumsum()
    df["remaining"] = (1 - consumed / allowed.where(allowed > 0)).astype("float64")
    return df[["target", "window_start", "remaining"]].reset_index(drop=True)


def burndown_chart(
    budget: pd.DataFrame,
    tz: str = "UTC",
    target: str | Sequence[str] | None = None,
    title: str | None = None,
    until: Any = None,
) -> go.Figure:
    """Error budget remaining (%) over time per target; the zero line marks a spent budget.

    ``budget``: ``target, window_start`` (or ``at``) and ``remaining`` (a ratio, as from
    :func:`budget_series`). A budget overspent below -100 % cuts the axis at -100 %: the values
    below it are drawn on the cut (a line under the axis was drawn nowhere) and their hover label
    gives the value. ``until`` cuts the zero line, as in :func:`latency_chart`.
    """
    tz = _zone(tz)
    df = _select_target(budget, target).copy()
    if "window_start" not in df.columns and "at" in df.columns:
        df = df.rename(columns={"at": "window_start"})
    if "remaining" not in df.columns and "budget_remaining" in df.columns:
        df = df.rename(columns={"budget_remaining": "remaining"})
    targets = sorted(df["target"].dropna().unique().tolist()) if len(df) else []
    # Merging windows keeps the last (lowest-so-far is not monotone when the budget is recomputed).
    df, width = _coarsen_last(df, max(POINT_BUDGET - 2, 1))
    lowest = float(df["remaining"].min()) * 100 if len(df) and df["remaining"].notna().any() else 0.0
    cut = lowest < -100  # an overspent budget can reach -10,000 %: show the range that matters
    fig = go.Figure()
    x_min, x_max = _x_extent(df, targets, tz)
    for i, tgt in enumerate(targets):
        part = df[df["target"] == tgt].sort_values("window_start")
        x = local_times(part["window_start"], tz)
        pct = (part["remaining"] * 100).to_numpy(dtype="float64")
        fig.add_trace(
            go.Scatter(
                x=x,
                y=pct.clip(min=-100) if cut else pct,
                mode=_line_mode(len(part)),
                name=esc(tgt),
                line={"color": _color(i), "width": 2, "shape": "hv"},
                # (a value below the cut, drawn on it, is a triangle pointing down)
                marker={"size": 7, "symbol": ["triangle-down" if v < -100 else "circle" for v in pct]}
                if cut else {"size": 7},
                customdata=[[v] for v in pct],
                hovertemplate=(
                    f"<b>{_literal(esc(tgt))}</b><br>%{{x|%Y-%m-%d %H:%M}}"
                    "<br>budget remaining: %{customdata[0]:.1f} %<extra></extra>"
                ),
            )
        )
    if x_min is not None:
        fig.add_trace(
            go.Scatter(
                x=[x_min, _x_end(x_max, width, until, tz)], y=[0, 0], mode="lines", name="budget spent (0 %)",
                line={"color": "#D55E00", "dash": "dash", "width": 1},
                hovertemplate="budget spent<extra></extra>",
            )
        )
    head = title or "Error budget remaining"
    if cut:
        head += " (axis cut at -100 %)"
    _layout(fig, head, time_title(tz), "Error budget remaining (%)")
    if cut:
        fig.update_yaxes(range=[-105, 105])
    return _finish(fig)


def _coarsen_last(df: pd.DataFrame, rows_budget: int) -> tuple[pd.DataFrame, pd.Timedelta]:
    width = window_width(df["window_start"]) if len(df) else pd.Timedelta(hours=1)
    if len(df) <= rows_budget:
        return df, width
    n_targets = max(df["target"].nunique(), 1)
    starts = pd.to_datetime(df["window_start"], utc=True)
    span = starts.max() - starts.min() + width
    new_width = _wider(width, max(2, math.ceil(span / width / max(rows_budget // n_targets, 1))))
    origin = starts.min().floor("D")
    while True:
        out = df.assign(_b=origin + ((starts - origin) // new_width) * new_width)
        out = out.sort_values("window_start").groupby(["target", "_b"], as_index=False).last()
        out = out.drop(columns="window_start").rename(columns={"_b": "window_start"})
        if len(out) <= rows_budget:
            return out, new_width
        new_width = _wider(width, int(new_width / width) * 2)


# ----------------------------------------------------------------------------------------------
# escalations


def _deadline_rows(
    deadlines: pd.DataFrame | None, resolved: pd.DataFrame, as_of: pd.Timestamp | None, tz: str = "UTC"
) -> pd.DataFrame:
    """Normalise deadlines to ``ticket, due_at, status, text``.

    Accepts rows of :func:`occ_lib.sla.misses` (``kind == "deadline"``, ticket in ``subject``), any
    frame with ``ticket, due_at, status``, or the raw ``Logs.deadlines`` table; for the raw table the
    status follows the rule of :mod:`occ_lib.sla`: missed when the text says so, or when no resolution
    of the ticket came by ``due_at`` and ``due_at < as_of``; met when one did; open otherwise (one due
    exactly at as_of too: a resolution at that instant would be on time).
    """
    cols = ["ticket", "due_at", "status", "text", "day_only"]
    if deadlines is None or len(deadlines) == 0:
        return pd.DataFrame(columns=cols)
    df = deadlines
    if "kind" in df.columns and "subject" in df.columns:
        df = df[df["kind"] == "deadline"].rename(columns={"subject": "ticket"})
    if "ticket" not in df.columns and "tickets" in df.columns:
        df = df.explode("tickets").rename(columns={"tickets": "ticket"})
    # a deadline that names no ticket has no row to sit on (occ_lib.sla lists it as "(no ticket)")
    df = df[df["ticket"].notna() & (df["ticket"] != _NO_TICKET)].copy()
    df["due_at"] = pd.to_datetime(df["due_at"], utc=True)
    df = df[df["due_at"].notna()]  # (a miss admitted with no due time has no place on a time axis)
    # a date-only deadline of the raw table is due at the end of its day in tz (the table does not
    # say its log's zone); occ_lib.sla's rows say so in day_precision and already hold the end of the
    # day, in the zone the log declares
    if "due_precision" in df.columns:
        df["day_only"] = df["due_precision"].eq("day")
        df.loc[df["day_only"], "due_at"] = [day_end(d.date(), tz) for d in df.loc[df["day_only"], "due_at"]]
    elif "day_precision" in df.columns:
        df["day_only"] = df["day_precision"].fillna("").str.contains("due_at")
    else:
        df["day_only"] = False
    if "status" not in df.columns:
        first_res = resolved.groupby("ticket")["at"].min() if len(resolved) else pd.Series(dtype="object")
        res = df["ticket"].map(first_res)
        res = pd.to_datetime(res, utc=True)
        met = res.notna() & (res <= df["due_at"])
        stated = (
            df["stated_missed"].fillna(False).astype(bool)
            if "stated_missed" in df.columns
            else pd.Series(False, index=df.index)
        )
        past = df["due_at"] < as_of if as_of is not None else pd.Series(True, index=df.index)
        df["status"] = "open"
        df.loc[past & ~met, "status"] = "missed"
        df.loc[met, "status"] = "met"
        df.loc[stated, "status"] = "missed"
    if "text" not in df.columns:
        df["text"] = df["detail"] if "detail" in df.columns else ""
    return df[cols].reset_index(drop=True)


def _due_label(due: pd.Timestamp, day_only: bool, tz: str) -> str:
    """'2025-10-09 (end of day, America/New_York)' for a date-only deadline, else its local date and
    time; a date-only one that a log in another zone wrote (:mod:`occ_lib.sla` ends it there) does
    not end at a midnight in ``tz``: its local time, said to be the end of that log's day."""
    if day_only:
        local = due.tz_convert(zone(tz))
        if local != local.normalize():
            return f"{local:%Y-%m-%d %H:%M} (end of day in the zone of its log)"
        return f"{day_of_end(due, tz):%Y-%m-%d} (end of day, {tz})"
    return f"{due.tz_convert(tz):%Y-%m-%d %H:%M}"


def _event_x(part: pd.DataFrame, tz: str) -> tuple[pd.Series, list[str]]:
    """Marker positions and hover times of events in ``tz``.

    A date-only event (``at_precision == "day"``: its date's midnight in ``tz``, as
    :func:`occ_lib.timeline.escalations` gives it with ``tz``, or its UTC midnight, as the log reader
    stores it) sits at the start of that calendar date in the chart, not at the hour UTC midnight
    falls on in ``tz`` (which would move it to the previous evening in New York).
    """
    x = local_times(part["at"], tz)
    day = (part["at_precision"] == "day").to_numpy() if "at_precision" in part.columns else None
    if day is None or not day.any():
        return x, [f"{v:%Y-%m-%d %H:%M}" for v in x]
    utc_dates = pd.Series(pd.to_datetime(part["at"], utc=True)).dt.tz_localize(None).reset_index(drop=True)
    local_dates = x.dt.normalize()
    dates = local_dates.where(x == local_dates, utc_dates.dt.normalize())
    x = x.where(~pd.Series(day), dates)
    when = [f"{v:%Y-%m-%d} (date only)" if d else f"{v:%Y-%m-%d %H:%M}" for v, d in zip(x, day, strict=True)]
    return x, when


def escalation_chart(
    timeline: pd.DataFrame,
    deadlines: pd.DataFrame | None = None,
    resolutions: pd.DataFrame | None = None,
    tz: str = "UTC",
    as_of: Any = None,
    title: str | None = None,
) -> go.Figure:
    """Tickets down the y axis, their events as markers along time.

    Markers are coloured by kind (:data:`KIND_COLORS`), sized by escalation level (0 to 3, also in the
    hover label); deadlines are a green open diamond when met, a red x when missed, a grey open
    diamond while open; ``resolutions`` (``ticket, resolved_at``, e.g. from
    :func:`occ_lib.timeline.summary`) are a thick green bar, "closed (final resolution)", unlike the star of
    a log item that says "resolved" ("resolved (log item)": :data:`KIND_NAMES`); a dotted line marks
    ``as_of`` (:func:`_as_of_line`).
    Undated events cannot be placed and are left out.
    """
    tz = _zone(tz)
    tl = timeline[timeline["at"].notna()].copy()
    tl["at"] = pd.to_datetime(tl["at"], utc=True)
    order = tl.sort_values(["at", "ticket"]).drop_duplicates("ticket")["ticket"].tolist()
    cutoff = pd.Timestamp(as_of) if as_of is not None else None
    if cutoff is not None:
        cutoff = cutoff.tz_localize("UTC") if cutoff.tzinfo is None else cutoff.tz_convert("UTC")
    resolved = tl[final_resolutions(tl)] if len(tl) else tl
    dl = _deadline_rows(deadlines, resolved, cutoff if cutoff is not None else (
        tl["at"].max() if len(tl) else None), tz)
    for t in dl["ticket"].tolist():
        if t not in order:
            order.append(t)
    res_rows = _resolution_rows(resolutions)
    shown = _most_escalated(tl, dl, res_rows, order)
    if shown is not None:  # (a company's busy week: the tickets that matter most, said in the title)
        title = f"{title or 'Escalation timelines'}: the {len(shown)} most escalated of {len(order)} tickets"
        order = [t for t in order if t in shown]
        tl, dl = tl[tl["ticket"].isin(shown)], dl[dl["ticket"].isin(shown)]
        res_rows = res_rows[res_rows["ticket"].isin(shown)]
    fig = go.Figure()
    kinds = [k for k in KIND_ORDER if k in set(tl["kind"])] + sorted(set(tl["kind"]) - set(KIND_ORDER))
    for kind in kinds:
        part = tl[tl["kind"] == kind]
        levels = part["level"].fillna(0).astype(int)
        x, when = _event_x(part, tz)
        fig.add_trace(
            go.Scatter(
                x=x,
                y=[esc(t) for t in part["ticket"]],
                mode="markers",
                name=KIND_NAMES.get(kind) or esc(kind).replace("_", " "),
                marker={
                    "color": KIND_COLORS.get(kind, GREY),
                    "symbol": KIND_SYMBOLS.get(kind, "circle"),
                    "size": (8 + 4 * levels).tolist(),
                    "line": {"width": 1, "color": "#333333"},
                },
                customdata=[
                    [int(lv), esc(f"{_file_name(s)}:{ln}"), esc(txt), w]
                    for lv, s, ln, txt, w in zip(
                        levels, part["source"], part["line"], part["text"], when, strict=True
                    )
                ],
                hovertemplate=(
                    f"<b>%{{y}}</b> {esc(kind)}<br>%{{customdata[3]}}<br>level %{{customdata[0]}}"
                    "<br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>"
                ),
            )
        )
    for status, (name, symbol, color) in DEADLINE_STYLE.items():
        part = dl[dl["status"] == status]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=local_times(part["due_at"], tz),
                y=[esc(t) for t in part["ticket"]],
                mode="markers",
                name=name,
                marker={"symbol": symbol, "color": color, "size": 13, "line": {"width": 2, "color": color}},
                customdata=[
                    [esc(t), _due_label(d, day, tz)]
                    for t, d, day in zip(part["text"], part["due_at"], part["day_only"], strict=True)
                ],
                hovertemplate=(
                    f"<b>%{{y}}</b> {name}<br>due %{{customdata[1]}}<br>%{{customdata[0]}}<extra></extra>"
                ),
            )
        )
    if len(res_rows):
        res = res_rows
        if len(res):
            fig.add_trace(
                go.Scatter(
                    x=local_times(res["resolved_at"], tz),
                    y=[esc(t) for t in res["ticket"]],
                    mode="markers",
                    name=FINAL_RESOLUTION[0],
                    marker={
                        "symbol": FINAL_RESOLUTION[1], "color": "#009E73", "size": 22,
                        "line": {"width": 4, "color": "#009E73"},
                    },
                    hovertemplate=(
                        f"<b>%{{y}}</b> {FINAL_RESOLUTION[0]}<br>%{{x|%Y-%m-%d %H:%M}}<extra></extra>"
                    ),
                )
            )
    _layout(
        fig,
        title or "Escalation timelines (marker size: escalation level 0-3)",
        time_title(tz),
        "Ticket",
        # room for every ticket row and for every legend entry down the right side
        height=max(300, 160 + 40 * len(order), 140 + 24 * len(fig.data)),
    )
    fig.update_yaxes(categoryorder="array", categoryarray=[esc(t) for t in order], autorange="reversed",
                     type="category")
    if cutoff is not None and points(fig):
        _as_of_line(fig, cutoff, tz)
    return _finish(fig)


def _as_of_line(fig: go.Figure, as_of: pd.Timestamp, tz: str) -> None:
    """A dotted line at ``as_of`` labelled with its wall time: an open deadline days after the
    week (its axis ran on to Oct 16) read as part of it, and nothing said where "now" was."""
    x = local_times([as_of], tz)[0]
    fig.add_shape(type="line", x0=x, x1=x, xref="x", y0=0, y1=1, yref="paper",
                  line={"color": "#555555", "dash": "dot", "width": 1}, layer="below")
    fig.add_annotation(x=x, xref="x", y=1, yref="paper", yanchor="bottom", showarrow=False,
                       text=f"as of {x:%Y-%m-%d %H:%M}", font_size=11)


_CHART_TICKETS = 80  # rows of the escalation chart at most (40 px each): more are unreadable


def _resolution_rows(resolutions: pd.DataFrame | None) -> pd.DataFrame:
    """``ticket, resolved_at`` of the resolutions to star (``at`` is accepted for ``resolved_at``)."""
    if resolutions is None or len(resolutions) == 0:
        return pd.DataFrame({"ticket": pd.Series(dtype=object), "resolved_at": pd.Series(dtype=object)})
    col = "resolved_at" if "resolved_at" in resolutions.columns else "at"
    res = resolutions[resolutions[col].notna()]
    return pd.DataFrame({"ticket": res["ticket"].to_numpy(), "resolved_at": res[col].to_numpy()})


def _most_escalated(
    tl: pd.DataFrame, dl: pd.DataFrame, res: pd.DataFrame, order: list[str]
) -> set[str] | None:
    """The tickets an escalation chart shows when all of them would not fit (more than
    :data:`_CHART_TICKETS` rows or :data:`POINT_BUDGET` markers), else None (all of them).

    The most escalated first: highest level reached, then most missed deadlines, most escalations,
    latest event; tickets are taken in that order while their markers fit the budget.
    """
    marks = tl.groupby("ticket").size().add(dl.groupby("ticket").size(), fill_value=0).add(
        res.groupby("ticket").size(), fill_value=0)
    if len(order) <= _CHART_TICKETS and marks.sum() <= POINT_BUDGET:
        return None
    level = tl.assign(level=tl["level"].fillna(0)).groupby("ticket")["level"].max()
    missed = dl[dl["status"] == "missed"].groupby("ticket").size()
    escalations = tl[tl["kind"] == "escalation"].groupby("ticket").size()
    last = tl.groupby("ticket")["at"].max()
    place = {t: i for i, t in enumerate(order)}

    def rank(t: str) -> tuple:
        latest = -last[t].value if t in last.index else float("inf")
        return (-int(level.get(t, 0)), -int(missed.get(t, 0)), -int(escalations.get(t, 0)), latest, place[t])

    shown: set[str] = set()
    used = 0
    for t in sorted(order, key=rank):
        n = int(marks.get(t, 0))
        if len(shown) == _CHART_TICKETS or used + n > POINT_BUDGET:
            break
        shown.add(t)
        used += n
    return shown


# ----------------------------------------------------------------------------------------------
# SLA misses


def _kind_key(kind: str) -> tuple[int, str]:
    order = list(MISS_KIND_COLORS)
    return (order.index(kind) if kind in order else len(order), str(kind))


def _kind_name(kind: Any) -> str:
    """A kind as a chart shows it to people (:func:`occ_lib.formats.kind_label`), escaped."""
    return esc(kind_label(kind))


def misses_chart(
    misses: pd.DataFrame, by: str = "kind", team_column: str = "team", title: str | None = None
) -> go.Figure:
    """Bars of SLA misses (rows with ``status == "missed"``) per kind or per team.

    ``by="team"`` groups by ``team_column`` (the document owner or the probe's ``team`` tag) and
    stacks the bars by kind; rows without a team count under ``(no team)``.
    """
    if by not in ("kind", "team"):
        raise ValueError("by must be 'kind' or 'team'")
    df = misses[misses["status"] == "missed"] if "status" in misses.columns else misses
    df = df.copy()
    group = "kind" if by == "kind" else team_column
    if group not in df.columns:
        raise ValueError(f"misses have no {group!r} column to group by")
    df[group] = df[group].astype("object").where(df[group].notna(), "(no team)")
    over = "overage_min" if "overage_min" in df.columns else None
    fig = go.Figure()
    if by == "kind":
        g = df.groupby(group, sort=False)
        counts = g.size()
        counts = counts.reindex(sorted(counts.index, key=_kind_key))
        overage = g[over].sum() if over else pd.Series(0.0, index=counts.index)
        fig.add_trace(
            go.Bar(
                x=[_kind_name(k) for k in counts.index],
                y=counts.to_numpy(),
                name="misses",
                # the same colour per kind as the stacked per-team bars
                marker_color=[MISS_KIND_COLORS.get(k, _color(i)) for i, k in enumerate(counts.index)],
                customdata=[[round(float(v), 1)] for v in overage.reindex(counts.index).fillna(0)],
                hovertemplate="%{x}: %{y} missed<br>total overage %{customdata[0]} min<extra></extra>",
            )
        )
    else:
        teams = sorted(df[group].astype(str).unique().tolist())
        has_kind = "kind" in df.columns
        kinds = sorted(df["kind"].astype(str).unique().tolist(), key=_kind_key) if has_kind else ["missed"]
        for i, kind in enumerate(kinds):
            part = df[df["kind"] == kind] if "kind" in df.columns else df
            counts = part.groupby(group).size().reindex(teams, fill_value=0)
            fig.add_trace(
                go.Bar(
                    x=[esc(t) for t in teams],
                    y=counts.to_numpy(),
                    name=_kind_name(kind),
                    marker_color=MISS_KIND_COLORS.get(kind, _color(i)),
                    hovertemplate=f"%{{x}}: %{{y}} {_literal(_kind_name(kind))} missed<extra></extra>",
                )
            )
    label = "kind" if by == "kind" else "team"
    _layout(fig, title or f"SLA misses by {label}", label.capitalize(), "SLA misses (count)", barmode="stack")
    if by == "team":
        # (a legend title says what the colours are; a vertical legend lists the kinds top down as
        # the stack piles them, a horizontal one left to right from the bottom segment up, the order
        # of the by-kind chart's axis)
        vertical = fig.layout.legend.orientation == "v"
        fig.update_layout(legend_title_text="Kind", legend_traceorder="reversed" if vertical else "normal")
    return _finish(_whole_counts(fig), "No SLA misses in this period")


# ----------------------------------------------------------------------------------------------
# raw probe rows (small inputs): aggregate here, then chart


def latency_windows(probes: pd.DataFrame, window: str = "1h", **kw: Any) -> pd.DataFrame:
    """Per-target latency windows from raw probe rows, via :func:`occ_lib.aggregate.latency_windows`."""
    from . import aggregate

    return aggregate.latency_windows(probes, window, **kw)


def outcome_counts(probes: pd.DataFrame, window: str = "1h", **kw: Any) -> pd.DataFrame:
    """Per-target outcome and error-class counts from raw probe rows, via :mod:`occ_lib.aggregate`."""
    from . import aggregate

    return aggregate.outcome_counts(probes, window, **kw)


def latency_chart_from_probes(
    probes: pd.DataFrame, threshold_ms: float | Mapping[str, float] | None = None, window: str = "1h",
    **kw: Any,
) -> go.Figure:
    """:func:`latency_chart` straight from raw probe rows (aggregated first, per ``window``)."""
    return latency_chart(latency_windows(probes, window), threshold_ms, **kw)


def outcomes_chart_from_probes(probes: pd.DataFrame, window: str = "1h", **kw: Any) -> go.Figure:
    """:func:`outcomes_chart` straight from raw probe rows (aggregated first, per ``window``)."""
    return outcomes_chart(outcome_counts(probes, window), **kw)


def _file_name(source: object) -> str:
    """A log's file name, as the report's tables show it: the folders of the machine that built the
    report are nobody's business."""
    text = str(source)
    return text.replace("\\", "/").rsplit("/", 1)[-1]
