"""Shared fixtures: where the bundled example workspace lives; probe tests' loopback guard and server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

try:
    from tests import probe_servers as ps
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    import probe_servers as ps  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def examples() -> Path:
    """The example workspace folder (holds occ.yml, feedback/, artifacts/)."""
    return ROOT / "examples"


@pytest.fixture(scope="module")
def loopback_only() -> Iterator[None]:
    """No proxy variables while a module's probes run (httpx and curl honour them): test traffic stays
    on 127.0.0.1. Modules ask for it with ``pytestmark = pytest.mark.usefixtures("loopback_only")``."""
    with ps.without_proxies():
        yield


@pytest.fixture(scope="module")
def server() -> Iterator[object]:
    """A module's real HTTP server on 127.0.0.1 (:func:`probe_servers.http_server`)."""
    with ps.http_server() as srv:
        yield srv
