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


def undecided_claims(dataset) -> dict[str, int]:
    """Record file → how many of its claims are still ``proposed`` (only files that have any)."""
    counts: dict[str, int] = {}
    for path, _, status, _ in dataset.records.claim_statuses():
        if status == "proposed":
            counts[path] = counts.get(path, 0) + 1
    return dict(sorted(counts.items()))


@click.command("check")
@dataset_option
@parse_options
@build_releases_option
@click.option("--strict", is_flag=True, help="Also fail when any claim is still undecided (proposed).")
def command(dataset, releases=None, jobs=1, cache_dir=None, no_cache=False, strict=False) -> None:
    """Run every rule a build runs on dataset/, without writing anything.

    The rules against the catalogued releases included: an id of the previous release that
    is gone needs its row in dataset/removals.csv, and a new version its own release date.
    Lists every problem at once (file:line [id] field: check-code: message) and exits 1
    when there is any. Claims still undecided (review status proposed) are counted per
    record file; they never reach a release, and --strict fails on any.

    \b
    Examples:
      tollbook check
      tollbook check --strict
    """
    from tollbook.pipeline import prepare_or_raise
    from tollbook.release.history import history_of

    dataset = dataset_or_default(dataset)
    prepared = prepare_or_raise(dataset, jobs, parse_cache(dataset, cache_dir, no_cache),
                                history_of(releases_or_default(releases)))
    rows = {name: len(frame) for name, frame in prepared.tables.items()}
    undecided = undecided_claims(prepared.dataset)
    click.echo(f"dataset OK: {len(prepared.dataset.sources)} documents, {rows['claims']} claims, "
               f"{rows['casualties']} casualty figures, {rows['airstrikes']} airstrike figures, "
               f"{rows['control_changes']} control changes; no problems")
    if undecided:
        total = sum(undecided.values())
        click.echo(f"{total} claim(s) still undecided in {len(undecided)} record file(s):")
        for path, n in undecided.items():
            click.echo(f"  {path}: {n}")
        if strict:
            raise click.ClickException(f"{total} undecided claim(s) (--strict): decide them with "
                                       "tollbook review")
