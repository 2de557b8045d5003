"""Round 15 (SMALL): leftovers of REPERR and LOOK3 (/tmp/findings/REPERR.md, LOOK3.md).

- A read-only store: ``occ report weekly`` (and ``occ import``) still name each evidence file they
  read and could not use, exit 1; before, the store's refusal dropped them (weekly: exit 0).
- An import's note (``EvidenceNote``, ``StoreWarning``) is one ``occ: warning:`` line in ``occ
  import`` as in ``occ report weekly``; before, ``occ import`` printed it as ``occ: <note>``, the
  form of a problem line.
- The availability detail has its plurals (``0 bad of 1 probe``) and a budget in probes a person
  reads (``budget 0.005 probes``, ``budget 5 probes``; ``budget 0 probes`` only when there is none).
- The documents' accounting rule says ``stale when the day last reviewed is more than 14 days old``,
  the detail's words, not ``'last_reviewed' ... 14d``.
- ``budget_percent(999.96)`` is ``1000`` (rounded first), not ``1000.0``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from occ_lib import report, sla
from occ_lib.formats import budget_percent, plural, probe_count
from occ_lib.store import write_probes
from occ_lib.weekly import _plural
from tests.evidence_rows import code_notebook
from tests.test_round6_store import probes as stored_probes
from tests.test_round6_store import read_only, run
from tests.test_sla import T0, minute_probes, policy, probes, row

GOOD = {"results": [{"check": "a", "url": "https://x.invalid/", "statusCode": 200, "success": True,
                     "latencyMs": 12, "checkedAt": "2025-10-08T10:00:00Z"}]}
BROKEN = '[{"url": "https://x.invalid/", "status": 200,\n "timestamp": "2025-10-08T11:00:00Z"\n'
BARE = json.dumps([
    {"url": "https://x.invalid/h", "status": 200, "duration": 0.25, "checked_at": "2025-10-08T07:00:00Z"},
    {"url": "https://x.invalid/h", "status": 200, "duration": 0.5, "checked_at": "2025-10-08T07:05:00Z"},
])
BAD_LINE = "occ: ev/bad.json:3: invalid JSON: Expecting ',' delimiter\n"
NOTE_LINE = ("occ: warning: ev/checks.json: bare 'duration' values read as seconds: all 2 have a fraction "
             "and are below 60 (0.25 -> 250 ms); name the unit ('duration_ms', 'duration_s' or "
             "'\"unit\": \"s\"') to be sure\n")


def _dq_notebook(path: Path) -> None:
    """A notebook printing its workspace's data quality problems (as the weekly one computes them)."""
    code_notebook(
        path, "config = None\nrecord = None\nweek = None",
        "from occ_lib import weekly\nws = weekly.workspace(config)\n"
        "dq = weekly.data_quality(ws.logs, ws.root)\n"
        "weekly.record(record, dq=dq['problems'][['source', 'line', 'what', 'reason']]"
        ".astype(object).to_dict('records'))",
    )


def _workspace(root: Path) -> Path:
    """A workspace whose store (``ro/``) holds 3 probes, with a good check JSON, a broken one and one
    of bare durations (a note) as evidence, and tiny weekly notebooks (the first prints its data
    quality problems)."""
    (root / "ev").mkdir(parents=True)
    (root / "ev" / "good.json").write_text(json.dumps(GOOD))
    (root / "ev" / "bad.json").write_text(BROKEN)
    (root / "ev" / "checks.json").write_text(BARE)
    (root / "log.md").write_text("# ops\n## 2025-10-07\n- 10:00 UTC: ok\n")
    (root / "nb").mkdir()
    for name in report.WEEKLY_NOTEBOOKS:
        _dq_notebook(root / "nb" / f"{name}.ipynb")
    (root / "occ.yml").write_text(
        "logs: [log.md]\nevidence: [ev/*.json]\nstore: ro/\nsla: {tz: UTC}\n"
        "report: {out: reports/, notebooks: nb/}\n"
    )
    write_probes(root / "ro", stored_probes("2025-10-07T10:00Z", ["a", "b"], "r1"))
    write_probes(root / "ro", stored_probes("2025-10-07T11:00Z", ["a"], "r2"))
    return root


WEEKLY = ["report", "weekly", "--config", "occ.yml", "--week", "2025-W41", "-q"]
DQ_BAD = {"source": "ev/bad.json", "line": 3, "what": "evidence",
          "reason": "invalid JSON: Expecting ',' delimiter"}


def _dq(ws: Path) -> list[dict]:
    return json.loads((ws / "reports" / "2025-W41" / "weekly_report.record.json").read_text())["dq"]


