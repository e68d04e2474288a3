from __future__ import annotations

import click
import duckdb

from tollbook.access import connect
from tollbook.commands.options import releases_option, version_option
from tollbook.problems import TollbookError


def render(relation: duckdb.DuckDBPyRelation, max_rows: int = 10_000) -> str:
    """A plain text table of a DuckDB result, read through Arrow (no pandas copy)."""
    arrow = relation.to_arrow_table()
    names = arrow.column_names
    columns = [c.to_pylist()[:max_rows] for c in arrow.columns]
    rows = [["" if v is None else str(v) for v in row] for row in zip(*columns, strict=True)]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    line = "  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))
    out = [line.rstrip(), "  ".join("-" * w for w in widths)]
    out += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    out.append(f"({arrow.num_rows} row{'s' if arrow.num_rows != 1 else ''})")
    return "\n".join(out)


@click.command("sql")
@click.argument("query")
@version_option
@releases_option
def command(query, version, releases) -> None:
    """Run a DuckDB SQL query over a release; every table is a view.

    \b
    Example:
      tollbook sql "SELECT outcome, sum(count_best) AS people FROM casualties GROUP BY 1"
    """
    con = connect(version, releases)
    try:
        relation = con.sql(query)
    except duckdb.Error as exc:
        raise TollbookError(f"query failed: {str(exc).splitlines()[0]}") from None
    if relation is None:
        raise TollbookError("the query returned no result (use SELECT)")
    click.echo(render(relation))
