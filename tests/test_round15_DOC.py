"""Round 15, DOC: ``occ probe --workers`` says the rule ``auto`` follows (README: "one per 25 probes in
flight, the targets up to --concurrency, at most two per core; a run of fewer than 50 stays in one
process"); the help text used to say "one for small runs, else two per core", which a run of 50-99
probes on two cores (2 or 3 processes, not 4) contradicted."""

from __future__ import annotations

import typer.main

from occ_lib.cli import app
from occ_lib.probe import auto_workers


def _workers_help() -> str:
    probe = typer.main.get_command(app).commands["probe"]
    (opt,) = [p for p in probe.params if p.name == "workers"]
    return opt.help


def test_workers_help_states_the_auto_rule() -> None:
    assert _workers_help() == (
        "processes sharing a run, or auto: one per 25 probes in flight (the targets, up to "
        "--concurrency), at most two per core (the client is CPU-bound)."
    )


def test_auto_workers_follows_the_documented_rule() -> None:
    # (targets, concurrency, cores) -> processes
    got = {
        case: auto_workers(*case)
        for case in [(49, 100, 2), (50, 100, 2), (75, 100, 2), (99, 100, 2), (100, 100, 2),
                     (1000, 100, 2), (1000, 30, 2), (1000, 100, 8), (10, 100, 1), (1000, 100, 1)]
    }
    assert got == {
        (49, 100, 2): 1, (50, 100, 2): 2, (75, 100, 2): 3, (99, 100, 2): 3, (100, 100, 2): 4,
        (1000, 100, 2): 4, (1000, 30, 2): 1, (1000, 100, 8): 4, (10, 100, 1): 1, (1000, 100, 1): 2,
    }
