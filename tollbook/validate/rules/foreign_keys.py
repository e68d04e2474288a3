"""Every reference resolves: the ``references`` metadata on model fields declares them."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.contract.schemas import TABLES, primary_key
from tollbook.validate.rules.context import RuleContext, present


def foreign_keys() -> list[tuple[str, str, str, str]]:
    """(table, column, referenced table, referenced column) for every declared reference."""
    out = []
    for table, model in TABLES.items():
        for name, column in model.to_schema().columns.items():
            ref = (column.metadata or {}).get("references")
            if ref:
                ref_table, ref_column = ref.split(".")
                out.append((table, name, ref_table, ref_column))
    return out


def _values(cell) -> list:
    if isinstance(cell, list | tuple) or hasattr(cell, "tolist") and not isinstance(cell, str):
        return [v for v in list(cell) if present(v)]
    return [cell] if present(cell) else []


def _unresolved(column: pd.Series, known) -> np.ndarray:
    """Rows holding at least one present value outside ``known`` (lists are looked into),
    found with set operations on whole columns rather than row by row."""
    values = column.reset_index(drop=True)
    if len(values) and not _is_scalar_column(values):
        values = values.explode()
    bad = values.notna().to_numpy(dtype=bool, na_value=False).copy()
    wanted: pa.Array = pa.array(values[bad].astype("str"))  # Arrow-backed: no copy, and no Python loop
    value_set = known if isinstance(known, pa.Array) else pa.array([str(k) for k in known], pa.string())
    if pa.types.is_large_string(wanted.type):
        wanted = wanted.cast(pa.string())
    bad[bad] = ~pc.is_in(wanted, value_set=value_set).to_numpy(zero_copy_only=False)
    rows = np.zeros(len(column), dtype=bool)
    rows[values.index.to_numpy()[bad]] = True
    return rows


def _is_scalar_column(values: pd.Series) -> bool:
    if isinstance(values.dtype, pd.ArrowDtype):
        return not pa.types.is_list(values.dtype.pyarrow_dtype)
    if values.dtype != object:
        return True
    first = values.dropna()
    return first.empty or not isinstance(first.iloc[0], list | tuple | np.ndarray)


@raises(Code.FOREIGN_KEY)
def check_foreign_keys(ctx: RuleContext) -> list[Problem]:
    from tollbook.extract.compile_reference import REFERENCE_TABLES, origin_key

    problems = []
    targets: dict[tuple[str, str], pa.Array] = {}  # each referenced column read once
    for table, column, ref_table, ref_column in foreign_keys():
        if ref_table in ctx.unreadable:
            continue  # the unreadable file is reported; every reference into it would repeat that
        frame = ctx.tables[table]
        if frame.empty or not frame[column].notna().any():
            continue  # nothing refers (most columns of a small dataset: each check costs ms)
        if (ref_table, ref_column) not in targets:
            values = ctx.tables[ref_table][ref_column].dropna().astype("str").drop_duplicates()
            targets[ref_table, ref_column] = pa.array(values).cast(pa.string())
        target = targets[ref_table, ref_column]
        key = primary_key(TABLES[table])[0]
        unresolved = _unresolved(frame[column], target)
        if not unresolved.any():
            continue
        frame = frame[unresolved]  # rows to report
        known = set(target.to_pylist()) if len(frame) else set()
        row_tuple: Any  # a row of the frame's columns
        for row_tuple in frame.itertuples(index=False):
            row = row_tuple._asdict()
            if column in ("location_id", "event_id") and ctx.inherited(table, row_tuple, (column,)):
                continue  # reported on the claim the figure inherits it from
            for value in _values(row[column]):
                if str(value) in known:
                    continue
                record_id = str(row[key])
                origin = origin_key(table, row) if table in REFERENCE_TABLES else record_id
                problems.append(ctx.problem(
                    record_id, column, Code.FOREIGN_KEY,
                    f"{column} {value!r} is not a known {ref_table}.{ref_column}",
                    origin_id=origin))
    return problems


__all__ = ["check_foreign_keys", "foreign_keys"]
