"""Compile a parsed dataset into the release tables (raw values; ``validate`` types them).

Rows are sorted by primary key and columns put in release order, so the same inputs always
give the same tables.
"""

from __future__ import annotations

import pandas as pd

from tollbook.contract.problems import Problem
from tollbook.contract.schemas import TABLES, column_order, primary_key
from tollbook.extract.compile_claims import compile_claims
from tollbook.extract.compile_codings import compile_source_codings
from tollbook.extract.compile_documents import compile_documents, compile_events
from tollbook.extract.compile_reference import compile_reference
from tollbook.extract.dataset import Dataset


def _frame(table: str, rows: list[dict] | pd.DataFrame) -> pd.DataFrame:
    model = TABLES[table]
    columns = column_order(model)
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows, columns=columns)
    frame = frame.reindex(columns=columns)
    key = primary_key(model)
    sortable = frame[key].astype("str").fillna("")
    order = sortable.sort_values(key, kind="stable").index
    return frame.loc[order].reset_index(drop=True)


def compile_tables(ds: Dataset) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Every release table from the dataset, and the problems compiling found."""
    raw: dict[str, list[dict] | pd.DataFrame] = dict(compile_reference(ds))
    raw["documents"] = compile_documents(ds)
    raw["events"] = compile_events(ds)
    claim_tables, problems = compile_claims(ds)
    raw.update(claim_tables)
    raw["tombstones"] = ds.removals if ds.removals is not None else []
    raw["source_codings"], found = compile_source_codings(ds)
    problems = problems + found
    # tables the derive stage makes (event_tallies, claimant_tallies) start empty here
    return {name: _frame(name, raw.get(name, [])) for name in TABLES}, problems
