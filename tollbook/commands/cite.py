from __future__ import annotations

import click

from tollbook.commands.options import release_option, releases_option

#: the formats of tollbook.release.citation.FORMATS (kept here so `--help` imports no release code;
#: tests/docs/test_help_texts.py checks the two agree)
FORMATS = ("apa", "bibtex", "cff")


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
    from tollbook.citing import cite

    click.echo(cite(version=version, format=fmt, releases=releases))
