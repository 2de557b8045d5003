"""Round 7 (fC2): configuration and CLI behaviour found by test-drives (td65 findings 4-7, 9, 11, 12).

- ``occ report weekly``: a ``report.notebooks`` folder or weekly notebook that is missing, and a
  ``report.out``/``--out`` that is a file, are config/usage errors (exit 2) before anything runs; a
  run where a notebook failed whose previous report succeeded keeps the previous report whole; the
  logs' file problems are printed and exit 1, as the other commands do (the report is still written).
- ``occ sla``: a ``store:`` that does not exist or is a file is a warning saying latency and
  availability were not judged (exit 1); ``sla.targets`` keys naming no probe target (of
  ``probes.targets`` or the store) and ``sla.tickets`` keys covering no ticket in the logs are one
  warning line each; ``occ export --target`` naming no known target is a usage error (exit 2).
- Weeks, dates and instants outside the years 1678-2261 are usage errors (exit 2), never a
  traceback, in ``occ sla``, ``occ timeline`` and ``occ report weekly``.
- A naive ``occ timeline --as-of`` is in sla.tz, as ``occ sla`` and ``occ report`` read it.
- ``occ report run`` on a file that is no notebook says so without echoing it; ``occ probe --every``
  refuses negative, NaN, infinite and over-24h values.

Near misses that must not change sit beside each case.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from occ_lib import periods, report
from occ_lib.cli import main
from occ_lib.cli.probes import parse_duration
from occ_lib.errors import ArgumentError, ConfigError
from occ_lib.report import RunResult, _loses_a_report, _notebook_paths
from occ_lib.sla import unmatched_keys
from occ_lib.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NOTEBOOKS = ROOT / "notebooks"
OCC = str(Path(sys.executable).parent / "occ")
RANGE = "out of range (occ handles the years 1678 to 2261)"


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def occ(args: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([OCC, *args], capture_output=True, text=True, cwd=cwd, timeout=timeout)


def usage_error(err: str) -> str:
    """The message of a click usage error, its box and wrapping undone."""
    body = [ln.strip("│ ").rstrip() for ln in err.splitlines() if ln.startswith("│")]
    return " ".join(body)


@pytest.fixture(scope="module")
def ws(tmp_path_factory) -> Path:
    """A copy of examples/ with its evidence imported into data/ (its store)."""
    root = tmp_path_factory.mktemp("fc2") / "ws"
    shutil.copytree(EXAMPLES, root, ignore=shutil.ignore_patterns("data", "__pycache__"))
    proc = occ(["import", "--config", "occ.yml"], root)
    assert proc.returncode == 0, proc.stderr
    return root


def variant(ws: Path, name: str, old: str, new: str) -> str:
    text = (ws / "occ.yml").read_text(encoding="utf-8")
    assert old in text
    (ws / name).write_text(text.replace(old, new), encoding="utf-8")
    return name


def sla_kinds(out: str) -> dict[str, int]:
    rows = json.loads(out)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["kind"]] = counts.get(r["kind"], 0) + 1
    return counts


# finding 6: a store that is not there ------------------------------------------------------------


def test_sla_with_a_missing_store_warns_that_probes_were_not_judged(ws, capsys, monkeypatch):
    monkeypatch.chdir(ws)
    cfg = variant(ws, "occ_typo.yml", "store: data/", "store: dta/")
    code, out, err = run(["sla", "--config", cfg, "--week", "2025-W41", "-f", "json"], capsys)
    assert err == (
        "occ: warning: store dta/ (occ_typo.yml: store) does not exist: latency and availability not judged\n"
    )
    assert code == 1
    # (10 deadlines, not 11: INFRA-2743's '2025-10-15 cut-over' and its 'ETA 2025-10-15 17:00 UTC' are one
    # promise, round 10 F4)
    assert sla_kinds(out) == {
        "deadline": 10, "response": 2, "resolution": 2, "doc_expired": 1, "doc_stale": 3}
    (ws / "a-file").write_text("")
    cfg = variant(ws, "occ_file.yml", "store: data/", "store: a-file")
    code, out, err = run(["sla", "--config", cfg, "--week", "2025-W41", "-f", "json"], capsys)
    assert (code, err) == (
        1, "occ: warning: store a-file (occ_file.yml: store) is not a folder: latency and availability "
        "not judged\n",
    )


def test_sla_with_the_store_judges_availability_and_says_nothing(ws, capsys, monkeypatch):
    monkeypatch.chdir(ws)
    code, out, err = run(["sla", "--config", "occ.yml", "--week", "2025-W41", "-f", "json"], capsys)
    assert (code, err) == (0, "")
    assert sla_kinds(out)["availability"] == 27


def test_a_workspace_of_logs_alone_needs_no_store(tmp_path, capsys, monkeypatch):
    """No store:, no probes.targets, no sla.targets: nothing asked for probes, so no warning."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ops.md").write_text("# Ops\n## 2025-10-10\n- 09:00 UTC: OPS-1 ETA 17:00 UTC.\n")
    (tmp_path / "occ.yml").write_text("logs: [ops.md]\nsla: {tz: UTC}\n")
    code, out, err = run(["sla", "--as-of", "2025-10-13T00:00Z", "-f", "csv"], capsys)
    assert (code, err) == (0, "")
    assert out.splitlines()[1].startswith("deadline,OPS-1,2025-10-10T17:00:00Z,,missed,")


