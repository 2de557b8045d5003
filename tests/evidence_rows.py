"""Helpers of the evidence tests: one file written and read, its rows as plain dicts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from occ_lib.evidence import read_evidence


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode())
    return p


def rows(tmp_path: Path, name: str, text: str) -> tuple[list[dict], list[str]]:
    """The rows read from one file (NA as None) and its problems as text."""
    df, problems = read_evidence([write(tmp_path, name, text)], root=tmp_path)
    out = [{k: (None if v is pd.NA or v is pd.NaT or (isinstance(v, float) and pd.isna(v)) else v)
            for k, v in r.items()} for r in df.to_dict("records")]
    return out, [str(p) for p in problems]


def one(tmp_path: Path, name: str, text: str) -> dict:
    found, problems = rows(tmp_path, name, text)
    assert problems == []
    assert len(found) == 1
    return found[0]
