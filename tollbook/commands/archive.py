from __future__ import annotations

from pathlib import Path

import click

from tollbook.commands.options import releases_option


@click.command("archive")
@click.argument("version", default="latest")
@releases_option
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=Path("dist"),
              show_default=True, help="Folder to write the archive, its checksum and its deposit metadata to.")
@click.option("--name", "name", default="tollbook-data", show_default=True,
              help="The archive's name; it is written as NAME-VERSION.tar.gz.")
def command(version, releases, out, name) -> None:
    """Write a release as one archive with deterministic bytes, its sha256, and the metadata a
    DOI deposit needs (Zenodo's .zenodo.json); the release folder is not changed.

    \b
    Example:
      tollbook archive 2.0.0          # dist/tollbook-data-2.0.0.tar.gz, .sha256, .zenodo.json
    """
    from tollbook.access import release_folder
    from tollbook.release.archive import write_archive

    archive = write_archive(release_folder(version, releases), out, name)
    click.echo(f"wrote {archive.path}\n  sha256 {archive.sha256}")
    click.echo(f"wrote {archive.checksum_file}\nwrote {archive.deposit}")
