"""Hive-style partitioned copies of the large tables: ``casualties/year=2015/part-0.parquet``.

Written beside the single-file tables when a build asks for them (``tollbook build
--partition-by year``), with the same writer settings, and checksummed in SHA256SUMS like
every other file. DuckDB (``read_parquet('casualties/*/*.parquet', hive_partitioning=true)``),
pyarrow datasets, Spark and Trino read them unchanged, locally or on object storage.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from tollbook.release.arrow_schema import to_arrow

#: Tables large enough to be worth splitting, each by the year of its date_start.
PARTITIONED_TABLES = ("claims", "casualties", "airstrikes", "control_changes", "force_sizes")
PARTITION_KEYS = ("year",)
#: Hive's name for the partition of rows whose key is missing.
MISSING = "__HIVE_DEFAULT_PARTITION__"


def partition_files(table: str, arrow: pa.Table) -> dict[str, pa.Table]:
    """Relative path → rows, one part per year of date_start, in year order."""
    years = pc.year(arrow["date_start"])
    out = {}
    for year in sorted({y for y in years.to_pylist() if y is not None}):
        out[f"{table}/year={year}/part-0.parquet"] = arrow.filter(pc.equal(years, pa.scalar(year, years.type)))
    missing = arrow.filter(pc.is_null(years))
    if missing.num_rows:
        out[f"{table}/year={MISSING}/part-0.parquet"] = missing
    return out


def write_partitions(prepared, folder: Path, manifest: dict) -> None:
    """An extra release writer (see ``build_release``): the partitioned copies."""
    from tollbook.release.write import write_table

    for table in PARTITIONED_TABLES:
        for rel, rows in partition_files(table, to_arrow(table, prepared.tables[table])).items():
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            write_table(table, rows, path)
