from __future__ import annotations

import click

from tollbook.commands.options import dataset_option, dataset_or_default, parse_cache, parse_options
from tollbook.pipeline import prepare_or_raise


@click.command("check")
@dataset_option
@parse_options
def command(dataset, jobs=1, cache_dir=None, no_cache=False) -> None:
    """Run every validation rule on dataset/ without building.

    Lists every problem at once (file:line [id] field: check-code: message) and exits 1
    when there is any.

    \b
    Example:
      tollbook check
    """
    dataset = dataset_or_default(dataset)
    prepared = prepare_or_raise(dataset, jobs, parse_cache(dataset, cache_dir, no_cache))
    rows = {name: len(frame) for name, frame in prepared.tables.items()}
    click.echo(f"dataset OK: {len(prepared.dataset.sources)} documents, {rows['claims']} claims, "
               f"{rows['casualties']} casualty figures, {rows['airstrikes']} airstrike figures, "
               f"{rows['control_changes']} control changes; no problems")
