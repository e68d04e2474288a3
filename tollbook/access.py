"""Read a release: ``load`` a table into pandas, ``connect`` DuckDB to all of them.

Every file is checked against the release's SHA256SUMS before it is read, so a tampered or
truncated file is refused with an error naming it. Nothing here executes code from a release.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq

from tollbook import paths
from tollbook.problems import TollbookError
from tollbook.release.arrow_schema import to_pandas
from tollbook.release.catalogue import resolve
from tollbook.release.checksums import read_sums, verify_file
from tollbook.validate.schemas import TABLES
from tollbook.views import create_views

#: Every release folder holds it; a folder without it (or with other bytes) is refused.
MANIFEST_FILE = "manifest.json"


def release_folder(version: str = "latest", releases: Path | str | None = None) -> Path:
    folder = resolve(Path(releases) if releases else paths.releases_dir(), version)
    verify_file(folder, MANIFEST_FILE)
    return folder


def _check_table(table: str) -> None:
    if table not in TABLES:
        raise TollbookError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")


def load(table: str, version: str = "latest", releases: Path | str | None = None) -> pd.DataFrame:
    """One release table as a pandas DataFrame with proper dtypes.

    >>> casualties = load("casualties", version="1.0.0")  # doctest: +SKIP
    """
    _check_table(table)
    folder = release_folder(version, releases)
    name = f"{table}.parquet"
    verify_file(folder, name)
    return to_pandas(table, pq.read_table(folder / name))


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def connect(version: str = "latest", releases: Path | str | None = None,
            verify: bool = True) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per release table, and the statistics views."""
    folder = release_folder(version, releases)
    sums = read_sums(folder)
    con = duckdb.connect(":memory:")
    for table in TABLES:
        name = f"{table}.parquet"
        if verify:
            verify_file(folder, name, sums)
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet({_sql_path(folder / name)})")
    create_views(con)  # the statistics views, tollbook/views/*.sql
    return con
