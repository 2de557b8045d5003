"""Round 21: ``occ --version``."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest

import occ_lib
from occ_lib.cli import main

OCC = str(Path(sys.executable).parent / "occ")


def test_version_is_the_installed_distributions():
    assert occ_lib.__version__ == importlib.metadata.version("occ_lib") == "0.1.0"


def test_occ_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr() == ("occ 0.1.0\n", "")


def test_occ_version_from_the_console_script():
    out = subprocess.run([OCC, "--version"], capture_output=True, text=True, timeout=120)
    assert (out.returncode, out.stdout, out.stderr) == (0, "occ 0.1.0\n", "")


def test_a_command_after_the_root_options_still_runs(examples, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["summary", str(qa := examples / "feedback" / "qa.md"), "-f", "csv"])
    out, err = capsys.readouterr()
    assert exc.value.code == 0
    assert err == f"occ: {qa}:21: unknown time (Time TBC)\nocc: {qa}:22: unknown time [???]\n"
    assert out.splitlines()[0] == "source,title,sections,events,tickets,deadlines,problems"
    assert out.splitlines()[1].endswith(",QA — Daily Log,4,16,2,2,2")
