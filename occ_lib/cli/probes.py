"""``occ probe``: run the workspace's HTTP probes, store every result, print a summary.

Exit 0 when every probe was ``up``, 3 when any was ``degraded`` or ``down`` (cron and CI alert on
it), 2 for a usage or config error, 1 when the store could not be written. Ctrl-C exits 130 and
SIGTERM 143, each saying how many runs were stored (forked workers are stopped either way).
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import typer

from ..errors import ConfigError, ProbeError
from ._common import ConfigOpt, FormatOpt, check_format, emit_records, end_now, freeze_loaded, warn, workspace

_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|s|m|h)")
_UNIT_S = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}


#: The longest ``--every``: a longer schedule is cron's (and a sleep past the clock's range crashed).
MAX_EVERY_S = 86400.0


def parse_duration(text: str) -> float:
    """``'30s'``, ``'5m'``, ``'1h'``, ``'1m30s'``, ``'250ms'`` or plain seconds -> seconds.

    A plain number must be finite and not negative (``-1``, ``nan`` and ``inf`` are no duration,
    as ``-5s`` is not); at most :data:`MAX_EVERY_S` (24h) either way.
    """
    s = text.strip().lower()
    try:
        total = float(s)
    except ValueError:
        pos, total = 0, 0.0
        for m in _DURATION.finditer(s):
            if m.start() != pos:
                break
            total += float(m.group(1)) * _UNIT_S[m.group(2)]
            pos = m.end()
        if pos != len(s) or not s:
            raise ValueError(f"not a duration: {text!r} (use e.g. 30s, 5m, 1h)") from None
    if not math.isfinite(total) or total < 0:
        raise ValueError(f"not a duration: {text!r} (use e.g. 30s, 5m, 1h)")
    if total > MAX_EVERY_S:
        raise ValueError(f"too long: {text!r} (at most 24h between runs; schedule longer ones with cron)")
    return total


def _parse_tags(items: list[str] | None) -> dict[str, str]:
    tags: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"expected KEY=VALUE, got {item!r}", param_hint="--tag")
        tags[key.strip()] = value.strip()
    return tags


def _parse_workers(value: str) -> int | None:
    """``auto`` (None: :func:`occ_lib.probe.auto_workers` decides) or a count of at least 1."""
    if value.strip().lower() == "auto":
        return None
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise typer.BadParameter(
            f"expected a number of at least 1 or auto, got {value!r}", param_hint="--workers"
        )
    return n


def probe(
    config: Path | None = ConfigOpt,
    target: list[str] = typer.Option(
        None, "--target", "-t", metavar="NAME", help="only this target (repeatable)."
    ),
    tag: list[str] = typer.Option(
        None, "--tag", metavar="KEY=VALUE", help="only targets with this tag, KEY=VALUE (repeatable)."
    ),
    repeat: int = typer.Option(
        1, "--repeat", "-n", min=1, metavar="N", help="runs to make (each stored as it ends)."
    ),
    every: str = typer.Option(
        "0s", "--every", metavar="DURATION", help="start a run this often with --repeat: 30s, 5m, 1h."
    ),
    concurrency: int = typer.Option(
        100, "--concurrency", min=1, metavar="N", help="probes in flight at once."
    ),
    workers: str = typer.Option(
        "auto", "--workers", "-w", metavar="N|auto",
        help="processes sharing a run, or auto: one per 25 probes in flight (the targets, up to "
        "--concurrency), at most two per core (the client is CPU-bound).",
    ),
    fmt: str = FormatOpt,
) -> None:
    """Probe the workspace's targets concurrently, store every result, print a per-target summary."""
    freeze_loaded()
    from ..probe import SUMMARY_COLUMNS, probe_runs, summary_records
    from ..targets import select_targets

    freeze_loaded()

    check_format(fmt)
    try:
        every_s = parse_duration(every)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every") from None
    tags = _parse_tags(tag)
    n_workers = _parse_workers(workers)
    ws = workspace(config, takes_paths=False)
    cfg = ws.probes
    if not cfg.targets:
        raise ConfigError(ws.config_path, "probes.targets", "no targets configured")
    try:
        chosen = select_targets(cfg, target or None, tags or None)
    except ProbeError as exc:
        raise typer.BadParameter(str(exc), param_hint="--target/--tag") from None

    runs = stored = 0

    def store_run(rows: list[dict]) -> None:
        from ..store import write_probe_rows  # (rows go to Parquet through pyarrow: no pandas here)

        nonlocal runs, stored
        runs += 1
        files = write_probe_rows(ws.store, rows)
        stored += 1
        bad = sum(r["outcome"] != "up" for r in rows)
        where = files[0].parent if len(files) == 1 else ws.store
        run_id = rows[0]["run_id"]
        warn(f"run {runs}/{repeat} ({run_id}): {len(rows)} probes, {bad} not up, stored in {where}")

    try:
        with _sigterm_as_interrupt(), _progress(len(chosen) * repeat) as advance:
            rows = probe_runs(
                chosen, repeat=repeat, every_s=every_s, concurrency=concurrency, workers=n_workers,
                on_rows=store_run, progress=advance, meanwhile=_load_store_code,
            )
    except KeyboardInterrupt as exc:
        # (typer would end the process with 130 and no word: say what the store holds)
        how = "interrupted by SIGTERM" if isinstance(exc, _Terminated) else "interrupted"
        warn(f"{how}: {stored} of {repeat} run(s) stored; the probes of a run cut short are not")
        raise typer.Exit(143 if isinstance(exc, _Terminated) else 130) from None
    emit_records(list(SUMMARY_COLUMNS), summary_records(rows), fmt, title="Probes")
    code = 3 if any(r["outcome"] != "up" for r in rows) else 0
    end_now(code)
    if code:
        raise typer.Exit(code)


