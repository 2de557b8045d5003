"""Regenerate the synthetic-check JSON files in ``monitoring/`` (deterministic: fixed seed).

Documentation, not part of occ: the files are committed and occ reads them with ``occ import``.
Two checks every 30 minutes from 2025-10-06 to 2025-10-12 (UTC), like the product team's monitor:
``staging-app-mock`` (``/app?mock=1``: 200, a few slow answers and rare 502/503/timeouts) and
``staging-app-live`` (``/app?mock=0``: 410 until DEPLOY-147 ships on 2025-10-11 15:00 UTC, then 200).
Days 06-08 use one JSON layout (``{"results": [...]}``, camelCase, ms), days 09-12 another (a list,
snake_case, seconds), as two versions of the monitor did; ``synthetic-check-2025-10-10T04-40-48.296Z.json``
is the single green smoke check the integrations log forwards.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

OUT = Path(__file__).parent / "monitoring"
BASE = "https://hotdash-staging.fly.dev"
LIVE_FROM = datetime(2025, 10, 11, 15, 0, tzinfo=UTC)


def _check(rng: random.Random, name: str, at: datetime) -> dict:
    latency = rng.lognormvariate(5.2, 0.35)  # median ~180 ms
    if rng.random() < 0.06:
        latency = rng.uniform(850, 2600)  # slow answers
    status: int | None = 200
    error = None
    if name == "staging-app-live" and at < LIVE_FROM:
        status = 410
    elif rng.random() < 0.015:
        status = rng.choice([502, 503])
    elif rng.random() < 0.006:
        status, error, latency = None, "ETIMEDOUT: request timed out after 10000 ms", 10000.0
    return {"name": name, "status": status, "latency": round(latency, 1), "error": error,
            "at": at + timedelta(milliseconds=rng.randint(0, 999))}


def _layout_a(c: dict) -> dict:
    path = "/app?mock=1" if c["name"].endswith("mock") else "/app?mock=0"
    out = {"check": c["name"], "url": BASE + path, "statusCode": c["status"],
           "success": c["status"] is not None and 200 <= c["status"] < 300, "latencyMs": c["latency"],
           "checkedAt": c["at"].isoformat(timespec="milliseconds").replace("+00:00", "Z")}
    if c["error"]:
        out["error"] = c["error"]
    return out


def _layout_b(c: dict) -> dict:
    path = "/app?mock=1" if c["name"].endswith("mock") else "/app?mock=0"
    out = {"name": c["name"], "endpoint": BASE + path, "status": c["status"],
           "ok": c["status"] is not None and 200 <= c["status"] < 300,
           "duration_s": round(c["latency"] / 1000.0, 4),
           "timestamp": c["at"].isoformat(timespec="milliseconds").replace("+00:00", "Z")}
    if c["error"]:
        out["error"] = c["error"]
    return out


def main() -> None:
    rng = random.Random(20251006)
    OUT.mkdir(parents=True, exist_ok=True)
    for day in range(6, 13):
        start = datetime(2025, 10, day, tzinfo=UTC)
        checks = [
            _check(rng, name, start + timedelta(minutes=30 * i, seconds=7 if name.endswith("live") else 2))
            for i in range(48) for name in ("staging-app-mock", "staging-app-live")
        ]
        end = start + timedelta(hours=23, minutes=59)
        stamp = end.strftime("%Y-%m-%dT%H-%M-%SZ")
        if day <= 8:
            doc: object = {"monitor": "hotdash-staging smoke", "version": 1,
                           "results": [_layout_a(c) for c in checks]}
        else:
            doc = [_layout_b(c) for c in checks]
        (OUT / f"synthetic-check-{stamp}.json").write_text(json.dumps(doc, indent=1) + "\n")
    smoke = {"check": "staging-app-mock", "url": BASE + "/app?mock=1", "statusCode": 200, "success": True,
             "latencyMs": 212.4, "checkedAt": "2025-10-10T04:40:48.296Z"}
    (OUT / "synthetic-check-2025-10-10T04-40-48.296Z.json").write_text(json.dumps(smoke, indent=1) + "\n")


if __name__ == "__main__":
    main()
