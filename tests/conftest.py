"""Shared fixtures: where the bundled example workspace lives."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def examples() -> Path:
    """The example workspace folder (holds occ.yml, feedback/, artifacts/)."""
    return ROOT / "examples"