# 1 + 2: a read-only store; one form for an import's notes ------------------------------------------
@pytest.mark.slow
def test_weekly_on_a_read_only_store_names_each_bad_file_and_notes_read_as_occ_imports(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.delenv(report._IMPORTED_ENV, raising=False)  # (restored after: weekly() sets it)
    ws = _workspace(tmp_path / "ws")
    twin = tmp_path / "twin"
    shutil.copytree(ws, twin)
    monkeypatch.chdir(ws)
    with read_only(ws / "ro", monkeypatch) as why:
        code, out, err = run(WEEKLY, capsys)
        refused = f"ro/probes: cannot import: the store cannot be written ({why})"
        assert (code, err) == (
            1, f"occ: warning: {refused}; evidence not imported, the report uses what the store holds\n"
            + BAD_LINE)
        assert out.splitlines()[-1] == str(Path("reports/index.html").resolve())
        assert _dq(ws) == [DQ_BAD]  # (the kernels were told too: the appendix lists it)
        # occ import names it too, then its one error line
        assert run(["import", "--config", "occ.yml"], capsys) == (
            1, "", BAD_LINE + f"occ: error: {refused}\n")
    # writable again: the note of the file imported is one `occ: warning:` line, as occ import says it
    code, out, err = run(WEEKLY, capsys)
    assert (code, err) == (1, NOTE_LINE + BAD_LINE)
    assert _dq(ws) == [DQ_BAD]
    monkeypatch.chdir(twin)
    assert run(["import", "--config", "occ.yml"], capsys) == (
        1, "imported 3 rows from 2 files; 0 already imported; 1 skipped\n", NOTE_LINE + BAD_LINE)


# 3: the availability detail: plurals and a budget in probes a person reads ------------------------
def test_the_availability_detail_counts_probes_as_a_person_writes_them() -> None:
    pol = policy({"targets": {"*": {"availability": 99.5}, "full": {"availability": 100},
                              "few": {"availability": 99.9}}})
    df = probes(
        minute_probes("one", T0, 1)  # budget 0.005 probes (showed 0.0: read as "no budget")
        + minute_probes("full", T0, 10)  # a 100 % objective: no budget at all
        + minute_probes("few", T0, 20, bad_minutes=[3])  # 0.02 probes
        + minute_probes("api", T0, 1000, bad_minutes=[1, 2])  # 5 probes (was 5.0)
        + minute_probes("web", T0, 326, bad_minutes=[1])  # 1.63 -> 1.6
        + minute_probes("two", T0, 200)  # exactly 1 probe
    )
    out = sla.misses(None, df, pol, T0, T0 + pd.Timedelta(days=1))
    avail = out[(out["kind"] == "availability") & (out["due_at"] == T0 + pd.Timedelta(days=1))]
    assert {s: row(avail, subject=s)["detail"] for s in ("one", "full", "few", "api", "web", "two")} == {
        "one": "100.000% vs objective 99.5%: 0 bad of 1 probe (0 in maintenance); budget 0.005 probes, "
               "0.0% consumed",
        "full": "100.000% vs objective 100%: 0 bad of 10 probes (0 in maintenance); budget 0 probes, "
                "0.0% consumed",
        "few": "95.000% vs objective 99.9%: 1 bad of 20 probes (0 in maintenance); budget 0.02 probes, "
               "5000% consumed",
        "api": "99.800% vs objective 99.5%: 2 bad of 1000 probes (0 in maintenance); budget 5 probes, "
               "40.0% consumed",
        "web": "99.693% vs objective 99.5%: 1 bad of 326 probes (0 in maintenance); budget 1.6 probes, "
               "61.3% consumed",
        "two": "100.000% vs objective 99.5%: 0 bad of 200 probes (0 in maintenance); budget 1 probe, "
               "0.0% consumed",
    }


def test_one_plural_helper_and_the_probe_count_format() -> None:
    assert _plural is plural  # (weekly's captions and sla's details)
    assert [plural(n, "probe") for n in (0, 1, 2, "1", "0.005", "1.6")] == [
        "0 probes", "1 probe", "2 probes", "1 probe", "0.005 probes", "1.6 probes"]
    assert [probe_count(v) for v in (0.0, 0.00001, 0.0049, 0.0096, 0.049, 0.05, 1.0, 1.63, 5.0, 7.25)] == [
        "0", "0.00001", "0.005", "0.01", "0.05", "0.1", "1", "1.6", "5", "7.2"]


# 4: the accounting rule in the detail's words --------------------------------------------------------
def test_the_documents_rule_says_stale_in_the_details_words() -> None:
    rules = {age: sla.accounting_rules(policy({"tz": "UTC", "documents": {"max_age": age}}))[-1]
             for age in ("14d", "1d", "36h")}
    assert rules == {
        "14d": "Documents (days in UTC): expired after the day in front matter 'expires'; stale when the day "
               "last reviewed is more than 14 days old.",
        "1d": "Documents (days in UTC): expired after the day in front matter 'expires'; stale when the day "
              "last reviewed is more than 1 day old.",
        "36h": "Documents (days in UTC): expired after the day in front matter 'expires'; stale when the day "
               "last reviewed is more than 36 hours old.",
    }
    assert sla.accounting_rules(policy({"tz": "UTC"}))[-1] == (
        "Documents (days in UTC): expired after the day in front matter 'expires'.")


# 5: rounded first, then the decimals chosen ----------------------------------------------------------
def test_a_budget_percent_that_rounds_to_1000_has_no_decimal() -> None:
    shown = [budget_percent(v) for v in (999.96, -999.96, 999.94, 1000.0, 243.161)]
    assert [str(v) for v in shown] == ["1000", "-1000", "999.9", "1000", "243.2"]
    assert [type(v) for v in shown] == [int, int, float, int, float]
