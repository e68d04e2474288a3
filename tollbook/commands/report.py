from __future__ import annotations

from pathlib import Path

import click

from tollbook.commands.options import release_option, releases_option


@click.command("report")
@release_option
@releases_option
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder to write index.html and the PNG charts to (default: ./tollbook-report-<version>).")
def command(version, releases, out) -> None:
    """Write an offline HTML report of a release, with its charts as PNG files.

    The page is self-contained (charts embedded as PNG, no scripts, fonts or links to
    fetch): headline counts, casualties and airstrikes per party over time with their
    low/best/high range, claims by claimant and outlet, disagreements between claimants,
    and a map of places.

    \b
    Example:
      tollbook report --release 1.0.0 --out report/
    """
    from tollbook.report import write_report  # matplotlib loads only for this command

    report = write_report(version, releases, out)
    click.echo(f"wrote {report.html}")
    for path in report.pngs.values():
        click.echo(f"wrote {path}")
