"""Read a release: ``load`` a table into pandas, ``query`` it with SQL, ``connect`` DuckDB to all of it.

Every file whose data is handed back is checked against the release's SHA256SUMS in the same
call, so a tampered or truncated file is refused with an error naming it. ``load`` reads a
file's bytes once, hashes them while it parses the same bytes; ``query`` checks the files the
query reads while DuckDB runs it, and gives the result only once they pass. Nothing here
executes code from a release.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from tollbook.contract.problems import TollbookError
from tollbook.contract.schemas import TABLES
from tollbook.release.arrow_schema import to_pandas
from tollbook.release.checksums import (
    BackgroundHashes,
    check_digest,
    check_listed,
    sha256_bytes,
    verify_file,
)
from tollbook.release.integrity import open_release
from tollbook.remote import local_releases
from tollbook.views import create_views, referenced_names, view_dependencies, view_files, view_names

#: Every release folder holds it; a folder without it is refused (``connect`` and
#: ``release_folder`` also check its bytes).
MANIFEST_FILE = "manifest.json"

#: The table files of a release (what ``connect`` and ``query`` may read).
_TABLE_FILES = [f"{t}.parquet" for t in TABLES]

#: Files smaller than this are hashed before parsing rather than in a second thread.
_HASH_IN_THREAD_FROM = 1 << 20


def _open_release(version: str, releases: Path | str | None,
                  names: list[str] | None = None) -> tuple[Path, dict[str, str]]:
    """The release folder and its SHA256SUMS (read once), with the chain SHA256SUMS → manifest.json
    → ``index.json`` checked (tollbook/release/integrity.py).

    ``releases`` is a folder or a URL; without it, ``TOLLBOOK_RELEASES_URL``, the project's
    releases/ folder, or the published releases (tollbook/paths.py). Releases read from a URL are
    fetched into the user's cache first (only ``names``, with SHA256SUMS and manifest.json; all
    files when None), each checked against the registry shipped in the package (tollbook/remote.py)."""
    return open_release(local_releases(releases, version, names), version)


def release_folder(version: str = "latest", releases: Path | str | None = None,
                   names: list[str] | None = None) -> Path:
    """The release folder, once its manifest's bytes are checked against SHA256SUMS."""
    folder, sums = _open_release(version, releases, names)
    verify_file(folder, MANIFEST_FILE, sums)
    return folder


def _check_table(table: str) -> None:
    if table not in TABLES:
        raise TollbookError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")


def _parse(folder: Path, name: str, data: bytes) -> pa.Table:
    try:
        return pq.read_table(pa.BufferReader(data))
    except (pa.ArrowException, OSError) as exc:
        raise TollbookError(f"{folder / name} is not a readable Parquet file: {exc}") from None


def read_verified(folder: Path, name: str, sums: dict[str, str]) -> pa.Table:
    """A Parquet file of the release as Arrow: its bytes are read once, and the bytes parsed are
    the bytes hashed (in a second thread for a large file; hashlib lets go of the GIL)."""
    path = check_listed(folder, name, sums)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TollbookError(f"{path} cannot be read: {exc.strerror}") from None
    if len(data) < _HASH_IN_THREAD_FROM:
        check_digest(folder, name, sha256_bytes(data), sums)
        return _parse(folder, name, data)
    with ThreadPoolExecutor(max_workers=1) as pool:
        digest = pool.submit(sha256_bytes, data)
        try:
            arrow = _parse(folder, name, data)
        except TollbookError:
            check_digest(folder, name, digest.result(), sums)  # a damaged file is the cause to report
            raise
        check_digest(folder, name, digest.result(), sums)
    return arrow


def load(table: str, version: str = "latest", releases: Path | str | None = None) -> pd.DataFrame:
    """One release table as a pandas DataFrame with proper dtypes.

    >>> casualties = load("casualties", version="1.0.0")  # doctest: +SKIP
    """
    _check_table(table)
    folder, sums = _open_release(version, releases, [f"{table}.parquet"])
    return to_pandas(table, read_verified(folder, f"{table}.parquet", sums))


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _create_catalogue(con: duckdb.DuckDBPyConnection, folder: Path, tables: list[str],
                      views: set[str] | frozenset[str] | None) -> None:
    for table in tables:
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet({_sql_path(folder / f'{table}.parquet')})")
    create_views(con, views)  # the statistics views, tollbook/views/*.sql


