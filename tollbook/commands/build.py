from __future__ import annotations

import click

from tollbook.commands.options import (
    build_releases_option,
    dataset_option,
    dataset_or_default,
    parse_cache,
    parse_options,
    releases_or_default,
)

SUMMARY_QUERY = """
SELECT event_id, date_start, number_of_sources AS sources, low, best, high, corroboration
FROM events
WHERE best IS NOT NULL
ORDER BY number_of_sources DESC, best DESC, event_id
LIMIT 10
"""


@click.command("build")
@dataset_option
@parse_options
@build_releases_option
@click.option("--quiet", is_flag=True, help="Print only the release folder.")
@click.option("--partition-by", "partition_by", type=click.Choice(["year"]), default=None,
              help="Also write the large tables hive-style, e.g. casualties/year=2015/part-0.parquet.")
def command(dataset, releases, quiet, partition_by=None, jobs=1, cache_dir=None, no_cache=False) -> None:
    """Compile, validate and write the release named in dataset/release.yaml.

    The release goes to releases/<version>/ (one Parquet file per table, manifest.json,
    SHA256SUMS) and is never overwritten: building an existing version again checks that
    the inputs reproduce it byte for byte, and fails if they do not.

    \b
    Example:
      tollbook build
    """
    from tollbook.access import connect
    from tollbook.commands.sql import render
    from tollbook.pipeline import prepare_or_raise
    from tollbook.progress import stages
    from tollbook.release.history import history_of
    from tollbook.release.publish import publish

    releases = releases_or_default(releases)
    with stages(2, "building") as step:  # a bar on a terminal, silent in pipes and CI
        step("reading and checking dataset/ ...")
        dataset = dataset_or_default(dataset)
        prepared = prepare_or_raise(dataset, jobs, parse_cache(dataset, cache_dir, no_cache), history_of(releases))
        step("writing Parquet release ...")
        result = publish(prepared, releases, partition_by=partition_by)
    if quiet:
        click.echo(result.folder)
        return
    verb = "written to" if result.status == "written" else "reproduced byte for byte at"
    click.echo(f"release {result.version} {verb} {result.folder}")
    for name, table in result.manifest["tables"].items():
        click.echo(f"  {name:<18} {table['rows']:>5} rows")
    click.echo("\nThe events told by the most sources, with their reconciled deaths (docs/methodology.md):")
    click.echo(render(connect(result.version, releases).sql(SUMMARY_QUERY)))
