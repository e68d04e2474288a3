import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import factories  # noqa: E402


@pytest.fixture
def tiny_dataset(tmp_path: Path) -> Path:
    """A small valid dataset written from scratch (see tests/factories.py)."""
    return factories.make_dataset(tmp_path)


@pytest.fixture
def seed_dataset(tmp_path: Path) -> Path:
    """A scratch copy of the repository's curated dataset."""
    return factories.copy_seed_dataset(factories.REPO, tmp_path)
