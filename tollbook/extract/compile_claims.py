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
    """Fill in each released copy's inherited fields from its original, in place (joins, no
    loop over rows but to report); the rows of copies whose original is missing, not released
    or not an original in another document are returned (each reported)."""
    copies = claims.loc[claims["duplicate_of"].notna() & claims["_src"], ["claim_id", "duplicate_of", "_doc",
                                                                          "outlet_id"]]
    if copies.empty:
        return []
    # a claim id is looked up where it was last defined (ids defined twice are reported when read)
    every = statuses.select(["claim_id", "review_status", "duplicate_of", "_doc", "_file"]).to_pandas()
    every = every.drop_duplicates("claim_id", keep="last").set_index("claim_id")
    target = every.reindex(copies["duplicate_of"].to_numpy())
    target.index = copies.index
    missing = target["_file"].isna()
    unaccepted = ~missing & ~target["review_status"].isin(RELEASED_STATUSES)
    not_original = ~missing & ~unaccepted & (target["duplicate_of"].notna() | (target["_doc"] == copies["_doc"]))
    for row in copies.index[missing | unaccepted | not_original]:
        claim_id, target_id = str(copies.at[row, "claim_id"]), str(copies.at[row, "duplicate_of"])
        if not_original[row]:
            _problem(ds, problems, claim_id, Code.DUPLICATE_TARGET,
                     f"duplicate_of {target_id} must be an original claim in another document")
        else:
            state = "does not exist" if missing[row] else "is not accepted"
            _problem(ds, problems, claim_id, Code.FOREIGN_KEY, f"duplicate_of {target_id} {state}")
    good = copies.index[~(missing | unaccepted | not_original)]
    if len(good):
        places = claims.reset_index().drop_duplicates(["claim_id", "_file"], keep="last")
        place = places.set_index(["claim_id", "_file"])["index"]  # a claim's row by (id, file)
        wanted = pd.MultiIndex.from_arrays([copies.loc[good, "duplicate_of"].to_numpy(),
                                            target.loc[good, "_file"].astype("int64").to_numpy()])
        source = claims.loc[place.reindex(wanted).to_numpy()]
        for column in INHERITED:
            if column != "relayed_by":
                claims.loc[good, column] = source[column].to_numpy()
        relayed = [list(r) + ([o] if isinstance(o, str) and o and o not in r else [])
                   for r, o in zip(source["relayed_by"], copies.loc[good, "outlet_id"], strict=True)]
        claims["relayed_by"] = claims["relayed_by"].astype(object)
        for row, value in zip(good, relayed, strict=True):
            claims.at[row, "relayed_by"] = value  # type: ignore[assignment]  # a list in an object column
    return list(copies.index[missing | unaccepted | not_original])


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
