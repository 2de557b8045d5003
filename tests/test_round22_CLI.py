"""Round 22 (CLI): the ``occ`` process does not search installed distributions for pydantic plugins.

pydantic looks for plugins in every distribution's entry points the first time it builds a model or
a type adapter (typer builds one per option): ~20 ms of each command's start, for hooks no ``occ``
command uses. The console script sets pydantic's documented ``PYDANTIC_DISABLE_PLUGINS`` unless the
user's environment already says which plugins to skip.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

# (each search of entry points, by group, as the command runs; then its output)
_WATCH = (
    "import sys, importlib.metadata as md\n"
    "real = md.entry_points\n"
    "def entry_points(**kw):\n"
    "    print('entry_points', kw, file=sys.stderr)\n"
    "    return real(**kw)\n"
    "md.entry_points = entry_points\n"
    "import pydantic.plugin._loader as loader\n"
    "loader.entry_points = entry_points\n"
    "sys.argv = ['occ'] + sys.argv[1:]\n"
    "from occ_lib.cli import main\n"
    "main()\n"
)


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    return subprocess.run([sys.executable, "-c", _WATCH, *args], capture_output=True, text=True,
                          env={**clean, **env}, timeout=60)


def _log(tmp_path) -> str:
    path = tmp_path / "ops.md"
    path.write_text("# Ops\n\n## 2025-10-10\n- 09:00 UTC: deployed DEPLOY-1\n", encoding="utf-8")
    return str(path)


def test_the_occ_process_does_not_search_for_pydantic_plugins(tmp_path):
    out = _run(["events", "--format", "csv", _log(tmp_path)])
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    assert [line.split(",")[3] for line in out.stdout.splitlines()] == ["at", "2025-10-10T09:00:00Z"]


def test_a_users_own_plugin_setting_is_kept(tmp_path):
    out = _run(["events", "--format", "csv", _log(tmp_path)], PYDANTIC_DISABLE_PLUGINS="some_plugin")
    assert out.returncode == 0, out.stderr
    assert out.stderr.splitlines() == ["entry_points {'group': 'pydantic'}"]  # (once: pydantic keeps them)
    assert [line.split(",")[3] for line in out.stdout.splitlines()] == ["at", "2025-10-10T09:00:00Z"]


def test_main_called_in_process_leaves_the_environment_alone(monkeypatch, capsys):
    from occ_lib.cli import main

    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert "PYDANTIC_DISABLE_PLUGINS" not in os.environ
    assert capsys.readouterr().out.startswith("occ ")


# (each option's value named for what it takes, not by its Python type: typer 0.29 shows '<list[str]>',
# '<int range> [x>=1]', '<str>' where the user needs NAME, N, DURATION)
_METAVARS = [
    (["probe"], {"--config": "PATH", "--target": "NAME", "--tag": "KEY=VALUE", "--repeat": "N",
                 "--every": "DURATION", "--concurrency": "N", "--workers": "N|auto", "--format": "FORMAT"}),
    (["events"], {"--config": "PATH", "--format": "FORMAT"}),
    (["sla"], {"--as-of": "INSTANT", "--start": "WHEN", "--end": "WHEN", "--week": "YYYY-Www"}),
    (["timeline"], {"--ticket": "TICKET", "--as-of": "INSTANT"}),
    (["export"], {"--format": "FORMAT", "--target": "NAME", "--start": "WHEN", "--end": "WHEN",
                  "--out": "FILE"}),
    (["store", "compact"], {"--before": "DATE"}),
    (["report", "weekly"], {"--week": "YYYY-Www", "--start": "DATE", "--end": "DATE", "--as-of": "INSTANT",
                            "--out": "FOLDER"}),
    (["report", "run"], {"--config": "PATH", "--out": "FOLDER"}),
]


@pytest.mark.parametrize(("command", "metavars"), _METAVARS, ids=[" ".join(c) for c, _ in _METAVARS])
def test_each_option_names_what_it_takes(command, metavars):
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    out = subprocess.run([sys.executable, "-m", "occ_lib.cli", *command, "--help"], capture_output=True,
                         text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    shown = {}
    for line in out.stdout.splitlines():
        for option in metavars:
            m = re.match(rf"[\s│|]*{re.escape(option)}(?:,?\s+-\w)?\s+(\S+)", line)  # (an option's own line)
            if m and option not in shown:
                shown[option] = m.group(1)
    assert shown == metavars
