from __future__ import annotations

from pathlib import Path

import click

from tollbook.contract.problems import TollbookError


@click.command("docs")
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 if the file differs from what the models generate.")
@click.option("--output", "output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Where to write the data dictionary (default: docs/data-dictionary.md of this repository).")
def command(check, output) -> None:
    """Generate docs/data-dictionary.md and the README's table list from the pandera models.

    Every table and column with its type, description, allowed values, unit, references
    and key; the meaning of each precision code and vocabulary value; and the crosswalk
    from UCDP GED and ACLED columns.

    \b
    Example:
      tollbook docs
      tollbook docs --check
    """
    from tollbook.docs import dictionary_path, render_dictionary
    from tollbook.docs.readme_tables import readme_path, refreshed_readme

    outputs = {output or dictionary_path(): render_dictionary()}
    if output is None:
        readme = readme_path()
        outputs[readme] = refreshed_readme(readme.read_text(encoding="utf-8"))
    for path, text in outputs.items():
        if check:
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if current != text:
                raise TollbookError(f"{path} is out of date with the models; run `tollbook docs` to regenerate it")
            click.echo(f"{path} is up to date")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        click.echo(f"wrote {path}")