#: What DuckDB may touch once a release's views exist (the setting names of DuckDB's "Securing
#: DuckDB" page): no file but the release's own tables, no extension installed or loaded, and the
#: configuration locked so no statement can undo it.
_LOCKED_SETTINGS = (
    ("autoinstall_known_extensions", False),
    ("autoload_known_extensions", False),
    ("enable_external_access", False),
    ("lock_configuration", True),
)

#: The only statements a query over a release may be: they read, and write nothing.
READ_ONLY_STATEMENTS = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN})


def _lock(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    """Make ``con`` read-only over the release in ``folder``: only its table files can be read."""
    con.execute("SET allowed_paths = $1", [[str((folder / f"{t}.parquet").absolute()) for t in TABLES]])
    for name, value in _LOCKED_SETTINGS:
        con.execute(f"SET {name} = {str(value).lower()}")


def check_read_only(sql: str) -> None:
    """Refuse SQL holding any statement but SELECT (with WITH, SHOW, DESCRIBE, SUMMARIZE) or EXPLAIN."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise TollbookError(f"query failed: {duckdb_message(exc)}") from None
    for statement in statements:
        if statement.type not in READ_ONLY_STATEMENTS:
            kind = statement.type.name.replace("_", " ")
            raise TollbookError(f"query refused: a {kind} statement is not allowed; queries over a release "
                                "only read it (use SELECT; --output FILE writes the result)")


def duckdb_message(exc: duckdb.Error) -> str:
    """DuckDB's message with its hints ('Did you mean "casualties"?', 'Candidate bindings: ...')
    and without the echo of the query that follows them."""
    lines = []
    for line in str(exc).splitlines():
        if line.startswith("LINE "):
            break
        if line.strip():
            lines.append(line.strip())
    return "\n".join(lines)


def _refusal(exc: duckdb.Error) -> TollbookError:
    first = str(exc).splitlines()[0]
    if isinstance(exc, duckdb.PermissionException):
        return TollbookError(f"query refused: {first.removeprefix('Permission Error: ')}; "
                             "a query reads only the release's own tables")
    return TollbookError(f"query failed: {duckdb_message(exc)}")


def connect(version: str = "latest", releases: Path | str | None = None,
            verify: bool = True) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per release table, and the statistics views.

    Every table file (and the manifest) is checked before the connection is handed back; the
    views are created while the files are hashed.

    The connection is read-only over the release: it can read the release's own table files and
    nothing else on disk (``read_csv``, ``read_text``, ``ATTACH``, ``COPY ... TO`` and any other
    file access are refused), installs and loads no extension, and its configuration is locked
    (``enable_external_access``, ``allowed_paths``, ``lock_configuration``). In-memory tables,
    views and macros of your own still work; to join the release with your files, ``load()`` its
    tables into pandas, or open your own ``duckdb.connect()``."""
    folder, sums = _open_release(version, releases, _TABLE_FILES)
    names = [MANIFEST_FILE, *(f"{t}.parquet" for t in TABLES)] if verify else [MANIFEST_FILE]
    with ThreadPoolExecutor(max_workers=2) as pool:
        hashes = BackgroundHashes(folder, sums, pool)
        hashes.start(names)  # hashing starts before DuckDB does
        con = duckdb.connect(":memory:")
        try:
            try:
                _create_catalogue(con, folder, list(TABLES), None)
                _lock(con, folder)
            finally:
                hashes.check(names)  # a damaged file is reported before anything else
        except BaseException:
            con.close()
            raise
    return con


def _needed(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], set[str]] | None:
    """The release tables and statistics views ``sql`` reads (with the tables those views read),
    or None for the whole catalogue: when the text does not tell, or names no release table or
    view (``SELECT 1``, ``SHOW TABLES``, ``information_schema``)."""
    names = referenced_names(con, sql)
    if names is None:
        return None
    views = names.intersection(view_names())
    if not views and not names.intersection(TABLES):
        return None
    dependencies = view_dependencies(con)
    views |= {d for v in list(views) for d in dependencies[v] if d in dependencies}
    names = names.union(*(dependencies[v] for v in views))
    return [t for t in TABLES if t in names], views


