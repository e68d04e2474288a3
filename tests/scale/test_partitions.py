"""``tollbook build --partition-by year`` writes hive-style copies that are checksummed and
read back, unchanged, by DuckDB and pyarrow datasets."""

from __future__ import annotations

import duckdb
import pyarrow.dataset as pads
import pyarrow.parquet as pq
from click.testing import CliRunner

from tollbook.cli import cli
from tollbook.release.checksums import read_sums


def test_partitioned_build_is_checksummed_and_readable(tiny_dataset, tmp_path):
    releases = tmp_path / "releases"
    result = CliRunner().invoke(cli, ["build", "--dataset", str(tiny_dataset), "--releases", str(releases),
                                      "--quiet", "--partition-by", "year"])
    assert result.exit_code == 0, result.output
    folder = releases / "1.0.0" if (releases / "1.0.0").exists() else next(releases.glob("[0-9]*"))
    sums = read_sums(folder)
    parts = sorted(n for n in sums if n.startswith("casualties/"))
    assert parts == ["casualties/year=2015/part-0.parquet"]
    single = pq.read_table(folder / "casualties.parquet")
    con = duckdb.connect()
    glob = str(folder / "casualties" / "*" / "*.parquet")
    got = con.sql(f"SELECT year, count(*) FROM read_parquet('{glob}', hive_partitioning=true) GROUP BY 1").fetchall()
    assert got == [(2015, single.num_rows)]
    dataset = pads.dataset(folder / "casualties", format="parquet", partitioning="hive")
    assert dataset.to_table().drop_columns(["year"]).sort_by("casualty_id").equals(single.sort_by("casualty_id"))
