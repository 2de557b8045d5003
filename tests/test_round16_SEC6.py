"""Round 16, SEC6: secrets that reached an output in a red-team workspace (logs, a curl transcript, check
JSON, `occ probe` against a 127.0.0.1 server that echoes tokens), now masked in every text rule:

- a Kubernetes Secret's ``stringData`` joined onto one line by a log item: each value runs over its words to
  the next key (was masked to its first word, and the pairs after it leaked: ``NOTE: *** words x: y``);
- a table's row written in a line or a message (``pasted | api_key | X |``), and a table whose name column
  is not its first (``| time | ticket | key | value |``): the value's cell, as a two-column table's;
- a pair URL-encoded without a ``=`` in a URL's query, path or fragment (``?token%3DX`` in a check's url
  field, stored as written), ``token%3aX`` (an escaped ':') and ``token%253DX`` (escaped twice);
- a secret's name in a code span before its colon (`` `token`: X ``);
- a shell's line continuation between a secret's name and its value (``export GITHUB_TOKEN=\\`` then
  the value on the next line): the value leaked, ``\\`` was read as the value;
- a front matter's key that is a credential (``ghp_...: x``, shown in the docs' front matter);
- a colon typed fullwidth (``password\uff1aX``, a check's error): read as the log reads it, ``password:***``.
Placeholders and prose stay.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from occ_lib.logs import parse_log
from occ_lib.redact import redact_url

try:
    from tests.evidence_rows import occ_in, rows, workspace
    from tests.secret_rules import all_keep, all_show
except ImportError:  # (run from tests/)
    from evidence_rows import occ_in, rows, workspace  # type: ignore[no-redef]
    from secret_rules import all_keep, all_show  # type: ignore[no-redef]

HEAD = "# Ops\n\nAll times UTC.\n\n### 2025-10-10\n\n"

SHAPES = [
    ("kind: Secret stringData: NOTE: two SPCwordsQ1 x: SPCvalQ2",
     "kind: Secret stringData: NOTE: *** x: ***", "SPCwordsQ1"),
    ("kind: Secret stringData: NOTE: two SPCwordsQ1 PASS: hunter 2 SPCpgQ3 type: Opaque",
     "kind: Secret stringData: NOTE: *** PASS: *** type: Opaque", "SPCpgQ3"),
    ("kind: Secret stringData: a: \"b SPCquotQ4\" e: \"\" f: ${X} data: K: cG9zdGdyZXM6Ly91",
     "kind: Secret stringData: a: \"***\" e: \"\" f: ${X} data: K: ***", "SPCquotQ4"),
    ("pasted | api_key | TBLvalQ5aa11 |", "pasted | api_key | *** |", "TBLvalQ5aa11"),
    ("a | secret | TBLvalQ6bb22 | b |", "a | secret | *** | b |", "TBLvalQ6bb22"),
    ("| auth | down | token | TBLvalQ7cc33 |", "| auth | down | token | *** |", "TBLvalQ7cc33"),
    ("| **password** | Hunter2pgQ8 |", "| **password** | *** |", "Hunter2pgQ8"),
    ("https://api.example.com/x?token%3DENCqryQ9", "https://api.example.com/x?token%3D***", "ENCqryQ9"),
    ("https://api.example.com/x?a=1&token%3DENCqryQ10&b=2", "https://api.example.com/x?a=1&token%3D***&b=2",
     "ENCqryQ10"),
    ("https://api.example.com/x/token%3DENCpathQ11", "https://api.example.com/x/token%3D***", "ENCpathQ11"),
    ("https://h.example.com/x#access_token%3DENCfragQ12%26s%3D1",
     "https://h.example.com/x#access_token%3D***%26s%3D1", "ENCfragQ12"),
    ("https://h.example.com/x?next=https%3A%2F%2Fh%2F%3Ftoken%253DENCdblQ13",
     "https://h.example.com/x?next=https%3A%2F%2Fh%2F%3Ftoken%253D***", "ENCdblQ13"),
    ("retried with token%3aENCcolonQ14", "retried with token%3a***", "ENCcolonQ14"),
    ("retried with token%253DENCdblQ15", "retried with token%253D***", "ENCdblQ15"),
    ("`token`: CODEnameQ16dd", "`token`: ***", "CODEnameQ16dd"),
    ("set `password`: Hunter2pgQ17 then", "set `password`: *** then", "Hunter2pgQ17"),
    ("`api key`: abcdefQ18123", "`api key`: ***", "abcdefQ18123"),
    ("password\uff1aFULLwidthQ19pw", "password:***", "FULLwidthQ19pw"),
    ("token\uff1aFULLwidthQ20tok ok", "token:*** ok", "FULLwidthQ20tok"),
    ("export GITHUB_TOKEN=\\ CONTjoinQ21abc", "export GITHUB_TOKEN=***", "CONTjoinQ21abc"),
    ("export GITHUB_TOKEN=\\\n  CONTlineQ22abc\nnext", "export GITHUB_TOKEN=***\nnext", "CONTlineQ22abc"),
    ("kubectl --token \\ CONTflagQ23abc", "kubectl --token ***", "CONTflagQ23abc"),
    ("curl -H \"X-Api-Key: \\\n  CONThdrQ24abc\"", "curl -H \"X-Api-Key: ***\"", "CONThdrQ24abc"),
]
PLANTED = [secret for _, _, secret in SHAPES]


@pytest.mark.parametrize(("text", "shown", "secret"), SHAPES, ids=[s for _, _, s in SHAPES])
def test_a_shape_is_masked_in_every_text_rule(text, shown, secret):
    all_show(text, shown, secret)


@pytest.mark.parametrize("text", [
    "| token | rotated | x |",
    "| name | value |",
    "x | y | z",
    "| time | ticket | note |",
    "the `token`: rotated",
    "`password`: see vault",
    "use `token` then",
    "stringData: a: b c (no secret)",
    "kind: Secret stringData: f: ${X} g: \"\"",
    "https://h.example.com/x?q=a%3Db",
    "https://h.example.com/search?q=ticket%3DOPS-12",
    "see https%3A%2F%2Fh.example.com%2Fx ok",
    "time%3A10%3A00",
    "curl https://x \\ -H Accept",
    "token \\ ${TOKEN}",
    "C:\\Users\\token\\file.txt",
    "\uff11\uff17\uff1a\uff10\uff10 ok",  # (a fullwidth colon stays where nothing is masked)
])
def test_a_placeholder_or_prose_stays(text):
    all_keep(text)


def test_a_check_url_with_an_escaped_pair_is_stored_masked():
    assert redact_url("https://api.example.com/x?token%3DENCqryQ9") == "https://api.example.com/x?token%3D***"
    assert redact_url("https://h.example.com/x?q=a%3Ab") == "https://h.example.com/x?q=a%3Ab"


def test_a_kubernetes_secret_joined_by_a_log_item_reaches_no_event():
    doc = HEAD + ("- 09:03 OPS-1 pasted the manifest:\n  kind: Secret\n  stringData:\n"
                  "    NOTE: two SPCwordsQ1\n    x: SPCvalQ2\n    PASS: hunter 2 SPCpgQ3\n  type: Opaque\n"
                  "- 09:05 OPS-1 done\n")
    assert parse_log(doc, "x.md").events["text"].tolist() == [
        "09:03 OPS-1 pasted the manifest: kind: Secret stringData: NOTE: *** x: *** PASS: *** type: Opaque",
        "09:05 OPS-1 done"]


def test_table_rows_reach_no_event():
    doc = HEAD + ("| time | ticket | key | value |\n| --- | --- | --- | --- |\n"
                  "| 10:00 | OPS-1 | api_key | TBLvalQ5aa11 |\n| 10:01 | OPS-2 | token | rotated |\n\n"
                  "10:02 OPS-3 pasted | api_key | TBLvalQ6bb22 |\n"
                  "- 10:03 OPS-4 | secret | TBLvalQ7cc33 |\n")
    logs = parse_log(doc, "x.md")
    assert logs.events["text"].tolist() == [
        "10:00 | OPS-1 | api_key | ***", "10:01 | OPS-2 | token | rotated",
        "10:02 OPS-3 pasted | api_key | *** |", "10:03 OPS-4 | secret | *** |"]
    assert logs.problems.values.tolist() == []


def test_every_shape_in_a_log_reaches_no_event():
    one_line = [(t, s) for t, s, _ in SHAPES if "\n" not in t]
    doc = HEAD + "".join(f"- 09:{i:02d} OPS-1 {t}\n" for i, (t, _) in enumerate(one_line))
    logs = parse_log(doc, "x.md")
    assert logs.events["text"].tolist() == [f"09:{i:02d} OPS-1 {s}" for i, (_, s) in enumerate(one_line)]
    dump = logs.events.astype(str).to_csv() + logs.problems.astype(str).to_csv()
    assert [p for t, _, p in SHAPES if "\n" not in t and p in dump] == []


def test_a_checks_url_and_error_hold_no_planted_value(tmp_path):
    results = [{"check": f"c{i}", "url": "https://api.example.com/x?token%3DENCqryQ9", "statusCode": 500,
                "latencyMs": 5, "checkedAt": f"2025-10-10T09:{i:02d}:00Z", "error": t}
               for i, (t, _, _) in enumerate(SHAPES)]
    found, problems = rows(tmp_path, "checks.json", json.dumps({"results": results}))
    assert problems == []
    by_check = {r["target"]: (r["url"], r["error_message"]) for r in found}
    assert [by_check[f"c{i}"] for i in range(len(SHAPES))] == [
        ("https://api.example.com/x?token%3D***", s) for _, s, _ in SHAPES]
    dump = json.dumps(found, default=str)
    assert [p for p in PLANTED if p in dump] == []


def test_occ_import_and_export_hold_no_planted_value(tmp_path):
    art = workspace(tmp_path, "store: data/\n")
    (art / "checks.json").write_text(json.dumps({"results": [{
        "check": "c1", "url": "https://api.example.com/x?token%3DENCqryQ9", "statusCode": 500, "latencyMs": 5,
        "checkedAt": "2025-10-10T09:00:00Z",
        "error": "pasted | api_key | TBLvalQ5aa11 | and token%3aENCcolonQ14"}]}))
    result = occ_in(tmp_path, "import", "artifacts")
    assert result.exit_code == 0, result.output
    assert result.output == "imported 1 rows from 1 files; 0 already imported; 0 skipped\n"
    stored = pd.concat(pd.read_parquet(p) for p in sorted((tmp_path / "data").rglob("*.parquet")))
    assert stored[["url", "error_message"]].values.tolist() == [[
        "https://api.example.com/x?token%3D***", "pasted | api_key | *** | and token%3a***"]]
    out = occ_in(tmp_path, "export", "--format", "csv", "-o", "exp.csv")
    assert out.exit_code == 0, out.output
    dump = stored.astype(str).to_csv() + (tmp_path / "exp.csv").read_text() + result.output + out.output
    assert [p for p in PLANTED if p in dump] == []


def test_a_front_matter_key_that_is_a_credential_is_masked():
    doc = ("---\nowner: a\nsecret_token: FMvalQ25tok1234\nghp_FMkeyQ26abcdefghijklmnopqrstuvwxyz12: x\n---\n"
           + HEAD[:-1] + "- 09:06 OPS-6 export GITHUB_TOKEN=\\\n  CONTitemQ27abc\n")
    logs = parse_log(doc, "x.md")
    assert logs.docs["front_matter"].tolist() == [{"owner": "a", "secret_token": "***", "***": "x"}]
    assert logs.events["text"].tolist() == ["09:06 OPS-6 export GITHUB_TOKEN=***"]
    dump = logs.docs.astype(str).to_csv() + logs.events.astype(str).to_csv()
    assert [p for p in ("FMvalQ25tok1234", "FMkeyQ26", "CONTitemQ27abc") if p in dump] == []
