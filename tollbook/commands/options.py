"""Options shared by several commands, defined once."""

from __future__ import annotations

import functools
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
def release_option(command):
    """``--release VERSION``: which release a command reads (passed on as ``version``).

    ``tollbook --version`` prints the tool's version; on a command that reads a release the
    old spelling ``--version VERSION`` still works, hidden from help and with a warning."""

    @functools.wraps(command)
    def with_release(*args, legacy_version=None, **kwargs):
        if legacy_version is not None:
            if kwargs["version"] != "latest" and kwargs["version"] != legacy_version:
                raise click.UsageError(f"--release {kwargs['version']} and --version {legacy_version} disagree; "
                                       "give --release only")
            click.echo(f"Warning: --version {legacy_version} is deprecated here; use --release {legacy_version} "
                       "(tollbook --version prints the tool's version)", err=True)
            kwargs["version"] = legacy_version
        return command(*args, **kwargs)

    with_release = click.option("--version", "legacy_version", default=None, hidden=True,
                                help="Deprecated spelling of --release.")(with_release)
    return click.option("--release", "version", default="latest", show_default=True, metavar="VERSION",
                        help="Release to read, e.g. 2.0.0, or 'latest'.")(with_release)


def dataset_or_default(dataset: Path | None) -> Path:
    return dataset if dataset is not None else paths.dataset_dir()


def releases_or_default(releases: Path | None) -> Path:
    return releases if releases is not None else paths.releases_dir()


def parse_options(command):
    """``--jobs``, ``--cache-dir`` and ``--no-cache``: how the curated files are parsed."""
    command = click.option("--no-cache", "no_cache", is_flag=True,
                           help="Parse every file again, without the parse cache.")(command)
    command = click.option("--cache-dir", "cache_dir", type=click.Path(path_type=Path, file_okay=False),
                           default=None, help="Folder of the parse cache, one pack per dataset (default: "
                           "TOLLBOOK_CACHE, else .tollbook-cache beside the dataset folder; TOLLBOOK_CACHE=off "
                           "disables it).")(command)
    return click.option("--jobs", "jobs", type=click.IntRange(min=1), default=1, show_default=True,
                        help="Processes parsing the curated files (the result is the same).")(command)


def parse_cache(dataset: Path, cache_dir: Path | None, no_cache: bool):
    from tollbook.extract.record_cache import ParsedCache, cache_for

    if cache_dir is None and not no_cache:
        return None  # the pipeline's default: TOLLBOOK_CACHE or .tollbook-cache beside the dataset
    return cache_for(dataset, cache_dir, enabled=not no_cache) if not no_cache else ParsedCache(None)
