"""What every cross-table rule gets: the typed tables, the source texts and where ids were written."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from tollbook.extract.origins import Origins, record_field
from tollbook.extract.sources import Source

from tollbook.problems import Problem


@dataclass
class RuleContext:
    tables: dict[str, pd.DataFrame]
    sources: dict[str, Source]
    origins: Origins

    def problem(self, record_id: str | None, field: str | None, code: str, message: str,
                origin_id: str | None = None) -> Problem:
        file, line = self.origins.locate(origin_id or record_id, field)
        return Problem(file, line, record_id, record_field(file, field), code, message)


def present(value) -> bool:
    """True for a real value, False for None / NA / NaT."""
    if value is None:
        return False
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True
