from __future__ import annotations

import click

from tollbook.citing import cite
from tollbook.commands.options import release_option, releases_option
from tollbook.release.citation import FORMATS


@click.command("cite")
@release_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="apa", show_default=True,
              help="apa: a reference line; bibtex: an entry for LaTeX; cff: the release's CITATION.cff.")
@releases_option
def command(version, fmt, releases) -> None:
    """Print how to cite a release (read from its CITATION.cff).

    \b
    Example:
      tollbook cite --release 1.0.0 --format bibtex
    """
    click.echo(cite(version=version, format=fmt, releases=releases))
