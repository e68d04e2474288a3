from __future__ import annotations

import click

from tollbook.commands.options import releases_option, releases_or_default
from tollbook.release.catalogue import resolve
from tollbook.release.changes import changes_text
from tollbook.release.history import read_release


@click.command("diff")
@click.argument("old")
@click.argument("new")
@releases_option
def command(old, new, releases) -> None:
    """Print what changed from release OLD to release NEW, per table: rows added, removed
    (with the tombstone's reason) and changed (field: old → new), as in CHANGES.md.

    \b
    Example:
      tollbook diff 1.0.0 1.1.0
    """
    releases = releases_or_default(releases)
    old_version, new_version = resolve(releases, old).name, resolve(releases, new).name
    text = changes_text(old_version, new_version, read_release(releases, old_version),
                        read_release(releases, new_version))
    click.echo(text, nl=False)