# finding 7: policy keys that name nothing --------------------------------------------------------


def test_sla_targets_key_naming_no_probe_target_is_a_warning(ws, capsys, monkeypatch):
    monkeypatch.chdir(ws)
    typo = "    staging-app-mok: {availability: 99.99, latency: [{percentile: p50, threshold_ms: 1}]}\n"
    cfg = variant(ws, "occ_t.yml", "  maintenance:  ", typo + "  maintenance:  ")
    code, out, err = run(["sla", "--config", cfg, "--week", "2025-W41", "-f", "json"], capsys)
    assert err == (
        "occ: warning: occ_t.yml: sla.targets.staging-app-mok: no probe target of that name (did you "
        "mean 'staging-app-mock'? known: hotdash-staging.fly.dev/app?mock=1, staging-app-live, "
        "staging-app-mock)\n"
    )
    assert code == 0  # (the figures are right; the key only judged nothing)
    _, plain, _ = run(["sla", "--config", "occ.yml", "--week", "2025-W41", "-f", "json"], capsys)
    assert out == plain


def test_sla_targets_keys_known_from_the_config_or_the_store_say_nothing(ws, capsys, monkeypatch):
    monkeypatch.chdir(ws)
    keys = (
        "    staging-app-live: {availability: 99.0}\n"  # probes.targets
        '    "hotdash-staging.fly.dev/app?mock=1": {availability: 99.0}\n'  # the store only
    )
    cfg = variant(ws, "occ_known.yml", "  maintenance:  ", keys + "  maintenance:  ")
    code, _, err = run(["sla", "--config", cfg, "--week", "2025-W41", "-f", "json"], capsys)
    assert (code, err) == (0, "")


def test_sla_tickets_key_covering_no_ticket_is_a_warning(ws, capsys, monkeypatch):
    monkeypatch.chdir(ws)
    cfg = variant(ws, "occ_k.yml", "    OCC-INF: {", "    OCC_INF: {")
    code, out, err = run(["sla", "--config", cfg, "--week", "2025-W41", "-f", "json"], capsys)
    assert err == (
        "occ: warning: occ_k.yml: sla.tickets.OCC_INF: matches no ticket in the logs "
        "(seen: DEPLOY, HS, INFRA, OCC-INF)\n"
    )
    assert code == 0
    rows = json.loads(out)
    tickets = [r for r in rows if r["kind"] in ("response", "resolution")]
    assert [r for r in tickets if r["subject"] == "OCC-INF-221"] == []
    _, plain, _ = run(["sla", "--config", "occ.yml", "--week", "2025-W41", "-f", "json"], capsys)
    assert [(r["kind"], r["due_at"], r["status"]) for r in json.loads(plain)
            if r["kind"] in ("response", "resolution") and r["subject"] == "OCC-INF-221"] == [
        ("response", "2025-10-08T22:30:00Z", "missed"),
        ("resolution", "2025-10-10T18:30:00Z", "missed"),
    ]


