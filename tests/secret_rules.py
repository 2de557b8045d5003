"""Helpers of the secret tests: every text rule must mask a secret the same way, or keep prose as is."""

from __future__ import annotations

from occ_lib._extract import redact
from occ_lib.evidence import _scrub
from occ_lib.redact import redact_path, redact_text

TEXT_RULES = (redact_text, redact, _scrub, redact_path)


def all_show(text: str, shown: str, secret: str) -> None:
    """Each text rule gives ``shown`` for ``text``, without ``secret``."""
    for f in TEXT_RULES:
        out = f(text)
        assert out == shown, f.__name__
        assert secret not in out, f.__name__


def all_keep(text: str) -> None:
    """Each text rule keeps ``text`` as written."""
    for f in TEXT_RULES:
        assert f(text) == text, f.__name__
