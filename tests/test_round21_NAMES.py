"""Round 21: an unknown target name in a workspace of many targets.

``occ probe --target NAME`` listed every configured name (a thousand lines of a 1000-target
workspace); the list is now capped as the other commands' lists are, and the name meant is
suggested when it is close.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from occ_lib.cli import main
from occ_lib.config import validate_section
from occ_lib.errors import NAMES_SHOWN, ProbeError, did_you_mean, listed_names
from occ_lib.targets import ProbesConfig, select_targets

MANY = [f"t{i}" for i in range(1000)]


def _many(n: int = 1000, url: str = "http://h/") -> ProbesConfig:
    return validate_section(
        ProbesConfig, {"targets": [{"name": f"t{i}", "url": f"{url}{i}"} for i in range(n)]},
        Path("occ.yml"), "probes",
    )


@pytest.mark.parametrize(
    ("names", "listed"),
    [
        ([], "none"),
        (["a"], "a"),
        ([f"n{i:02d}" for i in range(12)], ", ".join(f"n{i:02d}" for i in range(12))),
        ([f"n{i:02d}" for i in range(13)], ", ".join(f"n{i:02d}" for i in range(12)) + " and 1 more"),
        (MANY, "t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11 and 988 more"),
    ],
)
def test_listed_names_caps_the_list(names, listed):
    assert NAMES_SHOWN == 12
    assert listed_names(names) == listed


@pytest.mark.parametrize(
    ("unknown", "names", "hint"),
    [
        (["staging-app-mok"], ["hotdash-staging.fly.dev/app?mock=1", "staging-app-live", "staging-app-mock"],
         "did you mean 'staging-app-mock'? "),
        (["t10000"], MANY, "did you mean 't100'? "),
        (["ap"], ["api", "app", "web"], "did you mean 'api' or 'app'? "),
        (["nope"], ["api", "app", "web"], ""),
        (["apps", "wbe"], ["api", "app", "web"], "did you mean 'app'? "),
        (["apps", "webb"], ["api", "app", "web"], "did you mean 'app' or 'web'? "),
        (["x"], [], ""),
    ],
)
def test_did_you_mean(unknown, names, hint):
    assert did_you_mean(unknown, names) == hint


def test_select_targets_of_a_thousand_names_some():
    cfg = _many()
    with pytest.raises(ProbeError) as info:
        select_targets(cfg, ["t1000"])
    assert str(info.value) == (
        "no target named 't1000' (did you mean 't100'? known: t0, t1, t10, t100, t101, t102, t103, "
        "t104, t105, t106, t107, t108 and 988 more)"
    )
    with pytest.raises(ProbeError) as info:
        select_targets(cfg, ["nope", "t5"])
    assert str(info.value) == (
        "no target named 'nope' (known: t0, t1, t10, t100, t101, t102, t103, t104, t105, t106, t107, "
        "t108 and 988 more)"
    )


def test_an_unknown_name_carrying_a_token_is_redacted():
    # (configured names are plain words; a name typed on the command line may be a URL)
    with pytest.raises(ProbeError) as info:
        select_targets(_many(3), ["https://h/app?token=s3cr3tvalue"])
    assert str(info.value) == "no target named 'https://h/app?token=***' (known: t0, t1, t2)"


def test_occ_probe_usage_error_lists_a_few(tmp_path, capsys, monkeypatch):
    lines = ["probes:", "  targets:"]
    lines += [f"    - {{name: t{i}, url: 'http://127.0.0.1:9/{i}'}}" for i in range(40)]
    (tmp_path / "occ.yml").write_text("\n".join(lines) + "\n")
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as exc:
        main(["probe", "-c", str(tmp_path / "occ.yml"), "--target", "t39x"])
    out, err = capsys.readouterr()
    assert (exc.value.code, out) == (2, "")
    body = " ".join(ln.strip("│ ").rstrip() for ln in err.splitlines() if ln.startswith("│"))
    assert body == (
        "Invalid value for --target/--tag: no target named 't39x' (did you mean 't39'? known: "
        "t0, t1, t10, t11, t12, t13, t14, t15, t16, t17, t18, t19 and 28 more)"
    )
    assert not (tmp_path / "data").exists()
