"""The exceptions occ raises: one small hierarchy, so callers catch ``OccError`` and print one line.

Every message names the file (and line or key path) it is about, and never carries a secret:
URLs pass through :func:`occ_lib.redact.redact_url` and header values are never formatted in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any


class OccError(Exception):
    """Base class of every error occ raises on purpose."""


class InputError(OccError):
    """A file occ was asked to read could not be understood."""

    def __init__(self, path: str | Path, reason: str, line: int | None = None) -> None:
        from .redact import redact_path, redact_text  # (errors stays importable on its own)

        self.path = str(path)  # (as given: the caller may still need to open it)
        self.line = line
        self.reason = reason
        # the message, as printed or logged, never holds a secret of the file's name or the reason
        where = redact_path(self.path)
        where = f"{where}:{line}" if line else where
        super().__init__(f"{where}: {redact_text(reason)}")


class ConfigError(OccError):
    """``occ.yml`` (or another config file) is invalid; names the file and the key path."""

    def __init__(
        self, path: str | Path, key: str, reason: str, more: tuple[tuple[str, str], ...] = ()
    ) -> None:
        self.path = str(path)
        self.key = key
        self.reason = reason
        self.more = more  # further (key, reason) pairs of the same file, so that all are fixed at once
        extra = f" (and {len(more)} more)" if more else ""
        super().__init__(self._line(key, reason) + extra)

    def _line(self, key: str, reason: str) -> str:
        return f"{self.path}: {key}: {reason}" if key else f"{self.path}: {reason}"

    def lines(self) -> list[str]:
        """One line per problem: the first, then the others."""
        return [self._line(self.key, self.reason), *(self._line(k, r) for k, r in self.more)]


class ArgumentError(OccError, ValueError):
    """A value passed to an occ_lib function is not understood; names the parameter and the value.

    Also a ``ValueError``, which is what such a value raised before (callers catching it still do).
    """


class StoreError(OccError):
    """The probe store could not be read or written."""


class StoreNotWritable(StoreError):
    """The probe store cannot be written (a read-only mount or snapshot, no permission): importing
    or compacting is impossible, reading it still works (a report can skip its import step).
    ``problems``: the evidence files (or items) an import read but could not use, found before the
    store refused (:func:`occ_lib.evidence.import_evidence`), so that they are still named."""

    problems: Sequence[Any] = ()


class ProbeError(OccError):
    """A probe run could not start (not a failed probe: those are stored results)."""


class ReportError(OccError):
    """A notebook or report could not be produced."""


#: How many known names an error or a warning lists before it says how many more there are.
NAMES_SHOWN = 12


def listed_names(names: Sequence[str]) -> str:
    """``a, b, c`` for a warning or an error (at most :data:`NAMES_SHOWN`, then how many more), or
    ``none``: a workspace of a thousand targets must not print a thousand names."""
    if not names:
        return "none"
    more = len(names) - NAMES_SHOWN
    return ", ".join(names[:NAMES_SHOWN]) + (f" and {more} more" if more > 0 else "")


def no_target_named(unknown: Sequence[str], known: Sequence[str]) -> str:
    """The message for target names that name none of ``known`` (``occ probe --target``, ``occ export
    --target``): the names, a suggestion (:func:`did_you_mean`), the first known ones
    (:func:`listed_names`). Not redacted: the caller redacts it whole (a name may be a URL)."""
    return (f"no target named {', '.join(map(repr, unknown))} "
            f"({did_you_mean(unknown, known)}known: {listed_names(known)})")


def did_you_mean(unknown: Iterable[str], names: Sequence[str]) -> str:
    """``did you mean 'staging-app-mock'? `` for the names closest to a mistyped one, else ``''``:
    the name meant may be past the first :data:`NAMES_SHOWN` of :func:`listed_names`. Close is
    difflib's ratio of at least 0.75, and within 0.1 of the closest ('staging-app-mok' is
    'staging-app-mock' at 0.97, not 'staging-app-live' at 0.77)."""
    import difflib

    close: list[str] = []
    for word in unknown:
        scored = []
        for name in names:
            m = difflib.SequenceMatcher(None, word, name)
            if m.real_quick_ratio() >= 0.75 and m.quick_ratio() >= 0.75 and (r := m.ratio()) >= 0.75:
                scored.append((r, name))
        if scored:
            best = max(r for r, _ in scored)
            close += [n for r, n in sorted(scored, key=lambda x: -x[0]) if r >= best - 0.1]
    close = list(dict.fromkeys(close))[:3]
    return f"did you mean {' or '.join(map(repr, close))}? " if close else ""
