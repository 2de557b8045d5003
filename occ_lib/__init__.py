"""occ_lib: status logs and probe evidence as tables, SLA figures, charts and weekly reports.

Public API (see README): ``read_logs``, ``Logs``, ``Workspace``, ``load_probes``, the ``errors``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ArgumentError, ConfigError, InputError, OccError, ProbeError, ReportError, StoreError

if TYPE_CHECKING:
    from .logs import Logs, read_logs
    from .store import load_probes
    from .workspace import Workspace

__version__ = "0.1.0"

__all__ = [
    "ArgumentError", "ConfigError", "InputError", "Logs", "OccError", "ProbeError", "ReportError",
    "StoreError", "Workspace", "load_probes", "read_logs", "__version__",
]


def __getattr__(name: str) -> Any:
    # Lazy so that ``import occ_lib`` stays cheap for the CLI and missing pieces fail only on use
    # (``Workspace`` too: pydantic and YAML load with the first command that reads a config, not
    # for ``occ --help``).
    if name == "Workspace":
        from .workspace import Workspace

        return Workspace
    if name in ("read_logs", "Logs"):
        from . import logs

        return getattr(logs, name)
    if name == "load_probes":
        from .store import load_probes

        return load_probes
    raise AttributeError(name)
