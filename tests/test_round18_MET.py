"""Round 18 (MET): deadlines and resolutions judged by what the item itself says was done, and when.

What the logs showed: a promise kept in its own item was judged missed ('OPS-7 export by 16:00 — sent
15:41': nothing but the ticket's fix kept a ``by`` deadline); a resolution written with its own time and
no clause break before it ('21:15 BCST-1 resolved 21:20') was read at the item's stamp; and a past
'restored by 10:37' after the outage's stamped step ('failover started, service restored by 10:37') was
a deadline missed, where it tells when the service came back ('will be restored by 10:37' stays one); and a
report delivered resolved its ticket ('T+1 settlement report delivered to treasury (FIN-884)'), a day
before the fix was closed: it keeps the report's deadline, not the ticket's resolution."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import occ_lib
from occ_lib._extract import classify, keywords
from occ_lib.logs import parse_log
from occ_lib.policy import Policy
from occ_lib.sla import misses
from tests.log_rows import W41_UTC, short_event_rows, sla_deadline_rows, text_deadline_rows

BROADCAST = Path(__file__).parent / "fixtures" / "round18" / "expk_a_broadcast_weekend.md"
PAYMENTS = Path(__file__).parent / "fixtures" / "round18" / "expj_a_payments_oncall.md"
POLICY = Policy(tickets={"OPS": {"resolution": "1d"}, "DB": {"resolution": "1d"},
                         "BCST": {"resolution": "1d"}})


def _sla(text: str) -> list[list]:
    """``[kind, subject, 'MM-DD HH:MM' due, resolved ('MM-DD HH:MM' or None), status]`` of each SLA row."""
    out = misses(parse_log(text, "x.md"), None, POLICY, **W41_UTC)
    return [[k, s, d.strftime("%m-%d %H:%M"), None if pd.isna(r) else r.strftime("%m-%d %H:%M"), st]
            for k, s, d, r, st in zip(out["kind"], out["subject"], out["due_at"], out["resolved_at"],
                                      out["status"], strict=True)]


# 1: a by-deadline its own item says was sent before it ----------------------------------------------
def test_a_deadline_sent_in_its_own_item_is_met_then():
    text = ("## 2025-10-08\n"
            "- 14:10 OPS-7 export by 16:00 — sent 15:41, acked by Marta.\n"
            "- 14:12 OPS-8 export by 16:00 (OPS-8) — delivered at 15:50\n"
            "- 14:15 OPS-9 export by 16:00 — sent reminder to the vendor\n"
            "- 14:16 OPS-10 export by 16:00, to be sent 15:41\n"
            "- 14:17 OPS-11 export by 16:00 — not sent 15:41\n")
    assert [r for r in _sla(text) if r[0] == "deadline"] == [
        ["deadline", "OPS-10", "10-08 16:00", None, "missed"],  # (to be sent)
        ["deadline", "OPS-11", "10-08 16:00", None, "missed"],  # (not sent)
        ["deadline", "OPS-7", "10-08 16:00", "10-08 15:41", "met"],  # (before: missed)
        ["deadline", "OPS-8", "10-08 16:00", "10-08 15:50", "met"],  # (before: missed)
        ["deadline", "OPS-9", "10-08 16:00", None, "missed"],  # (no time: nothing told sent)
    ]


def test_the_broadcast_logs_running_order_sent_before_its_deadline_is_met():
    # 'LeagueCo needs the final running order by 16:00 BST (BCST-4410) — sent 15:41, acked by Marta.'
    rows = sla_deadline_rows(occ_lib.read_logs(str(BROADCAST)))
    assert rows[0] == [13, "BCST-4410", "10-11 15:00", "met"]  # (before: missed)


# 2: a resolution with its own time right after the verb -----------------------------------------------
def test_a_resolution_written_with_its_own_time_is_at_that_time():
    text = ("## 2025-10-08\n"
            "- 09:00 BCST-1 outage\n"
            "- 21:15 BCST-1 resolved 21:20\n"
            "- 09:30 BCST-2 outage\n"
            "- 09:40 BCST-2 resolved at 21:20\n"
            "- 09:45 BCST-3 will be resolved 21:20\n"
            "- 09:50 BCST-4 fixed @ 10:05\n")
    assert short_event_rows(text) == [
        [2, "10-08 09:00", "status", 0, ["BCST-1"]],
        [3, "10-08 21:15", "note", 0, ["BCST-1"]],
        [3, "10-08 21:20", "resolved", 0, ["BCST-1"]],  # (before: one event, resolved at 21:15)
        [4, "10-08 09:30", "status", 0, ["BCST-2"]],
        [5, "10-08 09:40", "note", 0, ["BCST-2"]],
        [5, "10-08 21:20", "resolved", 0, ["BCST-2"]],  # (before: resolved at 09:40)
        [6, "10-08 09:45", "plan", 0, ["BCST-3"]],
        [7, "10-08 09:50", "note", 0, ["BCST-4"]],
        [7, "10-08 10:05", "resolved", 0, ["BCST-4"]],
    ]
    assert _sla(text) == [
        ["resolution", "BCST-1", "10-09 09:00", "10-08 21:20", "met"],
        ["resolution", "BCST-2", "10-09 09:30", "10-08 21:20", "met"],
        ["resolution", "BCST-3", "10-09 09:45", None, "missed"],
        ["resolution", "BCST-4", "10-09 09:50", "10-08 10:05", "met"],
    ]


# 3: a past 'restored by' after the outage's stamped step ----------------------------------------------
def test_restored_by_after_a_stamped_step_tells_when_it_was_restored():
    text = ("## 2025-10-08\n"
            "- 10:12Z DB-42 failover started, service restored by 10:37\n"
            "- 10:13Z DB-43 failover started, restored by 10:37\n"
            "- 10:15Z DB-44 failover started, will be restored by 10:37\n"
            "- 10:16Z DB-45 restored by 10:37\n")
    assert short_event_rows(text) == [
        [2, "10-08 10:12", "note", 0, ["DB-42"]],
        [2, "10-08 10:37", "resolved", 0, ["DB-42"]],  # (before: a deadline at 10:37)
        [3, "10-08 10:13", "note", 0, ["DB-43"]],
        [3, "10-08 10:37", "resolved", 0, ["DB-43"]],
        [4, "10-08 10:15", "plan", 0, ["DB-44"]],
        [5, "10-08 10:16", "deadline", 0, ["DB-45"]],
    ]
    assert text_deadline_rows(text) == [
        [4, ["DB-44"], "10-08 10:37", "by", False],
        [5, ["DB-45"], "10-08 10:37", "by", False],
    ]
    assert _sla(text) == [
        ["deadline", "DB-44", "10-08 10:37", None, "missed"],
        ["deadline", "DB-45", "10-08 10:37", None, "missed"],
        ["resolution", "DB-42", "10-09 10:12", "10-08 10:37", "met"],
        ["resolution", "DB-43", "10-09 10:13", "10-08 10:37", "met"],
        ["resolution", "DB-44", "10-09 10:15", None, "missed"],
        ["resolution", "DB-45", "10-09 10:16", None, "missed"],
    ]


# 4: a report delivered keeps the report's deadline, not the ticket's fix ------------------------------
def test_a_report_delivered_resolves_no_ticket():
    texts = ["T+1 settlement report delivered to treasury (FIN-884)", "OPS-1 reports were delivered",
             "FIN-884 fix delivered", "OPS-2 delivered", "OPS-3 report delivered, fix delivered"]
    assert [classify(t, keywords(t), False)[0] for t in texts] == [
        "note", "note", "resolved", "resolved", "resolved"]


def test_the_payments_logs_report_keeps_its_deadline_and_fin_884_resolves_when_closed():
    text = ("## 2025-10-08\n"
            "- 09:00 OPS-4 treasury wants the settlement report by 10:00\n"
            "- 09:58 settlement report delivered to treasury (OPS-4)\n"
            "- 11:00 OPS-4 closing OPS-4\n")
    assert _sla(text) == [
        ["deadline", "OPS-4", "10-08 10:00", "10-08 09:58", "met"],
        ["resolution", "OPS-4", "10-09 09:00", "10-08 11:00", "met"],  # (before: resolved at 09:58)
    ]
    logs = occ_lib.read_logs(str(PAYMENTS))
    out = misses(logs, None, Policy(tz="America/New_York", tickets={"FIN": {"resolution": "3d"}}),
                 start=pd.Timestamp("2025-10-06T04:00Z"), end=pd.Timestamp("2025-10-13T04:00Z"),
                 as_of=pd.Timestamp("2025-10-13T04:00Z"))
    out = out[out["subject"].eq("FIN-884")]
    assert [[k, int(n), d.strftime("%m-%d %H:%M"), r.strftime("%m-%d %H:%M"), st]
            for k, n, d, r, st in zip(out["kind"], out["line"], out["due_at"], out["resolved_at"],
                                      out["status"], strict=True)] == [
        ["deadline", 27, "10-08 02:00", "10-08 01:48", "met"],
        ["deadline", 25, "10-08 14:00", "10-08 13:58", "met"],  # (the report, delivered 09:58 ET)
        ["resolution", 16, "10-09 20:50", "10-09 15:10", "met"],  # (before: 10-08 13:58, the report)
    ]
