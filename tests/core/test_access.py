"""load() and connect(): dtypes, views, version pinning and checksum verification."""

from __future__ import annotations

import pandas as pd
import pytest

import tollbook
from tollbook.contract.problems import TollbookError
from tollbook.pipeline import prepare_or_raise
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
    from tollbook.contract.schemas import TABLES

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


def _flip(path, at=100):
    data = bytearray(path.read_bytes())
    data[at] ^= 0xFF
    path.write_bytes(bytes(data))


def test_query_gives_arrow_for_tables_views_and_using_joins(release):
    from tollbook.access import query

    assert query("SELECT sum(count_best) AS n FROM casualties WHERE part_of IS NULL", releases=release).to_pylist() \
        == [{"n": 32}]
    joined = query("SELECT count(*) AS n FROM claims JOIN documents USING (document_id)", releases=release)
    assert joined.to_pylist() == [{"n": 3}]
    assert query("SELECT count(*) AS n FROM timeline_monthly", releases=release).to_pylist() == [{"n": 0}]


def test_query_checks_only_the_files_it_reads_and_what_its_views_read(release):
    from tollbook.access import query

    _flip(release / "1.0.0" / "events.parquet")
    # claims and documents are intact: their data is returned
    assert query("SELECT count(*) AS n FROM claims JOIN documents USING (document_id)",
                 releases=release).to_pylist() == [{"n": 3}]
    # timeline_monthly reads timeline_daily, which reads events
    for sql in ("SELECT * FROM timeline_monthly", "SELECT count(*) FROM events",
                "SELECT * FROM claims WHERE EXISTS (SELECT 1 FROM Main.EVENTS)"):
        with pytest.raises(TollbookError, match="events.parquet is corrupt or was modified"):
            query(sql, releases=release)


def test_a_query_naming_no_release_table_gets_the_whole_catalogue_all_checked(release):
    from tollbook.access import query
    from tollbook.contract.schemas import TABLES
    from tollbook.views import view_names

    shown = {row["name"] for row in query("SHOW TABLES", releases=release).to_pylist()}
    assert shown == set(TABLES) | set(view_names())
    assert query("SELECT count(*) AS n FROM duckdb_views() WHERE NOT internal", releases=release).to_pylist() \
        == [{"n": len(TABLES) + len(view_names())}]
    _flip(release / "1.0.0" / "locations.parquet")
    for sql in ("SELECT 1", "SHOW TABLES", "SELECT * FROM query_table('claims')"):
        with pytest.raises(TollbookError, match="locations.parquet is corrupt or was modified"):
            query(sql, releases=release)


def test_query_result_is_withheld_when_a_digest_does_not_match(release):
    """The file is readable, so DuckDB would answer; SHA256SUMS lists other bytes than manifest.json,
    so nothing is returned (the chain is checked before the query runs)."""
    from tollbook.access import query

    sums = release / "1.0.0" / "SHA256SUMS"
    sums.write_text("\n".join(("0" * 64 + line[64:]) if line.endswith("  casualties.parquet") else line
                              for line in sums.read_text().splitlines()) + "\n")
    with pytest.raises(TollbookError, match=r"casualties.parquet is listed in SHA256SUMS with sha256 0{64} but "
                                            r"manifest.json says [0-9a-f]{64}: the release was changed after it was "
                                            r"built$"):
        query("SELECT count(*) FROM casualties", releases=release)
    with pytest.raises(TollbookError, match="casualties.parquet is listed in SHA256SUMS with sha256 0{64}"):
        tollbook.load("casualties", releases=release)


def test_query_errors_are_one_message(release):
    from tollbook.access import query

    with pytest.raises(TollbookError, match=r"^query failed: Catalog Error: Table with name nowhere does not exist"):
        query("SELECT * FROM claims JOIN nowhere USING (claim_id)", releases=release)
    with pytest.raises(TollbookError, match=r"^query failed: Parser Error"):
        query("SELEC 1", releases=release)


@pytest.mark.parametrize("damage", ["flipped-byte", "truncated", "intact"])
def test_load_hashing_in_a_second_thread(release, monkeypatch, damage):
    """Files of a tiny release are hashed before parsing; large ones while parsing: force that path."""
    import tollbook.access

    monkeypatch.setattr(tollbook.access, "_HASH_IN_THREAD_FROM", 0)
    path = release / "1.0.0" / "casualties.parquet"
    if damage == "flipped-byte":
        _flip(path, path.stat().st_size // 2)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:-100])
    if damage == "intact":
        assert tollbook.load("casualties", releases=release)["count_best"].tolist() == [12, 20, 5]
        return
    with pytest.raises(TollbookError, match=rf"^{path} is corrupt or was modified: sha256 [0-9a-f]{{64}} "):
        tollbook.load("casualties", releases=release)


def test_referenced_names_come_from_the_parser():
    import duckdb

    from tollbook.views import referenced_names, view_dependencies

    con = duckdb.connect()
    assert referenced_names(con, "WITH x AS (SELECT * FROM Claims) SELECT * FROM x JOIN documents USING (a) "
                                 "WHERE b IN (SELECT c FROM main.events)") == {"x", "claims", "documents", "events"}
    assert referenced_names(con, "SELECT * FROM read_parquet('f.parquet')") == set()
    for sql in ("SHOW TABLES", "DESCRIBE claims", "SELECT * FROM information_schema.tables",
                "SELECT * FROM duckdb_views()", "CREATE TABLE t AS SELECT 1", "SELEC 1", "SELECT * FROM other.claims"):
        assert referenced_names(con, sql) is None, sql
    assert view_dependencies(con)["timeline_monthly"] == {"timeline_daily", "event_tallies", "events"}


def test_to_pandas_categories_keep_the_vocabulary_on_empty_and_chunked_tables(release):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from tollbook.release.arrow_schema import to_pandas

    arrow = pq.read_table(release / "1.0.0" / "casualties.parquet")
    vocabulary = ["killed", "injured", "executed", "captured", "missing"]
    empty = to_pandas("casualties", arrow.slice(0, 0))
    assert list(empty["outcome"].cat.categories) == vocabulary
    assert str(empty["date_start"].dtype) == "datetime64[ns]"
    outcome = arrow.column_names.index("outcome")
    odd = pa.chunked_array([pa.array(["missing", None]).dictionary_encode(), pa.array(["bogus"]).dictionary_encode()])
    frame = to_pandas("casualties", arrow.slice(0, 3).set_column(outcome, "outcome", odd))
    assert list(frame["outcome"].cat.categories) == vocabulary
    assert frame["outcome"].cat.codes.tolist() == [4, -1, -1]


def test_files_a_query_will_likely_read_are_guessed_from_its_words_and_its_views_words():
    from tollbook.access import _likely_tables

    assert set(_likely_tables("select * from TIMELINE_MONTHLY where party_id = 'x'")) == {"event_tallies", "events"}
    assert _likely_tables("SELECT 1") == []


def test_sums_of_counts_come_back_as_integers_not_decimals():
    import decimal

    import pyarrow as pa

    from tollbook.access import whole_numbers_as_integers

    big = decimal.Decimal(2**70)
    table = pa.table({"people": pa.array([decimal.Decimal(88)], pa.decimal128(38, 0)),
                      "share": pa.array([decimal.Decimal("0.5")], pa.decimal128(10, 2)),
                      "huge": pa.array([big], pa.decimal128(38, 0))})
    out = whole_numbers_as_integers(table)
    assert out.schema.types == [pa.int64(), pa.decimal128(10, 2), pa.decimal128(38, 0)]
    assert out.column("people").to_pylist() == [88]
