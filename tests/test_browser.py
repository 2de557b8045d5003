"""The weekly HTML reports in a real headless Chromium, with every network request blocked.

Each report must render every chart (one ``.js-plotly-plot`` with an ``svg.main-svg`` per figure the
executed notebook holds), log no console or page error, open no dialog and set no ``window.__occ_xss``
(the red-team log's ``<script>alert(1)</script>`` and ``onerror`` payloads must stay text). A screenshot
of each report is saved next to it (``docs/report.png`` in the README is one of them, copied by hand).
Without Chromium the test skips locally and FAILS in CI (``CI=true``).
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from test_report import weekly  # noqa: F401  (the session's ``occ report weekly`` run)

from occ_lib import report

CHROMIUM = os.environ.get("OCC_CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _need_browser() -> None:
    ok = Path(CHROMIUM).exists()
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        ok = False
    if not ok:
        if os.environ.get("CI") == "true":
            pytest.fail(f"headless Chromium is required in CI ({CHROMIUM} or playwright missing)")
        pytest.skip(f"no Chromium at {CHROMIUM}")


def _figures(ipynb: Path) -> int:
    nb = nbformat.read(str(ipynb), as_version=4)
    return sum(
        1
        for c in nb.cells
        for o in c.get("outputs", [])
        if "application/vnd.plotly.v1+json" in (o.get("data") or {})
    )


@pytest.fixture(scope="module")
def browser():
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.mark.parametrize("name", report.WEEKLY_NOTEBOOKS)
def test_report_renders_offline(browser, weekly, name):  # noqa: F811
    assert weekly["rc"] == 0, weekly["stderr"][-2000:]
    folder = Path(weekly["out"]) / "2025-W41"
    html = folder / f"{name}.html"
    expected = _figures(folder / f"{name}.ipynb")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    blocked: list[str] = []
    dialogs: list[str] = []
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))

    def on_dialog(d):
        dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(html.as_uri(), wait_until="load")
    page.wait_for_function(
        f"document.querySelectorAll('.js-plotly-plot svg.main-svg').length >= {expected}", timeout=30000
    ) if expected else None
    plots = page.eval_on_selector_all(".js-plotly-plot", "els => els.length")
    with_svg = page.eval_on_selector_all(
        ".js-plotly-plot", "els => els.filter(e => e.querySelector('svg.main-svg')).length"
    )
    xss = page.evaluate("() => window.__occ_xss === undefined ? null : window.__occ_xss")
    shot = folder / f"{name}.png"
    page.screenshot(path=str(shot), full_page=False)
    page.close()
    assert (plots, with_svg) == (expected, expected)
    if name in ("weekly_report", "latency"):
        assert expected >= 3  # latency, outcomes and availability charts at least
    assert errors == []
    assert blocked == []
    assert dialogs == [] and xss is None
    assert shot.stat().st_size > 10_000
