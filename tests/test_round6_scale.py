"""Round 6 fixes for reports and imports at company scale.

- Importing evidence keys each configured target's URL once per import, not once per row: the same
  target names each row as before (the first in config order when several share a URL key).
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

import occ_lib.evidence as evidence
from occ_lib.evidence import import_evidence, read_evidence
from occ_lib.targets import Target

# --------------------------------------------------------------------------- import: target matching


def _checks(tmp_path: Path, urls: list[str], name: str | None = None, status: int = 200) -> Path:
    items = [{"url": u, "statusCode": status, "checkedAt": f"2025-10-07T10:{i:02d}:00Z"}
             | ({"check": name} if name else {}) for i, u in enumerate(urls)]
    path = tmp_path / "synthetic-check-2025-10-07.json"
    path.write_text(json.dumps({"results": items}))
    return path


def _names(path: Path, targets: list) -> list[str]:
    df, problems = read_evidence([path], targets=targets)
    assert problems == []
    return list(df.sort_values("started_at")["target"])


def test_targets_sharing_a_url_key_the_first_in_config_order_names_the_row(tmp_path: Path) -> None:
    # default port, upper-case scheme and host, and a secret query value redacted alike: one key
    path = _checks(tmp_path, ["https://shop.invalid/api", "http://pay.invalid/q?token=zzz"])
    a = Target(name="a", url="https://shop.invalid:443/api")
    b = Target(name="b", url="HTTPS://SHOP.invalid/api")
    c = Target(name="c", url="http://pay.invalid:80/q?token=one")
    d = Target(name="d", url="http://pay.invalid/q?token=two")
    assert _names(path, [a, b, c, d]) == ["a", "c"]
    assert _names(path, [b, a, d, c]) == ["b", "d"]


def test_a_url_match_comes_before_a_name_match_and_a_name_match_applies_the_target(tmp_path: Path) -> None:
    by_url = Target(name="by-url", url="https://shop.invalid/api", expect="200")
    by_name = Target(name="shop-api", url="https://other.invalid/", expect="500")
    path = _checks(tmp_path, ["https://shop.invalid/api", "https://unknown.invalid/x"], name="shop-api",
                   status=500)
    df, _ = read_evidence([path], targets=[by_name, by_url])
    df = df.sort_values("started_at")
    assert list(df["target"]) == ["by-url", "shop-api"]
    assert list(df["outcome"]) == ["down", "up"]  # (each judged by its own target's expect)
    none, _ = read_evidence([path], targets=[])
    none = none.sort_values("started_at")
    assert list(none["target"]) == ["shop-api", "shop-api"]
    assert list(none["outcome"]) == ["down", "down"]


def test_unparseable_urls_match_as_before(tmp_path: Path) -> None:
    # (duck-typed targets are not validated: two URLs whose port does not parse share the key None,
    # as they did when each row compared every target's key)
    bad = SimpleNamespace(name="bad-port", url="http://x.invalid:99999/", expect="2xx", tags={},
                          degraded_ms=None, expects=lambda s: 200 <= s <= 299)
    good = Target(name="good", url="https://shop.invalid/api")
    path = _checks(tmp_path, ["https://shop.invalid:70000/api", "https://shop.invalid/api"])
    assert _names(path, [good, bad]) == ["bad-port", "good"]


def test_each_target_url_is_redacted_once_per_import_not_once_per_row(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = evidence.redact_url

    def counting(url: str) -> str:
        calls.append(url)
        return real(url)

    monkeypatch.setattr(evidence, "redact_url", counting)
    rows = 50
    path = _checks(tmp_path, [f"https://shop.invalid/api?n={i % 3}" for i in range(rows)])
    targets = [Target(name=f"t{i}", url=f"https://shop.invalid/api?n={i}") for i in range(6)]
    df, _ = read_evidence([path], targets=targets)
    assert sorted(df["target"].value_counts().items()) == [("t0", 17), ("t1", 17), ("t2", 16)]
    # one per row (the row's own URL) plus one per target, where it was rows x targets more
    assert len(calls) == rows + len(targets)
    store = tmp_path / "store"
    calls.clear()
    assert import_evidence(store, [path], targets=targets).imported_rows == rows
    assert len(calls) == rows + len(targets)
    calls.clear()
    assert import_evidence(store, [path], targets=targets).imported_rows == 0
    assert len(calls) == rows + len(targets)
