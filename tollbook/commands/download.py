from __future__ import annotations

import click

from tollbook.commands.options import releases_option


@click.command("download")
@click.argument("version", default="latest")
@releases_option
def command(version, releases) -> None:
    """Fetch a release ahead of time into the user's cache, and print its folder.

    Every file is checked against the release's SHA256SUMS and the hashes this package registers;
    once fetched, load, query, sql and cite read it offline. A bar shows progress on a terminal.

    \b
    Example:
      tollbook download 2.0.0
    """
    from tollbook.remote import download

    click.echo(download(version, releases))