class _Terminated(KeyboardInterrupt):
    """SIGTERM (a supervisor's stop, ``kill PID``), raised where Ctrl-C raises KeyboardInterrupt."""


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """While probing, SIGTERM stops the run as Ctrl-C does: forked workers are terminated, what was
    stored is said, exit 143 (128 + 15). Only in the main thread, and only over the default action."""
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL):
        yield
        return

    def on_term(signum: int, frame: object) -> None:
        raise _Terminated()

    signal.signal(signal.SIGTERM, on_term)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _load_store_code() -> None:
    """Import what ``store_run`` needs (pyarrow: ~0.3 s of CPU) while forked workers probe.

    numpy (which pyarrow loads) starts OpenBLAS's thread pool, whose threads spin on the cores the
    workers probe on (~0.1 s of CPU): a command that does no linear algebra asks for one thread.
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import occ_lib.store  # noqa: F401


class _progress:
    """A rich progress bar on stderr (only when stderr is a terminal); yields the per-probe callback.

    It draws from that callback, at most every :data:`_REDRAW_S`, and never from a refresh thread of
    its own: workers are forked while it is on screen, and a thread alive at a fork can leave the
    child a lock (stderr's, the console's) held forever.
    """

    def __init__(self, total: int) -> None:
        self._bar = None
        if not _may_draw():  # (rich costs ~40 ms to import: not for a cron run's log file)
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(stderr=True)
        self._bar = Progress(
            TextColumn("probing"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[down]} not up"), TimeElapsedColumn(),
            console=console, transient=True, disable=not console.is_terminal, auto_refresh=False,
        )
        self._task = self._bar.add_task("probes", total=total, down=0)
        self._down = 0
        self._drawn = 0.0

    def __enter__(self):
        if self._bar is None:
            return None
        self._bar.start()
        # without a terminal there is no bar: no callback, so forked workers send nothing
        return None if self._bar.disable else self._advance

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def _advance(self, row: dict) -> None:
        if row.get("outcome") != "up":
            self._down += 1
        self._bar.update(self._task, advance=1, down=self._down)
        now = time.monotonic()
        if now - self._drawn >= _REDRAW_S:
            self._drawn = now
            self._bar.refresh()


_REDRAW_S = 0.1  # (rich's own refresh rate, ten frames a second)


def _may_draw() -> bool:
    """Whether rich could find a terminal on stderr: a tty, or one forced by rich's variables."""
    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE"):
        return True
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("probe")(probe)
