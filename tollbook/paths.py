"""Where the dataset and the releases live.

By default, the repository this package is installed from (an editable install, as the
README sets up). ``TOLLBOOK_ROOT`` points elsewhere; every command also takes explicit
``--dataset`` / ``--releases`` options.
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    env = os.environ.get("TOLLBOOK_ROOT")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1]


def dataset_dir() -> Path:
    return project_root() / "dataset"


def releases_dir() -> Path:
    return project_root() / "releases"
