"""load() and connect(): dtypes, views, version pinning and checksum verification."""

from __future__ import annotations

import pandas as pd
import pytest

import tollbook
from tollbook.pipeline import prepare_or_raise
from tollbook.problems import TollbookError
from tollbook.release.write import build_release


@pytest.fixture
def release(tiny_dataset, tmp_path):
    folder = tmp_path / "releases"
    build_release(prepare_or_raise(tiny_dataset), folder)
    return folder


def test_load_gives_proper_dtypes(release):
    cas = tollbook.load("casualties", version="1.0.0", releases=release)
    assert str(cas["count_best"].dtype) == "Int64"
    assert str(cas["date_start"].dtype) == "datetime64[ns]"
    assert isinstance(cas["outcome"].dtype, pd.CategoricalDtype)
    assert list(cas["outcome"].cat.categories) == ["killed", "injured", "executed", "captured", "missing"]
    assert cas["count_best"].tolist() == [12, 20, 5]
    claims = tollbook.load("claims", releases=release)
    assert list(claims.loc[0, "relayed_by"]) == ["act_paper"]


def test_loaded_tables_pass_their_own_models(release):
    from tollbook.validate.schemas import TABLES

    for table, model in TABLES.items():
        model.validate(tollbook.load(table, releases=release))


def test_connect_has_a_view_per_table(release):
    con = tollbook.connect(releases=release)
    total = con.sql("SELECT sum(count_best) FROM casualties WHERE part_of IS NULL").fetchall()
    assert total == [(32,)]
    assert con.sql("SELECT typeof(date_start) FROM claims LIMIT 1").fetchall() == [("DATE",)]


def test_plain_pandas_and_duckdb_read_the_files(release):
    import duckdb

    path = release / "1.0.0" / "airstrikes.parquet"
    assert pd.read_parquet(path)["count_best"].tolist() == [7]
    assert duckdb.sql(f"SELECT count_best FROM read_parquet('{path}')").fetchall() == [(7,)]


def test_unknown_table_and_version(release):
    with pytest.raises(TollbookError, match="unknown table 'deaths'"):
        tollbook.load("deaths", releases=release)
    with pytest.raises(TollbookError, match=r"unknown release 2.0.0; known releases: 1.0.0"):
        tollbook.load("claims", version="2.0.0", releases=release)
    with pytest.raises(TollbookError, match="is not a release version"):
        tollbook.load("claims", version="../1.0.0", releases=release)


def test_modified_file_is_refused(release):
    path = release / "1.0.0" / "claims.parquet"
    data = bytearray(path.read_bytes())
    data[100] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(TollbookError, match="claims.parquet is corrupt or was modified"):
        tollbook.load("claims", releases=release)
    with pytest.raises(TollbookError, match="claims.parquet is corrupt or was modified"):
        tollbook.connect(releases=release)
