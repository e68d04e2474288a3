"""Every reference resolves: the ``references`` metadata on model fields declares them."""

from __future__ import annotations

import pandas as pd
from tollbook.validate.rules.context import RuleContext, present
from tollbook.validate.schemas import TABLES, primary_key

from tollbook.problems import Problem


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


def check_foreign_keys(ctx: RuleContext) -> list[Problem]:
    from tollbook.extract.compile_reference import REFERENCE_TABLES, origin_key

    problems = []
    for table, column, ref_table, ref_column in foreign_keys():
        frame = ctx.tables[table]
        known = set(ctx.tables[ref_table][ref_column].dropna().astype(str))
        key = primary_key(TABLES[table])[0]
        for _, row in frame.iterrows():
            for value in _values(row[column]):
                if str(value) in known:
                    continue
                record_id = str(row[key])
                origin = origin_key(table, row) if table in REFERENCE_TABLES else record_id
                problems.append(ctx.problem(
                    record_id, column, "foreign-key",
                    f"{column} {value!r} is not a known {ref_table}.{ref_column}",
                    origin_id=origin))
    return problems


__all__ = ["check_foreign_keys", "foreign_keys", "pd"]