def test_unmatched_keys_follow_the_ticket_target_rule():
    from occ_lib.logs import read_logs
    from occ_lib.policy import Policy

    logs = read_logs([str(EXAMPLES / "feedback" / "integrations.md")])
    tickets = {k: {"first_response": "4h"} for k in (
        "OCC-INF-221",  # one whole ticket
        "OCC-",  # a prefix ending in '-'
        "OCC",  # a prefix at a '-' boundary
        "OCC-IN",  # not at a boundary: covers nothing
        "occ-inf",  # tickets are upper case
    )}
    policy = Policy.model_validate({"tickets": tickets, "targets": {"*": {}, "api": {}, "web": {}}})
    assert unmatched_keys(policy, logs, ["web"]) == [
        ("sla.targets.api", "no probe target of that name (known: web)"),
        ("sla.tickets.OCC-IN", "matches no ticket in the logs (seen: DEPLOY, HS, OCC-INF)"),
        ("sla.tickets.occ-inf", "matches no ticket in the logs (seen: DEPLOY, HS, OCC-INF)"),
    ]
    # no known targets given: the target keys are not judged; no logs: every key, none seen
    assert unmatched_keys(Policy.model_validate({"tickets": {"OPS": {}}}), None, None) == [
        ("sla.tickets.OPS", "matches no ticket in the logs (seen: none)")
    ]


def test_export_of_an_unknown_target_is_a_usage_error(ws, capsys, monkeypatch):
    monkeypatch.chdir(ws)
    code, out, err = run(["export", "--config", "occ.yml", "--target", "staging-app-mok"], capsys)
    assert (code, out) == (2, "")
    assert usage_error(err) == (
        "Invalid value for --target: no target named 'staging-app-mok' (did you mean 'staging-app-mock'? "
        "known: hotdash-staging.fly.dev/app?mock=1, staging-app-live, staging-app-mock)"
    )
    # a target known from the store only (imported evidence) is exported
    code, out, err = run(
        ["export", "--config", "occ.yml", "--target", "hotdash-staging.fly.dev/app?mock=1"], capsys
    )
    assert (code, err) == (0, "")
    assert len(out.splitlines()) == 1 + 1


# finding 9: periods out of range -----------------------------------------------------------------


def test_periods_out_of_range_are_value_errors():
    with pytest.raises(ValueError) as err:
        periods.week_bounds("9999-W52", "America/New_York")
    assert str(err.value) == f"'9999-W52' is {RANGE}"
    with pytest.raises(ValueError) as err:
        periods.week_bounds("0001-W01")
    assert str(err.value) == f"'0001-W01' is {RANGE}"
    beyond = periods.to_utc("9999-12-31T23:00", "America/New_York")  # (the year 10000 in UTC)
    for ts in (beyond, pd.Timestamp("2262-01-01", tz="UTC"), pd.Timestamp("1677-12-31T23:59", tz="UTC")):
        with pytest.raises(ValueError) as err:
            periods.in_range(ts)
        assert str(err.value) == RANGE
    for ts in (pd.Timestamp("2261-12-31T23:59", tz="UTC"), pd.Timestamp("1678-01-01", tz="UTC")):
        assert periods.in_range(ts) is ts
    # near misses: the first and last weeks handled, a date that stays in the calendar
    assert periods.week_bounds("2261-W52", "UTC") == (
        pd.Timestamp("2261-12-23", tz="UTC"), pd.Timestamp("2261-12-30", tz="UTC"))
    assert periods.week_bounds("1678-W02", "UTC")[0] == pd.Timestamp("1678-01-10", tz="UTC")
    with pytest.raises(ValueError, match=r"^'2025-W53' is not a week of 2025$"):
        periods.week_bounds("2025-W53")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sla", "--week", "9999-W52"], f"Invalid value for --week: '9999-W52' is {RANGE}"),
        (["sla", "--week", "0001-W01"], f"Invalid value for --week: '0001-W01' is {RANGE}"),
        (["sla", "--start", "9999-12-31", "--end", "9999-12-31T23:00"],
         f"Invalid value for --start: {RANGE}"),
        (["sla", "--start", "0001-01-01", "--end", "0001-01-02"], f"Invalid value for --start: {RANGE}"),
        (["sla", "--as-of", "9999-12-31"], f"Invalid value for --as-of: {RANGE}"),
        (["sla", "--as-of", "0001-01-01"], f"Invalid value for --as-of: {RANGE}"),
        (["timeline", "--summary", "--as-of", "9999-12-31"], f"Invalid value for --as-of: {RANGE}"),
        (["timeline", "--as-of", "9999-12-31T23:59:59-05:00"], f"Invalid value for --as-of: {RANGE}"),
        (["timeline", "--as-of", "0001-01-01"], f"Invalid value for --as-of: {RANGE}"),
        (["sla", "--as-of", "next tuesday"],
         "Invalid value for --as-of: expected an ISO date or date-time such as 2025-10-13 or "
         "2025-10-13T00:00Z"),
        (["timeline", "--as-of", "next tuesday"],
         "Invalid value for --as-of: not an ISO 8601 instant: 'next tuesday'"),
    ],
)
def test_out_of_range_periods_are_usage_errors(args, message, capsys, monkeypatch):
    monkeypatch.chdir(EXAMPLES)
    code, out, err = run([*args, "-f", "csv"], capsys)
    assert (code, out, usage_error(err)) == (2, "", message)
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--week", "9999-W52"], f"Invalid value for --week: '9999-W52' is {RANGE}"),
        (["--week", "2025-W53"], "Invalid value for --week: '2025-W53' is not a week of 2025"),
        (["--start", "9999-12-30", "--end", "9999-12-31"], f"Invalid value for --start: {RANGE}"),
        (["--start", "2025-10-06", "--end", "0001-01-02"], f"Invalid value for --end: {RANGE}"),
        (["--week", "2025-W41", "--as-of", "9999-12-31"], f"Invalid value for --as-of: {RANGE}"),
    ],
)
def test_report_weekly_out_of_range_periods_are_usage_errors(args, message, tmp_path):
    proc = occ(["report", "weekly", "--config", str(EXAMPLES / "occ.yml"), *args, "-q"], tmp_path)
    assert (proc.returncode, proc.stdout, usage_error(proc.stderr)) == (2, "", message)
    assert not (tmp_path / "reports").exists()


