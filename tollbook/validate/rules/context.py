"""What every cross-table rule gets: the typed tables, the source texts, where ids were written,
and for the rules against the previous release, the release being built and the catalogued ones."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from tollbook.contract.problems import Problem
from tollbook.extract.origins import Origins, record_field
from tollbook.extract.record_format import ReleaseSpec
from tollbook.extract.sources import Source


@dataclass(frozen=True)
class ReleaseHistory:
    """The catalogued releases as the rules against them see them (read by
    ``tollbook.release.history.release_history``, which checks the catalogue first)."""

    folder: Path
    #: releases/index.json's entries (version, date_released, ...), oldest first
    catalogue: tuple[dict, ...]
    #: the newest catalogued version older than the one being built (None for a first release)
    previous: str | None = None
    #: the previous release's ids: table → ids, for every table with stable ids
    ids: dict[str, frozenset[str]] = field(default_factory=dict)
    #: the previous release's tombstones table, one dict per row
    tombstones: tuple[dict, ...] = ()
    today: dt.date = field(default_factory=dt.date.today)


@dataclass
class RuleContext:
    tables: dict[str, pd.DataFrame]
    sources: dict[str, Source]
    origins: Origins
    #: reference tables whose file could not be read; references into them are not checked
    unreadable: frozenset[str] = frozenset()
    #: dataset/release.yaml, and the releases it is compared with (None: not compared)
    release: ReleaseSpec | None = None
    history: ReleaseHistory | None = None
    _claim_rows: dict | None = field(default=None, repr=False)

    def inherited(self, table: str, row, columns: tuple[str, ...]) -> bool:
        """True when a figure row took ``columns`` from its claim unchanged, so a problem with
        them is reported once, on the claim that wrote them."""
        if table == "claims" or not hasattr(row, "claim_id"):
            return False
        if self._claim_rows is None:
            self._claim_rows = {r.claim_id: r for r in self.tables["claims"].itertuples(index=False)}
        claim = self._claim_rows.get(row.claim_id)
        if claim is None:
            return False
        for name in columns:
            mine, theirs = getattr(row, name), getattr(claim, name, None)
            if present(mine) != present(theirs) or (present(mine) and mine != theirs):
                return False
        return True

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
