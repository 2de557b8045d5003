"""Benchmark of the log reader on hostile input: single items and files built from one phrase repeated
thousands of times (times, weekdays, EODs, URLs, code spans, tickets, tables, headings, nesting).

Real logs never look like this, but a pasted blob can, and the reader must stay linear: every case
prints its size, its wall time for ``parse_log`` and what it found. Goal: every case under 5 s.

Usage: ``python bench/hostile.py [--scale 1.0]``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from occ_lib.logs import parse_log  # noqa: E402

DAY = "## 2025-10-09\n- "


def cases(scale: float) -> dict[str, str]:
    n = max(1, int(10_000 * scale))
    return {
        "times in one list": DAY + "09:00 and " * (2 * n) + "10:00 ET\n",
        "weekdays and times": DAY + "Friday 09:00 Monday " * n + "\n",
        "EOD with weekdays": DAY + " EOD Friday by EOD " * n + "\n",
        "noon and midnight": DAY + "noon ET tomorrow midnight " * n + "\n",
        "ranges": DAY + "from 09:00 until 10:00 ET " * n + "\n",
        "URLs with digits": DAY + "https://a.test/1 09:00 " * (2 * n) + "\n",
        "code spans and digits": DAY + "`x` 09:00 " * (2 * n) + "\n",
        "relative days": DAY + "today 09:00, " * (2 * n) + "\n",
        "slash dates": DAY + "10/10 09:00 and 3/4 at 10:00 " * n + "\n",
        "placeholders": DAY + "ETA TBD [???] 09:00 " * n + "\n",
        "tickets": DAY + "DEPLOY-147 OCC-INF-221 " * (2 * n) + "\n",
        "table rows": "## 2025-10-09\n| Time (UTC) | T |\n|---|---|\n" + "| 09:00 | DEPLOY-147 |\n" * (2 * n),
        "nested items": "## 2025-10-09\n"
        + "".join("  " * i + f"- DEPLOY-{i} at 09:00\n" for i in range(n // 5)),
        "year-less headings": "".join(f"## Oct {i % 28 + 1}\n- a at 09:00\n" for i in range(2 * n)),
        "one long line": "x" * (300 * n),
        "plain-text log": "".join(f"2025-10-{i % 28 + 1:02d}\n====\n09:00 a\n[10:00] b\n=== x ===\n"
                                  for i in range(n)),
        "dates next to EOD": DAY + "by Tue 10/14 EOD and Oct 15 EOD " * n + "\n",
        "weekday deadlines": DAY + "due Friday, ETA Wednesday " * n + "\n",
        "EOW and next weekdays": DAY + "ETA EOW, next Friday 09:00, this Monday " * n + "\n",
        "bare-hour ranges": DAY + "2-4pm ET and 11 to 1am " * n + "\n",
        "HTML comments": DAY + "<!-- 09:00 ETA 10:00 --> x " * n + "\n<!--\n" + "- 09:00\n" * n,
        "struck deadlines": DAY + "~~ETA 12:00~~ ETA 14:00 " * n + "\n",
        "headings with zones": "".join(f"{'#' * (i % 5 + 2)} 2025-10-09 (times JST)\n- 09:00 x\n"
                                       for i in range(2 * n)),
        "dates then times": DAY + "ETA Oct 10 by noon, Friday 10 Oct before 17:00 ET; " * n + "\n",
        "short weekdays": DAY + "ETA Fri 3pm ET, Sat with Sun at 14:00, THU " * n + "\n",
        "date ranges": DAY + "Oct 10 09:00-10:00 ET, 10/10 09:00-10:00 " * n + "\n",
        "header lines": "# Report\n" + "**Detected:** 2025-10-09 14:02 CEST\n**Severity:** SEV-2\n" * n,
        "slash deadlines": DAY + "due 10/14, ETA: 10/14/2025, 3/4 nodes " * n + "\n",
        "chat messages": "# Thread\n## 2025-10-09\n" + "alice  9:41 AM\ndeploy of PAY-9, ETA 10:30\n" * n,
        "e-mail paragraphs": "Sent: Thursday, October 9, 2025 4:12 PM\n\n" + (
            "CHG-880 is re-scheduled for Monday 10/13 at 9:00 AM CT, sign-off due Friday 10/10 5pm.\n"
            "I escalated the vendor delay to our VP Eng this morning.\n\nThanks,\n\n"
        ) * n,
        "moved deadlines": DAY + "ETA moved from 10/8 → 10/10, 14:00 -> 16:00 " * n + "\n",
        "standup labels": DAY + "- Yesterday: merged PLAT-88 at 4:45 PM, 5p sync\n- 5p x\n" * n,
        "outline days": "# Journal\n" + "- [[2025-10-08]]\n    - 09:00 DATA-7 load, ETA 18:00 UTC\n" * n,
        "one long paragraph": "## 2025-10-09\n" + "PAY-9 at 14:00 UTC, ETA 15:00 then " * n + "\n",
        # this evening's shapes: one item of many steps, status page updates, missed and replaced
        "many steps": DAY + "- INC-1 " + "paged 09:00 UTC; resolved 09:30 UTC, " * n + "\n",
        "status page": "# History\n" + "**Resolved**\nFixed. Next update by 14:45 EDT.\n"
        "Posted Oct 09, 2025 - 14:51 EDT\n\n" * n,
        "missed and now": DAY + "- missed the 10:30 update, ETA now 11:15; blew 3/11/2025 " * n + "\n",
        # session 18: a freeze's start looked for 'announced' anywhere in the item, once per mention
        "freezes not announced": DAY + "done; code freeze Thu 18:00 PT; " * n + "\n",
        "missed hours and ETAs": DAY + "3 missed hours backfilling, ETA 17:00; " * n + "\n",
        # ... an 'until' looked for a freeze in the whole item, once per mention
        "away until": DAY + "PLAT-4 Kim on parental leave until Oct 30, so the fix waits. " * n + "\n",
        # ... an item read again once per closure or put-off escalation (RecursionError at ~1,000)
        "market closures": DAY + "10:00 OPS-2 closed, market closed too; " * n + "\n",
        "conditional escalations": DAY + "escalated to the director; will escalate to the CTO if no answer; "
        * n + "\n",
        # ... a deadline's meridiem and promise words searched in the whole item, once per deadline
        "cutoffs": DAY + "ACH cutoff 16:45 ET; Fedwire closes 18:00 ET. " * n + "\n",
        "checkpoints if no answer": DAY + "16:40 OPS-4 if no answer before 09:00 UTC checkpoint, page. " * n
        + "\n",
        # ... a ticket's move looked through every earlier row for its plan (a file of moves)
        "moves of a ticket": "## 2025-10-09\n" + "- 10:00 REL-901 slipped to Oct 22\n" * n,
        # ... a miss looked for in the whole rest of the item, once per deadline missed
        "missed cut-offs": DAY + "15:35 AusPost cut-off missed by 5 min; driver waited, 1,120 consignments "
        "collected at 15:41. " * n + "\n",
        # session 22: a 24-hour log's item searched whole for a year's word once per bare 20xx in it
        "24-hour targets": "# Log\nAll times are Perth time (AWST, UTC+8). 24-hour clock.\n\n" + DAY
        + "Will miss the 1600 target, new target 2000; " * n + "\n",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="repeat count, 1.0 = 10,000 (default)")
    args = ap.parse_args(argv)
    worst = 0.0
    print(f"{'case':24s} {'MB':>6s} {'seconds':>8s} {'events':>7s} {'deadlines':>9s} {'problems':>8s}")
    for name, text in cases(args.scale).items():
        t0 = time.perf_counter()
        logs = parse_log(text, "hostile.md")
        took = time.perf_counter() - t0
        worst = max(worst, took)
        print(f"{name:24s} {len(text) / 1e6:6.2f} {took:8.2f} {len(logs.events):7d} {len(logs.deadlines):9d} "
              f"{len(logs.problems):8d}", flush=True)
    print(f"goal: every case under 5 s (slowest {worst:.2f} s): {'met' if worst < 5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
