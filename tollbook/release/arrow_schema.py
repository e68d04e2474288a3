"""The Arrow/Parquet types of every released column, derived from the pandera models."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tollbook.contract.schemas import TABLES, column_order


def arrow_type(column) -> pa.DataType:
    meta = column.metadata or {}
    dtype = str(column.dtype)
    if "vocabulary" in meta:
        return pa.dictionary(pa.int32(), pa.string())
    if dtype.startswith("datetime64"):
        return pa.date32()
    if dtype == "Int64":
        return pa.int64()
    if dtype == "Float64":
        return pa.float64()
    if dtype == "boolean":
        return pa.bool_()
    if dtype.startswith("list<"):
        return pa.list_(pa.string())
    return pa.string()


def arrow_schema(table: str) -> pa.Schema:
    """The table's Arrow schema; each field carries its description as metadata."""
    model = TABLES[table]
    columns = model.to_schema().columns
    fields = []
    for name in column_order(model):
        col = columns[name]
        meta = {"description": col.description or ""}
        if col.metadata:
            meta["tollbook"] = json.dumps(col.metadata, sort_keys=True)
        fields.append(pa.field(name, arrow_type(col), nullable=col.nullable or True, metadata=meta))
    doc = (model.__doc__ or "").strip()
    return pa.schema(fields, metadata={"table": table, "description": doc})


def _array(series: pd.Series, typ: pa.DataType) -> pa.Array:
    if pa.types.is_dictionary(typ):
        return pa.array(series.astype("object").where(series.notna(), None), type=pa.string()).dictionary_encode()
    if pa.types.is_date32(typ):
        return pa.array(series, type=pa.timestamp("ns")).cast(pa.date32())
    if pa.types.is_list(typ):
        return pa.array(series, type=pa.list_(pa.string()))
    if pa.types.is_string(typ):
        return pa.array(series.astype("object").where(series.notna(), None), type=pa.string())
    return pa.array(series, type=typ, from_pandas=True)


def to_arrow(table: str, frame: pd.DataFrame) -> pa.Table:
    """A typed table (as validated) in its release Arrow schema, without pandas metadata."""
    schema = arrow_schema(table)
    arrays = [_array(frame[f.name], f.type) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


#: Arrow types and the pandas dtypes a release table shows them as (others: pyarrow's default).
_PANDAS_DTYPES = {
    pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(), pa.bool_(): pd.BooleanDtype(),
    pa.list_(pa.string()): pd.ArrowDtype(pa.list_(pa.string())),
    pa.string(): pd.StringDtype(na_value=float("nan")),
}


def _with_vocabulary(column: pa.ChunkedArray, vocabulary: list[str]) -> pa.ChunkedArray:
    """The column dictionary-encoded against the full vocabulary, so pandas makes the categories
    straight from it (values outside it become missing); only the small dictionaries are looked
    up, the codes are remapped with one take."""
    values = pa.array(vocabulary, type=pa.string())
    chunks = []
    for chunk in column.chunks:
        if pa.types.is_dictionary(chunk.type):
            codes = pc.take(pc.index_in(chunk.dictionary.cast(pa.string()), value_set=values), chunk.indices)
        else:
            codes = pc.index_in(chunk.cast(pa.string()), value_set=values)
        chunks.append(pa.DictionaryArray.from_arrays(codes.cast(pa.int32()), values))
    if not chunks:
        chunks.append(pa.DictionaryArray.from_arrays(pa.array([], type=pa.int32()), values))
    return pa.chunked_array(chunks, type=pa.dictionary(pa.int32(), pa.string()))


def to_pandas(table: str, arrow: pa.Table) -> pd.DataFrame:
    """A release table as pandas: dates as datetime64[ns], nullable integers, categories with
    the full vocabulary, strings as the Arrow-backed ``str`` dtype. Categories and dates are
    made in Arrow, so pandas builds each column once."""
    columns = TABLES[table].to_schema().columns
    schema = arrow.schema
    arrays = list(arrow.columns)
    for i, name in enumerate(arrow.column_names):
        col = columns.get(name)
        if col is None:
            continue
        vocabulary = (col.metadata or {}).get("vocabulary")
        if vocabulary:
            arrays[i] = _with_vocabulary(arrays[i], vocabulary)
        elif str(col.dtype).startswith("datetime64"):
            arrays[i] = arrays[i].cast(pa.timestamp("ns"))
        else:
            continue
        schema = schema.set(i, schema.field(i).with_type(arrays[i].type))
    typed = pa.Table.from_arrays(arrays, schema=schema)
    return typed.to_pandas(date_as_object=False, types_mapper=_PANDAS_DTYPES.get)
