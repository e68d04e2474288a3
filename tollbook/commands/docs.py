from __future__ import annotations

from pathlib import Path

import click

from tollbook.contract.problems import TollbookError


@click.command("docs")
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 if a generated page differs from what generates it.")
@click.option("--output", "output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Where to write the data dictionary (default: docs/data-dictionary.md of this repository).")
def command(check, output) -> None:
    """Generate docs/data-dictionary.md and the table list of docs/releases.md from the pandera
    models, and docs/performance.md from benchmarks/results/*.json (as benchmarks/performance.yaml
    describes it).

    Every table and column with its type, description, allowed values, unit, references
    and key; the meaning of each precision code and vocabulary value; and the crosswalk
    from UCDP GED and ACLED columns.

    \b
    Example:
      tollbook docs
      tollbook docs --check
    """
    from tollbook.docs import dictionary_path, render_dictionary
    from tollbook.docs.performance import performance_path, render_performance
    from tollbook.docs.tables_block import page_path, refreshed_page

    outputs = {output or dictionary_path(): render_dictionary()}
    if output is None:
        page = page_path()
        outputs[page] = refreshed_page(page.read_text(encoding="utf-8"))
        outputs[performance_path()] = render_performance()
    for path, text in outputs.items():
        if check:
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if current != text:
                raise TollbookError(f"{path} is out of date with what generates it; "
                                    "run `tollbook docs` to regenerate it")
            click.echo(f"{path} is up to date")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        click.echo(f"wrote {path}")
