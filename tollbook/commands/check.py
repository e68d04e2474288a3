from __future__ import annotations

import click

from tollbook.commands.options import dataset_option, dataset_or_default, parse_cache, parse_options


def undecided_claims(dataset) -> dict[str, int]:
    """Record file → how many of its claims are still ``proposed`` (only files that have any)."""
    counts = {}
    for rec in dataset.records.values():
        n = sum(1 for c in rec.content.claims if c.review.status == "proposed")
        if n:
            counts[rec.path] = n
    return dict(sorted(counts.items()))


@click.command("check")
@dataset_option
@parse_options
@click.option("--strict", is_flag=True, help="Also fail when any claim is still undecided (proposed).")
def command(dataset, jobs=1, cache_dir=None, no_cache=False, strict=False) -> None:
    """Run every validation rule on dataset/ without building.

    Lists every problem at once (file:line [id] field: check-code: message) and exits 1
    when there is any. Claims still undecided (review status proposed) are counted per
    record file; they never reach a release, and --strict fails on any.

    \b
    Examples:
      tollbook check
      tollbook check --strict
    """
    from tollbook.pipeline import prepare_or_raise

    dataset = dataset_or_default(dataset)
    prepared = prepare_or_raise(dataset, jobs, parse_cache(dataset, cache_dir, no_cache))
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