_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_COMMENT = re.compile(r"--[^\n]*")


def _words(sql: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(_COMMENT.sub(" ", sql))}


def _likely_tables(sql: str) -> list[str]:
    """A guess, before DuckDB has parsed the query, of the tables it reads: those whose names occur
    in its text or in the text of a view named there. Their hashing starts at once."""
    views = dict(view_files())
    words = _words(sql)
    todo, seen = [w for w in words if w in views], set()
    while todo:
        view = todo.pop()
        if view not in seen:
            seen.add(view)
            read = _words(views[view])
            words |= read
            todo += [w for w in read if w in views]
    return [t for t in TABLES if t in words]


def _run(con: duckdb.DuckDBPyConnection, folder: Path, sql: str,
         needed: tuple[list[str], set[str]] | None, hashes: BackgroundHashes | None) -> pa.Table | None:
    tables, views = needed if needed is not None else (list(TABLES), None)
    files = [f"{t}.parquet" for t in tables]
    if hashes is not None:
        for name in files:
            check_listed(folder, name, hashes.sums)
        hashes.start(files)
    try:
        _create_catalogue(con, folder, tables, views)
        _lock(con, folder)
        relation = con.sql(sql)
        arrow = None if relation is None else relation.to_arrow_table()
    finally:
        if hashes is not None:
            hashes.check(files)  # raises for a damaged file, whatever the query did
    return arrow


def query(sql: str, version: str = "latest", releases: Path | str | None = None, verify: bool = True) -> pa.Table:
    """The result of a DuckDB SQL query over a release (tables and statistics views by name), as Arrow.

    Only the tables the query reads (directly or through a view) are set up and checked against
    SHA256SUMS, while DuckDB runs the query; the result is handed back only once they pass. A
    query whose tables cannot be told from its text gets the whole catalogue, all of it checked.

    The query only reads: any statement but SELECT or EXPLAIN is refused before it runs, and it
    runs on a connection locked as :func:`connect`'s is (only the release's table files can be read)."""
    check_read_only(sql)
    folder, sums = _open_release(version, releases, _TABLE_FILES)
    pool = ThreadPoolExecutor(max_workers=1)
    con = None
    try:
        hashes = BackgroundHashes(folder, sums, pool) if verify else None
        if hashes is not None:
            hashes.start([f"{t}.parquet" for t in _likely_tables(sql)])
        con = duckdb.connect(":memory:")
        needed = _needed(con, sql)
        try:
            arrow = _run(con, folder, sql, needed, hashes)
        except duckdb.CatalogException:
            if needed is None:
                raise
            # a name the text did not show (a table function given a table's name, say): everything
            con.close()
            con = duckdb.connect(":memory:")
            arrow = _run(con, folder, sql, None, hashes)
    except duckdb.Error as exc:
        raise _refusal(exc) from None
    finally:
        if con is not None:
            con.close()
        pool.shutdown(wait=True, cancel_futures=True)  # guessed files no longer needed are dropped
    if arrow is None:
        raise TollbookError("the query returned no result (use SELECT)")
    return whole_numbers_as_integers(arrow)


def whole_numbers_as_integers(table: pa.Table) -> pa.Table:
    """DuckDB sums integers into HUGEINT, which Arrow receives as decimal128(38, 0) and pandas as
    ``decimal.Decimal``; counts of people are integers, so such columns become int64 when every
    value fits (a sum beyond int64 stays decimal)."""
    for i, field in enumerate(table.schema):
        if pa.types.is_decimal(field.type) and field.type.scale == 0:
            try:
                table = table.set_column(i, field.name, pc.cast(table.column(i), pa.int64()))
            except pa.ArrowInvalid:
                continue
    return table
