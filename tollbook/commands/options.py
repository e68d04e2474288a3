"""Options shared by several commands, defined once."""

from __future__ import annotations

from pathlib import Path

import click

from tollbook import paths

dataset_option = click.option(
    "--dataset", "dataset", type=click.Path(path_type=Path, file_okay=False),
    default=None, help="Curated inputs folder (default: dataset/ of this repository).",
)
releases_option = click.option(
    "--releases", "releases", type=click.Path(path_type=Path, file_okay=False),
    default=None, help="Releases folder (default: releases/ of this repository).",
)
version_option = click.option(
    "--version", "version", default="latest", show_default=True,
    help="Release version to read, e.g. 1.0.0, or 'latest'.",
)


def dataset_or_default(dataset: Path | None) -> Path:
    return dataset if dataset is not None else paths.dataset_dir()


def releases_or_default(releases: Path | None) -> Path:
    return releases if releases is not None else paths.releases_dir()
