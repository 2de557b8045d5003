"""Hostile input: what one pasted blob can cost. Each rule here keeps an item's yield or work linear in
its size (timings are in the commits, not asserted: tests are never timed here)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from occ_lib import _extract as ex
from occ_lib import logs
from occ_lib.logs import parse_log

HEAD = "# Ops\n## 2025-10-09\n"

# --- tickets: a key is not looked for inside a run of capitals or of key segments ------------------


def test_ticket_pattern_refuses_a_start_glued_to_what_python_rejects() -> None:
    # ('OPS-OPS-...-1x' and a run of capitals were scanned again from each of their letters: quadratic)
    text = "OPS-OPS-1x AB-12 xCD-3 .EF-4 _GH-5 9IJ-6 é KL-7 éMN-8 /OP-9 INC0012345 AINC0012345"
    assert [m.group() for m in ex._TICKET.finditer(text)] == [
        "AB-12", "GH-5", "KL-7", "OP-9", "INC0012345", "AINC0012345",
    ]
    assert ex.tickets(text) == ["AB-12", "GH-5", "KL-7", "INC0012345"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("INC-5678/INC-5679 docs/DEPLOY-147.md _PAY-114_ env_PAY-114 OCC-INF-221 CVE-2021-44228",
         ["INC-5678", "INC-5679", "PAY-114", "OCC-INF-221"]),
        ("A" * 40 + "-1 " + "OPS-" * 50 + "1x OPS-2", ["A" * 40 + "-1", "OPS-2"]),
        ("SEV-2/INC-7, docs/INC-1/INC-2.md, NOC-24@vendor.com, T04-40", ["INC-7"]),
    ],
)
def test_tickets_read_as_before(text: str, expected: list[str]) -> None:
    assert ex.tickets(text) == expected


# --- deadlines: what one item with thousands of them costs ---------------------------------------


class _Counting:
    """A compiled pattern that counts its searches."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.searches = pattern, 0

    def search(self, *args: object) -> re.Match[str] | None:
        self.searches += 1
        return self.pattern.search(*args)  # type: ignore[arg-type]


def test_the_past_tense_is_searched_once_per_item(monkeypatch: pytest.MonkeyPatch) -> None:
    # (it was searched over the whole item for each deadline rolled to the next day: quadratic)
    counting = _Counting(logs._PAST_TENSE)
    monkeypatch.setattr(logs, "_PAST_TENSE", counting)
    d = parse_log(HEAD + "- 23:40 UTC paged; ETA 00:30, ETA 01:30 and ETA 02:30\n", "x.md").deadlines
    assert d["due_at"].tolist() == [pd.Timestamp(f"2025-10-10 0{h}:30", tz="UTC") for h in (0, 1, 2)]
    assert counting.searches == 1
