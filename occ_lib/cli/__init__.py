"""The ``occ`` command: a thin typer layer that parses arguments and calls occ_lib.

Each concept registers its commands from its own module (``logs``, ``probes``, ``store``,
``sla``, ``timeline``, ``report``).
Exit codes: 0 ok, 1 some input failed (the rest was still reported), 2 usage or config error,
3 a probe was degraded or down.
"""

from __future__ import annotations

import sys

import typer

from ..errors import ConfigError, OccError
from ..redact import redact_text
from . import logs, probes, report, sla, store, timeline

app = typer.Typer(
    name="occ",
    help="occ, the operations reporting kit: status logs and probe evidence to tables and reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in (logs, probes, store, sla, timeline, report):
    _module.register(app)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: every ``OccError`` becomes one line on stderr, never a traceback."""
    try:
        app(args=argv, standalone_mode=True)
    except ConfigError as exc:
        print(f"occ: error: {redact_text(str(exc))}", file=sys.stderr)
        sys.exit(2)
    except OccError as exc:
        print(f"occ: error: {redact_text(str(exc))}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("occ: interrupted", file=sys.stderr)
        sys.exit(130)
