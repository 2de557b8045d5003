"""Round 14, parser speed (PERF): the narrower searches give the answers the whole-text searches gave.

Paths are read only in the words that hold a '.' or a '/', with any white space between words; the
duration ETA and the follow-up patterns start at the first word a match can open with (a word glued
before it still counts, as '\\b' and look-behinds see before the start); the bearer rule is skipped
only for ASCII text without its names (a Kelvin sign is still a 'k' to the case-blind pattern); the
header-colon hint stops at the last ':'; a deliverable's clause is searched only when it holds a
word of a deliverable's name (in ASCII text; other text is searched as before); the keyword scan reads
each run of white space as one space.
"""

from __future__ import annotations

import pytest

from occ_lib._extract import classify, deliverable_promise, duration_deadline, keywords, without_paths
from occ_lib.redact import pair_hint, redact_text


@pytest.mark.parametrize("text, blanked", [
    ("Re-ran `kubectl get pods` (`artifacts/qa/run.log`) see status.example.com/incidents/42 and "
     "QA/product/support docs.",
     "Re-ran `                ` (`artifacts           `) see                                 and "
     "QA/product/support docs."),
    # (a no-break space and an ideographic space end words as a space does; 'b.c.d' is no host)
    ("x\u00a0docs/a.md\u3000b.c.d ok.", "x\u00a0         \u3000b.c.d ok."),
])
def test_paths_blanked_in_dotted_words_only(text: str, blanked: str) -> None:
    assert without_paths(text) == blanked


@pytest.mark.parametrize("text, found", [
    ("beta 3 h, then ETA 2 h", (120.0, "ETA", 19, 22)),  # ('beta' holds 'eta' glued to a letter: no ETA)
    ("Déploiement — eta 45 min", (45.0, "ETA", 18, 24)),  # (text that is not ASCII: searched whole)
    ("Sent the checklist; next status update in 20m", (20.0, "update", 42, 45)),
])
def test_duration_deadline_from_its_keyword(text: str, found: tuple) -> None:
    assert duration_deadline(text) == found


@pytest.mark.parametrize("text, kind", [
    ("Filed OPS-312; follow-up ticket OPS-313 filed", ("note", 0)),
    ("Re-ran probes so support can follow up with infra", ("follow_up", 1)),
    ("Sent notes, checked in with vendor", ("follow_up", 1)),
    ("Sent notes; cut as follow-up OPS-9", ("note", 0)),
])
def test_follow_up_read_from_its_first_word(text: str, kind: tuple[str, int]) -> None:
    assert classify(text, keywords(text), False) == kind


@pytest.mark.parametrize("text, masked", [
    ("rotated; token abcdefgh12345678 issued", "rotated; token *** issued"),
    ("rotated; To\u212aEN abcdefgh12345678 issued", "rotated; To\u212aEN *** issued"),
    ("Captured GA MCP credentials for OCC-INF-221 and updated docs",
     "Captured GA MCP credentials for OCC-INF-221 and updated docs"),
])
def test_bearer_rule_skipped_only_without_its_names(text: str, masked: str) -> None:
    assert redact_text(text) == masked


@pytest.mark.parametrize("text, hint", [
    ("03:54Z: set X-Api-Key: abcdef123456", True),
    ("03:54Z: Re-ran rate-limit probes", False),
])
def test_header_colon_hint_up_to_last_colon(text: str, hint: bool) -> None:
    assert pair_hint(text) is hint


@pytest.mark.parametrize("prose, start, promised", [
    ("RCA ETA 2025-10-14", 4, True),
    ("Post-Mortem for INC-4100 due Friday", 25, True),
    ("fix ETA 14:00; RCA later", 4, False),  # (the RCA is after the deadline)
    ("Déploiement — PIR by Oct 15", 20, True),  # (not ASCII: searched whole)
    ("deploy after 14:00", 13, False),  # ('after' without 'action': no deliverable)
    ("tracer ETA", 7, False),  # ('rca' inside a word)
])
def test_deliverable_promise_gated_by_its_words(prose: str, start: int, promised: bool) -> None:
    assert deliverable_promise(prose, start) is promised


@pytest.mark.parametrize("text, found", [
    ("Re-ran `                ` \u00a0 escalated\tto CIO\u2019s   team -  resolved\u3000x",
     ["cio", "escalated", "re-ran", "resolved", "to"]),
    ("not   missed - slipped \u2019s", ["missed", "not", "slipped"]),
])
def test_keywords_across_runs_of_white_space(text: str, found: list[str]) -> None:
    assert sorted(keywords(text)) == found
