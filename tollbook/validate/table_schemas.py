"""Run each table's pandera model (lazily, so every failure is collected) and locate the
failures in the curated files."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.contract.schemas import TABLES, primary_key
from tollbook.extract.compile_reference import REFERENCE_TABLES, origin_key
from tollbook.extract.origins import Origins, record_field


def _code(check: str, column: str | None, model) -> Code:
    check = str(check)
    if check == "not_nullable":
        return Code.MISSING_FIELD
    if check.startswith(("isin", "str_matches", "less_than", "in_range")):
        return Code.VALUE_NOT_ALLOWED
    if check.startswith("greater_than_or_equal_to"):
        units = {"count_low", "count_best", "count_high", "site_count", "low", "best", "high"}
        return Code.NEGATIVE_COUNT if column in units else Code.VALUE_NOT_ALLOWED
    if check in ("field_uniqueness", "multiple_fields_uniqueness") or check.startswith("unique"):
        return Code.DUPLICATE_ID
    if check.startswith(("coerce_dtype", "dtype", "pandas_dtype")):
        return Code.WRONG_TYPE
    if check == "column_in_schema":
        return Code.UNKNOWN_FIELD
    if check == "column_in_dataframe":
        return Code.MISSING_FIELD
    return Code.SCHEMA


def _record_key(table: str, frame: pd.DataFrame, index) -> str | None:
    if index is None or pd.isna(index) or index not in frame.index:
        return None
    row = frame.loc[index]
    if table in REFERENCE_TABLES:
        try:
            return origin_key(table, row)
        except KeyError:
            return None
    return str(row[primary_key(TABLES[table])[0]])


#: Floats below this convert to int64 exactly (2**53: where float64 stops counting every integer).
_INT64_SAFE = 2.0**53


def _best_effort(model: type[pa.DataFrameModel], frame: pd.DataFrame) -> pd.DataFrame:
    """Coerce what can be coerced, turning bad cells into missing values, so the
    cross-table rules can still run and report everything at once."""
    out = frame.copy()
    for name, column in model.to_schema().columns.items():
        if name not in out:
            continue
        dtype = str(column.dtype)
        try:
            out[name] = column.dtype.coerce(out[name])
            continue
        except Exception:  # noqa: BLE001 - any coercion failure falls back below
            pass
        if dtype.startswith("Int"):
            numbers = pd.to_numeric(out[name], errors="coerce")
            # 1e30 is a number but no int64: missing here, reported by the schema check
            out[name] = numbers.where(numbers.abs() < _INT64_SAFE).round().astype("Int64")
        elif dtype.startswith("Float"):
            out[name] = pd.to_numeric(out[name], errors="coerce").astype("Float64")
        elif dtype.startswith("datetime"):
            out[name] = pd.to_datetime(out[name], errors="coerce")
    return out


#: Empty tables the schemas passed, by table, columns, dtypes and index kind: validating one
#: again gives the same typed frame (no rows, so only columns and types are checked), and a
#: build of a small dataset has several (about 30 ms each with pandera).
_VALID_EMPTY: dict[tuple, pd.DataFrame] = {}


@raises(Code.DUPLICATE_ID, Code.MISSING_FIELD, Code.NEGATIVE_COUNT, Code.SCHEMA, Code.UNKNOWN_FIELD,
        Code.VALUE_NOT_ALLOWED, Code.WRONG_TYPE)
def check_tables(raw: dict[str, pd.DataFrame], origins: Origins) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Typed tables (best effort where invalid) and the schema problems found."""
    typed: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for table, model in TABLES.items():
        frame = raw[table]
        empty = (table, tuple(frame.columns), tuple(map(str, frame.dtypes)),
                 type(frame.index).__name__) if frame.empty else None
        if empty is not None and empty in _VALID_EMPTY:
            typed[table] = _VALID_EMPTY[empty].copy()  # what the schema made of it before
            continue
        try:
            typed[table] = model.validate(frame, lazy=True)
            if empty is not None:
                _VALID_EMPTY[empty] = typed[table].copy()
            continue
        except SchemaErrors as exc:
            cases = exc.failure_cases
        typed[table] = _best_effort(model, frame)
        for case in cases.to_dict("records"):
            column = case.get("column")
            column = None if column is None or pd.isna(column) else str(column)
            index = case.get("index")
            key = _record_key(table, frame, index)
            origin_id = key
            file, line = origins.locate(origin_id, column)
            if file == "<dataset>":
                file = f"table {table}"
            code = _code(case["check"], column, model)
            value = case.get("failure_case")
            message = f"{table}.{column}: fails {case['check']}" if column else f"{table}: {case['check']}"
            if value is not None and not (isinstance(value, float) and pd.isna(value)):
                message += f" (got {value!r})"
            record_id = key.split(":", 1)[-1] if key else None
            problems.append(Problem(file, line, record_id, record_field(file, column), code, message))
    return typed, problems
