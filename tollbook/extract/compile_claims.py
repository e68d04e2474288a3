"""Reviewed record files → claims and their figure tables, over whole columns.

Each record file's rows were made on their own (:mod:`tollbook.extract.record_rows`, or served
from the cache); here they are already concatenated. Only claims a curator accepted or edited
are in them. A republished copy's claims inherit everything but their quote and offsets from
the original claim and carry no figures, so each figure is counted once: copies are resolved
here, as a join on ``duplicate_of``. Figures inherit date, place and event from their claim
unless they set their own (done per file).
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.contract.vocabulary import RELEASED_STATUSES
from tollbook.extract.dataset import Dataset
from tollbook.extract.row_parts import FIGURE_TABLES, PARTS

#: What a copy takes from its original (the rest is its own).
INHERITED = ("claimant_id", "relayed_by", "hedge", "date_start", "date_end", "date_prec", "date_text",
             "location_id", "where_prec", "event_id", "partisan", "partisan_basis")
_TAGS = ["_doc", "_file", "_src"]


def _frame(table: pa.Table) -> pd.DataFrame:
    frame = table.to_pandas()
    if "relayed_by" in frame:  # lists, as the rows were written (not numpy arrays)
        frame["relayed_by"] = table.column("relayed_by").to_pylist()
    return frame


@raises(Code.DUPLICATE_TARGET, Code.FOREIGN_KEY)
def compile_claims(ds: Dataset) -> tuple[dict[str, pd.DataFrame | list[dict]], list[Problem]]:
    """Rows for claims and the figure tables, and the problems found on the way."""
    problems = []
    for record_id, field, code, message in ds.records.pending:
        file, line = ds.origins.locate(record_id, field)
        problems.append(Problem(file, line, record_id, field, code, message))
    rows = ds.records.rows or {part: schema.empty_table().append_column("_doc", pa.array([], pa.string()))
                               .append_column("_file", pa.array([], pa.int64()))
                               .append_column("_src", pa.array([], pa.bool_())) for part, schema in PARTS.items()}
    claims = _frame(rows["claims"])
    dropped = _resolve_copies(ds, claims, rows["statuses"], problems)
    tables: dict[str, pd.DataFrame | list[dict]] = {
        "claims": _first_of_each_id(claims[~claims.index.isin(dropped)], "outlet_id")}
    for part in FIGURE_TABLES:
        tables[part] = _first_of_each_id(_frame(rows[part]))
    return tables, problems


def _resolve_copies(ds: Dataset, claims: pd.DataFrame, statuses: pa.Table, problems: list[Problem]) -> list:
    """Fill in each released copy's inherited fields from its original, in place; the rows of
    copies whose original is missing, not released or not an original elsewhere are returned
    (each reported)."""
    copies = claims.index[claims["duplicate_of"].notna() & claims["_src"]]
    if not len(copies):
        return []
    # a claim id is looked up where it was last defined (ids defined twice are reported when read)
    every = statuses.select(["claim_id", "review_status", "duplicate_of", "_doc", "_file"]).to_pandas()
    every = every.drop_duplicates("claim_id", keep="last").set_index("claim_id")
    by_place = claims.reset_index().set_index(["claim_id", "_file"])["index"]
    dropped = []
    for row in copies:
        copy = claims.loc[row]
        target = copy["duplicate_of"]
        original = every.loc[target] if target in every.index else None
        if original is None or original["review_status"] not in RELEASED_STATUSES:
            state = "does not exist" if original is None else "is not accepted"
            _problem(ds, problems, copy["claim_id"], Code.FOREIGN_KEY, f"duplicate_of {target} {state}")
            dropped.append(row)
            continue
        if pd.notna(original["duplicate_of"]) or original["_doc"] == copy["_doc"]:
            _problem(ds, problems, copy["claim_id"], Code.DUPLICATE_TARGET,
                     f"duplicate_of {target} must be an original claim in another document")
            dropped.append(row)
            continue
        source = claims.loc[by_place.loc[(target, original["_file"])]]
        relayed = list(source["relayed_by"])
        outlet = copy["outlet_id"]
        if isinstance(outlet, str) and outlet and outlet not in relayed:
            relayed.append(outlet)
        for column in INHERITED:
            claims.at[row, column] = relayed if column == "relayed_by" else source[column]  # type: ignore[assignment]
    return dropped


def _problem(ds: Dataset, problems: list[Problem], record_id: str, code: str, message: str) -> None:
    file, line = ds.origins.locate(record_id, "duplicate_of")
    problems.append(Problem(file, line, record_id, "duplicate_of", code, message))


def _first_of_each_id(frame: pd.DataFrame, *extra: str) -> pd.DataFrame | list[dict]:
    """The rows of documents that have their sidecar, in document order, keeping the first row
    per id: an id written twice is reported (duplicate-id) where the record files are read, not
    a second time by the table's uniqueness check. No rows: an empty list, typed as any
    table without rows is."""
    frame = frame[frame["_src"]].sort_values("_doc", kind="stable")
    if frame.empty:
        return []
    key = frame.columns[0]  # every part starts with its id
    frame = frame.drop_duplicates(key, keep="first")
    return frame.drop(columns=[*_TAGS, *extra]).reset_index(drop=True)
