"""The ``occ`` command: a thin typer layer that parses arguments and calls occ_lib.

Each concept registers its commands from its own module (``logs``, ``probes``, ``store``,
``sla``, ``timeline``, ``report``).
Exit codes: 0 ok, 1 some input failed (the rest was still reported), 2 usage or config error,
3 a probe was degraded or down. A reader that stops early (``occ events -f jsonl | head -1``) changes
none of it: the rest of the output is dropped, problems still go to stderr, the code is the run's.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import warnings
from typing import Any

import typer

from ..errors import ConfigError, OccError
from ..redact import redact_text
from . import _common, logs, probes, report, sla, store, timeline
from ._common import warn_note

app = typer.Typer(
    name="occ",
    help="occ, the operations reporting kit: status logs and probe evidence to tables and reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from .. import __version__

        print(f"occ {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="print occ's version and exit."
    ),
) -> None:
    """(the options of ``occ`` itself, before the command)"""


for _module in (logs, probes, store, sla, timeline, report):
    _module.register(app)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: every ``OccError`` becomes one line on stderr, never a traceback.

    Without ``argv`` (the ``occ`` command: the process ends when this returns), what is alive at
    the end is left out of the interpreter's exit-time collections (:func:`_skip_final_collections`).
    """
    if argv is None:
        _skip_httpx_cli()
        _skip_pydantic_plugins()
        _common.console_process = True
    try:
        _main(argv)
    finally:
        if argv is None:
            _skip_final_collections()


def _skip_httpx_cli() -> None:
    """Keep httpx's own command-line client out of the ``occ`` process.

    ``import httpx`` loads ``httpx._main`` (click, rich, pygments: ~50 ms of a cron ``occ probe``
    run's start) for the ``httpx`` command, which occ never runs. A None entry in ``sys.modules``
    makes that import fail, and httpx then defines its documented stand-in (as when its ``[cli]``
    extra is not installed). Only for the console script: a notebook's httpx stays whole.
    """
    if "httpx" not in sys.modules:
        sys.modules.setdefault("httpx._main", None)  # type: ignore[assignment]


def _skip_pydantic_plugins() -> None:
    """No search for pydantic plugins in the ``occ`` process, unless the user's environment says
    which to load.

    The first model or type adapter that pydantic builds (typer builds one per option) looks for
    plugins in every installed distribution's entry points: ~25M instructions (~20 ms) of each
    command's start, on a venv of ~100 distributions, for observability hooks that no ``occ``
    command uses. pydantic's documented switch does it; a value the user set is kept.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:  # noqa: ANN001
    """A Python warning as one ``occ: warning:`` line (redacted), without the source line Python
    would print under it."""
    warn_note(str(message).strip() or category.__name__)


class _ClosedStdoutIsQuiet:
    """``sys.stdout`` for a command: once the reader has gone (``occ events | head -1``), what is
    left to print is dropped, so the run ends as it would have (its file-problem lines on stderr, its
    exit code) instead of click's silent exit 1 at the first write."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.closed_by_reader = False

    def write(self, text: str) -> int:
        if not self.closed_by_reader:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._drop()
        return len(text)

    def flush(self) -> None:
        if not self.closed_by_reader:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._drop()

    def _drop(self) -> None:
        """From now on write nothing; fd 1 goes to /dev/null so that the flush at exit of what is
        still buffered succeeds (else Python reports it and exits 120)."""
        self.closed_by_reader = True
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)

    def __getattr__(self, name: str) -> Any:  # isatty, encoding, fileno... of the real stream
        return getattr(self._stream, name)


def _main(argv: list[str] | None) -> None:
    warnings.showwarning = _show_warning
    real = sys.stdout
    sys.stdout = _ClosedStdoutIsQuiet(real)  # type: ignore[assignment]
    try:
        _run(argv)
    finally:
        if sys.stdout is not real and isinstance(sys.stdout, _ClosedStdoutIsQuiet):
            sys.stdout.flush()
            sys.stdout = real


def _run(argv: list[str] | None) -> None:
    try:
        app(args=argv, standalone_mode=True)
    except ConfigError as exc:
        for line in exc.lines():
            print(f"occ: error: {redact_text(line)}", file=sys.stderr)
        sys.exit(2)
    except OccError as exc:
        print(f"occ: error: {redact_text(str(exc))}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("occ: interrupted", file=sys.stderr)
        sys.exit(130)


def _skip_final_collections() -> None:
    """Leave everything alive now out of the collections the interpreter makes as it exits.

    They walk every object the command made (a 1000-target probe run: its rows, pyarrow, pydantic)
    and cost ~0.15 s of a cron run's wall time, to free memory the process is handing back anyway.
    Files are closed (the store's are fsynced) before this point.
    """
    gc.freeze()
