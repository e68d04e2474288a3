from __future__ import annotations

import click

from tollbook.commands.options import releases_option, version_option


@click.command("cite")
@version_option
@click.option("--format", "fmt", type=click.Choice(("apa", "bibtex", "cff")), default="apa", show_default=True,
              help="apa: a reference line; bibtex: an entry for LaTeX; cff: the release's CITATION.cff.")
@releases_option
def command(version, fmt, releases) -> None:
    """Print how to cite a release (read from its CITATION.cff).

    \b
    Example:
      tollbook cite --version 1.0.0 --format bibtex
    """
    from tollbook.citing import cite

    click.echo(cite(version=version, format=fmt, releases=releases))
