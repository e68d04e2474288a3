"""Options shared by several commands, defined once."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from tollbook import paths

dataset_option = click.option(
    "--dataset", "dataset", type=click.Path(path_type=Path, file_okay=False),
    default=None, help="Curated inputs folder (default: dataset/ of the project found from the working "
    "directory upward, or of TOLLBOOK_ROOT).",
)
releases_option = click.option(
    "--releases", "releases", default=None, metavar="DIR|URL",
    help="Releases folder or URL to read from (default: TOLLBOOK_RELEASES_URL, else releases/ of the "
    "project found from the working directory upward, else the published releases, cached).",
)
build_releases_option = click.option(
    "--releases", "releases", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="Releases folder to write (default: releases/ of the project found from the working directory upward).",
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


def announce(project: Path) -> None:
    """The first line of every command that reads or writes a dataset: which project it uses (on
    stderr, so stdout stays the command's output)."""
    click.echo(f"project: {project.absolute()}", err=True)


def dataset_or_default(dataset: Path | None) -> Path:
    """The dataset folder given, or the project's, which is named on stderr first (found from the
    working directory or TOLLBOOK_ROOT, it may not be the one the curator thinks of; a folder given
    with --dataset is the one named)."""
    if dataset is not None:
        return dataset
    root = paths.project_root()
    announce(root)
    return root / "dataset"


def releases_or_default(releases: Path | None) -> Path:
    """The releases folder a command writes to (or reads as a folder only)."""
    if releases is not None:
        if paths.is_url(str(releases)):
            raise click.BadParameter("this command needs a releases folder, not a URL", param_hint="--releases")
        return Path(releases)
    return paths.releases_dir()


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
