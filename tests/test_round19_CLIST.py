"""Round 19, CLIST: the CLI's fixed cost, with behaviour unchanged.

``occ probe`` spent ~0.3 s from the interpreter's start to the fork. This round compiles
``occ_lib.redact``'s ~130 patterns on first use (``occ probe`` uses a handful), loads ``Workspace``
(pydantic, YAML) only when a command reads a config (not for ``occ --help``) and checks a target
URL for spaces in one regex pass. These tests pin that the public names and the patterns behave
as before, and that ``import occ_lib.cli`` stays free of pydantic and YAML.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import occ_lib
from occ_lib import redact
from occ_lib.errors import ConfigError
from occ_lib.targets import Target


def test_the_cli_imports_no_config_machinery_until_a_command_reads_a_config():
    code = (
        "import sys\nsys.modules.setdefault('httpx._main', None)\nimport occ_lib.cli\n"
        "print(sorted(m for m in ('pydantic', 'yaml', 'occ_lib.workspace', 'occ_lib.config')\n"
        "             if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"


def test_the_public_names_still_resolve():
    from occ_lib import Workspace, load_probes, read_logs
    from occ_lib.logs import read_logs as logs_read_logs
    from occ_lib.store import load_probes as store_load_probes
    from occ_lib.workspace import Workspace as WorkspaceClass

    assert (Workspace, occ_lib.Workspace, read_logs, load_probes) == (
        WorkspaceClass, WorkspaceClass, logs_read_logs, store_load_probes,
    )
    with pytest.raises(AttributeError):
        occ_lib.NoSuchName  # noqa: B018


def test_a_lazy_pattern_is_its_compiled_pattern():
    fresh = redact._lazy(r"(?i)(to)(ken)=(\w+)")
    assert fresh.pattern == r"(?i)(to)(ken)=(\w+)"
    compiled = re.compile(r"(?i)(to)(ken)=(\w+)")
    assert (fresh.flags, fresh.groups, fresh.groupindex) == (
        compiled.flags, compiled.groups, compiled.groupindex,
    )
    assert fresh.sub(r"\1\2=***", "a TOKEN=abc b") == "a TOKEN=*** b"
    assert [m.group(3) for m in fresh.finditer("token=a token=b")] == ["a", "b"]
    # (a pattern built from another's text, at import)
    assert redact._AWS_CONTEXT.pattern == redact._AWS_ID.pattern + r"|(?i:secret)"
    assert redact._AWS_CONTEXT.search("key AKIAABCDEFGHIJKLMNOP").group(0) == "AKIAABCDEFGHIJKLMNOP"


@pytest.mark.parametrize("space", [" ", "\t", "\u00a0", "\u2003", "\u3000", "\x1c"])
def test_a_url_with_any_space_is_refused(space):
    with pytest.raises(ValueError, match="a URL has no spaces"):
        Target(name="a", url=f"https://example.com/a{space}b")


def test_a_config_error_still_names_the_url_key(tmp_path):
    cfg = tmp_path / "occ.yml"
    cfg.write_text("probes:\n  targets:\n    - {name: a, url: 'https://example.com/a\u00a0b'}\n")
    ws = occ_lib.Workspace.load(cfg)
    with pytest.raises(ConfigError) as err:
        ws.probes  # noqa: B018
    assert err.value.lines() == [f"{cfg}: probes.targets[0].url: a URL has no spaces (write %20)"]
