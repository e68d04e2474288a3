"""Where the dataset and the releases live.

A curator's project is found as git finds ``.git``: from the working directory upward, the first
folder holding ``dataset/release.yaml`` (:data:`MARKER`) is the project; ``TOLLBOOK_ROOT`` names
it instead. Where the package is installed plays no part. Every command also takes explicit
``--dataset`` / ``--releases`` options.

Reading a release (``load``, ``query``, ``cite``, ``tollbook sql``...) uses, in this order: the
``releases`` argument or ``--releases DIR|URL``; ``TOLLBOOK_RELEASES_URL`` (a folder or a URL);
the ``releases/`` folder of the project found above; else the published releases, fetched and
cached by :mod:`tollbook.remote`.
"""

from __future__ import annotations

import os
from pathlib import Path

from tollbook.contract.problems import TollbookError

#: The file whose presence makes a folder a Tollbook project (what ``tollbook init`` writes first).
MARKER = Path("dataset") / "release.yaml"

#: Environment variables: the project folder, and where releases are read from.
ROOT_VARIABLE = "TOLLBOOK_ROOT"
RELEASES_VARIABLE = "TOLLBOOK_RELEASES_URL"


def find_project(start: Path | None = None) -> Path | None:
    """``TOLLBOOK_ROOT``, else the nearest folder from ``start`` (the working directory) upward
    that holds ``dataset/release.yaml``; None outside any project."""
    env = os.environ.get(ROOT_VARIABLE)
    if env:
        return Path(env)
    here = (start or Path.cwd()).absolute()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
    return None


def project_root() -> Path:
    root = find_project()
    if root is None:
        raise TollbookError(f"no Tollbook project in {Path.cwd()} or any folder above it (a project holds "
                            f"{MARKER.as_posix()}): cd into one, set {ROOT_VARIABLE}, give --dataset, "
                            "or create one with `tollbook init DIR`")
    return root


def dataset_dir() -> Path:
    return project_root() / "dataset"


def releases_dir() -> Path:
    return project_root() / "releases"


def is_url(text: str | os.PathLike) -> bool:
    return isinstance(text, str) and text.split("://", 1)[0].lower() in ("http", "https")


def release_source(releases: Path | str | None = None) -> Path | str:
    """Where releases are read from: a folder (a :class:`Path`) or a base URL (a ``str``)."""
    choice = releases if releases not in (None, "") else os.environ.get(RELEASES_VARIABLE) or None
    if choice is not None:
        return str(choice).rstrip("/") + "/" if is_url(str(choice)) else Path(choice)
    root = find_project()
    if root is not None:
        return root / "releases"
    from tollbook.registry import published_url

    return published_url()
