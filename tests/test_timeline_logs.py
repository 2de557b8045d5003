"""Escalation timelines from real log files (occ_lib.logs.read_logs): files in ET, PT and UTC interleave
by their UTC instants; the bundled sample gives its re-escalation at the right instant and level."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from occ_lib import timeline
from occ_lib.logs import read_logs

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "feedback" / "integrations.md"

ET_LOG = """## 2025-10-09 Infra chase
- 19:20 ET: followed up on OCC-INF-221 with infra in #infra-requests.
- 21:05 ET: escalated OCC-INF-221 to the infra manager.
"""
PT_LOG = """## 2025-10-09 Platform notes
- 16:30 PT: pinged infra about OCC-INF-221.
- 17:45 PT: OCC-INF-221 credentials delivered and verified.
"""
UTC_LOG = """## 2025-10-09 Deploy desk
- 23:25 UTC: DEPLOY-147 follow-up in #deploy-ops, copying OCC-INF-221.

## 2025-10-10 Deploy desk
- 00:50 UTC: OCC-INF-221 confirmed closed on our side.
"""


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def write_logs(folder: Path) -> dict[str, str]:
    paths = {}
    for name, text in (("et.md", ET_LOG), ("pt.md", PT_LOG), ("utc.md", UTC_LOG)):
        p = folder / name
        p.write_text(text, encoding="utf-8")
        paths[name] = str(p)
    return paths


def test_order_across_files_written_in_et_pt_and_utc(tmp_path):
    paths = write_logs(tmp_path)
    logs = read_logs([paths["utc.md"], paths["pt.md"], paths["et.md"]])
    tl = timeline.escalations(logs, ["OCC-INF-221"])
    got = [(r.at, Path(r.source).name, r.line) for r in tl.itertuples()]
    assert got == [
        (ts("2025-10-09 23:20"), "et.md", 2),  # 19:20 EDT
        (ts("2025-10-09 23:25"), "utc.md", 2),
        (ts("2025-10-09 23:30"), "pt.md", 2),  # 16:30 PDT
        (ts("2025-10-10 00:45"), "pt.md", 3),  # 17:45 PDT, the next UTC day
        (ts("2025-10-10 00:50"), "utc.md", 5),
        (ts("2025-10-10 01:05"), "et.md", 3),  # 21:05 EDT, the next UTC day
    ]
    assert str(tl["at"].dtype) == "datetime64[us, UTC]"
    deploy = timeline.escalations(logs, ["DEPLOY-147"])
    assert [(r.at, Path(r.source).name, r.line) for r in deploy.itertuples()] == [
        (ts("2025-10-09 23:25"), "utc.md", 2)
    ]


def test_order_does_not_depend_on_the_order_files_are_given(tmp_path):
    paths = write_logs(tmp_path)
    a = timeline.escalations(read_logs([paths["et.md"], paths["pt.md"], paths["utc.md"]]))
    b = timeline.escalations(read_logs([paths["pt.md"], paths["utc.md"], paths["et.md"]]))
    cols = ["ticket", "at", "source", "line"]
    assert a[cols].equals(b[cols])
    assert len(a) == 7  # six OCC-INF-221 rows and one DEPLOY-147 row


def test_summary_first_seen_and_age_across_zones(tmp_path):
    paths = write_logs(tmp_path)
    logs = read_logs(list(paths.values()))
    s = timeline.summary(logs, "2025-10-10T00:00:00Z", ["OCC-INF-221"]).iloc[0]
    assert s["first_seen"] == ts("2025-10-09 23:20")
    assert s["open_age"] == pd.Timedelta(minutes=40)


def test_sample_timeline_has_the_re_escalation_at_1720_level_2():
    logs = read_logs([str(SAMPLE)])
    tl = timeline.escalations(logs)
    assert set(tl["ticket"]) == {"DEPLOY-147", "OCC-INF-221", "HS-44721"}
    n_timed = int(tl["at"].notna().sum())
    assert tl["at"].iloc[:n_timed].notna().all()  # undated rows, if any, come last
    assert tl["at"].iloc[:n_timed].is_monotonic_increasing
    row = tl[tl["text"].str.contains("manager re-escalated at 17:20 UTC")]
    assert row["ticket"].tolist() == ["OCC-INF-221"]
    assert row["at"].tolist() == [ts("2025-10-10 17:20")]
    assert row["level"].tolist() == [2]


def test_a_reopened_ticket_is_open_until_a_later_resolution():
    from occ_lib.logs import parse_log

    text = (
        "## 2025-10-07\n- 09:00 PAY-1 opened\n- 10:00 PAY-1 fixed and closed\n- 15:00 PAY-1 re-opened\n"
        "## 2025-10-08\n- 09:00 PAY-1 resolved for good\n- 10:00 PAY-2 opened\n- 11:00 PAY-2 resolved\n"
        "- 12:00 PAY-2 regressed, reopening\n"
    )
    logs = parse_log(text, "x.md")
    s = timeline.summary(logs, as_of="2025-10-09").set_index("ticket")
    assert s.loc["PAY-1", "resolved_at"] == ts("2025-10-08 09:00")
    assert s.loc["PAY-1", "time_to_resolve"] == pd.Timedelta(hours=24)
    assert s.loc["PAY-1", "status"] == "resolved"
    assert pd.isna(s.loc["PAY-2", "resolved_at"]) and s.loc["PAY-2", "status"] == "open"
    assert s.loc["PAY-2", "open_age"] == pd.Timedelta(hours=14)
    before = timeline.summary(logs, as_of="2025-10-07T12:00Z").set_index("ticket")
    assert before.loc["PAY-1", "status"] == "resolved"
