"""Round 21: JSON nested too deeply is the same problem on every Python.

The evidence reader relied on the decoder's RecursionError, whose depth differs by version (under 1,000 on
3.11, past 5,000 on 3.13, where a 5,000-deep file was read and said 'item 0: expected an object'); the
depth is now occ's own: more than 100 levels of lists and objects is no check result.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from occ_lib.evidence import _nested_deeper, read_evidence

OK = {"url": "https://h/app", "status": 200, "ok": True, "latency_ms": 12,
      "checked_at": "2025-10-09T14:00:00Z"}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("depth", [101, 150, 5000, 50_000])
def test_deep_json_is_one_problem_and_the_other_files_are_read(tmp_path, depth):
    deep = _write(tmp_path, "deep.json", '{"results": ' + "[" * depth + "]" * depth + "}")
    good = _write(tmp_path, "synthetic-check-2025-10-09T14-00-00Z.json", json.dumps(OK))
    df, problems = read_evidence([deep, good])
    assert [str(e) for e in problems] == [f"{deep}: JSON nested too deeply to be a check result"]
    assert (df["status"].tolist(), df["outcome"].tolist()) == ([200], ["up"])


def test_json_within_the_depth_is_read_as_before(tmp_path):
    # 100 levels: the results' first item is a list, which a check is not
    nested = _write(tmp_path, "nested.json", '{"results": ' + "[" * 99 + "]" * 99 + "}")
    df, problems = read_evidence([nested])
    assert [str(e) for e in problems] == [f"{nested}: item 0: expected an object, got list"]
    assert df.empty


@pytest.mark.parametrize(
    ("doc", "limit", "deeper"),
    [
        (1, 1, False), ([], 1, False), ([[]], 1, True), ([[]], 2, False),
        ({"a": [1, {"b": 2}]}, 3, False), ({"a": [1, {"b": 2}]}, 2, True),
        ({"a": [1, 2], "b": {"c": {"d": []}}}, 3, True), ({"a": [1, 2], "b": {"c": {"d": []}}}, 4, False),
    ],
)
def test_nested_deeper(doc, limit, deeper):
    assert _nested_deeper(doc, limit) is deeper
