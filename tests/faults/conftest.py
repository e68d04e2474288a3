import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bad_input"))

from bad_input_kit import copy_releases, make_releases, new_dataset  # noqa: E402


@pytest.fixture(scope="session")
def baseline_releases(tmp_path_factory) -> Path:
    return make_releases(tmp_path_factory.mktemp("baseline"))


@pytest.fixture
def releases(baseline_releases: Path, tmp_path: Path) -> Path:
    return copy_releases(baseline_releases, tmp_path / "out")


@pytest.fixture
def ds(tmp_path: Path) -> Path:
    return new_dataset(tmp_path)
