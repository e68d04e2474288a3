from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tollbook import paths
from tollbook.commands.options import release_option, releases_option
from tollbook.contract.problems import TollbookError

if TYPE_CHECKING:
    import duckdb
    import pyarrow as pa

FORMATS = ("table", "csv", "json", "parquet")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "[" + ", ".join(_text(v) for v in value) + "]"
    return str(value)


def render_arrow(arrow: pa.Table, max_rows: int = 10_000) -> str:
    """A plain text table of an Arrow table."""
    names = arrow.column_names
    columns = [c.slice(0, max_rows).to_pylist() for c in arrow.columns]
    rows = [[_text(v) for v in row] for row in zip(*columns, strict=True)]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    line = "  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))
    out = [line.rstrip(), "  ".join("-" * w for w in widths)]
    out += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    out.append(f"({arrow.num_rows} row{'s' if arrow.num_rows != 1 else ''})")
    return "\n".join(out)


def render(relation: duckdb.DuckDBPyRelation, max_rows: int = 10_000) -> str:
    """A plain text table of a DuckDB result, read through Arrow (no pandas copy)."""
    return render_arrow(relation.to_arrow_table(), max_rows)


def _plain(arrow: pa.Table) -> pa.Table:
    """Dictionary (category) columns as plain strings, for CSV and JSON."""
    import pyarrow as pa

    columns = [c.cast(c.type.value_type) if pa.types.is_dictionary(c.type) else c for c in arrow.columns]
    return pa.table(columns, names=arrow.column_names)


def to_csv(arrow: pa.Table) -> bytes:
    import pyarrow.csv as pacsv

    buffer = io.BytesIO()
    pacsv.write_csv(_plain(arrow), buffer)
    return buffer.getvalue()


def to_json(arrow: pa.Table) -> bytes:
    """A JSON array of objects, one per row; dates as ISO strings."""
    rows = _plain(arrow).to_pylist()
    return (json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n").encode("utf-8")


def check_output(output: Path, releases: Path | str | None) -> None:
    """Refuse an --output inside the releases folder or the dataset folder: results never
    overwrite a release or a curated file (symlinks are followed before comparing)."""
    target = output.resolve()
    source = paths.release_source(releases)
    root = paths.find_project()
    folders = [f for f in (source, root / "dataset" if root else None) if isinstance(f, Path)]
    if isinstance(source, str):  # a URL: its files live in the cache
        from tollbook.remote import cache_dir

        folders.append(cache_dir())
    for folder in folders:
        if target.is_relative_to(folder.resolve()):
            raise TollbookError(f"--output {output} is inside {folder}: query results are never written "
                                "into a release or the dataset; choose a file elsewhere")


def to_parquet(arrow: pa.Table) -> bytes:
    import pyarrow.parquet as pq

    buffer = io.BytesIO()
    pq.write_table(arrow, buffer, compression="zstd")
    return buffer.getvalue()


@click.command("sql")
@click.argument("query")
@release_option
@releases_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format: an aligned text table, CSV, JSON (an array of objects) or Parquet.")
@click.option("--output", "output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the result to this file instead of stdout (required for parquet on a terminal).")
def command(query, version, releases, fmt, output) -> None:
    """Run a DuckDB SQL query over a release; every table is a view.

    \b
    Example:
      tollbook sql "SELECT corroboration, count(*) AS events, sum(best) AS deaths FROM events GROUP BY 1"
      tollbook sql "SELECT * FROM claims" --format csv --output claims.csv
      tollbook sql "SELECT * FROM casualties" --format parquet --output casualties.parquet
    """
    from tollbook.access import query as run_query

    if output is not None:
        check_output(output, releases)
    arrow = run_query(query, version, releases)
    if fmt == "table":
        data = (render_arrow(arrow) + "\n").encode("utf-8")
    elif fmt == "csv":
        data = to_csv(arrow)
    elif fmt == "json":
        data = to_json(arrow)
    else:
        if output is None and sys.stdout.isatty():
            raise TollbookError("--format parquet writes binary data: give --output FILE or redirect stdout")
        data = to_parquet(arrow)
    if output is not None:
        output.write_bytes(data)
        click.echo(f"wrote {arrow.num_rows} rows to {output}", err=True)
        return
    if fmt == "parquet":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        click.echo(data.decode("utf-8"), nl=False)
