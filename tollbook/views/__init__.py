"""The statistics views ``connect()`` creates over a release's tables.

Each view is one SQL file in this folder (package data), created in the order of its file
name (``NN_<view>.sql``); the view takes the name after the number.
"""

from __future__ import annotations

from importlib import resources

import duckdb


def view_files() -> list[tuple[str, str]]:
    """(view name, SQL text) in creation order."""
    folder = resources.files(__package__)
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".sql"))
    return [(n[:-4].split("_", 1)[1], (folder / n).read_text(encoding="utf-8")) for n in names]


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    for name, sql in view_files():
        con.execute(f"CREATE VIEW {name} AS {sql.strip().rstrip(';')}")
