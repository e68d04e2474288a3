from pathlib import Path

import pytest
from bad_input_kit import copy_releases, make_releases, new_dataset


@pytest.fixture(scope="session")
def baseline_releases(tmp_path_factory) -> Path:
    """Built once per session; tests get their own copy (see ``releases``)."""
    return make_releases(tmp_path_factory.mktemp("baseline"))


@pytest.fixture
def releases(baseline_releases: Path, tmp_path: Path) -> Path:
    return copy_releases(baseline_releases, tmp_path / "out")


@pytest.fixture
def ds(tmp_path: Path) -> Path:
    """The tiny valid dataset, set to build version 1.1.0."""
    return new_dataset(tmp_path)
