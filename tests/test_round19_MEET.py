"""Round 19 (MEET): a deadline kept by a later item that delivers it, and a ticket that was no outage.

1. A deadline of no ticket was never met by the later item of no ticket that delivered it (round 18's EXPK
   logs: 'they want logs by 2pm', then '13:40 logs sent to Harmonic'; 'LeagueCo to be informed within 2h',
   then 'LeagueCo notified'; 'They need a nvidia-bug-report by EOD', then 'bug report uploaded'; 'checkpoint
   before 21:30 tonight', then '21:30 ... checkpointed'): who asks for it is no word of its subject ('they
   want'), 'within' is a deadline word of it, informing is notifying, a checkpoint is kept by 'checkpointed',
   a thing with no action word by its delivery ('sent', 'uploaded'), and a subject of one word by its own
   done form (an action) or by a delivery in an item linked to the deadline's by a name or case number that
   sends it to no other party; a hyphenated word of three parts is named by its parts after the first. At or
   before the due time it is met at that time, after it missed by the difference; a statement of intent, a
   negation, another object or another party keeps nothing.
2. A ticket whose item says it was no outage ('Not an outage, no customer impact', 'false alarm', 'false
   positive', 'no customer impact, closing') had its first response 'missed' when that item was a note, and
   its resolution judged by a later closing or never: the verdict is a triage (the first response) and
   resolves the ticket as no incident at that item, unless the ticket's later items tell of more work; a
   denied, hedged, asked or open verdict ('not a false alarm', 'possibly a false alarm', 'false alarm?', 'not
   an outage yet') is none, and in an item of several tickets it judges the one of its sentence.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import occ_lib
from occ_lib.logs import parse_logs
from occ_lib.policy import Policy
from occ_lib.sla import _no_ticket_subject, _verdict, deadline_misses, misses

FIX = Path(__file__).parent / "fixtures"
VENDOR = FIX / "round19" / "meet_a_vendor_requests.md"
TRIAGE = FIX / "round19" / "meet_b_triage_desk.md"
BROADCAST = FIX / "round18" / "expk_a_broadcast_weekend.md"
GPU = FIX / "round18" / "expk_b_gpu_cluster.md"
W41 = {"start": pd.Timestamp("2025-10-06", tz="UTC"), "end": pd.Timestamp("2025-10-13", tz="UTC"),
       "as_of": pd.Timestamp("2025-10-13", tz="UTC")}
SD = Policy(tickets={"SD": {"first_response": "15m", "resolution": "2h"}})


def _hm(ts) -> str | None:
    return None if pd.isna(ts) else ts.strftime("%m-%d %H:%M")


def _rows(logs, kind: str, policy: Policy | None = None, **window) -> list[list]:
    """``[line, subject, due, resolved, status, overage]`` of the SLA rows of ``kind``."""
    out = misses(logs, None, policy or Policy(), **(window or W41))
    out = out[out["kind"].eq(kind)]
    return [[int(n), s, _hm(d), _hm(r), st, None if pd.isna(o) else float(o)]
            for n, s, d, r, st, o in zip(out["line"], out["subject"], out["due_at"], out["resolved_at"],
                                         out["status"], out["overage_min"], strict=True)]


def _log(tmp_path: Path, body: str) -> object:
    p = tmp_path / "ops.md"
    p.write_text("# Ops\n\nAll times UTC.\n\n## 2025-10-07 (Tue)\n\n" + body, encoding="utf-8")
    return occ_lib.read_logs(str(p))


# 1: a deadline of no ticket kept by the later item that delivers it -----------------------------------------
def test_the_expk_logs_deadlines_are_kept_by_their_deliveries():
    # (before: all four 'missed', not resolved at as_of)
    assert [r for r in _rows(occ_lib.read_logs(str(BROADCAST)), "deadline") if r[0] in (25, 41)] == [
        [25, "(no ticket)", "10-11 19:15", "10-11 17:44", "met", 0.0],  # '18:44 LeagueCo notified' (BST)
        [41, "(no ticket)", "10-12 13:00", "10-12 12:40", "met", 0.0],  # '13:40 logs sent to Harmonic'
    ]
    assert [r for r in _rows(occ_lib.read_logs(str(GPU)), "deadline") if r[0] in (21, 42)] == [
        [21, "(no ticket)", "10-08 07:00", "10-07 18:40", "met", 0.0],  # '11:40 bug report uploaded' (PT)
        [42, "(no ticket)", "10-10 04:30", "10-10 04:30", "met", 0.0],  # '21:30 ... checkpointed' (PT)
    ]


def test_the_vendor_requests_are_judged_by_their_deliveries():
    assert _rows(occ_lib.read_logs(str(VENDOR)), "deadline") == [
        [7, "(no ticket)", "10-06 11:00", "10-06 10:40", "met", 0.0],
        # (not the logs sent to Akamai at 10:30, nor the promise at 10:45: the logs sent to Grass Valley)
        [12, "(no ticket)", "10-07 11:00", "10-07 11:25", "missed", 25.0],
        # (not Akamai notified at 17:30, nor 'will be notified' at 18:10)
        [19, "(no ticket)", "10-08 19:15", "10-08 18:44", "met", 0.0],
        # (not the bug report uploaded to another case at 12:10)
        [26, "(no ticket)", "10-09 15:00", "10-09 13:40", "met", 0.0],
        # (not 'not checkpointed yet' at 21:10)
        [32, "(no ticket)", "10-10 21:30", "10-10 21:45", "missed", 15.0],
        [38, "(no ticket)", "10-11 11:00", None, "missed", 2220.0],  # (metrics sent, not logs)
        [40, "(no ticket)", "10-11 17:00", "10-11 16:20", "met", 0.0],  # ('Partner report sent to Acme')
    ]


def test_the_detail_names_what_was_delivered():
    out = deadline_misses(occ_lib.read_logs(str(VENDOR)), **W41)
    assert out["detail"].tolist()[:2] == [
        "due 2025-10-06 11:00 UTC; 'logs' named done 2025-10-06 10:40 UTC, by the due time; 'by' in "
        "\"09:00 encoder firmware check on ENC-LON-01. Harmonic case 00457712 \u2014 they want logs by "
        "11:00.\"",
        "due 2025-10-07 11:00 UTC; 'logs' named done 2025-10-07 11:25 UTC, after the due time; 'by' in "
        "\"09:00 playout freeze on the Frankfurt server. Grass Valley case 00991234 \u2014 they want logs by "
        "11:00.\"",
    ]


@pytest.mark.parametrize(("text", "keyword", "expected"), [
    # (who asks is no word of the subject: one word, an object, linked by a name or case number)
    ("Harmonic case 00457712 \u2014 they want logs by 2pm.", "by", (("logs",), True)),
    ("They need a nvidia-bug-report by EOD.", "by", (("nvidia-bug-report",), True)),
    # (an action alone: its own done form, 'checkpointed')
    ("15:00 reminder sent: checkpoint before 21:30 tonight.", "before", ((), False)),
    # ('within' is a deadline word; informing is notifying)
    ("LeagueCo to be informed within 2h per contract clause 7.3.", "within", (("leagueco",), False)),
    ("Partner report due 17:00", "due", (("partner", "report"), False)),
    # (no thing to deliver: an ETA's, a handle's, a word that names nothing)
    ("Truck ETA 11:45 for the Coles DC outbound.", "ETA", None),
    ("Rollback plan rehearsed \u2014 @omar by Wed EOD", "by", None),
    ("Need 24 more by Oct 17 or we slip the run start.", "by", None),
    ("App Store review deadline: approval needed by Wed 10/08 5:00 PM PT.", "by", None),
])
def test_the_subject_of_a_no_ticket_deadline(text, keyword, expected):
    got = _no_ticket_subject(text, keyword)
    assert (None if got is None else (got[0], got[3])) == expected


def test_the_done_forms_of_an_action_alone_and_of_an_informed_party():
    assert _no_ticket_subject("checkpoint before 21:30 tonight", "before")[1] == frozenset({"checkpointed"})
    assert _no_ticket_subject("LeagueCo to be informed within 2h", "within")[1] == frozenset({
        "notified", "informed", "done", "completed", "complete", "finished"})


@pytest.mark.parametrize(("later", "kept"), [
    ("- 10:40 logs sent to Harmonic (00457712).", "10-07 10:40"),
    ("- 10:40 logs uploaded to the Harmonic portal.", "10-07 10:40"),
    ("- 10:40 logs sent to the vendor for case 00457712.", "10-07 10:40"),  # (linked by its case number)
    ("- 12:10 logs sent to Harmonic.", "10-07 12:10"),                     # (late: missed by 70 min)
    ("- 10:40 logs sent to Akamai (case 00457712).", None),                # (another party)
    ("- 10:40 logs sent.", None),                                          # (whose, to whom: not told)
    ("- 10:40 will send logs to Harmonic after the match.", None),         # (a statement of intent)
    ("- 10:40 Harmonic wants more logs sent.", None),                      # (a request)
    ("- 10:40 logs not sent yet, Harmonic portal down.", None),
    ("- 10:40 metrics sent to Harmonic.", None),                           # (another object)
])
def test_a_one_word_object_is_kept_by_its_delivery_to_its_party(tmp_path, later, kept):
    logs = _log(tmp_path, "- 09:00 Harmonic case 00457712 \u2014 they want logs by 11:00.\n" + later + "\n")
    [[_, _, due, resolved, status, over]] = _rows(logs, "deadline")
    assert [due, resolved, status] == ["10-07 11:00", kept,
                                       "met" if kept and kept <= "10-07 11:00" else "missed"]
    assert over == (0.0 if status == "met" else 70.0 if kept else 7980.0)


@pytest.mark.parametrize(("later", "kept"), [
    ("- 18:44 LeagueCo notified of the lost ad break.", "10-07 18:44"),
    ("- 18:44 LeagueCo informed by email.", "10-07 18:44"),
    ("- 18:44 Akamai notified of the 5xx spike.", None),                  # (another party)
    ("- 18:44 LeagueCo will be notified after the match.", None),
    ("- 18:44 LeagueCo to be notified tomorrow.", None),
])
def test_a_party_to_be_informed_is_kept_by_its_notice(tmp_path, later, kept):
    logs = _log(tmp_path, "- 17:15 no ad break in DE. LeagueCo to be informed within 2h.\n" + later + "\n")
    assert [r[3:5] for r in _rows(logs, "deadline")] == [[kept, "met" if kept else "missed"]]


@pytest.mark.parametrize(("later", "kept"), [
    ("- 13:40 bug report uploaded to #00981177.", "10-07 13:40"),
    ("- 13:40 nvidia-bug-report uploaded to #00981177.", "10-07 13:40"),
    ("- 13:40 bug-report uploaded to NVIDIA case 00981177.", "10-07 13:40"),
    ("- 13:40 bug report uploaded to #00124455.", None),    # (another case)
    ("- 13:40 report uploaded to #00981177.", None),        # ('bug report' not named)
])
def test_a_hyphenated_object_is_named_by_its_parts_after_the_first(tmp_path, later, kept):
    logs = _log(tmp_path, "- 11:00 NVIDIA support case #00981177 opened. They need a nvidia-bug-report "
                          "by 15:00.\n" + later + "\n")
    assert [r[3:5] for r in _rows(logs, "deadline")] == [[kept, "met" if kept else "missed"]]


def test_one_delivery_to_its_party_after_many_to_others_is_looked_for_so_far():
    # (the events naming a one-word object done are looked at up to 64 after the deadline: many deliveries
    # to others and many deadlines stay linear)
    def logs(others: int) -> object:
        body = "- 09:00 Harmonic case 00457712 \u2014 they want logs by 23:00.\n"
        body += "".join(f"- 10:{i % 60:02d} logs sent to Akamai{i} (case 00457712).\n" for i in range(others))
        body += "- 22:00 logs sent to Harmonic (00457712).\n"
        return parse_logs([("ops.md", "# Ops\n\n## 2025-10-07\n\n" + body)])

    assert [r[3:5] for r in _rows(logs(63), "deadline")] == [["10-07 22:00", "met"]]
    assert [r[3:5] for r in _rows(logs(64), "deadline")] == [[None, "missed"]]


# 2: a ticket that was no outage -----------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("OUT-4412 customer call: lights flickered. Not an outage, no customer impact.", "Not an outage"),
    ("OUT-4412 not an outage; closed.", "not an outage"),
    ("this wasn't an outage", "wasn't an outage"),
    ("not a real outage, closed", "not a real outage"),
    ("not an incident", "not an incident"),
    ("OPS-1 false alarm", "false alarm"),
    ("confirmed false alarm: sensor fault", "false alarm"),
    ("alert was a false positive", "false positive"),
    ("non-issue", "non-issue"),
    ("no customer impact, closing", "no customer impact"),
    ("no outage; closed", "no outage"),
    ("crew dispatched, no customer impact", None),       # ('no customer impact' alone: work goes on)
    ("OPS-5 failover done, no outage", None),
    ("no outage expected during the change", None),
    ("OPS-3 not a false alarm, paging", None),           # (denied)
    ("no false alarm this time, real 5xx", None),
    ("possibly a false alarm", None),                    # (hedged)
    ("looks like a false positive", None),
    ("checking whether this is a false alarm", None),
    ("false alarm?", None),                              # (asked)
    ("Not an outage yet, watching", None),               # (open)
    ("not an outage, but brownout on feeder 9", None),
])
def test_a_verdict_of_no_incident(text, expected):
    assert _verdict(text) == expected


def test_the_triage_desks_responses():
    assert _rows(occ_lib.read_logs(str(TRIAGE)), "response", SD) == [
        [7, "SD-5101", "10-07 08:15", "10-07 08:00", "met", 0.0],      # (the verdict is the triage)
        [9, "SD-5102", "10-07 09:15", "10-07 09:20", "missed", 5.0],   # ('possibly a false alarm': none)
        [11, "SD-5103", "10-07 10:15", "10-07 10:00", "met", 0.0],     # (the page, 'not a false alarm')
        [13, "SD-5104", "10-07 11:15", "10-07 11:00", "met", 0.0],     # (the item's first ticket's)
        [15, "SD-5105", "10-07 12:15", None, "missed", 7905.0],        # ('not an outage yet')
        [16, "SD-5106", "10-07 12:20", "10-07 12:05", "met", 0.0],     # ('No customer impact, closing')
        [18, "SD-5107", "10-07 14:15", "10-07 15:50", "missed", 95.0],  # (SD-5108's verdict, not its)
        [18, "SD-5108", "10-07 14:15", "10-07 14:00", "met", 0.0],
        [18, "SD-5109", "10-07 14:15", "10-07 15:50", "missed", 95.0],
    ]


def test_the_triage_desks_resolutions():
    assert _rows(occ_lib.read_logs(str(TRIAGE)), "resolution", SD) == [
        [7, "SD-5101", "10-07 10:00", "10-07 08:00", "met", 0.0],      # (not the closing at 08:40)
        [9, "SD-5102", "10-07 11:00", "10-07 09:20", "met", 0.0],
        [11, "SD-5103", "10-07 12:00", "10-07 10:30", "met", 0.0],
        [13, "SD-5104", "10-07 13:00", "10-07 13:15", "missed", 15.0],  # (escalated after 'False positive')
        [15, "SD-5105", "10-07 14:00", None, "missed", 7800.0],
        [16, "SD-5106", "10-07 14:05", "10-07 12:05", "met", 0.0],
        [18, "SD-5107", "10-07 16:00", "10-07 15:50", "met", 0.0],
        [18, "SD-5108", "10-07 16:00", "10-07 14:00", "met", 0.0],
        [18, "SD-5109", "10-07 16:00", "10-07 15:50", "met", 0.0],
    ]


def test_the_detail_says_the_ticket_was_no_incident():
    out = misses(occ_lib.read_logs(str(TRIAGE)), None, SD, **W41)
    out = out[out["subject"].eq("SD-5101")]
    assert out["detail"].tolist() == [
        "responded 2025-10-07 08:00 UTC, by the due time; first mention 2025-10-07 08:00 UTC, response at "
        "first mention (target 15min); triaged as no incident: 'Not an outage' (meet_b_triage_desk.md:7)",
        "resolved 2025-10-07 08:00 UTC, by the due time; first mention 2025-10-07 08:00 UTC, resolution at "
        "first mention (target 2h); resolved as no incident: 'Not an outage' (meet_b_triage_desk.md:7)",
    ]


def test_a_verdict_reopened_is_resolved_by_a_later_fix(tmp_path):
    logs = _log(tmp_path, "- 08:00 SD-1 false alarm, monitor flapping.\n- 09:00 SD-1 reopened, real errors.\n"
                          "- 09:30 SD-1 fixed, resolved.\n")
    assert _rows(logs, "resolution", SD) == [[7, "SD-1", "10-07 10:00", "10-07 09:30", "met", 0.0]]


def test_a_verdict_in_an_escalation_resolves_nothing(tmp_path):
    logs = _log(tmp_path, "- 08:00 SD-1 not an outage, escalated to the vendor for the flapping port.\n")
    assert _rows(logs, "response", SD) == [[7, "SD-1", "10-07 08:15", "10-07 08:00", "met", 0.0]]
    assert _rows(logs, "resolution", SD) == [[7, "SD-1", "10-07 10:00", None, "missed", 8040.0]]


def test_the_kind2_outage_desk_and_fiber_cut():
    # (before: OUT-4412 responded and resolved by the closing at 10:05 CT, NOC-7722 neither)
    w41_ct = {"start": pd.Timestamp("2025-10-06T05:00Z"), "end": pd.Timestamp("2025-10-13T05:00Z"),
              "as_of": pd.Timestamp("2025-10-13T05:00Z")}
    desk = occ_lib.read_logs(str(FIX / "round18" / "kind2_a_outage_desk.md"))
    out_policy = Policy(tz="America/Chicago", tickets={"OUT": {"first_response": "10m", "resolution": "3h"}})
    assert [r for k in ("response", "resolution") for r in _rows(desk, k, out_policy, **w41_ct)
            if r[1] == "OUT-4412"] == [
        [12, "OUT-4412", "10-07 11:30", "10-07 11:20", "met", 0.0],
        [12, "OUT-4412", "10-07 14:20", "10-07 11:20", "met", 0.0],
    ]
    fiber = occ_lib.read_logs(str(FIX / "round18" / "kind2_b_fiber_cut.md"))
    noc = Policy(tickets={"NOC": {"first_response": "5m", "resolution": "4h"}})
    assert [r for k in ("response", "resolution") for r in _rows(fiber, k, noc, **w41_ct)
            if r[1] == "NOC-7722"] == [
        [19, "NOC-7722", "10-08 05:05", "10-08 05:00", "met", 0.0],
        [19, "NOC-7722", "10-08 09:00", "10-08 05:00", "met", 0.0],
    ]
