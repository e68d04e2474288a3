from __future__ import annotations

from pathlib import Path

import click


@click.command("init")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option("--title", default="A Tollbook dataset", show_default=True, help="The dataset's title (release.yaml).")
@click.option("--version", "version", default="0.1.0", show_default=True, help="The first release's version.")
def command(directory, title, version) -> None:
    """Create a new, empty Tollbook project in DIRECTORY that checks and builds at once.

    It holds dataset/release.yaml (which marks the project: commands run anywhere inside it
    find it), the reference tables with their headers, empty records/ and sources/ folders,
    and a README stub.

    \b
    Example:
      tollbook init my-conflict && cd my-conflict && tollbook check && tollbook build
    """
    from tollbook.project import new_project

    new_project(directory, title, version)
    click.echo(f"project: {directory.absolute()}", err=True)
    click.echo(f"created a Tollbook project in {directory}; next: cd {directory} && tollbook check && tollbook build")
