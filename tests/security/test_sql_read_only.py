"""Queries over a release only read it: no statement writes, attaches, installs or loads, only the
release's own files can be read, and ``--output`` never lands inside releases/ or dataset/."""

from __future__ import annotations

import pytest
from bad_input_kit import run, snapshot

from tollbook import connect, query
from tollbook.contract.problems import TollbookError


def _refused(releases, sql: str) -> str:
    before = snapshot(releases.parent)
    result = run("sql", "--releases", releases, sql)
    assert result.exit_code == 1
    assert snapshot(releases.parent) == before
    assert len(result.stderr.splitlines()) == 1
    return result.stderr.strip()


@pytest.mark.parametrize(("sql", "kind"), [
    ("COPY (SELECT 1 AS x) TO '{release}/claims.parquet' (FORMAT parquet)", "COPY"),
    ("COPY (SELECT 1 AS x) TO '{release}/claims.parquet' (FORMAT parquet, USE_TMP_FILE false)", "COPY"),
    ("COPY (SELECT 1 AS x) TO '{tmp}/new.csv'", "COPY"),
    ("ATTACH '{tmp}/new.db' AS other", "ATTACH"),
    ("INSTALL httpfs", "LOAD"),
    ("LOAD httpfs", "LOAD"),
    ("SET enable_external_access = true", "SET"),
    ("CREATE TABLE t AS SELECT 1", "CREATE"),
    ("SELECT 1; COPY (SELECT 1) TO '{tmp}/new.csv'", "COPY"),
])
def test_writing_statements_are_refused_before_they_run(sql, kind, releases):
    sql = sql.format(release=releases / "1.0.0", tmp=releases.parent)
    assert _refused(releases, sql) == (
        f"Error: query refused: a {kind} statement is not allowed; queries over a release only read it "
        "(use SELECT; --output FILE writes the result)")


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('/etc/passwd', sep=':')",
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM read_parquet('{tmp}/other.parquet')",
    "SELECT * FROM glob('/*')",
])
def test_files_outside_the_release_cannot_be_read(sql, releases):
    other = releases.parent / "other.parquet"
    other.write_bytes((releases / "1.0.0" / "claims.parquet").read_bytes())
    sql = sql.format(tmp=releases.parent)
    path = sql.split("'")[1]
    assert _refused(releases, sql) == (
        f'Error: query refused: Cannot access file "{path}" - file system operations are disabled by '
        "configuration; a query reads only the release's own tables")


def test_a_release_file_can_still_be_read_by_path(releases):
    sql = f"SELECT count(*) AS n FROM read_parquet('{releases / '1.0.0' / 'claims.parquet'}')"
    assert query(sql, releases=releases).to_pylist() == [{"n": 3}]
    result = run("sql", "--releases", releases, "SHOW TABLES")
    assert result.exit_code == 0


@pytest.mark.parametrize("where", ["releases/1.0.0/casualties.parquet", "releases/new.csv", "dataset/x.csv"])
def test_output_never_lands_in_releases_or_dataset(where, releases, monkeypatch, tmp_path):
    root = releases.parent
    (root / "dataset").mkdir()
    monkeypatch.setenv("TOLLBOOK_ROOT", str(root))
    before = snapshot(root)
    result = run("sql", "--releases", releases, "SELECT 1 AS x", "--format", "csv", "--output", root / where)
    folder = root / where.split("/")[0]
    assert (result.exit_code, result.stderr) == (
        1, f"Error: --output {root / where} is inside {folder}: query results are never written into a "
           "release or the dataset; choose a file elsewhere\n")
    assert snapshot(root) == before


def test_connect_is_read_only_and_locked(releases, tmp_path):
    con = connect("1.0.0", releases)
    assert con.sql("SELECT count(*) FROM claims").fetchall() == [(3,)]
    for sql in (f"COPY (SELECT 1) TO '{tmp_path / 'x.csv'}'", "SELECT * FROM read_text('/etc/hostname')",
                f"ATTACH '{tmp_path / 'x.db'}'", "SET enable_external_access = true",
                "SET lock_configuration = false"):
        with pytest.raises(Exception, match="disabled by configuration|configuration has been locked"):
            con.sql(sql)
    assert not list(tmp_path.glob("x.*"))


def test_query_refuses_what_the_cli_refuses(releases):
    with pytest.raises(TollbookError, match=r"^query refused: a COPY statement is not allowed"):
        query("COPY (SELECT 1) TO 'x.csv'", releases=releases)
