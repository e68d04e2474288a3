"""A release read with Polars, as docs/using-releases.md shows: the same rows and values as
tollbook.load and tollbook.query give."""

from __future__ import annotations

import pytest

import tollbook

pl = pytest.importorskip("polars")


def test_polars_reads_the_same_tables_and_totals(built):
    _, releases = built
    folder = releases / "1.0.0"
    casualties = pl.read_parquet(folder / "casualties.parquet")
    loaded = tollbook.load("casualties", version="1.0.0", releases=releases)
    assert casualties.columns == list(loaded.columns)
    assert casualties.height == len(loaded)
    assert casualties["casualty_id"].to_list() == loaded["casualty_id"].tolist()
    by_outcome = (pl.scan_parquet(folder / "casualties.parquet").group_by("outcome")
                  .agg(pl.col("count_best").sum().alias("people")).sort("outcome").collect())
    sql = tollbook.query("SELECT outcome, sum(count_best) AS people FROM casualties GROUP BY 1 ORDER BY 1",
                         version="1.0.0", releases=releases)
    assert by_outcome.rows() == [(str(o), p) for o, p in zip(*sql.to_pydict().values(), strict=True)]
    relayed = pl.read_parquet(folder / "claims.parquet")["relayed_by"]
    assert relayed.dtype == pl.List(pl.String)  # list columns arrive as lists
