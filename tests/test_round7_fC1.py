"""Round 7 (fC1), configuration and input files: an unknown front-matter ``tz:`` is a front_matter
problem every command names (exit 1); a key written twice in occ.yml or in a log's front matter is an
error naming the file, the line, the key path and the first line; an existing path holding ``[ ]`` is
read as written before any glob matching (PATHs, ``occ import``, ``logs:``/``evidence:``); a FIFO or
device is skipped unopened (``/dev/stdin`` still read); UTF-32 with its BOM is decoded; and the store
commands and ``occ probe`` without an occ.yml or ``--config`` are a usage error that creates nothing
(unless a store is there already). Each with near misses that must not change."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest
import yaml

from occ_lib import _yaml
from occ_lib._markdown import decode, front_matter
from occ_lib.cli import main
from occ_lib.config import read_yaml
from occ_lib.errors import ConfigError
from occ_lib.evidence import read_evidence
from occ_lib.logs import parse_log, read_logs
from occ_lib.workspace import Workspace, expand, is_glob, not_regular

OCC = Path(sys.executable).with_name("occ")


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


def problems(logs) -> list[list]:
    return [[p.source, None if pd.isna(p.line) else int(p.line), p.what,
             p.token if isinstance(p.token, str) else None, p.reason]
            for p in logs.problems.itertuples(index=False)]


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out, err = capsys.readouterr()
    return code, out, err


def flat(err: str) -> str:
    """stderr with a usage error's box drawn away (typer wraps it at the terminal's width)."""
    return " ".join(err.replace("│", " ").split())


GOOD = "# Log 2025-10-09\n- 19:20 ET: paged on-call for DEPLOY-147\n"
CURL = "$ curl -I https://x.test/\nHTTP/1.1 204 No Content\n\n"

# --- 1. an unknown front-matter tz is a front_matter problem ------------------------------------------

FM6 = """\
---
tz: America/New_Yrok
---
# Log

## 2025-10-09
- 19:20: DEPLOY-147 escalated to the VP of Engineering
- 21:00: DEPLOY-147 resolved
"""


def test_unknown_front_matter_tz_is_a_front_matter_problem():
    logs = parse_log(FM6, "fm6.md")
    assert problems(logs) == [["fm6.md", 2, "front_matter", "America/New_Yrok", "tz: unknown time zone"]]
    assert logs.docs["tz"].tolist() == ["UTC"]  # (read as UTC still, but said)
    assert logs.events["at"].tolist() == [ts("2025-10-09 19:20"), ts("2025-10-09 21:00")]
    logs = parse_log(FM6.replace("tz:", "timezone:"), "fm6.md")
    assert problems(logs) == [
        ["fm6.md", 2, "front_matter", "America/New_Yrok", "timezone: unknown time zone"]]


def test_a_known_front_matter_tz_and_an_unknown_zone_in_an_item_are_unchanged():
    logs = parse_log(FM6.replace("America/New_Yrok", "America/New_York"), "fm6.md")
    assert problems(logs) == []
    assert logs.events["at"].tolist() == [ts("2025-10-09 23:20"), ts("2025-10-10 01:00")]
    logs = parse_log("# Log\n\n## 2025-10-09\n- 17:00 XDT DEPLOY-1 paged\n", "x.md")
    assert problems(logs) == [["x.md", 4, "time", "17:00 XDT", "unknown time zone XDT"]]


@pytest.mark.parametrize(
    "argv",
    [["timeline", "-f", "csv"], ["sla", "--start", "2025-10-06", "-f", "csv"], ["summary", "-f", "csv"]],
)
def test_every_command_names_the_unknown_tz_and_exits_1(tmp_path, capsys, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    Path("fm6.md").write_text(FM6)
    code, _, err = run([argv[0], "fm6.md", *argv[1:]], capsys)
    assert code == 1
    assert err == ("occ: fm6.md:2: tz: unknown time zone (America/New_Yrok)\n" if argv[0] == "summary"
                   else "occ: fm6.md:2: tz: unknown time zone\n")


def test_timeline_of_an_unknown_zone_in_an_item_still_exits_0(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("x.md").write_text("# Log\n\n## 2025-10-09\n- 17:00 XDT DEPLOY-1 escalated to the CTO\n")
    code, out, err = run(["timeline", "x.md", "-f", "csv"], capsys)
    assert (code, err) == (0, "")


# --- 2. duplicate keys -------------------------------------------------------------------------------

D1 = """\
store: d2/
probes:
  targets:
    - {name: prod-api, url: "http://127.0.0.1:9/"}
    - {name: prod-web, url: "http://127.0.0.1:1/"}
sla:
  tz: UTC
probes:
  defaults: {timeout_s: 2}
