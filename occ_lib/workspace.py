"""A workspace is a folder holding ``occ.yml``: where the logs, the evidence and the store are.

``Workspace.load("occ.yml")`` gives notebooks and the CLI one object with resolved paths, the
parsed logs (read once, on first use) and the validated sections that later modules define.
Paths in the file are relative to the file.
"""

from __future__ import annotations

import os
import stat
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field, field_validator

from .config import StrictModel, read_yaml, validate_section

if TYPE_CHECKING:
    from .logs import Logs

DEFAULT_CONFIG = "occ.yml"
#: What ``evidence:`` means when ``occ.yml`` leaves it out.
DEFAULT_EVIDENCE: tuple[str, ...] = ("artifacts/**",)


class WorkspaceConfig(StrictModel):
    """Top level of ``occ.yml``. Sections of later modules are kept raw and validated on use."""

    logs: list[str] = Field(default_factory=lambda: ["feedback/*.md"])
    evidence: list[str] = Field(default_factory=lambda: list(DEFAULT_EVIDENCE))
    store: str = "data/"
    probes: dict[str, Any] | None = None
    sla: dict[str, Any] | None = None
    report: dict[str, Any] | None = None

    @field_validator("logs", "evidence", mode="before")
    @classmethod
    def _one_or_many(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else v


def expand(
    patterns: list[str] | tuple[str, ...], root: Path | None = None, broken_links: bool = False,
    special: bool = False,
) -> list[Path]:
    """Expand files, folders and globs (``**`` recursive) into a sorted, de-duplicated file list.

    A folder means the files under it (``*.md`` and ``*.txt`` first-level for logs is the caller's
    choice: here a folder yields every file below it). A path that exists as written is that path,
    even with ``[`` ``]``, ``*`` or ``?`` in its name (:func:`is_glob`). Missing literal paths are
    kept so the caller can report them by name; with ``broken_links`` so are symbolic links to
    nothing that a glob or folder holds (evidence names them as skipped rather than dropping them
    unseen). With ``special``, only the FIFOs, sockets and devices they hold (:func:`not_regular`),
    which are otherwise left out: a reader names them when a pattern matched nothing else.
    """

    def wanted(mp: Path) -> bool:
        if special:
            return not_regular(mp)
        return mp.is_file() or (broken_links and mp.is_symlink() and not mp.exists())

    out: dict[Path, None] = {}
    seen: set[Path] = set()

    def add(mp: Path) -> None:
        # one file reached twice ('latest.md -> 2025-10-09.md', a folder linked into itself) is read once
        try:
            real = mp.resolve()
        except (OSError, RuntimeError):
            real = mp
        if real not in seen:
            seen.add(real)
            out.setdefault(mp, None)

    for pat in patterns:
        p = Path(pat)
        if root is not None and not p.is_absolute():
            p = root / p
        if is_glob(str(p)):
            for mp in _glob(p):
                if wanted(mp):
                    add(mp)
        elif p.is_dir():
            for mp in sorted(p.rglob("*")):
                if wanted(mp) and not _hidden(mp.relative_to(p)):
                    add(mp)
        else:
            out.setdefault(p, None)
    return list(out)


def is_glob(pattern: str) -> bool:
    """Whether ``pattern`` is matched as a glob: it holds ``*``, ``?`` or ``[`` and names no existing
    file, folder or link as written (``status [W41].md``, ``dir[1]``, ``what?.md`` are read as the
    paths they are; a stat only for a pattern that holds one of the three)."""
    return any(ch in pattern for ch in "*?[") and not os.path.lexists(pattern)


# the process's own streams: '/dev/stdin' (a pipe or a terminal), '<(cmd)' (bash's /dev/fd/63)
_OWN_STREAMS = ("/dev/stdin", "/dev/fd/", "/proc/self/fd/")


def not_regular(path: str | Path) -> bool:
    """Whether ``path`` is a FIFO, socket or device (not a regular file nor a folder): reading one
    may block forever (a FIFO nobody writes to) or never end (``/dev/zero``), so readers skip it
    unopened. The process's own streams (``/dev/stdin``, ``/dev/fd/N``) are read as they come. False
    when it cannot be stat'ed: the read names why."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return False
    return not str(path).startswith(_OWN_STREAMS)


def _glob(pattern: Path) -> list[Path]:
    """The sorted matches of ``pattern``; ``**`` never descends into a linked folder (glob.glob's
    does, so a link to '..' made it read every file 40 times over, and two such links never ended).
    A name that starts with a dot matches only a pattern part that does too, as with glob.glob.
    Leading parts that exist as written are folders, not patterns (``notes [old]/*.md``)."""
    parts = pattern.parts
    i = next((
        k for k, part in enumerate(parts)
        if any(ch in part for ch in "*?[") and not os.path.lexists(Path(*parts[: k + 1]))
    ), None)
    if i is None:  # (every part that looks like a pattern is a folder as written: 'a[1]/missing.md')
        return []
    base = Path(*parts[:i]) if i else Path(".")
    rest = parts[i:]
    if rest[-1] == "**":
        rest = (*rest, "*")  # (glob.glob's trailing '**' is every file below; pathlib's, folders only)
    if not base.is_dir():
        return []
    dotted = _hidden(Path(*rest))
    return sorted(mp for mp in base.glob("/".join(rest)) if dotted or not _hidden(mp.relative_to(base)))


def _hidden(rel: Path) -> bool:
    """Whether a relative path passes through a name that starts with a dot ('.git', '.draft.md')."""
    return any(part.startswith(".") for part in rel.parts)


class Workspace:
    """Paths and sections of one ``occ.yml``; heavy things (logs, policy) load lazily."""

    def __init__(self, config_path: Path, config: WorkspaceConfig, log_paths: list[str] | None = None):
        self.config_path = config_path
        self.root = config_path.parent
        self.config = config
        self._log_override = log_paths

    @classmethod
    def load(cls, path: str | Path = DEFAULT_CONFIG, log_paths: list[str] | None = None) -> Workspace:
        """Read and validate ``occ.yml``. ``log_paths``, when given, replace its ``logs:``."""
        p = Path(path)
        data = read_yaml(p)
        cfg = validate_section(WorkspaceConfig, data, p, "")
        return cls(p, cfg, log_paths or None)

    @classmethod
    def bare(cls, log_paths: list[str], root: str | Path = ".") -> Workspace:
        """A workspace without a config file: just the given logs, default everything else."""
        return cls(Path(root) / DEFAULT_CONFIG, WorkspaceConfig(), log_paths)

    # paths -------------------------------------------------------------
    @property
    def store(self) -> Path:
        return self.root / self.config.store

    def log_paths(self) -> list[Path]:
        if self._log_override is not None:
            return expand(self._log_override)
        return expand(self.config.logs, self.root)

    def evidence_paths(self, all_files: bool = False) -> list[Path]:
        """The evidence files to read (:func:`occ_lib.evidence.evidence_files`: a glob's README and
        screenshots passed over); with ``all_files``, every file ``evidence:`` gives (what a log may
        cite: a screenshot is evidence too)."""
        if all_files:
            return expand(self.config.evidence, self.root, broken_links=True)
        from .evidence import evidence_files

        return evidence_files(self.config.evidence, self.root)

    # parsed content ----------------------------------------------------
    @cached_property
    def logs(self) -> Logs:
        """The logs, read from the patterns themselves, so that one matching nothing (a typo in
        ``logs:``) is a problem named in the output, and a folder means its log files; only the
        default ``feedback/*.md`` of a config without ``logs:`` may match nothing, silently."""
        from .logs import read_logs

        return read_logs(self._log_patterns())

    def log_problems(self) -> Logs:
        """The logs' file problems only (:func:`occ_lib.logs.check_logs`: their bodies unparsed)."""
        from .logs import check_logs

        return check_logs(self._log_patterns())

    def _log_patterns(self) -> list[str]:
        if self._log_override is not None:
            return list(self._log_override)
        if "logs" not in self.config.model_fields_set:
            # (a link to a missing file is read too, and named a problem, as a glob given here is)
            return [str(p) for p in expand(self.config.logs, self.root, broken_links=True)]
        return [str(self.root / p) for p in self.config.logs]

    @cached_property
    def probes(self) -> Any:
        """The validated ``probes:`` section (``occ_lib.targets.ProbesConfig``)."""
        from .targets import ProbesConfig

        return validate_section(ProbesConfig, self.config.probes, self.config_path, "probes")

    @cached_property
    def policy(self) -> Any:
        """The validated ``sla:`` section (``occ_lib.policy.Policy``)."""
        from .policy import Policy

        return validate_section(Policy, self.config.sla, self.config_path, "sla")
