"""Read ``dataset/removals.csv``: the curators' ledger of ids removed from the released tables.

One row per removed id (``id,table,removed_in,reason,replaced_by``). Rows are never deleted:
the ledger is the ``tombstones`` table of every later release, so a release stays a pure
function of ``dataset/``. A missing file means nothing was ever removed.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.extract.csv_rows import read_csv_rows
from tollbook.extract.origins import Origins

REMOVALS_FILE = "removals.csv"
REMOVALS_PATH = f"dataset/{REMOVALS_FILE}"
COLUMNS = ("id", "table", "removed_in", "reason", "replaced_by")
OPTIONAL = ("replaced_by",)


def origin_id(table: str, record_id: str) -> str:
    """The key under which a removal row's file and line are recorded."""
    return f"removals:{table}/{record_id}"


@raises(Code.DUPLICATE_ID)
def read_removals(dataset: Path, origins: Origins) -> tuple[pd.DataFrame, list[Problem]]:
    empty = pd.DataFrame({c: pd.Series([], dtype="str") for c in COLUMNS})
    path = Path(dataset) / REMOVALS_FILE
    if not path.exists():
        return empty, []
    table, problems = read_csv_rows(path, REMOVALS_PATH, "removals", COLUMNS, OPTIONAL)
    records, seen = [], {}
    for line, row in table.rows:
        key = (row["table"], row["id"])
        if key in seen:
            problems.append(Problem(REMOVALS_PATH, line, row["id"], "id", Code.DUPLICATE_ID,
                                    f"{row['table']} {row['id']!r} is already removed on line {seen[key]}"))
            continue
        seen[key] = line
        records.append(row)
        if row["id"]:
            fields = {c: line for c in COLUMNS}
            origins.add(row["id"], REMOVALS_PATH, line, fields)
            origins.add(origin_id(row["table"] or "", row["id"]), REMOVALS_PATH, line, fields)
    frame = pd.DataFrame(records, columns=list(COLUMNS), dtype="str") if records else empty
    return frame, problems
