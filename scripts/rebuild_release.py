"""Rebuild a committed release with the Tollbook version that built it, and check it byte for byte.

    python scripts/rebuild_release.py 1.0.0

The code comes from the commit that last wrote releases/VERSION/SHA256SUMS (git history), the
inputs are the files the release's manifest lists at that commit (each sha256 checked), the
libraries are the installed ones (pip install -r requirements.lock gives the locked versions).
Exit 0 when every file of the release is reproduced, 1 with the differing files otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tollbook.contract.problems import TollbookError
from tollbook.release.rebuild import rebuild

REPO = Path(__file__).resolve().parents[1]


@click.command()
@click.argument("version")
@click.option("--repo", type=click.Path(file_okay=False, path_type=Path), default=REPO, show_default=True,
              help="The git checkout whose releases/VERSION is rebuilt.")
def main(version: str, repo: Path) -> None:
    """Rebuild releases/VERSION with the code that built it and compare every byte."""
    try:
        done = rebuild(version, repo, say=lambda line: click.echo(line, err=True))
    except TollbookError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    click.echo(f"release {done.version} reproduced byte for byte ({done.files} files) by tollbook "
               f"{done.tool_version} at commit {done.commit[:7]}")


if __name__ == "__main__":
    main()
