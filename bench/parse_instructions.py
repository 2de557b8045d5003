"""Instructions the status-log parser executes (valgrind callgrind): a speed figure the machine's
load and speed do not move, for comparing two trees of the code.

Counts ``parse_logs`` on ``bench/parse.py``'s 0.4 MB corpus plus ``examples/feedback``, as the run
with the parse minus the same run without it (interpreter start, imports and the corpus cancel
out), with ``PYTHONHASHSEED=0``. Needs valgrind; takes a few minutes.

Usage: ``python bench/parse_instructions.py [TREE ...]`` (default: this checkout). Two runs of one
tree differ by up to ~30M instructions.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _workload(tree: str, parse: bool) -> None:
    """What runs under valgrind: build the corpus from ``tree``'s bench, then parse it (or not)."""
    sys.path.insert(0, tree)
    import importlib.util

    spec = importlib.util.spec_from_file_location("_bench_parse", os.path.join(tree, "bench", "parse.py"))
    pb = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pb)
    import occ_lib
    from occ_lib.logs import parse_logs

    assert occ_lib.__file__.startswith(tree), occ_lib.__file__
    docs = pb.corpus(0.4, 41)
    feedback = Path(tree, "examples", "feedback")
    docs += [(str(p), p.read_text(encoding="utf-8", errors="replace")) for p in sorted(feedback.glob("*.md"))]
    parse_logs(docs[:1])  # (patterns compiled on first use: in both runs)
    if parse:
        parse_logs(docs)


def _count(tree: str, parse: bool) -> int:
    with tempfile.TemporaryDirectory(prefix="occ-cg-") as tmp:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out", sys.executable,
             __file__, "--workload", tree, "parse" if parse else "noparse"],
            capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"},
        )
    m = re.search(r"Collected : (\d+)", out.stderr)
    if out.returncode or m is None:
        raise SystemExit(f"valgrind failed for {tree}: {out.stderr[-800:]}")
    return int(m.group(1))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--workload"]:
        _workload(args[1], args[2] == "parse")
        return 0
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    for tree in args or [str(ROOT)]:
        tree = str(Path(tree).resolve())
        n = _count(tree, True) - _count(tree, False)
        print(f"{tree}: parse instructions {n / 1e6:,.1f}M")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