# finding 11: a naive --as-of is in sla.tz everywhere ---------------------------------------------


def test_timeline_reads_a_naive_as_of_in_sla_tz(capsys, monkeypatch):
    monkeypatch.chdir(EXAMPLES)

    def open_age(as_of: str) -> dict[str, float]:
        code, out, err = run(["timeline", "--summary", "--as-of", as_of, "-f", "json"], capsys)
        assert code == 0, err
        wanted = ("INFRA-2743", "HS-44721")
        return {r["ticket"]: r["open_age"] for r in json.loads(out) if r["ticket"] in wanted}

    assert open_age("2025-10-13") == {"INFRA-2743": 533700.0, "HS-44721": 432000.0}
    assert open_age("2025-10-13T00:00-04:00") == {"INFRA-2743": 533700.0, "HS-44721": 432000.0}
    # near miss: an instant with its offset is that instant
    assert open_age("2025-10-13T00:00Z") == {"INFRA-2743": 519300.0, "HS-44721": 417600.0}


def test_timeline_without_a_config_reads_a_naive_as_of_in_utc(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("## 2025-10-09\n- 19:20 UTC: followed up on OPS-7.\n")
    code, out, err = run(["timeline", "a.md", "--summary", "--as-of", "2025-10-10", "-f", "json"], capsys)
    assert (code, err) == (0, "")
    assert [(r["ticket"], r["open_age"]) for r in json.loads(out)] == [("OPS-7", 16800.0)]


# finding 12: report run on a non-notebook; --every ----------------------------------------------


TOKEN = "shpat_0123456789abcdefSECRET"


@pytest.mark.slow
def test_report_run_on_a_file_that_is_no_notebook_does_not_echo_it(tmp_path):
    (tmp_path / "token.txt").write_text(TOKEN + "\n")
    proc = occ(["report", "run", "token.txt", "-q", "--out", "reports"], tmp_path)
    assert proc.returncode == 1
    assert TOKEN not in proc.stderr + proc.stdout
    assert f"occ: token failed: {tmp_path / 'token.txt'}: not a notebook (not JSON)\n" in proc.stderr
    manifest = json.loads((tmp_path / "reports" / "token" / "manifest.json").read_text())
    assert manifest["notebooks"][0]["error"] == f"{tmp_path / 'token.txt'}: not a notebook (not JSON)"


@pytest.mark.parametrize("text", ["-1", "nan", "inf", "-inf", "1e300", "25h", "99999999999h", "-5s"])
def test_every_refuses_negative_nan_infinite_and_over_a_day(text):
    with pytest.raises(ValueError):
        parse_duration(text)


@pytest.mark.parametrize(("text", "seconds"), [("0", 0.0), ("2.5", 2.5), ("1e3", 1000.0), ("24h", 86400.0)])
def test_every_near_misses_still_parse(text, seconds):
    assert parse_duration(text) == seconds


def test_every_errors_are_usage_errors(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "occ.yml").write_text('probes: {targets: [{name: a, url: "http://127.0.0.1:1/"}]}\n')
    code, out, err = run(["probe", "--every", "nan"], capsys)
    assert (code, out, usage_error(err)) == (
        2, "", "Invalid value for --every: not a duration: 'nan' (use e.g. 30s, 5m, 1h)")
    code, out, err = run(["probe", "--every=-1"], capsys)
    assert (code, usage_error(err)) == (
        2, "Invalid value for --every: not a duration: '-1' (use e.g. 30s, 5m, 1h)")
    assert not (tmp_path / "data").exists()


# finding 4: report config checked first; a failing run never deletes a good report ---------------


def _tiny(path: Path, code: str) -> Path:
    """A notebook taking the weekly parameters, whose last cell is ``code``."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "occ", "display_name": "occ (.venv)", "language": "python"}
    p = nbformat.v4.new_code_cell(
        "".join(f"{k} = None\n" for k in ("config", "week", "start", "end", "as_of", "tz", "title", "record"))
        + "x = 1"
    )
    p.metadata["tags"] = ["parameters"]
    nb.cells = [p, nbformat.v4.new_code_cell(code)]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def _workspace(tmp_path: Path, extra: str = "") -> Path:
    root = tmp_path / "ws"
    shutil.copytree(EXAMPLES, root, ignore=shutil.ignore_patterns("data", "__pycache__", "artifacts"))
    cfg = root / "occ.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return cfg


def _previous_report(folder: Path) -> dict[str, bytes]:
    folder.mkdir(parents=True)
    (folder / "weekly_report.html").write_text("good")
    good = {"notebooks": [{"notebook": "weekly_report", "ok": True}]}
    (folder / "manifest.json").write_text(json.dumps(good))
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_a_missing_notebooks_folder_is_a_config_error_before_anything_runs(tmp_path):
    cfg = _workspace(tmp_path, "report:\n  notebooks: nbz/\n  out: reports/\n")
    before = _previous_report(cfg.parent / "reports" / "2025-W41")
    proc = occ(["report", "weekly", "--config", "occ.yml", "--week", "2025-W41", "-q"], cfg.parent)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == f"occ: error: {cfg}: report.notebooks: folder not found: {cfg.parent / 'nbz'}\n"
    folder = cfg.parent / "reports" / "2025-W41"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert sorted(p.name for p in folder.parent.iterdir()) == ["2025-W41"]
    assert not (cfg.parent / "data").exists()  # (nothing ran: not even the import)


def test_a_notebook_missing_from_the_folder_and_an_out_that_is_a_file_are_config_errors(tmp_path):
    cfg = _workspace(tmp_path, "report:\n  notebooks: nb/\n")
    for name in ("weekly_report", "sla_misses", "latency"):
        _tiny(cfg.parent / "nb" / f"{name}.ipynb", "y = 1")
    ws = Workspace.load(cfg)
    with pytest.raises(ConfigError) as err:
        _notebook_paths(ws, None)
    assert err.value.lines() == [
        f"{cfg}: report.notebooks: escalation_timeline.ipynb not found in {(cfg.parent / 'nb').resolve()}"
    ]
    _tiny(cfg.parent / "nb" / "escalation_timeline.ipynb", "y = 1")  # near miss: all four there
    assert [p.name for p in _notebook_paths(ws, None)] == [f"{n}.ipynb" for n in report.WEEKLY_NOTEBOOKS]
    with pytest.raises(ArgumentError, match=r"^notebooks: not found: .*nowhere\.ipynb$"):
        _notebook_paths(ws, [str(tmp_path / "nowhere.ipynb")])
    # report.out (or --out) a file, or under one
    (cfg.parent / "afile").write_text("")
    cfg.write_text(cfg.read_text() + "  out: afile/reports\n")
    proc = occ(["report", "weekly", "--config", "occ.yml", "--week", "2025-W41", "-q"], cfg.parent)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == f"occ: error: {cfg}: report.out: {cfg.parent / 'afile'} is a file, not a folder\n"
    a_file = "Invalid value for --out: afile is a file, not a folder"
    example = str(EXAMPLES / "occ.yml")
    proc = occ(["report", "weekly", "--config", example, "--out", "afile", "-q"], cfg.parent)
    assert (proc.returncode, usage_error(proc.stderr)) == (2, a_file)
    proc = occ(["report", "run", "x.ipynb", "--out", "afile", "-q"], cfg.parent)
    assert (proc.returncode, usage_error(proc.stderr)) == (2, a_file)


def test_a_run_replaces_the_previous_report_unless_it_loses_a_good_one(tmp_path):
    folder = tmp_path / "2025-W41"

    def res(name: str, ok: bool) -> RunResult:
        return RunResult(name, None, None, ok)

    assert not _loses_a_report(folder, [res("a", False)])  # (no previous report)
    _previous_report(folder)
    assert _loses_a_report(folder, [res("weekly_report", False), res("b", True)])
    assert not _loses_a_report(folder, [res("weekly_report", True), res("b", False)])  # b never succeeded
    (folder / "manifest.json").write_text("{not json")  # by the HTML files then
    assert _loses_a_report(folder, [res("weekly_report", False)])
    failed = {"notebooks": [{"notebook": "weekly_report", "ok": False}]}
    (folder / "manifest.json").write_text(json.dumps(failed))
    assert not _loses_a_report(folder, [res("weekly_report", False)])  # (its report had failed too)


@pytest.mark.slow
def test_a_failing_weekly_run_keeps_the_good_report_and_names_the_logs_problems(tmp_path):
    """One run of tiny notebooks: good; then one fails: the good report stays whole; then a run
    whose failing notebook had failed before replaces it. The logs' file problems are printed and
    make exit 1 while the report is written (finding 5)."""
    logs = "logs:\n  - feedbak/*.md\n  - feedback/qa.md\n  - feedback/nothere.md\n  - feedback\n"
    cfg = _workspace(tmp_path, "report:\n  notebooks: nb/\n  out: reports/\n")
    cfg.write_text(cfg.read_text().replace("logs:\n  - feedback/*.md\n", logs))
    nb = cfg.parent / "nb"
    for name in report.WEEKLY_NOTEBOOKS:
        _tiny(nb / f"{name}.ipynb", "y = x + 1")
    folder = cfg.parent / "reports" / "2025-W41"
    args = ["report", "weekly", "--config", "occ.yml", "--week", "2025-W41", "-q"]
    problems = (
        "occ: feedbak/*.md: no files match this pattern\n"
        "occ: feedback/nothere.md: no such file or folder\n"
    )
    proc = occ(args, cfg.parent)
    assert proc.returncode == 1
    assert proc.stdout.split() == [
        *(str(folder / f"{n}.html") for n in report.WEEKLY_NOTEBOOKS), str(folder.parent / "index.html")]
    assert proc.stderr == problems
    good = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert len(good) == 9  # (the html and ipynb of each, and the manifest)
    _tiny(nb / "latency.ipynb", "1 / 0")
    proc = occ(args, cfg.parent)
    assert (proc.returncode, proc.stdout) == (1, f"{folder.parent / 'index.html'}\n")
    assert proc.stderr == (
        problems
        + "occ: latency failed at cell 3: ZeroDivisionError: division by zero\n"
        + "occ: 2025-W41: not replaced (a notebook failed whose previous report succeeded); the previous "
        f"report in {folder} is kept\n"
    )
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == good
    assert sorted(p.name for p in folder.parent.iterdir()) == ["2025-W41", "index.html"]
    # near miss: the good logs, and a report whose failing notebook had failed before too
    cfg.write_text(cfg.read_text().replace(logs, "logs:\n  - feedback/*.md\n"))
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["notebooks"][-1]["ok"] = False
    (folder / "manifest.json").write_text(json.dumps(manifest))
    proc = occ(args, cfg.parent)
    assert proc.returncode == 1
    assert proc.stderr == "occ: latency failed at cell 3: ZeroDivisionError: division by zero\n"
    assert json.loads((folder / "manifest.json").read_text())["notebooks"][-1]["error"] == (
        "ZeroDivisionError: division by zero")
