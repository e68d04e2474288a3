"""Plain values read from curated YAML that was loaded loosely (drafts, sidecars read for hints)."""

from __future__ import annotations

import datetime as dt


def as_date(value: object) -> dt.date | None:
    """A date given as a date or as ISO text; None for anything else."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None
