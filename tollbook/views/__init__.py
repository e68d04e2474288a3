"""The statistics views ``connect()`` creates over a release's tables.

Each view is one SQL file in this folder (package data), created in the order of its file
name (``NN_<view>.sql``); the view takes the name after the number. A view reads release
tables and views of lower numbers; ``view_dependencies`` says which, from DuckDB's parser.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import duckdb

#: Table functions that read files or make rows but never look a table up by name. A query using
#: any other (``query_table``, ``duckdb_tables``, ...) may read any table or view.
PLAIN_TABLE_FUNCTIONS = frozenset({
    "read_parquet", "parquet_scan", "read_csv", "read_csv_auto", "read_json", "read_json_auto", "read_text",
    "range", "generate_series", "unnest", "glob",
})


@cache
def _view_files() -> tuple[tuple[str, str], ...]:
    folder = resources.files(__package__)
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".sql"))
    return tuple((n[:-4].split("_", 1)[1], (folder / n).read_text(encoding="utf-8")) for n in names)


def _statement(sql: str) -> str:
    return sql.strip().rstrip(";")


def view_files() -> list[tuple[str, str]]:
    """(view name, SQL text) in creation order."""
    return list(_view_files())


def view_names() -> list[str]:
    return [name for name, _ in _view_files()]


def referenced_names(con: duckdb.DuckDBPyConnection, sql: str) -> set[str] | None:
    """The (lower-case) names of the tables and views ``sql`` reads, from DuckDB's parser alone
    (nothing is bound or run); common table expressions are among them. None when the text does
    not tell: not SELECT statements, SHOW / DESCRIBE, a system schema or another database, or a
    table function that may look a table up by name."""
    try:
        text = (con.execute("SELECT json_serialize_sql($1::VARCHAR)", [sql]).fetchone() or ("",))[0]
    except duckdb.Error:
        return None
    tree = json.loads(text)
    if tree.get("error"):
        return None
    names: set[str] = set()
    stack: list = [tree["statements"]]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        kind = node.get("type")
        if kind == "BASE_TABLE":
            schema, catalog = node.get("schema_name", "").lower(), node.get("catalog_name", "").lower()
            if schema not in ("", "main") or catalog not in ("", "memory"):
                return None
            names.add(node["table_name"].lower())
        elif kind == "SHOW_REF":
            return None
        elif kind == "TABLE_FUNCTION":
            function = node.get("function") or {}
            if str(function.get("function_name", "")).lower() not in PLAIN_TABLE_FUNCTIONS:
                return None
        stack.extend(v for v in node.values() if isinstance(v, dict | list))
    return names


_DEPENDENCIES: dict[str, frozenset[str]] = {}


def view_dependencies(con: duckdb.DuckDBPyConnection) -> dict[str, frozenset[str]]:
    """Every name (release table, earlier view or the view's own common table expression) each
    view reads, directly or through other views."""
    if not _DEPENDENCIES:
        out: dict[str, frozenset[str]] = {}
        for name, sql in _view_files():
            direct = referenced_names(con, _statement(sql))
            if direct is None:
                raise RuntimeError(f"view {name} reads tables its text does not name")
            out[name] = frozenset(direct.union(*(out[d] for d in direct if d in out)))
        _DEPENDENCIES.update(out)
    return _DEPENDENCIES


def create_views(con: duckdb.DuckDBPyConnection, names: set[str] | frozenset[str] | None = None) -> None:
    """Create the statistics views (only those in ``names`` when given) in creation order; the
    release tables they read must exist already."""
    for name, sql in _view_files():
        if names is None or name in names:
            con.execute(f"CREATE VIEW {name} AS {_statement(sql)}")
