from __future__ import annotations

import click

from tollbook.commands.options import releases_option


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
    from tollbook.release.catalogue import resolve
    from tollbook.release.changes import changes_text
    from tollbook.release.history import read_release
    from tollbook.remote import local_releases

    local_releases(releases, new)  # fetched into the cache, when read from a URL
    releases = local_releases(releases, old)
    old_version, new_version = resolve(releases, old).name, resolve(releases, new).name
    text = changes_text(old_version, new_version, read_release(releases, old_version),
                        read_release(releases, new_version))
    click.echo(text, nl=False)
