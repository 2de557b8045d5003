"""Helpers of the log tests: a table of the log reader as short rows to compare whole."""

from __future__ import annotations

import pandas as pd


def deadline_rows(dl: pd.DataFrame) -> list[list]:
    """Each deadline as ``[line, tickets, 'MM-DD HH:MM' (None without a due time), keyword, missed]``."""
    return [
        [line, list(t), None if pd.isna(d) else d.strftime("%m-%d %H:%M"), kw, bool(m)]
        for line, t, d, kw, m in zip(
            dl["line"], dl["tickets"], dl["due_at"], dl["keyword"], dl["stated_missed"], strict=True
        )
    ]
