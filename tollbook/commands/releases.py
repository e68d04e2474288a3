from __future__ import annotations

import click

from tollbook.commands.options import releases_option


def catalogue_text(entries: list[dict]) -> str:
    if not entries:
        return "no releases yet: run `tollbook build`"
    rows = [("version", "released", "schema", "claims", "casualties", "manifest sha256")]
    for e in entries:
        rows.append((e["version"], e["date_released"], e["schema_version"], str(e["rows"].get("claims", "")),
                     str(e["rows"].get("casualties", "")), e["manifest_sha256"]))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"latest: {entries[-1]['version']}")
    return "\n".join(lines)


@click.command("releases")
@releases_option
def command(releases) -> None:
    """List the catalogued releases (releases/index.json), oldest first; 'latest' is the last.

    Outside a project, the published releases this package registers.

    \b
    Example:
      tollbook releases
    """
    from tollbook import paths

    source = paths.release_source(releases)
    if isinstance(source, str):  # published releases: the registry shipped in the package lists them
        from tollbook import registry

        click.echo(f"releases: {source}", err=True)
        click.echo(catalogue_text(registry.entries()))
        return
    from tollbook.release.catalogue import read_index

    click.echo(catalogue_text(read_index(source)))
