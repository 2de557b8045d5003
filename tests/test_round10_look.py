"""Round 10 (look): how an item's kind, level, tickets and HTTP status are read.

URLs, web addresses and paths no longer give their words to the kind rules (F1); partial progress is a
status (F5); a check mark opening an item checks it off (F6); product codes, standards and key 0 are no
tickets (F8); a list of sibling keys ending in 'and N' keeps N (F7); a number with its reason phrase is an
HTTP status (F2); a skip-level is a manager (F10); a manager that is a thing and a role's document name no
one (F9, F14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from occ_lib import _extract as ex
from occ_lib import read_logs


def _events(tmp_path: Path, *items: str) -> list[list]:
    p = tmp_path / "log.md"
    p.write_text("## 2025-10-10\n" + "".join(f"- {i}\n" for i in items), encoding="utf-8")
    ev = read_logs(p).events
    return ev[["kind", "level", "tickets"]].values.tolist()


def _one(tmp_path: Path, item: str) -> list:
    rows = _events(tmp_path, item)
    assert len(rows) == 1
    return rows[0]


# --- F1: URLs and paths -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "kind"),
    [
        ("see status.example.com/incidents/42", "note"),
        ("ran scripts/close_resolved.sh", "note"),
        ("ran `scripts/close_resolved.sh`", "note"),
        ("see https://status.example.com/resolved/42", "note"),
        ("ran /usr/local/bin/close-resolved now", "note"),
        ("checked grafana.escalated.example.com", "note"),
        # the words outside the path still count
        ("OPS-12 resolved, see https://wiki.example.com/x", "resolved"),
        ("status page updated", "status"),
        # a file filed under an evidence folder is still evidence (rule 7)
        ("contrast issues logged (`artifacts/qa/resolved.md`)", "evidence"),
    ],
)
def test_paths_and_urls_do_not_decide_the_kind(tmp_path, item, kind):
    assert _one(tmp_path, item)[0] == kind


def test_paths_and_urls_are_still_extracted(tmp_path):
    p = tmp_path / "log.md"
    p.write_text(
        "## 2025-10-10\n- ran scripts/close_resolved.sh, see https://status.example.com/resolved/42\n",
        encoding="utf-8",
    )
    ev = read_logs(p).events
    assert ev["kind"].tolist() == ["note"]
    assert ev["artifacts"].tolist() == [["scripts/close_resolved.sh"]]
    assert ev["urls"].tolist() == [["https://status.example.com/resolved/42"]]


def test_without_paths_keeps_offsets():
    text = "see status.example.com/a and `docs/x.md` then https://h.io/resolved done"
    out = ex.without_paths(text)
    assert len(out) == len(text)
    assert out == "see                      and `         ` then                       done"


def test_a_blanked_link_keeps_its_words_for_ticket_groups(tmp_path):
    assert _events(tmp_path, "[OPS-1](https://x.example.com/resolved) and OPS-2 resolved") == [
        ["resolved", 0, ["OPS-1", "OPS-2"]],
    ]


# --- F5: partial progress ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "kind"),
    [
        ("✅ smoke done, ☐ full rollout", "status"),
        ("steps 1-3 done, step 4 todo", "status"),
        ("phase 1 complete, phase 2 starts Monday", "status"),
        ("canary done, [ ] rollout", "status"),
        ("phase 2 complete", "resolved"),
        ("OPS-3 fixed in step 2", "resolved"),
    ],
)
def test_partial_progress_is_a_status(tmp_path, item, kind):
    assert _one(tmp_path, item)[0] == kind


# --- F6: a check mark opening the item ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "kind"),
    [
        ("✅ OPS-12 webhook", "resolved"),
        ("✔️ OPS-13 webhook", "resolved"),
        ("☑️ OPS-14 webhook", "resolved"),
        ("✅ OPS-12 webhook fixed", "resolved"),
        ("✅ OPS-15 smoke, ☐ OPS-15 rollout", "note"),
        ("✅ OPS-16 ok ❌ OPS-17 failed", "note"),
        ("✅ smoke run", "note"),  # (no ticket: as a closing check mark, nothing to check off)
    ],
)
def test_a_leading_check_mark_checks_the_item_off(tmp_path, item, kind):
    assert _one(tmp_path, item)[0] == kind


# --- F8 / F7: tickets -------------------------------------------------------------------------------

def test_product_codes_standards_and_key_zero_are_no_tickets():
    text = "SKU-00 GPT-4 SOC-2 NIST-800 FIPS-140 OPS-0 OPS-00 OPS-10 OPS-100"
    assert ex.tickets(text) == ["OPS-10", "OPS-100"]


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("OPS-1, 2, 3 and 4", ["OPS-1", "OPS-2", "OPS-3", "OPS-4"]),
        ("OPS-1, 2 & 3 fixed", ["OPS-1", "OPS-2", "OPS-3"]),
        ("OPS-1,2,3 and 4", ["OPS-1", "OPS-2", "OPS-3", "OPS-4"]),
        ("OPS-1, 2, 3, and 4", ["OPS-1", "OPS-2", "OPS-3", "OPS-4"]),
        ("OPS-4, 5 customers", ["OPS-4"]),
        ("OPS-3, 2 and 1", ["OPS-3"]),
        ("OPS-1, 2, 3 and 4.5", ["OPS-1", "OPS-2", "OPS-3"]),  # (4.5 is no key: the comma list stays)
    ],
)
def test_a_sibling_list_ending_in_and_keeps_its_last_key(text, keys):
    assert ex.tickets(text) == keys


# --- F2: HTTP status with its reason phrase ---------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("returned 502 Bad Gateway", 502),
        ("got 401 Unauthorized", 401),
        ("(429 Too Many Requests) from the API", 429),
        ("503 service unavailable", 503),
        ("404 - Not Found", 404),
        ("200 OK", 200),
        ("got 404 Not Found, then HTTP 500", 404),
        ("HTTP 500 then 404 Not Found", 500),
        ("201 created tickets", None),
        ("410 gone", None),
        ("502 Not Found", None),
        ("1502 Bad Gateway", None),
        ("v1.502 Bad Gateway", None),
    ],
)
def test_a_number_with_its_reason_phrase_is_an_http_status(text, status):
    assert ex.http_status(text) == status


def test_http_status_column(tmp_path):
    p = tmp_path / "log.md"
    p.write_text("## 2025-10-10\n- checkout returned 502 Bad Gateway\n", encoding="utf-8")
    assert read_logs(p).events["http_status"].tolist() == [502]


# --- F10 / F9 / F14: levels -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "kind", "level"),
    [
        ("escalated to my skip-level", "escalation", 2),
        ("pinged my skip-level about OPS-1", "escalation", 2),
        ("escalated to password manager vendor", "escalation", 1),
        ("escalated to AWS Secrets Manager support", "escalation", 1),
        ("escalated cert-manager outage to infra", "escalation", 1),
        ("escalated to incident manager", "escalation", 2),
        ("escalated to director's runbook", "escalation", 1),
        ("escalated per the director's runbook", "escalation", 1),
        ("escalated to the CIO's office", "escalation", 3),
        ("escalated to the director; see director's runbook", "escalation", 3),
    ],
)
def test_escalation_levels(tmp_path, item, kind, level):
    assert _one(tmp_path, item)[:2] == [kind, level]


def test_a_pass_stamp_is_no_leading_check_off(tmp_path):
    assert _one(tmp_path, "**✅ 2025-10-09T14:35Z** OPS-14 smoke tests passed")[0] == "note"
