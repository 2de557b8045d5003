"""Executed notebooks become offline HTML reports, and ``reports/index.html`` lists them.

Execution lives in :mod:`occ_lib.report`; this module is the other half: nbconvert with occ's template
(``templates/occ_report``: JupyterLab's look, no require.js, no MathJax, no CDN of any kind), code
cells and prompts removed, and plotly figures turned into HTML here rather than in the kernel: the
notebooks always emit plotly's JSON mimetype (small, rendered by JupyterLab), and
:class:`PlotlyToHTML` converts each one at export time, embedding plotly.js exactly once (in the first
chart). Every piece of text this module writes itself goes through ``html.escape``.

The index shows each report's as_of as the report's banner does: wall time in the period's zone to
the minute with the zone's abbreviation (``2025-10-20 00:00 EDT``), not the manifest's ISO instant.
A headline figure from too few probes (``100.0 (1 probe)``) is marked ``*`` and explained once under
the table by the weekly page's own note (:data:`occ_lib.weekly.FEW_PROBES_NOTE`).
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor

from .errors import ReportError

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE_NAME = "occ_report"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
MAX_HTML_BYTES = 6 * 1024 * 1024
MANIFEST = "manifest.json"
INDEX = "index.html"
_PLOT_CONFIG = {"displaylogo": False, "responsive": True}


class PlotlyToHTML(Preprocessor):
    """Replace each plotly figure output by the chart's HTML; plotly.js goes into the first one only.

    A figure is plotly's JSON mimetype (occ's notebooks), or the ``text/html`` that plotly's
    ``notebook``/``notebook_connected`` renderers write (a ``Plotly.newPlot`` call beside a MathJax
    script from cdnjs, after an output that loads plotly.js inline or from cdn.plot.ly): its figure
    is read back from the call and converted the same way, and the renderer's loading output is
    dropped. Any external script or stylesheet left after that is refused (:func:`_refuse_external`):
    a report must open offline.
    """

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        count = 0
        for index, cell in enumerate(nb.cells):
            kept = []
            for out in cell.get("outputs", []):
                if _renderer_loader(out):
                    continue
                fig = _figure_of(out)
                if fig is not None:
                    out["data"] = {"text/html": _chart_html(fig, first=count == 0)}
                    count += 1
                kept.append(out)
            if "outputs" in cell:
                cell["outputs"] = kept
            _refuse_external(cell, index)
        resources["occ_charts"] = count
        return nb, resources


def _chart_html(fig: dict[str, Any], first: bool) -> str:
    """A figure as a div of its own, with plotly.js embedded when it is the ``first`` chart."""
    import plotly.io as pio

    return pio.to_html(
        fig,
        include_plotlyjs=first,
        include_mathjax=False,
        full_html=False,
        config=_PLOT_CONFIG,
        default_width="100%",
        default_height=480,
        validate=False,
    )


def _html_of(out: Any) -> str:
    data = out.get("data") or {}
    value = data.get("text/html", "")
    return "".join(value) if isinstance(value, list) else str(value)


def _renderer_loader(out: Any) -> bool:
    """Whether ``out`` is what plotly's HTML renderers display once before their first figure:
    plotly.js inline (5 MB) or imported from its CDN, after ``window.PlotlyConfig``; no chart."""
    text = _html_of(out)
    return "window.PlotlyConfig" in text and "Plotly.newPlot(" not in text and "plotly-graph-div" not in text


_NEW_PLOT = re.compile(r"Plotly\.newPlot\(\s*")
_ARG_SEP = re.compile(r"\s*,\s*")


def _figure_of(out: Any) -> dict[str, Any] | None:
    """The plotly figure an output shows: its JSON mimetype, or the data and layout of the
    ``Plotly.newPlot("id", data, layout, config)`` call in plotly's ``text/html`` (JSON, as
    ``plotly.io.to_html`` writes them); None for any other output."""
    data = out.get("data") or {}
    if PLOTLY_MIME in data:
        fig = data[PLOTLY_MIME]
        return json.loads(fig) if isinstance(fig, str) else fig
    text = _html_of(out)
    call = _NEW_PLOT.search(text) if "plotly-graph-div" in text else None
    if call is None:
        return None
    decoder = json.JSONDecoder()
    try:
        _, pos = decoder.raw_decode(text, call.end())  # the div's id
        args = []
        for _ in range(2):  # data, layout
            sep = _ARG_SEP.match(text, pos)
            if sep is None:
                return None
            value, pos = decoder.raw_decode(text, sep.end())
            args.append(value)
    except ValueError:
        return None
    return {"data": args[0], "layout": args[1]}


_EXTERNAL = re.compile(
    r"""<script\b[^>]*?\bsrc\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]+)"""
    r"""|<link\b[^>]*?\bhref\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]+)"""
    r"""|\bimport\s*\(?\s*["']((?:https?:)?//[^"'\s]+)""",
    re.I,
)


def _refuse_external(cell: Any, index: int) -> None:
    """Raise :class:`ReportError` naming the cell when its HTML outputs (or a markdown cell's
    text) still load a script or stylesheet from the network: the report would not open offline."""
    from .redact import redact_url

    texts = [_html_of(out) for out in cell.get("outputs", [])]
    if cell.get("cell_type") == "markdown":
        texts.append(str(cell.get("source", "")))
    for text in texts:
        hit = _EXTERNAL.search(text)
        if hit:
            url = redact_url(next(g for g in hit.groups() if g))
            count = cell.get("execution_count")
            where = f"cell {count}" if count is not None else f"cell #{index + 1} ({cell.get('cell_type')})"
            raise ReportError(
                f"{where}: external script or stylesheet {url}; a report must open offline "
                "(show figures with plotly's default plotly_mimetype renderer)"
            )


@functools.cache
def exporter() -> HTMLExporter:
    """An HTMLExporter with occ's offline template, without code cells or prompts.

    One per process: its Jinja templates compile on first use, which costs more than an export.
    """
    exp = HTMLExporter(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exp.register_preprocessor(PlotlyToHTML(), enabled=True)
    return exp


def to_html(ipynb: str | Path | Any, html_path: str | Path) -> Path:
    """Export an executed notebook (path or node) to ``html_path`` atomically; returns the path.

    Raises :class:`ReportError` when the result is larger than :data:`MAX_HTML_BYTES`.
    """
    from . import __version__

    nb = nbformat.read(str(ipynb), as_version=4) if isinstance(ipynb, str | Path) else ipynb
    name = Path(html_path).stem
    body, _ = exporter().from_notebook_node(
        nb, resources={"metadata": {"name": name}, "occ_version": __version__}
    )
    data = body.encode("utf-8")
    if len(data) > MAX_HTML_BYTES:
        raise ReportError(f"{html_path}: report is {len(data)} bytes, more than {MAX_HTML_BYTES}")
    write_atomic(html_path, data)
    return Path(html_path)


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.chmod(tmp, 0o644)
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# manifests and the index -----------------------------------------------------------------------


def write_manifest(folder: str | Path, manifest: dict[str, Any]) -> Path:
    """Write one report folder's ``manifest.json`` (what ran, for which period, with which result)."""
    path = Path(folder) / MANIFEST
    write_atomic(path, json.dumps(manifest, indent=1, ensure_ascii=False, default=str) + "\n")
    return path


def read_manifests(out: str | Path) -> list[dict[str, Any]]:
    """Every ``<out>/*/manifest.json``, newest period first; unreadable ones are listed as broken."""
    found: list[dict[str, Any]] = []
    for path in sorted(Path(out).glob(f"*/{MANIFEST}")):
        try:
            m = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(m, dict):
                raise ValueError("not an object")
        except (OSError, ValueError) as exc:
            m = {"label": path.parent.name, "broken": f"{MANIFEST}: {exc.__class__.__name__}"}
        m.setdefault("label", path.parent.name)
        m["_folder"] = path.parent.name
        found.append(m)
    found.sort(key=lambda m: (str(m.get("start", "")), m["_folder"]), reverse=True)
    return found


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def local_as_of(as_of: Any, tz: Any) -> str:
    """A manifest's ``as_of`` (ISO instant) as :func:`occ_lib.weekly.banner` shows it: wall time in
    ``tz`` to the minute and the zone's abbreviation. A value that does not parse, or an unknown
    zone, is shown as written (an old or hand-edited manifest still lists)."""
    from zoneinfo import ZoneInfo

    try:
        at = dt.datetime.fromisoformat(str(as_of).replace("Z", "+00:00"))
        if at.tzinfo is None:
            at = at.replace(tzinfo=dt.UTC)
        return at.astimezone(ZoneInfo(str(tz))).strftime("%Y-%m-%d %H:%M %Z")
    except (ValueError, TypeError, OverflowError, KeyError, OSError):
        return "" if as_of is None else str(as_of)


def _headline_cells(head: dict[str, Any]) -> str:
    """A report's headline figures; one from too few probes (``100.0 (1 probe)``) is marked ``*``
    for the note under the table (:data:`occ_lib.weekly.FEW_PROBES_NOTE`), as the report marks it."""
    from .weekly import FEW_PROBES_NOTE, of_few_probes

    if not head:
        return "<td>n/a</td>"
    items = []
    for key, val in head.items():
        if of_few_probes(val):
            items.append(f'<li title="{_e(FEW_PROBES_NOTE)}"><b>{_e(key)}</b>: {_e(val)}*</li>')
        else:
            items.append(f"<li><b>{_e(key)}</b>: {_e(val)}</li>")
    return "<td><ul>" + "".join(items) + "</ul></td>"


def _few_probes_note(manifests: list[dict[str, Any]]) -> str:
    """The note under the index's table when a headline figure of it is from too few probes: the
    weekly page's sentence (:data:`occ_lib.weekly.FEW_PROBES_NOTE`), said once."""
    from .weekly import FEW_PROBES_NOTE, of_few_probes

    for m in manifests:
        head = m.get("headline") if "broken" not in m else None
        if isinstance(head, dict) and any(of_few_probes(v) for v in head.values()):
            return f'<p class="note">* <b>marked figures</b>: {_e(FEW_PROBES_NOTE)}.</p>'
    return ""


def _notebook_cells(folder: str, notebooks: Iterable[dict[str, Any]]) -> str:
    rows = []
    for nb in notebooks:
        name = _e(nb.get("notebook"))
        if nb.get("ok"):
            link = f'<a href="{_e(folder)}/{_e(Path(str(nb.get("html"))).name)}">{name}</a>'
            rows.append(f'<li class="ok">{link}</li>')
        else:
            cell = nb.get("error_cell")
            where = f" (cell {_e(cell)})" if cell is not None else ""
            link = name
            if nb.get("html"):
                link = f'<a href="{_e(folder)}/{_e(Path(str(nb["html"])).name)}">{name}</a>'
            rows.append(f'<li class="failed">{link}: FAILED{where}: <code>{_e(nb.get("error"))}</code></li>')
    return "<td><ul>" + "".join(rows) + "</ul></td>"


def render_index(manifests: list[dict[str, Any]]) -> str:
    """The HTML of ``reports/index.html`` (pure; every value escaped)."""
    rows = []
    for m in manifests:
        if "broken" in m:
            rows.append(f"<tr><td>{_e(m['_folder'])}</td><td colspan=4>{_e(m['broken'])}</td></tr>")
            continue
        nbs = m.get("notebooks", [])
        failed = sum(1 for nb in nbs if not nb.get("ok"))
        status = "ok" if not failed else f"{failed} failed"
        rows.append(
            "<tr>"
            f'<td class="nowrap">{_e(m.get("label"))}</td>'
            f"<td>{_e(m.get('start_local'))} to {_e(m.get('end_local'))}<br><small>{_e(m.get('tz'))}, "
            f"as of {_e(local_as_of(m.get('as_of'), m.get('tz')))}</small></td>"
            f'<td class="{"ok" if not failed else "failed"}">{_e(status)}</td>'
            + _headline_cells(m.get("headline") or {})
            + _notebook_cells(m["_folder"], nbs)
            + "</tr>"
        )
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>occ reports</title><style>"
        "body{font-family:system-ui,sans-serif;max-width:1180px;margin:0 auto;padding:1em 2em}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4em;"
        "vertical-align:top;text-align:left}ul{margin:0;padding-left:1.2em}"
        ".failed{color:#b00020}.ok{color:#1b5e20}"
        # (a week label broke at its hyphen in a narrow column: "2025-" over "W41")
        ".nowrap{white-space:nowrap}</style></head><body>"
        "<h1>occ reports</h1>"
        f"<p>{len(manifests)} report{'' if len(manifests) == 1 else 's'}; index written {_e(now)}.</p>"
        "<table><thead><tr><th>report</th><th>period (local)</th><th>status</th>"
        "<th>headline figures</th><th>notebooks</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
        + _few_probes_note(manifests)
        + "</body></html>\n"
    )


def write_index(out: str | Path) -> Path:
    """Rewrite ``<out>/index.html`` from every manifest found under ``out``."""
    path = Path(out) / INDEX
    write_atomic(path, render_index(read_manifests(out)))
    return path