"""


def test_a_second_probes_section_is_an_error_naming_line_key_and_first_line(tmp_path, capsys):
    cfg = tmp_path / "d1.yml"
    cfg.write_text(D1)
    with pytest.raises(ConfigError) as info:
        read_yaml(cfg)
    assert info.value.lines() == [f"{cfg}: line 8: probes: duplicate key (first at line 2)"]
    code, out, err = run(["probe", "--config", str(cfg)], capsys)
    assert (code, out) == (2, "")
    assert err == f"occ: error: {cfg}: line 8: probes: duplicate key (first at line 2)\n"
    assert not (tmp_path / "d2").exists()


def test_every_duplicate_key_is_listed_at_once_with_its_key_path(tmp_path):
    cfg = tmp_path / "d3.yml"
    cfg.write_text(
        "probes:\n  targets:\n    - name: a\n      url: 'http://127.0.0.1:9/'\n      expect: [200]\n"
        "      expect: [500]\nsla: {tz: UTC, \"tz\": America/New_York}\n"
    )
    with pytest.raises(ConfigError) as info:
        read_yaml(cfg)
    assert info.value.lines() == [
        f"{cfg}: line 6: probes.targets[0].expect: duplicate key (first at line 5)",
        f"{cfg}: line 7: sla.tz: duplicate key (first at line 7)",
    ]


def test_keys_that_are_not_duplicates_are_accepted(tmp_path):
    cfg = tmp_path / "ok.yml"
    cfg.write_text(
        "base: &b {timeout_s: 2, method: GET}\n"
        "probes:\n  defaults:\n    <<: *b\n    timeout_s: 5\n"  # a merge key's keys are overridden on purpose
        "  targets:\n    - {name: a, url: 'http://127.0.0.1:9/', tags: {team: x}}\n"
        "    - {name: b, url: 'http://127.0.0.1:1/', tags: {team: x}}\n"  # the same keys in other mappings
        "sla: {tz: UTC, TZ: x}\n"  # (keys differ in case)
    )
    data = read_yaml(cfg)
    assert data["probes"]["defaults"] == {"timeout_s": 5, "method": "GET"}
    assert [t["name"] for t in data["probes"]["targets"]] == ["a", "b"]
    assert data["sla"] == {"tz": "UTC", "TZ": "x"}


def test_a_recursive_alias_is_walked_once():
    assert _yaml.load("a: &x [1, *x]\nb: 2\n", yaml.SafeLoader)["b"] == 2


def test_a_duplicate_front_matter_key_is_a_front_matter_problem():
    text = "---\ntz: UTC\nowner: ops\ntz: America/New_York\n---\n# Log\n## 2025-10-09\n- 19:20 DEPLOY-1 up\n"
    logs = parse_log(text, "fm.md")
    assert problems(logs) == [
        ["fm.md", 4, "front_matter", None, "invalid YAML front matter: tz: duplicate key (first at line 2)"]]
    assert (logs.docs["tz"].tolist(), logs.docs["front_matter"].tolist()) == (["UTC"], [{}])
    assert logs.events["at"].tolist() == [ts("2025-10-09 19:20")]
    fm = front_matter(["---", "a: {x: 1}", "b: {x: 2}", "---"])  # the same key in two mappings: fine
    assert (fm.problem, fm.data) == (None, {"a": {"x": 1}, "b": {"x": 2}})


# --- 3. existing paths with [ ] are read as written ----------------------------------------------------

def test_an_existing_path_with_brackets_is_read_literally(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("status [W41].md").write_text(GOOD)
    Path("dir[1]").mkdir()
    Path("dir[1]/a.md").write_text(GOOD)
    for pat, source in [("status [W41].md", "status [W41].md"), ("dir[1]", "dir[1]/a.md"),
                        ("dir[1]/*.md", "dir[1]/a.md")]:
        logs = read_logs(pat)
        assert problems(logs) == []
        assert logs.events[["source", "at"]].values.tolist() == [[source, ts("2025-10-09 23:20")]]
    assert (is_glob("status [W41].md"), is_glob("dir[1]"), is_glob("dir[1]/*.md")) == (False, False, True)


def test_a_pattern_that_names_no_existing_path_is_still_a_glob(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("status.md").write_text(GOOD)
    Path("status [W41].md").write_text(GOOD)
    assert [str(p) for p in expand(["[s]tatus.md"])] == ["status.md"]
    assert [str(p) for p in expand(["stat*.md"])] == ["status [W41].md", "status.md"]
    logs = read_logs(["nothere [x].md", "dir[2]/a.md"])
    assert problems(logs) == [["nothere [x].md", None, "file", None, "no files match this pattern"],
                              ["dir[2]/a.md", None, "file", None, "no files match this pattern"]]


def test_occ_yml_logs_and_evidence_with_brackets(tmp_path):
    (tmp_path / "br").mkdir()
    (tmp_path / "br" / "Status [W41].md").write_text(GOOD)
    (tmp_path / "ev2 [a].log").write_text(CURL)
    (tmp_path / "occ.yml").write_text('logs: ["br/Status [W41].md"]\nevidence: ["ev2 [a].log"]\n')
    ws = Workspace.load(tmp_path / "occ.yml")
    assert problems(ws.logs) == []
    assert ws.logs.events["at"].tolist() == [ts("2025-10-09 23:20")]
    assert ws.evidence_paths() == [tmp_path / "ev2 [a].log"]


def test_occ_import_of_a_path_with_brackets(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("occ.yml").write_text("store: data/\n")
    Path("ev2 [a]_2025-10-10T12-00-00Z.log").write_text(CURL)
    code, out, err = run(["import", "--config", "occ.yml", "ev2 [a]_2025-10-10T12-00-00Z.log"], capsys)
    assert (code, out, err) == (0, "imported 1 rows from 1 files; 0 already imported; 0 skipped\n", "")


# --- 8. FIFOs and devices are never opened -------------------------------------------------------------

@pytest.fixture
def fifo(tmp_path):
    """A FIFO, and a thread that unblocks any reader of it (so a regression fails instead of hanging)."""
    path = tmp_path / "fifo.md"
    os.mkfifo(path)
    stop = threading.Event()
    opened: list[bool] = []

    def unblock() -> None:
        while not stop.wait(0.1):
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                continue  # (no reader)
            opened.append(True)
            os.close(fd)

    t = threading.Thread(target=unblock, daemon=True)
    t.start()
    yield path, opened
    stop.set()
    t.join()


def test_a_fifo_is_skipped_unopened(fifo, monkeypatch):
    path, opened = fifo
    monkeypatch.chdir(path.parent)
    assert problems(read_logs("fifo.md")) == [["fifo.md", None, "file", None, "not a regular file, skipped"]]
    assert problems(read_logs("fifo*")) == [["fifo.md", None, "file", None, "not a regular file, skipped"]]
    Path("good.md").write_text(GOOD)
    logs = read_logs(["*.md", "."])  # (a glob or folder that holds other logs leaves it out, silently)
    assert (problems(logs), logs.events["source"].tolist()) == ([], ["good.md"])
    _, errs = read_evidence(["fifo.md"])
    assert [str(e) for e in errs] == ["fifo.md: not a regular file, skipped"]
    assert opened == []


def test_devices_and_own_streams():
    paths = ["/dev/null", "/dev/zero", "/dev/stdin", "/dev/fd/0", "/nowhere/x.md", "/tmp"]
    assert [not_regular(p) for p in paths] == [True, True, False, False, False, False]
    assert problems(read_logs("/dev/zero")) == [
        ["/dev/zero", None, "file", None, "not a regular file, skipped"]]


def test_dev_stdin_is_still_read():
    r = subprocess.run([str(OCC), "events", "/dev/stdin", "-f", "csv"], input=GOOD, capture_output=True,
                       text=True, timeout=120)
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout.splitlines()[1] == (
        "/dev/stdin,2,,2025-10-09T23:20:00Z,minute,escalation,1,DEPLOY-147,,,,,19:20 ET: paged on-call for "
        "DEPLOY-147,")  # (then refs, empty)


# --- 10. UTF-32 ----------------------------------------------------------------------------------------

U32 = "# Log 2025-10-09\n\n- 19:20 ET: paged DEPLOY-147\n"


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_its_bom_is_decoded(codec):
    data = "\ufeff".encode(codec) + U32.encode(codec)
    logs = parse_log(data, "u32.md")
    assert problems(logs) == []
    assert logs.docs[["encoding", "bom"]].values.tolist() == [["utf-32", True]]
    assert logs.events[["line", "at"]].values.tolist() == [[3, ts("2025-10-09 23:20")]]


def test_utf32_that_is_not_and_utf16_are_unchanged():
    logs = parse_log(b"\xff\xfe\x00\x00\x00\x00\x11\x00", "bad.md")
    assert problems(logs) == [["bad.md", None, "file", None, "not valid UTF-32 despite its byte-order mark"]]
    d = decode(b"\xff\xfe" + U32.encode("utf-16-le"))
    assert (d.encoding, d.bom, d.lines[2]) == ("utf-16", True, "- 19:20 ET: paged DEPLOY-147")


# --- 12. no occ.yml, no --config ---------------------------------------------------------------------

def test_probe_without_a_config_says_give_config(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["probe"], capsys)
    assert (code, out) == (2, "")
    assert "Invalid value for --config: no ./occ.yml here; give --config" in flat(err)
    code, out, err = run(["events"], capsys)  # (a command that reads logs still asks for PATHs)
    assert code == 2 and "give PATHs or --config (no ./occ.yml here)" in flat(err)


@pytest.mark.parametrize("argv", [["store", "compact"], ["export"], ["import", "missing.log"], ["import"]])
def test_store_commands_without_a_config_or_a_store_create_nothing(tmp_path, capsys, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(argv, capsys)
    assert (code, out) == (2, "")
    assert "Invalid value for --config: no ./occ.yml here and no store in ./data; give --config" in flat(err)
    assert list(tmp_path.iterdir()) == []


def test_store_commands_use_an_existing_store_without_a_config(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data" / "probes").mkdir(parents=True)
    assert run(["store", "compact"], capsys) == (0, "compacted 0 days\n", "")
    Path("x_2025-10-10T12-00-00Z.log").write_text(CURL)
    code, out, _ = run(["import", "x_2025-10-10T12-00-00Z.log"], capsys)
    assert (code, out) == (0, "imported 1 rows from 1 files; 0 already imported; 0 skipped\n")
    code, out, _ = run(["export"], capsys)
    assert (code, len(out.splitlines())) == (0, 2)
